//! The status rules, in one place.
//!
//! A task's state as of a date follows the Government Office's convention
//! once a report exists — done on time, done late, open within the deadline,
//! open overdue — plus continuous duties judged per reporting period. Until a
//! task has a report it is never "not done": its state says "no report yet"
//! and follows only from its dates (upcoming, due soon, past the deadline,
//! ongoing, recurring, or without a calendar date). Deadlines of every kind
//! are read through [`DeadlineKind::dues`]: the last dated milestone decides
//! "on time" and "overdue".

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::report::{Entry, Reported};
use crate::model::{Deadline, DeadlineKind, Due};

/// Days before a deadline during which a task counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 14;

/// A task's state as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Reported done on or before its deadline.
    DoneOnTime,
    /// Reported done after its deadline.
    DoneLate,
    /// Reported done; the task has no dated deadline.
    Done,
    /// Reported not done, and the deadline has passed.
    OpenOverdue,
    /// Reported not done, deadline not yet passed (or none).
    OpenWithinDeadline,
    /// A continuous or recurring duty reported in the latest period.
    OngoingReported,
    /// No report; the deadline has passed.
    PastDeadline,
    /// No report; due within [`DUE_SOON_DAYS`] days.
    DueSoon,
    /// No report; due later.
    Upcoming,
    /// No report this period; a recurring duty.
    Recurring,
    /// No report this period; continuous work with no end date.
    Ongoing,
    /// No report; no calendar date (event-relative, unscheduled, not understood).
    NoDate,
}

impl State {
    /// Every state, in display order.
    pub const ALL: [State; 12] = [
        State::DoneOnTime,
        State::DoneLate,
        State::Done,
        State::OpenOverdue,
        State::OpenWithinDeadline,
        State::OngoingReported,
        State::PastDeadline,
        State::DueSoon,
        State::Upcoming,
        State::Recurring,
        State::Ongoing,
        State::NoDate,
    ];

    /// Position in [`State::ALL`], for counts kept in arrays.
    pub fn index(self) -> usize {
        State::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// Vietnamese label, always shown as text (never colour alone): the
    /// reference words; pages take theirs from `state.<key>` in the i18n files.
    pub fn label(&self) -> &'static str {
        match self {
            State::DoneOnTime => "Hoàn thành đúng hạn",
            State::DoneLate => "Hoàn thành quá hạn",
            State::Done => "Đã hoàn thành",
            State::OpenOverdue => "Chưa hoàn thành, quá hạn",
            State::OpenWithinDeadline => "Chưa hoàn thành, trong hạn",
            State::OngoingReported => "Thường xuyên, đã báo cáo kỳ này",
            State::PastDeadline => "Quá hạn, chưa có báo cáo",
            State::DueSoon => "Sắp đến hạn, chưa có báo cáo",
            State::Upcoming => "Chưa đến hạn, chưa có báo cáo",
            State::Recurring => "Định kỳ, chưa có báo cáo",
            State::Ongoing => "Thường xuyên, chưa có báo cáo",
            State::NoDate => "Không có hạn cụ thể, chưa có báo cáo",
        }
    }

    /// Stable key used in CSS classes and data files.
    pub fn key(&self) -> &'static str {
        match self {
            State::DoneOnTime => "done-on-time",
            State::DoneLate => "done-late",
            State::Done => "done",
            State::OpenOverdue => "open-overdue",
            State::OpenWithinDeadline => "open-within",
            State::OngoingReported => "ongoing-reported",
            State::PastDeadline => "past-deadline",
            State::DueSoon => "due-soon",
            State::Upcoming => "upcoming",
            State::Recurring => "recurring",
            State::Ongoing => "ongoing",
            State::NoDate => "no-date",
        }
    }

    /// True for the three "done" states.
    pub fn is_done(&self) -> bool {
        matches!(self, State::DoneOnTime | State::DoneLate | State::Done)
    }

    /// True when the deadline has passed and the task is not done.
    pub fn is_overdue(&self) -> bool {
        matches!(self, State::OpenOverdue | State::PastDeadline)
    }

    /// True when a report (rather than dates alone) decides the state.
    pub fn is_reported(&self) -> bool {
        matches!(
            self,
            State::DoneOnTime
                | State::DoneLate
                | State::Done
                | State::OpenOverdue
                | State::OpenWithinDeadline
                | State::OngoingReported
        )
    }
}

/// A task's state and the date that decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The state.
    pub state: State,
    /// The next (or last passed) dated milestone, if any.
    pub due: Option<Due>,
}

/// The latest report entry of a task, and whether it belongs to the latest
/// reporting period (which continuous duties are judged by).
#[derive(Debug, Clone, Copy)]
pub struct Latest<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// True when the entry is in an office report of the latest reporting
    /// period (month) as of the date.
    pub current_period: bool,
}

/// Judges a task as of `as_of`, from its deadline and its latest report entry.
pub fn standing(deadline: Option<&Deadline>, as_of: NaiveDate, latest: Option<Latest>) -> Standing {
    let dues: Vec<Due> = deadline
        .map(|d| d.kind.dues().into_iter().map(|(_, due)| due).collect())
        .unwrap_or_default();
    let next = dues.iter().find(|d| d.last_day() >= as_of).copied();
    let last = dues.iter().max_by_key(|d| d.last_day()).copied();
    let continuous = deadline.and_then(|d| undated_state(&d.kind));
    if let Some(l) = latest {
        let e = l.entry;
        if e.status == Reported::Done {
            let state = match (last, e.completed) {
                (Some(d), Some(c)) if c <= d.last_day() => State::DoneOnTime,
                (Some(_), Some(_)) => State::DoneLate,
                _ => State::Done,
            };
            return Standing { state, due: last };
        }
        if let (Some(_), true) = (continuous, l.current_period) {
            if last.is_none_or(|d| d.last_day() >= as_of) {
                return Standing {
                    state: State::OngoingReported,
                    due: next,
                };
            }
        }
        if continuous.is_none() || last.is_some() {
            return match last {
                Some(d) if d.last_day() < as_of => Standing {
                    state: State::OpenOverdue,
                    due: Some(d),
                },
                _ => Standing {
                    state: State::OpenWithinDeadline,
                    due: next,
                },
            };
        }
    }
    if let Some(n) = next {
        let days = (n.last_day() - as_of).num_days();
        let state = if days <= DUE_SOON_DAYS {
            State::DueSoon
        } else {
            State::Upcoming
        };
        return Standing {
            state,
            due: Some(n),
        };
    }
    if let Some(state) = continuous {
        return Standing { state, due: None };
    }
    match last {
        Some(d) => Standing {
            state: State::PastDeadline,
            due: Some(d),
        },
        None => Standing {
            state: State::NoDate,
            due: None,
        },
    }
}

fn undated_state(kind: &DeadlineKind) -> Option<State> {
    match kind {
        DeadlineKind::Recurring { .. } => Some(State::Recurring),
        DeadlineKind::Ongoing | DeadlineKind::OpenStart { .. } => Some(State::Ongoing),
        DeadlineKind::Milestones { items } => items.iter().find_map(|m| undated_state(&m.kind)),
        _ => None,
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
