//! Conflicts a merge found: one field of one record changed on both sides to
//! different values. The merge keeps the later edit and records the other
//! value here, with who changed each and when, until someone settles it.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};
use serde_json::Value as Json;

use super::Author;
use crate::error::{Context, Error, Result};
use crate::model::Records;

/// Which side's value a merge kept, or a person takes when settling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// This logbook's value, as it was before the merge.
    Mine,
    /// The value that came in from the other logbook.
    Theirs,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Mine => "mine",
            Side::Theirs => "theirs",
        }
    }
}

/// One side of a conflict: the value, and the edit that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub value: Json,
    /// Who made the edit, when the history says.
    pub by: Option<String>,
    /// When the record was stamped with that edit.
    pub at: Option<String>,
}

/// A conflict as a merge records it.
#[derive(Debug, Clone)]
pub struct NewConflict<'a> {
    pub records: Records,
    pub uid: &'a str,
    pub field: &'a str,
    pub mine: Value,
    pub theirs: Value,
    pub kept: Side,
    pub source: &'a str,
}

/// A conflict as `conflicts` lists it.
#[derive(Debug, Clone)]
pub struct ConflictRow {
    pub id: i64,
    pub records: Records,
    pub uid: String,
    /// The record's number here.
    pub number: Option<i64>,
    pub field: String,
    pub mine: Value,
    pub theirs: Value,
    pub kept: Side,
    pub source: String,
    pub merged_by: String,
    pub merged_at: String,
    /// The value chosen, by whom and when, once settled.
    pub settled: Option<(Json, String, String)>,
}

fn json_text(value: &Json) -> String {
    value.to_string()
}

fn parse_json(text: Option<String>) -> Json {
    text.and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Json::Null)
}

/// Record a conflict; its number.
pub fn insert(tx: &Transaction<'_>, conflict: &NewConflict<'_>, author: &Author) -> Result<i64> {
    super::exec(
        tx,
        "INSERT INTO conflicts (entity, entity_uid, field, mine, theirs, mine_by, mine_at,
                                theirs_by, theirs_at, kept, source, merged_by, merged_at)
         VALUES (:entity, :uid, :field, :mine, :theirs, :mine_by, :mine_at,
                 :theirs_by, :theirs_at, :kept, :source, :by, :at)",
        named_params! {
            ":entity": super::records::entity_name(conflict.records),
            ":uid": conflict.uid,
            ":field": conflict.field,
            ":mine": json_text(&conflict.mine.value),
            ":theirs": json_text(&conflict.theirs.value),
            ":mine_by": conflict.mine.by,
            ":mine_at": conflict.mine.at,
            ":theirs_by": conflict.theirs.by,
            ":theirs_at": conflict.theirs.at,
            ":kept": conflict.kept.as_str(),
            ":source": conflict.source,
            ":by": author.by,
            ":at": author.at,
        },
    )
    .with_context(|| t!("store-recording-conflict"))?;
    Ok(tx.last_insert_rowid())
}

const SELECT: &str = "SELECT c.id, c.entity, c.entity_uid, c.field, c.mine, c.theirs, c.mine_by,
        c.mine_at, c.theirs_by, c.theirs_at, c.kept, c.source, c.merged_by, c.merged_at,
        c.settled_by, c.settled_at, c.settled,
        COALESCE(u.id, p.id, v.id, f.id, pl.id, t.id) AS number
    FROM conflicts c
    LEFT JOIN units u ON c.entity = 'unit' AND u.uid = c.entity_uid
    LEFT JOIN people p ON c.entity = 'person' AND p.uid = c.entity_uid
    LEFT JOIN visits v ON c.entity = 'visit' AND v.uid = c.entity_uid
    LEFT JOIN findings f ON c.entity = 'finding' AND f.uid = c.entity_uid
    LEFT JOIN plans pl ON c.entity = 'plan' AND pl.uid = c.entity_uid
    LEFT JOIN tasks t ON c.entity = 'task' AND t.uid = c.entity_uid";

fn from_row(row: &Row<'_>) -> rusqlite::Result<ConflictRow> {
    let entity: String = row.get(1)?;
    let records = super::records::from_entity_name(&entity).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            rusqlite::types::Type::Text,
            format!("not a kind of record: {entity}").into(),
        )
    })?;
    let kept: String = row.get(10)?;
    let settled = match (
        row.get::<_, Option<String>>(16)?,
        row.get::<_, Option<String>>(14)?,
        row.get::<_, Option<String>>(15)?,
    ) {
        (value, Some(by), Some(at)) => Some((parse_json(value), by, at)),
        _ => None,
    };
    Ok(ConflictRow {
        id: row.get(0)?,
        records,
        uid: row.get(2)?,
        number: row.get("number")?,
        field: row.get(3)?,
        mine: Value {
            value: parse_json(row.get(4)?),
            by: row.get(6)?,
            at: row.get(7)?,
        },
        theirs: Value {
            value: parse_json(row.get(5)?),
            by: row.get(8)?,
            at: row.get(9)?,
        },
        kept: if kept == "theirs" {
            Side::Theirs
        } else {
            Side::Mine
        },
        source: row.get(11)?,
        merged_by: row.get(12)?,
        merged_at: row.get(13)?,
        settled,
    })
}

