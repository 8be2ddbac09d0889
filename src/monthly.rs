//! The office's monthly round trip at the command line: `report-forms`
//! (forms out to every agency) and `import-report` (answers back in), with
//! progress on a terminal and one summary line per file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use minhbach::import::batch::{self, Context};
use minhbach::import::catalog::TaskCatalog;
use minhbach::import::words::StatusWords;
use minhbach::import::ReportMeta;
use minhbach::progress::Progress;

use super::print_diagnostics;

/// Loads the content, or prints why not.
fn model(content: &Path) -> Result<minhbach::model::Model, ()> {
    let (model, diags) = minhbach::load_model(content, None);
    match model {
        Some(m) if !diags.has_errors() => Ok(m),
        _ => {
            print_diagnostics(&diags);
            eprintln!(
                "the content in {} has errors: fix them (see `minhbach check`) first",
                content.display()
            );
            Err(())
        }
    }
}

/// `report-forms`.
pub fn run(content: &Path, opts: &minhbach::forms::FormOptions, quiet: bool) -> Result<(), ()> {
    let model = model(content)?;
    let theme = minhbach::load_theme(None, content).map_err(|e| eprintln!("error: {e}"))?;
    let total = minhbach::forms::rows::forms(&model, &opts.agencies)
        .map(|f| f.len())
        .unwrap_or(0);
    let bar = Progress::new(total as u64, "forms", quiet);
    let written = minhbach::forms::write_forms(&model, &theme.i18n, opts, &mut |p, n| {
        bar.inc();
        bar.line(&format!("{}: {n} task(s)", p.display()));
    });
    bar.finish();
    match written {
        Ok(files) => {
            eprintln!(
                "wrote {} form(s) for {} into {}; send them out, then bring the answers in with `minhbach import-report {} --period {} --date YYYY-MM-DD --out {}`",
                files.len(),
                opts.period,
                opts.out.display(),
                opts.out.display(),
                opts.period,
                content.join("reports").join(format!("{}.yaml", opts.period)).display()
            );
            Ok(())
        }
        Err(d) => {
            eprintln!("{d}");
            Err(())
        }
    }
}

/// What `import-report` is given.
pub struct ImportArgs {
    /// Files and folders.
    pub files: Vec<PathBuf>,
    /// Period, date, issuer, number, century.
    pub meta: ReportMeta,
    /// The report file to write.
    pub out: Option<PathBuf>,
    /// The content folder.
    pub content: PathBuf,
    /// Replace `out`.
    pub force: bool,
    /// Write nothing when a row is rejected.
    pub strict: bool,
    /// Where the rejected rows go.
    pub rejected: Option<PathBuf>,
    /// No progress bar.
    pub quiet: bool,
}

/// `import-report`.
pub fn import(a: &ImportArgs) -> Result<(), ()> {
    let files = batch::expand(&a.files).map_err(|d| eprintln!("{d}"))?;
    // Without a content folder, tasks are taken as ids (checked later).
    let model = if a.content.is_dir() {
        Some(model(&a.content)?)
    } else {
        eprintln!(
            "note: no content folder at {}: tasks are taken as ids, unchecked (pass --content to match them)",
            a.content.display()
        );
        None
    };
    let words = match minhbach::load_theme(None, &a.content) {
        Ok(t) if model.is_some() => StatusWords::from_i18n(&t.i18n),
        _ => StatusWords::embedded(),
    };
    if let Some(m) = &model {
        if a.meta.date > m.site.as_of {
            eprintln!(
                "warning: the report is dated {}, after the site's as-of date {}: its statuses show only when the site is built as of that date or later (set `as_of` in site.yaml, or build with --as-of {})",
                a.meta.date, m.site.as_of, a.meta.date
            );
        }
    }
    let catalog = model.as_ref().map(TaskCatalog::new);
    let agencies: Option<HashSet<String>> = model
        .as_ref()
        .map(|m| m.registry.all().iter().map(|x| x.id.to_string()).collect());
    let ctx = Context {
        meta: &a.meta,
        catalog: catalog.as_ref(),
        agencies: agencies.as_ref(),
        words: &words,
    };
    let bar = Progress::new(files.len() as u64, "import", a.quiet);
    let result = batch::import(&files, &ctx, a.strict, &mut |o| {
        bar.inc();
        let who = o
            .agency
            .as_deref()
            .map(|x| format!(" (form of {x})"))
            .unwrap_or_default();
        let line = match &o.failed {
            Some(_) => format!("{}{who}: not read (see below)", o.path.display()),
            None => format!(
                "{}{who}: {} taken, {} blank, {} rejected",
                o.path.display(),
                o.taken,
                o.blank,
                o.rejected
            ),
        };
        bar.line(&line);
    });
    bar.finish();
    print_diagnostics(&result.diagnostics);
    let taken: usize = result.files.iter().map(|f| f.taken).sum();
    let mut ok = result.clean();
    if !result.rejected.is_empty() {
        eprintln!(
            "{} row(s) rejected: the other {taken} row(s) are {}",
            result.rejected.len(),
            if result.yaml.is_some() {
                "kept"
            } else {
                "not written (--strict)"
            }
        );
    }
    let Some(yaml) = &result.yaml else {
        eprintln!("nothing written");
        return Err(());
    };
    let rejected_to = a.rejected.clone().or_else(|| {
        a.out.as_ref().map(|o| {
            let mut s = o.clone().into_os_string();
            s.push(".rejected.xlsx");
            PathBuf::from(s)
        })
    });
    if let (Some(to), true) = (&rejected_to, result.rejected.is_empty()) {
        if to.exists() {
            eprintln!(
                "note: {} is from an earlier import: no row is rejected this time",
                to.display()
            );
        }
    }
    // The report first: when it may not be written (a file there and no
    // --force), nothing is, not even the rejected rows' workbook.
    if let Some(out) = &a.out {
        match minhbach::import::write::write_report(out, &a.content, yaml, a.force) {
            Ok(p) => eprintln!(
                "wrote {} ({taken} entries); run `minhbach check` to validate it",
                p.display()
            ),
            Err(d) => {
                eprintln!("{d}");
                return Err(());
            }
        }
    }
    if let (Some(to), false) = (&rejected_to, result.rejected.is_empty()) {
        let theme = minhbach::load_theme(None, &a.content).ok();
        let lang = model.as_ref().map_or("vi", |m| m.site.language.as_str());
        let say = |k: &str| match &theme {
            Some(t) => t.i18n.locale(lang).say(k),
            None => k.to_string(),
        };
        let h = minhbach::import::rejected::Headings {
            row: say("form.rejected_row"),
            cell: say("form.rejected_cell"),
            problem: say("form.rejected_problem"),
            fix: say("form.rejected_fix"),
        };
        match minhbach::import::rejected::write(to, &result.rejected, &h, a.force) {
            Ok(()) => eprintln!(
                "wrote the rejected rows to {}: send them back to be corrected",
                to.display()
            ),
            Err(e) => {
                eprintln!("error: cannot write the rejected rows: {e}");
                ok = false;
            }
        }
    }
    if a.out.is_none() {
        print!("{yaml}");
    }
    if ok {
        Ok(())
    } else {
        Err(())
    }
}
