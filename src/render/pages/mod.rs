//! One function per page type gathers the views its template needs. This
//! module holds what every page shares; `plan`, `agency` and `site` hold
//! the pages themselves.

mod agency;
mod late;
mod plan;
mod site;

pub use agency::agency;
pub use late::agencies;
pub use plan::{plan, plans, task};
pub use site::{charts, data, home, search, status};

use serde::Serialize;
use tera::Context;

use crate::derive::{Derived, TaskRef};
use crate::model::deadline::vi_date;
use crate::model::Model;

use super::urls;

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

pub(crate) fn one_line(s: &str, n: usize) -> String {
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
    ctx.insert("lang", &model.site.language);
    ctx.insert("as_of", &vi_date(d.as_of));
    ctx.insert("as_of_iso", &d.as_of.to_string());
    ctx.insert("root", &place.root);
    ctx.insert("site_root", &place.site_root);
    ctx.insert("permalink", &format!("/{}", place.dir));
    ctx.insert("basis", &crate::render::reports::basis(model, d));
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
