//! One test per class of `docs/deadlines.md`, with its surface variants.

use super::super::*;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(super) fn read(text: &str) -> Deadline {
    Deadline::parse(text, Some(2025))
}

pub(super) fn kind(text: &str) -> DeadlineKind {
    let dl = read(text);
    assert!(dl.flags.is_empty(), "{text:?} flagged: {:?}", dl.flags);
    dl.kind
}

fn due(text: &str) -> Due {
    match kind(text) {
        DeadlineKind::Due { due } => due,
        other => panic!("{text:?} read as {other:?}"),
    }
}

/// The phrase is not understood and carries one flag of `severity`.
pub(super) fn flagged(text: &str, severity: Severity) -> Vec<Flag> {
    let dl = read(text);
    assert!(!dl.is_understood(), "{text:?} read as {:?}", dl.kind);
    assert!(
        dl.flags.iter().any(|f| f.severity == severity),
        "{text:?}: expected a {severity:?} flag, got {:?}",
        dl.flags
    );
    assert_eq!(dl.text, text, "the wording is kept");
    dl.flags
}

fn each(texts: &[&str], expected: DeadlineKind) {
    for t in texts {
        assert_eq!(kind(t), expected, "{t:?}");
    }
}

#[test]
fn full_dates_in_every_written_form() {
    each(
        &[
            "30/6/2025",
            "30/06/2025",
            "30.6.2025",
            "30-6-2025",
            "30 / 6 / 2025",
            "30 – 06 – 2025",
            "ngày 30 tháng 6 năm 2025",
            "Ngày 30 tháng 06 năm 2025",
            "NGÀY 30/6/2025",
            "ngày mùng 30/6/2025",
            "2025-06-30",
            "vào ngày 30/6/2025",
        ],
        DeadlineKind::Due {
            due: Due::On {
                date: d(2025, 6, 30),
            },
        },
    );
}

#[test]
fn months_with_or_without_thang() {
    each(
        &[
            "Tháng 6/2025",
            "tháng 6/2025",
            "THÁNG 06/2025",
            "6/2025",
            "06/2025",
            "6.2025",
            "06-2025",
            "tháng 6 năm 2025",
            "tháng 6 - 2025",
            "trong tháng 6/2025",
            "Hoàn thành trong tháng 06/2025",
            "cuối tháng 6/2025",
        ],
        DeadlineKind::Due {
            due: Due::Month {
                year: 2025,
                month: 6,
            },
        },
    );
    assert_eq!(due("tháng 6").last_day(), d(2025, 6, 30), "plan year");
}

#[test]
fn quarters_and_halves() {
    each(
        &[
            "Quý II/2025",
            "quý 2 năm 2025",
            "Quý II năm 2025",
            "QUÝ II - 2025",
            "quí II/2025",
            "Qúy 2/2025",
            "trong quý II/2025",
            "Quý II",
        ],
        DeadlineKind::Due {
            due: Due::Quarter {
                year: 2025,
                quarter: 2,
            },
        },
    );
    each(
        &[
            "6 tháng đầu năm 2025",
            "sáu tháng đầu năm 2025",
            "6 tháng đầu năm",
            "nửa đầu năm 2025",
        ],
        DeadlineKind::Due {
            due: Due::Half {
                year: 2025,
                half: 1,
            },
        },
    );
    assert_eq!(due("6 tháng cuối năm").last_day(), d(2025, 12, 31));
    assert_eq!(due("6 tháng đầu năm 2026").last_day(), d(2026, 6, 30));
}

#[test]
fn years() {
    each(
        &[
            "2025",
            "Năm 2025",
            "năm 2025",
            "trong năm 2025",
            "cuối năm 2025",
        ],
        DeadlineKind::Due {
            due: Due::Year { year: 2025 },
        },
    );
}

