//! The output folder: never overlapping inputs, never someone else's files,
//! intact when a build is killed at any moment, and rewritten only where
//! bytes changed.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn minhbach(args: &[&str], paths: &[(&str, &Path)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    c.args(args);
    for (flag, p) in paths {
        c.arg(flag).arg(p);
    }
    c.output().unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Asserts that building `content` into `out` (with `extra` flags) is
/// refused with `why`, and that `content` is untouched.
fn refused(content: &Path, out: &Path, extra: &[&str], why: &str) {
    let before = snapshot(content);
    let mut args = vec!["build"];
    args.extend(extra);
    let o = minhbach(&args, &[("--content", content), ("--output", out)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{} was accepted: {err}", out.display());
    assert!(
        err.contains("refusing to write") && err.contains(why),
        "{err}"
    );
    assert!(err.contains("help: "), "{err}");
    assert!(err.contains("was left unchanged"), "{err}");
    assert_eq!(snapshot(content), before, "the content is untouched");
}

#[test]
fn an_output_overlapping_content_base_or_theme_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("a/real");
    copy_dir(&shipped_content(), &real);
    for inside in ["plans", "reports", "plans/new"] {
        refused(
            &real,
            &real.join(inside),
            &["--force"],
            "inside the content",
        );
    }
    refused(&real, &real, &["--force"], "is the content");
    refused(&real, tmp.path(), &["--force"], "contains the content");
    // A content directory built on another (`base:`): the base is protected too.
    let demo = tmp.path().join("b/demo");
    write_content(
        &demo,
        &[(
            "site.yaml",
            "title: \"Minh họa\"\nas_of: 2025-10-01\nbase: \"../../a/real\"\n",
        )],
    );
    refused(
        &demo,
        &tmp.path().join("a"),
        &["--force"],
        "contains the base content",
    );
    refused(
        &demo,
        &real.join("plans"),
        &["--force"],
        "inside the base content",
    );
    // The theme, both ways.
    let theme = tmp.path().join("t/theme");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &theme,
    );
    let theme_arg = theme.to_string_lossy().into_owned();
    let with_theme = ["--theme", theme_arg.as_str(), "--force"];
    refused(
        &real,
        &tmp.path().join("t"),
        &with_theme,
        "contains the theme",
    );
    refused(&real, &theme.join("site"), &with_theme, "inside the theme");
    assert!(theme.join("templates/base.html").is_file());
    // And a sibling is fine.
    let o = minhbach(
        &["build"],
        &[("--content", &demo), ("--output", &tmp.path().join("site"))],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_folder_minhbach_did_not_build_is_replaced_only_with_force() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("Documents");
    write_content(
        &docs,
        &[("thesis.odt", "years of work"), (".git/config", "[core]")],
    );
    refused(&shipped_content(), &docs, &[], "did not build");
    assert_eq!(
        fs::read_to_string(docs.join("thesis.odt")).unwrap(),
        "years of work"
    );
    let o = minhbach(
        &["build", "--force"],
        &[("--content", &shipped_content()), ("--output", &docs)],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!docs.join("thesis.odt").exists());
    assert_eq!(
        fs::read_to_string(docs.join(".git/config")).unwrap(),
        "[core]"
    );
    assert!(docs.join(minhbach::output::MARKER).is_file());
    // From now on it is a minhbach output: no --force needed.
    let o = minhbach(
        &["build"],
        &[("--content", &shipped_content()), ("--output", &docs)],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// (inode, modification time) of every file under `dir`.
fn identities(dir: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    snapshot(dir)
        .into_keys()
        .map(|k| {
            let m = fs::metadata(dir.join(&k)).unwrap();
            (k, (m.ino(), m.mtime(), m.mtime_nsec()))
        })
        .collect()
}

#[test]
fn a_rebuild_of_unchanged_content_writes_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let args = [("--content", shipped_content()), ("--output", out.clone())];
    let args: Vec<(&str, &Path)> = args.iter().map(|(f, p)| (*f, p.as_path())).collect();
    assert!(minhbach(&["build"], &args).status.success());
    let before = identities(&out);
    std::thread::sleep(Duration::from_millis(50));
    let o = minhbach(&["build"], &args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let kept = before.len() - 1; // all but the marker, which is not counted
    assert!(
        err.contains(&format!("0 added, 0 changed, 0 removed, {kept} kept")),
        "{err}"
    );
    assert_eq!(identities(&out), before, "every inode and mtime is kept");
}

#[test]
fn a_rebuild_after_a_new_report_rewrites_only_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minh-hoa");
    let content = tmp.path().join("c");
    let site = fs::read_to_string(demo.join("site.yaml")).unwrap().replace(
        "base: \"../../content\"",
        &format!("base: \"{}\"", shipped_content().display()),
    );
    write_content(&content, &[("site.yaml", &site)]);
    let report = |name: &str| {
        let text = fs::read_to_string(demo.join("reports").join(name)).unwrap();
        write_content(&content, &[(&format!("reports/{name}"), &text)]);
    };
    report("2025-10.yaml");
    let out = tmp.path().join("site");
    assert!(!minhbach::build(&opts(&content, &out))
        .diagnostics
        .has_errors());
    let before = snapshot(&out);
    let ids = identities(&out);
    report("2025-11.yaml");
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    let stats = r.written.unwrap();
    let after = snapshot(&out);
    let now = identities(&out);
    let same: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) == after.get(*k))
        .collect();
    let differ = after
        .keys()
        .filter(|k| before.get(*k).is_some_and(|b| *b != after[*k]));
    assert_eq!(stats.changed, differ.count());
    assert_eq!(
        stats.added,
        after.keys().filter(|k| !before.contains_key(*k)).count()
    );
    assert_eq!(
        stats.kept + 1,
        same.len(),
        "all identical files but the marker"
    );
    assert!(stats.kept > 0 && stats.changed > 0, "{stats}");
    for k in same {
        assert_eq!(
            now[k], ids[k],
            "{k} is identical and keeps its inode and mtime"
        );
    }
    // The published October snapshot was not rendered again, only linked.
    let snap = "ban-luu/2025-10/index.html";
    assert_eq!(now[snap], ids[snap]);
}

