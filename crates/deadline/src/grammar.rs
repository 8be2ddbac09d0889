//! One grammar per language, behind one trait.
//!
//! A grammar reads a printed time phrase into a [`Reading`]: its meaning and
//! the flags raised on the way (an impossible date, an ambiguous form, a part
//! not understood). The Vietnamese grammar is [`super::vi::Vietnamese`];
//! another language adds a type implementing [`Grammar`] and a line in
//! [`super::for_language`].

use serde::Serialize;

use super::lex::{Tok, Token};
use super::{DeadlineKind, Milestone};

/// What a grammar may assume beyond the words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The plan's year, used when the text omits it (`Quý IV`).
    pub year: Option<i32>,
    /// The order of all-number dates (`12/31/2020`), as `site.yaml`
    /// declares it; `None`: only forms with one possible reading are read.
    pub date_order: Option<DateOrder>,
    /// The month (1–12) a fiscal year starts in, as `site.yaml` declares
    /// it; `None`: fiscal years (`FY 2021`) are not read.
    pub fiscal_year_start: Option<u32>,
}

/// The order of day and month in an all-number date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Month first: `12/31/2020`.
    MonthDay,
    /// Day first: `31/12/2020`.
    DayMonth,
}

impl DateOrder {
    /// The word it is written with in `tasks.yaml` (`date_order: month_day`).
    pub fn key(self) -> &'static str {
        match self {
            DateOrder::MonthDay => "month_day",
            DateOrder::DayMonth => "day_month",
        }
    }
}

/// How serious a flag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The words name something that cannot exist (`31/02/2025`, `tháng 13`).
    Impossible,
    /// The words allow more than one reading; none is chosen.
    Ambiguous,
    /// Words that no class of the grammar covers.
    NotUnderstood,
}

/// A problem found in one part of a phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// How serious.
    pub severity: Severity,
    /// First character of the part (in the NFC text), 0-based.
    pub start: usize,
    /// The part, verbatim.
    pub part: String,
    /// What is wrong, in plain words.
    pub message: String,
}

/// A grammar's reading of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The meaning (`Unknown`, or `Unknown` parts, where flagged).
    pub kind: DeadlineKind,
    /// Problems, in text order.
    pub flags: Vec<Flag>,
    /// The label before the time when the phrase is one labelled
    /// milestone (`Báo cáo` in `Báo cáo trước ngày 10/12/2025`); the
    /// meaning holds the labels of several milestones itself.
    pub label: Option<String>,
}

/// A deadline grammar for one language.
pub trait Grammar: Sync {
    /// The language code the grammar reads (`vi`).
    fn language(&self) -> &'static str;

    /// Reads `text` whole: every part is understood or flagged.
    fn read(&self, text: &str, ctx: Context) -> Reading;
}

/// The longest cell read as a time phrase; the rules look ahead within a
/// clause, so a bound keeps hostile input from costing quadratic time.
pub(super) const MAX_CHARS: usize = 1000;

/// What reading one part gives: its milestones and the flags of what it left over.
pub(super) type PartReading = (Vec<Milestone>, Vec<Flag>);

/// A grammar's own steps, given to [`read_phrase`]: how a phrase is cut
/// into parts and how one part is read.
pub(super) struct Steps<'a> {
    /// Cuts the tokens into parts (at `;`, bullet lines, ...).
    pub parts: fn(&[Token]) -> Vec<&[Token]>,
    /// Reads one part into milestones, flagging what it leaves over.
    pub read_part: fn(&[Token], &[char], Context) -> PartReading,
    /// Why nothing was read when no part names a time.
    pub no_time: &'a str,
}

/// The driver every grammar shares: refuse an overlong cell, read each part
/// (a line break inside a part is a space), and make one kind of the parts'
/// milestones, flagging a phrase that names no time.
pub(super) fn read_phrase(chars: &[char], toks: &[Token], ctx: Context, steps: Steps) -> Reading {
    if chars.len() > MAX_CHARS {
        return Reading {
            kind: DeadlineKind::Unknown,
            label: None,
            flags: vec![Flag {
                severity: Severity::NotUnderstood,
                start: 0,
                part: chars.iter().take(40).collect(),
                message: format!(
                    "the cell is {} characters long; a time phrase is at most {MAX_CHARS}, so it is not read",
                    chars.len()
                ),
            }],
        };
    }
    let mut flags = Vec::new();
    let mut items = Vec::new();
    for part in (steps.parts)(toks) {
        let part: Vec<Token> = part
            .iter()
            .filter(|t| t.tok != Tok::Newline)
            .cloned()
            .collect();
        let (ms, fs) = (steps.read_part)(&part, chars, ctx);
        items.extend(ms);
        flags.extend(fs);
    }
    let mut label = None;
    let kind = match items.len() {
        0 => {
            let nfc: String = chars.iter().collect();
            let lead = nfc.chars().take_while(|c| c.is_whitespace()).count();
            flags.push(Flag {
                severity: Severity::NotUnderstood,
                start: lead,
                part: nfc.trim().to_string(),
                message: steps.no_time.to_string(),
            });
            DeadlineKind::Unknown
        }
        1 => items.pop().map_or(DeadlineKind::Unknown, |m| {
            label = m.label;
            m.kind
        }),
        _ => DeadlineKind::Milestones { items },
    };
    Reading { kind, flags, label }
}

/// Reads `text` as `steps` say, the markup of revisions blanked first
/// ([`super::markup`]); flags quote the words as printed.
pub(super) fn read_marked(text: &str, ctx: Context, steps: Steps) -> Reading {
    let printed = super::lex::nfc_chars(text);
    if printed.len() > MAX_CHARS {
        return read_phrase(&printed, &[], ctx, steps);
    }
    let (chars, struck) = super::markup::blank(&printed);
    let toks = super::lex::lex(&chars);
    let steps = Steps {
        no_time: if struck {
            "every date is struck through: no date holds"
        } else {
            steps.no_time
        },
        ..steps
    };
    let mut reading = read_phrase(&chars, &toks, ctx, steps);
    for f in &mut reading.flags {
        let n = f.part.chars().count();
        f.part = printed.iter().skip(f.start).take(n).collect();
    }
    reading
}

/// Splits a part's tokens at the language's `conjunction` (`và`, `and`) and
/// at `,`, outside brackets; empty pieces are dropped.
pub(super) fn split_joined<'a>(toks: &'a [Token], conjunction: &str) -> Vec<&'a [Token]> {
    let mut out = Vec::new();
    let (mut start, mut depth) = (0, 0usize);
    for (i, t) in toks.iter().enumerate() {
        match t.tok {
            Tok::Sym('(') => depth += 1,
            Tok::Sym(')') => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && (t.is(conjunction) || t.is_sym(',')) {
            out.push(&toks[start..i]);
            start = i + 1;
        }
    }
    out.push(&toks[start..]);
    out.into_iter().filter(|p| !p.is_empty()).collect()
}
