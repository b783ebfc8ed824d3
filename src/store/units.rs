//! Units: the communes, offices and public service units that are checked.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};

use super::history::{self, Entity, Snapshot};
use super::{Author, Origin, date_text, opt, stored_date, stored_time, time_text};
use crate::calendar::Week;
use crate::error::{Context, Error, Result};
use crate::fold::{fold, identity};
use crate::model::UnitKind;
use crate::rules::UnitHours;

#[derive(Debug, Clone)]
pub struct UnitRow {
    pub id: i64,
    pub uid: String,
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub morning_start: Option<NaiveTime>,
    pub afternoon_start: Option<NaiveTime>,
    /// The day it was merged away or closed: kept for history and old
    /// reports, no longer visited.
    pub retired_on: Option<NaiveDate>,
    /// The unit its records were moved to, and that unit's code.
    pub merged_into: Option<(i64, String)>,
    /// The unit it belongs to (a commune's office, a department's unit),
    /// and that unit's code.
    pub parent: Option<(i64, String)>,
    /// Its own working week; `None` is Monday to Friday.
    pub week: Option<Week>,
    /// Its own start times move with the configured seasons.
    pub follows_seasons: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl UnitRow {
    /// The start times the rules count a late arrival at this unit from.
    pub fn own_hours(&self) -> UnitHours {
        UnitHours {
            morning: self.morning_start,
            afternoon: self.afternoon_start,
            follows_seasons: self.follows_seasons,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewUnit {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub morning_start: Option<NaiveTime>,
    pub afternoon_start: Option<NaiveTime>,
    /// The unit it belongs to, by number.
    pub parent_id: Option<i64>,
    pub week: Option<Week>,
    pub follows_seasons: bool,
}

/// Fields to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UnitChange {
    pub name: Option<String>,
    pub kind: Option<UnitKind>,
    pub morning_start: Option<Option<NaiveTime>>,
    pub afternoon_start: Option<Option<NaiveTime>>,
    pub parent_id: Option<Option<i64>>,
    pub week: Option<Option<Week>>,
    pub follows_seasons: Option<bool>,
}

const SELECT: &str =
    "SELECT u.id, u.uid, u.code, u.name, u.kind, u.morning_start, u.afternoon_start,
        u.retired_on, u.merged_into, m.code AS merged_into_code,
        u.parent_id, p.code AS parent_code, u.week, u.follows_seasons,
        u.created_at, u.updated_at
    FROM units u LEFT JOIN units m ON m.id = u.merged_into
    LEFT JOIN units p ON p.id = u.parent_id";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', u.uid, 'code', u.code, 'name', u.name, 'kind', u.kind,
        'morning_start', u.morning_start, 'afternoon_start', u.afternoon_start,
        'retired_on', u.retired_on, 'merged_into', m.uid,
        'parent', p.uid, 'week', u.week, 'follows_seasons', u.follows_seasons,
        'created_at', u.created_at, 'updated_at', u.updated_at)",
    from: "units u LEFT JOIN units m ON m.id = u.merged_into
        LEFT JOIN units p ON p.id = u.parent_id",
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
        retired_on: opt(row, "retired_on", stored_date)?,
        merged_into: row
            .get::<_, Option<i64>>("merged_into")?
            .zip(row.get::<_, Option<String>>("merged_into_code")?),
        parent: row
            .get::<_, Option<i64>>("parent_id")?
            .zip(row.get::<_, Option<String>>("parent_code")?),
        week: opt(row, "week", stored_week)?,
        follows_seasons: row.get::<_, Option<i64>>("follows_seasons")?.is_some(),
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
        "INSERT INTO units (uid, code, name, name_folded, name_key, kind, morning_start, afternoon_start,
                            parent_id, week, follows_seasons, created_at, updated_at)
         VALUES (:uid, :code, :name, :folded, :key, :kind, :morning, :afternoon,
                 :parent, :week, :seasons, :created_at, :updated_at)",
        named_params! {
            ":uid": uid,
            ":code": code,
            ":name": unit.name,
            ":folded": fold(&unit.name),
            ":key": identity(&unit.name),
            ":kind": unit.kind,
            ":morning": unit.morning_start.map(time_text),
            ":afternoon": unit.afternoon_start.map(time_text),
            ":parent": unit.parent_id,
            ":week": unit.week.map(|w| w.to_string()),
            // NULL when not following: see schema version 10.
            ":seasons": unit.follows_seasons.then_some(1),
            ":created_at": origin.created_at(author),
            ":updated_at": origin.updated_at(author),
        },
    )
    .with_context(|| t!("store-adding-unit", code = code.as_str()))?;
    let id = tx.last_insert_rowid();
    history::append_insert(
        tx,
        author,
        &SNAPSHOT,
        (Entity::Unit, &uid, id),
        origin.reason.as_deref(),
    )?;
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
    let parent = change
        .parent_id
        .unwrap_or(current.parent.as_ref().map(|(id, _)| *id));
    if let Some(parent) = parent {
        check_parent(tx, id, &current.code, parent)?;
    }
    super::exec(
        tx,
        "UPDATE units SET name = :name, name_folded = :folded, name_key = :key, kind = :kind,
                morning_start = :morning, afternoon_start = :afternoon,
                parent_id = :parent, week = :week, follows_seasons = :seasons,
                updated_at = :at
         WHERE id = :id",
        named_params! {
            ":id": id,
            ":folded": fold(&name),
            ":key": identity(&name),
            ":name": name,
            ":kind": change.kind.unwrap_or(current.kind),
            ":morning": change.morning_start.unwrap_or(current.morning_start).map(time_text),
            ":afternoon": change.afternoon_start.unwrap_or(current.afternoon_start).map(time_text),
            ":parent": parent,
            ":week": change.week.unwrap_or(current.week).map(|w| w.to_string()),
            ":seasons": change
                .follows_seasons
                .unwrap_or(current.follows_seasons)
                .then_some(1),
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

/// A week as the logbook holds it; one it cannot read is a damaged field.
pub(super) fn stored_week(text: &str) -> rusqlite::types::FromSqlResult<Week> {
    Week::parse(text).map_err(|bad| rusqlite::types::FromSqlError::Other(bad.0.into()))
}

/// Refuse `parent` for unit `id` when it is the unit itself or one of the
/// units that belong to it, at any depth: a unit cannot belong to itself.
pub fn check_parent(conn: &Connection, id: i64, code: &str, parent: i64) -> Result<()> {
    let context = || t!("store-reading-unit");
    // The parent and its parents, upwards; a chain already looping (a
    // merge of two logbooks) ends where it meets itself.
    let mut stmt = conn
        .prepare(
            "WITH RECURSIVE up(id, depth) AS (
                 SELECT :parent, 0
                 UNION
                 SELECT u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.id
                 WHERE u.parent_id IS NOT NULL AND up.depth < 1000
             )
             SELECT up.id, u.code FROM up JOIN units u ON u.id = up.id ORDER BY up.depth",
        )
        .with_context(context)?;
    let chain: Vec<(i64, String)> = stmt
        .query_map(named_params! { ":parent": parent }, |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .with_context(context)?
        .collect::<rusqlite::Result<_>>()
        .with_context(context)?;
    if !chain.iter().any(|(up, _)| *up == id) {
        return Ok(());
    }
    if parent == id {
        return Err(Error::input(t!("store-unit-own-parent", code = code)));
    }
    let path: Vec<&str> = chain
        .iter()
        .map(|(_, code)| code.as_str())
        .take_while(|c| *c != code)
        .collect();
    Err(Error::input(t!(
        "store-unit-parent-cycle",
        code = code,
        parent = path.first().copied().unwrap_or_default(),
        path = format!("{} → {}", path.join(" → "), code)
    )))
}

/// The units that belong to `id`, directly.
pub fn children(conn: &Connection, id: i64) -> Result<Vec<UnitRow>> {
    let context = || t!("store-listing-units");
    let mut stmt = conn
        .prepare(&format!("{SELECT} WHERE u.parent_id = :id ORDER BY u.code"))
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":id": id }, from_row)
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

pub fn get(conn: &Connection, id: i64) -> Result<UnitRow> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE u.id = :id"),
        named_params! { ":id": id },
        from_row,
    )
    .with_context(|| t!("store-reading-unit"))
}

