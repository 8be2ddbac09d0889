//! The deadline grammar follows the plan's language (default: the site's):
//! an English plan's cells are read by the English grammar with the date
//! order and fiscal-year start of `site.yaml`; an unknown language is an
//! error at its line.

mod common;

use common::*;
use minhbach::diagnostics::Severity;
use minhbach::model::DeadlineKind;

fn english_tasks(a: &str, b: &str) -> String {
    TASKS
        .replace("deadline: \"Tháng 9/2025\"", &format!("deadline: {a:?}"))
        .replace("deadline: \"Thường xuyên\"", &format!("deadline: {b:?}"))
}

fn load(
    site: &str,
    front_extra: &str,
    a: &str,
    b: &str,
) -> (
    Option<minhbach::model::Model>,
    Vec<minhbach::diagnostics::Diagnostic>,
) {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let plan = PLAN_MD.replace(
        "issuer: so-khcn\n",
        &format!("issuer: so-khcn\n{front_extra}"),
    );
    write_content(
        tmp.path(),
        &[
            ("site.yaml", site),
            ("plans/kh-thu/plan.md", &plan),
            ("plans/kh-thu/tasks.yaml", &english_tasks(a, b)),
        ],
    );
    let (m, d) = minhbach::load_model(tmp.path(), None);
    (m, d.sorted().into_iter().cloned().collect())
}

const SITE_EN: &str =
    "title: \"T\"\nlanguage: en\nas_of: 2025-09-20\ndate_order: month_day\nfiscal_year_start: 10\n";

#[test]
fn an_english_site_reads_english_deadlines_with_its_settings() {
    let (m, d) = load(SITE_EN, "", "12/31/2025", "FY 2026");
    assert!(d.is_empty(), "{d:#?}");
    let m = m.unwrap();
    let t = &m.plans[0].tasks;
    assert_eq!(m.plans[0].language, "en");
    assert_eq!(t[0].deadline.as_ref().unwrap().kind.name(), "due");
    assert!(matches!(
        t[1].deadline.as_ref().unwrap().kind,
        DeadlineKind::Span { from, .. } if from.to_string() == "2025-10-01"
    ));
}

#[test]
fn a_plan_may_name_its_own_language() {
    let (m, d) = load(SITE, "language: en\n", "Q4 2025", "Ongoing");
    assert!(d.is_empty(), "{d:#?}");
    let m = m.unwrap();
    assert_eq!(m.plans[0].language, "en");
    assert!(m.plans[0]
        .tasks
        .iter()
        .all(|t| t.deadline.as_ref().unwrap().is_understood()));
    // The same words in a Vietnamese plan are not understood, and said so.
    let (_, d) = load(SITE, "", "Q4 2025", "Ongoing");
    assert_eq!(
        d.iter().filter(|d| d.severity == Severity::Warning).count(),
        2,
        "{d:#?}"
    );
}

#[test]
fn an_unknown_plan_language_is_an_error_listing_the_grammars() {
    let (m, d) = load(SITE, "language: fr\n", "Q4 2025", "Ongoing");
    assert!(m.is_none());
    let e: Vec<_> = d.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(e.len(), 1, "{d:#?}");
    assert!(e[0].message.contains("en, vi"), "{}", e[0].message);
    assert_eq!(e[0].location.line, 6);
}

#[test]
fn a_fiscal_year_start_outside_the_year_is_an_error() {
    let site = SITE_EN.replace("fiscal_year_start: 10", "fiscal_year_start: 13");
    let (m, d) = load(&site, "", "Q4 2025", "Ongoing");
    assert!(m.is_none());
    assert!(
        d.iter().any(|d| d.severity == Severity::Error
            && d.message.contains("13")
            && d.location.line == 5),
        "{d:#?}"
    );
}

