//! The words of deadlines in each language: the Vietnamese ones those the
//! model has always written, English ones for every kind.

use super::super::I18n;
use super::*;
use crate::model::deadline::{DayOfYear, Milestone};
use proptest::prelude::*;

fn day() -> impl Strategy<Value = NaiveDate> {
    (0u64..20_000).prop_map(|n| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(n))
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

fn cycle() -> impl Strategy<Value = Cycle> {
    prop_oneof![
        Just(Cycle::Daily),
        proptest::option::of(1u32..=7).prop_map(|weekday| Cycle::Weekly { weekday }),
        (proptest::option::of(1u32..=31), any::<bool>())
            .prop_map(|(day, before)| Cycle::Monthly { day, before }),
        (proptest::option::of(1u32..=31), any::<bool>())
            .prop_map(|(day, before)| Cycle::Quarterly { day, before }),
        Just(Cycle::SixMonthly),
        (proptest::option::of((1u32..=28, 1u32..=12)), any::<bool>()).prop_map(|(on, before)| {
            Cycle::Yearly {
                on: on.map(|(day, month)| DayOfYear { day, month }),
                before,
            }
        }),
    ]
}

fn recurrence() -> impl Strategy<Value = Recurrence> {
    (
        cycle(),
        prop_oneof![3 => Just(1u32), 1 => 2u32..=12],
        prop_oneof![3 => Just(1u32), 1 => 2u32..=6],
        proptest::option::of(prop_oneof![
            Just(Qualifier::AtLeast),
            Just(Qualifier::AsOftenAsPossible)
        ]),
        proptest::option::of(prop_oneof![
            due().prop_map(|due| Start::At { due }),
            Just(Start::Thereafter)
        ]),
    )
        .prop_map(|(cycle, interval, times, qualifier, start)| Recurrence {
            cycle,
            interval,
            times,
            qualifier,
            start,
        })
}

fn length() -> impl Strategy<Value = Length> {
    (
        1u32..=400,
        prop_oneof![
            Just(TimeUnit::Hour),
            Just(TimeUnit::Day),
            Just(TimeUnit::WorkingDay),
            Just(TimeUnit::Week),
            Just(TimeUnit::Month),
            Just(TimeUnit::Year)
        ],
    )
        .prop_map(|(count, unit)| Length { count, unit })
}

fn simple() -> impl Strategy<Value = DeadlineKind> {
    prop_oneof![
        due().prop_map(|due| DeadlineKind::Due { due }),
        (day(), due()).prop_map(|(from, due)| DeadlineKind::Span { from, due }),
        recurrence().prop_map(|every| DeadlineKind::Recurring { every }),
        Just(DeadlineKind::Ongoing),
        day().prop_map(|from| DeadlineKind::OpenStart { from }),
        (
            prop_oneof![
                Just(Trigger::Event),
                Just(Trigger::OtherPlan),
                Just(Trigger::Regulation),
                Just(Trigger::Request),
                Just(Trigger::Condition)
            ],
            proptest::option::of((
                length(),
                prop_oneof![Just(Side::After), Just(Side::Before)],
                any::<bool>()
            )),
            proptest::option::of("[a-z][a-z ]{0,20}"),
        )
            .prop_map(|(trigger, offset, event)| DeadlineKind::Unscheduled {
                trigger,
                offset: offset.map(|(length, side, within)| Offset {
                    length,
                    side,
                    within
                }),
                event,
            }),
        length().prop_map(|length| DeadlineKind::Duration { length }),
        Just(DeadlineKind::Urgent),
        Just(DeadlineKind::Periodic),
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
            every: Recurrence::of(Cycle::Yearly {
                on: Some(DayOfYear { day: 15, month: 12 }),
                before: false
            })
        })
        .unwrap(),
        "Every year, by 15 December"
    );
    let every = |n: u32, cycle| DeadlineKind::Recurring {
        every: Recurrence {
            interval: n,
            ..Recurrence::of(cycle)
        },
    };
    let monthly = Cycle::Monthly {
        day: None,
        before: false,
    };
    assert_eq!(en.deadline(&every(3, monthly)).unwrap(), "Every 3 months");
    assert_eq!(
        en.deadline(&DeadlineKind::Recurring {
            every: Recurrence {
                times: 2,
                qualifier: Some(Qualifier::AtLeast),
                ..Recurrence::of(Cycle::Yearly {
                    on: None,
                    before: false
                })
            }
        })
        .unwrap(),
        "2 times a year, or more often"
    );
    assert_eq!(
        en.deadline(&DeadlineKind::Unscheduled {
            trigger: Trigger::Event,
            offset: Some(Offset {
                length: Length {
                    count: 30,
                    unit: TimeUnit::Day
                },
                side: Side::After,
                within: false
            }),
            event: Some("the guidance is issued".into())
        })
        .unwrap(),
        "No calendar date: 30 days after: the guidance is issued"
    );
    assert_eq!(
        en.deadline(&DeadlineKind::Duration {
            length: Length {
                count: 1,
                unit: TimeUnit::Month
            }
        })
        .unwrap(),
        "Within 1 month (no start date given)"
    );
}