pub fn by_code(conn: &Connection, code: &str) -> Result<Option<UnitRow>> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE u.code = :code"),
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
        .prepare(&format!("{SELECT} ORDER BY u.code"))
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
            "{SELECT} WHERE instr(u.name_folded, :folded) > 0 ORDER BY u.code"
        ))
        .with_context(context)?;
    let matches: Vec<UnitRow> = stmt
        .query_map(named_params! { ":folded": folded }, from_row)
        .with_context(context)?
        .collect::<rusqlite::Result<_>>()
        .with_context(context)?;
    // A name typed in full wins over names that merely contain it, and
    // the very name, diacritics and all, over names that only read alike
    // (UBND xã Hòa over UBND xã Hoa).
    let key = identity(reference);
    let same: Vec<&UnitRow> = matches
        .iter()
        .filter(|u| identity(&u.name) == key)
        .collect();
    let exact: Vec<&UnitRow> = match same.as_slice() {
        [_] => same,
        _ => matches.iter().filter(|u| fold(&u.name) == folded).collect(),
    };
    // Of a unit merged away and the one it was merged into, both of one
    // name, the unit in use is meant; the old one is still named by code.
    let in_use: Vec<&UnitRow> = exact
        .iter()
        .copied()
        .filter(|u| u.retired_on.is_none() && u.merged_into.is_none())
        .collect();
    let exact = match in_use.as_slice() {
        [_] => in_use,
        _ => exact,
    };
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

