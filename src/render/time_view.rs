//! A time cell as the pages show it: the words as printed, their meaning
//! in the page's language, and the printed words split into quoted parts.

use serde::Serialize;

use crate::model::{Deadline, DeadlineKind};

use super::i18n::Locale;

/// A deadline or start time: the words as printed and their meaning.
#[derive(Serialize)]
pub struct TimeView {
    /// As printed.
    pub text: String,
    /// Meaning in words.
    pub words: String,
    /// The same words in stretches, the plan's own words in them (an
    /// event's, a milestone's label) marked as content, so a page in
    /// another language gives them their language.
    pub parts: Vec<WordsPart>,
    /// `due`, `span`, `milestones`, `recurring`, `ongoing`, `open_start`, `unscheduled`, `unknown`.
    pub kind: &'static str,
    /// True when the office stated the meaning (`deadline_meaning`), not the grammar.
    pub stated: bool,
    /// True when `import-plan` stated the meaning from the file (`by:
    /// import`): an importer's reading, not the office's.
    pub imported: bool,
}

/// A stretch of a meaning's words.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct WordsPart {
    /// The words.
    pub text: String,
    /// True for the plan's own words (in the content's language).
    pub content: bool,
}

/// The plan's own words a meaning quotes: events' words and milestone
/// labels, in order.
fn quoted(kind: &DeadlineKind, out: &mut Vec<String>) {
    match kind {
        DeadlineKind::Unscheduled {
            event: Some(e),
            offset: Some(_),
            ..
        } => out.push(e.clone()),
        DeadlineKind::Milestones { items } => {
            for m in items {
                if let Some(l) = &m.label {
                    out.push(l.clone());
                }
                quoted(&m.kind, out);
            }
        }
        _ => {}
    }
}

/// Cuts `words` at the plan's own words quoted in them, in order.
fn parts(words: &str, kind: &DeadlineKind) -> Vec<WordsPart> {
    let mut quotes = Vec::new();
    quoted(kind, &mut quotes);
    let mut out = Vec::new();
    let mut rest = words;
    for q in quotes.iter().filter(|q| !q.is_empty()) {
        let Some(at) = rest.find(q.as_str()) else {
            continue;
        };
        if at > 0 {
            out.push(WordsPart {
                text: rest[..at].to_string(),
                content: false,
            });
        }
        out.push(WordsPart {
            text: q.clone(),
            content: true,
        });
        rest = &rest[at + q.len()..];
    }
    if !rest.is_empty() {
        out.push(WordsPart {
            text: rest.to_string(),
            content: false,
        });
    }
    out
}

impl TimeView {
    /// Builds the view of a parsed time.
    pub fn new(d: &Deadline, l: &Locale) -> Self {
        let kind = d.kind.name();
        let words = l.deadline(&d.kind).unwrap_or_else(|_| d.kind.describe());
        TimeView {
            text: d.text.clone(),
            parts: parts(&words, &d.kind),
            words,
            kind,
            stated: d.meaning == crate::model::deadline::MeaningSource::Stated,
            imported: d.meaning == crate::model::deadline::MeaningSource::Imported,
        }
    }

    /// Builds the view of a start time.
    pub fn start(d: &Deadline, l: &Locale) -> Self {
        let words = l.start(&d.kind).unwrap_or_else(|_| d.kind.describe_start());
        TimeView {
            parts: parts(&words, &d.kind),
            words,
            ..TimeView::new(d, l)
        }
    }
}
