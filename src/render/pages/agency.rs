//! Agency pages: each agency (the index is in `late`).

use serde::Serialize;
use tera::Context;

use crate::derive::{AgencyTasks, Assignment, Derived, Part};
use crate::model::deadline::vi_date;
use crate::model::{Agency, AgencyId, Model};

use super::{crumb, PageSpec};
use crate::render::urls;
use crate::render::views::{self, AgencyLink, PlanSummary, TaskView};

fn link(model: &Model, d: &Derived, id: &AgencyId) -> Option<AgencyLink> {
    model.registry.get(id).map(|a| views::agency_link(a, d))
}

/// Tasks that reach an agency through one group named in their cells.
#[derive(Serialize)]
struct ViaGroup {
    group: Option<AgencyLink>,
    tasks: Vec<TaskView>,
}

/// One of the four parts of an agency's tasks.
#[derive(Serialize)]
struct PartSection {
    key: &'static str,
    count: usize,
    /// For the group parts: the tasks by the group named; otherwise one entry without a group.
    by_group: Vec<ViaGroup>,
}

fn part_section(model: &Model, d: &Derived, t: Option<&AgencyTasks>, part: Part) -> PartSection {
    let mut by_group: Vec<ViaGroup> = Vec::new();
    let mut last: Option<Option<&AgencyId>> = None;
    let mut items: Vec<&Assignment> = t.map(|t| t.part(part).collect()).unwrap_or_default();
    items.sort_by(|x, y| (&x.via, x.task).cmp(&(&y.via, y.task)));
    for x in &items {
        if last != Some(x.via.as_ref()) {
            by_group.push(ViaGroup {
                group: x.via.as_ref().and_then(|g| link(model, d, g)),
                tasks: Vec::new(),
            });
            last = Some(x.via.as_ref());
        }
        if let Some(g) = by_group.last_mut() {
            g.tasks.push(views::task(model, d, x.task));
        }
    }
    PartSection {
        key: part.key(),
        count: items.len(),
        by_group,
    }
}

/// An agency page: its tasks in four parts (see [`crate::derive::responsibility`]).
pub fn agency(model: &Model, d: &Derived, a: &Agency) -> PageSpec {
    let mut c = Context::new();
    let tasks = d.by_agency.get(&a.id);
    let parts: Vec<PartSection> = Part::ALL
        .iter()
        .map(|p| part_section(model, d, tasks, *p))
        .collect();
    let counts = tasks
        .map(|t| views::counts(d, t.refs()))
        .unwrap_or_default();
    c.insert("agency", &a);
    c.insert("kind_label", a.kind.label());
    c.insert("is_group", &a.is_group());
    c.insert("parts", &parts);
    c.insert("task_total", &tasks.map_or(0, |t| t.items.len()));
    c.insert("counts", &counts);
    let all: Vec<crate::derive::TaskRef> = tasks.map(|t| t.refs().collect()).unwrap_or_default();
    c.insert("summary", &crate::render::summary::summary(d, &all));
    let members: Vec<AgencyLink> = a.members.iter().filter_map(|m| link(model, d, m)).collect();
    c.insert("members", &members);
    let groups: Vec<AgencyLink> = d
        .groups_of
        .get(&a.id)
        .map(|v| v.iter().filter_map(|g| link(model, d, g)).collect())
        .unwrap_or_default();
    c.insert("groups", &groups);
    let within: Vec<AgencyLink> = d
        .memberships
        .groups_of(&a.id)
        .iter()
        .filter(|(_, depth)| *depth > 1)
        .filter_map(|(g, _)| link(model, d, g))
        .collect();
    c.insert("groups_beyond", &within);
    c.insert("parent", &a.parent.as_ref().and_then(|p| link(model, d, p)));
    c.insert(
        "successor",
        &a.successor.as_ref().and_then(|s| link(model, d, &s.id)),
    );
    c.insert(
        "successor_date",
        &a.successor.as_ref().and_then(|s| s.date).map(vi_date),
    );
    let preds: Vec<AgencyLink> = d
        .predecessors
        .get(&a.id)
        .map(|v| v.iter().filter_map(|p| link(model, d, p)).collect())
        .unwrap_or_default();
    c.insert("predecessors", &preds);
    let issued: Vec<PlanSummary> = model
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| p.issuer == a.id)
        .map(|(pi, _)| views::plan_summary(model, d, pi))
        .collect();
    c.insert("issued", &issued);
    let series = d.calendar_for_agency(&a.id);
    c.insert(
        "upcoming",
        &crate::render::calendar::upcoming_for(model, d, &series, 8),
    );
    c.insert("event_count", &series.len());
    c.insert(
        "ics_href",
        &format!("{}lich.ics", urls::agency(a.id.as_str())),
    );
    c.insert(
        "crumbs",
        &[crumb("Trang chủ", ""), crumb("Cơ quan", urls::AGENCIES)],
    );
    PageSpec {
        dir: urls::agency(a.id.as_str()),
        template: "agency.html",
        title: a.name.clone(),
        description: Some(format!(
            "Nhiệm vụ {} chủ trì, phối hợp, hoặc được giao qua nhóm có cơ quan này.",
            a.name
        )),
        context: c,
    }
}
