//! Import: each row of a CSV file checked as if it were typed, and added to
//! the logbook or brought up to date there, all rows or none.

use std::path::Path;

use chrono::{DateTime, NaiveDateTime};

use super::csv_file::{Row, open_csv};
use super::finding::{Lookups, import_finding};
use super::{Counts, stop_if_interrupted};
use crate::clock::Clock;
use crate::config::Settings;
use crate::error::Result;
use crate::input::{self, TextKind};
use crate::model::Records;
use crate::model::limits::{FILES_CHECKED, PLANNED_VISITS, STAFF};
use crate::model::{Month, PersonStatus, PlanPer, UnitKind};
use crate::store::people::PersonChange;
use crate::store::records::{any, id_by_uid, is_taken_uid, last_id};
use crate::store::{
    Author, NewUnit, NewVisit, Origin, Store, UnitChange, people, plans, tasks, units, visits,
};

/// What reading a row needs from the rest of the program.
pub struct ImportContext<'a> {
    pub settings: &'a Settings,
    pub clock: Clock,
    pub author: Author,
}

/// Import one CSV file of records, all rows or none.
pub fn import(
    store: &mut Store,
    records: Records,
    path: &Path,
    ctx: &ImportContext<'_>,
    progress: &dyn Fn(u64),
) -> Result<Counts> {
    let mut file = open_csv(path, records)?;
    let reason = format!("imported from {}", name_in_history(path));
    store.write(|tx| {
        let mut counts = Counts::default();
        let findings_before = any(tx, Records::Findings)?;
        let mut seen = SeenRecords::new(last_id(tx, records)?);
        let mut lookups = Lookups::new(findings_before);
        // Into a logbook without findings, every finding is new and is not
        // looked up: a uid given twice is refused by the uid index instead.
        let look_up = records != Records::Findings || findings_before;
        let mut aliases = Aliases::default();
        let mut retirements = Vec::new();
        let mut parents = Vec::new();
        while let Some(row) = file.next()? {
            stop_if_interrupted()?;
            let twice = |uid: &str| row.error("uid", t!("exchange-uid-twice", uid = uid));
            let uid = row.uid("uid")?;
            if let Some(uid) = uid.as_deref().filter(|_| look_up)
                && let Some(id) = id_by_uid(tx, records, uid)?
                && !seen.first_time(id)
            {
                return Err(twice(uid));
            }
            let outcome = match records {
                Records::Units => import_unit(tx, &row, ctx, (&mut retirements, &mut parents)),
                Records::People => import_person(tx, &row, ctx, &mut aliases),
                Records::Visits => import_visit(tx, &row, ctx, &reason),
                Records::Findings => import_finding(tx, &row, ctx, &reason, &mut lookups),
                Records::Plans => import_plan(tx, &row, ctx, &reason),
                Records::Tasks => import_task(tx, &row, ctx, &reason),
            };
            let outcome = match (outcome, uid) {
                (Err(e), Some(uid)) if is_taken_uid(tx, records, &e, &uid)? => {
                    return Err(twice(&uid));
                }
                (outcome, _) => outcome?,
            };
            match outcome {
                Outcome::New => counts.new += 1,
                Outcome::Updated => counts.updated += 1,
                Outcome::Unchanged => counts.unchanged += 1,
            }
            progress(file.bytes_read());
        }
        join_aliases(tx, aliases, ctx)?;
        retire_units(tx, retirements, ctx)?;
        set_parents(tx, parents, ctx)?;
        Ok(counts)
    })
}

