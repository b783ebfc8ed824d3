//! The command line: every command and flag. The doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;
use clap_complete::engine::ArgValueCompleter;

use crate::completion::{category_names, unit_codes};

use crate::model::{
    Action, Channel, DelayStage, DisciplineForm, Excuse, FindingKind, FindingOrder, Measure,
    PersonStatus, PlanPer, Records, UnitKind,
};
use crate::render::Format;

/// spotcheck — the logbook of a public-service inspection team.
///
/// Record spot checks at communes, offices and public service units: who came
/// late, who was absent, which citizens' files are overdue. Then list, correct
/// and report them.
#[derive(Debug, Parser)]
#[command(name = "spotcheck", version, max_term_width = 100)]
#[command(
    after_help = "A field day:\n  spotcheck unit add tam-dai \"UBND xã Tam Đại\" --kind commune\n  spotcheck visit start tam-dai --at \"10/05/2022 07:40\"\n  spotcheck late \"Nguyễn Văn An\" --arrived 8h05\n  spotcheck overdue HS-0012 --due 05/05/2022 --procedure \"Chứng thực\"\n  spotcheck visit end\n  spotcheck list --month 5/2022"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    /// Without a command, spotcheck shows `status`
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// The logbook file [env: SPOTCHECK_DB; else config `db`; else the platform data dir]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// How read commands print their result
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write the result to FILE instead of the terminal
    #[arg(short = 'o', long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Who is writing [env: SPOTCHECK_BY; else config `inspector`; else the OS user]
    #[arg(long, global = true, value_name = "NAME")]
    pub by: Option<String>,

    /// The config file [default: config.toml in the platform config dir]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// CSV output starts with a byte-order mark, so that Excel reads Vietnamese correctly (with `--format csv`, and `export`)
    #[arg(long, global = true)]
    pub excel: bool,

    /// The list separator of CSV output: `,` or, for spreadsheets set to a semicolon, `;`
    #[arg(long, global = true, value_name = "CHAR", default_value = ",", value_parser = parse_separator)]
    pub sep: u8,

    /// Colour in tables and reports: on a terminal unless NO_COLOR is set (auto), or always, or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// From an encrypted logbook, write results to files (`-o`, `--xlsx`, `--svg`) in plain
    /// text all the same [config: plaintext_outputs = true]
    #[arg(long, global = true)]
    pub plaintext: bool,

    /// The language of messages, tables and reports: `vi` (tiếng Việt) or `en`
    /// [env: SPOTCHECK_LANG; else config `lang`; else LC_ALL / LC_MESSAGES / LANG; else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Encrypt the logbook anew with a new random key, sealed by a passphrase you choose (the
    /// same one, or a new one)
    #[command(
        after_help = "Examples:\n  spotcheck key change\n  spotcheck key change --new-passphrase-file new-passphrase.txt"
    )]
    Change {
        /// Read the new passphrase from the first line of this file (else it is asked for at
        /// the terminal; with SPOTCHECK_PASSPHRASE_FILE set and no terminal, the passphrase
        /// stays the same)
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
}

