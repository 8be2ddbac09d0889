//! Words the program makes, in one language: dates, months and state
//! labels, from the same i18n files the templates read. A plan's own
//! wording is never translated; only these words change with the language.

use chrono::{Datelike, NaiveDate};

use crate::derive::status::State;

use super::{fill, pieces, Entry, I18n, I18nError, Paths, Piece};

/// One language's words for the program's own text.
#[derive(Debug, Clone)]
pub struct Locale {
    pub(super) i18n: I18n,
    pub(super) lang: String,
    /// The language's URL words, read once.
    paths: Paths,
    /// The date forms and month names, read once (pages write thousands
    /// of dates); `None` when the theme's are not usable, and the slow
    /// path then reports why.
    dates: Option<DateForms>,
}

/// A language's `date.day` and `date.month` forms cut at their fields,
/// and its twelve month names.
#[derive(Debug, Clone)]
struct DateForms {
    day: Vec<Piece>,
    month: Vec<Piece>,
    months: Vec<String>,
}

/// The fields a date form may hold.
const DATE_FIELDS: [&str; 6] = ["d", "dd", "m", "mm", "month", "yyyy"];

impl DateForms {
    fn read(i18n: &I18n, lang: &str) -> Option<DateForms> {
        let fields: Vec<(&str, String)> = DATE_FIELDS.iter().map(|f| (*f, String::new())).collect();
        let form = |key: &str| -> Option<Vec<Piece>> {
            Some(pieces(&i18n.text(lang, key, None, &[]).ok()?, &fields))
        };
        let months = match i18n.entry(lang, "date.months").ok()? {
            Entry::List(names) if names.len() == 12 => names.clone(),
            _ => return None,
        };
        Some(DateForms {
            day: form("date.day")?,
            month: form("date.month")?,
            months,
        })
    }

    /// `form` filled with the day `y`-`m`-`d`: what [`fill`] gives.
    fn write(&self, form: &[Piece], y: i32, m: u32, d: u32) -> String {
        use std::fmt::Write as _;
        let mut out = String::with_capacity(24);
        for p in form {
            // Writing to a String cannot fail.
            let _ = match p.arg.as_deref() {
                None => out.write_str(&p.text),
                Some("d") => write!(out, "{d}"),
                Some("dd") => write!(out, "{d:02}"),
                Some("m") => write!(out, "{m}"),
                Some("mm") => write!(out, "{m:02}"),
                Some("month") => out.write_str(&self.months[m.clamp(1, 12) as usize - 1]),
                // The one field left: `yyyy`.
                Some(_) => write!(out, "{y:04}"),
            };
        }
        out
    }
}

impl Locale {
    pub(super) fn new(i18n: I18n, lang: &str) -> Locale {
        // A theme whose path words do not all make valid paths is refused
        // when loaded ([`I18n::path_problem`]), so the fallbacks are never
        // reached on a loaded theme.
        let paths = Paths::of(&i18n, lang)
            .or_else(|_| Paths::of(&i18n, super::REFERENCE))
            .unwrap_or_else(|_| Paths::key_names());
        let dates = DateForms::read(&i18n, lang);
        Locale {
            i18n,
            lang: lang.to_string(),
            paths,
            dates,
        }
    }

    /// The words of `key` in another language of the theme (a citation is
    /// given in fixed languages); the key itself if the theme lacks it.
    pub fn say_in(&self, lang: &str, key: &str) -> String {
        self.i18n
            .text(lang, key, None, &[])
            .unwrap_or_else(|_| format!("[{key}]"))
    }

    /// [`Locale::say_in`] with the placeholders filled.
    pub fn say_in_with(&self, lang: &str, key: &str, args: &[(&str, String)]) -> String {
        self.i18n
            .text(lang, key, None, args)
            .unwrap_or_else(|_| format!("[{key}]"))
    }

    /// A list of words (`date.months`) in `lang`, joined by `sep`.
    pub fn words_in(&self, lang: &str, key: &str, sep: &str) -> String {
        match self.i18n.entry(lang, key) {
            Ok(Entry::List(words)) => words.join(sep),
            _ => format!("[{key}]"),
        }
    }

