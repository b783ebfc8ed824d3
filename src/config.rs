//! The settings: a TOML file in the platform config dir, environment variables
//! and global flags, each effective value remembering where it came from.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Deserialize;
use toml::Spanned;

use crate::calendar::{self, Days, Week};
use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::input;

pub const DB_ENV: &str = "SPOTCHECK_DB";
pub const BY_ENV: &str = "SPOTCHECK_BY";
/// The file holding the passphrase of encrypted logbooks.
pub const PASSPHRASE_FILE_ENV: &str = "SPOTCHECK_PASSPHRASE_FILE";
pub const LANG_ENV: &str = "SPOTCHECK_LANG";

/// Where an effective setting came from, as `spotcheck config` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    Env(&'static str),
    Flag(&'static str),
    PlatformDataDir,
    OsUser,
    /// The POSIX locale: `LC_ALL`, `LC_MESSAGES` or `LANG`.
    Locale,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Source::Default => t!("source-default"),
            Source::File => t!("source-file"),
            Source::Env(name) => t!("source-env", name = *name),
            Source::Flag(name) => t!("source-flag", name = *name),
            Source::PlatformDataDir => t!("source-data-dir"),
            Source::OsUser => t!("source-os-user"),
            Source::Locale => t!("source-locale"),
        };
        f.write_str(&text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }
}

/// The two sessions of the working day: when each starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub morning: NaiveTime,
    pub afternoon: NaiveTime,
    pub morning_end: NaiveTime,
    pub afternoon_end: NaiveTime,
}

impl Default for Hours {
    /// 07:30–11:30 and 13:30–17:30: the eight hours a day of the 40-hour
    /// week (Decision 188/1999/QĐ-TTg).
    fn default() -> Self {
        let at = |h| NaiveTime::from_hms_opt(h, 30, 0).unwrap_or(NaiveTime::MIN);
        Hours {
            morning: at(7),
            afternoon: at(13),
            morning_end: at(11),
            afternoon_end: at(17),
        }
    }
}

/// A timetable for the dates from `from` to `to`, both included, as a
/// province announces its summer or winter hours for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Season {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub hours: Hours,
}

impl Season {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// A yearly summer schedule: from (month, day) to (month, day), both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summer {
    pub from: (u32, u32),
    pub to: (u32, u32),
    pub hours: Hours,
}

impl Summer {
    pub fn covers(&self, date: NaiveDate) -> bool {
        let day = (date.month(), date.day());
        if self.from <= self.to {
            self.from <= day && day <= self.to
        } else {
            // A schedule that wraps the new year, such as 01/10 to 31/03.
            day >= self.from || day <= self.to
        }
    }
}

/// The effective settings of one run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The config file consulted, and whether it exists.
    pub config_file: Option<PathBuf>,
    pub config_found: bool,
    pub db: Sourced<PathBuf>,
    pub inspector: Sourced<String>,
    pub hours: Hours,
    /// Where each of the four times of `hours` came from: the morning
    /// start, the afternoon start, the morning end, the afternoon end.
    pub hours_source: [Source; 4],
    pub summer: Option<Summer>,
    /// Timetables of given dates; they win over `summer`.
    pub seasons: Vec<Season>,
    /// The days off and make-up working days counted: the announced ones
    /// of the built-in years not replaced, and the config file's.
    pub days: Days,
    /// The config file's own days off, extra working days, and the
    /// built-in years it replaces, as `spotcheck config` shows them.
    pub holidays: BTreeSet<NaiveDate>,
    pub extra_working_days: BTreeSet<NaiveDate>,
    pub replaced_years: BTreeSet<i32>,
    pub period_start_day: Sourced<u32>,
    pub repeat_months: Sourced<u32>,
    /// The days of unexcused absence in a month and in a year at which
    /// `report repeat` flags a person; none when the team sets none.
    pub unexcused_days: AbsenceThresholds,
    pub lang: Sourced<Lang>,
    /// Who issues and signs the printable monthly report.
    pub report: ReportSettings,
    /// Who the team is: `[team]`.
    pub team: TeamSettings,
    /// `[server] url`: the province's server, without a password.
    pub server_url: Option<String>,
    /// `plaintext_outputs = true`: results written to files from an
    /// encrypted logbook without `--plaintext`.
    /// `None` when the file does not say, which is `false`.
    pub plaintext_outputs: Option<bool>,
}

