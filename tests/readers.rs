//! What readers and journalists see: citations that point at a row a reader
//! can find on paper, task pages headed by their own words, the official
//! document's address, and a warning when the site has no address.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const CITED_PLAN: &str = r#"---
number: "7/KH-TEST"
doc_type: "Kế hoạch"
title: "Kế hoạch trích dẫn"
issuer: so-khcn
date: 2025-03-04
period: { start: 2025-01-01, end: 2025-12-31 }
source_url: "https://vanban.example.gov.vn/7-kh-test.pdf"
---
Nội dung.
"#;

const CITED_TASKS: &str = r#"groups:
  - code: "PL-I"
    appendix: "Phụ lục I"
    title: "NHIỆM VỤ"
    groups:
      - code: "I"
        title: "Nhóm có số thứ tự"
        tasks:
          - number: "1."
            task: "Tổ chức các phiên họp, hội nghị của Ban Chỉ đạo"
            lead: "Sở KH&CN"
            deadline: "Hàng tháng"
      - code: "II"
        title: "Nhóm không đánh số"
        tasks:
          - number: "1."
            id: "ii-1"
            task: "Việc có số trùng với nhóm trước"
            lead: "Sở KH&CN"
            deadline: "Quý IV"
          - id: "ii-a"
            task: "Việc thứ nhất không số"
            lead: "Sở KH&CN"
            deadline: "Thường xuyên"
          - id: "ii-b"
            task: "Hoàn thành số hóa quy trình nghiệp vụ nội bộ, hồ sơ tài liệu, kết quả giải quyết thủ tục hành chính trong các lĩnh vực liên quan tới người dân, doanh nghiệp; tái sử dụng dữ liệu đã số hóa"
            lead: "Sở KH&CN"
            deadline: "Năm 2025"
"#;

fn build(base_url: Option<&str>) -> (tempfile::TempDir, std::path::PathBuf, minhbach::Report) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    write_content(
        &content,
        &[
            ("site.yaml", SITE),
            ("agencies.yaml", AGENCIES),
            ("plans/kh-cite/plan.md", CITED_PLAN),
            ("plans/kh-cite/tasks.yaml", CITED_TASKS),
        ],
    );
    let out = tmp.path().join("site");
    let mut o = opts(&content, &out);
    o.base_url = base_url.map(str::to_string);
    o.publishing = true;
    let report = minhbach::build(&o);
    assert!(
        !report.diagnostics.has_errors(),
        "{:?}",
        report.diagnostics.sorted()
    );
    (tmp, out, report)
}

/// The Vietnamese citation of a page, as text (tags dropped, entities read).
fn citation(out: &Path, rel: &str) -> String {
    let html = fs::read_to_string(out.join(rel)).unwrap();
    let start = html.find("<p class=\"citation\" id=\"cite-vi\"").unwrap();
    let end = start + html[start..].find("</p>").unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x2F;", "/")
}

#[test]
fn a_numbered_task_is_cited_by_its_number_document_issuer_and_date() {
    let (_t, out, _) = build(Some("https://minhbach.example/"));
    let c = citation(&out, "ke-hoach/kh-cite/nhiem-vu/1/index.html");
    assert_eq!(
        c,
        "Thử nghiệm. “Tổ chức các phiên họp, hội nghị của Ban Chỉ đạo”, nhiệm vụ số 1, nhóm I, Phụ lục I, \
         Kế hoạch số 7/KH-TEST ngày 04/03/2025 của Sở Khoa học và Công nghệ. Trong: Thử nghiệm. \
         Số liệu tính đến ngày 20/09/2025. https://minhbach.example/ke-hoach/kh-cite/nhiem-vu/1/. Truy cập ngày …."
    );
}

#[test]
fn an_unnumbered_task_is_cited_by_its_row_in_its_group() {
    let (_t, out, _) = build(Some("https://minhbach.example/"));
    let c = citation(&out, "ke-hoach/kh-cite/nhiem-vu/ii-a/index.html");
    assert!(
        c.contains("“Việc thứ nhất không số”, dòng thứ 2 nhóm II, Phụ lục I, Kế hoạch số 7/KH-TEST ngày 04/03/2025 của Sở Khoa học và Công nghệ."),
        "{c}"
    );
    let words = &c[..c.find("https://").unwrap()];
    assert!(!words.contains("ii-a"), "internal ids are not cited: {c}");
}

