//! One task as a flat record: the fields every open data file (CSV and
//! JSON, for the site, each plan and each agency) writes for it.

use serde::Serialize;

use crate::derive::{Derived, TaskRef};
use crate::model::deadline::MeaningSource;
use crate::model::{DeadlineKind, Model};

use super::i18n::Locale;

/// One task as a flat record.
#[derive(Serialize)]
pub struct TaskRecord {
    pub(super) plan_id: String,
    pub(super) plan_number: String,
    pub(super) plan_title: String,
    pub(super) task_id: String,
    pub(super) number: String,
    pub(super) group: String,
    pub(super) goal: String,
    pub(super) task: String,
    pub(super) output: String,
    pub(super) lead: String,
    pub(super) lead_ids: Vec<String>,
    pub(super) cooperate: String,
    pub(super) cooperate_ids: Vec<String>,
    pub(super) start_text: String,
    pub(super) deadline_text: String,
    pub(super) deadline_kind: String,
    pub(super) deadline_meaning: String,
    pub(super) deadline_dates: Vec<String>,
    pub(super) deadline_last_day: String,
    pub(super) start_first_day: String,
    pub(super) state: String,
    pub(super) state_label: String,
    pub(super) report: String,
    pub(super) progress: String,
    pub(super) completed: String,
    pub(super) reported_status: String,
    pub(super) report_note: String,
    pub(super) reported_by: String,
    pub(super) note: String,
    pub(super) url: String,
    pub(super) source_line: usize,
    pub(super) role: String,
    pub(super) illustrative: bool,
}

/// The columns of the task tables, in order (the data dictionary gives
/// each one's meaning in the page's language: `data_column.<name>`).
pub const COLUMNS: [&str; 33] = [
    "plan_id",
    "plan_number",
    "plan_title",
    "task_id",
    "number",
    "group",
    "goal",
    "task",
    "output",
    "lead",
    "lead_ids",
    "cooperate",
    "cooperate_ids",
    "start_text",
    "deadline_text",
    "deadline_kind",
    "deadline_meaning",
    "deadline_dates",
    "deadline_last_day",
    "start_first_day",
    "state",
    "state_label",
    "report",
    "progress",
    "completed",
    "reported_status",
    "report_note",
    "reported_by",
    "note",
    "url",
    "source_line",
    "role",
    "illustrative",
];

/// What column `name` holds, in the words of `l`.
pub fn column_meaning(l: &Locale, name: &str) -> String {
    l.say(&format!("data_column.{name}"))
}

/// The first day a start time names: the start of its earliest point or
/// period (`Tháng 6/2025` → 1 June), or a span's or open start's first day;
/// none for ongoing, recurring, event-relative or unread times.
fn first_day(k: &DeadlineKind) -> Option<chrono::NaiveDate> {
    match k {
        DeadlineKind::Span { from, .. } | DeadlineKind::OpenStart { from } => Some(*from),
        _ => k.dues().iter().map(|(_, d)| d.first_day()).min(),
    }
}

fn kind_name(k: &DeadlineKind) -> &'static str {
    k.name()
}

/// Builds the record of a task.
/// Its `url` is the task page in the words of `l`, under the language's
/// folder `root` (empty for the site's own language).
pub fn record(model: &Model, d: &Derived, l: &Locale, root: &str, r: TaskRef) -> TaskRecord {
    let p = &model.plans[r.plan];
    let t = &p.tasks[r.task];
    let st = d.standings[&r];
    let latest = d
        .history
        .get(&r)
        .and_then(|h| h.last())
        .map(|&(ri, ei)| (&model.reports[ri], &model.reports[ri].entries[ei]));
    let dues = t
        .deadline
        .as_ref()
        .map(|dl| dl.kind.dues())
        .unwrap_or_default();
    let dir = format!("{root}{}", l.paths().task(p.id.as_str(), t.id.as_str()));
    TaskRecord {
        plan_id: p.id.to_string(),
        plan_number: p.number.clone().unwrap_or_default(),
        plan_title: p.title.clone(),
        task_id: t.id.to_string(),
        number: t.number.clone().unwrap_or_default(),
        group: t.group.clone(),
        goal: t.goal.clone().unwrap_or_default(),
        task: t.text.clone().unwrap_or_default(),
        output: t.output.clone().unwrap_or_default(),
        lead: t.lead.text.clone(),
        lead_ids: t.lead.agencies.iter().map(|a| a.to_string()).collect(),
        cooperate: t.cooperate.text.clone(),
        cooperate_ids: t.cooperate.agencies.iter().map(|a| a.to_string()).collect(),
        start_text: t.start.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
        deadline_text: t
            .deadline
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        deadline_kind: t
            .deadline
            .as_ref()
            .map_or("", |s| kind_name(&s.kind))
            .to_string(),
        deadline_meaning: t
            .deadline
            .as_ref()
            .map_or("", |s| match s.meaning {
                MeaningSource::Read => "read",
                MeaningSource::Stated => "stated",
                MeaningSource::Imported => "imported",
            })
            .to_string(),
        deadline_dates: dues
            .iter()
            .map(|(_, due)| due.calendar_day().to_string())
            .collect(),
        deadline_last_day: dues
            .iter()
            .map(|(_, due)| due.last_day())
            .max()
            .map(|x| x.to_string())
            .unwrap_or_default(),
        start_first_day: t
            .start
            .as_ref()
            .and_then(|s| first_day(&s.kind))
            .map(|x| x.to_string())
            .unwrap_or_default(),
        state: st.state.key().into(),
        state_label: l.state_label(st.state),
        report: latest.map(|(rep, _)| rep.id.clone()).unwrap_or_default(),
        progress: latest
            .and_then(|(_, e)| e.progress)
            .map(|v| v.to_string())
            .unwrap_or_default(),
        completed: latest
            .and_then(|(_, e)| e.completed)
            .map(|c| c.to_string())
            .unwrap_or_default(),
        reported_status: latest
            .map(|(_, e)| e.status.key().to_string())
            .unwrap_or_default(),
        report_note: latest.and_then(|(_, e)| e.note.clone()).unwrap_or_default(),
        reported_by: latest
            .and_then(|(_, e)| e.reported_by.as_ref())
            .map(|a| a.to_string())
            .unwrap_or_default(),
        note: t.note.clone().unwrap_or_default(),
        url: match &model.site.base_url {
            Some(b) => format!("{b}{dir}"),
            None => format!("/{dir}"),
        },
        source_line: t.line,
        role: String::new(),
        illustrative: model.site.illustrative,
    }
}
