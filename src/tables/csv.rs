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
    consistent(&text, delimiter).map_err(|why| {
        ReadError::new(path, format!("the file is not a table: {why}"), NOT_A_TABLE)
    })?;
    let mut t = parse_at(path, &text, delimiter).map_err(|f| match f {
        Failure::Syntax(line, e) => ReadError::new(
            path,
            format!("line {line}: the table cannot be read: {e}"),
            "a quoted cell must end with a quote (\"): check the quotes on that line, or save the sheet again as CSV",
        ),
        Failure::Limit(e) => e,
    })?;
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

/// What to do with a text file that is not a table.
pub const NOT_A_TABLE: &str = "a plan written as prose (numbered or bulleted paragraphs) is imported with `minhbach import-plan FILE --id ID --prose`; a table must have one header row (TT, Nhiệm vụ, Cơ quan chủ trì, Thời hạn, …) and the same number of cells on every line; or start the plan by hand with `minhbach new ID`";

/// Checks that `text` is one table: from its first line split into two
/// or more cells on, at least nine in ten non-blank lines are split by
/// `delimiter` into the same number of cells (as a sheet saved as CSV
/// writes every line), or into two or more cells, none into more than
/// most lines have (as a table typed by hand may drop empty cells at a
/// line's end). Says why not, with the first lines that differ.
pub fn consistent(text: &str, delimiter: u8) -> Result<(), String> {
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // (line, cells, cells up to the last non-empty one)
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    for rec in rdr.records() {
        let Ok(rec) = rec else {
            // Reported with its line when the table is parsed.
            return Ok(());
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let used = (0..rec.len())
            .rev()
            .find(|&i| rec.get(i).is_some_and(|f| !f.trim().is_empty()))
            .map_or(0, |i| i + 1);
        if used > 0 && (rec.len() > 1 || !lines.is_empty()) {
            lines.push((line, rec.len(), used));
        }
        // Past the positions a table may hold, parsing refuses the file
        // with the limit: no need to keep counting.
        if lines.len() as u64 > crate::limits::TABLE_POSITIONS.max {
            return Ok(());
        }
    }
    if lines.len() < 2 {
        return Err(
            "no two lines are split into cells (by commas, semicolons, tabs or bars)".into(),
        );
    }
    let mode = |f: &dyn Fn(&(usize, usize, usize)) -> usize| {
        let mut counts: std::collections::BTreeMap<usize, usize> =
            std::collections::BTreeMap::new();
        for l in &lines {
            *counts.entry(f(l)).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(w, n)| (*n, *w))
            .unwrap_or((0, 0))
    };
    let nine_in_ten = |n: usize| n * 10 >= lines.len() * 9;
    let (raw, raw_n) = mode(&|l| l.1);
    if raw >= 2 && nine_in_ten(raw_n) {
        return Ok(());
    }
    let (used, _) = mode(&|l| l.2);
    let fitting = lines.iter().filter(|l| l.2 >= 2 && l.2 <= used).count();
    if used >= 2 && nine_in_ten(fitting) {
        return Ok(());
    }
    let at: Vec<String> = lines
        .iter()
        .filter(|l| l.1 != raw)
        .take(3)
        .map(|(l, w, _)| format!("line {l} has {w}"))
        .collect();
    Err(format!(
        "its lines are split into different numbers of cells ({raw_n} of {} lines have {raw}; {})",
        lines.len(),
        at.join(", ")
    ))
}

/// The line where a quoted cell opens that no quote closes, if any: the
/// CSV reader would take the rest of the file as that cell.
pub fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let d = char::from(delimiter);
    let (mut line, mut opened_at) = (1usize, 0usize);
    let (mut quoted, mut field_start) = (false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                }
            } else if c == '\n' {
                line += 1;
            }
            continue;
        }
        match c {
            '"' if field_start => {
                quoted = true;
                opened_at = line;
            }
            '\n' => {
                line += 1;
                field_start = true;
                continue;
            }
            c if c == d => {
                field_start = true;
                continue;
            }
            ' ' if field_start => continue,
            _ => {}
        }
        field_start = false;
    }
    quoted.then_some(opened_at)
}

