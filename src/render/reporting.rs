//! Who has reported, in the page's words: the line beside each agency
//! ("đã gửi báo cáo ngày …" / "chưa gửi báo cáo"), the count on the home
//! page, and the per-agency reporting table among the open data.

use serde::Serialize;

use crate::derive::reporting::expected;
use crate::derive::Derived;
use crate::model::{Agency, Model};

use super::csv;
use super::i18n::Locale;

fn period_text(d: &Derived, l: &Locale) -> Option<String> {
    let (y, m) = d.reporting.period?;
    l.month(y, m).ok()
}

/// The line shown beside an agency, when the site collects forms: sent
/// (with the day) or, for an agency expected to send one, not sent.
pub fn line(a: &Agency, d: &Derived, l: &Locale, expected: bool) -> Option<String> {
    if !d.reporting.active {
        return None;
    }
    let period = period_text(d, l)?;
    match d.reporting.sent_by(&a.id, &d.memberships) {
        Some(day) => Some(l.say_with(
            "reporting.sent",
            &[("period", period), ("date", l.date_text(day))],
        )),
        None if expected => Some(l.say_with("reporting.not_sent", &[("period", period)])),
        None => None,
    }
}

/// The home page's count.
#[derive(Serialize)]
pub struct Count {
    /// "12 of 40 agencies sent their form for 01/2026".
    pub text: String,
    /// Agencies expected to send one.
    pub expected: usize,
    /// Of those, the ones that did.
    pub sent: usize,
}

/// How many of the agencies expected to send a form did, when the site
/// collects forms.
pub fn count(model: &Model, d: &Derived, l: &Locale) -> Option<Count> {
    if !d.reporting.active {
        return None;
    }
    let period = period_text(d, l)?;
    let ids = expected(model, d);
    let sent = ids
        .iter()
        .filter(|a| d.reporting.sent_by(a, &d.memberships).is_some())
        .count();
    Some(Count {
        text: l.say_full(
            "reporting.count",
            Some(ids.len()),
            &[("sent", sent.to_string()), ("period", period)],
        ),
        expected: ids.len(),
        sent,
    })
}

/// The reporting table (one row per agency expected to send a form, or
/// that sent one) as JSON and CSV (written beside the registry by
/// `data`), or `None` when no report records who sent it.
pub fn table(model: &Model, d: &Derived) -> Option<(Vec<u8>, Vec<u8>)> {
    if !d.reporting.active {
        return None;
    }
    let period = d
        .reporting
        .period
        .map(|(y, m)| format!("{y:04}-{m:02}"))
        .unwrap_or_default();
    let expected_ids = expected(model, d);
    let headers: Vec<String> = ["agency_id", "name", "period", "expected", "sent", "date"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    #[derive(Serialize)]
    struct Rec<'a> {
        agency_id: &'a str,
        name: &'a str,
        period: &'a str,
        expected: bool,
        sent: bool,
        date: String,
    }
    let recs: Vec<Rec> = model
        .registry
        .all()
        .iter()
        .filter_map(|a| {
            let exp = expected_ids.binary_search(&a.id).is_ok();
            let day = d.reporting.sent.get(&a.id);
            (exp || day.is_some()).then(|| Rec {
                agency_id: a.id.as_str(),
                name: &a.name,
                period: &period,
                expected: exp,
                sent: day.is_some(),
                date: day.map(|x| x.to_string()).unwrap_or_default(),
            })
        })
        .collect();
    let rows: Vec<Vec<String>> = recs
        .iter()
        .map(|r| {
            vec![
                r.agency_id.to_string(),
                r.name.to_string(),
                r.period.to_string(),
                r.expected.to_string(),
                r.sent.to_string(),
                r.date.clone(),
            ]
        })
        .collect();
    let csv_bytes = csv::write(&headers, &rows);
    let mut json = serde_json::to_vec_pretty(&recs).unwrap_or_default();
    json.push(b'\n');
    Some((json, csv_bytes))
}
