//! The agency registry: every body, group and alias, and the matcher that
//! finds agencies inside a printed "Cơ quan chủ trì / phối hợp" cell.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::ids::AgencyId;

pub mod names;
pub mod reference;
mod resolve;
mod trie;

pub use resolve::{AgencyCell, GenericAlias, Resolved, Segment, Unmatched};

/// What kind of body an agency is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgencyKind {
    /// A province department (Sở) or equivalent.
    Department,
    /// A People's Committee (UBND).
    PeoplesCommittee,
    /// A People's Council (HĐND).
    Council,
    /// An office (Văn phòng).
    Office,
    /// Police (Công an).
    Police,
    /// A steering committee or working group.
    SteeringCommittee,
    /// A division of a ward or commune.
    WardOffice,
    /// Press, radio and television.
    Media,
    /// A company.
    Enterprise,
    /// Party bodies and mass organisations.
    Party,
    /// Ministries and central bodies.
    Central,
    /// A collective designation standing for many bodies.
    Group,
    /// Anything else.
    Other,
}

impl AgencyKind {
    /// Parses the `kind` field of `agencies.yaml`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "department" => Self::Department,
            "peoples-committee" => Self::PeoplesCommittee,
            "council" => Self::Council,
            "office" => Self::Office,
            "police" => Self::Police,
            "steering-committee" => Self::SteeringCommittee,
            "ward-office" => Self::WardOffice,
            "media" => Self::Media,
            "enterprise" => Self::Enterprise,
            "party" => Self::Party,
            "central" => Self::Central,
            "group" => Self::Group,
            "other" => Self::Other,
            _ => return None,
        })
    }

    /// Every kind, in the order of [`AgencyKind::NAMES`].
    pub const ALL: [AgencyKind; 13] = [
        Self::Department,
        Self::PeoplesCommittee,
        Self::Council,
        Self::Office,
        Self::Police,
        Self::SteeringCommittee,
        Self::WardOffice,
        Self::Media,
        Self::Enterprise,
        Self::Party,
        Self::Central,
        Self::Group,
        Self::Other,
    ];

    /// The `kind` value as written in `agencies.yaml` (the key of its
    /// label in the i18n files: `agency_kind.<key>`).
    pub fn key(&self) -> &'static str {
        match self {
            Self::Department => "department",
            Self::PeoplesCommittee => "peoples-committee",
            Self::Council => "council",
            Self::Office => "office",
            Self::Police => "police",
            Self::SteeringCommittee => "steering-committee",
            Self::WardOffice => "ward-office",
            Self::Media => "media",
            Self::Enterprise => "enterprise",
            Self::Party => "party",
            Self::Central => "central",
            Self::Group => "group",
            Self::Other => "other",
        }
    }

    /// The key of the kind's label in the i18n files: `agency_kind.<key>`,
    /// except `other`, a word the i18n files keep for count forms.
    pub fn label_key(&self) -> String {
        match self {
            Self::Other => "agency_kind.other_kind".to_string(),
            k => format!("agency_kind.{}", k.key()),
        }
    }

    /// The allowed `kind` values, for error messages.
    pub const NAMES: &'static str = "department, peoples-committee, council, office, police, steering-committee, ward-office, media, enterprise, party, central, group, other";

    /// Vietnamese label: the reference words; pages take theirs from the
    /// i18n files ([`AgencyKind::label_key`]; a test holds the two equal).
    pub fn label(&self) -> &'static str {
        match self {
            Self::Department => "Sở, ngành cấp tỉnh",
            Self::PeoplesCommittee => "Ủy ban nhân dân",
            Self::Council => "Hội đồng nhân dân",
            Self::Office => "Văn phòng",
            Self::Police => "Công an",
            Self::SteeringCommittee => "Ban Chỉ đạo, tổ công tác",
            Self::WardOffice => "Cơ quan cấp phường, xã",
            Self::Media => "Báo chí, phát thanh, truyền hình",
            Self::Enterprise => "Doanh nghiệp",
            Self::Party => "Cơ quan Đảng, Mặt trận, đoàn thể",
            Self::Central => "Cơ quan Trung ương",
            Self::Group => "Nhóm cơ quan (nhiều đơn vị)",
            Self::Other => "Cơ quan, đơn vị khác",
        }
    }
}

/// A merger: this body's work passed to `id` on `date`.
#[derive(Debug, Clone, Serialize)]
pub struct Successor {
    /// The successor body.
    pub id: AgencyId,
    /// When the change took effect.
    pub date: Option<NaiveDate>,
    /// The basis of the change.
    pub note: Option<String>,
}

/// One body or group of the registry.
#[derive(Debug, Clone, Serialize)]
pub struct Agency {
    /// Stable id (permalink).
    pub id: AgencyId,
    /// Official name.
    pub name: String,
    /// Official English name, when known (a gloss on English pages).
    pub name_en: Option<String>,
    /// Short form.
    pub short: Option<String>,
    /// Kind of body.
    pub kind: AgencyKind,
    /// Administrative level, as written in the registry (`province`, `ward`).
    pub level: Option<String>,
    /// Parent body.
    pub parent: Option<AgencyId>,
    /// Other spellings used in documents.
    pub aliases: Vec<String>,
    /// Members, for groups.
    pub members: Vec<AgencyId>,
    /// Merged into.
    pub successor: Option<Successor>,
    /// Free note.
    pub note: Option<String>,
}

