//! OpenDocument text (`.odt`, the open format many public offices must
//! use) tables: reads `content.xml` from the zip and turns each top-level
//! `table:table` into a [`Table`], following `number-columns-spanned`,
//! `number-rows-spanned` and covered cells. Paragraphs of a cell become lines.

use std::io::Read;
use std::path::Path;

use roxmltree::{Document, Node};

use super::{clean_text, Cell, Origin, ReadError, Table};

const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
/// OpenDocument's text namespace.
pub(crate) const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

/// Largest `content.xml` read, in bytes.
const MAX_XML: u64 = 256 * 1024 * 1024;

/// Reads every top-level table of an OpenDocument text, in document order.
pub fn read(path: &Path) -> Result<Vec<Table>, ReadError> {
    let xml = content(path)?;
    parse(&xml).map_err(|e| not_odt(path, &e))
}

fn not_odt(path: &Path, e: &dyn std::fmt::Display) -> ReadError {
    ReadError::new(
        path,
        format!("this is not an OpenDocument text (.odt) file: {e}"),
        "open it in LibreOffice or Word and save it as .odt or .docx",
    )
}

/// The `content.xml` of an OpenDocument file, read up to a bound.
pub fn content(path: &Path) -> Result<String, ReadError> {
    let file = std::fs::File::open(path).map_err(|e| {
        ReadError::new(path, format!("cannot open the file: {e}"), "check the path")
    })?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| not_odt(path, &e))?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .map_err(|e| not_odt(path, &e))?
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| not_odt(path, &e))?;
    Ok(xml)
}

/// Parses the XML of `content.xml` into its tables.
pub fn parse(xml: &str) -> Result<Vec<Table>, roxmltree::Error> {
    let doc = Document::parse(xml)?;
    let mut tables = Vec::new();
    let mut before: Vec<String> = Vec::new();
    let Some(body) = doc.descendants().find(|n| {
        n.tag_name().name() == "text" && n.parent().is_some_and(|p| p.tag_name().name() == "body")
    }) else {
        return Ok(tables);
    };
    walk(body, &mut tables, &mut before);
    Ok(tables)
}

/// Body-level paragraphs and tables, in order (sections and lists entered).
fn walk(node: Node, tables: &mut Vec<Table>, before: &mut Vec<String>) {
    for n in node.children().filter(Node::is_element) {
        if n.has_tag_name((TEXT, "p")) || n.has_tag_name((TEXT, "h")) {
            let t = clean_text(&paragraph_text(n));
            if !t.is_empty() {
                before.push(t);
            }
        } else if n.has_tag_name((TABLE, "table")) {
            let mut t = table(n, tables.len() + 1);
            t.before = std::mem::take(before);
            tables.push(t);
        } else {
            walk(n, tables, before);
        }
    }
}

fn count(n: &Node, attr: &str) -> usize {
    n.attribute((TABLE, attr))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 1024)
}

fn table(tbl: Node, n: usize) -> Table {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let row_nodes = tbl.descendants().filter(|x| {
        x.has_tag_name((TABLE, "table-row"))
            && x.ancestors()
                .find(|a| a.has_tag_name((TABLE, "table")))
                .is_some_and(|a| a == tbl)
    });
    for row in row_nodes {
        // Repeated empty rows at the end of a table are not content.
        let repeat = count(&row, "number-rows-repeated").min(64);
        for _ in 0..repeat {
            let mut cells: Vec<Cell> = Vec::new();
            for cell in row.children().filter(|x| {
                x.has_tag_name((TABLE, "table-cell"))
                    || x.has_tag_name((TABLE, "covered-table-cell"))
            }) {
                let times = count(&cell, "number-columns-repeated").min(64);
                for _ in 0..times {
                    if cell.has_tag_name((TABLE, "covered-table-cell")) {
                        // Filled in below from the spanning cell.
                        cells.push(Cell::empty());
                        continue;
                    }
                    let text = clean_text(
                        &cell
                            .children()
                            .filter(|p| p.has_tag_name((TEXT, "p")) || p.has_tag_name((TEXT, "h")))
                            .map(paragraph_text)
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                    cells.push(Cell::Text {
                        text,
                        rows: count(&cell, "number-rows-spanned"),
                        cols: count(&cell, "number-columns-spanned"),
                    });
                }
            }
            rows.push(cells);
        }
    }
    // Spans cover the positions right and below their cell.
    let spans: Vec<(usize, usize, usize, usize)> = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter_map(move |(c, cell)| match cell {
                    Cell::Text { rows, cols, .. } if *rows > 1 || *cols > 1 => {
                        Some((r, c, *rows, *cols))
                    }
                    _ => None,
                })
        })
        .collect();
    for (r, c, h, w) in spans {
        for (rr, row) in rows.iter_mut().enumerate().skip(r).take(h) {
            for (cc, cell) in row.iter_mut().enumerate().skip(c).take(w) {
                if (rr, cc) != (r, c) {
                    *cell = Cell::Covered { row: r, col: c };
                }
            }
        }
    }
    Table::new(Origin::WordTable(n), rows)
}

