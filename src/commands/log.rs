//! `late`, `absent`, `overdue`, `other`: logging findings to a visit.

use chrono::NaiveDate;

use super::{
    agreed, apply_excuse, apply_overdue_details, early_figures, late_figures, name,
    overdue_figures, say_who, typed_refusal,
};
use crate::Ctx;
use crate::cli::{
    AbsentArgs, EarlyArgs, FindingCommon, LateArgs, OtherArgs, OverdueArgs, UnfinishedArgs,
};
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::model::FindingKind;
use crate::rules;
use crate::store::people::Named;
use crate::store::visits::{self, Target};
use crate::store::{Access, FindingRow, NewFinding, Store, findings, people, tasks};
use crate::view::{finding_detail, finding_record};

fn required_name(typed: &str) -> Result<String> {
    name("PERSON", Some(typed.to_string()))?.ok_or_else(|| Error::input(t!("field-name-needed")))
}

fn apply_common(finding: &mut NewFinding, common: &FindingCommon) -> Result<()> {
    finding.action = common.action;
    finding.note = input::typed_text("--note", TextKind::Free, common.note.clone())?;
    Ok(())
}

/// Print the one line of a write, and say on stderr who a typed name was
/// taken for, or that a person was added.
fn logged(ctx: &mut Ctx<'_>, store: &Store, row: &FindingRow, named: Option<&Named>) -> Result<()> {
    // Only a finding the same in every fact as an earlier one is pointed
    // out: two people with near names, or one person late twice at
    // different times, are findings of their own.
    let twin = findings::same_on_visit(store.conn(), row)?;
    if let Some(named) = named {
        say_who(ctx, store.conn(), named, row.id)?;
    }
    if let Some(twin) = twin {
        // What the two findings are about, in the words of their kind.
        let about = match (row.fields.kind, row.person.as_deref()) {
            (FindingKind::Overdue, _) => "file",
            (FindingKind::Task, _) => "task",
            (_, Some(_)) => "person",
            (_, None) => "none",
        };
        ctx.note(&t!(
            "field-logged-twice",
            twin = twin,
            about = about,
            person = row.person.as_deref().unwrap_or(""),
            file = row.fields.file_ref.as_deref().unwrap_or(""),
            task = row.fields.task_id.unwrap_or(0),
            finding = row.id
        ))?;
    }
    // One whole message per line shape, so a translation may put the
    // person, the unit and the figures in the order its language wants.
    let shape = match (row.fields.kind, &row.fields.meeting, &row.person) {
        (FindingKind::Late, _, _) => "late",
        (FindingKind::Early, _, _) => "early",
        (FindingKind::Absent, _, _) if row.fields.excuse.is_some() => "excused",
        (FindingKind::Absent, Some(_), _) => "absent-meeting",
        (FindingKind::Absent, None, _) => "absent",
        (FindingKind::Other, _, Some(_)) => "with-person",
        _ => "other",
    };
    let line = t!(
        "field-logged",
        id = row.id,
        // The breach is named so, an excused absence by its excuse.
        kind = if row.fields.kind == FindingKind::Absent && row.fields.excuse.is_none() {
            t!("term-absent-unexcused")
        } else {
            crate::render::term(row.fields.kind.as_str())
        },
        shape = shape,
        person = row.person.as_deref().unwrap_or(""),
        unit = row.unit_name.as_str(),
        minutes = row
            .fields
            .minutes_late
            .or(row.fields.minutes_early)
            .unwrap_or(0),
        excuse = row
            .fields
            .excuse
            .map_or_else(String::new, |e| crate::i18n::message(e.name_key(), None)),
        meeting = row.fields.meeting.as_deref().unwrap_or(""),
        has_meeting = if row.fields.meeting.is_some() {
            "yes"
        } else {
            "no"
        },
        detail = finding_detail(row)
    );
    ctx.logged(&line, &finding_record(row))
}

