//! Bringing another logbook's records into this one.

use super::{Counts, stop_if_interrupted};
use crate::error::Result;
use crate::model::Records;
use crate::store::records::id_by_uid;
use crate::store::{
    Author, NewUnit, NewVisit, Origin, Store, UnitChange, findings, people, plans, tasks, units,
    visits,
};

/// What a merge did, per kind of record; `conflicts` counts records edited
/// on both sides, settled by the later edit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeCounts {
    pub counts: Counts,
    pub conflicts: u64,
}

#[derive(Debug, Clone, Default)]
pub struct MergeReport {
    pub units: MergeCounts,
    pub people: MergeCounts,
    pub visits: MergeCounts,
    pub findings: MergeCounts,
    pub plans: MergeCounts,
    pub tasks: MergeCounts,
}

/// Whether a record was changed after it was made: two versions differing
/// is a conflict only when both sides did so.
fn edited(created_at: &str, updated_at: &str) -> bool {
    created_at != updated_at
}

/// Which side's version of a record differing on both sides stays.
fn later_wins(local_updated: &str, other_updated: &str) -> bool {
    // RFC 3339 UTC stamps with milliseconds compare as text.
    other_updated > local_updated
}

/// Settle a record whose versions here and in the other logbook differ: the
/// later edit wins (`update` writes the other version here); when this
/// logbook's wins, the other version goes into the history beside it.
/// Both sides having edited the record is a conflict. Returns whether the
/// record here changed.
#[allow(clippy::too_many_arguments)]
fn settle(
    tx: &rusqlite::Transaction<'_>,
    other_conn: &rusqlite::Connection,
    records: Records,
    (local_id, local_created, local_updated): (i64, &str, &str),
    (other_id, other_created, other_updated): (i64, &str, &str),
    (kept, author): (&str, &Author),
    tally: &mut MergeCounts,
    update: impl FnOnce() -> Result<()>,
) -> Result<bool> {
    if later_wins(local_updated, other_updated) {
        update()?;
        if edited(local_created, local_updated) {
            tally.conflicts += 1;
        }
        return Ok(true);
    }
    let theirs = crate::store::records::snapshot(other_conn, records, other_id)?;
    if crate::store::records::keep_local(tx, records, local_id, &theirs, kept, author)?
        && edited(other_created, other_updated)
    {
        tally.conflicts += 1;
    }
    Ok(false)
}

/// The other logbook's version of a record that can be voided (a finding,
/// a plan, a task), with its fields already in this logbook's numbers.
struct Theirs<'a, F> {
    records: Records,
    id: i64,
    uid: &'a str,
    created_by: &'a str,
    created_at: &'a str,
    updated_at: &'a str,
    void: Option<(&'a str, &'a str)>,
    fields: F,
}

/// This logbook's version of the same record.
struct Ours<F> {
    fields: F,
    created_at: String,
    updated_at: String,
    void: bool,
}

/// The calls on one kind of voidable record that a merge makes here.
struct VoidableCalls<'c, F> {
    insert: &'c dyn Fn(&F, &Origin) -> Result<i64>,
    ours: &'c dyn Fn(i64) -> Result<Ours<F>>,
    update: &'c dyn Fn(i64, &F) -> Result<()>,
    void: &'c dyn Fn(i64, &str, &str) -> Result<()>,
}

/// Merge one voidable record: add it when this logbook lacks it (`local`
/// is `None`), else settle the two versions; a void is never undone, and is
/// carried over when the other side has one. Returns its number here.
fn merge_voidable<F: PartialEq>(
    tx: &rusqlite::Transaction<'_>,
    other_conn: &rusqlite::Connection,
    theirs: Theirs<'_, F>,
    local: Option<i64>,
    (kept, author): (&str, &Author),
    tally: &mut MergeCounts,
    calls: VoidableCalls<'_, F>,
) -> Result<i64> {
    let Some(local_id) = local else {
        let origin = Origin {
            uid: Some(theirs.uid.to_string()),
            created_by: Some(theirs.created_by.to_string()),
            created_at: Some(theirs.created_at.to_string()),
            updated_at: Some(theirs.updated_at.to_string()),
        };
        let added = (calls.insert)(&theirs.fields, &origin)?;
        if let Some((at, reason)) = theirs.void {
            (calls.void)(added, reason, at)?;
        }
        tally.counts.new += 1;
        return Ok(added);
    };
    let ours = (calls.ours)(local_id)?;
    let mut changed = false;
    if ours.fields != theirs.fields {
        changed = settle(
            tx,
            other_conn,
            theirs.records,
            (local_id, &ours.created_at, &ours.updated_at),
            (theirs.id, theirs.created_at, theirs.updated_at),
            (kept, author),
            tally,
            || (calls.update)(local_id, &theirs.fields),
        )?;
    }
    if let (Some((at, reason)), false) = (theirs.void, ours.void) {
        (calls.void)(local_id, reason, at)?;
        changed = true;
    }
    if changed {
        tally.counts.updated += 1;
    } else {
        tally.counts.unchanged += 1;
    }
    Ok(local_id)
}

