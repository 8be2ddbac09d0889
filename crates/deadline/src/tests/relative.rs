//! Property tests of the classes with no calendar date and of revisions,
//! in both languages: durations with no start, lengths of time from a
//! named event (the event's words kept verbatim), compound cells of
//! different kinds, revised dates in every markup, urgent and conditional
//! cells. Junk in the same shapes is flagged, never half-read.

use chrono::Datelike;
use proptest::prelude::*;

use super::super::*;
use super::cadence::{read_en, read_vi};

fn understood(text: &str, r: Reading) -> DeadlineKind {
    assert!(r.flags.is_empty(), "{text:?}: {:?}", r.flags);
    r.kind
}

const EN_UNITS: [(&str, TimeUnit); 5] = [
    ("day", TimeUnit::Day),
    ("working day", TimeUnit::WorkingDay),
    ("week", TimeUnit::Week),
    ("month", TimeUnit::Month),
    ("year", TimeUnit::Year),
];

const VI_UNITS: [(&str, TimeUnit); 5] = [
    ("ngày", TimeUnit::Day),
    ("ngày làm việc", TimeUnit::WorkingDay),
    ("tuần", TimeUnit::Week),
    ("tháng", TimeUnit::Month),
    ("năm", TimeUnit::Year),
];

/// Words naming an event: no word of either grammar (consonants only).
fn event_words() -> impl Strategy<Value = String> {
    prop::collection::vec("[bcdfghklmnpqrstvx]{2,7}", 1..5).prop_map(|w| w.join(" "))
}

fn plural(unit: &str, n: u32) -> String {
    if n == 1 {
        unit.to_string()
    } else {
        format!("{unit}s")
    }
}

