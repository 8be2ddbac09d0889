//! Word (`.docx`) tables: reads `word/document.xml` from the zip and turns
//! each `w:tbl` into a [`Table`], following `w:gridSpan` (merged across) and
//! `w:vMerge` (merged down). Paragraphs of a cell become lines.

use std::io::Read;
use std::path::Path;

use roxmltree::{Document, Node};

use super::{clean_text, Cell, Origin, ReadError, Table};

/// Largest `word/document.xml` read, in bytes.
const MAX_XML: u64 = 256 * 1024 * 1024;

/// WordprocessingML's namespace.
pub(crate) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Reads every top-level table of a Word document, in document order.
pub fn read(path: &Path) -> Result<Vec<Table>, ReadError> {
    let parts = parts(path, &["word/document.xml"])?;
    let xml = parts.into_iter().next().flatten().unwrap_or_default();
    parse_document(&xml).map_err(|e| not_word(path, &e))
}

fn not_word(path: &Path, e: &dyn std::fmt::Display) -> ReadError {
    ReadError::new(
        path,
        format!("this is not a Word (.docx) file: {e}"),
        "open it in Word or LibreOffice and save it as .docx",
    )
}

/// The XML parts `names` of a Word document (the first must be there; the
/// others are `None` when absent), each read up to a bound so a malformed
/// or hostile file cannot exhaust memory.
pub fn parts(path: &Path, names: &[&str]) -> Result<Vec<Option<String>>, ReadError> {
    let file = std::fs::File::open(path).map_err(|e| {
        ReadError::new(path, format!("cannot open the file: {e}"), "check the path")
    })?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| not_word(path, &e))?;
    let mut out = Vec::with_capacity(names.len());
    for (k, name) in names.iter().enumerate() {
        let part = match zip.by_name(name) {
            Ok(p) => p,
            Err(_) if k > 0 => {
                out.push(None);
                continue;
            }
            Err(e) => return Err(not_word(path, &e)),
        };
        let mut xml = String::new();
        // Real plans are a few megabytes at most.
        part.take(MAX_XML + 1)
            .read_to_string(&mut xml)
            .map_err(|e| not_word(path, &e))?;
        if xml.len() as u64 > MAX_XML {
            return Err(ReadError::new(
                path,
                format!("the part {name} of the document is larger than 256 MB"),
                "split the document, or save the appendix table alone as .docx or .xlsx",
            ));
        }
        out.push(Some(xml));
    }
    Ok(out)
}

/// Parses the XML of `word/document.xml` into its tables.
pub fn parse_document(xml: &str) -> Result<Vec<Table>, roxmltree::Error> {
    let doc = Document::parse(xml)?;
    let Some(body) = doc.descendants().find(|n| is(n, "body")) else {
        return Ok(Vec::new());
    };
    let mut tables = Vec::new();
    let mut before: Vec<String> = Vec::new();
    for node in body.children().filter(Node::is_element) {
        if is(&node, "p") {
            let text = clean_text(&paragraph_text(node));
            if !text.is_empty() {
                before.push(text);
            }
        } else if is(&node, "tbl") {
            let mut t = table(node, tables.len() + 1);
            t.before = std::mem::take(&mut before);
            tables.push(t);
        } else if is(&node, "sdt") {
            // Content controls may wrap paragraphs or tables.
            for inner in node.descendants().filter(|n| is(n, "tbl")) {
                if inner.ancestors().skip(1).any(|a| is(&a, "tbl")) {
                    continue;
                }
                let mut t = table(inner, tables.len() + 1);
                t.before = std::mem::take(&mut before);
                tables.push(t);
            }
        }
    }
    Ok(tables)
}

/// True for the WordprocessingML element `name`.
pub(crate) fn is(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, name))
}

fn attr(n: Node, name: &str) -> Option<String> {
    n.attribute((W, name)).map(str::to_string)
}

/// A cell as found in a row, before vertical merges are resolved.
struct RawCell {
    text: String,
    span: usize,
    vmerge: VMerge,
}

#[derive(PartialEq)]
enum VMerge {
    None,
    Restart,
    Continue,
}

