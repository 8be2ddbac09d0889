//! What each agency's form holds: its tasks through every part (lead,
//! cooperating, a group's lead or cooperating), once each, most direct part
//! first, with what was last reported.

use crate::derive::{Derived, Part, TaskRef};
use crate::diagnostics::{Diagnostic, Location};
use crate::model::report::Reported;
use crate::model::{AgencyId, Model};

/// One task on a form.
#[derive(Debug, Clone)]
pub struct FormRow {
    /// The task.
    pub task: TaskRef,
    /// `<plan-id>/<task-id>`: the form's key.
    pub key: String,
    /// How the task reaches the agency.
    pub part: Part,
    /// The group (or merged body) named in the cell, for the group parts.
    pub via: Option<String>,
    /// The latest reported status, and the report's date.
    pub last: Option<(Reported, chrono::NaiveDate)>,
}

/// One agency's form.
#[derive(Debug, Clone)]
pub struct Form {
    /// The agency's id (the file's name).
    pub agency: AgencyId,
    /// Its official name.
    pub name: String,
    /// Its tasks.
    pub rows: Vec<FormRow>,
}

/// The forms of `wanted` (empty: [`expected`](crate::derive::reporting::expected)).
pub fn forms(model: &Model, wanted: &[String]) -> Result<Vec<Form>, Diagnostic> {
    let d = Derived::new(model);
    let ids: Vec<AgencyId> = if wanted.is_empty() {
        crate::derive::reporting::expected(model, &d)
    } else {
        let mut v = Vec::new();
        for w in wanted {
            match model.registry.lookup_id(w) {
                Some(a) if a.is_group() => {
                    return Err(Diagnostic::error(
                        Location::file(std::path::Path::new("--agency")),
                        format!("{w:?} is a group: its members fill in the forms (each lists the group's tasks)"),
                    )
                    .with_help("name the member agencies, or leave --agency out for every agency with tasks"))
                }
                Some(a) => v.push(a.id.clone()),
                None => {
                    return Err(Diagnostic::error(
                        Location::file(std::path::Path::new("--agency")),
                        format!("{w:?} is not an agency id"),
                    )
                    .with_help("use an id from agencies.yaml"))
                }
            }
        }
        v
    };
    let mut out = Vec::new();
    for id in ids {
        let Some(a) = model.registry.get(&id) else {
            continue;
        };
        let rows = d
            .by_agency
            .get(&id)
            .map(|t| {
                t.items
                    .iter()
                    .map(|x| {
                        let plan = &model.plans[x.task.plan];
                        let task = &plan.tasks[x.task.task];
                        let last =
                            d.history
                                .get(&x.task)
                                .and_then(|h| h.last())
                                .map(|&(ri, ei)| {
                                    let r = &model.reports[ri];
                                    (r.entries[ei].status, r.date)
                                });
                        FormRow {
                            task: x.task,
                            key: format!("{}/{}", plan.id, task.id),
                            part: x.part,
                            via: x.via.as_ref().map(|v| {
                                model
                                    .registry
                                    .get(v)
                                    .map_or_else(|| v.to_string(), |g| g.name.clone())
                            }),
                            last,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push(Form {
            agency: id.clone(),
            name: a.name.clone(),
            rows,
        });
    }
    Ok(out)
}
