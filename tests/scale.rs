//! Large sites: long lists are split into citable parts that link every
//! task exactly once, no HTML page grows past 1 MB, small sites keep their
//! single pages, and the output does not depend on the number of threads.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use minhbach::render::i18n::{I18n, Paths};
use minhbach::render::split;
use regex::Regex;

/// The Vietnamese path words (the shipped sites' language).
fn vi() -> Paths {
    Paths::of(&I18n::embedded().unwrap(), "vi").unwrap()
}

/// One plan of `n` tasks in two groups, all led by one agency with another
/// cooperating, dated deadlines spread over 2025 (past and future of the
/// as-of date), plus a report marking some done.
fn big_content(dir: &Path, n: usize) {
    let mut tasks = String::from("groups:\n");
    for (g, range) in [("I", 1..n / 2 + 1), ("II", n / 2 + 1..n + 1)] {
        writeln!(
            tasks,
            "  - code: \"{g}\"\n    title: \"NHÓM {g}\"\n    tasks:"
        )
        .unwrap();
        for i in range {
            writeln!(
                tasks,
                "      - number: \"{i}\"\n        task: \"Nhiệm vụ thử số {i}\"\n        lead: \"Sở KH&CN\"\n        cooperate: \"VP UBND tỉnh\"\n        deadline: \"{}/{}/2025\"",
                1 + i % 28,
                1 + i % 12
            )
            .unwrap();
        }
    }
    let mut report = String::from("period: \"2025-09\"\ndate: 2025-09-12\nentries:\n");
    for i in (1..=n).step_by(7) {
        writeln!(
            report,
            "  - task: \"kh-lon/{i}\"\n    status: in-progress\n    progress: 40"
        )
        .unwrap();
    }
    common::write_content(
        dir,
        &[
            ("site.yaml", common::SITE),
            ("agencies.yaml", common::AGENCIES),
            (
                "plans/kh-lon/plan.md",
                "---\nnumber: \"9/KH-THU\"\ndoc_type: \"Kế hoạch\"\ntitle: \"Kế hoạch lớn\"\nissuer: so-khcn\ndate: 2025-01-10\nperiod: { start: 2025-01-01, end: 2025-12-31 }\n---\nNội dung.\n",
            ),
            ("plans/kh-lon/tasks.yaml", &tasks),
            ("reports/2025-09.yaml", &report),
        ],
    );
}

