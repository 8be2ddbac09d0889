//! Bad content gives a clear error at the right file, line and column, and
//! never damages a previous build.

mod common;

use std::fs;
use std::process::Command;

use common::*;
use minhbach::diagnostics::{Diagnostic, Severity};

fn check_with(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    write_content(tmp.path(), files);
    let report = minhbach::check(tmp.path(), None);
    report.diagnostics.sorted().into_iter().cloned().collect()
}

fn only_error(diags: &[Diagnostic]) -> &Diagnostic {
    let errs: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{diags:#?}");
    errs[0]
}

#[test]
fn valid_content_has_no_problem() {
    let diags = check_with(&[]);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn yaml_syntax_error_names_line() {
    let bad = TASKS.replace(
        "            deadline: \"Thường xuyên\"",
        "            deadline: \"Thường xuyên",
    );
    let diags = check_with(&[("plans/kh-thu/tasks.yaml", &bad)]);
    let e = only_error(&diags);
    assert!(e.location.file.ends_with("plans/kh-thu/tasks.yaml"));
    assert!(e.location.line >= 15, "{e}");
    assert!(e.message.contains("YAML"), "{e}");
}

#[test]
fn misspelled_field_names_allowed_fields() {
    let bad = TASKS.replace("deadline: \"Tháng 9/2025\"", "dealine: \"Tháng 9/2025\"");
    let diags = check_with(&[("plans/kh-thu/tasks.yaml", &bad)]);
    let e = only_error(&diags);
    assert_eq!(e.location.line, 11, "{e}");
    assert!(e.location.column > 0, "{e}");
    assert!(e.message.contains("dealine"), "{e}");
    assert!(e.message.contains("deadline"), "allowed fields listed: {e}");
}

#[test]
fn missing_required_field_is_named() {
    let bad = PLAN_MD.replace("doc_type: \"Kế hoạch\"\n", "");
    let diags = check_with(&[("plans/kh-thu/plan.md", &bad)]);
    let e = only_error(&diags);
    assert!(e.location.file.ends_with("plan.md"));
    assert!(e.message.contains("doc_type"), "{e}");
}

#[test]
fn unknown_agency_suggests_the_closest_alias() {
    let bad = TASKS.replace("lead: \"VP UBND tỉnh\"", "lead: \"Văn phòng UBND tinh\"");
    let diags = check_with(&[("plans/kh-thu/tasks.yaml", &bad)]);
    let e = only_error(&diags);
    assert_eq!(e.location.line, 14, "{e}");
    assert_eq!(e.location.column, 19, "{e}");
    assert!(e.message.contains("Văn phòng UBND tinh"), "{e}");
    assert!(
        e.help
            .as_deref()
            .unwrap_or("")
            .contains("Văn phòng UBND tỉnh"),
        "{e}"
    );
}

#[test]
fn duplicate_task_number_points_at_the_second_row() {
    let bad = TASKS.replace("number: \"2\"", "number: \"1\"");
    let diags = check_with(&[("plans/kh-thu/tasks.yaml", &bad)]);
    let e = only_error(&diags);
    assert_eq!(e.location.line, 12, "{e}");
    assert!(e.message.contains("duplicate task number"), "{e}");
    assert!(e.message.contains("line 7"), "names the first row: {e}");
}

#[test]
fn declared_total_mismatch_is_a_warning_and_shown() {
    let bad = PLAN_MD.replace("tasks: 2", "tasks: 3");
    let diags = check_with(&[("plans/kh-thu/plan.md", &bad)]);
    assert!(diags.iter().all(|d| d.severity == Severity::Warning));
    let w = &diags[0];
    assert_eq!(w.location.line, 9, "{w}");
    assert!(w.message.contains("declares 3 but 2"), "{w}");
    // And the plan page shows it.
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    valid_content(&content);
    write_content(&content, &[("plans/kh-thu/plan.md", &bad)]);
    let out = tmp.path().join("out");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors());
    let html = fs::read_to_string(out.join("ke-hoach/kh-thu/index.html")).unwrap();
    assert!(html.contains("văn bản ghi <strong>3</strong>, bảng có <strong>2</strong> dòng"));
}

#[test]
fn invalid_date_is_an_error_at_its_line() {
    let bad = PLAN_MD.replace("date: 2025-09-01", "date: 2025-02-30");
    let diags = check_with(&[("plans/kh-thu/plan.md", &bad)]);
    let e = only_error(&diags);
    assert_eq!(e.location.line, 6, "{e}");
    assert!(
        e.message.contains("wrong form") || e.message.contains("date"),
        "{e}"
    );
}

#[test]
fn unknown_deadline_phrase_is_a_warning_with_the_phrase() {
    let bad = TASKS.replace(
        "deadline: \"Thường xuyên\"",
        "deadline: \"Tùy tình hình thực tế\"",
    );
    let diags = check_with(&[("plans/kh-thu/tasks.yaml", &bad)]);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].severity, Severity::Warning);
    assert_eq!(diags[0].location.line, 15);
    assert!(diags[0].message.contains("Tùy tình hình thực tế"));
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let bad = TASKS
        .replace("lead: \"VP UBND tỉnh\"", "lead: \"Sở Không Có\"")
        .replace("number: \"2\"", "number: \"1\"");
    let diags = check_with(&[("plans/kh-thu/tasks.yaml", &bad)]);
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    assert_eq!(errors, 2, "{diags:#?}");
}

#[test]
fn failed_build_leaves_previous_output_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    valid_content(&content);
    let out = tmp.path().join("out");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    fs::write(out.join(".gitkeep"), "").unwrap();
    let before = snapshot(&out);
    write_content(
        &content,
        &[(
            "plans/kh-thu/tasks.yaml",
            &TASKS.replace("VP UBND tỉnh", "Sở Không Tồn Tại"),
        )],
    );
    let r = minhbach::build(&opts(&content, &out));
    assert!(r.diagnostics.has_errors());
    assert_eq!(snapshot(&out), before);
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn successful_rebuild_keeps_dot_files_of_the_output() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    valid_content(&content);
    let out = tmp.path().join("out");
    assert!(!minhbach::build(&opts(&content, &out))
        .diagnostics
        .has_errors());
    fs::write(out.join(".gitkeep"), "keep").unwrap();
    fs::write(out.join("stale.html"), "old").unwrap();
    assert!(!minhbach::build(&opts(&content, &out))
        .diagnostics
        .has_errors());
    assert_eq!(fs::read_to_string(out.join(".gitkeep")).unwrap(), "keep");
    assert!(!out.join("stale.html").exists(), "old files do not linger");
}

#[test]
fn output_may_not_contain_the_content() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    valid_content(&content);
    let r = minhbach::build(&opts(&content, tmp.path()));
    assert!(r.diagnostics.has_errors());
    assert!(content.join("site.yaml").is_file());
}

#[test]
fn cli_exits_non_zero_and_prints_location() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    write_content(
        tmp.path(),
        &[(
            "plans/kh-thu/tasks.yaml",
            &TASKS.replace("VP UBND tỉnh", "VP UBND tinh"),
        )],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["check", "--content"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tasks.yaml:14:19: error: unknown agency name"),
        "{err}"
    );
    assert!(err.contains("help: did you mean"), "{err}");
}
