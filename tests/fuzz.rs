//! Fuzz harnesses (proptest) for every parser that reads content or a
//! request from outside: the YAML loaders, the deadline parser, the
//! Markdown sanitiser, the CSV import, and the bounds (YAML aliases and
//! nesting, sparse sheets, damaged zip files). Each states an invariant that
//! must hold for any input, not only "does not panic". CI raises the
//! number of cases with `PROPTEST_CASES` for a bounded run.

mod common;
#[path = "support/office.rs"]
mod office;
#[path = "support/scan.rs"]
mod scan;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use minhbach::diagnostics::Severity;
use minhbach::import::{csv_file, report_from_csv, ReportMeta};
use minhbach::load::raw::{AgenciesFile, DutiesFile, PlanFront, ReportFile, SiteFile, TasksFile};
use minhbach::load::yaml;
use minhbach::model::Deadline;
use minhbach::validate::bounds;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use common::*;

/// Text a hostile or careless author might type: payloads, YAML and
/// Markdown syntax, Vietnamese, control characters, or anything.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("\"><img src=x onerror=alert(1)>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("<a href=\"java\u{0}script:x\">".to_string()),
        Just("&#106;avascript:".to_string()),
        Just("{{ x }}{% raw %}".to_string()),
        Just(": - # & * ! | > ' \" % @ `".to_string()),
        Just("\r\n\t\u{7}\u{1b}\u{85}\u{2028}\u{feff}".to_string()),
        Just("Sở Khoa học và Công nghệ".to_string()),
        Just("S\u{1edf}\u{200b} N\u{202e}30/10/2025\u{2066}\u{200f}".to_string()),
        Just("Tháng 9/2025; trước ngày 30/10/0025".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
}

