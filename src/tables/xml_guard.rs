//! The bounds an XML part (Word's `document.xml`, OpenDocument's
//! `content.xml`) is held to before it is read whole with `roxmltree`: a
//! streaming pass counts its nesting and its nodes, so a deep or huge part
//! is refused in linear time, and the tree built afterwards is bounded
//! (the readers walk it looking at ancestors, which deep nesting would
//! make quadratic).

use std::path::Path;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::ReadError;
use crate::limits::{self, Limit};

/// Checks the nesting and node count of `xml` (part `part` of `path`);
/// malformed XML is left for the tree parser to report.
pub fn check(path: &Path, part: &str, xml: &str) -> Result<(), ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut depth: u64 = 0;
    let mut nodes: u64 = 0;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(_) => return Ok(()),
        };
        match event {
            Event::Start(_) => {
                depth += 1;
                nodes += 1;
                if depth > limits::XML_NESTING.max {
                    return Err(over(path, part, &limits::XML_NESTING, depth));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof => return Ok(()),
            _ => nodes += 1,
        }
        if nodes > limits::XML_NODES.max {
            return Err(over(path, part, &limits::XML_NODES, nodes));
        }
    }
}

/// Options for `roxmltree` with the node limit set.
pub fn options() -> roxmltree::ParsingOptions {
    roxmltree::ParsingOptions {
        nodes_limit: u32::try_from(limits::XML_NODES.max.saturating_mul(2)).unwrap_or(u32::MAX),
        ..roxmltree::ParsingOptions::default()
    }
}

fn over(path: &Path, part: &str, limit: &Limit, found: u64) -> ReadError {
    ReadError::new(
        path,
        format!("the part {part:?} holds {}", limit.passed(found)),
        limit.help(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let xml = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        let e = check(Path::new("d.docx"), "word/document.xml", &xml).unwrap_err();
        assert!(e.message.contains("257 levels"), "{e}");
        assert!(check(Path::new("d.docx"), "x", "<a><b>t</b></a>").is_ok());
    }
}
