//! A plan's `duties.yaml`: recurring reporting duties and their schedules.

use chrono::NaiveDate;
use serde::Deserialize;

/// `plans/<id>/duties.yaml`: recurring reporting duties fixed by the narrative.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DutiesFile {
    /// The duties.
    #[serde(default)]
    pub duties: Vec<DutyEntry>,
}

/// One reporting duty.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyEntry {
    /// Stable id within the plan.
    pub id: String,
    /// Short title (`Báo cáo tháng`).
    pub title: String,
    /// Who must report: agency names as printed.
    pub who: String,
    /// To whom, as printed.
    #[serde(default)]
    pub to: Option<String>,
    /// When it falls due.
    pub schedule: ScheduleEntry,
    /// First day occurrences may fall on (default: the plan's start).
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day occurrences may fall on (default: the plan's end).
    #[serde(default)]
    pub until: Option<NaiveDate>,
    /// The sentence of the plan that fixes the duty, verbatim.
    pub quote: String,
    /// Where in the plan the sentence is (`III.1.5`).
    #[serde(default)]
    pub section: Option<String>,
    /// Editorial note (e.g. why the first occurrence is in October).
    #[serde(default)]
    pub note: Option<String>,
}

/// When a duty falls due.
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    /// `month`, `quarter`, `year`, or omitted for a single `date`.
    #[serde(default)]
    pub every: Option<Every>,
    /// Day of the month (1–28).
    #[serde(default)]
    pub day: Option<u32>,
    /// Month (1–12) for yearly duties; month within the quarter (1–3) for quarterly ones.
    #[serde(default)]
    pub month: Option<u32>,
    /// A single date.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// True when the text says "trước ngày" (strictly before the day).
    #[serde(default)]
    pub before: bool,
}

/// Recurrence period of a duty.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Every {
    /// Every month.
    Month,
    /// Every quarter.
    Quarter,
    /// Every year.
    Year,
}
