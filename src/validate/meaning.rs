//! The office's word on a time phrase: `deadline_meaning` / `start_meaning`
//! turned into a [`DeadlineKind`], every mistake located, and the grammar's
//! flags on a phrase turned into diagnostics that point to this field.

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::raw::{MeaningEntry, PeriodScalar};
use crate::model::deadline::{
    Cycle, DayOfYear, Flag, MeaningSource, Milestone, Recurrence, Severity, Trigger,
};
use crate::model::{Deadline, DeadlineKind, Due};

/// Reports the grammar's flags on `d`; `at_char(k)` locates character `k`
/// of the cell; `field` is `deadline` or `start`.
pub fn report_flags(
    d: &Deadline,
    at_char: &dyn Fn(usize) -> Location,
    field: &str,
    diags: &mut Diagnostics,
) {
    // Flag offsets count characters of the NFC text: exact when the cell is NFC.
    let exact = unicode_normalization::is_nfc(&d.text);
    let help = format!(
        "the words stay as printed; to say what they mean, add `{field}_meaning:` beside them, \
         e.g. `{field}_meaning: {{ due: 2025-06-30 }}` or `{{ kind: ongoing }}` (docs/deadlines.md lists the forms understood)"
    );
    for f in &d.flags {
        let Flag {
            severity,
            start,
            part,
            message,
        } = f;
        let at = if part.trim() == d.text.trim() {
            String::new()
        } else {
            format!(" (at {part:?}, character {} of the cell)", start + 1)
        };
        let loc = at_char(if exact { *start } else { 0 });
        let diag = match severity {
            Severity::Impossible => Diagnostic::error(
                loc.clone(),
                format!("the time phrase {:?}: {message}{at}", d.text),
            ),
            Severity::Ambiguous => Diagnostic::warning(
                loc.clone(),
                format!("the time phrase {:?} is ambiguous: {message}{at}; it is placed on no calendar", d.text),
            ),
            Severity::NotUnderstood => Diagnostic::warning(
                loc.clone(),
                format!(
                    "the time phrase {:?} is not understood: {message}{at}; it is shown as written but placed on no calendar",
                    d.text
                ),
            ),
        };
        diags.push(diag.with_help(help.clone()));
    }
}

/// Who stated a meaning: the office (no `by`), or `by: import`; anything
/// else is an error.
pub fn source(
    e: &MeaningEntry,
    at: &dyn Fn(&str) -> Location,
    diags: &mut Diagnostics,
) -> MeaningSource {
    match e.by.as_deref().map(str::trim) {
        None => MeaningSource::Stated,
        Some("import") => MeaningSource::Imported,
        Some(other) => {
            diags.push(
                Diagnostic::error(at("by"), format!("`by: {other}` is not known"))
                    .with_help("`by: import` marks a meaning `import-plan` read from the file; delete `by` once you have checked it"),
            );
            MeaningSource::Stated
        }
    }
}

/// The meaning the office states, or `None` (with errors reported) when
/// the statement is malformed. `at` locates a sub-field (`due`, `milestones.0.due`).
pub fn stated(
    e: &MeaningEntry,
    at: &dyn Fn(&str) -> Location,
    diags: &mut Diagnostics,
) -> Option<DeadlineKind> {
    let mut errs = Vec::new();
    let kind = build(e, "", &mut errs);
    let failed = !errs.is_empty();
    for (p, msg) in errs {
        diags.push(Diagnostic::error(at(&p), msg).with_help(
            "write the meaning as one of `{ due: 2025-06-30 }` (also 2025-06, 2025-Q2, 2025-H1, 2025), \
             `{ before: 2025-07-01 }`, `{ from: 2025-03, due: 2025-06 }`, `{ from: 2025 }`, \
             `{ every: month, day: 15 }`, `{ kind: ongoing }` (or event, other_plan, regulation, request), \
             or `{ milestones: [ { label: ..., due: ... }, ... ] }`",
        ));
    }
    if failed {
        None
    } else {
        kind
    }
}

