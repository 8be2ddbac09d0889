//! Plans written as prose: a document with no task table (a directive, a
//! Party committee's plan, an official letter) assigns work in numbered or
//! bulleted paragraphs. Its paragraphs are read ([`paras`]; Word and
//! OpenDocument files with their heading and list styles), nested into an
//! outline by their labels ([`labels`], [`outline`]), and shaped into
//! groups and tasks ([`tasks`]): leads from headings and opening words,
//! cooperators and deadlines from the words ([`bodies`]), every inference a
//! `review` item. The header and signature fill `plan.md`'s front matter
//! ([`front`], [`plan_md`]).

pub mod bodies;
pub mod docx;
pub mod front;
pub mod import;
pub mod labels;
pub mod odt;
pub mod outline;
pub mod paras;
pub mod plan_md;
pub mod tasks;

use std::path::Path;

use super::ImportError;
use crate::model::deadline::Context;
use crate::model::Registry;
use paras::Para;

/// The file formats prose is read from.
pub fn reads(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown" | "docx" | "odt")
    )
}

/// The paragraphs of a prose file.
pub fn paragraphs(path: &Path) -> Result<Vec<Para>, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let text = || -> Result<String, ImportError> {
        // A regular file within the importers' size limit, never a pipe.
        let bytes = crate::tables::zip_guard::read_file(path)?;
        crate::tables::csv::decode(&bytes)
            .map(|(t, _)| t)
            .ok_or_else(|| {
                ImportError::new(
                    path,
                    "the file is not UTF-8 or UTF-16 text",
                    "save it again as UTF-8 text (in Word: File › Save As › Plain Text, encoding Unicode (UTF-8)), or import the .docx itself",
                )
            })
    };
    match ext.as_str() {
        "md" | "markdown" => Ok(paras::from_markdown(&text()?)),
        "docx" => docx::paragraphs(path),
        "odt" => odt::paragraphs(path),
        _ => Ok(paras::from_lines(&text()?)),
    }
}

/// A prose document read: its outline, front matter, and shaped tasks.
pub struct Read {
    /// The outline.
    pub doc: outline::Doc,
    /// The front matter read from its header and signature.
    pub front: front::Front,
    /// Groups and tasks, narrative sections, and where each task is.
    pub shaped: tasks::Shaped,
}

/// Reads a prose document and shapes it against the registries.
pub fn read(path: &Path, own: &Registry, reference: &Registry) -> Result<Read, ImportError> {
    let paras = paragraphs(path)?;
    let doc = outline::build(paras);
    let front = front::read(&doc.preamble, &doc.closing);
    let year = front.date.map(|d| chrono::Datelike::year(&d));
    let bodies = bodies::Registries { own, reference };
    let time = Context {
        year,
        ..Context::default()
    };
    let shaped = tasks::shape(&doc, &bodies, time);
    if shaped.at.is_empty() {
        return Err(ImportError::new(
            path,
            "no task was found: the document has no numbered or bulleted items in a section that assigns work",
            "a plan's table is imported without --prose; a document whose tasks cannot be read is started by hand with `minhbach new ID`",
        ));
    }
    Ok(Read { doc, front, shaped })
}
