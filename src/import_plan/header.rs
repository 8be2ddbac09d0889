//! Finding the header row of a plan's table and mapping its columns to the
//! fields of `tasks.yaml`, by their Vietnamese or English names, tolerant of
//! case, accents, spacing, punctuation and line breaks.

use crate::tables::{Cell, Table};

/// A field of a task row, as named in `docs/content.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// TT / STT / No. / WBS.
    Number,
    /// Mục tiêu (a goal cell may span several rows).
    Goal,
    /// Nhiệm vụ, giải pháp / Tên nhiệm vụ / Nội dung / Task.
    Task,
    /// Kết quả / sản phẩm / Output.
    Output,
    /// Cơ quan chủ trì / Owner / Lead.
    Lead,
    /// Cơ quan phối hợp.
    Cooperate,
    /// Thời gian thực hiện / bắt đầu / Start.
    Start,
    /// Thời gian hoàn thành / Due / Deadline.
    Deadline,
    /// Ghi chú / Lưu ý / Note.
    Note,
    /// `% Complete`, `Tỷ lệ hoàn thành (%)`: progress as the sheet states
    /// it; offered as a report for the office to confirm, never a status.
    Progress,
    /// `Status`, `Tình trạng`: offered as a report too, never a status.
    Status,
    /// `Actual Finish`, `Ngày hoàn thành thực tế`: a completion, not a deadline.
    Completed,
    /// `Duration`, `Số ngày`: a length of work, neither a start nor a deadline.
    Duration,
}

impl Field {
    /// The key written in `tasks.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Goal => "goal",
            Field::Task => "task",
            Field::Output => "output",
            Field::Lead => "lead",
            Field::Cooperate => "cooperate",
            Field::Start => "start",
            Field::Deadline => "deadline",
            Field::Note => "note",
            Field::Progress => "progress",
            Field::Status => "status",
            Field::Completed => "completed",
            Field::Duration => "duration",
        }
    }

    /// True for the fields written into `tasks.yaml`; the others are
    /// recognised so the summary can say what became of them.
    pub fn is_imported(self) -> bool {
        !matches!(
            self,
            Field::Progress | Field::Status | Field::Completed | Field::Duration
        )
    }
}

/// Folds a heading to lowercase ASCII words: accents, case, punctuation,
/// spacing and line breaks do not matter.
pub fn fold(text: &str) -> Vec<String> {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    deunicode::deunicode(&spaced)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '#')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn has(words: &[String], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(p.len())
        .any(|w| w.iter().zip(&p).all(|(a, b)| a == b))
}

fn any(words: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has(words, p))
}

/// The field a column heading names, or `None`. The order of the rules
/// matters: `Cơ quan chủ trì thực hiện nhiệm vụ` is the lead, not the task.
pub fn map_heading(text: &str) -> Option<Field> {
    let w = fold(text);
    if w.is_empty() || w.len() > 14 {
        return None;
    }
    let joined = w.join(" ");
    // Project sheets: an outline number, what was done, and how long.
    if has(&w, "wbs")
        || has(&w, "outline number")
        || has(&w, "outline level")
        || matches!(
            joined.as_str(),
            "task id" | "ma nhiem vu" | "so hieu" | "item no" | "ref" | "s n" | "sn"
        )
    {
        return Some(Field::Number);
    }
    let percent = text.contains('%') || any(&w, &["percent", "phan tram", "ty le"]);
    if percent
        && any(
            &w,
            &[
                "complete",
                "completed",
                "completion",
                "hoan thanh",
                "done",
                "tien do",
                "progress",
                "thuc hien",
            ],
        )
        || joined == "progress"
        || joined == "tien do (%)"
    {
        return Some(Field::Progress);
    }
    if any(&w, &["actual", "thuc te", "completed on", "date completed"]) {
        return Some(Field::Completed);
    }
    if matches!(
        joined.as_str(),
        "status" | "tinh trang" | "trang thai" | "current status" | "tinh hinh thuc hien"
    ) {
        return Some(Field::Status);
    }
    if any(
        &w,
        &["duration", "so ngay", "thoi luong", "work days", "days"],
    ) {
        return Some(Field::Duration);
    }
    if any(
        &w,
        &[
            "assigned to",
            "assignee",
            "resource names",
            "resources",
            "implementing agency",
            "implementing agencies",
        ],
    ) {
        return Some(Field::Lead);
    }
    const NUMBER: [&str; 14] = [
        "tt",
        "s tt",
        "stt",
        "so tt",
        "so thu tu",
        "thu tu",
        "no",
        "nr",
        "number",
        "wbs",
        "#",
        "ma",
        "ma so",
        "id",
    ];
    if NUMBER.contains(&joined.as_str()) {
        return Some(Field::Number);
    }
    if w[0] == "muc" && w.get(1).is_some_and(|x| x == "tieu")
        || any(&w, &["goal", "goals", "objective", "objectives"])
    {
        return Some(Field::Goal);
    }
    if any(
        &w,
        &[
            "ket qua",
            "san pham",
            "output",
            "outputs",
            "deliverable",
            "deliverables",
            "product",
        ],
    ) {
        return Some(Field::Output);
    }
    if any(
        &w,
        &[
            "chu tri",
            "owner",
            "lead",
            "responsible",
            "accountable",
            "don vi thuc hien",
            "co quan thuc hien",
            "chiu trach nhiem",
        ],
    ) {
        return Some(Field::Lead);
    }
    if any(
        &w,
        &[
            "phoi hop",
            "cooperating",
            "cooperate",
            "support",
            "supporting",
            "partners",
            "partner",
        ],
    ) {
        return Some(Field::Cooperate);
    }
    if any(
        &w,
        &[
            "bat dau",
            "thoi gian thuc hien",
            "start",
            "begin",
            "tu ngay",
            "khoi dong",
        ],
    ) {
        return Some(Field::Start);
    }
    if any(
        &w,
        &[
            "hoan thanh",
            "thoi han",
            "han",
            "deadline",
            "due",
            "end",
            "ket thuc",
            "finish",
            "tien do",
            "target",
            "completion date",
            "timeline",
            "timeframe",
            "time frame",
            "by when",
        ],
    ) || joined == "thoi gian"
        || joined == "time"
    {
        return Some(Field::Deadline);
    }
    if any(
        &w,
        &[
            "ghi chu", "luu y", "note", "notes", "remarks", "nguon", "source",
        ],
    ) {
        return Some(Field::Note);
    }
    if any(
        &w,
        &[
            "nhiem vu",
            "noi dung",
            "task",
            "tasks",
            "cong viec",
            "hoat dong",
            "giai phap",
            "activity",
            "activities",
            "description",
            "ten",
            "action",
            "actions",
            "measure",
            "measures",
            "milestone",
            "milestones",
        ],
    ) {
        return Some(Field::Task);
    }
    None
}

