//! Findings: what a visit found, with their derived figures stored beside
//! them so reports aggregate in SQL.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{Connection, Row, Transaction, named_params};

use super::history::{Entity, Snapshot};
use super::record::{Column, Record, column, fixed};
use super::visits::period_bounds;
use super::{
    Author, Numbered, Origin, Params, column_positions, date_text, named, opt, opt_at, req_at,
    resolve_typed, stored_date, stored_datetime, stored_time, time_text,
};
use crate::error::{Context, Error, Result};
use crate::fold::fold;
use crate::model::{
    Action, Channel, DelayStage, DisciplineForm, Excuse, FindingKind, FindingOrder, Period,
};
use crate::rules::Disagreement;

/// Everything a finding records, as typed by the inspector plus the figures
/// computed from it. Fields that do not apply to the kind stay `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFinding {
    pub visit_id: i64,
    pub kind: FindingKind,
    pub person_id: Option<i64>,
    pub arrived_at: Option<NaiveTime>,
    pub expected_at: Option<NaiveTime>,
    pub minutes_late: Option<i64>,
    pub meeting: Option<String>,
    pub file_ref: Option<String>,
    pub procedure: Option<String>,
    pub received_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub returned_on: Option<NaiveDate>,
    pub days_overdue: Option<i64>,
    pub working_days_overdue: Option<i64>,
    pub category: Option<String>,
    pub description: Option<String>,
    pub action: Option<Action>,
    pub note: Option<String>,
    /// The assigned task a `task` finding found unfinished.
    pub task_id: Option<i64>,
    pub excuse: Option<Excuse>,
    pub left_at: Option<NaiveTime>,
    pub minutes_early: Option<i64>,
    /// The day the apology for a late file was issued; `None`: none was.
    pub apology_on: Option<NaiveDate>,
    pub new_due_on: Option<NaiveDate>,
    pub delay_cause: Option<String>,
    pub delay_stage: Option<DelayStage>,
    /// The officer or agency the delay is put down to.
    pub responsible: Option<String>,
    pub channel: Option<Channel>,
    pub decision: Decision,
}

/// The outcome of a proposed discipline, as the decision records it. A day
/// without a form is a case closed without discipline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decision {
    pub form: Option<DisciplineForm>,
    pub reference: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub decided_by: Option<String>,
    /// A complex case, which the decree gives longer to decide.
    pub complex: bool,
}

impl NewFinding {
    pub fn new(visit_id: i64, kind: FindingKind) -> NewFinding {
        NewFinding {
            visit_id,
            kind,
            person_id: None,
            arrived_at: None,
            expected_at: None,
            minutes_late: None,
            meeting: None,
            file_ref: None,
            procedure: None,
            received_on: None,
            due_on: None,
            returned_on: None,
            days_overdue: None,
            working_days_overdue: None,
            category: None,
            description: None,
            action: None,
            note: None,
            task_id: None,
            excuse: None,
            left_at: None,
            minutes_early: None,
            apology_on: None,
            new_due_on: None,
            delay_cause: None,
            delay_stage: None,
            responsible: None,
            channel: None,
            decision: Decision::default(),
        }
    }
}

/// An edit is the whole new set of fields; the history keeps both versions.
pub type FindingChange = NewFinding;

