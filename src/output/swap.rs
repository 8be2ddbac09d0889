//! The swap that puts a staged site in place, and the recovery that makes
//! an interrupted swap whole again.
//!
//! The swap is a list of [`Step`]s, each one rename or removal:
//! move the output aside (`.<name>.old`), move its top-level dot entries
//! (`.git`) into the staged site, move the staged site in, remove the old
//! one. Whatever step a killed process stopped after, the output path holds
//! either the complete previous site, the complete new one, or nothing; in
//! the last case [`recover`] (run by every build before writing) moves the
//! dot entries back and restores the previous site, losing nothing.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::Path;

use super::guard::{Target, MARKER, MARKER_TEXT};
use super::{OutputError, OutputState};

/// One step of the swap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Rename the output to `.<name>.old`.
    MoveAside,
    /// Move one top-level dot entry of the old output into the staged site.
    Carry(OsString),
    /// Rename the staged site to the output path: the commit point.
    MoveIn,
    /// Remove the old output.
    RemoveAside,
}

/// The steps that put `t.staging` in place of `t.out`, as the output is now.
pub fn plan(t: &Target) -> Result<Vec<Step>, OutputError> {
    if fs::symlink_metadata(&t.out).is_err() {
        return Ok(vec![Step::MoveIn]);
    }
    let mut steps = vec![Step::MoveAside];
    for name in dot_entries(&t.out).map_err(unchanged("cannot read", &t.out))? {
        steps.push(Step::Carry(name));
    }
    steps.push(Step::MoveIn);
    steps.push(Step::RemoveAside);
    Ok(steps)
}

/// Runs one step.
pub fn run(t: &Target, step: &Step) -> io::Result<()> {
    match step {
        Step::MoveAside => {
            // The folder was approved for replacement; mark it so that
            // recovery knows the aside copy is ours to restore or remove.
            let marker = t.out.join(MARKER);
            if !marker.is_file() {
                fs::write(&marker, MARKER_TEXT)?;
            }
            fs::rename(&t.out, &t.aside)
        }
        Step::Carry(name) => fs::rename(t.aside.join(name), t.staging.join(name)),
        Step::MoveIn => fs::rename(&t.staging, &t.out),
        Step::RemoveAside => remove_ours(&t.aside),
    }
}

/// Puts the staged site in place. On failure before the commit point the
/// previous output is restored; the error says exactly what state the
/// output is in.
pub fn commit(t: &Target) -> Result<(), OutputError> {
    let steps = plan(t)?;
    for step in &steps {
        if let Err(e) = run(t, step) {
            return Err(match step {
                Step::RemoveAside => OutputError::Cleanup {
                    out: t.out.clone(),
                    leftover: t.aside.clone(),
                    source: e,
                },
                _ => match recover(t) {
                    Ok(_) => OutputError::Io {
                        action: "cannot put the new site in place at",
                        path: t.out.clone(),
                        source: e,
                        state: OutputState::Unchanged,
                    },
                    Err(again) => OutputError::Rollback {
                        out: t.out.clone(),
                        source: e,
                        rollback: Box::new(again),
                    },
                },
            });
        }
    }
    Ok(())
}

/// What [`recover`] found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery {
    /// Nothing was left over from an earlier build.
    Clean,
    /// An interrupted swap was undone: the previous output is back in place.
    RolledBack,
    /// A swap had committed; its leftover old output was removed.
    Finished,
    /// A staging folder of an interrupted build was removed.
    Discarded,
}

/// Makes the output whole after a build that was killed or failed midway:
/// restores the previous output when the swap had not committed, finishes
/// the cleanup when it had, and removes stale staging. Dot entries are
/// never deleted: any found in a leftover folder go back to the output.
pub fn recover(t: &Target) -> Result<Recovery, OutputError> {
    recover_inner(t).map_err(|cause| {
        let exists = |p: &Path| fs::symlink_metadata(p).is_ok();
        if !exists(&t.out) && exists(&t.aside) {
            OutputError::Stuck {
                out: t.out.clone(),
                aside: t.aside.clone(),
                cause: Box::new(cause),
            }
        } else {
            cause
        }
    })
}