/// What the rows of `report trend` are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TrendRows {
    /// One row per unit
    Unit,
    /// One row per kind of finding
    Kind,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Where the logbook is, the current visit, today's findings and what to type next
    /// (also what `spotcheck` alone shows)
    #[command(after_help = "Examples:\n  spotcheck\n  spotcheck status --format json")]
    Status,
    /// Create the logbook (safe to repeat)
    #[command(
        after_help = "Examples:\n  spotcheck --db inspections.db init\n  spotcheck --db inspections.db init --encrypt"
    )]
    Init {
        /// Make the new logbook encrypted: its key is kept in this computer's keyring and,
        /// locked by a passphrase you choose, in the file LOGBOOK.key beside it
        #[arg(long)]
        encrypt: bool,
    },
    /// Show the effective settings and where each came from
    #[command(after_help = "Example:\n  spotcheck config")]
    Config,
    /// Add, list, change, merge, retire or import the units that are checked
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  spotcheck unit add tam-dai \"UBND xã Tam Đại\" --kind commune\n  spotcheck unit list"
    )]
    Unit(UnitCommand),
    /// Add, list or correct the staff of a unit
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  spotcheck person add tam-dai \"Võ Thị Thu\" --position \"công chức văn phòng\"\n  spotcheck person list --unit tam-dai"
    )]
    Person(PersonCommand),
    /// Start, end, list, show, correct or void visits
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  spotcheck visit start tam-dai --at 7h40\n  spotcheck visit end"
    )]
    Visit(VisitCommand),
    /// Plan how often each unit is to be checked
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  spotcheck plan set all --visits 1 --per quarter --from 1/2022\n  spotcheck plan set tam-dai --visits 2 --per month --from 4/2022\n  spotcheck plan list"
    )]
    Plan(PlanCommand),
    /// Record, finish, correct or list the tasks assigned to units
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  spotcheck task add tam-dai \"Niêm yết công khai thủ tục hành chính\" --due 30/06/2022 --source \"Công văn 125/UBND\"\n  spotcheck task done 3 --on 28/06/2022\n  spotcheck task list --overdue"
    )]
    Task(TaskCommand),
    /// Log a finding by answering questions, one at a time (shows the one-line command at the end)
    #[command(after_help = "Example:\n  spotcheck add")]
    Add,
    /// Log a person arriving late
    #[command(
        after_help = "Examples:\n  spotcheck late \"Nguyễn Văn An\" --arrived 8h05\n  spotcheck late \"Trần Thị Bình\" --minutes 20 --action reminded"
    )]
    Late(LateArgs),
    /// Log a person leaving before the end of the session
    #[command(
        after_help = "Examples:\n  spotcheck early \"Nguyễn Văn An\" --left 16h20\n  spotcheck early \"Trần Thị Bình\" --minutes 30"
    )]
    Early(EarlyArgs),
    /// Log an absence from work or from a meeting: unexcused (the breach), or excused
    #[command(
        after_help = "Examples:\n  spotcheck absent \"Đặng Quốc Huy\"\n  spotcheck absent \"Hồ Thị Lan\" --meeting \"giao ban đầu tuần\"\n  spotcheck absent \"Võ Thị Thu\" --excused business-trip"
    )]
    Absent(AbsentArgs),
    /// Log a citizen's file returned after the promised date, or not yet returned
    #[command(
        after_help = "Examples:\n  spotcheck overdue HS-0012 --due 05/05/2022 --procedure \"Chứng thực\" --officer \"Võ Thị Thu\"\n  spotcheck overdue HS-0031 --due 02/05/2022 --returned 09/05/2022"
    )]
    Overdue(OverdueArgs),
    /// Log any other breach: conduct, dress, leaving the post, a directive not carried out
    #[command(
        after_help = "Example:\n  spotcheck other \"Không đeo thẻ công chức\" --person \"Nguyễn Văn An\" --category badge"
    )]
    Other(OtherArgs),
    /// Log an assigned task found unfinished after its deadline, at the visit to its unit
    #[command(after_help = "Example:\n  spotcheck unfinished 3 --action criticised")]
    Unfinished(UnfinishedArgs),
    /// List findings
    #[command(
        after_help = "Examples:\n  spotcheck list --month 5/2022\n  spotcheck list --unit tam-dai --kind late --person \"nguyen van an\""
    )]
    List(ListArgs),
    /// Show one finding in full
    #[command(after_help = "Example:\n  spotcheck show 12")]
    Show(ShowArgs),
    /// Correct a finding; the old version stays in the history
    #[command(
        after_help = "Examples:\n  spotcheck edit 12 --minutes 25 --reason \"đồng hồ phòng chạy chậm\"\n  spotcheck edit 12 --person \"Nguyễn Văn An\""
    )]
    Edit(Box<EditArgs>),
    /// Void a finding: it stays in the logbook but leaves lists and reports
    #[command(after_help = "Example:\n  spotcheck void 12 --reason \"ghi trùng\"")]
    Void(VoidArgs),
    /// Show the edit history, of one finding or of the whole logbook
    #[command(after_help = "Examples:\n  spotcheck history 12\n  spotcheck history")]
    History(HistoryArgs),
    /// List the conflicts merges found (a field changed in both logbooks), or settle one
    #[command(
        after_help = "Examples:\n  spotcheck conflicts\n  spotcheck conflicts resolve 1 --take mine"
    )]
    Conflicts(ConflictsArgs),
    /// Count again the working days stored in the overdue files and unfinished tasks of a period, after the calendar changed
    #[command(
        after_help = "Examples:\n  spotcheck recount --month 3/2026 --dry-run\n  spotcheck recount --from 01/01/2026 --to 31/03/2026"
    )]
    Recount(RecountArgs),
    /// Monthly summary, repeat offenders and trends
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  spotcheck report month 5/2022\n  spotcheck report repeat --months 3\n  spotcheck report trend --from 1/2022 --to 6/2022"
    )]
    Report(ReportCommand),
    /// Write findings, visits, units or people as CSV for a spreadsheet
    #[command(
        after_help = "Examples:\n  spotcheck export findings --month 5/2022 -o findings-2022-05.csv --excel\n  spotcheck export visits -o visits.csv\n  spotcheck export findings --month 5/2022 --xlsx phat-hien-5-2022.xlsx"
    )]
    Export(ExportArgs),
    /// Read records back from a CSV file that export wrote (all rows or none)
    #[command(
        after_help = "Examples:\n  spotcheck import units units.csv\n  spotcheck import findings findings-2022-05.csv"
    )]
    Import {
        /// What the file holds
        #[arg(value_enum)]
        records: Records,
        /// The CSV file (`-` for standard input)
        file: PathBuf,
    },
    /// Bring in another inspector's logbook: new records added, later edits win
    #[command(after_help = "Example:\n  spotcheck merge tuan.db")]
    Merge {
        /// The other logbook (opened read-only, never changed)
        other: PathBuf,
        /// Merge even when the other logbook fails the checks `spotcheck check` makes; the
        /// history then says so beside each record the merge changes
        #[arg(long)]
        accept_unverified: bool,
        /// When the other logbook is encrypted and this computer's keyring does not hold its
        /// key: read its passphrase from the first line of this file
        #[arg(long, value_name = "FILE")]
        other_passphrase_file: Option<PathBuf>,
    },
    /// Run one read-only SQL query on the logbook's views and tables
    #[command(
        after_help = "Examples:\n  spotcheck sql \"SELECT unit_code, count(*) FROM findings_v GROUP BY 1\"\n  spotcheck sql \"SELECT * FROM findings_v WHERE unit_code = :unit\" --param unit=tam-dai"
    )]
    Sql {
        /// The query, as "SELECT unit_code, count(*) FROM findings_v GROUP BY 1"
        query: String,
        /// Bind `:NAME` in the query to VALUE (whole numbers bind as numbers)
        #[arg(long = "param", value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// Stop the query if it runs longer than this many seconds
        #[arg(long, value_name = "SECONDS", default_value_t = 60,
              value_parser = clap::value_parser!(u64).range(1..=86_400))]
        time_limit: u64,
    },
    /// List the views to query, with their columns and an example each
    #[command(after_help = "Example:\n  spotcheck schema")]
    Schema,
    /// Encrypt the logbook in place, with a new key locked by a passphrase you choose
    #[command(after_help = "Example:\n  spotcheck encrypt")]
    Encrypt,
    /// Decrypt the logbook in place: it becomes a plain SQLite file again
    #[command(after_help = "Example:\n  spotcheck decrypt")]
    Decrypt,
    /// The key of an encrypted logbook
    #[command(subcommand, after_help = "Example:\n  spotcheck key change")]
    Key(KeyCommand),
    /// Copy the logbook to a new file, consistent even while others write
    #[command(after_help = "Example:\n  spotcheck backup hoa-2022-06-13.db")]
    Backup {
        /// The copy to make
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Check the file, the edit history and every record against it; print the seal
    #[command(
        after_help = "Examples:\n  spotcheck check\n  spotcheck check --seal 0422259b279fb30651d849e9808aaf8d9d6add920de05cb0ea1d856037e08290"
    )]
    Check {
        /// Confirm that the history still holds this seal (printed by an earlier `check`
        /// or a report) unaltered
        #[arg(long, value_name = "HASH")]
        seal: Option<String>,
    },
    /// Set up the province's shared PostgreSQL server
    #[command(subcommand)]
    #[command(
        after_help = "Example:\n  spotcheck server init postgresql://noivu@db.example.vn/spotcheck"
    )]
    Server(ServerCommand),
    /// Exchange records with the province's server: push this logbook's changes, then pull the others'
    #[command(
        after_help = "Examples:\n  spotcheck sync\n  spotcheck sync --status\n  spotcheck sync --push-only\n  spotcheck sync --server postgresql://sc_qnam_doan1@db.example.vn/spotcheck --pull-only"
    )]
    Sync {
        /// The server, as `postgresql://ROLE@HOST:PORT/DATABASE` [default: `[server] url` of the config file]
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        /// The password: the first line of this file [default: PGPASSWORD, then ~/.pgpass]
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
        /// Only say when the last sync was, what waits to be pushed and where the server is
        #[arg(long, conflicts_with_all = ["pull_only", "push_only"])]
        status: bool,
        /// Only pull: for a leader's laptop that reads the province and sends nothing
        #[arg(long, conflicts_with = "push_only")]
        pull_only: bool,
        /// Only push: send what waits here and pull nothing, on a slow or paid connection; the next sync pulls
        #[arg(long)]
        push_only: bool,
    },
    /// Print a shell completion script
    #[command(
        after_help = "Example:\n  spotcheck completions bash > ~/.local/share/bash-completion/completions/spotcheck"
    )]
    Completions {
        /// The shell to complete for
        shell: Shell,
    },
    /// Write a manual page for spotcheck and for each of its commands into DIR
    #[command(after_help = "Example:\n  spotcheck man ~/.local/share/man/man1")]
    Man {
        /// The directory for the pages (made if missing), as `~/.local/share/man/man1`
        dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// Create spotcheck's schema in a PostgreSQL database, or upgrade it (safe to repeat); run as the database's owner
    #[command(
        after_help = "Examples:\n  spotcheck server init postgresql://noivu@db.example.vn/spotcheck\n  PGPASSWORD=… spotcheck server init postgresql://noivu@127.0.0.1:5433/spotcheck"
    )]
    Init {
        /// The database, as `postgresql://ROLE@HOST:PORT/DATABASE` (no password in it)
        url: String,
        /// Read the password from the first line of this file (else PGPASSWORD, else ~/.pgpass)
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
    },
    /// Give a team of a province its own login on the server, and print what to hand to the team
    #[command(
        after_help = "Examples:\n  spotcheck server add-team postgresql://noivu@db.example.vn/spotcheck --province qnam --team doan1\n  spotcheck server add-team postgresql://noivu@db.example.vn/spotcheck --province qnam --team doan2 --password-file doan2.txt"
    )]
    AddTeam {
        /// The database, as `postgresql://ROLE@HOST:PORT/DATABASE`, connecting as a role that may create roles
        url: String,
        /// The province's code, as `qnam`: lowercase letters, digits and dashes
        #[arg(long, value_name = "CODE")]
        province: String,
        /// The team's code within the province, as `doan1`
        #[arg(long, value_name = "CODE")]
        team: String,
        /// The team's password: the first line of this file [default: a random one, printed once]
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
    },
    /// List the teams that have a login on the server
    #[command(
        after_help = "Example:\n  spotcheck server list-teams postgresql://noivu@db.example.vn/spotcheck"
    )]
    ListTeams {
        /// The database, as `postgresql://ROLE@HOST:PORT/DATABASE`
        url: String,
    },
    /// Stop a team from logging in to the server; what it sent stays
    #[command(
        after_help = "Example:\n  spotcheck server remove-team postgresql://noivu@db.example.vn/spotcheck --province qnam --team doan2"
    )]
    RemoveTeam {
        /// The database, as `postgresql://ROLE@HOST:PORT/DATABASE`, connecting as a role that may change roles
        url: String,
        /// The province's code
        #[arg(long, value_name = "CODE")]
        province: String,
        /// The team's code within the province
        #[arg(long, value_name = "CODE")]
        team: String,
    },
    /// Check the province's chain on the server: every version of its records linked to the one before, every record the version its link names; print the province's seal
    #[command(
        after_help = "Example:\n  spotcheck server check postgresql://noivu@db.example.vn/spotcheck --province qnam"
    )]
    Check {
        /// The database, as `postgresql://ROLE@HOST:PORT/DATABASE`: the owner's, a reader's or the province's team's
        url: String,
        /// The province's code
        #[arg(long, value_name = "CODE")]
        province: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UnitCommand {
    /// Add a unit
    #[command(
        after_help = "Example:\n  spotcheck unit add tam-dai \"UBND xã Tam Đại\" --kind commune --start 7h30"
    )]
    Add(UnitAddArgs),
    /// List the units
    #[command(after_help = "Example:\n  spotcheck unit list --format csv")]
    List,
    /// Change a unit's name, kind, office hours (and whether they follow the seasons), parent unit or working week
    #[command(
        after_help = "Examples:\n  spotcheck unit edit tam-dai --start 7h00 --afternoon 13h30\n  spotcheck unit edit tam-dai-hcc --parent tam-dai --week mon-fri,sat:am"
    )]
    Edit(UnitEditArgs),
    /// Join two units that are one: the second one's visits, people, plans and tasks move to the first, and the second is retired as merged into it
    #[command(after_help = "Example:\n  spotcheck unit merge tam-dai tamdai")]
    Merge {
        /// The unit that stays: its code or an unambiguous part of its name
        #[arg(add = ArgValueCompleter::new(unit_codes))]
        keep: String,
        /// The unit merged into it
        #[arg(add = ArgValueCompleter::new(unit_codes))]
        other: String,
    },
    /// Retire a unit (a commune merged away, an office closed): kept for history and old reports, no longer offered for new visits
    #[command(after_help = "Example:\n  spotcheck unit retire phu-thinh --on 01/07/2025")]
    Retire {
        /// The unit's code or an unambiguous part of its name
        #[arg(add = ArgValueCompleter::new(unit_codes))]
        unit: String,
        /// The day it was retired [default: today]
        #[arg(long, value_name = "DATE", conflicts_with = "undo")]
        on: Option<String>,
        /// Bring the unit back into use, and undo its merge into another
        #[arg(long)]
        undo: bool,
    },
    /// Add units from a CSV file with the columns code,name[,kind,morning_start,afternoon_start], or any of those `export units` writes (week, follows_seasons, parent_uid…)
    #[command(after_help = "Example:\n  spotcheck unit import units.csv")]
    Import {
        /// The CSV file (`-` for standard input)
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct UnitAddArgs {
    /// A short code to type, as `tam-dai`
    pub code: String,
    /// The full name, as "UBND xã Tam Đại"
    pub name: String,
    /// What sort of unit it is
    #[arg(long, value_enum, default_value_t = UnitKind::Other)]
    pub kind: UnitKind,
    /// Morning start, when it differs from the configured office hours (`7:30`, `7h30`)
    #[arg(long, value_name = "TIME")]
    pub start: Option<String>,
    /// Afternoon start, when it differs from the configured office hours
    #[arg(long, value_name = "TIME")]
    pub afternoon: Option<String>,
    /// The unit it belongs to (a commune's office or centre, a department's unit)
    #[arg(long, value_name = "UNIT", add = ArgValueCompleter::new(unit_codes))]
    pub parent: Option<String>,
    /// Its working week, when it is not Monday to Friday (`mon-fri,sat:am`)
    #[arg(long, value_name = "DAYS")]
    pub week: Option<String>,
    /// Its own start times move with the seasons: earlier or later by as much as the configured hours move in summer or in a dated season
    #[arg(long)]
    pub follow_seasons: bool,
    /// Add the unit even though another unit has the same name
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct UnitEditArgs {
    /// The unit's code or an unambiguous part of its name
    #[arg(add = ArgValueCompleter::new(unit_codes))]
    pub unit: String,
    /// New full name
    #[arg(long)]
    pub name: Option<String>,
    /// New kind
    #[arg(long, value_enum)]
    pub kind: Option<UnitKind>,
    /// New morning start (`default` to use the configured hours again)
    #[arg(long, value_name = "TIME")]
    pub start: Option<String>,
    /// New afternoon start (`default` to use the configured hours again)
    #[arg(long, value_name = "TIME")]
    pub afternoon: Option<String>,
    /// The unit it belongs to now
    #[arg(long, value_name = "UNIT", add = ArgValueCompleter::new(unit_codes), conflicts_with = "no_parent")]
    pub parent: Option<String>,
    /// It belongs to no other unit any more
    #[arg(long)]
    pub no_parent: bool,
    /// New working week (`mon-fri,sat:am`; `default` for Monday to Friday)
    #[arg(long, value_name = "DAYS")]
    pub week: Option<String>,
    /// Its own start times move with the seasons from now on, as the configured hours do
    #[arg(long, conflicts_with = "no_follow_seasons")]
    pub follow_seasons: bool,
    /// Its own start times stay the same all year
    #[arg(long)]
    pub no_follow_seasons: bool,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person to a unit's staff
    #[command(
        after_help = "Example:\n  spotcheck person add \"tam dai\" \"Võ Thị Thu\" --position \"công chức văn phòng\""
    )]
    Add {
        /// The unit's code or an unambiguous part of its name
        #[arg(add = ArgValueCompleter::new(unit_codes))]
        unit: String,
        /// Full name, as "Nguyễn Văn An"
        name: String,
        /// Position, as "công chức tư pháp"
        #[arg(long)]
        position: Option<String>,
        /// Employment status: civil servant (công chức), public employee
        /// (viên chức), labour contract, or part-time commune staff
        #[arg(long)]
        status: Option<PersonStatus>,
    },
    /// List people, of one unit or of all
    #[command(
        after_help = "Examples:\n  spotcheck person list --unit \"tam dai\"\n  spotcheck person list --similar"
    )]
    List {
        /// Only this unit
        #[arg(long, add = ArgValueCompleter::new(unit_codes))]
        unit: Option<String>,
        /// Only the people of a unit whose names differ in nothing but
        /// diacritics, each with their findings, for review
        #[arg(long)]
        similar: bool,
    },
    /// Correct a person's name, position or unit; the history keeps the old record
    #[command(
        after_help = "Examples:\n  spotcheck person edit '#9' --name \"Nguyễn Văn Anh\"\n  spotcheck person edit \"Võ Thị Thu\" --unit tam-dai --reason \"chuyển công tác\""
    )]
    Edit {
        /// The person: their number as `#9`, or their name
        person: String,
        /// The name, with its diacritics
        #[arg(long)]
        name: Option<String>,
        /// The position; an empty text clears it
        #[arg(long)]
        position: Option<String>,
        /// The unit they work at now (their findings stay where they were made)
        #[arg(long, add = ArgValueCompleter::new(unit_codes))]
        unit: Option<String>,
        /// Employment status: civil servant (công chức), public employee
        /// (viên chức), labour contract, or part-time commune staff
        #[arg(long, conflicts_with = "no_status")]
        status: Option<PersonStatus>,
        /// Their employment status is not known after all: clear it
        #[arg(long)]
        no_status: bool,
        /// Undo a `person merge`: the record is no longer an alias of another
        #[arg(long)]
        not_alias: bool,
        /// Why, kept in the history
        #[arg(long)]
        reason: Option<String>,
    },
    /// Join two records of one human: OTHER's findings move to KEEP, and OTHER stays as KEEP's alias
    #[command(
        after_help = "Example:\n  spotcheck person merge '#3' '#9' --reason \"một người, hai cách viết tên\""
    )]
    Merge {
        /// The record to keep: `#3`, or a name
        keep: String,
        /// The record joined to it
        other: String,
        /// Why, kept in the history
        #[arg(long)]
        reason: Option<String>,
    },
    /// Mark a person as having left their unit: kept for history and reports,
    /// no longer taken for a name typed at a visit
    #[command(
        after_help = "Examples:\n  spotcheck person retire '#7' --on 30/06/2022\n  spotcheck person retire '#7' --undo"
    )]
    Retire {
        /// The person: `#7`, or a name
        person: String,
        /// The day they left (default: today)
        #[arg(long, value_name = "DATE", conflicts_with = "undo")]
        on: Option<String>,
        /// They are back: offered again
        #[arg(long)]
        undo: bool,
        /// Why, kept in the history
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum VisitCommand {
    /// Start a visit; findings go to it until it ends
    #[command(
        after_help = "Examples:\n  spotcheck visit start tam-dai\n  spotcheck visit start \"phu thinh\" --at \"12/05/2022 14:00\" --announced --team \"Lê Thị Hoa, Phạm Minh Tuấn\""
    )]
    Start(VisitStartArgs),
    /// End the current visit (or the one named)
    #[command(
        after_help = "Examples:\n  spotcheck visit end\n  spotcheck visit end --at 10h15 --visit 3"
    )]
    End {
        /// When the visit ended (default: now); a time alone is on the day it started
        #[arg(long, value_name = "DATETIME")]
        at: Option<String>,
        /// The visit to end, when it is not the current one
        #[arg(long, value_name = "ID")]
        visit: Option<String>,
    },
    /// List visits
    #[command(after_help = "Example:\n  spotcheck visit list --month 5/2022 --unit tam-dai")]
    List(VisitListArgs),
    /// Show a visit and its findings (default: the current visit)
    #[command(after_help = "Examples:\n  spotcheck visit show\n  spotcheck visit show 3")]
    Show {
        /// Visit number or uid prefix
        id: Option<String>,
    },
    /// Correct a visit: its times, team, kind, staff figures or note
    #[command(
        after_help = "Examples:\n  spotcheck visit edit 3 --start 7h15 --reason \"started at 7:15\"\n  spotcheck visit edit 3 --end 9h30 --present 11 --on-roll 12"
    )]
    Edit(VisitEditArgs),
    /// Void a visit started by mistake, and its findings; it leaves lists and reports
    #[command(
        after_help = "Example:\n  spotcheck visit void 3 --reason \"started at the wrong unit\""
    )]
    Void {
        /// Visit number or uid prefix
        id: String,
        /// Why the visit is void, kept in the history of the visit and of each finding
        #[arg(long, allow_hyphen_values = true)]
        reason: String,
    },
}

