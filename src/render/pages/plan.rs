//! Plan pages: the plans index, each plan, each task.

use serde::Serialize;
use tera::Context;

use crate::derive::{Summary, TaskRef};
use crate::model::Model;
use crate::render::cite::{citations, state_citation, Cited, StateCited};
use crate::render::edition::Edition;
use crate::render::history;
use crate::render::i18n::Locale;
use crate::render::split;

use super::{content_crumb, crumb, one_line, PageSpec};
use crate::render::markdown;
use crate::render::task_ref;
use crate::render::urls::{self, Route};
use crate::render::views::{self, DeclaredView, PlanSummary};

/// The list of plans.
pub fn plans(model: &Model, ed: &Edition) -> PageSpec {
    let l = &ed.locale;
    let mut c = Context::new();
    let plans: Vec<PlanSummary> = (0..model.plans.len())
        .map(|pi| ed.plan_summary(pi))
        .collect();
    c.insert("plans", &plans);
    c.insert("crumbs", &[crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: urls::dir(l.paths(), &Route::Plans),
        template: "plans.html",
        title: l.say("page.plans"),
        description: None,
        context: c,
    }
}

/// A plan page: its metadata, narrative, and task table (the first part
/// of it, past [`split::PART_ROWS`] rows).
pub fn plan(model: &Model, ed: &Edition, pi: usize) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let p = &model.plans[pi];
    let mut c = Context::new();
    let plan = ed.plan_summary(pi);
    c.insert("citations", &citations(model, l, &Cited::Plan(&plan)));
    c.insert("plan", &plan);
    c.insert("number_note", &p.number_note);
    c.insert("issuer_name", &p.issuer_name);
    c.insert("date_text", &p.date_text);
    c.insert("place", &p.place);
    c.insert("signatory", &p.signatory);
    c.insert("legal_bases", &p.legal_bases);
    c.insert("recipients", &p.recipients);
    c.insert("source", &p.source);
    c.insert("source_url", &p.source_url);
    let declared: Vec<DeclaredView> = p.declared.iter().map(DeclaredView::new).collect();
    c.insert("declared", &declared);
    c.insert("mismatches", &declared.iter().filter(|x| x.differs).count());
    c.insert("body_html", &markdown::to_html(&p.body));
    let duties: Vec<DutyView> = p
        .duties
        .iter()
        .map(|du| DutyView::new(model, l, du))
        .collect();
    c.insert("duties", &duties);
    let series = d.calendar.for_plan(pi);
    c.insert(
        "upcoming",
        &crate::render::calendar::upcoming_for(model, d, l, &series, 8),
    );
    c.insert("ics_href", &l.paths().ics(&l.paths().plan(p.id.as_str())));
    table(model, ed, pi, 1, &mut c);
    let refs = super::plan_refs(model, pi);
    let counts = crate::derive::summary_counts(d, refs.iter().copied());
    let groups: Vec<GroupCount> = Summary::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(&g, count)| GroupCount {
            key: g.key(),
            label: l.say(&format!("summary.{}", g.key())),
            count,
            href: super::site::group_plan_href(ed, g, p.id.as_str()),
        })
        .collect();
    c.insert("group_counts", &groups);
    c.insert(
        "crumbs",
        &[
            crumb(l.say("page.home"), ""),
            crumb(
                l.say("page.plans_crumb"),
                &urls::dir(l.paths(), &Route::Plans),
            ),
        ],
    );
    PageSpec {
        dir: l.paths().plan(p.id.as_str()),
        template: "plan.html",
        title: p.label(),
        description: Some(format!("{}: {}", p.label(), one_line(&p.title, 200))),
        context: c,
    }
}

/// A plan's number of tasks in one plain group, linking to their list.
#[derive(Serialize)]
struct GroupCount {
    key: &'static str,
    label: String,
    count: usize,
    /// The list on the status page, from the edition's root.
    href: Option<String>,
}

