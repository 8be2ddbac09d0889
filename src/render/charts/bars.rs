//! Bar charts: stacked horizontal bars, columns, target against actual.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{category_label, fmt_num, palette, text_style, Bar, Chart, SeriesSpec};

/// Horizontal stacked bars, one per category, with the category name above
/// each bar and the value written in or after each segment.
pub fn stacked_bars(
    id: &str,
    title: &str,
    summary: &str,
    series: &[SeriesSpec],
    bars: &[Bar],
) -> Chart {
    let width = 760u32;
    let row_h = 52u32;
    let legend_h = 26 * series.len().div_ceil(2) as u32 + 8;
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
        for (i, s) in series.iter().enumerate() {
            let x = 10 + (i % 2) as i32 * 375;
            let y = 6 + (i / 2) as i32 * 26;
            let _ = legend.draw(&Rectangle::new(
                [(x, y), (x + 14, y + 14)],
                s.color.filled(),
            ));
            let _ = legend.draw(&Rectangle::new(
                [(x, y), (x + 14, y + 14)],
                BLACK.stroke_width(1),
            ));
            let _ = legend.draw(&Text::new(
                s.label.clone(),
                (x + 20, y + 1),
                text_style(16, &BLACK),
            ));
        }
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
                .x_labels(6)
                .x_label_formatter(&|v| format!("{}", v.round() as i64))
                .label_style(text_style(15, &BLACK))
                .draw();
            let top = bars.len() as f64;
            let px_per_unit = f64::from(width - 50) / (max as f64 * 1.08);
            for (i, b) in bars.iter().enumerate() {
                let y0 = top - i as f64;
                let _ = chart.draw_series(std::iter::once(Text::new(
                    b.label.clone(),
                    (0.0, y0 - 0.08),
                    text_style(16, &BLACK),
                )));
                let mut x = 0.0;
                for (v, s) in b.values.iter().zip(series) {
                    if *v == 0 {
                        continue;
                    }
                    let x1 = x + *v as f64;
                    let _ = chart.draw_series(std::iter::once(Rectangle::new(
                        [(x, y0 - 0.45), (x1, y0 - 0.9)],
                        s.color.filled(),
                    )));
                    let _ = chart.draw_series(std::iter::once(Rectangle::new(
                        [(x, y0 - 0.45), (x1, y0 - 0.9)],
                        WHITE.stroke_width(1),
                    )));
                    // Write the value inside the segment when it fits.
                    if *v as f64 * px_per_unit >= 22.0 {
                        let ink = if is_dark(&s.color) { &WHITE } else { &BLACK };
                        let _ = chart.draw_series(std::iter::once(Text::new(
                            v.to_string(),
                            ((x + x1) / 2.0, y0 - 0.675),
                            text_style(15, ink).pos(Pos::new(HPos::Center, VPos::Center)),
                        )));
                    }
                    x = x1;
                }
                let total: u32 = b.values.iter().sum();
                let _ = chart.draw_series(std::iter::once(Text::new(
                    format!("{total}"),
                    (x + max as f64 * 0.01, y0 - 0.55),
                    text_style(15, &BLACK),
                )));
            }
        }
        let _ = root.present();
    }
    let svg = mark_series(&svg, series);
    let mut headers = vec![String::new()];
    headers.extend(series.iter().map(|s| s.label.clone()));
    headers.push("Tổng".into());
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
    id: &str,
    title: &str,
    summary: &str,
    labels: &[String],
    values: &[u32],
    value_name: &str,
) -> Chart {
    let (width, height) = (760u32, 300u32);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let n = labels.len().max(1);
        let max = values.iter().copied().max().unwrap_or(0).max(1);
        let built = ChartBuilder::on(&root)
            .margin(16)
            .x_label_area_size(46)
            .y_label_area_size(36)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..(max as f64 * 1.15));
        if let Ok(mut chart) = built {
            let every = n.div_ceil(12).max(1);
            let l = labels.to_vec();
            let _ = chart
                .configure_mesh()
                .disable_mesh()
                .x_labels(n)
                .x_label_formatter(&|v| category_label(&l, *v, every))
                .y_labels(5)
                .y_label_formatter(&|v| format!("{}", v.round() as i64))
                .label_style(text_style(14, &BLACK))
                .draw();
            for (i, v) in values.iter().enumerate() {
                let x = i as f64;
                let _ = chart.draw_series(std::iter::once(Rectangle::new(
                    [(x - 0.35, 0.0), (x + 0.35, *v as f64)],
                    palette::BLUE.filled(),
                )));
                if *v > 0 {
                    let _ = chart.draw_series(std::iter::once(Text::new(
                        v.to_string(),
                        (x, *v as f64 + max as f64 * 0.02),
                        text_style(14, &BLACK).pos(Pos::new(HPos::Center, VPos::Bottom)),
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
    id: &str,
    title: &str,
    summary: &str,
    items: &[(String, f64, f64, String)],
) -> Chart {
    let width = 760u32;
    let row_h = 64u32;
    let height = items.len() as u32 * row_h + 60;
    let max = items
        .iter()
        .map(|(_, t, a, _)| t.max(*a))
        .fold(1.0f64, f64::max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let (legend, plot) = root.split_vertically(28);
        let _ = legend.draw(&Rectangle::new([(10, 6), (24, 20)], palette::GREY.filled()));
        let _ = legend.draw(&Text::new("Mục tiêu", (30, 7), text_style(16, &BLACK)));
        let _ = legend.draw(&Rectangle::new(
            [(130, 6), (144, 20)],
            palette::BLUE.filled(),
        ));
        let _ = legend.draw(&Text::new("Đạt được", (150, 7), text_style(16, &BLACK)));
        let built = ChartBuilder::on(&plot)
            .margin_left(10)
            .margin_right(60)
            .x_label_area_size(26)
            .build_cartesian_2d(0f64..max * 1.1, 0f64..items.len() as f64);
        if let Ok(mut chart) = built {
            let _ = chart
                .configure_mesh()
                .disable_mesh()
                .disable_y_axis()
                .x_labels(6)
                .label_style(text_style(15, &BLACK))
                .draw();
            let top = items.len() as f64;
            for (i, (name, target, actual, unit)) in items.iter().enumerate() {
                let y0 = top - i as f64;
                let _ = chart.draw_series(std::iter::once(Text::new(
                    name.clone(),
                    (0.0, y0 - 0.05),
                    text_style(16, &BLACK),
                )));
                for (k, (v, c, word)) in [
                    (target, palette::GREY, "mục tiêu"),
                    (actual, palette::BLUE, "đạt"),
                ]
                .iter()
                .enumerate()
                {
                    let ya = y0 - 0.38 - k as f64 * 0.28;
                    let _ = chart.draw_series(std::iter::once(Rectangle::new(
                        [(0.0, ya), (**v, ya - 0.24)],
                        c.filled(),
                    )));
                    let _ = chart.draw_series(std::iter::once(Text::new(
                        format!("{word} {}{unit}", fmt_num(**v)),
                        (**v + max * 0.01, ya - 0.04),
                        text_style(15, &BLACK),
                    )));
                }
            }
        }
        let _ = root.present();
    }
    let headers = vec![
        "Chỉ tiêu".into(),
        "Mục tiêu".into(),
        "Đạt được".into(),
        "Đơn vị".into(),
    ];
    let rows = items
        .iter()
        .map(|(n, t, a, u)| vec![n.clone(), fmt_num(*t), fmt_num(*a), u.clone()])
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
