//! Visits: one check at one unit, and which visit is the current one.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};

use super::history::{self, Change, Entity, Snapshot};
use super::{
    Author, Numbered, Origin, date_text, datetime_text, opt, req, resolve_typed, stored_datetime,
};
use crate::error::{Context, Error, Result};
use crate::model::Period;

#[derive(Debug, Clone)]
pub struct VisitRow {
    pub id: i64,
    pub uid: String,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub started_at: NaiveDateTime,
    pub ended_at: Option<NaiveDateTime>,
    pub announced: bool,
    pub team: Option<String>,
    pub on_roll: Option<i64>,
    pub present: Option<i64>,
    /// Citizens' files the team checked, for the rate of overdue files.
    pub files_checked: Option<i64>,
    pub note: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    /// Findings logged on this visit, not counting voided ones.
    pub findings: i64,
    /// When the visit was voided, as a UTC stamp: started by mistake, it
    /// stays in the logbook and its history, out of lists and counts.
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

impl VisitRow {
    /// The fields a correction can change, as they are now.
    pub fn fields(&self) -> NewVisit {
        NewVisit {
            unit_id: self.unit_id,
            started_at: self.started_at,
            ended_at: self.ended_at,
            announced: self.announced,
            team: self.team.clone(),
            on_roll: self.on_roll,
            present: self.present,
            files_checked: self.files_checked,
            note: self.note.clone(),
        }
    }