#[derive(Debug, Args)]
pub struct VisitListArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Also list visits voided as started by mistake
    #[arg(long)]
    pub include_void: bool,
}

#[derive(Debug, Args)]
pub struct VisitEditArgs {
    /// Visit number or uid prefix
    pub id: String,
    /// When the visit started; a time alone keeps the day it started
    #[arg(long, value_name = "DATETIME")]
    pub start: Option<String>,
    /// When the visit ended; a time alone is on the day it started
    #[arg(long, value_name = "DATETIME")]
    pub end: Option<String>,
    /// Team members, as "Lê Thị Hoa, Phạm Minh Tuấn" (`""` clears it)
    #[arg(long, allow_hyphen_values = true)]
    pub team: Option<String>,
    /// The visit was announced beforehand
    #[arg(long, conflicts_with = "unannounced")]
    pub announced: bool,
    /// The visit was not announced (đột xuất)
    #[arg(long)]
    pub unannounced: bool,
    /// Staff on the unit's roll
    #[arg(long, value_name = "N")]
    pub on_roll: Option<u32>,
    /// Staff present when the team arrived
    #[arg(long, value_name = "N")]
    pub present: Option<u32>,
    /// Citizens' files the team checked at the one-stop desk, for the rate of overdue files
    #[arg(long, value_name = "N")]
    pub files_checked: Option<u32>,
    /// A note about the visit (`""` clears it)
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Why the visit is corrected, kept in the history
    #[arg(long, allow_hyphen_values = true)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct VisitStartArgs {
    /// The unit's code or an unambiguous part of its name
    #[arg(add = ArgValueCompleter::new(unit_codes))]
    pub unit: String,
    /// When the visit started, as `10/05/2022 07:40` or `7h40` (default: now)
    #[arg(long, value_name = "DATETIME")]
    pub at: Option<String>,
    /// The visit was announced beforehand (default: unannounced, đột xuất)
    #[arg(long)]
    pub announced: bool,
    /// Team members, as "Lê Thị Hoa, Phạm Minh Tuấn"
    #[arg(long, allow_hyphen_values = true)]
    pub team: Option<String>,
    /// Staff on the unit's roll
    #[arg(long, value_name = "N")]
    pub on_roll: Option<u32>,
    /// Staff present when the team arrived
    #[arg(long, value_name = "N")]
    pub present: Option<u32>,
    /// Citizens' files the team checked at the one-stop desk, for the rate of overdue files
    #[arg(long, value_name = "N")]
    pub files_checked: Option<u32>,
    /// A note about the visit
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Set how many visits a unit (or every unit) is to have each month, quarter or year
    #[command(
        after_help = "Examples:\n  spotcheck plan set all --visits 1 --per quarter\n  spotcheck plan set tam-dai --visits 2 --per month --from 4/2022 --to 12/2022"
    )]
    Set(PlanSetArgs),
    /// List the plans
    #[command(after_help = "Example:\n  spotcheck plan list")]
    List {
        /// Also list plans cleared before they began
        #[arg(long)]
        include_void: bool,
    },
    /// End the plan of a unit (or of every unit) from a month on; earlier months keep it
    #[command(after_help = "Example:\n  spotcheck plan clear tam-dai --from 7/2022")]
    Clear(PlanClearArgs),
}

