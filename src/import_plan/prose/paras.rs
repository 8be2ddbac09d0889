//! A document written as prose, as its readers give it: paragraphs in
//! order, each with its words (NFC, line breaks kept), the label printed or
//! numbered before it, its heading level when a style or `#` says so, and
//! the footnotes it cites. Plain text comes in lines a page wrapped; they
//! are joined back into paragraphs here.

use super::labels::{self, Label};

/// One paragraph of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Para {
    /// Its words after the label, NFC, line breaks kept.
    pub text: String,
    /// The label printed (or numbered by the word processor) before it.
    pub label: Option<Label>,
    /// Heading level (1 highest) when a style or Markdown says so.
    pub heading: Option<usize>,
    /// The list it is numbered in and its level there (Word, OpenDocument
    /// and Markdown lists): siblings share it.
    pub list: Option<(String, usize)>,
    /// Footnotes it cites, as `n text`.
    pub notes: Vec<String>,
    /// Where it is in the file, for messages (`line 40`, `paragraph 12`).
    pub at: String,
}

impl Para {
    /// The label as printed, or none.
    pub fn printed(&self) -> Option<&str> {
        self.label.as_ref().map(|l| l.printed.as_str())
    }
}

/// Marks a paragraph or line ends with when a sentence is complete.
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(['.', ':', ';', '!', '?', '…'])
        || t.ends_with("./.")
        || t.ends_with(".”")
        || t.ends_with(".\"")
}

/// True when a line opens a new sentence: an upper-case letter, a quote or
/// a bracket first.
fn opens_sentence(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '(' | '['))
}

/// The paragraphs of plain text whose lines a page wrapped (as text copied
/// from a PDF or saved from Word as text is): a line opening with a label
/// begins a paragraph; a line opening a sentence after one that ended one
/// begins one too; any other line continues the paragraph it follows
/// (joined with a space). Blank lines between lines do not separate: such
/// files put one after every line.
pub fn from_lines(text: &str) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut current: Option<Para> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let label = labels::parse(line);
        let starts = label.is_some()
            || current
                .as_ref()
                .is_none_or(|c| ends_sentence(&c.text) && opens_sentence(line));
        if starts {
            out.extend(current.take());
            let (text, label) = match label {
                Some(l) => (line[l.rest..].to_string(), Some(l)),
                None => (line.to_string(), None),
            };
            current = Some(Para {
                text,
                label,
                at: format!("line {}", n + 1),
                ..Para::default()
            });
        } else if let Some(c) = current.as_mut() {
            if !c.text.is_empty() {
                c.text.push(' ');
            }
            c.text.push_str(line);
        }
    }
    out.extend(current);
    for p in &mut out {
        p.text = crate::tables::clean_text(&p.text);
    }
    out
}

