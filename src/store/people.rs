//! People: the staff of a unit, created on first mention, and told apart
//! by the identity key of their names (see [`crate::fold::identity`]).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};

use super::history::{self, Entity, Snapshot};
use super::{Author, Origin, opt, stored_date};
use crate::error::{Context, Error, Result};
use crate::fold::{fold, identity, is_unaccented};

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub id: i64,
    pub uid: String,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub name: String,
    pub position: Option<String>,
    /// The person this record was merged into: it stands for them now.
    pub alias_of: Option<i64>,
    /// The day they left the unit.
    pub retired_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

const SELECT: &str = "SELECT p.id, p.uid, p.unit_id, u.code AS unit_code, u.name AS unit_name,
        p.name, p.position, p.alias_of, p.retired_on, p.created_at, p.updated_at
    FROM people p JOIN units u ON u.id = p.unit_id";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', p.uid, 'unit', u.uid, 'name', p.name, 'position', p.position,
        'retired_on', p.retired_on, 'alias_of', a.uid,
        'created_at', p.created_at, 'updated_at', p.updated_at)",
    from: "people p JOIN units u ON u.id = p.unit_id LEFT JOIN people a ON a.id = p.alias_of",
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
        alias_of: row.get("alias_of")?,
        retired_on: opt(row, "retired_on", stored_date)?,
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

/// The record of this unit whose name is the same name under the identity
/// rule, if any: an alias or a retired person too.
pub fn find(conn: &Connection, unit_id: i64, name: &str) -> Result<Option<PersonRow>> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE p.unit_id = :unit AND p.name_key = :key"),
        named_params! { ":unit": unit_id, ":key": identity(name) },
        from_row,
    )
    .optional()
    .with_context(|| t!("store-looking-up-person"))
}

