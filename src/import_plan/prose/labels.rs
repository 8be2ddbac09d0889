//! The printed labels that number a plan's paragraphs: Roman numerals
//! (`I.`, `IV.`), capital letters (`A.`), Arabic outline numbers (`1.`,
//! `1.1.`, `2.3`), lower-case letters in the Vietnamese alphabet (`a)`,
//! `đ)`), numbers and letters in brackets (`(1)`, `(a)`), articles
//! (`Điều 3.`) and bullets (`-`, `•`, `+`, `*`). A label's *kind* tells its
//! level in the outline apart from its siblings'.

/// What kind of label a paragraph opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// `Điều 3.`
    Article,
    /// `I.`, `IV.`
    Roman,
    /// `A.`, `B)`
    Upper,
    /// `1.`, `1.1.`: the number of its parts.
    Arabic(usize),
    /// `a)`, `đ.`
    Lower,
    /// `(1)`, `(a)`
    Bracket,
    /// `-`, `•`, `+`, `*`: the bullet character (dashes folded to `-`).
    Bullet(char),
}

/// A label as printed, its code (`1.1`, `a`, `IV`), and where the text
/// after it begins (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The kind.
    pub kind: LabelKind,
    /// As printed, without the space after it (`1.1.`, `a)`, `-`).
    pub printed: String,
    /// The number or letter alone (`1.1`, `a`, `IV`); empty for bullets.
    pub code: String,
    /// Byte where the paragraph's own words begin.
    pub rest: usize,
}

/// The letters Vietnamese lists count with, in order (`a`, `b`, `c`, `d`,
/// `đ`, `e`, `g`, …: no `f`, `j`, `w`, `z`).
pub const LETTERS: [char; 24] = [
    'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't',
    'u', 'v', 'x', 'y', 'z',
];

/// The Roman numeral's value (I to XXXIX), or `None`.
pub fn roman_value(s: &str) -> Option<u32> {
    let tens = s.bytes().take_while(|&b| b == b'X').count();
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let unit = UNITS.iter().position(|u| *u == &s[tens..])?;
    (tens <= 3 && !s.is_empty()).then_some(tens as u32 * 10 + unit as u32)
}

/// The position of a code among its siblings (1 for the first): `3` for
/// `1.3`, `III` or `c`; used to tell a label from a number that only
/// opens a wrapped line.
pub fn ordinal(kind: LabelKind, code: &str) -> Option<u32> {
    match kind {
        LabelKind::Roman => roman_value(code),
        LabelKind::Upper => code.chars().next().map(|c| c as u32 - 'A' as u32 + 1),
        LabelKind::Lower => code
            .chars()
            .next()
            .and_then(|c| LETTERS.iter().position(|l| *l == c))
            .map(|p| p as u32 + 1),
        LabelKind::Arabic(_) | LabelKind::Article => code.rsplit('.').next()?.parse().ok(),
        LabelKind::Bracket => {
            let inner = code.trim_matches(['(', ')']);
            inner.parse().ok().or_else(|| {
                inner
                    .chars()
                    .next()
                    .and_then(|c| LETTERS.iter().position(|l| *l == c))
                    .map(|p| p as u32 + 1)
            })
        }
        LabelKind::Bullet(_) => None,
    }
}

