//! `visit start|end|list|show`: the checks themselves.

use super::period;
use crate::Ctx;
use crate::cli::{VisitCommand, VisitStartArgs};
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::model::limits::STAFF;
use crate::render::{Column, Format, Record, Table};
use crate::store::{
    Access, FindingFilter, NewVisit, Numbered, VisitFilter, VisitRow, findings, resolve_typed,
    units, visits,
};
use crate::view::finding_detail;

pub fn run(ctx: &mut Ctx<'_>, command: VisitCommand) -> Result<()> {
    match command {
        VisitCommand::Start(args) => start(ctx, args),
        VisitCommand::End { at, visit } => end(ctx, at.as_deref(), visit.as_deref()),
        VisitCommand::List(args) => list(ctx, args),
        VisitCommand::Show { id } => show(ctx, id.as_deref()),
    }
}

fn when(visit: &VisitRow) -> String {
    let start = visit.started_at.format("%d/%m/%Y %H:%M");
    match visit.ended_at {
        Some(end) if end.date() == visit.started_at.date() => {
            format!("{start}–{}", end.format("%H:%M"))
        }
        Some(end) => format!("{start} – {}", end.format("%d/%m/%Y %H:%M")),
        None => start.to_string(),
    }
}

/// The domain word for how a visit was made.
fn announced(announced: bool) -> &'static str {
    if announced {
        "announced"
    } else {
        "unannounced"
    }
}

fn visit_record(visit: &VisitRow) -> Record {
    let stamp = crate::render::Value::Stamp;
    let mut record = Record::new();
    record
        .field(Column::new("uid"), visit.uid.as_str())
        .field(Column::new("number"), visit.id)
        .field(Column::new("unit_code"), visit.unit_code.as_str())
        .field(Column::new("unit_name"), visit.unit_name.as_str())
        .field(Column::new("started_at"), stamp(visit.started_at))
        .field(
            Column::new("ended_at"),
            visit.ended_at.map_or(crate::render::Value::Null, stamp),
        )
        .field(Column::new("announced"), visit.announced)
        .field(Column::new("team"), visit.team.clone())
        .field(Column::new("on_roll"), visit.on_roll)
        .field(Column::new("present"), visit.present)
        .field(Column::new("note"), visit.note.clone())
        .field(Column::new("created_by"), visit.created_by.as_str())
        .field(Column::new("findings"), visit.findings);
    record
}

