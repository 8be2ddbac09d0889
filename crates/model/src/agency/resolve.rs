//! Reading a printed "Cơ quan chủ trì / phối hợp" cell against the
//! registry: longest registered names first, connectors (`và`, `với`,
//! `cùng`) between names, and every other word reported, never dropped.

use serde::Serialize;

use super::{fold_char, folded, names, Registry};
use crate::ids::AgencyId;

const CONNECTORS: [&str; 3] = ["và", "với", "cùng"];

/// A piece of a printed agency cell: plain text, or a recognised agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Segment {
    /// Text that is not an agency name (separators, descriptions).
    Text {
        /// The text.
        text: String,
    },
    /// A recognised agency, with the words as printed.
    Agency {
        /// The words as printed.
        text: String,
        /// The agency they name.
        id: AgencyId,
    },
}

/// A printed agency cell: the text as printed and the agencies it names.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AgencyCell {
    /// The cell as printed.
    pub text: String,
    /// The cell split into text and linked agencies.
    pub segments: Vec<Segment>,
    /// Agencies named, in order.
    pub agencies: Vec<AgencyId>,
}

/// Words of a cell that match no registered name, with where they start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// The words, verbatim (a whole phrase between separators, commas
    /// inside a name included).
    pub text: String,
    /// 1-based character position in the cell where the words begin.
    pub at: usize,
    /// For words left over after a matched name: that name as printed.
    pub after: Option<String>,
}

/// The result of reading a cell: its segments, the names not recognised,
/// and words left over after recognised names.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// The cell, split into text and agencies, in order.
    pub segments: Vec<Segment>,
    /// Phrases that stand where a name should be but match nothing registered.
    pub unknown: Vec<Unmatched>,
    /// Words following a recognised name in the same clause (`Bộ Tài chính
    /// chủ trì tổng hợp`): kept as text, reported so nothing is dropped silently.
    pub leftover: Vec<Unmatched>,
}

impl Resolved {
    /// Ids of the agencies named, in order, without repeats.
    pub fn ids(&self) -> Vec<AgencyId> {
        let mut out: Vec<AgencyId> = Vec::new();
        for s in &self.segments {
            if let Segment::Agency { id, .. } = s {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
        }
        out
    }
}

/// An alias so short or generic that it begins other registered names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenericAlias {
    /// The agency whose alias it is.
    pub agency: AgencyId,
    /// The alias as written.
    pub alias: String,
    /// Names of other agencies it is the beginning of.
    pub prefix_of: Vec<String>,
}

impl Registry {
    /// Splits a printed cell into agencies and text. Words after an agency
    /// name in the same clause (`Văn phòng UBND tỉnh đăng tải trên Công
    /// báo`) are kept as text and listed in `leftover`; a phrase standing
    /// where a name should be is listed whole in `unknown`.
    pub fn resolve(&self, cell: &str) -> Resolved {
        let chars: Vec<char> = cell.chars().collect();
        let low: Vec<char> = chars.iter().map(|&c| fold_char(c)).collect();
        let n = chars.len();
        let mut out = Resolved::default();
        let mut text = String::new();
        let mut i = 0;
        // The last agency matched in the current clause, as printed.
        let mut after_agency: Option<String> = None;
        while i < n {
            let word_start = i == 0 || !low[i - 1].is_alphanumeric();
            if word_start && low[i].is_alphanumeric() {
                if let Some((len, idx)) = self.match_at(&low, i) {
                    if !text.is_empty() {
                        out.segments.push(Segment::Text {
                            text: std::mem::take(&mut text),
                        });
                    }
                    let printed: String = chars[i..i + len].iter().collect();
                    out.segments.push(Segment::Agency {
                        text: printed.clone(),
                        id: self.agencies[idx].id.clone(),
                    });
                    i += len;
                    after_agency = Some(printed);
                    continue;
                }
                let word_end = (i..n).find(|&j| !low[j].is_alphanumeric()).unwrap_or(n);
                let word: String = low[i..word_end].iter().collect();
                if CONNECTORS.contains(&word.as_str()) {
                    text.extend(&chars[i..word_end]);
                    i = word_end;
                    continue;
                }
                let continues = after_agency.is_some() && i > 0 && chars[i - 1] == ' ';
                let mut end = clause_end(&chars, i);
                if !continues {
                    // A name may hold commas: go on while the next part
                    // begins neither a registered name nor, by the grammar
                    // of body names, another body (`Bộ Văn hóa, Thể thao và
                    // Du lịch` is one name; `Bộ Công an, Bộ Nội vụ` two).
                    while end < n
                        && chars[end] == ','
                        && !self.begins_name(&low, end + 1)
                        && !names::body_starts_at(&chars, &low, end + 1)
                    {
                        end = clause_end(&chars, end + 1);
                    }
                    // `Bộ Công an và Bộ Quốc phòng`: a connector before
                    // another body ends this one.
                    end = connector_split(&chars, &low, i, end, |k| {
                        self.match_at(&low, k).is_some()
                            || names::body_starts_after_connector(&chars, &low, k)
                    });
                }
                let chunk: String = chars[i..end].iter().collect();
                let words = chunk.trim().trim_end_matches('.').trim();
                if !words.is_empty() {
                    let u = Unmatched {
                        text: words.to_string(),
                        at: i + 1,
                        after: if continues {
                            after_agency.clone()
                        } else {
                            None
                        },
                    };
                    if continues {
                        out.leftover.push(u);
                    } else {
                        out.unknown.push(u);
                    }
                }
                text.push_str(&chunk);
                i = end;
                continue;
            }
            if matches!(chars[i], ';' | ',' | '\n') {
                after_agency = None;
            }
            text.push(chars[i]);
            i += 1;
        }
        if !text.is_empty() {
            out.segments.push(Segment::Text { text });
        }
        out
    }

