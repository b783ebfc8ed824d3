//! The aggregations behind the reports. Each is one GROUP BY over indexed
//! columns; nothing here loads findings one by one.

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::{date_text, day_after_text, req, stored_date, stored_datetime};
use crate::error::{Context, Result};
use crate::model::{Action, DisciplineForm, FindingKind, Measure, Period, PersonStatus};

/// One unit's figures for one period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitCounts {
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub visits: i64,
    pub late: i64,
    pub late_minutes: i64,
    pub absent: i64,
    pub overdue: i64,
    pub overdue_working_days: i64,
    pub other: i64,
    pub findings: i64,
    pub repeat_people: i64,
    /// Findings of assigned tasks not done.
    pub unfinished_tasks: i64,
    /// Absences with an excuse: attendance figures, not breaches.
    pub excused_absences: i64,
    pub early: i64,
    /// Citizens' files checked on the visits that counted them.
    pub files_checked: i64,
    /// Overdue files found on those visits: the rate's numerator.
    pub overdue_of_checked: i64,
}

/// The half-open range `[first day, day after last)` as stored date-time text.
fn bounds(period: &Period) -> (String, Option<String>) {
    (date_text(period.first), Some(day_after_text(period.last)))
}

/// A statement's own named parameters followed by those of its window.
fn with_window<'a>(
    own: &[(&'a str, &'a dyn rusqlite::ToSql)],
    window: &'a [(&'static str, Option<&'a str>)],
) -> Vec<(&'a str, &'a dyn rusqlite::ToSql)> {
    let mut params = own.to_vec();
    params.extend(
        window
            .iter()
            .map(|(name, value)| (*name, value as &dyn rusqlite::ToSql)),
    );
    params
}

/// Every unit with its figures for the period, in code order: the
/// period's whole months from the summary, the days at either end from
/// the visits. `repeat_people` is left at zero: the caller counts it from
/// [`offenders`], which reads the repeat window once for both.
pub fn unit_counts(conn: &Connection, period: &Period) -> Result<Vec<UnitCounts>> {
    let (from, _) = bounds(period);
    let window = super::summary::Window::new(conn, period.first, period.last)?;
    let mut stmt = conn
        .prepare_cached(&format!(
            "WITH {}
             SELECT u.id, u.code, u.name,
                    coalesce(w.visits, 0), coalesce(w.late, 0), coalesce(w.late_minutes, 0),
                    coalesce(w.absent, 0), coalesce(w.overdue, 0),
                    coalesce(w.overdue_working_days, 0), coalesce(w.other, 0),
                    coalesce(w.findings, 0), coalesce(w.unfinished_tasks, 0),
                    coalesce(w.excused_absences, 0), coalesce(w.early, 0),
                    coalesce(w.files_checked, 0), coalesce(w.overdue_of_checked, 0)
             FROM units u
             LEFT JOIN window_units w ON w.unit_id = u.id
             -- A unit retired before the period is no longer one to visit;
             -- it stays in the months it was still visited.
             WHERE u.retired_on IS NULL OR u.retired_on >= :from OR w.visits > 0
             ORDER BY u.code",
            super::summary::window_units()
        ))
        .with_context(|| t!("store-preparing-summary"))?;
    let window_params = window.params();
    let params = with_window(&[(":from", &from)], &window_params);
    let rows = stmt
        .query_map(params.as_slice(), |row| {
            Ok(UnitCounts {
                unit_id: row.get(0)?,
                unit_code: row.get(1)?,
                unit_name: row.get(2)?,
                visits: row.get(3)?,
                late: row.get(4)?,
                late_minutes: row.get(5)?,
                absent: row.get(6)?,
                overdue: row.get(7)?,
                overdue_working_days: row.get(8)?,
                other: row.get(9)?,
                findings: row.get(10)?,
                repeat_people: 0,
                unfinished_tasks: row.get(11)?,
                excused_absences: row.get(12)?,
                early: row.get(13)?,
                files_checked: row.get(14)?,
                overdue_of_checked: row.get(15)?,
            })
        })
        .with_context(|| t!("store-computing-summary"))?;
    rows.collect::<rusqlite::Result<_>>()
        .with_context(|| t!("store-computing-summary"))
}

