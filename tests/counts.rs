//! One number, one definition, and every count a door to its tasks: on
//! every page of the illustrative site, each count (`<a class="count"
//! data-count="N">`) links to a list of exactly N tasks; every list says
//! how many cards it holds; and for every agency, the agencies index, the
//! "who is late" chart's CSV, the lead chart's CSV and the agency's own page
//! give the same numbers.

mod common;

#[path = "support/scan.rs"]
mod scan;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

fn build() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minh-hoa");
    let report = minhbach::build(&common::opts(&content, &out));
    assert!(
        !report.diagnostics.has_errors(),
        "{:?}",
        report.diagnostics.sorted()
    );
    (tmp, out)
}

fn html_pages(out: &Path) -> BTreeMap<String, String> {
    common::snapshot(out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

/// The part of `html` that the element with `id` spans, from its start tag
/// to its end tag; for a heading, the section it labels.
fn extent<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let labelled = format!("<section aria-labelledby=\"{id}\"");
    let start = match html.find(&labelled) {
        Some(at) => at,
        None => {
            let at = html.find(&format!(" id=\"{id}\""))?;
            html[..at].rfind('<')?
        }
    };
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let next_open = html[at..].find(&open).map(|i| at + i);
        let next_close = html[at..].find(&close).map(|i| at + i)?;
        match next_open {
            Some(o) if o < next_close => {
                // `<section` does not open a `<sectionx>`.
                let after = html[o + open.len()..].chars().next();
                if matches!(after, Some(' ' | '>')) {
                    depth += 1;
                }
                at = o + open.len();
            }
            _ => {
                depth -= 1;
                at = next_close + close.len();
                if depth == 0 {
                    return Some(&html[start..at]);
                }
            }
        }
    }
}

/// The tasks listed in a part of a page: cards, rows of a plan's table,
/// calendar entries.
fn items(part: &str) -> usize {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r#"class="(?:tk|task|event event-[a-z]+)""#).unwrap()
    });
    RE.find_iter(part).count()
}

/// The page a link from `from` leads to, and its fragment.
fn resolve(from: &str, href: &str) -> (String, Option<String>) {
    let (path, frag) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (href, None),
    };
    if path.is_empty() {
        return (from.to_string(), frag);
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    (parts.join("/"), frag)
}

#[test]
fn every_count_links_to_a_list_of_exactly_that_many_tasks() {
    let (_tmp, out) = build();
    let pages = html_pages(&out);
    let mut checked = 0;
    let mut wrong = Vec::new();
    let lists = Regex::new(r#"<ul class="tks" data-n="(\d+)">"#).unwrap();
    for (path, html) in &pages {
        for t in scan::tags(html) {
            if t.name != "a"
                || !t
                    .get("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == "count"))
            {
                continue;
            }
            let n: usize = t.get("data-count").unwrap().parse().unwrap();
            let href = t.get("href").unwrap();
            let (target, frag) = resolve(path, href);
            let Some(page) = pages.get(&target) else {
                wrong.push(format!("{path}: {href} leads to no page"));
                continue;
            };
            let part = match &frag {
                Some(f) => match extent(page, f) {
                    Some(p) => p,
                    None => {
                        wrong.push(format!("{path}: {href}: no element #{f} in {target}"));
                        continue;
                    }
                },
                None => page,
            };
            checked += 1;
            if items(part) != n {
                wrong.push(format!(
                    "{path}: count {n} links to {href}, which lists {}",
                    items(part)
                ));
            }
        }
        // Every list of cards says how many it holds.
        for c in lists.captures_iter(html) {
            let at = c.get(0).unwrap().start();
            let end = at + html[at..].find("</ul>").unwrap();
            let n: usize = c[1].parse().unwrap();
            if items(&html[at..end]) != n {
                wrong.push(format!(
                    "{path}: a list says {n}, holds {}",
                    items(&html[at..end])
                ));
            }
        }
    }
    assert!(checked > 500, "only {checked} counts checked");
    assert!(
        wrong.is_empty(),
        "{} wrong, first: {:#?}",
        wrong.len(),
        &wrong[..wrong.len().min(20)]
    );
}

/// Rows of a CSV file (BOM stripped).
fn csv_rows(p: &Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(p).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_index_the_charts_the_agency_pages_and_the_csv_agree_for_every_agency() {
    let (_tmp, out) = build();
    let pages = html_pages(&out);
    // The "who is late" CSV: every agency with tasks, by id.
    let late = csv_rows(&out.join("bieu-do/co-quan-dang-cham.csv"));
    assert!(late.len() > 20, "{} agencies", late.len());
    let shares = ["lead", "group", "cooperate"];
    let anchors = ["qua-han-chu-tri", "qua-han-qua-nhom", "qua-han-phoi-hop"];
    // The index's count links, by agency and share.
    let index = &pages["co-quan/index.html"];
    let mut from_index: BTreeMap<(String, String), usize> = BTreeMap::new();
    for t in scan::tags(index) {
        if let (Some(a), Some(s), Some(n)) = (
            t.get("data-agency"),
            t.get("data-share"),
            t.get("data-count"),
        ) {
            from_index.insert((a.to_string(), s.to_string()), n.parse().unwrap());
        }
    }
    let lead_chart: BTreeMap<String, usize> = csv_rows(&out.join("bieu-do/co-quan-chu-tri.csv"))
        .into_iter()
        .map(|r| (r[0].clone(), r[2].parse().unwrap()))
        .collect();
    let mut compared = 0;
    for row in &late {
        let (name, id) = (&row[0], &row[1]);
        let page = &pages[&format!("co-quan/{id}/index.html")];
        let mut total = 0;
        for (k, share) in shares.iter().enumerate() {
            let n: usize = row[2 + k].parse().unwrap();
            total += n;
            // The index shows the same number (a link when not zero).
            let shown = from_index
                .get(&(id.clone(), share.to_string()))
                .copied()
                .unwrap_or(0);
            assert_eq!(shown, n, "{id} {share}: index {shown}, CSV {n}");
            // The agency page lists exactly those tasks.
            let listed = extent(page, anchors[k]).map_or(0, items);
            assert_eq!(listed, n, "{id} {share}: page lists {listed}, CSV {n}");
            compared += 1;
        }
        assert_eq!(
            row[5].parse::<usize>().unwrap(),
            total,
            "{id}: the overdue total adds up"
        );
        // The lead chart, where it draws the agency, says the same.
        if let Some(o) = lead_chart.get(name) {
            assert_eq!(*o, row[2].parse::<usize>().unwrap(), "{id}: lead chart");
        }
        // The page's count of its overdue tasks is their sum.
        let summary = extent(page, "qua-han").map_or(0, items);
        assert_eq!(summary, total, "{id}: the overdue section");
    }
    assert!(compared > 60, "{compared}");
    assert!(lead_chart.len() >= 10, "the lead chart draws agencies");
}
