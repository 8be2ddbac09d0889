//! Which keys are missing or unused in which language: `check` reports them
//! (missing in the reference: error; elsewhere: warning, the reference
//! words are used instead).

use std::collections::BTreeSet;

use crate::derive::status::State;
use crate::derive::Summary;
use crate::model::agency::AgencyKind;
use crate::model::report::Reported;

use super::{paths, I18n, REFERENCE};

/// The i18n keys of the citation formulas and of the titles cited
/// (`render/cite.rs`), which every theme must have.
pub const CITE_KEYS: [&str; 14] = [
    "cite.of_task",
    "cite.of_state",
    "cite.of_plan",
    "cite.of_page",
    "cite.doc",
    "cite.number",
    "cite.unnumbered",
    "cite.dated",
    "cite.group",
    "cite.task_number",
    "cite.task_row",
    "cite.original_in",
    "agency.cite_title",
    "tasklist.numbered",
];

/// Words the monthly forms (`src/forms/`) take from the theme's i18n files.
pub const FORM_KEYS: &[&str] = &[
    "form.sheet",
    "form.help_sheet",
    "form.title",
    "form.agency",
    "form.period",
    "form.fill_in",
    "form.col_key",
    "form.col_serial",
    "form.col_plan",
    "form.col_number",
    "form.col_text",
    "form.col_role",
    "form.col_deadline",
    "form.col_last_status",
    "form.col_last_date",
    "form.col_status",
    "form.col_progress",
    "form.col_completed",
    "form.col_evidence_number",
    "form.col_evidence_date",
    "form.col_evidence_url",
    "form.col_note",
    "form.role_lead",
    "form.role_cooperate",
    "form.role_group_lead",
    "form.role_group_cooperate",
    "form.no_report",
    "form.help",
    "form.statuses",
    "form.status_prompt",
    "form.progress_prompt",
    "form.date_prompt",
    "form.rejected_row",
    "form.rejected_cell",
    "form.rejected_problem",
    "form.rejected_fix",
];

/// Keys the program itself looks up (not found by reading templates).
pub const PROGRAM_KEYS: &[&str] = &[
    // Calendar words templates use too.
    "calendar.title",
    "calendar.month_title",
    "calendar.mon",
    "calendar.tue",
    "calendar.wed",
    "calendar.thu",
    "calendar.fri",
    "calendar.sat",
    "calendar.sun",
    // Names of the languages (citations say which language a text is in).
    "language_name.vi",
    "language_name.en",
    "meta.name",
    "date.day",
    "date.month",
    "date.months",
    "number.group",
    "number.decimal",
    "number.percent",
    "ics.task",
    "ics.deadline_verbatim",
    "ics.lead",
    "ics.reporter",
    "ics.verbatim",
    "ics.to",
    "ics.page",
    "ics.due",
    "ics.due_before",
    "page.home",
    "page.part_suffix",
    "page.charts",
    "page.charts_description",
    "page.data",
    "page.data_description",
    "page.search",
    "page.search_description",
    "page.status",
    "page.status_crumb",
    "page.reports",
    "report.evidence_title",
    "report.month_title",
    "page.plans",
    "page.plans_crumb",
    "page.plan_part",
    "page.task_title",
    "page.task_description",
    "page.calendar_crumb",
    "page.month_description",
    "calendar.month_label",
    "calendar.month_in_sentence",
    "duty.before",
    "duty.by",
    "duty.monthly",
    "duty.quarterly",
    "duty.quarter_first",
    "duty.quarter_middle",
    "duty.quarter_last",
    "duty.yearly",
    "duty.once_before",
    "duty.once_by",
    "duty.every",
    "page.agencies_crumb",
    "page.agency_description",
    "page.agency_plan_description",
    "page.agencies",
    "page.agencies_part",
    "page.agencies_description",
    "data_column.plan_id",
    "data_column.reported_status",
    "data_column.report_note",
    "data_column.reported_by",
    "data_column.plan_number",
    "data_column.plan_title",
    "data_column.task_id",
    "data_column.number",
    "data_column.group",
    "data_column.goal",
    "data_column.task",
    "data_column.output",
    "data_column.lead",
    "data_column.lead_ids",
    "data_column.cooperate",
    "data_column.cooperate_ids",
    "data_column.start_text",
    "data_column.deadline_text",
    "data_column.deadline_kind",
    "data_column.deadline_meaning",
    "data_column.deadline_dates",
    "data_column.deadline_last_day",
    "data_column.start_first_day",
    "data_column.state",
    "data_column.state_label",
    "data_column.report",
    "data_column.progress",
    "data_column.completed",
    "data_column.note",
    "data_column.url",
    "data_column.source_line",
    "data_column.role",
    "data_column.illustrative",
    "data_file.all",
    "data_file.tasks_of",
    "data_file.registry",
    "feed.plan_summary",
    "feed.no_number",
    "feed.report_summary",
    "search_index.agency",
    "search_index.plan",
    "search_index.task",
    "search_index.task_title",
    "chart.total",
    "chart.target",
    "chart.actual",
    "chart.target_short",
    "chart.actual_short",
    "chart.indicator",
    "chart.unit",
    "chart.total_tasks_line",
    "chart.report_period",
    "chart.done_cumulative",
    "chart.total_tasks",
    "chart_text.by_plan",
    "chart_text.by_plan_top",
    "chart_text.by_plan_summary",
    "chart_text.lead_title",
    "chart_text.cooperate_title",
    "chart_text.lead_summary",
    "chart_text.cooperate_summary",
    "chart_text.lead_none",
    "chart_text.cooperate_none",
    "chart_text.lead_summary_none_late",
    "chart_text.cooperate_summary_none_late",
    "chart_text.late_title",
    "chart_text.late_summary",
    "chart_text.late_none",
    "chart_text.late_total",
    "chart.agency_id",
    "chart.package",
    "chart.licence",
    "chart.agency",
    "chart.document",
    "chart.month",
    "chart.all_tasks",
    "chart_text.done",
    "chart_text.overdue",
    "chart_text.rest",
    "chart_text.burn_up",
    "chart_text.burn_up_summary",
    "chart_text.per_month",
    "chart_text.per_month_summary",
    "chart_text.per_month_values",
    "chart_text.indicators",
    "chart_text.indicators_summary",
    "anchor.duties",
    "anchor.task_row",
    "anchor.tasks",
    "events.task_title",
    // How lists name a task (`task_ref::label`).
    "task_page.row",
    "task_page.group_code",
    "serve.not_found",
    "serve.rebuild_failed",
    // The citation words made once per language (`cite::cite_words`,
    // with `date.day` and `date.months` above).
    "cite.copy",
    "cite.copied",
    "cite.copy_label",
    "task_page.month_first",
    "reporting.sent",
    "reporting.not_sent",
    "reporting.count",
    "data_file.reporting",
];

