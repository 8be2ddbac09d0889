//! Calendar entries: every dated task deadline and every reporting duty, as
//! series of dates with stable UIDs, grouped by month.
//!
//! A series is one calendar event: a single deadline (one date) or a
//! recurring duty (its expanded dates plus the rule that generates them, for
//! ICS `RRULE`). UIDs derive from plan, task and duty ids only, so adding or
//! removing one task never changes another task's events.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use crate::model::deadline::{Cycle, DeadlineKind, Due, Recurrence, Start};
use crate::model::duty::{Schedule, Step};
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
                                let Some((rule, before, from)) = schedule_of(every) else {
                                    continue;
                                };
                                s.before = before;
                                let from =
                                    from.map_or(plan.period.start, |f| f.max(plan.period.start));
                                s.dates = rule.dates(from, plan.period.end);
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

/// The calendar rule of a recurring deadline whose days the words name,
/// whether the day is "before" (the duty falls due the day earlier), and
/// the first day occurrences may fall on when the words give a start.
/// Nothing is placed on a day the words do not give: a duty a number of
/// times per period, one that starts after another milestone, or one every
/// few periods with no first day (`every 3 months`) is listed, not placed.
fn schedule_of(every: &Recurrence) -> Option<(Schedule, bool, Option<NaiveDate>)> {
    if every.times > 1 {
        return None;
    }
    let start = match every.start {
        None => None,
        Some(Start::At { due }) => Some(due),
        Some(Start::Thereafter) => return None,
    };
    let from = start.map(|d| d.first_day());
    if every.interval == 1 {
        let fixed = match every.cycle {
            Cycle::Monthly {
                day: Some(day),
                before,
            } if (1..=28).contains(&day) => Some((Schedule::Monthly { day }, before)),
            Cycle::Quarterly {
                day: Some(day),
                before,
            } if (1..=28).contains(&day) => Some((Schedule::Quarterly { month: 3, day }, before)),
            Cycle::Yearly {
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
        };
        if let Some((rule, before)) = fixed {
            return Some((rule, before, from));
        }
    }
    // Every few periods (or each, with no day of its own): from the first
    // occurrence the words give.
    let (first, before) = first_occurrence(every, start?)?;
    let (step, interval) = match every.months() {
        Some(m) => (Step::Month, m),
        None if matches!(every.cycle, Cycle::Weekly { .. }) => (Step::Week, every.interval),
        None => (Step::Day, every.interval),
    };
    Some((
        Schedule::Every {
            first,
            step,
            interval,
        },
        before,
        Some(first),
    ))
}

/// The first day a recurrence falls on: its start day when the cycle names
/// no day; else the cycle's first day on or after the start.
fn first_occurrence(every: &Recurrence, start: Due) -> Option<(NaiveDate, bool)> {
    let from = start.first_day();
    let first_on_or_after =
        |candidates: [Option<NaiveDate>; 2]| candidates.into_iter().flatten().find(|d| *d >= from);
    let next_month = from.checked_add_months(chrono::Months::new(1))?;
    match every.cycle {
        Cycle::Monthly {
            day: Some(day),
            before,
        } if (1..=28).contains(&day) => Some((
            first_on_or_after([from.with_day(day), next_month.with_day(day)])?,
            before,
        )),
        Cycle::Quarterly {
            day: Some(day),
            before,
        } if (1..=28).contains(&day) => {
            // Day `day` of the last month of the start's quarter, or the next.
            let last = (from.month0() / 3) * 3 + 3;
            let this = NaiveDate::from_ymd_opt(from.year(), last, day);
            let next = this.and_then(|d| d.checked_add_months(chrono::Months::new(3)));
            Some((first_on_or_after([this, next])?, before))
        }
        Cycle::Yearly {
            on: Some(on),
            before,
        } => Some((
            first_on_or_after([
                NaiveDate::from_ymd_opt(from.year(), on.month, on.day),
                NaiveDate::from_ymd_opt(from.year() + 1, on.month, on.day),
            ])?,
            before,
        )),
        Cycle::Weekly { weekday: Some(w) } => {
            let ahead =
                (i64::from(w) - i64::from(from.weekday().number_from_monday())).rem_euclid(7);
            Some((
                from.checked_add_days(chrono::Days::new(ahead as u64))?,
                false,
            ))
        }
        Cycle::Daily
        | Cycle::Weekly { weekday: None }
        | Cycle::Monthly { day: None, .. }
        | Cycle::Quarterly { day: None, .. }
        | Cycle::SixMonthly
        | Cycle::Yearly { on: None, .. } => match start {
            Due::On { date } => Some((date, false)),
            _ => None,
        },
        _ => None,
    }
}
