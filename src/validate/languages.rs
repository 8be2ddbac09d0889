//! `language` and `ui_languages` of `site.yaml`, checked against the
//! languages the theme speaks (its `i18n/<lang>.toml` files).

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::RawContent;
use crate::model::deadline;

/// Checks the site's languages against `available` (sorted codes); every
/// problem names the line in `site.yaml` and lists what is available.
pub fn check(raw: &RawContent, available: &[String], diags: &mut Diagnostics) {
    let s = &raw.site.value;
    let list = available.join(", ");
    if !super::site::is_language_tag(&s.language) {
        // Reported by the site checks.
    } else if !available.contains(&s.language) {
        diags.push(
            Diagnostic::error(
                raw.site.spans.locate(&raw.site.path, "language"),
                format!(
                    "`language: {}` is not a language of the theme (available: {list})",
                    s.language
                ),
            )
            .with_help(format!(
                "write one of {list}, or add i18n/{}.toml to the theme",
                s.language
            )),
        );
    } else if deadline::for_language(&s.language).is_none() {
        diags.push(
            Diagnostic::error(
                raw.site.spans.locate(&raw.site.path, "language"),
                format!(
                    "no deadline grammar reads the language `{}` (available: {})",
                    s.language,
                    deadline::LANGUAGES.join(", ")
                ),
            )
            .with_help(
                "write one of these, or add a grammar (docs/deadlines.md, \"Other languages\")",
            ),
        );
    }
    for (i, l) in s.ui_languages.iter().enumerate() {
        let at = raw
            .site
            .spans
            .locate(&raw.site.path, &format!("ui_languages.{i}"));
        if !available.contains(l) {
            diags.push(
                Diagnostic::error(
                    at,
                    format!("`ui_languages` lists `{l}`, not a language of the theme (available: {list})"),
                )
                .with_help(format!("write one of {list}, or add i18n/{l}.toml to the theme")),
            );
        } else if *l == s.language {
            diags.push(
                Diagnostic::error(
                    at,
                    format!("`ui_languages` lists `{l}`, the site's own language"),
                )
                .with_help("list only the extra languages; the site's language is always built"),
            );
        } else if s.ui_languages[..i].contains(l) {
            diags.push(
                Diagnostic::error(at, format!("`ui_languages` lists `{l}` twice"))
                    .with_help("list each language once"),
            );
        }
    }
}
