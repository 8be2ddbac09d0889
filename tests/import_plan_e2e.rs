//! The office's path for a new plan, end to end: a Word plan never seen
//! before is imported (`import-plan --add-agencies`), its `plan.md` filled
//! in, `check` passes (listing the agencies to review) and `build` publishes
//! its task, agency, calendar and ICS pages.

use std::path::Path;

use minhbach::import_plan::{import, new_plan, ImportOptions};
use minhbach::BuildOptions;

fn tc(text: &str, props: &str) -> String {
    let ps: String = text
        .split('\n')
        .map(|l| format!(r#"<w:p><w:r><w:t xml:space="preserve">{l}</w:t></w:r></w:p>"#))
        .collect();
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{ps}</w:tc>")
}

/// A small Word plan: a header of 6 columns with a row of column numbers,
/// a group row, a goal merged over two rows, a sub-group `I.1`.
fn write_plan_docx(path: &Path) {
    use std::io::Write;
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let span = |n: usize| format!(r#"<w:gridSpan w:val="{n}"/>"#);
    let rows = [
        row(&[
            "STT",
            "Mục tiêu",
            "Tên nhiệm vụ",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời hạn",
        ]
        .map(|h| tc(h, ""))),
        row(&["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"].map(|h| tc(h, ""))),
        row(&[tc("I", ""), tc("CHUYỂN ĐỔI SỐ (03 nhiệm vụ)", &span(5))]),
        row(&[
            tc("1", ""),
            tc("Số hóa hồ sơ", r#"<w:vMerge w:val="restart"/>"#),
            tc("Số hóa hồ sơ đất đai", ""),
            tc("Sở Nông nghiệp và Môi trường", ""),
            tc("UBND cấp xã", ""),
            tc("Tháng 3/2026", ""),
        ]),
        row(&[
            tc("2", ""),
            tc("", "<w:vMerge/>"),
            tc("Số hóa hồ sơ hộ tịch", ""),
            tc("Sở Tư pháp\nTrung tâm Dữ liệu số tỉnh", ""),
            tc("", ""),
            tc("trước ngày 15/4/2026", ""),
        ]),
        row(&[tc("I. 1", ""), tc("Hạ tầng", &span(5))]),
        row(&[
            tc("3", ""),
            tc("Nâng cấp mạng", &span(2)),
            tc("Trung tâm dữ liệu số tỉnh", ""),
            tc("", ""),
            tc("Quý II/2026", ""),
        ]),
    ];
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>PHỤ LỤC</w:t></w:r></w:p><w:tbl>{}</w:tbl></w:body></w:document>"#,
        rows.concat()
    );
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    z.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.finish().unwrap();
}

fn fill_in(plan_md: &Path) {
    let text = std::fs::read_to_string(plan_md).unwrap();
    let filled = text
        .replace("doc_type:             #", "doc_type: \"Kế hoạch\" #")
        .replace(
            "title:                #",
            "title: \"Chuyển đổi số năm 2026\" #",
        )
        .replace("issuer:               #", "issuer: ubnd-tinh #")
        .replace("  start:              #", "  start: 2026-01-05 #")
        .replace("  end:                #", "  end: 2026-12-31 #");
    assert_ne!(text, filled);
    std::fs::write(plan_md, filled).unwrap();
}

#[test]
fn import_check_build_a_new_plan() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    std::fs::copy(root.join("agencies.yaml"), content.join("agencies.yaml")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "title: \"Thử\"\nas_of: 2026-03-01\n",
    )
    .unwrap();
    let docx = dir.path().join("ke-hoach.docx");
    write_plan_docx(&docx);

    let summary = import(&ImportOptions {
        file: docx,
        id: "cds-2026".into(),
        content: content.clone(),
        sheet: None,
        table: None,
        force: false,
        add_agencies: true,
        prose: false,
    })
    .unwrap();
    assert_eq!((summary.groups, summary.tasks), (2, 3), "{summary}");
    assert_eq!(summary.rows.repeated_header, 1);
    // "Trung tâm Dữ liệu số tỉnh" and its lower-case spelling: one new entry.
    let names: Vec<&str> = summary
        .unknown_agencies
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(
        names,
        ["Trung tâm Dữ liệu số tỉnh", "Trung tâm dữ liệu số tỉnh"],
        "{summary}"
    );
    assert_eq!(summary.added_agencies.len(), 1);
    let new_id = summary.added_agencies[0].id.clone();

    // Before plan.md is filled in, check points at it.
    let before = minhbach::check(&content, None);
    assert!(before.diagnostics.has_errors());
    assert!(before
        .diagnostics
        .sorted()
        .iter()
        .any(|d| d.location.file.ends_with("plan.md")));

    fill_in(&content.join("plans/cds-2026/plan.md"));
    let checked = minhbach::check(&content, None);
    let diags: Vec<String> = checked
        .diagnostics
        .sorted()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(!checked.diagnostics.has_errors(), "{diags:#?}");
    assert!(
        diags
            .iter()
            .any(|d| d.contains("still to review") && d.contains(&new_id)),
        "{diags:#?}"
    );

    let out = dir.path().join("out");
    let built = minhbach::build(&BuildOptions::new(&content, &out));
    assert!(
        !built.diagnostics.has_errors(),
        "{:?}",
        built.diagnostics.sorted()
    );
    let read =
        |p: &str| std::fs::read_to_string(out.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let plan = read("ke-hoach/cds-2026/index.html");
    assert!(plan.contains("Số hóa hồ sơ đất đai"));
    let task = read("ke-hoach/cds-2026/nhiem-vu/2/index.html");
    assert!(task.contains("Số hóa hồ sơ hộ tịch") && task.contains("Số hóa hồ sơ"));
    let agency = read(&format!("co-quan/{new_id}/index.html"));
    assert!(
        agency.contains("Nâng cấp mạng"),
        "the new agency's page lists its task"
    );
    assert!(
        !agency.contains("review"),
        "pages show nothing of the review flag"
    );
    let march = read("lich/2026-03/index.html");
    assert!(march.contains("Số hóa hồ sơ đất đai"));
    let ics = read("ke-hoach/cds-2026/lich.ics");
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20260414") || ics.contains("20260415"),
        "{ics}"
    );
    assert!(ics.contains("cds-2026"));
    let agency_ics = read(&format!("co-quan/{new_id}/lich.ics"));
    assert!(agency_ics.contains("BEGIN:VEVENT"));
}

#[test]
fn new_writes_files_that_check_once_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    std::fs::copy(root.join("agencies.yaml"), content.join("agencies.yaml")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "title: \"Thử\"\nas_of: 2026-03-01\n",
    )
    .unwrap();
    let files = new_plan(content, "kh-tay").unwrap();
    assert_eq!(files.len(), 2);
    let report = minhbach::check(content, None);
    let first = report.diagnostics.sorted()[0].to_string();
    assert!(first.contains("plan.md:"), "{first}");
    fill_in(&content.join("plans/kh-tay/plan.md"));
    let report = minhbach::check(content, None);
    assert!(
        !report.diagnostics.has_errors(),
        "{:?}",
        report.diagnostics.sorted()
    );
    // Never over existing files, and never with an id that cannot be a permalink.
    assert!(new_plan(content, "kh-tay")
        .unwrap_err()
        .message
        .contains("already exists"));
    let bad = new_plan(content, "Kế hoạch 1").unwrap_err();
    assert!(bad.help.contains("ke-hoach-1"), "{bad}");
}

#[test]
fn the_commands_print_a_summary_and_refuse_to_overwrite() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    std::fs::copy(root.join("agencies.yaml"), content.join("agencies.yaml")).unwrap();
    let csv = dir.path().join("bang.csv");
    std::fs::write(
        &csv,
        "STT,Nội dung,Đơn vị chủ trì,Thời gian thực hiện\n1,Rà soát,Sở Nội vụ,Quý I/2026\n2,Báo cáo,Sở Mới Lập,Đợt cuối\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_minhbach"))
            .args(args)
            .output()
            .unwrap()
    };
    let c = content.to_str().unwrap();
    let out = run(&[
        "import-plan",
        csv.to_str().unwrap(),
        "--id",
        "kh-csv",
        "--content",
        c,
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("column \"Thời gian thực hiện\" -> deadline"),
        "{err}"
    );
    assert!(err.contains("\"Sở Mới Lập\" (1 cell(s))"), "{err}");
    assert!(err.contains("1 time cell(s) not read cleanly"), "{err}");
    assert!(err.contains("line 3, column 4: \"Đợt cuối\": "), "{err}");
    assert!(err.contains("next: fill in"), "{err}");
    let again = run(&[
        "import-plan",
        csv.to_str().unwrap(),
        "--id",
        "kh-csv",
        "--content",
        c,
    ]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success());
    assert!(
        err.contains("error: the plan already has a tasks.yaml")
            && err.contains("help: pass --force"),
        "{err}"
    );
    let new = run(&["new", "kh-tay", "--content", c]);
    assert!(new.status.success());
    assert!(content.join("plans/kh-tay/tasks.yaml").is_file());
}

