//! What a page is, independent of which page: where it goes, which template
//! fills it, and the breadcrumb links. A leaf module, so page builders,
//! views and the render driver all import it without a cycle.

use serde::Serialize;
use tera::Context;

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

/// A link in the breadcrumb trail.
#[derive(Serialize)]
pub struct Crumb {
    title: String,
    href: String,
    /// The title is content (a plan's label, an agency's name), in the
    /// content's language rather than the page's.
    content: bool,
}

/// A breadcrumb link to a page directory, titled in the page's words.
pub fn crumb(title: impl Into<String>, dir: &str) -> Crumb {
    Crumb {
        title: title.into(),
        href: urls::href(dir),
        content: false,
    }
}

/// A breadcrumb link titled by content (a plan's label, an agency's name).
pub fn content_crumb(title: impl Into<String>, dir: &str) -> Crumb {
    Crumb {
        content: true,
        ..crumb(title, dir)
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
