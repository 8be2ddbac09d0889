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
    let (text, footnotes) = footnotes(text);
    let mut paras = paragraphs_of_lines(&text);
    if !footnotes.is_empty() {
        for p in &mut paras {
            cite(p, &footnotes);
        }
    }
    paras
}

/// True for a line that separates a page's footnotes from its text: a
/// long run of spaces or underscores, as a PDF's rule comes out in text.
fn is_rule(raw: &str) -> bool {
    let n = raw.chars().count();
    n >= 20 && raw.chars().all(|c| c == ' ' || c == '_' || c == '\u{a0}')
}

/// A footnote's opening line: its number, then its words (`1 Kế hoạch …`).
fn footnote_start(line: &str) -> Option<(u32, &str)> {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = &t[digits..];
    let n: u32 = t[..digits]
        .parse()
        .ok()
        .filter(|&n| (1..100).contains(&n))?;
    let rest = rest.strip_prefix(' ')?.trim_start();
    rest.chars().next().filter(|c| c.is_uppercase())?;
    Some((n, rest))
}

/// The text without the footnotes a page's rule sets apart, and the
/// footnotes by number. A footnote runs on until a line opens the next or
/// a lower-case line follows one that ended a sentence (the page's text
/// resuming).
fn footnotes(text: &str) -> (String, Vec<(u32, String)>) {
    let mut body = String::with_capacity(text.len());
    let mut notes: Vec<(u32, String)> = Vec::new();
    let mut in_notes = false;
    for raw in text.lines() {
        if is_rule(raw) {
            in_notes = true;
            continue;
        }
        let line = raw.trim();
        if in_notes && !line.is_empty() {
            if let Some((n, rest)) = footnote_start(line) {
                notes.push((n, rest.trim_end().to_string()));
                continue;
            }
            let resumes = notes.last().is_none_or(|(_, t)| ends_sentence(t))
                && line.chars().next().is_some_and(|c| !c.is_uppercase());
            if !resumes {
                if let Some((_, t)) = notes.last_mut() {
                    t.push(' ');
                    t.push_str(line);
                }
                continue;
            }
            in_notes = false;
        }
        body.push_str(raw);
        body.push('\n');
    }
    (body, notes)
}

/// Writes the footnote numbers a paragraph's words carry (`Tỉnh ủy1,`, a
/// superscript flattened) as `[^1]`, with the footnotes as its notes.
fn cite(p: &mut Para, notes: &[(u32, String)]) {
    let chars: Vec<char> = p.text.chars().collect();
    let mut out = String::with_capacity(p.text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        i += 1;
        if !c.is_alphabetic() || !chars.get(i).is_some_and(char::is_ascii_digit) {
            continue;
        }
        let digits = chars[i..].iter().take_while(|d| d.is_ascii_digit()).count();
        let ends = chars.get(i + digits).is_none_or(|d| !d.is_alphanumeric());
        let n: Option<u32> = chars[i..i + digits].iter().collect::<String>().parse().ok();
        if let (true, Some(n)) = (ends && digits <= 2, n) {
            if let Some((_, t)) = notes.iter().find(|(k, _)| *k == n) {
                out.push_str(&format!("[^{n}]"));
                p.notes.push(format!("{n} {t}"));
                i += digits;
            }
        }
    }
    p.text = out;
}

fn paragraphs_of_lines(text: &str) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut current: Option<Para> = None;
    // A line much shorter than the page's lines ends its paragraph (a
    // heading, the last line of a paragraph) when the next opens a sentence.
    let mut widths: Vec<usize> = text
        .lines()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    widths.sort_unstable();
    let width = widths
        .get(widths.len() * 9 / 10)
        .copied()
        .unwrap_or(80)
        .max(40);
    let mut last_len = 0usize;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let label = labels::parse(line);
        let short = last_len * 10 < width * 7;
        let starts = label.is_some()
            || current
                .as_ref()
                .is_none_or(|c| (ends_sentence(&c.text) || short) && opens_sentence(line));
        last_len = line.chars().count();
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
/// list items with their printed marker as their label (`-`, `*`, `1.`;
/// levels follow the markers' kinds, as in plain text), each other
/// paragraph as it is.
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
                // Levels come from the markers' kinds, as in plain text:
                // a list written flush under an item (`1.` then `- …`)
                // is its sub-list in the document, whatever Markdown nests.
                let _ = (id, depth);
                buf = Some(Para {
                    label,
                    at: format!("line {}", line_of(range.start)),
                    ..Para::default()
                });
            }
            Event::Start(Tag::Paragraph) => {
                if buf
                    .as_ref()
                    .is_some_and(|b| b.list.is_some() && b.text.is_empty())
                {
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
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph)
                if buf
                    .as_ref()
                    .is_some_and(|b| b.label.is_none() || b.heading.is_some()) =>
            {
                out.extend(buf.take());
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
        let texts: Vec<(&str, Option<&str>)> =
            p.iter().map(|p| (p.text.as_str(), p.printed())).collect();
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
    fn footnotes_below_a_rule_are_notes_of_the_paragraph_citing_them() {
        let text = "1.1. Quán triệt Kế hoạch của Tỉnh ủy1, Kế hoạch của Ban Chỉ đạo2 đã ban hành; đối với \n\n                                           \n1 Kế hoạch số 24-KH/TU ngày 11/8/2025. \n2 Kế hoạch số 63/KH-UBND \n\nngày 10/9/2025. \n những nhiệm vụ chưa hoàn thành, báo cáo trước ngày 07/11/2025. \n";
        let p = from_lines(text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].text,
            "Quán triệt Kế hoạch của Tỉnh ủy[^1], Kế hoạch của Ban Chỉ đạo[^2] đã ban hành; đối với những nhiệm vụ chưa hoàn thành, báo cáo trước ngày 07/11/2025."
        );
        assert_eq!(
            p[0].notes,
            [
                "1 Kế hoạch số 24-KH/TU ngày 11/8/2025.",
                "2 Kế hoạch số 63/KH-UBND ngày 10/9/2025."
            ]
        );
    }

    #[test]
    fn markdown_headings_and_nested_lists() {
        let md = "# KẾ HOẠCH\n\n## I. MỤC ĐÍCH\n\nBảo đảm thống nhất.\n\n## II. NHIỆM VỤ\n\n1. Sở Nội vụ:\n   - Rà soát tổ chức bộ máy;\n   - Báo cáo trước ngày 30/6/2025.\n2. Sở Tài chính bố trí kinh phí.\n";
        let p = from_markdown(md);
        type Row<'a> = (Option<usize>, Option<&'a str>, &'a str, Option<usize>);
        let got: Vec<Row> = p
            .iter()
            .map(|p| {
                (
                    p.heading,
                    p.printed(),
                    p.text.as_str(),
                    p.list.as_ref().map(|l| l.1),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), None, "KẾ HOẠCH", None),
                (Some(2), Some("I."), "MỤC ĐÍCH", None),
                (None, None, "Bảo đảm thống nhất.", None),
                (Some(2), Some("II."), "NHIỆM VỤ", None),
                (None, Some("1."), "Sở Nội vụ:", None),
                (None, Some("-"), "Rà soát tổ chức bộ máy;", None),
                (None, Some("-"), "Báo cáo trước ngày 30/6/2025.", None),
                (None, Some("2."), "Sở Tài chính bố trí kinh phí.", None),
            ]
        );
    }
}