/// The tier of government a team works for. Since 1 July 2025 there are
/// two, the province and the commune; district teams are kept for the
/// logbooks and reports of before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamLevel {
    Province,
    Commune,
    District,
}

impl TeamLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            TeamLevel::Province => "province",
            TeamLevel::Commune => "commune",
            TeamLevel::District => "district",
        }
    }
}

/// What a team is called in Vietnamese: a *tổ* or a *đoàn kiểm tra*. The
/// word heads the team's column and names the team and its leader on paper,
/// so one logbook never says both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamWord {
    To,
    Doan,
}

impl TeamWord {
    /// The word as written: `tổ` or `đoàn`.
    pub fn as_str(self) -> &'static str {
        match self {
            TeamWord::To => "tổ",
            TeamWord::Doan => "đoàn",
        }
    }

    /// The variant of the catalogues' `$team_word` selector.
    pub fn selector(self) -> &'static str {
        match self {
            TeamWord::To => "to",
            TeamWord::Doan => "doan",
        }
    }
}

/// The `[team]` section: the team's level, name, word, the body it answers
/// to and who its reports go to. Empty where not set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamSettings {
    pub level: Option<TeamLevel>,
    pub name: Option<String>,
    /// The word the config sets; see [`TeamSettings::word`] for the one used.
    pub word_set: Option<TeamWord>,
    pub governing_body: Option<String>,
    pub recipients: Vec<String>,
}

impl TeamSettings {
    /// The team's word: the one set, else a province's team is a đoàn and
    /// any other (a commune's, a district's of before, one that does not
    /// say) a tổ.
    pub fn word(&self) -> TeamWord {
        self.word_set.unwrap_or(match self.level {
            Some(TeamLevel::Province) => TeamWord::Doan,
            _ => TeamWord::To,
        })
    }
}

/// The `[report]` section: the heading and signature of the printable
/// report (`report month --format html`). Empty where not set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportSettings {
    pub issuing_body: Option<String>,
    pub team: Option<String>,
    /// The report's number and the issuing body's symbol, for the line
    /// `Số: 12/BC-ĐKTCV`; the symbol without its leading `BC-`.
    pub number: Option<String>,
    pub symbol: Option<String>,
    pub place: Option<String>,
    pub signer: Option<String>,
    pub signer_title: Option<String>,
}

/// What the command line says about settings.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub db: Option<PathBuf>,
    pub by: Option<String>,
    pub lang: Option<Lang>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    db: Option<Spanned<String>>,
    inspector: Option<Spanned<String>>,
    period_start_day: Option<Spanned<i64>>,
    repeat_months: Option<Spanned<i64>>,
    unexcused_days_month: Option<Spanned<i64>>,
    unexcused_days_year: Option<Spanned<i64>>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    holidays: Vec<Spanned<String>>,
    #[serde(default)]
    extra_working_days: Vec<Spanned<String>>,
    #[serde(default)]
    replace_builtin_years: Vec<Spanned<i64>>,
    hours: Option<FileHours>,
    summer: Option<FileSummer>,
    #[serde(default)]
    season: Vec<FileSeason>,
    report: Option<FileReport>,
    team: Option<FileTeam>,
    server: Option<FileServer>,
    plaintext_outputs: Option<bool>,
}

