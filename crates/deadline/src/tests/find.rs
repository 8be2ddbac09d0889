//! Time phrases found inside sentences (`find_in`): the phrase read whole
//! and nothing else; document numbers, articles and clauses never found
//! as dates; both languages.

use chrono::Datelike;
use proptest::prelude::*;

use super::super::*;

fn vi_ctx() -> Context {
    Context {
        year: Some(2025),
        ..Context::default()
    }
}

fn en_ctx() -> Context {
    Context {
        year: Some(2021),
        date_order: Some(DateOrder::DayMonth),
        ..Context::default()
    }
}

fn vi(s: &str) -> Vec<Found> {
    find_in(&vi::Vietnamese, s, &vi_ctx())
}

fn en(s: &str) -> Vec<Found> {
    find_in(&en::English, s, &en_ctx())
}

fn phrases(found: &[Found]) -> Vec<&str> {
    found.iter().map(|f| f.phrase.as_str()).collect()
}

#[test]
fn vietnamese_sentences_give_their_time_phrase_only() {
    let f = vi("Sở Nội vụ chủ trì, hoàn thành trước ngày 30/6/2025.");
    assert_eq!(phrases(&f), ["trước ngày 30/6/2025"]);
    assert_eq!(
        f[0].deadline.kind,
        DeadlineKind::Due {
            due: Due::Before {
                date: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
            }
        }
    );
    assert!(!f[0].bare);
    let s = "Sở Nội vụ chủ trì, hoàn thành trước ngày 30/6/2025.";
    let chars: Vec<char> = s.chars().collect();
    let at: String = chars[f[0].range.clone()].iter().collect();
    assert_eq!(at, f[0].phrase);

    assert_eq!(
        phrases(&vi("Tập trung số hóa tài liệu; hoàn thành trong năm 2025.")),
        ["trong năm 2025"]
    );
    let f = vi("Các sở, ngành rà soát, báo cáo kết quả thực hiện hằng năm");
    assert_eq!(phrases(&f), ["hằng năm"]);
    assert!(matches!(f[0].deadline.kind, DeadlineKind::Recurring { .. }));
    let f = vi("Bổ sung danh mục dữ liệu mở (nếu có).");
    assert_eq!(phrases(&f), ["(nếu có)"]);
    assert_eq!(
        f[0].deadline.kind,
        DeadlineKind::unscheduled(Trigger::Condition)
    );
    let f = vi("Khẩn trương triển khai các giải pháp an toàn thông tin.");
    assert_eq!(phrases(&f), ["Khẩn trương"]);
    assert_eq!(f[0].deadline.kind, DeadlineKind::Urgent);
    let f = vi("Cung cấp thông tin khi có yêu cầu.");
    assert_eq!(phrases(&f), ["khi có yêu cầu"]);
    let f = vi("Ban hành quy chế trong vòng 30 ngày kể từ ngày Nghị định có hiệu lực.");
    assert_eq!(
        phrases(&f),
        ["trong vòng 30 ngày kể từ ngày Nghị định có hiệu lực"]
    );
    assert!(vi("Triển khai các giải pháp an toàn thông tin, dữ liệu.").is_empty());
}

#[test]
fn the_date_of_a_cited_document_is_not_a_time_limit() {
    for s in [
        "Căn cứ Kế hoạch số 02-KH/BCĐ ngày 17/10/2025 của Ban Chỉ đạo tỉnh.",
        "Thực hiện Thông báo số 02-TB/BCĐ ngày 27/10/2025 của Ban Chỉ đạo tỉnh.",
        "Theo Quyết định số 1234 ngày 05/3/2025 của UBND tỉnh.",
        "Thực hiện Nghị định số 30/2025/NĐ-CP.",
        "Thực hiện Kế hoạch 114/KH-BCĐ, Điều 5, khoản 2.",
    ] {
        assert!(vi(s).is_empty(), "{s}: {:?}", phrases(&vi(s)));
    }
    let f = vi("Thực hiện Kế hoạch số 02-KH/BCĐ ngày 17/10/2025; báo cáo trước ngày 30/11/2025.");
    assert_eq!(phrases(&f), ["trước ngày 30/11/2025"]);
    // A date that stands alone in a sentence is found, and marked bare.
    let f = vi("Tại phiên họp ngày 23/10/2025, Ban Chỉ đạo kết luận.");
    assert_eq!(phrases(&f), ["ngày 23/10/2025"]);
    assert!(f[0].bare);
}

