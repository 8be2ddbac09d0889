//! Site-wide pages: home, statuses, charts, open data, search.

use serde::Serialize;
use tera::Context;

use crate::derive::shares::reading_order;
use crate::derive::{State, Summary, TaskRef};
use crate::model::Model;

use super::{all_refs, crumb, PageSpec};
use crate::render::edition::Edition;
use crate::render::i18n::Locale;
use crate::render::i18n::Paths;
use crate::render::split;
use crate::render::task_row::{Rows, TaskRow};
use crate::render::urls::{self, Route};
use crate::render::views::{self, AgencyLink, PlanSummary, StateView};

/// The home page.
pub fn home(model: &Model, ed: &Edition) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let mut c = Context::new();
    let plans: Vec<PlanSummary> = (0..model.plans.len())
        .map(|pi| ed.plan_summary(pi))
        .collect();
    let refs = all_refs(model);
    let cards = Rows::of(model, ed);
    let upcoming: Vec<TaskRow> = d.upcoming.iter().take(10).map(|r| cards.row(*r)).collect();
    let past: Vec<TaskRow> = d
        .past_deadline
        .iter()
        .take(10)
        .map(|r| cards.row(*r))
        .collect();
    c.insert("plans", &plans);
    c.insert("task_total", &refs.len());
    c.insert("summary", &crate::render::summary::summary(d, l, &refs));
    c.insert(
        "overdue_total",
        &refs
            .iter()
            .filter(|r| d.standings.get(r).is_some_and(|s| s.state.is_overdue()))
            .count(),
    );
    let progress: Vec<PlanProgress> = model
        .plans
        .iter()
        .enumerate()
        .map(|(pi, p)| PlanProgress::new(ed, &super::plan_refs(model, pi), p.id.as_str()))
        .collect();
    c.insert("plan_progress", &progress);
    c.insert(
        "reporting_count",
        &crate::render::reporting::count(model, d, l),
    );
    let stale = d.stale_evidence(model.site.reporting_period_months);
    c.insert("stale", &stale.is_some());
    c.insert("stale_since", &stale.flatten().map(|x| l.date_text(x)));
    c.insert(
        "stale_days",
        &stale.flatten().map(|x| (d.as_of - x).num_days()),
    );
    c.insert(
        "reporting_period_months",
        &model.site.reporting_period_months,
    );
    c.insert("upcoming", &upcoming);
    c.insert("past_deadline", &past);
    c.insert("past_deadline_total", &d.past_deadline.len());
    c.insert("agency_total", &model.registry.all().len());
    PageSpec {
        dir: String::new(),
        template: "home.html",
        title: l.say("page.home"),
        description: None,
        context: c,
    }
}

/// How far a plan has come: tasks done and overdue, with shares, and
/// where each count's list is.
#[derive(Serialize)]
struct PlanProgress {
    total: usize,
    done: usize,
    overdue: usize,
    done_pct: String,
    overdue_pct: String,
    done_share: f64,
    overdue_share: f64,
    /// The lists of the done and the overdue tasks, from the edition's
    /// root (none when the status page is split).
    done_href: Option<String>,
    overdue_href: Option<String>,
}

impl PlanProgress {
    fn new(ed: &Edition, refs: &[TaskRef], plan_id: &str) -> Self {
        let (d, l) = (ed.derived, &ed.locale);
        let total = refs.len();
        let count = |g: Summary| {
            refs.iter()
                .filter(|r| {
                    d.standings
                        .get(r)
                        .is_some_and(|s| Summary::of(s.state) == g)
                })
                .count()
        };
        let (done, overdue) = (count(Summary::Done), count(Summary::Overdue));
        let share = |n: usize| {
            if total == 0 {
                0.0
            } else {
                (n as f64 * 1000.0 / total as f64).round() / 10.0
            }
        };
        PlanProgress {
            total,
            done,
            overdue,
            done_pct: l.percent(share(done)),
            overdue_pct: l.percent(share(overdue)),
            done_share: share(done),
            overdue_share: share(overdue),
            done_href: group_plan_href(ed, Summary::Done, plan_id),
            overdue_href: group_plan_href(ed, Summary::Overdue, plan_id),
        }
    }
}

