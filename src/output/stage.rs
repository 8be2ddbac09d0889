//! The staging directory as a [`Sink`]: files are written into
//! `.<name>.new` from any number of render threads, and a file whose bytes
//! equal the previous output's is hard-linked instead of written, so it
//! keeps its inode and modification time and sync tools skip it.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use super::guard::{Target, MARKER, MARKER_TEXT};
use super::{swap, OutputError, OutputState, Pieces, Sink, WriteStats};

/// The regular files of a previous output (top-level dot entries aside),
/// found without following any symlink.
#[derive(Debug, Default)]
pub struct OldOutput {
    /// Relative path (`/`-separated) to size and whether the new site has it.
    files: HashMap<String, (u64, AtomicBool)>,
    /// Entries that are neither files nor folders (symlinks, FIFOs): never
    /// followed, never carried.
    odd: Vec<String>,
}

impl OldOutput {
    /// Indexes the output at `out` (nothing when it does not exist).
    pub fn index(out: &Path) -> Result<OldOutput, OutputError> {
        let mut old = OldOutput::default();
        if fs::symlink_metadata(out).is_ok_and(|m| m.is_dir()) {
            old.walk(out, "").map_err(|e| OutputError::Io {
                action: "cannot read the previous output",
                path: out.to_path_buf(),
                source: e,
                state: OutputState::Unchanged,
            })?;
        }
        Ok(old)
    }

    fn walk(&mut self, dir: &Path, prefix: &str) -> io::Result<()> {
        for e in fs::read_dir(dir)? {
            let e = e?;
            let name = e.file_name().to_string_lossy().into_owned();
            if prefix.is_empty() && name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let kind = e.file_type()?;
            if kind.is_dir() {
                self.walk(&e.path(), &format!("{rel}/"))?;
            } else if kind.is_file() {
                let len = e.metadata()?.len();
                self.files.insert(rel, (len, AtomicBool::new(false)));
            } else {
                self.odd.push(rel);
            }
        }
        Ok(())
    }

    /// Months whose snapshot folder (`<archive>/<month>/`, `ban-luu` in
    /// Vietnamese) holds files.
    pub fn snapshot_months(&self, archive: &str) -> Vec<String> {
        let prefix = format!("{archive}/");
        let mut months: Vec<String> = self
            .files
            .keys()
            .filter_map(|k| k.strip_prefix(prefix.as_str())?.split_once('/'))
            .map(|(m, _)| m.to_string())
            .collect();
        months.sort();
        months.dedup();
        months
    }

    /// Entries under `prefix` that are symlinks or other non-files.
    pub fn odd_under(&self, prefix: &str) -> Vec<String> {
        self.odd
            .iter()
            .filter(|p| p.starts_with(prefix))
            .cloned()
            .collect()
    }
}

/// A new site being written beside the output; [`Staging::commit`] swaps
/// it in. Dropping it without committing removes the staging folder.
pub struct Staging {
    target: Target,
    old: OldOutput,
    added: AtomicUsize,
    changed: AtomicUsize,
    kept: AtomicUsize,
    /// Paths whose old copy could not be linked and was copied instead.
    copied: AtomicUsize,
    dirs: Mutex<std::collections::HashSet<String>>,
    /// Bytes of the site so far (written or kept), and the most allowed.
    written: AtomicU64,
    limit: u64,
    committed: bool,
}

impl Staging {
    /// Starts staging into `target.staging`, comparing with `old`. Leftovers
    /// of an interrupted build are recovered first.
    pub fn begin(target: Target, old: OldOutput) -> Result<Staging, OutputError> {
        swap::recover(&target)?;
        let io = |action| {
            let path = target.staging.clone();
            move |source| OutputError::Io {
                action,
                path,
                source,
                state: OutputState::Unchanged,
            }
        };
        if let Some(parent) = target.staging.parent() {
            fs::create_dir_all(parent).map_err(io("cannot create the folder of"))?;
        }
        fs::create_dir(&target.staging).map_err(io("cannot create"))?;
        // The marker too keeps its inode when it has not changed.
        let (marker, old_marker) = (target.staging.join(MARKER), target.out.join(MARKER));
        let same = fs::symlink_metadata(&old_marker).is_ok_and(|m| m.is_file())
            && fs::read(&old_marker).is_ok_and(|b| b == MARKER_TEXT.as_bytes());
        if !(same && fs::hard_link(&old_marker, &marker).is_ok()) {
            fs::write(&marker, MARKER_TEXT).map_err(io("cannot write into"))?;
        }
        Ok(Staging {
            target,
            old,
            added: AtomicUsize::new(0),
            changed: AtomicUsize::new(0),
            kept: AtomicUsize::new(0),
            copied: AtomicUsize::new(0),
            dirs: Mutex::new(Default::default()),
            written: AtomicU64::new(0),
            limit: crate::limits::OUTPUT_BYTES.max,
            committed: false,
        })
    }

