//! Tables read from the files plans come in (Word, spreadsheets, CSV), as a
//! plain grid of cells with their merges, so that importing a plan never
//! depends on the file format.
//!
//! Each reader yields [`Table`]s: the cell text (verbatim, NFC, line breaks
//! kept) and, for merged cells, which cell a position is covered by.

pub mod csv;
pub mod docx;
pub mod grid;
pub mod ods_scan;
pub mod odt;
pub mod sheet;
pub mod xlsx_formats;
pub mod xml_guard;
pub mod zip_guard;

use std::fmt;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// One position of a grid: the top-left cell of a (possibly merged) region,
/// or a position covered by such a region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// A cell with its text, spanning `rows` × `cols` positions from here.
    Text {
        /// The text as shown (NFC, line breaks as `\n`, trimmed at both ends).
        text: String,
        /// Rows spanned (1 when not merged down).
        rows: usize,
        /// Columns spanned (1 when not merged across).
        cols: usize,
    },
    /// A position inside a merged region whose top-left cell is at `(row, col)`.
    Covered {
        /// Row of the region's top-left cell.
        row: usize,
        /// Column of the region's top-left cell.
        col: usize,
    },
}

impl Cell {
    /// A plain (unmerged) cell.
    pub fn text(text: impl Into<String>) -> Self {
        Cell::Text {
            text: text.into(),
            rows: 1,
            cols: 1,
        }
    }

    /// An empty, unmerged cell.
    pub fn empty() -> Self {
        Cell::text("")
    }
}

/// A cell a spreadsheet stores as a date: its value is known whatever the
/// text shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateCell {
    /// Grid row and column.
    pub at: (usize, usize),
    /// The day it holds.
    pub value: chrono::NaiveDate,
    /// How its number format orders day and month.
    pub shown: Shown,
}

/// How a date cell's number format orders day and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Day before month (`dd/mm/yyyy`): the file's own choice.
    DayFirst,
    /// Month before day (`mm/dd/yyyy`): the file's own choice.
    MonthFirst,
    /// No day-and-month pair to order (`mm/yyyy`, `yyyy-mm-dd`, `d-mmm-yy`).
    Unordered,
    /// The reader's system short date, or no format in the file: the text
    /// was written `dd/mm/yyyy`, and may be written in the file's order.
    System,
}

/// How positions are named in messages: a Word table counts rows and
/// columns; a spreadsheet names cells `C5`; a CSV file counts lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The `n`-th table (1-based) of a Word document.
    WordTable(usize),
    /// A sheet, with the spreadsheet row and column of the grid's first cell (0-based).
    Sheet {
        /// Sheet name.
        name: String,
        /// Row of grid row 0.
        row: usize,
        /// Column of grid column 0.
        col: usize,
    },
    /// A CSV file (grid row 0 is line 1).
    Csv,
}

impl Origin {
    /// Names grid position `(r, c)` of a table from here for messages.
    pub fn locate(&self, r: usize, c: usize) -> String {
        match self {
            Origin::WordTable(n) => format!("table {n}, row {}, column {}", r + 1, c + 1),
            Origin::Sheet { name, row, col } => {
                format!("{name}!{}{}", column_letters(col + c), row + r + 1)
            }
            Origin::Csv => format!("line {}, column {}", r + 1, c + 1),
        }
    }
}

/// A rectangular grid of cells: every row has the same width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Where the grid comes from, for messages.
    pub origin: Origin,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// Paragraphs printed just before the table (Word only): headings and captions.
    pub before: Vec<String>,
    /// Remarks about how cells were read (e.g. dates stored as numbers), for the summary.
    pub remarks: Vec<String>,
    /// Cells stored as dates (spreadsheets): where, the day they hold, and
    /// the order of day and month in the text shown.
    pub date_cells: Vec<DateCell>,
    /// The day each cell stored as a date holds (spreadsheets), for
    /// importers that need the value rather than the text shown.
    pub date_values: Vec<((usize, usize), chrono::NaiveDate)>,
}

impl Table {
    /// Builds a table from rows, padding short rows with empty cells and
    /// dropping merge references that point outside the grid.
    pub fn new(origin: Origin, mut rows: Vec<Vec<Cell>>) -> Self {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for r in &mut rows {
            r.resize(width, Cell::empty());
        }
        let mut t = Table {
            origin,
            rows,
            before: Vec::new(),
            remarks: Vec::new(),
            date_cells: Vec::new(),
            date_values: Vec::new(),
        };
        t.repair();
        t
    }

