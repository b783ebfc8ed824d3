//! Shared presentation of findings, tasks and the edit history: the tables
//! and records several commands show, built once so that `list`, `status`,
//! a report's appendix and the one line after a write agree.

use chrono::NaiveTime;
use serde_json::Value as Json;

use crate::error::Result;
use crate::render::{Column, Record, Table, Value};
use crate::store::records::FINDING_COLUMNS;
use crate::store::{FindingRow, Store, history};

/// A short description of what was found, for one-line messages and tables.
pub(crate) fn finding_detail(row: &FindingRow) -> String {
    use crate::model::FindingKind;
    let f = &row.fields;
    let time = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    match f.kind {
        FindingKind::Late => {
            let minutes = f.minutes_late.unwrap_or(0);
            match (time(f.arrived_at), time(f.expected_at)) {
                (Some(arrived), Some(expected)) => t!(
                    "detail-late-at",
                    minutes = minutes,
                    arrived = arrived,
                    expected = expected
                ),
                _ => t!("detail-late", minutes = minutes),
            }
        }
        FindingKind::Absent => {
            let what = match &f.meeting {
                Some(meeting) => t!("detail-meeting", meeting = meeting.as_str()),
                None => t!("detail-work-day"),
            };
            match f.excuse {
                Some(excuse) => t!(
                    "detail-excused",
                    what = what,
                    excuse = crate::i18n::message(excuse.name_key(), None),
                    given = if f.description.is_some() { "yes" } else { "no" },
                    reason = f.description.as_deref().unwrap_or("")
                ),
                None => what,
            }
        }
        FindingKind::Early => {
            let minutes = f.minutes_early.unwrap_or(0);
            match (time(f.left_at), time(f.expected_at)) {
                (Some(left), Some(end)) => {
                    t!("detail-early-at", minutes = minutes, left = left, end = end)
                }
                _ => t!("detail-early", minutes = minutes),
            }
        }
        FindingKind::Overdue => {
            let file = f.file_ref.as_deref().unwrap_or("?");
            let days = f.days_overdue.unwrap_or(0);
            let working = f.working_days_overdue.unwrap_or(0);
            match &f.procedure {
                Some(procedure) => t!(
                    "detail-overdue-procedure",
                    file = file,
                    days = days,
                    working = working,
                    procedure = procedure.as_str()
                ),
                None => t!(
                    "detail-overdue",
                    file = file,
                    days = days,
                    working = working
                ),
            }
        }
        FindingKind::Other => {
            let description = f.description.as_deref().unwrap_or("");
            match &f.category {
                Some(category) => t!(
                    "detail-other-category",
                    description = description,
                    category = crate::render::term(category)
                ),
                None => t!("detail-other", description = description),
            }
        }
        FindingKind::Task => t!(
            "detail-task",
            task = f.task_id.unwrap_or(0),
            text = f.description.as_deref().unwrap_or(""),
            days = f.days_overdue.unwrap_or(0),
            working = f.working_days_overdue.unwrap_or(0)
        ),
    }
}

fn date_value(date: Option<chrono::NaiveDate>) -> Value {
    date.map_or(Value::Null, Value::Date)
}

fn time_value(time: Option<NaiveTime>) -> Value {
    time.map(|t| t.format("%H:%M").to_string()).into()
}

