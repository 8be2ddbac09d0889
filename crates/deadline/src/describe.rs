//! Describing a meaning in plain Vietnamese words, beside the printed text.
//!
//! Dates are always written `dd/mm/yyyy` with a four-digit year, so a wrong
//! year (`0025`) can never look right on a page.

use chrono::{Datelike, NaiveDate};

use super::{
    Cycle, DeadlineKind, Due, Length, Offset, Qualifier, Recurrence, Side, Start, TimeUnit, Trigger,
};

/// A date as `dd/mm/yyyy`, the year always four digits.
pub fn vi_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// The Roman numeral of a quarter (1–4); `?` otherwise.
pub fn roman(n: u32) -> &'static str {
    ["I", "II", "III", "IV"]
        .get(n.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

const WEEKDAYS: [&str; 7] = [
    "thứ Hai",
    "thứ Ba",
    "thứ Tư",
    "thứ Năm",
    "thứ Sáu",
    "thứ Bảy",
    "Chủ nhật",
];

impl Due {
    /// The period in plain Vietnamese words (`trong tháng 09/2025`).
    pub fn period_words(&self) -> String {
        match *self {
            Due::On { date } => format!("ngày {}", vi_date(date)),
            Due::Before { date } => format!("trước ngày {}", vi_date(date)),
            Due::Month { year, month } => format!("trong tháng {month:02}/{year:04}"),
            Due::Quarter { year, quarter } => {
                format!("trong quý {} năm {year:04}", roman(quarter))
            }
            Due::Half { year, half } => format!(
                "trong 6 tháng {} năm {year:04}",
                if half == 1 { "đầu" } else { "cuối" }
            ),
            Due::Year { year } => format!("trong năm {year:04}"),
        }
    }

    /// The deadline in plain Vietnamese words, with its last day.
    pub fn describe(&self) -> String {
        match self {
            Due::On { .. } => self.period_words(),
            _ => format!(
                "{} (chậm nhất ngày {})",
                self.period_words(),
                vi_date(self.last_day())
            ),
        }
    }
}

impl TimeUnit {
    /// The unit's Vietnamese noun (the same for any count).
    pub fn vi_word(&self) -> &'static str {
        match self {
            TimeUnit::Hour => "giờ",
            TimeUnit::Day => "ngày",
            TimeUnit::WorkingDay => "ngày làm việc",
            TimeUnit::Week => "tuần",
            TimeUnit::Month => "tháng",
            TimeUnit::Year => "năm",
        }
    }
}

impl Length {
    /// `30 ngày`, `6 tháng`.
    pub fn describe(&self) -> String {
        format!("{} {}", self.count, self.unit.vi_word())
    }
}

impl Offset {
    /// `30 ngày sau`, `trong vòng 30 ngày kể từ`, `10 ngày trước`.
    pub fn describe(&self) -> String {
        let l = self.length.describe();
        match (self.side, self.within) {
            (Side::After, false) => format!("{l} sau"),
            (Side::After, true) => format!("trong vòng {l} kể từ"),
            (Side::Before, false) => format!("{l} trước"),
            (Side::Before, true) => format!("chậm nhất {l} trước"),
        }
    }
}

impl Cycle {
    /// The cycle's count and Vietnamese unit for `interval` cycles
    /// (`SixMonthly` × 2 is 12 months).
    fn vi_unit(&self, interval: u32) -> (u32, &'static str) {
        match self {
            Cycle::Daily => (interval, "ngày"),
            Cycle::Weekly { .. } => (interval, "tuần"),
            Cycle::Monthly { .. } => (interval, "tháng"),
            Cycle::Quarterly { .. } => (interval, "quý"),
            Cycle::SixMonthly => (6 * interval, "tháng"),
            Cycle::Yearly { .. } => (interval, "năm"),
        }
    }

    /// The day in the cycle, when written (`trước ngày 9 của tháng`).
    fn vi_day(&self) -> Option<String> {
        let when = |before: bool| {
            if before {
                "trước ngày"
            } else {
                "chậm nhất ngày"
            }
        };
        match *self {
            Cycle::Weekly { weekday: Some(w) } => Some(format!(
                "vào {}",
                WEEKDAYS.get(w.saturating_sub(1) as usize).unwrap_or(&"?")
            )),
            Cycle::Monthly {
                day: Some(d),
                before,
            } => Some(format!("{} {d} của tháng", when(before))),
            Cycle::Quarterly {
                day: Some(d),
                before,
            } => Some(format!("{} {d} của tháng cuối quý", when(before))),
            Cycle::Yearly {
                on: Some(o),
                before,
            } => Some(format!("{} {:02}/{:02}", when(before), o.day, o.month)),
            _ => None,
        }
    }

    /// Each cycle once, in plain Vietnamese words.
    fn vi_each(&self) -> String {
        let base = match self {
            Cycle::Daily => "Định kỳ hằng ngày",
            Cycle::Weekly { .. } => "Định kỳ hằng tuần",
            Cycle::Monthly { .. } => "Định kỳ hằng tháng",
            Cycle::Quarterly { .. } => "Định kỳ hằng quý",
            Cycle::SixMonthly => "Định kỳ 6 tháng một lần",
            Cycle::Yearly { .. } => "Định kỳ hằng năm",
        };
        match self.vi_day() {
            Some(day) => format!("{base}, {day}"),
            None => base.to_string(),
        }
    }
}

