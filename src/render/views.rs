//! What templates see: plain, serialisable views of the model with links
//! and dates already formatted. Templates hold all markup; views hold none.

use serde::Serialize;

use crate::derive::{Derived, Part, State, TaskRef};
use crate::model::plan::{AgencyCell, DeclaredCount, Group};
use crate::model::{Agency, Model, Plan, Segment};

use super::i18n::Locale;
use super::{task_ref, urls};

pub use super::time_view::{TimeView, WordsPart};

/// A state with its label, for badges and counts.
#[derive(Serialize, Clone)]
pub struct StateView {
    /// Stable key (CSS class).
    pub key: &'static str,
    /// Label in the page's language.
    pub label: String,
    /// Number of tasks (in count lists).
    pub count: usize,
}

impl StateView {
    /// The state's view with a count.
    pub fn new(s: State, count: usize, l: &Locale) -> Self {
        StateView {
            key: s.key(),
            label: l.state_label(s),
            count,
        }
    }
}

/// A task as shown in tables and lists.
#[derive(Serialize)]
pub struct TaskView {
    /// Task id.
    pub id: String,
    /// Number as printed.
    pub number: Option<String>,
    /// Link from the site root.
    pub href: String,
    /// Anchor of the row on its plan page.
    pub anchor: String,
    /// Plan id.
    pub plan_id: String,
    /// Plan label (`Kế hoạch 114/KH-BCĐ`).
    pub plan_label: String,
    /// Link to the plan from the site root.
    pub plan_href: String,
    /// Group code.
    pub group: String,
    /// Goal.
    pub goal: Option<String>,
    /// Task text.
    pub text: Option<String>,
    /// Its heading: its own words, or its row's output and goal when its
    /// text cell is merged in the source (see [`task_ref::title_words`]).
    pub title: Option<String>,
    /// Where it sits: its number as printed, or its row in its groups.
    pub label: String,
    /// The same, in pieces (an appendix's title is the document's words).
    pub label_parts: Vec<task_ref::Piece>,
    /// Output.
    pub output: Option<String>,
    /// Lead cell.
    pub lead: CellView,
    /// Cooperating cell.
    pub cooperate: CellView,
    /// Start time.
    pub start: Option<TimeView>,
    /// Deadline.
    pub deadline: Option<TimeView>,
    /// Note / source.
    pub note: Option<String>,
    /// State.
    pub state: StateView,
    /// The deciding date, `dd/mm/yyyy`.
    pub due_date: Option<String>,
    /// Same, ISO, for `<time datetime>`.
    pub due_iso: Option<String>,
}

/// A printed agency cell: the text verbatim, and links to the agencies it names.
#[derive(Serialize)]
pub struct CellView {
    /// The cell as printed (shown as plain text, so it stays verbatim).
    pub text: String,
    /// The agencies named, in order, without repeats.
    pub links: Vec<AgencyRefView>,
    /// True when the whole cell is one agency name, shown as one link.
    pub single: bool,
}

/// A link to an agency named in a cell.
#[derive(Serialize)]
pub struct AgencyRefView {
    /// The words as printed.
    pub text: String,
    /// The official name.
    pub name: String,
    /// The official English name, on English pages (a gloss).
    pub name_en: Option<String>,
    /// Link from the site root.
    pub href: String,
}

impl CellView {
    /// Builds a cell view, linking recognised agencies.
    pub fn new(cell: &AgencyCell, model: &Model, l: &Locale) -> Self {
        let mut links: Vec<AgencyRefView> = Vec::new();
        for s in &cell.segments {
            if let Segment::Agency { text, id } = s {
                let href = urls::href(&l.paths().agency(id.as_str()));
                if links.iter().any(|l| l.href == href) {
                    continue;
                }
                let agency = model.registry.get(id);
                links.push(AgencyRefView {
                    text: text.clone(),
                    name: agency.map(|a| a.name.clone()).unwrap_or_default(),
                    name_en: agency.and_then(|a| gloss(a, l)),
                    href,
                });
            }
        }
        let single = links.len() == 1
            && cell.segments.iter().all(|s| match s {
                Segment::Agency { .. } => true,
                Segment::Text { text } => text.trim().is_empty(),
            });
        CellView {
            text: cell.text.clone(),
            links,
            single,
        }
    }
}