/// Add a person to the unit's staff, as `person add` does: refused when the
/// name is one of the staff's, and when, typed without diacritics, it would
/// be taken for someone on the staff (see [`named`]).
pub fn insert(
    tx: &Transaction<'_>,
    unit_id: i64,
    name: &str,
    position: Option<&str>,
    author: &Author,
) -> Result<PersonRow> {
    if is_unaccented(name)
        && let Some(existing) = read_alike(tx, unit_id, name)?.first()
    {
        return Err(Error::input(t!(
            "store-person-exists",
            name = existing.name.as_str(),
            unit = existing.unit_name.as_str(),
            id = existing.id
        )));
    }
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
    if reference(name).is_some() {
        return Err(Error::input(t!("store-person-name-is-number", name = name)));
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
        "INSERT INTO people (uid, unit_id, name, name_key, name_folded, position, created_at, updated_at)
         VALUES (:uid, :unit, :name, :key, :folded, :position, :created_at, :updated_at)",
        named_params! {
            ":uid": uid,
            ":unit": unit_id,
            ":name": name,
            ":key": identity(name),
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

/// `#12`: a person typed by number, as lists and messages show them.
pub fn reference(typed: &str) -> Option<i64> {
    let digits = typed.trim().strip_prefix('#')?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Who a typed name turned out to be, and how.
#[derive(Debug, Clone)]
pub struct Named {
    pub person: PersonRow,
    pub how: HowNamed,
}

#[derive(Debug, Clone)]
pub enum HowNamed {
    /// By number, or by the very name under the identity rule.
    Exactly,
    /// Typed without diacritics, and only this person of the unit has a
    /// name that reads so.
    Unaccented { typed: String },
    /// Nobody of the unit has the name: added to the staff. `near` are the
    /// people whose names differ from it only in diacritics.
    Added {
        unaccented: bool,
        near: Vec<PersonRow>,
    },
}

/// The person a finding at `unit_id` is about, by a name or a number as
/// typed. The one rule of who is who:
/// - `#N` is person N, who must be of the unit;
/// - a name equal under the identity rule is that person (the person it
///   was merged into, for an alias); a retired person is refused, so as not
///   to log about someone who left by accident;
/// - a name typed with no diacritics at all is taken for the one current
///   person whose name reads so, and refused when several do;
/// - any other name is a new person of the unit.
pub fn named(tx: &Transaction<'_>, unit_id: i64, typed: &str, author: &Author) -> Result<Named> {
    let exactly = |person| Named {
        person,
        how: HowNamed::Exactly,
    };
    if let Some(number) = reference(typed) {
        let person = by_number(tx, number)?;
        if person.unit_id != unit_id {
            let unit = super::units::get(tx, unit_id)?;
            return Err(Error::input(t!(
                "store-person-other-unit",
                number = number,
                name = person.name.as_str(),
                other = person.unit_name.as_str(),
                unit = unit.name.as_str(),
                code = unit.code.as_str()
            )));
        }
        return Ok(exactly(person));
    }
    if let Some(found) = find(tx, unit_id, typed)? {
        let person = match found.alias_of {
            Some(kept) => get(tx, kept)?,
            None => found,
        };
        if let Some(left) = &person.retired_on {
            return Err(Error::input(t!(
                "store-person-retired",
                name = person.name.as_str(),
                number = person.id,
                left = left.format("%d/%m/%Y").to_string()
            )));
        }
        return Ok(exactly(person));
    }
    let alike = read_alike(tx, unit_id, typed)?;
    let unaccented = is_unaccented(typed);
    if unaccented {
        match alike.as_slice() {
            [] => {}
            [person] => {
                return Ok(Named {
                    person: person.clone(),
                    how: HowNamed::Unaccented {
                        typed: typed.to_string(),
                    },
                });
            }
            many => {
                let first = many.first().map_or(0, |p| p.id);
                return Err(Error::lookup(t!(
                    "store-person-ambiguous",
                    typed = typed,
                    count = many.len(),
                    people = many
                        .iter()
                        .map(|p| format!("{} (#{})", p.name, p.id))
                        .collect::<Vec<_>>()
                        .join(", "),
                    first = first
                )));
            }
        }
    }
    let person = insert_from(tx, unit_id, typed, None, &Origin::default(), author)?;
    Ok(Named {
        person,
        how: HowNamed::Added {
            unaccented,
            near: alike,
        },
    })
}

/// Person N, as `#N` names them.
pub fn by_number(conn: &Connection, number: i64) -> Result<PersonRow> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE p.id = :id"),
        named_params! { ":id": number },
        from_row,
    )
    .optional()
    .with_context(|| t!("store-looking-up-person"))?
    .ok_or_else(|| Error::lookup(t!("store-person-no-number", number = number)))
}

/// The current people of the unit whose names read as `typed` once
/// diacritics are put aside: the candidates for a name typed without them.
/// An alias counts as the person it stands for.
fn read_alike(conn: &Connection, unit_id: i64, typed: &str) -> Result<Vec<PersonRow>> {
    let context = || t!("store-looking-up-person");
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE p.id IN (
                 SELECT coalesce(alias_of, id) FROM people
                 WHERE unit_id = :unit AND name_folded = :folded)
             AND p.retired_on IS NULL AND p.alias_of IS NULL
             ORDER BY p.id"
        ))
        .with_context(context)?;
    let rows = stmt
        .query_map(
            named_params! { ":unit": unit_id, ":folded": fold(typed) },
            from_row,
        )
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// Staff, retired people included, by unit then name ignoring accents;
/// aliases are left out, as they stand for someone listed.
pub fn list(conn: &Connection, unit_id: Option<i64>) -> Result<Vec<PersonRow>> {
    let context = || t!("store-listing-people");
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE (:unit IS NULL OR p.unit_id = :unit) AND p.alias_of IS NULL
             ORDER BY u.code, p.name_folded, p.name"
        ))
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":unit": unit_id }, from_row)
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}
