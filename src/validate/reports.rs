//! Turns report files into [`Report`]s: every entry must name a known task,
//! carry a status consistent with its dates, and not silently contradict an
//! earlier report.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diagnostics::{short, Diagnostic, Diagnostics, Location};
use crate::load::raw::ReportFile;
use crate::load::Loaded;
use crate::model::ids::{is_valid_id, MAX_ID_LEN};
use crate::model::report::{Entry, Evidence, IndicatorValue, Report, ReportKind, Reported};
use crate::model::{AgencyId, Plan, Registry};

/// Validates every report; returns them sorted by month, date and id.
pub fn reports(
    files: &[Loaded<ReportFile>],
    plans: &[Plan],
    registry: &Registry,
    as_of: NaiveDate,
    diags: &mut Diagnostics,
) -> Vec<Report> {
    let tasks = task_index(plans);
    // A report's file name is its address: a name used twice (in `base:`
    // and in this content) is an error at the second file.
    let mut by_id: super::report_order::Files = HashMap::new();
    let mut unique = Vec::with_capacity(files.len());
    for f in files {
        let id = stem(f);
        if let Some(first) = by_id.get(&id) {
            diags.push(
                Diagnostic::error(
                    Location::file(&f.path),
                    format!(
                        "another report has this file name: {} (two reports cannot share a name, it is their address)",
                        first.path.display()
                    ),
                )
                .with_help("rename this file, e.g. to YYYY-MM-<words>.yaml, and if it corrects the other report add `corrects: <its name>`"),
            );
            continue;
        }
        by_id.insert(id, f);
        unique.push(f);
    }
    let mut out: Vec<Report> = unique
        .into_iter()
        .filter_map(|f| report(f, plans, &tasks, registry, as_of, diags))
        .collect();
    super::report_order::sort(&mut out, &by_id, diags);
    super::report_order::disagreements(&out, plans, &by_id, diags);
    contradictions(&out, &by_id, diags);
    super::shared::conflicts(&out, plans, registry, &by_id, diags);
    out
}

