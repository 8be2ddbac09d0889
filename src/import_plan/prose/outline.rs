//! A prose document's paragraphs nested into its outline: each kind of
//! label (or heading level, or list level) opens a level the first time it
//! appears under another, and is a sibling when it appears again (`I.` →
//! `1.` → `a)` → `-`). A printed label counts only where it continues its
//! siblings' count, so a wrapped line that happens to open with a number is
//! text. Paragraphs with no label continue the item above them (under a
//! heading they are items of their own); the closing formula (`…./.`) and
//! the signature block end the outline.

use super::labels::{ordinal, LabelKind};
use super::paras::Para;

/// One item of the outline: its paragraph (continuations appended) and
/// the items under it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Item {
    /// The paragraph, with its label.
    pub para: Para,
    /// Items under it.
    pub children: Vec<Item>,
}

/// A document as an outline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    /// Paragraphs before the first item: the header, the title, the legal
    /// bases, the recipients.
    pub preamble: Vec<Para>,
    /// The outline.
    pub items: Vec<Item>,
    /// The closing formula and the signature block.
    pub closing: Vec<Para>,
}

/// What sets a paragraph's level.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Class {
    Heading(usize),
    List(String, usize),
    Label(LabelKind),
}

fn class_of(p: &Para) -> Option<Class> {
    if let Some(h) = p.heading {
        return Some(Class::Heading(h));
    }
    if let Some((id, level)) = &p.list {
        return Some(Class::List(id.clone(), *level));
    }
    p.label.as_ref().map(|l| Class::Label(l.kind))
}

/// Words that open the signature block.
const SIGNATURE: [&str; 8] = ["Nơi nhận", "KT.", "TM.", "Q.", "TL.", "TUQ.", "KT ", "TM "];

fn is_signature(p: &Para) -> bool {
    p.label.is_none() && SIGNATURE.iter().any(|s| p.text.starts_with(s))
}

/// The outline of `paras`.
pub fn build(paras: Vec<Para>) -> Doc {
    let mut doc = Doc::default();
    // The path of open items: their class and ordinal, and their index
    // among their parent's children.
    let mut open: Vec<(Class, Option<u32>, String)> = Vec::new();
    let mut closed = false;
    // Bullets right after `Kính gửi:` list the recipients, before the body.
    let mut recipients = false;
    for mut p in paras {
        if closed {
            doc.closing.push(p);
            continue;
        }
        if doc.items.is_empty() {
            let bullet = matches!(p.label.as_ref().map(|l| l.kind), Some(LabelKind::Bullet(_)));
            if recipients && bullet {
                doc.preamble.push(p);
                continue;
            }
            recipients = p.text.contains("Kính gửi");
        }
        if is_signature(&p) && !doc.items.is_empty() {
            closed = true;
            doc.closing.push(p);
            continue;
        }
        let class = class_of(&p).filter(|c| fits(c, &p, &open));
        let Some(class) = class else {
            // A printed label that breaks its siblings' count is text.
            if p.heading.is_none() && p.list.is_none() {
                if let Some(l) = p.label.take() {
                    p.text = format!("{} {}", l.printed, p.text).trim().to_string();
                }
            }
            if doc.items.is_empty() {
                doc.preamble.push(p);
                continue;
            }
            if p.text.trim_end().ends_with("./.") {
                closed = true;
                doc.closing.push(p);
                continue;
            }
            let under_heading = open
                .last()
                .is_some_and(|o| matches!(o.0, Class::Heading(_)));
            if under_heading {
                // A paragraph under a heading is an item of its own.
                let depth = open.len();
                place(
                    &mut doc.items,
                    depth,
                    Item {
                        para: p,
                        children: Vec::new(),
                    },
                );
                continue;
            }
            if let Some(item) = deepest(&mut doc.items, open.len()) {
                if !item.para.text.is_empty() {
                    item.para.text.push('\n');
                }
                item.para.text.push_str(&p.text);
                item.para.notes.extend(p.notes);
            }
            continue;
        };
        let ord = p.label.as_ref().and_then(|l| ordinal(l.kind, &l.code));
        let code = p.label.as_ref().map(|l| l.code.clone()).unwrap_or_default();
        let depth = match open.iter().position(|o| o.0 == class) {
            Some(k) => k,
            None => open.len(),
        };
        open.truncate(depth);
        open.push((class, ord, code));
        place(
            &mut doc.items,
            depth,
            Item {
                para: p,
                children: Vec::new(),
            },
        );
    }
    doc
}

