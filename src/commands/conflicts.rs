//! `conflicts`, `conflicts resolve`: the fields two logbooks changed to
//! different values, which a merge kept for a person to settle.

use serde_json::Value as Json;

use crate::Ctx;
use crate::cli::{ConflictsArgs, ConflictsCommand, Take};
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::render::{Column, Format, Record};
use crate::store::Access;
use crate::store::conflicts::{self, Choice, ConflictRow, Side};

pub fn run(ctx: &mut Ctx<'_>, args: ConflictsArgs) -> Result<()> {
    match args.command {
        None => list(ctx, args.all),
        Some(ConflictsCommand::Resolve {
            number,
            take,
            value,
        }) => resolve(ctx, number, take, value),
    }
}

fn list(ctx: &mut Ctx<'_>, all: bool) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let rows = conflicts::list(store.conn(), all)?;
    if rows.is_empty() && ctx.format == Format::Table {
        let none = if all {
            t!("conflicts-none-at-all")
        } else {
            t!("conflicts-none")
        };
        return ctx.line(&none);
    }
    ctx.table(&crate::view::conflicts_table(&store, &rows, all)?)?;
    let open = rows.iter().filter(|row| row.settled.is_none()).count();
    if ctx.format == Format::Table && open > 0 {
        ctx.line(&t!("conflicts-open", count = open))?;
    }
    Ok(())
}

fn resolve(
    ctx: &mut Ctx<'_>,
    number: i64,
    take: Option<Take>,
    typed: Option<String>,
) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let conflict = conflicts::get(store.conn(), number)?;
    let choice = match (take, typed) {
        (Some(Take::Mine), _) => Choice::Take(Side::Mine),
        (Some(Take::Theirs), _) => Choice::Take(Side::Theirs),
        (None, Some(typed)) => Choice::Value(typed_value(ctx, &conflict, &typed)?),
        // clap asks for one of the two; said again should it ever not.
        (None, None) => {
            return Err(Error::input(t!(
                "conflicts-value-not-typed",
                field = conflict.field.as_str(),
                number = conflict.id
            )));
        }
    };
    let author = ctx.author();
    let (value, changed) = store.write(|tx| conflicts::settle(tx, &conflict, &choice, &author))?;
    let record = crate::view::conflict_record(&conflict);
    let shown = crate::view::conflict_value(&store, &conflict.field, &value)?;
    let line = if changed {
        t!(
            "conflicts-settled",
            number = conflict.id,
            record = record.as_str(),
            field = conflict.field.as_str(),
            value = shown.as_str()
        )
    } else {
        t!(
            "conflicts-settled-unchanged",
            number = conflict.id,
            record = record.as_str(),
            field = conflict.field.as_str(),
            value = shown.as_str()
        )
    };
    let mut fields = Record::new();
    fields
        .field(Column::new("number"), conflict.id)
        .field(Column::new("record"), record)
        .field(Column::new("field"), conflict.field.as_str())
        .field(Column::new("value"), shown)
        .field(Column::new("changed"), changed);
    ctx.logged(&line, &fields)
}

/// A value typed for a conflict's field, as the record keeps it: a text
/// checked as its own command checks it, a day, a time, a whole number or
/// an action. A field that names another record is settled by taking one
/// side and then corrected with the record's own command.
fn typed_value(ctx: &Ctx<'_>, conflict: &ConflictRow, typed: &str) -> Result<Json> {
    const FLAG: &str = "--value";
    let field = conflict.field.as_str();
    if let Some(group) = crate::store::records::field_group(conflict.records, field) {
        return Err(Error::input(t!(
            "conflicts-value-grouped",
            field = field,
            fields = group.join(", "),
            number = conflict.id
        )));
    }
    let text =
        |kind| -> Result<Json> {
            Ok(input::typed_text(FLAG, kind, Some(typed.to_string()))?
                .map_or(Json::Null, Json::String))
        };
    let word = |word: &str| -> Result<Json> { Ok(Json::String(word.to_string())) };
    let whole =
        || -> Result<Json> {
            typed.trim().parse::<u32>().map(Json::from).map_err(|_| {
                Error::input(t!("conflicts-value-number", value = typed, field = field))
            })
        };
    match field {
        "name" => text(TextKind::Name),
        "note" | "description" | "text" | "delay_cause" => text(TextKind::Free),
        "position" | "team" | "meeting" | "file_ref" | "procedure" | "category" | "source"
        | "responsible" => text(TextKind::Line),
        "excuse" => word(typed.parse::<crate::model::Excuse>()?.as_str()),
        "delay_stage" => word(typed.parse::<crate::model::DelayStage>()?.as_str()),
        "channel" => word(typed.parse::<crate::model::Channel>()?.as_str()),
        // A complex case is 1, not complex NULL, as the column keeps it;
        // so is a unit that follows the seasons.
        "complex_case" | "follows_seasons" => match typed.trim() {
            "yes" | "có" => Ok(Json::from(1)),
            "no" | "không" => Ok(Json::Null),
            _ => Err(Error::input(t!("conflicts-value-bool", value = typed))),
        },
        "retired_on" | "due_on" | "assigned_on" | "done_on" => {
            let day = input::parse_date(typed, ctx.clock.today())?;
            Ok(Json::String(crate::store::date_text(day)))
        }
        "morning_start" | "afternoon_start" => {
            let time = input::parse_time(typed)?;
            Ok(Json::String(crate::store::time_text(time)))
        }
        "week" => Ok(Json::String(input::parse_week(typed)?.to_string())),
        "on_roll" | "present" | "visits" | "files_checked" => whole(),
        "announced" => match typed.trim() {
            "yes" | "có" => Ok(Json::from(1)),
            "no" | "không" => Ok(Json::from(0)),
            _ => Err(Error::input(t!("conflicts-value-bool", value = typed))),
        },
        "action" => crate::model::Action::ALL
            .iter()
            .find(|action| action.as_str() == typed.trim())
            .map(|action| Json::String(action.as_str().to_string()))
            .ok_or_else(|| {
                let actions: Vec<&str> = crate::model::Action::ALL
                    .iter()
                    .map(|a| a.as_str())
                    .collect();
                Error::input(t!(
                    "conflicts-value-action",
                    value = typed,
                    actions = actions.join(", ")
                ))
            }),
        _ => Err(Error::input(t!(
            "conflicts-value-not-typed",
            field = field,
            number = conflict.id
        ))),
    }
}
