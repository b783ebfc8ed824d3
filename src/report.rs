//! The reports as typed values: the monthly summary, repeat offenders and
//! the trend over periods. No printing here; `render` shows them.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::error::Result;
use crate::model::Measure;
use crate::model::{
    Action, DisciplineForm, FindingKind, Month, Period, PersonStatus, PlanPer, Span, SpanKind,
};
use crate::store::plans::{self, PlanRow};
use crate::store::reports::{self, Offender, RepeatRule, TrendBy, UnitCounts};
use crate::store::{Store, units};

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
    /// Visits the plans ask for in the period; `None` where no plan covers it.
    pub planned_visits: Option<i64>,
    pub unfinished_tasks: i64,
    /// Absences with an excuse: attendance figures, not breaches.
    pub excused_absences: i64,
    pub early: i64,
    /// Citizens' files checked on the visits that counted them.
    pub files_checked: i64,
    /// The overdue files found on those visits.
    pub overdue_of_checked: i64,
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
        self.unfinished_tasks += c.unfinished_tasks;
        self.excused_absences += c.excused_absences;
        self.early += c.early;
        self.files_checked += c.files_checked;
        self.overdue_of_checked += c.overdue_of_checked;
    }

    /// The share of the files checked found overdue, in per cent.
    pub fn overdue_rate(&self) -> Option<f64> {
        crate::rules::overdue_rate(self.overdue_of_checked, self.files_checked)
    }

    /// The figures in the order of the summary's columns, with the plan's
    /// figure empty where there is none.
    pub fn cells(&self) -> Vec<Option<i64>> {
        let named = self.named();
        let mut cells: Vec<Option<i64>> = named[..9].iter().map(|(_, n)| Some(*n)).collect();
        cells.push(self.planned_visits);
        cells.extend(named[9..].iter().map(|(_, n)| Some(*n)));
        cells
    }

    /// The sum of these figures and `other`'s: a planned figure counts where
    /// either has one.
    fn plus(&mut self, other: &Totals) {
        self.visits += other.visits;
        self.late += other.late;
        self.late_minutes += other.late_minutes;
        self.absent += other.absent;
        self.overdue += other.overdue;
        self.overdue_working_days += other.overdue_working_days;
        self.other += other.other;
        self.findings += other.findings;
        self.repeat_people += other.repeat_people;
        self.unfinished_tasks += other.unfinished_tasks;
        self.excused_absences += other.excused_absences;
        self.early += other.early;
        self.files_checked += other.files_checked;
        self.overdue_of_checked += other.overdue_of_checked;
        self.planned_visits = match (self.planned_visits, other.planned_visits) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            (a, b) => a.or(b),
        };
    }

    /// The counted figures with their column names, in report order.
    pub fn named(&self) -> [(&'static str, i64); 13] {
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
            ("unfinished_tasks", self.unfinished_tasks),
            ("excused_absences", self.excused_absences),
            ("early", self.early),
            ("files_checked", self.files_checked),
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
    /// The occasions: visits that found something about the person.
    pub visits: i64,
    /// `late×2, absent`: findings, so one visit may add more than one
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
            visits: o.visits,
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

/// The summary of one reporting period that goes to the leadership.
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
    /// The rows grouped under their parents, when asked for (`--by-parent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<UnitGroup>>,
    /// A longer report's months, each with the totals of its month report;
    /// empty (and left out) in a month report.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<MonthLine>,
    /// Disciplines proposed and still undecided at the end of the period
    /// (or today, while it lasts), past the time the decree allows; left
    /// out when there is none. Filled in by the report's command, which
    /// knows today.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub late_decisions: Vec<LateDecision>,
    /// Each unit's most frequent categories of breach, when asked for
    /// (`--categories`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<UnitCategory>>,
    /// The breaches about people by their employment status, when asked
    /// for (`--by-status`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_status: Option<Vec<StatusRow>>,
    /// Each unit's overdue files by apology, channel and stage of the
    /// delay, when asked for (`--overdue-details`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue_details: Option<Vec<reports::OverdueDetails>>,
    /// The disciplines decided in the period, when asked for
    /// (`--decisions`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decisions: Option<Vec<DecisionLine>>,
}

/// A decision taken in the period on a proposed discipline: its form (none
/// for a case closed without discipline), number, day and who took it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DecisionLine {
    pub finding: i64,
    pub person: Option<String>,
    pub unit_code: String,
    pub unit_name: String,
    pub found_on: String,
    pub discipline_form: Option<DisciplineForm>,
    pub decision_ref: Option<String>,
    pub decided_on: String,
    pub decided_by: Option<String>,
}

