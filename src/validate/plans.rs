//! Turns a plan directory into a [`Plan`]: resolves agencies, parses
//! deadlines, assigns task ids and compares declared totals.

use std::collections::HashMap;
use std::path::Path;

use chrono::Datelike;

use crate::diagnostics::{short, Diagnostic, Diagnostics};
use crate::load::raw::{GroupEntry, MeaningEntry, TaskEntry};
use crate::load::yaml::Spans;
use crate::load::RawPlan;
use crate::model::deadline::vi::Vietnamese;
use crate::model::deadline::{self, Context, DateOrder, Grammar};
use crate::model::ids::slugify;
use crate::model::plan::{
    AgencyCell, DeclaredCount, GoalBlock, Group, Period, Signatory, TableStatus,
};
use crate::model::{Deadline, Plan, PlanId, Registry, Task, TaskId};

/// How the site reads time phrases: its language and the settings the
/// grammars need (`site.yaml`).
#[derive(Debug, Clone)]
pub struct TimeSettings {
    /// The site's language, for plans that do not name theirs.
    pub language: String,
    /// The order of all-number dates.
    pub date_order: Option<DateOrder>,
    /// The month fiscal years start in.
    pub fiscal_year_start: Option<u32>,
}

/// Validates one plan; problems go to `diags`. Returns `None` when the plan
/// cannot be built at all (invalid id or issuer).
pub fn plan(
    raw: &RawPlan,
    registry: &Registry,
    times: &TimeSettings,
    diags: &mut Diagnostics,
) -> Option<Plan> {
    let f = &raw.front.value;
    let fpath = &raw.front.path;
    let fat = |p: &str| raw.front.spans.locate(fpath, p);
    let language = f.language.clone().unwrap_or_else(|| times.language.clone());
    // The site's language is checked once, in `languages::check`.
    let grammar = match (deadline::for_language(&language), &f.language) {
        (Some(g), _) => g,
        (None, Some(_)) => {
            diags.push(
                Diagnostic::error(
                    fat("language"),
                    format!(
                        "no deadline grammar reads the language `{language}` (available: {})",
                        deadline::LANGUAGES.join(", ")
                    ),
                )
                .with_help("write `language:` with one of these in the plan's front matter"),
            );
            &Vietnamese
        }
        (None, None) => &Vietnamese,
    };
    let Some(id) = PlanId::new(raw.dir_name.clone()) else {
        diags.push(
            Diagnostic::error(
                crate::diagnostics::Location::file(fpath),
                format!(
                    "the plan directory name {:?} is not a valid id",
                    raw.dir_name
                ),
            )
            .with_help(format!(
                "rename the directory to lowercase letters, digits and hyphens, e.g. {:?}",
                slugify(&raw.dir_name)
            )),
        );
        return None;
    };
    for (field, value, what) in [
        ("title", &f.title, "the title"),
        (
            "doc_type",
            &f.doc_type,
            "the document type (Kế hoạch, Công văn, ...)",
        ),
    ] {
        if value.trim().is_empty() {
            diags.push(
                Diagnostic::error(fat(field), format!("`{field}` is empty"))
                    .with_help(format!("copy {what} from the document, in double quotes")),
            );
        }
    }
    let issuer = match registry.lookup_id(&f.issuer) {
        Some(a) => a.id.clone(),
        None => {
            let mut d = Diagnostic::error(
                fat("issuer"),
                format!(
                    "the issuer {:?} is not an agency id in agencies.yaml",
                    f.issuer
                ),
            );
            d = match registry.suggest(&f.issuer) {
                Some(s) if !f.issuer.trim().is_empty() => {
                    d.with_help(format!("did you mean the id of {s}?"))
                }
                _ => d.with_help("write the `id` of the issuing agency as listed in agencies.yaml"),
            };
            diags.push(d);
            return None;
        }
    };
    if f.period.end < f.period.start {
        diags.push(
            Diagnostic::error(fat("period.end"), "the period ends before it starts")
                .with_help("check the two dates of `period`"),
        );
    }
    let mut dates_ok = super::bounds::check_date(
        f.period.start,
        "the period's start",
        fat("period.start"),
        diags,
    );
    dates_ok &=
        super::bounds::check_date(f.period.end, "the period's end", fat("period.end"), diags);
    let period = Period {
        start: f.period.start,
        end: f.period.end,
    };
    dates_ok = dates_ok && super::bounds::check_period(&period, fat("period.end"), diags);
    if let Some(d) = f.date {
        super::bounds::check_date(d, "the date of issue", fat("date"), diags);
    }
    if let Some(y) = f.year {
        dates_ok &= super::bounds::check_year(y, "`year`", fat("year"), diags);
    }
    if !dates_ok {
        // Deadlines and duties are measured against the period and year.
        return None;
    }
    let year = f.year.unwrap_or_else(|| f.period.end.year());
    let table_status = match f.table_status.as_deref() {
        None | Some("complete") => TableStatus::Complete,
        Some("not-in-source") => TableStatus::NotInSource,
        Some(other) => {
            diags.push(
                Diagnostic::error(
                    fat("table_status"),
                    format!("unknown table_status {other:?}"),
                )
                .with_help("use `complete` or `not-in-source`"),
            );
            TableStatus::Complete
        }
    };
    let mut plan = Plan {
        id,
        number: f.number.clone(),
        number_note: f.number_note.clone(),
        doc_type: f.doc_type.clone(),
        title: f.title.clone(),
        short_title: f.short_title.clone(),
        issuer,
        issuer_name: f.issuer_name.clone(),
        place: f.place.clone(),
        date: f.date,
        date_text: f.date_text.clone(),
        period: Period {
            start: f.period.start,
            end: f.period.end,
        },
        year,
        language: language.clone(),
        signatory: f.signatory.as_ref().map(|s| Signatory {
            name: s.name.clone(),
            position: s.position.clone(),
            on_behalf: s.on_behalf.clone(),
        }),
        legal_bases: f.legal_bases.clone(),
        recipients: f.recipients.clone(),
        declared: Vec::new(),
        table_status,
        source: f.source.clone(),
        source_url: source_url(f.source_url.as_deref(), &fat("source_url"), diags),
        body: raw.body.clone(),
        appendix: None,
        caption: None,
        caption_note: None,
        columns: Vec::new(),
        groups: Vec::new(),
        tasks: Vec::new(),
        duties: Vec::new(),
        date_order: None,
        inferred: Vec::new(),
    };
    plan.inferred = super::review::items(&f.review, "review", fpath, &raw.front.spans, diags);
    if let Some(df) = &raw.duties {
        plan.duties = super::duties::duties(df, &plan, registry, diags);
    }
    if let Some(tf) = &raw.tasks {
        plan.appendix = tf.value.appendix.clone();
        plan.caption = tf.value.caption.clone();
        plan.caption_note = tf.value.caption_note.clone();
        plan.columns = tf.value.columns.clone();
        plan.date_order = tf.value.date_order;
        plan.inferred.extend(super::review::items(
            &tf.value.review,
            "review",
            &tf.path,
            &tf.spans,
            diags,
        ));
        let mut ctx = TableCtx {
            path: &tf.path,
            spans: &tf.spans,
            registry,
            grammar,
            time: Context {
                year: Some(year),
                // The table's own order first: a sheet typed month first.
                date_order: tf.value.date_order.or(times.date_order),
                fiscal_year_start: times.fiscal_year_start,
            },
            period: plan.period,
            tasks: Vec::new(),
            ids: HashMap::new(),
            diags,
        };
        plan.groups = tf
            .value
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| ctx.group(g, &format!("groups.{i}")))
            .collect();
        plan.tasks = ctx.tasks;
    }
    declared_totals(raw, &mut plan, diags);
    Some(plan)
}