/// How many visits each unit had from `first` to `last`, by unit number;
/// units without one are left out.
pub fn visits_per_unit(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<std::collections::HashMap<i64, i64>> {
    let context = || t!("store-counting-visits");
    let mut stmt = conn
        .prepare_cached(
            "SELECT unit_id, count(*) FROM visits
             WHERE started_at >= :from AND started_at < :to AND voided_at IS NULL
             GROUP BY unit_id",
        )
        .with_context(context)?;
    let to = Some(day_after_text(last));
    let rows = stmt
        .query_map(
            named_params! { ":from": date_text(first), ":to": to },
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// Each unit's last visit on or before `last`, by unit number.
pub fn last_visits(
    conn: &Connection,
    last: NaiveDate,
) -> Result<std::collections::HashMap<i64, chrono::NaiveDateTime>> {
    let context = || t!("store-counting-visits");
    let mut stmt = conn
        .prepare_cached(
            "SELECT unit_id, max(started_at) FROM visits
             WHERE started_at < :to AND voided_at IS NULL GROUP BY unit_id",
        )
        .with_context(context)?;
    let to = Some(day_after_text(last));
    let rows = stmt
        .query_map(named_params! { ":to": to }, |row| {
            let text: String = row.get(1)?;
            let at = stored_datetime(&text).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    1,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?;
            Ok((row.get(0)?, at))
        })
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// One unit's assigned tasks as they stand at the end of a day.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TaskCounts {
    pub unit_code: String,
    pub unit_name: String,
    /// Tasks given by that day (or with no day given), not void.
    pub assigned: i64,
    pub done_on_time: i64,
    pub done_late: i64,
    /// Not done, deadline not passed.
    pub open: i64,
    /// Not done, deadline passed.
    pub overdue: i64,
}

/// The units with assigned tasks by `day`, with how those tasks stand at
/// its end, in code order.
pub fn task_counts(conn: &Connection, day: NaiveDate) -> Result<Vec<TaskCounts>> {
    let context = || t!("store-counting-tasks");
    let mut stmt = conn
        .prepare_cached(
            "WITH given AS (
                 SELECT unit_id, due_on,
                        CASE WHEN done_on <= :day THEN done_on END AS done_on
                 FROM tasks
                 WHERE voided_at IS NULL AND (assigned_on IS NULL OR assigned_on <= :day)
             )
             SELECT u.code, u.name, count(*),
                    sum(g.done_on IS NOT NULL AND g.done_on <= g.due_on),
                    sum(g.done_on IS NOT NULL AND g.done_on > g.due_on),
                    sum(g.done_on IS NULL AND g.due_on >= :day),
                    sum(g.done_on IS NULL AND g.due_on < :day)
             FROM given g JOIN units u ON u.id = g.unit_id
             GROUP BY u.id ORDER BY u.code",
        )
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":day": date_text(day) }, |row| {
            Ok(TaskCounts {
                unit_code: row.get(0)?,
                unit_name: row.get(1)?,
                assigned: row.get(2)?,
                done_on_time: row.get(3)?,
                done_late: row.get(4)?,
                open: row.get(5)?,
                overdue: row.get(6)?,
            })
        })
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// How many people have a finding in the period and another since
/// `repeat_from` (before the period): the repeat offenders of
/// [`offenders`] with `RepeatRule::Across`, counted without naming them.
pub fn repeat_count(conn: &Connection, period: &Period, repeat_from: NaiveDate) -> Result<i64> {
    let (from, _) = bounds(period);
    let window = super::summary::Window::new(conn, repeat_from, period.last)?;
    let mut stmt = conn
        .prepare_cached(&format!(
            "WITH {} SELECT count(*) FROM (
                 SELECT person_id FROM window_people
                 GROUP BY person_id
                 HAVING min(first) < :from AND max(last) >= :from
             )",
            super::summary::window_people()
        ))
        .with_context(|| t!("store-counting-repeats"))?;
    let window_params = window.params();
    let params = with_window(&[(":from", &from)], &window_params);
    stmt.query_row(params.as_slice(), |row| row.get(0))
        .with_context(|| t!("store-counting-repeats"))
}

