//! People: the staff of a unit, created on first mention.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};

use super::history::{self, Entity, Snapshot};
use super::{Author, Origin};
use crate::error::{Context, Error, Result};
use crate::fold::fold;

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub id: i64,
    pub uid: String,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub name: String,
    pub position: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

const SELECT: &str = "SELECT p.id, p.uid, p.unit_id, u.code AS unit_code, u.name AS unit_name,
        p.name, p.position, p.created_at, p.updated_at
    FROM people p JOIN units u ON u.id = p.unit_id";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', p.uid, 'unit', u.uid, 'name', p.name, 'position', p.position,
        'created_at', p.created_at, 'updated_at', p.updated_at)",
    from: "people p JOIN units u ON u.id = p.unit_id",
    alias: "p",
};

fn from_row(row: &Row<'_>) -> rusqlite::Result<PersonRow> {
    Ok(PersonRow {
        id: row.get("id")?,
        uid: row.get("uid")?,
        unit_id: row.get("unit_id")?,
        unit_code: row.get("unit_code")?,
        unit_name: row.get("unit_name")?,
        name: row.get("name")?,
        position: row.get("position")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<PersonRow> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE p.id = :id"),
        named_params! { ":id": id },
        from_row,
    )
    .with_context(|| t!("store-reading-person"))
}

/// The person of this unit whose name folds to the same text, if any.
pub fn find(conn: &Connection, unit_id: i64, name: &str) -> Result<Option<PersonRow>> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE p.unit_id = :unit AND p.name_folded = :folded"),
        named_params! { ":unit": unit_id, ":folded": fold(name) },
        from_row,
    )
    .optional()
    .with_context(|| t!("store-looking-up-person"))
}

pub fn insert(
    tx: &Transaction<'_>,
    unit_id: i64,
    name: &str,
    position: Option<&str>,
    author: &Author,
) -> Result<PersonRow> {
    insert_from(tx, unit_id, name, position, &Origin::default(), author)
}

/// Add a person that another logbook or an export describes.
pub fn insert_from(
    tx: &Transaction<'_>,
    unit_id: i64,
    name: &str,
    position: Option<&str>,
    origin: &Origin,
    author: &Author,
) -> Result<PersonRow> {
    if fold(name).is_empty() {
        return Err(Error::input(t!("store-person-name-needed")));
    }
    if let Some(existing) = find(tx, unit_id, name)? {
        return Err(Error::input(t!(
            "store-person-exists",
            name = existing.name,
            unit = existing.unit_name,
            id = existing.id
        )));
    }
    let uid = origin.uid();
    super::exec(
        tx,
        "INSERT INTO people (uid, unit_id, name, name_folded, position, created_at, updated_at)
         VALUES (:uid, :unit, :name, :folded, :position, :created_at, :updated_at)",
        named_params! {
            ":uid": uid,
            ":unit": unit_id,
            ":name": name,
            ":folded": fold(name),
            ":position": position,
            ":created_at": origin.created_at(author),
            ":updated_at": origin.updated_at(author),
        },
    )
    .with_context(|| t!("store-adding-person"))?;
    let id = tx.last_insert_rowid();
    history::append_insert(tx, author, &SNAPSHOT, (Entity::Person, &uid, id))?;
    get(tx, id)
}

/// Set a person's position, as an export or another logbook has it.
pub fn set_position(
    tx: &Transaction<'_>,
    id: i64,
    position: Option<&str>,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<PersonRow> {
    let before = history::snapshot(tx, &SNAPSHOT, id)?;
    super::exec(
        tx,
        "UPDATE people SET position = :position, updated_at = :at WHERE id = :id",
        named_params! { ":id": id, ":position": position, ":at": updated_at.unwrap_or(&author.at) },
    )
    .with_context(|| t!("store-changing-position"))?;
    let after = history::snapshot(tx, &SNAPSHOT, id)?;
    let row = get(tx, id)?;
    history::append_edit(
        tx,
        author,
        (Entity::Person, &row.uid, id),
        (&before, &after),
        None,
    )?;
    Ok(row)
}

/// The person named, added to the unit's staff if nobody there has that name.
/// Returns whether they were added.
pub fn find_or_insert(
    tx: &Transaction<'_>,
    unit_id: i64,
    name: &str,
    author: &Author,
) -> Result<(PersonRow, bool)> {
    match find(tx, unit_id, name)? {
        Some(person) => Ok((person, false)),
        None => Ok((insert(tx, unit_id, name, None, author)?, true)),
    }
}

/// Staff, by unit then name ignoring accents.
pub fn list(conn: &Connection, unit_id: Option<i64>) -> Result<Vec<PersonRow>> {
    let context = || t!("store-listing-people");
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE :unit IS NULL OR p.unit_id = :unit ORDER BY u.code, p.name_folded, p.name"
        ))
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":unit": unit_id }, from_row)
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}
