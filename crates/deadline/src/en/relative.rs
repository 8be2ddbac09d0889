//! English lengths of time: a duration with no start (`6 months`, `within
//! 12 months`) and a length counted from an event (`30 days after`,
//! `within 30 days of`, `no later than 10 days before`).

use super::super::cursor::{Cur, Try};
use super::super::grammar::Severity;
use super::super::{DeadlineKind, Length, Offset, Side, TimeUnit};
use super::cadence::count;

/// `30 days`, `6 months`, `10 working days`, `a year`.
pub(super) fn length(c: &mut Cur) -> Option<Length> {
    let start = c.i;
    let n = if c.eat("a") || c.eat("an") {
        Some(1)
    } else {
        count(c)
    };
    let n = n?;
    let unit = if c.eat_words(&[
        &["working", "days"],
        &["working", "day"],
        &["business", "days"],
        &["business", "day"],
        &["work", "days"],
    ]) {
        TimeUnit::WorkingDay
    } else {
        let u = match c.peek().and_then(|t| t.word()) {
            Some("hour" | "hours") => TimeUnit::Hour,
            Some("day" | "days") => TimeUnit::Day,
            Some("week" | "weeks") => TimeUnit::Week,
            Some("month" | "months") => TimeUnit::Month,
            Some("year" | "years") => TimeUnit::Year,
            _ => {
                c.i = start;
                return None;
            }
        };
        c.i += 1;
        u
    };
    Some(Length { count: n, unit })
}

fn zero(c: &Cur, from: usize) -> super::super::Flag {
    c.flag(
        Severity::Impossible,
        from,
        c.i,
        "a length of zero is no time limit".into(),
    )
}

/// A duration from no stated start, read to the end: `6 months`, `within
/// 12 months`, `in the next 6 weeks`, `up to 2 years`.
pub(super) fn duration(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let _ = c.eat_any(&[
        &["within", "the", "next"],
        &["in", "the", "next"],
        &["over", "the", "next"],
        &["within"],
        &["in"],
        &["up", "to"],
    ]);
    let at = c.i;
    let Some(length) = length(c) else {
        c.i = start;
        return Ok(None);
    };
    if !c.finished() {
        c.i = start;
        return Ok(None);
    }
    if length.count == 0 {
        return Err(zero(c, at));
    }
    Ok(Some(DeadlineKind::Duration { length }))
}

/// A length counted from an event, up to the word that links it to the
/// event: `6 months after`, `30 days from`, `within 2 weeks of`, `no
/// later than 15 days after`, `10 days before`.
pub(super) fn offset(c: &mut Cur) -> Try<Offset> {
    let start = c.i;
    let within = c.eat_any(&[
        &["no", "later", "than"],
        &["not", "later", "than"],
        &["at", "the", "latest"],
        &["at", "most"],
        &["at", "least"],
        &["within"],
        &["up", "to"],
        &["by"],
    ]);
    let at = c.i;
    let Some(length) = length(c) else {
        c.i = start;
        return Ok(None);
    };
    let side = if c.eat_any(&[
        &["after"],
        &["from"],
        &["following"],
        &["since"],
        &["of"],
        &["upon"],
    ]) {
        Side::After
    } else if c.eat_any(&[&["before"], &["prior", "to"], &["ahead", "of"]]) {
        Side::Before
    } else {
        c.i = start;
        return Ok(None);
    };
    // `6 months of …` with no limit word is not a time from an event.
    if !within && c.t[c.i - 1].is("of") {
        c.i = start;
        return Ok(None);
    }
    if length.count == 0 {
        return Err(zero(c, at));
    }
    Ok(Some(Offset {
        length,
        side,
        within,
    }))
}
