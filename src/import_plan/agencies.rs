//! Registry bootstrap: agency names a new plan uses that the registry does
//! not know. A name the reference registry of national bodies knows
//! (`Bộ TTTT`) becomes that body's entry (official name, abbreviations,
//! English name, successor, the legal document), with the bodies it was
//! merged into; other names are grouped so that spellings differing only
//! in case, spacing or a known abbreviation (`UBND` / `Ủy ban nhân dân`,
//! `VP` / `Văn phòng`) form one entry with aliases. Entries are added to
//! `agencies.yaml` as text ([`super::agencies_file`]), marked `review: true`.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::ids::short_slug;
use crate::model::agency::names::variant_key;
use crate::model::agency::reference::{Found, Reference};
use crate::model::ids::is_valid_id;
use crate::model::{Agency, AgencyId, Registry};

/// The registered agency whose name, short form or an alias shares `name`'s
/// variant key (`TT Phục vụ hành chính công tỉnh` for `Trung tâm Phục vụ
/// hành chính công tỉnh`), if any.
pub fn registered_variant<'a>(name: &str, registry: &'a Registry) -> Option<&'a Agency> {
    Variants::of(registry).find(name)
}

/// The variant keys of every registered name, made once: looking up many
/// unknown names then costs one key each, not one per registered name.
pub struct Variants<'a> {
    registry: &'a Registry,
    keys: HashMap<String, usize>,
}

impl<'a> Variants<'a> {
    /// The keys of `registry`'s names, short forms and aliases (the first
    /// agency, by id, wins a key two share).
    pub fn of(registry: &'a Registry) -> Self {
        let mut keys = HashMap::new();
        for (i, a) in registry.all().iter().enumerate() {
            for n in std::iter::once(&a.name)
                .chain(a.short.iter())
                .chain(a.aliases.iter())
            {
                keys.entry(variant_key(n)).or_insert(i);
            }
        }
        Variants { registry, keys }
    }

    /// The registered agency `name` is a variant of, if any.
    pub fn find(&self, name: &str) -> Option<&'a Agency> {
        let registry: &'a Registry = self.registry;
        self.keys
            .get(&variant_key(name))
            .and_then(|&i| registry.all().get(i))
    }
}

/// One new registry entry: its name, its other spellings and their counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewAgency {
    /// The id it will have.
    pub id: String,
    /// The most frequent spelling (ties: the first seen), or the reference
    /// body's official name.
    pub name: String,
    /// The other spellings.
    pub aliases: Vec<String>,
    /// What the reference registry says of the body, when it knows it.
    pub reference: Option<RefEntry>,
    /// True for a designation of several bodies (`các …`, `… liên quan`).
    pub group: bool,
}

/// A reference body's facts, copied into the new entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RefEntry {
    /// Official English name.
    pub name_en: Option<String>,
    /// `kind` value.
    pub kind: String,
    /// `level` value.
    pub level: Option<String>,
    /// Successor id, date and the document that made the merger.
    pub successor: Option<(String, Option<chrono::NaiveDate>, Option<String>)>,
    /// Member ids (groups).
    pub members: Vec<String>,
    /// The documents establishing the body, as titles.
    pub source: Option<String>,
    /// The reference's note.
    pub note: Option<String>,
    /// Why it is added: found in a cell, or a successor or member of one.
    pub why: String,
}

/// What the registries say of the names a plan uses that `agencies.yaml`
/// lacks.
#[derive(Debug, Clone, Default)]
pub struct Bootstrap {
    /// Names that are another spelling of a registered agency: the name,
    /// that agency's id and official name.
    pub variants: Vec<(String, String, String)>,
    /// Names the reference registry knows: the name and the body's
    /// official name, with its successors' names.
    pub reference: Vec<(String, String, Vec<String>)>,
    /// Names the reference says stand for several bodies: the name and the
    /// candidates' official names.
    pub ambiguous: Vec<(String, Vec<String>)>,
    /// Entries to add (with `--add-agencies`).
    pub new: Vec<NewAgency>,
}