/// Part `part` (from 2) of a split plan table.
pub fn plan_part(model: &Model, ed: &Edition, pi: usize, part: usize) -> PageSpec {
    let l = &ed.locale;
    let p = &model.plans[pi];
    let mut c = Context::new();
    c.insert("plan", &ed.plan_summary(pi));
    table(model, ed, pi, part, &mut c);
    c.insert(
        "crumbs",
        &[
            crumb(l.say("page.home"), ""),
            crumb(
                l.say("page.plans_crumb"),
                &urls::dir(l.paths(), &Route::Plans),
            ),
            content_crumb(p.label(), &l.paths().plan(p.id.as_str())),
        ],
    );
    PageSpec {
        dir: l.paths().part_dir(&l.paths().plan(p.id.as_str()), part),
        template: "plan_part.html",
        title: l.say_with(
            "page.plan_part",
            &[("plan", p.label()), ("part", part.to_string())],
        ),
        description: Some(format!("{}: {}", p.label(), one_line(&p.title, 200))),
        context: c,
    }
}

/// The task table of part `part`: its rows, grouped as in the document.
fn table(model: &Model, ed: &Edition, pi: usize, part: usize, c: &mut Context) {
    let (d, l) = (ed.derived, &ed.locale);
    let p = &model.plans[pi];
    c.insert("appendix", &p.appendix);
    c.insert("caption", &p.caption);
    c.insert("caption_note", &p.caption_note);
    c.insert("columns", &p.columns);
    let total = p.tasks.len();
    if split::is_split(total) {
        let pos = &ed.rows.position[pi];
        let keep = |ti: usize| pos.get(ti).is_some_and(|&i| split::part_of(i) == part);
        c.insert(
            "groups",
            &views::groups_in(model, d, l, &ed.rows.places[pi], pi, &keep),
        );
    } else {
        c.insert(
            "groups",
            &views::groups(model, d, l, &ed.rows.places[pi], pi),
        );
    }
    c.insert(
        "parts",
        &split::parts_view(l.paths(), &l.paths().plan(p.id.as_str()), total, part),
    );
    let has_start = p.tasks.iter().any(|t| t.start.is_some());
    let has_note = p.tasks.iter().any(|t| t.note.is_some());
    let has_output = p.tasks.iter().any(|t| t.output.is_some());
    c.insert("has_start", &has_start);
    c.insert("has_note", &has_note);
    c.insert("has_output", &has_output);
    c.insert(
        "colspan",
        &(6 + usize::from(has_start) + usize::from(has_note) + usize::from(has_output)),
    );
}

