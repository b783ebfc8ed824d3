//! `report month|repeat|trend`: what the team leader sends upward.

use std::path::Path;

use crate::Ctx;
use crate::cli::{PaperArgs, ReportCommand, ReportSections, SpanOutputs};
use crate::error::{Error, Result};
use crate::input;
use crate::model::{Period, Span, SpanKind};
use crate::render::workbook::{ColumnChart, Workbook};
use crate::render::{self, Block, Column, Format, Table, Value};
use crate::report::{self, MonthReport, RepeatOffender, Totals};
use crate::store::{Access, FindingFilter, FindingRow, findings};

mod trend;
use trend::trend;

pub fn run(ctx: &mut Ctx<'_>, command: ReportCommand) -> Result<()> {
    match command {
        ReportCommand::Month {
            month,
            xlsx,
            svg,
            by_parent,
            categories,
            by_status,
            sections,
            paper,
        } => month_report(
            ctx,
            month.as_deref(),
            (xlsx.as_deref(), svg.as_deref()),
            (by_parent, categories, by_status),
            sections,
            &paper,
        ),
        ReportCommand::Quarter { quarter, outputs } => {
            let span = named_span(ctx, quarter.as_deref(), SpanKind::Quarter(0))?;
            span_report(ctx, &span, &outputs)
        }
        ReportCommand::Half { half, outputs } => {
            let span = named_span(ctx, half.as_deref(), SpanKind::Half(0))?;
            span_report(ctx, &span, &outputs)
        }
        ReportCommand::Year { year, outputs } => {
            let span = named_span(ctx, year.as_deref(), SpanKind::Year)?;
            span_report(ctx, &span, &outputs)
        }
        ReportCommand::Period { from, to, outputs } => {
            let start_day = ctx.settings.period_start_day.value;
            let span = input::parse_months(&from, &to, ctx.clock.today(), start_day)?;
            span_report(ctx, &span, &outputs)
        }
        ReportCommand::Plan { month } => plan_report(ctx, month.as_deref()),
        ReportCommand::Tasks { month } => tasks_report(ctx, month.as_deref()),
        ReportCommand::Repeat {
            months,
            min,
            as_of,
            absences,
        } => repeat(ctx, months, min, as_of.as_deref(), absences),
        ReportCommand::Trend {
            from,
            to,
            measure,
            rows,
            chart,
            svg,
        } => trend(
            ctx,
            from.as_deref(),
            to.as_deref(),
            measure,
            rows,
            chart,
            svg.as_deref(),
        ),
    }
}

