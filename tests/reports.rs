//! Monthly reports: status rules on the illustrative dataset, charts,
//! timelines, snapshots, validation, and the honesty of the shipped content.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use minhbach::diagnostics::Severity;

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minh-hoa")
}

/// A copy of the illustrative dataset whose `base` points at the shipped
/// content, with only the reports named.
fn demo_copy(dir: &Path, reports: &[&str], as_of: &str) {
    let site = fs::read_to_string(demo_dir().join("site.yaml")).unwrap();
    let site = site
        .replace(
            "base: \"../../content\"",
            &format!("base: \"{}\"", shipped_content().display()),
        )
        .replace("as_of: 2026-01-15", &format!("as_of: {as_of}"));
    write_content(dir, &[("site.yaml", &site)]);
    for r in reports {
        let name = format!("reports/{r}.yaml");
        let text = fs::read_to_string(demo_dir().join(&name)).unwrap();
        write_content(dir, &[(&name, &text)]);
    }
}

fn build(content: &Path, out: &Path) {
    let r = minhbach::build(&opts(content, out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
}

#[test]
fn counts_for_114_match_a_hand_computation() {
    let (model, diags) = minhbach::load_model(&demo_dir(), None);
    assert!(!diags.has_errors(), "{:?}", diags.sorted());
    let model = model.unwrap();
    let d = minhbach::derive::Derived::new(&model);
    let pi = model
        .plans
        .iter()
        .position(|p| p.id.as_str() == "114-kh-bcd-2025")
        .unwrap();
    let refs = (0..29).map(|ti| minhbach::derive::TaskRef { plan: pi, task: ti });
    let counts: Vec<(&str, usize)> = d
        .counts(refs)
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| (s.key(), n))
        .collect();
    // As of 15/01/2026:
    // - done on time: 3 (plan issued 08/9, evidence), 4 (25/9), 25 (10/10);
    // - done late: 18 (done 05/12, due Tháng 9/2025);
    // - open overdue: 10 (Năm 2025), 26 (Tháng 12/2025), both still in progress;
    // - ongoing, reported in January: 2, 5, 6, 8, 17;
    // - ongoing, no report: the other 15 "Thường xuyên" tasks;
    // - recurring, no report: 28 and 29 (monthly reports);
    // - no date: 12 ("Theo chỉ đạo của các Bộ, Ngành ở Trung ương").
    assert_eq!(
        counts,
        vec![
            ("done-on-time", 3),
            ("done-late", 1),
            ("open-overdue", 2),
            ("ongoing-reported", 5),
            ("recurring", 2),
            ("ongoing", 15),
            ("no-date", 1),
        ]
    );
}

#[test]
fn chart_svg_and_table_carry_the_same_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&demo_dir(), &out);
    let page = fs::read_to_string(out.join("bieu-do/index.html")).unwrap();
    let svg_start = page.find("<svg").unwrap();
    let svg = &page[svg_start..page[svg_start..].find("</svg>").unwrap() + svg_start];
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("Kế hoạch 114/KH-BCĐ"), "bar label");
    assert!(svg.contains("\n29\n</text>"), "bar total");
    assert!(svg.contains("Hoàn thành đúng hạn"), "legend");
    let csv = fs::read_to_string(out.join("bieu-do/tinh-trang-theo-ke-hoach.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    // Columns: the states present, then the total; the 114 row matches the
    // hand computation of `counts_for_114_match_a_hand_computation`.
    assert!(csv.contains(
        ",Hoàn thành đúng hạn,Hoàn thành quá hạn,\"Chưa hoàn thành, quá hạn\",\"Thường xuyên, đã báo cáo kỳ này\","
    ));
    assert!(
        csv.contains("\r\nKế hoạch 114/KH-BCĐ,3,1,2,5,0,0,2,15,1,29,true\r\n"),
        "{csv}"
    );
    // The HTML table beside the chart has the same row.
    assert!(page.contains(
        "<th scope=\"row\">Kế hoạch 114/KH-BCĐ</th><td data-label=\"Hoàn thành đúng hạn\">3</td><td data-label=\"Hoàn thành quá hạn\">1</td>"
    ));
    // The illustrative dataset says so in every row of its chart CSVs.
    assert!(csv.lines().next().unwrap_or("").ends_with(",illustrative"));
}

#[test]
fn task_timeline_lists_reports_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&demo_dir(), &out);
    let page =
        fs::read_to_string(out.join("ke-hoach/114-kh-bcd-2025/nhiem-vu/26/index.html")).unwrap();
    let timeline = &page[page.find("id=\"tien-do\"").unwrap()..];
    let pos: Vec<usize> = ["10/2025", "11/2025", "12/2025", "01/2026"]
        .iter()
        .map(|m| {
            timeline
                .find(&format!("Báo cáo tháng {m} (minh họa)"))
                .unwrap_or_else(|| panic!("{m} missing"))
        })
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
    assert!(page.contains("Chưa hoàn thành, quá hạn"));
    // A task has no archived page: its page lists its state in each
    // archived month, each linking to its frozen row in that month's copy
    // of its plan's table, which shows the same state.
    let hist = &page[page.find("<ol class=\"hist\">").expect("the months")..];
    let hist = &hist[..hist.find("</ol>").unwrap()];
    let item = regex::Regex::new(
        r#"<li><span class="m">([0-9/]+)</span> <span class="state state-[a-z-]+">([^<]+)</span> <a href="[./]*(ban-luu/([0-9-]+)/ke-hoach/114-kh-bcd-2025/index\.html)#nv-26">"#,
    )
    .unwrap();
    let mut months = 0;
    for c in item.captures_iter(hist) {
        let snap = fs::read_to_string(out.join(&c[3])).unwrap();
        let row = &snap[snap
            .find("<tr class=\"task\" id=\"nv-26\">")
            .expect("the frozen row")..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(
            row.contains(&c[2]),
            "{}: the page says {}, the snapshot's row {row}",
            &c[1],
            &c[2]
        );
        months += 1;
    }
    assert_eq!(months, 4, "{hist}");
    let plan = fs::read_to_string(out.join("ke-hoach/114-kh-bcd-2025/index.html")).unwrap();
    assert!(
        plan.contains("ban-luu/2025-10/ke-hoach/114-kh-bcd-2025/index.html"),
        "a plan page links to its snapshots"
    );
}

