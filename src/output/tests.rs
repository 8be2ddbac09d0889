use super::*;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;

use proptest::prelude::*;

type Tree = BTreeMap<String, Vec<u8>>;

fn files(tree: &Tree) -> Vec<OutFile> {
    tree.iter()
        .map(|(p, b)| OutFile {
            path: p.clone(),
            bytes: b.clone(),
        })
        .collect()
}

/// Every regular file under `dir` (all of it, dot entries included).
fn read_tree(dir: &Path) -> Tree {
    fn walk(root: &Path, dir: &Path, out: &mut Tree) {
        for e in fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    let mut t = Tree::new();
    walk(dir, dir, &mut t);
    t
}

/// (inode, mtime in ns) of a file.
fn identity(p: &Path) -> (u64, i128) {
    let m = fs::symlink_metadata(p).unwrap();
    (
        m.ino(),
        m.mtime() as i128 * 1_000_000_000 + m.mtime_nsec() as i128,
    )
}

fn tree(entries: &[(&str, &str)]) -> Tree {
    entries
        .iter()
        .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
        .collect()
}

#[test]
fn an_unchanged_rebuild_writes_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("site"));
    fs::create_dir_all(&content).unwrap();
    let site = tree(&[
        ("index.html", "home"),
        ("a/b/index.html", "page"),
        ("x.css", ""),
    ]);
    let first = write_site(&out, &content, &files(&site)).unwrap();
    assert_eq!((first.added, first.changed, first.kept), (3, 0, 0));
    let before: Vec<_> = site.keys().map(|k| identity(&out.join(k))).collect();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = write_site(&out, &content, &files(&site)).unwrap();
    assert_eq!(
        again,
        WriteStats {
            kept: 3,
            ..WriteStats::default()
        }
    );
    let after: Vec<_> = site.keys().map(|k| identity(&out.join(k))).collect();
    assert_eq!(before, after, "inode and mtime of every file are kept");
    assert!(out.join(MARKER).is_file());
}

#[test]
fn an_output_whose_parents_do_not_exist_yet_is_created() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("a/b/site"));
    fs::create_dir_all(&content).unwrap();
    write_site(&out, &content, &files(&tree(&[("index.html", "x")]))).unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "x");
}

#[test]
fn a_changed_site_counts_every_kind_of_change_and_carries_dot_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("site"));
    fs::create_dir_all(&content).unwrap();
    let old = tree(&[
        ("keep.html", "same"),
        ("edit.html", "v1"),
        ("gone/x.html", "x"),
    ]);
    write_site(&out, &content, &files(&old)).unwrap();
    fs::create_dir_all(out.join(".git/objects")).unwrap();
    fs::write(out.join(".git/config"), "[core]").unwrap();
    let kept_id = identity(&out.join("keep.html"));
    let new = tree(&[
        ("keep.html", "same"),
        ("edit.html", "v2"),
        ("new/y.html", "y"),
    ]);
    let stats = write_site(&out, &content, &files(&new)).unwrap();
    assert_eq!(
        (stats.added, stats.changed, stats.removed, stats.kept),
        (1, 1, 1, 1)
    );
    assert_eq!(identity(&out.join("keep.html")), kept_id);
    let mut expected = new.clone();
    expected.insert(".git/config".into(), b"[core]".to_vec());
    expected.insert(MARKER.into(), guard::MARKER_TEXT.as_bytes().to_vec());
    assert_eq!(read_tree(&out), expected);
    assert!(out.join(".git/objects").is_dir());
    assert!(!tmp.path().join(".site.new").exists() && !tmp.path().join(".site.old").exists());
}

