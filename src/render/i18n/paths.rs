//! Path words per language, from the `[path]` table of the i18n files:
//! `/ke-hoach/<id>/nhiem-vu/<n>/` in Vietnamese, `/plans/<id>/tasks/<n>/`
//! in English. Ids stay as they are in every language.

use serde::Serialize;

use super::{Entry, I18n, I18nError};

/// The path words, in the order of [`Paths`]' fields.
pub const KEYS: [&str; 13] = [
    "plans", "tasks", "agencies", "calendar", "reports", "charts", "data", "search", "status",
    "archive", "feed", "part", "assets",
];

/// The charts whose CSV files are named in each language's words
/// (`chart_file.<key>`): one path segment each, all distinct.
pub const CHART_KEYS: [&str; 7] = [
    "by_plan",
    "late",
    "lead",
    "cooperate",
    "burn_up",
    "per_month",
    "indicators",
];

/// The words of a language's URLs (each one path segment, or a file name
/// for `feed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// Folder word of the later parts of a long list (`<part>_<n>`).
    pub part: String,
    /// Stylesheet, scripts and icons.
    pub assets: String,
    /// Each chart's id and CSV file name, by `CHART_KEYS` key.
    pub chart_ids: std::collections::BTreeMap<String, String>,
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
        let mut chart_ids = std::collections::BTreeMap::new();
        for k in CHART_KEYS {
            let key = format!("chart_file.{k}");
            let w = match i18n.entry(lang, &key)? {
                Entry::Text(s) if is_segment(s) && !s.contains('.') => s.clone(),
                _ => {
                    return Err(I18nError::Use {
                        lang: lang.to_string(),
                        key,
                        message:
                            "is not one file name: use lowercase ASCII letters, digits and `-`"
                                .to_string(),
                    })
                }
            };
            if let Some((other, _)) = chart_ids.iter().find(|(_, o)| **o == w) {
                return Err(I18nError::Use {
                    lang: lang.to_string(),
                    key,
                    message: format!(
                        "is the same word as `chart_file.{other}`: give each chart its own"
                    ),
                });
            }
            chart_ids.insert(k.to_string(), w);
        }
        let p = Paths {
            chart_ids,
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
            part: word("part")?,
            assets: word("assets")?,
        };
        // The top-level words share the site root: two alike would put
        // two sections in one folder.
        let top = [
            ("plans", &p.plans),
            ("agencies", &p.agencies),
            ("calendar", &p.calendar),
            ("reports", &p.reports),
            ("charts", &p.charts),
            ("data", &p.data),
            ("search", &p.search),
            ("status", &p.status),
            ("archive", &p.archive),
            ("feed", &p.feed),
            ("assets", &p.assets),
        ];
        for (i, (k, w)) in top.iter().enumerate() {
            if let Some((other, _)) = top[..i].iter().find(|(_, o)| o == w) {
                return Err(I18nError::Use {
                    lang: lang.to_string(),
                    key: format!("path.{k}"),
                    message: format!(
                        "is the same word as `path.{other}`: give each section its own"
                    ),
                });
            }
        }
        Ok(p)
    }

    /// Each word its key's name (`plans`, `feed.xml`): only for a theme
    /// refused at load, which is never rendered with.
    pub(super) fn key_names() -> Paths {
        let w = |s: &str| s.to_string();
        Paths {
            chart_ids: CHART_KEYS
                .iter()
                .map(|k| (k.to_string(), k.replace('_', "-")))
                .collect(),
            plans: w("plans"),
            tasks: w("tasks"),
            agencies: w("agencies"),
            calendar: w("calendar"),
            reports: w("reports"),
            charts: w("charts"),
            data: w("data"),
            search: w("search"),
            status: w("status"),
            archive: w("archive"),
            feed: w("feed.xml"),
            part: w("part"),
            assets: w("assets"),
        }
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

    /// The calendar feed in page directory `dir` (`<dir>lich.ics`; `dir`
    /// empty for the whole site's, which lives in the calendar index).
    pub fn ics(&self, dir: &str) -> String {
        if dir.is_empty() {
            format!("{}/{}.ics", self.calendar, self.calendar)
        } else {
            format!("{dir}{}.ics", self.calendar)
        }
    }

    /// The task list file in page directory `dir` (`<dir>nhiem-vu.csv`).
    pub fn task_file(&self, dir: &str, ext: &str) -> String {
        format!("{dir}{}.{ext}", self.tasks)
    }

    /// The agency registry file (`du-lieu/co-quan.json`).
    pub fn registry_file(&self, ext: &str) -> String {
        format!("{}/{}.{ext}", self.data, self.agencies)
    }

    /// The table of who has reported (`du-lieu/co-quan-bao-cao.csv`).
    pub fn reporting_file(&self, ext: &str) -> String {
        format!("{}/{}-{}.{ext}", self.data, self.agencies, self.reports)
    }

    /// A file of the search index (`tim-kiem/<name>`).
    pub fn search_file(&self, name: &str) -> String {
        format!("{}/{name}", self.search)
    }

    /// The id (and CSV file stem) of chart `key` of `CHART_KEYS`; the
    /// key itself for a key that is not one.
    pub fn chart_id(&self, key: &str) -> String {
        self.chart_ids
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// A chart's CSV file (`bieu-do/<name>`).
    pub fn chart_file(&self, name: &str) -> String {
        format!("{}/{name}", self.charts)
    }

    /// A stylesheet, script or icon (`tai-nguyen/<name>`).
    pub fn asset(&self, name: &str) -> String {
        format!("{}/{name}", self.assets)
    }

    /// Root of the snapshot of month `period` (`ban-luu/YYYY-MM/`).
    pub fn archive_root(&self, period: &str) -> String {
        format!("{}/{period}/", self.archive)
    }

    /// Name of the folder of part `n` of a long list (`trang_<n>`): the
    /// underscore is outside the id alphabet, so no id can take it.
    pub fn part_folder(&self, n: usize) -> String {
        format!("{}_{n}", self.part)
    }

    /// Directory of part `n` (1-based) of the list whose first part is `base`.
    pub fn part_dir(&self, base: &str, n: usize) -> String {
        if n <= 1 {
            base.to_string()
        } else {
            format!("{base}{}/", self.part_folder(n))
        }
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
    use proptest::prelude::*;

    #[test]
    fn vietnamese_paths_from_the_i18n_file_are_the_permanent_ones() {
        let i = I18n::embedded().unwrap();
        let vi = Paths::of(&i, "vi").unwrap();
        assert_eq!(vi.task("p", "18"), "ke-hoach/p/nhiem-vu/18/");
        assert_eq!(vi.plan("p"), "ke-hoach/p/");
        assert_eq!(vi.agency("a"), "co-quan/a/");
        assert_eq!(vi.ics(""), "lich/lich.ics");
        assert_eq!(vi.ics("ke-hoach/p/"), "ke-hoach/p/lich.ics");
        assert_eq!(vi.task_file("co-quan/a/", "csv"), "co-quan/a/nhiem-vu.csv");
        assert_eq!(vi.registry_file("json"), "du-lieu/co-quan.json");
        assert_eq!(vi.asset("style.css"), "tai-nguyen/style.css");
        assert_eq!(vi.archive_root("2025-10"), "ban-luu/2025-10/");
        assert_eq!(vi.part_dir("tinh-trang/", 1), "tinh-trang/");
        assert_eq!(vi.part_dir("tinh-trang/", 3), "tinh-trang/trang_3/");
        let words = [
            &vi.calendar,
            &vi.reports,
            &vi.charts,
            &vi.data,
            &vi.search,
            &vi.status,
            &vi.archive,
            &vi.feed,
        ];
        assert_eq!(
            words.map(String::as_str),
            [
                "lich",
                "bao-cao",
                "bieu-do",
                "du-lieu",
                "tim-kiem",
                "tinh-trang",
                "ban-luu",
                "ban-tin.xml"
            ]
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
