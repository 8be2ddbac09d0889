//! `import-plan → check → build` on sheets of each class the project had
//! never seen, made here: a month-first work-breakdown sheet whose start
//! dates cannot tell the order by themselves (as CSV and as .xlsx holding
//! real dates), a sheet where no date tells it, a three-level outline with
//! heading rows, and a resolution whose cells list several ministries under
//! old and new names and abbreviations. Nothing may be misread silently.

mod fixtures;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use fixtures::opts;
use minhbach::import_plan::import;
use minhbach::model::DeadlineKind;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Fills in the `plan.md` an import wrote, with a period covering 2025.
fn fill_plan(content: &Path, id: &str) {
    fill_plan_by(content, id, "ubnd-tinh")
}

/// Fills in the `plan.md` with the given issuer.
fn fill_plan_by(content: &Path, id: &str, issuer: &str) {
    let p = content.join("plans").join(id).join("plan.md");
    let filled = std::fs::read_to_string(&p)
        .unwrap()
        .replace("doc_type:             #", "doc_type: \"Kế hoạch\" #")
        .replace("title:                #", "title: \"Thử\" #")
        .replace("issuer:               #", &format!("issuer: {issuer} #"))
        .replace("  start:              #", "  start: 2025-01-01 #")
        .replace("  end:                #", "  end: 2025-12-31 #");
    std::fs::write(&p, filled).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "title: \"t\"\nas_of: 2025-08-01\n",
    )
    .unwrap();
}

/// Each task's number, the first day its start names, the last day of its deadline.
type Days = Vec<(String, Option<NaiveDate>, Option<NaiveDate>)>;

/// The first day each task's start names and the last day of its deadline,
/// with every diagnostic of `check`.
fn days(content: &Path) -> (Days, Vec<String>) {
    let (model, diags) = minhbach::load_model(content, None);
    let all: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
    assert!(!diags.has_errors(), "{all:#?}");
    let plan = &model.unwrap().plans[0];
    let first = |k: &DeadlineKind| k.dues().iter().map(|(_, d)| d.first_day()).min();
    let last = |k: &DeadlineKind| k.dues().iter().map(|(_, d)| d.last_day()).max();
    let got = plan
        .tasks
        .iter()
        .map(|t| {
            (
                t.number.clone().unwrap_or_default(),
                t.start.as_ref().and_then(|s| first(&s.kind)),
                t.deadline.as_ref().and_then(|s| last(&s.kind)),
            )
        })
        .collect();
    (got, all)
}

#[test]
fn a_month_first_csv_is_read_month_first_in_every_column() {
    let content = fixtures::content_dir();
    let csv = content.path().join("wbs.csv");
    // Starts fall on the 1st: alone they cannot tell the order. One due
    // date (6/13/2025) can: the whole file is month first.
    let mut text = String::from("WBS NUMBER,Task Name,Owner,Start,Finish,Actual Finish\n");
    for m in 1..=9 {
        let due = if m == 6 {
            "6/13/2025".to_string()
        } else {
            format!("{m}/10/2025")
        };
        let due = if m == 3 { "3/10/2025".to_string() } else { due };
        text.push_str(&format!(
            "{m},Việc {m},Sở Nội vụ,{m}/1/2025,{due},{}\n",
            if m < 3 {
                format!("{m}/2/2025")
            } else {
                String::new()
            }
        ));
    }
    std::fs::write(&csv, &text).unwrap();
    let summary = import(&opts(&csv, content.path(), "wbs")).unwrap();
    let said = summary.to_string();
    assert!(
        said.contains("month first (month/day/year) for the whole file"),
        "{said}"
    );
    assert!(said.contains("6/13/2025 at line 7, column 5"), "{said}");
    let yaml = std::fs::read_to_string(content.path().join("plans/wbs/tasks.yaml")).unwrap();
    assert!(yaml.contains("date_order: month_day"), "{yaml}");
    // The printed numbers are the tasks' numbers.
    assert!(yaml.contains("number: \"7\""), "{yaml}");
    // What was done is offered, not taken.
    assert!(content
        .path()
        .join("plans/wbs/import-progress.csv")
        .is_file());
    assert!(
        said.contains("2 task(s) carry what the sheet says was done"),
        "{said}"
    );
    fill_plan(content.path(), "wbs");
    let (got, diags) = days(content.path());
    for (n, start, due) in &got {
        let m: u32 = n.parse().unwrap();
        assert_eq!(*start, Some(day(2025, m, 1)), "start of {n}");
        let d = if m == 6 { 13 } else { 10 };
        assert_eq!(*due, Some(day(2025, m, d)), "due of {n}");
    }
    // Dates that could not tell the order were read by the file's order:
    // that inference stays on check's list until someone deletes it.
    assert!(
        diags
            .iter()
            .any(|d| d.contains("to review: the order of day and month")),
        "{diags:#?}"
    );
}

