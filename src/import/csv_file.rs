//! Reading a CSV export into a [`Table`]: the encoding is detected (UTF-8
//! with or without a byte-order mark, UTF-16 with one) or named in the error
//! with how to re-save, the separator (`,`, `;` or tab) is detected from the
//! header, an unterminated quote is an error where it opens, and every row
//! keeps the physical line it starts on, also after multi-line cells.

use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use super::table::{Row, Table};
use crate::diagnostics::{Diagnostic, Location};
use crate::limits::{self, Limit};
use crate::load::files::{line_column, read_bytes};

/// The error for a limit passed at `at`.
fn over(at: Location, what: &str, limit: &Limit, found: u64) -> Diagnostic {
    Diagnostic::error(at, format!("{what} {}", limit.passed(found))).with_help(limit.help())
}

/// How to save a UTF-8 CSV file from the usual programs.
const RESAVE: &str = "save the sheet again as UTF-8: in Excel, File › Save As › \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, Save As › Text CSV › Character set \"Unicode (UTF-8)\"";

/// Reads and parses the CSV file at `path`.
pub fn read(path: &Path) -> Result<Table, Diagnostic> {
    let text = decode(read_bytes(path)?, path)?;
    parse(&text, path)
}

/// Decodes the bytes of a CSV file into NFC text.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, Diagnostic> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        crate::load::files::decode_utf8(rest.to_vec(), path)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes, "UTF-16 LE", path)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes, "UTF-16 BE", path)?
    } else if looks_like_utf16(&bytes) {
        return Err(Diagnostic::error(
            Location::file(path),
            "the file looks like UTF-16 text without a byte-order mark, which cannot be read safely",
        )
        .with_help(RESAVE));
    } else {
        String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let (line, column) = line_column(e.as_bytes(), valid);
            Diagnostic::error(
                Location::new(path, line, column),
                format!(
                    "the file is not UTF-8: byte 0x{:02X} here is not UTF-8 text; it was probably saved as Windows-1258 (Vietnamese) or Windows-1252",
                    e.as_bytes()[valid]
                ),
            )
            .with_help(RESAVE)
        })?
    };
    Ok(text.nfc().collect())
}

fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    name: &str,
    path: &Path,
) -> Result<String, Diagnostic> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Diagnostic::error(
            Location::file(path),
            format!("the file says it is {name} but has an odd number of bytes"),
        )
        .with_help(RESAVE));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|e| {
            Diagnostic::error(
                Location::file(path),
                format!("the file says it is {name} but holds an invalid unit: {e}"),
            )
            .with_help(RESAVE)
        })
}

/// NUL bytes in most pairs: ASCII text in UTF-16 without a byte-order mark.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    sample.len() >= 4 && nuls * 4 >= sample.len()
}

/// The separator of the header line: the most frequent of `,`, `;` and
/// tab outside quotes (a comma when there is none).
pub fn separator(text: &str) -> u8 {
    // The first line holding any separator decides: title lines above the
    // header (`Báo cáo tháng 10`) hold none.
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    let best = |counts: &[(u8, usize); 3]| {
        counts.iter().fold(
            (b',', 0),
            |best, &(s, n)| if n > best.1 { (s, n) } else { best },
        )
    };
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                let (s, n) = best(&counts);
                if n > 0 {
                    return s;
                }
            }
            _ if !quoted => {
                if let Some(e) = counts.iter_mut().find(|(s, _)| *s == c) {
                    e.1 += 1;
                }
            }
            _ => {}
        }
    }
    best(&counts).0
}

/// Where a quoted cell opens and is never closed (line, column), if anywhere.
pub fn unterminated_quote(text: &str, sep: u8) -> Option<(usize, usize)> {
    let sep = sep as char;
    let (mut line, mut column) = (1, 0);
    let mut at_field_start = true;
    let mut open: Option<(usize, usize)> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        match open {
            Some(_) if c == '"' => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                } else {
                    open = None;
                }
            }
            Some(_) => {}
            None if c == '"' && at_field_start => open = Some((line, column)),
            None => {}
        }
        if open.is_none() {
            at_field_start = c == sep || c == '\n' || c == '\r';
        }
        if c == '\n' {
            line += 1;
            column = 0;
        }
    }
    open
}