/// `[server]`: the province's shared server this laptop syncs with.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileServer {
    url: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileTeam {
    level: Option<Spanned<String>>,
    name: Option<String>,
    word: Option<Spanned<String>>,
    governing_body: Option<String>,
    #[serde(default)]
    recipients: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileReport {
    issuing_body: Option<String>,
    team: Option<String>,
    number: Option<ReportNumber>,
    symbol: Option<String>,
    place: Option<String>,
    signer: Option<String>,
    signer_title: Option<String>,
}

/// A report's number as typed: `number = "12"`, or `12` without quotes.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ReportNumber {
    Figure(i64),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileHours {
    morning: Option<Spanned<String>>,
    afternoon: Option<Spanned<String>>,
    morning_end: Option<Spanned<String>>,
    afternoon_end: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSummer {
    from: Spanned<String>,
    to: Spanned<String>,
    morning: Spanned<String>,
    afternoon: Spanned<String>,
    morning_end: Option<Spanned<String>>,
    afternoon_end: Option<Spanned<String>>,
}

/// `[[season]]`: like `[summer]`, for full dates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSeason {
    from: Spanned<String>,
    to: Spanned<String>,
    morning: Spanned<String>,
    afternoon: Spanned<String>,
    morning_end: Option<Spanned<String>>,
    afternoon_end: Option<Spanned<String>>,
}

/// The platform's directories for spotcheck (`~/.config/spotcheck`, `~/.local/share/spotcheck`).
/// The language chosen before the config file is read, so that even an error
/// in the config file is told in it: `--lang`, else `SPOTCHECK_LANG`, else the
/// locale. None when none of them says.
pub fn lang_before_config(flag: Option<Lang>, env: &Environment) -> Result<Option<Sourced<Lang>>> {
    if let Some(lang) = flag {
        return Ok(Some(Sourced::new(lang, Source::Flag("--lang"))));
    }
    if let Some(code) = env.lang.clone() {
        return match Lang::from_code(&code) {
            Some(lang) => Ok(Some(Sourced::new(lang, Source::Env(LANG_ENV)))),
            None => Err(Error::usage(t!("config-lang-env-unknown", value = code))),
        };
    }
    Ok(None)
}

impl Settings {
    /// Settings from the flags, the environment and the config file.
    pub fn load(overrides: &Overrides, env: &Environment) -> Result<Settings> {
        let (config_file, text) = read_config(overrides, env)?;
        let file = match (&text, &config_file) {
            (Some(text), Some(path)) => parse_file(text, path)?,
            _ => FileConfig::default(),
        };
        let path = config_file.clone().unwrap_or_default();
        let place = Place {
            path: &path,
            text: text.as_deref().unwrap_or(""),
        };
        let db = db(overrides, env, &file, config_file.as_deref())?;
        let inspector = inspector(overrides, env, &file, &place)?;
        let Timetable {
            hours,
            hours_source,
            summer,
            seasons,
        } = hours(&file, &place)?;
        let CalendarDays {
            days,
            holidays,
            extra_working_days,
            replaced_years,
        } = days(&file, &place)?;
        let (period_start_day, repeat_months) = periods(&file, &place)?;
        let unexcused_days = AbsenceThresholds {
            month: threshold(
                &file.unexcused_days_month,
                31,
                "unexcused_days_month",
                &place,
            )?,
            year: threshold(
                &file.unexcused_days_year,
                366,
                "unexcused_days_year",
                &place,
            )?,
        };
        let lang = lang(overrides, env, &file, &place)?;
        Ok(Settings {
            server_url: server_url(file.server.as_ref(), &place)?,
            plaintext_outputs: file.plaintext_outputs,
            team: team(file.team.as_ref(), &place)?,
            report: report(file.report),
            lang,
            config_found: text.is_some(),
            config_file,
            db,
            inspector,
            hours,
            hours_source,
            summer,
            seasons,
            days,
            holidays,
            extra_working_days,
            replaced_years,
            period_start_day,
            repeat_months,
            unexcused_days,
        })
    }

    /// The office hours that apply on a date, with the summer schedule applied.
    pub fn hours_on(&self, date: NaiveDate) -> Hours {
        self.calendar().hours_on(date)
    }

    /// A working day of the usual week: Monday to Friday, not a day off,
    /// or a weekend day worked in exchange for one.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.calendar().is_working_day(date)
    }

    /// The calendar the rules of the domain count in, for a unit that
    /// works the usual week (see [`crate::rules::Calendar::for_week`]).
    pub fn calendar(&self) -> crate::rules::Calendar<'_> {
        crate::rules::Calendar {
            hours: self.hours,
            summer: self.summer,
            seasons: &self.seasons,
            days: &self.days,
            week: Week::default(),
        }
    }
}

