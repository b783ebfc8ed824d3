//! Importing a finding: the fields its kind holds, its person, and what a
//! void finding keeps.

use super::csv_file::Row;
use super::import::{ImportContext, Outcome, row_void, upsert};
use crate::error::{Error, Result};
use crate::fold::identity;
use crate::input;
use crate::model::Records;
use crate::model::limits::{DAYS_OVERDUE, MINUTES_LATE};
use crate::model::{
    Action, Channel, DelayStage, DisciplineForm, Excuse, FindingField, FindingKind,
};
use crate::rules::{self, Broken, Disagreement};
use crate::store::records::id_by_uid;
use crate::store::{Decision, NewFinding, Origin, findings, people, tasks, units, visits};

/// What earlier rows of an import looked up: an export lists a visit's
/// findings together, and a unit's staff again and again.
#[derive(Default)]
pub(super) struct Lookups {
    /// Whether the logbook held findings when the import began.
    findings_before: bool,
    visit: Option<(String, visits::VisitRow)>,
    /// The unit code of the row before and the unit that keeps its visits
    /// now: rows come unit by unit, and units do not change in an import.
    unit: Option<(String, Option<i64>)>,
    people: std::collections::HashMap<(i64, String), i64>,
}

impl Lookups {
    pub(super) fn new(findings_before: bool) -> Lookups {
        Lookups {
            findings_before,
            ..Lookups::default()
        }
    }
}

/// The columns of a findings file that hold a field only some kinds have.
const FINDING_FIELD_COLUMNS: [(&str, FindingField); 31] = [
    ("person", FindingField::Person),
    ("person_uid", FindingField::Person),
    ("position", FindingField::Person),
    ("arrived_at", FindingField::Arrived),
    ("expected_at", FindingField::Expected),
    ("minutes_late", FindingField::MinutesLate),
    ("meeting", FindingField::Meeting),
    ("file_ref", FindingField::FileRef),
    ("procedure", FindingField::Procedure),
    ("received_on", FindingField::Received),
    ("due_on", FindingField::Due),
    ("returned_on", FindingField::Returned),
    ("days_overdue", FindingField::DaysOverdue),
    ("working_days_overdue", FindingField::WorkingDaysOverdue),
    ("category", FindingField::Category),
    ("description", FindingField::Description),
    ("task_uid", FindingField::Task),
    ("excuse", FindingField::Excuse),
    ("left_at", FindingField::Left),
    ("minutes_early", FindingField::MinutesEarly),
    ("apology_on", FindingField::Apology),
    ("new_due_on", FindingField::NewDue),
    ("delay_cause", FindingField::DelayCause),
    ("delay_stage", FindingField::DelayStage),
    ("responsible", FindingField::Responsible),
    ("channel", FindingField::Channel),
    // A decision disciplines a person: only the kinds about a person hold one.
    ("discipline_form", FindingField::Person),
    ("decision_ref", FindingField::Person),
    ("decided_on", FindingField::Person),
    ("decided_by", FindingField::Person),
    ("complex_case", FindingField::Person),
];

pub(super) fn import_finding(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    reason: &str,
    lookups: &mut Lookups,
) -> Result<Outcome> {
    let visit = row_visit(tx, row, lookups)?;
    let (kind, uid, existing) = row_kind_and_existing(tx, row, lookups)?;
    let mut finding = row_fields(row, ctx, visit.id, kind)?;
    if let Some(current) = &existing {
        keep_fields_not_in_file(row, &current.fields, &mut finding);
    }
    let person_name = row.name("person")?;
    kind_figures(tx, row, ctx, &visit, &mut finding, person_name.as_deref())?;
    rules::finding_agrees(&finding).map_err(|d| imported_disagreement(row, d))?;
    if let Some(name) = &person_name {
        finding.person_id = Some(row_person(tx, row, ctx, visit.unit_id, name, lookups)?);
    }
    // A finding of a visit voided here is void with it.
    let void = row_void(row)?.or_else(|| visit.voided_at.clone().zip(visit.void_reason.clone()));
    if let Some(current) = &existing
        && current.voided_at.is_some()
        && let Some(column) = first_difference(&current.fields, &finding)
    {
        // As `edit` refuses: a void finding stays as it was when voided.
        return Err(row.error(
            column,
            t!("exchange-void-not-editable", number = current.id),
        ));
    }
    let origin = Origin {
        uid,
        created_by: row.name("logged_by")?,
        created_at: row.stamp("logged_at")?,
        updated_at: None,
        reason: None,
    };
    let author = &ctx.author;
    upsert(
        row,
        existing.map(|current| current.id),
        void,
        || findings::insert_from(tx, &finding, &origin, author),
        |id| Ok(findings::update_from(tx, id, &finding, Some(reason), None, author)?.is_some()),
        |id| {
            let current = findings::get(tx, id)?;
            Ok(current.voided_at.zip(current.void_reason))
        },
        |id, why, at| findings::void_from(tx, id, why, at, author).map(drop),
    )
}

