//! Charts drawn with `plotters` at build time (no JavaScript): inline SVG
//! on the page, and the same drawing as SVG and PNG files to download
//! ([`raster`]). Each chart comes with a headline, a one-sentence summary,
//! `<title>`/`<desc>`, `role="img"`, the same numbers as a table and as CSV.
//! Colours (Okabe–Ito, colour-blind safe) are never the only carrier of
//! meaning: every bar is labelled, on the bar, with its category and value
//! ([`key`]); no key stands apart from the bars.

mod bars;
pub mod key;
mod lines;
pub mod raster;
pub mod target;

use crate::render::i18n::Locale;
use plotters::prelude::*;
use serde::Serialize;

pub use bars::{columns, stacked_bars};
pub use lines::burn_up;
pub use target::target_actual;

/// Font family of chart text: the reader's system sans-serif.
pub(crate) const FONT: &str = "sans-serif";

/// Width of every chart's drawing (its `viewBox`). Charts scale to the width
/// they are given; this width keeps text of [`SMALL`] px at 12 px or more
/// when the chart is shown in a 390 px wide phone screen (358 px of content).
pub(crate) const WIDTH: u32 = 440;
/// Size of category names and legend text, as given to `plotters` (which
/// writes `font-size` = size / 1.24, so 20 becomes 16.1 drawing units).
pub(crate) const TEXT: u32 = 20;
/// Size of values and axis labels, as given to `plotters`: 19 becomes 15.3
/// drawing units, 12.5 px when 440 units are shown 358 px wide.
pub(crate) const SMALL: u32 = 19;

/// The `font-size` `plotters` writes for a text style of `size`.
pub(crate) fn drawn_size(size: u32) -> f64 {
    f64::from(size) / 1.24
}

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
    /// Whether the row headings name content (plans, agencies, indicators,
    /// in the content's language) rather than words of the page (months),
    /// so another language's page can mark them with their language.
    pub content_rows: bool,
    /// How many rows of the table the page shows (the CSV has them all).
    pub shown: usize,
    /// What was drawn, to draw it again as a PNG when one is wanted
    /// ([`Chart::png`]).
    #[serde(skip)]
    pub drawing: Drawing,
    /// Names of its files under `bieu-do/`: the image as SVG and PNG.
    pub svg_file: String,
    /// Name of its PNG file.
    pub png_file: String,
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
            shown: usize::MAX,
            id: id.into(),
            title: title.into(),
            summary: summary.into(),
            svg: accessible(svg, id, title, summary),
            headers,
            rows,
            csv: format!("{id}.csv"),
            content_rows: false,
            drawing: Drawing::None,
            svg_file: format!("{id}.svg"),
            png_file: format!("{id}.png"),
        }
    }

    /// The same chart, its first column (the row headings) named `word`
    /// (a data file's every column has a name).
    pub fn with_category(mut self, word: String) -> Chart {
        if let Some(h) = self.headers.first_mut() {
            if h.is_empty() {
                *h = word;
            }
        }
        self
    }

    /// The same chart, with what it draws kept for its PNG.
    pub fn drawn(self, drawing: Drawing) -> Chart {
        Chart { drawing, ..self }
    }

    /// The chart as a PNG, [`raster::PNG_SCALE`] times larger than its SVG:
    /// the same drawing, drawn again (only the pages that offer it pay).
    pub fn png(&self, loc: &Locale) -> Vec<u8> {
        match &self.drawing {
            Drawing::Stacked { series, bars } => bars::stacked_png(loc, series, bars),
            Drawing::Columns { labels, values } => bars::columns_png(loc, labels, values),
            Drawing::BurnUp {
                periods,
                done,
                total,
            } => lines::burn_up_png(loc, periods, done, *total),
            Drawing::Target { items } => target::target_png(loc, items),
            Drawing::None => Vec::new(),
        }
    }

    /// The chart as a file of its own: its SVG, with an XML declaration.
    pub fn svg_bytes(&self) -> Vec<u8> {
        let mut out = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".to_vec();
        out.extend_from_slice(self.svg.as_bytes());
        out.push(b'\n');
        out
    }

    /// The same chart, its row headings marked as content words.
    pub fn with_content_rows(self) -> Chart {
        Chart {
            content_rows: true,
            ..self
        }
    }
}