/// The conflicts not settled yet, oldest first; every one with `all`.
pub fn list(conn: &Connection, all: bool) -> Result<Vec<ConflictRow>> {
    let filter = if all {
        ""
    } else {
        "WHERE c.settled_at IS NULL"
    };
    let mut stmt = conn
        .prepare(&format!("{SELECT} {filter} ORDER BY c.id"))
        .with_context(|| t!("store-listing-conflicts"))?;
    let rows = stmt
        .query_map([], from_row)
        .with_context(|| t!("store-listing-conflicts"))?;
    rows.collect::<rusqlite::Result<_>>()
        .with_context(|| t!("store-listing-conflicts"))
}

/// How many conflicts wait to be settled.
pub fn open_count(conn: &Connection) -> Result<i64> {
    super::query_one(
        conn,
        "SELECT count(*) FROM conflicts WHERE settled_at IS NULL",
        [],
        |row| row.get(0),
    )
    .with_context(|| t!("store-listing-conflicts"))
}

/// One conflict by its number.
pub fn get(conn: &Connection, id: i64) -> Result<ConflictRow> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE c.id = :id"),
        named_params! { ":id": id },
        from_row,
    )
    .optional()
    .with_context(|| t!("store-listing-conflicts"))?
    .ok_or_else(|| Error::lookup(t!("store-conflict-not-found", number = id)))
}

/// How a conflict is settled.
#[derive(Debug, Clone)]
pub enum Choice {
    /// One side's value; a field worked out together with others (a time
    /// of arrival and the minutes late) takes that side's value of each.
    Take(Side),
    /// A value as the record keeps it.
    Value(Json),
}

/// Settle a conflict: the record's field takes the value chosen, as an edit
/// with its history entry, and the conflict is closed, with the conflicts
/// of the fields worked out together with it from the same merge. Returns
/// the value the field now holds and whether the record changed.
pub fn settle(
    tx: &Transaction<'_>,
    conflict: &ConflictRow,
    choice: &Choice,
    author: &Author,
) -> Result<(Json, bool)> {
    if conflict.settled.is_some() {
        return Err(Error::input(t!(
            "store-conflict-settled",
            number = conflict.id
        )));
    }
    let Some(id) = conflict.number else {
        return Err(Error::lookup(t!(
            "store-conflict-record-gone",
            number = conflict.id
        )));
    };
    let group = super::records::field_group(conflict.records, &conflict.field);
    let together: Vec<ConflictRow> = match (choice, group) {
        (Choice::Take(_), Some(group)) => list(tx, false)?
            .into_iter()
            .filter(|other| {
                other.uid == conflict.uid
                    && other.records == conflict.records
                    && other.merged_at == conflict.merged_at
                    && group.contains(&other.field.as_str())
            })
            .collect(),
        _ => vec![conflict.clone()],
    };
    // Whether the finding agreed before: one that already contradicted
    // itself is not held against the value chosen now.
    let agreed_before = conflict.records != Records::Findings
        || crate::rules::finding_agrees(&super::findings::get(tx, id)?.fields).is_ok();
    let mut changed = false;
    let mut chosen = Json::Null;
    for settling in &together {
        let value = match choice {
            Choice::Take(Side::Mine) => settling.mine.value.clone(),
            Choice::Take(Side::Theirs) => settling.theirs.value.clone(),
            Choice::Value(value) => value.clone(),
        };
        let reason = t!("store-conflict-settled-reason", number = settling.id);
        changed |= super::records::set_field(
            tx,
            settling.records,
            id,
            &settling.field,
            &value,
            &reason,
            author,
        )?;
        super::exec(
            tx,
            "UPDATE conflicts SET settled = :value, settled_by = :by, settled_at = :at
             WHERE id = :id",
            named_params! {
                ":value": json_text(&value),
                ":by": author.by,
                ":at": author.at,
                ":id": settling.id,
            },
        )
        .with_context(|| t!("store-recording-conflict"))?;
        if settling.id == conflict.id {
            chosen = value;
        }
    }
    // A value settled alone can contradict the fields decided with it (a
    // form of discipline typed where the day was never given).
    if conflict.records == Records::Findings && agreed_before {
        let finding = super::findings::get(tx, id)?;
        if let Err(disagreement) = crate::rules::finding_agrees(&finding.fields) {
            return Err(Error::input(t!(
                "store-conflict-settle-disagrees",
                number = conflict.id,
                finding = id,
                why = super::findings::disagreement_text(disagreement)
            )));
        }
    }
    Ok((chosen, changed))
}