    /// The language code (`vi`, `en`), as written in `<html lang>`.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The words of `key` (with count `n` when it is a count).
    pub fn t(&self, key: &str, n: Option<i64>) -> Result<String, I18nError> {
        self.i18n.text(&self.lang, key, n, &[])
    }

    /// The language's URL words.
    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// A day in the language's form (`31/12/2020`, `31 December 2020`).
    pub fn date(&self, d: NaiveDate) -> Result<String, I18nError> {
        self.dated("date.day", d.year(), d.month(), d.day())
    }

    /// A month of a year (`12/2020`, `December 2020`).
    pub fn month(&self, year: i32, month: u32) -> Result<String, I18nError> {
        self.dated("date.month", year, month, 1)
    }

    /// The name of month 1–12 (`tháng 12`, `December`).
    pub fn month_name(&self, month: u32) -> Result<String, I18nError> {
        match self.i18n.entry(&self.lang, "date.months")? {
            Entry::List(names) if names.len() == 12 => Ok(names
                .get(month.clamp(1, 12) as usize - 1)
                .cloned()
                .unwrap_or_default()),
            _ => Err(I18nError::Use {
                lang: self.lang.clone(),
                key: "date.months".into(),
                message: "is the list of the twelve month names".into(),
            }),
        }
    }

    /// The label of a state, always shown as text.
    pub fn state(&self, s: State) -> Result<String, I18nError> {
        self.t(&format!("state.{}", s.key()), None)
    }

    /// The words of `key`, count `n` choosing the form, placeholders from
    /// `args` (and `{n}`). A theme is refused when loaded unless its
    /// reference file holds every key the program uses
    /// ([`super::check::missing_program_keys`]), so this cannot fail on a
    /// loaded theme; if it ever did, the key itself shows, never a blank.
    pub fn say_full(&self, key: &str, n: Option<usize>, args: &[(&str, String)]) -> String {
        let n = n.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        self.i18n
            .text(&self.lang, key, n, args)
            .unwrap_or_else(|_| format!("[{key}]"))
    }

    /// The words of `key` (a phrase).
    pub fn say(&self, key: &str) -> String {
        self.say_full(key, None, &[])
    }

    /// The words of `key` with its placeholders filled.
    pub fn say_with(&self, key: &str, args: &[(&str, String)]) -> String {
        self.say_full(key, None, args)
    }

    /// The form of count key `key` for `n`, placeholders filled.
    pub fn say_n(&self, key: &str, n: usize, args: &[(&str, String)]) -> String {
        self.say_full(key, Some(n), args)
    }

    /// A day in the language's form, for views (see [`Locale::date`]).
    pub fn date_text(&self, d: NaiveDate) -> String {
        self.date(d).unwrap_or_else(|_| d.to_string())
    }

    /// A state's label, for views (see [`Locale::state`]).
    pub fn state_label(&self, s: State) -> String {
        self.say(&format!("state.{}", s.key()))
    }

    /// A number the language's way: thousands grouped, at most `decimals`
    /// decimals (`1.234,5` in Vietnamese, `1,234.5` in English).
    pub fn number(&self, v: f64, decimals: usize) -> String {
        let s = super::super::numbers::vi_number(v, decimals);
        let (group, mark) = (self.say("number.group"), self.say("number.decimal"));
        if group == "." && mark == "," {
            return s;
        }
        s.chars()
            .map(|c| match c {
                '.' => group.clone(),
                ',' => mark.clone(),
                c => c.to_string(),
            })
            .collect()
    }

    /// A percentage with one decimal at most (`90,2 %`, `90.2%`).
    pub fn percent(&self, v: f64) -> String {
        self.say_with("number.percent", &[("n", self.number(v, 1))])
    }

