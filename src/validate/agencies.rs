//! Turns `agencies.yaml` into the [`Registry`], checking ids and references.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::raw::AgenciesFile;
use crate::load::Loaded;
use crate::model::agency::Successor;
use crate::model::{Agency, AgencyId, AgencyKind, Registry};

/// Builds the registry; every problem is added to `diags`.
pub fn registry(file: &Loaded<AgenciesFile>, diags: &mut Diagnostics) -> Registry {
    let path = &file.path;
    let at = |p: String| file.spans.locate(path, &p);
    let mut agencies = Vec::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut seen_names: HashMap<String, String> = HashMap::new();
    for (i, e) in file.value.agencies.iter().enumerate() {
        let Some(id) = AgencyId::new(e.id.clone()) else {
            diags.push(
                Diagnostic::error(
                    at(format!("agencies.{i}.id")),
                    format!("the agency id {:?} is not a valid id", crate::diagnostics::short(&e.id)),
                )
                .with_help(format!(
                    "use lowercase letters a-z, digits and single hyphens (at most {} characters), e.g. {:?}",
                    crate::model::ids::MAX_ID_LEN,
                    crate::model::ids::slugify(&e.name)
                )),
            );
            continue;
        };
        if let Some(first) = seen_ids.insert(e.id.clone(), i) {
            diags.push(
                Diagnostic::error(
                    at(format!("agencies.{i}.id")),
                    format!(
                        "the agency id {:?} is used twice (first by entry {})",
                        e.id,
                        first + 1
                    ),
                )
                .with_help("give each agency its own id"),
            );
        }
        let kind = match e.kind.as_deref() {
            None => AgencyKind::Other,
            Some(k) => AgencyKind::parse(k).unwrap_or_else(|| {
                diags.push(
                    Diagnostic::error(
                        at(format!("agencies.{i}.kind")),
                        format!("unknown agency kind {k:?}"),
                    )
                    .with_help(format!("use one of: {}", AgencyKind::NAMES)),
                );
                AgencyKind::Other
            }),
        };
        for (j, n) in std::iter::once(&e.name).chain(e.aliases.iter()).enumerate() {
            let key = n.trim().to_lowercase();
            if let Some(other) = seen_names.insert(key, e.id.clone()) {
                if other != e.id {
                    let p = if j == 0 {
                        format!("agencies.{i}.name")
                    } else {
                        format!("agencies.{i}.aliases.{}", j - 1)
                    };
                    diags.push(
                        Diagnostic::error(
                            at(p),
                            format!("the name {n:?} is already used by agency {other:?}"),
                        )
                        .with_help("a name or alias must belong to one agency only"),
                    );
                }
            }
        }
        if let Some(d) = e.successor.as_ref().and_then(|s| s.date) {
            super::bounds::check_date(
                d,
                "the successor's date",
                at(format!("agencies.{i}.successor.date")),
                diags,
            );
        }
        if e.review {
            diags.push(
                Diagnostic::warning(
                    at(format!("agencies.{i}.review")),
                    format!("the agency {:?} ({}) was added by import-plan and is still to review", e.name, e.id),
                )
                .with_help("check its name and aliases against the documents, add kind and level, merge it into an existing entry if it is the same body, then delete `review: true`"),
            );
        }
        let successor = e.successor.as_ref().and_then(|s| {
            Some(Successor {
                id: AgencyId::new(s.id.clone())?,
                date: s.date,
                note: s.note.clone(),
            })
        });
        agencies.push(Agency {
            id,
            name: e.name.clone(),
            name_en: e.name_en.clone(),
            short: e.short.clone(),
            kind,
            level: e.level.clone(),
            parent: e.parent.clone().and_then(AgencyId::new),
            aliases: e.aliases.clone(),
            members: e
                .members
                .iter()
                .cloned()
                .filter_map(AgencyId::new)
                .collect(),
            successor,
            note: e.note.clone(),
        });
    }
    let ids: HashSet<String> = file.value.agencies.iter().map(|e| e.id.clone()).collect();
    for (i, e) in file.value.agencies.iter().enumerate() {
        let mut check = |what: &str, p: String, target: &str| {
            if !ids.contains(target) {
                diags.push(
                    Diagnostic::error(
                        at(p),
                        format!("{what} {target:?} is not an agency id in this file"),
                    )
                    .with_help("use the id of an existing entry, or add the entry"),
                );
            }
        };
        if let Some(p) = &e.parent {
            check("the parent", format!("agencies.{i}.parent"), p);
        }
        for (j, m) in e.members.iter().enumerate() {
            check("the member", format!("agencies.{i}.members.{j}"), m);
        }
        if let Some(s) = &e.successor {
            check("the successor", format!("agencies.{i}.successor.id"), &s.id);
        }
    }
    member_cycles(file, diags);
    let registry = Registry::new(agencies);
    generic_aliases(file, &registry, diags);
    registry
}

