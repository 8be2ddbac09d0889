//! iCalendar (RFC 5545) feeds of deadlines and reporting duties.
//!
//! All-day events; recurring duties carry an `RRULE`; UIDs come from ids;
//! `DTSTAMP` is the as-of date, so the same content gives the same bytes.
//! Text is escaped (`\`, `;`, `,`, newlines) and lines are folded at 75
//! octets without splitting a UTF-8 character.

use chrono::{Datelike, Days, NaiveDate};

use crate::derive::calendar::{Series, Source};
use crate::model::duty::{Schedule, Step};
use crate::model::Model;

use super::edition::Lang;
use super::i18n::{fill, I18nError, Locale, Paths};

/// The words of the feeds in one language (`ics.*` in the i18n files),
/// looked up once so writing a feed cannot fail.
#[derive(Debug, Clone)]
pub struct IcsWords {
    locale: Locale,
    lang: String,
    task: String,
    deadline_verbatim: String,
    lead: String,
    reporter: String,
    verbatim: String,
    to: String,
    page: String,
    due: String,
    due_before: String,
}

impl IcsWords {
    /// The words of `locale`'s language.
    pub fn new(locale: &Locale) -> Result<IcsWords, I18nError> {
        let t = |k: &str| locale.t(&format!("ics.{k}"), None);
        Ok(IcsWords {
            locale: locale.clone(),
            lang: locale.lang().to_uppercase(),
            task: t("task")?,
            deadline_verbatim: t("deadline_verbatim")?,
            lead: t("lead")?,
            reporter: t("reporter")?,
            verbatim: t("verbatim")?,
            to: t("to")?,
            page: t("page")?,
            due: t("due")?,
            due_before: t("due_before")?,
        })
    }
}

/// Escapes a TEXT value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets, never inside a UTF-8 character,
/// and ends it (and each continuation) with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    push_folded(&mut out, line);
    out
}

