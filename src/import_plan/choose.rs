//! Which table of a file to import: the one asked for, else the one with a
//! task header and the most rows; in Word, with the tables that continue it.

use std::path::Path;

use super::header::{self, Header};
use super::{ImportError, ImportOptions};
use crate::tables::{self, Table};

/// Picks the table to import: the one asked for, else the one with a
/// header and the most rows. In a Word document, the tables right after it
/// (no text between them, the same columns) continue it, as happens when a
/// long table is broken across pages.
pub(super) fn choose(
    file: &Path,
    tables: Vec<Table>,
    opts: &ImportOptions,
) -> Result<(Table, Header, Vec<String>), ImportError> {
    let names: Vec<String> = tables
        .iter()
        .enumerate()
        .map(|(i, t)| match &t.origin {
            tables::Origin::Sheet { name, .. } => format!("sheet {name:?}"),
            tables::Origin::WordTable(n) => format!("table {n}"),
            tables::Origin::Csv => format!("table {}", i + 1),
        })
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
    let pick = match opts.table {
        Some(n) => {
            let Some(&i) = n.checked_sub(1).and_then(|k| eligible.get(k)) else {
                return Err(ImportError::new(
                    file,
                    format!("there is no table {n}"),
                    format!(
                        "the file has {} table(s), numbered from 1: {}",
                        eligible.len(),
                        names.join(", ")
                    ),
                ));
            };
            i
        }
        None => eligible
            .iter()
            .copied()
            .filter_map(|i| {
                headers[i]
                    .as_ref()
                    .map(|h| (i, tables[i].rows.len() - h.first))
            })
            .max_by_key(|&(i, rows)| (rows, std::cmp::Reverse(i)))
            .map(|(i, _)| i)
            .ok_or_else(|| no_header(file))?,
    };
    let header = headers[pick].clone().ok_or_else(|| no_header(file))?;
    let mut pool: Vec<Option<Table>> = tables.into_iter().map(Some).collect();
    let mut table = pool[pick].take().ok_or_else(|| no_header(file))?;
    let mut joined = Vec::new();
    if matches!(table.origin, tables::Origin::WordTable(_)) {
        for j in pick + 1..pool.len() {
            let continues = pool[j].as_ref().is_some_and(|next| {
                next.before.is_empty()
                    && next.width() == table.width()
                    && headers[j]
                        .as_ref()
                        .is_none_or(|h| h.fields == header.fields)
            });
            let Some(next) = pool[j].take().filter(|_| continues) else {
                break;
            };
            append(&mut table, next);
            joined.push(names[j].clone());
        }
    }
    let mut remarks = Vec::new();
    if !joined.is_empty() {
        remarks.push(format!(
            "{} continue {} (same columns, no text between them) and were read with it",
            joined.join(", "),
            names[pick]
        ));
    }
    let others: Vec<String> = eligible
        .iter()
        .filter(|&&i| i != pick && headers[i].is_some() && !joined.contains(&names[i]))
        .map(|&i| names[i].clone())
        .collect();
    if !others.is_empty() {
        remarks.push(format!(
            "other tables with a task header were not imported: {} (use --table N or --sheet NAME)",
            others.join(", ")
        ));
    }
    Ok((table, header, remarks))
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
        .typed_dates
        .extend(next.typed_dates.into_iter().map(|(r, c)| (r + offset, c)));
}

fn no_header(file: &Path) -> ImportError {
    ImportError::new(
        file,
        "no table with a header row naming the task column was found",
        "the header needs a task column (Nhiệm vụ / Nội dung / Task) and two more known columns such as TT, Cơ quan chủ trì, Thời gian hoàn thành; pick the table with --table N or --sheet NAME",
    )
}
