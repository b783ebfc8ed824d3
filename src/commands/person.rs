//! `person add|list|edit|merge|retire`: the staff of the units, and the
//! corrections that put each finding on the right person.

use crate::Ctx;
use crate::cli::PersonCommand;
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::model::PersonStatus;
use crate::render::{Column, Record, Table, Value};
use crate::store::people::{self, PersonChange};
use crate::store::{Access, PersonRow, units};

pub fn run(ctx: &mut Ctx<'_>, command: PersonCommand) -> Result<()> {
    match command {
        PersonCommand::Add {
            unit,
            name,
            position,
            status,
        } => add(ctx, &unit, name, (position, status)),
        PersonCommand::List { unit, similar } => {
            if similar {
                list_similar(ctx)
            } else {
                list(ctx, unit.as_deref())
            }
        }
        PersonCommand::Edit {
            person,
            name,
            position,
            unit,
            status,
            no_status,
            not_alias,
            reason,
        } => edit(
            ctx,
            &person,
            Edit {
                name,
                position,
                unit,
                // `--no-status` clears it; clap refuses it with `--status`.
                status: if no_status {
                    Some(None)
                } else {
                    status.map(Some)
                },
                not_alias,
            },
            reason,
        ),
        PersonCommand::Merge {
            keep,
            other,
            reason,
        } => merge(ctx, &keep, &other, reason),
        PersonCommand::Retire {
            person,
            on,
            undo,
            reason,
        } => retire(ctx, &person, on.as_deref(), undo, reason),
    }
}

