//! `site.yaml`: the site's title, language, time zone, as-of date and addresses.

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

fn default_reporting_period() -> u32 {
    1
}
