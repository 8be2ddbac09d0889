//! Which tables of a file to import: the one asked for, else the one with a
//! task header and the most rows; in Word, with the tables that continue it
//! across pages. A document or workbook whose task tables each follow a
//! `Phụ lục …` heading has them all imported, one top-level group per
//! appendix.

use std::path::Path;

use super::header::{self, fold, Header};
use super::{ImportError, ImportOptions};
use crate::tables::{self, Table};

/// A table to import, with its appendix heading when it is one of several.
#[derive(Debug)]
pub struct Part {
    /// The table (with the tables that continue it).
    pub table: Table,
    /// Its header.
    pub header: Header,
    /// Its appendix heading, in a document of several appendices.
    pub appendix: Option<Appendix>,
}

/// The heading printed above an appendix table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appendix {
    /// The label (`Phụ lục II`), verbatim.
    pub label: String,
    /// The title line after it (`NHIỆM VỤ TRỌNG TÂM ...`).
    pub title: Option<String>,
    /// A parenthesised line after it (`(Kèm theo ...)`).
    pub note: Option<String>,
}

/// The appendix heading among the paragraphs printed before a table: the
/// last short paragraph starting with `Phụ lục`, and the lines after it.
fn appendix_heading(before: &[String]) -> Option<Appendix> {
    let at = before.iter().rposition(|p| {
        let w = fold(p);
        w.len() >= 2 && w.len() <= 6 && w[0] == "phu" && w[1] == "luc"
    })?;
    let rest = &before[at + 1..];
    let note = rest
        .iter()
        .find(|p| p.starts_with('(') && p.ends_with(')'))
        .cloned();
    let title = rest.iter().find(|p| !p.starts_with('(')).cloned();
    Some(Appendix {
        label: before[at].clone(),
        title,
        note,
    })
}

