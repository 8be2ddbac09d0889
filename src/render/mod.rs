//! Stage 4 of the pipeline: pages from templates. Every file is handed to a
//! [`Sink`] as soon as it is made, so the site never sits whole in memory;
//! writing it is the output stage's job.

pub mod calendar;
pub mod chart_data;
pub mod chart_files;
pub mod charts;
pub mod cite;
pub mod csv;
pub mod data;
pub mod data_rows;
pub mod edition;
pub mod feeds;
pub mod frame;
pub mod history;
pub mod i18n;
pub mod ics;
pub mod jobs;
pub mod json_lines;
pub mod lists;
pub mod markdown;
pub mod numbers;
pub mod page;
pub mod pages;
pub mod report_link;
pub mod reporting;
pub mod reports;
pub mod revised;
pub mod search;
pub mod snapshot;
pub mod split;
pub mod state_colours;
pub mod summary;
pub mod task_record;
pub mod task_ref;
pub mod task_row;
pub mod theme;
pub mod time_view;
pub mod urls;
pub mod views;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use thiserror::Error;

use crate::derive::Derived;
use crate::model::report::ReportKind;
use crate::model::Model;
pub use crate::output::OutFile;
use crate::output::{MemorySink, OutputError, Pieces, Sink};
use edition::{Edition, Lang};
use frame::Site;
use jobs::SiteParts;
use lists::PlanRows;
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
    /// The output stage could not take a rendered file.
    #[error("{path}: {source}")]
    Output {
        /// The file being handed over.
        path: String,
        /// Why the output stage refused it.
        #[source]
        source: OutputError,
    },
}

/// What is kept of a file once handed to the sink: its path and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Path relative to the output directory.
    pub path: String,
    /// Size in bytes.
    pub len: usize,
}

/// Jobs run in parallel in batches of this many, so at most one batch of
/// page contexts and rendered pages is alive at once.
const BATCH: usize = 256;

/// What the render stage handed to the sink: a record of each live file
/// (for the sitemap and the summary), and the number of archived files
/// (snapshots are many and need no record).
#[derive(Debug, Default)]
pub struct Handed {
    /// Every file outside `ban-luu/`, sorted by path.
    pub live: Vec<Written>,
    /// Number of files written under `ban-luu/`.
    pub archived: usize,
    /// Wall time of each part of the render stage.
    pub stages: crate::timing::Timings,
}

impl Handed {
    /// Number of files written.
    pub fn count(&self) -> usize {
        self.live.len() + self.archived
    }
}

/// The sink and the records of what went into it.
struct Out<'a> {
    sink: &'a dyn Sink,
    records: Mutex<Vec<Written>>,
    archived: AtomicUsize,
    /// `ban-luu/`: files below it are snapshots, counted but not recorded.
    archive: String,
}

impl Out<'_> {
    fn put(&self, f: OutFile) -> Result<(), RenderError> {
        self.sink
            .put(&f.path, &f.bytes)
            .map_err(|source| RenderError::Output {
                path: f.path.clone(),
                source,
            })?;
        self.record(f.path, f.bytes.len());
        Ok(())
    }

    /// [`Out::put`] for a file handed in pieces; returns its size.
    fn put_pieces(&self, path: &str, pieces: &Pieces) -> Result<usize, RenderError> {
        let len = self
            .sink
            .put_pieces(path, pieces)
            .map_err(|source| RenderError::Output {
                path: path.to_string(),
                source,
            })?;
        self.record(path.to_string(), len);
        Ok(len)
    }

    fn record(&self, path: String, len: usize) {
        if path.starts_with(&self.archive) {
            self.archived.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let mut r = self.records.lock().unwrap_or_else(|p| p.into_inner());
        r.push(Written { path, len });
    }
}

/// Runs `f` on every item, in parallel, a batch at a time; the results
/// come back in the items' order, whatever thread finished first.
fn run<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> Result<R, RenderError> + Sync + Send,
) -> Result<Vec<R>, RenderError> {
    let mut all = Vec::with_capacity(items.len());
    for chunk in items.chunks(BATCH) {
        let part: Vec<R> = chunk.par_iter().map(&f).collect::<Result<_, _>>()?;
        all.extend(part);
    }
    Ok(all)
}

/// Runs `f` on every item in parallel, for jobs that hand their file to
/// the sink themselves: no thread waits for a batch to finish, and only
/// the pages being made (one per thread) are in memory.
fn each<T: Sync>(
    items: &[T],
    f: impl Fn(&T) -> Result<(), RenderError> + Sync + Send,
) -> Result<(), RenderError> {
    items.par_iter().try_for_each(f)
}

/// Renders every page of the site in memory, except the snapshots of the
/// months in `published` (their published copies are kept instead).
pub fn render(
    model: &Model,
    derived: &Derived,
    theme: &Theme,
    published: &[String],
) -> Result<Vec<OutFile>, RenderError> {
    let sink = MemorySink::default();
    render_to(model, derived, theme, published, &sink)?;
    Ok(sink.into_files())
}

