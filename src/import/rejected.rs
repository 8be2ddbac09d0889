//! The rows `import-report` rejected, written to a workbook the office can
//! send back: one sheet per file, each rejected row as it was read with
//! its row, column, the problem and the fix beside it.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use super::batch::Rejected;
use crate::tables::column_letters;

/// Words of the sheet's own headings, in the site's language.
pub struct Headings {
    /// "Row".
    pub row: String,
    /// "Cell".
    pub cell: String,
    /// "Problem".
    pub problem: String,
    /// "How to fix".
    pub fix: String,
}

/// A sheet name from a file name: at most 31 characters, none of `[]:*?/\`,
/// unique among `used`.
fn sheet_name(path: &Path, used: &mut Vec<String>) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sheet".into());
    let clean: String = stem
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(28)
        .collect();
    let clean = if clean.is_empty() {
        "sheet".to_string()
    } else {
        clean
    };
    let mut name = clean.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        name = format!("{clean} {n}");
        n += 1;
    }
    used.push(name.clone());
    name
}

/// Writes `rows` to `out` (an `.xlsx` file); an existing file (which the
/// office may have annotated) is replaced only when `replace` is given.
pub fn write(out: &Path, rows: &[Rejected], h: &Headings, replace: bool) -> Result<(), String> {
    let mut wb = Workbook::new();
    let when = ExcelDateTime::from_ymd(2000, 1, 1).map_err(|e| e.to_string())?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&when));
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut used = Vec::new();
    let mut files: Vec<&Path> = rows.iter().map(|r| r.path.as_path()).collect();
    files.dedup();
    for file in files {
        let name = sheet_name(file, &mut used);
        let ws = wb.add_worksheet();
        ws.set_name(&name).map_err(|e| e.to_string())?;
        let mine: Vec<&Rejected> = rows.iter().filter(|r| r.path == file).collect();
        let header = mine.first().map(|r| r.header.clone()).unwrap_or_default();
        let fixed = [&h.row, &h.cell, &h.problem, &h.fix];
        for (c, t) in fixed.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, t.as_str(), &bold)
                .map_err(|e| e.to_string())?;
        }
        for (c, t) in header.iter().enumerate() {
            ws.write_string_with_format(0, (c + fixed.len()) as u16, t, &bold)
                .map_err(|e| e.to_string())?;
        }
        ws.set_column_width(2, 50).map_err(|e| e.to_string())?;
        ws.set_column_width(3, 50).map_err(|e| e.to_string())?;
        for (i, r) in mine.iter().enumerate() {
            let y = (i + 1) as u32;
            let cells: Vec<String> = r
                .problems
                .iter()
                .map(|d| match (&r.sheet, d.location.column) {
                    (_, 0) => format!("{}", d.location.line),
                    (Some(s), c) => format!("{s}!{}{}", column_letters(c - 1), d.location.line),
                    (None, c) => format!("{}:{}", d.location.line, c),
                })
                .collect();
            let problem: Vec<&str> = r.problems.iter().map(|d| d.message.as_str()).collect();
            let fix: Vec<&str> = r
                .problems
                .iter()
                .filter_map(|d| d.help.as_deref())
                .collect();
            ws.write_number(y, 0, r.row.line as f64)
                .map_err(|e| e.to_string())?;
            ws.write_string(y, 1, cells.join("\n"))
                .map_err(|e| e.to_string())?;
            ws.write_string_with_format(y, 2, problem.join("\n"), &wrap)
                .map_err(|e| e.to_string())?;
            ws.write_string_with_format(y, 3, fix.join("\n"), &wrap)
                .map_err(|e| e.to_string())?;
            for (c, t) in r.row.cells.iter().enumerate() {
                if !t.is_empty() {
                    ws.write_string(y, (c + fixed.len()) as u16, t)
                        .map_err(|e| e.to_string())?;
                }
            }
        }
    }
    if used.is_empty() {
        return Ok(());
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out.file_name().ok_or("no file name")?;
    let bytes = wb.save_to_buffer().map_err(|e| e.to_string())?;
    crate::write_guard::write_bytes(
        parent,
        Path::new(name),
        &bytes,
        if replace {
            crate::write_guard::Mode::Replace
        } else {
            crate::write_guard::Mode::New
        },
    )
    .map(|_| ())
    .map_err(|e| format!("{}: {}", e.path.display(), e.message))
}
