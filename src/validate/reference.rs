//! The built-in reference registry of national bodies, checked once and
//! turned into a [`Reference`]: the same rules as `agencies.yaml`, and
//! every `source` a key of the file's documents.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::raw::{AgenciesFile, AgencyEntry, ReferenceFile};
use crate::load::Loaded;
use crate::model::agency::reference::{Provenance, Reference, Source};
use crate::model::AgencyId;

/// The reference registry, read once; an error (a fault of the built-in
/// file, which a test keeps from shipping) says what is wrong.
pub fn builtin() -> Result<&'static Reference, String> {
    static REFERENCE: OnceLock<Result<Reference, String>> = OnceLock::new();
    REFERENCE
        .get_or_init(|| {
            let file = crate::load::reference::parse().map_err(|d| d.to_string())?;
            let mut diags = Diagnostics::default();
            let r = reference(file, &mut diags);
            let error = diags
                .iter()
                .find(|d| d.severity == crate::diagnostics::Severity::Error)
                .map(ToString::to_string);
            match error {
                Some(e) => Err(e),
                None => Ok(r),
            }
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Source values that are not keys: no establishing document was found,
/// or the English name comes from the press or the registry's own pattern.
const NOT_KEYS: [&str; 3] = ["unverified", "press", "convention"];

/// Checks the reference file and builds the [`Reference`].
pub fn reference(file: Loaded<ReferenceFile>, diags: &mut Diagnostics) -> Reference {
    let Loaded { path, value, spans } = file;
    let ReferenceFile {
        sources,
        agencies,
        ambiguous,
        ..
    } = value;
    let mut provenance = HashMap::new();
    let mut entries = Vec::with_capacity(agencies.len());
    for (i, e) in agencies.into_iter().enumerate() {
        let keys = e.source.to_vec();
        let mut named: Vec<(String, String)> = keys
            .iter()
            .enumerate()
            .map(|(j, k)| (k.clone(), format!("agencies.{i}.source.{j}")))
            .collect();
        named.extend(
            e.successor
                .as_ref()
                .and_then(|s| s.source.clone())
                .map(|k| (k, format!("agencies.{i}.successor.source"))),
        );
        named.extend(
            e.name_en_source
                .clone()
                .map(|k| (k, format!("agencies.{i}.name_en_source"))),
        );
        for (k, at) in named {
            if !sources.contains_key(&k) && !NOT_KEYS.contains(&k.as_str()) {
                diags.push(
                    Diagnostic::error(
                        spans.locate(&path, &at),
                        format!("the source {k:?} is not a key of `sources`"),
                    )
                    .with_help("add the document under `sources`, or use an existing key"),
                );
            }
        }
        if let Some(id) = AgencyId::new(e.id.clone()) {
            provenance.insert(
                id,
                Provenance {
                    sources: keys
                        .into_iter()
                        .filter(|k| sources.contains_key(k))
                        .collect(),
                    successor_source: e.successor.as_ref().and_then(|s| s.source.clone()),
                    from: e.from,
                    name_en_source: e.name_en_source.clone(),
                },
            );
        }
        entries.push(AgencyEntry {
            id: e.id,
            name: e.name,
            name_en: e.name_en,
            short: e.short,
            kind: e.kind,
            level: e.level,
            parent: e.parent,
            aliases: e.aliases,
            members: e.members,
            successor: e.successor,
            note: e.note,
            review: false,
            source: None,
        });
    }
    let ambiguous = ambiguous
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let ids = a
                .candidates
                .iter()
                .filter_map(|c| {
                    let id = AgencyId::new(c.clone());
                    if id.is_none() || !entries.iter().any(|e| e.id == *c) {
                        diags.push(
                            Diagnostic::error(
                                spans.locate(&path, &format!("ambiguous.{i}.candidates")),
                                format!("the candidate {c:?} is not an agency id of the file"),
                            )
                            .with_help("use the id of an entry of `agencies`"),
                        );
                    }
                    id
                })
                .collect();
            (a.text, ids)
        })
        .collect();
    let loaded = Loaded {
        path,
        value: AgenciesFile { agencies: entries },
        spans,
    };
    let registry = super::agencies::registry(&loaded, diags);
    let sources: BTreeMap<String, Source> = sources
        .into_iter()
        .map(|(k, s)| {
            (
                k,
                Source {
                    title: s.title,
                    checked: s.checked,
                    number: s.number,
                    date: s.date,
                    effective: s.effective,
                    url: s.url,
                },
            )
        })
        .collect();
    Reference::new(registry, provenance, sources, ambiguous)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agency::reference::Found;

    #[test]
    fn the_builtin_file_is_valid() {
        let r = builtin().unwrap();
        assert!(r.registry().all().len() >= 7);
    }

    #[test]
    fn abbreviations_and_successors() {
        let r = builtin().unwrap();
        let Found::Body(a) = r.find("Bộ TTTT") else {
            panic!("Bộ TTTT")
        };
        assert_eq!(a.name, "Bộ Thông tin và Truyền thông");
        let next: Vec<&str> = r
            .successors(&a.id)
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(next, ["Bộ Khoa học và Công nghệ"]);
        assert!(
            matches!(r.find("bộ  kh&cn"), Found::Body(b) if b.name == "Bộ Khoa học và Công nghệ")
        );
        assert!(matches!(r.find("BTC"), Found::Ambiguous(_)));
        assert!(matches!(r.find("Sở Du lịch"), Found::Unknown));
    }
}