#[cfg(unix)]
#[test]
fn planted_links_are_never_written_through_also_with_force() {
    use std::os::unix::fs::symlink;
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("plans/kh-csv")).unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "keep me\n").unwrap();
    let csv = dir.path().join("bang.csv");
    std::fs::write(
        &csv,
        "STT,Nội dung,Đơn vị chủ trì,Thời gian thực hiện\n1,Rà soát,Sở Mới Lập,Quý I/2026\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "import-plan",
            csv.to_str().unwrap(),
            "--id",
            "kh-csv",
            "--content",
            content.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        Command::new(env!("CARGO_BIN_EXE_minhbach"))
            .args(&args)
            .output()
            .unwrap()
    };
    // A link at tasks.yaml, then at plan.md (dangling: a link to a file
    // that exists is a plan.md kept as it is), then at agencies.yaml.
    let nowhere = dir.path().join("new-outside.txt");
    let registry = dir.path().join("outside-agencies.yaml");
    let registry_text = "agencies:\n  - id: so-a\n    name: \"Sở A\"\n    kind: department\n";
    std::fs::write(&registry, registry_text).unwrap();
    for (file, to, extra) in [
        ("plans/kh-csv/tasks.yaml", &outside, &["--force"][..]),
        ("plans/kh-csv/plan.md", &nowhere, &["--force"][..]),
        (
            "agencies.yaml",
            &registry,
            &["--force", "--add-agencies"][..],
        ),
    ] {
        let _ = std::fs::remove_file(content.join("plans/kh-csv/tasks.yaml"));
        symlink(to, content.join(file)).unwrap();
        let out = run(extra);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{file}: {err}");
        assert!(err.contains("symbolic link"), "{file}: {err}");
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me\n");
        assert!(!nowhere.exists());
        assert_eq!(std::fs::read_to_string(&registry).unwrap(), registry_text);
        std::fs::remove_file(content.join(file)).unwrap();
    }
}