    /// [`Registry::resolve`], then each phrase that matches nothing read
    /// again against `fallback` (the reference registry of national
    /// bodies): a phrase that is wholly two or more of its names
    /// (`Bộ Công an, Chủ tịch nước`, whose second name the grammar of body
    /// names cannot tell begins) is reported as those names, one each.
    pub fn resolve_split(&self, cell: &str, fallback: &Registry) -> Resolved {
        let mut out = self.resolve(cell);
        let chars: Vec<char> = cell.chars().collect();
        // Runs of unknown phrases with only separators between them, read
        // again whole: `Bộ Nông nghiệp và PTNT` is one name of the fallback.
        let mut runs: Vec<Vec<Unmatched>> = Vec::new();
        for u in std::mem::take(&mut out.unknown) {
            let joins = runs.last().and_then(|r| r.last()).is_some_and(|prev| {
                let gap_from = prev.at - 1 + prev.text.chars().count();
                let gap: String = chars
                    .get(gap_from..(u.at - 1).max(gap_from))
                    .map(|g| g.iter().collect())
                    .unwrap_or_default();
                let words: Vec<String> = gap
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                words.iter().all(|w| CONNECTORS.contains(&w.as_str()))
            });
            match runs.last_mut() {
                Some(r) if joins => r.push(u),
                _ => runs.push(vec![u]),
            }
        }
        let mut whole = Vec::new();
        for run in runs {
            if run.len() > 1 {
                let from = run[0].at - 1;
                let last = &run[run.len() - 1];
                let to = (last.at - 1 + last.text.chars().count()).min(chars.len());
                let text: String = chars[from..to].iter().collect();
                let again = fallback.resolve(&text);
                if again.unknown.is_empty() && again.leftover.is_empty() && !again.ids().is_empty()
                {
                    whole.push(Unmatched {
                        text,
                        at: run[0].at,
                        after: None,
                    });
                    continue;
                }
            }
            whole.extend(run);
        }
        let mut unknown = Vec::with_capacity(whole.len());
        for u in whole {
            let again = fallback.resolve(&u.text);
            let names: Vec<(usize, String)> = {
                let mut at = 0usize;
                let mut v = Vec::new();
                for s in &again.segments {
                    match s {
                        Segment::Agency { text, .. } => {
                            v.push((at, text.clone()));
                            at += text.chars().count();
                        }
                        Segment::Text { text } => at += text.chars().count(),
                    }
                }
                v
            };
            if again.unknown.is_empty() && again.leftover.is_empty() && names.len() >= 2 {
                unknown.extend(names.into_iter().map(|(k, text)| Unmatched {
                    text,
                    at: u.at + k,
                    after: None,
                }));
            } else {
                unknown.push(u);
            }
        }
        out.unknown = unknown;
        out
    }