/// The text of a paragraph: spans, `text:s` spaces, tabs and line breaks.
/// Struck-through text (an automatic style whose
/// `style:text-line-through-style` is not `none`) is marked `~~…~~`, a
/// revised date as the deadline grammar reads it.
pub(crate) fn paragraph_text(p: Node) -> String {
    marked(p, false)
}

fn marked(p: Node, in_struck: bool) -> String {
    let struck = !in_struck && struck_style(p);
    let text = span_text(p, in_struck || struck);
    if struck && !text.trim().is_empty() {
        format!("~~{text}~~")
    } else {
        text
    }
}

fn span_text(p: Node, in_struck: bool) -> String {
    let mut s = String::new();
    for n in p.children() {
        if n.is_text() {
            s.push_str(n.text().unwrap_or(""));
        } else if n.has_tag_name((TEXT, "s")) {
            let k = n
                .attribute((TEXT, "c"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .min(64);
            s.push_str(&" ".repeat(k));
        } else if n.has_tag_name((TEXT, "tab")) {
            s.push('\t');
        } else if n.has_tag_name((TEXT, "line-break")) {
            s.push('\n');
        } else if n.has_tag_name((TEXT, "note")) {
            // Footnotes are not cell text.
        } else if n.is_element() {
            s.push_str(&marked(n, in_struck));
        }
    }
    s
}

const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/// True when the element's automatic style strikes its text through.
fn struck_style(n: Node) -> bool {
    let Some(name) = n.attribute((TEXT, "style-name")) else {
        return false;
    };
    n.document()
        .root_element()
        .children()
        .filter(|c| c.tag_name().name() == "automatic-styles")
        .flat_map(|styles| styles.children())
        .filter(|st| {
            st.has_tag_name((STYLE, "style")) && st.attribute((STYLE, "name")) == Some(name)
        })
        .flat_map(|st| st.children())
        .filter(|tp| tp.has_tag_name((STYLE, "text-properties")))
        .any(|tp| {
            tp.attribute((STYLE, "text-line-through-style"))
                .is_some_and(|v| v != "none")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struck_spans_are_marked_as_a_revision() {
        let xml = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles>
            <style:style style:name="T1" style:family="text"><style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/></style:style>
            <style:style style:name="T2" style:family="text"><style:text-properties style:text-line-through-style="none" fo:font-weight="bold" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"/></style:style>
            </office:automatic-styles><office:body><office:text>
            <table:table><table:table-row><table:table-cell><text:p><text:span text:style-name="T1">Tháng 6/2025</text:span> <text:span text:style-name="T2">Tháng 9/2025</text:span></text:p></table:table-cell></table:table-row></table:table>
            </office:text></office:body></office:document-content>"#;
        let t = &parse(xml).unwrap()[0];
        assert_eq!(t.text_at(0, 0), "~~Tháng 6/2025~~ Tháng 9/2025");
        let d = crate::model::Deadline::parse(t.text_at(0, 0), None);
        assert_eq!(d.kind.dues()[0].1.last_day().to_string(), "2025-09-30");
    }

    #[test]
    fn spans_covered_cells_and_paragraphs() {
        let xml = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
            <text:p>PHỤ LỤC</text:p>
            <table:table><table:table-column table:number-columns-repeated="3"/>
              <table:table-row><table:table-cell><text:p>I</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>NHÓM</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
              <table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell table:number-rows-spanned="2"><text:p>Mục<text:s text:c="2"/>tiêu</text:p></table:table-cell><table:table-cell><text:p>- Sở A;</text:p><text:p>- Sở <text:span>B</text:span></text:p></table:table-cell></table:table-row>
              <table:table-row><table:table-cell><text:p>2</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>Sở C</text:p></table:table-cell></table:table-row>
            </table:table></office:text></office:body></office:document-content>"#;
        let t = &parse(xml).unwrap()[0];
        assert_eq!(t.before, vec!["PHỤ LỤC".to_string()]);
        assert_eq!(t.text_at(0, 2), "NHÓM");
        assert_eq!(t.origin_of(0, 2), (0, 1));
        assert_eq!(t.text_at(2, 1), "Mục  tiêu");
        assert_eq!(t.origin_of(2, 1), (1, 1));
        assert_eq!(t.text_at(1, 2), "- Sở A;\n- Sở B");
    }
}
