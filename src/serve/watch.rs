//! Rebuild on change: file system events through `notify` (or, with
//! `--poll`, its polling watcher), debounced so that a save touching
//! several files rebuilds once. Reads are not changes: the build itself
//! opens every content file, and must not trigger the next build.

use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use super::ServeError;
use crate::diagnostics::Severity;
use crate::{BuildOptions, Report};

/// How long the files must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(300);
/// How often `--poll` looks at the files.
const POLL_EVERY: Duration = Duration::from_millis(500);

/// A running watcher; dropping it stops watching.
pub type Running = Box<dyn Watcher + Send>;

/// The directories a build reads: content, its `base:` directory, theme.
pub fn inputs(opts: &BuildOptions) -> Vec<PathBuf> {
    let mut dirs = vec![opts.content.clone()];
    if let Ok(raw) = crate::load::load(&opts.content) {
        dirs.extend(raw.base);
    }
    dirs.extend(opts.theme.clone());
    dirs
}

/// Whether an event is a change (anything but a read).
fn is_change(event: &notify::Result<notify::Event>) -> bool {
    match event {
        Ok(e) => !matches!(e.kind, EventKind::Access(_)),
        Err(e) => {
            eprintln!("watching for changes failed: {e}");
            false
        }
    }
}

/// Calls `rebuild` on a background thread after every burst of changes
/// under the inputs of `opts`.
pub fn start(
    opts: &BuildOptions,
    poll: bool,
    rebuild: impl Fn() + Send + 'static,
) -> Result<Running, ServeError> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    // Polling compares contents, not only modification times, which it
    // sees to the second: two saves within a second are both noticed.
    let config = notify::Config::default()
        .with_poll_interval(POLL_EVERY)
        .with_compare_contents(poll);
    let err = |path: &PathBuf| {
        let path = path.clone();
        move |source| ServeError::Watch { path, source }
    };
    let mut watcher: Running = if poll {
        Box::new(PollWatcher::new(tx, config).map_err(err(&opts.content))?)
    } else {
        Box::new(RecommendedWatcher::new(tx, config).map_err(err(&opts.content))?)
    };
    for dir in inputs(opts) {
        watcher
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(err(&dir))?;
    }
    std::thread::spawn(move || loop {
        match rx.recv() {
            Ok(event) if is_change(&event) => {}
            Ok(_) => continue,
            Err(_) => return,
        }
        // Wait for the burst to end, then rebuild once.
        loop {
            match rx.recv_timeout(QUIET) {
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        rebuild();
    });
    Ok(watcher)
}

/// The errors of a failed build as the page shows them
/// (`file:line:col: error: message` and its help), or `None` if it succeeded.
pub fn errors_of(report: &Report) -> Option<String> {
    if !report.diagnostics.has_errors() {
        return None;
    }
    let lines: Vec<String> = report
        .diagnostics
        .sorted()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    Some(lines.join("\n"))
}
