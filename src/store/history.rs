//! The edit history: every insert, edit and void appended as an entry whose
//! hash covers the previous entry's hash, so a change made behind spotcheck's
//! back breaks the chain.

use rusqlite::{Connection, OptionalExtension, Transaction, named_params};
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use super::Author;
use crate::error::{Context, Result};

/// The hash that the first entry chains to.
pub(super) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

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
    /// Snapshots as SQLite's `json_object` writes them.
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub reason: Option<&'a str>,
}

/// Append one entry to the chain, inside the caller's transaction.
pub(super) fn append(tx: &Transaction<'_>, author: &Author, change: Change<'_>) -> Result<()> {
    let prev_hash: String = super::query_one(
        tx,
        "SELECT hash FROM history ORDER BY seq DESC LIMIT 1",
        [],
        |row| row.get(0),
    )
    .optional()
    .with_context(|| t!("store-reading-history-end"))?
    .unwrap_or_else(|| GENESIS.to_string());
    let (before, after) = (change.before, change.after);
    let hash = entry_hash(&EntryFields {
        prev_hash: &prev_hash,
        at: &author.at,
        by: &author.by,
        action: change.action,
        entity: change.entity.as_str(),
        entity_uid: change.entity_uid,
        before,
        after,
        reason: change.reason,
    });
    super::exec(
        tx,
        "INSERT INTO history (at, by, action, entity, entity_uid, entity_id, before, after, reason, prev_hash, hash)
         VALUES (:at, :by, :action, :entity, :entity_uid, :entity_id, :before, :after, :reason, :prev_hash, :hash)",
        named_params! {
            ":at": author.at,
            ":by": author.by,
            ":action": change.action,
            ":entity": change.entity.as_str(),
            ":entity_uid": change.entity_uid,
            ":entity_id": change.entity_id,
            ":before": before,
            ":after": after,
            ":reason": change.reason,
            ":prev_hash": prev_hash,
            ":hash": hash,
        },
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
            after: Some(&after),
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
            after: Some(&after),
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
            after: Some(after),
            reason,
        },
    )?;
    Ok(true)
}

/// The stored text of one history entry, as its hash covers it.
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

/// SHA-256 over the entry's fields as one JSON object with sorted keys
/// and no spaces, so anyone can recompute it with a JSON library.
pub(super) fn entry_hash(entry: &EntryFields<'_>) -> String {
    let quoted = |text: &str| serde_json::to_string(text).expect("strings serialise");
    let optional = |text: Option<&str>| text.map_or_else(|| "null".to_string(), quoted);
    // Keys in sorted order, as serde_json writes a map.
    let canonical = format!(
        "{{\"action\":{},\"after\":{},\"at\":{},\"before\":{},\"by\":{},\"entity\":{},\"entity_uid\":{},\"prev_hash\":{},\"reason\":{}}}",
        quoted(entry.action),
        optional(entry.after),
        quoted(entry.at),
        optional(entry.before),
        quoted(entry.by),
        quoted(entry.entity),
        quoted(entry.entity_uid),
        quoted(entry.prev_hash),
        optional(entry.reason),
    );
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(canonical.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    hex
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

/// History entries, oldest first; of one record when it is given.
pub fn entries(conn: &Connection, record: Option<(Entity, i64)>) -> Result<Vec<HistoryEntry>> {
    // Only the filter given goes into the statement, so the index serves it.
    let filter = if record.is_some() {
        "WHERE h.entity = :entity AND h.entity_id = :id"
    } else {
        ""
    };
    let mut stmt = conn
        .prepare(&format!(
            "SELECT h.seq, h.at, h.by, h.action, h.entity, h.entity_uid, h.before, h.after, h.reason,
                    h.entity_id AS number
             FROM history h {filter}
             ORDER BY h.seq"
        ))
        .with_context(|| t!("store-preparing-history"))?;
    let entity = record.map(|(entity, _)| entity.as_str());
    let params: Vec<(&str, &dyn rusqlite::ToSql)> = match (&entity, &record) {
        (Some(entity), Some((_, id))) => vec![(":entity", entity), (":id", id)],
        _ => Vec::new(),
    };
    let rows = stmt
        .query_map(params.as_slice(), |row| {
            // A person reads when an entry was made in its own column; the
            // record's stamps in its snapshots are there for `check`.
            let json = |text: Option<String>| {
                text.and_then(|t| serde_json::from_str(&t).ok())
                    .map(without_stamps)
            };
            Ok(HistoryEntry {
                seq: row.get("seq")?,
                at: row.get("at")?,
                by: row.get("by")?,
                action: row.get("action")?,
                entity: row.get("entity")?,
                entity_uid: row.get("entity_uid")?,
                number: row.get("number")?,
                before: json(row.get("before")?),
                after: json(row.get("after")?),
                reason: row.get("reason")?,
            })
        })
        .with_context(|| t!("store-reading-history"))?;
    rows.collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-reading-history"))
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
        .prepare_cached(
            "SELECT action, at, by, before, after FROM history
             WHERE entity = :entity AND entity_id = :id ORDER BY seq",
        )
        .with_context(|| t!("store-preparing-history"))?;
    let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    let rows = stmt
        .query_map(
            named_params! { ":entity": entity.as_str(), ":id": id },
            |row| {
                Ok(Version {
                    action: row.get(0)?,
                    at: row.get(1)?,
                    by: row.get(2)?,
                    before: json(row.get(3)?),
                    after: json(row.get(4)?),
                })
            },
        )
        .with_context(|| t!("store-reading-history"))?;
    rows.collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| t!("store-reading-history"))
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
        let expected: String = Sha256::digest(same_as_serde.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(entry_hash(&entry), expected);
    }

    #[test]
    fn a_visit_in_the_history_is_named_in_the_reader_s_language() {
        use crate::i18n::{self, Lang};
        use crate::store::{Author, Store, units, visits};
        let mut store = Store::open_in_memory().unwrap();
        let author = Author {
            by: "Lê Thị Hoa".into(),
            at: "2022-05-10T00:35:00.000Z".into(),
        };
        let visit = store
            .write(|tx| {
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
                    &author,
                )?;
                visits::start(
                    tx,
                    &visits::NewVisit {
                        unit_id: unit.id,
                        started_at: chrono::NaiveDate::from_ymd_opt(2022, 5, 10)
                            .unwrap()
                            .and_hms_opt(7, 35, 0)
                            .unwrap(),
                        ended_at: None,
                        announced: false,
                        team: None,
                        on_roll: None,
                        present: None,
                        files_checked: None,
                        note: None,
                    },
                    &author,
                )
            })
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
