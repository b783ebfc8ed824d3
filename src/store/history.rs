//! The edit history: every insert, edit and void appended as an entry whose
//! hash covers the previous entry's hash, so a change made behind spotcheck's
//! back breaks the chain.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, named_params};
use serde_json::Value as Json;
use sha2::{Digest as _, Sha256};

use super::Author;
use crate::error::{Context, Result};

/// The hash that the first entry chains to.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub seq: i64,
    pub at: String,
    pub by: String,
    pub action: String,
    pub entity: String,
    pub entity_uid: String,
    /// Local number of the record, when it still exists.
    pub number: Option<i64>,
    pub before: Option<Json>,
    pub after: Option<Json>,
    pub reason: Option<String>,
}

/// Which table a history entry is about.
#[derive(Debug, Clone, Copy)]
pub enum Entity {
    Unit,
    Person,
    Visit,
    Finding,
    Plan,
    Task,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Unit => "unit",
            Entity::Person => "person",
            Entity::Visit => "visit",
            Entity::Finding => "finding",
            Entity::Plan => "plan",
            Entity::Task => "task",
        }
    }

    /// The kind of record a history entry names.
    pub(super) fn named(name: &str) -> Option<Entity> {
        [
            Entity::Unit,
            Entity::Person,
            Entity::Visit,
            Entity::Finding,
            Entity::Plan,
            Entity::Task,
        ]
        .into_iter()
        .find(|entity| entity.as_str() == name)
    }

    /// How to take a snapshot of this kind of record.
    pub(super) fn snapshot(self) -> &'static Snapshot {
        match self {
            Entity::Unit => &super::units::SNAPSHOT,
            Entity::Person => &super::people::SNAPSHOT,
            Entity::Visit => &super::visits::SNAPSHOT,
            Entity::Finding => &super::findings::SNAPSHOT,
            Entity::Plan => &super::plans::SNAPSHOT,
            Entity::Task => &super::tasks::SNAPSHOT,
        }
    }

    /// The table that holds this kind of record.
    fn table(self) -> &'static str {
        match self {
            Entity::Unit => "units",
            Entity::Person => "people",
            Entity::Visit => "visits",
            Entity::Finding => "findings",
            Entity::Plan => "plans",
            Entity::Task => "tasks",
        }
    }
}

/// The keys of a snapshot that hold the record's own stamps rather than its
/// fields. They are in the snapshot so that `check` can tell a stamp changed
/// by hand (a merge trusts `updated_at` to say which edit is later), and
/// left out wherever the question is whether the record itself changed.
pub(super) const STAMPS: [&str; 3] = ["created_at", "logged_at", "updated_at"];

/// A snapshot without its stamps.
pub(super) fn without_stamps(mut json: Json) -> Json {
    if let Some(fields) = json.as_object_mut() {
        for stamp in STAMPS {
            fields.remove(stamp);
        }
    }
    json
}

/// Whether two snapshots of a record hold the same fields, whatever their stamps.
pub(super) fn same_fields(a: &str, b: &str) -> bool {
    match (
        serde_json::from_str::<Json>(a),
        serde_json::from_str::<Json>(b),
    ) {
        (Ok(a), Ok(b)) => without_stamps(a) == without_stamps(b),
        _ => a == b,
    }
}

/// After an UPDATE that stamped a record: when none of its fields changed,
/// put its edit stamp back as `before` had it, so that a record stamped as
/// edited always has the history entry of that edit. Returns whether the
/// record was left unchanged.
pub(super) fn unchanged(
    tx: &Transaction<'_>,
    (entity, entity_id): (Entity, i64),
    (before, after): (&str, &str),
) -> Result<bool> {
    if !same_fields(before, after) {
        return Ok(false);
    }
    if before != after {
        super::exec(
            tx,
            &format!(
                "UPDATE {} SET updated_at = json_extract(:before, '$.updated_at') WHERE id = :id",
                entity.table()
            ),
            named_params! { ":before": before, ":id": entity_id },
        )
        .with_context(|| t!("store-appending-history"))?;
    }
    Ok(true)
}

pub(super) struct Change<'a> {
    pub action: &'static str,
    pub entity: Entity,
    pub entity_uid: &'a str,
    pub entity_id: i64,
    /// Snapshots as SQLite's `json_object` writes them: the record before
    /// the change (for a merge, the other logbook's version) and after it.
    pub before: Option<&'a str>,
    pub after: &'a str,
    pub reason: Option<&'a str>,
}

/// A snapshot as JSON; text that is not JSON (never written by spotcheck)
/// is kept as one string, so that it still hashes and compares.
pub(super) fn parse(text: &str) -> Json {
    serde_json::from_str(text).unwrap_or_else(|_| Json::String(text.to_string()))
}

