//! The meaning the import states beside a time cell's verbatim words
//! (`deadline_meaning` / `start_meaning`, `by: import`; docs/content.md)
//! when a file mixes both orders of day and month and a cell can only be
//! month first: the cell read by the deadline grammar with day and month
//! put back in their Vietnamese order.

use crate::model::{Deadline, DeadlineKind, Due};

use super::dates::{self, swapped};
use super::write::CellNote;

/// A period as the meaning forms write it: `2025-06-30`, `2025-06`,
/// `2025-Q2`, `2025-H1`, `2025`.
fn period(d: &Due) -> (&'static str, String) {
    match *d {
        Due::On { date } => ("due", date.format("%Y-%m-%d").to_string()),
        Due::Before { date } => ("before", date.format("%Y-%m-%d").to_string()),
        Due::Month { year, month } => ("due", format!("{year:04}-{month:02}")),
        Due::Quarter { year, quarter } => ("due", format!("{year:04}-Q{quarter}")),
        Due::Half { year, half } => ("due", format!("{year:04}-H{half}")),
        Due::Year { year } => ("due", format!("{year:04}")),
    }
}

/// The flow mapping of a meaning, or `None` for kinds that hold no date
/// (those never depend on date order).
fn flow(kind: &DeadlineKind) -> Option<String> {
    Some(match kind {
        DeadlineKind::Due { due } => {
            let (k, v) = period(due);
            format!("{{ {k}: {v} }}")
        }
        DeadlineKind::Span { from, due } => {
            let (k, v) = period(due);
            format!("{{ from: {}, {k}: {v} }}", from.format("%Y-%m-%d"))
        }
        DeadlineKind::OpenStart { from } => format!("{{ from: {} }}", from.format("%Y-%m-%d")),
        DeadlineKind::Milestones { items } => {
            let parts: Option<Vec<String>> = items
                .iter()
                .map(|m| {
                    let inner = flow(&m.kind)?;
                    Some(match &m.label {
                        Some(l) => format!(
                            "{{ label: {}, {}",
                            serde_json::to_string(l).ok()?,
                            inner.trim_start_matches("{ ")
                        ),
                        None => inner,
                    })
                })
                .collect();
            format!("{{ milestones: [{}] }}", parts?.join(", "))
        }
        _ => return None,
    })
}

/// The meaning to state for a cell written month-first, when the grammar
/// reads the day-first form of it cleanly (no flags) and it holds a date.
pub fn month_first(text: &str) -> Option<String> {
    let d = Deadline::parse(&swapped(text), None);
    if !d.is_understood() || !d.flags.is_empty() {
        return None;
    }
    flow(&d.kind).map(|f| format!("{}, by: import }}", f.trim_end_matches(" }")))
}

/// The comment and stated meaning of a cell written month-first.
pub fn month_first_note(text: &str) -> Option<CellNote> {
    let days = dates::month_first_days(text);
    if days.is_empty() {
        return None;
    }
    let words: Vec<String> = days
        .iter()
        .map(|d| d.format("%d/%m/%Y").to_string())
        .collect();
    Some(CellNote {
        comment: format!(
            "written month-first (month/day/year): means {}",
            words.join(", ")
        ),
        meaning: month_first(text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_first_cells_get_their_meaning() {
        assert_eq!(
            month_first("06/30/2025").as_deref(),
            Some("{ due: 2025-06-30, by: import }")
        );
        assert_eq!(
            month_first("trước ngày 12/31/2025").as_deref(),
            Some("{ before: 2025-12-31, by: import }")
        );
        assert_eq!(month_first("Thường xuyên"), None);
        // A date that cannot exist either way is not stated.
        assert_eq!(month_first("13/13/2025"), None);
    }
}
