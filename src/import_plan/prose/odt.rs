//! An OpenDocument text's paragraphs for the prose import: headings
//! (`text:h` with their outline level), paragraphs, and list items with
//! their level and the number the list style shows (`1.`, `1.2.`, `a)`,
//! bullets), or else the label printed in their words. Footnotes are kept
//! as notes, marked `[^n]` where they are cited.

use std::collections::HashMap;
use std::path::Path;

use roxmltree::{Document, Node};

use super::labels::{self, Label, LabelKind, LETTERS};
use super::paras::Para;
use crate::import_plan::ImportError;
use crate::tables::odt::{content, paragraph_text, TEXT};

const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/// The paragraphs of an `.odt` file, in document order.
pub fn paragraphs(path: &Path) -> Result<Vec<Para>, ImportError> {
    let xml = content(path)?;
    parse(&xml).map_err(|e| {
        ImportError::new(
            path,
            format!("this is not an OpenDocument text (.odt) file: {e}"),
            "open it in LibreOffice or Word and save it as .odt or .docx",
        )
    })
}

/// One level of a list style: its number format (`1`, `a`, `A`, `i`,
/// `I`; empty for bullets), prefix, suffix and levels shown.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    prefix: String,
    suffix: String,
    shown: usize,
    start: u32,
}

