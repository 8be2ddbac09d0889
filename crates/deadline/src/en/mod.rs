//! The English grammar: the usual date forms, months, quarters, halves,
//! years and fiscal years (`period`); by/before, spans, open starts and
//! recurring duties (`forms`); ongoing work and event-relative phrases
//! (`free`).
//! A phrase is cut into parts (`;`, bullet lines, then `and` or `,` between
//! time expressions); each part is a label of plain words and one time
//! class read to its end; the rest is flagged, never dropped. Struck-through
//! words (`~~March 2020~~ June 2020`, `<s>…</s>`, [`super::markup`]) are a
//! revised date: the later one holds, the struck one stays in the printed
//! text only.

mod cadence;
mod forms;
mod free;
mod period;
mod recur;
mod relative;

pub(super) use period::month_word;

use super::cursor::{self, Cur, Try};
use super::grammar::{read_marked, split_joined, Context, Flag, Grammar, Reading, Severity, Steps};
use super::lex::{Tok, Token};
use super::{DeadlineKind, Milestone};

/// English time expressions of action plans (`docs/deadlines.md`).
pub struct English;

/// English cutting and part reading for the shared driver.
const STEPS: Steps<'static> = Steps {
    parts,
    read_part,
    no_time: "the phrase names no time",
};

impl Grammar for English {
    fn language(&self) -> &'static str {
        "en"
    }

    fn read(&self, text: &str, ctx: Context) -> Reading {
        read_marked(text, ctx, STEPS)
    }
}

/// Cuts at `;` and at lines that start with a bullet or follow a full stop.
fn parts(toks: &[Token]) -> Vec<&[Token]> {
    let bullet =
        |t: Option<&Token>| t.is_some_and(|t| matches!(t.tok, Tok::Sym('-' | '+' | '•' | '*')));
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < toks.len() {
        let cut = match toks[i].tok {
            Tok::Sym(';') => Some(i + 1),
            Tok::Newline if bullet(toks.get(i + 1)) => Some(i + 2),
            Tok::Newline if i > 0 && matches!(toks[i - 1].tok, Tok::Sym('.' | ':' | ',')) => {
                Some(i + 1)
            }
            _ => None,
        };
        match cut {
            Some(next) => {
                out.push(&toks[start..i]);
                start = next;
                i = next;
            }
            None => i += 1,
        }
    }
    out.push(&toks[start.min(toks.len())..]);
    out.into_iter()
        .map(|p| {
            let p = if bullet(p.first()) { &p[1..] } else { p };
            let keep = p
                .iter()
                .rposition(|t| !matches!(t.tok, Tok::Sym('.' | ',') | Tok::Newline))
                .map_or(0, |k| k + 1);
            &p[..keep]
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn unknown() -> Milestone {
    Milestone {
        label: None,
        kind: DeadlineKind::Unknown,
    }
}

/// Words that name or bound a time: never part of a label.
pub(super) const TIME_WORDS: &[&str] = &[
    "annual",
    "once",
    "twice",
    "times",
    "least",
    "minimally",
    "thereafter",
    "by",
    "before",
    "due",
    "in",
    "during",
    "within",
    "until",
    "from",
    "to",
    "after",
    "upon",
    "every",
    "each",
    "end",
    "q",
    "h",
    "fy",
    "fiscal",
    "quarter",
    "half",
    "year",
    "month",
    "annually",
    "yearly",
    "quarterly",
    "monthly",
    "weekly",
    "ongoing",
    "not",
    "no",
    "never",
    "starting",
    "since",
    "between",
    "or",
];

/// True when a token holds a number or a time word.
fn time_like(toks: &[Token]) -> bool {
    toks.iter().any(|t| {
        t.is_num()
            || t.word()
                .is_some_and(|w| TIME_WORDS.contains(&w) || period::month_word(w).is_some())
    })
}

fn label_word(t: &Token) -> bool {
    match t.word() {
        Some(w) => !TIME_WORDS.contains(&w) && period::month_word(w).is_none(),
        None => !t.is_num() && !t.is_sym('~'),
    }
}

/// One part: a whole clause, or several joined by `and`/`,`.
fn read_part(toks: &[Token], chars: &[char], ctx: Context) -> (Vec<Milestone>, Vec<Flag>) {
    let c = Cur::new(toks, chars);
    match clause(toks, chars, ctx) {
        Ok(Some(m)) => return (vec![m], Vec::new()),
        Err(f) => return (vec![unknown()], vec![f]),
        Ok(None) => {}
    }
    let pieces = split_joined(toks, "and");
    if pieces.len() > 1 {
        let read: Vec<_> = pieces.iter().map(|p| (p, clause(p, chars, ctx))).collect();
        let all_read = read.iter().all(|(_, r)| matches!(r, Ok(Some(_))));
        if all_read {
            let ms = read
                .into_iter()
                .filter_map(|(_, r)| r.ok().flatten())
                .collect();
            return (ms, Vec::new());
        }
    }
    let (severity, message) = if toks.iter().any(|t| t.is("or")) && time_like(toks) {
        (
            Severity::Ambiguous,
            "the phrase gives alternatives (or); which one holds is not guessed",
        )
    } else if time_like(toks) {
        (
            Severity::NotUnderstood,
            "part of this phrase is not understood, so none of it is read",
        )
    } else {
        (
            Severity::NotUnderstood,
            "the phrase names no time this grammar knows",
        )
    };
    (
        vec![unknown()],
        vec![c.flag(severity, 0, toks.len(), message.into())],
    )
}

/// `Label: time`, or label words then one time class to the end.
fn clause(toks: &[Token], chars: &[char], ctx: Context) -> Try<Milestone> {
    cursor::clause(toks, chars, ctx, body)
}

/// Label words, then a class read to the end. Returns where the label
/// ends and the meaning.
fn body(toks: &[Token], chars: &[char], ctx: Context) -> Try<(usize, DeadlineKind)> {
    for start in 0..toks.len() {
        if start > 0 && !label_word(&toks[start - 1]) {
            return Ok(None);
        }
        let at = Cur {
            i: start,
            ..Cur::new(toks, chars)
        };
        let mut c = at;
        if let Some(kind) = forms::time_form(&mut c, ctx)? {
            if c.finished() {
                return Ok(Some((start, kind)));
            }
        }
        let mut c = at;
        if let Some(kind) = recur::recurring(&mut c, ctx)? {
            if c.finished() {
                return Ok(Some((start, kind)));
            }
        }
        let mut c = at;
        if let Some(kind) = relative::duration(&mut c)? {
            return Ok(Some((start, kind)));
        }
        for rule in [free::ongoing, free::urgent, free::periodic] {
            let mut c = at;
            if let Some(kind) = rule(&mut c)? {
                return Ok(Some((start, kind)));
            }
        }
        let mut c = at;
        if let Some(kind) = free::unscheduled(&mut c, ctx)? {
            return Ok(Some((start, kind)));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests;
