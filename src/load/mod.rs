//! Stage 1 of the pipeline: read the content directory into raw structs.
//!
//! Nothing here interprets the content; it only finds the files (opened
//! through [`files`]: regular files only, UTF-8 checked, control characters
//! removed with a warning), splits front matter from Markdown and
//! deserialises YAML, remembering where each value came from so later
//! stages can point at it.

pub mod files;
pub mod raw;
pub mod reference;
pub mod spans;
pub mod yaml;
pub mod yaml_insert;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
pub use files::read_text;
use files::Entry;
use raw::{AgenciesFile, DutiesFile, PlanFront, ReportFile, SiteFile, TasksFile};
use yaml::Spans;

/// A parsed file together with its path and value positions.
#[derive(Debug)]
pub struct Loaded<T> {
    /// Path of the file, as found under the content directory.
    pub path: PathBuf,
    /// The deserialised value.
    pub value: T,
    /// Where each value sits in the file.
    pub spans: Spans,
}

/// One plan directory: its front matter, narrative and table.
#[derive(Debug)]
pub struct RawPlan {
    /// Directory name, the plan's id.
    pub dir_name: String,
    /// `plan.md` front matter.
    pub front: Loaded<PlanFront>,
    /// Markdown narrative after the front matter.
    pub body: String,
    /// `tasks.yaml`, when present.
    pub tasks: Option<Loaded<TasksFile>>,
    /// `duties.yaml`, when present.
    pub duties: Option<Loaded<DutiesFile>>,
}

/// Everything read from a content directory.
#[derive(Debug)]
pub struct RawContent {
    /// The content directory.
    pub root: PathBuf,
    /// The `base:` content directory it builds on, if any (an input the
    /// output must never overlap).
    pub base: Option<PathBuf>,
    /// `site.yaml`.
    pub site: Loaded<SiteFile>,
    /// `agencies.yaml`.
    pub agencies: Loaded<AgenciesFile>,
    /// Plans, sorted by directory name.
    pub plans: Vec<RawPlan>,
    /// Reports, sorted by file path.
    pub reports: Vec<Loaded<ReportFile>>,
    /// Warnings found while reading (control characters removed, …).
    pub warnings: Diagnostics,
}

/// Reads a whole content directory. Problems in one file do not stop the
/// others from being read; all are returned together.
pub fn load(root: &Path) -> Result<RawContent, Diagnostics> {
    let mut diags = Diagnostics::default();
    if !root.is_dir() {
        diags.push(
            Diagnostic::error(Location::file(root), "the content directory does not exist")
                .with_help("pass --content DIR pointing at a directory with site.yaml"),
        );
        return Err(diags);
    }
    let site = load_yaml_strict::<SiteFile>(
        &root.join("site.yaml"),
        &["base_url", "time_zone", "language", "base"],
        &mut diags,
    );
    // A content directory may build on another one (illustrative data over
    // the real plans): agencies and plans come from the base, reports from both.
    let data_root = match site.as_ref().and_then(|s| s.value.base.clone()) {
        Some(base) => {
            let b = root.join(base);
            if !b.join("agencies.yaml").is_file() {
                diags.push(
                    Diagnostic::error(
                        site.as_ref()
                            .map(|s| s.spans.locate(&s.path, "base"))
                            .unwrap_or_default(),
                        format!(
                            "the base content directory {} has no agencies.yaml",
                            b.display()
                        ),
                    )
                    .with_help("`base` is a path relative to this content directory"),
                );
            }
            b
        }
        None => root.to_path_buf(),
    };
    // The registry and the plans are read side by side.
    let ((agencies, agency_diags), (plans, plan_diags)) = rayon::join(
        || {
            let mut ds = Diagnostics::default();
            let a = load_yaml::<AgenciesFile>(&data_root.join("agencies.yaml"), &mut ds);
            (a, ds)
        },
        || {
            let mut ds = Diagnostics::default();
            let p = load_plans(&data_root.join("plans"), &mut ds);
            (p, ds)
        },
    );
    diags.extend(agency_diags);
    diags.extend(plan_diags);
    let mut reports = Vec::new();
    if data_root != root {
        reports.extend(load_reports(&data_root.join("reports"), &mut diags));
    }
    reports.extend(load_reports(&root.join("reports"), &mut diags));
    match (site, agencies) {
        (Some(site), Some(agencies)) if !diags.has_errors() => Ok(RawContent {
            base: (data_root != root).then(|| data_root.clone()),
            root: root.to_path_buf(),
            site,
            agencies,
            plans,
            reports,
            warnings: diags,
        }),
        _ => Err(diags),
    }
}

