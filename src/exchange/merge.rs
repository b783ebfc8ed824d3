//! Bringing another logbook's records into this one, field by field: each
//! field of a record both hold is compared with the last version both had,
//! so that edits made on two laptops to different fields both stay, and
//! one field changed on both is a conflict kept for a person to settle.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::{Counts, stop_if_interrupted};
use crate::error::{Error, Result};
use crate::model::Records;
use crate::store::conflicts::{self, Side};
use crate::store::history::Version;
use crate::store::people::PersonChange;
use crate::store::records::id_by_uid;
use crate::store::{
    Author, NewUnit, NewVisit, Origin, PersonRow, Store, UnitChange, findings, people, plans,
    tasks, units, visits,
};

/// What a merge did, per kind of record; `conflicts` counts the fields
/// changed on both sides to different values.
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
    /// The conflicts this merge recorded, by their numbers here.
    pub conflicts: Vec<i64>,
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

/// Where a merge takes records from: every record with its history, read
/// as one consistent state. A logbook file is one; a shared server can be
/// another, with the same engine settling what differs.
pub trait Source {
    /// How the history and the conflicts name it.
    fn name(&self) -> &str;
    /// How many records it holds, for the progress shown.
    fn count(&self) -> Result<u64>;
    fn units(&self) -> Result<Vec<units::UnitRow>>;
    fn people(&self) -> Result<Vec<PersonRow>>;
    fn plans(&self) -> Result<Vec<plans::PlanRow>>;
    fn tasks(&self) -> Result<Vec<tasks::TaskRow>>;
    /// Every visit, one at a time, so that a large source is never held
    /// in memory whole.
    fn each_visit(&self, work: &mut dyn FnMut(visits::VisitRow) -> Result<()>) -> Result<()>;
    fn each_finding(&self, work: &mut dyn FnMut(findings::FindingRow) -> Result<()>) -> Result<()>;
    /// A record's current state, as the history keeps it.
    fn snapshot(&self, records: Records, id: i64) -> Result<String>;
    /// A record's history, oldest first.
    fn versions(&self, records: Records, id: i64) -> Result<Vec<Version>>;
    /// When each field of a record got its value, as merges there noted it.
    fn field_stamps(&self, records: Records, uid: &str) -> Result<Noted>;
}

/// Another logbook file, opened for reading.
pub struct Logbook<'a> {
    store: &'a Store,
    name: &'a str,
}

impl<'a> Logbook<'a> {
    pub fn new(store: &'a Store, name: &'a str) -> Logbook<'a> {
        Logbook { store, name }
    }
}

impl Source for Logbook<'_> {
    fn name(&self) -> &str {
        self.name
    }

    fn count(&self) -> Result<u64> {
        let mut total = 0;
        for records in [
            Records::Units,
            Records::People,
            Records::Visits,
            Records::Findings,
            Records::Plans,
            Records::Tasks,
        ] {
            total += crate::store::records::count(self.store.conn(), records)?;
        }
        Ok(total)
    }

    fn units(&self) -> Result<Vec<units::UnitRow>> {
        units::all(self.store.conn())
    }

    fn people(&self) -> Result<Vec<PersonRow>> {
        people::all(self.store.conn())
    }

    fn plans(&self) -> Result<Vec<plans::PlanRow>> {
        plans::list(self.store.conn(), true)
    }

    fn tasks(&self) -> Result<Vec<tasks::TaskRow>> {
        tasks::list(
            self.store.conn(),
            &tasks::TaskFilter {
                include_void: true,
                ..Default::default()
            },
        )
    }

    fn each_visit(&self, work: &mut dyn FnMut(visits::VisitRow) -> Result<()>) -> Result<()> {
        visits::each(self.store.conn(), work)
    }

    fn each_finding(&self, work: &mut dyn FnMut(findings::FindingRow) -> Result<()>) -> Result<()> {
        findings::each(self.store.conn(), work)
    }

    fn snapshot(&self, records: Records, id: i64) -> Result<String> {
        crate::store::records::snapshot(self.store.conn(), records, id)
    }

    fn versions(&self, records: Records, id: i64) -> Result<Vec<Version>> {
        crate::store::records::versions(self.store.conn(), records, id)
    }

    fn field_stamps(&self, records: Records, uid: &str) -> Result<Noted> {
        crate::store::records::field_stamps(self.store.conn(), records, uid)
    }
}

/// The fields of one kind of record, compared and taken one by one.
trait Fields: Clone {
    /// The fields as the record's snapshot names them.
    const KEYS: &'static [&'static str];
    /// Whether both versions hold the same value of the field.
    fn same(&self, other: &Self, key: &str) -> bool;
    /// Take the field's value from `other`.
    fn take(&mut self, other: &Self, key: &str);
}

/// [`Fields`] for a struct, from the snapshot's name of each field.
macro_rules! fields {
    ($type:ty { $($key:literal => $($field:ident).+),* $(,)? }) => {
        impl Fields for $type {
            const KEYS: &'static [&'static str] = &[$($key),*];
            fn same(&self, other: &Self, key: &str) -> bool {
                match key {
                    $($key => self.$($field).+ == other.$($field).+,)*
                    _ => true,
                }
            }
            fn take(&mut self, other: &Self, key: &str) {
                match key {
                    $($key => self.$($field).+ = other.$($field).+.clone(),)*
                    _ => {}
                }
            }
        }
    };
}

