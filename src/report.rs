//! The reports as typed values: the monthly summary, repeat offenders and
//! the trend over periods. No printing here; `render` shows them.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::error::Result;
use crate::model::{Action, FindingKind, Month, Period};
use crate::store::Store;
use crate::store::reports::{self, Measure, Offender, RepeatRule, TrendBy, UnitCounts};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PeriodInfo {
    pub label: String,
    pub first_day: String,
    pub last_day: String,
}

impl From<&Period> for PeriodInfo {
    fn from(period: &Period) -> Self {
        PeriodInfo {
            label: period.month.to_string(),
            first_day: period.first.format("%Y-%m-%d").to_string(),
            last_day: period.last.format("%Y-%m-%d").to_string(),
        }
    }
}

/// The figures of one row of the monthly summary.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Totals {
    pub visits: i64,
    pub late: i64,
    pub late_minutes: i64,
    pub absent: i64,
    pub overdue: i64,
    pub overdue_working_days: i64,
    pub other: i64,
    pub findings: i64,
    pub repeat_people: i64,
}

impl Totals {
    fn add(&mut self, c: &UnitCounts) {
        self.visits += c.visits;
        self.late += c.late;
        self.late_minutes += c.late_minutes;
        self.absent += c.absent;
        self.overdue += c.overdue;
        self.overdue_working_days += c.overdue_working_days;
        self.other += c.other;
        self.findings += c.findings;
        self.repeat_people += c.repeat_people;
    }

