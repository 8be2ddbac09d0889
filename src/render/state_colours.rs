//! The colour of each task state, read from the theme's stylesheet, where it
//! is defined once as `--state-<key>: #rrggbb;`. Badges use the CSS property;
//! charts are drawn with the same value, so the two cannot drift apart.

use plotters::style::RGBColor;

use crate::derive::State;

/// One colour per state, as the theme defines it.
#[derive(Debug, Clone)]
pub struct StateColours {
    colours: Vec<(State, RGBColor)>,
}

impl StateColours {
    /// Reads `--state-<key>: #rrggbb` for every state from a stylesheet;
    /// the error names the first state without a colour.
    pub fn from_css(css: &str) -> Result<Self, String> {
        let mut colours = Vec::new();
        for s in State::ALL {
            let prop = format!("--state-{}:", s.key());
            let value = css
                .match_indices(&prop)
                .map(|(i, _)| css[i + prop.len()..].trim_start())
                .find_map(parse_hex)
                .ok_or_else(|| {
                    format!(
                        "style.css does not define `{prop} #rrggbb;` (the colour of “{}”, used by badges and charts)",
                        s.label()
                    )
                })?;
            colours.push((s, value));
        }
        Ok(StateColours { colours })
    }

    /// The colour of a state.
    pub fn get(&self, s: State) -> RGBColor {
        self.colours
            .iter()
            .find(|(x, _)| *x == s)
            .map(|(_, c)| *c)
            .unwrap_or(RGBColor(0, 0, 0))
    }
}

fn parse_hex(v: &str) -> Option<RGBColor> {
    let hex = v.strip_prefix('#')?.get(..6)?;
    let n = u32::from_str_radix(hex, 16).ok()?;
    let [_, r, g, b] = n.to_be_bytes();
    Some(RGBColor(r, g, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = include_str!("../../themes/default/static/style.css");

    #[test]
    fn the_default_theme_gives_every_state_its_own_colour() {
        let c = StateColours::from_css(CSS).unwrap();
        let mut seen: Vec<(u8, u8, u8)> = Vec::new();
        for s in State::ALL {
            let RGBColor(r, g, b) = c.get(s);
            assert!(!seen.contains(&(r, g, b)), "{s:?} shares its colour");
            seen.push((r, g, b));
        }
        assert_eq!(c.get(State::DoneOnTime), RGBColor(0x00, 0x9E, 0x73));
    }

    #[test]
    fn a_missing_colour_is_named() {
        let css = CSS.replace("--state-no-date:", "--state-nodate:");
        let e = StateColours::from_css(&css).unwrap_err();
        assert!(e.contains("--state-no-date:"), "{e}");
    }

    /// Each badge's text colour has AA contrast (4.5:1) on its fill.
    #[test]
    fn badge_ink_has_aa_contrast() {
        fn lum(c: RGBColor) -> f64 {
            let f = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.04045 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
        }
        for s in State::ALL {
            let fill = StateColours::from_css(CSS).unwrap().get(s);
            let prop = format!("--state-{}-ink:", s.key());
            let i = CSS.find(&prop).expect("ink defined") + prop.len();
            let ink = parse_hex(CSS[i..].trim_start()).expect("ink is #rrggbb");
            let (a, b) = (lum(fill), lum(ink));
            let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(ratio >= 4.5, "{s:?}: {ratio:.2}");
        }
    }
}
