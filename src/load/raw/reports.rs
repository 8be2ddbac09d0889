//! `reports/<id>.yaml`: a month's statuses, who sent them, evidence and indicators.

use chrono::NaiveDate;
use serde::Deserialize;

/// `reports/<name>.yaml`: one monthly report (or a record of evidence).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    /// Month reported, `YYYY-MM`.
    pub period: String,
    /// Date the report was issued; statuses hold as of this date.
    pub date: NaiveDate,
    /// `report` (a report of the office, the default) or `evidence` (statuses
    /// evidenced by published documents).
    #[serde(default)]
    pub kind: Option<String>,
    /// Agency id of the reporting body.
    #[serde(default)]
    pub issuer: Option<String>,
    /// Document number, when it has one.
    #[serde(default)]
    pub number: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Free note.
    #[serde(default)]
    pub note: Option<String>,
    /// The report this one corrects (its file name without `.yaml`): on
    /// the same date, this one's entries hold over that one's.
    #[serde(default)]
    pub corrects: Option<String>,
    /// One entry per task reported.
    #[serde(default)]
    pub entries: Vec<EntryRaw>,
    /// Indicator values.
    #[serde(default)]
    pub indicators: Vec<IndicatorRaw>,
    /// The agencies' forms this report compiles: who sent one, and when.
    #[serde(default)]
    pub received: Vec<ReceivedRaw>,
}

/// One agency's form, received for a report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceivedRaw {
    /// Agency id of the sender.
    pub agency: String,
    /// Day the form was received (default: the report's date).
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The file it came in, as named when imported.
    #[serde(default)]
    pub file: Option<String>,
}

/// One task's line in a report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRaw {
    /// `<plan-id>/<task-id>`.
    pub task: String,
    /// `done`, `in-progress`, `not-started` or `ongoing`.
    pub status: String,
    /// Progress percent, 0–100.
    #[serde(default)]
    pub progress: Option<i64>,
    /// Completion date, for `done`.
    #[serde(default)]
    pub completed: Option<NaiveDate>,
    /// Short note.
    #[serde(default)]
    pub note: Option<String>,
    /// Supporting documents.
    #[serde(default)]
    pub evidence: Vec<EvidenceRaw>,
    /// Agency id of the body whose form gave this entry (a task shared by
    /// several agencies may have one entry from each).
    #[serde(default)]
    pub reported_by: Option<String>,
}

/// A document supporting a report entry.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRaw {
    /// Document number verbatim.
    #[serde(default)]
    pub number: Option<String>,
    /// Document date.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Title or description.
    #[serde(default)]
    pub title: Option<String>,
    /// Link to the document.
    #[serde(default)]
    pub url: Option<String>,
    /// Where the evidence is printed (e.g. a seed file and line).
    #[serde(default)]
    pub source: Option<String>,
}

/// An indicator value in a report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRaw {
    /// Plan id.
    pub plan: String,
    /// Indicator id within the plan.
    pub id: String,
    /// Name verbatim.
    pub name: String,
    /// Unit (`%`, `hồ sơ`).
    #[serde(default)]
    pub unit: Option<String>,
    /// Target value.
    pub target: f64,
    /// Value reached.
    pub actual: f64,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
}
