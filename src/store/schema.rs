//! The schema and its migrations. Migrations are only ever appended: a file
//! made by an older spotcheck is upgraded step by step, each step in one
//! transaction after a backup copy of the file is taken.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::error::{Context, Error, Result};

/// "SPOT": marks an SQLite file as a spotcheck logbook.
pub const APPLICATION_ID: i32 = 0x5350_4f54;

/// Each migration takes the file from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
    include_str!("schema_v6.sql"),
    include_str!("schema_v7.sql"),
    include_str!("schema_v8.sql"),
    include_str!("schema_v9.sql"),
    include_str!("schema_v10.sql"),
    include_str!("schema_v11.sql"),
    include_str!("schema_v12.sql"),
    include_str!("schema_v13.sql"),
    include_str!("schema_v14.sql"),
];

/// The version whose history is the compact chain: its upgrade appends the
/// entry that starts it.
const COMPACT_HISTORY: i64 = 11;

/// The version that keeps a summary of each person's findings by month:
/// from it on, an upgrade works out what its step queued.
const REPEAT_SUMMARY: i64 = 12;

/// The version that keeps a summary of each unit's figures by month too.
const UNIT_SUMMARY: i64 = 13;

/// The versions whose upgrade copies whole tables (SQLite cannot change a
/// CHECK in place): the old tables' pages are left free in the file.
const COPIES_TABLES: &[i64] = &[2, 4, 7, 8, 11];

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Refuse, untouched, an SQLite file that is not a spotcheck logbook or that a
/// newer spotcheck wrote.
pub(super) fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let refuse = |problem: String| Error::Logbook {
        path: path.to_path_buf(),
        problem,
    };
    let application_id: i32 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|e| {
            refuse(t!(
                "store-logbook-not-readable-sqlite",
                error = e.to_string()
            ))
        })?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .with_context(|| t!("store-reading-schema-version"))?;
    if application_id == 0 {
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
            .map_err(|e| {
                refuse(t!(
                    "store-logbook-not-readable-sqlite",
                    error = e.to_string()
                ))
            })?;
        if objects == 0 && version == 0 {
            return Ok(()); // an empty database: ours to initialise
        }
        return Err(refuse(t!(
            "store-logbook-not-ours",
            advice = super::db_advice()
        )));
    }
    if application_id != APPLICATION_ID {
        return Err(refuse(t!(
            "store-logbook-other-program",
            id = format!("{application_id:#x}")
        )));
    }
    if version > SCHEMA_VERSION {
        return Err(refuse(t!(
            "store-logbook-too-new",
            version = version,
            known = SCHEMA_VERSION,
            release = env!("CARGO_PKG_VERSION")
        )));
    }
    Ok(())
}

/// Refuse, for a read, a logbook whose schema is older than this build's:
/// reading it would need an upgrade, and a read never writes.
pub(super) fn check_current(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .with_context(|| t!("store-reading-schema-version"))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    Err(Error::Logbook {
        path: path.to_path_buf(),
        problem: if version == 0 {
            t!("store-logbook-not-initialised")
        } else {
            t!(
                "store-logbook-older",
                version = version,
                known = SCHEMA_VERSION,
                backup = format!("{name}.v{version}.bak")
            )
        },
    })
}

/// A schema as `sqlite_schema` holds it: each table, view, trigger and
/// index by kind and name, with its SQL text, spaces aside.
pub(super) type Objects = BTreeMap<(String, String), String>;

