//! The theme's words in every language it speaks: `i18n/<lang>.toml` files,
//! Vietnamese (`vi`) the reference. Templates look words up with
//! `t(key="nav.plans")` or `t(key="count.tasks", n=3)`; words the program
//! makes (dates, state labels, path words) go through a [`Locale`].
//! A key missing in another language falls back to the Vietnamese words.

mod catalog;
mod check;
mod describe;
mod fold;
mod locale;
mod paths;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use thiserror::Error;

pub use catalog::{fill, pieces, Catalog, Entry, Piece};
pub use check::{
    keys_in_template, missing_program_keys, program_keys as check_program_keys, Problem,
    ProblemKind, PROGRAM_KEYS,
};
pub use fold::fold_words;
pub use locale::Locale;
pub use paths::Paths;

/// The reference language: every key must be present in its file.
pub const REFERENCE: &str = "vi";

/// The default theme's translation files, built into the program.
const EMBEDDED: &[(&str, &str)] = &[
    ("vi", include_str!("../../../themes/default/i18n/vi.toml")),
    ("en", include_str!("../../../themes/default/i18n/en.toml")),
];

/// Errors of reading and using translation files.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum I18nError {
    /// A file is not valid TOML.
    #[error(
        "{path}: {message}\nhelp: translation files are TOML; see themes/default/i18n/vi.toml"
    )]
    Parse {
        /// The file.
        path: String,
        /// What the TOML reader said (with line and column).
        message: String,
    },
    /// A key holds something other than a phrase, a list or a count.
    #[error("{path}: key `{key}`: {message}\nhelp: see the comments at the top of vi.toml")]
    Entry {
        /// The file.
        path: String,
        /// The key.
        key: String,
        /// What is wrong.
        message: String,
    },
    /// A theme has no reference file.
    #[error("the theme has no i18n/{REFERENCE}.toml\nhelp: copy themes/default/i18n/{REFERENCE}.toml into the theme")]
    NoReference,
    /// A key is in no file (not even the reference).
    #[error("no words for key `{key}` in i18n/{lang}.toml nor in i18n/{REFERENCE}.toml\nhelp: add `{key}` to themes/default/i18n/{REFERENCE}.toml")]
    Missing {
        /// The language looked up.
        lang: String,
        /// The key.
        key: String,
    },
    /// A count key used without a count, or a list used as a phrase.
    #[error("key `{key}` in i18n/{lang}.toml {message}")]
    Use {
        /// The language looked up.
        lang: String,
        /// The key.
        key: String,
        /// What is wrong.
        message: String,
    },
}

/// Every language of a theme, by code.
#[derive(Debug, Clone)]
pub struct I18n {
    catalogs: BTreeMap<String, Arc<Catalog>>,
}

/// Reads an i18n file under the rules of every content file: a regular
/// file (a pipe would block for ever), at most
/// [`crate::limits::FILE_BYTES`], UTF-8; a control or invisible character
/// typed into it is an error at its line and column (the words go into
/// every page and into the Atom feeds, where U+0001 is invalid XML).
fn read_words(p: &Path) -> Result<String, I18nError> {
    let text = crate::load::files::read_text(p).map_err(|d| I18nError::Parse {
        path: d.location.to_string(),
        message: match d.help {
            Some(h) => format!("{}\nhelp: {h}", d.message),
            None => d.message,
        },
    })?;
    let (_, removed) = crate::load::files::strip_raw_controls(&text);
    if let Some(&(line, column, c)) = removed.first() {
        return Err(I18nError::Parse {
            path: format!("{}:{line}:{column}", p.display()),
            message: format!(
                "the control or invisible character U+{:04X} is typed here: it would corrupt the pages and feeds the words go into; delete it",
                c as u32
            ),
        });
    }
    Ok(text)
}

/// Refuses words holding a control or invisible character (written as a
/// TOML escape, `"\u0001"`) or longer than [`crate::limits::I18N_ENTRY_CHARS`].
fn check_words(c: &Catalog, path: &str) -> Result<(), I18nError> {
    let limit = crate::limits::I18N_ENTRY_CHARS;
    for key in c.keys() {
        let texts: Vec<&String> = match c.get(key) {
            Some(Entry::Text(t)) => vec![t],
            Some(Entry::Plural { one, other }) => vec![one, other],
            Some(Entry::List(l)) => l.iter().collect(),
            None => Vec::new(),
        };
        for t in texts {
            let bad = |message: String| I18nError::Entry {
                path: path.to_string(),
                key: key.to_string(),
                message,
            };
            if let Some(ch) = t.chars().find(|&ch| {
                crate::load::files::is_removed(ch) || crate::load::files::is_unicode_separator(ch)
            }) {
                return Err(bad(format!(
                    "holds the control or invisible character U+{:04X}: delete it (or its escape)",
                    ch as u32
                )));
            }
            let n = t.chars().count() as u64;
            if n > limit.max {
                return Err(bad(format!("is {}; {}", limit.passed(n), limit.help())));
            }
        }
    }
    Ok(())
}