fields!(findings::NewFinding {
    "visit" => visit_id,
    "kind" => kind,
    "person" => person_id,
    "arrived_at" => arrived_at,
    "expected_at" => expected_at,
    "minutes_late" => minutes_late,
    "meeting" => meeting,
    "file_ref" => file_ref,
    "procedure" => procedure,
    "received_on" => received_on,
    "due_on" => due_on,
    "returned_on" => returned_on,
    "days_overdue" => days_overdue,
    "working_days_overdue" => working_days_overdue,
    "category" => category,
    "description" => description,
    "action" => action,
    "note" => note,
    "task" => task_id,
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
});

fields!(NewVisit {
    "unit" => unit_id,
    "started_at" => started_at,
    "ended_at" => ended_at,
    "announced" => announced,
    "team" => team,
    "on_roll" => on_roll,
    "present" => present,
    "files_checked" => files_checked,
    "note" => note,
});

fields!(plans::NewPlan {
    "unit" => unit_id,
    "visits" => visits,
    "per" => per,
    "from_month" => from,
    "to_month" => to,
});

fields!(tasks::NewTask {
    "unit" => unit_id,
    "text" => text,
    "source" => source,
    "assigned_on" => assigned_on,
    "due_on" => due_on,
    "done_on" => done_on,
    "note" => note,
});

/// What a merge compares of a unit; its code is how two logbooks find it.
#[derive(Debug, Clone, PartialEq)]
struct UnitFields {
    name: String,
    kind: crate::model::UnitKind,
    morning_start: Option<chrono::NaiveTime>,
    afternoon_start: Option<chrono::NaiveTime>,
    /// The parent by its number in this logbook.
    parent: Option<i64>,
    week: Option<crate::calendar::Week>,
    follows_seasons: bool,
}

impl UnitFields {
    /// A unit's fields, its parent's number `parent` as this logbook knows it.
    fn of(unit: &units::UnitRow, parent: Option<i64>) -> UnitFields {
        UnitFields {
            name: unit.name.clone(),
            kind: unit.kind,
            morning_start: unit.morning_start,
            afternoon_start: unit.afternoon_start,
            parent,
            week: unit.week,
            follows_seasons: unit.follows_seasons,
        }
    }
}

fields!(UnitFields {
    "name" => name,
    "kind" => kind,
    "morning_start" => morning_start,
    "afternoon_start" => afternoon_start,
    "parent" => parent,
    "week" => week,
    "follows_seasons" => follows_seasons,
});

/// What a merge compares of a person; a join is settled apart.
#[derive(Debug, Clone, PartialEq)]
struct PersonFields {
    unit_id: i64,
    name: String,
    position: Option<String>,
    retired_on: Option<chrono::NaiveDate>,
    status: Option<crate::model::PersonStatus>,
}

fields!(PersonFields {
    "unit" => unit_id,
    "name" => name,
    "position" => position,
    "retired_on" => retired_on,
    "status" => status,
});

fn parse(snapshot: &str) -> Json {
    serde_json::from_str(snapshot).unwrap_or(Json::Null)
}

/// The edit stamp of a snapshot, which a merge carries over with the edit.
fn stamp(snapshot: &Json) -> Option<String> {
    snapshot
        .get("updated_at")
        .and_then(Json::as_str)
        .map(str::to_string)
}

/// A record's versions as its history and its current state give them,
/// newest first, as comparable values: each key's value in the order of
/// the keys, a key an older schema's snapshot lacks as null.
fn lineage(now: &Json, history: &[Version], keys: &[&str], here: &Uids) -> Vec<Vec<Json>> {
    // A version is its fields and its edit stamp: the same value typed
    // again later is another version, not a return to an old one.
    let version = |snapshot: &Json| {
        let mut version = here.project(snapshot, keys);
        version.push(snapshot.get("updated_at").cloned().unwrap_or(Json::Null));
        version
    };
    let mut lineage = vec![version(now)];
    for entry in history.iter().rev() {
        for snapshot in [&entry.after, &entry.before].into_iter().flatten() {
            lineage.push(version(snapshot));
        }
    }
    lineage
}

/// The uid here of each unit and person of the source that this logbook
/// knows under another uid: one commune added on two laptops, or a person
/// joined here to another. Their versions name them so here, so that a
/// version both logbooks had is seen to be the same.
#[derive(Default)]
struct Uids {
    units: HashMap<String, String>,
    people: HashMap<String, String>,
}

impl Uids {
    /// A snapshot of the source, projected as [`project`] does, with the
    /// units and people it names as this logbook names them.
    fn project(&self, snapshot: &Json, keys: &[&str]) -> Vec<Json> {
        keys.iter()
            .map(|key| {
                let value = snapshot.get(*key).cloned().unwrap_or(Json::Null);
                let map = match *key {
                    "unit" | "parent" => &self.units,
                    "person" => &self.people,
                    _ => return value,
                };
                match value.as_str().and_then(|uid| map.get(uid)) {
                    Some(own) => Json::String(own.clone()),
                    None => value,
                }
            })
            .collect()
    }

