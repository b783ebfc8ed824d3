//! Another inspector's logbook, opened for a merge to read: in place and
//! read-only where it can be, else through a private copy; read as one
//! snapshot, however its owner goes on writing; upgraded on a copy when an
//! older spotcheck wrote it; and checked as `check` checks a logbook.

use std::path::Path;

use super::check::{self, Problem};
use super::query::Leftovers;
use super::{SCHEMA_VERSION, Store, Unlock, existing_file, open_for_reading, private_copy, schema};
use crate::error::{Context, Error, Result};

impl Store {
    /// Open the logbook at `path` for a merge to read, with what `check`
    /// finds wrong with it (nothing, when it passes). `advice` ends the
    /// message about a file that is not a logbook.
    ///
    /// Nothing of the file changes, and no file is left beside it. Every
    /// read through the store, the checks among them, sees the file as it
    /// was at one moment, until the store is dropped: another spotcheck
    /// writing to it meanwhile cannot make a finding point to a person that
    /// was not read. A logbook of an older schema is upgraded on a private
    /// copy, which is what the store then reads.
    pub fn open_other(
        path: &Path,
        advice: &str,
        unlock: &dyn Unlock,
    ) -> Result<(Store, Vec<Problem>)> {
        let key = existing_file(path, advice, unlock)?;
        let leftovers = Leftovers::before_opening(path, key.as_ref());
        let (conn, copy) = open_for_reading(path, key.as_ref())?;
        let mut store = Store::configured(conn, path, Some(leftovers), copy, key)?;
        store.hold_snapshot()?;
        schema::check_identity(&store.conn, path)?;
        schema::check_version(&store.conn, path)?;
        let version = store.schema_version()?;
        if version == 0 {
            // An empty SQLite file: nothing to merge, and the message says
            // what it is.
            schema::check_current(&store.conn, path)?;
        }
        // Findings another program changed wait in the search queue, which
        // `check` indexes on a copy before it looks, as the owner's
        // spotcheck would on its next write.
        if version < SCHEMA_VERSION || super::search::any_pending(&store.conn)? {
            store = store.upgraded_copy()?;
        }
        let problems = store.problems()?;
        Ok((store, problems))
    }

    /// What `check` finds wrong with the snapshot a store of
    /// [`Store::open_other`] holds, in the current language.
    pub fn problems(&self) -> Result<Vec<Problem>> {
        match check::run(self, None) {
            Ok(outcome) => Ok(outcome.problems),
            // A file too damaged to be read through is one problem, the
            // first one `check` meets; any other failure (no room for the
            // copy a check needs, say) is not the file's, and is told as it is.
            Err(Error::Sqlite { context, source })
                if matches!(
                    source.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
                ) =>
            {
                Ok(vec![Problem {
                    record: "file".into(),
                    problem: Error::Sqlite { context, source }.to_string(),
                }])
            }
            Err(e) => Err(e),
        }
    }

    /// Begin the one read transaction every later read of this store is
    /// part of. SQLite takes the snapshot at the first read, not at
    /// `BEGIN`, so the first read is made here.
    fn hold_snapshot(&mut self) -> Result<()> {
        self.conn
            .pragma_update(None, "query_only", true)
            .with_context(|| t!("store-making-read-only"))?;
        let path = self.path.clone();
        self.conn
            .execute_batch("BEGIN DEFERRED")
            .and_then(|()| {
                self.conn
                    .query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
            })
            .map_err(|e| Error::Logbook {
                path,
                problem: t!("store-logbook-not-readable-sqlite", error = e.to_string()),
            })
    }

    /// A copy of this store's snapshot in a private folder, upgraded to the
    /// schema this spotcheck reads and with its search index up to date,
    /// held as one snapshot in turn. The file itself is never upgraded:
    /// that is for its owner's spotcheck.
    fn upgraded_copy(self) -> Result<Store> {
        let path = self.path.clone();
        let mut copy = private_copy(&self.conn, &path, self.key.as_ref())?;
        // The file itself, with its snapshot, is done with.
        drop(self);
        // A copy needs no backup of its own before its upgrade (which a
        // path of `:memory:` tells); a failure names the logbook it is of.
        schema::migrate(&mut copy.conn, None, Path::new(":memory:")).map_err(|e| match e {
            Error::Logbook { problem, .. } => Error::Logbook {
                path: path.clone(),
                problem,
            },
            other => other,
        })?;
        // What waits in the search queue is indexed, as the owner's
        // spotcheck would on its next write, so that `check` does not name it.
        copy.write(|_| Ok(()))?;
        copy.hold_snapshot()?;
        Ok(copy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Access, Author, units};

    fn add_unit(store: &mut Store, code: &str) {
        let author = Author {
            by: "Lê Thị Hoa".into(),
            at: "2022-05-10T00:35:00.000Z".into(),
        };
        store
            .write(|tx| {
                units::insert(
                    tx,
                    &units::NewUnit {
                        code: code.into(),
                        name: format!("UBND xã {code}"),
                        kind: crate::model::UnitKind::Commune,
                        morning_start: None,
                        afternoon_start: None,
                        parent_id: None,
                        week: None,
                        follows_seasons: false,
                    },
                    &author,
                )
            })
            .unwrap();
    }

    fn units_in(store: &Store) -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM units", [], |row| row.get(0))
            .unwrap()
    }

    #[test]
    fn what_its_owner_writes_after_it_was_opened_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tuan.db");
        let (mut owner, _) =
            Store::open(&path, Access::Write, &crate::store::cipher::NoKeys).unwrap();
        add_unit(&mut owner, "tam-dai");
        let (other, problems) =
            Store::open_other(&path, "", &crate::store::cipher::NoKeys).unwrap();
        assert_eq!(problems, []);
        add_unit(&mut owner, "phu-thinh");
        assert_eq!(units_in(&owner), 2);
        // One snapshot, from the first read to the last.
        assert_eq!(units_in(&other), 1);
        assert_eq!(check::run(&other, None).unwrap().problems, []);
        drop(other);
        let (again, _) = Store::open_other(&path, "", &crate::store::cipher::NoKeys).unwrap();
        assert_eq!(units_in(&again), 2);
    }

    #[test]
    fn a_logbook_changed_behind_spotchecks_back_is_opened_with_its_problems() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tuan.db");
        let (mut owner, _) =
            Store::open(&path, Access::Write, &crate::store::cipher::NoKeys).unwrap();
        add_unit(&mut owner, "tam-dai");
        drop(owner);
        let shell = rusqlite::Connection::open(&path).unwrap();
        shell
            .execute("UPDATE units SET name = 'UBND xã Tam Đai' WHERE id = 1", [])
            .unwrap();
        drop(shell);
        let before = std::fs::read(&path).unwrap();
        let (other, problems) =
            Store::open_other(&path, "", &crate::store::cipher::NoKeys).unwrap();
        let records: Vec<&str> = problems.iter().map(|p| p.record.as_str()).collect();
        assert_eq!(records, ["unit #1"], "{problems:?}");
        drop(other);
        assert!(std::fs::read(&path).unwrap() == before);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        left.sort();
        assert_eq!(left, ["tuan.db"]);
    }
}
