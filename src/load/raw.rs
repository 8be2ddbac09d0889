//! The content files as written, before validation: one struct per file
//! format described in `docs/content.md`. Unknown fields are rejected so a
//! misspelled field name is reported rather than silently ignored.

use chrono::NaiveDate;
use serde::Deserialize;

/// `content/site.yaml`.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// Site title shown in every page header.
    pub title: String,
    /// One-sentence description (meta description, home page lead).
    #[serde(default)]
    pub description: Option<String>,
    /// Language code of the content (`vi`).
    #[serde(default = "default_language")]
    pub language: String,
    /// Extra languages of the site's words (`[en]`): each is built under
    /// `/<lang>/` with the same content.
    #[serde(default)]
    pub ui_languages: Vec<String>,
    /// Order of all-number dates in English deadlines (`month_day`:
    /// `12/31/2020`; `day_month`: `31/12/2020`); unset: only dates with
    /// one possible reading are read.
    #[serde(default)]
    pub date_order: Option<crate::model::deadline::DateOrder>,
    /// Month (1–12) fiscal years start in, for `FY 2021` in deadlines; a
    /// fiscal year is named by the year it ends in.
    #[serde(default)]
    pub fiscal_year_start: Option<u32>,
    /// Absolute URL the site is published at, used for permalinks in citations.
    #[serde(default)]
    pub base_url: Option<String>,
    /// IANA time zone of the dates (`Asia/Ho_Chi_Minh`).
    #[serde(default = "default_tz")]
    pub time_zone: String,
    /// Date the data is current to; `--as-of` overrides it.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
    /// Who publishes the site.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Free text shown in the footer (licence, contact).
    #[serde(default)]
    pub footer: Option<String>,
    /// True for demonstration data: every page carries a visible banner.
    #[serde(default)]
    pub illustrative: bool,
    /// Months between two reports: when the newest report or evidence is
    /// older than this, the home page says states follow from deadlines only.
    #[serde(default = "default_reporting_period")]
    pub reporting_period_months: u32,
    /// Another content directory whose agencies, plans and reports this one
    /// builds on (relative to this directory), e.g. `../../content`.
    #[serde(default)]
    pub base: Option<String>,
    /// The most the built site may weigh, in megabytes (default: the
    /// limit of [`crate::limits::OUTPUT_BYTES`]).
    #[serde(default)]
    pub max_output_mb: Option<u64>,
}

fn default_language() -> String {
    "vi".into()
}
fn default_tz() -> String {
    "Asia/Ho_Chi_Minh".into()
}

/// `content/agencies.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgenciesFile {
    /// Every agency, body and group (`agencies:` with nothing yet is none).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub agencies: Vec<AgencyEntry>,
}

/// A list that may be written `~` or left empty (`agencies:`): no items.
fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// One entry of the agency registry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyEntry {
    /// Stable id used in permalinks.
    pub id: String,
    /// Official name.
    pub name: String,
    /// The body's official English name, when it has one (a gloss on
    /// English pages; the reference registry supplies ministries' and
    /// provinces').
    #[serde(default)]
    pub name_en: Option<String>,
    /// Short form.
    #[serde(default)]
    pub short: Option<String>,
    /// Kind of body (`department`, `group`, ...).
    #[serde(default)]
    pub kind: Option<String>,
    /// Administrative level.
    #[serde(default)]
    pub level: Option<String>,
    /// Id of the parent body.
    #[serde(default)]
    pub parent: Option<String>,
    /// Other spellings used in documents.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Members of a group.
    #[serde(default)]
    pub members: Vec<String>,
    /// The body this one was merged into.
    #[serde(default)]
    pub successor: Option<SuccessorEntry>,
    /// Free note.
    #[serde(default)]
    pub note: Option<String>,
    /// True for an entry added by `import-plan --add-agencies` that a person
    /// has not checked yet; `check` lists it as a warning.
    #[serde(default)]
    pub review: bool,
    /// The legal document establishing the body under this name, as
    /// written (`import-plan` copies it from the reference registry).
    #[serde(default)]
    pub source: Option<String>,
}

/// A successor record: merged into `id` on `date`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessorEntry {
    /// Id of the successor body.
    pub id: String,
    /// Date the change took effect.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Basis of the change.
    #[serde(default)]
    pub note: Option<String>,
    /// The legal document that made the change: free text in
    /// `agencies.yaml`, a key of `sources` in the reference registry.
    #[serde(default)]
    pub source: Option<String>,
}

/// The reference registry of national bodies shipped with the program
/// (`data/agencies-vn.yaml`): the legal documents it rests on, the bodies,
/// and strings that name more than one body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFile {
    /// What the file covers and its cut-off date.
    #[serde(default)]
    pub meta: std::collections::BTreeMap<String, serde_yaml::Value>,
    /// Legal documents, by a short key.
    pub sources: std::collections::BTreeMap<String, SourceEntry>,
    /// The bodies.
    pub agencies: Vec<ReferenceAgency>,
    /// Strings shared by several bodies: never taken as any of them.
    #[serde(default)]
    pub ambiguous: Vec<AmbiguousEntry>,
}