/// A version's fields by name, each as the JSON text SQLite wrote: read
/// without copying a value, as every write hashes one.
type Fields<'a> = std::collections::BTreeMap<&'a str, &'a serde_json::value::RawValue>;

/// What the history keeps of a version instead of the version itself.
pub(super) struct Digest {
    /// SHA-256 of the canonical form: the fields in the order of their
    /// names, each as JSON with no space, `{"name":value,...}`, leaving out
    /// the empty (null) ones, so that a field a later schema adds (null in
    /// every record written before it) leaves the hash of an older record
    /// as it was.
    pub record: [u8; 32],
    /// One byte for each field, in the order of their names, empty fields
    /// included: the low byte of a CRC-32 of the field's name and value.
    /// The hash decides whether the record changed; these bytes only let
    /// `check` name which fields did, as a second copy of the row would, in
    /// a byte a field. One changed field in 256 keeps its byte and goes
    /// unnamed.
    pub marks: Vec<u8>,
}

/// The digest of a snapshot as SQLite's `json_object` writes it. Text that
/// is not a JSON object (never written by spotcheck) is hashed as it is.
pub(super) fn digest(snapshot: &str) -> Digest {
    let Ok(fields) = serde_json::from_str::<Fields<'_>>(snapshot) else {
        return Digest {
            record: Sha256::digest(snapshot.as_bytes()).into(),
            marks: Vec::new(),
        };
    };
    let mut hash = Sha256::new();
    hash.update(b"{");
    let mut first = true;
    for (name, value) in &fields {
        let value = value.get();
        if value == "null" {
            continue;
        }
        if !first {
            hash.update(b",");
        }
        first = false;
        // Names are plain words: quoted, they are their JSON.
        hash.update(b"\"");
        hash.update(name.as_bytes());
        hash.update(b"\":");
        hash.update(value.as_bytes());
    }
    hash.update(b"}");
    Digest {
        record: hash.finalize().into(),
        marks: fields
            .iter()
            .map(|(name, value)| field_mark(name, value.get()))
            .collect(),
    }
}

fn field_mark(name: &str, value: &str) -> u8 {
    let mut crc = crc32fast::Hasher::new();
    crc.update(name.as_bytes());
    crc.update(&[0]);
    crc.update(value.as_bytes());
    crc.finalize().to_le_bytes()[0]
}

/// The fields of the snapshot `now` whose marks are not those recorded,
/// stamps aside; `None` when the marks were written for another set of
/// fields (a schema since added one), so that they cannot say.
pub(super) fn marked_changes(now: &str, marks: &[u8]) -> Option<Vec<String>> {
    let fields = serde_json::from_str::<Fields<'_>>(now).ok()?;
    if fields.len() != marks.len() {
        return None;
    }
    Some(
        fields
            .iter()
            .zip(marks)
            .filter(|((name, value), mark)| {
                !STAMPS.contains(name) && field_mark(name, value.get()) != **mark
            })
            .map(|((name, _), _)| name.to_string())
            .collect(),
    )
}

/// The fields that differ between two versions, each side with only
/// those: what an edit's entry keeps.
fn delta(before: &Json, after: &Json) -> (String, String) {
    let null = Json::Null;
    let (mut was, mut now) = (serde_json::Map::new(), serde_json::Map::new());
    if let (Some(b), Some(a)) = (before.as_object(), after.as_object()) {
        for key in b.keys().chain(a.keys()) {
            let (old, new) = (b.get(key).unwrap_or(&null), a.get(key).unwrap_or(&null));
            if old != new {
                was.insert(key.clone(), old.clone());
                now.insert(key.clone(), new.clone());
            }
        }
    } else if before != after {
        return (before.to_string(), after.to_string());
    }
    (Json::Object(was).to_string(), Json::Object(now).to_string())
}

/// The stamps of a new record that are not the time of its entry (a record
/// imported or merged keeps its own): all an insert's entry keeps beside
/// the hash, so that `check` can say what a stamp changed by hand was.
fn stamps_beyond(after: &str, at: &str) -> Option<String> {
    let fields = serde_json::from_str::<Fields<'_>>(after).ok()?;
    let own: serde_json::Map<String, Json> = STAMPS
        .iter()
        .filter_map(|stamp| Some((*stamp, parse(fields.get(stamp)?.get()))))
        .filter(|(_, value)| value.as_str() != Some(at))
        .map(|(stamp, value)| (stamp.to_string(), value))
        .collect();
    (!own.is_empty()).then(|| Json::Object(own).to_string())
}

