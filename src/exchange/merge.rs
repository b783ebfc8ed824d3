//! Bringing another logbook's records into this one.

use std::collections::HashMap;

use super::{Counts, stop_if_interrupted};
use crate::error::{Error, Result};
use crate::model::Records;
use crate::store::people::PersonChange;
use crate::store::records::id_by_uid;
use crate::store::{
    Author, NewUnit, NewVisit, Origin, PersonRow, Store, UnitChange, findings, people, plans,
    tasks, units, visits,
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
    /// Units of the other logbook added under their own code though a unit
    /// here has the same name: most likely one unit under two codes.
    pub likely_duplicates: Vec<LikelyDuplicate>,
}

/// A unit added by a merge whose name a unit here already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LikelyDuplicate {
    /// The unit here, which a `unit merge` would keep.
    pub keep: String,
    pub keep_name: String,
    /// The unit the merge added.
    pub other: String,
    pub other_name: String,
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

/// Bring `other` into `store` in one transaction: units by uid, then by
/// code; people by unit and name; visits and findings by uid. The later edit wins a
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

/// `unverified` is what `check` found wrong with the other logbook when it
/// is merged all the same; the history says so beside every change.
pub fn merge(
    store: &mut Store,
    other: &Store,
    (source, unverified): (&str, Option<&str>),
    author: &Author,
    progress: &dyn Fn(u64),
) -> Result<MergeReport> {
    let other_conn = other.conn();
    let theirs = TheirRecords::read(other_conn)?;
    let unverified = unverified
        .map(|problem| format!(" (not verified: {problem})"))
        .unwrap_or_default();
    let won = format!("merged from {source}{unverified}: edited there later");
    let kept = format!("kept: edited here later than in {source}{unverified}");
    store.write(|tx| {
        let mut merging = Merging {
            tx,
            other_conn,
            author,
            won: &won,
            kept: &kept,
            report: MergeReport::default(),
            unit_ids: HashMap::new(),
            kept_unit_ids: HashMap::new(),
            units_changed: std::collections::HashSet::new(),
            person_ids: HashMap::new(),
            task_ids: HashMap::new(),
            visit_ids: HashMap::new(),
        };
        // Each kind after the kinds it points to, so every reference finds
        // its record's number here.
        for unit in &theirs.units {
            stop_if_interrupted()?;
            merging.unit(unit)?;
        }
        // Once every unit has its number here, since the unit one was
        // merged into may come after it.
        for unit in &theirs.units {
            merging.retirement(unit)?;
        }
        merging.follow_merged_units()?;
        for person in &theirs.people {
            stop_if_interrupted()?;
            merging.person(person)?;
        }
        for plan in &theirs.plans {
            stop_if_interrupted()?;
            merging.plan(plan)?;
        }
        for task in &theirs.tasks {
            stop_if_interrupted()?;
            merging.task(task)?;
        }
        let base =
            (theirs.units.len() + theirs.people.len() + theirs.plans.len() + theirs.tasks.len())
                as u64;
        progress(base);
        for (done, visit) in theirs.visits.iter().enumerate() {
            stop_if_interrupted()?;
            if done % 1024 == 0 {
                progress(base + done as u64);
            }
            merging.visit(visit)?;
        }
        let base = base + theirs.visits.len() as u64;
        for (done, finding) in theirs.findings.iter().enumerate() {
            stop_if_interrupted()?;
            if done % 1024 == 0 {
                progress(base + done as u64);
            }
            merging.finding(finding)?;
        }
        Ok(merging.report)
    })
}

/// Every record of the other logbook, void ones included.
struct TheirRecords {
    units: Vec<units::UnitRow>,
    people: Vec<PersonRow>,
    visits: Vec<visits::VisitRow>,
    findings: Vec<findings::FindingRow>,
    plans: Vec<plans::PlanRow>,
    tasks: Vec<tasks::TaskRow>,
}