/// A finding as it is read back, with its visit, unit and person.
#[derive(Debug, Clone)]
pub struct FindingRow {
    pub id: i64,
    pub uid: String,
    pub fields: NewFinding,
    pub visit_uid: String,
    pub visit_started_at: NaiveDateTime,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub person: Option<String>,
    pub position: Option<String>,
    pub logged_by: String,
    pub logged_at: String,
    pub updated_at: String,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
    pub task_uid: Option<String>,
    pub person_uid: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct FindingFilter {
    pub period: Option<Period>,
    pub unit_id: Option<i64>,
    pub kind: Option<FindingKind>,
    /// Part of a person's name, folded.
    pub person: Option<String>,
    /// Words to find among the words of the finding, as typed (see
    /// [`super::search::match_expression`]).
    pub search: Option<String>,
    pub include_void: bool,
    pub visit_id: Option<i64>,
    pub order: FindingOrder,
}

const SELECT: &str = "SELECT f.*, v.uid AS visit_uid, v.started_at AS visit_started_at,
        v.unit_id, u.code AS unit_code, u.name AS unit_name, p.name AS person, p.position,
        t.uid AS task_uid, p.uid AS person_uid
    FROM findings f
    JOIN visits v ON v.id = f.visit_id
    JOIN units u ON u.id = v.unit_id
    LEFT JOIN people p ON p.id = f.person_id
    LEFT JOIN tasks t ON t.id = f.task_id";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', f.uid, 'visit', v.uid, 'kind', f.kind,
        'person', p.uid, 'arrived_at', f.arrived_at, 'expected_at', f.expected_at,
        'minutes_late', f.minutes_late, 'meeting', f.meeting, 'file_ref', f.file_ref,
        'procedure', f.procedure, 'received_on', f.received_on, 'due_on', f.due_on,
        'returned_on', f.returned_on, 'days_overdue', f.days_overdue,
        'working_days_overdue', f.working_days_overdue, 'category', f.category,
        'description', f.description, 'action', f.action, 'note', f.note,
        'logged_by', f.logged_by, 'voided_at', f.voided_at, 'void_reason', f.void_reason,
        'task', t.uid, 'logged_at', f.logged_at, 'updated_at', f.updated_at,
        'excuse', f.excuse, 'left_at', f.left_at, 'minutes_early', f.minutes_early,
        'apology_on', f.apology_on, 'new_due_on', f.new_due_on, 'delay_cause', f.delay_cause,
        'delay_stage', f.delay_stage, 'responsible', f.responsible, 'channel', f.channel,
        'discipline_form', f.discipline_form, 'decision_ref', f.decision_ref,
        'decided_on', f.decided_on, 'decided_by', f.decided_by,
        'complex_case', f.complex_case)",
    from: "findings f JOIN visits v ON v.id = f.visit_id LEFT JOIN people p ON p.id = f.person_id
        LEFT JOIN tasks t ON t.id = f.task_id",
    alias: "f",
};

column_positions! {
    /// Where [`SELECT`]'s columns are, for reading many findings.
    FindingColumns {
        id,
        uid,
        visit_id,
        kind,
        person_id,
        arrived_at,
        expected_at,
        minutes_late,
        meeting,
        file_ref,
        procedure,
        received_on,
        due_on,
        returned_on,
        days_overdue,
        working_days_overdue,
        category,
        description,
        action,
        note,
        task_id,
        excuse,
        left_at,
        minutes_early,
        apology_on,
        new_due_on,
        delay_cause,
        delay_stage,
        responsible,
        channel,
        discipline_form,
        decision_ref,
        decided_on,
        decided_by,
        complex_case,
        visit_uid,
        visit_started_at,
        unit_id,
        unit_code,
        unit_name,
        person,
        position,
        logged_by,
        logged_at,
        updated_at,
        voided_at,
        void_reason,
        task_uid,
        person_uid,
    }
}