proptest! {
    /// Every YAML loader returns a value or a located error, never panics.
    #[test]
    fn yaml_loaders_never_panic(src in nasty()) {
        let f = Path::new("f.yaml");
        let _ = yaml::parse::<SiteFile>(&src, f, 0);
        let _ = yaml::parse::<AgenciesFile>(&src, f, 0);
        let _ = yaml::parse::<PlanFront>(&src, f, 3);
        let _ = yaml::parse::<TasksFile>(&src, f, 0);
        let _ = yaml::parse::<DutiesFile>(&src, f, 0);
        if let Err(d) = yaml::parse::<ReportFile>(&src, f, 0) {
            prop_assert!(d.location.line <= src.lines().count() + 1, "{d}");
            prop_assert!(d.help.is_some());
        }
    }

    /// Any text put in a table cell either passes `check` and is kept
    /// verbatim (NFC, without control and invisible characters, Unicode line separators
    /// as spaces), or is reported; `check` never panics.
    #[test]
    fn any_cell_text_is_kept_verbatim_or_reported(text in nasty()) {
        let tmp = tempfile::tempdir().unwrap();
        valid_content(tmp.path());
        let quoted = serde_json::to_string(&text).unwrap();
        let tasks = TASKS.replace("\"Việc thứ nhất\"", &quoted);
        write_content(tmp.path(), &[("plans/kh-thu/tasks.yaml", &tasks)]);
        let (model, diags) = minhbach::load_model(tmp.path(), None);
        match model {
            Some(m) => {
                // The JSON quoting leaves U+2028/U+2029 raw in the file,
                // where they are replaced by a space.
                let want: String = text
                    .nfc()
                    .filter(|&c| !minhbach::load::files::is_removed(c))
                    .map(|c| if minhbach::load::files::is_unicode_separator(c) { ' ' } else { c })
                    .collect::<String>();
                prop_assert_eq!(m.plans[0].tasks[0].text.as_deref(), Some(want.as_str()));
            }
            None => prop_assert!(diags.has_errors()),
        }
    }

    /// The deadline parser never panics, keeps the text as printed, and
    /// every date it reads that `check` accepts lies in the plausible window.
    #[test]
    fn deadline_parser_never_panics(text in nasty(), year in -400_000i32..400_000) {
        let d = Deadline::parse(&text, Some(year));
        prop_assert_eq!(&d.text, &text);
        let _ = d.kind.describe();
        let _ = d.kind.describe_start();
    }

    /// Dates of any size written in a deadline never get past `check`
    /// outside the window, so `build` cannot explode.
    #[test]
    fn deadline_dates_accepted_by_check_are_bounded(
        d in 0u32..400, m in 0u32..400, y in 0u32..400_000,
        form in 0usize..4,
    ) {
        let text = match form {
            0 => format!("{d}/{m}/{y}"),
            1 => format!("trước ngày {d}/{m}/{y}"),
            2 => format!("Tháng {m}/{y}"),
            _ => format!("Năm {y}"),
        };
        let tmp = tempfile::tempdir().unwrap();
        valid_content(tmp.path());
        let tasks = TASKS.replace("\"Tháng 9/2025\"", &format!("\"{text}\""));
        write_content(tmp.path(), &[("plans/kh-thu/tasks.yaml", &tasks)]);
        let (model, _) = minhbach::load_model(tmp.path(), None);
        if let Some(m) = model {
            let t = &m.plans[0].tasks[0];
            for date in t.deadline.iter().flat_map(|d| bounds::deadline_dates(&d.kind)) {
                prop_assert!(bounds::year_ok(date.year()), "{text:?} → {date}");
                prop_assert!((2015..=2055).contains(&date.year()), "{text:?} → {date}");
            }
        }
    }

    /// Whatever the Markdown, the sanitised HTML holds nothing executable.
    #[test]
    fn markdown_sanitiser_output_is_inert(md in nasty()) {
        let html = minhbach::render::markdown::to_html(&md);
        let found = scan::executable(&html);
        prop_assert!(found.is_empty(), "{md:?} → {found:?}\n{html}");
    }

    /// Any bytes given to the CSV import produce a report or located
    /// errors, never a panic.
    #[test]
    fn csv_import_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400), text in nasty()) {
        let p = Path::new("x.csv");
        if let Ok(t) = csv_file::decode(bytes, p) {
            let _ = csv_file::parse(&t, p);
        }
        let _ = csv_file::parse(&text, p);
    }

    /// A table written by a CSV writer (any separator, quotes, multi-line
    /// cells) reads back cell for cell, each row at its physical line.
    #[test]
    fn csv_round_trips_with_physical_lines(
        rows in prop::collection::vec(prop::collection::vec("[a-z\"',;\t\n ]{0,6}", 2..4), 1..8),
        sep in prop::sample::select(vec![b',', b';', b'\t']),
    ) {
        let mut w = csv::WriterBuilder::new().delimiter(sep).flexible(true).from_writer(Vec::new());
        let header = ["task", "status", "note"];
        w.write_record(header).unwrap();
        for r in &rows {
            w.write_record(r).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let t = csv_file::parse(&text, Path::new("x.csv")).unwrap();
        prop_assert_eq!(&t.header.cells, &header.map(String::from).to_vec());
        // Rows written as one empty field are skipped as blank lines.
        let written: Vec<&Vec<String>> = rows.iter().filter(|r| r.len() > 1 || !r[0].is_empty()).collect();
        prop_assert_eq!(t.rows.len(), written.len());
        let mut line = 2;
        for (got, want) in t.rows.iter().zip(written) {
            // Blank cells at the end of a line hold nothing and are not kept.
            let used = want.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
            prop_assert_eq!(&got.cells[..], &want[..used]);
            prop_assert!(got.line >= line);
            prop_assert_eq!(&text.lines().nth(got.line - 1).map(|l| l.is_empty()), &Some(false));
            line = got.line + 1;
        }
    }

    /// Every row of an import is accounted for: a report has one entry
    /// per non-blank row, and a refused import names lines of the file.
    #[test]
    fn every_import_row_is_accounted_for(
        rows in prop::collection::vec(
            (prop::sample::select(vec!["kh/1", "kh/2", "kh/3", "", "4", "kh/x y"]),
             prop::sample::select(vec!["done", "ongoing", "Đang thực hiện", "", "xong"]),
             prop::sample::select(vec!["", "08/09/2025", "08/09/25", "31/02/2025", "2025-09-08"])),
            0..6),
    ) {
        let mut text = String::from("task,status,completed\n");
        for (t, s, c) in &rows {
            text.push_str(&format!("{t},{s},{c}\n"));
        }
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("x.csv");
        std::fs::write(&p, &text).unwrap();
        let meta = ReportMeta {
            period: "2025-09".into(),
            date: NaiveDate::from_ymd_opt(2025, 9, 30).unwrap(),
            issuer: None,
            number: None,
            century: None,
        };
        let data_rows = rows.iter().filter(|(t, s, c)| !(t.is_empty() && s.is_empty() && c.is_empty())).count();
        match report_from_csv(&p, &meta) {
            Ok(i) => {
                let entries = i.yaml.matches("- task:").count();
                prop_assert_eq!(entries, data_rows, "{}", i.yaml);
            }
            Err(d) => {
                prop_assert!(d.iter().any(|e| e.severity == Severity::Error));
                for e in d.iter() {
                    prop_assert!(e.location.line >= 1 && e.location.line <= rows.len() + 1, "{e}");
                }
            }
        }
    }
}

