//! The logbook file: opening it safely, its schema, and every query spotcheck
//! makes. No SQL lives outside this module.

pub mod check;
pub mod cipher;
pub mod conflicts;
mod file;
pub mod findings;
pub mod history;
mod other;
pub mod people;
pub mod plans;
pub mod query;
mod record;
pub mod records;
pub mod reports;
mod schema;
pub mod search;
pub mod server;
pub mod shared;
mod summary;
pub mod tasks;
pub mod units;
pub mod visits;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::config::DbConfig;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Context, Error, Result};
use crate::input;
use crate::model::{
    Action, Channel, DelayStage, DisciplineForm, Excuse, FindingKind, Month, PersonStatus, PlanPer,
    UnitKind,
};

use cipher::{LogbookKey, Unlock};
pub use file::missing_folder;
use file::{
    create_logbook, create_owner_only, existing_file, identify, locked, log_empty, open_file,
    open_for_reading, private_copy, unopenable, write_protected,
};
pub use findings::{Decision, FindingChange, FindingFilter, FindingRow, NewFinding};
pub use history::HistoryEntry;
pub use people::PersonRow;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

pub use units::{NewUnit, UnitChange, UnitRow};
pub use visits::{NewVisit, VisitFilter, VisitRow};

/// The end of a message about the `--db` file, in the current language.
pub(crate) fn db_advice() -> String {
    t!("store-db-advice")
}

/// How long a command waits for another spotcheck that holds the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What the caller means to do with the file, which decides whether a missing
/// one is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read only: a missing logbook is an error.
    Read,
    /// Write: a missing logbook is created (its directory must exist).
    Write,
    /// Read for `check`, which reads a logbook whose views were changed
    /// behind spotcheck's back to name what changed; other reads refuse it.
    Check,
}

/// An open logbook.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The number of this logbook among those an interrupt stops, once
    /// `stop_on_interrupt` put it there.
    watch: Option<u64>,
    /// Declared after `conn`, so it runs once the connection is closed.
    _leftovers: Option<query::Leftovers>,
    /// The private copy a read of a logbook with a log in a read-only
    /// folder works on; removed once the connection is closed.
    _copy: Option<tempfile::TempDir>,
    /// The key of an encrypted logbook, which every copy of it is given too.
    key: Option<LogbookKey>,
    /// The file a writing store opened, which the logbook's path must
    /// still name when a write begins.
    file: Option<file::FileId>,
}

/// Where a record comes from when it is not typed now: its uid and stamps
/// as another logbook or an export has them. Empty fields are filled from
/// the author and a fresh uid.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub uid: Option<String>,
    pub created_by: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    /// Why it was added, for its first history entry: where a merge took it from.
    pub reason: Option<String>,
}

impl Origin {
    fn uid(&self) -> String {
        self.uid.clone().unwrap_or_else(new_uid)
    }

    fn created_by<'a>(&'a self, author: &'a Author) -> &'a str {
        self.created_by.as_deref().unwrap_or(&author.by)
    }

    fn created_at<'a>(&'a self, author: &'a Author) -> &'a str {
        self.created_at.as_deref().unwrap_or(&author.at)
    }

    fn updated_at<'a>(&'a self, author: &'a Author) -> &'a str {
        self.updated_at
            .as_deref()
            .or(self.created_at.as_deref())
            .unwrap_or(&author.at)
    }
}

/// Who is writing and when, stamped on every change and history entry.
#[derive(Debug, Clone)]
pub struct Author {
    pub by: String,
    /// UTC, RFC 3339 with milliseconds.
    pub at: String,
}

impl Drop for Store {
    fn drop(&mut self) {
        if let Some(watch) = self.watch.take() {
            crate::output::unwatch_store(watch);
        }
        // An interrupt that came while no statement ran stays pending in
        // SQLite and would stop the checkpoint of the close, which then
        // leaves `-wal` and `-shm` beside the logbook. The next statement
        // started clears it; none can come any more.
        let _ = self.conn.query_row("SELECT 1", [], |_| Ok(()));
    }
}

