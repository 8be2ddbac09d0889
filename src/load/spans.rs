//! The event-level pass over a YAML file, run before it is deserialised:
//! it records where each value sits (looked up later by dotted path,
//! `groups.0.tasks.3.lead`) and holds the file to the YAML limits of
//! [`crate::limits`] — nesting depth, values and text with every alias
//! expanded, characters per value — in one linear pass that stops at the
//! first limit passed. `serde_yaml` expands aliases by copying, so a file
//! of anchors and aliases is measured here, expanded in arithmetic only,
//! before it is given the chance.

use std::collections::HashMap;
use std::path::Path;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

use crate::diagnostics::{Diagnostic, Location};
use crate::limits::{self, Limit};

/// Positions of the values of a YAML document, by dotted path.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    map: HashMap<String, (usize, usize)>,
    /// Scalars written verbatim on one line: where their first character is.
    text: HashMap<String, (usize, usize)>,
    line_offset: usize,
    pub(super) removed: Vec<RemovedControl>,
}

impl Spans {
    /// 1-based line and column of the value at `path` (e.g. `groups.0.title`),
    /// or of its parent when the value itself is absent.
    pub fn get(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(&(l, c)) = self.map.get(p) {
                return (l + self.line_offset, c);
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return (self.line_offset + 1, 1),
            }
        }
    }

    /// The location of character `offset` (0-based) of the text value at
    /// `path`, when the value is written verbatim on one line (plain or
    /// quoted without escapes); else the location of the value.
    pub fn locate_in_text(&self, file: &Path, path: &str, offset: usize) -> Location {
        match self.text.get(path) {
            Some(&(l, c)) => Location::new(file, l + self.line_offset, c + offset),
            None => self.locate(file, path),
        }
    }

    /// Control characters removed from values while parsing (each to be
    /// reported where its value sits).
    pub fn removed_controls(&self) -> &[RemovedControl] {
        &self.removed
    }

    /// The location of the value at `path` in `file`.
    pub fn locate(&self, file: &Path, path: &str) -> Location {
        let (line, column) = self.get(path);
        Location::new(file, line, column)
    }
}

/// An open mapping or sequence, and the anchor whose size it measures.
struct Frame {
    kind: Kind,
    /// Length of the dotted path before this collection's own segment.
    path_len: usize,
    anchor: usize,
    /// Values and text bytes counted when it opened.
    start: (u64, u64),
}

enum Kind {
    Map { key: Option<String> },
    Seq { index: usize },
}

/// Running totals, with every alias counted as the values it stands for.
#[derive(Default)]
struct Totals {
    nodes: u64,
    bytes: u64,
    /// Values and text bytes of each anchored node, by anchor id.
    anchors: HashMap<usize, (u64, u64)>,
}