fn recover_inner(t: &Target) -> Result<Recovery, OutputError> {
    let exists = |p: &Path| fs::symlink_metadata(p).is_ok();
    let mut done = Recovery::Clean;
    if exists(&t.aside) {
        ours(&t.aside)?;
        if !exists(&t.out) {
            if exists(&t.staging) {
                move_dot_entries(&t.staging, &t.aside)?;
            }
            fs::rename(&t.aside, &t.out).map_err(unchanged("cannot move back", &t.aside))?;
            done = Recovery::RolledBack;
        } else {
            move_dot_entries(&t.aside, &t.out)?;
            remove_ours(&t.aside).map_err(|e| OutputError::Cleanup {
                out: t.out.clone(),
                leftover: t.aside.clone(),
                source: e,
            })?;
            done = Recovery::Finished;
        }
    }
    if exists(&t.staging) {
        ours(&t.staging)?;
        if exists(&t.out) {
            move_dot_entries(&t.staging, &t.out)?;
        }
        remove_ours(&t.staging).map_err(unchanged("cannot remove", &t.staging))?;
        if done == Recovery::Clean {
            done = Recovery::Discarded;
        }
    }
    Ok(done)
}

/// Removes a folder of ours with its marker last, so that a removal cut
/// short still leaves a folder that recovery recognises as ours.
pub fn remove_ours(dir: &Path) -> io::Result<()> {
    for e in fs::read_dir(dir)? {
        let e = e?;
        if e.file_name() == MARKER {
            continue;
        }
        if e.file_type()?.is_dir() {
            fs::remove_dir_all(e.path())?;
        } else {
            fs::remove_file(e.path())?;
        }
    }
    match fs::remove_file(dir.join(MARKER)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::remove_dir(dir)
}

/// Refuses to touch a leftover folder that minhbach did not make.
fn ours(dir: &Path) -> Result<(), OutputError> {
    let meta = fs::symlink_metadata(dir).map_err(unchanged("cannot read", dir))?;
    let empty = meta.is_dir()
        && fs::read_dir(dir)
            .map_err(unchanged("cannot read", dir))?
            .next()
            .is_none();
    if meta.is_dir() && (empty || dir.join(MARKER).is_file()) {
        return Ok(());
    }
    Err(OutputError::Unsafe {
        path: dir.to_path_buf(),
        reason: format!(
            "it is in the way of the output and minhbach did not make it (no {MARKER})"
        ),
        help: "move or rename it, then build again",
    })
}

/// Moves the top-level dot entries of `from` (except the marker) into
/// `to` where `to` lacks them; a clash is an error, never a deletion.
fn move_dot_entries(from: &Path, to: &Path) -> Result<(), OutputError> {
    for name in dot_entries(from).map_err(unchanged("cannot read", from))? {
        let dest = to.join(&name);
        if fs::symlink_metadata(&dest).is_ok() {
            return Err(OutputError::Unsafe {
                path: from.join(&name),
                reason: format!("a build was interrupted and {} also exists", dest.display()),
                help: "keep the copy you want, remove the other, then build again",
            });
        }
        fs::rename(from.join(&name), &dest).map_err(unchanged("cannot move back", &dest))?;
    }
    Ok(())
}

/// Top-level dot entries of `dir` other than the marker, sorted.
fn dot_entries(dir: &Path) -> io::Result<Vec<OsString>> {
    let mut names = Vec::new();
    for e in fs::read_dir(dir)? {
        let name = e?.file_name();
        if name.to_string_lossy().starts_with('.') && name != MARKER {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn unchanged<'a>(
    action: &'static str,
    path: &'a Path,
) -> impl FnOnce(io::Error) -> OutputError + 'a {
    move |source| OutputError::Io {
        action,
        path: path.to_path_buf(),
        source,
        state: OutputState::Unchanged,
    }
}

#[cfg(test)]
#[path = "swap_tests.rs"]
mod tests;
