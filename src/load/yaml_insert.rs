//! Adding items to a top-level list of a YAML file as text, so that the
//! user's comments and layout stay as written: where the list is and how it
//! is written (block, flow, empty, absent) is read from the parser's events
//! (with [`super::yaml`], the only module calling a YAML library).

use yaml_rust2::parser::{Event, Parser};

/// How the top-level list under a key is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAt {
    /// No such key: a list may be added at the end.
    Absent,
    /// The key has no value (`agencies:`) or `~`/`null`: byte range of
    /// the value (empty for no value) and the end of the key's line.
    Null {
        /// First byte of the value.
        start: usize,
        /// One past its last byte.
        end: usize,
    },
    /// A flow list (`[]`, `[a, b]`): byte of `[` and of `]`, and whether it
    /// has items.
    Flow {
        /// Byte of `[`.
        open: usize,
        /// Byte of `]`.
        close: usize,
        /// True when it holds at least one item.
        items: bool,
    },
    /// A block list (`- a`): the byte where its last item ends (items
    /// added there follow it), and the column its dashes stand at.
    Block {
        /// Where new items go.
        end: usize,
        /// The items' indentation.
        indent: usize,
    },
    /// The key holds something else (a mapping, a scalar).
    Other,
}

/// Where the list under top-level `key` of `src` is, and how it is written;
/// `None` when `src` is not YAML the parser reads.
pub fn top_level_list(src: &str, key: &str) -> Option<ListAt> {
    let byte = |ch: usize| src.char_indices().nth(ch).map_or(src.len(), |(b, _)| b);
    let mut parser = Parser::new_from_str(src);
    let mut depth = 0usize;
    // At depth 1 (the top mapping): whether the next scalar is a key.
    let mut expect_key = true;
    let mut found = false;
    loop {
        let (event, mark) = parser.next_token().ok()?;
        match event {
            Event::StreamEnd => return Some(ListAt::Absent),
            Event::MappingStart(..) | Event::SequenceStart(..) if found && depth == 1 => {
                if !matches!(event, Event::SequenceStart(..)) {
                    return Some(ListAt::Other);
                }
                let open = byte(mark.index());
                if src[open..].starts_with('[') {
                    return flow(src, &mut parser, open, &byte);
                }
                // The dashes' column: the indentation of the item's line.
                let line_start = src[..open].rfind('\n').map_or(0, |i| i + 1);
                let line = &src[line_start..];
                let indent = line.len() - line.trim_start_matches(' ').len();
                return block(src, &mut parser, indent, &byte);
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if depth == 1 {
                    expect_key = true;
                }
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    expect_key = true;
                }
            }
            Event::Scalar(value, ..) if depth == 1 => {
                if found {
                    let null = matches!(value.trim(), "" | "~" | "null" | "Null" | "NULL");
                    if !null {
                        return Some(ListAt::Other);
                    }
                    let start = byte(mark.index());
                    let len = if value.is_empty() { 0 } else { value.len() };
                    return Some(ListAt::Null {
                        start,
                        end: start + len,
                    });
                }
                if expect_key && value == key {
                    found = true;
                }
                expect_key = !expect_key;
            }
            Event::Alias(..) if found && depth == 1 => return Some(ListAt::Other),
            Event::Scalar(..) | Event::Alias(..) if depth == 1 => expect_key = !expect_key,
            _ => {}
        }
    }
}

