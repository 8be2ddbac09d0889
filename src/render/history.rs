//! A task's state month by month, as its page tells it: for each archived
//! month, the state that month's snapshot showed (judged in one place:
//! [`crate::derive::Periods`]), a link to the task's frozen row in that
//! snapshot's table of its plan, and a citation of the task, that state and
//! that date, ready to copy.

use serde::Serialize;

use crate::derive::{Periods, TaskRef};
use crate::model::Model;

use super::cite::{state_citation, StateCited};
use super::edition::Edition;
use super::i18n::Locale;
use super::snapshot::Snapshot;
use super::task_ref::Locator;
use super::task_row::row_href;
use super::views::{PlanSummary, StateView};

/// The archived months a task page lists, computed once per build.
pub struct Months<'a> {
    /// The judgement of each month's snapshot.
    periods: Periods,
    /// The snapshots, in the order of `periods`.
    snaps: Vec<&'a Snapshot>,
    /// The site's own language: snapshots are in its words (paths, anchors).
    site: &'a Locale,
}

impl<'a> Months<'a> {
    /// The months of `snaps` whose report is dated on or before the
    /// model's as-of date.
    pub fn new(model: &Model, snaps: &'a [Snapshot], site: &'a Locale) -> Self {
        let snaps: Vec<&Snapshot> = snaps
            .iter()
            .filter(|s| {
                model
                    .reports
                    .get(s.report)
                    .is_some_and(|r| r.date <= model.site.as_of)
            })
            .collect();
        Months {
            periods: Periods::new(model, snaps.iter().map(|s| s.report).collect()),
            snaps,
            site,
        }
    }
}

/// One month of a task's history.
#[derive(Serialize)]
pub struct MonthState {
    /// The month, in the page's language.
    pub month: String,
    /// The report the month's snapshot follows, its date in the page's language.
    pub date: String,
    /// The task's state in that month's snapshot.
    pub state: StateView,
    /// The task's row in the snapshot, from the root of the output.
    pub href: String,
    /// The citation of the task, that state and that date.
    pub cite: String,
}

/// What a task's citations name besides its state.
pub struct Cited<'a> {
    /// The task's document.
    pub plan: &'a PlanSummary,
    /// Where the task sits in it.
    pub locator: &'a Locator,
    /// The task's heading.
    pub title: &'a str,
}

/// Task `r`'s state in each archived month, oldest first.
pub fn months(
    model: &Model,
    ed: &Edition,
    months: &Months,
    r: TaskRef,
    cited: &Cited,
) -> Vec<MonthState> {
    let l = &ed.locale;
    let standings = months.periods.standings(model, ed.derived, r);
    months
        .snaps
        .iter()
        .zip(standings)
        .filter_map(|(s, st)| {
            let rep = model.reports.get(s.report)?;
            let month = l
                .month(rep.year, rep.month)
                .unwrap_or_else(|_| format!("{:02}/{}", rep.month, rep.year));
            let href = format!("{}{}", s.root, row_href(months.site, ed.rows, model, r));
            let date = l.date_text(rep.date);
            let state = StateView::new(st.state, 1, l);
            let cite = state_citation(
                model,
                l,
                &StateCited {
                    plan: cited.plan,
                    locator: cited.locator,
                    title: cited.title,
                    state: &state.label,
                    as_of: &date,
                    url: &address(model, &href.replacen("index.html#", "#", 1)),
                },
            );
            Some(MonthState {
                month,
                date,
                state,
                href,
                cite,
            })
        })
        .collect()
}

/// A path of the output as a citation gives it: the full address with a
/// base URL, else from the root (`/ban-luu/…`).
pub fn address(model: &Model, path: &str) -> String {
    match &model.site.base_url {
        Some(b) => format!("{b}{path}"),
        None => format!("/{path}"),
    }
}
