//! One definition of "the tasks of an agency": the tasks it leads, the tasks
//! it cooperates on, the tasks led by a group that contains it at any depth,
//! and the tasks a group containing it cooperates on. Each task appears once,
//! in the most direct of these four parts, with the group named for the last
//! two. Agency pages, their data files, calendars and feeds all read this.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use serde::Serialize;

use crate::model::{AgencyId, Model, Registry};

use super::TaskRef;

/// How a task reaches an agency, most direct first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The agency is named as lead.
    Lead,
    /// The agency is named as cooperating.
    Cooperate,
    /// A group containing the agency (at any depth) is named as lead.
    GroupLead,
    /// A group containing the agency (at any depth) is named as cooperating.
    GroupCooperate,
}

impl Part {
    /// Every part, most direct first.
    pub const ALL: [Part; 4] = [
        Part::Lead,
        Part::Cooperate,
        Part::GroupLead,
        Part::GroupCooperate,
    ];

    /// Stable key, used in data files and anchors.
    pub fn key(&self) -> &'static str {
        match self {
            Part::Lead => "lead",
            Part::Cooperate => "cooperate",
            Part::GroupLead => "group-lead",
            Part::GroupCooperate => "group-cooperate",
        }
    }
}

/// One task of an agency: which task, through which part, and via which
/// body named in the task's cell: the group, for the group parts; for the
/// lead and cooperate parts, a body since merged into this one (its
/// successor takes its tasks), or none when the agency is named itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Assignment {
    /// How the task reaches the agency.
    pub part: Part,
    /// The task.
    pub task: TaskRef,
    /// The group named in the cell ([`Part::GroupLead`],
    /// [`Part::GroupCooperate`]), or the merged body named in it
    /// ([`Part::Lead`], [`Part::Cooperate`]).
    pub via: Option<AgencyId>,
}

/// An agency's tasks, each once, sorted by part then task.
#[derive(Debug, Clone, Default)]
pub struct AgencyTasks {
    /// Every assignment, sorted by (part, task); a task appears once.
    pub items: Vec<Assignment>,
}

impl AgencyTasks {
    /// Assignments of one part, in task order.
    pub fn part(&self, p: Part) -> impl Iterator<Item = &Assignment> + '_ {
        self.items.iter().filter(move |a| a.part == p)
    }

    /// Tasks of one part, in task order.
    pub fn refs_of(&self, p: Part) -> Vec<TaskRef> {
        self.part(p).map(|a| a.task).collect()
    }

    /// Every task of the agency, once each.
    pub fn refs(&self) -> impl Iterator<Item = TaskRef> + '_ {
        self.items.iter().map(|a| a.task)
    }

    /// Assignments naming the agency itself (lead or cooperate), in part
    /// then task order: what the agency's own data files and calendar feed
    /// carry. A task given to a group is in that group's files, once,
    /// rather than repeated in the files of each of its members.
    pub fn direct(&self) -> impl Iterator<Item = &Assignment> + '_ {
        self.items
            .iter()
            .filter(|a| matches!(a.part, Part::Lead | Part::Cooperate))
    }

    /// True when the agency has this task in any part.
    pub fn contains(&self, r: TaskRef) -> bool {
        self.items.iter().any(|a| a.task == r)
    }
}

/// The membership structure of the registry: for each group, every agency
/// it contains at any depth with the distance; cycles are walked once.
#[derive(Debug, Clone, Default)]
pub struct Memberships {
    within: HashMap<AgencyId, Vec<(AgencyId, usize)>>,
    containing: HashMap<AgencyId, Vec<(AgencyId, usize)>>,
    /// For each merged body, the bodies it passed into, nearest first.
    successors: HashMap<AgencyId, Vec<AgencyId>>,
}

