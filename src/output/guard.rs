//! Which folder a build may replace: never one that overlaps its inputs,
//! never a folder of someone's files that minhbach did not build.
//!
//! Paths are compared canonically (symlinks and `..` resolved), in both
//! directions: the output may not be inside an input, nor contain one.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::OutputError;

/// The file minhbach writes into every output it builds. A folder holding
/// it may be replaced by the next build; any other non-empty folder is
/// refused unless `--force` is given.
pub const MARKER: &str = ".minhbach-output";

/// The marker file's text: says what the folder is, for whoever opens it.
pub const MARKER_TEXT: &str = "This folder is built by minhbach and is replaced by every build.\n\
Files added here by hand are lost on the next build, except top-level dot entries (.git).\n";

/// An input directory the output must stay clear of, with what it is.
#[derive(Debug, Clone)]
pub struct Protected {
    /// What the directory is, in words ("the content directory").
    pub role: &'static str,
    /// The directory.
    pub path: PathBuf,
}

impl Protected {
    /// An input directory named by its role.
    pub fn new(role: &'static str, path: impl Into<PathBuf>) -> Self {
        Protected {
            role,
            path: path.into(),
        }
    }
}

/// An output directory approved for replacement, with the sibling paths
/// the atomic swap uses (`.<name>.new` for staging, `.<name>.old` aside).
#[derive(Debug, Clone)]
pub struct Target {
    /// The output directory, canonical.
    pub out: PathBuf,
    /// Where the new site is staged.
    pub staging: PathBuf,
    /// Where the previous site is moved during the swap.
    pub aside: PathBuf,
}

impl Target {
    /// The paths of `output` without any safety check (recovery and tests).
    pub fn paths(output: &Path) -> Result<Target, OutputError> {
        let out = canonical(output).map_err(|e| OutputError::Io {
            action: "cannot resolve the output path",
            path: output.to_path_buf(),
            source: e,
            state: super::OutputState::Unchanged,
        })?;
        let refuse = |reason: &str| OutputError::Unsafe {
            path: output.to_path_buf(),
            reason: reason.to_string(),
            help: "choose a new or empty folder for --output",
        };
        let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
            return Err(refuse("it is the root of the file system"));
        };
        let name = name.to_string_lossy();
        Ok(Target {
            staging: parent.join(format!(".{name}.new")),
            aside: parent.join(format!(".{name}.old")),
            out,
        })
    }

    /// Approves `output` for replacement: it must not overlap any of
    /// `protected` (or the current directory), must not be a file, and must
    /// be empty (dot entries aside), carry the [`MARKER`], or `force` be set.
    pub fn check(
        output: &Path,
        protected: &[Protected],
        force: bool,
    ) -> Result<Target, OutputError> {
        let target = Target::paths(output)?;
        let refuse = |reason: String, help: &'static str| {
            Err(OutputError::Unsafe {
                path: output.to_path_buf(),
                reason,
                help,
            })
        };
        const MOVE: &str = "choose an --output folder outside the content and theme directories";
        let mut inputs: Vec<(&str, PathBuf)> = Vec::new();
        for p in protected {
            if let Ok(c) = canonical(&p.path) {
                inputs.push((p.role, c));
            }
        }
        if let Ok(cwd) = std::env::current_dir().and_then(|d| d.canonicalize()) {
            inputs.push(("the current directory", cwd));
        }
        for (role, input) in &inputs {
            for mine in [&target.out, &target.staging, &target.aside] {
                if mine == input {
                    return refuse(format!("it is {role} ({})", input.display()), MOVE);
                }
                if input.starts_with(mine) {
                    return refuse(format!("it contains {role} ({})", input.display()), MOVE);
                }
                if mine.starts_with(input) && *role != "the current directory" {
                    return refuse(format!("it is inside {role} ({})", input.display()), MOVE);
                }
            }
        }
        let meta = match fs::metadata(&target.out) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(target),
            Err(e) => {
                return Err(OutputError::Io {
                    action: "cannot read",
                    path: target.out.clone(),
                    source: e,
                    state: super::OutputState::Unchanged,
                })
            }
        };
        if !meta.is_dir() {
            return refuse(
                "it is a file, not a folder".into(),
                "choose a new or empty folder for --output",
            );
        }
        if force || target.out.join(MARKER).is_file() {
            return Ok(target);
        }
        let foreign = undotted_entries(&target.out).map_err(|e| OutputError::Io {
            action: "cannot read",
            path: target.out.clone(),
            source: e,
            state: super::OutputState::Unchanged,
        })?;
        if foreign.is_empty() {
            return Ok(target);
        }
        let mut shown = foreign
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if foreign.len() > 3 {
            shown.push_str(&format!(" and {} more", foreign.len() - 3));
        }
        refuse(
            format!("it is a folder minhbach did not build (it has no {MARKER} file) and it holds {shown}"),
            "choose a new or empty folder, or pass --force to replace its contents (top-level dot entries such as .git are kept)",
        )
    }
}

