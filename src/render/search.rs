//! A static full-text index for the search page: diacritic- and
//! case-insensitive, split into small files so a browser fetches only the
//! shards its query needs, and only once the search box is used.
//!
//! Layout under `tim-kiem/`: `meta.json` lists the token shards as
//! `[first token, file]` in token order; each shard `t/<hash>.json` maps
//! folded tokens to the ids of the documents containing them, delta-encoded
//! (each id is the sum of the numbers so far). Shards are cut from the
//! sorted tokens by posting count ([`SHARD_POSTINGS`]), not by prefix, so
//! they stay about the same size in any language: Vietnamese syllables
//! crowd into a few prefixes (th, ng, ch, tr). A token with more postings
//! than that continues in the next shard, which then starts with the same
//! token. Shard names are a hash of their bytes, so an unchanged shard keeps
//! its name (and its cache). `d/<n>.json` holds documents `n*500 ..` as
//! `[kind, title, link, folded title, state key, state label]` (the state is
//! empty for plans and agencies; an agency adds its folded names, joined by
//! `|`). `tai-nguyen/tim-kiem.js` folds the query
//! the same way as [`fold`] (both are tested against
//! `tests/fold_samples.json`) and ranks results: exact diacritics first, then
//! an agency whose name or alias the query begins, then tasks, plans,
//! agencies, then the whole phrase, then whole words.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::derive::{Derived, TaskRef};
use crate::model::Model;

use super::edition::Lang;
use super::i18n::Locale;
use super::{task_ref, urls, OutFile, RenderError};

/// Documents per document shard.
pub const DOC_CHUNK: usize = 500;

/// Documents folded in parallel at a time.
const FOLD_CHUNK: usize = 2048;

/// Postings (token–document pairs) per token shard, at most.
pub const SHARD_POSTINGS: usize = 20_000;

/// Folds text for matching: decomposes, drops accents, maps `đ` to `d`,
/// lower-cases. `SỞ KHOA HỌC` and `so khoa hoc` fold alike.
///
/// Each character is decomposed on its own: the same as decomposing the
/// whole text (NFD), because NFD only reorders characters of a non-zero
/// combining class, all of which are marks and dropped (a test holds this
/// for every character Unicode has).
pub fn fold(text: &str) -> String {
    let mut bare = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            bare.push(c);
            continue;
        }
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                bare.push(match d {
                    'đ' | 'Đ' => 'd',
                    d => d,
                });
            }
        });
    }
    // Whole-string lowercasing, as JavaScript's `toLowerCase` does.
    bare.to_lowercase()
}

