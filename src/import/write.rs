//! Writing an imported report: only into `<content>/reports/`, under a file
//! name that is a valid report id, never over an existing file unless asked,
//! and never through a symbolic link (through [`crate::write_guard`], as
//! every importer writes).

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Location};
use crate::model::ids::{is_valid_id, MAX_ID_LEN};
use crate::write_guard::{write, Mode};

/// Writes `yaml` to `out`, which must be `<content>/reports/<id>.yaml`.
/// An existing file is replaced only when `force` is given; a link is
/// refused, also then. Returns the path written.
pub fn write_report(
    out: &Path,
    content: &Path,
    yaml: &str,
    force: bool,
) -> Result<PathBuf, Diagnostic> {
    let at = || Location::file(out);
    let reports = content.join("reports");
    let help_where = format!(
        "write the report into {} (e.g. --out {}/2025-10.yaml), or pass --content for another content directory",
        reports.display(),
        reports.display()
    );
    let stem_ok = out.extension().is_some_and(|e| e == "yaml")
        && out
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(is_valid_id);
    if !stem_ok {
        return Err(Diagnostic::error(
            at(),
            "the report file name must be <id>.yaml, the id made of lowercase letters a-z, digits and single hyphens",
        )
        .with_help(format!(
            "name it after the month, e.g. 2025-10.yaml (at most {MAX_ID_LEN} characters before .yaml)"
        )));
    }
    let content_dir = fs::canonicalize(content).map_err(|e| {
        Diagnostic::error(
            Location::file(content),
            format!("the content directory cannot be found: {e}"),
        )
        .with_help("pass --content DIR pointing at the content directory")
    })?;
    let reports_dir = content_dir.join("reports");
    if !reports_dir.is_dir() {
        fs::create_dir(&reports_dir).map_err(|e| {
            Diagnostic::error(
                Location::file(&reports),
                format!("cannot create the reports directory: {e}"),
            )
        })?;
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let parent = fs::canonicalize(parent).ok();
    if parent.as_deref() != Some(reports_dir.as_path()) {
        return Err(Diagnostic::error(
            at(),
            "reports are written only into the reports directory of the content",
        )
        .with_help(help_where));
    }
    let Some(name) = out.file_name() else {
        return Err(Diagnostic::error(at(), "no file name").with_help(help_where));
    };
    // The file itself: never through a link, also with --force.
    let mode = if force { Mode::Replace } else { Mode::New };
    write(&content_dir, &Path::new("reports").join(name), yaml, mode)
        .map_err(|e| Diagnostic::error(Location::file(&e.path), e.message).with_help(e.help))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("reports")).unwrap();
        fs::write(dir.path().join("site.yaml"), "title: x\n").unwrap();
        dir
    }

    #[test]
    fn writes_only_new_files_under_reports() {
        let c = content();
        let out = c.path().join("reports/2025-10.yaml");
        write_report(&out, c.path(), "a: 1\n", false).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "a: 1\n");
        let e = write_report(&out, c.path(), "a: 2\n", false).unwrap_err();
        assert!(e.message.contains("already exists"), "{}", e.message);
        assert_eq!(fs::read_to_string(&out).unwrap(), "a: 1\n");
        write_report(&out, c.path(), "a: 2\n", true).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "a: 2\n");
    }

    #[test]
    fn site_yaml_and_paths_outside_reports_are_refused_even_with_force() {
        let c = content();
        for out in [
            c.path().join("site.yaml"),
            c.path().join("reports/../site.yaml"),
            c.path().join("reports/sub/2025-10.yaml"),
            c.path().join("reports/..yaml"),
            c.path().join("reports/2025-10.yml"),
        ] {
            assert!(write_report(&out, c.path(), "x", true).is_err(), "{out:?}");
        }
        assert_eq!(
            fs::read_to_string(c.path().join("site.yaml")).unwrap(),
            "title: x\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_reports_is_refused_also_with_force() {
        let c = content();
        let out = c.path().join("reports/2025-10.yaml");
        std::os::unix::fs::symlink(c.path().join("site.yaml"), &out).unwrap();
        assert!(write_report(&out, c.path(), "a: 1\n", false).is_err());
        let e = write_report(&out, c.path(), "a: 1\n", true).unwrap_err();
        assert!(e.message.contains("symbolic link"), "{}", e.message);
        assert_eq!(
            fs::read_to_string(c.path().join("site.yaml")).unwrap(),
            "title: x\n"
        );
        assert!(fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
    }
}