/// A legal document of the reference registry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// Full title as published (type, number, date, issuer, subject).
    pub title: String,
    /// Issuing body.
    #[serde(default)]
    pub issuer: Option<String>,
    /// Document number verbatim (`176/2025/QH15`).
    #[serde(default)]
    pub number: Option<String>,
    /// Date of issue.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Date it took effect.
    #[serde(default)]
    pub effective: Option<NaiveDate>,
    /// Where it is published.
    #[serde(default)]
    pub url: Option<String>,
    /// Where its content was read when not from the document itself.
    #[serde(default)]
    pub via: Vec<String>,
    /// How the document was seen: `text`, `excerpt` or `secondary`.
    pub checked: String,
    /// What was read, and what not.
    #[serde(default)]
    pub note: Option<String>,
}

/// One body of the reference registry: the schema of `agencies.yaml`, with
/// its sources by key and the provenance of its English name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceAgency {
    /// Stable id.
    pub id: String,
    /// Official name.
    pub name: String,
    /// English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Where the English name comes from: a source key, `press`,
    /// `convention` or `unverified`.
    #[serde(default)]
    pub name_en_source: Option<String>,
    /// English abbreviation.
    #[serde(default)]
    pub short_en: Option<String>,
    /// Short form.
    #[serde(default)]
    pub short: Option<String>,
    /// Kind of body.
    #[serde(default)]
    pub kind: Option<String>,
    /// Administrative level.
    #[serde(default)]
    pub level: Option<String>,
    /// Parent body.
    #[serde(default)]
    pub parent: Option<String>,
    /// Other spellings and abbreviations offices write.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Members of a group.
    #[serde(default)]
    pub members: Vec<String>,
    /// The body it was merged into.
    #[serde(default)]
    pub successor: Option<SuccessorEntry>,
    /// Free note.
    #[serde(default)]
    pub note: Option<String>,
    /// Source keys establishing the body under its name (`unverified`
    /// when none was found).
    #[serde(default)]
    pub source: OneOrMany,
    /// Since when it exists under this name.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// The province or city a People's Committee governs.
    #[serde(default)]
    pub province: Option<String>,
    /// `province` or `city`.
    #[serde(default)]
    pub unit_type: Option<String>,
}

/// One string or a list of them.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(untagged)]
pub enum OneOrMany {
    /// None given.
    #[default]
    None,
    /// One.
    One(String),
    /// Several.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The strings, in order.
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

/// A string shared by several bodies.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmbiguousEntry {
    /// The string as written (`BTC`).
    pub text: String,
    /// The bodies it may name (ids of the file).
    pub candidates: Vec<String>,
    /// Why, in plain words.
    #[serde(default)]
    pub note: Option<String>,
}

/// Front matter of `plans/<id>/plan.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFront {
    /// Document number verbatim (`114/KH-BCĐ`).
    #[serde(default)]
    pub number: Option<String>,
    /// Remark on the number (e.g. left blank in the source).
    #[serde(default)]
    pub number_note: Option<String>,
    /// Document type (`Kế hoạch`, `Công văn`).
    pub doc_type: String,
    /// Title verbatim.
    pub title: String,
    /// Short editorial label for lists, for documents without a number.
    #[serde(default)]
    pub short_title: Option<String>,
    /// Agency id of the issuer.
    pub issuer: String,
    /// Issuer as printed in the header.
    #[serde(default)]
    pub issuer_name: Option<String>,
    /// Place of issue.
    #[serde(default)]
    pub place: Option<String>,
    /// Date of issue.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Place and date line as printed.
    #[serde(default)]
    pub date_text: Option<String>,
    /// Period covered.
    pub period: PeriodEntry,
    /// Year assumed by deadlines that omit it.
    #[serde(default)]
    pub year: Option<i32>,
    /// Language of the plan's wording, choosing the deadline grammar
    /// (`vi`, `en`); defaults to the site's.
    #[serde(default)]
    pub language: Option<String>,
    /// Who signed.
    #[serde(default)]
    pub signatory: Option<SignatoryEntry>,
    /// "Căn cứ" lines.
    #[serde(default)]
    pub legal_bases: Vec<String>,
    /// "Nơi nhận" / "Kính gửi".
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Totals the document declares.
    #[serde(default)]
    pub declared: Option<DeclaredEntry>,
    /// `complete` or `not-in-source`.
    #[serde(default)]
    pub table_status: Option<String>,
    /// Seed file the transcription comes from.
    #[serde(default)]
    pub source: Option<String>,
    /// Address of the official document (`http://` or `https://`).
    #[serde(default)]
    pub source_url: Option<String>,
    /// What an import read from the document's header and signature,
    /// still to review.
    #[serde(default)]
    pub review: Vec<ReviewEntry>,
}

/// Start and end of a period.
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct PeriodEntry {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// Signatory of a document.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SignatoryEntry {
    /// Name as printed.
    pub name: String,
    /// Position line(s) as printed.
    #[serde(default)]
    pub position: Option<String>,
    /// `TM.`/`KT.` line as printed.
    #[serde(default)]
    pub on_behalf: Option<String>,
}

/// Declared totals.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct DeclaredEntry {
    /// Declared number of tasks.
    #[serde(default)]
    pub tasks: Option<u32>,
    /// Declared number of indicators.
    #[serde(default)]
    pub indicators: Option<u32>,
    /// Declared per-group totals.
    #[serde(default)]
    pub groups: Vec<DeclaredGroup>,
}

/// One declared per-group total.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct DeclaredGroup {
    /// Label verbatim.
    pub label: String,
    /// Declared count.
    pub count: u32,
    /// Code of the table group it corresponds to.
    #[serde(default)]
    pub group: Option<String>,
}

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

fn default_reporting_period() -> u32 {
    1
}
