//! What an import did, printed at its end: the table read, how columns were
//! mapped, groups and tasks, unknown agency names with their counts, time
//! cells not understood, and date order detected.

use std::fmt;
use std::path::PathBuf;

use super::agencies::NewAgency;
use super::header::{Field, Header};
use super::structure::{Group, Imported, Rows};
use crate::tables::Table;

/// The outcome of an import.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Which table was read (`table 2`, `sheet "Phụ lục"`).
    pub table: String,
    /// Each column's printed heading and the field it was read as.
    pub columns: Vec<(String, Option<Field>)>,
    /// What became of each row.
    pub rows: Rows,
    /// Number of groups (all depths).
    pub groups: usize,
    /// Number of tasks.
    pub tasks: usize,
    /// Unknown agency names and how many cells use each.
    pub unknown_agencies: Vec<(String, usize)>,
    /// Unknown names that are spellings of a registered agency: the name,
    /// that agency's id and official name.
    pub variants: Vec<(String, String, String)>,
    /// Unknown names the reference registry of national bodies knows: the
    /// name, the body's official name and its successors' names.
    pub reference: Vec<(String, String, Vec<String>)>,
    /// Unknown names that stand for several bodies: the name and the
    /// candidates.
    pub ambiguous: Vec<(String, Vec<String>)>,
    /// Entries added to `agencies.yaml`.
    pub added_agencies: Vec<NewAgency>,
    /// Start and deadline cells the grammar does not read cleanly: where,
    /// the text, and why (not understood, ambiguous, impossible).
    pub not_understood: Vec<(String, String, String)>,
    /// What was detected about date order, per column.
    pub date_orders: Vec<String>,
    /// Other remarks.
    pub remarks: Vec<String>,
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Where the rows with text only in columns not imported are.
    pub unmapped_at: Vec<String>,
    /// What the sheet says was done, offered as a report to confirm.
    pub offered: Vec<super::progress::Offered>,
    /// Cells read as naming several bodies: where, and the names.
    pub splits: Vec<(String, Vec<String>)>,
    /// Every inference of the import, for the review list that ends the
    /// summary (each is also kept in the files until someone deletes it).
    pub review: Vec<String>,
    /// Each part's origin and the columns of its agency cells, to name a
    /// cell's place.
    pub places: Vec<(crate::tables::Origin, Vec<(Field, usize)>)>,
    /// For a document read as prose: where each task row is (`line 40`).
    pub rows_at: Vec<String>,
    /// For a document read as prose: each top section and how it was read.
    pub sections: Vec<(String, String)>,
}

fn count_groups(gs: &[Group]) -> usize {
    gs.iter().map(|g| 1 + count_groups(&g.groups)).sum()
}

impl Summary {
    /// Adds what shaping `table` under `header` gave.
    pub fn add_part(&mut self, table: &Table, header: &Header, imported: &Imported) {
        let name = match &table.origin {
            crate::tables::Origin::WordTable(n) => format!("table {n}"),
            crate::tables::Origin::Sheet { name, .. } => format!("sheet {name:?}"),
            crate::tables::Origin::Csv => "the CSV table".into(),
        };
        self.table = if self.table.is_empty() {
            name
        } else {
            format!("{}, {name}", self.table)
        };
        for col in header
            .headings
            .iter()
            .zip(&header.fields)
            .filter(|(h, f)| !h.is_empty() || f.is_some())
            .map(|(h, f)| (h.replace('\n', " "), *f))
        {
            if !self.columns.contains(&col) {
                self.columns.push(col);
            }
        }
        self.places.push((
            table.origin.clone(),
            header
                .fields
                .iter()
                .enumerate()
                .filter_map(|(c, f)| f.map(|f| (f, c)))
                .collect(),
        ));
        self.rows.add(&imported.rows);
        self.unmapped_at
            .extend(imported.rows.unmapped.iter().map(|&r| table.locate(r, 0)));
    }

    /// Names the cell of field `f` in grid row `row` of part `part`.
    pub fn locate(&self, part: usize, row: usize, f: Field) -> String {
        if let Some(at) = self.rows_at.get(row).filter(|_| self.places.is_empty()) {
            return at.clone();
        }
        match self.places.get(part) {
            Some((origin, cols)) => {
                let c = cols.iter().find(|(g, _)| *g == f).map_or(0, |x| x.1);
                origin.locate(row, c)
            }
            None => format!("row {}", row + 1),
        }
    }

