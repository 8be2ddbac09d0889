//! Permalink ids for imported rows: a row without a usable printed number
//! gets `<group>-<k>`, a row whose number repeats an earlier one gets
//! `<top group>-<number>`; ids never clash.

use std::collections::HashSet;

use super::header::Field;
use super::structure::Group;
use crate::model::ids::{is_valid_id, slugify};

/// Gives an `id` to rows without a usable number (`<group>-<k>`) and to
/// rows whose number repeats an earlier one (`<top group>-<number>`).
pub fn assign_ids(groups: &mut [Group]) {
    let mut numbers: HashSet<String> = HashSet::new();
    for g in groups.iter_mut() {
        let top = slugify(&g.code);
        walk(g, &top, &mut numbers);
    }
}

fn unique(base: &str, taken: &mut HashSet<String>) -> String {
    let base = short_slug(base, 60);
    let base = if is_valid_id(&base) {
        base.as_str()
    } else {
        "row"
    };
    let mut id = base.to_string();
    let mut k = 2;
    while taken.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    taken.insert(id.clone());
    id
}

fn walk(g: &mut Group, top: &str, taken: &mut HashSet<String>) {
    let gslug = slugify(&g.code);
    let gslug = if gslug.is_empty() {
        "row".to_string()
    } else {
        gslug
    };
    let mut unnumbered = 0;
    let tasks = g
        .goals
        .iter_mut()
        .flat_map(|goal| goal.tasks.iter_mut())
        .chain(g.tasks.iter_mut());
    for t in tasks {
        let slug = t.get(Field::Number).map(slugify).filter(|s| is_valid_id(s));
        t.id = match slug {
            Some(s) if !taken.contains(&s) => {
                taken.insert(s);
                None
            }
            Some(s) => Some(unique(&format!("{top}-{s}"), taken)),
            None => {
                unnumbered += 1;
                Some(unique(&format!("{gslug}-{unnumbered}"), taken))
            }
        };
    }
    for sub in g.groups.iter_mut() {
        walk(sub, top, taken);
    }
}

/// The slug of `text`, cut at a hyphen to at most `max` characters (long
/// names make unwieldy permalinks).
pub fn short_slug(text: &str, max: usize) -> String {
    let s = slugify(text);
    if s.len() <= max {
        return s;
    }
    let cut = s[..max].rfind('-').unwrap_or(max);
    s[..cut].to_string()
}
