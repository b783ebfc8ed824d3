//! The logbook as a file: made owner-only and whole before SQLite opens
//! it, checked to be SQLite before SQLite touches it, and the write lock
//! another program holds, named.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::cipher::{self, Header, LogbookKey, Unlock};
use super::{BUSY_TIMEOUT, Store, new_uid, schema};
use crate::error::{Error, Result};

/// The error of a write that waited [`BUSY_TIMEOUT`] for another program
/// holding the logbook's write lock: who waits for what, how long, and what
/// to do. Any other error is given back as it is.
pub(super) fn locked(
    path: &Path,
    e: rusqlite::Error,
) -> std::result::Result<Error, rusqlite::Error> {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            Ok(Error::Logbook {
                path: path.to_path_buf(),
                problem: t!("store-logbook-locked", seconds = BUSY_TIMEOUT.as_secs()),
            })
        }
        _ => Err(e),
    }
}

/// Refuse a file that is not a logbook before SQLite touches it, and
/// find the key of an encrypted one through `unlock`. `advice` ends the
/// message with what to do instead.
pub(super) fn identify(
    path: &Path,
    advice: &str,
    unlock: &dyn Unlock,
) -> Result<Option<LogbookKey>> {
    let header = cipher::read_header(path).map_err(|e| Error::Logbook {
        path: path.to_path_buf(),
        problem: t!("store-logbook-unreadable", error = e.to_string()),
    })?;
    match header {
        Header::Plain => Ok(None),
        Header::Encrypted(salt) => unlock.key(path, &salt).map(Some),
        Header::Empty => Err(Error::Logbook {
            path: path.to_path_buf(),
            problem: t!("store-logbook-empty", advice = advice),
        }),
        Header::Other => Err(Error::Logbook {
            path: path.to_path_buf(),
            problem: t!("store-logbook-not-sqlite", advice = advice),
        }),
    }
}

/// Which file a path names: its device and inode where there are such.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FileId(u64, u64);

impl FileId {
    pub(super) fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path)
                .ok()
                .map(|meta| FileId(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }
}

/// Create the file readable by its owner only, before anything is written to it.
pub(super) fn create_owner_only(path: &Path) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop).map_err(|e| {
        let problem = if e.kind() == std::io::ErrorKind::NotFound {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            match dir {
                Some(dir) => t!(
                    "store-logbook-uncreatable-directory",
                    dir = dir.display().to_string()
                ),
                None => t!("store-logbook-uncreatable", error = e.to_string()),
            }
        } else {
            t!("store-logbook-uncreatable", error = e.to_string())
        };
        Error::Logbook {
            path: path.to_path_buf(),
            problem,
        }
    })
}

/// The refusal of a logbook to be made in a folder that is not there, said
/// before anything else is written for it (an encrypted one's key file).
pub fn missing_folder(path: &Path) -> Option<Error> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty())?;
    (!dir.exists()).then(|| Error::Logbook {
        path: path.to_path_buf(),
        problem: t!(
            "store-logbook-uncreatable-directory",
            dir = dir.display().to_string()
        ),
    })
}

/// Whether no one may write to the file (mode 0444, say). Opening it for
/// writing to find out writes nothing.
pub(super) fn write_protected(path: &Path) -> bool {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
}

/// Whether the logbook's log holds nothing (or there is none).
pub(super) fn log_empty(path: &Path) -> bool {
    std::fs::metadata(sibling(path, "-wal"))
        .map(|m| m.len() == 0)
        .unwrap_or(true)
}

/// The file beside `path` whose name ends in `suffix` (`-wal`, `-shm`).
pub(super) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The URI SQLite (built to read `file:` names as URIs) is given for
/// `path`, with every byte but the plain ones escaped, so `--db file:c.db`
/// is the file `file:c.db`. `params` are URI parameters, as `immutable=1`.
pub(super) fn uri(path: &Path, params: &str) -> String {
    let text = path.to_string_lossy();
    // An absolute path gets an empty authority, so `//x` stays a path.
    let mut uri = String::from(if text.starts_with('/') {
        "file://"
    } else {
        "file:"
    });
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    if !params.is_empty() {
        uri.push('?');
        uri.push_str(params);
    }
    uri
}