/// The decisions taken from the first to the last day of `period`, in the
/// order they were taken.
pub fn decisions(store: &Store, period: &Period) -> Result<Vec<DecisionLine>> {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    Ok(reports::decisions_taken(store.conn(), period)?
        .into_iter()
        .map(|d| DecisionLine {
            finding: d.finding,
            person: d.person,
            unit_code: d.unit_code,
            unit_name: d.unit_name,
            found_on: day(d.found),
            discipline_form: d.form,
            decision_ref: d.reference,
            decided_on: day(d.decided_on),
            decided_by: d.decided_by,
        })
        .collect())
}

/// Each unit's overdue files in `period` by apology, channel and stage.
pub fn overdue_details(store: &Store, period: &Period) -> Result<Vec<reports::OverdueDetails>> {
    reports::overdue_details(store.conn(), period)
}

/// A discipline proposed for a breach and not decided within the time the
/// decree allows.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LateDecision {
    pub finding: i64,
    pub person: Option<String>,
    pub unit_code: String,
    pub unit_name: String,
    pub found_on: String,
    /// The last day the decision could be taken.
    pub due_on: String,
    pub complex: bool,
}

/// One of a unit's most frequent categories of breach in the period.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UnitCategory {
    pub unit_code: String,
    pub unit_name: String,
    pub category: String,
    pub findings: i64,
}

/// How many categories of each unit a report shows.
pub const TOP_CATEGORIES: usize = 3;

/// The disciplines proposed on or before `as_of` and still undecided that
/// day, past the time the decree allows (see [`crate::rules::decision_due`]).
pub fn late_decisions(store: &Store, as_of: NaiveDate) -> Result<Vec<LateDecision>> {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    Ok(reports::undecided_proposals(store.conn(), as_of)?
        .into_iter()
        .filter_map(|p| {
            let due = crate::rules::decision_due(p.found, p.complex);
            (due < as_of).then(|| LateDecision {
                finding: p.finding,
                person: p.person,
                unit_code: p.unit_code,
                unit_name: p.unit_name,
                found_on: day(p.found),
                due_on: day(due),
                complex: p.complex,
            })
        })
        .collect())
}

/// Each unit's most frequent categories of breach in the period, at most
/// [`TOP_CATEGORIES`] a unit, most first.
pub fn top_categories(store: &Store, period: &Period) -> Result<Vec<UnitCategory>> {
    let mut shown: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    Ok(reports::categories(store.conn(), period)?
        .into_iter()
        .filter(|(code, ..)| {
            let count = shown.entry(code.clone()).or_insert(0);
            *count += 1;
            *count <= TOP_CATEGORIES
        })
        .map(|(unit_code, unit_name, category, findings)| UnitCategory {
            unit_code,
            unit_name,
            category,
            findings,
        })
        .collect())
}

/// One month of a longer report and the total row of its month report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MonthLine {
    pub period: PeriodInfo,
    #[serde(flatten)]
    pub totals: Totals,
}

