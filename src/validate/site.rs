//! Checks `site.yaml`: the address the site is published at, its time zone,
//! language and as-of date. These values are written into every page, feed
//! and calendar file, so nothing but a well-formed value may pass.

use std::str::FromStr;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::diagnostics::{short, Diagnostic, Diagnostics, Location};
use crate::load::raw::SiteFile;
use crate::load::Loaded;
use crate::model::Site;

/// An absolute http(s) address: a host name of ASCII letters, digits, dots
/// and hyphens (internationalised names in their `xn--` form), an optional
/// port, and a path of plain URL characters (no query or fragment).
static BASE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/+,;=:@!$&-]*)?$")
        .unwrap_or_else(|e| unreachable!("the base URL pattern is valid: {e}"))
});

/// An absolute http(s) address to link to: a host as for [`BASE_URL`],
/// then any path, query and fragment without spaces, quotes or angle
/// brackets (non-ASCII letters are allowed: browsers encode them).
static WEB_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][^\s"'<>\\^`{|}]*)?$"#)
        .unwrap_or_else(|e| unreachable!("the address pattern is valid: {e}"))
});

/// True when `url` is an absolute http(s) address that can be published
/// as a link (evidence documents).
pub fn is_web_address(url: &str) -> bool {
    WEB_ADDRESS.is_match(url)
}

/// A language tag such as `vi` or `en-GB`.
static LANGUAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
        .unwrap_or_else(|e| unreachable!("the language pattern is valid: {e}"))
});

/// True for a well-formed language tag (`vi`, `en-GB`); other values are
/// reported here, so later checks of the language skip them.
pub fn is_language_tag(s: &str) -> bool {
    LANGUAGE.is_match(s)
}

/// Checks a base URL (from `site.yaml` or `--base-url`) and returns it
/// ending in `/`.
pub fn base_url(url: &str, loc: Location) -> Result<String, Diagnostic> {
    if BASE_URL.is_match(url) {
        return Ok(if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        });
    }
    let why = if url.chars().any(char::is_control) {
        "it contains a control character"
    } else if !(url.starts_with("https://") || url.starts_with("http://")) {
        "only absolute http:// or https:// addresses can be published"
    } else {
        "it is not a plain web address (spaces, quotes, `?`, `#` and non-ASCII characters are not allowed)"
    };
    Err(Diagnostic::error(
        loc,
        format!("the base URL {:?} cannot be used: {why}", short(url)),
    )
    .with_help("write the address the site is published at, e.g. `https://minhbach.example.vn/` (an internationalised domain in its xn-- form)"))
}

/// Validates the site settings; `as_of` overrides the file's date.
pub fn site(file: &Loaded<SiteFile>, as_of: Option<NaiveDate>, diags: &mut Diagnostics) -> Site {
    let s = &file.value;
    let at = |p: &str| file.spans.locate(&file.path, p);
    let as_of = match as_of.or(s.as_of) {
        Some(d) => {
            super::bounds::check_date(d, "the as-of date", at("as_of"), diags);
            d
        }
        None => {
            diags.push(
                Diagnostic::error(
                    Location::file(&file.path),
                    "no \"as of\" date: the site cannot say what date its statuses refer to",
                )
                .with_help("add `as_of: YYYY-MM-DD` to site.yaml or pass --as-of YYYY-MM-DD"),
            );
            NaiveDate::MIN
        }
    };
    let base_url = s
        .base_url
        .as_ref()
        .and_then(|u| base_url(u, at("base_url")).map_err(|d| diags.push(d)).ok());
    if chrono_tz::Tz::from_str(&s.time_zone).is_err() {
        diags.push(
            Diagnostic::error(
                at("time_zone"),
                format!(
                    "the time zone {:?} is not in the IANA time zone list",
                    short(&s.time_zone)
                ),
            )
            .with_help("write an IANA name such as `Asia/Ho_Chi_Minh`"),
        );
    }
    if s.reporting_period_months == 0 {
        diags.push(
            Diagnostic::error(
                at("reporting_period_months"),
                "`reporting_period_months` is 0: a reporting period must be at least one month",
            )
            .with_help("write `reporting_period_months: 1` for monthly reports, 3 for quarterly"),
        );
    }
    if !LANGUAGE.is_match(&s.language) {
        diags.push(
            Diagnostic::error(
                at("language"),
                format!(
                    "the language {:?} is not a language tag",
                    short(&s.language)
                ),
            )
            .with_help("write a language code such as `vi`"),
        );
    }
    Site {
        title: s.title.clone(),
        description: s.description.clone(),
        language: s.language.clone(),
        ui_languages: s.ui_languages.clone(),
        base_url,
        time_zone: s.time_zone.clone(),
        as_of,
        publisher: s.publisher.clone(),
        footer: s.footer.clone(),
        illustrative: s.illustrative,
        reporting_period_months: s.reporting_period_months.max(1),
        max_output_bytes: match s.max_output_mb {
            Some(0) => {
                diags.push(
                    Diagnostic::error(at("max_output_mb"), "`max_output_mb: 0` allows no site at all")
                        .with_help("give the most megabytes the site may hold, e.g. 50000, or remove the line for the default"),
                );
                crate::limits::OUTPUT_BYTES.max
            }
            Some(mb) => mb.saturating_mul(1024 * 1024),
            None => crate::limits::OUTPUT_BYTES.max,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn at() -> Location {
        Location::new(Path::new("site.yaml"), 3, 11)
    }

    #[test]
    fn absolute_http_addresses_pass_with_a_final_slash() {
        assert_eq!(
            base_url("https://minhbach.example.vn", at()).unwrap(),
            "https://minhbach.example.vn/"
        );
        assert_eq!(
            base_url("http://127.0.0.1:8000/du-an/", at()).unwrap(),
            "http://127.0.0.1:8000/du-an/"
        );
    }

    #[test]
    fn links_to_documents_are_plain_http_addresses() {
        assert!(is_web_address(
            "https://tuyenquang.gov.vn/văn-bản?id=45#trang-2"
        ));
        for bad in [
            "javascript:alert(1)",
            "https://x.vn/\"onmouseover=\"alert(1)",
            "https://x.vn/a b",
            "https://x.vn/<script>",
            "ftp://x.vn/",
        ] {
            assert!(!is_web_address(bad), "{bad:?}");
        }
    }

    #[test]
    fn scripts_relative_and_injected_addresses_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT://x.vn/",
            "//x.vn/",
            "x.vn",
            "https://x.vn/\r\nDTSTART:19700101",
            "https://x.vn/\"onmouseover=\"alert(1)",
            "https://x.vn/a b",
            "https://x.vn/?q=1",
            "https://",
            "https://bộ.vn/",
            "data:text/html,<script>",
        ] {
            let d = base_url(bad, at()).unwrap_err();
            assert_eq!((d.location.line, d.location.column), (3, 11), "{bad:?}");
        }
    }
}
