//! Validation at the edge (issue 9, findings 5, 6 and 9): values that would
//! inject into pages, feeds and calendars, dates and numbers that would make
//! `build` explode, file names and files that cannot be content. Each is
//! reported by `check` at its file, line and column.

mod common;

use std::fs;
use std::time::{Duration, Instant};

use common::*;
use minhbach::diagnostics::{Diagnostic, Severity};

fn check_with(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    write_content(tmp.path(), files);
    let report = minhbach::check(tmp.path(), None);
    report.diagnostics.sorted().into_iter().cloned().collect()
}

fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// The single error, asserting its file name ends with `file` and its line.
fn one_error<'a>(diags: &'a [Diagnostic], file: &str, line: usize) -> &'a Diagnostic {
    let errs = errors(diags);
    assert_eq!(errs.len(), 1, "{diags:#?}");
    let e = errs[0];
    assert!(e.location.file.ends_with(file), "{e:?}");
    assert_eq!(e.location.line, line, "{e}");
    assert!(e.help.is_some(), "{e}");
    e
}

const REPORT: &str = "period: \"2025-09\"\ndate: 2025-09-15\nentries:\n  - task: kh-thu/1\n    status: in-progress\n";

fn site_with(line: &str) -> String {
    format!("{SITE}{line}\n")
}

// Finding 5: base_url, time_zone, control characters.

#[test]
fn javascript_base_url_is_an_error_at_its_line() {
    let diags = check_with(&[(
        "site.yaml",
        &site_with("base_url: \"javascript:alert(1)//\""),
    )]);
    let e = one_error(&diags, "site.yaml", 4);
    assert_eq!(e.location.column, 11);
    assert!(e.message.contains("http"), "{e}");
}

#[test]
fn line_breaks_in_base_url_are_an_error_not_ics_properties() {
    let diags = check_with(&[(
        "site.yaml",
        &site_with("base_url: \"https://x.vn/\\r\\nDTSTART:19700101T000000Z\""),
    )]);
    let e = one_error(&diags, "site.yaml", 4);
    assert!(e.message.contains("control character"), "{e}");
}

#[test]
fn base_url_given_on_the_command_line_is_checked_too() {
    let tmp = tempfile::tempdir().unwrap();
    // The output may not lie inside the content: content in its own folder.
    let content = tmp.path().join("c");
    valid_content(&content);
    let out = tmp.path().join("out");
    let mut o = opts(&content, &out);
    o.base_url = Some("javascript:alert(1)".into());
    let r = minhbach::build(&o);
    assert!(r.diagnostics.has_errors());
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.message.contains("base_url") || d.message.contains("http")),
        "{:?}",
        r.diagnostics.sorted()
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_control_character_typed_into_base_url_is_an_error() {
    let diags = check_with(&[(
        "site.yaml",
        &site_with("base_url: \"https://x.vn/\u{7}a/\""),
    )]);
    let e = one_error(&diags, "site.yaml", 4);
    assert_eq!(e.location.column, 25);
    assert!(e.message.contains("U+0007"), "{e}");
}

#[test]
fn unknown_or_injected_time_zone_is_an_error() {
    for tz in ["\"Asia/Hanoi\"", "\"Asia/Ho_Chi_Minh\\r\\nX-INJECT:1\""] {
        let diags = check_with(&[("site.yaml", &site_with(&format!("time_zone: {tz}")))]);
        let e = one_error(&diags, "site.yaml", 4);
        assert_eq!(e.location.column, 12, "{e}");
    }
    assert!(errors(&check_with(&[(
        "site.yaml",
        &site_with("time_zone: Europe/Paris")
    )]))
    .is_empty());
}

#[test]
fn control_characters_in_text_are_removed_with_a_warning_at_their_place() {
    let tasks = TASKS.replace("\"Việc thứ nhất\"", "\"Việc\\a thứ\\x1b nhất\"");
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    write_content(tmp.path(), &[("plans/kh-thu/tasks.yaml", &tasks)]);
    let (model, diags) = minhbach::load_model(tmp.path(), None);
    let warns: Vec<_> = diags
        .iter()
        .filter(|d| d.message.contains("control character"))
        .collect();
    assert_eq!(warns.len(), 2, "{warns:#?}");
    assert!(warns
        .iter()
        .all(|w| w.severity == Severity::Warning && w.location.line == 8));
    let model = model.expect("warnings do not stop the build");
    assert_eq!(
        model.plans[0].tasks[0].text.as_deref(),
        Some("Việc thứ nhất")
    );
}

