//! `minhbach import-plan`: turns the appendix table of a plan, as issued in
//! Word or kept in a spreadsheet, into `plans/<id>/tasks.yaml` (every cell
//! verbatim) and a `plan.md` to fill in; and `minhbach new`, the same files
//! for a plan typed in by hand.
//!
//! The format readers are in [`crate::tables`]; here the tables to read are
//! chosen (`choose`), the header is found ([`header`]), the rows are shaped
//! into groups, goals and tasks ([`structure`], with [`codes`], [`ids`] and
//! the [`headings`] above the table), date order is detected ([`dates`]) and
//! month-first cells get their meaning ([`meaning`]), the YAML is written
//! ([`write`](mod@write)), unknown agencies are listed or added ([`agencies`]), and the
//! files of a new plan start from [`scaffold`].

pub mod agencies;
pub mod agencies_file;
pub mod codes;
pub mod dates;
pub mod header;
pub mod headings;
pub mod ids;
pub mod meaning;
pub mod order;
pub mod outline;
pub mod progress;
pub mod prose;
mod review;
pub mod scaffold;
pub mod structure;
pub mod write;

mod choose;
mod summary;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::load::raw::{AgenciesFile, TasksFile};
use crate::model::{Deadline, PlanId, Registry};
use crate::tables;
use header::Field;
use structure::{Imported, Task};
pub use summary::Summary;

/// What `import-plan` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The Word, spreadsheet or CSV file.
    pub file: PathBuf,
    /// The new plan's id (its directory name and permalink).
    pub id: String,
    /// Content directory.
    pub content: PathBuf,
    /// Sheet to read (spreadsheets).
    pub sheet: Option<String>,
    /// Table to read, 1-based (Word documents).
    pub table: Option<usize>,
    /// Replace an existing `tasks.yaml`.
    pub force: bool,
    /// Append unknown agency names to `agencies.yaml` for review.
    pub add_agencies: bool,
    /// Read the document as prose (numbered and bulleted paragraphs) even
    /// when it holds a table; without it, a document with no task table
    /// (`.docx`, `.odt`, `.md`, `.txt`) is read as prose.
    pub prose: bool,
}

/// Why an import or `new` could not be done: where, what, and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file concerned.
    pub file: PathBuf,
    /// What went wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl ImportError {
    fn new(file: &Path, message: impl Into<String>, help: impl Into<String>) -> Self {
        ImportError {
            file: file.to_path_buf(),
            message: message.into(),
            help: help.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: error: {}\n  help: {}",
            self.file.display(),
            self.message,
            self.help
        )
    }
}

impl std::error::Error for ImportError {}

impl From<tables::ReadError> for ImportError {
    fn from(e: tables::ReadError) -> Self {
        ImportError {
            file: e.file,
            message: e.message,
            help: e.help,
        }
    }
}

/// The directory of a plan, after checking its id.
fn plan_dir(content: &Path, id: &str) -> Result<PathBuf, ImportError> {
    if PlanId::new(id.to_string()).is_none() {
        return Err(ImportError::new(
            content,
            format!("{id:?} is not a valid plan id"),
            format!(
                "use lowercase letters, digits and hyphens, e.g. {:?}",
                crate::model::ids::slugify(id)
            ),
        ));
    }
    Ok(content.join("plans").join(id))
}

/// Writes `text` at `path` (inside `content`) through
/// [`crate::write_guard`]: never through a symbolic link, also with `--force`.
fn write_file(
    content: &Path,
    path: &Path,
    text: &str,
    mode: crate::write_guard::Mode,
) -> Result<(), ImportError> {
    let rel = path.strip_prefix(content).unwrap_or(path);
    crate::write_guard::write(content, rel, text, mode)
        .map(|_| ())
        .map_err(|e| ImportError::new(&e.path, e.message, e.help))
}

