//! Checking one row of a report sheet: which task it names, its status
//! (read through [`StatusWords`]), progress, dates and evidence. Every
//! problem names the row's line and the cell's column.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{short, Diagnostic, Diagnostics, Location};

use super::catalog::TaskCatalog;
use super::columns::{column, KNOWN};
use super::table::Row;
use super::words::StatusWords;
use super::{date, OutEntry, OutEvidence, ReportMeta};

/// What every row of one sheet is read with.
pub struct RowContext<'a> {
    /// The report's period, date and century.
    pub meta: &'a ReportMeta,
    /// The tasks of the content; `None`: tasks are taken as ids, checked later by `check`.
    pub catalog: Option<&'a TaskCatalog>,
    /// Status words.
    pub words: &'a StatusWords,
    /// The agency whose form this is.
    pub reported_by: Option<String>,
}

type Get<'g> = dyn Fn(&str) -> Option<(usize, String)> + 'g;
type ColOf<'g> = dyn Fn(&str) -> Option<usize> + 'g;
type At<'g> = dyn Fn(usize) -> Location + 'g;

/// The task as an id (`<plan-id>/<task-id>`, or a `plan` column and a task
/// id), unchecked: the way of an import without content.
fn task_by_id(
    get: &Get,
    col_of: &ColOf,
    at: &At,
    diags: &mut Diagnostics,
) -> Option<(String, usize)> {
    match get("task") {
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
            Some((key, c))
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
    }
}

/// The task found in the content by key, plan and number, or text.
fn task_in_catalog(
    catalog: &TaskCatalog,
    get: &Get,
    col_of: &ColOf,
    at: &At,
    diags: &mut Diagnostics,
) -> Option<(String, usize)> {
    let key = get("key");
    let plan = get("plan");
    let number = get("number").or_else(|| get("task").filter(|_| plan.is_some()));
    let text = get("text").or_else(|| get("task").filter(|_| plan.is_none()));
    // The cell to point at: the one that decided, or failed to.
    let col = key
        .as_ref()
        .or(number.as_ref())
        .or(text.as_ref())
        .or(plan.as_ref())
        .map(|(c, _)| *c)
        .or_else(|| {
            ["key", "task", "text"]
                .iter()
                .find_map(|k| col_of(k))
                .map(|c| c + 1)
        })
        .unwrap_or(0);
    let v = |x: &Option<(usize, String)>| x.as_ref().map(|(_, s)| s.clone());
    let (key, plan, number, text) = (v(&key), v(&plan), v(&number), v(&text));
    // A key written by hand as `<plan-id>/<task-id>` in the task column.
    if key.is_none() {
        if let Some(k) = text
            .as_deref()
            .or(number.as_deref())
            .and_then(|t| catalog.by_key(t))
        {
            return Some((k.key.clone(), col));
        }
    }
    match catalog.find(
        key.as_deref(),
        plan.as_deref(),
        number.as_deref(),
        text.as_deref(),
    ) {
        Ok(k) => Some((k.key.clone(), col)),
        Err(miss) => {
            diags.push(Diagnostic::error(at(col), miss.message).with_help(miss.help));
            None
        }
    }
}

/// The rows with control characters removed from their cells, each
/// removal reported at the cell (they would be removed by `check` anyway,
/// with a less helpful position).
pub(crate) fn clean_rows(source: &Path, rows: &[Row], diags: &mut Diagnostics) -> Vec<Row> {
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
pub(crate) fn header(
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
                .with_help(format!("known columns: {KNOWN}")),
            ),
            Some(k) if !matches!(*k, "context" | "serial") && cols[..i].contains(col) => diags
                .push(
                    Diagnostic::error(at, format!("a second `{k}` column"))
                        .with_help("keep one column of each kind"),
                ),
            _ => {}
        }
    }
    cols
}

/// Checks one non-blank row; every problem names the row's line.
pub(crate) fn row_entry(
    source: &Path,
    row: &Row,
    header_names: &[String],
    headers: &[Option<&'static str>],
    ctx: &RowContext,
    seen: &mut HashMap<String, usize>,
    diags: &mut Diagnostics,
) -> Option<OutEntry> {
    let meta = ctx.meta;
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
    let task = match ctx.catalog {
        None => task_by_id(&get, &col_of, &at, diags),
        Some(c) => task_in_catalog(c, &get, &col_of, &at, diags),
    };
    if let Some((key, c)) = &task {
        match seen.get(key) {
            Some(first) => diags.push(
                Diagnostic::error(
                    at(*c),
                    format!(
                        "the task {:?} is already reported at line {first}",
                        short(key)
                    ),
                )
                .with_help("report each task once per sheet: merge the two rows"),
            ),
            None => {
                seen.insert(key.clone(), line);
            }
        }
    }
    let task = task.map(|(k, _)| k);
    let st = get("status");
    let status = st.as_ref().and_then(|(_, s)| ctx.words.read(s));
    if status.is_none() {
        let col = st
            .as_ref()
            .map_or(col_of("status").map_or(0, |c| c + 1), |(c, _)| *c);
        diags.push(
            Diagnostic::error(
                at(col),
                match &st {
                    Some((_, s)) => {
                        format!("the status {:?} is not one of the status words", short(s))
                    }
                    None => "the status is missing".to_string(),
                },
            )
            .with_help(format!(
                "choose one from the list: {}",
                ctx.words.describe()
            )),
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
    // With the content at hand, a row `check` would refuse is rejected here.
    if ctx.catalog.is_some()
        && status == Some(crate::model::report::Reported::Done)
        && completed.is_none()
        && get("completed").is_none()
    {
        diags.push(
            Diagnostic::error(
                at(col_of("completed")
                    .or(col_of("status"))
                    .map_or(0, |c| c + 1)),
                "the task is reported done without a completion date",
            )
            .with_help("fill in the completion date (dd/mm/yyyy), or choose another status"),
        );
    }
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
        status: status?.key().to_string(),
        progress,
        completed,
        note: get("note").map(|(_, v)| v),
        evidence,
        reported_by: ctx.reported_by.clone(),
    })
}
