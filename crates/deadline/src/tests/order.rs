//! All-number dates in a Vietnamese plan whose table writes them month
//! first (`date_order: month_day` in `tasks.yaml`): read month first in
//! every form that holds them, and day first otherwise.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::super::*;

fn read(text: &str, order: Option<DateOrder>) -> Deadline {
    Deadline::read(
        &vi::Vietnamese,
        text,
        Context {
            year: Some(2025),
            date_order: order,
            ..Context::default()
        },
    )
}

fn on(y: i32, m: u32, d: u32) -> DeadlineKind {
    DeadlineKind::Due {
        due: Due::On {
            date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        },
    }
}

#[test]
fn month_first_tables_read_month_first() {
    let mf = Some(DateOrder::MonthDay);
    assert_eq!(read("6/1/2025", mf).kind, on(2025, 6, 1));
    assert_eq!(read("6/1/2025", None).kind, on(2025, 1, 6));
    assert_eq!(read("06/13/2025", mf).kind, on(2025, 6, 13));
    // A day-first date in a month-first table cannot exist: flagged.
    assert!(!read("13/06/2025", mf).flags.is_empty());
    // Months with their year and ISO dates have one order only.
    assert_eq!(
        read("6/2025", mf).kind,
        DeadlineKind::Due {
            due: Due::Month {
                year: 2025,
                month: 6
            }
        }
    );
    assert_eq!(read("2025-06-01", mf).kind, on(2025, 6, 1));
    assert_eq!(
        read("trước ngày 6/30/2025", mf).kind,
        DeadlineKind::Due {
            due: Due::Before {
                date: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
            }
        }
    );
}

proptest! {
    /// Any day written month first with any separator and padding reads
    /// back to that day in a month-first table.
    #[test]
    fn any_month_first_date_reads_back(
        day in 1u32..=28, month in 1u32..=12, year in 2000i32..2100,
        pad in any::<bool>(), sep in prop::sample::select(vec!['/', '.', '-']),
    ) {
        let n = |v: u32| if pad { format!("{v:02}") } else { v.to_string() };
        let text = format!("{}{sep}{}{sep}{year}", n(month), n(day));
        let d = read(&text, Some(DateOrder::MonthDay));
        prop_assert_eq!(d.kind, on(year, month, day), "{}", text);
    }
}
