//! Reading a printed agency cell against the registry: names that match
//! nothing are errors, named from the reference registry of national
//! bodies when it knows them, else suggested as new registry entries (or as
//! the closest registered name when that is a likely misspelling); words
//! that fit no body's name, and words left over after a recognised name,
//! are warnings, so nothing is dropped silently.

use crate::diagnostics::{short, Diagnostic, Diagnostics, Location};
use crate::model::agency::names;
use crate::model::agency::reference::{Found, Reference};
use crate::model::ids::slugify;
use crate::model::plan::AgencyCell;
use crate::model::Agency;
use crate::model::Registry;

/// Resolves `text` (the cell as printed) into an [`AgencyCell`].
pub fn agency_cell(
    registry: &Registry,
    text: &str,
    location: Location,
    field: &str,
    diags: &mut Diagnostics,
) -> AgencyCell {
    let reference = super::reference::builtin().ok();
    let res = match reference {
        Some(r) => registry.resolve_split(text, r.registry()),
        None => registry.resolve(text),
    };
    for u in &res.unknown {
        let name = &u.text;
        let new_entry = format!(
            "add it to agencies.yaml as a new agency, e.g. `- id: {}` with `name: {:?}`",
            short(&slugify(&short(name))),
            short(name)
        );
        let found = reference.map(|r| (r, r.find(name)));
        let suggestion = || registry.suggest(name);
        let help = match found {
            // The reference knows the body: say which, never suggest another.
            Some((r, Found::Body(b))) => reference_help(r, b, name),
            Some((r, Found::Ambiguous(ids))) if !ids.is_empty() => format!(
                "{:?} may name several bodies ({}): write the body's full name in the cell",
                short(name),
                ids.iter()
                    .filter_map(|i| r.get(i))
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            _ => match suggestion() {
                Some(s) => format!(
                    "did you mean {s}? If so, add this spelling to that agency's `aliases`; otherwise {new_entry}"
                ),
                // Words that fit no body's name (no kind word such as Bộ,
                // Sở, UBND before a proper name): a warning quoting them.
                None if !names::looks_like_a_body(name) => {
                    diags.push(
                        Diagnostic::warning(
                            location.clone(),
                            format!(
                                "the words {:?} in `{field}` (from character {} of the cell) fit no body's name; they are kept as text and the task is on no agency's page for them",
                                short(name),
                                u.at
                            ),
                        )
                        .with_help(format!(
                            "if they name a body, write its full name (`Sở …`, `Ủy ban nhân dân …`) or {new_entry}; if they describe the work, move them to the task or a note"
                        )),
                    );
                    continue;
                }
                None if !name.contains(char::is_whitespace) => format!(
                    "{:?} alone does not name one body: write the full name in the cell, or {new_entry}",
                    short(name)
                ),
                None => new_entry,
            },
        };
        let d = Diagnostic::error(
            location.clone(),
            format!(
                "unknown agency name {:?} in `{field}` (from character {} of the cell)",
                short(name),
                u.at
            ),
        );
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

/// What to say of a name the reference registry of national bodies knows:
/// its official name, the body it was merged into, and how to add it.
fn reference_help(r: &Reference, b: &Agency, name: &str) -> String {
    let next = r.successors(&b.id);
    let merged = match next.last() {
        Some(s) => format!(
            ", merged into {}{}",
            s.name,
            b.successor
                .as_ref()
                .and_then(|x| x.date)
                .map(|d| format!(" from {}", d.format("%d/%m/%Y")))
                .unwrap_or_default()
        ),
        None => String::new(),
    };
    format!(
        "{:?} is {:?} in the reference registry of national bodies{merged}: add it to agencies.yaml with `minhbach import-plan … --add-agencies`, or copy its entry from {} (id `{}`)",
        short(name),
        b.name,
        crate::load::reference::PATH,
        b.id
    )
}
