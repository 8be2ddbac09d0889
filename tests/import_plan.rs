//! `import-plan` on fixtures made from the shipped plans: the 114/KH-BCĐ
//! appendix as a Word table imports to exactly the shipped cells; the
//! 223/KH-UBND appendix as .xlsx and .csv imports with its groups, goals and
//! start/completion columns; a sheet with month-first dates and date serials
//! imports to the right text.

mod fixtures;

use std::path::Path;

use minhbach::import_plan::{import, ImportOptions};
use minhbach::load::raw::TasksFile;

fn opts(file: &Path, content: &Path, id: &str) -> ImportOptions {
    ImportOptions {
        file: file.to_path_buf(),
        id: id.into(),
        content: content.to_path_buf(),
        sheet: None,
        table: None,
        force: false,
        add_agencies: false,
    }
}

/// A content directory with the shipped registry.
fn content_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/agencies.yaml");
    std::fs::copy(shipped, dir.path().join("agencies.yaml")).unwrap();
    dir
}

fn imported(content: &Path, id: &str) -> TasksFile {
    let p = content.join("plans").join(id).join("tasks.yaml");
    serde_yaml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn printed(code: &str) -> String {
    // The document prints `IV. 3` and `IV. 4` with a space.
    code.replace("IV.3", "IV. 3").replace("IV.4", "IV. 4")
}

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
    assert!(
        text.contains(
            "deadline: \"06/30/2025\"   # written month-first (month/day/year): means 30/06/2025"
        ),
        "{text}"
    );
    assert!(text.contains("means 01/07/2025"), "{text}");
    assert!(
        text.contains(
            "deadline: \"10/31/2025\"   # written month-first (month/day/year): means 31/10/2025"
        ),
        "{text}"
    );
    // The serial shown day-first carries no comment.
    assert!(text.contains("deadline: \"30/09/2025\"\n"), "{text}");
    let orders = summary.date_orders.join("\n");
    assert!(
        orders.contains("\"Bắt đầu\"") && orders.contains("month-first"),
        "{orders}"
    );
    assert!(
        summary
            .remarks
            .iter()
            .any(|r| r.contains("stored as dates")),
        "{summary}"
    );
    // The meaning is stated beside the words, so `check` reads the right days.
    assert!(
        text.contains("deadline_meaning: { due: 2025-06-30 }"),
        "{text}"
    );
    assert!(
        text.contains("start_meaning: { due: 2025-07-01 }"),
        "{text}"
    );
    assert!(
        text.contains("deadline_meaning: { before: 2025-12-31 }"),
        "{text}"
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

#[test]
fn a_word_table_broken_across_pages_is_read_as_one() {
    use fixtures::tc;
    let row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| tc(c, "")).collect::<String>()
        )
    };
    let header = row(&["TT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"]);
    // A signature table first (not a task table), then the appendix in two
    // parts: the second repeats the header, the third has none. A table
    // after a paragraph is another table.
    let body = format!(
        "<w:tbl>{}</w:tbl><w:p><w:r><w:t>PHỤ LỤC</w:t></w:r></w:p><w:tbl>{header}{}{}</w:tbl><w:tbl>{header}{}</w:tbl><w:tbl>{}</w:tbl><w:p><w:r><w:t>Biểu mẫu báo cáo</w:t></w:r></w:p><w:tbl>{header}{}</w:tbl>",
        row(&["Nơi nhận:", "KT. CHỦ TỊCH"]),
        row(&["I", "NHÓM MỘT", "", ""]),
        row(&["1", "Việc một", "Sở Nội vụ", "Năm 2026"]),
        row(&["2", "Việc hai", "Sở Tư pháp", "Quý I/2026"]),
        row(&["3", "Việc ba", "Công an tỉnh", "Tháng 5/2026"]),
        row(&["1", "Việc khác", "Sở Tư pháp", "Năm 2027"]),
    );
    let content = content_dir();
    let docx = content.path().join("gay.docx");
    fixtures::write_docx_body(&docx, &body);
    let s = import(&opts(&docx, content.path(), "kh-gay")).unwrap();
    assert_eq!((s.groups, s.tasks), (1, 3), "{s}");
    assert_eq!(s.table, "table 2");
    assert_eq!(s.rows.repeated_header, 1);
    let remarks = s.remarks.join("\n");
    assert!(
        remarks.contains("table 3, table 4 continue table 2"),
        "{remarks}"
    );
    assert!(remarks.contains("not imported: table 5"), "{remarks}");
    let got = imported(content.path(), "kh-gay");
    let numbers: Vec<_> = got.groups[0]
        .tasks
        .iter()
        .map(|t| t.number.clone().unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "3"]);
}

