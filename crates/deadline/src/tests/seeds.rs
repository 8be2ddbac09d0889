//! One test per deadline phrase that occurs in the seeds (MISSION.md).

use super::super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn kind(text: &str) -> DeadlineKind {
    Deadline::parse(text, Some(2025)).kind
}

fn due_of(text: &str) -> Due {
    match kind(text) {
        DeadlineKind::Due { due } => due,
        other => panic!("{text:?} parsed as {other:?}"),
    }
}

#[test]
fn ongoing_variants() {
    for t in [
        "Thường xuyên",
        "Thường Xuyên",
        "Thực hiện thường xuyên",
        "Thường xuyên trong năm",
        "Thường xuyên, khi nhận được yêu cầu",
    ] {
        assert_eq!(kind(t), DeadlineKind::Ongoing, "{t}");
    }
}

#[test]
fn years() {
    assert_eq!(due_of("Năm 2025"), Due::Year { year: 2025 });
    assert_eq!(due_of("2025"), Due::Year { year: 2025 });
    assert_eq!(due_of("trong năm 2026"), Due::Year { year: 2026 });
    assert_eq!(due_of("Năm 2025").last_day(), d(2025, 12, 31));
}

#[test]
fn year_and_following_years_is_open_ended() {
    assert_eq!(
        kind("2025 và những năm tiếp theo"),
        DeadlineKind::OpenStart {
            from: d(2025, 1, 1)
        }
    );
}

#[test]
fn months() {
    assert_eq!(
        due_of("Tháng 9/2025"),
        Due::Month {
            year: 2025,
            month: 9
        }
    );
    assert_eq!(due_of("Tháng 9/2025").last_day(), d(2025, 9, 30));
    assert_eq!(
        due_of("Tháng 01/2025"),
        Due::Month {
            year: 2025,
            month: 1
        }
    );
    assert_eq!(due_of("Tháng 02/2024").last_day(), d(2024, 2, 29));
}

#[test]
fn two_months_are_two_milestones() {
    let DeadlineKind::Milestones { items } = kind("Tháng 01/2025 và tháng 12/2025") else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].kind,
        DeadlineKind::Due {
            due: Due::Month {
                year: 2025,
                month: 1
            }
        }
    );
    assert_eq!(
        items[1].kind,
        DeadlineKind::Due {
            due: Due::Month {
                year: 2025,
                month: 12
            }
        }
    );
}

#[test]
fn from_month_is_open_ended() {
    assert_eq!(
        kind("Từ tháng 01/2025"),
        DeadlineKind::OpenStart {
            from: d(2025, 1, 1)
        }
    );
}

#[test]
fn quarter_takes_year_from_plan() {
    assert_eq!(
        due_of("Quý IV"),
        Due::Quarter {
            year: 2025,
            quarter: 4
        }
    );
    assert_eq!(due_of("Quý IV").last_day(), d(2025, 12, 31));
    assert_eq!(
        Deadline::parse("Quý IV", None).kind,
        DeadlineKind::Unknown,
        "no year anywhere: not guessed"
    );
    assert_eq!(
        due_of("Quý I/2026"),
        Due::Quarter {
            year: 2026,
            quarter: 1
        }
    );
}

#[test]
fn exact_dates_and_before() {
    assert_eq!(
        due_of("30/10/2025"),
        Due::On {
            date: d(2025, 10, 30)
        }
    );
    assert_eq!(
        due_of("15/01/2025"),
        Due::On {
            date: d(2025, 1, 15)
        }
    );
    let before = due_of("trước ngày 12/9/2025");
    assert_eq!(
        before,
        Due::Before {
            date: d(2025, 9, 12)
        }
    );
    assert_eq!(before.last_day(), d(2025, 9, 11));
    assert_eq!(before.calendar_day(), d(2025, 9, 12));
}

