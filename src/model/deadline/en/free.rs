//! English phrases without a calendar date: ongoing work, and phrases
//! that hang on an event, a request, a rule or another body's plan
//! (`6 months after launch`, `upon request`, `as required by law`).

use super::super::grammar::Context;
use super::super::lex::Tok;
use super::super::vi::cursor::{Cur, Try};
use super::super::{DeadlineKind, Due, Trigger};
use super::period::period;

/// Takes the first of several word sequences that is there; `-` in a
/// sequence is the symbol (`on-going`, `semi-annually`).
pub(super) fn eat_words(c: &mut Cur, seqs: &[&[&str]]) -> bool {
    for seq in seqs {
        let ok = seq.iter().enumerate().all(|(k, w)| {
            c.peek_at(k)
                .is_some_and(|t| if *w == "-" { t.is_sym('-') } else { t.is(w) })
        });
        if ok {
            c.i += seq.len();
            return true;
        }
    }
    false
}

/// `Ongoing`, `continuous`, `on an ongoing basis`.
pub(super) fn ongoing(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let _ = c.eat_any(&[&["on", "an"], &["on", "a"]]);
    let ok = eat_words(
        c,
        &[
            &["ongoing"],
            &["on", "-", "going"],
            &["on", "going"],
            &["continuous"],
            &["continuously"],
            &["continuing"],
            &["permanent"],
            &["regularly"],
        ],
    );
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

/// A phrase with no calendar date: `6 months after launch`, `within 30
/// days of approval`, `upon request`, `as required by law`, `according to
/// the Ministry's plan`. The event's words stay in the printed text.
pub(super) fn unscheduled(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
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
    } else if relative(c)
        || c.eat_any(&[
            &["after"],
            &["upon"],
            &["following"],
            &["once"],
            &["when"],
            &["immediately", "after"],
        ])
    {
        Trigger::Event
    } else {
        return Ok(None);
    };
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
    // The event must be named.
    if trigger == Trigger::Event && !c.t[c.i..].iter().any(|t| matches!(t.tok, Tok::Word(_))) {
        c.i = start;
        return Ok(None);
    }
    c.i = c.t.len();
    Ok(Some(DeadlineKind::Unscheduled { trigger }))
}

/// `6 months after`, `30 days from`, `within 2 weeks of`, `no later than
/// 15 days after`.
fn relative(c: &mut Cur) -> bool {
    let start = c.i;
    let _ = c.eat_any(&[
        &["no", "later", "than"],
        &["not", "later", "than"],
        &["within"],
    ]);
    let within = c.t[start..c.i].iter().any(|t| t.is("within"));
    let Some(_) = c.num().filter(|n| n.digits <= 3) else {
        c.i = start;
        return false;
    };
    if !c.eat_any(&[
        &["days"],
        &["day"],
        &["weeks"],
        &["week"],
        &["months"],
        &["month"],
        &["years"],
        &["year"],
        &["working", "days"],
        &["business", "days"],
    ]) {
        c.i = start;
        return false;
    }
    let linked = c.eat_any(&[&["after"], &["from"], &["following"], &["of"], &["since"]]);
    if !linked && !within {
        c.i = start;
        return false;
    }
    true
}
