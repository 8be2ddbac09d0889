//! Stage 1 of the pipeline: read the content directory into raw structs.
//!
//! Nothing here interprets the content; it only finds the files, splits
//! front matter from Markdown and deserialises YAML, remembering where each
//! value came from so later stages can point at it.

pub mod raw;
pub mod yaml;

use std::fs;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
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
    /// `site.yaml`.
    pub site: Loaded<SiteFile>,
    /// `agencies.yaml`.
    pub agencies: Loaded<AgenciesFile>,
    /// Plans, sorted by directory name.
    pub plans: Vec<RawPlan>,
    /// Reports, sorted by file path.
    pub reports: Vec<Loaded<ReportFile>>,
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
    let site = load_yaml::<SiteFile>(&root.join("site.yaml"), &mut diags);
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
    let agencies = load_yaml::<AgenciesFile>(&data_root.join("agencies.yaml"), &mut diags);
    let plans = load_plans(&data_root.join("plans"), &mut diags);
    let mut reports = Vec::new();
    if data_root != root {
        reports.extend(load_reports(&data_root.join("reports"), &mut diags));
    }
    reports.extend(load_reports(&root.join("reports"), &mut diags));
    match (site, agencies) {
        (Some(site), Some(agencies)) if !diags.has_errors() => Ok(RawContent {
            root: root.to_path_buf(),
            site,
            agencies,
            plans,
            reports,
        }),
        _ => Err(diags),
    }
}

fn load_reports(dir: &Path, diags: &mut Diagnostics) -> Vec<Loaded<ReportFile>> {
    let Ok(rd) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| load_yaml::<ReportFile>(p, diags))
        .collect()
}

/// Reads a UTF-8 text file and normalises it to NFC, so that text typed on
/// different systems compares equal.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = fs::read(path).map_err(|e| {
        Diagnostic::error(Location::file(path), format!("cannot read the file: {e}"))
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Diagnostic::error(
            Location::file(path),
            format!(
                "the file is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
        .with_help("save the file as UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(text.nfc().collect())
}

fn load_yaml<T: serde::de::DeserializeOwned>(
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<Loaded<T>> {
    let text = match read_text(path) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    match yaml::parse::<T>(&text, path, 0) {
        Ok((value, spans)) => Some(Loaded {
            path: path.to_path_buf(),
            value,
            spans,
        }),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

fn load_plans(dir: &Path, diags: &mut Diagnostics) -> Vec<RawPlan> {
    let mut dirs: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(_) => {
            diags.push(
                Diagnostic::warning(Location::file(dir), "there is no plans directory")
                    .with_help("create plans/<plan-id>/plan.md"),
            );
            return Vec::new();
        }
    };
    dirs.sort();
    let mut plans = Vec::new();
    for d in dirs {
        let dir_name = d
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let plan_md = d.join("plan.md");
        let text = match read_text(&plan_md) {
            Ok(t) => t,
            Err(e) => {
                diags.push(e);
                continue;
            }
        };
        let Some((front_src, body, offset)) = split_front_matter(&text) else {
            diags.push(
                Diagnostic::error(Location::new(&plan_md, 1, 1), "plan.md has no front matter")
                    .with_help("start the file with a line '---', the YAML fields, and '---'"),
            );
            continue;
        };
        let front = match yaml::parse::<PlanFront>(front_src, &plan_md, offset) {
            Ok((value, spans)) => Loaded {
                path: plan_md.clone(),
                value,
                spans,
            },
            Err(e) => {
                diags.push(e);
                continue;
            }
        };
        let tasks_path = d.join("tasks.yaml");
        let tasks = if tasks_path.exists() {
            load_yaml::<TasksFile>(&tasks_path, diags)
        } else {
            None
        };
        let duties_path = d.join("duties.yaml");
        let duties = if duties_path.exists() {
            load_yaml::<DutiesFile>(&duties_path, diags)
        } else {
            None
        };
        plans.push(RawPlan {
            dir_name,
            front,
            body: body.to_string(),
            tasks,
            duties,
        });
    }
    plans
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
