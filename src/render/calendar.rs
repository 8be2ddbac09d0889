//! Calendar pages (`/lich/`, `/lich/YYYY-MM/`) and ICS feeds.

use chrono::{Datelike, NaiveDate, Weekday};
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::derive::calendar::{Occurrence, Series, Source};
use crate::derive::{Derived, TaskRef};
use crate::model::Model;

use super::edition::Lang;
use super::i18n::Locale;
use super::lists::PlanRows;
use super::pages::PageSpec;
use super::task_row::{self, TaskRow};
use super::urls::Route;
use super::views::{CellView, StateView};
use super::{ics, split, task_ref, urls};

/// An entry on a calendar page.
#[derive(Serialize)]
pub struct EventView {
    /// `task` or `duty`.
    pub kind: &'static str,
    /// Day, `dd/mm/yyyy`.
    pub date: String,
    /// Day, ISO.
    pub iso: String,
    /// Headline.
    pub title: String,
    /// Link from the site root.
    pub href: String,
    /// Milestone or duty label.
    pub label: Option<String>,
    /// Wording as printed.
    pub wording: String,
    /// True when due strictly before the day.
    pub before: bool,
    /// Plan label.
    pub plan_label: String,
    /// Responsible agencies.
    pub who: CellView,
    /// The lead (or reporting) cell as printed, shortened, for the line
    /// beside the state.
    pub lead: String,
    /// State of the task (tasks only).
    pub state: Option<StateView>,
    /// The task's own words, shortened (tasks only; see
    /// [`task_ref::title_words`]).
    pub text: Option<String>,
}

/// The longest agency cell beside an entry's state, in characters.
const LEAD_CHARS: usize = 60;

/// Builds the view of one occurrence.
pub fn event(model: &Model, d: &Derived, l: &Locale, occ: &Occurrence) -> EventView {
    let s: &Series = &d.calendar.series[occ.series];
    match s.source {
        Source::Task(r) => {
            // What an event shows of its task: not the task's whole view.
            let plan = &model.plans[r.plan];
            let t = &plan.tasks[r.task];
            let plan_label = plan.label();
            let name = task_ref::label(l, &task_ref::locate(plan, r.task));
            EventView {
                kind: "task",
                date: l.date_text(occ.date),
                iso: occ.date.to_string(),
                title: l.say_with(
                    "events.task_title",
                    &[("label", name), ("plan", plan_label.clone())],
                ),
                href: urls::href(&l.paths().task(plan.id.as_str(), t.id.as_str())),
                label: s.label.clone(),
                wording: s.wording.clone(),
                before: s.before,
                plan_label,
                who: CellView::new(&t.lead, model, l),
                lead: task_ref::heading_words(&t.lead.text, LEAD_CHARS),
                state: Some(StateView::new(d.standings[&r].state, 1, l)),
                text: task_ref::title_words(t, task_row::CARD_CHARS),
            }
        }
        Source::Duty(pi, di) => {
            let plan = &model.plans[pi];
            let duty = &plan.duties[di];
            EventView {
                kind: "duty",
                date: l.date_text(occ.date),
                iso: occ.date.to_string(),
                title: format!("{} — {}", duty.title, plan.label()),
                href: format!(
                    "{}#{}",
                    urls::href(&l.paths().plan(plan.id.as_str())),
                    l.say("anchor.duties")
                ),
                label: Some(l.schedule(&duty.schedule, duty.before)),
                wording: duty.quote.clone(),
                before: duty.before,
                plan_label: plan.label(),
                who: CellView::new(&duty.who, model, l),
                lead: task_ref::heading_words(&duty.who.text, LEAD_CHARS),
                state: None,
                text: None,
            }
        }
    }
}

#[derive(Serialize)]
struct DayCell {
    day: Option<u32>,
    iso: String,
    count: usize,
    is_as_of: bool,
    /// Before the as-of date: its milestones are behind, not upcoming.
    is_past: bool,
    /// The part of a split month page listing this day, when not this one.
    part_href: Option<String>,
}

#[derive(Serialize)]
struct DayList {
    date: String,
    iso: String,
    weekday: String,
    events: Vec<EventView>,
}

#[derive(Serialize)]
struct MonthLink {
    label: String,
    href: String,
    count: usize,
}

fn weekday(l: &Locale, w: Weekday) -> String {
    l.say(match w {
        Weekday::Mon => "calendar.mon",
        Weekday::Tue => "calendar.tue",
        Weekday::Wed => "calendar.wed",
        Weekday::Thu => "calendar.thu",
        Weekday::Fri => "calendar.fri",
        Weekday::Sat => "calendar.sat",
        Weekday::Sun => "calendar.sun",
    })
}

/// Month `m` of year `y` in the words of `key` (`Tháng 9/2025`,
/// `September 2025`): placeholders `{m}`, `{mm}`, `{month}` (its name)
/// and `{yyyy}`.
fn month_words(l: &Locale, key: &str, (y, m): (i32, u32)) -> String {
    l.say_with(
        key,
        &[
            ("m", m.to_string()),
            ("mm", format!("{m:02}")),
            ("month", l.month_name(m).unwrap_or_default()),
            ("yyyy", format!("{y:04}")),
        ],
    )
}

