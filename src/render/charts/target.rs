//! Indicators against their targets: for each, a grey bar for the target
//! and a blue bar for the value reached, each labelled with its word and
//! number (no key stands apart from the bars).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::raster::{png_of, svg_of, PNG_SCALE};
use super::{fmt_num, palette, text_style, wrap, Chart, Drawing, SMALL, TEXT, WIDTH};
use crate::render::i18n::Locale;

/// One indicator: name, target, value reached, unit.
pub type Indicator = (String, f64, f64, String);

/// Target against actual value for each indicator, as paired bars, with
/// both numbers written out after their bars.
pub fn target_actual(
    loc: &Locale,
    id: &str,
    title: &str,
    summary: &str,
    items: &[Indicator],
) -> Chart {
    let (names, row_h, size) = layout(items);
    let svg = svg_of(size, |root| draw(root, 1, loc, items, &names, row_h));
    let headers = vec![
        loc.say("chart.indicator"),
        loc.say("chart.target"),
        loc.say("chart.actual"),
        loc.say("chart.unit"),
    ];
    let rows = items
        .iter()
        .map(|(n, t, a, u)| vec![n.clone(), super::raw_num(*t), super::raw_num(*a), u.clone()])
        .collect();
    Chart::new(id, title, summary, &svg, headers, rows).drawn(Drawing::Target {
        items: items.to_vec(),
    })
}

/// The names' lines, the height of a row and the size of the chart.
fn layout(items: &[Indicator]) -> (Vec<Vec<String>>, u32, (u32, u32)) {
    let names: Vec<Vec<String>> = items
        .iter()
        .map(|(n, ..)| wrap(n, WIDTH - 20, TEXT))
        .collect();
    let name_lines = names.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let row_h = 50 + 20 * name_lines;
    let size = (WIDTH, items.len() as u32 * row_h + 40);
    (names, row_h, size)
}

/// The PNG of [`target_actual`].
pub fn target_png(loc: &Locale, items: &[Indicator]) -> Vec<u8> {
    let (names, row_h, size) = layout(items);
    png_of(size, |root| {
        draw(root, PNG_SCALE, loc, items, &names, row_h)
    })
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    k: u32,
    loc: &Locale,
    items: &[Indicator],
    names: &[Vec<String>],
    row_h: u32,
) {
    let width = WIDTH;
    let name_lines = names.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let (target_short, actual_short) =
        (loc.say("chart.target_short"), loc.say("chart.actual_short"));
    let max = items
        .iter()
        .map(|(_, t, a, _)| t.max(*a))
        .fold(1.0f64, f64::max);
    // The widest value text decides how much room is left after a bar.
    let value_w = items
        .iter()
        .map(|(_, t, a, u)| {
            let t = format!("{target_short} {}\u{a0}{u}", fmt_num(loc, *t));
            let a = format!("{actual_short} {}\u{a0}{u}", fmt_num(loc, *a));
            super::text_width(&t, SMALL).max(super::text_width(&a, SMALL))
        })
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let span = max / (1.0 - f64::from(value_w + 24) / f64::from(width - 20)).max(0.3);
    let built = ChartBuilder::on(root)
        .margin_left(10 * k)
        .margin_right(10 * k)
        .margin_top(6 * k)
        .x_label_area_size(26 * k)
        .build_cartesian_2d(0f64..span, 0f64..items.len() as f64);
    let Ok(mut chart) = built else {
        return;
    };
    let _ = chart
        .configure_mesh()
        .disable_mesh()
        .disable_y_axis()
        .x_labels(4)
        .x_label_formatter(&|v| fmt_num(loc, *v))
        .label_style(text_style(SMALL * k, &BLACK))
        .axis_style(BLACK.stroke_width(k))
        .draw();
    let top = items.len() as f64;
    let line = 20.0 / f64::from(row_h);
    let name_share = line * f64::from(name_lines);
    for (i, ((_, target, actual, unit), name)) in items.iter().zip(names).enumerate() {
        let y0 = top - i as f64;
        let skip = name_lines as usize - name.len();
        for (j, l) in name.iter().enumerate() {
            let _ = chart.draw_series(std::iter::once(Text::new(
                l.clone(),
                (0.0, y0 - 0.04 - (skip + j) as f64 * line),
                text_style(TEXT * k, &BLACK),
            )));
        }
        for (j, (v, c, word)) in [
            (target, palette::GREY, target_short.as_str()),
            (actual, palette::BLUE, actual_short.as_str()),
        ]
        .iter()
        .enumerate()
        {
            let bar = (1.0 - name_share - 0.12) / 2.0;
            let ya = y0 - name_share - 0.08 - j as f64 * bar;
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
                text_style(SMALL * k, &BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
            )));
        }
    }
}
