//! Site-wide pages: home, statuses, charts, open data, search.

use serde::Serialize;
use tera::Context;

use crate::derive::{Derived, State};
use crate::model::Model;

use super::{all_refs, crumb, PageSpec};
use crate::render::views::{self, AgencyLink, PlanSummary, StateView, TaskView};

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
    c.insert("counts", &views::partition_counts(d));
    let stale = d.stale_evidence(model.site.reporting_period_months);
    c.insert("stale", &stale.is_some());
    c.insert(
        "stale_since",
        &stale.flatten().map(crate::model::deadline::vi_date),
    );
    c.insert(
        "stale_days",
        &stale.flatten().map(|x| (d.as_of - x).num_days()),
    );
    c.insert(
        "reporting_period_months",
        &model.site.reporting_period_months,
    );
    c.insert("upcoming", &upcoming);
    c.insert("past_deadline", &past);
    c.insert("past_deadline_total", &d.past_deadline.len());
    c.insert(
        "overdue_parts",
        &[State::OpenOverdue, State::PastDeadline]
            .iter()
            .map(|s| StateView::new(*s, d.partition.count(*s)))
            .filter(|v| v.count > 0)
            .collect::<Vec<_>>(),
    );
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
pub fn charts(charts: &[crate::render::charts::Chart]) -> PageSpec {
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

/// The open-data page: every download with its size, grouped (whole site,
/// per plan, per agency, per chart), and the dictionary.
pub fn data(
    model: &Model,
    downloads: &[crate::render::data::Download],
    charts: &[crate::render::charts::Chart],
) -> PageSpec {
    let mut c = Context::new();
    let mut all = downloads.to_vec();
    all.extend(charts.iter().map(|ch| crate::render::data::Download {
        label: ch.title.clone(),
        href: format!("bieu-do/{}", ch.csv),
        bytes: crate::render::data::chart_csv(model, &ch.headers, &ch.rows).len(),
        format: "CSV",
        section: "charts",
    }));
    for section in ["site", "plans", "agencies", "charts"] {
        let list: Vec<&crate::render::data::Download> =
            all.iter().filter(|d| d.section == section).collect();
        c.insert(format!("downloads_{section}"), &list);
    }
    c.insert(
        "columns",
        &crate::render::data::COLUMNS
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

/// A list of tasks in one state.
#[derive(Serialize)]
struct StateSection {
    state: StateView,
    tasks: Vec<TaskView>,
}

/// Every task, by state as of the as-of date.
pub fn status(model: &Model, d: &Derived) -> PageSpec {
    let sections: Vec<StateSection> = State::ALL
        .iter()
        .map(|s| {
            let tasks = d.partition.tasks(*s);
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
