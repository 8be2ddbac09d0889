//! Benchmark: builds fixed synthetic content of N tasks (default 10 000)
//! and the shipped content, and prints build times, chart render time,
//! search-index size and page weights.
//!
//! Run: `cargo run --release --example bench -- [TASKS]`

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Instant;

use minhbach::BuildOptions;

const DEADLINES: [&str; 8] = [
    "Tháng 9/2025",
    "Quý IV",
    "Thường xuyên",
    "trước ngày 15/11/2025",
    "Năm 2025",
    "Hằng tháng",
    "Sau khi có thông báo của Bộ Tư pháp",
    "Ban hành Kế hoạch trong tháng 01/2025; Báo cáo trước ngày 10/12/2025",
];

fn synthetic(dir: &Path, tasks: usize) {
    let plans = (tasks / 500).max(1);
    let per_plan = tasks / plans;
    fs::create_dir_all(dir.join("plans")).unwrap();
    fs::create_dir_all(dir.join("reports")).unwrap();
    fs::write(
        dir.join("site.yaml"),
        "title: \"Bench\"\nas_of: 2025-12-20\nillustrative: true\n",
    )
    .unwrap();
    let mut ag = String::from("agencies:\n");
    for i in 0..40 {
        writeln!(ag, "  - id: co-quan-{i}\n    name: \"Sở Thử Nghiệm Số {i}\"\n    kind: department\n    aliases: [\"Sở TN {i}\"]").unwrap();
    }
    ag.push_str("  - id: cac-so\n    name: \"Các Sở, ban, ngành\"\n    kind: group\n");
    fs::write(dir.join("agencies.yaml"), ag).unwrap();
    let mut reports = [String::new(), String::new()];
    for (k, r) in reports.iter_mut().enumerate() {
        writeln!(
            r,
            "period: \"2025-{}\"\ndate: 2025-{}-14\nentries:",
            10 + k,
            10 + k
        )
        .unwrap();
    }
    for p in 0..plans {
        let pd = dir.join(format!("plans/kh-{p}"));
        fs::create_dir_all(&pd).unwrap();
        fs::write(
            pd.join("plan.md"),
            format!("---\nnumber: \"{p}/KH-BENCH\"\ndoc_type: \"Kế hoạch\"\ntitle: \"Kế hoạch thử số {p}\"\nissuer: co-quan-0\ndate: 2025-09-01\nperiod: {{ start: 2025-09-01, end: 2025-12-31 }}\n---\n## I. MỤC ĐÍCH\n\nĐoạn văn mô tả kế hoạch thử nghiệm số {p}.\n"),
        )
        .unwrap();
        let mut t = String::from("groups:\n  - code: \"I\"\n    title: \"NHÓM I\"\n    goals:\n      - goal: \"Mục tiêu chung của nhóm\"\n        tasks:\n");
        for i in 0..per_plan {
            let n = i + 1;
            writeln!(
                t,
                "          - number: \"{n}\"\n            task: \"Triển khai nhiệm vụ chuyển đổi số thứ {n} của kế hoạch {p}, bảo đảm kết nối liên thông dữ liệu\"\n            output: \"Văn bản\"\n            lead: \"Sở TN {}\"\n            cooperate: \"Các Sở, ban, ngành\"\n            deadline: \"{}\"",
                (p + i) % 40,
                DEADLINES[(p + i) % DEADLINES.len()]
            )
            .unwrap();
            if i % 5 == 0 {
                for (k, r) in reports.iter_mut().enumerate() {
                    writeln!(
                        r,
                        "  - task: \"kh-{p}/{n}\"\n    status: in-progress\n    progress: {}",
                        20 + 30 * k
                    )
                    .unwrap();
                }
            }
        }
        fs::write(pd.join("tasks.yaml"), t).unwrap();
    }
    for (k, r) in reports.iter().enumerate() {
        fs::write(dir.join(format!("reports/2025-{}.yaml", 10 + k)), r).unwrap();
    }
}

fn dir_size(dir: &Path) -> u64 {
    let mut n = 0;
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        n += if p.is_dir() {
            dir_size(&p)
        } else {
            fs::metadata(&p).map(|m| m.len()).unwrap_or(0)
        };
    }
    n
}

fn build(content: &Path, out: &Path) -> (f64, String) {
    let t = Instant::now();
    let r = minhbach::build(&BuildOptions::new(content, out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    (t.elapsed().as_secs_f64(), r.summary)
}

fn main() {
    let tasks: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let tmp = std::env::temp_dir().join(format!("minhbach-bench-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");

    let out = tmp.join("shipped");
    let (secs, summary) = build(&shipped, &out);
    println!("shipped content: built {summary} in {:.3} s", secs);
    let (model, _) = minhbach::load_model(&shipped, None);
    let model = model.unwrap();
    let d = minhbach::derive::Derived::new(&model);
    let theme = minhbach::render::theme::Theme::embedded().expect("the default theme loads");
    let t = Instant::now();
    let charts = minhbach::render::chart_data::all(&model, &d, &theme.states);
    println!(
        "shipped content: {} charts rendered in {:.1} ms ({} bytes of SVG)",
        charts.len(),
        t.elapsed().as_secs_f64() * 1000.0,
        charts.iter().map(|c| c.svg.len()).sum::<usize>()
    );
    let css = fs::metadata(out.join("tai-nguyen/style.css"))
        .unwrap()
        .len();
    for page in [
        "index.html",
        "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/index.html",
        "ke-hoach/114-kh-bcd-2025/index.html",
    ] {
        let html = fs::metadata(out.join(page)).unwrap().len();
        println!(
            "page weight {page}: {html} B HTML + {css} B CSS = {} B",
            html + css
        );
    }
    println!(
        "shipped content: search index {} B",
        dir_size(&out.join("tim-kiem"))
            - fs::metadata(out.join("tim-kiem/index.html")).unwrap().len()
    );

    let content = tmp.join("synthetic");
    synthetic(&content, tasks);
    let out = tmp.join("synthetic-out");
    let (secs, summary) = build(&content, &out);
    println!("synthetic {tasks} tasks: built {summary} in {:.3} s", secs);
    println!(
        "synthetic {tasks} tasks: search index {} B, largest token shard {} B",
        dir_size(&out.join("tim-kiem")),
        fs::read_dir(out.join("tim-kiem/t"))
            .unwrap()
            .flatten()
            .map(|e| e.metadata().unwrap().len())
            .max()
            .unwrap_or(0)
    );
    let (secs, summary) = build(&content, &out);
    println!(
        "synthetic {tasks} tasks: unchanged rebuild in {:.3} s: {summary}",
        secs
    );
    let _ = fs::remove_dir_all(&tmp);
}
