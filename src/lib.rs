//! spotcheck: the logbook of a public-service inspection team.
//!
//! The whole command line runs in-process through [`run_args`], writing to the
//! output and error writers it is given; `main.rs` only hands it the process's
//! own.

// First, so that `t!` is in scope in every module after it.
#[macro_use]
pub mod i18n;
pub mod calendar;
pub mod cli;
pub mod clock;
mod commands;
pub mod completion;
pub mod config;
pub mod environment;
pub mod error;
pub mod exchange;
pub mod fold;
pub mod help;
pub mod input;
pub mod keys;
pub mod model;
mod output;
pub mod render;
pub mod report;
pub mod rules;
pub mod store;
mod view;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Parser;
use unicode_normalization::UnicodeNormalization;

use crate::cli::{Cli, Command};
use crate::clock::Clock;
use crate::config::{Overrides, Settings};
use crate::environment::Environment;
use crate::error::{Context, Error, Result};
use crate::i18n::Lang;
pub(crate) use crate::output::write_file;
use crate::output::{OutputFile, Role};
use crate::render::{Format, Record, Style, Table};
use crate::store::{Access, Author, Store};

/// Parse `args` (the program name first), run the command and return the
/// process exit code: 0 success, 1 runtime error, 2 usage error, 3 `check` failed.
pub fn run_args<I, T>(args: I, env: &Environment, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    // Vietnamese keyboards send either precomposed or combining characters;
    // normalising every argument here means nothing downstream sees both.
    let args: Vec<OsString> = args
        .into_iter()
        .map(|arg| {
            let arg: OsString = arg.into();
            match arg.to_str() {
                Some(text) => OsString::from(text.nfc().collect::<String>()),
                None => arg,
            }
        })
        .collect();
    // `--help` is printed while parsing, before the config file is read, so
    // its language comes from the command line and the environment alone.
    let lang = help::lang_from_args(&args, env);
    i18n::set(lang);
    let mut parsed = Cli::try_parse_from(&args);
    if parsed.is_err() && lang != Lang::En {
        // Help and usage errors are shown in the run's language; translating
        // the whole command tree costs a little, so only when there is
        // something to show.
        let command = help::localized(<Cli as clap::CommandFactory>::command(), lang);
        parsed = command
            .try_get_matches_from(&args)
            .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    }
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let text = help::translated_error(&e, lang).unwrap_or_else(|| e.render().to_string());
            let text = render::terminal_text(&text);
            let written = if e.use_stderr() {
                err.write_all(text.as_bytes())
            } else {
                out.write_all(text.as_bytes()).and_then(|_| out.flush())
            };
            if written.is_err() && !e.use_stderr() {
                return 0;
            }
            return e.exit_code().clamp(0, 255) as u8;
        }
    };
    let result = run(cli, env, out, err);
    // Interrupted: the command stopped where it was told to; no message.
    if let Some(code) = output::interrupted_exit_code() {
        return code;
    }
    match result {
        Ok(()) => 0,
        Err(e) if e.is_silent() => 0,
        Err(e) => {
            // A message may quote what was typed or read: an escape sequence
            // in it must not get to drive the user's terminal.
            let message = e.to_string();
            let message = render::terminal_text(&message);
            let _ = writeln!(err, "{}", t!("error-line", message = message.as_ref()));
            e.exit_code()
        }
    }
}

