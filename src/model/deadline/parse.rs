//! The parser: free Vietnamese deadline text to a [`DeadlineKind`].
//!
//! The text is lower-cased with whitespace folded (one char out per char in,
//! so positions map back to the original), split into clauses (`;`, bullet
//! lines, `A và B`), and each clause matched against the phrasings found in
//! the plans, most specific first.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::{DeadlineKind, Due, Milestone, Recurrence, Trigger};

/// Lower-cases, folds whitespace and fixes known typos, keeping one output
/// char per input char so positions map back to the original.
fn normalise(text: &str) -> (String, String) {
    let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let original = folded
        .trim_matches(|c: char| matches!(c, '.' | ';' | ',' | ' '))
        .to_string();
    let lower: String = original
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    // `Hằng thắng` (typo in 223/KH-UBND) and `Hàng tháng` mean `Hằng tháng`.
    let lower = lower.replace("thắng", "tháng").replace("hàng ", "hằng ");
    (original, lower)
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex {pattern}: {e}")))
}

/// Parses a printed deadline; `year` is assumed where the text omits it.
pub(super) fn parse_kind(text: &str, year: Option<i32>) -> DeadlineKind {
    let (original, lower) = normalise(text);
    if lower.is_empty() {
        return DeadlineKind::Unknown;
    }
    // Several clauses: `A; B`, or bullet lines `- A` `- B`.
    let clauses = split_clauses(&original);
    if clauses.len() > 1 {
        let items: Vec<Milestone> = clauses.iter().map(|c| clause_milestone(c, year)).collect();
        return DeadlineKind::Milestones { items };
    }
    let single = parse_clause(&lower, year);
    if single == DeadlineKind::Unknown || lower.contains(" và tháng ") {
        // `Tháng 01/2025 và tháng 12/2025`: two dated milestones.
        let parts: Vec<&str> = original.split(" và ").collect();
        if parts.len() > 1 {
            let items: Vec<Milestone> = parts.iter().map(|c| clause_milestone(c, year)).collect();
            if items
                .iter()
                .all(|m| matches!(m.kind, DeadlineKind::Due { .. }))
            {
                return DeadlineKind::Milestones { items };
            }
        }
    }
    single
}

fn split_clauses(original: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in original.split(';') {
        // Bullets: "- A - B" once whitespace is folded.
        for b in piece.split(" - ") {
            let b = b
                .trim()
                .trim_start_matches(['-', '+', '–'])
                .trim()
                .trim_end_matches(['.', ','])
                .trim();
            if !b.is_empty() {
                out.push(b.to_string());
            }
        }
    }
    out
}

fn clause_milestone(clause: &str, year: Option<i32>) -> Milestone {
    let (original, lower) = normalise(clause);
    // `Báo cáo năm: Gửi trước ngày 09/12/2025`
    if let Some(i) = lower.find(':') {
        let label: String = original.chars().take(lower[..i].chars().count()).collect();
        let rest = &lower[i + 1..];
        return Milestone {
            label: Some(label.trim().to_string()),
            kind: parse_clause(rest.trim(), year),
        };
    }
    let kind = parse_clause(&lower, year);
    // `Ban hành Kế hoạch trong tháng 01/2025`: the words before the date name it.
    let label = label_before_date(&original, &lower);
    Milestone { label, kind }
}

fn label_before_date(original: &str, lower: &str) -> Option<String> {
    static DATEWORD: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &DATEWORD,
        r"(trong |trước |vào |hoàn thành )?(ngày|tháng|quý|năm|\d)",
    );
    let m = r.find(lower)?;
    if m.start() == 0 {
        return None;
    }
    let label: String = original
        .chars()
        .take(lower[..m.start()].chars().count())
        .collect();
    let label = label.trim().trim_end_matches(',').trim();
    (!label.is_empty()).then(|| label.to_string())
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

fn quarter_from_roman(r: &str) -> Option<u32> {
    match r {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        _ => num(r).filter(|q| (1..=4).contains(q)),
    }
}

