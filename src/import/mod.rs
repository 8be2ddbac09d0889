//! A way in from spreadsheets: turns the office's monthly tracking sheet
//! (a CSV export, or the `.xlsx` / `.xls` / `.ods` file itself) into a
//! report file (`reports/YYYY-MM.yaml`), which `check` then validates like
//! any other.
//!
//! Columns (header names, any order; Vietnamese names accepted):
//! `task` (`<plan-id>/<task-id>`) or `plan` + `task`; `status` (`done`,
//! `in-progress`, `not-started`, `ongoing`, or `Đã hoàn thành`, `Đang thực
//! hiện`, `Chưa triển khai`, `Thường xuyên`); optional `progress`,
//! `completed` (`dd/mm/yyyy` or `yyyy-mm-dd`), `note`, `evidence_number`,
//! `evidence_date`, `evidence_url`.
//!
//! Reading is split from checking: [`csv_file`] or [`sheet_file`] turns a
//! file into a [`table::Table`] (rows of cells with their lines), and
//! [`report_from_table`] checks every row of any table, whatever it was read
//! from. Every row is accounted for: it becomes an entry, or an error names
//! its line, or it is blank.

pub mod csv_file;
pub mod sheet_file;
pub mod table;
pub mod write;

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use crate::diagnostics::{short, Diagnostic, Diagnostics, Location};
use table::{Row, Table};

/// Report metadata given on the command line.
#[derive(Debug, Clone)]
pub struct ReportMeta {
    /// Month reported, `YYYY-MM`.
    pub period: String,
    /// Date of the report.
    pub date: NaiveDate,
    /// Reporting agency id.
    pub issuer: Option<String>,
    /// Document number.
    pub number: Option<String>,
    /// Century of two-digit years (`20` reads `08/09/25` as 2025); without
    /// it a two-digit year is an error.
    pub century: Option<u32>,
}

/// The result of an import: the report as YAML, and warnings (ignored
/// columns) to show.
#[derive(Debug)]
pub struct Imported {
    /// The report file's text.
    pub yaml: String,
    /// Warnings about the sheet.
    pub diagnostics: Diagnostics,
}

#[derive(Serialize)]
struct Out {
    period: String,
    date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    entries: Vec<OutEntry>,
}

#[derive(Serialize)]
struct OutEntry {
    task: String,
    status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<OutEvidence>,
}

#[derive(Serialize)]
struct OutEvidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

const ALIASES: [(&str, &[&str]); 10] = [
    ("task", &["task", "nhiệm vụ", "nhiem vu", "mã nhiệm vụ"]),
    ("plan", &["plan", "kế hoạch", "ke hoach", "văn bản"]),
    (
        "status",
        &["status", "tình trạng", "tinh trang", "trạng thái"],
    ),
    (
        "progress",
        &["progress", "tiến độ", "tien do", "tiến độ (%)"],
    ),
    (
        "completed",
        &["completed", "ngày hoàn thành", "ngay hoan thanh"],
    ),
    ("note", &["note", "ghi chú", "ghi chu"]),
    (
        "evidence_number",
        &["evidence_number", "số văn bản", "so van ban"],
    ),
    (
        "evidence_date",
        &["evidence_date", "ngày văn bản", "ngay van ban"],
    ),
    (
        "evidence_url",
        &["evidence_url", "đường dẫn", "duong dan", "link"],
    ),
    ("ignored", &[]),
];

fn column(header: &str) -> Option<&'static str> {
    let h = header.trim().to_lowercase();
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&h.as_str()))
        .map(|(k, _)| *k)
}

fn status(s: &str) -> Option<&'static str> {
    let v = s.trim().to_lowercase();
    Some(match v.as_str() {
        "done" | "đã hoàn thành" | "hoàn thành" => "done",
        "in-progress" | "đang thực hiện" => "in-progress",
        "not-started" | "chưa triển khai" | "chưa thực hiện" => "not-started",
        "ongoing" | "thường xuyên" | "đang thực hiện thường xuyên" => "ongoing",
        _ => return None,
    })
}

