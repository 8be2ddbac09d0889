//! `report-forms`: the monthly form each agency fills in, one `.xlsx` per
//! agency, listing its tasks (led, cooperated on, or given to a group
//! containing it) with what was last reported, and the columns to fill in.
//! [`rows`] chooses what a form holds; [`sheet`] writes the workbook. The
//! same content and period give the same bytes.

pub mod rows;
pub mod sheet;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Location};
use crate::model::Model;
use crate::render::i18n::I18n;

/// What `report-forms` is asked for.
#[derive(Debug, Clone)]
pub struct FormOptions {
    /// Month reported, `YYYY-MM`.
    pub period: String,
    /// Agencies to write forms for; empty: every agency with tasks.
    pub agencies: Vec<String>,
    /// Folder the forms go into.
    pub out: PathBuf,
    /// Replace forms already there.
    pub force: bool,
}

/// Writes the forms; returns the files written, in agency order.
pub fn write_forms(
    model: &Model,
    i18n: &I18n,
    opts: &FormOptions,
    each: &mut dyn FnMut(&Path, usize),
) -> Result<Vec<PathBuf>, Diagnostic> {
    let (year, month) = parse_period(&opts.period).ok_or_else(|| {
        Diagnostic::error(
            Location::file(Path::new("--period")),
            format!("{:?} is not a month", opts.period),
        )
        .with_help("write the month as YYYY-MM, e.g. 2025-10")
    })?;
    let forms = rows::forms(model, &opts.agencies)?;
    let locale = i18n.locale(&model.site.language);
    make_dir(&opts.out)?;
    if !opts.force {
        // Refuse before writing any, so no half set is left.
        if let Some(f) = forms
            .iter()
            .map(|f| opts.out.join(format!("{}.xlsx", f.agency)))
            .find(|p| std::fs::symlink_metadata(p).is_ok())
        {
            return Err(Diagnostic::error(
                Location::file(&f),
                "a form is already there: no form is overwritten",
            )
            .with_help("pass --force to replace the forms, or choose another --out folder"));
        }
    }
    let mut written = Vec::new();
    for f in &forms {
        let bytes = sheet::workbook(model, &locale, f, year, month).map_err(|e| {
            Diagnostic::error(
                Location::file(&opts.out),
                format!("cannot make the form of {}: {e}", f.agency),
            )
        })?;
        let name = PathBuf::from(format!("{}.xlsx", f.agency));
        let mode = if opts.force {
            crate::write_guard::Mode::Replace
        } else {
            crate::write_guard::Mode::New
        };
        let p = crate::write_guard::write_bytes(&opts.out, &name, &bytes, mode)
            .map_err(|e| Diagnostic::error(Location::file(&e.path), e.message).with_help(e.help))?;
        each(&p, f.rows.len());
        written.push(p);
    }
    Ok(written)
}

/// Creates the forms' folder; a link at its place is refused.
fn make_dir(dir: &Path) -> Result<(), Diagnostic> {
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Diagnostic::error(
            Location::file(dir),
            "a symbolic link is at the forms' folder: the program does not write through it",
        )
        .with_help("name another --out folder"));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        Diagnostic::error(
            Location::file(dir),
            format!("cannot create the folder: {e}"),
        )
        .with_help("check the --out path and its permissions")
    })
}

/// `YYYY-MM` as (year, month), within the years dates may have.
pub fn parse_period(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    let y: i32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    (s.len() == 7 && (1..=12).contains(&m) && crate::validate::bounds::year_ok(y)).then_some((y, m))
}
