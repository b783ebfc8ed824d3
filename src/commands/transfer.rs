//! `export`, `import`, `merge`: records to spreadsheets and between laptops.

use std::path::Path;

use super::{period, text};
use crate::Ctx;
use crate::cli::ExportArgs;
use crate::error::{Error, Result};
use crate::exchange::{self, Counts, ImportContext};
use crate::i18n::Lang;
use crate::model::{Datum, Records};
use crate::render::{Column, CsvOptions, CsvStream, Record, Table};
use crate::store::check::Problem;
use crate::store::records::{ExportFilter, RowSink};
use crate::store::{Access, Store, units};

pub fn export(ctx: &mut Ctx<'_>, args: ExportArgs) -> Result<()> {
    if matches!(
        ctx.format,
        crate::render::Format::Json | crate::render::Format::Md | crate::render::Format::Html
    ) {
        return Err(Error::usage(t!("exchange-export-format")));
    }
    let period = period(ctx, &args.period)?;
    let store = ctx.open(Access::Read)?;
    let unit_code = match &args.period.unit {
        Some(unit) => Some(units::resolve(store.conn(), unit)?.code),
        None => None,
    };
    let filter = ExportFilter {
        period,
        unit_code,
        kind: args.select.kind,
        person: text(args.select.person),
        search: text(args.select.search),
    };
    if let Some(file) = &args.xlsx {
        if ctx.style.csv != CsvOptions::default() {
            return Err(Error::usage(t!("exchange-xlsx-not-csv")));
        }
        let mut sink = TableSink::default();
        crate::store::records::export(store.conn(), args.records, &filter, &mut sink)?;
        let rows = sink.table.rows.len();
        let mut book = crate::render::workbook::Workbook::new();
        book.add_table(&records_title(args.records), &sink.table, None)
            .and_then(|()| book.into_bytes())
            .map_err(|e| Error::input(t!("exchange-xlsx-failed", problem = e.to_string())))
            .and_then(|bytes| crate::write_file(file, &bytes))?;
        return ctx.note(&t!(
            "exchange-xlsx-written",
            file = file.display().to_string(),
            rows = rows,
            records = args.records.as_str()
        ));
    }
    let options = ctx.style.csv;
    let mut sink = CsvSink {
        out: Some(&mut *ctx.out),
        options,
        stream: None,
        rows: 0,
        progress: None,
        watched: ctx.env.terminal.stderr,
    };
    crate::store::records::export(store.conn(), args.records, &filter, &mut sink)?;
    match sink.stream {
        Some(stream) => stream.finish().map_err(Error::Output),
        None => Ok(()),
    }
}

/// Export rows written as CSV as they come.
struct CsvSink<'a> {
    /// Moves into `stream` when the header is written.
    out: Option<&'a mut dyn std::io::Write>,
    options: CsvOptions,
    stream: Option<CsvStream<'a>>,
    rows: u64,
    /// Started once the export turns out to be long.
    progress: Option<crate::Progress>,
    /// Whether standard error is a terminal, where the bar would be drawn.
    watched: bool,
}

impl RowSink for CsvSink<'_> {
    fn header(&mut self, columns: &[String]) -> Result<()> {
        let Some(out) = self.out.take() else {
            return Ok(());
        };
        self.stream = Some(CsvStream::start(out, self.options, columns).map_err(Error::Output)?);
        Ok(())
    }

    fn row(&mut self, cells: &[Datum<'_>]) -> Result<()> {
        self.rows += 1;
        if self.rows == 5_000 {
            self.progress = Some(crate::Progress::new(
                &t!("exchange-progress-exporting"),
                None,
                crate::Measure::Records,
                self.watched,
            ));
        }
        if let Some(progress) = &self.progress {
            progress.set(self.rows);
        }
        match &mut self.stream {
            Some(stream) => stream.row(cells).map_err(Error::Output),
            None => Ok(()),
        }
    }
}