#[test]
fn unsafe_paths_and_duplicates_are_refused_and_the_output_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("site"));
    fs::create_dir_all(&content).unwrap();
    write_site(&out, &content, &files(&tree(&[("a.html", "a")]))).unwrap();
    let before = read_tree(&out);
    for bad in [
        "../x",
        "a//b",
        "/etc/x",
        ".git/config",
        MARKER,
        "a/./b",
        "a\\b",
    ] {
        let e = write_site(&out, &content, &files(&tree(&[(bad, "x")]))).unwrap_err();
        assert!(e.to_string().contains("refusing"), "{bad}: {e}");
        assert_eq!(e.state(), OutputState::Unchanged);
    }
    let twice = vec![
        OutFile {
            path: "a.html".into(),
            bytes: b"1".to_vec(),
        },
        OutFile {
            path: "a.html".into(),
            bytes: b"2".to_vec(),
        },
    ];
    let e = write_site(&out, &content, &twice).unwrap_err();
    assert!(e.to_string().contains("two files"), "{e}");
    assert_eq!(read_tree(&out), before);
    assert!(!tmp.path().join(".site.new").exists());
}

#[test]
fn kept_snapshots_are_linked_and_symlinks_in_them_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("site"));
    fs::create_dir_all(&content).unwrap();
    let secret = tmp.path().join("environ");
    fs::write(&secret, "DEPLOY_TOKEN=hunter2").unwrap();
    let site = tree(&[("index.html", "i"), ("ban-luu/2025-10/index.html", "snap")]);
    write_site(&out, &content, &files(&site)).unwrap();
    std::os::unix::fs::symlink(&secret, out.join("ban-luu/2025-10/token.txt")).unwrap();
    std::os::unix::fs::symlink(tmp.path(), out.join("ban-luu/2025-10/up")).unwrap();
    let snap_id = identity(&out.join("ban-luu/2025-10/index.html"));
    let target = Target::check(&out, &[], false).unwrap();
    let old = OldOutput::index(&target.out).unwrap();
    assert_eq!(old.snapshot_months("ban-luu"), vec!["2025-10".to_string()]);
    assert_eq!(
        old.odd_under("ban-luu/2025-10/"),
        vec!["ban-luu/2025-10/token.txt", "ban-luu/2025-10/up"]
    );
    let staging = Staging::begin(target, old).unwrap();
    staging.keep_tree("ban-luu/2025-10/").unwrap();
    staging.put("index.html", b"i2").unwrap();
    let stats = staging.commit().unwrap();
    assert_eq!((stats.kept, stats.changed), (1, 1));
    assert_eq!(identity(&out.join("ban-luu/2025-10/index.html")), snap_id);
    assert!(fs::symlink_metadata(out.join("ban-luu/2025-10/token.txt")).is_err());
    assert!(fs::symlink_metadata(out.join("ban-luu/2025-10/up")).is_err());
    assert!(!read_tree(&out)
        .values()
        .any(|b| b.windows(7).any(|w| w == b"hunter2")));
    assert_eq!(fs::read_to_string(&secret).unwrap(), "DEPLOY_TOKEN=hunter2");
}

