//! `agencies.yaml`: the registry of agencies, bodies and groups, with their successors.

use chrono::NaiveDate;
use serde::Deserialize;

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