/// Sorts the unknown names (with their counts, first seen first) into
/// variants of registered agencies, reference bodies (added with their
/// successors and members), ambiguous abbreviations, and new names;
/// new ids avoid `taken`.
pub fn bootstrap(
    names: &[(String, usize)],
    registry: &Registry,
    reference: Option<&Reference>,
    taken: &HashSet<String>,
) -> Bootstrap {
    let mut out = Bootstrap::default();
    // The registry's variant keys, made once for all the names.
    let variants = Variants::of(registry);
    let mut raw: Vec<(String, usize)> = Vec::new();
    // Reference bodies in first-seen order, with the spellings printed.
    let mut bodies: Vec<(AgencyId, Vec<String>)> = Vec::new();
    for (n, count) in names {
        if let Some(a) = variants.find(n) {
            out.variants
                .push((n.clone(), a.id.to_string(), a.name.clone()));
            continue;
        }
        match reference.map(|r| (r, r.find(n))) {
            Some((r, Found::Body(b))) => {
                // A reference body the registry holds under another spelling.
                if let Some(a) = registered_as(b, registry) {
                    out.variants
                        .push((n.clone(), a.id.to_string(), a.name.clone()));
                    continue;
                }
                let next: Vec<String> =
                    r.successors(&b.id).iter().map(|s| s.name.clone()).collect();
                out.reference.push((n.clone(), b.name.clone(), next));
                match bodies.iter_mut().find(|(id, _)| *id == b.id) {
                    Some((_, spellings)) => spellings.push(n.clone()),
                    None => bodies.push((b.id.clone(), vec![n.clone()])),
                }
            }
            // A name whose body depends on who writes it (`UBND tỉnh`, the
            // writer's own province): a name of the office's own registry.
            Some((_, Found::Ambiguous([]))) => raw.push((n.clone(), *count)),
            Some((r, Found::Ambiguous(ids))) => {
                let names = ids
                    .iter()
                    .filter_map(|i| r.get(i))
                    .map(|a| a.name.clone())
                    .collect();
                out.ambiguous.push((n.clone(), names));
            }
            _ => raw.push((n.clone(), *count)),
        }
    }
    let mut used = taken.clone();
    if let Some(r) = reference {
        out.new
            .extend(reference_entries(&bodies, r, registry, &mut used));
    }
    out.new.extend(group(&raw, &used));
    out
}

/// The registered agency that is the reference body `b` under one of its
/// names.
fn registered_as<'a>(b: &Agency, registry: &'a Registry) -> Option<&'a Agency> {
    std::iter::once(&b.name)
        .chain(b.short.iter())
        .chain(b.aliases.iter())
        .find_map(|n| registry.lookup(n))
}

