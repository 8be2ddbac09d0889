//! A way in from spreadsheets: turns a CSV export of the office's monthly
//! tracking sheet into a report file (`reports/YYYY-MM.yaml`), which `check`
//! then validates like any other.
//!
//! Columns (header names, any order; Vietnamese names accepted):
//! `task` (`<plan-id>/<task-id>`) or `plan` + `task`; `status` (`done`,
//! `in-progress`, `not-started`, `ongoing`, or `Đã hoàn thành`, `Đang thực
//! hiện`, `Chưa triển khai`, `Thường xuyên`); optional `progress`,
//! `completed` (`dd/mm/yyyy` or `yyyy-mm-dd`), `note`, `evidence_number`,
//! `evidence_date`, `evidence_url`.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};

/// Report metadata given on the command line.
#[derive(Debug, Clone)]
pub struct ReportMeta {
    /// Month reported, `YYYY-MM`.
    pub period: String,
    /// Date of the report.
    pub date: NaiveDate,
    /// Reporting agency id.
    pub issuer: Option<String>,
    /// Document number.
    pub number: Option<String>,
}

#[derive(Serialize)]
struct Out {
    period: String,
    date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    entries: Vec<OutEntry>,
}

#[derive(Serialize)]
struct OutEntry {
    task: String,
    status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<OutEvidence>,
}

#[derive(Serialize)]
struct OutEvidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

const ALIASES: [(&str, &[&str]); 10] = [
    ("task", &["task", "nhiệm vụ", "nhiem vu", "mã nhiệm vụ"]),
    ("plan", &["plan", "kế hoạch", "ke hoach", "văn bản"]),
    (
        "status",
        &["status", "tình trạng", "tinh trang", "trạng thái"],
    ),
    (
        "progress",
        &["progress", "tiến độ", "tien do", "tiến độ (%)"],
    ),
    (
        "completed",
        &["completed", "ngày hoàn thành", "ngay hoan thanh"],
    ),
    ("note", &["note", "ghi chú", "ghi chu"]),
    (
        "evidence_number",
        &["evidence_number", "số văn bản", "so van ban"],
    ),
    (
        "evidence_date",
        &["evidence_date", "ngày văn bản", "ngay van ban"],
    ),
    (
        "evidence_url",
        &["evidence_url", "đường dẫn", "duong dan", "link"],
    ),
    ("ignored", &[]),
];

fn column(header: &str) -> Option<&'static str> {
    let h = header.trim().to_lowercase();
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&h.as_str()))
        .map(|(k, _)| *k)
}

fn status(s: &str) -> Option<&'static str> {
    let v = s.trim().to_lowercase();
    Some(match v.as_str() {
        "done" | "đã hoàn thành" | "hoàn thành" => "done",
        "in-progress" | "đang thực hiện" => "in-progress",
        "not-started" | "chưa triển khai" | "chưa thực hiện" => "not-started",
        "ongoing" | "thường xuyên" | "đang thực hiện thường xuyên" => "ongoing",
        _ => return None,
    })
}

fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// Reads the CSV at `path` and returns the report as YAML text, or every
/// problem found (row and column named).
pub fn report_from_csv(path: &Path, meta: &ReportMeta) -> Result<String, Diagnostics> {
    let mut diags = Diagnostics::default();
    let text = crate::load::read_text(path).map_err(|d| {
        let mut ds = Diagnostics::default();
        ds.push(d);
        ds
    })?;
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<Option<&str>> = match rdr.headers() {
        Ok(h) => h.iter().map(column).collect(),
        Err(e) => {
            diags.push(Diagnostic::error(
                Location::new(path, 1, 0),
                format!("cannot read the header row: {e}"),
            ));
            return Err(diags);
        }
    };
    let has = |k: &str| headers.contains(&Some(k));
    if !has("task") || !has("status") {
        diags.push(
            Diagnostic::error(Location::new(path, 1, 0), "the header row needs a `task` and a `status` column")
                .with_help("name the columns task, status (or Nhiệm vụ, Tình trạng); optional: plan, progress, completed, note, evidence_number, evidence_date, evidence_url"),
        );
        return Err(diags);
    }
    let mut entries = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let Ok(rec) = rec else {
            diags.push(Diagnostic::error(
                Location::new(path, line, 0),
                "this row cannot be read as CSV",
            ));
            continue;
        };
        let get = |k: &str| -> Option<(usize, String)> {
            headers
                .iter()
                .position(|h| *h == Some(k))
                .and_then(|c| rec.get(c).map(|v| (c + 1, v.trim().to_string())))
                .filter(|(_, v)| !v.is_empty())
        };
        let Some((_, task)) = get("task") else {
            continue;
        };
        let task = match get("plan") {
            Some((_, plan)) if !task.contains('/') => format!("{plan}/{task}"),
            _ => task,
        };
        let st = get("status");
        let Some(status) = st.as_ref().and_then(|(_, s)| status(s)) else {
            let col = st.map_or(0, |(c, _)| c);
            diags.push(
                Diagnostic::error(Location::new(path, line, col), "the status is missing or not recognised")
                    .with_help("use done, in-progress, not-started, ongoing (or Đã hoàn thành, Đang thực hiện, Chưa triển khai, Thường xuyên)"),
            );
            continue;
        };
        let progress = match get("progress") {
            Some((c, v)) => match v.trim_end_matches('%').trim().parse::<u8>() {
                Ok(p) if p <= 100 => Some(p),
                _ => {
                    diags.push(
                        Diagnostic::error(
                            Location::new(path, line, c),
                            format!("progress {v:?} is not a number from 0 to 100"),
                        )
                        .with_help("write a whole number of percent, e.g. 60"),
                    );
                    None
                }
            },
            None => None,
        };
        let mut parse_date = |k: &str| match get(k) {
            Some((c, v)) => match date(&v) {
                Some(d) => Some(d),
                None => {
                    diags.push(
                        Diagnostic::error(
                            Location::new(path, line, c),
                            format!("{v:?} is not a date"),
                        )
                        .with_help("write dates as dd/mm/yyyy or yyyy-mm-dd"),
                    );
                    None
                }
            },
            None => None,
        };
        let completed = parse_date("completed");
        let evidence_date = parse_date("evidence_date");
        let evidence_number = get("evidence_number").map(|(_, v)| v);
        let evidence_url = get("evidence_url").map(|(_, v)| v);
        let evidence =
            if evidence_number.is_some() || evidence_date.is_some() || evidence_url.is_some() {
                vec![OutEvidence {
                    number: evidence_number,
                    date: evidence_date,
                    url: evidence_url,
                }]
            } else {
                Vec::new()
            };
        entries.push(OutEntry {
            task,
            status: status.to_string(),
            progress,
            completed,
            note: get("note").map(|(_, v)| v),
            evidence,
        });
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let out = Out {
        period: meta.period.clone(),
        date: meta.date,
        issuer: meta.issuer.clone(),
        number: meta.number.clone(),
        entries,
    };
    crate::load::yaml::to_string(&out).map_err(|e| {
        let mut ds = Diagnostics::default();
        ds.push(Diagnostic::error(Location::file(path), e));
        ds
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> ReportMeta {
        ReportMeta {
            period: "2025-10".into(),
            date: NaiveDate::from_ymd_opt(2025, 11, 5).unwrap(),
            issuer: Some("so-khcn".into()),
            number: None,
        }
    }

    #[test]
    fn vietnamese_spreadsheet_becomes_a_report() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bao-cao.csv");
        std::fs::write(
            &p,
            "\u{feff}Kế hoạch,Nhiệm vụ,Tình trạng,Tiến độ,Ngày hoàn thành,Ghi chú\n114-kh-bcd-2025,18,Đang thực hiện,60%,,\"Đã lập dự toán, chờ phê duyệt\"\n114-kh-bcd-2025,3,Đã hoàn thành,100,08/09/2025,\n",
        )
        .unwrap();
        let yaml = report_from_csv(&p, &meta()).unwrap();
        assert!(yaml.contains("task: 114-kh-bcd-2025/18"), "{yaml}");
        assert!(yaml.contains("status: in-progress"));
        assert!(yaml.contains("progress: 60"));
        assert!(yaml.contains("completed: 2025-09-08"));
        assert!(
            yaml.contains("note: Đã lập dự toán, chờ phê duyệt"),
            "{yaml}"
        );
    }

    #[test]
    fn bad_cells_are_reported_by_row_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.csv");
        std::fs::write(
            &p,
            "task,status,progress\n114-kh-bcd-2025/18,xong,\n114-kh-bcd-2025/3,done,150\n",
        )
        .unwrap();
        let errs = report_from_csv(&p, &meta()).unwrap_err();
        let v: Vec<_> = errs
            .sorted()
            .into_iter()
            .map(|d| (d.location.line, d.location.column))
            .collect();
        assert_eq!(v, vec![(2, 2), (3, 3)]);
    }
}
