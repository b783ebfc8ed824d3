//! The kinds of record that travel between logbooks and spreadsheets: their
//! export columns, exports read straight from the contract views a row at a
//! time, and the lookups by uid that imports and merges make.

use std::borrow::Cow;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, named_params};

use super::visits::period_bounds;
use crate::error::{Context, Error, Result};
use crate::fold::fold;
use crate::model::{Datum, FindingKind, Period, Records};

/// The view an export reads, with the export's columns.
pub fn view(records: Records) -> &'static str {
    match records {
        Records::Findings => "findings_v",
        Records::Visits => "visits_v",
        Records::Units => "units_v",
        Records::People => "people_v",
        Records::Plans => "plans_v",
        Records::Tasks => "tasks_v",
    }
}

/// The table the records are kept in.
pub fn table(records: Records) -> &'static str {
    match records {
        Records::Findings => "findings",
        Records::Visits => "visits",
        Records::Units => "units",
        Records::People => "people",
        Records::Plans => "plans",
        Records::Tasks => "tasks",
    }
}

/// The columns of this kind's export and view, in order. Columns are
/// only ever added at the end.
pub fn columns(records: Records) -> &'static [&'static str] {
    match records {
        Records::Findings => &FINDING_COLUMNS,
        Records::Visits => &[
            "uid",
            "number",
            "unit_code",
            "unit_name",
            "started_at",
            "ended_at",
            "announced",
            "team",
            "on_roll",
            "present",
            "note",
            "created_by",
            "created_at",
            "updated_at",
            "voided_at",
            "void_reason",
            "files_checked",
        ],
        Records::Units => &[
            "uid",
            "number",
            "code",
            "name",
            "kind",
            "morning_start",
            "afternoon_start",
            "created_at",
            "updated_at",
            "retired_on",
            "merged_into_uid",
            "parent_uid",
            "week",
            "follows_seasons",
        ],
        Records::People => &[
            "uid",
            "number",
            "unit_code",
            "unit_name",
            "name",
            "position",
            "created_at",
            "updated_at",
            "retired_on",
            "alias_of_uid",
            "status",
        ],
        Records::Plans => &[
            "uid",
            "number",
            "unit_code",
            "unit_name",
            "visits",
            "per",
            "from_month",
            "to_month",
            "created_by",
            "created_at",
            "updated_at",
            "voided_at",
            "void_reason",
        ],
        Records::Tasks => &[
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
            "created_at",
            "updated_at",
            "voided_at",
            "void_reason",
        ],
    }
}

/// The columns of the findings export and `findings_v`.
pub const FINDING_COLUMNS: [&str; 44] = [
    "uid",
    "number",
    "unit_code",
    "unit_name",
    "visit_uid",
    "visit_started_at",
    "kind",
    "person",
    "position",
    "arrived_at",
    "expected_at",
    "minutes_late",
    "meeting",
    "file_ref",
    "procedure",
    "received_on",
    "due_on",
    "returned_on",
    "days_overdue",
    "working_days_overdue",
    "category",
    "description",
    "action",
    "note",
    "logged_by",
    "logged_at",
    "voided_at",
    "void_reason",
    "task_uid",
    "person_uid",
    "excuse",
    "left_at",
    "minutes_early",
    "apology_on",
    "new_due_on",
    "delay_cause",
    "delay_stage",
    "responsible",
    "channel",
    "discipline_form",
    "decision_ref",
    "decided_on",
    "decided_by",
    "complex_case",
];

/// Which records an export takes, as `list` selects them.
#[derive(Debug, Clone, Default)]
pub struct ExportFilter {
    pub period: Option<Period>,
    pub unit_code: Option<String>,
    pub kind: Option<FindingKind>,
    pub person: Option<String>,
    pub search: Option<String>,
}

