//! Logbooks encrypted at rest, through SQLCipher: the key a connection is
//! given before its first read, what a file's first bytes say it is, and
//! copies that stay encrypted with the logbook's own key.
//!
//! The key is 256 random bits given to SQLCipher as a raw key, so no key
//! derivation runs when a logbook is opened; the salt SQLCipher keeps in
//! the file's first 16 bytes is given with it. Every copy of the logbook
//! (a backup, the copy before an upgrade, the private copy of a read) is
//! keyed with the same key and salt, so it begins with the same 16 bytes,
//! which is how the keyring finds its key.

use std::io::Read;
use std::path::Path;

use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The length of a logbook's key, in bytes.
pub const KEY_LEN: usize = 32;
/// The length of the salt that begins an encrypted logbook, in bytes.
pub const SALT_LEN: usize = 16;

/// The key of an encrypted logbook, wiped from memory when dropped.
#[derive(Clone)]
pub struct LogbookKey {
    key: Zeroizing<[u8; KEY_LEN]>,
    salt: [u8; SALT_LEN],
}

impl std::fmt::Debug for LogbookKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key itself never reaches a log or a panic message.
        f.debug_struct("LogbookKey")
            .field("salt", &hex(&self.salt))
            .finish_non_exhaustive()
    }
}

impl LogbookKey {
    /// A new random key and salt, from the operating system's generator.
    pub fn generate() -> Result<LogbookKey> {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        let mut salt = [0u8; SALT_LEN];
        getrandom::fill(key.as_mut_slice())
            .and_then(|()| getrandom::fill(&mut salt))
            .map_err(|e| Error::Input(t!("cipher-no-randomness", error = e.to_string())))?;
        Ok(LogbookKey { key, salt })
    }

    pub fn from_parts(key: Zeroizing<[u8; KEY_LEN]>, salt: [u8; SALT_LEN]) -> LogbookKey {
        LogbookKey { key, salt }
    }

    pub fn key(&self) -> &[u8; KEY_LEN] {
        &self.key
    }

    /// The salt that begins the logbook's file: the name of its key.
    pub fn salt(&self) -> &[u8; SALT_LEN] {
        &self.salt
    }

    /// SQLCipher's notation of a raw key with its salt: `x'…'`, 96 hex digits.
    fn notation(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(String::with_capacity(2 * (KEY_LEN + SALT_LEN) + 3));
        text.push_str("x'");
        text.push_str(&hex(self.key.as_slice()));
        text.push_str(&hex(&self.salt));
        text.push('\'');
        text
    }
}

/// Lowercase hexadecimal, two digits a byte, as the history writes hashes.
pub fn hex(bytes: &[u8]) -> String {
    super::history::hex(bytes)
}

/// Where the key of an encrypted logbook comes from: the keyring, a
/// passphrase, a test. The store asks once, when it meets an encrypted file.
pub trait Unlock {
    /// The key of the encrypted logbook at `path`, whose file begins with `salt`.
    fn key(&self, path: &Path, salt: &[u8; SALT_LEN]) -> Result<LogbookKey>;
}

/// No key at all: an encrypted logbook is refused with what to do.
pub struct NoKeys;

impl Unlock for NoKeys {
    fn key(&self, path: &Path, _salt: &[u8; SALT_LEN]) -> Result<LogbookKey> {
        Err(Error::Logbook {
            path: path.to_path_buf(),
            problem: t!("store-logbook-encrypted-no-key"),
        })
    }
}

/// What a file's first bytes say it is.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Header {
    /// Nothing in it.
    Empty,
    /// A plain SQLite database.
    Plain,
    /// Random bytes in whole pages, as SQLCipher writes: an encrypted
    /// logbook, or something else that only a key can tell apart.
    Encrypted([u8; SALT_LEN]),
    /// Neither.
    Other,
}

/// The smallest page SQLite and SQLCipher write: an encrypted file is a
/// whole number of them.
const PAGE_MIN: u64 = 512;

pub(super) fn read_header(path: &Path) -> std::io::Result<Header> {
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    let mut header = [0u8; SALT_LEN];
    let mut read = 0;
    while read < header.len() {
        match file.read(header.get_mut(read..).unwrap_or_default())? {
            0 => break,
            n => read += n,
        }
    }
    Ok(if read == 0 {
        Header::Empty
    } else if read < SALT_LEN {
        Header::Other
    } else if &header == b"SQLite format 3\0" {
        Header::Plain
    } else if header.iter().all(|b| *b == 0) {
        // Zeros where a random salt would be: a file a power cut left
        // unwritten, not a logbook to ask a key for.
        Header::Other
    } else if len >= PAGE_MIN && len % PAGE_MIN == 0 {
        Header::Encrypted(header)
    } else {
        Header::Other
    })
}

/// Whether the file at `path` is, by its first bytes, an encrypted logbook
/// (or something only a key could tell from one).
pub fn is_encrypted_file(path: &Path) -> bool {
    matches!(read_header(path), Ok(Header::Encrypted(_)))
}

/// Give `conn` its key, before anything reads the file; SQLCipher's own
/// log lines are turned off first, so that none reaches the user.
pub(super) fn apply_key(conn: &Connection, key: Option<&LogbookKey>) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
    if let Some(key) = key {
        let statement = Zeroizing::new(format!("PRAGMA key = \"{}\"", key.notation().as_str()));
        conn.execute_batch(&statement)?;
    }
    Ok(())
}

/// The words for a key that does not open the file: SQLCipher can only
/// tell that what it decrypted is not a database.
pub(super) fn wrong_key(path: &Path) -> Error {
    Error::Logbook {
        path: path.to_path_buf(),
        problem: t!("store-logbook-wrong-key"),
    }
}

