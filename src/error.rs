//! The one error type of spotcheck, its messages and its exit codes.
//!
//! Messages are lowercase, put the offending value in backticks and, where
//! there is one, say what to type instead.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Everything that can make a command fail. The words around the details
/// come from the catalogue when the error is shown, so they are in the
/// language of the run even for an error made before it was known.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A value typed on the command line or read from a file is not valid.
    Input(String),

    /// The arguments make no sense together (exit code 2, like clap's own errors).
    Usage(String),

    /// A unit, person, visit or finding that the user named does not exist,
    /// or a name matches more than one.
    Lookup(String),

    /// The config file cannot be read or understood.
    Config { path: PathBuf, problem: String },

    /// The logbook file is missing, foreign, too new or damaged.
    Logbook { path: PathBuf, problem: String },

    /// SQLite refused a statement; `context` says what spotcheck was doing.
    Sqlite {
        context: String,
        #[source]
        source: rusqlite::Error,
    },

    /// The PostgreSQL server could not be reached or refused a statement;
    /// `context` says what spotcheck was doing.
    Server {
        context: String,
        #[source]
        source: postgres::Error,
    },

    /// Reading or writing a file or a stream failed.
    Io {
        context: String,
        #[source]
        source: io::Error,
    },

    /// Writing to standard output failed; a closed pipe is not worth a message.
    Output(#[source] io::Error),

    /// `check` found a problem in the logbook.
    CheckFailed(String),

    /// Ctrl-C or SIGTERM arrived: the write under way rolls back.
    Interrupted,

    /// `spotcheck sql` was asked for something other than reading.
    SqlRefused,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What to do when SQLite could not write (the usual cause is a full disk; a
/// write that fails is rolled back, so the logbook is as it was) or found the
/// file damaged.
fn disk_hint(source: &rusqlite::Error) -> Option<String> {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::SystemIoFailure) => {
            Some(t!("error-disk-full"))
        }
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
            Some(t!("error-logbook-damaged"))
        }
        _ => None,
    }
}

/// What the server said, without the driver's own wording around it; or
/// what went wrong on the way, with the causes the driver keeps apart (a
/// refused certificate behind "error performing TLS handshake").
fn server_problem(source: &postgres::Error) -> String {
    if let Some(db) = source.as_db_error() {
        return db.message().to_string();
    }
    let mut text = source.to_string();
    let mut cause = std::error::Error::source(source);
    while let Some(inner) = cause {
        let said = inner.to_string();
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        cause = inner.source();
    }
    text
}

/// Whether the server's certificate was refused somewhere in `source`'s causes.
fn refused_certificate(source: &postgres::Error) -> bool {
    let mut cause = std::error::Error::source(source);
    while let Some(inner) = cause {
        let tls = inner.downcast_ref::<rustls::Error>().or_else(|| {
            inner
                .downcast_ref::<io::Error>()
                .and_then(|e| e.get_ref())
                .and_then(|e| e.downcast_ref::<rustls::Error>())
        });
        if matches!(tls, Some(rustls::Error::InvalidCertificate(_))) {
            return true;
        }
        cause = inner.source();
    }
    false
}

/// What to do about a server that could not be reached or would not let
/// spotcheck in; nothing was changed in either case.
fn server_hint(source: &postgres::Error) -> Option<String> {
    use postgres::error::SqlState;
    match source.code() {
        Some(code) if *code == SqlState::INVALID_PASSWORD => Some(t!("error-server-password")),
        Some(code) if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
            Some(t!("error-server-not-allowed"))
        }
        Some(_) => None,
        None if refused_certificate(source) => Some(t!("error-server-certificate")),
        // The driver's own words when no password was found anywhere.
        None if server_problem(source).contains("password missing") => {
            Some(t!("error-server-no-password"))
        }
        None if source.as_db_error().is_none() && source.is_closed() => {
            Some(t!("error-server-unreachable"))
        }
        None => {
            let unreachable = std::error::Error::source(source)
                .is_some_and(|inner| inner.downcast_ref::<io::Error>().is_some());
            unreachable.then(|| t!("error-server-unreachable"))
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input(message)
            | Error::Usage(message)
            | Error::Lookup(message)
            | Error::CheckFailed(message) => f.write_str(message),
            Error::Config { path, problem } => f.write_str(&t!(
                "error-config",
                path = path.display().to_string(),
                problem = problem.as_str()
            )),
            Error::Logbook { path, problem } => f.write_str(&t!(
                "error-logbook",
                path = path.display().to_string(),
                problem = problem.as_str()
            )),
            Error::Sqlite { context, source } => {
                write!(f, "{context}: {source}")?;
                match disk_hint(source) {
                    Some(hint) => write!(f, ": {hint}"),
                    None => Ok(()),
                }
            }
            Error::Server { context, source } => {
                write!(f, "{context}: {}", server_problem(source))?;
                match server_hint(source) {
                    Some(hint) => write!(f, ": {hint}"),
                    None => Ok(()),
                }
            }
            Error::Io { context, source } => write!(f, "{context}: {source}"),
            Error::Output(source) => f.write_str(&t!("error-output", problem = source.to_string())),
            Error::Interrupted => f.write_str(&t!("main-interrupted")),
            Error::SqlRefused => f.write_str(&t!("store-sql-refused")),
        }
    }
}

impl Error {
    /// The process exit code for this error: 1 runtime, 2 usage, 3 `check` failed.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::CheckFailed(_) => 3,
            // What a shell reports for Ctrl-C; the signal's own code is
            // used when it is known.
            Error::Interrupted => 130,
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
