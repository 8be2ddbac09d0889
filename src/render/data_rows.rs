//! Each task's CSV row and JSON record, made once per language and copied
//! into every data set that lists the task: the site's, its plan's and
//! each agency's that it names (about five files per task). Only the
//! `role` column differs between them, so each row is kept without it and
//! the role is written in when the row is copied.

use rayon::prelude::*;

use crate::derive::{Derived, TaskRef};
use crate::model::Model;

use super::i18n::Locale;
use super::task_record::{record, TaskRecord};

/// One task's row, up to the `role` value.
struct Row {
    /// The JSON record up to and including `"role":`.
    json: Box<[u8]>,
    /// The CSV row up to and including the comma before `role`.
    csv: Box<[u8]>,
}

/// Every task's row in one language, by task.
pub struct Rows {
    /// Where each plan's tasks begin in `rows`.
    starts: Vec<usize>,
    rows: Vec<Row>,
    /// What follows the role's value in a JSON record.
    json_tail: &'static [u8],
    /// What follows the role's value in a CSV row.
    csv_tail: &'static [u8],
}

impl Rows {
    /// Makes every task's row, in parallel, with links in the words of `l`
    /// under the folder `root`.
    pub fn new(model: &Model, d: &Derived, l: &Locale, root: &str) -> Rows {
        let mut starts = Vec::with_capacity(model.plans.len());
        let mut refs = Vec::new();
        for (pi, p) in model.plans.iter().enumerate() {
            starts.push(refs.len());
            refs.extend((0..p.tasks.len()).map(|task| TaskRef { plan: pi, task }));
        }
        let illustrative = model.site.illustrative;
        let (json_tail, csv_tail): (&[u8], &[u8]) = if illustrative {
            (b"\",\"illustrative\":true}", b",true\r\n")
        } else {
            (b"\",\"illustrative\":false}", b",false\r\n")
        };
        let rows = refs
            .par_iter()
            .map(|&r| {
                let rec = record(model, d, l, root, r);
                Row {
                    // The record's role is empty: its opening quote, then
                    // the tail the role is written before.
                    json: head(json_record(&rec), b"\"", json_tail),
                    csv: head(csv_row(&rec), b"", csv_tail),
                }
            })
            .collect();
        Rows {
            starts,
            rows,
            json_tail,
            csv_tail,
        }
    }

    fn row(&self, r: TaskRef) -> &Row {
        &self.rows[self.starts[r.plan] + r.task]
    }

    /// Hands `f` the JSON record of `r` with `role`, in pieces.
    pub fn json(&self, r: TaskRef, role: &str, f: &mut dyn FnMut(&[u8])) {
        f(&self.row(r).json);
        f(b"\"");
        // Roles are keys (`lead`, `cooperate`): nothing to escape.
        f(role.as_bytes());
        f(self.json_tail);
    }

    /// Hands `f` the CSV row of `r` with `role`, in pieces.
    pub fn csv(&self, r: TaskRef, role: &str, f: &mut dyn FnMut(&[u8])) {
        f(&self.row(r).csv);
        f(role.as_bytes());
        f(self.csv_tail);
    }
}

/// `bytes` without the empty role's `open` and the `tail` after it, which
/// the record ends with since `role` and `illustrative` are its last fields
/// (a test compares every agency row with the site's).
fn head(mut bytes: Vec<u8>, open: &[u8], tail: &[u8]) -> Box<[u8]> {
    let cut = open.len() + tail.len();
    debug_assert!(
        bytes.ends_with(&[open, tail].concat()),
        "the record ends with its role and `illustrative`"
    );
    bytes.truncate(bytes.len().saturating_sub(cut));
    bytes.into_boxed_slice()
}

/// The record as compact JSON, as it reads inside a data set's `tasks`.
fn json_record(rec: &TaskRecord) -> Vec<u8> {
    // Only I/O can fail, and a Vec never does.
    serde_json::to_vec(rec).unwrap_or_default()
}

/// The record as one CSV row, ending in CRLF.
fn csv_row(r: &TaskRecord) -> Vec<u8> {
    let (lead_ids, cooperate_ids, dates) = (
        r.lead_ids.join(";"),
        r.cooperate_ids.join(";"),
        r.deadline_dates.join(";"),
    );
    let (line, illustrative) = (r.source_line.to_string(), r.illustrative.to_string());
    let mut out = String::with_capacity(1024);
    super::csv::push_row(
        &mut out,
        &[
            &r.plan_id,
            &r.plan_number,
            &r.plan_title,
            &r.task_id,
            &r.number,
            &r.group,
            &r.goal,
            &r.task,
            &r.output,
            &r.lead,
            &lead_ids,
            &r.cooperate,
            &cooperate_ids,
            &r.start_text,
            &r.deadline_text,
            &r.deadline_kind,
            &r.deadline_meaning,
            &dates,
            &r.deadline_last_day,
            &r.start_first_day,
            &r.state,
            &r.state_label,
            &r.report,
            &r.progress,
            &r.completed,
            &r.reported_status,
            &r.report_note,
            &r.reported_by,
            &r.note,
            &r.url,
            &line,
            &r.role,
            &illustrative,
        ],
    );
    out.into_bytes()
}