/// Why a CSV text could not become a table.
#[derive(Debug)]
pub enum Failure {
    /// A record that cannot be read, at its line (a quoted cell never closed).
    Syntax(usize, String),
    /// A limit passed (see [`crate::limits`]).
    Limit(ReadError),
}

/// Parses text with a known delimiter; a record that cannot be read (a
/// quoted cell never closed) is an error with its line, never skipped.
/// In a Markdown table (cells split by `|`), the rule line under the
/// header (`|---|:--:|`) is dropped.
pub fn parse(text: &str, delimiter: u8) -> Result<Table, (usize, String)> {
    parse_at(Path::new("table.csv"), text, delimiter).map_err(|f| match f {
        Failure::Syntax(line, e) => (line, e),
        Failure::Limit(e) => (0, e.message),
    })
}

/// [`parse`] for the file at `path`, within the table limits: every
/// non-empty cell counted and measured, empty cells at the end of a line
/// never widening the table.
pub fn parse_at(path: &Path, text: &str, delimiter: u8) -> Result<Table, Failure> {
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(Failure::Syntax(
            line,
            "a quoted cell starts here and is never closed (the rest of the file would be read as its text)".into(),
        ));
    }
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
            let line = e.position().map_or(0, |p| p.line() as usize);
            Failure::Syntax(line, e.to_string())
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let rule = delimiter == b'|'
            && rec.iter().any(|f| !f.trim().is_empty())
            && rec.iter().all(|f| {
                let f = f.trim().trim_start_matches(':').trim_end_matches(':');
                f.is_empty() || (f.len() >= 3 && f.chars().all(|c| c == '-'))
            });
        if rule {
            rows.push(Vec::new());
            continue;
        }
        let used = (0..rec.len())
            .rev()
            .find(|&i| rec.get(i).is_some_and(|f| !f.trim().is_empty()))
            .map_or(0, |i| i + 1);
        let mut row = Vec::with_capacity(used);
        for (c, f) in rec.iter().take(used).enumerate() {
            let text = clean_text(f);
            if !text.is_empty() {
                grid::check_text(path, || place(line, c), &text).map_err(Failure::Limit)?;
                budget
                    .take(path, 1, text.len() as u64, || place(line, c))
                    .map_err(Failure::Limit)?;
            }
            row.push(Cell::text(text));
        }
        width = width.max(used as u64);
        grid::check_positions(
            path,
            &format!("{}: the lines up to here", place(line, 0)),
            rows.len() as u64 + 1,
            width.max(1),
        )
        .map_err(Failure::Limit)?;
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
    fn prose_is_not_a_table_and_a_broken_quote_is_an_error() {
        let prose = "KẾ HOẠCH\nThực hiện Nghị quyết, các sở, ngành:\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp, hoàn thành trước ngày 30/6/2025.\n2. Giao Sở Tài chính bố trí kinh phí.\n";
        let e = consistent(prose, detect_delimiter(prose)).unwrap_err();
        assert!(
            e.contains("different numbers of cells") || e.contains("no line"),
            "{e}"
        );
        let table = "TT,Nhiệm vụ,Chủ trì\n1,A,Sở X\n2,B,\n\n3,\"C, D\",Sở Y\n";
        assert_eq!(consistent(table, b','), Ok(()));
        let broken = "TT,Nhiệm vụ\n1,\"never closed\n2,b\n";
        assert_eq!(parse(broken, b',').unwrap_err().0, 2);
        assert_eq!(unclosed_quote("a,\"b\"\"c\",5\" x\n", b','), None);
        let md = "| TT | Nhiệm vụ | Chủ trì |\n|---|:---|---:|\n| 1 | Rà soát | Sở Tư pháp |\n";
        let t = parse(md, b'|').unwrap();
        assert!(
            t.rows[1].iter().all(|c| *c == Cell::empty()),
            "the rule line is dropped"
        );
        assert_eq!(t.text_at(2, 2), "Rà soát");
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
        let e = parse(&far, b',').unwrap_err().1;
        assert!(
            e.starts_with(
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
