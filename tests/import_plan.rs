//! `import-plan` on fixtures made from the shipped plans: the 114/KH-BCĐ
//! appendix as a Word table imports to exactly the shipped cells; the
//! 223/KH-UBND appendix as .xlsx and .csv imports with its groups, goals and
//! start/completion columns; a sheet with month-first dates and date serials
//! imports to the right text.

mod fixtures;

use fixtures::{content_dir, imported, opts, printed};
use minhbach::import_plan::{import, ImportOptions};

#[test]
fn word_table_of_114_imports_to_the_shipped_cells() {
    let content = content_dir();
    let shipped = fixtures::shipped("114-kh-bcd-2025");
    let docx = content.path().join("114.docx");
    fixtures::write_docx(&docx, &shipped, &printed);
    let summary = import(&opts(&docx, content.path(), "kh-114")).unwrap();
    let got = imported(content.path(), "kh-114");
    assert_eq!(
        fixtures::flatten(&got, true, true),
        fixtures::flatten(&shipped, true, true)
    );
    assert_eq!(got.columns, shipped.columns);
    assert_eq!(got.appendix, shipped.appendix);
    assert_eq!(got.caption, shipped.caption);
    assert_eq!(got.caption_note, shipped.caption_note);
    assert_eq!((summary.groups, summary.tasks), (10, 29));
    assert!(summary.unknown_agencies.is_empty(), "{summary}");
    assert_eq!(summary.rows.total(), 1 + 10 + 29);
    // The printed code `IV. 3` is written `IV.3`, with a comment.
    let text = std::fs::read_to_string(content.path().join("plans/kh-114/tasks.yaml")).unwrap();
    assert!(
        text.contains("- code: \"IV.3\"   # printed \"IV. 3\""),
        "{text}"
    );
    // A plan.md to fill in, and no agencies.yaml change.
    assert!(content.path().join("plans/kh-114/plan.md").is_file());
}

#[test]
fn opendocument_text_of_114_imports_to_the_shipped_cells() {
    let content = content_dir();
    let shipped = fixtures::shipped("114-kh-bcd-2025");
    let odt = content.path().join("114.odt");
    fixtures::write_odt(&odt, &shipped);
    let summary = import(&opts(&odt, content.path(), "kh-114")).unwrap();
    let got = imported(content.path(), "kh-114");
    assert_eq!(
        fixtures::flatten(&got, true, true),
        fixtures::flatten(&shipped, true, true)
    );
    assert_eq!(got.caption_note, shipped.caption_note);
    assert_eq!((summary.groups, summary.tasks), (10, 29));
}

#[test]
fn existing_plans_are_not_overwritten_without_force() {
    let content = content_dir();
    let shipped = fixtures::shipped("114-kh-bcd-2025");
    let docx = content.path().join("114.docx");
    fixtures::write_docx(&docx, &shipped, &printed);
    let o = opts(&docx, content.path(), "kh-114");
    import(&o).unwrap();
    let plan_md = content.path().join("plans/kh-114/plan.md");
    std::fs::write(&plan_md, "filled in by hand").unwrap();
    let e = import(&o).unwrap_err();
    assert!(e.message.contains("already has a tasks.yaml"), "{e}");
    assert!(e.help.contains("--force"));
    let forced = ImportOptions { force: true, ..o };
    let s = import(&forced).unwrap();
    assert_eq!(
        std::fs::read_to_string(&plan_md).unwrap(),
        "filled in by hand"
    );
    assert!(s.remarks.iter().any(|r| r.contains("kept")), "{s}");
}

#[test]
fn spreadsheet_of_223_imports_with_groups_goals_and_both_time_columns() {
    let content = content_dir();
    let shipped = fixtures::shipped("223-kh-ubnd-2024");
    let xlsx = content.path().join("223.xlsx");
    fixtures::write_xlsx(&xlsx, &shipped);
    let summary = import(&opts(&xlsx, content.path(), "kh-223")).unwrap();
    let got = imported(content.path(), "kh-223");
    // Merged goal cells: the same goals, shared by the same rows; rows
    // without a number get generated ids, so ids are compared apart.
    assert_eq!(
        fixtures::flatten(&got, false, true),
        fixtures::flatten(&shipped, false, true)
    );
    assert_eq!(got.columns, shipped.columns);
    assert_eq!(summary.table, "sheet \"Phụ lục\"");
    assert_eq!(summary.rows.before_header, 2);
    // The title lines above the header are kept: the `(Kèm theo ...)` line
    // and the line above it.
    assert_eq!(got.caption_note, shipped.caption_note);
    assert_eq!(got.caption, shipped.appendix);
    let unnumbered = fixtures::flatten(&got, true, false)
        .into_iter()
        .filter(|l| l.contains("[].id = "))
        .collect::<Vec<_>>();
    assert!(!unnumbered.is_empty());
    assert!(
        unnumbered.iter().all(|l| l.contains("Some(")),
        "{unnumbered:?}"
    );
    assert!(summary
        .columns
        .iter()
        .any(|(h, f)| h == "THỜI GIAN THỰC HIỆN"
            && *f == Some(minhbach::import_plan::header::Field::Start)));
}

