//! Bar charts: stacked horizontal bars, and columns. Each is drawn by one
//! function generic over the backend, at a scale, so its SVG and its PNG
//! are the same drawing.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::raster::{png_of, svg_of, PNG_SCALE};
use super::{
    category_label, fmt_num, key, palette, text_style, text_width, wrap, Bar, Chart, Drawing,
    SeriesSpec, SMALL, TEXT, WIDTH,
};
use crate::render::i18n::Locale;

/// Left and right margin of a stacked chart, in drawing units.
const EDGE: i32 = 10;
/// Height of a line of category names.
const NAME_LINE: i32 = 20;
/// Height of a bar.
const BAR: i32 = 24;

/// Where each part of a stacked chart goes, in drawing units: worked out
/// once and drawn at any scale.
struct Stack {
    /// Per bar: its name's lines, the top of its name, its bar's top, its
    /// labels' top and its labels.
    rows: Vec<StackRow>,
    /// Drawing units a task is long.
    per: f64,
    height: u32,
}

struct StackRow {
    name: Vec<String>,
    top: i32,
    bar_top: i32,
    key_top: i32,
    labels: Vec<key::Placed>,
}

impl Stack {
    fn new(loc: &Locale, series: &[SeriesSpec], bars: &[Bar]) -> Self {
        let width = WIDTH as i32;
        let max = bars
            .iter()
            .map(|b| b.values.iter().sum::<u32>())
            .max()
            .unwrap_or(0)
            .max(1);
        let total_w = bars
            .iter()
            .map(|b| {
                text_width(
                    &fmt_num(loc, f64::from(b.values.iter().sum::<u32>())),
                    SMALL,
                )
            })
            .max()
            .unwrap_or(0) as i32
            + 8;
        let per = f64::from((width - 2 * EDGE - total_w).max(40)) / f64::from(max);
        let mut y = 8;
        let rows = bars
            .iter()
            .map(|b| {
                let name = wrap(&b.label, (width - 2 * EDGE) as u32, TEXT);
                let items: Vec<(String, RGBColor)> = b
                    .values
                    .iter()
                    .zip(series)
                    .filter(|(v, _)| **v > 0)
                    .map(|(v, s)| {
                        (
                            format!("{} {}", s.label, fmt_num(loc, f64::from(*v))),
                            s.color,
                        )
                    })
                    .collect();
                let (labels, lines) = key::layout(&items, EDGE, width - EDGE);
                let top = y;
                let bar_top = top + NAME_LINE * name.len() as i32 + 3;
                let key_top = bar_top + BAR + 4;
                y = key_top + lines * key::LINE + 14;
                StackRow {
                    name,
                    top,
                    bar_top,
                    key_top,
                    labels,
                }
            })
            .collect();
        Stack {
            rows,
            per,
            height: y.max(40) as u32,
        }
    }
}

/// Horizontal stacked bars, one per category: its name above the bar, the
/// value written in each segment wide enough and the total after the bar,
/// and under it every segment named with its value (the labels are on the
/// bars: no key stands apart).
pub fn stacked_bars(
    loc: &Locale,
    id: &str,
    title: &str,
    summary: &str,
    series: &[SeriesSpec],
    bars: &[Bar],
) -> Chart {
    let stack = Stack::new(loc, series, bars);
    let size = (WIDTH, stack.height);
    let svg = svg_of(size, |root| {
        draw_stacked(root, 1, loc, series, bars, &stack)
    });
    let svg = mark_series(&svg, series);
    let mut headers = vec![String::new()];
    headers.extend(series.iter().map(|s| s.label.clone()));
    headers.push(loc.say("chart.total"));
    let rows = bars
        .iter()
        .map(|b| {
            let mut r = vec![b.label.clone()];
            r.extend(b.values.iter().map(|v| v.to_string()));
            r.push(b.values.iter().sum::<u32>().to_string());
            r
        })
        .collect();
    Chart::new(id, title, summary, &svg, headers, rows).drawn(Drawing::Stacked {
        series: series.to_vec(),
        bars: bars.to_vec(),
    })
}

/// The PNG of [`stacked_bars`].
pub fn stacked_png(loc: &Locale, series: &[SeriesSpec], bars: &[Bar]) -> Vec<u8> {
    let stack = Stack::new(loc, series, bars);
    png_of((WIDTH, stack.height), |root| {
        draw_stacked(root, PNG_SCALE as i32, loc, series, bars, &stack)
    })
}