/// Every month from the first to the last with an entry.
pub fn month_range(d: &Derived) -> Vec<(i32, u32)> {
    let (Some(first), Some(last)) = (
        d.calendar.months.keys().next().copied(),
        d.calendar.months.keys().next_back().copied(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last {
        out.push((y, m));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

fn month_link(d: &Derived, l: &Locale, (y, m): (i32, u32)) -> MonthLink {
    MonthLink {
        label: month_words(l, "calendar.month_label", (y, m)),
        href: urls::href(&urls::dir(l.paths(), &Route::Month(y, m))),
        count: d.calendar.months.get(&(y, m)).map_or(0, Vec::len),
    }
}

/// Number of parts of a month page.
pub fn month_parts(d: &Derived, ym: (i32, u32)) -> usize {
    split::part_count(d.calendar.months.get(&ym).map_or(0, Vec::len))
}

/// Part `part` of a month page: the grid of the whole month, and the
/// entries of that part (past [`split::PART_ROWS`] entries, the month's
/// entries are cut into parts in date order).
pub fn month(
    model: &Model,
    d: &Derived,
    l: &Locale,
    ym: (i32, u32),
    range: &[(i32, u32)],
    part: usize,
) -> PageSpec {
    let (y, m) = ym;
    let all: &[Occurrence] = d.calendar.months.get(&ym).map_or(&[], Vec::as_slice);
    let occs = split::slice(all, part);
    let base = urls::dir(l.paths(), &Route::Month(y, m));
    let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
    let lead_blanks = first.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<DayCell> = (0..lead_blanks)
        .map(|_| DayCell {
            day: None,
            iso: String::new(),
            count: 0,
            is_as_of: false,
            is_past: false,
            part_href: None,
        })
        .collect();
    let mut days = Vec::new();
    let mut date = first;
    while date.month() == m {
        let evs: Vec<&Occurrence> = occs.iter().filter(|o| o.date == date).collect();
        let at = all.partition_point(|o| o.date < date);
        let count = all[at..].partition_point(|o| o.date == date);
        let home = split::part_of(at);
        cells.push(DayCell {
            day: Some(date.day()),
            iso: date.to_string(),
            count,
            is_as_of: date == d.as_of,
            is_past: date < d.as_of,
            part_href: (count > 0 && home != part && split::is_split(all.len()))
                .then(|| urls::href(&l.paths().part_dir(&base, home))),
        });
        if !evs.is_empty() {
            days.push(DayList {
                date: l.date_text(date),
                iso: date.to_string(),
                weekday: weekday(l, date.weekday()),
                events: evs.iter().map(|o| event(model, d, l, o)).collect(),
            });
        }
        date = match date.succ_opt() {
            Some(n) => n,
            None => break,
        };
    }
    while !cells.len().is_multiple_of(7) {
        cells.push(DayCell {
            day: None,
            iso: String::new(),
            count: 0,
            is_as_of: false,
            is_past: false,
            part_href: None,
        });
    }
    let weeks: Vec<&[DayCell]> = cells.chunks(7).collect();
    let pos = range.iter().position(|x| *x == ym);
    let prev = pos
        .and_then(|p| p.checked_sub(1))
        .map(|p| month_link(d, l, range[p]));
    let next = pos
        .and_then(|p| range.get(p + 1))
        .map(|x| month_link(d, l, *x));
    let mut c = Context::new();
    c.insert("month_label", &month_words(l, "calendar.month_label", ym));
    let in_sentence = month_words(l, "calendar.month_in_sentence", ym);
    c.insert("month_in_sentence", &in_sentence);
    c.insert("weeks", &weeks);
    c.insert("days", &days);
    c.insert("count", &all.len());
    c.insert(
        "parts",
        &split::parts_view(l.paths(), &base, all.len(), part),
    );
    c.insert("prev", &prev);
    c.insert("next", &next);
    c.insert(
        "crumbs",
        &[
            super::pages::crumb(l.say("page.home"), ""),
            super::pages::crumb(
                l.say("page.calendar_crumb"),
                &urls::dir(l.paths(), &Route::Calendar),
            ),
        ],
    );
    PageSpec {
        dir: l.paths().part_dir(&base, part),
        template: "calendar_month.html",
        title: format!(
            "{}{}",
            l.say_with("calendar.month_title", &[("month", in_sentence.clone())]),
            super::pages::part_suffix(l, part)
        ),
        description: Some(l.say_with("page.month_description", &[("month", in_sentence)])),
        context: c,
    }
}

#[derive(Serialize)]
struct YearLinks {
    year: i32,
    months: Vec<MonthLink>,
}

/// Number of parts of the calendar index (its list of undated tasks).
pub fn index_parts(d: &Derived) -> usize {
    split::part_count(d.calendar.undated.len())
}

/// Part `part` of the calendar index: months, feeds, and tasks with no
/// date (past [`split::PART_ROWS`] of them, cut into parts).
pub fn index(
    model: &Model,
    d: &Derived,
    l: &Locale,
    rows: &PlanRows,
    range: &[(i32, u32)],
    part: usize,
) -> PageSpec {
    let mut years: Vec<YearLinks> = Vec::new();
    for &(y, m) in range {
        let link = month_link(d, l, (y, m));
        match years.last_mut() {
            Some(yl) if yl.year == y => yl.months.push(link),
            _ => years.push(YearLinks {
                year: y,
                months: vec![link],
            }),
        }
    }
    let upcoming: Vec<EventView> = d
        .calendar
        .upcoming(
            &(0..d.calendar.series.len()).collect::<Vec<_>>(),
            d.as_of,
            15,
        )
        .iter()
        .map(|o| event(model, d, l, o))
        .collect();
    let cards = task_row::Rows::live(model, d, l, rows);
    let undated: Vec<TaskRow> = split::slice(&d.calendar.undated, part)
        .iter()
        .map(|r| cards.row(*r))
        .collect();
    let as_of = d.as_of;
    let mut c = Context::new();
    c.insert("years", &years);
    c.insert("upcoming", &upcoming);
    c.insert("undated", &undated);
    c.insert("undated_total", &d.calendar.undated.len());
    c.insert(
        "parts",
        &split::parts_view(
            l.paths(),
            &urls::dir(l.paths(), &Route::Calendar),
            d.calendar.undated.len(),
            part,
        ),
    );
    c.insert(
        "as_of_month",
        &range
            .contains(&(as_of.year(), as_of.month()))
            .then(|| month_link(d, l, (as_of.year(), as_of.month()))),
    );
    c.insert("crumbs", &[super::pages::crumb(l.say("page.home"), "")]);
    PageSpec {
        dir: l
            .paths()
            .part_dir(&urls::dir(l.paths(), &Route::Calendar), part),
        template: "calendar_index.html",
        title: format!(
            "{}{}",
            l.say("calendar.title"),
            super::pages::part_suffix(l, part)
        ),
        description: None,
        context: c,
    }
}

/// Upcoming entries of some series, for plan and agency pages.
pub fn upcoming_for(
    model: &Model,
    d: &Derived,
    l: &Locale,
    series: &[usize],
    limit: usize,
) -> Vec<EventView> {
    d.calendar
        .upcoming(series, d.as_of, limit)
        .iter()
        .map(|o| event(model, d, l, o))
        .collect()
}

/// One ICS feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    /// Every entry of the site.
    Site,
    /// One plan's entries.
    Plan(usize),
    /// One agency's entries, by registry index.
    Agency(usize),
}

/// Every ICS feed: the whole site, each plan, each agency.
pub fn feed_list(model: &Model) -> Vec<Feed> {
    let mut v = vec![Feed::Site];
    v.extend((0..model.plans.len()).map(Feed::Plan));
    v.extend((0..model.registry.all().len()).map(Feed::Agency));
    v
}

/// One ICS feed file: its path, its first lines and its series.
pub struct FeedFile {
    /// Path from the output root, in the words of its language.
    pub path: String,
    head: String,
    series: Vec<usize>,
}

impl FeedFile {
    /// Hands `f` the feed in pieces: its first lines, the event of each of
    /// its series (`events`, by series, from [`events`]), its last line.
    pub fn write(&self, events: &[String], f: &mut dyn FnMut(&[u8])) {
        f(self.head.as_bytes());
        for &i in &self.series {
            f(events[i].as_bytes());
        }
        f(ics::FEED_END.as_bytes());
    }
}

/// One ICS feed file, whose path is in the language `lang`'s words,
/// under its folder.
pub fn feed(model: &Model, d: &Derived, lang: &Lang, w: &ics::IcsWords, f: Feed) -> FeedFile {
    let paths = lang.paths();
    let (path, name, series) = match f {
        Feed::Site => (
            paths.ics(""),
            model.site.title.clone(),
            (0..d.calendar.series.len()).collect(),
        ),
        Feed::Plan(pi) => {
            let p = &model.plans[pi];
            (
                paths.ics(&paths.plan(p.id.as_str())),
                p.label(),
                d.calendar.for_plan(pi),
            )
        }
        Feed::Agency(ai) => {
            let a = &model.registry.all()[ai];
            (
                paths.ics(&paths.agency(a.id.as_str())),
                a.name.clone(),
                d.feed_for_agency(&a.id),
            )
        }
    };
    FeedFile {
        path: format!("{}{path}", lang.root),
        head: ics::feed_head(model, w, &name),
        series,
    }
}

/// The `VEVENT` of every series of the calendar, by series, in the words
/// of `w` with links to the pages of `lang`: each feed that lists a series
/// copies it.
pub fn events(model: &Model, d: &Derived, lang: &Lang, w: &ics::IcsWords) -> Vec<String> {
    d.calendar
        .series
        .par_iter()
        .map(|s| ics::event(model, lang, w, s))
        .collect()
}

/// Refs of a plan's tasks, for counts.
pub fn plan_refs(model: &Model, pi: usize) -> Vec<TaskRef> {
    (0..model.plans[pi].tasks.len())
        .map(|ti| TaskRef { plan: pi, task: ti })
        .collect()
}