    /// Sets the most bytes the site may hold (written and kept files
    /// together); a file that would pass it stops the build.
    pub fn limit_output(&mut self, bytes: u64) {
        self.limit = bytes;
    }

    /// Counts `len` more bytes of the site, for the file `rel`.
    fn count(&self, rel: &str, len: u64) -> Result<(), OutputError> {
        let written = self.written.fetch_add(len, Ordering::Relaxed) + len;
        if written > self.limit {
            return Err(OutputError::Limit {
                path: rel.into(),
                written,
                limit: self.limit,
            });
        }
        Ok(())
    }

    /// Keeps every file of the previous output under `prefix` (a published
    /// snapshot, `ban-luu/<month>/`) exactly as it is, by hard link.
    /// Symlinks and other non-files there are dropped, never followed.
    pub fn keep_tree(&self, prefix: &str) -> Result<(), OutputError> {
        let mut rels: Vec<&String> = self
            .old
            .files
            .keys()
            .filter(|k| k.starts_with(prefix))
            .collect();
        rels.sort();
        for rel in rels {
            self.make_parent(rel)?;
            if let Some((len, seen)) = self.old.files.get(rel.as_str()) {
                seen.store(true, Ordering::Relaxed);
                self.count(rel, *len)?;
            }
            self.link_old(rel)?;
            self.kept.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// The previous output this staging compares with.
    pub fn old(&self) -> &OldOutput {
        &self.old
    }

    /// Swaps the staged site in and says what changed.
    pub fn commit(mut self) -> Result<WriteStats, OutputError> {
        let removed = self
            .old
            .files
            .values()
            .filter(|(_, seen)| !seen.load(Ordering::Relaxed))
            .count();
        let stats = WriteStats {
            added: self.added.load(Ordering::Relaxed),
            changed: self.changed.load(Ordering::Relaxed),
            removed,
            kept: self.kept.load(Ordering::Relaxed),
            copied: self.copied.load(Ordering::Relaxed),
        };
        self.committed = true;
        swap::commit(&self.target)?;
        Ok(stats)
    }

    fn io_err(&self, action: &'static str, rel: &str) -> impl FnOnce(io::Error) -> OutputError {
        let path = self.target.staging.join(rel);
        move |source| OutputError::Io {
            action,
            path,
            source,
            state: OutputState::Unchanged,
        }
    }

    fn make_parent(&self, rel: &str) -> Result<(), OutputError> {
        let Some((parent, _)) = rel.rsplit_once('/') else {
            return Ok(());
        };
        let mut dirs = self.dirs.lock().unwrap_or_else(|p| p.into_inner());
        if dirs.contains(parent) {
            return Ok(());
        }
        fs::create_dir_all(self.target.staging.join(parent))
            .map_err(self.io_err("cannot create", parent))?;
        dirs.insert(parent.to_string());
        Ok(())
    }

    /// Links the old output's `rel` into staging; copies it (keeping its
    /// modification time) where the file system cannot link.
    fn link_old(&self, rel: &str) -> Result<(), OutputError> {
        let from = self.target.out.join(rel);
        let to = self.target.staging.join(rel);
        match fs::hard_link(&from, &to) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(twice(rel)),
            Err(_) => {}
        }
        // Never through an existing file: it may be a link to a published one.
        let copy = || -> io::Result<()> {
            let mut src = File::open(&from)?;
            let mtime = src.metadata()?.modified()?;
            let mut dst = OpenOptions::new().write(true).create_new(true).open(&to)?;
            io::copy(&mut src, &mut dst)?;
            dst.set_modified(mtime)
        };
        copy().map_err(self.io_err("cannot keep", rel))?;
        self.copied.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn same_as_old(&self, rel: &str, bytes: &[u8]) -> bool {
        match self.old.files.get(rel) {
            Some((len, seen)) => {
                seen.store(true, Ordering::Relaxed);
                *len == bytes.len() as u64
                    && fs::read(self.target.out.join(rel)).is_ok_and(|old| old == bytes)
            }
            None => false,
        }
    }
}

impl Sink for Staging {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        check_rel(rel)?;
        self.count(rel, bytes.len() as u64)?;
        self.make_parent(rel)?;
        let same = self.same_as_old(rel, bytes);
        self.settle(rel, same, |mut f| f.write_all(bytes))
    }

    fn put_pieces(&self, rel: &str, pieces: &Pieces) -> Result<usize, OutputError> {
        check_rel(rel)?;
        let mut len = 0;
        pieces(&mut |p: &[u8]| len += p.len());
        self.count(rel, len as u64)?;
        self.make_parent(rel)?;
        let same = self.pieces_same_as_old(rel, len, pieces);
        self.settle(rel, same, |f| {
            let mut w = io::BufWriter::with_capacity(1 << 16, f);
            let mut failed: Option<io::Error> = None;
            pieces(&mut |p: &[u8]| {
                if failed.is_none() {
                    failed = w.write_all(p).err();
                }
            });
            match failed {
                Some(e) => Err(e),
                None => w.flush(),
            }
        })?;
        Ok(len)
    }
}

impl Staging {
    /// True when the published `rel` holds exactly `len` bytes equal to the
    /// pieces, read side by side without holding either file whole.
    fn pieces_same_as_old(&self, rel: &str, len: usize, pieces: &Pieces) -> bool {
        let Some((old_len, seen)) = self.old.files.get(rel) else {
            return false;
        };
        seen.store(true, Ordering::Relaxed);
        if *old_len != len as u64 {
            return false;
        }
        let Ok(file) = File::open(self.target.out.join(rel)) else {
            return false;
        };
        let mut old = io::BufReader::with_capacity(1 << 16, file);
        let mut same = true;
        let mut buf = Vec::new();
        pieces(&mut |p: &[u8]| {
            if !same {
                return;
            }
            buf.resize(p.len(), 0);
            same = old.read_exact(&mut buf).is_ok() && buf == p;
        });
        same
    }

