//! minhbach: compiles YAML task data and Markdown plan narratives into a
//! static transparency dashboard.
//!
//! The pipeline follows the module tree: [`load`] reads content files,
//! [`validate`] turns them into the [`model`], [`derive`](mod@derive) computes statuses
//! and indexes, [`render`] fills the theme's templates and [`output`] writes
//! the site atomically.

pub mod derive;
pub mod diagnostics;
pub mod forms;
pub mod import;
pub mod import_plan;
pub mod limits;
pub mod load;
/// The model, a crate of its own (`crates/model`).
pub use minhbach_model as model;
pub mod output;
pub mod progress;
pub mod render;
pub mod serve;
pub mod tables;
pub mod timing;
pub mod validate;
pub mod write_guard;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use diagnostics::{Diagnostic, Diagnostics, Location};
use model::Model;

/// What `build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Content directory.
    pub content: PathBuf,
    /// Output directory (replaced only when the build succeeds).
    pub output: PathBuf,
    /// Overrides `site.yaml`'s as-of date.
    pub as_of: Option<NaiveDate>,
    /// Theme directory; `None` uses the built-in default theme.
    pub theme: Option<PathBuf>,
    /// Overrides `site.yaml`'s `base_url` (the address the site is published at).
    pub base_url: Option<String>,
    /// Re-render archived snapshots instead of keeping the published ones.
    pub refresh_snapshots: bool,
    /// The build is meant for publishing (the `build` command): warn about
    /// what a published site needs, such as a base URL. Off for previews
    /// (`serve`) and library callers.
    pub publishing: bool,
    /// Replace an output folder that minhbach did not build (it has no
    /// marker file) and that holds files.
    pub force: bool,
}

impl BuildOptions {
    /// Options for building `content` into `output` with every default:
    /// the as-of date and base URL of `site.yaml`, the built-in theme, and
    /// published snapshots kept.
    pub fn new(content: impl Into<PathBuf>, output: impl Into<PathBuf>) -> Self {
        BuildOptions {
            content: content.into(),
            output: output.into(),
            as_of: None,
            theme: None,
            base_url: None,
            refresh_snapshots: false,
            publishing: false,
            force: false,
        }
    }
}

/// The outcome of `check` or `build`.
#[derive(Debug, Default)]
pub struct Report {
    /// Every problem found.
    pub diagnostics: Diagnostics,
    /// One line saying what was checked or built.
    pub summary: String,
    /// What the output folder holds after `build` (always `Unchanged` for `check`).
    pub output: output::OutputState,
    /// What `build` wrote, compared with the previous output.
    pub written: Option<output::WriteStats>,
    /// The site's language, once its content loaded (the preview server
    /// speaks it).
    pub language: Option<String>,
    /// Wall time of each stage of `build` (for the bench; never in the site).
    pub stages: timing::Timings,
}

/// Loads and validates content: stages 1 and 2, the site's languages
/// checked against the default theme's.
pub fn load_model(content: &Path, as_of: Option<NaiveDate>) -> (Option<Model>, Diagnostics) {
    load_model_for(content, as_of, &default_languages())
}

/// Loads and validates content for a theme speaking `languages`.
pub fn load_model_for(
    content: &Path,
    as_of: Option<NaiveDate>,
    languages: &[String],
) -> (Option<Model>, Diagnostics) {
    match load::load(content) {
        Ok(mut raw) => {
            let (model, mut diags) = validate::validate(&mut raw, as_of);
            validate::languages::check(&raw, languages, &mut diags);
            if diags.has_errors() {
                return (None, diags);
            }
            (model, diags)
        }
        Err(d) => (None, d),
    }
}

/// The languages of the default theme.
fn default_languages() -> Vec<String> {
    render::i18n::I18n::embedded()
        .map(|i| i.languages())
        .unwrap_or_else(|_| vec![render::i18n::REFERENCE.to_string()])
}

/// The theme (`None`: the built-in one) with the project's own words
/// (`<content>/i18n/<lang>.toml`) laid over its i18n files.
pub fn load_theme(
    dir: Option<&Path>,
    content: &Path,
) -> Result<render::theme::Theme, render::RenderError> {
    let mut theme = match dir {
        Some(dir) => render::theme::Theme::from_dir(dir)?,
        None => render::theme::Theme::embedded()?,
    };
    let own = content.join("i18n");
    if own.is_dir() {
        theme.overlay_i18n(&own)?;
    }
    Ok(theme)
}

