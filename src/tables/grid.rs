//! Building a sheet's grid from the cells it holds, within the table
//! limits: every non-empty cell counted against [`limits::CELLS`] and its
//! text against [`limits::FIELD_CHARS`] as it is read; the grid spans only
//! the box of the cells present (never the range a file declares), checked
//! against [`limits::TABLE_POSITIONS`] before it is allocated; merged
//! ranges are laid over it only when none overlaps another and none hides
//! a cell's text (which would otherwise vanish without a word).

use std::path::Path;

use super::{column_letters, Cell, Origin, ReadError, Table};
use crate::limits::{self, Limit};

/// A non-empty cell of a sheet, at its absolute 0-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Row in the sheet.
    pub row: u32,
    /// Column in the sheet.
    pub col: u32,
    /// The text shown.
    pub text: String,
}

/// A merged range, absolute and inclusive: `(top, left)` to `(bottom, right)`.
pub type Range = ((u32, u32), (u32, u32));

/// The non-empty cells read so far from one file and their text, against
/// [`limits::CELLS`] and [`limits::CELL_TEXT_BYTES`].
#[derive(Debug, Default)]
pub struct Budget {
    used: u64,
    text: u64,
}

impl Budget {
    /// Counts `n` more non-empty cells (one, or a repeated row's) holding
    /// `bytes` of text in all, named `at` in the error.
    pub fn take(
        &mut self,
        path: &Path,
        n: u64,
        bytes: u64,
        at: impl FnOnce() -> String,
    ) -> Result<(), ReadError> {
        self.used = self.used.saturating_add(n);
        self.text = self.text.saturating_add(bytes);
        if self.used > limits::CELLS.max {
            return Err(over(
                path,
                &format!("{}: with this cell the file holds", at()),
                &limits::CELLS,
                self.used,
            ));
        }
        if self.text > limits::CELL_TEXT_BYTES.max {
            return Err(over(
                path,
                &format!("{}: with this cell the file's text reaches", at()),
                &limits::CELL_TEXT_BYTES,
                self.text,
            ));
        }
        Ok(())
    }
}

/// `Sheet1!C5` for an absolute 0-based position.
pub fn cell_name(sheet: &str, row: u32, col: u32) -> String {
    format!(
        "{sheet}!{}{}",
        column_letters(col as usize),
        u64::from(row) + 1
    )
}

/// `C5:D7` for a merged range.
pub fn range_name(((t, l), (b, r)): Range) -> String {
    format!(
        "{}{}:{}{}",
        column_letters(l as usize),
        u64::from(t) + 1,
        column_letters(r as usize),
        u64::from(b) + 1
    )
}

/// Refuses a cell whose text passes [`limits::FIELD_CHARS`].
pub fn check_text(path: &Path, at: impl FnOnce() -> String, text: &str) -> Result<(), ReadError> {
    let limit = limits::FIELD_CHARS;
    if text.len() as u64 > limit.max {
        let n = text.chars().count() as u64;
        if n > limit.max {
            return Err(over(path, &format!("{}: this cell has", at()), &limit, n));
        }
    }
    Ok(())
}

/// Refuses a table of `rows` × `cols` positions past [`limits::TABLE_POSITIONS`].
pub fn check_positions(path: &Path, what: &str, rows: u64, cols: u64) -> Result<(), ReadError> {
    let n = rows.saturating_mul(cols);
    if n > limits::TABLE_POSITIONS.max {
        return Err(over(
            path,
            &format!("{what} span {rows} rows × {cols} columns:"),
            &limits::TABLE_POSITIONS,
            n,
        ));
    }
    Ok(())
}

fn over(path: &Path, what: &str, limit: &Limit, found: u64) -> ReadError {
    ReadError::new(
        path,
        format!("{what} {}", limit.passed(found)),
        limit.help(),
    )
}

