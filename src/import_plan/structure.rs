//! From a grid and its header to the shape of `tasks.yaml`: group rows
//! (`I`, `IV.1`, `A`, or one text merged across the row) nest into groups,
//! goal cells merged down become one goal shared by their rows, and every
//! other row is a task. Every grid row is accounted for in [`Rows`].

use super::codes::{code_style, declared, is_group_code, normalise_code};
use super::header::{is_column_numbers, Field, Header};
use super::outline;
use crate::model::deadline::DateOrder;
use crate::model::inference::InferenceKind;
use crate::tables::{Cell, Table};

/// The imported table, shaped like `tasks.yaml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// Heading printed above the table (`PHỤ LỤC`).
    pub appendix: Option<String>,
    /// Caption line above the table.
    pub caption: Option<String>,
    /// `(Ban hành kèm theo ...)` line.
    pub caption_note: Option<String>,
    /// Printed headings of the imported columns.
    pub columns: Vec<String>,
    /// Top-level groups.
    pub groups: Vec<Group>,
    /// What became of each grid row.
    pub rows: Rows,
    /// The order of the file's all-number dates, when decided.
    pub date_order: Option<DateOrder>,
    /// What was inferred about the table, for its `review` list.
    pub review: Vec<(InferenceKind, String)>,
}

/// A group row and what is under it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Group {
    /// Code as written in `tasks.yaml` (`IV.3`).
    pub code: String,
    /// The code as printed when it differs (`IV. 3`), or `None`; empty when
    /// no code was printed and one was given by position.
    pub printed_code: Option<String>,
    /// Title verbatim.
    pub title: Option<String>,
    /// Count declared in the title (`(07 nhiệm vụ)`).
    pub declared_tasks: Option<u32>,
    /// Other text in the group row.
    pub note: Option<String>,
    /// The appendix heading, when the group is one appendix of several.
    pub appendix: Option<String>,
    /// The appendix table's own printed headings.
    pub columns: Vec<String>,
    /// Goals and their rows.
    pub goals: Vec<Goal>,
    /// Rows without a goal.
    pub tasks: Vec<Task>,
    /// Sub-groups.
    pub groups: Vec<Group>,
    /// What was inferred about the group row, for its `review` list.
    pub review: Vec<(InferenceKind, String)>,
}

/// One goal cell and the rows it spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Goal {
    /// Goal text verbatim.
    pub goal: String,
    /// Its rows.
    pub tasks: Vec<Task>,
    /// Grid position of the goal cell (to tell merged regions apart).
    key: (usize, usize),
}

/// One task row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Task {
    /// Permalink id, for rows without a number or with a repeated one.
    pub id: Option<String>,
    /// The cells, by field (never `Goal`).
    pub cells: Vec<(Field, String)>,
    /// Grid row, for messages.
    pub row: usize,
    /// Which of the imported tables the row is in (0 for the first).
    pub part: usize,
    /// What was inferred about the row, for its `review` list.
    pub review: Vec<(InferenceKind, String)>,
}

impl Task {
    /// The cell of a field.
    pub fn get(&self, f: Field) -> Option<&str> {
        self.cells
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, v)| v.as_str())
    }
}

/// What became of the grid's rows; the parts add up to the row count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// Rows above the header (titles, captions).
    pub before_header: usize,
    /// Header rows.
    pub header: usize,
    /// Rows repeating the header (page breaks) or numbering the columns.
    pub repeated_header: usize,
    /// Rows with no text of their own.
    pub empty: usize,
    /// Group rows.
    pub groups: usize,
    /// Task rows.
    pub tasks: usize,
    /// Rows holding only a goal, for the rows under it.
    pub goals: usize,
    /// Rows with text only in columns that are not imported (grid row numbers).
    pub unmapped: Vec<usize>,
}

impl Rows {
    /// Adds another table's rows to these.
    pub fn add(&mut self, o: &Rows) {
        self.before_header += o.before_header;
        self.header += o.header;
        self.repeated_header += o.repeated_header;
        self.empty += o.empty;
        self.groups += o.groups;
        self.tasks += o.tasks;
        self.goals += o.goals;
        self.unmapped.extend(o.unmapped.iter().copied());
    }

