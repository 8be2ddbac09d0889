//! Small hostile files are refused at their place, in bounded time and
//! memory: each case is generated here, given to the built program in a
//! child process held to 2 GiB and a deadline, and must end with exit code
//! 1 and a message naming the file, the position and the limit. The
//! figures measured are printed (`cargo test --test bounds -- --nocapture`).

#[path = "support/bounded.rs"]
mod bounded;
mod common;

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
