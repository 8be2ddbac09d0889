//! Recurring duties: daily, weekly, monthly, quarterly, six-monthly and
//! yearly, with or without a day (`Hằng tháng`, `trước ngày mùng 9 của
//! tháng báo cáo`, `hằng năm, trước ngày 15/12`, `thứ Sáu hằng tuần`),
//! every few periods (`định kỳ 3 tháng một lần`, `2 năm/lần`), a number of
//! times in each (`mỗi năm 2 lần`, `ít nhất mỗi quý một lần`), from a
//! start (`từ năm 2025`, `sau đó`).

use super::super::cursor::{Cur, Try};
use super::super::grammar::{Context, Flag, Severity};
use super::super::{Cycle, DayOfYear, DeadlineKind, Qualifier, Recurrence, Start};
use super::cadence::{count, every, Every};
use super::period;

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

/// Recurring forms, the day before or after the period word, with a
/// qualifier (`ít nhất`, `tối thiểu`) and a start (`từ năm 2025`, `sau đó`).
pub(super) fn recurring(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    let r = recurring_inner(c, ctx);
    if !matches!(r, Ok(Some(_))) {
        c.i = start;
    }
    r
}

fn rec(cycle: Cycle) -> Try<DeadlineKind> {
    Ok(Some(DeadlineKind::Recurring {
        every: Recurrence::of(cycle),
    }))
}

/// `ít nhất`, `tối thiểu`, `không ít hơn`.
fn at_least(c: &mut Cur) -> bool {
    c.eat_any(&[
        &["ít", "nhất", "là"],
        &["ít", "nhất"],
        &["tối", "thiểu", "là"],
        &["tối", "thiểu"],
        &["không", "ít", "hơn"],
    ])
}

fn recurring_inner(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    // Day first: `trước ngày mùng 9 của tháng báo cáo`, `thứ Sáu hằng tuần`,
    // `trước ngày 15/12 hằng năm`.
    if let Some(w) = weekday(c) {
        if every(c)?.and_then(|e| e.plain()) == Some(Every::Week) {
            return rec(Cycle::Weekly { weekday: Some(w) });
        }
        return Ok(None);
    }
    let before = when_word(c);
    if let Some(on) = year_day(c)? {
        if every(c)?.and_then(|e| e.plain()) == Some(Every::Year) {
            return rec(Cycle::Yearly {
                on: Some(on),
                before: before.unwrap_or(false),
            });
        }
        return Ok(None);
    }
    if let Some(day) = month_day(c)? {
        match of_month(c) {
            Some(Every::Quarter) => {
                return rec(Cycle::Quarterly {
                    day: Some(day),
                    before: before.unwrap_or(false),
                })
            }
            Some(_) => {
                return rec(Cycle::Monthly {
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
    // Period first: `hằng tháng`, `hằng năm, trước ngày 15/12`,
    // `ít nhất mỗi quý một lần`, `định kỳ 3 tháng một lần`.
    let mut qualifier = at_least(c).then_some(Qualifier::AtLeast);
    let Some(e) = every(c)? else {
        return Ok(None);
    };
    let after_period = c.i;
    let _ = c.eat_sym(',') || c.eat_sym('(') || c.eat_sym(':');
    c.eat("gửi");
    let before = when_word(c);
    let cycle = match e.every {
        Every::Day => Cycle::Daily,
        Every::Week => {
            c.eat("vào");
            Cycle::Weekly {
                weekday: weekday(c),
            }
        }
        Every::Month => Cycle::Monthly {
            day: month_day(c)?,
            before: before.unwrap_or(false),
        },
        Every::Quarter => {
            let day = month_day(c)?;
            if day.is_some() && !c.eat_all(&["của", "tháng", "cuối", "quý"]) {
                return Ok(None);
            }
            Cycle::Quarterly {
                day,
                before: before.unwrap_or(false),
            }
        }
        Every::SixMonths => Cycle::SixMonthly,
        Every::Year => Cycle::Yearly {
            on: year_day(c)?,
            before: before.unwrap_or(false),
        },
    };
    let has_day = !matches!(
        cycle,
        Cycle::Daily
            | Cycle::Weekly { weekday: None }
            | Cycle::Monthly { day: None, .. }
            | Cycle::Quarterly { day: None, .. }
            | Cycle::SixMonthly
            | Cycle::Yearly { on: None, .. }
    );
    if !has_day {
        c.i = after_period;
    } else {
        c.eat_sym(')');
    }
    let mut every = Recurrence {
        interval: e.interval,
        times: e.times,
        ..Recurrence::of(cycle)
    };
    // `Hằng năm, ít nhất 01 lần`: how many times, at least.
    let save = c.i;
    c.eat_sym(',');
    if at_least(c) {
        match count(c) {
            Some(n) if n > 0 && c.eat("lần") && every.times == 1 => {
                every.times = n;
                qualifier = Some(Qualifier::AtLeast);
            }
            _ => c.i = save,
        }
    } else if c.eat_any(&[
        &["hoặc", "thường", "xuyên", "hơn"],
        &["hoặc", "nhiều", "hơn"],
    ]) {
        qualifier = Some(Qualifier::AtLeast);
    } else {
        c.i = save;
    }
    every.qualifier = qualifier;
    every.start = start_of(c, ctx)?;
    Ok(Some(DeadlineKind::Recurring { every }))
}

/// `, bắt đầu từ năm 2025`, `từ tháng 01/2025 [trở đi]`, `sau đó`.
fn start_of(c: &mut Cur, ctx: Context) -> Result<Option<Start>, Flag> {
    let save = c.i;
    c.eat_sym(',');
    c.eat("và");
    if c.eat_all(&["sau", "đó"]) || c.eat_all(&["tiếp", "theo"]) {
        return Ok(Some(Start::Thereafter));
    }
    if c.eat_any(&[
        &["bắt", "đầu", "từ"],
        &["bắt", "đầu"],
        &["kể", "từ"],
        &["từ"],
    ]) {
        if let Some(w) = period::when(c)? {
            let due = period::resolve(c, w, ctx)?;
            c.eat_all(&["trở", "đi"]);
            return Ok(Some(Start::At { due }));
        }
    }
    c.i = save;
    Ok(None)
}