impl TheirRecords {
    fn read(conn: &rusqlite::Connection) -> Result<TheirRecords> {
        Ok(TheirRecords {
            units: units::all(conn)?,
            people: {
                // The people an alias stands for come first, so that it
                // finds them here.
                let mut people = people::all(conn)?;
                people.sort_by_key(|p| p.alias_of.is_some());
                people
            },
            visits: visits::list(conn, &visits::VisitFilter::default())?,
            findings: findings::list(
                conn,
                &findings::FindingFilter {
                    include_void: true,
                    ..Default::default()
                },
            )?,
            plans: plans::list(conn, true)?,
            tasks: tasks::list(
                conn,
                &tasks::TaskFilter {
                    include_void: true,
                    ..Default::default()
                },
            )?,
        })
    }
}

/// A merge under way: where it writes, what it has done, and the number
/// here of each record of the other logbook merged so far.
struct Merging<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    other_conn: &'a rusqlite::Connection,
    author: &'a Author,
    /// The history's reason when the other logbook's version wins, and when
    /// this one's is kept.
    won: &'a str,
    kept: &'a str,
    report: MergeReport,
    unit_ids: HashMap<i64, i64>,
    /// The unit here that takes the records of each unit of the other
    /// logbook: its own, or the unit that one was merged into.
    kept_unit_ids: HashMap<i64, i64>,
    /// The units here that this merge added or changed, by number.
    units_changed: std::collections::HashSet<i64>,
    person_ids: HashMap<i64, i64>,
    task_ids: HashMap<i64, i64>,
    visit_ids: HashMap<i64, i64>,
}

/// The number here of the record numbered `id` in the other logbook. A
/// record there pointing to one that is not there is refused by name
/// rather than guessed at.
fn here(ids: &HashMap<i64, i64>, id: i64, records: Records, of: &str) -> Result<i64> {
    ids.get(&id).copied().ok_or_else(|| {
        Error::input(t!(
            "exchange-merge-dangling",
            records = records.as_str(),
            id = id,
            of = of
        ))
    })
}

