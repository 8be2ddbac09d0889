//! `import-plan` on plans written as prose: the seeds' directive letter as
//! a Word file (its footnotes real footnotes) imports to the shipped
//! tasks, leads and deadlines, differences listed and justified; three
//! layouts of the project's own (bullets under body headings, paragraphs
//! opening with the body, numbered items naming the body inside) as text,
//! Markdown and Word; and random outlines whose tasks, numbers and leads
//! read back exactly, with no deadline invented.

mod fixtures;

use std::io::Write;
use std::path::Path;

use minhbach::import_plan::import;
use minhbach::load::raw::{TaskEntry, TasksFile};
use proptest::prelude::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A Word document of paragraphs, `[^n]` markers written as footnote
/// references to the footnotes given.
fn write_word(path: &Path, paragraphs: &[String], footnotes: &[(u32, String)]) {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str("<w:p>");
        let mut rest = p.as_str();
        while let Some(at) = rest.find("[^") {
            let close = rest[at..].find(']').map_or(rest.len(), |c| at + c);
            body.push_str(&format!(
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                esc(&rest[..at])
            ));
            body.push_str(&format!(
                "<w:r><w:footnoteReference w:id=\"{}\"/></w:r>",
                &rest[at + 2..close]
            ));
            rest = &rest[close + 1..];
        }
        body.push_str(&format!(
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            esc(rest)
        ));
    }
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
    );
    let notes: String = footnotes
        .iter()
        .map(|(n, t)| {
            format!(
                r#"<w:footnote w:id="{n}"><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:footnote>"#,
                esc(t)
            )
        })
        .collect();
    let notes = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W}"><w:footnote w:id="-1"><w:p/></w:footnote>{notes}</w:footnotes>"#
    );
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let o = zip::write::SimpleFileOptions::default();
    z.start_file("word/document.xml", o).unwrap();
    z.write_all(doc.as_bytes()).unwrap();
    z.start_file("word/footnotes.xml", o).unwrap();
    z.write_all(notes.as_bytes()).unwrap();
    z.finish().unwrap();
}

fn all_tasks(tf: &TasksFile) -> Vec<&TaskEntry> {
    fn walk<'a>(g: &'a minhbach::load::raw::GroupEntry, out: &mut Vec<&'a TaskEntry>) {
        out.extend(g.goals.iter().flat_map(|x| x.tasks.iter()));
        out.extend(g.tasks.iter());
        for s in &g.groups {
            walk(s, out);
        }
    }
    let mut out = Vec::new();
    for g in &tf.groups {
        walk(g, &mut out);
    }
    out
}

