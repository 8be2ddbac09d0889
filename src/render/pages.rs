//! One function per page type: gathers the views a template needs.

use serde::Serialize;
use tera::Context;

use crate::derive::{Derived, State, TaskRef};
use crate::model::deadline::vi_date;
use crate::model::{Agency, Model};

use super::markdown;
use super::urls;
use super::views::{self, AgencyLink, DeclaredView, PlanSummary, StateView, TaskView};

/// A page to render: where it goes, which template, with what.
pub struct PageSpec {
    /// Directory of the page (`ke-hoach/x/`); the file is `index.html` in it.
    pub dir: String,
    /// Template name.
    pub template: &'static str,
    /// Page title (without the site title).
    pub title: String,
    /// Meta description; the site's description when `None`.
    pub description: Option<String>,
    /// Page-specific context.
    pub context: Context,
}

fn one_line(s: &str, n: usize) -> String {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > n {
        format!("{}…", t.chars().take(n).collect::<String>())
    } else {
        t
    }
}

/// A link in the breadcrumb trail.
#[derive(Serialize)]
pub struct Crumb {
    title: String,
    href: String,
}

/// A breadcrumb link to a page directory.
pub fn crumb(title: impl Into<String>, dir: &str) -> Crumb {
    Crumb {
        title: title.into(),
        href: urls::href(dir),
    }
}

/// Where a page sits: its directory in the output, and the two relative
/// prefixes to the root of its page tree and to the site root (they differ
/// inside a snapshot).
pub struct Place<'a> {
    /// Full directory in the output (`ban-luu/2025-10/ke-hoach/x/`).
    pub dir: &'a str,
    /// Prefix to the root of the page tree (live site or snapshot).
    pub root: String,
    /// Prefix to the site root (navigation, stylesheet, calendars).
    pub site_root: String,
}

/// Fills the values every page shares: site, as-of date, what the statuses
/// are based on, links and permalink.
pub fn common(model: &Model, d: &Derived, place: &Place, ctx: &mut Context) {
    ctx.insert("site", &model.site);
    ctx.insert("as_of", &vi_date(d.as_of));
    ctx.insert("as_of_iso", &d.as_of.to_string());
    ctx.insert("root", &place.root);
    ctx.insert("site_root", &place.site_root);
    ctx.insert("permalink", &format!("/{}", place.dir));
    ctx.insert("basis", &super::reports::basis(model, d));
    ctx.insert(
        "canonical",
        &model
            .site
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}", place.dir)),
    );
    if !ctx.contains_key("crumbs") {
        ctx.insert("crumbs", &Vec::<Crumb>::new());
    }
}

fn all_refs(model: &Model) -> Vec<TaskRef> {
    model
        .plans
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..p.tasks.len()).map(move |ti| TaskRef { plan: pi, task: ti }))
        .collect()
}

/// The home page.
pub fn home(model: &Model, d: &Derived) -> PageSpec {
    let mut c = Context::new();
    let plans: Vec<PlanSummary> = (0..model.plans.len())
        .map(|pi| views::plan_summary(model, d, pi))
        .collect();
    let refs = all_refs(model);
    let upcoming: Vec<TaskView> = d
        .upcoming
        .iter()
        .take(10)
        .map(|r| views::task(model, d, *r))
        .collect();
    let past: Vec<TaskView> = d
        .past_deadline
        .iter()
        .take(10)
        .map(|r| views::task(model, d, *r))
        .collect();
    c.insert("plans", &plans);
    c.insert("task_total", &refs.len());
    c.insert("counts", &views::counts(d, refs));
    c.insert("upcoming", &upcoming);
    c.insert("past_deadline", &past);
    c.insert("past_deadline_total", &d.past_deadline.len());
    c.insert("agency_total", &model.registry.all().len());
    PageSpec {
        dir: String::new(),
        template: "home.html",
        title: "Trang chủ".into(),
        description: None,
        context: c,
    }
}