/// Reads `src` (the content of `file`, starting at line `line_offset + 1`)
/// event by event: the positions of its values, or the first limit it
/// passes, or the syntax error that stops it.
pub fn scan(src: &str, file: &Path, line_offset: usize) -> Result<Spans, Diagnostic> {
    let mut map = HashMap::new();
    let mut text = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = String::new();
    let mut totals = Totals::default();
    let mut parser = Parser::new_from_str(src);
    // Split once, and index the characters of one line at a time: finding
    // a scalar's text must not rescan the file or its line per scalar.
    let lines: Vec<&str> = src.lines().collect();
    let mut line_chars = LineChars::default();
    let at = |mark: &Marker| Location::new(file, mark.line() + line_offset, mark.col() + 1);
    loop {
        let (event, mark) = parser
            .next_token()
            .map_err(|e| syntax_error(&e, src, file, line_offset))?;
        let pos = (mark.line(), mark.col() + 1);
        match event {
            Event::StreamEnd => break,
            Event::Scalar(value, _, anchor, _) => {
                let chars = if value.len() as u64 > limits::FIELD_CHARS.max {
                    value.chars().count() as u64
                } else {
                    0
                };
                if chars > limits::FIELD_CHARS.max {
                    return Err(over(
                        at(&mark),
                        "this value has",
                        &limits::FIELD_CHARS,
                        chars,
                    ));
                }
                totals.nodes += 1;
                totals.bytes = totals.bytes.saturating_add(value.len() as u64);
                if anchor != 0 {
                    totals.anchors.insert(anchor, (1, value.len() as u64));
                }
                bounded(&totals, &at(&mark))?;
                if let Some(Frame {
                    kind: Kind::Map { key },
                    ..
                }) = stack.last_mut()
                {
                    if key.is_none() {
                        *key = Some(value);
                        continue;
                    }
                }
                let len = push_segment(&mut path, &stack);
                if len.is_some() {
                    map.entry(path.clone()).or_insert(pos);
                    if let Some(col) = verbatim_column(&lines, &mut line_chars, pos, &value) {
                        text.entry(path.clone()).or_insert((pos.0, col));
                    }
                }
                pop_segment(&mut path, len);
                after_value(&mut stack);
            }
            Event::Alias(anchor) => {
                // An alias stands for every value of its anchor, again.
                let (n, b) = totals.anchors.get(&anchor).copied().unwrap_or((1, 0));
                totals.nodes = totals.nodes.saturating_add(n);
                totals.bytes = totals.bytes.saturating_add(b);
                bounded(&totals, &at(&mark))?;
                if let Some(Frame {
                    kind: Kind::Map { key },
                    ..
                }) = stack.last_mut()
                {
                    if key.is_none() {
                        *key = Some(String::new());
                        continue;
                    }
                }
                let len = push_segment(&mut path, &stack);
                if len.is_some() {
                    map.entry(path.clone()).or_insert(pos);
                }
                pop_segment(&mut path, len);
                after_value(&mut stack);
            }
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                if stack.len() as u64 >= limits::YAML_NESTING.max {
                    return Err(over(
                        at(&mark),
                        "the values here are nested",
                        &limits::YAML_NESTING,
                        stack.len() as u64 + 1,
                    ));
                }
                totals.nodes += 1;
                bounded(&totals, &at(&mark))?;
                let path_len = path.len();
                if push_segment(&mut path, &stack).is_some() {
                    map.entry(path.clone()).or_insert(pos);
                }
                let kind = if matches!(event, Event::MappingStart(..)) {
                    Kind::Map { key: None }
                } else {
                    Kind::Seq { index: 0 }
                };
                stack.push(Frame {
                    kind,
                    path_len,
                    anchor,
                    start: (totals.nodes - 1, totals.bytes),
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(f) = stack.pop() {
                    if f.anchor != 0 {
                        let size = (totals.nodes - f.start.0, totals.bytes - f.start.1);
                        totals.anchors.insert(f.anchor, size);
                    }
                    path.truncate(f.path_len);
                }
                if !stack.is_empty() {
                    after_value(&mut stack);
                }
            }
            _ => {}
        }
    }
    Ok(Spans {
        map,
        text,
        line_offset,
        removed: Vec::new(),
    })
}

/// The error for a limit passed at `at`.
fn over(at: Location, what: &str, limit: &Limit, found: u64) -> Diagnostic {
    Diagnostic::error(at, format!("{what} {}", limit.passed(found))).with_help(limit.help())
}

/// Checks the running totals against the limits on expanded values.
fn bounded(totals: &Totals, at: &Location) -> Result<(), Diagnostic> {
    if totals.nodes > limits::YAML_NODES.max {
        return Err(over(
            at.clone(),
            "with its aliases expanded, the file holds",
            &limits::YAML_NODES,
            totals.nodes,
        ));
    }
    if totals.bytes > limits::YAML_EXPANDED_BYTES.max {
        return Err(over(
            at.clone(),
            "with its aliases expanded, the file's text reaches",
            &limits::YAML_EXPANDED_BYTES,
            totals.bytes,
        ));
    }
    Ok(())
}

/// A YAML syntax error at its place (a tab found while reading a value is
/// pointed at itself), or the nesting limit when the reader's own depth
/// bound stopped it.
fn syntax_error(
    e: &yaml_rust2::ScanError,
    src: &str,
    file: &Path,
    line_offset: usize,
) -> Diagnostic {
    let m = e.marker();
    let mut at = (m.line(), m.col() + 1);
    if e.info().contains("recursion limit") {
        let limit = limits::YAML_NESTING;
        return Diagnostic::error(
            Location::new(file, at.0 + line_offset, at.1),
            format!(
                "the values here are nested deeper than the limit of {}",
                limit
            ),
        )
        .with_help(limit.help());
    }
    // The tab a message speaks of is on this line or one of the next.
    let tab = e.info().contains("tab")
        && src
            .lines()
            .enumerate()
            .skip(m.line().saturating_sub(1))
            .take(3)
            .find_map(|(i, l)| Some((i + 1, l.chars().position(|c| c == '\t')? + 1)))
            .map(|p| at = p)
            .is_some();
    let help = if tab {
        "this line contains a tab character: YAML indentation must use spaces"
    } else {
        "check indentation, and put text containing ':' or '#' in double quotes"
    };
    Diagnostic::error(
        Location::new(file, at.0 + line_offset, at.1),
        format!("the YAML cannot be read: {}", e.info()),
    )
    .with_help(help)
}

/// Appends the segment of the value about to be read (its key or index)
/// to `path`; returns the length to cut back to, or `None` at the top.
fn push_segment(path: &mut String, stack: &[Frame]) -> Option<usize> {
    let top = stack.last()?;
    let len = path.len();
    if !path.is_empty() {
        path.push('.');
    }
    match &top.kind {
        Kind::Map { key } => path.push_str(key.as_deref().unwrap_or("")),
        Kind::Seq { index } => {
            use std::fmt::Write;
            let _ = write!(path, "{index}");
        }
    }
    Some(len)
}

fn pop_segment(path: &mut String, len: Option<usize>) {
    if let Some(len) = len {
        path.truncate(len);
    }
}

fn after_value(stack: &mut [Frame]) {
    match stack.last_mut().map(|f| &mut f.kind) {
        Some(Kind::Map { key }) => *key = None,
        Some(Kind::Seq { index }) => *index += 1,
        None => {}
    }
}

/// Byte offsets of the characters of the last line looked at.
#[derive(Default)]
struct LineChars {
    line: Option<usize>,
    starts: Vec<usize>,
}

/// The column of a scalar's first character when the source line holds
/// it verbatim at `pos` (plain, or just inside a quote).
fn verbatim_column(
    lines: &[&str],
    cache: &mut LineChars,
    pos: (usize, usize),
    value: &str,
) -> Option<usize> {
    if value.is_empty() || value.contains('\n') {
        return None;
    }
    let idx = pos.0.checked_sub(1)?;
    let line = lines.get(idx)?;
    if cache.line != Some(idx) {
        cache.line = Some(idx);
        cache.starts = line.char_indices().map(|(i, _)| i).collect();
    }
    let rest = &line[*cache.starts.get(pos.1.checked_sub(1)?)?..];
    let quote = rest.chars().next().filter(|q| matches!(q, '"' | '\''));
    let body = match quote {
        Some(q) => &rest[q.len_utf8()..],
        None => rest,
    };
    let ok = body.starts_with(value) && quote.is_none_or(|q| body[value.len()..].starts_with(q));
    ok.then_some(pos.1 + usize::from(quote.is_some()))
}

/// A control character removed from a value, by the value's dotted path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedControl {
    /// Dotted path of the value (`groups.0.title`).
    pub path: String,
    /// The character removed.
    pub ch: char,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn f() -> &'static Path {
        Path::new("t.yaml")
    }

    #[test]
    fn alias_amplification_is_refused_where_it_passes_the_limit() {
        // One anchored 16 KiB string and 5,000 aliases: 80 MB once expanded.
        let src = format!(
            "columns: [&s \"{}\"{}]\n",
            "A".repeat(16 * 1024),
            ", *s".repeat(5_000)
        );
        let e = scan(&src, f(), 0).unwrap_err();
        assert_eq!(e.location.line, 1);
        assert!(e.message.contains("aliases expanded"), "{}", e.message);
        assert!(e.message.contains("64 MB"), "{}", e.message);
        assert!(e.help.unwrap().contains("not configurable"));
    }

    #[test]
    fn nested_aliases_count_as_expanded() {
        // Billion laughs: each level ten aliases of the one before.
        let mut src = String::from("a: &a0 [x]\n");
        for i in 1..10 {
            src.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                vec![format!("*a{}", i - 1); 10].join(", ")
            ));
        }
        let e = scan(&src, f(), 0).unwrap_err();
        assert!(e.message.contains("values per file"), "{}", e.message);
        assert!(e.location.line > 1);
    }

    #[test]
    fn deep_nesting_is_refused_fast_in_both_styles() {
        let start = Instant::now();
        let flow = format!("caption: {}{}\n", "[".repeat(300_000), "]".repeat(300_000));
        let e = scan(&flow, f(), 0).unwrap_err();
        assert!(e.message.contains("levels of nesting"), "{}", e.message);
        assert_eq!(e.location.line, 1);
        let block = format!("groups:\n{}x\n", "- ".repeat(300_000));
        let e = scan(&block, f(), 0).unwrap_err();
        assert!(e.message.contains("levels of nesting"), "{}", e.message);
        assert_eq!(e.location.line, 2);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn a_long_value_is_refused_at_its_position() {
        let src = format!("a: ok\nb: \"{}\"\n", "ư".repeat(20_001));
        let e = scan(&src, f(), 0).unwrap_err();
        assert_eq!((e.location.line, e.location.column), (2, 4));
        assert!(e.message.contains("20,001"), "{}", e.message);
        let fits = format!("b: \"{}\"\n", "ư".repeat(20_000));
        assert!(scan(&fits, f(), 0).is_ok());
    }

    #[test]
    fn anchors_within_limits_are_fine() {
        let src = "base: &b { lead: \"Sở A\" }\nitems: [*b, *b, *b]\n";
        let spans = scan(src, f(), 0).unwrap();
        assert_eq!(spans.get("items.2"), (2, 17));
    }
}