/// The rows of the monthly summary under the unit they belong to, for
/// `report month --by-parent`: a commune with its offices and its centre,
/// a department with its units. A unit whose parent belongs to another is
/// counted under the unit at the top. A unit that has no parent and that
/// no unit of the report belongs to stands alone, without a subtotal.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UnitGroup {
    /// The unit at the top of the group.
    pub parent_code: String,
    pub parent_name: String,
    /// The rows of the group: the parent's own first, when it is in the
    /// report, then the others by code.
    pub units: Vec<UnitRow>,
    /// The sum of the group's rows; `None` for a unit standing alone.
    pub subtotal: Option<Totals>,
}

/// The summary's rows grouped by the unit at the top of each one's parents.
/// Every row is in exactly one group, so the groups add up to the total.
pub fn by_parent(store: &Store, report: &MonthReport) -> Result<Vec<UnitGroup>> {
    let all = units::all(store.conn())?;
    let by_id: std::collections::HashMap<i64, &units::UnitRow> =
        all.iter().map(|u| (u.id, u)).collect();
    let by_code: std::collections::HashMap<&str, &units::UnitRow> =
        all.iter().map(|u| (u.code.as_str(), u)).collect();
    // The unit at the top of a unit's parents; a chain that loops (which
    // no command makes) stops where it meets itself.
    let top = |code: &str| -> Option<&units::UnitRow> {
        let mut unit = *by_code.get(code)?;
        let mut seen = std::collections::HashSet::new();
        while let Some((parent, _)) = &unit.parent {
            if !seen.insert(unit.id) {
                break;
            }
            match by_id.get(parent) {
                Some(up) => unit = up,
                None => break,
            }
        }
        Some(unit)
    };
    let mut groups: std::collections::BTreeMap<String, UnitGroup> = Default::default();
    for row in &report.units {
        let (code, name) = match top(&row.unit_code) {
            Some(unit) => (unit.code.clone(), unit.name.clone()),
            None => (row.unit_code.clone(), row.unit_name.clone()),
        };
        let group = groups.entry(code.clone()).or_insert_with(|| UnitGroup {
            parent_code: code,
            parent_name: name,
            units: Vec::new(),
            subtotal: None,
        });
        group.units.push(row.clone());
    }
    Ok(groups
        .into_values()
        .map(|mut group| {
            // Rows come in code order; the parent's own goes first.
            group
                .units
                .sort_by_key(|row| row.unit_code != group.parent_code);
            let alone =
                matches!(group.units.as_slice(), [only] if only.unit_code == group.parent_code);
            if !alone {
                let mut subtotal = Totals::default();
                for row in &group.units {
                    subtotal.plus(&row.figures);
                }
                group.subtotal = Some(subtotal);
            }
            group
        })
        .collect())
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
    let previous = period.previous(start_day);
    summary(
        store,
        &Covered::month(period),
        &Covered::month(&previous),
        repeat_months,
    )
}

/// The summary of a quarter, half year, year or run of months: the month
/// report's sections over the span, against the span of as many months
/// before it, and the totals of each of its months.
pub fn span_report(
    store: &Store,
    span: &Span,
    start_day: u32,
    repeat_months: u32,
) -> Result<MonthReport> {
    let mut report = summary(
        store,
        &Covered::span(span, start_day),
        &Covered::span(&span.previous(start_day), start_day),
        repeat_months,
    )?;
    report.months = span
        .months(start_day)
        .iter()
        .map(|period| month_line(store.conn(), period, repeat_months))
        .collect::<Result<_>>()?;
    Ok(report)
}

/// One month of a longer report: the total row of that month's report.
fn month_line(
    conn: &rusqlite::Connection,
    period: &Period,
    repeat_months: u32,
) -> Result<MonthLine> {
    let counts = reports::unit_counts(conn, period)?;
    let mut totals = totals_of(&counts);
    totals.planned_visits = sum_planned(&planned_per_unit(conn, &counts, period.month)?);
    totals.repeat_people =
        reports::repeat_count(conn, period, repeat_window_start(period, repeat_months))?;
    Ok(MonthLine {
        period: period.into(),
        totals,
    })
}