/// A finding from a row of [`SELECT`], its columns where `c` found them.
fn read(row: &Row<'_>, c: &FindingColumns) -> rusqlite::Result<FindingRow> {
    Ok(FindingRow {
        id: row.get(c.id)?,
        uid: row.get(c.uid)?,
        fields: NewFinding {
            visit_id: row.get(c.visit_id)?,
            kind: row.get(c.kind)?,
            person_id: row.get(c.person_id)?,
            arrived_at: opt_at(row, c.arrived_at, stored_time)?,
            expected_at: opt_at(row, c.expected_at, stored_time)?,
            minutes_late: row.get(c.minutes_late)?,
            meeting: row.get(c.meeting)?,
            file_ref: row.get(c.file_ref)?,
            procedure: row.get(c.procedure)?,
            received_on: opt_at(row, c.received_on, stored_date)?,
            due_on: opt_at(row, c.due_on, stored_date)?,
            returned_on: opt_at(row, c.returned_on, stored_date)?,
            days_overdue: row.get(c.days_overdue)?,
            working_days_overdue: row.get(c.working_days_overdue)?,
            category: row.get(c.category)?,
            description: row.get(c.description)?,
            action: row.get(c.action)?,
            note: row.get(c.note)?,
            task_id: row.get(c.task_id)?,
            excuse: row.get(c.excuse)?,
            left_at: opt_at(row, c.left_at, stored_time)?,
            minutes_early: row.get(c.minutes_early)?,
            apology_on: opt_at(row, c.apology_on, stored_date)?,
            new_due_on: opt_at(row, c.new_due_on, stored_date)?,
            delay_cause: row.get(c.delay_cause)?,
            delay_stage: row.get(c.delay_stage)?,
            responsible: row.get(c.responsible)?,
            channel: row.get(c.channel)?,
            decision: Decision {
                form: row.get(c.discipline_form)?,
                reference: row.get(c.decision_ref)?,
                decided_on: opt_at(row, c.decided_on, stored_date)?,
                decided_by: row.get(c.decided_by)?,
                complex: row.get::<_, Option<i64>>(c.complex_case)?.is_some(),
            },
        },
        visit_uid: row.get(c.visit_uid)?,
        visit_started_at: req_at(row, c.visit_started_at, stored_datetime)?,
        unit_id: row.get(c.unit_id)?,
        unit_code: row.get(c.unit_code)?,
        unit_name: row.get(c.unit_name)?,
        person: row.get(c.person)?,
        position: row.get(c.position)?,
        logged_by: row.get(c.logged_by)?,
        logged_at: row.get(c.logged_at)?,
        updated_at: row.get(c.updated_at)?,
        voided_at: row.get(c.voided_at)?,
        void_reason: row.get(c.void_reason)?,
        task_uid: row.get(c.task_uid)?,
        person_uid: row.get(c.person_uid)?,
    })
}

impl Record for FindingRow {
    type Fields = NewFinding;

    const ENTITY: Entity = Entity::Finding;
    const TABLE: &'static str = "findings";
    const SELECT: &'static str = SELECT;
    const SNAPSHOT: &'static Snapshot = &SNAPSHOT;
    const ADDED: [&'static str; 2] = ["logged_by", "logged_at"];

    fn from_row(row: &Row<'_>) -> rusqlite::Result<FindingRow> {
        read(row, &FindingColumns::of(row.as_ref())?)
    }

    fn columns(finding: &NewFinding) -> Vec<Column<'_>> {
        // A finding stays with the visit and kind it was logged as.
        vec![
            fixed("visit_id", finding.visit_id),
            fixed("kind", finding.kind),
            column("person_id", finding.person_id),
            column("arrived_at", finding.arrived_at.map(time_text)),
            column("expected_at", finding.expected_at.map(time_text)),
            column("minutes_late", finding.minutes_late),
            column("meeting", &finding.meeting),
            column("file_ref", &finding.file_ref),
            column("procedure", &finding.procedure),
            column("received_on", finding.received_on.map(date_text)),
            column("due_on", finding.due_on.map(date_text)),
            column("returned_on", finding.returned_on.map(date_text)),
            column("days_overdue", finding.days_overdue),
            column("working_days_overdue", finding.working_days_overdue),
            column("category", &finding.category),
            column("description", &finding.description),
            column("action", finding.action),
            column("note", &finding.note),
            column("task_id", finding.task_id),
            column("excuse", finding.excuse),
            column("left_at", finding.left_at.map(time_text)),
            column("minutes_early", finding.minutes_early),
            column("apology_on", finding.apology_on.map(date_text)),
            column("new_due_on", finding.new_due_on.map(date_text)),
            column("delay_cause", &finding.delay_cause),
            column("delay_stage", finding.delay_stage),
            column("responsible", &finding.responsible),
            column("channel", finding.channel),
            column("discipline_form", finding.decision.form),
            column("decision_ref", &finding.decision.reference),
            column("decided_on", finding.decision.decided_on.map(date_text)),
            column("decided_by", &finding.decision.decided_by),
            // NULL when not complex: see schema version 8.
            column("complex_case", finding.decision.complex.then_some(1)),
        ]
    }