proptest! {
    #[test]
    fn durations_read_back(n in 1u32..=400, u in 0usize..5, lead in 0usize..5, upper in any::<bool>()) {
        let (en_unit, unit) = EN_UNITS[u];
        let en_lead = ["", "within ", "in ", "up to ", "within the next "][lead];
        let text = format!("{en_lead}{n} {}", plural(en_unit, n));
        let text = if upper { text.to_uppercase() } else { text };
        let expected = DeadlineKind::Duration { length: Length { count: n, unit } };
        prop_assert_eq!(understood(&text, read_en(&text)), expected.clone(), "{}", text);
        let (vi_unit, unit) = VI_UNITS[u];
        let vi_lead = ["", "trong ", "trong vòng ", "trong thời hạn ", "không quá "][lead];
        let text = format!("{vi_lead}{n} {vi_unit}");
        let expected = DeadlineKind::Duration { length: Length { count: n, unit } };
        prop_assert_eq!(understood(&text, read_vi(&text)), expected, "{}", text);
    }

    #[test]
    fn lengths_from_a_named_event_read_back(
        n in 1u32..=400, u in 0usize..5, form in 0usize..4, event in event_words(),
    ) {
        let (en_unit, unit) = EN_UNITS[u];
        let length = Length { count: n, unit };
        let (text, side, within) = match form {
            0 => (format!("{n} {} after {event}", plural(en_unit, n)), Side::After, false),
            1 => (format!("within {n} {} of {event}", plural(en_unit, n)), Side::After, true),
            2 => (format!("no later than {n} {} after {event}.", plural(en_unit, n)), Side::After, true),
            _ => (format!("{n} {} before {event}", plural(en_unit, n)), Side::Before, false),
        };
        let expected = DeadlineKind::Unscheduled {
            trigger: Trigger::Event,
            offset: Some(Offset { length, side, within }),
            event: Some(event.clone()),
        };
        prop_assert_eq!(understood(&text, read_en(&text)), expected, "{}", text);
        let (vi_unit, _) = VI_UNITS[u];
        let (text, side, within) = match form {
            0 => (format!("Sau {n} {vi_unit} kể từ ngày {event}"), Side::After, false),
            1 => (format!("trong vòng {n} {vi_unit} kể từ ngày {event}"), Side::After, true),
            2 => (format!("chậm nhất {n} {vi_unit} sau khi {event}."), Side::After, true),
            _ => (format!("chậm nhất là {n} {vi_unit} trước ngày {event}"), Side::Before, true),
        };
        let expected = DeadlineKind::Unscheduled {
            trigger: Trigger::Event,
            offset: Some(Offset { length, side, within }),
            event: Some(event.clone()),
        };
        prop_assert_eq!(understood(&text, read_vi(&text)), expected, "{}", text);
    }

    /// An event-relative start, then a recurring duty: each clause read on
    /// its own, the cell's meaning the two together.
    #[test]
    fn compound_cells_read_each_clause(
        n in 1u32..=24, event in event_words(), joint in 0usize..3, yearly in any::<bool>(),
    ) {
        let en_joint = ["; ", " and ", ", "][joint];
        let (en_cycle, vi_cycle, cycle) = if yearly {
            ("annually", "hằng năm", Cycle::Yearly { on: None, before: false })
        } else {
            ("quarterly", "hằng quý", Cycle::Quarterly { day: None, before: false })
        };
        let then = DeadlineKind::Recurring {
            every: Recurrence { start: Some(Start::Thereafter), ..Recurrence::of(cycle) },
        };
        let first = DeadlineKind::Unscheduled {
            trigger: Trigger::Event,
            offset: Some(Offset {
                length: Length { count: n, unit: TimeUnit::Month },
                side: Side::After,
                within: true,
            }),
            event: Some(event.clone()),
        };
        let text = format!("Within {n} {} after {event}{en_joint}{en_cycle} thereafter", plural("month", n));
        let DeadlineKind::Milestones { items } = understood(&text, read_en(&text)) else {
            panic!("{text}");
        };
        prop_assert_eq!(items.len(), 2);
        prop_assert_eq!(&items[0].kind, &first, "{}", text);
        prop_assert_eq!(&items[1].kind, &then, "{}", text);
        let vi_joint = ["; ", " và ", ", "][joint];
        let text = format!("Trong vòng {n} tháng kể từ ngày {event}{vi_joint}{vi_cycle} sau đó");
        let DeadlineKind::Milestones { items } = understood(&text, read_vi(&text)) else {
            panic!("{text}");
        };
        prop_assert_eq!(items.len(), 2);
        prop_assert_eq!(&items[0].kind, &first, "{}", text);
        prop_assert_eq!(&items[1].kind, &then, "{}", text);
    }

    /// The later, unstruck date holds, in every markup of a revision.
    #[test]
    fn revised_dates_read_the_later_date(
        old in (2000i32..2060, 1u32..=12, 1u32..=28),
        new in (2000i32..2060, 1u32..=12, 1u32..=28),
        strike in 0usize..6, emphasis in 0usize..6,
    ) {
        let old = NaiveDate::from_ymd_opt(old.0, old.1, old.2).unwrap();
        let new = NaiveDate::from_ymd_opt(new.0, new.1, new.2).unwrap();
        let (so, sc) = [("~~", "~~"), ("<s>", "</s>"), ("<DEL>", "</del>"), ("<strike>", "</strike>"), ("<s class=\"old\">", "</S>"), ("<del datetime='x'>", "</del >")][strike];
        let (eo, ec) = [("", ""), ("**", "**"), ("<b>", "</b>"), ("<strong>", "</strong>"), ("*", "*"), ("", "*")][emphasis];
        let en_day = |d: NaiveDate| format!("{} {}", d.day(), d.format("%B %Y"));
        let text = format!("{so}{}{sc} {eo}{}{ec}", en_day(old), en_day(new));
        let expected = DeadlineKind::Due { due: Due::On { date: new } };
        prop_assert_eq!(understood(&text, read_en(&text)), expected.clone(), "{}", text);
        let vi_day = |d: NaiveDate| format!("{}/{}/{}", d.day(), d.month(), d.year());
        let text = format!("{so}{}{sc} {eo}{}{ec}", vi_day(old), vi_day(new));
        prop_assert_eq!(understood(&text, read_vi(&text)), expected, "{}", text);
        // Shown: the old date struck, the new one with its emphasis, no marker.
        let runs = markup::runs(&text);
        prop_assert!(runs.iter().any(|r| r.struck && r.text == vi_day(old)), "{:?}", runs);
        prop_assert!(runs.iter().all(|r| !r.text.contains('<') && !r.text.contains("~~")), "{:?}", runs);
    }

    /// Junk in the shape of a length or an event is flagged, never half-read.
    #[test]
    fn junk_shaped_like_a_length_is_flagged(n in 0u32..=60, junk in "[bcdfgkpqvxz]{3,6}", form in 0usize..3) {
        let text = match form {
            0 => format!("within {n} {junk}"),
            1 => format!("{n} {junk} after approval"),
            _ => "within 0 days".to_string(),
        };
        let r = read_en(&text);
        prop_assert!(!r.flags.is_empty() && !r.kind.is_understood(), "{}: {:?}", text, r.kind);
        let text = match form {
            0 => format!("trong vòng {n} {junk}"),
            1 => format!("chậm nhất {n} {junk} kể từ ngày ban hành"),
            _ => "trong vòng 0 ngày".to_string(),
        };
        let r = read_vi(&text);
        prop_assert!(!r.flags.is_empty() && !r.kind.is_understood(), "{}: {:?}", text, r.kind);
    }
}

