//! The one way the importers write into the content directory
//! (`import-report`'s report, `import-plan`'s `tasks.yaml` and `plan.md`,
//! `--add-agencies`' addition to `agencies.yaml`): never through a
//! symbolic link, also with `--force` (a link planted at the file's place
//! or at a folder on its way could make the program overwrite a file
//! outside the content), never into a pipe, and a replaced file is
//! written beside and renamed, so no reader sees half of it.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use thiserror::Error;

/// How a file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only when nothing is at the path.
    New,
    /// Created, or an existing regular file replaced.
    Replace,
    /// Appended to an existing regular file (created when absent).
    Append,
}

/// Why a file was not written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{path}: {message}", path = path.display())]
pub struct WriteError {
    /// The file (or folder) concerned.
    pub path: PathBuf,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl WriteError {
    fn new(path: &Path, message: impl Into<String>, help: impl Into<String>) -> Self {
        WriteError {
            path: path.to_path_buf(),
            message: message.into(),
            help: help.into(),
        }
    }
}

const LINK_HELP: &str = "remove the link and run the command again; the program writes only real files inside the content directory";

/// Writes `text` to `root/rel` (`rel` relative, without `..`), creating
/// the folders on the way; refuses a symbolic link at the file or at any
/// folder below `root`, and anything but a regular file at the file.
pub fn write(root: &Path, rel: &Path, text: &str, mode: Mode) -> Result<PathBuf, WriteError> {
    write_bytes(root, rel, text.as_bytes(), mode)
}

/// [`write`](fn@write) for bytes (a workbook).
pub fn write_bytes(
    root: &Path,
    rel: &Path,
    text: &[u8],
    mode: Mode,
) -> Result<PathBuf, WriteError> {
    let target = root.join(rel);
    if rel.is_absolute() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(WriteError::new(
            &target,
            "the file would lie outside the content directory",
            "name a file inside the content directory",
        ));
    }
    if let Some(dir) = rel.parent() {
        make_dirs(root, dir)?;
    }
    match fs::symlink_metadata(&target) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(WriteError::new(
                &target,
                "a symbolic link is at this file's place: it is neither followed nor replaced, also with --force",
                LINK_HELP,
            ))
        }
        Ok(m) if !m.is_file() => {
            return Err(WriteError::new(
                &target,
                "something other than a regular file (a folder, a pipe, a device) is at this file's place",
                "move it away, then run the command again",
            ))
        }
        Ok(_) if mode == Mode::New => {
            return Err(WriteError::new(
                &target,
                "the file already exists: it is not overwritten",
                "choose another name, or pass --force to replace it",
            ))
        }
        _ => {}
    }
    let cannot = |e: io::Error| {
        WriteError::new(
            &target,
            format!("cannot write the file: {e}"),
            "check the permissions and free space of the content directory",
        )
    };
    match mode {
        Mode::Append => append(&target, text).map_err(cannot)?,
        Mode::New | Mode::Replace => replace(&target, text).map_err(cannot)?,
    }
    Ok(target)
}

/// Creates `root/dir` folder by folder, refusing a symbolic link or a
/// file on the way.
fn make_dirs(root: &Path, dir: &Path) -> Result<(), WriteError> {
    let mut at = root.to_path_buf();
    for c in dir.components() {
        at.push(c);
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Err(WriteError::new(
                &at,
                "a symbolic link is at this folder's place: the program does not write through it",
                LINK_HELP,
            )),
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(WriteError::new(
                    &at,
                    "a file is where a folder should be",
                    "rename the file, then run the command again",
                ))
            }
            Err(_) => fs::create_dir(&at).map_err(|e| {
                WriteError::new(
                    &at,
                    format!("cannot create the folder: {e}"),
                    "check the --content path and its permissions",
                )
            })?,
        }
    }
    Ok(())
}

/// Writes beside `target` (a new file, never an existing one) and renames
/// it into place.
fn replace(target: &Path, text: &[u8]) -> io::Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.tmp"));
    // A leftover of an interrupted run (or a link planted there) is
    // removed, never written through.
    match fs::remove_file(&tmp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(text)?;
            f.sync_all()
        });
    if let Err(e) = written.and_then(|_| fs::rename(&tmp, target)) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// Appends to `target`, opened without following a link and without
/// waiting on a pipe; it must be a regular file.
fn append(target: &Path, text: &[u8]) -> io::Result<()> {
    let mut opts = OpenOptions::new();
    opts.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut f = opts.open(target)?;
    if !f.metadata()?.is_file() {
        return Err(io::Error::other("it is not a regular file"));
    }
    f.write_all(text)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_are_refused_in_every_mode_and_on_the_way() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("c");
        fs::create_dir_all(&root).unwrap();
        let outside = tmp.path().join("outside.txt");
        fs::write(&outside, "keep").unwrap();
        symlink(&outside, root.join("agencies.yaml")).unwrap();
        for mode in [Mode::New, Mode::Replace, Mode::Append] {
            let e = write(&root, Path::new("agencies.yaml"), "x", mode).unwrap_err();
            assert!(e.message.contains("symbolic link"), "{e}");
        }
        fs::create_dir_all(tmp.path().join("elsewhere")).unwrap();
        symlink(tmp.path().join("elsewhere"), root.join("plans")).unwrap();
        let e = write(&root, Path::new("plans/kh/tasks.yaml"), "x", Mode::Replace).unwrap_err();
        assert!(e.path.ends_with("plans"), "{e}");
        assert!(!tmp.path().join("elsewhere/kh").exists());
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
    }

    #[test]
    fn new_replace_and_append() {
        let tmp = tempfile::tempdir().unwrap();
        let rel = Path::new("plans/kh/plan.md");
        write(tmp.path(), rel, "a", Mode::New).unwrap();
        assert!(write(tmp.path(), rel, "b", Mode::New).is_err());
        write(tmp.path(), rel, "b", Mode::Replace).unwrap();
        write(tmp.path(), rel, "c", Mode::Append).unwrap();
        assert_eq!(fs::read_to_string(tmp.path().join(rel)).unwrap(), "bc");
        let fifo = tmp.path().join("agencies.yaml");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let e = write(tmp.path(), Path::new("agencies.yaml"), "x", Mode::Append).unwrap_err();
        assert!(e.message.contains("regular file"), "{e}");
        assert!(write(tmp.path(), Path::new("../x"), "x", Mode::New).is_err());
    }
}