    /// True when the text from `from` (after spaces) begins a registered
    /// name, or with a word that begins one, or is empty.
    fn begins_name(&self, low: &[char], from: usize) -> bool {
        let start = (from..low.len())
            .find(|&j| low[j] != ' ')
            .unwrap_or(low.len());
        if start == low.len() {
            return true;
        }
        if self.match_at(low, start).is_some() {
            return true;
        }
        let word: String = low[start..]
            .iter()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        self.heads.contains(&word) || CONNECTORS.contains(&word.as_str())
    }

    /// How many letters the longest registered name at `low[i..]` takes
    /// (`low` lower-cased, spaces as `' '`), ending at a word boundary.
    pub fn name_len_at(&self, low: &[char], i: usize) -> Option<usize> {
        self.match_at(low, i).map(|(len, _)| len)
    }

    /// The longest registered name at `low[i..]` ending at a word
    /// boundary: the cell letters it takes and its agency.
    pub(super) fn match_at(&self, low: &[char], i: usize) -> Option<(usize, usize)> {
        self.trie.longest_at(low, i)
    }

    /// [`Registry::match_at`] by trying every name, longest first: what
    /// the tree must give (tests only).
    #[cfg(test)]
    fn match_at_by_scan(&self, low: &[char], i: usize) -> Option<(usize, usize)> {
        for (name, idx) in &self.names {
            let mut k = 0; // position in name
            let mut j = i; // position in cell
            while k < name.len() && j < low.len() {
                if name[k] == ' ' && low[j] == ' ' {
                    while j < low.len() && low[j] == ' ' {
                        j += 1;
                    }
                    k += 1;
                } else if name[k] == low[j] {
                    k += 1;
                    j += 1;
                } else {
                    break;
                }
            }
            let boundary = j == low.len() || !low[j].is_alphanumeric();
            if k == name.len() && boundary {
                return Some((j - i, *idx));
            }
        }
        None
    }

