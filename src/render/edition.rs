//! An edition of the site: the live site, or the archived snapshot of one
//! report month. Page builders take an edition and never need to know
//! which one it is; the lists every page shares are computed once here.

use crate::derive::Derived;
use crate::model::Model;

use super::i18n::Locale;
use super::lists::{agency_lists, AgencyLists, PlanRows, StatusLists};
use super::views::{self, PlanSummary};

/// One edition and what its pages share.
pub struct Edition<'a> {
    /// Directory of the edition in the output: empty for the live site,
    /// `ban-luu/YYYY-MM/` for a snapshot.
    pub root: String,
    /// Facts as of the edition's date.
    pub derived: &'a Derived,
    /// `MM/YYYY`, the month shown, for a snapshot.
    pub snapshot_of: Option<String>,
    /// Tasks by state.
    pub status: StatusLists,
    /// Each agency's tasks, in registry order.
    pub agencies: Vec<AgencyLists>,
    /// Each plan's rows in document order (the same in every edition).
    pub rows: &'a PlanRows,
    /// The words of the edition's language: every word a page builder
    /// makes comes from here, so the same content renders in any language.
    pub locale: Locale,
    /// Each plan's summary with its counts by state, computed once: task
    /// pages show their plan's, and counting a plan per task would cost
    /// the square of the plan's size.
    summaries: Vec<PlanSummary>,
}

impl<'a> Edition<'a> {
    /// The live site.
    pub fn live(model: &Model, derived: &'a Derived, rows: &'a PlanRows, locale: Locale) -> Self {
        Edition::new(model, derived, rows, locale, String::new(), None)
    }

    /// The snapshot of the month labelled `period` (`MM/YYYY`), under `root`.
    pub fn snapshot(
        model: &Model,
        derived: &'a Derived,
        rows: &'a PlanRows,
        locale: Locale,
        root: String,
        period: String,
    ) -> Self {
        Edition::new(model, derived, rows, locale, root, Some(period))
    }

    fn new(
        model: &Model,
        derived: &'a Derived,
        rows: &'a PlanRows,
        locale: Locale,
        root: String,
        snapshot_of: Option<String>,
    ) -> Self {
        Edition {
            root,
            derived,
            snapshot_of,
            status: StatusLists::new(model, derived),
            agencies: agency_lists(model, derived),
            rows,
            summaries: (0..model.plans.len())
                .map(|pi| views::plan_summary(model, derived, &locale, pi))
                .collect(),
            locale,
        }
    }

    /// The summary of plan `pi`, as of this edition.
    pub fn plan_summary(&self, pi: usize) -> PlanSummary {
        self.summaries[pi].clone()
    }

    /// True for an archived snapshot.
    pub fn is_snapshot(&self) -> bool {
        self.snapshot_of.is_some()
    }
}