impl I18n {
    /// The default theme's languages.
    pub fn embedded() -> Result<I18n, I18nError> {
        I18n::from_sources(EMBEDDED.iter().map(|(l, t)| {
            (
                l.to_string(),
                format!("themes/default/i18n/{l}.toml"),
                t.to_string(),
            )
        }))
    }

    /// The languages of a theme directory: every `i18n/*.toml`.
    pub fn from_dir(theme: &Path) -> Result<I18n, I18nError> {
        let dir = theme.join("i18n");
        let mut sources = Vec::new();
        let entries = std::fs::read_dir(&dir).map_err(|_| I18nError::NoReference)?;
        for e in entries.flatten() {
            let p = e.path();
            let (Some(stem), Some("toml")) = (
                p.file_stem().and_then(|s| s.to_str()),
                p.extension().and_then(|s| s.to_str()),
            ) else {
                continue;
            };
            let text = read_words(&p)?;
            sources.push((stem.to_string(), p.display().to_string(), text));
        }
        I18n::from_sources(sources)
    }

    /// Languages from `(code, path, text)` triples; the reference must be one.
    pub fn from_sources(
        sources: impl IntoIterator<Item = (String, String, String)>,
    ) -> Result<I18n, I18nError> {
        let mut catalogs = BTreeMap::new();
        for (lang, path, text) in sources {
            let c = Catalog::parse(&lang, &path, &text)?;
            check_words(&c, &path)?;
            catalogs.insert(lang, Arc::new(c));
        }
        if !catalogs.contains_key(REFERENCE) {
            return Err(I18nError::NoReference);
        }
        Ok(I18n { catalogs })
    }

    /// Lays a project's own words (`<content>/i18n/<lang>.toml`) over the
    /// theme's, key by key; a file for a language the theme lacks adds it.
    pub fn overlay_dir(&mut self, dir: &Path) -> Result<(), I18nError> {
        let entries = std::fs::read_dir(dir).map_err(|e| I18nError::Parse {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().and_then(|s| s.to_str()) == Some("toml"))
            .collect();
        files.sort();
        for p in files {
            let Some(lang) = p.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let text = read_words(&p)?;
            let mine = Catalog::parse(lang, &p.display().to_string(), &text)?;
            check_words(&mine, &p.display().to_string())?;
            match self.catalogs.get_mut(lang) {
                Some(c) => Arc::make_mut(c).overlay(mine),
                None => {
                    self.catalogs.insert(lang.to_string(), Arc::new(mine));
                }
            }
        }
        Ok(())
    }

    /// The language codes, sorted.
    pub fn languages(&self) -> Vec<String> {
        self.catalogs.keys().cloned().collect()
    }

    /// True when the theme speaks `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.catalogs.contains_key(lang)
    }

    /// One language's file.
    pub fn catalog(&self, lang: &str) -> Option<&Catalog> {
        self.catalogs.get(lang).map(|c| c.as_ref())
    }

    /// The entry for `key` in `lang`, or else in the reference language.
    pub fn entry(&self, lang: &str, key: &str) -> Result<&Entry, I18nError> {
        self.catalogs
            .get(lang)
            .and_then(|c| c.get(key))
            .or_else(|| self.catalogs.get(REFERENCE).and_then(|c| c.get(key)))
            .ok_or_else(|| I18nError::Missing {
                lang: lang.to_string(),
                key: key.to_string(),
            })
    }

    /// The words for `key` in `lang`: the count form chosen by `n`, the
    /// placeholders (`{n}` and `args`) filled.
    pub fn text(
        &self,
        lang: &str,
        key: &str,
        n: Option<i64>,
        args: &[(&str, String)],
    ) -> Result<String, I18nError> {
        let form = self.form(lang, key, n)?;
        let mut out = String::with_capacity(form.len() + 16);
        catalog::fill_into(form, args, n, &mut out);
        Ok(out)
    }