/// The schema of the file open on `conn`.
pub(super) fn objects(conn: &Connection) -> Result<Objects> {
    let context = || t!("store-reading-schema");
    let mut stmt = conn
        .prepare(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_schema
             WHERE name NOT LIKE 'sqlite_stat%'",
        )
        .with_context(context)?;
    let rows = stmt
        .query_map([], |row| {
            let sql: String = row.get(2)?;
            Ok((
                (row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                sql.split_whitespace().collect::<Vec<_>>().join(" "),
            ))
        })
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// The fingerprint of the schema this build gives a new logbook: what
/// [`fingerprint`] makes of [`expected_objects`] for [`SCHEMA_VERSION`],
/// kept here so that opening a logbook need not build that schema in
/// memory (about 5 ms) to find it unchanged. A test keeps it true.
const EXPECTED_FINGERPRINT: &str =
    "ecca3e3015115c39225adde068049b129fbdc88ad454493749b221b3471688de";

/// SHA-256 over every object's kind, name and SQL, in order.
fn fingerprint(objects: &Objects) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for ((kind, name), sql) in objects {
        for part in [kind, name, sql] {
            hash.update(part.as_bytes());
            hash.update([0u8]);
        }
    }
    hash.finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The schema this build gives a logbook of `version`, made in memory.
pub(super) fn expected_objects(version: i64) -> Result<Objects> {
    let conn = Connection::open_in_memory().with_context(|| t!("store-opening-in-memory"))?;
    let store = super::Store::configured(conn, Path::new(":memory:"), None, None, None)?;
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        if index as i64 >= version {
            break;
        }
        store
            .conn
            .execute_batch(sql)
            .with_context(|| t!("store-upgrading", version = index + 1))?;
    }
    objects(&store.conn)
}

/// Refuse a logbook whose `user_version` does not say what its schema is
/// (set by hand, say): upgrading it would run the wrong steps, and reading
/// it would read the wrong tables. A current one passes; `check` compares it.
pub(super) fn check_version(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .with_context(|| t!("store-reading-schema-version"))?;
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let found = objects(conn)?;
    if found.is_empty() && version == 0 {
        return Ok(()); // a new logbook
    }
    if (1..SCHEMA_VERSION).contains(&version) && expected_objects(version)? == found {
        return Ok(());
    }
    let mut actual = None;
    for candidate in 1..=SCHEMA_VERSION {
        if expected_objects(candidate)? == found {
            actual = Some(candidate);
        }
    }
    let name = path.display().to_string();
    Err(Error::Logbook {
        path: path.to_path_buf(),
        problem: match actual {
            Some(actual) => t!(
                "store-logbook-version-tampered",
                version = version,
                actual = actual,
                known = SCHEMA_VERSION,
                file = name
            ),
            None => t!(
                "store-logbook-version-unknown",
                version = version,
                known = SCHEMA_VERSION
            ),
        },
    })
}

/// Refuse a logbook whose schema is not the one this build creates, in the
/// objects of the `kinds` given: a read refuses changed views (lists,
/// exports and reports read them, and a view filtered by hand would
/// silently leave records out); a write refuses any change but an index
/// added (a trigger dropped would leave the search index behind, a table no
/// longer STRICT would take values of any type). `check` names them all.
pub(super) fn check_objects(conn: &Connection, path: &Path, kinds: &[&str]) -> Result<()> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .with_context(|| t!("store-reading-schema-version"))?;
    if version != SCHEMA_VERSION {
        return Ok(()); // an older logbook, checked by `check_version`
    }
    let all = objects(conn)?;
    if fingerprint(&all) == EXPECTED_FINGERPRINT {
        return Ok(());
    }
    let of_kinds = |objects: Objects| -> Objects {
        objects
            .into_iter()
            .filter(|((kind, _), _)| kinds.contains(&kind.as_str()))
            .collect()
    };
    let found = of_kinds(all);
    let expected = of_kinds(expected_objects(SCHEMA_VERSION)?);
    let mut changed: Vec<String> = Vec::new();
    for key in expected.keys().chain(found.keys()) {
        let (kind, name) = key;
        let added_index = kind == "index" && !expected.contains_key(key);
        if found.get(key) != expected.get(key) && !added_index {
            changed.push(format!("{kind} {name}"));
        }
    }
    changed.sort();
    changed.dedup();
    if changed.is_empty() {
        return Ok(());
    }
    Err(Error::Logbook {
        path: path.to_path_buf(),
        problem: t!("store-logbook-schema-changed", objects = changed.join(", ")),
    })
}

/// Bring the file up to [`SCHEMA_VERSION`].
/// The copy made first is encrypted with `key` when the logbook is.
pub(super) fn migrate(
    conn: &mut Connection,
    key: Option<&super::cipher::LogbookKey>,
    path: &Path,
) -> Result<()> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .with_context(|| t!("store-reading-schema-version"))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    if version > 0 && path != Path::new(":memory:") {
        backup_before_migration(conn, key, path, version)?;
    }
    // A step that rebuilds a table other tables name (units, at 7) drops
    // the old table while their rows still name it, which SQLite refuses
    // with foreign keys on; and they cannot be turned off inside a
    // transaction. So they are off for the upgrade, every key is checked
    // before each step commits, and they are on again whatever happened.
    conn.pragma_update(None, "foreign_keys", false)
        .with_context(|| t!("store-starting-upgrade"))?;
    let upgraded = upgrade(conn, path, version);
    conn.pragma_update(None, "foreign_keys", true)
        .with_context(|| t!("store-starting-upgrade"))?;
    upgraded?;
    // A copied table leaves the file as large as both copies together; give
    // the space back, as a file that nearly doubles on an upgrade surprises.
    // The upgrade is already committed, so a reader holding the file now only
    // leaves the space to be reused by later writes.
    // A new logbook has nothing to give back.
    let copied = COPIES_TABLES
        .iter()
        .any(|v| (version + 1..=SCHEMA_VERSION).contains(v));
    if version > 0 && copied {
        let _ = conn.execute_batch("VACUUM");
    }
    Ok(())
}