fn table(tbl: Node, n: usize) -> Table {
    let mut raw_rows: Vec<Vec<(usize, RawCell)>> = Vec::new();
    for tr in tbl.children().filter(|c| is(c, "tr")) {
        let mut col = 0;
        let mut cells = Vec::new();
        if let Some(before) = child(tr, "trPr")
            .and_then(|p| child(p, "gridBefore"))
            .and_then(|g| attr(g, "val"))
            .and_then(|v| v.parse::<usize>().ok())
        {
            col += before.min(64);
        }
        for tc in row_cells(tr) {
            let pr = child(tc, "tcPr");
            let span = pr
                .and_then(|p| child(p, "gridSpan"))
                .and_then(|g| attr(g, "val"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
            let vmerge = match pr.and_then(|p| child(p, "vMerge")) {
                None => VMerge::None,
                Some(v) => match attr(v, "val").as_deref() {
                    Some("restart") => VMerge::Restart,
                    _ => VMerge::Continue,
                },
            };
            let text = clean_text(&cell_text(tc));
            cells.push((col, RawCell { text, span, vmerge }));
            col += span;
        }
        raw_rows.push(cells);
    }
    let width = raw_rows
        .iter()
        .filter_map(|r| r.last().map(|(c, rc)| c + rc.span))
        .max()
        .unwrap_or(0);
    let mut rows: Vec<Vec<Cell>> = vec![vec![Cell::empty(); width]; raw_rows.len()];
    for (r, cells) in raw_rows.iter().enumerate() {
        for (c, rc) in cells {
            let (c, span) = (*c, rc.span);
            let above = if rc.vmerge == VMerge::Continue && r > 0 {
                match rows[r - 1][c] {
                    Cell::Covered { row, col } => Some((row, col)),
                    Cell::Text { .. } => Some((r - 1, c)),
                }
            } else {
                None
            };
            match above {
                Some((row, col)) => {
                    for cell in rows[r].iter_mut().skip(c).take(span) {
                        *cell = Cell::Covered { row, col };
                    }
                    if let Cell::Text {
                        rows: ref mut h, ..
                    } = rows[row][col]
                    {
                        *h = r - row + 1;
                    }
                }
                None => {
                    rows[r][c] = Cell::Text {
                        text: rc.text.clone(),
                        rows: 1,
                        cols: span,
                    };
                    for cell in rows[r].iter_mut().skip(c + 1).take(span - 1) {
                        *cell = Cell::Covered { row: r, col: c };
                    }
                }
            }
        }
    }
    Table::new(Origin::WordTable(n), rows)
}

/// The `w:tc` cells of a row, including those wrapped in content controls.
fn row_cells<'a, 'i>(tr: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for c in tr.children().filter(Node::is_element) {
        if is(&c, "tc") {
            out.push(c);
        } else if is(&c, "sdt") || is(&c, "customXml") {
            if let Some(content) = child(c, "sdtContent").or(Some(c)) {
                out.extend(content.children().filter(|x| is(x, "tc")));
            }
        }
    }
    out
}

/// A cell's paragraphs, one per line (nested tables flattened into lines).
fn cell_text(tc: Node) -> String {
    let mut lines = Vec::new();
    for p in tc.descendants().filter(|n| is(n, "p")) {
        lines.push(paragraph_text(p));
    }
    lines.join("\n")
}

/// The visible text of a paragraph: runs, tabs and breaks; deleted text
/// (tracked changes) is left out. Struck-through runs (`w:strike`,
/// `w:dstrike`) are marked `~~…~~`, a revised date as the deadline grammar
/// reads it.
fn paragraph_text(p: Node) -> String {
    let mut s = String::new();
    let mut struck = false;
    for n in p.descendants().filter(Node::is_element) {
        if n.tag_name().namespace() != Some(W) {
            continue;
        }
        if n.ancestors().any(|a| is(&a, "del")) {
            continue;
        }
        let piece = match n.tag_name().name() {
            "t" => n.text().unwrap_or(""),
            "tab" if n.parent().is_some_and(|p| is(&p, "r")) => "\t",
            "br" | "cr" => "\n",
            "noBreakHyphen" => "-",
            _ => continue,
        };
        let in_strike = n.ancestors().find(|a| is(a, "r")).is_some_and(run_struck);
        if in_strike != struck && !piece.is_empty() {
            s.push_str("~~");
            struck = in_strike;
        }
        s.push_str(piece);
    }
    if struck {
        s.push_str("~~");
    }
    s
}

/// True when a run's own properties strike it through (`<w:strike/>`,
/// `<w:dstrike/>`, not `w:val="false"`/`"0"`/`"off"`).
pub(crate) fn run_struck(r: Node) -> bool {
    child(r, "rPr").is_some_and(|pr| {
        pr.children().filter(Node::is_element).any(|x| {
            (is(&x, "strike") || is(&x, "dstrike"))
                && !matches!(
                    x.attribute((W, "val")),
                    Some("false" | "0" | "off" | "none")
                )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
        )
    }

    fn tc(text: &str, pr: &str) -> String {
        let ps: String = text
            .split('\n')
            .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{l}</w:t></w:r></w:p>"))
            .collect();
        format!("<w:tc><w:tcPr>{pr}</w:tcPr>{ps}</w:tc>")
    }

    #[test]
    fn merges_across_and_down_and_paragraph_lines() {
        let xml = doc(&format!(
            "<w:p><w:r><w:t>PHỤ LỤC</w:t></w:r></w:p><w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc("I", ""),
            tc("NHÓM", r#"<w:gridSpan w:val="2"/>"#),
            tc("1", ""),
            tc("Mục tiêu", r#"<w:vMerge w:val="restart"/>"#),
            tc("- Sở A;\n- Sở B", ""),
            tc("2", ""),
            tc("", "<w:vMerge/>"),
            tc("Sở C", ""),
        ));
        let tables = parse_document(&xml).unwrap();
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.before, vec!["PHỤ LỤC".to_string()]);
        assert_eq!(t.width(), 3);
        assert_eq!(t.text_at(0, 2), "NHÓM");
        assert_eq!(t.origin_of(0, 2), (0, 1));
        assert_eq!(t.text_at(2, 1), "Mục tiêu");
        assert_eq!(t.origin_of(2, 1), (1, 1));
        assert_eq!(t.text_at(1, 2), "- Sở A;\n- Sở B");
        assert!(matches!(t.rows[1][1], Cell::Text { rows: 2, .. }));
    }

    #[test]
    fn struck_runs_are_marked_as_a_revision() {
        let xml = doc(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:strike/></w:rPr><w:t xml:space=\"preserve\">30/6/</w:t></w:r><w:r><w:rPr><w:dstrike w:val=\"true\"/></w:rPr><w:t>2025</w:t></w:r><w:r><w:t xml:space=\"preserve\"> 30/9/2025</w:t></w:r><w:r><w:rPr><w:strike w:val=\"false\"/></w:rPr><w:t> (sửa)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        let t = &parse_document(&xml).unwrap()[0];
        assert_eq!(t.text_at(0, 0), "~~30/6/2025~~ 30/9/2025 (sửa)");
        let d = crate::model::Deadline::parse(t.text_at(0, 0), None);
        assert_eq!(d.kind.dues()[0].1.last_day().to_string(), "2025-09-30");
    }

    #[test]
    fn deleted_text_is_left_out_and_breaks_kept() {
        let xml = doc(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tháng 9</w:t></w:r><w:del><w:r><w:delText>x</w:delText><w:t>y</w:t></w:r></w:del><w:r><w:br/><w:t>2025</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        let t = &parse_document(&xml).unwrap()[0];
        assert_eq!(t.text_at(0, 0), "Tháng 9\n2025");
    }

    #[test]
    fn a_file_that_is_not_a_zip_is_an_error_with_help() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.docx");
        std::fs::write(&p, "not a zip").unwrap();
        let e = read(&p).unwrap_err();
        assert!(e.message.contains("not a Word"), "{e}");
        assert!(e.help.contains(".docx"));
    }
}
