//! Bar charts: stacked horizontal bars, columns, target against actual.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    category_label, draw_legend, fmt_num, legend_layout, palette, text_style, wrap, Bar, Chart,
    SeriesSpec, SMALL, TEXT, WIDTH,
};
use crate::render::i18n::Locale;

/// Horizontal stacked bars, one per category, with the category name above
/// each bar and the value written in or after each segment.
pub fn stacked_bars(
    loc: &Locale,
    id: &str,
    title: &str,
    summary: &str,
    series: &[SeriesSpec],
    bars: &[Bar],
) -> Chart {
    let width = WIDTH;
    // Category names above their bar, wrapped to the chart's width.
    let names: Vec<Vec<String>> = bars
        .iter()
        .map(|b| wrap(&b.label, width - 20, TEXT))
        .collect();
    let name_lines = names.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let row_h = 30 + 20 * name_lines;
    let labels: Vec<&str> = series.iter().map(|s| s.label.as_str()).collect();
    let (legend_items, legend_h) = legend_layout(&labels, width);
    let height = bars.len() as u32 * row_h + legend_h + 40;
    let max = bars
        .iter()
        .map(|b| b.values.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let (legend, plot) = root.split_vertically(legend_h);
        let colors: Vec<RGBColor> = series.iter().map(|s| s.color).collect();
        draw_legend(&legend, &colors, &legend_items);
        let built = ChartBuilder::on(&plot)
            .margin_left(10)
            .margin_right(40)
            .x_label_area_size(28)
            .build_cartesian_2d(0f64..(max as f64 * 1.08), 0f64..bars.len() as f64);
        if let Ok(mut chart) = built {
            let _ = chart
                .configure_mesh()
                .disable_mesh()
                .disable_y_axis()
                .x_labels(5)
                .x_label_formatter(&|v| fmt_num(loc, v.round()))
                .label_style(text_style(SMALL, &BLACK))
                .draw();
            let top = bars.len() as f64;
            let px_per_unit = f64::from(width - 50) / (max as f64 * 1.08);
            // Share of a row taken by the name lines above the bar.
            let name_share = (20.0 * name_lines as f64) / row_h as f64;
            let bar_top = 0.06 + name_share;
            let (b0, b1) = (bar_top, (bar_top + 0.4).min(0.97));
            for (i, (b, name)) in bars.iter().zip(&names).enumerate() {
                let y0 = top - i as f64;
                // Names sit just above their bar, whatever their line count.
                let skip = name_lines as usize - name.len();
                for (k, line) in name.iter().enumerate() {
                    let _ = chart.draw_series(std::iter::once(Text::new(
                        line.clone(),
                        (0.0, y0 - 0.04 - (skip + k) as f64 * 20.0 / row_h as f64),
                        text_style(TEXT, &BLACK),
                    )));
                }
                let mut x = 0.0;
                for (v, s) in b.values.iter().zip(series) {
                    if *v == 0 {
                        continue;
                    }
                    let x1 = x + *v as f64;
                    let _ = chart.draw_series(std::iter::once(Rectangle::new(
                        [(x, y0 - b0), (x1, y0 - b1)],
                        s.color.filled(),
                    )));
                    let _ = chart.draw_series(std::iter::once(Rectangle::new(
                        [(x, y0 - b0), (x1, y0 - b1)],
                        WHITE.stroke_width(1),
                    )));
                    // Write the value inside the segment when it fits.
                    let digits = v.to_string().len() as f64;
                    if *v as f64 * px_per_unit >= 10.0 + 9.0 * digits {
                        let ink = if is_dark(&s.color) { &WHITE } else { &BLACK };
                        let _ = chart.draw_series(std::iter::once(Text::new(
                            fmt_num(loc, f64::from(*v)),
                            ((x + x1) / 2.0, y0 - (b0 + b1) / 2.0),
                            text_style(SMALL, ink).pos(Pos::new(HPos::Center, VPos::Center)),
                        )));
                    }
                    x = x1;
                }
                let total: u32 = b.values.iter().sum();
                let _ = chart.draw_series(std::iter::once(Text::new(
                    fmt_num(loc, f64::from(total)),
                    (x + max as f64 * 0.01, y0 - (b0 + b1) / 2.0),
                    text_style(SMALL, &BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
                )));
            }
        }
        let _ = root.present();
    }
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
    Chart::new(id, title, summary, &svg, headers, rows)
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
    let (width, height) = (WIDTH, 280u32);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let n = labels.len().max(1);
        // Room for one label: the widest, plus a gap.
        let label_w = labels
            .iter()
            .map(|l| super::text_width(l, SMALL))
            .max()
            .unwrap_or(1)
            + 12;
        let max = values.iter().copied().max().unwrap_or(0).max(1);
        let built = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(36)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..(max as f64 * 1.15));
        if let Ok(mut chart) = built {
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
                .label_style(text_style(SMALL, &BLACK))
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
                        text_style(SMALL, &BLACK).pos(Pos::new(HPos::Center, VPos::Bottom)),
                    )));
                }
            }
        }
        let _ = root.present();
    }
    let headers = vec!["".into(), value_name.into()];
    let rows = labels
        .iter()
        .zip(values)
        .map(|(l, v)| vec![l.clone(), v.to_string()])
        .collect();
    Chart::new(id, title, summary, &svg, headers, rows)
}

