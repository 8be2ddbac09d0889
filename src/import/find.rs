//! Finding the report's header in a sheet as offices lay one out: below
//! title rows, perhaps over two rows (a heading spanning `Tình trạng` and
//! `Tiến độ`), perhaps followed by a row of column numbers; and reading the
//! form's own marks (`agency=…`, `period=…`, written by `report-forms` above
//! its header in the hidden key column).

use crate::import_plan::header::is_column_numbers;
use crate::tables::{Cell, Origin, Table as Grid};

use super::columns::{column, NAMING};
use super::table::{Row, Table};

/// Mark in a form's first cell.
pub const FORM_MARK: &str = "minhbach-form";

/// A report table found in a sheet.
#[derive(Debug, Clone)]
pub struct Found {
    /// Header and data rows; `line` is the row of the sheet (1-based),
    /// cells are the sheet's columns from the grid's first one.
    pub table: Table,
    /// Column of the sheet of the table's first cell (0-based).
    pub first_col: usize,
    /// The agency a form was written for.
    pub agency: Option<String>,
    /// The period a form was written for.
    pub period: Option<String>,
}

fn kinds(grid: &Grid, r: usize) -> Vec<Option<&'static str>> {
    (0..grid.width())
        .map(|c| match &grid.rows[r][c] {
            Cell::Text { text, .. } => column(text),
            Cell::Covered { .. } => None,
        })
        .collect()
}

/// Finds the header in the first 40 rows: the first row naming a status
/// column and a column that names a task. A second row fills the columns
/// under a heading spanning several (or unnamed in the first).
pub fn find(grid: &Grid) -> Option<Found> {
    let (row0, col0) = match &grid.origin {
        Origin::Sheet { row, col, .. } => (*row, *col),
        _ => (0, 0),
    };
    let limit = grid.rows.len().min(40);
    let dates: std::collections::HashMap<(usize, usize), chrono::NaiveDate> =
        grid.date_values.iter().copied().collect();
    for r in 0..limit {
        let mut names: Vec<String> = (0..grid.width())
            .map(|c| match &grid.rows[r][c] {
                Cell::Text { text, .. } => text.clone(),
                Cell::Covered { .. } => String::new(),
            })
            .collect();
        let first = kinds(grid, r);
        let has = |k: &[Option<&str>], want: &str| k.contains(&Some(want));
        let names_task = NAMING.iter().any(|n| has(&first, n));
        let sub_row = (r + 1 < grid.rows.len()).then(|| kinds(grid, r + 1));
        let status_below = sub_row.as_ref().is_some_and(|k| has(k, "status"));
        if !(names_task && (has(&first, "status") || status_below)) {
            continue;
        }
        let mut header_rows = 1;
        if let Some(sub) = sub_row {
            let mut used = false;
            for c in 0..grid.width() {
                if sub[c].is_none() {
                    continue;
                }
                let parent = grid.origin_of(r, c);
                let spans =
                    matches!(grid.rows[parent.0][parent.1], Cell::Text { cols, .. } if cols > 1);
                if first[c].is_none() || spans {
                    names[c] = grid.text_at(r + 1, c).to_string();
                    used = true;
                }
            }
            if used {
                header_rows = 2;
            }
        }
        // A heading merged down over the second header row keeps its name.
        let mut data = r + header_rows;
        if data < grid.rows.len() && is_column_numbers(grid, data) {
            data += 1;
        }
        let (mut agency, mut period) = (None, None);
        for above in &grid.rows[..r] {
            for cell in above {
                if let Cell::Text { text, .. } = cell {
                    if let Some(v) = text.strip_prefix("agency=") {
                        agency = Some(v.trim().to_string());
                    }
                    if let Some(v) = text.strip_prefix("period=") {
                        period = Some(v.trim().to_string());
                    }
                }
            }
        }
        let kinds_of: Vec<Option<&str>> = names.iter().map(|n| column(n)).collect();
        #[allow(clippy::needless_range_loop)]
        let context: Vec<bool> = kinds_of
            .iter()
            .map(|k| matches!(k, Some("key" | "plan" | "number" | "serial")))
            .collect();
        let pad = || std::iter::repeat_n(String::new(), col0);
        let names: Vec<String> = pad().chain(names).collect();
        let rows = (data..grid.rows.len())
            .map(|gr| Row {
                line: row0 + gr + 1,
                cells: pad()
                    .chain((0..grid.width()).map(|c| {
                        if let Some(d) = dates.get(&(gr, c)) {
                            return d.format("%Y-%m-%d").to_string();
                        }
                        match &grid.rows[gr][c] {
                            Cell::Text { text, .. } => text.clone(),
                            // A plan or number merged down over its rows
                            // names each of them.
                            Cell::Covered { .. } if context[c] => grid.text_at(gr, c).to_string(),
                            Cell::Covered { .. } => String::new(),
                        }
                    }))
                    .collect(),
            })
            .collect();
        return Some(Found {
            table: Table {
                header: Row {
                    line: row0 + r + 1,
                    cells: names,
                },
                rows,
            },
            first_col: col0,
            agency,
            period,
        });
    }
    None
}

/// Finds the header among the rows of a CSV file read line by line (each
/// row keeps its physical line): the first of the first 40 rows naming a
/// status column and a column that names the task; a row of column
/// numbers under it is skipped.
pub fn find_rows(table: &Table) -> Option<Found> {
    let all: Vec<&Row> = std::iter::once(&table.header).chain(&table.rows).collect();
    let at = all.iter().take(40).position(|r| {
        let k: Vec<Option<&str>> = r.cells.iter().map(|c| column(c)).collect();
        NAMING.iter().any(|n| k.contains(&Some(n))) && k.contains(&Some("status"))
    })?;
    let mut rest: Vec<Row> = all[at + 1..].iter().map(|r| (*r).clone()).collect();
    let numbers = rest.first().is_some_and(|r| {
        let filled: Vec<&String> = r.cells.iter().filter(|c| !c.trim().is_empty()).collect();
        filled.len() >= 3
            && filled.iter().all(|c| {
                let t = c.trim().trim_start_matches('(').trim_end_matches(')');
                !t.is_empty() && t.len() <= 3 && t.chars().all(|ch| ch.is_ascii_digit())
            })
    });
    if numbers {
        rest.remove(0);
    }
    let (mut agency, mut period) = (None, None);
    for r in &all[..at] {
        for c in &r.cells {
            if let Some(v) = c.strip_prefix("agency=") {
                agency = Some(v.trim().to_string());
            }
            if let Some(v) = c.strip_prefix("period=") {
                period = Some(v.trim().to_string());
            }
        }
    }
    Some(Found {
        table: Table {
            header: all[at].clone(),
            rows: rest,
        },
        first_col: 0,
        agency,
        period,
    })
}