/// Where exported rows go: the column names first, then each row.
pub trait RowSink {
    fn header(&mut self, columns: &[String]) -> Result<()>;
    /// One row, as wide as the header, borrowed from the row SQLite read.
    fn row(&mut self, cells: &[Datum<'_>]) -> Result<()>;
}

/// Stream a view's rows matching the filter into `sink`, in number order.
/// Returns how many rows went out.
pub fn export(
    conn: &Connection,
    records: Records,
    filter: &ExportFilter,
    sink: &mut dyn RowSink,
) -> Result<u64> {
    let (date_column, unit_column) = match records {
        Records::Findings => (Some("visit_started_at"), "unit_code"),
        Records::Visits => (Some("started_at"), "unit_code"),
        Records::Units => (None, "code"),
        Records::People => (None, "unit_code"),
        Records::Plans => (None, "unit_code"),
        Records::Tasks => (Some("due_on"), "unit_code"),
    };
    if date_column.is_none() && filter.period.is_some() {
        return Err(Error::usage(t!(
            "store-export-no-dates",
            records = records.as_str()
        )));
    }
    if records != Records::Findings
        && (filter.kind.is_some() || filter.person.is_some() || filter.search.is_some())
    {
        return Err(Error::usage(t!("store-export-findings-only")));
    }
    // Refused before anything is written: text with no word to look for.
    let search = filter
        .search
        .as_deref()
        .map(super::search::match_expression)
        .transpose()?;
    // Only the filters given go into the statement, so SQLite can use its indexes.
    let mut sql = format!("SELECT * FROM {view} WHERE 1", view = view(records));
    if filter.unit_code.is_some() {
        sql.push_str(&format!(" AND {unit_column} = :unit"));
    }
    if let Some(date) = date_column.filter(|_| filter.period.is_some()) {
        sql.push_str(&format!(" AND {date} >= :from AND {date} < :to"));
    }
    if records == Records::Findings {
        sql.push_str(
            " AND (:kind IS NULL OR kind = :kind)
              AND (:person IS NULL OR instr(spotcheck_fold(person), :person) > 0)",
        );
        if filter.search.is_some() {
            sql.push_str(
                " AND number IN (SELECT rowid FROM finding_search WHERE finding_search MATCH :search)",
            );
        }
    }
    sql.push_str(" ORDER BY number");
    let context = || t!("store-exporting", records = records.as_str());
    let mut stmt = conn.prepare(&sql).with_context(context)?;
    let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
    sink.header(&columns)?;
    let (from, to) = period_bounds(filter.period.as_ref());
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = Vec::new();
    if let Some(unit) = &filter.unit_code {
        params.push((":unit", unit));
    }
    let person = filter.person.as_deref().map(fold);
    if date_column.is_some() && filter.period.is_some() {
        params.push((":from", &from));
        params.push((":to", &to));
    }
    if records == Records::Findings {
        params.push((":kind", &filter.kind));
        params.push((":person", &person));
        if let Some(search) = &search {
            params.push((":search", search));
        }
    }
    let mut rows = stmt.query(params.as_slice()).with_context(context)?;
    let mut count = 0;
    while let Some(r) = rows.next().with_context(context)? {
        let mut cells = Vec::with_capacity(columns.len());
        for i in 0..columns.len() {
            cells.push(match r.get_ref(i).with_context(context)? {
                ValueRef::Null => Datum::Null,
                ValueRef::Integer(n) => Datum::Integer(n),
                ValueRef::Real(x) => Datum::Real(x),
                // Text stored by spotcheck is UTF-8; anything else is exported as
                // empty rather than stopping an export.
                ValueRef::Text(t) => std::str::from_utf8(t)
                    .map_or(Datum::Null, |text| Datum::Text(Cow::Borrowed(text))),
                ValueRef::Blob(b) => Datum::Blob(b),
            });
        }
        sink.row(&cells)?;
        count += 1;
    }
    Ok(count)
}

fn snapshot_sql(records: Records) -> &'static super::history::Snapshot {
    match records {
        Records::Findings => &super::findings::SNAPSHOT,
        Records::Visits => &super::visits::SNAPSHOT,
        Records::Units => &super::units::SNAPSHOT,
        Records::People => &super::people::SNAPSHOT,
        Records::Plans => &super::plans::SNAPSHOT,
        Records::Tasks => &super::tasks::SNAPSHOT,
    }
}

fn entity(records: Records) -> super::history::Entity {
    use super::history::Entity;
    match records {
        Records::Findings => Entity::Finding,
        Records::Visits => Entity::Visit,
        Records::Units => Entity::Unit,
        Records::People => Entity::Person,
        Records::Plans => Entity::Plan,
        Records::Tasks => Entity::Task,
    }
}

/// A record's state as the history keeps it (other records named by uid).
pub fn snapshot(conn: &Connection, records: Records, id: i64) -> Result<String> {
    super::history::snapshot(conn, snapshot_sql(records), id)
}

/// Keep this logbook's version of a record over another logbook's older
/// one, and put the other version in the history beside it. Returns false,
/// writing nothing, when that version was already recorded by an earlier merge.
pub fn keep_local(
    tx: &rusqlite::Transaction<'_>,
    records: Records,
    id: i64,
    other: &str,
    reason: &str,
    author: &super::Author,
) -> Result<bool> {
    let current = snapshot(tx, records, id)?;
    let uid: String = super::query_one(
        tx,
        &format!("SELECT uid FROM {} WHERE id = :id", table(records)),
        named_params! { ":id": id },
        |row| row.get(0),
    )
    .with_context(|| t!("store-reading-record-uid"))?;
    // That very version, fields and stamps: nothing to keep beside it.
    if other == current
        || serde_json::from_str::<serde_json::Value>(other).ok()
            == serde_json::from_str::<serde_json::Value>(&current).ok()
    {
        return Ok(false);
    }
    // A version this record's history already names, as a merge of the
    // same logbook again brings it.
    let other_version = super::history::parse(other);
    let known = super::history::versions(tx, entity(records), id)?
        .iter()
        .any(|version| {
            [&version.before, &version.after]
                .into_iter()
                .flatten()
                .any(|v| *v == other_version)
        });
    if known {
        return Ok(false);
    }
    super::history::append(
        tx,
        author,
        super::history::Change {
            action: "merge",
            entity: entity(records),
            entity_uid: &uid,
            entity_id: id,
            before: Some(other),
            after: &current,
            reason: Some(reason),
        },
    )?;
    Ok(true)
}

/// The local number of the record with this uid.
/// The highest local number of this kind of record, 0 when there is none:
/// records added from now on get higher numbers.
pub fn last_id(conn: &Connection, records: Records) -> Result<i64> {
    super::query_one(
        conn,
        &format!("SELECT coalesce(max(id), 0) FROM {}", table(records)),
        [],
        |row| row.get(0),
    )
    .with_context(|| t!("store-counting", records = records.as_str()))
}

/// Whether the insert of a record with `uid` failed with `error` because
/// a record of this kind holds that uid already: a uniqueness refusal, and
/// the uid is there.
pub fn is_taken_uid(conn: &Connection, records: Records, error: &Error, uid: &str) -> Result<bool> {
    let unique = matches!(
        error,
        Error::Sqlite {
            source: rusqlite::Error::SqliteFailure(failure, _),
            ..
        } if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    );
    Ok(unique && id_by_uid(conn, records, uid)?.is_some())
}

/// How many records of this kind the logbook holds.
pub fn count(conn: &Connection, records: Records) -> Result<u64> {
    super::query_one(
        conn,
        &format!("SELECT count(*) FROM {}", table(records)),
        [],
        |row| row.get::<_, i64>(0),
    )
    .map(|n| n as u64)
    .with_context(|| t!("store-counting", records = records.as_str()))
}

/// Whether the logbook holds any record of this kind.
pub fn any(conn: &Connection, records: Records) -> Result<bool> {
    super::query_one(
        conn,
        &format!("SELECT EXISTS (SELECT 1 FROM {})", table(records)),
        [],
        |row| row.get(0),
    )
    .with_context(|| t!("store-counting", records = records.as_str()))
}

pub fn id_by_uid(conn: &Connection, records: Records, uid: &str) -> Result<Option<i64>> {
    super::query_one(
        conn,
        &format!("SELECT id FROM {} WHERE uid = :uid", table(records)),
        named_params! { ":uid": uid },
        |row| row.get(0),
    )
    .optional()
    .with_context(|| t!("store-looking-up-by-uid", records = records.as_str()))
}

/// The name the history and the conflicts give this kind of record.
pub fn entity_name(records: Records) -> &'static str {
    entity(records).as_str()
}

