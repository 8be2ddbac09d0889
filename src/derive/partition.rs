//! One partition of tasks by state: every task in exactly one state. Every
//! count and list by state (status page, home, charts, plan and agency
//! counts, data files, snapshots) reads it, so they cannot disagree.

use std::collections::HashMap;

use super::status::{Standing, State};
use super::task_map::TaskMap;
use super::TaskRef;

/// Tasks by state, each task exactly once, in reading order within a state:
/// overdue states most recent deadline first, upcoming states nearest
/// deadline first, the others in document order.
#[derive(Debug, Clone, Default)]
pub struct Partition {
    by_state: HashMap<State, Vec<TaskRef>>,
}

impl Partition {
    /// Sorts every task into the one state its standing gives.
    pub fn new(standings: &TaskMap<Standing>) -> Self {
        let mut by_state: HashMap<State, Vec<TaskRef>> = HashMap::new();
        for (r, s) in standings.iter() {
            by_state.entry(s.state).or_default().push(r);
        }
        let day = |r: &TaskRef| standings[r].due.map(|x| x.last_day());
        for (state, v) in by_state.iter_mut() {
            if state.is_overdue() {
                v.sort_by_key(|r| (std::cmp::Reverse(day(r)), *r));
            } else if matches!(state, State::DueSoon | State::Upcoming) {
                v.sort_by_key(|r| (day(r), *r));
            } else {
                v.sort();
            }
        }
        Partition { by_state }
    }

    /// The tasks in one state, in reading order.
    pub fn tasks(&self, s: State) -> &[TaskRef] {
        self.by_state.get(&s).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Number of tasks in one state.
    pub fn count(&self, s: State) -> usize {
        self.tasks(s).len()
    }

    /// Number of tasks in all states.
    pub fn total(&self) -> usize {
        self.by_state.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Due;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    proptest! {
        /// Every task is in exactly one state, the one its standing gives,
        /// and overdue states list the most recent deadline first.
        #[test]
        fn every_task_once(states in prop::collection::vec((0..State::ALL.len(), 0u32..400), 0..60)) {
            let base = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            let standings: TaskMap<Standing> = states
                .iter()
                .enumerate()
                .map(|(k, (s, day))| {
                    let due = base.checked_add_days(chrono::Days::new((*day).into())).map(|d| Due::On { date: d });
                    (TaskRef { plan: k % 3, task: k }, Standing { state: State::ALL[*s], due })
                })
                .collect();
            let p = Partition::new(&standings);
            prop_assert_eq!(p.total(), standings.len());
            let mut seen = std::collections::HashSet::new();
            for s in State::ALL {
                for r in p.tasks(s) {
                    prop_assert!(seen.insert(*r), "{:?} twice", r);
                    prop_assert_eq!(standings[r].state, s);
                }
                if s.is_overdue() {
                    let days: Vec<_> = p.tasks(s).iter().map(|r| standings[r].due.map(|d| d.last_day())).collect();
                    prop_assert!(days.windows(2).all(|w| w[0] >= w[1]));
                }
            }
            prop_assert_eq!(seen.len(), standings.len());
        }
    }
}