/// Run one parsed command line.
pub fn run(cli: Cli, env: &Environment, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let command = cli.command.unwrap_or(Command::Status);
    output::watch_interrupts();
    output::protect(Role::Logbook, None);
    output::protect(Role::Config, None);
    // The language is known before anything can fail, so every message is in it;
    // the config file can still change it once it is read.
    i18n::set(Lang::default());
    i18n::set_team_word(config::TeamWord::To.selector());
    let early = config::lang_before_config(cli.global.lang, env)?;
    i18n::set(
        early
            .map(|l| l.value)
            .or_else(|| env.locale_lang())
            .unwrap_or_default(),
    );
    // Commands that need neither settings nor a logbook run first.
    if let Command::Completions { shell } = &command {
        // The script calls this very program back for candidates, so that
        // unit codes come from the logbook as it is when <Tab> is pressed.
        let program = std::env::current_exe()
            .ok()
            .and_then(|path| path.to_str().map(str::to_string))
            .unwrap_or_else(|| "spotcheck".to_string());
        let mut script = Vec::new();
        completion::registration(*shell, &program, &mut script).map_err(Error::Output)?;
        return match &cli.global.output {
            Some(path) => {
                protect_without_settings(&cli.global, env);
                write_file(path, &script)
            }
            None => out
                .write_all(&script)
                .and_then(|()| out.flush())
                .map_err(Error::Output),
        };
    }
    if let Command::Man { dir } = &command {
        protect_without_settings(&cli.global, env);
        return write_manual_pages(dir, out);
    }
    let overrides = Overrides {
        config: cli.global.config.clone(),
        db: cli.global.db.clone(),
        by: cli.global.by.clone(),
        lang: cli.global.lang,
    };
    let settings = Settings::load(&overrides, env)?;
    output::protect(Role::Logbook, Some(&settings.db.value));
    output::protect(Role::Config, settings_file(&settings));
    i18n::set(settings.lang.value);
    i18n::set_team_word(settings.team.word().selector());
    let mut outputs = commands::outputs(&command);
    if let Some(path) = &cli.global.output {
        outputs.push(("-o", path));
    }
    // Every output is checked before any work, the files that must not be
    // written over first: that refusal is the one that matters.
    for (_, path) in &outputs {
        output::refuse_protected(path)?;
    }
    output::refuse_shared(&outputs)?;
    let plaintext_note = refuse_plaintext(&outputs, &settings, cli.global.plaintext)?;
    let clock = Clock::from_setting(env.now.as_deref(), env.zone)?;
    render::set_zone(env.zone);
    let csv = render::CsvOptions {
        separator: cli.global.sep,
        byte_order_mark: cli.global.excel,
    };
    // They shape CSV only: said with a table, they would be silently lost.
    let writes_csv = cli.global.format == Format::Csv || matches!(command, Command::Export(_));
    if csv != render::CsvOptions::default() && !writes_csv {
        return Err(Error::usage(t!("main-csv-options-without-csv")));
    }
    let (mut file, mut style) = match &cli.global.output {
        Some(path) => (
            Some(OutputFile::create(path)?),
            Style {
                color: colour_wanted(cli.global.color, false, env),
                chart_width: chart_width(None, env),
                ..Style::default()
            },
        ),
        None => (
            None,
            Style {
                width: terminal_width(env),
                color: colour_wanted(cli.global.color, env.terminal.stdout, env),
                chart_width: chart_width(terminal_width(env), env),
                csv: render::CsvOptions::default(),
            },
        ),
    };
    style.csv = csv;
    {
        let out: &mut dyn Write = match &mut file {
            Some(file) => file,
            None => &mut *out,
        };
        let mut ctx = Ctx {
            settings,
            clock,
            format: cli.global.format,
            style,
            out,
            err,
            by_flag: cli.global.by.clone(),
            env,
            created: None,
            created_key_file: None,
        };
        ctx.run(command)?;
    }
    match file {
        Some(file) => file.persist()?,
        None => out.flush().map_err(Error::Output)?,
    }
    if let Some(note) = plaintext_note {
        writeln!(err, "{note}").map_err(Error::Output)?;
    }
    Ok(())
}

/// From an encrypted logbook, results go to files in plain text only on
/// purpose: with `--plaintext`, or `plaintext_outputs = true` in the config
/// file, and then it is said once, by the note returned for when they are
/// written. A backup is encrypted, and standard output, even redirected, is
/// the user's own to protect.
fn refuse_plaintext(
    outputs: &[(&str, &Path)],
    settings: &Settings,
    plaintext: bool,
) -> Result<Option<String>> {
    let files: Vec<&Path> = outputs
        .iter()
        .filter(|(flag, path)| *flag != "backup" && !output::is_standard_output(path))
        .map(|(_, path)| *path)
        .collect();
    let Some(first) = files.first() else {
        return Ok(None);
    };
    if !store::cipher::is_encrypted_file(&settings.db.value) {
        return Ok(None);
    }
    if !plaintext && settings.plaintext_outputs != Some(true) {
        return Err(Error::usage(t!(
            "main-plaintext-needed",
            file = first.display().to_string()
        )));
    }
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    Ok(Some(t!("main-plaintext-written", files = names.join(", "))))
}

/// The config file these settings were read from, if one was.
fn settings_file(settings: &Settings) -> Option<&Path> {
    settings
        .config_file
        .as_deref()
        .filter(|_| settings.config_found)
}

