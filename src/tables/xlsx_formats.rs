//! Number formats of `.xlsx` cells (calamine gives each cell's format
//! code, not the text it makes), so a cell comes out as the text the user
//! sees: a date formatted `mm/yyyy` is the month `06/2025`, not a day, and a
//! number formatted `0%` holding 1 is `100%`, not `1`.

/// The locale tag Excel gives formats that follow the reader's system
/// settings; here it marks ids 14 and 22, whose order of day and month is
/// the system's, not the file's.
pub const SYSTEM_TAG: &str = "[$-x-sysdate]";

/// True for a format whose day and month order is the reader's system's
/// (built-in ids 14 and 22): the file does not fix it.
pub fn is_system(code: &str) -> bool {
    code.starts_with(SYSTEM_TAG)
}

/// The built-in format codes Excel shows dates with (ids 14–22, 45–47), as a
/// Vietnamese system shows them (ids 14 and 22 are the system's short date,
/// marked with [`SYSTEM_TAG`]).
pub fn builtin(id: u32) -> Option<&'static str> {
    Some(match id {
        14 => "[$-x-sysdate]dd/mm/yyyy",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "[$-x-sysdate]dd/mm/yyyy h:mm",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mmss.0",
        _ => return None,
    })
}

/// The text a number formatted as a percentage shows (`0%` with 0.75 is
/// `75%`, `0.00%` with 0.755 is `75.50%`), or `None` when the code is not a
/// percentage.
pub fn percent(code: &str, value: f64) -> Option<String> {
    let section = first_section(code);
    let mut quoted = false;
    let mut digits: Option<usize> = None;
    let mut percent = false;
    let mut escaped = false;
    for c in section.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '.' if !quoted => digits = Some(0),
            '0' | '#' | '?' if !quoted => {
                if let Some(d) = digits.as_mut() {
                    *d += 1;
                }
            }
            '%' if !quoted => percent = true,
            _ => {}
        }
    }
    if !percent || !value.is_finite() {
        return None;
    }
    let d = digits.unwrap_or(0).min(10);
    // As a spreadsheet does: the value to 15 significant digits first,
    // then rounded half away from zero to the places shown.
    let x = format!("{:.15e}", value * 100.0)
        .parse::<f64>()
        .unwrap_or(value * 100.0);
    let scale = 10f64.powi(d as i32);
    let y = (x * scale).round() / scale;
    Some(format!("{y:.d$}%"))
}

