//! A map keyed by task, stored densely by plan and task index: a lookup is
//! two array reads instead of a hash, and iteration follows document order
//! (so whatever is computed from it does not depend on a hash seed).

use std::ops::Index;

use super::TaskRef;

/// Values by task, dense by plan and task index.
#[derive(Debug, Clone)]
pub struct TaskMap<T> {
    plans: Vec<Vec<Option<T>>>,
    len: usize,
}

impl<T> Default for TaskMap<T> {
    fn default() -> Self {
        TaskMap {
            plans: Vec::new(),
            len: 0,
        }
    }
}

impl<T> TaskMap<T> {
    fn slot(&mut self, r: TaskRef) -> &mut Option<T> {
        if self.plans.len() <= r.plan {
            self.plans.resize_with(r.plan + 1, Vec::new);
        }
        let tasks = &mut self.plans[r.plan];
        if tasks.len() <= r.task {
            tasks.resize_with(r.task + 1, || None);
        }
        &mut tasks[r.task]
    }

    /// Sets the value of `r`, returning the one it replaces.
    pub fn insert(&mut self, r: TaskRef, v: T) -> Option<T> {
        let old = self.slot(r).replace(v);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// The value of `r`, if any.
    pub fn get(&self, r: &TaskRef) -> Option<&T> {
        self.plans.get(r.plan)?.get(r.task)?.as_ref()
    }

    /// The value of `r`, to change, if any.
    pub fn get_mut(&mut self, r: &TaskRef) -> Option<&mut T> {
        self.plans.get_mut(r.plan)?.get_mut(r.task)?.as_mut()
    }

    /// The value of `r`, made with `Default` when absent.
    pub fn entry_or_default(&mut self, r: TaskRef) -> &mut T
    where
        T: Default,
    {
        if self.slot(r).is_none() {
            self.len += 1;
        }
        self.slot(r).get_or_insert_with(T::default)
    }

    /// Number of tasks with a value.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when no task has a value.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every (task, value), in plan then task order.
    pub fn iter(&self) -> impl Iterator<Item = (TaskRef, &T)> + '_ {
        self.plans.iter().enumerate().flat_map(|(plan, tasks)| {
            tasks
                .iter()
                .enumerate()
                .filter_map(move |(task, v)| v.as_ref().map(|v| (TaskRef { plan, task }, v)))
        })
    }

    /// Every value, in plan then task order.
    pub fn values(&self) -> impl Iterator<Item = &T> + '_ {
        self.iter().map(|(_, v)| v)
    }
}

impl<T> Index<&TaskRef> for TaskMap<T> {
    type Output = T;

    /// The value of `r`; panics when absent, like a `HashMap` index (every
    /// task of the model has a standing, so callers index only those).
    fn index(&self, r: &TaskRef) -> &T {
        match self.get(r) {
            Some(v) => v,
            None => panic!("no value for task {r:?}"),
        }
    }
}

impl<T> FromIterator<(TaskRef, T)> for TaskMap<T> {
    fn from_iter<I: IntoIterator<Item = (TaskRef, T)>>(it: I) -> Self {
        let mut m = TaskMap::default();
        for (r, v) in it {
            m.insert(r, v);
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// Behaves as an ordered map: same values, same length, iteration
        /// in (plan, task) order.
        #[test]
        fn agrees_with_an_ordered_map(ops in prop::collection::vec((0usize..6, 0usize..40, any::<u16>()), 0..200)) {
            let mut m = TaskMap::default();
            let mut want = BTreeMap::new();
            for (plan, task, v) in ops {
                let r = TaskRef { plan, task };
                prop_assert_eq!(m.insert(r, v), want.insert(r, v));
            }
            prop_assert_eq!(m.len(), want.len());
            let got: Vec<(TaskRef, u16)> = m.iter().map(|(r, v)| (r, *v)).collect();
            let exp: Vec<(TaskRef, u16)> = want.iter().map(|(r, v)| (*r, *v)).collect();
            prop_assert_eq!(got, exp);
            for plan in 0..7 {
                for task in 0..41 {
                    let r = TaskRef { plan, task };
                    prop_assert_eq!(m.get(&r), want.get(&r));
                }
            }
        }

        /// `entry_or_default` counts a task once, however often it is used.
        #[test]
        fn entries_count_each_task_once(refs in prop::collection::vec((0usize..4, 0usize..20), 0..100)) {
            let mut m: TaskMap<Vec<usize>> = TaskMap::default();
            for (k, (plan, task)) in refs.iter().enumerate() {
                m.entry_or_default(TaskRef { plan: *plan, task: *task }).push(k);
            }
            let distinct: std::collections::BTreeSet<_> = refs.iter().collect();
            prop_assert_eq!(m.len(), distinct.len());
            prop_assert_eq!(m.values().map(Vec::len).sum::<usize>(), refs.len());
        }
    }
}