/// The visit a row names, checked against the row's unit; an export lists
/// a visit's findings together, so the last one is kept at hand.
fn row_visit(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    lookups: &mut Lookups,
) -> Result<visits::VisitRow> {
    let visit_uid = row
        .uid("visit_uid")?
        .ok_or_else(|| row.error("visit_uid", t!("exchange-empty")))?;
    let visit = match lookups.visit.take() {
        Some((uid, visit)) if uid == visit_uid => visit,
        _ => {
            let visit_id = id_by_uid(tx, Records::Visits, &visit_uid)?.ok_or_else(|| {
                row.error(
                    "visit_uid",
                    t!("exchange-no-visit", uid = visit_uid.as_str()),
                )
            })?;
            visits::get(tx, visit_id)?
        }
    };
    lookups.visit = Some((visit_uid.clone(), visit.clone()));
    // A unit merged into another here has its visits there now.
    let named_unit = match row.text("unit_code")? {
        Some(code) => match lookups.unit.take() {
            Some((same, unit_id)) if same == code => Some((code, unit_id)),
            _ => match units::normalise_code(&code)
                .ok()
                .map(|c| units::by_code(tx, &c))
                .transpose()?
                .flatten()
            {
                Some(unit) => Some((code, Some(units::kept(tx, unit)?.id))),
                None => Some((code, None)),
            },
        },
        None => None,
    };
    lookups.unit = named_unit.clone();
    if let Some((code, unit_id)) = named_unit
        && unit_id != Some(visit.unit_id)
    {
        return Err(row.error(
            "unit_code",
            t!(
                "exchange-not-visit-unit",
                code = code.as_str(),
                visit = visit_uid.as_str(),
                visit_unit = visit.unit_code.as_str()
            ),
        ));
    }
    Ok(visit)
}

/// The row's kind, and the finding it updates when its uid is here already.
fn row_kind_and_existing(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    lookups: &Lookups,
) -> Result<(FindingKind, Option<String>, Option<findings::FindingRow>)> {
    let kind: FindingKind = row
        .parse("kind", |k| k.parse())?
        .ok_or_else(|| row.error("kind", t!("exchange-empty")))?;
    let uid = row.uid("uid")?;
    let existing = match &uid {
        Some(uid) if lookups.findings_before => {
            id_by_uid(tx, Records::Findings, uid)?.map(|id| findings::get(tx, id))
        }
        _ => None,
    }
    .transpose()?;
    if let Some(current) = &existing
        && current.fields.kind != kind
    {
        // Another kind's figures would be dropped or mixed in with its own.
        return Err(row.error(
            "kind",
            t!(
                "exchange-kind-changed",
                number = current.id,
                kind = current.fields.kind.to_string(),
                new = kind.to_string()
            ),
        ));
    }
    Ok((kind, uid, existing))
}

