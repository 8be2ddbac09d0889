//! Revised words in a time cell, `~~March 2020~~ June 2020`, `<s>March
//! 2020</s> **June 2020**`, `<del>…</del>`: the `revisions` template filter
//! cuts the verbatim text into parts, each struck, emphasised or plain, so
//! the theme shows the earlier date as revised (`<del>`) and the new one
//! as the plan emphasised it, while the words stay exactly as written and
//! are escaped like any text (the markup is read by
//! [`crate::model::deadline::markup`], never passed through).

use serde::Serialize;

use crate::model::deadline::markup;

/// One part of a cell's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The words, verbatim, without the markers.
    pub text: String,
    /// True for struck-through words (`~~…~~`, `<s>`, `<del>`, `<strike>`).
    pub struck: bool,
    /// True for emphasised words (`**…**`, `<b>`, `<strong>`, `*…*`).
    pub strong: bool,
}

/// Cuts `text` at its markup; an unclosed marker stays as written.
pub fn parts(text: &str) -> Vec<Part> {
    let out: Vec<Part> = markup::runs(text)
        .into_iter()
        .map(|r| Part {
            text: r.text,
            struck: r.struck,
            strong: r.strong,
        })
        .collect();
    if out.is_empty() {
        return vec![Part {
            text: String::new(),
            struck: false,
            strong: false,
        }];
    }
    out
}

/// Registers the `revisions` filter: `text | revisions` is a list of
/// `{text, struck, strong}`.
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

    fn part(text: &str, struck: bool, strong: bool) -> Part {
        Part {
            text: text.into(),
            struck,
            strong,
        }
    }

    #[test]
    fn struck_words_are_marked_and_the_rest_kept() {
        assert_eq!(
            parts("~~March 2020~~ June 2020"),
            vec![
                part("March 2020", true, false),
                part(" June 2020", false, false)
            ]
        );
        assert_eq!(
            parts("<del>March 2020</del> <b>June 2020</b>"),
            vec![
                part("March 2020", true, false),
                part(" ", false, false),
                part("June 2020", false, true)
            ]
        );
        assert_eq!(
            parts("Tháng 9/2025"),
            vec![part("Tháng 9/2025", false, false)]
        );
        assert_eq!(parts("a ~~b"), vec![part("a ~~b", false, false)]);
        assert_eq!(parts(""), vec![part("", false, false)]);
    }

    proptest! {
        /// Putting the `~~` markers back gives the text exactly as written.
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
