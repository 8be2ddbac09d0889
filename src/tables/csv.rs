//! CSV and tab-separated text: the encoding (UTF-8 with or without BOM,
//! UTF-16 with BOM) and the delimiter (`,` `;` tab `|`) are detected, then
//! rows become a [`Table`] without merges. Text in another encoding
//! (Windows-1258, Windows-1252, TCVN3 all look alike as bytes) is refused
//! with how to re-save it, never guessed.

use std::path::Path;

use super::{clean_text, Cell, Origin, ReadError, Table};

/// Reads a CSV file into a table.
pub fn read(path: &Path) -> Result<Table, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| {
        ReadError::new(path, format!("cannot read the file: {e}"), "check the path")
    })?;
    let (text, encoding) = decode(&bytes).ok_or_else(|| {
        ReadError::new(
            path,
            "the file is not UTF-8 or UTF-16 text (probably Windows-1258, Windows-1252 or TCVN3, which cannot be told apart safely)",
            RESAVE,
        )
    })?;
    let delimiter = detect_delimiter(&text);
    let mut t = parse(&text, delimiter);
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

/// Parses text with a known delimiter.
pub fn parse(text: &str, delimiter: u8) -> Table {
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let Ok(rec) = rec else {
            continue;
        };
        rows.push(rec.iter().map(|f| Cell::text(clean_text(f))).collect());
    }
    Table::new(Origin::Csv, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_and_quoted_line_breaks() {
        let text = "TT;Nhiệm vụ;Cơ quan chủ trì\n1;\"Rà soát, đề xuất\";\"- Sở A;\n- Sở B\"\n";
        assert_eq!(detect_delimiter(text), b';');
        let t = parse(text, b';');
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
    fn other_encodings_are_refused_with_how_to_resave() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.csv");
        std::fs::write(&p, [b'S', 0xf5, 0xd2, b',', b'a']).unwrap();
        let e = read(&p).unwrap_err();
        assert!(e.message.contains("not UTF-8"), "{e}");
        assert!(e.help.contains("CSV UTF-8"), "{e}");
    }
}