/// The file as the history names it: in English whatever the language, like
/// every reason the logbook keeps.
fn name_in_history(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// Which records an import has met so far, to refuse a uid the file gives
/// twice. Records that were in the logbook before are kept as one bit each;
/// any record with a higher number was added by this import. So a million
/// rows cost a few hundred kilobytes, not a set of a million uids.
struct SeenRecords {
    existing: i64,
    met: Vec<u64>,
}

impl SeenRecords {
    fn new(existing: i64) -> SeenRecords {
        SeenRecords {
            existing,
            met: vec![0; usize::try_from(existing / 64 + 1).unwrap_or(0)],
        }
    }

    /// Note that a row named the record `id`; false if one did already.
    fn first_time(&mut self, id: i64) -> bool {
        if id > self.existing || id < 1 {
            return false;
        }
        let (word, bit) = ((id / 64) as usize, id % 64);
        let first = self.met[word] & (1 << bit) == 0;
        self.met[word] |= 1 << bit;
        first
    }
}

pub(super) enum Outcome {
    New,
    Updated,
    Unchanged,
}

pub(super) fn origin(row: &Row<'_>, created_by: &str, created_at: &str) -> Result<Origin> {
    Ok(Origin {
        uid: row.uid("uid")?,
        created_by: row.name(created_by)?,
        created_at: row.stamp(created_at)?,
        updated_at: row.stamp("updated_at")?,
        reason: None,
    })
}

/// A unit of an import retired or merged into another, set once every row
/// is in: the unit it was merged into may come later in the file.
struct Retirement {
    unit: i64,
    day: chrono::NaiveDate,
    into: Option<String>,
    /// The error to give, with its line, if `into` names no unit.
    missing: Option<crate::error::Error>,
}

/// Retire, or merge as `unit merge` does, the units an import says were,
/// unless they already are here: a retirement is undone only by a command.
fn retire_units(
    tx: &rusqlite::Transaction<'_>,
    retirements: Vec<Retirement>,
    ctx: &ImportContext<'_>,
) -> Result<()> {
    for retirement in retirements {
        let unit = units::get(tx, retirement.unit)?;
        if unit.retired_on.is_some() || unit.merged_into.is_some() {
            continue;
        }
        let keep = match (&retirement.into, retirement.missing) {
            (Some(uid), Some(missing)) => {
                let into = id_by_uid(tx, Records::Units, uid)?.ok_or(missing)?;
                Some(units::kept(tx, units::get(tx, into)?)?.id)
            }
            _ => None,
        };
        match keep {
            Some(keep) if keep != unit.id => {
                units::merge(tx, keep, unit.id, retirement.day, &ctx.author)?;
            }
            _ => {
                units::retire(tx, unit.id, retirement.day, &ctx.author)?;
            }
        }
    }
    Ok(())
}

/// The unit an imported unit belongs to, set once every row is in: the
/// parent may come later in the file.
struct Parenting {
    unit: i64,
    /// The parent's uid; `None` when the file says it has none.
    parent: Option<String>,
    /// The error to give, with its line, if `parent` names no unit.
    missing: Option<crate::error::Error>,
}

/// Give the imported units the parents the file names; a unit whose parent
/// is already that one is left as it is, and a parent that would make a
/// unit belong to itself is refused.
fn set_parents(
    tx: &rusqlite::Transaction<'_>,
    parents: Vec<Parenting>,
    ctx: &ImportContext<'_>,
) -> Result<()> {
    for parenting in parents {
        let parent = match (&parenting.parent, parenting.missing) {
            (Some(uid), Some(missing)) => Some(id_by_uid(tx, Records::Units, uid)?.ok_or(missing)?),
            _ => None,
        };
        let unit = units::get(tx, parenting.unit)?;
        if unit.parent.as_ref().map(|(id, _)| *id) == parent {
            continue;
        }
        let change = UnitChange {
            parent_id: Some(parent),
            ..UnitChange::default()
        };
        units::update(tx, unit.id, &change, &ctx.author)?;
    }
    Ok(())
}

fn import_unit(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    (retirements, parents): (&mut Vec<Retirement>, &mut Vec<Parenting>),
) -> Result<Outcome> {
    let today = ctx.clock.today();
    let retired_on = row.parse("retired_on", |d| input::parse_date(d, today))?;
    let into = row.uid("merged_into_uid")?;
    if into.is_some() && retired_on.is_none() {
        return Err(row.error("retired_on", t!("exchange-merged-unit-needs-day")));
    }
    let parent = row.uid("parent_uid")?;
    let outcome = import_unit_fields(tx, row, ctx)?;
    // An older file, without the column, leaves the parent as it is.
    if row.has("parent_uid") {
        let code =
            units::normalise_code(&row.required("code")?).map_err(|e| row.error("code", e))?;
        if let Some(unit) = units::by_code(tx, &code)? {
            parents.push(Parenting {
                unit: unit.id,
                missing: parent.as_ref().map(|uid| {
                    row.error(
                        "parent_uid",
                        t!("exchange-no-parent-uid", uid = uid.as_str()),
                    )
                }),
                parent,
            });
        }
    }
    if let Some(day) = retired_on {
        let code =
            units::normalise_code(&row.required("code")?).map_err(|e| row.error("code", e))?;
        if let Some(unit) = units::by_code(tx, &code)? {
            retirements.push(Retirement {
                unit: unit.id,
                day,
                missing: into.as_ref().map(|uid| {
                    row.error(
                        "merged_into_uid",
                        t!("exchange-no-unit-uid", uid = uid.as_str()),
                    )
                }),
                into,
            });
        }
    }
    Ok(outcome)
}

fn import_unit_fields(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
) -> Result<Outcome> {
    let code = units::normalise_code(&row.required("code")?).map_err(|e| row.error("code", e))?;
    let unit = NewUnit {
        code: code.clone(),
        name: row.required_as("name", TextKind::Name)?,
        kind: row
            .parse("kind", |k| k.parse::<UnitKind>())?
            .unwrap_or(UnitKind::Other),
        morning_start: row.parse("morning_start", input::parse_time)?,
        afternoon_start: row.parse("afternoon_start", input::parse_time)?,
        // Set after every row is in, by `set_parents`.
        parent_id: None,
        week: row.parse("week", input::parse_week)?,
        follows_seasons: row.flag("follows_seasons")?,
    };
    // An older file, without the columns, leaves the week and the seasons
    // as they are.
    let has_week = row.has("week");
    let has_seasons = row.has("follows_seasons");
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => match id_by_uid(tx, Records::Units, uid)? {
            Some(id) => Some(units::get(tx, id)?),
            None => units::by_code(tx, &code)?,
        },
        None => units::by_code(tx, &code)?,
    };
    let Some(existing) = existing else {
        units::insert_from(tx, &unit, &origin, &ctx.author)?;
        return Ok(Outcome::New);
    };
    if existing.code != code {
        return Err(row.error(
            "code",
            t!("exchange-unit-code-changed", code = existing.code.as_str()),
        ));
    }
    let same = existing.name == unit.name
        && existing.kind == unit.kind
        && existing.morning_start == unit.morning_start
        && existing.afternoon_start == unit.afternoon_start
        && (!has_week || existing.week == unit.week)
        && (!has_seasons || existing.follows_seasons == unit.follows_seasons);
    if same {
        return Ok(Outcome::Unchanged);
    }
    let change = UnitChange {
        name: Some(unit.name),
        kind: Some(unit.kind),
        morning_start: Some(unit.morning_start),
        afternoon_start: Some(unit.afternoon_start),
        parent_id: None,
        week: has_week.then_some(unit.week),
        follows_seasons: has_seasons.then_some(unit.follows_seasons),
    };
    units::update_from(
        tx,
        existing.id,
        &change,
        origin.updated_at.as_deref(),
        &ctx.author,
    )?;
    Ok(Outcome::Updated)
}

