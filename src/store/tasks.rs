//! Assigned tasks (nhiệm vụ được giao): work a unit was told to finish by a
//! date, and whether and when it did.

use chrono::NaiveDate;
use rusqlite::{Connection, Row, Transaction};

use super::history::{Entity, Snapshot};
use super::record::{Column, Record, column};
use super::{Author, Numbered, Origin, date_text, opt, req, resolve_typed, stored_date};
use crate::error::{Context, Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTask {
    pub unit_id: i64,
    pub text: String,
    /// The directive or instruction the task comes from.
    pub source: Option<String>,
    pub assigned_on: Option<NaiveDate>,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// An edit is the whole new set of fields; the history keeps both versions.
pub type TaskChange = NewTask;

#[derive(Debug, Clone)]
pub struct TaskRow {
    pub id: i64,
    pub uid: String,
    pub fields: NewTask,
    pub unit_code: String,
    pub unit_name: String,
    /// The unit's working week, in which its lateness is counted.
    pub unit_week: Option<crate::calendar::Week>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
    /// Kept findings that record it unfinished.
    pub times_found_unfinished: i64,
}

/// Where a task stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskState {
    /// Not done, and the deadline has not passed.
    Open,
    /// Not done, and the deadline has passed.
    Overdue,
    DoneOnTime,
    DoneLate,
    Void,
}

impl TaskState {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::Open => "open",
            TaskState::Overdue => "overdue",
            TaskState::DoneOnTime => "done",
            TaskState::DoneLate => "done_late",
            TaskState::Void => "void",
        }
    }
}

impl TaskRow {
    /// The task's state at the end of `day`: a task done after that day
    /// was still undone then.
    pub fn state_on(&self, day: NaiveDate) -> TaskState {
        let task = &self.fields;
        if self.voided_at.is_some() {
            return TaskState::Void;
        }
        match task.done_on.filter(|done| *done <= day) {
            Some(done) if done <= task.due_on => TaskState::DoneOnTime,
            Some(_) => TaskState::DoneLate,
            None if day > task.due_on => TaskState::Overdue,
            None => TaskState::Open,
        }
    }
}

const SELECT: &str = "SELECT t.*, u.code AS unit_code, u.name AS unit_name, u.week AS unit_week,
        (SELECT count(*) FROM findings f WHERE f.task_id = t.id AND f.voided_at IS NULL)
            AS times_found_unfinished
    FROM tasks t JOIN units u ON u.id = t.unit_id";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', t.uid, 'unit', u.uid, 'text', t.text, 'source', t.source,
        'assigned_on', t.assigned_on, 'due_on', t.due_on, 'done_on', t.done_on, 'note', t.note,
        'created_by', t.created_by, 'voided_at', t.voided_at, 'void_reason', t.void_reason,
        'created_at', t.created_at, 'updated_at', t.updated_at)",
    from: "tasks t JOIN units u ON u.id = t.unit_id",
    alias: "t",
};

impl Record for TaskRow {
    type Fields = NewTask;

    const ENTITY: Entity = Entity::Task;
    const TABLE: &'static str = "tasks";
    const SELECT: &'static str = SELECT;
    const SNAPSHOT: &'static Snapshot = &SNAPSHOT;
    const ADDED: [&'static str; 2] = ["created_by", "created_at"];

    fn from_row(row: &Row<'_>) -> rusqlite::Result<TaskRow> {
        Ok(TaskRow {
            id: row.get("id")?,
            uid: row.get("uid")?,
            fields: NewTask {
                unit_id: row.get("unit_id")?,
                text: row.get("text")?,
                source: row.get("source")?,
                assigned_on: opt(row, "assigned_on", stored_date)?,
                due_on: req(row, "due_on", stored_date)?,
                done_on: opt(row, "done_on", stored_date)?,
                note: row.get("note")?,
            },
            unit_code: row.get("unit_code")?,
            unit_name: row.get("unit_name")?,
            unit_week: opt(row, "unit_week", super::units::stored_week)?,
            created_by: row.get("created_by")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
            voided_at: row.get("voided_at")?,
            void_reason: row.get("void_reason")?,
            times_found_unfinished: row.get("times_found_unfinished")?,
        })
    }

    fn columns(task: &NewTask) -> Vec<Column<'_>> {
        vec![
            column("unit_id", task.unit_id),
            column("text", &task.text),
            column("source", &task.source),
            column("assigned_on", task.assigned_on.map(date_text)),
            column("due_on", date_text(task.due_on)),
            column("done_on", task.done_on.map(date_text)),
            column("note", &task.note),
        ]
    }

    fn uid(&self) -> &str {
        &self.uid
    }

    fn fields(&self) -> &NewTask {
        &self.fields
    }

