//! `task add|done|list|show|edit|void`: the tasks assigned to
//! units, and whether they were done by their deadline.

use chrono::NaiveDate;

use super::days_late;
use crate::Ctx;
use crate::cli::{TaskAddArgs, TaskCommand, TaskEditArgs, TaskListArgs};
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::render::{Column, Format, Record, Table, Value};
use crate::store::tasks::{self, NewTask, TaskFilter, TaskRow, TaskState};
use crate::store::{Access, history, units};
use crate::view::{history_table, state_value};

pub fn run(ctx: &mut Ctx<'_>, command: TaskCommand) -> Result<()> {
    match command {
        TaskCommand::Add(args) => add(ctx, args),
        TaskCommand::Done { id, on } => done(ctx, &id, on.as_deref()),
        TaskCommand::List(args) => list(ctx, args),
        TaskCommand::Show { id } => show(ctx, &id),
        TaskCommand::Edit(args) => edit(ctx, args),
        TaskCommand::Void { id, reason } => void(ctx, &id, &reason),
    }
}

/// Whether the output is read by people rather than scripts.
fn for_people(ctx: &Ctx<'_>) -> bool {
    matches!(ctx.format, Format::Table | Format::Md | Format::Html)
}

/// The columns of `task list` and `task show`: those of `tasks_v` and the
/// export less the stamps, then where the task stands.
const TASK_COLUMNS: [&str; 17] = [
    "uid",
    "number",
    "unit_code",
    "unit_name",
    "text",
    "source",
    "assigned_on",
    "due_on",
    "done_on",
    "note",
    "created_by",
    "voided_at",
    "void_reason",
    "state",
    "days_late",
    "working_days_late",
    "times_found_unfinished",
];

/// A task's fields and where it stands at the end of `day`: how late it was
/// done, or how late it is.
fn task_values(ctx: &Ctx<'_>, task: &TaskRow, day: NaiveDate) -> Vec<Value> {
    let date = |d: Option<NaiveDate>| d.map_or(Value::Null, Value::Date);
    let state = task.state_on(day);
    let late = match state {
        TaskState::DoneLate => task
            .fields
            .done_on
            .and_then(|done| days_late(ctx, task.unit_week, task.fields.due_on, done)),
        TaskState::Overdue => days_late(ctx, task.unit_week, task.fields.due_on, day),
        _ => None,
    };
    vec![
        task.uid.as_str().into(),
        task.id.into(),
        task.unit_code.as_str().into(),
        task.unit_name.as_str().into(),
        task.fields.text.as_str().into(),
        task.fields.source.clone().into(),
        date(task.fields.assigned_on),
        Value::Date(task.fields.due_on),
        date(task.fields.done_on),
        task.fields.note.clone().into(),
        task.created_by.as_str().into(),
        task.voided_at.clone().into(),
        task.void_reason.clone().into(),
        state_value(state.as_str(), for_people(ctx)),
        late.map(|(days, _)| days).into(),
        late.map(|(_, working)| working).into(),
        task.times_found_unfinished.into(),
    ]
}

fn task_record(ctx: &Ctx<'_>, task: &TaskRow) -> Record {
    let mut record = Record::new();
    let values = task_values(ctx, task, ctx.clock.today());
    for (key, value) in TASK_COLUMNS.iter().zip(values) {
        record.field(Column::new(key), value);
    }
    record
}

fn add(ctx: &mut Ctx<'_>, args: TaskAddArgs) -> Result<()> {
    let today = ctx.clock.today();
    let due = input::parse_date(&args.due, today)?;
    let assigned = args
        .assigned
        .as_deref()
        .map(|d| input::parse_date(d, today))
        .transpose()?;
    let task_text = input::typed_text("TEXT", TextKind::Free, Some(args.text))?
        .ok_or_else(|| Error::input(t!("store-task-text-empty")))?;
    let source = input::typed_text("--source", TextKind::Line, args.source)?;
    let note = input::typed_text("--note", TextKind::Free, args.note)?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let task = store.write(|tx| {
        let unit = units::resolve(tx, &args.unit)?;
        let task = NewTask {
            unit_id: unit.id,
            text: task_text,
            source,
            assigned_on: assigned,
            due_on: due,
            done_on: None,
            note,
        };
        tasks::insert(tx, &task, &author)
    })?;
    let line = t!(
        "task-added",
        id = task.id,
        unit = task.unit_name.as_str(),
        text = task.fields.text.as_str(),
        due = task.fields.due_on.format("%d/%m/%Y").to_string()
    );
    ctx.logged(&line, &task_record(ctx, &task))
}