/// Open `path` as the file it names, whatever its name (see [`uri`]), and
/// give the connection the logbook's key, if it has one, before anything
/// reads the file. `params` are URI parameters, as `immutable=1`.
pub(super) fn open_file(
    path: &Path,
    flags: OpenFlags,
    params: &str,
    key: Option<&LogbookKey>,
) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        uri(path, params),
        flags | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    cipher::apply_key(&conn, key)?;
    if key.is_some() {
        // A key that does not decrypt the file is told apart here, before
        // any setting reads it and calls the file damaged. Other failures
        // (a folder where the log cannot be made) are the caller's to meet.
        if let Err(e) = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
            if cipher::is_not_a_database(&e) {
                return Err(e);
            }
        }
    }
    Ok(conn)
}

/// The error of a connection to the logbook at `path` that could not be
/// opened or read: a key that does not decrypt the file is named as such.
pub(super) fn unopenable(path: &Path, key: Option<&LogbookKey>, e: rusqlite::Error) -> Error {
    if key.is_some() && cipher::is_not_a_database(&e) {
        return cipher::wrong_key(path);
    }
    Error::Logbook {
        path: path.to_path_buf(),
        problem: t!("store-logbook-unopenable", error = e.to_string()),
    }
}

/// Refuse, before SQLite touches it, a path that is not a logbook file to
/// read: a folder, nothing, a file that cannot be read or is not SQLite.
/// `advice` ends the message with what to do instead.
pub(super) fn existing_file(
    path: &Path,
    advice: &str,
    unlock: &dyn Unlock,
) -> Result<Option<LogbookKey>> {
    let logbook_error = |problem: String| Error::Logbook {
        path: path.to_path_buf(),
        problem,
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(logbook_error(t!("store-logbook-is-directory-db"))),
        Ok(_) => identify(path, advice, unlock),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(logbook_error(t!("store-logbook-absent", advice = advice)))
        }
        Err(e) => Err(logbook_error(t!(
            "store-logbook-unreadable",
            error = e.to_string()
        ))),
    }
}

/// A read-only connection to the logbook at `path` that leaves the file and
/// its folder as they are, and reads everything its log holds; with the
/// private folder it reads a copy in, to be removed once the connection is
/// closed.
pub(super) fn open_for_reading(
    path: &Path,
    key: Option<&LogbookKey>,
) -> Result<(Connection, Option<tempfile::TempDir>)> {
    let logbook_error = |problem: String| Error::Logbook {
        path: path.to_path_buf(),
        problem,
    };
    let unopenable = |e: rusqlite::Error| unopenable(path, key, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY;
    let log_empty = || log_empty(path);
    // A file no one may write to (mode 0444) has no writer to make way
    // for, and a read-only connection to it would leave `-wal` and
    // `-shm` files it cannot remove: with nothing in a log, it is read
    // as it stands.
    let conn = if write_protected(path) && log_empty() {
        open_file(path, flags, "immutable=1", key)
    } else {
        open_file(path, flags, "", key)
    }
    .map_err(unopenable)?;
    // A writer closing the file holds it alone for a moment: the first
    // read waits for it rather than taking the moment for a failure.
    conn.busy_timeout(BUSY_TIMEOUT).map_err(unopenable)?;
    // A logbook in WAL mode needs its `-shm` file; in a folder that cannot
    // be written (a write-protected memory stick) SQLite cannot make one.
    // Nobody can be writing there either, so the file is read as it
    // stands: directly when its log is empty, else through a private
    // copy of the file and its log, as reading the file alone would
    // silently leave out what the log holds.
    let probe = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()));
    match probe {
        Err(e)
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly)
                || e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) =>
        {
            drop(conn);
            if log_empty() {
                return Ok((
                    open_file(path, flags, "immutable=1", key).map_err(unopenable)?,
                    None,
                ));
            }
            let unreadable = |e: std::io::Error| {
                logbook_error(t!("store-logbook-unreadable", error = e.to_string()))
            };
            let copy = tempfile::Builder::new()
                .prefix("spotcheck-read-")
                .tempdir()
                .map_err(unreadable)?;
            let copied = copy.path().join("logbook.db");
            std::fs::copy(path, &copied)
                .and_then(|_| std::fs::copy(sibling(path, "-wal"), sibling(&copied, "-wal")))
                .map_err(unreadable)?;
            let conn = open_file(&copied, flags, "", key).map_err(unopenable)?;
            Ok((conn, Some(copy)))
        }
        Err(e) if key.is_some() && cipher::is_not_a_database(&e) => Err(unopenable(e)),
        _ => Ok((conn, None)),
    }
}

