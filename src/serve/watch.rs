//! Rebuild on change: file system events through `notify`, debounced so a
//! save that touches several files rebuilds once; `--poll` polls instead
//! (network drives, containers without inotify).

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer_opt, Config, DebounceEventResult, Debouncer};

use super::ServeError;
use crate::diagnostics::Severity;
use crate::{BuildOptions, Report};

/// How long the files must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(300);
/// How often `--poll` looks at the files.
const POLL_EVERY: Duration = Duration::from_millis(500);

/// A running watcher; dropping it stops watching.
pub enum Running {
    /// Watching through file system events.
    Events(Debouncer<RecommendedWatcher>),
    /// Watching by polling.
    Polling(Debouncer<PollWatcher>),
}

/// The directories a build reads: content, its `base:` directory, theme.
pub fn inputs(opts: &BuildOptions) -> Vec<PathBuf> {
    let mut dirs = vec![opts.content.clone()];
    if let Ok(raw) = crate::load::load(&opts.content) {
        dirs.extend(raw.base);
    }
    dirs.extend(opts.theme.clone());
    dirs
}

/// Calls `rebuild` on a background thread after every burst of changes
/// under the inputs of `opts`.
pub fn start(
    opts: &BuildOptions,
    poll: bool,
    rebuild: impl Fn() + Send + 'static,
) -> Result<Running, ServeError> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    // Polling compares contents, not only modification times, which it
    // sees to the second: two saves within a second are both noticed.
    let config = Config::default().with_timeout(QUIET).with_notify_config(
        notify::Config::default()
            .with_poll_interval(POLL_EVERY)
            .with_compare_contents(poll),
    );
    let err = |path: &PathBuf| {
        let path = path.clone();
        move |source| ServeError::Watch { path, source }
    };
    let dirs = inputs(opts);
    let running = if poll {
        let mut d = new_debouncer_opt::<_, PollWatcher>(config, tx).map_err(err(&opts.content))?;
        for dir in &dirs {
            d.watcher()
                .watch(dir, RecursiveMode::Recursive)
                .map_err(err(dir))?;
        }
        Running::Polling(d)
    } else {
        let mut d =
            new_debouncer_opt::<_, RecommendedWatcher>(config, tx).map_err(err(&opts.content))?;
        for dir in &dirs {
            d.watcher()
                .watch(dir, RecursiveMode::Recursive)
                .map_err(err(dir))?;
        }
        Running::Events(d)
    };
    std::thread::spawn(move || {
        while let Ok(batch) = rx.recv() {
            // Coalesce whatever else arrived meanwhile into this rebuild.
            while rx.try_recv().is_ok() {}
            match batch {
                Ok(_) => rebuild(),
                Err(e) => eprintln!("watching for changes failed: {e}"),
            }
        }
    });
    Ok(running)
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
