//! Agency pages: the index by kind, and each agency.

use serde::Serialize;
use tera::Context;

use crate::derive::Derived;
use crate::model::deadline::vi_date;
use crate::model::{Agency, Model};

use super::{crumb, PageSpec};
use crate::render::urls;
use crate::render::views::{self, AgencyLink, PlanSummary, TaskView};

/// A section of the agencies index.
#[derive(Serialize)]
struct KindSection {
    label: &'static str,
    agencies: Vec<AgencyLink>,
}

/// The agencies index, by kind.
pub fn agencies(model: &Model, d: &Derived) -> PageSpec {
    let mut sections: Vec<KindSection> = Vec::new();
    let mut sorted: Vec<&Agency> = model.registry.all().iter().collect();
    sorted.sort_by(|a, b| {
        (a.is_group(), a.kind.label(), a.name.to_lowercase()).cmp(&(
            b.is_group(),
            b.kind.label(),
            b.name.to_lowercase(),
        ))
    });
    for a in sorted {
        let label = a.kind.label();
        match sections.last_mut() {
            Some(s) if s.label == label => s.agencies.push(views::agency_link(a, d)),
            _ => sections.push(KindSection {
                label,
                agencies: vec![views::agency_link(a, d)],
            }),
        }
    }
    let mut c = Context::new();
    c.insert("sections", &sections);
    c.insert("crumbs", &[crumb("Trang chủ", "")]);
    PageSpec {
        dir: urls::AGENCIES.into(),
        template: "agencies.html",
        title: "Cơ quan, đơn vị".into(),
        description: None,
        context: c,
    }
}

fn link(model: &Model, d: &Derived, id: &crate::model::AgencyId) -> Option<AgencyLink> {
    model.registry.get(id).map(|a| views::agency_link(a, d))
}

/// An agency page.
pub fn agency(model: &Model, d: &Derived, a: &Agency) -> PageSpec {
    let mut c = Context::new();
    let tasks = d.by_agency.get(&a.id);
    let lead: Vec<TaskView> = tasks
        .map(|t| t.lead.iter().map(|r| views::task(model, d, *r)).collect())
        .unwrap_or_default();
    let cooperate: Vec<TaskView> = tasks
        .map(|t| {
            t.cooperate
                .iter()
                .map(|r| views::task(model, d, *r))
                .collect()
        })
        .unwrap_or_default();
    let lead_counts = tasks
        .map(|t| views::counts(d, t.lead.iter().copied()))
        .unwrap_or_default();
    c.insert("agency", &a);
    c.insert("kind_label", a.kind.label());
    c.insert("is_group", &a.is_group());
    c.insert("lead", &lead);
    c.insert("cooperate", &cooperate);
    c.insert("lead_counts", &lead_counts);
    let members: Vec<AgencyLink> = a.members.iter().filter_map(|m| link(model, d, m)).collect();
    c.insert("members", &members);
    let groups: Vec<AgencyLink> = d
        .groups_of
        .get(&a.id)
        .map(|v| v.iter().filter_map(|g| link(model, d, g)).collect())
        .unwrap_or_default();
    c.insert("groups", &groups);
    // Tasks given to a group this agency belongs to concern it too.
    let mut via: Vec<crate::derive::TaskRef> = Vec::new();
    for g in d.groups_of.get(&a.id).into_iter().flatten() {
        for r in d
            .by_agency
            .get(g)
            .map(|t| t.lead.as_slice())
            .unwrap_or_default()
        {
            let direct = tasks.is_some_and(|t| t.lead.contains(r) || t.cooperate.contains(r));
            if !direct && !via.contains(r) {
                via.push(*r);
            }
        }
    }
    via.sort();
    let via: Vec<TaskView> = via.iter().map(|r| views::task(model, d, *r)).collect();
    c.insert("via_groups", &via);
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
    let series = d.calendar.for_agency(model, &a.id);
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
            "Nhiệm vụ do {} chủ trì và phối hợp thực hiện.",
            a.name
        )),
        context: c,
    }
}
