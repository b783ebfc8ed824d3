//! `check`: SQLite's own integrity checks, the edit-history chain
//! recomputed, every record compared with its last history entry, and the
//! summary of each person's findings compared with the findings.

use rusqlite::{Connection, OptionalExtension, named_params};

use super::history::{self, GENESIS, Snapshot};
use super::{findings, people, plans, tasks, units, visits};
use crate::error::{Context, Result};

/// One thing wrong, and the record it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub record: String,
    pub problem: String,
}

/// The head of the edit history: its hash pins every entry before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub seq: i64,
    pub hash: String,
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub problems: Vec<Problem>,
    pub entries: i64,
    pub records: i64,
    pub seal: Option<Seal>,
}

/// The current head of the history, if it has any entry.
pub fn seal(conn: &Connection) -> Result<Option<Seal>> {
    conn.query_row(
        "SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1",
        [],
        |row| {
            Ok(Seal {
                seq: row.get(0)?,
                hash: history::hex(&row.get::<_, Vec<u8>>(1)?),
            })
        },
    )
    .optional()
    .with_context(|| t!("store-reading-seal"))
}

struct Table {
    entity: &'static str,
    table: &'static str,
    snapshot: &'static Snapshot,
    /// The column stamped when the record was made.
    created: &'static str,
    /// Whether the table keeps a folded copy of `name` for lookups.
    folded_name: bool,
}

const TABLES: [Table; 6] = [
    Table {
        entity: "unit",
        table: "units",
        snapshot: &units::SNAPSHOT,
        created: "created_at",
        folded_name: true,
    },
    Table {
        entity: "person",
        table: "people",
        snapshot: &people::SNAPSHOT,
        created: "created_at",
        folded_name: true,
    },
    Table {
        entity: "visit",
        table: "visits",
        snapshot: &visits::SNAPSHOT,
        created: "created_at",
        folded_name: false,
    },
    Table {
        entity: "finding",
        table: "findings",
        snapshot: &findings::SNAPSHOT,
        created: "logged_at",
        folded_name: false,
    },
    Table {
        entity: "plan",
        table: "plans",
        snapshot: &plans::SNAPSHOT,
        created: "created_at",
        folded_name: false,
    },
    Table {
        entity: "task",
        table: "tasks",
        snapshot: &tasks::SNAPSHOT,
        created: "created_at",
        folded_name: false,
    },
];

/// Run every check. With `seal`, also confirm that the history still holds
/// that head, unaltered, as its prefix.
pub fn run(store: &super::Store, seal: Option<&str>) -> Result<Outcome> {
    let conn = store.conn();
    let mut outcome = Outcome::default();
    sqlite_checks(conn, store.key.as_ref(), &mut outcome)?;
    schema(conn, &mut outcome)?;
    let confirmed_at = chain(conn, seal, &mut outcome)?;
    for table in &TABLES {
        records(conn, table, &mut outcome)?;
    }
    for (person, month) in super::summary::differences(conn)? {
        outcome.problems.push(Problem {
            record: format!("person #{person}"),
            problem: t!("store-check-summary-differs", month = month),
        });
    }
    for (unit, month) in super::summary::unit_differences(conn)? {
        outcome.problems.push(Problem {
            record: format!("unit #{unit}"),
            problem: t!("store-check-unit-summary-differs", month = month),
        });
    }
    if let Some(seal) = seal {
        match confirmed_at {
            Some(seq) => {
                let broken = outcome.problems.iter().any(|p| {
                    p.record
                        .strip_prefix("history #")
                        .and_then(|n| n.parse::<i64>().ok())
                        .is_some_and(|n| n <= seq)
                });
                if broken {
                    outcome.problems.push(Problem {
                        record: "seal".into(),
                        problem: t!("store-check-seal-altered", seal = seal, seq = seq),
                    });
                }
            }
            None => outcome.problems.push(Problem {
                record: "seal".into(),
                problem: t!("store-check-seal-unknown", seal = seal),
            }),
        }
    }
    outcome.seal = self::seal(conn)?;
    Ok(outcome)
}

