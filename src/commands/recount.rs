//! `recount`: after the calendar changed (a make-up day announced late, a
//! unit's working week corrected), count again the working days stored in
//! the overdue files and unfinished tasks of a period, each change an edit
//! with its history entry.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::period;
use crate::Ctx;
use crate::cli::RecountArgs;
use crate::error::{Error, Result};
use crate::model::FindingKind;
use crate::render::{Column, Table, Value};
use crate::rules::{self, Calendar};
use crate::store::{Access, FindingFilter, FindingRow, findings, units};

/// The reason each recount's history entry gives.
const REASON: &str = "recounted with the calendar in force";

/// A finding whose stored count differs from the count today's calendar gives.
struct Recounted {
    row: FindingRow,
    days: i64,
    working: i64,
}

pub fn recount(ctx: &mut Ctx<'_>, args: RecountArgs) -> Result<()> {
    let period =
        period(ctx, &args.period)?.ok_or_else(|| Error::usage(t!("recount-period-needed")))?;
    let access = if args.dry_run {
        Access::Read
    } else {
        Access::Write
    };
    let mut store = ctx.open(access)?;
    let unit_id = match &args.period.unit {
        Some(unit) => Some(units::resolve(store.conn(), unit)?.id),
        None => None,
    };
    let filter = FindingFilter {
        period: Some(period),
        unit_id,
        ..FindingFilter::default()
    };
    let calendar = ctx.settings.calendar();
    let author = ctx.author();
    let changed = if args.dry_run {
        differing(store.conn(), calendar, &filter)?
    } else {
        // Read and written in one transaction, so that nothing logged in
        // between is counted with a stale figure.
        store.write(|tx| {
            let changed = differing(tx, calendar, &filter)?;
            for change in &changed {
                let mut fields = change.row.fields.clone();
                fields.days_overdue = Some(change.days);
                fields.working_days_overdue = Some(change.working);
                findings::update(tx, change.row.id, &fields, Some(REASON), &author)?;
            }
            Ok(changed)
        })?
    };
    if changed.is_empty() {
        return ctx.note(&t!("recount-nothing"));
    }
    ctx.table(&changes_table(&changed))?;
    let line = if args.dry_run {
        t!("recount-would-change", count = changed.len())
    } else {
        t!("recount-changed", count = changed.len())
    };
    ctx.note(&line)
}

/// The kept overdue files and unfinished tasks of the filter whose stored
/// counts differ from what the calendar gives now.
fn differing(
    conn: &Connection,
    calendar: Calendar<'_>,
    filter: &FindingFilter,
) -> Result<Vec<Recounted>> {
    let mut changed = Vec::new();
    // Each unit's week, read once: a finding counts in the week of its unit.
    let mut weeks = std::collections::HashMap::new();
    for kind in [FindingKind::Overdue, FindingKind::Task] {
        let filter = FindingFilter {
            kind: Some(kind),
            ..filter.clone()
        };
        for row in findings::list(conn, &filter)? {
            let Some(due) = row.fields.due_on else {
                continue; // changed behind spotcheck's back: `check` names it
            };
            let visit_date = row.visit_started_at.date();
            let week = match weeks.get(&row.unit_id) {
                Some(week) => *week,
                None => {
                    let week = units::get(conn, row.unit_id)?.week;
                    weeks.insert(row.unit_id, week);
                    week
                }
            };
            let calendar = calendar.for_unit(week);
            let counted = match kind {
                FindingKind::Overdue => rules::file_overdue(
                    calendar,
                    due,
                    row.fields.received_on,
                    row.fields.returned_on,
                    visit_date,
                ),
                _ => rules::task_late(calendar, due, visit_date),
            };
            // The calendar counts working days only: a finding whose dates
            // break a rule was refused when logged, and stays as it is.
            let Ok((days, working)) = counted else {
                continue;
            };
            if row.fields.days_overdue != Some(days)
                || row.fields.working_days_overdue != Some(working)
            {
                changed.push(Recounted { row, days, working });
            }
        }
    }
    changed.sort_by_key(|c| c.row.id);
    Ok(changed)
}

fn changes_table(changed: &[Recounted]) -> Table {
    let day = |d: Option<NaiveDate>| d.map_or(Value::Null, Value::Date);
    let mut table = Table::new(
        [
            "number",
            "kind",
            "unit_code",
            "record",
            "due_on",
            "as_of",
            "days_before",
            "days_after",
            "working_days_before",
            "working_days_after",
        ]
        .map(Column::new)
        .to_vec(),
    );
    for change in changed {
        let f = &change.row.fields;
        let record = match f.kind {
            FindingKind::Overdue => f.file_ref.clone(),
            _ => f.description.clone(),
        };
        let as_of = f.returned_on.unwrap_or(change.row.visit_started_at.date());
        table.push(vec![
            change.row.id.into(),
            Value::Term(f.kind.as_str()),
            change.row.unit_code.clone().into(),
            record.into(),
            day(f.due_on),
            day(Some(as_of)),
            f.days_overdue.into(),
            change.days.into(),
            f.working_days_overdue.into(),
            change.working.into(),
        ]);
    }
    table
}
