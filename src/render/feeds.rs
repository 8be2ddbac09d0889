//! Feeds and indexing: the Atom feed of changes (new plans, each report),
//! `sitemap.xml` (when the site's address is known) and `robots.txt`.

use serde::Serialize;
use tera::Context;

use crate::model::Model;

use super::edition::Lang;
use super::theme::{error_chain, Theme};
use super::{reports, OutFile, RenderError};

#[derive(Serialize)]
struct FeedEntry {
    id: String,
    title: String,
    updated: String,
    href: String,
    summary: String,
}

/// The start of day `d` in the site's time zone `tz` (an IANA name that
/// validation has checked), as RFC 3339 with that day's offset: Atom wants
/// an instant, and the site's dates are local days.
fn rfc3339(d: chrono::NaiveDate, tz: &str) -> String {
    use chrono::{SecondsFormat, TimeZone};
    let tz: chrono_tz::Tz = tz.parse().unwrap_or(chrono_tz::UTC);
    let midnight = d.and_time(chrono::NaiveTime::MIN);
    // Where midnight does not exist (a clock moved forward at 00:00), the
    // day starts at the first instant after it.
    let start = tz
        .from_local_datetime(&midnight)
        .earliest()
        .or_else(|| {
            let later = midnight + chrono::Duration::hours(1);
            tz.from_local_datetime(&later).earliest()
        })
        .unwrap_or_else(|| tz.from_utc_datetime(&midnight));
    start.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn render(
    theme: &Theme,
    lang: &str,
    template: &str,
    ctx: &Context,
) -> Result<Vec<u8>, RenderError> {
    theme
        .tera_for(lang)
        .render(template, ctx)
        .map(String::into_bytes)
        .map_err(|e| RenderError::Template {
            template: template.into(),
            message: error_chain(&e),
        })
}

/// The Atom feed: one entry per plan (dated by its issue) and per report.
/// `changes[k]` is the number of tasks newly done and newly overdue with
/// report `k`.
/// Written for the pages of `lang`, in its folder.
pub fn atom(
    model: &Model,
    theme: &Theme,
    lang: &Lang,
    changes: &[(usize, usize)],
) -> Result<OutFile, RenderError> {
    let (l, root) = (&lang.locale, &lang.root);
    let paths = l.paths();
    let mut entries: Vec<FeedEntry> = Vec::new();
    for p in &model.plans {
        let date = p.date.unwrap_or(p.period.start);
        entries.push(FeedEntry {
            id: format!(
                "tag:minhbach,{}:{root}{}",
                date.format("%Y-%m-%d"),
                paths.plan(p.id.as_str()).trim_end_matches('/')
            ),
            title: format!("{}: {}", p.label(), p.title),
            updated: rfc3339(date, &model.site.time_zone),
            href: paths.plan(p.id.as_str()),
            summary: l.say_n(
                "feed.plan_summary",
                p.tasks.len(),
                &[
                    ("doc_type", p.doc_type.clone()),
                    (
                        "number",
                        p.number.clone().unwrap_or_else(|| l.say("feed.no_number")),
                    ),
                    ("start", l.date_text(p.period.start)),
                    ("end", l.date_text(p.period.end)),
                ],
            ),
        });
    }
    for (k, r) in model.reports.iter().enumerate() {
        let link = reports::link(r, l);
        let (done, overdue) = changes.get(k).copied().unwrap_or_default();
        entries.push(FeedEntry {
            id: format!(
                "tag:minhbach,{}:{root}{}",
                r.date.format("%Y-%m-%d"),
                reports::report_dir(paths, r).trim_end_matches('/')
            ),
            title: link.title.clone(),
            updated: rfc3339(r.date, &model.site.time_zone),
            href: reports::report_dir(paths, r),
            summary: l.say_n(
                "feed.report_summary",
                r.entries.len(),
                &[("done", done.to_string()), ("overdue", overdue.to_string())],
            ),
        });
    }
    entries.sort_by(|a, b| (&b.updated, &a.id).cmp(&(&a.updated, &b.id)));
    let updated = entries
        .first()
        .map(|e| e.updated.clone())
        .unwrap_or_else(|| rfc3339(model.site.as_of, &model.site.time_zone));
    let mut c = Context::new();
    c.insert("site", &model.site);
    c.insert("lang", l.lang());
    c.insert(
        "base",
        &model.site.base_url.as_ref().map(|b| format!("{b}{root}")),
    );
    c.insert("feed", &paths.feed);
    c.insert(
        "feed_tag",
        &format!("{root}{}", paths.feed.trim_end_matches(".xml")),
    );
    c.insert("entries", &entries);
    c.insert("updated", &updated);
    Ok(OutFile {
        path: format!("{root}{}", paths.feed),
        bytes: render(theme, l.lang(), "atom.xml", &c)?,
    })
}

/// `sitemap.xml` listing every live page (not the archived snapshots), when
/// the site's address is known.
pub fn sitemap<'a>(
    model: &Model,
    theme: &Theme,
    archive: &str,
    paths: impl IntoIterator<Item = &'a str>,
) -> Result<Option<OutFile>, RenderError> {
    let Some(base) = &model.site.base_url else {
        return Ok(None);
    };
    let urls: Vec<String> = paths
        .into_iter()
        .filter(|p| !p.starts_with(archive))
        .filter_map(|p| p.strip_suffix("index.html"))
        .map(|dir| format!("{base}{dir}"))
        .collect();
    let mut c = Context::new();
    c.insert("urls", &urls);
    Ok(Some(OutFile {
        path: "sitemap.xml".into(),
        bytes: render(theme, &model.site.language, "sitemap.xml", &c)?,
    }))
}

/// `robots.txt`: everything may be indexed.
pub fn robots(model: &Model) -> OutFile {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &model.site.base_url {
        text.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    OutFile {
        path: "robots.txt".into(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::rfc3339;
    use chrono::NaiveDate;

    #[test]
    fn feed_dates_carry_the_sites_own_offset() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(
            rfc3339(d(2025, 6, 30), "Asia/Ho_Chi_Minh"),
            "2025-06-30T00:00:00+07:00"
        );
        assert_eq!(
            rfc3339(d(2025, 1, 15), "America/New_York"),
            "2025-01-15T00:00:00-05:00"
        );
        assert_eq!(
            rfc3339(d(2025, 7, 15), "America/New_York"),
            "2025-07-15T00:00:00-04:00"
        );
        assert_eq!(rfc3339(d(2025, 7, 15), "UTC"), "2025-07-15T00:00:00+00:00");
        // Midnight skipped by a clock change (Santiago, 2024-09-08).
        let s = rfc3339(d(2024, 9, 8), "America/Santiago");
        assert_eq!(s, "2024-09-08T01:00:00-03:00");
    }
}