/// What one summary covers: its dates, the reporting months in them (for
/// the plans) and its name.
struct Covered {
    info: PeriodInfo,
    dates: Period,
    months: Vec<Month>,
    /// A single month counts as repeaters those found before it too; a
    /// longer span also those found twice within it.
    longer: bool,
}

impl Covered {
    fn month(period: &Period) -> Covered {
        Covered {
            info: period.into(),
            dates: *period,
            months: vec![period.month],
            longer: false,
        }
    }

    fn span(span: &Span, start_day: u32) -> Covered {
        Covered {
            info: PeriodInfo {
                label: span.label(),
                first_day: span.first.format("%Y-%m-%d").to_string(),
                last_day: span.last.format("%Y-%m-%d").to_string(),
            },
            dates: span.dates(),
            months: span.months(start_day).iter().map(|p| p.month).collect(),
            longer: true,
        }
    }

    fn repeat_rule(&self) -> RepeatRule {
        if self.longer {
            RepeatRule::Reaching(self.dates.first)
        } else {
            RepeatRule::Across(self.dates.first)
        }
    }

    /// Each unit's planned visits over the months, in the order of `counts`.
    fn planned(
        &self,
        conn: &rusqlite::Connection,
        counts: &[UnitCounts],
    ) -> Result<Vec<Option<i64>>> {
        let mut planned = vec![None; counts.len()];
        for month in &self.months {
            for (sum, more) in planned
                .iter_mut()
                .zip(planned_per_unit(conn, counts, *month)?)
            {
                *sum = match (*sum, more) {
                    (None, None) => None,
                    (a, b) => Some(a.unwrap_or(0_i64).saturating_add(b.unwrap_or(0))),
                };
            }
        }
        Ok(planned)
    }
}

fn summary(
    store: &Store,
    covered: &Covered,
    previous: &Covered,
    repeat_months: u32,
) -> Result<MonthReport> {
    let conn = store.conn();
    let period = &covered.dates;
    let repeat_from = repeat_window_start(period, repeat_months);
    let repeat_offenders =
        reports::offenders(conn, repeat_from, period.last, covered.repeat_rule())?;
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
    let planned = covered.planned(conn, &counts)?;
    let previous_counts = reports::unit_counts(conn, &previous.dates)?;
    let mut previous_totals = totals_of(&previous_counts);
    previous_totals.planned_visits = sum_planned(&previous.planned(conn, &previous_counts)?);
    let previous_repeat_from = repeat_window_start(&previous.dates, repeat_months);
    previous_totals.repeat_people = if previous.longer {
        let found = reports::offenders(
            conn,
            previous_repeat_from,
            previous.dates.last,
            previous.repeat_rule(),
        )?;
        i64::try_from(found.len()).unwrap_or(i64::MAX)
    } else {
        reports::repeat_count(conn, &previous.dates, previous_repeat_from)?
    };
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
    let mut totals = totals_of(&counts);
    totals.planned_visits = sum_planned(&planned);
    Ok(MonthReport {
        period: covered.info.clone(),
        totals,
        previous_period: previous.info.clone(),
        previous_totals,
        units: counts
            .into_iter()
            .zip(planned)
            .map(|(c, planned_visits)| UnitRow {
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
                    planned_visits,
                    unfinished_tasks: c.unfinished_tasks,
                    excused_absences: c.excused_absences,
                    early: c.early,
                    files_checked: c.files_checked,
                    overdue_of_checked: c.overdue_of_checked,
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
        groups: None,
        months: Vec::new(),
        late_decisions: Vec::new(),
        categories: None,
        by_status: None,
        overdue_details: None,
        decisions: None,
    })
}

/// Each unit's planned visits in `month`, in the order of `counts`.
fn planned_per_unit(
    conn: &rusqlite::Connection,
    counts: &[UnitCounts],
    month: Month,
) -> Result<Vec<Option<i64>>> {
    let plans = plans::in_force(conn, month)?;
    Ok(counts
        .iter()
        .map(|c| {
            plans
                .for_unit(c.unit_id)
                .map(|plan| planned_in_month(plan, month))
        })
        .collect())
}

/// The planned visits of the units that have a plan; `None` when none has.
fn sum_planned(planned: &[Option<i64>]) -> Option<i64> {
    planned
        .iter()
        .flatten()
        .copied()
        .reduce(i64::saturating_add)
}

/// The visits a plan asks for in one month of its period: what it asks to be
/// done by the end of this month less what it asked by the end of the month
/// before, each rounded down, so that a plan of one visit a quarter asks for
/// it in the quarter's last month and the months of a period add up to the
/// plan.
pub fn planned_in_month(plan: &PlanRow, month: Month) -> i64 {
    let (first, _) = month.plan_period(plan.fields.per);
    let length = months_in(plan.fields.per);
    let index = i64::from((month.year - first.year) * 12) + i64::from(month.month)
        - i64::from(first.month)
        + 1;
    // A plan read from another logbook may ask for any number of visits:
    // wide enough not to overflow, then held within what a count can say.
    let by_end_of =
        |months: i64| i128::from(plan.fields.visits) * i128::from(months) / i128::from(length);
    let planned = by_end_of(index) - by_end_of(index - 1);
    i64::try_from(planned).unwrap_or(if planned < 0 { i64::MIN } else { i64::MAX })
}

fn months_in(per: PlanPer) -> i64 {
    match per {
        PlanPer::Month => 1,
        PlanPer::Quarter => 3,
        PlanPer::Year => 12,
    }
}

/// One unit in the plan report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PlanLine {
    pub unit_code: String,
    pub unit_name: String,
    /// The plan's period, when a plan covers the month.
    pub per: Option<PlanPer>,
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    pub planned: Option<i64>,
    /// Visits made in the plan's period (in the month, with no plan).
    pub made: i64,
    /// Visits still to make for the plan; 0 when it is met.
    pub behind: Option<i64>,
    pub quarter_visits: i64,
    pub last_visit: Option<String>,
}

/// Visits planned and made per unit, for the plan periods that hold a month.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PlanReport {
    pub month: PeriodInfo,
    /// The quarter that holds the month.
    pub quarter: PeriodInfo,
    pub units: Vec<PlanLine>,
    /// Codes of the units with no visit in the quarter.
    pub not_checked_this_quarter: Vec<String>,
}

