//! The English grammar by class: every surface form reads to its meaning,
//! impossible and ambiguous forms are flagged, and (property tests) random
//! dates written in each form read back; noise is never half-read.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::super::grammar::{Context, DateOrder, Grammar, Severity};
use super::super::{Cycle, DayOfYear, DeadlineKind, Due, Recurrence};
use super::English;

fn ctx() -> Context {
    Context {
        year: Some(2020),
        date_order: Some(DateOrder::MonthDay),
        fiscal_year_start: Some(10),
    }
}

fn read(s: &str) -> DeadlineKind {
    let r = English.read(s, ctx());
    assert!(r.flags.is_empty(), "{s:?}: {:?}", r.flags);
    r.kind
}

fn flag(s: &str, c: Context) -> Severity {
    let r = English.read(s, c);
    assert_eq!(r.kind, DeadlineKind::Unknown, "{s:?}");
    assert_eq!(r.flags.len(), 1, "{s:?}: {:?}", r.flags);
    r.flags[0].severity
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn on(y: i32, m: u32, d: u32) -> DeadlineKind {
    DeadlineKind::Due {
        due: Due::On { date: day(y, m, d) },
    }
}

#[test]
fn days_in_the_usual_forms() {
    for s in [
        "December 31, 2020",
        "Dec 31, 2020",
        "Dec. 31st 2020",
        "31 December 2020",
        "31st of December, 2020",
        "the 31st of December 2020",
        "2020-12-31",
        "2020/12/31",
        "12/31/2020",
        "12-31-2020",
        "by December 31, 2020",
        "no later than 31 December 2020",
        "Due 2020-12-31.",
        "December 31, 2020 (tentative)",
    ] {
        assert_eq!(read(s), on(2020, 12, 31), "{s}");
    }
}

#[test]
fn all_number_dates_follow_the_declared_order_and_are_never_guessed() {
    let dm = Context {
        date_order: Some(DateOrder::DayMonth),
        ..ctx()
    };
    assert_eq!(English.read("03/04/2021", dm).kind, on(2021, 4, 3));
    assert_eq!(English.read("03/04/2021", ctx()).kind, on(2021, 3, 4));
    let none = Context {
        date_order: None,
        ..ctx()
    };
    assert_eq!(flag("03/04/2021", none), Severity::Ambiguous);
    // Only one reading possible: read without a declared order.
    assert_eq!(English.read("12/31/2020", none).kind, on(2020, 12, 31));
    assert_eq!(English.read("31/12/2020", none).kind, on(2020, 12, 31));
    // The declared order makes 31/12 impossible.
    assert_eq!(flag("31/12/2020", ctx()), Severity::Impossible);
    assert_eq!(flag("February 30, 2021", ctx()), Severity::Impossible);
}

#[test]
fn months_quarters_halves_and_years() {
    let month = |y, m| DeadlineKind::Due {
        due: Due::Month { year: y, month: m },
    };
    let quarter = |y, q| DeadlineKind::Due {
        due: Due::Quarter {
            year: y,
            quarter: q,
        },
    };
    assert_eq!(read("March 2021"), month(2021, 3));
    assert_eq!(read("Sept. 2021"), month(2021, 9));
    assert_eq!(read("2021-03"), month(2021, 3));
    assert_eq!(read("03/2021"), month(2021, 3));
    assert_eq!(read("end of June 2021"), month(2021, 6));
    assert_eq!(read("by the end of June"), month(2020, 6));
    for s in [
        "Q4 2020",
        "Q4, 2020",
        "2020 Q4",
        "2020-Q4",
        "4th quarter of 2020",
        "fourth quarter 2020",
        "Q4",
        "by Q4 2020",
        "in Q4 2020",
    ] {
        assert_eq!(read(s), quarter(2020, 4), "{s}");
    }
    for s in ["H1 2021", "first half of 2021", "1st half 2021"] {
        assert_eq!(
            read(s),
            DeadlineKind::Due {
                due: Due::Half {
                    year: 2021,
                    half: 1
                }
            },
            "{s}"
        );
    }
    for s in [
        "2021",
        "in 2021",
        "by end of 2021",
        "by the end of 2021",
        "calendar year 2021",
        "CY2021",
    ] {
        assert_eq!(
            read(s),
            DeadlineKind::Due {
                due: Due::Year { year: 2021 }
            },
            "{s}"
        );
    }
}

#[test]
fn fiscal_years_follow_the_declared_start() {
    let fy21 = DeadlineKind::Span {
        from: day(2020, 10, 1),
        due: Due::On {
            date: day(2021, 9, 30),
        },
    };
    for s in [
        "FY 2021",
        "FY2021",
        "FY21",
        "FY 2020/21",
        "FY 2020-2021",
        "fiscal year 2021",
        "fiscal 2021",
    ] {
        assert_eq!(read(s), fy21, "{s}");
    }
    assert_eq!(read("by FY 2021"), on(2021, 9, 30));
    assert_eq!(
        read("before FY 2021"),
        DeadlineKind::Due {
            due: Due::Before {
                date: day(2020, 10, 1)
            }
        }
    );
    // Quarter 1 of FY 2021 starting in October is October–December 2020.
    assert_eq!(
        read("Q1 FY2021"),
        DeadlineKind::Due {
            due: Due::Quarter {
                year: 2020,
                quarter: 4
            }
        }
    );
    let jan = Context {
        fiscal_year_start: Some(1),
        ..ctx()
    };
    assert_eq!(
        English.read("FY 2021", jan).kind,
        DeadlineKind::Due {
            due: Due::Year { year: 2021 }
        }
    );
    let undeclared = Context {
        fiscal_year_start: None,
        ..ctx()
    };
    assert_eq!(flag("FY 2021", undeclared), Severity::Ambiguous);
    assert_eq!(flag("FY 2020/22", ctx()), Severity::Impossible);
}

#[test]
fn before_is_strict_and_by_is_inclusive() {
    let before = |d| DeadlineKind::Due {
        due: Due::Before { date: d },
    };
    assert_eq!(read("before December 31, 2020"), before(day(2020, 12, 31)));
    assert_eq!(read("prior to 2021"), before(day(2021, 1, 1)));
    assert_eq!(read("before Q2 2021"), before(day(2021, 4, 1)));
    assert_eq!(read("on or before 31 March 2021"), on(2021, 3, 31));
    assert_eq!(
        read("before the end of 2021"),
        DeadlineKind::Due {
            due: Due::Year { year: 2021 }
        }
    );
    assert_eq!(
        read("Dec 2020 - Mar 2021"),
        DeadlineKind::Span {
            from: day(2020, 12, 1),
            due: Due::Month {
                year: 2021,
                month: 3
            }
        }
    );
    assert_eq!(read("12.31.2020"), on(2020, 12, 31));
}

#[test]
fn spans_and_open_starts() {
    let span = |f, due| DeadlineKind::Span { from: f, due };
    assert_eq!(
        read("2021-2025"),
        span(day(2021, 1, 1), Due::Year { year: 2025 })
    );
    assert_eq!(
        read("2021 – 2025"),
        span(day(2021, 1, 1), Due::Year { year: 2025 })
    );
    assert_eq!(
        read("from January 2021 to June 2021"),
        span(
            day(2021, 1, 1),
            Due::Month {
                year: 2021,
                month: 6
            }
        )
    );
    assert_eq!(
        read("January - June 2021"),
        span(
            day(2021, 1, 1),
            Due::Month {
                year: 2021,
                month: 6
            }
        )
    );
    assert_eq!(
        read("between Q1 2021 and Q3 2021"),
        span(
            day(2021, 1, 1),
            Due::Quarter {
                year: 2021,
                quarter: 3
            }
        )
    );
    let open = |f| DeadlineKind::OpenStart { from: f };
    assert_eq!(read("from 2021"), open(day(2021, 1, 1)));
    assert_eq!(read("starting March 2021"), open(day(2021, 3, 1)));
    assert_eq!(read("2021 onwards"), open(day(2021, 1, 1)));
    assert_eq!(flag("2025-2021", ctx()), Severity::Impossible);
}

#[test]
fn ongoing_and_recurring() {
    for s in [
        "Ongoing",
        "on-going",
        "Continuous",
        "on an ongoing basis",
        "Regularly",
    ] {
        assert_eq!(read(s), DeadlineKind::Ongoing, "{s}");
    }
    let every = |r| DeadlineKind::Recurring { every: r };
    for s in ["Annually", "yearly", "every year", "once a year"] {
        assert_eq!(
            read(s),
            every(Recurrence::from(Cycle::Yearly {
                on: None,
                before: false
            })),
            "{s}"
        );
    }
    assert_eq!(
        read("annually by 15 December"),
        every(Recurrence::from(Cycle::Yearly {
            on: Some(DayOfYear { day: 15, month: 12 }),
            before: false
        }))
    );
    assert_eq!(
        read("Annually, before December 15th"),
        every(Recurrence::from(Cycle::Yearly {
            on: Some(DayOfYear { day: 15, month: 12 }),
            before: true
        }))
    );
    assert_eq!(
        read("Quarterly"),
        every(Recurrence::from(Cycle::Quarterly {
            day: None,
            before: false
        }))
    );
    assert_eq!(
        read("Monthly"),
        every(Recurrence::from(Cycle::Monthly {
            day: None,
            before: false
        }))
    );
    assert_eq!(
        read("monthly, by the 10th"),
        every(Recurrence::from(Cycle::Monthly {
            day: Some(10),
            before: false
        }))
    );
    assert_eq!(
        read("before the 5th of each month"),
        every(Recurrence::from(Cycle::Monthly {
            day: Some(5),
            before: true
        }))
    );
    assert_eq!(
        read("semi-annually"),
        every(Recurrence::from(Cycle::SixMonthly))
    );
    assert_eq!(
        read("weekly"),
        every(Recurrence::from(Cycle::Weekly { weekday: None }))
    );
    assert_eq!(flag("annually by 30 February", ctx()), Severity::Impossible);
    assert!(!English.read("not ongoing", ctx()).kind.is_understood());
}

#[test]
fn milestones_with_labels() {
    let k = read("Draft: March 2021; Final report by June 30, 2021");
    let DeadlineKind::Milestones { items } = k else {
        panic!("{k:?}")
    };
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].label.as_deref(), Some("Draft"));
    assert_eq!(items[1].label.as_deref(), Some("Final report"));
    assert_eq!(items[1].kind, on(2021, 6, 30));
    let k = read("Q1 2021 and Q3 2021");
    assert!(
        matches!(k, DeadlineKind::Milestones { ref items } if items.len() == 2),
        "{k:?}"
    );
    let k = read("- Pilot: Q2 2021\n- Rollout: 2022");
    assert!(
        matches!(k, DeadlineKind::Milestones { ref items } if items.len() == 2),
        "{k:?}"
    );
}