    /// A table cell: a plain machine-format number is written the
    /// language's way; anything else is returned unchanged.
    pub fn cell(&self, cell: &str) -> String {
        match super::super::numbers::parse_cell(cell) {
            Some((v, decimals)) => self.number(v, decimals),
            None => cell.to_string(),
        }
    }

    fn dated(&self, key: &str, y: i32, m: u32, d: u32) -> Result<String, I18nError> {
        if let Some(f) = &self.dates {
            match key {
                "date.day" => return Ok(f.write(&f.day, y, m, d)),
                "date.month" => return Ok(f.write(&f.month, y, m, d)),
                _ => {}
            }
        }
        self.dated_by_fill(key, y, m, d)
    }

    /// [`Locale::dated`] the plain way, looking the form up and filling it.
    fn dated_by_fill(&self, key: &str, y: i32, m: u32, d: u32) -> Result<String, I18nError> {
        let form = self.t(key, None)?;
        let args = [
            ("d", d.to_string()),
            ("dd", format!("{d:02}")),
            ("m", m.to_string()),
            ("mm", format!("{m:02}")),
            ("month", self.month_name(m)?),
            ("yyyy", format!("{y:04}")),
        ];
        Ok(fill(&form, &args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deadline::vi_date;
    use proptest::prelude::*;

    fn locale(lang: &str) -> Locale {
        I18n::embedded().unwrap().locale(lang)
    }

    #[test]
    fn vietnamese_words_are_the_ones_the_program_always_printed() {
        let vi = locale("vi");
        for s in State::ALL {
            assert_eq!(vi.state(s).unwrap(), s.label(), "{s:?}");
        }
        let d = NaiveDate::from_ymd_opt(2025, 9, 3).unwrap();
        assert_eq!(vi.date(d).unwrap(), vi_date(d));
        assert_eq!(vi.month(2025, 9).unwrap(), "09/2025");
    }

    proptest! {
        /// Dates written from the forms read once are what filling the
        /// forms gives, for the shipped languages and for odd forms.
        #[test]
        fn dates_from_the_forms_read_once_are_the_filled_forms(
            y in 1i32..3000, m in 1u32..=12, d in 1u32..=28,
            odd in "[a-z {}/.-]{0,12}",
        ) {
            let months: Vec<String> = (1..=12).map(|i| format!("\"M{i}\"")).collect();
            let source = format!(
                "[date]\nday = {day:?}\nmonth = {month:?}\nmonths = [{}]\n",
                months.join(", "),
                day = format!("{{dd}}{odd}{{month}} {{yyyy}}{{x}}{{d}}/{{m}}{{mm}}"),
                month = format!("{odd}{{month}}{{"),
            );
            // A theme of one language, which is then its reference.
            let custom = I18n::from_sources([("vi".to_string(), "vi.toml".to_string(), source)])
                .unwrap()
                .locale("vi");
            prop_assert!(custom.dates.is_some());
            for l in [locale("vi"), locale("en"), custom] {
                for key in ["date.day", "date.month"] {
                    prop_assert_eq!(l.dated(key, y, m, d).unwrap(), l.dated_by_fill(key, y, m, d).unwrap());
                }
            }
        }
    }

    #[test]
    fn english_words_are_english() {
        let en = locale("en");
        let d = NaiveDate::from_ymd_opt(2020, 12, 31).unwrap();
        assert_eq!(en.date(d).unwrap(), "31 December 2020");
        assert_eq!(en.month(2020, 3).unwrap(), "March 2020");
        assert_eq!(en.state(State::DoneLate).unwrap(), "Done late");
        assert_eq!(en.t("nav.plans", None).unwrap(), "Plans");
        assert_eq!(en.lang(), "en");
    }

    #[test]
    fn every_state_has_distinct_words_in_every_language() {
        let i = I18n::embedded().unwrap();
        for lang in i.languages() {
            let l = i.locale(&lang);
            let mut words: Vec<String> = State::ALL.iter().map(|s| l.state(*s).unwrap()).collect();
            words.sort();
            words.dedup();
            assert_eq!(words.len(), State::ALL.len(), "{lang}");
        }
    }

    #[test]
    fn vietnamese_labels_are_the_ones_the_program_always_printed() {
        use crate::derive::Summary;
        use crate::model::agency::AgencyKind;
        use crate::model::report::Reported;
        let vi = locale("vi");
        for g in Summary::ALL {
            assert_eq!(vi.say(&format!("summary.{}", g.key())), g.label());
        }
        for k in AgencyKind::ALL {
            assert_eq!(vi.say(&k.label_key()), k.label());
        }
        for r in Reported::ALL {
            assert_eq!(vi.say(&format!("reported.{}", r.key())), r.label());
        }
        for s in State::ALL {
            assert_eq!(vi.state_label(s), s.label());
        }
    }

    #[test]
    fn english_labels_exist_and_differ_from_the_vietnamese() {
        use crate::model::agency::AgencyKind;
        let (vi, en) = (locale("vi"), locale("en"));
        for k in AgencyKind::ALL {
            let w = en.say(&k.label_key());
            assert!(!w.starts_with('[') && w != vi.say(&k.label_key()), "{w}");
        }
        assert_eq!(en.say("page.home"), "Home");
        assert_eq!(
            en.say_n(
                "feed.report_summary",
                1,
                &[("done", "0".into()), ("overdue", "0".into())]
            ),
            "1 task reported; 0 newly done; 0 newly overdue."
        );
    }

    #[test]
    fn numbers_follow_the_language() {
        let (vi, en) = (locale("vi"), locale("en"));
        assert_eq!(vi.number(1234.5, 1), "1.234,5");
        assert_eq!(en.number(1234.5, 1), "1,234.5");
        assert_eq!(vi.percent(90.26), "90,3\u{a0}%");
        assert_eq!(en.percent(90.26), "90.3%");
        assert_eq!(en.cell("1234.50"), "1,234.5");
        assert_eq!(en.cell("114/KH-BCĐ"), "114/KH-BCĐ");
    }

    proptest! {
        /// Vietnamese numbers are the ones the program always wrote, and
        /// English ones read back as the same number.
        #[test]
        fn numbers_read_back(v in -1.0e9f64..1.0e9, decimals in 0usize..3) {
            let (vi, en) = (locale("vi"), locale("en"));
            prop_assert_eq!(vi.number(v, decimals), crate::render::numbers::vi_number(v, decimals));
            prop_assert_eq!(vi.cell(&v.to_string()), crate::render::numbers::vi_cell(&v.to_string()));
            let back: f64 = en.number(v, decimals).replace(',', "").parse().unwrap();
            let step = 10f64.powi(-(decimals as i32));
            prop_assert!((back - v).abs() <= step / 2.0 + 1e-6, "{} {}", v, back);
        }

        /// Every duty schedule reads in Vietnamese exactly as before, and
        /// in English without a Vietnamese word.
        #[test]
        fn duty_schedules_in_words(kind in 0u8..4, day in 1u32..=28, month in 1u32..=12, before in any::<bool>(), days in 0u64..20_000) {
            use crate::model::duty::Schedule;
            let s = match kind {
                0 => Schedule::Monthly { day },
                1 => Schedule::Quarterly { month: month % 3 + 1, day },
                2 => Schedule::Yearly { month, day },
                _ => Schedule::Once { date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(days) },
            };
            prop_assert_eq!(locale("vi").schedule(&s, before), s.describe(before));
            let en = locale("en").schedule(&s, before);
            prop_assert!(en.is_ascii() && !en.contains('{'), "{}", en);
        }

        /// Every day reads back from its English and Vietnamese forms.
        #[test]
        fn dates_carry_day_month_and_year(days in 0i64..60_000) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64);
            let vi = locale("vi").date(d).unwrap();
            prop_assert_eq!(NaiveDate::parse_from_str(&vi, "%d/%m/%Y").ok(), Some(d));
            let en = locale("en").date(d).unwrap();
            prop_assert_eq!(NaiveDate::parse_from_str(&en, "%d %B %Y").ok(), Some(d));
        }
    }
}
