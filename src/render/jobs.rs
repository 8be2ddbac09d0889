//! Page jobs: which pages an edition has, as small descriptions enumerated
//! up front; each is turned into a [`PageSpec`] only when its turn comes,
//! so no more than a batch of page contexts ever exists at once.

use crate::derive::TaskRef;
use crate::model::Model;

use super::calendar;
use super::charts::Chart;
use super::data::Download;
use super::edition::Edition;
use super::page::PageSpec;
use super::{pages, reports, split};

/// One page of an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `/`.
    Home,
    /// `/bieu-do/`.
    Charts,
    /// `/du-lieu/`.
    Data,
    /// `/tim-kiem/`.
    Search,
    /// `/ke-hoach/`.
    Plans,
    /// `/co-quan/` and its later parts: part.
    Agencies(usize),
    /// `/bao-cao/`.
    Reports,
    /// `/lich/` and its later parts: part.
    Calendar(usize),
    /// `/lich/YYYY-MM/` and its later parts: year, month, part.
    Month(i32, u32, usize),
    /// `/tinh-trang/`.
    Status,
    /// Part of a state's tasks in one plan: state index, plan, part.
    StatusPart(usize, usize, usize),
    /// A plan page (part 1) or a later part of its table: plan, part.
    Plan(usize, usize),
    /// A task page.
    Task(TaskRef),
    /// An agency page, by registry index.
    Agency(usize),
    /// Part of an agency's tasks in one plan: agency, index into its
    /// plans, part.
    AgencyPlan(usize, usize, usize),
}

impl PageKind {
    /// True for pages that exist in every edition at the same path, so the
    /// live page can link to its archived copies.
    pub fn archived(self) -> bool {
        matches!(
            self,
            PageKind::Home
                | PageKind::Plans
                | PageKind::Agencies(1)
                | PageKind::Status
                | PageKind::Plan(_, 1)
        )
    }

    /// True for the pages a snapshot has none of: one task's or one
    /// agency's (its lists link to the live ones, whose report history shows
    /// every month), and the lists by state and plan (its status page links
    /// to the plans' archived tables, which show each task's state). So a
    /// snapshot costs its lists, not a copy of the site.
    pub fn live_only(self) -> bool {
        matches!(
            self,
            PageKind::Task(_)
                | PageKind::Agency(_)
                | PageKind::AgencyPlan(..)
                | PageKind::StatusPart(..)
        )
    }
}

/// The pages of an edition, in a fixed order. A snapshot has only the
/// lists as of its month: home, statuses, plans and the agencies index.
pub fn enumerate(model: &Model, ed: &Edition, months: &[(i32, u32)]) -> Vec<PageKind> {
    let mut v = every_page(model, ed, months);
    if ed.is_snapshot() {
        v.retain(|k| !k.live_only());
    }
    v
}

fn every_page(model: &Model, ed: &Edition, months: &[(i32, u32)]) -> Vec<PageKind> {
    let mut v = vec![PageKind::Home];
    if !ed.is_snapshot() {
        v.extend([
            PageKind::Charts,
            PageKind::Data,
            PageKind::Search,
            PageKind::Reports,
        ]);
        v.extend((1..=calendar::index_parts(ed.derived)).map(PageKind::Calendar));
        for &(y, m) in months {
            v.extend(
                (1..=calendar::month_parts(ed.derived, (y, m))).map(|p| PageKind::Month(y, m, p)),
            );
        }
    }
    v.push(PageKind::Plans);
    v.extend((1..=split::part_count(model.registry.all().len())).map(PageKind::Agencies));
    v.push(PageKind::Status);
    if ed.status.split {
        for (si, per) in ed.status.by_plan.iter().enumerate() {
            for (pi, list) in per.iter().enumerate() {
                if !list.is_empty() {
                    for part in 1..=split::part_count(list.len()) {
                        v.push(PageKind::StatusPart(si, pi, part));
                    }
                }
            }
        }
    }
    for (pi, p) in model.plans.iter().enumerate() {
        for part in 1..=split::part_count(p.tasks.len()) {
            v.push(PageKind::Plan(pi, part));
        }
        v.extend((0..p.tasks.len()).map(|ti| PageKind::Task(TaskRef { plan: pi, task: ti })));
    }
    for (ai, lists) in ed.agencies.iter().enumerate() {
        v.push(PageKind::Agency(ai));
        for (k, (_, items)) in lists.by_plan.iter().enumerate() {
            let n = items.len();
            for part in 1..=split::part_count(n) {
                v.push(PageKind::AgencyPlan(ai, k, part));
            }
        }
    }
    v
}

