//! What each header cell of a report sheet means: the report's columns
//! (Vietnamese or English names), the columns that name a task, and the
//! read-only columns of the forms `report-forms` writes (known, not
//! imported). Headers are compared without case, with white space runs as
//! one space; a heading with a note in brackets (`Tiến độ (%)`) is also
//! tried without it.

use super::words::fold;

/// Every kind of column and its names.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "key",
        &["key", "mã", "mã nhiệm vụ (không sửa)", "khóa", "khoá"],
    ),
    ("task", &["task", "nhiệm vụ", "nhiem vu", "mã nhiệm vụ"]),
    (
        "plan",
        &[
            "plan",
            "kế hoạch",
            "ke hoach",
            "văn bản",
            "số kế hoạch",
            "số văn bản giao",
            "plan number",
        ],
    ),
    (
        "number",
        &[
            "number",
            "số tt nhiệm vụ",
            "số thứ tự nhiệm vụ",
            "tt nhiệm vụ",
            "số hiệu nhiệm vụ",
            "task number",
            "số nhiệm vụ",
        ],
    ),
    (
        "text",
        &[
            "text",
            "nội dung",
            "nội dung nhiệm vụ",
            "nhiệm vụ, giải pháp",
            "tên nhiệm vụ",
            "nhiệm vụ được giao",
            "task text",
        ],
    ),
    ("serial", &["stt", "tt", "số tt", "no.", "no"]),
    (
        "status",
        &[
            "status",
            "tình trạng",
            "tinh trang",
            "trạng thái",
            "tình hình thực hiện",
            "kết quả thực hiện",
        ],
    ),
    (
        "progress",
        &[
            "progress",
            "tiến độ",
            "tien do",
            "tiến độ (%)",
            "tỷ lệ hoàn thành",
            "tỉ lệ hoàn thành",
        ],
    ),
    (
        "completed",
        &[
            "completed",
            "ngày hoàn thành",
            "ngay hoan thanh",
            "completion date",
        ],
    ),
    ("note", &["note", "ghi chú", "ghi chu", "notes"]),
    (
        "evidence_number",
        &[
            "evidence_number",
            "số văn bản",
            "so van ban",
            "số văn bản minh chứng",
            "evidence number",
        ],
    ),
    (
        "evidence_date",
        &[
            "evidence_date",
            "ngày văn bản",
            "ngay van ban",
            "ngày văn bản minh chứng",
            "evidence date",
        ],
    ),
    (
        "evidence_url",
        &[
            "evidence_url",
            "đường dẫn",
            "duong dan",
            "link",
            "đường dẫn minh chứng",
            "evidence link",
        ],
    ),
    // Read-only columns of the forms, and usual context columns.
    (
        "context",
        &[
            "vai trò",
            "role",
            "thời hạn",
            "hạn",
            "hạn hoàn thành",
            "thời gian hoàn thành",
            "deadline",
            "deadline as printed",
            "tình trạng đã báo cáo",
            "last reported status",
            "ngày báo cáo gần nhất",
            "last report date",
            "cơ quan chủ trì",
            "cơ quan phối hợp",
            "lead",
            "cooperating",
            "mục tiêu",
            "kết quả, sản phẩm",
            "sản phẩm",
        ],
    ),
];

/// The kinds of columns whose cells are what the agency fills in: a row
/// with none of them filled is blank.
pub const INPUTS: &[&str] = &[
    "status",
    "progress",
    "completed",
    "note",
    "evidence_number",
    "evidence_date",
    "evidence_url",
];

/// The kinds of columns that name a task.
pub const NAMING: &[&str] = &["key", "task", "plan", "number", "text"];

/// Every kind a header can name, for messages.
pub const KNOWN: &str = "task (or key, plan + number, text), status, progress, completed, note, evidence_number, evidence_date, evidence_url (or their Vietnamese names: Nhiệm vụ, Tình trạng, Tiến độ, Ngày hoàn thành, Ghi chú, …)";

fn lookup(h: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(_, names)| names.iter().any(|n| fold(n) == h))
        .map(|(k, _)| *k)
}

/// The kind of column a heading names.
pub fn column(header: &str) -> Option<&'static str> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    lookup(&h).or_else(|| {
        // `Tiến độ (%)`, `Tình trạng\n(chọn trong danh sách)`.
        let bare = h.split(['(', '[']).next().unwrap_or("").trim();
        (!bare.is_empty() && bare != h)
            .then(|| lookup(bare))
            .flatten()
    })
}