#[test]
fn a_word_plan_with_several_appendices_imports_each_as_a_group() {
    use fixtures::tc;
    let row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| tc(c, "")).collect::<String>()
        )
    };
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let body = [
        p("Nơi nhận:"),
        p(" Phụ lục I"),
        p("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(&[
                "TT",
                "Tên nhiệm vụ",
                "Cơ quan chủ trì",
                "Thời gian hoàn thành"
            ]),
            row(&[
                "1.",
                "Tổ chức các phiên họp",
                "Sở Khoa học và Công nghệ",
                "Hàng tháng"
            ]),
            row(&["2.", "Kiểm tra", "Sở Khoa học và Công nghệ", "Quý IV"]),
        ),
        p("Phụ lục II"),
        p("NHIỆM VỤ TRỌNG TÂM"),
        format!(
            "<w:tbl>{}{}{}{}</w:tbl>",
            row(&[
                "TT",
                "Tên nhiệm vụ",
                "Cơ quan chủ trì",
                "Thời gian hoàn thành",
                "Lưu ý"
            ]),
            row(&["I", "Nâng cao nhận thức", "", "", ""]),
            row(&[
                "1.",
                "Phát động phong trào",
                "Sở Nội vụ",
                "Năm 2025",
                "QĐ 126/QĐ-BCĐCP"
            ]),
            row(&["2.", "Tuyên truyền", "Sở Nội vụ", "Năm 2025", ""]),
        ),
    ]
    .concat();
    let content = content_dir();
    let docx = content.path().join("pl.docx");
    fixtures::write_docx_body(&docx, &body);
    let s = import(&opts(&docx, content.path(), "kh-pl")).unwrap();
    assert_eq!((s.groups, s.tasks), (3, 4), "{s}");
    let got = imported(content.path(), "kh-pl");
    let g1 = &got.groups[0];
    assert_eq!(
        (g1.code.as_str(), g1.appendix.as_deref()),
        ("PL-I", Some("Phụ lục I"))
    );
    assert_eq!(g1.title.as_deref(), Some("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"));
    assert_eq!(g1.columns.len(), 4);
    assert_eq!(g1.tasks.len(), 2);
    let g2 = &got.groups[1];
    assert_eq!(g2.code, "PL-II");
    assert_eq!(g2.columns.last().map(String::as_str), Some("Lưu ý"));
    assert_eq!(g2.groups[0].code, "I");
    // Numbers repeat across appendices: the later rows get ids.
    let t = &g2.groups[0].tasks;
    assert_eq!(t[0].id.as_deref(), Some("pl-ii-1"));
    assert_eq!(t[0].note.as_deref(), Some("QĐ 126/QĐ-BCĐCP"));
    assert_eq!(g1.tasks[0].id, None);
}

#[test]
fn a_registry_is_started_when_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("a.csv");
    std::fs::write(
        &csv,
        "TT,Nhiệm vụ,Chủ trì,Hạn\n1,Việc một,Sở Tư pháp,2026\n2,Việc hai,UBND tỉnh,2026\n",
    )
    .unwrap();
    let mut o = opts(&csv, dir.path(), "kh-dau");
    o.add_agencies = true;
    let s = import(&o).unwrap();
    assert_eq!(s.added_agencies.len(), 2, "{s}");
    let text = std::fs::read_to_string(dir.path().join("agencies.yaml")).unwrap();
    let file: minhbach::load::raw::AgenciesFile = serde_yaml::from_str(&text).unwrap();
    let names: Vec<&str> = file.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Sở Tư pháp", "UBND tỉnh"]);
    assert!(file.agencies.iter().all(|a| a.review));
}