/// The translation problems of a theme (`None`: the default theme) as
/// diagnostics on its i18n files: a key missing in the reference language
/// is an error, an untranslated or unused key a warning.
pub fn i18n_diagnostics(theme: &render::theme::Theme, dir: Option<&Path>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let base = dir.unwrap_or(Path::new("themes/default"));
    for p in theme.i18n_problems() {
        let loc = Location::file(&base.join("i18n").join(format!("{}.toml", p.lang)));
        let (message, help) = p.message();
        let d = if p.is_error() {
            Diagnostic::error(loc, message)
        } else {
            Diagnostic::warning(loc, message)
        };
        diags.push(d.with_help(help));
    }
    diags
}

fn summary(m: &Model) -> String {
    let tasks: usize = m.plans.iter().map(|p| p.tasks.len()).sum();
    format!(
        "{} plans, {} tasks, {} agencies, as of {}",
        m.plans.len(),
        tasks,
        m.registry.all().len(),
        m.site.as_of
    )
}

/// The theme (from `dir`, else the built-in one with the project's word
/// overrides in `content`) and the languages its words are given in,
/// which validation needs (the default ones when the theme fails, so that
/// the content is still checked): set up once for check, build and
/// render alike.
fn theme_and_languages(
    dir: Option<&Path>,
    content: &Path,
) -> (
    Result<render::theme::Theme, render::RenderError>,
    Vec<String>,
) {
    let theme = load_theme(dir, content);
    let languages = match &theme {
        Ok(t) => t.i18n.languages(),
        Err(_) => default_languages(),
    };
    (theme, languages)
}

/// Validates content and the default theme's translations without
/// writing anything.
pub fn check(content: &Path, as_of: Option<NaiveDate>) -> Report {
    let (theme, languages) = theme_and_languages(None, content);
    let (model, mut diagnostics) = load_model_for(content, as_of, &languages);
    match theme {
        Ok(t) => diagnostics.extend(i18n_diagnostics(&t, None)),
        Err(e) => diagnostics.push(Diagnostic::error(
            Location::file(Path::new("themes/default")),
            e.to_string(),
        )),
    }
    Report {
        summary: model.as_ref().map(summary).unwrap_or_default(),
        diagnostics,
        ..Report::default()
    }
}

/// The rendered site: the model it came from, its files, and the months
/// whose published snapshots are to be kept from the previous output.
pub struct Rendered {
    /// The validated model.
    pub model: Model,
    /// Every file, except the kept snapshots.
    pub files: Vec<render::OutFile>,
    /// Snapshot months to copy from the previous output.
    pub kept_snapshots: Vec<String>,
}

/// Renders the site in memory (stages 1–4), without writing. Snapshots
/// already published in `opts.output` are kept, not rendered again.
pub fn render_site(opts: &BuildOptions) -> (Option<Rendered>, Diagnostics) {
    let (theme, languages) = theme_and_languages(opts.theme.as_deref(), &opts.content);
    let old = output::OldOutput::index(&opts.output).ok();
    let published = |archive: &str| {
        old.as_ref()
            .map(|o| o.snapshot_months(archive))
            .unwrap_or_default()
    };
    let (model, diags) = load_model_for(&opts.content, opts.as_of, &languages);
    match model {
        Some(model) => render_model(opts, theme, model, diags, &published),
        None => (None, diags),
    }
}

/// Stages 3–4 for a validated model: derive, then render with `theme`,
/// leaving out the snapshots of the `published` months.
/// What the render stage starts from: the model with its derived facts,
/// the theme, and the published snapshot months to keep.
struct Prepared {
    model: Model,
    derived: derive::Derived,
    theme: render::theme::Theme,
    kept_snapshots: Vec<String>,
    /// `ban-luu/`: the snapshots' folder, in the site language's words.
    archive: String,
}

fn render_model(
    opts: &BuildOptions,
    theme: Result<render::theme::Theme, render::RenderError>,
    model: Model,
    diags: Diagnostics,
    published: &dyn Fn(&str) -> Vec<String>,
) -> (Option<Rendered>, Diagnostics) {
    let (prepared, mut diags) = prepare(opts, theme, model, diags, published);
    let Some(p) = prepared else {
        return (None, diags);
    };
    match render::render(&p.model, &p.derived, &p.theme, &p.kept_snapshots) {
        Ok(files) => (
            Some(Rendered {
                model: p.model,
                files,
                kept_snapshots: p.kept_snapshots,
            }),
            diags,
        ),
        Err(e) => {
            diags.push(theme_error(opts, &e));
            (None, diags)
        }
    }
}