/// Every key the program looks up: [`PROGRAM_KEYS`], path words and states.
pub fn program_keys() -> Vec<String> {
    let mut keys: Vec<String> = PROGRAM_KEYS.iter().map(|k| k.to_string()).collect();
    keys.extend(paths::KEYS.iter().map(|k| format!("path.{k}")));
    keys.extend(paths::CHART_KEYS.iter().map(|k| format!("chart_file.{k}")));
    keys.extend(super::describe::KEYS.iter().map(|k| k.to_string()));
    keys.extend(CITE_KEYS.iter().map(|k| k.to_string()));
    keys.extend(State::ALL.iter().map(|s| format!("state.{}", s.key())));
    keys.extend(Summary::ALL.iter().map(|g| format!("summary.{}", g.key())));
    keys.extend(
        Summary::ALL
            .iter()
            .map(|g| format!("summary_def.{}", g.key())),
    );
    keys.extend(crate::derive::Share::ALL.iter().flat_map(|s| {
        [
            format!("share.{}", s.key()),
            format!("share_def.{}", s.key()),
            format!("anchor.share_{}", s.key()),
            format!("agencies.col_{}", s.key()),
            format!("home.late_{}", s.key()),
        ]
    }));
    keys.extend(
        Summary::ALL
            .iter()
            .map(|g| format!("anchor_group.{}", g.key())),
    );
    keys.extend(
        Reported::ALL
            .iter()
            .map(|r| format!("reported.{}", r.key())),
    );
    keys.extend(
        Reported::ALL
            .iter()
            .map(|r| format!("status_words.{}", r.key())),
    );
    keys.extend(FORM_KEYS.iter().map(|k| k.to_string()));
    keys.extend(AgencyKind::ALL.iter().map(AgencyKind::label_key));
    keys.extend(
        crate::model::inference::InferenceKind::ALL
            .iter()
            .map(|k| format!("inference.{}", k.key())),
    );
    keys
}

/// The keys the program looks up that the reference file lacks: a theme
/// missing any is refused when loaded, so the program's lookups never fail.
pub fn missing_program_keys(i18n: &I18n) -> Vec<String> {
    let Some(reference) = i18n.catalog(REFERENCE) else {
        return program_keys();
    };
    program_keys()
        .into_iter()
        .filter(|k| reference.get(k).is_none())
        .collect()
}

/// What is wrong with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProblemKind {
    /// Used but absent from the reference file: the build cannot say it.
    MissingInReference,
    /// In the reference but not in this language: the reference words show.
    Untranslated,
    /// In a file but used by no template and not by the program.
    Unused,
}

/// One key's problem in one language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The language whose file is concerned.
    pub lang: String,
    /// The key.
    pub key: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// True when the build cannot go on.
    pub fn is_error(&self) -> bool {
        self.kind == ProblemKind::MissingInReference
    }

    /// The problem in plain words, with the fix.
    pub fn message(&self) -> (String, String) {
        let (l, k) = (&self.lang, &self.key);
        match self.kind {
            ProblemKind::MissingInReference => (
                format!("key `{k}` is used but missing from i18n/{l}.toml"),
                format!("add `{k}` to i18n/{l}.toml (the reference language)"),
            ),
            ProblemKind::Untranslated => (
                format!("key `{k}` has no words in i18n/{l}.toml; the {REFERENCE} words show"),
                format!("translate `{k}` in i18n/{l}.toml"),
            ),
            ProblemKind::Unused => (
                format!("key `{k}` in i18n/{l}.toml is used nowhere"),
                "remove it, or use it in a template with t(key=…)".to_string(),
            ),
        }
    }
}