/// The grid of a sheet: the box of its `cells`, with `merges` laid over.
/// `None` when the sheet has no cell.
pub fn sheet(
    path: &Path,
    name: &str,
    cells: Vec<Found>,
    merges: &[Range],
) -> Result<Option<Table>, ReadError> {
    let Some(first) = cells.first() else {
        return Ok(None);
    };
    let (mut top, mut left, mut bottom, mut right) = (first.row, first.col, first.row, first.col);
    let (mut lowest, mut rightmost) = ((first.row, first.col), (first.row, first.col));
    for c in &cells {
        top = top.min(c.row);
        left = left.min(c.col);
        if c.row > bottom {
            bottom = c.row;
            lowest = (c.row, c.col);
        }
        if c.col > right {
            right = c.col;
            rightmost = (c.row, c.col);
        }
    }
    let (h, w) = (u64::from(bottom - top) + 1, u64::from(right - left) + 1);
    let far = if lowest == rightmost {
        cell_name(name, lowest.0, lowest.1)
    } else {
        format!(
            "{} and {}",
            cell_name(name, lowest.0, lowest.1),
            cell_name(name, rightmost.0, rightmost.1)
        )
    };
    check_positions(
        path,
        &format!(
            "{}: the cells from {} to {far}",
            cell_name(name, top, left),
            cell_name(name, top, left)
        ),
        h,
        w,
    )?;
    let (h, w) = (h as usize, w as usize);
    let mut rows: Vec<Vec<Cell>> = vec![vec![Cell::empty(); w]; h];
    for c in cells {
        rows[(c.row - top) as usize][(c.col - left) as usize] = Cell::text(c.text);
    }
    apply_merges(path, name, &mut rows, merges, (top, left))?;
    Ok(Some(Table::new(
        Origin::Sheet {
            name: name.to_string(),
            row: top as usize,
            col: left as usize,
        },
        rows,
    )))
}

/// Lays merged ranges over the grid whose first cell is at `(top, left)`.
/// A range reaching past the sheet's last row or column, or overlapping
/// another range, or hiding a cell with text, is an error naming it; the
/// part of a range beyond the cells present holds nothing and is cut off.
fn apply_merges(
    path: &Path,
    name: &str,
    rows: &mut [Vec<Cell>],
    merges: &[Range],
    (top, left): (u32, u32),
) -> Result<(), ReadError> {
    let (h, w) = (rows.len(), rows.first().map_or(0, Vec::len));
    if merges.is_empty() || h == 0 || w == 0 {
        return Ok(());
    }
    let help = "unmerge the cells in the spreadsheet program and merge them again, one range at a time; keep the text in the first cell of each range";
    let (bottom, right) = (top + (h - 1) as u32, left + (w - 1) as u32);
    // Which range covers each position of the grid, to find overlaps in
    // time proportional to the grid, not to the square of the ranges.
    let mut owner: Vec<u32> = vec![u32::MAX; h * w];
    for (k, &m) in merges.iter().enumerate() {
        let ((t, l), (b, r)) = m;
        if b < t || r < l || b >= SHEET_ROWS || r >= SHEET_COLS {
            return Err(ReadError::new(
                path,
                format!(
                    "{name}!{}: this merged range is not a range of the sheet",
                    range_name(m)
                ),
                help,
            ));
        }
        // The part of the range inside the grid (outside it no cell has text).
        let (it, il, ib, ir) = (t.max(top), l.max(left), b.min(bottom), r.min(right));
        if it > ib || il > ir {
            continue;
        }
        for rr in it..=ib {
            for cc in il..=ir {
                let (gr, gc) = ((rr - top) as usize, (cc - left) as usize);
                let o = &mut owner[gr * w + gc];
                if *o != u32::MAX {
                    return Err(ReadError::new(
                        path,
                        format!(
                            "{name}!{} and {name}!{}: these merged ranges overlap",
                            range_name(merges[*o as usize]),
                            range_name(m)
                        ),
                        help,
                    ));
                }
                *o = k as u32;
                let text = match &rows[gr][gc] {
                    Cell::Text { text, .. } => !text.is_empty(),
                    Cell::Covered { .. } => false,
                };
                if text && (rr, cc) != (t, l) {
                    return Err(ReadError::new(
                        path,
                        format!(
                            "{}: this cell holds text but lies under the merged range {name}!{}, which shows only its first cell: the text would be lost",
                            cell_name(name, rr, cc),
                            range_name(m)
                        ),
                        help,
                    ));
                }
            }
        }
        // A range whose first cell lies outside the grid covers only
        // empty positions: nothing to show.
        if (it, il) != (t, l) {
            continue;
        }
        let (t0, l0) = ((t - top) as usize, (l - left) as usize);
        let (b0, r0) = ((ib - top) as usize, (ir - left) as usize);
        let text = match &rows[t0][l0] {
            Cell::Text { text, .. } => text.clone(),
            Cell::Covered { .. } => String::new(),
        };
        for (rr, row) in rows.iter_mut().enumerate().take(b0 + 1).skip(t0) {
            for (cc, cell) in row.iter_mut().enumerate().take(r0 + 1).skip(l0) {
                *cell = if (rr, cc) == (t0, l0) {
                    Cell::Text {
                        text: text.clone(),
                        rows: b0 - t0 + 1,
                        cols: r0 - l0 + 1,
                    }
                } else {
                    Cell::Covered { row: t0, col: l0 }
                };
            }
        }
    }
    Ok(())
}

