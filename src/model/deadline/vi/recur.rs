//! Recurring duties: weekly, monthly, quarterly, six-monthly and yearly,
//! with or without a day (`Hằng tháng`, `trước ngày mùng 9 của tháng báo
//! cáo`, `hằng năm, trước ngày 15/12`, `thứ Sáu hằng tuần`).

use super::super::grammar::Severity;
use super::super::{DayOfYear, DeadlineKind, Recurrence};
use super::cursor::{Cur, Try};

/// How often, before any day is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Every {
    Week,
    Month,
    Quarter,
    SixMonths,
    Year,
}

/// `hằng tháng`, `mỗi quý`, `định kỳ 6 tháng`, `6 tháng một lần`, …
fn every(c: &mut Cur) -> Option<Every> {
    let save = c.i;
    let periodic = c.eat_all(&["định", "kỳ"]);
    let each = c.eat("hằng") || c.eat("mỗi");
    let unit = if c.eat("tuần") {
        Some(Every::Week)
    } else if c.eat("quý") {
        Some(Every::Quarter)
    } else if c.eat("năm") {
        Some(Every::Year)
    } else if (c.eat("sáu") || c.num().is_some_and(|n| n.value == 6 && n.digits == 1))
        && c.eat("tháng")
    {
        // `6 tháng một lần`, `6 tháng/lần`, `định kỳ 6 tháng`.
        let once = c.eat_all(&["một", "lần"])
            || c.eat_all(&["1", "lần"])
            || {
                let s = c.i;
                let ok = c.eat_sym('/') && c.eat("lần");
                if !ok {
                    c.i = s;
                }
                ok
            }
            || c.num().is_some_and(|n| n.value == 1) && c.eat("lần");
        (once || periodic || each).then_some(Every::SixMonths)
    } else if c.eat("tháng") {
        Some(Every::Month)
    } else {
        None
    };
    match unit {
        Some(Every::SixMonths) => Some(Every::SixMonths),
        Some(u) if periodic || each => Some(u),
        _ => {
            c.i = save;
            None
        }
    }
}

/// `trước|chậm nhất|vào` before a day: true for "before".
fn when_word(c: &mut Cur) -> Option<bool> {
    if c.eat("trước") {
        Some(true)
    } else if c.eat_all(&["chậm", "nhất"]) || c.eat("vào") || c.eat_all(&["hạn", "chót"]) {
        c.eat("là");
        Some(false)
    } else {
        None
    }
}

fn weekday(c: &mut Cur) -> Option<u32> {
    let save = c.i;
    if c.eat_all(&["chủ", "nhật"]) {
        return Some(7);
    }
    if c.eat("thứ") {
        let names = ["hai", "ba", "tư", "năm", "sáu", "bảy"];
        if let Some(k) = names.iter().position(|n| c.peek().is_some_and(|t| t.is(n))) {
            c.i += 1;
            return Some(k as u32 + 1);
        }
        if let Some(n) = c.num() {
            if (2..=7).contains(&n.value) {
                return Some(n.value as u32 - 1);
            }
        }
    }
    c.i = save;
    None
}

/// A day of the month after `ngày`, range-checked; 29–31 are flagged
/// because not every month has them.
fn month_day(c: &mut Cur) -> Try<u32> {
    let save = c.i;
    if !c.eat("ngày") {
        return Ok(None);
    }
    c.eat("mùng");
    let Some(n) = c.num() else {
        c.i = save;
        return Ok(None);
    };
    if c.peek()
        .is_some_and(|t| t.is_sym('/') || t.is_sym('.') || t.is_sym('-'))
    {
        c.i = save;
        return Ok(None);
    }
    if n.digits > 2 || !(1..=31).contains(&n.value) {
        return Err(c.flag(
            Severity::Impossible,
            n.at,
            n.at + 1,
            format!("there is no day {} in a month", c.text(n.at, n.at + 1)),
        ));
    }
    if n.value > 28 {
        return Err(c.flag(
            Severity::Ambiguous,
            save,
            n.at + 1,
            format!(
                "not every month has a day {}; which day is meant in shorter months is not guessed",
                n.value
            ),
        ));
    }
    Ok(Some(n.value as u32))
}