/// Bring `other` into `store` in one transaction: units by code, people by
/// unit and folded name, visits and findings by uid. The later edit wins a
/// conflict and the history keeps both versions; merging again changes nothing.
/// The number of records `merge` will go through in `other`.
pub fn records_in(other: &Store) -> Result<u64> {
    let conn = other.conn();
    let mut total = 0;
    for records in [
        Records::Units,
        Records::People,
        Records::Visits,
        Records::Findings,
        Records::Plans,
        Records::Tasks,
    ] {
        total += crate::store::records::count(conn, records)?;
    }
    Ok(total)
}

pub fn merge(
    store: &mut Store,
    other: &Store,
    source: &str,
    author: &Author,
    progress: &dyn Fn(u64),
) -> Result<MergeReport> {
    use std::collections::HashMap;
    let other_conn = other.conn();
    let other_units = units::all(other_conn)?;
    let other_people = people::list(other_conn, None)?;
    let other_visits = visits::list(other_conn, &visits::VisitFilter::default())?;
    let other_findings = findings::list(
        other_conn,
        &findings::FindingFilter {
            include_void: true,
            ..Default::default()
        },
    )?;
    let other_plans = plans::list(other_conn, true)?;
    let other_tasks = tasks::list(
        other_conn,
        &tasks::TaskFilter {
            include_void: true,
            ..Default::default()
        },
    )?;
    let won = format!("merged from {source}: edited there later");
    let kept = format!("kept: edited here later than in {source}");
    store.write(|tx| {
        let mut report = MergeReport::default();
        let mut unit_ids: HashMap<i64, i64> = HashMap::new();
        for unit in &other_units {
            stop_if_interrupted()?;
            let tally = &mut report.units;
            let origin = Origin {
                uid: Some(unit.uid.clone()),
                created_by: None,
                created_at: Some(unit.created_at.clone()),
                updated_at: Some(unit.updated_at.clone()),
            };
            let new = NewUnit {
                code: unit.code.clone(),
                name: unit.name.clone(),
                kind: unit.kind,
                morning_start: unit.morning_start,
                afternoon_start: unit.afternoon_start,
            };
            let local = match units::by_code(tx, &unit.code)? {
                Some(local) => local,
                None => {
                    let origin = Origin {
                        uid: id_by_uid(tx, Records::Units, &unit.uid)?
                            .is_none()
                            .then(|| unit.uid.clone()),
                        ..origin
                    };
                    let added = units::insert_from(tx, &new, &origin, author)?;
                    unit_ids.insert(unit.id, added.id);
                    tally.counts.new += 1;
                    continue;
                }
            };
            unit_ids.insert(unit.id, local.id);
            let same = local.name == unit.name
                && local.kind == unit.kind
                && local.morning_start == unit.morning_start
                && local.afternoon_start == unit.afternoon_start;
            if same {
                tally.counts.unchanged += 1;
            } else {
                let change = UnitChange {
                    name: Some(unit.name.clone()),
                    kind: Some(unit.kind),
                    morning_start: Some(unit.morning_start),
                    afternoon_start: Some(unit.afternoon_start),
                };
                let changed = settle(
                    tx,
                    other_conn,
                    Records::Units,
                    (local.id, &local.created_at, &local.updated_at),
                    (unit.id, &unit.created_at, &unit.updated_at),
                    (&kept, author),
                    tally,
                    || {
                        units::update_from(tx, local.id, &change, Some(&unit.updated_at), author)
                            .map(drop)
                    },
                )?;
                if changed {
                    tally.counts.updated += 1;
                } else {
                    tally.counts.unchanged += 1;
                }
            }
        }

        let mut person_ids: HashMap<i64, i64> = HashMap::new();
        for person in &other_people {
            stop_if_interrupted()?;
            let tally = &mut report.people;
            let unit_id = unit_ids[&person.unit_id];
            let local = match people::find(tx, unit_id, &person.name)? {
                Some(local) => local,
                None => {
                    let origin = Origin {
                        uid: id_by_uid(tx, Records::People, &person.uid)?
                            .is_none()
                            .then(|| person.uid.clone()),
                        created_by: None,
                        created_at: Some(person.created_at.clone()),
                        updated_at: Some(person.updated_at.clone()),
                    };
                    let added = people::insert_from(
                        tx,
                        unit_id,
                        &person.name,
                        person.position.as_deref(),
                        &origin,
                        author,
                    )?;
                    person_ids.insert(person.id, added.id);
                    tally.counts.new += 1;
                    continue;
                }
            };
            person_ids.insert(person.id, local.id);
            if local.position == person.position || person.position.is_none() {
                tally.counts.unchanged += 1;
            } else if local.position.is_none() || later_wins(&local.updated_at, &person.updated_at)
            {
                people::set_position(
                    tx,
                    local.id,
                    person.position.as_deref(),
                    Some(&person.updated_at),
                    author,
                )?;
                tally.counts.updated += 1;
            } else {
                tally.counts.unchanged += 1;
            }
        }

        for plan in &other_plans {
            stop_if_interrupted()?;
            let fields = plans::NewPlan {
                unit_id: plan.fields.unit_id.map(|id| unit_ids[&id]),
                ..plan.fields.clone()
            };
            // The same plan by uid, or the plan in force here for the same
            // unit from the same month, which the other logbook set apart.
            let local = match id_by_uid(tx, Records::Plans, &plan.uid)? {
                Some(id) => Some(id),
                None if plan.voided_at.is_none() => {
                    plans::starting(tx, fields.unit_id, fields.from)?.map(|p| p.id)
                }
                None => None,
            };
            let theirs = Theirs {
                records: Records::Plans,
                id: plan.id,
                uid: &plan.uid,
                created_by: &plan.created_by,
                created_at: &plan.created_at,
                updated_at: &plan.updated_at,
                void: plan.voided_at.as_deref().zip(plan.void_reason.as_deref()),
                fields,
            };
            merge_voidable(
                tx,
                other_conn,
                theirs,
                local,
                (&kept, author),
                &mut report.plans,
                VoidableCalls {
                    insert: &|fields, origin| plans::insert_from(tx, fields, origin, author),
                    ours: &|id| {
                        let ours = plans::get(tx, id)?;
                        Ok(Ours {
                            fields: ours.fields,
                            created_at: ours.created_at,
                            updated_at: ours.updated_at,
                            void: ours.voided_at.is_some(),
                        })
                    },
                    update: &|id, fields| {
                        let at = Some(plan.updated_at.as_str());
                        plans::update_from(tx, id, fields, Some(&won), at, author).map(drop)
                    },
                    void: &|id, reason, at| plans::void_from(tx, id, reason, at, author).map(drop),
                },
            )?;
        }

        let mut task_ids: HashMap<i64, i64> = HashMap::new();
        for task in &other_tasks {
            stop_if_interrupted()?;
            let theirs = Theirs {
                records: Records::Tasks,
                id: task.id,
                uid: &task.uid,
                created_by: &task.created_by,
                created_at: &task.created_at,
                updated_at: &task.updated_at,
                void: task.voided_at.as_deref().zip(task.void_reason.as_deref()),
                fields: tasks::NewTask {
                    unit_id: unit_ids[&task.fields.unit_id],
                    ..task.fields.clone()
                },
            };
            let local = id_by_uid(tx, Records::Tasks, &task.uid)?;
            let id = merge_voidable(
                tx,
                other_conn,
                theirs,
                local,
                (&kept, author),
                &mut report.tasks,
                VoidableCalls {
                    insert: &|fields, origin| tasks::insert_from(tx, fields, origin, author),
                    ours: &|id| {
                        let ours = tasks::get(tx, id)?;
                        Ok(Ours {
                            fields: ours.fields,
                            created_at: ours.created_at,
                            updated_at: ours.updated_at,
                            void: ours.voided_at.is_some(),
                        })
                    },
                    update: &|id, fields| {
                        let at = Some(task.updated_at.as_str());
                        tasks::update_from(tx, id, fields, Some(&won), at, author).map(drop)
                    },
                    void: &|id, reason, at| tasks::void_from(tx, id, reason, at, author).map(drop),
                },
            )?;
            task_ids.insert(task.id, id);
        }

        let mut visit_ids: HashMap<i64, i64> = HashMap::new();
        let base =
            (other_units.len() + other_people.len() + other_plans.len() + other_tasks.len()) as u64;
        progress(base);
        for (done, visit) in other_visits.iter().enumerate() {
            stop_if_interrupted()?;
            if done % 1024 == 0 {
                progress(base + done as u64);
            }
            let tally = &mut report.visits;
            let new = NewVisit {
                unit_id: unit_ids[&visit.unit_id],
                started_at: visit.started_at,
                ended_at: visit.ended_at,
                announced: visit.announced,
                team: visit.team.clone(),
                on_roll: visit.on_roll,
                present: visit.present,
                note: visit.note.clone(),
            };
            let Some(local_id) = id_by_uid(tx, Records::Visits, &visit.uid)? else {
                let origin = Origin {
                    uid: Some(visit.uid.clone()),
                    created_by: Some(visit.created_by.clone()),
                    created_at: Some(visit.created_at.clone()),
                    updated_at: Some(visit.updated_at.clone()),
                };
                let added = visits::insert_from(tx, &new, &origin, author)?;
                visit_ids.insert(visit.id, added.id);
                tally.counts.new += 1;
                continue;
            };
            visit_ids.insert(visit.id, local_id);
            let local = visits::get(tx, local_id)?;
            let same = local.unit_id == new.unit_id
                && local.started_at == new.started_at
                && local.ended_at == new.ended_at
                && local.announced == new.announced
                && local.team == new.team
                && local.on_roll == new.on_roll
                && local.present == new.present
                && local.note == new.note;
            if same {
                tally.counts.unchanged += 1;
            } else {
                let changed = settle(
                    tx,
                    other_conn,
                    Records::Visits,
                    (local_id, &local.created_at, &local.updated_at),
                    (visit.id, &visit.created_at, &visit.updated_at),
                    (&kept, author),
                    tally,
                    || {
                        visits::update_from(
                            tx,
                            local_id,
                            &new,
                            Some(&visit.updated_at),
                            Some(&won),
                            author,
                        )
                        .map(drop)
                    },
                )?;
                if changed {
                    tally.counts.updated += 1;
                } else {
                    tally.counts.unchanged += 1;
                }
            }
        }

        let base = base + other_visits.len() as u64;
        for (done, finding) in other_findings.iter().enumerate() {
            stop_if_interrupted()?;
            if done % 1024 == 0 {
                progress(base + done as u64);
            }
            let mut fields = finding.fields.clone();
            fields.visit_id = visit_ids[&finding.fields.visit_id];
            fields.person_id = finding.fields.person_id.map(|id| person_ids[&id]);
            fields.task_id = finding.fields.task_id.map(|id| task_ids[&id]);
            let theirs = Theirs {
                records: Records::Findings,
                id: finding.id,
                uid: &finding.uid,
                created_by: &finding.logged_by,
                created_at: &finding.logged_at,
                updated_at: &finding.updated_at,
                void: finding
                    .voided_at
                    .as_deref()
                    .zip(finding.void_reason.as_deref()),
                fields,
            };
            let local = id_by_uid(tx, Records::Findings, &finding.uid)?;
            merge_voidable(
                tx,
                other_conn,
                theirs,
                local,
                (&kept, author),
                &mut report.findings,
                VoidableCalls {
                    insert: &|fields, origin| findings::insert_from(tx, fields, origin, author),
                    ours: &|id| {
                        let ours = findings::get(tx, id)?;
                        Ok(Ours {
                            fields: ours.fields,
                            created_at: ours.logged_at,
                            updated_at: ours.updated_at,
                            void: ours.voided_at.is_some(),
                        })
                    },
                    update: &|id, fields| {
                        let at = Some(finding.updated_at.as_str());
                        findings::update_from(tx, id, fields, Some(&won), at, author).map(drop)
                    },
                    void: &|id, reason, at| {
                        findings::void_from(tx, id, reason, at, author).map(drop)
                    },
                },
            )?;
        }
        Ok(report)
    })
}
