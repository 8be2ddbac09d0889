//! From a prose document's outline to the shape of `tasks.yaml`: sections
//! that state purposes, requirements, funding or the situation are
//! narrative; in the others each item with no items under it is a task,
//! and an item with items under it a group. A task's lead is the body its
//! words open with, else the nearest heading above it that names one; its
//! cooperators the bodies after `phối hợp với`; its deadline the phrases
//! the grammar reads whole inside it. Each of these is an inference, kept
//! as a `review` item.

use crate::import_plan::header::{fold, Field};
use crate::import_plan::structure::{Group, Imported, Task};
use crate::model::deadline::{find_in, vi::Vietnamese, Context, DeadlineKind, Trigger};
use crate::model::inference::InferenceKind;

use super::bodies::Registries;
use super::labels::LabelKind;
use super::outline::{Doc, Item};

/// Whether a section holds tasks or narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// It assigns work.
    Tasks,
    /// It states purposes, requirements, funding, the situation.
    Narrative,
}

/// Words of a heading that make its section one of work.
const TASK_WORDS: [&str; 9] = [
    "nhiem vu",
    "giai phap",
    "to chuc thuc hien",
    "phan cong",
    "trach nhiem",
    "chi dao",
    "hoat dong",
    "noi dung thuc hien",
    "giao",
];

/// Words of a heading that make its section narrative.
const NARRATIVE_WORDS: [&str; 16] = [
    "muc dich",
    "yeu cau",
    "muc tieu",
    "quan diem",
    "can cu",
    "kinh phi",
    "tinh hinh",
    "ket qua dat duoc",
    "danh gia",
    "thuc trang",
    "su can thiet",
    "pham vi",
    "doi tuong",
    "che do bao cao",
    "nguon luc",
    "boi canh",
];

fn has(words: &[String], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(p.len())
        .any(|w| w.iter().zip(&p).all(|(a, b)| a == b))
}

/// The role a heading gives its section, if its words say.
pub fn role_of(heading: &str) -> Option<Role> {
    let w = fold(heading);
    if w.len() > 12 {
        return None;
    }
    if TASK_WORDS.iter().any(|p| has(&w, p)) {
        Some(Role::Tasks)
    } else if NARRATIVE_WORDS.iter().any(|p| has(&w, p)) {
        Some(Role::Narrative)
    } else {
        None
    }
}

/// What shaping a prose document gave: the tasks in groups, the
/// narrative sections, and which sections were read as which.
#[derive(Debug, Default)]
pub struct Shaped {
    /// Groups and tasks, as `tasks.yaml` holds them.
    pub imported: Imported,
    /// The sections read as narrative, in order.
    pub narrative: Vec<Item>,
    /// Each top section's heading and how it was read.
    pub sections: Vec<(String, Role)>,
    /// Where each task row is in the file (by its row number).
    pub at: Vec<String>,
    /// Time phrases found but not taken (a date only mentioned): where,
    /// the phrase.
    pub mentioned: Vec<(String, String)>,
}

struct Ctx<'a> {
    bodies: &'a Registries<'a>,
    time: Context,
    out: Shaped,
}

/// Shapes a document's outline.
pub fn shape(doc: &Doc, bodies: &Registries, time: Context) -> Shaped {
    let mut c = Ctx {
        bodies,
        time,
        out: Shaped::default(),
    };
    let root = Group {
        printed_code: Some(String::new()),
        ..Group::default()
    };
    let mut work = Vec::new();
    for item in &doc.items {
        let role = role_of(&item.para.text).unwrap_or(Role::Tasks);
        c.out.sections.push((heading_title(item), role));
        match role {
            Role::Narrative => c.out.narrative.push(item.clone()),
            Role::Tasks => work.push(item.clone()),
        }
    }
    // Tasks at the top stand in groups of their own, in document order.
    let mut top = Group::default();
    top.groups.push(Group::default());
    c.children(&work, &mut top, &[], None);
    let Ctx { mut out, .. } = c;
    out.imported.groups = top
        .groups
        .into_iter()
        .skip(1)
        .chain(
            std::iter::once(Group {
                tasks: top.tasks,
                ..root
            })
            .filter(|g| !g.tasks.is_empty()),
        )
        .collect();
    out
}

