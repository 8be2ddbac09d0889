//! Spreadsheets (`.xlsx`, `.xls`, `.xlsb`, `.ods`) read with `calamine`:
//! every sheet with cells becomes a [`Table`]. Zip-based files pass
//! [`zip_guard`] first (sizes, CRCs); `.ods` files pass [`ods_scan`] before
//! calamine expands their repeated rows. Cells are streamed where calamine
//! can (`.xlsx`, `.xlsb`), never through the range a file declares, and
//! counted and measured as they come ([`grid`]); the grid spans only the
//! cells present. Merged regions are followed (xlsx and xls through
//! calamine, ods from its own XML) and checked. Cells come out as the text
//! the sheet shows: dates with the cell's own number format in `.xlsx`
//! (`06/2025` for `mm/yyyy`), else as the day-first text a Vietnamese
//! spreadsheet shows (`30/06/2025`); percentages as shown (`75%`, in
//! `.xlsx` from the format, in `.ods` from the cell's text); whole numbers
//! without `.0`.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, DataRef, Reader, Xls, Xlsb, Xlsx};

use chrono::{Datelike, NaiveDate};

use super::grid::{self, Budget, Found, Range};
use super::{
    clean_text, ods_scan, xlsx_formats, zip_guard, Cell, DateCell, Origin, ReadError, Shown, Table,
};

/// A cell stored as a date: its absolute position, its day, and how its
/// text orders day and month.
type Dated = ((u32, u32), NaiveDate, Shown);

/// One sheet as read: its cells, the dates among them and its merges.
#[derive(Default)]
struct SheetCells {
    cells: Vec<Found>,
    dates: Vec<Dated>,
    merges: Vec<Range>,
}

/// Reads every non-empty sheet, in workbook order.
pub fn read(path: &Path) -> Result<Vec<Table>, ReadError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let cannot = |e: &dyn std::fmt::Display| {
        ReadError::new(
            path,
            format!("cannot read the spreadsheet: {e}"),
            "check that the file opens in a spreadsheet program; save it as .xlsx if it is an older format",
        )
    };
    let mut budget = Budget::default();
    let sheets = match ext.as_str() {
        "xls" => {
            let bytes = zip_guard::read_file(path)?;
            let wb = Xls::new(Cursor::new(bytes)).map_err(|e| cannot(&e))?;
            read_ranges(path, wb, &mut budget, &mut |wb, name| {
                wb.merge_cells_by_sheet_name(name).unwrap_or_default()
            })?
        }
        "xlsb" => {
            let bytes = zip_guard::read(path)?;
            let wb = Xlsb::new(Cursor::new(bytes)).map_err(|e| cannot(&e))?;
            read_xlsb(path, wb, &mut budget)?
        }
        "ods" => read_ods(path, &mut budget)?,
        _ => {
            let bytes = zip_guard::read(path)?;
            let wb = Xlsx::new(Cursor::new(bytes)).map_err(|e| cannot(&e))?;
            read_xlsx(path, wb, &mut budget)?
        }
    };
    let mut out = Vec::new();
    for (name, sheet) in sheets {
        let Some(mut t) = grid::sheet(path, &name, sheet.cells, &sheet.merges)? else {
            continue;
        };
        let (r0, c0) = match t.origin {
            Origin::Sheet { row, col, .. } => (row, col),
            _ => (0, 0),
        };
        let rel = |(r, c): (u32, u32)| (r as usize - r0, c as usize - c0);
        if !sheet.dates.is_empty() {
            t.remarks.push(format!(
                "sheet {name:?}: {} cell(s) stored as dates were written as the sheet shows them (their number format; where the file has none or uses the system's short date, in the file's order of day and month)",
                sheet.dates.len()
            ));
            t.date_cells = sheet
                .dates
                .iter()
                .map(|&(at, value, shown)| DateCell {
                    at: rel(at),
                    value,
                    shown,
                })
                .collect();
        }
        t.date_values = sheet.dates.iter().map(|&(at, d, _)| (rel(at), d)).collect();
        out.push(t);
    }
    Ok(out)
}