/// The value of `stamp` that an insert's entry records: its own when it
/// kept one, else the time of the entry.
pub(super) fn inserted_stamp(after: Option<&str>, at: &str, stamp: &str) -> String {
    after
        .map(parse)
        .and_then(|kept| kept.get(stamp).and_then(Json::as_str).map(str::to_string))
        .unwrap_or_else(|| at.to_string())
}

/// Append one entry to the chain, inside the caller's transaction.
pub(super) fn append(tx: &Transaction<'_>, author: &Author, change: Change<'_>) -> Result<()> {
    let prev: Option<Vec<u8>> = super::query_one(
        tx,
        "SELECT hash FROM history ORDER BY seq DESC LIMIT 1",
        [],
        |row| row.get(0),
    )
    .optional()
    .with_context(|| t!("store-reading-history-end"))?;
    let prev_hash = prev.as_deref().map_or_else(|| GENESIS.to_string(), hex);
    let (before, after_kept) = match change.action {
        "insert" => (None, stamps_beyond(change.after, &author.at)),
        "merge" => (change.before.map(str::to_string), None),
        _ => match change.before {
            Some(before) => {
                let (was, now) = delta(&parse(before), &parse(change.after));
                (Some(was), Some(now))
            }
            None => (None, Some(change.after.to_string())),
        },
    };
    let Digest { record, marks } = digest(change.after);
    let hash = compact_hash(&Compact {
        prev_hash: &prev_hash,
        at: &author.at,
        by: &author.by,
        action: change.action,
        entity: Some(change.entity.as_str()),
        entity_uid: Some(change.entity_uid),
        before: before.as_deref(),
        after: after_kept.as_deref(),
        reason: change.reason,
        record: &record,
        fields: Some(&marks),
    });
    super::exec(
        tx,
        "INSERT INTO history (at, by, action, entity, entity_uid, entity_id, before, after, reason, record, fields, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        rusqlite::params![
            author.at,
            author.by,
            change.action,
            change.entity.as_str(),
            change.entity_uid,
            change.entity_id,
            before,
            after_kept,
            change.reason,
            &record[..],
            marks,
            &hash[..],
        ],
    )
    .with_context(|| t!("store-appending-history"))?;
    Ok(())
}

/// After an upgrade from a schema whose history kept whole snapshots and
/// hex hashes: the entry that starts the compact chain by recording the
/// head of the entries before it, which stay as they were written so that
/// `check` still proves them. Nothing is appended to an empty history.
pub(super) fn start_compact_chain(tx: &Transaction<'_>, at: &str) -> Result<()> {
    let head: Option<Vec<u8>> = super::query_one(
        tx,
        "SELECT hash FROM history ORDER BY seq DESC LIMIT 1",
        [],
        |row| row.get(0),
    )
    .optional()
    .with_context(|| t!("store-reading-history-end"))?;
    let Some(head) = head else { return Ok(()) };
    let by = concat!("spotcheck ", env!("CARGO_PKG_VERSION"));
    let hash = compact_hash(&Compact {
        prev_hash: &hex(&head),
        at,
        by,
        action: "upgrade",
        entity: None,
        entity_uid: None,
        before: None,
        after: None,
        reason: None,
        record: &head,
        fields: None,
    });
    super::exec(
        tx,
        "INSERT INTO history (at, by, action, record, hash) VALUES (?1, ?2, 'upgrade', ?3, ?4)",
        rusqlite::params![at, by, head, &hash[..]],
    )
    .with_context(|| t!("store-appending-history"))?;
    Ok(())
}

/// Append the entry of a record just added: its first snapshot.
pub(super) fn append_insert(
    tx: &Transaction<'_>,
    author: &Author,
    snapshot: &Snapshot,
    (entity, entity_uid, entity_id): (Entity, &str, i64),
    reason: Option<&str>,
) -> Result<()> {
    let after = self::snapshot(tx, snapshot, entity_id)?;
    append(
        tx,
        author,
        Change {
            action: "insert",
            entity,
            entity_uid,
            entity_id,
            before: None,
            after: &after,
            reason,
        },
    )
}

/// Append the entry of a void, given the snapshot from before it.
pub(super) fn append_void(
    tx: &Transaction<'_>,
    author: &Author,
    snapshot: &Snapshot,
    (entity, entity_uid, entity_id): (Entity, &str, i64),
    before: &str,
    reason: &str,
) -> Result<()> {
    let after = self::snapshot(tx, snapshot, entity_id)?;
    append(
        tx,
        author,
        Change {
            action: "void",
            entity,
            entity_uid,
            entity_id,
            before: Some(before),
            after: &after,
            reason: Some(reason),
        },
    )
}