/// The units whose whole name is `name` under the identity rule: current
/// units first, then retired ones, then those merged into another.
pub fn namesakes(conn: &Connection, name: &str) -> Result<Vec<UnitRow>> {
    let context = || t!("store-looking-up-unit-by-name");
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE u.name_key = :key
             ORDER BY u.merged_into IS NOT NULL, u.retired_on IS NOT NULL, u.code"
        ))
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":key": identity(name) }, from_row)
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// Add a unit as `unit add` does: a name another unit already has under the
/// identity rule is refused, naming that unit, since it is most likely the
/// same commune or office typed again; `force` adds it anyway.
pub fn add(tx: &Transaction<'_>, unit: &NewUnit, force: bool, author: &Author) -> Result<UnitRow> {
    let code = normalise_code(&unit.code)?;
    // A taken code is the plainer refusal, and `--force` does not lift it.
    if !force && by_code(tx, &code)?.is_none() {
        if let Some(same) = namesakes(tx, &unit.name)?.first() {
            return Err(Error::input(t!(
                "records-unit-same-name",
                code = same.code.as_str(),
                name = same.name.as_str(),
                new = code.as_str()
            )));
        }
    }
    insert(tx, unit, author)
}

/// A unit typed for a new visit: found as [`resolve`] finds it, and refused
/// when it was retired or merged into another, naming what to type instead.
pub fn for_new_visit(conn: &Connection, reference: &str) -> Result<UnitRow> {
    let unit = resolve(conn, reference)?;
    if let Some((_, keep)) = &unit.merged_into {
        let kept = by_code(conn, keep)?;
        return Err(Error::input(t!(
            "records-unit-merged-no-visits",
            code = unit.code.as_str(),
            name = unit.name.as_str(),
            keep = keep.as_str(),
            keep_name = kept.map(|k| k.name).unwrap_or_default()
        )));
    }
    if let Some(day) = unit.retired_on {
        return Err(Error::input(t!(
            "records-unit-retired-no-visits",
            code = unit.code.as_str(),
            name = unit.name.as_str(),
            day = day.format("%d/%m/%Y").to_string()
        )));
    }
    Ok(unit)
}

