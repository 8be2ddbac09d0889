//! Time phrases inside a longer sentence, for plans written as prose
//! (`Sở Nội vụ chủ trì, hoàn thành trước ngày 30/6/2025.`): every phrase
//! the grammar reads **whole**, with no flag and no label, longest first
//! and never overlapping; nothing is guessed.
//!
//! A phrase starts and ends at a word's edge: never inside a document
//! number (`Nghị định số 30/2025/NĐ-CP`, `Kế hoạch 114/KH-BCĐ`), whose
//! parts glue to their neighbours with `/` or `-`. A phrase holds a word
//! of time or a whole day (`30/6/2025`): a bare number (`Điều 5`, `khoản
//! 2`, `2025`) says nothing about time in prose. The date a cited document
//! bears (`Kế hoạch số 02-KH/BCĐ ngày 17/10/2025`) is not a time limit and
//! is not found. Classes whose words run free (an event, a rule, a
//! request) run to the end of their clause (`,`, `;`, `.`, a bracket or the
//! end), and are not found when no clause ends within reach; urgent,
//! ongoing and periodic words are found alone (`Khẩn trương`).

use std::ops::Range;

use super::grammar::{Context, Grammar};
use super::lex::{lex, nfc_chars, Tok, Token};
use super::{Deadline, DeadlineKind, MeaningSource};

/// The most tokens a found phrase holds.
const MAX_TOKENS: usize = 24;

/// A time phrase found inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is, in characters of the sentence in NFC (the sentence's
    /// own characters when it is NFC, as imported text is).
    pub range: Range<usize>,
    /// The phrase, verbatim (its words are also `deadline.text`).
    pub phrase: String,
    /// What it means, read whole.
    pub deadline: Deadline,
    /// True for a date or period written bare, with no word making it a
    /// time limit (`ngày 23/10/2025`, `tháng 6/2025`, `March 2021`): in
    /// prose such a date may only be mentioned, so a reader of the
    /// sentence decides; `trước ngày 30/6/2025`, `trong năm 2025`, `hằng
    /// năm` are not bare.
    pub bare: bool,
}

/// How a kind's words end: closed kinds end where the grammar ends them;
/// free kinds run to the end of their clause; keyword kinds are their
/// keyword alone.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extent {
    Closed,
    ToClauseEnd,
    Keyword,
}

fn extent(kind: &DeadlineKind) -> Extent {
    match kind {
        // A length may be followed by the event it counts from (`within 6
        // months of the law …`): it is found only where its clause ends.
        DeadlineKind::Unscheduled { .. } | DeadlineKind::Duration { .. } => Extent::ToClauseEnd,
        DeadlineKind::Ongoing | DeadlineKind::Urgent | DeadlineKind::Periodic => Extent::Keyword,
        DeadlineKind::Milestones { items } => items
            .iter()
            .map(|m| extent(&m.kind))
            .find(|e| *e != Extent::Closed)
            .unwrap_or(Extent::Closed),
        _ => Extent::Closed,
    }
}