impl Recurrence {
    /// How often, in plain Vietnamese words.
    pub fn describe(&self) -> String {
        let mut words = if self.times > 1 {
            let (n, unit) = self.cycle.vi_unit(self.interval);
            let per = if n == 1 {
                unit.to_string()
            } else {
                format!("{n} {unit}")
            };
            format!("Mỗi {per} {} lần", self.times)
        } else if self.interval > 1 {
            let (n, unit) = self.cycle.vi_unit(self.interval);
            format!("Định kỳ {n} {unit} một lần")
        } else {
            self.cycle.vi_each()
        };
        if self.times > 1 || self.interval > 1 {
            if let Some(day) = self.cycle.vi_day() {
                words = format!("{words}, {day}");
            }
        }
        match self.qualifier {
            Some(Qualifier::AtLeast) => words.push_str(", hoặc thường xuyên hơn"),
            Some(Qualifier::AsOftenAsPossible) => {
                words.push_str(", và thường xuyên hơn nếu có thể")
            }
            None => {}
        }
        match self.start {
            Some(Start::At { due }) => {
                format!("{words}, bắt đầu {}", due.period_words())
            }
            Some(Start::Thereafter) => format!("{words} sau đó"),
            None => words,
        }
    }
}

impl DeadlineKind {
    /// The meaning in plain Vietnamese words.
    pub fn describe(&self) -> String {
        match self {
            DeadlineKind::Due { due } => format!("Hạn: {}", due.describe()),
            DeadlineKind::Span {
                from,
                due: due @ Due::Before { .. },
            } => format!("Từ ngày {}, {}", vi_date(*from), due.describe()),
            DeadlineKind::Span {
                from,
                due: due @ Due::On { .. },
            } => format!("Từ ngày {} đến hết {}", vi_date(*from), due.period_words()),
            DeadlineKind::Span { from, due } => format!(
                "Từ ngày {} đến hết {} (chậm nhất ngày {})",
                vi_date(*from),
                due.period_words().trim_start_matches("trong "),
                vi_date(due.last_day())
            ),
            DeadlineKind::Milestones { items } => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|m| match &m.label {
                        Some(l) => format!("{l}: {}", lower_first(&m.kind.describe())),
                        None => m.kind.describe(),
                    })
                    .collect();
                format!("Nhiều mốc: {}", parts.join("; "))
            }
            DeadlineKind::Recurring { every } => every.describe(),
            DeadlineKind::Ongoing => "Thực hiện thường xuyên, không có hạn cụ thể".into(),
            DeadlineKind::OpenStart { from } => {
                format!("Bắt đầu từ ngày {}, không có ngày kết thúc", vi_date(*from))
            }
            DeadlineKind::Unscheduled {
                offset: Some(offset),
                event: Some(event),
                ..
            } => format!("Không có ngày cụ thể: {}: {event}", offset.describe()),
            DeadlineKind::Unscheduled { trigger, .. } => match trigger {
                Trigger::Event => "Không có ngày cụ thể: tính từ một sự kiện".into(),
                Trigger::OtherPlan => "Không có ngày cụ thể: theo kế hoạch của cơ quan khác".into(),
                Trigger::Regulation => "Không có ngày cụ thể: theo quy định".into(),
                Trigger::Request => "Không có ngày cụ thể: khi có yêu cầu".into(),
                Trigger::Condition => "Không có ngày cụ thể: chỉ khi có phát sinh".into(),
            },
            DeadlineKind::Duration { length } => {
                format!("Trong vòng {} (không ghi ngày bắt đầu)", length.describe())
            }
            DeadlineKind::Urgent => "Khẩn trương, không có hạn cụ thể".into(),
            DeadlineKind::Periodic => "Định kỳ, không ghi rõ bao lâu một lần".into(),
            DeadlineKind::Unknown => "Chưa xác định được hạn từ cách ghi này".into(),
        }
    }

    /// The meaning of a start time ("Thời gian thực hiện") in words.
    pub fn describe_start(&self) -> String {
        match self {
            DeadlineKind::Due { due } => format!("Bắt đầu {}", due.period_words()),
            DeadlineKind::Milestones { items } => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|m| lower_first(&m.kind.describe_start()))
                    .collect();
                format!("Nhiều đợt: {}", parts.join("; "))
            }
            other => other.describe(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_described_to_their_end() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let span = |due| DeadlineKind::Span {
            from: d(2025, 9, 8),
            due,
        };
        assert_eq!(
            span(Due::On {
                date: d(2025, 9, 30)
            })
            .describe(),
            "Từ ngày 08/09/2025 đến hết ngày 30/09/2025"
        );
        assert_eq!(
            span(Due::Year { year: 2030 }).describe(),
            "Từ ngày 08/09/2025 đến hết năm 2030 (chậm nhất ngày 31/12/2030)"
        );
        assert_eq!(
            span(Due::Before {
                date: d(2025, 10, 1)
            })
            .describe(),
            "Từ ngày 08/09/2025, trước ngày 01/10/2025 (chậm nhất ngày 30/09/2025)"
        );
    }

    #[test]
    fn years_print_with_four_digits() {
        let d = NaiveDate::from_ymd_opt(25, 10, 30).unwrap();
        assert_eq!(vi_date(d), "30/10/0025");
        assert_eq!(Due::Year { year: 25 }.period_words(), "trong năm 0025");
        assert_eq!(
            Due::Month { year: 25, month: 9 }.period_words(),
            "trong tháng 09/0025"
        );
    }
}