/// The paragraphs of a Markdown file: headings (`#` …) with their level,
/// list items with their list and depth (`-`, `*`, `1.`), each other
/// paragraph as it is; the item's printed number kept as its label.
pub fn from_markdown(text: &str) -> Vec<Para> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut out: Vec<Para> = Vec::new();
    // Open lists: (id, next number or None for bullets, bullet char).
    let mut lists: Vec<(usize, Option<u64>)> = Vec::new();
    let mut list_ids = 0usize;
    let mut buf: Option<Para> = None;
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    for (ev, range) in Parser::new(text).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                let l = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                out.extend(buf.take());
                buf = Some(Para {
                    heading: Some(l),
                    at: format!("line {}", line_of(range.start)),
                    ..Para::default()
                });
            }
            Event::Start(Tag::List(start)) => {
                list_ids += 1;
                lists.push((list_ids, start));
            }
            Event::End(TagEnd::List(_)) => {
                out.extend(buf.take());
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                out.extend(buf.take());
                let depth = lists.len();
                let (id, next) = lists.last_mut().map_or((0, None), |l| (l.0, l.1));
                let src = &text[range.clone()];
                // The item's marker as printed.
                let label = labels::parse(src.trim_start()).map(|mut l| {
                    l.rest = 0;
                    l
                });
                if let (Some(n), Some(l)) = (next, lists.last_mut()) {
                    l.1 = Some(n + 1);
                }
                buf = Some(Para {
                    label,
                    list: Some((format!("md-{id}"), depth)),
                    at: format!("line {}", line_of(range.start)),
                    ..Para::default()
                });
            }
            Event::Start(Tag::Paragraph) => {
                if buf.as_ref().is_some_and(|b| b.list.is_some() && b.text.is_empty()) {
                    continue;
                }
                out.extend(buf.take());
                buf = Some(Para {
                    at: format!("line {}", line_of(range.start)),
                    ..Para::default()
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(b) = buf.as_mut() {
                    b.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = buf.as_mut() {
                    b.text.push('\n');
                }
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph) => {
                if buf.as_ref().is_some_and(|b| b.list.is_none()) {
                    out.extend(buf.take());
                }
            }
            Event::End(TagEnd::Item) => out.extend(buf.take()),
            _ => {}
        }
    }
    out.extend(buf);
    out.retain(|p| !p.text.trim().is_empty() || p.label.is_some());
    for p in &mut out {
        p.text = crate::tables::clean_text(&p.text);
        // A heading or paragraph may print its own number (`## I. MỤC ĐÍCH`).
        if p.label.is_none() {
            if let Some(l) = labels::parse(&p.text) {
                p.text = p.text[l.rest..].to_string();
                p.label = Some(Label { rest: 0, ..l });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_into_paragraphs() {
        let text = "Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo: \n\n1. Các cơ quan, đơn vị triển khai \n\n1.1. Thủ trưởng các cơ quan có trách nhiệm quán triệt, \n\ntriển khai thực hiện tại mục 10 và mục \n\n35 Phụ lục nhiệm vụ cụ thể. \n\nHoàn thành trước ngày 15/11/2025. \n";
        let p = from_lines(text);
        let texts: Vec<(&str, Option<&str>)> = p.iter().map(|p| (p.text.as_str(), p.printed())).collect();
        assert_eq!(
            texts,
            [
                ("Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo:", None),
                ("Các cơ quan, đơn vị triển khai", Some("1.")),
                ("Thủ trưởng các cơ quan có trách nhiệm quán triệt, triển khai thực hiện tại mục 10 và mục 35 Phụ lục nhiệm vụ cụ thể.", Some("1.1.")),
                ("Hoàn thành trước ngày 15/11/2025.", None),
            ]
        );
        assert_eq!(p[2].at, "line 5");
    }

    #[test]
    fn markdown_headings_and_nested_lists() {
        let md = "# KẾ HOẠCH\n\n## I. MỤC ĐÍCH\n\nBảo đảm thống nhất.\n\n## II. NHIỆM VỤ\n\n1. Sở Nội vụ:\n   - Rà soát tổ chức bộ máy;\n   - Báo cáo trước ngày 30/6/2025.\n2. Sở Tài chính bố trí kinh phí.\n";
        let p = from_markdown(md);
        let got: Vec<(Option<usize>, Option<&str>, &str, Option<usize>)> = p
            .iter()
            .map(|p| (p.heading, p.printed(), p.text.as_str(), p.list.as_ref().map(|l| l.1)))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), None, "KẾ HOẠCH", None),
                (Some(2), Some("I."), "MỤC ĐÍCH", None),
                (None, None, "Bảo đảm thống nhất.", None),
                (Some(2), Some("II."), "NHIỆM VỤ", None),
                (None, Some("1."), "Sở Nội vụ:", Some(1)),
                (None, Some("-"), "Rà soát tổ chức bộ máy;", Some(2)),
                (None, Some("-"), "Báo cáo trước ngày 30/6/2025.", Some(2)),
                (None, Some("2."), "Sở Tài chính bố trí kinh phí.", Some(1)),
            ]
        );
    }
}