#[derive(Debug, Args)]
pub struct PlanSetArgs {
    /// The unit's code or an unambiguous part of its name, or `all` for every unit without a plan of its own
    #[arg(add = ArgValueCompleter::new(unit_codes))]
    pub unit: String,
    /// Visits to make in each period
    #[arg(long, value_name = "N")]
    pub visits: u32,
    /// How long each period is
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub per: PlanPer,
    /// The first month the plan covers, as `1/2022` [default: from the start]
    #[arg(long, value_name = "M")]
    pub from: Option<String>,
    /// The last month the plan covers [default: until further notice]
    #[arg(long, value_name = "M")]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct PlanClearArgs {
    /// The unit's code or an unambiguous part of its name, or `all` for the plan of every unit
    #[arg(add = ArgValueCompleter::new(unit_codes))]
    pub unit: String,
    /// The first month without the plan [default: the current one]
    #[arg(long, value_name = "M")]
    pub from: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// Record a task assigned to a unit, with its deadline
    #[command(
        after_help = "Example:\n  spotcheck task add tam-dai \"Niêm yết công khai thủ tục hành chính\" --due 30/06/2022 --assigned 01/06/2022 --source \"Công văn 125/UBND\""
    )]
    Add(TaskAddArgs),
    /// Record that a unit finished a task
    #[command(after_help = "Example:\n  spotcheck task done 3 --on 28/06/2022")]
    Done {
        /// The task: its number or the start of its uid
        id: String,
        /// The day it was done [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// List tasks with where each stands today
    #[command(
        after_help = "Examples:\n  spotcheck task list --overdue\n  spotcheck task list --unit tam-dai --open"
    )]
    List(TaskListArgs),
    /// Show one task in full, with its history
    #[command(after_help = "Example:\n  spotcheck task show 3")]
    Show {
        /// The task: its number or the start of its uid
        id: String,
    },
    /// Correct a task; the old version stays in the history
    #[command(
        after_help = "Examples:\n  spotcheck task edit 3 --due 15/07/2022 --reason \"gia hạn theo Công văn 140/UBND\"\n  spotcheck task edit 3 --not-done"
    )]
    Edit(TaskEditArgs),
    /// Void a task: it stays in the logbook but leaves lists and reports
    #[command(after_help = "Example:\n  spotcheck task void 3 --reason \"giao nhầm đơn vị\"")]
    Void {
        /// The task: its number or the start of its uid
        id: String,
        /// Why it is void
        #[arg(long, allow_hyphen_values = true)]
        reason: String,
    },
}