/// The label a paragraph opens with, if any. A label is followed by a
/// space (or ends the paragraph); Arabic numbers of one part and letters
/// need their `.` or `)` (`2025, ban hành` and `35 Phụ lục` open wrapped
/// lines, not items).
pub fn parse(text: &str) -> Option<Label> {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    let done = |end: usize, kind: LabelKind, code: String| {
        let after = &t[end..];
        let spaced = after.is_empty() || after.starts_with(char::is_whitespace);
        spaced.then(|| Label {
            kind,
            printed: t[..end].to_string(),
            code,
            rest: lead + end + (after.len() - after.trim_start().len()),
        })
    };
    // Bullets.
    if matches!(
        first,
        '-' | '–' | '—' | '•' | '·' | '+' | '*' | '▪' | '►' | '‣' | '◦'
    ) {
        let c = if matches!(first, '–' | '—') {
            '-'
        } else {
            first
        };
        return done(first.len_utf8(), LabelKind::Bullet(c), String::new());
    }
    // Articles: `Điều 3.`
    if let Some(rest) = t.strip_prefix("Điều ") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let end = "Điều ".len() + digits.len();
            let end = if t[end..].starts_with(['.', ':']) {
                end + 1
            } else {
                end
            };
            return done(end, LabelKind::Article, digits);
        }
    }
    // Brackets: `(1)`, `(a)`.
    if first == '(' {
        let close = t.find(')')?;
        let inner = &t[1..close];
        let ok = (1..=3).contains(&inner.chars().count())
            && (inner.bytes().all(|b| b.is_ascii_digit())
                || (inner.chars().count() == 1 && LETTERS.contains(&inner.chars().next()?)));
        return if ok {
            done(close + 1, LabelKind::Bracket, inner.to_string())
        } else {
            None
        };
    }
    // Arabic outline numbers: `1.`, `1)`, `1.1`, `1.1.`.
    if first.is_ascii_digit() {
        let mut end = 0;
        let mut parts = 0;
        let bytes = t.as_bytes();
        loop {
            let start = end;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if end == start || end - start > 3 {
                return None;
            }
            parts += 1;
            if end < bytes.len()
                && bytes[end] == b'.'
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            {
                end += 1;
                continue;
            }
            break;
        }
        let code = t[..end].to_string();
        let punct = bytes.get(end).is_some_and(|b| matches!(b, b'.' | b')'));
        if punct {
            return done(end + 1, LabelKind::Arabic(parts), code);
        }
        return if parts > 1 {
            done(end, LabelKind::Arabic(parts), code)
        } else {
            None
        };
    }
    // Letters and Roman numerals, with their `.` or `)`.
    let word: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
    let end = word.len();
    let punct = t[end..].starts_with(['.', ')']);
    if !punct || word.is_empty() {
        return None;
    }
    if roman_value(&word).is_some() {
        return done(end + 1, LabelKind::Roman, word);
    }
    let mut cs = word.chars();
    let c = cs.next()?;
    if cs.next().is_some() {
        return None;
    }
    if c.is_ascii_uppercase() {
        return done(end + 1, LabelKind::Upper, word);
    }
    if LETTERS.contains(&c) {
        return done(end + 1, LabelKind::Lower, word);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kind(t: &str) -> Option<(LabelKind, String, String)> {
        parse(t).map(|l| (l.kind, l.code, t[l.rest..].to_string()))
    }

    #[test]
    fn each_kind_of_label() {
        let k = |t: &str| kind(t).map(|x| (x.0, x.1));
        assert_eq!(k("I. MỤC ĐÍCH"), Some((LabelKind::Roman, "I".into())));
        assert_eq!(k("IV) Tổ chức"), Some((LabelKind::Roman, "IV".into())));
        assert_eq!(k("A. Phần chung"), Some((LabelKind::Upper, "A".into())));
        assert_eq!(k("1. Sở Nội vụ"), Some((LabelKind::Arabic(1), "1".into())));
        assert_eq!(
            k("1.1. Thủ trưởng"),
            Some((LabelKind::Arabic(2), "1.1".into()))
        );
        assert_eq!(k("2.3 Rà soát"), Some((LabelKind::Arabic(2), "2.3".into())));
        assert_eq!(
            k("a) Ủy ban Kinh tế:"),
            Some((LabelKind::Lower, "a".into()))
        );
        assert_eq!(k("đ) Bộ Y tế"), Some((LabelKind::Lower, "đ".into())));
        assert_eq!(k("(1) Rà soát"), Some((LabelKind::Bracket, "1".into())));
        assert_eq!(k("- Các sở"), Some((LabelKind::Bullet('-'), "".into())));
        assert_eq!(k("– Các sở"), Some((LabelKind::Bullet('-'), "".into())));
        assert_eq!(k("+ Cấp xã"), Some((LabelKind::Bullet('+'), "".into())));
        assert_eq!(k("Điều 3. Tổ chức"), Some((LabelKind::Article, "3".into())));
        assert_eq!(kind("1.1. Thủ trưởng").unwrap().2, "Thủ trưởng");
        for not in [
            "2025, ban hành",
            "35 Phụ lục nhiệm vụ",
            "Căn cứ Luật",
            "Bộ Công an",
            "1,5 tỷ đồng",
            "12345. x",
            "-5 độ",
            "f) không phải chữ cái Việt",
            "Tổ chức thực hiện",
            "MỤC ĐÍCH",
        ] {
            assert_eq!(parse(not), None, "{not}");
        }
        assert_eq!(ordinal(LabelKind::Lower, "đ"), Some(5));
        assert_eq!(ordinal(LabelKind::Roman, "XIV"), Some(14));
        assert_eq!(ordinal(LabelKind::Arabic(2), "3.12"), Some(12));
    }

    proptest! {
        /// Any outline number written with its punctuation reads back as
        /// itself, with the words after it.
        #[test]
        fn outline_numbers_read_back(parts in proptest::collection::vec(1u32..200, 1..5), dot in any::<bool>(), words in "[A-ZĐa-zơư ]{1,20}") {
            let code = parts.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(".");
            let printed = if dot || parts.len() == 1 { format!("{code}.") } else { code.clone() };
            let text = format!("{printed} {}", words.trim_start());
            let l = parse(&text).unwrap();
            prop_assert_eq!(l.kind, LabelKind::Arabic(parts.len()));
            prop_assert_eq!(&l.code, &code);
            prop_assert_eq!(&text[l.rest..], words.trim_start());
        }
    }
}