#[test]
fn urgent_and_conditional_cells() {
    for t in [
        "Khẩn trương",
        "KHẨN TRƯƠNG",
        "Khẩn trương thực hiện",
        "khẩn trương, dứt điểm",
        "Sớm nhất có thể",
        "Ngay lập tức",
    ] {
        assert_eq!(understood(t, read_vi(t)), DeadlineKind::Urgent, "{t}");
    }
    for t in [
        "As soon as possible",
        "ASAP",
        "Immediately",
        "without delay",
    ] {
        assert_eq!(understood(t, read_en(t)), DeadlineKind::Urgent, "{t}");
    }
    let condition = DeadlineKind::unscheduled(Trigger::Condition);
    for t in [
        "(nếu có)",
        "Nếu có",
        "Khi có phát sinh",
        "khi phát sinh",
        "Trường hợp cần thiết",
        "Báo cáo kết quả (nếu có)",
    ] {
        assert_eq!(understood(t, read_vi(t)), condition, "{t}");
    }
    for t in ["If any", "where applicable", "As needed", "if necessary"] {
        assert_eq!(understood(t, read_en(t)), condition, "{t}");
    }
    let request = DeadlineKind::unscheduled(Trigger::Request);
    for t in [
        "Khi có yêu cầu",
        "Theo yêu cầu",
        "theo yêu cầu của UBND tỉnh",
    ] {
        assert_eq!(understood(t, read_vi(t)), request, "{t}");
    }
    // An urgent word with a date is two milestones, the date kept.
    let k = understood(
        "Khẩn trương, hoàn thành trước ngày 30/6/2025",
        read_vi("Khẩn trương, hoàn thành trước ngày 30/6/2025"),
    );
    assert_eq!(k.dues().len(), 1, "{k:?}");
    // Urgent words with a number are not swallowed.
    assert!(!read_vi("Khẩn trương 30").kind.is_understood());
}

#[test]
fn a_cell_whose_only_date_is_struck_holds_no_date() {
    for t in ["<s>30/6/2025</s>", "~~Tháng 6/2025~~"] {
        let r = read_vi(t);
        assert_eq!(r.kind, DeadlineKind::Unknown, "{t}");
        assert!(r.flags[0].message.contains("struck"), "{:?}", r.flags);
        // Flags quote the printed words.
        let printed: String = t
            .chars()
            .skip(r.flags[0].start)
            .take(r.flags[0].part.chars().count())
            .collect();
        assert_eq!(printed, r.flags[0].part);
    }
    let r = read_en("<del>March 2021</del>");
    assert_eq!(r.kind, DeadlineKind::Unknown);
}

fn read_en_ok(s: &str) -> DeadlineKind {
    understood(s, read_en(s))
}

#[test]
fn event_relative_requests_rules_and_other_plans() {
    let un = |t| DeadlineKind::unscheduled(t);
    let event =
        |offset: Option<(u32, TimeUnit, Side, bool)>, words: &str| DeadlineKind::Unscheduled {
            trigger: Trigger::Event,
            offset: offset.map(|(count, unit, side, within)| Offset {
                length: Length { count, unit },
                side,
                within,
            }),
            event: Some(words.into()),
        };
    for (s, o, words) in [
        (
            "6 months after launch",
            Some((6, TimeUnit::Month, Side::After, false)),
            "launch",
        ),
        (
            "within 30 days of approval",
            Some((30, TimeUnit::Day, Side::After, true)),
            "approval",
        ),
        ("After the law takes effect", None, "the law takes effect"),
        (
            "Upon adoption of the strategy",
            None,
            "adoption of the strategy",
        ),
        (
            "no later than 15 days after signature",
            Some((15, TimeUnit::Day, Side::After, true)),
            "signature",
        ),
        (
            "30 days after the guidance is issued",
            Some((30, TimeUnit::Day, Side::After, false)),
            "the guidance is issued",
        ),
        (
            "ten working days before the meeting.",
            Some((10, TimeUnit::WorkingDay, Side::Before, false)),
            "the meeting",
        ),
    ] {
        assert_eq!(understood(s, read_en(s)), event(o, words), "{s}");
    }
    assert_eq!(read_en_ok("Upon request"), un(Trigger::Request));
    assert_eq!(read_en_ok("As required by law"), un(Trigger::Regulation));
    assert_eq!(
        read_en_ok("According to the Ministry's plan"),
        un(Trigger::OtherPlan)
    );
    // A date in an event phrase would be lost: not read as an event.
    assert!(!read_en("after approval in March 2021").kind.is_understood());
}
