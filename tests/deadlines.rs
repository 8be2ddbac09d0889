//! Time phrases in `check`, on pages, calendars and feeds: flags point at
//! the cell and to `deadline_meaning`; a stated meaning is shown beside the
//! verbatim words; recurring days and spans reach the calendar.

mod common;

use std::fs;

use common::*;
use minhbach::diagnostics::{Diagnostic, Severity};

fn check_with(tasks: &str) -> Vec<Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    write_content(tmp.path(), &[("plans/kh-thu/tasks.yaml", tasks)]);
    let report = minhbach::check(tmp.path(), None);
    report.diagnostics.sorted().into_iter().cloned().collect()
}

fn with_deadline(cell: &str) -> String {
    TASKS.replace("deadline: \"Thường xuyên\"", cell)
}

#[test]
fn an_unknown_phrase_points_to_deadline_meaning_not_to_rewriting() {
    let diags = check_with(&with_deadline("deadline: \"Tùy tình hình thực tế\""));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.severity, Severity::Warning);
    // The column of the cell's first character, inside the quote.
    assert_eq!((d.location.line, d.location.column), (15, 24));
    let help = d.help.as_deref().unwrap_or_default();
    assert!(help.contains("deadline_meaning"), "{help}");
    assert!(help.contains("stay as printed"), "{help}");
    assert!(!help.contains("write a form"), "{help}");
}

#[test]
fn an_impossible_date_is_an_error_naming_the_part() {
    for (cell, part) in [
        ("31/02/2025", "31/02/2025"),
        ("130/10/2025", "130"),
        ("30/10/20255", "20255"),
        ("Tháng 9/2025 và tháng 13/2025", "13"),
    ] {
        let diags = check_with(&with_deadline(&format!("deadline: \"{cell}\"")));
        let errs: Vec<_> = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert_eq!(errs.len(), 1, "{cell}: {diags:#?}");
        assert_eq!(errs[0].location.line, 15);
        assert!(
            errs[0].message.contains(part),
            "{cell}: {}",
            errs[0].message
        );
        // The column is that of the part itself.
        let col = 24 + cell.find(part).map(|b| cell[..b].chars().count()).unwrap();
        assert_eq!(errs[0].location.column, col, "{cell}");
    }
}

#[test]
fn an_ambiguous_form_is_a_warning() {
    let diags = check_with(&with_deadline("deadline: \"30/10/25\""));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].severity, Severity::Warning);
    assert!(
        diags[0].message.contains("ambiguous"),
        "{}",
        diags[0].message
    );
}

#[test]
fn a_stated_meaning_silences_the_flag_and_is_shown_as_the_offices() {
    let tasks = with_deadline(
        "deadline: \"Khẩn trương, dứt điểm\"\n            deadline_meaning: { due: 2025-10-15 }",
    );
    let tmp = tempfile::tempdir().unwrap();
    // The output may not lie inside the content: content in its own folder.
    let content = tmp.path().join("c");
    valid_content(&content);
    write_content(&content, &[("plans/kh-thu/tasks.yaml", &tasks)]);
    let out = tmp.path().join("site");
    let r = minhbach::build(&opts(&content, &out));
    let diags: Vec<_> = r.diagnostics.iter().collect();
    assert!(diags.is_empty(), "{diags:#?}");
    let task = fs::read_to_string(out.join("ke-hoach/kh-thu/nhiem-vu/2/index.html")).unwrap();
    assert!(task.contains("Khẩn trương, dứt điểm"));
    assert!(task.contains("15/10/2025"));
    assert!(task.contains("cách hiểu do cơ quan cập nhật xác định"));
    let plan = fs::read_to_string(out.join("ke-hoach/kh-thu/index.html")).unwrap();
    assert!(plan.contains("cách hiểu do cơ quan cập nhật xác định"));
    // The stated date reaches the calendar.
    let cal = fs::read_to_string(out.join("lich/2025-10/index.html")).unwrap();
    assert!(cal.contains("Việc thứ hai"), "{cal}");
    // Open data says whose reading it is.
    let bytes = fs::read(out.join("du-lieu/nhiem-vu.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(&bytes[3..]);
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let by_id = |id: &str| rows.iter().find(|r| &r[col("task_id")] == id).unwrap();
    assert_eq!(&by_id("2")[col("deadline_meaning")], "stated");
    assert_eq!(&by_id("2")[col("deadline_last_day")], "2025-10-15");
    assert_eq!(&by_id("2")[col("deadline_text")], "Khẩn trương, dứt điểm");
    assert_eq!(&by_id("1")[col("deadline_meaning")], "read");
    // A task read by the grammar carries no such note.
    let first = fs::read_to_string(out.join("ke-hoach/kh-thu/nhiem-vu/1/index.html")).unwrap();
    assert!(!first.contains("cách hiểu do cơ quan cập nhật xác định"));
}

#[test]
fn a_malformed_meaning_is_an_error_at_its_field() {
    let tasks = with_deadline(
        "deadline: \"Khẩn trương\"\n            deadline_meaning:\n              due: 2025-02-30",
    );
    let diags = check_with(&tasks);
    let errs: Vec<_> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{diags:#?}");
    assert_eq!(errs[0].location.line, 17);
    assert!(errs[0].message.contains("does not exist"));
    let diags = check_with(&TASKS.replace(
        "deadline: \"Thường xuyên\"",
        "start_meaning: { kind: ongoing }",
    ));
    assert!(
        diags.iter().any(|d| d.message.contains("start_meaning")),
        "{diags:#?}"
    );
}

fn build_with_deadline(cell: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    // The output may not lie inside the content: content in its own folder.
    let content = tmp.path().join("c");
    valid_content(&content);
    write_content(
        &content,
        &[("plans/kh-thu/tasks.yaml", &with_deadline(cell))],
    );
    let out = tmp.path().join("site");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    (tmp, out)
}

#[test]
fn recurring_deadlines_with_a_day_reach_the_calendar_and_feed() {
    let (_t, out) = build_with_deadline("deadline: \"Hằng năm, trước ngày 15/12\"");
    let dec = fs::read_to_string(out.join("lich/2025-12/index.html")).unwrap();
    assert!(dec.contains("Việc thứ hai"), "{dec}");
    let ics = fs::read_to_string(out.join("lich/lich.ics")).unwrap();
    assert!(
        ics.contains("RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
        "{ics}"
    );

    let (_t, out) = build_with_deadline("deadline: \"Hằng quý, trước ngày 15 của tháng cuối quý\"");
    let ics = fs::read_to_string(out.join("lich/lich.ics")).unwrap();
    assert!(
        ics.contains("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15"),
        "{ics}"
    );
    let sep = fs::read_to_string(out.join("lich/2025-09/index.html")).unwrap();
    assert!(sep.contains("Việc thứ hai"));
}

#[test]
fn a_span_is_due_at_the_end_of_its_last_unit() {
    let (_t, out) = build_with_deadline("deadline: \"Tháng 9 – 11/2025\"");
    let nov = fs::read_to_string(out.join("lich/2025-11/index.html")).unwrap();
    assert!(nov.contains("Việc thứ hai"), "{nov}");
    let task = fs::read_to_string(out.join("ke-hoach/kh-thu/nhiem-vu/2/index.html")).unwrap();
    assert!(task.contains("Tháng 9 – 11/2025"));
    assert!(task.contains("30/11/2025"), "{task}");
}
