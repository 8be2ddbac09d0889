//! `minhbach serve`: build, preview the output on 127.0.0.1 only, rebuild
//! when content or theme change, and reload open pages.
//!
//! A rebuild goes through the same atomic [`crate::build`] as `build`, so
//! a failed one leaves the last good site in place; pages then show the
//! error in place. The reload script is injected by the server into the
//! pages it sends, never written into the output.

pub mod files;
pub mod gate;
pub mod http;
pub mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;

use thiserror::Error;

use crate::BuildOptions;
pub use http::{BuildStatus, ServeWords};

/// Errors of `serve`.
#[derive(Debug, Error)]
pub enum ServeError {
    /// The port could not be opened.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for.
        port: u16,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The async runtime could not start.
    #[error("cannot start the server: {0}")]
    Runtime(#[source] std::io::Error),
    /// The output folder may not be replaced.
    #[error("{0}")]
    Output(#[from] crate::output::OutputError),
    /// Watching the content for changes failed.
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: notify::Error,
    },
}

impl ServeError {
    /// How to fix it.
    pub fn help(&self) -> &'static str {
        match self {
            ServeError::Bind { .. } => "pass another --port, or stop the program using this one",
            ServeError::Runtime(_) => "check the system's limits on threads and open files",
            ServeError::Output(e) => e.help(),
            ServeError::Watch { .. } => {
                "pass --poll to check for changes by polling instead of file system events"
            }
        }
    }
}

/// What `serve` needs to know.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// How to build (content, output, theme, …).
    pub build: BuildOptions,
    /// Port on 127.0.0.1 (0 picks a free one).
    pub port: u16,
    /// Poll for changes instead of using file system events.
    pub poll: bool,
}

/// The server's words in `language` from the build's theme, if both load.
fn words_of(build: &BuildOptions, language: Option<&str>) -> Option<ServeWords> {
    let theme = crate::load_theme(build.theme.as_deref(), &build.content).ok()?;
    let l = theme.i18n.locale(language?);
    Some(ServeWords {
        not_found: l.say("serve.not_found"),
        rebuild_failed: l.say("serve.rebuild_failed"),
    })
}

/// Builds once, then serves and rebuilds until the process is stopped.
/// `on_build` is told the outcome of every build (to print it).
pub fn run(
    opts: &ServeOptions,
    on_build: impl Fn(&crate::Report) + Send + 'static,
) -> Result<(), ServeError> {
    // Never serve (or later replace) a folder the build would refuse.
    let target = crate::check_output(&opts.build)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(SocketAddr::from((
            [127, 0, 0, 1],
            opts.port,
        ))))
        .map_err(|source| ServeError::Bind {
            port: opts.port,
            source,
        })?;
    let (tx, rx) = tokio::sync::watch::channel(BuildStatus::default());
    let rebuild = {
        let build = opts.build.clone();
        move || {
            let report = crate::build(&build);
            on_build(&report);
            let words = words_of(&build, report.language.as_deref());
            tx.send_modify(|s| {
                s.version += 1;
                s.error = watch::errors_of(&report);
                // A build that could not read the site keeps the last words.
                if let Some(w) = words {
                    s.words = w;
                }
            });
        }
    };
    rebuild();
    let _watcher = watch::start(&opts.build, opts.poll, rebuild)?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    eprintln!(
        "serving {} at http://127.0.0.1:{port}/ (Ctrl+C to stop)",
        opts.build.output.display()
    );
    runtime.block_on(http::serve(listener, files::Roots::of(&target), rx));
    Ok(())
}