    /// Sum of all parts.
    pub fn total(&self) -> usize {
        self.before_header
            + self.header
            + self.repeated_header
            + self.empty
            + self.groups
            + self.tasks
            + self.goals
            + self.unmapped.len()
    }
}

struct Node {
    group: Group,
    children: Vec<usize>,
}

struct Builder<'a> {
    table: &'a Table,
    header: &'a Header,
    nodes: Vec<Node>,
    roots: Vec<usize>,
    stack: Vec<usize>,
    /// Goal key of the last goal-bearing row in the current group.
    goal: Option<(usize, usize)>,
    /// Groups given a code by position, as no code was printed.
    uncoded: usize,
}

impl Builder<'_> {
    fn col(&self, f: Field) -> Option<usize> {
        self.header.column(f)
    }

    fn add_group(&mut self, mut group: Group) {
        if group.code.is_empty() {
            // No code printed: numbered by position.
            self.uncoded += 1;
            group.code = self.uncoded.to_string();
        }
        let code = group.code.clone();
        let style = code_style(&code);
        let id = self.nodes.len();
        self.nodes.push(Node {
            group,
            children: Vec::new(),
        });
        // A dotted code (`IV.1`) goes under the group it extends.
        let parent_code = code.rfind('.').map(|i| &code[..i]);
        let parent_pos = parent_code.and_then(|p| {
            self.stack
                .iter()
                .rposition(|&n| self.nodes[n].group.code == p)
        });
        let depth = match parent_pos {
            Some(p) => p + 1,
            None => self
                .stack
                .iter()
                .position(|&n| code_style(&self.nodes[n].group.code) == style)
                .unwrap_or(self.stack.len()),
        };
        self.stack.truncate(depth);
        match self.stack.last() {
            Some(&parent) => self.nodes[parent].children.push(id),
            None => self.roots.push(id),
        }
        self.stack.push(id);
        self.goal = None;
    }

    /// Before task row `r`: closes the outline groups (numbered `1`, `1.2`)
    /// its number does not extend, so `1.2` after `1.1.3` goes under `1`.
    fn close_outline(&mut self, r: usize) {
        let Some(c) = self.col(Field::Number) else {
            return;
        };
        let n = self.table.text_at(r, c);
        if !outline::is_outline(n) {
            return;
        }
        let n = outline::outline_code(n);
        while let Some(&top) = self.stack.last() {
            let g = &self.nodes[top].group;
            let printed = g.printed_code.as_deref() != Some("");
            if printed && outline::is_outline(&g.code) && !outline::extends(&n, &g.code) {
                self.stack.pop();
                self.goal = None;
            } else {
                break;
            }
        }
    }

    fn current(&mut self) -> usize {
        if let Some(&n) = self.stack.last() {
            return n;
        }
        // Rows before any group row: a group numbered by position.
        self.add_group(Group {
            printed_code: Some(String::new()),
            ..Group::default()
        });
        self.stack[0]
    }
}