#[derive(Debug, Args)]
pub struct TaskAddArgs {
    /// The unit's code or an unambiguous part of its name
    #[arg(add = ArgValueCompleter::new(unit_codes))]
    pub unit: String,
    /// What the unit is to do
    pub text: String,
    /// The deadline
    #[arg(long, value_name = "DATE")]
    pub due: String,
    /// The day it was assigned
    #[arg(long, value_name = "DATE")]
    pub assigned: Option<String>,
    /// The directive or instruction it comes from, as `Công văn 125/UBND`
    #[arg(long, allow_hyphen_values = true)]
    pub source: Option<String>,
    /// A note
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct TaskListArgs {
    /// Only the tasks of this unit
    #[arg(long, add = ArgValueCompleter::new(unit_codes))]
    pub unit: Option<String>,
    /// Only the tasks not done yet
    #[arg(long, conflicts_with = "overdue")]
    pub open: bool,
    /// Only the tasks not done by their deadline, which has passed
    #[arg(long)]
    pub overdue: bool,
    /// Also list void tasks
    #[arg(long)]
    pub include_void: bool,
}

#[derive(Debug, Args)]
pub struct TaskEditArgs {
    /// The task: its number or the start of its uid
    pub id: String,
    /// What the unit is to do
    #[arg(long, allow_hyphen_values = true)]
    pub text: Option<String>,
    /// The deadline
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// The day it was assigned (`""` for none)
    #[arg(long, value_name = "DATE")]
    pub assigned: Option<String>,
    /// The directive or instruction it comes from (`""` for none)
    #[arg(long, allow_hyphen_values = true)]
    pub source: Option<String>,
    /// The day it was done
    #[arg(long, value_name = "DATE", conflicts_with = "not_done")]
    pub done: Option<String>,
    /// It is not done after all
    #[arg(long)]
    pub not_done: bool,
    /// A note (`""` for none)
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Why it is corrected, kept in the history
    #[arg(long, allow_hyphen_values = true)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct UnfinishedArgs {
    /// The task: its number or the start of its uid
    pub task: String,
    #[command(flatten)]
    pub common: FindingCommon,
}

/// The flags every finding command takes.
#[derive(Debug, Args)]
pub struct FindingCommon {
    /// The visit to log to, when it is not the current one
    #[arg(long, value_name = "ID")]
    pub visit: Option<String>,
    /// What was done about it
    #[arg(long, value_enum)]
    pub action: Option<Action>,
    /// A note
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct LateArgs {
    /// Who arrived late (created on the unit's staff if new)
    pub person: String,
    /// Arrival time, as `8:05` or `8h05`
    #[arg(
        long,
        value_name = "TIME",
        conflicts_with = "minutes",
        required_unless_present = "minutes"
    )]
    pub arrived: Option<String>,
    /// Minutes late, when the arrival time is not known
    #[arg(long, value_name = "N")]
    pub minutes: Option<u32>,
    /// The start the person was due at (default: the unit's morning or afternoon start)
    #[arg(long, value_name = "TIME")]
    pub expected: Option<String>,
    #[command(flatten)]
    pub common: FindingCommon,
}