    /// A snapshot of the source naming units and people as this logbook
    /// does, to be kept in its history; `None` when it already does.
    fn rename(&self, snapshot: &Json) -> Option<Json> {
        let mut renamed = snapshot.clone();
        let fields = renamed.as_object_mut()?;
        let mut changed = false;
        for (key, map) in [
            ("unit", &self.units),
            ("parent", &self.units),
            ("person", &self.people),
        ] {
            if let Some(value) = fields.get_mut(key)
                && let Some(own) = value.as_str().and_then(|uid| map.get(uid))
            {
                *value = Json::String(own.clone());
                changed = true;
            }
        }
        changed.then_some(renamed)
    }

    fn none() -> &'static Uids {
        static NONE: std::sync::OnceLock<Uids> = std::sync::OnceLock::new();
        NONE.get_or_init(Uids::default)
    }
}

/// Who gave the field its value `value`, when the record was stamped with
/// that edit, and whether that entry is the record's insert: the newest
/// entry of the history that changed it to that value. A merge's record of
/// the other side's version changes nothing here, so it is passed over.
fn changed_by(
    history: &[Version],
    key: &str,
    value: &Json,
) -> (Option<String>, Option<String>, bool) {
    for entry in history.iter().rev() {
        if entry.action == "merge" {
            continue;
        }
        let Some(after) = &entry.after else { continue };
        let was = entry
            .before
            .as_ref()
            .map(|b| b.get(key).unwrap_or(&Json::Null));
        if after.get(key).unwrap_or(&Json::Null) == value && was != Some(value) {
            return (
                Some(entry.by.clone()),
                stamp(after).or(Some(entry.at.clone())),
                entry.before.is_none(),
            );
        }
    }
    (None, None, false)
}

/// When each field got its value, as merges noted it, by field.
pub(super) type Noted = HashMap<String, (Json, String)>;

