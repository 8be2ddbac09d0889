//! The hostile-content fixture (tests/hostile/content: script, attribute,
//! URL, template, XML and calendar payloads in every field) builds, and its
//! output holds nothing executable from content: no `<script>` but the
//! theme's own, no event-handler attributes, no `javascript:`/`data:` URLs;
//! feeds stay well-formed XML, data files valid JSON, calendars free of
//! injected lines. The browser suite loads the same site in Chromium.

mod common;

#[path = "support/scan.rs"]
mod scan;

use std::path::{Path, PathBuf};

use common::*;
use scan::executable;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/content")
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    for bad in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"JavaScript&#58;alert(1)\">x</a>",
        "<a href=' javascript:alert(1)'>x</a>",
        "<iframe srcdoc=\"x\"></iframe>",
        "<svg onload=alert(1)>",
        "<img src=\"data:image/svg+xml,x\">",
    ] {
        assert!(!executable(bad).is_empty(), "{bad}");
    }
    let safe = "<p title=\"x onerror=alert(1)\">&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</p>\
                <script src=\"../tai-nguyen/site.js\" defer></script><a href=\"https://x.vn/\">x</a>";
    assert_eq!(executable(safe), Vec::<String>::new());
}

#[test]
fn hostile_content_builds_into_an_inert_site() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let r = minhbach::build(&opts(&fixture(), &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    let files = snapshot(&out);
    let (mut pages, mut feeds, mut calendars) = (0, 0, 0);
    let mut problems = Vec::new();
    for (name, bytes) in &files {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        if name.ends_with(".svg") {
            problems.extend(executable(text).into_iter().map(|p| format!("{name}: {p}")));
            if let Err(e) = roxmltree::Document::parse(text) {
                problems.push(format!("{name}: not well-formed SVG: {e}"));
            }
        } else if name.ends_with(".html") {
            pages += 1;
            problems.extend(executable(text).into_iter().map(|p| format!("{name}: {p}")));
            assert!(
                !text.contains("49tera"),
                "{name}: content was run as a template"
            );
        } else if name.ends_with(".xml") {
            feeds += 1;
            if let Err(e) = roxmltree::Document::parse(text) {
                problems.push(format!("{name}: not well-formed XML: {e}"));
            }
        } else if name.ends_with(".json") {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
                problems.push(format!("{name}: not JSON: {e}"));
            }
        } else if name.ends_with(".ics") {
            calendars += 1;
            for line in text.split("\r\n") {
                if line.starts_with("X-INJECT") || line.contains('\n') || line.contains('\r') {
                    problems.push(format!("{name}: injected line {line:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        pages > 10 && feeds > 0 && calendars > 0,
        "{pages} {feeds} {calendars}"
    );
    // The payloads are shown as text, not dropped: the narrative keeps them.
    let plan = String::from_utf8_lossy(&files["ke-hoach/kh-doc-hai/index.html"]).into_owned();
    assert!(
        plan.contains("&lt;script&gt;alert('raw block')&lt;/script&gt;"),
        "raw HTML is shown as text"
    );
    assert!(
        plan.contains("X-INJECT:1"),
        "calendar payloads are shown as text"
    );
}