/// The words of folded text, in order: runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// The distinct words of folded text, sorted.
fn distinct_words(folded: &str) -> Vec<&str> {
    let mut all: Vec<&str> = words(folded).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// A stable 64-bit hash (FNV-1a) of bytes, for file names that change
/// only when the content does.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Cuts the sorted token index into shards of at most `budget` postings.
/// Returns each shard's first token and its tokens with delta-encoded ids.
pub fn shards(
    index: &BTreeMap<String, Vec<usize>>,
    budget: usize,
) -> Vec<(String, BTreeMap<&str, Vec<usize>>)> {
    let budget = budget.max(1);
    let mut out: Vec<(String, BTreeMap<&str, Vec<usize>>)> = Vec::new();
    let mut used = budget;
    for (token, ids) in index {
        let mut rest: &[usize] = ids;
        while !rest.is_empty() {
            if used >= budget {
                out.push((token.clone(), BTreeMap::new()));
                used = 0;
            }
            let take = rest.len().min(budget - used);
            let (now, later) = rest.split_at(take);
            if let Some((_, map)) = out.last_mut() {
                let mut prev = 0;
                let deltas = now
                    .iter()
                    .map(|&id| {
                        let d = id - prev;
                        prev = id;
                        d
                    })
                    .collect();
                map.insert(token.as_str(), deltas);
            }
            used += take;
            rest = later;
        }
    }
    out
}

struct Doc {
    kind: String,
    title: String,
    href: String,
    text: String,
    state: Option<(&'static str, String)>,
    /// For an agency: its names (official, aliases, short), folded, each
    /// once, joined by `|`: the script ranks an agency first when the
    /// query begins one of them.
    names: String,
}

fn documents(model: &Model, derived: &Derived, l: &Locale) -> Vec<Doc> {
    let mut docs = Vec::new();
    let (agency, plan, task) = (
        l.say("search_index.agency"),
        l.say("search_index.plan"),
        l.say("search_index.task"),
    );
    for a in model.registry.all() {
        let mut text = a.name.clone();
        for al in a.aliases.iter().chain(a.short.iter()) {
            text.push(' ');
            text.push_str(al);
        }
        let mut names: Vec<String> = std::iter::once(&a.name)
            .chain(a.aliases.iter())
            .chain(a.short.iter())
            .map(|n| words(&fold(n)).collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty())
            .collect();
        names.sort();
        names.dedup();
        docs.push(Doc {
            kind: agency.clone(),
            title: a.name.clone(),
            href: urls::href(&l.paths().agency(a.id.as_str())),
            text,
            state: None,
            names: names.join("|"),
        });
    }
    for (pi, p) in model.plans.iter().enumerate() {
        docs.push(Doc {
            kind: plan.clone(),
            title: format!("{}: {}", p.label(), p.title),
            href: urls::href(&l.paths().plan(p.id.as_str())),
            text: format!(
                "{} {} {}",
                p.label(),
                p.title,
                p.issuer_name.as_deref().unwrap_or("")
            ),
            state: None,
            names: String::new(),
        });
        let places = task_ref::Places::new(p);
        for (ti, t) in p.tasks.iter().enumerate() {
            let name = task_ref::label(l, &places.locate(p, ti));
            let body = t.text.as_deref().unwrap_or("");
            let heading = task_ref::title_words(t, usize::MAX).unwrap_or_default();
            docs.push(Doc {
                kind: task.clone(),
                title: l.say_with(
                    "search_index.task_title",
                    &[("plan", p.label()), ("label", name), ("text", heading)],
                ),
                href: urls::href(&l.paths().task(p.id.as_str(), t.id.as_str())),
                text: format!(
                    "{body} {} {}",
                    t.lead.text,
                    t.output.as_deref().unwrap_or("")
                ),
                state: derived
                    .standings
                    .get(&TaskRef { plan: pi, task: ti })
                    .map(|st| (st.state.key(), l.state_label(st.state))),
                names: String::new(),
            });
        }
    }
    docs
}

/// Makes the index files of the pages of `lang`, in its folder, handing
/// each to `put` as soon as it is made (a national index is tens of
/// megabytes, never held whole). Returns the total size in bytes.
pub fn index(
    model: &Model,
    derived: &Derived,
    lang: &Lang,
    put: &dyn Fn(OutFile) -> Result<(), RenderError>,
) -> Result<usize, RenderError> {
    let l = &lang.locale;
    let docs = documents(model, derived, l);
    let dir = format!("{}{}", lang.root, l.paths().search_file(""));
    // Folding is the costly part and each document's is its own: in
    // parallel, a slice of documents at a time (so the folded words of
    // the whole site never sit in memory at once); the postings are then
    // gathered in document order.
    let mut postings: HashMap<Box<str>, Vec<usize>> = HashMap::new();
    for (c, chunk) in docs.chunks(FOLD_CHUNK).enumerate() {
        let folded: Vec<String> = chunk
            .par_iter()
            .map(|doc| fold(&format!("{} {}", doc.title, doc.text)))
            .collect();
        for (i, text) in folded.iter().enumerate() {
            let id = c * FOLD_CHUNK + i;
            for w in distinct_words(text) {
                match postings.get_mut(w) {
                    Some(ids) => ids.push(id),
                    None => {
                        postings.insert(w.into(), vec![id]);
                    }
                }
            }
        }
    }
    let tokens_of: BTreeMap<String, Vec<usize>> = postings
        .into_iter()
        .map(|(w, ids)| (w.into_string(), ids))
        .collect();
    let mut size = 0;
    let mut list: Vec<(String, String)> = Vec::new();
    for (first, map) in shards(&tokens_of, SHARD_POSTINGS) {
        let bytes = serde_json::to_vec(&map).unwrap_or_default();
        let name = format!("t/{}.json", content_hash(&bytes));
        list.push((first, name.clone()));
        size += bytes.len();
        put(OutFile {
            path: format!("{dir}{name}"),
            bytes,
        })?;
    }
    drop(tokens_of);
    for (n, chunk) in docs.chunks(DOC_CHUNK).enumerate() {
        let folded: Vec<String> = chunk.par_iter().map(|d| fold(&d.title)).collect();
        let mut rows: Vec<Vec<&str>> = Vec::new();
        for (d, f) in chunk.iter().zip(&folded) {
            let (key, label) = d.state.as_ref().map_or(("", ""), |(k, l)| (*k, l.as_str()));
            let mut row = vec![d.kind.as_str(), &d.title, &d.href, f, key, label];
            if !d.names.is_empty() {
                row.push(&d.names);
            }
            rows.push(row);
        }
        let bytes = serde_json::to_vec(&rows).unwrap_or_default();
        size += bytes.len();
        put(OutFile {
            path: format!("{dir}d/{n}.json"),
            bytes,
        })?;
    }
    let meta = serde_json::json!({ "docs": docs.len(), "chunk": DOC_CHUNK, "shards": list });
    let bytes = meta.to_string().into_bytes();
    size += bytes.len();
    put(OutFile {
        path: format!("{dir}meta.json"),
        bytes,
    })?;
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn folding_handles_d_marks_and_both_normal_forms() {
        assert_eq!(fold("Đề án 06"), "de an 06");
        assert_eq!(fold("đường"), "duong");
        assert_eq!(fold("SỞ KHOA HỌC"), "so khoa hoc");
        assert_eq!(fold("Sở Khoa học"), "so khoa hoc");
        let nfd: String = "Việt Nam".nfd().collect();
        let nfc: String = "Việt Nam".nfc().collect();
        assert_ne!(nfd, nfc);
        assert_eq!(fold(&nfd), "viet nam");
        assert_eq!(fold(&nfc), "viet nam");
        // A lone combining mark typed after a letter.
        assert_eq!(fold("Vie\u{0302}\u{0323}t"), "viet");
    }

    /// Folding as first written: the whole text decomposed (NFD).
    fn fold_nfd(text: &str) -> String {
        let bare: String = text
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .map(|c| match c {
                'đ' | 'Đ' => 'd',
                c => c,
            })
            .collect();
        bare.to_lowercase()
    }

    /// What makes decomposing each character alone the same as NFD: every
    /// character with a non-zero combining class is a mark.
    #[test]
    fn every_character_that_nfd_reorders_is_a_mark() {
        let odd: Vec<char> = (0..=0x10_FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| {
                unicode_normalization::char::canonical_combining_class(c) != 0
                    && !is_combining_mark(c)
            })
            .collect();
        assert!(odd.is_empty(), "{odd:?}");
    }

    proptest::proptest! {
        /// Per-character folding equals folding the NFD of the whole text,
        /// marks in any order and number included.
        #[test]
        fn fold_equals_folding_the_nfd(
            s in "(\\PC|[\u{0300}-\u{036F}\u{0591}-\u{05C7}\u{1AB0}-\u{1AFF}ΣσςĐđ]){0,40}"
        ) {
            proptest::prop_assert_eq!(fold(&s), fold_nfd(&s));
        }
    }

    #[test]
    fn words_are_folded_runs_of_letters_and_digits() {
        assert_eq!(
            words(&fold("Sở KH&CN, Đề án 06")).collect::<Vec<_>>(),
            vec!["so", "kh", "cn", "de", "an", "06"]
        );
    }

    fn decode(deltas: &[usize]) -> Vec<usize> {
        let mut sum = 0;
        deltas
            .iter()
            .map(|d| {
                sum += d;
                sum
            })
            .collect()
    }

    proptest::proptest! {
        /// Shards hold every posting exactly once, in token order, none
        /// over budget, and each starts with the token its list names.
        #[test]
        fn shards_keep_every_posting_within_budget(
            index in proptest::collection::btree_map("[a-z]{1,4}", proptest::collection::btree_set(0usize..5000, 1..200), 0..60),
            budget in 1usize..300,
        ) {
            let index: BTreeMap<String, Vec<usize>> =
                index.into_iter().map(|(k, v)| (k, v.into_iter().collect())).collect();
            let cut = shards(&index, budget);
            let mut back: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            let mut firsts = Vec::new();
            for (first, map) in &cut {
                let n: usize = map.values().map(Vec::len).sum();
                proptest::prop_assert!(n <= budget && n > 0);
                proptest::prop_assert_eq!(map.keys().next().map(|k| k.to_string()), Some(first.clone()));
                firsts.push(first.clone());
                for (t, d) in map {
                    back.entry(t.to_string()).or_default().extend(decode(d));
                }
            }
            let mut sorted = firsts.clone();
            sorted.sort();
            proptest::prop_assert_eq!(firsts, sorted);
            proptest::prop_assert_eq!(back, index);
        }
    }

    /// The samples the browser's `fold` is tested against too
    /// (`tests/browser/search-index.mjs`): both must agree on every one.
    #[test]
    fn fold_agrees_with_the_shared_samples() {
        let text = include_str!("../../tests/fold_samples.json");
        let samples: Vec<(String, String)> = serde_json::from_str(text).unwrap_or_default();
        assert!(samples.len() >= 10, "samples are read");
        for (input, want) in samples {
            assert_eq!(fold(&input), want, "fold({input:?})");
        }
    }

    proptest::proptest! {
        /// Folding is idempotent and leaves no combining mark or `đ`.
        #[test]
        fn fold_is_idempotent_and_leaves_no_marks(s in "\\PC{0,40}") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once.clone());
            proptest::prop_assert!(!once.nfd().any(is_combining_mark));
            proptest::prop_assert!(!once.contains(['đ', 'Đ']));
        }
    }
}
