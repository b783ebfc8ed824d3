//! One module per command group. Each turns parsed arguments into calls on the
//! store and hands the result to the renderer.
//!
//! No command module uses another: what several of them need is here (how
//! typed periods, names and figures are read), in the store (finding the
//! record a person typed) or in `view` (how findings and history are shown),
//! so that a change to one command cannot reach round into another.

mod add;
mod care;
mod conflicts;
mod log;
mod person;
mod plan;
mod recount;
mod report;
mod review;
mod server;
mod sql;
mod sync;
mod task;
mod transfer;
mod unit;
mod visit;

use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;

use crate::Ctx;
use crate::cli::{Command, ExcuseArgs, OverdueDetails, PeriodArgs, UnitCommand};
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::model::Records;
use crate::model::{Period, limits};
use crate::rules::{self, Broken, Disagreement};
use crate::store::people::{self, HowNamed, Named};
use crate::store::{NewFinding, UnitRow};

pub(crate) fn dispatch(ctx: &mut Ctx<'_>, command: Command) -> Result<()> {
    match command {
        Command::Status => care::status(ctx),
        Command::Init { encrypt: false } => care::init(ctx),
        Command::Init { encrypt: true } => care::init_encrypted(ctx),
        Command::Encrypt => care::encrypt(ctx),
        Command::Decrypt => care::decrypt(ctx),
        Command::Key(crate::cli::KeyCommand::Change {
            new_passphrase_file,
        }) => care::change_key(ctx, new_passphrase_file.as_deref()),
        Command::Config => care::config(ctx),
        Command::Unit(UnitCommand::Add(args)) => unit::add(ctx, args),
        Command::Unit(UnitCommand::List) => unit::list(ctx),
        Command::Unit(UnitCommand::Edit(args)) => unit::edit(ctx, args),
        Command::Unit(UnitCommand::Merge { keep, other }) => unit::merge(ctx, &keep, &other),
        Command::Unit(UnitCommand::Retire { unit, on, undo }) => {
            unit::retire(ctx, &unit, on.as_deref(), undo)
        }
        Command::Unit(UnitCommand::Import { file }) => transfer::import(ctx, Records::Units, &file),
        Command::Person(command) => person::run(ctx, command),
        Command::Visit(command) => visit::run(ctx, command),
        Command::Plan(command) => plan::run(ctx, command),
        Command::Task(command) => task::run(ctx, command),
        Command::Add => {
            // The answers become the commands a person would type, run here
            // like any other, so that `add` records exactly what they record.
            let lines = add::ask(ctx)?;
            for line in &lines {
                dispatch(ctx, add::command(line)?)?;
            }
            add::teach(ctx, &lines)
        }
        Command::Late(args) => log::late(ctx, args),
        Command::Early(args) => log::early(ctx, args),
        Command::Absent(args) => log::absent(ctx, args),
        Command::Overdue(args) => log::overdue(ctx, args),
        Command::Other(args) => log::other(ctx, args),
        Command::Unfinished(args) => log::unfinished(ctx, args),
        Command::List(args) => review::list(ctx, args),
        Command::Show(args) => review::show(ctx, args),
        Command::Edit(args) => review::edit(ctx, *args),
        Command::Void(args) => review::void(ctx, args),
        Command::History(args) => review::history(ctx, args),
        Command::Conflicts(args) => conflicts::run(ctx, args),
        Command::Recount(args) => recount::recount(ctx, args),
        Command::Report(command) => report::run(ctx, command),
        Command::Export(args) => transfer::export(ctx, args),
        Command::Import { records, file } => transfer::import(ctx, records, &file),
        Command::Merge {
            other,
            accept_unverified,
            other_passphrase_file,
        } => transfer::merge(
            ctx,
            &other,
            accept_unverified,
            other_passphrase_file.as_deref(),
        ),
        Command::Sql {
            query,
            params,
            time_limit,
        } => sql::sql(
            ctx,
            &query,
            &params,
            std::time::Duration::from_secs(time_limit),
        ),
        Command::Schema => sql::schema(ctx),
        Command::Backup { file, force } => care::backup(ctx, &file, force),
        Command::Check { seal } => care::check(ctx, seal.as_deref()),
        Command::Server(command) => server::run(ctx, command),
        Command::Sync {
            server,
            password_file,
            status,
            pull_only,
            push_only,
        } => sync::run(
            ctx,
            server.as_deref(),
            password_file.as_deref(),
            status,
            if pull_only {
                sync::Exchange::PullOnly
            } else if push_only {
                sync::Exchange::PushOnly
            } else {
                sync::Exchange::Both
            },
        ),
        Command::Completions { .. } | Command::Man { .. } => {
            unreachable!("completions and manual pages are made before the logbook is opened")
        }
    }
}

