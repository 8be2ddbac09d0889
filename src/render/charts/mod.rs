//! Charts drawn with `plotters` into inline SVG at build time (no
//! JavaScript). Each chart comes with a headline, a one-sentence summary,
//! `<title>`/`<desc>`, `role="img"`, the same numbers as a table and as CSV.
//! Colours (Okabe–Ito, colour-blind safe) are never the only carrier of
//! meaning: every bar is labelled with its category and value.

mod bars;
mod lines;

use plotters::prelude::*;
use serde::Serialize;

pub use bars::{columns, stacked_bars, target_actual};
pub use lines::burn_up;

/// Font family of chart text: the reader's system sans-serif.
pub(crate) const FONT: &str = "sans-serif";

/// A chart with everything needed to present it accessibly.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Stable id (file name of its CSV).
    pub id: String,
    /// Headline.
    pub title: String,
    /// One sentence saying what it shows.
    pub summary: String,
    /// The SVG, with `role="img"`, `<title>` and `<desc>`.
    pub svg: String,
    /// Column headings of the data table.
    pub headers: Vec<String>,
    /// Rows of the data table (first cell is the row heading).
    pub rows: Vec<Vec<String>>,
    /// Name of the CSV file under `bieu-do/`.
    pub csv: String,
}

impl Chart {
    /// Assembles a chart: makes the SVG accessible and names its CSV file.
    pub fn new(
        id: &str,
        title: &str,
        summary: &str,
        svg: &str,
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    ) -> Chart {
        Chart {
            id: id.into(),
            title: title.into(),
            summary: summary.into(),
            svg: accessible(svg, id, title, summary),
            headers,
            rows,
            csv: format!("{id}.csv"),
        }
    }
}

/// A named series with its colour.
pub struct SeriesSpec {
    /// Legend label.
    pub label: String,
    /// Fill colour.
    pub color: RGBColor,
    /// A class for the series' shapes (`state-fill-<key>`), so pages and
    /// tests can tell which state a segment shows.
    pub class: Option<String>,
}

/// One category (bar) with a value per series.
pub struct Bar {
    /// Category name, printed above the bar.
    pub label: String,
    /// One value per series, stacked left to right.
    pub values: Vec<u32>,
}

/// Okabe–Ito palette.
pub mod palette {
    use plotters::style::RGBColor;
    /// Bluish green.
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    /// Orange.
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    /// Vermillion.
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    /// Blue.
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    /// Sky blue.
    pub const SKY: RGBColor = RGBColor(86, 180, 233);
    /// Reddish purple.
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
    /// Yellow.
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    /// Grey.
    pub const GREY: RGBColor = RGBColor(153, 153, 153);
    /// Light grey.
    pub const LIGHT: RGBColor = RGBColor(204, 204, 204);
}

pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Adds `role="img"`, `aria-labelledby`, `<title>` and `<desc>` to an SVG,
/// and drops the fixed size so it scales to the page.
fn accessible(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(end) = svg[start..].find('>').map(|e| start + e) else {
        return svg.to_string();
    };
    let open = &svg[start..end];
    let mut attrs: Vec<&str> = open
        .split(' ')
        .filter(|a| !a.starts_with("width=") && !a.starts_with("height="))
        .collect();
    attrs.remove(0);
    format!(
        "<svg {} role=\"img\" aria-labelledby=\"{id}-t {id}-d\" class=\"chart-svg\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>{}",
        attrs.join(" "),
        esc(title),
        esc(desc),
        &svg[end + 1..]
    )
}

pub(crate) fn text_style(size: u32, color: &'static RGBColor) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font()).color(color)
}

/// The label of the category at axis position `v` (categories sit at whole
/// numbers), showing only every `every`-th one so labels do not overlap.
pub(crate) fn category_label(labels: &[String], v: f64, every: usize) -> String {
    let i = v.round();
    if (v - i).abs() < 0.01 && i >= 0.0 && (i as usize).is_multiple_of(every.max(1)) {
        labels.get(i as usize).cloned().unwrap_or_default()
    } else {
        String::new()
    }
}

/// A number without a trailing `.0`.
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_chart_has_labels_values_and_accessibility() {
        let c = stacked_bars(
            "thu",
            "Tình trạng <theo> kế hoạch",
            "Một câu tóm tắt.",
            &[
                SeriesSpec {
                    label: "Hoàn thành".into(),
                    color: palette::GREEN,
                    class: Some("state-fill-done".into()),
                },
                SeriesSpec {
                    label: "Quá hạn".into(),
                    color: palette::VERMILLION,
                    class: None,
                },
            ],
            &[Bar {
                label: "Kế hoạch 114/KH-BCĐ".into(),
                values: vec![3, 2],
            }],
        );
        assert!(c.svg.starts_with("<svg "));
        assert!(c.svg.contains("role=\"img\""));
        assert!(c
            .svg
            .contains("<title id=\"thu-t\">Tình trạng &lt;theo&gt; kế hoạch</title>"));
        assert!(c.svg.contains("Kế hoạch 114/KH-BCĐ"));
        assert!(c.svg.contains(">\n5\n</text>"), "total written: {}", c.svg);
        assert!(
            c.svg.contains(">\n3\n</text>"),
            "segment value written: {}",
            c.svg
        );
        let open = c.svg.split('>').next().unwrap();
        assert!(!open.contains("width="), "scales with the page: {open}");
        assert_eq!(c.rows, vec![vec!["Kế hoạch 114/KH-BCĐ", "3", "2", "5"]]);
        // Legend swatch and segment of the first series carry its class and colour.
        assert_eq!(
            c.svg
                .matches("class=\"state-fill-done\" fill=\"#009E73\"")
                .count(),
            2,
            "{}",
            c.svg
        );
    }
}