/// A minimal OpenDocument spreadsheet with the given table XML.
fn write_ods(path: &Path, table: &str) {
    use std::io::Write;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{table}</office:spreadsheet></office:body></office:document-content>"#
    );
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("META-INF/manifest.xml", stored).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.start_file("content.xml", stored).unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.finish().unwrap();
}

#[test]
fn ods_sheets_keep_their_merged_goals() {
    let cell = |t: &str, extra: &str| {
        format!(
            r#"<table:table-cell office:value-type="string" {extra}><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let covered = r#"<table:covered-table-cell/>"#;
    let row = |cells: &[String]| format!("<table:table-row>{}</table:table-row>", cells.concat());
    let table = format!(
        r#"<table:table table:name="PL">{}{}{}{}{}</table:table>"#,
        row(&[cell("Kế hoạch", "")]),
        row(&[
            cell("TT", ""),
            cell("Mục tiêu", ""),
            cell("Nhiệm vụ", ""),
            cell("Chủ trì", ""),
            cell("Hạn", "")
        ]),
        // A title merged across with no code: a group only if the merge is seen.
        row(&[
            cell("", ""),
            cell("NHÓM MỘT", r#"table:number-columns-spanned="4""#),
            covered.into(),
            covered.into(),
            covered.into()
        ]),
        row(&[
            cell("1", ""),
            cell("Mục tiêu chung", r#"table:number-rows-spanned="2""#),
            cell("Việc một", ""),
            cell("Sở Nội vụ", ""),
            cell("2026", "")
        ]),
        row(&[
            cell("2", ""),
            covered.into(),
            cell("Việc hai", ""),
            cell("Sở Tư pháp", ""),
            cell("2026", "")
        ]),
    );
    let content = content_dir();
    let ods = content.path().join("pl.ods");
    write_ods(&ods, &table);
    let s = import(&opts(&ods, content.path(), "kh-ods")).unwrap();
    assert_eq!((s.groups, s.tasks), (1, 2), "{s}");
    let got = imported(content.path(), "kh-ods");
    let g = &got.groups[0];
    assert_eq!(g.title.as_deref(), Some("NHÓM MỘT"));
    assert_eq!(g.goals.len(), 1);
    assert_eq!(g.goals[0].goal, "Mục tiêu chung");
    assert_eq!(g.goals[0].tasks.len(), 2);
}

#[test]
fn a_workbook_with_one_appendix_per_sheet_imports_each_as_a_group() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    for (k, (label, title)) in [("Phụ lục I", "CHỈ ĐẠO"), ("Phụ lục II", "TRỌNG TÂM")]
        .iter()
        .enumerate()
    {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, *label).unwrap();
        ws.write_string(1, 0, *title).unwrap();
        for (c, h) in [
            "TT",
            "Tên nhiệm vụ",
            "Cơ quan chủ trì",
            "Thời gian hoàn thành",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        for r in 0..2u32 {
            ws.write_string(3 + r, 0, format!("{}.", r + 1)).unwrap();
            ws.write_string(3 + r, 1, format!("Việc {k}-{r}")).unwrap();
            ws.write_string(3 + r, 2, "Sở Nội vụ").unwrap();
            ws.write_string(3 + r, 3, "Năm 2026").unwrap();
        }
    }
    // A summary sheet without an appendix heading is left out.
    let ws = wb.add_worksheet();
    ws.set_name("Tổng hợp").unwrap();
    for (c, h) in ["TT", "Nhiệm vụ", "Chủ trì", "Hạn"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let content = content_dir();
    let path = content.path().join("pl.xlsx");
    wb.save(&path).unwrap();
    let s = import(&opts(&path, content.path(), "kh-pl-xlsx")).unwrap();
    assert_eq!((s.groups, s.tasks), (2, 4), "{s}");
    let remarks = s.remarks.join("\n");
    assert!(
        remarks.contains("not imported: sheet \"Tổng hợp\""),
        "{remarks}"
    );
    let got = imported(content.path(), "kh-pl-xlsx");
    let codes: Vec<_> = got.groups.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(codes, ["PL-I", "PL-II"]);
    assert_eq!(got.groups[1].title.as_deref(), Some("TRỌNG TÂM"));
    assert_eq!(got.groups[1].tasks[0].id.as_deref(), Some("pl-ii-1"));
}