    /// Aliases and short forms that are the first words of other agencies'
    /// names or aliases (`Bộ` before `Bộ Tài chính`) and short (at most two
    /// words) or shared by several names: in a cell they would take every
    /// unregistered name that begins the same way.
    pub fn generic_aliases(&self) -> Vec<GenericAlias> {
        let mut out = Vec::new();
        for a in &self.agencies {
            for alias in a.short.iter().chain(a.aliases.iter()) {
                let f = folded(alias);
                if f.is_empty() {
                    continue;
                }
                let mut prefix_of: Vec<String> = self
                    .names
                    .iter()
                    .filter(|(g, i)| {
                        self.agencies[*i].id != a.id
                            && g.len() > f.len()
                            && g.starts_with(&f)
                            && !g[f.len()].is_alphanumeric()
                    })
                    .map(|(_, i)| self.agencies[*i].name.clone())
                    .collect();
                prefix_of.sort();
                prefix_of.dedup();
                let words = f
                    .split(|c: &char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .count();
                // Short (one or two words) and beginning another name, or
                // beginning the names of several other bodies.
                let generic = (words <= 2 && !prefix_of.is_empty()) || prefix_of.len() >= 2;
                if generic {
                    out.push(GenericAlias {
                        agency: a.id.clone(),
                        alias: alias.clone(),
                        prefix_of,
                    });
                }
            }
        }
        out
    }
}

/// Where an unknown phrase from `from` to `end` ends when a connector
/// (`và`, `với`, `cùng`) inside it stands before another body
/// (`begins(k)` at the word after it): at the space before the connector.
fn connector_split(
    chars: &[char],
    low: &[char],
    from: usize,
    end: usize,
    begins: impl Fn(usize) -> bool,
) -> usize {
    let mut k = from;
    while k < end {
        let word_start = k > from && low[k].is_alphanumeric() && !low[k - 1].is_alphanumeric();
        if word_start {
            let w_end = (k..end).find(|&j| !low[j].is_alphanumeric()).unwrap_or(end);
            let word: String = low[k..w_end].iter().collect();
            if CONNECTORS.contains(&word.as_str()) && w_end < end && chars[w_end] == ' ' {
                let next = (w_end..end).find(|&j| low[j] != ' ').unwrap_or(end);
                if next < end && begins(next) {
                    let mut cut = k;
                    while cut > from && chars[cut - 1] == ' ' {
                        cut -= 1;
                    }
                    return cut;
                }
            }
            k = w_end;
            continue;
        }
        k += 1;
    }
    end
}

/// Index of the next clause separator (`;` `,` newline, parenthesis) from `i`.
fn clause_end(chars: &[char], i: usize) -> usize {
    (i..chars.len())
        .find(|&j| matches!(chars[j], ';' | ',' | '\n' | '(' | ')'))
        .unwrap_or(chars.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::{Agency, AgencyKind};

    fn agency(id: &str, name: &str, aliases: &[&str], kind: AgencyKind) -> Agency {
        Agency {
            id: AgencyId::new(id).unwrap(),
            name: name.into(),
            short: None,
            kind,
            level: None,
            parent: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            members: vec![],
            successor: None,
            name_en: None,
            note: None,
        }
    }

    fn registry() -> Registry {
        Registry::new(vec![
            agency(
                "vp-ubnd-tinh",
                "Văn phòng Ủy ban nhân dân tỉnh",
                &["Văn phòng UBND tỉnh", "VP UBND tỉnh"],
                AgencyKind::Office,
            ),
            agency("cong-an-tinh", "Công an tỉnh", &[], AgencyKind::Police),
            agency(
                "so-tt-tt",
                "Sở Thông tin và Truyền thông",
                &[],
                AgencyKind::Department,
            ),
            agency(
                "cac-so-ban-nganh",
                "Các Sở, ban, ngành",
                &["Sở,ban,ngành"],
                AgencyKind::Group,
            ),
            agency(
                "cac-co-quan-lien-quan",
                "Các cơ quan, đơn vị có liên quan",
                &["các đơn vị liên quan"],
                AgencyKind::Group,
            ),
        ])
    }

    #[test]
    fn aliases_resolve_case_insensitively() {
        let r = registry();
        for n in [
            "Văn phòng UBND tỉnh",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "VP UBND tỉnh",
            "văn phòng ubnd tỉnh",
        ] {
            assert_eq!(r.lookup(n).unwrap().id.as_str(), "vp-ubnd-tinh", "{n}");
        }
    }

    #[test]
    fn cell_with_several_agencies_keeps_its_text() {
        let r = registry();
        let cell = "Văn phòng UBND tỉnh, Công an tỉnh; Các sở, ban, ngành";
        let res = r.resolve(cell);
        assert!(res.unknown.is_empty(), "{:?}", res.unknown);
        let ids: Vec<String> = res.ids().iter().map(|i| i.to_string()).collect();
        assert_eq!(ids, ["vp-ubnd-tinh", "cong-an-tinh", "cac-so-ban-nganh"]);
        let rebuilt: String = res
            .segments
            .iter()
            .map(|s| match s {
                Segment::Text { text } | Segment::Agency { text, .. } => text.as_str(),
            })
            .collect();
        assert_eq!(rebuilt, cell);
    }

    #[test]
    fn connector_and_longest_match() {
        let r = registry();
        let res = r.resolve("Sở Thông tin và Truyền thông và các đơn vị liên quan");
        assert!(res.unknown.is_empty(), "{:?}", res.unknown);
        assert_eq!(res.ids().len(), 2);
    }

    #[test]
    fn unknown_names_are_reported_with_a_suggestion() {
        let r = registry();
        let res = r.resolve("Công an tỉnh; Văn phòng UBND tinh");
        let names: Vec<&str> = res.unknown.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(names, ["Văn phòng UBND tinh"]);
        assert_eq!(res.unknown[0].at, 15);
        let s = r.suggest("Văn phòng UBND tinh").unwrap();
        assert!(s.contains("Văn phòng UBND tỉnh"), "{s}");
    }

    #[test]
    fn words_after_a_name_are_leftover_not_an_agency() {
        let r = registry();
        let res = r.resolve("- Văn phòng UBND tỉnh đăng tải trên Công báo");
        assert!(res.unknown.is_empty(), "{:?}", res.unknown);
        assert_eq!(res.ids().len(), 1);
        assert_eq!(
            res.leftover,
            vec![Unmatched {
                text: "đăng tải trên Công báo".into(),
                at: 23,
                after: Some("Văn phòng UBND tỉnh".into()),
            }]
        );
    }

    #[test]
    fn an_unknown_name_with_commas_is_kept_whole() {
        let r = registry();
        let res = r.resolve("Bộ Văn hóa, Thể thao và Du lịch; Công an tỉnh, Bộ Y tế, Sở Nội vụ");
        let names: Vec<&str> = res.unknown.iter().map(|u| u.text.as_str()).collect();
        // "Bộ" begins no registered name here, but by the grammar of body
        // names "Bộ Y tế" and "Sở Nội vụ" are two bodies, and "Thể thao và
        // Du lịch" no body of its own.
        assert_eq!(
            names,
            ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Y tế", "Sở Nội vụ"]
        );
        assert_eq!(res.ids().len(), 1);
        let res = r.resolve("Bộ Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông");
        let names: Vec<&str> = res.unknown.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(names, ["Bộ Văn hóa, Thể thao và Du lịch"]);
        assert_eq!(res.ids().len(), 1);
    }

    #[test]
    fn a_short_alias_that_begins_other_names_is_generic() {
        let mut v = vec![
            agency("bo", "Bộ ngành trung ương", &["Bộ"], AgencyKind::Group),
            agency("bo-tc", "Bộ Tài chính", &[], AgencyKind::Central),
        ];
        v.push(agency("vp", "Văn phòng", &["VP"], AgencyKind::Office));
        let r = Registry::new(v);
        let g = r.generic_aliases();
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].alias, "Bộ");
        assert_eq!(g[0].prefix_of, ["Bộ Tài chính"]);
    }