/// The unit a row names by code; for a unit merged into another here, the
/// unit kept, which holds its records now.
fn unit_by_code(tx: &rusqlite::Transaction<'_>, row: &Row<'_>) -> Result<units::UnitRow> {
    units::kept(tx, unit_named(tx, row)?)
}

/// The unit a row names by code, as it is.
fn unit_named(tx: &rusqlite::Transaction<'_>, row: &Row<'_>) -> Result<units::UnitRow> {
    let code = row.required("unit_code")?;
    let folded = units::normalise_code(&code).map_err(|e| row.error("unit_code", e))?;
    units::by_code(tx, &folded)?
        .ok_or_else(|| row.error("unit_code", t!("exchange-no-unit", code = code.as_str())))
}

fn import_person(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    aliases: &mut Aliases,
) -> Result<Outcome> {
    // A name joined to a namesake by a unit merge stays in the unit merged
    // away, beside the person it stands for; anyone else of that unit is
    // of the unit kept now.
    let unit = if row.uid("alias_of_uid")?.is_some() {
        unit_named(tx, row)?
    } else {
        unit_by_code(tx, row)?
    };
    let name = row.required_as("name", TextKind::Name)?;
    let position = row.text("position")?;
    let origin = origin(row, "created_by", "created_at")?;
    let today = ctx.clock.today();
    let retired_on = row.parse("retired_on", |d| input::parse_date(d, today))?;
    let status = row.parse("status", |s| s.parse::<PersonStatus>())?;
    let alias_uid = row.uid("alias_of_uid")?;
    // A person found by uid is that record whatever its name now: a
    // correction renames or moves a person and keeps the uid.
    let existing = match &origin.uid {
        Some(uid) => match id_by_uid(tx, Records::People, uid)? {
            Some(id) => Some(people::get(tx, id)?),
            None => people::find(tx, unit.id, &name)?,
        },
        None => people::find(tx, unit.id, &name)?,
    };
    let (person, outcome) = match existing {
        None => {
            let added = people::insert_from(
                tx,
                unit.id,
                &name,
                (position.as_deref(), status),
                &origin,
                &ctx.author,
            )?;
            if retired_on.is_some() {
                let change = PersonChange {
                    retired_on: Some(retired_on),
                    ..PersonChange::default()
                };
                people::change_from(
                    tx,
                    added.id,
                    &change,
                    None,
                    origin.updated_at.as_deref(),
                    &ctx.author,
                )?;
            }
            (added, Outcome::New)
        }
        Some(person) => {
            let change = PersonChange {
                name: Some(name),
                position: Some(position),
                unit_id: Some(unit.id),
                // Files exported before this column existed leave it as it is.
                retired_on: row.has("retired_on").then_some(retired_on),
                status: row.has("status").then_some(status),
                alias_of: None,
            };
            let changed = people::change_from(
                tx,
                person.id,
                &change,
                None,
                origin.updated_at.as_deref(),
                &ctx.author,
            )
            .map_err(|e| row.error("name", e))?;
            let outcome = match changed {
                Some(_) => Outcome::Updated,
                None => Outcome::Unchanged,
            };
            (person, outcome)
        }
    };
    if let Some(uid) = &origin.uid {
        aliases.records.insert(uid.clone(), person.id);
    }
    if row.has("alias_of_uid") {
        aliases.pending.push(Alias {
            person: person.id,
            of: alias_uid.clone(),
            missing: alias_uid
                .map(|uid| row.error("alias_of_uid", t!("exchange-no-person-uid", uid = uid))),
            updated_at: origin.updated_at.clone(),
        });
    }
    Ok(outcome)
}