/// The config file to consult and its text; `None` for a file that is not
/// there unless it was asked for by name.
fn read_config(
    overrides: &Overrides,
    env: &Environment,
) -> Result<(Option<PathBuf>, Option<String>)> {
    let (config_file, explicit) = match &overrides.config {
        Some(path) => (Some(path.clone()), true),
        None => (env.config_file.clone(), false),
    };
    let text = match &config_file {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => None,
            Err(e) => {
                return Err(Error::Config {
                    path: path.clone(),
                    problem: t!("config-cannot-read", problem = e.to_string()),
                });
            }
        },
        None => None,
    };
    Ok((config_file, text))
}

/// The config file as read, to name the place of a bad value in it.
struct Place<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Place<'_> {
    fn at(&self, span: std::ops::Range<usize>, problem: String) -> Error {
        Error::Config {
            path: self.path.to_path_buf(),
            problem: format!("{}: {problem}", position(self.text, span)),
        }
    }
}

/// The logbook: `--db`, else `SPOTCHECK_DB`, else the file, else the
/// platform's data directory.
fn db(
    overrides: &Overrides,
    env: &Environment,
    file: &FileConfig,
    config_file: Option<&Path>,
) -> Result<Sourced<PathBuf>> {
    Ok(if let Some(db) = &overrides.db {
        Sourced::new(db.clone(), Source::Flag("--db"))
    } else if let Some(db) = &env.db {
        Sourced::new(db.clone(), Source::Env(DB_ENV))
    } else if let Some(db) = &file.db {
        Sourced::new(
            config_relative(db.get_ref(), config_file, env.home.as_deref()),
            Source::File,
        )
    } else {
        let path = env
            .data_db
            .clone()
            .ok_or_else(|| Error::usage(t!("config-no-home")))?;
        Sourced::new(path, Source::PlatformDataDir)
    })
}

/// Who writes: `--by`, else `SPOTCHECK_BY`, else the file, else the OS user.
fn inspector(
    overrides: &Overrides,
    env: &Environment,
    file: &FileConfig,
    place: &Place<'_>,
) -> Result<Sourced<String>> {
    let inspector = if let Some(by) = &overrides.by {
        Sourced::new(by.clone(), Source::Flag("--by"))
    } else if let Some(by) = &env.by {
        Sourced::new(crate::fold::nfc(by), Source::Env(BY_ENV))
    } else if let Some(by) = &file.inspector {
        Sourced::new(crate::fold::nfc(by.get_ref()), Source::File)
    } else {
        let user = env.user.clone().unwrap_or_else(|| "unknown".to_string());
        Sourced::new(user, Source::OsUser)
    };
    // Stamped on every record and history entry as a name, so held to
    // the rule of names, as an imported `logged_by` is.
    if let Some(problem) = input::text_problem(&inspector.value, input::TextKind::Name) {
        return Err(match (&inspector.source, &file.inspector) {
            (Source::File, Some(by)) => place.at(by.span(), problem),
            (source, _) => {
                let flag = match source {
                    Source::Flag(name) | Source::Env(name) => *name,
                    _ => "USER",
                };
                Error::input(t!("input-typed-text", flag = flag, problem = problem))
            }
        });
    }
    Ok(inspector)
}

