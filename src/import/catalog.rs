//! Finding the task a row of a returned form or an office sheet means: by
//! its key (`<plan-id>/<task-id>`, the forms' hidden column), else by plan
//! and printed number, else by its exact text (NFC, case and white space
//! aside). An unknown or ambiguous row gets the candidates, and never a
//! "did you mean" to a task with another number.

use std::collections::HashMap;

use crate::derive::TaskRef;
use crate::model::Model;

use super::words::fold;

/// One task, as a row may name it.
#[derive(Debug, Clone)]
pub struct Known {
    /// Where it is in the model.
    pub at: TaskRef,
    /// `<plan-id>/<task-id>`.
    pub key: String,
    /// Plan number as printed (or the plan id).
    pub plan: String,
    /// Task number as printed (or the task id).
    pub number: String,
    /// The task's text, cut for messages.
    pub text: String,
}

/// Every task of the content, indexed the three ways a row may name it.
#[derive(Debug, Default)]
pub struct TaskCatalog {
    tasks: Vec<Known>,
    /// Each plan's (id, number as printed).
    plan_names: Vec<(String, String)>,
    by_key: HashMap<String, usize>,
    /// Folded plan id and number → plan index.
    plans: HashMap<String, usize>,
    /// (plan index, folded number) → tasks.
    by_number: HashMap<(usize, String), Vec<usize>>,
    /// Folded text → tasks.
    by_text: HashMap<String, Vec<usize>>,
    /// Folded number → tasks of any plan (candidates of an unknown row).
    any_number: HashMap<String, Vec<usize>>,
}