/// Every relative link of the HTML pages under `dir` (a snapshot) leads
/// to a file of the site in `out`.
fn snapshot_links_resolve(out: &Path, dir: &str) -> usize {
    let href = regex::Regex::new(r##"href="([^"#:?]+)"##).unwrap();
    let mut n = 0;
    for (path, bytes) in snapshot(&out.join(dir)) {
        if !path.ends_with(".html") {
            continue;
        }
        let page_dir = out.join(dir).join(&path);
        let page_dir = page_dir.parent().unwrap();
        for c in href.captures_iter(&String::from_utf8(bytes).unwrap()) {
            let mut target = page_dir.to_path_buf();
            for seg in c[1].split('/') {
                match seg {
                    ".." => {
                        target.pop();
                    }
                    "" | "." => {}
                    s => target.push(s),
                }
            }
            if target.is_dir() {
                target.push("index.html");
            }
            assert!(
                target.is_file() && target.starts_with(out),
                "{dir}{path}: {} leads nowhere",
                &c[1]
            );
            n += 1;
        }
    }
    n
}

#[test]
fn a_new_report_leaves_the_previous_snapshot_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    demo_copy(&content, &["2025-10", "2025-11", "2025-12"], "2025-12-20");
    let out = tmp.path().join("site");
    build(&content, &out);
    let before = snapshot(&out.join("ban-luu/2025-12"));
    // A snapshot holds the lists as of its month, not a page per task or agency.
    for page in [
        "index.html",
        "tinh-trang/index.html",
        "ke-hoach/index.html",
        "ke-hoach/114-kh-bcd-2025/index.html",
        "co-quan/index.html",
    ] {
        assert!(before.contains_key(page), "the snapshot has {page}");
    }
    let agency_page = |k: &str| {
        k.strip_prefix("co-quan/")
            .is_some_and(|r| r != "index.html" && !r.starts_with("trang_"))
    };
    assert!(
        !before
            .keys()
            .any(|k| k.contains("/nhiem-vu/") || agency_page(k)),
        "no task or agency page in a snapshot: {:?}",
        before.keys().collect::<Vec<_>>()
    );
    assert!(snapshot_links_resolve(&out, "ban-luu/2025-12/") > 200);
    assert!(!out.join("ban-luu/2026-01").exists());
    demo_copy(&content, &["2026-01"], "2026-01-15");
    build(&content, &out);
    assert!(out.join("ban-luu/2026-01/index.html").is_file());
    let after = snapshot(&out.join("ban-luu/2025-12"));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (k, v) in &before {
        assert!(v == &after[k], "ban-luu/2025-12/{k} changed");
    }
    let snap = String::from_utf8(before["ke-hoach/114-kh-bcd-2025/index.html"].clone()).unwrap();
    assert!(
        snap.contains("Bản lưu tháng 12/2025"),
        "one date format: mm/yyyy"
    );
    assert!(snap.contains("14/12/2025"), "judged as of its report");
}

