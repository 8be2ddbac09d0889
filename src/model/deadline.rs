//! Deadlines written in free Vietnamese, understood.
//!
//! The plans write "Thời gian hoàn thành" as prose: `Tháng 9/2025`,
//! `Quý IV`, `trước ngày 12/9/2025`, `Thường xuyên`, `Hằng tháng`, two
//! milestones in one cell, or an event (`Sau khi có thông báo của Bộ Tư
//! pháp`). [`Deadline::parse`] turns the text into a [`DeadlineKind`]; the
//! original text is always kept and shown next to any interpretation.

use std::sync::OnceLock;

use chrono::{Datelike, Days, Months, NaiveDate};
use regex::Regex;
use serde::Serialize;

/// A deadline: the words as printed and what they mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The text exactly as printed in the plan.
    pub text: String,
    /// What the text means.
    pub kind: DeadlineKind,
}

/// What a deadline text means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// One point or period by which the task is due.
    Due {
        /// When.
        due: Due,
    },
    /// Several milestones in one cell (`Ban hành ... tháng 01/2025; Báo cáo trước ngày 10/12/2025`).
    Milestones {
        /// Each milestone, in printed order.
        items: Vec<Milestone>,
    },
    /// A duty that recurs (`Hằng tháng`, `trước ngày mùng 9 của tháng báo cáo`).
    Recurring {
        /// How often.
        every: Recurrence,
    },
    /// Continuous work with no end date (`Thường xuyên`).
    Ongoing,
    /// Starts at a date and continues (`Từ tháng 01/2025`, `2025 và những năm tiếp theo`).
    OpenStart {
        /// First day.
        from: NaiveDate,
    },
    /// No calendar date: depends on an event, a request or a rule.
    Unscheduled {
        /// What it depends on.
        trigger: Trigger,
    },
    /// Not understood; reported by `check` and shown as written.
    Unknown,
}

/// One milestone of a multi-milestone deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestone {
    /// Words naming the milestone (`Báo cáo năm`), when printed.
    pub label: Option<String>,
    /// The milestone's meaning (never itself `Milestones`).
    pub kind: DeadlineKind,
}

/// A dated point or period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "precision", rename_all = "snake_case")]
pub enum Due {
    /// On a day (`30/10/2025`).
    On {
        /// The day.
        date: NaiveDate,
    },
    /// Strictly before a day (`trước ngày 12/9/2025`).
    Before {
        /// The day named in the text.
        date: NaiveDate,
    },
    /// Within a month (`Tháng 9/2025`).
    Month {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u32,
    },
    /// Within a quarter (`Quý IV`).
    Quarter {
        /// Year.
        year: i32,
        /// Quarter 1–4.
        quarter: u32,
    },
    /// Within a half year (`6 tháng đầu năm 2025`).
    Half {
        /// Year.
        year: i32,
        /// Half 1–2.
        half: u32,
    },
    /// Within a year (`Năm 2025`).
    Year {
        /// Year.
        year: i32,
    },
}

/// How often a recurring duty falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "period", rename_all = "snake_case")]
pub enum Recurrence {
    /// Every month, before day `day` when given.
    Monthly {
        /// Day of the month the duty is due before.
        day: Option<u32>,
    },
    /// Every quarter.
    Quarterly,
    /// Every year.
    Yearly,
}

/// What an unscheduled deadline waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// An event (`Sau khi có thông báo ...`, `Sau 15 ngày kể từ ...`).
    Event,
    /// Another body's plan or schedule (`Theo Kế hoạch của Bộ Nội vụ`).
    OtherPlan,
    /// A rule (`Theo quy định`).
    Regulation,
    /// A request (`Theo yêu cầu ...`).
    Request,
}

impl Due {
    /// The last day on which the deadline is still met.
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            Due::On { date } => date,
            Due::Before { date } => date.pred_opt().unwrap_or(date),
            Due::Month { year, month } => end_of_month(year, month),
            Due::Quarter { year, quarter } => end_of_month(year, quarter * 3),
            Due::Half { year, half } => end_of_month(year, half * 6),
            Due::Year { year } => end_of_month(year, 12),
        }
    }

    /// The day shown on a calendar: the printed day, or the period's last day.
    pub fn calendar_day(&self) -> NaiveDate {
        match *self {
            Due::Before { date } | Due::On { date } => date,
            _ => self.last_day(),
        }
    }

    /// The period in plain Vietnamese words (`trong tháng 09/2025`).
    pub fn period_words(&self) -> String {
        match *self {
            Due::On { date } => format!("ngày {}", vi_date(date)),
            Due::Before { date } => format!("trước ngày {}", vi_date(date)),
            Due::Month { year, month } => format!("trong tháng {month:02}/{year}"),
            Due::Quarter { year, quarter } => format!("trong quý {} năm {year}", roman(quarter)),
            Due::Half { year, half } => format!(
                "trong 6 tháng {} năm {year}",
                if half == 1 { "đầu" } else { "cuối" }
            ),
            Due::Year { year } => format!("trong năm {year}"),
        }
    }

    /// The deadline in plain Vietnamese words, with its last day.
    pub fn describe(&self) -> String {
        match self {
            Due::On { .. } => self.period_words(),
            _ => format!(
                "{} (chậm nhất ngày {})",
                self.period_words(),
                vi_date(self.last_day())
            ),
        }
    }
}

