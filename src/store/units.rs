//! Units: the communes, offices and public service units that are checked.

use chrono::NaiveTime;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};

use super::history::{self, Entity, Snapshot};
use super::{Author, Origin, opt, stored_time, time_text};
use crate::error::{Context, Error, Result};
use crate::fold::{fold, identity};
use crate::model::UnitKind;

#[derive(Debug, Clone)]
pub struct UnitRow {
    pub id: i64,
    pub uid: String,
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub morning_start: Option<NaiveTime>,
    pub afternoon_start: Option<NaiveTime>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone)]
pub struct NewUnit {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub morning_start: Option<NaiveTime>,
    pub afternoon_start: Option<NaiveTime>,
}

/// Fields to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UnitChange {
    pub name: Option<String>,
    pub kind: Option<UnitKind>,
    pub morning_start: Option<Option<NaiveTime>>,
    pub afternoon_start: Option<Option<NaiveTime>>,
}

const SELECT: &str = "SELECT id, uid, code, name, kind, morning_start, afternoon_start, created_at, updated_at FROM units";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', u.uid, 'code', u.code, 'name', u.name, 'kind', u.kind,
        'morning_start', u.morning_start, 'afternoon_start', u.afternoon_start,
        'retired_on', u.retired_on, 'merged_into', m.uid,
        'created_at', u.created_at, 'updated_at', u.updated_at)",
    from: "units u LEFT JOIN units m ON m.id = u.merged_into",
    alias: "u",
};

fn from_row(row: &Row<'_>) -> rusqlite::Result<UnitRow> {
    Ok(UnitRow {
        id: row.get("id")?,
        uid: row.get("uid")?,
        code: row.get("code")?,
        name: row.get("name")?,
        kind: row.get("kind")?,
        morning_start: opt(row, "morning_start", stored_time)?,
        afternoon_start: opt(row, "afternoon_start", stored_time)?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

/// A unit code is a short slug people type: lowercase letters, digits and dashes.
pub fn normalise_code(code: &str) -> Result<String> {
    let slug = fold(code).replace(' ', "-");
    let valid = !slug.is_empty()
        && slug.len() <= 40
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if valid {
        Ok(slug)
    } else {
        Err(Error::input(t!("store-unit-code-invalid", code = code)))
    }
}

pub fn insert(tx: &Transaction<'_>, unit: &NewUnit, author: &Author) -> Result<UnitRow> {
    insert_from(tx, unit, &Origin::default(), author)
}

/// Add a unit that another logbook or an export describes.
pub fn insert_from(
    tx: &Transaction<'_>,
    unit: &NewUnit,
    origin: &Origin,
    author: &Author,
) -> Result<UnitRow> {
    let code = normalise_code(&unit.code)?;
    if by_code(tx, &code)?.is_some() {
        return Err(Error::input(t!("store-unit-exists", code = code.as_str())));
    }
    let uid = origin.uid();
    super::exec(
        tx,
        "INSERT INTO units (uid, code, name, name_folded, name_key, kind, morning_start, afternoon_start, created_at, updated_at)
         VALUES (:uid, :code, :name, :folded, :key, :kind, :morning, :afternoon, :created_at, :updated_at)",
        named_params! {
            ":uid": uid,
            ":code": code,
            ":name": unit.name,
            ":folded": fold(&unit.name),
            ":key": identity(&unit.name),
            ":kind": unit.kind,
            ":morning": unit.morning_start.map(time_text),
            ":afternoon": unit.afternoon_start.map(time_text),
            ":created_at": origin.created_at(author),
            ":updated_at": origin.updated_at(author),
        },
    )
    .with_context(|| t!("store-adding-unit", code = code.as_str()))?;
    let id = tx.last_insert_rowid();
    history::append_insert(tx, author, &SNAPSHOT, (Entity::Unit, &uid, id))?;
    get(tx, id)
}

pub fn update(
    tx: &Transaction<'_>,
    id: i64,
    change: &UnitChange,
    author: &Author,
) -> Result<UnitRow> {
    update_from(tx, id, change, None, author)
}

/// Change a unit as another logbook or an export has it, keeping its edit time.
pub fn update_from(
    tx: &Transaction<'_>,
    id: i64,
    change: &UnitChange,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<UnitRow> {
    let before = history::snapshot(tx, &SNAPSHOT, id)?;
    let current = get(tx, id)?;
    let name = change.name.clone().unwrap_or(current.name);
    super::exec(
        tx,
        "UPDATE units SET name = :name, name_folded = :folded, name_key = :key, kind = :kind,
                morning_start = :morning, afternoon_start = :afternoon, updated_at = :at
         WHERE id = :id",
        named_params! {
            ":id": id,
            ":folded": fold(&name),
            ":key": identity(&name),
            ":name": name,
            ":kind": change.kind.unwrap_or(current.kind),
            ":morning": change.morning_start.unwrap_or(current.morning_start).map(time_text),
            ":afternoon": change.afternoon_start.unwrap_or(current.afternoon_start).map(time_text),
            ":at": updated_at.unwrap_or(&author.at),
        },
    )
    .with_context(|| t!("store-changing-unit", code = current.code.as_str()))?;
    let after = history::snapshot(tx, &SNAPSHOT, id)?;
    history::append_edit(
        tx,
        author,
        (Entity::Unit, &current.uid, id),
        (&before, &after),
        None,
    )?;
    get(tx, id)
}

pub fn get(conn: &Connection, id: i64) -> Result<UnitRow> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE id = :id"),
        named_params! { ":id": id },
        from_row,
    )
    .with_context(|| t!("store-reading-unit"))
}

pub fn by_code(conn: &Connection, code: &str) -> Result<Option<UnitRow>> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE code = :code"),
        named_params! { ":code": code },
        from_row,
    )
    .optional()
    .with_context(|| t!("store-looking-up-unit-by-code"))
}