/// What site-wide pages need besides the edition: computed once per build.
pub struct SiteParts<'a> {
    /// Charts, for the home and charts pages.
    pub charts: &'a [Chart],
    /// Downloads with their sizes, for the data page.
    pub downloads: &'a [Download],
    /// Every month of the calendar.
    pub months: &'a [(i32, u32)],
    /// The agencies index's rows, as of the edition.
    pub ranking: &'a pages::late::Ranking,
    /// The archived months a task page tells its states in.
    pub task_months: &'a super::history::Months<'a>,
}

/// Builds the page of one job, with the evidence its banner names.
pub fn build(model: &Model, ed: &Edition, site: &SiteParts, kind: PageKind) -> PageSpec {
    let mut spec = page(model, ed, site, kind);
    if let Some(refs) = shown_tasks(model, ed, kind) {
        let basis = reports::basis_of(model, ed.derived, &ed.locale, refs);
        spec.context.insert("basis", &basis);
        spec.context.insert("basis_of_tasks", &true);
    }
    spec
}

/// The tasks a page of one task, plan, agency, calendar month or list by
/// state and plan shows (its counts included: a plan's parts and lists
/// show the plan's counts); `None` for site-wide pages, which show every
/// task. A page's banner names the newest report among these, so adding a
/// report rewrites only the pages of the tasks it reports on.
fn shown_tasks(model: &Model, ed: &Edition, kind: PageKind) -> Option<Vec<TaskRef>> {
    match kind {
        PageKind::Task(r) => Some(vec![r]),
        PageKind::Plan(pi, _) | PageKind::StatusPart(_, pi, _) => Some(pages::plan_refs(model, pi)),
        PageKind::Month(y, m, _) => {
            let cal = &ed.derived.calendar;
            let occs = cal.months.get(&(y, m)).map_or(&[][..], Vec::as_slice);
            Some(
                occs.iter()
                    .filter_map(|o| match cal.series.get(o.series)?.source {
                        crate::derive::calendar::Source::Task(r) => Some(r),
                        crate::derive::calendar::Source::Duty(..) => None,
                    })
                    .collect(),
            )
        }
        PageKind::Agency(ai) | PageKind::AgencyPlan(ai, _, _) => {
            let id = &model.registry.all().get(ai)?.id;
            Some(
                ed.derived
                    .by_agency
                    .get(id)
                    .map(|t| t.refs().collect())
                    .unwrap_or_default(),
            )
        }
        _ => None,
    }
}

/// The address of the charts page, as citations give it.
fn charts_address(model: &Model, ed: &Edition) -> String {
    super::history::address(
        model,
        &format!(
            "{}{}",
            ed.lang.root,
            super::urls::dir(ed.paths(), &super::urls::Route::Charts)
        ),
    )
}

fn page(model: &Model, ed: &Edition, site: &SiteParts, kind: PageKind) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    match kind {
        PageKind::Home => {
            let mut home = pages::home(model, ed);
            if !ed.is_snapshot() {
                home.context
                    .insert("charts_address", &charts_address(model, ed));
                home.context.insert("chart", &site.charts.first());
                home.context.insert("top_late", &site.ranking.top_late(5));
            }
            home
        }
        PageKind::Charts => {
            let mut charts = pages::charts(site.charts, l);
            charts
                .context
                .insert("charts_address", &charts_address(model, ed));
            charts
        }
        PageKind::Data => pages::data(model, site.downloads, site.charts, l),
        PageKind::Search => pages::search(model, ed),
        PageKind::Plans => pages::plans(model, ed),
        PageKind::Agencies(part) => pages::agencies(site.ranking, l, part),
        PageKind::Reports => reports::index(model, l),
        PageKind::Calendar(part) => calendar::index(model, d, l, ed.rows, site.months, part),
        PageKind::Month(y, m, part) => calendar::month(model, d, l, (y, m), site.months, part),
        PageKind::Status => pages::status(model, ed),
        PageKind::StatusPart(si, pi, part) => pages::status_part(model, ed, si, pi, part),
        PageKind::Plan(pi, 1) => pages::plan(model, ed, pi),
        PageKind::Plan(pi, part) => pages::plan_part(model, ed, pi, part),
        PageKind::Task(r) => pages::task(model, ed, r, site.task_months),
        PageKind::Agency(ai) => pages::agency(model, ed, ai),
        PageKind::AgencyPlan(ai, k, part) => pages::agency_plan(model, ed, ai, k, part),
    }
}