/// The charts page.
pub fn charts(charts: &[crate::render::charts::Chart], l: &Locale) -> PageSpec {
    let mut c = Context::new();
    c.insert("charts", charts);
    c.insert("crumbs", &[crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: urls::dir(l.paths(), &Route::Charts),
        template: "charts.html",
        title: l.say("page.charts"),
        description: Some(l.say("page.charts_description")),
        context: c,
    }
}

/// A column of the data dictionary.
#[derive(Serialize)]
struct Column {
    name: &'static str,
    meaning: String,
}

/// The open-data page: every download with its size, grouped (whole site,
/// per plan, per agency, per chart), and the dictionary.
pub fn data(
    model: &Model,
    downloads: &[crate::render::data::Download],
    charts: &[crate::render::charts::Chart],
    l: &Locale,
) -> PageSpec {
    let mut c = Context::new();
    let mut all = downloads.to_vec();
    all.extend(charts.iter().map(|ch| crate::render::data::Download {
        label: ch.title.clone(),
        of: None,
        href: l.paths().chart_file(&ch.csv),
        bytes: crate::render::data::chart_csv(model, &ch.headers, &ch.rows).len(),
        format: "CSV",
        section: "charts",
    }));
    // Past a part's rows, each agency's files are listed on its own page
    // only, so the data page stays light on a national site.
    let per_agency = all.iter().filter(|d| d.section == "agencies").count();
    let agencies_apart = split::is_split(per_agency);
    for section in ["site", "plans", "agencies", "charts"] {
        let list: Vec<&crate::render::data::Download> = all
            .iter()
            .filter(|d| d.section == section)
            .filter(|_| !(agencies_apart && section == "agencies"))
            .collect();
        c.insert(format!("downloads_{section}"), &list);
    }
    c.insert("agencies_apart", &agencies_apart);
    c.insert("agency_files", &per_agency);
    c.insert(
        "columns",
        &crate::render::task_record::COLUMNS
            .iter()
            .map(|name| Column {
                name,
                meaning: crate::render::task_record::column_meaning(l, name),
            })
            .collect::<Vec<_>>(),
    );
    c.insert("crumbs", &[crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: urls::dir(l.paths(), &Route::Data),
        template: "data.html",
        title: l.say("page.data"),
        description: Some(l.say("page.data_description")),
        context: c,
    }
}

/// The search page: a search box (with JavaScript) over plain lists of
/// every agency and plan (without it).
pub fn search(model: &Model, ed: &Edition) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let mut c = Context::new();
    let plans: Vec<PlanSummary> = (0..model.plans.len())
        .map(|pi| ed.plan_summary(pi))
        .collect();
    let mut agencies: Vec<AgencyLink> = model
        .registry
        .all()
        .iter()
        .map(|a| views::agency_link(a, d, l))
        .collect();
    agencies.sort_by_key(|a| a.name.to_lowercase());
    c.insert("plans", &plans);
    c.insert("agencies", &agencies);
    // The page's own form is its one search landmark: the header has none.
    c.insert("search_page", &true);
    c.insert("crumbs", &[crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: urls::dir(l.paths(), &Route::Search),
        template: "search.html",
        title: l.say("page.search"),
        description: Some(l.say("page.search_description")),
        context: c,
    }
}

/// One state's tasks by plan, on a split status page.
#[derive(Serialize)]
struct StateSection {
    state: StateView,
    /// The plans with tasks in this state, each linking to its list.
    plans: Vec<PlanCount>,
}

/// The tasks of one plan in one plain group, on the status page: the
/// list every count of that plan in that group links to.
#[derive(Serialize)]
struct PlanBlock {
    /// Its anchor (see [`group_plan_anchor`]).
    anchor: String,
    label: String,
    title: String,
    href: String,
    count: usize,
    tasks: Vec<TaskRow>,
}

/// One plain group of the status page: its tasks by plan (or, when the
/// page is split, its states' counts by plan).
#[derive(Serialize)]
struct SummarySection {
    key: &'static str,
    label: String,
    count: usize,
    plans: Vec<PlanBlock>,
    states: Vec<StateSection>,
}

/// A plan's number of tasks in one state, linking to that list.
#[derive(Serialize)]
struct PlanCount {
    label: String,
    title: String,
    count: usize,
    href: String,
}

/// Directory of the list of one state (`tinh-trang/<state>/<plan>/`).
pub fn status_dir(paths: &Paths, state: State, plan_id: &str) -> String {
    urls::dir(
        paths,
        &Route::StatusPart(state.key().to_string(), plan_id.to_string()),
    )
}

/// The anchor, on the status page, of a plan's tasks in plain group `g`
/// (`qua-han-114-kh-bcd-2025`).
pub fn group_plan_anchor(l: &Locale, g: Summary, plan_id: &str) -> String {
    format!("{}-{plan_id}", l.say(&format!("anchor_group.{}", g.key())))
}

/// Where a count of plan `plan_id`'s tasks in group `g` links, from the
/// root of an edition: their list on the status page. `None` when the
/// status page is split (its lists are by state and plan).
pub fn group_plan_href(ed: &Edition, g: Summary, plan_id: &str) -> Option<String> {
    (!ed.status.split).then(|| {
        format!(
            "{}#{}",
            urls::href(&urls::dir(ed.paths(), &Route::Status)),
            group_plan_anchor(&ed.locale, g, plan_id)
        )
    })
}

/// Every task, by plain group then plan, as of the edition's date. Past
/// [`split::PART_ROWS`] tasks, the page gives each group's states' counts
/// by plan, each linking to its list (in a snapshot, to the plan's
/// archived table).
pub fn status(model: &Model, ed: &Edition) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let st = &ed.status;
    let cards = Rows::of(model, ed);
    let split_state = |s: State| -> StateSection {
        let si = s.index();
        StateSection {
            state: StateView::new(s, st.by_state.get(si).map_or(0, |(_, v)| v.len()), l),
            plans: st.by_plan[si]
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_empty())
                .map(|(pi, v)| {
                    let p = &model.plans[pi];
                    PlanCount {
                        label: p.label(),
                        title: p.title.clone(),
                        count: v.len(),
                        // A snapshot has no lists by state and plan:
                        // its plan table shows each task's state.
                        href: urls::href(&if ed.is_snapshot() {
                            l.paths().plan(p.id.as_str())
                        } else {
                            status_dir(l.paths(), s, p.id.as_str())
                        }),
                    }
                })
                .collect(),
        }
    };
    let groups: Vec<SummarySection> = Summary::ALL
        .iter()
        .map(|&g| {
            let mut per: Vec<Vec<TaskRef>> = vec![Vec::new(); model.plans.len()];
            let mut count = 0;
            for s in g.states() {
                let list = st.by_state.get(s.index()).map_or(&[][..], |(_, v)| v);
                count += list.len();
                if !st.split {
                    for r in list {
                        per[r.plan].push(*r);
                    }
                }
            }
            let plans = per
                .into_iter()
                .enumerate()
                .filter(|(_, v)| !v.is_empty())
                .map(|(pi, mut v)| {
                    reading_order(g, &d.standings, &mut v, |r| *r);
                    let p = &model.plans[pi];
                    PlanBlock {
                        anchor: group_plan_anchor(l, g, p.id.as_str()),
                        label: p.label(),
                        title: p.title.clone(),
                        href: urls::href(&l.paths().plan(p.id.as_str())),
                        count: v.len(),
                        tasks: v.iter().map(|r| cards.row(*r)).collect(),
                    }
                })
                .collect();
            SummarySection {
                key: g.key(),
                label: l.say(&format!("summary.{}", g.key())),
                count,
                plans,
                states: if st.split {
                    g.states()
                        .map(split_state)
                        .filter(|x| x.state.count > 0)
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let mut c = Context::new();
    c.insert("groups", &groups);
    c.insert("split", &st.split);
    c.insert("crumbs", &[crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: urls::dir(l.paths(), &Route::Status),
        template: "status.html",
        title: l.say("page.status"),
        description: None,
        context: c,
    }
}

/// Part `part` of the tasks of plan `pi` in state number `si` of
/// [`State::ALL`], when the status page is split.
pub fn status_part(model: &Model, ed: &Edition, si: usize, pi: usize, part: usize) -> PageSpec {
    let l = &ed.locale;
    let (state, _) = ed.status.by_state[si];
    let list: &[TaskRef] = ed
        .status
        .by_plan
        .get(si)
        .and_then(|v| v.get(pi))
        .map_or(&[], Vec::as_slice);
    let p = &model.plans[pi];
    let base = status_dir(l.paths(), state, p.id.as_str());
    let cards = Rows::of(model, ed);
    let tasks: Vec<TaskRow> = split::slice(list, part)
        .iter()
        .map(|r| cards.row(*r))
        .collect();
    let mut c = Context::new();
    c.insert("state", &StateView::new(state, list.len(), l));
    c.insert("plan", &ed.plan_summary(pi));
    c.insert("tasks", &tasks);
    c.insert(
        "parts",
        &split::parts_view(l.paths(), &base, list.len(), part),
    );
    c.insert(
        "crumbs",
        &[
            crumb(l.say("page.home"), ""),
            crumb(
                l.say("page.status_crumb"),
                &urls::dir(l.paths(), &Route::Status),
            ),
        ],
    );
    let suffix = super::part_suffix(l, part);
    PageSpec {
        dir: l.paths().part_dir(&base, part),
        template: "status_part.html",
        title: format!("{} — {}{suffix}", l.state_label(state), p.label()),
        description: None,
        context: c,
    }
}