/// `minhbach new`: writes a commented `plan.md` and `tasks.yaml` for a plan
/// typed in by hand. Existing files are never replaced.
pub fn new_plan(content: &Path, id: &str) -> Result<Vec<PathBuf>, ImportError> {
    let dir = plan_dir(content, id)?;
    let plan = dir.join("plan.md");
    let tasks = dir.join("tasks.yaml");
    for p in [&plan, &tasks] {
        if p.exists() {
            return Err(ImportError::new(
                p,
                "the file already exists",
                "choose another plan id, or edit the existing files",
            ));
        }
    }
    use crate::write_guard::Mode;
    write_file(content, &plan, &scaffold::plan_md(id, None), Mode::New)?;
    write_file(content, &tasks, &scaffold::tasks_yaml(), Mode::New)?;
    Ok(vec![plan, tasks])
}

fn load_registry(
    content: &Path,
) -> Result<(Registry, HashSet<String>, Option<String>), ImportError> {
    let path = content.join("agencies.yaml");
    if !path.exists() {
        return Ok((Registry::default(), HashSet::new(), None));
    }
    let text = crate::load::read_text(&path)
        .map_err(|d| ImportError::new(&path, d.message, "check that agencies.yaml is readable"))?;
    let (value, spans) =
        crate::load::yaml::parse::<AgenciesFile>(&text, &path, 0).map_err(|d| {
            ImportError::new(
                &path,
                format!("{}: {}", d.location, d.message),
                d.help
                    .unwrap_or_else(|| "fix agencies.yaml, then import again".into()),
            )
        })?;
    let ids = value.agencies.iter().map(|a| a.id.clone()).collect();
    let loaded = crate::load::Loaded {
        path: path.clone(),
        value,
        spans,
    };
    let mut diags = crate::diagnostics::Diagnostics::default();
    let registry = crate::validate::registry(&loaded, &mut diags);
    Ok((registry, ids, Some(text)))
}

/// A cell read as naming several bodies: where, and the names.
type Split = (String, Vec<String>);

/// Unknown agency names in the lead and cooperate cells, each once with its
/// count, in first-seen order; and the cells read as naming several bodies
/// none of which the registry holds whole (where, and the names).
fn unknown_agencies(
    imported: &Imported,
    registry: &Registry,
    reference: Option<&crate::model::agency::reference::Reference>,
    summary: &Summary,
) -> (Vec<(String, usize)>, Vec<Split>) {
    let none = Registry::default();
    let fallback = reference.map_or(&none, |r| r.registry());
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut splits = Vec::new();
    for t in all_tasks(imported) {
        for f in [Field::Lead, Field::Cooperate] {
            let Some(cell) = t.get(f) else { continue };
            // Names compare without invisible characters (`Sở\u{200B} Nội vụ`).
            let cell = crate::load::files::without_invisible(cell);
            let unknown = registry.resolve_split(&cell, fallback).unknown;
            if unknown.len() > 1 {
                splits.push((
                    summary.locate(t.part, t.row, f),
                    unknown.iter().map(|u| u.text.clone()).collect(),
                ));
            }
            for u in unknown {
                match index.get(&u.text) {
                    Some(&i) => out[i].1 += 1,
                    None => {
                        index.insert(u.text.clone(), out.len());
                        out.push((u.text, 1));
                    }
                }
            }
        }
    }
    (out, splits)
}

/// Every task of the import, in order.
pub fn all_tasks(imported: &Imported) -> Vec<&Task> {
    fn walk<'a>(g: &'a structure::Group, out: &mut Vec<&'a Task>) {
        out.extend(g.goals.iter().flat_map(|x| x.tasks.iter()));
        out.extend(g.tasks.iter());
        for s in &g.groups {
            walk(s, out);
        }
    }
    let mut out = Vec::new();
    for g in &imported.groups {
        walk(g, &mut out);
    }
    out
}

