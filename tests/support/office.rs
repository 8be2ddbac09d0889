//! Office files written part by part for the tests (a spreadsheet library
//! takes a third of a second for a cell at row 1,000,000): `.xlsx` with
//! inline strings and merges, `.docx` and `.ods` around a given body.
#![allow(dead_code)]

use std::io::Write;

fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (n, text) in parts {
        z.start_file(*n, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// An `.xlsx` written part by part (a spreadsheet library takes a third of
/// a second for a cell at row 1,000,000): inline strings at their cells,
/// and merged ranges.
pub fn xlsx(cells: &[(u32, u16, String)], merges: &[(u32, u16, u32, u16)]) -> Vec<u8> {
    use std::io::Write;
    let name =
        |r: u32, c: u16| format!("{}{}", minhbach::tables::column_letters(c as usize), r + 1);
    let mut rows: std::collections::BTreeMap<u32, std::collections::BTreeMap<u16, &str>> =
        Default::default();
    for (r, c, t) in cells {
        rows.entry(*r).or_default().insert(*c, t);
    }
    let mut data = String::new();
    for (r, cs) in &rows {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, t) in cs {
            data.push_str(&format!(
                "<c r=\"{}\" t=\"inlineStr\"><is><t>{t}</t></is></c>",
                name(*r, *c)
            ));
        }
        data.push_str("</row>");
    }
    let m: String = merges
        .iter()
        .map(|(r, c, b, e)| format!("<mergeCell ref=\"{}:{}\"/>", name(*r, *c), name(*b, *e)))
        .collect();
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>{data}</sheetData>{}</worksheet>"#, if m.is_empty() { String::new() } else { format!("<mergeCells>{m}</mergeCells>") })),
    ];
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (n, text) in parts {
        z.start_file(n, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// A `.docx` whose body is `body` (Word XML, `w:` prefix).
pub fn docx(body: &str) -> Vec<u8> {
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    zip_of(&[
        ("[Content_Types].xml", "<Types/>".to_string()),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>"#
            ),
        ),
    ])
}

/// An `.ods` whose first sheet, named `S`, holds `rows` (ODS XML).
pub fn ods(rows: &str) -> Vec<u8> {
    zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet".to_string()),
        (
            "content.xml",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#),
        ),
        (
            "META-INF/manifest.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_string(),
        ),
    ])
}