/// Run the steps from `version` on, each in its own transaction.
fn upgrade(conn: &mut Connection, path: &Path, version: i64) -> Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let target = index as i64 + 1;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| {
                super::locked(path, e).unwrap_or_else(|e| Error::Sqlite {
                    context: t!("store-starting-upgrade"),
                    source: e,
                })
            })?;
        // Another spotcheck may have upgraded the file while we waited for the lock.
        let current: i64 = tx
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .with_context(|| t!("store-reading-schema-version"))?;
        if current >= target {
            continue;
        }
        // SQLite's message alone: the error of a batch also carries the
        // whole script, comments and all.
        tx.execute_batch(sql).map_err(|e| Error::Logbook {
            path: path.to_path_buf(),
            problem: t!(
                "store-upgrade-failed",
                version = target,
                error = match &e {
                    rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
                    other => other.to_string(),
                }
            ),
        })?;
        if target == COMPACT_HISTORY {
            super::history::start_compact_chain(&tx, &crate::clock::Clock::system().stamp())?;
        }
        // The summary of the findings already there, queued by the step.
        if target >= UNIT_SUMMARY {
            super::summary::settle(&tx)?;
        } else if target >= REPEAT_SUMMARY {
            super::summary::settle_people(&tx)?;
        }
        // Every row still names a unit, person or visit that exists.
        let broken: Option<String> = tx
            .query_row("PRAGMA foreign_key_check", [], |row| row.get(0))
            .optional()
            .with_context(|| t!("store-starting-upgrade"))?;
        if let Some(table) = broken {
            return Err(Error::Logbook {
                path: path.to_path_buf(),
                problem: t!(
                    "store-upgrade-failed",
                    version = target,
                    error = format!("FOREIGN KEY constraint failed in `{table}`")
                ),
            });
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .with_context(|| t!("store-marking-logbook"))?;
        tx.pragma_update(None, "user_version", target)
            .with_context(|| t!("store-recording-schema-version"))?;
        tx.commit()
            .with_context(|| t!("store-committing-upgrade"))?;
    }
    Ok(())
}

/// Copy the file aside as `NAME.vN.bak` before changing its schema.
fn backup_before_migration(
    conn: &Connection,
    key: Option<&super::cipher::LogbookKey>,
    path: &Path,
    version: i64,
) -> Result<PathBuf> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}.bak"));
    let backup = path.with_file_name(name);
    // Owner-only like the logbook, from its first byte; a copy left by an
    // upgrade that was interrupted is written over.
    if !backup.exists() {
        super::create_owner_only(&backup)?;
    }
    super::cipher::copy_database(conn, key, &backup).with_context(|| {
        t!(
            "store-backing-up-before-upgrade",
            path = backup.display().to_string()
        )
    })?;
    Ok(backup)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_expected_fingerprint_is_that_of_the_schema_this_build_creates() {
        let expected = super::expected_objects(super::SCHEMA_VERSION).unwrap();
        assert_eq!(
            super::fingerprint(&expected),
            super::EXPECTED_FINGERPRINT,
            "a schema change needs a new EXPECTED_FINGERPRINT"
        );
    }

    use super::*;
    use crate::store::{Access, Store};

    #[test]
    fn an_empty_file_is_migrated_to_the_newest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        let (store, created) =
            Store::open(&path, Access::Write, &crate::store::cipher::NoKeys).unwrap();
        assert!(created);
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let id: i32 = store
            .conn()
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
        drop(store);
        let (_, created_again) =
            Store::open(&path, Access::Write, &crate::store::cipher::NoKeys).unwrap();
        assert!(!created_again);
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        drop(Store::open(&path, Access::Write, &crate::store::cipher::NoKeys).unwrap());
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path, Access::Write, &crate::store::cipher::NoKeys)
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("was written by a newer spotcheck"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_foreign_sqlite_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path, Access::Write, &crate::store::cipher::NoKeys)
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            format!(
                "logbook `{}`: is an SQLite database but not a spotcheck logbook; name a logbook with `--db`",
                path.display()
            )
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_text_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "đây không phải sổ kiểm tra\n").unwrap();
        let err = Store::open(&path, Access::Read, &crate::store::cipher::NoKeys)
            .err()
            .unwrap();
        assert!(err.to_string().contains("not an SQLite database"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "đây không phải sổ kiểm tra\n"
        );
    }

    #[test]
    fn a_missing_file_is_not_created_by_a_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        let err = Store::open(&path, Access::Read, &crate::store::cipher::NoKeys)
            .err()
            .unwrap();
        assert!(err.to_string().contains("spotcheck init"), "{err}");
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_new_logbook_is_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        drop(Store::open(&path, Access::Write, &crate::store::cipher::NoKeys).unwrap());
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn durability_settings_are_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        let (store, _) = Store::open(&path, Access::Write, &crate::store::cipher::NoKeys).unwrap();
        let conn = store.conn();
        let journal: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        let synchronous: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        let foreign_keys: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        let trusted: i64 = conn
            .pragma_query_value(None, "trusted_schema", |r| r.get(0))
            .unwrap();
        assert_eq!(
            (journal.as_str(), synchronous, foreign_keys, trusted),
            ("wal", 2, 1, 0)
        );
    }
}
