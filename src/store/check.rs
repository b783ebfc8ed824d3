//! `check`: SQLite's own integrity checks, the edit-history chain
//! recomputed, and every record compared with its last history entry.

use rusqlite::{Connection, OptionalExtension, named_params};

use super::history::{self, EntryFields, GENESIS, Snapshot};
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
                hash: row.get(1)?,
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
pub fn run(conn: &Connection, seal: Option<&str>) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    sqlite_checks(conn, &mut outcome)?;
    schema(conn, &mut outcome)?;
    let confirmed_at = chain(conn, seal, &mut outcome)?;
    for table in &TABLES {
        records(conn, table, &mut outcome)?;
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

fn sqlite_checks(conn: &Connection, outcome: &mut Outcome) -> Result<()> {
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
    if let Some(problem) = super::search::index_problem(conn)? {
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
fn chain(conn: &Connection, seal: Option<&str>, outcome: &mut Outcome) -> Result<Option<i64>> {
    let context = || t!("store-reading-history");
    let mut stmt = conn
        .prepare(
            "SELECT seq, at, by, action, entity, entity_uid, before, after, reason, prev_hash, hash
             FROM history ORDER BY seq",
        )
        .with_context(context)?;
    let mut rows = stmt.query([]).with_context(context)?;
    let mut previous = GENESIS.to_string();
    let mut expected_seq = 1;
    let mut confirmed_at = None;
    while let Some(row) = rows.next().with_context(context)? {
        let get = |i: usize| row.get::<_, Option<String>>(i);
        let seq: i64 = row.get(0).with_context(context)?;
        let text = (1..11)
            .map(get)
            .collect::<rusqlite::Result<Vec<_>>>()
            .with_context(context)?;
        let field = |i: usize| text[i - 1].as_deref();
        let stored_hash = field(10).unwrap_or("");
        let record = format!("history #{seq}");
        if seq != expected_seq {
            outcome.problems.push(Problem {
                record: record.clone(),
                problem: if seq - 1 == expected_seq {
                    t!("store-check-entry-missing", seq = expected_seq)
                } else {
                    t!(
                        "store-check-entries-missing",
                        first = expected_seq,
                        last = seq - 1
                    )
                },
            });
        }
        if field(9) != Some(previous.as_str()) {
            outcome.problems.push(Problem {
                record: record.clone(),
                problem: t!("store-check-broken-chain"),
            });
        }
        let recomputed = history::entry_hash(&EntryFields {
            prev_hash: field(9).unwrap_or(""),
            at: field(1).unwrap_or(""),
            by: field(2).unwrap_or(""),
            action: field(3).unwrap_or(""),
            entity: field(4).unwrap_or(""),
            entity_uid: field(5).unwrap_or(""),
            before: field(6),
            after: field(7),
            reason: field(8),
        });
        if recomputed != stored_hash {
            outcome.problems.push(Problem {
                record,
                problem: t!(
                    "store-check-entry-changed",
                    action = field(3).unwrap_or("?"),
                    entity = field(4).unwrap_or("?"),
                    uid = field(5).unwrap_or("?")
                ),
            });
        }
        if seal == Some(stored_hash) {
            confirmed_at = Some(seq);
        }
        previous = stored_hash.to_string();
        expected_seq = seq + 1;
        outcome.entries += 1;
    }
    Ok(confirmed_at)
}

/// Each record against the `after` of its last history entry, and history
/// entries whose record is gone.
fn records(conn: &Connection, table: &Table, outcome: &mut Outcome) -> Result<()> {
    let context = || t!("store-comparing-with-history", records = table.table);
    let mut stmt = conn.prepare(&records_sql(table)).with_context(context)?;
    let mut rows = stmt
        .query(named_params! { ":entity": table.entity })
        .with_context(context)?;
    while let Some(row) = rows.next().with_context(context)? {
        let stored = Stored::read(row).with_context(context)?;
        outcome.records += 1;
        record(table, stored, outcome);
    }
    drop(rows);
    deleted(conn, table, outcome)
}

/// The statement that reads each record of `table` beside its last history
/// entry, in the columns [`Stored::read`] takes.
fn records_sql(table: &Table) -> String {
    let snapshot = table.snapshot;
    format!(
        "WITH last AS (
             SELECT entity_id, entity_uid, after, at, max(seq), count(*) AS entries
             FROM history WHERE entity = :entity GROUP BY entity_id
         )
         SELECT {a}.id, {a}.uid, {json}, last.after, last.entity_uid,
                {a}.{created}, {a}.updated_at, {folded},
                CASE WHEN last.entries = 1 THEN last.at END
         FROM {from}
         LEFT JOIN last ON last.entity_id = {a}.id
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

/// One record as it is stored, beside what its history says.
struct Stored {
    id: i64,
    uid: String,
    /// Its snapshot now.
    now: String,
    /// The `after` of its last history entry.
    last: Option<String>,
    history_uid: Option<String>,
    created: Option<String>,
    updated: Option<String>,
    folded_differs: bool,
    /// The time of its history entry when it has only one.
    only_entry_at: Option<String>,
}

impl Stored {
    fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
        Ok(Stored {
            id: row.get(0)?,
            uid: row.get(1)?,
            now: row.get(2)?,
            last: row.get(3)?,
            history_uid: row.get(4)?,
            created: row.get(5)?,
            updated: row.get(6)?,
            folded_differs: row.get(7)?,
            only_entry_at: row.get(8)?,
        })
    }
}

/// The problems of one record: its stamps, its uid, its fields against its
/// history, and its folded name.
fn record(table: &Table, stored: Stored, outcome: &mut Outcome) {
    let record = format!("{} #{}", table.entity, stored.id);
    let badly_formed = badly_formed_stamps(table, &stored, &record, outcome);
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
    let (last_json, now_json) = (stored.last.as_deref().and_then(parse), parse(&stored.now));
    // Entries written since snapshots hold the record's stamps say what
    // they were; each stamp is compared with its entry.
    let recorded_stamps = last_json
        .as_ref()
        .is_some_and(|last| last.get("updated_at").is_some());
    if let (true, Some(last), Some(now)) = (recorded_stamps, &last_json, &now_json) {
        recorded_stamps_differ(table, &record, (last, now), &badly_formed, outcome);
    }
    if !recorded_stamps {
        stamps_off_only_entry(table, &record, &stored, outcome);
    }
    let problems_before = outcome.problems.len();
    // The fields, stamps aside (checked above), compared as JSON values:
    // the same record may be written with its keys or escapes in
    // another order than when it was recorded. A field that is null now
    // may be missing from an entry written before a later schema added it.
    let same = match (&last_json, &now_json) {
        (Some(a), Some(b)) => {
            without_nulls(history::without_stamps(a.clone()))
                == without_nulls(history::without_stamps(b.clone()))
        }
        _ => stored.last.as_deref() == Some(stored.now.as_str()),
    };
    if let Some(history_uid) = stored.history_uid.filter(|h| *h != stored.uid) {
        outcome.problems.push(Problem {
            record,
            problem: t!(
                "store-check-uid-changed",
                uid = stored.uid.as_str(),
                history_uid = history_uid
            ),
        });
        return;
    }
    match &stored.last {
        None => outcome.problems.push(Problem {
            record: record.clone(),
            problem: t!("store-check-no-history"),
        }),
        Some(last) if !same => outcome.problems.push(Problem {
            record: record.clone(),
            problem: t!(
                "store-check-differs",
                fields = differing_fields(last, &stored.now)
            ),
        }),
        Some(_) => {}
    }
    // Only worth saying when the name itself agrees with the history.
    if stored.folded_differs && outcome.problems.len() == problems_before {
        outcome.problems.push(Problem {
            record,
            problem: t!("store-check-folded-name"),
        });
    }
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
        if recorded != stored && !badly_formed.contains(&column) {
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
fn stamps_off_only_entry(table: &Table, record: &str, stored: &Stored, outcome: &mut Outcome) {
    let (Some(at), Some(created), Some(updated)) =
        (&stored.only_entry_at, &stored.created, &stored.updated)
    else {
        return;
    };
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

/// History entries whose record is no longer in `table`.
fn deleted(conn: &Connection, table: &Table, outcome: &mut Outcome) -> Result<()> {
    let context = || t!("store-comparing-with-history", records = table.table);
    let sql = format!(
        "SELECT DISTINCT entity_uid FROM history
         WHERE entity = :entity AND entity_id NOT IN (SELECT id FROM {table})",
        table = table.table
    );
    let mut stmt = conn.prepare(&sql).with_context(context)?;
    let gone = stmt
        .query_map(named_params! { ":entity": table.entity }, |row| {
            row.get::<_, String>(0)
        })
        .with_context(context)?;
    for uid in gone {
        outcome.problems.push(Problem {
            record: format!("{} {}", table.entity, uid.with_context(context)?),
            problem: t!("store-check-deleted"),
        });
    }
    Ok(())
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
