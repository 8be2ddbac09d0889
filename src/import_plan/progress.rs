//! What a sheet says was done (`% Complete`, `Status`, `Actual Finish`
//! columns) is not part of the plan: it is offered to the office as a
//! report to confirm (`plans/<id>/import-progress.csv`, in the columns
//! `import-report` reads), never turned into a task's state silently.

use std::path::{Path, PathBuf};

use super::choose::Part;
use super::header::Field;
use super::structure::Imported;
use crate::model::ids::slugify;

/// The file name of the offered report, beside `tasks.yaml`.
pub const FILE: &str = "import-progress.csv";

/// One task's reported values, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    /// The task's id in `tasks.yaml`.
    pub task: String,
    /// Status words.
    pub status: String,
    /// Progress as printed (`75%`, `0.75`).
    pub progress: String,
    /// Completion date as printed.
    pub completed: String,
}

/// The values of the progress, status and completion columns, for every
/// task that has one.
pub fn collect(parts: &[Part], imported: &Imported) -> Vec<Offered> {
    let mut out = Vec::new();
    for t in super::all_tasks(imported) {
        let Some(p) = parts.get(t.part) else { continue };
        let cell = |f: Field| {
            p.header
                .column(f)
                .map(|c| p.table.text_at(t.row, c).to_string())
                .unwrap_or_default()
        };
        let (status, progress, completed) = (
            cell(Field::Status),
            cell(Field::Progress),
            cell(Field::Completed),
        );
        if status.is_empty() && progress.is_empty() && completed.is_empty() {
            continue;
        }
        let task =
            t.id.clone()
                .or_else(|| t.get(Field::Number).map(slugify))
                .unwrap_or_default();
        out.push(Offered {
            task,
            status,
            progress,
            completed,
        });
    }
    out
}

/// The offered report's CSV: one row per task, the plan's id in each.
pub fn csv(plan_id: &str, rows: &[Offered]) -> Vec<u8> {
    let headers: Vec<String> = ["plan", "task", "status", "progress", "completed", "note"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|o| {
            vec![
                plan_id.to_string(),
                o.task.clone(),
                o.status.clone(),
                o.progress.clone(),
                o.completed.clone(),
                String::new(),
            ]
        })
        .collect();
    crate::render::csv::write(&headers, &body)
}

/// Where the offered report goes for a plan directory.
pub fn path(plan_dir: &Path) -> PathBuf {
    plan_dir.join(FILE)
}