/// The kind of record the history or the conflicts name so.
pub fn from_entity_name(name: &str) -> Option<Records> {
    [
        Records::Findings,
        Records::Visits,
        Records::Units,
        Records::People,
        Records::Plans,
        Records::Tasks,
    ]
    .into_iter()
    .find(|records| entity_name(*records) == name)
}

/// The fields of a record that a merge compares one by one, as its snapshot
/// names them: everything a person can change, but not its uid, stamps,
/// author, void (a void is never undone) or what `unit merge` and `person
/// merge` decide (a unit's code, a join).
pub fn fields(records: Records) -> &'static [&'static str] {
    match records {
        Records::Units => &[
            "name",
            "kind",
            "morning_start",
            "afternoon_start",
            "parent",
            "week",
            "follows_seasons",
        ],
        Records::People => &["unit", "name", "position", "retired_on", "status"],
        Records::Visits => &[
            "unit",
            "started_at",
            "ended_at",
            "announced",
            "team",
            "on_roll",
            "present",
            "note",
            "files_checked",
        ],
        Records::Findings => &[
            "visit",
            "kind",
            "person",
            "arrived_at",
            "expected_at",
            "minutes_late",
            "meeting",
            "file_ref",
            "procedure",
            "received_on",
            "due_on",
            "returned_on",
            "days_overdue",
            "working_days_overdue",
            "category",
            "description",
            "action",
            "note",
            "task",
            "excuse",
            "left_at",
            "minutes_early",
            "apology_on",
            "new_due_on",
            "delay_cause",
            "delay_stage",
            "responsible",
            "channel",
            "discipline_form",
            "decision_ref",
            "decided_on",
            "decided_by",
            "complex_case",
        ],
        Records::Plans => &["unit", "visits", "per", "from_month", "to_month"],
        Records::Tasks => &[
            "unit",
            "text",
            "source",
            "assigned_on",
            "due_on",
            "done_on",
            "note",
        ],
    }
}

