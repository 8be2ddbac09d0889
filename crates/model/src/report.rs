//! Monthly reports: what the office reported for each task, with evidence.

use chrono::NaiveDate;
use serde::Serialize;

use super::ids::AgencyId;
use super::Registry;

/// What a report says about a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reported {
    /// Completed (with a completion date).
    Done,
    /// Work under way.
    InProgress,
    /// Not started.
    NotStarted,
    /// A continuous or recurring duty carried out in the period.
    Ongoing,
}

impl Reported {
    /// The `status` value as written in `reports/*.yaml` (the key of its
    /// label in the i18n files: `reported.<key>`).
    pub fn key(&self) -> &'static str {
        match self {
            Reported::Done => "done",
            Reported::InProgress => "in-progress",
            Reported::NotStarted => "not-started",
            Reported::Ongoing => "ongoing",
        }
    }

    /// Every reported status.
    pub const ALL: [Reported; 4] = [
        Reported::Done,
        Reported::InProgress,
        Reported::NotStarted,
        Reported::Ongoing,
    ];

    /// Parses the `status` field.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "done" => Reported::Done,
            "in-progress" => Reported::InProgress,
            "not-started" => Reported::NotStarted,
            "ongoing" => Reported::Ongoing,
            _ => return None,
        })
    }

    /// Allowed values, for error messages.
    pub const NAMES: &'static str = "done, in-progress, not-started, ongoing";

    /// Vietnamese words: the reference; pages take theirs from
    /// `reported.<key>` in the i18n files (a test holds the two equal).
    pub fn label(&self) -> &'static str {
        match self {
            Reported::Done => "Đã hoàn thành",
            Reported::InProgress => "Đang thực hiện",
            Reported::NotStarted => "Chưa triển khai",
            Reported::Ongoing => "Đang thực hiện thường xuyên",
        }
    }
}

/// Whether a report is the office's report or a record of published evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    /// A monthly report of the office.
    Report,
    /// Statuses evidenced by published documents (no office report).
    Evidence,
}

/// A supporting document.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Number verbatim.
    pub number: Option<String>,
    /// Date.
    pub date: Option<NaiveDate>,
    /// Title.
    pub title: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// Where it is printed.
    pub source: Option<String>,
}

/// One task's line in a report.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Index of the plan in `Model::plans`.
    pub plan: usize,
    /// Index of the task in `Plan::tasks`.
    pub task: usize,
    /// Status as reported.
    pub status: Reported,
    /// Progress percent.
    pub progress: Option<u8>,
    /// Completion date.
    pub completed: Option<NaiveDate>,
    /// Note.
    pub note: Option<String>,
    /// Evidence.
    pub evidence: Vec<Evidence>,
    /// Line in the report file.
    pub line: usize,
    /// The agency whose form gave this entry, when known.
    pub reported_by: Option<AgencyId>,
}

/// An agency's form received for a report: who sent it and when.
#[derive(Debug, Clone, Serialize)]
pub struct Received {
    /// The sender.
    pub agency: AgencyId,
    /// Day received (the report's date unless given).
    pub date: NaiveDate,
    /// The file it came in.
    pub file: Option<String>,
}

/// An indicator value.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorValue {
    /// Plan index.
    pub plan: usize,
    /// Indicator id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: Option<String>,
    /// Target.
    pub target: f64,
    /// Reached.
    pub actual: f64,
    /// Note.
    pub note: Option<String>,
}

/// A report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// File stem (`2025-10`).
    pub id: String,
    /// Month reported.
    pub year: i32,
    /// Month reported.
    pub month: u32,
    /// Date of the report.
    pub date: NaiveDate,
    /// Report or evidence.
    pub kind: ReportKind,
    /// Reporting body.
    pub issuer: Option<AgencyId>,
    /// Number.
    pub number: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// The report this one corrects (its id), whose entries of the same
    /// date this one's hold over.
    pub corrects: Option<String>,
    /// Task entries.
    pub entries: Vec<Entry>,
    /// Indicator values.
    pub indicators: Vec<IndicatorValue>,
    /// The agencies' forms compiled into this report.
    pub received: Vec<Received>,
}

impl Report {
    /// `YYYY-MM` of the month reported.
    pub fn period(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// How strongly `agency` leads a task whose lead cell names `lead`: 2
/// when named itself, 1 when a member (at any depth) of a group named, 0
/// when it does not lead. Of several agencies reporting on one task, the
/// highest rank's entry sets the state: a body named in the cell outranks
/// a member of a group named beside it.
pub fn lead_rank(registry: &Registry, lead: &[AgencyId], agency: &AgencyId) -> u8 {
    if lead.contains(agency) {
        2
    } else if is_lead(registry, lead, agency) {
        1
    } else {
        0
    }
}

/// True when `agency` leads a task whose lead cell names `lead`: named
/// itself, or a member (at any depth) of a group named.
pub fn is_lead(registry: &Registry, lead: &[AgencyId], agency: &AgencyId) -> bool {
    let mut seen: Vec<&AgencyId> = Vec::new();
    let mut todo: Vec<&AgencyId> = lead.iter().collect();
    while let Some(a) = todo.pop() {
        if a == agency {
            return true;
        }
        if seen.contains(&a) {
            continue;
        }
        seen.push(a);
        if let Some(g) = registry.get(a) {
            todo.extend(g.members.iter());
        }
    }
    false
}
