//! A way in from spreadsheets: turns the agencies' returned forms (written
//! by `report-forms`) and the office's own sheets (CSV, `.xlsx`, `.xls`,
//! `.ods`) into one report file (`reports/YYYY-MM.yaml`), which `check`
//! then validates like any other.
//!
//! [`batch`] reads many files: [`find`] finds each sheet's header below
//! title rows (and a form's agency and period), [`columns`] says what each
//! column holds, [`catalog`] matches a row to a task (key, plan + printed
//! number, or exact text), [`words`] reads status words from the theme's
//! i18n, and the row checks ([`report_from_table`] for one table, without
//! content) turn each row into an entry or its problems at its row and
//! column. Every row is accounted for: taken, blank, or rejected (and
//! written by [`rejected`] to a sheet to send back); a rejected row never
//! blocks the good ones.
//!
//! Columns (header names, any order; Vietnamese or English names): `key`
//! (the forms' hidden column), `task` (`<plan-id>/<task-id>`, a number
//! with `plan`, or the task's text), `plan`, `number`, `text`; `status`;
//! optional `progress`, `completed` (`dd/mm/yyyy` or `yyyy-mm-dd`), `note`,
//! `evidence_number`, `evidence_date`, `evidence_url`.

pub mod batch;
pub mod catalog;
pub mod columns;
pub mod csv_file;
pub mod find;
pub mod rejected;
mod rows;
pub mod sheet_file;
pub mod table;
pub mod words;
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    received: Vec<OutReceived>,
    entries: Vec<OutEntry>,
}

/// A form received, as written under `received:`.
#[derive(Serialize, Clone)]
struct OutReceived {
    agency: String,
    file: String,
}

#[derive(Serialize, Clone)]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    reported_by: Option<String>,
}

#[derive(Serialize, Clone)]
struct OutEvidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
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

/// Checks every row of `table` (read from `source`) and returns the report:
/// tasks taken as ids (checked later by `check`), status words of the
/// built-in theme.
pub fn report_from_table(
    source: &Path,
    table: &Table,
    meta: &ReportMeta,
) -> Result<Imported, Diagnostics> {
    let words = words::StatusWords::embedded();
    let ctx = rows::RowContext {
        meta,
        catalog: None,
        words: &words,
        reported_by: None,
    };
    let mut diags = Diagnostics::default();
    let checked = check_table(source, table, &ctx, &mut HashMap::new(), &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    let entries = checked.into_iter().filter_map(|r| r.outcome.ok()).collect();
    let out = Out {
        period: meta.period.clone(),
        date: meta.date,
        issuer: meta.issuer.clone(),
        number: meta.number.clone(),
        received: Vec::new(),
        entries,
    };
    finish(source, &out, diags)
}

fn finish(source: &Path, out: &Out, mut diags: Diagnostics) -> Result<Imported, Diagnostics> {
    match crate::load::yaml::to_string(out) {
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

/// What became of one data row.
pub struct Checked {
    /// The row as read.
    pub row: Row,
    /// Its entry, or its problems (errors and the warnings of that row).
    outcome: Result<OutEntry, Vec<Diagnostic>>,
}

impl Checked {
    /// True when the row was taken.
    pub fn taken(&self) -> bool {
        self.outcome.is_ok()
    }

    /// The row's errors (empty when taken).
    pub fn errors(&self) -> &[Diagnostic] {
        match &self.outcome {
            Ok(_) => &[],
            Err(d) => d,
        }
    }
}

/// Checks the header and every non-blank row of `table`. Problems of the
/// header (and sheet-wide warnings) go to `diags`; each row's own problems
/// stay with it, so a bad row never blocks a good one. A row is blank
/// when none of the cells an agency fills in (status, progress, dates,
/// evidence, note) holds anything (without content: when no cell does).
fn check_table(
    source: &Path,
    table: &Table,
    ctx: &rows::RowContext,
    seen: &mut HashMap<String, usize>,
    diags: &mut Diagnostics,
) -> Vec<Checked> {
    // How many values each column holds, to say what an unused one drops.
    let mut filled = vec![0usize; table.header.cells.len()];
    for row in &table.rows {
        for (i, cell) in row.cells.iter().enumerate().take(filled.len()) {
            if !cell.trim().is_empty() {
                filled[i] += 1;
            }
        }
    }
    let headers = rows::header(source, &table.header, &filled, diags);
    let has = |k: &str| headers.contains(&Some(k));
    let names_task = columns::NAMING.iter().any(|k| has(k));
    if !names_task || !has("status") {
        diags.push(
            Diagnostic::error(Location::new(source, table.header.line, 0), "the header row needs a column naming the task and a `status` column")
                .with_help(format!("name the columns task, status (or Nhiệm vụ, Tình trạng); known columns: {}; separate them with commas, semicolons or tabs", columns::KNOWN)),
        );
    }
    if diags.has_errors() {
        return Vec::new();
    }
    let inputs: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.is_some_and(|k| columns::INPUTS.contains(&k)))
        .map(|(i, _)| i)
        .collect();
    let cleaned = rows::clean_rows(source, &table.rows, diags);
    let mut out = Vec::new();
    for row in cleaned {
        // Values beyond the header or under an unnamed column are data too.
        let stray = row.cells.iter().enumerate().any(|(i, c)| {
            !c.trim().is_empty()
                && (i >= headers.len()
                    || table
                        .header
                        .cells
                        .get(i)
                        .is_none_or(|h| h.trim().is_empty()))
        });
        // With the content at hand (forms list every task), a row is blank
        // when nothing is filled in; without it, when it holds nothing.
        let any_input = match ctx.catalog {
            Some(_) => inputs
                .iter()
                .any(|&i| row.cells.get(i).is_some_and(|c| !c.trim().is_empty())),
            None => !row.is_blank(),
        };
        if !any_input && !stray {
            continue;
        }
        let mut own = Diagnostics::default();
        let entry = rows::row_entry(
            source,
            &row,
            &table.header.cells,
            &headers,
            ctx,
            seen,
            &mut own,
        );
        let outcome = match entry {
            Some(e) if !own.has_errors() => {
                diags.extend(own);
                Ok(e)
            }
            _ => Err(own
                .sorted()
                .into_iter()
                .cloned()
                .collect::<Vec<Diagnostic>>()),
        };
        if let Err(ds) = &outcome {
            for d in ds {
                diags.push(d.clone());
            }
        }
        out.push(Checked { row, outcome });
    }
    out
}

#[cfg(test)]
mod tests;
