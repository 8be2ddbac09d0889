//! The order of numeric dates in a column. Vietnamese documents write
//! day-first (`30/6/2025`); a sheet typed on an English system may hold
//! month-first dates (`6/30/2025`). A column is month-first when some date
//! has a second number above 12 and none has a first number above 12; the
//! cells are kept verbatim and their meaning is stated beside them.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

/// How the numeric dates of a column are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// No numeric date, or none that tells (all numbers ≤ 12).
    Unknown,
    /// Day first: some first number is above 12, none second.
    DayFirst,
    /// Month first: some second number is above 12, none first.
    MonthFirst,
    /// Both kinds appear: each such cell must be checked by hand.
    Mixed,
}

fn date_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b").ok())
        .as_ref()
}

/// The numeric dates `(a, b, year)` written `a/b/year` in a text.
pub fn numeric_dates(text: &str) -> Vec<(u32, u32, i32)> {
    let Some(re) = date_re() else {
        return Vec::new();
    };
    re.captures_iter(text)
        .filter_map(|c| {
            Some((
                c.get(1)?.as_str().parse().ok()?,
                c.get(2)?.as_str().parse().ok()?,
                c.get(3)?.as_str().parse().ok()?,
            ))
        })
        .collect()
}

/// The order of the dates in the cells of one column.
pub fn detect<'a>(cells: impl IntoIterator<Item = &'a str>) -> Order {
    let (mut day_first, mut month_first) = (false, false);
    for cell in cells {
        for (a, b, _) in numeric_dates(cell) {
            if a > 12 && b <= 12 {
                day_first = true;
            }
            if b > 12 && a <= 12 {
                month_first = true;
            }
        }
    }
    match (day_first, month_first) {
        (false, false) => Order::Unknown,
        (true, false) => Order::DayFirst,
        (false, true) => Order::MonthFirst,
        (true, true) => Order::Mixed,
    }
}

/// The days a month-first cell names, in the order written.
pub fn month_first_days(text: &str) -> Vec<NaiveDate> {
    numeric_dates(text)
        .into_iter()
        .filter_map(|(m, d, y)| NaiveDate::from_ymd_opt(y, m, d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn detects_each_order() {
        assert_eq!(detect(["Tháng 9/2025", "Thường xuyên"]), Order::Unknown);
        assert_eq!(detect(["30/6/2025", "01/02/2025"]), Order::DayFirst);
        assert_eq!(detect(["06/30/2025", "01/02/2025"]), Order::MonthFirst);
        assert_eq!(detect(["06/30/2025", "30/06/2025"]), Order::Mixed);
        assert_eq!(
            month_first_days("trước ngày 06/30/2025"),
            vec![NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()]
        );
    }

    proptest! {
        /// A column of random dates written month-first, with at least one
        /// day above 12, is detected as month-first and each cell's day read back.
        #[test]
        fn month_first_columns_are_recognised(
            days in proptest::collection::vec((1u32..=12, 1u32..=28, 2000i32..2100), 1..20),
            big in 13u32..=28,
        ) {
            let mut cells: Vec<String> = days.iter().map(|(m, d, y)| format!("{m}/{d}/{y}")).collect();
            cells.push(format!("1/{big}/2025"));
            prop_assert_eq!(detect(cells.iter().map(String::as_str)), Order::MonthFirst);
            for ((m, d, y), c) in days.iter().zip(&cells) {
                prop_assert_eq!(month_first_days(c), vec![NaiveDate::from_ymd_opt(*y, *m, *d).unwrap()]);
            }
        }
    }
}
