//! Open data, feeds and indexing: CSV/JSON downloads, the Atom feed and the
//! sitemap, checked with independent parsers against the pages written.

mod common;

use std::collections::BTreeSet;
use std::fs;

use common::*;

fn build_with_base() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let mut o = opts(&shipped_content(), &out);
    o.base_url = Some("https://example.org/minhbach".into());
    let r = minhbach::build(&o);
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    (tmp, out)
}

#[test]
fn sitemap_lists_exactly_the_pages_written() {
    let (_t, out) = build_with_base();
    let xml = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("sitemap is XML");
    let locs: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap().to_string())
        .collect();
    let pages: BTreeSet<String> = snapshot(&out)
        .keys()
        .filter(|p| !p.starts_with("ban-luu/"))
        .filter_map(|p| p.strip_suffix("index.html"))
        .map(|d| format!("https://example.org/minhbach/{d}"))
        .collect();
    assert_eq!(locs, pages);
    let robots = fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/minhbach/sitemap.xml"));
}

#[test]
fn atom_feed_parses_and_links_to_written_pages() {
    let (_t, out) = build_with_base();
    let xml = fs::read_to_string(out.join("ban-tin.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("feed is XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let base = feed
        .attribute(("http://www.w3.org/XML/1998/namespace", "base"))
        .unwrap();
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 6, "five plans and the evidence record");
    let mut ids = BTreeSet::new();
    for e in &entries {
        let child = |name: &str| e.children().find(|n| n.has_tag_name(name)).unwrap();
        assert!(
            ids.insert(child("id").text().unwrap().to_string()),
            "unique ids"
        );
        let href = child("link").attribute("href").unwrap();
        let dir = href.trim_start_matches(base);
        assert!(out.join(dir).join("index.html").is_file(), "{href}");
        assert!(chrono::DateTime::parse_from_rfc3339(child("updated").text().unwrap()).is_ok());
    }
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| {
            e.children()
                .find(|n| n.has_tag_name("title"))
                .unwrap()
                .text()
                .unwrap()
        })
        .collect();
    assert!(titles
        .iter()
        .any(|t| t.starts_with("Kế hoạch 114/KH-BCĐ: ")));
}

#[test]
fn every_page_has_canonical_description_and_open_graph() {
    let (_t, out) = build_with_base();
    for (path, bytes) in snapshot(&out) {
        if !path.ends_with("index.html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let dir = path.trim_end_matches("index.html");
        assert!(
            html.contains(&format!(
                "<link rel=\"canonical\" href=\"https://example.org/minhbach/{dir}\">"
            )),
            "{path}"
        );
        assert!(
            html.contains("<meta name=\"description\" content=\""),
            "{path}"
        );
        assert!(html.contains("<meta property=\"og:title\""), "{path}");
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1");
    }
}

#[test]
fn csv_opens_in_excel_and_is_safe() {
    let (_t, out) = build_with_base();
    let bytes = fs::read(out.join("du-lieu/nhiem-vu.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let mut rdr = csv::Reader::from_reader(&bytes[3..]);
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 160);
    let t18 = rows
        .iter()
        .find(|r| &r[col("plan_id")] == "114-kh-bcd-2025" && &r[col("task_id")] == "18")
        .unwrap();
    assert_eq!(&t18[col("plan_number")], "114/KH-BCĐ");
    assert_eq!(&t18[col("deadline_text")], "Tháng 9/2025");
    assert_eq!(&t18[col("deadline_last_day")], "2025-09-30");
    assert_eq!(&t18[col("lead_ids")], "so-khcn");
    assert_eq!(&t18[col("state_label")], "Quá hạn, chưa có báo cáo");
    // A start time's first day sits beside the deadline's last day; none
    // for a start that names no date.
    let task = |id: &str| {
        rows.iter()
            .find(|r| &r[col("plan_id")] == "223-kh-ubnd-2024" && &r[col("task_id")] == id)
            .unwrap()
    };
    assert_eq!(&task("1")[col("start_text")], "Tháng 12/2024");
    assert_eq!(&task("1")[col("start_first_day")], "2024-12-01");
    assert_eq!(&task("7")[col("start_first_day")], "2025-01-01");
    assert_eq!(&task("3")[col("start_first_day")], "");
    assert_eq!(&t18[col("start_first_day")], "");
    assert_eq!(
        &t18[col("url")],
        "https://example.org/minhbach/ke-hoach/114-kh-bcd-2025/nhiem-vu/18/"
    );
    for r in &rows {
        for cell in r.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "formula-like cell not neutralised: {cell}"
            );
        }
    }
    // Bulleted cells that begin with "-" are kept, behind an apostrophe.
    assert!(rows.iter().any(|r| r[col("lead")].starts_with("'- ")));
}

