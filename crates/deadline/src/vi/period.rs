//! Dates and periods: full dates, months with or without `tháng`,
//! quarters, halves, years, each number range-checked where it is read.
//! The forms built on them (before/by, spans, open starts) are in
//! [`super::forms`].

use chrono::NaiveDate;

use super::super::cursor::{Cur, Num, Try};
use super::super::grammar::{Context, Flag, Severity};
use super::super::Due;

/// The unit a time expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// A day of a month.
    Day { day: u32, month: u32 },
    /// A month.
    Month(u32),
    /// A quarter.
    Quarter(u32),
    /// A half year.
    Half(u32),
    /// A whole year.
    Year,
}

/// A time expression as written, the year possibly left out.
#[derive(Debug, Clone, Copy)]
pub(super) struct When {
    /// What it names.
    pub unit: Unit,
    /// The year, when written.
    pub year: Option<i32>,
    /// First token.
    pub from: usize,
    /// One past the last token.
    pub to: usize,
}

fn impossible(c: &Cur, from: usize, to: usize, msg: String) -> Flag {
    c.flag(Severity::Impossible, from, to, msg)
}

fn ambiguous(c: &Cur, from: usize, to: usize, msg: String) -> Flag {
    c.flag(Severity::Ambiguous, from, to, msg)
}

/// A year as written: exactly four digits.
fn year_of(c: &Cur, n: Num) -> Result<i32, Flag> {
    match n.digits {
        4 if n.value >= 1000 => Ok(n.value as i32),
        2 => Err(ambiguous(
            c,
            n.at,
            n.at + 1,
            format!(
                "the year {:02} has two digits; the century is not guessed",
                n.value
            ),
        )),
        _ => Err(impossible(
            c,
            n.at,
            n.at + 1,
            format!(
                "{} is not a year: years are written with four digits",
                c.text(n.at, n.at + 1)
            ),
        )),
    }
}

fn month_of(c: &Cur, n: Num) -> Result<u32, Flag> {
    if n.digits <= 2 && (1..=12).contains(&n.value) {
        Ok(n.value as u32)
    } else {
        Err(impossible(
            c,
            n.at,
            n.at + 1,
            format!("there is no month {}", c.text(n.at, n.at + 1)),
        ))
    }
}

fn day_of(c: &Cur, n: Num) -> Result<u32, Flag> {
    if n.digits <= 2 && (1..=31).contains(&n.value) {
        Ok(n.value as u32)
    } else {
        Err(impossible(
            c,
            n.at,
            n.at + 1,
            format!("there is no day {} in a month", c.text(n.at, n.at + 1)),
        ))
    }
}

/// An optional year after a month or quarter: `/2025`, `-2025`, ` năm 2025`.
fn trailing_year(c: &mut Cur) -> Result<Option<i32>, Flag> {
    let save = c.i;
    if c.sep().is_some() || c.eat("năm") {
        if let Some(n) = c.num() {
            // `tháng 6 - 9/2025`: a month range, not a year.
            if n.digits != 4 && c.peek().is_some_and(|t| t.is_sym('/') || t.is_sym('.')) {
                c.i = save;
                return Ok(None);
            }
            if n.digits < 4 && c.t.get(save).is_some_and(|t| t.is_sym('-')) {
                c.i = save;
                return Ok(None);
            }
            return year_of(c, n).map(Some);
        }
    }
    c.i = save;
    Ok(None)
}

fn quarter_word(w: &str) -> Option<u32> {
    match w {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        _ => None,
    }
}

/// Reads one time expression at the cursor.
pub(super) fn when(c: &mut Cur) -> Try<When> {
    let from = c.i;
    match when_inner(c)? {
        Some((unit, year)) => Ok(Some(When {
            unit,
            year,
            from,
            to: c.i,
        })),
        None => {
            c.i = from;
            Ok(None)
        }
    }
}