/// Builds the view of one task; `places` are those of its plan.
pub fn task(
    model: &Model,
    derived: &Derived,
    l: &Locale,
    places: &task_ref::Places,
    r: TaskRef,
) -> TaskView {
    let plan = &model.plans[r.plan];
    let t = &plan.tasks[r.task];
    let st = derived.standings[&r];
    let loc = places.locate(plan, r.task);
    TaskView {
        title: task_ref::title_words(t, task_ref::HEADING_CHARS),
        label: task_ref::label(l, &loc),
        label_parts: task_ref::label_parts(l, &loc),
        id: t.id.to_string(),
        number: t.number.clone(),
        href: urls::href(&l.paths().task(plan.id.as_str(), t.id.as_str())),
        anchor: format!("{}-{}", l.say("anchor.task_row"), t.id),
        plan_id: plan.id.to_string(),
        plan_label: plan.label(),
        plan_href: urls::href(&l.paths().plan(plan.id.as_str())),
        group: t.group.clone(),
        goal: t.goal.clone(),
        text: t.text.clone(),
        output: t.output.clone(),
        lead: CellView::new(&t.lead, model, l),
        cooperate: CellView::new(&t.cooperate, model, l),
        start: t.start.as_ref().map(|d| TimeView::start(d, l)),
        deadline: t.deadline.as_ref().map(|d| TimeView::new(d, l)),
        note: t.note.clone(),
        state: StateView::new(st.state, 1, l),
        due_date: st.due.map(|d| l.date_text(d.calendar_day())),
        due_iso: st.due.map(|d| d.calendar_day().to_string()),
    }
}

/// A link to a task (the pager of a task page): what it is called (its
/// number as printed or its row, never its id) and where it is, without
/// the rest of its view.
#[derive(Serialize)]
pub struct TaskLink {
    /// Its number as printed, or its row in its groups, in pieces (an
    /// appendix's title is the document's words).
    pub label: Vec<super::task_ref::Piece>,
    /// Link from the site root.
    pub href: String,
}

/// Builds the link to one task.
pub fn task_link(model: &Model, l: &Locale, rows: &super::lists::PlanRows, r: TaskRef) -> TaskLink {
    let plan = &model.plans[r.plan];
    let t = &plan.tasks[r.task];
    TaskLink {
        label: super::task_ref::label_parts(l, &rows.places[r.plan].locate(plan, r.task)),
        href: urls::href(&l.paths().task(plan.id.as_str(), t.id.as_str())),
    }
}

/// A plan in lists.
#[derive(Serialize, Clone)]
pub struct PlanSummary {
    /// Plan id.
    pub id: String,
    /// Link from the site root.
    pub href: String,
    /// Label (type and number).
    pub label: String,
    /// Document number.
    pub number: Option<String>,
    /// Document type.
    pub doc_type: String,
    /// Title.
    pub title: String,
    /// Issuer name.
    pub issuer: String,
    /// Issuer link.
    pub issuer_href: String,
    /// Date of issue.
    pub date: Option<String>,
    /// Period covered.
    pub period: String,
    /// Number of rows transcribed.
    pub task_count: usize,
    /// Declared total, when declared.
    pub declared_tasks: Option<u32>,
    /// Whether the table is in the source.
    pub table_in_source: bool,
    /// Counts by state.
    pub counts: Vec<StateView>,
}

