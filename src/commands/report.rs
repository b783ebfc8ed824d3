//! `report month|repeat|trend`: what the team leader sends upward.

use crate::Ctx;
use crate::cli::ReportCommand;
use crate::error::{Error, Result};
use crate::input;
use crate::model::Period;
use crate::render::{self, Block, Column, Format, Table, Value};
use crate::report::{self, MonthReport, RepeatOffender, Totals};
use crate::store::Access;
use crate::store::reports::TrendBy;

pub fn run(ctx: &mut Ctx<'_>, command: ReportCommand) -> Result<()> {
    match command {
        ReportCommand::Month { month } => month_report(ctx, month.as_deref()),
        ReportCommand::Repeat { months, min, as_of } => repeat(ctx, months, min, as_of.as_deref()),
        ReportCommand::Trend { from, to, measure } => {
            trend(ctx, from.as_deref(), to.as_deref(), measure)
        }
    }
}

fn day(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

fn write_blocks(ctx: &mut Ctx<'_>, blocks: &[Block]) -> Result<()> {
    render::write_document(blocks, ctx.format, &ctx.style, ctx.out).map_err(Error::Output)
}

fn write_json(ctx: &mut Ctx<'_>, value: &impl serde::Serialize) -> Result<()> {
    render::write_json(value, ctx.out).map_err(Error::Output)
}

/// The summary's columns: the key scripts read, and a short terminal heading.
const SUMMARY_COLUMNS: [(&str, &str); 11] = [
    ("unit_code", "code"),
    ("unit_name", "unit"),
    ("visits", "visits"),
    ("late", "late"),
    ("late_minutes", "late min"),
    ("absent", "absent"),
    ("overdue", "overdue"),
    ("overdue_working_days", "overdue wd"),
    ("other", "other"),
    ("findings", "findings"),
    ("repeat_people", "repeat"),
];

fn summary_row(code: &str, name: &str, figures: &Totals) -> Vec<Value> {
    let mut row: Vec<Value> = vec![code.into(), name.into()];
    row.extend(figures.named().iter().map(|(_, n)| Value::Int(*n)));
    row
}

fn summary_table(report: &MonthReport) -> Table {
    let mut table = Table::new(
        SUMMARY_COLUMNS
            .iter()
            .map(|(key, header)| Column::titled(key, header))
            .collect(),
    );
    for unit in &report.units {
        table.push(summary_row(&unit.unit_code, &unit.unit_name, &unit.figures));
    }
    table.push(summary_row("TOTAL", "", &report.totals));
    table
}

fn offenders_table(offenders: &[RepeatOffender], with_position: bool) -> Table {
    let mut columns = vec![Column::new("name")];
    if with_position {
        columns.push(Column::new("position"));
    }
    columns.extend(
        [
            "unit_code",
            "findings",
            "kinds",
            "first_date",
            "last_date",
            "highest_action",
            "next_action",
        ]
        .iter()
        .map(|k| Column::new(k)),
    );
    let mut table = Table::new(columns);
    for o in offenders {
        let mut row: Vec<Value> = vec![o.name.as_str().into()];
        if with_position {
            row.push(o.position.clone().into());
        }
        row.extend([
            o.unit_code.as_str().into(),
            o.findings.into(),
            o.kinds.as_str().into(),
            o.first_date.as_str().into(),
            o.last_date.as_str().into(),
            o.highest_action.map(|a| a.as_str()).into(),
            o.next_action.as_str().into(),
        ]);
        table.push(row);
    }
    table
}

/// `late +3`, `absent −1`, `visits ±0`: each total against the previous period.
fn changes(now: &Totals, before: &Totals) -> String {
    now.named()
        .iter()
        .zip(before.named())
        .map(|((name, n), (_, b))| {
            let delta = n - b;
            match delta {
                0 => format!("{name} ±0"),
                d if d > 0 => format!("{name} +{d}"),
                d => format!("{name} −{}", -d),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn month_report(ctx: &mut Ctx<'_>, month: Option<&str>) -> Result<()> {
    let start_day = ctx.settings.period_start_day.value;
    let today = ctx.clock.today();
    let period = match month {
        Some(m) => input::parse_month(m, today, start_day)?,
        None => Period::containing(today, start_day),
    };
    let repeat_months = ctx.settings.repeat_months.value;
    let store = ctx.open(Access::Read)?;
    let report = report::month(&store, &period, start_day, repeat_months)?;
    match ctx.format {
        Format::Json => write_json(ctx, &report),
        Format::Csv => ctx.table(&summary_table(&report)),
        Format::Table | Format::Md => {
            let mut blocks = vec![
                Block::Title(format!(
                    "Monthly report {}: {} – {}",
                    report.period.label,
                    day(&report.period.first_day),
                    day(&report.period.last_day)
                )),
                Block::Table(summary_table(&report)),
                Block::Section("Units not visited".into()),
            ];
            if report.not_visited.is_empty() {
                blocks.push(Block::Line("none: every unit was visited".into()));
            } else {
                let names: Vec<String> = report
                    .units
                    .iter()
                    .filter(|u| report.not_visited.contains(&u.unit_code))
                    .map(|u| format!("{} ({})", u.unit_code, u.unit_name))
                    .collect();
                blocks.push(Block::Line(names.join(", ")));
            }
            blocks.push(Block::Section("Most overdue files".into()));
            if report.most_overdue.is_empty() {
                blocks.push(Block::Line("none: no overdue files found".into()));
            } else {
                let mut table = Table::new(
                    ["unit_code", "unit_name", "overdue", "overdue_working_days"]
                        .iter()
                        .map(|k| Column::new(k))
                        .collect(),
                );
                for unit in &report.most_overdue {
                    table.push(vec![
                        unit.unit_code.as_str().into(),
                        unit.unit_name.as_str().into(),
                        unit.overdue.into(),
                        unit.overdue_working_days.into(),
                    ]);
                }
                blocks.push(Block::Table(table));
            }
            let heading = format!(
                "Repeat offenders (a finding in this period and another in the {repeat_months} months before)"
            );
            blocks.push(if report.repeat_offenders.is_empty() {
                Block::Section(heading)
            } else {
                Block::Warning(heading)
            });
            if report.repeat_offenders.is_empty() {
                blocks.push(Block::Line("none".into()));
            } else {
                blocks.push(Block::Table(offenders_table(
                    &report.repeat_offenders,
                    false,
                )));
            }
            blocks.push(Block::Section(format!(
                "Change against {} ({} – {})",
                report.previous_period.label,
                day(&report.previous_period.first_day),
                day(&report.previous_period.last_day)
            )));
            blocks.push(Block::Line(changes(
                &report.totals,
                &report.previous_totals,
            )));
            if let Some(seal) = &report.seal {
                blocks.push(Block::Line(format!(
                    "Seal: {seal} (`spotcheck check --seal {seal}` confirms the logbook still holds the records this report was made from)"
                )));
            }
            write_blocks(ctx, &blocks)
        }
    }
}

fn repeat(ctx: &mut Ctx<'_>, months: Option<u32>, min: u32, as_of: Option<&str>) -> Result<()> {
    let today = ctx.clock.today();
    let as_of = as_of
        .map(|d| input::parse_date(d, today))
        .transpose()?
        .unwrap_or(today);
    let months = months.unwrap_or(ctx.settings.repeat_months.value);
    if months == 0 || months > 120 {
        return Err(Error::input(format!(
            "`--months {months}` must be from 1 to 120"
        )));
    }
    if min == 0 {
        return Err(Error::input(
            "`--min 0` would list everyone: give at least `--min 1`",
        ));
    }
    let store = ctx.open(Access::Read)?;
    let report = report::repeat(&store, as_of, months, i64::from(min))?;
    let table = offenders_table(&report.offenders, true);
    match ctx.format {
        Format::Csv | Format::Json => ctx.table(&table),
        Format::Table | Format::Md => {
            let mut blocks = vec![Block::Title(format!(
                "Repeat offenders: {min} or more findings from {} to {}",
                day(&report.first_day),
                day(&report.last_day)
            ))];
            if report.offenders.is_empty() {
                blocks.push(Block::Line("none".into()));
            } else {
                blocks.push(Block::Table(table));
            }
            write_blocks(ctx, &blocks)
        }
    }
}

fn trend(
    ctx: &mut Ctx<'_>,
    from: Option<&str>,
    to: Option<&str>,
    measure: crate::store::reports::Measure,
) -> Result<()> {
    let by = match ctx.by_flag.as_deref().map(|b| b.trim().to_lowercase()) {
        None => TrendBy::Unit,
        Some(b) if b == "unit" => TrendBy::Unit,
        Some(b) if b == "kind" => TrendBy::Kind,
        Some(other) => {
            return Err(Error::usage(format!(
                "`--by {other}`: a trend has one row per `unit` or per `kind`"
            )));
        }
    };
    if by == TrendBy::Kind && measure == crate::store::reports::Measure::Visits {
        return Err(Error::usage(
            "visits have no kind: use `--measure visits` with `--by unit`",
        ));
    }
    let start_day = ctx.settings.period_start_day.value;
    let today = ctx.clock.today();
    let to = match to {
        Some(m) => input::parse_month(m, today, start_day)?.month,
        None => Period::containing(today, start_day).month,
    };
    let from = match from {
        Some(m) => input::parse_month(m, today, start_day)?.month,
        None => (0..5).fold(to, |m, _| m.previous()),
    };
    if from > to {
        return Err(Error::input(format!(
            "`--from {from}` is after `--to {to}`: the first period comes first"
        )));
    }
    let store = ctx.open(Access::Read)?;
    let trend = report::trend(&store, from, to, start_day, measure, by)?;
    let mut columns = match by {
        TrendBy::Unit => vec![Column::new("unit_code"), Column::new("unit_name")],
        TrendBy::Kind => vec![Column::new("kind")],
    };
    columns.extend(
        trend
            .periods
            .iter()
            .map(|p| Column::new(&p.month.to_string())),
    );
    columns.push(Column::new("total"));
    columns.push(Column::new("average"));
    let months = trend.periods.len().max(1) as f64;
    let mut table = Table::new(columns);
    let mut push = |key: &str, label: &str, values: &[i64]| {
        let mut row: Vec<Value> = vec![key.into()];
        if by == TrendBy::Unit {
            row.push(label.into());
        }
        row.extend(values.iter().map(|v| Value::Int(*v)));
        let total: i64 = values.iter().sum();
        row.push(total.into());
        row.push(Value::Float(total as f64 / months));
        table.push(row);
    };
    for row in &trend.rows {
        push(&row.key, &row.label, &row.values);
    }
    push("TOTAL", "", &trend.totals);
    match ctx.format {
        Format::Csv | Format::Json => ctx.table(&table),
        Format::Table | Format::Md => {
            let first = trend.periods.first().map(|p| p.first);
            let last = trend.periods.last().map(|p| p.last);
            let title = format!(
                "Trend of {} by {}: {} – {}",
                measure_name(measure),
                if by == TrendBy::Unit { "unit" } else { "kind" },
                first
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                last.map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default()
            );
            write_blocks(ctx, &[Block::Title(title), Block::Table(table)])
        }
    }
}

fn measure_name(measure: crate::store::reports::Measure) -> &'static str {
    use crate::store::reports::Measure;
    match measure {
        Measure::Findings => "findings",
        Measure::Late => "late arrivals",
        Measure::Absent => "absences",
        Measure::Overdue => "overdue files",
        Measure::Other => "other findings",
        Measure::LateMinutes => "minutes late",
        Measure::OverdueWorkingDays => "working days overdue",
        Measure::Visits => "visits",
    }
}
