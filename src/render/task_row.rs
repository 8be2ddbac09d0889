//! A task as one row of a list across pages (an agency's, a state's, a
//! report's, the undated): what `macros/tasklist.html` shows and nothing
//! else. A national site lists each task on several such pages; the full
//! [`TaskView`](super::views::TaskView), with its agency links and the
//! meaning of its dates, is for its own page and its plan's table.

use serde::Serialize;

use crate::derive::{Derived, TaskRef};
use crate::model::Model;

use super::i18n::Locale;
use super::urls;
use super::views::StateView;

/// One row of a task list.
#[derive(Serialize)]
pub struct TaskRow {
    /// Task id.
    pub id: String,
    /// Number as printed.
    pub number: Option<String>,
    /// Link from the site root.
    pub href: String,
    /// Plan label (`Kế hoạch 114/KH-BCĐ`).
    pub plan_label: String,
    /// Link to the plan from the site root.
    pub plan_href: String,
    /// Task text.
    pub text: Option<String>,
    /// The deadline as written.
    pub deadline: Option<Verbatim>,
    /// State.
    pub state: StateView,
    /// The deciding date, in the page's language.
    pub due_date: Option<String>,
}

/// Words as the document wrote them.
#[derive(Serialize)]
pub struct Verbatim {
    /// The text verbatim.
    pub text: String,
}

/// The row of task `r` as of `derived`.
pub fn row(model: &Model, derived: &Derived, l: &Locale, r: TaskRef) -> TaskRow {
    let plan = &model.plans[r.plan];
    let t = &plan.tasks[r.task];
    let st = derived.standings[&r];
    TaskRow {
        id: t.id.to_string(),
        number: t.number.clone(),
        href: urls::href(&l.paths().task(plan.id.as_str(), t.id.as_str())),
        plan_label: plan.label(),
        plan_href: urls::href(&l.paths().plan(plan.id.as_str())),
        text: t.text.clone(),
        deadline: t.deadline.as_ref().map(|d| Verbatim {
            text: d.text.clone(),
        }),
        state: StateView::new(st.state, 1, l),
        due_date: st.due.map(|d| l.date_text(d.calendar_day())),
    }
}
