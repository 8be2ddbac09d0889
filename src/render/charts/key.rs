//! Labels on the bars, as Our World in Data labels its charts: under each
//! stacked bar, each of its segments is named with its value beside a
//! swatch of its colour, wrapping within the chart. No key stands apart
//! from the bars it explains, and a segment too thin to hold its number
//! is still named.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{text_style, text_width, SMALL};

/// Height of one line of labels, in drawing units.
pub const LINE: i32 = 19;
/// Side of a swatch.
const SWATCH: i32 = 12;

/// One label placed by [`layout`]: its swatch's left edge, its line, its
/// words and its colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Left of the swatch, from the chart's left edge.
    pub x: i32,
    /// Line number, from 0.
    pub line: i32,
    /// The label's words (`Quá hạn 11`).
    pub text: String,
    /// The segment's colour.
    pub color: RGBColor,
}

/// Lays labels out left to right from `left`, a new line whenever the next
/// would pass `right`; returns them and the number of lines.
pub fn layout(items: &[(String, RGBColor)], left: i32, right: i32) -> (Vec<Placed>, i32) {
    let mut out = Vec::with_capacity(items.len());
    let (mut x, mut line) = (left, 0);
    for (text, color) in items {
        let w = SWATCH + 5 + text_width(text, SMALL) as i32;
        if x > left && x + w > right {
            x = left;
            line += 1;
        }
        out.push(Placed {
            x,
            line,
            text: text.clone(),
            color: *color,
        });
        x += w + 12;
    }
    let lines = if items.is_empty() { 0 } else { line + 1 };
    (out, lines)
}

/// Draws labels laid out by [`layout`] with their first line's top at
/// `top`, everything `k` times larger.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    k: i32,
    top: i32,
    placed: &[Placed],
) {
    for p in placed {
        let y = top + p.line * LINE;
        let corners = [
            (p.x * k, (y + 3) * k),
            ((p.x + SWATCH) * k, (y + 3 + SWATCH) * k),
        ];
        let _ = area.draw(&Rectangle::new(corners, p.color.filled()));
        let _ = area.draw(&Rectangle::new(corners, BLACK.stroke_width(k as u32)));
        let _ = area.draw(&Text::new(
            p.text.clone(),
            ((p.x + SWATCH + 5) * k, y * k),
            text_style(SMALL * k as u32, &BLACK),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_within_the_chart_and_keep_their_order() {
        let items: Vec<(String, RGBColor)> = [
            "Chưa hoàn thành, quá hạn 11",
            "Quá hạn, chưa có báo cáo 53",
            "Thường xuyên, chưa có báo cáo 52",
            "Đã hoàn thành 3",
        ]
        .iter()
        .map(|t| (t.to_string(), BLACK))
        .collect();
        let (placed, lines) = layout(&items, 10, 430);
        assert!(lines > 1, "wraps");
        for p in &placed {
            let w = SWATCH + 5 + text_width(&p.text, SMALL) as i32;
            assert!(p.x + w <= 430 || p.x == 10, "{p:?} passes the edge");
        }
        let texts: Vec<&str> = placed.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            items.iter().map(|i| i.0.as_str()).collect::<Vec<_>>()
        );
    }
}
