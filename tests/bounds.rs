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
