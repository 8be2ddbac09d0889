//! The Vietnamese grammar: a phrase is cut into parts (`;`, bullet lines,
//! then `và` or `,` between time expressions), each part is a label of
//! plain words followed by one time class read to its end, and whatever
//! is left over is flagged, never dropped. Classes: `period` (dates and
//! periods), `forms` (spans, before/by, open starts), `recur` (recurring duties),
//! `free` (ongoing work, event-relative phrases).

mod cadence;
mod forms;
mod free;
mod period;
mod recur;

use super::cursor::{self, Cur, Try};
use super::grammar::{
    read_marked, split_joined, Context, DateOrder, Flag, Grammar, Reading, Severity, Steps,
};
use super::lex::{Tok, Token};
use super::{DeadlineKind, Milestone};

/// Vietnamese time expressions of official documents (`docs/deadlines.md`).
pub struct Vietnamese;

/// Vietnamese cutting and part reading for the shared driver.
const STEPS: Steps<'static> = Steps {
    parts,
    read_part,
    no_time: "the phrase names no time",
};

impl Grammar for Vietnamese {
    fn language(&self) -> &'static str {
        "vi"
    }

    fn read(&self, text: &str, ctx: Context) -> Reading {
        read_marked(text, ctx, STEPS)
    }
}

/// Words that make a label not a label: time words (a label holding them
/// would hide part of the time) and negations (`không thường xuyên`).
const NOT_IN_LABEL: [&str; 13] = [
    "tháng", "quý", "ngày", "tuần", "năm", "hằng", "mỗi", "kỳ", "nửa", "xuyên", "không", "chưa",
    "chẳng",
];

/// Cuts at `;`, at lines that start with a bullet (`-`, `+`, `•`) and at
/// line breaks after a full stop.
fn parts(toks: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    let bullet = |t: Option<&Token>| {
        t.is_some_and(|t| matches!(t.tok, Tok::Sym('-' | '+' | '•' | '*' | '–')))
    };
    let mut i = 0;
    while i < toks.len() {
        let cut = match toks[i].tok {
            Tok::Sym(';') => Some(i + 1),
            Tok::Newline if bullet(toks.get(i + 1)) => Some(i + 2),
            Tok::Newline if i > 0 && toks[i - 1].is_sym('.') => Some(i + 1),
            _ => None,
        };
        if let Some(next) = cut {
            out.push(&toks[start..i]);
            start = next;
            i = next;
        } else {
            i += 1;
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

/// One part: a whole clause, or several joined by `và`/`,`.
fn read_part(toks: &[Token], chars: &[char], ctx: Context) -> (Vec<Milestone>, Vec<Flag>) {
    let c = Cur::new(toks, chars);
    match clause(toks, chars, ctx) {
        Ok(Some(m)) => return (vec![m], Vec::new()),
        Err(f) => return (vec![unknown(None)], vec![f]),
        Ok(None) => {}
    }
    let pieces = split_joined(toks, "và");
    if pieces.len() > 1 {
        let read: Vec<_> = pieces.iter().map(|p| (p, clause(p, chars, ctx))).collect();
        let some_read = read.iter().any(|(_, r)| matches!(r, Ok(Some(_))));
        let rest_timely = read
            .iter()
            .all(|(p, r)| matches!(r, Ok(Some(_))) || time_like(p));
        if some_read && rest_timely {
            let mut ms = Vec::new();
            let mut fs = Vec::new();
            for (p, r) in read {
                match r {
                    Ok(Some(m)) => ms.push(m),
                    Ok(None) => {
                        let pc = Cur::new(p, chars);
                        fs.push(pc.flag(
                            Severity::NotUnderstood,
                            0,
                            p.len(),
                            "this part of the phrase is not understood".into(),
                        ));
                        ms.push(unknown(None));
                    }
                    Err(f) => {
                        fs.push(f);
                        ms.push(unknown(None));
                    }
                }
            }
            return (ms, fs);
        }
    }
    let (severity, message) = if toks.iter().any(|t| t.is("hoặc")) && time_like(toks) {
        (
            Severity::Ambiguous,
            "the phrase gives alternatives (hoặc); which one holds is not guessed",
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
        vec![unknown(None)],
        vec![c.flag(severity, 0, toks.len(), message.into())],
    )
}

fn unknown(label: Option<String>) -> Milestone {
    Milestone {
        label,
        kind: DeadlineKind::Unknown,
    }
}

/// True when a piece holds a number or a time word.
fn time_like(toks: &[Token]) -> bool {
    toks.iter().any(|t| {
        t.is_num()
            || t.word().is_some_and(|w| {
                [
                    "tháng", "quý", "năm", "ngày", "tuần", "hằng", "xuyên", "trước",
                ]
                .contains(&w)
            })
    })
}

/// A clause: `Label: time`, or label words then one time class to the end.
fn clause(toks: &[Token], chars: &[char], ctx: Context) -> Try<Milestone> {
    cursor::clause(toks, chars, ctx, body)
}

/// True when token `k` may belong to a label: a plain word, or the period
/// in the name of a report (`báo cáo tháng`, `báo cáo 6 tháng`, `báo cáo năm`).
fn label_word(toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    let after_report = |j: usize| j >= 2 && toks[j - 2].is("báo") && toks[j - 1].is("cáo");
    let six_months = |j: usize| {
        matches!(
            toks[j].tok,
            Tok::Num {
                value: 6,
                digits: 1
            }
        ) && after_report(j)
            && toks.get(j + 1).is_some_and(|n| n.is("tháng"))
    };
    if t.is_num() {
        return six_months(k);
    }
    match t.word() {
        Some(w @ ("tháng" | "quý" | "năm")) => {
            after_report(k) || (w == "tháng" && k >= 1 && six_months(k - 1))
        }
        Some(w) => !NOT_IN_LABEL.contains(&w),
        None => true,
    }
}

/// Label words, then a class read to the end of the clause. Returns where
/// the label ends and the meaning.
fn body(toks: &[Token], chars: &[char], ctx: Context) -> Try<(usize, DeadlineKind)> {
    let event_first = free::opens_event(&Cur::new(toks, chars));
    for start in 0..toks.len() {
        if start > 0 && event_first {
            return Ok(None);
        }
        if start > 0 && !label_word(toks, start - 1) {
            return Ok(None);
        }
        let mut c = Cur {
            t: toks,
            chars,
            i: start,
            month_first: ctx.date_order == Some(DateOrder::MonthDay),
        };
        if let Some(kind) = forms::time_form(&mut c, ctx)? {
            if c.finished() {
                return Ok(Some((start, kind)));
            }
        }
        let mut c = Cur { i: start, ..c };
        if let Some(kind) = recur::recurring(&mut c, ctx)? {
            if c.finished() {
                return Ok(Some((start, kind)));
            }
        }
        let mut c = Cur { i: start, ..c };
        if let Some(kind) = free::ongoing(&mut c, ctx)? {
            return Ok(Some((start, kind)));
        }
        let mut c = Cur { i: start, ..c };
        if let Some(kind) = free::duration(&mut c)? {
            return Ok(Some((start, kind)));
        }
        let mut c = Cur { i: start, ..c };
        if let Some(kind) = free::unscheduled(&mut c, ctx)? {
            return Ok(Some((start, kind)));
        }
        for rule in [free::urgent, free::periodic] {
            let mut c = Cur { i: start, ..c };
            if let Some(kind) = rule(&mut c)? {
                return Ok(Some((start, kind)));
            }
        }
    }
    Ok(None)
}
