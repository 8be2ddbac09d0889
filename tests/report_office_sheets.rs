//! Sheets as offices make them (issue 22): title rows above a header over
//! two rows with merged cells, `STT`, a row of column numbers, tasks named
//! by their text or by plan number and printed number, status synonyms;
//! unknown and ambiguous tasks named with their candidates (never a "did
//! you mean" to another number); `--strict`; and a task two agencies report
//! differently, where the lead's report holds and the other is shown.
//! Fixtures are written as .xlsx, .ods (its XML written by hand) and .csv;
//! no .xls writer is at hand (the .xls reader is calamine's, as for .xlsx).

#[path = "support/forms.rs"]
mod forms;
#[path = "support/office.rs"]
mod office;

use std::fs;

use forms::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const T5: &str = "Chỉ đạo, điều hành việc thực hiện các nhiệm vụ về cải cách hành chính";
const T10: &str = "Nâng cấp, phát triển hệ thống quản lý cán bộ, công chức, viên chức, người lao động tỉnh Tuyên Quang";

#[test]
fn an_office_sheet_with_title_rows_merged_headings_and_tasks_by_text() {
    let tmp = tempfile::tempdir().unwrap();
    illustrative_copy(tmp.path());
    let content = tmp.path().join("content");
    let p = tmp.path().join("so-noi-vu-thang-2.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tháng 2").unwrap();
    let f = Format::new();
    ws.merge_range(
        0,
        0,
        0,
        5,
        "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 02/2026",
        &f,
    )
    .unwrap();
    ws.write_string(1, 0, "Đơn vị: Sở Nội vụ").unwrap();
    ws.merge_range(3, 0, 4, 0, "STT", &f).unwrap();
    ws.merge_range(3, 1, 4, 1, "Nội dung nhiệm vụ", &f).unwrap();
    ws.merge_range(3, 2, 3, 4, "Kết quả thực hiện", &f).unwrap();
    ws.write_string(4, 2, "Tình trạng").unwrap();
    ws.write_string(4, 3, "Tiến độ (%)").unwrap();
    ws.write_string(4, 4, "Ngày hoàn thành").unwrap();
    ws.merge_range(3, 5, 4, 5, "Ghi chú", &f).unwrap();
    for c in 0..6u16 {
        ws.write_string(5, c, format!("({})", c + 1)).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    // Row 7: by text, a synonym; row 8: done with a date cell; row 9
    // blank; row 10: a text no task has.
    ws.write_number(6, 0, 1.0).unwrap();
    ws.write_string(6, 1, format!("  {T5} ")).unwrap();
    ws.write_string(6, 2, "Đang triển khai").unwrap();
    ws.write_number(6, 3, 40.0).unwrap();
    ws.write_string(6, 5, "Đã họp giao ban").unwrap();
    ws.write_number(7, 0, 2.0).unwrap();
    ws.write_string(7, 1, T10.to_uppercase()).unwrap();
    ws.write_string(7, 2, "Hoàn thành").unwrap();
    ws.write_datetime_with_format(7, 4, ExcelDateTime::from_ymd(2026, 2, 3).unwrap(), &date)
        .unwrap();
    ws.write_number(8, 0, 3.0).unwrap();
    ws.write_number(9, 0, 4.0).unwrap();
    ws.write_string(9, 1, "Một nhiệm vụ không có trong kế hoạch")
        .unwrap();
    ws.write_string(9, 2, "Đang thực hiện").unwrap();
    wb.save(&p).unwrap();

    let out = content.join("reports/2026-02.yaml");
    let (ok, _, err) = run(&[
        "import-report",
        p.to_str().unwrap(),
        "--period",
        "2026-02",
        "--date",
        "2026-02-10",
        "--content",
        content.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!ok, "the unknown task makes the command fail");
    let yaml = fs::read_to_string(&out).unwrap();
    assert!(yaml.contains("task: 114-kh-bcd-2025/5\n  status: in-progress\n  progress: 40\n  note: Đã họp giao ban"), "{yaml}");
    assert!(
        yaml.contains("task: 114-kh-bcd-2025/10\n  status: done\n  completed: 2026-02-03"),
        "{yaml}"
    );
    assert_eq!(yaml.matches("- task:").count(), 2, "{yaml}");
    // The unknown row, at its file, sheet, row and column.
    let at = format!("{}:Tháng 2:10:2", p.display());
    assert!(err.contains(&at), "{at}\n{err}");
    assert!(err.contains("no task has the text"), "{err}");
    assert!(err.contains("1 taken") || err.contains("2 taken"), "{err}");
    assert!(err.contains("2 taken, 1 blank, 1 rejected"), "{err}");
    assert!(content.join("reports/2026-02.yaml.rejected.xlsx").exists());
    let check = minhbach::check(
        &content,
        Some(chrono::NaiveDate::from_ymd_opt(2026, 2, 15).unwrap()),
    );
    assert!(
        !check.diagnostics.has_errors(),
        "{:?}",
        check.diagnostics.sorted()
    );
}

#[test]
fn plan_and_printed_numbers_unknown_and_ambiguous_rows_and_strict() {
    let tmp = tempfile::tempdir().unwrap();
    illustrative_copy(tmp.path());
    let content = tmp.path().join("content");
    let p = tmp.path().join("tong-hop.csv");
    fs::write(
        &p,
        "Báo cáo tổng hợp tháng 02/2026\n\nKế hoạch;Nhiệm vụ;Tình trạng;Ghi chú\n114/KH-BCĐ;14;Đang thực hiện;kết nối Quảng Tây\n114/KH-BCĐ;99;Đang thực hiện;số không có\nkh-hoat-dong-bcd-tinh-2025;1.;Thường xuyên;hai nhiệm vụ số 1.\n",
    )
    .unwrap();
    let out = content.join("reports/2026-02.yaml");
    let args = |strict: bool| {
        let mut v = vec![
            "import-report".to_string(),
            p.display().to_string(),
            "--period".into(),
            "2026-02".into(),
            "--date".into(),
            "2026-02-10".into(),
            "--content".into(),
            content.display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ];
        if strict {
            v.push("--strict".into());
        }
        v
    };
    // --strict: one rejected row, nothing written.
    let a = args(true);
    let (ok, _, err) = run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!ok);
    assert!(!out.exists(), "{err}");
    assert!(err.contains("nothing written"), "{err}");
    let a = args(false);
    let (ok, _, err) = run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!ok);
    let yaml = fs::read_to_string(&out).unwrap();
    assert!(
        yaml.contains("task: 114-kh-bcd-2025/14\n  status: in-progress"),
        "{yaml}"
    );
    assert_eq!(yaml.matches("- task:").count(), 1, "{yaml}");
    // Number 99 of 114/KH-BCĐ: no task, and no task with another number offered.
    let line5 = err
        .lines()
        .find(|l| l.contains(&format!("{}:5:2", p.display())))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line5.contains("no task numbered \"99\""), "{line5}");
    assert!(!err.contains("did you mean"), "{err}");
    // `1.` twice in one plan: both candidates named.
    let line6 = err
        .lines()
        .find(|l| l.contains(&format!("{}:6:2", p.display())))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line6.contains("kh-hoat-dong-bcd-tinh-2025/pl1-1")
            && line6.contains("kh-hoat-dong-bcd-tinh-2025/pl4-1"),
        "{line6}"
    );
    // The rejected rows' workbook beside the report.
    let rejected = content.join("reports/2026-02.yaml.rejected.xlsx");
    assert!(rejected.is_file(), "{err}");
    // Again, without --force: the report is there, so nothing is written,
    // not even over the workbook the office may have annotated.
    fs::write(&rejected, b"annotated by the office").unwrap();
    let (ok, _, err) = run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!ok);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(fs::read(&rejected).unwrap(), b"annotated by the office");
    assert_eq!(fs::read_to_string(&out).unwrap(), yaml);
    // With --force, both are replaced.
    let mut forced = a.clone();
    forced.push("--force".into());
    let (ok, _, err) = run(&forced.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!ok, "rows are still rejected: {err}");
    assert_ne!(fs::read(&rejected).unwrap(), b"annotated by the office");
}