/// The charts page.
pub fn charts(charts: &[super::charts::Chart]) -> PageSpec {
    let mut c = Context::new();
    c.insert("charts", charts);
    c.insert("crumbs", &[crumb("Trang chủ", "")]);
    PageSpec {
        dir: "bieu-do/".into(),
        template: "charts.html",
        title: "Biểu đồ".into(),
        description: Some(
            "Biểu đồ tình trạng, tiến độ và thời hạn, kèm bảng số liệu và tệp CSV.".into(),
        ),
        context: c,
    }
}

/// A column of the data dictionary.
#[derive(Serialize)]
struct Column {
    name: &'static str,
    meaning: &'static str,
}

/// The open-data page: every download with its size, and the dictionary.
pub fn data(downloads: &[super::data::Download]) -> PageSpec {
    let mut c = Context::new();
    c.insert("downloads", downloads);
    c.insert(
        "columns",
        &super::data::COLUMNS
            .iter()
            .map(|(name, meaning)| Column { name, meaning })
            .collect::<Vec<_>>(),
    );
    c.insert("crumbs", &[crumb("Trang chủ", "")]);
    PageSpec {
        dir: "du-lieu/".into(),
        template: "data.html",
        title: "Dữ liệu mở".into(),
        description: Some(
            "Tải dữ liệu nhiệm vụ, thời hạn và tình trạng dưới dạng CSV và JSON.".into(),
        ),
        context: c,
    }
}

/// The search page: a search box (with JavaScript) over plain lists of
/// every agency and plan (without it).
pub fn search(model: &Model, d: &Derived) -> PageSpec {
    let mut c = Context::new();
    let plans: Vec<PlanSummary> = (0..model.plans.len())
        .map(|pi| views::plan_summary(model, d, pi))
        .collect();
    let mut agencies: Vec<AgencyLink> = model
        .registry
        .all()
        .iter()
        .map(|a| views::agency_link(a, d))
        .collect();
    agencies.sort_by_key(|a| a.name.to_lowercase());
    c.insert("plans", &plans);
    c.insert("agencies", &agencies);
    c.insert("crumbs", &[crumb("Trang chủ", "")]);
    PageSpec {
        dir: "tim-kiem/".into(),
        template: "search.html",
        title: "Tìm kiếm".into(),
        description: Some("Tìm cơ quan, văn bản, nhiệm vụ; gõ có dấu hoặc không dấu.".into()),
        context: c,
    }
}

/// The list of plans.
pub fn plans(model: &Model, d: &Derived) -> PageSpec {
    let mut c = Context::new();
    let plans: Vec<PlanSummary> = (0..model.plans.len())
        .map(|pi| views::plan_summary(model, d, pi))
        .collect();
    c.insert("plans", &plans);
    c.insert("crumbs", &[crumb("Trang chủ", "")]);
    PageSpec {
        dir: urls::PLANS.into(),
        template: "plans.html",
        title: "Các kế hoạch".into(),
        description: None,
        context: c,
    }
}

/// A plan page.
pub fn plan(model: &Model, d: &Derived, pi: usize) -> PageSpec {
    let p = &model.plans[pi];
    let mut c = Context::new();
    c.insert("plan", &views::plan_summary(model, d, pi));
    c.insert("number_note", &p.number_note);
    c.insert("issuer_name", &p.issuer_name);
    c.insert("date_text", &p.date_text);
    c.insert("place", &p.place);
    c.insert("signatory", &p.signatory);
    c.insert("legal_bases", &p.legal_bases);
    c.insert("recipients", &p.recipients);
    c.insert("source", &p.source);
    let declared: Vec<DeclaredView> = p.declared.iter().map(DeclaredView::new).collect();
    c.insert("declared", &declared);
    c.insert("mismatches", &declared.iter().filter(|x| x.differs).count());
    c.insert("body_html", &markdown::to_html(&p.body));
    let duties: Vec<DutyView> = p.duties.iter().map(|du| DutyView::new(model, du)).collect();
    c.insert("duties", &duties);
    let series = d.calendar.for_plan(pi);
    c.insert(
        "upcoming",
        &super::calendar::upcoming_for(model, d, &series, 8),
    );
    c.insert(
        "ics_href",
        &format!("{}lich.ics", urls::plan(p.id.as_str())),
    );
    c.insert("appendix", &p.appendix);
    c.insert("caption", &p.caption);
    c.insert("caption_note", &p.caption_note);
    c.insert("columns", &p.columns);
    c.insert("groups", &views::groups(model, d, pi));
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
    c.insert(
        "crumbs",
        &[crumb("Trang chủ", ""), crumb("Kế hoạch", urls::PLANS)],
    );
    PageSpec {
        dir: urls::plan(p.id.as_str()),
        template: "plan.html",
        title: p.label(),
        description: Some(format!("{}: {}", p.label(), one_line(&p.title, 200))),
        context: c,
    }
}

