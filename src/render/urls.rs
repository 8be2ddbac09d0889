//! Permalinks. Every page lives at `<dir>/index.html`; its permalink is
//! `/<dir>/`. Paths derive from ids and the path words of the language
//! being rendered ([`Paths`]) only (never titles), so they never change when
//! wording is corrected. Links inside pages are relative, so the site works
//! from a sub-path and from disk.
//!
//! A [`Route`] is a page's address without its language: the same route
//! is `ke-hoach/p/nhiem-vu/1/` in Vietnamese and `plans/p/tasks/1/` in
//! English, which is how a page finds its twin in the other edition.

use crate::derive::State;

use super::i18n::Paths;

/// Which page, independent of the language of its path words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// The home page.
    Home,
    /// The plans index.
    Plans,
    /// A plan page.
    Plan(String),
    /// A task page: plan id, task id.
    Task(String, String),
    /// The agencies index.
    Agencies,
    /// An agency page.
    Agency(String),
    /// An agency's tasks in one plan: agency id, plan id.
    AgencyPlan(String, String),
    /// Every task by state.
    Status,
    /// The tasks of one plan in one state: state key, plan id.
    StatusPart(String, String),
    /// The calendar index.
    Calendar,
    /// A month of the calendar.
    Month(i32, u32),
    /// The reports index.
    Reports,
    /// A report page.
    Report(String),
    /// The charts page.
    Charts,
    /// The open data page.
    Data,
    /// The search page.
    Search,
}

/// A route and which part of its list (1 for the page itself).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Address {
    /// The page.
    pub route: Route,
    /// Part of a long list, from 1.
    pub part: usize,
}

/// Directory of `route` in the words of `p` (`ke-hoach/<id>/`; empty for
/// the home page).
pub fn dir(p: &Paths, route: &Route) -> String {
    match route {
        Route::Home => String::new(),
        Route::Plans => Paths::index(&p.plans),
        Route::Plan(id) => p.plan(id),
        Route::Task(plan, task) => p.task(plan, task),
        Route::Agencies => Paths::index(&p.agencies),
        Route::Agency(id) => p.agency(id),
        Route::AgencyPlan(a, plan) => format!("{}{}/{plan}/", p.agency(a), p.plans),
        Route::Status => Paths::index(&p.status),
        Route::StatusPart(state, plan) => format!("{}/{state}/{plan}/", p.status),
        Route::Calendar => Paths::index(&p.calendar),
        Route::Month(y, m) => format!("{}/{y:04}-{m:02}/", p.calendar),
        Route::Reports => Paths::index(&p.reports),
        Route::Report(id) => format!("{}/{id}/", p.reports),
        Route::Charts => Paths::index(&p.charts),
        Route::Data => Paths::index(&p.data),
        Route::Search => Paths::index(&p.search),
    }
}

/// Directory of part `a.part` of `a.route`.
pub fn address_dir(p: &Paths, a: &Address) -> String {
    p.part_dir(&dir(p, &a.route), a.part)
}

/// The address of a page directory written with the words of `p`, or
/// `None` when no page of this scheme lives there. The inverse of
/// [`address_dir`].
pub fn address(p: &Paths, page_dir: &str) -> Option<Address> {
    let trimmed = page_dir.strip_suffix('/').unwrap_or(page_dir);
    let mut segs: Vec<&str> = if trimmed.is_empty() {
        Vec::new()
    } else {
        trimmed.split('/').collect()
    };
    let mut part = 1;
    if let Some(n) = segs
        .last()
        .and_then(|s| s.strip_prefix(p.part.as_str()))
        .and_then(|s| s.strip_prefix('_'))
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|n| *n >= 2)
    {
        part = n;
        segs.pop();
    }
    let id = |s: &str| crate::model::ids::is_valid_id(s).then(|| s.to_string());
    let route = match segs.as_slice() {
        [] => Route::Home,
        [w] if *w == p.plans => Route::Plans,
        [w, plan] if *w == p.plans => Route::Plan(id(plan)?),
        [w, plan, t, task] if *w == p.plans && *t == p.tasks => Route::Task(id(plan)?, id(task)?),
        [w] if *w == p.agencies => Route::Agencies,
        [w, a] if *w == p.agencies => Route::Agency(id(a)?),
        [w, a, pl, plan] if *w == p.agencies && *pl == p.plans => {
            Route::AgencyPlan(id(a)?, id(plan)?)
        }
        [w] if *w == p.status => Route::Status,
        [w, state, plan] if *w == p.status => {
            let state = State::ALL.iter().find(|s| s.key() == *state)?;
            Route::StatusPart(state.key().to_string(), id(plan)?)
        }
        [w] if *w == p.calendar => Route::Calendar,
        [w, ym] if *w == p.calendar => {
            let (y, m) = ym.split_once('-')?;
            let (y, m) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
            if !(1..=12).contains(&m) || !(0..=9999).contains(&y) {
                return None;
            }
            Route::Month(y, m)
        }
        [w] if *w == p.reports => Route::Reports,
        [w, r] if *w == p.reports => Route::Report(id(r)?),
        [w] if *w == p.charts => Route::Charts,
        [w] if *w == p.data => Route::Data,
        [w] if *w == p.search => Route::Search,
        _ => return None,
    };
    let a = Address { route, part };
    // Only a directory written exactly as this scheme writes it.
    (address_dir(p, &a) == page_dir).then_some(a)
}