/// A person of an import whose `alias_of_uid` is set once every row is in:
/// the person an alias stands for may come later in the file.
struct Alias {
    person: i64,
    of: Option<String>,
    /// The error to give, with its line, if `of` names nobody.
    missing: Option<crate::error::Error>,
    updated_at: Option<String>,
}

/// The people of an import: each row's uid and the record it became here
/// (found by name, it may have another uid), and the aliases to set.
#[derive(Default)]
struct Aliases {
    records: std::collections::HashMap<String, i64>,
    pending: Vec<Alias>,
}

fn join_aliases(
    tx: &rusqlite::Transaction<'_>,
    aliases: Aliases,
    ctx: &ImportContext<'_>,
) -> Result<()> {
    for alias in aliases.pending {
        let of = match (&alias.of, alias.missing) {
            (Some(uid), Some(missing)) => Some(match aliases.records.get(uid) {
                Some(id) => *id,
                None => id_by_uid(tx, Records::People, uid)?.ok_or(missing)?,
            }),
            _ => None,
        };
        let change = PersonChange {
            alias_of: Some(of),
            ..PersonChange::default()
        };
        people::change_from(
            tx,
            alias.person,
            &change,
            None,
            alias.updated_at.as_deref(),
            &ctx.author,
        )?;
    }
    Ok(())
}

