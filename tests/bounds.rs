//! Small hostile files are refused at their place, in bounded time and
//! memory: each case is generated here, given to the built program in a
//! child process held to 2 GiB and a deadline, and must end with exit code
//! 1 and a message naming the file, the position and the limit. The
//! figures measured are printed (`cargo test --test bounds -- --nocapture`).

#[path = "support/bounded.rs"]
mod bounded;
mod common;
#[path = "support/office.rs"]
mod office;

use std::path::Path;
use std::time::Duration;

use common::{valid_content, write_content};

const DEADLINE: Duration = Duration::from_secs(60);

fn check(dir: &Path) -> bounded::Outcome {
    let out = bounded::run(dir, &["check", "--content", "c"], DEADLINE);
    eprintln!(
        "check: exit {:?} in {:.2} s, peak {} MiB",
        out.code,
        out.elapsed.as_secs_f64(),
        out.peak_mib
    );
    out
}

fn content_with(dir: &Path, files: &[(&str, &str)]) {
    let c = dir.join("c");
    valid_content(&c);
    write_content(&c, files);
}

#[test]
fn alias_amplification_in_tasks_agencies_and_reports_is_refused() {
    // One anchored 16 KiB string and half a million aliases: a 2 MB file
    // that would expand to 8 GB.
    let bomb = |key: &str| {
        format!(
            "{key}: [&s \"{}\"{}]\n",
            "A".repeat(16 * 1024),
            ", *s".repeat(500_000)
        )
    };
    for (file, text) in [
        (
            "plans/kh-thu/tasks.yaml",
            format!("{}{}", bomb("columns"), common::TASKS),
        ),
        (
            "agencies.yaml",
            common::AGENCIES.replace(
                "    kind: department\n",
                &format!("    kind: department\n    {}", bomb("aliases")),
            ),
        ),
        (
            "reports/2025-09.yaml",
            format!(
                "period: \"2025-09\"\ndate: 2025-09-10\n{}entries: []\n",
                bomb("note")
            ),
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        content_with(tmp.path(), &[(file, &text)]);
        let out = check(tmp.path());
        let err = out.refused_within(20);
        assert!(err.contains(&format!("{file}:")), "{err}");
        assert!(err.contains("aliases expanded"), "{err}");
        assert!(err.contains("not configurable"), "{err}");
    }
}

#[test]
fn deep_nesting_is_refused_quickly_in_flow_and_block_style() {
    for (text, line) in [
        (
            format!(
                "caption: {}{}\ngroups: []\n",
                "[".repeat(300_000),
                "]".repeat(300_000)
            ),
            1,
        ),
        (format!("groups:\n{}x\n", "- ".repeat(300_000)), 2),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        content_with(tmp.path(), &[("plans/kh-thu/tasks.yaml", &text)]);
        let out = check(tmp.path());
        let err = out.refused_within(10);
        assert!(
            err.contains(&format!("plans/kh-thu/tasks.yaml:{line}:")),
            "{err}"
        );
        assert!(err.contains("levels of nesting"), "{err}");
    }
}

#[test]
fn a_huge_field_is_refused_at_its_line_and_column() {
    // 10 MB of task text would be copied into a dozen pages and files.
    let huge = "Nhiệm vụ ".repeat(1_000_000);
    let tasks = common::TASKS.replace("\"Việc thứ hai\"", &format!("\"{huge}\""));
    let tmp = tempfile::tempdir().unwrap();
    content_with(tmp.path(), &[("plans/kh-thu/tasks.yaml", &tasks)]);
    let out = check(tmp.path());
    let err = out.refused_within(20);
    assert!(err.contains("plans/kh-thu/tasks.yaml:13:19:"), "{err}");
    assert!(
        err.contains("9,000,000 characters, more than the limit of 20,000 characters per field"),
        "{err}"
    );
}

#[test]
fn a_file_size_limit_ends_the_build_with_the_file_named_and_no_staging_left() {
    let tmp = tempfile::tempdir().unwrap();
    content_with(tmp.path(), &[]);
    // A first build publishes a site.
    let ok = bounded::run(
        tmp.path(),
        &["build", "--content", "c", "--output", "out"],
        DEADLINE,
    );
    assert_eq!(ok.code, Some(0), "{ok:#?}");
    let before = common::snapshot(&tmp.path().join("out"));
    // A changed site built under `ulimit -f` of 20 KB: some page is larger.
    write_content(
        &tmp.path().join("c"),
        &[(
            "plans/kh-thu/plan.md",
            &common::PLAN_MD.replace("Nội dung.", &"Nội dung dài. ".repeat(3_000)),
        )],
    );
    let out = bounded::run_with(
        tmp.path(),
        &["build", "--content", "c", "--output", "out"],
        DEADLINE,
        Some(20_000),
    );
    let err = out.refused_within(30);
    assert!(err.contains("File too large"), "{err}");
    assert!(err.contains(".out.new/"), "the file is named: {err}");
    assert!(err.contains("ulimit -f"), "{err}");
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!left.iter().any(|n| n.starts_with(".out")), "{left:?}");
    assert_eq!(common::snapshot(&tmp.path().join("out")), before);
}

