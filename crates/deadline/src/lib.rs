//! Deadlines written in free Vietnamese, understood by class.
//!
//! The plans write "Thời gian hoàn thành" as prose: `Tháng 9/2025`,
//! `Quý IV`, `trước ngày 12/9/2025`, `Thường xuyên`, `Hằng tháng`, two
//! milestones in one cell, or an event (`Sau khi có thông báo của Bộ Tư
//! pháp`). A [`Grammar`] reads the text whole into a [`DeadlineKind`] and
//! flags every part it cannot account for; the office may state the meaning
//! instead (`deadline_meaning`). The original text is always kept and shown.
//! The classes are catalogued in `docs/deadlines.md`.

mod cursor;
mod describe;
pub mod en;
mod find;
pub mod grammar;
pub mod lex;
pub mod markup;
mod recurrence;
pub mod vi;

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

pub use describe::{roman, vi_date};
pub use find::{find_in, Found};
pub use grammar::{Context, DateOrder, Flag, Grammar, Reading, Severity};
pub use recurrence::{Cycle, Length, Offset, Qualifier, Recurrence, Side, Start, TimeUnit};

/// The grammar for a language code, when there is one.
pub fn for_language(code: &str) -> Option<&'static dyn Grammar> {
    match code {
        "vi" => Some(&vi::Vietnamese),
        "en" => Some(&en::English),
        _ => None,
    }
}

/// Every language with a grammar, for messages.
pub const LANGUAGES: &[&str] = &["en", "vi"];

/// A deadline: the words as printed and what they mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The text exactly as printed in the plan.
    pub text: String,
    /// What the text means.
    pub kind: DeadlineKind,
    /// Who decided the meaning: the grammar, or the office.
    pub meaning: MeaningSource,
    /// Problems the grammar found in the words (empty when the office
    /// stated the meaning).
    #[serde(skip)]
    pub flags: Vec<Flag>,
}

/// Who decided what a deadline means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeaningSource {
    /// Read from the words by the grammar.
    Read,
    /// Stated by the office in `deadline_meaning` / `start_meaning`.
    Stated,
    /// Stated by `import-plan` from the file (`by: import`): an importer's
    /// reading the office has not yet confirmed.
    Imported,
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
    /// A span of work from a first day to a due point or period
    /// (`giai đoạn 2025 - 2030`, `từ tháng 3 đến tháng 6/2025`).
    Span {
        /// First day.
        from: NaiveDate,
        /// When it ends (due).
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
    /// No calendar date: depends on an event, a request, a rule or a case
    /// arising.
    Unscheduled {
        /// What it depends on.
        trigger: Trigger,
        /// How long after (or before) the event, when written (`30 days
        /// after`, `trong vòng 30 ngày kể từ`).
        #[serde(skip_serializing_if = "Option::is_none")]
        offset: Option<Offset>,
        /// The event's words, verbatim (`the guidance is issued`, `Nghị
        /// định có hiệu lực`), when named.
        #[serde(skip_serializing_if = "Option::is_none")]
        event: Option<String>,
    },
    /// A length of time from no stated start (`6 months`, `trong 6
    /// tháng`): no calendar date.
    Duration {
        /// How long.
        length: Length,
    },
    /// Urgent, with no date (`Khẩn trương`, `as soon as possible`).
    Urgent,
    /// Recurs, but how often is not written (`Định kỳ`, `periodically`).
    Periodic,
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
    /// On (by) a day (`30/10/2025`, `chậm nhất ngày 30/10/2025`).
    On {
        /// The day.
        date: NaiveDate,
    },
    /// Strictly before a day (`trước ngày 12/9/2025`; `trước năm 2030` is
    /// before 01/01/2030).
    Before {
        /// The first day that is too late.
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

/// A day of the year without a year (`15/12` of every year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayOfYear {
    /// Day of the month.
    pub day: u32,
    /// Month 1–12.
    pub month: u32,
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
    /// A request (`Theo yêu cầu ...`, `Khi có yêu cầu`).
    Request,
    /// A case that may or may not arise (`(nếu có)`, `khi có phát sinh`,
    /// `if any`, `where applicable`).
    Condition,
}

impl Due {
    /// The first day of the point or period.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            Due::On { date } | Due::Before { date } => date,
            Due::Month { year, month } => first_of_month(year, month),
            Due::Quarter { year, quarter } => first_of_month(year, quarter * 3 - 2),
            Due::Half { year, half } => first_of_month(year, half * 6 - 5),
            Due::Year { year } => first_of_month(year, 1),
        }
    }

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
}