struct TableCtx<'a> {
    path: &'a Path,
    spans: &'a Spans,
    registry: &'a Registry,
    grammar: &'static dyn Grammar,
    time: Context,
    period: Period,
    tasks: Vec<Task>,
    ids: HashMap<String, usize>,
    diags: &'a mut Diagnostics,
}

impl TableCtx<'_> {
    fn group(&mut self, g: &GroupEntry, path: &str) -> Group {
        let first = self.tasks.len();
        let mut blocks = Vec::new();
        for (i, goal) in g.goals.iter().enumerate() {
            let mut idx = Vec::new();
            for (j, t) in goal.tasks.iter().enumerate() {
                let p = format!("{path}.goals.{i}.tasks.{j}");
                idx.push(self.task(t, &p, &g.code, Some(&goal.goal)));
            }
            blocks.push(GoalBlock {
                goal: Some(goal.goal.clone()),
                tasks: idx,
            });
        }
        if !g.tasks.is_empty() {
            let mut idx = Vec::new();
            for (j, t) in g.tasks.iter().enumerate() {
                let p = format!("{path}.tasks.{j}");
                idx.push(self.task(t, &p, &g.code, None));
            }
            blocks.push(GoalBlock {
                goal: None,
                tasks: idx,
            });
        }
        let groups: Vec<Group> = g
            .groups
            .iter()
            .enumerate()
            .map(|(i, sub)| self.group(sub, &format!("{path}.groups.{i}")))
            .collect();
        let task_count = (self.tasks.len() - first) as u32;
        let inferred = super::review::items(
            &g.review,
            &format!("{path}.review"),
            self.path,
            self.spans,
            self.diags,
        );
        Group {
            inferred,
            code: g.code.clone(),
            title: g.title.clone(),
            appendix: g.appendix.clone(),
            columns: g.columns.clone(),
            declared_tasks: g.declared_tasks,
            task_count,
            note: g.note.clone(),
            blocks,
            groups,
        }
    }

    fn task(&mut self, t: &TaskEntry, path: &str, group: &str, goal: Option<&str>) -> usize {
        let loc = |p: &str| self.spans.locate(self.path, p);
        let raw_id =
            t.id.clone()
                .or_else(|| t.number.as_deref().map(slugify))
                .unwrap_or_default();
        let position = self.tasks.len();
        let id = match TaskId::new(raw_id.clone()) {
            Some(id) => id,
            None => {
                let (p, msg, help) = if t.id.is_some() {
                    (
                        format!("{path}.id"),
                        format!("the task id {:?} is not a valid id", crate::diagnostics::short(&raw_id)),
                        format!("use lowercase letters a-z, digits and single hyphens, at most {} characters", crate::model::ids::MAX_ID_LEN),
                    )
                } else {
                    (
                        path.to_string(),
                        "this row has no printed number, so it needs an `id`".to_string(),
                        "add `id: \"...\"` (for example the group code and a letter: `ii-a`); it becomes the row's permalink".to_string(),
                    )
                };
                self.diags
                    .push(Diagnostic::error(loc(&p), msg).with_help(help));
                TaskId::for_row(position)
            }
        };
        if let Some(&other) = self.ids.get(id.as_str()) {
            let p = if t.id.is_some() {
                format!("{path}.id")
            } else {
                format!("{path}.number")
            };
            let first_line = self.tasks[other].line;
            self.diags.push(
                Diagnostic::error(
                    loc(&p),
                    format!(
                        "duplicate task number: {:?} is already used by the row at line {first_line}",
                        id.as_str()
                    ),
                )
                .with_help("each row of a plan needs its own number; give one of them an explicit `id`"),
            );
        } else {
            self.ids.insert(id.as_str().to_string(), position);
        }
        let lead = self.cell(t.lead.as_deref(), &format!("{path}.lead"), "lead");
        let cooperate = self.cell(
            t.cooperate.as_deref(),
            &format!("{path}.cooperate"),
            "cooperate",
        );
        let deadline = self.time(
            t.deadline.as_deref(),
            t.deadline_meaning.as_ref(),
            path,
            "deadline",
        );
        let start = self.time(t.start.as_deref(), t.start_meaning.as_ref(), path, "start");
        let line = self.spans.get(path).0;
        let inferred = super::review::items(
            &t.review,
            &format!("{path}.review"),
            self.path,
            self.spans,
            self.diags,
        );
        self.tasks.push(Task {
            inferred,
            id,
            number: t.number.clone(),
            group: group.to_string(),
            position,
            goal: goal.map(str::to_string),
            text: t.task.clone(),
            output: t.output.clone(),
            lead,
            cooperate,
            start,
            deadline,
            note: t.note.clone(),
            line,
        });
        position
    }

    fn cell(&mut self, text: Option<&str>, path: &str, field: &str) -> AgencyCell {
        match text {
            Some(text) => {
                let loc = self.spans.locate(self.path, path);
                super::cells::agency_cell(self.registry, text, loc, field, self.diags)
            }
            None => AgencyCell::default(),
        }
    }

    /// A time cell (`deadline` or `start`): the office's stated meaning when
    /// given, else the grammar's reading with its flags reported; the dates
    /// it names are checked against the plan's period.
    fn time(
        &mut self,
        text: Option<&str>,
        meaning: Option<&MeaningEntry>,
        path: &str,
        field: &str,
    ) -> Option<Deadline> {
        let at = |p: &str| self.spans.locate(self.path, &format!("{path}.{field}{p}"));
        let Some(text) = text else {
            if meaning.is_some() {
                self.diags.push(
                    Diagnostic::error(
                        at("_meaning"),
                        format!("`{field}_meaning` without `{field}`"),
                    )
                    .with_help(format!(
                        "a meaning explains printed words: add the `{field}` cell as printed"
                    )),
                );
            }
            return None;
        };
        let d = match meaning {
            Some(m) => {
                let at_m = |p: &str| at(format!("_meaning.{p}").trim_end_matches('.'));
                let by = super::meaning::source(m, &at_m, self.diags);
                super::meaning::stated(m, &at_m, self.diags)
                    .map(|kind| Deadline::stated_by(text, kind, by))
                    .unwrap_or_else(|| Deadline::read(self.grammar, text, self.time))
            }
            None => {
                let d = Deadline::read(self.grammar, text, self.time);
                let cell = format!("{path}.{field}");
                let at_char = |k: usize| self.spans.locate_in_text(self.path, &cell, k);
                super::meaning::report_flags(&d, &at_char, field, self.diags);
                d
            }
        };
        let loc = at("");
        for date in super::bounds::deadline_dates(&d.kind) {
            let what = format!("the time phrase {:?} names the date", short(text));
            if !super::bounds::check_plan_date(date, &self.period, &what, loc.clone(), self.diags) {
                break;
            }
        }
        Some(d)
    }
}