/// A person found at fault on several visits in a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offender {
    pub name: String,
    pub position: Option<String>,
    pub unit_code: String,
    pub unit_name: String,
    /// The visits that found something about the person: several findings
    /// of one visit are one occasion, not a repeat.
    pub visits: i64,
    /// How many findings of each kind, in the order of [`FindingKind::ALL`].
    pub kinds: Vec<(FindingKind, i64)>,
    pub first: chrono::NaiveDateTime,
    pub last: chrono::NaiveDateTime,
    /// The highest action already taken on any of them.
    pub highest_action: Option<Action>,
}

/// Which people of a window count as repeat offenders.
#[derive(Debug, Clone, Copy)]
pub enum RepeatRule {
    /// Findings on at least this many visits in the window.
    AtLeast(i64),
    /// A finding on a visit on or after this day and another on a visit
    /// before it.
    Across(NaiveDate),
    /// Findings on at least two visits in the window, the last of them on
    /// or after this day: a longer report's repeaters, who may have offended
    /// twice within it.
    Reaching(NaiveDate),
}

/// People with findings from `first` to `last` (both days included) that the
/// rule picks, found on most visits first. Both rules count visits, so
/// `report repeat` and the month's repeat section agree on who repeats.
pub fn offenders(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
    rule: RepeatRule,
) -> Result<Vec<Offender>> {
    let (min, split, reach) = match rule {
        RepeatRule::AtLeast(min) => (min, None, None),
        RepeatRule::Across(day) => (2, Some(date_text(day)), None),
        RepeatRule::Reaching(day) => (2, None, Some(date_text(day))),
    };
    let window = super::summary::Window::new(conn, first, last)?;
    let mut stmt = conn
        .prepare_cached(&format!(
            "WITH {},
             -- Grouped before the names are joined: there are far fewer
             -- people than findings in the window.
             g AS (
                 SELECT person_id, sum(visits) AS visits,
                        sum(late) AS late, sum(absent) AS absent, sum(overdue) AS overdue,
                        sum(other) AS other, sum(task) AS task, sum(early) AS early,
                        min(first) AS first, max(last) AS last, max(rung) AS rung
                 FROM window_people
                 GROUP BY person_id
                 HAVING sum(visits) >= :min
                    AND (:split IS NULL OR (min(first) < :split AND max(last) >= :split))
                    AND (:reach IS NULL OR max(last) >= :reach)
             )
             SELECT p.name, p.position, u.code, u.name AS unit_name, g.visits,
                    g.late, g.absent, g.overdue, g.other, g.task, g.early, g.first, g.last, g.rung
             FROM g CROSS JOIN people p ON p.id = g.person_id JOIN units u ON u.id = p.unit_id
             ORDER BY g.visits DESC, p.name_folded, u.code",
            super::summary::window_people()
        ))
        .with_context(|| t!("store-preparing-repeats"))?;
    let window_params = window.params();
    let params = with_window(
        &[(":min", &min), (":split", &split), (":reach", &reach)],
        &window_params,
    );
    let rows = stmt
        .query_map(params.as_slice(), |row| {
            let text = |i: usize| -> rusqlite::Result<String> { row.get(i) };
            let stamp = |i: usize| {
                stored_datetime(&text(i)?).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        i,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })
            };
            let rung: Option<i64> = row.get(13)?;
            let kinds = FindingKind::ALL
                .iter()
                .zip(5..11)
                .map(|(kind, i)| Ok((*kind, row.get::<_, i64>(i)?)))
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .collect();
            Ok(Offender {
                name: row.get(0)?,
                position: row.get(1)?,
                unit_code: row.get(2)?,
                unit_name: row.get(3)?,
                visits: row.get(4)?,
                kinds,
                first: stamp(11)?,
                last: stamp(12)?,
                highest_action: rung.and_then(Action::from_rung),
            })
        })
        .with_context(|| t!("store-finding-repeats"))?;
    rows.collect::<rusqlite::Result<_>>()
        .with_context(|| t!("store-finding-repeats"))
}