#[test]
fn csv_of_223_imports_with_groups_and_both_time_columns() {
    let content = content_dir();
    let shipped = fixtures::shipped("223-kh-ubnd-2024");
    let csv = content.path().join("223.csv");
    fixtures::write_csv(&csv, &shipped);
    import(&opts(&csv, content.path(), "kh-223")).unwrap();
    let got = imported(content.path(), "kh-223");
    // CSV has no merges: a goal-less row after a goal reads as under it, so
    // the rows are compared without their goals.
    assert_eq!(
        fixtures::flatten(&got, false, false),
        fixtures::flatten(&shipped, false, false)
    );
}

#[test]
fn month_first_dates_and_date_serials_come_out_as_shown() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let content = content_dir();
    let path = content.path().join("dates.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "STT",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Bắt đầu",
        "Hạn hoàn thành",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    let rows = [
        ("1", "Rà soát", "06/15/2025", "06/30/2025"),
        ("2", "Ban hành", "07/01/2025", "trước ngày 12/31/2025"),
    ];
    for (i, (n, t, s, d)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number(r, 0, n.parse::<f64>().unwrap()).unwrap();
        ws.write_string(r, 1, *t).unwrap();
        ws.write_string(r, 2, "Sở Nội vụ").unwrap();
        ws.write_string(r, 3, *s).unwrap();
        ws.write_string(r, 4, *d).unwrap();
    }
    // A third row whose dates are stored as numbers (date serials).
    ws.write_number(3, 0, 3.0).unwrap();
    ws.write_string(3, 1, "Báo cáo").unwrap();
    ws.write_string(3, 2, "Sở Nội vụ").unwrap();
    ws.write_datetime_with_format(
        3,
        3,
        ExcelDateTime::from_ymd(2025, 9, 1).unwrap(),
        &date_fmt,
    )
    .unwrap();
    ws.write_datetime_with_format(
        3,
        4,
        ExcelDateTime::from_ymd(2025, 9, 30).unwrap(),
        &date_fmt,
    )
    .unwrap();
    // A fourth row whose dates carry their own formats: a month, and a
    // month-first day.
    ws.write_number(4, 0, 4.0).unwrap();
    ws.write_string(4, 1, "Tổng kết").unwrap();
    ws.write_string(4, 2, "Sở Nội vụ").unwrap();
    let month_fmt = Format::new().set_num_format("mm/yyyy");
    let us_fmt = Format::new().set_num_format("mm/dd/yyyy");
    ws.write_datetime_with_format(
        4,
        3,
        ExcelDateTime::from_ymd(2025, 10, 1).unwrap(),
        &month_fmt,
    )
    .unwrap();
    ws.write_datetime_with_format(
        4,
        4,
        ExcelDateTime::from_ymd(2025, 10, 31).unwrap(),
        &us_fmt,
    )
    .unwrap();
    wb.save(&path).unwrap();

    let summary = import(&opts(&path, content.path(), "ngay-thang")).unwrap();
    let got = imported(content.path(), "ngay-thang");
    let tasks = &got.groups[0].tasks;
    let cells: Vec<(Option<&str>, Option<&str>, Option<&str>)> = tasks
        .iter()
        .map(|t| {
            (
                t.number.as_deref(),
                t.start.as_deref(),
                t.deadline.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        cells,
        vec![
            (Some("1"), Some("06/15/2025"), Some("06/30/2025")),
            (Some("2"), Some("07/01/2025"), Some("trước ngày 12/31/2025")),
            (Some("3"), Some("01/09/2025"), Some("30/09/2025")),
            (Some("4"), Some("10/2025"), Some("10/31/2025")),
        ]
    );
    let text = std::fs::read_to_string(content.path().join("plans/ngay-thang/tasks.yaml")).unwrap();
    // The dates typed as text settle the file's order: month first, for
    // every date column, declared once and kept verbatim.
    assert!(text.contains("date_order: month_day"), "{text}");
    assert!(text.contains("deadline: \"06/30/2025\"\n"), "{text}");
    // 07/01/2025 cannot tell by itself: it is read month first, and the
    // inference waits on the review list.
    assert!(text.contains("start: \"07/01/2025\"\n"), "{text}");
    assert!(text.contains("- what: date_order"), "{text}");
    assert!(text.contains("Sheet1!D3"), "{text}");
    // A date cell formatted day first holds a known day: stated beside it.
    assert!(
        text.contains("start: \"01/09/2025\"   # stored as a date: 01/09/2025 (the cell's format puts the day first)"),
        "{text}"
    );
    assert!(
        text.contains("start_meaning: { due: 2025-09-01, by: import }"),
        "{text}"
    );
    assert!(
        text.contains("deadline_meaning: { due: 2025-09-30, by: import }"),
        "{text}"
    );
    // A date cell formatted month first reads the file's way: nothing to state.
    assert!(text.contains("deadline: \"10/31/2025\"\n"), "{text}");
    let orders = summary.date_orders.join("\n");
    assert!(
        orders.contains("month first") && orders.contains("06/15/2025 at Sheet1!D2"),
        "{orders}"
    );
    assert!(
        summary
            .remarks
            .iter()
            .any(|r| r.contains("stored as dates")),
        "{summary}"
    );
    std::fs::write(
        content.path().join("site.yaml"),
        "title: \"t\"\nas_of: 2025-08-01\n",
    )
    .unwrap();
    let plan_md = content.path().join("plans/ngay-thang/plan.md");
    let filled = std::fs::read_to_string(&plan_md)
        .unwrap()
        .replace("doc_type:             #", "doc_type: \"Kế hoạch\" #")
        .replace("title:                #", "title: \"Thử\" #")
        .replace("issuer:               #", "issuer: ubnd-tinh #")
        .replace("  start:              #", "  start: 2025-01-01 #")
        .replace("  end:                #", "  end: 2025-12-31 #");
    std::fs::write(&plan_md, filled).unwrap();
    let (model, diags) = minhbach::load_model(content.path(), None);
    let errors: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
    assert!(!diags.has_errors(), "{errors:#?}");
    let plan = &model.unwrap().plans[0];
    let due = |i: usize| {
        plan.tasks[i].deadline.as_ref().unwrap().kind.dues()[0]
            .1
            .last_day()
    };
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(due(0), day(2025, 6, 30));
    assert_eq!(due(1), day(2025, 12, 30));
    assert_eq!(due(2), day(2025, 9, 30));
    assert_eq!(due(3), day(2025, 10, 31));
}

#[test]
fn unknown_agencies_are_counted_and_can_be_added_for_review() {
    let content = content_dir();
    let csv = content.path().join("moi.csv");
    std::fs::write(
        &csv,
        "TT;Nội dung;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành\n\
         I;NHIỆM VỤ CHUNG;;;\n\
         1;Việc một;Sở Du lịch;Văn phòng Ban quản lý dự án tỉnh;Tháng 3/2026\n\
         2;Việc hai;SỞ DU LỊCH;VP Ban quản lý dự án tỉnh;Đợt cuối\n\
         3;Việc ba;Sở Du lịch;TT Phục vụ hành chính công tỉnh;Quý II/2026\n",
    )
    .unwrap();
    let mut o = opts(&csv, content.path(), "ke-hoach-moi");
    o.add_agencies = true;
    let agencies = content.path().join("agencies.yaml");
    let before = std::fs::read_to_string(&agencies).unwrap();
    let s = import(&o).unwrap();
    let names: Vec<(&str, usize)> = s
        .unknown_agencies
        .iter()
        .map(|(n, c)| (n.as_str(), *c))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Sở Du lịch", 2),
            ("Văn phòng Ban quản lý dự án tỉnh", 1),
            ("SỞ DU LỊCH", 1),
            ("VP Ban quản lý dự án tỉnh", 1),
            ("TT Phục vụ hành chính công tỉnh", 1),
        ]
    );
    // A registered body under an abbreviation is not a new entry: the
    // summary says whose alias it should be.
    assert_eq!(s.variants.len(), 1, "{s}");
    assert_eq!(s.variants[0].2, "Trung tâm Phục vụ hành chính công tỉnh");
    assert_eq!(s.not_understood.len(), 1, "{s}");
    assert!(
        s.not_understood[0].0.contains("line 4"),
        "{:?}",
        s.not_understood
    );
    // Two entries; a spelling with an abbreviation is an alias, one that
    // differs only in case is not needed; the file's own text is kept.
    assert_eq!(s.added_agencies.len(), 2, "{s}");
    let after = std::fs::read_to_string(&agencies).unwrap();
    assert!(after.starts_with(&before));
    assert!(
        after.contains("  - id: so-du-lich\n    name: \"Sở Du lịch\"\n    review: true"),
        "{}",
        &after[before.len()..]
    );
    assert!(after.contains("aliases: [\"VP Ban quản lý dự án tỉnh\"]"));
}
