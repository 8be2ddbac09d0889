//! A Word document's paragraphs for the prose import: each paragraph's
//! words (struck runs as `~~…~~`, footnote references as `[^n]` with the
//! footnote's words kept as a note), its heading level (a `heading N`
//! style or an outline level), and its list numbering computed as Word
//! shows it from `numbering.xml` (`%1.%2.` with decimal, letter, Roman or
//! bullet formats), or else the label printed in its words.

use std::collections::HashMap;
use std::path::Path;

use roxmltree::{Document, Node};

use super::labels::{self, Label, LabelKind, LETTERS};
use super::paras::Para;
use crate::import_plan::ImportError;
use crate::tables::docx::{is, parts, run_struck, W};

/// The paragraphs of a `.docx` file, in document order.
pub fn paragraphs(path: &Path) -> Result<Vec<Para>, ImportError> {
    let p = parts(
        path,
        &[
            "word/document.xml",
            "word/numbering.xml",
            "word/styles.xml",
            "word/footnotes.xml",
        ],
    )?;
    let get = |k: usize| p.get(k).cloned().flatten().unwrap_or_default();
    parse(&get(0), &get(1), &get(2), &get(3)).map_err(|e| {
        ImportError::new(
            path,
            format!("this is not a Word (.docx) file: {e}"),
            "open it in Word or LibreOffice and save it as .docx",
        )
    })
}

/// One level of a numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// A style: its outline level and its numbering, when it has them.
#[derive(Debug, Clone, Default)]
struct Style {
    heading: Option<usize>,
    num: Option<(String, usize)>,
}

fn attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, name))
}

