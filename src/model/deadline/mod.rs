//! Deadlines written in free Vietnamese, understood.
//!
//! The plans write "Thời gian hoàn thành" as prose: `Tháng 9/2025`,
//! `Quý IV`, `trước ngày 12/9/2025`, `Thường xuyên`, `Hằng tháng`, two
//! milestones in one cell, or an event (`Sau khi có thông báo của Bộ Tư
//! pháp`). [`Deadline::parse`] turns the text into a [`DeadlineKind`]; the
//! original text is always kept and shown next to any interpretation.

mod parse;

use chrono::{Datelike, Days, Months, NaiveDate};
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
            kind: parse::parse_kind(text, year),
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

pub(crate) fn roman(n: u32) -> &'static str {
    ["I", "II", "III", "IV"]
        .get(n.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

pub(crate) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
