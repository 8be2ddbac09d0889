//! The shipped content (the five Tuyên Quang documents) builds into a site
//! whose pages say what the documents say.

mod common;

use std::fs;

use common::*;

fn build_shipped() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let report = minhbach::build(&opts(&shipped_content(), &out));
    assert!(
        !report.diagnostics.has_errors(),
        "shipped content must build: {:?}",
        report.diagnostics.sorted()
    );
    (tmp, out)
}

fn page(out: &std::path::Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn every_plan_task_and_agency_has_a_page() {
    let (_tmp, out) = build_shipped();
    let (model, _) = minhbach::load_model(&shipped_content(), None);
    let model = model.unwrap();
    assert_eq!(model.plans.len(), 5);
    for p in &model.plans {
        let plan_page = page(&out, &format!("ke-hoach/{}/index.html", p.id));
        assert!(plan_page.contains("lang=\"vi\""));
        for t in &p.tasks {
            let rel = format!("ke-hoach/{}/nhiem-vu/{}/index.html", p.id, t.id);
            assert!(out.join(&rel).is_file(), "{rel}");
        }
    }
    for a in model.registry.all() {
        assert!(out.join(format!("co-quan/{}/index.html", a.id)).is_file());
    }
    assert!(out.join("index.html").is_file());
    assert!(out.join("tai-nguyen/style.css").is_file());
}

#[test]
fn task_18_of_114_shows_its_text_and_deadline_as_written() {
    let (_tmp, out) = build_shipped();
    let html = page(&out, "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/index.html");
    assert!(
        html.contains("Triển khai Trung tâm Giám sát, điều hành thông minh (IOC) tỉnh Tuyên Quang")
    );
    assert!(html.contains("Tháng 9/2025"));
    assert!(html.contains("trong tháng 09/2025 (chậm nhất ngày 30/09/2025)"));
    assert!(html.contains("../../../../co-quan/so-khcn/index.html"));
    assert!(
        html.contains("../../../../ke-hoach/114-kh-bcd-2025/index.html#nv-18"),
        "link back to the row"
    );
    assert!(html.contains("25/11/2026"), "as-of date on the page");
}

#[test]
fn agency_page_lists_the_tasks_it_leads() {
    let (_tmp, out) = build_shipped();
    let html = page(&out, "co-quan/so-khcn/index.html");
    assert!(html.contains("Sở Khoa học và Công nghệ"));
    let (model, _) = minhbach::load_model(&shipped_content(), None);
    let model = model.unwrap();
    let plan = model
        .plans
        .iter()
        .find(|p| p.id.as_str() == "114-kh-bcd-2025")
        .unwrap();
    let led: Vec<_> = plan
        .tasks
        .iter()
        .filter(|t| t.lead.agencies.iter().any(|a| a.as_str() == "so-khcn"))
        .collect();
    assert!(led.len() >= 8, "Sở KH&CN leads many tasks of 114/KH-BCĐ");
    // Its tasks come from several plans: each card names its plan and
    // the lead agency beside the state.
    let cards = html.matches("<li class=\"tk\">").count();
    assert!(cards > 0);
    assert_eq!(html.matches("<span class=\"tk-lead\">").count(), cards);
    assert!(
        html.contains("Kế hoạch 114/KH-BCĐ</span> · Nhiệm vụ 4</span>"),
        "cards name their plan and their printed number"
    );
    // Tasks given to "Các Sở, ban, ngành" concern each department too, in
    // the share of tasks given to a group, naming the group.
    let via: String = html
        .split("-qua-nhom\">")
        .skip(1)
        .filter_map(|s| s.find("</section>").map(|e| &s[..e]))
        .collect();
    assert!(
        via.contains("giao cho <span>Các Sở, ban, ngành</span>"),
        "group named"
    );
    let group_task = model
        .plans
        .iter()
        .flat_map(|p| p.tasks.iter().map(move |t| (p, t)))
        .find(|(_, t)| {
            let named = |c: &minhbach::model::plan::AgencyCell, id: &str| {
                c.agencies.iter().any(|a| a.as_str() == id)
            };
            named(&t.lead, "cac-so-ban-nganh")
                && !named(&t.lead, "so-khcn")
                && !named(&t.cooperate, "so-khcn")
        })
        .unwrap();
    assert!(via.contains(&format!(
        "ke-hoach/{}/nhiem-vu/{}/index.html",
        group_task.0.id, group_task.1.id
    )));
    let lead: String = html
        .split("-chu-tri\">")
        .skip(1)
        .filter_map(|s| s.find("</section>").map(|e| &s[..e]))
        .collect();
    for t in led {
        let href = format!("ke-hoach/114-kh-bcd-2025/nhiem-vu/{}/index.html", t.id);
        assert!(lead.contains(&href), "task {} missing", t.id);
    }
}

#[test]
fn plan_114_has_29_task_rows_in_6_groups() {
    let (_tmp, out) = build_shipped();
    let html = page(&out, "ke-hoach/114-kh-bcd-2025/index.html");
    assert_eq!(html.matches("<tr class=\"task\"").count(), 29);
    assert!(html.contains("114/KH-BCĐ"));
    // The document declares 2 tasks for IV.1 but lists 3: shown, not hidden.
    assert!(html.contains("văn bản ghi 2 nhiệm vụ, bảng có 3 dòng"));
}

#[test]
fn minh_xuan_plan_says_its_table_is_not_transcribed() {
    let (_tmp, out) = build_shipped();
    let html = page(&out, "ke-hoach/01-kh-bcd-minh-xuan-2026/index.html");
    assert!(html.contains("Bảng phụ lục chưa được chép"));
    assert!(html.contains("20"));
    assert!(html.contains("30"));
    assert_eq!(html.matches("<tr class=\"task\"").count(), 0);
}

#[test]
fn no_page_loads_anything_from_another_host() {
    let (_tmp, out) = build_shipped();
    for (path, bytes) in snapshot(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for attr in ["src=\"http", "href=\"//", "src=\"//", "<script>", "<iframe"] {
            assert!(!html.contains(attr), "{path} contains {attr}");
        }
        // Scripts are optional extras shipped with the theme.
        for s in html.split("<script").skip(1) {
            assert!(
                s.starts_with(" src=\"") && s.contains("tai-nguyen/"),
                "{path}: <script{}",
                &s[..40.min(s.len())]
            );
        }
        for line in html.lines().filter(|l| l.contains("rel=\"stylesheet\"")) {
            assert!(!line.contains("http"), "{path}: {line}");
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, out_a) = build_shipped();
    let (_b, out_b) = build_shipped();
    let a = snapshot(&out_a);
    let b = snapshot(&out_b);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between builds");
    }
}
