//! Writes an imported table as `tasks.yaml`, in the layout of the shipped
//! files: quoted one-line strings, `|-` blocks for cells with line breaks,
//! and comments where the import had something to say about a cell.

use std::collections::HashMap;
use std::fmt::Write;

use super::header::Field;
use super::structure::{Group, Imported, Task};
use crate::model::inference::InferenceKind;

/// What the import has to say about a cell, by `(part, grid row, field)`.
pub type Comments = HashMap<(usize, usize, Field), CellNote>;

/// A comment written after a cell, and the meaning stated beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellNote {
    /// The comment.
    pub comment: String,
    /// A flow mapping for `<field>_meaning` (`{ due: 2025-06-30 }`), when
    /// the import can state the meaning.
    pub meaning: Option<String>,
}

/// A YAML scalar for `s` at `indent` (the column the key starts at):
/// a double-quoted string, or a `|-` block when it has line breaks.
pub fn scalar(s: &str, indent: usize) -> String {
    let block_ok = s.contains('\n')
        && !s.starts_with([' ', '\t'])
        && !s.ends_with('\n')
        && !s.chars().any(|c| {
            (c.is_control() && c != '\n')
                || c == '\u{feff}'
                || c == '\u{2028}'
                || c == '\u{2029}'
                || c == '\u{85}'
        });
    if block_ok {
        let pad = " ".repeat(indent + 2);
        let mut out = String::from("|-");
        for line in s.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
                out.push_str(line);
            }
        }
        out
    } else {
        // A JSON string is a valid YAML double-quoted scalar.
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

fn line(out: &mut String, indent: usize, key: &str, value: &str, comment: Option<&str>) {
    let _ = write!(
        out,
        "{}{key}: {}",
        " ".repeat(indent),
        scalar(value, indent)
    );
    if let Some(c) = comment {
        if !value.contains('\n') {
            let _ = write!(out, "   # {}", c.replace('\n', " "));
        }
    }
    out.push('\n');
    if let Some(c) = comment {
        if value.contains('\n') {
            let _ = writeln!(out, "{}# {}", " ".repeat(indent), c.replace('\n', " "));
        }
    }
}

/// Writes a `review:` list at `indent`: what the import inferred, each
/// item for a person to check against the document and delete.
fn review(out: &mut String, items: &[(InferenceKind, String)], indent: usize) {
    if items.is_empty() {
        return;
    }
    let pad = " ".repeat(indent);
    let _ = writeln!(
        out,
        "{pad}review:   # inferred by the import: check each against the document, then delete it"
    );
    for (kind, note) in items {
        let _ = writeln!(out, "{pad}  - what: {}", kind.key());
        let _ = writeln!(out, "{pad}    note: {}", scalar(note, indent + 4));
    }
}

/// The text of `tasks.yaml` for an imported table; `source` names the file
/// and table it came from (a comment at the top).
pub fn tasks_yaml(t: &Imported, source: &str, comments: &Comments) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported by `minhbach import-plan` from {}.\n# Cells are verbatim; check the groups and goals against the document.",
        source.replace('\n', " ")
    );
    for (k, v) in [
        ("appendix", &t.appendix),
        ("caption", &t.caption),
        ("caption_note", &t.caption_note),
    ] {
        if let Some(v) = v {
            line(&mut out, 0, k, v, None);
        }
    }
    if !t.columns.is_empty() {
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|c| serde_json::to_string(c).unwrap_or_default())
            .collect();
        let _ = writeln!(out, "columns: [{}]", cols.join(", "));
    }
    if let Some(o) = t.date_order {
        let _ = writeln!(
            out,
            "date_order: {}   # the order of day and month in the table's all-number dates",
            o.key()
        );
    }
    review(&mut out, &t.review, 0);
    out.push_str("groups:\n");
    for g in &t.groups {
        group(&mut out, g, 2, comments);
    }
    out
}