/// Builds the summary of plan `pi`.
pub fn plan_summary(model: &Model, derived: &Derived, l: &Locale, pi: usize) -> PlanSummary {
    let p = &model.plans[pi];
    let refs = (0..p.tasks.len()).map(|ti| TaskRef { plan: pi, task: ti });
    PlanSummary {
        id: p.id.to_string(),
        href: urls::href(&l.paths().plan(p.id.as_str())),
        label: p.label(),
        number: p.number.clone(),
        doc_type: p.doc_type.clone(),
        title: p.title.clone(),
        issuer: issuer_name(model, p),
        issuer_href: urls::href(&l.paths().agency(p.issuer.as_str())),
        date: p.date.map(|d| l.date_text(d)),
        period: format!(
            "{} – {}",
            l.date_text(p.period.start),
            l.date_text(p.period.end)
        ),
        task_count: p.tasks.len(),
        declared_tasks: p
            .declared
            .iter()
            .find(|d| d.group.is_none() && d.label == "Tổng số nhiệm vụ")
            .map(|d| d.declared),
        table_in_source: p.table_status == crate::model::plan::TableStatus::Complete,
        counts: counts(derived, l, refs),
    }
}

fn issuer_name(model: &Model, p: &Plan) -> String {
    model
        .registry
        .get(&p.issuer)
        .map(|a| a.name.clone())
        .unwrap_or_default()
}

/// Counts by state, only the non-zero ones.
pub fn counts(
    derived: &Derived,
    l: &Locale,
    refs: impl IntoIterator<Item = TaskRef>,
) -> Vec<StateView> {
    derived
        .counts(refs)
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| StateView::new(s, n, l))
        .collect()
}

/// Counts of the whole site by state, from the partition; non-zero only.
pub fn partition_counts(derived: &Derived, l: &Locale) -> Vec<StateView> {
    State::ALL
        .iter()
        .map(|s| (*s, derived.partition.count(*s)))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| StateView::new(s, n, l))
        .collect()
}

/// A group of the plan table, with its rows.
#[derive(Serialize)]
pub struct GroupView {
    /// Code as printed.
    pub code: String,
    /// Title.
    pub title: Option<String>,
    /// Appendix label.
    pub appendix: Option<String>,
    /// Column headings, when the group has its own.
    pub columns: Vec<String>,
    /// Nesting depth (0 = top).
    pub depth: usize,
    /// Other text of the group row.
    pub note: Option<String>,
    /// Declared count and whether it matches.
    pub declared: Option<u32>,
    /// Rows found.
    pub found: u32,
    /// Rows, by goal block.
    pub blocks: Vec<BlockView>,
}

/// A goal cell and its rows.
#[derive(Serialize)]
pub struct BlockView {
    /// Goal text.
    pub goal: Option<String>,
    /// Rows.
    pub tasks: Vec<TaskView>,
}

/// Flattens the plan's group tree in document order; `places` are the
/// plan's.
pub fn groups(
    model: &Model,
    derived: &Derived,
    l: &Locale,
    places: &task_ref::Places,
    pi: usize,
) -> Vec<GroupView> {
    groups_in(model, derived, l, places, pi, &|_| true)
}

