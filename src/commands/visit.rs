//! `visit start|end|list|show|edit|void`: the checks themselves, and their
//! corrections.

use chrono::{NaiveDateTime, NaiveTime};

use super::period;
use crate::Ctx;
use crate::cli::{VisitCommand, VisitEditArgs, VisitListArgs, VisitStartArgs};
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::model::limits::{self, STAFF};
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
        VisitCommand::Edit(args) => edit(ctx, args),
        VisitCommand::Void { id, reason } => void(ctx, &id, &reason),
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

/// A date and time as visits show them.
fn stamp(at: NaiveDateTime) -> String {
    at.format("%d/%m/%Y %H:%M").to_string()
}

/// Refuse an end before the start, or on a day after today; `editing` words the
/// first refusal for `visit edit`, whose end may be wrong or its start.
fn check_end(
    started_at: NaiveDateTime,
    ended_at: NaiveDateTime,
    now: NaiveDateTime,
    editing: bool,
) -> Result<()> {
    if ended_at < started_at {
        let (end, start) = (stamp(ended_at), stamp(started_at));
        return Err(Error::input(if editing {
            t!("field-edit-end-before-start", end = end, start = start)
        } else {
            t!("field-end-before-start", end = end, start = start)
        }));
    }
    // An end later today is let through: people close a visit in the
    // logbook as they leave. A later day is the slip that made a visit
    // entered after the fact end weeks on.
    if ended_at.date() > now.date() {
        return Err(Error::input(t!(
            "field-end-in-future",
            end = stamp(ended_at),
            today = now.format("%d/%m/%Y").to_string()
        )));
    }
    Ok(())
}

/// The staff figures, checked against each other and their limits.
fn staff_figures(on_roll: Option<i64>, present: Option<i64>) -> Result<(Option<i64>, Option<i64>)> {
    if let (Some(on_roll), Some(present)) = (on_roll, present) {
        if present > on_roll {
            return Err(Error::input(t!(
                "field-present-over-roll",
                present = present,
                on_roll = on_roll
            )));
        }
    }
    let on_roll = on_roll
        .map(|n| input::typed_figure("--on-roll", n, &STAFF))
        .transpose()?;
    let present = present
        .map(|n| input::typed_figure("--present", n, &STAFF))
        .transpose()?;
    Ok((on_roll, present))
}

/// A typed team, checked and written the one way: names separated by a
/// comma and a space.
fn typed_team(team: Option<String>) -> Result<Option<String>> {
    let team = input::typed_text("--team", TextKind::Line, team)?;
    if let Some(problem) = team.as_deref().and_then(input::team_problem) {
        return Err(Error::input(t!(
            "input-typed-text",
            flag = "--team",
            problem = problem
        )));
    }
    Ok(team.map(|team| {
        team.split(',')
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }))
}

fn visit_record(visit: &VisitRow) -> Record {
    visit_record_with(visit, visit.voided_at.is_some())
}

/// A visit's fields; `with_void` adds when and why it was voided, which
/// only voided visits and lists that include them show.
fn visit_record_with(visit: &VisitRow, with_void: bool) -> Record {
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
    if with_void {
        record
            .field(Column::new("voided_at"), visit.voided_at.clone())
            .field(Column::new("void_reason"), visit.void_reason.clone());
    }
    record.field(Column::new("files_checked"), visit.files_checked);
    record
}