#[test]
fn spans_and_periods_end_at_the_end_of_their_last_unit() {
    let to_2030 = DeadlineKind::Span {
        from: d(2025, 1, 1),
        due: Due::Year { year: 2030 },
    };
    each(
        &[
            "giai đoạn 2025 - 2030",
            "Giai đoạn 2025-2030",
            "2025 – 2030",
            "2025-2030",
            "năm 2025 - 2030",
            "từ năm 2025 đến năm 2030",
            "Từ 2025 đến 2030",
        ],
        to_2030,
    );
    let march_june = DeadlineKind::Span {
        from: d(2025, 3, 1),
        due: Due::Month {
            year: 2025,
            month: 6,
        },
    };
    each(
        &[
            "từ tháng 3 đến tháng 6/2025",
            "Từ tháng 3/2025 đến tháng 6/2025",
            "tháng 3 - tháng 6/2025",
            "Tháng 3 – 6/2025",
            "từ tháng 03 đến hết tháng 06/2025",
        ],
        march_june,
    );
    assert_eq!(
        kind("từ 01/3/2025 đến 30/6/2025"),
        DeadlineKind::Span {
            from: d(2025, 3, 1),
            due: Due::On {
                date: d(2025, 6, 30)
            }
        }
    );
    assert_eq!(
        kind("Thường xuyên trong năm 2025"),
        DeadlineKind::Span {
            from: d(2025, 1, 1),
            due: Due::Year { year: 2025 }
        }
    );
    assert_eq!(kind("2025-2026").dues()[0].1.last_day(), d(2026, 12, 31));
}

#[test]
fn before_and_by() {
    each(
        &[
            "trước 30/6/2025",
            "trước ngày 30/6/2025",
            "Trước ngày 30 tháng 6 năm 2025",
        ],
        DeadlineKind::Due {
            due: Due::Before {
                date: d(2025, 6, 30),
            },
        },
    );
    each(
        &[
            "chậm nhất ngày 30/6/2025",
            "Chậm nhất là ngày 30/6/2025",
            "hạn chót 30/6/2025",
            "Hạn: 30/6/2025",
            "không muộn hơn ngày 30/6/2025",
        ],
        DeadlineKind::Due {
            due: Due::On {
                date: d(2025, 6, 30),
            },
        },
    );
    let before_2030 = due("trước năm 2030");
    assert_eq!(before_2030.last_day(), d(2029, 12, 31));
    assert_eq!(due("trước tháng 7/2025").last_day(), d(2025, 6, 30));
    assert_eq!(due("trước quý III/2025").last_day(), d(2025, 6, 30));
    assert_eq!(
        due("chậm nhất trong tháng 6/2025"),
        Due::Month {
            year: 2025,
            month: 6
        }
    );
    assert_eq!(
        due("trước ngày 12/9").last_day(),
        d(2025, 9, 11),
        "plan year"
    );
}

#[test]
fn open_starts() {
    let from_2025 = DeadlineKind::OpenStart {
        from: d(2025, 1, 1),
    };
    each(
        &[
            "từ năm 2025",
            "Từ năm 2025 trở đi",
            "2025 và những năm tiếp theo",
            "Năm 2025 và các năm tiếp theo",
            "từ năm 2025 và những năm tiếp theo",
            "kể từ năm 2025",
            "Từ tháng 01/2025",
            "từ 01/01/2025",
        ],
        from_2025,
    );
    assert_eq!(
        kind("sau ngày 30/6/2025"),
        DeadlineKind::OpenStart {
            from: d(2025, 7, 1)
        }
    );
}

fn every(text: &str) -> Recurrence {
    match kind(text) {
        DeadlineKind::Recurring { every } => every,
        other => panic!("{text:?} read as {other:?}"),
    }
}

