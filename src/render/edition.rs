//! An edition of the site: the live site, or the archived snapshot of one
//! report month, in one language. Page builders take an edition and never
//! need to know which one it is; the lists every page shares are computed
//! once here.

use std::sync::Arc;

use crate::derive::Derived;
use crate::model::Model;

use super::i18n::{Locale, Paths};
use super::lists::{agency_lists, AgencyLists, PlanRows, StatusLists};
use super::views::{self, PlanSummary};

/// The language a set of pages is rendered in: its words (with its path
/// words), and the folder of its pages in the output (empty for the site's
/// own language, `en/` for an extra UI language).
pub struct Lang<'a> {
    /// Its words and path words.
    pub locale: Locale,
    /// Its folder in the output: empty, or `<code>/`.
    pub root: String,
    /// Path words of the site's own language: the snapshots and assets,
    /// which the pages of every language share, are under these.
    pub shared: &'a Paths,
}

impl Lang<'_> {
    /// Language code (`vi`, `en`).
    pub fn code(&self) -> &str {
        self.locale.lang()
    }

    /// Path words of its URLs.
    pub fn paths(&self) -> &Paths {
        self.locale.paths()
    }
}

/// One edition and what its pages share.
pub struct Edition<'a> {
    /// The language of its words and URLs.
    pub lang: &'a Lang<'a>,
    /// Directory of the edition below the language's folder: empty for the
    /// live site, `ban-luu/YYYY-MM/` for a snapshot.
    pub root: String,
    /// Facts as of the edition's date.
    pub derived: &'a Derived,
    /// `MM/YYYY`, the month shown, for a snapshot.
    pub snapshot_of: Option<String>,
    /// Tasks by state (shared by the languages of one date).
    pub status: Arc<StatusLists>,
    /// Each agency's tasks, in registry order (shared likewise; empty in
    /// a snapshot, which has no agency pages).
    pub agencies: Arc<Vec<AgencyLists>>,
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
    pub fn live(
        model: &Model,
        lang: &'a Lang<'a>,
        derived: &'a Derived,
        rows: &'a PlanRows,
    ) -> Self {
        Edition::new(model, lang, derived, rows, String::new(), None)
    }

    /// The snapshot of the month labelled `period`, under `root`.
    pub fn snapshot(
        model: &Model,
        lang: &'a Lang<'a>,
        derived: &'a Derived,
        rows: &'a PlanRows,
        root: String,
        period: String,
    ) -> Self {
        Edition::new(model, lang, derived, rows, root, Some(period))
    }

    fn new(
        model: &Model,
        lang: &'a Lang<'a>,
        derived: &'a Derived,
        rows: &'a PlanRows,
        root: String,
        snapshot_of: Option<String>,
    ) -> Self {
        let locale = lang.locale.clone();
        let agencies = Arc::new(if snapshot_of.is_some() {
            Vec::new()
        } else {
            agency_lists(model, derived)
        });
        Edition {
            lang,
            root,
            derived,
            snapshot_of,
            status: Arc::new(StatusLists::new(model, derived)),
            agencies,
            rows,
            summaries: (0..model.plans.len())
                .map(|pi| views::plan_summary(model, derived, &locale, pi))
                .collect(),
            locale,
        }
    }

    /// The same edition in another language: the lists are shared, only
    /// the plan summaries (their words and links) are made again.
    pub fn in_language(&self, model: &Model, lang: &'a Lang<'a>) -> Self {
        let locale = lang.locale.clone();
        Edition {
            lang,
            root: self.root.clone(),
            derived: self.derived,
            snapshot_of: self.snapshot_of.clone(),
            status: Arc::clone(&self.status),
            agencies: Arc::clone(&self.agencies),
            rows: self.rows,
            summaries: (0..model.plans.len())
                .map(|pi| views::plan_summary(model, self.derived, &locale, pi))
                .collect(),
            locale,
        }
    }

    /// The path words of its URLs (its language's).
    pub fn paths(&self) -> &Paths {
        self.locale.paths()
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