/// Names of the entries of `dir` that do not start with a dot, sorted.
fn undotted_entries(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for e in fs::read_dir(dir)? {
        let name = e?.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The canonical form of `p`, which need not exist: its longest existing
/// ancestor is canonicalised (resolving symlinks) and the rest appended with
/// `.` and `..` resolved by name (they cannot be symlinks: they do not exist).
pub fn canonical(p: &Path) -> io::Result<PathBuf> {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    let mut existing = abs.as_path();
    let mut rest: Vec<Component> = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(mut c) => {
                for comp in rest.into_iter().rev() {
                    match comp {
                        Component::ParentDir => {
                            c.pop();
                        }
                        Component::Normal(s) => c.push(s),
                        _ => {}
                    }
                }
                return Ok(c);
            }
            Err(e) => {
                let (Some(parent), Some(last)) =
                    (existing.parent(), existing.components().next_back())
                else {
                    return Err(e);
                };
                rest.push(last);
                existing = parent;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(out: &Path, protected: &[Protected], force: bool) -> String {
        match Target::check(out, protected, force) {
            Err(e) => e.to_string(),
            Ok(t) => panic!("{} was accepted", t.out.display()),
        }
    }

    #[test]
    fn overlap_is_refused_both_ways_through_symlinks_and_dots() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        fs::create_dir_all(content.join("plans")).unwrap();
        let p = [Protected::new("the content directory", &content)];
        assert!(refused(&content.join("plans"), &p, true).contains("inside the content"));
        assert!(refused(&content.join("new/deeper"), &p, true).contains("inside the content"));
        assert!(refused(&content, &p, true).contains("is the content"));
        assert!(refused(tmp.path(), &p, true).contains("contains the content"));
        let dotted = tmp.path().join("x/../content/reports");
        assert!(refused(&dotted, &p, true).contains("inside the content"));
        std::os::unix::fs::symlink(&content, tmp.path().join("link")).unwrap();
        assert!(refused(&tmp.path().join("link/out"), &p, true).contains("inside"));
        // A sibling is fine.
        let ok = Target::check(&tmp.path().join("site"), &p, false).unwrap();
        assert_eq!(
            ok.staging,
            tmp.path().canonicalize().unwrap().join(".site.new")
        );
    }

    #[test]
    fn foreign_folders_need_force_and_marked_or_dot_only_ones_do_not() {
        let tmp = tempfile::tempdir().unwrap();
        let docs = tmp.path().join("Documents");
        fs::create_dir_all(docs.join(".git")).unwrap();
        assert!(Target::check(&docs, &[], false).is_ok(), "dot entries only");
        fs::write(docs.join("thesis.odt"), "x").unwrap();
        let msg = refused(&docs, &[], false);
        assert!(msg.contains("thesis.odt") && msg.contains(MARKER), "{msg}");
        assert!(Target::check(&docs, &[], true).is_ok());
        fs::write(docs.join(MARKER), MARKER_TEXT).unwrap();
        assert!(Target::check(&docs, &[], false).is_ok());
        let file = tmp.path().join("f");
        fs::write(&file, "x").unwrap();
        assert!(refused(&file, &[], true).contains("is a file"));
        assert!(refused(Path::new("/"), &[], true).contains("root"));
    }
}
