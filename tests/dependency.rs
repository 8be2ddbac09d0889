//! A rebuild after one added report (as-of date unchanged) writes exactly
//! the files that depend on the tasks it reports on: those tasks' pages,
//! their plans' pages and files, the pages and files of every agency
//! responsible for them (groups expanded here, independently of the
//! generator), and the site-wide lists, feeds and data. Every other file
//! keeps its bytes, inode and modification time.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::*;

/// (inode, modification time) of every file under `dir`.
fn identities(dir: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    snapshot(dir)
        .into_keys()
        .map(|k| {
            let m = fs::metadata(dir.join(&k)).unwrap();
            (k, (m.ino(), m.mtime(), m.mtime_nsec()))
        })
        .collect()
}

fn csv_rows(p: &Path) -> Vec<BTreeMap<String, String>> {
    let text = fs::read_to_string(p).unwrap();
    let mut r =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn ids(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(';').filter(|x| !x.is_empty()).map(String::from)
}

/// Every agency a group contains at any depth, from the published registry.
fn members(out: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut m: BTreeMap<String, BTreeSet<String>> = csv_rows(&out.join("du-lieu/co-quan.csv"))
        .iter()
        .map(|a| (a["id"].clone(), ids(&a["members"]).collect()))
        .collect();
    loop {
        let before = m.clone();
        for (g, ms) in &before {
            let more: Vec<String> = ms
                .iter()
                .flat_map(|x| before.get(x).cloned().unwrap_or_default())
                .collect();
            m.get_mut(g).unwrap().extend(more);
        }
        if m == before {
            return m;
        }
    }
}

/// The path words of a language, from the theme's i18n file.
struct Words(BTreeMap<String, String>);

impl Words {
    fn of(lang: &str) -> Words {
        let file =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("themes/default/i18n/{lang}.toml"));
        let table: toml::Table = fs::read_to_string(file).unwrap().parse().unwrap();
        let words = table["path"]
            .as_table()
            .unwrap()
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
            .collect();
        Words(words)
    }

    fn w(&self, key: &str) -> &str {
        &self.0[key]
    }
}

/// Files every report may change, in an edition with path words `w`:
/// site-wide lists, calendars, feeds, data, search, charts and the indexes
/// of plans and agencies (`path` is relative to the edition's root).
fn site_wide(w: &Words, path: &str) -> bool {
    let top = [
        "index.html".to_string(),
        format!("{}/index.html", w.w("plans")),
        format!("{}/index.html", w.w("agencies")),
    ];
    let under = [
        format!("{}/", w.w("status")),
        format!("{}/", w.w("calendar")),
        format!("{}/", w.w("reports")),
        format!("{}/", w.w("data")),
        format!("{}/", w.w("search")),
        format!("{}/", w.w("charts")),
        format!("{}/{}_", w.w("agencies"), w.w("part")),
    ];
    top.iter().any(|t| t == path)
        || under.iter().any(|u| path.starts_with(u.as_str()))
        || !path.contains('/')
}