fn day(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

fn person_record(person: &PersonRow) -> Record {
    let mut record = Record::new();
    record
        .field(Column::new("number"), person.id)
        .field(Column::new("name"), person.name.as_str())
        .field(Column::new("position"), person.position.clone())
        .field(Column::new("unit_code"), person.unit_code.as_str())
        .field(Column::new("unit_name"), person.unit_name.as_str())
        .field(
            Column::new("retired_on"),
            person.retired_on.map(|d| d.format("%Y-%m-%d").to_string()),
        )
        .field(Column::new("alias_of"), person.alias_of)
        .field(Column::new("uid"), person.uid.as_str())
        .field(Column::new("status"), status_value(person.status));
    record
}

/// A person's status as the tables show it: its word for programs, its
/// name in the reader's language for people.
fn status_value(status: Option<PersonStatus>) -> Value {
    status.map_or(Value::Null, |s| Value::Named(s.as_str(), s.name_key()))
}

fn add(
    ctx: &mut Ctx<'_>,
    unit: &str,
    name: String,
    (position, status): (Option<String>, Option<PersonStatus>),
) -> Result<()> {
    let name = input::typed_text("NAME", TextKind::Name, Some(name))?
        .ok_or_else(|| Error::input(t!("records-person-needs-name")))?;
    let position = input::typed_text("--position", TextKind::Line, position)?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let person = store.write(|tx| {
        let unit = units::resolve(tx, unit)?;
        people::insert(tx, unit.id, &name, (position.as_deref(), status), &author)
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
        Column::titled("retired_on", &t!("people-field-left")),
        Column::titled("status", &t!("people-field-status")),
    ]);
    for person in &staff {
        table.push(vec![
            person.id.into(),
            person.name.as_str().into(),
            person.position.clone().into(),
            person.unit_code.as_str().into(),
            person.retired_on.map(day).into(),
            status_value(person.status),
        ]);
    }
    if staff.is_empty() && ctx.format == crate::render::Format::Table {
        return ctx.note(&t!("records-no-people"));
    }
    ctx.table(&table)
}

/// The groups of names that differ only in diacritics, one row a person,
/// with their findings: what a team reviews after an upgrade, or when a
/// finding may be on the wrong one of two namesakes.
fn list_similar(ctx: &mut Ctx<'_>) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let groups = people::similar(store.conn())?;
    if groups.is_empty() && ctx.format == crate::render::Format::Table {
        return ctx.note(&t!("people-no-similar"));
    }
    let mut table = Table::new(vec![
        Column::titled("group", &t!("people-head-group")),
        Column::titled("unit_code", &t!("head-unit")),
        Column::titled("number", &t!("head-no")),
        Column::new("name"),
        Column::titled("retired_on", &t!("people-field-left")),
        Column::new("findings"),
    ]);
    for (group, members) in groups.iter().enumerate() {
        for (person, findings) in members {
            let listed: Vec<String> = findings
                .iter()
                .map(|f| {
                    let mut text = t!(
                        "people-similar-finding",
                        number = f.number,
                        kind = crate::render::term(&f.kind),
                        day = day(f.visit_started_at.date())
                    );
                    if f.voided {
                        text.push_str(&format!(" ({})", t!("people-similar-void")));
                    }
                    text
                })
                .collect();
            table.push(vec![
                (group as i64 + 1).into(),
                person.unit_code.as_str().into(),
                person.id.into(),
                person.name.as_str().into(),
                person.retired_on.map(day).into(),
                if listed.is_empty() {
                    t!("people-similar-no-findings").into()
                } else {
                    listed.join(", ").into()
                },
            ]);
        }
    }
    ctx.table(&table)?;
    if groups.is_empty() {
        return Ok(());
    }
    // Under the table it reads as the table's foot; beside data for a
    // program, it goes to the error stream.
    if ctx.format == crate::render::Format::Table {
        ctx.line(&t!("people-similar-advice"))
    } else {
        ctx.note(&t!("people-similar-advice"))
    }
}

/// What `person edit` was asked to change.
struct Edit {
    name: Option<String>,
    position: Option<String>,
    unit: Option<String>,
    status: Option<Option<PersonStatus>>,
    not_alias: bool,
}

fn edit(ctx: &mut Ctx<'_>, typed: &str, asked: Edit, reason: Option<String>) -> Result<()> {
    let name = input::typed_text("--name", TextKind::Name, asked.name)?;
    // An empty position, given on purpose, clears it.
    let position = match asked.position {
        Some(text) => Some(input::typed_text("--position", TextKind::Line, Some(text))?),
        None => None,
    };
    let reason = input::typed_text("--reason", TextKind::Free, reason)?;
    if name.is_none()
        && position.is_none()
        && asked.unit.is_none()
        && asked.status.is_none()
        && !asked.not_alias
    {
        return Err(Error::input(t!("people-nothing-to-change")));
    }
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (before, after) = store.write(|tx| {
        let person = people::resolve(tx, typed, None, !asked.not_alias)?;
        if asked.not_alias && person.alias_of.is_none() {
            return Err(Error::input(t!("people-not-an-alias", number = person.id)));
        }
        let unit_id = asked
            .unit
            .as_deref()
            .map(|u| units::resolve(tx, u))
            .transpose()?
            .map(|u| u.id);
        let change = PersonChange {
            name: name.clone(),
            position: position.clone(),
            unit_id,
            alias_of: asked.not_alias.then_some(None),
            retired_on: None,
            status: asked.status,
        };
        let after = people::change(tx, person.id, &change, reason.as_deref(), &author)?;
        Ok((person, after))
    })?;
    let Some(after) = after else {
        return ctx.logged(
            &t!("people-unchanged", number = before.id),
            &person_record(&before),
        );
    };
    let shown = |p: &PersonRow| {
        [
            (t!("people-field-name"), p.name.clone()),
            (
                t!("people-field-position"),
                p.position.clone().unwrap_or_else(|| "–".into()),
            ),
            (
                t!("people-field-unit"),
                format!("{} ({})", p.unit_name, p.unit_code),
            ),
            (
                t!("people-field-status"),
                p.status
                    .map_or_else(|| "–".into(), |s| crate::i18n::message(s.name_key(), None)),
            ),
            (
                t!("people-field-alias"),
                p.alias_of.map_or_else(|| "–".into(), |n| format!("#{n}")),
            ),
        ]
    };
    let changes: Vec<String> = shown(&before)
        .into_iter()
        .zip(shown(&after))
        .filter(|(old, new)| old.1 != new.1)
        .map(|((label, old), (_, new))| format!("{label} {old} → {new}"))
        .collect();
    ctx.logged(
        &t!(
            "people-edited",
            number = after.id,
            changes = changes.join("; ")
        ),
        &person_record(&after),
    )
}

fn merge(ctx: &mut Ctx<'_>, keep: &str, other: &str, reason: Option<String>) -> Result<()> {
    let reason = input::typed_text("--reason", TextKind::Free, reason)?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let merged = store.write(|tx| {
        let keep = people::resolve(tx, keep, None, true)?;
        let other = people::resolve(tx, other, None, true)?;
        people::merge(tx, keep.id, other.id, reason.as_deref(), &author)
    })?;
    ctx.logged(
        &t!(
            "people-merged",
            other = merged.other.id,
            other_name = merged.other.name.as_str(),
            keep = merged.keep.id,
            keep_name = merged.keep.name.as_str(),
            count = merged.findings.len()
        ),
        &person_record(&merged.other),
    )?;
    ctx.note(&t!("people-merge-undo", other = merged.other.id))
}

fn retire(
    ctx: &mut Ctx<'_>,
    typed: &str,
    on: Option<&str>,
    undo: bool,
    reason: Option<String>,
) -> Result<()> {
    let today = ctx.clock.today();
    let left = on.map(|d| input::parse_date(d, today)).transpose()?;
    let reason = input::typed_text("--reason", TextKind::Free, reason)?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let person = store.write(|tx| {
        let person = people::resolve(tx, typed, None, true)?;
        match (undo, person.retired_on) {
            (true, None) => {
                return Err(Error::input(t!(
                    "people-not-retired",
                    name = person.name.as_str(),
                    number = person.id
                )));
            }
            (false, Some(already)) => {
                return Err(Error::input(t!(
                    "people-retired-already",
                    name = person.name.as_str(),
                    number = person.id,
                    day = day(already)
                )));
            }
            _ => {}
        }
        let change = PersonChange {
            retired_on: Some(if undo {
                None
            } else {
                Some(left.unwrap_or(today))
            }),
            ..PersonChange::default()
        };
        people::change(tx, person.id, &change, reason.as_deref(), &author)?;
        people::get(tx, person.id)
    })?;
    let line = match person.retired_on {
        Some(left) => t!(
            "people-retired",
            name = person.name.as_str(),
            number = person.id,
            unit = person.unit_name.as_str(),
            day = day(left)
        ),
        None => t!(
            "people-back",
            name = person.name.as_str(),
            number = person.id,
            unit = person.unit_name.as_str()
        ),
    };
    ctx.logged(&line, &person_record(&person))
}
