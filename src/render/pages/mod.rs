//! One function per page type gathers the views its template needs. This
//! module holds what every page shares; `plan`, `agency` and `site` hold
//! the pages themselves.

pub mod agency;
pub mod late;
mod plan;
pub(crate) mod site;

pub use agency::{agency, agency_plan, agency_plan_dir};
pub use late::agencies;
pub use plan::{plan, plan_part, plans, task};
pub use site::{charts, data, home, search, status, status_dir, status_part};

use tera::Context;

use crate::derive::{Derived, TaskRef};
use crate::model::Model;
use crate::render::i18n::Locale;

pub use crate::render::page::{content_crumb, crumb, Crumb, PageSpec, Place};

pub(crate) fn one_line(s: &str, n: usize) -> String {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > n {
        format!("{}…", t.chars().take(n).collect::<String>())
    } else {
        t
    }
}

/// ` (trang 2)`: what a page title says after its first part; nothing on
/// the first.
pub(crate) fn part_suffix(l: &Locale, part: usize) -> String {
    if part > 1 {
        l.say_with("page.part_suffix", &[("part", part.to_string())])
    } else {
        String::new()
    }
}

/// Fills the values every page has, in its own way: its language, what
/// the statuses are based on, links and permalink (the site, the path
/// words and the citation languages, alike on every page, are the render
/// driver's, as is the as-of date in the page's language).
pub fn common(model: &Model, d: &Derived, l: &Locale, place: &Place, ctx: &mut Context) {
    ctx.insert("lang", l.lang());
    ctx.insert("as_of_iso", &d.as_of.to_string());
    ctx.insert("root", &place.root);
    ctx.insert("site_root", &place.site_root);
    ctx.insert("permalink", &format!("/{}", place.dir));
    // Pages of some tasks only name their own evidence (see `jobs::build`),
    // and say so when those tasks have none.
    if !ctx.contains_key("basis") {
        ctx.insert("basis", &crate::render::report_link::basis(model, d, l));
    }
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

/// The tasks of plan `pi`, in document order.
pub(crate) fn plan_refs(model: &Model, pi: usize) -> Vec<TaskRef> {
    (0..model.plans.get(pi).map_or(0, |p| p.tasks.len()))
        .map(|ti| TaskRef { plan: pi, task: ti })
        .collect()
}

pub(crate) fn all_refs(model: &Model) -> Vec<TaskRef> {
    model
        .plans
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..p.tasks.len()).map(move |ti| TaskRef { plan: pi, task: ti }))
        .collect()
}
