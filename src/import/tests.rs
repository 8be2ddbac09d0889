//! Row checks of `import-report` (issue 9, finding 8): every row accounted
//! for, real line numbers, years, duplicates.

use super::*;

fn meta() -> ReportMeta {
    ReportMeta {
        period: "2025-10".into(),
        date: NaiveDate::from_ymd_opt(2025, 11, 5).unwrap(),
        issuer: Some("so-khcn".into()),
        number: None,
        century: None,
    }
}

fn import(csv: &str, meta: &ReportMeta) -> Result<Imported, Diagnostics> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bao-cao.csv");
    std::fs::write(&p, csv).unwrap();
    report_from_csv(&p, meta)
}

/// (line, column) of every error, sorted.
fn error_places(d: &Diagnostics) -> Vec<(usize, usize)> {
    d.sorted()
        .into_iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .map(|d| (d.location.line, d.location.column))
        .collect()
}

#[test]
fn vietnamese_spreadsheet_becomes_a_report() {
    let csv = "\u{feff}Kế hoạch,Nhiệm vụ,Tình trạng,Tiến độ,Ngày hoàn thành,Ghi chú\n114-kh-bcd-2025,18,Đang thực hiện,60%,,\"Đã lập dự toán, chờ phê duyệt\"\n114-kh-bcd-2025,3,Đã hoàn thành,100,08/09/2025,\n";
    let yaml = import(csv, &meta()).unwrap().yaml;
    assert!(yaml.contains("task: 114-kh-bcd-2025/18"), "{yaml}");
    assert!(yaml.contains("status: in-progress"));
    assert!(yaml.contains("progress: 60"));
    assert!(yaml.contains("completed: 2025-09-08"));
    assert!(
        yaml.contains("note: Đã lập dự toán, chờ phê duyệt"),
        "{yaml}"
    );
}

#[test]
fn bad_cells_are_reported_by_row_and_column() {
    let csv = "task,status,progress\n114-kh-bcd-2025/18,xong,\n114-kh-bcd-2025/3,done,150\n";
    let errs = import(csv, &meta()).unwrap_err();
    assert_eq!(error_places(&errs), vec![(2, 2), (3, 3)]);
}

#[test]
fn a_row_with_a_blank_task_is_an_error_at_its_line() {
    let csv = "task,status,note\nkh/1,done-ish,\n,in-progress,đang làm\n,,\n";
    let errs = import(csv, &meta()).unwrap_err();
    // Line 2: the status; line 3: no task; line 4 is blank and holds no data.
    assert_eq!(error_places(&errs), vec![(2, 2), (3, 1)]);
}

#[test]
fn rows_after_an_unterminated_quote_are_not_swallowed() {
    let csv = "task,status,note\nkh/1,in-progress,\"chờ\nkh/2,done,x\nkh/3,done,y\n";
    let errs = import(csv, &meta()).unwrap_err();
    assert_eq!(error_places(&errs), vec![(2, 18)]);
}

#[test]
fn two_digit_years_are_refused_unless_the_century_is_given() {
    let csv = "task,status,completed\nkh/1,ongoing,\nkh/3,done,08/09/25\n";
    let errs = import(csv, &meta()).unwrap_err();
    assert_eq!(error_places(&errs), vec![(3, 3)]);
    assert!(errs.iter().any(|d| d.message.contains("two-digit year")));
    let m = ReportMeta {
        century: Some(20),
        ..meta()
    };
    let yaml = import(csv, &m).unwrap().yaml;
    assert!(yaml.contains("completed: 2025-09-08"), "{yaml}");
    // Days and months are checked, and years stay in the plausible window.
    for bad in ["31/02/2025", "08/09/0025", "2025-9-8", "8/9/20255"] {
        let csv = format!("task,status,completed\nkh/1,done,{bad}\n");
        assert_eq!(
            error_places(&import(&csv, &meta()).unwrap_err()),
            vec![(2, 3)],
            "{bad}"
        );
    }
}