/// `ngày 15/12`, `ngày 15 tháng 12`: a day of the year.
fn year_day(c: &mut Cur) -> Try<DayOfYear> {
    let save = c.i;
    if !c.eat("ngày") {
        return Ok(None);
    }
    let Some(d) = c.num() else {
        c.i = save;
        return Ok(None);
    };
    if !(c.eat("tháng") || c.eat_sym('/') || c.eat_sym('.')) {
        c.i = save;
        return Ok(None);
    }
    let Some(m) = c.num() else {
        c.i = save;
        return Ok(None);
    };
    if c.peek().is_some_and(|t| t.is_sym('/') || t.is_sym('.')) {
        // A full date: not a yearly day.
        c.i = save;
        return Ok(None);
    }
    let ok = d.digits <= 2
        && m.digits <= 2
        && chrono::NaiveDate::from_ymd_opt(2024, m.value as u32, d.value as u32).is_some();
    if !ok {
        return Err(c.flag(
            Severity::Impossible,
            d.at,
            m.at + 1,
            format!("the day {} does not exist", c.text(d.at, m.at + 1)),
        ));
    }
    Ok(Some(DayOfYear {
        day: d.value as u32,
        month: m.value as u32,
    }))
}

/// `của tháng [báo cáo]`, `hằng tháng`, `mỗi tháng`: the month context of a
/// day; `của tháng cuối quý` makes it quarterly. Other words naming a
/// quarter or year after `của tháng` (`của tháng đầu quý`) are not read.
fn of_month(c: &mut Cur) -> Option<Every> {
    if c.eat_all(&["của", "tháng", "cuối", "quý"]) {
        return Some(Every::Quarter);
    }
    if c.eat_all(&["hằng", "tháng"]) || c.eat_all(&["mỗi", "tháng"]) {
        return Some(Every::Month);
    }
    let save = c.i;
    if c.eat_all(&["của", "tháng"]) {
        // `của tháng báo cáo`, `của tháng sau`: words naming the month.
        while let Some(w) = c.peek().and_then(|t| t.word()) {
            if matches!(w, "quý" | "năm" | "tuần") {
                c.i = save;
                return None;
            }
            c.i += 1;
        }
        return Some(Every::Month);
    }
    None
}

/// Recurring forms, the day before or after the period word.
pub(super) fn recurring(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let r = recurring_inner(c);
    if !matches!(r, Ok(Some(_))) {
        c.i = start;
    }
    r
}

fn recurring_inner(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let rec = |every| Ok(Some(DeadlineKind::Recurring { every }));
    // Day first: `trước ngày mùng 9 của tháng báo cáo`, `thứ Sáu hằng tuần`,
    // `trước ngày 15/12 hằng năm`.
    if let Some(w) = weekday(c) {
        if every(c) == Some(Every::Week) {
            return rec(Recurrence::Weekly { weekday: Some(w) });
        }
        return Ok(None);
    }
    let before = when_word(c);
    if let Some(on) = year_day(c)? {
        if every(c) == Some(Every::Year) {
            return rec(Recurrence::Yearly {
                on: Some(on),
                before: before.unwrap_or(false),
            });
        }
        return Ok(None);
    }
    if let Some(day) = month_day(c)? {
        match of_month(c) {
            Some(Every::Quarter) => {
                return rec(Recurrence::Quarterly {
                    day: Some(day),
                    before: before.unwrap_or(false),
                })
            }
            Some(_) => {
                return rec(Recurrence::Monthly {
                    day: Some(day),
                    before: before.unwrap_or(false),
                })
            }
            None => {}
        }
        if before.is_some() && c.finished() {
            return Err(c.flag(
                Severity::Ambiguous,
                start,
                c.i,
                "a day without a month: once, or every month? it is not guessed".into(),
            ));
        }
        return Ok(None);
    }
    if before.is_some() {
        return Ok(None);
    }
    // Period first: `hằng tháng`, `hằng năm, trước ngày 15/12`.
    let Some(e) = every(c) else {
        return Ok(None);
    };
    let after_period = c.i;
    let _ = c.eat_sym(',') || c.eat_sym('(') || c.eat_sym(':');
    c.eat("gửi");
    let before = when_word(c);
    let every = match e {
        Every::Week => {
            c.eat("vào");
            Recurrence::Weekly {
                weekday: weekday(c),
            }
        }
        Every::Month => Recurrence::Monthly {
            day: month_day(c)?,
            before: before.unwrap_or(false),
        },
        Every::Quarter => {
            let day = month_day(c)?;
            if day.is_some() && !c.eat_all(&["của", "tháng", "cuối", "quý"]) {
                return Ok(None);
            }
            Recurrence::Quarterly {
                day,
                before: before.unwrap_or(false),
            }
        }
        Every::SixMonths => Recurrence::SixMonthly,
        Every::Year => Recurrence::Yearly {
            on: year_day(c)?,
            before: before.unwrap_or(false),
        },
    };
    let has_day = !matches!(
        every,
        Recurrence::Weekly { weekday: None }
            | Recurrence::Monthly { day: None, .. }
            | Recurrence::Quarterly { day: None, .. }
            | Recurrence::SixMonthly
            | Recurrence::Yearly { on: None, .. }
    );
    if !has_day {
        c.i = after_period;
    } else {
        c.eat_sym(')');
    }
    rec(every)
}