#[test]
fn a_rebuild_after_one_report_changes_only_the_pages_that_depend_on_it() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minh-hoa");
    let content = tmp.path().join("c");
    fs::create_dir_all(content.join("reports")).unwrap();
    let site = fs::read_to_string(demo.join("site.yaml")).unwrap().replace(
        "base: \"../../content\"",
        &format!("base: \"{}\"", shipped_content().display()),
    );
    fs::write(content.join("site.yaml"), site).unwrap();
    // The newest report's date, and the reports of that date.
    let mut newest = String::new();
    let mut of_newest: Vec<String> = Vec::new();
    for e in fs::read_dir(demo.join("reports")).unwrap() {
        let p = e.unwrap().path();
        let text = fs::read_to_string(&p).unwrap();
        let date = text
            .lines()
            .find_map(|l| l.strip_prefix("date: "))
            .unwrap()
            .to_string();
        let id = p.file_stem().unwrap().to_string_lossy().into_owned();
        if date > newest {
            of_newest.clear();
        }
        if date >= newest {
            of_newest.push(id);
        }
        newest = newest.max(date);
        fs::write(content.join("reports").join(p.file_name().unwrap()), text).unwrap();
    }
    let out = tmp.path().join("site");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    let before = snapshot(&out);
    let ids_before = identities(&out);

    // Two tasks of two plans: one named through a group when there is
    // one, one with no report yet.
    let groups = members(&out);
    let tasks = csv_rows(&out.join("du-lieu/nhiem-vu.csv"));
    let is_group = |a: &String| groups.get(a).is_some_and(|m| !m.is_empty());
    let first = tasks
        .iter()
        .find(|t| {
            ids(&t["lead_ids"])
                .chain(ids(&t["cooperate_ids"]))
                .any(|a| is_group(&a))
        })
        .unwrap_or(&tasks[0]);
    let second = tasks
        .iter()
        .find(|t| t["plan_id"] != first["plan_id"] && t["report"].is_empty())
        .expect("a task of another plan with no report");
    let touched = [first, second];
    // A late report of the same date corrects the report(s) of that date
    // (without `corrects:`, two reports of one date that disagree are an
    // error).
    of_newest.sort();
    let mut report = format!(
        "period: \"{}\"\ndate: {newest}\ncorrects: {}\nentries:\n",
        &newest[..7],
        of_newest.last().unwrap()
    );
    for t in touched {
        report += &format!(
            "  - task: \"{}/{}\"\n    status: in-progress\n    progress: 42\n",
            t["plan_id"], t["task_id"]
        );
    }
    fs::write(content.join("reports/zz-late.yaml"), report).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    let after = snapshot(&out);
    let ids_after = identities(&out);

    // The pages that depend on the touched tasks, computed here.
    let mut agencies: BTreeSet<String> = BTreeSet::new();
    for t in touched {
        for a in ids(&t["lead_ids"]).chain(ids(&t["cooperate_ids"])) {
            agencies.extend(groups.get(&a).cloned().unwrap_or_default());
            agencies.insert(a);
        }
    }
    let plans: BTreeSet<&String> = touched.iter().map(|t| &t["plan_id"]).collect();
    let task_dirs: BTreeSet<String> = touched
        .iter()
        .map(|t| format!("ke-hoach/{}/nhiem-vu/{}/", t["plan_id"], t["task_id"]))
        .collect();
    // The editions of the site: its own language at the root, each extra
    // interface language in its folder with its path words.
    let editions = [("en/", Words::of("en")), ("", Words::of("vi"))];
    let archive = format!("{}/", Words::of("vi").w("archive"));
    let assets = format!("{}/", Words::of("vi").w("assets"));
    let depends = |path: &str| -> bool {
        if path.starts_with(&archive) || path.starts_with(&assets) {
            return false;
        }
        let Some((root, w)) = editions.iter().find(|(root, _)| path.starts_with(root)) else {
            return false;
        };
        let rel = &path[root.len()..];
        let tasks_of = |t: &BTreeMap<String, String>| {
            format!(
                "{}/{}/{}/{}/",
                w.w("plans"),
                t["plan_id"],
                w.w("tasks"),
                t["task_id"]
            )
        };
        let dirs: Vec<String> = touched.iter().map(|t| tasks_of(t)).collect();
        // A calendar month's page depends on the tasks due in it.
        let month = regex::Regex::new(&format!(r"^{}/\d{{4}}-\d{{2}}/", w.w("calendar"))).unwrap();
        if month.is_match(rel) {
            let html = String::from_utf8_lossy(&after[path]);
            return dirs.iter().any(|d| html.contains(d.as_str()));
        }
        if site_wide(w, rel) {
            return true;
        }
        if let Some(rest) = rel.strip_prefix(&format!("{}/", w.w("plans"))) {
            let plan = rest.split('/').next().unwrap_or("");
            if rest.contains(&format!("/{}/", w.w("tasks"))) {
                return dirs.iter().any(|d| rel.starts_with(d.as_str()));
            }
            return plans.iter().any(|p| p.as_str() == plan);
        }
        if let Some(rest) = rel.strip_prefix(&format!("{}/", w.w("agencies"))) {
            return agencies.contains(rest.split('/').next().unwrap_or(""));
        }
        false
    };
    let changed: BTreeSet<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    let unexpected: Vec<&&String> = changed.iter().filter(|k| !depends(k)).collect();
    assert!(
        unexpected.is_empty(),
        "files that do not depend on the report changed: {unexpected:?}"
    );
    // The pages of the touched tasks, their plans and agencies name the new
    // report, so each of them changed.
    let mut must: Vec<String> = task_dirs.iter().map(|d| format!("{d}index.html")).collect();
    must.extend(plans.iter().map(|p| format!("ke-hoach/{p}/index.html")));
    must.extend(agencies.iter().map(|a| format!("co-quan/{a}/index.html")));
    for m in &must {
        assert!(changed.contains(m), "{m} depends on the report and changed");
        assert!(
            String::from_utf8_lossy(&after[m]).contains("zz-late"),
            "{m} names the new report in its banner"
        );
    }
    assert!(agencies.len() >= 2 && changed.len() < after.len() / 3);
    // Every file that did not change kept its inode and modification time.
    for (k, id) in &ids_after {
        if !changed.contains(k) && ids_before.contains_key(k) {
            assert_eq!(id, &ids_before[k], "{k} kept its inode and mtime");
        }
    }
    // The live site still shows the as-of date on every page.
    for (k, v) in &after {
        if k.ends_with(".html") && !k.starts_with("ban-luu/") && !k.starts_with("en/") {
            assert!(
                String::from_utf8_lossy(v).contains("15/01/2026"),
                "{k} shows the as-of date"
            );
        }
    }
}