/// The office hours, where each start came from, the summer schedule and
/// the dated seasons.
fn hours(file: &FileConfig, place: &Place<'_>) -> Result<Timetable> {
    let time = |value: &Spanned<String>| {
        input::parse_time(value.get_ref()).map_err(|e| place.at(value.span(), e.to_string()))
    };
    let optional = |value: &Option<Spanned<String>>, default: NaiveTime| match value {
        Some(value) => time(value),
        None => Ok(default),
    };
    let mut hours = Hours::default();
    let mut hours_source = [const { Source::Default }; 4];
    if let Some(file_hours) = &file.hours {
        let given = [
            (&file_hours.morning, &mut hours.morning),
            (&file_hours.afternoon, &mut hours.afternoon),
            (&file_hours.morning_end, &mut hours.morning_end),
            (&file_hours.afternoon_end, &mut hours.afternoon_end),
        ];
        for ((value, slot), source) in given.into_iter().zip(hours_source.iter_mut()) {
            if let Some(value) = value {
                *slot = time(value)?;
                *source = Source::File;
            }
        }
        let first_given = [
            &file_hours.morning,
            &file_hours.morning_end,
            &file_hours.afternoon,
            &file_hours.afternoon_end,
        ]
        .into_iter()
        .flatten()
        .next();
        sessions_in_order(&hours, first_given, place)?;
    }
    // A season that names no ends keeps the usual ones.
    let season_hours = |morning: &Spanned<String>,
                        afternoon: &Spanned<String>,
                        morning_end: &Option<Spanned<String>>,
                        afternoon_end: &Option<Spanned<String>>| {
        let season = Hours {
            morning: time(morning)?,
            afternoon: time(afternoon)?,
            morning_end: optional(morning_end, hours.morning_end)?,
            afternoon_end: optional(afternoon_end, hours.afternoon_end)?,
        };
        sessions_in_order(&season, Some(morning), place)?;
        Ok::<_, Error>(season)
    };
    let summer = match &file.summer {
        Some(summer) => {
            let day = |value: &Spanned<String>| {
                input::parse_day_of_year(value.get_ref())
                    .map_err(|e| place.at(value.span(), e.to_string()))
            };
            Some(Summer {
                from: day(&summer.from)?,
                to: day(&summer.to)?,
                hours: season_hours(
                    &summer.morning,
                    &summer.afternoon,
                    &summer.morning_end,
                    &summer.afternoon_end,
                )?,
            })
        }
        None => None,
    };
    let mut seasons: Vec<Season> = Vec::new();
    for season in &file.season {
        let invalid = |value: &str| t!("config-date-invalid", value = value);
        let from = config_date(&season.from, place, invalid)?;
        let to = config_date(&season.to, place, invalid)?;
        if to < from {
            return Err(place.at(
                season.to.span(),
                t!(
                    "config-season-backwards",
                    from = from.format("%d/%m/%Y").to_string(),
                    to = to.format("%d/%m/%Y").to_string()
                ),
            ));
        }
        if let Some(other) = seasons.iter().find(|s| s.from <= to && from <= s.to) {
            return Err(place.at(
                season.from.span(),
                t!(
                    "config-season-overlap",
                    from = from.format("%d/%m/%Y").to_string(),
                    to = to.format("%d/%m/%Y").to_string(),
                    other_from = other.from.format("%d/%m/%Y").to_string(),
                    other_to = other.to.format("%d/%m/%Y").to_string()
                ),
            ));
        }
        seasons.push(Season {
            from,
            to,
            hours: season_hours(
                &season.morning,
                &season.afternoon,
                &season.morning_end,
                &season.afternoon_end,
            )?,
        });
    }
    seasons.sort_by_key(|s| s.from);
    Ok(Timetable {
        hours,
        hours_source,
        summer,
        seasons,
    })
}

/// The office hours as the config file sets them.
struct Timetable {
    hours: Hours,
    hours_source: [Source; 4],
    summer: Option<Summer>,
    seasons: Vec<Season>,
}