impl Merging<'_> {
    fn unit(&mut self, unit: &units::UnitRow) -> Result<()> {
        let (tx, author) = (self.tx, self.author);
        let tally = &mut self.report.units;
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
        // The same unit by uid; else by code, as two logbooks that each
        // added a unit under one code name the same commune.
        let local = match id_by_uid(tx, Records::Units, &unit.uid)? {
            Some(id) => Some(units::get(tx, id)?),
            None => units::by_code(tx, &unit.code)?,
        };
        let Some(local) = local else {
            // A unit of the same name under another code is kept apart, as
            // `unit add --force` would, and named for the person to judge.
            let namesake = units::namesakes(tx, &unit.name)?.into_iter().next();
            let added = units::insert_from(tx, &new, &origin, author)?;
            self.unit_ids.insert(unit.id, added.id);
            self.units_changed.insert(added.id);
            tally.counts.new += 1;
            if let Some(same) = namesake {
                let keep = match same.merged_into {
                    Some((id, _)) => units::get(tx, id)?,
                    None => same,
                };
                self.report.likely_duplicates.push(LikelyDuplicate {
                    keep: keep.code,
                    keep_name: keep.name,
                    other: added.code,
                    other_name: added.name,
                });
            }
            return Ok(());
        };
        self.unit_ids.insert(unit.id, local.id);
        let same = local.name == unit.name
            && local.kind == unit.kind
            && local.morning_start == unit.morning_start
            && local.afternoon_start == unit.afternoon_start;
        if same {
            tally.counts.unchanged += 1;
            return Ok(());
        }
        let change = UnitChange {
            name: Some(unit.name.clone()),
            kind: Some(unit.kind),
            morning_start: Some(unit.morning_start),
            afternoon_start: Some(unit.afternoon_start),
        };
        let changed = settle(
            tx,
            self.other_conn,
            Records::Units,
            (local.id, &local.created_at, &local.updated_at),
            (unit.id, &unit.created_at, &unit.updated_at),
            (self.kept, author),
            tally,
            || units::update_from(tx, local.id, &change, Some(&unit.updated_at), author).map(drop),
        )?;
        if changed {
            self.units_changed.insert(local.id);
            tally.counts.updated += 1;
        } else {
            tally.counts.unchanged += 1;
        }
        Ok(())
    }

    /// A unit retired or merged into another in the other logbook, and in
    /// use here, is retired or merged here too: a unit merged away there
    /// has its records here moved as `unit merge` moves them. A unit
    /// retired here stays as it is.
    fn retirement(&mut self, unit: &units::UnitRow) -> Result<()> {
        let (tx, author) = (self.tx, self.author);
        let Some(day) = unit.retired_on else {
            return Ok(());
        };
        let local_id = here(&self.unit_ids, unit.id, Records::Units, &unit.code)?;
        let local = units::get(tx, local_id)?;
        if local.retired_on.is_some() || local.merged_into.is_some() {
            return Ok(());
        }
        // Into the unit that holds the kept unit's records here, should it
        // have been merged away too.
        let keep = match &unit.merged_into {
            Some((id, _)) => {
                let into = here(&self.unit_ids, *id, Records::Units, &unit.code)?;
                Some(units::kept(tx, units::get(tx, into)?)?.id)
            }
            None => None,
        };
        match keep {
            Some(keep) if keep != local_id => {
                units::merge(tx, keep, local_id, day, author)?;
            }
            _ => {
                units::retire(tx, local_id, day, author)?;
            }
        }
        let tally = &mut self.report.units;
        if !self.units_changed.contains(&local_id) {
            tally.counts.unchanged = tally.counts.unchanged.saturating_sub(1);
            tally.counts.updated += 1;
        }
        Ok(())
    }

    /// Where the records of each unit of the other logbook go: a unit
    /// merged into another here has its records there, so that what the
    /// other logbook logs at it later joins the kept unit too.
    fn follow_merged_units(&mut self) -> Result<()> {
        for (&theirs, &own) in &self.unit_ids {
            let mut kept = own;
            // A chain of merges is short; the bound only guards against a
            // loop in a file changed behind spotcheck's back.
            for _ in 0..32 {
                match units::get(self.tx, kept)?.merged_into {
                    Some((into, _)) if into != own => kept = into,
                    _ => break,
                }
            }
            self.kept_unit_ids.insert(theirs, kept);
        }
        Ok(())
    }

    /// A person, found here by uid, else by unit and name under the
    /// identity rule. A correction (a new name, unit, position, an alias
    /// or a retirement) is a change to the record like any other: the
    /// later edit wins. Aliases come after the people they stand for.
    fn person(&mut self, person: &PersonRow) -> Result<()> {
        let (tx, author) = (self.tx, self.author);
        let unit_id = here(
            &self.kept_unit_ids,
            person.unit_id,
            Records::Units,
            &person.name,
        )?;
        // Whom their record stands for, as that person is here: a record
        // that is itself an alias here stands for its own person.
        let alias_of = match person.alias_of {
            Some(id) => {
                let target = people::get(
                    tx,
                    here(&self.person_ids, id, Records::People, &person.name)?,
                )?;
                Some(target.alias_of.unwrap_or(target.id))
            }
            None => None,
        };
        let tally = &mut self.report.people;
        let local = match id_by_uid(tx, Records::People, &person.uid)? {
            Some(id) => Some(people::get(tx, id)?),
            None => people::find(tx, unit_id, &person.name)?,
        };
        let Some(local) = local else {
            let origin = Origin {
                uid: Some(person.uid.clone()),
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
            if person.retired_on.is_some() || alias_of.is_some() {
                let change = PersonChange {
                    retired_on: Some(person.retired_on),
                    alias_of: Some(alias_of),
                    ..PersonChange::default()
                };
                people::change_from(
                    tx,
                    added.id,
                    &change,
                    None,
                    Some(&person.updated_at),
                    author,
                )?;
            }
            self.person_ids.insert(person.id, added.id);
            tally.counts.new += 1;
            return Ok(());
        };
        self.person_ids.insert(person.id, local.id);
        // Two laptops that merged two records each way would make each an
        // alias of the other: the record stays as it is here.
        let alias_of = alias_of.filter(|root| *root != local.id);
        let theirs_later = later_wins(&local.updated_at, &person.updated_at);
        // A name joined to a person here stays in its unit, as a unit
        // merge left it.
        let unit_id = if local.alias_of.is_some() {
            local.unit_id
        } else {
            unit_id
        };
        let mut changed = false;
        let same = local.name == person.name
            && local.unit_id == unit_id
            && local.position == person.position
            && local.retired_on == person.retired_on;
        if !same {
            let change = PersonChange {
                name: Some(person.name.clone()),
                position: Some(person.position.clone()),
                unit_id: Some(unit_id),
                alias_of: None,
                retired_on: Some(person.retired_on),
            };
            changed = settle(
                tx,
                self.other_conn,
                Records::People,
                (local.id, &local.created_at, &local.updated_at),
                (person.id, &person.created_at, &person.updated_at),
                (self.kept, author),
                tally,
                || {
                    people::change_from(
                        tx,
                        local.id,
                        &change,
                        None,
                        Some(&person.updated_at),
                        author,
                    )
                    .map(drop)
                },
            )?;
        }
        // A join is undone only by a command here, never by a merge: the
        // other side may just not have made it.
        if alias_of.is_some() && alias_of != local.alias_of && theirs_later {
            match (alias_of, local.alias_of) {
                // Joined there: joined here too, its findings moved as
                // `person merge` moves them.
                (Some(root), None) => {
                    people::merge_from(
                        tx,
                        root,
                        local.id,
                        Some(self.won),
                        Some(&person.updated_at),
                        author,
                    )?;
                }
                (alias_of, _) => {
                    let change = PersonChange {
                        alias_of: Some(alias_of),
                        ..PersonChange::default()
                    };
                    people::change_from(
                        tx,
                        local.id,
                        &change,
                        Some(self.won),
                        Some(&person.updated_at),
                        author,
                    )?;
                }
            }
            changed = true;
        }
        if changed {
            tally.counts.updated += 1;
        } else {
            tally.counts.unchanged += 1;
        }
        Ok(())
    }

    fn plan(&mut self, plan: &plans::PlanRow) -> Result<()> {
        let (tx, author, won) = (self.tx, self.author, self.won);
        let unit_id = match plan.fields.unit_id {
            Some(id) => Some(here(&self.kept_unit_ids, id, Records::Units, &plan.uid)?),
            None => None,
        };
        let fields = plans::NewPlan {
            unit_id,
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
            self.other_conn,
            theirs,
            local,
            (self.kept, author),
            &mut self.report.plans,
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
                    plans::update_from(tx, id, fields, Some(won), at, author).map(drop)
                },
                void: &|id, reason, at| plans::void_from(tx, id, reason, at, author).map(drop),
            },
        )?;
        Ok(())
    }

    fn task(&mut self, task: &tasks::TaskRow) -> Result<()> {
        let (tx, author, won) = (self.tx, self.author, self.won);
        let unit_id = here(
            &self.kept_unit_ids,
            task.fields.unit_id,
            Records::Units,
            &task.uid,
        )?;
        let theirs = Theirs {
            records: Records::Tasks,
            id: task.id,
            uid: &task.uid,
            created_by: &task.created_by,
            created_at: &task.created_at,
            updated_at: &task.updated_at,
            void: task.voided_at.as_deref().zip(task.void_reason.as_deref()),
            fields: tasks::NewTask {
                unit_id,
                ..task.fields.clone()
            },
        };
        let local = id_by_uid(tx, Records::Tasks, &task.uid)?;
        let id = merge_voidable(
            tx,
            self.other_conn,
            theirs,
            local,
            (self.kept, author),
            &mut self.report.tasks,
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
                    tasks::update_from(tx, id, fields, Some(won), at, author).map(drop)
                },
                void: &|id, reason, at| tasks::void_from(tx, id, reason, at, author).map(drop),
            },
        )?;
        self.task_ids.insert(task.id, id);
        Ok(())
    }

    fn visit(&mut self, visit: &visits::VisitRow) -> Result<()> {
        let (tx, author) = (self.tx, self.author);
        let new = NewVisit {
            unit_id: here(
                &self.kept_unit_ids,
                visit.unit_id,
                Records::Units,
                &visit.uid,
            )?,
            started_at: visit.started_at,
            ended_at: visit.ended_at,
            announced: visit.announced,
            team: visit.team.clone(),
            on_roll: visit.on_roll,
            present: visit.present,
            note: visit.note.clone(),
        };
        let tally = &mut self.report.visits;
        let Some(local_id) = id_by_uid(tx, Records::Visits, &visit.uid)? else {
            let origin = Origin {
                uid: Some(visit.uid.clone()),
                created_by: Some(visit.created_by.clone()),
                created_at: Some(visit.created_at.clone()),
                updated_at: Some(visit.updated_at.clone()),
            };
            let added = visits::insert_from(tx, &new, &origin, author)?;
            if let (Some(at), Some(reason)) = (&visit.voided_at, &visit.void_reason) {
                visits::void_from(tx, added.id, reason, at, author)?;
            }
            self.visit_ids.insert(visit.id, added.id);
            tally.counts.new += 1;
            return Ok(());
        };
        self.visit_ids.insert(visit.id, local_id);
        let local = visits::get(tx, local_id)?;
        // A void is never undone, and a void visit keeps what it was.
        if local.voided_at.is_some() {
            tally.counts.unchanged += 1;
            return Ok(());
        }
        if let (Some(at), Some(reason)) = (&visit.voided_at, &visit.void_reason) {
            visits::void_from(tx, local_id, reason, at, author)?;
            tally.counts.updated += 1;
            return Ok(());
        }
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
            return Ok(());
        }
        let changed = settle(
            tx,
            self.other_conn,
            Records::Visits,
            (local_id, &local.created_at, &local.updated_at),
            (visit.id, &visit.created_at, &visit.updated_at),
            (self.kept, author),
            tally,
            || {
                visits::update_from(
                    tx,
                    local_id,
                    &new,
                    Some(&visit.updated_at),
                    Some(self.won),
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
        Ok(())
    }

    fn finding(&mut self, finding: &findings::FindingRow) -> Result<()> {
        let (tx, author, won) = (self.tx, self.author, self.won);
        let uid = finding.uid.as_str();
        let mut fields = finding.fields.clone();
        fields.visit_id = here(&self.visit_ids, fields.visit_id, Records::Visits, uid)?;
        // A finding about a person joined to another here is about the
        // person they were joined to.
        fields.person_id = match fields.person_id {
            Some(id) => Some(people::root_id(
                tx,
                here(&self.person_ids, id, Records::People, uid)?,
            )?),
            None => None,
        };
        fields.task_id = match fields.task_id {
            Some(id) => Some(here(&self.task_ids, id, Records::Tasks, uid)?),
            None => None,
        };
        // A finding of a visit voided here is void with it, as if it had
        // been logged before the void.
        let visit = visits::get(tx, fields.visit_id)?;
        let void = finding
            .voided_at
            .as_deref()
            .zip(finding.void_reason.as_deref())
            .or(visit.voided_at.as_deref().zip(visit.void_reason.as_deref()));
        let theirs = Theirs {
            records: Records::Findings,
            id: finding.id,
            uid,
            created_by: &finding.logged_by,
            created_at: &finding.logged_at,
            updated_at: &finding.updated_at,
            void,
            fields,
        };
        let local = id_by_uid(tx, Records::Findings, uid)?;
        merge_voidable(
            tx,
            self.other_conn,
            theirs,
            local,
            (self.kept, author),
            &mut self.report.findings,
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
                    findings::update_from(tx, id, fields, Some(won), at, author).map(drop)
                },
                void: &|id, reason, at| findings::void_from(tx, id, reason, at, author).map(drop),
            },
        )?;
        Ok(())
    }
}