#[derive(Debug, Args)]
pub struct EarlyArgs {
    /// Who left early (created on the unit's staff if new)
    pub person: String,
    /// The time the person left, as `16:20` or `16h20`
    #[arg(
        long,
        value_name = "TIME",
        conflicts_with = "minutes",
        required_unless_present = "minutes"
    )]
    pub left: Option<String>,
    /// Minutes before the end of the session, when the time is not known
    #[arg(long, value_name = "N")]
    pub minutes: Option<u32>,
    /// The end of the session (default: the configured end of the morning or afternoon)
    #[arg(long, value_name = "TIME")]
    pub end: Option<String>,
    #[command(flatten)]
    pub common: FindingCommon,
}

#[derive(Debug, Args)]
pub struct AbsentArgs {
    /// Who was absent
    pub person: String,
    /// The meeting missed, when it was a meeting rather than the work day
    #[arg(long, allow_hyphen_values = true)]
    pub meeting: Option<String>,
    #[command(flatten)]
    pub excuse: ExcuseArgs,
    #[command(flatten)]
    pub common: FindingCommon,
}

/// Why an absence is excused: not a breach, only an attendance figure.
#[derive(Debug, Args)]
pub struct ExcuseArgs {
    /// The absence is excused: on leave, on a business trip, sick, or another reason given with --reason-given
    #[arg(long, value_enum, value_name = "WHY")]
    pub excused: Option<Excuse>,
    /// The reason the person gave (needed with `--excused other`)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub reason_given: Option<String>,
}

/// What an overdue file's record says besides its dates (Decree 118/2025/NĐ-CP).
#[derive(Debug, Args)]
pub struct OverdueDetails {
    /// The day the letter of apology was sent to the citizen
    #[arg(long, value_name = "DATE")]
    pub apology_on: Option<String>,
    /// The new appointment date given in the apology
    #[arg(long, value_name = "DATE")]
    pub new_due: Option<String>,
    /// Why the file was late
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub delay_cause: Option<String>,
    /// The stage at which it was held up
    #[arg(long, value_enum, value_name = "STAGE")]
    pub delay_stage: Option<DelayStage>,
    /// The officer or agency responsible for the delay
    #[arg(long, value_name = "WHO", allow_hyphen_values = true)]
    pub responsible: Option<String>,
    /// How the file was lodged
    #[arg(long, value_enum)]
    pub channel: Option<Channel>,
}

#[derive(Debug, Args)]
pub struct OverdueArgs {
    /// The file's reference, as `HS-2022-0012`
    pub file_ref: String,
    /// The date promised to the citizen (ngày hẹn trả)
    #[arg(long, value_name = "DATE")]
    pub due: String,
    /// The date the file was received
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,
    /// The date the file was returned, if it was
    #[arg(long, value_name = "DATE")]
    pub returned: Option<String>,
    /// The administrative procedure, as "Chứng thực bản sao"
    #[arg(long, allow_hyphen_values = true)]
    pub procedure: Option<String>,
    /// The officer responsible for the file
    #[arg(long, value_name = "PERSON")]
    pub officer: Option<String>,
    #[command(flatten)]
    pub details: OverdueDetails,
    #[command(flatten)]
    pub common: FindingCommon,
}

#[derive(Debug, Args)]
pub struct OtherArgs {
    /// What happened
    #[arg(allow_hyphen_values = true)]
    pub description: String,
    /// Who it concerns, if one person
    #[arg(long)]
    pub person: Option<String>,
    /// What sort of breach: a named category (`badge`, `uniform`, `alcohol`, `left-post`, `private-business`, `attitude`, `hygiene`, `procedures-not-posted`, `roster-not-kept`; its name in Vietnamese or English works too) or a word of your own
    #[arg(long, value_name = "CATEGORY", add = ArgValueCompleter::new(category_names))]
    pub category: Option<String>,
    #[command(flatten)]
    pub common: FindingCommon,
}

/// A reporting period: a month, or a range of dates.
#[derive(Debug, Args, Clone, Default)]
pub struct PeriodArgs {
    /// A reporting month: `5/2022`, `2022-05`, `this`, `last`
    #[arg(long, value_name = "M", conflicts_with_all = ["from", "to"])]
    pub month: Option<String>,
    /// First day
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day (included)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this unit
    #[arg(long, value_name = "UNIT", add = ArgValueCompleter::new(unit_codes))]
    pub unit: Option<String>,
}