    fn uid(&self) -> &str {
        &self.uid
    }

    fn fields(&self) -> &NewFinding {
        &self.fields
    }

    fn already_void(&self, id: i64) -> Option<Error> {
        let at = self.voided_at.as_deref()?;
        Some(Error::input(t!(
            "store-finding-already-void",
            id = id,
            at = at,
            reason = self.void_reason.as_deref().unwrap_or("")
        )))
    }

    fn reading() -> String {
        t!("store-reading-finding")
    }

    fn adding() -> String {
        t!("store-logging-finding")
    }

    fn changing(_id: i64) -> String {
        t!("store-changing-finding")
    }

    fn voiding(_id: i64) -> String {
        t!("store-voiding-finding")
    }
}

/// The finding a person typed: its number or the start of its uid.
pub fn find(conn: &Connection, typed: &str) -> Result<FindingRow> {
    get(conn, resolve_typed(conn, Numbered::Finding, typed)?)
}

pub fn get(conn: &Connection, id: i64) -> Result<FindingRow> {
    FindingRow::get(conn, id)
}

pub fn insert(tx: &Transaction<'_>, finding: &NewFinding, author: &Author) -> Result<FindingRow> {
    agrees(finding, None)?;
    let id = insert_from(tx, finding, &Origin::default(), author)?;
    get(tx, id)
}

/// Log a finding that another logbook or an export describes; its number.
pub fn insert_from(
    tx: &Transaction<'_>,
    finding: &NewFinding,
    origin: &Origin,
    author: &Author,
) -> Result<i64> {
    FindingRow::insert_from(tx, finding, origin, author)
}

/// Replace a finding's fields; the edit history keeps the old version.
/// Returns `None` when nothing changed.
pub fn update(
    tx: &Transaction<'_>,
    id: i64,
    finding: &FindingChange,
    reason: Option<&str>,
    author: &Author,
) -> Result<Option<FindingRow>> {
    // A finding that already contradicts itself (written by a release
    // before the rule, or behind spotcheck's back) does not stop a recount
    // from touching it; a write that would make one does.
    if crate::rules::finding_agrees(&get(tx, id)?.fields).is_ok() {
        agrees(finding, Some(id))?;
    }
    update_from(tx, id, finding, reason, None, author)
}

