//! Indexes over the model: each task's standing, the partition of tasks by
//! state, each agency's tasks, and the site-wide lists of upcoming and
//! overdue tasks (both read from the partition).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{AgencyId, Model};

use super::partition::Partition;
use super::responsibility::{agency_tasks, AgencyTasks, Memberships};
use super::status::{standing, Latest, Standing, State};
use super::task_map::TaskMap;

/// A task, addressed by plan and task index in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskRef {
    /// Index into `Model::plans`.
    pub plan: usize,
    /// Index into `Plan::tasks`.
    pub task: usize,
}

/// Everything derived from the model for rendering.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Standing of every task.
    pub standings: TaskMap<Standing>,
    /// Every task in exactly one state: the source of every count by state.
    pub partition: Partition,
    /// Tasks of each agency (one definition: see [`super::responsibility`]).
    /// Like the three fields after it, it depends on the model only, not on
    /// the date: the editions of one build share it.
    pub by_agency: Arc<HashMap<AgencyId, AgencyTasks>>,
    /// Groups containing each agency at any depth, and each group's members.
    pub memberships: Arc<Memberships>,
    /// Groups each agency is a direct member of.
    pub groups_of: Arc<HashMap<AgencyId, Vec<AgencyId>>>,
    /// Bodies merged into each agency.
    pub predecessors: Arc<HashMap<AgencyId, Vec<AgencyId>>>,
    /// Tasks with a dated deadline still ahead, nearest first.
    pub upcoming: Vec<TaskRef>,
    /// Tasks past their deadline and not done, most recent deadline first.
    pub past_deadline: Vec<TaskRef>,
    /// Deadlines and reporting duties by date (shared between the editions
    /// of one build: it depends on the model only, not on the date).
    pub calendar: Arc<super::Calendar>,
    /// Every report entry of each task, oldest first: (report, entry) indexes.
    pub history: TaskMap<Vec<(usize, usize)>>,
    /// Every report entry of each task in every report, whatever its date,
    /// in report order: what each month's state is judged from (shared by
    /// the editions of one build, like the calendar).
    pub entries: Arc<TaskMap<Vec<(usize, usize)>>>,
    /// Number of reports taken into account (those dated on or before the as-of date).
    pub reports_used: usize,
    /// Date of the newest report or evidence taken into account.
    pub newest_evidence: Option<NaiveDate>,
    /// The date everything was judged at.
    pub as_of: NaiveDate,
    /// Who sent a form for the latest reporting period.
    pub reporting: super::Reporting,
}

impl Derived {
    /// Computes every index as of the model's as-of date, with all reports.
    pub fn new(model: &Model) -> Self {
        Derived::at(model, model.site.as_of, model.reports.len())
    }

    /// Computes every index as of `as_of`, taking into account only the
    /// first `upto` reports (those dated on or before `as_of`).
    pub fn at(model: &Model, as_of: NaiveDate, upto: usize) -> Self {
        Derived::at_with(model, as_of, upto, &Derived::undated(model))
    }

    /// The indexes that depend on the model only (calendar, agencies'
    /// tasks, memberships), with no task judged yet.
    fn undated(model: &Model) -> Self {
        let memberships = Memberships::new(&model.registry);
        let by_agency = agency_tasks(model, &memberships);
        let mut groups_of: HashMap<AgencyId, Vec<AgencyId>> = HashMap::new();
        let mut predecessors: HashMap<AgencyId, Vec<AgencyId>> = HashMap::new();
        for a in model.registry.all() {
            for m in &a.members {
                groups_of.entry(m.clone()).or_default().push(a.id.clone());
            }
            if let Some(s) = &a.successor {
                predecessors
                    .entry(s.id.clone())
                    .or_default()
                    .push(a.id.clone());
            }
        }
        let mut entries: TaskMap<Vec<(usize, usize)>> = TaskMap::default();
        for (ri, rep) in model.reports.iter().enumerate() {
            for (ei, e) in rep.entries.iter().enumerate() {
                let r = TaskRef {
                    plan: e.plan,
                    task: e.task,
                };
                entries.entry_or_default(r).push((ri, ei));
            }
        }
        Derived {
            entries: Arc::new(entries),
            calendar: Arc::new(super::Calendar::new(model)),
            by_agency: Arc::new(by_agency),
            memberships: Arc::new(memberships),
            groups_of: Arc::new(groups_of),
            predecessors: Arc::new(predecessors),
            ..Derived::default()
        }
    }

