//! Ordered task lists shared by the pages of one edition, computed once per
//! edition in linear time: tasks by state (and by state and plan, when the
//! status page is split), each agency's tasks by plan (when its page is
//! split), and each plan's rows in document order.

use crate::derive::{Derived, State, TaskRef};
use crate::model::Model;

use super::split;

/// Every task, by state, in the order the status page shows them.
pub struct StatusLists {
    /// One list per state of [`State::ALL`], in that order.
    pub by_state: Vec<(State, Vec<TaskRef>)>,
    /// True when the status page is split by state and plan.
    pub split: bool,
    /// When split: `[state][plan]`, the tasks of that plan in that state,
    /// in the state's order.
    pub by_plan: Vec<Vec<Vec<TaskRef>>>,
}

impl StatusLists {
    /// Builds the lists of an edition. A task is in exactly one list.
    pub fn new(model: &Model, d: &Derived) -> Self {
        // The one partition by state, in its reading order.
        let by_state: Vec<(State, Vec<TaskRef>)> = State::ALL
            .iter()
            .map(|s| (*s, d.partition.tasks(*s).to_vec()))
            .collect();
        let total: usize = by_state.iter().map(|(_, v)| v.len()).sum();
        let split = split::is_split(total);
        let by_plan = if split {
            by_state
                .iter()
                .map(|(_, list)| {
                    let mut per: Vec<Vec<TaskRef>> = vec![Vec::new(); model.plans.len()];
                    for r in list {
                        per[r.plan].push(*r);
                    }
                    per
                })
                .collect()
        } else {
            Vec::new()
        };
        StatusLists {
            by_state,
            split,
            by_plan,
        }
    }
}

/// What an agency page needs beyond [`crate::derive::AgencyTasks`]: its
/// size, and when split, its tasks by plan.
#[derive(Default)]
pub struct AgencyLists {
    /// Number of tasks of the agency (each once).
    pub total: usize,
    /// When split: per plan with any task, the indexes of its assignments
    /// in [`crate::derive::AgencyTasks::items`] (part, then task order).
    pub by_plan: Vec<(usize, Vec<u32>)>,
}

impl AgencyLists {
    /// True when the agency page is split by plan.
    pub fn split(&self) -> bool {
        split::is_split(self.total)
    }
}

/// The lists of every agency of the registry, in registry order: one pass
/// over each agency's own tasks.
pub fn agency_lists(model: &Model, d: &Derived) -> Vec<AgencyLists> {
    model
        .registry
        .all()
        .iter()
        .map(|a| {
            let Some(t) = d.by_agency.get(&a.id) else {
                return AgencyLists::default();
            };
            let total = t.items.len();
            let mut by_plan = Vec::new();
            if split::is_split(total) {
                let mut per: Vec<Vec<u32>> = vec![Vec::new(); model.plans.len()];
                for (i, x) in t.items.iter().enumerate() {
                    per[x.task.plan].push(i as u32);
                }
                by_plan = per
                    .into_iter()
                    .enumerate()
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
            }
            AgencyLists { total, by_plan }
        })
        .collect()
}

/// Each plan's rows in document order (groups, then goal blocks), and the
/// position of each task in that order.
pub struct PlanRows {
    /// Per plan: task indexes in document order.
    pub order: Vec<Vec<usize>>,
    /// Per plan: position of each task index in `order`.
    pub position: Vec<Vec<usize>>,
    /// Per plan: where each task sits (row, groups, unique number).
    pub places: Vec<super::task_ref::Places>,
}

impl PlanRows {
    /// Builds the document order of every plan.
    pub fn new(model: &Model) -> Self {
        let mut order = Vec::with_capacity(model.plans.len());
        let mut position = Vec::with_capacity(model.plans.len());
        for p in &model.plans {
            let mut o = Vec::with_capacity(p.tasks.len());
            walk(&p.groups, &mut o);
            let mut pos = vec![usize::MAX; p.tasks.len()];
            let mut seen = vec![false; p.tasks.len()];
            o.retain(|&ti| ti < p.tasks.len() && !std::mem::replace(&mut seen[ti], true));
            // Rows outside every group (none in valid content) go last.
            for (ti, s) in seen.iter().enumerate() {
                if !s {
                    o.push(ti);
                }
            }
            for (i, &ti) in o.iter().enumerate() {
                pos[ti] = i;
            }
            order.push(o);
            position.push(pos);
        }
        let places = model
            .plans
            .iter()
            .map(super::task_ref::Places::new)
            .collect();
        PlanRows {
            order,
            position,
            places,
        }
    }
}

fn walk(groups: &[crate::model::plan::Group], out: &mut Vec<usize>) {
    for g in groups {
        for b in &g.blocks {
            out.extend_from_slice(&b.tasks);
        }
        walk(&g.groups, out);
    }
}
