//! Numbers a reader can trust: every task once in the status partition,
//! every page's counts agree, and every agency page, data file and feed
//! lists exactly its tasks (recomputed here from the published open data).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use proptest::prelude::*;
use regex::Regex;

fn build(content: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let report = minhbach::build(&opts(content, &out));
    assert!(
        !report.diagnostics.has_errors(),
        "{:?}",
        report.diagnostics.sorted()
    );
    (tmp, out)
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Rows of a CSV file (BOM stripped), as header → value maps.
fn csv_rows(p: &Path) -> Vec<BTreeMap<String, String>> {
    let text = read(p);
    let mut r =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// `(plan, task)` of every task link in `html`.
fn task_links(html: &str) -> Vec<(String, String)> {
    let re = Regex::new(r#"href="[./]*ke-hoach/([a-z0-9-]+)/nhiem-vu/([a-z0-9-]+)/index\.html""#)
        .unwrap();
    re.captures_iter(html)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

/// Counts by state key in the first list of counts on a page.
fn counts(html: &str) -> BTreeMap<String, usize> {
    let Some(start) = html.find("<ul class=\"counts\">") else {
        return BTreeMap::new();
    };
    let end = start + html[start..].find("</ul>").unwrap();
    let re =
        Regex::new(r#"state-([a-z-]+)">[^<]*</span>(?:</a>)? <strong>(\d+)</strong>"#).unwrap();
    re.captures_iter(&html[start..end])
        .map(|c| (c[1].to_string(), c[2].parse().unwrap()))
        .collect()
}

/// The parts of an agency page: part key → task links.
fn parts(html: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out = BTreeMap::new();
    for chunk in html.split("data-part=\"").skip(1) {
        let key = chunk[..chunk.find('"').unwrap()].to_string();
        let body = &chunk[..chunk.find("</section>").unwrap()];
        out.insert(key, task_links(body));
    }
    out
}

/// What the published open data says each agency's tasks are, recomputed
/// here: members expanded to any depth (fixed point), a merged body's
/// tasks its successors' too, each task in the most direct part.
fn expected_parts(out: &Path) -> BTreeMap<String, BTreeMap<(String, String), &'static str>> {
    let agencies = csv_rows(&out.join("du-lieu/co-quan.csv"));
    let mut contains: BTreeMap<String, BTreeSet<String>> = agencies
        .iter()
        .map(|a| {
            let m = a["members"].split(';').filter(|s| !s.is_empty());
            (a["id"].clone(), m.map(String::from).collect())
        })
        .collect();
    loop {
        let before = contains.clone();
        for (g, ms) in before.iter() {
            let more: BTreeSet<String> = ms
                .iter()
                .flat_map(|m| before.get(m).cloned().unwrap_or_default())
                .collect();
            contains.get_mut(g).unwrap().extend(more);
        }
        if contains == before {
            break;
        }
    }
    // Each agency with the bodies merged into it, at any depth.
    let successor: BTreeMap<String, String> = agencies
        .iter()
        .filter(|a| !a["successor"].is_empty())
        .map(|a| (a["id"].clone(), a["successor"].clone()))
        .collect();
    let mut names: BTreeMap<String, BTreeSet<String>> = agencies
        .iter()
        .map(|a| (a["id"].clone(), BTreeSet::from([a["id"].clone()])))
        .collect();
    for start in successor.keys() {
        let mut at = start.clone();
        let mut seen = BTreeSet::new();
        while let Some(next) = successor.get(&at) {
            if !seen.insert(next.clone()) {
                break;
            }
            names.entry(next.clone()).or_default().insert(start.clone());
            at = next.clone();
        }
    }
    let ids = |s: &str| -> Vec<String> {
        s.split(';')
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    };
    let mut out_map: BTreeMap<String, BTreeMap<(String, String), &'static str>> = BTreeMap::new();
    for t in csv_rows(&out.join("du-lieu/nhiem-vu.csv")) {
        let key = (t["plan_id"].clone(), t["task_id"].clone());
        let (lead, coop) = (ids(&t["lead_ids"]), ids(&t["cooperate_ids"]));
        for a in contains.keys() {
            let mine = &names[a];
            let within = |gs: &[String]| {
                gs.iter()
                    .any(|g| g != a && contains[g].iter().any(|m| mine.contains(m)))
            };
            let part = if lead.iter().any(|x| mine.contains(x)) {
                "lead"
            } else if coop.iter().any(|x| mine.contains(x)) {
                "cooperate"
            } else if within(&lead) {
                "group-lead"
            } else if within(&coop) {
                "group-cooperate"
            } else {
                continue;
            };
            out_map
                .entry(a.clone())
                .or_default()
                .insert(key.clone(), part);
        }
    }
    out_map
}

/// Every check of this file on one built site (`root` is the live site or a snapshot).
fn check_site(out: &Path, task_total: usize) {
    // The status page lists each task once; its counts are its rows.
    for root in std::iter::once(out.to_path_buf()).chain(
        fs::read_dir(out.join("ban-luu"))
            .into_iter()
            .flatten()
            .map(|e| e.unwrap().path()),
    ) {
        let status = read(&root.join("tinh-trang/index.html"));
        let rows = task_links(&status);
        let unique: BTreeSet<_> = rows.iter().collect();
        assert_eq!(rows.len(), task_total, "{}", root.display());
        assert_eq!(unique.len(), task_total, "{}", root.display());
        let c = counts(&status);
        assert_eq!(c.values().sum::<usize>(), task_total);
        let home = counts(&read(&root.join("index.html")));
        let nonzero: BTreeMap<_, _> = c.into_iter().filter(|(_, n)| *n > 0).collect();
        assert_eq!(
            home,
            nonzero,
            "home and status page agree in {}",
            root.display()
        );
    }
    // The open data agrees with the pages.
    let tasks = csv_rows(&out.join("du-lieu/nhiem-vu.csv"));
    assert_eq!(tasks.len(), task_total);
    let mut by_state: BTreeMap<String, usize> = BTreeMap::new();
    for t in &tasks {
        *by_state.entry(t["state"].clone()).or_default() += 1;
    }
    assert_eq!(by_state, counts(&read(&out.join("index.html"))));
    // Every agency page has exactly its tasks (groups expanded); its data
    // file and feed, the tasks naming it.
    let expected = expected_parts(out);
    let ics_uid = Regex::new(r"UID:([a-z0-9-]+)/nhiem-vu/([a-z0-9-]+)[@/]").unwrap();
    let dated: BTreeSet<(String, String)> = ics_uid
        .captures_iter(&read(&out.join("lich/lich.ics")))
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect();
    for a in csv_rows(&out.join("du-lieu/co-quan.csv")) {
        let id = &a["id"];
        let dir = out.join(format!("co-quan/{id}"));
        let want = expected.get(id).cloned().unwrap_or_default();
        let page = read(&dir.join("index.html"));
        let mut got: BTreeMap<(String, String), String> = BTreeMap::new();
        for (part, links) in parts(&page) {
            for l in links {
                assert!(
                    got.insert(l.clone(), part.clone()).is_none(),
                    "{id}: {l:?} twice"
                );
            }
        }
        let want_s: BTreeMap<(String, String), String> = want
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect();
        assert_eq!(got, want_s, "agency page of {id}");
        let c = counts(&page);
        assert_eq!(c.values().sum::<usize>(), want.len(), "counts of {id}");
        // The agency's own files and feed carry the tasks naming it; a task
        // given to a group is in the group's files (the group is named in
        // it), once, not repeated for each member.
        let direct: BTreeMap<(String, String), String> = want_s
            .iter()
            .filter(|(_, part)| *part == "lead" || *part == "cooperate")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(
            dir.join("nhiem-vu.csv").is_file(),
            !direct.is_empty(),
            "{id}: a data file exactly when a task names it"
        );
        if !direct.is_empty() {
            let data = csv_rows(&dir.join("nhiem-vu.csv"));
            let from_data: BTreeMap<(String, String), String> = data
                .iter()
                .map(|r| {
                    (
                        (r["plan_id"].clone(), r["task_id"].clone()),
                        r["role"].clone(),
                    )
                })
                .collect();
            assert_eq!(data.len(), direct.len(), "{id}: one row per task");
            assert_eq!(from_data, direct, "data file of {id}");
        }
        let feed: BTreeSet<(String, String)> = ics_uid
            .captures_iter(&read(&dir.join("lich.ics")))
            .map(|c| (c[1].to_string(), c[2].to_string()))
            .collect();
        let want_dated: BTreeSet<(String, String)> = direct
            .keys()
            .filter(|k| dated.contains(*k))
            .cloned()
            .collect();
        assert_eq!(feed, want_dated, "calendar feed of {id}");
    }
}

#[test]
fn shipped_site_numbers_agree() {
    let (_tmp, out) = build(&shipped_content());
    check_site(&out, 160);
    let home = read(&out.join("index.html"));
    assert!(
        home.contains("Không có báo cáo mới từ ngày 08/09/2025"),
        "the home page says how old the evidence is"
    );
}

#[test]
fn illustrative_site_numbers_agree() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minh-hoa");
    let (_tmp, out) = build(&content);
    assert!(out.join("ban-luu").is_dir(), "snapshots are checked too");
    check_site(&out, 160);
    // The newest illustrative report is recent: no warning about old evidence.
    assert!(!read(&out.join("index.html")).contains("Không có báo cáo mới từ ngày"));
}

// Generated sites: registries with nested groups and aliases, tasks given
// to bodies and groups by any of their names, deadlines of many kinds, and
// reports; every number on every page must agree.

const DEADLINES: [&str; 8] = [
    "Tháng 9/2025",
    "30/10/2025",
    "Thường xuyên",
    "Hằng tháng",
    "Quý IV",
    "Năm 2025",
    "Sau khi có thông báo của Bộ Tư pháp",
    "trước ngày 12/9/2025",
];

const STATUSES: [&str; 4] = ["done", "in-progress", "not-started", "ongoing"];

#[derive(Debug, Clone)]
struct Gen {
    /// Members of each of the groups g0..gN (indexes: bodies 0..B, then groups).
    groups: Vec<Vec<usize>>,
    bodies: usize,
    /// (lead names, cooperating names, deadline) of each task.
    tasks: Vec<(Vec<usize>, Vec<usize>, usize)>,
    /// (task, status) of report entries.
    entries: Vec<(usize, usize)>,
    /// Use the alias instead of the name.
    alias: bool,
}

fn gen() -> impl Strategy<Value = Gen> {
    (2usize..6, 1usize..4, any::<bool>()).prop_flat_map(|(bodies, ngroups, alias)| {
        let n = bodies + ngroups;
        // A group may contain bodies and groups after it (no cycles).
        let groups = (0..ngroups)
            .map(|g| {
                let later: Vec<usize> = (0..bodies).chain(bodies + g + 1..n).collect();
                proptest::sample::subsequence(later.clone(), 0..=later.len().min(3)).boxed()
            })
            .collect::<Vec<_>>();
        let tasks = prop::collection::vec(
            (
                prop::collection::vec(0..n, 0..3),
                prop::collection::vec(0..n, 0..3),
                0..DEADLINES.len(),
            ),
            1..8,
        );
        (
            groups,
            tasks,
            prop::collection::vec((0..8usize, 0..4usize), 0..6),
        )
            .prop_map(move |(groups, tasks, entries)| Gen {
                groups,
                bodies,
                tasks,
                entries,
                alias,
            })
    })
}

fn agency_id(i: usize, bodies: usize) -> String {
    if i < bodies {
        format!("co-quan-{i}")
    } else {
        format!("nhom-{}", i - bodies)
    }
}

fn agency_name(i: usize, bodies: usize, alias: bool) -> String {
    const WORDS: [&str; 10] = [
        "Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười",
    ];
    match (i < bodies, alias) {
        (true, false) => format!("Sở Thứ {}", WORDS[i]),
        (true, true) => format!("STT {}", WORDS[i]),
        (false, false) => format!("Các đơn vị khối {}", WORDS[i - bodies]),
        (false, true) => format!("Khối {}", WORDS[i - bodies]),
    }
}

fn write_generated(dir: &Path, g: &Gen) {
    let n = g.bodies + g.groups.len();
    let mut agencies = String::from(AGENCIES);
    for i in 0..n {
        agencies.push_str(&format!(
            "  - id: {}\n    name: \"{}\"\n    kind: {}\n    aliases: [\"{}\"]\n",
            agency_id(i, g.bodies),
            agency_name(i, g.bodies, false),
            if i < g.bodies { "department" } else { "group" },
            agency_name(i, g.bodies, true),
        ));
        if i >= g.bodies {
            let m: Vec<String> = g.groups[i - g.bodies]
                .iter()
                .map(|&j| agency_id(j, g.bodies))
                .collect();
            agencies.push_str(&format!("    members: [{}]\n", m.join(", ")));
        }
    }
    let cell = |ids: &[usize]| -> String {
        let mut seen = Vec::new();
        for &i in ids {
            let name = agency_name(i, g.bodies, g.alias);
            if !seen.contains(&name) {
                seen.push(name);
            }
        }
        seen.join("; ")
    };
    let mut tasks = String::from(
        "groups:\n  - code: \"I\"\n    title: \"NHÓM\"\n    goals:\n      - goal: \"Mục tiêu\"\n        tasks:\n",
    );
    for (k, (lead, coop, dl)) in g.tasks.iter().enumerate() {
        tasks.push_str(&format!(
            "          - number: \"{}\"\n            task: \"Việc {}\"\n            lead: \"{}\"\n            cooperate: \"{}\"\n            deadline: \"{}\"\n",
            k + 1,
            k + 1,
            cell(lead),
            cell(coop),
            DEADLINES[*dl]
        ));
    }
    let plan = PLAN_MD.replace("  tasks: 2\n", &format!("  tasks: {}\n", g.tasks.len()));
    let mut report = String::from(
        "period: \"2025-09\"\ndate: 2025-09-15\nissuer: \"so-khcn\"\ntitle: \"Báo cáo thử\"\nentries:\n",
    );
    let mut used = BTreeSet::new();
    for (t, s) in &g.entries {
        if *t >= g.tasks.len() || !used.insert(*t) {
            continue;
        }
        report.push_str(&format!(
            "  - task: \"kh-thu/{}\"\n    status: \"{}\"\n",
            t + 1,
            STATUSES[*s]
        ));
        if STATUSES[*s] == "done" {
            report.push_str("    completed: 2025-09-10\n");
        }
    }
    write_content(
        dir,
        &[
            ("agencies.yaml", &agencies),
            ("plans/kh-thu/tasks.yaml", &tasks),
            ("plans/kh-thu/plan.md", &plan),
            ("reports/2025-09.yaml", &report),
        ],
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    /// Generated registries, plans and reports: every task once in the
    /// partition, each agency's tasks equal the transitive expansion, and
    /// all counts on all pages agree.
    #[test]
    fn generated_sites_numbers_agree(g in gen()) {
        let tmp = tempfile::tempdir().unwrap();
        valid_content(tmp.path());
        write_generated(tmp.path(), &g);
        let (_t, out) = build(tmp.path());
        check_site(&out, g.tasks.len());
    }
}
