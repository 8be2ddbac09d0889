//! The ready citations of a plan, task or agency page, one per citation
//! language (the content's, the page's and English: [`cite_langs`]).
//!
//! Each formula is the theme's (`cite.of_task`, `cite.of_plan`,
//! `cite.of_page` and their parts, in each language's i18n file); this
//! module only fills it with what the page cites, once per page instead of
//! a dozen template lookups. The tail (site, as-of date, address) needs the
//! page's address and stays in `macros/cite.html`.

use serde::Serialize;

use crate::model::Model;

use super::i18n::Locale;
use super::task_ref::Locator;
use super::views::PlanSummary;

/// One citation: its language and its words up to the tail.
#[derive(Debug, Serialize)]
pub struct Citation {
    /// Language code of the formula.
    pub lang: String,
    /// The formula filled in, before the site, date and address.
    pub body: String,
}

/// What a page cites.
pub enum Cited<'a> {
    /// A task of a document: `title` is the page's heading.
    Task {
        /// The task's document.
        plan: &'a PlanSummary,
        /// Where the task sits in it.
        locator: &'a Locator,
        /// The page's heading.
        title: &'a str,
    },
    /// A document.
    Plan(&'a PlanSummary),
    /// Any other page, by its title.
    Page(&'a str),
}

/// The page's citations, in the order of [`cite_langs`] for pages in `l`.
pub fn citations(model: &Model, l: &Locale, cited: &Cited) -> Vec<Citation> {
    let site = &model.site;
    let publisher = site
        .publisher
        .as_deref()
        .filter(|p| !p.is_empty())
        .unwrap_or(&site.title);
    cite_langs(model, l)
        .into_iter()
        .map(|cl| {
            let say = |key: &str, args: &[(&str, String)]| l.say_in_with(cl, key, args);
            let original = if cl == site.language {
                String::new()
            } else {
                let name = l.say_in(cl, &format!("language_name.{}", site.language));
                say("cite.original_in", &[("language", name)])
            };
            let body = match cited {
                Cited::Task {
                    plan,
                    locator,
                    title,
                } => {
                    let doc = say(
                        "cite.doc",
                        &[("head", head(plan, &say)), ("issuer", plan.issuer.clone())],
                    );
                    say(
                        "cite.of_task",
                        &[
                            ("publisher", publisher.to_string()),
                            ("title", title.to_string()),
                            ("original", original),
                            ("where", place(locator, &say)),
                            ("doc", doc),
                        ],
                    )
                }
                Cited::Plan(plan) => say(
                    "cite.of_plan",
                    &[
                        ("issuer", plan.issuer.clone()),
                        ("head", head(plan, &say)),
                        ("title", plan.title.clone()),
                        ("original", original),
                    ],
                ),
                Cited::Page(title) => say(
                    "cite.of_page",
                    &[
                        ("publisher", publisher.to_string()),
                        ("title", title.to_string()),
                        ("original", original),
                    ],
                ),
            };
            Citation {
                lang: cl.to_string(),
                body,
            }
        })
        .collect()
}

/// What a task's state citation names: the task, its state and the date
/// it was judged at, and the address showing it.
pub struct StateCited<'a> {
    /// The task's document.
    pub plan: &'a PlanSummary,
    /// Where the task sits in it.
    pub locator: &'a Locator,
    /// The task's heading.
    pub title: &'a str,
    /// The state's label, in the page's language.
    pub state: &'a str,
    /// The date the state was judged at, in the page's language.
    pub as_of: &'a str,
    /// The address of the page showing it (a permalink or a snapshot's row).
    pub url: &'a str,
}

/// The citation of a task's state as of a date, in the page's language
/// (`cite.of_state`): what a journalist pastes to say "task 18 stood at
/// this state on this date".
pub fn state_citation(model: &Model, l: &Locale, c: &StateCited) -> String {
    let site = &model.site;
    let publisher = site
        .publisher
        .as_deref()
        .filter(|p| !p.is_empty())
        .unwrap_or(&site.title);
    let say = |key: &str, args: &[(&str, String)]| l.say_with(key, args);
    let original = if l.lang() == site.language {
        String::new()
    } else {
        let name = l.say(&format!("language_name.{}", site.language));
        say("cite.original_in", &[("language", name)])
    };
    let doc = say(
        "cite.doc",
        &[
            ("head", head(c.plan, &say)),
            ("issuer", c.plan.issuer.clone()),
        ],
    );
    say(
        "cite.of_state",
        &[
            ("publisher", publisher.to_string()),
            ("title", c.title.to_string()),
            ("original", original),
            ("where", place(c.locator, &say)),
            ("doc", doc),
            ("state", c.state.to_string()),
            ("as_of", c.as_of.to_string()),
            ("site", site.title.clone()),
            ("url", c.url.to_string()),
        ],
    )
}

/// Fills a formula of the citation's language.
type Say<'a> = dyn Fn(&str, &[(&str, String)]) -> String + 'a;

/// A value the document has: present and not empty.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

/// The document's type, number and date (`Kế hoạch số 114/KH-BCĐ ngày …`).
fn head(plan: &PlanSummary, say: &Say) -> String {
    let mut h = plan.doc_type.clone();
    match given(&plan.number) {
        Some(n) => h.push_str(&say("cite.number", &[("number", n.to_string())])),
        None => h.push_str(&say("cite.unnumbered", &[])),
    }
    if let Some(d) = given(&plan.date) {
        h.push_str(&say("cite.dated", &[("date", d.to_string())]));
    }
    h
}

/// Where the task sits: its number (with its groups when numbering
/// restarts in each group), or its row in its groups.
fn place(loc: &Locator, say: &Say) -> String {
    let groups = loc
        .groups
        .iter()
        .map(|g| match given(&g.appendix) {
            Some(a) => a.to_string(),
            None => say("cite.group", &[("code", g.code.clone())]),
        })
        .collect::<Vec<_>>()
        .join(", ");
    match given(&loc.number) {
        Some(n) => {
            let number = n.trim().trim_end_matches('.').to_string();
            let mut w = say("cite.task_number", &[("number", number)]);
            if !loc.number_unique {
                w.push_str(", ");
                w.push_str(&groups);
            }
            w
        }
        None => say(
            "cite.task_row",
            &[("row", loc.row.to_string()), ("groups", groups)],
        ),
    }
}

/// The citation languages of pages in `l`: the content's, the page's and
/// English (the international one), each once, in that order.
pub fn cite_langs<'a>(model: &'a Model, l: &'a Locale) -> Vec<&'a str> {
    let mut v: Vec<&str> = Vec::new();
    for c in [model.site.language.as_str(), l.lang(), "en"] {
        if !v.contains(&c) {
            v.push(c);
        }
    }
    v
}

/// The words of each citation language that every page of `l` repeats
/// (the copy button's, the date format, the month names), in the order of
/// `cite_langs`: made once per language of the site, not by the template
/// on every page.
pub fn cite_words(model: &Model, l: &Locale) -> tera::Value {
    #[derive(serde::Serialize)]
    struct CiteWords {
        copy: String,
        copied: String,
        copy_label: String,
        date: String,
        months: String,
    }
    let list: Vec<CiteWords> = cite_langs(model, l)
        .into_iter()
        .map(|c| CiteWords {
            copy: l.say_in(c, "cite.copy"),
            copied: l.say_in(c, "cite.copied"),
            copy_label: l.say_in(c, "cite.copy_label"),
            date: l.say_in(c, "date.day"),
            months: l.words_in(c, "date.months", "|"),
        })
        .collect();
    tera::Value::from_serializable(&list)
}
