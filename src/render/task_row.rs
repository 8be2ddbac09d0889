//! A task as one card of a list across pages (home, the status page, an
//! agency's, a report's, the undated): what `macros/cards.html` shows and
//! nothing else — its state and date first, its own words as the link, the
//! agency leading it, and where it sits in its document (its number as
//! printed or its row, never an internal id). A national site lists each
//! task on several such pages; the full
//! [`TaskView`](super::views::TaskView), with its agency links and the
//! meaning of its dates, is for its own page and its plan's table.

use serde::Serialize;

use crate::derive::{Assignment, Derived, Part, TaskRef};
use crate::model::Model;

use super::edition::Edition;
use super::i18n::Locale;
use super::lists::PlanRows;
use super::views::StateView;
use super::{split, task_ref, urls};

/// The longest title of a card, in characters, before it is shortened at
/// a clause or word boundary (the task page has the whole text).
pub const CARD_CHARS: usize = 90;

/// The longest lead cell of a card, in characters.
const LEAD_CHARS: usize = 45;

/// One card of a task list.
#[derive(Serialize)]
pub struct TaskRow {
    /// Link from the root of the edition: the task's page, or in a
    /// snapshot (which has no task pages) its row in the snapshot's own
    /// table of its plan.
    pub href: String,
    /// Where it sits: its number as printed, or its row in its groups.
    pub label: String,
    /// The same, in pieces (an appendix's title is the document's words).
    pub label_parts: Vec<task_ref::Piece>,
    /// Its own words, shortened; empty when the row has none (the card
    /// then shows `label`).
    pub title: String,
    /// Plan label (`Kế hoạch 114/KH-BCĐ`).
    pub plan_label: String,
    /// Link to the plan from the root of the edition.
    pub plan_href: String,
    /// The lead cell as printed, shortened.
    pub lead: String,
    /// The body named in the task's cells, on an agency's page, when it is
    /// not the agency itself: the group containing it, or a body since
    /// merged into it.
    pub via: Option<String>,
    /// True when `via` is a body merged into the agency, not a group.
    pub via_merged: bool,
    /// State.
    pub state: StateView,
    /// The deciding date, in the page's language.
    pub due_date: Option<String>,
    /// The deadline as printed, shown in place of a date when the task has
    /// none (`Theo quy định`, `At least every 6 months`).
    pub deadline: Option<String>,
    /// Same, ISO, for `<time datetime>`.
    pub due_iso: Option<String>,
}

/// Where the cards of a list link: live task pages, or the rows of a
/// snapshot's plan tables.
#[derive(Clone, Copy)]
pub struct Rows<'a> {
    model: &'a Model,
    d: &'a Derived,
    l: &'a Locale,
    rows: &'a PlanRows,
    snapshot: bool,
}

impl<'a> Rows<'a> {
    /// The cards of an edition's lists.
    pub fn of(model: &'a Model, ed: &'a Edition<'a>) -> Self {
        Rows {
            model,
            d: ed.derived,
            l: &ed.locale,
            rows: ed.rows,
            snapshot: ed.is_snapshot(),
        }
    }

    /// The cards of a live page that judges tasks by `d` (a report's
    /// state just after it).
    pub fn live(model: &'a Model, d: &'a Derived, l: &'a Locale, rows: &'a PlanRows) -> Self {
        Rows {
            model,
            d,
            l,
            rows,
            snapshot: false,
        }
    }

    /// The card of task `r`.
    pub fn row(&self, r: TaskRef) -> TaskRow {
        let (model, l) = (self.model, self.l);
        let plan = &model.plans[r.plan];
        let t = &plan.tasks[r.task];
        let st = self.d.standings[&r];
        let loc = self.rows.places[r.plan].locate(plan, r.task);
        TaskRow {
            href: self.task_href(r),
            label: task_ref::label(l, &loc),
            label_parts: task_ref::label_parts(l, &loc),
            title: task_ref::title_words(t, CARD_CHARS).unwrap_or_default(),
            plan_label: plan.label(),
            plan_href: urls::href(&l.paths().plan(plan.id.as_str())),
            lead: task_ref::heading_words(&t.lead.text, LEAD_CHARS),
            via: None,
            via_merged: false,
            state: StateView::new(st.state, 1, l),
            due_date: st.due.map(|d| l.date_text(d.calendar_day())),
            due_iso: st.due.map(|d| d.calendar_day().to_string()),
            deadline: t.deadline.as_ref().map(|d| d.text.clone()),
        }
    }

    /// The card of a task on an agency's page, naming the group it reaches
    /// the agency through, or the merged body it was given to.
    pub fn row_via(&self, a: &Assignment) -> TaskRow {
        TaskRow {
            via: a
                .via
                .as_ref()
                .and_then(|g| self.model.registry.get(g))
                .map(|b| b.name.clone()),
            via_merged: a.via.is_some() && matches!(a.part, Part::Lead | Part::Cooperate),
            ..self.row(a.task)
        }
    }

    /// Where a card of task `r` links, from the root of the edition.
    pub fn task_href(&self, r: TaskRef) -> String {
        let plan = &self.model.plans[r.plan];
        let t = &plan.tasks[r.task];
        let paths = self.l.paths();
        if self.snapshot {
            row_href(self.l, self.rows, self.model, r)
        } else {
            urls::href(&paths.task(plan.id.as_str(), t.id.as_str()))
        }
    }
}

/// Task `r`'s row in its plan's table (in the part of a split table that
/// holds it), from the root of an edition: `ke-hoach/<id>/index.html#nv-3`.
pub fn row_href(l: &Locale, rows: &PlanRows, model: &Model, r: TaskRef) -> String {
    let plan = &model.plans[r.plan];
    let t = &plan.tasks[r.task];
    let paths = l.paths();
    let part = if split::is_split(plan.tasks.len()) {
        rows.position[r.plan]
            .get(r.task)
            .map_or(1, |&i| split::part_of(i))
    } else {
        1
    };
    format!(
        "{}#{}",
        urls::href(&paths.part_dir(&paths.plan(plan.id.as_str()), part)),
        row_anchor(l, t.id.as_str())
    )
}

/// The anchor of a task's row in its plan's table (`nv-3`).
pub fn row_anchor(l: &Locale, task_id: &str) -> String {
    format!("{}-{task_id}", l.say("anchor.task_row"))
}