type Bytes = Cursor<Arc<[u8]>>;

fn sheet_error(path: &Path, name: &str, e: &dyn std::fmt::Display) -> ReadError {
    ReadError::new(
        path,
        format!("cannot read the sheet {name:?}: {e}"),
        "check that the sheet opens in a spreadsheet program",
    )
}

/// `.xlsx`: cells streamed with their style, never through a range.
fn read_xlsx(
    path: &Path,
    mut wb: Xlsx<Bytes>,
    budget: &mut Budget,
) -> Result<Vec<(String, SheetCells)>, ReadError> {
    let mut out = Vec::new();
    for name in wb.sheet_names().to_vec() {
        let mut sheet = SheetCells::default();
        {
            let mut reader = match wb.worksheet_cells_reader(&name) {
                Ok(r) => r,
                Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
                Err(e) => return Err(sheet_error(path, &name, &e)),
            };
            // Each style's number format, with the Vietnamese built-in dates.
            let codes: Vec<Option<String>> = reader
                .styles()
                .iter()
                .map(|s| {
                    let f = s.number_format.as_ref()?;
                    f.format_id
                        .and_then(xlsx_formats::builtin)
                        .map(str::to_string)
                        .or_else(|| Some(f.format_code.clone()))
                })
                .collect();
            while let Some((cell, style)) = reader
                .next_cell_with_style_id()
                .map_err(|e| sheet_error(path, &name, &e))?
            {
                let code = codes.get(style).cloned().flatten();
                let (r, c) = cell.get_position();
                let value: Data = cell.get_value().clone().into();
                take(
                    path,
                    &name,
                    budget,
                    &mut sheet,
                    r,
                    c,
                    &value,
                    code.as_deref(),
                )?;
            }
        }
        sheet.merges = dims(wb.merge_cells_by_sheet_name(&name).unwrap_or_default());
        out.push((name, sheet));
    }
    Ok(out)
}

/// `.xlsb`: cells streamed.
fn read_xlsb(
    path: &Path,
    mut wb: Xlsb<Bytes>,
    budget: &mut Budget,
) -> Result<Vec<(String, SheetCells)>, ReadError> {
    let mut out = Vec::new();
    for name in wb.sheet_names().to_vec() {
        let mut sheet = SheetCells::default();
        let mut reader = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| sheet_error(path, &name, &e))?;
        while let Some(cell) = reader
            .next_cell()
            .map_err(|e| sheet_error(path, &name, &e))?
        {
            let (r, c) = cell.get_position();
            let value: Data = match cell.get_value() {
                DataRef::Empty => continue,
                v => v.clone().into(),
            };
            take(path, &name, budget, &mut sheet, r, c, &value, None)?;
        }
        out.push((name, sheet));
    }
    Ok(out)
}

/// `.ods`: the repeats counted and the merges and percentages read by
/// [`ods_scan`] first, then the cells through calamine.
fn read_ods(path: &Path, budget: &mut Budget) -> Result<Vec<(String, SheetCells)>, ReadError> {
    let bytes = zip_guard::read(path)?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).map_err(|e| {
        ReadError::new(
            path,
            format!("cannot read the spreadsheet: {e}"),
            "save it again as .ods or .xlsx",
        )
    })?;
    let xml = zip_guard::part(path, &mut zip, "content.xml")?.unwrap_or_default();
    let mut scanned = ods_scan::scan(path, &xml, budget)?;
    drop(xml);
    let wb = calamine::Ods::new(Cursor::new(bytes)).map_err(|e| {
        ReadError::new(
            path,
            format!("cannot read the spreadsheet: {e}"),
            "check that the file opens in a spreadsheet program; save it as .xlsx if it is an older format",
        )
    })?;
    // The cells were counted by the scan: a budget of their own here.
    let mut recount = Budget::default();
    let mut sheets = read_ranges(path, wb, &mut recount, &mut |_, _| Vec::new())?;
    for (name, sheet) in &mut sheets {
        let Some(s) = scanned.remove(name.as_str()) else {
            continue;
        };
        sheet.merges = s.merges;
        for f in &mut sheet.cells {
            if let Some(text) = s.percent.get(&(f.row, f.col)) {
                f.text = text.clone();
            }
        }
    }
    Ok(sheets)
}

