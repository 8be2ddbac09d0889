//! The bounds every input is held to, chosen once (and documented in
//! docs/content.md, "Limits"): a small hostile or damaged file must be
//! refused in bounded time and memory, with a message saying which limit it
//! passed and how to change it, never exhaust the machine.
//!
//! Each [`Limit`] is checked where its input comes in (the YAML reader, the
//! zip and table readers, the output stage), before any work whose cost
//! grows faster than the input.

use std::fmt;

/// One bound: what it counts, its value, and whether (and how) it can be
/// changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// What the value counts, written after it ("characters per field";
    /// "per file" after a size in MB).
    pub what: &'static str,
    /// What a count found is a count of ("characters"; empty for sizes).
    pub noun: &'static str,
    /// The largest value accepted.
    pub max: u64,
    /// The unit the value is counted in, for messages.
    pub unit: Unit,
    /// How to stay within it (the limit itself is fixed), or how to change it.
    pub fix: &'static str,
    /// True when `fix` says how to raise the limit; false when the limit is
    /// fixed and `fix` says how to stay within it.
    pub configurable: bool,
}

/// How a limit's value is written in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A count of things (nodes, cells, levels).
    Count,
    /// Bytes, written in MB.
    Bytes,
}

const MB: u64 = 1024 * 1024;

impl Limit {
    /// The value in words: `64 MB`, `20,000`.
    pub fn value(&self) -> String {
        amount(self.max, self.unit)
    }

    /// `"{found} {noun}, more than the limit of {max} {what}"`: the
    /// message's tail once the caller has said what passed it.
    pub fn passed(&self, found: u64) -> String {
        let noun = match self.unit {
            Unit::Count => format!(" {}", self.noun),
            Unit::Bytes => String::new(),
        };
        format!(
            "{}{noun}, more than the limit of {} {}",
            amount(found, self.unit),
            self.value(),
            self.what
        )
    }

    /// The help line: how to stay within the limit, and whether it can be
    /// changed.
    pub fn help(&self) -> String {
        if self.configurable {
            self.fix.to_string()
        } else {
            format!(
                "{} (this limit is fixed, not configurable; see docs/content.md, \"Limits\")",
                self.fix
            )
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value(), self.what)
    }
}

/// `n` with thousands separators, or in MB.
pub fn amount(n: u64, unit: Unit) -> String {
    match unit {
        Unit::Count => grouped(n),
        Unit::Bytes if n >= MB => format!("{} MB", grouped(n.div_ceil(MB))),
        Unit::Bytes => format!("{} bytes", grouped(n)),
    }
}

fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Bytes of one content file (YAML, Markdown, i18n), and of a file given to
/// an importer.
pub const FILE_BYTES: Limit = Limit {
    what: "per file",
    noun: "",
    max: 64 * MB,
    unit: Unit::Bytes,
    fix: "split the content into smaller files (a plan's table into appendices, reports by month)",
    configurable: false,
};

/// YAML nodes of one file, counted with every alias expanded: a few
/// kilobytes of anchors and aliases must not become gigabytes of values.
pub const YAML_NODES: Limit = Limit {
    what: "YAML values per file (aliases expanded)",
    noun: "values",
    max: 2_000_000,
    unit: Unit::Count,
    fix: "write the values out instead of repeating them with `*alias`, or split the file",
    configurable: false,
};

/// Bytes of the text values of one YAML file with every alias expanded.
pub const YAML_EXPANDED_BYTES: Limit = Limit {
    what: "of text per file (aliases expanded)",
    noun: "",
    max: 64 * MB,
    unit: Unit::Bytes,
    fix: "write the values out instead of repeating long text with `*alias`, or split the file",
    configurable: false,
};

/// Levels of nesting of a YAML file (lists and mappings inside each other).
pub const YAML_NESTING: Limit = Limit {
    what: "levels of nesting",
    noun: "levels",
    max: 64,
    unit: Unit::Count,
    fix: "close the brackets or reduce the indentation: content files nest a few levels only",
    configurable: false,
};

/// Characters of one value: a YAML text field or a table cell.
pub const FIELD_CHARS: Limit = Limit {
    what: "characters per field",
    noun: "characters",
    max: 20_000,
    unit: Unit::Count,
    fix: "shorten the text (a field holds a cell of the plan's table, not a document); put long text in the plan's narrative (plan.md)",
    configurable: false,
};

/// Characters of one plan's narrative (the Markdown after the front matter).
pub const NARRATIVE_CHARS: Limit = Limit {
    what: "characters per narrative",
    noun: "characters",
    max: 2_000_000,
    unit: Unit::Count,
    fix: "shorten the narrative: link the full document with `source_url` instead",
    configurable: false,
};

