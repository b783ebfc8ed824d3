//! `unit add|list|edit|import`: the units that are checked.

use std::io::Read;
use std::path::Path;

use chrono::NaiveTime;

use super::text;
use crate::Ctx;
use crate::cli::{UnitAddArgs, UnitCommand, UnitEditArgs};
use crate::error::{Context, Error, Result};
use crate::input;
use crate::render::{Column, Record, Table};
use crate::store::{Access, NewUnit, UnitChange, UnitRow, units};

pub fn run(ctx: &mut Ctx<'_>, command: UnitCommand) -> Result<()> {
    match command {
        UnitCommand::Add(args) => add(ctx, args),
        UnitCommand::List => list(ctx),
        UnitCommand::Edit(args) => edit(ctx, args),
        UnitCommand::Import { file } => import(ctx, &file),
    }
}

fn hours_text(time: Option<NaiveTime>) -> String {
    time.map(|t| t.format("%H:%M").to_string())
        .unwrap_or_else(|| "default".to_string())
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

fn add(ctx: &mut Ctx<'_>, args: UnitAddArgs) -> Result<()> {
    let name = text(Some(args.name))
        .ok_or_else(|| Error::input("a unit needs a name, as \"UBND xã Tam Đại\""))?;
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
    let line = format!(
        "added unit {}: {} ({}, hours {} / {})",
        unit.code,
        unit.name,
        unit.kind,
        hours_text(unit.morning_start),
        hours_text(unit.afternoon_start)
    );
    ctx.logged(&line, &unit_record(&unit))
}

fn list(ctx: &mut Ctx<'_>) -> Result<()> {
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
        return ctx.note("no units yet: add one with `spotcheck unit add CODE NAME`");
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

fn edit(ctx: &mut Ctx<'_>, args: UnitEditArgs) -> Result<()> {
    let change = UnitChange {
        name: text(args.name),
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
    let line = format!(
        "changed unit {}: {} ({}, hours {} / {})",
        unit.code,
        unit.name,
        unit.kind,
        hours_text(unit.morning_start),
        hours_text(unit.afternoon_start)
    );
    ctx.logged(&line, &unit_record(&unit))
}

/// Units from CSV, all or none: the first bad value stops the import with its
/// line and column.
fn import(ctx: &mut Ctx<'_>, file: &Path) -> Result<()> {
    let label = file.display().to_string();
    let mut bytes = Vec::new();
    if label == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        std::fs::File::open(file)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .with_context(|| format!("cannot read `{label}`"))?;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let bad = |line: u64, column: &str, problem: String| {
        Error::input(format!("{label}:{line}: column {column}: {problem}"))
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::input(format!("{label}:1: {e}")))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let known = ["code", "name", "kind", "morning_start", "afternoon_start"];
    for header in &headers {
        if !known.contains(&header.as_str()) {
            return Err(Error::input(format!(
                "{label}:1: unknown column `{header}`: the columns are {}",
                known.join(", ")
            )));
        }
    }
    for required in ["code", "name"] {
        if !headers.iter().any(|h| h == required) {
            return Err(Error::input(format!(
                "{label}:1: the column `{required}` is missing: the first line must name the columns, as `code,name,kind`"
            )));
        }
    }
    let mut new_units = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            Error::input(format!("{label}:{line}: {e}"))
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cell = |name: &str| -> Option<String> {
            let index = headers.iter().position(|h| h == name)?;
            text(record.get(index).map(crate::fold::nfc))
        };
        let code = cell("code").ok_or_else(|| bad(line, "code", "is empty".into()))?;
        let code = units::normalise_code(&code).map_err(|e| bad(line, "code", e.to_string()))?;
        let name = cell("name").ok_or_else(|| bad(line, "name", "is empty".into()))?;
        let kind = match cell("kind") {
            Some(kind) => kind
                .parse()
                .map_err(|e: Error| bad(line, "kind", e.to_string()))?,
            None => crate::model::UnitKind::Other,
        };
        let time = |column: &str| -> Result<Option<NaiveTime>> {
            cell(column)
                .map(|t| input::parse_time(&t).map_err(|e| bad(line, column, e.to_string())))
                .transpose()
        };
        new_units.push((
            line,
            NewUnit {
                code,
                name,
                kind,
                morning_start: time("morning_start")?,
                afternoon_start: time("afternoon_start")?,
            },
        ));
    }
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (added, changed, unchanged) = store.write(|tx| {
        let (mut added, mut changed, mut unchanged) = (0, 0, 0);
        for (line, unit) in &new_units {
            match units::by_code(tx, &unit.code)? {
                None => {
                    units::insert(tx, unit, &author)
                        .map_err(|e| bad(*line, "code", e.to_string()))?;
                    added += 1;
                }
                Some(existing) => {
                    let same = existing.name == unit.name
                        && existing.kind == unit.kind
                        && existing.morning_start == unit.morning_start
                        && existing.afternoon_start == unit.afternoon_start;
                    if same {
                        unchanged += 1;
                    } else {
                        let change = UnitChange {
                            name: Some(unit.name.clone()),
                            kind: Some(unit.kind),
                            morning_start: Some(unit.morning_start),
                            afternoon_start: Some(unit.afternoon_start),
                        };
                        units::update(tx, existing.id, &change, &author)?;
                        changed += 1;
                    }
                }
            }
        }
        Ok((added, changed, unchanged))
    })?;
    let mut record = Record::new();
    record
        .field(Column::new("added"), added as i64)
        .field(Column::new("changed"), changed as i64)
        .field(Column::new("unchanged"), unchanged as i64);
    ctx.logged(
        &format!("imported {label}: {added} units added, {changed} changed, {unchanged} unchanged"),
        &record,
    )
}