/// Parses CSV text into a table, keeping each row's physical line.
pub fn parse(text: &str, path: &Path) -> Result<Table, Diagnostic> {
    let sep = separator(text);
    if let Some((line, column)) = unterminated_quote(text, sep) {
        return Err(Diagnostic::error(
            Location::new(path, line, column),
            "a quoted cell opens here and is never closed: every row after it would be swallowed into it",
        )
        .with_help("close the cell with a double quote, or write a quote inside a cell as two quotes (\"\")"));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let (mut cells, mut positions): (u64, u64) = (0, 0);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Diagnostic::error(
                Location::new(path, line, 0),
                format!("this row cannot be read as CSV: {e}"),
            )
            .with_help(RESAVE)
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        // Empty cells at the end of a line hold nothing: they are not kept
        // (a line of a million commas must not become a million cells).
        let used = (0..rec.len())
            .rev()
            .find(|&i| rec.get(i).is_some_and(|f| !f.trim().is_empty()))
            .map_or(0, |i| i + 1);
        for (c, cell) in rec.iter().take(used).enumerate() {
            let at = || Location::new(path, line, c + 1);
            let chars = if cell.len() as u64 > limits::FIELD_CHARS.max {
                cell.chars().count() as u64
            } else {
                0
            };
            if chars > limits::FIELD_CHARS.max {
                return Err(over(at(), "this cell has", &limits::FIELD_CHARS, chars));
            }
            if !cell.trim().is_empty() {
                cells += 1;
                if cells > limits::CELLS.max {
                    return Err(over(
                        at(),
                        "with this cell the file holds",
                        &limits::CELLS,
                        cells,
                    ));
                }
            }
        }
        positions = positions.saturating_add(used.max(1) as u64);
        if positions > limits::TABLE_POSITIONS.max {
            return Err(over(
                Location::new(path, line, 1),
                "with this line the file's rows hold",
                &limits::TABLE_POSITIONS,
                positions,
            ));
        }
        rows.push(Row {
            line,
            cells: rec.iter().take(used).map(str::to_string).collect(),
        });
    }
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        return Err(
            Diagnostic::error(Location::new(path, 1, 0), "the file is empty")
                .with_help("export the sheet with its header row"),
        );
    };
    Ok(Table {
        header,
        rows: rows.collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("x.csv")
    }

    #[test]
    fn lines_are_physical_after_multi_line_cells() {
        let t = parse("task,note\na,\"one\ntwo\nthree\"\nb,x\n", p()).unwrap();
        assert_eq!(t.header.line, 1);
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 5]);
        assert_eq!(t.rows[0].cells[1], "one\ntwo\nthree");
    }

    #[test]
    fn separators_are_detected_from_the_header() {
        assert_eq!(separator("task;status;note\n1;\"a,b\";c\n"), b';');
        assert_eq!(separator("task\tstatus\n"), b'\t');
        assert_eq!(separator("\"Kế hoạch; năm\",Nhiệm vụ\n"), b',');
        let t = parse("task;status\nkh/1;done\n", p()).unwrap();
        assert_eq!(t.rows[0].cells, vec!["kh/1", "done"]);
    }

    #[test]
    fn unterminated_quote_is_an_error_where_it_opens() {
        let e = parse("task,note\nkh/1,\"open\nkh/2,x\nkh/3,y\n", p()).unwrap_err();
        assert_eq!((e.location.line, e.location.column), (2, 6));
        assert!(unterminated_quote("a,\"b\"\"c\"\n", b',').is_none());
        assert!(
            unterminated_quote("a,b\"c\n", b',').is_none(),
            "a quote inside a cell is text"
        );
    }

    #[test]
    fn encodings_are_detected_or_named() {
        let text = "task,note\nkh/1,Sở\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(le.clone(), p()).unwrap(), text);
        assert_eq!(decode(be, p()).unwrap(), text);
        assert!(decode(le[2..].to_vec(), p())
            .unwrap_err()
            .message
            .contains("UTF-16"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(bom, p()).unwrap(), text);
        // "Sở" in Windows-1258: S, o, combining hook above (0xD2).
        let e = decode(b"task,note\nkh/1,So\xD2\n".to_vec(), p()).unwrap_err();
        assert!(e.message.contains("Windows-1258"), "{}", e.message);
        assert_eq!((e.location.line, e.location.column), (2, 8));
        assert!(e.help.unwrap().contains("UTF-8"));
    }
}
