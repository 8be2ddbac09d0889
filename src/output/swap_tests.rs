use super::*;

use std::collections::BTreeMap;

use crate::output::{OldOutput, Sink, Staging};

type Tree = BTreeMap<String, Vec<u8>>;

fn read_tree(dir: &Path) -> Tree {
    fn walk(root: &Path, dir: &Path, out: &mut Tree) {
        for e in fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                walk(root, &e.path(), out);
            } else {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, fs::read(e.path()).unwrap());
            }
        }
    }
    let mut t = Tree::new();
    walk(dir, dir, &mut t);
    t
}

/// An output with a deploy checkout in it, as a published site has.
fn published(out: &Path) {
    for (p, b) in [
        ("index.html", "old home"),
        ("ke-hoach/index.html", "old plans"),
        (".git/config", "[remote \"origin\"]"),
        (".git/objects/ab/cdef", "blob"),
        (".gitkeep", ""),
        (".well-known/security.txt", "Contact: x"),
        (MARKER, MARKER_TEXT),
    ] {
        let f = out.join(p);
        fs::create_dir_all(f.parent().unwrap()).unwrap();
        fs::write(f, b).unwrap();
    }
}

/// Stages a new site, then runs only the first `k` steps of the swap, as a
/// process killed right after step `k` would have.
fn kill_after(k: usize, out: &Path) -> (Target, Vec<Step>) {
    let t = Target::paths(out).unwrap();
    let old = OldOutput::index(&t.out).unwrap();
    let staging = Staging::begin(t.clone(), old).unwrap();
    staging.put("index.html", b"new home").unwrap();
    staging.put("co-quan/index.html", b"agencies").unwrap();
    // The process dies: no commit and no drop.
    std::mem::forget(staging);
    let steps = plan(&t).unwrap();
    for s in steps.iter().take(k) {
        run(&t, s).unwrap();
    }
    (t, steps)
}

#[test]
fn a_swap_killed_after_any_step_loses_nothing_and_recovers() {
    let probe = tempfile::tempdir().unwrap();
    published(&probe.path().join("site"));
    let (_, steps) = kill_after(0, &probe.path().join("site"));
    let move_in = steps.iter().position(|s| *s == Step::MoveIn).unwrap();
    assert!(steps.len() >= 6, "{steps:?}");
    for k in 0..=steps.len() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        published(&out);
        let before = read_tree(&out);
        let (t, _) = kill_after(k, &out);
        if k == move_in + 1 {
            // Killed while removing the old site: part of it is gone.
            fs::remove_file(t.aside.join("index.html")).unwrap();
        }
        // At every point the output is the old site, the new one, or absent.
        let now = fs::symlink_metadata(&t.out).ok().map(|_| read_tree(&t.out));
        if k <= move_in {
            assert!(
                now.is_none() || now == Some(before.clone()),
                "after {k} steps"
            );
        }
        let recovery = recover(&t).unwrap();
        let after = read_tree(&t.out);
        for dot in [
            ".git/config",
            ".git/objects/ab/cdef",
            ".gitkeep",
            ".well-known/security.txt",
        ] {
            assert_eq!(after.get(dot), before.get(dot), "{dot} after {k} steps");
        }
        if k <= move_in {
            assert_eq!(after, before, "after {k} steps the previous site is back");
            let expected = if k == 0 {
                Recovery::Discarded
            } else {
                Recovery::RolledBack
            };
            assert_eq!(recovery, expected, "after {k} steps");
        } else {
            assert_eq!(after["index.html"], b"new home");
            assert!(!after.contains_key("ke-hoach/index.html"));
        }
        assert!(!t.staging.exists() && !t.aside.exists(), "after {k} steps");
        assert_eq!(recover(&t).unwrap(), Recovery::Clean);
    }
}

#[test]
fn recovery_never_removes_a_folder_minhbach_did_not_make() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    published(&out);
    let t = Target::paths(&out).unwrap();
    fs::create_dir_all(&t.staging).unwrap();
    fs::write(t.staging.join("notes.txt"), "mine").unwrap();
    let e = recover(&t).unwrap_err();
    assert!(e.to_string().contains("did not make it"), "{e}");
    assert_eq!(
        fs::read_to_string(t.staging.join("notes.txt")).unwrap(),
        "mine"
    );
}
