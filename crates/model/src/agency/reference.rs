//! The reference registry of national bodies shipped with the program:
//! ministries and other central bodies, before and after the 2025
//! mergers, and the provinces' People's Committees, each with the legal
//! document that made it. An office's own `agencies.yaml` stays the
//! registry its site uses; the reference tells an importer and `check`
//! what an unknown name is (`Bộ TTTT` is the Bộ Thông tin và Truyền thông,
//! merged into the Bộ Khoa học và Công nghệ on 01/3/2025).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::names::variant_key;
use super::{folded, Agency, Registry};
use crate::ids::AgencyId;

/// A legal document the reference rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Full title as published.
    pub title: String,
    /// How its content was seen: `text`, `excerpt` or `secondary` (press
    /// reports only).
    pub checked: String,
    /// Document number verbatim.
    pub number: Option<String>,
    /// Date of issue.
    pub date: Option<NaiveDate>,
    /// Date it took effect.
    pub effective: Option<NaiveDate>,
    /// Where it is published.
    pub url: Option<String>,
}

/// What the reference knows of a body beyond its registry entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// Keys of the documents establishing the body under its name (empty
    /// when none was found: the file says `unverified`).
    pub sources: Vec<String>,
    /// Key of the document that merged it into its successor.
    pub successor_source: Option<String>,
    /// Since when it exists under this name.
    pub from: Option<NaiveDate>,
    /// Where its English name comes from: a source key, `press`,
    /// `convention` or `unverified`.
    pub name_en_source: Option<String>,
}

/// What the reference says a name is.
#[derive(Debug, Clone, Copy)]
pub enum Found<'a> {
    /// One body.
    Body(&'a Agency),
    /// An abbreviation several bodies share: none is chosen.
    Ambiguous(&'a [AgencyId]),
    /// Not a name the reference knows.
    Unknown,
}

/// The reference registry: bodies, their provenance, the documents.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    registry: Registry,
    by_variant: HashMap<String, AgencyId>,
    provenance: HashMap<AgencyId, Provenance>,
    sources: BTreeMap<String, Source>,
    ambiguous: HashMap<Vec<char>, Vec<AgencyId>>,
}

impl Reference {
    /// Builds the reference from its parts (validated by the caller).
    pub fn new(
        registry: Registry,
        provenance: HashMap<AgencyId, Provenance>,
        sources: BTreeMap<String, Source>,
        ambiguous: Vec<(String, Vec<AgencyId>)>,
    ) -> Self {
        let mut by_variant = HashMap::new();
        for a in registry.all() {
            for n in std::iter::once(&a.name)
                .chain(a.short.iter())
                .chain(a.aliases.iter())
            {
                by_variant
                    .entry(variant_key(n))
                    .or_insert_with(|| a.id.clone());
            }
        }
        Reference {
            registry,
            by_variant,
            provenance,
            sources,
            ambiguous: ambiguous
                .into_iter()
                .map(|(a, ids)| (folded(&a), ids))
                .collect(),
        }
    }

    /// The bodies, as a registry (for reading cells against their names).
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// What `name` (one body's name as printed) is: a body whose name,
    /// short form or alias it is, up to case, spacing and the known
    /// abbreviations (`UBND`, `VP`); an ambiguous abbreviation; or unknown.
    pub fn find(&self, name: &str) -> Found<'_> {
        if let Some(ids) = self.ambiguous.get(&folded(name)) {
            return Found::Ambiguous(ids);
        }
        if let Some(a) = self.registry.lookup(name) {
            return Found::Body(a);
        }
        match self
            .by_variant
            .get(&variant_key(name))
            .and_then(|id| self.registry.get(id))
        {
            Some(a) => Found::Body(a),
            None => Found::Unknown,
        }
    }

    /// The body with this id.
    pub fn get(&self, id: &AgencyId) -> Option<&Agency> {
        self.registry.get(id)
    }

    /// Where a body comes from.
    pub fn provenance(&self, id: &AgencyId) -> Option<&Provenance> {
        self.provenance.get(id)
    }

    /// The document with this key.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.get(key)
    }

    /// The body's successors in order (merged into, and what that was
    /// merged into), each once.
    pub fn successors(&self, id: &AgencyId) -> Vec<&Agency> {
        let mut out: Vec<&Agency> = Vec::new();
        let mut at = self.registry.get(id);
        while let Some(next) = at
            .and_then(|a| a.successor.as_ref())
            .and_then(|s| self.registry.get(&s.id))
        {
            if next.id == *id || out.iter().any(|o| o.id == next.id) {
                break;
            }
            out.push(next);
            at = Some(next);
        }
        out
    }
}
