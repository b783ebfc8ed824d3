//! The logbook's side of a sync with the province's server: which of its
//! records and history entries have yet to be pushed, as rows that name
//! other records by uid (the local numbers mean nothing elsewhere), and the
//! records a pull brings, laid out as a logbook of their own so that the
//! merge engine reads them as it reads another laptop's file.

use std::collections::{BTreeSet, HashMap};

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, named_params};
use serde_json::{Map, Value as Json};

use super::Store;
use super::history::Chained;
use crate::error::{Context, Result};
use crate::model::Records;

/// The kinds of record, each after the kinds it points to.
pub const KINDS: [Records; 6] = [
    Records::Units,
    Records::People,
    Records::Tasks,
    Records::Visits,
    Records::Findings,
    Records::Plans,
];

/// The columns that point to another record, by the kind that holds them.
const REFERENCES: &[(Records, &str, Records)] = &[
    (Records::Units, "parent_id", Records::Units),
    (Records::Units, "merged_into", Records::Units),
    (Records::People, "unit_id", Records::Units),
    (Records::People, "alias_of", Records::People),
    (Records::Tasks, "unit_id", Records::Units),
    (Records::Visits, "unit_id", Records::Units),
    (Records::Findings, "visit_id", Records::Visits),
    (Records::Findings, "person_id", Records::People),
    (Records::Findings, "task_id", Records::Tasks),
    (Records::Plans, "unit_id", Records::Units),
];

/// The keys of a history snapshot that name another record by uid.
const SNAPSHOT_REFERENCES: [(&str, Records); 3] = [
    ("unit", Records::Units),
    ("parent", Records::Units),
    ("person", Records::People),
];

/// The keys of `meta` that say how far the syncs got.
const DEVICE: &str = "sync.device";
const PUSHED: &str = "sync.pushed";
const CURSOR: &str = "sync.cursor";
const LAST: &str = "sync.last";
const SERVER: &str = "sync.server";
const POSITION: &str = "sync.position";

/// How far this logbook's syncs got.
#[derive(Debug, Clone, Default)]
pub struct SyncState {
    /// This logbook's name as a device on the server, once it has synced.
    pub device: Option<String>,
    /// The last history entry pushed.
    pub pushed: i64,
    /// The last server revision pulled.
    pub cursor: i64,
    /// When the last sync ended (UTC) and with which server.
    pub last: Option<String>,
    pub server: Option<String>,
    /// The server's last revision when this logbook last looked.
    pub position: Option<i64>,
}

/// A record as pulled: its row as a logbook's table holds it, without its
/// local number, other records named by uid.
#[derive(Debug, Clone)]
pub struct SharedRecord {
    pub records: Records,
    pub uid: String,
    pub row: Json,
    /// When each field got its value, as merges noted it: `{field: [value, stamp]}`.
    pub stamps: Json,
    /// The server revision of this version.
    pub revision: Option<i64>,
    /// The province-wide number, once the server gave one.
    pub number: Option<i64>,
}

/// A history entry as pushed: this logbook's sequence number, the record,
/// and what the entry says (`action`, `at`, `by`, `before`, `after`, `reason`).
#[derive(Debug, Clone)]
pub struct SharedEntry {
    pub seq: i64,
    pub records: Records,
    pub uid: String,
    /// The entry as JSON text: kept as text from the start, since a first
    /// push holds every entry of the logbook at once.
    pub entry: String,
    /// Where the entry stands in this logbook's chain.
    pub chain: Chained,
}

/// A record as pushed: its current row and the stamps of its fields, as
/// JSON text from the start, since a first push holds every record of the
/// logbook at once.
#[derive(Debug, Clone)]
pub struct OutgoingRecord {
    pub records: Records,
    pub uid: String,
    pub row: String,
    /// `{field: [value, stamp]}`, as in [`SharedRecord`].
    pub stamps: String,
    /// The server revision this version was based on.
    pub revision: Option<i64>,
}

/// What a push sends.
#[derive(Debug, Clone, Default)]
pub struct Outgoing {
    pub entries: Vec<SharedEntry>,
    pub records: Vec<OutgoingRecord>,
    pub conflicts: Vec<SharedConflict>,
    /// The last history entry this push covers.
    pub last_seq: i64,
}