    /// Counts the groups and tasks of the final import.
    pub fn count(&mut self, imported: &Imported) {
        self.groups = count_groups(&imported.groups);
        self.tasks = super::all_tasks(imported).len();
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "read {}:", self.table)?;
        for (heading, how) in &self.sections {
            writeln!(f, "  section {heading:?} -> {how}")?;
        }
        for (h, field) in &self.columns {
            match field {
                Some(x) if !x.is_imported() => writeln!(
                    f,
                    "  column {h:?} -> {}: not imported as part of the plan ({})",
                    x.key(),
                    match x {
                        Field::Duration => "a length of work is neither a start nor a deadline",
                        _ => "what was done belongs in a report: see below",
                    }
                )?,
                Some(x) => writeln!(f, "  column {h:?} -> {}", x.key())?,
                None => writeln!(f, "  column {h:?} -> not imported (no known field)")?,
            }
        }
        let r = &self.rows;
        writeln!(
            f,
            "{} group(s), {} task(s) ({} rows: {} above the header, {} header, {} repeated header or column numbers, {} without text)",
            self.groups,
            self.tasks,
            r.total(),
            r.before_header,
            r.header,
            r.repeated_header,
            r.empty
        )?;
        if r.goals > 0 {
            writeln!(
                f,
                "{} row(s) hold only a goal, for the rows under them",
                r.goals
            )?;
        }
        if !r.unmapped.is_empty() {
            writeln!(
                f,
                "{} row(s) have text only in columns that are not imported: {}",
                r.unmapped.len(),
                self.unmapped_at.join("; ")
            )?;
        }
        for d in &self.date_orders {
            writeln!(f, "dates: {d}")?;
        }
        if self.unknown_agencies.is_empty() {
            writeln!(f, "every agency name is in the registry")?;
        } else {
            writeln!(
                f,
                "{} agency name(s) not in the registry:",
                self.unknown_agencies.len()
            )?;
            for (n, c) in &self.unknown_agencies {
                writeln!(f, "  {n:?} ({c} cell(s))")?;
            }
        }
        for (n, id, official) in &self.variants {
            writeln!(
                f,
                "  {n:?} looks like another spelling of {official:?} ({id}): add it to that entry's aliases"
            )?;
        }
        for (n, official, next) in &self.reference {
            let merged = if next.is_empty() {
                String::new()
            } else {
                format!(", merged into {}", next.join(", then "))
            };
            writeln!(
                f,
                "  {n:?} is {official:?} in the reference registry of national bodies{merged}"
            )?;
        }
        for (n, candidates) in &self.ambiguous {
            writeln!(
                f,
                "  {n:?} may name several bodies ({}): not added; write the full name in the cell",
                candidates.join("; ")
            )?;
        }
        if !self.added_agencies.is_empty() {
            writeln!(
                f,
                "{} entr(ies) added to agencies.yaml with `review: true`:",
                self.added_agencies.len()
            )?;
            for a in &self.added_agencies {
                write!(f, "  {} = {:?}", a.id, a.name)?;
                if let Some(r) = &a.reference {
                    write!(f, " [reference: {}]", r.why)?;
                }
                if !a.aliases.is_empty() {
                    write!(f, " (also {:?})", a.aliases.join("; "))?;
                }
                writeln!(f)?;
            }
        }
        if self.not_understood.is_empty() {
            writeln!(f, "every time cell is understood")?;
        } else {
            writeln!(
                f,
                "{} time cell(s) not read cleanly (kept as written; state their meaning with deadline_meaning / start_meaning):",
                self.not_understood.len()
            )?;
            for (at, t, why) in &self.not_understood {
                writeln!(f, "  {at}: {t:?}: {why}")?;
            }
        }
        if !self.offered.is_empty() {
            writeln!(
                f,
                "{} task(s) carry what the sheet says was done (status, % complete, completion date): not taken as their state; offered in plans/<id>/{} for you to check, complete (`status` is required) and import with `minhbach import-report`",
                self.offered.len(),
                super::progress::FILE
            )?;
        }
        for rmk in &self.remarks {
            writeln!(f, "note: {rmk}")?;
        }
        for p in &self.written {
            writeln!(f, "wrote {}", p.display())?;
        }
        if self.review.is_empty() {
            writeln!(f, "nothing was inferred: no review list")?;
        } else {
            writeln!(
                f,
                "to review ({}): what the import inferred; `minhbach check` lists each until you delete its `review` item",
                self.review.len()
            )?;
            for (i, r) in self.review.iter().enumerate() {
                writeln!(f, "  {}. {r}", i + 1)?;
            }
        }
        Ok(())
    }
}
