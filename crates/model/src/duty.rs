//! Reporting duties: recurring obligations fixed by a plan's narrative
//! (monthly reports before the 9th, an annual report before 09/12, ...), and
//! the expansion of their schedules into dates.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::agency::AgencyCell;

/// When a duty falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "every", rename_all = "snake_case")]
pub enum Schedule {
    /// Day `day` of every month.
    Monthly {
        /// Day of the month.
        day: u32,
    },
    /// Day `day` of month `month` (1–3) of every quarter.
    Quarterly {
        /// Month within the quarter.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// Day `day` of month `month` every year.
    Yearly {
        /// Month.
        month: u32,
        /// Day.
        day: u32,
    },
    /// A single date.
    Once {
        /// The date.
        date: NaiveDate,
    },
    /// From a first day, every `interval` steps (`every 3 months starting
    /// 15 January 2021`): the day of `first` in every step that has it.
    Every {
        /// The first occurrence.
        first: NaiveDate,
        /// The step.
        step: Step,
        /// How many steps between occurrences (at least 1).
        interval: u32,
    },
}

/// The step of a [`Schedule::Every`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months (a quarter is 3, a year 12).
    Month,
}

impl Schedule {
    /// Every date of the schedule within `from..=until`, in order.
    pub fn dates(&self, from: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        match *self {
            Schedule::Once { date } => {
                if (from..=until).contains(&date) {
                    out.push(date);
                }
            }
            Schedule::Monthly { day } => {
                months(from, until, |y, m| {
                    push_day(&mut out, y, m, day, from, until);
                });
            }
            Schedule::Quarterly { month, day } => {
                months(from, until, |y, m| {
                    if (m - 1) % 3 + 1 == month {
                        push_day(&mut out, y, m, day, from, until);
                    }
                });
            }
            Schedule::Yearly { month, day } => {
                for y in from.year()..=until.year() {
                    push_day(&mut out, y, month, day, from, until);
                }
            }
            Schedule::Every {
                first,
                step,
                interval,
            } => every_dates(&mut out, first, step, interval.max(1), from, until),
        }
        out
    }

    /// The meaning in plain Vietnamese words: the reference; pages and feeds
    /// use `Locale::schedule` (a property test holds the two equal).
    pub fn describe(&self, before: bool) -> String {
        let when = if before {
            "trước ngày"
        } else {
            "chậm nhất ngày"
        };
        match *self {
            Schedule::Monthly { day } => format!("Hằng tháng, {when} {day}"),
            Schedule::Quarterly { month, day } => {
                let which = match month {
                    1 => "tháng đầu",
                    2 => "tháng giữa",
                    _ => "tháng cuối",
                };
                format!("Hằng quý, {when} {day} của {which} quý")
            }
            Schedule::Yearly { month, day } => {
                format!("Hằng năm, {when} {day:02}/{month:02}")
            }
            Schedule::Once { date } => {
                format!("{} {}", capitalise(when), super::deadline::vi_date(date))
            }
            Schedule::Every {
                first,
                step,
                interval,
            } => {
                let unit = match step {
                    Step::Day => "ngày",
                    Step::Week => "tuần",
                    Step::Month => "tháng",
                };
                format!(
                    "Định kỳ {interval} {unit} một lần, bắt đầu ngày {}",
                    super::deadline::vi_date(first)
                )
            }
        }
    }
}