    /// The refusal of anything done to a voided visit but reading it.
    pub fn refuse_if_void(&self) -> Result<()> {
        match &self.voided_at {
            Some(at) => Err(Error::input(t!(
                "field-visit-is-void",
                id = self.id,
                at = at.as_str(),
                reason = self.void_reason.as_deref().unwrap_or("")
            ))),
            None => Ok(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVisit {
    pub unit_id: i64,
    pub started_at: NaiveDateTime,
    pub ended_at: Option<NaiveDateTime>,
    pub announced: bool,
    pub team: Option<String>,
    pub on_roll: Option<i64>,
    pub present: Option<i64>,
    pub files_checked: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct VisitFilter {
    pub period: Option<Period>,
    pub unit_id: Option<i64>,
    /// Leave voided visits out. Off by default, so that merging and
    /// importing, which match visits by uid, see every visit.
    pub kept_only: bool,
}

const SELECT: &str = "SELECT v.id, v.uid, v.unit_id, u.code AS unit_code, u.name AS unit_name,
        v.started_at, v.ended_at, v.announced, v.team, v.on_roll, v.present, v.note, v.created_by, v.created_at, v.updated_at,
        v.voided_at, v.files_checked, v.void_reason,
        (SELECT count(*) FROM findings f WHERE f.visit_id = v.id AND f.voided_at IS NULL) AS findings
    FROM visits v JOIN units u ON u.id = v.unit_id";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', v.uid, 'unit', u.uid, 'started_at', v.started_at,
        'ended_at', v.ended_at, 'announced', v.announced, 'team', v.team, 'on_roll', v.on_roll,
        'present', v.present, 'note', v.note, 'created_by', v.created_by,
        'voided_at', v.voided_at, 'void_reason', v.void_reason,
        'created_at', v.created_at, 'updated_at', v.updated_at,
        'files_checked', v.files_checked)",
    from: "visits v JOIN units u ON u.id = v.unit_id",
    alias: "v",
};

const CURRENT_KEY: &str = "current_visit";

fn from_row(row: &Row<'_>) -> rusqlite::Result<VisitRow> {
    Ok(VisitRow {
        id: row.get("id")?,
        uid: row.get("uid")?,
        unit_id: row.get("unit_id")?,
        unit_code: row.get("unit_code")?,
        unit_name: row.get("unit_name")?,
        started_at: req(row, "started_at", stored_datetime)?,
        ended_at: opt(row, "ended_at", stored_datetime)?,
        announced: row.get("announced")?,
        team: row.get("team")?,
        on_roll: row.get("on_roll")?,
        present: row.get("present")?,
        files_checked: row.get("files_checked")?,
        note: row.get("note")?,
        created_by: row.get("created_by")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        findings: row.get("findings")?,
        voided_at: row.get("voided_at")?,
        void_reason: row.get("void_reason")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<VisitRow> {
    super::query_one(
        conn,
        &format!("{SELECT} WHERE v.id = :id"),
        named_params! { ":id": id },
        from_row,
    )
    .with_context(|| t!("store-reading-visit"))
}

/// Record a visit and make it the current one.
pub fn start(tx: &Transaction<'_>, visit: &NewVisit, author: &Author) -> Result<VisitRow> {
    let row = insert_from(tx, visit, &Origin::default(), author)?;
    set_current(tx, Some(row.id))?;
    Ok(row)
}

/// Record a visit that another logbook or an export describes.
pub fn insert_from(
    tx: &Transaction<'_>,
    visit: &NewVisit,
    origin: &Origin,
    author: &Author,
) -> Result<VisitRow> {
    let uid = origin.uid();
    super::exec(
        tx,
        "INSERT INTO visits (uid, unit_id, started_at, ended_at, announced, team, on_roll, present, note,
                             created_by, created_at, updated_at, files_checked)
         VALUES (:uid, :unit, :started, :ended, :announced, :team, :on_roll, :present, :note, :by,
                 :created_at, :updated_at, :files_checked)",
        named_params! {
            ":uid": uid,
            ":unit": visit.unit_id,
            ":started": datetime_text(visit.started_at),
            ":ended": visit.ended_at.map(datetime_text),
            ":announced": visit.announced,
            ":team": visit.team,
            ":on_roll": visit.on_roll,
            ":present": visit.present,
            ":files_checked": visit.files_checked,
            ":note": visit.note,
            ":by": origin.created_by(author),
            ":created_at": origin.created_at(author),
            ":updated_at": origin.updated_at(author),
        },
    )
    .with_context(|| t!("store-recording-visit"))?;
    let id = tx.last_insert_rowid();
    history::append_insert(
        tx,
        author,
        &SNAPSHOT,
        (Entity::Visit, &uid, id),
        origin.reason.as_deref(),
    )?;
    get(tx, id)
}

/// Close a visit; it stops being the current one.
pub fn end(tx: &Transaction<'_>, id: i64, at: NaiveDateTime, author: &Author) -> Result<VisitRow> {
    let before = history::snapshot(tx, &SNAPSHOT, id)?;
    super::exec(
        tx,
        "UPDATE visits SET ended_at = :ended, updated_at = :at WHERE id = :id",
        named_params! { ":id": id, ":ended": datetime_text(at), ":at": author.at },
    )
    .with_context(|| t!("store-ending-visit"))?;
    let after = history::snapshot(tx, &SNAPSHOT, id)?;
    let visit = get(tx, id)?;
    history::append(
        tx,
        author,
        Change {
            action: "edit",
            entity: Entity::Visit,
            entity_uid: &visit.uid,
            entity_id: id,
            before: Some(&before),
            after: &after,
            reason: None,
        },
    )?;
    if current(tx)? == Some(id) {
        set_current(tx, None)?;
    }
    Ok(visit)
}

/// Replace a visit's fields with another logbook's or an export's version.
pub fn update_from(
    tx: &Transaction<'_>,
    id: i64,
    visit: &NewVisit,
    updated_at: Option<&str>,
    reason: Option<&str>,
    author: &Author,
) -> Result<VisitRow> {
    let before = history::snapshot(tx, &SNAPSHOT, id)?;
    super::exec(
        tx,
        "UPDATE visits SET unit_id = :unit, started_at = :started, ended_at = :ended,
             announced = :announced, team = :team, on_roll = :on_roll, present = :present,
             files_checked = :files_checked, note = :note, updated_at = :at
         WHERE id = :id",
        named_params! {
            ":id": id,
            ":unit": visit.unit_id,
            ":started": datetime_text(visit.started_at),
            ":ended": visit.ended_at.map(datetime_text),
            ":announced": visit.announced,
            ":team": visit.team,
            ":on_roll": visit.on_roll,
            ":present": visit.present,
            ":files_checked": visit.files_checked,
            ":note": visit.note,
            ":at": updated_at.unwrap_or(&author.at),
        },
    )
    .with_context(|| t!("store-changing-visit"))?;
    let after = history::snapshot(tx, &SNAPSHOT, id)?;
    let row = get(tx, id)?;
    history::append_edit(
        tx,
        author,
        (Entity::Visit, &row.uid, id),
        (&before, &after),
        reason,
    )?;
    Ok(row)
}

/// Correct a visit as typed: one edit entry in the history, with the reason
/// given. `None` when nothing changed, and then nothing is written.
pub fn edit(
    tx: &Transaction<'_>,
    id: i64,
    visit: &NewVisit,
    reason: Option<&str>,
    author: &Author,
) -> Result<Option<VisitRow>> {
    let row = get(tx, id)?;
    row.refuse_if_void()?;
    if row.fields() == *visit {
        return Ok(None);
    }
    update_from(tx, id, visit, None, reason, author).map(Some)
}

/// Void a visit started by mistake, and each of its findings still kept,
/// for the same reason: each gets its own history entry, and the visit
/// stops being the current one. Returns the visit and the findings voided.
pub fn void(
    tx: &Transaction<'_>,
    id: i64,
    reason: &str,
    author: &Author,
) -> Result<(VisitRow, Vec<i64>)> {
    void_from(tx, id, reason, &author.at, author)
}

/// Void a visit as another logbook or an export did, at the time it did.
pub fn void_from(
    tx: &Transaction<'_>,
    id: i64,
    reason: &str,
    voided_at: &str,
    author: &Author,
) -> Result<(VisitRow, Vec<i64>)> {
    let visit = get(tx, id)?;
    visit.refuse_if_void()?;
    let before = history::snapshot(tx, &SNAPSHOT, id)?;
    super::exec(
        tx,
        "UPDATE visits SET voided_at = :at, void_reason = :reason, updated_at = :at
         WHERE id = :id",
        named_params! { ":id": id, ":at": voided_at, ":reason": reason },
    )
    .with_context(|| t!("store-voiding-visit"))?;
    history::append_void(
        tx,
        author,
        &SNAPSHOT,
        (Entity::Visit, &visit.uid, id),
        &before,
        reason,
    )?;
    let kept: Vec<i64> = {
        let context = || t!("store-voiding-visit");
        let mut stmt = tx
            .prepare_cached(
                "SELECT id FROM findings WHERE visit_id = :id AND voided_at IS NULL ORDER BY id",
            )
            .with_context(context)?;
        let rows = stmt
            .query_map(named_params! { ":id": id }, |row| row.get(0))
            .with_context(context)?;
        rows.collect::<rusqlite::Result<_>>()
            .with_context(context)?
    };
    for finding in &kept {
        super::findings::void_from(tx, *finding, reason, voided_at, author)?;
    }
    if current(tx)? == Some(id) {
        set_current(tx, None)?;
    }
    Ok((get(tx, id)?, kept))
}

/// The visit that findings go to when no `--visit` is given.
pub fn current(conn: &Connection) -> Result<Option<i64>> {
    let value: Option<Option<String>> = super::query_one(
        conn,
        "SELECT value FROM meta WHERE key = :key",
        named_params! { ":key": CURRENT_KEY },
        |row| row.get(0),
    )
    .optional()
    .with_context(|| t!("store-reading-current-visit"))?;
    Ok(value.flatten().and_then(|v| v.parse().ok()))
}

fn set_current(tx: &Transaction<'_>, id: Option<i64>) -> Result<()> {
    super::exec(
        tx,
        "INSERT INTO meta (key, value) VALUES (:key, :value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        named_params! { ":key": CURRENT_KEY, ":value": id.map(|id| id.to_string()) },
    )
    .with_context(|| t!("store-setting-current-visit"))?;
    Ok(())
}

/// Visits started in the period (or ever), oldest first.
pub fn list(conn: &Connection, filter: &VisitFilter) -> Result<Vec<VisitRow>> {
    let (from, to) = period_bounds(filter.period.as_ref());
    // The unit goes into the statement only when given, so that SQLite can
    // use the index on unit and time.
    let unit = if filter.unit_id.is_some() {
        "AND v.unit_id = :unit"
    } else {
        ""
    };
    let kept = if filter.kept_only {
        "AND v.voided_at IS NULL"
    } else {
        ""
    };
    let context = || t!("store-listing-visits");
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE v.started_at >= :from AND v.started_at < :to {unit} {kept}
              ORDER BY v.started_at, v.id"
        ))
        .with_context(context)?;
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![(":from", &from), (":to", &to)];
    if let Some(unit) = &filter.unit_id {
        params.push((":unit", unit));
    }
    let rows = stmt
        .query_map(params.as_slice(), from_row)
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// Every visit, void ones included, one at a time in the order they were
/// started: a merge reads a logbook too large to hold in memory so.
pub fn each(conn: &Connection, mut work: impl FnMut(VisitRow) -> Result<()>) -> Result<()> {
    let context = || t!("store-listing-visits");
    let mut stmt = conn
        .prepare(&format!("{SELECT} ORDER BY v.id"))
        .with_context(context)?;
    let mut rows = stmt.query([]).with_context(context)?;
    while let Some(row) = rows.next().with_context(context)? {
        work(from_row(row).with_context(context)?)?;
    }
    Ok(())
}

/// A period as a half-open range of stored date-time text: the first day
/// included, the day after the last excluded. Without a period, a range
/// that holds every date, so statements keep one shape and their index.
pub(super) fn period_bounds(period: Option<&Period>) -> (String, String) {
    let first = period.map_or_else(|| "0000".to_string(), |p| date_text(p.first));
    let after = period.map_or_else(
        || "9999-12-31 99".to_string(),
        |p| super::day_after_text(p.last),
    );
    (first, after)
}

/// Fail with the line to type when a finding has no visit to go to.
pub fn require_current(conn: &Connection) -> Result<i64> {
    current(conn)?.ok_or_else(|| Error::input(t!("store-no-current-visit")))
}

/// The visit a finding goes to and its unit.
pub struct Target {
    pub visit: VisitRow,
    pub unit: super::UnitRow,
}

/// The visit a person typed (its number or the start of its uid), else the
/// one under way, with its unit.
pub fn target(conn: &Connection, typed: Option<&str>) -> Result<Target> {
    let id = match typed {
        Some(typed) => resolve_typed(conn, Numbered::Visit, typed)?,
        None => require_current(conn)?,
    };
    let visit = get(conn, id)?;
    visit.refuse_if_void()?;
    let unit = super::units::get(conn, visit.unit_id)?;
    Ok(Target { visit, unit })
}