#[test]
fn an_xlsx_of_real_dates_is_read_by_value_in_the_file_order() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let content = fixtures::content_dir();
    let path = content.path().join("wbs.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["WBS", "Task Name", "Owner", "Start", "Finish"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // Starts in the system's short date (no order of its own), finishes
    // in an explicit month-first format.
    let system = Format::new().set_num_format_index(14);
    let us = Format::new().set_num_format("mm/dd/yyyy");
    for m in 1..=6u8 {
        let r = u32::from(m);
        ws.write_string(r, 0, m.to_string()).unwrap();
        ws.write_string(r, 1, format!("Việc {m}")).unwrap();
        ws.write_string(r, 2, "Sở Nội vụ").unwrap();
        ws.write_datetime_with_format(r, 3, ExcelDateTime::from_ymd(2025, m, 1).unwrap(), &system)
            .unwrap();
        ws.write_datetime_with_format(r, 4, ExcelDateTime::from_ymd(2025, m, 2).unwrap(), &us)
            .unwrap();
    }
    wb.save(&path).unwrap();
    let summary = import(&opts(&path, content.path(), "wbs")).unwrap();
    let yaml = std::fs::read_to_string(content.path().join("plans/wbs/tasks.yaml")).unwrap();
    assert!(yaml.contains("date_order: month_day"), "{summary}\n{yaml}");
    // The system's short dates are written in the file's order.
    assert!(yaml.contains("start: \"06/01/2025\""), "{yaml}");
    fill_plan(content.path(), "wbs");
    let (got, _) = days(content.path());
    for (n, start, due) in got {
        let m: u32 = n.parse().unwrap();
        assert_eq!(start, Some(day(2025, m, 1)), "start of {n}");
        assert_eq!(due, Some(day(2025, m, 2)), "due of {n}");
    }
}

#[test]
fn a_file_whose_dates_never_tell_their_order_is_flagged() {
    let content = fixtures::content_dir();
    let csv = content.path().join("a.csv");
    std::fs::write(
        &csv,
        "TT,Nhiệm vụ,Chủ trì,Hạn\n1,Việc một,Sở Tư pháp,6/1/2025\n2,Việc hai,Sở Nội vụ,3/4/2025\n",
    )
    .unwrap();
    let summary = import(&opts(&csv, content.path(), "kh")).unwrap();
    let said = summary.to_string();
    assert!(
        said.contains("no date settles the order of day and month"),
        "{said}"
    );
    assert!(said.contains("to review (1)"), "{said}");
    let yaml = std::fs::read_to_string(content.path().join("plans/kh/tasks.yaml")).unwrap();
    assert!(!yaml.contains("\ndate_order:"), "{yaml}");
    fill_plan(content.path(), "kh");
    let (_, diags) = days(content.path());
    let flagged: Vec<&String> = diags
        .iter()
        .filter(|d| {
            d.contains("to review: the order of day and month") && d.contains("tasks.yaml:")
        })
        .collect();
    assert_eq!(flagged.len(), 1, "{diags:#?}");
    assert!(
        flagged[0].contains("Sheet") || flagged[0].contains("line 2"),
        "{}",
        flagged[0]
    );
}

