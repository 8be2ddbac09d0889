//! The spreadsheet-neutral form of an import: a header row and data rows,
//! each with the physical line (or sheet row) it starts on. Every reader
//! (CSV today, spreadsheets later) produces a [`Table`]; the row checks of
//! [`super::report_from_table`] work on it alone.

/// One row of cells, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the file (or row of the sheet) the row starts on.
    pub line: usize,
    /// The cells, left to right, as text.
    pub cells: Vec<String>,
}

impl Row {
    /// True when every cell is empty or blank: the row holds no data.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A header row and the rows below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The column names.
    pub header: Row,
    /// The data rows, in order.
    pub rows: Vec<Row>,
}