/// Warns about aliases so short or generic that they begin other names.
fn generic_aliases(file: &Loaded<AgenciesFile>, registry: &Registry, diags: &mut Diagnostics) {
    for g in registry.generic_aliases() {
        let Some(i) = file
            .value
            .agencies
            .iter()
            .position(|e| e.id == g.agency.as_str())
        else {
            continue;
        };
        let e = &file.value.agencies[i];
        let path = match e.aliases.iter().position(|a| *a == g.alias) {
            Some(j) => format!("agencies.{i}.aliases.{j}"),
            None => format!("agencies.{i}.short"),
        };
        let others = g.prefix_of.iter().take(3).cloned().collect::<Vec<_>>();
        diags.push(
            Diagnostic::warning(
                file.spans.locate(&file.path, &path),
                format!(
                    "the alias {:?} of {:?} is the beginning of other names ({}{}): in a cell it would also take any unregistered name that begins with it",
                    g.alias,
                    e.id,
                    others.join("; "),
                    if g.prefix_of.len() > 3 { "; …" } else { "" }
                ),
            )
            .with_help("use a longer alias that names this body only, or remove it"),
        );
    }
}

/// Reports every cycle in `members` (a group containing itself, directly or
/// through other groups) as an error at the member entry that closes it.
fn member_cycles(file: &Loaded<AgenciesFile>, diags: &mut Diagnostics) {
    let entries = &file.value.agencies;
    let index: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    // 0 = not visited, 1 = on the current path, 2 = done.
    let mut mark = vec![0u8; entries.len()];
    for start in 0..entries.len() {
        if mark[start] != 0 {
            continue;
        }
        // Depth-first, with an explicit stack of (entry, next member).
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        mark[start] = 1;
        while let Some(&mut (i, ref mut j)) = stack.last_mut() {
            let Some(m) = entries[i].members.get(*j) else {
                mark[i] = 2;
                stack.pop();
                continue;
            };
            let jj = *j;
            *j += 1;
            let Some(&k) = index.get(m.as_str()) else {
                continue;
            };
            match mark[k] {
                0 => {
                    mark[k] = 1;
                    stack.push((k, 0));
                }
                1 => {
                    let from = stack.iter().position(|&(x, _)| x == k).unwrap_or(0);
                    let mut path: Vec<&str> = stack[from..]
                        .iter()
                        .map(|&(x, _)| entries[x].id.as_str())
                        .collect();
                    path.push(entries[k].id.as_str());
                    diags.push(
                        Diagnostic::error(
                            file.spans
                                .locate(&file.path, &format!("agencies.{i}.members.{jj}")),
                            format!(
                                "the group members form a cycle: {}",
                                path.join(" → ")
                            ),
                        )
                        .with_help(
                            "a group cannot contain itself, directly or through other groups; remove one of these `members` entries",
                        ),
                    );
                }
                _ => {}
            }
        }
    }
}
