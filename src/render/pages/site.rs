//! Site-wide pages: home, statuses, charts, open data, search.

use serde::Serialize;
use tera::Context;

use crate::derive::{Derived, State, TaskRef};
use crate::model::Model;

use super::{all_refs, crumb, PageSpec};
use crate::render::edition::Edition;
use crate::render::i18n::Locale;
use crate::render::i18n::Paths;
use crate::render::split;
use crate::render::task_row::{self, TaskRow};
use crate::render::urls::{self, Route};
use crate::render::views::{self, AgencyLink, PlanSummary, StateView, TaskView};

/// The home page.
pub fn home(model: &Model, ed: &Edition) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let mut c = Context::new();
    let plans: Vec<PlanSummary> = (0..model.plans.len())
        .map(|pi| ed.plan_summary(pi))
        .collect();
    let refs = all_refs(model);
    let upcoming: Vec<TaskView> = d
        .upcoming
        .iter()
        .take(10)
        .map(|r| views::task(model, d, l, *r))
        .collect();
    let past: Vec<TaskView> = d
        .past_deadline
        .iter()
        .take(10)
        .map(|r| views::task(model, d, l, *r))
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
    let progress: Vec<PlanProgress> = (0..model.plans.len())
        .map(|pi| PlanProgress::new(d, l, &super::plan_refs(model, pi)))
        .collect();
    c.insert("plan_progress", &progress);
    c.insert("counts", &views::partition_counts(d, l));
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
    c.insert(
        "overdue_parts",
        &[State::OpenOverdue, State::PastDeadline]
            .iter()
            .map(|s| StateView::new(*s, d.partition.count(*s), l))
            .filter(|v| v.count > 0)
            .collect::<Vec<_>>(),
    );
    c.insert("agency_total", &model.registry.all().len());
    PageSpec {
        dir: String::new(),
        template: "home.html",
        title: l.say("page.home"),
        description: None,
        context: c,
    }
}

/// How far a plan has come: tasks done and overdue, with shares.
#[derive(Serialize)]
struct PlanProgress {
    total: usize,
    done: usize,
    overdue: usize,
    done_pct: String,
    overdue_pct: String,
    done_share: f64,
    overdue_share: f64,
}

impl PlanProgress {
    fn new(d: &Derived, l: &Locale, refs: &[TaskRef]) -> Self {
        let total = refs.len();
        let count = |f: fn(&State) -> bool| {
            refs.iter()
                .filter(|r| d.standings.get(r).is_some_and(|s| f(&s.state)))
                .count()
        };
        let (done, overdue) = (count(State::is_done), count(State::is_overdue));
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
        &crate::render::data::COLUMNS
            .iter()
            .map(|name| Column {
                name,
                meaning: crate::render::data::column_meaning(l, name),
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
    c.insert("crumbs", &[crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: urls::dir(l.paths(), &Route::Search),
        template: "search.html",
        title: l.say("page.search"),
        description: Some(l.say("page.search_description")),
        context: c,
    }
}

/// A list of tasks in one state.
#[derive(Serialize)]
struct StateSection {
    state: StateView,
    tasks: Vec<TaskRow>,
    /// When the page is split: the plans with tasks in this state.
    plans: Vec<PlanCount>,
}

/// One plain group of the status page and its detailed states.
#[derive(Serialize)]
struct SummarySection {
    key: &'static str,
    label: String,
    count: usize,
    sections: Vec<StateSection>,
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

/// Every task, by state as of the edition's date. Past [`split::PART_ROWS`]
/// tasks, the page gives counts by state and plan, each linking to its list
/// (in a snapshot, to the plan's archived table).
pub fn status(model: &Model, ed: &Edition) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let st = &ed.status;
    let section = |s: State| -> StateSection {
        let si = State::ALL.iter().position(|x| *x == s).unwrap_or(0);
        let tasks: &[TaskRef] = st.by_state.get(si).map_or(&[], |(_, v)| v.as_slice());
        StateSection {
            state: StateView::new(s, tasks.len(), l),
            tasks: if st.split {
                Vec::new()
            } else {
                tasks
                    .iter()
                    .map(|r| task_row::row(model, d, l, *r))
                    .collect()
            },
            plans: if st.split {
                st.by_plan[si]
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
                    .collect()
            } else {
                Vec::new()
            },
        }
    };
    let groups: Vec<SummarySection> = crate::derive::Summary::ALL
        .iter()
        .map(|g| {
            let sections: Vec<StateSection> = g
                .states()
                .map(section)
                .filter(|x| x.state.count > 0)
                .collect();
            SummarySection {
                key: g.key(),
                label: l.say(&format!("summary.{}", g.key())),
                count: sections.iter().map(|x| x.state.count).sum(),
                sections,
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
    let (d, l) = (ed.derived, &ed.locale);
    let (state, _) = ed.status.by_state[si];
    let list: &[TaskRef] = ed
        .status
        .by_plan
        .get(si)
        .and_then(|v| v.get(pi))
        .map_or(&[], Vec::as_slice);
    let p = &model.plans[pi];
    let base = status_dir(l.paths(), state, p.id.as_str());
    let tasks: Vec<TaskRow> = split::slice(list, part)
        .iter()
        .map(|r| task_row::row(model, d, l, *r))
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