/// Why a row names no single task.
#[derive(Debug, Clone)]
pub struct Miss {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// A printed number folded: `1.` and `1` are one number.
fn number(s: &str) -> String {
    fold(s).trim_end_matches(['.', ')']).to_string()
}

fn cut(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

impl TaskCatalog {
    /// Indexes every task of `model`.
    pub fn new(model: &Model) -> Self {
        let mut c = TaskCatalog::default();
        for (pi, p) in model.plans.iter().enumerate() {
            c.plans.insert(fold(p.id.as_str()), pi);
            c.plan_names.push((
                p.id.to_string(),
                p.number.clone().unwrap_or_else(|| p.id.to_string()),
            ));
            if let Some(n) = &p.number {
                c.plans.entry(fold(n)).or_insert(pi);
            }
            for (ti, t) in p.tasks.iter().enumerate() {
                let i = c.tasks.len();
                let printed = t.number.clone().unwrap_or_else(|| t.id.to_string());
                c.tasks.push(Known {
                    at: TaskRef { plan: pi, task: ti },
                    key: format!("{}/{}", p.id, t.id),
                    plan: p.number.clone().unwrap_or_else(|| p.id.to_string()),
                    number: printed.clone(),
                    text: cut(t.text.as_deref().unwrap_or("")),
                });
                c.by_key.entry(format!("{}/{}", p.id, t.id)).or_insert(i);
                c.by_number
                    .entry((pi, number(&printed)))
                    .or_default()
                    .push(i);
                c.any_number.entry(number(&printed)).or_default().push(i);
                if let Some(text) = &t.text {
                    c.by_text.entry(fold(text)).or_default().push(i);
                }
            }
        }
        c
    }

    /// The task of a key, `<plan-id>/<task-id>`.
    pub fn by_key(&self, key: &str) -> Option<&Known> {
        self.by_key.get(key.trim()).map(|&i| &self.tasks[i])
    }

    fn list(&self, idx: &[usize]) -> String {
        let mut v: Vec<String> = idx
            .iter()
            .take(5)
            .map(|&i| {
                let k = &self.tasks[i];
                format!(
                    "{} (plan {}, number {}: {:?})",
                    k.key, k.plan, k.number, k.text
                )
            })
            .collect();
        if idx.len() > 5 {
            v.push(format!("and {} more", idx.len() - 5));
        }
        v.join("; ")
    }

    /// The plan a cell names (its id or its number as printed).
    pub fn plan(&self, cell: &str) -> Option<usize> {
        self.plans.get(&fold(cell)).copied()
    }

    /// Finds the task a row names: `key` (the forms' column), else `plan`
    /// with `number` (or a `task` cell holding a task id or number), else
    /// `text` (or a `task` cell holding text).
    pub fn find(
        &self,
        key: Option<&str>,
        plan: Option<&str>,
        number_cell: Option<&str>,
        text: Option<&str>,
    ) -> Result<&Known, Miss> {
        if let Some(k) = key {
            return self.by_key(k).ok_or_else(|| Miss {
                message: format!("the key {:?} names no task of the content", cut(k)),
                help: "the key column of a form is filled in by `report-forms`: do not change it; for a new row leave it empty and fill in the plan and task number".into(),
            });
        }
        let plan_ix = match plan {
            Some(p) => match self.plan(p) {
                Some(i) => Some(i),
                None => {
                    return Err(Miss {
                        message: format!("{:?} is not the id or the number of a plan", cut(p)),
                        help: "write the plan's number as printed (e.g. 114/KH-BCĐ) or its id"
                            .into(),
                    })
                }
            },
            None => None,
        };
        if let Some(n) = number_cell {
            if let Some(k) = self.by_key(n) {
                return Ok(k);
            }
            if let Some(pi) = plan_ix {
                let found = self.by_number.get(&(pi, number(n)));
                let found = found.filter(|v| !v.is_empty()).cloned().or_else(|| {
                    // A task id (`18`) rather than its printed number.
                    self.by_key
                        .get(&format!("{}/{}", self.plan_id(pi), n.trim()))
                        .map(|&i| vec![i])
                });
                match found.as_deref() {
                    Some([i]) => return Ok(&self.tasks[*i]),
                    Some(many) if many.len() > 1 => {
                        return Err(Miss {
                            message: format!(
                                "plan {} has {} tasks numbered {:?}: {}",
                                self.plan_label(pi),
                                many.len(),
                                n.trim(),
                                self.list(many)
                            ),
                            help: "add the task's text, or use the form's key column".into(),
                        })
                    }
                    _ if text.is_none() => {
                        return Err(Miss {
                            message: format!(
                                "plan {} has no task numbered {:?}",
                                self.plan_label(pi),
                                n.trim()
                            ),
                            help: "write the task number as the plan prints it (see the plan's page), or the task's exact text".into(),
                        })
                    }
                    _ => {}
                }
            }
        }
        let Some(t) = text.or(if plan_ix.is_none() { number_cell } else { None }) else {
            return Err(Miss {
                message: "the row names no task".into(),
                help: "fill in the plan and task number, or the task's text as printed".into(),
            });
        };
        let mut hits: Vec<usize> = self.by_text.get(&fold(t)).cloned().unwrap_or_default();
        if let Some(pi) = plan_ix {
            hits.retain(|&i| self.tasks[i].at.plan == pi);
        }
        match hits.as_slice() {
            [i] => Ok(&self.tasks[*i]),
            [] => {
                let same_number = number_cell
                    .and_then(|n| self.any_number.get(&number(n)))
                    .map(|v| self.list(v));
                Err(Miss {
                    message: format!("no task has the text {:?}", cut(t)),
                    help: match same_number {
                        Some(c) => format!("copy the task's text exactly as printed; tasks with this number: {c}"),
                        None => "copy the task's text exactly as the plan prints it, or give the plan and task number".into(),
                    },
                })
            }
            many => Err(Miss {
                message: format!(
                    "{} tasks have the text {:?}: {}",
                    many.len(),
                    cut(t),
                    self.list(many)
                ),
                help: "add the plan and task number to tell them apart".into(),
            }),
        }
    }

    fn plan_id(&self, pi: usize) -> &str {
        self.plan_names.get(pi).map_or("", |p| p.0.as_str())
    }

    fn plan_label(&self, pi: usize) -> &str {
        self.plan_names.get(pi).map_or("", |p| p.1.as_str())
    }
}
