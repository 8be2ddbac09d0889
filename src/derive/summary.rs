//! One reading of the states for citizens: six plain groups (overdue, due
//! soon, not yet due, ongoing, no date, done), each made of detailed states
//! of the [`Partition`](super::Partition). Every detailed state belongs to
//! exactly one group, so the groups add up to the same total.

use serde::Serialize;

use super::status::State;
use super::{Derived, TaskRef};

/// A plain group of states, in the order readers ask about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Summary {
    /// Deadline passed, not reported done (reported open, or no report).
    Overdue,
    /// No report; the deadline is close.
    DueSoon,
    /// The deadline is later (reported open within it, or no report yet).
    NotYetDue,
    /// Continuous or recurring work, reported or not.
    Ongoing,
    /// No calendar date and no report.
    NoDate,
    /// Reported done, on time or late.
    Done,
}

impl Summary {
    /// Every group, overdue first.
    pub const ALL: [Summary; 6] = [
        Summary::Overdue,
        Summary::DueSoon,
        Summary::NotYetDue,
        Summary::Ongoing,
        Summary::NoDate,
        Summary::Done,
    ];

    /// Position in [`Summary::ALL`].
    pub fn index(self) -> usize {
        match self {
            Summary::Overdue => 0,
            Summary::DueSoon => 1,
            Summary::NotYetDue => 2,
            Summary::Ongoing => 3,
            Summary::NoDate => 4,
            Summary::Done => 5,
        }
    }

    /// The group a detailed state belongs to.
    pub fn of(s: State) -> Summary {
        match s {
            State::OpenOverdue | State::PastDeadline => Summary::Overdue,
            State::DueSoon => Summary::DueSoon,
            State::Upcoming | State::OpenWithinDeadline => Summary::NotYetDue,
            State::OngoingReported | State::Recurring | State::Ongoing => Summary::Ongoing,
            State::NoDate => Summary::NoDate,
            State::DoneOnTime | State::DoneLate | State::Done => Summary::Done,
        }
    }

    /// The detailed states of this group, in display order.
    pub fn states(self) -> impl Iterator<Item = State> {
        State::ALL
            .into_iter()
            .filter(move |s| Summary::of(*s) == self)
    }

    /// Stable key (anchors, CSS classes).
    pub fn key(self) -> &'static str {
        match self {
            Summary::Overdue => "qua-han",
            Summary::DueSoon => "sap-den-han",
            Summary::NotYetDue => "chua-den-han",
            Summary::Ongoing => "thuong-xuyen",
            Summary::NoDate => "khong-co-han",
            Summary::Done => "da-hoan-thanh",
        }
    }

    /// Plain Vietnamese label: the reference words; pages take theirs from
    /// `summary.<key>` in the i18n files (a test holds the two equal).
    pub fn label(self) -> &'static str {
        match self {
            Summary::Overdue => "Đã qua thời hạn",
            Summary::DueSoon => "Sắp đến hạn",
            Summary::NotYetDue => "Chưa đến hạn",
            Summary::Ongoing => "Thường xuyên, định kỳ",
            Summary::NoDate => "Không có hạn cụ thể",
            Summary::Done => "Đã hoàn thành",
        }
    }
}

/// Counts per group over `refs`, each ref counted once, all six groups in
/// order (zeros included, so tables line up).
pub fn summary_counts(d: &Derived, refs: impl IntoIterator<Item = TaskRef>) -> [usize; 6] {
    let mut n = [0usize; 6];
    for r in refs {
        if let Some(st) = d.standings.get(&r) {
            n[Summary::of(st.state).index()] += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_is_in_exactly_one_group() {
        let mut seen = Vec::new();
        for g in Summary::ALL {
            for s in g.states() {
                assert!(!seen.contains(&s), "{s:?} twice");
                seen.push(s);
                assert_eq!(Summary::of(s), g);
            }
        }
        assert_eq!(seen.len(), State::ALL.len());
    }

    #[test]
    fn index_is_the_position_in_all() {
        for (i, g) in Summary::ALL.iter().enumerate() {
            assert_eq!(g.index(), i);
        }
    }

    #[test]
    fn overdue_states_read_as_overdue_and_done_as_done() {
        for s in State::ALL {
            assert_eq!(s.is_overdue(), Summary::of(s) == Summary::Overdue, "{s:?}");
            assert_eq!(s.is_done(), Summary::of(s) == Summary::Done, "{s:?}");
        }
    }
}