/// Which findings `list` and `export` take besides the period.
#[derive(Debug, Args, Clone, Default)]
pub struct FindingSelect {
    /// Only this kind of finding
    #[arg(long, value_enum)]
    pub kind: Option<FindingKind>,
    /// Only findings about people whose name contains TEXT (accents ignored)
    #[arg(long, value_name = "TEXT")]
    pub person: Option<String>,
    /// Only findings whose text contains TEXT (accents ignored)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub select: FindingSelect,
    /// Include voided findings
    #[arg(long)]
    pub include_void: bool,
    /// The order of the list
    #[arg(long, value_enum, default_value_t = FindingOrder::Date)]
    pub sort: FindingOrder,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export
    #[arg(value_enum)]
    pub records: Records,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub select: FindingSelect,
    /// Write an Excel workbook of one sheet to FILE instead of CSV: numbers as numbers, days as dates
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<std::path::PathBuf>,
}

fn parse_separator(text: &str) -> Result<u8, String> {
    match text {
        "," => Ok(b','),
        ";" => Ok(b';'),
        _ => Err(t!("cli-error-separator", text = text)),
    }
}

/// What a quarter, half-year, year or period report writes besides itself.
#[derive(Debug, Args)]
pub struct SpanOutputs {
    /// With `--format csv`, the months instead of the units; with `--svg`, the months drawn
    #[arg(long)]
    pub by_month: bool,
    /// Also write the report as an Excel workbook: the summary with the period before beside it and a chart, the months, every finding, the repeat offenders
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Also draw the findings per unit (with `--by-month`, per month), stacked by kind, as an SVG picture
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Also show each unit's most frequent categories of breach
    #[arg(long)]
    pub categories: bool,
    /// Group the units under the unit they belong to, each group with its subtotal
    #[arg(long)]
    pub by_parent: bool,
    /// Add the breaches found about people by their employment status, one row a status and one for those not recorded (with `--format csv`, this table instead of the summary)
    #[arg(long, conflicts_with = "by_month")]
    pub by_status: bool,
    #[command(flatten)]
    pub sections: ReportSections,
    #[command(flatten)]
    pub paper: PaperArgs,
}

/// How the printed report is dated.
#[derive(Debug, Clone, Default, Args)]
pub struct PaperArgs {
    /// With `--format html`, the date written on the report instead of today's: `05/01/2026`, `2026-01-05`, `yesterday`
    #[arg(long, value_name = "DATE")]
    pub dated: Option<String>,
}

/// The sections a month or longer report adds when asked for.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ReportSections {
    /// Also show each unit's overdue files by the apology sent, the channel they came in by and the stage at which they were held up
    #[arg(long)]
    pub overdue_details: bool,
    /// Also list the disciplines decided in the period: the form, the decision's number and day, and who decided
    #[arg(long)]
    pub decisions: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Per-unit summary of one reporting period (default: the current one)
    #[command(
        after_help = "Examples:\n  spotcheck report month 5/2022\n  spotcheck report month last --format md -o bao-cao-thang.md\n  spotcheck report month 5/2022 --xlsx bao-cao-5-2022.xlsx --svg bieu-do-5-2022.svg"
    )]
    Month {
        /// The period: `5/2022`, `2022-05`, `this`, `last`
        month: Option<String>,
        /// Also write the report as an Excel workbook: the summary with the period before beside it and a chart, every finding, the repeat offenders
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
        /// Also draw the findings per unit, stacked by kind, as an SVG picture
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        /// Group the units under the unit they belong to, each group with its subtotal
        #[arg(long)]
        by_parent: bool,
        /// Also show each unit's most frequent categories of breach
        #[arg(long)]
        categories: bool,
        /// Add the breaches found about people by their employment status, one row a status and one for those not recorded (with `--format csv`, this table instead of the summary)
        #[arg(long)]
        by_status: bool,
        #[command(flatten)]
        sections: ReportSections,
        #[command(flatten)]
        paper: PaperArgs,
    },
    /// The month report's sections over a quarter, and the totals of each of its months
    #[command(
        after_help = "Examples:\n  spotcheck report quarter 2026-Q3\n  spotcheck report quarter last --by-month --format csv\n  spotcheck report quarter Q3/2026 --format html -o bao-cao-quy-3-2026.html"
    )]
    Quarter {
        /// The quarter: `2026-Q3`, `Q3/2026`, `this`, `last` [default: the current one]
        quarter: Option<String>,
        #[command(flatten)]
        outputs: SpanOutputs,
    },
    /// The month report's sections over a half year, and the totals of each of its months
    #[command(
        after_help = "Examples:\n  spotcheck report half 2026-H2\n  spotcheck report half last --xlsx bao-cao-6-thang.xlsx"
    )]
    Half {
        /// The half year: `2026-H1` (January–June), `2026-H2`, `H2/2026`, `this`, `last` [default: the current one]
        half: Option<String>,
        #[command(flatten)]
        outputs: SpanOutputs,
    },
    /// The month report's sections over a year, and the totals of each of its months
    #[command(
        after_help = "Examples:\n  spotcheck report year 2026\n  spotcheck report year last --by-month --svg thang-2026.svg"
    )]
    Year {
        /// The year: `2026`, `this`, `last` [default: the current one]
        year: Option<String>,
        #[command(flatten)]
        outputs: SpanOutputs,
    },
    /// The month report's sections over the months from one to another, and the totals of each
    #[command(after_help = "Example:\n  spotcheck report period --from 2/2026 --to 5/2026")]
    Period {
        /// The first month: `2/2026`, `2026-02`, `this`, `last`
        #[arg(long, value_name = "M")]
        from: String,
        /// The last month: `5/2026`, `2026-05`, `this`, `last`
        #[arg(long, value_name = "M")]
        to: String,
        #[command(flatten)]
        outputs: SpanOutputs,
    },
    /// Visits planned and made per unit in the plan's period that holds a month, and the units not checked that quarter
    #[command(
        after_help = "Examples:\n  spotcheck report plan\n  spotcheck report plan 5/2022 --format csv"
    )]
    Plan {
        /// The month: `5/2022`, `2022-05`, `this`, `last` [default: the current one]
        month: Option<String>,
    },
    /// Open and overdue assigned tasks per unit at the end of a period
    #[command(
        after_help = "Examples:\n  spotcheck report tasks\n  spotcheck report tasks 6/2022 --format md"
    )]
    Tasks {
        /// The period: `5/2022`, `2022-05`, `this`, `last` [default: the current one]
        month: Option<String>,
    },
    /// People found at fault on several visits in the last months, and the next action for each
    #[command(after_help = "Example:\n  spotcheck report repeat --months 6 --min 3")]
    Repeat {
        /// How many months to look back [default: config `repeat_months`]
        #[arg(long, value_name = "N")]
        months: Option<u32>,
        /// The fewest visits with a finding about a person that make a repeat offender
        #[arg(long, value_name = "K", default_value_t = 2)]
        min: u32,
        /// The last day of the window [default: today]
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// With `--format csv` or `json`, each person's days of unexcused absence in the month and the year instead of the repeat offenders
        #[arg(long)]
        absences: bool,
    },
    /// A measure over several periods, months as columns.
    ///
    /// Rows are units; give `--rows kind` for one row per kind of finding
    /// instead.
    #[command(
        after_help = "Example:\n  spotcheck report trend --from 1/2022 --to 6/2022 --measure late"
    )]
    Trend {
        /// First period [default: five periods before `--to`]
        #[arg(long, value_name = "M")]
        from: Option<String>,
        /// Last period [default: the current one]
        #[arg(long, value_name = "M")]
        to: Option<String>,
        /// What to count
        #[arg(long, value_enum, default_value_t = Measure::Findings)]
        measure: Measure,
        /// What each row is [default: unit]
        // No clap default: without `--rows`, the command still reads the
        // global `--by`, the flag's old spelling (see `commands::report`).
        #[arg(long, value_enum, value_name = "ROWS")]
        rows: Option<TrendRows>,
        /// Draw bars instead of the table: each row's total, then each period's
        #[arg(long)]
        chart: bool,
        /// Also draw the trend as lines, one per row, in an SVG picture
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Finding number (`12`, `#12`) or uid prefix
    pub id: String,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Finding number (`12`, `#12`) or uid prefix
    pub id: String,
    /// Who the finding is about (late, absent, other)
    #[arg(long)]
    pub person: Option<String>,
    /// Arrival time (late)
    #[arg(long, value_name = "TIME")]
    pub arrived: Option<String>,
    /// Minutes late, replacing the arrival time (late)
    #[arg(long, value_name = "N", conflicts_with = "arrived")]
    pub minutes: Option<u32>,
    /// Expected start (late)
    #[arg(long, value_name = "TIME")]
    pub expected: Option<String>,
    /// The meeting missed (absent)
    #[arg(long, allow_hyphen_values = true)]
    pub meeting: Option<String>,
    /// File reference (overdue)
    #[arg(long, value_name = "REF")]
    pub file_ref: Option<String>,
    /// Promised date (overdue)
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Received date (overdue)
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,
    /// Returned date (overdue)
    #[arg(long, value_name = "DATE")]
    pub returned: Option<String>,
    /// Procedure (overdue)
    #[arg(long, allow_hyphen_values = true)]
    pub procedure: Option<String>,
    /// Responsible officer (overdue)
    #[arg(long, value_name = "PERSON")]
    pub officer: Option<String>,
    /// Description (other)
    #[arg(long, allow_hyphen_values = true)]
    pub description: Option<String>,
    /// Category (other): a named category or a word of your own
    #[arg(long, value_name = "CATEGORY", add = ArgValueCompleter::new(category_names))]
    pub category: Option<String>,
    /// The time the person left (early)
    #[arg(long, value_name = "TIME", conflicts_with = "minutes_early")]
    pub left: Option<String>,
    /// Minutes early, replacing the time left (early)
    #[arg(long, value_name = "N")]
    pub minutes_early: Option<u32>,
    /// The end of the session (early)
    #[arg(long, value_name = "TIME")]
    pub end: Option<String>,
    #[command(flatten)]
    pub excuse: ExcuseArgs,
    /// The absence was not excused after all (absent)
    #[arg(long, conflicts_with_all = ["excused", "reason_given"])]
    pub unexcused: bool,
    #[command(flatten)]
    pub overdue: OverdueDetails,
    /// No apology was sent: clears its day and the new appointment it gave (overdue)
    #[arg(long, conflicts_with_all = ["apology_on", "new_due"])]
    pub no_apology: bool,
    #[command(flatten)]
    pub decision: DecisionArgs,
    /// What was done about it
    #[arg(long, value_enum)]
    pub action: Option<Action>,
    /// Note
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Why the finding is corrected, kept in the history
    #[arg(long, allow_hyphen_values = true)]
    pub reason: Option<String>,
}

