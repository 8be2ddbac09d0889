//! Report pages: the list of reports, what changed in each, and each task's
//! timeline across reports.

use chrono::Days;
use serde::Serialize;
use tera::Context;

use crate::derive::{Derived, TaskRef};
use crate::model::report::{Report, ReportKind};
use crate::model::Model;

use super::i18n::Locale;
use super::i18n::Paths;
use super::pages::{crumb, PageSpec};
use super::task_row::{self, TaskRow};
use super::urls::Route;
use super::views::{self, StateView};
use super::{split, urls};

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

/// A supporting document.
#[derive(Serialize)]
pub struct EvidenceView {
    number: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// One report entry of a task.
#[derive(Serialize)]
pub struct HistoryItem {
    /// The report.
    pub report: ReportLink,
    /// Status as reported, in the page's language.
    pub status: String,
    /// Progress.
    pub progress: Option<u8>,
    /// Completion date.
    pub completed: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Evidence.
    pub evidence: Vec<EvidenceView>,
    /// The agency whose form gave the entry, when known.
    pub reported_by: Option<crate::render::views::AgencyLink>,
    /// True when another agency's entry in the same report sets the state
    /// (the lead's): this one is shown beside it.
    pub beside: bool,
    /// True for entries of the report that sets the task's state now.
    pub latest: bool,
}

/// A task's entries across reports, oldest first.
pub fn history(model: &Model, d: &Derived, l: &Locale, r: TaskRef) -> Vec<HistoryItem> {
    d.history
        .get(&r)
        .map(|h| {
            h.iter()
                .enumerate()
                .map(|(k, &(ri, ei))| {
                    let rep = &model.reports[ri];
                    let e = &rep.entries[ei];
                    let beside = h.get(k + 1).is_some_and(|&(next, _)| next == ri);
                    let latest = h.last().is_some_and(|&(last, _)| last == ri);
                    HistoryItem {
                        reported_by: e
                            .reported_by
                            .as_ref()
                            .and_then(|a| model.registry.get(a))
                            .map(|a| crate::render::views::agency_link(a, d, l)),
                        beside,
                        latest,
                        report: link(rep, l),
                        status: reported(l, e.status),
                        progress: e.progress,
                        completed: e.completed.map(|x| l.date_text(x)),
                        note: e.note.clone(),
                        evidence: e
                            .evidence
                            .iter()
                            .map(|x| EvidenceView {
                                number: x.number.clone(),
                                date: x.date.map(|x| l.date_text(x)),
                                title: x.title.clone(),
                                url: x.url.clone(),
                                source: x.source.clone(),
                            })
                            .collect(),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
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

/// A reported status in the page's language.
fn reported(l: &Locale, s: crate::model::report::Reported) -> String {
    l.say(&format!("reported.{}", s.key()))
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

/// The reports index.
pub fn index(model: &Model, l: &Locale) -> PageSpec {
    let mut c = Context::new();
    let list: Vec<ReportLink> = model.reports.iter().rev().map(|r| link(r, l)).collect();
    c.insert("reports", &list);
    c.insert("crumbs", &[crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: urls::dir(l.paths(), &Route::Reports),
        template: "reports.html",
        title: l.say("page.reports"),
        description: None,
        context: c,
    }
}

#[derive(Serialize)]
struct EntryView {
    task: TaskRow,
    status: String,
    progress: Option<u8>,
}

#[derive(Serialize)]
struct Moved {
    task: TaskRow,
    from: Option<u8>,
    to: Option<u8>,
}

#[derive(Serialize)]
struct Noted {
    task: TaskRow,
    status: String,
    note: String,
}

/// The state of the site just before and just after report `k`.
pub fn around(model: &Model, k: usize) -> (Derived, Derived) {
    let rep = &model.reports[k];
    let after = Derived::at(model, rep.date, k + 1);
    (before(model, k, &after), after)
}

/// The state just before report `k`, for the first report (later ones
/// start from the state after the previous report). `like` lends the
/// indexes that do not depend on the date.
pub fn before_first(model: &Model, like: &Derived) -> Derived {
    let rep = &model.reports[0];
    let date = rep.date.checked_sub_days(Days::new(1)).unwrap_or(rep.date);
    Derived::at_with(model, date, 0, like)
}

fn before(model: &Model, k: usize, after: &Derived) -> Derived {
    match k {
        0 => before_first(model, after),
        _ => Derived::at_with(model, model.reports[k - 1].date, k, after),
    }
}

/// Numbers of tasks newly done and newly overdue from `before` to `after`.
pub fn changes(before: &Derived, after: &Derived) -> (usize, usize) {
    let mut done = 0;
    let mut overdue = 0;
    for (r, s) in after.standings.iter() {
        let b = before.standings[&r].state;
        done += usize::from(s.state.is_done() && !b.is_done());
        overdue += usize::from(s.state.is_overdue() && !b.is_overdue());
    }
    (done, overdue)
}

/// Numbers of tasks newly done and newly overdue with report `k`.
pub fn change_counts(model: &Model, k: usize) -> (usize, usize) {
    let (before, after) = around(model, k);
    changes(&before, &after)
}

/// What changed with one report, as task lists in page order; computed
/// once, then shown in parts.
pub struct ReportLists {
    /// Tasks done after the report and not before.
    pub newly_done: Vec<TaskRef>,
    /// Tasks overdue after the report and not before.
    pub newly_overdue: Vec<TaskRef>,
    /// Entries whose progress moved: task, from, to.
    pub moved: Vec<(TaskRef, Option<u8>, Option<u8>)>,
    /// Entries with a note, by entry index.
    pub noted: Vec<usize>,
}

impl ReportLists {
    /// The lists of report `k`, from the states just `before` and `after` it.
    pub fn new(model: &Model, k: usize, before: &Derived, after: &Derived) -> Self {
        let rep = &model.reports[k];
        let refs = crate::render::pages::all_refs(model);
        let newly = |f: fn(crate::derive::State) -> bool| -> Vec<TaskRef> {
            refs.iter()
                .filter(|r| f(after.standings[r].state) && !f(before.standings[r].state))
                .copied()
                .collect()
        };
        let mut moved = Vec::new();
        let mut noted = Vec::new();
        for (i, e) in rep.entries.iter().enumerate() {
            let r = TaskRef {
                plan: e.plan,
                task: e.task,
            };
            let prev = before
                .history
                .get(&r)
                .and_then(|h| h.last())
                .map(|&(ri, ei)| &model.reports[ri].entries[ei]);
            if prev.and_then(|p| p.progress) != e.progress && e.progress.is_some() {
                moved.push((r, prev.and_then(|p| p.progress), e.progress));
            }
            if e.note.is_some() {
                noted.push(i);
            }
        }
        ReportLists {
            newly_done: newly(|s| s.is_done()),
            newly_overdue: newly(|s| s.is_overdue()),
            moved,
            noted,
        }
    }

    /// Number of parts of the report page: every list is cut at the same
    /// rows, and the longest one sets the count.
    pub fn parts(&self, model: &Model, k: usize) -> usize {
        [
            self.newly_done.len(),
            self.newly_overdue.len(),
            self.moved.len(),
            self.noted.len(),
            model.reports[k].entries.len(),
        ]
        .into_iter()
        .map(split::part_count)
        .max()
        .unwrap_or(1)
    }
}

/// Part `part` of the page of report `k` (its snapshot, in the site's own
/// language, under the path words `shared`): its entries and what changed
/// since the previous report. Each list shows its rows of that part.
pub fn report(
    model: &Model,
    k: usize,
    lists: &ReportLists,
    after: &Derived,
    l: &Locale,
    shared: &Paths,
    part: usize,
) -> PageSpec {
    let rep = &model.reports[k];
    let refs = crate::render::pages::all_refs(model);
    let tv = |r: &TaskRef| task_row::row(model, after, l, *r);
    let newly_done: Vec<TaskRow> = split::slice(&lists.newly_done, part)
        .iter()
        .map(tv)
        .collect();
    let newly_overdue: Vec<TaskRow> = split::slice(&lists.newly_overdue, part)
        .iter()
        .map(tv)
        .collect();
    let moved: Vec<Moved> = split::slice(&lists.moved, part)
        .iter()
        .map(|(r, from, to)| Moved {
            task: tv(r),
            from: *from,
            to: *to,
        })
        .collect();
    let noted: Vec<Noted> = split::slice(&lists.noted, part)
        .iter()
        .map(|&i| {
            let e = &rep.entries[i];
            Noted {
                task: tv(&TaskRef {
                    plan: e.plan,
                    task: e.task,
                }),
                status: reported(l, e.status),
                note: e.note.clone().unwrap_or_default(),
            }
        })
        .collect();
    let parts = lists.parts(model, k);
    let mut c = Context::new();
    c.insert(
        "totals",
        &[
            lists.newly_done.len(),
            lists.newly_overdue.len(),
            lists.moved.len(),
            lists.noted.len(),
            rep.entries.len(),
        ],
    );
    c.insert(
        "parts",
        &split::parts_view(
            l.paths(),
            &report_dir(l.paths(), rep),
            parts * split::PART_ROWS,
            part,
        ),
    );
    let counts: Vec<StateView> = views::counts(after, l, refs.iter().copied());
    c.insert("report", &link(rep, l));
    c.insert("report_note", &rep.note);
    c.insert(
        "issuer",
        &rep.issuer
            .as_ref()
            .and_then(|i| model.registry.get(i))
            .map(|a| views::agency_link(a, after, l)),
    );
    c.insert("newly_done", &newly_done);
    c.insert("newly_overdue", &newly_overdue);
    c.insert("moved", &moved);
    c.insert("noted", &noted);
    c.insert("counts", &counts);
    c.insert(
        "entries",
        &split::slice(&rep.entries, part)
            .iter()
            .map(|e| {
                let r = TaskRef {
                    plan: e.plan,
                    task: e.task,
                };
                EntryView {
                    task: task_row::row(model, after, l, r),
                    status: reported(l, e.status),
                    progress: e.progress,
                }
            })
            .collect::<Vec<_>>(),
    );
    c.insert(
        "snapshot",
        &(rep.kind == ReportKind::Report).then(|| urls::href(&shared.archive_root(&rep.period()))),
    );
    c.insert(
        "crumbs",
        &[
            crumb(l.say("page.home"), ""),
            crumb(
                l.say("page.reports"),
                &urls::dir(l.paths(), &Route::Reports),
            ),
        ],
    );
    PageSpec {
        dir: l.paths().part_dir(&report_dir(l.paths(), rep), part),
        template: "report.html",
        title: format!(
            "{}{}",
            link(rep, l).title,
            crate::render::pages::part_suffix(l, part)
        ),
        description: None,
        context: c,
    }
}