#[test]
fn the_output_limit_stops_a_site_that_grows_past_it_naming_the_longest_text() {
    let tmp = tempfile::tempdir().unwrap();
    // 30 tasks of 18,700 characters each: every text is copied into the
    // task's page, the plan's page, the agency's page, data files…
    let mut tasks = String::from("groups:\n  - code: \"I\"\n    title: \"NHÓM\"\n    tasks:\n");
    for i in 1..=30 {
        let long = format!("Nhiệm vụ {i} rất dài ").repeat(1_000);
        tasks.push_str(&format!(
            "      - number: \"{i}\"\n        task: \"{long}\"\n        lead: \"Sở KH&CN\"\n        deadline: \"Tháng 9/2025\"\n"
        ));
    }
    content_with(
        tmp.path(),
        &[
            ("site.yaml", &format!("{}max_output_mb: 1\n", common::SITE)),
            ("plans/kh-thu/tasks.yaml", &tasks),
        ],
    );
    let out = bounded::run(
        tmp.path(),
        &["build", "--content", "c", "--output", "out"],
        DEADLINE,
    );
    let err = out.refused_within(30);
    assert!(
        err.contains("more than the limit of 1 MB of output per build"),
        "{err}"
    );
    assert!(err.contains("site.yaml"), "{err}");
    assert!(
        err.contains("the longest text of the content is the `task` of task kh-thu/10"),
        "{err}"
    );
    assert!(err.contains("max_output_mb"), "{err}");
    assert!(!tmp.path().join("out").exists());
    assert!(!tmp.path().join(".out.new").exists());
}

/// Runs `import-plan FILE` (into a content folder of its own) and
/// `import-report FILE` on the bytes given, both held to the bounds.
fn import_both(name: &str, bytes: &[u8]) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    content_with(tmp.path(), &[]);
    std::fs::write(tmp.path().join(name), bytes).unwrap();
    let mut errs = Vec::new();
    for args in [
        vec![
            "import-plan",
            name,
            "--id",
            "kh-moi",
            "--content",
            "c",
            "--force",
        ],
        vec![
            "import-report",
            name,
            "--period",
            "2025-09",
            "--date",
            "2025-09-10",
        ],
    ] {
        let out = bounded::run(tmp.path(), &args, DEADLINE);
        eprintln!(
            "{} {name}: exit {:?} in {:.2} s, peak {} MiB",
            args[0],
            out.code,
            out.elapsed.as_secs_f64(),
            out.peak_mib
        );
        errs.push(out.refused_within(20).to_string());
    }
    assert!(!tmp.path().join("c/plans/kh-moi").exists());
    errs
}

fn cell(r: u32, c: u16, t: &str) -> (u32, u16, String) {
    (r, c, t.to_string())
}