fn draw_stacked<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    k: i32,
    loc: &Locale,
    series: &[SeriesSpec],
    bars: &[Bar],
    stack: &Stack,
) {
    let ku = k as u32;
    for (b, row) in bars.iter().zip(&stack.rows) {
        for (i, line) in row.name.iter().enumerate() {
            let _ = root.draw(&Text::new(
                line.clone(),
                (EDGE * k, (row.top + i as i32 * NAME_LINE) * k),
                text_style(TEXT * ku, &BLACK),
            ));
        }
        let (y0, y1) = (row.bar_top, row.bar_top + BAR);
        let mut x = f64::from(EDGE);
        for (v, s) in b.values.iter().zip(series) {
            if *v == 0 {
                continue;
            }
            let x1 = x + f64::from(*v) * stack.per;
            let corners = [
                ((x * f64::from(k)) as i32, y0 * k),
                ((x1 * f64::from(k)) as i32, y1 * k),
            ];
            let _ = root.draw(&Rectangle::new(corners, s.color.filled()));
            let _ = root.draw(&Rectangle::new(corners, WHITE.stroke_width(ku)));
            // The value inside the segment when it fits.
            let digits = v.to_string().len() as f64;
            if x1 - x >= 10.0 + 9.0 * digits {
                let ink = if is_dark(&s.color) { &WHITE } else { &BLACK };
                let _ = root.draw(&Text::new(
                    fmt_num(loc, f64::from(*v)),
                    ((((x + x1) / 2.0) * f64::from(k)) as i32, (y0 + BAR / 2) * k),
                    text_style(SMALL * ku, ink).pos(Pos::new(HPos::Center, VPos::Center)),
                ));
            }
            x = x1;
        }
        let total: u32 = b.values.iter().sum();
        let _ = root.draw(&Text::new(
            fmt_num(loc, f64::from(total)),
            (((x + 4.0) * f64::from(k)) as i32, (y0 + BAR / 2) * k),
            text_style(SMALL * ku, &BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
        ));
        key::draw(root, k, row.key_top, &row.labels);
    }
}

/// Adds each series' class to the shapes filled with its colour (series
/// colours are distinct, so the colour identifies the series).
fn mark_series(svg: &str, series: &[SeriesSpec]) -> String {
    let mut out = svg.to_string();
    for s in series {
        if let Some(class) = &s.class {
            let RGBColor(r, g, b) = s.color;
            let fill = format!("fill=\"#{r:02X}{g:02X}{b:02X}\"");
            out = out.replace(&fill, &format!("class=\"{}\" {fill}", super::esc(class)));
        }
    }
    out
}

/// Vertical bars, one per period, with the value above each bar.
pub fn columns(
    loc: &Locale,
    id: &str,
    title: &str,
    summary: &str,
    labels: &[String],
    values: &[u32],
    value_name: &str,
) -> Chart {
    let svg = svg_of(COLUMNS, |root| draw_columns(root, 1, loc, labels, values));
    let headers = vec!["".into(), value_name.into()];
    let rows = labels
        .iter()
        .zip(values)
        .map(|(l, v)| vec![l.clone(), v.to_string()])
        .collect();
    Chart::new(id, title, summary, &svg, headers, rows).drawn(Drawing::Columns {
        labels: labels.to_vec(),
        values: values.to_vec(),
    })
}

/// Size of a column chart, in drawing units.
const COLUMNS: (u32, u32) = (WIDTH, 280);

/// The PNG of [`columns`].
pub fn columns_png(loc: &Locale, labels: &[String], values: &[u32]) -> Vec<u8> {
    png_of(COLUMNS, |root| {
        draw_columns(root, PNG_SCALE, loc, labels, values)
    })
}

fn draw_columns<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    k: u32,
    loc: &Locale,
    labels: &[String],
    values: &[u32],
) {
    let width = WIDTH;
    let n = labels.len().max(1);
    // Room for one label: the widest, plus a gap.
    let label_w = labels
        .iter()
        .map(|l| text_width(l, SMALL))
        .max()
        .unwrap_or(1)
        + 12;
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let built = ChartBuilder::on(root)
        .margin(12 * k)
        .x_label_area_size(36 * k)
        .y_label_area_size(36 * k)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..(max as f64 * 1.15));
    let Ok(mut chart) = built else {
        return;
    };
    let fit = ((width - 60) / label_w).max(1) as usize;
    let every = n.div_ceil(fit).max(1);
    let l = labels.to_vec();
    let _ = chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(n)
        .x_label_formatter(&|v| category_label(&l, *v, every))
        .y_labels(5)
        .y_label_formatter(&|v| fmt_num(loc, v.round()))
        .label_style(text_style(SMALL * k, &BLACK))
        .axis_style(BLACK.stroke_width(k))
        .draw();
    // Values over bars only where they do not collide.
    let bar_px = f64::from(width - 60) / n as f64;
    let digits = values
        .iter()
        .map(|v| v.to_string().len())
        .max()
        .unwrap_or(1);
    let value_every = ((9.0 * digits as f64 + 4.0) / bar_px).ceil().max(1.0) as usize;
    for (i, v) in values.iter().enumerate() {
        let x = i as f64;
        let _ = chart.draw_series(std::iter::once(Rectangle::new(
            [(x - 0.35, 0.0), (x + 0.35, *v as f64)],
            palette::BLUE.filled(),
        )));
        if *v > 0 && i % value_every == 0 {
            let _ = chart.draw_series(std::iter::once(Text::new(
                fmt_num(loc, f64::from(*v)),
                (x, *v as f64 + max as f64 * 0.02),
                text_style(SMALL * k, &BLACK).pos(Pos::new(HPos::Center, VPos::Bottom)),
            )));
        }
    }
}

/// True when black text on this colour would be hard to read.
pub(super) fn is_dark(c: &RGBColor) -> bool {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
    // Contrast with black is (l + 0.05) / 0.05; below 4.5:1 use white.
    (l + 0.05) / 0.05 < 4.5
}
