//! Plausibility bounds on dates and numbers.
//!
//! A one-character typo (`30/10/0025`, `until: 9999-12-31`, `target: .inf`)
//! must be caught by `check`, not make `build` write tens of thousands of
//! calendar pages, run out of memory or loop for ever.

use chrono::{Datelike, NaiveDate};

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::model::plan::Period;
use crate::model::{DeadlineKind, Due};

/// First year a date in content may fall in.
pub const FIRST_YEAR: i32 = 1900;
/// Last year a date in content may fall in.
pub const LAST_YEAR: i32 = 2100;
/// Years a plan's deadlines and duties may lie before its period starts.
pub const YEARS_BEFORE_PERIOD: i32 = 10;
/// Years a plan's deadlines and duties may lie after its period ends
/// (long-term visions such as "tầm nhìn đến năm 2045" stay inside).
pub const YEARS_AFTER_PERIOD: i32 = 30;
/// Longest period a plan may cover, in years (plans run for a year or a
/// five-year term; a longer one is a typo in a year).
pub const MAX_PERIOD_YEARS: i32 = 50;
/// Largest magnitude accepted for an indicator value.
pub const MAX_NUMBER: f64 = 1e15;

/// True when `year` lies in the plausible window.
pub fn year_ok(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

/// Reports `year` when it lies outside the plausible window; true when it is fine.
pub fn check_year(year: i32, what: &str, loc: Location, diags: &mut Diagnostics) -> bool {
    if year_ok(year) {
        return true;
    }
    diags.push(
        Diagnostic::error(
            loc,
            format!("{what}: the year {year} is outside {FIRST_YEAR}–{LAST_YEAR}"),
        )
        .with_help("check the year for a typo: years are written with four digits, e.g. 2025"),
    );
    false
}

/// Reports `date` when its year lies outside the plausible window.
pub fn check_date(date: NaiveDate, what: &str, loc: Location, diags: &mut Diagnostics) -> bool {
    check_year(date.year(), &format!("{what} {date}"), loc, diags)
}

/// Reports a date of a plan (a deadline, a duty occurrence) that lies far
/// outside the plan's period, or outside the plausible window.
pub fn check_plan_date(
    date: NaiveDate,
    period: &Period,
    what: &str,
    loc: Location,
    diags: &mut Diagnostics,
) -> bool {
    if !check_date(date, what, loc.clone(), diags) {
        return false;
    }
    let from = period.start.year() - YEARS_BEFORE_PERIOD;
    let until = period.end.year() + YEARS_AFTER_PERIOD;
    if (from..=until).contains(&date.year()) {
        return true;
    }
    diags.push(
        Diagnostic::error(
            loc,
            format!(
                "{what} {date}: this is far from the plan's period ({} to {}); only years {from}–{until} are accepted",
                period.start, period.end
            ),
        )
        .with_help("check the year for a typo; if the date is right, correct the plan's `period`"),
    );
    false
}

/// Reports a plan period longer than [`MAX_PERIOD_YEARS`].
pub fn check_period(period: &Period, loc: Location, diags: &mut Diagnostics) -> bool {
    if period.end.year() - period.start.year() <= MAX_PERIOD_YEARS {
        return true;
    }
    diags.push(
        Diagnostic::error(
            loc,
            format!(
                "the period from {} to {} is longer than {MAX_PERIOD_YEARS} years",
                period.start, period.end
            ),
        )
        .with_help("check the years of `period` for a typo"),
    );
    false
}

/// Every date a deadline's meaning names (due points, milestones, starts).
pub fn deadline_dates(kind: &DeadlineKind) -> Vec<NaiveDate> {
    match kind {
        DeadlineKind::Due { due } => due_dates(due),
        DeadlineKind::Span { from, due } => {
            let mut v = vec![*from];
            v.extend(due_dates(due));
            v
        }
        DeadlineKind::Milestones { items } => {
            items.iter().flat_map(|m| deadline_dates(&m.kind)).collect()
        }
        DeadlineKind::OpenStart { from } => vec![*from],
        DeadlineKind::Recurring {
            every:
                crate::model::deadline::Recurrence {
                    start: Some(crate::model::deadline::Start::At { due }),
                    ..
                },
        } => due_dates(due),
        DeadlineKind::Recurring { .. }
        | DeadlineKind::Ongoing
        | DeadlineKind::Unscheduled { .. }
        | DeadlineKind::Duration { .. }
        | DeadlineKind::Urgent
        | DeadlineKind::Periodic
        | DeadlineKind::Unknown => Vec::new(),
    }
}

/// The first day of a due period (a year no date can hold stands as the
/// first or last representable day, so it still fails the window).
fn due_dates(due: &Due) -> Vec<NaiveDate> {
    let first = |y: i32, m: u32| {
        NaiveDate::from_ymd_opt(y, m.clamp(1, 12), 1).unwrap_or(if y > 0 {
            NaiveDate::MAX
        } else {
            NaiveDate::MIN
        })
    };
    vec![match *due {
        Due::On { date } | Due::Before { date } => date,
        Due::Month { year, month } => first(year, month),
        Due::Quarter { year, quarter } => first(year, quarter.saturating_mul(3).saturating_sub(2)),
        Due::Half { year, half } => first(year, half.saturating_mul(6).saturating_sub(5)),
        Due::Year { year } => first(year, 1),
    }]
}

/// Reports a number that is not finite or implausibly large.
pub fn check_number(value: f64, what: &str, loc: Location, diags: &mut Diagnostics) -> bool {
    if value.is_finite() && value.abs() <= MAX_NUMBER {
        return true;
    }
    diags.push(
        Diagnostic::error(
            loc,
            format!("{what} {value} is not a usable number"),
        )
        .with_help("write an ordinary number such as 95 or 12.5 (not .inf, .nan or a number with more than 15 digits)"),
    );
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deadline::Milestone;
    use std::path::Path;

    fn period() -> Period {
        Period {
            start: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        }
    }

    #[test]
    fn every_date_of_a_meaning_is_checked_milestones_and_spans_included() {
        // What a stated meaning or any reading may hold: a typo year in the
        // second milestone, inside a span.
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let kind = DeadlineKind::Milestones {
            items: vec![
                Milestone {
                    label: None,
                    kind: DeadlineKind::Due {
                        due: Due::Month {
                            year: 2025,
                            month: 10,
                        },
                    },
                },
                Milestone {
                    label: Some("Báo cáo".into()),
                    kind: DeadlineKind::Span {
                        from: d(2025, 11, 1),
                        due: Due::On {
                            date: d(25, 12, 30),
                        },
                    },
                },
            ],
        };
        let dates = deadline_dates(&kind);
        assert_eq!(dates, vec![d(2025, 10, 1), d(2025, 11, 1), d(25, 12, 30)]);
        let mut diags = Diagnostics::default();
        let at = || Location::file(Path::new("t"));
        let ok: Vec<bool> = dates
            .iter()
            .map(|&x| check_plan_date(x, &period(), "the deadline", at(), &mut diags))
            .collect();
        assert_eq!(ok, vec![true, true, false]);
        assert_eq!(diags.error_count(), 1);
        // A year no date can hold still fails the window.
        let huge = deadline_dates(&DeadlineKind::Due {
            due: Due::Year { year: 300_000 },
        });
        assert!(!check_plan_date(huge[0], &period(), "x", at(), &mut diags));
        // A recurrence's written start is a date of the meaning too.
        let every = crate::model::deadline::Recurrence {
            start: Some(crate::model::deadline::Start::At {
                due: Due::On { date: d(25, 1, 15) },
            }),
            ..crate::model::deadline::Recurrence::of(crate::model::deadline::Cycle::SixMonthly)
        };
        assert_eq!(
            deadline_dates(&DeadlineKind::Recurring { every }),
            vec![d(25, 1, 15)]
        );
    }

    #[test]
    fn far_but_plausible_dates_are_measured_against_the_period() {
        let mut diags = Diagnostics::default();
        let at = || Location::file(Path::new("t"));
        let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        assert!(check_plan_date(d(2045), &period(), "x", at(), &mut diags));
        assert!(!check_plan_date(d(2099), &period(), "x", at(), &mut diags));
        assert!(!check_plan_date(d(1990), &period(), "x", at(), &mut diags));
        assert!(!check_date(d(9999), "x", at(), &mut diags));
        assert_eq!(diags.error_count(), 3);
    }

    #[test]
    fn numbers_must_be_finite_and_plausible() {
        let mut diags = Diagnostics::default();
        let at = || Location::file(Path::new("t"));
        assert!(check_number(95.5, "x", at(), &mut diags));
        assert!(!check_number(f64::INFINITY, "x", at(), &mut diags));
        assert!(!check_number(f64::NAN, "x", at(), &mut diags));
        assert!(!check_number(1e300, "x", at(), &mut diags));
        assert_eq!(diags.error_count(), 3);
    }
}
