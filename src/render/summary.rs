//! What templates see of the citizens' reading of states
//! ([`crate::derive::Summary`]): each group's count and share, and
//! its detailed states one click away.

use serde::Serialize;

use crate::derive::{summary_counts, Derived, Summary, TaskRef};

use super::i18n::Locale;
use super::views::StateView;

/// One plain group with its count, share and detailed states.
#[derive(Serialize)]
pub struct SummaryView {
    /// Stable key (anchor on the status page, CSS class).
    pub key: &'static str,
    /// Plain label, in the page's language.
    pub label: String,
    /// Tasks in the group.
    pub count: usize,
    /// Share of all the tasks counted, written the language's way (`10,3 %`, `10.3%`).
    pub percent: String,
    /// Share as a number from 0 to 100, for bar widths.
    pub share: f64,
    /// The detailed states with tasks, and their counts.
    pub states: Vec<StateView>,
}

/// The six groups over `refs` (zeros kept, so every table has the same rows).
pub fn summary(d: &Derived, l: &Locale, refs: &[TaskRef]) -> Vec<SummaryView> {
    let counts = summary_counts(d, refs.iter().copied());
    let total: usize = counts.iter().sum();
    Summary::ALL
        .iter()
        .zip(counts)
        .map(|(g, count)| {
            let share = if total == 0 {
                0.0
            } else {
                count as f64 * 100.0 / total as f64
            };
            let states = g
                .states()
                .map(|s| {
                    let n = refs
                        .iter()
                        .filter(|r| d.standings.get(r).is_some_and(|st| st.state == s))
                        .count();
                    StateView::new(s, n, l)
                })
                .filter(|v| v.count > 0)
                .collect();
            SummaryView {
                key: g.key(),
                label: l.say(&format!("summary.{}", g.key())),
                count,
                percent: l.percent(share),
                share: (share * 10.0).round() / 10.0,
                states,
            }
        })
        .collect()
}