/// Reads a table file and shapes it, without writing anything: the
/// imported table, the comments for its cells and the summary so far.
pub fn read(opts: &ImportOptions) -> Result<(Imported, write::Comments, Summary), ImportError> {
    let tables = tables::read(&opts.file)?;
    let (mut parts, mut remarks) = choose::choose(&opts.file, tables, opts)?;
    let mut summary = Summary::default();
    let mut comments = write::Comments::new();
    let mut imported = Imported::default();
    // One order of day and month for the whole file, from every column.
    let decision = order::decide(&parts);
    order::write_system_dates(&mut parts, decision.order);
    for (k, part) in parts.iter().enumerate() {
        let (table, header) = (&part.table, &part.header);
        let mut piece = structure::build(table, header, k);
        headings::caption(&choose::above(table, header), &mut piece);
        remarks.extend(header.remarks.iter().cloned());
        remarks.extend(table.remarks.iter().cloned());
        summary.add_part(table, header, &piece);
        match &part.appendix {
            None => {
                imported.rows.add(&piece.rows);
                imported.columns = piece.columns;
                imported.appendix = piece.appendix;
                imported.caption = piece.caption;
                imported.caption_note = piece.caption_note;
                imported.groups.extend(piece.groups);
            }
            Some(a) => {
                imported.rows.add(&piece.rows);
                imported.groups.push(headings::appendix_group(a, piece, k));
            }
        }
    }
    order::apply(
        &parts,
        &decision,
        &mut imported,
        &mut summary,
        &mut comments,
    );
    order::typed_meanings(&parts, decision.order, &imported, &mut comments);
    not_understood(&parts, &imported, &comments, decision.order, &mut summary);
    ids::assign_ids(&mut imported.groups);
    summary.offered = progress::collect(&parts, &imported);
    summary.count(&imported);
    summary.remarks = remarks;
    Ok((imported, comments, summary))
}

/// Start and deadline cells the grammar does not read cleanly, in the
/// file's order of day and month. The year only matters for the meaning,
/// not for whether a phrase is understood. A cell whose meaning the import
/// states is not listed.
fn not_understood(
    parts: &[choose::Part],
    imported: &Imported,
    comments: &write::Comments,
    order: dates::Order,
    summary: &mut Summary,
) {
    let ctx = crate::model::deadline::Context {
        year: Some(2000),
        date_order: order::grammar_order(order),
        ..Default::default()
    };
    for t in all_tasks(imported) {
        let Some(part) = parts.get(t.part) else {
            continue;
        };
        for f in [Field::Start, Field::Deadline] {
            let stated = comments
                .get(&(t.part, t.row, f))
                .is_some_and(|n| n.meaning.is_some());
            let Some(text) = t.get(f).filter(|_| !stated) else {
                continue;
            };
            let d = Deadline::read(&crate::model::deadline::vi::Vietnamese, text, ctx);
            let why = match d.flags.first() {
                Some(flag) => flag.message.clone(),
                None if !d.is_understood() => "not understood".to_string(),
                None => continue,
            };
            summary.not_understood.push((
                part.table.locate(t.row, part.header.column(f).unwrap_or(0)),
                text.to_string(),
                why,
            ));
        }
    }
}