type Errs = Vec<(String, String)>;

fn sub(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_string()
    } else {
        format!("{prefix}.{field}")
    }
}

fn build(e: &MeaningEntry, prefix: &str, errs: &mut Errs) -> Option<DeadlineKind> {
    if !e.milestones.is_empty() {
        if !prefix.is_empty() {
            errs.push((
                sub(prefix, "milestones"),
                "milestones cannot hold milestones".into(),
            ));
            return None;
        }
        if e.kind.is_some()
            || e.due.is_some()
            || e.before.is_some()
            || e.from.is_some()
            || e.every.is_some()
        {
            errs.push((
                "milestones".into(),
                "`milestones` stands alone: put each meaning inside it".into(),
            ));
            return None;
        }
        let items: Vec<Milestone> = e
            .milestones
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let kind = build(m, &format!("milestones.{i}"), errs)?;
                Some(Milestone {
                    label: m.label.clone(),
                    kind,
                })
            })
            .collect();
        return Some(DeadlineKind::Milestones { items });
    }
    if e.interval.is_some() && e.every.is_none() {
        errs.push((
            sub(prefix, "interval"),
            "`interval` goes with `every` (`{ every: month, interval: 3 }`)".into(),
        ));
        return None;
    }
    if let Some(k) = &e.kind {
        if e.due.is_some() || e.before.is_some() || e.from.is_some() || e.every.is_some() {
            errs.push((
                sub(prefix, "kind"),
                format!("`kind: {k}` stands alone, without dates"),
            ));
            return None;
        }
        let kind = match k.as_str() {
            "ongoing" => DeadlineKind::Ongoing,
            "event" => unscheduled(Trigger::Event),
            "other_plan" => unscheduled(Trigger::OtherPlan),
            "regulation" => unscheduled(Trigger::Regulation),
            "request" => unscheduled(Trigger::Request),
            "condition" => unscheduled(Trigger::Condition),
            "urgent" => DeadlineKind::Urgent,
            "periodic" => DeadlineKind::Periodic,
            other => {
                errs.push((
                    sub(prefix, "kind"),
                    format!("unknown kind {other:?}: use ongoing, event, other_plan, regulation, request, condition, urgent or periodic"),
                ));
                return None;
            }
        };
        return Some(kind);
    }
    if let Some(every) = &e.every {
        return recurring(every, e, prefix, errs).map(|every| DeadlineKind::Recurring { every });
    }
    let mut get = |field: &str, v: &Option<PeriodScalar>| {
        v.as_ref().and_then(|v| match period(v) {
            Ok(d) => Some(d),
            Err(msg) => {
                errs.push((sub(prefix, field), msg));
                None
            }
        })
    };
    let (due, before, from) = (
        get("due", &e.due),
        get("before", &e.before),
        get("from", &e.from),
    );
    let due = match (due, before) {
        (Some(_), Some(_)) => {
            errs.push((
                sub(prefix, "before"),
                "give `due` or `before`, not both".into(),
            ));
            return None;
        }
        (Some(d), None) => Some(d),
        (None, Some(b)) => Some(Due::Before {
            date: b.first_day(),
        }),
        (None, None) => None,
    };
    match (from, due) {
        (Some(f), Some(d)) if f.first_day() > d.last_day() => {
            errs.push((sub(prefix, "from"), "`from` is after the due date".into()));
            None
        }
        (Some(f), Some(due)) => Some(DeadlineKind::Span {
            from: f.first_day(),
            due,
        }),
        (Some(f), None) => Some(DeadlineKind::OpenStart {
            from: f.first_day(),
        }),
        (None, Some(due)) => Some(DeadlineKind::Due { due }),
        (None, None) => {
            if e.due.is_none() && e.before.is_none() && e.from.is_none() {
                errs.push((prefix.to_string(), "the meaning is empty".into()));
            }
            None
        }
    }
}

