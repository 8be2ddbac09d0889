//! A scanner for executable markup in built pages, shared by the hostile
//! fixture test and the Markdown fuzz harness: scripts other than the
//! theme's, event-handler attributes, script-capable URLs, frames.
#![allow(dead_code)]

use std::sync::LazyLock;

use regex::Regex;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\x22']|\x22[^\x22]*\x22|'[^']*')*)>").unwrap()
});
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"#).unwrap()
});

/// Problems in one HTML file: executable tags, handlers and URLs.
pub fn executable(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in TAG.captures_iter(html) {
        let name = tag[1].to_ascii_lowercase();
        let attrs = &tag[2];
        let refresh = name == "meta" && attrs.to_ascii_lowercase().contains("http-equiv");
        if ["iframe", "frame", "object", "embed", "base"].contains(&name.as_str()) || refresh {
            found.push(format!("<{name}{attrs}>"));
        }
        for a in ATTR.captures_iter(attrs) {
            let key = a[1].to_ascii_lowercase();
            let value = a
                .get(2)
                .or(a.get(3))
                .or(a.get(4))
                .map_or("", |m| m.as_str());
            if key.starts_with("on") || key == "srcdoc" || key == "formaction" {
                found.push(format!("<{name} {key}=…>"));
            }
            let folded: String = value
                .replace("&#x3A;", ":")
                .replace("&#58;", ":")
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if ["href", "src", "action", "xlink:href", "poster", "data"].contains(&key.as_str())
                && ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|s| folded.starts_with(s))
            {
                found.push(format!("<{name} {key}={value:?}>"));
            }
        }
        if name == "script" {
            // Only the theme's own scripts, by address.
            let src = ATTR
                .captures_iter(attrs)
                .find(|a| a[1].eq_ignore_ascii_case("src"))
                .and_then(|a| a.get(2).map(|m| m.as_str().to_string()));
            let ok = src.as_deref().is_some_and(|s| {
                s.ends_with("tai-nguyen/site.js") || s.ends_with("tai-nguyen/tim-kiem.js")
            });
            if !ok {
                found.push(format!("<script{attrs}>"));
            }
        }
    }
    found
}

/// One start tag: its lowercase name and attributes (values as written,
/// with `&amp;` decoded).
#[derive(Debug, Clone)]
pub struct Tag {
    /// Lowercase tag name.
    pub name: String,
    /// Attributes by lowercase name.
    pub attrs: std::collections::BTreeMap<String, String>,
}

impl Tag {
    /// The value of attribute `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).map(String::as_str)
    }
}

/// Every start tag of an HTML file, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    TAG.captures_iter(html)
        .map(|t| Tag {
            name: t[1].to_ascii_lowercase(),
            attrs: ATTR
                .captures_iter(&t[2])
                .map(|a| {
                    let v = a
                        .get(2)
                        .or(a.get(3))
                        .or(a.get(4))
                        .map_or("", |m| m.as_str())
                        .replace("&amp;", "&");
                    (a[1].to_ascii_lowercase(), v)
                })
                .collect(),
        })
        .collect()
}