/// A render error as a diagnostic on the theme.
fn theme_error(opts: &BuildOptions, e: &render::RenderError) -> Diagnostic {
    let loc = Location::file(opts.theme.as_deref().unwrap_or(Path::new("themes/default")));
    Diagnostic::error(loc, e.to_string())
}

/// Checks the options against the model, derives its facts and loads the
/// theme: everything rendering needs, whether into memory or a sink.
fn prepare(
    opts: &BuildOptions,
    theme: Result<render::theme::Theme, render::RenderError>,
    mut model: Model,
    mut diags: Diagnostics,
    published: &dyn Fn(&str) -> Vec<String>,
) -> (Option<Prepared>, Diagnostics) {
    if let Some(b) = &opts.base_url {
        match validate::site::base_url(b, Location::file(Path::new("--base-url"))) {
            Ok(b) => model.site.base_url = Some(b),
            Err(d) => {
                diags.push(d);
                return (None, diags);
            }
        }
    }
    let theme = match theme {
        Ok(t) => t,
        Err(e) => {
            diags.push(theme_error(opts, &e));
            return (None, diags);
        }
    };
    // The snapshots' folder is named in the site language's words.
    let archive_paths = theme.i18n.locale(&model.site.language).paths().clone();
    if opts.publishing && model.site.base_url.is_none() {
        diags.push(
            Diagnostic::warning(
                Location::file(&opts.content.join("site.yaml")),
                format!(
                    "no base URL is set: permalinks and citations show paths such as /{}/…/, and the sitemap and calendar links cannot be absolute",
                    archive_paths.plans
                ),
            )
            .with_help("before publishing, set `base_url: https://your-site.example/` in site.yaml or pass `--base-url https://your-site.example/` to build"),
        );
    }
    let derived = derive::Derived::new(&model);
    // Snapshots already published are kept, not rendered again.
    let kept_snapshots: Vec<String> = if opts.refresh_snapshots {
        Vec::new()
    } else {
        let produced: std::collections::HashSet<String> =
            render::snapshot::snapshots(&model, &archive_paths)
                .iter()
                .map(|s| model.reports[s.report].period())
                .collect();
        published(&archive_paths.archive)
            .iter()
            .filter(|m| produced.contains(*m))
            .cloned()
            .collect()
    };
    (
        Some(Prepared {
            model,
            derived,
            theme,
            kept_snapshots,
            archive: render::i18n::Paths::index(&archive_paths.archive),
        }),
        diags,
    )
}

/// The longest text of the content, named: what most likely made the
/// site pass its output limit (a text is copied into many pages and files).
fn largest_text(m: &Model, site_yaml: &Path) -> Diagnostic {
    let mut best: Option<(usize, String)> = None;
    let mut consider = |len: usize, what: &dyn Fn() -> String| {
        if best.as_ref().is_none_or(|(b, _)| len > *b) {
            best = Some((len, what()));
        }
    };
    for p in &m.plans {
        for t in &p.tasks {
            for (field, text) in [
                ("task", t.text.as_deref()),
                ("output", t.output.as_deref()),
                ("goal", t.goal.as_deref()),
                ("note", t.note.as_deref()),
                ("lead", Some(t.lead.text.as_str())),
                ("cooperate", Some(t.cooperate.text.as_str())),
            ] {
                if let Some(text) = text {
                    consider(text.len(), &|| {
                        format!(
                            "`{field}` of task {}/{} (plans/{}/tasks.yaml, line {})",
                            p.id, t.id, p.id, t.line
                        )
                    });
                }
            }
        }
    }
    let largest = match best {
        Some((len, what)) => format!(
            "the longest text of the content is the {what}, {len} bytes; shorten it if it is longer than it should be"
        ),
        None => "the content holds no long text".to_string(),
    };
    Diagnostic::error(
        Location::file(site_yaml),
        format!("the site passed its output limit: {largest}"),
    )
    .with_help(limits::OUTPUT_BYTES.fix)
}

/// The input directories the output may not overlap.
fn inputs(opts: &BuildOptions, base: Option<&Path>) -> Vec<output::Protected> {
    let mut dirs = vec![output::Protected::new(
        "the content directory",
        &opts.content,
    )];
    if let Some(b) = base {
        dirs.push(output::Protected::new("the base content directory", b));
    }
    if let Some(t) = &opts.theme {
        dirs.push(output::Protected::new("the theme directory", t));
    }
    dirs
}