/// The fields of a record worked out or decided together, as a time of
/// arrival or departure and its minutes, a file's dates and its days
/// overdue, an apology and the new appointment it gave, or a decision's
/// form, number, day and signer: a merge settles them as one, so that a
/// record never holds a figure of one version beside the times of another,
/// or a form of discipline without its day. `None` for a field on its own.
pub fn field_group(records: Records, field: &str) -> Option<&'static [&'static str]> {
    // The expected time is the start of a late arrival and the end of the
    // session an early departure counts to.
    const TIMES: &[&str] = &[
        "arrived_at",
        "expected_at",
        "minutes_late",
        "left_at",
        "minutes_early",
    ];
    const OVERDUE: &[&str] = &[
        "received_on",
        "due_on",
        "returned_on",
        "days_overdue",
        "working_days_overdue",
    ];
    const APOLOGY: &[&str] = &["apology_on", "new_due_on"];
    const DECISION: &[&str] = &[
        "discipline_form",
        "decision_ref",
        "decided_on",
        "decided_by",
    ];
    match records {
        Records::Findings => [TIMES, OVERDUE, APOLOGY, DECISION]
            .into_iter()
            .find(|g| g.contains(&field)),
        _ => None,
    }
}

/// The column a field of [`fields`] is kept in, and the kind of record it
/// names by uid when it is a reference.
fn field_column(records: Records, field: &str) -> Option<(String, Option<Records>)> {
    if !fields(records).contains(&field) {
        return None;
    }
    let reference = match field {
        "unit" | "parent" => Some(Records::Units),
        "visit" => Some(Records::Visits),
        "person" => Some(Records::People),
        "task" => Some(Records::Tasks),
        _ => None,
    };
    Some(match reference {
        Some(to) => (format!("{field}_id"), Some(to)),
        None => (field.to_string(), None),
    })
}

/// Give one field of a record a value as its snapshot holds it (another
/// record by uid), as an edit with its history entry. Returns whether the
/// record changed.
pub fn set_field(
    tx: &rusqlite::Transaction<'_>,
    records: Records,
    id: i64,
    field: &str,
    value: &serde_json::Value,
    reason: &str,
    author: &super::Author,
) -> Result<bool> {
    use rusqlite::types::Value;
    use serde_json::Value as Json;
    let unknown = || {
        Error::input(t!(
            "store-field-unknown",
            records = records.as_str(),
            field = field
        ))
    };
    let (column, reference) = field_column(records, field).ok_or_else(unknown)?;
    let stored = match (value, reference) {
        (Json::Null, _) => Value::Null,
        (Json::String(uid), Some(to)) => match id_by_uid(tx, to, uid)? {
            Some(id) => Value::Integer(id),
            None => {
                return Err(Error::lookup(t!(
                    "store-field-reference-gone",
                    records = to.as_str(),
                    uid = uid.as_str()
                )));
            }
        },
        (Json::String(text), None) => Value::Text(text.clone()),
        (Json::Bool(yes), None) => Value::Integer(i64::from(*yes)),
        (Json::Number(number), None) => match number.as_i64() {
            Some(whole) => Value::Integer(whole),
            None => Value::Real(number.as_f64().unwrap_or_default()),
        },
        _ => return Err(unknown()),
    };
    // A unit cannot come to belong to itself by a settled conflict either.
    if let (Records::Units, "parent", Value::Integer(parent)) = (records, field, &stored) {
        let unit = super::units::get(tx, id)?;
        super::units::check_parent(tx, id, &unit.code, *parent)?;
    }
    let before = snapshot(tx, records, id)?;
    let uid: String = super::query_one(
        tx,
        &format!("SELECT uid FROM {} WHERE id = :id", table(records)),
        named_params! { ":id": id },
        |row| row.get(0),
    )
    .with_context(|| t!("store-reading-record-uid"))?;
    // A name keeps its lookup keys beside it, as every rename does.
    let keys = match (records, field) {
        (Records::People | Records::Units, "name") => {
            ", name_key = spotcheck_name_key(:value), name_folded = spotcheck_fold(:value)"
        }
        _ => "",
    };
    super::exec(
        tx,
        &format!(
            "UPDATE {} SET {column} = :value{keys}, updated_at = :at WHERE id = :id",
            table(records)
        ),
        named_params! { ":value": stored, ":at": author.at, ":id": id },
    )
    .with_context(|| t!("store-setting-field", field = field))?;
    let after = snapshot(tx, records, id)?;
    super::history::append_edit(
        tx,
        author,
        (entity(records), &uid, id),
        (&before, &after),
        Some(reason),
    )
}