/// The entries for reference bodies found in cells, then the bodies they
/// were merged into and their groups' members, each once, that the
/// registry does not hold yet.
fn reference_entries(
    found: &[(AgencyId, Vec<String>)],
    r: &Reference,
    registry: &Registry,
    used: &mut HashSet<String>,
) -> Vec<NewAgency> {
    let mut queue: std::collections::VecDeque<(AgencyId, Vec<String>, String)> = found
        .iter()
        .map(|(id, s)| (id.clone(), s.clone(), "named in the plan".to_string()))
        .collect();
    let mut done: HashSet<AgencyId> = HashSet::new();
    // Reference ids to the ids given in agencies.yaml.
    let mut ids: BTreeMap<AgencyId, String> = BTreeMap::new();
    let mut out = Vec::new();
    while let Some((id, spellings, why)) = queue.pop_front() {
        if !done.insert(id.clone()) {
            continue;
        }
        let Some(b) = r.get(&id) else { continue };
        if let Some(a) = registered_as(b, registry) {
            ids.insert(id.clone(), a.id.to_string());
            continue;
        }
        let mut new_id = id.to_string();
        let mut k = 2;
        while used.contains(&new_id) {
            new_id = format!("{id}-{k}");
            k += 1;
        }
        used.insert(new_id.clone());
        ids.insert(id.clone(), new_id.clone());
        if let Some(s) = &b.successor {
            queue.push_back((s.id.clone(), Vec::new(), format!("successor of {}", b.name)));
        }
        for m in &b.members {
            queue.push_back((m.clone(), Vec::new(), format!("member of {}", b.name)));
        }
        let mut aliases: Vec<String> = b.short.iter().chain(b.aliases.iter()).cloned().collect();
        for s in spellings {
            let printed = registered_fold(&s);
            let known = std::iter::once(&b.name)
                .chain(aliases.iter())
                .any(|a| registered_fold(a) == printed);
            if !known {
                aliases.push(s);
            }
        }
        let prov = r.provenance(&b.id);
        let titles = |keys: &[String]| -> Option<String> {
            let t: Vec<String> = keys
                .iter()
                .filter_map(|k| r.source(k))
                .map(|s| s.title.clone())
                .collect();
            (!t.is_empty()).then(|| t.join("; "))
        };
        let source = prov.and_then(|p| titles(&p.sources));
        let successor = b.successor.as_ref().map(|s| {
            let doc = prov
                .and_then(|p| p.successor_source.as_ref())
                .and_then(|k| titles(std::slice::from_ref(k)));
            (s.id.to_string(), s.date, doc)
        });
        out.push(NewAgency {
            id: new_id,
            name: b.name.clone(),
            aliases,
            group: b.is_group(),
            reference: Some(RefEntry {
                name_en: b.name_en.clone(),
                kind: b.kind.key().to_string(),
                level: b.level.clone(),
                successor,
                members: b.members.iter().map(|m| m.to_string()).collect(),
                source,
                note: b.note.clone(),
                why,
            }),
        });
    }
    // Successor and member ids as given in agencies.yaml.
    for e in &mut out {
        if let Some(re) = e.reference.as_mut() {
            if let Some((sid, ..)) = re.successor.as_mut() {
                if let Some(given) = AgencyId::new(sid.clone()).and_then(|i| ids.get(&i)) {
                    *sid = given.clone();
                }
            }
            re.members = re
                .members
                .iter()
                .filter_map(|m| AgencyId::new(m.clone()).and_then(|i| ids.get(&i)).cloned())
                .collect();
        }
    }
    out
}

/// True for a name that designates several bodies: it opens with `các`
/// or `những`, or ends with `liên quan` (`các bộ, ngành liên quan`).
pub fn is_group_name(name: &str) -> bool {
    let f = registered_fold(name);
    f.starts_with("các ") || f.starts_with("những ") || f.ends_with("liên quan")
}