fn count_in(groups: &[Group], code: &str) -> Option<u32> {
    for g in groups {
        if g.code == code {
            return Some(g.task_count);
        }
        if let Some(c) = count_in(&g.groups, code) {
            return Some(c);
        }
    }
    None
}

fn walk_groups<'a>(groups: &'a [Group], prefix: &str, out: &mut Vec<(&'a Group, String)>) {
    for (i, g) in groups.iter().enumerate() {
        let path = format!("{prefix}{i}");
        walk_groups(&g.groups, &format!("{path}.groups."), out);
        out.push((g, path));
    }
}

fn declared_totals(raw: &RawPlan, plan: &mut Plan, diags: &mut Diagnostics) {
    let fpath = &raw.front.path;
    let mut locs = Vec::new();
    let has_table = plan.table_status == TableStatus::Complete;
    let found_total = has_table.then_some(plan.tasks.len() as u32);
    if let Some(d) = &raw.front.value.declared {
        if let Some(n) = d.tasks {
            locs.push(raw.front.spans.locate(fpath, "declared.tasks"));
            plan.declared.push(DeclaredCount {
                label: "Tổng số nhiệm vụ".into(),
                declared: n,
                found: found_total,
                group: None,
            });
        }
        if let Some(n) = d.indicators {
            locs.push(raw.front.spans.locate(fpath, "declared.indicators"));
            plan.declared.push(DeclaredCount {
                label: "Tổng số chỉ tiêu".into(),
                declared: n,
                found: None,
                group: None,
            });
        }
        for (i, g) in d.groups.iter().enumerate() {
            locs.push(
                raw.front
                    .spans
                    .locate(fpath, &format!("declared.groups.{i}.count")),
            );
            let found = match (&g.group, has_table) {
                (Some(code), true) => count_in(&plan.groups, code),
                _ => None,
            };
            plan.declared.push(DeclaredCount {
                label: g.label.clone(),
                declared: g.count,
                found,
                group: g.group.clone(),
            });
        }
    }
    let mut all = Vec::new();
    walk_groups(&plan.groups, "groups.", &mut all);
    all.sort_by_key(|(g, _)| g.code.clone());
    let from_titles: Vec<DeclaredCount> = all
        .iter()
        .filter_map(|(g, gpath)| {
            let n = g.declared_tasks?;
            if plan
                .declared
                .iter()
                .any(|d| d.group.as_deref() == Some(&g.code))
            {
                return None;
            }
            if let Some(tf) = &raw.tasks {
                locs.push(
                    tf.spans
                        .locate(&tf.path, &format!("{gpath}.declared_tasks")),
                );
            }
            Some(DeclaredCount {
                label: format!("Nhóm {}", g.code),
                declared: n,
                found: Some(g.task_count),
                group: Some(g.code.clone()),
            })
        })
        .collect();
    plan.declared.extend(from_titles);
    for (d, loc) in plan.declared.iter().zip(locs) {
        if d.differs() {
            diags.push(
                Diagnostic::warning(
                    loc,
                    format!(
                        "{}: the document declares {} but {} rows are transcribed{}",
                        d.label,
                        d.declared,
                        d.found.unwrap_or(0),
                        d.group
                            .as_ref()
                            .map(|g| format!(" in group {g}"))
                            .unwrap_or_default()
                    ),
                )
                .with_help("check the transcription; if the document itself is inconsistent, this warning is shown on the plan page"),
            );
        }
    }
}

/// Keeps `source_url` only when it is an absolute `http(s)://` address with
/// a host and no spaces, so the plan page never links to `javascript:` or a
/// local file; anything else is an error at the field.
fn source_url(
    url: Option<&str>,
    at: &crate::diagnostics::Location,
    diags: &mut Diagnostics,
) -> Option<String> {
    let url = url?.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    let ok = host.is_some_and(|h| !h.is_empty())
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    if ok {
        Some(url.to_string())
    } else {
        diags.push(
            Diagnostic::error(at.clone(), format!("source_url {url:?} is not a web address"))
                .with_help("write the full address of the official document, starting with https:// (or http://), without spaces"),
        );
        None
    }
}
