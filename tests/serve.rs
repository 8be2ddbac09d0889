//! `minhbach serve` as a client sees it: concurrent, bounded, serving only
//! the site, reloading open pages, and showing a failed rebuild in place.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;

/// A running `serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    log: std::sync::Mutex<mpsc::Receiver<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(content: &Path, out: &Path) -> Server {
        Server::start_with(content, out, &[])
    }

    fn start_with(content: &Path, out: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_minhbach"))
            .args(["serve", "--port", "0"])
            .args(extra)
            .arg("--content")
            .arg(content)
            .arg("--output")
            .arg(out)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, log) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server {
            child,
            port: 0,
            log: std::sync::Mutex::new(log),
        };
        let line = server.wait_for("serving ");
        let port = line.rsplit(':').next().unwrap();
        server.port = port.split('/').next().unwrap().parse().unwrap();
        server
    }

    /// The next stderr line containing `what` (within 60 s).
    fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        let log = self.log.lock().unwrap();
        while let Ok(line) = log.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            if line.contains(what) {
                return line;
            }
        }
        panic!("serve never printed {what:?}");
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s
    }

    /// Sends raw request bytes; returns (status, body).
    fn raw(&self, request: &[u8]) -> (u16, String) {
        let mut s = self.connect();
        // The server may answer and close before reading all of a huge request.
        let _ = s.write_all(request);
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        let text = String::from_utf8_lossy(&buf).into_owned();
        let status = text
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let body = text
            .split_once("\r\n\r\n")
            .map(|x| x.1)
            .unwrap_or("")
            .to_string();
        (status, body)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.raw(format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes())
    }
}

/// Long-polls the build status from `seen` on until `done` holds (a save
/// may cause more than one rebuild).
fn wait_until(
    server: &Server,
    mut seen: u64,
    done: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let (_, state) = server.get(&format!("/__minhbach/wait?seen={seen}"));
        let v: serde_json::Value = serde_json::from_str(&state).unwrap();
        if v["version"].as_u64().unwrap() != seen && done(&v) {
            return v;
        }
        seen = v["version"].as_u64().unwrap();
    }
    panic!("no rebuild matched");
}

fn small_site(dir: &Path) {
    let tasks = "groups:\n  - code: \"I\"\n    title: \"NHÓM\"\n    goals:\n      - goal: \"Mục tiêu\"\n        tasks:\n          - number: \"1\"\n            task: \"Nhiệm vụ một\"\n            lead: \"Sở KH&CN\"\n            deadline: \"30/10/2025\"\n          - number: \"2\"\n            task: \"Nhiệm vụ hai\"\n            lead: \"Sở KH&CN\"\n            deadline: \"Thường xuyên\"\n";
    write_content(
        dir,
        &[
            ("site.yaml", SITE),
            ("agencies.yaml", AGENCIES),
            ("plans/kh-thu/plan.md", PLAN_MD),
            ("plans/kh-thu/tasks.yaml", tasks),
        ],
    );
}

#[test]
fn serve_is_concurrent_bounded_and_serves_only_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    small_site(&content);
    let out = tmp.path().join("site");
    let server = Server::start(&content, &out);
    assert_eq!(server.get("/").0, 200);

    // An idle client and a half-sent request do not block anyone.
    let _idle = server.connect();
    let mut half = server.connect();
    half.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    let t = Instant::now();
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| server.get("/ke-hoach/"));
        let b = s.spawn(|| server.get("/co-quan/"));
        (a.join().unwrap(), b.join().unwrap())
    });
    assert_eq!((a.0, b.0), (200, 200));
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());

    // A huge header is refused without taking the server down.
    let mut huge = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
    huge.extend(b"\r\n\r\n");
    let (status, _) = server.raw(&huge);
    assert_eq!(status, 431, "request header fields too large");
    assert_eq!(server.get("/").0, 200);

    // Dot entries and symlinks out of the output are not served.
    fs::create_dir_all(out.join(".git")).unwrap();
    fs::write(out.join(".git/config"), "url = https://token@example.org").unwrap();
    fs::write(tmp.path().join("secret.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(tmp.path().join("secret.txt"), out.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(tmp.path(), out.join("up")).unwrap();
    for path in [
        "/.git/config",
        "/%2Egit/config",
        "/.minhbach-output",
        "/leak.txt",
        "/up/secret.txt",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("secret") && !body.contains("token"),
            "{path}"
        );
    }
}

