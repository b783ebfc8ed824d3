//! Ad-hoc SQL on a connection that cannot write, the views it may read, and
//! consistent backups.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};

use super::cipher::{self, LogbookKey, Unlock};
use super::{Store, existing_file, log_empty, open_file, schema, unopenable, write_protected};
use crate::error::{Context, Error, Result};
use crate::model::Datum;

/// The longest text or blob a query may make, in bytes.
const MAX_VALUE_BYTES: i32 = 10_000_000;

/// The longest query, in bytes.
const MAX_SQL_BYTES: i32 = 100_000;

/// Pragmas that report state; allowed only without a value, since with one
/// most of them change it (`PRAGMA user_version = 5`). The full-text index
/// reads `data_version` itself to learn whether the file changed.
const STATE_PRAGMAS: &[&str] = &[
    "application_id",
    "collation_list",
    "compile_options",
    "data_version",
    "database_list",
    "encoding",
    "freelist_count",
    "function_list",
    "journal_mode",
    "page_count",
    "page_size",
    "pragma_list",
    "schema_version",
    "table_list",
    "user_version",
];

/// Pragmas that only read whatever their argument (`table_info(findings_v)`).
const READING_PRAGMAS: &[&str] = &[
    "foreign_key_check",
    "foreign_key_list",
    "index_info",
    "index_list",
    "index_xinfo",
    "integrity_check",
    "quick_check",
    "table_info",
    "table_xinfo",
];

/// Allow reading, refuse everything that could change the file or reach
/// another one. The read-only open and `query_only` already stop writes; the
/// authorizer makes the refusal say why, and also covers ATTACH and pragmas.
fn authorize(ctx: AuthContext<'_>) -> Authorization {
    let answer = judge(ctx);
    if answer == Authorization::Deny {
        DENIED.set(true);
    }
    answer
}

thread_local! {
    /// Whether the guard refused part of the statement being prepared: a
    /// refused function fails with SQLite's generic error code, so the code
    /// alone cannot tell the refusal from any other failure.
    static DENIED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn judge(ctx: AuthContext<'_>) -> Authorization {
    match ctx.action {
        AuthAction::Select | AuthAction::Read { .. } | AuthAction::Recursive => {
            Authorization::Allow
        }
        AuthAction::Function { function_name } => {
            if function_name.eq_ignore_ascii_case("load_extension") {
                Authorization::Deny
            } else {
                Authorization::Allow
            }
        }
        AuthAction::Pragma {
            pragma_name,
            pragma_value,
        } => {
            let name = pragma_name.to_ascii_lowercase();
            let reads = READING_PRAGMAS.contains(&name.as_str())
                || (pragma_value.is_none() && STATE_PRAGMAS.contains(&name.as_str()));
            if reads {
                Authorization::Allow
            } else {
                Authorization::Deny
            }
        }
        _ => Authorization::Deny,
    }
}

impl Store {
    /// Open a logbook for `sql`: read-only file flag, `query_only`, and the
    /// authorizer above.
    pub fn open_query_only(path: &Path, advice: &str, unlock: &dyn Unlock) -> Result<Store> {
        let key = existing_file(path, advice, unlock)?;
        let leftovers = Leftovers::before_opening(path, key.as_ref());
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY;
        let unopenable = |e: rusqlite::Error| unopenable(path, key.as_ref(), e);
        // A file no one may write to (mode 0444) with nothing in its log is
        // read as it stands, so that no `-wal` or `-shm` is left beside it.
        let as_it_stands = write_protected(path) && log_empty(path);
        let params = if as_it_stands { "immutable=1" } else { "" };
        let conn = open_file(path, flags, params, key.as_ref()).map_err(unopenable)?;
        // A logbook in WAL mode needs its `-shm` file; in a folder we may not
        // write (a USB stick, a colleague's share) SQLite cannot make one, and
        // nobody can be writing there either, so the file is read as it stands.
        let conn = match conn.pragma_query_value(None, "application_id", |row| row.get::<_, i64>(0))
        {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly)
                    || e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) =>
            {
                drop(conn);
                open_file(path, flags, "immutable=1", key.as_ref()).map_err(unopenable)?
            }
            Err(e) if key.is_some() && cipher::is_not_a_database(&e) => {
                return Err(unopenable(e));
            }
            _ => conn,
        };
        let mut store = Store::configured(conn, path, Some(leftovers), None, key)?;
        schema::check_identity(&store.conn, path)?;
        store
            .conn
            .pragma_update(None, "query_only", true)
            .with_context(|| t!("store-making-read-only"))?;
        store
            .conn
            .authorizer(Some(authorize))
            .with_context(|| t!("store-installing-guard"))?;
        // Bounds on what one question may ask of SQLite: far above any query
        // a person writes, far below what would exhaust a laptop.
        for (limit, value) in [
            (Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES),
            (Limit::SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES),
            (Limit::SQLITE_LIMIT_EXPR_DEPTH, 100),
            (Limit::SQLITE_LIMIT_COMPOUND_SELECT, 50),
            (Limit::SQLITE_LIMIT_VARIABLE_NUMBER, 100),
            (Limit::SQLITE_LIMIT_ATTACHED, 0),
        ] {
            store
                .conn
                .set_limit(limit, value)
                .with_context(|| t!("store-limiting-query"))?;
        }
        Ok(store)
    }

    /// Stop any statement still running at the deadline or once interrupted.
    fn stop_at(&mut self, stop: &Stop) -> Result<()> {
        let (deadline, interrupted) = (stop.deadline, stop.interrupted);
        // Called every few thousand virtual-machine steps: cheap, and soon enough.
        self.conn
            .progress_handler(
                10_000,
                Some(move || Instant::now() >= deadline || interrupted()),
            )
            .with_context(|| t!("store-setting-time-limit"))
    }

    /// Copy the logbook to `dest` while others may be writing, through SQLite's
    /// online backup. `dest` must be a new, empty file; messages call it
    /// `shown`, the name the user gave.
    /// An encrypted logbook's copy is encrypted with the same key.
    pub fn backup_to(&self, dest: &Path, shown: &Path) -> Result<()> {
        cipher::copy_database(&self.conn, self.key.as_ref(), dest)
            .with_context(|| t!("store-backing-up", path = shown.display().to_string()))
    }
}

