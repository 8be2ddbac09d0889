use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(text: &str, y: i32, m: u32, d: u32) -> State {
    let dl = Deadline::parse(text, Some(2025));
    standing(Some(&dl), day(y, m, d), None).state
}

fn entry(status: Reported, completed: Option<NaiveDate>) -> Entry {
    Entry {
        plan: 0,
        task: 0,
        status,
        progress: None,
        completed,
        note: None,
        evidence: vec![],
        line: 1,
        reported_by: None,
    }
}

fn reported(text: &str, as_of: NaiveDate, e: &Entry, current: bool) -> State {
    let dl = Deadline::parse(text, Some(2025));
    standing(
        Some(&dl),
        as_of,
        Some(Latest {
            entry: e,
            current_period: current,
        }),
    )
    .state
}

#[test]
fn month_deadline_through_time_without_reports() {
    assert_eq!(at("Tháng 9/2025", 2025, 8, 1), State::Upcoming);
    assert_eq!(at("Tháng 9/2025", 2025, 9, 20), State::DueSoon);
    assert_eq!(at("Tháng 9/2025", 2025, 9, 30), State::DueSoon);
    assert_eq!(at("Tháng 9/2025", 2025, 10, 1), State::PastDeadline);
}

#[test]
fn before_a_day_is_past_on_that_day() {
    assert_eq!(at("trước ngày 12/9/2025", 2025, 9, 11), State::DueSoon);
    assert_eq!(at("trước ngày 12/9/2025", 2025, 9, 12), State::PastDeadline);
}

#[test]
fn undated_kinds() {
    assert_eq!(at("Thường xuyên", 2025, 9, 1), State::Ongoing);
    assert_eq!(at("Hằng tháng", 2025, 9, 1), State::Recurring);
    assert_eq!(at("Theo quy định", 2025, 9, 1), State::NoDate);
    assert_eq!(standing(None, NaiveDate::MIN, None).state, State::NoDate);
}

#[test]
fn milestones_use_the_next_one() {
    let t = "Ban hành Kế hoạch trong tháng 01/2025; Báo cáo trước ngày 10/12/2025";
    assert_eq!(at(t, 2025, 1, 20), State::DueSoon);
    assert_eq!(at(t, 2025, 6, 1), State::Upcoming);
    assert_eq!(at(t, 2025, 12, 10), State::PastDeadline);
    let t = "- Báo cáo năm: Gửi trước ngày 09/12/2025.\n- Thường xuyên theo chỉ đạo của Trung ương, tỉnh.";
    assert_eq!(at(t, 2026, 1, 1), State::Ongoing);
}

#[test]
fn government_office_states() {
    let as_of = day(2025, 11, 1);
    let on_time = entry(Reported::Done, Some(day(2025, 9, 30)));
    assert_eq!(
        reported("Tháng 9/2025", as_of, &on_time, true),
        State::DoneOnTime
    );
    let late = entry(Reported::Done, Some(day(2025, 10, 1)));
    assert_eq!(
        reported("Tháng 9/2025", as_of, &late, true),
        State::DoneLate
    );
    // "trước ngày 12/9" is met by the 11th only.
    let late = entry(Reported::Done, Some(day(2025, 9, 12)));
    assert_eq!(
        reported("trước ngày 12/9/2025", as_of, &late, true),
        State::DoneLate
    );
    let open = entry(Reported::InProgress, None);
    assert_eq!(
        reported("Tháng 9/2025", as_of, &open, true),
        State::OpenOverdue
    );
    assert_eq!(
        reported("Tháng 12/2025", as_of, &open, true),
        State::OpenWithinDeadline
    );
    let not_started = entry(Reported::NotStarted, None);
    assert_eq!(
        reported("Năm 2025", as_of, &not_started, false),
        State::OpenWithinDeadline
    );
    let done = entry(Reported::Done, Some(day(2025, 10, 1)));
    assert_eq!(reported("Theo quy định", as_of, &done, true), State::Done);
}

#[test]
fn continuous_duties_are_judged_per_period() {
    let as_of = day(2025, 11, 1);
    let e = entry(Reported::Ongoing, None);
    assert_eq!(
        reported("Thường xuyên", as_of, &e, true),
        State::OngoingReported
    );
    assert_eq!(
        reported("Hằng tháng", as_of, &e, true),
        State::OngoingReported
    );
    // Reported in an earlier period only: no report for this one.
    assert_eq!(reported("Thường xuyên", as_of, &e, false), State::Ongoing);
}
