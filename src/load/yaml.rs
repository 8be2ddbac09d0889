//! The one place that calls a YAML library.
//!
//! `serde_yaml` deserialises into typed structs and reports type errors
//! with line and column. Values that pass deserialisation can still be
//! wrong (an unknown agency, a duplicate number), so an event-level pass
//! with `yaml-rust2` ([`super::spans`]), run first, records where each value
//! sits (later stages look a value's position up by its path,
//! `groups.0.tasks.3.lead`) and refuses what would make deserialising
//! explode. Replacing the YAML crates means changing this file and that one.

use std::path::Path;

use serde::de::DeserializeOwned;

pub use super::spans::{RemovedControl, Spans};
use crate::diagnostics::{Diagnostic, Location};

/// Parses `src` (the content of `file`, starting at line `line_offset + 1`)
/// into `T`, returning the value and the positions of its parts.
pub fn parse<T: DeserializeOwned + Send>(
    src: &str,
    file: &Path,
    line_offset: usize,
) -> Result<(T, Spans), Diagnostic> {
    parse_serial(src, file, line_offset)
}

/// [`parse`], which runs on the calling thread alone (for files read once
/// behind a lock, such as the built-in reference registry, where handing
/// work to the thread pool could bring the same thread back to the lock).
pub fn parse_serial<T: DeserializeOwned>(
    src: &str,
    file: &Path,
    line_offset: usize,
) -> Result<(T, Spans), Diagnostic> {
    // The event pass comes first: it refuses, in linear time, what would
    // make deserialising explode (deep nesting, aliases expanded beyond the
    // limits), so `serde_yaml` only ever sees bounded documents.
    let spans = super::spans::scan(src, file, line_offset)?;
    let value = serde_yaml::from_str::<T>(src);
    finish(value, spans, src, file, line_offset)
}

/// The value and positions of a parse, control characters written as
/// escapes removed.
fn finish<T: DeserializeOwned>(
    value: Result<T, serde_yaml::Error>,
    spans: Spans,
    src: &str,
    file: &Path,
    line_offset: usize,
) -> Result<(T, Spans), Diagnostic> {
    let value: T = value.map_err(|e| to_diagnostic(&e, src, file, line_offset))?;
    let mut spans = spans;
    // Control characters written as escapes (`"\a"`, `"\r"`) survive
    // parsing: find them in the generic tree, remove them, and read again.
    // Without a backslash there is no escape (raw ones are removed before).
    if !src.contains('\\') {
        return Ok((value, spans));
    }
    let mut tree: serde_yaml::Value =
        serde_yaml::from_str(src).map_err(|e| to_diagnostic(&e, src, file, line_offset))?;
    let mut removed = Vec::new();
    strip_controls(&mut tree, &mut String::new(), &mut removed);
    if removed.is_empty() {
        return Ok((value, spans));
    }
    let value: T = serde_yaml::from_value(tree).map_err(|e| {
        Diagnostic::error(
            Location::file(file),
            format!("the YAML cannot be read once control characters are removed: {e}"),
        )
        .with_help("delete the control characters (escapes such as \\a or \\r) from the file")
    })?;
    spans.removed = removed;
    Ok((value, spans))
}

