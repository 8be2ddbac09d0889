//! Archived snapshots for citation: for each report month, a copy of the
//! lists (home, statuses, plans and their tables, the agencies index) as
//! they stood after that month's report, under `/ban-luu/YYYY-MM/` (the
//! archive word of the site's own language; an extra UI language links to
//! these).
//!
//! A snapshot is rendered from the reports up to its month only. Its lists
//! link inside itself; a task or an agency has no archived page (the live
//! one shows every report of the task, month by month), so their links lead
//! to the live pages, as do the navigation and the stylesheet, whose paths
//! never change. A later report never changes a snapshot's bytes, and a
//! snapshot costs its lists, not a copy of every page.

use serde::Serialize;

use crate::model::report::ReportKind;
use crate::model::Model;

use super::i18n::{Locale, Paths};
use super::urls::{self, Route};

/// One snapshot: the last office report of a month.
pub struct Snapshot {
    /// Index of the report in `Model::reports`.
    pub report: usize,
    /// `ban-luu/YYYY-MM/`.
    pub root: String,
}

/// The snapshots to build: one per month with an office report, under
/// the archive word of `paths` (the site's own language's).
pub fn snapshots(model: &Model, paths: &Paths) -> Vec<Snapshot> {
    let mut out: Vec<Snapshot> = Vec::new();
    for (i, r) in model.reports.iter().enumerate() {
        if r.kind != ReportKind::Report {
            continue;
        }
        let root = paths.archive_root(&r.period());
        match out.last_mut() {
            Some(s) if s.root == root => s.report = i,
            _ => out.push(Snapshot { report: i, root }),
        }
    }
    out
}

/// A link to an archived version of a page.
#[derive(Serialize)]
pub struct ArchiveLink {
    /// The month, in the page's language (`09/2025`, `September 2025`).
    pub label: String,
    /// Link from the root of the output.
    pub href: String,
}

/// Archived versions of the live page in `dir` (written with the path
/// words of `l`; a page every snapshot has: see `jobs::PageKind::archived`),
/// oldest first. Snapshots are in the site's own language
/// (`shared`): a page of another language links to its twin's.
pub fn archive_links(
    model: &Model,
    l: &Locale,
    snaps: &[Snapshot],
    shared: &Paths,
    dir: &str,
) -> Vec<ArchiveLink> {
    let Some(at) = urls::address(l.paths(), dir) else {
        return Vec::new();
    };
    let archived = at.part == 1
        && matches!(
            at.route,
            Route::Home | Route::Plans | Route::Plan(_) | Route::Agencies | Route::Status
        );
    if !archived {
        return Vec::new();
    }
    let twin = urls::address_dir(shared, &at);
    snaps
        .iter()
        .map(|s| {
            let r = &model.reports[s.report];
            ArchiveLink {
                label: l
                    .month(r.year, r.month)
                    .unwrap_or_else(|_| format!("{:02}/{}", r.month, r.year)),
                href: urls::href(&format!("{}{twin}", s.root)),
            }
        })
        .collect()
}
