//! Where each task stands as of the as-of date, judged from its dates alone.
//!
//! No progress reports exist yet, so a task is never "done" or "not done":
//! it is upcoming, due soon, past its deadline with no report, ongoing,
//! recurring, or without a calendar date.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Deadline, DeadlineKind, Due};

/// Days before a deadline during which a task counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 14;

/// A task's state as of a date, from its deadline only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeState {
    /// The deadline has passed and no completion report exists.
    PastDeadline,
    /// Due within [`DUE_SOON_DAYS`] days.
    DueSoon,
    /// Due later.
    Upcoming,
    /// A recurring duty.
    Recurring,
    /// Continuous work with no end date.
    Ongoing,
    /// No calendar date (event-relative, unscheduled or not understood).
    NoDate,
}

impl TimeState {
    /// Every state, in display order.
    pub const ALL: [TimeState; 6] = [
        TimeState::PastDeadline,
        TimeState::DueSoon,
        TimeState::Upcoming,
        TimeState::Recurring,
        TimeState::Ongoing,
        TimeState::NoDate,
    ];

    /// Vietnamese label, always shown as text (never colour alone).
    pub fn label(&self) -> &'static str {
        match self {
            TimeState::PastDeadline => "Quá hạn, chưa có báo cáo",
            TimeState::DueSoon => "Sắp đến hạn (trong 14 ngày)",
            TimeState::Upcoming => "Chưa đến hạn",
            TimeState::Recurring => "Định kỳ",
            TimeState::Ongoing => "Thường xuyên",
            TimeState::NoDate => "Không có hạn cụ thể",
        }
    }

    /// Stable key used in CSS classes and data files.
    pub fn key(&self) -> &'static str {
        match self {
            TimeState::PastDeadline => "past-deadline",
            TimeState::DueSoon => "due-soon",
            TimeState::Upcoming => "upcoming",
            TimeState::Recurring => "recurring",
            TimeState::Ongoing => "ongoing",
            TimeState::NoDate => "no-date",
        }
    }
}

/// A task's state and the date that decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The state.
    pub state: TimeState,
    /// The next (or last passed) dated milestone, if any.
    pub due: Option<Due>,
}

/// Judges a deadline as of `as_of`.
pub fn standing(deadline: Option<&Deadline>, as_of: NaiveDate) -> Standing {
    let Some(d) = deadline else {
        return Standing {
            state: TimeState::NoDate,
            due: None,
        };
    };
    let dues = d.kind.dues();
    if let Some((_, next)) = dues.iter().find(|(_, due)| due.last_day() >= as_of) {
        let days = (next.last_day() - as_of).num_days();
        let state = if days <= DUE_SOON_DAYS {
            TimeState::DueSoon
        } else {
            TimeState::Upcoming
        };
        return Standing {
            state,
            due: Some(*next),
        };
    }
    let undated = undated_state(&d.kind);
    if let Some(state) = undated {
        return Standing { state, due: None };
    }
    match dues.last() {
        Some((_, last)) => Standing {
            state: TimeState::PastDeadline,
            due: Some(*last),
        },
        None => Standing {
            state: TimeState::NoDate,
            due: None,
        },
    }
}

fn undated_state(kind: &DeadlineKind) -> Option<TimeState> {
    match kind {
        DeadlineKind::Recurring { .. } => Some(TimeState::Recurring),
        DeadlineKind::Ongoing | DeadlineKind::OpenStart { .. } => Some(TimeState::Ongoing),
        DeadlineKind::Milestones { items } => items.iter().find_map(|m| undated_state(&m.kind)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, y: i32, m: u32, d: u32) -> TimeState {
        let dl = Deadline::parse(text, Some(2025));
        standing(Some(&dl), NaiveDate::from_ymd_opt(y, m, d).unwrap()).state
    }

    #[test]
    fn month_deadline_through_time() {
        assert_eq!(at("Tháng 9/2025", 2025, 8, 1), TimeState::Upcoming);
        assert_eq!(at("Tháng 9/2025", 2025, 9, 20), TimeState::DueSoon);
        assert_eq!(at("Tháng 9/2025", 2025, 9, 30), TimeState::DueSoon);
        assert_eq!(at("Tháng 9/2025", 2025, 10, 1), TimeState::PastDeadline);
    }

    #[test]
    fn before_a_day_is_past_on_that_day() {
        assert_eq!(at("trước ngày 12/9/2025", 2025, 9, 11), TimeState::DueSoon);
        assert_eq!(
            at("trước ngày 12/9/2025", 2025, 9, 12),
            TimeState::PastDeadline
        );
    }

    #[test]
    fn undated_kinds() {
        assert_eq!(at("Thường xuyên", 2025, 9, 1), TimeState::Ongoing);
        assert_eq!(at("Hằng tháng", 2025, 9, 1), TimeState::Recurring);
        assert_eq!(at("Theo quy định", 2025, 9, 1), TimeState::NoDate);
        assert_eq!(standing(None, NaiveDate::MIN).state, TimeState::NoDate);
    }

    #[test]
    fn milestones_use_the_next_one() {
        let t = "Ban hành Kế hoạch trong tháng 01/2025; Báo cáo trước ngày 10/12/2025";
        assert_eq!(at(t, 2025, 1, 20), TimeState::DueSoon);
        assert_eq!(at(t, 2025, 6, 1), TimeState::Upcoming);
        assert_eq!(at(t, 2025, 12, 10), TimeState::PastDeadline);
        // A dated milestone passed, but the cell also holds an ongoing duty.
        let t = "- Báo cáo năm: Gửi trước ngày 09/12/2025.\n- Thường xuyên theo chỉ đạo của Trung ương, tỉnh.";
        assert_eq!(at(t, 2026, 1, 1), TimeState::Ongoing);
    }
}