/// An i18n lookup that failed while rendering, as a theme error.
pub fn i18n_error(e: impl std::fmt::Display) -> RenderError {
    RenderError::Theme {
        path: "i18n".into(),
        message: e.to_string(),
    }
}

/// The languages the site is rendered in: its own `language` first (at
/// the root), then each of `ui_languages` (under `<code>/`), each with its
/// words and path words.
fn languages(model: &Model, theme: &Theme) -> Result<Vec<i18n::Locale>, RenderError> {
    let mut codes = vec![model.site.language.clone()];
    for l in &model.site.ui_languages {
        if !codes.contains(l) {
            codes.push(l.clone());
        }
    }
    let all: Vec<i18n::Locale> = codes.iter().map(|c| theme.i18n.locale(c)).collect();
    // An extra language's folder sits beside the site's own sections.
    if let Some(own) = all.first() {
        let p = own.paths();
        let top = [
            &p.plans,
            &p.agencies,
            &p.calendar,
            &p.reports,
            &p.charts,
            &p.data,
            &p.search,
            &p.status,
            &p.archive,
            &p.feed,
            &p.assets,
        ];
        if let Some(extra) = all[1..].iter().find(|l| top.iter().any(|w| *w == l.lang())) {
            return Err(i18n_error(format!(
                "`ui_languages` lists `{code}`, which is also a path word of `{own}`: its pages and that section would share the folder /{code}/ (rename the path word in i18n/{own}.toml before publishing, or drop the language)",
                code = extra.lang(),
                own = own.lang()
            )));
        }
    }
    Ok(all)
}