/// What the server did with a record pushed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Added, with its province-wide number.
    Added,
    /// The server's version replaced.
    Changed,
    /// The server held this very version already.
    Same,
    /// Another team's record: the server refused the change.
    Refused,
    /// Changed on the server since this logbook last pulled it: held back
    /// until a pull merges the two.
    Behind,
}

/// A record pushed and what came of it.
#[derive(Debug, Clone)]
pub struct Decided {
    pub records: Records,
    pub uid: String,
    pub decision: Decision,
    pub number: Option<i64>,
    pub revision: Option<i64>,
}

fn read_meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    super::query_one(
        conn,
        "SELECT value FROM meta WHERE key = :key",
        named_params! { ":key": key },
        |row| row.get(0),
    )
    .optional()
    .map(Option::flatten)
    .with_context(|| t!("store-reading-sync-state"))
}

fn write_meta(conn: &Connection, key: &str, value: &str) -> Result<()> {
    super::exec(
        conn,
        "INSERT INTO meta (key, value) VALUES (:key, :value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        named_params! { ":key": key, ":value": value },
    )
    .with_context(|| t!("store-writing-sync-state"))?;
    Ok(())
}

fn number_of(text: Option<String>) -> i64 {
    text.and_then(|t| t.parse().ok()).unwrap_or(0)
}

pub fn state(conn: &Connection) -> Result<SyncState> {
    Ok(SyncState {
        device: read_meta(conn, DEVICE)?,
        pushed: number_of(read_meta(conn, PUSHED)?),
        cursor: number_of(read_meta(conn, CURSOR)?),
        last: read_meta(conn, LAST)?,
        server: read_meta(conn, SERVER)?,
        position: read_meta(conn, POSITION)?.and_then(|t| t.parse().ok()),
    })
}

/// This logbook's name as a device, given the first time it syncs.
pub fn device(tx: &Connection) -> Result<String> {
    if let Some(device) = read_meta(tx, DEVICE)? {
        return Ok(device);
    }
    let device = super::new_uid();
    write_meta(tx, DEVICE, &device)?;
    Ok(device)
}

/// Note the end of a sync with `server`, which was at revision `position`.
pub fn synced(tx: &Connection, server: &str, at: &str, position: i64) -> Result<()> {
    write_meta(tx, LAST, at)?;
    write_meta(tx, SERVER, server)?;
    write_meta(tx, POSITION, &position.to_string())
}

/// How many records wait to be pushed: those changed since the last push,
/// and those the server refused or held back.
pub fn waiting(conn: &Connection) -> Result<u64> {
    let pushed = state(conn)?.pushed;
    super::query_one(
        conn,
        "SELECT count(*) FROM (
             SELECT entity, entity_uid FROM history
             WHERE seq > :pushed AND entity IS NOT NULL
             UNION
             SELECT entity, uid FROM shared_records WHERE pending IS NOT NULL)",
        named_params! { ":pushed": pushed },
        |row| row.get::<_, i64>(0),
    )
    .map(|n| n as u64)
    .with_context(|| t!("store-reading-sync-state"))
}

/// The statement that reads a record's row by uid, other records named by uid.
fn row_sql(conn: &Connection, records: Records) -> Result<String> {
    let table = super::records::table(records);
    let columns = table_columns(conn, records)?;
    let select: Vec<String> = columns
        .iter()
        .map(|column| match reference(records, column) {
            Some(target) => format!(
                "(SELECT r.uid FROM {} r WHERE r.id = t.{column}) AS {column}",
                super::records::table(target)
            ),
            None => format!("t.{column}"),
        })
        .collect();
    Ok(format!(
        "SELECT {} FROM {table} t WHERE t.uid = :uid",
        select.join(", ")
    ))
}

/// A table's columns but its local number.
fn table_columns(conn: &Connection, records: Records) -> Result<Vec<String>> {
    let table = super::records::table(records);
    let mut stmt = conn
        .prepare(&format!(
            "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
        ))
        .with_context(|| t!("store-reading-sync-state"))?;
    let names = stmt
        .query_map([], |row| row.get::<_, String>(0))
        .with_context(|| t!("store-reading-sync-state"))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-reading-sync-state"))?;
    Ok(names.into_iter().filter(|name| name != "id").collect())
}

