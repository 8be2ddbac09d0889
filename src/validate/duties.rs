//! Turns `duties.yaml` into [`Duty`] values, checking schedules and agencies.

use std::collections::HashSet;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::raw::{DutiesFile, Every, ScheduleEntry};
use crate::load::Loaded;
use crate::model::duty::{Duty, Schedule};
use crate::model::ids::is_valid_id;
use crate::model::{Plan, Registry};

/// Validates every duty of a plan.
pub fn duties(
    file: &Loaded<DutiesFile>,
    plan: &Plan,
    registry: &Registry,
    diags: &mut Diagnostics,
) -> Vec<Duty> {
    let at = |p: String| file.spans.locate(&file.path, &p);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, e) in file.value.duties.iter().enumerate() {
        if !is_valid_id(&e.id) {
            diags.push(
                Diagnostic::error(
                    at(format!("duties.{i}.id")),
                    format!(
                        "the duty id {:?} is not a valid id",
                        crate::diagnostics::short(&e.id)
                    ),
                )
                .with_help(format!(
                    "use lowercase letters a-z, digits and single hyphens, at most {} characters",
                    crate::model::ids::MAX_ID_LEN
                )),
            );
            continue;
        }
        if !seen.insert(e.id.clone()) {
            diags.push(
                Diagnostic::error(
                    at(format!("duties.{i}.id")),
                    format!("the duty id {:?} is used twice", e.id),
                )
                .with_help("give each duty of a plan its own id"),
            );
            continue;
        }
        let Some(schedule) = schedule(&e.schedule) else {
            diags.push(
                Diagnostic::error(at(format!("duties.{i}.schedule")), "the schedule is incomplete or out of range")
                    .with_help("write `{ every: month, day: 9 }`, `{ every: quarter, month: 3, day: 15 }`, `{ every: year, month: 12, day: 5 }` or `{ date: 2025-12-09 }`; days run from 1 to 28"),
            );
            continue;
        };
        let mut dates_ok = true;
        for (field, date) in [
            ("from", e.from),
            ("until", e.until),
            ("schedule.date", e.schedule.date),
        ] {
            if let Some(d) = date {
                dates_ok &= super::bounds::check_plan_date(
                    d,
                    &plan.period,
                    &format!("the duty's `{field}`"),
                    at(format!("duties.{i}.{field}")),
                    diags,
                );
            }
        }
        if !dates_ok {
            continue;
        }
        let who = super::cells::agency_cell(
            registry,
            &e.who,
            at(format!("duties.{i}.who")),
            "who",
            diags,
        );
        out.push(Duty {
            id: e.id.clone(),
            title: e.title.clone(),
            who,
            to: e.to.clone(),
            schedule,
            before: e.schedule.before,
            from: e.from.unwrap_or(plan.period.start),
            until: e.until.unwrap_or(plan.period.end),
            quote: e.quote.clone(),
            section: e.section.clone(),
            note: e.note.clone(),
        });
    }
    out
}

fn schedule(s: &ScheduleEntry) -> Option<Schedule> {
    let day_ok = |d: u32| (1..=28).contains(&d);
    match (s.every, s.date) {
        (None, Some(date)) => Some(Schedule::Once { date }),
        (Some(Every::Month), None) => s
            .day
            .filter(|d| day_ok(*d))
            .map(|day| Schedule::Monthly { day }),
        (Some(Every::Quarter), None) => {
            let month = s.month.unwrap_or(3);
            let day = s.day.filter(|d| day_ok(*d))?;
            (1..=3)
                .contains(&month)
                .then_some(Schedule::Quarterly { month, day })
        }
        (Some(Every::Year), None) => {
            let month = s.month.filter(|m| (1..=12).contains(m))?;
            let day = s.day.filter(|d| day_ok(*d))?;
            Some(Schedule::Yearly { month, day })
        }
        _ => None,
    }
}