/// A task page: its words and state, its state in each archived month
/// (each linking to its frozen row, each citable), its fields and reports.
pub fn task(model: &Model, ed: &Edition, r: TaskRef, months: &history::Months) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let p = &model.plans[r.plan];
    let t = &p.tasks[r.task];
    let mut c = Context::new();
    let part = if split::is_split(p.tasks.len()) {
        ed.rows.position[r.plan]
            .get(r.task)
            .map_or(1, |&i| split::part_of(i))
    } else {
        1
    };
    c.insert(
        "row_href",
        &urls::href(&l.paths().part_dir(&l.paths().plan(p.id.as_str()), part)),
    );
    let view = views::task(model, d, l, &ed.rows.places[r.plan], r);
    let locator = ed.rows.places[r.plan].locate(p, r.task);
    let heading = task_ref::title_words(t, task_ref::HEADING_CHARS);
    c.insert("heading", &heading);
    let plan = ed.plan_summary(r.plan);
    let title = match &heading {
        Some(h) => h.clone(),
        None => task_ref::label(l, &locator),
    };
    let cited = Cited::Task {
        plan: &plan,
        locator: &locator,
        title: &title,
    };
    c.insert("citations", &citations(model, l, &cited));
    let in_months = history::Cited {
        plan: &plan,
        locator: &locator,
        title: &title,
    };
    c.insert("months", &history::months(model, ed, months, r, &in_months));
    let permalink = format!(
        "{}{}",
        ed.lang.root,
        l.paths().task(p.id.as_str(), t.id.as_str())
    );
    c.insert(
        "state_cite",
        &state_citation(
            model,
            l,
            &StateCited {
                plan: &plan,
                locator: &locator,
                title: &title,
                state: &view.state.label,
                as_of: &l.date_text(d.as_of),
                url: &history::address(model, &permalink),
            },
        ),
    );
    c.insert("task", &view);
    c.insert("label_parts", &task_ref::label_parts(l, &locator));
    c.insert("locator", &locator);
    c.insert("plan", &plan);
    let group_title = find_group_title(&p.groups, &t.group);
    c.insert("group_title", &group_title);
    // The pager needs only each neighbour's name and link.
    let neighbour = |ti: usize| {
        views::task_link(
            model,
            l,
            ed.rows,
            TaskRef {
                plan: r.plan,
                task: ti,
            },
        )
    };
    let prev = r.task.checked_sub(1).map(neighbour);
    let next = (r.task + 1 < p.tasks.len()).then(|| neighbour(r.task + 1));
    c.insert("prev", &prev);
    c.insert("next", &next);
    c.insert("source_line", &t.line);
    c.insert("inferred", &inferred_labels(p, t, l));
    let history = crate::render::reports::history(model, d, l, r);
    let also: Vec<_> = history.iter().filter(|h| h.beside && h.latest).collect();
    c.insert("also_reported", &also);
    c.insert("history", &history);
    c.insert(
        "crumbs",
        &[
            crumb(l.say("page.home"), ""),
            crumb(
                l.say("page.plans_crumb"),
                &urls::dir(l.paths(), &Route::Plans),
            ),
            content_crumb(p.label(), &l.paths().plan(p.id.as_str())),
        ],
    );
    let name = task_ref::label(l, &locator);
    PageSpec {
        dir: l.paths().task(p.id.as_str(), t.id.as_str()),
        template: "task.html",
        title: match &heading {
            Some(h) => format!("{} — {}", task_ref::heading_words(h, 70), p.label()),
            None => l.say_with(
                "page.task_title",
                &[("label", name.clone()), ("plan", p.label())],
            ),
        },
        description: Some(l.say_with(
            "page.task_description",
            &[
                ("plan", p.label()),
                ("label", name),
                ("text", one_line(heading.as_deref().unwrap_or(""), 150)),
            ],
        )),
        context: c,
    }
}

fn find_group_title(groups: &[crate::model::plan::Group], code: &str) -> Option<String> {
    for g in groups {
        if g.code == code {
            return g.title.clone();
        }
        if let Some(t) = find_group_title(&g.groups, code) {
            return Some(t);
        }
    }
    None
}

/// A reporting duty for display.
#[derive(Serialize)]
pub struct DutyView {
    id: String,
    title: String,
    who: views::CellView,
    to: Option<String>,
    schedule: String,
    quote: String,
    section: Option<String>,
    note: Option<String>,
    dates: Vec<String>,
}

impl DutyView {
    fn new(model: &Model, l: &Locale, du: &crate::model::duty::Duty) -> Self {
        DutyView {
            id: du.id.clone(),
            title: du.title.clone(),
            who: views::CellView::new(&du.who, model, l),
            to: du.to.clone(),
            schedule: l.schedule(&du.schedule, du.before),
            quote: du.quote.clone(),
            section: du.section.clone(),
            note: du.note.clone(),
            dates: du.dates().into_iter().map(|x| l.date_text(x)).collect(),
        }
    }
}

/// What the task's page rests on that an import inferred and the office
/// has not reviewed (the table's date order, a lead taken from a heading),
/// in the page's words; and a month-first table's order, which readers
/// need to read its dates.
fn inferred_labels(p: &crate::model::Plan, t: &crate::model::Task, l: &Locale) -> Vec<String> {
    use crate::model::inference::InferenceKind;
    // What the task's row rests on; the plan's own details (front matter,
    // narrative) are the plan page's.
    let mut kinds: Vec<InferenceKind> = p
        .inferred
        .iter()
        .chain(&t.inferred)
        .map(|i| i.kind)
        .filter(|k| !matches!(k, InferenceKind::FrontMatter | InferenceKind::Narrative))
        .collect();
    kinds.sort();
    kinds.dedup();
    let mut out: Vec<String> = kinds
        .iter()
        .map(|k| l.say(&format!("inference.{}", k.key())))
        .collect();
    if p.date_order == Some(crate::model::deadline::DateOrder::MonthDay)
        && !kinds.contains(&InferenceKind::DateOrder)
    {
        out.push(l.say("task_page.month_first"));
    }
    out
}