/// Rows of the largest sheet a spreadsheet program makes.
const SHEET_ROWS: u32 = 1_048_576;

/// Columns of the largest sheet a spreadsheet program makes.
const SHEET_COLS: u32 = 16_384;

#[cfg(test)]
mod tests {
    use super::*;

    fn found(row: u32, col: u32, text: &str) -> Found {
        Found {
            row,
            col,
            text: text.into(),
        }
    }

    fn p() -> &'static Path {
        Path::new("s.xlsx")
    }

    #[test]
    fn the_grid_is_the_box_of_the_cells_present() {
        let t = sheet(p(), "S", vec![found(3, 2, "a"), found(5, 4, "b")], &[])
            .unwrap()
            .unwrap();
        assert_eq!((t.rows.len(), t.width()), (3, 3));
        assert_eq!(t.locate(0, 0), "S!C4");
        assert_eq!(t.text_at(2, 2), "b");
        // A1 and XFD1048576: refused before anything is allocated.
        let e = sheet(
            p(),
            "S",
            vec![found(0, 0, "a"), found(1_048_575, 16_383, "b")],
            &[],
        )
        .unwrap_err();
        assert!(e.message.contains("S!XFD1048576"), "{e}");
        assert!(e.message.contains("1048576 rows × 16384 columns"), "{e}");
        assert!(
            e.message.contains("positions (rows × columns) per table"),
            "{e}"
        );
    }

    #[test]
    fn overlapping_merges_and_hidden_text_are_errors_naming_the_ranges() {
        let cells = vec![found(0, 0, "a"), found(1, 0, "b"), found(2, 1, "c")];
        let e = sheet(p(), "S", cells.clone(), &[((0, 0), (1, 0))]).unwrap_err();
        assert!(e.message.starts_with("S!A2: this cell holds text"), "{e}");
        assert!(e.message.contains("S!A1:A2"), "{e}");
        let e = sheet(
            p(),
            "S",
            vec![found(0, 0, "a"), found(2, 2, "c")],
            &[((0, 0), (1, 1)), ((1, 1), (2, 1))],
        )
        .unwrap_err();
        assert!(e.message.contains("S!A1:B2 and S!B2:B3"), "{e}");
        assert!(e.message.contains("overlap"), "{e}");
        let e = sheet(
            p(),
            "S",
            vec![found(0, 0, "a")],
            &[((0, 0), (1_048_576, 0))],
        )
        .unwrap_err();
        assert!(e.message.contains("not a range of the sheet"), "{e}");
        // A range reaching past the cells present is cut at the grid.
        let t = sheet(
            p(),
            "S",
            vec![found(0, 0, "a"), found(1, 1, "b")],
            &[((0, 0), (9, 0))],
        )
        .unwrap()
        .unwrap();
        assert_eq!(t.text_at(1, 0), "a");
        assert!(matches!(t.rows[0][0], Cell::Text { rows: 2, .. }));
    }

    #[test]
    fn the_cell_budget_names_the_cell() {
        let mut b = Budget::default();
        b.take(p(), limits::CELLS.max, 0, || "S!A1".into()).unwrap();
        let e = b.take(p(), 1, 1, || "S!B9".into()).unwrap_err();
        assert!(e.message.starts_with("S!B9: with this cell"), "{e}");
    }
}