fn unscheduled(trigger: Trigger) -> DeadlineKind {
    DeadlineKind::unscheduled(trigger)
}

fn recurring(every: &str, e: &MeaningEntry, prefix: &str, errs: &mut Errs) -> Option<Recurrence> {
    if e.due.is_some() || e.before.is_some() || e.from.is_some() {
        errs.push((
            sub(prefix, "every"),
            "`every` takes only `day` (and `month` for a year)".into(),
        ));
        return None;
    }
    let day_in = |max: u32, errs: &mut Errs| match e.day {
        Some(d) if !(1..=max).contains(&d) => {
            errs.push((
                sub(prefix, "day"),
                format!("`day` must be between 1 and {max}"),
            ));
            Err(())
        }
        d => Ok(d),
    };
    let cycle = match every {
        "week" => Cycle::Weekly {
            weekday: day_in(7, errs).ok()?,
        },
        "month" => Cycle::Monthly {
            day: day_in(28, errs).ok()?,
            before: false,
        },
        "quarter" => Cycle::Quarterly {
            day: day_in(28, errs).ok()?,
            before: false,
        },
        "six_months" => Cycle::SixMonthly,
        "year" => {
            let on = match (e.day, e.month) {
                (None, None) => None,
                (Some(day), Some(month)) if NaiveDate::from_ymd_opt(2024, month, day).is_some() => {
                    Some(DayOfYear { day, month })
                }
                _ => {
                    errs.push((
                        sub(prefix, "day"),
                        "a yearly day needs a real `day` and `month`".into(),
                    ));
                    return None;
                }
            };
            Cycle::Yearly { on, before: false }
        }
        other => {
            errs.push((
                sub(prefix, "every"),
                format!("unknown period {other:?}: use week, month, quarter, six_months or year"),
            ));
            return None;
        }
    };
    let interval = match e.interval {
        None => 1,
        Some(n) if (1..=100).contains(&n) => n,
        Some(_) => {
            errs.push((
                sub(prefix, "interval"),
                "`interval` must be between 1 and 100".into(),
            ));
            return None;
        }
    };
    Some(Recurrence {
        interval,
        ..Recurrence::of(cycle)
    })
}

