//! Agency pages: each agency (the index is in `late`). A page opens with
//! what the agency is late on, in the three shares of
//! [`crate::derive::shares`], then its other tasks by plain group; a ward's
//! or commune's page first says what is its own (its plans, its units,
//! what falls due this month).

use chrono::Datelike;
use serde::Serialize;
use tera::Context;

use crate::derive::shares::ShareLists;
use crate::derive::{Assignment, Derived, Share, Summary, TaskRef};
use crate::model::agency::AgencyKind;
use crate::model::{Agency, AgencyId, Model};
use crate::render::cite::{citations, Cited};
use crate::render::edition::Edition;
use crate::render::i18n::Locale;
use crate::render::split;

use super::{content_crumb, crumb, PageSpec};
use crate::render::i18n::Paths;
use crate::render::task_row::{Rows, TaskRow};
use crate::render::urls::{self, Route};
use crate::render::views::{self, AgencyLink, PlanSummary};

fn link(model: &Model, d: &Derived, l: &Locale, id: &AgencyId) -> Option<AgencyLink> {
    model.registry.get(id).map(|a| views::agency_link(a, d, l))
}

/// An agency's tasks of one plain group in one share: the list its counts
/// link to.
#[derive(Serialize)]
pub struct ShareList {
    /// `lead`, `group` or `cooperate`.
    pub key: &'static str,
    /// Its anchor on the agency page.
    pub anchor: String,
    /// Number of tasks.
    pub count: usize,
    /// The tasks, in reading order (empty when the page only counts).
    pub tasks: Vec<TaskRow>,
}

/// An agency's tasks of one plain group, in the three shares.
#[derive(Serialize)]
pub struct GroupList {
    /// The group's key.
    pub key: &'static str,
    /// Its anchor on the agency page.
    pub anchor: String,
    /// Its label.
    pub label: String,
    /// Number of tasks.
    pub count: usize,
    /// The three shares, in [`Share::ALL`] order.
    pub shares: Vec<ShareList>,
}

/// The anchor of plain group `g` on an agency page (the status page's).
pub fn group_anchor(l: &Locale, g: Summary) -> String {
    l.say(&format!("anchor_group.{}", g.key()))
}

/// The anchor of share `s` of group `g` on an agency page
/// (`qua-han-chu-tri`).
pub fn share_anchor(l: &Locale, g: Summary, s: Share) -> String {
    format!(
        "{}-{}",
        group_anchor(l, g),
        l.say(&format!("anchor.share_{}", s.key()))
    )
}

