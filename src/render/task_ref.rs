//! How a task is referred to: the words of its page heading (its own text,
//! shortened only at a word boundary) and where it sits in the document (its
//! number as printed, or its row in its group for rows printed without a
//! number), so citations point at something a reader can find on paper.

use serde::Serialize;

use crate::model::plan::{Group, Task};
use crate::model::Plan;

use super::i18n::Locale;

/// The longest heading, in characters, before it is shortened.
pub const HEADING_CHARS: usize = 120;

/// The task's own words for a heading: whitespace collapsed, a leading list
/// mark (`-`, `+`, `•`) dropped, and, when longer than `max` characters, cut
/// at the last clause boundary (`;`, `:`, `,`, `.`) or else the last space
/// before `max`, followed by `…`. Words are never changed or reordered.
pub fn heading_words(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = collapsed
        .trim_start_matches(['-', '+', '•', '–'])
        .trim_start()
        .to_string();
    if t.chars().count() <= max {
        return t;
    }
    let head: String = t.chars().take(max).collect();
    // Prefer a clause boundary in the second half of the allowance.
    let min = head.char_indices().nth(max / 2).map_or(0, |(i, _)| i);
    let clause = head
        .char_indices()
        .filter(|&(i, c)| i >= min && matches!(c, ';' | ':' | ',' | '.'))
        .filter(|&(i, c)| head[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, _)| i)
        .next_back();
    let cut = clause.or_else(|| head.rfind(' ')).unwrap_or(head.len());
    let kept = head[..cut].trim_end_matches([' ', ',', ';', ':', '.']);
    format!("{kept}…")
}

/// The words a task is titled by, shortened like [`heading_words`]: its
/// own text; for a row whose text cell is merged with another row's in the
/// source, its own row's output and goal (`Quyết định — 100% cơ quan…`).
/// `None` only when the row has none of the three.
pub fn title_words(t: &Task, max: usize) -> Option<String> {
    fn pick(s: &Option<String>) -> Option<&str> {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.trim_matches(['-', '+', '•', '–', ' ']).is_empty())
    }
    let words = match (pick(&t.text), pick(&t.output), pick(&t.goal)) {
        (Some(text), _, _) => text.to_string(),
        (None, Some(o), Some(g)) => format!("{o} — {g}"),
        (None, Some(o), None) => o.to_string(),
        (None, None, Some(g)) => g.to_string(),
        (None, None, None) => return None,
    };
    Some(heading_words(&words, max)).filter(|h| !h.is_empty())
}

/// A piece of a task's name: the page's words, or the document's own (an
/// appendix's title), which another language's page marks with the
/// content's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// The words.
    pub text: String,
    /// True for the document's own words.
    pub content: bool,
}

/// How lists name a task, as its page does: its number as printed
/// (`Nhiệm vụ 43`, with its groups when numbering restarts in each group),
/// or its row in its groups (`Dòng thứ 1, nhóm IV`); never its id.
pub fn label(l: &Locale, loc: &Locator) -> String {
    label_parts(l, loc).into_iter().map(|p| p.text).collect()
}

/// [`label`] in pieces, the document's own words apart.
pub fn label_parts(l: &Locale, loc: &Locator) -> Vec<Piece> {
    let said = |text: String| Piece {
        text,
        content: false,
    };
    let mut out = Vec::new();
    let groups = |out: &mut Vec<Piece>| {
        for g in &loc.groups {
            out.push(said(", ".to_string()));
            match g.appendix.as_deref().filter(|a| !a.is_empty()) {
                Some(a) => out.push(Piece {
                    text: a.to_string(),
                    content: true,
                }),
                None => out.push(said(
                    l.say_with("task_page.group_code", &[("code", g.code.clone())]),
                )),
            }
        }
    };
    match loc
        .number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        Some(n) => {
            let number = n.trim_end_matches('.').to_string();
            out.push(said(l.say_with("tasklist.numbered", &[("number", number)])));
            if !loc.number_unique {
                groups(&mut out);
            }
        }
        None => {
            out.push(said(
                l.say_with("task_page.row", &[("row", loc.row.to_string())]),
            ));
            groups(&mut out);
        }
    }
    // Neighbouring pieces of the same kind read as one.
    let mut merged: Vec<Piece> = Vec::with_capacity(out.len());
    for p in out {
        match merged.last_mut() {
            Some(last) if last.content == p.content => last.text.push_str(&p.text),
            _ => merged.push(p),
        }
    }
    merged
}