/// The dates from the first day of month `first` to the last of month `last`.
fn span(first: Month, last: Month, start_day: u32) -> Period {
    // A plan's months never run backwards; were they to, the last alone.
    Span::of_months(SpanKind::Months, first, last, start_day)
        .map_or_else(|| Period::of_month(last, start_day), |span| span.dates())
}

pub fn plan(store: &Store, month: &Period, start_day: u32) -> Result<PlanReport> {
    let conn = store.conn();
    let plans = plans::in_force(conn, month.month)?;
    let (q_first, q_last) = month.month.plan_period(PlanPer::Quarter);
    let quarter = span(q_first, q_last, start_day);
    let quarter_visits = reports::visits_per_unit(conn, quarter.first, quarter.last)?;
    let last_visits = reports::last_visits(conn, month.last)?;
    let mut made_in = std::collections::HashMap::new();
    let mut units_out = Vec::new();
    for unit in units::all(conn)? {
        let plan = plans.for_unit(unit.id);
        let per = plan.map(|p| p.fields.per);
        let (first, last) = month.month.plan_period(per.unwrap_or(PlanPer::Month));
        let period = span(first, last, start_day);
        let counts = match made_in.entry((first, last)) {
            std::collections::hash_map::Entry::Occupied(counts) => counts.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(reports::visits_per_unit(conn, period.first, period.last)?)
            }
        };
        let made = counts.get(&unit.id).copied().unwrap_or(0);
        let planned = plan.map(|p| p.fields.visits);
        units_out.push(PlanLine {
            per,
            first_day: plan.map(|_| period.first.format("%Y-%m-%d").to_string()),
            last_day: plan.map(|_| period.last.format("%Y-%m-%d").to_string()),
            planned,
            made,
            behind: planned.map(|planned| (planned - made).max(0)),
            quarter_visits: quarter_visits.get(&unit.id).copied().unwrap_or(0),
            last_visit: last_visits
                .get(&unit.id)
                .map(|at| at.format("%Y-%m-%d %H:%M").to_string()),
            unit_code: unit.code,
            unit_name: unit.name,
        });
    }
    Ok(PlanReport {
        month: month.into(),
        quarter: PeriodInfo {
            label: format!("{}-Q{}", q_first.year, (q_first.month - 1) / 3 + 1),
            first_day: quarter.first.format("%Y-%m-%d").to_string(),
            last_day: quarter.last.format("%Y-%m-%d").to_string(),
        },
        not_checked_this_quarter: units_out
            .iter()
            .filter(|u| u.quarter_visits == 0)
            .map(|u| u.unit_code.clone())
            .collect(),
        units: units_out,
    })
}