#[test]
fn control_characters_typed_into_a_narrative_are_removed_at_line_and_column() {
    let md = PLAN_MD.replace("Nội dung.", "Nội\u{7} dung.");
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    write_content(tmp.path(), &[("plans/kh-thu/plan.md", &md)]);
    let (model, diags) = minhbach::load_model(tmp.path(), None);
    let w: Vec<_> = diags.iter().collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!((w[0].location.line, w[0].location.column), (12, 4));
    assert!(!model.unwrap().plans[0].body.contains('\u{7}'));
}

#[test]
fn built_feed_stays_valid_xml_with_a_control_character_in_a_title() {
    let tmp = tempfile::tempdir().unwrap();
    // The output may not lie inside the content: content in its own folder.
    let content = tmp.path().join("c");
    valid_content(&content);
    let site = site_with("base_url: \"https://x.vn/\"").replace("Thử nghiệm", "Thử\\u000C nghiệm");
    let tasks = TASKS.replace("\"Việc thứ nhất\"", "\"Việc\\u0008 thứ\\uFFFF nhất\"");
    write_content(
        &content,
        &[("site.yaml", &site), ("plans/kh-thu/tasks.yaml", &tasks)],
    );
    let out = tmp.path().join("out");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    let mut feeds = 0;
    for (name, bytes) in snapshot(&out) {
        // Chart images are the only files that are not text.
        if name.ends_with(".png") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text.contains(['\u{8}', '\u{c}', '\u{FFFF}']),
            "{name} carries a control character"
        );
        if name.ends_with(".xml") {
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            feeds += 1;
        }
    }
    assert!(feeds > 0);
}

// Finding 6: dates and numbers without bounds.

#[test]
fn typo_year_in_a_deadline_is_a_check_error() {
    let tasks = TASKS.replace("\"Tháng 9/2025\"", "\"30/10/0025\"");
    let diags = check_with(&[("plans/kh-thu/tasks.yaml", &tasks)]);
    let e = one_error(&diags, "tasks.yaml", 11);
    assert!(e.message.contains("30/10/0025"), "{e}");
}

#[test]
fn huge_plan_year_and_endless_duty_are_check_errors() {
    let md = PLAN_MD.replace("date: 2025-09-01\n", "date: 2025-09-01\nyear: 300000\n");
    let diags = check_with(&[("plans/kh-thu/plan.md", &md)]);
    one_error(&diags, "plan.md", 7);
    let duties = "duties:\n  - id: bao-cao-thang\n    title: \"Báo cáo tháng\"\n    who: \"Sở KH&CN\"\n    schedule: { every: month, day: 9 }\n    until: 9999-12-31\n    quote: \"Báo cáo trước ngày 9 hằng tháng.\"\n";
    let diags = check_with(&[("plans/kh-thu/duties.yaml", duties)]);
    one_error(&diags, "duties.yaml", 6);
}

#[test]
fn dates_far_from_the_plan_or_the_window_are_errors_everywhere() {
    let site = SITE.replace("as_of: 2025-09-20", "as_of: 0202-09-20");
    one_error(&check_with(&[("site.yaml", &site)]), "site.yaml", 3);
    let report = REPORT.replace("date: 2025-09-15", "date: 2205-09-15");
    one_error(
        &check_with(&[("reports/2025-09.yaml", &report)]),
        "2025-09.yaml",
        2,
    );
    let md = PLAN_MD.replace("end: 2025-12-31", "end: 2095-12-31");
    one_error(&check_with(&[("plans/kh-thu/plan.md", &md)]), "plan.md", 7);
    let tasks = TASKS.replace("\"Tháng 9/2025\"", "\"Năm 2095\"");
    one_error(
        &check_with(&[("plans/kh-thu/tasks.yaml", &tasks)]),
        "tasks.yaml",
        11,
    );
}

