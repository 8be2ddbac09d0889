//! Recurrences and lengths of time: how often a duty falls due (its cycle,
//! interval, count, qualifier and start) and a length counted from an
//! event or from no stated start.

use serde::Serialize;

use super::{DayOfYear, Due};

/// How often a recurring duty falls due: the cycle and the day in it,
/// every how many cycles, how many times in each, how strictly, and from
/// when (`every 3 months`, `twice a year`, `at least every 6 months`,
/// `annually, starting 2022`, `hằng năm sau đó`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Recurrence {
    /// The cycle, with the day in it when written.
    #[serde(flatten)]
    pub cycle: Cycle,
    /// Every how many cycles (1: each one; `every 3 months`: 3).
    #[serde(skip_serializing_if = "is_one")]
    pub interval: u32,
    /// How many times in each (1: once; `twice a year`: 2).
    #[serde(skip_serializing_if = "is_one")]
    pub times: u32,
    /// How strictly (`at least`, `as often as possible`), when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// From when it recurs, when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Start>,
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// The cycle of a recurring duty, with the day in it when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "period", rename_all = "snake_case")]
pub enum Cycle {
    /// Every day (`every 10 days` with an interval).
    Daily,
    /// Every week, on a weekday when given (1 = Monday … 7 = Sunday).
    Weekly {
        /// ISO weekday number.
        weekday: Option<u32>,
    },
    /// Every month, by or before day `day` when given.
    Monthly {
        /// Day of the month.
        day: Option<u32>,
        /// True when the text says "before" (`trước ngày 9`).
        before: bool,
    },
    /// Every quarter, by or before day `day` of the quarter's last month when given.
    Quarterly {
        /// Day of the quarter's last month.
        day: Option<u32>,
        /// True when the text says "before".
        before: bool,
    },
    /// Every six months.
    SixMonthly,
    /// Every year, by or before a day when given (`hằng năm, trước ngày 15/12`).
    Yearly {
        /// Day of the year.
        on: Option<DayOfYear>,
        /// True when the text says "before".
        before: bool,
    },
}

/// How strictly a recurrence is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// At least that often: more often also meets it (`at least every 6
    /// months`, `minimally once a year`, `ít nhất mỗi quý một lần`).
    AtLeast,
    /// That often, and more often where possible (`monthly, or as often as
    /// possible`).
    AsOftenAsPossible,
}

/// From when a recurrence runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "start", rename_all = "snake_case")]
pub enum Start {
    /// From a written day or period (`starting 15 January 2021`, `từ năm 2025`).
    At {
        /// The day or period it starts in.
        due: Due,
    },
    /// After the milestone before it in the same cell (`annually
    /// thereafter`, `hằng năm sau đó`).
    Thereafter,
}

/// A unit of a length of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Hours (`24 giờ`).
    Hour,
    /// Calendar days.
    Day,
    /// Working days (`10 working days`, `10 ngày làm việc`).
    WorkingDay,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// A length of time as written (`30 days`, `6 tháng`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Length {
    /// How many units.
    pub count: u32,
    /// Which unit.
    pub unit: TimeUnit,
}

/// Which side of an event a length of time lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// After the event (`30 days after`, `kể từ ngày`).
    After,
    /// Before the event (`10 ngày trước ngày văn bản hết hiệu lực`).
    Before,
}

/// A length of time counted from an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Offset {
    /// How long.
    pub length: Length,
    /// On which side of the event.
    pub side: Side,
    /// True for a limit (`within 30 days of`, `no later than`, `trong
    /// vòng`, `chậm nhất`); false when the time is the length itself
    /// (`6 months after launch`, `Sau 15 ngày kể từ`).
    pub within: bool,
}

impl Recurrence {
    /// Each cycle once, from no stated start.
    pub fn of(cycle: Cycle) -> Recurrence {
        Recurrence {
            cycle,
            interval: 1,
            times: 1,
            qualifier: None,
            start: None,
        }
    }

    /// Every `n` of a unit without a day (`every 3 months`), in the one
    /// form each meaning has: six months is [`Cycle::SixMonthly`], whole
    /// years are years, whole weeks of days are weeks.
    pub fn every(n: u32, unit: TimeUnit) -> Option<Recurrence> {
        let n = n.max(1);
        let (cycle, interval) = match unit {
            TimeUnit::Hour | TimeUnit::WorkingDay => return None,
            TimeUnit::Day if n.is_multiple_of(7) => (Cycle::Weekly { weekday: None }, n / 7),
            TimeUnit::Day => (Cycle::Daily, n),
            TimeUnit::Week => (Cycle::Weekly { weekday: None }, n),
            TimeUnit::Month if n == 6 => (Cycle::SixMonthly, 1),
            TimeUnit::Month if n.is_multiple_of(12) => (
                Cycle::Yearly {
                    on: None,
                    before: false,
                },
                n / 12,
            ),
            TimeUnit::Month => (
                Cycle::Monthly {
                    day: None,
                    before: false,
                },
                n,
            ),
            TimeUnit::Year => (
                Cycle::Yearly {
                    on: None,
                    before: false,
                },
                n,
            ),
        };
        Some(Recurrence {
            interval,
            ..Recurrence::of(cycle)
        })
    }

    /// The cycle's length in months, for the cycles counted in months.
    pub fn months(&self) -> Option<u32> {
        let per = match self.cycle {
            Cycle::Monthly { .. } => 1,
            Cycle::Quarterly { .. } => 3,
            Cycle::SixMonthly => 6,
            Cycle::Yearly { .. } => 12,
            Cycle::Daily | Cycle::Weekly { .. } => return None,
        };
        Some(per * self.interval)
    }
}

impl From<Cycle> for Recurrence {
    fn from(cycle: Cycle) -> Recurrence {
        Recurrence::of(cycle)
    }
}
