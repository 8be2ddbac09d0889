//! Open data: every task with all its fields, the original deadline wording,
//! the dates read from it and its status, as CSV and JSON — for the whole
//! site, each plan and each agency — plus the plan and agency registries.

use serde::Serialize;

use crate::derive::{Derived, TaskRef};
use crate::model::Model;

use super::data_rows::Rows;
use super::edition::Lang;
use super::i18n::Locale;
use super::task_record::COLUMNS;
use super::urls::{self, Route};
use super::{csv, OutFile, RenderError};
use crate::output::Pieces;

/// A data set's CSV in pieces: the byte-order mark and the header row
/// (`head`), then each row's task.
fn csv_of(cache: &Rows, head: &[u8], rows: &[Row], f: &mut dyn FnMut(&[u8])) {
    f(head);
    for row in rows {
        cache.csv(row.task, row.role, f);
    }
}

#[derive(Serialize)]
struct Dataset<'a> {
    title: &'a str,
    as_of: String,
    illustrative: bool,
    columns: Vec<&'static str>,
    tasks: [(); 0],
}

/// One row of a data set: a task, and for an agency's data set whether
/// the agency leads it or cooperates.
struct Row {
    task: TaskRef,
    role: &'static str,
}

/// The start of a data set's JSON: its title, date and columns, up to
/// the `[` of `tasks`.
fn json_head(model: &Model, d: &Derived, title: &str) -> Vec<u8> {
    let ds = Dataset {
        title,
        as_of: d.as_of.to_string(),
        illustrative: model.site.illustrative,
        columns: COLUMNS.to_vec(),
        tasks: [],
    };
    // `tasks` comes last: the set without tasks ends in `[]}` and a newline,
    // and the records go between the brackets.
    let mut out = super::json_lines::to_vec(&ds, 4096);
    out.truncate(out.len().saturating_sub(3));
    out
}

/// A data set's JSON in pieces: `head` (see [`json_head`]), then one
/// record a line (as [`super::json_lines`] writes them).
fn json_of(cache: &Rows, head: &[u8], rows: &[Row], f: &mut dyn FnMut(&[u8])) {
    f(head);
    for (i, row) in rows.iter().enumerate() {
        f(if i == 0 { b"\n" } else { b",\n" });
        cache.json(row.task, row.role, f);
    }
    f(b"]}\n");
}

/// A downloadable file, for the data page.
#[derive(Serialize, Clone)]
pub struct Download {
    /// What it contains.
    pub label: String,
    /// The plan's label or agency's name the label is made of (content,
    /// in the content's language), so a page can mark it.
    pub of: Option<String>,
    /// Link from the site root.
    pub href: String,
    /// Size in bytes.
    pub bytes: usize,
    /// `CSV` or `JSON`.
    pub format: &'static str,
    /// Which part of the data page lists it: `site`, `plans`, `agencies`
    /// or `charts`.
    pub section: &'static str,
}

/// A chart's CSV: its table, plus an `illustrative` column (`true` on every
/// row) when the site's reports are illustrative.
pub fn chart_csv(model: &Model, headers: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    if !model.site.illustrative {
        return csv::write(headers, rows);
    }
    let mut h = headers.to_vec();
    h.push("illustrative".into());
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.push("true".into());
            r
        })
        .collect();
    csv::write(&h, &rows)
}

/// One set of downloads: a CSV and a JSON file of the same tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSet {
    /// Every task, under `du-lieu/`.
    All,
    /// The agency registry, under `du-lieu/`.
    Registry,
    /// One plan's tasks, beside its page.
    Plan(usize),
    /// The tasks naming one agency (lead, then cooperation), beside its
    /// page; by registry index. A group's tasks are in the group's set.
    Agency(usize),
}

/// Every data set, in the order the data page lists them. Agencies named
/// in no task have none.
pub fn sets(model: &Model, d: &Derived) -> Vec<DataSet> {
    let mut v = vec![DataSet::All, DataSet::Registry];
    v.extend((0..model.plans.len()).map(DataSet::Plan));
    v.extend(
        model
            .registry
            .all()
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                d.by_agency
                    .get(&a.id)
                    .is_some_and(|t| t.direct().next().is_some())
            })
            .map(|(i, _)| DataSet::Agency(i)),
    );
    v
}