fn day(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// A kinds list such as `late×2, absent` in the reader's words.
fn kinds_text(kinds: &str) -> String {
    kinds
        .split(", ")
        .map(|part| match part.split_once('×') {
            Some((kind, count)) => format!("{}×{count}", render::term(kind)),
            None => render::term(part),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_blocks(ctx: &mut Ctx<'_>, blocks: &[Block]) -> Result<()> {
    render::write_document(blocks, ctx.format, &ctx.style, ctx.out).map_err(Error::Output)
}

fn write_json(ctx: &mut Ctx<'_>, value: &impl serde::Serialize) -> Result<()> {
    render::write_json(value, ctx.out).map_err(Error::Output)
}

/// The summary's columns: the keys scripts read; each has a short terminal
/// heading `sum-KEY` in the catalogue.
const SUMMARY_COLUMNS: [&str; 17] = [
    "unit_code",
    "unit_name",
    "visits",
    "late",
    "late_minutes",
    "absent",
    "overdue",
    "overdue_working_days",
    "other",
    "findings",
    "repeat_people",
    "planned_visits",
    "unfinished_tasks",
    "excused_absences",
    "early",
    "files_checked",
    "overdue_rate",
];

/// How many of [`SUMMARY_COLUMNS`] the first summaries had; the rest were
/// appended since.
const FIRST_SUMMARY_COLUMNS: usize = 13;

/// The kinds of finding the charts stack, as summary column keys.
const KINDS_DRAWN: [&str; 6] = [
    "late",
    "absent",
    "overdue",
    "other",
    "unfinished_tasks",
    "early",
];

fn summary_heading(key: &str) -> String {
    match key {
        "unit_code" => t!("sum-unit_code"),
        "unit_name" => t!("sum-unit_name"),
        "visits" => t!("sum-visits"),
        "late" => t!("sum-late"),
        "late_minutes" => t!("sum-late_minutes"),
        "absent" => t!("sum-absent"),
        "overdue" => t!("sum-overdue"),
        "overdue_working_days" => t!("sum-overdue_working_days"),
        "other" => t!("sum-other"),
        "findings" => t!("sum-findings"),
        "repeat_people" => t!("sum-repeat_people"),
        "planned_visits" => t!("sum-planned_visits"),
        "unfinished_tasks" => t!("sum-unfinished_tasks"),
        "excused_absences" => t!("sum-excused_absences"),
        "early" => t!("sum-early"),
        "files_checked" => t!("sum-files_checked"),
        "overdue_rate" => t!("sum-overdue_rate"),
        other => other.to_string(),
    }
}

/// The figures of a summary row in the order of [`SUMMARY_COLUMNS`]: the
/// counts, then the rate of overdue files, empty where no file was counted.
fn summary_cells(figures: &Totals) -> Vec<Value> {
    let mut cells: Vec<Value> = figures.cells().into_iter().map(Value::from).collect();
    cells.push(figures.overdue_rate().map_or(Value::Null, Value::Float));
    cells
}

/// A figure's name in the line that compares two periods.
fn change_name(key: &str) -> String {
    match key {
        "visits" => t!("change-visits"),
        "late" => t!("change-late"),
        "late_minutes" => t!("change-late_minutes"),
        "absent" => t!("change-absent"),
        "overdue" => t!("change-overdue"),
        "overdue_working_days" => t!("change-overdue_working_days"),
        "other" => t!("change-other"),
        "findings" => t!("change-findings"),
        "repeat_people" => t!("change-repeat_people"),
        "unfinished_tasks" => t!("change-unfinished_tasks"),
        "excused_absences" => t!("change-excused_absences"),
        "early" => t!("change-early"),
        "files_checked" => t!("change-files_checked"),
        other => other.to_string(),
    }
}

fn summary_row(code: Value, name: &str, figures: &Totals) -> Vec<Value> {
    let mut row: Vec<Value> = vec![code, name.into()];
    row.extend(summary_cells(figures));
    row
}

fn summary_table(report: &MonthReport) -> Table {
    let mut columns: Vec<Column> = SUMMARY_COLUMNS
        .iter()
        .map(|key| Column::titled(key, &summary_heading(key)))
        .collect();
    let Some(groups) = &report.groups else {
        let mut table = Table::new(columns);
        for unit in &report.units {
            table.push(summary_row(
                unit.unit_code.as_str().into(),
                &unit.unit_name,
                &unit.figures,
            ));
        }
        table.push(summary_row(Value::Term("TOTAL"), "", &report.totals));
        return table;
    };
    // Grouped: each row says its group in a column of its own at the end,
    // and each group of more than one unit ends with its subtotal.
    columns.push(Column::titled("group", &t!("sum-group")));
    let mut table = Table::new(columns);
    for group in groups {
        for unit in &group.units {
            let mut row = summary_row(
                unit.unit_code.as_str().into(),
                &unit.unit_name,
                &unit.figures,
            );
            row.push(group.parent_code.as_str().into());
            table.push(row);
        }
        if let Some(subtotal) = &group.subtotal {
            let mut row = summary_row(Value::Term("SUBTOTAL"), &group.parent_name, subtotal);
            row.push(group.parent_code.as_str().into());
            table.push(row);
        }
    }
    let mut total = summary_row(Value::Term("TOTAL"), "", &report.totals);
    total.push(Value::Null);
    table.push(total);
    table
}

/// `for_people`: a table or Markdown, where the kinds are written in the
/// reader's words; CSV and JSON keep the words scripts read.
fn offenders_table(offenders: &[RepeatOffender], with_position: bool, for_people: bool) -> Table {
    let mut columns = vec![Column::new("name")];
    if with_position {
        columns.push(Column::new("position"));
    }
    columns.extend(
        [
            "unit_code",
            "visits",
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
            o.visits.into(),
            if for_people {
                kinds_text(&o.kinds).into()
            } else {
                o.kinds.as_str().into()
            },
            Value::day(&o.first_date),
            Value::day(&o.last_date),
            o.highest_action
                .map_or(Value::Null, |a| Value::Term(a.as_str())),
            Value::Term(o.next_action.as_str()),
        ]);
        table.push(row);
    }
    table
}

/// `late +3`, `absent −1`, `visits ±0`: each total against the previous period.
/// How each figure moved since the period before; on paper only the ones
/// that moved, for a reader who has the summary just above.
fn changes(now: &Totals, before: &Totals, paper: bool) -> String {
    let moved: Vec<String> = now
        .named()
        .iter()
        .zip(before.named())
        .filter(|((_, n), (_, b))| !paper || n != b)
        .map(|((key, n), (_, b))| {
            let name = change_name(key);
            let delta = n - b;
            match delta {
                0 => format!("{name} ±0"),
                d if d > 0 => format!("{name} +{d}"),
                d => format!("{name} −{}", -d),
            }
        })
        .collect();
    if moved.is_empty() {
        t!("report-nothing-moved")
    } else {
        moved.join(", ")
    }
}

fn month_report(
    ctx: &mut Ctx<'_>,
    month: Option<&str>,
    (xlsx, svg): (Option<&Path>, Option<&Path>),
    (by_parent, categories, by_status): (bool, bool, bool),
    sections: ReportSections,
    paper: &PaperArgs,
) -> Result<()> {
    let dated = dated(ctx, paper)?;
    let start_day = ctx.settings.period_start_day.value;
    let today = ctx.clock.today();
    let period = match month {
        Some(m) => input::parse_month(m, today, start_day)?,
        None => Period::containing(today, start_day),
    };
    let repeat_months = ctx.settings.repeat_months.value;
    let store = ctx.open(Access::Read)?;
    let mut report = report::month(&store, &period, start_day, repeat_months)?;
    // As at the end of the period, or today while it lasts.
    report.late_decisions = report::late_decisions(&store, period.last.min(today))?;
    if by_parent {
        report.groups = Some(report::by_parent(&store, &report)?);
    }
    if categories {
        report.categories = Some(report::top_categories(&store, &period)?);
    }
    if by_status {
        report.by_status = Some(report::by_status(&store, &period)?);
    }
    add_sections(&store, &mut report, &period, sections)?;
    if let Some(file) = svg {
        write_svg(ctx, file, units_chart(&report, false))?;
    }
    if let Some(file) = xlsx {
        let previous = report::month(
            &store,
            &period.previous(start_day),
            start_day,
            repeat_months,
        )?;
        let filter = FindingFilter {
            period: Some(period),
            ..FindingFilter::default()
        };
        let findings = findings::list(store.conn(), &filter)?;
        let bytes = month_workbook(&report, &previous, &findings)
            .map_err(|e| Error::input(t!("report-xlsx-failed", problem = e.to_string())))?;
        crate::write_file(file, &bytes)?;
        ctx.note(&t!(
            "report-xlsx-written",
            file = file.display().to_string(),
            findings = findings.len()
        ))?;
    }
    match ctx.format {
        Format::Json => write_json(ctx, &report),
        Format::Csv => match &report.by_status {
            Some(rows) => ctx.table(&status_table(rows)),
            None => ctx.table(&summary_table(&report)),
        },
        Format::Table | Format::Md | Format::Html => {
            let title = t!(
                "report-month-title",
                period = render::show_month(&report.period.label),
                first = day(&report.period.first_day),
                last = day(&report.period.last_day)
            );
            let paper = ctx.format == Format::Html;
            let blocks = summary_blocks(&report, title, repeat_months, paper);
            if paper {
                let (month, year) = report
                    .period
                    .label
                    .split_once('-')
                    .map(|(y, m)| (m.trim_start_matches('0').to_string(), y.to_string()))
                    .unwrap_or_default();
                let subtitle = t!(
                    "html-subtitle",
                    month = month,
                    year = year,
                    first = day(&report.period.first_day),
                    last = day(&report.period.last_day)
                );
                return printable(ctx, &report, &subtitle, &blocks, dated);
            }
            write_blocks(ctx, &blocks)
        }
    }
}

/// The date `--dated` puts on the printed report, which only the printed
/// report has: said of another form, it would be silently lost.
fn dated(ctx: &Ctx<'_>, paper: &PaperArgs) -> Result<Option<chrono::NaiveDate>> {
    match &paper.dated {
        None => Ok(None),
        Some(_) if ctx.format != Format::Html => Err(Error::usage(t!("report-dated-without-html"))),
        Some(typed) => input::parse_date(typed, ctx.clock.today())
            .map(Some)
            .map_err(|e| Error::input(t!("report-dated-bad", problem = e.to_string()))),
    }
}

/// The figures of the summary on paper: what a leader weighs, in words
/// rather than the terminal's short headings; the full summary stays in the
/// workbook and the CSV.
const PAPER_COLUMNS: [&str; 9] = [
    "visits",
    "late",
    "absent",
    "early",
    "overdue",
    "unfinished_tasks",
    "other",
    "findings",
    "repeat_people",
];

fn paper_heading(key: &str) -> String {
    match key {
        "visits" => t!("paper-visits"),
        "late" => t!("paper-late"),
        "absent" => t!("paper-absent"),
        "early" => t!("paper-early"),
        "overdue" => t!("paper-overdue"),
        "unfinished_tasks" => t!("paper-unfinished_tasks"),
        "other" => t!("paper-other"),
        "findings" => t!("paper-findings"),
        "repeat_people" => t!("paper-repeat_people"),
        other => summary_heading(other),
    }
}

/// The summary as the printed report shows it: a running number, the
/// unit's name and [`PAPER_COLUMNS`], a group's subtotal under its units.
fn paper_summary_table(report: &MonthReport) -> Table {
    let mut columns = vec![
        Column::titled("row", &t!("paper-row")),
        Column::titled("unit_name", &t!("paper-unit")),
    ];
    columns.extend(
        PAPER_COLUMNS
            .iter()
            .map(|key| Column::titled(key, &paper_heading(key))),
    );
    let mut table = Table::new(columns);
    let figures = |totals: &Totals| -> Vec<Value> {
        let named = totals.named();
        PAPER_COLUMNS
            .iter()
            .map(|key| {
                named
                    .iter()
                    .find(|(name, _)| name == key)
                    .map_or(Value::Null, |(_, n)| Value::from(*n))
            })
            .collect()
    };
    let mut number: i64 = 0;
    let mut unit_row = |name: &str, totals: &Totals| {
        number += 1;
        let mut row = vec![Value::Int(number), name.into()];
        row.extend(figures(totals));
        row
    };
    match &report.groups {
        None => {
            for unit in &report.units {
                let row = unit_row(&unit.unit_name, &unit.figures);
                table.push(row);
            }
        }
        Some(groups) => {
            for group in groups {
                for unit in &group.units {
                    let row = unit_row(&unit.unit_name, &unit.figures);
                    table.push(row);
                }
                if let Some(subtotal) = &group.subtotal {
                    let mut row = vec![Value::Term("SUBTOTAL"), group.parent_name.as_str().into()];
                    row.extend(figures(subtotal));
                    table.push(row);
                }
            }
        }
    }
    let mut total = vec![Value::Null, Value::Term("TOTAL")];
    total.extend(figures(&report.totals));
    table.push(total);
    table
}

/// A table of the report with each unit's code, a reader's key, replaced
/// by the unit's name, as a paper sent upward names them.
fn units_by_name(table: &Table, names: &std::collections::HashMap<&str, &str>) -> Table {
    let Some(code_at) = table.columns.iter().position(|c| c.key == "unit_code") else {
        return table.clone();
    };
    let name_at = table.columns.iter().position(|c| c.key == "unit_name");
    let has_name = name_at.is_some();
    let name_at = name_at.unwrap_or(usize::MAX);
    let keep = |index: usize| !(has_name && index == code_at);
    let columns = table
        .columns
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(i, c)| {
            if i == code_at {
                Column::titled("unit_name", &t!("paper-unit"))
            } else {
                c.clone()
            }
        })
        .collect();
    let mut named = Table::new(columns);
    for row in &table.rows {
        named.push(
            row.iter()
                .enumerate()
                .filter(|(i, _)| keep(*i))
                .map(|(i, value)| match value {
                    Value::Text(code) if i == code_at => names
                        .get(code.as_str())
                        .map_or_else(|| value.clone(), |name| Value::Text(name.to_string())),
                    // A total row's label moves from the code it replaced
                    // into the empty name beside it.
                    Value::Text(name) if has_name && i == name_at && name.is_empty() => {
                        match row.get(code_at) {
                            Some(label @ Value::Term(_)) => label.clone(),
                            _ => value.clone(),
                        }
                    }
                    _ => value.clone(),
                })
                .collect(),
        );
    }
    named
}

/// The sections of a month's or a longer report, under its title. On
/// paper the units go by their names, the summary keeps the figures a
/// reader of the report weighs, and the seal leaves the body for the
/// verification line at the foot.
fn summary_blocks(
    report: &MonthReport,
    title: String,
    repeat_months: u32,
    paper: bool,
) -> Vec<Block> {
    let summary = if paper {
        paper_summary_table(report)
    } else {
        summary_table(report)
    };
    let mut blocks = vec![Block::Title(title), Block::Table(summary)];
    if !report.months.is_empty() {
        blocks.push(Block::Section(t!("report-months-heading")));
        blocks.push(Block::Table(months_table(report, true)));
    }
    blocks.push(Block::Section(t!("report-not-visited")));
    if report.not_visited.is_empty() {
        blocks.push(Block::Line(t!("report-every-unit-visited")));
    } else {
        let names: Vec<String> = report
            .units
            .iter()
            .filter(|u| report.not_visited.contains(&u.unit_code))
            .map(|u| {
                if paper {
                    u.unit_name.clone()
                } else {
                    format!("{} ({})", u.unit_code, u.unit_name)
                }
            })
            .collect();
        blocks.push(Block::Line(names.join(", ")));
    }
    blocks.push(Block::Section(t!("report-most-overdue")));
    if report.most_overdue.is_empty() {
        blocks.push(Block::Line(t!("report-no-overdue")));
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
    let heading = if report.months.is_empty() {
        t!("report-repeat-heading", months = repeat_months)
    } else {
        t!("report-repeat-heading-span", months = repeat_months)
    };
    blocks.push(if report.repeat_offenders.is_empty() {
        Block::Section(heading)
    } else {
        Block::Warning(heading)
    });
    if report.repeat_offenders.is_empty() {
        blocks.push(Block::Line(t!("report-none")));
    } else {
        blocks.push(Block::Table(offenders_table(
            &report.repeat_offenders,
            false,
            true,
        )));
    }
    if !report.late_decisions.is_empty() {
        blocks.push(Block::Warning(t!(
            "report-late-decisions",
            count = report.late_decisions.len()
        )));
        blocks.push(Block::Table(crate::view::late_decisions_table(
            &report.late_decisions,
        )));
    }
    if let Some(categories) = &report.categories {
        blocks.push(Block::Section(t!(
            "report-categories-heading",
            top = report::TOP_CATEGORIES
        )));
        if categories.is_empty() {
            blocks.push(Block::Line(t!("report-none")));
        } else {
            blocks.push(Block::Table(categories_table(categories)));
        }
    }
    if let Some(rows) = &report.overdue_details {
        blocks.push(Block::Section(t!("report-overdue-details-heading")));
        if rows.is_empty() {
            blocks.push(Block::Line(t!("report-no-overdue")));
        } else {
            blocks.push(Block::Table(overdue_details_table(rows)));
        }
    }
    if let Some(rows) = &report.decisions {
        blocks.push(Block::Section(t!("report-decisions-heading")));
        if rows.is_empty() {
            blocks.push(Block::Line(t!("report-none")));
        } else {
            blocks.push(Block::Table(decisions_table(rows)));
        }
    }
    blocks.push(Block::Section(t!(
        "report-change-heading",
        period = render::show_period(&report.previous_period.label),
        first = day(&report.previous_period.first_day),
        last = day(&report.previous_period.last_day)
    )));
    blocks.push(Block::Line(changes(
        &report.totals,
        &report.previous_totals,
        paper,
    )));
    if let Some(seal) = report.seal.as_ref().filter(|_| !paper) {
        blocks.push(Block::Line(t!("report-seal", seal = seal.as_str())));
    }
    if let Some(rows) = &report.by_status {
        blocks.push(Block::Section(t!("report-status-heading")));
        blocks.push(Block::Table(status_table(rows)));
    }
    blocks
}

/// Fill in the sections asked for besides the summary.
fn add_sections(
    store: &crate::store::Store,
    report: &mut MonthReport,
    period: &Period,
    sections: ReportSections,
) -> Result<()> {
    if sections.overdue_details {
        report.overdue_details = Some(report::overdue_details(store, period)?);
    }
    if sections.decisions {
        report.decisions = Some(report::decisions(store, period)?);
    }
    Ok(())
}

/// Each unit's overdue files by apology, channel and stage, and their
/// total.
fn overdue_details_table(rows: &[crate::store::reports::OverdueDetails]) -> Table {
    const COLUMNS: [&str; 11] = [
        "unit_code",
        "unit_name",
        "overdue",
        "apologised",
        "online",
        "direct",
        "stage_reception",
        "stage_processing",
        "stage_coordination",
        "stage_approval",
        "stage_return",
    ];
    let mut table = Table::new(COLUMNS.iter().map(|k| Column::new(k)).collect());
    let figures = |r: &crate::store::reports::OverdueDetails| {
        [
            r.overdue,
            r.apologised,
            r.online,
            r.direct,
            r.stage_reception,
            r.stage_processing,
            r.stage_coordination,
            r.stage_approval,
            r.stage_return,
        ]
    };
    let mut total = [0i64; 9];
    for row in rows {
        let mut cells: Vec<Value> =
            vec![row.unit_code.as_str().into(), row.unit_name.as_str().into()];
        for (sum, figure) in total.iter_mut().zip(figures(row)) {
            *sum += figure;
            cells.push(figure.into());
        }
        table.push(cells);
    }
    let mut cells: Vec<Value> = vec![Value::Term("TOTAL"), "".into()];
    cells.extend(total.iter().map(|n| Value::from(*n)));
    table.push(cells);
    table
}

/// The decisions taken in the period, the form in the reader's words.
fn decisions_table(rows: &[report::DecisionLine]) -> Table {
    let mut table = Table::new(vec![
        Column::titled("finding", &t!("head-no")),
        Column::titled("person", &t!("head-person")),
        Column::new("unit_code"),
        Column::titled("found_on", &t!("head-found-on")),
        Column::titled("discipline_form", &t!("head-discipline-form")),
        Column::titled("decision_ref", &t!("head-decision-ref")),
        Column::titled("decided_on", &t!("head-decided-on")),
        Column::titled("decided_by", &t!("head-decided-by")),
    ]);
    for d in rows {
        table.push(vec![
            d.finding.into(),
            d.person.clone().into(),
            d.unit_code.as_str().into(),
            Value::day(&d.found_on),
            match d.discipline_form {
                Some(form) => Value::Named(form.as_str(), form.name_key()),
                None => Value::Term("closed-without-discipline"),
            },
            d.decision_ref.clone().into(),
            Value::day(&d.decided_on),
            d.decided_by.clone().into(),
        ]);
    }
    table
}

/// Each unit's most frequent categories, a named category in the reader's
/// words.
fn categories_table(categories: &[report::UnitCategory]) -> Table {
    let mut table = Table::new(vec![
        Column::new("unit_code"),
        Column::titled("category", &t!("head-category")),
        Column::new("findings"),
    ]);
    for c in categories {
        table.push(vec![
            c.unit_code.as_str().into(),
            match crate::model::named_category(&c.category) {
                Some(key) => Value::Term(key),
                None => c.category.as_str().into(),
            },
            c.findings.into(),
        ]);
    }
    table
}

/// A longer report's months: the total row of each month's report, with
/// the month's dates, in the summary's column order.
fn months_table(report: &MonthReport, for_people: bool) -> Table {
    let mut columns = vec![
        Column::titled("month", &t!("sum-month")),
        Column::new("first_day"),
        Column::new("last_day"),
    ];
    columns.extend(
        SUMMARY_COLUMNS[2..]
            .iter()
            .map(|key| Column::titled(key, &summary_heading(key))),
    );
    let mut table = Table::new(columns);
    for line in &report.months {
        let mut row: Vec<Value> = vec![
            if for_people {
                render::show_month(&line.period.label).into()
            } else {
                line.period.label.as_str().into()
            },
            Value::day(&line.period.first_day),
            Value::day(&line.period.last_day),
        ];
        row.extend(summary_cells(&line.totals));
        table.push(row);
    }
    table
}

/// The quarter, half year or year `named` names, or the current one.
fn named_span(ctx: &Ctx<'_>, named: Option<&str>, kind: SpanKind) -> Result<Span> {
    let start_day = ctx.settings.period_start_day.value;
    input::parse_span(named.unwrap_or("this"), kind, ctx.clock.today(), start_day)
}

/// `report quarter|half|year|period`: the month report's sections over the
/// span, and its months.
fn span_report(ctx: &mut Ctx<'_>, span: &Span, outputs: &SpanOutputs) -> Result<()> {
    let dated = dated(ctx, &outputs.paper)?;
    let start_day = ctx.settings.period_start_day.value;
    let repeat_months = ctx.settings.repeat_months.value;
    let store = ctx.open(Access::Read)?;
    let mut report = report::span_report(&store, span, start_day, repeat_months)?;
    let as_of = span.dates().last.min(ctx.clock.today());
    report.late_decisions = report::late_decisions(&store, as_of)?;
    if outputs.categories {
        report.categories = Some(report::top_categories(&store, &span.dates())?);
    }
    if outputs.by_parent {
        report.groups = Some(report::by_parent(&store, &report)?);
    }
    if outputs.by_status {
        report.by_status = Some(report::by_status(&store, &span.dates())?);
    }
    add_sections(&store, &mut report, &span.dates(), outputs.sections)?;
    if let Some(file) = outputs.svg.as_deref() {
        let drawn = if outputs.by_month {
            months_chart(&report)
        } else {
            units_chart(&report, false)
        };
        write_svg(ctx, file, drawn)?;
    }
    if let Some(file) = outputs.xlsx.as_deref() {
        let previous =
            report::span_report(&store, &span.previous(start_day), start_day, repeat_months)?;
        let filter = FindingFilter {
            period: Some(span.dates()),
            ..FindingFilter::default()
        };
        let findings = findings::list(store.conn(), &filter)?;
        let bytes = month_workbook(&report, &previous, &findings)
            .map_err(|e| Error::input(t!("report-xlsx-failed", problem = e.to_string())))?;
        crate::write_file(file, &bytes)?;
        ctx.note(&t!(
            "report-xlsx-written",
            file = file.display().to_string(),
            findings = findings.len()
        ))?;
    }
    match ctx.format {
        Format::Json => write_json(ctx, &report),
        Format::Csv if outputs.by_month => ctx.table(&months_table(&report, false)),
        Format::Csv => match &report.by_status {
            Some(rows) => ctx.table(&status_table(rows)),
            None => ctx.table(&summary_table(&report)),
        },
        Format::Table | Format::Md | Format::Html => {
            let period = render::show_period(&report.period.label);
            let first = day(&report.period.first_day);
            let last = day(&report.period.last_day);
            let title = t!(
                "report-span-title",
                period = period.as_str(),
                first = first.as_str(),
                last = last.as_str()
            );
            let paper = ctx.format == Format::Html;
            let blocks = summary_blocks(&report, title, repeat_months, paper);
            if paper {
                let subtitle = t!(
                    "html-subtitle-span",
                    period = period,
                    first = first,
                    last = last
                );
                return printable(ctx, &report, &subtitle, &blocks, dated);
            }
            write_blocks(ctx, &blocks)
        }
    }
}

/// A longer report's months, each stacked by kind, as an SVG picture.
fn months_chart(report: &MonthReport) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let categories: Vec<String> = report
        .months
        .iter()
        .map(|m| render::show_month(&m.period.label))
        .collect();
    let title = t!(
        "report-months-chart-title",
        period = render::show_period(&report.period.label)
    );
    stacked_by_kind(
        &title,
        &categories,
        report.months.iter().map(|m| &m.totals),
        false,
    )
}

/// Bars stacked by the kinds drawn, one bar a category with its figures.
fn stacked_by_kind<'a>(
    title: &str,
    categories: &[String],
    figures: impl Iterator<Item = &'a Totals> + Clone,
    across: bool,
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let series: Vec<(String, Vec<i64>)> = KINDS_DRAWN
        .iter()
        .map(|kind| {
            let values = figures
                .clone()
                .map(|totals| {
                    totals
                        .named()
                        .iter()
                        .find(|(key, _)| key == kind)
                        .map_or(0, |(_, n)| *n)
                })
                .collect();
            // The chart stacks the breach: unexcused absences only.
            let name = if *kind == "absent" {
                t!("chart-absent")
            } else {
                render::term(kind)
            };
            (name, values)
        })
        .collect();
    crate::render::chart::stacked_svg(&crate::render::chart::Stacked {
        title,
        categories,
        series: &series,
        across,
    })
}

/// The period `month` names, or the current one.
fn period_of(ctx: &Ctx<'_>, month: Option<&str>) -> Result<Period> {
    let start_day = ctx.settings.period_start_day.value;
    let today = ctx.clock.today();
    match month {
        Some(m) => input::parse_month(m, today, start_day),
        None => Ok(Period::containing(today, start_day)),
    }
}

fn plan_table(report: &report::PlanReport) -> Table {
    let mut table = Table::new(
        [
            "unit_code",
            "unit_name",
            "per",
            "first_day",
            "last_day",
            "planned",
            "made",
            "behind",
            "quarter_visits",
            "last_visit",
        ]
        .iter()
        .map(|k| Column::new(k))
        .collect(),
    );
    let day = |d: &Option<String>| d.as_deref().map_or(Value::Null, Value::day);
    for unit in &report.units {
        table.push(vec![
            unit.unit_code.as_str().into(),
            unit.unit_name.as_str().into(),
            unit.per
                .map_or(Value::Null, |per| Value::Term(per.as_str())),
            day(&unit.first_day),
            day(&unit.last_day),
            unit.planned.into(),
            unit.made.into(),
            unit.behind.into(),
            unit.quarter_visits.into(),
            unit.last_visit
                .as_deref()
                .and_then(|at| chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").ok())
                .map_or(Value::Null, Value::Stamp),
        ]);
    }
    table
}

fn plan_report(ctx: &mut Ctx<'_>, month: Option<&str>) -> Result<()> {
    let period = period_of(ctx, month)?;
    let store = ctx.open(Access::Read)?;
    let report = report::plan(&store, &period, ctx.settings.period_start_day.value)?;
    match ctx.format {
        Format::Json => write_json(ctx, &report),
        Format::Csv => ctx.table(&plan_table(&report)),
        Format::Table | Format::Md | Format::Html => {
            let mut blocks = vec![
                Block::Title(t!(
                    "report-plan-title",
                    period = render::show_month(&report.month.label),
                    first = day(&report.month.first_day),
                    last = day(&report.month.last_day)
                )),
                Block::Table(plan_table(&report)),
            ];
            let behind: Vec<String> = report
                .units
                .iter()
                .filter(|u| u.behind.is_some_and(|b| b > 0))
                .map(|u| format!("{} ({})", u.unit_code, u.behind.unwrap_or(0)))
                .collect();
            blocks.push(Block::Section(t!("report-plan-behind")));
            blocks.push(Block::Line(if behind.is_empty() {
                t!("report-plan-none-behind")
            } else {
                behind.join(", ")
            }));
            let heading = t!(
                "report-plan-not-checked",
                first = day(&report.quarter.first_day),
                last = day(&report.quarter.last_day)
            );
            if report.not_checked_this_quarter.is_empty() {
                blocks.push(Block::Section(heading));
                blocks.push(Block::Line(t!("report-every-unit-visited")));
            } else {
                blocks.push(Block::Warning(heading));
                let names: Vec<String> = report
                    .units
                    .iter()
                    .filter(|u| u.quarter_visits == 0)
                    .map(|u| format!("{} ({})", u.unit_code, u.unit_name))
                    .collect();
                blocks.push(Block::Line(names.join(", ")));
            }
            write_blocks(ctx, &blocks)
        }
    }
}

fn task_units_table(report: &report::TasksReport) -> Table {
    let keys = [
        "unit_code",
        "unit_name",
        "assigned",
        "done_on_time",
        "done_late",
        "open",
        "overdue_tasks",
    ];
    let mut table = Table::new(keys.iter().map(|k| Column::new(k)).collect());
    for unit in &report.units {
        table.push(vec![
            unit.unit_code.as_str().into(),
            unit.unit_name.as_str().into(),
            unit.assigned.into(),
            unit.done_on_time.into(),
            unit.done_late.into(),
            unit.open.into(),
            unit.overdue.into(),
        ]);
    }
    table
}

fn task_lines_table(report: &report::TasksReport, for_people: bool) -> Table {
    let keys = [
        "number",
        "unit_code",
        "unit_name",
        "text",
        "source",
        "assigned_on",
        "due_on",
        "state",
        "days_late",
        "working_days_late",
        "times_found_unfinished",
    ];
    let mut table = Table::new(
        keys.iter()
            .map(|k| match *k {
                // `source` alone names where a setting came from.
                "source" => Column::titled(k, &t!("head-task-source")),
                _ => Column::new(k),
            })
            .collect(),
    );
    let day = |d: &Option<String>| d.as_deref().map_or(Value::Null, Value::day);
    for task in &report.tasks {
        table.push(vec![
            task.number.into(),
            task.unit_code.as_str().into(),
            task.unit_name.as_str().into(),
            task.text.as_str().into(),
            task.source.clone().into(),
            day(&task.assigned_on),
            Value::day(&task.due_on),
            crate::view::state_value(task.state, for_people),
            task.days_late.into(),
            task.working_days_late.into(),
            task.times_found_unfinished.into(),
        ]);
    }
    table
}

fn tasks_report(ctx: &mut Ctx<'_>, month: Option<&str>) -> Result<()> {
    let period = period_of(ctx, month)?;
    let as_of = period.last.min(ctx.clock.today());
    let store = ctx.open(Access::Read)?;
    let settings = &ctx.settings;
    let report = report::tasks(&store, &period, as_of, settings.calendar())?;
    match ctx.format {
        Format::Json => write_json(ctx, &report),
        Format::Csv => ctx.table(&task_lines_table(&report, false)),
        Format::Table | Format::Md | Format::Html => {
            let mut blocks = vec![Block::Title(t!(
                "report-tasks-title",
                period = render::show_month(&report.period.label),
                as_of = day(&report.as_of)
            ))];
            if report.units.is_empty() {
                blocks.push(Block::Line(t!("report-tasks-none")));
                return write_blocks(ctx, &blocks);
            }
            blocks.push(Block::Table(task_units_table(&report)));
            let overdue = report.tasks.iter().filter(|t| t.state == "overdue").count();
            let heading = t!("report-tasks-undone", as_of = day(&report.as_of));
            blocks.push(if overdue > 0 {
                Block::Warning(heading)
            } else {
                Block::Section(heading)
            });
            if report.tasks.is_empty() {
                blocks.push(Block::Line(t!("report-none")));
            } else {
                blocks.push(Block::Table(task_lines_table(&report, true)));
            }
            write_blocks(ctx, &blocks)
        }
    }
}

fn repeat(
    ctx: &mut Ctx<'_>,
    months: Option<u32>,
    min: u32,
    as_of: Option<&str>,
    absences_only: bool,
) -> Result<()> {
    let today = ctx.clock.today();
    let as_of = as_of
        .map(|d| input::parse_date(d, today))
        .transpose()?
        .unwrap_or(today);
    let months = months.unwrap_or(ctx.settings.repeat_months.value);
    if months == 0 || months > 120 {
        return Err(Error::input(t!("report-months-range", months = months)));
    }
    if min == 0 {
        return Err(Error::input(t!("report-min-zero")));
    }
    let store = ctx.open(Access::Read)?;
    let report = report::repeat(&store, as_of, months, i64::from(min))?;
    let absences = report::absences(
        &store,
        as_of,
        ctx.settings.period_start_day.value,
        ctx.settings.unexcused_days,
    )?;
    let for_people = matches!(ctx.format, Format::Table | Format::Md | Format::Html);
    let table = offenders_table(&report.offenders, true, for_people);
    match ctx.format {
        Format::Csv | Format::Json if absences_only => ctx.table(&absences_table(&absences)),
        Format::Csv | Format::Json => ctx.table(&table),
        Format::Table | Format::Md | Format::Html => {
            let mut blocks = vec![Block::Title(t!(
                "report-repeat-title",
                min = min,
                first = day(&report.first_day),
                last = day(&report.last_day)
            ))];
            if report.offenders.is_empty() {
                blocks.push(Block::Line(t!("report-none")));
            } else {
                blocks.push(Block::Table(table));
            }
            if !absences.lines.is_empty() {
                let thresholds = ctx.settings.unexcused_days;
                let shown = |t: Option<u32>| t.map_or_else(|| "–".to_string(), |t| t.to_string());
                let heading = t!(
                    "report-absences-heading",
                    month = render::show_month(&absences.month.month.to_string()),
                    first = absences.month.first.format("%d/%m/%Y").to_string(),
                    year_first = absences.year_first.format("%d/%m/%Y").to_string(),
                    last = absences.as_of.format("%d/%m/%Y").to_string(),
                    month_threshold = shown(thresholds.month),
                    year_threshold = shown(thresholds.year)
                );
                blocks.push(if absences.lines.iter().any(|l| l.over_threshold) {
                    Block::Warning(heading)
                } else {
                    Block::Section(heading)
                });
                blocks.push(Block::Table(absences_table(&absences)));
            }
            write_blocks(ctx, &blocks)
        }
    }
}

/// Each person's days of unexcused absence, and whether they reach the
/// team's threshold.
fn absences_table(absences: &report::Absences) -> Table {
    let mut table = Table::new(vec![
        Column::new("name"),
        Column::new("position"),
        Column::new("unit_code"),
        Column::titled("month_days", &t!("head-month-days")),
        Column::titled("year_days", &t!("head-year-days")),
        Column::titled("over_threshold", &t!("head-over-threshold")),
    ]);
    for line in &absences.lines {
        table.push(vec![
            line.name.as_str().into(),
            line.position.clone().into(),
            line.unit_code.as_str().into(),
            line.month_days.into(),
            line.year_days.into(),
            Value::Bool(line.over_threshold),
        ]);
    }
    table
}

/// The month as a workbook: the summary beside the period before, with a
/// chart of the findings per unit by kind; every finding; the repeat offenders.
fn month_workbook(
    report: &MonthReport,
    previous: &MonthReport,
    findings: &[FindingRow],
) -> std::result::Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    // The workbook lists the units ungrouped, each beside its figures of
    // the period before, which has no groups.
    let mut summary = summary_table(&MonthReport {
        groups: None,
        ..report.clone()
    });
    let before = render::show_period(&report.previous_period.label);
    // Columns are only ever appended: the first figures with the period
    // before's, then the figures added later with theirs.
    let (first, added) = SUMMARY_COLUMNS.split_at(FIRST_SUMMARY_COLUMNS);
    let previous_column = |key: &str| {
        Column::titled(
            &format!("previous_{key}"),
            &format!("{} ({before})", summary_heading(key)),
        )
    };
    let now_added = summary.columns.split_off(FIRST_SUMMARY_COLUMNS);
    summary
        .columns
        .extend(first[2..].iter().map(|key| previous_column(key)));
    summary.columns.extend(now_added);
    summary
        .columns
        .extend(added.iter().map(|key| previous_column(key)));
    // The report lists every unit in the same order in both periods.
    let earlier: Vec<&Totals> = previous
        .units
        .iter()
        .map(|u| &u.figures)
        .chain([&previous.totals])
        .collect();
    for (row, figures) in summary.rows.iter_mut().zip(earlier) {
        let mut then = summary_cells(figures);
        let then_added = then.split_off(FIRST_SUMMARY_COLUMNS - 2);
        let now_added = row.split_off(FIRST_SUMMARY_COLUMNS);
        row.extend(then);
        row.extend(now_added);
        row.extend(then_added);
    }
    // Each drawn kind where it stands in the sheet, which puts the period
    // before's figures between the first columns and those added since.
    let kinds = KINDS_DRAWN.map(|kind| {
        summary
            .columns
            .iter()
            .position(|column| column.key == kind)
            .expect("every drawn kind is a summary column")
    });
    let mut book = Workbook::new();
    book.add_table(
        &t!("report-sheet-summary"),
        &summary,
        Some(ColumnChart {
            title: t!(
                "report-chart-title",
                period = render::show_period(&report.period.label)
            ),
            series: &kinds,
            rows: report.units.len(),
            categories: 0,
        }),
    )?;
    if !report.months.is_empty() {
        book.add_table(
            &t!("report-sheet-months"),
            &months_table(report, true),
            None,
        )?;
    }
    book.add_table(
        &t!("report-sheet-findings"),
        &crate::view::findings_table(findings),
        None,
    )?;
    book.add_table(
        &t!("report-sheet-repeat"),
        &offenders_table(&report.repeat_offenders, true, true),
        None,
    )?;
    book.into_bytes()
}

/// The month's findings per unit, stacked by kind, as an SVG picture.
/// The findings per unit, stacked by kind: standing bars over unit codes
/// for a picture, bars lying across beside unit names on paper.
fn units_chart(
    report: &MonthReport,
    paper: bool,
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let categories: Vec<String> = report
        .units
        .iter()
        .map(|u| {
            if paper {
                u.unit_name.clone()
            } else {
                u.unit_code.clone()
            }
        })
        .collect();
    let title = t!(
        "report-chart-title",
        period = render::show_period(&report.period.label)
    );
    stacked_by_kind(
        &title,
        &categories,
        report.units.iter().map(|u| &u.figures),
        paper,
    )
}

/// An SVG drawn for `--svg FILE`, written whole or not at all.
fn write_svg(
    ctx: &mut Ctx<'_>,
    file: &Path,
    drawn: std::result::Result<String, Box<dyn std::error::Error>>,
) -> Result<()> {
    let svg = drawn.map_err(|e| Error::input(t!("report-svg-failed", problem = e.to_string())))?;
    crate::write_file(file, svg.as_bytes())?;
    ctx.note(&t!("report-svg-written", file = file.display().to_string()))
}

/// `report month --format html`: the report as the team sends it upward, an
/// administrative document with the config's issuing body and signer.
fn printable(
    ctx: &mut Ctx<'_>,
    report: &MonthReport,
    subtitle: &str,
    blocks: &[Block],
    dated: Option<chrono::NaiveDate>,
) -> Result<()> {
    let settings = &ctx.settings.report;
    let team = &ctx.settings.team;
    let day = dated.unwrap_or_else(|| ctx.clock.today());
    let unset = || "……".to_string();
    let symbol = settings.symbol.clone();
    // The report is addressed to the recipients and a copy of it goes to
    // each, the last kept by the records office (Lưu: VT); a recipient list
    // that already names where it is kept says so itself.
    // The dash and the closing punctuation are the page's own.
    let (filed, addressees): (Vec<String>, Vec<String>) = team
        .recipients
        .iter()
        .map(|r| {
            r.trim_start_matches(['-', ' '])
                .trim_end_matches([';', '.', ' '])
                .to_string()
        })
        .filter(|r| !r.is_empty())
        .partition(|r| kept_on_file(r));
    let mut copies = addressees.clone();
    if filed.is_empty() {
        copies.push(match &symbol {
            Some(symbol) => t!("html-filed-with", symbol = symbol.as_str()),
            None => t!("html-filed"),
        });
    } else {
        copies.extend(filed);
    }
    let letterhead = crate::render::html::Letterhead {
        issuing_body: team
            .governing_body
            .as_deref()
            .map(str::to_uppercase)
            .or_else(|| settings.issuing_body.clone())
            .unwrap_or_default(),
        team: team
            .name
            .as_deref()
            .map(str::to_uppercase)
            .or_else(|| settings.team.clone())
            .unwrap_or_else(|| t!("html-default-team")),
        number: t!(
            "html-number",
            number = settings.number.clone().unwrap_or_else(unset),
            symbol = symbol.unwrap_or_else(unset)
        ),
        place: settings.place.clone().unwrap_or_else(unset),
        date: day,
        addressees,
        copies,
        signer_title: settings
            .signer_title
            .clone()
            .unwrap_or_else(|| t!("html-default-signer-title")),
        signer: settings.signer.clone().unwrap_or_default(),
        verification: report
            .seal
            .as_ref()
            .map(|seal| t!("html-verification", seal = seal.as_str())),
    };
    let names: std::collections::HashMap<&str, &str> = report
        .units
        .iter()
        .map(|u| (u.unit_code.as_str(), u.unit_name.as_str()))
        .collect();
    let blocks: Vec<Block> = blocks
        .iter()
        .map(|block| match block {
            Block::Table(table) => Block::Table(units_by_name(table, &names)),
            other => other.clone(),
        })
        .collect();
    let title = t!("html-title");
    let chart = units_chart(report, true).ok();
    crate::render::html::write_report_page(
        &letterhead,
        &title,
        subtitle,
        &blocks,
        chart.as_deref(),
        ctx.out,
    )
    .map_err(Error::Output)
}

/// Whether a recipient is the copy kept on file, as `Lưu: VT` or `- Lưu VT`.
fn kept_on_file(recipient: &str) -> bool {
    crate::fold::fold(recipient)
        .strip_prefix("luu")
        .is_some_and(|rest| rest.starts_with([':', ' ']) || rest.is_empty())
}

/// `report month --by-status`: the breaches about people, one row an
/// employment status, the last for the people whose status is not recorded.
fn status_table(rows: &[report::StatusRow]) -> Table {
    let mut columns = vec![Column::titled("status", &t!("report-status-column"))];
    columns.extend(
        ["late", "absent", "early", "other", "overdue", "findings"]
            .iter()
            .map(|key| Column::titled(key, &summary_heading(key))),
    );
    columns.push(Column::titled("people", &t!("report-status-people")));
    let mut table = Table::new(columns);
    for row in rows {
        table.push(vec![
            match row.status {
                Some(status) => Value::Named(status.as_str(), status.name_key()),
                None => Value::Named("not-recorded", "status-not-recorded"),
            },
            row.late.into(),
            row.absent.into(),
            row.early.into(),
            row.other.into(),
            row.overdue.into(),
            row.findings.into(),
            row.people.into(),
        ]);
    }
    table
}
