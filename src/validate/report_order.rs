//! Which report holds when several speak of one task: reports count in
//! order of month and date; on one date, a report that says it `corrects`
//! another comes after it. Two reports of one date that disagree on a task
//! (status, progress or completion date), neither correcting the other,
//! are an error: the program never decides by file name which of them is
//! true.

use std::collections::HashMap;

use crate::diagnostics::{short, Diagnostic, Diagnostics, Location};
use crate::load::raw::ReportFile;
use crate::load::Loaded;
use crate::model::report::{Entry, Report};
use crate::model::Plan;

/// Each report's file, by report id.
pub type Files<'a> = HashMap<String, &'a Loaded<ReportFile>>;

/// Checks each report's `corrects` (an existing report, not itself, not
/// dated after it, no circle) and sorts `reports` into the order they
/// hold in: month, date, then corrections after what they correct
/// (ties by id, which then never decides a value). `files` gives each
/// report's file.
pub fn sort(reports: &mut Vec<Report>, files: &Files, diags: &mut Diagnostics) {
    let index: HashMap<String, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let at = |r: &Report| match files.get(&r.id) {
        Some(f) => f.spans.locate(&f.path, "corrects"),
        None => Location::default(),
    };
    let mut bad: Vec<usize> = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        let Some(target) = &r.corrects else { continue };
        let problem = match index.get(target) {
            None => Some(format!(
                "`corrects: {}` names no report (reports are named by their file name without .yaml)",
                short(target)
            )),
            Some(&j) if j == i => Some("a report cannot correct itself".to_string()),
            Some(&j) if reports[j].date > r.date => Some(format!(
                "report {} is dated {}, after this one ({}): a report corrects only an earlier or same-day one",
                reports[j].id, reports[j].date, r.date
            )),
            _ => None,
        };
        if let Some(p) = problem {
            diags.push(
                Diagnostic::error(at(r), p)
                    .with_help("write `corrects: <file name of the report it corrects, without .yaml>`, or remove the line"),
            );
            bad.push(i);
        }
    }
    for i in bad {
        reports[i].corrects = None;
    }
    // How many same-day reports each one corrects, one after the other.
    let depth: Vec<usize> = (0..reports.len())
        .map(|i| {
            let mut d = 0;
            let mut at = i;
            while let Some(&j) = reports[at].corrects.as_ref().and_then(|t| index.get(t)) {
                if reports[j].date != reports[i].date || d > reports.len() {
                    break;
                }
                d += 1;
                at = j;
            }
            d
        })
        .collect();
    for (i, r) in reports.iter().enumerate() {
        if depth[i] > reports.len() {
            diags.push(
                Diagnostic::error(at(r), "these reports correct each other in a circle")
                    .with_help("only the later report says `corrects:`; remove it from the other"),
            );
        }
    }
    let mut keyed: Vec<(usize, Report)> = std::mem::take(reports)
        .into_iter()
        .enumerate()
        .map(|(i, r)| (depth[i], r))
        .collect();
    keyed.sort_by(|(da, a), (db, b)| {
        (a.year, a.month, a.date, da, &a.id).cmp(&(b.year, b.month, b.date, db, &b.id))
    });
    *reports = keyed.into_iter().map(|(_, r)| r).collect();
}

/// True when `a` corrects `b`, directly or through reports in between.
fn corrects(reports: &[Report], index: &HashMap<&str, usize>, a: usize, b: usize) -> bool {
    let mut at = a;
    for _ in 0..reports.len() {
        match reports[at].corrects.as_deref().and_then(|t| index.get(t)) {
            Some(&j) if j == b => return true,
            Some(&j) => at = j,
            None => return false,
        }
    }
    false
}

/// What an entry says, for messages.
fn says(e: &Entry) -> String {
    let mut s = e.status.key().to_string();
    if let Some(p) = e.progress {
        s.push_str(&format!(", progress {p}"));
    }
    if let Some(c) = e.completed {
        s.push_str(&format!(", completed {c}"));
    }
    s
}

/// A date and a task (plan and task index).
type DayTask = (chrono::NaiveDate, usize, usize);

/// Reports an entry that disagrees with an entry of another report of the
/// same date on the same task, unless one report corrects the other.
/// `reports` are in the order [`sort`] gives.
pub fn disagreements(reports: &[Report], plans: &[Plan], files: &Files, diags: &mut Diagnostics) {
    let index: HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    // The entries of each task on each date, in report order.
    let mut seen: HashMap<DayTask, Vec<(usize, &Entry)>> = HashMap::new();
    for (ri, r) in reports.iter().enumerate() {
        for e in &r.entries {
            let earlier = seen.entry((r.date, e.plan, e.task)).or_default();
            for &(pi, prev) in earlier.iter() {
                // Two agencies' entries in one report: see `shared::conflicts`.
                if pi == ri {
                    continue;
                }
                let same = (prev.status, prev.progress, prev.completed)
                    == (e.status, e.progress, e.completed);
                if same || corrects(reports, &index, ri, pi) || corrects(reports, &index, pi, ri) {
                    continue;
                }
                let other = &reports[pi];
                let task = plans
                    .get(e.plan)
                    .and_then(|p| Some(format!("{}/{}", p.id, p.tasks.get(e.task)?.id)))
                    .unwrap_or_default();
                let here = match files.get(&r.id) {
                    Some(f) => Location::new(&f.path, e.line, 0),
                    None => Location::default(),
                };
                diags.push(
                    Diagnostic::error(
                        here,
                        format!(
                            "report {} says {} for task {task}, and report {} of the same date ({}) says {} (line {}): which one holds cannot be told",
                            r.id,
                            says(e),
                            other.id,
                            r.date,
                            says(prev),
                            prev.line
                        ),
                    )
                    .with_help(format!(
                        "if {} corrects {}, add `corrects: {}` to it (beside `date:`); otherwise make the two entries agree",
                        r.id, other.id, other.id
                    )),
                );
            }
            earlier.push((ri, e));
        }
    }
}