/// The phrases of `sentence` that `grammar` reads whole, longest first
/// where two overlap, in sentence order.
///
/// ```
/// use minhbach_deadline::{find_in, vi::Vietnamese, Context};
/// let ctx = Context { year: Some(2025), ..Context::default() };
/// let found = find_in(&Vietnamese, "Sở Nội vụ chủ trì, hoàn thành trước ngày 30/6/2025.", &ctx);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].phrase, "trước ngày 30/6/2025");
/// assert!(find_in(&Vietnamese, "Thực hiện Nghị định số 30/2025/NĐ-CP.", &ctx).is_empty());
/// ```
pub fn find_in(grammar: &dyn Grammar, sentence: &str, ctx: &Context) -> Vec<Found> {
    let chars = nfc_chars(sentence);
    let toks = lex(&chars);
    let mut candidates: Vec<(Range<usize>, Deadline, bool)> = Vec::new();
    let mut cited_until = 0;
    for i in 0..toks.len() {
        if i < cited_until || !starts_phrase(&chars, &toks, i) || verb_first(&toks, i) {
            continue;
        }
        let cited = cited_date_follows(grammar, &chars, &toks, i);
        let mut closed: Option<(usize, Deadline)> = None;
        let mut free: Option<(usize, Deadline)> = None;
        for j in i + 1..=(i + MAX_TOKENS).min(toks.len()) {
            if toks[j - 1].tok == Tok::Newline {
                break;
            }
            if !ends_phrase(&chars, &toks, j) || !well_bounded(&toks[i..j]) {
                continue;
            }
            let text: String = chars[toks[i].start..toks[j - 1].end].iter().collect();
            let reading = grammar.read(&text, *ctx);
            if !reading.flags.is_empty()
                || reading.label.is_some()
                || !reading.kind.is_understood()
                || has_labels(&reading.kind)
                || !timely(&toks[i..j], &reading.kind)
            {
                continue;
            }
            let deadline = Deadline {
                text,
                kind: reading.kind,
                meaning: MeaningSource::Read,
                flags: Vec::new(),
            };
            if cited {
                // The cited document's date, and every part of it, is passed.
                cited_until = cited_until.max(j);
                continue;
            }
            match extent(&deadline.kind) {
                Extent::Closed => closed = Some((j, deadline)),
                // The words run to the first end of the clause, no further.
                Extent::ToClauseEnd if clause_ends(&toks, j) => {
                    if !matches!(free, Some((_, ref d)) if extent(&d.kind) == Extent::ToClauseEnd) {
                        free = Some((j, deadline));
                    }
                }
                Extent::ToClauseEnd => {}
                Extent::Keyword => {
                    if free.is_none() {
                        free = Some((j, deadline));
                    }
                }
            }
        }
        let keyword = |f: &Option<(usize, Deadline)>| matches!(f, Some((_, d)) if extent(&d.kind) == Extent::Keyword);
        let best = match (closed, free) {
            (Some(c), Some(f)) if keyword(&Some(f.clone())) || c.0 >= f.0 => Some(c),
            (c, f) => f.or(c),
        };
        if let Some((j, d)) = best {
            let bare = bare(grammar, &toks[i..j], &d.kind);
            candidates.push((toks[i].start..toks[j - 1].end, d, bare));
        }
    }
    candidates.sort_by(|a, b| (b.0.len(), a.0.start).cmp(&(a.0.len(), b.0.start)));
    let mut taken: Vec<(Range<usize>, Deadline, bool)> = Vec::new();
    for c in candidates {
        if taken
            .iter()
            .all(|t| c.0.end <= t.0.start || t.0.end <= c.0.start)
        {
            taken.push(c);
        }
    }
    taken.sort_by_key(|t| t.0.start);
    taken
        .into_iter()
        .map(|(range, deadline, bare)| Found {
            phrase: deadline.text.clone(),
            range,
            deadline,
            bare,
        })
        .collect()
}

/// True at `hoàn thành` (`hoàn thành trong năm 2026`): the cell grammar
/// reads the verb before `trong`, but in a sentence it is the sentence's
/// own word; the phrase is `trong năm 2026`.
fn verb_first(toks: &[Token], i: usize) -> bool {
    toks[i].is("hoàn") && toks.get(i + 1).is_some_and(|t| t.is("thành"))
}

/// True when a character glues a token to its neighbour inside a
/// document number or a word (`30/2025/NĐ-CP`, `02-KH`).
fn glue(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '/' | '-' | '–' | '_' | '.' | '@' | '&')
}

/// A phrase may start at token `i`: a word, a number or an opening
/// bracket not glued to what comes before it.
fn starts_phrase(chars: &[char], toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let kind_ok = matches!(t.tok, Tok::Word(_) | Tok::Num { .. } | Tok::Sym('('));
    kind_ok && (t.start == 0 || !glue(chars[t.start - 1]))
}

/// A phrase may end before token `j`: its last character is not glued to
/// what follows (a full stop ends a sentence only before a space or the end).
fn ends_phrase(chars: &[char], toks: &[Token], j: usize) -> bool {
    let end = toks[j - 1].end;
    match chars.get(end) {
        None => true,
        Some(&'.') => chars.get(end + 1).is_none_or(|n| !n.is_alphanumeric()),
        Some(&c) => !glue(c),
    }
}

