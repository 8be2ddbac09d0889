//! The bench's synthetic content: the peer sites' plans (the same tasks
//! the peer generator writes for Hugo) and the national simulation, made
//! by a fixed generator so every run builds the same content.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// A small deterministic generator (64-bit LCG), so every run builds the
/// same content without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const VERBS: [&str; 8] = [
    "Triển khai",
    "Xây dựng",
    "Nâng cấp",
    "Hoàn thiện",
    "Rà soát",
    "Tích hợp",
    "Số hóa",
    "Đẩy mạnh",
];
const OBJECTS: [&str; 8] = [
    "nền tảng số",
    "cơ sở dữ liệu dùng chung",
    "dịch vụ công trực tuyến",
    "hệ thống quản lý văn bản",
    "chữ ký số",
    "bản đồ số",
    "kho dữ liệu mở",
    "học liệu số",
];
const PHRASES: [&str; 6] = [
    "Thường xuyên",
    "Quý IV",
    "Năm 2025",
    "Hằng tháng",
    "Sau khi có thông báo của Bộ Tư pháp",
    "Ban hành Kế hoạch trong tháng 01/2025; Báo cáo trước ngày 10/12/2025",
];

fn write(path: &Path, text: &str) {
    if let Some(p) = path.parent() {
        fs::create_dir_all(p).expect("create bench directory");
    }
    fs::write(path, text).expect("write bench file");
}

fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Content shaped like the peer generator's: `n` tasks over 20 plans and
/// 60 agencies, two cooperating agencies among the first ten, dated
/// deadlines in 2025–2026, no reports.
pub fn gen_peers(dir: &Path, n: usize) {
    let mut rng = Lcg(42);
    write(
        &dir.join("site.yaml"),
        "title: \"Theo dõi nhiệm vụ\"\nlanguage: vi\nas_of: 2025-12-20\n",
    );
    let mut reg = String::from("agencies:\n");
    for i in 0..60 {
        writeln!(reg, "  - id: ag-{i}\n    name: \"Cơ quan thử nghiệm số {i}\"\n    kind: department\n    level: province").unwrap_or_default();
    }
    write(&dir.join("agencies.yaml"), &reg);
    let mut plans: Vec<String> = (0..20)
        .map(|_| "groups:\n  - code: \"I\"\n    title: \"NHIỆM VỤ\"\n    tasks:\n".to_string())
        .collect();
    for i in 1..=n {
        let p = rng.below(20);
        let lead = rng.below(60);
        let (c1, c2) = (rng.below(10), rng.below(10));
        let title = format!(
            "{} {} số {i}",
            VERBS[rng.below(VERBS.len())],
            OBJECTS[rng.below(OBJECTS.len())]
        );
        writeln!(
            plans[p],
            "      - number: \"NV-{i:06}\"\n        task: {}\n        output: \"Báo cáo kết quả định kỳ hằng quý.\"\n        lead: \"Cơ quan thử nghiệm số {lead}\"\n        cooperate: \"Cơ quan thử nghiệm số {c1}; Cơ quan thử nghiệm số {c2}\"\n        deadline: \"{}/{}/{}\"",
            q(&title),
            1 + rng.below(28),
            1 + rng.below(12),
            2025 + rng.below(2)
        )
        .unwrap_or_default();
    }
    for (k, t) in plans.iter().enumerate() {
        let d = dir.join(format!("plans/kh-{k}"));
        write(&d.join("plan.md"), &format!("---\nnumber: \"{}/KH-UBND\"\ndoc_type: \"Kế hoạch\"\ntitle: \"Kế hoạch thử số {k}\"\nissuer: ag-0\ndate: 2025-01-10\nperiod: {{ start: 2025-01-01, end: 2026-12-31 }}\n---\n## I. MỤC ĐÍCH\n\nĐoạn văn mô tả kế hoạch.\n", 100 + k));
        write(&d.join("tasks.yaml"), t);
    }
}