#[test]
fn infinite_indicator_target_is_a_check_error_and_build_ends() {
    let report = format!(
        "{REPORT}indicators:\n  - plan: kh-thu\n    id: ty-le\n    name: \"Tỷ lệ\"\n    target: .inf\n    actual: 5\n"
    );
    let diags = check_with(&[("reports/2025-09.yaml", &report)]);
    let e = one_error(&diags, "2025-09.yaml", 10);
    assert!(e.message.contains("target"), "{e}");
}

// Finding 9: file names, ids, encodings, special files, bounded suggestions.

#[test]
fn report_stems_must_be_ids() {
    for stem in [".", "..", "2025 09", "2025-09-Báo-cáo"] {
        let name = format!("reports/{stem}.yaml");
        let diags = check_with(&[(&name, REPORT)]);
        let e = one_error(&diags, &format!("{stem}.yaml"), 0);
        assert!(e.message.contains("file name"), "{stem}: {e}");
    }
}

#[test]
fn a_300_character_id_is_a_check_error() {
    let long = "a".repeat(300);
    let tasks = TASKS.replace(
        "- number: \"1\"",
        &format!("- number: \"1\"\n            id: \"{long}\""),
    );
    let diags = check_with(&[("plans/kh-thu/tasks.yaml", &tasks)]);
    let e = one_error(&diags, "tasks.yaml", 8);
    assert!(
        e.message.len() < 200,
        "the id is shortened in the message: {e}"
    );
}

#[test]
fn invalid_utf8_is_reported_at_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    // "Sở" in Windows-1258 is not UTF-8.
    let mut bytes = b"agencies:\n  - id: so-khcn\n    name: \"S".to_vec();
    bytes.push(0xF5);
    bytes.extend_from_slice(b" KH\"\n");
    fs::write(tmp.path().join("agencies.yaml"), bytes).unwrap();
    let r = minhbach::check(tmp.path(), None);
    let d = r.diagnostics.sorted();
    let e = d
        .iter()
        .find(|d| d.message.contains("UTF-8"))
        .expect("utf-8 error");
    assert_eq!((e.location.line, e.location.column), (3, 13), "{e}");
}

#[cfg(unix)]
#[test]
fn fifo_where_a_content_file_should_be_is_an_error_not_a_hang() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let tasks = tmp.path().join("plans/kh-thu/tasks.yaml");
    fs::remove_file(&tasks).unwrap();
    let ok = std::process::Command::new("mkfifo")
        .arg(&tasks)
        .status()
        .unwrap();
    assert!(ok.success());
    // A hang fails the test instead of blocking the suite.
    let (tx, rx) = std::sync::mpsc::channel();
    let dir = tmp.path().to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(minhbach::check(&dir, None));
    });
    let r = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("check hangs on a FIFO");
    let errs: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(errs[0].location.file.ends_with("tasks.yaml"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_where_content_should_be_are_errors_not_dropped() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let tasks = tmp.path().join("plans/kh-thu/tasks.yaml");
    fs::remove_file(&tasks).unwrap();
    std::os::unix::fs::symlink(&tasks, &tasks).unwrap();
    let r = minhbach::check(tmp.path(), None);
    assert!(
        r.diagnostics.has_errors(),
        "the table is not silently dropped"
    );
    let reports = tmp.path().join("reports");
    std::os::unix::fs::symlink(&reports, &reports).unwrap();
    let r = minhbach::check(tmp.path(), None);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.location.file.ends_with("reports")),
        "a looping reports directory is reported"
    );
    let plan = tmp.path().join("plans/kh-loop");
    std::os::unix::fs::symlink(&plan, &plan).unwrap();
    let r = minhbach::check(tmp.path(), None);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.location.file.ends_with("kh-loop")),
        "{:?}",
        r.diagnostics.sorted()
    );
}

