//! Path words per language, from the `[path]` table of the i18n files:
//! `/ke-hoach/<id>/nhiem-vu/<n>/` in Vietnamese, `/plans/<id>/tasks/<n>/`
//! in English. Ids stay as they are in every language.

use super::{Entry, I18n, I18nError};

/// The path words, in the order of [`Paths`]' fields.
pub const KEYS: [&str; 11] = [
    "plans", "tasks", "agencies", "calendar", "reports", "charts", "data", "search", "status",
    "archive", "feed",
];

/// The words of a language's URLs (each one path segment, or a file name
/// for `feed`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Plans index and plan pages.
    pub plans: String,
    /// Task pages under a plan.
    pub tasks: String,
    /// Agencies index and agency pages.
    pub agencies: String,
    /// Calendar pages and feeds.
    pub calendar: String,
    /// Report pages.
    pub reports: String,
    /// The charts page.
    pub charts: String,
    /// The open data page and files.
    pub data: String,
    /// The search page and index.
    pub search: String,
    /// The status page.
    pub status: String,
    /// Monthly snapshots.
    pub archive: String,
    /// The Atom feed's file name.
    pub feed: String,
}

impl Paths {
    /// The path words of `lang` (each falling back to the reference's).
    /// A word that is not one safe path segment is an error.
    pub fn of(i18n: &I18n, lang: &str) -> Result<Paths, I18nError> {
        let word = |k: &str| -> Result<String, I18nError> {
            let key = format!("path.{k}");
            let bad = |message: &str| I18nError::Use {
                lang: lang.to_string(),
                key: key.clone(),
                message: message.to_string(),
            };
            match i18n.entry(lang, &key)? {
                Entry::Text(s) if is_segment(s) => Ok(s.clone()),
                Entry::Text(_) => Err(bad(
                    "is not one path segment: use lowercase ASCII letters, digits, `-` and `.`",
                )),
                _ => Err(bad("is a path word: write it as one phrase")),
            }
        };
        Ok(Paths {
            plans: word("plans")?,
            tasks: word("tasks")?,
            agencies: word("agencies")?,
            calendar: word("calendar")?,
            reports: word("reports")?,
            charts: word("charts")?,
            data: word("data")?,
            search: word("search")?,
            status: word("status")?,
            archive: word("archive")?,
            feed: word("feed")?,
        })
    }

    /// Directory of a plan page (`ke-hoach/<id>/`).
    pub fn plan(&self, plan_id: &str) -> String {
        format!("{}/{plan_id}/", self.plans)
    }

    /// Directory of a task page (`ke-hoach/<id>/nhiem-vu/<n>/`).
    pub fn task(&self, plan_id: &str, task_id: &str) -> String {
        format!("{}/{plan_id}/{}/{task_id}/", self.plans, self.tasks)
    }

    /// Directory of an agency page (`co-quan/<id>/`).
    pub fn agency(&self, agency_id: &str) -> String {
        format!("{}/{agency_id}/", self.agencies)
    }

    /// Directory of a section index (`lich/`) given its word.
    pub fn index(word: &str) -> String {
        format!("{word}/")
    }
}

/// One path segment a browser and a file system both take as is: lowercase
/// ASCII letters, digits, `-` and `.`, not `.` or `..`, not empty.
fn is_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::urls;
    use proptest::prelude::*;

    #[test]
    fn vietnamese_paths_from_the_i18n_file_are_the_permanent_ones() {
        let i = I18n::embedded().unwrap();
        let vi = Paths::of(&i, "vi").unwrap();
        assert_eq!(vi.task("p", "18"), urls::task("p", "18"));
        assert_eq!(vi.plan("p"), urls::plan("p"));
        assert_eq!(vi.agency("a"), urls::agency("a"));
        assert_eq!(Paths::index(&vi.plans), urls::PLANS);
        assert_eq!(Paths::index(&vi.agencies), urls::AGENCIES);
        assert_eq!(
            Paths::index(&vi.calendar),
            crate::render::calendar::CALENDAR
        );
        assert_eq!(Paths::index(&vi.reports), crate::render::reports::REPORTS);
        assert_eq!(Paths::index(&vi.archive), crate::render::snapshot::ARCHIVE);
        assert_eq!(
            (vi.charts.as_str(), vi.data.as_str(), vi.search.as_str()),
            ("bieu-do", "du-lieu", "tim-kiem")
        );
        assert_eq!(
            (vi.status.as_str(), vi.feed.as_str()),
            ("tinh-trang", "ban-tin.xml")
        );
    }

    #[test]
    fn english_paths_use_english_words_and_keep_ids() {
        let i = I18n::embedded().unwrap();
        let en = Paths::of(&i, "en").unwrap();
        assert_eq!(
            en.task("114-kh-bcd-2025", "18"),
            "plans/114-kh-bcd-2025/tasks/18/"
        );
        assert_eq!(en.agency("so-khcn"), "agencies/so-khcn/");
        assert_eq!(Paths::index(&en.calendar), "calendar/");
    }

    #[test]
    fn a_path_word_that_could_escape_or_break_a_url_is_an_error() {
        for bad in ["..", "a/b", "Kế", "", "a b"] {
            let en = format!("[path]\nplans = {bad:?}\n");
            let i = I18n::from_sources([
                (
                    "vi".into(),
                    "vi.toml".into(),
                    include_str!("../../../themes/default/i18n/vi.toml").into(),
                ),
                ("en".into(), "en.toml".into(), en),
            ])
            .unwrap();
            let e = Paths::of(&i, "en").unwrap_err();
            assert!(e.to_string().contains("path.plans"), "{bad:?}: {e}");
        }
    }

    proptest! {
        /// Whatever a file says, an accepted path word is one segment
        /// that cannot leave the output directory.
        #[test]
        fn accepted_words_are_single_safe_segments(s in "\\PC{0,12}") {
            if is_segment(&s) {
                prop_assert!(!s.contains('/') && !s.contains('\\') && s != ".." && s != ".");
                prop_assert!(s.is_ascii());
            }
        }
    }
}