fn import_visit(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    reason: &str,
) -> Result<Outcome> {
    let unit = unit_by_code(tx, row)?;
    let now = ctx.clock.now();
    let datetime = |text: &str| input::parse_datetime(text, now);
    let started_at = row
        .parse("started_at", datetime)?
        .ok_or_else(|| row.error("started_at", t!("exchange-empty")))?;
    let ended_at: Option<NaiveDateTime> = row.parse("ended_at", datetime)?;
    if ended_at.is_some_and(|end| end < started_at) {
        return Err(row.error("ended_at", t!("exchange-ended-before-started")));
    }
    let on_roll = row.count("on_roll", STAFF)?;
    let present = row.count("present", STAFF)?;
    if let (Some(on_roll), Some(present)) = (on_roll, present)
        && present > on_roll
    {
        return Err(row.error(
            "present",
            t!(
                "exchange-present-over-roll",
                present = present,
                on_roll = on_roll
            ),
        ));
    }
    let mut visit = NewVisit {
        unit_id: unit.id,
        started_at,
        ended_at,
        announced: row.flag("announced")?,
        team: row.team("team")?,
        on_roll,
        present,
        files_checked: row.count("files_checked", FILES_CHECKED)?,
        note: row.free_text("note")?,
    };
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => id_by_uid(tx, Records::Visits, uid)?,
        None => None,
    };
    // A visit voided as started by mistake comes back voided, with its
    // findings; a void is never undone by an import.
    let voided = row_void(row)?;
    let Some(id) = existing else {
        let added = visits::insert_from(tx, &visit, &origin, &ctx.author)?;
        if let Some((at, why)) = &voided {
            visits::void_from(tx, added.id, why, at, &ctx.author)?;
        }
        return Ok(Outcome::New);
    };
    let current = visits::get(tx, id)?;
    if !row.has("files_checked") {
        // A file from before the column says nothing of the files checked.
        visit.files_checked = current.files_checked;
    }
    if current.unit_id != visit.unit_id {
        // Its findings name the unit's own staff: moving the visit would put
        // them on another unit's record.
        return Err(row.error(
            "unit_code",
            t!(
                "exchange-visit-moved",
                number = current.id,
                code = current.unit_code.as_str(),
                unit = current.unit_name.as_str()
            ),
        ));
    }
    let same = current.unit_id == visit.unit_id
        && current.started_at == visit.started_at
        && current.ended_at == visit.ended_at
        && current.announced == visit.announced
        && current.team == visit.team
        && current.on_roll == visit.on_roll
        && current.present == visit.present
        && current.files_checked == visit.files_checked
        && current.note == visit.note;
    if current.voided_at.is_some() {
        if same {
            return Ok(Outcome::Unchanged);
        }
        return Err(row.error("uid", t!("exchange-visit-void", number = current.id)));
    }
    if let Some((at, why)) = &voided {
        if !same {
            visits::update_from(
                tx,
                id,
                &visit,
                origin.updated_at.as_deref(),
                Some(reason),
                &ctx.author,
            )?;
        }
        visits::void_from(tx, id, why, at, &ctx.author)?;
        return Ok(Outcome::Updated);
    }
    if same {
        return Ok(Outcome::Unchanged);
    }
    visits::update_from(
        tx,
        id,
        &visit,
        origin.updated_at.as_deref(),
        Some(reason),
        &ctx.author,
    )?;
    Ok(Outcome::Updated)
}