#[test]
fn the_english_example_reads_every_deadline_and_covers_every_class() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/english");
    let (m, d) = minhbach::load_model(&dir, None);
    let d: Vec<_> = d.sorted().into_iter().cloned().collect();
    assert!(d.is_empty(), "{d:#?}");
    let m = m.unwrap();
    assert!(m.site.illustrative, "the example is labelled illustrative");
    let mut kinds: Vec<&str> = m.plans[0]
        .tasks
        .iter()
        .map(|t| {
            let dl = t.deadline.as_ref().unwrap();
            assert!(dl.is_understood(), "{}", dl.text);
            dl.kind.name()
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "due",
            "duration",
            "milestones",
            "ongoing",
            "open_start",
            "periodic",
            "recurring",
            "span",
            "unscheduled",
            "urgent"
        ]
    );
    let texts: Vec<&str> = m.plans[0]
        .tasks
        .iter()
        .filter_map(|t| t.deadline.as_ref().map(|d| d.text.as_str()))
        .collect();
    for form in [
        "December 31, 2020",
        "31 December 2020",
        "2021-03-31",
        "06/30/2021",
        "Q4 2020",
        "FY 2021",
        "~~March 2021~~ June 2021",
        "6 months after launch",
        "Ongoing",
        "<s>March 2021</s> June 2021",
        "<del>30 April 2021</del> **31 August 2021**",
        "<strike>Q2 2021</strike> <b>Q3 2021</b>",
        "Every 3 months starting 15 January 2021",
        "At least every 6 months",
        "One activity per quarter",
        "6 months",
        "30 days after the guidance is issued",
        "Within 6 months after adoption; annually thereafter",
    ] {
        assert!(texts.contains(&form), "{form}");
    }
}

/// The English example's calendars: revised cells fall on their later
/// date; recurrences with a first day are placed every few periods and
/// their ICS events carry `RRULE` with `INTERVAL`; those with no first day,
/// durations, events, urgent and conditional cells are listed, not placed.
#[test]
fn the_english_examples_calendars_carry_later_dates_and_intervals() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/english");
    let tmp = tempfile::tempdir().unwrap();
    let r = minhbach::build(&opts(&dir, tmp.path()));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let ics = std::fs::read_to_string(tmp.path().join("calendar/calendar.ics")).unwrap();
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("the feed parses");
    let event = |n: u32| {
        let uid = format!("digital-action-plan/nhiem-vu/{n}@minhbach");
        cal.components
            .iter()
            .find(|c| c.find_prop("UID").is_some_and(|p| p.val.as_str() == uid))
            .map(|c| {
                let get = |k: &str| c.find_prop(k).map(|p| p.val.as_str().to_string());
                (
                    get("DTSTART").unwrap_or_default(),
                    get("RRULE"),
                    get("DESCRIPTION"),
                )
            })
    };
    // Revisions: the later, unstruck date; the feed shows the words as
    // plain text (the struck date between `~~`, no HTML).
    for (n, day) in [
        (22, "20210630"),
        (23, "20210630"),
        (24, "20210831"),
        (25, "20210930"),
        (26, "20210731"),
        (27, "20211001"),
    ] {
        let (start, rule, desc) = event(n).unwrap_or_else(|| panic!("task {n} placed"));
        assert_eq!(start, day, "task {n}");
        assert!(rule.is_none(), "task {n}");
        let desc = desc.unwrap_or_default();
        assert!(!desc.contains('<'), "task {n}: {desc}");
    }
    assert!(event(24)
        .unwrap()
        .2
        .unwrap()
        .contains("~~30 April 2021~~ 31 August 2021"));
    // Recurrences from a first day.
    for (n, day, rule) in [
        (28, "20210115", "FREQ=MONTHLY;INTERVAL=3;UNTIL=20211015"),
        (29, "20210630", "FREQ=YEARLY;INTERVAL=2;UNTIL=20210630"),
        (30, "20210104", "FREQ=WEEKLY;INTERVAL=2;UNTIL=20211220"),
    ] {
        let (start, r, _) = event(n).unwrap_or_else(|| panic!("task {n} placed"));
        assert_eq!(
            (start.as_str(), r.as_deref()),
            (day, Some(rule)),
            "task {n}"
        );
    }
    // Every three months from 15 January: April, July, October, on the 15th.
    for month in ["2021-04", "2021-07", "2021-10"] {
        let page = std::fs::read_to_string(tmp.path().join(format!("calendar/{month}/index.html")))
            .unwrap();
        assert!(
            page.contains("Every 3 months starting 15 January 2021"),
            "{month}"
        );
    }
    let may = std::fs::read_to_string(tmp.path().join("calendar/2021-05/index.html")).unwrap();
    assert!(!may.contains("Every 3 months starting"), "not in May");
    // With no first day, no calendar date: listed with the undated tasks.
    for n in 31..=42 {
        assert!(event(n).is_none(), "task {n} has no calendar date");
    }
    let index = std::fs::read_to_string(tmp.path().join("calendar/index.html")).unwrap();
    for words in [
        "At least every 6 months",
        "6 months",
        "Within 6 months after adoption; annually thereafter",
        "If any",
    ] {
        assert!(index.contains(words), "{words} listed");
    }
    // The meaning each page gives.
    let meaning = |n: u32| {
        let html = std::fs::read_to_string(
            tmp.path()
                .join(format!("plans/digital-action-plan/tasks/{n}/index.html")),
        )
        .unwrap();
        let at = html.find("<dt>Deadline as read</dt><dd>").unwrap()
            + "<dt>Deadline as read</dt><dd>".len();
        html[at..html[at..].find('<').unwrap() + at].to_string()
    };
    assert_eq!(meaning(36), "Within 6 months (no start date given)");
    assert_eq!(
        meaning(37),
        "No calendar date: 30 days after: the guidance is issued"
    );
    assert_eq!(
        meaning(38),
        "Several milestones: No calendar date: within 6 months after: adoption; Every year thereafter"
    );
    assert_eq!(meaning(31), "Every six months, or more often");
    assert_eq!(meaning(40), "Urgent, no date given");
}

