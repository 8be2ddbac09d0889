//! Calendar entries: every dated task deadline and every reporting duty, as
//! series of dates with stable UIDs, grouped by month.
//!
//! A series is one calendar event: a single deadline (one date) or a
//! recurring duty (its expanded dates plus the rule that generates them, for
//! ICS `RRULE`). UIDs derive from plan, task and duty ids only, so adding or
//! removing one task never changes another task's events.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use crate::model::deadline::{DeadlineKind, Recurrence};
use crate::model::duty::Schedule;
use crate::model::{AgencyId, Model};

use super::TaskRef;

/// Where a calendar entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A task's deadline.
    Task(TaskRef),
    /// A plan's reporting duty: plan index, duty index.
    Duty(usize, usize),
}

/// One calendar event: a date, or a recurring series of dates.
#[derive(Debug, Clone)]
pub struct Series {
    /// Stable unique id (`114-kh-bcd-2025/nhiem-vu/18@minhbach`).
    pub uid: String,
    /// Where it comes from.
    pub source: Source,
    /// Milestone label, when the deadline cell has several.
    pub label: Option<String>,
    /// The wording as printed (deadline text, or the duty's sentence).
    pub wording: String,
    /// True when due strictly before the date ("trước ngày").
    pub before: bool,
    /// Every date, in order (within the plan's period for recurring ones).
    pub dates: Vec<NaiveDate>,
    /// The recurrence, when it recurs.
    pub rule: Option<Schedule>,
    /// Agencies responsible (lead or reporting).
    pub agencies: Vec<AgencyId>,
}

/// One occurrence of a series on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    /// The day.
    pub date: NaiveDate,
    /// Index into [`Calendar::series`].
    pub series: usize,
}

/// All calendar entries of the site.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Every series, tasks first (in document order), then duties.
    pub series: Vec<Series>,
    /// Occurrences by (year, month), sorted by day.
    pub months: BTreeMap<(i32, u32), Vec<Occurrence>>,
    /// Tasks with no calendar date (ongoing, event-relative, undated recurring).
    pub undated: Vec<TaskRef>,
    /// Series of each plan, by plan index, in order.
    plan_series: Vec<Vec<usize>>,
    /// Series of each task, by plan and task index.
    task_series: Vec<Vec<Vec<usize>>>,
    /// Duty series naming each agency or group, in order.
    duty_series: HashMap<AgencyId, Vec<usize>>,
}

impl Calendar {
    /// Builds the calendar of the whole model.
    pub fn new(model: &Model) -> Self {
        let mut cal = Calendar::default();
        for (pi, plan) in model.plans.iter().enumerate() {
            for (ti, task) in plan.tasks.iter().enumerate() {
                let r = TaskRef { plan: pi, task: ti };
                let base = format!("{}/nhiem-vu/{}", plan.id, task.id);
                let n_before = cal.series.len();
                if let Some(d) = &task.deadline {
                    let items: Vec<(Option<String>, &DeadlineKind)> = match &d.kind {
                        DeadlineKind::Milestones { items } => {
                            items.iter().map(|m| (m.label.clone(), &m.kind)).collect()
                        }
                        k => vec![(None, k)],
                    };
                    let multi = items.len() > 1;
                    for (k, (label, kind)) in items.into_iter().enumerate() {
                        let uid = if multi {
                            format!("{base}/moc-{}@minhbach", k + 1)
                        } else {
                            format!("{base}@minhbach")
                        };
                        let mut s = Series {
                            uid,
                            source: Source::Task(r),
                            label,
                            wording: d.text.clone(),
                            before: false,
                            dates: Vec::new(),
                            rule: None,
                            agencies: task.lead.agencies.clone(),
                        };
                        match kind {
                            DeadlineKind::Due { due } | DeadlineKind::Span { due, .. } => {
                                s.before = matches!(due, crate::model::Due::Before { .. });
                                s.dates = vec![due.calendar_day()];
                            }
                            DeadlineKind::Recurring { every } => {
                                let Some((rule, before)) = schedule_of(every) else {
                                    continue;
                                };
                                s.before = before;
                                s.dates = rule.dates(plan.period.start, plan.period.end);
                                s.rule = Some(rule);
                            }
                            _ => continue,
                        }
                        if !s.dates.is_empty() {
                            cal.series.push(s);
                        }
                    }
                }
                if cal.series.len() == n_before {
                    cal.undated.push(r);
                }
            }
        }
        for (pi, plan) in model.plans.iter().enumerate() {
            for (di, duty) in plan.duties.iter().enumerate() {
                let dates = duty.dates();
                if dates.is_empty() {
                    continue;
                }
                let recurs = !matches!(duty.schedule, Schedule::Once { .. });
                cal.series.push(Series {
                    uid: format!("{}/bao-cao/{}@minhbach", plan.id, duty.id),
                    source: Source::Duty(pi, di),
                    label: Some(duty.title.clone()),
                    wording: duty.quote.clone(),
                    before: duty.before,
                    dates,
                    rule: recurs.then_some(duty.schedule),
                    agencies: duty.who.agencies.clone(),
                });
            }
        }
        for (i, s) in cal.series.iter().enumerate() {
            for &date in &s.dates {
                cal.months
                    .entry((date.year(), date.month()))
                    .or_default()
                    .push(Occurrence { date, series: i });
            }
        }
        for occ in cal.months.values_mut() {
            occ.sort();
        }
        cal.index(model);
        cal
    }

