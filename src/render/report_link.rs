//! A report as the pages name it: its link in lists and banners, and which
//! report a page's states rest on (the "as of" banner's evidence).

use serde::Serialize;

use crate::derive::{Derived, TaskRef};
use crate::model::report::{Report, ReportKind};
use crate::model::Model;

use super::i18n::{Locale, Paths};
use super::urls::{self, Route};

/// Directory of a report page (`bao-cao/<id>/`).
pub fn report_dir(paths: &Paths, r: &Report) -> String {
    urls::dir(paths, &Route::Report(r.id.clone()))
}

/// A report in lists and banners.
#[derive(Serialize)]
pub struct ReportLink {
    /// File stem.
    pub id: String,
    /// `MM/YYYY`.
    pub period: String,
    /// Date `dd/mm/yyyy`.
    pub date: String,
    /// Title or kind.
    pub title: String,
    /// True for evidence records.
    pub evidence: bool,
    /// Number, verbatim.
    pub number: Option<String>,
    /// Link from the site root.
    pub href: String,
    /// Number of entries.
    pub entries: usize,
}

/// Builds the link of a report.
pub fn link(r: &Report, l: &Locale) -> ReportLink {
    let evidence = r.kind == ReportKind::Evidence;
    ReportLink {
        id: r.id.clone(),
        period: format!("{:02}/{}", r.month, r.year),
        date: l.date_text(r.date),
        title: r.title.clone().unwrap_or_else(|| {
            if evidence {
                l.say("report.evidence_title")
            } else {
                l.say_with(
                    "report.month_title",
                    &[("month", l.month(r.year, r.month).unwrap_or_default())],
                )
            }
        }),
        evidence,
        number: r.number.clone(),
        href: urls::href(&report_dir(l.paths(), r)),
        entries: r.entries.len(),
    }
}

/// The newest report taken into account, for the banner of site-wide pages
/// (home, statuses, calendars, lists): they show every task.
pub fn basis(model: &Model, d: &Derived, l: &Locale) -> Option<ReportLink> {
    model.reports[..d.reports_used]
        .iter()
        .rev()
        .find(|r| r.date <= d.as_of)
        .map(|r| link(r, l))
}

/// The newest report among the latest entries of `refs`, for the banner of
/// a page that shows only those tasks (a task, a plan, an agency): the page
/// names the evidence it uses, so a report on other tasks leaves it as it is.
/// `None` when none of them has a report yet.
pub fn basis_of(
    model: &Model,
    d: &Derived,
    l: &Locale,
    refs: impl IntoIterator<Item = TaskRef>,
) -> Option<ReportLink> {
    refs.into_iter()
        .filter_map(|r| d.history.get(&r).and_then(|h| h.last()).map(|&(ri, _)| ri))
        .filter_map(|ri| model.reports.get(ri).map(|rep| ((rep.date, ri), rep)))
        .max_by_key(|(k, _)| *k)
        .map(|(_, rep)| link(rep, l))
}