/// The SQL aggregate that computes a measure over the trend's joined rows.
fn measure_sql(measure: Measure) -> &'static str {
    match measure {
        Measure::Findings => "total(f.excuse IS NULL)",
        Measure::Late => "total(f.kind = 'late')",
        Measure::Absent => "total(f.kind = 'absent' AND f.excuse IS NULL)",
        Measure::Overdue => "total(f.kind = 'overdue')",
        Measure::Other => "total(f.kind = 'other')",
        Measure::LateMinutes => "total(CASE WHEN f.kind = 'late' THEN f.minutes_late END)",
        Measure::OverdueWorkingDays => {
            "total(CASE WHEN f.kind = 'overdue' THEN f.working_days_overdue END)"
        }
        Measure::Visits => "count(DISTINCT v.id)",
    }
}

/// How a trend splits its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TrendBy {
    Unit,
    Kind,
}

/// One cell of a trend: the period label (`2022-05`), the row key (a unit
/// code or a kind) and the figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendCell {
    pub period: String,
    pub key: String,
    pub value: i64,
}

/// A measure per period and per unit or kind, from `first` to `last`.
/// Periods are named by the month they end in, as `period_start_day` says.
pub fn trend(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
    start_day: u32,
    measure: Measure,
    by: TrendBy,
) -> Result<Vec<TrendCell>> {
    let key = match by {
        TrendBy::Unit => "u.code",
        TrendBy::Kind => "f.kind",
    };
    // Visits count whether or not they found anything; findings only when kept.
    let (join, filter) = match (measure, by) {
        (Measure::Visits, TrendBy::Unit) => ("LEFT JOIN findings f ON 0", ""),
        _ => (
            "JOIN findings f ON f.visit_id = v.id",
            "AND f.voided_at IS NULL",
        ),
    };
    let sql = format!(
        "SELECT CASE WHEN :start_day > 1 AND CAST(substr(v.started_at, 9, 2) AS INTEGER) >= :start_day
                     THEN strftime('%Y-%m', substr(v.started_at, 1, 10), 'start of month', '+1 month')
                     ELSE substr(v.started_at, 1, 7) END AS period,
                {key} AS key,
                CAST({measure} AS INTEGER) AS value
         FROM visits v JOIN units u ON u.id = v.unit_id {join}
         WHERE v.started_at >= :first AND v.started_at < :after AND v.voided_at IS NULL {filter}
         GROUP BY period, key",
        measure = measure_sql(measure)
    );
    let mut stmt = conn
        .prepare(&sql)
        .with_context(|| t!("store-preparing-trend"))?;
    let rows = stmt
        .query_map(
            named_params! {
                ":start_day": start_day,
                ":first": date_text(first),
                ":after": Some(day_after_text(last)),
            },
            |row| {
                Ok(TrendCell {
                    period: row.get(0)?,
                    key: row.get(1)?,
                    value: row.get(2)?,
                })
            },
        )
        .with_context(|| t!("store-computing-trend"))?;
    rows.collect::<rusqlite::Result<_>>()
        .with_context(|| t!("store-computing-trend"))
}

/// A discipline proposed on a visit (a finding whose action is
/// `discipline`) with no decision recorded by a given day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub finding: i64,
    /// The day the breach was found: the day of its visit.
    pub found: NaiveDate,
    pub complex: bool,
    pub person: Option<String>,
    pub unit_code: String,
    pub unit_name: String,
}