    /// Builds the dense indexes in one pass over the series, so pages
    /// never scan every series: by plan, by task, and duties by the
    /// agency or group named.
    fn index(&mut self, model: &Model) {
        self.plan_series = vec![Vec::new(); model.plans.len()];
        self.task_series = model
            .plans
            .iter()
            .map(|p| vec![Vec::new(); p.tasks.len()])
            .collect();
        for (i, s) in self.series.iter().enumerate() {
            let plan = match s.source {
                Source::Task(r) => r.plan,
                Source::Duty(p, _) => p,
            };
            if let Some(v) = self.plan_series.get_mut(plan) {
                v.push(i);
            }
            match s.source {
                Source::Task(r) => {
                    if let Some(v) = self
                        .task_series
                        .get_mut(r.plan)
                        .and_then(|t| t.get_mut(r.task))
                    {
                        v.push(i);
                    }
                }
                Source::Duty(..) => {
                    for a in &s.agencies {
                        let v = self.duty_series.entry(a.clone()).or_default();
                        if v.last() != Some(&i) {
                            v.push(i);
                        }
                    }
                }
            }
        }
    }

    /// Series that concern an agency: the deadlines of its tasks (as
    /// [`super::responsibility`] defines them), and the reporting duties it
    /// or a group containing it (at any depth) must carry out. Reads the
    /// indexes: the cost follows the agency's own tasks, not the site.
    pub fn for_agency(
        &self,
        tasks: impl IntoIterator<Item = super::TaskRef>,
        groups: &[(AgencyId, usize)],
        id: &AgencyId,
    ) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for r in tasks {
            if let Some(v) = self.task_series.get(r.plan).and_then(|t| t.get(r.task)) {
                out.extend_from_slice(v);
            }
        }
        for a in std::iter::once(id).chain(groups.iter().map(|(g, _)| g)) {
            if let Some(v) = self.duty_series.get(a) {
                out.extend_from_slice(v);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Series of one plan.
    pub fn for_plan(&self, plan: usize) -> Vec<usize> {
        self.plan_series.get(plan).cloned().unwrap_or_default()
    }

    /// Occurrences of the given series on or after `from`, nearest first.
    pub fn upcoming(&self, series: &[usize], from: NaiveDate, limit: usize) -> Vec<Occurrence> {
        let mut v: Vec<Occurrence> = series
            .iter()
            .flat_map(|&i| {
                self.series[i]
                    .dates
                    .iter()
                    .filter(move |d| **d >= from)
                    .map(move |&date| Occurrence { date, series: i })
            })
            .collect();
        v.sort();
        v.truncate(limit);
        v
    }
}

/// The calendar rule of a recurring deadline that names its day, and
/// whether the day is "before" (the duty falls due the day earlier).
fn schedule_of(every: &Recurrence) -> Option<(Schedule, bool)> {
    match *every {
        Recurrence::Monthly {
            day: Some(day),
            before,
        } if (1..=28).contains(&day) => Some((Schedule::Monthly { day }, before)),
        Recurrence::Quarterly {
            day: Some(day),
            before,
        } if (1..=28).contains(&day) => Some((Schedule::Quarterly { month: 3, day }, before)),
        Recurrence::Yearly {
            on: Some(on),
            before,
        } => Some((
            Schedule::Yearly {
                month: on.month,
                day: on.day,
            },
            before,
        )),
        _ => None,
    }
}
