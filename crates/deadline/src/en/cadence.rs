//! English cadences: the cycle of a recurring duty (`annually`, `every
//! quarter`, `every 3 months`, `every other month`, `fortnightly`) and how
//! many times in it (`twice a year`, `3 times a year`, `one activity per
//! quarter`). `biweekly`, `bimonthly` and `biannually` mean two things each
//! (twice per, or every two) and are flagged, never read.

use super::super::cursor::{Cur, Try};
use super::super::grammar::Severity;
use super::super::{Cycle, Recurrence, TimeUnit};

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
pub(super) fn cadence(c: &mut Cur) -> Try<Recurrence> {
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
        if c.eat_words(&[words]) {
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
        if c.eat_words(forms) {
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