/// `d/m/yyyy` or `d/m/yy`; `yyyy-mm-dd`.
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
        .unwrap_or_else(|e| unreachable!("the date pattern is valid: {e}"))
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$")
        .unwrap_or_else(|e| unreachable!("the date pattern is valid: {e}"))
});

/// Reads a date cell; the error says why it is refused.
fn date(s: &str, century: Option<u32>) -> Result<NaiveDate, String> {
    let s = s.trim();
    let num = |m: &regex::Captures, i: usize| m[i].parse::<u32>().unwrap_or(0);
    let (y, m, d, two_digit) = if let Some(c) = ISO.captures(s) {
        (num(&c, 1), num(&c, 2), num(&c, 3), false)
    } else if let Some(c) = DMY.captures(s) {
        (num(&c, 3), num(&c, 2), num(&c, 1), c[3].len() == 2)
    } else {
        return Err(format!("{:?} is not a date", short(s)));
    };
    let y = match (two_digit, century) {
        (false, _) => y,
        (true, Some(c)) => c * 100 + y,
        (true, None) => {
            return Err(format!(
                "{s:?} has a two-digit year: it could be 19{y:02} or 20{y:02}"
            ))
        }
    };
    let date = i32::try_from(y)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        .ok_or_else(|| format!("{s:?} is not a day of the calendar"))?;
    if !crate::validate::bounds::year_ok(y as i32) {
        return Err(format!(
            "{s:?} lies outside {}–{}",
            crate::validate::bounds::FIRST_YEAR,
            crate::validate::bounds::LAST_YEAR
        ));
    }
    Ok(date)
}

/// Reads the CSV at `path` and returns the report as YAML text, or every
/// problem found (line and column named).
pub fn report_from_csv(path: &Path, meta: &ReportMeta) -> Result<Imported, Diagnostics> {
    let table = csv_file::read(path).map_err(|d| {
        let mut ds = Diagnostics::default();
        ds.push(d);
        ds
    })?;
    report_from_table(path, &table, meta)
}

/// Reads a CSV file or a spreadsheet (`.xlsx`, `.xls`, `.ods`: its first
/// sheet) at `path` and returns the report, or every problem found.
pub fn report_from_file(path: &Path, meta: &ReportMeta) -> Result<Imported, Diagnostics> {
    if !sheet_file::is_sheet(path) {
        return report_from_csv(path, meta);
    }
    let table = sheet_file::read(path).map_err(|d| {
        let mut ds = Diagnostics::default();
        ds.push(d);
        ds
    })?;
    report_from_table(path, &table, meta)
}

/// Checks every row of `table` (read from `source`) and returns the report.
pub fn report_from_table(
    source: &Path,
    table: &Table,
    meta: &ReportMeta,
) -> Result<Imported, Diagnostics> {
    let mut diags = Diagnostics::default();
    // How many values each column holds, to say what an unused one drops.
    let mut filled = vec![0usize; table.header.cells.len()];
    for row in &table.rows {
        for (i, cell) in row.cells.iter().enumerate().take(filled.len()) {
            if !cell.trim().is_empty() {
                filled[i] += 1;
            }
        }
    }
    let headers = header(source, &table.header, &filled, &mut diags);
    let has = |k: &str| headers.contains(&Some(k));
    if !has("task") || !has("status") {
        diags.push(
            Diagnostic::error(Location::new(source, table.header.line, 0), "the header row needs a `task` and a `status` column")
                .with_help("name the columns task, status (or Nhiệm vụ, Tình trạng); optional: plan, progress, completed, note, evidence_number, evidence_date, evidence_url; separate them with commas, semicolons or tabs"),
        );
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let rows = clean_rows(source, &table.rows, &mut diags);
    let mut entries = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        if row.is_blank() {
            continue;
        }
        if let Some(e) = row_entry(
            source,
            row,
            &table.header.cells,
            &headers,
            meta,
            &mut seen,
            &mut diags,
        ) {
            entries.push(e);
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let out = Out {
        period: meta.period.clone(),
        date: meta.date,
        issuer: meta.issuer.clone(),
        number: meta.number.clone(),
        entries,
    };
    match crate::load::yaml::to_string(&out) {
        Ok(yaml) => Ok(Imported {
            yaml,
            diagnostics: diags,
        }),
        Err(e) => {
            diags.push(Diagnostic::error(Location::file(source), e));
            Err(diags)
        }
    }
}

/// The rows with control characters removed from their cells, each
/// removal reported at the cell (they would be removed by `check` anyway,
/// with a less helpful position).
fn clean_rows(source: &Path, rows: &[Row], diags: &mut Diagnostics) -> Vec<Row> {
    use crate::load::files::{control_warning, is_removed};
    rows.iter()
        .map(|row| Row {
            line: row.line,
            cells: row
                .cells
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    for c in cell.chars().filter(|&c| is_removed(c) && c != '\r') {
                        diags.push(control_warning(Location::new(source, row.line, i + 1), c));
                    }
                    cell.chars().filter(|&c| !is_removed(c)).collect()
                })
                .collect(),
        })
        .collect()
}

