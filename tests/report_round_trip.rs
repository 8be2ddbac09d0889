//! The office's monthly round trip (issue 22): forms out to every agency,
//! filled in by the test as an agency would (statuses from each form's own
//! dropdown, some rows left blank, two rows wrong), imported together as a
//! folder, built. Every filled row shows on its task page, in the status
//! page and in the open data exactly as filled; blank rows change nothing;
//! the two bad rows are named by file, sheet, row and column.

#[path = "support/forms.rs"]
mod forms;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use forms::*;

/// The open data's tasks, by URL.
fn open_data(out: &Path) -> BTreeMap<String, serde_json::Value> {
    let text = fs::read_to_string(out.join("du-lieu/nhiem-vu.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["url"].as_str().unwrap().to_string(), t.clone()))
        .collect()
}

fn url_of(key: &str) -> String {
    let (p, t) = key.split_once('/').unwrap();
    format!("/ke-hoach/{p}/nhiem-vu/{t}/")
}

#[test]
fn forms_out_answers_in_build_shows_every_filled_row() {
    let tmp = tempfile::tempdir().unwrap();
    let site = illustrative_copy(tmp.path());
    let site_s = site.to_str().unwrap();
    let forms_dir = tmp.path().join("forms");
    let (ok, _, err) = run(&[
        "report-forms",
        "--period",
        "2026-02",
        "--content",
        site_s,
        "--out",
        forms_dir.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    // The same content gives the same bytes.
    let again = tmp.path().join("forms-again");
    assert!(
        run(&[
            "report-forms",
            "--period",
            "2026-02",
            "--content",
            site_s,
            "--out",
            again.to_str().unwrap()
        ])
        .0
    );
    let mut names: Vec<_> = fs::read_dir(&forms_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for n in &names {
        assert_eq!(
            fs::read(forms_dir.join(n)).unwrap(),
            fs::read(again.join(n)).unwrap(),
            "{n:?}"
        );
    }
    // Never overwritten without --force.
    let (ok, _, err) = run(&[
        "report-forms",
        "--period",
        "2026-02",
        "--content",
        site_s,
        "--out",
        forms_dir.to_str().unwrap(),
    ]);
    assert!(!ok && err.contains("already there"), "{err}");

    // A baseline build, before any answer.
    let base_out = tmp.path().join("out-before");
    let (ok, _, err) = run(&[
        "build",
        "--content",
        site_s,
        "--output",
        base_out.to_str().unwrap(),
        "--as-of",
        "2026-02-15",
        "--quiet",
    ]);
    assert!(ok, "{err}");
    let before = open_data(&base_out);

    // Fill the forms: each task once (in the first form listing it), about
    // a third of the rows, statuses from the form's own dropdown.
    let answers = tmp.path().join("answers");
    fs::create_dir_all(&answers).unwrap();
    let mut filled: BTreeMap<String, (String, Fill)> = BTreeMap::new();
    let mut bad: Vec<String> = Vec::new();
    let mut k = 0usize;
    // The last agency does not answer.
    let (silent, answering) = names.split_last().unwrap();
    let silent = silent
        .to_str()
        .unwrap()
        .trim_end_matches(".xlsx")
        .to_string();
    for (fi, n) in answering.iter().enumerate() {
        let form = read_form(&forms_dir.join(n));
        assert_eq!(form.words.len(), 4, "{:?}", form.words);
        let agency = n.to_str().unwrap().trim_end_matches(".xlsx").to_string();
        let mut fills = Vec::new();
        for (i, (row, key)) in form.tasks().into_iter().enumerate() {
            if filled.contains_key(&key) || !(i + fi).is_multiple_of(3) {
                continue;
            }
            k += 1;
            let word = form.words[k % form.words.len()].clone();
            let status = key_of(&word);
            let f = Fill {
                status: word,
                progress: match status {
                    "done" => Some(100),
                    "in-progress" => Some((k as u32 * 7) % 100),
                    _ => None,
                },
                completed_day: (status == "done").then_some(1 + (k as u32 % 9)),
                evidence: k.is_multiple_of(4).then(|| format!("{k}/BC-THU")),
                note: format!("Ghi chú thử {k} của {agency}"),
                raw_progress: None,
            };
            // Two rows wrong, in two forms: a word not in the list, a
            // progress over 100.
            if bad.is_empty() && fi == 0 {
                let mut b = f.clone();
                b.status = "Xong rồi".into();
                fills.push((row, b));
                bad.push(format!(
                    "{}:{}:{}:{}",
                    answers.join(n).display(),
                    form.sheet,
                    row + 1,
                    STATUS + 1
                ));
                continue;
            }
            if bad.len() == 1 && fi >= 1 {
                let mut b = f.clone();
                b.progress = None;
                b.raw_progress = Some("150".into());
                b.status = form.words[1].clone();
                fills.push((row, b));
                bad.push(format!(
                    "{}:{}:{}:{}",
                    answers.join(n).display(),
                    form.sheet,
                    row + 1,
                    PROGRESS + 1
                ));
                continue;
            }
            filled.insert(key, (agency.clone(), f.clone()));
            fills.push((row, f));
        }
        save_filled(&form, &fills, &answers.join(n));
    }
    assert_eq!(bad.len(), 2);
    assert!(filled.len() >= 20, "{}", filled.len());

    let report = site.join("reports/2026-02.yaml");
    let (ok, _, err) = run(&[
        "import-report",
        answers.to_str().unwrap(),
        "--period",
        "2026-02",
        "--date",
        "2026-02-10",
        "--content",
        site_s,
        "--out",
        report.to_str().unwrap(),
        "--quiet",
    ]);
    // Rejected rows make the command fail, but never block the good ones.
    assert!(!ok, "{err}");
    for b in &bad {
        assert!(err.contains(b.as_str()), "expected an error at {b}\n{err}");
    }
    assert!(report.exists(), "{err}");
    let yaml = fs::read_to_string(&report).unwrap();
    assert_eq!(yaml.matches("- task:").count(), filled.len(), "{yaml}");
    let rejected = site.join("reports/2026-02.yaml.rejected.xlsx");
    assert!(rejected.exists(), "{err}");
    // The sheet to send back: one sheet per file, each bad row with its
    // cell and the problem.
    {
        use calamine::Reader;
        let mut wb = calamine::open_workbook_auto(&rejected).unwrap();
        let names = wb.sheet_names();
        assert_eq!(names.len(), 2, "{names:?}");
        let mut cells = Vec::new();
        for n in names {
            let r = wb.worksheet_range(&n).unwrap();
            cells.push(r.get((1, 1)).map(|c| c.to_string()).unwrap_or_default());
            assert!(
                r.get((2, 0)).is_none_or(|c| c.to_string().is_empty()),
                "one bad row per file"
            );
        }
        for b in &bad {
            let mut parts = b.rsplitn(3, ':');
            let (col, row) = (parts.next().unwrap(), parts.next().unwrap());
            let letter = ((b'A' + col.parse::<u8>().unwrap() - 1) as char).to_string();
            assert!(
                cells
                    .iter()
                    .any(|c| c.ends_with(&format!("!{letter}{row}"))),
                "{cells:?} {b}"
            );
        }
    }
    // One summary line per file.
    for n in answering {
        assert!(
            err.contains(&format!("{}", answers.join(n).display())),
            "{err}"
        );
    }
    let check = minhbach::check(
        &site,
        Some(chrono::NaiveDate::from_ymd_opt(2026, 2, 15).unwrap()),
    );
    assert!(
        !check.diagnostics.has_errors(),
        "{:?}",
        check.diagnostics.sorted()
    );

    let out = tmp.path().join("out");
    let (ok, _, err) = run(&[
        "build",
        "--content",
        site_s,
        "--output",
        out.to_str().unwrap(),
        "--as-of",
        "2026-02-15",
        "--quiet",
    ]);
    assert!(ok, "{err}");
    let after = open_data(&out);
    let status_page = fs::read_to_string(out.join("tinh-trang/index.html")).unwrap();
    let done_section = status_page.find("id=\"da-hoan-thanh\"").unwrap();
    for (key, (agency, f)) in &filled {
        let url = url_of(key);
        let t = &after[&url];
        let status = key_of(&f.status);
        assert_eq!(t["report"], "2026-02", "{key}: {t}");
        assert_eq!(t["report_note"], f.note.as_str(), "{key}: {t}");
        assert_eq!(t["reported_status"], status, "{key}");
        assert_eq!(t["reported_by"], agency.as_str(), "{key}");
        match f.progress {
            Some(p) => assert_eq!(
                t["progress"].to_string().trim_matches('"'),
                p.to_string(),
                "{key}: {t}"
            ),
            None => assert!(t["progress"].is_null() || t["progress"] == "", "{key}: {t}"),
        }
        if let Some(d) = f.completed_day {
            assert_eq!(t["completed"], format!("2026-02-{d:02}"), "{key}");
            assert!(
                t["state"].as_str().unwrap().starts_with("done"),
                "{key}: {t}"
            );
        } else {
            assert!(
                !t["state"].as_str().unwrap().starts_with("done"),
                "{key}: {t}"
            );
        }
        // The status page lists done tasks under "done", the others above.
        let at = status_page
            .rfind(&format!("href=\"{}", url.trim_start_matches('/')))
            .or_else(|| status_page.rfind(&url));
        let at = at.unwrap_or_else(|| panic!("{url} is not on the status page"));
        assert_eq!(at > done_section, status == "done", "{key}");
        // The task page: the words as filled, and who reported them.
        let page =
            fs::read_to_string(out.join(url.trim_start_matches('/')).join("index.html")).unwrap();
        assert!(page.contains(&f.note), "{key}: note missing");
        assert!(
            page.contains(&f.status),
            "{key}: status {:?} missing",
            f.status
        );
        if let Some(e) = &f.evidence {
            assert!(page.contains(e.as_str()), "{key}: evidence missing");
        }
        let name_link = format!("/co-quan/{agency}/");
        assert!(
            page.contains(&name_link),
            "{key}: reporter {agency} not linked"
        );
    }
    // Who has reported: every agency that answered, on the day of the
    // report; the silent one has not.
    let table = fs::read_to_string(out.join("du-lieu/co-quan-bao-cao.csv")).unwrap();
    for n in answering {
        let a = n.to_str().unwrap().trim_end_matches(".xlsx");
        let row = table
            .lines()
            .find(|l| l.starts_with(&format!("{a},")))
            .unwrap_or_else(|| panic!("{a} not in {table}"));
        assert!(row.ends_with(",2026-02,true,true,2026-02-10"), "{row}");
        let page = fs::read_to_string(out.join(format!("co-quan/{a}/index.html"))).unwrap();
        assert!(page.contains("Đã gửi báo cáo kỳ"), "{a}");
    }
    let row = table
        .lines()
        .find(|l| l.starts_with(&format!("{silent},")))
        .unwrap();
    assert!(row.ends_with(",2026-02,true,false,"), "{row}");
    let page = fs::read_to_string(out.join(format!("co-quan/{silent}/index.html"))).unwrap();
    assert!(page.contains("Chưa gửi báo cáo kỳ"), "{silent}");
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    let count = format!(
        "{}/{} cơ quan đã gửi báo cáo kỳ",
        answering.len(),
        names.len()
    );
    assert!(home.contains(&count), "{count}");
    let index = fs::read_to_string(out.join("co-quan/index.html")).unwrap();
    // Groups count as reported when a member sent its form.
    assert!(index.matches("Đã gửi báo cáo kỳ").count() >= answering.len());
    assert!(index.contains("Chưa gửi báo cáo kỳ"));

    // Snapshots show who had reported as of their month.
    let snap = out.join("ban-luu/2026-02/co-quan/index.html");
    let snap = fs::read_to_string(&snap).unwrap_or_else(|e| panic!("{}: {e}", snap.display()));
    assert!(snap.contains("Đã gửi báo cáo kỳ"));

    // Blank rows change nothing: every other task keeps what it had.
    for (url, t) in &after {
        let key = url
            .trim_start_matches("/ke-hoach/")
            .trim_end_matches('/')
            .replace("/nhiem-vu/", "/");
        if filled.contains_key(&key) {
            continue;
        }
        for field in [
            "report",
            "progress",
            "completed",
            "reported_status",
            "report_note",
        ] {
            let was = before[url]
                .get(field)
                .cloned()
                .unwrap_or(serde_json::Value::Null);
            assert_eq!(t[field], was, "{url} {field}");
        }
    }
}