    #[test]
    fn suggestions_are_close_names_only() {
        let r = registry();
        assert!(r.suggest("Văn phòng UBND tinh").is_some());
        assert_eq!(r.suggest("Bộ Văn hóa, Thể thao và Du lịch"), None);
    }

    fn part() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            Just("Công an tỉnh".to_string()),
            Just("VP UBND tỉnh".to_string()),
            Just("Các Sở, ban, ngành".to_string()),
            Just("Sở Thông tin và Truyền thông".to_string()),
            "[A-ZĐa-zơưđ]{1,6}( [a-zơưđ]{1,5}){0,3}",
        ]
    }

    proptest::proptest! {
        /// Whatever the cell, its text is kept verbatim, every agency found
        /// is printed as one of its registered names, and every unmatched
        /// phrase is reported at the place it stands.
        #[test]
        fn resolution_keeps_the_cell_and_places_every_word(
            parts in proptest::collection::vec(part(), 1..6),
            seps in proptest::collection::vec(proptest::sample::select(vec![", ", "; ", " và ", "\n", " "]), 6),
        ) {
            let r = registry();
            let mut cell = String::new();
            for (k, p) in parts.iter().enumerate() {
                if k > 0 {
                    cell.push_str(seps[k]);
                }
                cell.push_str(p);
            }
            let res = r.resolve(&cell);
            let rebuilt: String = res
                .segments
                .iter()
                .map(|s| match s {
                    Segment::Text { text } | Segment::Agency { text, .. } => text.as_str(),
                })
                .collect();
            proptest::prop_assert_eq!(&rebuilt, &cell);
            for s in &res.segments {
                if let Segment::Agency { text, id } = s {
                    proptest::prop_assert_eq!(r.lookup(text).map(|a| &a.id), Some(id));
                }
            }
            let chars: Vec<char> = cell.chars().collect();
            for u in res.unknown.iter().chain(&res.leftover) {
                let from: String = chars[u.at - 1..].iter().collect();
                proptest::prop_assert!(from.starts_with(&u.text), "{:?} not at {} of {:?}", u.text, u.at, cell);
            }
        }

        /// The tree of names finds, at every place of every cell, the same
        /// name as trying each registered name longest first: names that
        /// begin one another, share words, or differ by one letter.
        #[test]
        fn the_tree_finds_what_trying_every_name_finds(
            names in proptest::collection::vec("[ab]{1,3}( [ab]{1,3}){0,3}", 1..25),
            cell in "[ab ,.]{0,30}",
        ) {
            let agencies: Vec<Agency> = names
                .iter()
                .enumerate()
                .map(|(i, n)| agency(&format!("a-{i}"), n, &[], AgencyKind::Department))
                .collect();
            let r = Registry::new(agencies);
            let low: Vec<char> = cell.chars().collect();
            for i in 0..low.len() {
                proptest::prop_assert_eq!(r.match_at(&low, i), r.match_at_by_scan(&low, i), "at {} of {:?}", i, cell);
            }
        }
    }
}