/// The outcome of a proposed discipline (Decree 172/2025/NĐ-CP).
#[derive(Debug, Args)]
pub struct DecisionArgs {
    /// The form of discipline decided
    #[arg(long, value_enum, value_name = "FORM")]
    pub discipline_form: Option<DisciplineForm>,
    /// The decision's number, as "45/QĐ-UBND"
    #[arg(long, value_name = "REF", allow_hyphen_values = true)]
    pub decision: Option<String>,
    /// The day of the decision; without a form, the case was closed without discipline
    #[arg(long, value_name = "DATE")]
    pub decided_on: Option<String>,
    /// Who decided, as "Chủ tịch UBND xã Tam Đại"
    #[arg(long, value_name = "WHO", allow_hyphen_values = true)]
    pub decided_by: Option<String>,
    /// Clear the recorded outcome
    #[arg(long, conflicts_with_all = ["discipline_form", "decision", "decided_on", "decided_by"])]
    pub no_decision: bool,
    /// The case is complex, which allows 150 days for the decision instead of 90
    #[arg(long, conflicts_with = "not_complex")]
    pub complex: bool,
    /// The case is not complex after all
    #[arg(long)]
    pub not_complex: bool,
}

#[derive(Debug, Args)]
pub struct VoidArgs {
    /// Finding number (`12`, `#12`) or uid prefix
    pub id: String,
    /// Why the finding is void, kept in the history
    #[arg(long, allow_hyphen_values = true)]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only the history of this finding
    pub id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}

#[derive(Debug, Args)]
pub struct RecountArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Show what would change, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ConflictsArgs {
    #[command(subcommand)]
    pub command: Option<ConflictsCommand>,
    /// Settled conflicts too, with the value chosen
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConflictsCommand {
    /// Settle a conflict: the field takes one value, as an edit with its history entry
    #[command(
        after_help = "Examples:\n  spotcheck conflicts resolve 1 --take mine\n  spotcheck conflicts resolve 2 --take theirs\n  spotcheck conflicts resolve 3 --value \"đã nhắc nhở\""
    )]
    Resolve {
        /// The conflict's number, as `spotcheck conflicts` lists it
        number: i64,
        /// mine: this logbook's value from before the merge; theirs: the value that came in
        #[arg(
            long,
            value_enum,
            required_unless_present = "value",
            conflicts_with = "value"
        )]
        take: Option<Take>,
        /// Another value for the field: a text, a day, a time, a number or an action
        #[arg(long, value_name = "VALUE")]
        value: Option<String>,
    },
}

/// Which value of a conflict to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Take {
    Mine,
    Theirs,
}