#[test]
fn pages_reload_after_a_rebuild_and_show_a_failed_one_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    small_site(&content);
    let out = tmp.path().join("site");
    let server = Server::start(&content, &out);
    let (status, page) = server.get("/");
    assert_eq!(status, 200);
    assert!(page.contains("<script src=\"/__minhbach/reload.js\"></script>"));
    assert!(page.contains("Thử nghiệm"));
    let (status, js) = server.get("/__minhbach/reload.js");
    assert!(status == 200 && js.contains("location.reload"), "{js}");
    let (_, state) = server.get("/__minhbach/wait");
    let v: serde_json::Value = serde_json::from_str(&state).unwrap();
    let version = v["version"].as_u64().unwrap();
    assert!(v["error"].is_null());
    // Without an edit nothing rebuilds: the build's own reads of the
    // content are not changes.
    std::thread::sleep(Duration::from_millis(1500));
    let (_, again) = server.get("/__minhbach/wait");
    let again: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(
        again["version"].as_u64(),
        Some(version),
        "a rebuild without an edit"
    );

    // The built output itself never carries the reload script.
    for (path, bytes) in snapshot(&out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__minhbach"),
            "{path} carries the reload script"
        );
    }

    // A good edit: the waiting page learns of the new version, no error.
    let site = SITE.replace("Thử nghiệm", "Thử nghiệm mới");
    write_content(&content, &[("site.yaml", &site)]);
    let v = wait_until(&server, version, |v| {
        v["error"].is_null() && server.get("/").1.contains("Thử nghiệm mới")
    });
    let version = v["version"].as_u64().unwrap();
    assert!(server.get("/").1.contains("Thử nghiệm mới"));

    // A broken edit: the error with its location, and the last good site stays.
    write_content(&content, &[("site.yaml", &format!("{site}as_of: [\n"))]);
    let v = wait_until(&server, version, |v| v["error"].is_string());
    let error = v["error"].as_str().unwrap();
    assert!(error.contains("site.yaml:"), "{error}");
    let located = error.split(": error").next().unwrap();
    assert!(
        located
            .rsplit(':')
            .take(2)
            .all(|n| n.parse::<u32>().is_ok()),
        "{error}"
    );
    assert!(server.get("/").1.contains("Thử nghiệm mới"));
}

#[test]
fn serve_refuses_a_folder_it_may_not_replace() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    small_site(&content);
    let o = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["serve", "--port", "0", "--content"])
        .arg(&content)
        .arg("--output")
        .arg(content.join("plans"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("inside the content directory") && err.contains("help:"),
        "{err}"
    );
}

#[test]
fn the_polling_watcher_rebuilds_too() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    small_site(&content);
    let out = tmp.path().join("site");
    let server = Server::start_with(&content, &out, &["--poll"]);
    let (_, state) = server.get("/__minhbach/wait");
    let v: serde_json::Value = serde_json::from_str(&state).unwrap();
    write_content(
        &content,
        &[("site.yaml", &SITE.replace("Thử nghiệm", "Đã thăm dò"))],
    );
    wait_until(&server, v["version"].as_u64().unwrap(), |v| {
        v["error"].is_null() && server.get("/").1.contains("Đã thăm dò")
    });
}

#[test]
fn the_server_speaks_the_sites_language_from_the_i18n_files() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let theme = |lang: &str| -> toml::Table {
        let text =
            fs::read_to_string(root.join(format!("themes/default/i18n/{lang}.toml"))).unwrap();
        text.parse::<toml::Table>().unwrap()["serve"]
            .as_table()
            .unwrap()
            .clone()
    };
    let english = Server::start(&root.join("examples/english"), &tmp.path().join("en"));
    let content = tmp.path().join("c");
    small_site(&content);
    let vietnamese = Server::start(&content, &tmp.path().join("vi"));
    for (server, lang) in [(&english, "en"), (&vietnamese, "vi")] {
        let words = theme(lang);
        let (status, body) = server.get("/.hidden");
        assert_eq!(status, 404);
        assert_eq!(
            body.trim_end(),
            words["not_found"].as_str().unwrap(),
            "{lang}"
        );
        let (_, state) = server.get("/__minhbach/wait");
        let v: serde_json::Value = serde_json::from_str(&state).unwrap();
        assert_eq!(
            v["title"],
            words["rebuild_failed"].as_str().unwrap(),
            "{lang}"
        );
    }
    assert_ne!(theme("en")["not_found"], theme("vi")["not_found"]);
}