pub fn late(ctx: &mut Ctx<'_>, args: LateArgs) -> Result<()> {
    let name = required_name(&args.person)?;
    let arrived = args.arrived.as_deref().map(input::parse_time).transpose()?;
    let expected = args
        .expected
        .as_deref()
        .map(input::parse_time)
        .transpose()?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (row, added) = store.write(|tx| {
        let Target { visit, unit } = visits::target(tx, args.common.visit.as_deref())?;
        let (arrived, expected, minutes) = late_figures(
            ctx,
            &unit,
            visit.started_at.date(),
            arrived,
            args.minutes,
            expected,
        )?;
        let named = people::named(tx, unit.id, &name, &author)?;
        let mut finding = NewFinding::new(visit.id, FindingKind::Late);
        finding.person_id = Some(named.person.id);
        finding.arrived_at = arrived;
        finding.expected_at = expected;
        finding.minutes_late = Some(minutes);
        apply_common(&mut finding, &args.common)?;
        Ok((findings::insert(tx, &finding, &author)?, named))
    })?;
    logged(ctx, &store, &row, Some(&added))
}

pub fn early(ctx: &mut Ctx<'_>, args: EarlyArgs) -> Result<()> {
    let name = required_name(&args.person)?;
    let left = args.left.as_deref().map(input::parse_time).transpose()?;
    let end = args.end.as_deref().map(input::parse_time).transpose()?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (row, added) = store.write(|tx| {
        let Target { visit, unit } = visits::target(tx, args.common.visit.as_deref())?;
        let (left, end, minutes) = early_figures(
            ctx,
            &unit,
            visit.started_at.date(),
            left,
            args.minutes,
            end,
            "--minutes",
        )?;
        let named = people::named(tx, unit.id, &name, &author)?;
        let mut finding = NewFinding::new(visit.id, FindingKind::Early);
        finding.person_id = Some(named.person.id);
        finding.left_at = left;
        finding.expected_at = end;
        finding.minutes_early = Some(minutes);
        apply_common(&mut finding, &args.common)?;
        Ok((findings::insert(tx, &finding, &author)?, named))
    })?;
    logged(ctx, &store, &row, Some(&added))
}

pub fn absent(ctx: &mut Ctx<'_>, args: AbsentArgs) -> Result<()> {
    let name = required_name(&args.person)?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (row, added) = store.write(|tx| {
        let Target { visit, unit } = visits::target(tx, args.common.visit.as_deref())?;
        let named = people::named(tx, unit.id, &name, &author)?;
        let mut finding = NewFinding::new(visit.id, FindingKind::Absent);
        finding.person_id = Some(named.person.id);
        finding.meeting = input::typed_text("--meeting", TextKind::Line, args.meeting.clone())?;
        apply_excuse(&mut finding, &args.excuse)?;
        apply_common(&mut finding, &args.common)?;
        agreed(&finding)?;
        Ok((findings::insert(tx, &finding, &author)?, named))
    })?;
    logged(ctx, &store, &row, Some(&added))
}