/// Cases for the whole-pipeline harness: an eighth of `PROPTEST_CASES`
/// (each case loads, validates and renders a site).
fn pipeline_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .map_or(32, |n| (n / 8).max(16))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pipeline_cases()))]

    /// Content mutated anywhere (text inserted or cut in any file) is
    /// loaded, validated and rendered without a panic; every problem points
    /// into the file it names.
    #[test]
    fn mutated_content_never_panics(
        file in 0usize..5,
        at in any::<prop::sample::Index>(),
        cut in 0usize..20,
        insert in nasty(),
    ) {
        let files = [
            ("site.yaml", SITE.to_string()),
            ("agencies.yaml", AGENCIES.to_string()),
            ("plans/kh-thu/plan.md", PLAN_MD.to_string()),
            ("plans/kh-thu/tasks.yaml", TASKS.to_string()),
            ("reports/2025-09.yaml", "period: \"2025-09\"\ndate: 2025-09-15\nentries:\n  - task: kh-thu/1\n    status: in-progress\n    progress: 40\n".to_string()),
        ];
        let tmp = tempfile::tempdir().unwrap();
        valid_content(tmp.path());
        let (name, text) = &files[file];
        let chars: Vec<char> = text.chars().collect();
        let i = at.index(chars.len() + 1);
        let j = (i + cut).min(chars.len());
        let mutated: String = chars[..i].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[j..].iter()).collect();
        write_content(tmp.path(), &[(name, &mutated)]);
        if file != 4 {
            let (report, text) = &files[4];
            write_content(tmp.path(), &[(report, text)]);
        }
        let out = tmp.path().join("out");
        let (rendered, diags) = minhbach::render_site(&opts(tmp.path(), &out));
        for d in diags.iter() {
            if d.location.line > 0 {
                let lines = std::fs::read_to_string(&d.location.file).map(|t| t.lines().count()).unwrap_or(0);
                prop_assert!(d.location.line <= lines + 1, "{d}");
            }
        }
        prop_assert_eq!(rendered.is_some(), !diags.has_errors());
    }
}

/// A YAML document of anchors and aliases: `levels` lists, each made of
/// `fan` aliases of the one before (a billion laughs when large), and
/// `depth` levels of nesting around the last one, in flow or block style.
fn aliased_yaml(levels: usize, fan: usize, depth: usize, block: bool, text: &str) -> String {
    let mut src = format!("a0: &a0 {}\n", serde_json::to_string(text).unwrap());
    for i in 1..levels {
        src.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); fan].join(", ")
        ));
    }
    if block {
        src.push_str(&format!(
            "deep:\n  {}*a{}\n",
            "- ".repeat(depth),
            levels - 1
        ));
    } else {
        src.push_str(&format!(
            "deep: {}*a{}{}\n",
            "[".repeat(depth),
            levels - 1,
            "]".repeat(depth)
        ));
    }
    src
}