impl DeadlineKind {
    /// The dated points of this deadline, with milestone labels (a span
    /// counts by its end).
    pub fn dues(&self) -> Vec<(Option<&str>, Due)> {
        match self {
            DeadlineKind::Due { due } | DeadlineKind::Span { due, .. } => vec![(None, *due)],
            DeadlineKind::Milestones { items } => items
                .iter()
                .flat_map(|m| {
                    m.kind
                        .dues()
                        .into_iter()
                        .map(|(_, d)| (m.label.as_deref(), d))
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// An unscheduled deadline waiting for `trigger`, with no length or
    /// event named.
    pub fn unscheduled(trigger: Trigger) -> DeadlineKind {
        DeadlineKind::Unscheduled {
            trigger,
            offset: None,
            event: None,
        }
    }

    /// Short stable name of the class (`due`, `span`, …), for data files and CSS.
    pub fn name(&self) -> &'static str {
        match self {
            DeadlineKind::Due { .. } => "due",
            DeadlineKind::Span { .. } => "span",
            DeadlineKind::Milestones { .. } => "milestones",
            DeadlineKind::Recurring { .. } => "recurring",
            DeadlineKind::Ongoing => "ongoing",
            DeadlineKind::OpenStart { .. } => "open_start",
            DeadlineKind::Unscheduled { .. } => "unscheduled",
            DeadlineKind::Duration { .. } => "duration",
            DeadlineKind::Urgent => "urgent",
            DeadlineKind::Periodic => "periodic",
            DeadlineKind::Unknown => "unknown",
        }
    }

    /// True when every part is understood.
    pub fn is_understood(&self) -> bool {
        match self {
            DeadlineKind::Unknown => false,
            DeadlineKind::Milestones { items } => items.iter().all(|m| m.kind.is_understood()),
            _ => true,
        }
    }
}

impl Deadline {
    /// Reads a printed Vietnamese deadline. `year` is the plan's year, used
    /// when the text omits it (`Quý IV`).
    pub fn parse(text: &str, year: Option<i32>) -> Deadline {
        Deadline::read(
            &vi::Vietnamese,
            text,
            Context {
                year,
                ..Context::default()
            },
        )
    }

    /// Reads a printed deadline with a language's grammar.
    pub fn read(grammar: &dyn Grammar, text: &str, ctx: Context) -> Deadline {
        let Reading { kind, flags, .. } = grammar.read(text, ctx);
        Deadline {
            text: text.to_string(),
            kind,
            meaning: MeaningSource::Read,
            flags,
        }
    }

    /// A deadline whose meaning the office states; the words stay as printed.
    pub fn stated(text: &str, kind: DeadlineKind) -> Deadline {
        Deadline::stated_by(text, kind, MeaningSource::Stated)
    }

    /// A deadline whose meaning someone stated: the office, or an importer.
    pub fn stated_by(text: &str, kind: DeadlineKind, by: MeaningSource) -> Deadline {
        Deadline {
            text: text.to_string(),
            kind,
            meaning: by,
            flags: Vec::new(),
        }
    }

    /// True when the text was understood (or its meaning stated).
    pub fn is_understood(&self) -> bool {
        self.kind.is_understood()
    }
}

/// The first day of a month (`month` clamped to 1–12).
fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month.clamp(1, 12), 1).unwrap_or(NaiveDate::MIN)
}

fn end_of_month(year: i32, month: u32) -> NaiveDate {
    let first = first_of_month(year, month);
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests;
