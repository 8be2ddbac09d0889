//! Spreadsheets (`.xlsx`, `.xls`, `.xlsb`, `.ods`) read with `calamine`:
//! every sheet with cells becomes a [`Table`]. Merged regions are followed
//! (xlsx and xls through calamine, ods from its own XML). Cells shown as dates (stored
//! as numbers with a date format) come out as the text the sheet shows:
//! with the cell's own number format in `.xlsx` (`06/2025` for `mm/yyyy`),
//! else as the day-first text a Vietnamese spreadsheet shows (`30/06/2025`);
//! whole numbers without `.0`.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Dimensions, Reader, Sheets};

use chrono::{Datelike, NaiveDate};

use std::collections::HashMap;

use super::{clean_text, Cell, DateCell, Origin, ReadError, Shown, Table};
use super::{ods_merges, xlsx_formats};

/// Reads every non-empty sheet, in workbook order.
pub fn read(path: &Path) -> Result<Vec<Table>, ReadError> {
    let mut wb = open_workbook_auto(path).map_err(|e| {
        ReadError::new(
            path,
            format!("cannot read the spreadsheet: {e}"),
            "check that the file opens in a spreadsheet program; save it as .xlsx if it is an older format",
        )
    })?;
    let names = wb.sheet_names().to_vec();
    let formats = match &wb {
        Sheets::Xlsx(_) => xlsx_formats::read(path),
        _ => None,
    };
    let ods = match &wb {
        Sheets::Ods(_) => ods_merges::read(path),
        _ => None,
    };
    let mut out = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| {
            ReadError::new(
                path,
                format!("cannot read the sheet {name:?}: {e}"),
                "check that the sheet opens in a spreadsheet program",
            )
        })?;
        let Some((r0, c0)) = range.start() else {
            continue;
        };
        let merges = merged_regions(&mut wb, &name, ods.as_ref());
        let (h, w) = range.get_size();
        let mut date_cells = Vec::new();
        let mut date_values = Vec::new();
        let mut rows: Vec<Vec<Cell>> = Vec::with_capacity(h);
        for r in 0..h {
            let mut row = Vec::with_capacity(w);
            for c in 0..w {
                let v = range.get((r, c)).unwrap_or(&Data::Empty);
                let text = match v {
                    Data::DateTime(d) if d.is_datetime() => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        let at = (r0 + r as u32, c0 + c as u32);
                        let code = formats
                            .as_ref()
                            .and_then(|f| f.get(&name))
                            .and_then(|cells| cells.get(&at))
                            .filter(|code| xlsx_formats::shows_date(code));
                        let (text, shown) =
                            shown_date(d.to_ymd_hms_milli(), code.map(String::as_str));
                        if let Some(v) =
                            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day))
                        {
                            date_values.push(((r, c), v));
                            date_cells.push(DateCell {
                                at: (r, c),
                                value: v,
                                shown,
                            });
                        }
                        text
                    }
                    _ => shown(v),
                };
                row.push(Cell::text(clean_text(&text)));
            }
            rows.push(row);
        }
        for m in merges {
            apply_merge(&mut rows, m, (r0 as usize, c0 as usize));
        }
        let mut t = Table::new(
            Origin::Sheet {
                name: name.clone(),
                row: r0 as usize,
                col: c0 as usize,
            },
            rows,
        );
        if !date_cells.is_empty() {
            t.remarks.push(format!(
                "sheet {name:?}: {} cell(s) stored as dates were written as the sheet shows them (their number format; where the file has none or uses the system's short date, in the file's order of day and month)",
                date_cells.len()
            ));
            t.date_cells = date_cells;
        }
        t.date_values = date_values;
        out.push(t);
    }
    Ok(out)
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

fn merged_regions<RS: std::io::Read + std::io::Seek>(
    wb: &mut Sheets<RS>,
    name: &str,
    ods: Option<&HashMap<String, Vec<Dimensions>>>,
) -> Vec<Dimensions> {
    match wb {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Ods(_) => ods.and_then(|m| m.get(name)).cloned().unwrap_or_default(),
        Sheets::Xlsb(_) => Vec::new(),
    }
}

fn apply_merge(rows: &mut [Vec<Cell>], m: Dimensions, (r0, c0): (usize, usize)) {
    let (Some(top), Some(left)) = (
        (m.start.0 as usize).checked_sub(r0),
        (m.start.1 as usize).checked_sub(c0),
    ) else {
        return;
    };
    let bottom = (m.end.0 as usize).saturating_sub(r0);
    let right = (m.end.1 as usize).saturating_sub(c0);
    if top >= rows.len() || bottom < top || right < left {
        return;
    }
    let bottom = bottom.min(rows.len() - 1);
    let width = rows[top].len();
    if left >= width {
        return;
    }
    let right = right.min(width - 1);
    let text = match &rows[top][left] {
        Cell::Text { text, .. } => text.clone(),
        Cell::Covered { .. } => return,
    };
    for (r, row) in rows.iter_mut().enumerate().take(bottom + 1).skip(top) {
        for (c, cell) in row.iter_mut().enumerate().take(right + 1).skip(left) {
            *cell = if (r, c) == (top, left) {
                Cell::Text {
                    text: text.clone(),
                    rows: bottom - top + 1,
                    cols: right - left + 1,
                }
            } else {
                Cell::Covered {
                    row: top,
                    col: left,
                }
            };
        }
    }
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

    #[test]
    fn merge_regions_cover_their_cells() {
        let mut rows = vec![
            vec![Cell::text("a"), Cell::text("")],
            vec![Cell::text(""), Cell::text("")],
        ];
        apply_merge(
            &mut rows,
            Dimensions {
                start: (5, 2),
                end: (6, 2),
            },
            (5, 2),
        );
        let t = Table::new(Origin::Csv, rows);
        assert_eq!(t.text_at(1, 0), "a");
        assert_eq!(t.text_at(1, 1), "");
    }
}
