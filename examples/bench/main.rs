//! Benchmark: builds synthetic content at several sizes and a national
//! simulation, each in a fresh child process, and prints wall time, peak
//! memory (the child's `VmHWM`), files and bytes written, the largest HTML
//! page, the search index and its largest shard, and a rebuild after one
//! added report; first, the shipped content's build, charts and page
//! weights. With `HUGO=/path/to/hugo`
//! and `--peers DIR` (sites written by the peer generator, `DIR/n<N>/hugo`
//! and `DIR/n<N>/minhbach`), Hugo builds the same tasks in the same run,
//! in three pairs in turn, and the ratio of the medians is printed.
//!
//! Run: `cargo run --release --example bench -- [SIZES] [--national] [--peers DIR]`
//! (`--write-national DIR` only writes the national simulation's content).
//! (`SIZES` is a comma list, default `10000,50000`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use minhbach::BuildOptions;

/// The program's own allocator (see `src/main.rs`), so the bench measures
/// what `minhbach build` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod content;

use content::{add_report, gen_national, gen_peers};

/// Peak resident memory of this process so far, in KiB.
fn vm_hwm() -> u64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Child mode: one build, then its summary and peak memory on stdout.
fn child(content: &str, out: &str) {
    let r = minhbach::build(&BuildOptions::new(content, out));
    if r.diagnostics.has_errors() {
        eprintln!("{:?}", r.diagnostics.sorted());
        std::process::exit(1);
    }
    println!("summary {}", r.summary);
    println!("timings {}", r.stages);
    println!("peak_kib {}", vm_hwm());
}

/// Child mode: the stages before rendering alone (load and validate, then
/// derive), timed, to tell the render and output stages' share of a build.
fn child_stages(content: &str) {
    let t = Instant::now();
    let (model, _) = minhbach::load_model(Path::new(content), None);
    let load = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let derived = model.as_ref().map(minhbach::derive::Derived::new);
    let derive = t.elapsed().as_secs_f64();
    drop(derived);
    println!("stages {load:.2} {derive:.2}");
}

/// Seconds of (load and validate, derive) in a fresh process.
fn stages(content: &Path) -> (f64, f64) {
    let exe = std::env::current_exe().expect("bench executable");
    let o = Command::new(exe)
        .arg("--child-stages")
        .arg(content)
        .output()
        .expect("run child stages");
    let text = String::from_utf8_lossy(&o.stdout);
    let v: Vec<f64> = text
        .lines()
        .find_map(|l| l.strip_prefix("stages "))
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    (
        v.first().copied().unwrap_or(0.0),
        v.get(1).copied().unwrap_or(0.0),
    )
}

/// A build in a fresh process: wall seconds, peak MiB, summary (with the
/// wall time of each stage after a `|`).
fn build(content: &Path, out: &Path) -> (f64, f64, String) {
    let exe = std::env::current_exe().expect("bench executable");
    let t = Instant::now();
    let o = Command::new(exe)
        .arg("--child-build")
        .arg(content)
        .arg(out)
        .output()
        .expect("run child build");
    let secs = t.elapsed().as_secs_f64();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let field = |k: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(k))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let peak = field("peak_kib").parse::<f64>().unwrap_or(0.0) / 1024.0;
    (
        secs,
        peak,
        format!("{} | {}", field("summary"), field("timings")),
    )
}

/// Runs of each tool in the comparison with Hugo.
const PAIRS: usize = 3;

/// One pair of the comparison: Hugo's and minhbach's (seconds, peak MiB).
type Pair = ((f64, f64), (f64, f64));

/// Hugo on a peer site: wall seconds and peak MiB (from GNU time, when present).
fn hugo(bin: &str, site: &Path) -> Option<(f64, f64)> {
    let _ = fs::remove_dir_all(site.join("public"));
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    let t = Instant::now();
    let o = cmd
        .args(["--quiet", "--destination", "public"])
        .current_dir(site)
        .output()
        .ok()?;
    let secs = t.elapsed().as_secs_f64();
    if !o.status.success() {
        eprintln!("hugo failed: {}", String::from_utf8_lossy(&o.stderr));
        return None;
    }
    let peak = String::from_utf8_lossy(&o.stderr)
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0;
    Some((secs, peak))
}

