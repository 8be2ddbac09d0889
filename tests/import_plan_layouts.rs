//! `import-plan` on the layouts documents come in: a Word table broken
//! across pages, several appendices (in a text document or one per sheet),
//! an `.ods` sheet with merged cells, and a content directory without a
//! registry yet.

mod fixtures;

use std::path::Path;

use fixtures::{content_dir, imported, opts};
use minhbach::import_plan::import;

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
