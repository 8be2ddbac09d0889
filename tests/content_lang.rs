//! English pages over Vietnamese content mark that content with
//! `lang="vi"` (WCAG 3.1.2) wherever it stands in a list or a table:
//! agency names, plan labels, verbatim deadlines, group titles, chart data
//! rows. Checked by walking the built HTML, element by element.

mod common;

use std::path::Path;

/// Letters only Vietnamese writes (đ, ă, ơ, ư and the toned vowels of
/// Latin Extended Additional): text holding one is Vietnamese wording.
fn vietnamese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, 'đ' | 'Đ' | 'ă' | 'Ă' | 'ơ' | 'Ơ' | 'ư' | 'Ư')
            || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
    })
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The `lang` attribute of a start tag's source (`a href=… lang="vi"`).
fn lang_of(tag: &str) -> Option<String> {
    let at = tag.find(" lang=\"")?;
    let rest = &tag[at + 7..];
    Some(rest[..rest.find('"')?].to_string())
}

/// Vietnamese text inside a list item or a table cell whose nearest
/// `lang` (the page's `<html lang>` at the top) is not `vi`, with its
/// element path. Script, style and SVG text are not page text here.
fn unmarked(html: &str) -> Vec<String> {
    let mut stack: Vec<(String, Option<String>)> = Vec::new();
    let mut found = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let (text, after) = match rest.find('<') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let in_list_or_table = stack
            .iter()
            .any(|(t, _)| matches!(t.as_str(), "li" | "td" | "th" | "caption"));
        let skipped = stack
            .iter()
            .any(|(t, _)| matches!(t.as_str(), "script" | "style" | "svg" | "title"));
        if in_list_or_table && !skipped && vietnamese(text) {
            let lang = stack.iter().rev().find_map(|(_, l)| l.clone());
            if lang.as_deref() != Some("vi") {
                let path: Vec<&str> = stack.iter().map(|(t, _)| t.as_str()).collect();
                found.push(format!("{}: {}", path.join("/"), text.trim()));
            }
        }
        if after.is_empty() {
            break;
        }
        let Some(end) = after.find('>') else { break };
        let tag = &after[1..end];
        rest = &after[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            if let Some(at) = stack.iter().rposition(|(t, _)| *t == name) {
                stack.truncate(at);
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        stack.push((name, lang_of(tag)));
    }
    found
}

#[test]
fn the_walker_sees_marked_and_unmarked_vietnamese_in_lists_and_tables() {
    let page = r#"<html lang="en"><body><ul><li>Tasks of <a lang="vi">Sở Y tế</a></li>
<li>Sở Tài chính</li></ul><table><tr><td><span lang="vi">Kế hoạch 1</span> task 3</td>
<th>Kế hoạch 2</th></tr></table><p>Sở Nội vụ</p><svg><text>Sở Xây dựng</text></svg></body></html>"#;
    let found = unmarked(page);
    assert_eq!(
        found,
        [
            "html/body/ul/li: Sở Tài chính",
            "html/body/table/tr/th: Kế hoạch 2"
        ]
    );
}

#[test]
fn english_pages_mark_every_vietnamese_passage_in_their_lists_and_tables() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    // The illustrative example builds `/en/` over Vietnamese content.
    let r = minhbach::build(&common::opts(&root.join("examples/minh-hoa"), out.path()));
    assert!(!r.diagnostics.has_errors(), "{:#?}", r.diagnostics.sorted());
    let mut pages = 0;
    let mut marked = 0;
    let mut problems = Vec::new();
    for (path, bytes) in common::snapshot(out.path()) {
        if !path.starts_with("en/") || !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        assert!(html.contains("<html lang=\"en\""), "{path}");
        pages += 1;
        marked += html.matches(" lang=\"vi\"").count();
        problems.extend(unmarked(&html).into_iter().map(|p| format!("{path}: {p}")));
    }
    assert!(pages > 100, "only {pages} English pages");
    assert!(marked > 1000, "only {marked} passages marked");
    assert!(
        problems.is_empty(),
        "{} unmarked, first: {:#?}",
        problems.len(),
        &problems[..problems.len().min(20)]
    );
}
