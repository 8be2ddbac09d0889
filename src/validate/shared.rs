//! Tasks several agencies report on: who gave each entry (`reported_by:`),
//! whose forms a report compiles (`received:`), and the warning when two
//! agencies' entries for one task disagree (the lead's entry holds).

use std::collections::BTreeMap;

use crate::diagnostics::{short, Diagnostic, Diagnostics, Location};
use crate::load::raw::ReportFile;
use crate::model::report::{is_lead, lead_rank, Received, Report};
use crate::model::{AgencyId, Plan, Registry};

use super::report_order::Files;

/// The agency named by `reported_by:`, checked against the registry.
/// `Err` when it names no agency (the entry is then left out).
pub fn reporter(
    id: Option<&str>,
    registry: &Registry,
    at: Location,
    diags: &mut Diagnostics,
) -> Result<Option<AgencyId>, ()> {
    let Some(id) = id else { return Ok(None) };
    match registry.lookup_id(id) {
        Some(a) => Ok(Some(a.id.clone())),
        None => {
            diags.push(
                Diagnostic::error(
                    at,
                    format!("`reported_by` {:?} is not an agency id", short(id)),
                )
                .with_help("use an id from agencies.yaml (the id each form carries)"),
            );
            Err(())
        }
    }
}

/// The forms a report lists under `received:`; an unknown agency is an
/// error at its entry, a form listed twice a warning.
pub fn received(
    r: &ReportFile,
    registry: &Registry,
    at: &dyn Fn(&str) -> Location,
    diags: &mut Diagnostics,
) -> Vec<Received> {
    let mut out: Vec<Received> = Vec::new();
    for (i, x) in r.received.iter().enumerate() {
        let p = format!("received.{i}");
        let Some(a) = registry.lookup_id(&x.agency) else {
            diags.push(
                Diagnostic::error(
                    at(&format!("{p}.agency")),
                    format!("{:?} is not an agency id", short(&x.agency)),
                )
                .with_help("use an id from agencies.yaml"),
            );
            continue;
        };
        let date = x.date.unwrap_or(r.date);
        if !super::bounds::check_date(date, "the day received", at(&format!("{p}.date")), diags) {
            continue;
        }
        if out.iter().any(|o| o.agency == a.id) {
            diags.push(
                Diagnostic::warning(
                    at(&format!("{p}.agency")),
                    format!("the form of {:?} is listed twice", a.id.as_str()),
                )
                .with_help("list each agency's form once per report"),
            );
            continue;
        }
        out.push(Received {
            agency: a.id.clone(),
            date,
            file: x.file.clone(),
        });
    }
    out
}

/// Warns where two agencies' entries for one task in one report say
/// different things: the lead's entry sets the state (or, when none of
/// them leads, the last one), the other is shown beside it.
pub fn conflicts(
    out: &[Report],
    plans: &[Plan],
    registry: &Registry,
    files: &Files,
    diags: &mut Diagnostics,
) {
    for r in out {
        let Some(f) = files.get(&r.id) else { continue };
        let mut by_task: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, e) in r.entries.iter().enumerate() {
            by_task.entry((e.plan, e.task)).or_default().push(i);
        }
        for ((pi, ti), idx) in by_task.into_iter().filter(|(_, v)| v.len() > 1) {
            let Some(task) = plans.get(pi).and_then(|p| p.tasks.get(ti)) else {
                continue;
            };
            let lead = &task.lead.agencies;
            // The highest lead rank holds; of equals, the last entry (as
            // `derive` orders a task's history).
            let rank = |i: usize| {
                r.entries[i]
                    .reported_by
                    .as_ref()
                    .map_or(0, |a| lead_rank(registry, lead, a))
            };
            let holder = idx
                .iter()
                .copied()
                .enumerate()
                .max_by_key(|&(k, i)| (rank(i), k))
                .map_or(0, |(_, i)| i);
            let h = &r.entries[holder];
            let say = |e: &crate::model::report::Entry| {
                let mut s = e.status.key().to_string();
                if let Some(p) = e.progress {
                    s.push_str(&format!(", {p}%"));
                }
                if let Some(c) = e.completed {
                    s.push_str(&format!(", completed {c}"));
                }
                s
            };
            let who = |e: &crate::model::report::Entry| {
                e.reported_by
                    .as_ref()
                    .map_or("an unnamed agency".to_string(), |a| a.as_str().to_string())
            };
            for &i in idx.iter().filter(|&&i| i != holder) {
                let e = &r.entries[i];
                if (e.status, e.progress, e.completed) == (h.status, h.progress, h.completed) {
                    continue;
                }
                let holds = if h
                    .reported_by
                    .as_ref()
                    .is_some_and(|a| is_lead(registry, lead, a))
                {
                    "the lead's entry holds"
                } else {
                    "no lead agency reported it: the last entry holds"
                };
                diags.push(
                    Diagnostic::warning(
                        Location::new(&f.path, e.line, 0),
                        format!(
                            "{} reports {} on task {}/{}, but {} (line {}) reports {}: {holds}; the other is shown beside it on the task page",
                            who(e),
                            say(e),
                            plans[pi].id.as_str(),
                            task.id.as_str(),
                            who(h),
                            h.line,
                            say(h),
                        ),
                    )
                    .with_help("ask the two agencies to agree, or leave it: readers see both"),
                );
            }
        }
    }
}