/// The fields the row gives, each checked as typed; a column of a field
/// the row's kind does not hold must be empty.
fn row_fields(
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    visit_id: i64,
    kind: FindingKind,
) -> Result<NewFinding> {
    // A field of another kind would be stored on this finding, or counted in
    // reports as if it applied.
    if let Some((column, field)) = FINDING_FIELD_COLUMNS
        .iter()
        .find(|(column, field)| kind.source_of(*field).is_none() && row.given(column))
    {
        let holders: Vec<String> = FindingKind::holding(*field)
            .map(|kind| format!("`{kind}`"))
            .collect();
        return Err(row.error(
            column,
            t!(
                "exchange-other-kind",
                applies_to = holders.join(", "),
                kind = kind.to_string()
            ),
        ));
    }
    let today = ctx.clock.today();
    let date = |text: &str| input::parse_date(text, today);
    let mut finding = NewFinding::new(visit_id, kind);
    finding.arrived_at = row.parse("arrived_at", input::parse_time)?;
    finding.expected_at = row.parse("expected_at", input::parse_time)?;
    finding.minutes_late = row.count("minutes_late", MINUTES_LATE)?;
    finding.meeting = row.text("meeting")?;
    finding.file_ref = row.text("file_ref")?;
    finding.procedure = row.text("procedure")?;
    finding.received_on = row.parse("received_on", date)?;
    finding.due_on = row.parse("due_on", date)?;
    finding.returned_on = row.parse("returned_on", date)?;
    finding.days_overdue = row.count("days_overdue", 1..=*DAYS_OVERDUE.end())?;
    finding.working_days_overdue = row.count("working_days_overdue", DAYS_OVERDUE)?;
    if let (Some(days), Some(working)) = (finding.days_overdue, finding.working_days_overdue)
        && working > days
    {
        return Err(row.error(
            "working_days_overdue",
            t!(
                "exchange-working-over-calendar",
                working = working,
                days = days
            ),
        ));
    }
    finding.category = row.text("category")?;
    finding.description = row.free_text("description")?;
    finding.action = row.parse("action", |a| a.parse::<Action>())?;
    finding.note = row.free_text("note")?;
    finding.excuse = row.parse("excuse", |e| e.parse::<Excuse>())?;
    finding.left_at = row.parse("left_at", input::parse_time)?;
    finding.minutes_early = row.count("minutes_early", MINUTES_LATE)?;
    // What has not happened yet cannot have a date.
    let past = |column: &'static str| {
        row.parse(column, |text| input::parse_past_date(column, text, today))
    };
    finding.apology_on = past("apology_on")?;
    finding.new_due_on = row.parse("new_due_on", date)?;
    finding.delay_cause = row.free_text("delay_cause")?;
    finding.delay_stage = row.parse("delay_stage", |s| s.parse::<DelayStage>())?;
    finding.responsible = row.text("responsible")?;
    finding.channel = row.parse("channel", |c| c.parse::<Channel>())?;
    finding.decision = Decision {
        form: row.parse("discipline_form", |f| f.parse::<DisciplineForm>())?,
        reference: row.text("decision_ref")?,
        decided_on: past("decided_on")?,
        decided_by: row.text("decided_by")?,
        complex: row.flag("complex_case")?,
    };
    Ok(finding)
}

/// A file written before a column was added to exports says nothing of
/// that field: the finding keeps the value it has here rather than lose it.
fn keep_fields_not_in_file(row: &Row<'_>, current: &NewFinding, finding: &mut NewFinding) {
    macro_rules! keep {
        ($($column:literal => $($field:ident).+),+ $(,)?) => {$(
            if !row.has($column) {
                finding.$($field).+ = current.$($field).+.clone();
            }
        )+};
    }
    keep!(
        "excuse" => excuse,
        "left_at" => left_at,
        "minutes_early" => minutes_early,
        "apology_on" => apology_on,
        "new_due_on" => new_due_on,
        "delay_cause" => delay_cause,
        "delay_stage" => delay_stage,
        "responsible" => responsible,
        "channel" => channel,
        "discipline_form" => decision.form,
        "decision_ref" => decision.reference,
        "decided_on" => decision.decided_on,
        "decided_by" => decision.decided_by,
        "complex_case" => decision.complex,
    );
    // Before absences had excuses, an absence's description was always
    // empty: such a file says nothing of the reason given.
    if !row.has("excuse") && current.kind == FindingKind::Absent {
        finding.description = current.description.clone();
    }
}