#[test]
fn a_planted_symlink_in_a_published_snapshot_is_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minh-hoa");
    let content = tmp.path().join("c");
    let site = fs::read_to_string(demo.join("site.yaml")).unwrap().replace(
        "base: \"../../content\"",
        &format!("base: \"{}\"", shipped_content().display()),
    );
    let report = fs::read_to_string(demo.join("reports/2025-10.yaml")).unwrap();
    write_content(
        &content,
        &[("site.yaml", &site), ("reports/2025-10.yaml", &report)],
    );
    let out = tmp.path().join("site");
    assert!(!minhbach::build(&opts(&content, &out))
        .diagnostics
        .has_errors());
    let secret = tmp.path().join("environ");
    fs::write(&secret, "DEPLOY_TOKEN=s3cr3t-t0ken").unwrap();
    std::os::unix::fs::symlink(&secret, out.join("ban-luu/2025-10/token.txt")).unwrap();
    std::os::unix::fs::symlink("/etc", out.join("ban-luu/2025-10/etc")).unwrap();
    let r = minhbach::build(&opts(&content, &out));
    assert!(!r.diagnostics.has_errors(), "{:?}", r.diagnostics.sorted());
    let warned: Vec<String> = r
        .diagnostics
        .sorted()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(
        warned
            .iter()
            .any(|w| w.contains("token.txt") && w.contains("not followed")),
        "{warned:?}"
    );
    assert!(fs::symlink_metadata(out.join("ban-luu/2025-10/token.txt")).is_err());
    assert!(fs::symlink_metadata(out.join("ban-luu/2025-10/etc")).is_err());
    let leaked = snapshot(&out)
        .values()
        .any(|b| b.windows(11).any(|w| w == b"s3cr3t-t0ke"));
    assert!(!leaked, "the secret is not published");
}