/// The sheet's name: what it holds, in the reader's words.
fn records_title(records: Records) -> String {
    match records {
        Records::Findings => t!("exchange-sheet-findings"),
        Records::Visits => t!("exchange-sheet-visits"),
        Records::Units => t!("exchange-sheet-units"),
        Records::People => t!("exchange-sheet-people"),
        Records::Plans => t!("exchange-sheet-plans"),
        Records::Tasks => t!("exchange-sheet-tasks"),
    }
}

/// Export rows gathered into a table for a workbook, each cell with the type a
/// spreadsheet should give it: the export writes days and times as text.
#[derive(Default)]
struct TableSink {
    table: Table,
}

/// Excel holds at most 1,048,576 rows, the heading among them.
const SHEET_ROWS: usize = 1_048_575;

impl RowSink for TableSink {
    fn header(&mut self, columns: &[String]) -> Result<()> {
        self.table = Table::new(columns.iter().map(|key| Column::new(key)).collect());
        Ok(())
    }

    fn row(&mut self, cells: &[Datum<'_>]) -> Result<()> {
        if self.table.rows.len() == SHEET_ROWS {
            return Err(Error::input(t!(
                "exchange-xlsx-too-many",
                rows = SHEET_ROWS
            )));
        }
        let row = self
            .table
            .columns
            .iter()
            .zip(cells)
            .map(|(column, cell)| typed(&column.key, cell))
            .collect();
        self.table.rows.push(row);
        Ok(())
    }
}

/// A cell of an export as a typed value: `…_on` columns are days, the
/// visit's start and end are local date-times; other text stays text. A
/// blob is left empty, as in the CSV export.
fn typed(key: &str, cell: &Datum<'_>) -> crate::render::Value {
    use crate::render::Value;
    match cell {
        Datum::Null | Datum::Blob(_) => Value::Null,
        Datum::Integer(n) => Value::Int(*n),
        Datum::Real(x) => Value::Float(*x),
        Datum::Text(text) => {
            if key.ends_with("_on") {
                Value::day(text)
            } else if matches!(key, "visit_started_at" | "started_at" | "ended_at") {
                chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
                    .map_or_else(|_| Value::Text(text.to_string()), Value::Stamp)
            } else {
                Value::Text(text.to_string())
            }
        }
    }
}

fn counts_line(records: Records, counts: &Counts, source: &str) -> String {
    let total = counts.new + counts.updated + counts.unchanged;
    if counts.new == 0 && counts.updated == 0 {
        t!(
            "exchange-nothing-to-import",
            total = total,
            records = records.as_str(),
            source = source
        )
    } else {
        t!(
            "exchange-imported",
            records = records.as_str(),
            source = source,
            new = counts.new,
            updated = counts.updated,
            unchanged = counts.unchanged
        )
    }
}

fn counts_record(counts: &Counts) -> Record {
    let mut record = Record::new();
    record
        .field(Column::new("new"), counts.new as i64)
        .field(Column::new("updated"), counts.updated as i64)
        .field(Column::new("unchanged"), counts.unchanged as i64);
    record
}

pub fn import(ctx: &mut Ctx<'_>, records: Records, file: &Path) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let import_ctx = ImportContext {
        settings: &ctx.settings,
        clock: ctx.clock,
        author: ctx.author(),
    };
    // Standard input has no size to measure against, so no bar.
    let progress = match std::fs::metadata(file) {
        Ok(meta) if file.as_os_str() != "-" => crate::Progress::new(
            &t!("exchange-progress-importing", records = records.as_str()),
            Some(meta.len()),
            crate::Measure::Bytes,
            ctx.env.terminal.stderr,
        ),
        _ => crate::Progress::hidden(),
    };
    let counts = exchange::import(&mut store, records, file, &import_ctx, &|done| {
        progress.set(done)
    })?;
    drop(progress);
    let source = if file.as_os_str() == "-" {
        t!("exchange-standard-input")
    } else {
        file.display().to_string()
    };
    let line = counts_line(records, &counts, &source);
    ctx.logged(&line, &counts_record(&counts))
}

