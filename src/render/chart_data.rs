//! The site's charts, from the model: status by plan, agencies' completion
//! and overdue counts, completion over report months, deadlines per month,
//! and indicators against their targets.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::derive::calendar::Source;
use crate::derive::{Derived, Part, Share, ShareCounts, State, Summary, TaskRef};
use crate::model::report::ReportKind;
use crate::model::Model;

use super::charts::{self, palette, Bar, Chart, SeriesSpec};
use super::i18n::Locale;
use super::state_colours::StateColours;

fn refs_of(model: &Model, pi: usize) -> impl Iterator<Item = TaskRef> + '_ {
    (0..model.plans[pi].tasks.len()).map(move |ti| TaskRef { plan: pi, task: ti })
}

/// Most plans drawn in the chart of states by plan.
pub const MAX_PLAN_BARS: usize = 30;

/// Status breakdown per plan (stacked bars), in the theme's state colours;
/// past [`MAX_PLAN_BARS`] plans, the plans with the most tasks.
pub fn status_by_plan(model: &Model, d: &Derived, l: &Locale, colours: &StateColours) -> Chart {
    let per_plan: Vec<Vec<(State, usize)>> = (0..model.plans.len())
        .map(|pi| d.counts(refs_of(model, pi)))
        .collect();
    let used: Vec<State> = State::ALL
        .iter()
        .copied()
        .filter(|s| {
            per_plan
                .iter()
                .any(|c| c.iter().any(|(x, n)| x == s && *n > 0))
        })
        .collect();
    let series: Vec<SeriesSpec> = used
        .iter()
        .map(|s| SeriesSpec {
            label: l.state_label(*s),
            color: colours.get(*s),
            class: Some(format!("state-fill-{}", s.key())),
        })
        .collect();
    let bars: Vec<Bar> = model
        .plans
        .iter()
        .zip(&per_plan)
        .filter(|(p, _)| !p.tasks.is_empty())
        .map(|(p, c)| Bar {
            label: p.label(),
            values: used
                .iter()
                .map(|s| c.iter().find(|(x, _)| x == s).map_or(0, |(_, n)| *n as u32))
                .collect(),
        })
        .collect();
    let total: usize = bars
        .iter()
        .map(|b| b.values.iter().sum::<u32>() as usize)
        .sum();
    let overdue: usize = d.past_deadline.len();
    let plans_with_tasks = bars.len();
    // A national site has hundreds of plans: past MAX_PLAN_BARS, the chart
    // keeps the plans with the most tasks (the sentence still counts all).
    let mut bars = bars;
    let title = if bars.len() > MAX_PLAN_BARS {
        let size = |b: &Bar| b.values.iter().sum::<u32>();
        let mut keep: Vec<usize> = (0..bars.len()).collect();
        keep.sort_by_key(|&i| (std::cmp::Reverse(size(&bars[i])), i));
        keep.truncate(MAX_PLAN_BARS);
        keep.sort_unstable();
        let mut k = keep.into_iter().peekable();
        let mut i = 0;
        bars.retain(|_| {
            let kept = k.peek() == Some(&i);
            if kept {
                k.next();
            }
            i += 1;
            kept
        });
        l.say_with(
            "chart_text.by_plan_top",
            &[("n", MAX_PLAN_BARS.to_string())],
        )
    } else {
        l.say("chart_text.by_plan")
    };
    charts::stacked_bars(
        l,
        &l.paths().chart_id("by_plan"),
        &title,
        &l.say_n(
            "chart_text.by_plan_summary",
            total,
            &[
                ("plans", plans_with_tasks.to_string()),
                ("overdue", overdue.to_string()),
                ("date", l.date_text(d.as_of)),
            ],
        ),
        &series,
        &bars,
    )
    .with_content_rows()
    .with_category(l.say("chart.document"))
}

