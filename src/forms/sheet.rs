//! One agency's form as an `.xlsx` workbook: the form sheet (marks in the
//! hidden key column, title, agency and period, then a header and one row
//! per task; the columns to fill in unlocked and validated, the rest
//! protected) and an instructions sheet, both in the site's language.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::derive::Part;
use crate::import::find::FORM_MARK;
use crate::model::report::Reported;
use crate::model::Model;
use crate::render::i18n::Locale;

use super::rows::Form;

/// Row of the header (0-based); the marks and title are above it.
pub const HEADER_ROW: u32 = 4;

/// The form's columns: i18n key of the heading, width, filled in by the agency.
const COLUMNS: [(&str, f64, bool); 16] = [
    ("form.col_key", 4.0, false),
    ("form.col_serial", 5.0, false),
    ("form.col_plan", 14.0, false),
    ("form.col_number", 8.0, false),
    ("form.col_text", 50.0, false),
    ("form.col_role", 16.0, false),
    ("form.col_deadline", 18.0, false),
    ("form.col_last_status", 16.0, false),
    ("form.col_last_date", 12.0, false),
    ("form.col_status", 22.0, true),
    ("form.col_progress", 10.0, true),
    ("form.col_completed", 13.0, true),
    ("form.col_evidence_number", 16.0, true),
    ("form.col_evidence_date", 13.0, true),
    ("form.col_evidence_url", 24.0, true),
    ("form.col_note", 30.0, true),
];

/// Column of each field (0-based).
mod col {
    pub const STATUS: u16 = 9;
    pub const PROGRESS: u16 = 10;
    pub const COMPLETED: u16 = 11;
    pub const EVIDENCE_DATE: u16 = 13;
    pub const LAST: u16 = 15;
}

/// The status words of the dropdown: the theme's labels in the site's language.
pub fn status_words(l: &Locale) -> Vec<String> {
    Reported::ALL
        .iter()
        .map(|r| l.say(&format!("reported.{}", r.key())))
        .collect()
}

fn role(l: &Locale, part: Part, via: Option<&str>) -> String {
    let via = via.unwrap_or("").to_string();
    match part {
        Part::Lead => l.say("form.role_lead"),
        Part::Cooperate => l.say("form.role_cooperate"),
        Part::GroupLead => l.say_with("form.role_group_lead", &[("group", via)]),
        Part::GroupCooperate => l.say_with("form.role_group_cooperate", &[("group", via)]),
    }
}