/// The meaning of each header cell; unknown columns are reported and
/// ignored, a column named twice is an error.
fn header(
    source: &Path,
    row: &Row,
    filled: &[usize],
    diags: &mut Diagnostics,
) -> Vec<Option<&'static str>> {
    let cols: Vec<Option<&'static str>> = row.cells.iter().map(|h| column(h)).collect();
    for (i, (name, col)) in row.cells.iter().zip(&cols).enumerate() {
        let at = Location::new(source, row.line, i + 1);
        match col {
            None if !name.trim().is_empty() => diags.push(
                Diagnostic::warning(
                    at,
                    format!(
                        "the column {:?} is not used: its {} value(s) are not imported",
                        short(name.trim()),
                        filled.get(i).copied().unwrap_or(0)
                    ),
                )
                    .with_help("known columns: task, plan, status, progress, completed, note, evidence_number, evidence_date, evidence_url (or their Vietnamese names)"),
            ),
            Some(k) if cols[..i].contains(col) => diags.push(
                Diagnostic::error(at, format!("a second `{k}` column"))
                    .with_help("keep one column of each kind"),
            ),
            _ => {}
        }
    }
    cols
}

/// Checks one non-blank row; every problem names the row's line.
fn row_entry(
    source: &Path,
    row: &Row,
    header_names: &[String],
    headers: &[Option<&'static str>],
    meta: &ReportMeta,
    seen: &mut HashMap<String, usize>,
    diags: &mut Diagnostics,
) -> Option<OutEntry> {
    let line = row.line;
    let at = |col: usize| Location::new(source, line, col);
    let errors_before = diags.error_count();
    for (i, cell) in row.cells.iter().enumerate().skip(headers.len()) {
        if !cell.trim().is_empty() {
            diags.push(
                Diagnostic::error(
                    at(i + 1),
                    "this cell lies beyond the last column of the header",
                )
                .with_help("give the column a header, or move the value into its column"),
            );
        }
    }
    // A value under a column with no header would land nowhere.
    for (i, cell) in row.cells.iter().enumerate().take(headers.len()) {
        let unnamed = header_names.get(i).is_none_or(|h| h.trim().is_empty());
        if unnamed && !cell.trim().is_empty() {
            diags.push(
                Diagnostic::error(
                    at(i + 1),
                    format!(
                        "this cell ({:?}) lies under a column with no header: it would be lost",
                        short(cell.trim())
                    ),
                )
                .with_help("give the column a header (task, status, progress, note, …), or move the value into its column"),
            );
        }
    }
    let col_of = |k: &str| headers.iter().position(|h| *h == Some(k));
    let get = |k: &str| -> Option<(usize, String)> {
        col_of(k)
            .and_then(|c| row.cells.get(c).map(|v| (c + 1, v.trim().to_string())))
            .filter(|(_, v)| !v.is_empty())
    };
    let task = match get("task") {
        Some((c, task)) => {
            let key = match get("plan") {
                Some((_, plan)) if !task.contains('/') => format!("{plan}/{task}"),
                _ => task,
            };
            if !key.contains('/') {
                diags.push(
                    Diagnostic::error(at(c), format!("the task {:?} does not name its plan", short(&key)))
                        .with_help("write `<plan-id>/<task-id>` (e.g. 114-kh-bcd-2025/18), or add a `plan` column"),
                );
            }
            match seen.get(&key) {
                Some(first) => diags.push(
                    Diagnostic::error(
                        at(c),
                        format!(
                            "the task {:?} is already reported at line {first}",
                            short(&key)
                        ),
                    )
                    .with_help("report each task once per sheet: merge the two rows"),
                ),
                None => {
                    seen.insert(key.clone(), line);
                }
            }
            Some(key)
        }
        None => {
            diags.push(
                Diagnostic::error(
                    at(col_of("task").map_or(0, |c| c + 1)),
                    "this row has data but no task",
                )
                .with_help("fill in the task (`<plan-id>/<task-id>`), or delete the row"),
            );
            None
        }
    };
    let st = get("status");
    let status = st.as_ref().and_then(|(_, s)| status(s));
    if status.is_none() {
        let col = st.map_or(col_of("status").map_or(0, |c| c + 1), |(c, _)| c);
        diags.push(
            Diagnostic::error(at(col), "the status is missing or not recognised")
                .with_help("use done, in-progress, not-started, ongoing (or Đã hoàn thành, Đang thực hiện, Chưa triển khai, Thường xuyên)"),
        );
    }
    // Read as shown: `75`, `75%` (a cell formatted as a percentage is
    // written as the sheet shows it), `75.00%`.
    let progress = get("progress").and_then(|(c, v)| {
        let number = v.trim_end_matches('%').trim();
        match number.parse::<f64>() {
            Ok(p) if (0.0..=100.0).contains(&p) && p.fract() == 0.0 => Some(p as u8),
            Ok(p) if p > 0.0 && p < 1.0 && !v.contains('%') => {
                diags.push(
                    Diagnostic::error(
                        at(c),
                        format!(
                            "progress {:?} is a fraction, not a number of percent from 0 to 100",
                            short(&v)
                        ),
                    )
                    .with_help(format!(
                        "write {} (or format the cell as a percentage, which shows {}%)",
                        (p * 100.0).round(),
                        (p * 100.0).round()
                    )),
                );
                None
            }
            _ => {
                diags.push(
                    Diagnostic::error(
                        at(c),
                        format!(
                            "progress {:?} is not a whole number of percent from 0 to 100",
                            short(&v)
                        ),
                    )
                    .with_help("write a whole number of percent, e.g. 60 or 60%"),
                );
                None
            }
        }
    });
    let mut parse_date = |k: &str| {
        get(k).and_then(|(c, v)| match date(&v, meta.century) {
            Ok(d) => Some(d),
            Err(why) => {
                diags.push(
                    Diagnostic::error(at(c), why)
                        .with_help("write dates as dd/mm/yyyy or yyyy-mm-dd with a four-digit year (or pass --century 20 to read two-digit years as 20yy)"),
                );
                None
            }
        })
    };
    let completed = parse_date("completed");
    let evidence_date = parse_date("evidence_date");
    if diags.error_count() > errors_before {
        return None;
    }
    let evidence_number = get("evidence_number").map(|(_, v)| v);
    let evidence_url = get("evidence_url").map(|(_, v)| v);
    let evidence = if evidence_number.is_some() || evidence_date.is_some() || evidence_url.is_some()
    {
        vec![OutEvidence {
            number: evidence_number,
            date: evidence_date,
            url: evidence_url,
        }]
    } else {
        Vec::new()
    };
    Some(OutEntry {
        task: task?,
        status: status?.to_string(),
        progress,
        completed,
        note: get("note").map(|(_, v)| v),
        evidence,
    })
}

#[cfg(test)]
mod tests;
