//! Agency pages: each agency (the index is in `late`).

use serde::Serialize;
use tera::Context;

use crate::derive::{Assignment, Derived, Part};
use crate::model::{AgencyId, Model};
use crate::render::cite::{citations, Cited};
use crate::render::edition::Edition;
use crate::render::i18n::Locale;
use crate::render::split;

use super::{content_crumb, crumb, PageSpec};
use crate::render::i18n::Paths;
use crate::render::task_row::{self, TaskRow};
use crate::render::urls::{self, Route};
use crate::render::views::{self, AgencyLink, PlanSummary};

fn link(model: &Model, d: &Derived, l: &Locale, id: &AgencyId) -> Option<AgencyLink> {
    model.registry.get(id).map(|a| views::agency_link(a, d, l))
}

/// Tasks that reach an agency through one group named in their cells.
#[derive(Serialize)]
struct ViaGroup {
    group: Option<AgencyLink>,
    /// True when `group` is a body since merged into this agency, not a group.
    merged: bool,
    tasks: Vec<TaskRow>,
}

/// One of the four parts of an agency's tasks.
#[derive(Serialize)]
struct PartSection {
    key: &'static str,
    count: usize,
    /// For the group parts: the tasks by the group named; otherwise one entry without a group.
    by_group: Vec<ViaGroup>,
}

fn part_section<'a>(
    model: &Model,
    d: &Derived,
    l: &Locale,
    items: impl Iterator<Item = &'a Assignment>,
    part: Part,
    show: bool,
) -> PartSection {
    let mut by_group: Vec<ViaGroup> = Vec::new();
    let mut last: Option<Option<&AgencyId>> = None;
    let mut mine: Vec<&Assignment> = items.filter(|x| x.part == part).collect();
    mine.sort_by(|x, y| (&x.via, x.task).cmp(&(&y.via, y.task)));
    if show {
        for x in &mine {
            if last != Some(x.via.as_ref()) {
                by_group.push(ViaGroup {
                    group: x.via.as_ref().and_then(|g| link(model, d, l, g)),
                    merged: x.via.is_some() && matches!(part, Part::Lead | Part::Cooperate),
                    tasks: Vec::new(),
                });
                last = Some(x.via.as_ref());
            }
            if let Some(g) = by_group.last_mut() {
                g.tasks.push(task_row::row(model, d, l, x.task));
            }
        }
    }
    PartSection {
        key: part.key(),
        count: mine.len(),
        by_group,
    }
}

/// A plan's share of an agency's tasks, on a split agency page.
#[derive(Serialize)]
struct PlanShare {
    label: String,
    title: String,
    /// Tasks in each part, in [`Part::ALL`] order.
    counts: [usize; 4],
    total: usize,
    href: String,
}

/// Directory of an agency's tasks in one plan (`co-quan/<id>/ke-hoach/<plan>/`).
pub fn agency_plan_dir(paths: &Paths, agency_id: &str, plan_id: &str) -> String {
    urls::dir(
        paths,
        &Route::AgencyPlan(agency_id.to_string(), plan_id.to_string()),
    )
}

