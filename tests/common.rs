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