/// The proposals of discipline with no decision by `:as_of`, found before
/// `:after`. Both arms read a partial index of the proposals (those still
/// waiting, those decided from the day on): neither reads every finding.
const UNDECIDED: &str = "WITH waiting AS (
        SELECT id FROM findings
        WHERE action = 'discipline' AND decided_on IS NULL AND voided_at IS NULL
        UNION ALL
        SELECT id FROM findings
        WHERE action = 'discipline' AND decided_on > :as_of AND voided_at IS NULL
    )
    SELECT f.id, v.started_at, f.complex_case IS NOT NULL, p.name, u.code, u.name
    FROM waiting w
    JOIN findings f ON f.id = w.id
    JOIN visits v ON v.id = f.visit_id
    JOIN units u ON u.id = v.unit_id
    LEFT JOIN people p ON p.id = f.person_id
    WHERE v.voided_at IS NULL AND v.started_at < :after
    ORDER BY v.started_at, f.id";

/// The proposals of discipline found on or before `as_of` that had no
/// decision by that day, in the order they were found.
pub fn undecided_proposals(conn: &Connection, as_of: NaiveDate) -> Result<Vec<Proposal>> {
    let context = || t!("store-finding-proposals");
    let mut stmt = conn.prepare_cached(UNDECIDED).with_context(context)?;
    let rows = stmt
        .query_map(
            named_params! {
                ":as_of": date_text(as_of),
                ":after": Some(day_after_text(as_of)),
            },
            |row| {
                let started: String = row.get(1)?;
                let found = stored_datetime(&started)
                    .map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            1,
                            rusqlite::types::Type::Text,
                            Box::new(e),
                        )
                    })?
                    .date();
                Ok(Proposal {
                    finding: row.get(0)?,
                    found,
                    complex: row.get(2)?,
                    person: row.get(3)?,
                    unit_code: row.get(4)?,
                    unit_name: row.get(5)?,
                })
            },
        )
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// How many kept `other` findings of each named or team category each unit
/// had in the period, most first.
pub fn categories(
    conn: &Connection,
    period: &Period,
) -> Result<Vec<(String, String, String, i64)>> {
    let (from, to) = bounds(period);
    let context = || t!("store-counting-categories");
    let mut stmt = conn
        .prepare_cached(
            "SELECT u.code, u.name, f.category, count(*) AS n
             FROM visits v
             CROSS JOIN findings f ON f.visit_id = v.id
             JOIN units u ON u.id = v.unit_id
             WHERE v.started_at >= :from AND v.started_at < :to AND v.voided_at IS NULL
               AND f.voided_at IS NULL AND f.kind = 'other' AND f.category IS NOT NULL
             GROUP BY u.id, f.category
             ORDER BY u.code, n DESC, f.category",
        )
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":from": from, ":to": to }, |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// One unit's overdue files in a period by what was done about the delay:
/// the apologies sent, the channel the file came in by, and the stage at
/// which it was held up (files that record none are in no stage).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct OverdueDetails {
    pub unit_code: String,
    pub unit_name: String,
    pub overdue: i64,
    /// Files whose citizen was sent an apology with a new appointment.
    pub apologised: i64,
    pub online: i64,
    pub direct: i64,
    pub stage_reception: i64,
    pub stage_processing: i64,
    pub stage_coordination: i64,
    pub stage_approval: i64,
    pub stage_return: i64,
}