/// Protect what `completions -o` and `man` must not write over: the logbook
/// and the config file the settings name, or, when the config file cannot be
/// read, the logbook the flag, the environment or the platform names and the
/// config file that was tried, if it is there.
fn protect_without_settings(global: &cli::Global, env: &Environment) {
    let overrides = Overrides {
        config: global.config.clone(),
        db: global.db.clone(),
        by: global.by.clone(),
        lang: global.lang,
    };
    let (logbook, config) = match Settings::load(&overrides, env) {
        Ok(settings) => (
            Some(settings.db.value.clone()),
            settings_file(&settings).map(Path::to_path_buf),
        ),
        Err(e) => {
            let logbook = global
                .db
                .clone()
                .or_else(|| env.db.clone())
                .or_else(|| env.data_db.clone());
            let tried = match e {
                Error::Config { path, .. } => Some(path),
                _ => global.config.clone(),
            };
            (logbook, tried.filter(|path| path.exists()))
        }
    };
    output::protect(Role::Logbook, logbook.as_deref());
    output::protect(Role::Config, config.as_deref());
}

/// Colour on a terminal unless NO_COLOR says otherwise (no-color.org); an
/// explicit `--color` wins over both.
fn colour_wanted(choice: cli::ColorChoice, terminal: bool, env: &Environment) -> bool {
    match choice {
        cli::ColorChoice::Always => true,
        cli::ColorChoice::Never => false,
        cli::ColorChoice::Auto => terminal && !env.no_color,
    }
}

/// Charts always need a width: the terminal's, else `COLUMNS` (which shells
/// set and scripts may), else the 80 columns of a printed page.
fn chart_width(terminal: Option<u16>, env: &Environment) -> u16 {
    terminal
        .or_else(|| env.columns.as_deref()?.trim().parse().ok())
        .filter(|w| *w >= 20)
        .unwrap_or(80)
}

fn terminal_width(env: &Environment) -> Option<u16> {
    if !env.terminal.stdout {
        return None;
    }
    terminal_size::terminal_size().map(|(terminal_size::Width(w), _)| w)
}

/// One roff page per command, from the same definitions as `--help`, each
/// written as `-o FILE` is: never over the logbook, complete or not at all.
fn write_manual_pages(dir: &Path, out: &mut dyn Write) -> Result<()> {
    let cannot = |e: std::io::Error| Error::Io {
        context: t!("main-man-cannot-write", dir = dir.display().to_string()),
        source: e,
    };
    // Said plainly: the system's own word for a file in the way is "File exists".
    if std::fs::metadata(dir).is_ok_and(|meta| !meta.is_dir()) {
        return Err(Error::input(t!(
            "main-man-not-directory",
            dir = dir.display().to_string()
        )));
    }
    std::fs::create_dir_all(dir).map_err(cannot)?;
    let mut command = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    command.build();
    fn write_pages(command: &clap::Command, dir: &Path) -> Result<usize> {
        let mut count = 1;
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            count += write_pages(sub, dir)?;
        }
        let page = clap_mangen::Man::new(command.clone());
        let mut roff = Vec::new();
        page.render(&mut roff).map_err(Error::Output)?;
        write_file(&dir.join(page.get_filename()), &roff)?;
        Ok(count)
    }
    let count = write_pages(&command, dir)?;
    let written = t!(
        "main-man-written",
        count = count,
        dir = dir.display().to_string(),
        page = dir.join("spotcheck.1").display().to_string()
    );
    writeln!(out, "{written}").map_err(Error::Output)
}

/// A progress bar on standard error for work that takes a while, drawn only
/// when a person is watching (standard error is a terminal) and the work is
/// big enough to be worth it; otherwise nothing, and nothing on pipes.
pub(crate) struct Progress(Option<indicatif::ProgressBar>);

/// What a progress bar counts.
#[derive(Clone, Copy)]
pub(crate) enum Measure {
    Bytes,
    Records,
}

impl Progress {
    /// Below this much work a bar would only flicker.
    const WORTH_IT_BYTES: u64 = 1 << 20;
    const WORTH_IT_RECORDS: u64 = 5_000;

    pub(crate) fn hidden() -> Progress {
        Progress(None)
    }

    /// `watched`: standard error is a terminal (`Environment::terminal`).
    pub(crate) fn new(what: &str, total: Option<u64>, measure: Measure, watched: bool) -> Progress {
        let worth_it = match (total, measure) {
            (Some(total), Measure::Bytes) => total >= Self::WORTH_IT_BYTES,
            (Some(total), Measure::Records) => total >= Self::WORTH_IT_RECORDS,
            // Nothing to measure against: the caller starts it when it grows.
            (None, _) => true,
        };
        if !worth_it || !watched {
            return Progress(None);
        }
        // The catalogue places indicatif's own placeholders among its words.
        let template = match (total, measure) {
            (Some(_), Measure::Bytes) => t!(
                "main-progress-bytes",
                bar = "{bar:30}",
                done = "{bytes}",
                total = "{total_bytes}",
                eta = "{eta}"
            ),
            (Some(_), Measure::Records) => t!(
                "main-progress-records",
                bar = "{bar:30}",
                done = "{pos}",
                total = "{len}",
                eta = "{eta}"
            ),
            (None, _) => t!(
                "main-progress-rows",
                done = "{human_pos}",
                elapsed = "{elapsed}"
            ),
        };
        let bar = match total {
            Some(total) => indicatif::ProgressBar::new(total),
            None => indicatif::ProgressBar::no_length(),
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!("{{msg}} {template}")) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        Progress(Some(bar))
    }