/// Appends `line` folded as [`fold`] does, without a copy of its own.
fn push_folded(out: &mut String, line: &str) {
    // Lines within the limit (most) go in whole.
    if line.len() <= 75 {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn ymd(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn rrule(rule: &Schedule, until: NaiveDate) -> Option<String> {
    let until = ymd(until);
    match *rule {
        Schedule::Monthly { day } => Some(format!("FREQ=MONTHLY;BYMONTHDAY={day};UNTIL={until}")),
        Schedule::Quarterly { day, .. } => Some(format!(
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY={day};UNTIL={until}"
        )),
        Schedule::Yearly { month, day } => Some(format!(
            "FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day};UNTIL={until}"
        )),
        Schedule::Once { .. } => None,
        Schedule::Every { step, interval, .. } => {
            let (freq, n) = match step {
                Step::Day => ("DAILY", interval),
                Step::Week => ("WEEKLY", interval),
                Step::Month if interval % 12 == 0 => ("YEARLY", interval / 12),
                Step::Month => ("MONTHLY", interval),
            };
            Some(if n > 1 {
                format!("FREQ={freq};INTERVAL={n};UNTIL={until}")
            } else {
                format!("FREQ={freq};UNTIL={until}")
            })
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut t: String = one_line.chars().take(n).collect();
        t.push('…');
        t
    }
}

/// Summary, description and page directory of a series.
fn describe(model: &Model, paths: &Paths, w: &IcsWords, s: &Series) -> (String, String, String) {
    match s.source {
        Source::Task(r) => {
            let plan = &model.plans[r.plan];
            let task = &plan.tasks[r.task];
            let name = fill(
                &w.task,
                &[
                    (
                        "number",
                        task.number.as_deref().unwrap_or(task.id.as_str()).into(),
                    ),
                    ("plan", plan.label()),
                ],
            );
            let summary = match &s.label {
                Some(l) => format!("{name}: {l}"),
                None => format!(
                    "{name}: {}",
                    truncate(task.text.as_deref().unwrap_or(""), 90)
                ),
            };
            let mut desc = String::new();
            if let Some(t) = &task.text {
                desc.push_str(t);
                desc.push_str("\n\n");
            }
            desc.push_str(&format!(
                "{}: {}",
                w.deadline_verbatim,
                crate::model::deadline::markup::plain(&s.wording)
            ));
            if !task.lead.text.is_empty() {
                desc.push_str(&format!("\n{}: {}", w.lead, task.lead.text));
            }
            (
                summary,
                desc,
                paths.task(plan.id.as_str(), task.id.as_str()),
            )
        }
        Source::Duty(pi, di) => {
            let plan = &model.plans[pi];
            let duty = &plan.duties[di];
            let summary = format!("{} — {}", duty.title, plan.label());
            let mut desc = format!(
                "{}\n{}: {}\n{}: {}",
                w.locale.schedule(&duty.schedule, duty.before),
                w.reporter,
                duty.who.text,
                w.verbatim,
                duty.quote
            );
            if let Some(to) = &duty.to {
                desc.push_str(&format!("\n{}: {to}", w.to));
            }
            (summary, desc, paths.plan(plan.id.as_str()))
        }
    }
}

/// The lines a feed named `name` begins with, before its events (each
/// made by [`event`]); [`FEED_END`] follows them.
pub fn feed_head(model: &Model, w: &IcsWords, name: &str) -> String {
    let mut out = String::with_capacity(256);
    let mut line = |l: String| push_folded(&mut out, &l);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line(format!("PRODID:-//minhbach//minhbach//{}", w.lang));
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    line(format!("X-WR-TIMEZONE:{}", model.site.time_zone));
    out
}

/// The line a feed ends with.
pub const FEED_END: &str = "END:VCALENDAR\r\n";

/// The `VEVENT` of one series, folded, with its page in the words and
/// folder of `lang`; empty for a series without dates. The same in every
/// feed that lists it, so it is made once per language.
pub fn event(model: &Model, lang: &Lang, w: &IcsWords, s: &Series) -> String {
    let mut out = String::new();
    let Some(&first) = s.dates.first() else {
        return out;
    };
    let stamp = format!("{}T000000Z", ymd(model.site.as_of));
    let mut line = |l: String| push_folded(&mut out, &l);
    let (summary, mut desc, dir) = describe(model, lang.paths(), w, s);
    let dir = format!("{}{dir}", lang.root);
    let permalink = model.site.base_url.as_ref().map(|b| format!("{b}{dir}"));
    desc.push_str(&format!(
        "\n{}: {}",
        w.page,
        permalink.clone().unwrap_or_else(|| format!("/{dir}"))
    ));
    line("BEGIN:VEVENT".into());
    line(format!("UID:{}", s.uid));
    line(format!("DTSTAMP:{stamp}"));
    line(format!("DTSTART;VALUE=DATE:{}", ymd(first)));
    let next = first.checked_add_days(Days::new(1)).unwrap_or(first);
    line(format!("DTEND;VALUE=DATE:{}", ymd(next)));
    if let Some(rule) = &s.rule {
        let until = s.dates.last().copied().unwrap_or(first);
        if let Some(r) = rrule(rule, until) {
            line(format!("RRULE:{r}"));
        }
    }
    let prefix = if s.before { &w.due_before } else { &w.due };
    line(format!(
        "SUMMARY:{}",
        escape(&format!("{prefix}: {summary}"))
    ));
    line(format!("DESCRIPTION:{}", escape(&desc)));
    if let Some(url) = permalink {
        line(format!("URL:{url}"));
    }
    line("TRANSP:TRANSPARENT".into());
    line("END:VEVENT".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn folding_keeps_characters_whole() {
        let line = format!("SUMMARY:{}", "Đề án 06 ".repeat(20));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), line);
    }

    proptest::proptest! {
        /// Any line folds into pieces of at most 75 octets, each ending in
        /// CRLF, that unfold back to the line.
        #[test]
        fn any_line_folds_and_unfolds(line in "[^\r\n]{0,300}") {
            let folded = fold(&line);
            proptest::prop_assert!(folded.ends_with("\r\n"));
            for l in folded.trim_end_matches("\r\n").split("\r\n") {
                proptest::prop_assert!(l.len() <= 75, "{} octets", l.len());
            }
            let unfolded = folded.replace("\r\n ", "");
            proptest::prop_assert_eq!(unfolded.strip_suffix("\r\n"), Some(line.as_str()));
        }
    }

    #[test]
    fn rules() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 9).unwrap();
        assert_eq!(
            rrule(&Schedule::Monthly { day: 9 }, d).unwrap(),
            "FREQ=MONTHLY;BYMONTHDAY=9;UNTIL=20251209"
        );
        assert!(rrule(&Schedule::Once { date: d }, d).is_none());
    }
}
