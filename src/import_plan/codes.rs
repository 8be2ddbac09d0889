//! Group codes as printed: which numbers are group codes (`I`, `IV.1`,
//! `A`) rather than task numbers, how they are normalised, how deep they
//! nest, and the task count a group title declares.

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

/// True for a Roman numeral from I to XXXIX (letters I, V, X only, as
/// section numbers are written).
fn is_roman(s: &str) -> bool {
    let rest = s.trim_start_matches('X');
    let tens = s.len() - rest.len();
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    !s.is_empty() && tens <= 3 && UNITS.contains(&rest)
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

/// The task count a group title declares: `(07 nhiệm vụ)` → 7 (any case
/// and spacing).
pub fn declared(title: &str) -> Option<u32> {
    let lower = title.to_lowercase();
    lower.split('(').skip(1).find_map(|after| {
        let inner = after.split(')').next()?;
        let words: Vec<&str> = inner.split_whitespace().collect();
        match words.as_slice() {
            [n, "nhiệm", "vụ"] if n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit()) => {
                n.parse().ok()
            }
            _ => None,
        }
    })
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
        assert_eq!(declared("Nhóm (ghi chú) ( 12  nhiệm vụ )"), Some(12));
        assert_eq!(declared("(12 nhiệm vụ khác)"), None);
    }
}