    /// [`I18n::text`] in pieces: the phrase's words and each value apart,
    /// so a template can mark the values that are content.
    pub fn text_pieces(
        &self,
        lang: &str,
        key: &str,
        n: Option<i64>,
        args: &[(&str, String)],
    ) -> Result<Vec<Piece>, I18nError> {
        let form = self.form(lang, key, n)?;
        let mut all: Vec<(&str, String)> = args.to_vec();
        if let Some(n) = n {
            all.push(("n", n.to_string()));
        }
        Ok(pieces(form, &all))
    }

    /// The phrase of `key` in `lang`, its count form chosen by `n`.
    fn form(&self, lang: &str, key: &str, n: Option<i64>) -> Result<&str, I18nError> {
        let use_err = |message: &str| I18nError::Use {
            lang: lang.to_string(),
            key: key.to_string(),
            message: message.to_string(),
        };
        match (self.entry(lang, key)?, n) {
            (Entry::Text(s), _) => Ok(s),
            (Entry::Plural { one, .. }, Some(1)) => Ok(one),
            (Entry::Plural { other, .. }, Some(_)) => Ok(other),
            (Entry::Plural { .. }, None) => Err(use_err("is a count: pass n")),
            (Entry::List(_), _) => Err(use_err("is a list of words, not a phrase")),
        }
    }

    /// The [`Locale`] of one language (for words made by the program).
    pub fn locale(&self, lang: &str) -> Locale {
        Locale::new(self.clone(), lang)
    }

    /// The first language whose path words do not make valid paths (one
    /// safe segment each, the sections' words distinct), if any: such a
    /// theme is refused when loaded.
    pub fn path_problem(&self) -> Option<I18nError> {
        self.languages()
            .iter()
            .find_map(|l| Paths::of(self, l).err())
    }

    /// Missing and unused keys of every language, given the keys in use.
    pub fn problems(&self, used: &[String]) -> Vec<Problem> {
        check::problems(self, used)
    }

    /// Registers `t(key, n, …)` on `tera`, bound to `lang`: the function
    /// every template uses for its words. `lang="vi"` asks for another
    /// language's words (the citations are given in fixed languages);
    /// `content="agency"` gives the phrase as pieces (`text`, `content`),
    /// so the page can mark the named values with the content's language.
    pub fn register(&self, tera: &mut tera::Tera, lang: &str) {
        self.register_words(tera, lang);
        let i18n = self.clone();
        let lang = lang.to_string();
        tera.register_function(
            "t",
            move |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
                let key: String = kwargs.must_get("key")?;
                let n: Option<i64> = kwargs.get("n")?;
                let other: Option<String> = kwargs.get("lang")?;
                let content: Option<String> = kwargs.get("content")?;
                let borrowed: Vec<(&str, String)> = kwargs
                    .iter()
                    .filter(|(k, _)| {
                        !matches!(
                            k.as_str(),
                            Some("key") | Some("n") | Some("lang") | Some("content")
                        )
                    })
                    .map(|(k, v)| {
                        let v = v
                            .as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| v.to_string());
                        (k.as_str().unwrap_or_default(), v)
                    })
                    .collect();
                let lang = match other {
                    Some(l) if i18n.has(&l) => l,
                    Some(l) => {
                        return Err(tera::Error::message(format!(
                            "t(lang=\"{l}\"): the theme has no i18n/{l}.toml"
                        )))
                    }
                    None => lang.clone(),
                };
                let to_tera = |e: I18nError| tera::Error::message(e.to_string());
                let Some(content) = content else {
                    return i18n
                        .text(&lang, &key, n, &borrowed)
                        .map(tera::Value::from)
                        .map_err(to_tera);
                };
                // `content="agency,title"`: the phrase in pieces, each
                // saying whether it is one of those (content) values.
                let names: Vec<&str> = content.split(',').map(str::trim).collect();
                let parts: Vec<ContentPiece> = i18n
                    .text_pieces(&lang, &key, n, &borrowed)
                    .map_err(to_tera)?
                    .into_iter()
                    .map(|p| ContentPiece {
                        content: p.arg.as_deref().is_some_and(|a| names.contains(&a)),
                        text: p.text,
                    })
                    .collect();
                Ok(tera::Value::from_serializable(&parts))
            },
        );
    }
}

