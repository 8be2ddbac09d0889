//! An English site speaks English in every file it writes: every page kind
//! (parts of split lists included), the open data (CSV, JSON, the data
//! dictionary), the chart tables, the ICS feeds and the Atom feed hold none
//! of the Vietnamese words of the reference i18n file. The content here is
//! English, so any Vietnamese word in the output is the interface's.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;

/// English content with every kind of page and file: a plan long enough
/// to be cut into parts, reporting duties of every schedule, an office
/// report with evidence and an indicator, and a record of documents.
fn english_site(dir: &Path) {
    let mut tasks = String::from("groups:\n  - code: \"I\"\n    title: \"ONE\"\n    goals:\n      - goal: \"Goal\"\n        tasks:\n");
    let deadlines = [
        "October 30, 2025",
        "Q4 2025",
        "Ongoing",
        "December 31, 2025",
        "by 15 November 2025",
        "Monthly",
        "6 months after launch",
        "~~September 2025~~ November 2025",
    ];
    for n in 1..=260 {
        let lead = if n % 3 == 0 {
            "Office of the Province"
        } else {
            "Department of Science"
        };
        tasks.push_str(&format!(
            "          - number: \"{n}\"\n            task: \"Work item {n}\"\n            lead: \"{lead}\"\n            cooperate: \"Office of the Province\"\n            deadline: \"{}\"\n",
            deadlines[n % deadlines.len()]
        ));
    }
    write_content(
        dir,
        &[
            (
                "site.yaml",
                "title: \"Test\"\nlanguage: en\nas_of: 2025-11-20\nbase_url: \"https://example.org/\"\n",
            ),
            (
                "agencies.yaml",
                "agencies:\n  - id: dost\n    name: \"Department of Science\"\n    kind: department\n  - id: office\n    name: \"Office of the Province\"\n    kind: office\n  - id: other\n    name: \"Some Other Body\"\n    kind: other\n",
            ),
            (
                "plans/p/plan.md",
                "---\nnumber: \"1/PLAN\"\ndoc_type: \"Plan\"\ntitle: \"A plan\"\ndate: 2025-08-20\nissuer: dost\nperiod: { start: 2025-09-01, end: 2025-12-31 }\n---\nText.\n",
            ),
            ("plans/p/tasks.yaml", &tasks),
            (
                "plans/p/duties.yaml",
                "duties:\n  - id: monthly\n    title: \"Monthly report\"\n    who: \"Department of Science\"\n    to: \"Office of the Province\"\n    schedule: { every: month, day: 9, before: true }\n    quote: \"Report before the 9th of each month\"\n  - id: quarterly\n    title: \"Quarterly report\"\n    who: \"Department of Science\"\n    schedule: { every: quarter, month: 3, day: 15 }\n    quote: \"Report by the 15th of the last month of each quarter\"\n  - id: yearly\n    title: \"Yearly report\"\n    who: \"Office of the Province\"\n    schedule: { every: year, month: 12, day: 15 }\n    quote: \"Report by 15 December\"\n  - id: once\n    title: \"Final report\"\n    who: \"Office of the Province\"\n    schedule: { date: 2025-12-20, before: true }\n    quote: \"Final report before 20 December\"\n",
            ),
            (
                "reports/2025-09-docs.yaml",
                "period: \"2025-09\"\ndate: 2025-09-30\nkind: evidence\nentries:\n  - task: \"p/2\"\n    status: in-progress\n    evidence:\n      - { number: \"7/DEC\", date: 2025-09-25, title: \"A decision\" }\n",
            ),
            (
                "reports/2025-10.yaml",
                "period: \"2025-10\"\ndate: 2025-11-05\nissuer: dost\nentries:\n  - task: \"p/1\"\n    status: done\n    progress: 100\n    completed: 2025-10-20\n  - task: \"p/2\"\n    status: in-progress\n    progress: 40\n    note: \"Under way\"\n  - task: \"p/3\"\n    status: not-started\n  - task: \"p/11\"\n    status: ongoing\nindicators:\n  - { plan: \"p\", id: \"rate\", name: \"Online rate\", unit: \"%\", target: 90, actual: 71 }\n",
            ),
        ],
    );
}

/// Every file of a built site, by path relative to it.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir)
}

