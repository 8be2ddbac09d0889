//! What a deadline means, in the words of a language (`deadline.*` keys):
//! the sentence shown beside the verbatim text. The Vietnamese words are
//! those `DeadlineKind::describe` always wrote (a property test holds them
//! equal); other languages translate the same keys.

use chrono::NaiveDate;

use crate::model::deadline::{roman, Recurrence, Trigger};
use crate::model::duty::Schedule;
use crate::model::{DeadlineKind, Due};

use super::{fill, I18nError, Locale};

/// Every key the describer looks up.
pub const KEYS: &[&str] = &[
    "deadline.on",
    "deadline.before",
    "deadline.month",
    "deadline.quarter",
    "deadline.half_1",
    "deadline.half_2",
    "deadline.year",
    "deadline.in",
    "deadline.last_day",
    "deadline.due",
    "deadline.span_before",
    "deadline.span_on",
    "deadline.span",
    "deadline.milestones",
    "deadline.milestone",
    "deadline.ongoing",
    "deadline.open_start",
    "deadline.event",
    "deadline.other_plan",
    "deadline.regulation",
    "deadline.request",
    "deadline.unknown",
    "deadline.start",
    "deadline.start_milestones",
    "deadline.by",
    "deadline.before_day",
    "deadline.weekly",
    "deadline.weekly_on",
    "deadline.monthly",
    "deadline.monthly_on",
    "deadline.quarterly",
    "deadline.quarterly_on",
    "deadline.six_monthly",
    "deadline.yearly",
    "deadline.yearly_on",
    "deadline.weekdays",
];

impl Locale {
    /// When a reporting duty falls, in words (`Hằng tháng, trước ngày 9`,
    /// `Monthly, before day 9`).
    pub fn schedule(&self, s: &Schedule, before: bool) -> String {
        let l = self;
        let when = l.say(if before { "duty.before" } else { "duty.by" });
        match *s {
            Schedule::Monthly { day } => {
                l.say_with("duty.monthly", &[("when", when), ("day", day.to_string())])
            }
            Schedule::Quarterly { month, day } => {
                let which = l.say(match month {
                    1 => "duty.quarter_first",
                    2 => "duty.quarter_middle",
                    _ => "duty.quarter_last",
                });
                l.say_with(
                    "duty.quarterly",
                    &[("when", when), ("day", day.to_string()), ("which", which)],
                )
            }
            Schedule::Yearly { month, day } => l.say_with(
                "duty.yearly",
                &[
                    ("when", when),
                    ("d", day.to_string()),
                    ("dd", format!("{day:02}")),
                    ("mm", format!("{month:02}")),
                    ("month", l.month_name(month).unwrap_or_default()),
                ],
            ),
            Schedule::Once { date } => l.say_with(
                if before {
                    "duty.once_before"
                } else {
                    "duty.once_by"
                },
                &[("date", l.date_text(date))],
            ),
        }
    }

    fn words(&self, key: &str, args: &[(&str, String)]) -> Result<String, I18nError> {
        Ok(fill(&self.t(key, None)?, args))
    }

    /// A period without its preposition (`tháng 09/2025`, `March 2021`).
    fn period_bare(&self, due: &Due) -> Result<String, I18nError> {
        let y = |y: i32| ("yyyy", format!("{y:04}"));
        match *due {
            Due::On { date } => self.words("deadline.on", &[("date", self.date(date)?)]),
            Due::Before { date } => self.words("deadline.before", &[("date", self.date(date)?)]),
            Due::Month { year, month } => self.words(
                "deadline.month",
                &[
                    ("mm", format!("{month:02}")),
                    ("month", self.month_name(month)?),
                    y(year),
                ],
            ),
            Due::Quarter { year, quarter } => self.words(
                "deadline.quarter",
                &[
                    ("q", quarter.to_string()),
                    ("roman", roman(quarter).into()),
                    y(year),
                ],
            ),
            Due::Half { year, half } => self.words(
                if half == 1 {
                    "deadline.half_1"
                } else {
                    "deadline.half_2"
                },
                &[y(year)],
            ),
            Due::Year { year } => self.words("deadline.year", &[y(year)]),
        }
    }

    /// A period with its preposition (`trong tháng 09/2025`, `in March 2021`).
    pub fn period(&self, due: &Due) -> Result<String, I18nError> {
        match due {
            Due::On { .. } | Due::Before { .. } => self.period_bare(due),
            _ => self.words("deadline.in", &[("period", self.period_bare(due)?)]),
        }
    }

    /// A due point or period with its last day.
    pub fn due(&self, due: &Due) -> Result<String, I18nError> {
        match due {
            Due::On { .. } => self.period(due),
            _ => self.words(
                "deadline.last_day",
                &[
                    ("period", self.period(due)?),
                    ("date", self.date(due.last_day())?),
                ],
            ),
        }
    }