/// Replace a finding's fields with another logbook's or an export's version,
/// keeping that version's edit time when it has one.
pub fn update_from(
    tx: &Transaction<'_>,
    id: i64,
    finding: &FindingChange,
    reason: Option<&str>,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<Option<FindingRow>> {
    FindingRow::update_from(tx, id, finding, reason, updated_at, author)
}

/// The last guard of the writes a person makes here (logging, editing,
/// recounting): the finding's fields agree among themselves. Commands and
/// imports check first and say which flag or column to mend; this says
/// which finding and why. A merge applies another logbook's edits one
/// group of fields at a time, in the order they were made, so a step on
/// the way may not agree yet: it is not checked here.
pub fn agrees(finding: &NewFinding, number: Option<i64>) -> Result<()> {
    let Err(disagreement) = crate::rules::finding_agrees(finding) else {
        return Ok(());
    };
    let why = disagreement_text(disagreement);
    Err(Error::input(match number {
        Some(number) => t!("store-finding-disagrees", number = number, why = why),
        None => t!("store-new-finding-disagrees", why = why),
    }))
}

/// What is contradictory in a finding, in words that name no flag or column.
pub fn disagreement_text(disagreement: Disagreement) -> String {
    let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    match disagreement {
        Disagreement::FormWithoutDay => t!("store-disagree-form-without-day"),
        Disagreement::NewDueBeforeApology { apology, new_due } => t!(
            "store-disagree-new-due-before-apology",
            new_due = day(new_due),
            apology = day(apology)
        ),
        Disagreement::OtherExcuseWithoutReason => t!("store-disagree-other-excuse"),
        Disagreement::DecisionWithoutPerson => t!("store-disagree-decision-without-person"),
    }
}

/// Mark a finding void: it stays in the logbook and its history, out of reports.
pub fn void(tx: &Transaction<'_>, id: i64, reason: &str, author: &Author) -> Result<FindingRow> {
    void_from(tx, id, reason, &author.at, author)
}

/// Void a finding as another logbook or an export did, at the time it did.
pub fn void_from(
    tx: &Transaction<'_>,
    id: i64,
    reason: &str,
    voided_at: &str,
    author: &Author,
) -> Result<FindingRow> {
    FindingRow::void_from(tx, id, reason, voided_at, author)
}

/// An earlier kept finding of the visit that records the same as `row` in
/// every fact that tells findings apart (see [`same_facts`]): most likely
/// the same thing logged twice.
pub fn same_on_visit(conn: &Connection, row: &FindingRow) -> Result<Option<i64>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT * FROM findings
             WHERE visit_id = :visit AND kind = :kind AND voided_at IS NULL AND id < :id
             ORDER BY id",
        )
        .with_context(|| t!("store-looking-for-same-finding"))?;
    let earlier = stmt
        .query_map(
            named_params! {
                ":visit": row.fields.visit_id,
                ":kind": row.fields.kind,
                ":id": row.id,
            },
            |r| Ok((r.get::<_, i64>("id")?, earlier_fields(r)?)),
        )
        .with_context(|| t!("store-looking-for-same-finding"))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-looking-for-same-finding"))?;
    Ok(earlier
        .into_iter()
        .find(|(_, fields)| same_facts(fields, &row.fields))
        .map(|(id, _)| id))
}

/// The facts of a finding row that [`same_facts`] weighs.
fn earlier_fields(r: &Row<'_>) -> rusqlite::Result<NewFinding> {
    let mut fields = NewFinding::new(r.get("visit_id")?, r.get("kind")?);
    fields.person_id = r.get("person_id")?;
    fields.arrived_at = opt(r, "arrived_at", stored_time)?;
    fields.expected_at = opt(r, "expected_at", stored_time)?;
    fields.minutes_late = r.get("minutes_late")?;
    fields.meeting = r.get("meeting")?;
    fields.file_ref = r.get("file_ref")?;
    fields.category = r.get("category")?;
    fields.description = r.get("description")?;
    fields.task_id = r.get("task_id")?;
    fields.left_at = opt(r, "left_at", stored_time)?;
    fields.minutes_early = r.get("minutes_early")?;
    Ok(fields)
}