/// A group a task sits in, as printed: its appendix label, or its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupLabel {
    /// Code as printed (`II`, `IV.1`).
    pub code: String,
    /// Appendix label (`Phụ lục II`), when the group is an appendix.
    pub appendix: Option<String>,
}

/// Where a task sits in its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Locator {
    /// Number as printed (`18`, `1.`), when the row has one.
    pub number: Option<String>,
    /// True when the number alone identifies the row in the document; when
    /// numbering restarts in each group, the groups are named too.
    pub number_unique: bool,
    /// Row of the task within its innermost group, from 1.
    pub row: usize,
    /// Groups from the innermost out.
    pub groups: Vec<GroupLabel>,
}

/// Where every task of one plan sits, found in one walk of its groups, so
/// a task page locates its task without scanning the plan (which, over a
/// plan's pages, cost the square of its size). [`Places::locate`] gives
/// what [`locate`] gives.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Per task: its row in its group (0 when it is in no group).
    row: Vec<usize>,
    /// Per task: the child indexes leading to its group, outermost first.
    path: Vec<Vec<u32>>,
    /// Per task: its number is printed once only in the plan.
    unique: Vec<bool>,
}

impl Places {
    /// Walks `plan`'s groups once.
    pub fn new(plan: &Plan) -> Self {
        let n = plan.tasks.len();
        let mut places = Places {
            row: vec![0; n],
            path: vec![Vec::new(); n],
            unique: vec![false; n],
        };
        places.visit(&plan.groups, &mut Vec::new());
        let mut count: std::collections::HashMap<&str, usize> = Default::default();
        for t in &plan.tasks {
            if let Some(num) = &t.number {
                *count.entry(num.trim()).or_default() += 1;
            }
        }
        for (ti, t) in plan.tasks.iter().enumerate() {
            places.unique[ti] = t
                .number
                .as_ref()
                .is_some_and(|num| count.get(num.trim()) == Some(&1));
        }
        places
    }

    /// Depth first, a group's own rows before its subgroups: the first
    /// place found for a task is the one [`locate`] finds.
    fn visit(&mut self, groups: &[Group], path: &mut Vec<u32>) {
        for (gi, g) in groups.iter().enumerate() {
            path.push(gi as u32);
            let rows = g.blocks.iter().flat_map(|b| b.tasks.iter().copied());
            for (i, ti) in rows.enumerate() {
                if ti < self.row.len() && self.row[ti] == 0 {
                    self.row[ti] = i + 1;
                    self.path[ti] = path.clone();
                }
            }
            self.visit(&g.groups, path);
            path.pop();
        }
    }

    /// Locates task `ti` of `plan` (the plan these places were made from).
    pub fn locate(&self, plan: &Plan, ti: usize) -> Locator {
        let t = &plan.tasks[ti];
        let mut chain: Vec<&Group> = Vec::new();
        let mut level = &plan.groups;
        for &gi in self.path.get(ti).map_or(&[][..], Vec::as_slice) {
            let Some(g) = level.get(gi as usize) else {
                break;
            };
            chain.push(g);
            level = &g.groups;
        }
        Locator {
            number: t.number.clone(),
            number_unique: self.unique.get(ti).copied().unwrap_or(false),
            row: match self.row.get(ti) {
                Some(&r) if r > 0 => r,
                _ => ti + 1,
            },
            groups: chain
                .iter()
                .rev()
                .map(|g| GroupLabel {
                    code: g.code.clone(),
                    appendix: g.appendix.clone(),
                })
                .collect(),
        }
    }
}

/// Locates task `ti` of `plan`.
pub fn locate(plan: &Plan, ti: usize) -> Locator {
    let t = &plan.tasks[ti];
    let mut path: Vec<&Group> = Vec::new();
    let row = find(&plan.groups, ti, &mut path).unwrap_or(ti + 1);
    let number_unique = t.number.as_ref().is_some_and(|n| {
        plan.tasks
            .iter()
            .filter(|o| o.number.as_ref().map(|x| x.trim()) == Some(n.trim()))
            .count()
            == 1
    });
    Locator {
        number: t.number.clone(),
        number_unique,
        row,
        groups: path
            .iter()
            .rev()
            .map(|g| GroupLabel {
                code: g.code.clone(),
                appendix: g.appendix.clone(),
            })
            .collect(),
    }
}