    pub(crate) fn set(&self, position: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(position);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        // The result line follows; the bar must not stay above it.
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// What every command gets: the settings, the clock, the output format and
/// the writers.
pub(crate) struct Ctx<'a> {
    pub settings: Settings,
    pub clock: Clock,
    pub format: Format,
    pub style: Style,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// The raw global `--by`, which `report trend` reads as its row split.
    pub by_flag: Option<String>,
    /// What the process's environment says.
    pub env: &'a Environment,
    /// A logbook this command created, removed again if the command fails.
    created: Option<PathBuf>,
    /// The key file made with it, when it was made encrypted.
    created_key_file: Option<PathBuf>,
}

impl<'a> Ctx<'a> {
    fn run(&mut self, command: Command) -> Result<()> {
        let result = commands::dispatch(self, command);
        match (&result, self.created.take()) {
            (Ok(()), Some(path)) => {
                let created = t!("main-created-logbook", path = path.display().to_string());
                writeln!(self.err, "{created}")?;
            }
            (Err(_), Some(path)) => {
                remove_logbook(&path);
                if let Some(key_file) = self.created_key_file.take() {
                    let _ = std::fs::remove_file(key_file);
                }
            }
            _ => {}
        }
        result
    }

    /// Whether this command created the logbook; the generic "created" note
    /// is then left to the command.
    pub fn take_created(&mut self) -> bool {
        self.created.take().is_some()
    }

    /// Open the logbook, once per command.
    pub fn open(&mut self, access: Access) -> Result<Store> {
        let path = self.settings.db.value.clone();
        if access == Access::Write && self.settings.db.source == config::Source::PlatformDataDir {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).with_context(|| {
                    t!(
                        "main-creating-data-directory",
                        dir = dir.display().to_string()
                    )
                })?;
            }
        }
        let keys = crate::keys::Keychain::new(self.env);
        let made_encrypted = access == Access::Write
            && self.env.encrypt_new_logbooks
            && std::fs::symlink_metadata(&path).is_err();
        if made_encrypted {
            let (key_file, _) =
                crate::keys::create_encrypted(&path, &keys, crate::keys::Cost::LEAST)?;
            self.created = Some(path.clone());
            self.created_key_file = Some(key_file);
        }
        let (mut store, created) = Store::open(&path, access, &keys)?;
        // A killed `decrypt` or `key change` may have left its copy of an
        // encrypted logbook beside it, plain or under another key.
        // An upgrade's copy of it gets the key file that opens it.
        if let Some(key) = store.key() {
            let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            output::sweep(output::folder_of(&real));
            crate::keys::keep_key_files_of_upgrade_copies(&path, key.salt());
        }
        store.stop_on_interrupt();
        if created {
            self.created = Some(path);
        }
        Ok(store)
    }

    pub fn author(&self) -> Author {
        Author {
            by: self.settings.inspector.value.clone(),
            at: self.clock.stamp(),
        }
    }

    pub fn table(&mut self, table: &Table) -> Result<()> {
        render::write_table(table, self.format, &self.style, self.out).map_err(Error::Output)
    }

    pub fn record(&mut self, record: &Record) -> Result<()> {
        render::write_record(record, self.format, &self.style, self.out).map_err(Error::Output)
    }

    /// Whether the result is read by people (a table, Markdown, a page)
    /// rather than by scripts (CSV, JSON).
    pub fn for_people(&self) -> bool {
        !matches!(self.format, Format::Csv | Format::Json)
    }

    /// The one line a write prints; `--format json` prints the record instead.
    pub fn logged(&mut self, line: &str, record: &Record) -> Result<()> {
        if self.format == Format::Json {
            self.record(record)
        } else {
            writeln!(self.out, "{line}").map_err(Error::Output)
        }
    }

    /// A line of the result itself, such as a count under a table.
    pub fn line(&mut self, line: &str) -> Result<()> {
        writeln!(self.out, "{line}").map_err(Error::Output)
    }

    /// A line for the reader on the error stream, beside the result.
    pub fn note(&mut self, line: &str) -> Result<()> {
        writeln!(self.err, "{line}").map_err(Error::Output)
    }
}

/// Remove a logbook made by a command that then failed, with its WAL files.
fn remove_logbook(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