/// A record's uid, as its snapshot gives it.
fn uid_of(snapshot: &Json) -> String {
    snapshot
        .get("uid")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Who gave a field its value `value` and when: the edit of the history
/// that gave it, or the time a merge noted with it, whichever is later;
/// the record's own stamp when neither says.
fn given(
    history: &[Version],
    noted: &Noted,
    now: &Json,
    key: &str,
    value: &Json,
) -> (Option<String>, Option<String>) {
    let edited = changed_by(history, key, value);
    let noted = noted
        .get(key)
        .filter(|(v, _)| v == value)
        .map(|(_, at)| at.clone());
    // A record that came in by a merge was inserted with its last edit's
    // stamp on every field: the time a merge noted for the field is when it
    // got its value, and an earlier one.
    let at = if edited.2 && noted.is_some() {
        noted
    } else {
        edited.1.clone().max(noted)
    }
    .or_else(|| stamp(now));
    (edited.0, at)
}

/// A conflict found, before it is recorded.
struct Found {
    field: &'static str,
    mine: conflicts::Value,
    theirs: conflicts::Value,
    kept: Side,
}

/// How two versions of one record settle, field by field.
struct Settled {
    /// The fields that take the other side's value, each group with the
    /// edit stamp it was given there.
    takes: Vec<(String, Vec<&'static str>)>,
    /// When a field got the value it will hold, to note for later merges.
    noted: Vec<(&'static str, Json, String)>,
    /// Whether any field differed.
    differed: bool,
    conflicts: Vec<Found>,
    /// The other side's version, to record beside this one.
    theirs: String,
}

/// Settle each field of a record here (`ours`) and in the source
/// (`theirs`): the value given last is kept, with the time it was given
/// (so a field changed on one side only takes that side's value), and a
/// field changed on both sides since the last version both had, their
/// common ancestor in the history, is a conflict. `None` when the two
/// versions hold the same fields under the same edit stamp.
fn three_way<F: Fields>(
    (here, uids): (&rusqlite::Connection, &Uids),
    source: &dyn Source,
    records: Records,
    (local_id, other_id): (i64, i64),
    (ours, theirs): (&F, &F),
    stamps_differ: bool,
) -> Result<Option<Settled>> {
    let differing: Vec<&'static str> = F::KEYS
        .iter()
        .copied()
        .filter(|key| !ours.same(theirs, key))
        .collect();
    if differing.is_empty() && !stamps_differ {
        return Ok(None);
    }
    let keys = F::KEYS;
    let ours_now = parse(&crate::store::records::snapshot(here, records, local_id)?);
    let theirs_text = source.snapshot(records, other_id)?;
    let theirs_now = parse(&theirs_text);
    let ours_history = crate::store::records::versions(here, records, local_id)?;
    let theirs_history = source.versions(records, other_id)?;
    let seen_there: std::collections::HashSet<Vec<Json>> =
        lineage(&theirs_now, &theirs_history, keys, uids)
            .into_iter()
            .collect();
    let ancestor = lineage(&ours_now, &ours_history, keys, Uids::none())
        .into_iter()
        .find(|version| seen_there.contains(version));
    let theirs_here = uids.project(&theirs_now, keys);
    let mut settled = Settled {
        takes: Vec::new(),
        noted: Vec::new(),
        differed: !differing.is_empty(),
        conflicts: Vec::new(),
        theirs: match uids.rename(&theirs_now) {
            Some(renamed) => renamed.to_string(),
            None => theirs_text,
        },
    };
    let value_of = |snapshot: &[Json], key: &str| {
        let index = keys.iter().position(|k| *k == key);
        index
            .and_then(|i| snapshot.get(i))
            .cloned()
            .unwrap_or(Json::Null)
    };
    let ours_here = Uids::none().project(&ours_now, keys);
    let ours_noted = crate::store::records::field_stamps(here, records, &uid_of(&ours_now))?;
    let theirs_noted = source.field_stamps(records, &uid_of(&theirs_now))?;
    // When each side's value of a field was given: the edit of its history
    // that gave it, or the time a merge noted with it, whichever is later.
    // A value both hold, given later there than here: the later time is
    // noted, so that it wins against an older value passed on by a third.
    for key in keys.iter().copied() {
        if differing.contains(&key) {
            continue;
        }
        let value = value_of(&ours_here, key);
        let (_, mine_at) = given(&ours_history, &ours_noted, &ours_now, key, &value);
        let (_, theirs_at) = given(
            &theirs_history,
            &theirs_noted,
            &theirs_now,
            key,
            &value_of(&theirs_here, key),
        );
        if let Some(at) = theirs_at.filter(|at| Some(at) > mine_at.as_ref()) {
            settled.noted.push((key, value, at));
        }
    }
    let mut decided: Vec<&str> = Vec::new();
    for key in differing.iter().copied() {
        if decided.contains(&key) {
            continue;
        }
        // Fields worked out together (a time of arrival and the minutes
        // late) are settled together, so that a record never mixes them.
        let alone = [key];
        let members: &[&'static str] =
            crate::store::records::field_group(records, key).unwrap_or(&alone);
        decided.extend(members.iter().copied());
        // A side changed the group since the version both had when a value
        // differs from it, or was given again after it (a note cleared back
        // to what it was).
        let ancestor_at = ancestor
            .as_ref()
            .and_then(|a| a.last())
            .and_then(Json::as_str)
            .map(str::to_string);
        let changed = |side: &[Json], at: &dyn Fn(&str) -> Option<String>| {
            members.iter().any(|k| {
                ancestor.as_ref().map(|a| value_of(a, k)) != Some(value_of(side, k))
                    || at(k) > ancestor_at
            })
        };
        let differ: Vec<&'static str> = members
            .iter()
            .copied()
            .filter(|k| differing.contains(k))
            .collect();
        let mut found: Vec<Found> = Vec::new();
        for k in &differ {
            let mine = value_of(&ours_here, k);
            let their = value_of(&theirs_here, k);
            let (mine_by, mine_at) = given(&ours_history, &ours_noted, &ours_now, k, &mine);
            let (theirs_by, theirs_at) =
                given(&theirs_history, &theirs_noted, &theirs_now, k, &their);
            found.push(Found {
                field: k,
                mine: conflicts::Value {
                    value: mine,
                    by: mine_by,
                    at: mine_at,
                },
                theirs: conflicts::Value {
                    value: their,
                    by: theirs_by,
                    at: theirs_at,
                },
                kept: Side::Mine,
            });
        }
        // The value given last is kept, each with the time it was given,
        // which travels with it; the values break a tie the same way on
        // every laptop, so that all of them come to hold the same.
        let latest = |side: fn(&Found) -> &conflicts::Value| {
            let at = found.iter().filter_map(|f| side(f).at.clone()).max();
            let values: Vec<String> = found.iter().map(|f| side(f).value.to_string()).collect();
            (at, values)
        };
        let (their_at, _) = latest(|f| &f.theirs);
        let theirs_later = latest(|f| &f.theirs) > latest(|f| &f.mine);
        if theirs_later {
            settled
                .takes
                .push((their_at.unwrap_or_default(), differ.clone()));
            for f in &found {
                if let Some(at) = &f.theirs.at {
                    settled
                        .noted
                        .push((f.field, f.theirs.value.clone(), at.clone()));
                }
            }
        }
        // Changed on both sides since the version both had: a conflict,
        // kept for a person to settle, whichever value is kept meanwhile.
        let mine_at = |k: &str| {
            let value = value_of(&ours_here, k);
            given(&ours_history, &ours_noted, &ours_now, k, &value).1
        };
        let theirs_at = |k: &str| {
            let value = value_of(&theirs_here, k);
            given(&theirs_history, &theirs_noted, &theirs_now, k, &value).1
        };
        if changed(&ours_here, &mine_at) && changed(&theirs_here, &theirs_at) {
            for mut conflict in found {
                conflict.kept = if theirs_later {
                    Side::Theirs
                } else {
                    Side::Mine
                };
                settled.conflicts.push(conflict);
            }
        }
    }
    Ok(Some(settled))
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
    updated_at: String,
    /// When it was voided and why, if it was.
    void: Option<(String, String)>,
}

/// The calls on one kind of voidable record that a merge makes here.
struct VoidableCalls<'c, F> {
    insert: &'c dyn Fn(&F, &Origin) -> Result<i64>,
    ours: &'c dyn Fn(i64) -> Result<Ours<F>>,
    update: &'c dyn Fn(i64, &F, &str) -> Result<()>,
    void: &'c dyn Fn(i64, &str, &str) -> Result<()>,
}

/// Units in an order where each unit's parent comes before it, so that
/// the parent has its number here when the unit is merged. A chain that
/// loops (which no command makes) keeps the order it was read in.
fn parents_first(mut pending: Vec<units::UnitRow>) -> Vec<units::UnitRow> {
    let mut placed: std::collections::HashSet<i64> = std::collections::HashSet::new();
    let mut ordered = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        let (ready, waiting): (Vec<_>, Vec<_>) = pending.into_iter().partition(|unit| {
            unit.parent
                .as_ref()
                .is_none_or(|(parent, _)| placed.contains(parent))
        });
        if ready.is_empty() {
            ordered.extend(waiting);
            break;
        }
        placed.extend(ready.iter().map(|unit| unit.id));
        ordered.extend(ready);
        pending = waiting;
    }
    ordered
}

pub fn merge(
    store: &mut Store,
    source: &dyn Source,
    unverified: Option<&str>,
    author: &Author,
    progress: &dyn Fn(u64),
) -> Result<MergeReport> {
    merge_then(store, source, unverified, author, progress, &mut |_, _| {
        Ok(())
    })
}

/// [`merge`], and `finish` in the same transaction once the records are in,
/// given the last history entry from before the merge: a sync notes there
/// how far it pulled, so that the two commit together.
pub fn merge_then(
    store: &mut Store,
    source: &dyn Source,
    unverified: Option<&str>,
    author: &Author,
    progress: &dyn Fn(u64),
    finish: &mut dyn FnMut(&rusqlite::Transaction<'_>, i64) -> Result<()>,
) -> Result<MergeReport> {
    let name = source.name();
    let unverified = unverified
        .map(|problem| format!(" (not verified: {problem})"))
        .unwrap_or_default();
    let won = format!("merged from {name}{unverified}");
    let kept = format!("the version in {name}{unverified}, kept beside this one");
    let their_units = parents_first(source.units()?);
    // The people an alias stands for come first, so that it finds them here.
    let mut their_people = source.people()?;
    their_people.sort_by_key(|p| p.alias_of.is_some());
    let their_plans = source.plans()?;
    let their_tasks = source.tasks()?;
    store.write(|tx| {
        let before = crate::store::history::last_seq(tx)?;
        let mut merging = Merging {
            tx,
            source,
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
            uids: Uids::default(),
        };
        // Each kind after the kinds it points to, so every reference finds
        // its record's number here.
        for unit in &their_units {
            stop_if_interrupted()?;
            merging.unit(unit)?;
        }
        // Once every unit has its number here, since the unit one was
        // merged into may come after it.
        for unit in &their_units {
            merging.retirement(unit)?;
        }
        merging.follow_merged_units()?;
        for unit in &their_units {
            merging.known_as(Records::Units, unit.id, &unit.uid)?;
        }
        for person in &their_people {
            stop_if_interrupted()?;
            merging.person(person)?;
        }
        for plan in &their_plans {
            stop_if_interrupted()?;
            merging.plan(plan)?;
        }
        for task in &their_tasks {
            stop_if_interrupted()?;
            merging.task(task)?;
        }
        let mut done =
            (their_units.len() + their_people.len() + their_plans.len() + their_tasks.len()) as u64;
        progress(done);
        let mut step = || -> Result<()> {
            stop_if_interrupted()?;
            done += 1;
            if done % 1024 == 0 {
                progress(done);
            }
            Ok(())
        };
        source.each_visit(&mut |visit| {
            step()?;
            merging.visit(&visit)
        })?;
        source.each_finding(&mut |finding| {
            step()?;
            merging.finding(&finding)
        })?;
        finish(tx, before)?;
        Ok(merging.report)
    })
}

/// A merge under way: where it writes, what it has done, and the number
/// here of each record of the source merged so far.
struct Merging<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    source: &'a dyn Source,
    author: &'a Author,
    /// The history's reason when fields of the source's version are
    /// taken, and when that version is recorded beside this one's.
    won: &'a str,
    kept: &'a str,
    report: MergeReport,
    unit_ids: HashMap<i64, i64>,
    /// The unit here that takes the records of each unit of the source:
    /// its own, or the unit that one was merged into.
    kept_unit_ids: HashMap<i64, i64>,
    /// The units here that this merge added or changed, by number.
    units_changed: std::collections::HashSet<i64>,
    person_ids: HashMap<i64, i64>,
    task_ids: HashMap<i64, i64>,
    visit_ids: HashMap<i64, i64>,
    uids: Uids,
}

/// The number here of the record numbered `id` in the source. A record
/// there pointing to one that is not there is refused by name rather than
/// guessed at.
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

/// The tally of one kind of record.
fn tally(report: &mut MergeReport, records: Records) -> &mut MergeCounts {
    match records {
        Records::Units => &mut report.units,
        Records::People => &mut report.people,
        Records::Visits => &mut report.visits,
        Records::Findings => &mut report.findings,
        Records::Plans => &mut report.plans,
        Records::Tasks => &mut report.tasks,
    }
}

impl Merging<'_> {
    /// Settle a record both logbooks hold: take the source's changes with
    /// `update` (given the fields and the edit stamp), record each
    /// conflict, and keep the source's version in the history beside
    /// this one's when they still differ, so that the next merge finds it
    /// as their common version. Returns whether the record here changed.
    fn settle<F: Fields>(
        &mut self,
        records: Records,
        (local_id, other_id, uid): (i64, i64, &str),
        (ours, theirs): (&F, &F),
        (ours_updated, theirs_updated): (&str, &str),
        mut update: impl FnMut(&F, &str) -> Result<()>,
    ) -> Result<bool> {
        let Some(settled) = three_way(
            (self.tx, &self.uids),
            self.source,
            records,
            (local_id, other_id),
            (ours, theirs),
            ours_updated != theirs_updated,
        )?
        else {
            return Ok(false);
        };
        // Each group taken as its own edit, in the order they were made
        // there, stamped as it was there.
        let mut takes = settled.takes;
        takes.sort();
        let mut fields = ours.clone();
        for (stamp, keys) in &takes {
            for key in keys {
                fields.take(theirs, key);
            }
            let stamp = if stamp.is_empty() {
                theirs_updated
            } else {
                stamp
            };
            update(&fields, stamp)?;
        }
        for (field, value, at) in &settled.noted {
            crate::store::records::set_field_stamp(self.tx, records, uid, field, (value, at))?;
        }
        // The other side's version, beside this one's, unless this one is
        // that very version: how the next merge finds what both had.
        // With the same fields on both sides there is nothing to weigh
        // later, and nothing is written.
        let seen = settled.differed
            && crate::store::records::keep_local(
                self.tx,
                records,
                local_id,
                &settled.theirs,
                self.kept,
                self.author,
            )?;
        for found in settled.conflicts {
            let number = conflicts::insert(
                self.tx,
                &conflicts::NewConflict {
                    records,
                    uid,
                    field: found.field,
                    mine: found.mine,
                    theirs: found.theirs,
                    kept: found.kept,
                    source: self.source.name(),
                },
                self.author,
            )?;
            self.report.conflicts.push(number);
            tally(&mut self.report, records).conflicts += 1;
        }
        Ok(!takes.is_empty() || seen)
    }

    /// A record just added from the source holds fields given at other
    /// times than its edit stamp says, when it was edited there: note when
    /// each was given, so that the time travels with the value.
    fn note_origins<F: Fields>(
        &mut self,
        records: Records,
        other_id: i64,
        uid: &str,
        (created_at, updated_at): (&str, &str),
    ) -> Result<()> {
        if created_at == updated_at {
            return Ok(());
        }
        let now = parse(&self.source.snapshot(records, other_id)?);
        let history = self.source.versions(records, other_id)?;
        let noted = self.source.field_stamps(records, &uid_of(&now))?;
        let values = self.uids.project(&now, F::KEYS);
        for (key, value) in F::KEYS.iter().zip(values) {
            if let (_, Some(at)) = given(&history, &noted, &now, key, &value)
                && at != updated_at
            {
                crate::store::records::set_field_stamp(self.tx, records, uid, key, (&value, &at))?;
            }
        }
        Ok(())
    }

    /// Merge one voidable record: add it when this logbook lacks it
    /// (`local` is `None`), else settle the two versions; a void is never
    /// undone, and is carried over when the source has one. Returns its
    /// number here.
    fn voidable<F: Fields>(
        &mut self,
        theirs: Theirs<'_, F>,
        local: Option<i64>,
        calls: VoidableCalls<'_, F>,
    ) -> Result<i64> {
        let records = theirs.records;
        let Some(local_id) = local else {
            let origin = Origin {
                uid: Some(theirs.uid.to_string()),
                created_by: Some(theirs.created_by.to_string()),
                created_at: Some(theirs.created_at.to_string()),
                updated_at: Some(theirs.updated_at.to_string()),
                reason: Some(self.won.to_string()),
            };
            let added = (calls.insert)(&theirs.fields, &origin)?;
            self.note_origins::<F>(
                records,
                theirs.id,
                theirs.uid,
                (theirs.created_at, theirs.updated_at),
            )?;
            if let Some((at, reason)) = theirs.void {
                (calls.void)(added, reason, at)?;
            }
            tally(&mut self.report, records).counts.new += 1;
            return Ok(added);
        };
        let ours = (calls.ours)(local_id)?;
        let mut changed = self.settle(
            records,
            (local_id, theirs.id, theirs.uid),
            (&ours.fields, &theirs.fields),
            (&ours.updated_at, theirs.updated_at),
            |fields, at| (calls.update)(local_id, fields, at),
        )?;
        match (theirs.void, &ours.void) {
            (Some((at, reason)), None) => {
                (calls.void)(local_id, reason, at)?;
                changed = true;
            }
            // Voided on both sides, for other reasons or at other times:
            // the first void stands on both, and the other stays in the
            // history.
            (Some((at, reason)), Some((our_at, our_reason)))
                if (at, reason) < (our_at.as_str(), our_reason.as_str()) =>
            {
                crate::store::records::set_void(
                    self.tx,
                    records,
                    local_id,
                    (at, reason),
                    self.won,
                    self.author,
                )?;
                changed = true;
            }
            _ => {}
        }
        let counts = &mut tally(&mut self.report, records).counts;
        if changed {
            counts.updated += 1;
        } else {
            counts.unchanged += 1;
        }
        Ok(local_id)
    }

    fn unit(&mut self, unit: &units::UnitRow) -> Result<()> {
        let (tx, author) = (self.tx, self.author);
        let origin = Origin {
            uid: Some(unit.uid.clone()),
            created_by: None,
            created_at: Some(unit.created_at.clone()),
            updated_at: Some(unit.updated_at.clone()),
            reason: Some(self.won.to_string()),
        };
        // Their parent as this logbook numbers it: parents come first.
        let parent = match &unit.parent {
            Some((id, _)) => Some(here(&self.unit_ids, *id, Records::Units, &unit.uid)?),
            None => None,
        };
        let new = NewUnit {
            code: unit.code.clone(),
            name: unit.name.clone(),
            kind: unit.kind,
            morning_start: unit.morning_start,
            afternoon_start: unit.afternoon_start,
            parent_id: parent,
            week: unit.week,
            follows_seasons: unit.follows_seasons,
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
            self.note_origins::<UnitFields>(
                Records::Units,
                unit.id,
                &unit.uid,
                (&unit.created_at, &unit.updated_at),
            )?;
            self.unit_ids.insert(unit.id, added.id);
            self.units_changed.insert(added.id);
            self.report.units.counts.new += 1;
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
        let changed = self.settle(
            Records::Units,
            (local.id, unit.id, &local.uid),
            (
                &UnitFields::of(&local, local.parent.as_ref().map(|(id, _)| *id)),
                &UnitFields::of(unit, parent),
            ),
            (&local.updated_at, &unit.updated_at),
            |fields, at| {
                let change = UnitChange {
                    name: Some(fields.name.clone()),
                    kind: Some(fields.kind),
                    morning_start: Some(fields.morning_start),
                    afternoon_start: Some(fields.afternoon_start),
                    parent_id: Some(fields.parent),
                    week: Some(fields.week),
                    follows_seasons: Some(fields.follows_seasons),
                };
                units::update_from(tx, local.id, &change, Some(at), author).map(drop)
            },
        )?;
        if changed {
            self.units_changed.insert(local.id);
            self.report.units.counts.updated += 1;
        } else {
            self.report.units.counts.unchanged += 1;
        }
        Ok(())
    }

    /// Note the uid under which this logbook knows a unit or a person of
    /// the source, when it is another: the unit that takes its records,
    /// the person a finding about them is about.
    fn known_as(&mut self, records: Records, their_id: i64, their_uid: &str) -> Result<()> {
        let own = match records {
            Records::Units => {
                let id = here(&self.kept_unit_ids, their_id, records, their_uid)?;
                units::get(self.tx, id)?.uid
            }
            _ => {
                let id = here(&self.person_ids, their_id, records, their_uid)?;
                people::get(self.tx, people::root_id(self.tx, id)?)?.uid
            }
        };
        if own != their_uid {
            let map = match records {
                Records::Units => &mut self.uids.units,
                _ => &mut self.uids.people,
            };
            map.insert(their_uid.to_string(), own);
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
                units::retire_from(tx, local_id, day, Some(&unit.updated_at), author)?;
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
    /// identity rule. A correction (a new name, unit, position, a
    /// retirement) is settled field by field like any other change; a
    /// join to another person is carried over and never undone.
    /// Aliases come after the people they stand for.
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
                reason: Some(self.won.to_string()),
            };
            let added = people::insert_from(
                tx,
                unit_id,
                &person.name,
                (person.position.as_deref(), person.status),
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
            self.known_as(Records::People, person.id, &person.uid)?;
            self.report.people.counts.new += 1;
            return Ok(());
        };
        self.person_ids.insert(person.id, local.id);
        self.known_as(Records::People, person.id, &person.uid)?;
        // Two laptops that merged two records each way would make each an
        // alias of the other: the record stays as it is here.
        let alias_of = alias_of.filter(|root| *root != local.id);
        let theirs_later = person.updated_at > local.updated_at;
        // A name joined to a person here stays in its unit, as a unit
        // merge left it.
        let unit_id = if local.alias_of.is_some() {
            local.unit_id
        } else {
            unit_id
        };
        let ours = PersonFields {
            unit_id: local.unit_id,
            name: local.name.clone(),
            position: local.position.clone(),
            retired_on: local.retired_on,
            status: local.status,
        };
        let theirs = PersonFields {
            unit_id,
            name: person.name.clone(),
            position: person.position.clone(),
            retired_on: person.retired_on,
            status: person.status,
        };
        let mut changed = self.settle(
            Records::People,
            (local.id, person.id, &local.uid),
            (&ours, &theirs),
            (&local.updated_at, &person.updated_at),
            |fields, at| {
                let change = PersonChange {
                    name: Some(fields.name.clone()),
                    position: Some(fields.position.clone()),
                    unit_id: Some(fields.unit_id),
                    alias_of: None,
                    retired_on: Some(fields.retired_on),
                    status: Some(fields.status),
                };
                people::change_from(tx, local.id, &change, None, Some(at), author).map(drop)
            },
        )?;
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
            self.report.people.counts.updated += 1;
        } else {
            self.report.people.counts.unchanged += 1;
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
        // unit from the same month, which the source set apart.
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
        self.voidable(
            theirs,
            local,
            VoidableCalls {
                insert: &|fields, origin| plans::insert_from(tx, fields, origin, author),
                ours: &|id| {
                    let ours = plans::get(tx, id)?;
                    Ok(Ours {
                        fields: ours.fields,
                        updated_at: ours.updated_at,
                        void: ours.voided_at.zip(ours.void_reason),
                    })
                },
                update: &|id, fields, at| {
                    plans::update_from(tx, id, fields, Some(won), Some(at), author).map(drop)
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
        let id = self.voidable(
            theirs,
            local,
            VoidableCalls {
                insert: &|fields, origin| tasks::insert_from(tx, fields, origin, author),
                ours: &|id| {
                    let ours = tasks::get(tx, id)?;
                    Ok(Ours {
                        fields: ours.fields,
                        updated_at: ours.updated_at,
                        void: ours.voided_at.zip(ours.void_reason),
                    })
                },
                update: &|id, fields, at| {
                    tasks::update_from(tx, id, fields, Some(won), Some(at), author).map(drop)
                },
                void: &|id, reason, at| tasks::void_from(tx, id, reason, at, author).map(drop),
            },
        )?;
        self.task_ids.insert(task.id, id);
        Ok(())
    }

    fn visit(&mut self, visit: &visits::VisitRow) -> Result<()> {
        let (tx, author, won) = (self.tx, self.author, self.won);
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
            files_checked: visit.files_checked,
            note: visit.note.clone(),
        };
        let Some(local_id) = id_by_uid(tx, Records::Visits, &visit.uid)? else {
            let origin = Origin {
                uid: Some(visit.uid.clone()),
                created_by: Some(visit.created_by.clone()),
                created_at: Some(visit.created_at.clone()),
                updated_at: Some(visit.updated_at.clone()),
                reason: Some(self.won.to_string()),
            };
            let added = visits::insert_from(tx, &new, &origin, author)?;
            self.note_origins::<NewVisit>(
                Records::Visits,
                visit.id,
                &visit.uid,
                (&visit.created_at, &visit.updated_at),
            )?;
            if let (Some(at), Some(reason)) = (&visit.voided_at, &visit.void_reason) {
                visits::void_from(tx, added.id, reason, at, author)?;
            }
            self.visit_ids.insert(visit.id, added.id);
            self.report.visits.counts.new += 1;
            return Ok(());
        };
        self.visit_ids.insert(visit.id, local_id);
        let local = visits::get(tx, local_id)?;
        let ours = NewVisit {
            unit_id: local.unit_id,
            started_at: local.started_at,
            ended_at: local.ended_at,
            announced: local.announced,
            team: local.team.clone(),
            on_roll: local.on_roll,
            present: local.present,
            files_checked: local.files_checked,
            note: local.note.clone(),
        };
        // Its fields are settled even when it is void on one side, so that
        // no edit is lost; a void is never undone.
        let mut changed = self.settle(
            Records::Visits,
            (local_id, visit.id, &visit.uid),
            (&ours, &new),
            (&local.updated_at, &visit.updated_at),
            |fields, at| {
                visits::update_from(tx, local_id, fields, Some(at), Some(won), author).map(drop)
            },
        )?;
        match (
            local.voided_at.as_deref().zip(local.void_reason.as_deref()),
            visit.voided_at.as_deref().zip(visit.void_reason.as_deref()),
        ) {
            (None, Some((at, reason))) => {
                visits::void_from(tx, local_id, reason, at, author)?;
                changed = true;
            }
            // Voided on both sides: the first void stands on both.
            (Some(ours), Some(theirs)) if theirs < ours => {
                crate::store::records::set_void(
                    tx,
                    Records::Visits,
                    local_id,
                    theirs,
                    won,
                    author,
                )?;
                changed = true;
            }
            _ => {}
        }
        if changed {
            self.report.visits.counts.updated += 1;
        } else {
            self.report.visits.counts.unchanged += 1;
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
        self.voidable(
            theirs,
            local,
            VoidableCalls {
                insert: &|fields, origin| findings::insert_from(tx, fields, origin, author),
                ours: &|id| {
                    let ours = findings::get(tx, id)?;
                    Ok(Ours {
                        fields: ours.fields,
                        updated_at: ours.updated_at,
                        void: ours.voided_at.zip(ours.void_reason),
                    })
                },
                update: &|id, fields, at| {
                    findings::update_from(tx, id, fields, Some(won), Some(at), author).map(drop)
                },
                void: &|id, reason, at| findings::void_from(tx, id, reason, at, author).map(drop),
            },
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field a merge compares can also be settled when it is a
    /// conflict: the two lists name the same fields.
    #[test]
    fn every_field_a_merge_compares_can_be_settled() {
        let same = |keys: &[&str], records: Records| {
            let mut merged: Vec<&str> = keys.to_vec();
            let mut settled: Vec<&str> = crate::store::records::fields(records).to_vec();
            merged.sort_unstable();
            settled.sort_unstable();
            assert_eq!(merged, settled, "{records:?}");
        };
        same(<findings::NewFinding as Fields>::KEYS, Records::Findings);
        same(<NewVisit as Fields>::KEYS, Records::Visits);
        same(<UnitFields as Fields>::KEYS, Records::Units);
        same(<PersonFields as Fields>::KEYS, Records::People);
        same(<plans::NewPlan as Fields>::KEYS, Records::Plans);
        same(<tasks::NewTask as Fields>::KEYS, Records::Tasks);
    }
}