#[test]
fn the_directive_letter_as_a_word_file_imports_to_the_shipped_tasks() {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content/plans/cv-trien-khai-02-tb-bcd-2025");
    let plan_md = std::fs::read_to_string(root.join("plan.md")).unwrap();
    let body = plan_md.splitn(3, "---").nth(2).unwrap();
    // The letter's own layout: its header, then its body's paragraphs
    // (Markdown's `## ` heading marks and escapes are not in the letter).
    let mut paragraphs: Vec<String> = [
        "ỦY BAN NHÂN DÂN",
        "TỈNH TUYÊN QUANG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        "Số: /UBND-KH&CĐS",
        "Tuyên Quang, ngày tháng năm 2025",
        "V/v triển khai thực hiện Thông báo số 02-TB/BCĐ ngày 27/10/2025 của Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut footnotes = Vec::new();
    for p in body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with("<!--"))
    {
        if let Some(note) = p.strip_prefix("[^") {
            for line in note.split("\n[^").chain([]) {
                let (n, t) = line.split_once("]: ").unwrap();
                footnotes.push((n.parse::<u32>().unwrap(), t.to_string()));
            }
            continue;
        }
        paragraphs.push(p.trim_start_matches("## ").to_string());
    }
    paragraphs.extend(
        [
            "Nơi nhận:",
            "- Như trên (thực hiện);",
            "- Lưu VT, KH&CĐS(Hiếu).",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
        ]
        .map(String::from),
    );
    let content = fixtures::content_dir();
    let docx = content.path().join("cv.docx");
    write_word(&docx, &paragraphs, &footnotes);
    let summary = import(&fixtures::opts(&docx, content.path(), "cv-02")).unwrap();
    let got = fixtures::imported(content.path(), "cv-02");
    let shipped = fixtures::shipped("cv-trien-khai-02-tb-bcd-2025");
    let (g, s) = (all_tasks(&got), all_tasks(&shipped));
    assert_eq!(g.len(), s.len(), "{summary}");
    // Differences, each justified:
    // - numbers keep the dot the letter prints after them (`1.1.`), which
    //   the transcription dropped;
    // - 2.1 `khẩn trương` ("urgently") is now a class of the grammar
    //   (urgent, no date), read after the transcription was made;
    // - 3.1 names `các đơn vị chức năng của Bộ Công an` after `phối hợp
    //   với`: cooperating bodies the transcription left in the text.
    for (a, b) in g.iter().zip(&s) {
        let number = a
            .number
            .as_deref()
            .unwrap_or_default()
            .trim_end_matches('.');
        assert_eq!(number, b.number.as_deref().unwrap_or_default());
        assert_eq!(a.task, b.task, "task {number}");
        assert_eq!(a.lead, b.lead, "lead of {number}");
        let deadline = match number {
            "2.1" => {
                assert_eq!(a.deadline.as_deref(), Some("khẩn trương"));
                None
            }
            _ => a.deadline.clone(),
        };
        assert_eq!(deadline, b.deadline, "deadline of {number}");
        let cooperate = match number {
            "3.1" => {
                assert_eq!(
                    a.cooperate.as_deref(),
                    Some("các đơn vị chức năng của Bộ Công an")
                );
                None
            }
            _ => a.cooperate.clone(),
        };
        assert_eq!(cooperate, b.cooperate, "cooperators of {number}");
        assert_eq!(a.note, b.note, "note of {number}");
    }
    // The front matter is read from the letter and marked for review.
    let plan = std::fs::read_to_string(content.path().join("plans/cv-02/plan.md")).unwrap();
    for want in [
        "number: \"/UBND-KH&CĐS\"",
        "issuer_name: \"ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\"",
        "date_text: \"Tuyên Quang, ngày tháng năm 2025\"",
        "doc_type: \"Công văn\"",
        "issuer: ubnd-tinh",
        "- what: front_matter",
        "- \"Căn cứ Kế hoạch số 02-KH/BCĐ",
    ] {
        assert!(plan.contains(want), "{want} in\n{plan}");
    }
    assert!(summary.to_string().contains("read as prose"), "{summary}");
}

/// Imports `text` written as `ext` and returns the tasks as (number, lead,
/// deadline).
fn tasks_of(text: &str, ext: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let content = fixtures::content_dir();
    let path = content.path().join(format!("plan.{ext}"));
    if ext == "docx" {
        let paras: Vec<String> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(String::from)
            .collect();
        write_word(&path, &paras, &[]);
    } else {
        std::fs::write(&path, text).unwrap();
    }
    import(&fixtures::opts(&path, content.path(), "kh")).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let tf = fixtures::imported(content.path(), "kh");
    all_tasks(&tf)
        .iter()
        .map(|t| {
            (
                t.number.clone().unwrap_or_default(),
                t.lead.clone(),
                t.deadline.clone(),
            )
        })
        .collect()
}

const HEADINGS: &str = "KẾ HOẠCH\n\nThực hiện Nghị quyết số 12/NQ-CP ngày 10/02/2025\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nBảo đảm triển khai thống nhất.\n\nII. NHIỆM VỤ CỤ THỂ\n\n1. Sở Nội vụ:\n\n- Rà soát tổ chức bộ máy, hoàn thành trước ngày 30/6/2025.\n\n- Tổng hợp kết quả thực hiện (nếu có).\n\n2. Sở Tư pháp:\n\n- Thẩm định các văn bản quy phạm pháp luật.\n\nIII. KINH PHÍ THỰC HIỆN\n\nKinh phí do ngân sách tỉnh bảo đảm.\n";

const OPENINGS: &str = "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát thủ tục hành chính; hoàn thành trong năm 2025.\n\n2. Giao Sở Tài chính bố trí kinh phí thực hiện hằng năm.\n\n3. Sở Khoa học và Công nghệ hướng dẫn các cơ quan triển khai.\n";