    fn day(&self, d: NaiveDate) -> Result<String, I18nError> {
        self.date(d)
    }

    /// What a deadline means, in a sentence.
    pub fn deadline(&self, kind: &DeadlineKind) -> Result<String, I18nError> {
        match kind {
            DeadlineKind::Due { due } => self.words("deadline.due", &[("when", self.due(due)?)]),
            DeadlineKind::Span {
                from,
                due: due @ Due::Before { .. },
            } => self.words(
                "deadline.span_before",
                &[("from", self.day(*from)?), ("due", self.due(due)?)],
            ),
            DeadlineKind::Span {
                from,
                due: due @ Due::On { .. },
            } => self.words(
                "deadline.span_on",
                &[("from", self.day(*from)?), ("period", self.period(due)?)],
            ),
            DeadlineKind::Span { from, due } => self.words(
                "deadline.span",
                &[
                    ("from", self.day(*from)?),
                    ("period", self.period_bare(due)?),
                    ("date", self.day(due.last_day())?),
                ],
            ),
            DeadlineKind::Milestones { items } => {
                let parts = items
                    .iter()
                    .map(|m| {
                        let words = self.deadline(&m.kind)?;
                        match &m.label {
                            Some(l) => self.words(
                                "deadline.milestone",
                                &[("label", l.clone()), ("words", lower_first(&words))],
                            ),
                            None => Ok(words),
                        }
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                self.words("deadline.milestones", &[("parts", parts.join("; "))])
            }
            DeadlineKind::Recurring { every } => self.recurrence(every),
            DeadlineKind::Ongoing => self.words("deadline.ongoing", &[]),
            DeadlineKind::OpenStart { from } => {
                self.words("deadline.open_start", &[("from", self.day(*from)?)])
            }
            DeadlineKind::Unscheduled { trigger } => self.words(
                match trigger {
                    Trigger::Event => "deadline.event",
                    Trigger::OtherPlan => "deadline.other_plan",
                    Trigger::Regulation => "deadline.regulation",
                    Trigger::Request => "deadline.request",
                },
                &[],
            ),
            DeadlineKind::Unknown => self.words("deadline.unknown", &[]),
        }
    }

    /// What a start time means, in a sentence.
    pub fn start(&self, kind: &DeadlineKind) -> Result<String, I18nError> {
        match kind {
            DeadlineKind::Due { due } => {
                self.words("deadline.start", &[("period", self.period(due)?)])
            }
            DeadlineKind::Milestones { items } => {
                let parts = items
                    .iter()
                    .map(|m| self.start(&m.kind).map(|w| lower_first(&w)))
                    .collect::<Result<Vec<_>, _>>()?;
                self.words("deadline.start_milestones", &[("parts", parts.join("; "))])
            }
            other => self.deadline(other),
        }
    }

    /// How often a duty recurs, in a sentence.
    pub fn recurrence(&self, r: &Recurrence) -> Result<String, I18nError> {
        let when = |before: bool| {
            self.t(
                if before {
                    "deadline.before_day"
                } else {
                    "deadline.by"
                },
                None,
            )
        };
        match *r {
            Recurrence::Weekly { weekday: None } => self.words("deadline.weekly", &[]),
            Recurrence::Weekly { weekday: Some(w) } => {
                let names = match self.i18n.entry(&self.lang, "deadline.weekdays")? {
                    super::Entry::List(n) => n.clone(),
                    _ => Vec::new(),
                };
                let name = names
                    .get(w.saturating_sub(1) as usize)
                    .cloned()
                    .unwrap_or_else(|| "?".into());
                self.words("deadline.weekly_on", &[("weekday", name)])
            }
            Recurrence::Monthly { day: None, .. } => self.words("deadline.monthly", &[]),
            Recurrence::Monthly {
                day: Some(d),
                before,
            } => self.words(
                "deadline.monthly_on",
                &[("when", when(before)?), ("d", d.to_string())],
            ),
            Recurrence::Quarterly { day: None, .. } => self.words("deadline.quarterly", &[]),
            Recurrence::Quarterly {
                day: Some(d),
                before,
            } => self.words(
                "deadline.quarterly_on",
                &[("when", when(before)?), ("d", d.to_string())],
            ),
            Recurrence::SixMonthly => self.words("deadline.six_monthly", &[]),
            Recurrence::Yearly { on: None, .. } => self.words("deadline.yearly", &[]),
            Recurrence::Yearly {
                on: Some(o),
                before,
            } => self.words(
                "deadline.yearly_on",
                &[
                    ("when", when(before)?),
                    ("dd", format!("{:02}", o.day)),
                    ("d", o.day.to_string()),
                    ("mm", format!("{:02}", o.month)),
                    ("month", self.month_name(o.month)?),
                ],
            ),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::I18n;
    use super::*;
    use crate::model::deadline::{DayOfYear, Milestone};
    use proptest::prelude::*;

    fn day() -> impl Strategy<Value = NaiveDate> {
        (0u64..20_000)
            .prop_map(|n| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(n))
    }

    fn due() -> impl Strategy<Value = Due> {
        prop_oneof![
            day().prop_map(|date| Due::On { date }),
            day().prop_map(|date| Due::Before { date }),
            (2000i32..2060, 1u32..=12).prop_map(|(year, month)| Due::Month { year, month }),
            (2000i32..2060, 1u32..=4).prop_map(|(year, quarter)| Due::Quarter { year, quarter }),
            (2000i32..2060, 1u32..=2).prop_map(|(year, half)| Due::Half { year, half }),
            (2000i32..2060).prop_map(|year| Due::Year { year }),
        ]
    }

    fn recurrence() -> impl Strategy<Value = Recurrence> {
        prop_oneof![
            proptest::option::of(1u32..=7).prop_map(|weekday| Recurrence::Weekly { weekday }),
            (proptest::option::of(1u32..=31), any::<bool>())
                .prop_map(|(day, before)| Recurrence::Monthly { day, before }),
            (proptest::option::of(1u32..=31), any::<bool>())
                .prop_map(|(day, before)| Recurrence::Quarterly { day, before }),
            Just(Recurrence::SixMonthly),
            (proptest::option::of((1u32..=28, 1u32..=12)), any::<bool>()).prop_map(
                |(on, before)| {
                    Recurrence::Yearly {
                        on: on.map(|(day, month)| DayOfYear { day, month }),
                        before,
                    }
                }
            ),
        ]
    }

    fn simple() -> impl Strategy<Value = DeadlineKind> {
        prop_oneof![
            due().prop_map(|due| DeadlineKind::Due { due }),
            (day(), due()).prop_map(|(from, due)| DeadlineKind::Span { from, due }),
            recurrence().prop_map(|every| DeadlineKind::Recurring { every }),
            Just(DeadlineKind::Ongoing),
            day().prop_map(|from| DeadlineKind::OpenStart { from }),
            prop_oneof![
                Just(Trigger::Event),
                Just(Trigger::OtherPlan),
                Just(Trigger::Regulation),
                Just(Trigger::Request)
            ]
            .prop_map(|trigger| DeadlineKind::Unscheduled { trigger }),
            Just(DeadlineKind::Unknown),
        ]
    }

    fn kind() -> impl Strategy<Value = DeadlineKind> {
        prop_oneof![
            3 => simple(),
            1 => proptest::collection::vec((proptest::option::of("[A-ZĐa-zà-ỹ ]{1,12}"), simple()), 2..4)
                .prop_map(|items| DeadlineKind::Milestones {
                    items: items.into_iter().map(|(label, kind)| Milestone { label, kind }).collect()
                }),
        ]
    }

    proptest! {
        /// The Vietnamese words from vi.toml are exactly those the model
        /// has always written, for every kind of deadline and start.
        #[test]
        fn vietnamese_words_are_unchanged(k in kind()) {
            let vi = I18n::embedded().unwrap().locale("vi");
            prop_assert_eq!(vi.deadline(&k).unwrap(), k.describe());
            prop_assert_eq!(vi.start(&k).unwrap(), k.describe_start());
        }

        /// Every kind has English words, with no Vietnamese letter in them
        /// beyond a milestone's own label.
        #[test]
        fn english_words_exist_for_every_kind(k in simple()) {
            let en = I18n::embedded().unwrap().locale("en");
            let words = en.deadline(&k).unwrap();
            prop_assert!(words.is_ascii(), "{}", words);
            prop_assert!(!words.contains('{'), "{}", words);
        }
    }

    #[test]
    fn english_sentences_read_well() {
        let en = I18n::embedded().unwrap().locale("en");
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let due = |due| DeadlineKind::Due { due };
        assert_eq!(
            en.deadline(&due(Due::Quarter {
                year: 2020,
                quarter: 4
            }))
            .unwrap(),
            "Due: in Q4 2020 (last day 31 December 2020)"
        );
        assert_eq!(
            en.deadline(&due(Due::Before {
                date: d(2021, 1, 1)
            }))
            .unwrap(),
            "Due: before 1 January 2021 (last day 31 December 2020)"
        );
        assert_eq!(
            en.deadline(&DeadlineKind::Span {
                from: d(2020, 10, 1),
                due: Due::On {
                    date: d(2021, 9, 30)
                }
            })
            .unwrap(),
            "From 1 October 2020 to the end of 30 September 2021"
        );
        assert_eq!(
            en.deadline(&DeadlineKind::Recurring {
                every: Recurrence::Yearly {
                    on: Some(DayOfYear { day: 15, month: 12 }),
                    before: false
                }
            })
            .unwrap(),
            "Every year, by 15 December"
        );
    }
}