/// The workbook's bytes.
pub fn workbook(
    model: &Model,
    l: &Locale,
    form: &Form,
    year: i32,
    month: u32,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation time: the same content gives the same bytes.
    let created = ExcelDateTime::from_ymd(year as u16, month as u8, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let period_text = l.say_with(
        "form.period",
        &[
            ("month", format!("{month:02}")),
            ("year", format!("{year}")),
        ],
    );
    let words = status_words(l);
    {
        let ws = wb.add_worksheet();
        ws.set_name(l.say("form.sheet"))?;
        form_sheet(ws, model, l, form, &period_text, &words, year, month)?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name(l.say("form.help_sheet"))?;
        help_sheet(ws, l, form, &period_text, &words)?;
    }
    wb.save_to_buffer()
}

#[allow(clippy::too_many_arguments)]
fn form_sheet(
    ws: &mut Worksheet,
    model: &Model,
    l: &Locale,
    form: &Form,
    period_text: &str,
    words: &[String],
    year: i32,
    month: u32,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color("#D9E1F2");
    let locked = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let fill = Format::new()
        .set_unlocked()
        .set_border(FormatBorder::Thin)
        .set_background_color("#FFF2CC");
    let fill_date = fill.clone().set_num_format("dd/mm/yyyy");
    // Marks the importer reads, in the hidden key column.
    ws.write_string(0, 0, FORM_MARK)?;
    ws.write_string(1, 0, format!("agency={}", form.agency))?;
    ws.write_string(2, 0, format!("period={year:04}-{month:02}"))?;
    ws.write_string_with_format(0, 1, l.say("form.title"), &bold)?;
    ws.write_string(
        1,
        1,
        l.say_with(
            "form.agency",
            &[
                ("agency", form.name.clone()),
                ("id", form.agency.to_string()),
            ],
        ),
    )?;
    ws.write_string(2, 1, period_text)?;
    ws.write_string(3, 1, l.say("form.fill_in"))?;
    for (c, (key, width, _)) in COLUMNS.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(HEADER_ROW, c, l.say(key), &head)?;
        ws.set_column_width(c, *width)?;
    }
    ws.set_column_hidden(0)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let no_report = l.say("form.no_report");
    for (i, r) in form.rows.iter().enumerate() {
        let y = HEADER_ROW + 1 + i as u32;
        let plan = &model.plans[r.task.plan];
        let task = &plan.tasks[r.task.task];
        let texts = [
            r.key.clone(),
            (i + 1).to_string(),
            plan.number.clone().unwrap_or_else(|| plan.id.to_string()),
            task.number.clone().unwrap_or_else(|| task.id.to_string()),
            task.text.clone().unwrap_or_default(),
            role(l, r.part, r.via.as_deref()),
            task.deadline
                .as_ref()
                .map(|d| d.text.clone())
                .unwrap_or_default(),
            r.last.map_or_else(
                || no_report.clone(),
                |(s, _)| l.say(&format!("reported.{}", s.key())),
            ),
            r.last
                .map(|(_, d)| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default(),
        ];
        for (c, t) in texts.iter().enumerate() {
            ws.write_string_with_format(y, c as u16, t, &locked)?;
        }
        for c in col::STATUS..=col::LAST {
            let f = if c == col::COMPLETED || c == col::EVIDENCE_DATE {
                &fill_date
            } else {
                &fill
            };
            ws.write_blank(y, c, f)?;
        }
    }
    if !form.rows.is_empty() {
        let first = HEADER_ROW + 1;
        let last = HEADER_ROW + form.rows.len() as u32;
        let status = DataValidation::new()
            .allow_list_strings(words)?
            .set_input_message(l.say("form.status_prompt"))?;
        ws.add_data_validation(first, col::STATUS, last, col::STATUS, &status)?;
        let progress = DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, 100))
            .set_input_message(l.say("form.progress_prompt"))?;
        ws.add_data_validation(first, col::PROGRESS, last, col::PROGRESS, &progress)?;
        let date = DataValidation::new()
            .allow_date(DataValidationRule::Between(
                ExcelDateTime::from_ymd(1900, 1, 1)?,
                ExcelDateTime::from_ymd(2100, 12, 31)?,
            ))
            .set_input_message(l.say("form.date_prompt"))?;
        for c in [col::COMPLETED, col::EVIDENCE_DATE] {
            ws.add_data_validation(first, c, last, c, &date)?;
        }
    }
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    Ok(())
}

fn help_sheet(
    ws: &mut Worksheet,
    l: &Locale,
    form: &Form,
    period_text: &str,
    words: &[String],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    ws.set_column_width(0, 100)?;
    ws.write_string_with_format(0, 0, l.say("form.title"), &bold)?;
    ws.write_string(
        1,
        0,
        l.say_with(
            "form.agency",
            &[
                ("agency", form.name.clone()),
                ("id", form.agency.to_string()),
            ],
        ),
    )?;
    ws.write_string(2, 0, period_text)?;
    let help = l.say("form.help");
    let mut y = 4;
    for line in help.lines() {
        ws.write_string_with_format(y, 0, line, &wrap)?;
        y += 1;
    }
    y += 1;
    ws.write_string_with_format(y, 0, l.say("form.statuses"), &bold)?;
    for w in words {
        y += 1;
        ws.write_string(y, 0, w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::column;
    use crate::render::i18n::I18n;

    /// The form's headings, in every language of the theme, are names
    /// `import-report` reads as the right columns.
    #[test]
    fn headings_in_every_language_are_read_back_as_their_columns() {
        let want = [
            "key",
            "serial",
            "plan",
            "number",
            "text",
            "context",
            "context",
            "context",
            "context",
            "status",
            "progress",
            "completed",
            "evidence_number",
            "evidence_date",
            "evidence_url",
            "note",
        ];
        let i18n = I18n::embedded().unwrap();
        for lang in i18n.languages() {
            let l = i18n.locale(&lang);
            for ((key, _, _), kind) in COLUMNS.iter().zip(want) {
                let heading = l.say(key);
                assert_eq!(column(&heading), Some(kind), "{lang}: {key} = {heading:?}");
            }
            // The dropdown's words are status words.
            let words = crate::import::words::StatusWords::from_i18n(&i18n);
            for (w, r) in status_words(&l).iter().zip(Reported::ALL) {
                assert_eq!(words.read(w), Some(r), "{lang}: {w}");
            }
        }
    }
}