pub fn overdue(ctx: &mut Ctx<'_>, args: OverdueArgs) -> Result<()> {
    let today = ctx.clock.today();
    let file_ref = input::typed_text("FILE_REF", TextKind::Line, Some(args.file_ref.clone()))?
        .ok_or_else(|| Error::input(t!("field-file-ref-needed")))?;
    let due = input::parse_date(&args.due, today)?;
    let received = args
        .received
        .as_deref()
        .map(|d| input::parse_past_date("--received", d, today))
        .transpose()?;
    let returned = args
        .returned
        .as_deref()
        .map(|d| input::parse_past_date("--returned", d, today))
        .transpose()?;
    let officer = name("--officer", args.officer.clone())?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (row, added) = store.write(|tx| {
        let Target { visit, unit } = visits::target(tx, args.common.visit.as_deref())?;
        let (days, working) = overdue_figures(
            ctx,
            &unit,
            &file_ref,
            due,
            received,
            returned,
            visit.started_at.date(),
        )?;
        let mut finding = NewFinding::new(visit.id, FindingKind::Overdue);
        let mut added = None;
        if let Some(officer) = &officer {
            let named = people::named(tx, unit.id, officer, &author)?;
            finding.person_id = Some(named.person.id);
            added = Some(named);
        }
        finding.file_ref = Some(file_ref.clone());
        finding.procedure =
            input::typed_text("--procedure", TextKind::Line, args.procedure.clone())?;
        finding.received_on = received;
        finding.due_on = Some(due);
        finding.returned_on = returned;
        finding.days_overdue = Some(days);
        finding.working_days_overdue = Some(working);
        apply_overdue_details(&mut finding, &args.details, today)?;
        apply_common(&mut finding, &args.common)?;
        agreed(&finding)?;
        Ok((findings::insert(tx, &finding, &author)?, added))
    })?;
    logged(ctx, &store, &row, added.as_ref())
}

pub fn other(ctx: &mut Ctx<'_>, args: OtherArgs) -> Result<()> {
    let description = input::typed_text(
        "DESCRIPTION",
        TextKind::Free,
        Some(args.description.clone()),
    )?
    .ok_or_else(|| Error::input(t!("field-description-needed")))?;
    let person_name = name("--person", args.person.clone())?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (row, added) = store.write(|tx| {
        let Target { visit, unit } = visits::target(tx, args.common.visit.as_deref())?;
        let mut finding = NewFinding::new(visit.id, FindingKind::Other);
        let mut added = None;
        if let Some(name) = &person_name {
            let named = people::named(tx, unit.id, name, &author)?;
            finding.person_id = Some(named.person.id);
            added = Some(named);
        }
        finding.description = Some(description.clone());
        finding.category = input::typed_text("--category", TextKind::Line, args.category.clone())?
            .map(|c| input::category(&c));
        apply_common(&mut finding, &args.common)?;
        Ok((findings::insert(tx, &finding, &author)?, added))
    })?;
    logged(ctx, &store, &row, added.as_ref())
}

/// Record, at a visit to its unit, that an assigned task was not done by
/// its deadline.
pub fn unfinished(ctx: &mut Ctx<'_>, args: UnfinishedArgs) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let task = tasks::find(store.conn(), &args.task)?;
    let author = ctx.author();
    let row = store.write(|tx| {
        let Target { visit, unit } = visits::target(tx, args.common.visit.as_deref())?;
        let visit_date = visit.started_at.date();
        let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        if task.voided_at.is_some() {
            return Err(Error::input(t!("task-void-not-editable", id = task.id)));
        }
        if task.fields.unit_id != unit.id {
            return Err(Error::input(t!(
                "field-task-other-unit",
                task = task.id,
                task_unit = task.unit_name.as_str(),
                unit = unit.name.as_str()
            )));
        }
        if let Some(done) = task.fields.done_on.filter(|done| *done <= visit_date) {
            return Err(Error::input(t!(
                "field-task-was-done",
                task = task.id,
                done = day(done),
                visit = day(visit_date)
            )));
        }
        let (days, working) = rules::task_late(
            ctx.settings.calendar().for_unit(unit.week),
            task.fields.due_on,
            visit_date,
        )
        .map_err(|broken| typed_refusal(broken, &task.id.to_string()))?;
        let mut finding = NewFinding::new(visit.id, FindingKind::Task);
        finding.task_id = Some(task.id);
        finding.description = Some(task.fields.text.clone());
        finding.due_on = Some(task.fields.due_on);
        finding.days_overdue = Some(days);
        finding.working_days_overdue = Some(working);
        apply_common(&mut finding, &args.common)?;
        findings::insert(tx, &finding, &author)
    })?;
    logged(ctx, &store, &row, None)
}
