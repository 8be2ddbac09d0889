//! Report pages: the list of reports, what changed in each, and each task's
//! timeline across reports.

use chrono::Days;
use serde::Serialize;
use tera::Context;

use crate::derive::{Derived, TaskRef};
use crate::model::report::ReportKind;
use crate::model::Model;

use super::i18n::Locale;
use super::lists::PlanRows;
use super::pages::{crumb, PageSpec};
pub use super::report_link::{basis, basis_of, link, report_dir, ReportLink};
use super::task_row::{Rows, TaskRow};
use super::urls::Route;
use super::views;
use super::{split, urls};

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

/// A reported status in the page's language.
fn reported(l: &Locale, s: crate::model::report::Reported) -> String {
    l.say(&format!("reported.{}", s.key()))
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

/// A plain group's count after a report.
#[derive(Serialize)]
struct GroupCount {
    key: &'static str,
    anchor: String,
    label: String,
    count: usize,
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

/// Where a report page stands: its words, and the snapshot its counts
/// link to (in the site's own language, whose words are `site`: snapshots
/// are not translated), when the report is its month's last.
pub struct ReportPlace<'a> {
    /// The words of the page.
    pub l: &'a Locale,
    /// The words of the site's own language (its snapshots' anchors and paths).
    pub site: &'a Locale,
    /// Each plan's rows (where each task sits).
    pub rows: &'a PlanRows,
    /// True when the month's snapshot shows the state after this report.
    pub snapshot_is_this: bool,
}

/// Part `part` of the page of report `k`: its entries, the state after it
/// (linking to the lists of its month's snapshot) and what changed since
/// the previous report. Each list shows its rows of that part.
pub fn report(
    model: &Model,
    k: usize,
    lists: &ReportLists,
    after: &Derived,
    at: &ReportPlace,
    part: usize,
) -> PageSpec {
    let (l, shared) = (at.l, at.site.paths());
    let rep = &model.reports[k];
    let refs = crate::render::pages::all_refs(model);
    let cards = Rows::live(model, after, l, at.rows);
    let tv = |r: &TaskRef| cards.row(*r);
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
    let summary: Vec<GroupCount> = crate::render::summary::summary(after, l, &refs)
        .into_iter()
        .map(|g| GroupCount {
            anchor: at.site.say(&format!("anchor_group.{}", g.key)),
            key: g.key,
            label: g.label,
            count: g.count,
        })
        .collect();
    c.insert("summary", &summary);
    let snapshot_status = (rep.kind == ReportKind::Report && at.snapshot_is_this).then(|| {
        format!(
            "{}{}",
            shared.archive_root(&rep.period()),
            urls::href(&urls::dir(shared, &Route::Status))
        )
    });
    c.insert("snapshot_status", &snapshot_status);
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
                    task: cards.row(r),
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
