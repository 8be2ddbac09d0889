//! New entries added to `agencies.yaml` as text: the file's own bytes, its
//! comments and layout stay as they are; the entries go where its
//! `agencies` list ends, whichever way the list is written (a block list,
//! `[]`, a flow list, `agencies:` with nothing yet, or no list at all).

use crate::load::yaml_insert::{top_level_list, ListAt};

use super::agencies::NewAgency;

/// A YAML double-quoted string.
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The block-list text for the new entries, items at `indent` spaces.
pub fn block_text(entries: &[NewAgency], indent: usize, plan_id: &str) -> String {
    let pad = " ".repeat(indent);
    let mut out = format!(
        "{pad}# Added by `minhbach import-plan` for plans/{plan_id}: check each entry against\n{pad}# the documents (reference entries carry their legal source), add what is missing,\n{pad}# merge entries that are one body, then delete `review: true`.\n"
    );
    for e in entries {
        out.push_str(&format!("{pad}- id: {}\n", e.id));
        out.push_str(&format!("{pad}  name: {}\n", q(&e.name)));
        if e.group && e.reference.is_none() {
            out.push_str(&format!(
                "{pad}  kind: group   # a designation of several bodies: add `members`\n"
            ));
        }
        let re = e.reference.as_ref();
        if let Some(n) = re.and_then(|r| r.name_en.as_deref()) {
            out.push_str(&format!("{pad}  name_en: {}\n", q(n)));
        }
        if let Some(r) = re {
            out.push_str(&format!("{pad}  kind: {}\n", r.kind));
            if let Some(l) = &r.level {
                out.push_str(&format!("{pad}  level: {}\n", q(l)));
            }
        }
        if !e.aliases.is_empty() {
            let a: Vec<String> = e.aliases.iter().map(|s| q(s)).collect();
            out.push_str(&format!("{pad}  aliases: [{}]\n", a.join(", ")));
        }
        if let Some(r) = re {
            if !r.members.is_empty() {
                out.push_str(&format!("{pad}  members: [{}]\n", r.members.join(", ")));
            }
            if let Some((id, date, doc)) = &r.successor {
                let mut s = format!("{{ id: {id}");
                if let Some(d) = date {
                    s.push_str(&format!(", date: {}", d.format("%Y-%m-%d")));
                }
                if let Some(doc) = doc {
                    s.push_str(&format!(", source: {}", q(doc)));
                }
                out.push_str(&format!("{pad}  successor: {s} }}\n"));
            }
            if let Some(src) = &r.source {
                out.push_str(&format!("{pad}  source: {}\n", q(src)));
            }
            if let Some(n) = &r.note {
                out.push_str(&format!("{pad}  note: {}\n", q(n)));
            }
            out.push_str(&format!(
                "{pad}  # from the reference registry of national bodies ({}): {}\n",
                crate::load::reference::PATH,
                r.why
            ));
        }
        out.push_str(&format!("{pad}  review: true\n"));
    }
    out
}

/// The entries as flow mappings, for a list written `[ … ]`.
fn flow_items(entries: &[NewAgency]) -> Vec<String> {
    entries
        .iter()
        .map(|e| {
            let mut m = serde_json::Map::new();
            m.insert("id".into(), e.id.clone().into());
            m.insert("name".into(), e.name.clone().into());
            if e.group && e.reference.is_none() {
                m.insert("kind".into(), "group".into());
            }
            if let Some(r) = &e.reference {
                if let Some(n) = &r.name_en {
                    m.insert("name_en".into(), n.clone().into());
                }
                m.insert("kind".into(), r.kind.clone().into());
                if let Some(l) = &r.level {
                    m.insert("level".into(), l.clone().into());
                }
            }
            if !e.aliases.is_empty() {
                m.insert("aliases".into(), e.aliases.clone().into());
            }
            if let Some(r) = &e.reference {
                if !r.members.is_empty() {
                    m.insert("members".into(), r.members.clone().into());
                }
                if let Some((id, date, doc)) = &r.successor {
                    let mut s = serde_json::Map::new();
                    s.insert("id".into(), id.clone().into());
                    if let Some(d) = date {
                        s.insert("date".into(), d.format("%Y-%m-%d").to_string().into());
                    }
                    if let Some(doc) = doc {
                        s.insert("source".into(), doc.clone().into());
                    }
                    m.insert("successor".into(), s.into());
                }
                if let Some(src) = &r.source {
                    m.insert("source".into(), src.clone().into());
                }
                if let Some(n) = &r.note {
                    m.insert("note".into(), n.clone().into());
                }
            }
            m.insert("review".into(), true.into());
            serde_json::Value::Object(m).to_string()
        })
        .collect()
}