/// The national simulation: 34 provinces, each with 25 departments, 98
/// communes and two groups, 10 plans of 500 tasks (170,000 in all), and
/// 12 monthly reports covering a tenth of the tasks each. One task in
/// twenty names a group as lead, one in twenty as cooperating.
pub fn gen_national(dir: &Path) {
    let mut rng = Lcg(7);
    write(
        &dir.join("site.yaml"),
        "title: \"Mô phỏng toàn quốc\"\nlanguage: vi\nas_of: 2025-12-20\nillustrative: true\n",
    );
    let mut reg = String::from("agencies:\n");
    let mut reports: Vec<String> = (1..=12)
        .map(|m| format!("period: \"2025-{m:02}\"\ndate: 2025-{m:02}-12\nentries:\n"))
        .collect();
    for pr in 0..34 {
        let deps: Vec<String> = (0..25).map(|i| format!("t{pr}-so-{i}")).collect();
        let xa: Vec<String> = (0..98).map(|i| format!("t{pr}-xa-{i}")).collect();
        for (i, id) in deps.iter().enumerate() {
            writeln!(reg, "  - id: {id}\n    name: \"Sở số {i} tỉnh {pr}\"\n    kind: department\n    level: province").unwrap_or_default();
        }
        for (i, id) in xa.iter().enumerate() {
            writeln!(reg, "  - id: {id}\n    name: \"UBND xã số {i} tỉnh {pr}\"\n    kind: peoples-committee\n    level: commune").unwrap_or_default();
        }
        writeln!(reg, "  - id: t{pr}-cac-so\n    name: \"Các Sở, ban, ngành tỉnh {pr}\"\n    kind: group\n    members: [{}]", deps.join(", ")).unwrap_or_default();
        writeln!(reg, "  - id: t{pr}-cap-xa\n    name: \"UBND cấp xã tỉnh {pr}\"\n    kind: group\n    members: [{}]", xa.join(", ")).unwrap_or_default();
        for k in 0..10 {
            let pid = format!("t{pr}-kh-{k}");
            let mut t =
                String::from("groups:\n  - code: \"I\"\n    title: \"NHIỆM VỤ\"\n    tasks:\n");
            for i in 1..=500 {
                // Groups are named in some cells, as in the real plans; each
                // department then has every task its group cooperates on.
                let lead = match rng.below(20) {
                    0 => format!("UBND cấp xã tỉnh {pr}"),
                    1..=6 => format!("UBND xã số {} tỉnh {pr}", rng.below(98)),
                    _ => format!("Sở số {} tỉnh {pr}", rng.below(25)),
                };
                let cooperate = if rng.below(20) == 0 {
                    format!("Các Sở, ban, ngành tỉnh {pr}")
                } else {
                    format!(
                        "Sở số {} tỉnh {pr}; Sở số {} tỉnh {pr}",
                        rng.below(25),
                        rng.below(25)
                    )
                };
                let deadline = if rng.below(3) == 0 {
                    PHRASES[rng.below(PHRASES.len())].to_string()
                } else {
                    format!(
                        "{}/{}/{}",
                        1 + rng.below(28),
                        1 + rng.below(12),
                        2025 + rng.below(2)
                    )
                };
                writeln!(t, "      - number: \"{i}\"\n        task: \"{} {} số {i} của tỉnh {pr}\"\n        lead: {}\n        cooperate: {}\n        deadline: {}",
                    VERBS[rng.below(VERBS.len())], OBJECTS[rng.below(OBJECTS.len())], q(&lead), q(&cooperate), q(&deadline)).unwrap_or_default();
                let m = rng.below(12);
                if rng.below(10) == 0 {
                    let (status, extra) = if m >= 6 && rng.below(2) == 0 {
                        ("done", format!("\n    completed: 2025-{:02}-05", m + 1))
                    } else {
                        (
                            "in-progress",
                            format!("\n    progress: {}", 10 + rng.below(80)),
                        )
                    };
                    writeln!(
                        reports[m],
                        "  - task: \"{pid}/{i}\"\n    status: {status}{extra}"
                    )
                    .unwrap_or_default();
                }
            }
            let d = dir.join(format!("plans/{pid}"));
            write(&d.join("plan.md"), &format!("---\nnumber: \"{k}/KH-UBND-T{pr}\"\ndoc_type: \"Kế hoạch\"\ntitle: \"Kế hoạch số {k} của tỉnh {pr}\"\nissuer: t{pr}-so-0\ndate: 2025-01-10\nperiod: {{ start: 2025-01-01, end: 2026-12-31 }}\n---\n## I. MỤC ĐÍCH\n\nĐoạn văn mô tả kế hoạch.\n"));
            write(&d.join("tasks.yaml"), &t);
        }
    }
    write(&dir.join("agencies.yaml"), &reg);
    for (m, r) in reports.iter().enumerate() {
        write(&dir.join(format!("reports/2025-{:02}.yaml", m + 1)), r);
    }
}

/// Adds one small report (the next month's) to `dir`.
pub fn add_report(dir: &Path, task: &str) {
    write(
        &dir.join("reports/2025-12-b.yaml"),
        &format!("period: \"2025-12\"\ndate: 2025-12-19\nentries:\n  - task: \"{task}\"\n    status: in-progress\n    progress: 55\n"),
    );
}