/// What the row's kind needs, and the figures worked out by the rules when
/// the row does not give them.
fn kind_figures(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    visit: &visits::VisitRow,
    finding: &mut NewFinding,
    person_name: Option<&str>,
) -> Result<()> {
    let kind = finding.kind;
    let unit = units::get(tx, visit.unit_id)?;
    // Working days are counted in the week of the unit where it was found.
    let calendar = ctx.settings.calendar().for_unit(unit.week);
    match kind {
        FindingKind::Late => {
            if person_name.is_none() {
                return Err(row.error("person", t!("exchange-late-needs-person")));
            }
            if finding.minutes_late.is_none() {
                let arrived = finding
                    .arrived_at
                    .ok_or_else(|| row.error("minutes_late", t!("exchange-late-needs-minutes")))?;
                let own = unit.own_hours();
                let date = visit.started_at.date();
                let (expected, minutes) =
                    rules::lateness(calendar, own, date, arrived, finding.expected_at)
                        .map_err(|broken| imported_refusal(row, broken))?;
                finding.expected_at = Some(expected);
                finding.minutes_late = Some(minutes);
            }
        }
        FindingKind::Absent => {
            if person_name.is_none() {
                return Err(row.error("person", t!("exchange-absent-needs-person")));
            }
        }
        FindingKind::Early => {
            if person_name.is_none() {
                return Err(row.error("person", t!("exchange-early-needs-person")));
            }
            if finding.minutes_early.is_none() {
                let left = finding.left_at.ok_or_else(|| {
                    row.error("minutes_early", t!("exchange-early-needs-minutes"))
                })?;
                let own = unit.own_hours();
                let (end, minutes) = rules::leaving_early(
                    calendar,
                    own,
                    visit.started_at.date(),
                    left,
                    finding.expected_at,
                )
                .map_err(|broken| imported_refusal(row, broken))?;
                finding.expected_at = Some(end);
                finding.minutes_early = Some(minutes);
            }
        }
        FindingKind::Overdue => {
            if finding.file_ref.is_none() {
                return Err(row.error("file_ref", t!("exchange-overdue-needs-file")));
            }
            let due = finding
                .due_on
                .ok_or_else(|| row.error("due_on", t!("exchange-overdue-needs-due")))?;
            // A file received after its promised date is refused even when
            // the row gives its days, as it is when typed.
            let figures = rules::file_overdue(
                calendar,
                due,
                finding.received_on,
                finding.returned_on,
                visit.started_at.date(),
            );
            match figures {
                Err(broken @ Broken::ReceivedAfterDue { .. }) => {
                    return Err(imported_refusal(row, broken));
                }
                _ if finding.days_overdue.is_some() && finding.working_days_overdue.is_some() => {}
                Ok((days, working)) => {
                    finding.days_overdue = Some(days);
                    finding.working_days_overdue = Some(working);
                }
                Err(broken) => return Err(imported_refusal(row, broken)),
            }
        }
        FindingKind::Other => {
            if finding.description.is_none() {
                return Err(row.error("description", t!("exchange-other-needs-description")));
            }
        }
        FindingKind::Task => {
            let uid = row
                .uid("task_uid")?
                .ok_or_else(|| row.error("task_uid", t!("exchange-task-needs-task")))?;
            let task = id_by_uid(tx, Records::Tasks, &uid)?
                .ok_or_else(|| row.error("task_uid", t!("exchange-no-task", uid = uid.as_str())))?;
            let task = tasks::get(tx, task)?;
            if task.fields.unit_id != visit.unit_id {
                return Err(row.error(
                    "task_uid",
                    t!("exchange-task-other-unit", unit = task.unit_name.as_str()),
                ));
            }
            finding.task_id = Some(task.id);
            finding.due_on = Some(task.fields.due_on);
            if finding.description.is_none() {
                finding.description = Some(task.fields.text.clone());
            }
            if finding.days_overdue.is_none() || finding.working_days_overdue.is_none() {
                let (days, working) =
                    rules::task_late(calendar, task.fields.due_on, visit.started_at.date())
                        .map_err(|broken| imported_refusal(row, broken))?;
                finding.days_overdue = Some(days);
                finding.working_days_overdue = Some(working);
            }
        }
    }
    Ok(())
}

/// The person a row names, among the unit's staff, added when new.
fn row_person(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    unit_id: i64,
    name: &str,
    lookups: &mut Lookups,
) -> Result<i64> {
    // The record the finding was about, by uid, whatever its name or unit
    // now: a person corrected or moved since is still that person.
    let uid = row.uid("person_uid")?;
    // A finding about a person joined to another is about the person kept.
    if let Some(uid) = &uid
        && let Some(id) = id_by_uid(tx, Records::People, uid)?
    {
        return people::root_id(tx, id);
    }
    let key = (unit_id, identity(name));
    if let Some(id) = lookups.people.get(&key) {
        return Ok(*id);
    }
    let id = match people::find(tx, unit_id, name)? {
        Some(person) => person.alias_of.unwrap_or(person.id),
        None => {
            let position = row.text("position")?;
            // A person new here keeps the uid the file gives them.
            let origin = Origin {
                uid,
                ..Origin::default()
            };
            people::insert_from(
                tx,
                unit_id,
                name,
                (position.as_deref(), None),
                &origin,
                &ctx.author,
            )?
            .id
        }
    };
    lookups.people.insert(key, id);
    Ok(id)
}