/// A task page.
pub fn task(model: &Model, d: &Derived, r: TaskRef) -> PageSpec {
    let p = &model.plans[r.plan];
    let t = &p.tasks[r.task];
    let mut c = Context::new();
    c.insert("task", &views::task(model, d, r));
    c.insert("plan", &views::plan_summary(model, d, r.plan));
    let group_title = find_group_title(&p.groups, &t.group);
    c.insert("group_title", &group_title);
    let prev = r.task.checked_sub(1).map(|i| {
        views::task(
            model,
            d,
            TaskRef {
                plan: r.plan,
                task: i,
            },
        )
    });
    let next = (r.task + 1 < p.tasks.len()).then(|| {
        views::task(
            model,
            d,
            TaskRef {
                plan: r.plan,
                task: r.task + 1,
            },
        )
    });
    c.insert("prev", &prev);
    c.insert("next", &next);
    c.insert("source_line", &t.line);
    c.insert("history", &super::reports::history(model, d, r));
    c.insert(
        "crumbs",
        &[
            crumb("Trang chủ", ""),
            crumb("Kế hoạch", urls::PLANS),
            crumb(p.label(), &urls::plan(p.id.as_str())),
        ],
    );
    PageSpec {
        dir: urls::task(p.id.as_str(), t.id.as_str()),
        template: "task.html",
        title: format!(
            "Nhiệm vụ {} — {}",
            t.number.as_deref().unwrap_or(t.id.as_str()),
            p.label()
        ),
        description: Some(format!(
            "{}, nhiệm vụ {}: {}",
            p.label(),
            t.number.as_deref().unwrap_or(t.id.as_str()),
            one_line(t.text.as_deref().unwrap_or(""), 150)
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
    fn new(model: &Model, du: &crate::model::duty::Duty) -> Self {
        DutyView {
            id: du.id.clone(),
            title: du.title.clone(),
            who: views::CellView::new(&du.who, model),
            to: du.to.clone(),
            schedule: du.schedule.describe(du.before),
            quote: du.quote.clone(),
            section: du.section.clone(),
            note: du.note.clone(),
            dates: du.dates().into_iter().map(vi_date).collect(),
        }
    }
}

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
        &super::calendar::upcoming_for(model, d, &series, 8),
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

/// A list of tasks in one state.
#[derive(Serialize)]
struct StateSection {
    state: StateView,
    tasks: Vec<TaskView>,
}

/// Every task, by state as of the as-of date.
pub fn status(model: &Model, d: &Derived) -> PageSpec {
    let refs = all_refs(model);
    let sections: Vec<StateSection> = State::ALL
        .iter()
        .map(|s| {
            let mut tasks: Vec<TaskRef> = refs
                .iter()
                .copied()
                .filter(|r| d.standings[r].state == *s)
                .collect();
            if *s == State::PastDeadline {
                tasks = d.past_deadline.clone();
            } else if matches!(s, State::DueSoon | State::Upcoming) {
                tasks = d
                    .upcoming
                    .iter()
                    .copied()
                    .filter(|r| d.standings[r].state == *s)
                    .collect();
            }
            StateSection {
                state: StateView::new(*s, tasks.len()),
                tasks: tasks.iter().map(|r| views::task(model, d, *r)).collect(),
            }
        })
        .collect();
    let mut c = Context::new();
    c.insert("sections", &sections);
    c.insert("crumbs", &[crumb("Trang chủ", "")]);
    PageSpec {
        dir: "tinh-trang/".into(),
        template: "status.html",
        title: "Tình trạng nhiệm vụ".into(),
        description: None,
        context: c,
    }
}