    /// Makes every `Covered` point at a `Text` cell above-left of it and
    /// clamps spans to the grid, so consumers can follow references safely.
    fn repair(&mut self) {
        let h = self.rows.len();
        let w = self.width();
        for r in 0..h {
            for c in 0..w {
                match self.rows[r][c] {
                    Cell::Covered { row, col } => {
                        let ok = row <= r
                            && col <= c
                            && (row, col) != (r, c)
                            && matches!(self.rows[row][col], Cell::Text { .. });
                        if !ok {
                            self.rows[r][c] = Cell::empty();
                        }
                    }
                    Cell::Text {
                        ref mut rows,
                        ref mut cols,
                        ..
                    } => {
                        *rows = (*rows).clamp(1, h - r);
                        *cols = (*cols).clamp(1, w - c);
                    }
                }
            }
        }
    }

    /// Number of columns.
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }

    /// The top-left position of the region covering `(r, c)` (itself when not covered).
    pub fn origin_of(&self, r: usize, c: usize) -> (usize, usize) {
        match self.rows.get(r).and_then(|row| row.get(c)) {
            Some(Cell::Covered { row, col }) => (*row, *col),
            _ => (r, c),
        }
    }

    /// The text shown at `(r, c)`: the text of the region covering it.
    pub fn text_at(&self, r: usize, c: usize) -> &str {
        let (r0, c0) = self.origin_of(r, c);
        match self.rows.get(r0).and_then(|row| row.get(c0)) {
            Some(Cell::Text { text, .. }) => text,
            _ => "",
        }
    }

    /// Names a position for messages (`row 5, column 3`, `Sheet1!C5`, `line 5, column 3`).
    pub fn locate(&self, r: usize, c: usize) -> String {
        self.origin.locate(r, c)
    }
}

/// Spreadsheet column letters for a 0-based index (`0` → `A`, `27` → `AB`).
pub fn column_letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Normalises cell text: NFC, `\r\n` and `\r` as `\n`, no-break spaces as
/// spaces, each line's trailing spaces and the cell's outer blank lines
/// removed. Inner spacing is kept as printed.
pub fn clean_text(s: &str) -> String {
    let s: String = s
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\u{a0}', " ")
        .nfc()
        .collect();
    let lines: Vec<&str> = s.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

/// A file that could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The file.
    pub file: PathBuf,
    /// What went wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl ReadError {
    /// An error about `file`.
    pub fn new(file: &Path, message: impl Into<String>, help: impl Into<String>) -> Self {
        ReadError {
            file: file.to_path_buf(),
            message: message.into(),
            help: help.into(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: error: {}\n  help: {}",
            self.file.display(),
            self.message,
            self.help
        )
    }
}

impl std::error::Error for ReadError {}

/// The formats a table can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word `.docx`.
    Docx,
    /// OpenDocument text `.odt`.
    Odt,
    /// Spreadsheets: `.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods`.
    Sheet,
    /// `.csv`, `.tsv`, `.txt` or `.md` text holding one table.
    Csv,
}

impl Format {
    /// The format of a file, from its extension.
    pub fn of(path: &Path) -> Result<Format, ReadError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Ok(Format::Docx),
            "odt" => Ok(Format::Odt),
            "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Ok(Format::Sheet),
            "csv" | "tsv" | "txt" | "md" | "markdown" => Ok(Format::Csv),
            "doc" => Err(ReadError::new(
                path,
                "old Word files (.doc) cannot be read",
                "open the file in Word or LibreOffice and save it as .docx",
            )),
            _ => Err(ReadError::new(
                path,
                format!("the file type {ext:?} is not one that can be imported"),
                "use a .docx, .odt, .xlsx, .xls, .ods or .csv file",
            )),
        }
    }
}

/// Reads every table of a file (Word and OpenDocument text: each table;
/// spreadsheets: each sheet that has cells; CSV: the one table).
pub fn read(path: &Path) -> Result<Vec<Table>, ReadError> {
    match Format::of(path)? {
        Format::Docx => docx::read(path),
        Format::Odt => odt::read(path),
        Format::Sheet => sheet::read(path),
        Format::Csv => csv::read(path).map(|t| vec![t]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn clean_text_keeps_inner_spacing_and_line_breaks() {
        assert_eq!(
            clean_text("  Bộ Chính trị  về\r\n- Sở\u{a0}Nội vụ;  \n\n"),
            "Bộ Chính trị  về\n- Sở Nội vụ;"
        );
        // Decomposed input comes out composed (NFC).
        assert_eq!(clean_text("Ho\u{0302}\u{0300}"), "Hồ");
    }

    #[test]
    fn bad_merge_references_are_dropped() {
        let t = Table::new(
            Origin::Csv,
            vec![
                vec![Cell::Covered { row: 5, col: 0 }, Cell::text("a")],
                vec![
                    Cell::Covered { row: 0, col: 1 },
                    Cell::Covered { row: 0, col: 1 },
                ],
            ],
        );
        assert_eq!(t.rows[0][0], Cell::empty());
        // A reference to the right of the position itself is dropped.
        assert_eq!(t.rows[1][0], Cell::empty());
        assert_eq!(t.text_at(1, 1), "a");
    }
}