/// A copy of the logbook open on `conn`, in a private temporary folder, that
/// spotcheck may write to without touching the logbook: to index a read's
/// pending search entries, or run a check SQLite words as a write.
pub(super) fn private_copy(
    conn: &Connection,
    path: &Path,
    key: Option<&LogbookKey>,
) -> Result<Store> {
    let problem = |error: String| Error::Logbook {
        path: path.to_path_buf(),
        problem: t!("store-logbook-uncopyable", error = error),
    };
    let dir = tempfile::Builder::new()
        .prefix("spotcheck-read-")
        .tempdir()
        .map_err(|e| problem(e.to_string()))?;
    let copied = dir.path().join("logbook.db");
    cipher::copy_database(conn, key, &copied).map_err(|e| match e.sqlite_error_code() {
        // The copy needs as much room as the logbook takes.
        Some(rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::SystemIoFailure) => {
            problem(format!("{e}: {}", t!("error-disk-full")))
        }
        _ => problem(e.to_string()),
    })?;
    let conn = open_file(&copied, OpenFlags::SQLITE_OPEN_READ_WRITE, "", key)
        .map_err(|e| problem(e.to_string()))?;
    let store = Store::configured(conn, path, None, Some(dir), key.cloned())?;
    Ok(store)
}

/// Make a new logbook at `path`: built whole under a temporary name in the
/// same folder and moved into place once initialised, so that a spotcheck
/// stopped half-way never leaves a file that later commands refuse. With
/// `replace_empty`, the empty file at `path` is replaced; otherwise a file
/// another spotcheck put there meanwhile is kept. Returns whether this call
/// made the logbook.
pub(super) fn create_logbook(
    path: &Path,
    replace_empty: bool,
    key: Option<&LogbookKey>,
) -> Result<bool> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.new-{}", &new_uid()[..8]));
    let as_logbook = |e: Error| match e {
        Error::Logbook { problem, .. } => Error::Logbook {
            path: path.to_path_buf(),
            problem,
        },
        other => other,
    };
    create_owner_only(&temp).map_err(as_logbook)?;
    let built = (|| {
        let conn = open_file(&temp, OpenFlags::SQLITE_OPEN_READ_WRITE, "", key).map_err(|e| {
            Error::Logbook {
                path: path.to_path_buf(),
                problem: t!("store-logbook-uncreatable", error = e.to_string()),
            }
        })?;
        let mut store = Store::configured(conn, path, None, None, key.cloned())?;
        store.set_durability()?;
        schema::migrate(&mut store.conn, None, Path::new(":memory:"))?;
        drop(store);
        let placed = if replace_empty {
            std::fs::rename(&temp, path).map(|()| true)
        } else {
            // A hard link never replaces a file; where the file system has
            // none (a FAT memory stick), a rename into a name still free.
            match std::fs::hard_link(&temp, path) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
                Err(_) if !path.exists() => std::fs::rename(&temp, path).map(|()| true),
                Err(_) => Ok(false),
            }
        };
        placed.map_err(|e| Error::Logbook {
            path: path.to_path_buf(),
            problem: t!("store-logbook-uncreatable", error = e.to_string()),
        })
    })();
    let _ = std::fs::remove_file(&temp);
    built
}