/// What a chart draws, kept to draw it again as a PNG.
#[derive(Debug, Clone, Default)]
pub enum Drawing {
    /// Nothing kept.
    #[default]
    None,
    /// Stacked horizontal bars.
    Stacked {
        /// The series.
        series: Vec<SeriesSpec>,
        /// The bars.
        bars: Vec<Bar>,
    },
    /// Columns.
    Columns {
        /// A label per column.
        labels: Vec<String>,
        /// A value per column.
        values: Vec<u32>,
    },
    /// A cumulative line.
    BurnUp {
        /// The periods.
        periods: Vec<String>,
        /// Done after each.
        done: Vec<u32>,
        /// All tasks.
        total: u32,
    },
    /// Targets against values.
    Target {
        /// The indicators.
        items: Vec<target::Indicator>,
    },
}

/// A named series with its colour.
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone)]
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

/// A number the language's way, without a trailing `,0`: `90,2`, `1.234`
/// in Vietnamese, `90.2`, `1,234` in English (for text drawn in charts).
pub fn fmt_num(loc: &Locale, v: f64) -> String {
    loc.number(v, 1)
}

/// A number for data tables and CSV, machine-readable: `90.2`, `1234`.
/// Pages show it the Vietnamese way through the `so_o` template filter.
pub fn raw_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

/// A generous estimate of the drawn width of `s` at `size` px, for layout
/// (wrapping legends and labels) without measuring fonts.
pub(crate) fn text_width(s: &str, size: u32) -> u32 {
    (s.chars().count() as f64 * drawn_size(size) * 0.6).ceil() as u32
}

/// Splits `s` into lines at spaces so that each fits in `max` px at `size`
/// px; a single word longer than that stays whole on its own line.
pub(crate) fn wrap(s: &str, max: u32, size: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size) > max {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vi() -> Locale {
        crate::render::i18n::I18n::embedded()
            .expect("the embedded i18n files parse")
            .locale("vi")
    }

    #[test]
    fn stacked_chart_has_labels_values_and_accessibility() {
        let c = stacked_bars(
            &vi(),
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
        // The label's swatch and the segment of the first series carry its
        // class and colour, and the label names it with its value.
        assert_eq!(
            c.svg
                .matches("class=\"state-fill-done\" fill=\"#009E73\"")
                .count(),
            2,
            "{}",
            c.svg
        );
        assert!(c.svg.contains("Hoàn thành 3"), "{}", c.svg);
        assert!(
            c.png(&vi()).starts_with(b"\x89PNG"),
            "a PNG of the same drawing"
        );
    }

    /// The smallest `font-size` in an SVG and its `viewBox` width.
    fn smallest_text(svg: &str) -> (f64, f64) {
        let min = svg
            .split("font-size=\"")
            .skip(1)
            .filter_map(|r| r.split('"').next()?.parse::<f64>().ok())
            .fold(f64::INFINITY, f64::min);
        let vb = svg
            .split("viewBox=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.split(' ').nth(2)?.parse::<f64>().ok())
            .unwrap_or(f64::NAN);
        (min, vb)
    }

    #[test]
    fn every_chart_kind_keeps_text_at_12px_on_a_390px_phone() {
        let series = [
            SeriesSpec {
                label: "Quá hạn (chưa hoàn thành hoặc chưa có báo cáo)".into(),
                color: palette::VERMILLION,
                class: None,
            },
            SeriesSpec {
                label: "Còn lại".into(),
                color: palette::LIGHT,
                class: None,
            },
        ];
        let bars = [Bar {
            label: "Sở Khoa học và Công nghệ tỉnh Tuyên Quang và các cơ quan liên quan".into(),
            values: vec![12, 30],
        }];
        let months: Vec<String> = (1..=24)
            .map(|m| format!("{:02}/2025", m % 12 + 1))
            .collect();
        let values: Vec<u32> = (0..24).collect();
        let charts = [
            stacked_bars(&vi(), "a", "A", "a.", &series, &bars),
            columns(&vi(), "b", "B", "b.", &months, &values, "Số"),
            burn_up(&vi(), "c", "C", "c.", &months, &values, 40),
            target_actual(
                &vi(),
                "d",
                "D",
                "d.",
                &[(
                    "Tỷ lệ hồ sơ trực tuyến toàn trình".into(),
                    90.0,
                    72.5,
                    "%".into(),
                )],
            ),
        ];
        // A 390 px screen leaves 358 px for content (1rem padding each side).
        for c in &charts {
            let (min, width) = smallest_text(&c.svg);
            let rendered = min * 358.0 / width;
            assert!(
                rendered >= 12.0,
                "{}: {min} units of {width} -> {rendered:.2} px",
                c.id
            );
        }
    }

    #[test]
    fn wrap_keeps_every_word_in_order() {
        let s = "Ủy ban nhân dân các xã, phường và các cơ quan, đơn vị có liên quan";
        let lines = wrap(s, 200, TEXT);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), s);
    }
}