/// A phrase ends on a word, a number or the bracket it opened (`(nếu
/// có)`), never on punctuation; it holds a bracket only when it opens with
/// it (a remark in brackets after a date is the sentence's, not the
/// phrase's).
fn well_bounded(toks: &[Token]) -> bool {
    let opened = toks.first().is_some_and(|t| t.is_sym('('));
    let last_ok = match toks.last().map(|t| &t.tok) {
        Some(Tok::Word(_) | Tok::Num { .. }) => true,
        Some(Tok::Sym(')')) => opened,
        _ => false,
    };
    if !last_ok {
        return false;
    }
    let mut depth: i32 = 0;
    for (k, t) in toks.iter().enumerate() {
        match t.tok {
            Tok::Sym('(') if k > 0 || !opened => return false,
            Tok::Sym('(') => depth += 1,
            Tok::Sym(')') => {
                depth -= 1;
                if depth < 0 || k + 1 != toks.len() {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// True when the clause ends before token `j`.
fn clause_ends(toks: &[Token], j: usize) -> bool {
    match toks.get(j).map(|t| &t.tok) {
        None | Some(Tok::Newline) => true,
        Some(Tok::Sym(c)) => matches!(c, ',' | ';' | '.' | ')' | ':' | '!' | '?'),
        _ => false,
    }
}

fn has_labels(kind: &DeadlineKind) -> bool {
    match kind {
        DeadlineKind::Milestones { items } => items.iter().any(|m| m.label.is_some()),
        _ => false,
    }
}

/// A phrase holds a word, or is a whole day: numbers alone (`5`, `2025`,
/// `6/2025`) say nothing about time in prose.
fn timely(toks: &[Token], kind: &DeadlineKind) -> bool {
    toks.iter().any(|t| t.word().is_some())
        || matches!(
            kind,
            DeadlineKind::Due {
                due: super::Due::On { .. }
            }
        )
}

/// The words that name a date or period itself (not a limit on it).
fn date_word(language: &str, w: &str) -> bool {
    match language {
        "vi" => matches!(
            w,
            "ngày" | "tháng" | "quý" | "năm" | "mùng" | "i" | "ii" | "iii" | "iv"
        ),
        _ => {
            matches!(
                w,
                "q" | "h"
                    | "fy"
                    | "cy"
                    | "st"
                    | "nd"
                    | "rd"
                    | "th"
                    | "of"
                    | "the"
                    | "quarter"
                    | "half"
                    | "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "fiscal"
                    | "year"
                    | "calendar"
            ) || super::en::month_word(w).is_some()
        }
    }
}

/// True for a date or period written with no word limiting it.
fn bare(grammar: &dyn Grammar, toks: &[Token], kind: &DeadlineKind) -> bool {
    matches!(kind, DeadlineKind::Due { .. })
        && toks
            .iter()
            .filter_map(Token::word)
            .all(|w| date_word(grammar.language(), w))
}

/// True when token `i` opens the date of a cited document: `Kế hoạch số
/// 02-KH/BCĐ ngày 17/10/2025`, `Decree 12/2021/ND-CP of 5 March 2021`.
fn cited_date_follows(grammar: &dyn Grammar, chars: &[char], toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let dated = match &t.tok {
        Tok::Num { .. } => true,
        Tok::Word(w) => date_word(grammar.language(), w),
        _ => false,
    };
    if !dated {
        return false;
    }
    // The word before, skipping one joining word (`of`, `dated`).
    let mut words = chars[..t.start]
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .rev();
    let Some(mut prev) = words.next() else {
        return false;
    };
    let joining = |w: &[char]| {
        let s: String = w.iter().flat_map(|c| c.to_lowercase()).collect();
        matches!(s.as_str(), "of" | "dated" | "ngày")
    };
    if joining(prev) {
        match words.next() {
            Some(w) => prev = w,
            None => return false,
        }
    }
    let number = prev.contains(&'/') && prev.iter().any(|c| c.is_alphabetic());
    let numbered = prev.iter().all(|c| c.is_ascii_digit())
        && words.next().is_some_and(|w| {
            let s: String = w.iter().flat_map(|c| c.to_lowercase()).collect();
            matches!(s.as_str(), "số" | "no." | "no" | "số:")
        });
    number || numbered
}
