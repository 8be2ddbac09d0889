//! A second interface language (`ui_languages: [en]`): the live pages again
//! under `/en/`, with English words and English path words, each page
//! linked to its Vietnamese twin and back; the Vietnamese site unchanged
//! but for those links.

mod common;
#[path = "support/scan.rs"]
mod scan;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use minhbach::render::i18n::{I18n, Paths};

const BASE: &str = "https://example.org/mb/";

/// The illustrative example (its reports over the shipped plans) in a
/// fresh content folder, with `ui_languages` as given.
fn example(dir: &Path, ui: Option<&str>) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ex = root.join("examples/minh-hoa");
    let content = dir.join("content");
    fs::create_dir_all(content.join("reports")).unwrap();
    let site = fs::read_to_string(ex.join("site.yaml")).unwrap();
    let mut lines: Vec<String> = site
        .lines()
        .filter(|l| !l.starts_with("ui_languages:"))
        .map(|l| {
            if l.starts_with("base:") {
                format!("base: {:?}", root.join("content").display().to_string())
            } else {
                l.to_string()
            }
        })
        .collect();
    if let Some(u) = ui {
        lines.push(format!("ui_languages: {u}"));
    }
    fs::write(content.join("site.yaml"), lines.join("\n") + "\n").unwrap();
    for e in fs::read_dir(ex.join("reports")).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, content.join("reports").join(p.file_name().unwrap())).unwrap();
    }
    content
}

fn build(content: &Path, out: &Path, base_url: Option<&str>) {
    let mut o = common::opts(content, out);
    o.base_url = base_url.map(str::to_string);
    let r = minhbach::build(&o);
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
}

/// Every page of the output (`index.html`), by directory (`en/plans/x/`).
fn pages(out: &Path) -> BTreeMap<String, String> {
    common::snapshot(out)
        .into_iter()
        .filter_map(|(k, v)| {
            let dir = k.strip_suffix("index.html")?.to_string();
            Some((dir, String::from_utf8(v).unwrap()))
        })
        .collect()
}

