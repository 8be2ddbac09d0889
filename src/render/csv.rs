//! CSV for downloads: UTF-8 with a byte-order mark (so Excel reads
//! Vietnamese correctly), RFC 4180 quoting, and cells that a spreadsheet
//! would run as a formula (`=`, `+`, `-`, `@`, tab, CR first, also behind
//! spaces, no-break spaces, a byte-order mark or other invisible
//! characters) neutralised with a leading apostrophe.

/// True when a spreadsheet could read `cell` as a formula: it starts with
/// a tab or CR, or its first visible character is `=`, `+`, `-` or `@`
/// (spreadsheets skip leading spaces, `" =HYPERLINK(…)"`, and invisible
/// characters, `"\u{feff}=1+1"`).
fn formula_like(cell: &str) -> bool {
    if cell.starts_with(['\t', '\r']) {
        return true;
    }
    cell.chars()
        .find(|&c| !(c.is_whitespace() || c.is_control() || crate::load::files::is_invisible(c)))
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@'))
}

/// Neutralises one cell against formula injection.
pub fn neutralise(cell: &str) -> String {
    if formula_like(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Appends one cell, neutralised and quoted, without making a copy of it
/// first (the downloads write millions of cells).
fn push_cell(out: &mut String, cell: &str) {
    let formula = formula_like(cell);
    // The apostrophe added before a formula needs no quoting itself.
    let quoted = cell.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quoted {
        let mut parts = cell.split('"');
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for part in parts {
            out.push_str("\"\"");
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Writes a table as CSV bytes.
pub fn write<S: AsRef<str>>(headers: &[String], rows: &[Vec<S>]) -> Vec<u8> {
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
pub fn push_row<S: AsRef<str>>(out: &mut String, row: &[S]) {
    for (i, c) in row.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, c.as_ref());
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cell as RFC 4180 and the neutralising rule say, written the
    /// plain way: the reference for [`push_cell`].
    fn quote(cell: &str) -> String {
        let c = neutralise(cell);
        if c.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c
        }
    }

    proptest::proptest! {
        /// Any cell is written as the plain rule writes it.
        #[test]
        fn cells_are_written_as_the_rule_says(cell in "\\PC*|[ \u{a0}\u{feff}\u{200b}]*[=+@\t\r-][,\"\n]*.*") {
            let mut out = String::new();
            push_cell(&mut out, &cell);
            proptest::prop_assert_eq!(out, quote(&cell));
        }

        /// A row of cells reads back cell for cell with a CSV reader.
        #[test]
        fn rows_read_back(cells in proptest::collection::vec("[a-z][a-z,\"\n ]{0,8}", 1..6)) {
            let mut out = String::new();
            push_row(&mut out, &cells);
            let mut r = ::csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_bytes());
            let rec = r.records().next().unwrap().unwrap();
            let back: Vec<&str> = rec.iter().collect();
            proptest::prop_assert_eq!(back, cells.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Sở Nội vụ"), "Sở Nội vụ");
        // Behind spaces, a no-break space, a byte-order mark or a
        // zero-width space, a formula is still a formula.
        for cell in [
            " =HYPERLINK(\"http://x\")",
            "\u{a0}=1+1",
            "\u{feff}=1+1",
            "\u{200b} \u{a0}@SUM(A1)",
            "\u{202e}+1",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
        assert_eq!(neutralise(" Sở"), " Sở");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn bom_quoting_and_crlf() {
        let b = write(
            &["Tên".into(), "Ghi chú".into()],
            &[vec!["Sở, ban", "nói \"có\"\ndòng 2"]],
        );
        let s = String::from_utf8(b).unwrap();
        assert!(s.starts_with('\u{feff}'));
        assert_eq!(
            s.trim_start_matches('\u{feff}'),
            "Tên,Ghi chú\r\n\"Sở, ban\",\"nói \"\"có\"\"\ndòng 2\"\r\n"
        );
    }
}
