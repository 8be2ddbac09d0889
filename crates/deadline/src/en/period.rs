//! English points and periods: days in the usual forms (`December 31, 2020`,
//! `31 December 2020`, `2020-12-31`, `12/31/2020` in the declared order),
//! months, quarters (`Q4 2020`), halves (`H1 2021`), years, and fiscal
//! years (`FY 2021`, from the declared fiscal-year start).

use chrono::{Months, NaiveDate};

use super::super::cursor::{Cur, Num, Try};
use super::super::grammar::{Context, DateOrder, Severity};
use super::super::Due;

/// A point or period named by the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Period {
    /// When it is due (a day, or the last of a calendar period).
    pub due: Due,
    /// Its first day (a fiscal year's first day is not its calendar year's).
    pub first: NaiveDate,
    /// True for a single day.
    pub is_day: bool,
}

impl Period {
    fn of(due: Due) -> Period {
        Period {
            due,
            first: due.first_day(),
            is_day: matches!(due, Due::On { .. }),
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month names and their abbreviations (`Dec`, `Dec.`, `Sept`).
pub(crate) fn month_word(w: &str) -> Option<u32> {
    let k = MONTHS.iter().position(|m| *m == w).or_else(|| {
        let short = if w == "sept" { "sep" } else { w };
        (short.len() == 3 && short != "may")
            .then(|| MONTHS.iter().position(|m| m.starts_with(short)))
            .flatten()
    })?;
    Some(k as u32 + 1)
}

const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

/// Any point or period, tried from the most specific form.
pub(super) fn period(c: &mut Cur, ctx: Context) -> Try<Period> {
    let start = c.i;
    for rule in [
        iso,
        numeric,
        month_first,
        day_first,
        quarter,
        half,
        fiscal,
        year,
    ] {
        c.i = start;
        if let Some(p) = rule(c, ctx)? {
            return Ok(Some(p));
        }
    }
    c.i = start;
    Ok(None)
}

fn year_num(n: Num) -> Option<i32> {
    (n.digits == 4).then_some(n.value as i32)
}

fn take_year(c: &mut Cur) -> Option<i32> {
    let save = c.i;
    match c.num().and_then(year_num) {
        Some(y) => Some(y),
        None => {
            c.i = save;
            None
        }
    }
}

fn day_of(c: &Cur, from: usize, y: i32, m: u32, d: u64) -> Result<NaiveDate, super::super::Flag> {
    u32::try_from(d)
        .ok()
        .and_then(|d| NaiveDate::from_ymd_opt(y, m, d))
        .ok_or_else(|| {
            c.flag(
                Severity::Impossible,
                from,
                c.i,
                format!("there is no day {d} in month {m} of {y}"),
            )
        })
}

/// An ordinal suffix after a day number (`31st`, `2nd`).
fn suffix(c: &mut Cur) {
    let _ = c.eat("st") || c.eat("nd") || c.eat("rd") || c.eat("th");
}

/// `2020-12-31`, `2020/12/31`, `2020-12` (ISO days and months).
fn iso(c: &mut Cur, _: Context) -> Try<Period> {
    let from = c.i;
    let Some(y) = take_year(c) else {
        return Ok(None);
    };
    let Some(sep) = c.sep().filter(|s| *s == '-' || *s == '/') else {
        return Ok(None);
    };
    let Some(m) = c.num().filter(|n| n.digits == 2) else {
        return Ok(None);
    };
    if !(1..=12).contains(&m.value) {
        // `2021-25` is a span of years, not a month.
        return Ok(None);
    }
    let month = m.value as u32;
    let save = c.i;
    if c.sep() == Some(sep) {
        if let Some(d) = c.num().filter(|n| n.digits <= 2) {
            return Ok(Some(Period::of(Due::On {
                date: day_of(c, from, y, month, d.value)?,
            })));
        }
    }
    c.i = save;
    Ok(Some(Period::of(Due::Month { year: y, month })))
}

/// `12/31/2020`, `31.12.2020` (order declared in `site.yaml`), `12/2020`.
fn numeric(c: &mut Cur, ctx: Context) -> Try<Period> {
    let from = c.i;
    let Some(a) = c.num().filter(|n| n.digits <= 2) else {
        return Ok(None);
    };
    let Some(sep) = c.sep() else {
        return Ok(None);
    };
    let Some(b) = c.num() else {
        return Ok(None);
    };
    if let Some(y) = year_num(b) {
        // `12/2020`: a month.
        if !(1..=12).contains(&a.value) {
            return Err(c.flag(
                Severity::Impossible,
                from,
                c.i,
                format!("there is no month {}", a.value),
            ));
        }
        return Ok(Some(Period::of(Due::Month {
            year: y,
            month: a.value as u32,
        })));
    }
    if b.digits > 2 || c.sep() != Some(sep) {
        return Ok(None);
    }
    let Some(y) = c.num().and_then(year_num) else {
        return Ok(None);
    };
    let (a, b) = (a.value, b.value);
    let order = match ctx.date_order {
        Some(o) => o,
        None if a == b => DateOrder::DayMonth,
        None if a > 12 && b <= 12 => DateOrder::DayMonth,
        None if b > 12 && a <= 12 => DateOrder::MonthDay,
        None => {
            return Err(c.flag(
                Severity::Ambiguous,
                from,
                c.i,
                format!("{a}{sep}{b}{sep}{y} may be day first or month first; the order is not guessed (declare `date_order` in site.yaml)"),
            ))
        }
    };
    let (m, d) = match order {
        DateOrder::MonthDay => (a, b),
        DateOrder::DayMonth => (b, a),
    };
    if !(1..=12).contains(&m) {
        return Err(c.flag(
            Severity::Impossible,
            from,
            c.i,
            format!(
                "there is no month {m} (all-number dates are read {} first, as site.yaml declares)",
                match order {
                    DateOrder::MonthDay => "month",
                    DateOrder::DayMonth => "day",
                }
            ),
        ));
    }
    Ok(Some(Period::of(Due::On {
        date: day_of(c, from, y, m as u32, d)?,
    })))
}

/// A month name, with the plan's year when none is written.
fn month_name(c: &mut Cur) -> Option<u32> {
    let m = c.peek().and_then(|t| t.word()).and_then(month_word)?;
    c.i += 1;
    c.eat_sym('.');
    Some(m)
}

/// `December 31, 2020`, `Dec. 31st 2020`, `December 2020`, `December`.
fn month_first(c: &mut Cur, ctx: Context) -> Try<Period> {
    let from = c.i;
    let Some(m) = month_name(c) else {
        return Ok(None);
    };
    let save = c.i;
    if let Some(d) = c.num().filter(|n| n.digits <= 2) {
        suffix(c);
        c.eat_sym(',');
        if let Some(y) = take_year(c) {
            return Ok(Some(Period::of(Due::On {
                date: day_of(c, from, y, m, d.value)?,
            })));
        }
    }
    c.i = save;
    c.eat_sym(',');
    c.eat("of");
    let y = match take_year(c) {
        Some(y) => y,
        None => {
            c.i = save;
            match ctx.year {
                Some(y) => y,
                None => return Ok(None),
            }
        }
    };
    Ok(Some(Period::of(Due::Month { year: y, month: m })))
}

/// `31 December 2020`, `the 31st of December, 2020`.
fn day_first(c: &mut Cur, _: Context) -> Try<Period> {
    let from = c.i;
    c.eat("the");
    let Some(d) = c.num().filter(|n| n.digits <= 2) else {
        return Ok(None);
    };
    suffix(c);
    c.eat("of");
    let Some(m) = month_name(c) else {
        return Ok(None);
    };
    c.eat_sym(',');
    let Some(y) = take_year(c) else {
        return Ok(None);
    };
    Ok(Some(Period::of(Due::On {
        date: day_of(c, from, y, m, d.value)?,
    })))
}

/// A 1–`max` number after a letter (`Q4`, `H1`), or an ordinal word.
fn ordinal(c: &mut Cur, max: u64) -> Option<u32> {
    if let Some(n) = c
        .num()
        .filter(|n| (1..=max).contains(&n.value) && n.digits == 1)
    {
        suffix(c);
        return Some(n.value as u32);
    }
    let w = c.peek().and_then(|t| t.word())?;
    let k = ORDINALS.iter().take(max as usize).position(|o| *o == w)?;
    c.i += 1;
    Some(k as u32 + 1)
}

/// A year after a period word: `2020`, `of 2020`, `, 2020`, `FY2021`.
fn trailing_year(c: &mut Cur, ctx: Context) -> Option<i32> {
    let save = c.i;
    c.eat_sym(',');
    c.eat("of");
    c.eat_sym('-');
    if let Some(y) = take_year(c) {
        return Some(y);
    }
    c.i = save;
    ctx.year
}

/// `Q4 2020`, `2020 Q4`, `2020-Q4`, `4th quarter of 2020`, `fourth quarter`,
/// `Q1 FY2021` (a quarter of the fiscal year).
fn quarter(c: &mut Cur, ctx: Context) -> Try<Period> {
    let from = c.i;
    let lead_year = take_year(c);
    if lead_year.is_some() {
        c.eat_sym('-');
    }
    let q = if c.eat("q") || c.eat_all(&["quarter"]) {
        ordinal(c, 4)
    } else {
        let q = ordinal(c, 4);
        if q.is_some() && !c.eat("quarter") {
            return Ok(None);
        }
        q
    };
    let Some(q) = q else {
        return Ok(None);
    };
    if lead_year.is_none() {
        let save = c.i;
        c.eat_sym(',');
        c.eat("of");
        if let Some(fy) = fiscal(c, ctx)? {
            // Quarter q of a fiscal year: three months from its start.
            let first = fy
                .first
                .checked_add_months(Months::new(3 * (q - 1)))
                .unwrap_or(fy.first);
            let last = first
                .checked_add_months(Months::new(3))
                .and_then(|d| d.pred_opt())
                .unwrap_or(first);
            let due = Due::Quarter {
                year: chrono::Datelike::year(&last),
                quarter: chrono::Datelike::month(&last).div_ceil(3),
            };
            let aligned = due.first_day() == first;
            return Ok(Some(Period {
                due: if aligned { due } else { Due::On { date: last } },
                first,
                is_day: false,
            }));
        }
        c.i = save;
    }
    let Some(year) = lead_year.or_else(|| trailing_year(c, ctx)) else {
        c.i = from;
        return Ok(None);
    };
    Ok(Some(Period::of(Due::Quarter { year, quarter: q })))
}

/// `H1 2021`, `first half of 2021`, `2nd half 2021`.
fn half(c: &mut Cur, ctx: Context) -> Try<Period> {
    let h = if c.eat("h") {
        ordinal(c, 2)
    } else {
        let h = ordinal(c, 2);
        if h.is_some() && !c.eat("half") {
            return Ok(None);
        }
        h
    };
    let Some(h) = h else {
        return Ok(None);
    };
    let Some(year) = trailing_year(c, ctx) else {
        return Ok(None);
    };
    Ok(Some(Period::of(Due::Half { year, half: h })))
}

/// `2021`, `calendar year 2021`, `CY2021`.
fn year(c: &mut Cur, _: Context) -> Try<Period> {
    let _ = c.eat_all(&["calendar", "year"]) || c.eat("cy");
    Ok(take_year(c).map(|year| Period::of(Due::Year { year })))
}

/// `FY 2021`, `FY2021`, `FY21`, `FY 2020/21`, `FY 2020-2021`,
/// `fiscal year 2021`, `fiscal 2021`: the fiscal year that ends in 2021.
pub(super) fn fiscal(c: &mut Cur, ctx: Context) -> Try<Period> {
    let from = c.i;
    if !(c.eat("fy") || c.eat_all(&["fiscal", "year"]) || c.eat("fiscal")) {
        return Ok(None);
    }
    c.eat_sym('-');
    let Some(a) = c.num() else {
        c.i = from;
        return Ok(None);
    };
    let first_year = match a.digits {
        4 => a.value as i32,
        2 => 2000 + a.value as i32,
        _ => {
            c.i = from;
            return Ok(None);
        }
    };
    let mut end_year = first_year;
    let save = c.i;
    if matches!(c.sep(), Some('/' | '-')) {
        match c.num() {
            Some(b) if b.digits == 2 || b.digits == 4 => {
                let b = if b.digits == 2 {
                    first_year - first_year % 100 + b.value as i32
                } else {
                    b.value as i32
                };
                if b != first_year + 1 {
                    return Err(c.flag(
                        Severity::Impossible,
                        from,
                        c.i,
                        format!("a fiscal year runs over two consecutive years, not {first_year} and {b}"),
                    ));
                }
                end_year = b;
            }
            _ => c.i = save,
        }
    }
    let Some(start) = ctx.fiscal_year_start else {
        return Err(c.flag(
            Severity::Ambiguous,
            from,
            c.i,
            "a fiscal year's dates depend on the month it starts in, which site.yaml does not declare (`fiscal_year_start`)".into(),
        ));
    };
    if end_year != first_year && start == 1 {
        return Err(c.flag(
            Severity::Impossible,
            from,
            c.i,
            "this fiscal year spans two years, but site.yaml says fiscal years start in January"
                .into(),
        ));
    }
    if start == 1 {
        return Ok(Some(Period::of(Due::Year { year: end_year })));
    }
    let first =
        NaiveDate::from_ymd_opt(end_year - 1, start.clamp(1, 12), 1).unwrap_or(NaiveDate::MIN);
    let last = first
        .checked_add_months(Months::new(12))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    Ok(Some(Period {
        due: Due::On { date: last },
        first,
        is_day: false,
    }))
}