/// `href` (relative to the page in `dir`, or absolute under `BASE`) as a
/// path from the output root, `..` resolved; `None` when it leaves it.
fn resolve(dir: &str, href: &str) -> Option<String> {
    let href = href.split('#').next().unwrap_or("");
    let joined = match href.strip_prefix(BASE) {
        Some(abs) => abs.to_string(),
        None => format!("{dir}{href}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Links as (language, href).
type LangLinks = Vec<(String, String)>;

/// A page's `hreflang` alternates and its language switch links.
fn twins(html: &str) -> (LangLinks, LangLinks) {
    let tags = scan::tags(html);
    let links = tags
        .iter()
        .filter(|t| t.name == "link" && t.get("rel") == Some("alternate"))
        .filter_map(|t| Some((t.get("hreflang")?.to_string(), t.get("href")?.to_string())))
        .collect();
    let switch = tags
        .iter()
        .filter(|t| t.name == "a" && t.get("hreflang").is_some())
        .map(|t| {
            assert_eq!(t.get("lang"), t.get("hreflang"), "switch link: {t:?}");
            (
                t.get("hreflang").unwrap().to_string(),
                t.get("href").unwrap().to_string(),
            )
        })
        .collect();
    (links, switch)
}

fn html_lang(html: &str) -> String {
    scan::tags(html)
        .into_iter()
        .find(|t| t.name == "html")
        .and_then(|t| t.get("lang").map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn every_page_links_to_its_twin_and_back_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let content = example(tmp.path(), Some("[en]"));
    let out = tmp.path().join("site");
    build(&content, &out, Some(BASE));
    check_twins(&out);
}

/// A plan long enough to be cut into parts, with a report.
fn long_plan(dir: &Path, n: usize) {
    let mut tasks = String::from("groups:\n  - code: \"I\"\n    title: \"NHÓM I\"\n    tasks:\n");
    for i in 1..=n {
        tasks.push_str(&format!(
            "      - number: \"{i}\"\n        task: \"Nhiệm vụ số {i}\"\n        lead: \"Sở KH&CN\"\n        deadline: \"{}/{}/2025\"\n",
            1 + i % 28,
            1 + i % 12
        ));
    }
    let site = format!("{}ui_languages: [en]\n", common::SITE);
    common::write_content(
        dir,
        &[
            ("site.yaml", site.as_str()),
            ("agencies.yaml", common::AGENCIES),
            (
                "plans/kh-lon/plan.md",
                "---\nnumber: \"9/KH-THU\"\ndoc_type: \"Kế hoạch\"\ntitle: \"Kế hoạch lớn\"\nissuer: so-khcn\ndate: 2025-01-10\nperiod: { start: 2025-01-01, end: 2025-12-31 }\n---\nNội dung.\n",
            ),
            ("plans/kh-lon/tasks.yaml", &tasks),
            (
                "reports/2025-09.yaml",
                "period: \"2025-09\"\ndate: 2025-09-12\nentries:\n  - task: \"kh-lon/1\"\n    status: done\n    completed: 2025-09-01\n",
            ),
        ],
    );
}

#[test]
fn the_parts_of_long_lists_pair_part_by_part() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    long_plan(&content, 600);
    let out = tmp.path().join("site");
    build(&content, &out, Some(BASE));
    check_twins(&out);
    let part3 = fs::read_to_string(out.join("en/plans/kh-lon/page_3/index.html")).unwrap();
    let (links, switch) = twins(&part3);
    assert_eq!(
        switch,
        [(
            "vi".to_string(),
            "../../../../ke-hoach/kh-lon/trang_3/index.html".to_string()
        )]
    );
    assert!(links.contains(&("vi".into(), format!("{BASE}ke-hoach/kh-lon/trang_3/"))));
    // Status lists by state and plan are cut too, and pair the same way.
    let status_parts = pages(&out)
        .into_keys()
        .filter(|d| d.starts_with("en/status/") && d.contains("/page_"))
        .count();
    assert!(status_parts > 0);
}

/// Every live page of both languages names its twin (and itself) with
/// `hreflang`, and its switch leads to the twin, whose switch leads back.
fn check_twins(out: &Path) {
    let all = pages(out);
    let live = |d: &&String| !d.starts_with("ban-luu/");
    let en: Vec<&String> = all.keys().filter(|d| d.starts_with("en/")).collect();
    let vi: Vec<&String> = all
        .keys()
        .filter(live)
        .filter(|d| !d.starts_with("en/"))
        .collect();
    assert!(en.len() > 200, "{} English pages", en.len());
    assert_eq!(en.len(), vi.len(), "one English page per Vietnamese page");
    for (dir, html) in &all {
        let (links, switch) = twins(html);
        if let Some(rest) = dir.strip_prefix("ban-luu/") {
            // Snapshots are Vietnamese only: no `hreflang` twin; the switch
            // leads to the live page's English twin, and says so.
            assert!(links.is_empty(), "{dir}");
            assert_eq!(html_lang(html), "vi", "{dir}");
            let live = rest.split_once('/').map_or("", |(_, d)| d);
            let want = format!("en/{}", en_dir(live));
            if all.contains_key(&want) {
                assert_eq!(switch.len(), 1, "{dir}: {switch:?}");
                assert_eq!(switch[0].0, "en", "{dir}");
                let to = resolve(dir, &switch[0].1).unwrap();
                assert_eq!(to, format!("{want}index.html"), "{dir}");
                assert!(
                    html.contains("bản hiện hành, vì bản lưu này không có bằng ngôn ngữ đó"),
                    "{dir}"
                );
            }
            continue;
        }
        let (mine, other) = if dir.starts_with("en/") {
            ("en", "vi")
        } else {
            ("vi", "en")
        };
        assert_eq!(html_lang(html), mine, "{dir}");
        let langs: Vec<&str> = links.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["vi", "en", "x-default"], "{dir}");
        let target = |href: &str| {
            // Absolute: the page's permalink, a directory.
            if let Some(abs) = href.strip_prefix(BASE) {
                assert!(abs.is_empty() || abs.ends_with('/'), "{dir}: {href}");
                return abs.to_string();
            }
            let to = resolve(dir, href).unwrap_or_else(|| panic!("{dir}: {href} leaves the site"));
            to.strip_suffix("index.html")
                .unwrap_or_else(|| panic!("{dir}: {href} is not a page"))
                .to_string()
        };
        for (l, href) in &links {
            assert!(
                href.starts_with(BASE),
                "{dir}: {href} is absolute with a base URL"
            );
            let to = target(href);
            assert!(all.contains_key(&to), "{dir}: {l} twin {to} missing");
            match l.as_str() {
                l if l == mine => assert_eq!(&to, dir, "{dir}: itself"),
                "x-default" | "vi" => assert!(!to.starts_with("en/"), "{dir}: {to}"),
                _ => assert!(to.starts_with("en/"), "{dir}: {to}"),
            }
        }
        // The visible switch: one relative link to the twin.
        assert_eq!(switch.len(), 1, "{dir}: {switch:?}");
        let (sl, shref) = &switch[0];
        assert_eq!(sl, other, "{dir}");
        assert!(!shref.contains("://"), "{dir}: the switch works from disk");
        let twin = target(shref);
        let twin_html = all
            .get(&twin)
            .unwrap_or_else(|| panic!("{dir}: switch to {twin} is a missing page"));
        // And back: the twin's switch and its alternate name this page.
        let (back_links, back_switch) = twins(twin_html);
        let back = resolve(&twin, &back_switch[0].1).unwrap();
        assert_eq!(back, format!("{dir}index.html"), "{twin} switches back");
        let back_alt = back_links.iter().find(|(l, _)| l == mine).unwrap();
        assert_eq!(
            target(&back_alt.1),
            **dir,
            "{twin} names {dir} as its {mine} twin"
        );
    }
}

#[test]
fn english_pages_use_english_path_words_only() {
    let tmp = tempfile::tempdir().unwrap();
    let content = example(tmp.path(), Some("[en]"));
    let out = tmp.path().join("site");
    build(&content, &out, None);
    let i = I18n::embedded().unwrap();
    let vi = Paths::of(&i, "vi").unwrap();
    let en = Paths::of(&i, "en").unwrap();
    let vi_words: BTreeSet<String> = [
        &vi.plans,
        &vi.tasks,
        &vi.agencies,
        &vi.calendar,
        &vi.reports,
        &vi.charts,
        &vi.data,
        &vi.search,
        &vi.status,
        &vi.archive,
        &vi.feed,
    ]
    .into_iter()
    .map(|w| w.trim_end_matches(".xml").to_string())
    .collect();
    let vietnamese = |path: &str| -> Option<String> {
        path.split('/')
            .map(|seg| seg.split('.').next().unwrap_or(seg))
            .find(|seg| vi_words.contains(*seg) || seg.starts_with(&format!("{}_", vi.part)))
            .map(str::to_string)
    };
    let files = common::snapshot(&out);
    let mut checked = 0;
    for (path, bytes) in &files {
        let Some(inside) = path.strip_prefix("en/") else {
            continue;
        };
        assert_eq!(vietnamese(inside), None, "file en/{inside}");
        let Some(dir) = path.strip_suffix("index.html") else {
            continue;
        };
        // Every link that stays in the English edition.
        for t in scan::tags(std::str::from_utf8(bytes).unwrap()) {
            for key in ["href", "action", "data-index"] {
                let Some(h) = t.get(key) else { continue };
                if h.contains("://") || h.starts_with('#') {
                    continue;
                }
                let to = resolve(dir, h).unwrap();
                let is_dir = h.ends_with('/') || h.is_empty();
                let file = if is_dir && !to.is_empty() {
                    format!("{to}/index.html")
                } else if is_dir {
                    "index.html".to_string()
                } else {
                    to.clone()
                };
                checked += 1;
                assert!(
                    files.contains_key(&file),
                    "{dir}: {key}={h} -> {file} missing"
                );
                match to.strip_prefix("en/") {
                    Some(inner) => assert_eq!(vietnamese(inner), None, "{dir}: {key}={h}"),
                    // Out of the edition: only to its twin, or to what
                    // every language shares (assets, snapshots).
                    None => assert!(
                        t.get("hreflang").is_some()
                            || to.starts_with(&format!("{}/", vi.assets))
                            || to.starts_with(&format!("{}/", vi.archive)),
                        "{dir}: {key}={h} leaves the English edition"
                    ),
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked} links checked");
    // The English words are the ones used.
    assert!(out
        .join("en")
        .join(en.task("114-kh-bcd-2025", "18"))
        .join("index.html")
        .is_file());
    assert!(out.join("en").join(en.ics("")).is_file());
    assert!(out.join("en").join(&en.feed).is_file());
    assert!(out.join("en").join(en.search_file("meta.json")).is_file());
    // English states and dates on every English page.
    let locale = i.locale("en");
    let state = regex::Regex::new(r#"<span class="state state-([a-z-]+)">([^<]*)</span>"#).unwrap();
    let mut states = 0;
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.starts_with("en/") && p.ends_with(".html"))
    {
        let html = std::str::from_utf8(bytes).unwrap();
        for c in state.captures_iter(html) {
            let s = minhbach::derive::State::ALL
                .iter()
                .find(|s| s.key() == &c[1])
                .unwrap_or_else(|| panic!("{path}: state {}", &c[1]));
            assert_eq!(&c[2], locale.state(*s).unwrap(), "{path}");
            states += 1;
        }
        assert!(
            html.contains("<strong>15 January 2026</strong>"),
            "{path}: the as-of date in English"
        );
    }
    assert!(states > 1000, "{states} state labels");
    // The Vietnamese passages of English pages say they are Vietnamese
    // (WCAG 3.1.2): titles, the task's own words, the plan's text.
    let task = fs::read_to_string(
        out.join("en")
            .join(en.task("114-kh-bcd-2025", "18"))
            .join("index.html"),
    )
    .unwrap();
    let tags = scan::tags(&task);
    let h1 = tags.iter().find(|t| t.name == "h1").unwrap();
    assert_eq!(h1.get("lang"), Some("vi"));
    assert!(task.contains("<dd class=\"pre\" lang=\"vi\">Triển khai Trung tâm Giám sát"));
    let plan = fs::read_to_string(
        out.join("en")
            .join(en.plan("114-kh-bcd-2025"))
            .join("index.html"),
    )
    .unwrap();
    assert!(plan.contains("<div lang=\"vi\">"));
    // Shared, not repeated: snapshots and assets stay at the root only.
    assert!(!out.join("en").join(&vi.assets).exists() && !out.join("en").join(&en.assets).exists());
    assert!(
        !out.join("en").join(&vi.archive).exists() && !out.join("en").join(&en.archive).exists()
    );
}

/// The English directory of a live Vietnamese page (`ke-hoach/x/` →
/// `plans/x/`).
fn en_dir(vi: &str) -> String {
    let i18n = I18n::embedded().unwrap();
    let (v, e) = (
        Paths::of(&i18n, "vi").unwrap(),
        Paths::of(&i18n, "en").unwrap(),
    );
    match minhbach::render::urls::address(&v, vi) {
        Some(at) => minhbach::render::urls::address_dir(&e, &at),
        None => vi.to_string(),
    }
}

/// Removes exactly what a second language adds to a Vietnamese page: the
/// three `hreflang` links and the switch (on a snapshot: the switch to the
/// live twin only). Panics when they are not there.
fn without_twins(dir: &str, html: &str) -> String {
    let mut kept = Vec::new();
    let mut alternates = 0;
    let mut in_switch = false;
    let mut switches = 0;
    for line in html.split_inclusive('\n') {
        if line.starts_with("<link rel=\"alternate\" hreflang=") {
            alternates += 1;
        } else if line.starts_with("<nav class=\"lang-switch\"") {
            in_switch = true;
            switches += 1;
        } else if in_switch {
            in_switch = line != "</nav>\n";
        } else {
            kept.push(line);
        }
    }
    if dir.starts_with("ban-luu/") {
        assert_eq!(alternates, 0, "{dir}");
        assert!(switches <= 1, "{dir}");
    } else {
        assert_eq!((alternates, switches), (3, 1), "{dir}");
    }
    kept.concat()
}

#[test]
fn the_vietnamese_site_is_unchanged_but_for_the_links_to_its_twins() {
    let tmp = tempfile::tempdir().unwrap();
    let one = example(&tmp.path().join("one"), None);
    let two = example(&tmp.path().join("two"), Some("[en]"));
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&one, &a, None);
    build(&two, &b, None);
    let before = common::snapshot(&a);
    let after: BTreeMap<String, Vec<u8>> = common::snapshot(&b)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("en/"))
        .collect();
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same files"
    );
    let mut changed = 0;
    for (path, old) in &before {
        let new = &after[path];
        if path.ends_with("index.html") {
            changed += 1;
            let stripped = without_twins(path, std::str::from_utf8(new).unwrap());
            assert_eq!(stripped.as_bytes(), old.as_slice(), "{path}");
        } else {
            assert_eq!(new, old, "{path}: byte-identical");
        }
    }
    assert!(changed > 200, "{changed} pages");
}

#[test]
fn a_language_whose_folder_is_a_path_word_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::valid_content(&content);
    let site = format!("{}ui_languages: [en]\n", common::SITE);
    common::write_content(
        &content,
        &[
            ("site.yaml", site.as_str()),
            ("i18n/vi.toml", "[path]\ncharts = \"en\"\n"),
        ],
    );
    let r = minhbach::build(&common::opts(&content, &tmp.path().join("out")));
    let errors: Vec<String> = r
        .diagnostics
        .sorted()
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert!(
        errors
            .iter()
            .any(|m| m.contains("`en`") && m.contains("path word")),
        "{errors:#?}"
    );
    assert!(!tmp.path().join("out/en").exists());
}

/// The copy button's words and the access date's form come from the i18n
/// files, given on each citation; the script holds no word of any language.
#[test]
fn the_copy_buttons_words_come_from_the_page_in_the_citations_language() {
    let tmp = tempfile::tempdir().unwrap();
    let content = example(tmp.path(), Some("[en]"));
    let out = tmp.path().join("out");
    build(&content, &out, Some(BASE));
    let i18n = I18n::embedded().unwrap();
    let say = |lang: &str, key: &str| i18n.text(lang, key, None, &[]).unwrap();
    let site = pages(&out);
    let mut seen = BTreeSet::new();
    for (dir, html) in &site {
        for t in scan::tags(html).iter().filter(|t| t.name == "p") {
            if t.get("class") != Some("citation") {
                continue;
            }
            let cl = t.get("id").and_then(|i| i.strip_prefix("cite-")).unwrap();
            assert_eq!(
                t.get("data-copy"),
                Some(say(cl, "cite.copy").as_str()),
                "{dir}"
            );
            assert_eq!(
                t.get("data-copied"),
                Some(say(cl, "cite.copied").as_str()),
                "{dir}"
            );
            assert_eq!(
                t.get("data-date"),
                Some(say(cl, "date.day").as_str()),
                "{dir}"
            );
            let months = t.get("data-months").unwrap().split('|').count();
            assert_eq!(months, 12, "{dir}");
            seen.insert(cl.to_string());
        }
    }
    assert_eq!(seen, BTreeSet::from(["en".to_string(), "vi".to_string()]));
    let js = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/site.js"),
    )
    .unwrap();
    for lang in ["vi", "en"] {
        for key in ["cite.copy", "cite.copied", "cite.copy_label"] {
            assert!(
                !js.contains(&say(lang, key)),
                "site.js says {key} in {lang}"
            );
        }
    }
    assert!(!js.contains("November"), "site.js names months");
}

