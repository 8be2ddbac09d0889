//! Archived snapshots for citation: for each report month, a copy of the
//! status pages (home, plans, tasks, agencies, statuses) as they stood after
//! that month's report, under `/ban-luu/YYYY-MM/`.
//!
//! A snapshot is rendered from the reports up to its month only and links
//! only inside itself (plus the live site's navigation and stylesheet, whose
//! paths never change), so a later report never changes its bytes.

use super::i18n::Locale;
use serde::Serialize;

use crate::model::report::{Report, ReportKind};
use crate::model::Model;

use super::urls;

/// Directory of the snapshots index.
pub const ARCHIVE: &str = "ban-luu/";

/// Root directory of the snapshot of a report's month.
pub fn root_dir(r: &Report) -> String {
    format!("ban-luu/{}/", r.period())
}

/// One snapshot: the last office report of a month.
pub struct Snapshot {
    /// Index of the report in `Model::reports`.
    pub report: usize,
    /// `ban-luu/YYYY-MM/`.
    pub root: String,
}

/// The snapshots to build: one per month with an office report.
pub fn snapshots(model: &Model) -> Vec<Snapshot> {
    let mut out: Vec<Snapshot> = Vec::new();
    for (i, r) in model.reports.iter().enumerate() {
        if r.kind != ReportKind::Report {
            continue;
        }
        let root = root_dir(r);
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
    /// Link from the site root.
    pub href: String,
}

/// Archived versions of the live page in `dir`, oldest first.
pub fn archive_links(model: &Model, l: &Locale, snaps: &[Snapshot], dir: &str) -> Vec<ArchiveLink> {
    let archived = dir.is_empty()
        || dir.starts_with(urls::PLANS)
        || dir.starts_with(urls::AGENCIES)
        || dir == "tinh-trang/";
    if !archived {
        return Vec::new();
    }
    snaps
        .iter()
        .map(|s| {
            let r = &model.reports[s.report];
            ArchiveLink {
                label: l
                    .month(r.year, r.month)
                    .unwrap_or_else(|_| format!("{:02}/{}", r.month, r.year)),
                href: urls::href(&format!("{}{dir}", s.root)),
            }
        })
        .collect()
}