    /// The figures with their column names, in report order.
    pub fn named(&self) -> [(&'static str, i64); 9] {
        [
            ("visits", self.visits),
            ("late", self.late),
            ("late_minutes", self.late_minutes),
            ("absent", self.absent),
            ("overdue", self.overdue),
            ("overdue_working_days", self.overdue_working_days),
            ("other", self.other),
            ("findings", self.findings),
            ("repeat_people", self.repeat_people),
        ]
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UnitRow {
    pub unit_code: String,
    pub unit_name: String,
    #[serde(flatten)]
    pub figures: Totals,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OverdueUnit {
    pub unit_code: String,
    pub unit_name: String,
    pub overdue: i64,
    pub overdue_working_days: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RepeatOffender {
    pub name: String,
    pub position: Option<String>,
    pub unit_code: String,
    pub unit_name: String,
    pub findings: i64,
    /// `late×2, absent`
    pub kinds: String,
    pub first_date: String,
    pub last_date: String,
    pub highest_action: Option<Action>,
    pub next_action: Action,
}

impl From<Offender> for RepeatOffender {
    fn from(o: Offender) -> Self {
        let kinds = o
            .kinds
            .iter()
            .map(|(kind, n)| {
                if *n == 1 {
                    kind.to_string()
                } else {
                    format!("{kind}×{n}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        RepeatOffender {
            name: o.name,
            position: o.position,
            unit_code: o.unit_code,
            unit_name: o.unit_name,
            findings: o.findings,
            kinds,
            first_date: o.first.format("%Y-%m-%d").to_string(),
            last_date: o.last.format("%Y-%m-%d").to_string(),
            highest_action: o.highest_action,
            next_action: o
                .highest_action
                .map_or(Action::first_rung(), Action::next_rung),
        }
    }
}

/// The summary of one reporting period that goes to the district leadership.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MonthReport {
    pub period: PeriodInfo,
    pub units: Vec<UnitRow>,
    pub totals: Totals,
    pub previous_period: PeriodInfo,
    pub previous_totals: Totals,
    pub not_visited: Vec<String>,
    pub most_overdue: Vec<OverdueUnit>,
    pub repeat_offenders: Vec<RepeatOffender>,
    /// The head of the edit history when the report was made: `check --seal`
    /// later confirms the logbook still holds that state.
    pub seal: Option<String>,
}

/// How many units the "most overdue files" list names.
const MOST_OVERDUE: usize = 5;

/// The first day of the repeat window: `months` before the period starts.
fn repeat_window_start(period: &Period, months: u32) -> NaiveDate {
    period.first - Months::new(months)
}

fn totals_of(rows: &[UnitCounts]) -> Totals {
    let mut totals = Totals::default();
    for row in rows {
        totals.add(row);
    }
    totals
}

pub fn month(
    store: &Store,
    period: &Period,
    start_day: u32,
    repeat_months: u32,
) -> Result<MonthReport> {
    let conn = store.conn();
    let repeat_from = repeat_window_start(period, repeat_months);
    let repeat_offenders = reports::offenders(
        conn,
        repeat_from,
        period.last,
        RepeatRule::Across(period.first),
    )?;
    let mut repeats_by_unit = std::collections::HashMap::new();
    for offender in &repeat_offenders {
        *repeats_by_unit
            .entry(offender.unit_code.as_str())
            .or_insert(0) += 1;
    }
    let mut counts = reports::unit_counts(conn, period)?;
    for unit in &mut counts {
        unit.repeat_people = repeats_by_unit
            .get(unit.unit_code.as_str())
            .copied()
            .unwrap_or(0);
    }
    let previous = period.previous(start_day);
    let mut previous_totals = totals_of(&reports::unit_counts(conn, &previous)?);
    previous_totals.repeat_people = reports::repeat_count(
        conn,
        &previous,
        repeat_window_start(&previous, repeat_months),
    )?;

    let not_visited = counts
        .iter()
        .filter(|c| c.visits == 0)
        .map(|c| c.unit_code.clone())
        .collect();
    let mut most_overdue: Vec<&UnitCounts> = counts.iter().filter(|c| c.overdue > 0).collect();
    // Rows come in code order and the sort is stable, so ties stay by code.
    most_overdue.sort_by_key(|c| std::cmp::Reverse(c.overdue));
    let most_overdue = most_overdue
        .into_iter()
        .take(MOST_OVERDUE)
        .map(|c| OverdueUnit {
            unit_code: c.unit_code.clone(),
            unit_name: c.unit_name.clone(),
            overdue: c.overdue,
            overdue_working_days: c.overdue_working_days,
        })
        .collect();
    Ok(MonthReport {
        period: period.into(),
        totals: totals_of(&counts),
        previous_period: (&previous).into(),
        previous_totals,
        units: counts
            .into_iter()
            .map(|c| UnitRow {
                figures: Totals {
                    visits: c.visits,
                    late: c.late,
                    late_minutes: c.late_minutes,
                    absent: c.absent,
                    overdue: c.overdue,
                    overdue_working_days: c.overdue_working_days,
                    other: c.other,
                    findings: c.findings,
                    repeat_people: c.repeat_people,
                },
                unit_code: c.unit_code,
                unit_name: c.unit_name,
            })
            .collect(),
        not_visited,
        most_overdue,
        repeat_offenders: repeat_offenders
            .into_iter()
            .map(RepeatOffender::from)
            .collect(),
        seal: crate::store::check::seal(conn)?.map(|seal| seal.hash),
    })
}

/// People with at least `min` findings in the `months` up to `as_of`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RepeatReport {
    pub first_day: String,
    pub last_day: String,
    pub min: i64,
    pub offenders: Vec<RepeatOffender>,
}

pub fn repeat(store: &Store, as_of: NaiveDate, months: u32, min: i64) -> Result<RepeatReport> {
    let first = (as_of - Months::new(months)).succ_opt().unwrap_or(as_of);
    let offenders = reports::offenders(store.conn(), first, as_of, RepeatRule::AtLeast(min))?
        .into_iter()
        .map(RepeatOffender::from)
        .collect();
    Ok(RepeatReport {
        first_day: first.format("%Y-%m-%d").to_string(),
        last_day: as_of.format("%Y-%m-%d").to_string(),
        min,
        offenders,
    })
}

/// One row of a trend: a unit or a kind, its figure per period.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendRow {
    pub key: String,
    pub label: String,
    pub values: Vec<i64>,
}

impl TrendRow {
    pub fn total(&self) -> i64 {
        self.values.iter().sum()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendReport {
    pub measure: Measure,
    pub by: TrendBy,
    pub periods: Vec<Period>,
    pub rows: Vec<TrendRow>,
    pub totals: Vec<i64>,
}

pub fn trend(
    store: &Store,
    from: Month,
    to: Month,
    start_day: u32,
    measure: Measure,
    by: TrendBy,
) -> Result<TrendReport> {
    let mut periods = Vec::new();
    let mut month = to;
    while month >= from {
        periods.push(Period::of_month(month, start_day));
        month = month.previous();
    }
    periods.reverse();
    let first = periods.first().map(|p| p.first).unwrap_or(NaiveDate::MIN);
    let last = periods.last().map(|p| p.last).unwrap_or(NaiveDate::MIN);
    let cells = reports::trend(store.conn(), first, last, start_day, measure, by)?;
    let mut rows: Vec<TrendRow> = match by {
        TrendBy::Unit => crate::store::units::all(store.conn())?
            .into_iter()
            .map(|u| TrendRow {
                key: u.code,
                label: u.name,
                values: vec![0; periods.len()],
            })
            .collect(),
        TrendBy::Kind => FindingKind::ALL
            .iter()
            .map(|k| TrendRow {
                key: k.to_string(),
                label: k.to_string(),
                values: vec![0; periods.len()],
            })
            .collect(),
    };
    let labels: Vec<String> = periods.iter().map(|p| p.month.to_string()).collect();
    for cell in cells {
        let column = labels.iter().position(|l| *l == cell.period);
        let row = rows.iter_mut().find(|r| r.key == cell.key);
        if let (Some(column), Some(row)) = (column, row) {
            row.values[column] += cell.value;
        }
    }
    let totals = (0..periods.len())
        .map(|i| rows.iter().map(|r| r.values[i]).sum())
        .collect();
    Ok(TrendReport {
        measure,
        by,
        periods,
        rows,
        totals,
    })
}
