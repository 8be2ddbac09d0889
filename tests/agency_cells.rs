//! `check` on the agency registry and on agency cells: cycles in groups,
//! words left over after a name, unknown names taken whole, generic aliases.

mod common;

use common::*;
use minhbach::diagnostics::Severity;

#[test]
fn a_cycle_of_members_is_an_error_at_the_member() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let agencies = format!(
        "{AGENCIES}  - id: nhom-a\n    name: \"Nhóm A\"\n    kind: group\n    members: [nhom-b]\n  - id: nhom-b\n    name: \"Nhóm B\"\n    kind: group\n    members: [so-khcn, nhom-a]\n"
    );
    write_content(tmp.path(), &[("agencies.yaml", &agencies)]);
    let report = minhbach::check(tmp.path(), None);
    let errs: Vec<_> = report
        .diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let e = &errs[0];
    assert!(e.message.contains("nhom-a → nhom-b → nhom-a"), "{e}");
    assert_eq!((e.location.line, e.location.column), (20, 24), "{e}");
}

fn check_cell(cell: &str) -> Vec<minhbach::diagnostics::Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let tasks = TASKS.replace("lead: \"VP UBND tỉnh\"", &format!("lead: \"{cell}\""));
    write_content(tmp.path(), &[("plans/kh-thu/tasks.yaml", &tasks)]);
    let report = minhbach::check(tmp.path(), None);
    report.diagnostics.sorted().into_iter().cloned().collect()
}

#[test]
fn leftover_words_after_a_name_are_a_warning_naming_them() {
    let d = check_cell("VP UBND tỉnh chủ trì tổng hợp");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].severity, Severity::Warning);
    assert!(d[0].message.contains("\"chủ trì tổng hợp\""), "{}", d[0]);
    assert!(d[0].message.contains("`lead`"), "{}", d[0]);
    assert!(d[0].message.contains("character 14"), "{}", d[0]);
    assert_eq!((d[0].location.line, d[0].location.column), (14, 19));
}

#[test]
fn an_unregistered_name_with_commas_is_suggested_whole() {
    let d = check_cell("Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].severity, Severity::Error);
    assert!(
        d[0].message
            .contains("\"Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang\""),
        "{}",
        d[0]
    );
    let help = d[0].help.as_deref().unwrap_or_default();
    assert!(
        help.contains("name: \"Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang\""),
        "{help}"
    );
    assert!(
        help.contains("id: so-van-hoa-the-thao-va-du-lich-tinh-ha-giang"),
        "{help}"
    );
    assert!(!help.contains("did you mean"), "no unrelated body: {help}");
}

#[test]
fn a_national_body_is_named_from_the_reference_never_as_another_body() {
    // Bộ KH&CN is one letter pair from Bộ KH&ĐT, another ministry: the
    // reference registry says what it is, and no other body is suggested.
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let agencies = format!(
        "{AGENCIES}  - id: bo-kh-dt\n    name: \"Bộ Kế hoạch và Đầu tư\"\n    kind: central\n    aliases: [\"Bộ KH&ĐT\"]\n"
    );
    let tasks = TASKS.replace("lead: \"VP UBND tỉnh\"", "lead: \"Bộ KH&CN, Bộ TTTT\"");
    write_content(
        tmp.path(),
        &[
            ("agencies.yaml", &agencies),
            ("plans/kh-thu/tasks.yaml", &tasks),
        ],
    );
    let report = minhbach::check(tmp.path(), None);
    let d: Vec<_> = report.diagnostics.sorted().into_iter().cloned().collect();
    assert_eq!(d.len(), 2, "{d:#?}");
    let help0 = d[0].help.as_deref().unwrap_or_default();
    assert!(d[0].message.contains("\"Bộ KH&CN\""), "{}", d[0]);
    assert!(help0.contains("\"Bộ Khoa học và Công nghệ\""), "{help0}");
    assert!(!help0.contains("did you mean"), "{help0}");
    let help1 = d[1].help.as_deref().unwrap_or_default();
    assert!(d[1].message.contains("\"Bộ TTTT\""), "{}", d[1]);
    assert!(
        help1.contains("\"Bộ Thông tin và Truyền thông\"")
            && help1.contains("merged into Bộ Khoa học và Công nghệ from 01/03/2025"),
        "{help1}"
    );
}

#[test]
fn a_short_unknown_cell_is_not_offered_as_an_alias() {
    // A kind word alone fits no body's name: a warning quoting it.
    let d = check_cell("Bộ");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].severity, Severity::Warning);
    assert!(
        d[0].message.contains("\"Bộ\"") && d[0].message.contains("fit no body's name"),
        "{}",
        d[0]
    );
    let help = d[0].help.as_deref().unwrap_or_default();
    assert!(!help.contains("aliases"), "{help}");
    // A name with a kind word is an unknown body: an error.
    let d = check_cell("Sở Du lịch");
    assert_eq!(d[0].severity, Severity::Error, "{d:#?}");
}

#[test]
fn a_generic_alias_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    valid_content(tmp.path());
    let agencies = format!(
        "{AGENCIES}  - id: bo-nganh\n    name: \"Các bộ, ngành trung ương\"\n    kind: group\n    aliases: [\"Bộ\"]\n  - id: bo-tai-chinh\n    name: \"Bộ Tài chính\"\n    kind: central\n"
    );
    write_content(tmp.path(), &[("agencies.yaml", &agencies)]);
    let report = minhbach::check(tmp.path(), None);
    let d: Vec<_> = report.diagnostics.sorted().into_iter().cloned().collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].severity, Severity::Warning);
    assert!(d[0].message.contains("\"Bộ\""), "{}", d[0]);
    assert!(d[0].message.contains("Bộ Tài chính"), "{}", d[0]);
    assert_eq!(d[0].location.line, 16, "{}", d[0]);
}
