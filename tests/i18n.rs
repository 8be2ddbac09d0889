//! Languages: `language` and `ui_languages` are checked against the theme's
//! i18n files; every key is present in every language of the default theme
//! and used; an English site speaks English in its own words.

mod common;

use std::fs;

use common::*;
use minhbach::diagnostics::Severity;
use minhbach::render::i18n::{Entry, I18n, REFERENCE};
use minhbach::render::theme::Theme;

#[test]
fn every_key_is_in_every_language_and_used_and_nothing_is_missing() {
    let theme = Theme::embedded().unwrap();
    let problems = theme.i18n_problems();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(theme.i18n.languages().contains(&"en".to_string()));
    // Every template key resolves in every language without falling back.
    for lang in theme.i18n.languages() {
        let c = theme.i18n.catalog(&lang).unwrap();
        for k in &theme.template_keys {
            assert!(c.get(k).is_some(), "{lang}: {k}");
        }
    }
}

fn errors_for_language(value: &str) -> Vec<minhbach::diagnostics::Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let site = format!("title: \"T\"\nlanguage: {value}\nas_of: 2025-09-20\n");
    write_content(tmp.path(), &[("site.yaml", &site)]);
    let r = minhbach::check(tmp.path(), None);
    r.diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect()
}

#[test]
fn an_unknown_language_is_an_error_at_its_line_listing_the_available_ones() {
    let errs = errors_for_language("tlh");
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(errs[0].message.contains("tlh"), "{}", errs[0].message);
    assert!(errs[0].message.contains("en, vi"), "{}", errs[0].message);
    assert_eq!(errs[0].location.line, 2);
    let help = errs[0].help.as_deref().unwrap_or("");
    assert!(help.contains("i18n/tlh.toml"), "{help}");
    // A value that is not a language tag at all is reported once, by the
    // site checks.
    let errs = errors_for_language("klingon");
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].location.line, 2);
}

#[test]
fn extra_ui_languages_must_exist_differ_from_the_site_language_and_not_repeat() {
    for (list, word) in [
        ("[xx]", "xx"),
        ("[vi]", "own language"),
        ("[en, en]", "twice"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        valid_content(tmp.path());
        let site = format!("title: \"T\"\nlanguage: vi\nui_languages: {list}\nas_of: 2025-09-20\n");
        write_content(tmp.path(), &[("site.yaml", &site)]);
        let r = minhbach::check(tmp.path(), None);
        let errs: Vec<_> = r
            .diagnostics
            .sorted()
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        assert_eq!(errs.len(), 1, "{list}: {errs:#?}");
        assert!(
            errs[0].message.contains(word),
            "{list}: {}",
            errs[0].message
        );
        assert_eq!(errs[0].location.line, 3, "{list}");
    }
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let site = "title: \"T\"\nlanguage: vi\nui_languages: [en]\nas_of: 2025-09-20\n";
    write_content(tmp.path(), &[("site.yaml", site)]);
    let r = minhbach::check(tmp.path(), None);
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    // Until the editions are built, the setting says so rather than
    // being silently accepted.
    let w = r.diagnostics.sorted();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].message.contains("not built yet"), "{}", w[0].message);
}

/// The Vietnamese words of the reference file that are long enough to be
/// unmistakably Vietnamese UI words (not ids or numbers).
fn vietnamese_words() -> Vec<String> {
    let i = I18n::embedded().unwrap();
    let vi = i.catalog(REFERENCE).unwrap();
    let mut words = Vec::new();
    for k in vi.keys() {
        if k.starts_with("path.") || k.starts_with("date.") {
            continue;
        }
        match vi.get(k).unwrap() {
            Entry::Text(s) => words.push(s.clone()),
            Entry::Plural { one, other } => words.extend([one.clone(), other.clone()]),
            Entry::List(l) => words.extend(l.iter().cloned()),
        }
    }
    words.retain(|w| w.chars().count() >= 4 && !w.is_ascii());
    words
}

/// Content with English-only words, so any Vietnamese on a page is the UI's.
fn english_content(dir: &std::path::Path) {
    write_content(
        dir,
        &[
            (
                "site.yaml",
                "title: \"Test\"\nlanguage: en\nas_of: 2025-09-20\n",
            ),
            (
                "agencies.yaml",
                "agencies:\n  - id: dost\n    name: \"Department of Science\"\n    kind: department\n",
            ),
            (
                "plans/p/plan.md",
                "---\nnumber: \"1/PLAN\"\ndoc_type: \"Plan\"\ntitle: \"A plan\"\nissuer: dost\nperiod: { start: 2025-09-01, end: 2025-12-31 }\n---\nText.\n",
            ),
            (
                "plans/p/tasks.yaml",
                "groups:\n  - code: \"I\"\n    title: \"ONE\"\n    goals:\n      - goal: \"Goal\"\n        tasks:\n          - number: \"1\"\n            task: \"First\"\n            lead: \"Department of Science\"\n            deadline: \"30/10/2025\"\n",
            ),
        ],
    );
}