/// The files a command writes besides `-o`, each with the flag that names
/// it, so that one file named twice is refused before any work.
pub(crate) fn outputs(command: &Command) -> Vec<(&'static str, &std::path::Path)> {
    use crate::cli::ReportCommand;
    let mut outputs = Vec::new();
    match command {
        Command::Report(ReportCommand::Month { xlsx, svg, .. }) => {
            outputs.extend(xlsx.as_deref().map(|file| ("--xlsx", file)));
            outputs.extend(svg.as_deref().map(|file| ("--svg", file)));
        }
        Command::Report(ReportCommand::Trend { svg, .. }) => {
            outputs.extend(svg.as_deref().map(|file| ("--svg", file)));
        }
        Command::Report(
            ReportCommand::Quarter { outputs: span, .. }
            | ReportCommand::Half { outputs: span, .. }
            | ReportCommand::Year { outputs: span, .. }
            | ReportCommand::Period { outputs: span, .. },
        ) => {
            outputs.extend(span.xlsx.as_deref().map(|file| ("--xlsx", file)));
            outputs.extend(span.svg.as_deref().map(|file| ("--svg", file)));
        }
        Command::Export(args) => {
            outputs.extend(args.xlsx.as_deref().map(|file| ("--xlsx", file)));
        }
        Command::Backup { file, .. } => outputs.push(("backup", file.as_path())),
        _ => {}
    }
    outputs
}

/// Typed text, trimmed; empty text counts as not given.
fn text(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The period that `--month` or `--from`/`--to` name, if any.
fn period(ctx: &Ctx<'_>, args: &PeriodArgs) -> Result<Option<Period>> {
    let today = ctx.clock.today();
    let start_day = ctx.settings.period_start_day.value;
    if let Some(month) = &args.month {
        return input::parse_month(month, today, start_day).map(Some);
    }
    let from = args
        .from
        .as_deref()
        .map(|d| input::parse_date(d, today))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|d| input::parse_date(d, today))
        .transpose()?;
    match (from, to) {
        (None, None) => Ok(None),
        (Some(first), Some(last)) if first > last => Err(Error::input(t!(
            "field-from-after-to",
            from = first.format("%d/%m/%Y").to_string(),
            to = last.format("%d/%m/%Y").to_string()
        ))),
        (first, last) => Ok(Some(Period::between(
            first.unwrap_or(chrono::NaiveDate::MIN),
            last.unwrap_or(chrono::NaiveDate::MAX),
        ))),
    }
}

/// Say on stderr who a typed name was taken for: the person a name without
/// diacritics stood for, or the person added, with the people whose names
/// differ only in diacritics and the command that moves finding `finding`
/// to one of them.
fn say_who(ctx: &mut Ctx<'_>, conn: &Connection, named: &Named, finding: i64) -> Result<()> {
    let person = &named.person;
    match &named.how {
        HowNamed::Exactly => Ok(()),
        HowNamed::Unaccented { typed } => ctx.note(&t!(
            "field-took-person",
            name = person.name.as_str(),
            id = person.id,
            typed = typed.as_str()
        )),
        HowNamed::Added { unaccented, near } => {
            ctx.note(&t!(
                "field-person-added",
                name = person.name.as_str(),
                unit = person.unit_name.as_str(),
                id = person.id
            ))?;
            if *unaccented {
                ctx.note(&t!(
                    "field-person-added-unaccented",
                    name = person.name.as_str(),
                    id = person.id
                ))?;
            }
            if let Some(first) = near.first() {
                return ctx.note(&t!(
                    "field-person-near",
                    people = near
                        .iter()
                        .map(|p| format!("{} (#{})", p.name, p.id))
                        .collect::<Vec<_>>()
                        .join(", "),
                    first = first.id,
                    finding = finding
                ));
            }
            // A new name close to one already on the staff is more often a slip.
            let staff = people::list(conn, Some(person.unit_id))?;
            let others: Vec<_> = staff
                .into_iter()
                .filter(|p| p.id != person.id && p.retired_on.is_none())
                .collect();
            match crate::fold::similar(&person.name, &others, |p| vec![p.name.clone()]).first() {
                Some(close) => ctx.note(&t!(
                    "field-did-you-mean-person",
                    name = close.name.as_str(),
                    id = close.id,
                    finding = finding
                )),
                None => Ok(()),
            }
        }
    }
}