/// How many of the other logbook's problems a refused merge names; `check`
/// on that logbook names them all.
const PROBLEMS_NAMED: usize = 3;

pub fn merge(
    ctx: &mut Ctx<'_>,
    other: &Path,
    accept_unverified: bool,
    other_passphrase_file: Option<&Path>,
) -> Result<()> {
    // Before either logbook is opened, so that a refusal leaves this one as
    // it was and asks for no key: a hard link to an encrypted logbook has
    // no key file of its own.
    if same_file(&ctx.settings.db.value, other) {
        return Err(Error::input(t!(
            "exchange-merge-itself",
            path = other.display().to_string()
        )));
    }
    let (other_store, problems) = Store::open_other(
        other,
        &t!("exchange-merge-advice"),
        &match other_passphrase_file {
            Some(file) => crate::keys::Keychain::with_passphrase_file(ctx.env, file),
            None => crate::keys::Keychain::new(ctx.env),
        },
    )?;
    let source = other.display().to_string();
    if !problems.is_empty() && !accept_unverified {
        return Err(unverified(&source, &problems));
    }
    // What the warning says, in the language of the run, and what the
    // history keeps, in English as everything the logbook keeps.
    let unverified = match summary(&problems) {
        None => None,
        Some(shown) if crate::i18n::current() == Lang::En => Some((shown.clone(), shown)),
        Some(shown) => {
            let kept = in_english(|| other_store.problems().map(|found| summary(&found)))?;
            Some((shown.clone(), kept.unwrap_or(shown)))
        }
    };
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let other_logbook = exchange::Logbook::new(&other_store, &source);
    let progress = crate::Progress::new(
        &t!("exchange-progress-merging", source = source.as_str()),
        Some(exchange::Source::count(&other_logbook)?),
        crate::Measure::Records,
        ctx.env.terminal.stderr,
    );
    let report = exchange::merge(
        &mut store,
        &other_logbook,
        unverified.as_ref().map(|(_, kept)| kept.as_str()),
        &author,
        &|done| progress.set(done),
    )?;
    drop(progress);
    if let Some((summary, _)) = &unverified {
        ctx.note(&t!(
            "exchange-merged-unverified",
            path = source.as_str(),
            summary = summary.as_str()
        ))?;
    }
    let mut table = Table::new(vec![
        Column::new("records"),
        Column::new("new"),
        Column::new("updated"),
        Column::new("unchanged"),
        Column::new("conflicts"),
    ]);
    // People read the table and Markdown in their language; CSV and JSON keep
    // the words `export` and `import` take, for scripts.
    let readable = matches!(
        ctx.format,
        crate::render::Format::Table | crate::render::Format::Md | crate::render::Format::Html
    );
    for (name, tally) in [
        ("units", report.units),
        ("people", report.people),
        ("visits", report.visits),
        ("findings", report.findings),
        ("plans", report.plans),
        ("tasks", report.tasks),
    ] {
        let name = if readable {
            t!("exchange-records", records = name)
        } else {
            name.to_string()
        };
        table.push(vec![
            name.into(),
            (tally.counts.new as i64).into(),
            (tally.counts.updated as i64).into(),
            (tally.counts.unchanged as i64).into(),
            (tally.conflicts as i64).into(),
        ]);
    }
    let tallies = [
        report.units,
        report.people,
        report.visits,
        report.findings,
        report.plans,
        report.tasks,
    ];
    let changed = tallies
        .iter()
        .any(|t| t.counts.new + t.counts.updated + t.conflicts > 0);
    let conflicts = tallies.iter().any(|t| t.conflicts > 0);
    // Asked for, so not refused; but what was encrypted there is no longer
    // encrypted here once anything came in (a conflict keeps the other
    // side's values too), which the user may not have thought of.
    if changed && other_store.encrypted() && !store.encrypted() {
        ctx.note(&t!(
            "exchange-merged-into-plain",
            path = source.as_str(),
            logbook = store.path().display().to_string()
        ))?;
    }
    if ctx.format == crate::render::Format::Table {
        if !changed {
            return ctx.line(&t!(
                "exchange-merge-nothing",
                source = source.as_str(),
                logbook = store.path().display().to_string()
            ));
        }
        ctx.line(&t!(
            "exchange-merged",
            source = source.as_str(),
            logbook = store.path().display().to_string()
        ))?;
    }
    ctx.table(&table)?;
    // Each conflict by name, so that nobody has to dig for what was set
    // aside: beside a CSV or JSON summary, on the error stream.
    for number in &report.conflicts {
        let conflict = crate::store::conflicts::get(store.conn(), *number)?;
        let by = |by: &Option<String>| by.clone().unwrap_or_else(|| t!("conflicts-unknown-author"));
        let at = |at: &Option<String>| at.clone().unwrap_or_default();
        let line = t!(
            "conflicts-line",
            number = conflict.id,
            record = crate::view::conflict_record(&conflict),
            field = conflict.field.as_str(),
            mine = crate::view::conflict_value(&store, &conflict.field, &conflict.mine.value)?,
            mine_by = format!("{}, {}", by(&conflict.mine.by), at(&conflict.mine.at)),
            theirs = crate::view::conflict_value(&store, &conflict.field, &conflict.theirs.value)?,
            theirs_by = format!("{}, {}", by(&conflict.theirs.by), at(&conflict.theirs.at)),
            kept = match conflict.kept {
                crate::store::conflicts::Side::Mine => t!("conflicts-kept-mine"),
                crate::store::conflicts::Side::Theirs => t!("conflicts-kept-theirs"),
            }
        );
        if ctx.format == crate::render::Format::Table {
            ctx.line(&line)?;
        } else {
            ctx.note(&line)?;
        }
    }
    if ctx.format == crate::render::Format::Table && conflicts {
        ctx.line(&t!("conflicts-advice"))?;
    }
    for duplicate in &report.likely_duplicates {
        let line = t!(
            "exchange-merge-likely-duplicate",
            other = duplicate.other.as_str(),
            other_name = duplicate.other_name.as_str(),
            keep = duplicate.keep.as_str(),
            keep_name = duplicate.keep_name.as_str()
        );
        // Beside a CSV or JSON summary, on the error stream, so that the
        // summary stays one table for scripts.
        if ctx.format == crate::render::Format::Table {
            ctx.line(&line)?;
        } else {
            ctx.note(&line)?;
        }
    }
    Ok(())
}