fn sqlite_checks(
    conn: &Connection,
    key: Option<&super::cipher::LogbookKey>,
    outcome: &mut Outcome,
) -> Result<()> {
    let context = || t!("store-checking-integrity");
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .with_context(context)?;
    let lines = stmt
        .query_map([], |row| row.get::<_, String>(0))
        .with_context(context)?;
    for line in lines {
        let line = line.with_context(context)?;
        if line != "ok" {
            outcome.problems.push(Problem {
                record: "file".into(),
                problem: line,
            });
        }
    }
    if let Some(problem) = super::search::index_problem(conn, key)? {
        outcome.problems.push(Problem {
            record: "search index".into(),
            problem,
        });
    }
    let mut stmt = conn
        .prepare("PRAGMA foreign_key_check")
        .with_context(|| t!("store-checking-references"))?;
    let rows = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .with_context(|| t!("store-checking-references"))?;
    for row in rows {
        let (table, rowid, parent) = row.with_context(|| t!("store-checking-references"))?;
        outcome.problems.push(Problem {
            record: format!("{table} #{}", rowid.unwrap_or(0)),
            problem: t!("store-check-missing-parent", table = parent),
        });
    }
    Ok(())
}

/// The file's tables, views, triggers and indexes against those this version
/// creates, by name and SQL text (spaces aside): a view filtered, a trigger
/// added or dropped, a table no longer STRICT are all named.
fn schema(conn: &Connection, outcome: &mut Outcome) -> Result<()> {
    let expected = super::schema::expected_objects(super::SCHEMA_VERSION)?;
    let found = super::schema::objects(conn)?;
    for ((kind, name), sql) in &expected {
        let record = format!("{kind} {name}");
        match found.get(&(kind.clone(), name.clone())) {
            None => outcome.problems.push(Problem {
                record,
                problem: t!("store-check-schema-missing"),
            }),
            Some(other) if other != sql => outcome.problems.push(Problem {
                record,
                problem: t!("store-check-schema-changed"),
            }),
            Some(_) => {}
        }
    }
    for (kind, name) in found.keys().filter(|key| !expected.contains_key(*key)) {
        outcome.problems.push(Problem {
            record: format!("{kind} {name}"),
            problem: t!("store-check-schema-added"),
        });
    }
    Ok(())
}

/// Recompute the chain; returns the seq of the entry whose hash is `seal`.
/// Entries from before the compact chain are recomputed as they were
/// written, and the entry that starts it must hold their head.
fn chain(conn: &Connection, seal: Option<&str>, outcome: &mut Outcome) -> Result<Option<i64>> {
    let context = || t!("store-reading-history");
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM history ORDER BY seq",
            history::Stored::COLUMNS
        ))
        .with_context(context)?;
    let mut rows = stmt.query([]).with_context(context)?;
    let mut previous = GENESIS.to_string();
    let mut previous_broken = false;
    // Entries from before schema 11 come first, then the one entry that
    // starts the compact chain (only after them), then compact entries.
    let (mut old_form, mut started, mut compact) = (false, false, false);
    let mut expected_seq = 1;
    let mut confirmed_at = None;
    while let Some(row) = rows.next().with_context(context)? {
        let entry = history::Stored::read(row).with_context(context)?;
        let record = format!("history #{}", entry.seq);
        let missing = entry.seq != expected_seq;
        if missing {
            outcome.problems.push(Problem {
                record: record.clone(),
                problem: if entry.seq - 1 == expected_seq {
                    t!("store-check-entry-missing", seq = expected_seq)
                } else {
                    t!(
                        "store-check-entries-missing",
                        first = expected_seq,
                        last = entry.seq - 1
                    )
                },
            });
        }
        let in_place = match (entry.record.is_some(), entry.action.as_str()) {
            (_, "upgrade") => {
                let first_start = old_form && !started && !compact;
                started = true;
                first_start
            }
            (false, _) => {
                old_form = true;
                !started && !compact
            }
            (true, _) => {
                compact = true;
                started || !old_form
            }
        };
        if !in_place {
            outcome.problems.push(Problem {
                record: record.clone(),
                problem: t!("store-check-entry-out-of-place"),
            });
        }
        let stored = history::hex(&entry.hash);
        let sound = entry.hash_matches(&previous);
        // The hash covers the one before it: when that one is gone or was
        // changed, this one no longer chains, whatever became of its own.
        let unchained = entry.action == "upgrade"
            && entry.record.as_deref().map(history::hex).as_deref() != Some(previous.as_str());
        if !sound && (missing || previous_broken) || unchained {
            outcome.problems.push(Problem {
                record: record.clone(),
                problem: t!("store-check-broken-chain"),
            });
        } else if !sound {
            outcome.problems.push(Problem {
                record,
                problem: t!(
                    "store-check-entry-changed",
                    action = entry.action.as_str(),
                    entity = entry.entity.as_deref().unwrap_or("?"),
                    uid = entry.entity_uid.as_deref().unwrap_or("?")
                ),
            });
        }
        if seal == Some(stored.as_str()) {
            confirmed_at = Some(entry.seq);
        }
        previous_broken = !sound || unchained;
        previous = stored;
        expected_seq = entry.seq + 1;
        outcome.entries += 1;
    }
    Ok(confirmed_at)
}

