//! The files a new plan starts from: a commented `plan.md` whose front
//! matter is filled in by hand, and (for `minhbach new`) a commented
//! `tasks.yaml`. Required fields are left empty, so `check` points at each
//! one until it is filled in; nothing is invented.

/// The `plan.md` to fill in. `source` names the file the table came from, if any.
pub fn plan_md(id: &str, source: Option<&str>) -> String {
    let source_line = match source {
        Some(s) => format!(
            "source: {}   # the file the table was imported from\n",
            serde_json::to_string(s).unwrap_or_default()
        ),
        None => {
            "# source: \"\"                   # optional: the file the plan was transcribed from\n"
                .to_string()
        }
    };
    format!(
        r#"---
# Plan `{id}`: fill in the fields below from the document's first and last
# pages, copying words verbatim, then run `minhbach check`: it points at each
# field still empty. See docs/content.md for every field.
# number: ""          # the document number as printed, e.g. "114/KH-BCĐ": uncomment when the document has one
doc_type:             # "Kế hoạch", "Công văn", "Quyết định", ...
title:                # the title, verbatim, in double quotes
issuer:               # the issuing agency's id in agencies.yaml, e.g. ubnd-tinh
issuer_name:          # the issuer as printed in the header, in double quotes
place:                # place of issue, e.g. "Tuyên Quang"
# date: YYYY-MM-DD    # date of issue: uncomment when the document has one
date_text:            # the place and date line as printed, e.g. "Tuyên Quang, ngày 08 tháng 9 năm 2025"
period:               # the period the plan covers
  start:              # YYYY-MM-DD
  end:                # YYYY-MM-DD
# year: 2025          # the year assumed by deadlines written without one (`Quý IV`); default: the period's end
# signatory: {{ name: "", position: "", on_behalf: "" }}
legal_bases: []       # the "Căn cứ ..." lines, verbatim, one string each
recipients: []        # "Nơi nhận", verbatim
# declared:           # totals the document itself declares, e.g.
#   tasks: 29
#   groups:
#     - {{ label: "Nhiệm vụ xây dựng và ban hành văn bản", count: 7, group: "I" }}
{source_line}---

<!-- The plan's narrative, transcribed verbatim: `##` and `###` headings for
the document's `I.`, `1.` sections, keeping the numbering as printed. -->
"#
    )
}

/// The `tasks.yaml` of a plan with no table to import, with a commented example.
pub fn tasks_yaml() -> String {
    r#"# The plan's table (appendix), copied verbatim. See docs/content.md.
# Each group is a section row of the table (`I`, `II`, `IV.1`); a goal cell
# that spans several rows is written once, with its rows under it.
#
# appendix: "PHỤ LỤC"
# caption: "..."
# columns: ["TT", "MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "KẾT QUẢ/SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN HOÀN THÀNH"]
groups: []
#  - code: "I"
#    title: "..."
#    goals:
#      - goal: "..."
#        tasks:
#          - number: "1"
#            task: "..."
#            output: "..."
#            lead: "Sở ..."
#            cooperate: "Các cơ quan, đơn vị có liên quan"
#            deadline: "Tháng 9/2025"
#    tasks: []        # rows without a goal
#    groups: []       # sub-groups (`I.1`)
"#
    .to_string()
}
