//! Importing many returned forms and office sheets at once into one report:
//! every sheet with a report header is read, each row is taken, blank, or
//! rejected with its file, sheet, row and column, and a rejected row never
//! blocks the good ones. A form's agency (its mark above the header) is
//! recorded under `received:` and as each entry's `reported_by`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::tables::Origin;

use super::catalog::TaskCatalog;
use super::rows::RowContext;
use super::table::Row;
use super::words::StatusWords;
use super::{check_table, finish, Out, OutReceived, ReportMeta};

/// What the rows are checked against.
pub struct Context<'a> {
    /// Period, date, issuer, number, century.
    pub meta: &'a ReportMeta,
    /// The content's tasks (`None`: tasks taken as ids).
    pub catalog: Option<&'a TaskCatalog>,
    /// The content's agency ids (a form's agency must be one).
    pub agencies: Option<&'a HashSet<String>>,
    /// Status words.
    pub words: &'a StatusWords,
}

/// What became of one file.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    /// The file.
    pub path: PathBuf,
    /// The agency whose form it is, when it says.
    pub agency: Option<String>,
    /// Rows taken.
    pub taken: usize,
    /// Rows left blank (nothing filled in).
    pub blank: usize,
    /// Rows rejected.
    pub rejected: usize,
    /// Why the whole file could not be read, if so.
    pub failed: Option<Diagnostic>,
}

/// A rejected row, to send back.
#[derive(Debug, Clone)]
pub struct Rejected {
    /// The file it came from.
    pub path: PathBuf,
    /// Its sheet (spreadsheets).
    pub sheet: Option<String>,
    /// The header's cells.
    pub header: Vec<String>,
    /// The row as read.
    pub row: Row,
    /// Its errors.
    pub problems: Vec<Diagnostic>,
}

/// The result of importing many files.
#[derive(Debug)]
pub struct Batch {
    /// The report's text; `None` when nothing may be written (`--strict`
    /// with a rejected row, or no file read at all).
    pub yaml: Option<String>,
    /// One outcome per file, in the order read.
    pub files: Vec<FileOutcome>,
    /// Every rejected row.
    pub rejected: Vec<Rejected>,
    /// Every problem and warning.
    pub diagnostics: Diagnostics,
}

impl Batch {
    /// True when every row of every file was taken or blank.
    pub fn clean(&self) -> bool {
        self.rejected.is_empty() && self.files.iter().all(|f| f.failed.is_none())
    }
}

/// The files named: a file as given; a folder, each `.xlsx`, `.xls`,
/// `.ods` and `.csv` file in it (not its subfolders, not hidden or lock
/// files), sorted by name.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut out = Vec::new();
    for p in inputs {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let rd = std::fs::read_dir(p).map_err(|e| {
            Diagnostic::error(Location::file(p), format!("cannot read the folder: {e}"))
        })?;
        let mut found: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.is_file())
            .filter(|f| {
                let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let ext = f
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("")
                    .to_ascii_lowercase();
                !name.starts_with('.')
                    && !name.starts_with("~$")
                    && matches!(ext.as_str(), "xlsx" | "xls" | "ods" | "csv")
            })
            .collect();
        found.sort();
        if found.is_empty() {
            return Err(Diagnostic::error(
                Location::file(p),
                "the folder holds no .xlsx, .xls, .ods or .csv file",
            )
            .with_help("put the returned forms in the folder, or name the files"));
        }
        out.extend(found);
    }
    Ok(out)
}