/// Shapes the rows under `header` into groups, goals and tasks; `part`
/// numbers the table among those imported together. Row ids are given
/// afterwards, over every part ([`super::ids::assign_ids`]).
pub fn build(table: &Table, header: &Header, part: usize) -> Imported {
    let mut b = Builder {
        table,
        header,
        nodes: Vec::new(),
        roots: Vec::new(),
        stack: Vec::new(),
        goal: None,
        uncoded: 0,
    };
    let mut rows = Rows {
        before_header: header.first,
        header: header.rows,
        ..Rows::default()
    };
    let header_texts: Vec<&str> = (0..table.width())
        .map(|c| table.text_at(header.first, c))
        .collect();
    let first = header.first + header.rows;
    let extended = outline::extended_rows(table, header, first);
    let headings_stand_out = outline::rows_usually_have_owner_or_time(table, header, first);
    for r in first..table.rows.len() {
        // Regions starting in this row, with their text.
        let own: Vec<(usize, &str, usize)> = (0..table.width())
            .filter_map(|c| match &table.rows[r][c] {
                Cell::Text { text, cols, .. } if !text.is_empty() => {
                    Some((c, text.as_str(), *cols))
                }
                _ => None,
            })
            .collect();
        if own.is_empty() {
            rows.empty += 1;
            continue;
        }
        if is_column_numbers(table, r)
            || own
                .iter()
                .filter(|(c, t, _)| header.fields[*c].is_some() && header_texts[*c] == *t)
                .count()
                * 2
                > header.fields.iter().flatten().count()
        {
            rows.repeated_header += 1;
            continue;
        }
        if let Some(g) = group_row(&b, &own) {
            rows.groups += 1;
            b.add_group(g);
            continue;
        }
        if extended.contains(&r) {
            rows.groups += 1;
            let g = heading_group(&b, &own, None);
            b.add_group(g);
            continue;
        }
        if headings_stand_out && outline::lacks_substance(table, header, r) && !goal_row(&b, r) {
            rows.groups += 1;
            let why = format!(
                "{}: {:?} has no owner, no time and no output, so it was read as a heading of the rows under it, not as a task",
                table.locate(r, 0),
                crate::diagnostics::short(b.col(Field::Task).map_or("", |c| table.text_at(r, c)))
            );
            let g = heading_group(&b, &own, Some(why));
            b.add_group(g);
            continue;
        }
        b.close_outline(r);
        match task_row(&mut b, r, part) {
            RowKind::Task => rows.tasks += 1,
            RowKind::Goal => rows.goals += 1,
            RowKind::Unmapped => rows.unmapped.push(r),
        }
    }
    let mut imported = Imported {
        columns: (0..table.width())
            .filter(|&c| header.fields[c].is_some())
            .map(|c| header.headings[c].replace('\n', " "))
            .collect(),
        rows,
        ..Imported::default()
    };
    let roots = std::mem::take(&mut b.roots);
    let mut nodes: Vec<Option<Node>> = b.nodes.into_iter().map(Some).collect();
    imported.groups = roots
        .iter()
        .filter_map(|&i| assemble(&mut nodes, i))
        .collect();
    imported
}

fn assemble(nodes: &mut [Option<Node>], i: usize) -> Option<Group> {
    let node = nodes.get_mut(i)?.take()?;
    let mut g = node.group;
    g.groups = node
        .children
        .iter()
        .filter_map(|&c| assemble(nodes, c))
        .collect();
    Some(g)
}

fn group_row(b: &Builder, own: &[(usize, &str, usize)]) -> Option<Group> {
    let num_col = b.col(Field::Number);
    let num = num_col.and_then(|c| own.iter().find(|(oc, _, _)| *oc == c).map(|x| x.1));
    let others: Vec<&(usize, &str, usize)> =
        own.iter().filter(|(c, _, _)| Some(*c) != num_col).collect();
    let content = [
        Field::Output,
        Field::Lead,
        Field::Cooperate,
        Field::Start,
        Field::Deadline,
    ];
    let has_content = others
        .iter()
        .any(|(c, _, _)| b.header.fields[*c].is_some_and(|f| content.contains(&f)));
    let coded = num.is_some_and(is_group_code);
    let task_col = b.col(Field::Task);
    let merged_title = others.len() == 1
        && others[0].2 >= 2
        && task_col.is_some_and(|t| others[0].0 <= t && t < others[0].0 + others[0].2);
    if !(coded && !has_content || merged_title) {
        return None;
    }
    let (code, printed_code) = match num {
        Some(n) => {
            let code = normalise_code(n);
            let printed = (code != n.trim()).then(|| n.trim().to_string());
            (code, printed)
        }
        None => (String::new(), Some(String::new())),
    };
    let title = others.first().map(|x| x.1.to_string());
    let note = (others.len() > 1).then(|| {
        others[1..]
            .iter()
            .map(|x| x.1)
            .collect::<Vec<_>>()
            .join("\n")
    });
    Some(Group {
        declared_tasks: title.as_deref().and_then(declared),
        code,
        printed_code,
        title,
        note,
        ..Group::default()
    })
}