/// The header of a table: where it is and what each column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Grid rows the header occupies (first, count).
    pub first: usize,
    /// Number of header rows (1, or 2 with a row of sub-headings).
    pub rows: usize,
    /// For each column, the field it holds.
    pub fields: Vec<Option<Field>>,
    /// The printed heading of each column (empty for columns without one).
    pub headings: Vec<String>,
    /// Remarks for the summary (a start column read as the deadline, ...).
    pub remarks: Vec<String>,
}

impl Header {
    /// The column holding `f`.
    pub fn column(&self, f: Field) -> Option<usize> {
        self.fields.iter().position(|x| *x == Some(f))
    }
}

/// True for a row of column numbers printed under the header: `(1) (2) (3)`
/// or `1 2 3`.
pub fn is_column_numbers(table: &Table, r: usize) -> bool {
    let mut n = 0;
    for c in 0..table.width() {
        if table.origin_of(r, c) != (r, c) {
            continue;
        }
        let t = table.text_at(r, c).trim();
        if t.is_empty() {
            continue;
        }
        let inner = t.trim_start_matches('(').trim_end_matches(')');
        if inner.is_empty() || inner.len() > 3 || !inner.chars().all(|ch| ch.is_ascii_digit()) {
            return false;
        }
        n += 1;
    }
    n >= 3
}

fn row_fields(table: &Table, r: usize) -> Vec<Option<Field>> {
    (0..table.width())
        .map(|c| match table.rows[r][c] {
            Cell::Text { ref text, .. } => map_heading(text),
            Cell::Covered { .. } => None,
        })
        .collect()
}