/// One GET on a fresh connection: the status, or 0 when the connection
/// failed, was dropped or got no answer within `wait`.
fn status_within(port: u16, path: &str, wait: Duration) -> u16 {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return 0;
    };
    let _ = s.set_read_timeout(Some(wait));
    let req = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return 0;
    }
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf)
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_rebuild_storm_never_answers_404_for_pages_before_and_after() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    small_site(&content);
    let out = tmp.path().join("site");
    let server = Server::start(&content, &out);
    let pages = [
        "/",
        "/ke-hoach/",
        "/ke-hoach/kh-thu/",
        "/ke-hoach/kh-thu/nhiem-vu/1/",
        "/ke-hoach/kh-thu/nhiem-vu/2/",
        "/co-quan/",
        "/co-quan/so-khcn/",
        "/lich/",
        "/tinh-trang/",
    ];
    for p in pages {
        assert_eq!(server.get(p).0, 200, "{p}");
    }
    // Top-level dot entries (`.git`, `.well-known`…) are carried from the
    // old tree to the new one at each swap: many of them widen the
    // instant the output path is away.
    for k in 0..400 {
        fs::create_dir_all(out.join(format!(".kept-{k}"))).unwrap();
    }
    let (_, state) = server.get("/__minhbach/wait");
    let v: serde_json::Value = serde_json::from_str(&state).unwrap();
    let mut version = v["version"].as_u64().unwrap();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let port = server.port;
    let (answers, bad) = std::thread::scope(|s| {
        let clients: Vec<_> = (0..12)
            .map(|k| {
                let stop = &stop;
                s.spawn(move || {
                    let (mut n, mut bad) = (0, Vec::new());
                    let mut i = k;
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        let p = pages[i % pages.len()];
                        let st = status_within(port, p, Duration::from_secs(20));
                        if st != 200 {
                            bad.push((p, st));
                        }
                        n += 1;
                        i += 1;
                    }
                    (n, bad)
                })
            })
            .collect();
        // Ten rebuilds that change every page (the site's title is on each).
        for round in 0..10 {
            let site = SITE.replace("Thử nghiệm", &format!("Thử nghiệm {round}"));
            write_content(&content, &[("site.yaml", &site)]);
            let want = format!("Thử nghiệm {round}");
            let v = wait_until(&server, version, |v| {
                v["error"].is_null() && server.get("/").1.contains(&want)
            });
            version = v["version"].as_u64().unwrap();
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut answers = 0;
        let mut bad = Vec::new();
        for c in clients {
            let (n, b) = c.join().unwrap();
            answers += n;
            bad.extend(b);
        }
        (answers, bad)
    });
    eprintln!("rebuild storm: {answers} answers, {} not 200", bad.len());
    assert!(answers > 100, "{answers}");
    assert!(
        bad.is_empty(),
        "{} answers not 200, first: {:?}",
        bad.len(),
        &bad[..bad.len().min(10)]
    );
}

#[test]
fn idle_sockets_reopened_without_end_never_starve_active_clients() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    small_site(&content);
    let server = Server::start(&content, &tmp.path().join("site"));
    let port = server.port;
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (ok, failed, took) = std::thread::scope(|s| {
        // 256 sockets that never send a byte, re-opened as soon as the
        // server closes one.
        let idle = s.spawn(|| {
            let mut held: Vec<TcpStream> = (0..256)
                .filter_map(|_| TcpStream::connect(("127.0.0.1", port)).ok())
                .collect();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for sock in held.iter_mut() {
                    let _ = sock.set_nonblocking(true);
                    let mut b = [0u8; 1];
                    let closed = matches!(sock.read(&mut b), Ok(0));
                    if closed {
                        if let Ok(fresh) = TcpStream::connect(("127.0.0.1", port)) {
                            *sock = fresh;
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        std::thread::sleep(Duration::from_millis(500));
        let t = Instant::now();
        // 300 active clients, 30 at a time, each answered within 3 s (the
        // idle sockets time out after 5 s: a client waiting for their slots
        // would not be).
        let results: Vec<u16> = (0..30)
            .map(|_| {
                s.spawn(move || {
                    (0..10)
                        .map(|_| status_within(port, "/ke-hoach/", Duration::from_secs(3)))
                        .collect::<Vec<_>>()
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        let took = t.elapsed();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        idle.join().unwrap();
        let ok = results.iter().filter(|&&c| c == 200).count();
        (ok, results.len() - ok, took)
    });
    eprintln!("idle sockets: {ok} of 300 active clients served in {took:?}, {failed} failed");
    assert_eq!((ok, failed), (300, 0));
    assert!(took < Duration::from_secs(60), "{took:?}");
}
