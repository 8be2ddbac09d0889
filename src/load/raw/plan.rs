//! A plan's `plan.md` front matter: the document's number, title, issuer, dates, signatory and declared totals.

use chrono::NaiveDate;
use serde::Deserialize;

use super::tasks::ReviewEntry;

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
