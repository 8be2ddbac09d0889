//! English forms around a period: `by`/`before`/`end of`, spans
//! (`2021-2025`, `from January to June 2021`) and open starts (`from
//! 2021`, `2021 onwards`).

use super::super::cursor::{Cur, Try};
use super::super::grammar::{Context, Severity};
use super::super::{DeadlineKind, Due};
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
