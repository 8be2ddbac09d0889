//! `review:` items of `tasks.yaml`: what an import inferred rather than
//! read. Each is a warning of `check` until a person has checked it
//! against the document and deleted it; the model keeps them so pages can
//! label what rests on an inference.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::raw::ReviewEntry;
use crate::load::yaml::Spans;
use crate::model::inference::{Inference, InferenceKind};

/// What each kind of inference asks the office to check.
fn what_to_check(kind: InferenceKind) -> &'static str {
    match kind {
        InferenceKind::DateOrder => {
            "the order of day and month in the table's dates was decided by the import"
        }
        InferenceKind::Heading => "this row was read as the heading of a block, not as a task",
        InferenceKind::LeadFromHeading => {
            "the lead agency was taken from the heading the item stands under"
        }
        InferenceKind::LeadFromText => "the lead agency was taken from the item's opening words",
        InferenceKind::CooperateFromText => {
            "the cooperating agencies were taken from the item's words"
        }
        InferenceKind::DeadlineInText => "the deadline was found inside the item's sentence",
        InferenceKind::NumberByPosition => {
            "no number was printed: the number was made from the item's position"
        }
        InferenceKind::Narrative => "a section of the document was read as narrative, not as tasks",
        InferenceKind::FrontMatter => "a field of the front matter was read from the document",
    }
}

/// Reads the `review` items at `path` (`review`, `groups.0.review`): each
/// is a warning; an unknown `what` is an error listing the kinds.
pub fn items(
    entries: &[ReviewEntry],
    path: &str,
    file: &Path,
    spans: &Spans,
    diags: &mut Diagnostics,
) -> Vec<Inference> {
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let at = spans.locate(file, &format!("{path}.{i}"));
        let Some(kind) = InferenceKind::parse(e.what.trim()) else {
            diags.push(
                Diagnostic::error(
                    spans.locate(file, &format!("{path}.{i}.what")),
                    format!(
                        "unknown review item {:?}",
                        crate::diagnostics::short(&e.what)
                    ),
                )
                .with_help(format!("`what` is one of: {}", InferenceKind::names())),
            );
            continue;
        };
        let note = e.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        let message = match note {
            Some(n) => format!("to review: {} ({n})", what_to_check(kind)),
            None => format!("to review: {}", what_to_check(kind)),
        };
        diags.push(Diagnostic::warning(at, message).with_help(
            "check it against the document, correct the file if needed, then delete this `review` item",
        ));
        out.push(Inference {
            kind,
            note: note.map(str::to_string),
        });
    }
    out
}
