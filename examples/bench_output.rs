//! Benchmark of the output stage alone: the shipped site's files repeated
//! to N files (default 30 000) written into a fresh folder, rewritten
//! unchanged (all kept by hard link), and rewritten with every file changed.
//! Three interleaved rounds; prints the median of each.
//!
//! Run: `cargo run --release --example bench_output -- [FILES]`

use std::path::Path;
use std::time::Instant;

use minhbach::output::write_site;
use minhbach::render::OutFile;
use minhbach::BuildOptions;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(30_000);
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let tmp = std::env::temp_dir().join(format!("minhbach-bench-output-{}", std::process::id()));
    let (rendered, _) = minhbach::render_site(&BuildOptions::new(&shipped, tmp.join("unused")));
    let base = rendered.expect("the shipped content renders").files;
    let files: Vec<OutFile> = (0..n)
        .map(|i| {
            let f = &base[i % base.len()];
            OutFile {
                path: format!("copy-{}/{}", i / base.len(), f.path),
                bytes: f.bytes.clone(),
            }
        })
        .collect();
    let changed: Vec<OutFile> = files
        .iter()
        .map(|f| OutFile {
            path: f.path.clone(),
            bytes: [&f.bytes[..], b"\n"].concat(),
        })
        .collect();
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let content = tmp.join("content");
    std::fs::create_dir_all(&content).unwrap();
    let mut times = [Vec::new(), Vec::new(), Vec::new()];
    for round in 0..3 {
        let out = tmp.join(format!("site-{round}"));
        for (k, set) in [&files, &files, &changed].into_iter().enumerate() {
            let t = Instant::now();
            let stats = write_site(&out, &content, set).unwrap();
            times[k].push(t.elapsed().as_secs_f64());
            if round == 0 {
                println!("pass {k}: {stats}");
            }
        }
        std::fs::remove_dir_all(&out).unwrap();
    }
    for t in &mut times {
        t.sort_by(f64::total_cmp);
    }
    println!(
        "{n} files, {:.0} MB: fresh write {:.3} s, unchanged rewrite {:.3} s, all changed {:.3} s (median of 3)",
        bytes as f64 / 1e6,
        times[0][1],
        times[1][1],
        times[2][1]
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
