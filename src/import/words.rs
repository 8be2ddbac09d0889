//! The words an office writes for a status, read as the four statuses of a
//! report: the theme's labels (`reported.<key>`) and synonyms
//! (`status_words.<key>`, a list) in every language of the theme, the
//! project's own `<content>/i18n/<lang>.toml` laid over them, and the keys
//! themselves (`done`, `in-progress`, …). Words are compared in NFC, without
//! case, with runs of white space as one space.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::report::Reported;
use crate::render::i18n::{Entry, I18n};

/// Status words, by their folded form.
#[derive(Debug, Clone, Default)]
pub struct StatusWords {
    words: HashMap<String, Reported>,
    /// Each status's words as first listed, for messages.
    shown: Vec<(Reported, Vec<String>)>,
}

/// NFC, lower case, white space collapsed, a final full stop dropped.
pub fn fold(s: &str) -> String {
    let s: String = s.nfc().collect::<String>().to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_end_matches('.').trim().to_string()
}

impl StatusWords {
    /// The words of every language of `i18n`, reference language first.
    pub fn from_i18n(i18n: &I18n) -> Self {
        let mut w = StatusWords::default();
        let mut langs = i18n.languages();
        langs.sort_by_key(|l| l != crate::render::i18n::REFERENCE);
        for r in Reported::ALL {
            let mut list = vec![r.key().to_string()];
            for lang in &langs {
                let Some(c) = i18n.catalog(lang) else {
                    continue;
                };
                if let Some(Entry::Text(t)) = c.get(&format!("reported.{}", r.key())) {
                    list.push(t.clone());
                }
                if let Some(Entry::List(v)) = c.get(&format!("status_words.{}", r.key())) {
                    list.extend(v.iter().cloned());
                }
            }
            w.add(r, list);
        }
        w
    }

    /// The built-in theme's words (for imports without a content folder).
    pub fn embedded() -> Self {
        match I18n::embedded() {
            Ok(i) => StatusWords::from_i18n(&i),
            Err(_) => {
                let mut w = StatusWords::default();
                for r in Reported::ALL {
                    w.add(r, vec![r.key().to_string(), r.label().to_string()]);
                }
                w
            }
        }
    }

    fn add(&mut self, r: Reported, list: Vec<String>) {
        let mut shown = Vec::new();
        for word in list {
            let k = fold(&word);
            if k.is_empty() {
                continue;
            }
            // The first status a word is given to keeps it.
            if let std::collections::hash_map::Entry::Vacant(e) = self.words.entry(k) {
                e.insert(r);
                shown.push(word);
            }
        }
        self.shown.push((r, shown));
    }

    /// The status a cell's words mean.
    pub fn read(&self, cell: &str) -> Option<Reported> {
        self.words.get(&fold(cell)).copied()
    }

    /// The accepted words, for a message: the first few of each status.
    pub fn describe(&self) -> String {
        self.shown
            .iter()
            .map(|(_, v)| {
                v.iter()
                    .skip(1)
                    .take(3)
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" / ")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}