/// The dates of an every-`n`-steps schedule within `from..=until`: the
/// first day's day of the month in each month step (a month without that
/// day has no occurrence, as in an iCalendar `RRULE`).
fn every_dates(
    out: &mut Vec<NaiveDate>,
    first: NaiveDate,
    step: Step,
    n: u32,
    from: NaiveDate,
    until: NaiveDate,
) {
    let mut k: u32 = 0;
    loop {
        let date = match step {
            Step::Day | Step::Week => {
                let days = u64::from(k) * u64::from(n) * if step == Step::Week { 7 } else { 1 };
                match first.checked_add_days(chrono::Days::new(days)) {
                    Some(d) => Some(d),
                    None => return,
                }
            }
            Step::Month => {
                let months = i64::from(first.month0()) + i64::from(k) * i64::from(n);
                let year = i64::from(first.year()) + months.div_euclid(12);
                let Ok(year) = i32::try_from(year) else {
                    return;
                };
                if year > until.year() {
                    return;
                }
                NaiveDate::from_ymd_opt(year, months.rem_euclid(12) as u32 + 1, first.day())
            }
        };
        if let Some(d) = date {
            if d > until {
                return;
            }
            if d >= from {
                out.push(d);
            }
        }
        k = match k.checked_add(1) {
            Some(k) => k,
            None => return,
        };
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn months(from: NaiveDate, until: NaiveDate, mut f: impl FnMut(i32, u32)) {
    let (mut y, mut m) = (from.year(), from.month());
    while (y, m) <= (until.year(), until.month()) {
        f(y, m);
        if m == 12 {
            y += 1;
            m = 1;
        } else {
            m += 1;
        }
    }
}

fn push_day(out: &mut Vec<NaiveDate>, y: i32, m: u32, day: u32, from: NaiveDate, until: NaiveDate) {
    if let Some(d) = NaiveDate::from_ymd_opt(y, m, day) {
        if (from..=until).contains(&d) {
            out.push(d);
        }
    }
}

/// A recurring reporting duty of a plan.
#[derive(Debug, Clone, Serialize)]
pub struct Duty {
    /// Stable id within the plan.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Who must report.
    pub who: AgencyCell,
    /// To whom, as printed.
    pub to: Option<String>,
    /// When.
    pub schedule: Schedule,
    /// True when due strictly before the day.
    pub before: bool,
    /// First day occurrences may fall on.
    pub from: NaiveDate,
    /// Last day occurrences may fall on.
    pub until: NaiveDate,
    /// The sentence of the plan, verbatim.
    pub quote: String,
    /// Where in the plan.
    pub section: Option<String>,
    /// Editorial note.
    pub note: Option<String>,
}

impl Duty {
    /// Every due date within the duty's period.
    pub fn dates(&self) -> Vec<NaiveDate> {
        self.schedule.dates(self.from, self.until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn monthly_before_the_9th_within_the_plan_period() {
        // 114/KH-BCĐ: first report in October 2025, plan ends 31/12/2025.
        let s = Schedule::Monthly { day: 9 };
        assert_eq!(
            s.dates(d(2025, 10, 1), d(2025, 12, 31)),
            vec![d(2025, 10, 9), d(2025, 11, 9), d(2025, 12, 9)]
        );
        // Nothing after the period ends.
        assert!(s.dates(d(2026, 1, 1), d(2025, 12, 31)).is_empty());
        // A period starting after the 9th skips that month.
        assert_eq!(
            s.dates(d(2025, 9, 10), d(2025, 10, 31)),
            vec![d(2025, 10, 9)]
        );
    }

    #[test]
    fn quarterly_in_the_last_month_of_each_quarter() {
        let s = Schedule::Quarterly { month: 3, day: 15 };
        assert_eq!(
            s.dates(d(2025, 1, 1), d(2025, 12, 31)),
            vec![
                d(2025, 3, 15),
                d(2025, 6, 15),
                d(2025, 9, 15),
                d(2025, 12, 15)
            ]
        );
    }

    #[test]
    fn yearly_and_once() {
        let y = Schedule::Yearly { month: 12, day: 5 };
        assert_eq!(
            y.dates(d(2026, 4, 10), d(2026, 12, 31)),
            vec![d(2026, 12, 5)]
        );
        let o = Schedule::Once {
            date: d(2025, 12, 9),
        };
        assert_eq!(
            o.dates(d(2025, 9, 8), d(2025, 12, 31)),
            vec![d(2025, 12, 9)]
        );
        assert!(o.dates(d(2026, 1, 1), d(2026, 12, 31)).is_empty());
    }

    #[test]
    fn words() {
        assert_eq!(
            Schedule::Monthly { day: 9 }.describe(true),
            "Hằng tháng, trước ngày 9"
        );
        assert_eq!(
            Schedule::Quarterly { month: 3, day: 15 }.describe(false),
            "Hằng quý, chậm nhất ngày 15 của tháng cuối quý"
        );
    }
}
