//! Permalink ids for imported rows: a row without a usable printed number
//! gets `<group>-<k>`, a row whose number repeats an earlier one gets
//! `<top group>-<number>`; ids never clash.

use std::collections::{HashMap, HashSet};

use super::header::Field;
use super::structure::Group;
use crate::model::ids::{is_valid_id, slugify};

/// Gives an `id` to rows without a usable number (`<group>-<k>`) and to
/// rows whose number repeats an earlier one (`<top group>-<number>`).
pub fn assign_ids(groups: &mut [Group]) {
    let mut taken = Taken::default();
    for g in groups.iter_mut() {
        let top = slugify(&g.code);
        walk(g, &top, &mut taken);
    }
}

/// The ids given so far, and for each base the next suffix to try: a
/// number repeated on 50,000 rows costs one step per row, not a search
/// through every suffix given before.
#[derive(Default)]
struct Taken {
    ids: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Taken {
    fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    fn insert(&mut self, id: String) {
        self.ids.insert(id);
    }
}

fn unique(base: &str, taken: &mut Taken) -> String {
    let base = short_slug(base, 60);
    let base = if is_valid_id(&base) {
        base.as_str()
    } else {
        "row"
    };
    let mut id = base.to_string();
    let k = taken.next.entry(base.to_string()).or_insert(2);
    while taken.ids.contains(&id) {
        id = format!("{base}-{k}");
        *k += 1;
    }
    taken.ids.insert(id.clone());
    id
}

fn walk(g: &mut Group, top: &str, taken: &mut Taken) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_plan::structure::Task;

    #[test]
    fn a_number_repeated_on_many_rows_costs_linear_time() {
        // 50,000 rows all numbered "1": each repeat gets the next free
        // suffix without searching through the ones given before.
        let tasks: Vec<Task> = (0..50_000)
            .map(|row| Task {
                id: None,
                cells: vec![(Field::Number, "1".into())],
                row,
                part: 0,
                review: Vec::new(),
            })
            .collect();
        let mut groups = vec![Group {
            code: "I".into(),
            tasks,
            ..Group::default()
        }];
        let started = std::time::Instant::now();
        assign_ids(&mut groups);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
        let ids: Vec<Option<&str>> = groups[0].tasks.iter().map(|t| t.id.as_deref()).collect();
        assert_eq!(ids[0], None);
        assert_eq!(ids[1], Some("i-1"));
        assert_eq!(ids[2], Some("i-1-2"));
        assert_eq!(ids[49_999], Some("i-1-49999"));
        let distinct: HashSet<&str> = ids.iter().flatten().copied().collect();
        assert_eq!(distinct.len(), 49_999);
    }
}
