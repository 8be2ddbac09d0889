//! Group codes as printed: which numbers are group codes (`I`, `IV.1`,
//! `A`) rather than task numbers, how they are normalised, how deep they
//! nest, and the task count a group title declares.

use std::sync::OnceLock;

use regex::Regex;

/// Normalises a printed group code: outer spaces and a trailing `.` go,
/// spaces around inner dots go (`IV. 3` → `IV.3`).
pub fn normalise_code(s: &str) -> String {
    let s = s.trim().trim_end_matches('.').trim();
    let mut out = String::new();
    for part in s.split('.') {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(part.trim());
    }
    out
}

fn is_roman(s: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(X{0,3})(IX|IV|V?I{0,3})$").ok())
        .as_ref()
        .is_some_and(|re| !s.is_empty() && re.is_match(s))
}

/// True when a printed number is the code of a group: a Roman numeral or a
/// capital letter, optionally followed by dotted parts (`I`, `IV.1`, `A`,
/// `B.2`). Arabic numbers and lower-case letters number tasks.
pub fn is_group_code(s: &str) -> bool {
    let code = normalise_code(s);
    let mut parts = code.split('.');
    let first = parts.next().unwrap_or("");
    let head =
        is_roman(first) || (first.len() == 1 && first.chars().all(|c| c.is_ascii_uppercase()));
    head && parts.all(|p| {
        !p.is_empty() && (p.chars().all(|c| c.is_ascii_digit()) || is_roman(p) || p.len() == 1)
    })
}

/// The task count a group title declares: `(07 nhiệm vụ)` → 7.
pub fn declared(title: &str) -> Option<u32> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)\(\s*(\d{1,4})\s+nhiệm\s+vụ\s*\)").ok())
        .as_ref()?
        .captures(title)?
        .get(1)?
        .as_str()
        .parse()
        .ok()
}

/// The style of a code, to tell siblings from children: the kind of each
/// dotted part (`R` Roman, `1` Arabic, `A` letter).
pub fn code_style(code: &str) -> Vec<u8> {
    code.split('.')
        .map(|p| {
            if is_roman(p) {
                b'R'
            } else if p.chars().all(|c| c.is_ascii_digit()) {
                b'1'
            } else {
                b'A'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_codes() {
        for c in ["I", "IV", "XII", "IV.1", "IV. 3", "A", "B.2", "II."] {
            assert!(is_group_code(c), "{c}");
        }
        for c in ["1", "18", "a", "1.2", "ii", "Hồ", "IIII", ""] {
            assert!(!is_group_code(c), "{c}");
        }
        assert_eq!(normalise_code(" IV. 3 "), "IV.3");
        assert_eq!(normalise_code("II."), "II");
    }

    #[test]
    fn declared_counts() {
        assert_eq!(
            declared("NHIỆM VỤ XÂY DỰNG VÀ BAN HÀNH VĂN BẢN (07 nhiệm vụ)"),
            Some(7)
        );
        assert_eq!(declared("Đề án 06 (01 Nhiệm vụ)"), Some(1));
        assert_eq!(declared("CẢI CÁCH THỂ CHẾ"), None);
    }
}
