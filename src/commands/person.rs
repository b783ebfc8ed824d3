//! `person add|list`: the staff of the units.

use crate::Ctx;
use crate::cli::PersonCommand;
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::render::{Column, Record, Table};
use crate::store::{Access, PersonRow, people, units};

pub fn run(ctx: &mut Ctx<'_>, command: PersonCommand) -> Result<()> {
    match command {
        PersonCommand::Add {
            unit,
            name,
            position,
        } => add(ctx, &unit, name, position),
        PersonCommand::List { unit } => list(ctx, unit.as_deref()),
    }
}

fn person_record(person: &PersonRow) -> Record {
    let mut record = Record::new();
    record
        .field(Column::new("number"), person.id)
        .field(Column::new("name"), person.name.as_str())
        .field(Column::new("position"), person.position.clone())
        .field(Column::new("unit_code"), person.unit_code.as_str())
        .field(Column::new("unit_name"), person.unit_name.as_str())
        .field(Column::new("uid"), person.uid.as_str());
    record
}

fn add(ctx: &mut Ctx<'_>, unit: &str, name: String, position: Option<String>) -> Result<()> {
    let name = input::typed_text("NAME", TextKind::Name, Some(name))?
        .ok_or_else(|| Error::input(t!("records-person-needs-name")))?;
    let position = input::typed_text("--position", TextKind::Line, position)?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let person = store.write(|tx| {
        let unit = units::resolve(tx, unit)?;
        people::insert(tx, unit.id, &name, position.as_deref(), &author)
    })?;
    let line = match person.position.as_deref() {
        Some(position) => t!(
            "records-person-added-with-position",
            number = person.id,
            name = person.name.as_str(),
            position = position,
            unit = person.unit_name.as_str(),
        ),
        None => t!(
            "records-person-added",
            number = person.id,
            name = person.name.as_str(),
            unit = person.unit_name.as_str(),
        ),
    };
    ctx.logged(&line, &person_record(&person))
}

fn list(ctx: &mut Ctx<'_>, unit: Option<&str>) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let unit_id = unit
        .map(|u| units::resolve(store.conn(), u))
        .transpose()?
        .map(|u| u.id);
    let staff = people::list(store.conn(), unit_id)?;
    let mut table = Table::new(vec![
        Column::titled("number", &t!("head-no")),
        Column::new("name"),
        Column::new("position"),
        Column::titled("unit_code", &t!("head-unit")),
    ]);
    for person in &staff {
        table.push(vec![
            person.id.into(),
            person.name.as_str().into(),
            person.position.clone().into(),
            person.unit_code.as_str().into(),
        ]);
    }
    if staff.is_empty() && ctx.format == crate::render::Format::Table {
        return ctx.note(&t!("records-no-people"));
    }
    ctx.table(&table)
}