/// The `-wal` and `-shm` files that a read-only connection makes beside a
/// logbook and cannot remove itself. When they were not there before, a
/// short read-write connection is opened and closed after the read: SQLite
/// then removes them itself, and only if no other connection is using them,
/// which deleting them by hand could not tell. With the log empty, closing
/// writes nothing to the logbook.
pub(super) struct Leftovers {
    logbook: Option<std::path::PathBuf>,
    key: Option<LogbookKey>,
}

impl Leftovers {
    pub(super) fn before_opening(path: &Path, key: Option<&LogbookKey>) -> Leftovers {
        // SQLite follows a symbolic link and puts the files beside the
        // file it names.
        let real = std::fs::canonicalize(path);
        let path = real.as_deref().unwrap_or(path);
        let absent = |suffix: &str| {
            let mut name = path.as_os_str().to_os_string();
            name.push(suffix);
            !std::path::PathBuf::from(name).exists()
        };
        Leftovers {
            logbook: (absent("-wal") && absent("-shm")).then(|| path.to_path_buf()),
            key: key.cloned(),
        }
    }
}

impl Drop for Leftovers {
    fn drop(&mut self) {
        let Some(logbook) = &self.logbook else {
            return;
        };
        let mut wal = logbook.as_os_str().to_os_string();
        wal.push("-wal");
        // Something was written meanwhile: that writer's files, not ours.
        let log_empty = std::fs::metadata(std::path::PathBuf::from(wal))
            .map(|m| m.len() == 0)
            .unwrap_or(false);
        if log_empty {
            // In a folder we may not write this fails, and there are no files to remove.
            let _ = open_file(
                logbook,
                OpenFlags::SQLITE_OPEN_READ_WRITE,
                "",
                self.key.as_ref(),
            )
            .and_then(|conn| {
                // A read of the header opens the log as any read does,
                // without parsing the schema again for nothing.
                conn.query_row("PRAGMA user_version", [], |_| Ok(()))
                    .map(|()| conn)
            })
            .map(drop);
        }
    }
}

