//! A small preview server for the built site, bound to 127.0.0.1 only.
//!
//! It serves files from the output directory with the right content types;
//! it is for checking a build before publishing, not for production.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// A cheap fingerprint of a directory tree: paths, sizes and modification
/// times of every file. Any edit, addition or removal changes it.
pub fn fingerprint(dirs: &[&Path]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fn walk(dir: &Path, h: &mut impl Hasher) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        let mut entries: Vec<_> = rd.flatten().collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            p.hash(h);
            if p.is_dir() {
                walk(&p, h);
            } else if let Ok(m) = e.metadata() {
                m.len().hash(h);
                m.modified().ok().hash(h);
            }
        }
    }
    for d in dirs {
        walk(d, &mut h);
    }
    h.finish()
}

/// Calls `rebuild` whenever a file under `dirs` changes, checking twice a
/// second, on a background thread.
pub fn watch(dirs: Vec<std::path::PathBuf>, rebuild: impl Fn() + Send + 'static) {
    std::thread::spawn(move || {
        let refs = |d: &[std::path::PathBuf]| {
            fingerprint(&d.iter().map(|p| p.as_path()).collect::<Vec<_>>())
        };
        let mut last = refs(&dirs);
        loop {
            std::thread::sleep(std::time::Duration::from_millis(500));
            let now = refs(&dirs);
            if now != last {
                last = now;
                rebuild();
            }
        }
    });
}

/// Serves `root` on `http://127.0.0.1:<port>/` until the process is stopped.
pub fn serve(root: &Path, port: u16) -> io::Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    eprintln!(
        "serving {} at http://127.0.0.1:{}/ (Ctrl+C to stop)",
        root.display(),
        listener.local_addr()?.port()
    );
    for stream in listener.incoming() {
        match stream {
            Ok(s) => {
                if let Err(e) = handle(s, root) {
                    eprintln!("request failed: {e}");
                }
            }
            Err(e) => eprintln!("connection failed: {e}"),
        }
    }
    Ok(())
}

/// Maps a request path to a file under `root`, refusing anything that
/// would leave it.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut p = root.to_path_buf();
    for c in Path::new(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(s) => p.push(s),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if p.is_dir() {
        p.push("index.html");
    }
    p.is_file().then_some(p)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn handle(mut stream: TcpStream, root: &Path) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    // Drain headers.
    let mut h = String::new();
    while reader.read_line(&mut h)? > 2 {
        h.clear();
    }
    if method != "GET" && method != "HEAD" {
        return stream.write_all(
            b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    }
    let (status, ctype, body) = match resolve(root, target) {
        Some(p) => ("200 OK", content_type(&p), fs::read(&p)?),
        None => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"404: khong tim thay trang".to_vec(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method == "GET" {
        stream.write_all(&body)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_changes_with_content() {
        let dir = std::env::temp_dir().join(format!("mb-fp-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("a.yaml"), "a").unwrap();
        let before = fingerprint(&[&dir]);
        assert_eq!(before, fingerprint(&[&dir]));
        fs::write(dir.join("a.yaml"), "ab").unwrap();
        assert_ne!(before, fingerprint(&[&dir]));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn traversal_is_refused() {
        let dir = std::env::temp_dir().join(format!("mb-serve-{}", std::process::id()));
        fs::create_dir_all(dir.join("a")).unwrap();
        fs::write(dir.join("a/index.html"), "x").unwrap();
        assert!(resolve(&dir, "/a/").is_some());
        assert!(resolve(&dir, "/a/index.html?x=1").is_some());
        assert!(resolve(&dir, "/../etc/passwd").is_none());
        assert!(resolve(&dir, "/%2e%2e/etc/passwd").is_none());
        fs::remove_dir_all(&dir).unwrap();
    }
}