impl I18n {
    /// Registers `words(key, lang=…)` on `tera`: a list of words (the
    /// month names), for pages that hand them to a script.
    fn register_words(&self, tera: &mut tera::Tera, lang: &str) {
        let i18n = self.clone();
        let lang = lang.to_string();
        tera.register_function(
            "words",
            move |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
                let key: String = kwargs.must_get("key")?;
                let other: Option<String> = kwargs.get("lang")?;
                let lang = other.unwrap_or_else(|| lang.clone());
                match i18n.entry(&lang, &key) {
                    Ok(Entry::List(words)) => Ok(tera::Value::from_serializable(words)),
                    Ok(_) => Err(tera::Error::message(format!(
                        "words(key=\"{key}\"): not a list of words in i18n/{lang}.toml"
                    ))),
                    Err(e) => Err(tera::Error::message(e.to_string())),
                }
            },
        );
    }
}

/// A piece of a phrase as templates see it: its text, and whether it is a
/// value named as content (in the content's language, not the page's).
#[derive(serde::Serialize)]
struct ContentPiece {
    text: String,
    content: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two(vi: &str, en: &str) -> I18n {
        I18n::from_sources([
            ("vi".to_string(), "vi.toml".to_string(), vi.to_string()),
            ("en".to_string(), "en.toml".to_string(), en.to_string()),
        ])
        .unwrap()
    }

    #[test]
    fn counts_choose_their_form_and_missing_keys_fall_back_to_the_reference() {
        let i = two(
            "[c]\none = \"{n} nhiệm vụ\"\nother = \"{n} nhiệm vụ\"\n[a]\nx = \"Chỉ tiếng Việt\"\n",
            "[c]\none = \"{n} task\"\nother = \"{n} tasks\"\n",
        );
        assert_eq!(i.text("en", "c", Some(1), &[]).unwrap(), "1 task");
        assert_eq!(i.text("en", "c", Some(0), &[]).unwrap(), "0 tasks");
        assert_eq!(i.text("vi", "c", Some(7), &[]).unwrap(), "7 nhiệm vụ");
        assert_eq!(i.text("en", "a.x", None, &[]).unwrap(), "Chỉ tiếng Việt");
        let e = i.text("en", "c", None, &[]).unwrap_err();
        assert!(e.to_string().contains("pass n"), "{e}");
        let e = i.text("en", "nope", None, &[]).unwrap_err();
        assert!(
            e.to_string().contains("`nope`") && e.to_string().contains("help:"),
            "{e}"
        );
    }

    #[test]
    fn a_theme_without_the_reference_language_is_refused() {
        let e = I18n::from_sources([("en".to_string(), "en.toml".to_string(), String::new())])
            .unwrap_err();
        assert_eq!(e, I18nError::NoReference);
    }

    #[test]
    fn the_t_function_is_bound_to_its_language_and_escaped_like_any_value() {
        let i = two("[a]\nx = \"Kế <b>\"\n", "[a]\nx = \"Plan <b>\"\n");
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        // Templates are checked for their functions when added.
        i.register(&mut tera, "vi");
        tera.add_raw_template("p.html", r#"{{ t(key="a.x") }}|{{ t(key="a.x", n=2) }}"#)
            .unwrap();
        let mut en = tera.clone();
        i.register(&mut en, "en");
        let ctx = tera::Context::new();
        assert_eq!(
            tera.render("p.html", &ctx).unwrap(),
            "Kế &lt;b&gt;|Kế &lt;b&gt;"
        );
        assert_eq!(
            en.render("p.html", &ctx).unwrap(),
            "Plan &lt;b&gt;|Plan &lt;b&gt;"
        );
        tera.add_raw_template("q.html", r#"{{ t(key="a.none") }}"#)
            .unwrap();
        assert!(tera.render("q.html", &ctx).is_err());
    }

    #[test]
    fn t_gives_another_languages_words_when_asked_and_refuses_an_unknown_one() {
        let i = two("[a]\nx = \"Kế {w}\"\n", "[a]\nx = \"Plan {w}\"\n");
        let mut tera = tera::Tera::new();
        i.register(&mut tera, "vi");
        tera.add_raw_template(
            "p.html",
            r#"{{ t(key="a.x", w="1") }}|{{ t(key="a.x", lang="en", w="2") }}"#,
        )
        .unwrap();
        tera.add_raw_template("q.html", r#"{{ t(key="a.x", lang="fr") }}"#)
            .unwrap();
        let ctx = tera::Context::new();
        assert_eq!(tera.render("p.html", &ctx).unwrap(), "Kế 1|Plan 2");
        let e = crate::render::theme::error_chain(&tera.render("q.html", &ctx).unwrap_err());
        assert!(e.contains("i18n/fr.toml"), "{e}");
    }
}
