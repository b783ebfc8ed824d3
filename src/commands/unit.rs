//! `unit add|list|edit|import`: the units that are checked.

use chrono::NaiveTime;

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
        .field(Column::new("name"), unit.name.as_str())
        .field(Column::new("kind"), unit.kind.as_str())
        .field(
            Column::new("morning_start"),
            unit.morning_start.map(|t| t.format("%H:%M").to_string()),
        )
        .field(
            Column::new("afternoon_start"),
            unit.afternoon_start.map(|t| t.format("%H:%M").to_string()),
        )
        .field(Column::new("uid"), unit.uid.as_str());
    record
}

pub fn add(ctx: &mut Ctx<'_>, args: UnitAddArgs) -> Result<()> {
    let name = input::typed_text("NAME", TextKind::Name, Some(args.name))?
        .ok_or_else(|| Error::input(t!("records-unit-needs-name")))?;
    let new = NewUnit {
        code: units::normalise_code(&args.code)?,
        name,
        kind: args.kind,
        morning_start: args.start.as_deref().map(input::parse_time).transpose()?,
        afternoon_start: args
            .afternoon
            .as_deref()
            .map(input::parse_time)
            .transpose()?,
    };
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let unit = store.write(|tx| units::insert(tx, &new, &author))?;
    let line = t!(
        "records-unit-added",
        code = unit.code.as_str(),
        name = unit.name.as_str(),
        kind = render::term(unit.kind.as_str()),
        morning = hours_text(unit.morning_start),
        afternoon = hours_text(unit.afternoon_start),
    );
    ctx.logged(&line, &unit_record(&unit))
}

pub fn list(ctx: &mut Ctx<'_>) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let all = units::all(store.conn())?;
    let mut table = Table::new(vec![
        Column::new("code"),
        Column::new("name"),
        Column::new("kind"),
        Column::new("morning_start"),
        Column::new("afternoon_start"),
    ]);
    for unit in &all {
        table.push(vec![
            unit.code.as_str().into(),
            unit.name.as_str().into(),
            unit.kind.as_str().into(),
            unit.morning_start
                .map(|t| t.format("%H:%M").to_string())
                .into(),
            unit.afternoon_start
                .map(|t| t.format("%H:%M").to_string())
                .into(),
        ]);
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

pub fn edit(ctx: &mut Ctx<'_>, args: UnitEditArgs) -> Result<()> {
    let change = UnitChange {
        name: input::typed_text("--name", TextKind::Name, args.name)?,
        kind: args.kind,
        morning_start: hours_change(args.start.as_deref())?,
        afternoon_start: hours_change(args.afternoon.as_deref())?,
    };
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let unit = store.write(|tx| {
        let unit = units::resolve(tx, &args.unit)?;
        units::update(tx, unit.id, &change, &author)
    })?;
    let line = t!(
        "records-unit-changed",
        code = unit.code.as_str(),
        name = unit.name.as_str(),
        kind = render::term(unit.kind.as_str()),
        morning = hours_text(unit.morning_start),
        afternoon = hours_text(unit.afternoon_start),
    );
    ctx.logged(&line, &unit_record(&unit))
}