fn reference(records: Records, column: &str) -> Option<Records> {
    REFERENCES
        .iter()
        .find(|(kind, name, _)| *kind == records && *name == column)
        .map(|(_, _, target)| *target)
}

fn to_json(value: rusqlite::types::ValueRef<'_>) -> Json {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null | ValueRef::Blob(_) => Json::Null,
        ValueRef::Integer(n) => Json::from(n),
        ValueRef::Real(x) => serde_json::Number::from_f64(x).map_or(Json::Null, Json::Number),
        ValueRef::Text(text) => Json::String(String::from_utf8_lossy(text).into_owned()),
    }
}

fn to_sql(value: &Json) -> Sql {
    match value {
        Json::Null => Sql::Null,
        Json::Bool(b) => Sql::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or_default()),
        },
        Json::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

/// The uids this logbook gives records the server knows by another uid,
/// and back: `(local → server, server → local)`, by kind.
type Renames = HashMap<(Records, String), String>;

fn renames(conn: &Connection) -> Result<(Renames, Renames)> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT entity, uid, server_uid FROM shared_records WHERE server_uid IS NOT NULL",
        )
        .with_context(|| t!("store-reading-sync-state"))?;
    let rows = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .with_context(|| t!("store-reading-sync-state"))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-reading-sync-state"))?;
    let (mut out, mut back) = (Renames::new(), Renames::new());
    for (entity, local, server) in rows {
        if let Some(records) = super::records::from_entity_name(&entity) {
            out.insert((records, local.clone()), server.clone());
            back.insert((records, server), local);
        }
    }
    Ok((out, back))
}

/// A snapshot or row with each record it names (and its own uid) renamed.
fn rename(json: &mut Json, records: Records, names: &Renames, snapshot: bool) {
    let Some(fields) = json.as_object_mut() else {
        return;
    };
    let mut keys: Vec<(String, Records)> = vec![("uid".to_string(), records)];
    if snapshot {
        keys.extend(SNAPSHOT_REFERENCES.iter().map(|(k, r)| (k.to_string(), *r)));
    } else {
        keys.extend(
            REFERENCES
                .iter()
                .filter(|(kind, _, _)| *kind == records)
                .map(|(_, column, target)| (column.to_string(), *target)),
        );
    }
    for (key, target) in keys {
        if let Some(value) = fields.get_mut(&key)
            && let Some(other) = value
                .as_str()
                .and_then(|uid| names.get(&(target, uid.to_string())))
        {
            *value = Json::String(other.clone());
        }
    }
}

/// What a push has to send: every history entry after the last pushed, and
/// the current row of each record they touch or that waits to be pushed
/// again, named as the server names them.
pub fn outgoing(conn: &Connection) -> Result<Outgoing> {
    // One read transaction: the entries, their hashes and the rows as of
    // one moment, whatever another program writes meanwhile.
    let read = conn
        .unchecked_transaction()
        .with_context(|| t!("store-reading-sync-state"))?;
    let outgoing = outgoing_now(&read)?;
    read.finish()
        .with_context(|| t!("store-reading-sync-state"))?;
    Ok(outgoing)
}

