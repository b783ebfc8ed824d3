//! What the process's environment says, read once by `main` and handed to
//! the library, which reads no variable itself: a test or an embedding
//! program gives its own.

use std::path::PathBuf;

use crate::config::{BY_ENV, DB_ENV, LANG_ENV};

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
}

impl Environment {
    /// The language the locale asks for, if it is set.
    pub fn locale_lang(&self) -> Option<crate::i18n::Lang> {
        self.locale.as_deref().map(crate::i18n::Lang::from_locale)
    }

    /// The environment of this process.
    pub fn from_process() -> Environment {
        let text = |name: &str| {
            std::env::var(name)
                .ok()
                .filter(|value| !value.trim().is_empty())
        };
        let dirs = directories::ProjectDirs::from("", "", "spotcheck");
        Environment {
            now: if cfg!(feature = "test-clock") {
                text(crate::clock::NOW_ENV)
            } else {
                None
            },
            db: std::env::var_os(DB_ENV)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from),
            by: text(BY_ENV),
            lang: text(LANG_ENV),
            locale: ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|name| std::env::var(name).ok())
                .find(|value| !value.is_empty()),
            user: text("USER").or_else(|| text("USERNAME")),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            columns: text("COLUMNS"),
            config_file: dirs
                .as_ref()
                .map(|dirs| dirs.config_dir().join("config.toml")),
            data_db: dirs.as_ref().map(|dirs| dirs.data_dir().join("logbook.db")),
            home: directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
            temp_dir: std::env::temp_dir(),
        }
    }
}