/// Renders every file of the site into `sink` as soon as it is made, and
/// says what was written. Snapshots of the months in `published` are left
/// out: their published copies are kept instead. Each language of
/// `ui_languages` gets the live pages again under `<code>/`, with its own
/// words and path words, its own search index, feeds and data files; the
/// snapshots and assets are the site language's only, shared by all.
pub fn render_to(
    model: &Model,
    derived: &Derived,
    theme: &Theme,
    published: &[String],
    sink: &dyn Sink,
) -> Result<Handed, RenderError> {
    let locales = languages(model, theme)?;
    let shared = &locales[0].paths().clone();
    let langs: Vec<Lang> = locales
        .into_iter()
        .enumerate()
        .map(|(i, locale)| Lang {
            root: if i == 0 {
                String::new()
            } else {
                format!("{}/", locale.lang())
            },
            locale,
            shared,
        })
        .collect();
    let out = Out {
        sink,
        records: Mutex::new(Vec::new()),
        archived: AtomicUsize::new(0),
        archive: i18n::Paths::index(&shared.archive),
    };
    let mut stages = crate::timing::Stages::start();
    let rows = PlanRows::new(model);
    let snaps = snapshot::snapshots(model, shared);
    // Open data first: the data page lists the sizes of the files.
    let sets = data::sets(model, derived);
    let mut downloads: Vec<Vec<data::Download>> = Vec::new();
    for lang in &langs {
        // Each task's row is made once and copied into every set that
        // lists it; the rows go before the feeds and the index are made,
        // so the three never sit in memory together.
        let rows = data_rows::Rows::new(model, derived, &lang.locale, &lang.root);
        let list: Vec<data::Download> = run(&sets, |set| {
            data::set_files(model, derived, lang, &rows, *set, &mut |path, pieces| {
                out.put_pieces(path, pieces)
            })
        })?
        .into_iter()
        .flatten()
        .collect();
        drop(rows);
        downloads.push(list);
        // The search index needs none of the feeds and is partly one long
        // merge: it is made beside them.
        let (feeds, searched) = rayon::join(
            || -> Result<(), RenderError> {
                let ics_words = ics::IcsWords::new(&lang.locale).map_err(i18n_error)?;
                let feeds: Vec<calendar::Feed> = calendar::feed_list(model);
                let events = calendar::events(model, derived, lang, &ics_words);
                each(&feeds, |f| {
                    let file = calendar::feed(model, derived, lang, &ics_words, *f);
                    out.put_pieces(&file.path, &|take: &mut dyn FnMut(&[u8])| {
                        file.write(&events, take)
                    })
                    .map(|_| ())
                })
            },
            || -> Result<(), RenderError> {
                search::index(model, derived, lang, &|f| out.put(f)).map(|_| ())
            },
        );
        feeds?;
        searched?;
    }
    stages.lap("render: open data, calendar feeds and search index");
    // Reports in order: each report page, each month's snapshot, and the
    // facts the feed and charts need, with two states alive at a time.
    let first = Edition::live(model, &langs[0], derived, &rows);
    let mut lives: Vec<Edition> = langs[1..]
        .iter()
        .map(|l| first.in_language(model, l))
        .collect();
    lives.insert(0, first);
    let site = Site {
        model,
        theme,
        langs: &langs,
        snaps: &snaps,
        shared: langs
            .iter()
            .map(|l| (l.code().to_string(), frame::Shared::new(model, &l.locale)))
            .collect(),
    };
    let months = calendar::month_range(derived);
    let task_months = history::Months::new(model, &snaps, &langs[0].locale);
    let mut changes = Vec::with_capacity(model.reports.len());
    let mut done_after = Vec::with_capacity(model.reports.len());
    let mut prev: Option<Derived> = None;
    for (k, rep) in model.reports.iter().enumerate() {
        let before = match prev.take() {
            Some(p) => p,
            None => reports::before_first(model, derived),
        };
        let after = Derived::at_with(model, rep.date, k + 1, derived);
        changes.push(reports::changes(&before, &after));
        done_after.push(
            after
                .standings
                .values()
                .filter(|s| s.state.is_done())
                .count() as u32,
        );
        let lists = reports::ReportLists::new(model, k, &before, &after);
        // The state before is needed no more: two states at a time at most.
        drop(before);
        let parts: Vec<usize> = (1..=lists.parts(model, k)).collect();
        let snapshot_is_this = snaps.iter().any(|s| s.report == k);
        for live in &lives {
            let at = reports::ReportPlace {
                l: &live.locale,
                site: &langs[0].locale,
                rows: &rows,
                snapshot_is_this,
            };
            each(&parts, |&part| {
                let spec = reports::report(model, k, &lists, &after, &at, part);
                out.put(site.page(live, spec, false)?)
            })?;
        }
        let snap = snaps.iter().find(|s| s.report == k);
        if let Some(snap) = snap.filter(|_| rep.kind == ReportKind::Report) {
            let period = rep.period();
            if !published.contains(&period) {
                let label = langs[0]
                    .locale
                    .month(rep.year, rep.month)
                    .unwrap_or_else(|_| format!("{:02}/{}", rep.month, rep.year));
                let ed =
                    Edition::snapshot(model, &langs[0], &after, &rows, snap.root.clone(), label);
                let ranking = pages::late::Ranking::new(model, &after, &ed.locale);
                let parts = SiteParts {
                    charts: &[],
                    downloads: &[],
                    months: &months,
                    ranking: &ranking,
                    task_months: &task_months,
                };
                let kinds = jobs::enumerate(model, &ed, &months);
                each(&kinds, |kind| {
                    let spec = jobs::build(model, &ed, &parts, *kind);
                    out.put(site.page(&ed, spec, false)?)
                })?;
                // The month's charts' data, frozen with its lists.
                let l = &langs[0].locale;
                let burn = chart_data::burn_up_from(model, l, k + 1, &|j| {
                    done_after.get(j).copied().unwrap_or(0)
                });
                let charts = chart_data::all_from(model, &after, l, &theme.states, burn);
                let root = format!("{}{}/", snap.root, l.paths().charts);
                for f in chart_files::files(model, l, &root, after.as_of, &charts, false) {
                    out.put(f)?;
                }
            }
        }
        prev = Some(after);
    }
    drop(prev);
    stages.lap("render: reports and snapshots");
    for (live, downloads) in lives.iter().zip(&downloads) {
        // Charts hold words: made in each language.
        let burn = chart_data::burn_up_from(model, &live.locale, model.reports.len(), &|k| {
            done_after.get(k).copied().unwrap_or(0)
        });
        let charts = chart_data::all_from(model, derived, &live.locale, &theme.states, burn);
        let ranking = pages::late::Ranking::new(model, derived, &live.locale);
        let parts = SiteParts {
            charts: &charts,
            downloads,
            months: &months,
            ranking: &ranking,
            task_months: &task_months,
        };
        let kinds = jobs::enumerate(model, live, &months);
        each(&kinds, |kind| {
            let spec = jobs::build(model, live, &parts, *kind);
            out.put(site.page(live, spec, kind.archived())?)
        })?;
        let root = format!("{}{}/", live.lang.root, live.paths().charts);
        let files = chart_files::files(model, &live.locale, &root, derived.as_of, &charts, true);
        for f in files {
            out.put(f)?;
        }
        out.put(feeds::atom(model, theme, live.lang, &changes)?)?;
    }
    stages.lap("render: pages, charts and feeds");
    for (name, bytes) in &theme.assets {
        out.put(OutFile {
            path: shared.asset(name),
            bytes: bytes.clone(),
        })?;
    }
    out.put(feeds::robots(model))?;
    let mut records = out.records.into_inner().unwrap_or_else(|p| p.into_inner());
    records.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(s) = feeds::sitemap(
        model,
        theme,
        &out.archive,
        records.iter().map(|r| r.path.as_str()),
    )? {
        let w = Written {
            path: s.path.clone(),
            len: s.bytes.len(),
        };
        sink.put(&s.path, &s.bytes)
            .map_err(|source| RenderError::Output {
                path: s.path.clone(),
                source,
            })?;
        let at = records.partition_point(|r| r.path < w.path);
        records.insert(at, w);
    }
    stages.lap("render: assets and sitemap");
    Ok(Handed {
        live: records,
        archived: out.archived.load(Ordering::Relaxed),
        stages: stages.finish(),
    })
}
