//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use minhbach::BuildOptions;

/// The shipped content directory.
pub fn shipped_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// Build options writing into `out`.
pub fn opts(content: &Path, out: &Path) -> BuildOptions {
    BuildOptions::new(content, out)
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(root, &p, out);
        } else {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, fs::read(&p).unwrap());
        }
    }
}

/// A small valid content directory, with files given as (path, text).
pub fn write_content(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
}

pub const SITE: &str = "title: \"Thử nghiệm\"\nlanguage: vi\nas_of: 2025-09-20\n";

pub const AGENCIES: &str = r#"agencies:
  - id: so-khcn
    name: "Sở Khoa học và Công nghệ"
    kind: department
    aliases: ["Sở KH&CN"]
  - id: vp-ubnd-tinh
    name: "Văn phòng Ủy ban nhân dân tỉnh"
    kind: office
    aliases: ["Văn phòng UBND tỉnh", "VP UBND tỉnh"]
  - id: cac-co-quan-lien-quan
    name: "Các cơ quan, đơn vị có liên quan"
    kind: group
"#;

pub const PLAN_MD: &str = r#"---
number: "1/KH-TEST"
doc_type: "Kế hoạch"
title: "Kế hoạch thử"
issuer: so-khcn
date: 2025-09-01
period: { start: 2025-09-01, end: 2025-12-31 }
declared:
  tasks: 2
---
## I. MỤC ĐÍCH
Nội dung.
"#;

pub const TASKS: &str = r#"groups:
  - code: "I"
    title: "NHÓM MỘT"
    goals:
      - goal: "Mục tiêu chung"
        tasks:
          - number: "1"
            task: "Việc thứ nhất"
            lead: "Sở KH&CN"
            cooperate: "Các cơ quan, đơn vị có liên quan"
            deadline: "Tháng 9/2025"
          - number: "2"
            task: "Việc thứ hai"
            lead: "VP UBND tỉnh"
            deadline: "Thường xuyên"
"#;

/// Writes the small valid content into `dir`.
pub fn valid_content(dir: &Path) {
    write_content(
        dir,
        &[
            ("site.yaml", SITE),
            ("agencies.yaml", AGENCIES),
            ("plans/kh-thu/plan.md", PLAN_MD),
            ("plans/kh-thu/tasks.yaml", TASKS),
        ],
    );
}

/// The words of every value of a catalogue, cut at its `{placeholders}`.
pub fn fragments(lang: &str) -> Vec<String> {
    let i = minhbach::render::i18n::I18n::embedded().unwrap();
    let c = i.catalog(lang).unwrap();
    let mut values = Vec::new();
    for k in c.keys() {
        match c.get(k).unwrap() {
            minhbach::render::i18n::Entry::Text(s) => values.push(s.clone()),
            minhbach::render::i18n::Entry::Plural { one, other } => {
                values.extend([one.clone(), other.clone()])
            }
            minhbach::render::i18n::Entry::List(l) => values.extend(l.iter().cloned()),
        }
    }
    let mut out = Vec::new();
    for v in values {
        let mut rest = v.as_str();
        while !rest.is_empty() {
            let (piece, after) = match rest.find('{') {
                Some(i) => (
                    &rest[..i],
                    rest[i..].find('}').map_or("", |j| &rest[i + j + 1..]),
                ),
                None => (rest, ""),
            };
            out.push(piece.trim().to_string());
            rest = after;
        }
    }
    out
}

/// The Vietnamese words no English output may hold: each fragment of the
/// reference file with a Vietnamese letter and at least four characters,
/// except those the English file quotes between “ and ” (it cites names
/// such as “Văn phòng UBND tỉnh” as examples).
pub fn vietnamese_ui_words() -> Vec<String> {
    let quoted: Vec<String> = fragments("en")
        .iter()
        .flat_map(|v| {
            v.split('“')
                .skip(1)
                .filter_map(|q| q.split('”').next())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut words: Vec<String> = fragments(minhbach::render::i18n::REFERENCE)
        .into_iter()
        .filter(|w| w.chars().count() >= 4)
        .filter(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
        .filter(|w| !quoted.iter().any(|q| q.contains(w.as_str())))
        .collect();
    words.sort();
    words.dedup();
    words
}
