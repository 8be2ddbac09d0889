//! The review list that ends an import's summary: every inference the
//! import made (a date order, a row read as a heading, a cell split into
//! bodies, a name taken from the reference registry), each said once, and
//! each kept in the files it was written to until a person deletes it.

use super::structure::{Group, Imported};
use super::summary::Summary;

/// The review list of an import, in the order of the files.
pub fn list(imported: &Imported, s: &Summary) -> Vec<String> {
    let mut out: Vec<String> = imported
        .review
        .iter()
        .map(|(k, note)| format!("tasks.yaml, {}: {note}", k.key()))
        .collect();
    fn walk(g: &Group, out: &mut Vec<String>) {
        for (k, note) in &g.review {
            out.push(format!("tasks.yaml, group {}, {}: {note}", g.code, k.key()));
        }
        for t in g
            .goals
            .iter()
            .flat_map(|x| x.tasks.iter())
            .chain(g.tasks.iter())
        {
            let label = t
                .get(super::header::Field::Number)
                .or(t.id.as_deref())
                .unwrap_or_default();
            for (k, note) in &t.review {
                out.push(format!("tasks.yaml, task {label}, {}: {note}", k.key()));
            }
        }
        for sub in &g.groups {
            walk(sub, out);
        }
    }
    for g in &imported.groups {
        walk(g, &mut out);
    }
    for (at, names) in &s.splits {
        out.push(format!(
            "{at}: the cell was read as naming {} bodies: {}",
            names.len(),
            names.join(" | ")
        ));
    }
    for (n, official, _) in &s.reference {
        out.push(format!(
            "{n:?} was taken as {official:?} (reference registry of national bodies)"
        ));
    }
    for (n, _) in &s.ambiguous {
        out.push(format!(
            "{n:?} may name several bodies: write the full name"
        ));
    }
    if !s.added_agencies.is_empty() {
        out.push(format!(
            "agencies.yaml: {} entr(ies) added with `review: true` (listed above); `check` lists each until its `review: true` is deleted",
            s.added_agencies.len()
        ));
    }
    out
}
