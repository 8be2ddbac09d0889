//! The agencies index as a "who is late" view: agencies with tasks ranked by
//! how many tasks they lead by name are past their deadline, the tasks that
//! reach them through a group or as a cooperator shown apart (the counts of
//! [`crate::derive::shares`], each linking to its list on the agency
//! page); groups and agencies without tasks set apart and explained.

use serde::Serialize;
use tera::Context;

use crate::derive::{Derived, Share, ShareCounts, Summary};
use crate::model::Model;

use super::agency::{group_anchor, share_anchor};
use super::{crumb, PageSpec};
use crate::render::i18n::Locale;
use crate::render::split;
use crate::render::urls::{self, Route};
use crate::render::views::{self, AgencyLink};

/// One share of what an agency is late on, with where its list is.
#[derive(Serialize)]
pub struct LateCount {
    /// `lead`, `group` or `cooperate`.
    pub key: &'static str,
    /// Number of tasks.
    pub count: usize,
    /// Its list on the agency page, from the site root.
    pub href: String,
}

/// One agency's row of the "who is late" ranking.
#[derive(Serialize)]
pub struct LateRow {
    /// The agency.
    pub agency: AgencyLink,
    /// Overdue tasks in the three shares, in [`Share::ALL`] order.
    pub late: Vec<LateCount>,
    /// All its overdue tasks.
    pub overdue: usize,
    /// All its tasks, each once.
    pub total: usize,
    /// Every task's list on its page, from the site root.
    pub tasks_href: String,
    /// Its overdue list, from the site root.
    pub late_href: String,
    #[serde(skip)]
    counts: ShareCounts,
}

impl LateRow {
    fn new(d: &Derived, l: &Locale, a: &crate::model::Agency) -> Option<Self> {
        let counts = d.shares(&a.id);
        if counts.total() == 0 {
            return None;
        }
        let page = urls::href(&l.paths().agency(a.id.as_str()));
        Some(LateRow {
            agency: views::agency_link(a, d, l),
            late: Share::ALL
                .iter()
                .map(|&s| LateCount {
                    key: s.key(),
                    count: counts.get(Summary::Overdue, s),
                    href: format!("{page}#{}", share_anchor(l, Summary::Overdue, s)),
                })
                .collect(),
            overdue: counts.group(Summary::Overdue),
            total: counts.total(),
            tasks_href: format!("{page}#{}", l.say("anchor.tasks")),
            late_href: format!("{page}#{}", group_anchor(l, Summary::Overdue)),
            counts,
        })
    }

    /// The "who is late" order ([`ShareCounts::late_order`]), then most
    /// tasks, then by name.
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        self.counts
            .late_order(&other.counts)
            .then_with(|| other.total.cmp(&self.total))
            .then_with(|| {
                self.agency
                    .name
                    .to_lowercase()
                    .cmp(&other.agency.name.to_lowercase())
            })
    }
}

/// The rows of the agencies index of one edition, computed once for all
/// its parts: counting every agency's tasks per part would cost the number
/// of parts times every assignment of the site.
pub struct Ranking {
    ranked: Vec<LateRow>,
    groups: Vec<LateRow>,
    idle: Vec<AgencyLink>,
}

impl Ranking {
    /// The first `n` agencies of the ranking with a task past its deadline.
    pub fn top_late(&self, n: usize) -> Vec<&LateRow> {
        self.ranked
            .iter()
            .filter(|r| r.overdue > 0)
            .take(n)
            .collect()
    }

    /// Ranks every agency as of `d`, in the words of `l`.
    pub fn new(model: &Model, d: &Derived, l: &Locale) -> Self {
        let mut ranked: Vec<LateRow> = Vec::new();
        let mut groups: Vec<LateRow> = Vec::new();
        let mut idle: Vec<AgencyLink> = Vec::new();
        for a in model.registry.all() {
            match LateRow::new(d, l, a) {
                Some(row) if a.is_group() => groups.push(row),
                Some(row) => ranked.push(row),
                None => idle.push(views::agency_link(a, d, l)),
            }
        }
        ranked.sort_by(LateRow::order);
        groups.sort_by(LateRow::order);
        idle.sort_by_key(|a| (a.is_group, a.name.to_lowercase()));
        Ranking {
            ranked,
            groups,
            idle,
        }
    }
}

/// Part `part` (from 1) of the agencies index. Its rows are the ranking,
/// then the groups, then the agencies without tasks, read as one list: past
/// [`split::PART_ROWS`] of them it is cut into parts like every long list.
pub fn agencies(rank: &Ranking, l: &Locale, part: usize) -> PageSpec {
    let (ranked, groups, idle) = (&rank.ranked, &rank.groups, &rank.idle);
    let mut c = Context::new();
    c.insert(
        "late_agencies",
        &ranked.iter().filter(|r| r.overdue > 0).count(),
    );
    c.insert("n_ranked", &ranked.len());
    c.insert("n_groups", &groups.len());
    c.insert("n_idle", &idle.len());
    let total = ranked.len() + groups.len() + idle.len();
    let parts = split::parts_view(
        l.paths(),
        &urls::dir(l.paths(), &Route::Agencies),
        total,
        part,
    );
    // The part's rows of the one list, as ranges of its three sections.
    let start = part.saturating_sub(1) * split::PART_ROWS;
    let end = parts.last.max(start);
    let (r, g) = (ranked.len(), ranked.len() + groups.len());
    let window = |from: usize, to: usize| start.clamp(from, to) - from..end.clamp(from, to) - from;
    c.insert("ranked", &ranked[window(0, r)]);
    c.insert("groups", &groups[window(r, g)]);
    c.insert("idle", &idle[window(g, total)]);
    c.insert("parts", &parts);
    c.insert("crumbs", &[crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: l
            .paths()
            .part_dir(&urls::dir(l.paths(), &Route::Agencies), part),
        template: "agencies.html",
        title: if part > 1 {
            l.say_with("page.agencies_part", &[("part", part.to_string())])
        } else {
            l.say("page.agencies")
        },
        description: Some(l.say("page.agencies_description")),
        context: c,
    }
}
