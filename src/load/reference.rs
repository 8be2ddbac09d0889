//! The reference registry's text, built into the program
//! (`data/agencies-vn.yaml`), and its parse.

use std::path::Path;

use super::raw::ReferenceFile;
use super::Loaded;
use crate::diagnostics::Diagnostic;

/// Where the built-in file comes from, for messages.
pub const PATH: &str = "data/agencies-vn.yaml";

/// The file's text.
pub const TEXT: &str = include_str!("../../data/agencies-vn.yaml");

/// Parses the built-in file.
pub fn parse() -> Result<Loaded<ReferenceFile>, Diagnostic> {
    let path = Path::new(PATH);
    // Read behind a lock: on this thread alone (see `yaml::parse_serial`).
    let (value, spans) = super::yaml::parse_serial::<ReferenceFile>(TEXT, path, 0)?;
    Ok(Loaded {
        path: path.to_path_buf(),
        value,
        spans,
    })
}
