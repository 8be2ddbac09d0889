//! A streaming pass over an `.ods` file's `content.xml`, before calamine
//! reads it: calamine expands `table:number-rows-repeated` and
//! `-columns-repeated` into cells (a row of three cells repeated 1,048,570
//! times becomes three million), so the repeats are counted here, in
//! arithmetic, against [`crate::limits::CELLS`] and [`crate::limits::TABLE_POSITIONS`].
//! The same pass collects what calamine does not give: merged regions
//! (`number-rows-spanned`, `number-columns-spanned`) and the text shown by
//! percentage cells (calamine gives 0.75 for a cell showing `75%`).
//! Names are matched with the usual prefixes (`table:`), as calamine does.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::grid::{self, Budget, Range};
use super::ReadError;

/// What the pass found in one sheet.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct OdsSheet {
    /// Merged regions, absolute 0-based.
    pub merges: Vec<Range>,
    /// The text shown by each percentage cell, by absolute position.
    pub percent: HashMap<(u32, u32), String>,
}

/// An attribute's value as a count (`1` when absent or unreadable).
fn count(e: &BytesStart, name: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, 1 << 40)
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The cell being read.
struct CellState {
    repeat: u64,
    percent: bool,
    filled: bool,
    /// Bytes of the cell's text (kept only for percentages).
    text_len: usize,
    text: String,
}

/// The row being read.
#[derive(Default)]
struct RowState {
    repeat: u64,
    col: u64,
    /// Non-empty cells in the row, repeats counted.
    filled: u64,
    /// Bytes of their text, repeats counted.
    bytes: u64,
    /// Column of the first and last non-empty cell.
    span: Option<(u64, u64)>,
}