#[test]
fn monthly_variants_including_the_typo() {
    for t in ["Hằng tháng", "Hàng tháng", "Hằng thắng"] {
        assert_eq!(
            kind(t),
            DeadlineKind::Recurring {
                every: Recurrence::from(Cycle::Monthly {
                    day: None,
                    before: false
                })
            },
            "{t}"
        );
    }
    assert_eq!(
        kind("Hằng năm"),
        DeadlineKind::Recurring {
            every: Recurrence::from(Cycle::Yearly {
                on: None,
                before: false
            })
        }
    );
}

#[test]
fn plan_then_report_milestones() {
    let DeadlineKind::Milestones { items } =
        kind("Ban hành Kế hoạch trong tháng 01/2025; Báo cáo trước ngày 10/12/2025")
    else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].label.as_deref(), Some("Ban hành Kế hoạch"));
    assert_eq!(
        items[0].kind,
        DeadlineKind::Due {
            due: Due::Month {
                year: 2025,
                month: 1
            }
        }
    );
    assert_eq!(items[1].label.as_deref(), Some("Báo cáo"));
    assert_eq!(
        items[1].kind,
        DeadlineKind::Due {
            due: Due::Before {
                date: d(2025, 12, 10)
            }
        }
    );
}

#[test]
fn monthly_report_and_annual_report() {
    let text = "Báo cáo tháng: Gửi trước ngày mùng 9 của tháng báo cáo; Báo cáo năm: Gửi trước ngày 09/12/2025";
    let DeadlineKind::Milestones { items } = kind(text) else {
        panic!()
    };
    assert_eq!(items[0].label.as_deref(), Some("Báo cáo tháng"));
    assert_eq!(
        items[0].kind,
        DeadlineKind::Recurring {
            every: Recurrence::from(Cycle::Monthly {
                day: Some(9),
                before: true
            })
        }
    );
    assert_eq!(items[1].label.as_deref(), Some("Báo cáo năm"));
    assert_eq!(
        items[1].kind,
        DeadlineKind::Due {
            due: Due::Before {
                date: d(2025, 12, 9)
            }
        }
    );
}

#[test]
fn bulleted_cell_with_ongoing_part() {
    let text = "- Báo cáo tháng: Gửi trước ngày mùng 9 của tháng báo cáo;\n- Báo cáo năm: Gửi trước ngày 09/12/2025.\n- Thường xuyên theo chỉ đạo của Trung ương, tỉnh.";
    let DeadlineKind::Milestones { items } = kind(text) else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    assert_eq!(items[2].kind, DeadlineKind::Ongoing);
}

#[test]
fn event_relative_has_no_date() {
    let cases = [
        ("Sau khi có thông báo của Bộ Tư pháp", Trigger::Event),
        ("Theo Kế hoạch của Bộ Nội vụ", Trigger::OtherPlan),
        ("Theo quy định", Trigger::Regulation),
        (
            "Sau 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ gửi thẩm định",
            Trigger::Event,
        ),
        (
            "Theo yêu cầu của cơ quan, đơn vị lấy ý kiến tham gia",
            Trigger::Request,
        ),
    ];
    for (t, trigger) in cases {
        assert!(
            matches!(kind(t), DeadlineKind::Unscheduled { trigger: t2, .. } if t2 == trigger),
            "{t}: {:?}",
            kind(t)
        );
        assert!(kind(t).dues().is_empty());
    }
}

#[test]
fn unknown_phrase_is_kept_and_flagged() {
    let dl = Deadline::parse("Tùy tình hình thực tế", Some(2025));
    assert_eq!(dl.text, "Tùy tình hình thực tế");
    assert!(!dl.is_understood());
    assert_eq!(dl.kind, DeadlineKind::Unknown);
}

#[test]
fn descriptions_are_vietnamese_words() {
    assert_eq!(
        kind("Tháng 9/2025").describe(),
        "Hạn: trong tháng 09/2025 (chậm nhất ngày 30/09/2025)"
    );
    assert_eq!(
        kind("trước ngày 12/9/2025").describe(),
        "Hạn: trước ngày 12/09/2025 (chậm nhất ngày 11/09/2025)"
    );
}

