//! What the process's environment says, read once by `main` and handed to
//! the library, which reads no variable itself: a test or an embedding
//! program gives its own.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::FixedOffset;

use crate::config::{BY_ENV, DB_ENV, LANG_ENV, PASSPHRASE_FILE_ENV};

/// The variable of [`Environment::encrypt_new_logbooks`].
pub const ENCRYPT_NEW_ENV: &str = "SPOTCHECK_TEST_ENCRYPT";

/// The variables spotcheck heeds, and the platform's folders.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `SPOTCHECK_NOW`: a fixed clock. Read only by builds with the
    /// `test-clock` feature (the tests' and the examples'); a release build
    /// ignores it, so no one backdates a record by accident.
    pub now: Option<String>,
    /// `SPOTCHECK_DB`: the logbook.
    pub db: Option<PathBuf>,
    /// `SPOTCHECK_BY`: who is writing.
    pub by: Option<String>,
    /// `SPOTCHECK_LANG`: the language of messages.
    pub lang: Option<String>,
    /// The locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set.
    pub locale: Option<String>,
    /// `USER` or `USERNAME`: who is writing when nothing else says.
    pub user: Option<String>,
    /// `PGPASSWORD`: the password for the PostgreSQL server, as for `psql`.
    pub pg_password: Option<String>,
    /// `PGPASSFILE`: the password file for the server, instead of `~/.pgpass`.
    pub pg_passfile: Option<PathBuf>,
    /// `PGSSLMODE` and `PGSSLROOTCERT`: TLS to the server when the URL does
    /// not say, as for `psql`.
    pub pg_ssl_mode: Option<String>,
    pub pg_ssl_root_cert: Option<String>,
    /// `SPOTCHECK_PASSPHRASE_FILE`: the passphrase of encrypted logbooks,
    /// read from this file instead of the keyring or the terminal.
    pub passphrase_file: Option<PathBuf>,
    /// `SPOTCHECK_TEST_ENCRYPT`: every logbook a command creates is made
    /// encrypted, as `init --encrypt` would, so that the end-to-end tests
    /// run once more on encrypted logbooks. Read only by builds with the
    /// `test-clock` feature, like `SPOTCHECK_NOW`.
    pub encrypt_new_logbooks: bool,
    /// `NO_COLOR` set to anything (no-color.org).
    pub no_color: bool,
    /// `COLUMNS`: the width of the terminal as the shell knows it.
    pub columns: Option<String>,
    /// Where the config file is when `--config` does not say.
    pub config_file: Option<PathBuf>,
    /// Where the logbook is when nothing else says.
    pub data_db: Option<PathBuf>,
    /// The user's home folder, which `~/` in the config file names.
    pub home: Option<PathBuf>,
    /// The folder for temporary files.
    pub temp_dir: PathBuf,
    /// Which of the standard streams a person is at: colour, the table's
    /// width, progress bars and guided questions need one.
    pub terminal: Terminal,
    /// Local time's offset from UTC; `None` leaves it to the system's time
    /// zone (`TZ`, `/etc/localtime`), which is what `main` does.
    pub zone: Option<FixedOffset>,
}

/// Whether each standard stream is a terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

impl Environment {
    /// The language the locale asks for, if it is set.
    pub fn locale_lang(&self) -> Option<crate::i18n::Lang> {
        self.locale.as_deref().map(crate::i18n::Lang::from_locale)
    }

    /// The environment of this process.
    pub fn from_process() -> Environment {
        let dirs = directories::ProjectDirs::from("", "", "spotcheck");
        Environment {
            config_file: dirs
                .as_ref()
                .map(|dirs| dirs.config_dir().join("config.toml")),
            data_db: dirs.as_ref().map(|dirs| dirs.data_dir().join("logbook.db")),
            home: directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
            temp_dir: std::env::temp_dir(),
            terminal: Terminal {
                stdin: std::io::stdin().is_terminal(),
                stdout: std::io::stdout().is_terminal(),
                stderr: std::io::stderr().is_terminal(),
            },
            ..Environment::from_variables(|name| std::env::var_os(name))
        }
    }

    /// What the variables that `var` looks up say; the folders, the streams
    /// and the time zone are left for the caller to fill in. `main` passes
    /// the process's variables, a test its own.
    pub fn from_variables(var: impl Fn(&str) -> Option<OsString>) -> Environment {
        let text = |name: &str| {
            var(name)
                .and_then(|value| value.into_string().ok())
                .filter(|value| !value.trim().is_empty())
        };
        Environment {
            now: if cfg!(feature = "test-clock") {
                text(crate::clock::NOW_ENV)
            } else {
                None
            },
            encrypt_new_logbooks: cfg!(feature = "test-clock")
                && var(ENCRYPT_NEW_ENV).is_some_and(|value| !value.is_empty()),
            db: var(DB_ENV)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from),
            by: text(BY_ENV),
            passphrase_file: var(PASSPHRASE_FILE_ENV)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from),
            lang: text(LANG_ENV),
            locale: ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|name| var(name)?.into_string().ok())
                .find(|value| !value.is_empty()),
            user: text("USER").or_else(|| text("USERNAME")),
            // A password may begin or end with a space: taken as it is.
            pg_password: var("PGPASSWORD")
                .and_then(|value| value.into_string().ok())
                .filter(|value| !value.is_empty()),
            pg_passfile: var("PGPASSFILE")
                .filter(|value| !value.is_empty())
                .map(PathBuf::from),
            pg_ssl_mode: text("PGSSLMODE"),
            pg_ssl_root_cert: text("PGSSLROOTCERT"),
            no_color: var("NO_COLOR").is_some_and(|v| !v.is_empty()),
            columns: text("COLUMNS"),
            ..Environment::default()
        }
    }
}
