//! OpenDocument text (`.odt`, the open format many public offices must
//! use) tables: reads `content.xml` from the zip and turns each top-level
//! `table:table` into a [`Table`], following `number-columns-spanned`,
//! `number-rows-spanned` and covered cells. Paragraphs of a cell become lines.

use std::path::Path;

use roxmltree::{Document, Node};

use super::grid::{self, Budget};
use super::{clean_text, xml_guard, zip_guard, Cell, Origin, ReadError, Table};

const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
/// OpenDocument's text namespace.
pub(crate) const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

const RESAVE: &str = "open it in LibreOffice or Word and save it as .odt or .docx";

/// Reads every top-level table of an OpenDocument text, in document order.
pub fn read(path: &Path) -> Result<Vec<Table>, ReadError> {
    let xml = content(path)?;
    parse_at(path, &xml)
}

/// The `content.xml` of an OpenDocument file, the archive checked and the
/// part read within the limits.
pub fn content(path: &Path) -> Result<String, ReadError> {
    let mut zip = zip_guard::open(path, "an OpenDocument text (.odt) file", RESAVE)?;
    let Some(xml) = zip_guard::part(path, &mut zip, "content.xml")? else {
        return Err(ReadError::new(
            path,
            "this is not an OpenDocument text (.odt) file: it has no content.xml",
            RESAVE,
        ));
    };
    xml_guard::check(path, "content.xml", &xml)?;
    Ok(xml)
}

/// Parses the XML of `content.xml` into its tables (for tests).
pub fn parse(xml: &str) -> Result<Vec<Table>, ReadError> {
    parse_at(Path::new("content.xml"), xml)
}

/// Parses the XML of `content.xml` of `path` into its tables, within the
/// table limits.
fn parse_at(path: &Path, xml: &str) -> Result<Vec<Table>, ReadError> {
    xml_guard::check(path, "content.xml", xml)?;
    let doc = Document::parse_with_options(xml, xml_guard::options()).map_err(|e| {
        ReadError::new(
            path,
            format!("this is not an OpenDocument text (.odt) file: {e}"),
            RESAVE,
        )
    })?;
    let mut tables = Vec::new();
    let mut before: Vec<String> = Vec::new();
    let Some(body) = doc.descendants().find(|n| {
        n.tag_name().name() == "text" && n.parent().is_some_and(|p| p.tag_name().name() == "body")
    }) else {
        return Ok(tables);
    };
    walk(path, body, &mut tables, &mut before, &mut Budget::default())?;
    Ok(tables)
}

/// Body-level paragraphs and tables, in order (sections and lists entered).
fn walk(
    path: &Path,
    node: Node,
    tables: &mut Vec<Table>,
    before: &mut Vec<String>,
    budget: &mut Budget,
) -> Result<(), ReadError> {
    for n in node.children().filter(Node::is_element) {
        if n.has_tag_name((TEXT, "p")) || n.has_tag_name((TEXT, "h")) {
            let t = clean_text(&paragraph_text(n));
            if !t.is_empty() {
                before.push(t);
            }
        } else if n.has_tag_name((TABLE, "table")) {
            let mut t = table(path, n, tables.len() + 1, budget)?;
            t.before = std::mem::take(before);
            tables.push(t);
        } else {
            walk(path, n, tables, before, budget)?;
        }
    }
    Ok(())
}

/// A span (at most 1,024; the grid cuts it at its edge anyway).
fn count(n: &Node, attr: &str) -> usize {
    n.attribute((TABLE, attr))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 1024)
}

/// A repeat count, whole: repeats are honoured, and bounded by the
/// positions they make.
fn repeats(n: &Node, attr: &str) -> u64 {
    n.attribute((TABLE, attr))
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, 1 << 40)
}