/// `minhbach import-plan`: reads the table, writes `plans/<id>/tasks.yaml`
/// (replacing it only with `force`) and `plan.md` (only when absent), and,
/// with `add_agencies`, appends unknown agency names to `agencies.yaml`.
pub fn import(opts: &ImportOptions) -> Result<Summary, ImportError> {
    let dir = plan_dir(&opts.content, &opts.id)?;
    let tasks_path = dir.join("tasks.yaml");
    let plan_path = dir.join("plan.md");
    if tasks_path.exists() && !opts.force {
        return Err(ImportError::new(
            &tasks_path,
            "the plan already has a tasks.yaml",
            "pass --force to replace it (plan.md is never replaced), or choose another --id",
        ));
    }
    let source = opts
        .file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let (registry, ids, agencies_text) = load_registry(&opts.content)?;
    // The reference registry ships with the program; a fault in it is a
    // bug its tests keep from shipping, and only costs the reference here.
    let (reference, reference_fault) = match crate::validate::reference::builtin() {
        Ok(r) => (Some(r), None),
        Err(e) => (None, Some(e)),
    };
    let none = Registry::default();
    let reference_names = reference.map_or(&none, |r| r.registry());
    let as_prose = |why: Option<&str>| -> Result<_, ImportError> {
        let (i, c, mut s, text) = prose::import::read(opts, &registry, reference_names, &source)?;
        if let Some(w) = why {
            s.remarks.push(w.to_string());
        }
        Ok((i, c, s, Some(text)))
    };
    let (imported, comments, mut summary, plan_text) = if opts.prose {
        as_prose(None)?
    } else {
        match read(opts) {
            Ok((i, c, s)) => (i, c, s, None),
            Err(e) if prose::reads(&opts.file) && choose::is_no_table(&e) => as_prose(Some(
                "the file has no task table: it was read as prose (numbered and bulleted paragraphs)",
            ))?,
            Err(e) => return Err(e),
        }
    };
    if let Some(e) = reference_fault {
        summary.remarks.push(format!(
            "the reference registry of national bodies could not be read ({e}); this is a bug"
        ));
    }
    let yaml = write::tasks_yaml(
        &imported,
        &format!("{source} ({})", summary.table),
        &comments,
    );
    // The file must read back as the loader reads it.
    crate::load::yaml::parse::<TasksFile>(&yaml, &tasks_path, 0).map_err(|d| {
        ImportError::new(
            &tasks_path,
            format!(
                "the written YAML does not read back ({} at line {}); this is a bug",
                d.message, d.location.line
            ),
            "please report it with the file being imported",
        )
    })?;
    let (unknown, splits) = unknown_agencies(&imported, &registry, reference, &summary);
    summary.unknown_agencies = unknown;
    summary.splits = splits;
    let boot = agencies::bootstrap(&summary.unknown_agencies, &registry, reference, &ids);
    summary.variants = boot.variants.clone();
    summary.reference = boot.reference.clone();
    summary.ambiguous = boot.ambiguous.clone();
    let mut agencies_update = None;
    if opts.add_agencies && !boot.new.is_empty() {
        let path = opts.content.join("agencies.yaml");
        let current = agencies_text.unwrap_or_default();
        let text = agencies_file::with_entries(&current, &boot.new, &opts.id).ok_or_else(|| {
            ImportError::new(
                &path,
                "the new entries cannot be added: `agencies` is not a list",
                "write `agencies:` followed by `- id: ...` items (or `agencies: []`), then import again",
            )
        })?;
        crate::load::yaml::parse::<AgenciesFile>(&text, &path, 0).map_err(|d| {
            ImportError::new(
                &path,
                format!(
                    "the new entries cannot be added ({}); this is a bug",
                    d.message
                ),
                "please report it with agencies.yaml; meanwhile add the names by hand",
            )
        })?;
        summary.added_agencies = boot.new;
        agencies_update = Some((path, text));
    }
    summary.review = review::list(&imported, &summary);
    use crate::write_guard::Mode;
    let mode = if opts.force { Mode::Replace } else { Mode::New };
    write_file(&opts.content, &tasks_path, &yaml, mode)?;
    summary.written.push(tasks_path);
    if plan_path.exists() {
        summary.remarks.push(format!(
            "{} exists and was kept as it is",
            plan_path.display()
        ));
    } else {
        let text = plan_text.unwrap_or_else(|| scaffold::plan_md(&opts.id, Some(&source)));
        write_file(&opts.content, &plan_path, &text, Mode::New)?;
        summary.written.push(plan_path);
    }
    if !summary.offered.is_empty() {
        let p = progress::path(&dir);
        if p.exists() && !opts.force {
            summary.remarks.push(format!(
                "{} exists and was kept (pass --force to replace it)",
                p.display()
            ));
        } else {
            let bytes = progress::csv(&opts.id, &summary.offered);
            write_file(
                &opts.content,
                &p,
                &String::from_utf8_lossy(&bytes),
                Mode::Replace,
            )?;
            summary.written.push(p);
        }
    }
    if let Some((path, text)) = agencies_update {
        write_file(&opts.content, &path, &text, Mode::Replace)?;
        summary.written.push(path);
    }
    Ok(summary)
}
