//! Property tests of the classes for recurrences with an interval, a count,
//! a qualifier and a start, in both languages: random intervals, counts and
//! dates written in each surface form (random case and spacing) read back
//! to the same meaning; junk in the same shape is flagged, never half-read.

use chrono::Datelike;
use proptest::prelude::*;

use super::super::*;

/// Random letter case and spacing for a phrase given as words.
fn styled(words: &[String], case: u64, space: u64) -> String {
    let mut out = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push_str(if (space >> (k % 64)) & 1 == 1 {
                "  "
            } else {
                " "
            });
        }
        out.push_str(w);
    }
    out.chars()
        .enumerate()
        .flat_map(|(k, c)| {
            let up = (case >> (k % 64)) & 1 == 1;
            let v: Vec<char> = if up {
                c.to_uppercase().collect()
            } else {
                vec![c]
            };
            v
        })
        .collect()
}

fn w(s: &str) -> String {
    s.to_string()
}

pub(super) fn read_en(text: &str) -> Reading {
    en::English.read(
        text,
        Context {
            year: Some(2021),
            date_order: Some(DateOrder::DayMonth),
            ..Context::default()
        },
    )
}

pub(super) fn read_vi(text: &str) -> Reading {
    vi::Vietnamese.read(
        text,
        Context {
            year: Some(2025),
            ..Context::default()
        },
    )
}

fn recurring(text: &str, r: Reading) -> Recurrence {
    assert!(r.flags.is_empty(), "{text:?}: {:?}", r.flags);
    match r.kind {
        DeadlineKind::Recurring { every } => every,
        other => panic!("{text:?}: {other:?}"),
    }
}

/// Units of a cycle: the English word (singular), the Vietnamese word, the
/// unit of the model (`None` for quarters).
const UNITS: [(&str, &str, Option<TimeUnit>); 5] = [
    ("day", "ngày", Some(TimeUnit::Day)),
    ("week", "tuần", Some(TimeUnit::Week)),
    ("month", "tháng", Some(TimeUnit::Month)),
    ("quarter", "quý", None),
    ("year", "năm", Some(TimeUnit::Year)),
];

fn every(n: u32, unit: Option<TimeUnit>) -> Recurrence {
    match unit {
        Some(u) => Recurrence::every(n, u).unwrap(),
        None => Recurrence {
            interval: n,
            ..Recurrence::of(Cycle::Quarterly {
                day: None,
                before: false,
            })
        },
    }
}

const EN_NUMBERS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