fn outgoing_now(conn: &Connection) -> Result<Outgoing> {
    let pushed = state(conn)?.pushed;
    let (out_names, _) = renames(conn)?;
    let mut outgoing = Outgoing {
        last_seq: pushed,
        ..Outgoing::default()
    };
    // By kind, then in the order they were added here, so that the server
    // numbers new records in that order.
    let mut touched: BTreeSet<(usize, i64, String)> = BTreeSet::new();
    let kind_index = |records: Records| KINDS.iter().position(|k| *k == records).unwrap_or(0);
    let mut chained = super::history::chained_after(conn, pushed)?;
    for entry in super::history::entries_after(conn, pushed)? {
        outgoing.last_seq = outgoing.last_seq.max(entry.seq);
        let Some(chain) = chained.remove(&entry.seq) else {
            continue;
        };
        let Some(records) = super::records::from_entity_name(&entry.entity) else {
            continue;
        };
        touched.insert((
            kind_index(records),
            entry.number.unwrap_or(i64::MAX),
            entry.entity_uid.clone(),
        ));
        let mut snapshots = [entry.before, entry.after];
        for snapshot in snapshots.iter_mut().flatten() {
            rename(snapshot, records, &out_names, true);
        }
        let [before, after] = snapshots;
        let uid = out_names
            .get(&(records, entry.entity_uid.clone()))
            .cloned()
            .unwrap_or(entry.entity_uid);
        outgoing.entries.push(SharedEntry {
            seq: entry.seq,
            records,
            uid,
            entry: serde_json::json!({
                "action": entry.action,
                "at": entry.at,
                "by": entry.by,
                "before": before,
                "after": after,
                "reason": entry.reason,
            })
            .to_string(),
            chain,
        });
    }
    // The last entry may be an upgrade's, which names no record.
    outgoing.last_seq = outgoing.last_seq.max(super::history::last_seq(conn)?);
    let mut stmt = conn
        .prepare("SELECT entity, uid FROM shared_records WHERE pending IS NOT NULL")
        .with_context(|| t!("store-reading-sync-state"))?;
    let pending = stmt
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .with_context(|| t!("store-reading-sync-state"))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-reading-sync-state"))?;
    for (entity, uid) in pending {
        if let Some(records) = super::records::from_entity_name(&entity) {
            let id = super::records::id_by_uid(conn, records, &uid)?.unwrap_or(i64::MAX);
            touched.insert((kind_index(records), id, uid));
        }
    }
    let mut statements: HashMap<usize, String> = HashMap::new();
    let mut seen: std::collections::HashSet<(usize, String)> = Default::default();
    for (index, _, uid) in touched {
        // A record named by two entries, one before a renumbering.
        if !seen.insert((index, uid.clone())) {
            continue;
        }
        let Some(records) = KINDS.get(index).copied() else {
            continue;
        };
        let sql = match statements.get(&index) {
            Some(sql) => sql.clone(),
            None => {
                let sql = row_sql(conn, records)?;
                statements.insert(index, sql.clone());
                sql
            }
        };
        let Some(mut row) = read_row(conn, &sql, &uid)? else {
            continue;
        };
        rename(&mut row, records, &out_names, false);
        let stamps: Map<String, Json> = super::records::field_stamps(conn, records, &uid)?
            .into_iter()
            .map(|(field, (value, stamp))| (field, Json::Array(vec![value, Json::String(stamp)])))
            .collect();
        let (revision, _) = known(conn, records, &uid)?;
        outgoing.records.push(OutgoingRecord {
            records,
            uid: out_names
                .get(&(records, uid.clone()))
                .cloned()
                .unwrap_or(uid),
            row: row.to_string(),
            stamps: Json::Object(stamps).to_string(),
            revision,
        });
    }
    outgoing.conflicts = conflicts(conn)?;
    Ok(outgoing)
}

fn read_row(conn: &Connection, sql: &str, uid: &str) -> Result<Option<Json>> {
    let mut stmt = conn
        .prepare_cached(sql)
        .with_context(|| t!("store-reading-sync-state"))?;
    let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
    stmt.query_row(named_params! { ":uid": uid }, |row| {
        let mut fields = Map::new();
        for (index, name) in names.iter().enumerate() {
            fields.insert(name.clone(), to_json(row.get_ref(index)?));
        }
        Ok(Json::Object(fields))
    })
    .optional()
    .with_context(|| t!("store-reading-sync-state"))
}

