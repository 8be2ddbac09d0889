//! Plans, their table of groups, goals and tasks.

use chrono::NaiveDate;
use serde::Serialize;

pub use super::agency::AgencyCell;
use super::deadline::{DateOrder, Deadline};
use super::duty::Duty;
use super::ids::{AgencyId, PlanId, TaskId};
use super::inference::Inference;

/// The period a plan covers.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// Who signed a document.
#[derive(Debug, Clone, Serialize)]
pub struct Signatory {
    /// Name as printed.
    pub name: String,
    /// Position as printed.
    pub position: Option<String>,
    /// `TM.`/`KT.` line.
    pub on_behalf: Option<String>,
}

/// A total the document declares, compared with what was transcribed.
#[derive(Debug, Clone, Serialize)]
pub struct DeclaredCount {
    /// What is counted, verbatim from the document.
    pub label: String,
    /// The number the document declares.
    pub declared: u32,
    /// The number of rows transcribed, when a table exists.
    pub found: Option<u32>,
    /// Table group the count belongs to.
    pub group: Option<String>,
}

impl DeclaredCount {
    /// True when the transcription has a different number of rows.
    pub fn differs(&self) -> bool {
        self.found.is_some_and(|f| f != self.declared)
    }
}

/// Whether the plan's appendix table is in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TableStatus {
    /// Every row is transcribed.
    Complete,
    /// The document refers to a table that the source text does not contain.
    NotInSource,
}

/// One row of a plan's table.
#[derive(Debug, Clone, Serialize)]
pub struct Task {
    /// Permalink id within the plan.
    pub id: TaskId,
    /// Number as printed.
    pub number: Option<String>,
    /// Code of the innermost group (`IV.1`).
    pub group: String,
    /// Position of the row in the document (0-based), for ordering.
    pub position: usize,
    /// Goal cell (shared by the rows of a merged cell).
    pub goal: Option<String>,
    /// Task text (Nhiệm vụ, giải pháp).
    pub text: Option<String>,
    /// Output (Kết quả/sản phẩm).
    pub output: Option<String>,
    /// Lead agencies.
    pub lead: AgencyCell,
    /// Cooperating agencies.
    pub cooperate: AgencyCell,
    /// Start time (Thời gian thực hiện).
    pub start: Option<Deadline>,
    /// Deadline (Thời gian hoàn thành).
    pub deadline: Option<Deadline>,
    /// Note / source (Lưu ý).
    pub note: Option<String>,
    /// Line of the row in `tasks.yaml`.
    pub line: usize,
    /// What an import inferred about the row, not yet reviewed.
    pub inferred: Vec<Inference>,
}

/// A run of rows under one goal cell (or under none).
#[derive(Debug, Clone, Serialize)]
pub struct GoalBlock {
    /// The goal, written once for all its rows.
    pub goal: Option<String>,
    /// Indexes into [`Plan::tasks`].
    pub tasks: Vec<usize>,
}

/// A section of a plan's table.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Code as printed.
    pub code: String,
    /// Title verbatim.
    pub title: Option<String>,
    /// Appendix label, when the group is an appendix.
    pub appendix: Option<String>,
    /// Column headings of this group's table.
    pub columns: Vec<String>,
    /// Count declared in the title.
    pub declared_tasks: Option<u32>,
    /// Rows found in the group and its sub-groups.
    pub task_count: u32,
    /// Other text in the group row.
    pub note: Option<String>,
    /// Rows, by goal.
    pub blocks: Vec<GoalBlock>,
    /// Sub-groups.
    pub groups: Vec<Group>,
    /// What an import inferred about the group (a row read as a heading),
    /// not yet reviewed.
    pub inferred: Vec<Inference>,
}

/// A plan (or directive) with its narrative and table.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Permalink id (directory name).
    pub id: PlanId,
    /// Document number verbatim.
    pub number: Option<String>,
    /// Remark about the number.
    pub number_note: Option<String>,
    /// Document type.
    pub doc_type: String,
    /// Title verbatim.
    pub title: String,
    /// Short editorial label, for documents without a number.
    pub short_title: Option<String>,
    /// Issuing agency.
    pub issuer: AgencyId,
    /// Issuer as printed.
    pub issuer_name: Option<String>,
    /// Place of issue.
    pub place: Option<String>,
    /// Date of issue.
    pub date: Option<NaiveDate>,
    /// Place and date as printed.
    pub date_text: Option<String>,
    /// Period covered.
    pub period: Period,
    /// Year assumed by deadlines that omit it.
    pub year: i32,
    /// Language of the plan's wording (`vi`, `en`): its deadline grammar,
    /// and the `lang` of its verbatim text on pages.
    pub language: String,
    /// Signatory.
    pub signatory: Option<Signatory>,
    /// "Căn cứ" lines.
    pub legal_bases: Vec<String>,
    /// Recipients.
    pub recipients: Vec<String>,
    /// Declared totals compared with the transcription.
    pub declared: Vec<DeclaredCount>,
    /// Whether the table is in the source.
    pub table_status: TableStatus,
    /// Seed file the transcription comes from.
    pub source: Option<String>,
    /// Address of the official document, checked to be `http(s)://`.
    pub source_url: Option<String>,
    /// Narrative in Markdown.
    pub body: String,
    /// Heading above the table.
    pub appendix: Option<String>,
    /// Table caption.
    pub caption: Option<String>,
    /// Note under the caption.
    pub caption_note: Option<String>,
    /// Printed column headings.
    pub columns: Vec<String>,
    /// Table sections.
    pub groups: Vec<Group>,
    /// Every row, in document order.
    pub tasks: Vec<Task>,
    /// Recurring reporting duties fixed by the narrative.
    pub duties: Vec<Duty>,
    /// The order of all-number dates in the table, as `tasks.yaml` declares
    /// it (`None`: the language's own, day first in Vietnamese).
    pub date_order: Option<DateOrder>,
    /// What an import inferred about the table as a whole (its date order),
    /// not yet reviewed.
    pub inferred: Vec<Inference>,
}

impl Plan {
    /// The plan's display label: its type and number, or its type and
    /// short title when the document has no number.
    pub fn label(&self) -> String {
        match (&self.number, &self.short_title) {
            (Some(n), _) => format!("{} {n}", self.doc_type),
            (None, Some(s)) => format!("{} {s}", self.doc_type),
            (None, None) => format!("{} {}", self.doc_type, self.title),
        }
    }

    /// The task with this id.
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id.as_str() == id)
    }
}