impl Memberships {
    /// Expands every group's `members` transitively (breadth first, so each
    /// member gets its shortest distance; a cycle cannot loop).
    pub fn new(registry: &Registry) -> Self {
        let mut m = Memberships::default();
        for g in registry.all().iter().filter(|a| !a.members.is_empty()) {
            let mut seen: HashSet<&AgencyId> = HashSet::from([&g.id]);
            let mut queue: VecDeque<(&AgencyId, usize)> = VecDeque::from([(&g.id, 0)]);
            let mut out = Vec::new();
            while let Some((id, depth)) = queue.pop_front() {
                for child in registry
                    .get(id)
                    .map(|a| a.members.as_slice())
                    .unwrap_or(&[])
                {
                    if seen.insert(child) {
                        out.push((child.clone(), depth + 1));
                        queue.push_back((child, depth + 1));
                    }
                }
            }
            for (child, depth) in &out {
                m.containing
                    .entry(child.clone())
                    .or_default()
                    .push((g.id.clone(), *depth));
            }
            m.within.insert(g.id.clone(), out);
        }
        for v in m.containing.values_mut() {
            v.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        }
        for a in registry.all().iter().filter(|a| a.successor.is_some()) {
            let mut chain: Vec<AgencyId> = Vec::new();
            let mut at = a.successor.as_ref().map(|s| &s.id);
            while let Some(next) = at {
                if *next == a.id || chain.contains(next) {
                    break;
                }
                chain.push(next.clone());
                at = registry
                    .get(next)
                    .and_then(|n| n.successor.as_ref())
                    .map(|s| &s.id);
            }
            m.successors.insert(a.id.clone(), chain);
        }
        m
    }

    /// The bodies a merged body passed into, nearest first (none for a body
    /// that was not merged).
    pub fn successors_of(&self, id: &AgencyId) -> &[AgencyId] {
        self.successors.get(id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Agencies a group contains at any depth, with their distance (1 = direct member).
    pub fn members_of(&self, group: &AgencyId) -> &[(AgencyId, usize)] {
        self.within.get(group).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Groups containing an agency at any depth, nearest first.
    pub fn groups_of(&self, id: &AgencyId) -> &[(AgencyId, usize)] {
        self.containing.get(id).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Computes every agency's tasks. A task reaches each agency once, through
/// the most direct part; among groups, the nearest one named in the cell
/// (then the smallest id) is given as `via`.
pub fn agency_tasks(model: &Model, members: &Memberships) -> HashMap<AgencyId, AgencyTasks> {
    let cells = model.plans.iter().enumerate().flat_map(|(pi, plan)| {
        plan.tasks.iter().enumerate().map(move |(ti, t)| {
            let r = TaskRef { plan: pi, task: ti };
            (
                r,
                t.lead.agencies.as_slice(),
                t.cooperate.agencies.as_slice(),
            )
        })
    });
    assign(cells, members)
}

/// The core of [`agency_tasks`]: from each task's lead and cooperating
/// agencies (as resolved from its cells) to every agency's tasks.
pub fn assign<'a>(
    cells: impl Iterator<Item = (TaskRef, &'a [AgencyId], &'a [AgencyId])>,
    members: &'a Memberships,
) -> HashMap<AgencyId, AgencyTasks> {
    let mut out: HashMap<AgencyId, AgencyTasks> = HashMap::new();
    for (r, lead, cooperate) in cells {
        // (part, distance, via) per agency; the smallest wins.
        let mut best: Best = BTreeMap::new();
        let named = [
            (lead, Part::Lead, Part::GroupLead),
            (cooperate, Part::Cooperate, Part::GroupCooperate),
        ];
        for (ids, direct, via_group) in named {
            for id in ids {
                offer(&mut best, id, (direct, 0, None));
                // A merged body's tasks are its successors' too.
                for (k, s) in members.successors_of(id).iter().enumerate() {
                    offer(&mut best, s, (direct, k + 1, Some(id)));
                }
                for (m, depth) in members.members_of(id) {
                    offer(&mut best, m, (via_group, *depth, Some(id)));
                    for s in members.successors_of(m) {
                        offer(&mut best, s, (via_group, *depth + 1, Some(id)));
                    }
                }
            }
        }
        for (id, (part, _, via)) in best {
            out.entry(id.clone()).or_default().items.push(Assignment {
                part,
                task: r,
                via: via.cloned(),
            });
        }
    }
    for t in out.values_mut() {
        t.items.sort();
    }
    out
}

/// The best way found so far for each agency: (part, distance, via).
type Best<'a> = BTreeMap<&'a AgencyId, (Part, usize, Option<&'a AgencyId>)>;

/// Keeps the more direct of two ways a task reaches an agency.
fn offer<'a>(best: &mut Best<'a>, id: &'a AgencyId, cand: (Part, usize, Option<&'a AgencyId>)) {
    let e = best.entry(id).or_insert(cand);
    if cand < *e {
        *e = cand;
    }
}

#[cfg(test)]
#[path = "responsibility_tests.rs"]
mod tests;