/// A paragraph's (or style's) numbering: its list id and level.
fn num_pr(ppr: Node) -> Option<(String, usize)> {
    let np = child(ppr, "numPr")?;
    let id = child(np, "numId").and_then(|x| attr(x, "val"))?.to_string();
    let lvl = child(np, "ilvl")
        .and_then(|x| attr(x, "val"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    (id != "0").then_some((id, lvl))
}

fn outline_level(ppr: Node) -> Option<usize> {
    child(ppr, "outlineLvl")
        .and_then(|x| attr(x, "val"))
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&l| l < 9)
        .map(|l| l + 1)
}

fn styles(xml: &str) -> HashMap<String, Style> {
    let mut out = HashMap::new();
    let Ok(doc) = Document::parse_with_options(xml, crate::tables::xml_guard::options()) else {
        return out;
    };
    for s in doc.descendants().filter(|n| is(n, "style")) {
        let Some(id) = attr(s, "styleId") else {
            continue;
        };
        let name = child(s, "name")
            .and_then(|n| attr(n, "val"))
            .unwrap_or("")
            .to_lowercase();
        let ppr = child(s, "pPr");
        let heading = ppr.and_then(outline_level).or_else(|| {
            name.strip_prefix("heading ")
                .and_then(|n| n.trim().parse().ok())
                .or((name == "title").then_some(1))
        });
        out.insert(
            id.to_string(),
            Style {
                heading,
                num: ppr.and_then(num_pr),
            },
        );
    }
    out
}

/// Each list id's levels (through its abstract definition).
fn numbering(xml: &str) -> HashMap<String, Vec<Level>> {
    let mut out = HashMap::new();
    let Ok(doc) = Document::parse_with_options(xml, crate::tables::xml_guard::options()) else {
        return out;
    };
    let mut abstracts: HashMap<&str, Vec<Level>> = HashMap::new();
    for a in doc.descendants().filter(|n| is(n, "abstractNum")) {
        let Some(id) = attr(a, "abstractNumId") else {
            continue;
        };
        let mut levels = vec![Level::default(); 9];
        for l in a.children().filter(|n| is(n, "lvl")) {
            let Some(k) = attr(l, "ilvl")
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|&k| k < 9)
            else {
                continue;
            };
            levels[k] = Level {
                start: child(l, "start")
                    .and_then(|x| attr(x, "val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1),
                format: child(l, "numFmt")
                    .and_then(|x| attr(x, "val"))
                    .unwrap_or("decimal")
                    .to_string(),
                text: child(l, "lvlText")
                    .and_then(|x| attr(x, "val"))
                    .unwrap_or("")
                    .to_string(),
            };
        }
        abstracts.insert(id, levels);
    }
    for n in doc.descendants().filter(|n| is(n, "num")) {
        let (Some(id), Some(a)) = (
            attr(n, "numId"),
            child(n, "abstractNumId").and_then(|x| attr(x, "val")),
        ) else {
            continue;
        };
        if let Some(levels) = abstracts.get(a) {
            out.insert(id.to_string(), levels.clone());
        }
    }
    out
}

fn footnotes(xml: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Ok(doc) = Document::parse_with_options(xml, crate::tables::xml_guard::options()) else {
        return out;
    };
    for f in doc.descendants().filter(|n| is(n, "footnote")) {
        let Some(id) = attr(f, "id") else { continue };
        let text: Vec<String> = f
            .descendants()
            .filter(|n| is(n, "p"))
            .map(|p| text_of(p, &mut |_| String::new()))
            .collect();
        out.insert(id.to_string(), crate::tables::clean_text(&text.join("\n")));
    }
    out
}

/// A paragraph's words: struck runs marked `~~…~~`, footnote references
/// written by `note` (their marker).
fn text_of(p: Node, note: &mut dyn FnMut(&str) -> String) -> String {
    let mut s = String::new();
    let mut struck = false;
    for n in p.descendants().filter(Node::is_element) {
        if n.tag_name().namespace() != Some(W) || n.ancestors().any(|a| is(&a, "del")) {
            continue;
        }
        let piece = match n.tag_name().name() {
            "t" => n.text().unwrap_or("").to_string(),
            "tab" if n.parent().is_some_and(|p| is(&p, "r")) => "\t".to_string(),
            "br" | "cr" => "\n".to_string(),
            "noBreakHyphen" => "-".to_string(),
            "footnoteReference" => attr(n, "id").map(&mut *note).unwrap_or_default(),
            _ => continue,
        };
        let in_strike = n.ancestors().find(|a| is(a, "r")).is_some_and(run_struck);
        if in_strike != struck && !piece.is_empty() {
            s.push_str("~~");
            struck = in_strike;
        }
        s.push_str(&piece);
    }
    if struck {
        s.push_str("~~");
    }
    s
}

/// A counter in a numbering format.
fn format(n: u32, fmt: &str) -> String {
    match fmt {
        "lowerLetter" => LETTERS
            .get((n as usize).saturating_sub(1) % LETTERS.len())
            .map_or_else(String::new, char::to_string),
        "upperLetter" => char::from_u32('A' as u32 + (n.saturating_sub(1) % 26))
            .map_or_else(String::new, |c| c.to_string()),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The label Word shows for a list level, given the counters of every
/// level: `%1.%2.` filled in, bullets as `-`.
fn list_label(levels: &[Level], counters: &[u32], lvl: usize) -> Option<Label> {
    let l = levels.get(lvl)?;
    if l.format == "none" {
        return None;
    }
    if l.format == "bullet" {
        return Some(Label {
            kind: LabelKind::Bullet('-'),
            printed: "-".into(),
            code: String::new(),
            rest: 0,
        });
    }
    let mut printed = l.text.clone();
    let mut codes = Vec::new();
    for k in (0..=lvl).rev() {
        let marker = format!("%{}", k + 1);
        if printed.contains(&marker) {
            let v = format(counters[k], &levels[k].format);
            printed = printed.replace(&marker, &v);
            codes.insert(0, v);
        }
    }
    let kind = match l.format.as_str() {
        "lowerLetter" | "lowerRoman" => LabelKind::Lower,
        "upperLetter" => LabelKind::Upper,
        "upperRoman" => LabelKind::Roman,
        _ => LabelKind::Arabic(codes.len().max(1)),
    };
    let code = match kind {
        LabelKind::Arabic(_) => codes.join("."),
        _ => codes.last().cloned().unwrap_or_default(),
    };
    Some(Label {
        kind,
        printed: printed.trim().to_string(),
        code,
        rest: 0,
    })
}

/// Parses the parts of a Word document into its paragraphs.
pub fn parse(
    document: &str,
    numbering_xml: &str,
    styles_xml: &str,
    footnotes_xml: &str,
) -> Result<Vec<Para>, roxmltree::Error> {
    let doc = Document::parse_with_options(document, crate::tables::xml_guard::options())?;
    let styles = styles(styles_xml);
    let lists = numbering(numbering_xml);
    let notes = footnotes(footnotes_xml);
    let mut counters: HashMap<String, Vec<u32>> = HashMap::new();
    let mut note_no = 0usize;
    let mut out = Vec::new();
    let Some(body) = doc.descendants().find(|n| is(n, "body")) else {
        return Ok(out);
    };
    for (k, p) in body.descendants().filter(|n| is(n, "p")).enumerate() {
        let ppr = child(p, "pPr");
        let style = ppr
            .and_then(|x| child(x, "pStyle"))
            .and_then(|x| attr(x, "val"))
            .and_then(|id| styles.get(id));
        let heading = ppr
            .and_then(outline_level)
            .or(style.and_then(|s| s.heading));
        let num = ppr
            .and_then(num_pr)
            .or_else(|| style.and_then(|s| s.num.clone()));
        let mut cited = Vec::new();
        let raw = text_of(p, &mut |id| {
            note_no += 1;
            if let Some(t) = notes.get(id) {
                cited.push(format!("{note_no} {t}"));
            }
            format!("[^{note_no}]")
        });
        let text = crate::tables::clean_text(&raw);
        let mut label = None;
        let mut list = None;
        if let Some((id, lvl)) = num.filter(|(id, _)| lists.contains_key(id)) {
            let levels = &lists[&id];
            let c = counters
                .entry(id.clone())
                .or_insert_with(|| levels.iter().map(|l| l.start.saturating_sub(1)).collect());
            if let Some(v) = c.get_mut(lvl) {
                *v += 1;
            }
            for (d, v) in c.iter_mut().enumerate().skip(lvl + 1) {
                *v = levels.get(d).map_or(0, |l| l.start.saturating_sub(1));
            }
            label = list_label(levels, c, lvl);
            list = Some((format!("w-{id}"), lvl));
        }
        let mut words = text;
        if label.is_none() {
            if let Some(l) = labels::parse(&words) {
                words = words[l.rest..].to_string();
                label = Some(Label { rest: 0, ..l });
            }
        }
        if words.is_empty() && label.is_none() {
            continue;
        }
        out.push(Para {
            text: words,
            label,
            heading,
            list,
            notes: cited,
            at: format!("paragraph {}", k + 1),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(r#"<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#)
    }

    #[test]
    fn numbered_lists_headings_and_footnotes() {
        let numbering = format!(
            r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num></w:numbering>"#
        );
        let styles = format!(
            r#"<w:styles xmlns:w="{W}"><w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>"#
        );
        let foot = format!(
            r#"<w:footnotes xmlns:w="{W}"><w:footnote w:id="7"><w:p><w:r><w:t>Kế hoạch số 24-KH/TU.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let li = |lvl: u8, t: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let body = format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>II. NHIỆM VỤ</w:t></w:r></w:p>{}{}<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Quán triệt Kế hoạch của Tỉnh ủy</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>{}{}<w:p><w:r><w:t>a) Tổng hợp.</w:t></w:r></w:p>"#,
            li(0, "Sở Nội vụ"),
            li(1, "Rà soát"),
            li(2, "Báo cáo"),
            li(0, "Sở Tài chính"),
        );
        let p = parse(&doc(&body), &numbering, &styles, &foot).unwrap();
        let got: Vec<(Option<usize>, Option<&str>, &str)> = p
            .iter()
            .map(|p| (p.heading, p.printed(), p.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(2), Some("II."), "NHIỆM VỤ"),
                (None, Some("1."), "Sở Nội vụ"),
                (None, Some("1.1."), "Rà soát"),
                (None, Some("1.2."), "Quán triệt Kế hoạch của Tỉnh ủy[^1]"),
                (None, Some("-"), "Báo cáo"),
                (None, Some("2."), "Sở Tài chính"),
                (None, Some("a)"), "Tổng hợp."),
            ]
        );
        assert_eq!(p[3].notes, ["1 Kế hoạch số 24-KH/TU."]);
        assert_eq!(
            p[2].label.as_ref().map(|l| (l.kind, l.code.as_str())),
            Some((LabelKind::Arabic(2), "1.1"))
        );
    }
}
