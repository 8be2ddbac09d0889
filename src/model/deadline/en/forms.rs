//! English forms around a period: `by`/`before`/`end of`, spans
//! (`2021-2025`, `from January to June 2021`), open starts (`from 2021`,
//! `2021 onwards`) and recurring duties (`annually`, `monthly by the 10th`).

use super::super::grammar::{Context, Severity};
use super::super::vi::cursor::{Cur, Try};
use super::super::{DayOfYear, DeadlineKind, Due, Recurrence};
use super::free::eat_words;
use super::period::{month_word, period, Period};

/// A period with what surrounds it: by/before, a span, an open start.
pub(super) fn time_form(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    if let Some(kind) = bare_month_span(c, ctx)? {
        return Ok(Some(kind));
    }
    // Open starts: `from 2021`, `starting January 2021`, `since 2020`.
    if c.eat_any(&[
        &["starting", "in"],
        &["starting"],
        &["beginning"],
        &["since"],
        &["from"],
    ]) {
        c.eat("the");
        if let Some(kind) = bare_month_span(c, ctx)? {
            return Ok(Some(kind));
        }
        let Some(a) = period(c, ctx)? else {
            c.i = start;
            return Ok(None);
        };
        if let Some(kind) = span_end(c, ctx, a)? {
            return Ok(Some(kind));
        }
        c.eat_any(&[&["onwards"], &["onward"]]);
        return Ok(Some(DeadlineKind::OpenStart { from: a.first }));
    }
    if c.eat("between") {
        let Some(a) = period(c, ctx)? else {
            c.i = start;
            return Ok(None);
        };
        if !c.eat("and") {
            c.i = start;
            return Ok(None);
        }
        return span_to(c, ctx, a, start);
    }
    let before = c.eat_any(&[&["before"], &["prior", "to"], &["earlier", "than"]]);
    let by = !before
        && c.eat_any(&[
            &["no", "later", "than"],
            &["not", "later", "than"],
            &["on", "or", "before"],
            &["by"],
            &["due"],
            &["in"],
            &["during"],
            &["within"],
            &["until"],
        ]);
    let end_of = c.eat_any(&[&["the", "end", "of"], &["end", "of"]]);
    if !end_of {
        c.eat("the");
    }
    let Some(a) = period(c, ctx)? else {
        c.i = start;
        return Ok(None);
    };
    // `before the end of 2021` is by the end of 2021.
    if before && !end_of {
        let date = if a.is_day { a.due.first_day() } else { a.first };
        return Ok(Some(DeadlineKind::Due {
            due: Due::Before { date },
        }));
    }
    if !by {
        if let Some(kind) = span_end(c, ctx, a)? {
            return Ok(Some(kind));
        }
        if c.eat_any(&[
            &["onwards"],
            &["onward"],
            &["and", "beyond"],
            &["and", "after"],
        ]) {
            return Ok(Some(DeadlineKind::OpenStart { from: a.first }));
        }
    }
    if by || before {
        return Ok(Some(DeadlineKind::Due { due: a.due }));
    }
    Ok(Some(due_of(a)))
}

/// The meaning of a period alone: due within it (a fiscal year is a span).
fn due_of(p: Period) -> DeadlineKind {
    if p.first != p.due.first_day() {
        DeadlineKind::Span {
            from: p.first,
            due: p.due,
        }
    } else {
        DeadlineKind::Due { due: p.due }
    }
}

/// `… - 2025`, `… to June 2021`, `… through Q4`: the end of a span.
fn span_end(c: &mut Cur, ctx: Context, a: Period) -> Try<DeadlineKind> {
    let save = c.i;
    if c.eat_sym('-') || c.eat_any(&[&["to"], &["until"], &["through"], &["thru"], &["till"]]) {
        return span_to(c, ctx, a, save);
    }
    Ok(None)
}

/// The second period of a span.
fn span_to(c: &mut Cur, ctx: Context, a: Period, undo: usize) -> Try<DeadlineKind> {
    c.eat_any(&[&["the", "end", "of"], &["end", "of"]]);
    let Some(b) = period(c, ctx)? else {
        c.i = undo;
        return Ok(None);
    };
    span(c, a, b, undo)
}

fn span(c: &Cur, a: Period, b: Period, from_tok: usize) -> Try<DeadlineKind> {
    if a.first > b.due.last_day() {
        return Err(c.flag(
            Severity::Impossible,
            from_tok,
            c.i,
            "the span ends before it starts".into(),
        ));
    }
    Ok(Some(DeadlineKind::Span {
        from: a.first,
        due: b.due,
    }))
}

/// `January - June 2021`, `March to May 2021`: a first month written
/// without its year takes the second's.
fn bare_month_span(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    let Some(m) = c.peek().and_then(|t| t.word()).and_then(month_word) else {
        return Ok(None);
    };
    c.i += 1;
    c.eat_sym('.');
    if !(c.eat_sym('-') || c.eat_any(&[&["to"], &["until"], &["through"], &["thru"], &["till"]])) {
        c.i = start;
        return Ok(None);
    }
    let Some(b) = period(c, ctx)? else {
        c.i = start;
        return Ok(None);
    };
    let year = chrono::Datelike::year(&b.due.first_day());
    let a = Due::Month { year, month: m };
    let a = Period {
        due: a,
        first: a.first_day(),
        is_day: false,
    };
    span(c, a, b, start)
}