/// Synthetic content big enough that a debug build takes a few seconds.
fn synthetic(dir: &Path, tasks: usize) {
    let mut ag = String::from("agencies:\n");
    for i in 0..20 {
        writeln!(
            ag,
            "  - id: co-quan-{i}\n    name: \"Sở Thử Nghiệm {i}\"\n    kind: department"
        )
        .unwrap();
    }
    write_content(
        dir,
        &[
            ("site.yaml", "title: \"Thử\"\nas_of: 2025-12-20\n"),
            ("agencies.yaml", &ag),
        ],
    );
    for p in 0..tasks.div_ceil(250) {
        let mut t = String::from("groups:\n  - code: \"I\"\n    title: \"NHÓM I\"\n    goals:\n      - goal: \"Mục tiêu\"\n        tasks:\n");
        for n in 1..=250 {
            writeln!(t, "          - number: \"{n}\"\n            task: \"Nhiệm vụ thử số {n} của kế hoạch {p}\"\n            lead: \"Sở Thử Nghiệm {}\"\n            deadline: \"Tháng {}/2025\"", (p + n) % 20, n % 12 + 1).unwrap();
        }
        let md = format!("---\nnumber: \"{p}/KH-THU\"\ndoc_type: \"Kế hoạch\"\ntitle: \"Kế hoạch thử {p}\"\nissuer: co-quan-0\ndate: 2025-01-01\nperiod: {{ start: 2025-01-01, end: 2025-12-31 }}\n---\nNội dung.\n");
        write_content(
            dir,
            &[
                (&format!("plans/kh-{p}/plan.md"), &md),
                (&format!("plans/kh-{p}/tasks.yaml"), &t),
            ],
        );
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_complete_site_and_the_next_one_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    synthetic(&content, 500);
    let out = tmp.path().join("site");
    let build = |as_of: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_minhbach"));
        c.args(["build", "--as-of", as_of, "--content"])
            .arg(&content)
            .arg("--output")
            .arg(&out);
        c
    };
    let dates = ["2025-10-01", "2025-12-01"];
    // Two complete sites, each with a deploy checkout in it.
    let t0 = Instant::now();
    assert!(build(dates[1]).output().unwrap().status.success());
    let full = t0.elapsed();
    write_content(
        &out,
        &[
            (".git/config", "[remote]"),
            (".git/objects/ab/cd", "blob"),
            (".gitkeep", ""),
        ],
    );
    let site_b = snapshot(&out);
    let target = minhbach::output::Target::paths(&out).unwrap();
    // How long writing takes: from the staging folder's appearance to the end.
    let mut child = build(dates[0]).stderr(Stdio::null()).spawn().unwrap();
    while !target.staging.exists() && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_micros(200));
    }
    let staged = Instant::now();
    assert!(child.wait().unwrap().success());
    let writing = staged.elapsed();
    let site_a = snapshot(&out);
    assert_ne!(site_a, site_b);
    assert_eq!(site_a[".git/config"], b"[remote]");
    let (mut current, mut mid_write) = (0, 0);
    // One kill while rendering, the others at growing fractions (per
    // thousand) of the writing time after the staging folder appears, up
    // to the swap at its very end.
    let moments = [
        None,
        Some(0),
        Some(250),
        Some(500),
        Some(750),
        Some(900),
        Some(970),
        Some(995),
    ];
    for (run, after_staging) in moments.into_iter().enumerate() {
        let mut child = build(dates[1 - current])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        match after_staging {
            None => std::thread::sleep(full / 4),
            Some(ms) => {
                let give_up = Instant::now() + full * 3;
                while !target.staging.exists() && Instant::now() < give_up {
                    if child.try_wait().unwrap().is_some() {
                        break;
                    }
                    std::thread::sleep(Duration::from_micros(200));
                }
                std::thread::sleep(writing * ms / 1000);
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        if target.staging.exists() || target.aside.exists() {
            mid_write += 1;
        }
        // Before recovery the output is one complete site, or absent.
        if out.exists() {
            let now = snapshot(&out);
            assert!(now == site_a || now == site_b, "kill {run}: a mixed site");
        }
        minhbach::output::swap::recover(&target).unwrap_or_else(|e| panic!("kill {run}: {e}"));
        let now = snapshot(&out);
        assert!(now == site_a || now == site_b, "kill {run}: not recovered");
        current = if now == site_a { 0 } else { 1 };
        assert!(!target.staging.exists() && !target.aside.exists());
    }
    assert!(
        mid_write >= 2,
        "{mid_write} kills landed while the site was being written"
    );
}

#[test]
fn the_next_build_puts_back_an_output_left_absent_even_if_the_content_is_broken() {
    use minhbach::output::{swap, OldOutput, Sink, Staging, Target};
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("c");
    copy_dir(&shipped_content(), &content);
    let out = tmp.path().join("site");
    assert!(!minhbach::build(&opts(&content, &out))
        .diagnostics
        .has_errors());
    write_content(&out, &[(".git/HEAD", "ref: refs/heads/main")]);
    let before = snapshot(&out);
    // A build killed in the middle of its swap: the output is absent.
    let t = Target::paths(&out).unwrap();
    let staging = Staging::begin(t.clone(), OldOutput::index(&t.out).unwrap()).unwrap();
    staging.put("index.html", b"half").unwrap();
    std::mem::forget(staging);
    for step in swap::plan(&t).unwrap() {
        if step == swap::Step::MoveIn {
            break;
        }
        swap::run(&t, &step).unwrap();
    }
    assert!(!out.exists());
    write_content(&content, &[("site.yaml", "title: [\n")]);
    let r = minhbach::build(&opts(&content, &out));
    assert!(r.diagnostics.has_errors());
    assert_eq!(r.output, minhbach::output::OutputState::Unchanged);
    assert_eq!(
        snapshot(&out),
        before,
        "the previous site is back, .git included"
    );
}

#[test]
fn a_failure_never_claims_the_output_was_left_unchanged_when_it_was_not() {
    use minhbach::output::{swap, OldOutput, Sink, Staging, Target};
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let content = shipped_content();
    assert!(!minhbach::build(&opts(&content, &out))
        .diagnostics
        .has_errors());
    write_content(&out, &[(".git/HEAD", "ref: refs/heads/main")]);
    // Killed mid-swap, after `.git` moved into the staged site; then
    // someone recreated `.git` beside it: recovery cannot choose for them.
    let t = Target::paths(&out).unwrap();
    let staging = Staging::begin(t.clone(), OldOutput::index(&t.out).unwrap()).unwrap();
    staging.put("index.html", b"half").unwrap();
    std::mem::forget(staging);
    for step in swap::plan(&t).unwrap() {
        if step == swap::Step::MoveIn {
            break;
        }
        swap::run(&t, &step).unwrap();
    }
    write_content(&t.aside, &[(".git/HEAD", "ref: refs/heads/other")]);
    let o = minhbach(&["build"], &[("--content", &content), ("--output", &out)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(!err.contains("left unchanged"), "{err}");
    assert!(
        err.contains("is not in place") && err.contains("also exists"),
        "{err}"
    );
    assert!(err.contains("help: keep the copy you want"), "{err}");
    // Nothing was deleted: both copies of .git are still there.
    assert!(t.staging.join(".git/HEAD").is_file() && t.aside.join(".git/HEAD").is_file());
}