/// `C5` → `(4, 2)`.
pub fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &r[letters.len()..];
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for ch in letters.chars() {
        col = col * 26 + (ch.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A date and time as a format code shows it (the first section of the
/// code; colours and locale tags ignored). `weekday` is 0 for Monday.
pub fn render(
    code: &str,
    (y, mo, d, h, mi, s): (u16, u8, u8, u8, u8, u8),
    weekday: usize,
) -> String {
    let section = first_section(code);
    let chars: Vec<char> = section.chars().collect();
    // Tokens first, to tell minutes (`m` after `h` or before `s`) from months.
    let mut tokens: Vec<(char, usize)> = Vec::new(); // (kind, length) or literal
    let mut lits: Vec<Option<String>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lower = c.to_ascii_lowercase();
        if c == '"' {
            let end = chars[i + 1..]
                .iter()
                .position(|&x| x == '"')
                .map_or(chars.len(), |p| i + 1 + p);
            lits.push(Some(chars[i + 1..end.min(chars.len())].iter().collect()));
            tokens.push(('"', 0));
            i = end + 1;
        } else if c == '\\' && i + 1 < chars.len() {
            lits.push(Some(chars[i + 1].to_string()));
            tokens.push(('"', 0));
            i += 2;
        } else if c == '_' || c == '*' {
            lits.push(Some(if c == '_' { " ".into() } else { String::new() }));
            tokens.push(('"', 0));
            i += 2;
        } else if matches!(lower, 'y' | 'm' | 'd' | 'h' | 's') {
            let n = chars[i..]
                .iter()
                .take_while(|x| x.to_ascii_lowercase() == lower)
                .count();
            tokens.push((lower, n));
            lits.push(None);
            i += n;
        } else if section[char_offset(&chars, i)..]
            .to_ascii_uppercase()
            .starts_with("AM/PM")
        {
            tokens.push(('a', 5));
            lits.push(None);
            i += 5;
        } else {
            lits.push(Some(c.to_string()));
            tokens.push(('"', 0));
            i += 1;
        }
    }
    let ampm = tokens.iter().any(|t| t.0 == 'a');
    let mut out = String::new();
    for (k, (kind, n)) in tokens.iter().enumerate() {
        if let Some(Some(l)) = lits.get(k) {
            out.push_str(l);
            continue;
        }
        let prev = tokens[..k].iter().rev().find(|t| t.0 != '"').map(|t| t.0);
        let next = tokens[k + 1..].iter().find(|t| t.0 != '"').map(|t| t.0);
        match kind {
            'y' if *n <= 2 => out.push_str(&format!("{:02}", y % 100)),
            'y' => out.push_str(&format!("{y}")),
            'm' if *n <= 2 && (prev == Some('h') || next == Some('s')) => {
                out.push_str(&if *n == 2 {
                    format!("{mi:02}")
                } else {
                    mi.to_string()
                })
            }
            'm' => {
                let name = MONTHS[(mo as usize).clamp(1, 12) - 1];
                match n {
                    1 => out.push_str(&mo.to_string()),
                    2 => out.push_str(&format!("{mo:02}")),
                    3 => out.push_str(&name[..3]),
                    5 => out.push_str(&name[..1]),
                    _ => out.push_str(name),
                }
            }
            'd' => match n {
                1 => out.push_str(&d.to_string()),
                2 => out.push_str(&format!("{d:02}")),
                3 => out.push_str(&DAYS[weekday % 7][..3]),
                _ => out.push_str(DAYS[weekday % 7]),
            },
            'h' => {
                let hh = if ampm { (h + 11) % 12 + 1 } else { h };
                out.push_str(&if *n >= 2 {
                    format!("{hh:02}")
                } else {
                    hh.to_string()
                })
            }
            's' => out.push_str(&if *n >= 2 {
                format!("{s:02}")
            } else {
                s.to_string()
            }),
            'a' => out.push_str(if h < 12 { "AM" } else { "PM" }),
            _ => {}
        }
    }
    out
}

fn char_offset(chars: &[char], i: usize) -> usize {
    chars[..i].iter().map(|c| c.len_utf8()).sum()
}

/// The first `;`-section of a format code, without `[...]` tags (colours,
/// locales), keeping `[h]` as `h`.
fn first_section(code: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                out.push(c);
            }
            ';' if !quoted => break,
            '[' if !quoted => {
                let tag: String = chars.by_ref().take_while(|&x| x != ']').collect();
                if tag
                    .chars()
                    .all(|x| matches!(x.to_ascii_lowercase(), 'h' | 'm' | 's'))
                {
                    out.push_str(&tag);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// True when a format code shows a date (day, month or year), not only a time.
pub fn shows_date(code: &str) -> bool {
    let s = first_section(code).to_ascii_lowercase();
    let bare: String = {
        let mut q = false;
        s.chars()
            .filter(|&c| {
                if c == '"' {
                    q = !q;
                    return false;
                }
                !q
            })
            .collect()
    };
    bare.contains('y')
        || bare.contains('d')
        || (bare.contains('m') && !bare.contains('h') && !bare.contains('s'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const JUNE_30: (u16, u8, u8, u8, u8, u8) = (2025, 6, 30, 14, 5, 9);

    #[test]
    fn formats_as_shown() {
        assert_eq!(render("dd/mm/yyyy", JUNE_30, 0), "30/06/2025");
        assert_eq!(render("d/m/yyyy", JUNE_30, 0), "30/6/2025");
        assert_eq!(render("mm/dd/yyyy", JUNE_30, 0), "06/30/2025");
        assert_eq!(render("mm/yyyy", JUNE_30, 0), "06/2025");
        assert_eq!(render("\"Tháng \"m/yyyy", JUNE_30, 0), "Tháng 6/2025");
        assert_eq!(render("[$-42A]dd/mm/yyyy;@", JUNE_30, 0), "30/06/2025");
        assert_eq!(render("dd/mm/yyyy hh:mm", JUNE_30, 0), "30/06/2025 14:05");
        assert_eq!(render("d-mmm-yy", JUNE_30, 0), "30-Jun-25");
        assert_eq!(render("yyyy\\-mm\\-dd", JUNE_30, 0), "2025-06-30");
        assert_eq!(render("h:mm AM/PM", JUNE_30, 0), "2:05 PM");
        assert!(shows_date("mm/yyyy") && shows_date("[$-42A]d/m/yy"));
        assert!(!shows_date("h:mm") && !shows_date("0.00"));
        assert_eq!(cell_ref("C5"), Some((4, 2)));
        assert_eq!(cell_ref("AB12"), Some((11, 27)));
        assert_eq!(cell_ref("5"), None);
    }

    #[test]
    fn percentages_as_shown() {
        assert_eq!(percent("0%", 1.0).as_deref(), Some("100%"));
        assert_eq!(percent("0%", 0.75).as_deref(), Some("75%"));
        assert_eq!(percent("0.00%", 0.755).as_deref(), Some("75.50%"));
        assert_eq!(percent("0%", 0.755).as_deref(), Some("76%"));
        assert_eq!(percent("0.0%;[Red]-0.0%", 0.5).as_deref(), Some("50.0%"));
        assert_eq!(percent("General", 0.75), None);
        assert_eq!(percent("0\"%\"", 0.75), None);
    }
}