/// The server revision and number this logbook knows of a record.
fn known(conn: &Connection, records: Records, uid: &str) -> Result<(Option<i64>, Option<i64>)> {
    super::query_one(
        conn,
        "SELECT revision, number FROM shared_records WHERE entity = :entity AND uid = :uid",
        named_params! { ":entity": super::records::entity_name(records), ":uid": uid },
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()
    .map(Option::unwrap_or_default)
    .with_context(|| t!("store-reading-sync-state"))
}

/// Note what the server did with each record pushed, and that the history
/// up to `last_seq` is pushed, in the transaction `tx`.
pub fn pushed(tx: &Connection, decided: &[Decided], last_seq: i64) -> Result<()> {
    let (_, back) = renames(tx)?;
    for record in decided {
        let pending = match record.decision {
            Decision::Refused => Some("refused"),
            Decision::Behind => Some("behind"),
            Decision::Added | Decision::Changed | Decision::Same => None,
        };
        let uid = back
            .get(&(record.records, record.uid.clone()))
            .unwrap_or(&record.uid);
        // A record held back keeps the revision it was based on, so that
        // the next push is held back again until a pull has merged.
        super::exec(
            tx,
            "INSERT INTO shared_records (entity, uid, number, revision, pending)
             VALUES (:entity, :uid, :number, :revision, :pending)
             ON CONFLICT (entity, uid) DO UPDATE SET
                 number = coalesce(excluded.number, number),
                 revision = CASE WHEN excluded.pending = 'behind' THEN revision
                                 ELSE coalesce(excluded.revision, revision) END,
                 pending = excluded.pending",
            named_params! {
                ":entity": super::records::entity_name(record.records),
                ":uid": uid,
                ":number": record.number,
                ":revision": if record.decision == Decision::Behind { None } else { record.revision },
                ":pending": pending,
            },
        )
        .with_context(|| t!("store-writing-sync-state"))?;
    }
    write_meta(tx, PUSHED, &last_seq.to_string())
}

/// After a pull merged `records`: note each one's number and revision, the
/// uid the server knows a unit or person by when this logbook has it under
/// another, and the new cursor, in the merge's transaction `tx`. A record
/// the merge left other than the server's version (this logbook's edit
/// kept) waits to be pushed; the history entries the merge itself wrote
/// (`since` is the last entry before it) are not pushed when nothing else
/// waited, as they only repeat what came from the server.
pub fn pulled(tx: &Connection, records: &[SharedRecord], cursor: i64, since: i64) -> Result<()> {
    let (mut out_names, mut back_names) = renames(tx)?;
    // First which record here each one is, kind by kind, each after the
    // kinds it points to: a person is matched at its unit, which the server
    // may know under another uid and send after it (the unit changed since).
    // The server's names then hold for every comparison below, whatever
    // order the records came in.
    let mut matched: Vec<(&SharedRecord, String)> = Vec::with_capacity(records.len());
    for kind in KINDS {
        for record in records.iter().filter(|r| r.records == kind) {
            let local = match super::records::id_by_uid(tx, record.records, &record.uid)? {
                Some(_) => Some(record.uid.clone()),
                None => namesake(tx, record, &back_names)?,
            };
            let Some(local) = local else { continue };
            if local != record.uid {
                out_names.insert((record.records, local.clone()), record.uid.clone());
                back_names.insert((record.records, record.uid.clone()), local.clone());
            }
            matched.push((record, local));
        }
    }
    let mut statements: HashMap<Records, String> = HashMap::new();
    for (record, local) in matched {
        let server_uid = (local != record.uid).then_some(record.uid.as_str());
        let sql = match statements.get(&record.records) {
            Some(sql) => sql.clone(),
            None => {
                let sql = row_sql(tx, record.records)?;
                statements.insert(record.records, sql.clone());
                sql
            }
        };
        let differs = match read_row(tx, &sql, &local)? {
            Some(mut row) => {
                rename(&mut row, record.records, &out_names, false);
                row != record.row
            }
            None => false,
        };
        super::exec(
            tx,
            "INSERT INTO shared_records (entity, uid, number, revision, pending, server_uid)
             VALUES (:entity, :uid, :number, :revision, :pending, :server_uid)
             ON CONFLICT (entity, uid) DO UPDATE SET
                 number = excluded.number,
                 revision = excluded.revision,
                 pending = CASE WHEN pending = 'refused' THEN pending ELSE excluded.pending END,
                 server_uid = coalesce(excluded.server_uid, server_uid)",
            named_params! {
                ":entity": super::records::entity_name(record.records),
                ":uid": local,
                ":number": record.number,
                ":revision": record.revision,
                ":pending": differs.then_some("behind"),
                ":server_uid": server_uid,
            },
        )
        .with_context(|| t!("store-writing-sync-state"))?;
    }
    if state(tx)?.pushed == since {
        write_meta(tx, PUSHED, &super::history::last_seq(tx)?.to_string())?;
    }
    write_meta(tx, CURSOR, &cursor.to_string())
}

/// The uid here of a unit or person the server knows under another: the
/// unit of the same code, the person of the same name at the same unit, as
/// the merge matched them. `back` names here the records the server knows
/// under another uid.
fn namesake(conn: &Connection, record: &SharedRecord, back: &Renames) -> Result<Option<String>> {
    let text = |key: &str| {
        record
            .row
            .get(key)
            .and_then(Json::as_str)
            .map(str::to_string)
    };
    let found = match record.records {
        Records::Units => super::query_one(
            conn,
            "SELECT uid FROM units WHERE code = :code",
            named_params! { ":code": text("code") },
            |row| row.get(0),
        ),
        Records::People => {
            let unit = text("unit_id").map(|uid| {
                back.get(&(Records::Units, uid.clone()))
                    .cloned()
                    .unwrap_or(uid)
            });
            super::query_one(
                conn,
                "SELECT p.uid FROM people p JOIN units u ON u.id = p.unit_id
                 WHERE u.uid = :unit AND p.name_key = :key",
                named_params! { ":unit": unit, ":key": text("name_key") },
                |row| row.get(0),
            )
        }
        _ => return Ok(None),
    };
    found
        .optional()
        .with_context(|| t!("store-reading-sync-state"))
}

/// The province-wide number of a record, once a sync brought it.
pub fn shared_number(conn: &Connection, records: Records, uid: &str) -> Result<Option<i64>> {
    Ok(known(conn, records, uid)?.1)
}

/// The records of a pull laid out as a logbook of their own, in memory,
/// each numbered as the server numbers it, so that a merge reads them as
/// it reads another laptop's file. Records it points to that the pull did
/// not bring are expected among `records` (the server sends them along).
pub fn laid_out(records: &[SharedRecord]) -> Result<(Store, Vec<String>)> {
    let mut store = Store::open_in_memory()?;
    let mut set_aside = Vec::new();
    store.write(|tx| {
        let mut later: Vec<(Records, &str, &str, i64)> = Vec::new();
        for kind in KINDS {
            let columns = table_columns(tx, kind)?;
            let table = super::records::table(kind);
            for record in records.iter().filter(|r| r.records == kind) {
                // A row this spotcheck cannot place (a newer one's field, a
                // record it points to that is set aside too) is named and
                // left out, rather than stopping the whole pull.
                let Some(fields) = record.row.as_object() else {
                    set_aside.push(refused_row(record, "not an object"));
                    continue;
                };
                if let Some(unknown) = fields.keys().find(|key| !columns.contains(key)) {
                    set_aside.push(refused_row(record, &format!("unknown field {unknown}")));
                    continue;
                }
                let mut placed = true;
                let mut names = vec!["id".to_string()];
                let mut values = vec![Sql::Integer(record.number.unwrap_or_default())];
                for (column, value) in fields {
                    let value = match reference(kind, column) {
                        // A record of the same kind may come later: pointed to
                        // once all are in.
                        Some(target) if target == kind => {
                            if let Some(uid) = value.as_str() {
                                later.push((kind, column, uid, record.number.unwrap_or_default()));
                            }
                            Sql::Null
                        }
                        Some(target) => match value.as_str() {
                            Some(uid) => match super::records::id_by_uid(tx, target, uid)? {
                                Some(id) => Sql::Integer(id),
                                None => {
                                    set_aside.push(refused_row(record, &format!("{column} {uid}")));
                                    placed = false;
                                    break;
                                }
                            },
                            None => Sql::Null,
                        },
                        None => to_sql(value),
                    };
                    names.push(column.clone());
                    values.push(value);
                }
                if !placed {
                    continue;
                }
                let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
                // The rows of a kind name the same fields: one statement
                // prepared for them all.
                let sql = format!(
                    "INSERT INTO {table} ({}) VALUES ({})",
                    names.join(", "),
                    marks.join(", ")
                );
                let inserted = tx
                    .prepare_cached(&sql)
                    .and_then(|mut insert| insert.execute(rusqlite::params_from_iter(values)));
                if let Err(e) = inserted {
                    set_aside.push(refused_row(record, &e.to_string()));
                }
            }
        }
        for (kind, column, uid, id) in later {
            let target = super::records::id_by_uid(tx, kind, uid)?;
            tx.execute(
                &format!(
                    "UPDATE {} SET {column} = ?1 WHERE id = ?2",
                    super::records::table(kind)
                ),
                rusqlite::params![target, id],
            )
            .with_context(|| t!("store-reading-sync-state"))?;
        }
        Ok(())
    })?;
    Ok((store, set_aside))
}

/// Why a record the server sent was left out, for the person syncing.
fn refused_row(record: &SharedRecord, problem: &str) -> String {
    t!(
        "store-shared-row-bad",
        records = record.records.as_str(),
        uid = record.uid.clone(),
        problem = problem.to_string()
    )
}

/// The uids a record's row names, each with its kind: what must come along
/// with it for a merge to place it.
pub fn referents(record: &SharedRecord) -> Vec<(Records, String)> {
    REFERENCES
        .iter()
        .filter(|(kind, _, _)| *kind == record.records)
        .filter_map(|(_, column, target)| {
            record
                .row
                .get(*column)
                .and_then(Json::as_str)
                .map(|uid| (*target, uid.to_string()))
        })
        .collect()
}

/// A conflict as the laptops share it: which disagreement it is (the
/// record's field and the two values), as the laptop that found it
/// recorded it, and how it was settled once one laptop settled it.
#[derive(Debug, Clone)]
pub struct SharedConflict {
    pub records: Records,
    pub uid: String,
    pub field: String,
    /// The two values as JSON texts, the smaller first.
    pub pair: String,
    pub conflict: Json,
    /// `{value, by, at}`.
    pub settled: Option<Json>,
}

fn pair(mine: &str, theirs: &str) -> String {
    let mut both = [mine, theirs];
    both.sort_unstable();
    Json::from(both.to_vec()).to_string()
}

/// Every conflict of this logbook, named as the server names its records.
pub fn conflicts(conn: &Connection) -> Result<Vec<SharedConflict>> {
    let (out_names, _) = renames(conn)?;
    let mut stmt = conn
        .prepare(
            "SELECT entity, entity_uid, field, mine, theirs, mine_by, mine_at, theirs_by,
                    theirs_at, kept, source, merged_by, merged_at, settled, settled_by, settled_at
             FROM conflicts ORDER BY id",
        )
        .with_context(|| t!("store-reading-sync-state"))?;
    let rows = stmt
        .query_map([], |row| {
            let text = |i: usize| row.get::<_, Option<String>>(i);
            let json = |i: usize| -> rusqlite::Result<Json> {
                Ok(text(i)?.map_or(Json::Null, Json::String))
            };
            let conflict = serde_json::json!({
                "mine": json(3)?, "theirs": json(4)?,
                "mine_by": json(5)?, "mine_at": json(6)?,
                "theirs_by": json(7)?, "theirs_at": json(8)?,
                "kept": json(9)?, "source": json(10)?,
                "merged_by": json(11)?, "merged_at": json(12)?,
            });
            let settled = match (text(13)?, text(14)?, text(15)?) {
                (value, Some(by), Some(at)) => {
                    Some(serde_json::json!({ "value": value, "by": by, "at": at }))
                }
                _ => None,
            };
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                pair(&text(3)?.unwrap_or_default(), &text(4)?.unwrap_or_default()),
                conflict,
                settled,
            ))
        })
        .with_context(|| t!("store-reading-sync-state"))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-reading-sync-state"))?;
    Ok(rows
        .into_iter()
        .filter_map(|(entity, uid, field, pair, conflict, settled)| {
            let records = super::records::from_entity_name(&entity)?;
            let uid = out_names
                .get(&(records, uid.clone()))
                .cloned()
                .unwrap_or(uid);
            Some(SharedConflict {
                records,
                uid,
                field,
                pair,
                conflict,
                settled,
            })
        })
        .collect())
}