impl Store {
    /// Open the logbook at `path`, creating it for a write when it is missing.
    /// Returns the store and whether the file was created just now.
    ///
    /// A read never writes: the file is opened read-only, an older schema is
    /// refused with the command that upgrades it, and the search queue is
    /// left for the next write.
    ///
    /// An encrypted logbook is opened with the key `unlock` gives.
    pub fn open(path: &Path, access: Access, unlock: &dyn Unlock) -> Result<(Store, bool)> {
        let logbook_error = |problem: String| Error::Logbook {
            path: path.to_path_buf(),
            problem,
        };
        let mut key = None;
        let created = match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(logbook_error(t!("store-logbook-is-directory")));
            }
            // An empty file is what an interrupted first write leaves: a
            // write makes it a logbook, a read says what it is.
            Ok(meta) if meta.len() == 0 && access == Access::Write => {
                create_logbook(path, true, None)?;
                true
            }
            Ok(_) => {
                key = identify(path, &db_advice(), unlock)?;
                false
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if access != Access::Write {
                    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
                    if let Some(dir) = dir.filter(|d| !d.is_dir()) {
                        return Err(logbook_error(t!(
                            "store-logbook-missing-directory",
                            dir = dir.display().to_string()
                        )));
                    }
                    return Err(logbook_error(t!("store-logbook-missing")));
                }
                create_logbook(path, false, None)?
            }
            Err(e) => {
                return Err(logbook_error(t!(
                    "store-logbook-unreadable",
                    error = e.to_string()
                )));
            }
        };
        if access != Access::Write {
            return Ok((Store::open_read(path, access, key)?, false));
        }
        // Taken before the file is opened: a file put in its place
        // meanwhile makes the first write fail rather than go astray.
        let file = file::FileId::of(path);
        let conn = open_file(path, OpenFlags::SQLITE_OPEN_READ_WRITE, "", key.as_ref())
            .map_err(|e| unopenable(path, key.as_ref(), e))?;
        let mut store = Store::configured(conn, path, None, None, key)?;
        // The file may have been replaced (by `encrypt`, say) while it was
        // opened: the old one must not get a log beside the new one.
        if file.is_some() && file::FileId::of(path) != file {
            return Err(Error::Logbook {
                path: path.to_path_buf(),
                problem: t!("store-logbook-replaced"),
            });
        }
        store.file = file;
        schema::check_identity(&store.conn, path)?;
        schema::check_version(&store.conn, path)?;
        store.set_durability()?;
        schema::migrate(&mut store.conn, store.key.as_ref(), path)?;
        schema::check_objects(&store.conn, path, &["table", "view", "trigger", "index"])?;
        store.index_leftovers()?;
        Ok((store, created))
    }

    /// Open an existing logbook for reading only: nothing of the file, its
    /// schema or its search index changes, and no `-wal` or `-shm` file is
    /// left behind that was not there before.
    fn open_read(path: &Path, access: Access, key: Option<LogbookKey>) -> Result<Store> {
        let leftovers = query::Leftovers::before_opening(path, key.as_ref());
        let (conn, copy) = open_for_reading(path, key.as_ref())?;
        let mut store = Store::configured(conn, path, Some(leftovers), copy, key)?;
        schema::check_identity(&store.conn, path)?;
        schema::check_version(&store.conn, path)?;
        schema::check_current(&store.conn, path)?;
        if access != Access::Check {
            schema::check_objects(&store.conn, path, &["view"])?;
        }
        // Findings another program changed wait in the search queue; a read
        // must not index them into the file, so it searches a private copy
        // where they are indexed.
        if search::any_pending(&store.conn)? {
            let leftovers = store._leftovers.take();
            let first_copy = store._copy.take();
            let mut copy = private_copy(&store.conn, &store.path, store.key.as_ref())?;
            drop(store);
            copy.write(|_| Ok(()))?;
            copy._leftovers = leftovers;
            drop(first_copy);
            store = copy;
        }
        store
            .conn
            .pragma_update(None, "query_only", true)
            .with_context(|| t!("store-making-read-only"))?;
        Ok(store)
    }

    /// A store over `conn`, set up as every connection to a logbook is.
    fn configured(
        conn: Connection,
        path: &Path,
        leftovers: Option<query::Leftovers>,
        copy: Option<tempfile::TempDir>,
        key: Option<LogbookKey>,
    ) -> Result<Store> {
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            watch: None,
            _leftovers: leftovers,
            _copy: copy,
            key,
            file: None,
        };
        store.configure()?;
        Ok(store)
    }

    /// Whether the logbook is encrypted.
    pub fn encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The key of an encrypted logbook.
    pub fn key(&self) -> Option<&LogbookKey> {
        self.key.as_ref()
    }

    /// Make a new logbook at `path`, encrypted with `key` from its first
    /// byte. A file already there, even an empty one, is left alone.
    pub fn create_encrypted(path: &Path, key: &LogbookKey) -> Result<()> {
        if create_logbook(path, false, Some(key))? {
            Ok(())
        } else {
            Err(Error::Logbook {
                path: path.to_path_buf(),
                problem: t!("store-logbook-appeared"),
            })
        }
    }

    /// A logbook in memory, for tests of the store itself.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().with_context(|| t!("store-opening-in-memory"))?;
        let mut store = Store::configured(conn, Path::new(":memory:"), None, None, None)?;
        schema::migrate(&mut store.conn, None, Path::new(":memory:"))?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The settings that do not write to the file: safe before we know the
    /// file is ours.
    fn configure(&mut self) -> Result<()> {
        let conn = &self.conn;
        conn.set_prepared_statement_cache_capacity(64);
        // 28 MB of page cache: imports and merges touch indexes all over the
        // file, and a million-finding import stays under 64 MB with it.
        conn.pragma_update(None, "cache_size", -28_672)
            // The first statement on the file: a damaged one fails here.
            .with_context(|| t!("store-opening"))?;
        // Temporary tables, indexes and sorts stay in memory. SQLite writes
        // its temporary files unencrypted, which an encrypted logbook must
        // not leave on disk; and in a plain one, a bulk load's statement
        // journals spilled to a file row by row (an import of 100k findings
        // took a fifth longer). Large sorts are what the store avoids.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .with_context(|| t!("store-opening"))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .with_context(|| t!("store-setting-busy-timeout"))?;
        conn.pragma_update(None, "foreign_keys", true)
            .with_context(|| t!("store-turning-on-foreign-keys"))?;
        // Views and triggers in a file must not call functions with side effects.
        conn.pragma_update(None, "trusted_schema", false)
            .with_context(|| t!("store-turning-off-trusted-schema"))?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
            .with_context(|| t!("store-turning-on-defensive"))?;
        // Without it, SQLite (built with STAT4) compiles a statement again
        // whenever a bound value changes, which costs more than running it.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .with_context(|| t!("store-fixing-query-plans"))?;
        conn.create_scalar_function(
            "spotcheck_fold",
            1,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| {
                let text: Option<String> = ctx.get(0)?;
                Ok(text.map(|t| crate::fold::fold(&t)))
            },
        )
        .with_context(|| t!("store-registering-folding"))?;
        // Only the upgrade to version 5 calls it, to key the names already kept.
        conn.create_scalar_function(
            "spotcheck_name_key",
            1,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| {
                let text: Option<String> = ctx.get(0)?;
                Ok(text.map(|t| crate::fold::identity(&t)))
            },
        )
        .with_context(|| t!("store-registering-folding"))?;
        Ok(())
    }

    /// WAL with a full sync on commit: a finding spotcheck said it logged
    /// survives a power cut.
    fn set_durability(&mut self) -> Result<()> {
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))
            .with_context(|| t!("store-switching-to-wal"))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Logbook {
                path: self.path.clone(),
                problem: t!("store-logbook-no-wal", mode = mode),
            });
        }
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .with_context(|| t!("store-setting-synchronous"))?;
        Ok(())
    }

    /// Run `work` in one IMMEDIATE transaction: it takes the write lock up front,
    /// so two spotchecks never both read and then fail to write. Every write
    /// of spotcheck commits here, after the findings it changed are indexed.
    pub fn write<T>(&mut self, work: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let path = &self.path;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| {
                locked(path, e).unwrap_or_else(|e| Error::Sqlite {
                    context: t!("store-starting-write"),
                    source: e,
                })
            })?;
        // `encrypt` or `decrypt` may have put a new file in the logbook's
        // place while this write waited for the lock: what it would write
        // to the old one would be lost.
        if let Some(file) = &self.file {
            if file::FileId::of(path).as_ref() != Some(file) {
                return Err(Error::Logbook {
                    path: path.clone(),
                    problem: t!("store-logbook-replaced"),
                });
            }
        }
        let value = work(&tx)?;
        search::index_pending(&tx)?;
        summary::settle(&tx)?;
        // Ctrl-C may come between statements, where interrupting SQLite does
        // nothing: the write is then rolled back here rather than committed
        // while the process is being told to end.
        if crate::output::is_interrupted() {
            return Err(Error::Interrupted);
        }
        tx.commit().with_context(|| t!("store-committing-write"))?;
        Ok(value)
    }

    /// Index and summarise what another program (the `sqlite3` shell, say)
    /// changed and left in the queues, so that this command's searches and
    /// reports find it. Only a write does it: a read leaves the file as it
    /// is (its reports read the findings themselves while the summary's
    /// queue holds anything), and `check` names what is left in the search
    /// queue.
    fn index_leftovers(&mut self) -> Result<()> {
        if !search::any_pending(&self.conn)? && !summary::any_pending(&self.conn)? {
            return Ok(());
        }
        self.write(|_| Ok(()))
    }

    /// The connection for reads; a read sees one consistent snapshot per statement.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// From now on Ctrl-C or SIGTERM stops the statement under way, and
    /// its transaction rolls back.
    pub fn stop_on_interrupt(&mut self) {
        if self.watch.is_none() {
            self.watch = Some(crate::output::watch_store(self.conn.get_interrupt_handle()));
        }
    }

    /// The schema version stored in the file.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .with_context(|| t!("store-reading-schema-version"))
    }
}