#[test]
fn task_pages_are_headed_by_their_own_words_cut_at_a_clause() {
    let (_t, out, _) = build(None);
    let html = fs::read_to_string(out.join("ke-hoach/kh-cite/nhiem-vu/ii-b/index.html")).unwrap();
    assert!(
        html.contains("<h1>Hoàn thành số hóa quy trình nghiệp vụ nội bộ, hồ sơ tài liệu…</h1>"),
        "{}",
        &html[html.find("<h1>").unwrap()..][..300]
    );
    // The whole text is still on the page, verbatim.
    assert!(html.contains("doanh nghiệp; tái sử dụng dữ liệu đã số hóa"));
}

#[test]
fn the_plan_page_links_the_official_document_and_puts_the_table_before_the_narrative() {
    let (_t, out, _) = build(None);
    let html = fs::read_to_string(out.join("ke-hoach/kh-cite/index.html")).unwrap();
    assert!(html.contains("href=\"https://vanban.example.gov.vn/7-kh-test.pdf\""));
    let table = html.find("id=\"bang-nhiem-vu\"").unwrap();
    let narrative = html.find("id=\"noi-dung-van-ban\"").unwrap();
    assert!(table < narrative, "the task table comes first");
    assert!(
        html.find("href=\"#bang-nhiem-vu\"").unwrap() < table,
        "jump link at the top"
    );
    // Each row links from the task's own words.
    assert!(html.contains("/nhiem-vu/ii-a/index.html\">Việc thứ nhất không số</a>"));
}

#[test]
fn build_warns_when_no_base_url_is_set_and_not_when_one_is() {
    // Previews and library builds (publishing off) are not warned.
    let tmp = tempfile::tempdir().unwrap();
    // The output may not lie inside the content: content in its own folder.
    let content = tmp.path().join("c");
    valid_content(&content);
    let report = minhbach::build(&opts(&content, &tmp.path().join("site")));
    assert!(
        !report.diagnostics.has_errors(),
        "{:?}",
        report.diagnostics.sorted()
    );
    assert!(!report
        .diagnostics
        .sorted()
        .iter()
        .any(|d| d.to_string().contains("no base URL")));
    let (_t, _, report) = build(None);
    let w: Vec<String> = report
        .diagnostics
        .sorted()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(
        w.iter()
            .any(|d| d.contains("no base URL") && d.contains("help:")),
        "{w:?}"
    );
    let (_t, _, report) = build(Some("https://minhbach.example/"));
    let w: Vec<String> = report
        .diagnostics
        .sorted()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(!w.iter().any(|d| d.contains("no base URL")), "{w:?}");
}

#[test]
fn a_source_url_that_is_not_a_web_address_is_an_error_at_its_line() {
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://",
        "https://a b",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let plan = CITED_PLAN.replace("https://vanban.example.gov.vn/7-kh-test.pdf", bad);
        write_content(
            tmp.path(),
            &[
                ("site.yaml", SITE),
                ("agencies.yaml", AGENCIES),
                ("plans/kh-cite/plan.md", &plan),
                ("plans/kh-cite/tasks.yaml", CITED_TASKS),
            ],
        );
        let (_, diags) = minhbach::load_model(tmp.path(), None);
        let errs: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
        assert!(
            errs.iter().any(|e| e.contains("plan.md:8:")
                && e.contains("source_url")
                && e.contains("help:")),
            "{bad}: {errs:?}"
        );
    }
}

const LATE_TASKS: &str = r#"groups:
  - code: "I"
    title: "NHÓM"
    tasks:
      - number: "1"
        task: "Việc quá hạn một"
        lead: "Sở KH&CN"
        deadline: "Tháng 8/2025"
      - number: "2"
        task: "Việc quá hạn hai"
        lead: "Sở KH&CN"
        deadline: "Tháng 7/2025"
      - number: "3"
        task: "Việc quá hạn ba"
        lead: "VP UBND tỉnh"
        deadline: "Tháng 6/2025"
      - number: "4"
        task: "Việc thường xuyên"
        lead: "VP UBND tỉnh"
        cooperate: "Sở KH&CN"
        deadline: "Thường xuyên"
      - number: "5"
        task: "Việc giao cho nhóm"
        lead: "Các cơ quan, đơn vị có liên quan"
        deadline: "Năm 2025"
"#;

fn build_late() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let agencies =
        format!("{AGENCIES}  - id: so-tu-phap\n    name: \"Sở Tư pháp\"\n    kind: department\n");
    write_content(
        &content,
        &[
            ("site.yaml", SITE),
            ("agencies.yaml", &agencies),
            ("plans/kh-thu/plan.md", PLAN_MD),
            ("plans/kh-thu/tasks.yaml", LATE_TASKS),
        ],
    );
    let out = tmp.path().join("site");
    let report = minhbach::build(&opts(&content, &out));
    assert!(
        !report.diagnostics.has_errors(),
        "{:?}",
        report.diagnostics.sorted()
    );
    (tmp, out)
}

