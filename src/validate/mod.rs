//! Stage 2 of the pipeline: checks raw content and builds the [`Model`].
//!
//! Every problem is collected; the model is returned only when there is no
//! error (warnings travel with it and are shown to readers where relevant).

mod agencies;
pub mod bounds;
mod cells;
mod duties;
pub mod languages;
mod meaning;
mod plans;
pub mod reference;
mod report_order;
mod reports;
mod review;
mod shared;
pub mod site;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::RawContent;
use crate::model::{Model, Plan};
use rayon::prelude::*;

/// Builds the agency registry from `agencies.yaml` alone (for importers
/// that need to know which names are registered); problems go to `diags`.
pub fn registry(
    file: &crate::load::Loaded<crate::load::raw::AgenciesFile>,
    diags: &mut Diagnostics,
) -> crate::model::Registry {
    agencies::registry(file, diags)
}

/// Validates raw content. `as_of` overrides `site.yaml`'s date. The raw
/// plans are taken out of `raw` and dropped as they are read.
pub fn validate(raw: &mut RawContent, as_of: Option<NaiveDate>) -> (Option<Model>, Diagnostics) {
    let mut diags = raw.warnings.clone();
    // Read once before the plans are read in parallel, each of which asks
    // for it.
    let _ = reference::builtin();
    let registry = agencies::registry(&raw.agencies, &mut diags);
    let site = site::site(&raw.site, as_of, &mut diags);
    let as_of = site.as_of;
    let s = &raw.site.value;
    if let Some(m) = s.fiscal_year_start.filter(|m| !(1..=12).contains(m)) {
        diags.push(
            Diagnostic::error(
                raw.site.spans.locate(&raw.site.path, "fiscal_year_start"),
                format!("`fiscal_year_start: {m}` is not a month"),
            )
            .with_help("write the month fiscal years start in, 1–12 (10 for October)"),
        );
    }
    let times = plans::TimeSettings {
        language: s.language.clone(),
        date_order: s.date_order,
        fiscal_year_start: s.fiscal_year_start.filter(|m| (1..=12).contains(m)),
    };
    // Plans are read apart, in parallel; their problems are kept in the
    // plans' order, so the messages come out as they did one by one.
    // Each raw plan is dropped once read: the raw trees of a large site and
    // its model are never all in memory together.
    let checked: Vec<(Option<Plan>, Diagnostics)> = std::mem::take(&mut raw.plans)
        .into_par_iter()
        .map(|p| {
            let mut mine = Diagnostics::default();
            let plan = plans::plan(&p, &registry, &times, &mut mine);
            (plan, mine)
        })
        .collect();
    let mut plans = Vec::with_capacity(checked.len());
    for (plan, mine) in checked {
        diags.extend(mine);
        plans.extend(plan);
    }
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
