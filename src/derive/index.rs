//! Indexes over the model: each task's standing, each agency's tasks, and
//! the site-wide lists of upcoming and overdue tasks.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{AgencyId, Model};

use super::status::{standing, Latest, Standing, State};

/// A task, addressed by plan and task index in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskRef {
    /// Index into `Model::plans`.
    pub plan: usize,
    /// Index into `Plan::tasks`.
    pub task: usize,
}

/// An agency's tasks, by role.
#[derive(Debug, Clone, Default)]
pub struct AgencyTasks {
    /// Tasks the agency leads.
    pub lead: Vec<TaskRef>,
    /// Tasks it cooperates on.
    pub cooperate: Vec<TaskRef>,
}

/// Everything derived from the model for rendering.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Standing of every task.
    pub standings: HashMap<TaskRef, Standing>,
    /// Tasks of each agency.
    pub by_agency: HashMap<AgencyId, AgencyTasks>,
    /// Groups each agency belongs to.
    pub groups_of: HashMap<AgencyId, Vec<AgencyId>>,
    /// Bodies merged into each agency.
    pub predecessors: HashMap<AgencyId, Vec<AgencyId>>,
    /// Tasks with a dated deadline still ahead, nearest first.
    pub upcoming: Vec<TaskRef>,
    /// Tasks past their deadline and not done, most recent deadline first.
    pub past_deadline: Vec<TaskRef>,
    /// Deadlines and reporting duties by date.
    pub calendar: super::Calendar,
    /// Every report entry of each task, oldest first: (report, entry) indexes.
    pub history: HashMap<TaskRef, Vec<(usize, usize)>>,
    /// Number of reports taken into account (those dated on or before the as-of date).
    pub reports_used: usize,
    /// The date everything was judged at.
    pub as_of: NaiveDate,
}

impl Derived {
    /// Computes every index as of the model's as-of date, with all reports.
    pub fn new(model: &Model) -> Self {
        Derived::at(model, model.site.as_of, model.reports.len())
    }

    /// Computes every index as of `as_of`, taking into account only the
    /// first `upto` reports (those dated on or before `as_of`).
    pub fn at(model: &Model, as_of: NaiveDate, upto: usize) -> Self {
        let mut d = Derived {
            calendar: super::Calendar::new(model),
            as_of,
            ..Derived::default()
        };
        // Reports count from their own date on.
        let used: Vec<usize> = (0..upto.min(model.reports.len()))
            .filter(|&i| model.reports[i].date <= as_of)
            .collect();
        d.reports_used = used.len();
        let latest_report = used
            .iter()
            .rev()
            .find(|&&i| model.reports[i].kind == crate::model::report::ReportKind::Report)
            .copied();
        for &ri in &used {
            for (ei, e) in model.reports[ri].entries.iter().enumerate() {
                let r = TaskRef {
                    plan: e.plan,
                    task: e.task,
                };
                d.history.entry(r).or_default().push((ri, ei));
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
                        current_period: Some(ri) == latest_report,
                    });
                let s = standing(task.deadline.as_ref(), as_of, latest);
                d.standings.insert(r, s);
                for a in &task.lead.agencies {
                    d.by_agency.entry(a.clone()).or_default().lead.push(r);
                }
                for a in &task.cooperate.agencies {
                    let e = d.by_agency.entry(a.clone()).or_default();
                    if !e.lead.contains(&r) {
                        e.cooperate.push(r);
                    }
                }
                match s.state {
                    State::DueSoon | State::Upcoming => d.upcoming.push(r),
                    State::OpenWithinDeadline if s.due.is_some() => d.upcoming.push(r),
                    State::PastDeadline | State::OpenOverdue => d.past_deadline.push(r),
                    _ => {}
                }
            }
        }
        let day = |d: &Derived, r: &TaskRef| d.standings[r].due.map(|x| x.last_day());
        let mut up = std::mem::take(&mut d.upcoming);
        up.sort_by_key(|r| (day(&d, r), *r));
        d.upcoming = up;
        let mut past = std::mem::take(&mut d.past_deadline);
        past.sort_by_key(|r| (std::cmp::Reverse(day(&d, r)), *r));
        d.past_deadline = past;
        for a in model.registry.all() {
            for m in &a.members {
                d.groups_of.entry(m.clone()).or_default().push(a.id.clone());
            }
            if let Some(s) = &a.successor {
                d.predecessors
                    .entry(s.id.clone())
                    .or_default()
                    .push(a.id.clone());
            }
        }
        d
    }

    /// Number of tasks in each state among `refs`.
    pub fn counts(&self, refs: impl IntoIterator<Item = TaskRef>) -> Vec<(State, usize)> {
        let mut c: HashMap<State, usize> = HashMap::new();
        for r in refs {
            if let Some(s) = self.standings.get(&r) {
                *c.entry(s.state).or_default() += 1;
            }
        }
        State::ALL
            .iter()
            .map(|s| (*s, c.get(s).copied().unwrap_or(0)))
            .collect()
    }
}
