//! People: the staff of a unit, created on first mention, and told apart
//! by the identity key of their names (see [`crate::fold::identity`]).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};

use super::history::{self, Entity, Snapshot};
use super::{Author, Origin, opt, req, stored_date, stored_datetime};
use crate::error::{Context, Error, Result};
use crate::fold::{fold, identity, is_unaccented};
use crate::model::PersonStatus;

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
    /// Their employment status; `None`: not recorded.
    pub status: Option<PersonStatus>,
    pub created_at: String,
    pub updated_at: String,
}

const SELECT: &str = "SELECT p.id, p.uid, p.unit_id, u.code AS unit_code, u.name AS unit_name,
        p.name, p.position, p.alias_of, p.retired_on, p.status, p.created_at, p.updated_at
    FROM people p JOIN units u ON u.id = p.unit_id";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', p.uid, 'unit', u.uid, 'name', p.name, 'position', p.position,
        'retired_on', p.retired_on, 'alias_of', a.uid,
        'created_at', p.created_at, 'updated_at', p.updated_at, 'status', p.status)",
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
        status: row.get("status")?,
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
    (position, status): (Option<&str>, Option<PersonStatus>),
    author: &Author,
) -> Result<PersonRow> {
    if is_unaccented(name)
        && let Some(existing) = read_alike(tx, unit_id, name)?
            .into_iter()
            .find(|p| identity(&p.name) != identity(name))
    {
        return Err(Error::input(t!(
            "store-person-reads-as",
            typed = name,
            name = existing.name.as_str(),
            unit = existing.unit_name.as_str(),
            id = existing.id
        )));
    }
    insert_from(
        tx,
        unit_id,
        name,
        (position, status),
        &Origin::default(),
        author,
    )
}

/// Add a person that another logbook or an export describes.
pub fn insert_from(
    tx: &Transaction<'_>,
    unit_id: i64,
    name: &str,
    (position, status): (Option<&str>, Option<PersonStatus>),
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
        "INSERT INTO people (uid, unit_id, name, name_key, name_folded, position, status,
                             created_at, updated_at)
         VALUES (:uid, :unit, :name, :key, :folded, :position, :status, :created_at, :updated_at)",
        named_params! {
            ":uid": uid,
            ":unit": unit_id,
            ":name": name,
            ":key": identity(name),
            ":folded": fold(name),
            ":position": position,
            ":status": status,
            ":created_at": origin.created_at(author),
            ":updated_at": origin.updated_at(author),
        },
    )
    .with_context(|| t!("store-adding-person"))?;
    let id = tx.last_insert_rowid();
    history::append_insert(
        tx,
        author,
        &SNAPSHOT,
        (Entity::Person, &uid, id),
        origin.reason.as_deref(),
    )?;
    get(tx, id)
}

/// `#12`: a person typed by number, as lists and messages show them. A
/// number too large for any record is still a number, of nobody.
pub fn reference(typed: &str) -> Option<i64> {
    let digits = typed.trim().strip_prefix('#')?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse().unwrap_or(i64::MAX))
}