fn table(path: &Path, tbl: Node, n: usize, budget: &mut Budget) -> Result<Table, ReadError> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let place = |r: usize, c: u64| format!("table {n}, row {}, column {}", r + 1, c + 1);
    let row_nodes = tbl.descendants().filter(|x| {
        x.has_tag_name((TABLE, "table-row"))
            && x.ancestors()
                .find(|a| a.has_tag_name((TABLE, "table")))
                .is_some_and(|a| a == tbl)
    });
    let mut width: u64 = 0;
    // Empty rows seen since the last row with text: kept when text follows
    // (they are rows of the table), dropped at its end (not content).
    let mut empty_rows: u64 = 0;
    for row in row_nodes {
        let repeat = repeats(&row, "number-rows-repeated");
        let mut cells: Vec<Cell> = Vec::new();
        let mut filled: u64 = 0;
        let mut bytes: u64 = 0;
        for cell in row.children().filter(|x| {
            x.has_tag_name((TABLE, "table-cell")) || x.has_tag_name((TABLE, "covered-table-cell"))
        }) {
            let times = repeats(&cell, "number-columns-repeated");
            let made = if cell.has_tag_name((TABLE, "covered-table-cell")) {
                // Filled in below from the spanning cell (a placeholder
                // left unfilled becomes an empty cell).
                Cell::Covered {
                    row: usize::MAX,
                    col: 0,
                }
            } else {
                let text = clean_text(
                    &cell
                        .children()
                        .filter(|p| p.has_tag_name((TEXT, "p")) || p.has_tag_name((TEXT, "h")))
                        .map(paragraph_text)
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
                let at = cells.len() as u64;
                let r = rows.len() + empty_rows as usize;
                grid::check_text(path, || place(r, at), &text)?;
                if !text.is_empty() {
                    let b = (text.len() as u64).saturating_mul(times);
                    budget.take(path, times, b, || place(r, at))?;
                    filled = filled.saturating_add(times);
                    bytes = bytes.saturating_add(b);
                }
                Cell::Text {
                    text,
                    rows: count(&cell, "number-rows-spanned"),
                    cols: count(&cell, "number-columns-spanned"),
                }
            };
            let upto = (cells.len() as u64).saturating_add(times);
            grid::check_positions(
                path,
                &format!("table {n}, row {}: its cells", rows.len() + 1),
                1,
                upto,
            )?;
            for _ in 0..times {
                cells.push(made.clone());
            }
        }
        while cells.last() == Some(&Cell::empty()) {
            cells.pop();
        }
        if cells.is_empty() {
            empty_rows = empty_rows.saturating_add(repeat);
            continue;
        }
        let at = rows.len() + empty_rows as usize;
        budget.take(
            path,
            filled.saturating_mul(repeat - 1),
            bytes.saturating_mul(repeat - 1),
            || format!("{} (its row is repeated {repeat} times)", place(at, 0)),
        )?;
        width = width.max(cells.len() as u64);
        let total = (rows.len() as u64)
            .saturating_add(empty_rows)
            .saturating_add(repeat);
        grid::check_positions(path, &format!("table {n}: its rows"), total, width)?;
        for _ in 0..empty_rows {
            rows.push(Vec::new());
        }
        empty_rows = 0;
        for _ in 1..repeat {
            rows.push(cells.clone());
        }
        rows.push(cells);
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
    Ok(Table::new(Origin::WordTable(n), rows))
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
    fn repeated_rows_are_kept_whole_or_refused() {
        let doc = |rows: &str| {
            format!(
                r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><table:table>{rows}</table:table></office:text></office:body></office:document-content>"#
            )
        };
        // 100 copies of a row with text: all kept (no silent cut at 64);
        // empty rows between kept, at the end dropped.
        let t = &parse(&doc(r#"<table:table-row table:number-rows-repeated="100"><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row><table:table-row><table:table-cell><text:p>y</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#)).unwrap()[0];
        assert_eq!(t.rows.len(), 103);
        assert_eq!(t.text_at(99, 0), "x");
        assert_eq!(t.text_at(102, 0), "y");
        let e = parse(&doc(r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"#)).unwrap_err();
        assert!(e.message.contains("repeated 1048570 times"), "{e}");
    }

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
