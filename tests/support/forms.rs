//! Helpers of the report round-trip tests: a copy of the illustrative
//! site, its forms read back, filled in as an agency's spreadsheet program
//! would save them, and imported.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook_auto, Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// The form's header row (0-based) and first filled-in column (status).
pub const HEADER: usize = 4;
/// Columns of the fill-in part (0-based).
pub const STATUS: usize = 9;
pub const PROGRESS: usize = 10;
pub const COMPLETED: usize = 11;
pub const EVIDENCE_NUMBER: usize = 12;
pub const NOTE: usize = 15;

/// Copies the shipped content and the illustrative site (whose `base:` is
/// `../../content`) into `root`; returns the illustrative site's folder.
pub fn illustrative_copy(root: &Path) -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("content"), &root.join("content"));
    let site = root.join("examples/minh-hoa");
    copy_dir(&repo.join("examples/minh-hoa"), &site);
    site
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// Runs the program; returns (success, stdout, stderr).
pub fn run(args: &[&str]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(args)
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A form as read back: its sheet's name and every cell as text.
pub struct ReadForm {
    pub path: PathBuf,
    pub sheet: String,
    pub cells: Vec<Vec<String>>,
    /// The status words of the dropdown, read from the form's own
    /// data validation.
    pub words: Vec<String>,
}

impl ReadForm {
    /// The data rows: (0-based sheet row, key).
    pub fn tasks(&self) -> Vec<(usize, String)> {
        (HEADER + 1..self.cells.len())
            .map(|r| (r, self.cells[r][0].clone()))
            .filter(|(_, k)| !k.is_empty())
            .collect()
    }
}

/// Reads a form's first sheet and its dropdown list.
pub fn read_form(path: &Path) -> ReadForm {
    let mut wb = open_workbook_auto(path).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    let (h, w) = range.get_size();
    let mut cells = vec![vec![String::new(); w.max(16)]; h];
    for (r, row) in range.rows().enumerate() {
        for (c, v) in row.iter().enumerate() {
            cells[r][c] = match v {
                Data::Empty => String::new(),
                Data::String(s) => s.clone(),
                other => other.to_string(),
            };
        }
    }
    ReadForm {
        path: path.to_path_buf(),
        sheet,
        cells,
        words: dropdown(path),
    }
}

/// The strings of the first list validation of the first sheet, read from
/// the workbook's XML (what a spreadsheet program shows in the dropdown).
pub fn dropdown(path: &Path) -> Vec<String> {
    let f = fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut z.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    let start = xml.find("type=\"list\"").expect("a list validation");
    let rest = &xml[start..];
    let a = rest.find("<formula1>\"").unwrap() + "<formula1>\"".len();
    let b = rest[a..].find("\"</formula1>").unwrap();
    rest[a..a + b]
        .split(',')
        .map(|s| s.replace("&amp;", "&"))
        .collect()
}

/// What an agency writes on one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Fill {
    pub status: String,
    pub progress: Option<u32>,
    /// Day of February 2026.
    pub completed_day: Option<u32>,
    pub evidence: Option<String>,
    pub note: String,
    /// A raw progress cell instead (for errors).
    pub raw_progress: Option<String>,
}

/// Writes `form` back with `fills` (by 0-based sheet row), as a
/// spreadsheet program saves the file: every cell it read, plus the ones
/// filled; completion dates as date cells.
pub fn save_filled(form: &ReadForm, fills: &[(usize, Fill)], to: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(&form.sheet).unwrap();
    for (r, row) in form.cells.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, f) in fills {
        let r = *r as u32;
        ws.write_string(r, STATUS as u16, &f.status).unwrap();
        if let Some(p) = f.progress {
            ws.write_number(r, PROGRESS as u16, p as f64).unwrap();
        }
        if let Some(p) = &f.raw_progress {
            ws.write_string(r, PROGRESS as u16, p).unwrap();
        }
        if let Some(d) = f.completed_day {
            let dt = ExcelDateTime::from_ymd(2026, 2, d as u8).unwrap();
            ws.write_datetime_with_format(r, COMPLETED as u16, &dt, &date)
                .unwrap();
        }
        if let Some(e) = &f.evidence {
            ws.write_string(r, EVIDENCE_NUMBER as u16, e).unwrap();
        }
        ws.write_string(r, NOTE as u16, &f.note).unwrap();
    }
    wb.save(to).unwrap();
}

/// The status key of a dropdown word (the theme's Vietnamese labels).
pub fn key_of(word: &str) -> &'static str {
    match word {
        "Đã hoàn thành" => "done",
        "Đang thực hiện" => "in-progress",
        "Chưa triển khai" => "not-started",
        "Đang thực hiện thường xuyên" => "ongoing",
        other => panic!("{other:?} is not a status word of the theme"),
    }
}