fn start(ctx: &mut Ctx<'_>, args: VisitStartArgs) -> Result<()> {
    let now = ctx.clock.now();
    let started_at = match &args.at {
        Some(at) => input::parse_start(at, now)?,
        None => now,
    };
    let (on_roll, present) =
        staff_figures(args.on_roll.map(i64::from), args.present.map(i64::from))?;
    let team = typed_team(args.team)?;
    let note = input::typed_text("--note", TextKind::Free, args.note)?;
    let files_checked = files_checked(args.files_checked)?;
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
            files_checked,
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
    let now = ctx.clock.now();
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
        visit.refuse_if_void()?;
        let ended_at = match at {
            Some(at) => input::parse_end(at, visit.started_at, now)?,
            // Ending now a visit begun on another day is how a visit entered
            // after the fact came to end weeks later.
            None if visit.started_at.date() < now.date() => {
                return Err(Error::input(t!(
                    "field-end-needs-at",
                    id = visit.id,
                    day = visit.started_at.format("%d/%m/%Y").to_string()
                )));
            }
            None => now,
        };
        check_end(visit.started_at, ended_at, now, false)?;
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

fn list(ctx: &mut Ctx<'_>, args: VisitListArgs) -> Result<()> {
    let with_void = args.include_void;
    let args = args.period;
    let period = period(ctx, &args)?;
    let store = ctx.open(Access::Read)?;
    let unit_id = match &args.unit {
        Some(unit) => Some(units::resolve(store.conn(), unit)?.id),
        None => None,
    };
    let filter = VisitFilter {
        period,
        unit_id,
        kept_only: !with_void,
    };
    let rows = visits::list(store.conn(), &filter)?;
    let current = visits::current(store.conn())?;
    if ctx.format == Format::Csv || ctx.format == Format::Json {
        let records: Vec<Record> = rows
            .iter()
            .map(|visit| visit_record_with(visit, with_void))
            .collect();
        let columns = visit_record_columns(with_void);
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
    if with_void {
        table.columns.push(Column::titled("void", &t!("head-void")));
    }
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
        let mut cells = vec![
            number.into(),
            when(visit).into(),
            visit.unit_name.as_str().into(),
            crate::render::Value::Term(announced(visit.announced)),
            visit.team.clone().into(),
            present.into(),
            visit.findings.into(),
        ];
        if with_void {
            cells.push(visit.void_reason.clone().into());
        }
        table.push(cells);
    }
    ctx.table(&table)
}

fn visit_record_columns(with_void: bool) -> Vec<Column> {
    let void: &[&str] = if with_void {
        &["voided_at", "void_reason"]
    } else {
        &[]
    };
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
    .chain(void)
    .chain(&["files_checked"])
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

fn edit(ctx: &mut Ctx<'_>, args: VisitEditArgs) -> Result<()> {
    let now = ctx.clock.now();
    let reason = input::typed_text("--reason", TextKind::Free, args.reason.clone())?;
    let team = match args.team {
        Some(team) => Some(typed_team(Some(team))?),
        None => None,
    };
    let note = match args.note {
        Some(note) => Some(input::typed_text("--note", TextKind::Free, Some(note))?),
        None => None,
    };
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let edited = store.write(|tx| {
        let id = resolve_typed(tx, Numbered::Visit, &args.id)?;
        let before = visits::get(tx, id)?;
        before.refuse_if_void()?;
        let mut fields = before.fields();
        if let Some(start) = &args.start {
            // A time alone corrects the hour and keeps the day: the day is
            // the visit's, not today.
            let midnight = before.started_at.date().and_time(NaiveTime::MIN);
            let start = input::started(input::parse_end(start, midnight, now)?, now)?;
            if start.date() != before.started_at.date() && before.findings > 0 {
                return Err(Error::input(t!(
                    "field-start-other-day",
                    id = before.id,
                    count = before.findings,
                    day = before.started_at.format("%d/%m/%Y").to_string()
                )));
            }
            fields.started_at = start;
        }
        if let Some(end) = &args.end {
            fields.ended_at = Some(input::parse_end(end, fields.started_at, now)?);
        }
        if let Some(end) = fields.ended_at {
            check_end(fields.started_at, end, now, true)?;
        }
        if let Some(team) = &team {
            fields.team.clone_from(team);
        }
        if args.announced {
            fields.announced = true;
        }
        if args.unannounced {
            fields.announced = false;
        }
        if let Some(note) = &note {
            fields.note.clone_from(note);
        }
        let (on_roll, present) = staff_figures(
            args.on_roll.map(i64::from).or(fields.on_roll),
            args.present.map(i64::from).or(fields.present),
        )?;
        fields.on_roll = on_roll;
        fields.present = present;
        if let Some(checked) = files_checked(args.files_checked)? {
            fields.files_checked = Some(checked);
        }
        let after = visits::edit(tx, id, &fields, reason.as_deref(), &author)?;
        Ok((before, after))
    })?;
    match edited {
        (before, Some(after)) => {
            let line = t!(
                "field-visit-edited",
                id = after.id,
                changes = visit_changes(&before, &after).join("; ")
            );
            ctx.logged(&line, &visit_record(&after))
        }
        (before, None) => ctx.logged(
            &t!("field-visit-unchanged", id = before.id),
            &visit_record(&before),
        ),
    }
}

/// What an edit changed, field by field, as `start 10/05/2022 07:25 → 07:15`.
fn visit_changes(before: &VisitRow, after: &VisitRow) -> Vec<String> {
    let mut changes = Vec::new();
    let mut change = |field: &str, old: Option<String>, new: Option<String>| {
        let text = |value: Option<String>| value.unwrap_or_else(|| "–".to_string());
        changes.push(t!(
            "field-visit-change",
            // The field by its name in the reader's language, as tables head it.
            field = crate::render::Column::new(field).header,
            before = text(old),
            after = text(new)
        ));
    };
    // The new time alone when the day stays, as people correct an hour.
    let moment = |old: Option<NaiveDateTime>, new: Option<NaiveDateTime>| match (old, new) {
        (Some(old), Some(new)) if old.date() == new.date() => {
            (Some(stamp(old)), Some(new.format("%H:%M").to_string()))
        }
        (old, new) => (old.map(stamp), new.map(stamp)),
    };
    let figure = |n: Option<i64>| n.map(|n| n.to_string());
    if before.started_at != after.started_at {
        let (old, new) = moment(Some(before.started_at), Some(after.started_at));
        change("start", old, new);
    }
    if before.ended_at != after.ended_at {
        let (old, new) = moment(before.ended_at, after.ended_at);
        change("end", old, new);
    }
    if before.announced != after.announced {
        let kind = |announced: bool| Some(crate::render::term(self::announced(announced)));
        change("kind", kind(before.announced), kind(after.announced));
    }
    if before.team != after.team {
        change("team", before.team.clone(), after.team.clone());
    }
    if before.on_roll != after.on_roll {
        change("on_roll", figure(before.on_roll), figure(after.on_roll));
    }
    if before.present != after.present {
        change("present", figure(before.present), figure(after.present));
    }
    if before.note != after.note {
        change("note", before.note.clone(), after.note.clone());
    }
    if before.files_checked != after.files_checked {
        change(
            "files_checked",
            figure(before.files_checked),
            figure(after.files_checked),
        );
    }
    changes
}

/// The files checked as typed, within the limits of the figure.
fn files_checked(typed: Option<u32>) -> Result<Option<i64>> {
    typed
        .map(|n| input::typed_figure("--files-checked", n.into(), &limits::FILES_CHECKED))
        .transpose()
}

fn void(ctx: &mut Ctx<'_>, id: &str, reason: &str) -> Result<()> {
    let reason = input::typed_text("--reason", TextKind::Free, Some(reason.to_string()))?
        .ok_or_else(|| Error::usage(t!("field-visit-void-needs-reason")))?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (visit, findings) = store.write(|tx| {
        let id = resolve_typed(tx, Numbered::Visit, id)?;
        visits::void(tx, id, &reason, &author)
    })?;
    let line = t!(
        "field-visit-voided",
        id = visit.id,
        unit = visit.unit_name.as_str(),
        when = when(&visit),
        count = findings.len(),
        reason = reason.as_str()
    );
    ctx.logged(&line, &visit_record(&visit))
}
