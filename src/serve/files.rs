//! Which request paths the preview server may answer from the output:
//! no dot entries (`/.git/config`), nothing that leaves the output through
//! `..` or a symlink.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

/// The file under `root` that `url_path` names, if it may be served:
/// every segment percent-decoded, none starting with a dot, and the
/// resolved path (symlinks followed) still inside `root`. A folder resolves
/// to its `index.html`.
pub fn allowed(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(url_path).decode_utf8().ok()?;
    let mut p = root.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg.starts_with('.') || seg.contains(['\\', '\0']) {
            return None;
        }
        p.push(seg);
    }
    let root = root.canonicalize().ok()?;
    let mut real = p.canonicalize().ok()?;
    if real.is_dir() {
        real = real.join("index.html").canonicalize().ok()?;
    }
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn dot_entries_traversal_and_symlinks_out_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        fs::create_dir_all(root.join("a")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::write(root.join("a/index.html"), "a").unwrap();
        fs::write(root.join(".git/config"), "secret").unwrap();
        fs::write(tmp.path().join("outside.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("outside.txt"), root.join("out.txt")).unwrap();
        std::os::unix::fs::symlink(tmp.path(), root.join("up")).unwrap();
        std::os::unix::fs::symlink(root.join("a/index.html"), root.join("in.html")).unwrap();
        assert!(allowed(&root, "/a/").is_some());
        assert!(allowed(&root, "/a").is_some());
        assert!(
            allowed(&root, "/in.html").is_some(),
            "a link inside is fine"
        );
        for bad in [
            "/.git/config",
            "/%2egit/config",
            "/../outside.txt",
            "/%2e%2e/outside.txt",
            "/out.txt",
            "/up/outside.txt",
            "/a/%00",
            "/nope.html",
            "/%ff",
        ] {
            assert_eq!(allowed(&root, bad), None, "{bad}");
        }
    }
}