#[test]
fn struck_through_dates_are_revised_and_the_later_holds() {
    assert_eq!(
        read("~~March 2020~~ June 2020"),
        DeadlineKind::Due {
            due: Due::Month {
                year: 2020,
                month: 6
            }
        }
    );
    assert_eq!(read("by ~~31 March 2021~~ 30 June 2021"), on(2021, 6, 30));
    let r = English.read("~~March 2020~~", ctx());
    assert_eq!(r.kind, DeadlineKind::Unknown);
    assert!(r.flags[0].message.contains("struck"), "{:?}", r.flags);
}

#[test]
fn unknown_words_and_alternatives_are_flagged_whole() {
    assert_eq!(
        flag("subject to budget availability", Context::default()),
        Severity::NotUnderstood
    );
    assert_eq!(flag("soon", ctx()), Severity::NotUnderstood);
    assert_eq!(flag("to be determined", ctx()), Severity::NotUnderstood);
    assert_eq!(flag("Q1 or Q2 2021", ctx()), Severity::Ambiguous);
    assert_eq!(
        flag("sometime in Marchember 2021", ctx()),
        Severity::NotUnderstood
    );
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (0u64..40_000).prop_map(|n| day(1990, 1, 1) + chrono::Days::new(n))
}

fn case(s: &str, bits: u64) -> String {
    s.chars()
        .enumerate()
        .map(|(k, c)| {
            if bits >> (k % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

proptest! {
    /// Every day, in each written form and random letter case, reads back.
    #[test]
    fn days_read_back_in_every_form(d in any_day(), form in 0usize..6, bits in any::<u64>()) {
        use chrono::Datelike;
        let (y, m, dd) = (d.year(), d.month(), d.day());
        let name = MONTHS[m as usize - 1];
        let s = match form {
            0 => format!("{name} {dd}, {y}"),
            1 => format!("{dd} {name} {y}"),
            2 => format!("{y}-{m:02}-{dd:02}"),
            3 => format!("{m}/{dd}/{y}"),
            4 => format!("by {} {dd}, {y}", &name[..3]),
            _ => format!("the {dd}th of {name} {y}"),
        };
        let s = case(&s, bits);
        let r = English.read(&s, ctx());
        prop_assert_eq!(r.kind, on(y, m, dd), "{}", s);
    }

    /// Months, quarters and fiscal years read back.
    #[test]
    fn periods_read_back(y in 1990i32..2100, m in 1u32..=12, q in 1u32..=4) {
        let r = English.read(&format!("{} {y}", MONTHS[m as usize - 1]), ctx());
        prop_assert_eq!(r.kind, DeadlineKind::Due { due: Due::Month { year: y, month: m } });
        let r = English.read(&format!("Q{q} {y}"), ctx());
        prop_assert_eq!(r.kind, DeadlineKind::Due { due: Due::Quarter { year: y, quarter: q } });
        let r = English.read(&format!("FY {y}"), Context { fiscal_year_start: Some(m), ..ctx() });
        let first = if m == 1 { day(y, 1, 1) } else { day(y - 1, m, 1) };
        let last = if m == 1 { day(y, 12, 31) } else { day(y, m, 1).pred_opt().unwrap() };
        let (from, due) = match r.kind {
            DeadlineKind::Span { from, due } => (from, due),
            DeadlineKind::Due { due } => (due.first_day(), due),
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        prop_assert_eq!((from, due.last_day()), (first, last));
    }

    /// A struck date never holds: the reading is the unstruck one's.
    #[test]
    fn the_later_of_a_revision_holds(a in any_day(), b in any_day()) {
        let s = format!("~~{}~~ {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"));
        use chrono::Datelike;
        prop_assert_eq!(English.read(&s, ctx()).kind, on(b.year(), b.month(), b.day()));
    }

    /// Arbitrary text never panics, and what is not understood is flagged.
    #[test]
    fn noise_is_flagged_never_half_read(s in "\\PC{0,60}") {
        let r = English.read(&s, ctx());
        if !r.kind.is_understood() {
            prop_assert!(!r.flags.is_empty());
        }
    }
}