#[test]
fn english_sentences_give_their_time_phrase_only() {
    assert_eq!(
        phrases(&en(
            "The Ministry will publish the guidance by 30 June 2021."
        )),
        ["by 30 June 2021"]
    );
    assert_eq!(
        phrases(&en(
            "The strategy is reviewed within 6 months after adoption."
        )),
        ["within 6 months after adoption"]
    );
    assert_eq!(
        phrases(&en(
            "The council meets at least twice a year, in the capital."
        )),
        ["at least twice a year"]
    );
    assert_eq!(
        phrases(&en("Extracts are provided upon request.")),
        ["upon request"]
    );
    assert!(en("Decree No. 12/2021/ND-CP of 5 March 2021 applies.").is_empty());
    assert!(en("Resolution 1325 (2000), Article 5, paragraph 2.").is_empty());
    assert!(en("Law No. 5 of 2020 was amended.").is_empty());
}

/// Words that are no word of either grammar: consonants only.
fn filler() -> impl Strategy<Value = String> {
    prop::collection::vec("[bcdfghklmnpqrstvx]{2,6}", 0..5).prop_map(|w| w.join(" "))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..=2090, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

/// A document reference as plans cite them.
fn vi_reference() -> impl Strategy<Value = String> {
    (1u32..=3000, 1990i32..=2090, date(), 0usize..7).prop_map(|(n, y, d, form)| {
        let day = format!("{}/{}/{}", d.day(), d.month(), d.year());
        match form {
            0 => format!("Nghị định số {n}/{y}/NĐ-CP"),
            1 => format!("Kế hoạch {n}/KH-BCĐ"),
            2 => format!("Điều {n}"),
            3 => format!("khoản {}", n % 20 + 1),
            4 => format!("Quyết định số {n}/QĐ-UBND ngày {day}"),
            5 => format!("Thông báo số {:02}-TB/BCĐ ngày {day}", n % 100),
            _ => format!("Thông tư {n}/{y}/TT-BTC"),
        }
    })
}

fn en_reference() -> impl Strategy<Value = String> {
    (1u32..=3000, 1990i32..=2090, date(), 0usize..6).prop_map(|(n, y, d, form)| {
        let day = format!("{} {} {}", d.day(), d.format("%B"), d.year());
        match form {
            0 => format!("Decree No. {n}/{y}/ND-CP"),
            1 => format!("Article {n}"),
            2 => format!("paragraph {}", n % 20 + 1),
            3 => format!("Resolution {n} ({y})"),
            4 => format!("Decision {n}/QD-TTg of {day}"),
            _ => format!("Law No. {n} of {y}"),
        }
    })
}

proptest! {
    /// Document numbers, articles and clauses are never found as dates.
    #[test]
    fn document_numbers_are_never_dates(
        refs in prop::collection::vec(vi_reference(), 1..4),
        en_refs in prop::collection::vec(en_reference(), 1..4),
        a in filler(), b in filler(),
    ) {
        let s = format!("{a} {} {b}.", refs.join(", "));
        prop_assert!(vi(&s).is_empty(), "{}: {:?}", s, phrases(&vi(&s)));
        let s = format!("{a} {} {b}.", en_refs.join(", "));
        prop_assert!(en(&s).is_empty(), "{}: {:?}", s, phrases(&en(&s)));
    }

    /// A deadline phrase among document numbers and other words is found
    /// whole, alone, at its place, with its meaning.
    #[test]
    fn a_phrase_among_other_words_is_found_whole(
        refs in prop::collection::vec(vi_reference(), 0..3),
        a in filler(), b in filler(), d in date(), form in 0usize..5, n in 1u32..=60,
    ) {
        let (phrase, kind) = match form {
            0 => (
                format!("trước ngày {}/{}/{}", d.day(), d.month(), d.year()),
                DeadlineKind::Due { due: Due::Before { date: d } },
            ),
            1 => (
                format!("trong năm {}", d.year()),
                DeadlineKind::Due { due: Due::Year { year: d.year() } },
            ),
            2 => (
                format!("chậm nhất trong tháng {}/{}", d.month(), d.year()),
                DeadlineKind::Due { due: Due::Month { year: d.year(), month: d.month() } },
            ),
            3 => (
                format!("định kỳ {n} tháng một lần"),
                DeadlineKind::Recurring {
                    every: Recurrence::every(n, TimeUnit::Month).unwrap(),
                },
            ),
            _ => (
                "hằng năm".to_string(),
                DeadlineKind::Recurring {
                    every: Recurrence::of(Cycle::Yearly { on: None, before: false }),
                },
            ),
        };
        let cited = if refs.is_empty() { String::new() } else { format!("căn cứ {},", refs.join(", ")) };
        let s = format!("{a} {cited} thực hiện {phrase} {b}.");
        let f = vi(&s);
        prop_assert_eq!(phrases(&f), vec![phrase.as_str()], "{}", s);
        prop_assert_eq!(&f[0].deadline.kind, &kind);
        let chars: Vec<char> = s.chars().collect();
        let at: String = chars[f[0].range.clone()].iter().collect();
        prop_assert_eq!(at, phrase);
    }
}
