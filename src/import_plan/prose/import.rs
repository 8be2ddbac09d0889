//! `import-plan` on a document written as prose: its outline shaped into
//! the same `tasks.yaml` a table gives, a summary saying which sections
//! were read as tasks and which as narrative, and a `plan.md` whose front
//! matter is read from the document.

use super::super::structure::Imported;
use super::super::summary::Summary;
use super::super::write::Comments;
use super::super::{ImportError, ImportOptions};
use super::tasks::Role;
use crate::model::Registry;

/// Reads `opts.file` as prose: the import, no cell comments, the summary,
/// and the text of `plan.md`.
pub fn read(
    opts: &ImportOptions,
    own: &Registry,
    reference: &Registry,
    source: &str,
) -> Result<(Imported, Comments, Summary, String), ImportError> {
    let r = super::read(&opts.file, own, reference)?;
    let mut summary = Summary {
        table: "the document as prose (numbered and bulleted paragraphs)".into(),
        ..Summary::default()
    };
    summary.sections = r
        .shaped
        .sections
        .iter()
        .map(|(h, role)| {
            let how = match role {
                Role::Tasks => "tasks",
                Role::Narrative => "narrative (kept in plan.md)",
            };
            (h.clone(), how.to_string())
        })
        .collect();
    for (at, phrase) in &r.shaped.mentioned {
        summary.remarks.push(format!(
            "{at}: the date {phrase:?} is mentioned, not set as a time limit: not taken as a deadline"
        ));
    }
    summary.rows_at = r.shaped.at.clone();
    let mut imported = r.shaped.imported;
    super::super::ids::assign_ids(&mut imported.groups);
    summary.count(&imported);
    let issuer = r
        .front
        .issuer_name
        .as_deref()
        .and_then(|n| own.lookup(n))
        .map(|a| a.id.to_string());
    let plan = super::plan_md::text(&opts.id, source, &r.front, &r.doc, issuer.as_deref());
    Ok((imported, Comments::new(), summary, plan))
}