/// A report file's name without `.yaml`: the report's id.
fn stem(f: &Loaded<ReportFile>) -> String {
    f.path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn parse_period(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    let y: i32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    (super::bounds::year_ok(y) && (1..=12).contains(&m) && s.len() == 7).then_some((y, m))
}

fn report(
    f: &Loaded<ReportFile>,
    plans: &[Plan],
    tasks: &TaskIndex,
    registry: &Registry,
    as_of: NaiveDate,
    diags: &mut Diagnostics,
) -> Option<Report> {
    let r = &f.value;
    let at = |p: &str| f.spans.locate(&f.path, p);
    let id = stem(f);
    let Some((year, month)) = parse_period(&r.period) else {
        diags.push(
            Diagnostic::error(
                at("period"),
                format!("the period {:?} is not a month", r.period),
            )
            .with_help("write the month reported as \"YYYY-MM\", e.g. \"2025-10\""),
        );
        return None;
    };
    if !is_valid_id(&id) {
        diags.push(
            Diagnostic::error(
                Location::file(&f.path),
                format!(
                    "the report file name {:?} cannot be used: it becomes the report's address",
                    short(&id)
                ),
            )
            .with_help(format!(
                "name report files YYYY-MM.yaml or YYYY-MM-<words>.yaml with lowercase letters a-z, digits and single hyphens, at most {MAX_ID_LEN} characters"
            )),
        );
        return None;
    }
    if !super::bounds::check_date(r.date, "the report's date", at("date"), diags) {
        return None;
    }
    if !id.starts_with(&r.period) {
        diags.push(
            Diagnostic::warning(
                at("period"),
                format!(
                    "the file name {id:?} does not start with the period {:?}",
                    r.period
                ),
            )
            .with_help("name report files YYYY-MM.yaml (or YYYY-MM-<something>.yaml)"),
        );
    }
    let future = r.date > as_of;
    if future {
        diags.push(
            Diagnostic::warning(
                at("date"),
                format!(
                    "the report is dated {}, after the as-of date {as_of}: it is not used",
                    r.date
                ),
            )
            .with_help(
                "statuses count from a report's date on; pass a later --as-of to include it",
            ),
        );
    }
    // A completion date may not lie beyond the date the statuses hold at.
    let limit = if future { r.date } else { as_of };
    let kind = match r.kind.as_deref() {
        None | Some("report") => ReportKind::Report,
        Some("evidence") => ReportKind::Evidence,
        Some(k) => {
            diags.push(
                Diagnostic::error(at("kind"), format!("unknown report kind {k:?}"))
                    .with_help("use `report` or `evidence`"),
            );
            ReportKind::Report
        }
    };
    let issuer = r
        .issuer
        .as_deref()
        .and_then(|i| match registry.lookup_id(i) {
            Some(a) => Some(a.id.clone()),
            None => {
                diags.push(
                    Diagnostic::error(
                        at("issuer"),
                        format!("the issuer {i:?} is not an agency id"),
                    )
                    .with_help("use an id from agencies.yaml"),
                );
                None::<AgencyId>
            }
        });
    let mut entries = Vec::new();
    // The line of each task's entry: a task twice in one report is an error.
    // A shared task may have one entry from each agency that reported it.
    let mut reported: HashMap<(usize, usize, Option<AgencyId>), usize> = HashMap::new();
    for (i, e) in r.entries.iter().enumerate() {
        let p = format!("entries.{i}");
        let Some((pi, ti)) = find_task(tasks, &e.task) else {
            let mut d = Diagnostic::error(
                at(&format!("{p}.task")),
                format!("unknown task {:?}", short(&e.task)),
            );
            d = match suggest_task(plans, &e.task) {
                Some(s) => d.with_help(format!("write `<plan-id>/<task-id>`; did you mean {s:?}?")),
                None => match e.task.split_once('/').filter(|(p, _)| plans.iter().any(|x| x.id.as_str() == *p)) {
                    Some((p, t)) => d.with_help(format!(
                        "plan {p} has no task with id {t:?}: check the number against plans/{p}/tasks.yaml"
                    )),
                    None => d.with_help("write `<plan-id>/<task-id>`, e.g. \"114-kh-bcd-2025/18\""),
                },
            };
            diags.push(d);
            continue;
        };
        let line = f.spans.get(&p).0;
        let reported_by = match super::shared::reporter(
            e.reported_by.as_deref(),
            registry,
            at(&format!("{p}.reported_by")),
            diags,
        ) {
            Ok(r) => r,
            Err(()) => continue,
        };
        if let Some(first) = reported.insert((pi, ti, reported_by.clone()), line) {
            diags.push(
                Diagnostic::error(
                    at(&format!("{p}.task")),
                    format!(
                        "the task {:?} is already reported in this file, at line {first}",
                        short(&e.task)
                    ),
                )
                .with_help("report each task once per report and agency: merge the two entries (entries of different agencies say so with `reported_by:`)"),
            );
            continue;
        }
        let Some(status) = Reported::parse(&e.status) else {
            diags.push(
                Diagnostic::error(
                    at(&format!("{p}.status")),
                    format!("unknown status {:?}", e.status),
                )
                .with_help(format!("use one of: {}", Reported::NAMES)),
            );
            continue;
        };
        let progress = match e.progress {
            Some(v) if !(0..=100).contains(&v) => {
                diags.push(
                    Diagnostic::error(
                        at(&format!("{p}.progress")),
                        format!("progress {v} is outside 0–100"),
                    )
                    .with_help("progress is a percentage from 0 to 100"),
                );
                None
            }
            Some(v) => u8::try_from(v).ok(),
            None => None,
        };
        if let Some(c) = e.completed {
            if !super::bounds::check_date(
                c,
                "the completion date",
                at(&format!("{p}.completed")),
                diags,
            ) {
                continue;
            }
        }
        for (k, x) in e.evidence.iter().enumerate() {
            let ep = format!("{p}.evidence.{k}");
            if let Some(d) = x.date {
                super::bounds::check_date(
                    d,
                    "the document's date",
                    at(&format!("{ep}.date")),
                    diags,
                );
            }
            if let Some(u) = &x.url {
                if !super::site::is_web_address(u) {
                    diags.push(
                        Diagnostic::warning(
                            at(&format!("{ep}.url")),
                            format!(
                                "the link {:?} is not an http(s) address: it is not published",
                                short(u)
                            ),
                        )
                        .with_help("write the full address, starting with https://, without spaces or quotes (write a space as %20)"),
                    );
                }
            }
        }
        match (status, e.completed) {
            (Reported::Done, None) => diags.push(
                Diagnostic::error(
                    at(&format!("{p}.status")),
                    "the task is reported done without a completion date",
                )
                .with_help("add `completed: YYYY-MM-DD`"),
            ),
            (Reported::Done, Some(c)) if c > limit => diags.push(
                Diagnostic::error(
                    at(&format!("{p}.completed")),
                    format!("the completion date {c} is after the as-of date {limit}"),
                )
                .with_help("a task cannot be completed in the future; check the date"),
            ),
            (Reported::Done, Some(c)) if c > r.date => diags.push(
                Diagnostic::warning(
                    at(&format!("{p}.completed")),
                    format!(
                        "the completion date {c} is after the report's own date {}",
                        r.date
                    ),
                )
                .with_help("check the completion date or the report date"),
            ),
            (s, Some(_)) if s != Reported::Done => diags.push(
                Diagnostic::warning(
                    at(&format!("{p}.completed")),
                    "a completion date is given but the status is not `done`",
                )
                .with_help("set `status: done` or remove `completed`"),
            ),
            _ => {}
        }
        if status == Reported::Done && progress.is_some_and(|p| p < 100) {
            diags.push(
                Diagnostic::warning(
                    at(&format!("{p}.progress")),
                    "the task is reported done with progress under 100%",
                )
                .with_help("set progress to 100 or remove it"),
            );
        }
        entries.push(Entry {
            plan: pi,
            task: ti,
            status,
            progress,
            completed: e.completed,
            note: e.note.clone(),
            evidence: e
                .evidence
                .iter()
                .map(|x| Evidence {
                    number: x.number.clone(),
                    date: x.date,
                    title: x.title.clone(),
                    url: x.url.clone().filter(|u| super::site::is_web_address(u)),
                    source: x.source.clone(),
                })
                .collect(),
            line: f.spans.get(&p).0,
            reported_by,
        });
    }
    let mut indicators = Vec::new();
    for (i, ind) in r.indicators.iter().enumerate() {
        let numbers_ok = super::bounds::check_number(
            ind.target,
            "the target",
            at(&format!("indicators.{i}.target")),
            diags,
        ) & super::bounds::check_number(
            ind.actual,
            "the value reached",
            at(&format!("indicators.{i}.actual")),
            diags,
        );
        if !is_valid_id(&ind.id) {
            diags.push(
                Diagnostic::error(
                    at(&format!("indicators.{i}.id")),
                    format!("the indicator id {:?} is not a valid id", short(&ind.id)),
                )
                .with_help(format!("use lowercase letters a-z, digits and single hyphens, at most {MAX_ID_LEN} characters")),
            );
            continue;
        }
        if !numbers_ok {
            continue;
        }
        match plans.iter().position(|p| p.id.as_str() == ind.plan) {
            Some(pi) => indicators.push(IndicatorValue {
                plan: pi,
                id: ind.id.clone(),
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                target: ind.target,
                actual: ind.actual,
                note: ind.note.clone(),
            }),
            None => diags.push(
                Diagnostic::error(
                    at(&format!("indicators.{i}.plan")),
                    format!("unknown plan {:?}", ind.plan),
                )
                .with_help("use a plan directory name"),
            ),
        }
    }
    Some(Report {
        id,
        year,
        month,
        date: r.date,
        kind,
        issuer,
        number: r.number.clone(),
        title: r.title.clone(),
        note: r.note.clone(),
        corrects: r.corrects.clone(),
        entries,
        indicators,
        received: super::shared::received(r, registry, &at, diags),
    })
}

/// Every task by `(plan id, task id)`, built once so that looking up the
/// entries of every report costs one hash lookup each.
type TaskIndex<'a> = HashMap<(&'a str, &'a str), (usize, usize)>;

fn task_index(plans: &[Plan]) -> TaskIndex<'_> {
    let mut m = HashMap::new();
    for (pi, p) in plans.iter().enumerate() {
        for (ti, t) in p.tasks.iter().enumerate() {
            // The first of two equal ids wins, as a scan would find it.
            m.entry((p.id.as_str(), t.id.as_str())).or_insert((pi, ti));
        }
    }
    m
}

