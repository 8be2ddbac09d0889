//! Struck-through (revised) words in a time cell, `~~March 2020~~ June
//! 2020`: the `revisions` template filter cuts the verbatim text into
//! parts, each struck or not, so the theme can show the earlier date as
//! revised (`<del>`) while the words stay exactly as written.

use serde::Serialize;

/// One part of a cell's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The words, verbatim (without the `~~` markers when struck).
    pub text: String,
    /// True for words between `~~` markers.
    pub struck: bool,
}

/// Cuts `text` at `~~` pairs; an unclosed `~~` stays as written.
pub fn parts(text: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("~~") {
        let Some(close) = rest[open + 2..].find("~~") else {
            break;
        };
        if open > 0 {
            out.push(Part {
                text: rest[..open].to_string(),
                struck: false,
            });
        }
        out.push(Part {
            text: rest[open + 2..open + 2 + close].to_string(),
            struck: true,
        });
        rest = &rest[open + 2 + close + 2..];
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(Part {
            text: rest.to_string(),
            struck: false,
        });
    }
    out
}

/// Registers the `revisions` filter: `text | revisions` is a list of
/// `{text, struck}`.
pub fn register(tera: &mut tera::Tera) {
    tera.register_filter(
        "revisions",
        |value: &str, _: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
            tera::Value::try_from_serializable(&parts(value))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn struck_words_are_marked_and_the_rest_kept() {
        let p = parts("~~March 2020~~ June 2020");
        assert_eq!(
            p,
            vec![
                Part {
                    text: "March 2020".into(),
                    struck: true
                },
                Part {
                    text: " June 2020".into(),
                    struck: false
                }
            ]
        );
        assert_eq!(
            parts("Tháng 9/2025"),
            vec![Part {
                text: "Tháng 9/2025".into(),
                struck: false
            }]
        );
        assert_eq!(
            parts("a ~~b"),
            vec![Part {
                text: "a ~~b".into(),
                struck: false
            }]
        );
        assert_eq!(
            parts(""),
            vec![Part {
                text: String::new(),
                struck: false
            }]
        );
    }

    proptest! {
        /// Putting the markers back gives the text exactly as written.
        #[test]
        fn parts_rebuild_the_verbatim_text(s in "[a-z~ ]{0,30}") {
            let rebuilt: String = parts(&s)
                .iter()
                .map(|p| if p.struck { format!("~~{}~~", p.text) } else { p.text.clone() })
                .collect();
            prop_assert_eq!(rebuilt, s);
        }
    }
}
