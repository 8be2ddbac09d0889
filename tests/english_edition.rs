//! The English edition a foreign reader can use: on `/en/` pages a
//! Vietnamese agency name carries its official English name as a gloss
//! (the name `lang="vi"`, the gloss in English), and Vietnamese pages
//! never show it; a snapshot (`/ban-luu/…`, built in Vietnamese only) has a
//! language switch leading to the live page's English twin, saying so.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const AGENCIES_EN: &str = r#"agencies:
  - id: so-khcn
    name: "Sở Khoa học và Công nghệ"
    name_en: "Department of Science and Technology"
    kind: department
    aliases: ["Sở KH&CN"]
  - id: vp-ubnd-tinh
    name: "Văn phòng Ủy ban nhân dân tỉnh"
    kind: office
    aliases: ["Văn phòng UBND tỉnh", "VP UBND tỉnh"]
  - id: cac-co-quan-lien-quan
    name: "Các cơ quan, đơn vị có liên quan"
    kind: group
"#;

const REPORT: &str = r#"period: "2025-09"
date: 2025-09-15
issuer: "so-khcn"
number: "01/BC-TEST"
title: "Báo cáo tháng 9/2025"
entries:
  - task: "kh-thu/2"
    status: "ongoing"
"#;

fn site(dir: &Path) {
    valid_content(dir);
    write_content(
        dir,
        &[
            ("site.yaml", &format!("{SITE}ui_languages: [en]\n")),
            ("agencies.yaml", AGENCIES_EN),
            ("reports/2025-09.yaml", REPORT),
        ],
    );
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn english_pages_gloss_vietnamese_names_with_their_english_names() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    site(&content);
    let out = tmp.path().join("out");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let gloss = "<span class=\"note gloss\">(Department of Science and Technology)</span>";
    // The agency page's heading: the name in Vietnamese, the gloss English.
    let agency = read(&out, "en/agencies/so-khcn/index.html");
    assert!(
        agency.contains(&format!(
            "<h1><span lang=\"vi\">Sở Khoa học và Công nghệ</span> {gloss}</h1>"
        )),
        "{agency}"
    );
    // The agencies index.
    let index = read(&out, "en/agencies/index.html");
    assert!(
        index.contains(&format!("lang=\"vi\">Sở Khoa học và Công nghệ</a> {gloss}")),
        "{index}"
    );
    // A task page's lead: the cell verbatim in Vietnamese, then the gloss.
    let task = read(&out, "en/plans/kh-thu/tasks/1/index.html");
    assert!(
        task.contains(&format!("lang=\"vi\">Sở KH&amp;CN</a> {gloss}")),
        "{task}"
    );
    // An agency without an English name has no gloss; Vietnamese pages none.
    assert!(!read(&out, "en/agencies/vp-ubnd-tinh/index.html").contains("gloss"));
    for vi in [
        "co-quan/so-khcn/index.html",
        "co-quan/index.html",
        "ke-hoach/kh-thu/nhiem-vu/1/index.html",
    ] {
        let html = read(&out, vi);
        assert!(!html.contains("Department of Science"), "{vi}");
    }
}

#[test]
fn a_snapshot_switches_to_the_live_english_twin_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    site(&content);
    let out = tmp.path().join("out");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let snap_dir = out.join("ban-luu/2025-09");
    assert!(snap_dir.is_dir(), "a snapshot of the reported month");
    let mut checked = 0;
    let mut stack = vec![snap_dir];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.file_name().is_none_or(|n| n != "index.html") {
                continue;
            }
            let html = fs::read_to_string(&p).unwrap();
            // No `hreflang` twins of its own: it is not the live page.
            assert!(
                !html.contains("<link rel=\"alternate\" hreflang"),
                "{}",
                p.display()
            );
            let Some(at) = html.find("hreflang=\"en\" lang=\"en\">English</a>") else {
                continue;
            };
            let open = html[..at].rfind("<a href=\"").unwrap() + "<a href=\"".len();
            let href = &html[open..html[open..].find('"').unwrap() + open];
            let target = p.parent().unwrap().join(href);
            assert!(target.is_file(), "{} → {href}", p.display());
            let target = target.canonicalize().unwrap();
            assert!(
                target.starts_with(out.join("en").canonicalize().unwrap()),
                "{} → {}",
                p.display(),
                target.display()
            );
            assert!(
                html[at..].contains("bản hiện hành, vì bản lưu này không có bằng ngôn ngữ đó"),
                "{}",
                p.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 1, "no snapshot page has a switch");
}