#[test]
fn a_three_level_outline_keeps_its_numbers_and_its_headings_are_groups() {
    let content = fixtures::content_dir();
    let csv = content.path().join("wbs.csv");
    std::fs::write(
        &csv,
        "WBS,Task,Owner,Start,Finish\n\
         1,Planning,,,\n\
         1.1,Requirements,,,\n\
         1.1.1,Gather needs,Sở Nội vụ,15/01/2025,30/01/2025\n\
         1.1.2,Write the specification,Sở Tư pháp,01/02/2025,28/02/2025\n\
         1.2,Design approved,,,\n\
         1.3,Prototype,Sở Nội vụ,01/03/2025,31/03/2025\n\
         2,Build,,,\n\
         2.1,Code,Sở Tư pháp,01/04/2025,30/04/2025\n\
         2.2,Test,Sở Tư pháp,01/05/2025,31/05/2025\n",
    )
    .unwrap();
    let summary = import(&opts(&csv, content.path(), "wbs")).unwrap();
    let got = fixtures::imported(content.path(), "wbs");
    // Two top groups; 1 holds 1.1 and 1.2; every leaf a task, once.
    let codes: Vec<&str> = got.groups.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(codes, ["1", "2"], "{summary}");
    let one = &got.groups[0];
    let subs: Vec<&str> = one.groups.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(subs, ["1.1", "1.2"]);
    let numbers = |ts: &[minhbach::load::raw::TaskEntry]| -> Vec<String> {
        ts.iter()
            .map(|t| t.number.clone().unwrap_or_default())
            .collect()
    };
    assert_eq!(numbers(&one.groups[0].tasks), ["1.1.1", "1.1.2"]);
    assert_eq!(numbers(&one.tasks), ["1.3"]);
    assert_eq!(numbers(&got.groups[1].tasks), ["2.1", "2.2"]);
    assert_eq!(one.title.as_deref(), Some("Planning"));
    // "Design approved" has no owner and no date: a heading, to review.
    assert_eq!(one.groups[1].title.as_deref(), Some("Design approved"));
    assert_eq!(one.groups[1].review.len(), 1);
    assert_eq!(summary.tasks, 5);
    assert!(summary.to_string().contains("heading"), "{summary}");
    fill_plan(content.path(), "wbs");
    let (tasks, _) = days(content.path());
    // A group's own rows come before its sub-groups' in tasks.yaml.
    let ids: Vec<&str> = tasks.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(ids, ["1.3", "1.1.1", "1.1.2", "2.1", "2.2"]);
}

/// The ministries named in a resolution's cells, before and after the 2025
/// mergers, in full and abbreviated.
const CELLS: &[&str] = &[
    "Bộ Công an, Bộ Nội vụ, Bộ Kế hoạch và Đầu tư, Bộ Tài chính",
    "Bộ TTTT",
    "Bộ Thông tin và Truyền thông; Bộ Khoa học và Công nghệ",
    "Bộ KH&ĐT và Bộ Tài chính",
    "Bộ Văn hóa, Thể thao và Du lịch, Bộ Y tế,\nBộ Giáo dục và Đào tạo",
    "Bộ Tư pháp, Văn phòng Chính phủ, Bộ Công an, Bộ Quốc phòng, Bộ Ngoại giao, Bộ Tài chính, Bộ Xây dựng, Bộ Công Thương",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Nông nghiệp và Phát triển nông thôn, Bộ Tài nguyên và Môi trường",
];