/// Person N, as `#N` typed names them: a number past any record's is
/// named as typed.
fn by_reference(conn: &Connection, typed: &str, number: i64) -> Result<PersonRow> {
    by_number(conn, number).map_err(|e| match e {
        Error::Lookup(_) => Error::lookup(t!(
            "store-person-no-number",
            number = typed.trim().trim_start_matches('#')
        )),
        other => other,
    })
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
        let person = root_of(tx, by_reference(tx, typed, number)?)?;
        if person.unit_id != unit_id {
            let unit = super::units::get(tx, unit_id)?;
            return Err(Error::input(t!(
                "store-person-other-unit",
                number = person.id,
                name = person.name.as_str(),
                other = person.unit_name.as_str(),
                unit = unit.name.as_str(),
                code = unit.code.as_str()
            )));
        }
        return Ok(exactly(person));
    }
    let unaccented = is_unaccented(typed);
    let alike = read_alike(tx, unit_id, typed)?;
    // Typed without diacritics, even the very name of one person may be
    // meant for another whose name reads the same.
    if let (true, [_, _, ..]) = (unaccented, alike.as_slice()) {
        return Err(Error::lookup(t!(
            "store-person-ambiguous",
            typed = typed,
            count = alike.len(),
            people = alike
                .iter()
                .map(|p| format!("{} (#{})", p.name, p.id))
                .collect::<Vec<_>>()
                .join(", "),
            first = alike.first().map_or(0, |p| p.id)
        )));
    }
    if let Some(found) = find(tx, unit_id, typed)? {
        let person = root_of(tx, found)?;
        if person.unit_id != unit_id {
            let unit = super::units::get(tx, unit_id)?;
            return Err(Error::input(t!(
                "store-person-other-unit",
                number = person.id,
                name = person.name.as_str(),
                other = person.unit_name.as_str(),
                unit = unit.name.as_str(),
                code = unit.code.as_str()
            )));
        }
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
    if let (true, [person]) = (unaccented, alike.as_slice()) {
        return Ok(Named {
            person: person.clone(),
            how: HowNamed::Unaccented {
                typed: typed.to_string(),
            },
        });
    }
    let person = insert_from(tx, unit_id, typed, (None, None), &Origin::default(), author)?;
    Ok(Named {
        person,
        how: HowNamed::Added {
            unaccented,
            near: alike,
        },
    })
}

/// The number of the person record `id` stands for: a finding brought
/// from elsewhere under an alias's name goes to the person it was merged into.
pub fn root_id(conn: &Connection, id: i64) -> Result<i64> {
    Ok(get(conn, id)?.alias_of.unwrap_or(id))
}

/// The person a record stands for: itself, or for an alias the person it
/// was merged into.
fn root_of(conn: &Connection, person: PersonRow) -> Result<PersonRow> {
    match person.alias_of {
        Some(root) => get(conn, root),
        None => Ok(person),
    }
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
             AND p.unit_id = :unit AND p.retired_on IS NULL AND p.alias_of IS NULL
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

/// Every person record, aliases included, in number order: what a merge
/// reads of the other logbook, where findings may point to an alias.
pub fn all(conn: &Connection) -> Result<Vec<PersonRow>> {
    let context = || t!("store-listing-people");
    let mut stmt = conn
        .prepare(&format!("{SELECT} ORDER BY p.id"))
        .with_context(context)?;
    let rows = stmt.query_map([], from_row).with_context(context)?;
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

/// A person as a command names them: `#N`, or a name that is one person's
/// under the identity rule (an alias standing for the person it was merged
/// into), or a name typed without diacritics that reads as one person's
/// name only. `unit_id` narrows the search to one unit.
///
/// With `follow_alias` false, an alias's own name is the alias's record:
/// what undoing a merge names.
pub fn resolve(
    conn: &Connection,
    typed: &str,
    unit_id: Option<i64>,
    follow_alias: bool,
) -> Result<PersonRow> {
    if let Some(number) = reference(typed) {
        return by_reference(conn, typed, number);
    }
    let root = if follow_alias {
        "coalesce(alias_of, id)"
    } else {
        "id"
    };
    let context = || t!("store-looking-up-person");
    let candidates = |column: &str, value: String| -> Result<Vec<PersonRow>> {
        let mut stmt = conn
            .prepare(&format!(
                "{SELECT} WHERE p.id IN (
                     SELECT {root} FROM people
                     WHERE {column} = :value AND (:unit IS NULL OR unit_id = :unit))
                 ORDER BY p.id"
            ))
            .with_context(context)?;
        let rows = stmt
            .query_map(
                named_params! { ":value": value, ":unit": unit_id },
                from_row,
            )
            .with_context(context)?;
        rows.collect::<rusqlite::Result<_>>().with_context(context)
    };
    let mut found = candidates("name_key", identity(typed))?;
    if found.is_empty() && is_unaccented(typed) {
        found = candidates("name_folded", fold(typed))?;
    }
    match found.as_slice() {
        [person] => Ok(person.clone()),
        [] => Err(Error::lookup(t!("store-person-no-match", typed = typed))),
        many => Err(Error::lookup(t!(
            "store-person-ambiguous-anywhere",
            typed = typed,
            count = many.len(),
            people = many
                .iter()
                .map(|p| format!("{} (#{}, {})", p.name, p.id, p.unit_code))
                .collect::<Vec<_>>()
                .join(", "),
            first = many.first().map_or(0, |p| p.id)
        ))),
    }
}

/// What a correction of a person changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct PersonChange {
    pub name: Option<String>,
    pub position: Option<Option<String>>,
    pub unit_id: Option<i64>,
    pub alias_of: Option<Option<i64>>,
    pub retired_on: Option<Option<NaiveDate>>,
    pub status: Option<Option<PersonStatus>>,
}