/// A conflict's record and field: its kind, uid and field's name.
type ConflictKey = (String, String, String);
/// A conflict the logbook holds: its id, its pair of values, and whether
/// it is settled.
type KnownConflict = (i64, String, bool);

/// Take in the conflicts other laptops found, in `tx`: each one this
/// logbook lacks is added, from this logbook's side (its value is the
/// one the other laptop took in), and one settled elsewhere is closed here
/// as it was settled. Returns the numbers of those added.
pub fn take_conflicts(tx: &Connection, shared: &[SharedConflict]) -> Result<Vec<i64>> {
    let (_, back) = renames(tx)?;
    // The logbook's conflicts, read once by record and field: a first sync
    // takes the province's thousands, and a look for each read them all.
    let mut here: HashMap<ConflictKey, Vec<KnownConflict>> = HashMap::new();
    {
        let mut stmt = tx
            .prepare(
                "SELECT entity, entity_uid, field, id, mine, theirs, settled_at FROM conflicts",
            )
            .with_context(|| t!("store-reading-sync-state"))?;
        let rows = stmt
            .query_map([], |row| {
                let mine = row.get::<_, Option<String>>(4)?.unwrap_or_default();
                let theirs = row.get::<_, Option<String>>(5)?.unwrap_or_default();
                Ok((
                    (
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                    ),
                    (
                        row.get::<_, i64>(3)?,
                        pair(&mine, &theirs),
                        row.get::<_, Option<String>>(6)?.is_some(),
                    ),
                ))
            })
            .with_context(|| t!("store-reading-sync-state"))?;
        for row in rows {
            let (key, conflict) = row.with_context(|| t!("store-reading-sync-state"))?;
            here.entry(key).or_default().push(conflict);
        }
    }
    let mut added = Vec::new();
    for conflict in shared {
        let uid = back
            .get(&(conflict.records, conflict.uid.clone()))
            .unwrap_or(&conflict.uid);
        let entity = super::records::entity_name(conflict.records);
        let key = (entity.to_string(), uid.clone(), conflict.field.clone());
        let same = here
            .get(&key)
            .and_then(|known| known.iter().find(|(_, pair, _)| *pair == conflict.pair))
            .map(|(id, _, settled)| (*id, *settled));
        let text = |key: &str| conflict.conflict.get(key).and_then(Json::as_str);
        let settled = conflict.settled.as_ref();
        let settled_text = |key: &str| settled.and_then(|s| s.get(key)).and_then(Json::as_str);
        match same {
            Some((id, false)) if settled.is_some() => {
                super::exec(
                    tx,
                    "UPDATE conflicts SET settled = :value, settled_by = :by, settled_at = :at
                     WHERE id = :id",
                    named_params! {
                        ":value": settled_text("value"),
                        ":by": settled_text("by"),
                        ":at": settled_text("at"),
                        ":id": id,
                    },
                )
                .with_context(|| t!("store-writing-sync-state"))?;
                // Settled now, as the column says: the same conflict met
                // again in this pull (under another uid of the server's)
                // does not settle it a second time.
                if let Some(known) = here
                    .get_mut(&key)
                    .and_then(|known| known.iter_mut().find(|(known_id, _, _)| *known_id == id))
                {
                    known.2 = settled_text("at").is_some();
                }
            }
            Some(_) => {}
            None => {
                // Found on the other side: its "mine" is this logbook's "theirs".
                let kept = match text("kept") {
                    Some("mine") => "theirs",
                    _ => "mine",
                };
                super::exec(
                    tx,
                    "INSERT INTO conflicts (entity, entity_uid, field, mine, theirs, mine_by,
                         mine_at, theirs_by, theirs_at, kept, source, merged_by, merged_at,
                         settled, settled_by, settled_at)
                     VALUES (:entity, :uid, :field, :mine, :theirs, :mine_by, :mine_at,
                             :theirs_by, :theirs_at, :kept, :source, :merged_by, :merged_at,
                             :settled, :settled_by, :settled_at)",
                    named_params! {
                        ":entity": entity,
                        ":uid": uid,
                        ":field": conflict.field,
                        ":mine": text("theirs"),
                        ":theirs": text("mine"),
                        ":mine_by": text("theirs_by"),
                        ":mine_at": text("theirs_at"),
                        ":theirs_by": text("mine_by"),
                        ":theirs_at": text("mine_at"),
                        ":kept": kept,
                        ":source": text("source"),
                        ":merged_by": text("merged_by").unwrap_or_default(),
                        ":merged_at": text("merged_at").unwrap_or_default(),
                        ":settled": settled_text("value"),
                        ":settled_by": settled_text("by"),
                        ":settled_at": settled_text("at"),
                    },
                )
                .with_context(|| t!("store-writing-sync-state"))?;
                let id = tx.last_insert_rowid();
                here.entry(key).or_default().push((
                    id,
                    conflict.pair.clone(),
                    settled_text("at").is_some(),
                ));
                added.push(id);
            }
        }
    }
    Ok(added)
}

/// The logbook's last history entry.
pub fn last_entry(conn: &Connection) -> Result<i64> {
    super::history::last_seq(conn)
}