/// The overdue files of each unit that had any in the period, in code
/// order.
pub fn overdue_details(conn: &Connection, period: &Period) -> Result<Vec<OverdueDetails>> {
    let (from, to) = bounds(period);
    let context = || t!("store-counting-overdue-details");
    let mut stmt = conn
        .prepare_cached(
            "SELECT u.code, u.name, count(*), count(f.apology_on),
                    sum(f.channel = 'online'), sum(f.channel = 'direct'),
                    sum(f.delay_stage = 'reception'), sum(f.delay_stage = 'processing'),
                    sum(f.delay_stage = 'coordination'), sum(f.delay_stage = 'approval'),
                    sum(f.delay_stage = 'return')
             FROM visits v
             CROSS JOIN findings f ON f.visit_id = v.id
             JOIN units u ON u.id = v.unit_id
             WHERE v.started_at >= :from AND v.started_at < :to AND v.voided_at IS NULL
               AND f.voided_at IS NULL AND f.kind = 'overdue'
             GROUP BY u.id
             ORDER BY u.code",
        )
        .with_context(context)?;
    let rows = stmt
        .query_map(named_params! { ":from": from, ":to": to }, |row| {
            // A sum over rows that all lack the field is 0, never NULL:
            // every group has at least one file.
            let n = |i: usize| row.get::<_, Option<i64>>(i).map(Option::unwrap_or_default);
            Ok(OverdueDetails {
                unit_code: row.get(0)?,
                unit_name: row.get(1)?,
                overdue: n(2)?,
                apologised: n(3)?,
                online: n(4)?,
                direct: n(5)?,
                stage_reception: n(6)?,
                stage_processing: n(7)?,
                stage_coordination: n(8)?,
                stage_approval: n(9)?,
                stage_return: n(10)?,
            })
        })
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// A discipline decided in a period: the outcome the decision recorded for
/// a finding, or a case closed without discipline (no form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionTaken {
    pub finding: i64,
    pub found: NaiveDate,
    pub person: Option<String>,
    pub unit_code: String,
    pub unit_name: String,
    pub form: Option<DisciplineForm>,
    pub reference: Option<String>,
    pub decided_on: NaiveDate,
    pub decided_by: Option<String>,
}

/// The decisions taken from the first to the last day of the period,
/// whenever the breach was found, in the order they were taken.
pub fn decisions_taken(conn: &Connection, period: &Period) -> Result<Vec<DecisionTaken>> {
    let context = || t!("store-reading-decisions");
    let mut stmt = conn
        .prepare_cached(
            "SELECT f.id, v.started_at, p.name AS person, u.code AS unit_code,
                    u.name AS unit_name, f.discipline_form, f.decision_ref, f.decided_on,
                    f.decided_by
             FROM findings f
             JOIN visits v ON v.id = f.visit_id
             JOIN units u ON u.id = v.unit_id
             LEFT JOIN people p ON p.id = f.person_id
             WHERE f.decided_on >= :first AND f.decided_on <= :last
               AND f.voided_at IS NULL AND v.voided_at IS NULL
             ORDER BY f.decided_on, f.id",
        )
        .with_context(context)?;
    let rows = stmt
        .query_map(
            named_params! {
                ":first": date_text(period.first),
                ":last": date_text(period.last),
            },
            |row| {
                Ok(DecisionTaken {
                    finding: row.get("id")?,
                    found: req(row, "started_at", stored_datetime)?.date(),
                    person: row.get("person")?,
                    unit_code: row.get("unit_code")?,
                    unit_name: row.get("unit_name")?,
                    form: row.get("discipline_form")?,
                    reference: row.get("decision_ref")?,
                    decided_on: req(row, "decided_on", stored_date)?,
                    decided_by: row.get("decided_by")?,
                })
            },
        )
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// A person's days of unexcused absence from work (an absence from a
/// meeting is not a day away) up to a day: since the first day of a month,
/// and since the first day of a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbsentDays {
    pub name: String,
    pub position: Option<String>,
    pub unit_code: String,
    pub month_days: i64,
    pub year_days: i64,
}

