//! English recurring duties: the cycle (`annually`, `every quarter`,
//! `every 3 months`, `every other month`, `fortnightly`), how many times in
//! it (`twice a year`, `3 times a year`, `one activity per quarter`), the
//! day in it (`monthly, by the 10th`, `annually by 15 December`), how
//! strictly (`at least`, `minimally`, `or as often as possible`) and from
//! when (`starting 2022`, `thereafter`). `biweekly`, `bimonthly` and
//! `biannually` mean two things each (twice per, or every two) and are
//! flagged, never read.

use super::super::grammar::{Context, Severity};
use super::super::vi::cursor::{Cur, Try};
use super::super::{Cycle, DayOfYear, DeadlineKind, Qualifier, Recurrence, Start, TimeUnit};
use super::free::eat_words;
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
    if eat_words(c, &[&["ongoing"], &["on", "-", "going"], &["on", "going"]]) {
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

/// A count written as a number (at most three digits) or a word.
pub(super) fn count(c: &mut Cur) -> Option<u32> {
    if let Some(n) = c.peek().and_then(|t| match t.tok {
        super::super::lex::Tok::Num { value, digits } if digits <= 3 => Some(value as u32),
        _ => None,
    }) {
        c.i += 1;
        return Some(n);
    }
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let w = c.peek().and_then(|t| t.word())?;
    let n = WORDS
        .iter()
        .position(|x| *x == w)
        .map(|k| k as u32 + 1)
        .or(match w {
            "fifteen" => Some(15),
            "eighteen" => Some(18),
            "twenty" => Some(20),
            "thirty" => Some(30),
            "sixty" => Some(60),
            "ninety" => Some(90),
            _ => None,
        })?;
    c.i += 1;
    Some(n)
}

/// A unit of a cycle, singular or plural.
fn unit(c: &mut Cur) -> Option<(TimeUnit, bool)> {
    let w = c.peek().and_then(|t| t.word())?;
    let u = match w {
        "day" | "days" => (TimeUnit::Day, false),
        "week" | "weeks" => (TimeUnit::Week, false),
        "month" | "months" => (TimeUnit::Month, false),
        "quarter" | "quarters" => (TimeUnit::Month, true),
        "year" | "years" | "annum" => (TimeUnit::Year, false),
        _ => return None,
    };
    c.i += 1;
    Some(u)
}

/// Every `n` of a unit (quarters counted as themselves).
fn every_n(n: u32, unit: (TimeUnit, bool)) -> Option<Recurrence> {
    match unit {
        (_, true) => Some(Recurrence {
            interval: n,
            ..Recurrence::of(Cycle::Quarterly {
                day: None,
                before: false,
            })
        }),
        (u, false) => Recurrence::every(n, u),
    }
}

fn impossible_count(c: &Cur, from: usize) -> super::super::Flag {
    c.flag(
        Severity::Impossible,
        from,
        c.i,
        "a duty cannot recur every zero periods or zero times".into(),
    )
}

/// The cycle and how many times in it.
fn cadence(c: &mut Cur) -> Try<Recurrence> {
    let start = c.i;
    let two_meanings = [
        (
            &["bi", "-", "weekly"][..],
            "twice a week or every two weeks",
        ),
        (&["biweekly"][..], "twice a week or every two weeks"),
        (&["bi", "weekly"][..], "twice a week or every two weeks"),
        (
            &["bi", "-", "monthly"][..],
            "twice a month or every two months",
        ),
        (&["bimonthly"][..], "twice a month or every two months"),
        (&["bi", "monthly"][..], "twice a month or every two months"),
        (
            &["bi", "-", "annually"][..],
            "twice a year or every two years",
        ),
        (&["biannually"][..], "twice a year or every two years"),
        (&["biannual"][..], "twice a year or every two years"),
        (
            &["bi", "-", "annual"][..],
            "twice a year or every two years",
        ),
    ];
    for (words, means) in two_meanings {
        if eat_words(c, &[words]) {
            return Err(c.flag(
                Severity::Ambiguous,
                start,
                c.i,
                format!("this word means {means}; which one is meant is not guessed"),
            ));
        }
    }
    let yearly = Cycle::Yearly {
        on: None,
        before: false,
    };
    let fixed: [(&[&[&str]], Recurrence); 8] = [
        (
            &[
                &["annually"],
                &["yearly"],
                &["every", "year"],
                &["each", "year"],
                &["once", "a", "year"],
                &["once", "per", "year"],
                &["once", "every", "year"],
                &["once", "yearly"],
                &["per", "year"],
                &["per", "annum"],
                &["annual"],
            ],
            Recurrence::of(yearly),
        ),
        (
            &[
                &["semi", "-", "annually"],
                &["semi", "annually"],
                &["semiannually"],
                &["half", "-", "yearly"],
                &["half", "yearly"],
                &["semi", "-", "annual"],
                &["semiannual"],
            ],
            Recurrence::of(Cycle::SixMonthly),
        ),
        (
            &[
                &["quarterly"],
                &["every", "quarter"],
                &["each", "quarter"],
                &["once", "a", "quarter"],
                &["once", "per", "quarter"],
                &["once", "every", "quarter"],
                &["per", "quarter"],
            ],
            Recurrence::of(Cycle::Quarterly {
                day: None,
                before: false,
            }),
        ),
        (
            &[
                &["monthly"],
                &["every", "month"],
                &["each", "month"],
                &["once", "a", "month"],
                &["once", "per", "month"],
                &["per", "month"],
            ],
            Recurrence::of(Cycle::Monthly {
                day: None,
                before: false,
            }),
        ),
        (
            &[
                &["fortnightly"],
                &["every", "fortnight"],
                &["once", "a", "fortnight"],
            ],
            Recurrence {
                interval: 2,
                ..Recurrence::of(Cycle::Weekly { weekday: None })
            },
        ),
        (
            &[
                &["weekly"],
                &["every", "week"],
                &["each", "week"],
                &["once", "a", "week"],
                &["once", "per", "week"],
                &["per", "week"],
            ],
            Recurrence::of(Cycle::Weekly { weekday: None }),
        ),
        (
            &[
                &["daily"],
                &["every", "day"],
                &["each", "day"],
                &["once", "a", "day"],
                &["per", "day"],
            ],
            Recurrence::of(Cycle::Daily),
        ),
        (
            &[&["biennially"], &["biennial"]],
            Recurrence {
                interval: 2,
                ..Recurrence::of(yearly)
            },
        ),
    ];
    for (forms, r) in fixed {
        if eat_words(c, forms) {
            return Ok(Some(r));
        }
    }
    // `every 3 months`, `every other month`, `every third year`.
    if c.eat("every") || c.eat("each") {
        let at = c.i;
        let n = if c.eat("other") {
            Some(2)
        } else if let Some(k) = ["second", "third", "fourth", "fifth", "sixth"]
            .iter()
            .position(|o| c.peek().is_some_and(|t| t.is(o)))
        {
            c.i += 1;
            Some(k as u32 + 2)
        } else {
            count(c)
        };
        if let (Some(n), Some(u)) = (n, unit(c)) {
            if n == 0 {
                return Err(impossible_count(c, at));
            }
            return Ok(every_n(n, u));
        }
        c.i = start;
        return Ok(None);
    }
    // `twice a year`, `3 times a year`, `one activity per quarter`,
    // `four times every two years`.
    let at = c.i;
    let times = if c.eat("once") {
        Some(1)
    } else if c.eat("twice") {
        Some(2)
    } else if c.eat("thrice") {
        Some(3)
    } else if let Some(n) = count(c) {
        if !(c.eat("times") || c.eat("time")) {
            // `one activity per quarter`: a few plain words name what recurs.
            let words = c.i;
            while c.i < words + 3
                && c.peek()
                    .and_then(|t| t.word())
                    .is_some_and(|w| !matches!(w, "a" | "an" | "per" | "each" | "every"))
            {
                c.i += 1;
            }
            if c.i == words {
                c.i = start;
                return Ok(None);
            }
        }
        Some(n)
    } else {
        None
    };
    let Some(times) = times else {
        return Ok(None);
    };
    let per = if c.eat("a") || c.eat("an") || c.eat("per") || c.eat("each") {
        unit(c).and_then(|u| every_n(1, u))
    } else if c.eat("every") {
        match (count(c), unit(c)) {
            (Some(n), Some(u)) if n > 0 => every_n(n, u),
            _ => None,
        }
    } else {
        None
    };
    let Some(per) = per else {
        c.i = start;
        return Ok(None);
    };
    if times == 0 {
        return Err(impossible_count(c, at));
    }
    Ok(Some(Recurrence { times, ..per }))
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