#[test]
fn shipped_content_says_no_report_except_where_documents_prove_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&shipped_content(), &out);
    let (model, _) = minhbach::load_model(&shipped_content(), None);
    let model = model.unwrap();
    for p in &model.plans {
        for t in &p.tasks {
            let html = fs::read_to_string(
                out.join(format!("ke-hoach/{}/nhiem-vu/{}/index.html", p.id, t.id)),
            )
            .unwrap();
            let evidenced = p.id.as_str() == "114-kh-bcd-2025" && t.id.as_str() == "3";
            let badge = html.split("class=\"state ").nth(1).unwrap_or("");
            let badge = &badge[..badge.find("</span>").unwrap_or(badge.len())];
            assert_eq!(
                badge.contains("chưa có báo cáo"),
                !evidenced,
                "{}/{}: {}",
                p.id,
                t.id,
                &badge[..badge.len().min(80)]
            );
        }
    }
    let t3 =
        fs::read_to_string(out.join("ke-hoach/114-kh-bcd-2025/nhiem-vu/3/index.html")).unwrap();
    assert!(t3.contains("Hoàn thành đúng hạn"));
    assert!(t3.contains("114/KH-BCĐ</span> ngày 08/09/2025"));
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        !home.contains("Dữ liệu minh họa"),
        "real content is not labelled illustrative"
    );
}

#[test]
fn every_page_of_the_illustrative_site_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&demo_dir(), &out);
    let mut n = 0;
    for (path, bytes) in snapshot(&out) {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            // The English edition (`ui_languages: [en]`) says it in English.
            let banner = if path.starts_with("en/") {
                "Illustrative data."
            } else {
                "Dữ liệu minh họa."
            };
            assert!(html.contains(banner), "{path}");
            n += 1;
        }
    }
    let (model, _) = minhbach::load_model(&demo_dir(), None);
    let model = model.unwrap();
    let tasks: usize = model.plans.iter().map(|p| p.tasks.len()).sum();
    assert!(
        n > tasks + model.registry.all().len(),
        "{n} pages: every task and agency page at least"
    );
}

const REPORT_OK: &str = r#"period: "2025-09"
date: 2025-09-15
entries:
  - task: "kh-thu/1"
    status: in-progress
    progress: 50
"#;