/// A person's name as typed where `flag` says.
fn name(flag: &str, typed: Option<String>) -> Result<Option<String>> {
    input::typed_text(flag, TextKind::Name, typed)
}

/// Minutes late from an arrival time or a figure typed directly.
fn late_figures(
    ctx: &Ctx<'_>,
    unit: &UnitRow,
    date: NaiveDate,
    arrived: Option<NaiveTime>,
    minutes: Option<u32>,
    expected: Option<NaiveTime>,
) -> Result<(Option<NaiveTime>, Option<NaiveTime>, i64)> {
    if let Some(minutes) = minutes {
        if minutes == 0 {
            return Err(Error::input(t!("field-minutes-zero")));
        }
        let minutes = input::typed_figure("--minutes", minutes.into(), &limits::MINUTES_LATE)?;
        return Ok((None, expected, minutes));
    }
    let arrived = arrived.ok_or_else(|| Error::usage(t!("field-arrival-needed")))?;
    let own = unit.own_hours();
    let (expected, minutes) =
        rules::lateness(ctx.settings.calendar(), own, date, arrived, expected)
            .map_err(|broken| typed_refusal(broken, ""))?;
    Ok((Some(arrived), Some(expected), minutes))
}

/// The time left, the session's end and the minutes early of a departure:
/// worked out from the time left, or the minutes given as they are.
fn early_figures(
    ctx: &Ctx<'_>,
    unit: &UnitRow,
    date: NaiveDate,
    left: Option<NaiveTime>,
    minutes: Option<u32>,
    end: Option<NaiveTime>,
    minutes_flag: &str,
) -> Result<(Option<NaiveTime>, Option<NaiveTime>, i64)> {
    if let Some(minutes) = minutes {
        if minutes == 0 {
            return Err(Error::input(t!(
                "field-early-minutes-zero",
                flag = minutes_flag
            )));
        }
        let minutes = input::typed_figure(minutes_flag, minutes.into(), &limits::MINUTES_LATE)?;
        return Ok((None, end, minutes));
    }
    let left = left.ok_or_else(|| Error::usage(t!("field-left-needed")))?;
    let own = unit.own_hours();
    let calendar = ctx.settings.calendar().for_unit(unit.week);
    let (end, minutes) = rules::leaving_early(calendar, own, date, left, end)
        .map_err(|broken| typed_refusal(broken, ""))?;
    Ok((Some(left), Some(end), minutes))
}

/// Set an absence's excuse from the flags: an excuse of `other` needs the
/// reason given.
fn apply_excuse(finding: &mut NewFinding, args: &ExcuseArgs) -> Result<()> {
    if args.excused.is_some() {
        finding.excuse = args.excused;
    }
    if args.reason_given.is_some() {
        if finding.excuse.is_none() {
            return Err(Error::usage(t!("field-reason-needs-excuse")));
        }
        finding.description =
            input::typed_text("--reason-given", TextKind::Free, args.reason_given.clone())?;
    }
    Ok(())
}

/// Refuse a finding whose fields, as the flags left them, contradict each
/// other, saying which flag mends it.
fn agreed(finding: &NewFinding) -> Result<()> {
    let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    rules::finding_agrees(finding).map_err(|disagreement| match disagreement {
        Disagreement::FormWithoutDay => Error::usage(t!("records-form-needs-day")),
        Disagreement::NewDueBeforeApology { apology, new_due } => Error::input(t!(
            "field-new-due-before-apology",
            new_due = day(new_due),
            apology = day(apology)
        )),
        Disagreement::OtherExcuseWithoutReason => {
            Error::usage(t!("field-other-excuse-needs-reason"))
        }
        Disagreement::DecisionWithoutPerson => Error::usage(t!("field-decision-without-person")),
    })
}