fn flow(
    src: &str,
    parser: &mut Parser<std::str::Chars<'_>>,
    open: usize,
    byte: &dyn Fn(usize) -> usize,
) -> Option<ListAt> {
    let mut depth = 1usize;
    let mut items = false;
    loop {
        let (event, mark) = parser.next_token().ok()?;
        match event {
            Event::SequenceEnd if depth == 1 => {
                // The mark may stand on `]` or just past it.
                let at = byte(mark.index());
                let close = src[..=at.min(src.len().saturating_sub(1))].rfind(']')?;
                return Some(ListAt::Flow { open, close, items });
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                items = true;
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => depth -= 1,
            Event::Scalar(..) | Event::Alias(..) => items = true,
            Event::StreamEnd => return None,
            _ => {}
        }
    }
}

fn block(
    src: &str,
    parser: &mut Parser<std::str::Chars<'_>>,
    indent: usize,
    byte: &dyn Fn(usize) -> usize,
) -> Option<ListAt> {
    let mut depth = 1usize;
    let mut last = 0usize;
    loop {
        let (event, mark) = parser.next_token().ok()?;
        match event {
            Event::SequenceEnd if depth == 1 => break,
            Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => depth -= 1,
            Event::Scalar(ref v, ..) => {
                // A scalar's end: its line's end (block scalars and quoted
                // values run to their line's end or beyond).
                let at = byte(mark.index());
                let tail = &src[at..];
                let len = if v.contains('\n') {
                    block_scalar_len(tail)
                } else {
                    tail.find('\n').unwrap_or(tail.len())
                };
                last = last.max(at + len);
            }
            Event::StreamEnd => return None,
            _ => {}
        }
    }
    // New items go on the line after the last item's last line.
    let end = match src[last..].find('\n') {
        Some(nl) => last + nl + 1,
        None => src.len(),
    };
    Some(ListAt::Block { end, indent })
}

/// The length of a value written over several lines from the start of
/// `tail`: up to the first line that is less indented than its second line.
fn block_scalar_len(tail: &str) -> usize {
    let mut lines = tail.split_inclusive('\n');
    let Some(first) = lines.next() else { return 0 };
    let mut len = first.len();
    let mut body_indent: Option<usize> = None;
    for l in lines {
        let content = l.trim_end_matches('\n');
        let ind = content.len() - content.trim_start().len();
        if content.trim().is_empty() {
            len += l.len();
            continue;
        }
        let need = *body_indent.get_or_insert(ind);
        if ind < need {
            break;
        }
        len += l.len();
    }
    // Trailing blank lines belong to what follows.
    let kept = tail[..len].trim_end_matches(['\n', ' ']);
    kept.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_way_of_writing_a_list() {
        assert_eq!(
            top_level_list("# only a comment\n", "agencies"),
            Some(ListAt::Absent)
        );
        assert!(matches!(
            top_level_list("agencies: []\n", "agencies"),
            Some(ListAt::Flow {
                open: 10,
                close: 11,
                items: false
            })
        ));
        assert!(matches!(
            top_level_list("agencies: [ {id: a, name: b} ]  # x\n", "agencies"),
            Some(ListAt::Flow { items: true, .. })
        ));
        let src = "agencies:\n  - id: a\n    name: \"A\"  # kept\n# trailing comment\n";
        let Some(ListAt::Block { end, indent }) = top_level_list(src, "agencies") else {
            panic!()
        };
        assert_eq!(
            (&src[..end], indent),
            ("agencies:\n  - id: a\n    name: \"A\"  # kept\n", 2)
        );
        let src = "agencies:\n- id: a\n  note: |-\n    one\n    two\n\nother: 1\n";
        let Some(ListAt::Block { end, indent }) = top_level_list(src, "agencies") else {
            panic!()
        };
        assert_eq!(
            (&src[..end], indent),
            ("agencies:\n- id: a\n  note: |-\n    one\n    two\n", 0)
        );
        assert!(matches!(
            top_level_list("agencies:\n# none yet\n", "agencies"),
            Some(ListAt::Null { .. })
        ));
        assert!(matches!(
            top_level_list("agencies: ~\n", "agencies"),
            Some(ListAt::Null { start: 10, end: 11 })
        ));
        assert_eq!(
            top_level_list("agencies: {a: 1}\n", "agencies"),
            Some(ListAt::Other)
        );
        assert_eq!(top_level_list("agencies: [\n", "agencies"), None);
    }
}