#[test]
fn a_site_in_english_says_so_and_its_translated_pages_hold_no_vietnamese_ui_word() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("c"), tmp.path().join("o"));
    english_content(&content);
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<html lang=\"en\">"));
    assert!(home.contains(">Plans</a>") && home.contains(">Skip to main content<"));
    assert!(home.contains("content=\"en_GB\"") && home.contains("1 task"));
    // Words made by the program: the as-of date and the state labels.
    assert!(home
        .contains("Data as of <time datetime=\"2025-09-20\"><strong>20 September 2025</strong>"));
    assert!(home.contains(">Not yet due, no report</span>"), "{home}");
    let atom = fs::read_to_string(out.join("ban-tin.xml")).unwrap();
    assert!(atom.contains("xml:lang=\"en\"") && atom.contains("<title>Updates — Test</title>"));
    let words = vietnamese_words();
    assert!(words.len() > 40, "{words:?}");
    let ics = fs::read_to_string(out.join("lich/lich.ics"))
        .unwrap()
        .replace("\r\n ", "");
    assert!(ics.contains("PRODID:-//minhbach//minhbach//EN"), "{ics}");
    assert!(
        ics.contains("Deadline (as written): 30/10/2025") && ics.contains("SUMMARY:Due: Task 1"),
        "{ics}"
    );
    for w in &words {
        assert!(
            !ics.contains(w.as_str()),
            "Vietnamese UI word {w:?} in the English ICS"
        );
    }
    // The pages whose templates take every word from the i18n files (the
    // page title in <head> and the status line are still made in Rust).
    for page in ["ke-hoach", "co-quan", "tim-kiem", "bao-cao"] {
        let html = fs::read_to_string(out.join(page).join("index.html")).unwrap();
        let header = &html[html.find("<body>").unwrap()..html.find("<p class=\"asof").unwrap()];
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        for w in &words {
            assert!(
                !header.contains(w.as_str()),
                "{page}: Vietnamese UI word {w:?} in the header"
            );
            assert!(
                !main.contains(w.as_str()),
                "{page}: Vietnamese UI word {w:?} in the page"
            );
        }
    }
}

/// The reference words of the keys whose prefix is in `prefixes`.
fn vietnamese_words_of(prefixes: &[&str]) -> Vec<String> {
    let i = I18n::embedded().unwrap();
    let vi = i.catalog(REFERENCE).unwrap();
    let mut words = Vec::new();
    for k in vi.keys() {
        if !prefixes.iter().any(|p| k.starts_with(p)) {
            continue;
        }
        match vi.get(k).unwrap() {
            Entry::Text(s) => words.push(s.clone()),
            Entry::Plural { one, other } => words.extend([one.clone(), other.clone()]),
            Entry::List(l) => words.extend(l.iter().cloned()),
        }
    }
    // Placeholders are filled in, so only the text before the first one is
    // looked for.
    let mut words: Vec<String> = words
        .iter()
        .map(|w| w.split('{').next().unwrap_or_default().trim().to_string())
        .collect();
    // Short fragments ("ngày") also occur in words made by the program.
    words.retain(|w| w.chars().count() >= 8 && !w.is_ascii());
    words
}

#[test]
fn the_plan_task_agency_status_calendar_and_report_pages_hold_none_of_their_vietnamese_words_in_english(
) {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("c"), tmp.path().join("o"));
    english_content(&content);
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let month = fs::read_dir(out.join("lich"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("2025-"))
        .expect("a month page");
    // Each page against the words of its own templates (state and group
    // labels are still made in Rust, in Vietnamese).
    let pages: [(String, &[&str]); 6] = [
        (
            "ke-hoach/p/index.html".into(),
            &["plan.", "plantable.", "cite.", "parts."],
        ),
        (
            "ke-hoach/p/nhiem-vu/1/index.html".into(),
            &["task_page.", "cite."],
        ),
        (
            "co-quan/dost/index.html".into(),
            &["agency.", "cite.", "parts."],
        ),
        ("tinh-trang/index.html".into(), &["status.", "parts."]),
        ("lich/index.html".into(), &["calendar.", "parts."]),
        (format!("lich/{month}/index.html"), &["calendar.", "parts."]),
    ];
    let mut checked = 0;
    for (page, prefixes) in &pages {
        let words = vietnamese_words_of(prefixes);
        checked += words.len();
        let html = fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        if page.starts_with("ke-hoach") || page.starts_with("co-quan") {
            assert!(main.contains("Cite this page"), "{page}: {main}");
        }
        for w in &words {
            assert!(
                !main.contains(w.as_str()),
                "{page}: Vietnamese UI word {w:?} in the page"
            );
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn a_project_may_change_the_theme_words_in_its_own_i18n_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("c"), tmp.path().join("o"));
    english_content(&content);
    write_content(
        &content,
        &[("i18n/en.toml", "[nav]\nplans = \"Action plans\"\n")],
    );
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(">Action plans</a>"), "{home}");
    // Other words still come from the theme.
    assert!(home.contains(">Agencies</a>"));
    // A key the theme does not know is reported, not silently kept.
    write_content(&content, &[("i18n/en.toml", "[nav]\nplanz = \"x\"\n")]);
    let r = minhbach::check(&content, None);
    let w = r.diagnostics.sorted();
    assert!(
        w.iter()
            .any(|d| d.message.contains("nav.planz") && d.severity == Severity::Warning),
        "{w:#?}"
    );
    // A malformed file is an error naming it.
    write_content(&content, &[("i18n/en.toml", "[nav\n")]);
    let r = minhbach::build(&opts(&content, &out));
    assert!(r.diagnostics.has_errors());
    assert!(
        r.diagnostics
            .sorted()
            .iter()
            .any(|d| d.message.contains("en.toml")),
        "{:#?}",
        r.diagnostics.sorted()
    );
}
