//! One language's words: a theme's `i18n/<lang>.toml` read into flat keys
//! (`nav.plans`), each a phrase or a count with `one`/`other` forms.

use std::collections::BTreeMap;

use super::I18nError;

/// What a key holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// One phrase.
    Text(String),
    /// A phrase with a count: `one` when the count is 1, else `other`.
    Plural {
        /// The form for a count of 1.
        one: String,
        /// The form for every other count.
        other: String,
    },
    /// A list of words (month names), looked up by position.
    List(Vec<String>),
}

/// One language's words, by flat key.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Language code (`vi`, `en`): the file's stem.
    pub lang: String,
    entries: BTreeMap<String, Entry>,
}

impl Catalog {
    /// Reads a catalogue from TOML text; `path` names the file in errors.
    pub fn parse(lang: &str, path: &str, text: &str) -> Result<Catalog, I18nError> {
        let table: toml::Table = toml::from_str(text).map_err(|e| I18nError::Parse {
            path: path.to_string(),
            message: e.to_string(),
        })?;
        let mut entries = BTreeMap::new();
        flatten("", &table, path, &mut entries)?;
        Ok(Catalog {
            lang: lang.to_string(),
            entries,
        })
    }

    /// The entry of a key, when the file has it.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key)
    }

    /// Lays `other`'s entries over this catalogue's (a project's own words
    /// over the theme's).
    pub fn overlay(&mut self, other: Catalog) {
        self.entries.extend(other.entries);
    }

    /// Every key, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    path: &str,
    out: &mut BTreeMap<String, Entry>,
) -> Result<(), I18nError> {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        let bad = |what: &str| I18nError::Entry {
            path: path.to_string(),
            key: key.clone(),
            message: what.to_string(),
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key.clone(), Entry::Text(s.clone()));
            }
            toml::Value::Array(items) => {
                let words = items
                    .iter()
                    .map(|i| i.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| bad("a list holds words only"))?;
                out.insert(key.clone(), Entry::List(words));
            }
            toml::Value::Table(t) if t.contains_key("one") || t.contains_key("other") => {
                let form = |f: &str| {
                    t.get(f)
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                        .ok_or_else(|| bad("a count needs both `one` and `other` as text"))
                };
                if t.len() != 2 {
                    return Err(bad("a count has exactly the forms `one` and `other`"));
                }
                out.insert(
                    key.clone(),
                    Entry::Plural {
                        one: form("one")?,
                        other: form("other")?,
                    },
                );
            }
            toml::Value::Table(t) => flatten(&key, t, path, out)?,
            _ => return Err(bad("a value is text, a list of words, or `one`/`other`")),
        }
    }
    Ok(())
}

/// Fills `{name}` placeholders from `args`; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    fill_into(template, args, None, &mut out);
    out
}

