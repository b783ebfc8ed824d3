//! Shell completion: the registration script each shell sources, and the
//! candidates offered while typing, unit codes read from the logbook among them.
//!
//! The shell calls spotcheck back on every <Tab> (`COMPLETE=SHELL spotcheck --
//! WORDS…`), so what completes is always the logbook as it is now, not as it
//! was when the script was installed.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::PathBuf;

use clap_complete::Shell;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::EnvCompleter;

use crate::config::{Overrides, Settings};
use crate::store::{Access, Store, units};

/// The environment variable that turns a run into a completion request.
pub const VARIABLE: &str = "COMPLETE";

/// The script that registers spotcheck's completions with `shell`; the shell
/// runs `program` (as this process was started) to ask for candidates.
pub fn registration(shell: Shell, program: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let name = "spotcheck";
    match shell {
        Shell::Bash => {
            clap_complete::env::Bash.write_registration(VARIABLE, name, name, program, out)
        }
        Shell::Zsh => {
            clap_complete::env::Zsh.write_registration(VARIABLE, name, name, program, out)
        }
        Shell::Fish => {
            clap_complete::env::Fish.write_registration(VARIABLE, name, name, program, out)
        }
        Shell::Elvish => {
            clap_complete::env::Elvish.write_registration(VARIABLE, name, name, program, out)
        }
        Shell::PowerShell => {
            clap_complete::env::Powershell.write_registration(VARIABLE, name, name, program, out)
        }
        _ => Err(std::io::Error::other(format!("no completions for {shell}"))),
    }
}

/// Unit codes that begin with what was typed, or whose name contains it
/// (accents ignored), each with the unit's name as its description.
pub fn unit_codes(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = crate::fold::fold(&current.to_string_lossy());
    // A completion that fails offers nothing: an error message would be
    // pasted into the user's command line.
    let Some(units) = logbook_units() else {
        return Vec::new();
    };
    units
        .into_iter()
        .filter(|unit| {
            let code = crate::fold::fold(&unit.code);
            code.starts_with(&typed) || crate::fold::fold(&unit.name).contains(&typed)
        })
        .map(|unit| CompletionCandidate::new(unit.code).help(Some(unit.name.into())))
        .collect()
}

/// The named categories whose key begins with what was typed, or whose name
/// in the current language contains it (accents ignored), each with that name.
pub fn category_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = crate::fold::fold(&current.to_string_lossy());
    // The names in the language the command would speak; English when the
    // settings cannot be read.
    let lang = ENVIRONMENT
        .get()
        .and_then(|env| Settings::load(&overrides_on_the_line(std::env::args_os()), env).ok())
        .map_or(crate::i18n::Lang::En, |settings| settings.lang.value);
    crate::model::CATEGORIES
        .iter()
        .map(|key| {
            let name = crate::i18n::message_in(lang, &format!("term-{key}"), None);
            (*key, name)
        })
        .filter(|(key, name)| key.starts_with(&typed) || crate::fold::fold(name).contains(&typed))
        .map(|(key, name)| CompletionCandidate::new(key).help(Some(name.into())))
        .collect()
}

/// The environment of the shell asking for candidates, which `main` hands
/// over before the candidates are asked for.
static ENVIRONMENT: std::sync::OnceLock<crate::environment::Environment> =
    std::sync::OnceLock::new();

/// Set once by `main`, before completion runs.
pub fn set_environment(env: crate::environment::Environment) {
    let _ = ENVIRONMENT.set(env);
}

fn logbook_units() -> Option<Vec<crate::store::UnitRow>> {
    let env = ENVIRONMENT.get()?;
    let settings = Settings::load(&overrides_on_the_line(std::env::args_os()), env).ok()?;
    if !settings.db.value.is_file() {
        return None; // completing must not create a logbook
    }
    let keys = crate::keys::Keychain::silent(env);
    let (store, _) = Store::open(&settings.db.value, Access::Read, &keys).ok()?;
    units::all(store.conn()).ok()
}

/// `--db` and `--config` as typed on the command line being completed, so
/// that `spotcheck --db other.db visit start <Tab>` offers other.db's units.
fn overrides_on_the_line(args: impl Iterator<Item = OsString>) -> Overrides {
    let mut overrides = Overrides::default();
    let words: Vec<OsString> = args.collect();
    let mut words = words.iter().map(|w| w.to_string_lossy().into_owned());
    while let Some(word) = words.next() {
        let (flag, value) = match word.split_once('=') {
            Some((flag, value)) => (flag.to_string(), Some(value.to_string())),
            None => (word.clone(), None),
        };
        let target = match flag.as_str() {
            "--db" => &mut overrides.db,
            "--config" => &mut overrides.config,
            _ => continue,
        };
        if let Some(value) = value.or_else(|| words.next()) {
            *target = Some(PathBuf::from(value));
        }
    }
    overrides
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_logbook_named_on_the_line_is_the_one_completed_from() {
        let words = [
            "spotcheck",
            "--",
            "spotcheck",
            "--db",
            "other.db",
            "visit",
            "start",
            "t",
        ];
        let overrides = overrides_on_the_line(words.iter().map(OsString::from));
        assert_eq!(overrides.db, Some(PathBuf::from("other.db")));
        let words = [
            "spotcheck",
            "--",
            "spotcheck",
            "--config=team.toml",
            "visit",
        ];
        let overrides = overrides_on_the_line(words.iter().map(OsString::from));
        assert_eq!(overrides.config, Some(PathBuf::from("team.toml")));
        assert_eq!(overrides.db, None);
    }

    #[test]
    fn every_shell_gets_a_registration_that_calls_spotcheck_back() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let mut script = Vec::new();
            registration(shell, "spotcheck", &mut script).unwrap();
            let script = String::from_utf8(script).unwrap();
            assert!(script.contains(VARIABLE), "{shell}: {script}");
            assert!(script.contains("spotcheck"), "{shell}: {script}");
        }
    }
}