/// `2025-06-30`, `2025-06`, `2025-Q2`, `2025-H1`, `2025`.
fn period(v: &PeriodScalar) -> Result<Due, String> {
    let text = match v {
        PeriodScalar::Year(y) => y.to_string(),
        PeriodScalar::Text(t) => t.trim().to_string(),
    };
    let bad = || {
        format!(
            "{text:?} is not a date or period: write 2025-06-30, 2025-06, 2025-Q2, 2025-H1 or 2025"
        )
    };
    let parts: Vec<&str> = text.split('-').collect();
    let year: i32 = match parts[0] {
        y if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            y.parse().map_err(|_| bad())?
        }
        _ => return Err(bad()),
    };
    let small = |s: &str| -> Option<u32> {
        (s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts[1..] {
        [] => Ok(Due::Year { year }),
        [q] if q.len() == 2 && (q.starts_with('Q') || q.starts_with('q')) => match small(&q[1..]) {
            Some(quarter @ 1..=4) => Ok(Due::Quarter { year, quarter }),
            _ => Err(bad()),
        },
        [h] if h.len() == 2 && (h.starts_with('H') || h.starts_with('h')) => match small(&h[1..]) {
            Some(half @ 1..=2) => Ok(Due::Half { year, half }),
            _ => Err(bad()),
        },
        [m] => match small(m) {
            Some(month @ 1..=12) => Ok(Due::Month { year, month }),
            _ => Err(bad()),
        },
        [m, d] => match (small(m), small(d)) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d)
                .map(|date| Due::On { date })
                .ok_or_else(|| format!("the date {text} does not exist")),
            _ => Err(bad()),
        },
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(s: &str) -> Option<PeriodScalar> {
        Some(PeriodScalar::Text(s.into()))
    }

    fn ok(e: MeaningEntry) -> DeadlineKind {
        let mut errs = Vec::new();
        let k = build(&e, "", &mut errs);
        assert!(errs.is_empty(), "{errs:?}");
        k.unwrap()
    }

    fn err(e: MeaningEntry) -> Vec<(String, String)> {
        let mut errs = Vec::new();
        let _ = build(&e, "", &mut errs);
        assert!(!errs.is_empty());
        errs
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_period_form() {
        let due = |s: &str| {
            ok(MeaningEntry {
                due: scalar(s),
                ..Default::default()
            })
        };
        assert_eq!(
            due("2025-06-30"),
            DeadlineKind::Due {
                due: Due::On {
                    date: d(2025, 6, 30)
                }
            }
        );
        assert_eq!(
            due("2025-06"),
            DeadlineKind::Due {
                due: Due::Month {
                    year: 2025,
                    month: 6
                }
            }
        );
        assert_eq!(
            due("2025-Q2"),
            DeadlineKind::Due {
                due: Due::Quarter {
                    year: 2025,
                    quarter: 2
                }
            }
        );
        assert_eq!(
            due("2025-H1"),
            DeadlineKind::Due {
                due: Due::Half {
                    year: 2025,
                    half: 1
                }
            }
        );
        assert_eq!(
            ok(MeaningEntry {
                due: Some(PeriodScalar::Year(2025)),
                ..Default::default()
            }),
            DeadlineKind::Due {
                due: Due::Year { year: 2025 }
            }
        );
        for bad in ["2025-02-30", "25-06", "2025-13", "2025-Q5", "20255", "soon"] {
            err(MeaningEntry {
                due: scalar(bad),
                ..Default::default()
            });
        }
    }

    #[test]
    fn spans_open_starts_kinds_and_milestones() {
        assert_eq!(
            ok(MeaningEntry {
                from: scalar("2025-03"),
                due: scalar("2025-06"),
                ..Default::default()
            }),
            DeadlineKind::Span {
                from: d(2025, 3, 1),
                due: Due::Month {
                    year: 2025,
                    month: 6
                }
            }
        );
        assert_eq!(
            ok(MeaningEntry {
                from: scalar("2025"),
                ..Default::default()
            }),
            DeadlineKind::OpenStart {
                from: d(2025, 1, 1)
            }
        );
        assert_eq!(
            ok(MeaningEntry {
                kind: Some("ongoing".into()),
                ..Default::default()
            }),
            DeadlineKind::Ongoing
        );
        assert_eq!(
            ok(MeaningEntry {
                every: Some("month".into()),
                day: Some(15),
                ..Default::default()
            }),
            DeadlineKind::Recurring {
                every: Recurrence::from(Cycle::Monthly {
                    day: Some(15),
                    before: false
                })
            }
        );
        let two = ok(MeaningEntry {
            milestones: vec![
                MeaningEntry {
                    label: Some("Ban hành".into()),
                    due: scalar("2025-01"),
                    ..Default::default()
                },
                MeaningEntry {
                    before: scalar("2025-12-10"),
                    ..Default::default()
                },
            ],
            ..Default::default()
        });
        assert_eq!(two.dues().len(), 2);
        let e = err(MeaningEntry {
            kind: Some("soon".into()),
            ..Default::default()
        });
        assert_eq!(e[0].0, "kind");
        let e = err(MeaningEntry {
            from: scalar("2025-07"),
            due: scalar("2025-06"),
            ..Default::default()
        });
        assert_eq!(e[0].0, "from");
        err(MeaningEntry::default());
        err(MeaningEntry {
            kind: Some("ongoing".into()),
            due: scalar("2025"),
            ..Default::default()
        });
    }
}
