//! The `plan.md` of a plan imported from prose: the front matter read
//! from the document (each field marked as read, with a `review` item for
//! the whole), and the document's body as the narrative, verbatim: the
//! preamble's paragraphs, each section a heading with its printed number,
//! each item a paragraph.

use std::fmt::Write;

use super::front::Front;
use super::outline::{Doc, Item};

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The text of `plan.md` for plan `id` imported from `source`; `issuer`
/// is the registry id of the issuer when the registry knows its name.
pub fn text(id: &str, source: &str, f: &Front, doc: &Doc, issuer: Option<&str>) -> String {
    let mut o = String::new();
    let read = "   # read from the document: check it";
    let _ = writeln!(o, "---");
    let _ = writeln!(
        o,
        "# Plan `{id}`, imported from {source} as prose. The fields below marked \"read\"\n# were read from the document's header and signature block: check each against\n# it, fill in the empty ones, then delete the `review` item. See docs/content.md."
    );
    match &f.number {
        Some(n) => {
            let _ = writeln!(o, "number: {}{read}", q(n));
        }
        None => {
            let _ = writeln!(o, "# number: \"\"          # the document number as printed: uncomment when it has one");
        }
    }
    let field = |o: &mut String, key: &str, v: &Option<String>, hint: &str| {
        let _ = match v {
            Some(v) => writeln!(o, "{key}: {}{read}", q(v)),
            None => writeln!(
                o,
                "{key}:{}# {hint}",
                " ".repeat(14usize.saturating_sub(key.len()))
            ),
        };
    };
    field(
        &mut o,
        "doc_type",
        &f.doc_type,
        "\"Kế hoạch\", \"Công văn\", \"Quyết định\", ...",
    );
    field(
        &mut o,
        "title",
        &f.title,
        "the title, verbatim, in double quotes",
    );
    match issuer {
        Some(i) => {
            let _ = writeln!(
                o,
                "issuer: {i}   # the registry's agency named in the header: check it"
            );
        }
        None => {
            let _ = writeln!(
                o,
                "issuer:               # the issuing agency's id in agencies.yaml"
            );
        }
    }
    field(
        &mut o,
        "issuer_name",
        &f.issuer_name,
        "the issuer as printed in the header",
    );
    field(&mut o, "place", &f.place, "place of issue");
    match f.date {
        Some(d) => {
            let _ = writeln!(o, "date: {}{read}", d.format("%Y-%m-%d"));
        }
        None => {
            let _ = writeln!(o, "# date: YYYY-MM-DD    # date of issue: the document leaves it blank or it was not read");
        }
    }
    field(
        &mut o,
        "date_text",
        &f.date_text,
        "the place and date line as printed",
    );
    let _ = writeln!(
        o,
        "period:               # the period the plan covers (not read: fill it in)"
    );
    let _ = writeln!(o, "  start:              # YYYY-MM-DD");
    let _ = writeln!(o, "  end:                # YYYY-MM-DD");
    if let Some(p) = &f.position {
        let _ = writeln!(
            o,
            "signatory: {{ name: \"\", position: {} }}{read}; add the name",
            q(p)
        );
    }
    let list = |o: &mut String, key: &str, v: &[String]| {
        if v.is_empty() {
            let _ = writeln!(o, "{key}: []");
        } else {
            let _ = writeln!(o, "{key}:{read}");
            for x in v {
                let _ = writeln!(o, "  - {}", q(x));
            }
        }
    };
    list(&mut o, "legal_bases", &f.legal_bases);
    list(&mut o, "recipients", &f.recipients);
    let _ = writeln!(
        o,
        "source: {}   # the file the plan was imported from",
        q(source)
    );
    let _ = writeln!(o, "review:");
    let _ = writeln!(o, "  - what: front_matter");
    let _ = writeln!(
        o,
        "    note: \"the fields marked read were read from the document's header and signature block\""
    );
    let _ = writeln!(o, "---");
    let _ = writeln!(o);
    for p in &f.opening {
        let _ = writeln!(o, "{}\n", escape(p));
    }
    for item in &doc.items {
        body(&mut o, item, 2);
    }
    for p in &doc.closing {
        if p.text.trim_end().ends_with("./.") {
            let _ = writeln!(o, "{}\n", escape(&p.text));
        }
    }
    o
}

/// An item as Markdown: a heading (with its printed number) when items
/// stand under it, else a paragraph opening with its label.
fn body(o: &mut String, item: &Item, level: usize) {
    let label = item.para.printed().unwrap_or_default();
    let mut lines = item.para.text.lines();
    let first = lines.next().unwrap_or_default();
    if item.children.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            escape(format!("{label} {}", item.para.text).trim())
        );
        return;
    }
    let _ = writeln!(
        o,
        "{} {}\n",
        "#".repeat(level.min(6)),
        escape(format!("{label} {first}").trim())
    );
    let rest: Vec<&str> = lines.collect();
    if !rest.is_empty() {
        let _ = writeln!(o, "{}\n", escape(&rest.join("\n")));
    }
    for c in &item.children {
        body(o, c, level + 1);
    }
}

/// Text as Markdown shows it verbatim: characters Markdown would read as
/// markup at a line's start (a number and dot, a dash, a `#`) escaped.
fn escape(s: &str) -> String {
    s.lines()
        .map(|l| {
            let t = l.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            let ordered = digits > 0 && t[digits..].starts_with(['.', ')']);
            if ordered {
                format!("{}\\{}", &t[..digits], &t[digits..])
            } else if t.starts_with(['-', '+', '*', '#', '>']) {
                format!("\\{t}")
            } else {
                t.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