fn start(ctx: &mut Ctx<'_>, args: VisitStartArgs) -> Result<()> {
    let started_at = match &args.at {
        Some(at) => input::parse_datetime(at, ctx.clock.now())?,
        None => ctx.clock.now(),
    };
    if let (Some(on_roll), Some(present)) = (args.on_roll, args.present) {
        if present > on_roll {
            return Err(Error::input(t!(
                "field-present-over-roll",
                present = present,
                on_roll = on_roll
            )));
        }
    }
    let team = input::typed_text("--team", TextKind::Line, args.team)?;
    if let Some(problem) = team.as_deref().and_then(input::team_problem) {
        return Err(Error::input(t!(
            "input-typed-text",
            flag = "--team",
            problem = problem
        )));
    }
    let team = team.map(|team| {
        team.split(',')
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let note = input::typed_text("--note", TextKind::Free, args.note)?;
    let on_roll = args
        .on_roll
        .map(|n| input::typed_figure("--on-roll", n.into(), &STAFF))
        .transpose()?;
    let present = args
        .present
        .map(|n| input::typed_figure("--present", n.into(), &STAFF))
        .transpose()?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (visit, still_open) = store.write(|tx| {
        let unit = units::for_new_visit(tx, &args.unit)?;
        let previous = visits::current(tx)?;
        let new = NewVisit {
            unit_id: unit.id,
            started_at,
            ended_at: None,
            announced: args.announced,
            team,
            on_roll,
            present,
            note,
        };
        let visit = visits::start(tx, &new, &author)?;
        let still_open = previous.map(|id| visits::get(tx, id)).transpose()?;
        Ok((visit, still_open))
    })?;
    if let Some(open) = still_open {
        ctx.note(&t!(
            "field-visit-still-open",
            id = open.id,
            unit = open.unit_name.as_str()
        ))?;
    }
    let line = t!(
        "field-visit-started",
        id = visit.id,
        unit = visit.unit_name.as_str(),
        when = when(&visit),
        kind = crate::render::term(announced(visit.announced))
    );
    ctx.logged(&line, &visit_record(&visit))
}

fn end(ctx: &mut Ctx<'_>, at: Option<&str>, visit: Option<&str>) -> Result<()> {
    let ended_at = match at {
        Some(at) => input::parse_datetime(at, ctx.clock.now())?,
        None => ctx.clock.now(),
    };
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let visit = store.write(|tx| {
        let id = match visit {
            Some(typed) => resolve_typed(tx, Numbered::Visit, typed)?,
            None => {
                visits::current(tx)?.ok_or_else(|| Error::input(t!("field-no-visit-to-end")))?
            }
        };
        let visit = visits::get(tx, id)?;
        if ended_at < visit.started_at {
            return Err(Error::input(t!(
                "field-end-before-start",
                end = ended_at.format("%d/%m/%Y %H:%M").to_string(),
                start = visit.started_at.format("%d/%m/%Y %H:%M").to_string()
            )));
        }
        visits::end(tx, id, ended_at, &author)
    })?;
    let line = t!(
        "field-visit-ended",
        id = visit.id,
        unit = visit.unit_name.as_str(),
        when = when(&visit),
        count = visit.findings
    );
    ctx.logged(&line, &visit_record(&visit))
}

fn list(ctx: &mut Ctx<'_>, args: crate::cli::PeriodArgs) -> Result<()> {
    let period = period(ctx, &args)?;
    let store = ctx.open(Access::Read)?;
    let unit_id = match &args.unit {
        Some(unit) => Some(units::resolve(store.conn(), unit)?.id),
        None => None,
    };
    let rows = visits::list(store.conn(), &VisitFilter { period, unit_id })?;
    let current = visits::current(store.conn())?;
    if ctx.format == Format::Csv || ctx.format == Format::Json {
        let records: Vec<Record> = rows.iter().map(visit_record).collect();
        let columns = visit_record_columns();
        let mut table = Table::new(columns);
        for record in records {
            table.push(record.fields.into_iter().map(|(_, v)| v).collect());
        }
        return ctx.table(&table);
    }
    if rows.is_empty() && ctx.format == Format::Table {
        return ctx.note(&t!("field-no-visits"));
    }
    let mut table = Table::new(vec![
        Column::titled("number", &t!("head-no")),
        Column::titled("when", &t!("head-when")),
        Column::titled("unit", &t!("head-unit")),
        Column::titled("type", &t!("head-type")),
        Column::titled("team", &t!("head-team")),
        Column::titled("present", &t!("head-present")),
        Column::titled("findings", &t!("head-findings")),
    ]);
    for visit in &rows {
        let mut number = visit.id.to_string();
        if current == Some(visit.id) {
            number.push_str(" *");
        }
        let present = match (visit.present, visit.on_roll) {
            (Some(p), Some(r)) => Some(format!("{p}/{r}")),
            (Some(p), None) => Some(p.to_string()),
            _ => None,
        };
        table.push(vec![
            number.into(),
            when(visit).into(),
            visit.unit_name.as_str().into(),
            crate::render::Value::Term(announced(visit.announced)),
            visit.team.clone().into(),
            present.into(),
            visit.findings.into(),
        ]);
    }
    ctx.table(&table)
}

fn visit_record_columns() -> Vec<Column> {
    [
        "uid",
        "number",
        "unit_code",
        "unit_name",
        "started_at",
        "ended_at",
        "announced",
        "team",
        "on_roll",
        "present",
        "note",
        "created_by",
        "findings",
    ]
    .iter()
    .map(|k| Column::new(k))
    .collect()
}

fn show(ctx: &mut Ctx<'_>, id: Option<&str>) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let id = match id {
        Some(typed) => resolve_typed(store.conn(), Numbered::Visit, typed)?,
        None => visits::current(store.conn())?
            .ok_or_else(|| Error::input(t!("field-no-visit-to-show")))?,
    };
    let visit = visits::get(store.conn(), id)?;
    ctx.record(&visit_record(&visit))?;
    if matches!(ctx.format, Format::Table | Format::Md | Format::Html) {
        let filter = FindingFilter {
            visit_id: Some(id),
            ..Default::default()
        };
        let rows = findings::list(store.conn(), &filter)?;
        if !rows.is_empty() {
            let mut table = Table::new(vec![
                Column::titled("number", &t!("head-no")),
                Column::titled("kind", &t!("head-kind")),
                Column::titled("person", &t!("head-person")),
                Column::titled("detail", &t!("head-detail")),
                Column::titled("action", &t!("head-action")),
            ]);
            for row in &rows {
                table.push(vec![
                    row.id.into(),
                    crate::render::Value::Term(row.fields.kind.as_str()),
                    row.person.clone().into(),
                    finding_detail(row).into(),
                    row.fields.action.map_or(crate::render::Value::Null, |a| {
                        crate::render::Value::Term(a.as_str())
                    }),
                ]);
            }
            ctx.table(&table)?;
        }
    }
    Ok(())
}
