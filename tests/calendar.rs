//! Calendars: ICS feeds parse with an independent parser and round-trip,
//! UIDs are stable, and the September 2025 month page matches its golden copy.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;
use icalendar::parser::{read_calendar, unfold};

/// UID -> (DTSTART, SUMMARY, DESCRIPTION, RRULE), parsed by the `icalendar` crate.
fn events(ics: &str) -> BTreeMap<String, (String, String, String, Option<String>)> {
    let unfolded = unfold(ics);
    let cal = read_calendar(&unfolded).expect("ICS parses");
    // read_calendar returns the VCALENDAR's properties and its components.
    let version = cal.properties.iter().find(|p| p.name.as_str() == "VERSION");
    assert_eq!(version.map(|p| p.val.as_str()), Some("2.0"));
    let vcal = &cal;
    let mut out = BTreeMap::new();
    for ev in vcal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
    {
        let get = |n: &str| {
            ev.find_prop(n)
                .map(|p| p.val.clone().unescape_text().as_str().to_string())
        };
        let uid = get("UID").expect("UID");
        let prev = out.insert(
            uid.clone(),
            (
                get("DTSTART").unwrap(),
                get("SUMMARY").unwrap(),
                get("DESCRIPTION").unwrap(),
                get("RRULE"),
            ),
        );
        assert!(prev.is_none(), "duplicate UID {uid}");
    }
    out
}

fn build(content: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = minhbach::build(&opts(content, &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    (tmp, out)
}

#[test]
fn site_feed_round_trips_through_an_independent_parser() {
    let (_t, out) = build(&shipped_content());
    let ics = fs::read_to_string(out.join("lich/lich.ics")).unwrap();
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line}");
    }
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    let evs = events(&ics);
    let (model, _) = minhbach::load_model(&shipped_content(), None);
    let model = model.unwrap();
    let cal = minhbach::derive::Calendar::new(&model);
    assert_eq!(evs.len(), cal.series.len());
    for s in &cal.series {
        let (start, summary, desc, rrule) = &evs[&s.uid];
        assert_eq!(start, &s.dates[0].format("%Y%m%d").to_string(), "{}", s.uid);
        assert_eq!(rrule.is_some(), s.rule.is_some(), "{}", s.uid);
        assert!(
            desc.contains(&s.wording),
            "{}: wording kept verbatim",
            s.uid
        );
        assert!(!summary.is_empty());
    }
    // Vietnamese text and escaped punctuation come back exactly.
    let (start, summary, desc, _) = &evs["114-kh-bcd-2025/nhiem-vu/18@minhbach"];
    assert_eq!(start, "20250930");
    assert!(
        summary.contains("Nhiệm vụ 18 — Kế hoạch 114/KH-BCĐ"),
        "{summary}"
    );
    assert!(desc.contains("Triển khai Trung tâm Giám sát, điều hành thông minh (IOC) tỉnh Tuyên Quang bảo đảm kết nối liên thông, khai thác hiệu quả thông tin, dữ liệu phục vụ chỉ đạo, điều hành, phát triển kinh tế - xã hội"), "{desc}");
    assert!(desc.contains("Thời gian hoàn thành (nguyên văn): Tháng 9/2025"));
    // The monthly duty of 114/KH-BCĐ recurs before the 9th from October.
    let (start, _, _, rrule) = &evs["114-kh-bcd-2025/bao-cao/bao-cao-thang@minhbach"];
    assert_eq!(start, "20251009");
    assert_eq!(
        rrule.as_deref(),
        Some("FREQ=MONTHLY;BYMONTHDAY=9;UNTIL=20251209")
    );
}

#[test]
fn agency_feed_includes_tasks_assigned_to_its_groups() {
    let (_t, out) = build(&shipped_content());
    let own = events(&fs::read_to_string(out.join("co-quan/so-khcn/lich.ics")).unwrap());
    assert!(own.contains_key("114-kh-bcd-2025/nhiem-vu/18@minhbach"));
    assert!(own.contains_key("114-kh-bcd-2025/bao-cao/so-khcn-bao-cao-thang@minhbach"));
    // Sở KH&CN is a member of "Các Sở, ban, ngành", which reports monthly.
    assert!(own.contains_key("114-kh-bcd-2025/bao-cao/bao-cao-thang@minhbach"));
    let plan = events(&fs::read_to_string(out.join("ke-hoach/223-kh-ubnd-2024/lich.ics")).unwrap());
    assert!(plan.keys().all(|u| u.starts_with("223-kh-ubnd-2024/")));
}

#[test]
fn removing_a_task_changes_only_its_own_events() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let extra = TASKS.to_string()
        + "          - number: \"3\"\n            task: \"Việc thứ ba\"\n            lead: \"Sở KH&CN\"\n            deadline: \"trước ngày 15/10/2025\"\n";
    write_content(tmp.path(), &[("plans/kh-thu/tasks.yaml", &extra)]);
    let (_a, out_a) = build(tmp.path());
    let with3 = events(&fs::read_to_string(out_a.join("lich/lich.ics")).unwrap());
    write_content(tmp.path(), &[("plans/kh-thu/tasks.yaml", TASKS)]);
    let (_b, out_b) = build(tmp.path());
    let without3 = events(&fs::read_to_string(out_b.join("lich/lich.ics")).unwrap());
    assert_eq!(with3.len(), without3.len() + 1);
    for (uid, ev) in &without3 {
        assert_eq!(with3.get(uid), Some(ev), "{uid} changed");
    }
    assert!(with3.contains_key("kh-thu/nhiem-vu/3@minhbach"));
}

#[test]
fn september_2025_month_page_matches_golden() {
    let (_t, out) = build(&shipped_content());
    let got = fs::read_to_string(out.join("lich/2025-09/index.html")).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/lich-2025-09.html");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&golden, &got).unwrap();
    }
    let want = fs::read_to_string(&golden)
        .expect("golden file missing: run with UPDATE_GOLDEN=1 to create it");
    assert!(
        got == want,
        "month page differs from tests/golden/lich-2025-09.html (UPDATE_GOLDEN=1 to accept)"
    );
    // What the golden copy must show, checked independently of it.
    assert!(got.contains("Lịch tháng 9/2025"));
    assert!(got.contains("id=\"ngay-2025-09-30\""));
    assert!(got.contains("Nguyên văn: “Tháng 9/2025”"));
    assert!(got.contains("rel=\"prev\" href=\"../../lich/2025-08/index.html\""));
    assert!(got.contains("rel=\"next\" href=\"../../lich/2025-10/index.html\""));
    assert!(got.contains("Hằng quý, chậm nhất ngày 15 của tháng cuối quý"));
}

#[test]
fn ongoing_tasks_are_never_put_on_a_date() {
    let (_t, out) = build(&shipped_content());
    let ics = fs::read_to_string(out.join("lich/lich.ics")).unwrap();
    // Task 2 of 114/KH-BCĐ is "Thường xuyên".
    assert!(!ics.contains("114-kh-bcd-2025/nhiem-vu/2@"));
    let index = fs::read_to_string(out.join("lich/index.html")).unwrap();
    assert!(index.contains("ke-hoach/114-kh-bcd-2025/nhiem-vu/2/index.html"));
}
