//! The order of day and month decided once for the whole file being
//! imported ([`super::dates::decide`] over every column of every table
//! read), then applied: date cells whose format leaves the order to the
//! system are written in the file's order, `tasks.yaml` declares the order
//! (`date_order`), and what was inferred goes on the review list.

use crate::model::deadline::DateOrder;
use crate::model::inference::InferenceKind;
use crate::tables::{Cell, Shown};

use super::choose::Part;
use super::dates::{self, Decision, Order};
use super::header::Field;
use super::structure::Imported;
use super::summary::Summary;
use super::write::{CellNote, Comments};

/// A position in the parts being imported: (part, grid row, grid column).
pub type At = (usize, usize, usize);

/// Decides the order from every cell below each part's header, in every
/// column, and from the date cells whose format orders day and month.
pub fn decide(parts: &[Part]) -> Decision<At> {
    let mut texts = Vec::new();
    let mut formatted = Vec::new();
    for (k, p) in parts.iter().enumerate() {
        let t = &p.table;
        let first = p.header.first + p.header.rows;
        let typed: std::collections::HashMap<(usize, usize), Shown> =
            t.date_cells.iter().map(|d| (d.at, d.shown)).collect();
        for (r, row) in t.rows.iter().enumerate().skip(first) {
            for (c, cell) in row.iter().enumerate() {
                let Cell::Text { text, .. } = cell else {
                    continue;
                };
                match typed.get(&(r, c)) {
                    Some(Shown::DayFirst) => {
                        formatted.push(((k, r, c), text.clone(), Order::DayFirst))
                    }
                    Some(Shown::MonthFirst) => {
                        formatted.push(((k, r, c), text.clone(), Order::MonthFirst))
                    }
                    // Its value is known; its text says nothing of the file.
                    Some(Shown::Unordered | Shown::System) => {}
                    None if !text.is_empty() => texts.push(((k, r, c), text.clone())),
                    None => {}
                }
            }
        }
    }
    dates::decide(texts, formatted)
}

/// Writes the date cells whose format leaves the order to the reader's
/// system in the file's order (`06/01/2025` for 1 June in a month-first
/// file), so that every date of the file reads one way.
pub fn write_system_dates(parts: &mut [Part], order: Order) {
    for p in parts.iter_mut() {
        for d in p.table.date_cells.clone() {
            if d.shown != Shown::System {
                continue;
            }
            let (r, c) = d.at;
            let text = match order {
                Order::MonthFirst => d.value.format("%m/%d/%Y").to_string(),
                _ => d.value.format("%d/%m/%Y").to_string(),
            };
            if let Some(Cell::Text { text: t, .. }) =
                p.table.rows.get_mut(r).and_then(|row| row.get_mut(c))
            {
                *t = text;
            }
        }
    }
}

/// Names a position for messages (`Sheet1!D7`, `table 2, row 5, column 3`).
pub fn locate(parts: &[Part], (k, r, c): At) -> String {
    parts
        .get(k)
        .map_or_else(String::new, |p| p.table.locate(r, c))
}

