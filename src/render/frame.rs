//! The frame of every page: where it sits (its language's folder, its
//! edition, its directory), the prefixes back to each root, its archived
//! copies, its twins in the other languages (`hreflang` links and the
//! language switch; a snapshot's switch leads to the live twins), then the
//! template.

use serde::Serialize;

use crate::model::Model;

use super::edition::{Edition, Lang};
use super::page::{PageSpec, Place};
use super::snapshot::{self, Snapshot};
use super::theme::{self, Theme};
use super::{i18n_error, pages, urls, OutFile, RenderError};

/// Room reserved for a page before rendering: most pages fit, so the
/// buffer seldom grows (and is copied) while the template runs.
const PAGE_CAPACITY: usize = 16 * 1024;

/// What every page of a build shares.
pub struct Site<'a> {
    /// The content.
    pub model: &'a Model,
    /// Templates and words.
    pub theme: &'a Theme,
    /// The languages rendered, the site's own first.
    pub langs: &'a [Lang<'a>],
    /// The snapshots of the report months.
    pub snaps: &'a [Snapshot],
    /// What every page of each language shows alike (by language code),
    /// made into template values once.
    pub shared: Vec<(String, Shared)>,
}

/// The values every page of one language shows alike: the site, the path
/// words, the citation languages and their words. Made once per language
/// (a template value is shared, not copied, by every page that takes it).
pub struct Shared {
    site: tera::Value,
    paths: tera::Value,
    cite_langs: tera::Value,
    cite_words: tera::Value,
}

impl Shared {
    /// The values of the pages in the words of `l`.
    pub fn new(model: &Model, l: &super::i18n::Locale) -> Shared {
        Shared {
            site: tera::Value::from_serializable(&model.site),
            paths: tera::Value::from_serializable(l.paths()),
            cite_langs: tera::Value::from_serializable(&super::cite::cite_langs(model, l)),
            cite_words: super::cite::cite_words(model, l),
        }
    }
}

/// The same page in one language, for `<link rel="alternate" hreflang>`
/// and the language switch.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Alternate {
    /// Language code (`vi`, `en`, or `x-default`).
    pub lang: String,
    /// The language's own name (`Tiếng Việt`, `English`).
    pub name: String,
    /// Absolute with a base URL, else relative to the page.
    pub href: String,
    /// Relative to the page always, for the visible switch (works from
    /// disk and before publication).
    pub link: String,
    /// True for the page itself.
    pub current: bool,
}

impl Site<'_> {
    /// Renders one page of an edition. Live pages that every edition has
    /// link to their archived copies; snapshot pages link back to the live
    /// page; live pages link to their twins in the other languages.
    pub fn page(
        &self,
        ed: &Edition,
        mut spec: PageSpec,
        archived: bool,
    ) -> Result<OutFile, RenderError> {
        let lang = ed.lang;
        match &ed.snapshot_of {
            Some(period) => {
                spec.context.insert("snapshot_of", period);
                spec.context.insert("live_href", &urls::href(&spec.dir));
            }
            None => {
                let archives = if archived {
                    snapshot::archive_links(
                        self.model,
                        &ed.locale,
                        self.snaps,
                        lang.shared,
                        &spec.dir,
                    )
                } else {
                    Vec::new()
                };
                spec.context.insert("archives", &archives);
            }
        }
        let in_lang = format!("{}{}", ed.root, spec.dir);
        let full = format!("{}{in_lang}", lang.root);
        let out_root = urls::root_from(&full);
        let (alternates, live_twins) = if ed.is_snapshot() {
            // A snapshot is built in one language: its switch leads to the
            // live page's twins in the others (and says so), and it has no
            // `hreflang` twins of its own.
            let twins: Vec<Alternate> = self
                .alternates(lang, &spec.dir, &out_root)?
                .into_iter()
                .filter(|a| !a.current && a.lang != "x-default")
                .collect();
            (Vec::new(), twins)
        } else {
            (self.alternates(lang, &spec.dir, &out_root)?, Vec::new())
        };
        let place = Place {
            dir: &full,
            root: urls::root_from(&spec.dir),
            site_root: urls::root_from(&in_lang),
        };
        let mut ctx = spec.context;
        pages::common(self.model, ed.derived, &ed.locale, &place, &mut ctx);
        let made;
        let sh = match self.shared.iter().find(|(c, _)| c == lang.code()) {
            Some((_, sh)) => sh,
            None => {
                made = Shared::new(self.model, &ed.locale);
                &made
            }
        };
        ctx.insert_value("site", sh.site.clone());
        ctx.insert_value("paths", sh.paths.clone());
        ctx.insert_value("cite_langs", sh.cite_langs.clone());
        ctx.insert_value("cite_words", sh.cite_words.clone());
        ctx.insert("out_root", &out_root);
        ctx.insert("assets", &format!("{out_root}{}/", lang.shared.assets));
        ctx.insert("alternates", &alternates);
        ctx.insert("live_twins", &live_twins);
        // The content keeps its language inside another language's pages
        // (WCAG 3.1.2): templates mark its passages with it, when it differs.
        let content = &self.model.site.language;
        ctx.insert(
            "content_lang",
            if lang.code() == content.as_str() {
                ""
            } else {
                content.as_str()
            },
        );
        // The as-of date in the words of the page's language.
        ctx.insert("as_of", &ed.locale.date_text(ed.derived.as_of));
        ctx.insert("title", &spec.title);
        ctx.insert("description", &spec.description);
        // Rendered straight into bytes: the template and every value are
        // UTF-8 already, so the page is not checked again as a `String`.
        let mut bytes = Vec::with_capacity(PAGE_CAPACITY);
        self.theme
            .tera_for(lang.code())
            .render_to(spec.template, &ctx, &mut bytes)
            .map_err(|e| RenderError::Template {
                template: spec.template.to_string(),
                message: theme::error_chain(&e),
            })?;
        Ok(OutFile {
            path: format!("{full}index.html"),
            bytes,
        })
    }

    /// The page `dir` of `lang` in every language, then `x-default` (the
    /// site's own language); empty when the site has one language or the
    /// page has no twin.
    fn alternates(
        &self,
        lang: &Lang,
        dir: &str,
        out_root: &str,
    ) -> Result<Vec<Alternate>, RenderError> {
        if self.langs.len() < 2 {
            return Ok(Vec::new());
        }
        let Some(at) = urls::address(lang.paths(), dir) else {
            return Ok(Vec::new());
        };
        let mut v = Vec::with_capacity(self.langs.len() + 1);
        for l in self.langs {
            let full = format!("{}{}", l.root, urls::address_dir(l.paths(), &at));
            let link = format!("{out_root}{}", urls::href(&full));
            let href = match &self.model.site.base_url {
                Some(b) => format!("{b}{full}"),
                None => link.clone(),
            };
            let name = l.locale.t("meta.name", None).map_err(i18n_error)?;
            v.push(Alternate {
                lang: l.code().to_string(),
                name,
                href,
                link,
                current: l.code() == lang.code(),
            });
        }
        if let Some(first) = v.first() {
            v.push(Alternate {
                lang: "x-default".into(),
                name: first.name.clone(),
                href: first.href.clone(),
                link: first.link.clone(),
                current: false,
            });
        }
        Ok(v)
    }
}
