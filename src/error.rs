//! The one error type of spotcheck, its messages and its exit codes.
//!
//! Messages are lowercase, put the offending value in backticks and, where
//! there is one, say what to type instead.

use std::io;
use std::path::PathBuf;

/// Everything that can make a command fail.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A value typed on the command line or read from a file is not valid.
    #[error("{0}")]
    Input(String),

    /// The arguments make no sense together (exit code 2, like clap's own errors).
    #[error("{0}")]
    Usage(String),

    /// A unit, person, visit or finding that the user named does not exist,
    /// or a name matches more than one.
    #[error("{0}")]
    Lookup(String),

    /// The config file cannot be read or understood.
    #[error("config file `{path}`: {problem}")]
    Config { path: PathBuf, problem: String },

    /// The logbook file is missing, foreign, too new or damaged.
    #[error("logbook `{path}`: {problem}")]
    Logbook { path: PathBuf, problem: String },

    /// SQLite refused a statement; `context` says what spotcheck was doing.
    #[error("{context}: {source}{hint}", hint = disk_hint(.source))]
    Sqlite {
        context: String,
        #[source]
        source: rusqlite::Error,
    },

    /// Reading or writing a file or a stream failed.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },

    /// Writing to standard output failed; a closed pipe is not worth a message.
    #[error("writing output: {0}")]
    Output(#[source] io::Error),

    /// `check` found a problem in the logbook.
    #[error("{0}")]
    CheckFailed(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What to do when SQLite could not write (the usual cause is a full disk; a
/// write that fails is rolled back, so the logbook is as it was) or found the
/// file damaged.
fn disk_hint(source: &rusqlite::Error) -> &'static str {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::SystemIoFailure) => {
            ": the disk may be full, or the file larger than this system allows; \
             free some space and run the command again (nothing was changed)"
        }
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
            ": the logbook file is damaged; spotcheck left it as it is: restore it from \
             your latest backup (see `spotcheck backup`)"
        }
        _ => "",
    }
}

impl Error {
    /// The process exit code for this error: 1 runtime, 2 usage, 3 `check` failed.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::CheckFailed(_) => 3,
            Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            _ => 1,
        }
    }

    /// True when the error should end the program without a word, as when the
    /// reader of a pipe (`spotcheck list | head -1`) has gone away.
    pub fn is_silent(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    pub fn input(message: impl Into<String>) -> Self {
        Error::Input(message.into())
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    pub fn lookup(message: impl Into<String>) -> Self {
        Error::Lookup(message.into())
    }
}

impl From<io::Error> for Error {
    /// Bare I/O errors come from writing output; reads of named files attach
    /// their own context with [`IoContext`].
    fn from(source: io::Error) -> Self {
        Error::Output(source)
    }
}

/// Attach a "what was being done" message to SQLite and I/O errors.
pub trait Context<T> {
    fn context(self, context: impl Into<String>) -> Result<T>;
    fn with_context<F: FnOnce() -> String>(self, f: F) -> Result<T>;
}

impl<T> Context<T> for std::result::Result<T, rusqlite::Error> {
    fn context(self, context: impl Into<String>) -> Result<T> {
        self.map_err(|source| Error::Sqlite {
            context: context.into(),
            source,
        })
    }
    fn with_context<F: FnOnce() -> String>(self, f: F) -> Result<T> {
        self.map_err(|source| Error::Sqlite {
            context: f(),
            source,
        })
    }
}

impl<T> Context<T> for std::result::Result<T, io::Error> {
    fn context(self, context: impl Into<String>) -> Result<T> {
        self.map_err(|source| Error::Io {
            context: context.into(),
            source,
        })
    }
    fn with_context<F: FnOnce() -> String>(self, f: F) -> Result<T> {
        self.map_err(|source| Error::Io {
            context: f(),
            source,
        })
    }
}