/// Each record against what its history recorded, and history entries
/// whose record is gone: both read in the order of local numbers and
/// walked side by side.
fn records(conn: &Connection, table: &Table, outcome: &mut Outcome) -> Result<()> {
    let context = || t!("store-comparing-with-history", records = table.table);
    let mut stmt = conn.prepare(&records_sql(table)).with_context(context)?;
    let mut rows = stmt.query([]).with_context(context)?;
    let mut entries_stmt = conn
        .prepare(
            "SELECT entity_id, entity_uid, action, at, after, record, fields FROM history
             WHERE entity = :entity ORDER BY entity_id, seq",
        )
        .with_context(context)?;
    let mut entries = entries_stmt
        .query(named_params! { ":entity": table.entity })
        .with_context(context)?;
    let mut next = entries.next().with_context(context)?;
    let mut gone: Vec<String> = Vec::new();
    while let Some(row) = rows.next().with_context(context)? {
        let mut stored = Stored::read(row).with_context(context)?;
        let mut recorded: Option<Recorded> = None;
        while let Some(entry) = next {
            let entity_id: i64 = entry.get(0).with_context(context)?;
            if entity_id > stored.id {
                break;
            }
            let uid: String = entry.get(1).with_context(context)?;
            if entity_id < stored.id {
                if gone.last() != Some(&uid) {
                    gone.push(uid);
                }
            } else {
                let slot = recorded.get_or_insert_with(Recorded::default);
                slot.uid = uid;
                slot.take(table, entry).with_context(context)?;
            }
            next = entries.next().with_context(context)?;
        }
        stored.recorded = recorded;
        outcome.records += 1;
        record(table, stored, outcome);
    }
    while let Some(entry) = next {
        let uid: String = entry.get(1).with_context(context)?;
        if gone.last() != Some(&uid) {
            gone.push(uid);
        }
        next = entries.next().with_context(context)?;
    }
    gone.sort();
    gone.dedup();
    for uid in gone {
        outcome.problems.push(Problem {
            record: format!("{} {uid}", table.entity),
            problem: t!("store-check-deleted"),
        });
    }
    Ok(())
}

/// The statement that reads each record of `table`, in the columns
/// [`Stored::read`] takes.
fn records_sql(table: &Table) -> String {
    let snapshot = table.snapshot;
    format!(
        "SELECT {a}.id, {a}.uid, {json}, {a}.{created}, {a}.updated_at, {folded}
         FROM {from}
         ORDER BY {a}.id",
        a = snapshot.alias,
        json = snapshot.json,
        from = snapshot.from,
        created = table.created,
        folded = if table.folded_name {
            format!(
                "({a}.name_folded IS NOT spotcheck_fold({a}.name)
                  OR {a}.name_key IS NOT spotcheck_name_key({a}.name))",
                a = snapshot.alias
            )
        } else {
            "0".to_string()
        },
    )
}

/// What a record's history says of its last version.
#[derive(Default)]
struct Recorded {
    /// The uid its last entry names.
    uid: String,
    entries: i64,
    /// The time of its first entry.
    first_at: String,
    /// The last entry, when it is of the compact chain: the hash of the
    /// version and the marks of its fields.
    compact: Option<(Vec<u8>, Option<Vec<u8>>)>,
    /// The last entry's whole snapshot, when it is from before the chain.
    snapshot: Option<String>,
    /// The stamps the entries recorded, by column.
    stamps: serde_json::Map<String, serde_json::Value>,
}

