//! A cursor over a clause's tokens, and flag building, for the rules (of
//! every grammar).

use super::grammar::{Context, Flag, Severity};
use super::lex::{Tok, Token};
use super::{DeadlineKind, Milestone};

/// The result of trying one rule: `Ok(None)` when the words are not of
/// its shape (the cursor is back where it was), `Err` when they are of its
/// shape but name something impossible or ambiguous.
pub(crate) type Try<T> = Result<Option<T>, Flag>;

/// A position in a clause.
#[derive(Clone, Copy)]
pub(crate) struct Cur<'a> {
    /// The clause's tokens.
    pub t: &'a [Token],
    /// The NFC characters the tokens point into.
    pub chars: &'a [char],
    /// Index of the next token.
    pub i: usize,
    /// All-number dates are written month first (`6/13/2025`), as the
    /// plan's table declares (`date_order: month_day`).
    pub month_first: bool,
}

/// A number as written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num {
    /// Value (saturating).
    pub value: u64,
    /// Digits written.
    pub digits: usize,
    /// Token index.
    pub at: usize,
}

impl<'a> Cur<'a> {
    /// Takes the first of several word sequences that is there; `-` in a
    /// sequence is the symbol (`on-going`, `semi-annually`).
    pub fn eat_words(&mut self, seqs: &[&[&str]]) -> bool {
        for seq in seqs {
            let ok = seq.iter().enumerate().all(|(k, w)| {
                self.peek_at(k)
                    .is_some_and(|t| if *w == "-" { t.is_sym('-') } else { t.is(w) })
            });
            if ok {
                self.i += seq.len();
                return true;
            }
        }
        false
    }

    /// A cursor at the first token.
    pub fn new(t: &'a [Token], chars: &'a [char]) -> Self {
        Cur {
            t,
            chars,
            i: 0,
            month_first: false,
        }
    }

    /// The next token.
    pub fn peek(&self) -> Option<&'a Token> {
        self.t.get(self.i)
    }

    /// The token `k` places ahead.
    pub fn peek_at(&self, k: usize) -> Option<&'a Token> {
        self.t.get(self.i + k)
    }

    /// Takes the word `w`.
    pub fn eat(&mut self, w: &str) -> bool {
        if self.peek().is_some_and(|t| t.is(w)) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Takes the words `ws` in order, or nothing.
    pub fn eat_all(&mut self, ws: &[&str]) -> bool {
        let ok = ws
            .iter()
            .enumerate()
            .all(|(k, w)| self.peek_at(k).is_some_and(|t| t.is(w)));
        if ok {
            self.i += ws.len();
        }
        ok
    }

    /// Takes the first of several word sequences that is there.
    pub fn eat_any(&mut self, seqs: &[&[&str]]) -> bool {
        seqs.iter().any(|s| self.eat_all(s))
    }

    /// Takes the symbol `c`.
    pub fn eat_sym(&mut self, c: char) -> bool {
        if self.peek().is_some_and(|t| t.is_sym(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Takes a date separator (`/`, `-`, `.`), returning it.
    pub fn sep(&mut self) -> Option<char> {
        match self.peek().map(|t| &t.tok) {
            Some(Tok::Sym(c @ ('/' | '-' | '.'))) => {
                let c = *c;
                self.i += 1;
                Some(c)
            }
            _ => None,
        }
    }

    /// Takes a number.
    pub fn num(&mut self) -> Option<Num> {
        match self.peek().map(|t| &t.tok) {
            Some(&Tok::Num { value, digits }) => {
                let at = self.i;
                self.i += 1;
                Some(Num { value, digits, at })
            }
            _ => None,
        }
    }

    /// The verbatim text of tokens `from..to`.
    pub fn text(&self, from: usize, to: usize) -> String {
        let to = to.min(self.t.len());
        if from >= to {
            return String::new();
        }
        let (s, e) = (self.t[from].start, self.t[to - 1].end);
        self.chars[s..e.min(self.chars.len())].iter().collect()
    }

    /// The words from token `from` to the end of the clause, verbatim,
    /// without closing punctuation (the words naming an event).
    pub fn rest_words(&self, from: usize) -> String {
        self.text(from, self.t.len())
            .trim_end_matches(|ch: char| ch.is_whitespace() || matches!(ch, '.' | ',' | ';'))
            .to_string()
    }

    /// A flag about tokens `from..to`.
    pub fn flag(&self, severity: Severity, from: usize, to: usize, message: String) -> Flag {
        let to = to.max(from + 1).min(self.t.len());
        Flag {
            severity,
            start: self.t.get(from).map_or(0, |t| t.start),
            part: self.text(from, to),
            message,
        }
    }

    /// True when only closing punctuation or a remark in brackets without
    /// numbers is left (`Tháng 6/2025 (dự kiến).`).
    pub fn finished(&self) -> bool {
        let rest = &self.t[self.i.min(self.t.len())..];
        let mut in_bracket = false;
        for t in rest {
            match &t.tok {
                Tok::Sym('(') => in_bracket = true,
                Tok::Sym(')') => in_bracket = false,
                Tok::Sym('.' | ',' | ';' | '!') | Tok::Newline => {}
                Tok::Word(_) | Tok::Sym(_) if in_bracket => {}
                _ => return false,
            }
        }
        true
    }
}

/// A grammar's reading of a clause's time words: where the label before
/// them ends, and their meaning.
pub(crate) type Body = fn(&[Token], &[char], Context) -> Try<(usize, DeadlineKind)>;

/// A clause, alike in every language: `Label: time`, or label words then
/// one time class to the end, read by the language's `body`.
pub(crate) fn clause(toks: &[Token], chars: &[char], ctx: Context, body: Body) -> Try<Milestone> {
    let c = Cur::new(toks, chars);
    if let Some(k) = toks.iter().position(|t| t.is_sym(':')) {
        if k > 0 && k + 1 < toks.len() && !toks[..k].iter().any(Token::is_num) {
            return Ok(
                body(&toks[k + 1..], chars, ctx)?.map(|(_, kind)| Milestone {
                    label: Some(c.text(0, k).trim().to_string()),
                    kind,
                }),
            );
        }
    }
    Ok(body(toks, chars, ctx)?.map(|(label_end, kind)| Milestone {
        label: (label_end > 0).then(|| {
            c.text(0, label_end)
                .trim_end_matches([',', ' ', '-'])
                .to_string()
        }),
        kind,
    }))
}
