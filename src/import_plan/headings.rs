//! Headings printed above a plan's table: the `PHỤ LỤC` line, a caption and
//! a `(Ban hành kèm theo ...)` note over a single table; and, in a document
//! with several appendices, each appendix as a top-level group.

use super::choose::Appendix;
use super::codes::{declared, normalise_code};
use super::structure::{Group, Imported};

/// Headings printed just above a Word table: `PHỤ LỤC ...`, a caption, and
/// a parenthesised `(Ban hành kèm theo ...)` line.
pub fn caption(before: &[String], out: &mut Imported) {
    let starts_appendix = |s: &str| {
        let w = super::header::fold(s);
        w.len() >= 2 && w[0] == "phu" && w[1] == "luc"
    };
    let mut i = before.len();
    if i > 0 && before[i - 1].starts_with('(') && before[i - 1].ends_with(')') {
        out.caption_note = Some(before[i - 1].clone());
        i -= 1;
    }
    if i > 0 && starts_appendix(&before[i - 1]) {
        out.appendix = Some(before[i - 1].clone());
    } else if i > 1 && starts_appendix(&before[i - 2]) {
        out.appendix = Some(before[i - 2].clone());
        out.caption = Some(before[i - 1].clone());
    } else if i > 0 && out.caption_note.is_some() {
        out.caption = Some(before[i - 1].clone());
    }
}

/// One appendix of a document with several, as a top-level group: code
/// `PL-<numeral>` (`Phụ lục II` → `PL-II`), its heading as `appendix`, the
/// line after it as title, its own columns; the rows of the table outside
/// any group row go directly under it. `k` numbers it when the heading has
/// no numeral.
pub fn appendix_group(a: &Appendix, piece: Imported, k: usize) -> Group {
    let numeral: Vec<&str> = a.label.split_whitespace().skip(2).collect();
    let code = if numeral.is_empty() {
        format!("PL-{}", k + 1)
    } else {
        format!("PL-{}", normalise_code(&numeral.join(" ")))
    };
    let mut g = Group {
        code,
        printed_code: Some(a.label.clone()),
        declared_tasks: a.title.as_deref().and_then(declared),
        title: a.title.clone(),
        note: a.note.clone(),
        appendix: Some(a.label.clone()),
        columns: piece.columns,
        ..Group::default()
    };
    for sub in piece.groups {
        if sub.printed_code.as_deref() == Some("") && sub.title.is_none() {
            g.goals.extend(sub.goals);
            g.tasks.extend(sub.tasks);
            g.groups.extend(sub.groups);
        } else {
            g.groups.push(sub);
        }
    }
    g
}