/// A month as a plan's file writes it: `2022-05`, or as people type it.
fn plan_month(row: &Row<'_>, column: &str, ctx: &ImportContext<'_>) -> Result<Option<Month>> {
    let start_day = ctx.settings.period_start_day.value;
    row.parse(column, |m| {
        input::parse_month(m, ctx.clock.today(), start_day).map(|p| p.month)
    })
}

/// Which void an import row asks for: a time and a reason, or neither.
pub(super) fn row_void(row: &Row<'_>) -> Result<Option<(String, String)>> {
    match (row.stamp("voided_at")?, row.free_text("void_reason")?) {
        (Some(at), Some(reason)) => Ok(Some((at, reason))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(row.error("void_reason", t!("exchange-void-needs-reason"))),
        (None, Some(_)) => Err(row.error("voided_at", t!("exchange-reason-without-void"))),
    }
}

fn import_plan(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    reason: &str,
) -> Result<Outcome> {
    // An empty unit is the plan of every unit.
    let unit_id = match row.text("unit_code")? {
        Some(_) => Some(unit_by_code(tx, row)?.id),
        None => None,
    };
    let visits = row
        .count("visits", PLANNED_VISITS)?
        .ok_or_else(|| row.error("visits", t!("exchange-empty")))?;
    let per = row
        .parse("per", |p| p.parse::<PlanPer>())?
        .ok_or_else(|| row.error("per", t!("exchange-empty")))?;
    let plan = plans::NewPlan {
        unit_id,
        visits,
        per,
        from: plan_month(row, "from_month", ctx)?,
        to: plan_month(row, "to_month", ctx)?,
    };
    if let (Some(from), Some(to)) = (plan.from, plan.to) {
        if to < from {
            return Err(row.error("to_month", t!("exchange-plan-ends-before-it-starts")));
        }
    }
    let void = row_void(row)?;
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => id_by_uid(tx, Records::Plans, uid)?,
        None => None,
    };
    if existing.is_none()
        && void.is_none()
        && plans::starting(tx, plan.unit_id, plan.from)?.is_some()
    {
        // A plan in force that starts in the same month would clash.
        return Err(row.error("from_month", t!("exchange-plan-clash")));
    }
    let author = &ctx.author;
    upsert(
        row,
        existing,
        void,
        || plans::insert_from(tx, &plan, &origin, author),
        |id| {
            let at = origin.updated_at.as_deref();
            Ok(plans::update_from(tx, id, &plan, Some(reason), at, author)?.is_some())
        },
        |id| {
            let current = plans::get(tx, id)?;
            Ok(current.voided_at.zip(current.void_reason))
        },
        |id, why, at| plans::void_from(tx, id, why, at, author).map(drop),
    )
}