pub(super) fn problems(i18n: &I18n, used_in_templates: &[String]) -> Vec<Problem> {
    let mut used: BTreeSet<String> = used_in_templates.iter().cloned().collect();
    used.extend(program_keys());
    let mut out = Vec::new();
    let reference: BTreeSet<String> = i18n
        .catalog(REFERENCE)
        .map(|c| c.keys().map(str::to_string).collect())
        .unwrap_or_default();
    for k in used.difference(&reference) {
        out.push(Problem {
            lang: REFERENCE.into(),
            key: k.clone(),
            kind: ProblemKind::MissingInReference,
        });
    }
    for lang in i18n.languages() {
        let Some(c) = i18n.catalog(&lang) else {
            continue;
        };
        let have: BTreeSet<String> = c.keys().map(str::to_string).collect();
        if lang != REFERENCE {
            for k in reference.difference(&have) {
                out.push(Problem {
                    lang: lang.clone(),
                    key: k.clone(),
                    kind: ProblemKind::Untranslated,
                });
            }
        }
        for k in have.difference(&used) {
            out.push(Problem {
                lang: lang.clone(),
                key: k.clone(),
                kind: ProblemKind::Unused,
            });
        }
    }
    out.sort();
    out
}

/// The keys a template looks up literally: every `t(key="…")` (a key
/// built with `~` is left to [`program_keys`]).
pub fn keys_in_template(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let bytes = source.as_bytes();
    let mut at = 0;
    while let Some(found) = source[at..].find("t(") {
        let start = at + found;
        at = start + 2;
        let ident_before = start > 0 && {
            let b = bytes[start - 1];
            b.is_ascii_alphanumeric() || b == b'_' || b == b'.'
        };
        if ident_before {
            continue;
        }
        let rest = source[at..].trim_start();
        let Some(rest) = rest.strip_prefix("key") else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = rest[1..].find(q) {
            // `t(key="state." ~ s.key)` builds its key: the program's keys
            // ([`program_keys`]) cover such families.
            let built = rest[2 + end..].trim_start().starts_with('~');
            if !built {
                keys.push(rest[1..1 + end].to_string());
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every literal key written between any other template text is
        /// found, once, whatever the spacing and quotes.
        #[test]
        fn literal_keys_are_found_anywhere(
            before in "[^t]{0,30}",
            after in "[^t]{0,30}",
            key in "[a-z_]{1,8}(\\.[a-z_]{1,8}){0,2}",
            sp in " {0,2}",
            double in any::<bool>(),
        ) {
            let q = if double { '"' } else { '\'' };
            let src = format!("{before}{{{{ t({sp}key{sp}={sp}{q}{key}{q}) }}}}{after}");
            prop_assert_eq!(keys_in_template(&src), vec![key]);
        }
    }

    fn set(vi: &str, en: &str) -> I18n {
        I18n::from_sources([
            ("vi".to_string(), "vi.toml".to_string(), vi.to_string()),
            ("en".to_string(), "en.toml".to_string(), en.to_string()),
        ])
        .unwrap()
    }

    #[test]
    fn template_keys_are_found_in_every_quoting() {
        let t = r#"{{ t(key="nav.plans") }} {{ t( key = 'count.tasks', n=3) }} {{ start(key="x") }} {{ a.t(key="y") }} {{ t(key="state." ~ s.key) }}"#;
        assert_eq!(keys_in_template(t), ["nav.plans", "count.tasks"]);
    }

    #[test]
    fn missing_in_reference_is_an_error_elsewhere_a_warning() {
        let i = set("[a]\nx = \"X\"\ny = \"Y\"\n", "[a]\nx = \"X\"\nz = \"Z\"\n");
        let used = vec!["a.x".to_string(), "a.y".to_string(), "a.w".to_string()];
        let p: Vec<_> = i
            .problems(&used)
            .into_iter()
            .filter(|p| p.key.starts_with("a."))
            .collect();
        let got: Vec<_> = p
            .iter()
            .map(|p| (p.lang.as_str(), p.key.as_str(), p.kind))
            .collect();
        assert!(got.contains(&("vi", "a.w", ProblemKind::MissingInReference)));
        assert!(got.contains(&("en", "a.y", ProblemKind::Untranslated)));
        assert!(got.contains(&("en", "a.z", ProblemKind::Unused)));
        assert_eq!(p.iter().filter(|p| p.is_error()).count(), 1);
        let err = p.iter().find(|p| p.is_error()).unwrap();
        assert!(
            err.message().1.contains("i18n/vi.toml"),
            "{:?}",
            err.message()
        );
    }
}
