//! Registry bootstrap: agency names a new plan uses that the registry does
//! not know, grouped so that spellings differing only in case, spacing or a
//! known abbreviation (`UBND` / `Ủy ban nhân dân`, `VP` / `Văn phòng`) form
//! one entry with aliases, appended to `agencies.yaml` as text (the user's
//! comments and layout are kept) and marked `review: true`.

use std::collections::{BTreeMap, HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use super::ids::short_slug;
use crate::model::ids::is_valid_id;
use crate::model::{Agency, Registry};

/// Known abbreviations and their full words (lower case).
const ABBREVIATIONS: [(&str, &str); 10] = [
    ("tt", "trung tâm"),
    ("ubnd", "ủy ban nhân dân"),
    ("hđnd", "hội đồng nhân dân"),
    ("vp", "văn phòng"),
    ("mttq", "mặt trận tổ quốc"),
    ("kh&cn", "khoa học và công nghệ"),
    ("khcn", "khoa học và công nghệ"),
    ("tp", "thành phố"),
    ("bql", "ban quản lý"),
    ("bcđ", "ban chỉ đạo"),
];

/// The key two spellings of one agency share: lower case, old-style accent
/// placement (`uỷ`) folded, abbreviations spelled out, spacing folded,
/// trailing punctuation dropped.
pub fn variant_key(name: &str) -> String {
    let name = crate::load::files::without_invisible(name);
    let lower: String = name.nfc().collect::<String>().to_lowercase();
    let lower = lower
        .replace("uỷ", "ủy")
        .replace("hoà", "hòa")
        .replace("thuỷ", "thủy");
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| {
            let bare = w.trim_end_matches(['.', ',', ';', ':']);
            ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == bare)
                .map_or_else(|| bare.to_string(), |(_, full)| full.to_string())
        })
        .collect();
    words
        .join(" ")
        .trim_end_matches(['.', ',', ';', ':'])
        .to_string()
}

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgency {
    /// The id it will have.
    pub id: String,
    /// The most frequent spelling (ties: the first seen).
    pub name: String,
    /// The other spellings.
    pub aliases: Vec<String>,
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
        out.push(NewAgency { id, name, aliases });
    }
    out
}

/// The text to append to `agencies.yaml` (whose list items start at
/// `indent` spaces) for the new entries.
pub fn append_text(entries: &[NewAgency], indent: usize, plan_id: &str) -> String {
    let pad = " ".repeat(indent);
    let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let mut out = format!(
        "\n{pad}# Added by `minhbach import-plan` for plans/{plan_id}: check each name, add\n{pad}# kind, level and parent, merge entries that are one body, then delete `review: true`.\n"
    );
    for e in entries {
        out.push_str(&format!("{pad}- id: {}\n", e.id));
        out.push_str(&format!("{pad}  name: {}\n", q(&e.name)));
        if !e.aliases.is_empty() {
            let a: Vec<String> = e.aliases.iter().map(|s| q(s)).collect();
            out.push_str(&format!("{pad}  aliases: [{}]\n", a.join(", ")));
        }
        out.push_str(&format!("{pad}  review: true\n"));
    }
    out
}

/// The indentation of the list items of `agencies.yaml` (2 when it has none yet).
pub fn item_indent(text: &str) -> usize {
    text.lines()
        .find_map(|l| {
            let t = l.trim_start();
            t.starts_with("- id:").then(|| l.len() - t.len())
        })
        .unwrap_or(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_distinct_names_group_in_linear_time() {
        // 50,000 distinct names, and 5,000 that slug alike (`Cơ quan !`,
        // `Cơ quan !!`…) but are different names.
        let mut names: Vec<(String, usize)> = (0..50_000)
            .map(|i| (format!("Cơ quan lạ số {i}"), 1))
            .collect();
        names.extend((0..5_000).map(|i| (format!("Cơ quan {}", "!".repeat(i + 1)), 1)));
        let started = std::time::Instant::now();
        let g = group(&names, &HashSet::new());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(g.len(), 55_000);
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
        let text = append_text(&g, 2, "kh-moi");
        assert!(
            text.contains("  - id: so-du-lich-2\n    name: \"Sở Du lịch\"\n    review: true\n"),
            "{text}"
        );
    }
}
