//! What the import says about time cells: the date order of the start and
//! deadline columns, and for a cell written month-first, a comment and its
//! meaning stated beside the verbatim words as `deadline_meaning` /
//! `start_meaning` (docs/content.md): the cell read by the deadline grammar
//! with day and month put back in their Vietnamese order.

use crate::model::{Deadline, DeadlineKind, Due};
use crate::tables::Table;

use super::dates::{self, swapped, Order};
use super::header::{Field, Header};
use super::structure::Imported;
use super::summary::Summary;
use super::write::{CellNote, Comments};

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
    flow(&d.kind)
}

/// Detects the date order of the start and deadline columns; for a
/// month-first column, each date cell gets a comment stating its meaning.
pub fn date_order(
    table: &Table,
    imported: &Imported,
    header: &Header,
    part: usize,
    summary: &mut Summary,
    comments: &mut Comments,
) {
    let tasks = super::all_tasks(imported);
    for f in [Field::Start, Field::Deadline] {
        let Some(col) = header.column(f) else {
            continue;
        };
        let heading = header.headings[col].replace('\n', " ");
        let cells: Vec<(usize, &str)> = tasks
            .iter()
            .filter(|t| !table.typed_dates.contains(&(t.row, col)))
            .filter_map(|t| t.get(f).map(|v| (t.row, v)))
            .collect();
        match dates::detect(cells.iter().map(|(_, v)| *v)) {
            Order::MonthFirst => {
                let mut n = 0;
                for (row, text) in &cells {
                    if let Some(note) = month_first_note(text) {
                        n += 1;
                        comments.insert((part, *row, f), note);
                    }
                }
                summary.date_orders.push(format!(
                    "column {heading:?} writes dates month-first (a day above 12 is in the second place): {n} cell(s) kept as written, their meaning stated beside them (`{}_meaning`) with a comment",
                    f.key()
                ));
            }
            Order::Mixed => {
                for (row, text) in &cells {
                    let nums = dates::numeric_dates(text);
                    let certain = nums.iter().any(|(a, b, _)| *b > 12 && *a <= 12);
                    let unclear = nums.iter().any(|(a, b, _)| *a <= 12 && *b <= 12);
                    if certain {
                        comments.extend(month_first_note(text).map(|n| ((part, *row, f), n)));
                    } else if unclear {
                        comments.insert(
                            (part, *row, f),
                            CellNote {
                                comment:
                                    "day and month order unclear in this column: check the document"
                                        .into(),
                                meaning: None,
                            },
                        );
                    }
                }
                summary.date_orders.push(format!(
                    "column {heading:?} mixes day-first and month-first dates: month-first cells have their meaning stated beside them, cells whose order cannot be told are marked; check them against the document"
                ));
            }
            Order::DayFirst => summary.date_orders.push(format!(
                "column {heading:?} writes dates day-first, as Vietnamese documents do"
            )),
            Order::Unknown => {}
        }
    }
}

/// The comment and stated meaning of a cell written month-first.
fn month_first_note(text: &str) -> Option<CellNote> {
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
            Some("{ due: 2025-06-30 }")
        );
        assert_eq!(
            month_first("trước ngày 12/31/2025").as_deref(),
            Some("{ before: 2025-12-31 }")
        );
        assert_eq!(month_first("Thường xuyên"), None);
        // A date that cannot exist either way is not stated.
        assert_eq!(month_first("13/13/2025"), None);
    }
}
