//! `list`, `show`, `edit`, `void`, `history`: reading and correcting findings.

use chrono::{NaiveDate, NaiveTime};

use super::{
    agreed, apply_excuse, apply_overdue_details, early_figures, late_figures, name,
    overdue_figures, period, say_who, text,
};
use crate::Ctx;
use crate::cli::{DecisionArgs, EditArgs, HistoryArgs, ListArgs, ShowArgs, VoidArgs};
use crate::error::{Error, Result};
use crate::input::{self, TextKind};
use crate::model::{FieldSource, FindingField, FindingKind, Records};
use crate::render::{self, Column, Format, RowStream};
use crate::store::{
    Access, Decision, FindingFilter, NewFinding, findings, history, people, shared, units, visits,
};
use crate::view::{
    finding_columns, finding_detail, finding_record, finding_row, findings_brief, history_table,
};

pub fn list(ctx: &mut Ctx<'_>, args: ListArgs) -> Result<()> {
    let period = period(ctx, &args.period)?;
    let store = ctx.open(Access::Read)?;
    let unit_id = match &args.period.unit {
        Some(unit) => Some(units::resolve(store.conn(), unit)?.id),
        None => None,
    };
    let filter = FindingFilter {
        period,
        unit_id,
        kind: args.select.kind,
        person: text(args.select.person),
        search: text(args.select.search),
        include_void: args.include_void,
        visit_id: None,
        order: args.sort,
    };
    if matches!(ctx.format, Format::Csv | Format::Json) {
        // Written as they are read, as `export` writes them, rather than
        // held twice over (as rows, then as a table) before the first byte.
        let mut stream = RowStream::start(finding_columns(), ctx.format, &ctx.style, &mut *ctx.out)
            .map_err(Error::Output)?;
        findings::each_listed(store.conn(), &filter, |row| {
            stream.row(finding_row(&row)).map_err(Error::Output)
        })?;
        stream.finish().map_err(Error::Output)?;
        return Ok(());
    }
    let rows = findings::list(store.conn(), &filter)?;
    if rows.is_empty() && ctx.format == Format::Table {
        return ctx.note(&t!("records-no-findings-match"));
    }
    ctx.table(&findings_brief(&rows, args.include_void))?;
    if ctx.format != Format::Table {
        return Ok(());
    }
    ctx.line(&t!("records-findings-count", count = rows.len()))
}

pub fn show(ctx: &mut Ctx<'_>, args: ShowArgs) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let row = findings::find(store.conn(), &args.id)?;
    let mut record = finding_record(&row);
    // Beside the number here, the one every laptop of the province shows.
    if let Some(number) = shared::shared_number(store.conn(), Records::Findings, &row.uid)? {
        record.field(Column::new("province_number"), number);
    }
    ctx.record(&record)
}