/// Hands `put` the files of one data set (its path and its pieces; `put`
/// returns the size), and gives their entries for the data page, in the
/// order the data page lists them. Files are handed in pieces, never
/// whole: the whole site's are hundreds of megabytes at national scale.
/// Named in the words of `lang`, in its folder (the entries' links are
/// from that folder); `cache` holds the rows in that language.
pub fn set_files(
    model: &Model,
    d: &Derived,
    lang: &Lang,
    cache: &Rows,
    set: DataSet,
    put: &mut dyn FnMut(&str, &Pieces) -> Result<usize, RenderError>,
) -> Result<Vec<Download>, RenderError> {
    let (l, root) = (&lang.locale, lang.root.as_str());
    let plain = |refs: Vec<TaskRef>| -> Vec<Row> {
        refs.into_iter()
            .map(|task| Row { task, role: "" })
            .collect()
    };
    let section = match set {
        DataSet::All | DataSet::Registry => "site",
        DataSet::Plan(_) => "plans",
        DataSet::Agency(_) => "agencies",
    };
    let (dir, label, rows, of): (String, String, Vec<Row>, Option<String>) = match set {
        DataSet::Registry => {
            let mut list = Vec::new();
            let mut files = registry(model, l, root);
            if let Some((json, csv)) = super::reporting::table(model, d) {
                files.extend(site_pair(
                    l,
                    root,
                    "data_file.reporting",
                    |ext| l.paths().reporting_file(ext),
                    json,
                    csv,
                ));
            }
            for (mut dl, f) in files {
                dl.bytes = put(&f.path, &|take: &mut dyn FnMut(&[u8])| take(&f.bytes))?;
                list.push(dl);
            }
            return Ok(list);
        }
        DataSet::All => (
            urls::dir(l.paths(), &Route::Data),
            l.say("data_file.all"),
            plain(crate::render::pages::all_refs(model)),
            None,
        ),
        DataSet::Plan(pi) => {
            let p = &model.plans[pi];
            (
                l.paths().plan(p.id.as_str()),
                l.say_with("data_file.tasks_of", &[("name", p.label())]),
                plain(
                    (0..p.tasks.len())
                        .map(|ti| TaskRef { plan: pi, task: ti })
                        .collect(),
                ),
                Some(p.label()),
            )
        }
        DataSet::Agency(ai) => {
            let a = &model.registry.all()[ai];
            let rows = d
                .by_agency
                .get(&a.id)
                .map(|t| {
                    t.direct()
                        .map(|x| Row {
                            task: x.task,
                            role: x.part.key(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            (
                l.paths().agency(a.id.as_str()),
                l.say_with("data_file.tasks_of", &[("name", a.name.clone())]),
                rows,
                Some(a.name.clone()),
            )
        }
    };
    let headers: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let csv_head = csv::begin(&headers).into_bytes();
    let json_head = json_head(model, d, &label);
    let mut list = Vec::new();
    for ext in ["csv", "json"] {
        let href = l.paths().task_file(&dir, ext);
        let bytes = if ext == "csv" {
            put(&format!("{root}{href}"), &|f: &mut dyn FnMut(&[u8])| {
                csv_of(cache, &csv_head, &rows, f)
            })?
        } else {
            put(&format!("{root}{href}"), &|f: &mut dyn FnMut(&[u8])| {
                json_of(cache, &json_head, &rows, f)
            })?
        };
        list.push(Download {
            label: label.clone(),
            of: of.clone(),
            href,
            bytes,
            format: if ext == "csv" { "CSV" } else { "JSON" },
            section,
        });
    }
    Ok(list)
}

/// The agency registry as CSV and JSON (JSON listed first).
fn registry(model: &Model, l: &Locale, root: &str) -> Vec<(Download, OutFile)> {
    let headers: Vec<String> = [
        "id",
        "name",
        "kind",
        "level",
        "parent",
        "aliases",
        "members",
        "successor",
        "successor_date",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows: Vec<Vec<String>> = model
        .registry
        .all()
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.name.clone(),
                l.say(&a.kind.label_key()),
                a.level.clone().unwrap_or_default(),
                a.parent.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                a.aliases.join(";"),
                a.members
                    .iter()
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join(";"),
                a.successor
                    .as_ref()
                    .map(|s| s.id.to_string())
                    .unwrap_or_default(),
                a.successor
                    .as_ref()
                    .and_then(|s| s.date)
                    .map(|x| x.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let reg_csv = csv::write(&headers, &rows);
    let mut reg_json = serde_json::to_vec_pretty(model.registry.all()).unwrap_or_default();
    reg_json.push(b'\n');
    site_pair(
        l,
        root,
        "data_file.registry",
        |ext| l.paths().registry_file(ext),
        reg_json,
        reg_csv,
    )
}

/// A site-wide data set written as JSON and CSV: each file and its entry
/// on the data page (`label_key` names it in the page's language, `href`
/// gives each format's path).
fn site_pair(
    l: &Locale,
    root: &str,
    label_key: &str,
    href: impl Fn(&str) -> String,
    json: Vec<u8>,
    csv: Vec<u8>,
) -> Vec<(Download, OutFile)> {
    [("json", json), ("csv", csv)]
        .into_iter()
        .map(|(ext, bytes)| {
            let href = href(ext);
            (
                Download {
                    label: l.say(label_key),
                    of: None,
                    href: href.clone(),
                    bytes: bytes.len(),
                    format: if ext == "csv" { "CSV" } else { "JSON" },
                    section: "site",
                },
                OutFile {
                    path: format!("{root}{href}"),
                    bytes,
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::COLUMNS;

    #[test]
    fn dictionary_names_every_column_once() {
        let mut names: Vec<&str> = COLUMNS.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len());
    }
}