/// Target against actual value for each indicator, as paired bars in percent
/// of the target, with both numbers written out.
pub fn target_actual(
    loc: &Locale,
    id: &str,
    title: &str,
    summary: &str,
    items: &[(String, f64, f64, String)],
) -> Chart {
    let width = WIDTH;
    let names: Vec<Vec<String>> = items
        .iter()
        .map(|(n, ..)| wrap(n, width - 20, TEXT))
        .collect();
    let name_lines = names.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let row_h = 50 + 20 * name_lines;
    let (target_word, actual_word) = (loc.say("chart.target"), loc.say("chart.actual"));
    let (target_short, actual_short) =
        (loc.say("chart.target_short"), loc.say("chart.actual_short"));
    let (legend_items, legend_h) = legend_layout(&[&target_word, &actual_word], width);
    let height = items.len() as u32 * row_h + legend_h + 30;
    let max = items
        .iter()
        .map(|(_, t, a, _)| t.max(*a))
        .fold(1.0f64, f64::max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let (legend, plot) = root.split_vertically(legend_h);
        draw_legend(&legend, &[palette::GREY, palette::BLUE], &legend_items);
        // The widest value text decides how much room is left after a bar.
        let value_w = items
            .iter()
            .map(|(_, t, a, u)| {
                let t = format!("{target_short} {}\u{a0}{u}", fmt_num(loc, *t));
                let a = format!("{actual_short} {}\u{a0}{u}", fmt_num(loc, *a));
                let (t, a) = (super::text_width(&t, SMALL), super::text_width(&a, SMALL));
                t.max(a)
            })
            .max()
            .unwrap_or(0)
            .min(width / 2);
        let span = max / (1.0 - f64::from(value_w + 24) / f64::from(width - 20)).max(0.3);
        let built = ChartBuilder::on(&plot)
            .margin_left(10)
            .margin_right(10)
            .x_label_area_size(26)
            .build_cartesian_2d(0f64..span, 0f64..items.len() as f64);
        if let Ok(mut chart) = built {
            let _ = chart
                .configure_mesh()
                .disable_mesh()
                .disable_y_axis()
                .x_labels(4)
                .x_label_formatter(&|v| fmt_num(loc, *v))
                .label_style(text_style(SMALL, &BLACK))
                .draw();
            let top = items.len() as f64;
            let line = 20.0 / row_h as f64;
            let name_share = line * name_lines as f64;
            for (i, ((_, target, actual, unit), name)) in items.iter().zip(&names).enumerate() {
                let y0 = top - i as f64;
                let skip = name_lines as usize - name.len();
                for (k, l) in name.iter().enumerate() {
                    let _ = chart.draw_series(std::iter::once(Text::new(
                        l.clone(),
                        (0.0, y0 - 0.04 - (skip + k) as f64 * line),
                        text_style(TEXT, &BLACK),
                    )));
                }
                for (k, (v, c, word)) in [
                    (target, palette::GREY, target_short.as_str()),
                    (actual, palette::BLUE, actual_short.as_str()),
                ]
                .iter()
                .enumerate()
                {
                    let bar = (1.0 - name_share - 0.12) / 2.0;
                    let ya = y0 - name_share - 0.08 - k as f64 * bar;
                    let _ = chart.draw_series(std::iter::once(Rectangle::new(
                        [(0.0, ya), (**v, ya - bar * 0.85)],
                        c.filled(),
                    )));
                    let _ = chart.draw_series(std::iter::once(Text::new(
                        format!(
                            "{word} {}{}{unit}",
                            fmt_num(loc, **v),
                            if unit.is_empty() { "" } else { "\u{a0}" }
                        ),
                        (**v + span * 0.01, ya - bar * 0.42),
                        text_style(SMALL, &BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
                    )));
                }
            }
        }
        let _ = root.present();
    }
    let headers = vec![
        loc.say("chart.indicator"),
        target_word,
        actual_word,
        loc.say("chart.unit"),
    ];
    let rows = items
        .iter()
        .map(|(n, t, a, u)| vec![n.clone(), super::raw_num(*t), super::raw_num(*a), u.clone()])
        .collect();
    Chart::new(id, title, summary, &svg, headers, rows)
}

/// True when black text on this colour would be hard to read.
fn is_dark(c: &RGBColor) -> bool {
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
