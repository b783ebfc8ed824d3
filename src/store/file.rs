//! The logbook as a file: made owner-only and whole before SQLite opens
//! it, checked to be SQLite before SQLite touches it, and the write lock
//! another program holds, named.

use std::fs::OpenOptions;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

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

/// Refuse a file that is not an SQLite database before SQLite touches it.
/// `advice` ends the message with what to do instead.
pub(super) fn check_header(path: &Path, advice: &str) -> Result<()> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| Error::Logbook {
        path: path.to_path_buf(),
        problem: t!("store-logbook-unreadable", error = e.to_string()),
    })?;
    let read = file.read(&mut header).unwrap_or(0);
    if read == 0 {
        return Err(Error::Logbook {
            path: path.to_path_buf(),
            problem: t!("store-logbook-empty", advice = advice),
        });
    }
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(Error::Logbook {
            path: path.to_path_buf(),
            problem: t!("store-logbook-not-sqlite", advice = advice),
        });
    }
    Ok(())
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

/// Open `path` as the file it names, whatever its name: SQLite (built to
/// read `file:` names as URIs) is given a URI built here with every byte
/// but the plain ones escaped, so `--db file:c.db` is the file `file:c.db`.
/// `params` are URI parameters, as `immutable=1`.
pub(super) fn open_file(
    path: &Path,
    flags: OpenFlags,
    params: &str,
) -> rusqlite::Result<Connection> {
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
    Connection::open_with_flags(
        uri,
        flags | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// A copy of the logbook open on `conn`, in a private temporary folder, that
/// spotcheck may write to without touching the logbook: to index a read's
/// pending search entries, or run a check SQLite words as a write.
pub(super) fn private_copy(conn: &Connection, path: &Path) -> Result<Store> {
    let problem = |error: String| Error::Logbook {
        path: path.to_path_buf(),
        problem: t!("store-logbook-uncopyable", error = error),
    };
    let dir = tempfile::Builder::new()
        .prefix("spotcheck-read-")
        .tempdir()
        .map_err(|e| problem(e.to_string()))?;
    let copied = dir.path().join("logbook.db");
    conn.backup(
        rusqlite::MAIN_DB,
        &copied,
        None::<fn(rusqlite::backup::Progress)>,
    )
    .map_err(|e| problem(e.to_string()))?;
    let conn = open_file(&copied, OpenFlags::SQLITE_OPEN_READ_WRITE, "")
        .map_err(|e| problem(e.to_string()))?;
    let store = Store::configured(conn, path, None, Some(dir))?;
    Ok(store)
}

/// Make a new logbook at `path`: built whole under a temporary name in the
/// same folder and moved into place once initialised, so that a spotcheck
/// stopped half-way never leaves a file that later commands refuse. With
/// `replace_empty`, the empty file at `path` is replaced; otherwise a file
/// another spotcheck put there meanwhile is kept. Returns whether this call
/// made the logbook.
pub(super) fn create_logbook(path: &Path, replace_empty: bool) -> Result<bool> {
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
        let conn = open_file(&temp, OpenFlags::SQLITE_OPEN_READ_WRITE, "").map_err(|e| {
            Error::Logbook {
                path: path.to_path_buf(),
                problem: t!("store-logbook-uncreatable", error = e.to_string()),
            }
        })?;
        let mut store = Store::configured(conn, path, None, None)?;
        store.set_durability()?;
        schema::migrate(&mut store.conn, Path::new(":memory:"))?;
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
