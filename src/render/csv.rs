//! CSV for downloads: UTF-8 with a byte-order mark (so Excel reads
//! Vietnamese correctly), RFC 4180 quoting, and cells that a spreadsheet
//! would run as a formula (`=`, `+`, `-`, `@`, tab, CR) neutralised with a
//! leading apostrophe.

/// Neutralises one cell against formula injection.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn quote(cell: &str) -> String {
    let c = neutralise(cell);
    if c.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c
    }
}

/// Writes a table as CSV bytes.
pub fn write(headers: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        let line: Vec<String> = row.iter().map(|c| quote(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Sở Nội vụ"), "Sở Nội vụ");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn bom_quoting_and_crlf() {
        let b = write(
            &["Tên".into(), "Ghi chú".into()],
            &[vec!["Sở, ban".into(), "nói \"có\"\ndòng 2".into()]],
        );
        let s = String::from_utf8(b).unwrap();
        assert!(s.starts_with('\u{feff}'));
        assert_eq!(
            s.trim_start_matches('\u{feff}'),
            "Tên,Ghi chú\r\n\"Sở, ban\",\"nói \"\"có\"\"\ndòng 2\"\r\n"
        );
    }
}
