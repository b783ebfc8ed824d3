//! `unit add|list|edit|merge|retire|import`: the units that are checked.

use chrono::{NaiveDate, NaiveTime};

use crate::Ctx;
use crate::cli::{UnitAddArgs, UnitEditArgs};
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::render::{self, Column, Record, Table};
use crate::store::{Access, NewUnit, UnitChange, UnitRow, units};

fn hours_text(time: Option<NaiveTime>) -> String {
    time.map(|t| t.format("%H:%M").to_string())
        .unwrap_or_else(|| t!("records-hours-default"))
}

fn unit_record(unit: &UnitRow) -> Record {
    let mut record = Record::new();
    record
        .field(Column::new("code"), unit.code.as_str())
        .field(
            Column::titled("name", &t!("head-unit-name")),
            unit.name.as_str(),
        )
        .field(
            Column::new("kind"),
            render::Value::Named(unit.kind.as_str(), unit.kind.name_key()),
        )
        .field(
            Column::new("morning_start"),
            unit.morning_start.map(|t| t.format("%H:%M").to_string()),
        )
        .field(
            Column::new("afternoon_start"),
            unit.afternoon_start.map(|t| t.format("%H:%M").to_string()),
        )
        .field(Column::new("uid"), unit.uid.as_str())
        .field(
            Column::new("retired_on"),
            unit.retired_on.map(crate::render::Value::Date),
        )
        .field(
            Column::new("merged_into"),
            unit.merged_into.as_ref().map(|(_, code)| code.clone()),
        )
        .field(
            Column::new("parent"),
            unit.parent.as_ref().map(|(_, code)| code.clone()),
        )
        .field(Column::new("week"), unit.week.map(|w| w.to_string()))
        .field(Column::new("follows_seasons"), unit.follows_seasons);
    record
}

/// What a unit's line says of its parent and its week, when it has them.
fn extras_text(unit: &UnitRow) -> String {
    let mut text = String::new();
    if let Some((_, parent)) = &unit.parent {
        text.push_str(&t!("records-unit-parent", parent = parent.as_str()));
    }
    if let Some(week) = unit.week {
        text.push_str(&t!("records-unit-week", week = render::show_week(&week)));
    }
    if unit.follows_seasons {
        text.push_str(&t!("records-unit-follows-seasons"));
    }
    text
}