fn report_diags(report: &str, extra: Option<&str>) -> Vec<minhbach::diagnostics::Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    write_content(tmp.path(), &[("reports/2025-09.yaml", report)]);
    if let Some(e) = extra {
        write_content(tmp.path(), &[("reports/2025-10.yaml", e)]);
    }
    let r = minhbach::check(
        tmp.path(),
        Some(chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap()),
    );
    r.diagnostics.sorted().into_iter().cloned().collect()
}

#[test]
fn report_entries_are_validated_with_locations() {
    assert!(report_diags(REPORT_OK, None).is_empty());
    let d = report_diags(&REPORT_OK.replace("kh-thu/1", "kh-thu/11"), None);
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].location.line, d[0].severity), (4, Severity::Error));
    assert!(d[0].message.contains("unknown task"));
    // Never a "did you mean" to a task with another number (issue 22).
    let help = d[0].help.as_deref().unwrap();
    assert!(!help.contains("did you mean"), "{help}");
    assert!(
        help.contains("plan kh-thu has no task with id \"11\""),
        "{help}"
    );
    // A misspelt plan id is offered with the same task id.
    let d = report_diags(&REPORT_OK.replace("kh-thu/1", "kh-thuu/1"), None);
    assert!(
        d[0].help
            .as_deref()
            .unwrap()
            .contains("did you mean \"kh-thu/1\""),
        "{:?}",
        d[0].help
    );
    let d = report_diags(&REPORT_OK.replace("in-progress", "done"), None);
    assert!(
        d[0].message.contains("without a completion date"),
        "{:?}",
        d
    );
    assert_eq!(d[0].location.line, 5);
    let d = report_diags(&REPORT_OK.replace("progress: 50", "progress: 150"), None);
    assert!(d[0].message.contains("outside 0–100"));
    assert_eq!(d[0].location.line, 6);
    let done_future = REPORT_OK
        .replace("in-progress", "done")
        .replace("progress: 50", "completed: 2025-12-01");
    let d = report_diags(&done_future, None);
    assert!(
        d.iter()
            .any(|x| x.severity == Severity::Error && x.message.contains("after the as-of date")),
        "{d:?}"
    );
    let d = report_diags(&REPORT_OK.replace("in-progress", "finished"), None);
    assert!(d[0].help.as_deref().unwrap().contains("in-progress"));
}

#[test]
fn a_contradicting_later_report_needs_a_note() {
    let later = "period: \"2025-10\"\ndate: 2025-10-15\nentries:\n  - task: \"kh-thu/1\"\n    status: in-progress\n    progress: 30\n";
    let d = report_diags(REPORT_OK, Some(later));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].severity, Severity::Warning);
    assert!(d[0].location.file.ends_with("2025-10.yaml"));
    assert_eq!(d[0].location.line, 4);
    assert!(d[0].message.contains("contradicts report 2025-09"));
    let with_note = format!("{later}    note: \"Điều chỉnh sau kiểm tra\"\n");
    assert!(report_diags(REPORT_OK, Some(&with_note)).is_empty());
}

#[test]
fn published_snapshots_survive_later_changes_to_wording() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    demo_copy(&content, &["2025-10"], "2025-10-20");
    let out = tmp.path().join("site");
    build(&content, &out);
    let page = "ban-luu/2025-10/index.html";
    let before = fs::read(out.join(page)).unwrap();
    // The site title changes after publication: live pages follow, the archive does not.
    let site = fs::read_to_string(content.join("site.yaml")).unwrap();
    write_content(
        &content,
        &[(
            "site.yaml",
            &site.replace("DỮ LIỆU MINH HỌA", "DỮ LIỆU MINH HỌA (sửa)"),
        )],
    );
    build(&content, &out);
    assert_eq!(fs::read(out.join(page)).unwrap(), before);
    assert!(fs::read_to_string(out.join("index.html"))
        .unwrap()
        .contains("(sửa)"));
    // Unless asked to refresh them.
    let mut o = opts(&content, &out);
    o.refresh_snapshots = true;
    assert!(!minhbach::build(&o).diagnostics.has_errors());
    assert!(String::from_utf8(fs::read(out.join(page)).unwrap())
        .unwrap()
        .contains("(sửa)"));
}