/// Every person absent without excuse since `month_first` or `year_first`
/// up to `last`, most days first. Two findings of one day are one day away.
pub fn unexcused_days(
    conn: &Connection,
    month_first: NaiveDate,
    year_first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<AbsentDays>> {
    let context = || t!("store-counting-absences");
    let mut stmt = conn
        .prepare_cached(
            "WITH d AS (
                 SELECT DISTINCT f.person_id, substr(v.started_at, 1, 10) AS day
                 FROM visits v CROSS JOIN findings f ON f.visit_id = v.id
                 WHERE v.started_at >= :first AND v.started_at < :after AND v.voided_at IS NULL
                   AND f.kind = 'absent' AND f.excuse IS NULL AND f.meeting IS NULL
                   AND f.voided_at IS NULL AND f.person_id IS NOT NULL
             ),
             g AS (
                 SELECT person_id, sum(day >= :month_first) AS month_days,
                        sum(day >= :year_first) AS year_days
                 FROM d GROUP BY person_id
             )
             SELECT p.name, p.position, u.code, g.month_days, g.year_days
             FROM g JOIN people p ON p.id = g.person_id JOIN units u ON u.id = p.unit_id
             ORDER BY g.year_days DESC, g.month_days DESC, p.name_folded, u.code",
        )
        .with_context(context)?;
    let rows = stmt
        .query_map(
            named_params! {
                ":first": date_text(month_first.min(year_first)),
                ":month_first": date_text(month_first),
                ":year_first": date_text(year_first),
                ":after": Some(day_after_text(last)),
            },
            |row| {
                Ok(AbsentDays {
                    name: row.get(0)?,
                    position: row.get(1)?,
                    unit_code: row.get(2)?,
                    month_days: row.get(3)?,
                    year_days: row.get(4)?,
                })
            },
        )
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// The breaches found about the people of one employment status in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// `None`: people whose status is not recorded.
    pub status: Option<PersonStatus>,
    pub late: i64,
    /// Unexcused absences only: an excused one is not a breach.
    pub absent: i64,
    pub early: i64,
    pub other: i64,
    pub overdue: i64,
    pub findings: i64,
    /// The people the findings are about, each once.
    pub people: i64,
}

/// The period's breaches about a person, by the person's employment
/// status, for `report month --by-status`: the law a breach is dealt with
/// under depends on it. Only statuses that have findings come back.
pub fn status_counts(conn: &Connection, period: &Period) -> Result<Vec<StatusCounts>> {
    let (from, to) = bounds(period);
    let mut stmt = conn
        .prepare_cached(
            "WITH pv AS MATERIALIZED (
                 SELECT id FROM visits
                 WHERE started_at >= :from AND started_at < :to AND voided_at IS NULL
             )
             SELECT p.status,
                    sum(f.kind = 'late'), sum(f.kind = 'absent'), sum(f.kind = 'early'),
                    sum(f.kind = 'other'), sum(f.kind = 'overdue'),
                    count(*), count(DISTINCT f.person_id)
             FROM pv CROSS JOIN findings f ON f.visit_id = pv.id
             JOIN people p ON p.id = f.person_id
             -- an excused absence is not a breach, and a task is a unit's
             WHERE f.voided_at IS NULL AND f.excuse IS NULL AND f.kind <> 'task'
             GROUP BY p.status",
        )
        .with_context(|| t!("store-computing-summary"))?;
    let rows = stmt
        .query_map(named_params! { ":from": from, ":to": to }, |row| {
            Ok(StatusCounts {
                status: row.get(0)?,
                late: row.get(1)?,
                absent: row.get(2)?,
                early: row.get(3)?,
                other: row.get(4)?,
                overdue: row.get(5)?,
                findings: row.get(6)?,
                people: row.get(7)?,
            })
        })
        .with_context(|| t!("store-computing-summary"))?;
    rows.collect::<rusqlite::Result<_>>()
        .with_context(|| t!("store-computing-summary"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn late_decisions_are_found_through_the_indexes_without_reading_every_finding() {
        let store = Store::open_in_memory().unwrap();
        let mut stmt = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {UNDECIDED}"))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(
                named_params! { ":as_of": "2026-05-31", ":after": "2026-06-01" },
                |row| row.get(3),
            )
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            plan.iter()
                .any(|step| step.contains("USING INDEX findings_decided (decided_on>?)")),
            "{plan:?}"
        );
        assert!(
            !plan.iter().any(|step| step.starts_with("SCAN findings")),
            "{plan:?}"
        );
    }
}
