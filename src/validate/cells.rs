//! Reading a printed agency cell against the registry, reporting names that
//! match nothing with the closest registered name.

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
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
    for name in &res.unknown {
        let d = Diagnostic::error(
            location.clone(),
            format!("unknown agency name {name:?} in `{field}`"),
        );
        let d = match registry.suggest(name) {
            Some(s) => d.with_help(format!(
                "did you mean {s}? If it is another spelling of a registered agency, add it to that agency's `aliases` in agencies.yaml; otherwise add a new agency"
            )),
            None => d.with_help("add the agency (or this spelling as an alias) to agencies.yaml"),
        };
        diags.push(d);
    }
    AgencyCell {
        text: text.to_string(),
        agencies: res.ids(),
        segments: res.segments,
    }
}