/// A task not done at the end of the report's day.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TaskLine {
    pub number: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub text: String,
    pub source: Option<String>,
    pub assigned_on: Option<String>,
    pub due_on: String,
    /// `open` or `overdue`.
    pub state: &'static str,
    pub days_late: Option<i64>,
    pub working_days_late: Option<i64>,
    pub times_found_unfinished: i64,
}

/// Assigned tasks per unit as they stand at the end of a period (or today,
/// when the period has not ended).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TasksReport {
    pub period: PeriodInfo,
    pub as_of: String,
    pub units: Vec<reports::TaskCounts>,
    pub tasks: Vec<TaskLine>,
}

pub fn tasks(
    store: &Store,
    period: &Period,
    as_of: NaiveDate,
    calendar: crate::rules::Calendar<'_>,
) -> Result<TasksReport> {
    use crate::store::tasks::{self as task_store, TaskFilter, TaskState};
    let conn = store.conn();
    let units = reports::task_counts(conn, as_of)?;
    let filter = TaskFilter {
        undone_on: Some(as_of),
        assigned_by: Some(as_of),
        ..TaskFilter::default()
    };
    let tasks = task_store::list(conn, &filter)?
        .into_iter()
        .map(|task| {
            let state = task.state_on(as_of);
            let late = (state == TaskState::Overdue)
                .then(|| {
                    let calendar = calendar.for_unit(task.unit_week);
                    crate::rules::task_late(calendar, task.fields.due_on, as_of).ok()
                })
                .flatten();
            TaskLine {
                number: task.id,
                unit_code: task.unit_code,
                unit_name: task.unit_name,
                text: task.fields.text,
                source: task.fields.source,
                assigned_on: task
                    .fields
                    .assigned_on
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                due_on: task.fields.due_on.format("%Y-%m-%d").to_string(),
                state: state.as_str(),
                days_late: late.map(|(days, _)| days),
                working_days_late: late.map(|(_, working)| working),
                times_found_unfinished: task.times_found_unfinished,
            }
        })
        .collect();
    Ok(TasksReport {
        period: period.into(),
        as_of: as_of.format("%Y-%m-%d").to_string(),
        units,
        tasks,
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

/// A person's days of unexcused absence in the reporting month and the
/// year up to a day, and whether either reaches the team's threshold.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AbsenceLine {
    pub name: String,
    pub position: Option<String>,
    pub unit_code: String,
    pub month_days: i64,
    pub year_days: i64,
    pub over_threshold: bool,
}

/// Days of unexcused absence per person up to `as_of`: in its reporting
/// month and in the reporting year of that month.
pub struct Absences {
    pub month: Period,
    pub year_first: NaiveDate,
    pub as_of: NaiveDate,
    pub lines: Vec<AbsenceLine>,
}

pub fn absences(
    store: &Store,
    as_of: NaiveDate,
    start_day: u32,
    thresholds: crate::config::AbsenceThresholds,
) -> Result<Absences> {
    let month = Period::containing(as_of, start_day);
    // The reporting year the month belongs to, as `report year` counts it:
    // with a cut-off day, it starts in the December before.
    let year_first = Span::year(month.month.year, start_day).map_or(month.first, |year| year.first);
    let reaches =
        |days: i64, threshold: Option<u32>| threshold.is_some_and(|t| days >= i64::from(t));
    let lines = reports::unexcused_days(store.conn(), month.first, year_first, as_of)?
        .into_iter()
        .map(|p| AbsenceLine {
            over_threshold: reaches(p.month_days, thresholds.month)
                || reaches(p.year_days, thresholds.year),
            name: p.name,
            position: p.position,
            unit_code: p.unit_code,
            month_days: p.month_days,
            year_days: p.year_days,
        })
        .filter(|line| line.month_days > 0 || line.year_days > 0)
        .collect();
    Ok(Absences {
        month,
        year_first,
        as_of,
        lines,
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
        if let (Some(column), Some(row)) = (column, row)
            && let Some(value) = row.values.get_mut(column)
        {
            *value = value.saturating_add(cell.value);
        }
    }
    let totals = (0..periods.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.values.get(i))
                .fold(0, |sum: i64, value| sum.saturating_add(*value))
        })
        .collect();
    Ok(TrendReport {
        measure,
        by,
        periods,
        rows,
        totals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::plans::NewPlan;

    fn plan(visits: i64, per: PlanPer) -> PlanRow {
        PlanRow {
            id: 1,
            uid: String::new(),
            fields: NewPlan {
                unit_id: None,
                visits,
                per,
                from: None,
                to: None,
            },
            unit_code: None,
            unit_name: None,
            created_by: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
            voided_at: None,
            void_reason: None,
        }
    }

    fn by_month(visits: i64, per: PlanPer) -> Vec<i64> {
        let plan = plan(visits, per);
        (1..=12)
            .map(|m| planned_in_month(&plan, Month::new(2022, m).unwrap()))
            .collect()
    }

    #[test]
    fn a_plan_asks_for_its_visits_by_the_end_of_its_period_and_no_sooner() {
        assert_eq!(
            by_month(1, PlanPer::Quarter),
            [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]
        );
        assert_eq!(
            by_month(2, PlanPer::Quarter),
            [0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1]
        );
        assert_eq!(
            by_month(4, PlanPer::Quarter),
            [1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2]
        );
        assert_eq!(
            by_month(4, PlanPer::Year),
            [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]
        );
        assert_eq!(by_month(12, PlanPer::Year), [1; 12]);
        assert_eq!(by_month(2, PlanPer::Month), [2; 12]);
        // The months of each period add up to the plan.
        for visits in 0..=13 {
            assert_eq!(by_month(visits, PlanPer::Year).iter().sum::<i64>(), visits);
        }
    }
}

/// One row of `report month --by-status`: the breaches found about the
/// people of one employment status.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatusRow {
    /// `None`: people whose status is not recorded.
    pub status: Option<PersonStatus>,
    pub late: i64,
    pub absent: i64,
    pub early: i64,
    pub other: i64,
    pub overdue: i64,
    pub findings: i64,
    pub people: i64,
}

/// A row for every status and one for the people whose status is not
/// recorded, in that order, each whether or not it has findings: the
/// reader sees a status without breaches as a zero, not as a gap.
pub fn by_status(store: &Store, period: &Period) -> Result<Vec<StatusRow>> {
    let counts = reports::status_counts(store.conn(), period)?;
    let statuses = PersonStatus::ALL.iter().copied().map(Some).chain([None]);
    Ok(statuses
        .map(|status| {
            let c = counts
                .iter()
                .find(|c| c.status == status)
                .cloned()
                .unwrap_or_default();
            StatusRow {
                status,
                late: c.late,
                absent: c.absent,
                early: c.early,
                other: c.other,
                overdue: c.overdue,
                findings: c.findings,
                people: c.people,
            }
        })
        .collect())
}