fn list_styles(doc: &Document) -> HashMap<String, Vec<Level>> {
    let mut out = HashMap::new();
    for ls in doc
        .descendants()
        .filter(|n| n.has_tag_name((TEXT, "list-style")))
    {
        let Some(name) = ls.attribute((STYLE, "name")) else {
            continue;
        };
        let mut levels = vec![Level::default(); 10];
        for l in ls.children().filter(Node::is_element) {
            let Some(k) = l
                .attribute((TEXT, "level"))
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|k| (1..=10).contains(k))
            else {
                continue;
            };
            levels[k - 1] = if l.has_tag_name((TEXT, "list-level-style-number")) {
                Level {
                    format: l
                        .attribute((STYLE, "num-format"))
                        .unwrap_or("1")
                        .to_string(),
                    prefix: l.attribute((STYLE, "num-prefix")).unwrap_or("").to_string(),
                    suffix: l.attribute((STYLE, "num-suffix")).unwrap_or("").to_string(),
                    shown: l
                        .attribute((TEXT, "display-levels"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                    start: l
                        .attribute((TEXT, "start-value"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                }
            } else {
                Level::default()
            };
        }
        out.insert(name.to_string(), levels);
    }
    out
}

fn format(n: u32, f: &str) -> String {
    match f {
        "a" => LETTERS
            .get((n as usize).saturating_sub(1) % LETTERS.len())
            .map_or_else(String::new, char::to_string),
        "A" => char::from_u32('A' as u32 + n.saturating_sub(1) % 26)
            .map_or_else(String::new, |c| c.to_string()),
        "I" | "i" => {
            let mut s = String::new();
            let mut m = n;
            for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
                while m >= v {
                    s.push_str(r);
                    m -= v;
                }
            }
            if f == "i" {
                s.to_lowercase()
            } else {
                s
            }
        }
        _ => n.to_string(),
    }
}

struct Walk<'s> {
    styles: &'s HashMap<String, Vec<Level>>,
    counters: HashMap<String, Vec<u32>>,
    notes: usize,
    out: Vec<Para>,
}

impl Walk<'_> {
    fn block(&mut self, n: Node, list: Option<(&str, usize)>) {
        for c in n.children().filter(Node::is_element) {
            if c.has_tag_name((TEXT, "list")) {
                let style = c
                    .attribute((TEXT, "style-name"))
                    .map(str::to_string)
                    .or_else(|| list.map(|l| l.0.to_string()))
                    .unwrap_or_default();
                let depth = list.map_or(0, |l| l.1 + 1);
                if depth == 0 && c.attribute((TEXT, "continue-numbering")) != Some("true") {
                    self.counters.remove(&style);
                }
                for item in c.children().filter(|x| x.has_tag_name((TEXT, "list-item"))) {
                    self.item(item, &style, depth);
                }
            } else if c.has_tag_name((TEXT, "p")) || c.has_tag_name((TEXT, "h")) {
                self.para(c, None);
            } else if c.has_tag_name((TEXT, "section")) {
                self.block(c, list);
            }
        }
    }

    fn item(&mut self, item: Node, style: &str, depth: usize) {
        let levels = self.styles.get(style).cloned().unwrap_or_default();
        let counters = self
            .counters
            .entry(style.to_string())
            .or_insert_with(|| vec![0; 10]);
        if let Some(v) = counters.get_mut(depth) {
            let start = levels.get(depth).map_or(1, |l| l.start.max(1));
            *v = if *v == 0 { start } else { *v + 1 };
        }
        for v in counters.iter_mut().skip(depth + 1) {
            *v = 0;
        }
        let counters = counters.clone();
        let label = levels.get(depth).map(|l| {
            if l.format.is_empty() {
                Label {
                    kind: LabelKind::Bullet('-'),
                    printed: "-".into(),
                    code: String::new(),
                    rest: 0,
                }
            } else {
                let from = depth + 1 - l.shown.clamp(1, depth + 1);
                let parts: Vec<String> = (from..=depth)
                    .map(|k| {
                        format(
                            counters[k].max(1),
                            &levels.get(k).map_or("1".to_string(), |x| x.format.clone()),
                        )
                    })
                    .collect();
                let code = if l.format == "1" {
                    parts.join(".")
                } else {
                    parts.last().cloned().unwrap_or_default()
                };
                let kind = match l.format.as_str() {
                    "a" | "i" => LabelKind::Lower,
                    "A" => LabelKind::Upper,
                    "I" => LabelKind::Roman,
                    _ => LabelKind::Arabic(parts.len()),
                };
                Label {
                    kind,
                    printed: format!("{}{}{}", l.prefix, parts.join("."), l.suffix),
                    code,
                    rest: 0,
                }
            }
        });
        let mut first = true;
        for c in item.children().filter(Node::is_element) {
            if c.has_tag_name((TEXT, "list")) {
                self.block_list(c, style, depth + 1);
            } else if c.has_tag_name((TEXT, "p")) || c.has_tag_name((TEXT, "h")) {
                let l = if first {
                    label.clone().map(|l| (l, style, depth))
                } else {
                    None
                };
                self.para(c, l);
                first = false;
            }
        }
    }

    fn block_list(&mut self, list: Node, style: &str, depth: usize) {
        let style = list
            .attribute((TEXT, "style-name"))
            .unwrap_or(style)
            .to_string();
        for item in list
            .children()
            .filter(|x| x.has_tag_name((TEXT, "list-item")))
        {
            self.item(item, &style, depth);
        }
    }

    fn para(&mut self, p: Node, list: Option<(Label, &str, usize)>) {
        let mut notes = Vec::new();
        for n in p.descendants().filter(|n| n.has_tag_name((TEXT, "note"))) {
            self.notes += 1;
            let body: Vec<String> = n
                .descendants()
                .filter(|x| x.has_tag_name((TEXT, "p")))
                .map(paragraph_text)
                .collect();
            notes.push(format!(
                "{} {}",
                self.notes,
                crate::tables::clean_text(&body.join("\n"))
            ));
        }
        // Footnote markers where the notes stand (paragraph_text leaves notes out).
        let first_note = self.notes + 1 - notes.len();
        let mut text = paragraph_text(p);
        for k in 0..notes.len() {
            text.push_str(&format!("[^{}]", first_note + k));
        }
        let mut text = crate::tables::clean_text(&text);
        let heading = p.has_tag_name((TEXT, "h")).then(|| {
            p.attribute((TEXT, "outline-level"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(1)
        });
        let (mut label, list) = match list {
            Some((l, s, d)) => (Some(l), Some((format!("o-{s}"), d))),
            None => (None, None),
        };
        if label.is_none() {
            if let Some(l) = labels::parse(&text) {
                text = text[l.rest..].to_string();
                label = Some(Label { rest: 0, ..l });
            }
        }
        if text.is_empty() && label.is_none() {
            return;
        }
        let at = format!("paragraph {}", self.out.len() + 1);
        self.out.push(Para {
            text,
            label,
            heading,
            list,
            notes,
            at,
        });
    }
}

/// Parses `content.xml` into its paragraphs.
pub fn parse(xml: &str) -> Result<Vec<Para>, roxmltree::Error> {
    let doc = Document::parse_with_options(xml, crate::tables::xml_guard::options())?;
    let styles = list_styles(&doc);
    let mut w = Walk {
        styles: &styles,
        counters: HashMap::new(),
        notes: 0,
        out: Vec::new(),
    };
    if let Some(body) = doc.descendants().find(|n| {
        n.tag_name().name() == "text" && n.parent().is_some_and(|p| p.tag_name().name() == "body")
    }) {
        w.block(body, None);
    }
    Ok(w.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_numbered_lists() {
        let xml = format!(
            r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="{TEXT}" xmlns:style="{STYLE}"><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/><text:list-level-style-bullet text:level="3"/></text:list-style></office:automatic-styles><office:body><office:text><text:h text:outline-level="1">II. NHIỆM VỤ</text:h><text:list text:style-name="L1"><text:list-item><text:p>Sở Nội vụ:</text:p><text:list><text:list-item><text:p>Rà soát.</text:p></text:list-item><text:list-item><text:p>Báo cáo.</text:p><text:list><text:list-item><text:p>Hằng tháng.</text:p></text:list-item></text:list></text:list-item></text:list></text:list-item><text:list-item><text:p>Sở Tài chính.</text:p></text:list-item></text:list></office:text></office:body></office:document-content>"#
        );
        let p = parse(&xml).unwrap();
        let got: Vec<(Option<usize>, Option<&str>, &str)> = p
            .iter()
            .map(|p| (p.heading, p.printed(), p.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), Some("II."), "NHIỆM VỤ"),
                (None, Some("1."), "Sở Nội vụ:"),
                (None, Some("a)"), "Rà soát."),
                (None, Some("b)"), "Báo cáo."),
                (None, Some("-"), "Hằng tháng."),
                (None, Some("2."), "Sở Tài chính."),
            ]
        );
    }
}