/// Every link to a place in a page (`#…`, here or on another page of the
/// site) finds an element with that id, in both languages; English pages
/// use the English anchors and chart file names of en.toml, none of vi.toml's.
#[test]
fn every_in_page_link_resolves_and_english_anchors_are_english() {
    let tmp = tempfile::tempdir().unwrap();
    let content = example(tmp.path(), Some("[en]"));
    let out = tmp.path().join("out");
    build(&content, &out, Some(BASE));
    let site = pages(&out);
    let ids: BTreeMap<&str, BTreeSet<String>> = site
        .iter()
        .map(|(dir, html)| {
            let ids = scan::tags(html)
                .iter()
                .filter_map(|t| t.get("id").map(str::to_string))
                .collect();
            (dir.as_str(), ids)
        })
        .collect();
    let mut checked = 0;
    for (dir, html) in &site {
        for t in scan::tags(html) {
            let Some(href) = t.get("href") else { continue };
            let Some((_, frag)) = href.split_once('#') else {
                continue;
            };
            if href.starts_with("http") && !href.starts_with(BASE) {
                continue;
            }
            let target = if href.starts_with('#') {
                dir.clone()
            } else {
                let file = resolve(dir, href).unwrap_or_default();
                file.strip_suffix("index.html").unwrap_or(&file).to_string()
            };
            let Some(there) = ids.get(target.as_str()) else {
                panic!("{dir}: {href} leads to no page");
            };
            assert!(
                there.contains(frag),
                "{dir}: {href}: no id {frag:?} on {target}"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} in-page links");

    let toml = |lang: &str| -> toml::Table {
        let p =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("themes/default/i18n/{lang}.toml"));
        fs::read_to_string(p).unwrap().parse().unwrap()
    };
    let (vi, en) = (toml("vi"), toml("en"));
    let words = |t: &toml::Table, table: &str| -> BTreeSet<String> {
        t[table]
            .as_table()
            .unwrap()
            .values()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let vi_anchors = words(&vi, "anchor");
    for (dir, set) in &ids {
        if dir.starts_with("en/") {
            let clash: Vec<_> = set.iter().filter(|i| vi_anchors.contains(*i)).collect();
            assert!(clash.is_empty(), "{dir}: Vietnamese anchors {clash:?}");
        }
    }
    let files = |d: &str| -> BTreeSet<String> {
        fs::read_dir(out.join(d))
            .unwrap()
            .filter_map(|e| {
                let n = e.unwrap().file_name().into_string().unwrap();
                n.strip_suffix(".csv").map(str::to_string)
            })
            .collect()
    };
    assert_eq!(files("en/charts"), words(&en, "chart_file"));
    assert_eq!(files("bieu-do"), words(&vi, "chart_file"));
}