/// Set or clear the day a unit was retired and the unit it was merged into,
/// with the edit's history entry.
fn set_retired(
    tx: &Transaction<'_>,
    id: i64,
    (retired_on, merged_into): (Option<NaiveDate>, Option<i64>),
    reason: Option<&str>,
    (updated_at, author): (Option<&str>, &Author),
) -> Result<UnitRow> {
    let before = history::snapshot(tx, &SNAPSHOT, id)?;
    let current = get(tx, id)?;
    super::exec(
        tx,
        "UPDATE units SET retired_on = :retired, merged_into = :merged, updated_at = :at
         WHERE id = :id",
        named_params! {
            ":id": id,
            ":retired": retired_on.map(date_text),
            ":merged": merged_into,
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
        reason,
    )?;
    get(tx, id)
}

/// Retire a unit on `day`: a commune merged away or an office closed. It
/// stays for history and old reports and takes no new visits. A retired
/// unit may be given another day.
pub fn retire(tx: &Transaction<'_>, id: i64, day: NaiveDate, author: &Author) -> Result<UnitRow> {
    retire_from(tx, id, day, None, author)
}

/// Retire a unit as another logbook has it, keeping that logbook's edit
/// time when it is given.
pub fn retire_from(
    tx: &Transaction<'_>,
    id: i64,
    day: NaiveDate,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<UnitRow> {
    let unit = get(tx, id)?;
    if unit.retired_on == Some(day) {
        return Err(Error::input(t!(
            "records-unit-already-retired",
            code = unit.code.as_str(),
            day = day.format("%d/%m/%Y").to_string()
        )));
    }
    let merged = unit.merged_into.as_ref().map(|(keep, _)| *keep);
    set_retired(tx, id, (Some(day), merged), None, (updated_at, author))
}

/// Bring a retired unit back into use; a unit merged into another is no
/// longer merged. Returns the unit and the unit it had been merged into:
/// what the merge moved stays there.
pub fn unretire(
    tx: &Transaction<'_>,
    id: i64,
    author: &Author,
) -> Result<(UnitRow, Option<UnitRow>)> {
    let unit = get(tx, id)?;
    if unit.retired_on.is_none() && unit.merged_into.is_none() {
        return Err(Error::input(t!(
            "records-unit-not-retired",
            code = unit.code.as_str()
        )));
    }
    let kept = unit
        .merged_into
        .as_ref()
        .map(|(keep, _)| get(tx, *keep))
        .transpose()?;
    Ok((
        set_retired(tx, id, (None, None), None, (None, author))?,
        kept,
    ))
}

/// What [`merge`] did.
#[derive(Debug, Clone)]
pub struct UnitMerge {
    pub keep: UnitRow,
    pub other: UnitRow,
    pub visits: u64,
    /// People of the other unit, not counting the aliases it already had.
    pub people: u64,
    /// People of the other unit whose names a person of the kept unit has:
    /// each now stands as an alias for that person, who has their findings.
    pub joined: Vec<Joined>,
    pub plans: u64,
    /// Plans of the other unit voided, each with the plan of the kept unit
    /// that starts in the same month.
    pub plans_voided: Vec<(super::plans::PlanRow, super::plans::PlanRow)>,
    pub tasks: u64,
}

/// A person of the other unit joined to their namesake of the kept unit.
#[derive(Debug, Clone)]
pub struct Joined {
    pub alias: super::PersonRow,
    pub person: super::PersonRow,
    pub findings: u64,
}

/// The number and uid of each record of `table` at the unit, in order.
fn records_of(tx: &Transaction<'_>, table: &str, unit_id: i64) -> Result<Vec<(i64, String)>> {
    let context = || t!("store-reading-unit");
    let mut stmt = tx
        .prepare(&format!(
            "SELECT id, uid FROM {table} WHERE unit_id = :unit ORDER BY id"
        ))
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":unit": unit_id }, |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// Change one column of one record, with the edit's history entry.
fn set_column(
    tx: &Transaction<'_>,
    (entity, table, snapshot): (Entity, &str, &Snapshot),
    (id, uid): (i64, &str),
    column: &str,
    value: Option<i64>,
    reason: &str,
    author: &Author,
) -> Result<()> {
    let before = history::snapshot(tx, snapshot, id)?;
    super::exec(
        tx,
        &format!("UPDATE {table} SET {column} = :value, updated_at = :at WHERE id = :id"),
        named_params! { ":id": id, ":value": value, ":at": author.at },
    )
    .with_context(|| t!("records-unit-moving", records = table))?;
    let after = history::snapshot(tx, snapshot, id)?;
    history::append_edit(
        tx,
        author,
        (entity, uid, id),
        (&before, &after),
        Some(reason),
    )?;
    Ok(())
}

/// Merge unit `other_id` into unit `keep_id` in the caller's transaction:
/// its visits, people, plans and tasks move to the kept unit, each move an
/// edit in the history, and it is then retired as merged into the kept unit
/// (on `day`, unless it was retired already). A person whose name the
/// kept unit already has stays behind as an alias of that person, who takes
/// their findings; a plan that would clash with the kept unit's plan from
/// the same month is voided instead of moved.
pub fn merge(
    tx: &Transaction<'_>,
    keep_id: i64,
    other_id: i64,
    day: NaiveDate,
    author: &Author,
) -> Result<UnitMerge> {
    use super::{findings, people, plans, tasks, visits};
    let keep = get(tx, keep_id)?;
    let other = get(tx, other_id)?;
    if keep.id == other.id {
        return Err(Error::input(t!(
            "records-unit-merge-itself",
            code = keep.code.as_str()
        )));
    }
    if let Some((_, into)) = &keep.merged_into {
        return Err(Error::input(t!(
            "records-unit-merge-into-merged",
            keep = keep.code.as_str(),
            into = into.as_str(),
            other = other.code.as_str()
        )));
    }
    if let Some((_, into)) = &other.merged_into {
        return Err(Error::input(t!(
            "records-unit-merge-already",
            other = other.code.as_str(),
            into = into.as_str()
        )));
    }
    let reason = t!(
        "records-unit-merge-reason",
        other = other.code.as_str(),
        keep = keep.code.as_str()
    );
    let mut done = UnitMerge {
        keep: keep.clone(),
        other: other.clone(),
        visits: 0,
        people: 0,
        joined: Vec::new(),
        plans: 0,
        plans_voided: Vec::new(),
        tasks: 0,
    };
    let moving = |(entity, table, snapshot): (Entity, &str, &Snapshot), record: &(i64, String)| {
        set_column(
            tx,
            (entity, table, snapshot),
            (record.0, &record.1),
            "unit_id",
            Some(keep.id),
            &reason,
            author,
        )
    };

    for visit in records_of(tx, "visits", other.id)? {
        moving((Entity::Visit, "visits", &visits::SNAPSHOT), &visit)?;
        done.visits += 1;
    }

    let people_kind = (Entity::Person, "people", &people::SNAPSHOT);
    for record in records_of(tx, "people", other.id)? {
        let person = people::get(tx, record.0)?;
        if person.alias_of.is_none() {
            done.people += 1;
        }
        let Some(namesake) = people::find(tx, keep.id, &person.name)? else {
            moving(people_kind, &record)?;
            continue;
        };
        // Joined to the person the namesake stands for, so that no alias
        // points to another alias; a namesake that stands for this very
        // person (the two units were merged the other way before) stands
        // for nobody again.
        let target = match namesake.alias_of {
            Some(kept) if kept == person.id => {
                let namesake_uid = namesake.uid.clone();
                set_column(
                    tx,
                    people_kind,
                    (namesake.id, &namesake_uid),
                    "alias_of",
                    None,
                    &reason,
                    author,
                )?;
                people::get(tx, namesake.id)?
            }
            Some(kept) => people::get(tx, kept)?,
            None => namesake,
        };
        set_column(
            tx,
            people_kind,
            (person.id, &person.uid),
            "alias_of",
            Some(target.id),
            &reason,
            author,
        )?;
        let mut moved = 0;
        for finding in findings_about(tx, person.id)? {
            let row = findings::get(tx, finding)?;
            let fields = findings::NewFinding {
                person_id: Some(target.id),
                ..row.fields
            };
            findings::update_from(tx, finding, &fields, Some(&reason), None, author)?;
            moved += 1;
        }
        done.joined.push(Joined {
            alias: people::get(tx, person.id)?,
            person: target,
            findings: moved,
        });
    }
    // The aliases of a person now joined stand for that person's namesake.
    for joined in &done.joined {
        for alias in aliases_of(tx, joined.alias.id)? {
            set_column(
                tx,
                people_kind,
                (alias.0, &alias.1),
                "alias_of",
                Some(joined.person.id),
                &reason,
                author,
            )?;
        }
    }

    for record in records_of(tx, "plans", other.id)? {
        let plan = plans::get(tx, record.0)?;
        let clash = match plan.voided_at {
            Some(_) => None,
            None => plans::starting(tx, Some(keep.id), plan.fields.from)?,
        };
        match clash {
            Some(kept) => {
                let why = t!(
                    "records-unit-merge-plan-reason",
                    other = other.code.as_str(),
                    keep = keep.code.as_str(),
                    plan = kept.id
                );
                let voided = plans::void_from(tx, plan.id, &why, &author.at, author)?;
                done.plans_voided.push((voided, kept));
            }
            None => {
                moving((Entity::Plan, "plans", &plans::SNAPSHOT), &record)?;
                done.plans += 1;
            }
        }
    }

    for task in records_of(tx, "tasks", other.id)? {
        moving((Entity::Task, "tasks", &tasks::SNAPSHOT), &task)?;
        done.tasks += 1;
    }

    let day = other.retired_on.unwrap_or(day);
    done.other = set_retired(
        tx,
        other.id,
        (Some(day), Some(keep.id)),
        Some(&reason),
        (None, author),
    )?;
    Ok(done)
}

/// The findings about a person, by number.
fn findings_about(tx: &Transaction<'_>, person_id: i64) -> Result<Vec<i64>> {
    let context = || t!("store-reading-finding");
    let mut stmt = tx
        .prepare("SELECT id FROM findings WHERE person_id = :person ORDER BY id")
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":person": person_id }, |row| row.get(0))
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// The people who stand as aliases for a person.
fn aliases_of(tx: &Transaction<'_>, person_id: i64) -> Result<Vec<(i64, String)>> {
    let context = || t!("store-reading-person");
    let mut stmt = tx
        .prepare("SELECT id, uid FROM people WHERE alias_of = :person ORDER BY id")
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":person": person_id }, |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// The unit that holds a unit's records now: itself, or for a unit merged
/// into another the unit kept, at the end of a chain of merges.
pub fn kept(conn: &Connection, unit: UnitRow) -> Result<UnitRow> {
    let mut unit = unit;
    // A chain of merges is short; the bound only guards against a loop in
    // a file changed behind spotcheck's back.
    for _ in 0..32 {
        match &unit.merged_into {
            Some((into, _)) if *into != unit.id => unit = get(conn, *into)?,
            _ => break,
        }
    }
    Ok(unit)
}