/// Checks that `opts.output` may be replaced (see [`output::Target::check`]),
/// before any work: it may not overlap the content, its `base:` directory
/// or the theme, nor be a folder of files minhbach did not build.
pub fn check_output(opts: &BuildOptions) -> Result<output::Target, output::OutputError> {
    let base = load::load(&opts.content).ok().and_then(|r| r.base);
    output::Target::check(&opts.output, &inputs(opts, base.as_deref()), opts.force)
}

/// Builds the site into `opts.output`, replacing it only on success and
/// writing only the files whose bytes changed.
pub fn build(opts: &BuildOptions) -> Report {
    let mut report = Report::default();
    let mut stages = timing::Stages::start();
    let fail = |mut report: Report, e: output::OutputError| {
        report.output = e.state();
        report.diagnostics.push(
            Diagnostic::error(Location::file(&opts.output), e.to_string()).with_help(e.help()),
        );
        report
    };
    let mut raw = match load::load(&opts.content) {
        Ok(raw) => raw,
        Err(d) => {
            report.diagnostics = d;
            // Even so, an output left absent by a killed build is put back.
            let target = output::Target::check(&opts.output, &inputs(opts, None), opts.force);
            if let Err(e) = target.and_then(|t| output::swap::recover(&t)) {
                return fail(report, e);
            }
            return report;
        }
    };
    // The output is checked and any interrupted build recovered before any
    // work, so a refused folder costs nothing and is never touched.
    let target =
        match output::Target::check(&opts.output, &inputs(opts, raw.base.as_deref()), opts.force) {
            Ok(t) => t,
            Err(e) => return fail(report, e),
        };
    if let Err(e) = output::swap::recover(&target) {
        return fail(report, e);
    }
    stages.lap("load");
    let old = match output::OldOutput::index(&target.out) {
        Ok(o) => o,
        Err(e) => return fail(report, e),
    };
    stages.lap("index previous output");
    let (theme, languages) = theme_and_languages(opts.theme.as_deref(), &opts.content);
    let (model, mut diagnostics) = validate::validate(&mut raw, opts.as_of);
    validate::languages::check(&raw, &languages, &mut diagnostics);
    drop(raw);
    if let Some(m) = &model {
        report.language = Some(m.site.language.as_str().to_string());
    }
    let model = model.filter(|_| !diagnostics.has_errors());
    let Some(model) = model else {
        report.diagnostics = diagnostics;
        return report;
    };
    stages.lap("theme and validate");
    let (prepared, diagnostics) = prepare(opts, theme, model, diagnostics, &|archive: &str| {
        old.snapshot_months(archive)
    });
    report.diagnostics = diagnostics;
    let Some(Prepared {
        model,
        derived,
        theme,
        kept_snapshots,
        archive,
    }) = prepared
    else {
        return report;
    };
    for m in &kept_snapshots {
        for odd in old.odd_under(&format!("{archive}{m}/")) {
            report.diagnostics.push(
                Diagnostic::warning(
                    Location::file(&target.out.join(&odd)),
                    "this entry of a published snapshot is not a regular file (a symlink?); it was not followed and is not published",
                )
                .with_help("published snapshots hold only the files minhbach wrote; remove it"),
            );
        }
    }
    // The render stage streams every file into the staging folder as soon
    // as it is made; only a few pages are in memory at once.
    let mut staging = match output::Staging::begin(target, old) {
        Ok(s) => s,
        Err(e) => return fail(report, e),
    };
    staging.limit_output(model.site.max_output_bytes);
    for m in &kept_snapshots {
        if let Err(e) = staging.keep_tree(&format!("{archive}{m}/")) {
            return fail(report, e);
        }
    }
    stages.lap("derive");
    match render::render_to(&model, &derived, &theme, &kept_snapshots, &staging) {
        Ok(handed) => stages.extend(&handed.stages),
        Err(e) => {
            // Dropping the staging folder leaves the output as it was.
            return match e {
                render::RenderError::Output {
                    source: source @ output::OutputError::Limit { .. },
                    ..
                } => {
                    let mut report = fail(report, source);
                    report
                        .diagnostics
                        .push(largest_text(&model, &opts.content.join("site.yaml")));
                    report
                }
                render::RenderError::Output { source, .. } => fail(report, source),
                e => {
                    report.diagnostics.push(theme_error(opts, &e));
                    report
                }
            };
        }
    }
    let committed = staging.commit();
    stages.lap("swap in");
    report.stages = stages.finish();
    match committed {
        Ok(stats) => {
            report.output = output::OutputState::Replaced;
            report.summary = format!(
                "{} ({} files: {stats})",
                summary(&model),
                stats.added + stats.changed + stats.kept
            );
            report.written = Some(stats);
            report
        }
        Err(e) => fail(report, e),
    }
}