#[test]
fn a_sheet_is_measured_by_the_cells_it_holds_not_its_range() {
    // A1 and XFD1048576: 17 billion positions, never allocated.
    let x = office::xlsx(
        &[
            cell(0, 0, "TT"),
            cell(0, 1, "Nhiệm vụ"),
            cell(1_048_575, 16_383, "x"),
        ],
        &[],
    );
    for e in import_both("sparse.xlsx", &x) {
        assert!(
            e.contains(
                "sparse.xlsx: error: Sheet1!A1: the cells from Sheet1!A1 to Sheet1!XFD1048576"
            ),
            "{e}"
        );
        assert!(e.contains("positions (rows × columns) per table"), "{e}");
    }
}

#[test]
fn a_repeated_ods_row_is_counted_before_it_is_expanded() {
    let ods = office::ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>TT</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Nhiệm vụ</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell office:value-type="string"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Việc</text:p></table:table-cell></table:table-row>"#,
    );
    assert!(ods.len() < 2_000);
    for e in import_both("repeat.ods", &ods) {
        assert!(
            e.contains("S!A2 (its row is repeated 1048570 times)"),
            "{e}"
        );
        assert!(e.contains("non-empty cells per file"), "{e}");
    }
}

#[test]
fn a_zip_bomb_a_bad_checksum_and_a_wide_word_table_are_refused() {
    // 2,000 rows of 40,000 empty cells: 290 MB of XML in a small file.
    let row = format!("<w:tr>{}</w:tr>", "<w:tc><w:p/></w:tc>".repeat(40_000));
    let docx = office::docx(&format!("<w:tbl>{}</w:tbl>", row.repeat(400)));
    let e = &import_both("wide.docx", &docx)[0];
    assert!(e.contains("the part \"word/document.xml\":"), "{e}");
    assert!(
        e.contains("more than the limit of 64 MB uncompressed per part of the file"),
        "{e}"
    );
    // A part whose stored checksum does not match its bytes.
    let mut x = office::xlsx(
        &[
            cell(0, 0, "TT"),
            cell(0, 1, "Nhiệm vụ"),
            cell(1, 0, "1"),
            cell(1, 1, "Việc"),
        ],
        &[],
    );
    let name = b"xl/worksheets/sheet1.xml";
    let mut i = 0;
    while let Some(k) = x[i..].windows(name.len()).position(|w| w == name) {
        let at = i + k;
        if at >= 46 && x[at - 46..at - 42] == *b"PK\x01\x02" {
            x[at - 46 + 16] ^= 0xff;
        }
        i = at + 1;
    }
    for e in import_both("damaged.xlsx", &x) {
        assert!(
            e.contains("the part \"xl/worksheets/sheet1.xml\" of the file is damaged"),
            "{e}"
        );
    }
}

#[test]
fn a_shared_string_in_many_cells_and_overlapping_merges_are_refused_by_cell() {
    let big = "B".repeat(30_000);
    let mut cells = vec![cell(0, 0, "TT"), cell(0, 1, "Nhiệm vụ")];
    cells.extend((1..200).map(|r| cell(r, 1, &big)));
    for e in import_both("long.xlsx", &office::xlsx(&cells, &[])) {
        assert!(
            e.contains("Sheet1!B2: this cell has 30,000 characters"),
            "{e}"
        );
    }
    let cells = vec![
        cell(0, 0, "TT"),
        cell(0, 1, "Nhiệm vụ"),
        cell(1, 0, "1"),
        cell(1, 1, "Việc một"),
        cell(2, 1, "Việc hai"),
        cell(3, 1, "Việc ba"),
    ];
    let e = &import_both("merges.xlsx", &office::xlsx(&cells, &[(1, 1, 3, 1)]))[0];
    assert!(
        e.contains("Sheet1!B3: this cell holds text but lies under the merged range Sheet1!B2:B4"),
        "{e}"
    );
    // Ranges over empty cells (A3:B4 and B4:C5) that share B4.
    let mut cells = cells[..4].to_vec();
    cells.push(cell(4, 3, "x"));
    let e = &import_both(
        "overlap.xlsx",
        &office::xlsx(&cells, &[(2, 0, 3, 1), (3, 1, 4, 2)]),
    )[0];
    assert!(
        e.contains("Sheet1!A3:B4 and Sheet1!B4:C5: these merged ranges overlap"),
        "{e}"
    );
}