fn done(ctx: &mut Ctx<'_>, typed: &str, on: Option<&str>) -> Result<()> {
    let today = ctx.clock.today();
    let on = on.map(|d| input::parse_date(d, today)).transpose()?;
    let day = on.unwrap_or(today);
    let mut store = ctx.open(Access::Write)?;
    let current = tasks::find(store.conn(), typed)?;
    if current.voided_at.is_some() {
        return Err(Error::input(t!("task-void-not-editable", id = current.id)));
    }
    if let Some(done) = current.fields.done_on {
        return Err(Error::input(t!(
            "task-already-done",
            id = current.id,
            done = done.format("%d/%m/%Y").to_string()
        )));
    }
    let author = ctx.author();
    let changed = NewTask {
        done_on: Some(day),
        ..current.fields.clone()
    };
    let task = store
        .write(|tx| tasks::update_from(tx, current.id, &changed, None, None, &author))?
        .expect("the day it was done is new");
    let line = match days_late(ctx, task.unit_week, task.fields.due_on, day) {
        None => t!(
            "task-done-on-time",
            id = task.id,
            unit = task.unit_name.as_str(),
            done = day.format("%d/%m/%Y").to_string()
        ),
        Some((days, working)) => t!(
            "task-done-late",
            id = task.id,
            unit = task.unit_name.as_str(),
            done = day.format("%d/%m/%Y").to_string(),
            days = days,
            working = working
        ),
    };
    ctx.logged(&line, &task_record(ctx, &task))
}

fn list(ctx: &mut Ctx<'_>, args: TaskListArgs) -> Result<()> {
    let today = ctx.clock.today();
    let store = ctx.open(Access::Read)?;
    let unit_id = match &args.unit {
        Some(unit) => Some(units::resolve(store.conn(), unit)?.id),
        None => None,
    };
    let filter = TaskFilter {
        unit_id,
        undone_on: (args.open || args.overdue).then_some(today),
        due_before: args.overdue.then_some(today),
        assigned_by: None,
        include_void: args.include_void,
    };
    let rows = tasks::list(store.conn(), &filter)?;
    match ctx.format {
        Format::Csv | Format::Json => {
            let mut table = Table::new(TASK_COLUMNS.iter().map(|k| Column::new(k)).collect());
            for task in &rows {
                table.push(task_values(ctx, task, today));
            }
            ctx.table(&table)
        }
        Format::Table | Format::Md | Format::Html => {
            if rows.is_empty() && ctx.format == Format::Table {
                return ctx.note(&t!("task-none"));
            }
            ctx.table(&tasks_brief(ctx, &rows, today))
        }
    }
}

/// The compact view of tasks people read in a terminal, as they stand at the
/// end of `day`.
fn tasks_brief(ctx: &Ctx<'_>, rows: &[TaskRow], day: NaiveDate) -> Table {
    let mut table = Table::new(vec![
        Column::titled("number", &t!("head-no")),
        Column::titled("unit", &t!("head-unit")),
        Column::titled("task", &t!("head-task")),
        Column::titled("source", &t!("head-task-source")),
        Column::titled("due", &t!("head-due")),
        Column::titled("done", &t!("head-done")),
        Column::titled("state", &t!("head-state")),
        Column::titled("late", &t!("head-days-late")),
        Column::titled("found", &t!("head-found-unfinished")),
    ]);
    for task in rows {
        let values = task_values(ctx, task, day);
        let late = match (task.state_on(day), &values[14], &values[15]) {
            (TaskState::Overdue | TaskState::DoneLate, Value::Int(days), Value::Int(working)) => {
                Value::from(t!("task-days-late", days = *days, working = *working))
            }
            _ => Value::Null,
        };
        table.push(vec![
            task.id.into(),
            task.unit_code.as_str().into(),
            task.fields.text.as_str().into(),
            task.fields.source.clone().into(),
            Value::Date(task.fields.due_on),
            task.fields
                .done_on
                .filter(|done| *done <= day)
                .map_or(Value::Null, Value::Date),
            state_value(task.state_on(day).as_str(), true),
            late,
            task.times_found_unfinished.into(),
        ]);
    }
    table
}