#[test]
fn two_agencies_report_one_task_differently_the_lead_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let site = illustrative_copy(tmp.path());
    let site_s = site.to_str().unwrap();
    let forms_dir = tmp.path().join("forms");
    let (ok, _, err) = run(&[
        "report-forms",
        "--period",
        "2026-02",
        "--content",
        site_s,
        "--out",
        forms_dir.to_str().unwrap(),
        "--agency",
        "so-noi-vu",
        "--agency",
        "bao-ptth-tinh",
    ]);
    assert!(ok, "{err}");
    let answers = tmp.path().join("answers");
    fs::create_dir_all(&answers).unwrap();
    // Task 114/8: led by groups containing so-noi-vu; bao-ptth-tinh cooperates.
    // The cooperating agency's file is read last: the lead still holds.
    for (agency, file, status, progress, day, note) in [
        (
            "so-noi-vu",
            "1-so-noi-vu.xlsx",
            "Đã hoàn thành",
            100,
            Some(5),
            "Sở Nội vụ: xong",
        ),
        (
            "bao-ptth-tinh",
            "2-bao.xlsx",
            "Đang thực hiện",
            50,
            None,
            "Báo: đang làm",
        ),
    ] {
        let form = read_form(&forms_dir.join(format!("{agency}.xlsx")));
        let (row, _) = form
            .tasks()
            .into_iter()
            .find(|(_, k)| k == "114-kh-bcd-2025/8")
            .unwrap();
        let fill = Fill {
            status: status.into(),
            progress: Some(progress),
            completed_day: day,
            evidence: None,
            note: note.into(),
            raw_progress: None,
        };
        save_filled(&form, &[(row, fill)], &answers.join(file));
    }
    let report = site.join("reports/2026-02.yaml");
    let (ok, _, err) = run(&[
        "import-report",
        answers.to_str().unwrap(),
        "--period",
        "2026-02",
        "--date",
        "2026-02-10",
        "--content",
        site_s,
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 2, 15).unwrap();
    let check = minhbach::check(&site, Some(as_of));
    assert!(
        !check.diagnostics.has_errors(),
        "{:?}",
        check.diagnostics.sorted()
    );
    let w: Vec<String> = check.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        w.iter()
            .any(|d| d.contains("bao-ptth-tinh reports in-progress")
                && d.contains("the lead's entry holds")),
        "{w:#?}"
    );
    let out = tmp.path().join("out");
    let (ok, _, err) = run(&[
        "build",
        "--content",
        site_s,
        "--output",
        out.to_str().unwrap(),
        "--as-of",
        "2026-02-15",
        "--quiet",
    ]);
    assert!(ok, "{err}");
    let page =
        fs::read_to_string(out.join("ke-hoach/114-kh-bcd-2025/nhiem-vu/8/index.html")).unwrap();
    assert!(page.contains("state-done"), "the lead's done holds");
    assert!(
        page.contains("Cơ quan khác cùng báo cáo:"),
        "the other report is shown beside"
    );
    assert!(page.contains("Báo: đang làm") && page.contains("Sở Nội vụ: xong"));
}