#[test]
fn several_rows_for_one_task_are_errors() {
    let csv = "plan,task,status\nkh,1,done\nkh,2,ongoing\nkh,1,in-progress\n";
    let errs = import(csv, &meta()).unwrap_err();
    assert_eq!(error_places(&errs), vec![(4, 2)]);
    assert!(errs.iter().any(|d| d.message.contains("line 2")));
}

#[test]
fn line_numbers_are_physical_after_multi_line_cells() {
    let csv = "task,status,note\nkh/1,ongoing,\"dòng một\ndòng hai\ndòng ba\"\nkh/2,xong,\n";
    let errs = import(csv, &meta()).unwrap_err();
    assert_eq!(error_places(&errs), vec![(5, 2)]);
}

#[test]
fn semicolon_and_tab_separated_files_are_read() {
    for sep in [";", "\t"] {
        let csv = format!("Nhiệm vụ{sep}Tình trạng{sep}Ghi chú\nkh/1{sep}Thường xuyên{sep}a, b\n");
        let yaml = import(&csv, &meta()).unwrap().yaml;
        assert!(
            yaml.contains("task: kh/1") && yaml.contains("note: a, b"),
            "{yaml}"
        );
    }
}

#[test]
fn windows_1258_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.csv");
    std::fs::write(&p, b"task,status,note\nkh/1,done,So\xD2 KH\n").unwrap();
    let errs = report_from_csv(&p, &meta()).unwrap_err();
    let e = errs.iter().next().unwrap();
    assert!(e.message.contains("Windows-1258"), "{e}");
    assert_eq!(e.location.line, 2);
}

#[test]
fn unknown_columns_and_cells_beyond_the_header_are_reported() {
    let csv = "task,status,Người nhập\nkh/1,ongoing,An,thừa\n";
    let errs = import(csv, &meta()).unwrap_err();
    assert_eq!(error_places(&errs), vec![(2, 4)]);
    let ok = import("task,status,Người nhập\nkh/1,ongoing,An\n", &meta()).unwrap();
    assert_eq!(ok.diagnostics.warning_count(), 1);
}

#[test]
fn control_characters_in_cells_are_removed_with_a_warning() {
    let csv = "task,status,note\nkh/1,ongoing,\"chờ\u{7} duyệt\"\n";
    let ok = import(csv, &meta()).unwrap();
    assert!(ok.yaml.contains("note: chờ duyệt"), "{}", ok.yaml);
    let w: Vec<_> = ok.diagnostics.iter().collect();
    assert_eq!(w.len(), 1);
    assert_eq!((w[0].location.line, w[0].location.column), (2, 3));
}

#[test]
fn a_value_under_a_column_without_header_is_an_error_at_its_cell() {
    // `task,status,note,`: the fourth column has no header.
    let csv = "task,status,note,\nkh/1,done,x,quan trọng\nkh/2,ongoing,,\n";
    let errs = import(csv, &meta()).unwrap_err();
    assert_eq!(error_places(&errs), vec![(2, 4)]);
    let d = errs
        .sorted()
        .into_iter()
        .find(|d| d.location.column == 4)
        .unwrap();
    assert!(d.message.contains("header"), "{}", d.message);
}

#[test]
fn progress_is_read_as_shown_or_refused_plainly() {
    let csv =
        "task,status,progress\nkh/1,in-progress,75%\nkh/2,in-progress,75.00%\nkh/3,done,100\n";
    let yaml = import(csv, &meta()).unwrap().yaml;
    assert_eq!(yaml.matches("progress: 75").count(), 2, "{yaml}");
    assert!(yaml.contains("progress: 100"), "{yaml}");
    let csv = "task,status,progress\nkh/1,in-progress,0.75\nkh/2,in-progress,75.5%\n";
    let errs = import(csv, &meta()).unwrap_err();
    assert_eq!(error_places(&errs), vec![(2, 3), (3, 3)]);
    let msgs: Vec<String> = errs
        .sorted()
        .into_iter()
        .map(|d| format!("{}", d))
        .collect();
    assert!(
        msgs[0].contains("fraction") && msgs[0].contains("write 75"),
        "{msgs:?}"
    );
    assert!(msgs[1].contains("whole number"), "{msgs:?}");
}