/// Whether two findings of one visit record the same thing. Each kind has
/// the facts that tell its findings apart: a person late at another time, or
/// absent from another meeting, is another finding; an overdue file is known
/// by its reference whoever holds it, a task by its number. A note or an
/// action typed about the same fact does not make it another one.
fn same_facts(earlier: &NewFinding, new: &NewFinding) -> bool {
    earlier.kind == new.kind
        && match new.kind {
            FindingKind::Late => {
                earlier.person_id == new.person_id
                    && earlier.arrived_at == new.arrived_at
                    && earlier.expected_at == new.expected_at
                    && earlier.minutes_late == new.minutes_late
            }
            FindingKind::Absent => {
                earlier.person_id == new.person_id && earlier.meeting == new.meeting
            }
            FindingKind::Early => {
                earlier.person_id == new.person_id
                    && earlier.left_at == new.left_at
                    && earlier.expected_at == new.expected_at
                    && earlier.minutes_early == new.minutes_early
            }
            FindingKind::Overdue => new.file_ref.is_some() && earlier.file_ref == new.file_ref,
            FindingKind::Task => new.task_id.is_some() && earlier.task_id == new.task_id,
            FindingKind::Other => {
                earlier.person_id == new.person_id
                    && earlier.category == new.category
                    && earlier.description == new.description
            }
        }
}

/// Findings matching the filter, in the order they happened.
pub fn list(conn: &Connection, filter: &FindingFilter) -> Result<Vec<FindingRow>> {
    let mut rows = Vec::new();
    each_listed(conn, filter, |row| {
        rows.push(row);
        Ok(())
    })?;
    Ok(rows)
}

/// The findings of [`list`], one at a time: a search of a common name in a
/// province's logbook finds tens of thousands, written as they are read.
pub fn each_listed(
    conn: &Connection,
    filter: &FindingFilter,
    mut work: impl FnMut(FindingRow) -> Result<()>,
) -> Result<()> {
    let context = || t!("store-listing-findings");
    let (sql, params) = list_statement(filter)?;
    let mut stmt = conn.prepare_cached(&sql).with_context(context)?;
    let columns = FindingColumns::of(&stmt).with_context(context)?;
    let mut rows = stmt
        .query(named(&params).as_slice())
        .with_context(context)?;
    while let Some(row) = rows.next().with_context(context)? {
        work(read(row, &columns).with_context(context)?)?;
    }
    Ok(())
}

/// Every finding, void ones included, one at a time in the order they
/// were added: a merge reads a logbook too large to hold in memory so.
pub fn each(conn: &Connection, mut work: impl FnMut(FindingRow) -> Result<()>) -> Result<()> {
    let context = || t!("store-listing-findings");
    let mut stmt = conn
        .prepare(&format!("{SELECT} ORDER BY f.id"))
        .with_context(context)?;
    let columns = FindingColumns::of(&stmt).with_context(context)?;
    let mut rows = stmt.query([]).with_context(context)?;
    while let Some(row) = rows.next().with_context(context)? {
        work(read(row, &columns).with_context(context)?)?;
    }
    Ok(())
}

/// How SQLite means to run `list` with this filter, one step a line.
#[cfg(test)]
pub(crate) fn list_plan(conn: &Connection, filter: &FindingFilter) -> Result<Vec<String>> {
    let (sql, params) = list_statement(filter)?;
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .with_context(|| t!("store-planning-a-list"))?;
    let steps = stmt
        .query_map(named(&params).as_slice(), |row| row.get(3))
        .with_context(|| t!("store-planning-a-list"))?;
    steps
        .collect::<rusqlite::Result<_>>()
        .with_context(|| t!("store-planning-a-list"))
}