/// A row heading a block, as a group: its printed number (an outline
/// number, or none: numbered by position), its task words as title, its
/// other words as note; `why` when it is an inference to review.
fn heading_group(b: &Builder, own: &[(usize, &str, usize)], why: Option<String>) -> Group {
    let num_col = b.col(Field::Number);
    let task_col = b.col(Field::Task);
    let num = num_col.and_then(|c| own.iter().find(|(oc, _, _)| *oc == c).map(|x| x.1));
    let title = task_col.and_then(|c| {
        own.iter()
            .find(|(oc, _, _)| *oc == c)
            .map(|x| x.1.to_string())
    });
    let others: Vec<&str> = own
        .iter()
        .filter(|(c, _, _)| Some(*c) != num_col && Some(*c) != task_col)
        .map(|x| x.1)
        .collect();
    let (code, printed_code) = match num {
        Some(n) => {
            let code = outline::outline_code(n);
            let printed = (code != n.trim()).then(|| n.trim().to_string());
            (code, printed)
        }
        None => (String::new(), Some(String::new())),
    };
    Group {
        declared_tasks: title.as_deref().and_then(declared),
        code,
        printed_code,
        title,
        note: (!others.is_empty()).then(|| others.join("\n")),
        review: why
            .map(|w| vec![(InferenceKind::Heading, w)])
            .unwrap_or_default(),
        ..Group::default()
    }
}

/// True when row `r` holds a goal of its own (a goal printed on a row
/// for the rows under it), which the goal column handles.
fn goal_row(b: &Builder, r: usize) -> bool {
    b.col(Field::Goal)
        .is_some_and(|gc| b.table.origin_of(r, gc) == (r, gc) && !b.table.text_at(r, gc).is_empty())
}

fn task_row(b: &mut Builder, r: usize, part: usize) -> RowKind {
    let t = b.table;
    let goal_col = b.col(Field::Goal);
    let mut task = Task {
        row: r,
        part,
        ..Task::default()
    };
    for f in [
        Field::Number,
        Field::Task,
        Field::Output,
        Field::Lead,
        Field::Cooperate,
        Field::Start,
        Field::Deadline,
        Field::Note,
    ] {
        let Some(c) = b.col(f) else { continue };
        let (r0, c0) = t.origin_of(r, c);
        let value = if (r0, c0) == (r, c) {
            Some(t.text_at(r, c))
        } else if r0 == r {
            // Merged across from the left: the task text may span the goal column.
            (f == Field::Task && Some(c0) == goal_col).then(|| t.text_at(r, c))
        } else {
            // Merged down: a shared value applies to every row it spans,
            // except the number and the task text, which belong to the first.
            (!matches!(f, Field::Number | Field::Task)).then(|| t.text_at(r, c))
        };
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            task.cells.push((f, v.to_string()));
        }
    }
    // Which goal the row is under.
    let goal: Option<((usize, usize), String)> = goal_col.and_then(|gc| {
        let (r0, c0) = t.origin_of(r, gc);
        if c0 != gc {
            return None;
        }
        let spans_task = matches!(&t.rows[r0][c0], Cell::Text { cols, .. } if *cols > 1)
            && b.col(Field::Task)
                .is_some_and(|tc| t.origin_of(r, tc) == (r0, c0));
        if spans_task {
            return None;
        }
        let text = t.text_at(r, gc);
        if text.is_empty() {
            // An empty cell under a goal continues it (as spreadsheets
            // exported to CSV write merged cells).
            return b.goal.map(|k| (k, String::new()));
        }
        Some(((r0, c0), text.to_string()))
    });
    let empty = task.cells.is_empty();
    if empty && goal.as_ref().is_none_or(|(_, text)| text.is_empty()) {
        // Text only in columns that are not imported.
        return RowKind::Unmapped;
    }
    let node = b.current();
    let g = &mut b.nodes[node].group;
    match goal {
        Some((key, text)) => {
            b.goal = Some(key);
            let tasks = if empty { Vec::new() } else { vec![task] };
            match g.goals.last_mut() {
                Some(last) if last.key == key => last.tasks.extend(tasks),
                _ => g.goals.push(Goal {
                    goal: text,
                    tasks,
                    key,
                }),
            }
        }
        None => g.tasks.push(task),
    }
    if empty {
        RowKind::Goal
    } else {
        RowKind::Task
    }
}

/// What a row that is neither a header nor a group row turned out to be.
enum RowKind {
    /// A task.
    Task,
    /// A goal printed on a row of its own, for the rows under it.
    Goal,
    /// Text only in columns that are not imported.
    Unmapped,
}