/// A finding's fields in the order of [`FINDING_COLUMNS`].
fn finding_values(row: &FindingRow) -> [Value; FINDING_COLUMNS.len()] {
    let f = &row.fields;
    let named = |word: Option<(&'static str, &'static str)>| {
        word.map_or(Value::Null, |(word, key)| Value::Named(word, key))
    };
    [
        row.uid.as_str().into(),
        row.id.into(),
        row.unit_code.as_str().into(),
        row.unit_name.as_str().into(),
        row.visit_uid.as_str().into(),
        Value::Stamp(row.visit_started_at),
        Value::Term(f.kind.as_str()),
        row.person.clone().into(),
        row.position.clone().into(),
        time_value(f.arrived_at),
        time_value(f.expected_at),
        f.minutes_late.into(),
        f.meeting.clone().into(),
        f.file_ref.clone().into(),
        f.procedure.clone().into(),
        date_value(f.received_on),
        date_value(f.due_on),
        date_value(f.returned_on),
        f.days_overdue.into(),
        f.working_days_overdue.into(),
        match f.category.as_deref().and_then(crate::model::named_category) {
            Some(key) => Value::Term(key),
            None => f.category.clone().into(),
        },
        f.description.clone().into(),
        f.action.map_or(Value::Null, |a| Value::Term(a.as_str())),
        f.note.clone().into(),
        row.logged_by.as_str().into(),
        Value::moment(&row.logged_at),
        row.voided_at.as_deref().map_or(Value::Null, Value::moment),
        row.void_reason.clone().into(),
        row.task_uid.clone().into(),
        row.person_uid.clone().into(),
        named(f.excuse.map(|e| (e.as_str(), e.name_key()))),
        time_value(f.left_at),
        f.minutes_early.into(),
        date_value(f.apology_on),
        date_value(f.new_due_on),
        f.delay_cause.clone().into(),
        named(f.delay_stage.map(|s| (s.as_str(), s.name_key()))),
        f.responsible.clone().into(),
        named(f.channel.map(|c| (c.as_str(), c.name_key()))),
        named(f.decision.form.map(|d| (d.as_str(), d.name_key()))),
        f.decision.reference.clone().into(),
        date_value(f.decision.decided_on),
        f.decision.decided_by.clone().into(),
        f.decision.complex.then_some(1i64).into(),
    ]
}

/// Every field of a finding, as `show` and `--format json` give it.
pub(crate) fn finding_record(row: &FindingRow) -> Record {
    let mut record = Record::new();
    for (key, value) in FINDING_COLUMNS.iter().zip(finding_values(row)) {
        record.field(Column::new(key), value);
    }
    record
}

/// Findings with every field, for csv and json.
pub(crate) fn findings_table(rows: &[FindingRow]) -> Table {
    let mut table = Table::new(finding_columns());
    for row in rows {
        table.push(finding_row(row));
    }
    table
}

/// The columns of [`findings_table`], for findings written as they are read.
pub(crate) fn finding_columns() -> Vec<Column> {
    FINDING_COLUMNS.iter().map(|k| Column::new(k)).collect()
}

/// A finding as a row of [`findings_table`].
pub(crate) fn finding_row(row: &FindingRow) -> Vec<Value> {
    finding_values(row).into()
}

/// The compact view people read in a terminal.
pub(crate) fn findings_brief(rows: &[FindingRow], with_void: bool) -> Table {
    let mut columns = vec![
        Column::titled("number", &t!("head-no")),
        Column::titled("date", &t!("head-date")),
        Column::titled("unit", &t!("head-unit")),
        Column::titled("kind", &t!("head-kind")),
        Column::titled("person", &t!("head-person")),
        Column::titled("detail", &t!("head-detail")),
        Column::titled("action", &t!("head-action")),
    ];
    if with_void {
        columns.push(Column::titled("void", &t!("head-void")));
    }
    let mut table = Table::new(columns);
    for row in rows {
        let mut cells: Vec<Value> = vec![
            row.id.into(),
            row.visit_started_at.format("%d/%m/%Y").to_string().into(),
            row.unit_code.as_str().into(),
            Value::Term(row.fields.kind.as_str()),
            row.person.clone().into(),
            finding_detail(row).into(),
            row.fields
                .action
                .map_or(Value::Null, |a| Value::Term(a.as_str())),
        ];
        if with_void {
            cells.push(row.void_reason.clone().into());
        }
        table.push(cells);
    }
    table
}