/// Who is late: every agency's tasks past their deadline in the three
/// shares of [`crate::derive::shares`] (led by name, through a group,
/// cooperating), the agencies with the most led by name drawn first; the
/// table and the CSV hold every agency with tasks, in the order of the
/// agencies index, with its id, so the index, this chart, each agency's
/// page and the CSV give the same numbers.
pub fn late_by_agency(model: &Model, d: &Derived, l: &Locale, colours: &StateColours) -> Chart {
    let mut rows: Vec<(&crate::model::Agency, ShareCounts)> = model
        .registry
        .all()
        .iter()
        .filter(|a| !a.is_group())
        .map(|a| (a, d.shares(&a.id)))
        .filter(|(_, c)| c.total() > 0)
        .collect();
    rows.sort_by(|(a, x), (b, y)| {
        x.late_order(y)
            .then_with(|| y.total().cmp(&x.total()))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let late = |c: &ShareCounts, s: Share| c.get(Summary::Overdue, s) as u32;
    let bars: Vec<Bar> = rows
        .iter()
        .filter(|(_, c)| c.group(Summary::Overdue) > 0)
        .take(MAX_AGENCY_BARS)
        .map(|(a, c)| Bar {
            label: a.name.clone(),
            values: Share::ALL.iter().map(|s| late(c, *s)).collect(),
        })
        .collect();
    let series: Vec<SeriesSpec> = Share::ALL
        .iter()
        .zip([
            colours.get(State::PastDeadline),
            colours.get(State::OpenOverdue),
            palette::YELLOW,
        ])
        .map(|(s, color)| SeriesSpec {
            label: l.say(&format!("home.late_{}", s.key())),
            color,
            class: None,
        })
        .collect();
    let summary = match rows.first() {
        Some((a, c)) if c.group(Summary::Overdue) > 0 => l.say_with(
            "chart_text.late_summary",
            &[
                ("name", a.name.clone()),
                ("lead", late(c, Share::Lead).to_string()),
                ("group", late(c, Share::Group).to_string()),
                ("cooperate", late(c, Share::Cooperate).to_string()),
                ("date", l.date_text(d.as_of)),
            ],
        ),
        _ => l.say("chart_text.late_none"),
    };
    let mut chart = charts::stacked_bars(
        l,
        &l.paths().chart_id("late"),
        &l.say("chart_text.late_title"),
        &summary,
        &series,
        &bars,
    )
    .with_content_rows();
    let mut headers = vec![l.say("chart.agency"), l.say("chart.agency_id")];
    headers.extend(series.iter().map(|s| s.label.clone()));
    headers.push(l.say("chart_text.late_total"));
    headers.push(l.say("chart.all_tasks"));
    chart.headers = headers;
    chart.rows = rows
        .iter()
        .map(|(a, c)| {
            let mut r = vec![a.name.clone(), a.id.to_string()];
            r.extend(Share::ALL.iter().map(|s| late(c, *s).to_string()));
            r.push(c.group(Summary::Overdue).to_string());
            r.push(c.total().to_string());
            r
        })
        .collect();
    // A national registry has thousands of agencies: the page's table
    // shows the first rows, the CSV every one.
    chart.shown = chart.rows.len().min(MAX_TABLE_ROWS);
    chart
}

/// Most rows of a chart's table shown on its page.
pub const MAX_TABLE_ROWS: usize = 100;

/// Most agencies drawn in a chart of agencies.
pub const MAX_AGENCY_BARS: usize = 15;

/// Completion and overdue counts per agency, leads or cooperations: the
/// tasks naming it in that column (the shares "led by name" and
/// "cooperating"), the agencies with the most overdue first.
pub fn by_agency(
    model: &Model,
    d: &Derived,
    l: &Locale,
    lead: bool,
    colours: &StateColours,
) -> Chart {
    let mut rows: Vec<(String, u32, u32, u32)> = Vec::new();
    for a in model.registry.all() {
        let Some(t) = d.by_agency.get(&a.id) else {
            continue;
        };
        let refs = t.refs_of(if lead { Part::Lead } else { Part::Cooperate });
        if refs.is_empty() {
            continue;
        }
        let (mut done, mut overdue, mut other) = (0, 0, 0);
        for r in &refs {
            let s = d.standings[r].state;
            if s.is_done() {
                done += 1;
            } else if s.is_overdue() {
                overdue += 1;
            } else {
                other += 1;
            }
        }
        rows.push((a.name.clone(), done, overdue, other));
    }
    rows.sort_by(|a, b| (b.2, b.1 + b.2 + b.3, &a.0).cmp(&(a.2, a.1 + a.2 + a.3, &b.0)));
    rows.truncate(MAX_AGENCY_BARS);
    let role = if lead { "lead" } else { "cooperate" };
    let id = l.paths().chart_id(role);
    let key = |k: &str| format!("chart_text.{role}_{k}");
    let summary = match rows.first() {
        Some(top) if top.2 > 0 => l.say_with(
            &key("summary"),
            &[
                ("name", top.0.clone()),
                ("n", (top.1 + top.2 + top.3).to_string()),
                ("overdue", top.2.to_string()),
            ],
        ),
        Some(top) => l.say_with(
            &key("summary_none_late"),
            &[
                ("name", top.0.clone()),
                ("n", (top.1 + top.2 + top.3).to_string()),
            ],
        ),
        None => l.say(&key("none")),
    };
    charts::stacked_bars(
        l,
        &id,
        &l.say(&key("title")),
        &summary,
        &[
            SeriesSpec {
                label: l.say("chart_text.done"),
                color: colours.get(State::DoneOnTime),
                class: None,
            },
            SeriesSpec {
                label: l.say("chart_text.overdue"),
                color: colours.get(State::OpenOverdue),
                class: None,
            },
            SeriesSpec {
                label: l.say("chart_text.rest"),
                color: palette::LIGHT,
                class: None,
            },
        ],
        &rows
            .into_iter()
            .map(|(label, a, b, c)| Bar {
                label,
                values: vec![a, b, c],
            })
            .collect::<Vec<_>>(),
    )
    .with_content_rows()
    .with_category(l.say("chart.agency"))
}

/// Cumulative completed tasks after each office report (burn-up).
pub fn burn_up(model: &Model, l: &Locale) -> Option<Chart> {
    burn_up_from(model, l, model.reports.len(), &|k| {
        let r = &model.reports[k];
        let d = Derived::at(model, r.date, k + 1);
        d.standings.values().filter(|s| s.state.is_done()).count() as u32
    })
}

/// Same as [`burn_up`] over the first `upto` reports (a snapshot's chart
/// ends at its month), with `done(k)` giving the number of tasks done
/// after report `k` (the render driver knows it already).
pub fn burn_up_from(
    model: &Model,
    l: &Locale,
    upto: usize,
    done_after: &dyn Fn(usize) -> u32,
) -> Option<Chart> {
    let months: Vec<usize> = {
        let mut last: BTreeMap<(i32, u32), usize> = BTreeMap::new();
        for (i, r) in model.reports.iter().enumerate().take(upto) {
            if r.kind == ReportKind::Report {
                last.insert((r.year, r.month), i);
            }
        }
        last.into_values().collect()
    };
    if months.is_empty() {
        return None;
    }
    let total: u32 = model.plans.iter().map(|p| p.tasks.len() as u32).sum();
    let mut labels = Vec::new();
    let mut done = Vec::new();
    for k in months {
        let r = &model.reports[k];
        labels.push(month_label(l, r.year, r.month));
        done.push(done_after(k));
    }
    let last = done.last().copied().unwrap_or(0);
    Some(charts::burn_up(
        l,
        &l.paths().chart_id("burn_up"),
        &l.say("chart_text.burn_up"),
        &l.say_n(
            "chart_text.burn_up_summary",
            total as usize,
            &[
                ("period", labels.last().cloned().unwrap_or_default()),
                ("done", last.to_string()),
            ],
        ),
        &labels,
        &done,
        total,
    ))
}

/// Task deadlines per month.
pub fn deadlines_per_month(d: &Derived, l: &Locale) -> Chart {
    let mut per: BTreeMap<(i32, u32), u32> = BTreeMap::new();
    for s in &d.calendar.series {
        if let Source::Task(_) = s.source {
            for date in &s.dates {
                *per.entry((date.year(), date.month())).or_default() += 1;
            }
        }
    }
    let range: Vec<(i32, u32)> = match (per.keys().next(), per.keys().next_back()) {
        (Some(&a), Some(&b)) => {
            let mut v = Vec::new();
            let (mut y, mut m) = a;
            while (y, m) <= b {
                v.push((y, m));
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
            v
        }
        _ => Vec::new(),
    };
    let labels: Vec<String> = range.iter().map(|(y, m)| month_label(l, *y, *m)).collect();
    let values: Vec<u32> = range
        .iter()
        .map(|k| per.get(k).copied().unwrap_or(0))
        .collect();
    let (peak_i, peak) = values
        .iter()
        .enumerate()
        .max_by_key(|(i, v)| (**v, std::cmp::Reverse(*i)))
        .map(|(i, v)| (i, *v))
        .unwrap_or((0, 0));
    charts::columns(
        l,
        &l.paths().chart_id("per_month"),
        &l.say("chart_text.per_month"),
        &l.say_n(
            "chart_text.per_month_summary",
            peak as usize,
            &[("month", labels.get(peak_i).cloned().unwrap_or_default())],
        ),
        &labels,
        &values,
        &l.say("chart_text.per_month_values"),
    )
    .with_category(l.say("chart.month"))
}

/// Indicators against their targets, latest reported value of each.
pub fn indicators(model: &Model, d: &Derived, l: &Locale) -> Option<Chart> {
    let mut latest: BTreeMap<(usize, String), (String, f64, f64, String)> = BTreeMap::new();
    for r in &model.reports[..d.reports_used] {
        for i in &r.indicators {
            latest.insert(
                (i.plan, i.id.clone()),
                (
                    i.name.clone(),
                    i.target,
                    i.actual,
                    i.unit.clone().unwrap_or_default(),
                ),
            );
        }
    }
    if latest.is_empty() {
        return None;
    }
    let items: Vec<_> = latest.into_values().collect();
    let met = items.iter().filter(|(_, t, a, _)| a >= t).count();
    Some(
        charts::target_actual(
            l,
            &l.paths().chart_id("indicators"),
            &l.say("chart_text.indicators"),
            &l.say_n(
                "chart_text.indicators_summary",
                items.len(),
                &[("met", met.to_string())],
            ),
            &items,
        )
        .with_content_rows(),
    )
}

/// Every chart of the site, in page order.
pub fn all(model: &Model, d: &Derived, l: &Locale, colours: &StateColours) -> Vec<Chart> {
    all_from(model, d, l, colours, burn_up(model, l))
}

/// A month on a chart's axis and in its table (`09/2025`, `September 2025`).
fn month_label(l: &Locale, y: i32, m: u32) -> String {
    l.month(y, m).unwrap_or_else(|_| format!("{m:02}/{y:04}"))
}

/// Every chart, with the burn-up chart already made.
pub fn all_from(
    model: &Model,
    d: &Derived,
    l: &Locale,
    colours: &StateColours,
    burn_up: Option<Chart>,
) -> Vec<Chart> {
    let mut v = vec![status_by_plan(model, d, l, colours)];
    v.extend(burn_up);
    v.push(late_by_agency(model, d, l, colours));
    v.push(by_agency(model, d, l, true, colours));
    v.push(by_agency(model, d, l, false, colours));
    v.push(deadlines_per_month(d, l));
    v.extend(indicators(model, d, l));
    v
}
