//! A task's state as each archived month showed it: the standing the
//! snapshot of report `k` gives the task (as [`Derived::at`] judges it on
//! that report's date with the reports up to it), found from the task's
//! own entries, so a task page lists its past states without judging the
//! whole site once per month.

use crate::model::report::ReportKind;
use crate::model::Model;

use super::index::Derived;
use super::status::{standing, Latest, Standing};
use super::TaskRef;

/// The months a task's history is told in: one report per month (the
/// month's snapshot), with what each one's judgement needs.
#[derive(Debug, Clone, Default)]
pub struct Periods {
    /// Index of each month's report in `Model::reports`, oldest first.
    reports: Vec<usize>,
    /// For each of them, the latest reporting period (year, month) among
    /// the reports it takes into account.
    latest_period: Vec<Option<(i32, u32)>>,
}

impl Periods {
    /// The periods of the reports `reports` (indexes into
    /// `Model::reports`, oldest first).
    pub fn new(model: &Model, reports: Vec<usize>) -> Self {
        let latest_period = reports
            .iter()
            .map(|&k| {
                (0..=k)
                    .rev()
                    .filter(|&i| used(model, k, i))
                    .find(|&i| model.reports[i].kind == ReportKind::Report)
                    .map(|i| (model.reports[i].year, model.reports[i].month))
            })
            .collect();
        Periods {
            reports,
            latest_period,
        }
    }

    /// The reports, oldest first.
    pub fn reports(&self) -> &[usize] {
        &self.reports
    }

    /// Task `r`'s standing after each report, in the order of
    /// [`Periods::reports`]. `d` lends the task's entries (any edition of
    /// the build: they do not depend on the date).
    pub fn standings(&self, model: &Model, d: &Derived, r: TaskRef) -> Vec<Standing> {
        let task = model.plans.get(r.plan).and_then(|p| p.tasks.get(r.task));
        let deadline = task.and_then(|t| t.deadline.as_ref());
        let entries = d.entries.get(&r).map_or(&[][..], Vec::as_slice);
        self.reports
            .iter()
            .zip(&self.latest_period)
            .map(|(&k, period)| {
                let latest = entries
                    .iter()
                    .rev()
                    .find(|&&(ri, _)| used(model, k, ri))
                    .map(|&(ri, ei)| {
                        let rep = &model.reports[ri];
                        Latest {
                            entry: &rep.entries[ei],
                            current_period: rep.kind == ReportKind::Report
                                && Some((rep.year, rep.month)) == *period,
                        }
                    });
                standing(deadline, model.reports[k].date, latest)
            })
            .collect()
    }
}

/// True when report `i` counts in the state after report `k`: it comes no
/// later in the list and is dated no later.
fn used(model: &Model, k: usize, i: usize) -> bool {
    i <= k && model.reports[i].date <= model.reports[k].date
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The illustrative site: four months of reports over the shipped plans.
    fn demo() -> Option<Model> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minh-hoa");
        crate::load_model(&dir, None).0
    }

    #[test]
    fn each_months_state_is_the_one_its_snapshot_judges() {
        let Some(model) = demo() else {
            panic!("the illustrative content loads");
        };
        let live = Derived::new(&model);
        let all: Vec<usize> = (0..model.reports.len()).collect();
        assert!(all.len() >= 4);
        let periods = Periods::new(&model, all.clone());
        let judged: Vec<Derived> = all
            .iter()
            .map(|&k| Derived::at_with(&model, model.reports[k].date, k + 1, &live))
            .collect();
        let mut seen = 0;
        for (r, _) in live.standings.iter() {
            let got = periods.standings(&model, &live, r);
            for (i, d) in judged.iter().enumerate() {
                assert_eq!(got[i], d.standings[&r], "{r:?} after report {i}");
                seen += 1;
            }
        }
        assert!(seen > 400, "{seen}");
    }
}