/// The lists of group `g` (of an agency's `lists`); with `list`, the
/// tasks too.
fn group_list(ed: &Edition, cards: &Rows, lists: &ShareLists, g: Summary, list: bool) -> GroupList {
    let l = &ed.locale;
    let row = &lists[g.index()];
    let shares = Share::ALL
        .iter()
        .map(|&s| ShareList {
            key: s.key(),
            anchor: share_anchor(l, g, s),
            count: row[s.index()].len(),
            tasks: if list {
                row[s.index()].iter().map(|a| cards.row_via(a)).collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    GroupList {
        key: g.key(),
        anchor: group_anchor(l, g),
        label: l.say(&format!("summary.{}", g.key())),
        count: row.iter().map(Vec::len).sum(),
        shares,
    }
}

/// A plan's share of an agency's tasks, on a split agency page.
#[derive(Serialize)]
struct PlanShare {
    label: String,
    title: String,
    /// Tasks in each share, in [`Share::ALL`] order.
    counts: [usize; 3],
    total: usize,
    href: String,
}

/// A unit of a ward or commune, with what it is late on.
#[derive(Serialize)]
struct Unit {
    agency: AgencyLink,
    overdue: usize,
}

/// Directory of an agency's tasks in one plan (`co-quan/<id>/ke-hoach/<plan>/`).
pub fn agency_plan_dir(paths: &Paths, agency_id: &str, plan_id: &str) -> String {
    urls::dir(
        paths,
        &Route::AgencyPlan(agency_id.to_string(), plan_id.to_string()),
    )
}

/// True for a ward's or commune's People's Committee: its page leads with
/// what is its own.
fn is_place(a: &Agency) -> bool {
    a.kind == AgencyKind::PeoplesCommittee
        && a.level
            .as_deref()
            .is_some_and(|v| matches!(v, "ward" | "commune"))
}

/// An agency page (agency `ai` of the registry): what it is late on, in
/// three shares, then its other tasks by plain group (see
/// [`crate::derive::shares`]). Past [`split::PART_ROWS`] tasks, the lists
/// move to one page per plan and this page gives the counts by plan (the
/// overdue list stays while it fits one part).
pub fn agency(model: &Model, ed: &Edition, ai: usize) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let a = &model.registry.all()[ai];
    let lists = &ed.agencies[ai];
    let split = lists.split();
    let cards = Rows::of(model, ed);
    let mut c = Context::new();
    let tasks = d.by_agency.get(&a.id);
    let items: &[Assignment] = tasks.map_or(&[], |t| t.items.as_slice());
    let all = d.share_lists(&a.id);
    let overdue: usize = all[Summary::Overdue.index()].iter().map(Vec::len).sum();
    let late_listed = !split || !split::is_split(overdue);
    let late = group_list(ed, &cards, &all, Summary::Overdue, late_listed);
    let others: Vec<GroupList> = Summary::ALL[1..]
        .iter()
        .map(|&g| group_list(ed, &cards, &all, g, !split))
        .collect();
    let shares: Vec<PlanShare> = lists
        .by_plan
        .iter()
        .map(|(pi, idx)| {
            let p = &model.plans[*pi];
            let mut n = [0; 3];
            for x in idx.iter().filter_map(|&i| items.get(i as usize)) {
                n[Share::of(x.part).index()] += 1;
            }
            PlanShare {
                label: p.label(),
                title: p.title.clone(),
                counts: n,
                total: idx.len(),
                href: urls::href(&agency_plan_dir(l.paths(), a.id.as_str(), p.id.as_str())),
            }
        })
        .collect();
    c.insert("split", &split);
    c.insert("late_listed", &late_listed);
    c.insert("plans", &shares);
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
    c.insert("late", &late);
    c.insert("others", &others);
    c.insert("task_total", &items.len());
    let place = is_place(a);
    c.insert("place", &place);
    if place {
        place_context(model, ed, &cards, a, &mut c);
    }
    agency_context(model, ed, a, &mut c);
    PageSpec {
        dir: l.paths().agency(a.id.as_str()),
        template: "agency.html",
        title: a.name.clone(),
        description: Some(l.say_with("page.agency_description", &[("name", a.name.clone())])),
        context: c,
    }
}

/// What a ward's or commune's page leads with: its units (the bodies whose
/// parent it is) and what they are late on, and the tasks of it and its
/// units that fall due in the month of the as-of date.
fn place_context(model: &Model, ed: &Edition, cards: &Rows, a: &Agency, c: &mut Context) {
    let d = ed.derived;
    let units: Vec<&Agency> = model
        .registry
        .all()
        .iter()
        .filter(|u| u.parent.as_ref() == Some(&a.id))
        .collect();
    let views: Vec<Unit> = units
        .iter()
        .map(|u| Unit {
            agency: views::agency_link(u, d, &ed.locale),
            overdue: d.shares(&u.id).group(Summary::Overdue),
        })
        .collect();
    c.insert("units", &views);
    let mut refs: Vec<TaskRef> = Vec::new();
    for id in std::iter::once(&a.id).chain(units.iter().map(|u| &u.id)) {
        refs.extend(d.by_agency.get(id).into_iter().flat_map(|t| t.refs()));
    }
    refs.sort_unstable();
    refs.dedup();
    let due: Vec<TaskRow> = d
        .due_this_month(&refs)
        .into_iter()
        .map(|r| cards.row(r))
        .collect();
    c.insert("due_this_month", &due);
    c.insert(
        "this_month",
        &ed.locale
            .month(d.as_of.year(), d.as_of.month())
            .unwrap_or_default(),
    );
    let own: Vec<PlanSummary> = model
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| p.issuer == a.id || units.iter().any(|u| u.id == p.issuer))
        .map(|(pi, _)| ed.plan_summary(pi))
        .collect();
    c.insert("own_plans", &own);
}

/// What every agency page shows about the agency itself: its groups,
/// parent, merges, the plans it issued, its dates and the crumbs.
fn agency_context(model: &Model, ed: &Edition, a: &Agency, c: &mut Context) {
    let (d, l) = (ed.derived, &ed.locale);
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
}

/// Part `part` of agency `ai`'s tasks in its `k`-th plan (of
/// [`crate::render::lists::AgencyLists::by_plan`]): the three shares in
/// order, cut into pages as one list.
pub fn agency_plan(model: &Model, ed: &Edition, ai: usize, k: usize, part: usize) -> PageSpec {
    let (d, l) = (ed.derived, &ed.locale);
    let a = &model.registry.all()[ai];
    let (pi, idx) = &ed.agencies[ai].by_plan[k];
    let items: &[Assignment] = d.by_agency.get(&a.id).map_or(&[], |t| t.items.as_slice());
    let p = &model.plans[*pi];
    let base = agency_plan_dir(l.paths(), a.id.as_str(), p.id.as_str());
    let rows = split::slice(idx, part);
    let cards = Rows::of(model, ed);
    let sections: Vec<ShareList> = Share::ALL
        .iter()
        .map(|&s| {
            let tasks: Vec<TaskRow> = rows
                .iter()
                .filter_map(|&i| items.get(i as usize))
                .filter(|x| Share::of(x.part) == s)
                .map(|x| cards.row_via(x))
                .collect();
            ShareList {
                key: s.key(),
                anchor: l.say(&format!("anchor.share_{}", s.key())),
                count: tasks.len(),
                tasks,
            }
        })
        .filter(|s| s.count > 0)
        .collect();
    let mut c = Context::new();
    c.insert("agency", &views::agency_link(a, d, l));
    c.insert("plan", &ed.plan_summary(*pi));
    c.insert("sections", &sections);
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