impl Recorded {
    /// Take the next entry of the record, oldest first.
    fn take(&mut self, table: &Table, entry: &rusqlite::Row<'_>) -> rusqlite::Result<()> {
        let action: String = entry.get(2)?;
        let at: String = entry.get(3)?;
        let after: Option<String> = entry.get(4)?;
        let record: Option<Vec<u8>> = entry.get(5)?;
        if self.entries == 0 {
            self.first_at = at.clone();
        }
        self.entries += 1;
        let Some(record) = record else {
            // Whole snapshots: those written since they hold stamps say them.
            self.stamps = after
                .as_deref()
                .map(history::parse)
                .and_then(|json| json.as_object().cloned())
                .unwrap_or_default()
                .into_iter()
                .filter(|(key, _)| history::STAMPS.contains(&key.as_str()))
                .collect();
            self.snapshot = after;
            self.compact = None;
            return Ok(());
        };
        match action.as_str() {
            "insert" => {
                for stamp in [table.created, "updated_at"] {
                    let value = history::inserted_stamp(after.as_deref(), &at, stamp);
                    self.stamps.insert(stamp.to_string(), value.into());
                }
            }
            "merge" => {}
            _ => {
                if let Some(serde_json::Value::Object(changed)) =
                    after.as_deref().map(history::parse)
                {
                    for (key, value) in changed {
                        if history::STAMPS.contains(&key.as_str()) {
                            self.stamps.insert(key, value);
                        }
                    }
                }
            }
        }
        self.snapshot = None;
        self.compact = Some((record, entry.get(6)?));
        Ok(())
    }
}

/// One record as it is stored, beside what its history says.
struct Stored {
    id: i64,
    uid: String,
    /// Its snapshot now.
    now: String,
    created: Option<String>,
    updated: Option<String>,
    folded_differs: bool,
    recorded: Option<Recorded>,
}

impl Stored {
    fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
        Ok(Stored {
            id: row.get(0)?,
            uid: row.get(1)?,
            now: row.get(2)?,
            created: row.get(3)?,
            updated: row.get(4)?,
            folded_differs: row.get(5)?,
            recorded: None,
        })
    }
}

/// The problems of one record: its stamps, its uid, its fields against its
/// history, and its folded name.
fn record(table: &Table, stored: Stored, outcome: &mut Outcome) {
    let record = format!("{} #{}", table.entity, stored.id);
    let stamps_start = outcome.problems.len();
    let badly_formed = badly_formed_stamps(table, &stored, &record, outcome);
    let Some(recorded) = &stored.recorded else {
        outcome.problems.push(Problem {
            record,
            problem: t!("store-check-no-history"),
        });
        return;
    };
    let now = history::parse(&stored.now);
    if recorded.stamps.contains_key("updated_at") {
        let last = serde_json::Value::Object(recorded.stamps.clone());
        recorded_stamps_differ(table, &record, (&last, &now), &badly_formed, outcome);
    } else {
        stamps_off_only_entry(table, &record, &stored, recorded, outcome);
    }
    let problems_before = outcome.problems.len();
    if recorded.uid != stored.uid {
        outcome.problems.push(Problem {
            record,
            problem: t!(
                "store-check-uid-changed",
                uid = stored.uid.as_str(),
                history_uid = recorded.uid.as_str()
            ),
        });
        return;
    }
    let differs = match (&recorded.compact, &recorded.snapshot) {
        (Some((hash, marks)), _) => {
            (history::digest(&stored.now).record[..] != hash[..]).then(|| {
                let named = marks
                    .as_deref()
                    .and_then(|marks| history::marked_changes(&stored.now, marks));
                match named {
                    Some(fields) if !fields.is_empty() => Some(fields.join(", ")),
                    // The stamps alone differ: said above.
                    Some(_)
                        if problems_before > stamps_start
                            && restamped(&now, &recorded.stamps, hash) =>
                    {
                        None
                    }
                    _ => Some(t!("store-check-unnamed-fields")),
                }
            })
        }
        // The fields, stamps aside (checked above), compared as JSON values:
        // the same record may be written with its keys or escapes in
        // another order than when it was recorded. A field that is null
        // now may be missing from an entry written before a later schema
        // added it.
        (None, Some(last)) => {
            let same = match serde_json::from_str::<serde_json::Value>(last) {
                Ok(last) => {
                    without_nulls(history::without_stamps(last))
                        == without_nulls(history::without_stamps(now.clone()))
                }
                Err(_) => *last == stored.now,
            };
            (!same).then(|| Some(differing_fields(last, &stored.now)))
        }
        (None, None) => Some(Some(t!("store-check-unreadable-entry"))),
    };
    if let Some(Some(fields)) = differs {
        outcome.problems.push(Problem {
            record: record.clone(),
            problem: t!("store-check-differs", fields = fields),
        });
    }
    // Only worth saying when the name itself agrees with the history.
    if stored.folded_differs && outcome.problems.len() == problems_before {
        outcome.problems.push(Problem {
            record,
            problem: t!("store-check-folded-name"),
        });
    }
}