/// Append an edit entry when the record's snapshot changed; returns whether
/// it did.
pub(super) fn append_edit(
    tx: &Transaction<'_>,
    author: &Author,
    (entity, entity_uid, entity_id): (Entity, &str, i64),
    (before, after): (&str, &str),
    reason: Option<&str>,
) -> Result<bool> {
    if unchanged(tx, (entity, entity_id), (before, after))? {
        return Ok(false);
    }
    append(
        tx,
        author,
        Change {
            action: "edit",
            entity,
            entity_uid,
            entity_id,
            before: Some(before),
            after,
            reason,
        },
    )?;
    Ok(true)
}

/// The stored text of one history entry from before the compact chain, as
/// its hash covers it.
pub(super) struct EntryFields<'a> {
    pub prev_hash: &'a str,
    pub at: &'a str,
    pub by: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_uid: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub reason: Option<&'a str>,
}

/// JSON text of a string, or `null`.
fn quoted(text: Option<&str>) -> String {
    text.map_or_else(|| "null".to_string(), |t| Json::from(t).to_string())
}

/// What the SHA-256 of an entry from before the compact chain covers: its
/// fields as one JSON object with sorted keys and no spaces, so anyone can
/// recompute it with a JSON library.
fn entry_text(entry: &EntryFields<'_>) -> String {
    // Keys in sorted order, as serde_json writes a map.
    format!(
        "{{\"action\":{},\"after\":{},\"at\":{},\"before\":{},\"by\":{},\"entity\":{},\"entity_uid\":{},\"prev_hash\":{},\"reason\":{}}}",
        quoted(Some(entry.action)),
        quoted(entry.after),
        quoted(Some(entry.at)),
        quoted(entry.before),
        quoted(Some(entry.by)),
        quoted(Some(entry.entity)),
        quoted(Some(entry.entity_uid)),
        quoted(Some(entry.prev_hash)),
        quoted(entry.reason),
    )
}

/// One entry of the compact chain, as its hash covers it.
pub(super) struct Compact<'a> {
    /// The previous entry's hash in hex, [`GENESIS`] for the first.
    pub prev_hash: &'a str,
    pub at: &'a str,
    pub by: &'a str,
    pub action: &'a str,
    pub entity: Option<&'a str>,
    pub entity_uid: Option<&'a str>,
    /// The changed fields (an edit or a void), the other logbook's version
    /// (a merge), or the stamps a new record kept of its own (an insert).
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub reason: Option<&'a str>,
    /// The hash of the record's version after the entry; for the entry
    /// that starts the chain, the head of the entries before it.
    pub record: &'a [u8],
    pub fields: Option<&'a [u8]>,
}

/// SHA-256 over an entry of the compact chain: as [`entry_text`], with the
/// hashes and marks in hex under their own keys.
pub(super) fn compact_hash(entry: &Compact<'_>) -> [u8; 32] {
    Sha256::digest(compact_text(entry).as_bytes()).into()
}

/// The text [`compact_hash`] covers.
fn compact_text(entry: &Compact<'_>) -> String {
    format!(
        "{{\"action\":{},\"after\":{},\"at\":{},\"before\":{},\"by\":{},\"entity\":{},\"entity_uid\":{},\"fields\":{},\"prev_hash\":{},\"reason\":{},\"record\":{}}}",
        quoted(Some(entry.action)),
        quoted(entry.after),
        quoted(Some(entry.at)),
        quoted(entry.before),
        quoted(Some(entry.by)),
        quoted(entry.entity),
        quoted(entry.entity_uid),
        quoted(entry.fields.map(hex).as_deref()),
        quoted(Some(entry.prev_hash)),
        quoted(entry.reason),
        quoted(Some(&hex(entry.record))),
    )
}

/// Lowercase hex, as the chain's canonical text writes hashes.
pub(super) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(HEX[usize::from(byte >> 4)]));
        text.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    text
}

/// What a person reads for a reference held in a snapshot: a person's
/// name, a unit's code, a visit's number. `None` for other fields.
pub fn reference_label(conn: &Connection, field: &str, uid: &str) -> Result<Option<String>> {
    let text = |sql: &str| -> Result<Option<String>> {
        super::query_one(conn, sql, named_params! { ":uid": uid }, |row| row.get(0))
            .optional()
            .with_context(|| t!("store-naming-history-record"))
    };
    match field {
        // With the number when another person has the same name, as a
        // person joined to a namesake by a unit merge has.
        "person" => text(
            "SELECT p.name || CASE WHEN EXISTS (
                        SELECT 1 FROM people o WHERE o.name_key = p.name_key AND o.id != p.id)
                    THEN ' (#' || p.id || ')' ELSE '' END
             FROM people p WHERE p.uid = :uid",
        ),
        "alias_of" => text("SELECT name || ' (#' || id || ')' FROM people WHERE uid = :uid"),
        "unit" | "merged_into" | "parent" => text("SELECT code FROM units WHERE uid = :uid"),
        "task" => Ok(text("SELECT CAST(id AS TEXT) FROM tasks WHERE uid = :uid")?
            .map(|number| t!("store-task-label", number = number))),
        "visit" => Ok(
            text("SELECT CAST(id AS TEXT) FROM visits WHERE uid = :uid")?
                .map(|number| t!("store-visit-label", number = number)),
        ),
        _ => Ok(None),
    }
}