/// Finds task `ti` under `groups`, pushing the groups on the way (outermost
/// first) and returning its row in its own group.
fn find<'a>(groups: &'a [Group], ti: usize, path: &mut Vec<&'a Group>) -> Option<usize> {
    for g in groups {
        path.push(g);
        let rows: Vec<usize> = g
            .blocks
            .iter()
            .flat_map(|b| b.tasks.iter().copied())
            .collect();
        if let Some(i) = rows.iter().position(|&x| x == ti) {
            return Some(i + 1);
        }
        if let Some(r) = find(&g.groups, ti, path) {
            return Some(r);
        }
        path.pop();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn short_texts_stay_whole() {
        assert_eq!(
            heading_words("  - Tổ chức các phiên họp\n của Ban Chỉ đạo ", 120),
            "Tổ chức các phiên họp của Ban Chỉ đạo"
        );
    }

    #[test]
    fn long_texts_are_cut_at_a_clause_then_a_word() {
        let t = "Hoàn thành số hóa quy trình nghiệp vụ nội bộ, hồ sơ tài liệu, kết quả giải quyết thủ tục hành chính trong các lĩnh vực liên quan tới người dân; tái sử dụng 100% dữ liệu";
        let h = heading_words(t, 120);
        assert_eq!(
            h,
            "Hoàn thành số hóa quy trình nghiệp vụ nội bộ, hồ sơ tài liệu…"
        );
        let no_clause =
            "một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu bảy tám chín mười";
        let h = heading_words(no_clause, 30);
        assert_eq!(h, "một hai ba bốn năm sáu bảy…");
    }

    /// The shipped plans (nested groups, numbering that restarts per group).
    fn shipped() -> &'static [Plan] {
        static PLANS: std::sync::OnceLock<Vec<Plan>> = std::sync::OnceLock::new();
        PLANS.get_or_init(|| {
            let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
            crate::load_model(&content, None)
                .0
                .map(|m| m.plans)
                .unwrap_or_default()
        })
    }

    #[test]
    fn places_locate_every_shipped_task_as_the_scan_does() {
        let plans = shipped();
        assert!(plans.iter().map(|p| p.tasks.len()).sum::<usize>() > 100);
        for p in plans {
            let places = Places::new(p);
            for ti in 0..p.tasks.len() {
                assert_eq!(places.locate(p, ti), locate(p, ti), "{} task {ti}", p.id);
            }
        }
    }

    proptest! {
        /// Whatever the numbers (repeated, padded, missing), the places
        /// say what the scan says.
        #[test]
        fn places_agree_with_the_scan_for_any_numbering(
            plan in 0usize..8,
            numbers in prop::collection::vec(prop::option::of(prop::sample::select(vec!["1", "1.", " 1", "2", "II", "a"])), 1..400),
        ) {
            let plans = shipped();
            let mut p = plans[plan % plans.len()].clone();
            for (t, n) in p.tasks.iter_mut().zip(numbers.iter().cycle()) {
                t.number = n.map(str::to_string);
            }
            let places = Places::new(&p);
            for ti in 0..p.tasks.len() {
                prop_assert_eq!(places.locate(&p, ti), locate(&p, ti));
            }
        }

        /// The heading is a prefix of the collapsed text (words unchanged),
        /// ends at a word boundary, and is never longer than allowed.
        #[test]
        fn heading_is_a_word_prefix(words in prop::collection::vec("[a-zA-ZàáạảãâầấậẩẫăằắặẳẵđĐêềếệểễôồốộổỗơờớợởỡưừứựửữ0-9]{1,12}[,;.]?", 1..40), max in 20usize..140) {
            let text = words.join(" ");
            let h = heading_words(&text, max);
            prop_assert!(h.chars().count() <= max + 1);
            let body = h.trim_end_matches('…');
            prop_assert!(text.starts_with(body), "{h:?} not a prefix of {text:?}");
            if h.ends_with('…') {
                let next = text[body.len()..].chars().next();
                prop_assert!(matches!(next, Some(' ' | ',' | ';' | ':' | '.')), "cut inside a word: {h:?}");
            } else {
                prop_assert_eq!(&h, &text);
            }
        }
    }
}