fn when_inner(c: &mut Cur) -> Result<Option<(Unit, Option<i32>)>, Flag> {
    let start = c.i;
    // `cuối năm 2025`, `cuối tháng 6/2025`: the end of a period is its last day.
    if c.eat("cuối") {
        if c.peek()
            .is_some_and(|t| t.is("năm") || t.is("tháng") || t.is("quý"))
        {
            return when_inner(c);
        }
        c.i = start;
        return Ok(None);
    }
    if c.eat("đầu") || c.eat("giữa") {
        if c.peek()
            .is_some_and(|t| t.is("năm") || t.is("tháng") || t.is("quý"))
        {
            if let Some((_, _)) = when_inner(c)? {
                return Err(ambiguous(
                    c,
                    start,
                    c.i,
                    "\"đầu\"/\"giữa\" (start/middle of) a period names no day; none is guessed"
                        .into(),
                ));
            }
        }
        c.i = start;
        return Ok(None);
    }
    if c.eat("ngày") {
        c.eat("mùng");
        let Some(d) = c.num() else {
            c.i = start;
            return Ok(None);
        };
        if c.eat("tháng") {
            let Some(m) = c.num() else {
                c.i = start;
                return Ok(None);
            };
            let (day, month) = (day_of(c, d)?, month_of(c, m)?);
            let year = trailing_year(c)?;
            return Ok(Some((Unit::Day { day, month }, year)));
        }
        return match numeric(c, d)? {
            Some(r) => Ok(Some(r)),
            None => {
                c.i = start;
                Ok(None)
            }
        };
    }
    if c.eat("tháng") {
        let Some(m) = c.num() else {
            c.i = start;
            return Ok(None);
        };
        let month = month_of(c, m)?;
        let year = trailing_year(c)?;
        return Ok(Some((Unit::Month(month), year)));
    }
    if c.eat("quý") {
        let q = match c.peek().map(|t| &t.tok) {
            Some(super::super::lex::Tok::Word(w)) => quarter_word(w),
            Some(super::super::lex::Tok::Num { value, digits }) => {
                if *digits == 1 && (1..=4).contains(value) {
                    Some(*value as u32)
                } else {
                    return Err(impossible(
                        c,
                        c.i,
                        c.i + 1,
                        format!("there is no quarter {}", c.text(c.i, c.i + 1)),
                    ));
                }
            }
            _ => None,
        };
        let Some(q) = q else {
            c.i = start;
            return Ok(None);
        };
        c.i += 1;
        let year = trailing_year(c)?;
        return Ok(Some((Unit::Quarter(q), year)));
    }
    // `6 tháng đầu năm 2025`, `sáu tháng cuối năm`, `nửa đầu năm 2025`.
    if let Some(r) = half(c)? {
        return Ok(Some(r));
    }
    c.i = start;
    if c.eat("năm") {
        let Some(n) = c.num() else {
            c.i = start;
            return Ok(None);
        };
        return Ok(Some((Unit::Year, Some(year_of(c, n)?))));
    }
    let Some(n) = c.num() else {
        return Ok(None);
    };
    match numeric(c, n)? {
        Some(r) => Ok(Some(r)),
        None if n.digits == 4 => Ok(Some((Unit::Year, Some(n.value as i32)))),
        None if n.digits > 4 => Err(impossible(
            c,
            n.at,
            n.at + 1,
            format!(
                "{} is neither a date nor a four-digit year",
                c.text(n.at, n.at + 1)
            ),
        )),
        None => {
            c.i = start;
            Ok(None)
        }
    }
}

/// `6 tháng đầu năm [2025]`, `sáu tháng cuối năm`, `nửa đầu năm 2025`.
fn half(c: &mut Cur) -> Result<Option<(Unit, Option<i32>)>, Flag> {
    let six = if c.eat("nửa") {
        true
    } else {
        let word = c.eat("sáu") || c.num().is_some_and(|n| n.value == 6 && n.digits == 1);
        word && c.eat("tháng")
    };
    if !six {
        return Ok(None);
    }
    let half = if c.eat("đầu") {
        1
    } else if c.eat("cuối") {
        2
    } else {
        return Ok(None);
    };
    if !c.eat("năm") {
        return Ok(None);
    }
    let year = match c.num() {
        Some(n) => Some(year_of(c, n)?),
        None => None,
    };
    Ok(Some((Unit::Half(half), year)))
}