/// The label and words of an item's heading, for the summary.
fn heading_title(item: &Item) -> String {
    let first = item.para.text.lines().next().unwrap_or_default();
    match item.para.printed() {
        Some(p) => format!("{p} {first}"),
        None => first.to_string(),
    }
}

/// An item's code in the path of positions (`II`, `2`, `a`; a bullet's
/// place among its siblings).
fn code_of(item: &Item, index: usize) -> String {
    match &item.para.label {
        Some(l) if !matches!(l.kind, LabelKind::Bullet(_)) && !l.code.is_empty() => l.code.clone(),
        _ => (index + 1).to_string(),
    }
}

/// True when an item introduces a list that belongs to it (`… gồm:`
/// followed by bullets none of which names a body): one task.
fn is_enumeration(item: &Item, bodies: &Registries) -> bool {
    item.para.text.trim_end().ends_with(':')
        && bodies.heading(&item.para.text).is_none()
        && !item.children.is_empty()
        && item.children.iter().all(|c| {
            matches!(
                c.para.label.as_ref().map(|l| l.kind),
                Some(LabelKind::Bullet(_))
            ) && c.children.is_empty()
                && bodies.opening(&c.para.text).is_none()
        })
}

impl Ctx<'_> {
    /// Places `item` (at `path`) under `parent`: a group when items stand
    /// under it, else a task; `lead` is the body the nearest heading names.
    fn item(&mut self, item: &Item, parent: &mut Group, path: &[String], lead: Option<&str>) {
        if let Some(Role::Narrative) =
            role_of(&item.para.text).filter(|_| !item.children.is_empty())
        {
            self.out.narrative.push(item.clone());
            return;
        }
        if item.children.is_empty() || is_enumeration(item, self.bodies) {
            let task = self.task(item, path, lead);
            parent.tasks.push(task);
            return;
        }
        let names = self.bodies.heading(&item.para.text);
        let printed = item.para.printed().unwrap_or_default();
        let mut g = Group {
            code: path.join("."),
            printed_code: Some(printed.to_string()),
            title: Some(item.para.text.clone()).filter(|t| !t.is_empty()),
            ..Group::default()
        };
        let lead_here = names.as_deref().or(lead);
        self.children(&item.children, &mut g, path, lead_here);
        parent.groups.push(g);
    }

    /// Places `items` under `parent` in document order: tasks that come
    /// after a sub-group go into a group of their own (numbered by
    /// position), since a group's own tasks are listed before its
    /// sub-groups.
    fn children(
        &mut self,
        items: &[Item],
        parent: &mut Group,
        path: &[String],
        lead: Option<&str>,
    ) {
        let mut loose: Option<Group> = None;
        for (k, child) in items.iter().enumerate() {
            let mut p = path.to_vec();
            p.push(code_of(child, k));
            let leaf = child.children.is_empty() || is_enumeration(child, self.bodies);
            if leaf && !parent.groups.is_empty() {
                let g = loose.get_or_insert_with(|| Group {
                    code: p.join("."),
                    printed_code: Some(String::new()),
                    ..Group::default()
                });
                self.item(child, g, &p, lead);
                continue;
            }
            if let Some(g) = loose.take() {
                parent.groups.push(g);
            }
            self.item(child, parent, &p, lead);
        }
        if let Some(g) = loose.take() {
            parent.groups.push(g);
        }
    }

    fn task(&mut self, item: &Item, path: &[String], heading_lead: Option<&str>) -> Task {
        let p = &item.para;
        let mut text = p.text.clone();
        for c in &item.children {
            text.push('\n');
            text.push_str(&format!(
                "{} {}",
                c.para.printed().unwrap_or("-"),
                c.para.text
            ));
        }
        let row = self.out.at.len();
        self.out.at.push(p.at.clone());
        let mut cells = Vec::new();
        let mut review = Vec::new();
        let numbered = p
            .label
            .as_ref()
            .filter(|l| !matches!(l.kind, LabelKind::Bullet(_)))
            .map(|l| l.printed.clone());
        let number = numbered.unwrap_or_else(|| {
            let (last, up) = path
                .split_last()
                .map_or((String::new(), &[][..]), |(l, u)| (l.clone(), u));
            let pos = if up.is_empty() {
                last.clone()
            } else {
                format!("{}-{last}", up.join("."))
            };
            review.push((
                InferenceKind::NumberByPosition,
                format!("{}: no number printed: numbered {pos} by position", p.at),
            ));
            pos
        });
        cells.push((Field::Number, number));
        cells.push((Field::Task, text.clone()));
        let own = self
            .bodies
            .opening(&p.text)
            .or_else(|| self.bodies.inside(&p.text));
        match (own, heading_lead) {
            (Some(o), _) => {
                review.push((
                    InferenceKind::LeadFromText,
                    format!("{}: the lead {o:?} was taken from the item's words", p.at),
                ));
                cells.push((Field::Lead, o));
            }
            (None, Some(h)) => {
                review.push((
                    InferenceKind::LeadFromHeading,
                    format!(
                        "{}: the lead {h:?} was taken from the heading above the item",
                        p.at
                    ),
                ));
                cells.push((Field::Lead, h.to_string()));
            }
            (None, None) => {}
        }
        if let Some(co) = self.bodies.cooperators(&p.text) {
            review.push((
                InferenceKind::CooperateFromText,
                format!(
                    "{}: the cooperating bodies {co:?} were taken from the item's words",
                    p.at
                ),
            ));
            cells.push((Field::Cooperate, co));
        }
        let mut dated = Vec::new();
        let mut keywords = Vec::new();
        for f in find_in(&Vietnamese, &text, &self.time) {
            let kind = &f.deadline.kind;
            // A rule or a request named in passing (`đầy đủ theo quy
            // định`, `theo yêu cầu đúng, đủ`) is no time limit: only one a
            // time word opens (`khi có yêu cầu`, `sau khi …`) is taken.
            let free = matches!(kind, DeadlineKind::Unscheduled { trigger, .. } if *trigger != Trigger::Condition)
                && !limits(&f.phrase);
            let mentioned =
                f.bare || free || (!limits(&f.phrase) && cites_a_document(&text, f.range.start));
            if mentioned {
                self.out.mentioned.push((p.at.clone(), f.phrase));
            } else if matches!(
                kind,
                DeadlineKind::Urgent | DeadlineKind::Ongoing | DeadlineKind::Periodic
            ) {
                keywords.push(f.phrase);
            } else {
                dated.push(f.phrase);
            }
        }
        // An urgent or continuous word beside a date qualifies the work;
        // the date is the time limit.
        let phrases = if dated.is_empty() { keywords } else { dated };
        if !phrases.is_empty() {
            let d = phrases.join("; ");
            review.push((
                InferenceKind::DeadlineInText,
                format!("{}: the deadline {d:?} was found in the item's words", p.at),
            ));
            cells.push((Field::Deadline, d));
        }
        if !p.notes.is_empty() {
            cells.push((Field::Note, p.notes.join("\n")));
        }
        Task {
            id: None,
            cells,
            row,
            part: 0,
            review,
        }
    }
}