/// Time to check the small content with `field` of the first row set to
/// the longest text a field may hold (20,000 characters), against the
/// shipped registry of 82 agencies.
fn check_time_with_huge(field: &str) -> (Duration, minhbach::Report) {
    let huge = format!("Sở {}", "Khoa học Xã hội ".repeat(1_240));
    let agencies = fs::read_to_string(shipped_content().join("agencies.yaml")).unwrap();
    let tasks = TASKS.replace(
        "cooperate: \"Các cơ quan, đơn vị có liên quan\"",
        &format!("{field}: \"{huge}\""),
    );
    assert_ne!(tasks, TASKS);
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    write_content(
        tmp.path(),
        &[
            ("agencies.yaml", &agencies),
            ("plans/kh-thu/tasks.yaml", &tasks),
        ],
    );
    let started = Instant::now();
    let r = minhbach::check(tmp.path(), None);
    (started.elapsed(), r)
}

#[test]
fn suggestions_for_a_huge_unknown_agency_name_are_bounded() {
    // The same text in a note measures reading it; as an agency it must
    // cost little more ("did you mean" compared it with every name).
    let (base, r) = check_time_with_huge("note");
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    let (took, r) = check_time_with_huge("cooperate");
    let errs: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].message.starts_with("unknown agency name"),
        "{}",
        errs[0]
    );
    assert!(
        took < base * 4 + Duration::from_secs(2) && took < Duration::from_secs(20),
        "check took {took:?}, reading the text {base:?}"
    );
    let longest = r
        .diagnostics
        .iter()
        .map(|d| d.message.len())
        .max()
        .unwrap_or(0);
    assert!(
        longest < 1000,
        "messages quote the beginning of the name only"
    );
}

// Finding 8, end to end.

/// Runs `import-report` on `csv` (printing the YAML); returns success and stderr.
fn import_report(csv: &str) -> (bool, String) {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("bao-cao.csv");
    fs::write(&p, csv).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .arg("import-report")
        .arg(&p)
        .args(["--period", "2025-09", "--date", "2025-09-15"])
        // No content folder here: tasks are taken as ids, unchecked.
        .current_dir(tmp.path())
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn import_report_accounts_for_every_row() {
    let cases = [
        // A blank task cell.
        ("task,status\nkh/1,ongoing\n,in-progress\n", ":3:1:"),
        // An unterminated quote swallowing the rows after it.
        (
            "task,status,note\nkh/1,ongoing,\"chờ\nkh/2,ongoing,x\n",
            ":2:14:",
        ),
        // A two-digit year.
        ("task,status,completed\nkh/1,done,08/09/25\n", ":2:3:"),
        // Two rows for one task.
        ("task,status\nkh/1,ongoing\nkh/1,done\n", ":3:1:"),
        // A real line after a multi-line cell.
        (
            "task,status,note\nkh/1,ongoing,\"a\nb\"\nkh/2,xong,\n",
            ":4:2:",
        ),
    ];
    for (csv, at) in cases {
        let (ok, err) = import_report(csv);
        assert!(!ok, "{csv:?} is accepted");
        assert!(
            err.contains(at),
            "{csv:?}: expected an error at {at}\n{err}"
        );
    }
    let (ok, err) = import_report("task;status\nkh/1;ongoing\n");
    assert!(ok, "a semicolon-separated file is read: {err}");
}

// `import-report --out` never overwrites content.

#[test]
fn import_report_out_refuses_site_yaml_and_existing_reports() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let csv = tmp.path().join("bao-cao.csv");
    fs::write(&csv, "task,status\nkh-thu/1,in-progress\n").unwrap();
    let run = |out: &std::path::Path, force: bool| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_minhbach"));
        c.arg("import-report")
            .arg(&csv)
            .args(["--period", "2025-09", "--date", "2025-09-15", "--content"])
            .arg(tmp.path())
            .arg("--out")
            .arg(out);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    let site = tmp.path().join("site.yaml");
    let before = fs::read(&site).unwrap();
    let o = run(&site, true);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("reports directory"));
    assert_eq!(fs::read(&site).unwrap(), before);
    let report = tmp.path().join("reports/2025-09.yaml");
    assert!(run(&report, false).status.success());
    assert!(minhbach::check(tmp.path(), None).diagnostics.is_empty());
    let o = run(&report, false);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert!(run(&report, true).status.success());
}