/// Applies the decision: the order `tasks.yaml` declares, the review
/// item, the summary's words, and (when the file mixes both orders) a
/// stated meaning for each cell that can only be month first and a comment
/// on each whose order cannot be told.
pub fn apply(
    parts: &[Part],
    d: &Decision<At>,
    imported: &mut Imported,
    summary: &mut Summary,
    comments: &mut Comments,
) {
    let example = |o: Order| {
        d.first(o)
            .map(|e| format!("{} at {}", e.text, locate(parts, e.at)))
            .unwrap_or_default()
    };
    let unclear = d.unclear.len();
    let unclear_where = || {
        let mut at: Vec<String> = d
            .unclear
            .iter()
            .take(5)
            .map(|&a| locate(parts, a))
            .collect();
        if unclear > 5 {
            at.push(format!("and {} more", unclear - 5));
        }
        at.join(", ")
    };
    let line = match d.order {
        Order::MonthFirst | Order::DayFirst => {
            let (name, declared, other) = match d.order {
                Order::MonthFirst => ("month first (month/day/year)", DateOrder::MonthDay, "day"),
                _ => ("day first (day/month/year)", DateOrder::DayMonth, "month"),
            };
            imported.date_order = Some(declared);
            let why = format!(
                "{} date(s) settle it, first {}; none puts the {other} first",
                d.count(d.order),
                example(d.order)
            );
            if unclear > 0 {
                imported.review.push((
                    InferenceKind::DateOrder,
                    format!(
                        "dates read {name} for the whole file: {why}; {unclear} date(s) whose day and month are both 12 or less ({}) are read the same way",
                        unclear_where()
                    ),
                ));
            }
            format!(
                "{name} for the whole file: {why}; declared in tasks.yaml as `date_order: {}`",
                declared.key()
            )
        }
        Order::Mixed => {
            for (k, p) in parts.iter().enumerate() {
                let _ = p;
                mixed_cells(k, parts, d, imported, comments);
            }
            if unclear > 0 {
                imported.review.push((
                    InferenceKind::DateOrder,
                    format!(
                        "the file writes dates both ways ({} and {}): {unclear} date(s) whose day and month are both 12 or less ({}) are read day first, as Vietnamese documents write; check each",
                        example(Order::DayFirst),
                        example(Order::MonthFirst),
                        unclear_where()
                    ),
                ));
            }
            format!(
                "the file writes dates both ways: {} day first ({}), {} month first ({}); month-first cells have their meaning stated beside them",
                d.count(Order::DayFirst),
                example(Order::DayFirst),
                d.count(Order::MonthFirst),
                example(Order::MonthFirst)
            )
        }
        Order::Unknown if unclear > 0 => {
            imported.review.push((
                InferenceKind::DateOrder,
                format!(
                    "no date in the file settles the order of day and month (none has a number above 12): {unclear} date(s) ({}) are read day first, as Vietnamese documents write; if the file writes month first, add `date_order: month_day` at the top of tasks.yaml",
                    unclear_where()
                ),
            ));
            format!("no date settles the order of day and month; {unclear} date(s) are read day first until checked (a `review` item in tasks.yaml)")
        }
        Order::Unknown => return,
    };
    summary.date_orders.push(line);
}

/// Date cells of tasks' start and deadline whose format orders day and
/// month otherwise than the grammar will read them (a `dd/mm/yyyy` cell in
/// a month-first file): their value is known, so it is stated beside the
/// text as shown (`by: import`), with a comment.
pub fn typed_meanings(parts: &[Part], order: Order, imported: &Imported, comments: &mut Comments) {
    let read_month_first = grammar_order(order).is_some();
    for t in super::all_tasks(imported) {
        let Some(p) = parts.get(t.part) else { continue };
        for f in [Field::Start, Field::Deadline] {
            let Some(col) = p.header.column(f) else {
                continue;
            };
            let Some(cell) = p.table.date_cells.iter().find(|d| d.at == (t.row, col)) else {
                continue;
            };
            let shown_month_first = match cell.shown {
                Shown::MonthFirst => true,
                Shown::DayFirst => false,
                Shown::Unordered | Shown::System => continue,
            };
            let v = cell.value;
            let same = chrono::Datelike::day(&v) == chrono::Datelike::month(&v);
            if shown_month_first == read_month_first || same {
                continue;
            }
            comments.insert(
                (t.part, t.row, f),
                CellNote {
                    comment: format!(
                        "stored as a date: {} (the cell's format puts the {} first)",
                        v.format("%d/%m/%Y"),
                        if shown_month_first { "month" } else { "day" }
                    ),
                    meaning: Some(format!("{{ due: {}, by: import }}", v.format("%Y-%m-%d"))),
                },
            );
        }
    }
}

/// The order the grammar reads the file's dates in: month first when the
/// file settles it so, else the language's own.
pub fn grammar_order(o: Order) -> Option<DateOrder> {
    (o == Order::MonthFirst).then_some(DateOrder::MonthDay)
}

/// In a file that mixes both orders: the start and deadline cells of part
/// `k` that can only be month first get their meaning stated (the cell
/// read with day and month put back in the Vietnamese order); those whose
/// order cannot be told get a comment.
fn mixed_cells(
    k: usize,
    parts: &[Part],
    d: &Decision<At>,
    imported: &Imported,
    comments: &mut Comments,
) {
    let Some(p) = parts.get(k) else { return };
    for t in super::all_tasks(imported)
        .into_iter()
        .filter(|t| t.part == k)
    {
        for f in [Field::Start, Field::Deadline] {
            let (Some(col), Some(text)) = (p.header.column(f), t.get(f)) else {
                continue;
            };
            let at = (k, t.row, col);
            let month_first = d
                .evidence
                .iter()
                .any(|e| e.at == at && e.order == Order::MonthFirst);
            if month_first {
                comments.extend(super::meaning::month_first_note(text).map(|n| ((k, t.row, f), n)));
            } else if d.unclear.contains(&at) {
                comments.insert(
                    (k, t.row, f),
                    CellNote {
                        comment: "day and month order unclear in this file: check the document"
                            .into(),
                        meaning: None,
                    },
                );
            }
        }
    }
}