/// One history entry as it is stored.
pub(super) struct Stored {
    pub seq: i64,
    pub at: String,
    pub by: String,
    pub action: String,
    /// `None` only on the entry that starts the compact chain.
    pub entity: Option<String>,
    pub entity_uid: Option<String>,
    pub entity_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
    /// Set on every entry of the compact chain; an entry from before it
    /// holds whole snapshots instead.
    pub record: Option<Vec<u8>>,
    pub fields: Option<Vec<u8>>,
    pub hash: Vec<u8>,
}

impl Stored {
    /// The columns [`Stored::read`] takes, in its order.
    pub(super) const COLUMNS: &'static str = "seq, at, by, action, entity, entity_uid, entity_id, before, after, reason, record, fields, hash";

    pub(super) fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
        Ok(Stored {
            seq: row.get(0)?,
            at: row.get(1)?,
            by: row.get(2)?,
            action: row.get(3)?,
            entity: row.get(4)?,
            entity_uid: row.get(5)?,
            entity_id: row.get(6)?,
            before: row.get(7)?,
            after: row.get(8)?,
            reason: row.get(9)?,
            record: row.get(10)?,
            fields: row.get(11)?,
            hash: row.get(12)?,
        })
    }

    /// The text the entry's hash covers, given the hash before it (hex):
    /// what anyone, the province's server among them, hashes again to check
    /// the entry.
    pub(super) fn covered_text(&self, previous: &str) -> String {
        match &self.record {
            None if self.action != "upgrade" => entry_text(&EntryFields {
                prev_hash: previous,
                at: &self.at,
                by: &self.by,
                action: &self.action,
                entity: self.entity.as_deref().unwrap_or(""),
                entity_uid: self.entity_uid.as_deref().unwrap_or(""),
                before: self.before.as_deref(),
                after: self.after.as_deref(),
                reason: self.reason.as_deref(),
            }),
            record => compact_text(&Compact {
                prev_hash: previous,
                at: &self.at,
                by: &self.by,
                action: &self.action,
                entity: self.entity.as_deref(),
                entity_uid: self.entity_uid.as_deref(),
                before: self.before.as_deref(),
                after: self.after.as_deref(),
                reason: self.reason.as_deref(),
                record: record.as_deref().unwrap_or_default(),
                fields: self.fields.as_deref(),
            }),
        }
    }

    /// Whether the stored hash is the one recomputed over the entry and
    /// the hash before it.
    pub(super) fn hash_matches(&self, previous: &str) -> bool {
        Sha256::digest(self.covered_text(previous).as_bytes())[..] == self.hash[..]
    }
}

/// The whole versions before and after each entry of one record's history
/// (oldest first), rebuilt backwards from the record as it is now: an
/// edit's entry keeps only the fields it changed, an insert's only a hash.
/// Entries from before the compact chain keep whole snapshots already.
fn rebuild(now: Option<Json>, entries: &[&Stored]) -> Vec<(Option<Json>, Option<Json>)> {
    let mut state = now;
    let mut versions = vec![(None, None); entries.len()];
    for (entry, version) in entries.iter().zip(versions.iter_mut()).rev() {
        let stored = |text: &Option<String>| text.as_deref().map(parse);
        *version = match (entry.record.is_some(), entry.action.as_str()) {
            (false, _) => (stored(&entry.before), stored(&entry.after)),
            (true, "insert") => (None, state.take().or_else(|| stored(&entry.after))),
            (true, "merge") => (stored(&entry.before), state.clone()),
            (true, _) => {
                let after = state.clone().or_else(|| stored(&entry.after));
                let mut before = after.clone();
                if let (Some(Json::Object(fields)), Some(Json::Object(was))) =
                    (&mut before, stored(&entry.before))
                {
                    fields.extend(was);
                }
                state = before.clone();
                (before, after)
            }
        };
    }
    versions
}

