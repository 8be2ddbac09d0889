//! Stage 2 of the pipeline: the validated model the rest of the program works on.

pub mod agency;
/// The deadline grammars, a crate of their own (`crates/deadline`).
pub use minhbach_deadline as deadline;
pub mod duty;
pub mod ids;
pub mod inference;
pub mod plan;
pub mod report;
pub mod text;

use chrono::NaiveDate;
use serde::Serialize;

pub use agency::{Agency, AgencyKind, Registry, Segment};
pub use deadline::{Deadline, DeadlineKind, Due};
pub use ids::{AgencyId, PlanId, TaskId};
pub use plan::{Plan, Task};

/// Site-wide settings.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    /// Site title.
    pub title: String,
    /// One-sentence description.
    pub description: Option<String>,
    /// Content language (`vi`), also the language of the site's own words.
    pub language: String,
    /// Extra languages of the site's words, each built under `/<lang>/`
    /// over the same content (which stays verbatim).
    pub ui_languages: Vec<String>,
    /// Absolute URL of the published site, ending in `/`.
    pub base_url: Option<String>,
    /// Time zone of the dates.
    pub time_zone: String,
    /// The date the data is current to.
    pub as_of: NaiveDate,
    /// Publisher, for citations.
    pub publisher: Option<String>,
    /// Footer text.
    pub footer: Option<String>,
    /// True for demonstration data (banner on every page).
    pub illustrative: bool,
    /// Months between two reports (at least 1): the age beyond which the
    /// evidence is said to be out of date.
    pub reporting_period_months: u32,
    /// The most bytes the built site may hold (`max_output_mb`).
    pub max_output_bytes: u64,
}

/// Everything the site is built from, validated.
#[derive(Debug, Clone)]
pub struct Model {
    /// Site settings.
    pub site: Site,
    /// The agency registry.
    pub registry: Registry,
    /// Plans, sorted by id.
    pub plans: Vec<Plan>,
    /// Reports, in order of month and date.
    pub reports: Vec<report::Report>,
}