fn ods_row(cells: &[&str]) -> String {
    let mut r = String::from("<table:table-row>");
    for c in cells {
        r.push_str(&format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{c}</text:p></table:table-cell>"
        ));
    }
    r.push_str("</table:table-row>");
    r
}

#[test]
fn an_ods_sheet_with_the_projects_own_status_words() {
    let tmp = tempfile::tempdir().unwrap();
    illustrative_copy(tmp.path());
    let content = tmp.path().join("content");
    // The project's own words, laid over the theme's.
    fs::create_dir_all(content.join("i18n")).unwrap();
    fs::write(
        content.join("i18n/vi.toml"),
        "[status_words]\nin-progress = [\"Đang làm dở\"]\n",
    )
    .unwrap();
    let title = "<table:table-row><table:table-cell table:number-columns-spanned=\"4\" office:value-type=\"string\"><text:p>BÁO CÁO THÁNG 02/2026</text:p></table:table-cell><table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/></table:table-row>";
    let rows = [
        title.to_string(),
        ods_row(&["STT", "Nội dung nhiệm vụ", "Tình trạng", "Ghi chú"]),
        ods_row(&["1", T5, "Đang làm dở", "từ tệp ods"]),
        ods_row(&["2", T10, "Thường xuyên", ""]),
        ods_row(&["3", T10, "Đang triển khai", "trùng nhiệm vụ"]),
    ]
    .concat();
    let p = tmp.path().join("bao-cao.ods");
    fs::write(&p, office::ods(&rows)).unwrap();
    let (ok, yaml, err) = run(&[
        "import-report",
        p.to_str().unwrap(),
        "--period",
        "2026-02",
        "--date",
        "2026-02-10",
        "--content",
        content.to_str().unwrap(),
    ]);
    assert!(!ok, "{err}");
    assert!(
        yaml.contains("task: 114-kh-bcd-2025/5\n  status: in-progress\n  note: từ tệp ods"),
        "{yaml}\n{err}"
    );
    assert!(
        yaml.contains("task: 114-kh-bcd-2025/10\n  status: ongoing"),
        "{yaml}"
    );
    // Row 5: the same task again (its own words replaced, the synonym is
    // no longer known either): rejected at sheet S, row 5.
    let at = format!("{}:S:5:", p.display());
    assert!(err.contains(&at), "{at}\n{err}");
    assert!(err.contains("already reported"), "{err}");
}