#[test]
fn every_file_of_an_english_site_is_free_of_vietnamese_interface_words() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("c"), tmp.path().join("o"));
    english_site(&content);
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let site = files(&out);
    let words = vietnamese_ui_words();
    assert!(words.len() > 300, "{}", words.len());
    // Every kind of page and download is there (parts included).
    let must = [
        "index.html",
        "plans/index.html",
        "plans/p/index.html",
        "plans/p/page_2/index.html",
        "plans/p/tasks/1/index.html",
        "agencies/index.html",
        "agencies/dost/index.html",
        "status/index.html",
        "calendar/index.html",
        "calendar/2025-10/index.html",
        "reports/index.html",
        "reports/2025-10/index.html",
        "reports/2025-09-docs/index.html",
        "charts/index.html",
        "data/index.html",
        "search/index.html",
        "data/tasks.csv",
        "data/tasks.json",
        "data/agencies.csv",
        "data/agencies.json",
        "plans/p/tasks.csv",
        "agencies/dost/tasks.json",
        "calendar/calendar.ics",
        "plans/p/calendar.ics",
        "agencies/dost/calendar.ics",
        "feed.xml",
        "sitemap.xml",
    ];
    for m in must {
        assert!(
            site.contains_key(m),
            "{m} missing: {:?}",
            site.keys().take(50).collect::<Vec<_>>()
        );
    }
    assert!(site
        .keys()
        .any(|k| k.starts_with("charts/") && k.ends_with(".csv")));
    assert!(site
        .keys()
        .any(|k| k.starts_with("status/") && k != "status/index.html"));
    assert!(site
        .keys()
        .any(|k| k.starts_with("agencies/office/plans/p/")));
    let mut pages = 0;
    for (path, bytes) in &site {
        // The scripts carry the reference words as defaults; a page in
        // another language gives its own (checked below).
        if path.starts_with("assets/") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes).replace("\r\n ", "");
        if path.ends_with(".html") {
            pages += 1;
            assert!(text.contains("<html lang=\"en\">"), "{path}");
        }
        for w in &words {
            assert!(
                !text.contains(w.as_str()),
                "{path}: Vietnamese interface words {w:?}"
            );
        }
    }
    assert!(pages > 280, "{pages}");
    let page = |p: &str| String::from_utf8_lossy(&site[p]).into_owned();
    // Words made by the program, in English.
    let home = page("index.html");
    assert!(home.contains("<title>Home — Test</title>"), "{home}");
    assert!(home.contains("20 November 2025"));
    let task = page("plans/p/tasks/1/index.html");
    assert!(
        task.contains(">Home</a>") && task.contains(">Plans</a>"),
        "{task}"
    );
    assert!(task.contains("id=\"cite-en\"") && !task.contains("id=\"cite-vi\""));
    assert!(
        task.contains(
            "task No. 1, Plan No. 1/PLAN of 20 August 2025, issued by Department of Science."
        ),
        "{task}"
    );
    let plan_part = page("plans/p/page_2/index.html");
    assert!(
        plan_part.contains("<title>Plan 1/PLAN: task table, page 2 — Test</title>"),
        "{plan_part}"
    );
    let plan = page("plans/p/index.html");
    assert!(plan.contains("Monthly, before day 9"), "{plan}");
    assert!(plan.contains("Quarterly, no later than day 15 of the last month of the quarter"));
    assert!(plan.contains("Yearly, no later than 15 December"));
    assert!(plan.contains("Before 20 December 2025"));
    let month = page("calendar/2025-10/index.html");
    assert!(
        month.contains("<title>Calendar: October 2025 — Test</title>"),
        "{month}"
    );
    assert!(
        month.contains("Thursday, <time datetime=\"2025-10-30\">30 October 2025</time>"),
        "{month}"
    );
    let agency = page("agencies/office/index.html");
    assert!(agency.contains("Office"), "{agency}");
    // Open data: machine column names, English labels and dictionary.
    let csv = page("data/tasks.csv");
    assert!(csv.starts_with("\u{feff}plan_id,plan_number,"), "{csv}");
    assert!(csv.contains(",done-on-time,Done on time,"), "{csv}");
    let json = page("data/tasks.json");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["title"], "All tasks", "{json}");
    let registry = page("data/agencies.csv");
    assert!(
        registry.contains("other,Some Other Body,Other agency or unit"),
        "{registry}"
    );
    let data = page("data/index.html");
    assert!(
        data.contains("Status in words") && data.contains("Permanent address of the task page")
    );
    // Feeds.
    let atom = page("feed.xml");
    assert!(atom.contains("xml:lang=\"en\""), "{atom}");
    assert!(
        atom.contains("Plan 1/PLAN, 260 tasks. Period 1 September 2025 – 31 December 2025."),
        "{atom}"
    );
    assert!(atom.contains("4 tasks reported; 1 newly done;"), "{atom}");
    let ics = page("plans/p/calendar.ics").replace("\r\n ", "");
    assert!(
        ics.contains("DESCRIPTION:Monthly\\, before day 9\\n"),
        "{ics}"
    );
    // Charts: numbers the English way, English tables.
    let charts = page("charts/index.html");
    assert!(charts.contains("Indicators: target and result"), "{charts}");
    assert!(charts.contains("Tasks led, by agency"));
    // The search page gives the script its English words, the kinds in
    // rank order (tasks first).
    let search = page("search/index.html");
    assert!(
        search.contains("data-kinds=\"Task|Document|Agency\""),
        "{search}"
    );
    assert!(search.contains("data-w-none=\"No results for “{q}”.\""));
    let rows = page("search/d/0.json");
    assert!(
        rows.contains("\"Agency\"") && rows.contains("\"Task\""),
        "{rows}"
    );
}

