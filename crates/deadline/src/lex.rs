//! Lexing and normalising: deadline text to tokens.
//!
//! The text is put in NFC and cut into words (lower-cased), numbers (with
//! their digit count, so `130` is never read as `30`) and symbols (every
//! dash folded to `-`). Each token keeps its character range in the NFC
//! text, so a flag can quote the exact part it is about. Known spelling
//! variants are folded here, once, for every grammar rule after it.

use unicode_normalization::UnicodeNormalization;

/// One token of a deadline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A run of letters, lower-cased, spelling variants folded.
    Word(String),
    /// A run of ASCII digits.
    Num {
        /// The value (saturating: a 30-digit run is simply too big).
        value: u64,
        /// How many digits were written (`06` has 2).
        digits: usize,
    },
    /// Any other visible character; dashes are folded to `-`.
    Sym(char),
    /// A line break: bullets and lines separate milestones.
    Newline,
}

/// A token and where it sits in the NFC text (character offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl Token {
    /// The word, when this token is one.
    pub fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    /// True for the word `w`.
    pub fn is(&self, w: &str) -> bool {
        self.word() == Some(w)
    }

    /// True for a number token.
    pub fn is_num(&self) -> bool {
        matches!(self.tok, Tok::Num { .. })
    }

    /// True for the symbol `c`.
    pub fn is_sym(&self, c: char) -> bool {
        self.tok == Tok::Sym(c)
    }
}

/// The text in NFC, as characters (token offsets index into it).
pub fn nfc_chars(text: &str) -> Vec<char> {
    text.nfc().collect()
}

/// Cuts NFC characters into tokens.
pub fn lex(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c == '\n' || c == '\r' {
            i += 1;
            if out.last().map(|t: &Token| &t.tok) != Some(&Tok::Newline) {
                out.push(Token {
                    tok: Tok::Newline,
                    start,
                    end: i,
                });
            }
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let value = chars[start..i].iter().fold(0u64, |acc, d| {
                acc.saturating_mul(10)
                    .saturating_add(u64::from(d.to_digit(10).unwrap_or(0)))
            });
            out.push(Token {
                tok: Tok::Num {
                    value,
                    digits: i - start,
                },
                start,
                end: i,
            });
        } else if c.is_alphabetic() || is_mark(c) {
            while i < chars.len() && (chars[i].is_alphabetic() || is_mark(chars[i])) {
                i += 1;
            }
            let w: String = chars[start..i]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect();
            out.push(Token {
                tok: Tok::Word(w),
                start,
                end: i,
            });
        } else {
            i += 1;
            let c = match c {
                '–' | '—' | '−' | '‐' | '‑' | '‒' | '―' => '-',
                '／' => '/',
                other => other,
            };
            out.push(Token {
                tok: Tok::Sym(c),
                start,
                end: i,
            });
        }
    }
    fold_variants(&mut out);
    out
}

/// Combining marks left after NFC (rare letter + mark pairs) stay in words.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Folds spelling variants: `quí`/`qúy` to `quý`, `mồng` to `mùng`,
/// `hàng tháng` to `hằng tháng`, and the source typo `Hằng thắng`.
fn fold_variants(toks: &mut [Token]) {
    const UNITS: [&str; 5] = ["tháng", "năm", "quý", "tuần", "ngày"];
    for i in 0..toks.len() {
        let fixed = match toks[i].word() {
            Some("quí" | "qúy" | "qui") => Some("quý"),
            Some("mồng") => Some("mùng"),
            Some("thắng")
                if i > 0 && matches!(toks[i - 1].word(), Some("hằng" | "hàng" | "mỗi")) =>
            {
                Some("tháng")
            }
            Some("hàng") => {
                let next = toks.get(i + 1).and_then(Token::word);
                next.filter(|n| UNITS.contains(n) || *n == "thắng")
                    .map(|_| "hằng")
            }
            _ => None,
        };
        if let Some(f) = fixed {
            toks[i].tok = Tok::Word(f.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Tok> {
        lex(&nfc_chars(s)).into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn digits_are_read_whole() {
        assert_eq!(
            kinds("130/10"),
            vec![
                Tok::Num {
                    value: 130,
                    digits: 3
                },
                Tok::Sym('/'),
                Tok::Num {
                    value: 10,
                    digits: 2
                }
            ]
        );
    }

    #[test]
    fn dashes_fold_and_typos_are_fixed() {
        assert_eq!(kinds("2025 – 2026")[1], Tok::Sym('-'));
        assert_eq!(kinds("Hằng thắng")[1], Tok::Word("tháng".into()));
        assert_eq!(kinds("Hàng tháng")[0], Tok::Word("hằng".into()));
        assert_eq!(kinds("QUÍ II")[0], Tok::Word("quý".into()));
        // `thắng` elsewhere is a real word and stays.
        assert_eq!(kinds("chiến thắng")[1], Tok::Word("thắng".into()));
    }

    #[test]
    fn decomposed_text_is_composed() {
        let decomposed = "Tha\u{0301}ng 6/2025";
        assert_eq!(kinds(decomposed)[0], Tok::Word("tháng".into()));
    }

    #[test]
    fn huge_numbers_saturate() {
        let t = kinds("999999999999999999999999");
        assert!(matches!(t[0], Tok::Num { digits: 24, .. }));
    }
}