/// The lines printed above a table: the paragraphs before it (text
/// documents), or the rows above its header (sheets).
pub fn above(t: &Table, h: &Header) -> Vec<String> {
    if !t.before.is_empty() {
        return t.before.clone();
    }
    (0..h.first)
        .map(|r| {
            (0..t.width())
                .filter(|&c| t.origin_of(r, c) == (r, c))
                .map(|c| t.text_at(r, c))
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|x| !x.is_empty())
        .collect()
}

fn name_of(t: &Table, i: usize) -> String {
    match &t.origin {
        tables::Origin::Sheet { name, .. } => format!("sheet {name:?}"),
        tables::Origin::WordTable(n) => format!("table {n}"),
        tables::Origin::Csv => format!("table {}", i + 1),
    }
}

/// Picks the tables to import (see the module documentation) and says in
/// remarks which tables were joined or left out.
pub(super) fn choose(
    file: &Path,
    tables: Vec<Table>,
    opts: &ImportOptions,
) -> Result<(Vec<Part>, Vec<String>), ImportError> {
    let names: Vec<String> = tables
        .iter()
        .enumerate()
        .map(|(i, t)| name_of(t, i))
        .collect();
    let eligible: Vec<usize> = (0..tables.len())
        .filter(|&i| {
            opts.sheet.as_ref().is_none_or(|want| {
                matches!(&tables[i].origin, tables::Origin::Sheet { name, .. } if name == want)
            })
        })
        .collect();
    if let (Some(want), true) = (&opts.sheet, eligible.is_empty()) {
        return Err(ImportError::new(
            file,
            format!("there is no sheet named {want:?}"),
            format!("the file has: {}", names.join(", ")),
        ));
    }
    let headers: Vec<Option<Header>> = tables.iter().map(header::find).collect();
    let word = tables
        .first()
        .is_some_and(|t| matches!(t.origin, tables::Origin::WordTable(_)));
    // Word tables that continue the one before them: no text between, the
    // same columns, no header or the same one.
    let continues = |j: usize| {
        word && j > 0
            && tables[j].before.is_empty()
            && tables[j].width() == tables[j - 1].width()
            && headers[j].as_ref().is_none_or(|h| {
                headers[j - 1]
                    .as_ref()
                    .is_none_or(|prev| h.fields == prev.fields)
            })
    };
    // The table each one belongs to: itself, or the one it continues.
    let mut start_of: Vec<usize> = Vec::with_capacity(tables.len());
    for j in 0..tables.len() {
        let s = if continues(j) { start_of[j - 1] } else { j };
        start_of.push(s);
    }
    let picks: Vec<usize> = match opts.table {
        Some(n) => {
            let Some(&i) = n.checked_sub(1).and_then(|k| eligible.get(k)) else {
                let help = if eligible.is_empty() {
                    "the file has no table: a plan written as prose is imported with --prose, or start the plan by hand with `minhbach new ID`".to_string()
                } else {
                    format!(
                        "the file has {} table(s), numbered from 1: {}",
                        eligible.len(),
                        names.join(", ")
                    )
                };
                return Err(ImportError::new(
                    file,
                    format!("there is no table {n}"),
                    help,
                ));
            };
            if headers[i].is_none() {
                return Err(no_header(file));
            }
            vec![i]
        }
        None => {
            let candidates: Vec<usize> = eligible
                .iter()
                .copied()
                .filter(|&i| headers[i].is_some() && start_of[i] == i)
                .collect();
            let labelled: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&i| {
                    headers[i]
                        .as_ref()
                        .and_then(|h| appendix_heading(&above(&tables[i], h)))
                        .is_some()
                })
                .collect();
            if labelled.len() >= 2 {
                labelled
            } else {
                let best = candidates
                    .iter()
                    .copied()
                    .filter_map(|i| {
                        headers[i]
                            .as_ref()
                            .map(|h| (i, tables[i].rows.len() - h.first))
                    })
                    .max_by_key(|&(i, rows)| (rows, std::cmp::Reverse(i)))
                    .map(|(i, _)| i)
                    .ok_or_else(|| no_header(file))?;
                vec![best]
            }
        }
    };
    let several = picks.len() > 1;
    let mut pool: Vec<Option<Table>> = tables.into_iter().map(Some).collect();
    let mut parts = Vec::new();
    let mut remarks = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    for &i in &picks {
        let (Some(mut table), Some(header)) = (pool[i].take(), headers[i].clone()) else {
            continue;
        };
        used.push(i);
        let mut joined = Vec::new();
        for j in i + 1..pool.len() {
            if start_of[j] != i {
                break;
            }
            if let Some(next) = pool[j].take() {
                append(&mut table, next);
                joined.push(names[j].clone());
                used.push(j);
            }
        }
        if !joined.is_empty() {
            remarks.push(format!(
                "{} continue {} (same columns, no text between them) and were read with it",
                joined.join(", "),
                names[i]
            ));
        }
        let appendix = if several {
            appendix_heading(&above(&table, &header))
        } else {
            None
        };
        parts.push(Part {
            table,
            header,
            appendix,
        });
    }
    if several {
        remarks.push(format!(
            "{} appendix tables were imported, one top-level group each: {}",
            picks.len(),
            picks
                .iter()
                .map(|&i| names[i].as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let others: Vec<&str> = eligible
        .iter()
        .filter(|&&i| headers[i].is_some() && !used.contains(&i))
        .map(|&i| names[i].as_str())
        .collect();
    if !others.is_empty() {
        remarks.push(format!(
            "other tables with a task header were not imported: {} (use --table N or --sheet NAME)",
            others.join(", ")
        ));
    }
    Ok((parts, remarks))
}

/// Appends the rows of `next` to `table`, keeping its merges.
fn append(table: &mut Table, next: Table) {
    let offset = table.rows.len();
    for row in next.rows {
        table.rows.push(
            row.into_iter()
                .map(|c| match c {
                    tables::Cell::Covered { row, col } => tables::Cell::Covered {
                        row: row + offset,
                        col,
                    },
                    other => other,
                })
                .collect(),
        );
    }
    table
        .date_cells
        .extend(next.date_cells.into_iter().map(|mut d| {
            d.at.0 += offset;
            d
        }));
    table.date_values.extend(
        next.date_values
            .into_iter()
            .map(|((r, c), v)| ((r + offset, c), v)),
    );
}

/// What an import says when a file has no task table to read.
const NO_TABLE: &str = "no table with a header row naming the task column was found";

/// True when an import failed because the file holds no task table (so a
/// document may be read as prose instead).
pub fn is_no_table(e: &ImportError) -> bool {
    e.message == NO_TABLE
        || e.message.starts_with("the file is not a table")
        || e.message.starts_with("there is no table")
}

fn no_header(file: &Path) -> ImportError {
    ImportError::new(
        file,
        NO_TABLE,
        "a table's header needs a task column (Nhiệm vụ / Nội dung / Task) and two more known columns such as TT, Cơ quan chủ trì, Thời gian hoàn thành (pick the table with --table N or --sheet NAME); a plan written as prose is imported with --prose; or start the plan by hand with `minhbach new ID`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_headings() {
        let before: Vec<String> = [
            "Nơi nhận:",
            "Phụ lục II",
            "NHIỆM VỤ TRỌNG TÂM",
            "(Kèm theo Kế hoạch số 5)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let a = appendix_heading(&before).unwrap();
        assert_eq!(a.label, "Phụ lục II");
        assert_eq!(a.title.as_deref(), Some("NHIỆM VỤ TRỌNG TÂM"));
        assert_eq!(a.note.as_deref(), Some("(Kèm theo Kế hoạch số 5)"));
        // A sentence that mentions an appendix is not its heading.
        let prose =
            vec!["Phụ lục kèm theo Kế hoạch này quy định chi tiết các nhiệm vụ.".to_string()];
        assert_eq!(appendix_heading(&prose), None);
    }
}