proptest! {
    /// Anchors, aliases and nesting of any size are read or refused at a
    /// line of the file, quickly, whatever they would expand to.
    #[test]
    fn aliases_and_nesting_are_bounded(
        levels in 1usize..12,
        fan in 1usize..40,
        depth in 0usize..400,
        block in any::<bool>(),
        text in "[a-zA-Zà-ỹ ]{0,200}",
    ) {
        let src = aliased_yaml(levels, fan, depth, block, &text);
        let started = std::time::Instant::now();
        let parsed = yaml::parse::<serde_yaml::Value>(&src, Path::new("f.yaml"), 0);
        prop_assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
        let lines = src.lines().count();
        match parsed {
            Ok(_) => prop_assert!(depth < 64, "nesting {depth} was accepted"),
            Err(d) => {
                prop_assert!(d.location.line <= lines + 1, "{d}");
                prop_assert!(
                    depth >= 64 || d.message.contains("aliases expanded") || d.message.contains("its aliases"),
                    "{d}"
                );
                prop_assert!(d.help.is_some(), "{d}");
            }
        }
        // A typed loader refuses it the same way, never by exhausting memory.
        let _ = yaml::parse::<TasksFile>(&src, Path::new("tasks.yaml"), 0);
    }

    /// A sheet with cells anywhere (up to XFD1048576) is read into a grid
    /// no larger than the limit, or refused naming a cell of the sheet;
    /// merged ranges anywhere are laid over it or refused, never dropped.
    #[test]
    fn sparse_sheets_are_bounded(
        cells in prop::collection::vec((0u32..1_048_576, 0u16..16_384, "[a-z0-9 ]{0,6}"), 1..12),
        merges in prop::collection::vec((0u32..64, 0u16..16, 0u32..4, 0u16..4), 0..3),
        near in any::<bool>(),
    ) {
        // Half the sheets keep their cells near the top left, where grids
        // are accepted and merges meet cells.
        let cells: Vec<(u32, u16, String)> = cells
            .into_iter()
            .map(|(r, c, t)| if near { (r % 40, c % 12, t) } else { (r, c, t) })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.xlsx");
        // Ranges may overlap each other or cells with text.
        let ranges: Vec<(u32, u16, u32, u16)> = merges.iter().map(|(r, c, h, w)| (*r, *c, r + h, c + w)).collect();
        std::fs::write(&p, office::xlsx(&cells, &ranges)).unwrap();
        let started = std::time::Instant::now();
        match minhbach::tables::read(&p) {
            Ok(tables) => {
                for t in tables {
                    let positions = t.rows.len() * t.width();
                    prop_assert!(positions as u64 <= minhbach::limits::TABLE_POSITIONS.max);
                }
            }
            Err(e) => prop_assert!(e.message.contains("Sheet1!"), "{e}"),
        }
        prop_assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    /// A zip-based file damaged anywhere (bytes changed or cut) is read or
    /// refused with a message, never a panic, an unbounded allocation or a
    /// table read from a damaged part.
    #[test]
    fn damaged_zips_are_refused_or_read(
        docx in any::<bool>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in any::<prop::sample::Index>(),
        do_cut in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(if docx { "d.docx" } else { "d.xlsx" });
        let mut bytes = if docx { small_docx() } else { small_xlsx() };
        for (i, b) in &flips {
            let k = i.index(bytes.len());
            bytes[k] ^= b | 1;
        }
        if do_cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        std::fs::write(&p, &bytes).unwrap();
        let started = std::time::Instant::now();
        match minhbach::tables::read(&p) {
            Ok(_) => {}
            Err(e) => prop_assert!(!e.message.is_empty() && !e.help.is_empty(), "{e}"),
        }
        prop_assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}

/// A small valid `.xlsx` with a header and two rows.
fn small_xlsx() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì"],
        ["1", "Rà soát", "Sở A"],
        ["2", "Báo cáo", "Sở B"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// A small valid `.docx` holding one table.
fn small_docx() -> Vec<u8> {
    let tc = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    office::docx(&format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        tc("TT"),
        tc("Nhiệm vụ"),
        tc("1"),
        tc("Rà soát")
    ))
}
