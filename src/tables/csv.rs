//! CSV and tab-separated text: the encoding (UTF-8 with or without BOM,
//! UTF-16 with BOM) and the delimiter (`,` `;` tab `|`) are detected, then
//! rows become a [`Table`] without merges. Text in another encoding
//! (Windows-1258, Windows-1252, TCVN3 all look alike as bytes) is refused
//! with how to re-save it, never guessed.

use std::path::Path;

use super::grid::{self, Budget};
use super::{clean_text, zip_guard, Cell, Origin, ReadError, Table};

/// Reads a CSV file into a table (a regular file of at most
/// [`crate::limits::FILE_BYTES`], within the table limits).
pub fn read(path: &Path) -> Result<Table, ReadError> {
    let bytes = zip_guard::read_file(path)?;
    let (text, encoding) = decode(&bytes).ok_or_else(|| {
        ReadError::new(
            path,
            "the file is not UTF-8 or UTF-16 text (probably Windows-1258, Windows-1252 or TCVN3, which cannot be told apart safely)",
            RESAVE,
        )
    })?;
    let delimiter = detect_delimiter(&text);
    let mut t = parse_at(path, &text, delimiter)?;
    if encoding != "UTF-8" {
        t.remarks
            .push(format!("the CSV file was read as {encoding}"));
    }
    Ok(t)
}

/// How to save a UTF-8 CSV file from the usual programs.
const RESAVE: &str = "save the sheet again as UTF-8: in Excel, File › Save As › \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, Save As › Text CSV › Character set \"Unicode (UTF-8)\"; or import the .xlsx file itself";

/// Decodes bytes: a BOM decides (UTF-8, UTF-16); else the bytes must be
/// valid UTF-8. Returns the text and the encoding's name, or `None`.
pub fn decode(bytes: &[u8]) -> Option<(String, &'static str)> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (!had_errors).then(|| (text.into_owned(), enc.name()));
    }
    std::str::from_utf8(bytes)
        .ok()
        .map(|s| (s.to_string(), "UTF-8"))
}

/// The delimiter that splits the first lines most consistently into more
/// than one field (quotes respected); `,` when none does.
pub fn detect_delimiter(text: &str) -> u8 {
    let sample: String = text.lines().take(30).collect::<Vec<_>>().join("\n");
    let mut best = (b',', 0usize, 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let mut rdr = ::csv::ReaderBuilder::new()
            .delimiter(d)
            .has_headers(false)
            .flexible(true)
            .from_reader(sample.as_bytes());
        let widths: Vec<usize> = rdr
            .records()
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        let max = widths.iter().copied().max().unwrap_or(0);
        if max < 2 {
            continue;
        }
        // Rows that use the widest split: the more, the more regular.
        let regular = widths.iter().filter(|&&w| w == max).count();
        let score = (regular, max);
        if score > (best.1, best.2) {
            best = (d, regular, max);
        }
    }
    best.0
}

/// Parses text with a known delimiter (for tests).
pub fn parse(text: &str, delimiter: u8) -> Result<Table, ReadError> {
    parse_at(Path::new("table.csv"), text, delimiter)
}

/// Parses the text of `path` with a known delimiter, within the table
/// limits: empty cells at the end of a line do not widen the table.
fn parse_at(path: &Path, text: &str, delimiter: u8) -> Result<Table, ReadError> {
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut budget = Budget::default();
    let mut width: u64 = 0;
    let place = |line: u64, c: usize| format!("line {line}, column {}", c + 1);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            ReadError::new(path, format!("a line cannot be read as CSV: {e}"), RESAVE)
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let used = (0..rec.len())
            .rev()
            .find(|&i| rec.get(i).is_some_and(|f| !f.trim().is_empty()))
            .map_or(0, |i| i + 1);
        let mut row = Vec::with_capacity(used);
        for (c, f) in rec.iter().take(used).enumerate() {
            let text = clean_text(f);
            if !text.is_empty() {
                grid::check_text(path, || place(line, c), &text)?;
                budget.take(path, 1, text.len() as u64, || place(line, c))?;
            }
            row.push(Cell::text(text));
        }
        width = width.max(used as u64);
        grid::check_positions(
            path,
            &format!("{}: the lines up to here", place(line, 0)),
            rows.len() as u64 + 1,
            width.max(1),
        )?;
        rows.push(row);
    }
    Ok(Table::new(Origin::Csv, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_and_quoted_line_breaks() {
        let text = "TT;Nhiệm vụ;Cơ quan chủ trì\n1;\"Rà soát, đề xuất\";\"- Sở A;\n- Sở B\"\n";
        assert_eq!(detect_delimiter(text), b';');
        let t = parse(text, b';').unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.text_at(1, 1), "Rà soát, đề xuất");
        assert_eq!(t.text_at(1, 2), "- Sở A;\n- Sở B");
    }

    #[test]
    fn commas_win_over_semicolons_inside_cells() {
        let text = "TT,Nhiệm vụ,Hạn\n1,\"a; b; c\",2025\n2,d,2026\n";
        assert_eq!(detect_delimiter(text), b',');
    }

    #[test]
    fn encodings() {
        let (s, e) = decode("\u{feff}Sở Nội vụ".as_bytes()).unwrap();
        assert_eq!((s.as_str(), e), ("Sở Nội vụ", "UTF-8"));
        let mut utf16 = vec![0xff, 0xfe];
        for u in "Sở".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&utf16).unwrap().0, "Sở");
        // "Sở" in Windows-1258 is not guessed.
        assert_eq!(decode(&[b'S', 0xf5, 0xd2]), None);
    }

    #[test]
    fn a_line_of_empty_cells_does_not_widen_the_table_and_far_cells_are_refused() {
        let text = format!("TT,Nhiệm vụ{}\n1,x\n", ",".repeat(1_000_000));
        let t = parse(&text, b',').unwrap();
        assert_eq!(t.width(), 2);
        let far = format!(
            "TT,Nhiệm vụ\n{}\n1{}x\n",
            "1,a\n".repeat(1_000),
            ",".repeat(5_000)
        );
        let e = parse(&far, b',').unwrap_err();
        assert!(
            e.message.starts_with(
                "line 1002, column 1: the lines up to here span 1002 rows × 5001 columns"
            ),
            "{e}"
        );
    }

    #[test]
    fn other_encodings_are_refused_with_how_to_resave() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.csv");
        std::fs::write(&p, [b'S', 0xf5, 0xd2, b',', b'a']).unwrap();
        let e = read(&p).unwrap_err();
        assert!(e.message.contains("not UTF-8"), "{e}");
        assert!(e.help.contains("CSV UTF-8"), "{e}");
    }
}