/// [`fill`] onto the end of `out`, `{n}` filled with `n` when no argument
/// is named `n`: the words of a page, made without a list of pieces.
pub fn fill_into(template: &str, args: &[(&str, String)], n: Option<i64>, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let name = &after[..close];
        match args.iter().find(|(a, _)| *a == name) {
            Some((_, v)) => out.push_str(v),
            None => match n.filter(|_| name == "n") {
                Some(n) => {
                    use std::fmt::Write as _;
                    let _ = write!(out, "{n}");
                }
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

/// A stretch of a filled phrase: the phrase's own words, or the value of
/// one placeholder (so a page can mark a value in another language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text of the stretch.
    pub text: String,
    /// The placeholder it fills, if it is a value.
    pub arg: Option<String>,
}

/// [`fill`] in stretches: the phrase's words and each placeholder's value
/// apart, in order; joined, they are exactly what [`fill`] gives.
pub fn pieces(template: &str, args: &[(&str, String)]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut words = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        words.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => {
                        if !words.is_empty() {
                            out.push(Piece {
                                text: std::mem::take(&mut words),
                                arg: None,
                            });
                        }
                        out.push(Piece {
                            text: v.clone(),
                            arg: Some(name.to_string()),
                        });
                    }
                    None => {
                        words.push('{');
                        words.push_str(name);
                        words.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                words.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    words.push_str(rest);
    if !words.is_empty() {
        out.push(Piece {
            text: words,
            arg: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nested_tables_become_dotted_keys_and_counts_plurals() {
        let c = Catalog::parse(
            "en",
            "en.toml",
            "[nav]\nplans = \"Plans\"\n[count.tasks]\none = \"{n} task\"\nother = \"{n} tasks\"\n[date]\nmonths = [\"Jan\"]\n",
        )
        .unwrap();
        assert_eq!(c.get("nav.plans"), Some(&Entry::Text("Plans".into())));
        assert_eq!(
            c.get("count.tasks"),
            Some(&Entry::Plural {
                one: "{n} task".into(),
                other: "{n} tasks".into()
            })
        );
        assert_eq!(c.get("date.months"), Some(&Entry::List(vec!["Jan".into()])));
        assert_eq!(
            c.keys().collect::<Vec<_>>(),
            ["count.tasks", "date.months", "nav.plans"]
        );
    }

    #[test]
    fn malformed_files_and_entries_are_errors_naming_file_and_key() {
        let e = Catalog::parse("en", "x/en.toml", "[nav\n").unwrap_err();
        assert!(e.to_string().contains("x/en.toml"), "{e}");
        assert!(e.to_string().contains("line 1"), "{e}");
        let e = Catalog::parse("en", "en.toml", "[c]\none = \"a\"\n").unwrap_err();
        assert!(e.to_string().contains("`c`"), "{e}");
        let e = Catalog::parse("en", "en.toml", "n = 3\n").unwrap_err();
        assert!(e.to_string().contains("`n`"), "{e}");
        let e = Catalog::parse(
            "en",
            "en.toml",
            "[c]\none = \"a\"\nother = \"b\"\nfew = \"c\"\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("exactly"), "{e}");
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let args = [("n", "3".to_string()), ("total", "10".to_string())];
        assert_eq!(fill("{n} of {total}", &args), "3 of 10");
        assert_eq!(fill("{x} {n}", &args), "{x} 3");
        assert_eq!(fill("open { brace", &args), "open { brace");
    }

    #[test]
    fn pieces_set_each_value_apart_from_the_words() {
        let args = [("agency", "Sở Y tế".to_string())];
        let p = pieces("Tasks of {agency}, {x}.", &args);
        let shape: Vec<(&str, Option<&str>)> = p
            .iter()
            .map(|p| (p.text.as_str(), p.arg.as_deref()))
            .collect();
        assert_eq!(
            shape,
            [
                ("Tasks of ", None),
                ("Sở Y tế", Some("agency")),
                (", {x}.", None)
            ]
        );
    }

    proptest! {
        /// Text without braces passes through unchanged; a placeholder is
        /// replaced by its value wherever it stands.
        #[test]
        fn fill_replaces_only_placeholders(a in "[^{}]*", b in "[^{}]*", v in "[^{}]*") {
            prop_assert_eq!(fill(&format!("{a}{b}"), &[("n", v.clone())]), format!("{a}{b}"));
            prop_assert_eq!(fill(&format!("{a}{{n}}{b}"), &[("n", v.clone())]), format!("{a}{v}{b}"));
        }

        /// Joined, the pieces are the filled phrase; words never hold a
        /// value and no two word pieces stand side by side.
        #[test]
        fn pieces_join_to_the_filled_phrase(t in "[a-z{}]{0,30}", v in "\\PC{0,8}", w in "\\PC{0,8}") {
            let args = [("a", v), ("b", w)];
            let p = pieces(&t, &args);
            let joined: String = p.iter().map(|p| p.text.as_str()).collect();
            prop_assert_eq!(joined, fill(&t, &args));
            for pair in p.windows(2) {
                prop_assert!(pair[0].arg.is_some() || pair[1].arg.is_some());
            }
            for x in &p {
                if let Some(name) = &x.arg {
                    let placeholder = format!("{{{name}}}");
                    prop_assert!(t.contains(&placeholder));
                }
            }
        }

        /// Any phrase written into a file reads back byte for byte.
        #[test]
        fn phrases_read_back_verbatim(s in "\\PC*") {
            let text = format!("[k]\nv = {}\n", toml_quote(&s));
            let c = Catalog::parse("vi", "vi.toml", &text).unwrap();
            prop_assert_eq!(c.get("k.v"), Some(&Entry::Text(s)));
        }
    }

    fn toml_quote(s: &str) -> String {
        let mut q = String::from("\"");
        for ch in s.chars() {
            match ch {
                '"' => q.push_str("\\\""),
                '\\' => q.push_str("\\\\"),
                c if (c as u32) < 0x20 || c == '\u{7f}' => {
                    q.push_str(&format!("\\u{:04X}", c as u32))
                }
                c => q.push(c),
            }
        }
        q.push('"');
        q
    }
}
