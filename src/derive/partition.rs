//! One partition of tasks by state: every task in exactly one state. Every
//! count and list by state (status page, home, charts, plan and agency
//! counts, data files, snapshots) reads it, so they cannot disagree.

use std::collections::HashMap;

use super::status::{Standing, State};
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
    pub fn new(standings: &HashMap<TaskRef, Standing>) -> Self {
        let mut by_state: HashMap<State, Vec<TaskRef>> = HashMap::new();
        for (r, s) in standings {
            by_state.entry(s.state).or_default().push(*r);
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