proptest! {
    #[test]
    fn every_n_periods_reads_back_in_english(
        n in 2u32..=24, u in 0usize..5, form in 0usize..4, qual in 0usize..4,
        case in any::<u64>(), space in any::<u64>(),
    ) {
        let (en_unit, _, unit) = UNITS[u];
        let count = if form == 1 && n <= 12 { w(EN_NUMBERS[n as usize - 1]) } else { n.to_string() };
        let mut words: Vec<String> = match qual {
            1 => vec![w("at"), w("least")],
            2 => vec![w("minimally")],
            3 => vec![w("ongoing,")],
            _ => vec![],
        };
        words.push(w("every"));
        if form == 2 && n == 2 {
            words.push(w("other"));
            words.push(w(en_unit));
        } else {
            words.push(count);
            words.push(format!("{en_unit}s"));
        }
        if form == 3 {
            words.push(w("or"));
            words.push(w("more"));
            words.push(w("often"));
        }
        let text = styled(&words, case, space);
        let r = recurring(&text, read_en(&text));
        let qualifier = match (qual, form) {
            (1 | 2, _) | (_, 3) => Some(Qualifier::AtLeast),
            _ => None,
        };
        prop_assert_eq!(r, Recurrence { qualifier, ..every(n, unit) }, "{}", text);
    }

    #[test]
    fn every_n_periods_reads_back_in_vietnamese(
        n in 2u32..=24, u in 0usize..5, form in 0usize..6, at_least in any::<bool>(),
        case in any::<u64>(), space in any::<u64>(),
    ) {
        let (_, vi_unit, unit) = UNITS[u];
        let num = if form == 5 { format!("{n:02}") } else { n.to_string() };
        let mut words: Vec<String> = if at_least { vec![w("ít"), w("nhất")] } else { vec![] };
        words.extend(match form {
            0 => vec![w("định"), w("kỳ"), num, w(vi_unit), w("một"), w("lần")],
            1 => vec![num, format!("{vi_unit}/lần")],
            2 => vec![num, w(vi_unit), w("một"), w("lần")],
            3 => vec![w("mỗi"), num, w(vi_unit)],
            4 => vec![w("cứ"), num, w(vi_unit), w("1"), w("lần")],
            _ => vec![w("định"), w("kỳ"), num, w(vi_unit)],
        });
        let text = styled(&words, case, space);
        let r = recurring(&text, read_vi(&text));
        let qualifier = at_least.then_some(Qualifier::AtLeast);
        prop_assert_eq!(r, Recurrence { qualifier, ..every(n, unit) }, "{}", text);
    }

    #[test]
    fn times_per_period_read_back(
        n in 1u32..=12, u in 0usize..5, form in 0usize..3, case in any::<u64>(),
    ) {
        let (en_unit, vi_unit, unit) = UNITS[u];
        let en_words = match (form, n) {
            (0, 2) => vec![w("twice"), w("a"), w(en_unit)],
            (0, 1) => vec![w("once"), w("per"), w(en_unit)],
            (1, _) => vec![n.to_string(), w("times"), w("each"), w(en_unit)],
            _ => vec![n.to_string(), w("reports"), w("per"), w(en_unit)],
        };
        let text = styled(&en_words, case, 0);
        let expected = Recurrence { times: n, ..every(1, unit) };
        prop_assert_eq!(recurring(&text, read_en(&text)), expected, "{}", text);
        let vi_words = match form {
            0 => vec![w("mỗi"), w(vi_unit), n.to_string(), w("lần")],
            1 => vec![n.to_string(), format!("lần/{vi_unit}")],
            _ => vec![n.to_string(), w("lần"), w("mỗi"), w(vi_unit)],
        };
        let text = styled(&vi_words, case, 0);
        prop_assert_eq!(recurring(&text, read_vi(&text)), expected, "{}", text);
    }

    #[test]
    fn a_start_is_read_with_the_recurrence(
        n in 2u32..=12, d in (2000i32..2060, 1u32..=12, 1u32..=28), thereafter in any::<bool>(),
    ) {
        let date = NaiveDate::from_ymd_opt(d.0, d.1, d.2).unwrap();
        let base = every(n, Some(TimeUnit::Month));
        let (en_text, vi_text, start) = if thereafter {
            (
                format!("every {n} months thereafter"),
                format!("định kỳ {n} tháng một lần sau đó"),
                Start::Thereafter,
            )
        } else {
            (
                format!("every {n} months, starting {} {}", date.day(), date.format("%B %Y")),
                format!("định kỳ {n} tháng một lần, bắt đầu từ ngày {}/{}/{}", date.day(), date.month(), date.year()),
                Start::At { due: Due::On { date } },
            )
        };
        let expected = Recurrence { start: Some(start), ..base };
        prop_assert_eq!(recurring(&en_text, read_en(&en_text)), expected, "{}", en_text);
        prop_assert_eq!(recurring(&vi_text, read_vi(&vi_text)), expected, "{}", vi_text);
    }

    /// Junk in the shape of a recurrence is flagged, never half-read.
    #[test]
    fn junk_shaped_like_a_recurrence_is_flagged(
        n in 0u32..=30, junk in "[bcdfgkpqvxz]{3,6}", form in 0usize..4,
    ) {
        let en_text = match form {
            0 => format!("every {n} {junk}s"),
            1 => format!("{n} times a {junk}"),
            2 => format!("at least every {n} {junk}"),
            _ => format!("every 0 months {junk}"),
        };
        let r = read_en(&en_text);
        prop_assert!(!r.flags.is_empty(), "{}: {:?}", en_text, r.kind);
        prop_assert!(!r.kind.is_understood(), "{}: {:?}", en_text, r.kind);
        let vi_text = match form {
            0 => format!("định kỳ {n} {junk} một lần"),
            1 => format!("mỗi {junk} {n} lần"),
            2 => format!("ít nhất {n} {junk}/lần"),
            _ => "định kỳ 0 tháng một lần".to_string(),
        };
        let r = read_vi(&vi_text);
        prop_assert!(!r.flags.is_empty(), "{}: {:?}", vi_text, r.kind);
        prop_assert!(!r.kind.is_understood(), "{}: {:?}", vi_text, r.kind);
    }
}

#[test]
fn two_meanings_are_flagged_not_chosen() {
    for t in [
        "Bimonthly",
        "bi-monthly",
        "Biweekly",
        "bi-weekly",
        "Biannually",
        "bi-annually",
    ] {
        let r = read_en(t);
        assert_eq!(r.kind, DeadlineKind::Unknown, "{t}");
        assert_eq!(r.flags[0].severity, Severity::Ambiguous, "{t}");
    }
    // Unambiguous neighbours are read.
    for (t, r) in [
        ("biennially", every(2, Some(TimeUnit::Year))),
        ("fortnightly", every(2, Some(TimeUnit::Week))),
        ("semi-annually", Recurrence::of(Cycle::SixMonthly)),
    ] {
        assert_eq!(recurring(t, read_en(t)), r, "{t}");
    }
}

#[test]
fn periodic_with_no_period_is_its_own_class() {
    for t in ["Định kỳ", "định kỳ theo quy định", "Thực hiện định kỳ"] {
        let r = read_vi(t);
        assert_eq!(r.kind, DeadlineKind::Periodic, "{t}: {:?}", r.flags);
    }
    for t in ["Periodically", "at regular intervals"] {
        assert_eq!(read_en(t).kind, DeadlineKind::Periodic, "{t}");
    }
}
