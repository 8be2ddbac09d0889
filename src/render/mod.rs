//! Stage 4 of the pipeline: pages from templates. Produces every file of the
//! site in memory; writing them is the output stage's job.

pub mod calendar;
pub mod ics;
pub mod markdown;
pub mod pages;
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

/// Renders every page of the site.
pub fn render(
    model: &Model,
    derived: &Derived,
    theme: &Theme,
) -> Result<Vec<OutFile>, RenderError> {
    let mut specs: Vec<PageSpec> = vec![
        pages::home(model, derived),
        pages::plans(model, derived),
        pages::agencies(model, derived),
        pages::status(model, derived),
    ];
    for pi in 0..model.plans.len() {
        specs.push(pages::plan(model, derived, pi));
    }
    let months = calendar::month_range(derived);
    specs.push(calendar::index(model, derived, &months));
    for ym in &months {
        specs.push(calendar::month(model, derived, *ym, &months));
    }
    for a in model.registry.all() {
        specs.push(pages::agency(model, derived, a));
    }
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
    let mut files: Vec<OutFile> = specs
        .into_par_iter()
        .map(|spec| render_page(model, theme, spec))
        .collect::<Result<_, _>>()?;
    files.extend(calendar::feeds(model, derived));
    for (name, bytes) in &theme.assets {
        files.push(OutFile {
            path: format!("tai-nguyen/{name}"),
            bytes: bytes.clone(),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn render_page(model: &Model, theme: &Theme, spec: PageSpec) -> Result<OutFile, RenderError> {
    let mut ctx = spec.context;
    let title = page_title(&ctx);
    pages::common(model, &spec.dir, &title, &mut ctx);
    let html = theme
        .tera
        .render(spec.template, &ctx)
        .map_err(|e| RenderError::Template {
            template: spec.template.to_string(),
            message: theme::error_chain(&e),
        })?;
    Ok(OutFile {
        path: format!("{}index.html", spec.dir),
        bytes: html.into_bytes(),
    })
}

fn page_title(ctx: &tera::Context) -> String {
    ctx.get("page_title")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