/// Flags that only make sense for some kinds of finding: each sets a field,
/// and only a field that the finding's kind holds and that is typed (not
/// worked out or taken from its task) can be set.
fn check_flags_apply(args: &EditArgs, kind: FindingKind, number: i64) -> Result<()> {
    use crate::model::FindingField::*;
    // The person of an overdue file is the officer who handled it.
    let person_flag = if kind == FindingKind::Overdue {
        "--officer"
    } else {
        "--person"
    };
    let o = &args.overdue;
    let given: [(&str, bool, FindingField); 26] = [
        ("--person", args.person.is_some(), Person),
        ("--officer", args.officer.is_some(), Person),
        ("--arrived", args.arrived.is_some(), Arrived),
        ("--minutes", args.minutes.is_some(), MinutesLate),
        ("--expected", args.expected.is_some(), Expected),
        ("--meeting", args.meeting.is_some(), Meeting),
        ("--file-ref", args.file_ref.is_some(), FileRef),
        ("--due", args.due.is_some(), Due),
        ("--received", args.received.is_some(), Received),
        ("--returned", args.returned.is_some(), Returned),
        ("--procedure", args.procedure.is_some(), Procedure),
        ("--description", args.description.is_some(), Description),
        ("--category", args.category.is_some(), Category),
        ("--left", args.left.is_some(), Left),
        (
            "--minutes-early",
            args.minutes_early.is_some(),
            MinutesEarly,
        ),
        ("--end", args.end.is_some(), Expected),
        ("--excused", args.excuse.excused.is_some(), Excuse),
        ("--reason-given", args.excuse.reason_given.is_some(), Excuse),
        ("--unexcused", args.unexcused, Excuse),
        ("--apology-on", o.apology_on.is_some(), Apology),
        ("--no-apology", args.no_apology, Apology),
        ("--new-due", o.new_due.is_some(), NewDue),
        ("--delay-cause", o.delay_cause.is_some(), DelayCause),
        ("--delay-stage", o.delay_stage.is_some(), DelayStage),
        ("--responsible", o.responsible.is_some(), Responsible),
        ("--channel", o.channel.is_some(), Channel),
    ];
    // `--expected` is the start a late arrival counts from, `--end` the end
    // of the session a departure counts to: each names its own kind.
    let wrong_time_flag = match kind {
        FindingKind::Late => args.end.is_some(),
        FindingKind::Early => args.expected.is_some(),
        _ => false,
    };
    if wrong_time_flag {
        let flag = if kind == FindingKind::Late {
            "--end"
        } else {
            "--expected"
        };
        return Err(Error::usage(t!(
            "records-flag-not-for-kind",
            flag = flag,
            kind = kind.as_str(),
            number = number,
        )));
    }
    // A task found unfinished concerns a unit, not a person to discipline.
    let decision_given = args.decision.discipline_form.is_some()
        || args.decision.decision.is_some()
        || args.decision.decided_on.is_some()
        || args.decision.decided_by.is_some()
        || args.decision.no_decision
        || args.decision.complex
        || args.decision.not_complex;
    if decision_given && kind.source_of(Person).is_none() {
        return Err(Error::usage(t!(
            "records-flag-not-for-kind",
            flag = "--discipline-form",
            kind = kind.as_str(),
            number = number,
        )));
    }
    for (flag, is_given, field) in given {
        let wrong_name = field == Person && flag != person_flag;
        if is_given && (wrong_name || kind.source_of(field) != Some(FieldSource::Typed)) {
            return Err(Error::usage(t!(
                "records-flag-not-for-kind",
                flag = flag,
                kind = kind.as_str(),
                number = number,
            )));
        }
    }
    Ok(())
}

/// The dates and times an edit was given, read before the logbook opens.
struct Typed {
    arrived: Option<NaiveTime>,
    expected: Option<NaiveTime>,
    left: Option<NaiveTime>,
    end: Option<NaiveTime>,
    decided_on: Option<NaiveDate>,
    due: Option<NaiveDate>,
    received: Option<NaiveDate>,
    returned: Option<NaiveDate>,
}

impl Typed {
    fn read(args: &EditArgs, today: NaiveDate) -> Result<Typed> {
        let time = |t: &Option<String>| t.as_deref().map(input::parse_time).transpose();
        let date = |d: &Option<String>| {
            d.as_deref()
                .map(|d| input::parse_date(d, today))
                .transpose()
        };
        // What has not happened yet cannot have a date.
        let past = |flag: &str, d: &Option<String>| {
            d.as_deref()
                .map(|d| input::parse_past_date(flag, d, today))
                .transpose()
        };
        Ok(Typed {
            arrived: time(&args.arrived)?,
            expected: time(&args.expected)?,
            left: time(&args.left)?,
            end: time(&args.end)?,
            decided_on: past("--decided-on", &args.decision.decided_on)?,
            due: date(&args.due)?,
            received: past("--received", &args.received)?,
            returned: past("--returned", &args.returned)?,
        })
    }
}