/// The days counted, and the config file's own lists of them.
struct CalendarDays {
    days: Days,
    holidays: BTreeSet<NaiveDate>,
    extra_working_days: BTreeSet<NaiveDate>,
    replaced_years: BTreeSet<i32>,
}

/// Each session ends after it starts, and the morning ends no later than
/// the afternoon starts; `at` is the value the error points to.
fn sessions_in_order(hours: &Hours, at: Option<&Spanned<String>>, place: &Place<'_>) -> Result<()> {
    let in_order = hours.morning < hours.morning_end
        && hours.morning_end <= hours.afternoon
        && hours.afternoon < hours.afternoon_end;
    if in_order {
        return Ok(());
    }
    let time = |t: NaiveTime| t.format("%H:%M").to_string();
    let problem = t!(
        "config-hours-out-of-order",
        morning = time(hours.morning),
        morning_end = time(hours.morning_end),
        afternoon = time(hours.afternoon),
        afternoon_end = time(hours.afternoon_end)
    );
    Err(match at {
        Some(value) => place.at(value.span(), problem),
        None => Error::Config {
            path: place.path.to_path_buf(),
            problem,
        },
    })
}

/// A date in the config file: `2026-01-10` or `10/01/2026`; `invalid`
/// words the refusal of anything else.
fn config_date(
    value: &Spanned<String>,
    place: &Place<'_>,
    invalid: impl Fn(&str) -> String,
) -> Result<NaiveDate> {
    // These are dates people type, but `today` means nothing in a list of them.
    input::parse_date(value.get_ref(), NaiveDate::MIN)
        .ok()
        .filter(|d| *d > NaiveDate::MIN + chrono::Days::new(1))
        .ok_or_else(|| place.at(value.span(), invalid(value.get_ref())))
}

/// The days counted, and the file's own lists: `holidays`,
/// `extra_working_days` and the built-in years it replaces.
fn days(file: &FileConfig, place: &Place<'_>) -> Result<CalendarDays> {
    let mut replaced = BTreeSet::new();
    for year in &file.replace_builtin_years {
        let value = *year.get_ref();
        let known = calendar::announced_years().find(|y| i64::from(*y) == value);
        let Some(known) = known else {
            let years: Vec<String> = calendar::announced_years().map(|y| y.to_string()).collect();
            return Err(place.at(
                year.span(),
                t!(
                    "config-replaced-year-unknown",
                    value = value,
                    years = years.join(", ")
                ),
            ));
        };
        replaced.insert(known);
    }
    let mut holidays = BTreeSet::new();
    for holiday in &file.holidays {
        holidays.insert(config_date(holiday, place, |value| {
            t!("config-holiday-invalid", value = value)
        })?);
    }
    let mut working = BTreeSet::new();
    for day in &file.extra_working_days {
        let date = config_date(day, place, |value| {
            t!("config-working-day-invalid", value = value)
        })?;
        if holidays.contains(&date) {
            return Err(place.at(
                day.span(),
                t!(
                    "config-day-both-ways",
                    date = date.format("%d/%m/%Y").to_string()
                ),
            ));
        }
        working.insert(date);
    }
    let mut days = Days::announced(&replaced);
    // The file's own days win over the announced ones of the same date.
    for date in &holidays {
        days.working.remove(date);
        days.off.insert(*date);
    }
    for date in &working {
        days.off.remove(date);
        days.working.insert(*date);
    }
    Ok(CalendarDays {
        days,
        holidays,
        extra_working_days: working,
        replaced_years: replaced,
    })
}

/// The days of unexcused absence at which a person is flagged, in a month
/// and in a year. Provinces and agencies set their own in their rules of
/// work, so none is assumed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AbsenceThresholds {
    pub month: Option<u32>,
    pub year: Option<u32>,
}