/// Where the rows of a query go, one at a time as SQLite reads them, so a
/// large result is never held in memory by the store.
pub trait Rows {
    /// The column names, before any row.
    fn columns(&mut self, columns: &[String]) -> Result<()>;
    /// One row, as wide as the columns, its text borrowed from the row
    /// SQLite read where it is valid UTF-8.
    fn row(&mut self, row: Vec<Datum<'_>>) -> Result<()>;
}

/// When a query must stop: at its time limit, or when the user interrupts it
/// (Ctrl-C), so that it ends like any failed query, with the connection
/// closed and its `-wal` and `-shm` files tidied away.
pub struct Stop {
    pub deadline: Instant,
    pub time_limit: Duration,
    pub interrupted: fn() -> bool,
}

impl Stop {
    /// The error to end with, if the query must stop now.
    pub fn check(&self) -> Result<()> {
        if (self.interrupted)() {
            Err(Error::input(t!("main-sql-interrupted")))
        } else if Instant::now() >= self.deadline {
            Err(Error::input(t!(
                "store-sql-stopped",
                seconds = self.time_limit.as_secs()
            )))
        } else {
            Ok(())
        }
    }
}

/// Run one statement with named parameters (`:name`, `@name` or `$name`),
/// handing each row to `rows` as it is read. A value that reads as a whole
/// number is bound as one, so `number = :n` matches. The statement, and
/// whatever `rows` does with its rows, ends as `stop` says.
pub fn run(
    store: &mut Store,
    sql: &str,
    params: &[(String, String)],
    stop: &Stop,
    rows: &mut dyn Rows,
) -> Result<()> {
    let refused = |e: rusqlite::Error| -> Error {
        let code = e.sqlite_error_code();
        if DENIED.get() {
            return Error::SqlRefused;
        }
        match code {
            Some(rusqlite::ErrorCode::AuthorizationForStatementDenied)
            | Some(rusqlite::ErrorCode::ReadOnly) => Error::SqlRefused,
            Some(rusqlite::ErrorCode::OperationInterrupted) => match stop.check() {
                Err(stopped) => stopped,
                Ok(()) => Error::input(t!("store-sql-failed", error = e.to_string())),
            },
            Some(rusqlite::ErrorCode::TooBig) => Error::input(t!(
                "store-sql-too-big",
                error = e.to_string(),
                sql_bytes = MAX_SQL_BYTES,
                value_bytes = MAX_VALUE_BYTES
            )),
            _ => match e {
                rusqlite::Error::MultipleStatement => Error::input(t!("store-sql-one-statement")),
                other => Error::input(t!("store-sql-failed", error = other.to_string())),
            },
        }
    };
    store.stop_at(stop)?;
    DENIED.set(false);
    let mut stmt = store.conn.prepare(sql).map_err(refused)?;
    bind(&mut stmt, sql, params, &refused)?;
    let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let width = columns.len();
    rows.columns(&columns)?;
    let mut cursor = stmt.raw_query();
    while let Some(row) = cursor.next().map_err(refused)? {
        let mut cells = Vec::with_capacity(width);
        for i in 0..width {
            cells.push(match row.get_ref(i).map_err(refused)? {
                ValueRef::Null => Datum::Null,
                ValueRef::Integer(n) => Datum::Integer(n),
                ValueRef::Real(x) => Datum::Real(x),
                // Anyone may have written the file: text that is not UTF-8 is
                // still shown, with its bad bytes replaced.
                ValueRef::Text(t) => Datum::Text(String::from_utf8_lossy(t)),
                ValueRef::Blob(b) => Datum::Blob(b),
            });
        }
        rows.row(cells)?;
        // SQLite's own check comes every few thousand steps, and a few
        // steps can make a row that takes long to write out.
        stop.check()?;
    }
    Ok(())
}

/// The prefixes SQLite accepts before a parameter's name (besides `?NNN`).
const PARAM_PREFIXES: [char; 3] = [':', '@', '$'];

/// Bind each `--param` to every parameter of its name, whatever its prefix
/// (`:a`, `@a` and `$a` are three parameters to SQLite, one to the user),
/// and refuse a parameter left without a value: it would quietly match nothing.
fn bind(
    stmt: &mut rusqlite::Statement<'_>,
    sql: &str,
    params: &[(String, String)],
    refused: &dyn Fn(rusqlite::Error) -> Error,
) -> Result<()> {
    let mut used = vec![false; params.len()];
    let count = stmt.parameter_count();
    // A slot without a name is a bare `?`, or a gap that `?NNN` left
    // (`SELECT ?2` has an empty first slot), which needs no value.
    let bare_question_mark = has_bare_question_mark(sql);
    for index in 1..=count {
        let Some(name) = stmt.parameter_name(index).map(str::to_string) else {
            if !bare_question_mark {
                continue;
            }
            return Err(Error::input(t!("store-sql-positional-param")));
        };
        // `?NNN` is filled by `--param NNN=VALUE`.
        let bare = name.strip_prefix(PARAM_PREFIXES).unwrap_or(&name);
        let bare = bare.strip_prefix('?').unwrap_or(bare);
        // The last `--param` of a name wins, as with most command-line options.
        let Some(given) = params.iter().rposition(|(given, _)| given == bare) else {
            return Err(Error::input(t!(
                "store-sql-param-missing",
                name = name.as_str(),
                bare = bare
            )));
        };
        for (flag, (given, _)) in used.iter_mut().zip(params) {
            *flag |= given == bare;
        }
        let value = params.get(given).map_or("", |(_, value)| value.as_str());
        // A whole number written as SQLite would write it is bound as one;
        // anything else (`007`, `+5`, a code) stays the text typed.
        let bound = match value.parse::<i64>() {
            Ok(number) if number.to_string() == value => stmt.raw_bind_parameter(index, number),
            _ => stmt.raw_bind_parameter(index, value),
        };
        bound.map_err(refused)?;
    }
    if let Some((name, _)) = params
        .iter()
        .zip(&used)
        .find(|(_, used)| !**used)
        .map(|(p, _)| p)
    {
        // `--param 1=x` is meant for `?1`; `--param a=x` for `:a`, `@a` or `$a`.
        let shown = if name.chars().all(|c| c.is_ascii_digit()) {
            format!("?{name}")
        } else {
            format!(":{name}")
        };
        return Err(Error::input(t!(
            "store-sql-unknown-param",
            name = shown.as_str()
        )));
    }
    Ok(())
}

/// Whether the statement holds a `?` with no number after it, outside
/// quotes, identifiers and comments.
fn has_bare_question_mark(sql: &str) -> bool {
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        let closing = match c {
            '\'' => Some('\''),
            '"' => Some('"'),
            '`' => Some('`'),
            '[' => Some(']'),
            '-' if chars.peek() == Some(&'-') => Some('\n'),
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                None
            }
            '?' if !chars.peek().is_some_and(char::is_ascii_digit) => return true,
            _ => None,
        };
        if let Some(closing) = closing {
            // A doubled quote inside quotes is one quote, and the scan goes on.
            for c in chars.by_ref() {
                if c == closing {
                    break;
                }
            }
        }
    }
    false
}

/// The views that are part of the contract, each with its columns.
pub fn views(conn: &Connection) -> Result<Vec<(String, Vec<String>)>> {
    let mut stmt = conn
        // `finding_words` only feeds the search index.
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'view' AND name GLOB '*_v' ORDER BY name",
        )
        .with_context(|| t!("store-listing-views"))?;
    let names: Vec<String> = stmt
        .query_map([], |row| row.get(0))
        .with_context(|| t!("store-listing-views"))?
        .collect::<rusqlite::Result<_>>()
        .with_context(|| t!("store-listing-views"))?;
    let mut views = Vec::new();
    for name in names {
        let mut stmt = conn
            .prepare("SELECT name FROM pragma_table_info(:view) ORDER BY cid")
            .with_context(|| t!("store-listing-view-columns"))?;
        let columns = stmt
            .query_map(rusqlite::named_params! { ":view": name }, |row| row.get(0))
            .with_context(|| t!("store-listing-view-columns"))?
            .collect::<rusqlite::Result<_>>()
            .with_context(|| t!("store-listing-view-columns"))?;
        views.push((name, columns));
    }
    Ok(views)
}
