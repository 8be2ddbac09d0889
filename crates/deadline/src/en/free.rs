//! English phrases without a calendar date: ongoing work, urgent work,
//! work that recurs at no stated period, and phrases that hang on an
//! event, a request, a rule, another body's plan or a case arising (`6
//! months after launch`, `upon request`, `as required by law`, `if any`).

use super::super::cursor::{Cur, Try};
use super::super::grammar::Context;
use super::super::lex::Tok;
use super::super::{DeadlineKind, Due, Trigger};
use super::period::period;
use super::{forms, recur, relative};

/// `Ongoing`, `continuous`, `on an ongoing basis`.
pub(super) fn ongoing(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let _ = c.eat_any(&[&["on", "an"], &["on", "a"]]);
    let ok = c.eat_words(&[
        &["ongoing"],
        &["on", "-", "going"],
        &["on", "going"],
        &["continuous"],
        &["continuously"],
        &["continuing"],
        &["permanent"],
        &["regularly"],
    ]);
    if !ok {
        c.i = start;
        return Ok(None);
    }
    c.eat("basis");
    if !c.finished() {
        c.i = start;
        return Ok(None);
    }
    Ok(Some(DeadlineKind::Ongoing))
}

/// `As soon as possible`, `immediately`, `urgently`, `without delay`:
/// urgent, no date.
pub(super) fn urgent(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let ok = c.eat_words(&[
        &["as", "soon", "as", "possible"],
        &["as", "early", "as", "possible"],
        &["asap"],
        &["immediately"],
        &["urgently"],
        &["urgent"],
        &["without", "delay"],
        &["at", "the", "earliest", "opportunity"],
    ]);
    if !ok || !c.finished() {
        c.i = start;
        return Ok(None);
    }
    Ok(Some(DeadlineKind::Urgent))
}

/// `Periodically`, `periodic`, `at regular intervals`: recurs, how often
/// not written.
pub(super) fn periodic(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let ok = c.eat_words(&[
        &["periodically"],
        &["periodic"],
        &["at", "regular", "intervals"],
        &["on", "a", "periodic", "basis"],
        &["on", "a", "regular", "basis"],
    ]);
    if !ok || !c.finished() {
        c.i = start;
        return Ok(None);
    }
    Ok(Some(DeadlineKind::Periodic))
}

/// A phrase with no calendar date: `6 months after launch`, `within 30
/// days of approval`, `upon request`, `as required by law`, `according to
/// the Ministry's plan`, `if any`. An event's words are kept verbatim.
pub(super) fn unscheduled(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    let mut offset = None;
    let trigger = if c.eat_any(&[
        &["upon", "request"],
        &["on", "request"],
        &["when", "requested"],
        &["as", "requested"],
        &["at", "the", "request"],
        &["if", "requested"],
    ]) {
        Trigger::Request
    } else if c.eat_any(&[
        &["as", "required", "by"],
        &["as", "prescribed"],
        &["according", "to", "regulations"],
        &["according", "to", "the", "law"],
        &["in", "accordance", "with"],
        &["as", "provided", "by"],
    ]) {
        if c.t[c.i..]
            .iter()
            .any(|t| t.is("plan") || t.is("schedule") || t.is("timetable"))
        {
            Trigger::OtherPlan
        } else {
            Trigger::Regulation
        }
    } else if c.eat_words(&[
        &["if", "any"],
        &["if", "applicable"],
        &["where", "applicable"],
        &["when", "applicable"],
        &["if", "needed"],
        &["if", "necessary"],
        &["when", "needed"],
        &["when", "necessary"],
        &["where", "necessary"],
        &["as", "needed"],
        &["as", "necessary"],
        &["as", "and", "when", "required"],
        &["as", "and", "when", "needed"],
        &["if", "required"],
        &["when", "required"],
        &["as", "required"],
        &["if", "it", "arises"],
        &["when", "it", "arises"],
    ]) {
        Trigger::Condition
    } else if c.eat_any(&[
        &["according", "to"],
        &["per"],
        &["as", "scheduled", "by"],
        &["in", "line", "with"],
        &["following", "the", "schedule"],
    ]) {
        if c.t[c.i..]
            .iter()
            .any(|t| t.is("plan") || t.is("schedule") || t.is("timetable") || t.is("roadmap"))
        {
            Trigger::OtherPlan
        } else {
            c.i = start;
            return Ok(None);
        }
    } else if let Some(o) = relative::offset(c)? {
        offset = Some(o);
        Trigger::Event
    } else if c.eat_any(&[
        &["immediately", "after"],
        &["immediately", "upon"],
        &["immediately", "following"],
        &["as", "soon", "as"],
        &["after"],
        &["upon"],
        &["following"],
        &["once"],
        &["when"],
    ]) {
        Trigger::Event
    } else {
        return Ok(None);
    };
    let words = c.i;
    // A date inside would be lost: such a phrase is read otherwise.
    for k in c.i..c.t.len() {
        let mut probe = Cur { i: k, ..*c };
        if let Ok(Some(p)) = period(&mut probe, Context { year: None, ..ctx }) {
            if !matches!(p.due, Due::Year { .. }) || k == c.i {
                c.i = start;
                return Ok(None);
            }
        }
    }
    // `… and annually thereafter`: a class of its own after a joint is
    // read as a part of its own, never as words of the event.
    if joins_another_class(c, ctx) {
        c.i = start;
        return Ok(None);
    }
    let named = c.t[c.i..].iter().any(|t| matches!(t.tok, Tok::Word(_)));
    // The event must be named.
    if trigger == Trigger::Event && !named {
        c.i = start;
        return Ok(None);
    }
    c.i = c.t.len();
    let event = (trigger == Trigger::Event && named).then(|| c.rest_words(words));
    Ok(Some(DeadlineKind::Unscheduled {
        trigger,
        offset,
        event,
    }))
}

/// True when, after `and` or `,`, the rest of the clause is read whole by
/// a class of its own (a recurrence, ongoing work, a date or period).
fn joins_another_class(c: &Cur, ctx: Context) -> bool {
    (c.i + 1..c.t.len()).any(|k| {
        let joint = c.t[k - 1].is("and") || c.t[k - 1].is_sym(',') || c.t[k - 1].is("then");
        if !joint {
            return false;
        }
        let at = Cur { i: k, ..*c };
        let mut p = at;
        if matches!(recur::recurring(&mut p, ctx), Ok(Some(_))) && p.finished() {
            return true;
        }
        let mut p = at;
        if matches!(ongoing(&mut p), Ok(Some(_))) {
            return true;
        }
        let mut p = at;
        matches!(forms::time_form(&mut p, ctx), Ok(Some(_))) && p.finished()
    })
}