/// Case and spacing folded, as the registry compares names.
fn registered_fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Groups unknown names (with their counts, in first-seen order) into new
/// entries whose ids differ from `taken`.
pub fn group(names: &[(String, usize)], taken: &HashSet<String>) -> Vec<NewAgency> {
    let mut order: Vec<String> = Vec::new();
    let mut by_key: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for (n, count) in names {
        let k = variant_key(n);
        if !by_key.contains_key(&k) {
            order.push(k.clone());
        }
        by_key.entry(k).or_default().push((n.clone(), *count));
    }
    let mut used = taken.clone();
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for k in order {
        let Some(spellings) = by_key.get(&k) else {
            continue;
        };
        let mut best = 0;
        for (i, (_, c)) in spellings.iter().enumerate() {
            if *c > spellings[best].1 {
                best = i;
            }
        }
        let name = spellings[best].0.clone();
        // Spellings that differ from the name (or an earlier alias) only in
        // case or spacing need no alias: the registry matches them anyway.
        let folded = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let mut seen = HashSet::from([folded(&name)]);
        let mut aliases = Vec::new();
        for (i, (s, _)) in spellings.iter().enumerate() {
            if i != best && seen.insert(folded(s)) {
                aliases.push(s.clone());
            }
        }
        let base = short_slug(&k, 60);
        let base = if is_valid_id(&base) {
            base
        } else {
            "co-quan".to_string()
        };
        // The next suffix per base: many names with one slug cost one
        // step each.
        let mut id = base.clone();
        let n = next.entry(base.clone()).or_insert(2);
        while used.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        used.insert(id.clone());
        let group = is_group_name(&name);
        out.push(NewAgency {
            id,
            name,
            aliases,
            reference: None,
            group,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_distinct_names_group_in_linear_time() {
        // 50,000 distinct names, and 2,000 that slug alike (`Cơ quan !`,
        // `Cơ quan !!`…) but are different names.
        let mut names: Vec<(String, usize)> = (0..50_000)
            .map(|i| (format!("Cơ quan lạ số {i}"), 1))
            .collect();
        names.extend((0..2_000).map(|i| (format!("Cơ quan {}", "!".repeat(i + 1)), 1)));
        let started = std::time::Instant::now();
        let g = group(&names, &HashSet::new());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(g.len(), 52_000);
        let ids: HashSet<&str> = g.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), g.len());
    }

    #[test]
    fn long_names_give_short_ids() {
        let id = short_slug(
            "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội các cấp trên địa bàn tỉnh Tuyên Quang",
            60,
        );
        assert!(id.len() <= 60 && is_valid_id(&id), "{id}");
        assert!(id.starts_with("uy-ban-mat-tran-to-quoc"));
    }

    #[test]
    fn variants_share_a_key() {
        let k = variant_key("Văn phòng Ủy ban nhân dân tỉnh");
        for v in [
            "Văn phòng UBND tỉnh",
            "VP UBND tỉnh",
            "văn phòng  uỷ ban nhân dân TỈNH",
            "VP UBND tỉnh.",
        ] {
            assert_eq!(variant_key(v), k, "{v}");
        }
        assert_ne!(variant_key("Sở Tư pháp"), k);
    }

    #[test]
    fn grouped_entries_with_aliases_and_fresh_ids() {
        let names = vec![
            ("VP UBND tỉnh".to_string(), 1),
            ("Văn phòng UBND tỉnh".to_string(), 3),
            ("Sở Du lịch".to_string(), 2),
            ("SỞ DU  LỊCH".to_string(), 1),
        ];
        let taken: HashSet<String> = ["so-du-lich".to_string()].into();
        let g = group(&names, &taken);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].name, "Văn phòng UBND tỉnh");
        assert_eq!(g[0].aliases, vec!["VP UBND tỉnh".to_string()]);
        assert_eq!(g[0].id, "van-phong-uy-ban-nhan-dan-tinh");
        assert_eq!(g[1].id, "so-du-lich-2");
        // A spelling differing only in case and spacing is not an alias.
        assert!(g[1].aliases.is_empty(), "{:?}", g[1].aliases);
    }

    #[test]
    fn reference_bodies_come_with_their_successors_and_spellings() {
        let r = crate::validate::reference::builtin().unwrap();
        let names = vec![
            ("Bộ TTTT".to_string(), 3),
            ("Bộ Thông tin và Truyền thông".to_string(), 1),
            ("Sở Du lịch".to_string(), 1),
            ("BTC".to_string(), 1),
        ];
        let b = bootstrap(&names, &Registry::default(), Some(r), &HashSet::new());
        let ids: Vec<&str> = b.new.iter().map(|e| e.id.as_str()).collect();
        // One entry for both spellings, the body it was merged into, then
        // the name no registry knows.
        assert_eq!(ids.len(), 3, "{ids:?}");
        assert_eq!(b.new[0].name, "Bộ Thông tin và Truyền thông");
        assert!(
            b.new[0].aliases.iter().any(|a| a == "Bộ TTTT"),
            "{:?}",
            b.new[0].aliases
        );
        let re = b.new[0].reference.as_ref().unwrap();
        let (succ, date, doc) = re.successor.clone().unwrap();
        assert_eq!(succ, b.new[1].id);
        assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2025, 3, 1));
        assert!(doc.unwrap().contains("176/2025/QH15"));
        assert_eq!(b.new[1].name, "Bộ Khoa học và Công nghệ");
        assert_eq!(b.new[2].name, "Sở Du lịch");
        assert_eq!(b.ambiguous.len(), 1);
        assert_eq!(b.reference.len(), 2);
    }
}