/// Whether the record, with the stamps its history recorded put back, is
/// the version its history hashed: then the stamps named above are all
/// that changed, and a field whose mark happens to agree did not.
fn restamped(
    now: &serde_json::Value,
    stamps: &serde_json::Map<String, serde_json::Value>,
    hash: &[u8],
) -> bool {
    let mut version = now.clone();
    if let Some(fields) = version.as_object_mut() {
        for (stamp, value) in stamps {
            if let Some(field) = fields.get_mut(stamp) {
                *field = value.clone();
            }
        }
    }
    history::digest(&version.to_string()).record[..] == hash[..]
}

/// Say which stamps of a record are not stamps as spotcheck writes them,
/// and return their columns.
fn badly_formed_stamps(
    table: &Table,
    stored: &Stored,
    record: &str,
    outcome: &mut Outcome,
) -> Vec<&'static str> {
    let mut badly_formed = Vec::new();
    for (column, stamp) in [
        (table.created, &stored.created),
        ("updated_at", &stored.updated),
    ] {
        if !stamp.as_deref().is_some_and(is_stamp) {
            badly_formed.push(column);
            outcome.problems.push(Problem {
                record: record.to_string(),
                problem: t!(
                    "store-check-bad-stamp",
                    column = column,
                    value = stamp.as_deref().unwrap_or("NULL")
                ),
            });
        }
    }
    badly_formed
}

/// Compare each well-formed stamp of a record with the one its last history
/// entry recorded.
fn recorded_stamps_differ(
    table: &Table,
    record: &str,
    (last, now): (&serde_json::Value, &serde_json::Value),
    badly_formed: &[&str],
    outcome: &mut Outcome,
) {
    for column in [table.created, "updated_at"] {
        let (recorded, stored) = (last.get(column), now.get(column));
        // A stamp no entry recorded (an entry from before snapshots held
        // them, edited since) cannot be compared.
        if recorded.is_some() && recorded != stored && !badly_formed.contains(&column) {
            let text = |v: Option<&serde_json::Value>| {
                v.and_then(serde_json::Value::as_str)
                    .unwrap_or("NULL")
                    .to_string()
            };
            outcome.problems.push(Problem {
                record: record.to_string(),
                problem: t!(
                    "store-check-stamp-differs",
                    column = column,
                    value = text(stored),
                    recorded = text(recorded)
                ),
            });
        }
    }
}

/// For entries from before snapshots held stamps: a record made here and
/// never changed since was stamped with the time of its one history entry,
/// twice. One stamp off that time while the other is on it was changed by
/// hand; both off is a record imported or merged with its own stamps.
fn stamps_off_only_entry(
    table: &Table,
    record: &str,
    stored: &Stored,
    recorded: &Recorded,
    outcome: &mut Outcome,
) {
    let (1, Some(created), Some(updated)) = (recorded.entries, &stored.created, &stored.updated)
    else {
        return;
    };
    let at = &recorded.first_at;
    let off = match (created == at, updated == at) {
        (true, false) => Some(("updated_at", updated)),
        (false, true) => Some((table.created, created)),
        _ => None,
    };
    if let Some((column, value)) = off.filter(|(_, value)| is_stamp(value)) {
        outcome.problems.push(Problem {
            record: record.to_string(),
            problem: t!(
                "store-check-stamp-changed",
                column = column,
                value = value.as_str(),
                at = at.as_str()
            ),
        });
    }
}

/// Whether `text` is a stamp as spotcheck writes them: UTC, RFC 3339 with
/// milliseconds, as `2022-05-10T00:35:00.000Z`.
fn is_stamp(text: &str) -> bool {
    text.len() == 24 && text.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(text).is_ok()
}

/// A snapshot with its null fields left out.
fn without_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(fields) => {
            serde_json::Value::Object(fields.into_iter().filter(|(_, v)| !v.is_null()).collect())
        }
        other => other,
    }
}

/// The names of the fields that differ between two JSON objects.
fn differing_fields(a: &str, b: &str) -> String {
    let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).ok();
    match (parse(a), parse(b)) {
        (Some(serde_json::Value::Object(a)), Some(serde_json::Value::Object(b))) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            // Stamps are compared on their own, with their values named.
            keys.into_iter()
                .filter(|k| !history::STAMPS.contains(&k.as_str()))
                .filter(|k| {
                    let null = serde_json::Value::Null;
                    a.get(*k).unwrap_or(&null) != b.get(*k).unwrap_or(&null)
                })
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        }
        _ => t!("store-check-unreadable-entry"),
    }
}