fn group(out: &mut String, g: &Group, indent: usize, comments: &Comments) {
    let pad = " ".repeat(indent);
    let note = match g.printed_code.as_deref() {
        Some("") => Some("no code printed: numbered by position".to_string()),
        Some(p) => Some(format!("printed {p:?}")),
        None => None,
    };
    let _ = write!(out, "{pad}- code: {}", scalar(&g.code, indent + 2));
    if let Some(n) = note {
        let _ = write!(out, "   # {n}");
    }
    out.push('\n');
    let inner = indent + 2;
    if let Some(t) = &g.title {
        line(out, inner, "title", t, None);
    }
    if let Some(d) = g.declared_tasks {
        let _ = writeln!(out, "{}declared_tasks: {d}", " ".repeat(inner));
    }
    if let Some(n) = &g.note {
        line(out, inner, "note", n, None);
    }
    if let Some(a) = &g.appendix {
        line(out, inner, "appendix", a, None);
    }
    review(out, &g.review, inner);
    if !g.columns.is_empty() {
        let cols: Vec<String> = g
            .columns
            .iter()
            .map(|c| serde_json::to_string(c).unwrap_or_default())
            .collect();
        let _ = writeln!(out, "{}columns: [{}]", " ".repeat(inner), cols.join(", "));
    }
    if !g.goals.is_empty() {
        let _ = writeln!(out, "{}goals:", " ".repeat(inner));
        for goal in &g.goals {
            let _ = writeln!(
                out,
                "{}- goal: {}",
                " ".repeat(inner + 2),
                scalar(&goal.goal, inner + 4)
            );
            if goal.tasks.is_empty() {
                let _ = writeln!(out, "{}tasks: []", " ".repeat(inner + 4));
            } else {
                let _ = writeln!(out, "{}tasks:", " ".repeat(inner + 4));
            }
            for t in &goal.tasks {
                task(out, t, inner + 6, comments);
            }
        }
    }
    if !g.tasks.is_empty() {
        let _ = writeln!(out, "{}tasks:", " ".repeat(inner));
        for t in &g.tasks {
            task(out, t, inner + 2, comments);
        }
    }
    if !g.groups.is_empty() {
        let _ = writeln!(out, "{}groups:", " ".repeat(inner));
        for sub in &g.groups {
            group(out, sub, inner + 2, comments);
        }
    }
}

fn task(out: &mut String, t: &Task, indent: usize, comments: &Comments) {
    let pad = " ".repeat(indent);
    let mut first = true;
    let mut item = |out: &mut String, key: &str, value: &str, comment: Option<&str>| {
        if first {
            out.push_str(&pad);
            out.push_str("- ");
            let mut l = String::new();
            line(&mut l, indent + 2, key, value, comment);
            out.push_str(&l[indent + 2..]);
            first = false;
        } else {
            line(out, indent + 2, key, value, comment);
        }
    };
    if let Some(id) = &t.id {
        item(out, "id", id, None);
    }
    for f in [
        Field::Number,
        Field::Task,
        Field::Output,
        Field::Lead,
        Field::Cooperate,
        Field::Start,
        Field::Deadline,
        Field::Note,
    ] {
        if let Some(v) = t.get(f) {
            let note = comments.get(&(t.part, t.row, f));
            item(out, f.key(), v, note.map(|n| n.comment.as_str()));
            if let Some(m) = note.and_then(|n| n.meaning.as_ref()) {
                let _ = writeln!(out, "{}{}_meaning: {m}", " ".repeat(indent + 2), f.key());
            }
        }
    }
    if !t.review.is_empty() {
        if first {
            out.push_str(&pad);
            out.push_str("- ");
            let mut l = String::new();
            review(&mut l, &t.review, indent + 2);
            out.push_str(&l[indent + 2..]);
            first = false;
        } else {
            review(out, &t.review, indent + 2);
        }
    }
    if first {
        // A row with no cell at all cannot happen (it would be empty), but
        // keep the YAML valid regardless.
        let _ = writeln!(out, "{pad}- {{}}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_round_trip_through_yaml() {
        for s in [
            "Sở Nội vụ",
            "- Các Sở, Ban, Ngành;\n- UBND cấp xã.",
            "a: b # c",
            "\"quoted\" and 'single'",
            " leading space\nsecond",
            "tab\there",
            "line\n\nafter blank",
            "ends with colon:",
        ] {
            let yaml = format!("k: {}\n", scalar(s, 0));
            let v: HashMap<String, String> = serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(v["k"], s, "{yaml}");
        }
    }
}