/// Whether an error is what a wrong key gives.
pub(super) fn is_not_a_database(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase)
}

/// Copy the database open on `conn` to the empty file `dest` through
/// SQLite's online backup, keyed with `key` when the logbook has one:
/// SQLCipher copies pages as they are, so both sides need the same key.
pub(super) fn copy_database(
    conn: &Connection,
    key: Option<&LogbookKey>,
    dest: &Path,
) -> rusqlite::Result<()> {
    match key {
        None => conn.backup(
            rusqlite::MAIN_DB,
            dest,
            None::<fn(rusqlite::backup::Progress)>,
        ),
        Some(key) => {
            let mut target = Connection::open(dest)?;
            apply_key(&target, Some(key))?;
            {
                let backup = rusqlite::backup::Backup::new(conn, &mut target)?;
                backup.run_to_completion(
                    1024,
                    std::time::Duration::ZERO,
                    None::<fn(rusqlite::backup::Progress)>,
                )?;
            }
            // A copy is complete in itself: marked for a rollback journal,
            // opening it makes no `-wal`. Its header is encrypted, so it is
            // said through the keyed connection rather than written in.
            let mode: String =
                target.pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get(0))?;
            if mode.eq_ignore_ascii_case("delete") {
                Ok(())
            } else {
                Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
                    Some(format!("the copy kept the journal mode {mode}")),
                ))
            }
        }
    }
}

/// Write the whole database open on `conn` into the new file `dest`
/// through SQLCipher's export, encrypted with `key` or, with none, plain;
/// the marks SQLCipher's export leaves behind (the application and the
/// schema version) are copied too. `dest` must not exist.
pub(super) fn export(
    conn: &Connection,
    key: Option<&LogbookKey>,
    dest: &Path,
) -> rusqlite::Result<()> {
    let notation = match key {
        Some(key) => key.notation(),
        None => Zeroizing::new(String::new()),
    };
    let dest_text = dest.to_string_lossy();
    conn.execute(
        "ATTACH DATABASE ?1 AS spotcheck_export KEY ?2",
        [dest_text.as_ref(), notation.as_str()],
    )?;
    let exported = (|| {
        conn.query_row(
            "SELECT sqlcipher_export('spotcheck_export')",
            [],
            |_| Ok(()),
        )?;
        for pragma in ["application_id", "user_version"] {
            let value: i64 = conn.pragma_query_value(None, pragma, |row| row.get(0))?;
            conn.pragma_update(Some("spotcheck_export"), pragma, value)?;
        }
        conn.query_row("PRAGMA spotcheck_export.journal_mode = wal", [], |_| Ok(()))?;
        Ok(())
    })();
    let detached = conn.execute_batch("DETACH DATABASE spotcheck_export");
    exported.and(detached)
}

impl super::Store {
    /// Write the whole logbook into the empty file `temp`, encrypted with
    /// `key` or, with none, plain, for the caller to rename into the
    /// logbook's place: a stop at any moment then leaves either the old
    /// file or the new one whole. The store given back holds the old
    /// file's exclusive lock, so that nothing reads or writes it until the
    /// caller has renamed the new file into place and dropped the store.
    ///
    /// Writers are held off while the copy is made, and the old file leaves
    /// WAL mode before the store is closed, which needs every other
    /// connection to it closed: its log, named after the logbook, must not
    /// be read as the new file's. A writer that opened the old file before
    /// the rename finds, once it holds the lock, that the logbook is another
    /// file, and writes nothing (see [`Store::write`](super::Store::write)).
    pub fn write_anew(self, key: Option<&LogbookKey>, temp: &Path) -> Result<super::Store> {
        use crate::error::Context;
        let path = self.path.clone();
        let context = || t!("store-rewriting", path = path.display().to_string());
        let version = |conn: &Connection| -> Result<i64> {
            conn.pragma_query_value(None, "data_version", |row| row.get(0))
                .with_context(context)
        };
        // A second connection holds the write lock while the first reads
        // the logbook into the new file: no one writes meanwhile.
        let guard = super::open_file(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE,
            "",
            self.key.as_ref(),
        )
        .with_context(context)?;
        guard
            .busy_timeout(super::BUSY_TIMEOUT)
            .with_context(context)?;
        guard.execute_batch("BEGIN IMMEDIATE").map_err(|e| {
            super::locked(&path, e).unwrap_or_else(|e| Error::Sqlite {
                context: context(),
                source: e,
            })
        })?;
        let before = version(&self.conn)?;
        export(&self.conn, key, temp).with_context(context)?;
        std::fs::OpenOptions::new()
            .write(true)
            .open(temp)
            .and_then(|file| file.sync_all())
            .map_err(|e| Error::Io {
                context: context(),
                source: e,
            })?;
        drop(guard);
        let in_use = || Error::Logbook {
            path: path.clone(),
            problem: t!("store-logbook-in-use"),
        };
        // Another program with the file open does not let go by waiting.
        self.conn
            .busy_timeout(std::time::Duration::from_millis(500))
            .with_context(context)?;
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "delete", |row| row.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    in_use()
                }
                _ => Error::Sqlite {
                    context: context(),
                    source: e,
                },
            })?;
        if !mode.eq_ignore_ascii_case("delete") || version(&self.conn)? != before {
            return Err(in_use());
        }
        self.conn
            .execute_batch("BEGIN EXCLUSIVE")
            .map_err(|_| in_use())?;
        if version(&self.conn)? != before {
            return Err(in_use());
        }
        Ok(self)
    }
}