/// `.xls` and `.ods`: calamine's range of each sheet (bounded: an `.xls`
/// sheet has at most 65,536 × 256 cells, an `.ods` was scanned), its
/// non-empty cells taken one by one.
fn read_ranges<R: Reader<Bytes>>(
    path: &Path,
    mut wb: R,
    budget: &mut Budget,
    merges: &mut dyn FnMut(&mut R, &str) -> Vec<calamine::Dimensions>,
) -> Result<Vec<(String, SheetCells)>, ReadError>
where
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for name in wb.sheet_names().to_vec() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| sheet_error(path, &name, &e))?;
        let mut sheet = SheetCells::default();
        if let Some((r0, c0)) = range.start() {
            for (r, c, v) in range.used_cells() {
                let (r, c) = (r0 + r as u32, c0 + c as u32);
                take(path, &name, budget, &mut sheet, r, c, v, None)?;
            }
        }
        drop(range);
        sheet.merges = dims(merges(&mut wb, &name));
        out.push((name, sheet));
    }
    Ok(out)
}

fn dims(d: Vec<calamine::Dimensions>) -> Vec<Range> {
    d.into_iter().map(|m| (m.start, m.end)).collect()
}

/// Takes one non-empty cell at `(r, c)`: counted, written as shown
/// (`code`: its number format, when known), measured.
#[allow(clippy::too_many_arguments)]
fn take(
    path: &Path,
    name: &str,
    budget: &mut Budget,
    sheet: &mut SheetCells,
    r: u32,
    c: u32,
    v: &Data,
    code: Option<&str>,
) -> Result<(), ReadError> {
    if matches!(v, Data::Empty) {
        return Ok(());
    }
    let at = || grid::cell_name(name, r, c);
    let text = match v {
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            let date_code = code.filter(|code| xlsx_formats::shows_date(code));
            let (text, shown) = shown_date(d.to_ymd_hms_milli(), date_code);
            if let Some(v) = NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day)) {
                sheet.dates.push(((r, c), v, shown));
            }
            text
        }
        Data::Float(f) => code
            .and_then(|code| xlsx_formats::percent(code, *f))
            .unwrap_or_else(|| shown(v)),
        Data::Int(i) => code
            .and_then(|code| xlsx_formats::percent(code, *i as f64))
            .unwrap_or_else(|| shown(v)),
        _ => shown(v),
    };
    grid::check_text(path, at, &text)?;
    budget.take(path, 1, text.len() as u64, at)?;
    sheet.cells.push(Found {
        row: r,
        col: c,
        text: clean_text(&text),
    });
    Ok(())
}

