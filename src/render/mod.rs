//! Stage 4 of the pipeline: pages from templates. Produces every file of the
//! site in memory; writing them is the output stage's job.

pub mod calendar;
pub mod chart_data;
pub mod charts;
pub mod csv;
pub mod data;
pub mod feeds;
pub mod i18n;
pub mod ics;
pub mod markdown;
pub mod numbers;
pub mod pages;
pub mod reports;
pub mod revised;
pub mod search;
pub mod snapshot;
pub mod state_colours;
pub mod summary;
pub mod task_ref;
pub mod theme;
pub mod urls;
pub mod views;

use rayon::prelude::*;
use thiserror::Error;

use crate::derive::{Derived, TaskRef};
use crate::model::Model;
use pages::PageSpec;
use theme::Theme;

/// Errors of the render stage.
#[derive(Debug, Error)]
pub enum RenderError {
    /// A template failed to parse or render.
    #[error("template {template}: {message}")]
    Template {
        /// Template name.
        template: String,
        /// What went wrong.
        message: String,
    },
    /// A theme file could not be read.
    #[error("theme file {path}: {message}")]
    Theme {
        /// File path.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// A file of the built site.
pub struct OutFile {
    /// Path relative to the output directory, with `/` separators.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Renders every page of the site, except the snapshots of the months in
/// `published` (their published copies are kept instead).
pub fn render(
    model: &Model,
    derived: &Derived,
    theme: &Theme,
    published: &[String],
) -> Result<Vec<OutFile>, RenderError> {
    let charts = chart_data::all(model, derived, &theme.states);
    let (data_files, downloads) = data::files(model, derived);
    let mut home = pages::home(model, derived);
    home.context.insert("chart", &charts.first());
    let mut specs: Vec<PageSpec> = vec![
        home,
        pages::charts(&charts),
        pages::data(model, &downloads, &charts),
        pages::search(model, derived),
        pages::plans(model, derived),
        pages::agencies(model, derived),
        pages::status(model, derived),
        reports::index(model),
    ];
    for pi in 0..model.plans.len() {
        specs.push(pages::plan(model, derived, pi));
    }
    for a in model.registry.all() {
        specs.push(pages::agency(model, derived, a));
    }
    let months = calendar::month_range(derived);
    specs.push(calendar::index(model, derived, &months));
    for ym in &months {
        specs.push(calendar::month(model, derived, *ym, &months));
    }
    specs.extend((0..model.reports.len()).map(|k| reports::report(model, k)));
    let task_refs: Vec<TaskRef> = model
        .plans
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..p.tasks.len()).map(move |ti| TaskRef { plan: pi, task: ti }))
        .collect();
    specs.extend(
        task_refs
            .par_iter()
            .map(|r| pages::task(model, derived, *r))
            .collect::<Vec<_>>(),
    );
    let snaps = snapshot::snapshots(model);
    let mut files: Vec<OutFile> = specs
        .into_par_iter()
        .map(|mut spec| {
            let archives = snapshot::archive_links(model, &snaps, &spec.dir);
            spec.context.insert("archives", &archives);
            render_page(model, derived, theme, spec, "")
        })
        .collect::<Result<_, _>>()?;
    for snap in &snaps {
        if published.contains(&model.reports[snap.report].period()) {
            continue;
        }
        let (d, specs) = snapshot::pages(model, snap);
        let rendered: Vec<OutFile> = specs
            .into_par_iter()
            .map(|mut spec| {
                spec.context.insert("snapshot_of", &{
                    let r = &model.reports[snap.report];
                    format!("{:02}/{}", r.month, r.year)
                });
                spec.context.insert("live_href", &urls::href(&spec.dir));
                render_page(model, &d, theme, spec, &snap.root)
            })
            .collect::<Result<_, _>>()?;
        files.extend(rendered);
    }
    let locale = theme.i18n.locale(&model.site.language);
    let ics_words = ics::IcsWords::new(&locale).map_err(|e| RenderError::Theme {
        path: "i18n".into(),
        message: e.to_string(),
    })?;
    files.extend(calendar::feeds(model, derived, &ics_words));
    files.extend(data_files);
    files.extend(search::index(model, derived).0);
    for c in &charts {
        files.push(OutFile {
            path: format!("bieu-do/{}", c.csv),
            bytes: data::chart_csv(model, &c.headers, &c.rows),
        });
    }
    for (name, bytes) in &theme.assets {
        files.push(OutFile {
            path: format!("tai-nguyen/{name}"),
            bytes: bytes.clone(),
        });
    }
    files.push(feeds::atom(model, theme)?);
    files.push(feeds::robots(model));
    if let Some(s) = feeds::sitemap(model, theme, &files)? {
        files.push(s);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn render_page(
    model: &Model,
    derived: &Derived,
    theme: &Theme,
    spec: PageSpec,
    prefix: &str,
) -> Result<OutFile, RenderError> {
    let mut ctx = spec.context;
    let dir = format!("{prefix}{}", spec.dir);
    let place = pages::Place {
        dir: &dir,
        root: urls::root_from(&spec.dir),
        site_root: urls::root_from(&dir),
    };
    pages::common(model, derived, &place, &mut ctx);
    // The as-of date in the words of the page's language.
    let as_of = theme
        .i18n
        .locale(&model.site.language)
        .date(derived.as_of)
        .map_err(|e| RenderError::Theme {
            path: "i18n".into(),
            message: e.to_string(),
        })?;
    ctx.insert("as_of", &as_of);
    ctx.insert("title", &spec.title);
    ctx.insert("description", &spec.description);
    let html = theme
        .tera_for(&model.site.language)
        .render(spec.template, &ctx)
        .map_err(|e| RenderError::Template {
            template: spec.template.to_string(),
            message: theme::error_chain(&e),
        })?;
    Ok(OutFile {
        path: format!("{dir}index.html"),
        bytes: html.into_bytes(),
    })
}