/// Reports what is at `path` when it is neither a directory nor absent;
/// true when it is a directory.
fn optional_dir(path: &Path, diags: &mut Diagnostics) -> bool {
    match files::entry(path) {
        Entry::Dir => true,
        Entry::Missing => false,
        Entry::File => {
            diags.push(
                Diagnostic::error(
                    Location::file(path),
                    "a file is where a directory should be",
                )
                .with_help("rename the file, and create the directory"),
            );
            false
        }
        Entry::Unusable(d) => {
            diags.push(d);
            false
        }
    }
}

fn load_reports(dir: &Path, diags: &mut Diagnostics) -> Vec<Loaded<ReportFile>> {
    if !optional_dir(dir, diags) {
        return Vec::new();
    }
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            diags.push(Diagnostic::error(
                Location::file(dir),
                format!("cannot read the directory: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    in_parallel(&files, |p, ds| load_yaml::<ReportFile>(p, ds), diags)
}

/// Runs `f` on every item in parallel; results and diagnostics come back in
/// the items' order, as if run one after the other.
fn in_parallel<I: Sync, T: Send>(
    items: &[I],
    f: impl Fn(&I, &mut Diagnostics) -> Option<T> + Sync,
    diags: &mut Diagnostics,
) -> Vec<T> {
    let done: Vec<(Option<T>, Diagnostics)> = items
        .par_iter()
        .map(|item| {
            let mut ds = Diagnostics::default();
            let v = f(item, &mut ds);
            (v, ds)
        })
        .collect();
    let mut out = Vec::with_capacity(done.len());
    for (v, ds) in done {
        diags.extend(ds);
        out.extend(v);
    }
    out
}

fn load_yaml<T: serde::de::DeserializeOwned + Send>(
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<Loaded<T>> {
    load_yaml_strict(path, &[], diags)
}

/// Reads a YAML file. A control character in a value is removed with a
/// warning, or is an error in the values named by `strict` (addresses and
/// names that must be exact, such as `base_url`).
fn load_yaml_strict<T: serde::de::DeserializeOwned + Send>(
    path: &Path,
    strict: &[&str],
    diags: &mut Diagnostics,
) -> Option<Loaded<T>> {
    let text = match read_text(path) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let (text, raw_removed) = files::strip_raw_controls(&text);
    let parsed = yaml::parse::<T>(&text, path, 0);
    // A character typed on the line of a strict value belongs to it.
    let strict_lines: Vec<usize> = match &parsed {
        Ok((_, spans)) => strict.iter().map(|p| spans.get(p).0).collect(),
        Err(_) => Vec::new(),
    };
    for (line, column, c) in raw_removed {
        let loc = Location::new(path, line, column);
        if strict_lines.contains(&line) {
            diags.push(strict_error(loc, &format!("line {line}"), c));
        } else {
            diags.push(files::control_warning(loc, c));
        }
    }
    match parsed {
        Ok((value, spans)) => {
            report_removed(&spans, path, strict, diags);
            Some(Loaded {
                path: path.to_path_buf(),
                value,
                spans,
            })
        }
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// Removes control characters typed directly into a file, with a warning
/// at each one's line and column.
fn strip_raw(text: &str, path: &Path, diags: &mut Diagnostics) -> String {
    let (clean, removed) = files::strip_raw_controls(text);
    for (line, column, c) in removed {
        diags.push(files::control_warning(Location::new(path, line, column), c));
    }
    clean
}

/// A control character in a value that must be exact (`base_url`).
fn strict_error(loc: Location, what: &str, c: char) -> Diagnostic {
    Diagnostic::error(
        loc,
        format!(
            "{what} contains the {} U+{:04X}",
            if files::is_invisible(c) {
                "invisible character"
            } else {
                "control character"
            },
            c as u32
        ),
    )
    .with_help("remove the invisible character or the escape (such as \\r or \\n) from the value")
}

fn report_removed(spans: &yaml::Spans, path: &Path, strict: &[&str], diags: &mut Diagnostics) {
    for r in spans.removed_controls() {
        let loc = spans.locate(path, &r.path);
        if strict.contains(&r.path.as_str()) {
            diags.push(strict_error(loc, &format!("`{}`", r.path), r.ch));
        } else {
            diags.push(files::control_warning(loc, r.ch));
        }
    }
}

/// Reports what is at `path` when it is neither a file nor absent.
fn optional_file(path: &Path, diags: &mut Diagnostics) -> bool {
    match files::entry(path) {
        Entry::Missing => false,
        Entry::File => true,
        Entry::Dir => {
            diags.push(
                Diagnostic::error(
                    Location::file(path),
                    "a directory is where a file should be",
                )
                .with_help("rename or remove the directory"),
            );
            false
        }
        Entry::Unusable(d) => {
            diags.push(d);
            false
        }
    }
}

fn load_plans(dir: &Path, diags: &mut Diagnostics) -> Vec<RawPlan> {
    if !matches!(files::entry(dir), Entry::Dir | Entry::Missing) {
        optional_dir(dir, diags);
        return Vec::new();
    }
    let mut dirs: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => {
            let mut v = Vec::new();
            for p in rd.filter_map(|e| e.ok()).map(|e| e.path()) {
                match files::entry(&p) {
                    Entry::Dir => v.push(p),
                    // Loose files (notes, READMEs) are not plans.
                    Entry::File | Entry::Missing => {}
                    Entry::Unusable(d) => diags.push(d),
                }
            }
            v
        }
        Err(_) => {
            diags.push(
                Diagnostic::warning(Location::file(dir), "there is no plans directory")
                    .with_help("create plans/<plan-id>/plan.md"),
            );
            return Vec::new();
        }
    };
    dirs.sort();
    in_parallel(&dirs, |d, ds| load_plan(d, ds), diags)
}

/// Reads one plan folder: `plan.md`, and `tasks.yaml` and `duties.yaml`
/// when present.
fn load_plan(d: &Path, diags: &mut Diagnostics) -> Option<RawPlan> {
    let dir_name = d
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plan_md = d.join("plan.md");
    let text = match read_text(&plan_md) {
        Ok(t) => strip_raw(&t, &plan_md, diags),
        Err(e) => {
            diags.push(e);
            return None;
        }
    };
    let Some((front_src, body, offset)) = split_front_matter(&text) else {
        diags.push(
            Diagnostic::error(Location::new(&plan_md, 1, 1), "plan.md has no front matter")
                .with_help("start the file with a line '---', the YAML fields, and '---'"),
        );
        return None;
    };
    let limit = crate::limits::NARRATIVE_CHARS;
    if body.len() as u64 > limit.max && body.chars().count() as u64 > limit.max {
        let line = text[..text.len() - body.len()].lines().count() + 1;
        diags.push(
            Diagnostic::error(
                Location::new(&plan_md, line, 1),
                format!(
                    "the narrative has {}",
                    limit.passed(body.chars().count() as u64)
                ),
            )
            .with_help(limit.help()),
        );
        return None;
    }
    let front = match yaml::parse::<PlanFront>(front_src, &plan_md, offset) {
        Ok((value, spans)) => {
            report_removed(&spans, &plan_md, &[], diags);
            Loaded {
                path: plan_md.clone(),
                value,
                spans,
            }
        }
        Err(e) => {
            diags.push(e);
            return None;
        }
    };
    let tasks_path = d.join("tasks.yaml");
    let tasks = if optional_file(&tasks_path, diags) {
        load_yaml::<TasksFile>(&tasks_path, diags)
    } else {
        None
    };
    let duties_path = d.join("duties.yaml");
    let duties = if optional_file(&duties_path, diags) {
        load_yaml::<DutiesFile>(&duties_path, diags)
    } else {
        None
    };
    Some(RawPlan {
        dir_name,
        front,
        body: body.to_string(),
        tasks,
        duties,
    })
}

/// Splits `---\n<yaml>\n---\n<body>`; returns the YAML, the body and the
/// number of lines before the YAML (for error positions).
pub fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..pos];
            let body = &rest[pos + line.len()..];
            return Some((yaml, body, 1));
        }
        pos += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split() {
        let (y, b, off) = split_front_matter("---\na: 1\n---\n# Body\n").unwrap();
        assert_eq!(y, "a: 1\n");
        assert_eq!(b, "# Body\n");
        assert_eq!(off, 1);
        assert!(split_front_matter("# no front matter").is_none());
    }
}