#[test]
fn recurring_with_and_without_a_day() {
    assert_eq!(
        every("Hằng tuần"),
        Recurrence::from(Cycle::Weekly { weekday: None })
    );
    assert_eq!(
        every("thứ Sáu hằng tuần"),
        Recurrence::from(Cycle::Weekly { weekday: Some(5) })
    );
    assert_eq!(
        every("hằng tuần, vào thứ 2"),
        Recurrence::from(Cycle::Weekly { weekday: Some(1) })
    );
    for t in [
        "Hằng tháng",
        "Hàng tháng",
        "Hằng thắng",
        "mỗi tháng",
        "Định kỳ hằng tháng",
    ] {
        assert_eq!(
            every(t),
            Recurrence::from(Cycle::Monthly {
                day: None,
                before: false
            }),
            "{t}"
        );
    }
    for t in [
        "trước ngày 15 hằng tháng",
        "Hằng tháng, trước ngày 15",
        "hằng tháng (trước ngày 15)",
        "Gửi trước ngày mùng 15 của tháng báo cáo",
    ] {
        assert_eq!(
            every(t),
            Recurrence::from(Cycle::Monthly {
                day: Some(15),
                before: true
            }),
            "{t}"
        );
    }
    assert_eq!(
        every("ngày 5 hằng tháng"),
        Recurrence::from(Cycle::Monthly {
            day: Some(5),
            before: false
        })
    );
    assert_eq!(
        every("Hằng quý"),
        Recurrence::from(Cycle::Quarterly {
            day: None,
            before: false
        })
    );
    assert_eq!(
        every("hằng quý, trước ngày 15 của tháng cuối quý"),
        Recurrence::from(Cycle::Quarterly {
            day: Some(15),
            before: true
        })
    );
    assert_eq!(
        every("trước ngày 20 của tháng cuối quý"),
        Recurrence::from(Cycle::Quarterly {
            day: Some(20),
            before: true
        })
    );
    flagged("trước ngày 20 của tháng đầu quý", Severity::NotUnderstood);
    for t in [
        "định kỳ 6 tháng",
        "6 tháng một lần",
        "6 tháng/lần",
        "Định kỳ sáu tháng",
    ] {
        assert_eq!(every(t), Recurrence::from(Cycle::SixMonthly), "{t}");
    }
    assert_eq!(
        every("Hằng năm"),
        Recurrence::from(Cycle::Yearly {
            on: None,
            before: false
        })
    );
    let dec15 = Recurrence::from(Cycle::Yearly {
        on: Some(DayOfYear { day: 15, month: 12 }),
        before: true,
    });
    assert_eq!(every("hằng năm, trước ngày 15/12"), dec15);
    assert_eq!(every("trước ngày 15/12 hằng năm"), dec15);
    assert_eq!(every("Hằng năm trước ngày 15 tháng 12"), dec15);
}

#[test]
fn ongoing_and_its_negation() {
    each(
        &[
            "Liên tục",
            "thường xuyên",
            "THƯỜNG XUYÊN",
            "Thực hiện thường xuyên",
        ],
        DeadlineKind::Ongoing,
    );
    flagged("không thường xuyên", Severity::NotUnderstood);
    flagged("Chưa thường xuyên", Severity::NotUnderstood);
}

#[test]
fn the_grammar_is_chosen_by_language() {
    let g = crate::for_language("vi").unwrap();
    assert_eq!(g.language(), "vi");
    assert!(crate::for_language("klingon").is_none());
    let r = g.read(
        "Quý IV",
        Context {
            year: Some(2026),
            ..Context::default()
        },
    );
    assert_eq!(
        r.kind,
        DeadlineKind::Due {
            due: Due::Quarter {
                year: 2026,
                quarter: 4
            }
        }
    );
}

#[test]
fn report_names_are_labels() {
    let text = "Báo cáo quý: chậm nhất ngày 15 của tháng cuối quý; báo cáo 6 tháng, gửi chậm nhất ngày 15/6; báo cáo năm gửi trước ngày 05/12 hằng năm";
    let DeadlineKind::Milestones { items } = kind(text) else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].label.as_deref(), Some("Báo cáo quý"));
    assert_eq!(
        items[0].kind,
        DeadlineKind::Recurring {
            every: Recurrence::from(Cycle::Quarterly {
                day: Some(15),
                before: false
            })
        }
    );
    assert_eq!(items[1].label.as_deref(), Some("báo cáo 6 tháng, gửi"));
    assert_eq!(items[1].kind.dues()[0].1.last_day(), d(2025, 6, 15));
    assert_eq!(items[2].label.as_deref(), Some("báo cáo năm gửi"));
    assert_eq!(
        items[2].kind,
        DeadlineKind::Recurring {
            every: Recurrence::from(Cycle::Yearly {
                on: Some(DayOfYear { day: 5, month: 12 }),
                before: true
            })
        }
    );
    // A time word elsewhere in a label still stops it: nothing is hidden.
    flagged("Tháng mười hai năm 2025", Severity::NotUnderstood);
}