/// Every unit, in code order.
pub fn all(conn: &Connection) -> Result<Vec<UnitRow>> {
    let context = || t!("store-listing-units");
    let mut stmt = conn
        .prepare(&format!("{SELECT} ORDER BY code"))
        .with_context(context)?;
    let rows = stmt.query_map([], from_row).with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// A unit by its code, else by a diacritic-insensitive part of its name that
/// only one unit has.
pub fn resolve(conn: &Connection, reference: &str) -> Result<UnitRow> {
    let folded = fold(reference);
    if folded.is_empty() {
        return Err(Error::input(t!("store-unit-needed")));
    }
    if let Some(unit) = by_code(conn, &folded.replace(' ', "-"))? {
        return Ok(unit);
    }
    let context = || t!("store-looking-up-unit-by-name");
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE instr(name_folded, :folded) > 0 ORDER BY code"
        ))
        .with_context(context)?;
    let matches: Vec<UnitRow> = stmt
        .query_map(named_params! { ":folded": folded }, from_row)
        .with_context(context)?
        .collect::<rusqlite::Result<_>>()
        .with_context(context)?;
    // A name typed in full wins over names that merely contain it.
    let exact: Vec<&UnitRow> = matches.iter().filter(|u| fold(&u.name) == folded).collect();
    match (exact.as_slice(), matches.as_slice()) {
        ([unit], _) => Ok((*unit).clone()),
        (_, [unit]) => Ok(unit.clone()),
        (_, []) => {
            let units = all(conn)?;
            let close =
                crate::fold::similar(reference, &units, |u| vec![u.code.clone(), u.name.clone()]);
            Err(Error::lookup(match close.as_slice() {
                [] => t!("store-unit-no-match", reference = reference),
                close => t!(
                    "store-unit-no-match-close",
                    reference = reference,
                    close = close
                        .iter()
                        .map(|u| format!("`{}` ({})", u.code, u.name))
                        .collect::<Vec<_>>()
                        .join(&format!(" {} ", t!("store-or")))
                ),
            }))
        }
        (_, many) => {
            let names: Vec<String> = many
                .iter()
                .map(|u| format!("{} ({})", u.code, u.name))
                .collect();
            Err(Error::lookup(t!(
                "store-unit-ambiguous",
                reference = reference,
                count = many.len(),
                units = names.join(", ")
            )))
        }
    }
}