/// A threshold of days from the file, from 1 to `most`.
/// `[server] url`, refused when it holds a password: the config file is
/// no place for one, and a password file or PGPASSWORD is.
fn server_url(server: Option<&FileServer>, place: &Place<'_>) -> Result<Option<String>> {
    let Some(url) = server.and_then(|server| server.url.as_ref()) else {
        return Ok(None);
    };
    let text = url.get_ref().trim();
    let authority = text
        .split_once("://")
        .map_or("", |(_, rest)| rest.split(['/', '?']).next().unwrap_or(""));
    let with_password = authority
        .rsplit_once('@')
        .is_some_and(|(user, _)| user.contains(':'))
        || text.contains("password=");
    if with_password {
        return Err(place.at(url.span(), t!("config-server-password")));
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

fn threshold(
    value: &Option<Spanned<i64>>,
    most: i64,
    key: &str,
    place: &Place<'_>,
) -> Result<Option<u32>> {
    let Some(days) = value else {
        return Ok(None);
    };
    let n = *days.get_ref();
    u32::try_from(n)
        .ok()
        .filter(|n| (1..=most).contains(&i64::from(*n)))
        .map(Some)
        .ok_or_else(|| {
            place.at(
                days.span(),
                t!("config-threshold-range", key = key, value = n, most = most),
            )
        })
}

/// The day reporting months start on, and how many months back a repeat
/// is looked for.
fn periods(file: &FileConfig, place: &Place<'_>) -> Result<(Sourced<u32>, Sourced<u32>)> {
    let period_start_day = match &file.period_start_day {
        Some(day) => {
            let value = *day.get_ref();
            if !(1..=28).contains(&value) {
                return Err(place.at(
                    day.span(),
                    t!("config-period-start-day-range", value = value),
                ));
            }
            Sourced::new(value as u32, Source::File)
        }
        None => Sourced::new(1, Source::Default),
    };
    let repeat_months = match &file.repeat_months {
        Some(months) => {
            let value = *months.get_ref();
            if !(1..=120).contains(&value) {
                return Err(place.at(
                    months.span(),
                    t!("config-repeat-months-range", value = value),
                ));
            }
            Sourced::new(value as u32, Source::File)
        }
        None => Sourced::new(3, Source::Default),
    };
    Ok((period_start_day, repeat_months))
}

/// The language: as chosen before the file was read, else the file's, else
/// the locale's, else English.
fn lang(
    overrides: &Overrides,
    env: &Environment,
    file: &FileConfig,
    place: &Place<'_>,
) -> Result<Sourced<Lang>> {
    Ok(
        match (lang_before_config(overrides.lang, env)?, &file.lang) {
            (Some(chosen), _) => chosen,
            (None, Some(code)) => match Lang::from_code(code.get_ref()) {
                Some(lang) => Sourced::new(lang, Source::File),
                None => {
                    return Err(place.at(
                        code.span(),
                        t!("config-lang-unknown", value = code.get_ref().as_str()),
                    ));
                }
            },
            (None, None) => match env.locale_lang() {
                Some(lang) => Sourced::new(lang, Source::Locale),
                None => Sourced::new(Lang::En, Source::Default),
            },
        },
    )
}

/// The `[team]` section, trimmed, with empty values left unset.
fn team(team: Option<&FileTeam>, place: &Place<'_>) -> Result<TeamSettings> {
    let Some(team) = team else {
        return Ok(TeamSettings::default());
    };
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(|t| crate::fold::nfc(t.trim()))
            .filter(|t| !t.is_empty())
    };
    let level = match &team.level {
        Some(level) => Some(match level.get_ref().trim() {
            "province" => TeamLevel::Province,
            "commune" => TeamLevel::Commune,
            "district" => TeamLevel::District,
            other => {
                return Err(place.at(level.span(), t!("config-team-level-unknown", value = other)));
            }
        }),
        None => None,
    };
    let word_set = match &team.word {
        // The word with its marks, or without them for a keyboard that has
        // none; a wrong mark (`tở`) is a mistake to show, not to guess at.
        Some(word) => Some(
            match crate::fold::nfc(word.get_ref().trim())
                .to_lowercase()
                .as_str()
            {
                "tổ" | "to" => TeamWord::To,
                "đoàn" | "doan" => TeamWord::Doan,
                _ => {
                    return Err(place.at(
                        word.span(),
                        t!("config-team-word-unknown", value = word.get_ref().as_str()),
                    ));
                }
            },
        ),
        None => None,
    };
    Ok(TeamSettings {
        level,
        name: text(&team.name),
        word_set,
        governing_body: text(&team.governing_body),
        recipients: team
            .recipients
            .iter()
            .map(|r| crate::fold::nfc(r.trim()))
            .filter(|r| !r.is_empty())
            .collect(),
    })
}

/// The `[report]` section, trimmed, with empty values left unset.
fn report(report: Option<FileReport>) -> ReportSettings {
    report
        .map(|r| {
            let text = |v: Option<String>| {
                v.map(|t| crate::fold::nfc(t.trim()))
                    .filter(|t| !t.is_empty())
            };
            ReportSettings {
                issuing_body: text(r.issuing_body),
                team: text(r.team),
                number: text(r.number.map(|n| match n {
                    ReportNumber::Figure(n) => n.to_string(),
                    ReportNumber::Text(t) => t,
                })),
                // `BC-` says the paper is a report, which the line adds
                // itself; a symbol written with it is taken all the same.
                symbol: text(r.symbol)
                    .map(
                        |s| match s.get(..3).filter(|p| p.eq_ignore_ascii_case("BC-")) {
                            Some(_) => s.get(3..).unwrap_or_default().trim().to_string(),
                            None => s,
                        },
                    )
                    .filter(|s| !s.is_empty()),
                place: text(r.place),
                signer: text(r.signer),
                signer_title: text(r.signer_title),
            }
        })
        .unwrap_or_default()
}

/// A `db` path from the config file: `~/` is the home directory, and a
/// relative path is taken from the config file's own directory, not from
/// wherever the command happens to run.
fn config_relative(db: &str, config_file: Option<&Path>, home: Option<&Path>) -> PathBuf {
    if let Some(rest) = db.strip_prefix("~/")
        && let Some(home) = home
    {
        return home.join(rest);
    }
    let path = PathBuf::from(db);
    match config_file.and_then(Path::parent) {
        Some(dir) if path.is_relative() => dir.join(path),
        _ => path,
    }
}

fn parse_file(text: &str, path: &Path) -> Result<FileConfig> {
    toml::from_str(text).map_err(|e| {
        let place = e
            .span()
            .map(|span| format!("{}: ", position(text, span)))
            .unwrap_or_default();
        Error::Config {
            path: path.to_path_buf(),
            problem: format!("{place}{}", e.message().trim()),
        }
    })
}

/// "line L, column C" of a byte offset, both counted from 1.
pub(crate) fn position(text: &str, span: std::ops::Range<usize>) -> String {
    // The parser's spans fall on characters; should one not, the position
    // is that of the character it falls in, never a panic.
    let offset = (0..=span.start.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    t!("config-position", line = line, column = column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_characters_not_bytes() {
        let text = "inspector = \"Lê\"\nbad = x";
        let offset = text.find("x").unwrap();
        assert_eq!(position(text, offset..offset + 1), "line 2, column 7");
        // Inside the "ê" of the first line, and past the end.
        assert_eq!(position(text, 15..16), "line 1, column 15");
        assert_eq!(position(text, 999..1000), "line 2, column 8");
    }

    #[test]
    fn summer_may_wrap_the_new_year() {
        let hours = Hours::default();
        let winter = Summer {
            from: (10, 1),
            to: (3, 31),
            hours,
        };
        let date = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
        assert!(winter.covers(date(1, 15)));
        assert!(winter.covers(date(10, 1)));
        assert!(!winter.covers(date(6, 1)));
    }
}
