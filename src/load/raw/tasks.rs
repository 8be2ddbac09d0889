//! A plan's `tasks.yaml`: groups, goals and tasks as printed, with stated meanings and review items.

use serde::Deserialize;

/// `plans/<id>/tasks.yaml`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TasksFile {
    /// Heading printed above the table.
    #[serde(default)]
    pub appendix: Option<String>,
    /// Caption line.
    #[serde(default)]
    pub caption: Option<String>,
    /// Note printed under the caption.
    #[serde(default)]
    pub caption_note: Option<String>,
    /// Printed column headings.
    #[serde(default)]
    pub columns: Vec<String>,
    /// Top-level groups.
    #[serde(default)]
    pub groups: Vec<GroupEntry>,
    /// The order of all-number dates in the table (`month_day` for
    /// `6/13/2025`); unset, the language's own (day first in Vietnamese).
    #[serde(default)]
    pub date_order: Option<crate::model::deadline::DateOrder>,
    /// What an import inferred about the table, still to review.
    #[serde(default)]
    pub review: Vec<ReviewEntry>,
}

/// One inference an import made, kept until a person has checked it
/// against the document and deleted the item.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewEntry {
    /// What was inferred (`date_order`, `heading`, `lead_from_heading`, …).
    pub what: String,
    /// Why, and what to check.
    #[serde(default)]
    pub note: Option<String>,
}

/// A group (section) of the table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    /// Code as printed (`I`, `IV.1`).
    pub code: String,
    /// Title verbatim.
    #[serde(default)]
    pub title: Option<String>,
    /// Appendix label when the group is an appendix.
    #[serde(default)]
    pub appendix: Option<String>,
    /// Printed column headings of this group's table.
    #[serde(default)]
    pub columns: Vec<String>,
    /// Count declared in the title.
    #[serde(default)]
    pub declared_tasks: Option<u32>,
    /// Other text in the group row.
    #[serde(default)]
    pub note: Option<String>,
    /// Merged goal cells and their rows.
    #[serde(default)]
    pub goals: Vec<GoalEntry>,
    /// Rows without a goal.
    #[serde(default)]
    pub tasks: Vec<TaskEntry>,
    /// Sub-groups.
    #[serde(default)]
    pub groups: Vec<GroupEntry>,
    /// What an import inferred about the group, still to review.
    #[serde(default)]
    pub review: Vec<ReviewEntry>,
}

/// A goal cell spanning one or more rows.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalEntry {
    /// Goal text verbatim.
    pub goal: String,
    /// Rows under the goal.
    #[serde(default)]
    pub tasks: Vec<TaskEntry>,
}

/// One row of the table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskEntry {
    /// Explicit permalink id.
    #[serde(default)]
    pub id: Option<String>,
    /// Number as printed.
    #[serde(default)]
    pub number: Option<String>,
    /// Task text (absent when the printed cell is merged with another row's).
    #[serde(default)]
    pub task: Option<String>,
    /// Output / product.
    #[serde(default)]
    pub output: Option<String>,
    /// Lead agency cell.
    #[serde(default)]
    pub lead: Option<String>,
    /// Cooperating agency cell.
    #[serde(default)]
    pub cooperate: Option<String>,
    /// Start time text.
    #[serde(default)]
    pub start: Option<String>,
    /// Deadline text.
    #[serde(default)]
    pub deadline: Option<String>,
    /// The office's statement of what `start` means, beside the verbatim words.
    #[serde(default)]
    pub start_meaning: Option<MeaningEntry>,
    /// The office's statement of what `deadline` means, beside the verbatim words.
    #[serde(default)]
    pub deadline_meaning: Option<MeaningEntry>,
    /// Note / source.
    #[serde(default)]
    pub note: Option<String>,
    /// What an import inferred about the row, still to review.
    #[serde(default)]
    pub review: Vec<ReviewEntry>,
}

/// A stated meaning of a time phrase (`{ due: 2025-06-30 }`,
/// `{ kind: ongoing }`, `{ from: 2025-01, due: 2025-06 }`); see
/// `docs/content.md`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct MeaningEntry {
    /// `ongoing`, `event`, `other_plan`, `regulation`, `request`,
    /// `condition`, `urgent` or `periodic`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Due by a day or within a period: `2025-06-30`, `2025-06`, `2025-Q2`, `2025-H1`, `2025`.
    #[serde(default)]
    pub due: Option<PeriodScalar>,
    /// Due strictly before a day or period.
    #[serde(default)]
    pub before: Option<PeriodScalar>,
    /// First day (with `due`: a span; alone: an open start).
    #[serde(default)]
    pub from: Option<PeriodScalar>,
    /// Recurring: `week`, `month`, `quarter`, `six_months` or `year`.
    #[serde(default)]
    pub every: Option<String>,
    /// Recurring: day of the month (of the quarter's last month), or weekday 1–7.
    #[serde(default)]
    pub day: Option<u32>,
    /// Recurring yearly: month of `day`.
    #[serde(default)]
    pub month: Option<u32>,
    /// Recurring: every how many periods (`every: month, interval: 3`).
    #[serde(default)]
    pub interval: Option<u32>,
    /// Name of a milestone (inside `milestones`).
    #[serde(default)]
    pub label: Option<String>,
    /// Several milestones, each a meaning of its own.
    #[serde(default)]
    pub milestones: Vec<MeaningEntry>,
    /// Who stated it: absent for the office; `import` when `import-plan`
    /// read it from the file (a month-first date in a file that mixes both
    /// orders), shown as such on pages until the office removes `by`.
    #[serde(default)]
    pub by: Option<String>,
}

/// A date or period written in YAML: `2025` reads as a number, the rest as text.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub enum PeriodScalar {
    /// A bare year.
    Year(i64),
    /// Any other form.
    Text(String),
}
