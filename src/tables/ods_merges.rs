//! Merged cells of `.ods` sheets (LibreOffice, the open format many public
//! offices must use), read from `content.xml`: calamine gives their values
//! but not their spans. Spans come from `table:number-rows-spanned` and
//! `table:number-columns-spanned`, positions from the rows and cells with
//! their `-repeated` counts.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use calamine::Dimensions;
use roxmltree::{Document, Node};

const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

/// Largest `content.xml` read, in bytes.
const MAX_XML: u64 = 256 * 1024 * 1024;

/// Merged regions of every sheet, by sheet name (absolute 0-based positions).
pub fn read(path: &Path) -> Option<HashMap<String, Vec<Dimensions>>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .ok()?
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .ok()?;
    Some(parse(&xml))
}

fn count(n: &Node, attr: &str) -> u32 {
    n.attribute((TABLE, attr))
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

/// The merged regions in the XML of `content.xml`.
pub fn parse(xml: &str) -> HashMap<String, Vec<Dimensions>> {
    let mut out = HashMap::new();
    let Ok(doc) = Document::parse(xml) else {
        return out;
    };
    for table in doc
        .descendants()
        .filter(|n| n.has_tag_name((TABLE, "table")))
    {
        let name = table.attribute((TABLE, "name")).unwrap_or("").to_string();
        let mut regions = Vec::new();
        let mut r: u32 = 0;
        let rows = table
            .descendants()
            .filter(|n| n.has_tag_name((TABLE, "table-row")))
            // Rows of nested tables (inside cells) are not this table's.
            .filter(|n| {
                n.ancestors()
                    .find(|a| a.has_tag_name((TABLE, "table")))
                    .is_some_and(|a| a == table)
            });
        for row in rows {
            let repeat = count(&row, "number-rows-repeated");
            let mut c: u32 = 0;
            for cell in row.children().filter(|n| {
                n.has_tag_name((TABLE, "table-cell"))
                    || n.has_tag_name((TABLE, "covered-table-cell"))
            }) {
                let cols = count(&cell, "number-columns-repeated");
                let rs = count(&cell, "number-rows-spanned");
                let cs = count(&cell, "number-columns-spanned");
                if rs > 1 || cs > 1 {
                    regions.push(Dimensions {
                        start: (r, c),
                        end: (r.saturating_add(rs - 1), c.saturating_add(cs - 1)),
                    });
                }
                c = c.saturating_add(cols);
            }
            r = r.saturating_add(repeat);
        }
        out.insert(name, regions);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_at_their_positions() {
        let xml = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="PL">
            <table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-spanned="3"/><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
            <table:table-row><table:table-cell/><table:table-cell table:number-rows-spanned="4"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
        </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let m = parse(xml);
        let d: Vec<((u32, u32), (u32, u32))> = m["PL"].iter().map(|d| (d.start, d.end)).collect();
        assert_eq!(d, vec![((0, 2), (0, 4)), ((3, 1), (6, 1))]);
    }
}