/// Numeric forms after a first number `a`: `30/6/2025`, `30.06.2025`,
/// `2025-06-30`, `6/2025`, `30/6`.
fn numeric(c: &mut Cur, a: Num) -> Result<Option<(Unit, Option<i32>)>, Flag> {
    let save = c.i;
    let Some(s1) = c.sep() else {
        return Ok(None);
    };
    let Some(b) = c.num() else {
        c.i = save;
        return Ok(None);
    };
    // ISO `2025-06-30`.
    if a.digits == 4 {
        if s1 == '-' && b.digits == 2 {
            let s = c.i;
            if c.sep() == Some('-') {
                if let Some(d) = c.num() {
                    let (month, day) = (month_of(c, b)?, day_of(c, d)?);
                    return Ok(Some((Unit::Day { day, month }, Some(a.value as i32))));
                }
            }
            c.i = s;
        }
        c.i = save;
        return Ok(None);
    }
    // `6/2025`: a month and its year.
    if b.digits >= 4 && !c.peek().is_some_and(|t| t.is_sym('/') || t.is_sym('.')) {
        let year = year_of(c, b)?;
        let month = month_of(c, a)?;
        return Ok(Some((Unit::Month(month), Some(year))));
    }
    let s = c.i;
    if let Some(s2) = c.sep() {
        if let Some(y) = c.num() {
            if s1 != s2 {
                return Err(ambiguous(
                    c,
                    a.at,
                    y.at + 1,
                    format!(
                        "{} mixes separators: a date or a range? none is guessed",
                        c.text(a.at, y.at + 1)
                    ),
                ));
            }
            let (d, m) = if c.month_first { (b, a) } else { (a, b) };
            let (day, month) = (day_of(c, d)?, month_of(c, m)?);
            let year = year_of(c, y)?;
            return Ok(Some((Unit::Day { day, month }, Some(year))));
        }
        c.i = s;
    }
    // `30/6` without a year.
    if s1 == '-' {
        // `3-6` is a range of numbers, not a date.
        c.i = save;
        return Ok(None);
    }
    if b.digits == 2 && b.value > 12 && a.value <= 12 {
        return Err(ambiguous(
            c,
            a.at,
            b.at + 1,
            format!(
                "{} may be a month with a two-digit year; it is not guessed",
                c.text(a.at, b.at + 1)
            ),
        ));
    }
    let (d, m) = if c.month_first { (b, a) } else { (a, b) };
    let (day, month) = (day_of(c, d)?, month_of(c, m)?);
    Ok(Some((Unit::Day { day, month }, None)))
}

/// A time expression made a [`Due`], with the plan's year where it has none.
pub(super) fn resolve(c: &Cur, w: When, ctx: Context) -> Result<Due, Flag> {
    let Some(year) = w.year.or(ctx.year) else {
        return Err(ambiguous(
            c,
            w.from,
            w.to,
            "no year is written and the plan gives none; it is not guessed".into(),
        ));
    };
    Ok(match w.unit {
        Unit::Day { day, month } => match NaiveDate::from_ymd_opt(year, month, day) {
            Some(date) => Due::On { date },
            None => {
                return Err(impossible(
                    c,
                    w.from,
                    w.to,
                    format!("the date {day:02}/{month:02}/{year:04} does not exist"),
                ))
            }
        },
        Unit::Month(month) => Due::Month { year, month },
        Unit::Quarter(quarter) => Due::Quarter { year, quarter },
        Unit::Half(half) => Due::Half { year, half },
        Unit::Year => Due::Year { year },
    })
}