fn find_task(tasks: &TaskIndex, key: &str) -> Option<(usize, usize)> {
    let (plan, task) = key.split_once('/')?;
    tasks.get(&(plan, task)).copied()
}

fn suggest_task(plans: &[Plan], key: &str) -> Option<String> {
    // Ids are short: a long key cannot be a near miss, and comparing it
    // would cost time in proportion to its length.
    if key.len() > 3 * MAX_ID_LEN {
        return None;
    }
    // Only the same task id in another plan (a misspelt plan id): a task
    // with another number is never offered (issue 22).
    let wanted = key.split_once('/').map_or("", |(_, t)| t);
    let mut best: Option<(f64, String)> = None;
    for p in plans {
        for t in p.tasks.iter().filter(|t| t.id.as_str() == wanted) {
            let cand = format!("{}/{}", p.id, t.id);
            let s = strsim::normalized_levenshtein(key, &cand);
            if best.as_ref().is_none_or(|(b, _)| s > *b) {
                best = Some((s, cand));
            }
        }
    }
    best.filter(|(s, _)| *s > 0.6).map(|(_, c)| c)
}

/// A later report that moves a task backwards (done → not done, progress
/// down) without a note is flagged: it may be a mistake.
fn contradictions(reports: &[Report], files: &super::report_order::Files, diags: &mut Diagnostics) {
    let mut last: HashMap<(usize, usize), (&Entry, &Report)> = HashMap::new();
    for r in reports {
        let file = files.get(&r.id);
        for e in &r.entries {
            if let Some((prev, prev_r)) = last.get(&(e.plan, e.task)) {
                let undone = prev.status == Reported::Done && e.status != Reported::Done;
                let backwards = matches!((prev.progress, e.progress), (Some(a), Some(b)) if b < a);
                if (undone || backwards) && e.note.is_none() {
                    if let Some(f) = file {
                        diags.push(
                            Diagnostic::warning(
                                Location::new(&f.path, e.line, 0),
                                format!(
                                    "this entry contradicts report {} ({}) without a note",
                                    prev_r.id,
                                    if undone {
                                        "it was reported done"
                                    } else {
                                        "progress goes down"
                                    }
                                ),
                            )
                            .with_help("add a `note` explaining the change, or correct the entry"),
                        );
                    }
                }
            }
            last.insert((e.plan, e.task), (e, r));
        }
    }
}
