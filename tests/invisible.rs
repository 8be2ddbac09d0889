//! Invisible and bidirectional characters (zero-width spaces, direction
//! overrides, isolates, U+FEFF inside text): `check` flags each at its line
//! and column, published text is without them, and agency names compare
//! without them (in `check` and in `import-plan --add-agencies`).

mod common;

use std::fs;
use std::path::Path;

use common::{valid_content, write_content, TASKS};
use minhbach::diagnostics::Severity;

#[test]
fn check_flags_each_at_its_column_and_the_site_is_without_them() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    valid_content(&content);
    // A reversed date and a name split by a zero-width space.
    let tasks = TASKS
        .replace(
            "deadline: \"Tháng 9/2025\"",
            "deadline: \"\u{202e}Tháng 9/2025\u{2069}\"",
        )
        .replace("lead: \"Sở KH&CN\"", "lead: \"Sở\u{200b} KH&CN\"");
    write_content(&content, &[("plans/kh-thu/tasks.yaml", &tasks)]);
    let r = minhbach::check(&content, None);
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    let flagged: Vec<(usize, usize, String)> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning && d.message.contains("invisible character"))
        .map(|d| (d.location.line, d.location.column, d.message.clone()))
        .collect();
    let at: Vec<(usize, usize)> = flagged.iter().map(|(l, c, _)| (*l, *c)).collect();
    // Line 9 holds the lead, line 11 the deadline (columns count characters).
    assert_eq!(at, vec![(9, 22), (11, 24), (11, 37)], "{flagged:?}");
    assert!(flagged[1].2.contains("U+202E"), "{flagged:?}");

    let out = tmp.path().join("out");
    let report = minhbach::build(&common::opts(&content, &out));
    assert!(
        !report.diagnostics.has_errors(),
        "{:?}",
        report.diagnostics.sorted()
    );
    let mut seen = 0;
    for (path, bytes) in common::snapshot(&out) {
        let text = String::from_utf8_lossy(&bytes);
        let bad = text
            .char_indices()
            .find(|&(i, c)| minhbach::load::files::is_invisible(c) && !(i == 0 && c == '\u{feff}'));
        assert_eq!(bad, None, "{path}");
        seen += 1;
    }
    assert!(seen > 10);
    // The name matched its agency: the task is on the agency's page.
    let page = fs::read_to_string(out.join("co-quan/so-khcn/index.html")).unwrap();
    assert!(page.contains("Việc thứ nhất"));
}

#[test]
fn import_plan_compares_names_without_them() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(&content).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    fs::copy(root.join("agencies.yaml"), content.join("agencies.yaml")).unwrap();
    let before = fs::read_to_string(content.join("agencies.yaml")).unwrap();
    let csv = dir.path().join("bang.csv");
    fs::write(
        &csv,
        "STT,Nội dung,Đơn vị chủ trì,Thời gian thực hiện\n1,Rà soát,Sở\u{200b} Nội vụ,Quý I/2026\n2,Báo cáo,\u{2066}Sở Nội vụ\u{2069},Quý I/2026\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args([
            "import-plan",
            csv.to_str().unwrap(),
            "--id",
            "kh-csv",
            "--add-agencies",
            "--content",
            content.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("not in the registry"), "{err}");
    // No second "Sở Nội vụ" was registered.
    assert_eq!(
        fs::read_to_string(content.join("agencies.yaml")).unwrap(),
        before
    );
}