// Dates and times are stored as text SQLite's date functions understand:
// `2022-05-10`, `07:45`, `2022-05-10 07:45`.

pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The exclusive end of a range whose last day is `last`, as stored text.
/// After the year 9999 the next day would be `+10000-01-01`, which sorts
/// before every stored date: past the last stored minute instead.
pub(crate) fn day_after_text(last: NaiveDate) -> String {
    match last.succ_opt() {
        Some(next) if chrono::Datelike::year(&next) <= 9999 => date_text(next),
        _ => "9999-12-31 99".to_string(),
    }
}

pub(crate) fn time_text(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

pub(crate) fn datetime_text(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn parse_stored<T>(text: &str, parse: impl Fn(&str) -> chrono::ParseResult<T>) -> FromSqlResult<T> {
    parse(text).map_err(|e| FromSqlError::Other(Box::new(e)))
}

pub(crate) fn stored_date(text: &str) -> FromSqlResult<NaiveDate> {
    parse_stored(text, |t| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
}

pub(crate) fn stored_month(text: &str) -> FromSqlResult<Month> {
    text.split_once('-')
        .and_then(|(year, month)| Month::new(year.parse().ok()?, month.parse().ok()?))
        .ok_or_else(|| FromSqlError::Other(format!("`{text}` is not a month").into()))
}

pub(crate) fn stored_time(text: &str) -> FromSqlResult<NaiveTime> {
    parse_stored(text, |t| NaiveTime::parse_from_str(t, "%H:%M"))
}

pub(crate) fn stored_datetime(text: &str) -> FromSqlResult<NaiveDateTime> {
    parse_stored(text, |t| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M"))
}

/// A stored date, time or month that cannot be read: changed by another
/// program, as the `sqlite3` shell. Names the record and the column.
#[derive(Debug)]
pub(crate) struct BadStoredValue(String);

impl std::fmt::Display for BadStoredValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadStoredValue {}

/// The record a row of a read is, as people name it: `finding #3`. The
/// kind is told by the column read, as each is kept by one kind of record
/// (`due_on` by findings and tasks, told apart by a task's `assigned_on`).
fn record_of(row: &rusqlite::Row<'_>, column: &str) -> String {
    let noun = match column {
        "from_month" | "to_month" => "plan",
        "assigned_on" | "done_on" => "task",
        "due_on" if row.as_ref().column_index("assigned_on").is_ok() => "task",
        "morning_start" | "afternoon_start" | "follows_seasons" => "unit",
        "started_at" | "ended_at" => "visit",
        _ => "finding",
    };
    match row.get::<_, i64>("id") {
        Ok(id) => format!("{noun} #{id}"),
        Err(_) => noun.to_string(),
    }
}

/// The error of a stored value that cannot be read: the record, the column,
/// the value, and what to run.
fn bad_stored_value(row: &rusqlite::Row<'_>, column: &str, value: Option<&str>) -> rusqlite::Error {
    rusqlite::Error::UserFunctionError(Box::new(BadStoredValue(t!(
        "store-bad-stored-value",
        record = record_of(row, column),
        column = column,
        value = value.unwrap_or("NULL")
    ))))
}

/// A struct of the positions of a statement's columns, found by name once
/// per statement: `Row::get` by name scans the names of every column for
/// each value it reads, which a list of many wide rows pays many times over.
macro_rules! column_positions {
    ($(#[$doc:meta])* $name:ident { $($column:ident),+ $(,)? }) => {
        $(#[$doc])*
        pub(super) struct $name {
            $($column: usize),+
        }

        impl $name {
            pub(super) fn of(stmt: &rusqlite::Statement<'_>) -> rusqlite::Result<Self> {
                Ok(Self {
                    $($column: stmt.column_index(stringify!($column))?),+
                })
            }
        }
    };
}
pub(crate) use column_positions;

/// [`opt`] for a column found by position.
pub(crate) fn opt_at<T>(
    row: &rusqlite::Row<'_>,
    at: usize,
    parse: fn(&str) -> FromSqlResult<T>,
) -> rusqlite::Result<Option<T>> {
    // The name is looked up only to say which column was wrong.
    let name = || row.as_ref().column_name(at).unwrap_or("?").to_string();
    let text: Option<String> = match row.get(at) {
        Ok(text) => text,
        Err(rusqlite::Error::InvalidColumnType(..)) => {
            return Err(bad_stored_value(row, &name(), Some("(not text)")));
        }
        Err(e) => return Err(e),
    };
    text.map(|t| parse(&t).map_err(|_| bad_stored_value(row, &name(), Some(&t))))
        .transpose()
}

/// [`req`] for a column found by position.
pub(crate) fn req_at<T>(
    row: &rusqlite::Row<'_>,
    at: usize,
    parse: fn(&str) -> FromSqlResult<T>,
) -> rusqlite::Result<T> {
    opt_at(row, at, parse)?.ok_or_else(|| {
        let name = row.as_ref().column_name(at).unwrap_or("?").to_string();
        bad_stored_value(row, &name, None)
    })
}

/// Read an optional stored date, time or date-time column.
pub(crate) fn opt<T>(
    row: &rusqlite::Row<'_>,
    column: &str,
    parse: fn(&str) -> FromSqlResult<T>,
) -> rusqlite::Result<Option<T>> {
    opt_at(row, row.as_ref().column_index(column)?, parse)
}

pub(crate) fn req<T>(
    row: &rusqlite::Row<'_>,
    column: &str,
    parse: fn(&str) -> FromSqlResult<T>,
) -> rusqlite::Result<T> {
    req_at(row, row.as_ref().column_index(column)?, parse)
}

macro_rules! sql_text_enum {
    ($($ty:ty),+) => {$(
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                text.parse().map_err(|e: Error| FromSqlError::Other(e.to_string().into()))
            }
        }
    )+};
}

sql_text_enum!(
    Action,
    Channel,
    DelayStage,
    DisciplineForm,
    Excuse,
    FindingKind,
    PersonStatus,
    PlanPer,
    UnitKind
);

/// A fresh random uid: 32 lowercase hex digits, so a prefix of 8 names a record.
pub(crate) fn new_uid() -> String {
    // Random from the first digit (version 4), so that the 8-digit prefix
    // people type tells records apart; a time-first uid (version 7) would
    // give every record of the same minute the same prefix.
    uuid::Uuid::new_v4().simple().to_string()
}

/// Parameters of a statement built from the filters given, by name.
pub(crate) type Params = Vec<(&'static str, rusqlite::types::Value)>;

/// [`Params`] as rusqlite binds them.
pub(crate) fn named(params: &Params) -> Vec<(&str, &dyn rusqlite::ToSql)> {
    params
        .iter()
        .map(|(name, value)| (*name, value as &dyn rusqlite::ToSql))
        .collect()
}

/// Run a statement kept in the connection's cache: imports, merges and
/// reports run the same few statements many times, and parsing one each time
/// would cost more than running it.
pub(crate) fn exec<P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

/// The one row of a cached statement.
pub(crate) fn query_one<T, P, F>(
    conn: &Connection,
    sql: &str,
    params: P,
    f: F,
) -> rusqlite::Result<T>
where
    P: rusqlite::Params,
    F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
{
    conn.prepare_cached(sql)?.query_row(params, f)
}

/// Which table a typed id refers to.
#[derive(Debug, Clone, Copy)]
pub enum Numbered {
    Visit,
    Finding,
    Task,
}

impl Numbered {
    fn table(self) -> &'static str {
        match self {
            Numbered::Visit => "visits",
            Numbered::Finding => "findings",
            Numbered::Task => "tasks",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Numbered::Visit => "visit",
            Numbered::Finding => "finding",
            Numbered::Task => "task",
        }
    }
}

/// The local number of the visit or finding a person typed: a number or the
/// start of a uid.
pub fn resolve_id(
    conn: &Connection,
    what: Numbered,
    reference: &input::RecordRef,
    typed: &str,
) -> Result<i64> {
    use input::RecordRef;
    let table = what.table();
    let by_number = |number: i64| -> Result<Option<i64>> {
        use rusqlite::OptionalExtension;
        conn.query_row(
            &format!("SELECT id FROM {table} WHERE id = :id"),
            rusqlite::named_params! { ":id": number },
            |row| row.get(0),
        )
        .optional()
        .with_context(|| {
            t!(
                "store-looking-up-record",
                what = what.noun(),
                number = number
            )
        })
    };
    let by_prefix = |prefix: &str| -> Result<Vec<i64>> {
        let context = || t!("store-looking-up-uid");
        let mut stmt = conn
            .prepare(&format!(
                "SELECT id FROM {table} WHERE uid >= :prefix AND uid < :prefix || 'g' ORDER BY id LIMIT 2"
            ))
            .with_context(context)?;
        let ids = stmt
            .query_map(rusqlite::named_params! { ":prefix": prefix }, |row| {
                row.get(0)
            })
            .with_context(context)?;
        ids.collect::<rusqlite::Result<_>>().with_context(context)
    };
    let mut found: Vec<i64> = match reference {
        RecordRef::Number(n) => by_number(*n)?.into_iter().collect(),
        RecordRef::UidPrefix(prefix) => by_prefix(prefix)?,
        RecordRef::Either(n, prefix) => {
            let mut ids: Vec<i64> = by_number(*n)?.into_iter().collect();
            ids.extend(by_prefix(prefix)?);
            ids
        }
    };
    found.dedup();
    match found.as_slice() {
        [id] => Ok(*id),
        [] => Err(Error::lookup(t!(
            "store-no-record",
            what = what.noun(),
            typed = typed,
            list = match what {
                Numbered::Visit => "visit list",
                Numbered::Finding => "list",
                Numbered::Task => "task list",
            }
        ))),
        _ => Err(Error::lookup(t!(
            "store-record-ambiguous",
            typed = typed,
            what = what.noun()
        ))),
    }
}

/// The local number of the record a person typed: its number (`12`, `#12`)
/// or the start of its uid.
pub fn resolve_typed(conn: &Connection, what: Numbered, typed: &str) -> Result<i64> {
    resolve_id(conn, what, &input::parse_record_ref(typed)?, typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logbook_is_opened_durable_and_defensive() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        let (store, created) = Store::open(&path, Access::Write, &cipher::NoKeys).unwrap();
        assert!(created);
        let conn = store.conn();
        let text = |name: &str| -> String {
            conn.pragma_query_value(None, name, |row| row.get(0))
                .unwrap()
        };
        let number = |name: &str| -> i64 {
            conn.pragma_query_value(None, name, |row| row.get(0))
                .unwrap()
        };
        assert_eq!(text("journal_mode"), "wal");
        assert_eq!(number("synchronous"), 2, "synchronous=FULL");
        assert_eq!(number("foreign_keys"), 1);
        assert_eq!(number("trusted_schema"), 0);
        assert_eq!(number("busy_timeout"), 10_000);
        assert!(conn.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE).unwrap());
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    /// The one key every test logbook of this module is opened with.
    struct TestKey(LogbookKey);

    impl Unlock for TestKey {
        fn key(&self, _path: &Path, _salt: &[u8; cipher::SALT_LEN]) -> Result<LogbookKey> {
            Ok(self.0.clone())
        }
    }

    #[test]
    fn temporary_data_never_reaches_an_unencrypted_file() {
        let dir = tempfile::tempdir().unwrap();
        let temp_store = |store: &Store| -> i64 {
            store
                .conn()
                .pragma_query_value(None, "temp_store", |row| row.get(0))
                .unwrap()
        };
        // SQLite's temporary files are not encrypted: nothing of an
        // encrypted logbook may reach one, whether it is read, written or
        // made from a plain one.
        let key = LogbookKey::generate().unwrap();
        let secret = dir.path().join("secret.db");
        Store::create_encrypted(&secret, &key).unwrap();
        let unlock = TestKey(key.clone());
        for access in [Access::Write, Access::Read] {
            let (store, _) = Store::open(&secret, access, &unlock).unwrap();
            assert!(store.encrypted());
            assert_eq!(temp_store(&store), 2, "temp_store=MEMORY");
        }
        let plain = dir.path().join("plain.db");
        let (store, _) = Store::open(&plain, Access::Write, &cipher::NoKeys).unwrap();
        assert_eq!(temp_store(&store), 2, "temp_store=MEMORY");
        let anew = dir.path().join("anew.db");
        std::fs::File::create(&anew).unwrap();
        let store = store.write_anew(Some(&key), &anew).unwrap();
        assert_eq!(temp_store(&store), 2, "temp_store=MEMORY");
    }

    #[test]
    fn a_write_to_a_logbook_another_file_replaced_meanwhile_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        let (mut store, _) = Store::open(&path, Access::Write, &cipher::NoKeys).unwrap();
        // What `encrypt` does while this store waits for the lock.
        let (other, _) =
            Store::open(&dir.path().join("new.db"), Access::Write, &cipher::NoKeys).unwrap();
        drop(other);
        std::fs::rename(dir.path().join("new.db"), &path).unwrap();
        let refused = store
            .write(|tx| {
                tx.execute("CREATE TABLE scratch (n INTEGER)", []).unwrap();
                Ok(())
            })
            .unwrap_err();
        assert!(
            refused.to_string().contains("was replaced by another file"),
            "{refused}"
        );
    }

    #[test]
    fn a_write_holds_the_lock_from_its_first_statement() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        let (mut store, _) = Store::open(&path, Access::Write, &cipher::NoKeys).unwrap();
        let other = Connection::open(&path).unwrap();
        other.busy_timeout(Duration::ZERO).unwrap();
        store
            .write(|_| {
                // Nothing written yet, and still no one else may start a write.
                let refused = other.execute_batch("BEGIN IMMEDIATE").unwrap_err();
                assert_eq!(
                    refused.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy)
                );
                Ok(())
            })
            .unwrap();
        other.execute_batch("BEGIN IMMEDIATE; COMMIT").unwrap();
    }

    #[test]
    fn an_interrupt_between_statements_still_lets_the_close_clear_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logbook.db");
        let (mut store, _) = Store::open(&path, Access::Write, &cipher::NoKeys).unwrap();
        store.stop_on_interrupt();
        store
            .write(|tx| {
                tx.execute("CREATE TABLE scratch (n INTEGER)", []).unwrap();
                Ok(())
            })
            .unwrap();
        // What Ctrl-C does when it finds no statement running.
        store.conn().get_interrupt_handle().interrupt();
        drop(store);
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["logbook.db"]);
    }
}