    /// Keeps the published `rel` when `same`; otherwise has `write` fill a
    /// new file there, and counts the file as added, changed or kept.
    fn settle(
        &self,
        rel: &str,
        same: bool,
        write: impl FnOnce(File) -> io::Result<()>,
    ) -> Result<(), OutputError> {
        if same {
            self.link_old(rel)?;
            self.kept.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        // A new file, never an existing one: a kept file is a hard link to
        // the published copy, which must not be written through.
        let f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.target.staging.join(rel))
            .map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => twice(rel),
                _ => self.io_err("cannot write", rel)(e),
            })?;
        write(f).map_err(self.io_err("cannot write", rel))?;
        let counter = if self.old.files.contains_key(rel) {
            &self.changed
        } else {
            &self.added
        };
        counter.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Staging never holds carried entries before commit; removing
            // it leaves the output as it was.
            let _ = swap::remove_ours(&self.target.staging);
        }
    }
}

fn twice(rel: &str) -> OutputError {
    OutputError::Unsafe {
        path: rel.into(),
        reason: "the site has two files at this path".into(),
        help: "this is a bug in minhbach or the theme; please report it",
    }
}

/// Refuses a path that could leave the output or clash with the entries
/// the output keeps (top-level dot entries, the marker).
pub fn check_rel(rel: &str) -> Result<(), OutputError> {
    let bad = rel.is_empty()
        || rel.starts_with('.')
        || rel.contains(['\\', '\0'])
        || rel
            .split('/')
            .any(|c| c.is_empty() || c == "." || c == "..");
    if bad {
        return Err(OutputError::Unsafe {
            path: rel.into(),
            reason: "the path would leave the output folder or replace one of its kept dot entries"
                .into(),
            help: "this is a bug in minhbach or the theme; please report it",
        });
    }
    Ok(())
}