pub fn edit(ctx: &mut Ctx<'_>, args: EditArgs) -> Result<()> {
    let typed = Typed::read(&args, ctx.clock.today())?;
    let mut store = ctx.open(Access::Write)?;
    let current = findings::find(store.conn(), &args.id)?;
    check_flags_apply(&args, current.fields.kind, current.id)?;
    if current.voided_at.is_some() {
        return Err(Error::input(t!(
            "records-void-not-editable",
            number = current.id
        )));
    }
    let author = ctx.author();
    let reason = input::typed_text("--reason", TextKind::Free, args.reason.clone())?;
    let changed = store.write(|tx| {
        let target = visits::target(tx, Some(&format!("#{}", current.fields.visit_id)))?;
        let mut f = current.fields.clone();
        let mut added = None;
        let person_name =
            name("--person", args.person.clone())?.or(name("--officer", args.officer.clone())?);
        if let Some(name) = person_name {
            let named = people::named(tx, target.unit.id, &name, &author)?;
            f.person_id = Some(named.person.id);
            added = Some(named);
        }
        edit_kind_fields(ctx, &args, &typed, &target, current.id, &mut f)?;
        edit_decision(&args.decision, &typed, &mut f)?;
        agreed(&f)?;
        if args.action.is_some() {
            f.action = args.action;
        }
        if args.note.is_some() {
            f.note = input::typed_text("--note", TextKind::Free, args.note.clone())?;
        }
        let row = findings::update(tx, current.id, &f, reason.as_deref(), &author)?;
        Ok((row, added))
    })?;
    match changed {
        (Some(row), added) => {
            if let Some(named) = &added {
                say_who(ctx, store.conn(), named, row.id)?;
            }
            // A stamp is not a change; a person's uid changes with the name shown.
            let changes = crate::render::record_changes(
                &finding_record(&current),
                &finding_record(&row),
                &["updated_at", "logged_at", "person_uid"],
            );
            let line = t!(
                "records-edited",
                number = row.id,
                kind = render::term(row.fields.kind.as_str()),
                changes = changes.join("; "),
            );
            ctx.logged(&line, &finding_record(&row))
        }
        (None, _) => ctx.logged(
            &t!("records-unchanged", number = current.id),
            &finding_record(&current),
        ),
    }
}

/// Apply the flags of the finding's own kind to `f`, working its figures
/// out again from what changed.
fn edit_kind_fields(
    ctx: &Ctx<'_>,
    args: &EditArgs,
    typed: &Typed,
    target: &visits::Target,
    number: i64,
    f: &mut NewFinding,
) -> Result<()> {
    let visit_date = target.visit.started_at.date();
    match f.kind {
        FindingKind::Late
            if typed.arrived.is_some() || typed.expected.is_some() || args.minutes.is_some() =>
        {
            let arrived = typed.arrived.or(if args.minutes.is_some() {
                None
            } else {
                f.arrived_at
            });
            if arrived.is_none() && args.minutes.is_none() {
                return Err(Error::input(t!("records-no-arrival-time", number = number)));
            }
            let (arrived, expected, minutes) = late_figures(
                ctx,
                &target.unit,
                visit_date,
                arrived,
                args.minutes,
                typed.expected,
            )?;
            f.arrived_at = arrived;
            f.expected_at = expected;
            f.minutes_late = Some(minutes);
        }
        FindingKind::Early
            if typed.left.is_some() || typed.end.is_some() || args.minutes_early.is_some() =>
        {
            let left = typed.left.or(if args.minutes_early.is_some() {
                None
            } else {
                f.left_at
            });
            if left.is_none() && args.minutes_early.is_none() {
                return Err(Error::input(t!("records-no-left-time", number = number)));
            }
            let (left, end, minutes) = early_figures(
                ctx,
                &target.unit,
                visit_date,
                left,
                args.minutes_early,
                typed.end.or(f.expected_at),
                "--minutes-early",
            )?;
            f.left_at = left;
            f.expected_at = end;
            f.minutes_early = Some(minutes);
        }
        FindingKind::Absent => {
            if args.meeting.is_some() {
                f.meeting = input::typed_text("--meeting", TextKind::Line, args.meeting.clone())?;
            }
            if args.unexcused {
                f.excuse = None;
                f.description = None;
            }
            apply_excuse(f, &args.excuse)?;
            // An absence's description is the reason given for its excuse.
            if args.description.is_some() {
                if f.excuse.is_none() {
                    return Err(Error::usage(t!("field-reason-needs-excuse")));
                }
                f.description =
                    input::typed_text("--description", TextKind::Free, args.description.clone())?;
            }
        }
        FindingKind::Overdue => {
            if let Some(file_ref) =
                input::typed_text("--file-ref", TextKind::Line, args.file_ref.clone())?
            {
                f.file_ref = Some(file_ref);
            }
            if args.procedure.is_some() {
                f.procedure =
                    input::typed_text("--procedure", TextKind::Line, args.procedure.clone())?;
            }
            f.due_on = typed.due.or(f.due_on);
            f.received_on = typed.received.or(f.received_on);
            f.returned_on = typed.returned.or(f.returned_on);
            // A logbook changed behind spotcheck's back may lack the date;
            // `--due` then gives it.
            let Some(due) = f.due_on else {
                return Err(Error::input(t!("records-no-due-date", number = number)));
            };
            let (days, working) = overdue_figures(
                ctx,
                &target.unit,
                f.file_ref.as_deref().unwrap_or(""),
                due,
                f.received_on,
                f.returned_on,
                visit_date,
            )?;
            f.days_overdue = Some(days);
            f.working_days_overdue = Some(working);
            if args.no_apology {
                f.apology_on = None;
                f.new_due_on = None;
            }
            apply_overdue_details(f, &args.overdue, ctx.clock.today())?;
        }
        FindingKind::Other => {
            if let Some(description) =
                input::typed_text("--description", TextKind::Free, args.description.clone())?
            {
                f.description = Some(description);
            }
            if args.category.is_some() {
                f.category =
                    input::typed_text("--category", TextKind::Line, args.category.clone())?
                        .map(|c| input::category(&c));
            }
        }
        _ => {}
    }
    Ok(())
}

