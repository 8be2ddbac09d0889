//! Reading a spreadsheet (`.xlsx`, `.xls`, `.ods`) into a [`Table`] with the
//! crate's grid reader ([`crate::tables::sheet`]): the first sheet, its
//! first row with text as the header, every row keeping its row number in
//! the sheet (so errors name the row the office sees), cells stored as dates
//! written `YYYY-MM-DD` whatever format the sheet shows them in.

use std::path::Path;

use super::table::{Row, Table};
use crate::diagnostics::{Diagnostic, Location};

/// Reads the first sheet of the workbook at `path`.
pub fn read(path: &Path) -> Result<Table, Diagnostic> {
    let rows = crate::tables::sheet::rows(path, None)
        .map_err(|e| Diagnostic::error(Location::file(path), e.message).with_help(e.help))?;
    let mut rows = rows
        .into_iter()
        .skip_while(|(_, cells)| cells.iter().all(|c| c.trim().is_empty()));
    let Some((line, cells)) = rows.next() else {
        return Err(
            Diagnostic::error(Location::file(path), "the first sheet has no rows")
                .with_help("put the header row (task, status, ...) at the top of the first sheet"),
        );
    };
    Ok(Table {
        header: Row { line, cells },
        rows: rows.map(|(line, cells)| Row { line, cells }).collect(),
    })
}

/// True when `path` names a spreadsheet rather than CSV text.
pub fn is_sheet(path: &Path) -> bool {
    matches!(
        crate::tables::Format::of(path),
        Ok(crate::tables::Format::Sheet)
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    use crate::import::{report_from_file, ReportMeta};

    fn meta() -> ReportMeta {
        ReportMeta {
            period: "2025-10".into(),
            date: NaiveDate::from_ymd_opt(2025, 11, 5).unwrap(),
            issuer: None,
            number: None,
            century: None,
        }
    }

    #[test]
    fn a_workbook_becomes_a_report_with_rows_named_as_in_the_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bao-cao.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "BÁO CÁO THÁNG 10").unwrap();
        for (c, h) in [
            "Kế hoạch",
            "Nhiệm vụ",
            "Tình trạng",
            "Tiến độ",
            "Ngày hoàn thành",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        ws.write_string(3, 0, "114-kh-bcd-2025").unwrap();
        ws.write_number(3, 1, 3.0).unwrap();
        ws.write_string(3, 2, "Đã hoàn thành").unwrap();
        ws.write_number(3, 3, 100.0).unwrap();
        // A date shown month-first in the sheet: its value is what counts.
        let us = Format::new().set_num_format("mm/dd/yyyy");
        ws.write_datetime_with_format(3, 4, ExcelDateTime::from_ymd(2025, 10, 20).unwrap(), &us)
            .unwrap();
        ws.write_string(4, 0, "114-kh-bcd-2025").unwrap();
        ws.write_number(4, 1, 18.0).unwrap();
        ws.write_string(4, 2, "xong").unwrap();
        wb.save(&p).unwrap();
        // The title line above the header is not the header: the row naming
        // `task` and `status` must be first, so the sheet is refused with its row.
        let errs = report_from_file(&p, &meta()).unwrap_err();
        let first = errs.sorted()[0].to_string();
        assert!(first.contains("bao-cao.xlsx:1"), "{first}");

        // Without the title line, every row is read and errors name sheet rows.
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in [
            "Kế hoạch",
            "Nhiệm vụ",
            "Tình trạng",
            "Tiến độ",
            "Ngày hoàn thành",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "114-kh-bcd-2025").unwrap();
        ws.write_number(1, 1, 3.0).unwrap();
        ws.write_string(1, 2, "Đã hoàn thành").unwrap();
        ws.write_number(1, 3, 100.0).unwrap();
        ws.write_datetime_with_format(1, 4, ExcelDateTime::from_ymd(2025, 10, 20).unwrap(), &us)
            .unwrap();
        wb.save(&p).unwrap();
        let got = report_from_file(&p, &meta()).unwrap();
        assert!(got.yaml.contains("task: 114-kh-bcd-2025/3"), "{}", got.yaml);
        assert!(got.yaml.contains("completed: 2025-10-20"), "{}", got.yaml);
        assert!(got.yaml.contains("progress: 100"), "{}", got.yaml);

        ws_with_bad_status(&p);
        let errs = report_from_file(&p, &meta()).unwrap_err();
        let v: Vec<_> = errs.sorted().into_iter().map(|d| d.location.line).collect();
        assert_eq!(v, vec![3], "{:?}", errs.sorted());
    }

    #[test]
    fn percentages_and_values_right_of_the_header_in_xlsx() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bao-cao.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["task", "status", "progress"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        let pct = Format::new().set_num_format("0%");
        for (r, (task, v)) in [("114-kh-bcd-2025/3", 1.0), ("114-kh-bcd-2025/18", 0.75)]
            .iter()
            .enumerate()
        {
            let r = r as u32 + 1;
            ws.write_string(r, 0, *task).unwrap();
            ws.write_string(r, 1, "in-progress").unwrap();
            ws.write_number_with_format(r, 2, *v, &pct).unwrap();
        }
        wb.save(&p).unwrap();
        let got = report_from_file(&p, &meta()).unwrap();
        assert!(got.yaml.contains("progress: 100"), "{}", got.yaml);
        assert!(got.yaml.contains("progress: 75"), "{}", got.yaml);
        // A value right of the last header cell (E3) is an error at its cell.
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["task", "status"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "114-kh-bcd-2025/3").unwrap();
        ws.write_string(1, 1, "ongoing").unwrap();
        ws.write_string(2, 0, "114-kh-bcd-2025/18").unwrap();
        ws.write_string(2, 1, "ongoing").unwrap();
        ws.write_string(2, 4, "ghi chú lạc cột").unwrap();
        wb.save(&p).unwrap();
        let errs = report_from_file(&p, &meta()).unwrap_err();
        let at: Vec<(usize, usize)> = errs
            .sorted()
            .iter()
            .map(|d| (d.location.line, d.location.column))
            .collect();
        assert_eq!(at, vec![(3, 5)], "{:?}", errs.sorted());
    }

    fn ws_with_bad_status(p: &std::path::Path) {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["task", "status"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "114-kh-bcd-2025/3").unwrap();
        ws.write_string(1, 1, "done").unwrap();
        ws.write_string(2, 0, "114-kh-bcd-2025/18").unwrap();
        ws.write_string(2, 1, "xong").unwrap();
        wb.save(p).unwrap();
    }
}
