//! One definition of the numbers readers ask about an agency ("what is it
//! late on?"): its tasks in each plain group of states (overdue first),
//! each split three ways — led by it by name, given to a group that
//! contains it, cooperated on by name. The agencies index, the charts, the
//! agency page and the open data all read these, so they cannot disagree.

use std::cmp::Ordering;

use serde::Serialize;

use crate::model::AgencyId;

use super::index::Derived;
use super::responsibility::{AgencyTasks, Assignment, Part};
use super::status::Standing;
use super::summary::Summary;
use super::task_map::TaskMap;
use super::TaskRef;

/// How a task reaches an agency, as readers are told: three shares, each
/// task in exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Share {
    /// The agency is named in the lead cell.
    Lead,
    /// A group containing the agency (at any depth) is named, as lead or
    /// cooperating, and the agency itself is not.
    Group,
    /// The agency is named in the cooperating cell (and not as lead).
    Cooperate,
}

impl Share {
    /// Every share, in the order pages show them.
    pub const ALL: [Share; 3] = [Share::Lead, Share::Group, Share::Cooperate];

    /// The share of a part of [`crate::derive::responsibility`].
    pub fn of(p: Part) -> Share {
        match p {
            Part::Lead => Share::Lead,
            Part::Cooperate => Share::Cooperate,
            Part::GroupLead | Part::GroupCooperate => Share::Group,
        }
    }

    /// Stable key: anchors, CSS classes, data columns, i18n keys.
    pub fn key(self) -> &'static str {
        match self {
            Share::Lead => "lead",
            Share::Group => "group",
            Share::Cooperate => "cooperate",
        }
    }

    /// Position in [`Share::ALL`].
    pub fn index(self) -> usize {
        match self {
            Share::Lead => 0,
            Share::Group => 1,
            Share::Cooperate => 2,
        }
    }
}

/// An agency's number of tasks in each plain group of states and share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShareCounts {
    n: [[usize; 3]; 6],
}

impl ShareCounts {
    /// Counts the assignments of `tasks` as judged by `standings`.
    pub fn new(tasks: &AgencyTasks, standings: &TaskMap<Standing>) -> Self {
        let mut c = ShareCounts::default();
        for a in &tasks.items {
            if let Some(s) = standings.get(&a.task) {
                c.n[Summary::of(s.state).index()][Share::of(a.part).index()] += 1;
            }
        }
        c
    }

    /// Tasks in group `g` that reach the agency through share `s`.
    pub fn get(&self, g: Summary, s: Share) -> usize {
        self.n[g.index()][s.index()]
    }

    /// Tasks in group `g`, every share.
    pub fn group(&self, g: Summary) -> usize {
        self.n[g.index()].iter().sum()
    }

    /// Tasks of share `s`, every group.
    pub fn share(&self, s: Share) -> usize {
        self.n.iter().map(|row| row[s.index()]).sum()
    }

    /// Every task of the agency.
    pub fn total(&self) -> usize {
        self.n.iter().flatten().sum()
    }

    /// The "who is late" order: most overdue tasks led by name first; then
    /// most overdue through groups, then as a cooperator (the others are
    /// shown apart, never added to the first).
    pub fn late_order(&self, other: &Self) -> Ordering {
        let key = |c: &Self| {
            let o = |s| c.get(Summary::Overdue, s);
            (o(Share::Lead), o(Share::Group), o(Share::Cooperate))
        };
        key(other).cmp(&key(self))
    }
}

impl Derived {
    /// The counts of agency `id` as of this date (zeros for an agency with
    /// no task).
    pub fn shares(&self, id: &AgencyId) -> ShareCounts {
        self.by_agency
            .get(id)
            .map(|t| ShareCounts::new(t, &self.standings))
            .unwrap_or_default()
    }