/// Parses one clause (already lower-cased and normalised).
fn parse_clause(c: &str, year: Option<i32>) -> DeadlineKind {
    static ONGOING: OnceLock<Regex> = OnceLock::new();
    static MONTHLY_DAY: OnceLock<Regex> = OnceLock::new();
    static MONTHLY: OnceLock<Regex> = OnceLock::new();
    static QUARTERLY: OnceLock<Regex> = OnceLock::new();
    static YEARLY: OnceLock<Regex> = OnceLock::new();
    static YEAR_ON: OnceLock<Regex> = OnceLock::new();
    static FROM_MONTH: OnceLock<Regex> = OnceLock::new();
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    static DATE: OnceLock<Regex> = OnceLock::new();
    static MONTH: OnceLock<Regex> = OnceLock::new();
    static QUARTER: OnceLock<Regex> = OnceLock::new();
    static HALF: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();

    if re(&ONGOING, r"thường xuyên|liên tục").is_match(c) {
        return DeadlineKind::Ongoing;
    }
    if let Some(m) = re(
        &MONTHLY_DAY,
        r"(?:trước |trước ngày |ngày )(?:mùng )?(\d{1,2})(?: của tháng| hằng tháng|\s*$)",
    )
    .captures(c)
    .filter(|_| !c.contains('/'))
    {
        if let Some(day) = num(&m[1]).filter(|d| (1..=31).contains(d)) {
            return DeadlineKind::Recurring {
                every: Recurrence::Monthly { day: Some(day) },
            };
        }
    }
    if re(&MONTHLY, r"hằng tháng|mỗi tháng|định kỳ tháng").is_match(c) {
        return DeadlineKind::Recurring {
            every: Recurrence::Monthly { day: None },
        };
    }
    if re(&QUARTERLY, r"hằng quý|mỗi quý").is_match(c) {
        return DeadlineKind::Recurring {
            every: Recurrence::Quarterly,
        };
    }
    if re(&YEARLY, r"hằng năm|mỗi năm").is_match(c) {
        return DeadlineKind::Recurring {
            every: Recurrence::Yearly,
        };
    }
    if let Some(m) = re(&YEAR_ON, r"(\d{4}) và (?:những|các) năm tiếp theo").captures(c) {
        if let Some(from) = m[1]
            .parse()
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        {
            return DeadlineKind::OpenStart { from };
        }
    }
    if let Some(m) = re(&FROM_MONTH, r"từ tháng (\d{1,2})/(\d{4})").captures(c) {
        if let Some(from) = ym(&m[2], &m[1]).and_then(|(y, mo)| NaiveDate::from_ymd_opt(y, mo, 1)) {
            return DeadlineKind::OpenStart { from };
        }
    }
    if let Some(m) = re(&BEFORE, r"trước ngày (\d{1,2})/(\d{1,2})(?:/(\d{4}))?").captures(c) {
        let y = m.get(3).and_then(|y| y.as_str().parse().ok()).or(year);
        if let Some(date) = y.and_then(|y| dmy(y, &m[2], &m[1])) {
            return due(Due::Before { date });
        }
    }
    if let Some(m) = re(&DATE, r"(\d{1,2})/(\d{1,2})/(\d{4})").captures(c) {
        if let Some(date) = m[3].parse().ok().and_then(|y| dmy(y, &m[2], &m[1])) {
            return due(Due::On { date });
        }
    }
    if let Some(m) = re(
        &MONTH,
        r"tháng (\d{1,2})(?:\s*/\s*(\d{4})| năm (\d{4}))?(?:$|[^/\d])",
    )
    .captures(c)
    .filter(|_| !c.contains("6 tháng"))
    {
        let y = m
            .get(2)
            .or(m.get(3))
            .and_then(|y| y.as_str().parse().ok())
            .or(year);
        if let Some((y, month)) = y.and_then(|y| ym(&y.to_string(), &m[1])) {
            return due(Due::Month { year: y, month });
        }
    }
    if let Some(m) = re(
        &QUARTER,
        r"quý (iv|iii|ii|i|\d)\b(?:\s*(?:/|năm)\s*(\d{4}))?",
    )
    .captures(c)
    {
        let y = m.get(2).and_then(|y| y.as_str().parse().ok()).or(year);
        if let (Some(year), Some(quarter)) = (y, quarter_from_roman(&m[1])) {
            return due(Due::Quarter { year, quarter });
        }
    }
    if let Some(m) = re(&HALF, r"6 tháng (đầu|cuối) năm(?: (\d{4}))?").captures(c) {
        let y = m.get(2).and_then(|y| y.as_str().parse().ok()).or(year);
        if let Some(year) = y {
            let half = if &m[1] == "đầu" { 1 } else { 2 };
            return due(Due::Half { year, half });
        }
    }
    if let Some(m) = re(
        &YEAR,
        r"^(?:(?:trong |hoàn thành trong )?năm )?(\d{4})$|năm (\d{4})",
    )
    .captures(c)
    {
        if let Some(year) = m.get(1).or(m.get(2)).and_then(|y| y.as_str().parse().ok()) {
            return due(Due::Year { year });
        }
    }
    unscheduled(c)
}

fn unscheduled(c: &str) -> DeadlineKind {
    let trigger = if c.starts_with("theo kế hoạch") || c.starts_with("theo lộ trình") {
        Trigger::OtherPlan
    } else if c.starts_with("theo quy định") {
        Trigger::Regulation
    } else if c.contains("yêu cầu") {
        Trigger::Request
    } else if c.contains("sau khi")
        || c.starts_with("sau ")
        || c.starts_with("ngay sau")
        || c.contains("kể từ")
        || c.contains("trước ngày văn bản")
        || c.contains("chậm nhất")
        || c.starts_with("khi ")
        || c.contains("theo chỉ đạo")
        || c.contains("theo thông báo")
    {
        Trigger::Event
    } else {
        return DeadlineKind::Unknown;
    };
    DeadlineKind::Unscheduled { trigger }
}

fn due(due: Due) -> DeadlineKind {
    DeadlineKind::Due { due }
}

fn ym(year: &str, month: &str) -> Option<(i32, u32)> {
    let y: i32 = year.parse().ok()?;
    let m = num(month).filter(|m| (1..=12).contains(m))?;
    Some((y, m))
}

fn dmy(year: i32, month: &str, day: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, num(month)?, num(day)?)
}
