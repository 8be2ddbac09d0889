//! Languages: `language` and `ui_languages` are checked against the theme's
//! i18n files; every key is present in every language of the default theme
//! and used; an English site speaks English in its own words.

mod common;

use std::fs;

use common::*;
use minhbach::diagnostics::Severity;
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
    // The editions are built: the setting is accepted without a word.
    let w = r.diagnostics.sorted();
    assert!(w.is_empty(), "{w:#?}");
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
    let atom = fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(atom.contains("xml:lang=\"en\"") && atom.contains("<title>Updates — Test</title>"));
    let ics = fs::read_to_string(out.join("calendar/calendar.ics"))
        .unwrap()
        .replace("\r\n ", "");
    assert!(ics.contains("PRODID:-//minhbach//minhbach//EN"), "{ics}");
    assert!(
        ics.contains("Deadline (as written): 30/10/2025") && ics.contains("SUMMARY:Due: Task 1"),
        "{ics}"
    );
    // Every file but the scripts (which carry the reference words as
    // defaults) holds no Vietnamese interface word.
    let words = vietnamese_ui_words();
    assert!(words.len() > 300, "{}", words.len());
    for (path, bytes) in snapshot(&out) {
        if path.starts_with("assets/") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes).replace("\r\n ", "");
        for w in &words {
            assert!(
                !text.contains(w.as_str()),
                "{path}: Vietnamese interface words {w:?}"
            );
        }
    }
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

#[test]
fn project_i18n_files_follow_the_rules_of_content_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("c"), tmp.path().join("o"));
    english_content(&content);
    let errors = |content: &std::path::Path| -> Vec<String> {
        let r = minhbach::check(content, None);
        r.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.to_string())
            .collect()
    };
    // U+0001 typed into a word: refused at its line and column (it would
    // make the Atom feeds invalid XML).
    write_content(
        &content,
        &[("i18n/en.toml", "[nav]\nplans = \"Act\u{1}ion\"\n")],
    );
    let e = errors(&content);
    assert!(
        e.iter()
            .any(|m| m.contains("en.toml:2:13") && m.contains("U+0001")),
        "{e:?}"
    );
    // The same as a TOML escape; a zero-width space typed.
    write_content(
        &content,
        &[("i18n/en.toml", "[nav]\nplans = \"Act\\u0001ion\"\n")],
    );
    let e = errors(&content);
    assert!(
        e.iter()
            .any(|m| m.contains("nav.plans") && m.contains("U+0001")),
        "{e:?}"
    );
    write_content(
        &content,
        &[("i18n/en.toml", "[nav]\nplans = \"Act\u{200b}ion\"\n")],
    );
    let e = errors(&content);
    assert!(
        e.iter()
            .any(|m| m.contains("en.toml:2:13") && m.contains("U+200B")),
        "{e:?}"
    );
    // A word of a million characters would be copied into every page.
    write_content(
        &content,
        &[(
            "i18n/en.toml",
            &format!("[nav]\nplans = \"{}\"\n", "x".repeat(1_000_000)),
        )],
    );
    let e = errors(&content);
    assert!(
        e.iter().any(|m| m.contains("characters per i18n entry")),
        "{e:?}"
    );
    let r = minhbach::build(&opts(&content, &out));
    assert!(r.diagnostics.has_errors() && !out.exists());
    // A pipe where a file should be is an error, never a hang.
    fs::remove_file(content.join("i18n/en.toml")).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(content.join("i18n/en.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    let started = std::time::Instant::now();
    let e = errors(&content);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert!(e.iter().any(|m| m.contains("not a regular file")), "{e:?}");
}

/// The literal keys of `say("…")`, `say_with("…", …)`, `say_n("…", …)` and
/// `say_full("…", …)` calls in a Rust source.
fn said_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in ["say(", "say_with(", "say_n(", "say_full("] {
        let mut rest = source;
        while let Some(at) = rest.find(call) {
            let after = rest[at + call.len()..].trim_start();
            if let Some(lit) = after.strip_prefix('"') {
                if let Some(end) = lit.find('"') {
                    keys.push(lit[..end].to_string());
                }
            }
            rest = &rest[at + call.len()..];
        }
    }
    keys
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_key_the_program_says_is_a_program_key_present_in_the_reference() {
    let program = minhbach::render::i18n::check_program_keys();
    let theme = Theme::embedded().unwrap();
    let vi = theme.i18n.catalog("vi").unwrap();
    let mut files = Vec::new();
    rust_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut seen = 0;
    for f in files {
        let src = fs::read_to_string(&f).unwrap();
        // Tests may look up any key.
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        for k in said_keys(src) {
            seen += 1;
            assert!(
                program.contains(&k),
                "{}: `{k}` is not in PROGRAM_KEYS",
                f.display()
            );
            assert!(
                vi.get(&k).is_some(),
                "{}: `{k}` is not in vi.toml",
                f.display()
            );
        }
    }
    assert!(seen > 80, "{seen}");
    // A theme lacking one of them is refused when loaded, naming it.
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    fs::create_dir_all(t.join("i18n")).unwrap();
    fs::create_dir_all(t.join("templates")).unwrap();
    fs::create_dir_all(t.join("static")).unwrap();
    let default = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    let vi_text = fs::read_to_string(default.join("i18n/vi.toml")).unwrap();
    fs::write(
        t.join("i18n/vi.toml"),
        vi_text.replace("home = \"Trang chủ\"\n", ""),
    )
    .unwrap();
    for dir in ["templates", "templates/macros", "static"] {
        fs::create_dir_all(t.join(dir)).unwrap();
        for e in fs::read_dir(default.join(dir)).unwrap().flatten() {
            if e.path().is_file() {
                fs::copy(e.path(), t.join(dir).join(e.file_name())).unwrap();
            }
        }
    }
    let err = Theme::from_dir(t).err().expect("refused");
    assert!(err.to_string().contains("page.home"), "{err}");
}