/// The indentation of the list items of `agencies.yaml` (2 when it has none yet).
pub fn item_indent(text: &str) -> usize {
    text.lines()
        .find_map(|l| {
            let t = l.trim_start();
            t.starts_with("- id:").then(|| l.len() - t.len())
        })
        .unwrap_or(2)
}

/// `current` (the file's text, empty when it does not exist) with the new
/// entries added; `None` when the file is not YAML or `agencies` holds
/// something other than a list.
pub fn with_entries(current: &str, entries: &[NewAgency], plan_id: &str) -> Option<String> {
    let nl = |s: &str| {
        if s.is_empty() || s.ends_with('\n') {
            ""
        } else {
            "\n"
        }
    };
    Some(match top_level_list(current, "agencies")? {
        ListAt::Absent => format!(
            "{current}{}agencies:\n{}",
            nl(current),
            block_text(entries, 2, plan_id)
        ),
        ListAt::Null { start, end } => {
            // `agencies:` (or `~`) becomes a block list after the key's line.
            let line_end = current[end..]
                .find('\n')
                .map_or(current.len(), |i| end + i + 1);
            let rest_of_line = &current[end..line_end];
            let head = format!("{}{}", &current[..start], rest_of_line.trim_start());
            format!(
                "{}{}{}{}",
                head.trim_end_matches(' '),
                nl(&head),
                block_text(entries, 2, plan_id),
                &current[line_end..]
            )
        }
        // `agencies: []`: the empty brackets become a block list.
        ListAt::Flow {
            open,
            close,
            items: false,
        } => format!(
            "{}\n{}{}",
            current[..open].trim_end_matches(' '),
            block_text(entries, 2, plan_id).trim_end_matches('\n'),
            &current[close + 1..]
        ),
        ListAt::Flow { open, close, items } => {
            let added = flow_items(entries).join(", ");
            // After an item, unless the list already ends with a comma.
            let before = current[open + 1..close].trim_end();
            let sep = if items && !before.ends_with(',') {
                ", "
            } else {
                ""
            };
            format!("{}{sep}{added}{}", &current[..close], &current[close..])
        }
        ListAt::Block { end, indent } => format!(
            "{}{}{}{}",
            &current[..end],
            nl(&current[..end]),
            block_text(entries, indent, plan_id),
            &current[end..]
        ),
        ListAt::Other => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::raw::AgenciesFile;

    fn entry() -> NewAgency {
        NewAgency {
            id: "so-du-lich".into(),
            name: "Sở Du lịch".into(),
            aliases: vec!["SDL".into()],
            reference: None,
            group: false,
        }
    }

    fn reads(text: &str) -> Vec<String> {
        let (f, _) =
            crate::load::yaml::parse::<AgenciesFile>(text, std::path::Path::new("a.yaml"), 0)
                .unwrap_or_else(|d| panic!("{d}\n{text}"));
        f.agencies.into_iter().map(|a| a.id).collect()
    }

    #[test]
    fn every_way_of_writing_the_list_takes_new_entries() {
        let e = [entry()];
        let cases = [
            ("", vec!["so-du-lich"]),
            ("# Registry\n", vec!["so-du-lich"]),
            ("agencies: []\n", vec!["so-du-lich"]),
            ("agencies: []   # empty for now\n", vec!["so-du-lich"]),
            ("agencies:\n", vec!["so-du-lich"]),
            ("agencies: ~\n# later\n", vec!["so-du-lich"]),
            (
                "agencies: [{id: a, name: \"A\"}]\n",
                vec!["a", "so-du-lich"],
            ),
            (
                "agencies: [\n  {id: a, name: \"A\"},\n]\n",
                vec!["a", "so-du-lich"],
            ),
            (
                "agencies:\n  - id: a  # first\n    name: \"A\"\n",
                vec!["a", "so-du-lich"],
            ),
            (
                "agencies:\n- id: a\n  name: A\n  note: |\n    two\n    lines\n# end\n",
                vec!["a", "so-du-lich"],
            ),
            ("agencies:\n  - id: a\n    name: A", vec!["a", "so-du-lich"]),
        ];
        for (before, ids) in cases {
            let after = with_entries(before, &e, "kh").unwrap_or_else(|| panic!("{before:?}"));
            assert_eq!(reads(&after), ids, "{before:?} ->\n{after}");
            // Every byte of the file is kept, in order.
            let mut rest = after.as_str();
            for piece in before.split(['[', ']', '~', '\n']) {
                let piece = piece.trim();
                if piece.is_empty() {
                    continue;
                }
                let at = rest
                    .find(piece)
                    .unwrap_or_else(|| panic!("{piece:?} lost from {before:?}:\n{after}"));
                rest = &rest[at + piece.len()..];
            }
        }
        assert!(with_entries("agencies: {a: 1}\n", &e, "kh").is_none());
    }
}