/// The current snapshot of a record, `None` when it is gone.
fn current(conn: &Connection, entity: &str, id: i64) -> Result<Option<Json>> {
    let Some(entity) = Entity::named(entity) else {
        return Ok(None);
    };
    let snapshot = entity.snapshot();
    let sql = format!(
        "SELECT {json} FROM {from} WHERE {a}.id = :id",
        json = snapshot.json,
        from = snapshot.from,
        a = snapshot.alias
    );
    let text: Option<String> =
        super::query_one(conn, &sql, named_params! { ":id": id }, |row| row.get(0))
            .optional()
            .with_context(|| t!("store-taking-snapshot"))?;
    Ok(text.as_deref().map(parse))
}

/// History entries, oldest first; of one record when it is given.
pub fn entries(conn: &Connection, record: Option<(Entity, i64)>) -> Result<Vec<HistoryEntry>> {
    // Only the filter given goes into the statement, so the index serves it.
    let filter = if record.is_some() {
        "WHERE entity = :entity AND entity_id = :id"
    } else {
        "WHERE entity IS NOT NULL"
    };
    let entity = record.map(|(entity, _)| entity.as_str());
    let params: Vec<(&str, &dyn rusqlite::ToSql)> = match (&entity, &record) {
        (Some(entity), Some((_, id))) => vec![(":entity", entity), (":id", id)],
        _ => Vec::new(),
    };
    Ok(read_entries(conn, filter, &params)?
        .into_iter()
        .map(|mut entry| {
            entry.before = entry.before.map(without_stamps);
            entry.after = entry.after.map(without_stamps);
            entry
        })
        .collect())
}

/// The entries about records after `seq`, oldest first, their snapshots
/// whole (stamps included) as a merge elsewhere reads them.
pub fn entries_after(conn: &Connection, seq: i64) -> Result<Vec<HistoryEntry>> {
    // A compact entry is rebuilt from the record's state now and the
    // entries after it, all of which this reads.
    read_entries(
        conn,
        "WHERE seq > :seq AND entity IS NOT NULL",
        &[(":seq", &seq as &dyn rusqlite::ToSql)],
    )
}

/// An entry's place in the chain, as a push sends it.
#[derive(Debug, Clone)]
pub struct Chained {
    /// The entry's hash and the one before it, in hex.
    pub hash: String,
    pub prev: String,
    /// The text the hash covers: the province's server hashes it again and
    /// checks the chain it is given.
    pub covered: String,
}

/// Each entry after `seq` in the chain, by number.
pub fn chained_after(conn: &Connection, seq: i64) -> Result<HashMap<i64, Chained>> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM history WHERE seq >= :seq ORDER BY seq",
            Stored::COLUMNS
        ))
        .with_context(|| t!("store-preparing-history"))?;
    let rows = stmt
        .query_map(named_params! { ":seq": seq }, Stored::read)
        .with_context(|| t!("store-reading-history"))?;
    let mut previous = GENESIS.to_string();
    let mut chained = HashMap::new();
    for row in rows {
        let entry = row.with_context(|| t!("store-reading-history"))?;
        let hash = hex(&entry.hash);
        if entry.seq > seq {
            let covered = entry.covered_text(&previous);
            chained.insert(
                entry.seq,
                Chained {
                    hash: hash.clone(),
                    prev: previous,
                    covered,
                },
            );
        }
        previous = hash;
    }
    Ok(chained)
}

/// The last entry's number, 0 in an empty history.
pub fn last_seq(conn: &Connection) -> Result<i64> {
    super::query_one(
        conn,
        "SELECT coalesce(max(seq), 0) FROM history",
        [],
        |row| row.get(0),
    )
    .with_context(|| t!("store-reading-history"))
}

fn read_entries(
    conn: &Connection,
    filter: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM history {filter} ORDER BY seq",
            Stored::COLUMNS
        ))
        .with_context(|| t!("store-preparing-history"))?;
    let raw = stmt
        .query_map(params, Stored::read)
        .with_context(|| t!("store-reading-history"))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-reading-history"))?;
    // Each record's entries are rebuilt together, from its state now.
    let mut by_record: std::collections::BTreeMap<(&str, i64), Vec<usize>> = Default::default();
    for (index, entry) in raw.iter().enumerate() {
        if let (Some(entity), Some(id)) = (&entry.entity, entry.entity_id) {
            by_record.entry((entity, id)).or_default().push(index);
        }
    }
    let mut versions = vec![(None, None); raw.len()];
    for ((entity, id), indexes) in by_record {
        let now = current(conn, entity, id)?;
        let own: Vec<&Stored> = indexes.iter().filter_map(|&i| raw.get(i)).collect();
        for (&i, version) in indexes.iter().zip(rebuild(now, &own)) {
            if let Some(slot) = versions.get_mut(i) {
                *slot = version;
            }
        }
    }
    // A person reads when an entry was made in its own column; the
    // record's stamps in its snapshots are there for `check` and merges.
    Ok(raw
        .into_iter()
        .zip(versions)
        .map(|(entry, (before, after))| HistoryEntry {
            seq: entry.seq,
            at: entry.at,
            by: entry.by,
            action: entry.action,
            entity: entry.entity.unwrap_or_default(),
            entity_uid: entry.entity_uid.unwrap_or_default(),
            number: entry.entity_id,
            before,
            after,
            reason: entry.reason,
        })
        .collect())
}

