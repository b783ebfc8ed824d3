//! One module per command group. Each turns parsed arguments into calls on the
//! store and hands the result to the renderer.

mod add;
mod care;
mod exchange;
mod log;
mod person;
mod plan;
mod report;
mod review;
mod sql;
mod task;
mod unit;
mod visit;

use chrono::NaiveTime;

use crate::Ctx;
use crate::cli::{Command, PeriodArgs};
use crate::error::{Error, Result};
use crate::input;
use crate::model::Period;
use crate::store::FindingRow;

pub(crate) fn dispatch(ctx: &mut Ctx<'_>, command: Command) -> Result<()> {
    match command {
        Command::Status => care::status(ctx),
        Command::Init => care::init(ctx),
        Command::Config => care::config(ctx),
        Command::Unit(command) => unit::run(ctx, command),
        Command::Person(command) => person::run(ctx, command),
        Command::Visit(command) => visit::run(ctx, command),
        Command::Plan(command) => plan::run(ctx, command),
        Command::Task(command) => task::run(ctx, command),
        Command::Add => add::add(ctx),
        Command::Late(args) => log::late(ctx, args),
        Command::Absent(args) => log::absent(ctx, args),
        Command::Overdue(args) => log::overdue(ctx, args),
        Command::Other(args) => log::other(ctx, args),
        Command::Unfinished(args) => log::unfinished(ctx, args),
        Command::List(args) => review::list(ctx, args),
        Command::Show(args) => review::show(ctx, args),
        Command::Edit(args) => review::edit(ctx, args),
        Command::Void(args) => review::void(ctx, args),
        Command::History(args) => review::history(ctx, args),
        Command::Report(command) => report::run(ctx, command),
        Command::Export(args) => exchange::export(ctx, args),
        Command::Import { records, file } => exchange::import(ctx, records, &file),
        Command::Merge { other } => exchange::merge(ctx, &other),
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

/// A short description of what was found, for one-line messages and tables.
fn finding_detail(row: &FindingRow) -> String {
    use crate::model::FindingKind;
    let f = &row.fields;
    let time = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    match f.kind {
        FindingKind::Late => {
            let minutes = f.minutes_late.unwrap_or(0);
            match (time(f.arrived_at), time(f.expected_at)) {
                (Some(arrived), Some(expected)) => t!(
                    "detail-late-at",
                    minutes = minutes,
                    arrived = arrived,
                    expected = expected
                ),
                _ => t!("detail-late", minutes = minutes),
            }
        }
        FindingKind::Absent => match &f.meeting {
            Some(meeting) => t!("detail-meeting", meeting = meeting.as_str()),
            None => t!("detail-work-day"),
        },
        FindingKind::Overdue => {
            let days = f.days_overdue.unwrap_or(0);
            let working = f.working_days_overdue.unwrap_or(0);
            let mut text = t!(
                "detail-overdue",
                file = f.file_ref.as_deref().unwrap_or("?"),
                days = days,
                working = working
            );
            if let Some(procedure) = &f.procedure {
                text.push_str(&format!(", {procedure}"));
            }
            text
        }
        FindingKind::Other => {
            let mut text = f.description.clone().unwrap_or_default();
            if let Some(category) = &f.category {
                text.push_str(&format!(" [{category}]"));
            }
            text
        }
        FindingKind::Task => t!(
            "detail-task",
            task = f.task_id.unwrap_or(0),
            text = f.description.as_deref().unwrap_or(""),
            days = f.days_overdue.unwrap_or(0),
            working = f.working_days_overdue.unwrap_or(0)
        ),
    }
}

fn date_value(date: Option<chrono::NaiveDate>) -> crate::render::Value {
    date.map_or(crate::render::Value::Null, crate::render::Value::Date)
}

fn time_value(time: Option<NaiveTime>) -> crate::render::Value {
    time.map(|t| t.format("%H:%M").to_string()).into()
}

use crate::store::records::FINDING_COLUMNS;

/// A finding's fields in the order of [`FINDING_COLUMNS`].
fn finding_values(row: &FindingRow) -> Vec<crate::render::Value> {
    let f = &row.fields;
    vec![
        row.uid.as_str().into(),
        row.id.into(),
        row.unit_code.as_str().into(),
        row.unit_name.as_str().into(),
        row.visit_uid.as_str().into(),
        crate::render::Value::Stamp(row.visit_started_at),
        crate::render::Value::Term(f.kind.as_str()),
        row.person.clone().into(),
        row.position.clone().into(),
        time_value(f.arrived_at),
        time_value(f.expected_at),
        f.minutes_late.into(),
        f.meeting.clone().into(),
        f.file_ref.clone().into(),
        f.procedure.clone().into(),
        date_value(f.received_on),
        date_value(f.due_on),
        date_value(f.returned_on),
        f.days_overdue.into(),
        f.working_days_overdue.into(),
        f.category.clone().into(),
        f.description.clone().into(),
        f.action.map_or(crate::render::Value::Null, |a| {
            crate::render::Value::Term(a.as_str())
        }),
        f.note.clone().into(),
        row.logged_by.as_str().into(),
        row.logged_at.as_str().into(),
        row.voided_at.clone().into(),
        row.void_reason.clone().into(),
        row.task_uid.clone().into(),
    ]
}

/// Every field of a finding, as `show` and `--format json` give it.
fn finding_record(row: &FindingRow) -> crate::render::Record {
    use crate::render::{Column, Record};
    let mut record = Record::new();
    for (key, value) in FINDING_COLUMNS.iter().zip(finding_values(row)) {
        record.field(Column::new(key), value);
    }
    record
}

/// Findings with every field, for csv and json.
fn findings_table(rows: &[FindingRow]) -> crate::render::Table {
    use crate::render::{Column, Table};
    let mut table = Table::new(FINDING_COLUMNS.iter().map(|k| Column::new(k)).collect());
    for row in rows {
        table.push(finding_values(row));
    }
    table
}