/// The twin of a page directory: the same page in the words of `to`.
pub fn twin(from: &Paths, to: &Paths, page_dir: &str) -> Option<String> {
    address(from, page_dir).map(|a| address_dir(to, &a))
}

/// The relative prefix from a page directory back to the site root.
pub fn root_from(dir: &str) -> String {
    "../".repeat(dir.matches('/').count())
}

/// A link from any page to a page directory: `<root><dir>index.html`.
pub fn href(dir: &str) -> String {
    format!("{dir}index.html")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::i18n::I18n;
    use proptest::prelude::*;

    fn paths(lang: &str) -> Paths {
        Paths::of(&I18n::embedded().unwrap(), lang).unwrap()
    }

    #[test]
    fn permalinks_and_roots() {
        let vi = paths("vi");
        assert_eq!(
            dir(&vi, &Route::Task("114-kh-bcd-2025".into(), "18".into())),
            "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/"
        );
        assert_eq!(dir(&vi, &Route::Month(2025, 9)), "lich/2025-09/");
        assert_eq!(
            dir(&vi, &Route::AgencyPlan("a".into(), "p".into())),
            "co-quan/a/ke-hoach/p/"
        );
        assert_eq!(root_from(""), "");
        assert_eq!(root_from(&vi.task("p", "1")), "../../../../");
        assert_eq!(root_from(&vi.agency("so-khcn")), "../../");
        assert_eq!(href(&vi.plan("p")), "ke-hoach/p/index.html");
    }

    #[test]
    fn twins_swap_the_words_and_keep_ids_and_parts() {
        let (vi, en) = (paths("vi"), paths("en"));
        assert_eq!(
            twin(&vi, &en, "ke-hoach/p/nhiem-vu/1-2/").as_deref(),
            Some("plans/p/tasks/1-2/")
        );
        assert_eq!(
            twin(&vi, &en, "tinh-trang/past-deadline/p/trang_3/").as_deref(),
            Some("status/past-deadline/p/page_3/")
        );
        assert_eq!(twin(&en, &vi, "").as_deref(), Some(""));
        assert_eq!(
            twin(&en, &vi, "calendar/2025-09/").as_deref(),
            Some("lich/2025-09/")
        );
        for not_a_page in [
            "ke-hoach/p/nhiem-vu/",
            "ke-hoach/P/",
            "lich/2025-13/",
            "lich/2025-9/",
            "tinh-trang/khong/p/",
            "ke-hoach/p/trang_1/",
            "ke-hoach/p/trang_02/",
            "ban-luu/2025-10/",
            "ke-hoach/p",
        ] {
            assert_eq!(twin(&vi, &en, not_a_page), None, "{not_a_page}");
        }
    }

    fn id() -> impl Strategy<Value = String> {
        "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}"
    }

    fn route() -> impl Strategy<Value = Route> {
        prop_oneof![
            Just(Route::Home),
            Just(Route::Plans),
            id().prop_map(Route::Plan),
            (id(), id()).prop_map(|(p, t)| Route::Task(p, t)),
            Just(Route::Agencies),
            id().prop_map(Route::Agency),
            (id(), id()).prop_map(|(a, p)| Route::AgencyPlan(a, p)),
            Just(Route::Status),
            (0..State::ALL.len(), id())
                .prop_map(|(s, p)| Route::StatusPart(State::ALL[s].key().into(), p)),
            Just(Route::Calendar),
            (1900i32..2100, 1u32..=12).prop_map(|(y, m)| Route::Month(y, m)),
            Just(Route::Reports),
            id().prop_map(Route::Report),
            Just(Route::Charts),
            Just(Route::Data),
            Just(Route::Search),
        ]
    }

    proptest! {
        /// Every page's directory reads back to the same page in each
        /// language, so the twin mapping is a bijection: going to the
        /// other language and back is the identity, and two pages never
        /// share a directory.
        #[test]
        fn the_twin_mapping_is_a_bijection(
            a in route(), b in route(), pa in 1usize..5, pb in 1usize..5
        ) {
            let (vi, en) = (paths("vi"), paths("en"));
            let a = Address { route: a, part: pa };
            let b = Address { route: b, part: pb };
            for p in [&vi, &en] {
                let d = address_dir(p, &a);
                let back = address(p, &d);
                prop_assert_eq!(back.as_ref(), Some(&a));
                if a != b {
                    prop_assert_ne!(d, address_dir(p, &b));
                }
            }
            let v = address_dir(&vi, &a);
            let e = twin(&vi, &en, &v).unwrap();
            prop_assert_eq!(twin(&en, &vi, &e), Some(v));
            prop_assert_eq!(e, address_dir(&en, &a));
        }
    }
}