/// Finds the header in the first 40 rows: the first row naming a task
/// column and at least two other fields. A second row of sub-headings
/// (`Thời gian` over `Bắt đầu` / `Hoàn thành`) fills columns the first row
/// leaves unnamed.
pub fn find(table: &Table) -> Option<Header> {
    let limit = table.rows.len().min(40);
    for r in 0..limit {
        let mut fields = row_fields(table, r);
        let distinct = {
            let mut f: Vec<Field> = fields.iter().flatten().copied().collect();
            f.sort();
            f.dedup();
            f
        };
        if !distinct.contains(&Field::Task) || distinct.len() < 3 {
            continue;
        }
        let mut rows = 1;
        let mut remarks = Vec::new();
        if r + 1 < table.rows.len() && !is_column_numbers(table, r + 1) {
            let sub = row_fields(table, r + 1);
            let mut used = false;
            for c in 0..table.width() {
                let Some(f) = sub[c] else { continue };
                // Under a heading spanning several columns, or an unnamed one.
                let parent = table.origin_of(r, c);
                let spans =
                    matches!(table.rows[parent.0][parent.1], Cell::Text { cols, .. } if cols > 1);
                if fields[c].is_none() || spans {
                    fields[c] = Some(f);
                    used = true;
                }
            }
            if used {
                rows = 2;
            }
        }
        // Keep the first column of each field; later duplicates are not imported.
        let mut seen: Vec<Field> = Vec::new();
        for f in fields.iter_mut() {
            if let Some(x) = *f {
                if seen.contains(&x) {
                    *f = None;
                } else {
                    seen.push(x);
                }
            }
        }
        // The only time column of a table is its deadline.
        if !seen.contains(&Field::Deadline) {
            if let Some(c) = fields.iter().position(|f| *f == Some(Field::Start)) {
                fields[c] = Some(Field::Deadline);
                remarks.push(format!(
                    "the only time column, {:?}, was read as the deadline (Thời gian hoàn thành)",
                    table.text_at(r, c)
                ));
            }
        }
        let headings = (0..table.width())
            .map(|c| {
                let below = if rows == 2 {
                    table.text_at(r + 1, c)
                } else {
                    ""
                };
                let top = table.text_at(r, c);
                if rows == 2 && !below.is_empty() && table.origin_of(r + 1, c) == (r + 1, c) {
                    below.to_string()
                } else {
                    top.to_string()
                }
            })
            .collect();
        return Some(Header {
            first: r,
            rows,
            fields,
            headings,
            remarks,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{Cell, Origin, Table};

    #[test]
    fn vietnamese_and_english_headings() {
        let cases = [
            ("TT", Field::Number),
            ("S TT", Field::Number),
            ("STT", Field::Number),
            ("No.", Field::Number),
            ("WBS", Field::Number),
            ("MỤC TIÊU NĂM 2025", Field::Goal),
            ("NHIỆM VỤ, GIẢI PHÁP", Field::Task),
            ("Tên nhiệm vụ", Field::Task),
            ("Nội dung", Field::Task),
            ("Task", Field::Task),
            ("KẾT QUẢ/ SẢN PHẨM", Field::Output),
            ("Output", Field::Output),
            ("CƠ QUAN\nCHỦ TRÌ", Field::Lead),
            ("Đơn vị chủ trì", Field::Lead),
            ("Owner", Field::Lead),
            ("Cơ quan chủ trì thực hiện nhiệm vụ", Field::Lead),
            ("Cơ quan phối hợp", Field::Cooperate),
            ("THỜI GIAN THỰC HIỆN", Field::Start),
            ("Start", Field::Start),
            ("THỜI GIAN HOÀN THÀNH", Field::Deadline),
            ("thoi gian  hoan thanh", Field::Deadline),
            ("Due", Field::Deadline),
            ("Deadline", Field::Deadline),
            ("Thời hạn", Field::Deadline),
            ("Ghi chú", Field::Note),
            ("Lưu ý", Field::Note),
        ];
        for (h, f) in cases {
            assert_eq!(map_heading(h), Some(f), "{h}");
        }
        for (h, f) in [
            ("WBS NUMBER", Field::Number),
            ("WBS Code", Field::Number),
            ("Outline Number", Field::Number),
            ("% Complete", Field::Progress),
            ("Tỷ lệ hoàn thành (%)", Field::Progress),
            ("Actual Finish", Field::Completed),
            ("Status", Field::Status),
            ("Tình trạng", Field::Status),
            ("Duration", Field::Duration),
            ("Resource Names", Field::Lead),
            ("Target date", Field::Deadline),
            ("Finish", Field::Deadline),
            ("Key actions", Field::Task),
        ] {
            assert_eq!(map_heading(h), Some(f), "{h}");
        }
        assert_eq!(map_heading("Thanh tra"), None);
        assert_eq!(map_heading(""), None);
    }

    fn table(rows: &[&[&str]]) -> Table {
        Table::new(
            Origin::Csv,
            rows.iter()
                .map(|r| r.iter().map(|t| Cell::text(*t)).collect())
                .collect(),
        )
    }

    #[test]
    fn header_after_title_lines_and_column_numbers() {
        let t = table(&[
            &["PHỤ LỤC", "", ""],
            &["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
            &["(1)", "(2)", "(3)", "(4)"],
            &["1", "Rà soát", "Sở Tư pháp", "2025"],
        ]);
        let h = find(&t).unwrap();
        assert_eq!((h.first, h.rows), (1, 1));
        assert_eq!(h.column(Field::Deadline), Some(3));
        assert!(is_column_numbers(&t, 2));
        assert!(!is_column_numbers(&t, 3));
    }

    #[test]
    fn two_header_rows_under_a_spanning_heading() {
        let mut t = table(&[
            &["TT", "Nhiệm vụ", "Chủ trì", "Thời gian", ""],
            &["", "", "", "Bắt đầu", "Hoàn thành"],
        ]);
        t.rows[0][4] = Cell::Covered { row: 0, col: 3 };
        t.rows[0][3] = Cell::Text {
            text: "Thời gian".into(),
            rows: 1,
            cols: 2,
        };
        let h = find(&t).unwrap();
        assert_eq!(h.rows, 2);
        assert_eq!(h.column(Field::Start), Some(3));
        assert_eq!(h.column(Field::Deadline), Some(4));
        assert_eq!(h.headings[4], "Hoàn thành");
    }

    #[test]
    fn a_lone_time_column_is_the_deadline() {
        let t = table(&[&["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian thực hiện"]]);
        let h = find(&t).unwrap();
        assert_eq!(h.column(Field::Deadline), Some(3));
        assert_eq!(h.column(Field::Start), None);
        assert_eq!(h.remarks.len(), 1);
    }
}