    /// Same as [`Derived::at`], sharing with `like` (built for the same
    /// model) the indexes that do not depend on the date: each report's
    /// edition then costs its judgements only.
    pub fn at_with(model: &Model, as_of: NaiveDate, upto: usize, like: &Derived) -> Self {
        let mut d = Derived {
            entries: like.entries.clone(),
            calendar: like.calendar.clone(),
            by_agency: like.by_agency.clone(),
            memberships: like.memberships.clone(),
            groups_of: like.groups_of.clone(),
            predecessors: like.predecessors.clone(),
            as_of,
            ..Derived::default()
        };
        // Reports count from their own date on.
        let used: Vec<usize> = (0..upto.min(model.reports.len()))
            .filter(|&i| model.reports[i].date <= as_of)
            .collect();
        d.reports_used = used.len();
        d.reporting = super::Reporting::new(model, &used);
        d.newest_evidence = used.iter().map(|&i| model.reports[i].date).max();
        // The latest reporting period: a task reported in any office report
        // of that month was reported "this period", however many reports
        // the month has (a late second report does not undo the first).
        let is_report =
            |i: usize| model.reports[i].kind == crate::model::report::ReportKind::Report;
        let period = |i: usize| (model.reports[i].year, model.reports[i].month);
        let latest_period = used
            .iter()
            .rev()
            .find(|&&i| is_report(i))
            .map(|&i| period(i));
        for &ri in &used {
            for (ei, e) in model.reports[ri].entries.iter().enumerate() {
                let r = TaskRef {
                    plan: e.plan,
                    task: e.task,
                };
                d.history.entry_or_default(r).push((ri, ei));
            }
        }
        // Within one report, the lead's entry of a shared task comes last (a
        // body named in the lead cell after a member of a group named): it
        // is the one that sets the state.
        for (pi, plan) in model.plans.iter().enumerate() {
            for (ti, task) in plan.tasks.iter().enumerate() {
                let Some(h) = d.history.get_mut(&TaskRef { plan: pi, task: ti }) else {
                    continue;
                };
                if h.len() > 1 {
                    h.sort_by_key(|&(ri, ei)| {
                        let by = model.reports[ri].entries[ei].reported_by.as_ref();
                        let rank = by.map_or(0, |a| {
                            crate::model::report::lead_rank(&model.registry, &task.lead.agencies, a)
                        });
                        (ri, rank)
                    });
                }
            }
        }
        for (pi, plan) in model.plans.iter().enumerate() {
            for (ti, task) in plan.tasks.iter().enumerate() {
                let r = TaskRef { plan: pi, task: ti };
                let latest = d
                    .history
                    .get(&r)
                    .and_then(|h| h.last())
                    .map(|&(ri, ei)| Latest {
                        entry: &model.reports[ri].entries[ei],
                        current_period: is_report(ri) && Some(period(ri)) == latest_period,
                    });
                d.standings
                    .insert(r, standing(task.deadline.as_ref(), as_of, latest));
            }
        }
        d.partition = Partition::new(&d.standings);
        let p = &d.partition;
        d.upcoming = merge_by_due(
            &d.standings,
            [State::DueSoon, State::Upcoming, State::OpenWithinDeadline]
                .iter()
                .flat_map(|s| p.tasks(*s))
                .filter(|r| d.standings[r].due.is_some()),
            false,
        );
        d.past_deadline = merge_by_due(
            &d.standings,
            [State::PastDeadline, State::OpenOverdue]
                .iter()
                .flat_map(|s| p.tasks(*s)),
            true,
        );
        d
    }

    /// When the newest report or evidence is older than `months` months
    /// before the as-of date (or there is none): the date of the newest one,
    /// if any. `None` when the evidence is recent.
    pub fn stale_evidence(&self, months: u32) -> Option<Option<NaiveDate>> {
        let limit = self.as_of.checked_sub_months(chrono::Months::new(months));
        match self.newest_evidence {
            None => Some(None),
            Some(d) if limit.is_some_and(|l| d < l) => Some(Some(d)),
            Some(_) => None,
        }
    }

    /// Calendar series of an agency: the deadlines of all its tasks (group
    /// ones included) and its duties, for its page.
    pub fn calendar_for_agency(&self, id: &AgencyId) -> Vec<usize> {
        let tasks = self.by_agency.get(id).into_iter().flat_map(|t| t.refs());
        self.calendar
            .for_agency(tasks, self.memberships.groups_of(id), id)
    }

    /// Calendar series of an agency's feed: the deadlines of the tasks
    /// naming it (a group's tasks are in the group's feed) and its duties,
    /// its groups' included.
    pub fn feed_for_agency(&self, id: &AgencyId) -> Vec<usize> {
        let tasks = self
            .by_agency
            .get(id)
            .into_iter()
            .flat_map(|t| t.direct().map(|a| a.task));
        self.calendar
            .for_agency(tasks, self.memberships.groups_of(id), id)
    }

    /// Number of tasks in each state among `refs` (each counted once).
    pub fn counts(&self, refs: impl IntoIterator<Item = TaskRef>) -> Vec<(State, usize)> {
        let mut refs: Vec<TaskRef> = refs.into_iter().collect();
        refs.sort_unstable();
        refs.dedup();
        let mut c = [0usize; State::ALL.len()];
        for r in &refs {
            if let Some(s) = self.standings.get(r) {
                c[s.state.index()] += 1;
            }
        }
        State::ALL.iter().map(|s| (*s, c[s.index()])).collect()
    }
}

/// Tasks ordered by their deciding date: nearest first, or (for `recent`)
/// most recent first; ties in document order.
fn merge_by_due<'a>(
    standings: &TaskMap<Standing>,
    refs: impl Iterator<Item = &'a TaskRef>,
    recent: bool,
) -> Vec<TaskRef> {
    let mut v: Vec<TaskRef> = refs.copied().collect();
    let day = |r: &TaskRef| standings[r].due.map(|x| x.last_day());
    if recent {
        v.sort_by_key(|r| (std::cmp::Reverse(day(r)), *r));
    } else {
        v.sort_by_key(|r| (day(r), *r));
    }
    v
}