/// Imports `files` in order, calling `each` after each file.
pub fn import(
    files: &[PathBuf],
    ctx: &Context,
    strict: bool,
    each: &mut dyn FnMut(&FileOutcome),
) -> Batch {
    let mut diagnostics = Diagnostics::default();
    let mut outcomes = Vec::new();
    let mut rejected = Vec::new();
    let mut entries = Vec::new();
    let mut received: Vec<OutReceived> = Vec::new();
    // Each agency's tasks, once per report.
    let mut seen: HashMap<Option<String>, HashMap<String, usize>> = HashMap::new();
    for path in files {
        let mut o = FileOutcome {
            path: path.clone(),
            agency: None,
            taken: 0,
            blank: 0,
            rejected: 0,
            failed: None,
        };
        match one_file(path, ctx, &mut seen, &mut diagnostics, &mut o) {
            Ok(sheets) => {
                for (sheet, header, checked, total) in sheets {
                    o.blank += total - checked.len();
                    for c in checked {
                        if c.taken() {
                            o.taken += 1;
                        } else {
                            o.rejected += 1;
                            rejected.push(Rejected {
                                path: path.clone(),
                                sheet: sheet.clone(),
                                header: header.clone(),
                                problems: c.errors().to_vec(),
                                row: c.row.clone(),
                            });
                        }
                        if let Ok(e) = c.outcome {
                            entries.push(e);
                        }
                    }
                }
                if let Some(a) = &o.agency {
                    if !received.iter().any(|r| &r.agency == a) {
                        received.push(OutReceived {
                            agency: a.clone(),
                            file: path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default(),
                        });
                    }
                }
            }
            Err(d) => {
                if !diagnostics.iter().any(|x| x == &d) {
                    diagnostics.push(d.clone());
                }
                o.failed = Some(d);
            }
        }
        each(&o);
        outcomes.push(o);
    }
    let blocked = strict && (!rejected.is_empty() || outcomes.iter().any(|o| o.failed.is_some()));
    let read_any = outcomes.iter().any(|o| o.failed.is_none());
    let yaml = if blocked || !read_any {
        None
    } else {
        let out = Out {
            period: ctx.meta.period.clone(),
            date: ctx.meta.date,
            issuer: ctx.meta.issuer.clone(),
            number: ctx.meta.number.clone(),
            received,
            entries,
        };
        let source = files.first().map_or(Path::new("."), |p| p.as_path());
        match finish(source, &out, Diagnostics::default()) {
            Ok(i) => Some(i.yaml),
            Err(d) => {
                diagnostics.extend(d);
                None
            }
        }
    };
    Batch {
        yaml,
        files: outcomes,
        rejected,
        diagnostics,
    }
}

type Sheet = (Option<String>, Vec<String>, Vec<super::Checked>, usize);

/// Reads every sheet of one file that has a report header.
fn one_file(
    path: &Path,
    ctx: &Context,
    seen: &mut HashMap<Option<String>, HashMap<String, usize>>,
    diags: &mut Diagnostics,
    o: &mut FileOutcome,
) -> Result<Vec<Sheet>, Diagnostic> {
    let mut found = Vec::new();
    let grids = if super::sheet_file::is_sheet(path) {
        crate::tables::read(path)
            .map_err(|e| Diagnostic::error(Location::file(path), e.message).with_help(e.help))?
    } else {
        // CSV: read line by line, so rows keep their physical lines.
        let t = super::csv_file::read(path)?;
        found.extend(super::find::find_rows(&t).map(|f| (None, f)));
        Vec::new()
    };
    for g in &grids {
        if let Some(f) = super::find::find(g) {
            let sheet = match &g.origin {
                Origin::Sheet { name, .. } => Some(name.clone()),
                _ => None,
            };
            found.push((sheet, f));
        }
    }
    if found.is_empty() {
        return Err(Diagnostic::error(
            Location::file(path),
            "no sheet has a header row naming the task and its status",
        )
        .with_help(format!(
            "put a header row above the rows (title rows above it are fine), with columns such as {}",
            super::columns::KNOWN
        )));
    }
    let mut sheets = Vec::new();
    for (sheet, f) in found {
        if let Some(p) = &f.period {
            if p != &ctx.meta.period {
                return Err(Diagnostic::error(
                    Location::file(path),
                    format!(
                        "this form is for the period {p}, but the import is for {}",
                        ctx.meta.period
                    ),
                )
                .with_help("import it with the period it was sent for, or send the agency this month's form"));
            }
        }
        if let Some(a) = &f.agency {
            if ctx.agencies.is_some_and(|set| !set.contains(a)) {
                return Err(Diagnostic::error(
                    Location::file(path),
                    format!("this form is for the agency {a:?}, which is not in agencies.yaml"),
                )
                .with_help("make the forms again with `minhbach report-forms` from this content"));
            }
            o.agency = Some(a.clone());
        }
        let source = match &sheet {
            Some(name) => PathBuf::from(format!("{}:{name}", path.display())),
            None => path.to_path_buf(),
        };
        let rc = RowContext {
            meta: ctx.meta,
            catalog: ctx.catalog,
            words: ctx.words,
            reported_by: f.agency.clone(),
        };
        let own_seen = seen.entry(f.agency.clone()).or_default();
        let mut sheet_diags = Diagnostics::default();
        let checked = check_table(&source, &f.table, &rc, own_seen, &mut sheet_diags);
        let total = f.table.rows.iter().filter(|r| !r.is_blank()).count();
        let row_errors: usize = checked.iter().map(|c| c.errors().len()).sum();
        if sheet_diags.error_count() > row_errors {
            // The header itself is wrong: nothing of the sheet can be read.
            let first = sheet_diags
                .sorted()
                .into_iter()
                .find(|d| d.severity == crate::diagnostics::Severity::Error)
                .cloned();
            if let Some(d) = first {
                diags.extend(sheet_diags);
                return Err(d);
            }
        }
        diags.extend(sheet_diags);
        let total = total.max(checked.len());
        sheets.push((sheet, f.table.header.cells.clone(), checked, total));
    }
    Ok(sheets)
}
