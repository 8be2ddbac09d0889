//! Stage 5 of the pipeline: write the site so that a failure never damages
//! the published output, and a rebuild touches only the files that changed.
//!
//! [`guard`] decides whether a folder may be replaced at all; [`stage`]
//! writes the new site into a sibling `.<name>.new`, hard-linking every file
//! whose bytes did not change; [`swap`] puts it in place, carrying the old
//! output's top-level dot entries (`.git`, `.well-known`), and recovers from
//! a build killed at any point.

pub mod guard;
pub mod stage;
pub mod swap;

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// A file of the built site.
pub struct OutFile {
    /// Path relative to the output directory, with `/` separators.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

pub use guard::{Protected, Target, MARKER};
pub use stage::{OldOutput, Staging};

/// What the output folder holds after a write that failed (or succeeded).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OutputState {
    /// The previous output is in place, unchanged.
    #[default]
    Unchanged,
    /// The new site is in place.
    Replaced,
    /// Neither site is at the output path; the previous one is beside it
    /// and the next build puts it back.
    Interrupted,
}

/// Errors of the output stage; each knows what state it left the output in.
#[derive(Debug, Error)]
pub enum OutputError {
    /// The output directory is unsafe to replace (or a path unsafe to write).
    #[error("refusing to write to {path}: {reason}")]
    Unsafe {
        /// The output path.
        path: PathBuf,
        /// Why.
        reason: String,
        /// How to fix it.
        help: &'static str,
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
        /// What the output holds now.
        state: OutputState,
    },
    /// The new site is in place, but the previous one could not be removed.
    #[error("the new site is in place at {out}, but the previous site could not be removed from {leftover}: {source}")]
    Cleanup {
        /// The output path.
        out: PathBuf,
        /// The folder left over.
        leftover: PathBuf,
        /// The error.
        #[source]
        source: io::Error,
    },
    /// Putting the new site in place failed, and so did undoing it.
    #[error("cannot put the new site in place at {out}: {source}; then {rollback}")]
    Rollback {
        /// The output path.
        out: PathBuf,
        /// Why the swap failed.
        #[source]
        source: io::Error,
        /// Why undoing it failed.
        rollback: Box<OutputError>,
    },
    /// The site grew past the output limit while being written (see
    /// [`crate::limits::OUTPUT_BYTES`]); the staging folder is removed.
    #[error(
        "the site grew to {} while {path} was written, more than the limit of {} of output per build; the build was stopped",
        crate::limits::amount(*written, crate::limits::Unit::Bytes),
        crate::limits::amount(*limit, crate::limits::Unit::Bytes),
        path = path.display()
    )]
    Limit {
        /// The file being written when the limit was passed.
        path: PathBuf,
        /// Bytes of the site so far.
        written: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The previous site is beside the output path, not at it.
    #[error("the previous site is in {aside}, not at {out}, because: {cause}")]
    Stuck {
        /// The output path.
        out: PathBuf,
        /// Where the previous site is.
        aside: PathBuf,
        /// Why it could not be put back.
        cause: Box<OutputError>,
    },
}

impl OutputError {
    /// What the output folder holds after this error.
    pub fn state(&self) -> OutputState {
        match self {
            OutputError::Unsafe { .. } | OutputError::Limit { .. } => OutputState::Unchanged,
            OutputError::Io { state, .. } => *state,
            OutputError::Cleanup { .. } => OutputState::Replaced,
            OutputError::Rollback { rollback, .. } => rollback.state(),
            OutputError::Stuck { .. } => OutputState::Interrupted,
        }
    }

    /// How to fix it, in plain words.
    pub fn help(&self) -> &'static str {
        match self {
            OutputError::Unsafe { help, .. } => help,
            OutputError::Io { source, .. } => match source.raw_os_error() {
                Some(libc::EFBIG) => "a limit on the size of files (ulimit -f) stopped the write: raise it (ulimit -f unlimited), then build again; the previous site is untouched",
                Some(libc::ENOSPC) | Some(libc::EDQUOT) => "the disk (or your quota) is full: free some space, then build again; the previous site is untouched",
                _ => "check the --output path, free space and permissions",
            },
            OutputError::Limit { .. } => crate::limits::OUTPUT_BYTES.fix,
            OutputError::Cleanup { .. } => {
                "remove the leftover folder by hand, or build again: the next build removes it"
            }
            OutputError::Rollback { rollback: cause, .. } | OutputError::Stuck { cause, .. } => {
                match **cause {
                    OutputError::Unsafe { help, .. } => help,
                    _ => "fix the cause, then build again: the next build puts the previous site back first",
                }
            }
        }
    }
}

/// What a write did, file by file, compared with the previous output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files the previous output did not have.
    pub added: usize,
    /// Files whose bytes changed.
    pub changed: usize,
    /// Files of the previous output the new site no longer has.
    pub removed: usize,
    /// Files kept as they were (same inode and modification time).
    pub kept: usize,
    /// Of the kept files, those copied because the file system cannot
    /// hard-link (their modification time is kept, their inode is new).
    pub copied: usize,
}

impl std::fmt::Display for WriteStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} added, {} changed, {} removed, {} kept",
            self.added, self.changed, self.removed, self.kept
        )?;
        if self.copied > 0 {
            write!(f, " ({} of them copied: no hard links here)", self.copied)?;
        }
        Ok(())
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

    /// Stores the file at `rel` made of the pieces that `pieces` hands, in
    /// order, to the function it is given; returns its size. For files too
    /// large to hold whole (a national site's data files are hundreds of
    /// megabytes): `pieces` may be called more than once and must hand the
    /// same pieces each time. By default the pieces are joined and put.
    fn put_pieces(&self, rel: &str, pieces: &Pieces) -> Result<usize, OutputError> {
        let mut bytes = Vec::new();
        pieces(&mut |p: &[u8]| bytes.extend_from_slice(p));
        self.put(rel, &bytes)?;
        Ok(bytes.len())
    }
}

/// A file's content as pieces: called with a function that takes each
/// piece in order (see [`Sink::put_pieces`]).
pub type Pieces<'a> = dyn Fn(&mut dyn FnMut(&[u8])) + Sync + 'a;

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

/// Writes `files` as the new content of `output`, atomically replacing it
/// and keeping unchanged files as they were. `content` is the content
/// directory, which the output may not overlap. (A thin wrapper over
/// [`Target::check`], [`Staging`] and [`Staging::commit`].)
pub fn write_site(
    output: &Path,
    content: &Path,
    files: &[OutFile],
) -> Result<WriteStats, OutputError> {
    use rayon::prelude::*;
    let target = Target::check(
        output,
        &[Protected::new("the content directory", content)],
        false,
    )?;
    let old = OldOutput::index(&target.out)?;
    let staging = Staging::begin(target, old)?;
    files
        .par_iter()
        .try_for_each(|f| staging.put(&f.path, &f.bytes))?;
    staging.commit()
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