/// Set what the flags give of an overdue file's apology and delay. A text
/// typed as `""` clears it.
fn apply_overdue_details(
    finding: &mut NewFinding,
    details: &OverdueDetails,
    today: NaiveDate,
) -> Result<()> {
    if let Some(day) = &details.apology_on {
        finding.apology_on = Some(input::parse_past_date("--apology-on", day, today)?);
    }
    if let Some(day) = &details.new_due {
        finding.new_due_on = Some(input::parse_date(day, today)?);
    }
    if details.delay_cause.is_some() {
        finding.delay_cause =
            input::typed_text("--delay-cause", TextKind::Free, details.delay_cause.clone())?;
    }
    if details.delay_stage.is_some() {
        finding.delay_stage = details.delay_stage;
    }
    if details.responsible.is_some() {
        finding.responsible =
            input::typed_text("--responsible", TextKind::Line, details.responsible.clone())?;
    }
    if details.channel.is_some() {
        finding.channel = details.channel;
    }
    Ok(())
}

/// Calendar and working days a file is overdue as of its return or the
/// visit, in the working week of the unit where it was found.
fn overdue_figures(
    ctx: &Ctx<'_>,
    unit: &UnitRow,
    file_ref: &str,
    due: NaiveDate,
    received: Option<NaiveDate>,
    returned: Option<NaiveDate>,
    visit_date: NaiveDate,
) -> Result<(i64, i64)> {
    let calendar = ctx.settings.calendar().for_unit(unit.week);
    rules::file_overdue(calendar, due, received, returned, visit_date)
        .map_err(|broken| typed_refusal(broken, file_ref))
}

/// Calendar and working days past the deadline at the end of `day`, in
/// the working week of the task's unit.
fn days_late(
    ctx: &Ctx<'_>,
    week: Option<crate::calendar::Week>,
    due: NaiveDate,
    day: NaiveDate,
) -> Option<(i64, i64)> {
    rules::task_late(ctx.settings.calendar().for_unit(week), due, day).ok()
}

/// A broken rule, worded for values typed as flags; `record` is the file's
/// reference, or the number of the task.
fn typed_refusal(broken: Broken, record: &str) -> Error {
    let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let time = |t: NaiveTime| t.format("%H:%M").to_string();
    Error::input(match broken {
        Broken::NotLate { arrived, expected } => t!(
            "field-not-late",
            arrived = time(arrived),
            expected = time(expected)
        ),
        Broken::ReceivedAfterDue { received, due } => t!(
            "field-received-after-due",
            received = day(received),
            due = day(due)
        ),
        Broken::NotOverdue {
            due,
            as_of,
            returned,
        } => {
            let when = if returned {
                t!("field-returned-on", day = day(as_of))
            } else {
                t!("field-checked-on", day = day(as_of))
            };
            t!(
                "field-not-overdue",
                file = record,
                due = day(due),
                when = when
            )
        }
        Broken::NotEarly { left, end } => {
            t!("field-not-early", left = time(left), end = time(end))
        }
        Broken::TaskNotDue { due, day: visit } => t!(
            "field-task-not-due",
            task = record,
            due = day(due),
            visit = day(visit)
        ),
    })
}

/// The server `url` names, connected with the password from `password_file`,
/// `PGPASSWORD` or the password file, as for `psql`.
pub(super) fn connect_server(
    ctx: &mut Ctx<'_>,
    url: &str,
    password_file: Option<&std::path::Path>,
) -> Result<(
    crate::store::server::Target,
    crate::store::server::ServerConnection,
)> {
    let env = ctx.env;
    let secrets = crate::store::server::Secrets {
        password_file,
        password: env.pg_password.as_deref(),
        passfile: env
            .pg_passfile
            .clone()
            .or_else(|| env.home.as_ref().map(|home| home.join(".pgpass"))),
        user: env.user.as_deref(),
        home: env.home.as_deref(),
        ssl_mode: env.pg_ssl_mode.as_deref(),
        ssl_root_cert: env.pg_ssl_root_cert.as_deref(),
    };
    let (target, warnings) = crate::store::server::Target::new(url, &secrets)?;
    for warning in &warnings {
        ctx.note(warning)?;
    }
    let connection = target.connect()?;
    Ok((target, connection))
}