/// The rows of one sheet (the one named, else the first with cells), each
/// with its 1-based row number in the sheet and its cells' text, cells
/// stored as dates written `YYYY-MM-DD` (the value, whatever the format
/// shows): for importers that read a sheet row by row (`import-report`).
pub fn rows(path: &Path, sheet: Option<&str>) -> Result<Vec<(usize, Vec<String>)>, ReadError> {
    let tables = read(path)?;
    let names: Vec<String> = tables
        .iter()
        .filter_map(|t| match &t.origin {
            Origin::Sheet { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    let table = tables
        .into_iter()
        .find(|t| match (&t.origin, sheet) {
            (Origin::Sheet { name, .. }, Some(want)) => name == want,
            _ => sheet.is_none(),
        })
        .ok_or_else(|| match sheet {
            Some(want) => ReadError::new(
                path,
                format!("there is no sheet named {want:?}"),
                format!("the file has: {}", names.join(", ")),
            ),
            None => ReadError::new(path, "the workbook has no cells", "check the file"),
        })?;
    let dates: std::collections::HashMap<(usize, usize), NaiveDate> =
        table.date_values.iter().copied().collect();
    let first_row = match table.origin {
        Origin::Sheet { row, .. } => row,
        _ => 0,
    };
    Ok((0..table.rows.len())
        .map(|r| {
            let cells = (0..table.width())
                .map(|c| match (dates.get(&(r, c)), &table.rows[r][c]) {
                    (Some(d), _) => d.format("%Y-%m-%d").to_string(),
                    (None, Cell::Text { text, .. }) => text.clone(),
                    (None, Cell::Covered { .. }) => String::new(),
                })
                .collect();
            (first_row + r + 1, cells)
        })
        .collect())
}

/// A date cell as shown: with its format code when known, else
/// `dd/mm/yyyy`; and how the text orders day and month.
fn shown_date(
    (y, m, d, hh, mm, ss, _): (u16, u8, u8, u8, u8, u8, u16),
    code: Option<&str>,
) -> (String, Shown) {
    let Some(code) = code.filter(|c| !xlsx_formats::is_system(c)) else {
        return (shown_date_default(y, m, d, hh, mm, ss), Shown::System);
    };
    let weekday = NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
        .map_or(0, |x| x.weekday().num_days_from_monday() as usize);
    let text = xlsx_formats::render(code, (y, m, d, hh, mm, ss), weekday);
    (text, order_of(code))
}

/// How a format code orders day and month: a probe day (22 November 1987)
/// tells where each number goes; a year before both leaves no order to tell.
fn order_of(code: &str) -> Shown {
    let probe = xlsx_formats::render(code, (1987, 11, 22, 0, 0, 0), 0);
    let at = |s: &str| probe.find(s);
    match (at("11"), at("22")) {
        (Some(mo), Some(day)) => {
            let year = at("1987").or(at("87"));
            match year {
                Some(y) if y < mo && y < day => Shown::Unordered,
                _ if mo < day => Shown::MonthFirst,
                _ => Shown::DayFirst,
            }
        }
        _ => Shown::Unordered,
    }
}

fn shown_date_default(y: u16, m: u8, day: u8, hh: u8, mm: u8, ss: u8) -> String {
    if (hh, mm, ss) == (0, 0, 0) {
        format!("{day:02}/{m:02}/{y}")
    } else {
        format!("{day:02}/{m:02}/{y} {hh:02}:{mm:02}")
    }
}

/// The text a spreadsheet shows for a value.
pub fn shown(v: &Data) -> String {
    match v {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, hh, mm, ss, _) = d.to_ymd_hms_milli();
            shown_date_default(y, m, day, hh, mm, ss)
        }
        Data::DateTime(d) => number(d.as_f64()),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_and_dates_as_shown() {
        assert_eq!(shown(&Data::Float(3.0)), "3");
        assert_eq!(shown(&Data::Float(0.5)), "0.5");
        // 45838 is 30 June 2025 in the 1900 date system.
        let d = ExcelDateTime::new(45838.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(shown(&Data::DateTime(d)), "30/06/2025");
    }

    #[test]
    fn sheet_rows_with_their_numbers_and_date_values() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(1, 1, "task").unwrap();
        ws.write_string(1, 2, "completed").unwrap();
        ws.write_string(2, 1, "kh/1").unwrap();
        let us = Format::new().set_num_format("mm/dd/yyyy");
        ws.write_datetime_with_format(2, 2, ExcelDateTime::from_ymd(2025, 10, 20).unwrap(), &us)
            .unwrap();
        wb.save(&p).unwrap();
        let got = rows(&p, None).unwrap();
        assert_eq!(
            got[0],
            (2, vec!["task".to_string(), "completed".to_string()])
        );
        assert_eq!(
            got[1],
            (3, vec!["kh/1".to_string(), "2025-10-20".to_string()])
        );
        assert!(rows(&p, Some("Khác")).unwrap_err().help.contains("Sheet1"));
    }
}