fn import_task(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    reason: &str,
) -> Result<Outcome> {
    let unit = unit_by_code(tx, row)?;
    let today = ctx.clock.today();
    let date = |text: &str| input::parse_date(text, today);
    let task = tasks::NewTask {
        unit_id: unit.id,
        text: row.required_as("text", TextKind::Free)?,
        source: row.text("source")?,
        assigned_on: row.parse("assigned_on", date)?,
        due_on: row
            .parse("due_on", date)?
            .ok_or_else(|| row.error("due_on", t!("exchange-empty")))?,
        done_on: row.parse("done_on", date)?,
        note: row.free_text("note")?,
    };
    if task
        .assigned_on
        .is_some_and(|assigned| task.due_on < assigned)
    {
        return Err(row.error("due_on", t!("exchange-task-due-before-assigned")));
    }
    if let (Some(assigned), Some(done)) = (task.assigned_on, task.done_on) {
        if done < assigned {
            return Err(row.error("done_on", t!("exchange-task-done-before-assigned")));
        }
    }
    let void = row_void(row)?;
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => id_by_uid(tx, Records::Tasks, uid)?,
        None => None,
    };
    if let Some(id) = existing {
        let current = tasks::get(tx, id)?;
        if current.voided_at.is_some()
            && let Some(column) = task_difference(&current.fields, &task)
        {
            // As `task edit` refuses: a void task stays as it was when voided.
            return Err(row.error(column, t!("exchange-void-task-not-editable", id = id)));
        }
    }
    let author = &ctx.author;
    upsert(
        row,
        existing,
        void,
        || tasks::insert_from(tx, &task, &origin, author),
        |id| {
            let at = origin.updated_at.as_deref();
            Ok(tasks::update_from(tx, id, &task, Some(reason), at, author)?.is_some())
        },
        |id| {
            let current = tasks::get(tx, id)?;
            Ok(current.voided_at.zip(current.void_reason))
        },
        |id, why, at| tasks::void_from(tx, id, why, at, author).map(drop),
    )
}

/// Add a record that an import row describes, or bring the one it names up
/// to date, then void it when the row says so and it is not yet: what the
/// imports of findings, plans and tasks have in common. `update` says
/// whether it changed anything.
pub(super) fn upsert(
    row: &Row<'_>,
    existing: Option<i64>,
    void: Option<(String, String)>,
    insert: impl FnOnce() -> Result<i64>,
    update: impl FnOnce(i64) -> Result<bool>,
    void_of: impl Fn(i64) -> Result<Option<(String, String)>>,
    void_it: impl FnOnce(i64, &str, &str) -> Result<()>,
) -> Result<Outcome> {
    let current_void = existing.map(&void_of).transpose()?.flatten();
    if let (Some((at, why)), Some((current_at, current_why))) = (&void, &current_void) {
        // A void is part of the record: a row that gives another one would
        // otherwise be taken as unchanged and its values dropped unseen.
        let column = if !same_instant(at, current_at) {
            Some("voided_at")
        } else if why != current_why {
            Some("void_reason")
        } else {
            None
        };
        if let Some(column) = column {
            return Err(row.error(
                column,
                t!(
                    "exchange-void-changed",
                    at = current_at.as_str(),
                    reason = current_why.as_str()
                ),
            ));
        }
    }
    let (id, outcome) = match existing {
        None => (insert()?, Outcome::New),
        Some(id) => {
            let newly_void = void.is_some() && current_void.is_none();
            if !update(id)? && !newly_void {
                return Ok(Outcome::Unchanged);
            }
            (id, Outcome::Updated)
        }
    };
    if let Some((at, why)) = void
        && current_void.is_none()
    {
        void_it(id, &why, &at)?;
    }
    Ok(outcome)
}

/// Whether two stamps name the same moment, whatever offset each is written in.
pub(super) fn same_instant(a: &str, b: &str) -> bool {
    match (
        DateTime::parse_from_rfc3339(a),
        DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The first column in which an import row would change a task.
fn task_difference(current: &tasks::NewTask, new: &tasks::NewTask) -> Option<&'static str> {
    [
        ("unit_code", current.unit_id != new.unit_id),
        ("text", current.text != new.text),
        ("source", current.source != new.source),
        ("assigned_on", current.assigned_on != new.assigned_on),
        ("due_on", current.due_on != new.due_on),
        ("done_on", current.done_on != new.done_on),
        ("note", current.note != new.note),
    ]
    .iter()
    .find(|(_, differs)| *differs)
    .map(|(column, _)| *column)
}
