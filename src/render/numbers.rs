//! Numbers and percentages written the Vietnamese way: `.` groups thousands,
//! `,` marks decimals, a space before `%` (`1.234`, `90,2 %`). One place, so
//! charts, tables and sentences agree.

/// `v` with at most `decimals` decimals (trailing zeros dropped), thousands
/// grouped with `.` and the decimal mark `,`: `1234.5` → `1.234,5`.
pub fn vi_number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return String::from("—");
    }
    let fixed = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match fixed.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (fixed.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let negative = v < 0.0 && (grouped.chars().any(|c| c != '0' && c != '.') || !frac.is_empty());
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// A percentage with one decimal at most and a space before the sign:
/// `90.25` → `90,3 %` (the space is a no-break space, so the sign never
/// wraps alone onto the next line).
pub fn vi_percent(v: f64) -> String {
    format!("{}\u{a0}%", vi_number(v, 1))
}

/// A table cell: a plain machine-format number (`90.2`, `-3`, `1234`) is
/// written the Vietnamese way; anything else (words, dates, codes such as
/// `114/KH-BCĐ`) is returned unchanged.
pub fn vi_cell(cell: &str) -> String {
    match parse_cell(cell) {
        Some((v, decimals)) => vi_number(v, decimals),
        None => cell.to_string(),
    }
}

/// A cell's number and its count of decimals, when the cell is a plain
/// machine-format number (`90.2`, `-3`, `1234`); `None` for anything else.
pub fn parse_cell(cell: &str) -> Option<(f64, usize)> {
    let t = cell.trim();
    let numeric = !t.is_empty()
        && t.trim_start_matches('-')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        && t.trim_start_matches('-')
            .starts_with(|c: char| c.is_ascii_digit())
        && t.matches('.').count() <= 1;
    match t.parse::<f64>() {
        Ok(v) if numeric => Some((v, t.split_once('.').map_or(0, |(_, f)| f.len()))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn examples() {
        assert_eq!(vi_number(90.2, 1), "90,2");
        assert_eq!(vi_number(90.0, 1), "90");
        assert_eq!(vi_number(1234.5, 1), "1.234,5");
        assert_eq!(vi_number(1_234_567.0, 0), "1.234.567");
        assert_eq!(vi_number(-0.04, 1), "0");
        assert_eq!(vi_number(-12.5, 1), "-12,5");
        assert_eq!(vi_percent(90.2), "90,2\u{a0}%");
        assert_eq!(vi_percent(100.0), "100\u{a0}%");
        assert_eq!(vi_cell("90.2"), "90,2");
        assert_eq!(vi_cell("1234"), "1.234");
        assert_eq!(vi_cell("114/KH-BCĐ"), "114/KH-BCĐ");
        assert_eq!(vi_cell("10/2025"), "10/2025");
        assert_eq!(vi_cell("inf"), "inf");
        assert_eq!(vi_cell("1.2.3"), "1.2.3");
    }

    proptest! {
        /// Reading the text back (drop `.`, `,` → `.`) gives the number
        /// rounded to the decimals asked for; no `.` decimal mark leaks.
        #[test]
        fn reads_back(v in -1.0e9f64..1.0e9, decimals in 0usize..3) {
            let s = vi_number(v, decimals);
            let back: f64 = s.replace('.', "").replace(',', ".").parse().unwrap_or(f64::NAN);
            let want: f64 = format!("{:.*}", decimals, v).parse().unwrap_or(f64::NAN);
            prop_assert!((back - want).abs() < 1e-9, "{v} -> {s}");
            prop_assert!(s.matches(',').count() <= 1);
            if let Some((int, _)) = s.trim_start_matches('-').split_once(',') {
                for group in int.split('.').skip(1) {
                    prop_assert_eq!(group.len(), 3);
                }
            }
        }
    }
}
