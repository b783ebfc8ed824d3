//! Inspection plans: how many visits each unit should have a month, a
//! quarter or a year.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};

use super::history::{Entity, Snapshot};
use super::record::{Column, Record, column};
use super::{Author, Origin, opt, stored_month};
use crate::error::{Context, Error, Result};
use crate::model::{Month, PlanPer};

/// What a plan says. `unit_id` `None` is the plan of every unit that has
/// none of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlan {
    pub unit_id: Option<i64>,
    pub visits: i64,
    pub per: PlanPer,
    /// The first reporting month it covers; `None`: from the start.
    pub from: Option<Month>,
    /// The last; `None`: until further notice.
    pub to: Option<Month>,
}

#[derive(Debug, Clone)]
pub struct PlanRow {
    pub id: i64,
    pub uid: String,
    pub fields: NewPlan,
    pub unit_code: Option<String>,
    pub unit_name: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

impl PlanRow {
    /// Whether the plan covers `month`.
    pub fn covers(&self, month: Month) -> bool {
        self.fields.from.is_none_or(|from| from <= month)
            && self.fields.to.is_none_or(|to| month <= to)
    }
}

const SELECT: &str = "SELECT pl.*, u.code AS unit_code, u.name AS unit_name
    FROM plans pl LEFT JOIN units u ON u.id = pl.unit_id";

pub(super) const SNAPSHOT: Snapshot = Snapshot {
    json: "json_object('uid', pl.uid, 'unit', u.uid, 'visits', pl.visits, 'per', pl.per,
        'from_month', pl.from_month, 'to_month', pl.to_month, 'created_by', pl.created_by,
        'voided_at', pl.voided_at, 'void_reason', pl.void_reason,
        'created_at', pl.created_at, 'updated_at', pl.updated_at)",
    from: "plans pl LEFT JOIN units u ON u.id = pl.unit_id",
    alias: "pl",
};

impl Record for PlanRow {
    type Fields = NewPlan;

    const ENTITY: Entity = Entity::Plan;
    const TABLE: &'static str = "plans";
    const SELECT: &'static str = SELECT;
    const SNAPSHOT: &'static Snapshot = &SNAPSHOT;
    const ADDED: [&'static str; 2] = ["created_by", "created_at"];

    fn from_row(row: &Row<'_>) -> rusqlite::Result<PlanRow> {
        Ok(PlanRow {
            id: row.get("id")?,
            uid: row.get("uid")?,
            fields: NewPlan {
                unit_id: row.get("unit_id")?,
                visits: row.get("visits")?,
                per: row.get("per")?,
                from: opt(row, "from_month", stored_month)?,
                to: opt(row, "to_month", stored_month)?,
            },
            unit_code: row.get("unit_code")?,
            unit_name: row.get("unit_name")?,
            created_by: row.get("created_by")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
            voided_at: row.get("voided_at")?,
            void_reason: row.get("void_reason")?,
        })
    }

    fn columns(plan: &NewPlan) -> Vec<Column<'_>> {
        vec![
            column("unit_id", plan.unit_id),
            column("visits", plan.visits),
            column("per", plan.per),
            column("from_month", plan.from.map(|m| m.to_string())),
            column("to_month", plan.to.map(|m| m.to_string())),
        ]
    }

    fn uid(&self) -> &str {
        &self.uid
    }

    fn fields(&self) -> &NewPlan {
        &self.fields
    }

    fn check(plan: &NewPlan) -> Result<()> {
        if let (Some(from), Some(to)) = (plan.from, plan.to) {
            if to < from {
                return Err(Error::input(t!(
                    "store-plan-ends-before-it-starts",
                    from = from.to_string(),
                    to = to.to_string()
                )));
            }
        }
        if plan.visits < 0 {
            return Err(Error::input(t!("store-plan-negative-visits")));
        }
        Ok(())
    }

    fn reading() -> String {
        t!("store-reading-plan")
    }

    fn adding() -> String {
        t!("store-adding-plan")
    }

    fn changing(_id: i64) -> String {
        t!("store-changing-plan")
    }

    fn voiding(_id: i64) -> String {
        t!("store-changing-plan")
    }
}

pub fn get(conn: &Connection, id: i64) -> Result<PlanRow> {
    PlanRow::get(conn, id)
}

/// The plan in force of `unit` (or of every unit) that starts in `from`.
pub fn starting(
    conn: &Connection,
    unit_id: Option<i64>,
    from: Option<Month>,
) -> Result<Option<PlanRow>> {
    super::query_one(
        conn,
        &format!(
            "{SELECT} WHERE coalesce(pl.unit_id, 0) = coalesce(:unit, 0)
               AND coalesce(pl.from_month, '') = coalesce(:from, '') AND pl.voided_at IS NULL"
        ),
        named_params! { ":unit": unit_id, ":from": from.map(|m| m.to_string()) },
        PlanRow::from_row,
    )
    .optional()
    .with_context(|| t!("store-reading-plan"))
}

