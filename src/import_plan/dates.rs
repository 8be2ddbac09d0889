//! The order of numeric dates in a column. Vietnamese documents write
//! day-first (`30/6/2025`); a sheet typed on an English system may hold
//! month-first dates (`6/30/2025`). A column is month-first when some date
//! has a second number above 12 and none has a first number above 12; the
//! cells are kept verbatim and their meaning is stated beside them.

use chrono::NaiveDate;

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

/// A numeric date as written: where it is (characters) and its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumericDate {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The first number.
    pub a: u32,
    /// The second number.
    pub b: u32,
    /// The year.
    pub year: i32,
}

/// The numeric dates written `a/b/year` in a text: one or two digits, `/`
/// `.` or `-`, one or two digits, a separator, four digits, standing as a
/// word of their own.
pub fn find_dates(text: &str) -> Vec<NumericDate> {
    let chars: Vec<char> = text.chars().collect();
    let word = |i: usize| {
        chars
            .get(i)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
    };
    // Digits from `i`: their value and the next position, at most `max` of them.
    let digits = |i: usize, max: usize| -> Option<(u32, usize)> {
        let n = chars[i.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if n == 0 || n > max {
            return None;
        }
        let v: String = chars[i..i + n].iter().collect();
        Some((v.parse().ok()?, i + n))
    };
    let sep = |i: usize| chars.get(i).is_some_and(|c| matches!(c, '/' | '.' | '-'));
    let mut out = Vec::new();
    for (start, c) in chars.iter().enumerate() {
        if !c.is_ascii_digit() || (start > 0 && word(start - 1)) {
            continue;
        }
        let found = (|| {
            let (a, i) = digits(start, 2)?;
            sep(i).then_some(())?;
            let (b, i) = digits(i + 1, 2)?;
            sep(i).then_some(())?;
            let (y, end) = digits(i + 1, 4)?;
            (end - (i + 1) == 4 && !word(end)).then_some(NumericDate {
                start,
                end,
                a,
                b,
                year: y as i32,
            })
        })();
        out.extend(found);
    }
    out
}

/// The numeric dates `(a, b, year)` written `a/b/year` in a text.
pub fn numeric_dates(text: &str) -> Vec<(u32, u32, i32)> {
    find_dates(text)
        .into_iter()
        .map(|d| (d.a, d.b, d.year))
        .collect()
}

/// The text with each numeric date's first two numbers swapped
/// (`06/30/2025` → `30/06/2025`): a month-first cell as a day-first one.
pub fn swapped(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for d in find_dates(text) {
        out.extend(&chars[at..d.start]);
        out.push_str(&format!("{}/{}/{}", d.b, d.a, d.year));
        at = d.end;
    }
    out.extend(&chars[at.min(chars.len())..]);
    out
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
        assert_eq!(numeric_dates("123/4/2025 1/2/20256 x1/2/2025"), vec![]);
        assert_eq!(swapped("trước ngày 06/30/2025."), "trước ngày 30/6/2025.");
        assert_eq!(
            numeric_dates("từ 1.2.2025 - 03/4/2026"),
            vec![(1, 2, 2025), (3, 4, 2026)]
        );
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
