//! The theme: Tera templates and static assets. The default theme is built
//! into the binary, so `minhbach build` works from any directory; `--theme`
//! loads another from disk. Its words live in `i18n/<lang>.toml`; each
//! language gets its own template engine with `t` bound to it.

use std::collections::BTreeMap;
use std::path::Path;

use tera::Tera;

use super::i18n::{fold_words, keys_in_template, I18n, Locale, Problem};
use super::state_colours::StateColours;
use super::RenderError;

/// Static files of a theme (under `static/`), copied to `tai-nguyen/`.
const ASSETS: [&str; 3] = ["style.css", "site.js", "tim-kiem.js"];

/// Static files a theme may leave out; the default theme's copy is used.
const OPTIONAL_ASSETS: [&str; 1] = ["favicon.svg"];

macro_rules! embedded {
    ($($name:literal),*) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// Template files of a theme (under `templates/`), with the default
/// theme's copies built into the program.
const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded!(
    "atom.xml",
    "sitemap.xml",
    "base.html",
    "calendar_index.html",
    "calendar_month.html",
    "charts.html",
    "data.html",
    "macros/cell.html",
    "macros/chart.html",
    "macros/cite.html",
    "macros/events.html",
    "macros/tasklist.html",
    "macros/parts.html",
    "macros/plantable.html",
    "macros/agencyparts.html",
    "macros/words.html",
    "home.html",
    "plans.html",
    "plan.html",
    "report.html",
    "reports.html",
    "search.html",
    "task.html",
    "agencies.html",
    "agency.html",
    "status.html",
    "status_part.html",
    "agency_part.html",
    "plan_part.html"
);

const DEFAULT_ASSETS: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "site.js",
        include_bytes!("../../themes/default/static/site.js"),
    ),
    (
        "tim-kiem.js",
        include_bytes!("../../themes/default/static/tim-kiem.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
];

/// Loaded templates and assets.
pub struct Theme {
    /// The template engine with every template parsed, `t` bound to the
    /// reference language (Vietnamese).
    pub tera: Tera,
    /// The same templates with `t` bound to each other language of the
    /// theme (the reference language's engine is [`Theme::tera`]).
    by_language: BTreeMap<String, Tera>,
    /// The theme's words in every language.
    pub i18n: I18n,
    /// The templates' sources (name, text), as the theme wrote them.
    templates: Vec<(String, String)>,
    /// Every key the templates look up literally, sorted.
    pub template_keys: Vec<String>,
    /// Static files: name and bytes.
    pub assets: Vec<(String, Vec<u8>)>,
    /// The colour of each state, from `style.css`.
    pub states: StateColours,
}

impl Theme {
    /// The default theme compiled into the program.
    pub fn embedded() -> Result<Theme, RenderError> {
        let templates: Vec<(String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        let assets = DEFAULT_ASSETS
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        let i18n = I18n::embedded().map_err(|e| RenderError::Theme {
            path: "themes/default/i18n".into(),
            message: e.to_string(),
        })?;
        Theme::new(templates, assets, i18n)
    }

    /// A theme from a directory with `templates/` and `static/`.
    pub fn from_dir(dir: &Path) -> Result<Theme, RenderError> {
        let read = |p: &Path| {
            std::fs::read(p).map_err(|e| RenderError::Theme {
                path: p.display().to_string(),
                message: e.to_string(),
            })
        };
        let mut templates = Vec::new();
        for (name, _) in DEFAULT_TEMPLATES {
            let p = dir.join("templates").join(name);
            let bytes = read(&p)?;
            let text = String::from_utf8(bytes).map_err(|_| RenderError::Theme {
                path: p.display().to_string(),
                message: "not UTF-8".into(),
            })?;
            templates.push((name.to_string(), text));
        }
        let mut assets = Vec::new();
        for name in ASSETS {
            assets.push((name.to_string(), read(&dir.join("static").join(name))?));
        }
        for name in OPTIONAL_ASSETS {
            let p = dir.join("static").join(name);
            let bytes = if p.exists() {
                read(&p)?
            } else {
                DEFAULT_ASSETS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, b)| b.to_vec())
                    .unwrap_or_default()
            };
            assets.push((name.to_string(), bytes));
        }
        // A theme without its own words speaks the default theme's.
        let i18n = if dir.join("i18n").is_dir() {
            I18n::from_dir(dir)
        } else {
            I18n::embedded()
        };
        let i18n = i18n.map_err(|e| RenderError::Theme {
            path: dir.join("i18n").display().to_string(),
            message: e.to_string(),
        })?;
        Theme::new(templates, assets, i18n)
    }

    fn new(
        templates: Vec<(String, String)>,
        assets: Vec<(String, Vec<u8>)>,
        i18n: I18n,
    ) -> Result<Theme, RenderError> {
        let mut template_keys: Vec<String> = templates
            .iter()
            .flat_map(|(_, src)| keys_in_template(src))
            .collect();
        template_keys.sort();
        template_keys.dedup();
        let missing = super::i18n::missing_program_keys(&i18n);
        if !missing.is_empty() {
            return Err(RenderError::Theme {
                path: format!("i18n/{}.toml", super::i18n::REFERENCE),
                message: format!(
                    "the words of {} are missing\nhelp: copy them from themes/default/i18n/{}.toml",
                    missing.join(", "),
                    super::i18n::REFERENCE
                ),
            });
        }
        if let Some(e) = i18n.path_problem() {
            return Err(RenderError::Theme {
                path: "i18n".into(),
                message: e.to_string(),
            });
        }
        let (tera, by_language) = engines(&templates, &i18n)?;
        let css = assets
            .iter()
            .find(|(n, _)| n == "style.css")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let states = StateColours::from_css(&css).map_err(|message| RenderError::Theme {
            path: "static/style.css".into(),
            message,
        })?;
        Ok(Theme {
            tera,
            by_language,
            i18n,
            templates,
            template_keys,
            assets,
            states,
        })
    }

    /// The template engine speaking `lang` (the reference one when the
    /// theme has no such language; `language` is validated before).
    pub fn tera_for(&self, lang: &str) -> &Tera {
        self.by_language.get(lang).unwrap_or(&self.tera)
    }

    /// Lays a project's own words (`<content>/i18n/`) over the theme's and
    /// binds `t` to the result in every language.
    pub fn overlay_i18n(&mut self, dir: &Path) -> Result<(), RenderError> {
        self.i18n.overlay_dir(dir).map_err(|e| RenderError::Theme {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
        if let Some(e) = self.i18n.path_problem() {
            return Err(RenderError::Theme {
                path: dir.display().to_string(),
                message: e.to_string(),
            });
        }
        (self.tera, self.by_language) = engines(&self.templates, &self.i18n)?;
        Ok(())
    }

    /// Missing and unused translation keys of the theme.
    pub fn i18n_problems(&self) -> Vec<Problem> {
        self.i18n.problems(&self.template_keys)
    }
}

/// The template engine of `lang`: `t`, `words` and the number filters
/// bound to it, and the templates compiled with its constant words folded
/// in (see [`fold_words`]).
fn engine(templates: &[(String, String)], i18n: &I18n, lang: &str) -> Result<Tera, RenderError> {
    let mut tera = Tera::new();
    i18n.register(&mut tera, lang);
    super::revised::register(&mut tera);
    tera.autoescape_on(vec![".html", ".xml"]);
    register_numbers(&mut tera, &i18n.locale(lang));
    let word = |key: &str| i18n.text(lang, key, None, &[]).ok();
    let folded = templates.iter().map(|(name, src)| {
        let autoescaped = name.ends_with(".html") || name.ends_with(".xml");
        (name.clone(), fold_words(src, autoescaped, &word))
    });
    let error = |e: tera::Error| RenderError::Template {
        template: "theme".into(),
        message: error_chain(&e),
    };
    if let Err(folded_error) = tera.add_raw_templates(folded) {
        // The theme's own text names the line and column of a mistake;
        // the folded text may have moved it along its line.
        tera.add_raw_templates(templates.to_vec()).map_err(error)?;
        return Err(error(folded_error));
    }
    Ok(tera)
}

/// An engine for every language of the theme, made side by side: the
/// reference language's, then each other language's by code.
fn engines(
    templates: &[(String, String)],
    i18n: &I18n,
) -> Result<(Tera, BTreeMap<String, Tera>), RenderError> {
    use rayon::prelude::*;
    let reference = super::i18n::REFERENCE;
    let mut langs = vec![reference.to_string()];
    langs.extend(i18n.languages().into_iter().filter(|l| l != reference));
    let made: Vec<Result<(String, Tera), RenderError>> = langs
        .into_par_iter()
        .map(|lang| Ok((lang.clone(), engine(templates, i18n, &lang)?)))
        .collect();
    // The first language's error, whichever engine failed first.
    let mut all: Vec<(String, Tera)> = made.into_iter().collect::<Result<_, _>>()?;
    let others = all.split_off(1);
    let (_, tera) = all.remove(0);
    Ok((tera, others.into_iter().collect()))
}

/// Numbers the language's way in templates: `{{ x | so }}` (`1.234,5`,
/// `1,234.5`), `{{ x | phan_tram }}` (`90,2 %`, `90.2%`), and `{{ c | so_o }}`
/// for a table cell that may hold a machine-format number (any other text
/// is left as it is). The filter names are the theme's, kept as they were.
fn register_numbers(tera: &mut Tera, locale: &Locale) {
    let l = locale.clone();
    tera.register_filter("so", move |x: f64, _: tera::Kwargs, _: &tera::State| {
        l.number(x, 1)
    });
    let l = locale.clone();
    tera.register_filter(
        "phan_tram",
        move |x: f64, _: tera::Kwargs, _: &tera::State| l.percent(x),
    );
    let l = locale.clone();
    tera.register_filter("so_o", move |x: &str, _: tera::Kwargs, _: &tera::State| {
        l.cell(x)
    });
}

/// A Tera error with its causes, on one line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}
