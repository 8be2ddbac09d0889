//! The order of day and month in a file's all-number dates. Vietnamese
//! documents write day first (`30/6/2025`); a sheet typed on an English
//! system may write month first (`6/30/2025`). The order is decided once
//! for the whole file, from every date that settles it in any column (a
//! number above 12 in either place, or a date cell whose number format puts
//! one first), and applied to every date column; a file in which no date
//! settles it is said so, never silently read one way.

use chrono::NaiveDate;

/// How a file's all-number dates are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// No date settles it (every day and month are both 12 or less).
    Unknown,
    /// Day first: some date has a first number above 12, none a second.
    DayFirst,
    /// Month first: some date has a second number above 12, none a first.
    MonthFirst,
    /// Both kinds appear: each cell that cannot tell must be checked.
    Mixed,
}

/// A date that settles the order, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence<P> {
    /// Where (a grid position, a cell name).
    pub at: P,
    /// The date as shown.
    pub text: String,
    /// The order it shows.
    pub order: Order,
}

/// What the dates of a file say about their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision<P> {
    /// The order decided.
    pub order: Order,
    /// The dates that settle it, first seen first.
    pub evidence: Vec<Evidence<P>>,
    /// Cells with a date whose two numbers are both 12 or less and differ:
    /// their meaning depends on the order.
    pub unclear: Vec<P>,
}

impl<P> Decision<P> {
    /// The first evidence of an order.
    pub fn first(&self, order: Order) -> Option<&Evidence<P>> {
        self.evidence.iter().find(|e| e.order == order)
    }

    /// How many dates show an order.
    pub fn count(&self, order: Order) -> usize {
        self.evidence.iter().filter(|e| e.order == order).count()
    }
}

/// The order a set of evidence settles.
fn settled<P>(evidence: &[Evidence<P>]) -> Order {
    let day = evidence.iter().any(|e| e.order == Order::DayFirst);
    let month = evidence.iter().any(|e| e.order == Order::MonthFirst);
    match (day, month) {
        (false, false) => Order::Unknown,
        (true, false) => Order::DayFirst,
        (false, true) => Order::MonthFirst,
        (true, true) => Order::Mixed,
    }
}

/// What one cell says: the order each of its dates shows.
fn orders_in(text: &str) -> (Vec<Order>, bool) {
    let mut out = Vec::new();
    let mut unclear = false;
    for (a, b, _) in numeric_dates(text) {
        if a > 12 && b <= 12 {
            out.push(Order::DayFirst);
        } else if b > 12 && a <= 12 {
            out.push(Order::MonthFirst);
        } else if a <= 12 && b <= 12 && a != b {
            unclear = true;
        }
    }
    (out, unclear)
}

/// Decides the order from text cells (`at`, text) and from date cells
/// whose format orders day and month (`at`, text shown, order): every
/// column of the file counts. Dates typed as text settle how the file's
/// text is written; the formats of date cells (whose values are known
/// anyway) decide only when no text date does.
pub fn decide<P: Clone>(
    texts: impl IntoIterator<Item = (P, String)>,
    formatted: impl IntoIterator<Item = (P, String, Order)>,
) -> Decision<P> {
    let mut evidence = Vec::new();
    let mut unclear = Vec::new();
    for (at, text) in texts {
        let (orders, vague) = orders_in(&text);
        for order in orders {
            evidence.push(Evidence {
                at: at.clone(),
                text: text.clone(),
                order,
            });
        }
        if vague {
            unclear.push(at);
        }
    }
    let from_text = settled(&evidence);
    let typed = evidence.len();
    for (at, text, order) in formatted {
        evidence.push(Evidence { at, text, order });
    }
    let order = match from_text {
        Order::Unknown => settled(&evidence[typed..]),
        o => o,
    };
    Decision {
        order,
        evidence,
        unclear,
    }
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

    fn decide_texts(cells: &[&str]) -> Decision<usize> {
        decide(
            cells.iter().enumerate().map(|(i, c)| (i, c.to_string())),
            Vec::new(),
        )
    }

    #[test]
    fn decides_each_order() {
        assert_eq!(
            decide_texts(&["Tháng 9/2025", "Thường xuyên"]).order,
            Order::Unknown
        );
        assert_eq!(
            decide_texts(&["30/6/2025", "01/02/2025"]).order,
            Order::DayFirst
        );
        let d = decide_texts(&["06/30/2025", "01/02/2025", "5/5/2025"]);
        assert_eq!(d.order, Order::MonthFirst);
        // 5/5 means one day either way: only 01/02 depends on the order.
        assert_eq!(d.unclear, vec![1]);
        assert_eq!(d.first(Order::MonthFirst).map(|e| e.at), Some(0));
        assert_eq!(
            decide_texts(&["06/30/2025", "30/06/2025"]).order,
            Order::Mixed
        );
        // A date cell's format settles the order as well as a day above 12.
        let d = decide(
            vec![(0, "6/1/2025".to_string())],
            vec![(1, "06/01/2025".to_string(), Order::MonthFirst)],
        );
        assert_eq!((d.order, d.unclear.len()), (Order::MonthFirst, 1));
        // Dates typed as text outweigh the formats of date cells.
        let d = decide(
            vec![(0, "6/13/2025".to_string())],
            vec![(1, "01/09/2025".to_string(), Order::DayFirst)],
        );
        assert_eq!(d.order, Order::MonthFirst);
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
            let d = decide(cells.iter().cloned().enumerate(), Vec::new());
            prop_assert_eq!(d.order, Order::MonthFirst);
            for ((m, d, y), c) in days.iter().zip(&cells) {
                prop_assert_eq!(month_first_days(c), vec![NaiveDate::from_ymd_opt(*y, *m, *d).unwrap()]);
            }
        }
    }
}
