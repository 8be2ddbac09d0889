//! `data/agencies-vn.yaml`: the reference registry of national bodies, each line with its legal source.

use chrono::NaiveDate;
use serde::Deserialize;

use super::agencies::SuccessorEntry;

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