/// True when a paragraph of `class` may stand where the open path is: a
/// heading or list level always; a printed label only where it follows its
/// siblings' count (the next number), or opens a new level at its first
/// number, an outline number extending the one above it.
fn fits(class: &Class, p: &Para, open: &[(Class, Option<u32>, String)]) -> bool {
    let Class::Label(kind) = class else {
        return true;
    };
    let Some(label) = &p.label else {
        return false;
    };
    let ord = ordinal(*kind, &label.code);
    if matches!(kind, LabelKind::Bullet(_)) {
        return true;
    }
    match open.iter().rposition(|o| o.0 == *class) {
        Some(k) => match (open[k].1, ord) {
            (Some(prev), Some(n)) => n > prev && n <= prev + 3,
            _ => true,
        },
        None => {
            let first = ord.is_some_and(|n| n <= 2);
            let extends = match kind {
                LabelKind::Arabic(d) if *d > 1 => {
                    let parent = label.code.rsplit_once('.').map_or("", |x| x.0);
                    open.iter()
                        .rev()
                        .find(|o| matches!(o.0, Class::Label(LabelKind::Arabic(_))))
                        .is_none_or(|o| o.2 == parent)
                }
                _ => true,
            };
            first && extends
        }
    }
}

/// Puts `item` at `depth` under the last item of each level above it.
fn place(items: &mut Vec<Item>, depth: usize, item: Item) {
    let mut list = items;
    for _ in 0..depth {
        if list.is_empty() {
            break;
        }
        let last = list.len() - 1;
        list = &mut list[last].children;
    }
    list.push(item);
}

/// The last item at `depth` levels down (the deepest open one).
fn deepest(items: &mut [Item], depth: usize) -> Option<&mut Item> {
    let mut at = items.last_mut()?;
    for _ in 1..depth {
        if at.children.is_empty() {
            break;
        }
        at = at.children.last_mut()?;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_plan::prose::paras::from_lines;

    fn shape(items: &[Item], out: &mut Vec<String>, depth: usize) {
        for i in items {
            out.push(format!(
                "{}{} {}",
                "  ".repeat(depth),
                i.para.printed().unwrap_or("·"),
                i.para.text.chars().take(20).collect::<String>()
            ));
            shape(&i.children, out, depth + 1);
        }
    }

    #[test]
    fn labels_nest_by_kind_and_continue_by_count() {
        let text = "KẾ HOẠCH\n\nCăn cứ Luật Tổ chức.\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nBảo đảm thống nhất.\n\n2. Yêu cầu\n\nII. NHIỆM VỤ\n\n1. Sở Nội vụ:\n\na) Rà soát tổ chức,\n\n5 đơn vị sự nghiệp.\n\nb) Báo cáo trước ngày 30/6/2025.\n\n- Sở Tài chính bố trí kinh phí.\n\n2. Sở Tư pháp thẩm định.\n\nỦy ban nhân dân tỉnh yêu cầu các cơ quan thực hiện./.\n\nNơi nhận:\n\n- Như trên;\n";
        let doc = build(from_lines(text));
        let mut got = Vec::new();
        shape(&doc.items, &mut got, 0);
        assert_eq!(
            got,
            [
                "I. MỤC ĐÍCH, YÊU CẦU",
                "  1. Mục đích\nBảo đảm thố",
                "  2. Yêu cầu",
                "II. NHIỆM VỤ",
                "  1. Sở Nội vụ:",
                "    a) Rà soát tổ chức, 5 đ",
                "    b) Báo cáo trước ngày 3",
                "      - Sở Tài chính bố trí ",
                "  2. Sở Tư pháp thẩm định",
            ]
        );
        assert_eq!(doc.preamble.len(), 2);
        assert_eq!(doc.closing.len(), 3);
        assert!(doc.closing[0].text.ends_with("./."));
    }
}
