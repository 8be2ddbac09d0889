//! Line charts: cumulative completion over report periods.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::raster::{png_of, svg_of, PNG_SCALE};
use super::{
    category_label, fmt_num, palette, text_style, text_width, Chart, Drawing, SMALL, WIDTH,
};
use crate::render::i18n::Locale;

/// A line of cumulative values over periods (burn-up), with a target line.
pub fn burn_up(
    loc: &Locale,
    id: &str,
    title: &str,
    summary: &str,
    periods: &[String],
    done: &[u32],
    total: u32,
) -> Chart {
    let svg = svg_of(SIZE, |root| draw(root, 1, loc, periods, done, total));
    let headers = vec![
        loc.say("chart.report_period"),
        loc.say("chart.done_cumulative"),
        loc.say("chart.total_tasks"),
    ];
    let rows = periods
        .iter()
        .zip(done)
        .map(|(p, d)| vec![p.clone(), d.to_string(), total.to_string()])
        .collect();
    Chart::new(id, title, summary, &svg, headers, rows).drawn(Drawing::BurnUp {
        periods: periods.to_vec(),
        done: done.to_vec(),
        total,
    })
}

/// Size of a line chart, in drawing units.
const SIZE: (u32, u32) = (WIDTH, 300);

/// The PNG of [`burn_up`].
pub fn burn_up_png(loc: &Locale, periods: &[String], done: &[u32], total: u32) -> Vec<u8> {
    png_of(SIZE, |root| {
        draw(root, PNG_SCALE, loc, periods, done, total)
    })
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    k: u32,
    loc: &Locale,
    periods: &[String],
    done: &[u32],
    total: u32,
) {
    let width = WIDTH;
    let n = periods.len().max(1);
    let built = ChartBuilder::on(root)
        .margin(12 * k)
        .x_label_area_size(30 * k)
        .y_label_area_size(40 * k)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..(total.max(1) as f64 * 1.1));
    let Ok(mut chart) = built else {
        return;
    };
    let labels: Vec<String> = periods.to_vec();
    // Label as many periods as fit; the last one always shows its value.
    let label_w = periods
        .iter()
        .map(|p| text_width(p, SMALL))
        .max()
        .unwrap_or(1)
        + 12;
    let fit = ((width - 70) / label_w).max(1) as usize;
    let every = n.div_ceil(fit).max(1);
    let _ = chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(n)
        .x_label_formatter(&|v| category_label(&labels, *v, every))
        .y_labels(5)
        .y_label_formatter(&|v| fmt_num(loc, v.round()))
        .label_style(text_style(SMALL * k, &BLACK))
        .axis_style(BLACK.stroke_width(k))
        .draw();
    let _ = chart.draw_series(LineSeries::new(
        [(-0.5, total as f64), (n as f64 - 0.5, total as f64)],
        palette::GREY.stroke_width(2 * k),
    ));
    let _ = chart.draw_series(std::iter::once(Text::new(
        loc.say_with(
            "chart.total_tasks_line",
            &[("n", fmt_num(loc, f64::from(total)))],
        ),
        (-0.45, total as f64 * 1.06),
        text_style(SMALL * k, &BLACK),
    )));
    let pts: Vec<(f64, f64)> = done
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, *v as f64))
        .collect();
    let _ = chart.draw_series(LineSeries::new(
        pts.clone(),
        palette::GREEN.stroke_width(3 * k),
    ));
    let last = pts.len().saturating_sub(1);
    for (i, (x, y)) in pts.into_iter().enumerate() {
        let _ = chart.draw_series(std::iter::once(Circle::new(
            (x, y),
            4 * k,
            palette::GREEN.filled(),
        )));
        if i % every != 0 && i != last {
            continue;
        }
        let _ = chart.draw_series(std::iter::once(Text::new(
            fmt_num(loc, y),
            (x, y + total.max(1) as f64 * 0.03),
            text_style(SMALL * k, &BLACK).pos(Pos::new(HPos::Center, VPos::Bottom)),
        )));
    }
}