fn arb_tree() -> impl Strategy<Value = Tree> {
    let path = prop::sample::select(vec![
        "index.html",
        "a/index.html",
        "a/b/index.html",
        "a/b/c.csv",
        "d/index.html",
        "d/e.json",
        "f.ics",
    ]);
    let bytes = prop::sample::select(vec![&b""[..], b"x", b"y", b"xy", b"<p>"]);
    prop::collection::btree_map(
        path.prop_map(String::from),
        bytes.prop_map(<[u8]>::to_vec),
        0..7,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the previous and the new site, the output ends up exactly
    /// the new site (plus the marker and the carried dot entries), every
    /// file with unchanged bytes keeps its inode, and the counts add up.
    #[test]
    fn a_write_yields_exactly_the_new_site(old in arb_tree(), new in arb_tree()) {
        let tmp = tempfile::tempdir().unwrap();
        let (content, out) = (tmp.path().join("content"), tmp.path().join("site"));
        fs::create_dir_all(&content).unwrap();
        write_site(&out, &content, &files(&old)).unwrap();
        fs::write(out.join(".gitkeep"), "").unwrap();
        let ids: BTreeMap<String, (u64, i128)> =
            old.keys().map(|k| (k.clone(), identity(&out.join(k)))).collect();
        let stats = write_site(&out, &content, &files(&new)).unwrap();
        let mut expected = new.clone();
        expected.insert(".gitkeep".into(), Vec::new());
        expected.insert(MARKER.into(), guard::MARKER_TEXT.as_bytes().to_vec());
        prop_assert_eq!(read_tree(&out), expected);
        let same = new.iter().filter(|(k, v)| old.get(*k) == Some(*v)).count();
        let changed = new.iter().filter(|(k, v)| old.get(*k).is_some_and(|o| o != *v)).count();
        let added = new.keys().filter(|k| !old.contains_key(*k)).count();
        let removed = old.keys().filter(|k| !new.contains_key(*k)).count();
        prop_assert_eq!((stats.kept, stats.changed, stats.added, stats.removed), (same, changed, added, removed));
        for (k, v) in &new {
            if old.get(k) == Some(v) {
                prop_assert_eq!(identity(&out.join(k)), ids[k]);
            }
        }
    }

    /// A site handed in pieces, cut anywhere, is written as the same site
    /// handed whole: the same files, the same counts, and every file with
    /// unchanged bytes keeps its inode (compared with the published copy
    /// piece by piece, never read whole).
    #[test]
    fn a_site_in_pieces_is_written_as_the_site_whole(
        old in arb_tree(),
        new in arb_tree(),
        cuts in prop::collection::vec(0usize..3, 0..8),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let (content, out) = (tmp.path().join("content"), tmp.path().join("site"));
        fs::create_dir_all(&content).unwrap();
        write_site(&out, &content, &files(&old)).unwrap();
        let ids: BTreeMap<String, (u64, i128)> =
            old.keys().map(|k| (k.clone(), identity(&out.join(k)))).collect();
        let target = Target::check(&out, &[Protected::new("content", &content)], false).unwrap();
        let staging = Staging::begin(target, OldOutput::index(&out).unwrap()).unwrap();
        for (path, bytes) in &new {
            // The bytes cut at the given lengths, the rest in one piece.
            let pieces = |f: &mut dyn FnMut(&[u8])| {
                let mut rest = &bytes[..];
                for &n in &cuts {
                    let (a, b) = rest.split_at(n.min(rest.len()));
                    f(a);
                    rest = b;
                }
                f(rest);
            };
            prop_assert_eq!(staging.put_pieces(path, &pieces).unwrap(), bytes.len());
        }
        let stats = staging.commit().unwrap();
        let mut expected = new.clone();
        expected.insert(MARKER.into(), guard::MARKER_TEXT.as_bytes().to_vec());
        prop_assert_eq!(read_tree(&out), expected);
        let same = new.iter().filter(|(k, v)| old.get(*k) == Some(*v)).count();
        let changed = new.iter().filter(|(k, v)| old.get(*k).is_some_and(|o| o != *v)).count();
        let added = new.keys().filter(|k| !old.contains_key(*k)).count();
        prop_assert_eq!((stats.kept, stats.changed, stats.added), (same, changed, added));
        for (k, v) in &new {
            if old.get(k) == Some(v) {
                prop_assert_eq!(identity(&out.join(k)), ids[k]);
            }
        }
    }

    /// Relative paths from the renderer never leave the staging folder.
    #[test]
    fn check_rel_accepts_only_paths_inside(rel in "[a-z./\\\\]{0,12}") {
        let ok = stage::check_rel(&rel).is_ok();
        let inside = !rel.is_empty()
            && !rel.starts_with('.')
            && !rel.contains('\\')
            && rel.split('/').all(|c| !c.is_empty() && c != "." && c != "..");
        prop_assert_eq!(ok, inside);
    }
}