impl Agency {
    /// True for collective designations that stand for many bodies.
    pub fn is_group(&self) -> bool {
        self.kind == AgencyKind::Group
    }
}

/// How close (0–1, normalised edit distance) a name must be to a registered
/// one to be offered as "did you mean": close enough to be a misspelling,
/// not merely another body of the same kind.
const SUGGEST_SIMILARITY: f64 = 0.75;

/// All agencies, with name lookup.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    agencies: Vec<Agency>,
    by_id: HashMap<AgencyId, usize>,
    /// Lower-cased names and aliases, longest first.
    names: Vec<(Vec<char>, usize)>,
    /// First words (lower-cased) of every name and alias: where a new name may begin.
    heads: std::collections::HashSet<String>,
    /// The same names as a tree of letters, for reading cells.
    trie: trie::NameTrie,
}

fn fold_char(c: char) -> char {
    if c.is_whitespace() {
        ' '
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn folded(s: &str) -> Vec<char> {
    // Invisible characters (a zero-width space) never tell names apart.
    let s = crate::text::without_invisible(s);
    let mut out = Vec::new();
    for c in s.trim().chars().map(fold_char) {
        if c == ' ' && out.last() == Some(&' ') {
            continue;
        }
        out.push(c);
    }
    out
}

impl Registry {
    /// Builds the registry; agencies are kept sorted by id.
    pub fn new(mut agencies: Vec<Agency>) -> Self {
        agencies.sort_by(|a, b| a.id.cmp(&b.id));
        let by_id = agencies
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut names: Vec<(Vec<char>, usize)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, a) in agencies.iter().enumerate() {
            for n in std::iter::once(&a.name)
                .chain(a.short.iter())
                .chain(a.aliases.iter())
            {
                let f = folded(n);
                if !f.is_empty() && seen.insert(f.clone()) {
                    names.push((f, i));
                }
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let heads = names
            .iter()
            .map(|(n, _)| n.iter().take_while(|c| c.is_alphanumeric()).collect())
            .collect();
        let trie = trie::NameTrie::new(names.iter().map(|(n, i)| (n.as_slice(), *i)));
        Registry {
            agencies,
            by_id,
            names,
            heads,
            trie,
        }
    }

    /// Every agency, sorted by id.
    pub fn all(&self) -> &[Agency] {
        &self.agencies
    }

    /// The agency with this id.
    pub fn get(&self, id: &AgencyId) -> Option<&Agency> {
        self.by_id.get(id).map(|&i| &self.agencies[i])
    }

    /// The agency with the id written as text.
    pub fn lookup_id(&self, id: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id.as_str() == id)
    }

    /// The agency whose name or alias is exactly `name` (case-insensitive).
    pub fn lookup(&self, name: &str) -> Option<&Agency> {
        let f = folded(name);
        self.names
            .iter()
            .find(|(n, _)| *n == f)
            .map(|&(_, i)| &self.agencies[i])
    }

    /// The registered name or alias closest to `name`, for "did you mean".
    pub fn suggest(&self, name: &str) -> Option<String> {
        let target = folded(name);
        let target_len = target.len();
        // A score of at least SUGGEST_SIMILARITY needs lengths within this
        // ratio (the edit distance is at least their difference): other
        // candidates are skipped, so a huge pasted cell costs nothing.
        let fits = |n: usize| {
            let (lo, hi) = (n.min(target_len) as f64, n.max(target_len) as f64);
            hi > 0.0 && lo / hi >= SUGGEST_SIMILARITY
        };
        let target: String = target.into_iter().collect();
        let mut best: Option<(f64, usize, String)> = None;
        for (n, i) in self.names.iter().filter(|(n, _)| fits(n.len())) {
            let cand: String = n.iter().collect();
            let score = strsim::normalized_levenshtein(&target, &cand);
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, *i, cand));
            }
        }
        // An abbreviation the candidate lacks (`KH&CN` against `KH&ĐT`)
        // names another body, not a misspelling of this one.
        let abbreviations_kept = |cand: &str| {
            let words: Vec<&str> = cand.split(' ').collect();
            name.split_whitespace()
                .filter(|w| {
                    let c: Vec<char> = w.chars().collect();
                    names::is_abbreviation(&c, 0)
                })
                .all(|w| words.contains(&w.to_lowercase().as_str()))
        };
        best.filter(|(s, _, cand)| *s >= SUGGEST_SIMILARITY && abbreviations_kept(cand))
            .map(|(_, i, cand)| {
                let a = &self.agencies[i];
                if folded(&a.name) == cand.chars().collect::<Vec<_>>() {
                    a.name.clone()
                } else {
                    format!("{} ({})", original_alias(a, &cand), a.name)
                }
            })
    }
}

fn original_alias(a: &Agency, folded_name: &str) -> String {
    a.aliases
        .iter()
        .chain(a.short.iter())
        .find(|al| folded(al).into_iter().collect::<String>() == folded_name)
        .cloned()
        .unwrap_or_else(|| folded_name.to_string())
}