    /// Every list [`Derived::share_tasks`] gives for agency `id`, made in
    /// one pass over its tasks: `[group][share]`, in [`Summary::ALL`] and
    /// [`Share::ALL`] order, each in reading order.
    pub fn share_lists(&self, id: &AgencyId) -> ShareLists<'_> {
        let mut lists: ShareLists = Default::default();
        for a in self
            .by_agency
            .get(id)
            .map_or(&[][..], |t| t.items.as_slice())
        {
            if let Some(st) = self.standings.get(&a.task) {
                lists[Summary::of(st.state).index()][Share::of(a.part).index()].push(a);
            }
        }
        for (g, row) in Summary::ALL.iter().zip(lists.iter_mut()) {
            for v in row.iter_mut() {
                reading_order(*g, &self.standings, v, |a| a.task);
            }
        }
        lists
    }

    /// The tasks that [`ShareCounts::get`] counts for agency `id`, in
    /// reading order (see [`reading_order`]).
    pub fn share_tasks(&self, id: &AgencyId, g: Summary, s: Share) -> Vec<&Assignment> {
        let mut v: Vec<&Assignment> = self
            .by_agency
            .get(id)
            .map(|t| {
                t.items
                    .iter()
                    .filter(|a| Share::of(a.part) == s)
                    .filter(|a| {
                        self.standings
                            .get(&a.task)
                            .is_some_and(|st| Summary::of(st.state) == g)
                    })
                    .collect()
            })
            .unwrap_or_default();
        reading_order(g, &self.standings, &mut v, |a| a.task);
        v
    }

    /// Tasks among `refs` not done whose deciding date falls in the month
    /// of the as-of date, nearest first.
    pub fn due_this_month(&self, refs: &[TaskRef]) -> Vec<TaskRef> {
        use chrono::Datelike;
        let month = (self.as_of.year(), self.as_of.month());
        let mut v: Vec<(chrono::NaiveDate, TaskRef)> = refs
            .iter()
            .filter_map(|r| {
                let st = self.standings.get(r)?;
                let day = st.due?.calendar_day();
                ((day.year(), day.month()) == month && !st.state.is_done()).then_some((day, *r))
            })
            .collect();
        v.sort_unstable();
        v.into_iter().map(|(_, r)| r).collect()
    }

    /// Tasks among `refs` in group `g`, in reading order.
    pub fn group_tasks(&self, refs: &[TaskRef], g: Summary) -> Vec<TaskRef> {
        let mut v: Vec<TaskRef> = refs
            .iter()
            .copied()
            .filter(|r| {
                self.standings
                    .get(r)
                    .is_some_and(|st| Summary::of(st.state) == g)
            })
            .collect();
        reading_order(g, &self.standings, &mut v, |r| *r);
        v
    }
}

/// An agency's tasks by plain group then share: `[group][share]`.
pub type ShareLists<'a> = [[Vec<&'a Assignment>; 3]; 6];

/// Sorts tasks of group `g` the way lists read them: overdue ones most
/// recent deadline first, due-soon and later ones nearest deadline first,
/// the others in document order (as the [`super::Partition`] does).
pub fn reading_order<T>(
    g: Summary,
    standings: &TaskMap<Standing>,
    v: &mut [T],
    task: impl Fn(&T) -> TaskRef,
) {
    let day = |x: &T| {
        standings
            .get(&task(x))
            .and_then(|s| s.due)
            .map(|d| d.last_day())
    };
    match g {
        Summary::Overdue => v.sort_by_key(|x| (std::cmp::Reverse(day(x)), task(x))),
        Summary::DueSoon | Summary::NotYetDue => v.sort_by_key(|x| (day(x), task(x))),
        _ => v.sort_by_key(|x| task(x)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::State;
    use proptest::prelude::*;

    proptest! {
        /// Every task of an agency is counted once, in the group of its
        /// state and the share of its part, and the lists hold exactly the
        /// tasks counted.
        #[test]
        fn counts_and_lists_agree(items in prop::collection::vec((0usize..4, 0usize..12), 0..40)) {
            let mut seen = std::collections::BTreeSet::new();
            let mut tasks = AgencyTasks::default();
            let mut d = Derived::default();
            for (k, (part, state)) in items.iter().enumerate() {
                let r = TaskRef { plan: 0, task: k };
                if !seen.insert(r) { continue; }
                tasks.items.push(Assignment { part: Part::ALL[*part], task: r, via: None });
                d.standings.insert(r, Standing { state: State::ALL[*state], due: None });
            }
            let Some(id) = AgencyId::new("a") else { return Ok(()); };
            let mut map = std::collections::HashMap::new();
            map.insert(id.clone(), tasks.clone());
            d.by_agency = std::sync::Arc::new(map);
            let c = d.shares(&id);
            prop_assert_eq!(c.total(), tasks.items.len());
            let mut listed = 0;
            for g in Summary::ALL {
                for s in Share::ALL {
                    let list = d.share_tasks(&id, g, s);
                    prop_assert_eq!(list.len(), c.get(g, s));
                    listed += list.len();
                }
            }
            prop_assert_eq!(listed, c.total());
            let all = d.share_lists(&id);
            for g in Summary::ALL {
                for s in Share::ALL {
                    prop_assert_eq!(&all[g.index()][s.index()], &d.share_tasks(&id, g, s));
                }
            }
        }
    }
}
