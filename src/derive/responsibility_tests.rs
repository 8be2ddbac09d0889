use std::collections::{BTreeSet, HashMap};

use proptest::prelude::*;

use super::*;
use crate::model::{Agency, AgencyKind, Registry};

fn id(i: usize) -> AgencyId {
    AgencyId::new(format!("a{i}")).unwrap()
}

fn registry(members: &[Vec<usize>]) -> Registry {
    Registry::new(
        members
            .iter()
            .enumerate()
            .map(|(i, m)| Agency {
                id: id(i),
                name: format!("Cơ quan {i}"),
                short: None,
                kind: if m.is_empty() {
                    AgencyKind::Department
                } else {
                    AgencyKind::Group
                },
                level: None,
                parent: None,
                aliases: vec![],
                members: m.iter().map(|&j| id(j)).collect(),
                successor: None,
                name_en: None,
                note: None,
            })
            .collect(),
    )
}

/// Reachability by fixed-point iteration (a different algorithm from the
/// breadth-first walk under test): `reach[g]` holds every agency `g`
/// contains through one or more `members` steps.
fn closure(members: &[Vec<usize>]) -> Vec<BTreeSet<usize>> {
    let mut reach: Vec<BTreeSet<usize>> = members
        .iter()
        .map(|m| m.iter().copied().collect())
        .collect();
    loop {
        let mut changed = false;
        for g in 0..reach.len() {
            let extra: Vec<usize> = reach[g]
                .iter()
                .flat_map(|&m| reach[m].iter().copied())
                .collect();
            for x in extra {
                changed |= reach[g].insert(x);
            }
        }
        if !changed {
            return reach;
        }
    }
}

type Cells = Vec<(Vec<usize>, Vec<usize>)>;

fn run(members: &[Vec<usize>], cells: &Cells) -> HashMap<AgencyId, AgencyTasks> {
    let reg = registry(members);
    let m = Memberships::new(&reg);
    let ids: Vec<(Vec<AgencyId>, Vec<AgencyId>)> = cells
        .iter()
        .map(|(l, c)| {
            (
                l.iter().map(|&i| id(i)).collect(),
                c.iter().map(|&i| id(i)).collect(),
            )
        })
        .collect();
    assign(
        ids.iter()
            .enumerate()
            .map(|(t, (l, c))| (TaskRef { plan: 0, task: t }, l.as_slice(), c.as_slice())),
        &m,
    )
}

fn scenario() -> impl Strategy<Value = (Vec<Vec<usize>>, Cells)> {
    (2usize..9).prop_flat_map(|n| {
        let members = prop::collection::vec(prop::collection::vec(0..n, 0..4), n);
        let cells = prop::collection::vec(
            (
                prop::collection::vec(0..n, 0..3),
                prop::collection::vec(0..n, 0..3),
            ),
            0..12,
        );
        (members, cells)
    })
}

proptest! {
    /// Each agency's tasks equal the transitive expansion computed here,
    /// each task once, in the most direct part, via a group that is named
    /// in the right cell and contains the agency. Cycles (including a group
    /// that contains itself) end.
    #[test]
    fn agency_tasks_are_the_transitive_expansion((members, cells) in scenario()) {
        let got = run(&members, &cells);
        let reach = closure(&members);
        for a in 0..members.len() {
            let mine = got.get(&id(a));
            for (t, (lead, coop)) in cells.iter().enumerate() {
                let r = TaskRef { plan: 0, task: t };
                let via_lead: Vec<usize> = lead.iter().copied().filter(|g| reach[*g].contains(&a)).collect();
                let via_coop: Vec<usize> = coop.iter().copied().filter(|g| reach[*g].contains(&a)).collect();
                let expected = if lead.contains(&a) {
                    Some(Part::Lead)
                } else if coop.contains(&a) {
                    Some(Part::Cooperate)
                } else if !via_lead.is_empty() {
                    Some(Part::GroupLead)
                } else if !via_coop.is_empty() {
                    Some(Part::GroupCooperate)
                } else {
                    None
                };
                let found: Vec<&Assignment> = mine
                    .map(|m| m.items.iter().filter(|x| x.task == r).collect())
                    .unwrap_or_default();
                prop_assert!(found.len() <= 1, "task {t} listed {} times for a{a}", found.len());
                prop_assert_eq!(found.first().map(|x| x.part), expected, "task {} agency a{}", t, a);
                if let Some(x) = found.first() {
                    let allowed = match x.part {
                        Part::GroupLead => &via_lead,
                        Part::GroupCooperate => &via_coop,
                        _ => {
                            prop_assert!(x.via.is_none());
                            continue;
                        }
                    };
                    let via = x.via.as_ref().map(|v| v.to_string());
                    prop_assert!(
                        allowed.iter().any(|g| Some(format!("a{g}")) == via),
                        "via {:?} not among {:?}", via, allowed
                    );
                }
            }
        }
    }
}

#[test]
fn nested_groups_reach_members_at_any_depth_and_name_the_group() {
    // a0 ⊃ a1 ⊃ a2; task 0 led by a0, task 1 with a1 cooperating, task 2 led by a2.
    let members = vec![vec![1], vec![2], vec![]];
    let cells: Cells = vec![(vec![0], vec![]), (vec![], vec![1]), (vec![2], vec![0])];
    let got = run(&members, &cells);
    let a2 = &got[&id(2)];
    let parts: Vec<(Part, usize, Option<String>)> = a2
        .items
        .iter()
        .map(|x| (x.part, x.task.task, x.via.as_ref().map(|v| v.to_string())))
        .collect();
    assert_eq!(
        parts,
        vec![
            (Part::Lead, 2, None),
            (Part::GroupLead, 0, Some("a0".into())),
            (Part::GroupCooperate, 1, Some("a1".into())),
        ]
    );
}

#[test]
fn a_cycle_of_members_ends() {
    let members = vec![vec![1], vec![0]];
    let m = Memberships::new(&registry(&members));
    let got: Vec<String> = m
        .members_of(&id(0))
        .iter()
        .map(|(x, _)| x.to_string())
        .collect();
    assert_eq!(got, vec!["a1".to_string()]);
    let up: Vec<String> = m
        .groups_of(&id(0))
        .iter()
        .map(|(x, _)| x.to_string())
        .collect();
    assert_eq!(up, vec!["a1".to_string()]);
}

#[test]
fn a_body_named_in_the_lead_cell_outranks_a_member_of_a_group_named_beside_it() {
    use crate::model::report::lead_rank;
    // a0 a department, a1 a group of a2 and a3 (a3 itself a group of a4).
    let reg = registry(&[vec![], vec![2, 3], vec![], vec![4], vec![]]);
    let lead = [id(0), id(1)];
    assert_eq!(lead_rank(&reg, &lead, &id(0)), 2);
    assert_eq!(lead_rank(&reg, &lead, &id(1)), 2);
    assert_eq!(lead_rank(&reg, &lead, &id(2)), 1);
    assert_eq!(lead_rank(&reg, &lead, &id(4)), 1, "a member at any depth");
    assert_eq!(lead_rank(&reg, &[id(2)], &id(0)), 0);
}
