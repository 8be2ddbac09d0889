//! Word (`.docx`) tables: reads `word/document.xml` from the zip and turns
//! each `w:tbl` into a [`Table`], following `w:gridSpan` (merged across) and
//! `w:vMerge` (merged down). Paragraphs of a cell become lines.

use std::path::Path;

use roxmltree::{Document, Node};

use super::grid::{self, Budget};
use super::{clean_text, xml_guard, zip_guard, Cell, Origin, ReadError, Table};

/// WordprocessingML's namespace.
pub(crate) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const RESAVE: &str = "open it in Word or LibreOffice and save it as .docx";

/// Reads every top-level table of a Word document, in document order.
pub fn read(path: &Path) -> Result<Vec<Table>, ReadError> {
    let mut zip = zip_guard::open(path, "a Word (.docx) file", RESAVE)?;
    let Some(xml) = zip_guard::part(path, &mut zip, "word/document.xml")? else {
        return Err(no_part(path, "word/document.xml"));
    };
    drop(zip);
    parse_at(path, &xml)
}

fn no_part(path: &Path, name: &str) -> ReadError {
    ReadError::new(
        path,
        format!("this is not a Word (.docx) file: it has no {name}"),
        RESAVE,
    )
}

/// The XML parts `names` of a Word document (the first must be there; the
/// others are `None` when absent), the archive checked and each part read
/// within the limits so a malformed or hostile file cannot exhaust memory.
pub fn parts(path: &Path, names: &[&str]) -> Result<Vec<Option<String>>, ReadError> {
    let mut zip = zip_guard::open(path, "a Word (.docx) file", RESAVE)?;
    let mut out = Vec::with_capacity(names.len());
    for (k, name) in names.iter().enumerate() {
        let part = zip_guard::part(path, &mut zip, name)?;
        if let Some(xml) = &part {
            xml_guard::check(path, name, xml)?;
        } else if k == 0 {
            return Err(no_part(path, name));
        }
        out.push(part);
    }
    Ok(out)
}

/// Parses the XML of `word/document.xml` into its tables (for tests).
pub fn parse_document(xml: &str) -> Result<Vec<Table>, ReadError> {
    parse_at(Path::new("word/document.xml"), xml)
}

/// Parses the XML of `word/document.xml` of `path` into its tables,
/// within the table limits.
fn parse_at(path: &Path, xml: &str) -> Result<Vec<Table>, ReadError> {
    xml_guard::check(path, "word/document.xml", xml)?;
    let doc = Document::parse_with_options(xml, xml_guard::options()).map_err(|e| {
        ReadError::new(
            path,
            format!("this is not a Word (.docx) file: {e}"),
            RESAVE,
        )
    })?;
    let Some(body) = doc.descendants().find(|n| is(n, "body")) else {
        return Ok(Vec::new());
    };
    let mut budget = Budget::default();
    let mut tables = Vec::new();
    let mut before: Vec<String> = Vec::new();
    for node in body.children().filter(Node::is_element) {
        if is(&node, "p") {
            let text = clean_text(&paragraph_text(node));
            if !text.is_empty() {
                before.push(text);
            }
        } else if is(&node, "tbl") {
            let mut t = table(path, node, tables.len() + 1, &mut budget)?;
            t.before = std::mem::take(&mut before);
            tables.push(t);
        } else if is(&node, "sdt") {
            // Content controls may wrap paragraphs or tables.
            for inner in node.descendants().filter(|n| is(n, "tbl")) {
                if inner.ancestors().skip(1).any(|a| is(&a, "tbl")) {
                    continue;
                }
                let mut t = table(path, inner, tables.len() + 1, &mut budget)?;
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

fn table(path: &Path, tbl: Node, n: usize, budget: &mut Budget) -> Result<Table, ReadError> {
    let mut raw_rows: Vec<Vec<(usize, RawCell)>> = Vec::new();
    let place = |r: usize, c: usize| format!("table {n}, row {}, column {}", r + 1, c + 1);
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
            let r = raw_rows.len();
            if !text.is_empty() {
                grid::check_text(path, || place(r, col), &text)?;
                budget.take(path, 1, text.len() as u64, || place(r, col))?;
            }
            cells.push((col, RawCell { text, span, vmerge }));
            col += span;
        }
        // Empty cells at the end of a row hold nothing: they do not widen
        // the grid.
        while cells
            .last()
            .is_some_and(|(_, c)| c.text.is_empty() && c.span == 1 && c.vmerge == VMerge::None)
        {
            cells.pop();
        }
        raw_rows.push(cells);
    }
    let width = raw_rows
        .iter()
        .filter_map(|r| r.last().map(|(c, rc)| c + rc.span))
        .max()
        .unwrap_or(0);
    grid::check_positions(
        path,
        &format!("table {n}: its rows"),
        raw_rows.len() as u64,
        width as u64,
    )?;
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
    Ok(Table::new(Origin::WordTable(n), rows))
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
        // Rows of 70 empty cells spanning 64 columns each, then one word:
        // 1,000 rows of 4,481 positions, refused before they are made.
        let row = format!(
            "<w:tr>{}{}</w:tr>",
            tc("", r#"<w:gridSpan w:val="64"/>"#).repeat(70),
            tc("x", "")
        );
        let e = parse_document(&doc(&format!("<w:tbl>{}</w:tbl>", row.repeat(1_000)))).unwrap_err();
        assert!(
            e.message
                .contains("table 1: its rows span 1000 rows × 4481 columns"),
            "{e}"
        );
    }
}
