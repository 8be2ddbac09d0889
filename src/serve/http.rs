//! The preview server's HTTP side, on hyper and axum: one task per
//! connection (an idle client blocks no one), a header size limit and a
//! header timeout, files through tower-http's `ServeDir` after
//! [`files::allowed`], and the live-reload endpoints.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::{watch, Semaphore};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use super::files;

/// The snippet injected into every HTML page served (never into `build`).
const INJECT: &str = include_str!("../../themes/default/serve/inject.html");
/// The live-reload script it loads.
const RELOAD_JS: &str = include_str!("../../themes/default/serve/reload.js");

/// Longest a client may take to send its request headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request head accepted (larger gets 431).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Connections served at once; more wait in the listen queue.
const MAX_CONNECTIONS: usize = 256;
/// Longest a connection may stay open.
const CONNECTION_LIFETIME: Duration = Duration::from_secs(300);
/// Longest a live-reload request waits for a rebuild before answering.
const WAIT: Duration = Duration::from_secs(20);
/// Largest HTML page the reload snippet is injected into.
const MAX_HTML: usize = 256 * 1024 * 1024;

/// The outcome of the latest rebuild, as the pages see it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildStatus {
    /// Increases with every rebuild, successful or not.
    pub version: u64,
    /// The errors of the latest rebuild (`file:line:col: error: …`), if it failed.
    pub error: Option<String>,
    /// The server's words, in the site's language.
    pub words: ServeWords,
}

/// What the preview server says to the browser, from the theme's i18n
/// files in the site's language (`serve.*`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServeWords {
    /// The body of a 404 answer.
    pub not_found: String,
    /// The heading over a failed rebuild's errors.
    pub rebuild_failed: String,
}

struct App {
    root: PathBuf,
    status: watch::Receiver<BuildStatus>,
}

/// Serves `root` on `listener` until the process ends.
pub async fn serve(
    listener: tokio::net::TcpListener,
    root: PathBuf,
    status: watch::Receiver<BuildStatus>,
) {
    let app = Arc::new(App { root, status });
    let router = Router::new()
        .route("/__minhbach/reload.js", get(reload_js))
        .route("/__minhbach/wait", get(wait))
        .fallback(file)
        .with_state(app);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(permit) = slots.clone().acquire_owned().await else {
            return;
        };
        let (stream, _): (_, SocketAddr) = match listener.accept().await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("connection failed: {e}");
                continue;
            }
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_HEADER_BYTES)
                .max_header_size(MAX_HEADER_BYTES)
                .serve_connection(TokioIo::new(stream), service);
            let _ = tokio::time::timeout(CONNECTION_LIFETIME, conn).await;
            drop(permit);
        });
    }
}

async fn reload_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        RELOAD_JS,
    )
        .into_response()
}

/// Answers with the build status once it differs from `?seen=N` (or at
/// once without it), or after [`WAIT`].
async fn wait(State(app): State<Arc<App>>, req: Request) -> Response {
    let seen: Option<u64> = req
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("seen=")))
        .and_then(|v| v.parse().ok());
    let mut rx = app.status.clone();
    if let Some(seen) = seen {
        let _ = tokio::time::timeout(WAIT, rx.wait_for(|s| s.version != seen)).await;
    }
    let s = rx.borrow().clone();
    let body = serde_json::json!({
        "version": s.version,
        "error": s.error,
        "title": s.words.rebuild_failed,
    });
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body.to_string(),
    )
        .into_response()
}

async fn file(State(app): State<Arc<App>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    if files::allowed(&app.root, &path).is_none() {
        let words = app.status.borrow().words.not_found.clone();
        return (StatusCode::NOT_FOUND, format!("{words}\n")).into_response();
    }
    let served: Result<_, Infallible> = ServeDir::new(&app.root)
        .append_index_html_on_directories(true)
        .oneshot(req)
        .await;
    let Ok(res) = served;
    let mut res = res.map(Body::new);
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !html || res.status() != StatusCode::OK {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_HTML).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "page too large").into_response();
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(inject(&bytes)))
}

/// The page with the live-reload snippet before its last `</body>` (or at
/// the end when it has none).
pub fn inject(page: &[u8]) -> Vec<u8> {
    let at = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + INJECT.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(INJECT.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_goes_before_the_last_closing_body() {
        let page = inject(b"<html><body><p>x</p></body></html>");
        let text = String::from_utf8(page).unwrap();
        assert!(
            text.ends_with(&format!("<p>x</p>{INJECT}</body></html>")),
            "{text}"
        );
        let bare = String::from_utf8(inject(b"<p>x")).unwrap();
        assert_eq!(bare, format!("<p>x{INJECT}"));
    }
}