/// An agency page (agency `ai` of the registry): its tasks in four parts
/// (see [`crate::derive::responsibility`]). Past [`split::PART_ROWS`]
/// tasks, the lists move to one page per plan and this page gives the
/// counts by plan.
pub fn agency(model: &Model, ed: &Edition, ai: usize) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let a = &model.registry.all()[ai];
    let lists = &ed.agencies[ai];
    let split = lists.split();
    let mut c = Context::new();
    let tasks = d.by_agency.get(&a.id);
    let items: &[Assignment] = tasks.map_or(&[], |t| t.items.as_slice());
    let parts: Vec<PartSection> = Part::ALL
        .iter()
        .map(|p| part_section(model, d, l, items.iter(), *p, !split))
        .collect();
    let shares: Vec<PlanShare> = lists
        .by_plan
        .iter()
        .map(|(pi, idx)| {
            let p = &model.plans[*pi];
            let mut counts = [0; 4];
            for x in idx.iter().filter_map(|&i| items.get(i as usize)) {
                if let Some(k) = Part::ALL.iter().position(|q| *q == x.part) {
                    counts[k] += 1;
                }
            }
            PlanShare {
                label: p.label(),
                title: p.title.clone(),
                counts,
                total: idx.len(),
                href: urls::href(&agency_plan_dir(l.paths(), a.id.as_str(), p.id.as_str())),
            }
        })
        .collect();
    c.insert("split", &split);
    c.insert("plans", &shares);
    let counts = tasks
        .map(|t| views::counts(d, l, t.refs()))
        .unwrap_or_default();
    c.insert("agency", &a);
    c.insert("agency_gloss", &views::gloss(a, l));
    let expected = !a.is_group() && a.successor.is_none() && !items.is_empty();
    c.insert(
        "agency_reporting",
        &crate::render::reporting::line(a, d, l, expected),
    );
    let title = l.say_with("agency.cite_title", &[("agency", a.name.clone())]);
    c.insert("citations", &citations(model, l, &Cited::Page(&title)));
    c.insert("kind_label", &l.say(&a.kind.label_key()));
    c.insert("is_group", &a.is_group());
    c.insert("parts", &parts);
    c.insert("task_total", &tasks.map_or(0, |t| t.items.len()));
    c.insert("counts", &counts);
    let all: Vec<crate::derive::TaskRef> = tasks.map(|t| t.refs().collect()).unwrap_or_default();
    c.insert("summary", &crate::render::summary::summary(d, l, &all));
    let members: Vec<AgencyLink> = a
        .members
        .iter()
        .filter_map(|m| link(model, d, l, m))
        .collect();
    c.insert("members", &members);
    let groups: Vec<AgencyLink> = d
        .groups_of
        .get(&a.id)
        .map(|v| v.iter().filter_map(|g| link(model, d, l, g)).collect())
        .unwrap_or_default();
    c.insert("groups", &groups);
    let within: Vec<AgencyLink> = d
        .memberships
        .groups_of(&a.id)
        .iter()
        .filter(|(_, depth)| *depth > 1)
        .filter_map(|(g, _)| link(model, d, l, g))
        .collect();
    c.insert("groups_beyond", &within);
    c.insert(
        "parent",
        &a.parent.as_ref().and_then(|p| link(model, d, l, p)),
    );
    c.insert(
        "successor",
        &a.successor.as_ref().and_then(|s| link(model, d, l, &s.id)),
    );
    c.insert(
        "successor_date",
        &a.successor
            .as_ref()
            .and_then(|s| s.date)
            .map(|x| l.date_text(x)),
    );
    let preds: Vec<AgencyLink> = d
        .predecessors
        .get(&a.id)
        .map(|v| v.iter().filter_map(|p| link(model, d, l, p)).collect())
        .unwrap_or_default();
    c.insert("predecessors", &preds);
    let issued: Vec<PlanSummary> = model
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| p.issuer == a.id)
        .map(|(pi, _)| ed.plan_summary(pi))
        .collect();
    c.insert("issued", &issued);
    let series = d.calendar_for_agency(&a.id);
    c.insert(
        "upcoming",
        &crate::render::calendar::upcoming_for(model, d, l, &series, 8),
    );
    c.insert("event_count", &d.feed_for_agency(&a.id).len());
    c.insert("ics_href", &l.paths().ics(&l.paths().agency(a.id.as_str())));
    c.insert(
        "crumbs",
        &[
            crumb(l.say("page.home"), ""),
            crumb(
                l.say("page.agencies_crumb"),
                &urls::dir(l.paths(), &Route::Agencies),
            ),
        ],
    );
    PageSpec {
        dir: l.paths().agency(a.id.as_str()),
        template: "agency.html",
        title: a.name.clone(),
        description: Some(l.say_with("page.agency_description", &[("name", a.name.clone())])),
        context: c,
    }
}

/// Part `part` of agency `ai`'s tasks in its `k`-th plan (of
/// [`crate::render::lists::AgencyLists::by_plan`]): the four parts in
/// order, cut into pages as one list.
pub fn agency_plan(model: &Model, ed: &Edition, ai: usize, k: usize, part: usize) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let a = &model.registry.all()[ai];
    let (pi, idx) = &ed.agencies[ai].by_plan[k];
    let items: &[Assignment] = d.by_agency.get(&a.id).map_or(&[], |t| t.items.as_slice());
    let p = &model.plans[*pi];
    let base = agency_plan_dir(l.paths(), a.id.as_str(), p.id.as_str());
    let rows = split::slice(idx, part);
    let parts: Vec<PartSection> = Part::ALL
        .iter()
        .map(|q| {
            let mine = rows.iter().filter_map(|&i| items.get(i as usize));
            part_section(model, d, l, mine, *q, true)
        })
        .filter(|s| s.count > 0)
        .collect();
    let mut c = Context::new();
    c.insert("agency", &views::agency_link(a, d, l));
    c.insert("plan", &ed.plan_summary(*pi));
    c.insert("sections", &parts);
    c.insert("total", &idx.len());
    c.insert(
        "parts",
        &split::parts_view(l.paths(), &base, idx.len(), part),
    );
    c.insert(
        "crumbs",
        &[
            crumb(l.say("page.home"), ""),
            crumb(
                l.say("page.agencies_crumb"),
                &urls::dir(l.paths(), &Route::Agencies),
            ),
            content_crumb(a.name.clone(), &l.paths().agency(a.id.as_str())),
        ],
    );
    let suffix = super::part_suffix(l, part);
    PageSpec {
        dir: l.paths().part_dir(&base, part),
        template: "agency_part.html",
        title: format!("{} — {}{suffix}", a.name, p.label()),
        description: Some(l.say_with(
            "page.agency_plan_description",
            &[("name", a.name.clone()), ("plan", p.label())],
        )),
        context: c,
    }
}