/// Record, change or clear the outcome of a proposed discipline.
fn edit_decision(args: &DecisionArgs, typed: &Typed, f: &mut NewFinding) -> Result<()> {
    let d = &mut f.decision;
    if args.no_decision {
        let complex = d.complex;
        *d = Decision {
            complex,
            ..Decision::default()
        };
    }
    if args.discipline_form.is_some() {
        d.form = args.discipline_form;
    }
    if args.decision.is_some() {
        d.reference = input::typed_text("--decision", TextKind::Line, args.decision.clone())?;
    }
    if typed.decided_on.is_some() {
        d.decided_on = typed.decided_on;
    }
    if args.decided_by.is_some() {
        d.decided_by = input::typed_text("--decided-by", TextKind::Line, args.decided_by.clone())?;
    }
    if args.complex {
        d.complex = true;
    }
    if args.not_complex {
        d.complex = false;
    }
    Ok(())
}

pub fn void(ctx: &mut Ctx<'_>, args: VoidArgs) -> Result<()> {
    let reason = input::typed_text("--reason", TextKind::Free, Some(args.reason.clone()))?
        .ok_or_else(|| Error::usage(t!("records-void-needs-reason")))?;
    let mut store = ctx.open(Access::Write)?;
    let current = findings::find(store.conn(), &args.id)?;
    let author = ctx.author();
    let row = store.write(|tx| findings::void(tx, current.id, &reason, &author))?;
    let line = t!(
        "records-voided",
        number = row.id,
        kind = render::term(row.fields.kind.as_str()),
        detail = finding_detail(&row),
        reason = reason.as_str(),
    );
    ctx.logged(&line, &finding_record(&row))
}

pub fn history(ctx: &mut Ctx<'_>, args: HistoryArgs) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let finding = match &args.id {
        Some(typed) => Some((
            history::Entity::Finding,
            findings::find(store.conn(), typed)?.id,
        )),
        None => None,
    };
    let entries = history::entries(store.conn(), finding)?;
    if entries.is_empty() && ctx.format == Format::Table {
        return ctx.note("no history yet");
    }
    ctx.table(&history_table(
        &store,
        &entries,
        ctx.for_people().then_some(&ctx.clock),
    )?)
}