/// Files, bytes, and the largest HTML page (path, bytes) under `dir`.
fn tree(dir: &Path) -> (usize, u64, (String, u64)) {
    let mut stack = vec![dir.to_path_buf()];
    let (mut files, mut bytes, mut big) = (0, 0, (String::new(), 0));
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let n = e.metadata().map(|m| m.len()).unwrap_or(0);
                files += 1;
                bytes += n;
                if p.extension().is_some_and(|x| x == "html") && n > big.1 {
                    let rel = p.strip_prefix(dir).unwrap_or(&p).display().to_string();
                    big = (rel, n);
                }
            }
        }
    }
    (files, bytes, big)
}

/// Some task of the built site, as `plan/task`.
fn some_task(out: &Path) -> Option<String> {
    let mut plans: Vec<PathBuf> = fs::read_dir(out.join("ke-hoach"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("nhiem-vu").is_dir())
        .collect();
    plans.sort();
    let plan = plans.first()?;
    let mut tasks: Vec<String> = fs::read_dir(plan.join("nhiem-vu"))
        .ok()?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    tasks.sort();
    Some(format!(
        "{}/{}",
        plan.file_name()?.to_string_lossy(),
        tasks.first()?
    ))
}

fn report(label: &str, content: &Path, out: &Path) {
    let (secs, peak, summary) = build(content, out);
    let (files, bytes, big) = tree(out);
    let task = some_task(out).expect("the site has a task");
    println!(
        "{label}: built in {secs:.2} s, peak {peak:.0} MiB, {files} files, {:.1} MB; {summary}",
        bytes as f64 / 1e6
    );
    println!(
        "{label}: largest HTML page {} ({:.0} KB)",
        big.0,
        big.1 as f64 / 1e3
    );
    let (load, derive) = stages(content);
    println!(
        "{label}: load and validate {load:.2} s, derive {derive:.2} s (each alone); render and write the rest, about {:.2} s",
        secs - load - derive
    );
    let (secs, _, summary) = build(content, out);
    println!("{label}: unchanged rebuild in {secs:.2} s; {summary}");
    add_report(content, &task);
    let (secs, peak, summary) = build(content, out);
    println!(
        "{label}: rebuild after one added report in {secs:.2} s, peak {peak:.0} MiB; {summary}"
    );
}

/// Total size of the files under `dir` whose path passes `keep`.
fn size_where(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> u64 {
    let mut stack = vec![dir.to_path_buf()];
    let mut n = 0;
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if keep(&p) {
                n += e.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
    }
    n
}

/// The shipped content: build time, chart rendering, page weights, and
/// the search index with its largest shard.
fn shipped(tmp: &Path) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let out = tmp.join("shipped");
    let (secs, peak, summary) = build(&content, &out);
    println!("shipped content: built in {secs:.3} s, peak {peak:.0} MiB; {summary}");
    if let (Some(model), _) = minhbach::load_model(&content, None) {
        let d = minhbach::derive::Derived::new(&model);
        if let Ok(theme) = minhbach::render::theme::Theme::embedded() {
            let t = Instant::now();
            let locale = theme.i18n.locale(&model.site.language);
            let charts = minhbach::render::chart_data::all(&model, &d, &locale, &theme.states);
            println!(
                "shipped content: {} charts rendered in {:.1} ms ({} bytes of SVG)",
                charts.len(),
                t.elapsed().as_secs_f64() * 1000.0,
                charts.iter().map(|c| c.svg.len()).sum::<usize>()
            );
        }
    }
    let css = fs::metadata(out.join("tai-nguyen/style.css")).map_or(0, |m| m.len());
    for page in [
        "index.html",
        "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/index.html",
        "ke-hoach/114-kh-bcd-2025/index.html",
    ] {
        let html = fs::metadata(out.join(page)).map_or(0, |m| m.len());
        println!(
            "page weight {page}: {html} B HTML + {css} B CSS = {} B",
            html + css
        );
    }
    search_index("shipped content", &out);
}

/// Size of the search index and of its largest token shard.
fn search_index(label: &str, out: &Path) {
    let total = size_where(&out.join("tim-kiem"), &|p| {
        p.extension().is_some_and(|x| x == "json")
    });
    let largest = fs::read_dir(out.join("tim-kiem/t"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .max()
        .unwrap_or(0);
    println!("{label}: search index {total} B, largest token shard {largest} B");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child-build") && args.len() == 4 {
        child(&args[2], &args[3]);
        return;
    }
    if args.get(1).map(String::as_str) == Some("--child-stages") && args.len() == 3 {
        child_stages(&args[2]);
        return;
    }
    // Writes the national simulation's content to a folder, to build it by hand.
    if args.get(1).map(String::as_str) == Some("--write-national") && args.len() == 3 {
        gen_national(Path::new(&args[2]));
        return;
    }
    let flag = |f: &str| args.iter().position(|a| a == f);
    let sizes: Vec<usize> = args
        .iter()
        .skip(1)
        .find(|a| a.chars().all(|c| c.is_ascii_digit() || c == ','))
        .map(|s| s.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 50_000]);
    let peers: Option<PathBuf> = flag("--peers")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let hugo_bin = std::env::var("HUGO").ok();
    let tmp = std::env::temp_dir().join(format!("minhbach-bench-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    shipped(&tmp);
    for n in sizes {
        let peer = peers.as_ref().map(|p| p.join(format!("n{n}")));
        let content = match peer
            .as_ref()
            .map(|p| p.join("minhbach"))
            .filter(|p| p.is_dir())
        {
            Some(p) => {
                // Work on a copy: the bench adds a report to it.
                let c = tmp.join(format!("n{n}/content"));
                fs::create_dir_all(tmp.join(format!("n{n}"))).expect("bench directory");
                let ok = Command::new("cp").arg("-r").arg(&p).arg(&c).status();
                assert!(ok.is_ok_and(|s| s.success()), "copy {}", p.display());
                c
            }
            None => {
                let c = tmp.join(format!("n{n}/content"));
                gen_peers(&c, n);
                c
            }
        };
        // Beside Hugo's output when comparing, so both write to the same
        // file system (a disk and a tmpfs differ more than the tools).
        let out = match &peer {
            Some(p) if p.join("hugo").is_dir() => p.join("minhbach-public"),
            _ => tmp.join(format!("n{n}/out")),
        };
        let _ = fs::remove_dir_all(&out);
        let hugo_site = peer.map(|p| p.join("hugo")).filter(|p| p.is_dir());
        if let (Some(bin), Some(site)) = (hugo_bin.as_deref(), hugo_site.as_deref()) {
            // Pairs in turn, each output deleted before its run (outside
            // the timing): the noise of a shared machine falls on both.
            let mut pairs = Vec::new();
            for _ in 0..PAIRS {
                let h = hugo(bin, site);
                let _ = fs::remove_dir_all(&out);
                let (secs, peak, _) = build(&content, &out);
                if let Some(h) = h {
                    pairs.push((h, (secs, peak)));
                }
            }
            if !pairs.is_empty() {
                let median = |mut v: Vec<f64>| {
                    v.sort_by(f64::total_cmp);
                    v[v.len() / 2]
                };
                let (h, m) = (
                    median(pairs.iter().map(|p| p.0 .0).collect()),
                    median(pairs.iter().map(|p| p.1 .0).collect()),
                );
                let runs = |f: &dyn Fn(&Pair) -> f64| {
                    pairs
                        .iter()
                        .map(|p| format!("{:.2}", f(p)))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                println!(
                    "{n} tasks: Hugo {h:.2} s (runs {}; peak {:.0} MiB), minhbach {m:.2} s (runs {}; peak {:.0} MiB), medians of {} pairs: minhbach is {:.2}x faster",
                    runs(&|p| p.0 .0),
                    pairs.iter().map(|p| p.0 .1).fold(0.0, f64::max),
                    runs(&|p| p.1 .0),
                    pairs.iter().map(|p| p.1 .1).fold(0.0, f64::max),
                    pairs.len(),
                    h / m
                );
            }
        }
        let _ = fs::remove_dir_all(&out);
        report(&format!("{n} tasks"), &content, &out);
        let _ = fs::remove_dir_all(&out);
        let _ = fs::remove_dir_all(tmp.join(format!("n{n}")));
    }
    if flag("--national").is_some() {
        let content = tmp.join("national/content");
        let t = Instant::now();
        gen_national(&content);
        println!(
            "national simulation: content generated in {:.1} s",
            t.elapsed().as_secs_f64()
        );
        report(
            "national simulation (170,000 tasks, 34 provinces, 12 reports)",
            &content,
            &tmp.join("national/out"),
        );
    }
    let _ = fs::remove_dir_all(&tmp);
}