/// The text of the section with id `id` (up to the next `</section>`).
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("{id}"));
    let end = start + html[start..].find("</section>").unwrap();
    &html[start..end]
}

#[test]
fn the_agencies_index_ranks_who_is_late_and_sets_groups_and_idle_agencies_apart() {
    let (_t, out) = build_late();
    let html = fs::read_to_string(out.join("co-quan/index.html")).unwrap();
    let ranked = section(&html, "xep-hang");
    let khcn = ranked
        .find(">Sở Khoa học và Công nghệ</a>")
        .expect("ranked");
    let vp = ranked
        .find(">Văn phòng Ủy ban nhân dân tỉnh</a>")
        .expect("ranked");
    assert!(khcn < vp, "2 overdue led before 1 overdue led");
    // Sở KH&CN: 2 overdue, both led by name; 1 ongoing (cooperating on
    // task 4); 3 tasks. Each count links to exactly those tasks.
    let row = &ranked[khcn..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(
        "class=\"n overdue\"><a class=\"count\" data-count=\"2\" data-agency=\"so-khcn\" data-share=\"lead\" href=\"../co-quan/so-khcn/index.html#qua-han-chu-tri\">2</a></td>"
    ), "{row}");
    assert!(
        row.contains("data-label=\"qua nhóm\" class=\"n\">0</td>"),
        "{row}"
    );
    assert!(
        row.contains("data-count=\"3\" href=\"../co-quan/so-khcn/index.html#nhiem-vu\">3</a>"),
        "{row}"
    );
    // Groups are not ranked with agencies; agencies with no task are listed apart.
    assert!(!ranked.contains("Các cơ quan, đơn vị có liên quan"));
    assert!(section(&html, "nhom").contains(">Các cơ quan, đơn vị có liên quan</a>"));
    let idle = section(&html, "chua-co-nhiem-vu");
    assert!(idle.contains(">Sở Tư pháp</a>"));
    assert!(!ranked.contains("Sở Tư pháp"));
    assert!(html.contains("2 trên 2 cơ quan, đơn vị có nhiệm vụ đã qua thời hạn"));
}

#[test]
fn home_leads_with_the_overdue_headline_and_plain_state_groups_linking_to_their_lists() {
    let (_t, out) = build_late();
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains(
        "<h1 class=\"headline\">3 trên 5 nhiệm vụ đã qua thời hạn mà chưa có báo cáo hoàn thành</h1>"
    ));
    assert!(
        !html.contains("<h1>Thử nghiệm</h1>"),
        "the site title is not repeated as the heading"
    );
    // Groups' counts link to their sections of the status page, with shares.
    assert!(html.contains(
        "<th scope=\"row\">Đã qua thời hạn<span class=\"def\">Đã qua thời hạn ghi trong văn bản mà chưa có báo cáo hoàn thành.</span></th><td><a class=\"count\" data-count=\"3\" href=\"tinh-trang/index.html#qua-han\">3</a></td>"
    ));
    // Who is late, in one tap: each agency's overdue tasks it leads link
    // to their list on its page.
    assert!(html.contains(
        "<a class=\"count\" data-count=\"2\" href=\"co-quan/so-khcn/index.html#qua-han-chu-tri\">2 chủ trì</a>"
    ));
    assert!(html.contains("60\u{a0}%"));
    let status = fs::read_to_string(out.join("tinh-trang/index.html")).unwrap();
    assert!(status.contains("<h2 id=\"qua-han\">Đã qua thời hạn (3)</h2>"));
    // Each agency page opens with its own counts, then what it is late on.
    let agency = fs::read_to_string(out.join("co-quan/so-khcn/index.html")).unwrap();
    let h1 = agency.find("<h1>").unwrap();
    let summary = agency.find("class=\"agency-summary\"").unwrap();
    let late = agency
        .find("<h2 id=\"qua-han\">Đang chậm (2)</h2>")
        .unwrap();
    assert!(
        summary > h1
            && summary < late
            && late < agency.find("id=\"chua-den-han\"").unwrap_or(usize::MAX)
    );
    assert!(agency[summary..].contains("href=\"#qua-han\">Đang chậm <strong>2</strong></a>"));
    assert!(agency[late..].contains("<h3 id=\"qua-han-chu-tri\">Do cơ quan chủ trì (2)</h3>"));
}