/// Characters of one word of an i18n file (a phrase shown on every page).
pub const I18N_ENTRY_CHARS: Limit = Limit {
    what: "characters per i18n entry",
    noun: "characters",
    max: 4_000,
    unit: Unit::Count,
    fix: "shorten the phrase: interface words are shown on every page",
    configurable: false,
};

/// Non-empty cells of one imported file (all its tables or sheets).
pub const CELLS: Limit = Limit {
    what: "non-empty cells per file",
    noun: "cells",
    max: 1_000_000,
    unit: Unit::Count,
    fix: "import the table alone: copy it into a new file, or split it",
    configurable: false,
};

/// Bytes of the text of all the cells of one imported file (every copy of
/// a repeated or shared cell counted): the import writes it all out.
pub const CELL_TEXT_BYTES: Limit = Limit {
    what: "of cell text per file",
    noun: "",
    max: 64 * MB,
    unit: Unit::Bytes,
    fix: "import the table alone: copy it into a new file, or split it",
    configurable: false,
};

/// Positions of one imported table: rows × columns of the smallest box
/// holding its non-empty cells (the declared range is never trusted).
pub const TABLE_POSITIONS: Limit = Limit {
    what: "positions (rows × columns) per table",
    noun: "positions",
    max: 4_000_000,
    unit: Unit::Count,
    fix: "delete the stray cells far from the table (or the empty rows and columns repeated to the sheet's end), or copy the table into a new sheet",
    configurable: false,
};

/// Uncompressed bytes of one member of a zip file (`.xlsx`, `.docx`, `.ods`,
/// `.odt`), checked before it is inflated.
pub const ZIP_MEMBER_BYTES: Limit = Limit {
    what: "uncompressed per part of the file",
    noun: "",
    max: 64 * MB,
    unit: Unit::Bytes,
    fix: "save the table alone in a new file (images and other sheets removed)",
    configurable: false,
};

/// Uncompressed bytes of all members of a zip file.
pub const ZIP_ARCHIVE_BYTES: Limit = Limit {
    what: "uncompressed per file",
    noun: "",
    max: 256 * MB,
    unit: Unit::Bytes,
    fix: "save the table alone in a new file (images and other sheets removed)",
    configurable: false,
};

/// Members of a zip file.
pub const ZIP_MEMBERS: Limit = Limit {
    what: "parts per file",
    noun: "parts",
    max: 10_000,
    unit: Unit::Count,
    fix: "save the table alone in a new file",
    configurable: false,
};

/// Levels of nesting of an XML part (Word, OpenDocument).
pub const XML_NESTING: Limit = Limit {
    what: "levels of XML nesting",
    noun: "levels",
    max: 256,
    unit: Unit::Count,
    fix: "save the table alone in a new file; tables nested in tables are read as text",
    configurable: false,
};

/// XML nodes of one part read whole (Word, OpenDocument).
pub const XML_NODES: Limit = Limit {
    what: "XML nodes per part",
    noun: "nodes",
    max: 4_000_000,
    unit: Unit::Count,
    fix: "save the table alone in a new file",
    configurable: false,
};

/// Bytes of the site a build writes, unless `site.yaml` sets
/// `max_output_mb`.
pub const OUTPUT_BYTES: Limit = Limit {
    what: "of output per build",
    noun: "",
    max: 20_000 * MB,
    unit: Unit::Bytes,
    fix: "shorten the text named above, or raise the limit with `max_output_mb: <megabytes>` in site.yaml",
    configurable: true,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_numbers() {
        assert_eq!(amount(20_000, Unit::Count), "20,000");
        assert_eq!(amount(1_048_576, Unit::Count), "1,048,576");
        assert_eq!(amount(64 * MB, Unit::Bytes), "64 MB");
        assert_eq!(amount(900, Unit::Bytes), "900 bytes");
        assert_eq!(FIELD_CHARS.to_string(), "20,000 characters per field");
        assert!(FIELD_CHARS.help().contains("fixed, not configurable"));
        assert!(OUTPUT_BYTES.help().contains("max_output_mb"));
        assert_eq!(
            FIELD_CHARS.passed(25_000),
            "25,000 characters, more than the limit of 20,000 characters per field"
        );
        assert_eq!(
            ZIP_MEMBER_BYTES.passed(100 * MB),
            "100 MB, more than the limit of 64 MB uncompressed per part of the file"
        );
    }
}
