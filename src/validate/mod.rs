//! Stage 2 of the pipeline: checks raw content and builds the [`Model`].
//!
//! Every problem is collected; the model is returned only when there is no
//! error (warnings travel with it and are shown to readers where relevant).

mod agencies;
mod cells;
mod duties;
mod meaning;
mod plans;
mod reports;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::RawContent;
use crate::model::{Model, Site};

/// Validates raw content. `as_of` overrides `site.yaml`'s date.
pub fn validate(raw: &RawContent, as_of: Option<NaiveDate>) -> (Option<Model>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let registry = agencies::registry(&raw.agencies, &mut diags);
    let s = &raw.site.value;
    let as_of = match as_of.or(s.as_of) {
        Some(d) => d,
        None => {
            diags.push(
                Diagnostic::error(
                    Location::file(&raw.site.path),
                    "no \"as of\" date: the site cannot say what date its statuses refer to",
                )
                .with_help("add `as_of: YYYY-MM-DD` to site.yaml or pass --as-of YYYY-MM-DD"),
            );
            NaiveDate::MIN
        }
    };
    if s.reporting_period_months == 0 {
        diags.push(
            Diagnostic::error(
                raw.site
                    .spans
                    .locate(&raw.site.path, "reporting_period_months"),
                "`reporting_period_months` is 0: a reporting period must be at least one month",
            )
            .with_help("write `reporting_period_months: 1` for monthly reports, 3 for quarterly"),
        );
    }
    let base_url = s.base_url.as_ref().map(|u| {
        if u.ends_with('/') {
            u.clone()
        } else {
            format!("{u}/")
        }
    });
    let site = Site {
        title: s.title.clone(),
        description: s.description.clone(),
        language: s.language.clone(),
        base_url,
        time_zone: s.time_zone.clone(),
        as_of,
        publisher: s.publisher.clone(),
        footer: s.footer.clone(),
        illustrative: s.illustrative,
        reporting_period_months: s.reporting_period_months.max(1),
    };
    let mut plans: Vec<_> = raw
        .plans
        .iter()
        .filter_map(|p| plans::plan(p, &registry, &mut diags))
        .collect();
    plans.sort_by(|a, b| a.id.cmp(&b.id));
    let reports = reports::reports(&raw.reports, &plans, &registry, as_of, &mut diags);
    if diags.has_errors() {
        return (None, diags);
    }
    (
        Some(Model {
            site,
            registry,
            plans,
            reports,
        }),
        diags,
    )
}