/// The table being read.
#[derive(Default)]
struct TableState {
    name: String,
    row: u64,
    out: OdsSheet,
    /// The box of the non-empty cells so far.
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

/// Scans `xml` (the `content.xml` of `path`): refuses a sheet whose
/// repeated rows and columns pass the limits, and returns each sheet's
/// merges and percentage texts by name.
pub fn scan(
    path: &Path,
    xml: &str,
    budget: &mut Budget,
) -> Result<HashMap<String, OdsSheet>, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut out = HashMap::new();
    // Tables nest (a table inside a cell); only the innermost is read.
    let mut tables: Vec<TableState> = Vec::new();
    let mut row: Option<RowState> = None;
    let mut cell: Option<CellState> = None;
    // Malformed XML ends the pass: it is left for calamine to report.
    while let Ok(event) = reader.read_event() {
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.name().as_ref() {
                "table:table" if !empty => {
                    tables.push(TableState {
                        name: attr(&e, "table:name").unwrap_or_default(),
                        ..TableState::default()
                    });
                    row = None;
                    cell = None;
                }
                "table:table-row" if !tables.is_empty() => {
                    row = Some(RowState {
                        repeat: count(&e, "table:number-rows-repeated"),
                        ..RowState::default()
                    });
                    if empty {
                        end_row(path, &mut tables, &mut row, budget)?;
                    }
                }
                "table:table-cell" | "table:covered-table-cell" if row.is_some() => {
                    let covered = e.name().as_ref() == "table:covered-table-cell";
                    let repeat = count(&e, "table:number-columns-repeated");
                    let value_type = attr(&e, "office:value-type");
                    if let (Some(t), Some(r)) = (tables.last_mut(), row.as_ref()) {
                        let (rs, cs) = (
                            count(&e, "table:number-rows-spanned"),
                            count(&e, "table:number-columns-spanned"),
                        );
                        if !covered && (rs > 1 || cs > 1) {
                            let at = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
                            t.out.merges.push((
                                (at(t.row), at(r.col)),
                                (at(t.row + rs - 1), at(r.col + cs - 1)),
                            ));
                        }
                    }
                    let c = CellState {
                        repeat,
                        percent: value_type.as_deref() == Some("percentage"),
                        filled: value_type.is_some(),
                        text_len: 0,
                        text: String::new(),
                    };
                    if empty {
                        end_cell(&mut tables, &mut row, c);
                    } else {
                        cell = Some(c);
                    }
                }
                "text:p" if !empty => {
                    if let Some(c) = cell.as_mut() {
                        if !c.text.is_empty() {
                            c.text.push('\n');
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    let s = t.xml10_content();
                    if !s.trim().is_empty() {
                        c.filled = true;
                    }
                    c.text_len = c.text_len.saturating_add(s.len());
                    if c.percent {
                        c.text.push_str(&s);
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(c) = cell.take() {
                        end_cell(&mut tables, &mut row, c);
                    }
                }
                "table:table-row" => end_row(path, &mut tables, &mut row, budget)?,
                "table:table" => {
                    if let Some(t) = tables.pop() {
                        out.insert(t.name, t.out);
                    }
                    row = None;
                    cell = None;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn end_cell(tables: &mut [TableState], row: &mut Option<RowState>, c: CellState) {
    let (Some(t), Some(r)) = (tables.last_mut(), row.as_mut()) else {
        return;
    };
    if c.filled {
        r.filled = r.filled.saturating_add(c.repeat);
        r.bytes = r
            .bytes
            .saturating_add((c.text_len as u64).saturating_mul(c.repeat));
        let last = r.col.saturating_add(c.repeat - 1);
        r.span = Some(match r.span {
            Some((a, _)) => (a, last),
            None => (r.col, last),
        });
        if c.percent {
            let text = super::clean_text(&c.text);
            for k in 0..c.repeat.min(16_384) {
                let at = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
                t.out
                    .percent
                    .insert((at(t.row), at(r.col + k)), text.clone());
            }
        }
    }
    r.col = r.col.saturating_add(c.repeat);
}

fn end_row(
    path: &Path,
    tables: &mut [TableState],
    row: &mut Option<RowState>,
    budget: &mut Budget,
) -> Result<(), ReadError> {
    let (Some(t), Some(r)) = (tables.last_mut(), row.take()) else {
        return Ok(());
    };
    if let Some((first, last)) = r.span {
        let here = grid::cell_name(
            &t.name,
            u32::try_from(t.row).unwrap_or(u32::MAX),
            u32::try_from(first).unwrap_or(u32::MAX),
        );
        let repeated = if r.repeat > 1 {
            format!(" (its row is repeated {} times)", r.repeat)
        } else {
            String::new()
        };
        budget.take(
            path,
            r.filled.saturating_mul(r.repeat),
            r.bytes.saturating_mul(r.repeat),
            || format!("{here}{repeated}"),
        )?;
        let bottom = t.row.saturating_add(r.repeat - 1);
        t.rows = Some(match t.rows {
            Some((a, _)) => (a, bottom),
            None => (t.row, bottom),
        });
        t.cols = Some(match t.cols {
            Some((a, b)) => (a.min(first), b.max(last)),
            None => (first, last),
        });
        if let (Some((top, bottom)), Some((left, right))) = (t.rows, t.cols) {
            grid::check_positions(
                path,
                &format!("{here}{repeated}: the cells of sheet {:?}", t.name),
                bottom - top + 1,
                right - left + 1,
            )?;
        }
    }
    t.row = t.row.saturating_add(r.repeat);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rows: &str) -> String {
        format!(
            r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="PL">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    #[test]
    fn spans_at_their_positions() {
        let xml = doc(r#"
            <table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-spanned="3"/><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
            <table:table-row><table:table-cell/><table:table-cell table:number-rows-spanned="4"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#);
        let m = scan(Path::new("x.ods"), &xml, &mut Budget::default()).unwrap();
        assert_eq!(m["PL"].merges, vec![((0, 2), (0, 4)), ((3, 1), (6, 1))]);
    }

    #[test]
    fn a_repeated_row_is_counted_not_expanded() {
        let xml = doc(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>TT</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell office:value-type="string"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Việc</text:p></table:table-cell></table:table-row>"#,
        );
        let started = std::time::Instant::now();
        let e = scan(Path::new("x.ods"), &xml, &mut Budget::default()).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert!(
            e.message
                .starts_with("PL!A2 (its row is repeated 1048570 times)"),
            "{e}"
        );
        assert!(e.message.contains("non-empty cells per file"), "{e}");
    }

    #[test]
    fn percentages_keep_the_text_shown() {
        let xml = doc(
            r#"<table:table-row><table:table-cell office:value-type="percentage" office:value="0.75"><text:p>75%</text:p></table:table-cell></table:table-row>"#,
        );
        let m = scan(Path::new("x.ods"), &xml, &mut Budget::default()).unwrap();
        assert_eq!(m["PL"].percent[&(0, 0)], "75%");
    }
}
