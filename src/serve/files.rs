//! Which request paths the preview server may answer from the output:
//! no dot entries (`/.git/config`), nothing that leaves the output through
//! `..` or a symlink; and where to look while a rebuild swaps the trees.

use std::path::{Path, PathBuf};

/// The published tree and the two beside it during a rebuild's swap (see
/// [`crate::output::swap`]): for an instant the output path is absent, the
/// old site aside and the new one staged.
#[derive(Debug, Clone)]
pub struct Roots {
    /// The output directory.
    pub out: PathBuf,
    /// Where the old site is moved during the swap.
    pub aside: PathBuf,
    /// Where the new site is staged.
    pub staging: PathBuf,
}

impl Roots {
    /// The trees of `target`.
    pub fn of(target: &crate::output::Target) -> Roots {
        Roots {
            out: target.out.clone(),
            aside: target.aside.clone(),
            staging: target.staging.clone(),
        }
    }

    /// Where to look for a file, in order: the output, then (during a
    /// swap) the old site, the new one, and the output again — twice, as
    /// one rebuild may follow another.
    pub fn candidates(&self) -> [&Path; 7] {
        let (o, a, s) = (
            self.out.as_path(),
            self.aside.as_path(),
            self.staging.as_path(),
        );
        [o, a, s, o, a, s, o]
    }
}

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