/// Correct a person's record: one edit entry in the history, with the
/// reason given. `None` when nothing changed. A name or a unit that would
/// make them a namesake of someone in the unit is refused: two records of
/// one human are joined by [`merge`], not by giving them one name.
pub fn change(
    tx: &Transaction<'_>,
    id: i64,
    change: &PersonChange,
    reason: Option<&str>,
    author: &Author,
) -> Result<Option<PersonRow>> {
    change_from(tx, id, change, reason, None, author)
}

/// Correct a person as another logbook has them, keeping that logbook's
/// edit time when it is given.
pub fn change_from(
    tx: &Transaction<'_>,
    id: i64,
    change: &PersonChange,
    reason: Option<&str>,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<Option<PersonRow>> {
    let current = get(tx, id)?;
    let was = Fields::of(&current);
    let next = Fields {
        name: change.name.clone().unwrap_or_else(|| current.name.clone()),
        unit_id: change.unit_id.unwrap_or(current.unit_id),
        position: change
            .position
            .clone()
            .unwrap_or_else(|| current.position.clone()),
        alias_of: change.alias_of.unwrap_or(current.alias_of),
        retired_on: change.retired_on.unwrap_or(current.retired_on),
        status: change.status.unwrap_or(current.status),
    };
    if fold(&next.name).is_empty() {
        return Err(Error::input(t!("store-person-name-needed")));
    }
    if reference(&next.name).is_some() {
        return Err(Error::input(t!(
            "store-person-name-is-number",
            name = next.name.as_str()
        )));
    }
    // An alias is a name of the person it stands for, not someone to move.
    if let (Some(root), true) = (current.alias_of, next.unit_id != current.unit_id) {
        return Err(Error::input(t!(
            "store-person-alias-moves",
            name = current.name.as_str(),
            number = id,
            root = root
        )));
    }
    if let Some(target) = next.alias_of.filter(|t| Some(*t) != current.alias_of) {
        if target == id {
            return Err(Error::input(t!("store-person-merge-self", number = id)));
        }
        let root = get(tx, target)?;
        if let Some(further) = root.alias_of {
            return Err(Error::input(t!(
                "store-person-merge-alias",
                number = root.id,
                name = root.name.as_str(),
                root = further
            )));
        }
    }
    refuse_namesake(tx, id, &next)?;
    if next == was {
        return Ok(None);
    }
    write(tx, &current, &next, reason, updated_at, author)?;
    // The other names of this person follow them to the person they were
    // merged into. They stay in their own unit: a unit merge leaves the
    // namesake it joins behind, in the unit merged away.
    if next.alias_of.is_some() && next.alias_of != current.alias_of {
        for alias in numbers(
            tx,
            "SELECT id FROM people WHERE alias_of = :other ORDER BY id",
            id,
        )? {
            let record = get(tx, alias)?;
            let follows = Fields {
                alias_of: next.alias_of,
                ..Fields::of(&record)
            };
            write(tx, &record, &follows, reason, updated_at, author)?;
        }
    }
    Ok(Some(get(tx, id)?))
}

/// The fields of a person a correction may change.
#[derive(Debug, Clone, PartialEq)]
struct Fields {
    name: String,
    unit_id: i64,
    position: Option<String>,
    alias_of: Option<i64>,
    retired_on: Option<NaiveDate>,
    status: Option<PersonStatus>,
}

impl Fields {
    fn of(person: &PersonRow) -> Fields {
        Fields {
            name: person.name.clone(),
            unit_id: person.unit_id,
            position: person.position.clone(),
            alias_of: person.alias_of,
            retired_on: person.retired_on,
            status: person.status,
        }
    }
}

/// Refuse a name or a unit that would make record `id` a namesake of
/// someone else of the unit: two records of one human are joined by
/// [`merge`], not by giving them one name.
fn refuse_namesake(tx: &Transaction<'_>, id: i64, next: &Fields) -> Result<()> {
    let key = identity(&next.name);
    let namesake = super::query_one(
        tx,
        &format!("{SELECT} WHERE p.unit_id = :unit AND p.name_key = :key AND p.id <> :id"),
        named_params! { ":unit": next.unit_id, ":key": key, ":id": id },
        from_row,
    )
    .optional()
    .with_context(|| t!("store-looking-up-person"))?;
    match namesake {
        None => Ok(()),
        Some(namesake) => Err(Error::input(t!(
            "store-person-namesake",
            name = namesake.name.as_str(),
            number = namesake.id,
            unit = namesake.unit_name.as_str(),
            keep = namesake.alias_of.unwrap_or(namesake.id),
            other = id
        ))),
    }
}

/// Write a person's new fields and their history entry.
fn write(
    tx: &Transaction<'_>,
    current: &PersonRow,
    next: &Fields,
    reason: Option<&str>,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<()> {
    let id = current.id;
    let before = history::snapshot(tx, &SNAPSHOT, id)?;
    super::exec(
        tx,
        "UPDATE people SET name = :name, name_key = :key, name_folded = :folded,
                unit_id = :unit, position = :position, alias_of = :alias,
                retired_on = :retired, status = :status, updated_at = :at
         WHERE id = :id",
        named_params! {
            ":id": id,
            ":name": next.name,
            ":key": identity(&next.name),
            ":folded": fold(&next.name),
            ":unit": next.unit_id,
            ":position": next.position,
            ":alias": next.alias_of,
            ":retired": next.retired_on.map(|d| d.format("%Y-%m-%d").to_string()),
            ":status": next.status,
            ":at": updated_at.unwrap_or(&author.at),
        },
    )
    .with_context(|| t!("store-changing-person", number = id))?;
    let after = history::snapshot(tx, &SNAPSHOT, id)?;
    history::append_edit(
        tx,
        author,
        (Entity::Person, &current.uid, id),
        (&before, &after),
        reason,
    )?;
    Ok(())
}

/// What [`merge`] did.
#[derive(Debug, Clone)]
pub struct Merged {
    pub keep: PersonRow,
    pub other: PersonRow,
    /// The findings moved from the other record, by number.
    pub findings: Vec<i64>,
}

/// Join two records of one human: every finding about `other` moves to
/// `keep`, each an edit in its history, and `other` stays as an alias of
/// `keep`, so that its name still finds them. Aliases of `other` follow.
pub fn merge(
    tx: &Transaction<'_>,
    keep: i64,
    other: i64,
    reason: Option<&str>,
    author: &Author,
) -> Result<Merged> {
    let (kept, joined) = (get(tx, keep)?, get(tx, other)?);
    // Typed, two records of one human are of one unit; another logbook's
    // merge of units may have joined namesakes across two.
    if kept.unit_id != joined.unit_id {
        return Err(Error::input(t!(
            "store-person-merge-other-unit",
            name = joined.name.as_str(),
            number = joined.id,
            unit = joined.unit_name.as_str(),
            other_name = kept.name.as_str(),
            other = kept.id,
            other_unit = kept.unit_name.as_str()
        )));
    }
    merge_from(tx, keep, other, reason, None, author)
}

/// Join two records as another logbook did, keeping its edit time when given.
pub fn merge_from(
    tx: &Transaction<'_>,
    keep: i64,
    other: i64,
    reason: Option<&str>,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<Merged> {
    let kept = get(tx, keep)?;
    let joined = get(tx, other)?;
    if keep == other {
        return Err(Error::input(t!("store-person-merge-self", number = keep)));
    }
    for record in [&kept, &joined] {
        if let Some(root) = record.alias_of {
            return Err(Error::input(t!(
                "store-person-merge-alias",
                number = record.id,
                name = record.name.as_str(),
                root = root
            )));
        }
    }
    let moved = numbers(
        tx,
        "SELECT id FROM findings WHERE person_id = :other ORDER BY id",
        other,
    )?;
    for &finding in &moved {
        let mut fields = super::findings::get(tx, finding)?.fields;
        fields.person_id = Some(keep);
        super::findings::update_from(tx, finding, &fields, reason, updated_at, author)?;
    }
    // Its other names follow it to `keep`.
    let to_keep = PersonChange {
        alias_of: Some(Some(keep)),
        ..PersonChange::default()
    };
    change_from(tx, other, &to_keep, reason, updated_at, author)?;
    Ok(Merged {
        keep: kept,
        other: get(tx, other)?,
        findings: moved,
    })
}

/// The record numbers a statement of one `:other` parameter reads.
fn numbers(conn: &Connection, sql: &str, other: i64) -> Result<Vec<i64>> {
    let context = || t!("store-looking-up-person");
    let mut stmt = conn.prepare(sql).with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":other": other }, |row| row.get(0))
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// A finding of one of a group of [`similar`] names.
#[derive(Debug, Clone)]
pub struct FindingOf {
    pub number: i64,
    pub kind: String,
    pub visit_started_at: chrono::NaiveDateTime,
    pub voided: bool,
}

/// People whose names differ only in diacritics, each with their findings.
pub type SimilarGroup = Vec<(PersonRow, Vec<FindingOf>)>;

/// The people of each unit whose names are one name once diacritics are
/// put aside, with their findings: names that folding may have joined
/// before every diacritic counted, or that differ by a slip of the
/// keyboard, for a team to review. Aliases are left out, retired people not.
pub fn similar(conn: &Connection) -> Result<Vec<SimilarGroup>> {
    let context = || t!("store-listing-people");
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE p.alias_of IS NULL AND (p.unit_id, p.name_folded) IN (
                 SELECT unit_id, name_folded FROM people WHERE alias_of IS NULL
                 GROUP BY unit_id, name_folded HAVING count(*) > 1)
             ORDER BY u.code, p.name_folded, p.id"
        ))
        .with_context(context)?;
    let people: Vec<PersonRow> = stmt
        .query_map([], from_row)
        .with_context(context)?
        .collect::<rusqlite::Result<_>>()
        .with_context(context)?;
    let mut findings = conn
        .prepare(
            "SELECT f.id, f.kind, v.started_at, f.voided_at IS NOT NULL
             FROM findings f JOIN visits v ON v.id = f.visit_id
             WHERE f.person_id = :person ORDER BY v.started_at, f.id",
        )
        .with_context(context)?;
    let mut groups: Vec<SimilarGroup> = Vec::new();
    let mut last_key: Option<(i64, String)> = None;
    for person in people {
        let of: Vec<FindingOf> = findings
            .query_map(named_params! { ":person": person.id }, |row| {
                Ok(FindingOf {
                    number: row.get(0)?,
                    kind: row.get(1)?,
                    visit_started_at: req(row, "started_at", stored_datetime)?,
                    voided: row.get(3)?,
                })
            })
            .with_context(context)?
            .collect::<rusqlite::Result<_>>()
            .with_context(context)?;
        let key = (person.unit_id, fold(&person.name));
        match groups.last_mut() {
            Some(group) if last_key.as_ref() == Some(&key) => group.push((person, of)),
            _ => groups.push(vec![(person, of)]),
        }
        last_key = Some(key);
    }
    Ok(groups)
}
