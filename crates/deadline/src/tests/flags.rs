//! Phrases that must be flagged rather than guessed, and multi-part
//! phrases whose every part is accounted for.

use super::super::*;
use super::classes::{d, flagged, kind, read};

#[test]
fn every_part_of_a_multi_part_phrase_is_accounted_for() {
    let dl = read("Tháng 9/2025 và tháng 13/2025");
    let DeadlineKind::Milestones { items } = &dl.kind else {
        panic!("{:?}", dl.kind)
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].kind,
        DeadlineKind::Due {
            due: Due::Month {
                year: 2025,
                month: 9
            }
        }
    );
    assert_eq!(items[1].kind, DeadlineKind::Unknown);
    assert!(!dl.is_understood());
    assert_eq!(dl.flags.len(), 1);
    assert_eq!(dl.flags[0].severity, Severity::Impossible);
    assert_eq!(dl.flags[0].part, "13");
    assert_eq!(dl.flags[0].start, 22);

    let DeadlineKind::Milestones { items } = kind("Thường xuyên, hạn chót 30/10/2025")
    else {
        panic!()
    };
    assert_eq!(items[0].kind, DeadlineKind::Ongoing);
    assert_eq!(
        items[1].kind,
        DeadlineKind::Due {
            due: Due::On {
                date: d(2025, 10, 30)
            }
        }
    );

    let DeadlineKind::Milestones { items } =
        kind("Ban hành kế hoạch trong tháng 3/2025 và báo cáo trước ngày 15/12/2025")
    else {
        panic!()
    };
    assert_eq!(items[0].label.as_deref(), Some("Ban hành kế hoạch"));
    assert_eq!(items[1].label.as_deref(), Some("báo cáo"));
}

#[test]
fn nonsense_numbers_are_impossible_not_trimmed() {
    for t in [
        "130/10/2025",
        "30/10/20255",
        "Năm 10000",
        "31/02/2025",
        "ngày 31 tháng 4 năm 2025",
        "tháng 13/2025",
        "Quý 5/2025",
        "giai đoạn 2030 - 2025",
        "2025-13-01",
        "0/6/2025",
        "20255",
    ] {
        let flags = flagged(t, Severity::Impossible);
        assert!(!flags[0].message.is_empty());
    }
}

#[test]
fn ambiguous_forms_are_flagged_not_guessed() {
    for t in [
        "trước ngày mùng 31",
        "trước ngày 15",
        "30/10/25",
        "tháng 6/25",
        "10/25",
        "tháng 6 hoặc tháng 7/2025",
        "3-6/2025",
        "đầu năm 2025",
        "hằng tháng, trước ngày 30",
    ] {
        flagged(t, Severity::Ambiguous);
    }
    let dl = Deadline::parse("Quý IV", None);
    assert_eq!(dl.kind, DeadlineKind::Unknown);
    assert_eq!(dl.flags[0].severity, Severity::Ambiguous);
}

#[test]
fn junk_stays_unknown_with_its_wording() {
    for t in [
        "Tùy tình hình",
        "",
        "   ",
        "???",
        "15",
        "không thường xuyên",
    ] {
        let dl = read(t);
        assert_eq!(dl.kind, DeadlineKind::Unknown, "{t:?}");
        assert!(!dl.flags.is_empty(), "{t:?}");
        assert_eq!(dl.text, t);
    }
}

#[test]
fn an_event_phrase_with_a_date_inside_is_not_read_as_an_event() {
    let dl = read("Sau khi có thông báo, chậm nhất 30/10/2025");
    let DeadlineKind::Milestones { items } = dl.kind else {
        panic!("{:?}", dl.kind)
    };
    assert_eq!(
        items[0].kind,
        DeadlineKind::Unscheduled {
            trigger: Trigger::Event,
            offset: None,
            event: Some("có thông báo".into())
        }
    );
    assert_eq!(items[1].kind.dues()[0].1.last_day(), d(2025, 10, 30));
}

#[test]
fn an_overlong_cell_is_flagged_not_read() {
    let long = "khi ".repeat(400);
    let dl = read(&long);
    assert_eq!(dl.kind, DeadlineKind::Unknown);
    assert!(dl.flags[0].message.contains("characters long"));
    // Just under the bound, the same words are read (an event phrase).
    let short = "khi ".repeat(200);
    assert!(read(&short).is_understood());
}