/// `annually`, `every quarter`, `monthly by the 10th`, `each year by
/// 15 December`, `twice a year`, `weekly`.
pub(super) fn recurring(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    // `by the 10th of each month`: the day first.
    if let Some((day, before)) = day_of_month(c) {
        if c.eat_any(&[
            &["of", "each", "month"],
            &["of", "every", "month"],
            &["of", "the", "month"],
            &["each", "month"],
            &["every", "month"],
        ]) {
            return Ok(Some(DeadlineKind::Recurring {
                every: Recurrence::Monthly {
                    day: Some(day),
                    before,
                },
            }));
        }
        c.i = start;
    }
    let every = if c.eat_any(&[
        &["annually"],
        &["yearly"],
        &["every", "year"],
        &["each", "year"],
        &["once", "a", "year"],
        &["per", "year"],
        &["per", "annum"],
    ]) {
        Recurrence::Yearly {
            on: None,
            before: false,
        }
    } else if eat_words(
        c,
        &[
            &["semi", "-", "annually"],
            &["semi", "annually"],
            &["semiannually"],
            &["biannually"],
            &["twice", "a", "year"],
            &["every", "six", "months"],
            &["every", "6", "months"],
            &["half", "-", "yearly"],
            &["half", "yearly"],
        ],
    ) {
        Recurrence::SixMonthly
    } else if c.eat_any(&[&["quarterly"], &["every", "quarter"], &["each", "quarter"]]) {
        Recurrence::Quarterly {
            day: None,
            before: false,
        }
    } else if c.eat_any(&[&["monthly"], &["every", "month"], &["each", "month"]]) {
        Recurrence::Monthly {
            day: None,
            before: false,
        }
    } else if c.eat_any(&[&["weekly"], &["every", "week"], &["each", "week"]]) {
        Recurrence::Weekly { weekday: None }
    } else {
        return Ok(None);
    };
    let save = c.i;
    c.eat_sym(',');
    let every = match every {
        Recurrence::Monthly { .. } | Recurrence::Quarterly { .. } => match day_of_month(c) {
            Some((day, before)) => {
                // `quarterly by the 10th` is the 10th of the quarter's last month.
                c.eat_any(&[&["of", "the", "month"], &["of", "the", "last", "month"]]);
                if matches!(every, Recurrence::Monthly { .. }) {
                    Recurrence::Monthly {
                        day: Some(day),
                        before,
                    }
                } else {
                    Recurrence::Quarterly {
                        day: Some(day),
                        before,
                    }
                }
            }
            None => {
                c.i = save;
                every
            }
        },
        Recurrence::Yearly { .. } => match day_of_year(c)? {
            Some((on, before)) => Recurrence::Yearly {
                on: Some(on),
                before,
            },
            None => {
                c.i = save;
                every
            }
        },
        other => other,
    };
    Ok(Some(DeadlineKind::Recurring { every }))
}

/// `by the 10th`, `before the 5th`, `on day 9`.
fn day_of_month(c: &mut Cur) -> Option<(u32, bool)> {
    let start = c.i;
    let before = c.eat("before");
    if !before && !c.eat("by") && !c.eat("on") {
        return None;
    }
    c.eat("the");
    c.eat("day");
    match c
        .num()
        .filter(|n| n.digits <= 2 && (1..=31).contains(&n.value))
    {
        Some(n) => {
            let _ = c.eat("st") || c.eat("nd") || c.eat("rd") || c.eat("th");
            Some((n.value as u32, before))
        }
        None => {
            c.i = start;
            None
        }
    }
}

/// `by 15 December`, `before December 15th`.
fn day_of_year(c: &mut Cur) -> Try<(DayOfYear, bool)> {
    let start = c.i;
    let before = c.eat("before");
    if !before && !c.eat("by") && !c.eat("on") {
        return Ok(None);
    }
    c.eat("the");
    let month = |c: &mut Cur| {
        let m = c.peek().and_then(|t| t.word()).and_then(month_word)?;
        c.i += 1;
        c.eat_sym('.');
        Some(m)
    };
    let (day, m) = if let Some(m) = month(c) {
        (c.num(), Some(m))
    } else {
        let d = c.num();
        let _ = c.eat("st") || c.eat("nd") || c.eat("rd") || c.eat("th");
        c.eat("of");
        (d, month(c))
    };
    let (Some(d), Some(m)) = (day, m) else {
        c.i = start;
        return Ok(None);
    };
    let _ = c.eat("st") || c.eat("nd") || c.eat("rd") || c.eat("th");
    // Checked against a leap year: 29 February recurs.
    if u32::try_from(d.value)
        .ok()
        .and_then(|dv| chrono::NaiveDate::from_ymd_opt(2024, m, dv))
        .is_none()
    {
        return Err(c.flag(
            Severity::Impossible,
            start,
            c.i,
            format!("there is no day {} in month {m}", d.value),
        ));
    }
    Ok(Some((
        DayOfYear {
            day: d.value as u32,
            month: m,
        },
        before,
    )))
}