/// Every `deadline`/`start` cell of the shipped content, with its plan year.
fn shipped_phrases() -> Vec<(String, String)> {
    fn walk(v: &serde_yaml::Value, out: &mut Vec<String>) {
        match v {
            serde_yaml::Value::Mapping(m) => {
                for (k, v) in m {
                    if matches!(k.as_str(), Some("deadline" | "start")) {
                        if let Some(s) = v.as_str() {
                            out.push(s.to_string());
                        }
                    }
                    walk(v, out);
                }
            }
            serde_yaml::Value::Sequence(s) => s.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    // The workspace root, two folders above this crate.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for dir in ["content/plans", "examples/minh-hoa/plans"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(src) = std::fs::read_to_string(e.path().join("tasks.yaml")) else {
                continue;
            };
            let v: serde_yaml::Value = serde_yaml::from_str(&src).unwrap();
            let mut phrases = Vec::new();
            walk(&v, &mut phrases);
            let name = e.file_name().to_string_lossy().into_owned();
            out.extend(phrases.into_iter().map(|p| (name.clone(), p)));
        }
    }
    out
}

#[test]
fn every_shipped_phrase_is_understood_without_flags() {
    let phrases = shipped_phrases();
    assert!(phrases.len() > 200, "found {} phrases", phrases.len());
    for (plan, p) in phrases {
        let dl = Deadline::parse(&p, Some(2025));
        assert!(
            dl.is_understood() && dl.flags.is_empty(),
            "{plan}: {p:?} read as {:?} with {:?}",
            dl.kind,
            dl.flags
        );
    }
}

#[test]
#[ignore = "prints every shipped phrase and its reading, for review"]
fn print_shipped_readings() {
    let mut seen = std::collections::BTreeSet::new();
    for (_, p) in shipped_phrases() {
        if seen.insert(p.clone()) {
            println!(
                "{p:?}\n    => {}",
                Deadline::parse(&p, Some(2025)).kind.describe()
            );
        }
    }
}

#[test]
fn every_phrase_listed_in_the_mission_is_understood() {
    for t in [
        "Thường xuyên",
        "Thường Xuyên",
        "Thực hiện thường xuyên",
        "Thường xuyên trong năm",
        "Thường xuyên, khi nhận được yêu cầu",
        "Năm 2025",
        "2025",
        "2025 và những năm tiếp theo",
        "Tháng 9/2025",
        "Tháng 01/2025",
        "Tháng 01/2025 và tháng 12/2025",
        "Từ tháng 01/2025",
        "Quý IV",
        "30/10/2025",
        "15/01/2025",
        "trước ngày 12/9/2025",
        "Hằng tháng",
        "Hàng tháng",
        "Hằng thắng",
        "Hằng năm",
        "Ban hành Kế hoạch trong tháng 01/2025; Báo cáo trước ngày 10/12/2025",
        "Báo cáo tháng: Gửi trước ngày mùng 9 của tháng báo cáo; Báo cáo năm: Gửi trước ngày 09/12/2025",
        "Sau khi có thông báo của Bộ Tư pháp",
        "Theo Kế hoạch của Bộ Nội vụ",
        "Theo quy định",
        "Sau 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ gửi thẩm định",
    ] {
        let dl = Deadline::parse(t, Some(2025));
        assert!(
            dl.is_understood() && dl.flags.is_empty(),
            "{t:?}: {:?} {:?}",
            dl.kind,
            dl.flags
        );
    }
}

#[test]
fn a_label_may_end_its_line() {
    let DeadlineKind::Milestones { items } =
        kind("Báo cáo tháng:\ntrước ngày 15 hằng tháng.\nBáo cáo năm:\ntrước ngày 15/12/2025")
    else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].label.as_deref(), Some("Báo cáo tháng"));
    assert_eq!(items[1].label.as_deref(), Some("Báo cáo năm"));
}