#[test]
fn the_vietnamese_words_of_a_vietnamese_site_are_still_the_reference_ones() {
    // The same content in Vietnamese: the interface words are the
    // reference file's, and the citation is given in both languages.
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("c"), tmp.path().join("o"));
    english_site(&content);
    let site = fs::read_to_string(content.join("site.yaml")).unwrap();
    fs::write(
        content.join("site.yaml"),
        site.replace("language: en", "language: vi"),
    )
    .unwrap();
    let r = minhbach::build(&opts(&content, &out));
    // English deadlines are not read by the Vietnamese grammar: flagged,
    // never an error.
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let task = fs::read_to_string(out.join("ke-hoach/p/nhiem-vu/1/index.html")).unwrap();
    assert!(task.contains("<html lang=\"vi\">"));
    assert!(
        task.contains(">Trang chủ</a>") && task.contains(">Kế hoạch</a>"),
        "{task}"
    );
    assert!(task.contains("id=\"cite-vi\"") && task.contains("id=\"cite-en\" lang=\"en\""));
    assert!(task.contains("“Work item 1” [in Vietnamese]"), "{task}");
    let csv = fs::read_to_string(out.join("du-lieu/nhiem-vu.csv")).unwrap();
    assert!(csv.contains(",done,Đã hoàn thành,"), "{csv}");
}

#[test]
fn the_english_example_site_is_english_in_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/english");
    let out = tmp.path().join("o");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let words = vietnamese_ui_words();
    let site = files(&out);
    let kinds = ["html", "csv", "json", "ics", "xml"];
    for ext in kinds {
        assert!(site.keys().any(|k| k.ends_with(ext)), "no .{ext} file");
    }
    for (path, bytes) in &site {
        if path.starts_with("assets/") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes).replace("\r\n ", "");
        if path.ends_with(".html") {
            assert!(text.contains("<html lang=\"en\">"), "{path}");
        }
        for w in &words {
            assert!(
                !text.contains(w.as_str()),
                "{path}: Vietnamese interface words {w:?}"
            );
        }
    }
}

#[test]
fn the_no_base_url_warning_quotes_a_path_of_the_sites_language() {
    let tmp = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let warning = |content: &str| -> String {
        let mut o = opts(&root.join(content), &tmp.path().join(content));
        o.publishing = true;
        let r = minhbach::build(&o);
        assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
        r.diagnostics
            .sorted()
            .iter()
            .map(|d| d.to_string())
            .find(|d| d.contains("no base URL"))
            .unwrap_or_default()
    };
    let en = warning("examples/english");
    assert!(en.contains("such as /plans/…/"), "{en}");
    assert!(!en.contains("ke-hoach"), "{en}");
    let vi = warning("examples/minh-hoa");
    assert!(vi.contains("such as /ke-hoach/…/"), "{vi}");
}
