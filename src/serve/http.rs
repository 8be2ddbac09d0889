//! The preview server's HTTP side, on hyper and axum: one task per
//! connection, a connection slot only once it has sent a byte ([`gate`]:
//! idle sockets never hold the slots), a header size limit and a short
//! header and idle timeout, files through tower-http's `ServeDir` after
//! [`files::allowed`] — looked up in the published tree and, while a
//! rebuild swaps the trees, in the old or new one beside it, so a page
//! present before and after is never answered 404 — and the live-reload
//! endpoints.

use std::convert::Infallible;
use std::net::SocketAddr;
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

use super::files::{self, Roots};
use super::gate;

/// The snippet injected into every HTML page served (never into `build`).
const INJECT: &str = include_str!("../../themes/default/serve/inject.html");
/// The live-reload script it loads.
const RELOAD_JS: &str = include_str!("../../themes/default/serve/reload.js");

/// Longest a client may take to send its request headers, and longest a
/// kept-alive connection may stay idle holding a slot.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// Longest a connection that has sent its first byte waits for a slot.
const SLOT_WAIT: Duration = Duration::from_secs(30);
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
    roots: Roots,
    status: watch::Receiver<BuildStatus>,
}

/// Serves the site at `roots` on `listener` until the process ends.
pub async fn serve(
    listener: tokio::net::TcpListener,
    roots: Roots,
    status: watch::Receiver<BuildStatus>,
) {
    let app = Arc::new(App { roots, status });
    let router = Router::new()
        .route("/__minhbach/reload.js", get(reload_js))
        .route("/__minhbach/wait", get(wait))
        .fallback(file)
        .with_state(app);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let parked = gate::Parked::new();
    loop {
        // Accepting never waits for a slot: a connection takes one only
        // once it has something to say.
        let (stream, _): (_, SocketAddr) = match listener.accept().await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("connection failed: {e}");
                // Out of file descriptors: give the open ones a moment.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(router.clone());
        let (slots, parked) = (slots.clone(), parked.clone());
        tokio::spawn(async move {
            if !parked.first_byte(&stream).await {
                return;
            }
            let Ok(Ok(permit)) = tokio::time::timeout(SLOT_WAIT, slots.acquire_owned()).await
            else {
                return;
            };
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
    let (parts, _) = req.into_parts();
    // The published tree first; while a rebuild swaps the trees, the old
    // one beside it, then the new one, then the published tree again (a
    // request may start before a swap and look after it).
    for root in app.roots.candidates() {
        // The trees beside the output are looked at only while it is away
        // (the instant of the swap): the staged site is whole by then, and
        // a page the new site dropped is not served from the old one.
        let beside = root != app.roots.out.as_path();
        if beside && std::fs::symlink_metadata(&app.roots.out).is_ok() {
            continue;
        }
        if files::allowed(root, &path).is_none() {
            continue;
        }
        let mut again = Request::new(Body::empty());
        *again.method_mut() = parts.method.clone();
        *again.uri_mut() = parts.uri.clone();
        *again.version_mut() = parts.version;
        *again.headers_mut() = parts.headers.clone();
        let served: Result<_, Infallible> = ServeDir::new(root)
            .append_index_html_on_directories(true)
            .oneshot(again)
            .await;
        let Ok(res) = served;
        // Found here, or missing for a reason other than the swap.
        if res.status() != StatusCode::NOT_FOUND {
            return finish(res.map(Body::new)).await;
        }
    }
    let words = app.status.borrow().words.not_found.clone();
    (StatusCode::NOT_FOUND, format!("{words}\n")).into_response()
}

/// A file's answer, not cached, with the reload snippet in HTML pages.
async fn finish(mut res: Response) -> Response {
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