/// A report of 2025-09-15 on task kh-thu/1 with `status`, named `name`,
/// correcting `corrects` when given.
fn report_on_1(name: &str, status: &str, corrects: Option<&str>) -> (String, String) {
    let mut text = String::from("period: \"2025-09\"\ndate: 2025-09-15\n");
    if let Some(c) = corrects {
        text.push_str(&format!("corrects: {c}\n"));
    }
    let done = if status == "done" {
        "\n    completed: 2025-09-10"
    } else {
        ""
    };
    text.push_str(&format!(
        "entries:\n  - task: \"kh-thu/1\"\n    status: {status}{done}\n"
    ));
    (format!("reports/{name}.yaml"), text)
}

fn errors(content: &Path) -> Vec<String> {
    minhbach::check(content, None)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn same_day_reports_that_disagree_are_an_error_until_one_corrects_the_other() {
    for (a, b) in [("2025-09-a", "2025-09-b"), ("2025-09-b", "2025-09-a")] {
        let tmp = tempfile::tempdir().unwrap();
        valid_content(tmp.path());
        let (pa, ta) = report_on_1(a, "done", None);
        let (pb, tb) = report_on_1(b, "in-progress", None);
        write_content(tmp.path(), &[(&pa, &ta), (&pb, &tb)]);
        let errs = errors(tmp.path());
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].contains("which one holds cannot be told"),
            "{errs:?}"
        );
        assert!(errs[0].contains(a) && errs[0].contains(b), "{errs:?}");
        // The in-progress report corrects the done one: it holds, whatever
        // the file names.
        let (pb, tb) = report_on_1(b, "in-progress", Some(a));
        write_content(tmp.path(), &[(&pb, &tb)]);
        assert_eq!(errors(tmp.path()), Vec::<String>::new());
        let (model, _) = minhbach::load_model(tmp.path(), None);
        let model = model.unwrap();
        let d = minhbach::derive::Derived::new(&model);
        let s = &d.standings[&minhbach::derive::TaskRef { plan: 0, task: 0 }];
        assert_ne!(s.state.key(), "done-on-time", "{a} {b}: {:?}", s.state);
        assert!(!s.state.key().starts_with("done"), "{a} {b}: {:?}", s.state);
    }
}

#[test]
fn a_task_twice_in_one_report_and_a_bad_correction_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let twice = "period: \"2025-09\"\ndate: 2025-09-15\ncorrects: 2025-08\nentries:\n  - task: \"kh-thu/1\"\n    status: in-progress\n  - task: \"kh-thu/2\"\n    status: ongoing\n  - task: \"kh-thu/1\"\n    status: not-started\n";
    write_content(tmp.path(), &[("reports/2025-09.yaml", twice)]);
    let errs = errors(tmp.path());
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.contains("2025-09.yaml:3:") && e.contains("names no report")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.contains("2025-09.yaml:9:")
            && e.contains("already reported in this file, at line 5")),
        "{errs:?}"
    );
}

#[test]
fn a_report_named_like_one_in_the_base_is_a_check_error_at_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("base");
    valid_content(&base);
    let (p, t) = report_on_1("2025-09", "in-progress", None);
    write_content(&base, &[(&p, &t)]);
    let over = tmp.path().join("over");
    write_content(
        &over,
        &[
            ("site.yaml", &format!("{SITE}base: \"../base\"\n")),
            (&p, &t),
        ],
    );
    let errs = errors(&over);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("over/reports/2025-09.yaml"), "{errs:?}");
    assert!(
        errs[0].contains("another report has this file name"),
        "{errs:?}"
    );
    let r = minhbach::build(&opts(&over, &tmp.path().join("out")));
    let all: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(all.iter().all(|m| !m.contains("bug")), "{all:?}");
    assert!(r.diagnostics.has_errors());
}