/// One entry of a record's history as a merge reads it: the versions it
/// names, stamps included, so that the merge can find the last version two
/// logbooks share and when each field took its value.
#[derive(Debug, Clone)]
pub struct Version {
    pub action: String,
    pub at: String,
    pub by: String,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

/// Every entry of one record's history, oldest first.
pub(super) fn versions(conn: &Connection, entity: Entity, id: i64) -> Result<Vec<Version>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {} FROM history WHERE entity = :entity AND entity_id = :id ORDER BY seq",
            Stored::COLUMNS
        ))
        .with_context(|| t!("store-preparing-history"))?;
    let raw = stmt
        .query_map(
            named_params! { ":entity": entity.as_str(), ":id": id },
            Stored::read,
        )
        .with_context(|| t!("store-reading-history"))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-reading-history"))?;
    let now = current(conn, entity.as_str(), id)?;
    let own: Vec<&Stored> = raw.iter().collect();
    Ok(raw
        .iter()
        .zip(rebuild(now, &own))
        .map(|(entry, (before, after))| Version {
            action: entry.action.clone(),
            at: entry.at.clone(),
            by: entry.by.clone(),
            before,
            after,
        })
        .collect())
}

/// How to take a record's current state as JSON, naming other records by
/// uid rather than by local number: the snapshot the history keeps and
/// `check` compares.
pub(super) struct Snapshot {
    /// A `json_object(...)` expression.
    pub json: &'static str,
    /// The tables it reads, with joins.
    pub from: &'static str,
    /// The alias of the record's own table.
    pub alias: &'static str,
}

