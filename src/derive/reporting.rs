//! Who has reported: for the latest reporting period, which agencies sent
//! their form and when (a report's `received:` list and its entries'
//! `reported_by:`), and which were expected to (every body with tasks,
//! not a group, not merged into another). A group counts as reported when
//! any of its members sent a form.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::report::ReportKind;
use crate::model::{AgencyId, Model};

use super::Memberships;

/// The forms received in one reporting period.
#[derive(Debug, Clone, Default)]
pub struct Reporting {
    /// The period, `(year, month)`; `None` when no report is used yet.
    pub period: Option<(i32, u32)>,
    /// True when any report used records forms (else the site does not
    /// collect forms, and nothing is said about who sent one).
    pub active: bool,
    /// Each agency that sent a form for the period, with the first day one
    /// was received.
    pub sent: BTreeMap<AgencyId, NaiveDate>,
}

impl Reporting {
    /// The forms of the latest office-report period among `used` reports.
    pub fn new(model: &Model, used: &[usize]) -> Self {
        let reports = &model.reports;
        let records = |i: usize| {
            !reports[i].received.is_empty()
                || reports[i].entries.iter().any(|e| e.reported_by.is_some())
        };
        let period = used
            .iter()
            .rev()
            .find(|&&i| reports[i].kind == ReportKind::Report)
            .map(|&i| (reports[i].year, reports[i].month));
        let mut r = Reporting {
            period,
            active: used.iter().any(|&i| records(i)),
            sent: BTreeMap::new(),
        };
        for &i in used {
            let rep = &reports[i];
            if Some((rep.year, rep.month)) != period {
                continue;
            }
            let mut note = |a: &AgencyId, d: NaiveDate| {
                let e = r.sent.entry(a.clone()).or_insert(d);
                *e = (*e).min(d);
            };
            for x in &rep.received {
                note(&x.agency, x.date);
            }
            for e in &rep.entries {
                if let Some(a) = &e.reported_by {
                    note(a, rep.date);
                }
            }
        }
        r
    }

    /// The day `id` sent its form; for a group, the first day any member did.
    pub fn sent_by(&self, id: &AgencyId, members: &Memberships) -> Option<NaiveDate> {
        self.sent.get(id).copied().or_else(|| {
            members
                .members_of(id)
                .iter()
                .filter_map(|(m, _)| self.sent.get(m).copied())
                .min()
        })
    }
}

/// The agencies expected to send a form: every body (not a group, not
/// merged into another) with at least one task, in id order.
pub fn expected(model: &Model, d: &super::Derived) -> Vec<AgencyId> {
    let mut v: Vec<AgencyId> = model
        .registry
        .all()
        .iter()
        .filter(|a| !a.is_group() && a.successor.is_none())
        .filter(|a| d.by_agency.get(&a.id).is_some_and(|t| !t.items.is_empty()))
        .map(|a| a.id.clone())
        .collect();
    v.sort();
    v
}
