//! The agencies index as a "who is late" view: agencies with tasks ranked by
//! how many are past their deadline (those they lead first among equals),
//! then due soon; groups and agencies without tasks set apart and explained.

use serde::Serialize;
use tera::Context;

use crate::derive::{summary_counts, Derived, Part, Summary, TaskRef};
use crate::model::Model;

use super::{crumb, PageSpec};
use crate::render::i18n::Locale;
use crate::render::split;
use crate::render::urls::{self, Route};
use crate::render::views::{self, AgencyLink};

/// One agency's counts in the plain groups of states.
#[derive(Serialize)]
pub struct LateRow {
    /// The agency.
    pub agency: AgencyLink,
    /// Past the deadline, not reported done.
    pub overdue: usize,
    /// Of those, tasks it leads (named, or through a group named as lead).
    pub overdue_lead: usize,
    /// Due soon.
    pub due_soon: usize,
    /// Not yet due.
    pub not_yet_due: usize,
    /// Continuous or recurring.
    pub ongoing: usize,
    /// Without a calendar date.
    pub no_date: usize,
    /// Reported done.
    pub done: usize,
    /// All its tasks, each once.
    pub total: usize,
}

impl LateRow {
    fn new(d: &Derived, l: &Locale, a: &crate::model::Agency) -> Option<Self> {
        let t = d.by_agency.get(&a.id)?;
        let refs: Vec<TaskRef> = t.refs().collect();
        if refs.is_empty() {
            return None;
        }
        let n = summary_counts(d, refs.iter().copied());
        let at = |g: Summary| {
            Summary::ALL
                .iter()
                .position(|x| *x == g)
                .map_or(0, |i| n[i])
        };
        let overdue_lead = t
            .part(Part::Lead)
            .chain(t.part(Part::GroupLead))
            .filter(|x| {
                d.standings
                    .get(&x.task)
                    .is_some_and(|s| s.state.is_overdue())
            })
            .count();
        Some(LateRow {
            agency: views::agency_link(a, d, l),
            overdue: at(Summary::Overdue),
            overdue_lead,
            due_soon: at(Summary::DueSoon),
            not_yet_due: at(Summary::NotYetDue),
            ongoing: at(Summary::Ongoing),
            no_date: at(Summary::NoDate),
            done: at(Summary::Done),
            total: refs.len(),
        })
    }

    /// The "who is late" order: most overdue first, then most overdue as
    /// lead, then most due soon, then most tasks, then by name.
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        (
            other.overdue,
            other.overdue_lead,
            other.due_soon,
            other.total,
        )
            .cmp(&(self.overdue, self.overdue_lead, self.due_soon, self.total))
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
