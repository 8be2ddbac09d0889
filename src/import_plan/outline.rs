//! Rows that head a block rather than hold a task: a row whose printed
//! number the next numbered row extends (`1` before `1.1`, `1.1` before
//! `1.1.1`, as work-breakdown sheets number them), and a row with words but
//! no owner, no time and no output in a table whose rows usually have them
//! (a section or a milestone title). Both become groups; the second is an
//! inference, kept on the review list.

use std::collections::HashSet;

use super::header::{Field, Header};
use crate::tables::Table;

/// True for an outline number: Arabic numbers joined by dots, with an
/// optional final dot (`1`, `1.`, `1.1`, `2.3.10`).
pub fn is_outline(n: &str) -> bool {
    let n = n.trim().trim_end_matches('.');
    !n.is_empty()
        && n.split('.')
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// An outline number as a code: outer spaces and the final dot dropped.
pub fn outline_code(n: &str) -> String {
    n.trim().trim_end_matches('.').to_string()
}

/// True when `child` extends `parent` (`1.1` extends `1`).
pub fn extends(child: &str, parent: &str) -> bool {
    child.len() > parent.len() + 1
        && child.starts_with(parent)
        && child.as_bytes()[parent.len()] == b'.'
}

/// Data rows (from `first`) whose outline number the next numbered row
/// extends.
pub fn extended_rows(table: &Table, header: &Header, first: usize) -> HashSet<usize> {
    let Some(col) = header.column(Field::Number) else {
        return HashSet::new();
    };
    let numbered: Vec<(usize, String)> = (first..table.rows.len())
        .filter(|&r| table.origin_of(r, col) == (r, col))
        .map(|r| (r, table.text_at(r, col)))
        .filter(|(_, t)| is_outline(t))
        .map(|(r, t)| (r, outline_code(t)))
        .collect();
    numbered
        .windows(2)
        .filter(|w| extends(&w[1].1, &w[0].1))
        .map(|w| w[0].0)
        .collect()
}

/// The fields that make a row a task: who, when, what comes of it.
const SUBSTANCE: [Field; 5] = [
    Field::Lead,
    Field::Cooperate,
    Field::Start,
    Field::Deadline,
    Field::Output,
];

/// True when the table's rows usually name an owner or a time: at least
/// half of the rows with task words do. Only then does a row without them
/// stand out as a heading.
pub fn rows_usually_have_owner_or_time(table: &Table, header: &Header, first: usize) -> bool {
    let Some(task) = header.column(Field::Task) else {
        return false;
    };
    let cols: Vec<usize> = [Field::Lead, Field::Start, Field::Deadline]
        .iter()
        .filter_map(|f| header.column(*f))
        .collect();
    if cols.is_empty() {
        return false;
    }
    let (mut with_words, mut with_owner) = (0usize, 0usize);
    for r in first..table.rows.len() {
        if table.text_at(r, task).is_empty() {
            continue;
        }
        with_words += 1;
        if cols.iter().any(|&c| !table.text_at(r, c).is_empty()) {
            with_owner += 1;
        }
    }
    with_words >= 4 && with_owner * 2 >= with_words
}

/// True when row `r` has task words but none of the fields that make a task.
pub fn lacks_substance(table: &Table, header: &Header, r: usize) -> bool {
    let Some(task) = header.column(Field::Task) else {
        return false;
    };
    !table.text_at(r, task).is_empty()
        && SUBSTANCE
            .iter()
            .filter_map(|f| header.column(*f))
            .all(|c| table.text_at(r, c).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_numbers() {
        for n in ["1", "1.", "1.1", "2.3.10", " 4 "] {
            assert!(is_outline(n), "{n}");
        }
        for n in ["", "I", "1a", "a)", "1..2", "1.1.a", "12345"] {
            assert!(!is_outline(n), "{n}");
        }
        assert!(extends("1.1", "1"));
        assert!(extends("1.1.1", "1.1"));
        assert!(!extends("11", "1"));
        assert!(!extends("1", "1"));
        assert!(!extends("2.1", "1"));
    }
}