/// The number of problems and the first, for a merge made all the same.
fn summary(problems: &[Problem]) -> Option<String> {
    problems.first().map(|first| {
        t!(
            "exchange-unverified-summary",
            count = problems.len(),
            record = first.record.as_str(),
            problem = first.problem.as_str()
        )
    })
}

/// `work` done in English, whatever the language of the run.
fn in_english<T>(work: impl FnOnce() -> T) -> T {
    let lang = crate::i18n::current();
    crate::i18n::set(Lang::En);
    let done = work();
    crate::i18n::set(lang);
    done
}

/// The refusal of a logbook that fails the checks: how many problems, the
/// first few as `check` names them, and what to type instead.
fn unverified(source: &str, problems: &[Problem]) -> Error {
    let mut lines = vec![t!(
        "exchange-merge-unverified",
        path = source,
        count = problems.len()
    )];
    for problem in problems.iter().take(PROBLEMS_NAMED) {
        lines.push(t!(
            "exchange-merge-problem",
            record = problem.record.as_str(),
            problem = problem.problem.as_str()
        ));
    }
    if problems.len() > PROBLEMS_NAMED {
        lines.push(t!(
            "exchange-merge-more-problems",
            count = problems.len() - PROBLEMS_NAMED
        ));
    }
    lines.push(t!("exchange-merge-unverified-advice", path = source));
    Error::input(lines.join("\n"))
}

/// Whether two paths name one file: the same path, a symbolic link to it,
/// or another name (a hard link) of it.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