fn show(ctx: &mut Ctx<'_>, typed: &str) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let task = tasks::find(store.conn(), typed)?;
    ctx.record(&task_record(ctx, &task))?;
    if matches!(ctx.format, Format::Table | Format::Md | Format::Html) {
        let entries = history::entries(store.conn(), Some((history::Entity::Task, task.id)))?;
        ctx.table(&history_table(
            &store,
            &entries,
            ctx.for_people().then_some(&ctx.clock),
        )?)?;
    }
    Ok(())
}

fn edit(ctx: &mut Ctx<'_>, args: TaskEditArgs) -> Result<()> {
    let today = ctx.clock.today();
    // An empty value clears a field that may be empty.
    let date = |typed: &Option<String>| -> Result<Option<Option<NaiveDate>>> {
        match typed.as_deref().map(str::trim) {
            None => Ok(None),
            Some("") => Ok(Some(None)),
            Some(d) => input::parse_date(d, today).map(|d| Some(Some(d))),
        }
    };
    let due = match args.due.as_deref() {
        Some(d) => Some(input::parse_date(d, today)?),
        None => None,
    };
    let assigned = date(&args.assigned)?;
    let done = match args.done.as_deref() {
        Some(d) => Some(Some(input::parse_date(d, today)?)),
        None if args.not_done => Some(None),
        None => None,
    };
    let mut store = ctx.open(Access::Write)?;
    let current = tasks::find(store.conn(), &args.id)?;
    if current.voided_at.is_some() {
        return Err(Error::input(t!("task-void-not-editable", id = current.id)));
    }
    let mut task = current.fields.clone();
    if let Some(new_text) = args.text {
        task.text = input::typed_text("--text", TextKind::Free, Some(new_text))?
            .ok_or_else(|| Error::input(t!("store-task-text-empty")))?;
    }
    if args.source.is_some() {
        task.source = input::typed_text("--source", TextKind::Line, args.source)?;
    }
    if args.note.is_some() {
        task.note = input::typed_text("--note", TextKind::Free, args.note)?;
    }
    task.due_on = due.unwrap_or(task.due_on);
    task.assigned_on = assigned.unwrap_or(task.assigned_on);
    task.done_on = done.unwrap_or(task.done_on);
    let reason = input::typed_text("--reason", TextKind::Free, args.reason)?;
    let author = ctx.author();
    let changed = store
        .write(|tx| tasks::update_from(tx, current.id, &task, reason.as_deref(), None, &author))?;
    match changed {
        Some(row) => {
            let line = t!(
                "task-edited",
                id = row.id,
                changes = crate::render::record_changes(
                    &task_record(ctx, &current),
                    &task_record(ctx, &row),
                    &["updated_at"],
                )
                .join("; ")
            );
            ctx.logged(&line, &task_record(ctx, &row))
        }
        None => ctx.logged(
            &t!("task-unchanged", id = current.id),
            &task_record(ctx, &current),
        ),
    }
}

fn void(ctx: &mut Ctx<'_>, typed: &str, reason: &str) -> Result<()> {
    let reason = input::typed_text("--reason", TextKind::Free, Some(reason.to_string()))?
        .ok_or_else(|| Error::usage(t!("records-void-needs-reason")))?;
    let mut store = ctx.open(Access::Write)?;
    let current = tasks::find(store.conn(), typed)?;
    let author = ctx.author();
    let task = store.write(|tx| tasks::void_from(tx, current.id, &reason, &author.at, &author))?;
    let line = t!(
        "task-voided",
        id = task.id,
        unit = task.unit_name.as_str(),
        text = task.fields.text.as_str(),
        reason = reason.as_str()
    );
    ctx.logged(&line, &task_record(ctx, &task))
}
