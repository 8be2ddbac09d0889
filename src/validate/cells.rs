//! Reading a printed agency cell against the registry: names that match
//! nothing are errors, suggested whole as new registry entries (or as the
//! closest registered name when that is a likely misspelling); words left
//! over after a recognised name are warnings, so nothing is dropped silently.

use crate::diagnostics::{short, Diagnostic, Diagnostics, Location};
use crate::model::ids::slugify;
use crate::model::plan::AgencyCell;
use crate::model::Registry;

/// Resolves `text` (the cell as printed) into an [`AgencyCell`].
pub fn agency_cell(
    registry: &Registry,
    text: &str,
    location: Location,
    field: &str,
    diags: &mut Diagnostics,
) -> AgencyCell {
    let res = registry.resolve(text);
    for u in &res.unknown {
        let name = &u.text;
        let d = Diagnostic::error(
            location.clone(),
            format!(
                "unknown agency name {:?} in `{field}` (from character {} of the cell)",
                short(name),
                u.at
            ),
        );
        let new_entry = format!(
            "add it to agencies.yaml as a new agency, e.g. `- id: {}` with `name: {:?}`",
            short(&slugify(&short(name))),
            short(name)
        );
        let help = match registry.suggest(name) {
            Some(s) => format!(
                "did you mean {s}? If so, add this spelling to that agency's `aliases`; otherwise {new_entry}"
            ),
            None if !name.contains(char::is_whitespace) => format!(
                "{:?} alone does not name one body: write the full name in the cell, or {new_entry}",
                short(name)
            ),
            None => new_entry,
        };
        diags.push(d.with_help(help));
    }
    for u in &res.leftover {
        let after = u.after.as_deref().unwrap_or_default();
        diags.push(
            Diagnostic::warning(
                location.clone(),
                format!(
                    "words {:?} after {:?} in `{field}` (from character {} of the cell) match no agency; they are kept as text",
                    short(&u.text), short(after), u.at
                ),
            )
            .with_help(format!(
                "if they are part of one agency's name, add the full name (\"{} {}\") to agencies.yaml; if they describe the work, move them to the task text or a note",
                short(after), short(&u.text)
            )),
        );
    }
    AgencyCell {
        text: text.to_string(),
        agencies: res.ids(),
        segments: res.segments,
    }
}