/// What [`set`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    Added,
    Changed,
    Unchanged,
}

/// Record a plan: a unit's plan that starts in the same month is replaced
/// (the history keeps the old figures), any other is added beside it.
pub fn set(tx: &Transaction<'_>, plan: &NewPlan, author: &Author) -> Result<(PlanRow, Set)> {
    PlanRow::check(plan)?;
    match starting(tx, plan.unit_id, plan.from)? {
        Some(existing) => match update_from(tx, existing.id, plan, None, None, author)? {
            Some(row) => Ok((row, Set::Changed)),
            None => Ok((existing, Set::Unchanged)),
        },
        None => {
            let id = insert_from(tx, plan, &Origin::default(), author)?;
            Ok((get(tx, id)?, Set::Added))
        }
    }
}

/// Add a plan as typed, or as another logbook or an export has it.
pub fn insert_from(
    tx: &Transaction<'_>,
    plan: &NewPlan,
    origin: &Origin,
    author: &Author,
) -> Result<i64> {
    PlanRow::insert_from(tx, plan, origin, author)
}

/// Replace a plan's figures and months; `None` when nothing changed.
pub fn update_from(
    tx: &Transaction<'_>,
    id: i64,
    plan: &NewPlan,
    reason: Option<&str>,
    updated_at: Option<&str>,
    author: &Author,
) -> Result<Option<PlanRow>> {
    PlanRow::update_from(tx, id, plan, reason, updated_at, author)
}

/// Take a plan out of force altogether, as typed or as another logbook did.
pub fn void_from(
    tx: &Transaction<'_>,
    id: i64,
    reason: &str,
    voided_at: &str,
    author: &Author,
) -> Result<PlanRow> {
    PlanRow::void_from(tx, id, reason, voided_at, author)
}

/// What [`clear`] did to one plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cleared {
    /// It now ends the month before.
    Ended,
    /// It started in or after that month, so it is gone.
    Voided,
}

/// End the plans of `unit` (or of every unit) in force in `from` or later,
/// so that no plan covers `from` onwards; the months before keep their
/// plans, so the reports of those months do not change.
pub fn clear(
    tx: &Transaction<'_>,
    unit_id: Option<i64>,
    from: Month,
    reason: &str,
    author: &Author,
) -> Result<Vec<(PlanRow, Cleared)>> {
    let mut done = Vec::new();
    for plan in list(tx, false)? {
        if plan.fields.unit_id != unit_id || plan.fields.to.is_some_and(|to| to < from) {
            continue;
        }
        if plan.fields.from.is_some_and(|start| start >= from) {
            done.push((
                void_from(tx, plan.id, reason, &author.at, author)?,
                Cleared::Voided,
            ));
        } else {
            let ended = NewPlan {
                to: Some(from.previous()),
                ..plan.fields.clone()
            };
            let row = update_from(tx, plan.id, &ended, Some(reason), None, author)?
                .expect("the end month changed");
            done.push((row, Cleared::Ended));
        }
    }
    Ok(done)
}

/// Every plan: the one for every unit first, then by unit code and start.
pub fn list(conn: &Connection, include_void: bool) -> Result<Vec<PlanRow>> {
    let filter = if include_void {
        ""
    } else {
        "WHERE pl.voided_at IS NULL"
    };
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} {filter}
             ORDER BY pl.unit_id IS NOT NULL, u.code, coalesce(pl.from_month, ''), pl.id"
        ))
        .with_context(|| t!("store-listing-plans"))?;
    let rows = stmt
        .query_map([], PlanRow::from_row)
        .with_context(|| t!("store-listing-plans"))?;
    rows.collect::<rusqlite::Result<_>>()
        .with_context(|| t!("store-listing-plans"))
}

/// The plan in force in `month` for each unit: its own plan covering the
/// month that starts latest, else the plan for every unit that does.
pub struct InForce {
    own: Vec<PlanRow>,
    every_unit: Option<PlanRow>,
}

impl InForce {
    pub fn for_unit(&self, unit_id: i64) -> Option<&PlanRow> {
        self.own
            .iter()
            .rev()
            .find(|p| p.fields.unit_id == Some(unit_id))
            .or(self.every_unit.as_ref())
    }
}

/// The plans in force in `month`.
pub fn in_force(conn: &Connection, month: Month) -> Result<InForce> {
    // `list` orders each unit's plans by start, so the last one wins.
    let covering: Vec<PlanRow> = list(conn, false)?
        .into_iter()
        .filter(|p| p.covers(month))
        .collect();
    let (every, own): (Vec<_>, Vec<_>) = covering
        .into_iter()
        .partition(|p| p.fields.unit_id.is_none());
    Ok(InForce {
        own,
        every_unit: every.into_iter().last(),
    })
}