/// One record's current state, as JSON text.
pub(super) fn snapshot(tx: &Connection, snapshot: &Snapshot, id: i64) -> Result<String> {
    let sql = format!(
        "SELECT {json} FROM {from} WHERE {a}.id = :id",
        json = snapshot.json,
        from = snapshot.from,
        a = snapshot.alias
    );
    super::query_one(tx, &sql, named_params! { ":id": id }, |row| row.get(0))
        .with_context(|| t!("store-taking-snapshot"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_the_canonical_json_of_the_entry() {
        let entry = EntryFields {
            prev_hash: GENESIS,
            at: "2022-05-10T00:35:00.000Z",
            by: "Lê Thị Hoa",
            action: "insert",
            entity: "unit",
            entity_uid: "ab",
            before: None,
            after: Some("{\"code\":\"tam-dai\"}"),
            reason: None,
        };
        let same_as_serde = serde_json::json!({
            "prev_hash": GENESIS, "at": entry.at, "by": entry.by, "action": "insert",
            "entity": "unit", "entity_uid": "ab", "before": null,
            "after": "{\"code\":\"tam-dai\"}", "reason": null,
        })
        .to_string();
        assert_eq!(entry_text(&entry), same_as_serde);
    }

    fn may_10_at_7_35() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2022, 5, 10)
            .unwrap()
            .and_hms_opt(7, 35, 0)
            .unwrap()
    }

    /// Tam Đại added and a visit to it started, by one author.
    fn visit_to_tam_dai(
        tx: &Transaction<'_>,
        started_at: chrono::NaiveDateTime,
        author: &Author,
    ) -> Result<crate::store::visits::VisitRow> {
        use crate::store::{units, visits};
        let unit = units::insert(
            tx,
            &units::NewUnit {
                code: "tam-dai".into(),
                name: "UBND xã Tam Đại".into(),
                kind: crate::model::UnitKind::Commune,
                morning_start: None,
                afternoon_start: None,
                parent_id: None,
                week: None,
                follows_seasons: false,
            },
            author,
        )?;
        visits::start(
            tx,
            &visits::NewVisit {
                unit_id: unit.id,
                started_at,
                ended_at: None,
                announced: false,
                team: None,
                on_roll: None,
                present: None,
                files_checked: None,
                note: None,
            },
            author,
        )
    }

    #[test]
    fn the_compact_hash_covers_the_canonical_json_of_the_entry() {
        let record = [7u8; 32];
        let entry = Compact {
            prev_hash: GENESIS,
            at: "2022-05-10T00:35:00.000Z",
            by: "Lê Thị Hoa",
            action: "edit",
            entity: Some("finding"),
            entity_uid: Some("ab"),
            before: Some("{\"note\":null}"),
            after: Some("{\"note\":\"mưa\"}"),
            reason: None,
            record: &record,
            fields: Some(&[1, 255]),
        };
        let same_as_serde = serde_json::json!({
            "prev_hash": GENESIS, "at": entry.at, "by": entry.by, "action": "edit",
            "entity": "finding", "entity_uid": "ab", "before": "{\"note\":null}",
            "after": "{\"note\":\"mưa\"}", "reason": null, "record": hex(&record),
            "fields": "01ff",
        })
        .to_string();
        let expected: [u8; 32] = Sha256::digest(same_as_serde.as_bytes()).into();
        assert_eq!(compact_hash(&entry), expected);
    }

    #[test]
    fn a_record_is_hashed_in_its_canonical_form_without_its_empty_fields() {
        let with_null = r#"{"uid":"a","note":null,"minutes_late":45,"person":"Hùng \"Bé\""}"#;
        let canonical = r#"{"minutes_late":45,"person":"Hùng \"Bé\"","uid":"a"}"#;
        let expected: [u8; 32] = Sha256::digest(canonical.as_bytes()).into();
        assert_eq!(digest(with_null).record, expected);
        // The canonical form is what a JSON library writes with sorted keys.
        let value: Json = serde_json::from_str(canonical).unwrap();
        assert_eq!(value.to_string(), canonical);
        let changed = r#"{"uid":"a","note":null,"minutes_late":15,"person":"Hùng \"Bé\""}"#;
        assert_eq!(
            marked_changes(changed, &digest(with_null).marks),
            Some(vec!["minutes_late".to_string()])
        );
        // Marks of another set of fields cannot say.
        assert_eq!(marked_changes(canonical, &digest(with_null).marks), None);
    }

    #[test]
    fn an_edit_keeps_only_what_changed_and_every_version_is_rebuilt() {
        use crate::store::{Author, Store, visits};
        let mut store = Store::open_in_memory().unwrap();
        let author = |at: &str| Author {
            by: "Lê Thị Hoa".into(),
            at: at.into(),
        };
        let started = may_10_at_7_35();
        let visit = store
            .write(|tx| visit_to_tam_dai(tx, started, &author("2022-05-10T00:35:00.000Z")))
            .unwrap();
        let first = snapshot(store.conn(), &visits::SNAPSHOT, visit.id).unwrap();
        store
            .write(|tx| {
                visits::end(
                    tx,
                    visit.id,
                    started + chrono::Duration::hours(2),
                    &author("2022-05-10T02:35:00.000Z"),
                )
            })
            .unwrap();
        let second = snapshot(store.conn(), &visits::SNAPSHOT, visit.id).unwrap();
        let kept: Vec<(Option<String>, Option<String>)> = store
            .conn()
            .prepare("SELECT before, after FROM history WHERE entity = 'visit' ORDER BY seq")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            kept,
            [
                (None, None),
                (
                    Some(r#"{"ended_at":null,"updated_at":"2022-05-10T00:35:00.000Z"}"#.into()),
                    Some(
                        r#"{"ended_at":"2022-05-10 09:35","updated_at":"2022-05-10T02:35:00.000Z"}"#
                            .into()
                    )
                ),
            ]
        );
        let rebuilt = versions(store.conn(), Entity::Visit, visit.id).unwrap();
        let (first, second) = (parse(&first), parse(&second));
        assert_eq!(rebuilt[0].before, None);
        assert_eq!(rebuilt[0].after.as_ref(), Some(&first));
        assert_eq!(rebuilt[1].before.as_ref(), Some(&first));
        assert_eq!(rebuilt[1].after.as_ref(), Some(&second));
    }

    #[test]
    fn a_visit_in_the_history_is_named_in_the_reader_s_language() {
        use crate::i18n::{self, Lang};
        use crate::store::{Author, Store};
        let mut store = Store::open_in_memory().unwrap();
        let author = Author {
            by: "Lê Thị Hoa".into(),
            at: "2022-05-10T00:35:00.000Z".into(),
        };
        let visit = store
            .write(|tx| visit_to_tam_dai(tx, may_10_at_7_35(), &author))
            .unwrap();
        let label = |lang| {
            i18n::set(lang);
            let label = reference_label(store.conn(), "visit", &visit.uid).unwrap();
            i18n::set(Lang::En);
            label
        };
        assert_eq!(label(Lang::En).as_deref(), Some("visit #1"));
        assert_eq!(label(Lang::Vi).as_deref(), Some("lượt kiểm tra #1"));
    }
}