/// A broken rule, worded for the columns of an import row.
fn imported_refusal(row: &Row<'_>, broken: Broken) -> Error {
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    match broken {
        Broken::NotLate { arrived, expected } => row.error(
            "arrived_at",
            t!(
                "exchange-not-late",
                arrived = arrived.format("%H:%M").to_string(),
                expected = expected.format("%H:%M").to_string()
            ),
        ),
        Broken::ReceivedAfterDue { received, due } => row.error(
            "received_on",
            t!(
                "exchange-received-after-due",
                received = day(received),
                due = day(due)
            ),
        ),
        Broken::NotOverdue { due, as_of, .. } => row.error(
            "due_on",
            t!("exchange-not-overdue", due = day(due), as_of = day(as_of)),
        ),
        Broken::NotEarly { left, end } => row.error(
            "left_at",
            t!(
                "exchange-not-early",
                left = left.format("%H:%M").to_string(),
                end = end.format("%H:%M").to_string()
            ),
        ),
        Broken::TaskNotDue { due, day: visit } => row.error(
            "due_on",
            t!("exchange-task-not-late", due = day(due), visit = day(visit)),
        ),
    }
}

/// A row whose fields contradict each other, told with the column to mend.
fn imported_disagreement(row: &Row<'_>, disagreement: Disagreement) -> Error {
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    match disagreement {
        Disagreement::FormWithoutDay => row.error("decided_on", t!("exchange-form-needs-day")),
        Disagreement::NewDueBeforeApology { apology, new_due } => row.error(
            "new_due_on",
            t!(
                "field-new-due-before-apology",
                new_due = day(new_due),
                apology = day(apology)
            ),
        ),
        Disagreement::OtherExcuseWithoutReason => {
            row.error("description", t!("exchange-other-excuse-needs-reason"))
        }
        Disagreement::DecisionWithoutPerson => {
            row.error("discipline_form", t!("exchange-decision-without-person"))
        }
    }
}

/// The first column in which an import row would change a finding.
fn first_difference(current: &NewFinding, new: &NewFinding) -> Option<&'static str> {
    let differs = [
        ("visit_uid", current.visit_id != new.visit_id),
        ("person", current.person_id != new.person_id),
        ("arrived_at", current.arrived_at != new.arrived_at),
        ("expected_at", current.expected_at != new.expected_at),
        ("minutes_late", current.minutes_late != new.minutes_late),
        ("meeting", current.meeting != new.meeting),
        ("file_ref", current.file_ref != new.file_ref),
        ("procedure", current.procedure != new.procedure),
        ("received_on", current.received_on != new.received_on),
        ("due_on", current.due_on != new.due_on),
        ("returned_on", current.returned_on != new.returned_on),
        ("days_overdue", current.days_overdue != new.days_overdue),
        (
            "working_days_overdue",
            current.working_days_overdue != new.working_days_overdue,
        ),
        ("category", current.category != new.category),
        ("description", current.description != new.description),
        ("action", current.action != new.action),
        ("note", current.note != new.note),
        ("task_uid", current.task_id != new.task_id),
        ("excuse", current.excuse != new.excuse),
        ("left_at", current.left_at != new.left_at),
        ("minutes_early", current.minutes_early != new.minutes_early),
        ("apology_on", current.apology_on != new.apology_on),
        ("new_due_on", current.new_due_on != new.new_due_on),
        ("delay_cause", current.delay_cause != new.delay_cause),
        ("delay_stage", current.delay_stage != new.delay_stage),
        ("responsible", current.responsible != new.responsible),
        ("channel", current.channel != new.channel),
        (
            "discipline_form",
            current.decision.form != new.decision.form,
        ),
        (
            "decision_ref",
            current.decision.reference != new.decision.reference,
        ),
        (
            "decided_on",
            current.decision.decided_on != new.decision.decided_on,
        ),
        (
            "decided_by",
            current.decision.decided_by != new.decision.decided_by,
        ),
        (
            "complex_case",
            current.decision.complex != new.decision.complex,
        ),
    ];
    differs
        .iter()
        .find(|(_, differs)| *differs)
        .map(|(column, _)| *column)
        .or((current != new).then_some("kind"))
}