/// Task ids linked from the task rows (`<tr class="task"…>`) and task
/// cards (`<li class="tk">`) of a page.
fn row_links(html: &str) -> Vec<String> {
    let row = Regex::new(r#"(?s)<tr class="task"[^>]*>.*?</tr>|<li class="tk">.*?</li>"#).unwrap();
    let link = Regex::new(r#"href="[^"]*ke-hoach/kh-lon/nhiem-vu/([^/"]+)/index.html""#).unwrap();
    row.find_iter(html)
        .flat_map(|m| {
            link.captures_iter(m.as_str())
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every task id linked from the rows of the pages under `prefix`
/// (including the page at `prefix` itself), with how often.
fn linked_under(site: &BTreeMap<String, Vec<u8>>, prefix: &str) -> BTreeMap<String, usize> {
    let mut seen = BTreeMap::new();
    for (path, bytes) in site.range(prefix.to_string()..) {
        if !path.starts_with(prefix) {
            break;
        }
        if path.ends_with("index.html") {
            for id in row_links(&String::from_utf8_lossy(bytes)) {
                *seen.entry(id).or_default() += 1;
            }
        }
    }
    seen
}

/// The pages under `prefix` that list task rows.
fn linked_pages(site: &BTreeMap<String, Vec<u8>>, prefix: &str) -> Vec<String> {
    site.iter()
        .filter(|(p, b)| {
            p.starts_with(prefix)
                && p.ends_with(".html")
                && !row_links(&String::from_utf8_lossy(b)).is_empty()
        })
        .map(|(p, _)| p.clone())
        .collect()
}

fn build(content: &Path, out: &Path) -> BTreeMap<String, Vec<u8>> {
    let r = minhbach::build(&common::opts(content, out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    common::snapshot(out)
}

#[test]
fn split_pages_link_every_task_exactly_once() {
    let n = 1_234;
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    big_content(&content, n);
    let site = build(&content, &tmp.path().join("out"));
    let every: BTreeMap<String, usize> = (1..=n).map(|i| (i.to_string(), 1)).collect();

    // The plan table: page 1 and its parts hold each row once.
    let parts = split::part_count(n);
    assert!(parts >= 3);
    let part_page = |k: usize| vi().part_dir("ke-hoach/kh-lon/", k) + "index.html";
    assert!(site.contains_key(&part_page(parts)));
    assert!(!site.contains_key(&part_page(parts + 1)));
    let plan: BTreeMap<String, usize> = (1..=parts)
        .flat_map(|k| row_links(&String::from_utf8_lossy(&site[&part_page(k)])))
        .fold(BTreeMap::new(), |mut m, id| {
            *m.entry(id).or_default() += 1;
            m
        });
    assert_eq!(plan, every, "plan table parts");

    // The status page gives counts; its parts by state and plan list each task once.
    let status = String::from_utf8_lossy(&site["tinh-trang/index.html"]);
    assert!(row_links(&status).is_empty());
    assert!(status.contains("tinh-trang/"));
    assert_eq!(linked_under(&site, "tinh-trang/"), every, "status parts");

    // The agency leading every task: counts by plan, tasks on the plan's parts.
    let lead = linked_under(&site, "co-quan/so-khcn/ke-hoach/");
    assert_eq!(lead, every, "lead agency parts");
    assert!(row_links(&String::from_utf8_lossy(
        &site["co-quan/so-khcn/index.html"]
    ))
    .is_empty());
    assert_eq!(linked_under(&site, "co-quan/vp-ubnd-tinh/ke-hoach/"), every);

    // A list of one plan's tasks (a state's part, an agency's part) does
    // not repeat the plan on every card: its heading names it. Each card
    // says where its task sits and who leads it.
    let one_plan = [
        linked_pages(&site, "tinh-trang/"),
        linked_pages(&site, "co-quan/so-khcn/ke-hoach/"),
    ];
    for path in one_plan.iter().flatten() {
        let html = String::from_utf8_lossy(&site[path]);
        let cards = html.matches("<li class=\"tk\">").count();
        assert!(cards > 0, "{path}");
        assert!(!html.contains("<span class=\"tk-at\"><span"), "{path}");
        assert_eq!(
            html.matches("<span class=\"tk-at\">Nhiệm vụ ").count(),
            cards,
            "{path}"
        );
        assert_eq!(
            html.matches("<span class=\"tk-lead\">").count(),
            cards,
            "{path}"
        );
    }

    // Each part says where it sits and links to every other part.
    let p2 = String::from_utf8_lossy(&site["ke-hoach/kh-lon/trang_2/index.html"]);
    assert!(p2.contains(&format!("trên tổng số {n}")));
    assert!(p2.contains("ke-hoach/kh-lon/index.html") && p2.contains(&part_page(parts)));

    // A task page points at the part holding its row (rows are in order).
    let t = String::from_utf8_lossy(&site["ke-hoach/kh-lon/nhiem-vu/1000/index.html"]);
    assert!(
        t.contains(&format!("{}#nv-1000", part_page(split::part_of(999)))),
        "row link"
    );

    // Month pages and the report page are cut too; nothing is over 1 MB
    // or over the rows of one part.
    for (path, bytes) in &site {
        if path.ends_with(".html") {
            assert!(bytes.len() < 1_000_000, "{path} is {} bytes", bytes.len());
            assert!(
                row_links(&String::from_utf8_lossy(bytes)).len() <= split::PART_ROWS,
                "{path}"
            );
        }
    }
    // Every link to a page of the site resolves to a written page.
    let href = Regex::new(r##"href="([^"#:]+\.html)"##).unwrap();
    for (path, bytes) in &site {
        if !path.ends_with(".html") || path.starts_with("ban-luu/") {
            continue;
        }
        let dir = Path::new(path).parent().unwrap();
        for c in href.captures_iter(&String::from_utf8_lossy(bytes)) {
            let target = normalise(&dir.join(&c[1]));
            assert!(
                site.contains_key(&target),
                "{path} links to missing {target}"
            );
        }
    }
}

fn normalise(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn small_sites_keep_single_pages_and_permalinks() {
    let tmp = tempfile::tempdir().unwrap();
    let site = build(&common::shipped_content(), &tmp.path().join("out"));
    assert!(
        !site.keys().any(|p| p.contains("/trang_")),
        "no parts on a small site"
    );
    assert!(!site
        .keys()
        .any(|p| p.starts_with("tinh-trang/") && p != "tinh-trang/index.html"));
    assert!(!site
        .keys()
        .any(|p| p.contains("co-quan/") && p.contains("/ke-hoach/")));
    // The status page lists every task once, on one page.
    let re = Regex::new(r#"href="[^"]*ke-hoach/([^/]+)/nhiem-vu/([^/"]+)/index.html""#).unwrap();
    let status = String::from_utf8_lossy(&site["tinh-trang/index.html"]).into_owned();
    let mut ids: Vec<String> = re
        .captures_iter(&status)
        .map(|c| format!("{}/{}", &c[1], &c[2]))
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "a task listed twice on the status page");
    let tasks = site
        .keys()
        .filter(|p| p.contains("/nhiem-vu/") && p.ends_with("/index.html"))
        .count();
    assert_eq!(n, tasks);
}

#[test]
fn output_is_identical_with_one_or_many_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    big_content(&content, 700);
    let opts = common::opts(&content, &tmp.path().join("out"));
    let render = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let (r, d) = pool.install(|| minhbach::render_site(&opts));
        assert!(!d.has_errors());
        r.unwrap()
            .files
            .into_iter()
            .map(|f| (f.path, f.bytes))
            .collect::<Vec<_>>()
    };
    let one = render(1);
    let many = render(4);
    assert_eq!(one.len(), many.len());
    for (a, b) in one.iter().zip(&many) {
        assert_eq!(a.0, b.0);
        assert!(a.1 == b.1, "{} differs between 1 and 4 threads", a.0);
    }
}

/// Agency ids linked from the main content of a page (the part links use
/// `trang_<n>`, outside the id alphabet, so they do not match).
fn agency_links(html: &str) -> Vec<String> {
    let main = html
        .split_once("<main")
        .and_then(|(_, rest)| rest.split_once("</main>"))
        .map_or(html, |(m, _)| m);
    let link = Regex::new(r#"href="[^"]*co-quan/([a-z0-9-]+)/index.html""#).unwrap();
    link.captures_iter(main).map(|c| c[1].to_string()).collect()
}

#[test]
fn agencies_index_is_cut_into_parts_listing_each_agency_once() {
    // A national-size registry: 3 agencies, then 600 more, of which the
    // first 300 lead one task each; one of them has the id `trang-2`,
    // the name of a part's folder before parts moved to `trang_<n>`.
    let (extra, leading) = (600, 300);
    let mut agencies = common::AGENCIES.to_string();
    let id = |i: usize| {
        if i == 2 {
            "trang-2".to_string()
        } else {
            format!("co-quan-thu-{i}")
        }
    };
    for i in 1..=extra {
        writeln!(
            agencies,
            "  - id: {}\n    name: \"Cơ quan thử số {i}\"\n    kind: department",
            id(i)
        )
        .unwrap();
    }
    let mut tasks = String::from("groups:\n  - code: \"I\"\n    title: \"NHÓM I\"\n    tasks:\n");
    for i in 1..=leading {
        writeln!(
            tasks,
            "      - number: \"{i}\"\n        task: \"Nhiệm vụ thử số {i}\"\n        lead: \"Cơ quan thử số {i}\"\n        deadline: \"{}/{}/2025\"",
            1 + i % 28,
            1 + i % 12
        )
        .unwrap();
    }
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::write_content(
        &content,
        &[
            ("site.yaml", common::SITE),
            ("agencies.yaml", &agencies),
            (
                "plans/kh-lon/plan.md",
                "---\nnumber: \"9/KH-THU\"\ndoc_type: \"Kế hoạch\"\ntitle: \"Kế hoạch lớn\"\nissuer: so-khcn\ndate: 2025-01-10\nperiod: { start: 2025-01-01, end: 2025-12-31 }\n---\nNội dung.\n",
            ),
            ("plans/kh-lon/tasks.yaml", &tasks),
        ],
    );
    let site = build(&content, &tmp.path().join("out"));
    let total = 3 + extra;
    let parts = split::part_count(total);
    assert!(parts >= 3);
    let page = |k: usize| vi().part_dir("co-quan/", k) + "index.html";
    assert!(!site.contains_key(&page(parts + 1)));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for k in 1..=parts {
        let html = String::from_utf8_lossy(&site[&page(k)]);
        let links = agency_links(&html);
        assert!(links.len() <= split::PART_ROWS, "part {k}");
        for a in links {
            *seen.entry(a).or_default() += 1;
        }
        assert!(html.len() < 1_000_000, "part {k} is {} bytes", html.len());
        // Each part says its rows of how many, and links to every part.
        let first = (k - 1) * split::PART_ROWS + 1;
        assert!(
            html.contains(&format!("cơ quan, đơn vị {first}–"))
                && html.contains(&format!("trên tổng số {total}")),
            "part {k}"
        );
        for j in 1..=parts {
            assert!(
                html.contains(&vi().part_dir("co-quan/", j)),
                "part {k} to {j}"
            );
        }
    }
    let mut every: BTreeMap<String, usize> = ["so-khcn", "vp-ubnd-tinh", "cac-co-quan-lien-quan"]
        .iter()
        .map(|a| (a.to_string(), 1))
        .collect();
    every.extend((1..=extra).map(|i| (id(i), 1)));
    assert_eq!(seen, every, "each agency exactly once over the parts");
    // The agency with the id `trang-2` keeps its own page, apart from part 2.
    let own = String::from_utf8_lossy(&site["co-quan/trang-2/index.html"]);
    assert!(own.contains("Cơ quan thử số 2"));
    assert!(site.contains_key("co-quan/trang_2/index.html"));
}

#[test]
fn a_split_snapshot_status_page_leads_to_the_archived_plan_tables() {
    let n = 1_234;
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    big_content(&content, n);
    let site = build(&content, &tmp.path().join("out"));
    let snap = "ban-luu/2025-09/";
    // The live site has lists by state and plan; the snapshot has none, and
    // no task or agency page: its plan table carries each task's state.
    assert!(site
        .keys()
        .any(|k| k.starts_with("tinh-trang/") && k.matches('/').count() > 1));
    assert!(!site
        .keys()
        .any(|k| k.starts_with(&format!("{snap}tinh-trang/")) && k.matches('/').count() > 3));
    assert!(!site
        .keys()
        .any(|k| k.starts_with(snap) && k.contains("/nhiem-vu/")));
    let status = String::from_utf8(site[&format!("{snap}tinh-trang/index.html")].clone()).unwrap();
    let links: Vec<&str> =
        Regex::new(r##"<li><a [^>]*href="\.\./([^"#]+)"[^>]*>[^<]*</a>[^<]*<span class="note""##)
            .unwrap()
            .captures_iter(&status)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
    assert!(!links.is_empty(), "the states link to the plan");
    for l in &links {
        assert_eq!(*l, "ke-hoach/kh-lon/index.html", "{l}");
        assert!(site.contains_key(&format!("{snap}{l}")));
    }
    // The archived table lists every task once, each with its state.
    let mut rows: Vec<String> = site
        .iter()
        .filter(|(k, _)| k.starts_with(&format!("{snap}ke-hoach/kh-lon/")))
        .flat_map(|(_, v)| row_links(&String::from_utf8_lossy(v)))
        .collect();
    rows.sort();
    let before = rows.len();
    rows.dedup();
    assert_eq!((before, rows.len()), (n, n));
}