const INSIDE: &str = "III. NHIỆM VỤ\n\n1. Đẩy mạnh tuyên truyền về chuyển đổi số, giao Sở Khoa học và Công nghệ chủ trì thực hiện, hoàn thành trong quý III/2025.\n\n2. Rà soát văn bản quy phạm pháp luật; Sở Tư pháp chủ trì, báo cáo kết quả trước ngày 15/9/2025.\n\n3. Tập huấn kỹ năng số cho cán bộ.\n";

#[test]
fn three_layouts_read_alike_from_text_markdown_and_word() {
    let s = |x: &str| Some(x.to_string());
    for ext in ["txt", "md", "docx"] {
        assert_eq!(
            tasks_of(HEADINGS, ext),
            [
                ("II.1-1".into(), s("Sở Nội vụ"), s("trước ngày 30/6/2025")),
                ("II.1-2".into(), s("Sở Nội vụ"), s("(nếu có)")),
                ("II.2-1".into(), s("Sở Tư pháp"), None),
            ],
            "{ext}"
        );
        assert_eq!(
            tasks_of(OPENINGS, ext),
            [
                ("1.".into(), s("Sở Nội vụ"), s("trong năm 2025")),
                ("2.".into(), s("Sở Tài chính"), s("hằng năm")),
                ("3.".into(), s("Sở Khoa học và Công nghệ"), None),
            ],
            "{ext}"
        );
        assert_eq!(
            tasks_of(INSIDE, ext),
            [
                (
                    "1.".into(),
                    s("Sở Khoa học và Công nghệ"),
                    s("trong quý III/2025")
                ),
                ("2.".into(), s("Sở Tư pháp"), s("trước ngày 15/9/2025")),
                ("3.".into(), None, None),
            ],
            "{ext}"
        );
    }
}

#[test]
fn a_text_with_no_task_is_refused_pointing_to_new() {
    let content = fixtures::content_dir();
    let path = content.path().join("note.txt");
    std::fs::write(&path, "THÔNG BÁO\n\nCuộc họp được hoãn đến tuần sau.\n").unwrap();
    let e = import(&fixtures::opts(&path, content.path(), "tb")).unwrap_err();
    assert!(e.help.contains("minhbach new"), "{e}");
    assert!(!content.path().join("plans/tb/tasks.yaml").exists());
}

/// Bodies a random outline assigns work to.
const BODIES: [&str; 5] = [
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Công an tỉnh",
    "Văn phòng UBND tỉnh",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A random outline (sections `I.`…, items `1.`…, some items body
    /// headings over `a)` sub-items, some opening with their body, some
    /// naming it inside, some with none) imports one task per leaf item,
    /// numbered as printed, led by the body the words name, with no
    /// deadline (none is written).
    #[test]
    fn random_outlines_read_back(
        sections in proptest::collection::vec(
            proptest::collection::vec((0usize..4, 0usize..5, 1usize..4), 1..5),
            1..4,
        )
    ) {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        let mut text = String::from("KẾ HOẠCH\n\n");
        let mut want = Vec::new();
        for (si, items) in sections.iter().enumerate() {
            text.push_str(&format!("{}. NHIỆM VỤ PHẦN {}\n\n", ROMAN[si], si + 1));
            for (ii, (layout, body, subs)) in items.iter().enumerate() {
                let b = BODIES[*body];
                let n = ii + 1;
                match layout {
                    0 => {
                        text.push_str(&format!("{n}. {b}:\n\n"));
                        for k in 0..*subs {
                            let letter = ['a', 'b', 'c'][k];
                            text.push_str(&format!("{letter}) Rà soát việc số {k} của phần này.\n\n"));
                            want.push((format!("{letter})"), Some(b.to_string()), None));
                        }
                    }
                    1 => {
                        text.push_str(&format!("{n}. {b} chủ trì rà soát việc số {n}.\n\n"));
                        want.push((format!("{n}."), Some(b.to_string()), None));
                    }
                    2 => {
                        text.push_str(&format!("{n}. Rà soát việc số {n}, giao {b} chủ trì thực hiện.\n\n"));
                        want.push((format!("{n}."), Some(b.to_string()), None));
                    }
                    _ => {
                        text.push_str(&format!("{n}. Rà soát việc số {n} của phần này.\n\n"));
                        want.push((format!("{n}."), None, None));
                    }
                }
            }
        }
        let got = tasks_of(&text, "txt");
        prop_assert_eq!(got, want, "{}", text);
    }
}