#[test]
fn json_downloads_match_the_csv_and_the_data_page_lists_them() {
    let (_t, out) = build_with_base();
    let v: serde_json::Value = serde_json::from_slice(
        &fs::read(out.join("ke-hoach/114-kh-bcd-2025/nhiem-vu.json")).unwrap(),
    )
    .unwrap();
    let tasks = v["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 29);
    assert_eq!(v["as_of"], "2026-11-25");
    // One task per line, each line a whole record, in the order of the set.
    let text = fs::read_to_string(out.join("ke-hoach/114-kh-bcd-2025/nhiem-vu.json")).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("{\"plan_id\""))
        .collect();
    assert_eq!(lines.len(), tasks.len());
    for (line, task) in lines.iter().zip(tasks) {
        let one: serde_json::Value =
            serde_json::from_str(line.trim_end_matches(',').trim_end_matches("]}")).unwrap();
        assert_eq!(&one, task);
    }
    let t3 = tasks.iter().find(|t| t["task_id"] == "3").unwrap();
    assert_eq!(t3["state"], "done-on-time");
    assert_eq!(t3["completed"], "2025-09-08");
    assert_eq!(t3["report"], "2025-09-van-ban");
    let agency: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("co-quan/so-khcn/nhiem-vu.json")).unwrap())
            .unwrap();
    assert!(agency["tasks"].as_array().unwrap().len() >= 8);
    let page = fs::read_to_string(out.join("du-lieu/index.html")).unwrap();
    let size = fs::metadata(out.join("du-lieu/nhiem-vu.csv"))
        .unwrap()
        .len();
    assert!(
        page.contains(&format!(
            "<td data-label=\"Kích thước\">{} byte</td>",
            minhbach::render::numbers::vi_number(size as f64, 0)
        )),
        "size listed, written the Vietnamese way"
    );
    assert!(
        page.contains("<code>deadline_text</code>"),
        "data dictionary"
    );
    assert!(page.contains("CC BY 4.0"), "licence");
}

/// An agency's data set repeats the site's record of each task it names,
/// word for word, with only `role` filled in (lead or cooperate): in JSON
/// and in CSV.
#[test]
fn agency_rows_are_the_site_rows_with_their_role() {
    let (_t, out) = build_with_base();
    let json = |p: &str| -> serde_json::Value {
        serde_json::from_slice(&fs::read(out.join(p)).unwrap()).unwrap()
    };
    let key = |t: &serde_json::Value| (t["plan_id"].to_string(), t["task_id"].to_string());
    let site = json("du-lieu/nhiem-vu.json");
    let by_key: std::collections::HashMap<_, _> = site["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (key(t), t.clone()))
        .collect();
    let csv_rows = |p: &str| -> Vec<csv::StringRecord> {
        let bytes = fs::read(out.join(p)).unwrap();
        csv::Reader::from_reader(&bytes[3..])
            .records()
            .map(|r| r.unwrap())
            .collect()
    };
    let site_csv: std::collections::HashMap<(String, String), csv::StringRecord> =
        csv_rows("du-lieu/nhiem-vu.csv")
            .into_iter()
            .map(|r| ((r[0].to_string(), r[3].to_string()), r))
            .collect();
    let role_col = minhbach::render::task_record::COLUMNS
        .iter()
        .position(|c| *c == "role")
        .unwrap();
    let mut checked = 0;
    for dir in fs::read_dir(out.join("co-quan")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.join("nhiem-vu.json").exists() {
            continue;
        }
        let rel = dir
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .to_string();
        let set = json(&format!("{rel}/nhiem-vu.json"));
        let rows = csv_rows(&format!("{rel}/nhiem-vu.csv"));
        let tasks = set["tasks"].as_array().unwrap();
        assert_eq!(
            tasks.len(),
            rows.len(),
            "{rel}: CSV and JSON list the same tasks"
        );
        for (t, row) in tasks.iter().zip(&rows) {
            let role = t["role"].as_str().unwrap();
            assert!(role == "lead" || role == "cooperate", "{rel}: role {role}");
            let mut plain = t.clone();
            plain["role"] = serde_json::Value::String(String::new());
            assert_eq!(&plain, &by_key[&key(t)], "{rel}");
            assert_eq!(&row[role_col], role, "{rel}: CSV role");
            let site_row = &site_csv[&(row[0].to_string(), row[3].to_string())];
            for (i, (a, b)) in row.iter().zip(site_row.iter()).enumerate() {
                if i != role_col {
                    assert_eq!(a, b, "{rel}: CSV column {i}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} agency rows checked");
}