/// Change when and why a void record was voided, as another logbook has
/// it, with its history entry: two laptops that voided one record agree on
/// the first void. Returns whether the record changed.
pub fn set_void(
    tx: &rusqlite::Transaction<'_>,
    records: Records,
    id: i64,
    (voided_at, void_reason): (&str, &str),
    reason: &str,
    author: &super::Author,
) -> Result<bool> {
    let before = snapshot(tx, records, id)?;
    let uid: String = super::query_one(
        tx,
        &format!("SELECT uid FROM {} WHERE id = :id", table(records)),
        named_params! { ":id": id },
        |row| row.get(0),
    )
    .with_context(|| t!("store-reading-record-uid"))?;
    super::exec(
        tx,
        &format!(
            "UPDATE {} SET voided_at = :at, void_reason = :why, updated_at = :at
             WHERE id = :id AND voided_at IS NOT NULL",
            table(records)
        ),
        named_params! { ":at": voided_at, ":why": void_reason, ":id": id },
    )
    .with_context(|| t!("store-setting-field", field = "void_reason"))?;
    let after = snapshot(tx, records, id)?;
    super::history::append_edit(
        tx,
        author,
        (entity(records), &uid, id),
        (&before, &after),
        Some(reason),
    )
}

/// When each field of a record got the value it holds, as merges noted
/// it (see the table `field_stamps`): the value and the stamp, by field.
pub fn field_stamps(
    conn: &Connection,
    records: Records,
    uid: &str,
) -> Result<std::collections::HashMap<String, (serde_json::Value, String)>> {
    let context = || t!("store-reading-history");
    let mut stmt = conn
        .prepare_cached(
            "SELECT field, value, stamp FROM field_stamps
             WHERE entity = :entity AND entity_uid = :uid",
        )
        .with_context(context)?;
    let rows = stmt
        .query_map(
            named_params! { ":entity": entity_name(records), ":uid": uid },
            |row| {
                let value: Option<String> = row.get(1)?;
                Ok((
                    row.get::<_, String>(0)?,
                    (
                        value
                            .and_then(|v| serde_json::from_str(&v).ok())
                            .unwrap_or(serde_json::Value::Null),
                        row.get::<_, String>(2)?,
                    ),
                ))
            },
        )
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// Note when a field of a record got its value, for the merges to come.
pub fn set_field_stamp(
    tx: &rusqlite::Transaction<'_>,
    records: Records,
    uid: &str,
    field: &str,
    (value, stamp): (&serde_json::Value, &str),
) -> Result<()> {
    super::exec(
        tx,
        "INSERT INTO field_stamps (entity, entity_uid, field, value, stamp)
         VALUES (:entity, :uid, :field, :value, :stamp)
         ON CONFLICT (entity, entity_uid, field)
         DO UPDATE SET value = excluded.value, stamp = excluded.stamp",
        named_params! {
            ":entity": entity_name(records),
            ":uid": uid,
            ":field": field,
            ":value": value.to_string(),
            ":stamp": stamp,
        },
    )
    .with_context(|| t!("store-setting-field", field = field))?;
    Ok(())
}

/// Every entry of one record's history, oldest first, stamps included.
pub fn versions(
    conn: &Connection,
    records: Records,
    id: i64,
) -> Result<Vec<super::history::Version>> {
    super::history::versions(conn, entity(records), id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn each_view_has_exactly_the_export_columns() {
        let store = Store::open_in_memory().unwrap();
        for records in [
            Records::Findings,
            Records::Visits,
            Records::Units,
            Records::People,
        ] {
            let stmt = store
                .conn()
                .prepare(&format!("SELECT * FROM {}", view(records)))
                .unwrap();
            let names: Vec<&str> = stmt.column_names().collect();
            assert_eq!(names, columns(records), "{}", view(records));
        }
    }
}