#[test]
fn a_revised_date_is_shown_struck_and_the_words_stay_escaped() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/english");
    let tmp = tempfile::tempdir().unwrap();
    let r = minhbach::build(&opts(&dir, tmp.path()));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let task = std::fs::read_to_string(
        tmp.path()
            .join("plans/digital-action-plan/tasks/22/index.html"),
    )
    .unwrap();
    assert!(task.contains("<del>March 2021</del> June 2021"), "{task}");
    // Every page that quotes the cell (calendar months, agency and plan
    // lists, upcoming dates) shows it struck, never the raw markers.
    let mut struck = 0;
    let mut stack = vec![tmp.path().to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                let html = std::fs::read_to_string(&p).unwrap();
                assert!(!html.contains("~~March 2021~~"), "{}", p.display());
                struck += usize::from(html.contains("<del>March 2021</del>"));
            }
        }
    }
    assert!(struck >= 4, "only {struck} pages show the revised date");
    // Hostile words between the markers are escaped like any text.
    let tmp2 = tempfile::tempdir().unwrap();
    // The output may not lie inside the content: content in its own folder.
    let content2 = tmp2.path().join("c");
    valid_content(&content2);
    write_content(
        &content2,
        &[(
            "plans/kh-thu/tasks.yaml",
            &TASKS.replace("Tháng 9/2025", "~~<b>x</b>~~ Tháng 9/2025"),
        )],
    );
    let out = tmp2.path().join("out");
    let r = minhbach::build(&opts(&content2, &out));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let task = std::fs::read_to_string(out.join("ke-hoach/kh-thu/nhiem-vu/1/index.html")).unwrap();
    assert!(
        task.contains("<del>&lt;b&gt;x&lt;&#x2F;b&gt;</del> Tháng 9/2025")
            || task.contains("<del>&lt;b&gt;x&lt;/b&gt;</del> Tháng 9/2025"),
        "{task}"
    );
}