    /// Refuse dates that cannot be: a deadline before the task was given, or
    /// work done before it was given.
    fn check(task: &NewTask) -> Result<()> {
        if let Some(assigned) = task.assigned_on {
            if task.due_on < assigned {
                return Err(Error::input(t!(
                    "store-task-due-before-assigned",
                    due = task.due_on.format("%d/%m/%Y").to_string(),
                    assigned = assigned.format("%d/%m/%Y").to_string()
                )));
            }
            if let Some(done) = task.done_on.filter(|done| *done < assigned) {
                return Err(Error::input(t!(
                    "store-task-done-before-assigned",
                    done = done.format("%d/%m/%Y").to_string(),
                    assigned = assigned.format("%d/%m/%Y").to_string()
                )));
            }
        }
        if task.text.trim().is_empty() {
            return Err(Error::input(t!("store-task-text-empty")));
        }
        Ok(())
    }

    fn already_void(&self, id: i64) -> Option<Error> {
        let at = self.voided_at.as_deref()?;
        Some(Error::input(t!(
            "store-task-already-void",
            id = id,
            at = at,
            reason = self.void_reason.as_deref().unwrap_or("")
        )))
    }

    fn reading() -> String {
        t!("store-reading-task")
    }

    fn adding() -> String {
        t!("store-adding-task")
    }

    fn changing(id: i64) -> String {
        t!("store-changing-task", id = id)
    }

    fn voiding(id: i64) -> String {
        t!("store-changing-task", id = id)
    }
}

/// The task a person typed: its number or the start of its uid.
pub fn find(conn: &Connection, typed: &str) -> Result<TaskRow> {
    get(conn, resolve_typed(conn, Numbered::Task, typed)?)
}

pub fn get(conn: &Connection, id: i64) -> Result<TaskRow> {
    TaskRow::get(conn, id)
}

pub fn insert(tx: &Transaction<'_>, task: &NewTask, author: &Author) -> Result<TaskRow> {
    let id = insert_from(tx, task, &Origin::default(), author)?;
    get(tx, id)
}

/// Add a task as typed, or as another logbook or an export has it.
pub fn insert_from(
    tx: &Transaction<'_>,
    task: &NewTask,
    origin: &Origin,
    author: &Author,
) -> Result<i64> {
    TaskRow::insert_from(tx, task, origin, author)
}

/// Replace a task's fields; the edit history keeps the old version.
/// `None` when nothing changed.
pub fn update_from(
    tx: &Transaction<'_>,
    id: i64,
    task: &TaskChange,
    reason: Option<&str>,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<Option<TaskRow>> {
    TaskRow::update_from(tx, id, task, reason, updated_at, author)
}

/// Mark a task void: it stays in the logbook and its history, out of reports.
pub fn void_from(
    tx: &Transaction<'_>,
    id: i64,
    reason: &str,
    voided_at: &str,
    author: &Author,
) -> Result<TaskRow> {
    TaskRow::void_from(tx, id, reason, voided_at, author)
}

/// Which tasks to list.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    pub unit_id: Option<i64>,
    /// Only tasks not done (and not void) at the end of this day.
    pub undone_on: Option<NaiveDate>,
    /// Only tasks whose deadline is before this day.
    pub due_before: Option<NaiveDate>,
    /// Only tasks given on or before this day (or with no date given).
    pub assigned_by: Option<NaiveDate>,
    pub include_void: bool,
}

/// Tasks matching the filter, by unit code and deadline.
pub fn list(conn: &Connection, filter: &TaskFilter) -> Result<Vec<TaskRow>> {
    use rusqlite::types::Value;
    let mut conditions: Vec<&str> = Vec::new();
    let mut params: super::Params = Vec::new();
    if let Some(unit) = filter.unit_id {
        conditions.push("t.unit_id = :unit");
        params.push((":unit", Value::Integer(unit)));
    }
    if let Some(day) = filter.undone_on {
        conditions.push("(t.done_on IS NULL OR t.done_on > :undone_on)");
        params.push((":undone_on", Value::Text(date_text(day))));
    }
    if let Some(day) = filter.due_before {
        conditions.push("t.due_on < :due_before");
        params.push((":due_before", Value::Text(date_text(day))));
    }
    if let Some(day) = filter.assigned_by {
        conditions.push("(t.assigned_on IS NULL OR t.assigned_on <= :assigned_by)");
        params.push((":assigned_by", Value::Text(date_text(day))));
    }
    if !filter.include_void {
        conditions.push("t.voided_at IS NULL");
    }
    let filter_sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let context = || t!("store-listing-tasks");
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} {filter_sql} ORDER BY u.code, t.due_on, t.id"
        ))
        .with_context(context)?;
    let rows = stmt
        .query_map(super::named(&params).as_slice(), TaskRow::from_row)
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}