/// The statement of `list` and its parameters.
fn list_statement(filter: &FindingFilter) -> Result<(String, Params)> {
    use rusqlite::types::Value;
    let order = match filter.order {
        FindingOrder::Date => "v.started_at, f.id",
        FindingOrder::Unit => "u.code, v.started_at, f.id",
        // The order the reports use: late, early, absent, overdue, other, task.
        FindingOrder::Kind => {
            "CASE f.kind WHEN 'late' THEN 1 WHEN 'early' THEN 2 WHEN 'absent' THEN 3
                 WHEN 'overdue' THEN 4 WHEN 'other' THEN 5 ELSE 6 END,
             v.started_at, f.id"
        }
    };
    // Only the filters given go into the statement: a catch-all such as
    // `(:unit IS NULL OR v.unit_id = :unit)` keeps SQLite from using an index.
    let mut conditions: Vec<&str> = Vec::new();
    let mut params: Params = Vec::new();
    if filter.period.is_some() {
        let (from, to) = period_bounds(filter.period.as_ref());
        conditions.push("v.started_at >= :from AND v.started_at < :to");
        params.push((":from", Value::Text(from)));
        params.push((":to", Value::Text(to)));
    }
    if let Some(unit) = filter.unit_id {
        conditions.push("v.unit_id = :unit");
        params.push((":unit", Value::Integer(unit)));
    }
    if let Some(visit) = filter.visit_id {
        conditions.push("f.visit_id = :visit");
        params.push((":visit", Value::Integer(visit)));
    }
    if let Some(kind) = filter.kind {
        conditions.push("f.kind = :kind");
        params.push((":kind", Value::Text(kind.as_str().into())));
    }
    if !filter.include_void {
        conditions.push("f.voided_at IS NULL");
    }
    if let Some(person) = &filter.person {
        conditions.push("instr(p.name_folded, :person) > 0");
        params.push((":person", Value::Text(fold(person))));
    }
    if let Some(search) = &filter.search {
        // The index finds the findings; their rows are then read by number.
        conditions
            .push("f.id IN (SELECT rowid FROM finding_search WHERE finding_search MATCH :search)");
        params.push((
            ":search",
            Value::Text(super::search::match_expression(search)?),
        ));
    }
    let filter_sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    Ok((format!("{SELECT} {filter_sql} ORDER BY {order}"), params))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DisciplineForm, UnitKind};
    use crate::store::{Store, units, visits};

    #[test]
    fn a_finding_whose_fields_contradict_each_other_is_never_written() {
        let mut store = Store::open_in_memory().unwrap();
        let author = Author {
            by: "Lê Thị Hoa".into(),
            at: "2026-05-10T00:35:00.000Z".into(),
        };
        let refused = store.write(|tx| {
            let unit = units::insert(
                tx,
                &units::NewUnit {
                    code: "tam-dai".into(),
                    name: "UBND xã Tam Đại".into(),
                    kind: UnitKind::Commune,
                    morning_start: None,
                    afternoon_start: None,
                    parent_id: None,
                    week: None,
                    follows_seasons: false,
                },
                &author,
            )?;
            let visit = visits::start(
                tx,
                &visits::NewVisit {
                    unit_id: unit.id,
                    started_at: NaiveDate::from_ymd_opt(2026, 5, 10)
                        .unwrap()
                        .and_hms_opt(7, 35, 0)
                        .unwrap(),
                    ended_at: None,
                    announced: false,
                    team: None,
                    on_roll: None,
                    present: None,
                    files_checked: None,
                    note: None,
                },
                &author,
            )?;
            let mut finding = NewFinding::new(visit.id, FindingKind::Late);
            finding.minutes_late = Some(10);
            let kept = insert(tx, &finding, &author)?;
            // A merge or a move writes through the same gate as a command.
            finding.decision.form = Some(DisciplineForm::Warning);
            let changed = update(tx, kept.id, &finding, None, &author).map(|_| ());
            let added = insert(tx, &finding, &author).map(|_| ());
            Ok((changed, added))
        });
        let (changed, added) = refused.unwrap();
        assert_eq!(
            changed.unwrap_err().to_string(),
            "finding #1 cannot be written so: it would have a form of discipline but no day of \
             decision, and a decision is taken on a day; nothing was changed"
        );
        assert_eq!(
            added.unwrap_err().to_string(),
            "the finding cannot be written so: it would have a form of discipline but no day of \
             decision, and a decision is taken on a day; nothing was changed"
        );
        let form: Option<String> = store
            .conn()
            .query_row("SELECT discipline_form FROM findings", [], |row| row.get(0))
            .unwrap();
        assert_eq!(form, None);
    }
}