/// Same as [`groups`], with only the rows whose task index passes `keep`;
/// a group shows when it or a group under it keeps a row, so each part of
/// a split table still says which group its rows belong to.
pub fn groups_in(
    model: &Model,
    derived: &Derived,
    l: &Locale,
    places: &task_ref::Places,
    pi: usize,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<GroupView> {
    let mut out = Vec::new();
    let all = keep_all(model, pi, keep);
    flatten(
        model,
        derived,
        l,
        places,
        pi,
        &model.plans[pi].groups,
        0,
        keep,
        all,
        &mut out,
    );
    out
}

fn keep_all(model: &Model, pi: usize, keep: &dyn Fn(usize) -> bool) -> bool {
    (0..model.plans[pi].tasks.len()).all(keep)
}

fn has_kept(g: &Group, keep: &dyn Fn(usize) -> bool) -> bool {
    g.blocks.iter().any(|b| b.tasks.iter().any(|&t| keep(t)))
        || g.groups.iter().any(|s| has_kept(s, keep))
}

#[allow(clippy::too_many_arguments)]
fn flatten(
    model: &Model,
    derived: &Derived,
    l: &Locale,
    places: &task_ref::Places,
    pi: usize,
    groups: &[Group],
    depth: usize,
    keep: &dyn Fn(usize) -> bool,
    all: bool,
    out: &mut Vec<GroupView>,
) {
    for g in groups {
        if !all && !has_kept(g, keep) {
            continue;
        }
        out.push(GroupView {
            code: g.code.clone(),
            title: g.title.clone(),
            appendix: g.appendix.clone(),
            columns: g.columns.clone(),
            depth,
            note: g.note.clone(),
            declared: g.declared_tasks,
            found: g.task_count,
            blocks: g
                .blocks
                .iter()
                .filter(|b| all || b.tasks.iter().any(|&t| keep(t)))
                .map(|b| BlockView {
                    goal: b.goal.clone(),
                    tasks: b
                        .tasks
                        .iter()
                        .filter(|&&ti| keep(ti))
                        .map(|&ti| task(model, derived, l, places, TaskRef { plan: pi, task: ti }))
                        .collect(),
                })
                .collect(),
        });
        flatten(
            model,
            derived,
            l,
            places,
            pi,
            &g.groups,
            depth + 1,
            keep,
            all,
            out,
        );
    }
}

/// A declared total for display.
#[derive(Serialize)]
pub struct DeclaredView {
    /// What is counted.
    pub label: String,
    /// Declared number.
    pub declared: u32,
    /// Rows transcribed.
    pub found: Option<u32>,
    /// True when the two differ.
    pub differs: bool,
}

impl DeclaredView {
    /// Builds the view.
    pub fn new(d: &DeclaredCount) -> Self {
        DeclaredView {
            label: d.label.clone(),
            declared: d.declared,
            found: d.found,
            differs: d.differs(),
        }
    }
}

/// The official English name of an agency, shown beside its name on
/// English pages: `None` on pages in other languages, or when it has none
/// (or it is the name itself).
pub fn gloss(a: &Agency, l: &Locale) -> Option<String> {
    a.name_en
        .as_ref()
        .filter(|en| l.lang() == "en" && en.trim() != a.name.trim() && !en.trim().is_empty())
        .cloned()
}

/// An agency in lists.
#[derive(Serialize)]
pub struct AgencyLink {
    /// Id.
    pub id: String,
    /// Official name.
    pub name: String,
    /// The official English name, on English pages (a gloss).
    pub name_en: Option<String>,
    /// Link from the site root.
    pub href: String,
    /// Kind label, in the page's language.
    pub kind: String,
    /// True for groups.
    pub is_group: bool,
    /// Number of tasks led (named in the lead cell).
    pub lead: usize,
    /// Number of tasks cooperated on (named in the cooperating cell).
    pub cooperate: usize,
    /// Number of tasks reaching it through groups it belongs to.
    pub via_groups: usize,
    /// Number of all its tasks (the sum of the three).
    pub total: usize,
    /// Merged into another body.
    pub merged: bool,
    /// Whether it sent its form for the latest period, in words (when the
    /// site collects forms).
    pub reporting: Option<String>,
}

/// Builds the list entry of an agency.
pub fn agency_link(a: &Agency, derived: &Derived, l: &Locale) -> AgencyLink {
    let t = derived.by_agency.get(&a.id);
    AgencyLink {
        id: a.id.to_string(),
        name: a.name.clone(),
        name_en: gloss(a, l),
        href: urls::href(&l.paths().agency(a.id.as_str())),
        kind: l.say(&a.kind.label_key()),
        is_group: a.is_group(),
        lead: t.map_or(0, |t| t.part(Part::Lead).count()),
        cooperate: t.map_or(0, |t| t.part(Part::Cooperate).count()),
        via_groups: t.map_or(0, |t| {
            t.part(Part::GroupLead).count() + t.part(Part::GroupCooperate).count()
        }),
        total: t.map_or(0, |t| t.items.len()),
        merged: a.successor.is_some(),
        reporting: crate::render::reporting::line(
            a,
            derived,
            l,
            !a.is_group() && a.successor.is_none() && t.is_some_and(|t| !t.items.is_empty()),
        ),
    }
}