#[test]
fn ministries_old_and_new_are_each_a_body_and_merged_ones_reach_their_successor() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    // A new office's first import: its registry says `agencies: []`.
    std::fs::write(content.join("agencies.yaml"), "# Registry\nagencies: []\n").unwrap();
    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"])
        .unwrap();
    for (i, c) in CELLS.iter().enumerate() {
        wtr.write_record([
            (i + 1).to_string(),
            format!("Nhiệm vụ {}", i + 1),
            c.to_string(),
            "2025".to_string(),
        ])
        .unwrap();
    }
    let csv = dir.path().join("nq.csv");
    std::fs::write(&csv, wtr.into_inner().unwrap()).unwrap();
    let mut o = opts(&csv, &content, "nq");
    o.add_agencies = true;
    let summary = import(&o).unwrap();
    let said = summary.to_string();
    assert!(
        said.contains("\"Bộ TTTT\" is \"Bộ Thông tin và Truyền thông\""),
        "{said}"
    );
    assert!(
        said.contains("the cell was read as naming 8 bodies"),
        "{said}"
    );
    let ag = std::fs::read_to_string(content.join("agencies.yaml")).unwrap();
    assert!(
        ag.starts_with("# Registry\nagencies:\n  # Added by"),
        "the user's bytes come first:\n{ag}"
    );
    fill_plan_by(&content, "nq", "bo-tai-chinh");
    let report = minhbach::check(&content, None);
    let errors: Vec<String> = report
        .diagnostics
        .sorted()
        .iter()
        .filter(|d| d.severity == minhbach::diagnostics::Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let out = dir.path().join("out");
    let built = minhbach::build(&minhbach::BuildOptions::new(&content, &out));
    assert!(!built.diagnostics.has_errors());
    // Every ministry the cells name has each task naming it on its page
    // and in its data file; a merged ministry's tasks are on its
    // successor's page and file too, the old name shown as printed.
    let agencies = rows(&out.join("du-lieu/co-quan.csv"));
    let id_of = |name: &str| {
        agencies
            .iter()
            .find(|a| a["name"] == name)
            .unwrap_or_else(|| panic!("{name} not registered"))["id"]
            .clone()
    };
    let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let successors = [
        ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"),
        ("Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"),
        ("Bộ Lao động - Thương binh và Xã hội", "Bộ Nội vụ"),
        (
            "Bộ Nông nghiệp và Phát triển nông thôn",
            "Bộ Nông nghiệp và Môi trường",
        ),
        (
            "Bộ Tài nguyên và Môi trường",
            "Bộ Nông nghiệp và Môi trường",
        ),
    ];
    let named: [&[&str]; 8] = [
        &[
            "Bộ Công an",
            "Bộ Nội vụ",
            "Bộ Kế hoạch và Đầu tư",
            "Bộ Tài chính",
        ],
        &["Bộ Thông tin và Truyền thông"],
        &["Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"],
        &["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"],
        &[
            "Bộ Văn hóa, Thể thao và Du lịch",
            "Bộ Y tế",
            "Bộ Giáo dục và Đào tạo",
        ],
        &[
            "Bộ Tư pháp",
            "Văn phòng Chính phủ",
            "Bộ Công an",
            "Bộ Quốc phòng",
            "Bộ Ngoại giao",
            "Bộ Tài chính",
            "Bộ Xây dựng",
            "Bộ Công Thương",
        ],
        &["Bộ Lao động - Thương binh và Xã hội"],
        &[
            "Bộ Nông nghiệp và Phát triển nông thôn",
            "Bộ Tài nguyên và Môi trường",
        ],
    ];
    for (i, names) in named.iter().enumerate() {
        for n in *names {
            let task = (i + 1).to_string();
            expected.entry(id_of(n)).or_default().insert(task.clone());
            for (old, new) in successors {
                if *n == old {
                    expected.entry(id_of(new)).or_default().insert(task.clone());
                }
            }
        }
    }
    for (id, tasks) in &expected {
        let page = std::fs::read_to_string(out.join(format!("co-quan/{id}/index.html"))).unwrap();
        let file = rows(&out.join(format!("co-quan/{id}/nhiem-vu.csv")));
        let in_file: BTreeSet<String> = file.iter().map(|r| r["task_id"].clone()).collect();
        for t in tasks {
            assert!(
                page.contains(&format!("ke-hoach/nq/nhiem-vu/{t}/")),
                "{id}'s page lacks task {t}"
            );
            assert!(
                in_file.contains(t),
                "{id}'s file lacks task {t}: {in_file:?}"
            );
        }
    }
    // Bộ Khoa học và Công nghệ's page says which task came through the
    // merged ministry, whose name the cell prints abbreviated.
    let most = id_of("Bộ Khoa học và Công nghệ");
    let page = std::fs::read_to_string(out.join(format!("co-quan/{most}/index.html"))).unwrap();
    assert!(
        page.contains("Bộ Thông tin và Truyền thông"),
        "the old body is named"
    );
    assert!(page.contains("nay đã hợp nhất vào"), "the merger is said");
    let file = rows(&out.join(format!("co-quan/{most}/nhiem-vu.csv")));
    let via_old = file.iter().find(|r| r["task_id"] == "2").unwrap();
    assert_eq!(via_old["lead"], "Bộ TTTT", "the cell verbatim");
}

fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rdr = csv::Reader::from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes));
    let headers = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}
