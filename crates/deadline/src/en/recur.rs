//! English recurring duties: the cycle (`annually`, `every quarter`,
//! `every 3 months`, `every other month`, `fortnightly`), how many times in
//! it (`twice a year`, `3 times a year`, `one activity per quarter`), the
//! day in it (`monthly, by the 10th`, `annually by 15 December`), how
//! strictly (`at least`, `minimally`, `or as often as possible`) and from
//! when (`starting 2022`, `thereafter`). `biweekly`, `bimonthly` and
//! `biannually` mean two things each (twice per, or every two) and are
//! flagged, never read.

use super::super::cursor::{Cur, Try};
use super::super::grammar::{Context, Severity};
use super::super::{Cycle, DayOfYear, DeadlineKind, Qualifier, Recurrence, Start};
use super::cadence::cadence;
use super::period::{month_word, period};

/// A recurring duty, read to the end of its words or not at all.
pub(super) fn recurring(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    let r = recurring_inner(c, ctx);
    if !matches!(r, Ok(Some(_))) {
        c.i = start;
    }
    r
}

fn recurring_inner(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
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
                every: Recurrence::of(Cycle::Monthly {
                    day: Some(day),
                    before,
                }),
            }));
        }
        c.i = start;
    }
    let mut qualifier = qualifier_before(c);
    // `Ongoing, every 2 years`: recurring work is ongoing by itself.
    if c.eat_words(&[&["ongoing"], &["on", "-", "going"], &["on", "going"]]) {
        c.eat_sym(',');
    }
    // `on an annual basis`, `on a quarterly basis`.
    let basis = c.eat_any(&[&["on", "an"], &["on", "a"]]);
    let Some(mut every) = cadence(c)? else {
        return Ok(None);
    };
    if basis && !c.eat("basis") {
        return Ok(None);
    }
    let save = c.i;
    c.eat_sym(',');
    every.cycle = match every.cycle {
        Cycle::Monthly { .. } | Cycle::Quarterly { .. } => match day_of_month(c) {
            Some((day, before)) => {
                // `quarterly by the 10th` is the 10th of the quarter's last month.
                c.eat_any(&[&["of", "the", "month"], &["of", "the", "last", "month"]]);
                if matches!(every.cycle, Cycle::Monthly { .. }) {
                    Cycle::Monthly {
                        day: Some(day),
                        before,
                    }
                } else {
                    Cycle::Quarterly {
                        day: Some(day),
                        before,
                    }
                }
            }
            None => {
                c.i = save;
                every.cycle
            }
        },
        Cycle::Yearly { .. } => match day_of_year(c)? {
            Some((on, before)) => Cycle::Yearly {
                on: Some(on),
                before,
            },
            None => {
                c.i = save;
                every.cycle
            }
        },
        other => {
            c.i = save;
            other
        }
    };
    if let Some(q) = qualifier_after(c) {
        qualifier = Some(q);
    }
    every.qualifier = qualifier;
    every.start = start_of(c, ctx)?;
    // `Quarterly reports`, `Monthly meetings`: plain words naming what
    // recurs (no number, no word of time) are kept in the printed text.
    if !basis && every.start.is_none() && c.i > 0 {
        let rest = &c.t[c.i..];
        let plain = rest.iter().all(|t| {
            t.word()
                .is_some_and(|w| !super::TIME_WORDS.contains(&w) && month_word(w).is_none())
        });
        if plain && rest.len() <= 4 {
            c.i = c.t.len();
        }
    }
    Ok(Some(DeadlineKind::Recurring { every }))
}

/// `at least`, `minimally`, `a minimum of`, `no less than`.
fn qualifier_before(c: &mut Cur) -> Option<Qualifier> {
    c.eat_any(&[
        &["at", "least"],
        &["minimally"],
        &["at", "a", "minimum"],
        &["a", "minimum", "of"],
        &["minimum"],
        &["no", "less", "than"],
        &["not", "less", "than"],
    ])
    .then_some(Qualifier::AtLeast)
}

/// `, at least`, `minimally`, `or more often`, `or as often as possible`.
fn qualifier_after(c: &mut Cur) -> Option<Qualifier> {
    let save = c.i;
    c.eat_sym(',');
    if c.eat_any(&[
        &["or", "more", "often"],
        &["or", "more", "frequently"],
        &["or", "more"],
        &["at", "least"],
        &["at", "a", "minimum"],
        &["minimally"],
        &["minimum"],
    ]) {
        return Some(Qualifier::AtLeast);
    }
    c.eat("or");
    c.eat("and");
    if c.eat_any(&[
        &["as", "often", "as", "possible"],
        &["as", "frequently", "as", "possible"],
        &["more", "often", "if", "possible"],
        &["more", "often", "where", "possible"],
    ]) {
        return Some(Qualifier::AsOftenAsPossible);
    }
    c.i = save;
    None
}

/// `, starting 2022`, `from January 2021`, `thereafter`.
fn start_of(c: &mut Cur, ctx: Context) -> Result<Option<Start>, super::super::Flag> {
    let save = c.i;
    c.eat_sym(',');
    c.eat("and");
    if c.eat_any(&[
        &["thereafter"],
        &["after", "that"],
        &["afterwards"],
        &["afterward"],
        &["from", "then", "on"],
    ]) {
        return Ok(Some(Start::Thereafter));
    }
    if c.eat_any(&[
        &["starting"],
        &["beginning"],
        &["commencing"],
        &["from"],
        &["as", "of"],
        &["as", "from"],
        &["effective"],
    ]) {
        let _ = c.eat("in") || c.eat("on") || c.eat("from");
        c.eat("the");
        if let Some(p) = period(c, ctx)? {
            // A fiscal year starts on another day than its calendar period:
            // no single period names it, so it is not read here.
            if p.first == p.due.first_day() {
                return Ok(Some(Start::At { due: p.due }));
            }
        }
    }
    c.i = save;
    Ok(None)
}

/// `by the 10th`, `before the 5th`, `on day 9`.
pub(super) fn day_of_month(c: &mut Cur) -> Option<(u32, bool)> {
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
