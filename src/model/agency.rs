//! The agency registry: every body, group and alias, and the matcher that
//! finds agencies inside a printed "Cơ quan chủ trì / phối hợp" cell.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::ids::AgencyId;

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

    /// The allowed `kind` values, for error messages.
    pub const NAMES: &'static str = "department, peoples-committee, council, office, police, steering-committee, ward-office, media, enterprise, party, central, group, other";

    /// Vietnamese label shown on pages.
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

/// The result of reading a cell: its segments and any names not recognised.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// The cell, split into text and agencies, in order.
    pub segments: Vec<Segment>,
    /// Words that look like agency names but match nothing in the registry.
    pub unknown: Vec<String>,
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

/// All agencies, with name lookup.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    agencies: Vec<Agency>,
    by_id: HashMap<AgencyId, usize>,
    /// Lower-cased names and aliases, longest first.
    names: Vec<(Vec<char>, usize)>,
}

fn fold_char(c: char) -> char {
    if c.is_whitespace() {
        ' '
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn folded(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    for c in s.trim().chars().map(fold_char) {
        if c == ' ' && out.last() == Some(&' ') {
            continue;
        }
        out.push(c);
    }
    out
}

const CONNECTORS: [&str; 3] = ["và", "với", "cùng"];

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
        for (i, a) in agencies.iter().enumerate() {
            for n in std::iter::once(&a.name)
                .chain(a.short.iter())
                .chain(a.aliases.iter())
            {
                let f = folded(n);
                if !f.is_empty() && !names.iter().any(|(g, _)| *g == f) {
                    names.push((f, i));
                }
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Registry {
            agencies,
            by_id,
            names,
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
        let target: String = folded(name).into_iter().collect();
        let mut best: Option<(f64, usize, String)> = None;
        for (n, i) in &self.names {
            let cand: String = n.iter().collect();
            let score = strsim::normalized_levenshtein(&target, &cand);
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, *i, cand));
            }
        }
        best.filter(|(s, _, _)| *s >= 0.4).map(|(_, i, cand)| {
            let a = &self.agencies[i];
            if folded(&a.name) == cand.chars().collect::<Vec<_>>() {
                a.name.clone()
            } else {
                format!("{} ({})", original_alias(a, &cand), a.name)
            }
        })
    }

    /// Splits a printed cell into agencies and text. Text right after an
    /// agency name in the same clause (`Văn phòng UBND tỉnh đăng tải trên
    /// Công báo`) is description; other unmatched words are reported.
    pub fn resolve(&self, cell: &str) -> Resolved {
        let chars: Vec<char> = cell.chars().collect();
        let low: Vec<char> = chars.iter().map(|&c| fold_char(c)).collect();
        let n = chars.len();
        let mut out = Resolved::default();
        let mut text = String::new();
        let mut i = 0;
        let mut after_agency = false;
        while i < n {
            let word_start = i == 0 || !low[i - 1].is_alphanumeric();
            if word_start && low[i].is_alphanumeric() {
                if let Some((len, idx)) = self.match_at(&low, i) {
                    if !text.is_empty() {
                        out.segments.push(Segment::Text {
                            text: std::mem::take(&mut text),
                        });
                    }
                    out.segments.push(Segment::Agency {
                        text: chars[i..i + len].iter().collect(),
                        id: self.agencies[idx].id.clone(),
                    });
                    i += len;
                    after_agency = true;
                    continue;
                }
                // A connector word between names.
                let word_end = (i..n).find(|&j| !low[j].is_alphanumeric()).unwrap_or(n);
                let word: String = low[i..word_end].iter().collect();
                if CONNECTORS.contains(&word.as_str()) {
                    text.extend(&chars[i..word_end]);
                    i = word_end;
                    continue;
                }
                // Unmatched words up to the end of the clause.
                let end = (i..n)
                    .find(|&j| matches!(chars[j], ';' | ',' | '\n' | '(' | ')'))
                    .unwrap_or(n);
                let chunk: String = chars[i..end].iter().collect();
                let continues_agency = after_agency && i > 0 && chars[i - 1] == ' ';
                if !continues_agency {
                    let name = chunk.trim().trim_end_matches('.').trim();
                    if !name.is_empty() {
                        out.unknown.push(name.to_string());
                    }
                }
                text.push_str(&chunk);
                i = end;
                continue;
            }
            if matches!(chars[i], ';' | ',' | '\n') {
                after_agency = false;
            }
            text.push(chars[i]);
            i += 1;
        }
        if !text.is_empty() {
            out.segments.push(Segment::Text { text });
        }
        out
    }

    fn match_at(&self, low: &[char], i: usize) -> Option<(usize, usize)> {
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
}

fn original_alias(a: &Agency, folded_name: &str) -> String {
    a.aliases
        .iter()
        .chain(a.short.iter())
        .find(|al| folded(al).into_iter().collect::<String>() == folded_name)
        .cloned()
        .unwrap_or_else(|| folded_name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(res.unknown, vec!["Văn phòng UBND tinh".to_string()]);
        let s = r.suggest("Văn phòng UBND tinh").unwrap();
        assert!(s.contains("Văn phòng UBND tỉnh"), "{s}");
    }

    #[test]
    fn description_after_a_name_is_not_an_agency() {
        let r = registry();
        let res = r.resolve("- Văn phòng UBND tỉnh đăng tải trên Công báo");
        assert!(res.unknown.is_empty(), "{:?}", res.unknown);
        assert_eq!(res.ids().len(), 1);
    }
}
