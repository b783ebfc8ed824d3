//! `report trend`: a measure month by month, a row per unit or kind.

use std::path::Path;

use super::{write_blocks, write_svg};
use crate::Ctx;
use crate::cli::TrendRows;
use crate::error::{Error, Result};
use crate::input;
use crate::model::Period;
use crate::render::{self, Block, Column, Format, Table, Value};
use crate::report;
use crate::store::Access;
use crate::store::reports::TrendBy;

pub(super) fn trend(
    ctx: &mut Ctx<'_>,
    from: Option<&str>,
    to: Option<&str>,
    measure: crate::model::Measure,
    rows: Option<TrendRows>,
    chart: bool,
    svg: Option<&Path>,
) -> Result<()> {
    let by = trend_rows(rows, ctx.by_flag.as_deref())?;
    if by == TrendBy::Kind && measure == crate::model::Measure::Visits {
        return Err(Error::usage(t!("report-trend-visits-rows-kind")));
    }
    let start_day = ctx.settings.period_start_day.value;
    let (from, to) = trend_months(ctx, from, to)?;
    let store = ctx.open(Access::Read)?;
    let trend = report::trend(&store, from, to, start_day, measure, by)?;
    let table = trend_table(&trend);
    if let Some(file) = svg {
        write_svg(ctx, file, trend_svg(&trend))?;
    }
    match ctx.format {
        Format::Csv | Format::Json => ctx.table(&table),
        Format::Table | Format::Md | Format::Html => {
            let first = trend.periods.first().map(|p| p.first);
            let last = trend.periods.last().map(|p| p.last);
            let title = t!(
                "report-trend-title",
                measure = measure_name(measure),
                by = if by == TrendBy::Unit { "unit" } else { "kind" },
                first = first
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                last = last
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default()
            );
            if !chart {
                return write_blocks(ctx, &[Block::Title(title), Block::Table(table)]);
            }
            let rows = trend
                .rows
                .iter()
                .map(|row| {
                    let label = match by {
                        TrendBy::Kind => render::term(&row.key),
                        TrendBy::Unit => row.key.clone(),
                    };
                    (label, row.total())
                })
                .collect();
            let periods = trend
                .periods
                .iter()
                .zip(&trend.totals)
                .map(|(p, n)| (render::show_month(&p.month.to_string()), *n))
                .collect();
            write_blocks(
                ctx,
                &[
                    Block::Title(title),
                    Block::Bars(rows),
                    Block::Section(t!("report-trend-per-period")),
                    Block::Bars(periods),
                ],
            )
        }
    }
}

/// What a trend's rows are: `--rows`, else the old spelling `--by`.
fn trend_rows(rows: Option<TrendRows>, by_flag: Option<&str>) -> Result<TrendBy> {
    // `--rows` was once spelt `--by`, which clap cannot take as an alias:
    // the global `--by` (who is writing) already owns the name on every
    // command. A trend writes nothing, so without `--rows` it reads the
    // global flag as the old spelling; with `--rows`, `--by` is again only
    // who is writing, unused here as by any read command.
    let rows = match (rows, by_flag) {
        (Some(rows), _) => rows,
        (None, None) => TrendRows::Unit,
        (None, Some(old)) => match old.trim().to_lowercase().as_str() {
            "unit" => TrendRows::Unit,
            "kind" => TrendRows::Kind,
            _ => return Err(Error::usage(t!("report-trend-by", by = old))),
        },
    };
    Ok(match rows {
        TrendRows::Unit => TrendBy::Unit,
        TrendRows::Kind => TrendBy::Kind,
    })
}

/// The first and last month of a trend: by default the six up to today's.
fn trend_months(
    ctx: &Ctx<'_>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(crate::model::Month, crate::model::Month)> {
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
        return Err(Error::input(t!(
            "report-trend-from-after-to",
            from = from.to_string(),
            to = to.to_string()
        )));
    }
    Ok((from, to))
}

/// A trend's table: a row per unit or kind, a column per period, the total
/// and the average, and a last row of totals.
fn trend_table(trend: &report::TrendReport) -> Table {
    let by = trend.by;
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
    let mut push = |key: Value, label: &str, values: &[i64]| {
        let mut row: Vec<Value> = vec![key];
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
        let key = match by {
            // A trend by kind names kinds, which people read in their words.
            TrendBy::Kind => kind_term(&row.key),
            TrendBy::Unit => row.key.as_str().into(),
        };
        push(key, &row.label, &row.values);
    }
    push(Value::Term("TOTAL"), "", &trend.totals);
    table
}

/// A trend drawn as lines, a line per row.
fn trend_svg(
    trend: &report::TrendReport,
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let periods: Vec<String> = trend
        .periods
        .iter()
        .map(|p| render::show_month(&p.month.to_string()))
        .collect();
    let rows: Vec<(String, Vec<i64>)> = trend
        .rows
        .iter()
        .map(|row| {
            let name = match trend.by {
                TrendBy::Kind => render::term(&row.key),
                TrendBy::Unit => row.label.clone(),
            };
            (name, row.values.clone())
        })
        .collect();
    let title = t!(
        "report-trend-svg-title",
        measure = measure_name(trend.measure),
        first = periods.first().cloned().unwrap_or_default(),
        last = periods.last().cloned().unwrap_or_default()
    );
    crate::render::chart::lines_svg(&crate::render::chart::Lines {
        title: &title,
        periods: &periods,
        rows: &rows,
    })
}

fn measure_name(measure: crate::model::Measure) -> String {
    use crate::model::Measure;
    match measure {
        Measure::Findings => t!("measure-findings"),
        Measure::Late => t!("measure-late"),
        Measure::Absent => t!("measure-absent"),
        Measure::Overdue => t!("measure-overdue"),
        Measure::Other => t!("measure-other"),
        Measure::LateMinutes => t!("measure-late_minutes"),
        Measure::OverdueWorkingDays => t!("measure-overdue_working_days"),
        Measure::Visits => t!("measure-visits"),
    }
}

/// A kind named by the store as a domain word, so tables show it translated.
fn kind_term(kind: &str) -> Value {
    crate::model::FindingKind::ALL
        .iter()
        .find(|k| k.as_str() == kind)
        .map_or_else(|| kind.into(), |k| Value::Term(k.as_str()))
}