fn strip_controls(v: &mut serde_yaml::Value, path: &mut String, out: &mut Vec<RemovedControl>) {
    use serde_yaml::Value;
    let len = path.len();
    let join = |path: &mut String, seg: &str| {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(seg);
    };
    match v {
        Value::String(s) => {
            if s.chars().any(super::files::is_removed) {
                for ch in s.chars().filter(|&c| super::files::is_removed(c)) {
                    out.push(RemovedControl {
                        path: path.clone(),
                        ch,
                    });
                }
                s.retain(|c| !super::files::is_removed(c));
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                join(path, &i.to_string());
                strip_controls(item, path, out);
                path.truncate(len);
            }
        }
        Value::Mapping(map) => {
            for (k, item) in map.iter_mut() {
                let key = match k {
                    Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other)
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                };
                join(path, &key);
                strip_controls(item, path, out);
                path.truncate(len);
            }
        }
        Value::Tagged(t) => strip_controls(&mut t.value, path, out),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Writes a value as YAML (for files the program generates, such as reports
/// imported from spreadsheets).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

fn to_diagnostic(e: &serde_yaml::Error, src: &str, file: &Path, line_offset: usize) -> Diagnostic {
    let (line, column) = e
        .location()
        .map(|l| (l.line() + line_offset, l.column()))
        .unwrap_or((line_offset + 1, 0));
    let raw = e.to_string();
    // serde_yaml appends " at line X column Y"; we print the location ourselves.
    let msg = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    let loc = Location::new(file, line, column);
    if msg.contains("repetition limit exceeded") {
        // The YAML library's own bound: aliases may not repeat the file's
        // values more than about a hundred times over.
        return Diagnostic::error(
            Location::file(file),
            "with its aliases expanded, the file repeats its values more than a hundred times over, more than the YAML reader allows",
        )
        .with_help(crate::limits::YAML_NODES.help());
    }
    if msg.contains("unknown field") {
        Diagnostic::error(loc, format!("misspelled or unknown field: {msg}"))
            .with_help("use one of the allowed field names listed above (see docs/content.md)")
    } else if msg.contains("missing field") {
        Diagnostic::error(loc, format!("a required field is missing: {msg}"))
            .with_help("add the field (see docs/content.md for the format)")
    } else if msg.contains("premature end of input")
        || msg.contains("input contains invalid characters")
        || msg.contains("input is out of range")
    {
        Diagnostic::error(loc, format!("a date is missing or not a date: {msg}"))
            .with_help("write the date as YYYY-MM-DD, e.g. 2025-09-08")
    } else if msg.contains("invalid type") || msg.contains("invalid value") {
        Diagnostic::error(loc, format!("a value has the wrong form: {msg}")).with_help(
            "dates are written YYYY-MM-DD, numbers without quotes, text in double quotes",
        )
    } else {
        let tab = e
            .location()
            .and_then(|l| src.lines().nth(l.line().saturating_sub(1)))
            .is_some_and(|l| l.contains('\t'));
        let help = if tab {
            "this line contains a tab character: YAML indentation must use spaces"
        } else {
            "check indentation, and put text containing ':' or '#' in double quotes"
        };
        Diagnostic::error(loc, format!("the YAML cannot be read: {msg}")).with_help(help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        items: Vec<Item>,
    }
    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[test]
    fn positions_of_nested_values() {
        let src = "items:\n  - name: \"a\"\n    tags: [x, y]\n  - name: |-\n      long\n";
        let (doc, spans): (Doc, Spans) = parse(src, Path::new("f.yaml"), 0).unwrap();
        assert_eq!(doc.items.len(), 2);
        assert_eq!(doc.items[0].name, "a");
        assert_eq!(doc.items[0].tags, ["x", "y"]);
        assert_eq!(spans.get("items.0.name"), (2, 11));
        assert_eq!(spans.get("items.0.tags.1"), (3, 15));
        assert_eq!(
            spans.get("items.1.name").0,
            5,
            "block scalar: its first content line"
        );
        // A missing value falls back to its parent.
        assert_eq!(spans.get("items.1.tags").0, 4);
    }

    #[test]
    fn characters_inside_a_verbatim_value_are_located() {
        let src = "items:\n  - name: \"Tháng 13\"\n  - name: Quý 5\n  - name: \"a\\tb\"\n  - name: |-\n      x y\n";
        let (_, spans): (Doc, Spans) = parse(src, Path::new("f.yaml"), 0).unwrap();
        let f = Path::new("f.yaml");
        // Quoted: the first character is just inside the quote.
        assert_eq!(spans.locate_in_text(f, "items.0.name", 6).column, 18);
        // Plain.
        assert_eq!(spans.locate_in_text(f, "items.1.name", 4).column, 15);
        // An escape: the value's own position.
        assert_eq!(spans.locate_in_text(f, "items.2.name", 2).column, 11);
        // A one-line block scalar holds the value verbatim on its content line.
        let at = spans.locate_in_text(f, "items.3.name", 2);
        assert_eq!((at.line, at.column), (6, 9));
    }

    #[test]
    fn line_offset_is_applied() {
        let src = "items:\n  - name: b\n";
        let (_, spans): (Doc, Spans) = parse(src, Path::new("f.md"), 1).unwrap();
        assert_eq!(spans.get("items.0.name"), (3, 11));
    }

    #[test]
    fn unknown_field_names_line_and_allowed_fields() {
        let src = "items:\n  - name: a\n    tgas: []\n";
        let err = parse::<Doc>(src, Path::new("f.yaml"), 0).unwrap_err();
        assert_eq!(err.location.line, 3);
        assert!(err.message.contains("tgas"), "{}", err.message);
        assert!(
            err.message.contains("expected `name` or `tags`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn tab_indentation_is_explained() {
        let src = "items:\n  - name: a\n\ttags: []\n";
        let err = parse::<Doc>(src, Path::new("f.yaml"), 0).unwrap_err();
        assert_eq!(err.location.line, 3, "{err}");
        assert!(err.help.unwrap().contains("tab"));
    }

    #[test]
    fn escaped_control_characters_are_removed_and_located() {
        let src = "items:\n  - name: \"a\\a\\rb\"\n    tags: [\"x\\u0000\"]\n";
        let (doc, spans): (Doc, Spans) = parse(src, Path::new("f.yaml"), 0).unwrap();
        assert_eq!(doc.items[0].name, "ab");
        assert_eq!(doc.items[0].tags, ["x"]);
        let r = spans.removed_controls();
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].path, "items.0.name");
        assert_eq!(r[0].ch, '\u{7}');
        assert_eq!(spans.get(&r[2].path), (3, 12));
    }

    #[test]
    fn many_scalars_on_one_line_are_located_in_linear_time() {
        // 50 000 values on one line: rescanning the line per value would
        // take billions of steps.
        let n = 50_000;
        let src = format!(
            "items:\n  - name: a\n    tags: [{}]\n",
            vec!["xy"; n].join(", ")
        );
        let (doc, spans): (Doc, Spans) = parse(&src, Path::new("f.yaml"), 0).unwrap();
        assert_eq!(doc.items[0].tags.len(), n);
        let last = spans.locate_in_text(Path::new("f.yaml"), &format!("items.0.tags.{}", n - 1), 1);
        assert_eq!((last.line, last.column), (3, 12 + 4 * (n - 1) + 1));
    }

    #[test]
    fn syntax_error_has_line() {
        let src = "items:\n  - name: \"a\n  - name: b\n";
        let err = parse::<Doc>(src, Path::new("f.yaml"), 4).unwrap_err();
        assert!(err.location.line >= 5, "{:?}", err.location);
    }
}
