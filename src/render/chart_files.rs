//! The files of the charts, under `bieu-do/`: each chart's data as CSV, its
//! image as SVG and PNG, and beside them a Frictionless Data Package
//! (`datapackage.json`) saying what the CSVs hold, the date their numbers
//! are as of, their source and their licence — a sidecar that spreadsheet
//! tools ignore and data tools read. Each month's snapshot keeps its own
//! CSVs and package, as that month's charts stood.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::model::Model;

use super::charts::Chart;
use super::i18n::Locale;
use super::urls::{self, Route};
use super::{data, OutFile};

/// The licence of the data (the data page says it in words).
const LICENCE: (&str, &str) = ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/");

/// Name of the package file beside the CSVs.
pub const PACKAGE: &str = "datapackage.json";

#[derive(Serialize)]
struct Package<'a> {
    profile: &'static str,
    name: String,
    title: String,
    description: String,
    /// The date every number is as of (a property of this site's packages).
    as_of: String,
    /// True when the reports behind the numbers are illustrative.
    illustrative: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    homepage: Option<String>,
    licenses: [Licence; 1],
    sources: [Source; 1],
    resources: Vec<Resource<'a>>,
}

#[derive(Serialize)]
struct Licence {
    name: &'static str,
    path: &'static str,
    title: String,
}

#[derive(Serialize)]
struct Source {
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
}

#[derive(Serialize)]
struct Resource<'a> {
    name: &'a str,
    path: &'a str,
    title: &'a str,
    description: &'a str,
    format: &'static str,
    mediatype: &'static str,
    encoding: &'static str,
    schema: Schema,
}

#[derive(Serialize)]
struct Schema {
    fields: Vec<Field>,
}

#[derive(Serialize)]
struct Field {
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The type of a column: `integer` when every value is a whole number,
/// `number` when every value is a number, else `string`.
fn kind(rows: &[Vec<String>], col: usize) -> &'static str {
    let values: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.get(col).map(String::as_str))
        .collect();
    if values.is_empty() {
        "string"
    } else if values.iter().all(|v| v.parse::<i64>().is_ok()) {
        "integer"
    } else if values
        .iter()
        .all(|v| v.parse::<f64>().is_ok_and(f64::is_finite))
    {
        "number"
    } else {
        "string"
    }
}

/// The charts' files in the folder `root` of the output (`bieu-do/`,
/// `en/charts/`, `ban-luu/YYYY-MM/bieu-do/`), in the words of `l`, as of
/// `as_of`: the CSVs and their package, and with `images` the SVG and PNG
/// of each chart.
pub fn files(
    model: &Model,
    l: &Locale,
    root: &str,
    as_of: NaiveDate,
    charts: &[Chart],
    images: bool,
) -> Vec<OutFile> {
    // Each chart's files, the charts side by side (a PNG is drawn again).
    let mut out: Vec<OutFile> = charts
        .par_iter()
        .flat_map_iter(|c| {
            let mut v = vec![OutFile {
                path: format!("{root}{}", c.csv),
                bytes: data::chart_csv(model, &c.headers, &c.rows),
            }];
            if images {
                v.push(OutFile {
                    path: format!("{root}{}", c.svg_file),
                    bytes: c.svg_bytes(),
                });
                v.push(OutFile {
                    path: format!("{root}{}", c.png_file),
                    bytes: c.png(l),
                });
            }
            v
        })
        .collect();
    out.push(OutFile {
        path: format!("{root}{PACKAGE}"),
        bytes: package(model, l, root, as_of, charts),
    });
    out
}

/// The Data Package of the charts' CSVs.
fn package(model: &Model, l: &Locale, root: &str, as_of: NaiveDate, charts: &[Chart]) -> Vec<u8> {
    let site = &model.site;
    let publisher = site
        .publisher
        .clone()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| site.title.clone());
    let resources = charts
        .iter()
        .map(|c| {
            let mut fields: Vec<Field> = c
                .headers
                .iter()
                .enumerate()
                .map(|(i, h)| Field {
                    name: h.clone(),
                    kind: kind(&c.rows, i),
                })
                .collect();
            if site.illustrative {
                fields.push(Field {
                    name: "illustrative".into(),
                    kind: "boolean",
                });
            }
            Resource {
                name: &c.id,
                path: &c.csv,
                title: &c.title,
                description: &c.summary,
                format: "csv",
                mediatype: "text/csv",
                encoding: "utf-8-sig",
                schema: Schema { fields },
            }
        })
        .collect();
    let p = Package {
        profile: "tabular-data-package",
        name: urls::dir(l.paths(), &Route::Charts)
            .trim_end_matches('/')
            .to_string(),
        title: format!("{} — {}", site.title, l.say("page.charts")),
        description: l.say_with("chart.package", &[("date", l.date_text(as_of))]),
        as_of: as_of.to_string(),
        illustrative: site.illustrative,
        homepage: site.base_url.as_ref().map(|b| format!("{b}{root}")),
        licenses: [Licence {
            name: LICENCE.0,
            path: LICENCE.1,
            title: l.say("chart.licence"),
        }],
        sources: [Source {
            title: publisher,
            path: site.base_url.clone(),
        }],
        resources,
    };
    let mut bytes = serde_json::to_vec_pretty(&p).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_typed_by_their_values() {
        let rows = vec![
            vec!["a".to_string(), "1".into(), "1.5".into()],
            vec!["b".to_string(), "20".into(), "2".into()],
        ];
        assert_eq!(kind(&rows, 0), "string");
        assert_eq!(kind(&rows, 1), "integer");
        assert_eq!(kind(&rows, 2), "number");
        assert_eq!(kind(&rows, 3), "string");
    }
}
