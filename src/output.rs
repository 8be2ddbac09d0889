//! Stage 5 of the pipeline: write the site so that a failure never damages
//! the published output.
//!
//! Files go to a fresh sibling directory (`.<name>.new`); only when every file
//! is written is the old output moved aside and the new one renamed into
//! place. Top-level dot entries of the old output (`.git`, `.gitkeep`,
//! `.well-known`) are carried over, so a deploy checkout survives rebuilds.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::render::OutFile;

/// Errors of the output stage.
#[derive(Debug, Error)]
pub enum OutputError {
    /// The output directory is unsafe to replace.
    #[error("refusing to write to {path}: {reason}")]
    Unsafe {
        /// The output path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A file system operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// On which path.
        path: PathBuf,
        /// The error.
        #[source]
        source: io::Error,
    },
}

fn io_err<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> OutputError + 'a {
    move |source| OutputError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Where rendered files go, one at a time, from any render thread.
///
/// The render stage streams into a sink instead of collecting the whole site
/// in memory; the output stage provides the sink that writes into the
/// staging directory, and [`MemorySink`] collects files for tests.
pub trait Sink: Sync {
    /// Stores the file at `rel` (relative, `/`-separated) with `bytes`.
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError>;
}

/// A sink that keeps every file in memory (tests, and callers that need
/// the bytes rather than a directory).
#[derive(Default)]
pub struct MemorySink {
    files: std::sync::Mutex<Vec<OutFile>>,
}

impl MemorySink {
    /// The files put so far, sorted by path so the order never depends on
    /// which thread finished first.
    pub fn into_files(self) -> Vec<OutFile> {
        let mut files = self
            .files
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for MemorySink {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        files.push(OutFile {
            path: rel.to_string(),
            bytes: bytes.to_vec(),
        });
        Ok(())
    }
}

/// Writes `files` as the new content of `output`, atomically replacing it.
/// `content` is the content directory, which the output may not contain.
pub fn write_site(output: &Path, content: &Path, files: &[OutFile]) -> Result<(), OutputError> {
    check_safe(output, content)?;
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| OutputError::Unsafe {
            path: output.to_path_buf(),
            reason: "it has no directory name".into(),
        })?;
    let staging = parent.join(format!(".{name}.new"));
    let old = parent.join(format!(".{name}.old"));
    for leftover in [&staging, &old] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(io_err("cannot remove leftover", leftover))?;
        }
    }
    fs::create_dir_all(&staging).map_err(io_err("cannot create", &staging))?;
    if let Err(e) = write_all(&staging, files) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if output.exists() {
        carry_dot_entries(output, &staging)?;
        fs::rename(output, &old).map_err(io_err("cannot move aside", output))?;
        if let Err(e) = fs::rename(&staging, output) {
            // Put the previous site back.
            let _ = fs::rename(&old, output);
            return Err(OutputError::Io {
                action: "cannot move new site into",
                path: output.to_path_buf(),
                source: e,
            });
        }
        fs::remove_dir_all(&old).map_err(io_err("cannot remove", &old))?;
    } else {
        fs::rename(&staging, output).map_err(io_err("cannot move new site into", output))?;
    }
    Ok(())
}

/// Months whose snapshot (`ban-luu/YYYY-MM/`) the output already holds.
pub fn published_snapshots(output: &Path) -> Vec<String> {
    let Ok(rd) = fs::read_dir(output.join("ban-luu")) else {
        return Vec::new();
    };
    let mut months: Vec<String> = rd
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    months.sort();
    months
}

/// Keeps archived snapshots exactly as first published: the snapshot
/// directories of `months` are copied from the previous output byte for
/// byte, so later changes to templates or wording never alter an archive.
pub fn keep_published_snapshots(
    output: &Path,
    months: &[String],
    files: &mut Vec<OutFile>,
) -> Result<(), OutputError> {
    for m in months {
        let prefix = format!("ban-luu/{m}/");
        let dir = output.join("ban-luu").join(m);
        let mut old = Vec::new();
        collect(&dir, &prefix, &mut old)
            .map_err(io_err("cannot read the published snapshot", &dir))?;
        files.retain(|f| !f.path.starts_with(&prefix));
        files.extend(old);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(())
}

fn collect(dir: &Path, prefix: &str, out: &mut Vec<OutFile>) -> io::Result<()> {
    for e in fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        let p = e.path();
        if p.is_dir() {
            collect(&p, &format!("{prefix}{name}/"), out)?;
        } else {
            out.push(OutFile {
                path: format!("{prefix}{name}"),
                bytes: fs::read(&p)?,
            });
        }
    }
    Ok(())
}

fn write_all(dir: &Path, files: &[OutFile]) -> Result<(), OutputError> {
    use rayon::prelude::*;
    for f in files {
        // Paths come from validated ids; reject anything else outright.
        if f.path.split('/').any(|c| c == ".." || c.is_empty()) || f.path.starts_with('/') {
            return Err(OutputError::Unsafe {
                path: PathBuf::from(&f.path),
                reason: "the path leaves the output directory".into(),
            });
        }
    }
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| dir.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        fs::create_dir_all(d).map_err(io_err("cannot create", d))?;
    }
    files.par_iter().try_for_each(|f| {
        let p = dir.join(&f.path);
        fs::write(&p, &f.bytes).map_err(io_err("cannot write", &p))
    })
}

fn carry_dot_entries(old: &Path, new: &Path) -> Result<(), OutputError> {
    let entries = fs::read_dir(old).map_err(io_err("cannot read", old))?;
    for e in entries.flatten() {
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') {
            let target = new.join(&name);
            if !target.exists() {
                fs::rename(e.path(), &target).map_err(io_err("cannot keep", &e.path()))?;
            }
        }
    }
    Ok(())
}

fn check_safe(output: &Path, content: &Path) -> Result<(), OutputError> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        p.canonicalize().unwrap_or(p)
    };
    let out = abs(output);
    let unsafe_because = |reason: &str| {
        Err(OutputError::Unsafe {
            path: output.to_path_buf(),
            reason: reason.into(),
        })
    };
    if out.parent().is_none() {
        return unsafe_because("it is a file system root");
    }
    let content = abs(content);
    if content.starts_with(&out) {
        return unsafe_because("it contains the content directory");
    }
    if std::env::current_dir().is_ok_and(|cwd| cwd.starts_with(&out)) {
        return unsafe_because("it contains the current directory");
    }
    if out.is_file() {
        return unsafe_because("it is a file, not a directory");
    }
    Ok(())
}