impl DeadlineKind {
    /// The dated points of this deadline, with milestone labels.
    pub fn dues(&self) -> Vec<(Option<&str>, Due)> {
        match self {
            DeadlineKind::Due { due } => vec![(None, *due)],
            DeadlineKind::Milestones { items } => items
                .iter()
                .filter_map(|m| match &m.kind {
                    DeadlineKind::Due { due } => Some((m.label.as_deref(), *due)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The meaning in plain Vietnamese words.
    pub fn describe(&self) -> String {
        match self {
            DeadlineKind::Due { due } => format!("Hạn: {}", due.describe()),
            DeadlineKind::Milestones { items } => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|m| match &m.label {
                        Some(l) => format!("{l}: {}", lower_first(&m.kind.describe())),
                        None => m.kind.describe(),
                    })
                    .collect();
                format!("Nhiều mốc: {}", parts.join("; "))
            }
            DeadlineKind::Recurring { every } => match every {
                Recurrence::Monthly { day: Some(d) } => {
                    format!("Định kỳ hằng tháng, trước ngày {d} của tháng")
                }
                Recurrence::Monthly { day: None } => "Định kỳ hằng tháng".into(),
                Recurrence::Quarterly => "Định kỳ hằng quý".into(),
                Recurrence::Yearly => "Định kỳ hằng năm".into(),
            },
            DeadlineKind::Ongoing => "Thực hiện thường xuyên, không có hạn cụ thể".into(),
            DeadlineKind::OpenStart { from } => {
                format!("Bắt đầu từ ngày {}, không có ngày kết thúc", vi_date(*from))
            }
            DeadlineKind::Unscheduled { trigger } => match trigger {
                Trigger::Event => "Không có ngày cụ thể: tính từ một sự kiện".into(),
                Trigger::OtherPlan => "Không có ngày cụ thể: theo kế hoạch của cơ quan khác".into(),
                Trigger::Regulation => "Không có ngày cụ thể: theo quy định".into(),
                Trigger::Request => "Không có ngày cụ thể: khi có yêu cầu".into(),
            },
            DeadlineKind::Unknown => "Chưa xác định được hạn từ cách ghi này".into(),
        }
    }
}

impl DeadlineKind {
    /// The meaning of a start time ("Thời gian thực hiện") in words.
    pub fn describe_start(&self) -> String {
        match self {
            DeadlineKind::Due { due } => format!("Bắt đầu {}", due.period_words()),
            DeadlineKind::Milestones { items } => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|m| lower_first(&m.kind.describe_start()))
                    .collect();
                format!("Nhiều đợt: {}", parts.join("; "))
            }
            other => other.describe(),
        }
    }
}

impl Deadline {
    /// Parses a printed deadline. `year` is the plan's year, used when the
    /// text omits it (`Quý IV`).
    pub fn parse(text: &str, year: Option<i32>) -> Deadline {
        Deadline {
            text: text.to_string(),
            kind: parse_kind(text, year),
        }
    }

    /// True when the text was understood.
    pub fn is_understood(&self) -> bool {
        match &self.kind {
            DeadlineKind::Unknown => false,
            DeadlineKind::Milestones { items } => {
                items.iter().all(|m| m.kind != DeadlineKind::Unknown)
            }
            _ => true,
        }
    }
}

/// A date as `dd/mm/yyyy`.
pub fn vi_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

fn end_of_month(year: i32, month: u32) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(year, month.clamp(1, 12), 1).unwrap_or(NaiveDate::MIN);
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .unwrap_or(first)
}

fn roman(n: u32) -> &'static str {
    ["I", "II", "III", "IV"]
        .get(n.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

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

fn parse_kind(text: &str, year: Option<i32>) -> DeadlineKind {
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

#[cfg(test)]
#[path = "deadline_tests.rs"]
mod tests;
