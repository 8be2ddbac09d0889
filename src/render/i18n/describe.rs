//! What a deadline means, in the words of a language (`deadline.*` keys):
//! the sentence shown beside the verbatim text. The Vietnamese words are
//! those `DeadlineKind::describe` always wrote (a property test holds them
//! equal); other languages translate the same keys.

use chrono::NaiveDate;

use crate::model::deadline::{
    roman, Cycle, Length, Offset, Qualifier, Recurrence, Side, Start, TimeUnit, Trigger,
};
use crate::model::duty::{Schedule, Step};
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
    "deadline.daily",
    "deadline.every_n",
    "deadline.times_each",
    "deadline.times_every",
    "deadline.with_day",
    "deadline.on_weekday",
    "deadline.day_of_month",
    "deadline.day_of_quarter",
    "deadline.day_of_year",
    "deadline.at_least",
    "deadline.as_often_as_possible",
    "deadline.starting",
    "deadline.thereafter",
    "deadline.length",
    "deadline.unit_hour",
    "deadline.unit_day",
    "deadline.unit_working_day",
    "deadline.unit_week",
    "deadline.unit_month",
    "deadline.unit_quarter",
    "deadline.unit_year",
    "deadline.duration",
    "deadline.offset_after",
    "deadline.offset_within_after",
    "deadline.offset_before",
    "deadline.offset_within_before",
    "deadline.event_offset",
    "deadline.condition",
    "deadline.urgent",
    "deadline.periodic",
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
            Schedule::Every {
                first,
                step,
                interval,
            } => {
                let unit = match step {
                    Step::Day => "deadline.unit_day",
                    Step::Week => "deadline.unit_week",
                    Step::Month => "deadline.unit_month",
                };
                l.say_with(
                    "duty.every",
                    &[
                        ("n", interval.to_string()),
                        ("unit", l.say_n(unit, interval as usize, &[])),
                        ("date", l.date_text(first)),
                    ],
                )
            }
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
            DeadlineKind::Unscheduled {
                offset: Some(offset),
                event: Some(event),
                ..
            } => self.words(
                "deadline.event_offset",
                &[("offset", self.offset(offset)?), ("event", event.clone())],
            ),
            DeadlineKind::Unscheduled { trigger, .. } => self.words(
                match trigger {
                    Trigger::Event => "deadline.event",
                    Trigger::OtherPlan => "deadline.other_plan",
                    Trigger::Regulation => "deadline.regulation",
                    Trigger::Request => "deadline.request",
                    Trigger::Condition => "deadline.condition",
                },
                &[],
            ),
            DeadlineKind::Duration { length } => {
                self.words("deadline.duration", &[("length", self.length(length)?)])
            }
            DeadlineKind::Urgent => self.words("deadline.urgent", &[]),
            DeadlineKind::Periodic => self.words("deadline.periodic", &[]),
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

    /// `by` or `before`, before a day.
    fn when(&self, before: bool) -> Result<String, I18nError> {
        let key = if before {
            "deadline.before_day"
        } else {
            "deadline.by"
        };
        self.t(key, None)
    }

    /// A unit's noun for a count (`month`, `months`; `tháng`).
    fn unit(&self, key: &str, n: u32) -> Result<String, I18nError> {
        self.t(&format!("deadline.unit_{key}"), Some(i64::from(n)))
    }

    /// A length of time (`30 days`, `6 tháng`).
    fn length(&self, l: &Length) -> Result<String, I18nError> {
        let key = match l.unit {
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::WorkingDay => "working_day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        };
        self.words(
            "deadline.length",
            &[
                ("n", l.count.to_string()),
                ("unit", self.unit(key, l.count)?),
            ],
        )
    }

    /// A length counted from an event (`30 days after`, `within 30 days of`).
    fn offset(&self, o: &Offset) -> Result<String, I18nError> {
        let key = match (o.side, o.within) {
            (Side::After, false) => "deadline.offset_after",
            (Side::After, true) => "deadline.offset_within_after",
            (Side::Before, false) => "deadline.offset_before",
            (Side::Before, true) => "deadline.offset_within_before",
        };
        self.words(key, &[("length", self.length(&o.length)?)])
    }

    /// The day in a cycle, when written (`by day 10`, `vào thứ Sáu`).
    fn cycle_day(&self, c: &Cycle) -> Result<Option<String>, I18nError> {
        let when = |before: bool| self.when(before);
        Ok(Some(match *c {
            Cycle::Weekly { weekday: Some(w) } => {
                self.words("deadline.on_weekday", &[("weekday", self.weekday(w)?)])?
            }
            Cycle::Monthly {
                day: Some(d),
                before,
            } => self.words(
                "deadline.day_of_month",
                &[("when", when(before)?), ("d", d.to_string())],
            )?,
            Cycle::Quarterly {
                day: Some(d),
                before,
            } => self.words(
                "deadline.day_of_quarter",
                &[("when", when(before)?), ("d", d.to_string())],
            )?,
            Cycle::Yearly {
                on: Some(o),
                before,
            } => self.words(
                "deadline.day_of_year",
                &[
                    ("when", when(before)?),
                    ("dd", format!("{:02}", o.day)),
                    ("d", o.day.to_string()),
                    ("mm", format!("{:02}", o.month)),
                    ("month", self.month_name(o.month)?),
                ],
            )?,
            _ => return Ok(None),
        }))
    }

    fn weekday(&self, w: u32) -> Result<String, I18nError> {
        let names = match self.i18n.entry(&self.lang, "deadline.weekdays")? {
            super::Entry::List(n) => n.clone(),
            _ => Vec::new(),
        };
        Ok(names
            .get(w.saturating_sub(1) as usize)
            .cloned()
            .unwrap_or_else(|| "?".into()))
    }

    /// Each cycle once (the words pages have always shown).
    fn each(&self, c: &Cycle) -> Result<String, I18nError> {
        let when = |before: bool| self.when(before);
        match *c {
            Cycle::Daily => self.words("deadline.daily", &[]),
            Cycle::Weekly { weekday: None } => self.words("deadline.weekly", &[]),
            Cycle::Weekly { weekday: Some(w) } => {
                self.words("deadline.weekly_on", &[("weekday", self.weekday(w)?)])
            }
            Cycle::Monthly { day: None, .. } => self.words("deadline.monthly", &[]),
            Cycle::Monthly {
                day: Some(d),
                before,
            } => self.words(
                "deadline.monthly_on",
                &[("when", when(before)?), ("d", d.to_string())],
            ),
            Cycle::Quarterly { day: None, .. } => self.words("deadline.quarterly", &[]),
            Cycle::Quarterly {
                day: Some(d),
                before,
            } => self.words(
                "deadline.quarterly_on",
                &[("when", when(before)?), ("d", d.to_string())],
            ),
            Cycle::SixMonthly => self.words("deadline.six_monthly", &[]),
            Cycle::Yearly { on: None, .. } => self.words("deadline.yearly", &[]),
            Cycle::Yearly {
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

    /// How often a duty recurs, in a sentence.
    pub fn recurrence(&self, r: &Recurrence) -> Result<String, I18nError> {
        let (n, key) = match r.cycle {
            Cycle::Daily => (r.interval, "day"),
            Cycle::Weekly { .. } => (r.interval, "week"),
            Cycle::Monthly { .. } => (r.interval, "month"),
            Cycle::Quarterly { .. } => (r.interval, "quarter"),
            Cycle::SixMonthly => (6 * r.interval, "month"),
            Cycle::Yearly { .. } => (r.interval, "year"),
        };
        let unit = self.unit(key, n)?;
        let mut words = if r.times > 1 && n == 1 {
            self.words(
                "deadline.times_each",
                &[("unit", unit), ("times", r.times.to_string())],
            )?
        } else if r.times > 1 {
            self.words(
                "deadline.times_every",
                &[
                    ("n", n.to_string()),
                    ("unit", unit),
                    ("times", r.times.to_string()),
                ],
            )?
        } else if r.interval > 1 {
            self.words("deadline.every_n", &[("n", n.to_string()), ("unit", unit)])?
        } else {
            self.each(&r.cycle)?
        };
        if r.times > 1 || r.interval > 1 {
            if let Some(day) = self.cycle_day(&r.cycle)? {
                words = self.words("deadline.with_day", &[("words", words), ("day", day)])?;
            }
        }
        if let Some(q) = r.qualifier {
            let key = match q {
                Qualifier::AtLeast => "deadline.at_least",
                Qualifier::AsOftenAsPossible => "deadline.as_often_as_possible",
            };
            words = self.words(key, &[("words", words)])?;
        }
        match r.start {
            Some(Start::At { due }) => self.words(
                "deadline.starting",
                &[("words", words), ("period", self.period(&due)?)],
            ),
            Some(Start::Thereafter) => self.words("deadline.thereafter", &[("words", words)]),
            None => Ok(words),
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
#[path = "describe_tests.rs"]
mod tests;
