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
    let mut out = begin(headers);
    for row in rows {
        push_row(&mut out, row);
    }
    out.into_bytes()
}

/// Starts a CSV text: the byte-order mark and the header row. Rows follow
/// with [`push_row`], so a long table never has to exist twice in memory.
pub fn begin(headers: &[String]) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, headers);
    out
}

/// Appends one row, quoted and neutralised, ending in CRLF.
pub fn push_row(out: &mut String, row: &[String]) {
    for (i, c) in row.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(c));
    }
    out.push_str("\r\n");
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