/// Words that name a document: a time phrase after one in the same
/// clause is its title's or its date's (`Phụ lục nhiệm vụ trọng tâm cuối
/// năm 2025`), not a time limit.
const DOCUMENT_WORDS: [&str; 14] = [
    "phu luc",
    "ke hoach",
    "nghi quyet",
    "quyet dinh",
    "thong bao",
    "chi thi",
    "cong van",
    "de an",
    "chuong trinh",
    "luat",
    "nghi dinh",
    "thong tu",
    "van ban",
    "ket luan",
];

/// True when a phrase opens with a word that makes it a time limit
/// (`trước ngày`, `chậm nhất`, `trong năm`, `hằng tháng`), which a
/// document's title does not.
fn limits(phrase: &str) -> bool {
    let w = fold(phrase);
    [
        "truoc",
        "cham nhat",
        "hoan thanh",
        "trong",
        "hang",
        "dinh ky",
        "tu",
        "ke tu",
        "sau",
        "khi",
        "thuong xuyen",
        "khan truong",
    ]
    .iter()
    .any(|c| {
        let c: Vec<&str> = c.split(' ').collect();
        w.len() >= c.len() && w.iter().zip(&c).all(|(a, b)| a == b)
    })
}

/// True when the clause before character `at` of `text` names a document.
fn cites_a_document(text: &str, at: usize) -> bool {
    let before: String = text.chars().take(at).collect();
    let clause = before
        .rsplit([',', ';', '.', '\n', ':'])
        .next()
        .unwrap_or_default();
    let w = fold(clause);
    DOCUMENT_WORDS.iter().any(|d| has(&w, d))
}