/// "field: before → after" for each field that differs.
pub(crate) fn changes(before: &Json, after: &Json, for_people: bool) -> Vec<String> {
    let empty = serde_json::Map::new();
    let before = before.as_object().unwrap_or(&empty);
    let after = after.as_object().unwrap_or(&empty);
    let shown = |v: Option<&Json>| match v {
        None | Some(Json::Null) => "–".to_string(),
        // A day as the tables write it, for people.
        Some(Json::String(s)) if for_people => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_or_else(|_| s.clone(), crate::render::show_date),
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    // A field by its name in the reader's language, as the tables head it.
    let named = |key: &str| {
        if for_people {
            Column::new(key).header
        } else {
            key.to_string()
        }
    };
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        // A stamp is not a change; a person's uid changes with the name shown.
        .filter(|k| !matches!(k.as_str(), "updated_at" | "logged_at" | "person_uid"))
        .map(|k| {
            format!(
                "{}: {} → {}",
                named(k),
                shown(before.get(k)),
                shown(after.get(k))
            )
        })
        .collect()
}

/// History entries as people read them: references named, changes spelt out.
pub(crate) fn history_table(
    store: &Store,
    entries: &[history::HistoryEntry],
    // People read local times and words of their language; scripts, in
    // CSV and JSON, the UTC stamps and English words the history keeps.
    for_people: Option<&crate::clock::Clock>,
) -> Result<Table> {
    let mut table = Table::new(vec![
        Column::titled("seq", &t!("head-no")),
        Column::titled("at", &t!("head-at")),
        Column::titled("by", &t!("head-by")),
        Column::titled("action", &t!("head-action")),
        Column::titled("entity", &t!("head-record")),
        Column::titled("number", &t!("head-no-dot")),
        Column::titled("changes", &t!("head-changes")),
        Column::titled("reason", &t!("head-reason")),
    ]);
    for entry in entries {
        let readable = |json: &Option<Json>| -> Result<Json> {
            let mut json = json.clone().unwrap_or(Json::Null);
            if let Some(fields) = json.as_object_mut() {
                for (field, value) in fields.iter_mut() {
                    if let Some(uid) = value.as_str()
                        && let Some(label) = history::reference_label(store.conn(), field, uid)?
                    {
                        *value = Json::String(label);
                    }
                }
            }
            Ok(json)
        };
        // A new record has no before to compare with.
        let changes = match entry.action.as_str() {
            "insert" => Value::Term("created"),
            _ => changes(
                &readable(&entry.before)?,
                &readable(&entry.after)?,
                for_people.is_some(),
            )
            .join("; ")
            .into(),
        };
        // When it was done, in local time; a stamp that is not one stays as
        // it was written.
        let (at, action, entity) = match for_people {
            Some(clock) => (
                chrono::DateTime::parse_from_rfc3339(&entry.at).map_or_else(
                    |_| Value::Text(entry.at.clone()),
                    |at| Value::Stamp(clock.local(at.to_utc())),
                ),
                history_word(&entry.action),
                history_word(&entry.entity),
            ),
            None => (
                entry.at.as_str().into(),
                entry.action.as_str().into(),
                entry.entity.as_str().into(),
            ),
        };
        table.push(vec![
            entry.seq.into(),
            at,
            entry.by.as_str().into(),
            action,
            entity,
            entry.number.into(),
            changes,
            entry.reason.clone().into(),
        ]);
    }
    Ok(table)
}

/// An action or a kind of record of the history: the word scripts read,
/// and for people its name in the catalogue.
fn history_word(word: &str) -> Value {
    let (word, key) = match word {
        "insert" => ("insert", "history-action-insert"),
        "edit" => ("edit", "history-action-edit"),
        "void" => ("void", "history-action-void"),
        "merge" => ("merge", "history-action-merge"),
        "finding" => ("finding", "history-record-finding"),
        "visit" => ("visit", "history-record-visit"),
        "unit" => ("unit", "history-record-unit"),
        "person" => ("person", "history-record-person"),
        "plan" => ("plan", "history-record-plan"),
        "task" => ("task", "history-record-task"),
        _ => return Value::Text(word.to_string()),
    };
    Value::Named(word, key)
}

/// Where a task stands: the word scripts read in CSV and JSON, and in
/// tables the reader's word for a task in that state (`overdue` is said of
/// a task otherwise than of a citizen's file).
pub(crate) fn state_value(state: &'static str, for_people: bool) -> Value {
    if for_people {
        Value::Text(crate::render::term(&format!("task_{state}")))
    } else {
        Value::Term(state)
    }
}

/// A value a conflict holds, as a person reads it: another record by its
/// name or number, nothing as a dash.
pub(crate) fn conflict_value(store: &Store, field: &str, value: &Json) -> Result<String> {
    Ok(match value {
        Json::Null => "–".to_string(),
        Json::String(text) => {
            history::reference_label(store.conn(), field, text)?.unwrap_or_else(|| text.clone())
        }
        other => other.to_string(),
    })
}

/// The record a conflict is about, as a person reads it.
pub(crate) fn conflict_record(row: &crate::store::conflicts::ConflictRow) -> String {
    let records = crate::store::records::entity_name(row.records);
    match row.number {
        Some(number) => t!("conflicts-record", records = records, number = number),
        None => t!(
            "conflicts-record-gone",
            records = records,
            uid = row.uid.as_str()
        ),
    }
}

/// Conflicts as `conflicts` lists them.
pub(crate) fn conflicts_table(
    store: &Store,
    rows: &[crate::store::conflicts::ConflictRow],
    with_settled: bool,
) -> Result<Table> {
    let mut columns = vec![
        Column::titled("number", &t!("head-no-dot")),
        Column::titled("record", &t!("head-record")),
        Column::titled("field", &t!("head-field")),
        Column::titled("mine", &t!("head-mine")),
        Column::titled("mine_by", &t!("head-mine-by")),
        Column::titled("mine_at", &t!("head-mine-at")),
        Column::titled("theirs", &t!("head-theirs")),
        Column::titled("theirs_by", &t!("head-theirs-by")),
        Column::titled("theirs_at", &t!("head-theirs-at")),
        Column::titled("kept", &t!("head-kept")),
        Column::titled("source", &t!("head-source")),
    ];
    if with_settled {
        columns.push(Column::titled("settled", &t!("head-settled")));
    }
    let mut table = Table::new(columns);
    for row in rows {
        let mut cells: Vec<Value> = vec![
            row.id.into(),
            conflict_record(row).into(),
            row.field.as_str().into(),
            conflict_value(store, &row.field, &row.mine.value)?.into(),
            row.mine.by.clone().into(),
            row.mine.at.clone().into(),
            conflict_value(store, &row.field, &row.theirs.value)?.into(),
            row.theirs.by.clone().into(),
            row.theirs.at.clone().into(),
            row.kept.as_str().into(),
            row.source.as_str().into(),
        ];
        if with_settled {
            cells.push(match &row.settled {
                Some((value, _, _)) => conflict_value(store, &row.field, value)?.into(),
                None => Value::Null,
            });
        }
        table.push(cells);
    }
    Ok(table)
}

/// The disciplines proposed and not decided in time.
pub(crate) fn late_decisions_table(late: &[crate::report::LateDecision]) -> Table {
    let mut table = Table::new(vec![
        Column::titled("finding", &t!("head-no")),
        Column::titled("person", &t!("head-person")),
        Column::new("unit_code"),
        Column::titled("found_on", &t!("head-found-on")),
        Column::titled("due_on", &t!("head-decision-due")),
    ]);
    for l in late {
        table.push(vec![
            l.finding.into(),
            l.person.clone().into(),
            l.unit_code.as_str().into(),
            Value::day(&l.found_on),
            Value::day(&l.due_on),
        ]);
    }
    table
}