fn day_text(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

pub fn add(ctx: &mut Ctx<'_>, args: UnitAddArgs) -> Result<()> {
    let name = input::typed_text("NAME", TextKind::Name, Some(args.name))?
        .ok_or_else(|| Error::input(t!("records-unit-needs-name")))?;
    let mut new = NewUnit {
        code: units::normalise_code(&args.code)?,
        name,
        kind: args.kind,
        morning_start: args.start.as_deref().map(input::parse_time).transpose()?,
        afternoon_start: args
            .afternoon
            .as_deref()
            .map(input::parse_time)
            .transpose()?,
        parent_id: None,
        week: args.week.as_deref().map(input::parse_week).transpose()?,
        follows_seasons: args.follow_seasons,
    };
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let unit = store.write(|tx| {
        if let Some(parent) = &args.parent {
            new.parent_id = Some(units::resolve(tx, parent)?.id);
        }
        units::add(tx, &new, args.force, &author)
    })?;
    let line = t!(
        "records-unit-added",
        code = unit.code.as_str(),
        name = unit.name.as_str(),
        kind = render::unit_kind(unit.kind),
        morning = hours_text(unit.morning_start),
        afternoon = hours_text(unit.afternoon_start),
    ) + &extras_text(&unit);
    ctx.logged(&line, &unit_record(&unit))
}

pub fn list(ctx: &mut Ctx<'_>) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let all = units::all(store.conn())?;
    // The columns of retired units only once there are any, so that the
    // list of a logbook without them reads as it always has.
    let retired = all
        .iter()
        .any(|u| u.retired_on.is_some() || u.merged_into.is_some());
    // So too the parent and the week.
    let grouped = all.iter().any(|u| u.parent.is_some() || u.week.is_some());
    // And whether own hours follow the seasons.
    let seasonal = all.iter().any(|u| u.follows_seasons);
    let mut columns = vec![
        Column::new("code"),
        Column::titled("name", &t!("head-unit-name")),
        Column::new("kind"),
        Column::new("morning_start"),
        Column::new("afternoon_start"),
    ];
    if retired {
        columns.extend([Column::new("retired_on"), Column::new("merged_into")]);
    }
    if grouped {
        columns.extend([Column::new("parent"), Column::new("week")]);
    }
    if seasonal {
        columns.push(Column::new("follows_seasons"));
    }
    let mut table = Table::new(columns);
    for unit in &all {
        let mut row = vec![
            unit.code.as_str().into(),
            unit.name.as_str().into(),
            render::Value::Named(unit.kind.as_str(), unit.kind.name_key()),
            unit.morning_start
                .map(|t| t.format("%H:%M").to_string())
                .into(),
            unit.afternoon_start
                .map(|t| t.format("%H:%M").to_string())
                .into(),
        ];
        if retired {
            row.push(unit.retired_on.map(crate::render::Value::Date).into());
            row.push(
                unit.merged_into
                    .as_ref()
                    .map(|(_, code)| code.clone())
                    .into(),
            );
        }
        if grouped {
            row.push(unit.parent.as_ref().map(|(_, code)| code.clone()).into());
            row.push(unit.week.map(|w| w.to_string()).into());
        }
        if seasonal {
            row.push(unit.follows_seasons.into());
        }
        table.push(row);
    }
    if all.is_empty() && ctx.format == crate::render::Format::Table {
        return ctx.note(&t!("records-no-units"));
    }
    ctx.table(&table)
}

/// `default` clears a unit's own hours; anything else is a time.
fn hours_change(value: Option<&str>) -> Result<Option<Option<NaiveTime>>> {
    match value.map(str::trim) {
        None => Ok(None),
        Some(v) if v.eq_ignore_ascii_case("default") => Ok(Some(None)),
        Some(v) => input::parse_time(v).map(|t| Some(Some(t))),
    }
}

/// `default` gives a unit the Monday-to-Friday week again.
fn week_change(value: Option<&str>) -> Result<Option<Option<crate::calendar::Week>>> {
    match value.map(str::trim) {
        None => Ok(None),
        Some(v) if v.eq_ignore_ascii_case("default") => Ok(Some(None)),
        Some(v) => input::parse_week(v).map(|w| Some(Some(w))),
    }
}

pub fn edit(ctx: &mut Ctx<'_>, args: UnitEditArgs) -> Result<()> {
    let mut change = UnitChange {
        name: input::typed_text("--name", TextKind::Name, args.name)?,
        kind: args.kind,
        morning_start: hours_change(args.start.as_deref())?,
        afternoon_start: hours_change(args.afternoon.as_deref())?,
        parent_id: args.no_parent.then_some(None),
        week: week_change(args.week.as_deref())?,
        follows_seasons: if args.follow_seasons {
            Some(true)
        } else {
            args.no_follow_seasons.then_some(false)
        },
    };
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let unit = store.write(|tx| {
        let unit = units::resolve(tx, &args.unit)?;
        if let Some(parent) = &args.parent {
            change.parent_id = Some(Some(units::resolve(tx, parent)?.id));
        }
        units::update(tx, unit.id, &change, &author)
    })?;
    let line = t!(
        "records-unit-changed",
        code = unit.code.as_str(),
        name = unit.name.as_str(),
        kind = render::unit_kind(unit.kind),
        morning = hours_text(unit.morning_start),
        afternoon = hours_text(unit.afternoon_start),
    ) + &extras_text(&unit);
    ctx.logged(&line, &unit_record(&unit))
}

pub fn merge(ctx: &mut Ctx<'_>, keep: &str, other: &str) -> Result<()> {
    let today = ctx.clock.today();
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let done = store.write(|tx| {
        let keep = units::resolve(tx, keep)?;
        let other = units::resolve(tx, other)?;
        units::merge(tx, keep.id, other.id, today, &author)
    })?;
    for joined in &done.joined {
        ctx.note(&t!(
            "records-unit-merge-joined",
            alias = joined.alias.name.as_str(),
            alias_number = joined.alias.id,
            name = joined.person.name.as_str(),
            number = joined.person.id,
            findings = joined.findings
        ))?;
    }
    for (voided, kept) in &done.plans_voided {
        ctx.note(&t!(
            "records-unit-merge-plan-voided",
            plan = voided.id,
            other = done.other.code.as_str(),
            keep = done.keep.code.as_str(),
            kept = kept.id
        ))?;
    }
    let line = t!(
        "records-unit-merged",
        other = done.other.code.as_str(),
        keep = done.keep.code.as_str(),
        visits = done.visits,
        people = done.people,
        joined = done.joined.len(),
        plans = done.plans,
        tasks = done.tasks
    );
    let mut record = Record::new();
    record
        .field(Column::new("keep"), done.keep.code.as_str())
        .field(Column::new("other"), done.other.code.as_str())
        .field(Column::new("visits"), done.visits as i64)
        .field(Column::new("people"), done.people as i64)
        .field(Column::new("joined"), done.joined.len() as i64)
        .field(Column::new("plans"), done.plans as i64)
        .field(Column::new("plans_voided"), done.plans_voided.len() as i64)
        .field(Column::new("tasks"), done.tasks as i64)
        .field(
            Column::new("retired_on"),
            done.other.retired_on.map(crate::render::Value::Date),
        );
    ctx.logged(&line, &record)
}

pub fn retire(ctx: &mut Ctx<'_>, unit: &str, on: Option<&str>, undo: bool) -> Result<()> {
    let today = ctx.clock.today();
    let day = on.map(|d| input::parse_date(d, today)).transpose()?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (unit, kept) = store.write(|tx| {
        let unit = units::resolve(tx, unit)?;
        if undo {
            units::unretire(tx, unit.id, &author)
        } else {
            let day = day.unwrap_or(today);
            Ok((units::retire(tx, unit.id, day, &author)?, None))
        }
    })?;
    let line = match (&unit.retired_on, &kept) {
        (Some(day), _) => t!(
            "records-unit-retired",
            code = unit.code.as_str(),
            name = unit.name.as_str(),
            day = day_text(*day)
        ),
        (None, Some(kept)) => t!(
            "records-unit-unmerged",
            code = unit.code.as_str(),
            name = unit.name.as_str(),
            keep = kept.code.as_str()
        ),
        (None, None) => t!(
            "records-unit-unretired",
            code = unit.code.as_str(),
            name = unit.name.as_str()
        ),
    };
    ctx.logged(&line, &unit_record(&unit))
}
