//! Records between logbooks and spreadsheets: reading an export back in, row
//! by row, each value checked as if it were typed.

use std::io::{BufRead, BufReader, Read};
use std::ops::RangeInclusive;
use std::path::Path;

use chrono::{DateTime, NaiveDateTime};

use crate::clock::Clock;
use crate::config::Settings;
use crate::error::{Context, Error, Result};
use crate::fold::{fold, nfc};
use crate::input::{self, TextKind};
use crate::model::limits::{DAYS_OVERDUE, MINUTES_LATE, PLANNED_VISITS, STAFF};
use crate::model::{self, Action, FindingField, FindingKind, Month, PlanPer, UnitKind};
use crate::render::csv_text_value;
use crate::store::exchange::{Records, any, id_by_uid, is_taken_uid, last_id};
use crate::store::{
    Author, NewFinding, NewUnit, NewVisit, Origin, Store, UnitChange, findings, people, plans,
    tasks, units, visits,
};

/// What an import or a merge did, per kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// A CSV file as export writes it, read a row at a time.
struct CsvFile {
    label: String,
    reader: csv::Reader<Box<dyn Read>>,
    columns: Vec<String>,
    record: csv::ByteRecord,
    scan: std::rc::Rc<std::cell::RefCell<Scan>>,
    last_line: u64,
}

/// The most a row may take, in bytes: far more than any export writes, and
/// little enough that a file of nothing but separators cannot fill memory.
const MAX_ROW_BYTES: u64 = 1 << 20;

/// The most a cell may hold, in bytes: the most any text may hold, and
/// export's formula guard before it. Each text is then held to the limit
/// typed text has, once the guard is taken off.
const MAX_CELL_BYTES: usize = model::limits::TEXT_BYTES + 1;

/// The largest file an import reads: about ten million findings.
const MAX_FILE_BYTES: u64 = 4 << 30;

/// What [`Guard`] has seen of the file so far.
#[derive(Default)]
struct Scan {
    /// Quote characters. Well-formed CSV has an even number of them (each
    /// quoted field opens and closes, inner quotes are doubled); an odd count
    /// at the end means a quote was never closed, which the lenient CSV
    /// reader would otherwise take as "the rest of the file".
    quotes: u64,
    bytes: u64,
    /// Bytes since the last line end outside quotes, where a row ends.
    row_bytes: u64,
    /// Line ends seen, and the line on which the current row began.
    lines: u64,
    row_line: u64,
    /// Why the guard stopped reading, when it did.
    refused: Option<String>,
    /// Where each `\n` of a `\r\n` that ends a row lies, for rows the
    /// reader has not reached yet. The CSV reader ends a row at the `\r`
    /// and counts the `\n` as the start of the next one, so for files
    /// written on Windows its line numbers are one short; these offsets
    /// tell which rows to put right.
    crlf_ends: std::collections::VecDeque<u64>,
    /// Whether the byte before this read was a `\r`.
    after_cr: bool,
}

impl Scan {
    /// The line on which the row or error at `position` begins, as an
    /// editor numbers it.
    fn line_at(&mut self, position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else {
            return 0;
        };
        while self
            .crlf_ends
            .front()
            .is_some_and(|end| *end < position.byte())
        {
            self.crlf_ends.pop_front();
        }
        let starts_on_crlf = self.crlf_ends.front() == Some(&position.byte());
        position.line() + u64::from(starts_on_crlf)
    }
}

/// Reads the file for the CSV reader, watching its quotes and refusing rows
/// and files too large to hold, before the reader would buffer them.
struct Guard<R> {
    inner: R,
    scan: std::rc::Rc<std::cell::RefCell<Scan>>,
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        let mut scan = self.scan.borrow_mut();
        let start = scan.bytes;
        for (offset, &byte) in (start..).zip(&buf[..read]) {
            let after_cr = std::mem::replace(&mut scan.after_cr, byte == b'\r');
            match byte {
                b'"' => scan.quotes += 1,
                b'\n' => {
                    scan.lines += 1;
                    if scan.quotes % 2 == 0 {
                        if after_cr {
                            scan.crlf_ends.push_back(offset);
                        }
                        scan.row_bytes = 0;
                        scan.row_line = scan.lines;
                        continue;
                    }
                }
                _ => {}
            }
            scan.row_bytes += 1;
            if scan.row_bytes > MAX_ROW_BYTES {
                let line = scan.row_line + 1;
                let mb = MAX_ROW_BYTES >> 20;
                let problem = if scan.quotes % 2 == 1 {
                    t!("exchange-quote-not-closed-within", mb = mb)
                } else {
                    t!("exchange-row-too-long", mb = mb)
                };
                scan.refused = Some(format!("{line}: {problem}"));
                return Err(std::io::Error::other("row too long"));
            }
        }
        scan.bytes += read as u64;
        if scan.bytes > MAX_FILE_BYTES {
            scan.refused = Some(format!(
                " {}",
                t!("exchange-file-too-large", gb = MAX_FILE_BYTES >> 30)
            ));
            return Err(std::io::Error::other("file too large"));
        }
        Ok(read)
    }
}

/// Open `path` (`-` for standard input): skip a byte-order mark, take `;` as
/// the separator when the header uses it, and check the header.
fn open_csv(path: &Path, records: Records) -> Result<CsvFile> {
    let stdin = path.as_os_str() == "-";
    let label = if stdin {
        t!("exchange-standard-input")
    } else {
        path.display().to_string()
    };
    let source: Box<dyn Read> = if stdin {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(path)
                .with_context(|| t!("exchange-cannot-read", path = label.as_str()))?,
        )
    };
    let mut source = BufReader::with_capacity(64 * 1024, source);
    let start = source
        .fill_buf()
        .with_context(|| t!("exchange-cannot-read", path = label.as_str()))?;
    let bom = start.starts_with(b"\xEF\xBB\xBF");
    let start = if bom { &start[3..] } else { start };
    if start.is_empty() {
        return Err(Error::input(format!(
            "{label}: {}",
            t!("exchange-file-empty-header", records = records.as_str())
        )));
    }
    if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
        return Err(Error::input(format!("{label}:1: {}", t!("exchange-utf16"))));
    }
    let first_line = start.split(|b| *b == b'\n').next().unwrap_or(start);
    if first_line.contains(&b'\t') && !first_line.contains(&b',') && !first_line.contains(&b';') {
        return Err(Error::input(format!(
            "{label}:1: {}",
            t!("exchange-tab-separated", records = records.as_str())
        )));
    }
    let separator = if first_line.contains(&b';') && !first_line.contains(&b',') {
        b';'
    } else {
        b','
    };
    if bom {
        source.consume(3);
    }
    let scan = std::rc::Rc::new(std::cell::RefCell::new(Scan::default()));
    let counted = Guard {
        inner: source,
        scan: scan.clone(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(Box::new(counted) as Box<dyn Read>);
    let mut header = csv::ByteRecord::new();
    let read = reader.read_byte_record(&mut header).map_err(|e| {
        match scan.borrow().refused.as_deref() {
            Some(refused) => Error::input(format!("{label}:{refused}")),
            None => Error::input(format!("{label}:1: {e}")),
        }
    })?;
    if !read {
        return Err(Error::input(format!(
            "{label}: {}",
            t!("exchange-file-empty")
        )));
    }
    if header.iter().any(|field| field.contains(&0)) {
        return Err(Error::input(format!(
            "{label}:1: {}",
            t!("exchange-header-nul")
        )));
    }
    let mut columns = Vec::with_capacity(header.len());
    for field in header.iter() {
        let name = std::str::from_utf8(field)
            .map_err(|_| Error::input(format!("{label}:1: {}", t!("exchange-header-not-utf8"))))?;
        columns.push(name.trim().to_lowercase());
    }
    let known = records.columns();
    let in_header = |column: &str, problem: String| {
        Error::input(format!(
            "{label}:1: {}",
            t!("exchange-column", column = column, problem = problem)
        ))
    };
    let empty = t!("exchange-empty-column-name");
    for (index, name) in columns.iter().enumerate() {
        if !known.contains(&name.as_str()) {
            let shown = if name.is_empty() { &empty } else { name };
            return Err(in_header(
                shown,
                t!(
                    "exchange-unknown-column",
                    records = records.as_str(),
                    columns = known.join(", ")
                ),
            ));
        }
        if columns[..index].contains(name) {
            return Err(in_header(name, t!("exchange-column-twice")));
        }
    }
    for required in required_columns(records) {
        if !columns.iter().any(|c| c == required) {
            return Err(in_header(
                required,
                t!(
                    "exchange-column-missing",
                    records = records.as_str(),
                    columns = required_columns(records).join(", ")
                ),
            ));
        }
    }
    Ok(CsvFile {
        label,
        reader,
        columns,
        record: csv::ByteRecord::new(),
        scan,
        last_line: 1,
    })
}

fn required_columns(records: Records) -> &'static [&'static str] {
    match records {
        Records::Findings => &["visit_uid", "kind"],
        Records::Visits => &["unit_code", "started_at"],
        Records::Units => &["code", "name"],
        Records::People => &["unit_code", "name"],
        Records::Plans => &["visits", "per"],
        Records::Tasks => &["unit_code", "text", "due_on"],
    }
}

impl CsvFile {
    /// How far into the file the reader is, in bytes.
    fn bytes_read(&self) -> u64 {
        self.scan.borrow().bytes
    }

    /// The next row, or `None` at the end of the file.
    fn next(&mut self) -> Result<Option<Row<'_>>> {
        let read = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|e| {
                if let Some(refused) = self.scan.borrow().refused.as_deref() {
                    return Error::input(format!("{}:{refused}", self.label));
                }
                let line = self.scan.borrow_mut().line_at(e.position());
                Error::input(format!("{}:{line}: {}", self.label, csv_problem(&e)))
            })?;
        let quotes = self.scan.borrow().quotes;
        if !read {
            if quotes % 2 == 1 {
                return Err(Error::input(format!(
                    "{}:{}: {}",
                    self.label,
                    self.last_line,
                    t!("exchange-quote-never-closed")
                )));
            }
            return Ok(None);
        }
        let line = self.scan.borrow_mut().line_at(self.record.position());
        self.last_line = line;
        if self.record.len() != self.columns.len() {
            // A quote left open swallows the following lines into one row;
            // by the time the row ends, the reader has seen every quote.
            if quotes % 2 == 1 {
                return Err(Error::input(format!(
                    "{}:{line}: {}",
                    self.label,
                    t!("exchange-quote-never-closed")
                )));
            }
            return Err(Error::input(format!(
                "{}:{line}: {}",
                self.label,
                t!(
                    "exchange-field-count",
                    fields = self.record.len(),
                    columns = self.columns.len()
                )
            )));
        }
        let row = Row {
            label: &self.label,
            line,
            columns: &self.columns,
            record: &self.record,
        };
        if let Some((index, cell)) = self
            .record
            .iter()
            .enumerate()
            .find(|(_, cell)| cell.len() > MAX_CELL_BYTES)
        {
            return Err(row.error(
                &self.columns[index],
                t!(
                    "exchange-cell-too-large",
                    bytes = cell.len(),
                    kb = MAX_CELL_BYTES / 1024
                ),
            ));
        }
        Ok(Some(row))
    }
}

fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => t!("exchange-csv-unreadable", error = io.to_string()),
        _ => t!("exchange-csv-invalid", error = e.to_string()),
    }
}

/// One row, its cells read by column name.
struct Row<'a> {
    label: &'a str,
    line: u64,
    columns: &'a [String],
    record: &'a csv::ByteRecord,
}

impl Row<'_> {
    fn error(&self, column: &str, problem: impl std::fmt::Display) -> Error {
        Error::input(format!(
            "{}:{}: {}",
            self.label,
            self.line,
            t!(
                "exchange-column",
                column = column,
                problem = problem.to_string()
            )
        ))
    }

    /// A cell's one-line text (a code, a reference, a figure to parse),
    /// checked as the same text typed would be: UTF-8, without export's
    /// formula guard, NFC; empty and missing cells are `None`.
    fn text(&self, column: &str) -> Result<Option<String>> {
        self.checked(column, TextKind::Line)
    }

    /// A note, a description, a reason: may hold line breaks and tabs.
    fn free_text(&self, column: &str) -> Result<Option<String>> {
        self.checked(column, TextKind::Free)
    }

    /// The name of a person or a unit: must show something.
    fn name(&self, column: &str) -> Result<Option<String>> {
        self.checked(column, TextKind::Name)
    }

    fn checked(&self, column: &str, kind: TextKind) -> Result<Option<String>> {
        let Some(index) = self.columns.iter().position(|c| c == column) else {
            return Ok(None);
        };
        let bytes = self.record.get(index).unwrap_or_default();
        let text =
            std::str::from_utf8(bytes).map_err(|_| self.error(column, t!("exchange-not-utf8")))?;
        if text.contains('\0') {
            return Err(self.error(column, t!("exchange-cell-nul")));
        }
        let text = nfc(csv_text_value(text));
        if let Some(problem) = input::text_problem(&text, kind) {
            return Err(self.error(column, problem));
        }
        Ok((!text.is_empty()).then_some(text))
    }

    /// Whether the cell holds anything, as the most lenient reading sees it.
    fn given(&self, column: &str) -> bool {
        matches!(self.checked(column, TextKind::Free), Ok(Some(_)) | Err(_))
    }

    fn required(&self, column: &str) -> Result<String> {
        self.required_as(column, TextKind::Line)
    }

    fn required_as(&self, column: &str, kind: TextKind) -> Result<String> {
        self.checked(column, kind)?
            .ok_or_else(|| self.error(column, t!("exchange-empty")))
    }

    fn parse<T>(&self, column: &str, parse: impl FnOnce(&str) -> Result<T>) -> Result<Option<T>> {
        match self.text(column)? {
            Some(text) => parse(&text).map(Some).map_err(|e| self.error(column, e)),
            None => Ok(None),
        }
    }

    /// A whole number within the limits the same figure has when typed.
    fn count(&self, column: &str, limits: RangeInclusive<i64>) -> Result<Option<i64>> {
        self.parse(column, |text| {
            let n: i64 = text
                .parse()
                .map_err(|_| Error::input(t!("exchange-not-whole-number", text = text)))?;
            if n < *limits.start() {
                return Err(Error::input(t!(
                    "exchange-at-least",
                    text = text,
                    least = *limits.start()
                )));
            }
            if n > *limits.end() {
                return Err(Error::input(t!(
                    "exchange-at-most",
                    text = text,
                    most = *limits.end()
                )));
            }
            Ok(n)
        })
    }

    /// A visit's team: names separated by commas, each of them showing something.
    fn team(&self, column: &str) -> Result<Option<String>> {
        let team = self.text(column)?;
        if let Some(problem) = team.as_deref().and_then(input::team_problem) {
            return Err(self.error(column, problem));
        }
        Ok(team)
    }

    fn stamp(&self, column: &str) -> Result<Option<String>> {
        self.parse(column, |text| {
            DateTime::parse_from_rfc3339(text)
                .map(|_| text.to_string())
                .map_err(|_| Error::input(t!("exchange-not-stamp", text = text)))
        })
    }

    fn uid(&self, column: &str) -> Result<Option<String>> {
        self.parse(column, |text| {
            let uid = text.to_ascii_lowercase();
            if uid.len() == 32 && uid.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(uid)
            } else {
                Err(Error::input(t!("exchange-not-uid", text = text)))
            }
        })
    }

    fn flag(&self, column: &str) -> Result<bool> {
        Ok(self
            .parse(column, |text| match text.to_lowercase().as_str() {
                "1" | "true" | "yes" => Ok(true),
                "0" | "false" | "no" => Ok(false),
                _ => Err(Error::input(t!("exchange-not-flag", text = text))),
            })?
            .unwrap_or(false))
    }
}

/// What reading a row needs from the rest of the program.
pub struct ImportContext<'a> {
    pub settings: &'a Settings,
    pub clock: Clock,
    pub author: Author,
}

/// Once Ctrl-C or SIGTERM arrives, a long import or merge stops at its next
/// record, so its transaction rolls back and the logbook is closed as usual
/// before the process ends.
fn stop_if_interrupted() -> Result<()> {
    if crate::output::is_interrupted() {
        return Err(Error::input(t!("main-interrupted")));
    }
    Ok(())
}

/// Import one CSV file of records, all rows or none.
pub fn import(
    store: &mut Store,
    records: Records,
    path: &Path,
    ctx: &ImportContext<'_>,
    progress: &dyn Fn(u64),
) -> Result<Counts> {
    let mut file = open_csv(path, records)?;
    let reason = format!("imported from {}", name_in_history(path));
    store.write(|tx| {
        let mut counts = Counts::default();
        let findings_before = any(tx, Records::Findings)?;
        let mut seen = SeenRecords::new(last_id(tx, records)?);
        let mut lookups = Lookups {
            findings_before,
            ..Lookups::default()
        };
        // Into a logbook without findings, every finding is new and is not
        // looked up: a uid given twice is refused by the uid index instead.
        let look_up = records != Records::Findings || findings_before;
        while let Some(row) = file.next()? {
            stop_if_interrupted()?;
            let twice = |uid: &str| row.error("uid", t!("exchange-uid-twice", uid = uid));
            let uid = row.uid("uid")?;
            if let Some(uid) = uid.as_deref().filter(|_| look_up)
                && let Some(id) = id_by_uid(tx, records, uid)?
                && !seen.first_time(id)
            {
                return Err(twice(uid));
            }
            let outcome = match records {
                Records::Units => import_unit(tx, &row, ctx),
                Records::People => import_person(tx, &row, ctx),
                Records::Visits => import_visit(tx, &row, ctx, &reason),
                Records::Findings => import_finding(tx, &row, ctx, &reason, &mut lookups),
                Records::Plans => import_plan(tx, &row, ctx, &reason),
                Records::Tasks => import_task(tx, &row, ctx, &reason),
            };
            let outcome = match (outcome, uid) {
                (Err(e), Some(uid)) if is_taken_uid(&e) => return Err(twice(&uid)),
                (outcome, _) => outcome?,
            };
            match outcome {
                Outcome::New => counts.new += 1,
                Outcome::Updated => counts.updated += 1,
                Outcome::Unchanged => counts.unchanged += 1,
            }
            progress(file.bytes_read());
        }
        Ok(counts)
    })
}

/// The file as the history names it: in English whatever the language, like
/// every reason the logbook keeps.
fn name_in_history(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// Which records an import has met so far, to refuse a uid the file gives
/// twice. Records that were in the logbook before are kept as one bit each;
/// any record with a higher number was added by this import. So a million
/// rows cost a few hundred kilobytes, not a set of a million uids.
struct SeenRecords {
    existing: i64,
    met: Vec<u64>,
}

impl SeenRecords {
    fn new(existing: i64) -> SeenRecords {
        SeenRecords {
            existing,
            met: vec![0; usize::try_from(existing / 64 + 1).unwrap_or(0)],
        }
    }

    /// Note that a row named the record `id`; false if one did already.
    fn first_time(&mut self, id: i64) -> bool {
        if id > self.existing || id < 1 {
            return false;
        }
        let (word, bit) = ((id / 64) as usize, id % 64);
        let first = self.met[word] & (1 << bit) == 0;
        self.met[word] |= 1 << bit;
        first
    }
}

enum Outcome {
    New,
    Updated,
    Unchanged,
}

fn origin(row: &Row<'_>, created_by: &str, created_at: &str) -> Result<Origin> {
    Ok(Origin {
        uid: row.uid("uid")?,
        created_by: row.name(created_by)?,
        created_at: row.stamp(created_at)?,
        updated_at: row.stamp("updated_at")?,
    })
}

fn import_unit(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
) -> Result<Outcome> {
    let code = units::normalise_code(&row.required("code")?).map_err(|e| row.error("code", e))?;
    let unit = NewUnit {
        code: code.clone(),
        name: row.required_as("name", TextKind::Name)?,
        kind: row
            .parse("kind", |k| k.parse::<UnitKind>())?
            .unwrap_or(UnitKind::Other),
        morning_start: row.parse("morning_start", input::parse_time)?,
        afternoon_start: row.parse("afternoon_start", input::parse_time)?,
    };
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => match id_by_uid(tx, Records::Units, uid)? {
            Some(id) => Some(units::get(tx, id)?),
            None => units::by_code(tx, &code)?,
        },
        None => units::by_code(tx, &code)?,
    };
    let Some(existing) = existing else {
        units::insert_from(tx, &unit, &origin, &ctx.author)?;
        return Ok(Outcome::New);
    };
    if existing.code != code {
        return Err(row.error(
            "code",
            t!("exchange-unit-code-changed", code = existing.code.as_str()),
        ));
    }
    let same = existing.name == unit.name
        && existing.kind == unit.kind
        && existing.morning_start == unit.morning_start
        && existing.afternoon_start == unit.afternoon_start;
    if same {
        return Ok(Outcome::Unchanged);
    }
    let change = UnitChange {
        name: Some(unit.name),
        kind: Some(unit.kind),
        morning_start: Some(unit.morning_start),
        afternoon_start: Some(unit.afternoon_start),
    };
    units::update_from(
        tx,
        existing.id,
        &change,
        origin.updated_at.as_deref(),
        &ctx.author,
    )?;
    Ok(Outcome::Updated)
}

fn unit_by_code(tx: &rusqlite::Transaction<'_>, row: &Row<'_>) -> Result<units::UnitRow> {
    let code = row.required("unit_code")?;
    let folded = units::normalise_code(&code).map_err(|e| row.error("unit_code", e))?;
    units::by_code(tx, &folded)?
        .ok_or_else(|| row.error("unit_code", t!("exchange-no-unit", code = code.as_str())))
}

fn import_person(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
) -> Result<Outcome> {
    let unit = unit_by_code(tx, row)?;
    let name = row.required_as("name", TextKind::Name)?;
    let position = row.text("position")?;
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => match id_by_uid(tx, Records::People, uid)? {
            Some(id) => Some(people::get(tx, id)?),
            None => people::find(tx, unit.id, &name)?,
        },
        None => people::find(tx, unit.id, &name)?,
    };
    match existing {
        None => {
            people::insert_from(
                tx,
                unit.id,
                &name,
                position.as_deref(),
                &origin,
                &ctx.author,
            )?;
            Ok(Outcome::New)
        }
        Some(person) if person.unit_id != unit.id || fold(&person.name) != fold(&name) => Err(row
            .error(
                "uid",
                t!(
                    "exchange-uid-other-person",
                    name = person.name.as_str(),
                    unit = person.unit_name.as_str()
                ),
            )),
        Some(person) if person.position == position => Ok(Outcome::Unchanged),
        Some(person) => {
            people::set_position(
                tx,
                person.id,
                position.as_deref(),
                origin.updated_at.as_deref(),
                &ctx.author,
            )?;
            Ok(Outcome::Updated)
        }
    }
}

fn import_visit(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    reason: &str,
) -> Result<Outcome> {
    let unit = unit_by_code(tx, row)?;
    let now = ctx.clock.now();
    let datetime = |text: &str| input::parse_datetime(text, now);
    let started_at = row
        .parse("started_at", datetime)?
        .ok_or_else(|| row.error("started_at", t!("exchange-empty")))?;
    let ended_at: Option<NaiveDateTime> = row.parse("ended_at", datetime)?;
    if ended_at.is_some_and(|end| end < started_at) {
        return Err(row.error("ended_at", t!("exchange-ended-before-started")));
    }
    let on_roll = row.count("on_roll", STAFF)?;
    let present = row.count("present", STAFF)?;
    if let (Some(on_roll), Some(present)) = (on_roll, present)
        && present > on_roll
    {
        return Err(row.error(
            "present",
            t!(
                "exchange-present-over-roll",
                present = present,
                on_roll = on_roll
            ),
        ));
    }
    let visit = NewVisit {
        unit_id: unit.id,
        started_at,
        ended_at,
        announced: row.flag("announced")?,
        team: row.team("team")?,
        on_roll,
        present,
        note: row.free_text("note")?,
    };
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => id_by_uid(tx, Records::Visits, uid)?,
        None => None,
    };
    let Some(id) = existing else {
        visits::insert_from(tx, &visit, &origin, &ctx.author)?;
        return Ok(Outcome::New);
    };
    let current = visits::get(tx, id)?;
    if current.unit_id != visit.unit_id {
        // Its findings name the unit's own staff: moving the visit would put
        // them on another unit's record.
        return Err(row.error(
            "unit_code",
            t!(
                "exchange-visit-moved",
                number = current.id,
                code = current.unit_code.as_str(),
                unit = current.unit_name.as_str()
            ),
        ));
    }
    let same = current.unit_id == visit.unit_id
        && current.started_at == visit.started_at
        && current.ended_at == visit.ended_at
        && current.announced == visit.announced
        && current.team == visit.team
        && current.on_roll == visit.on_roll
        && current.present == visit.present
        && current.note == visit.note;
    if same {
        return Ok(Outcome::Unchanged);
    }
    visits::update_from(
        tx,
        id,
        &visit,
        origin.updated_at.as_deref(),
        Some(reason),
        &ctx.author,
    )?;
    Ok(Outcome::Updated)
}

/// A month as a plan's file writes it: `2022-05`, or as people type it.
fn plan_month(row: &Row<'_>, column: &str, ctx: &ImportContext<'_>) -> Result<Option<Month>> {
    let start_day = ctx.settings.period_start_day.value;
    row.parse(column, |m| {
        input::parse_month(m, ctx.clock.today(), start_day).map(|p| p.month)
    })
}

/// Which void an import row asks for: a time and a reason, or neither.
fn row_void(row: &Row<'_>) -> Result<Option<(String, String)>> {
    match (row.stamp("voided_at")?, row.free_text("void_reason")?) {
        (Some(at), Some(reason)) => Ok(Some((at, reason))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(row.error("void_reason", t!("exchange-void-needs-reason"))),
        (None, Some(_)) => Err(row.error("voided_at", t!("exchange-reason-without-void"))),
    }
}

fn import_plan(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    reason: &str,
) -> Result<Outcome> {
    // An empty unit is the plan of every unit.
    let unit_id = match row.text("unit_code")? {
        Some(_) => Some(unit_by_code(tx, row)?.id),
        None => None,
    };
    let visits = row
        .count("visits", PLANNED_VISITS)?
        .ok_or_else(|| row.error("visits", t!("exchange-empty")))?;
    let per = row
        .parse("per", |p| p.parse::<PlanPer>())?
        .ok_or_else(|| row.error("per", t!("exchange-empty")))?;
    let plan = plans::NewPlan {
        unit_id,
        visits,
        per,
        from: plan_month(row, "from_month", ctx)?,
        to: plan_month(row, "to_month", ctx)?,
    };
    if let (Some(from), Some(to)) = (plan.from, plan.to) {
        if to < from {
            return Err(row.error("to_month", t!("exchange-plan-ends-before-it-starts")));
        }
    }
    let void = row_void(row)?;
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => id_by_uid(tx, Records::Plans, uid)?,
        None => None,
    };
    if existing.is_none()
        && void.is_none()
        && plans::starting(tx, plan.unit_id, plan.from)?.is_some()
    {
        // A plan in force that starts in the same month would clash.
        return Err(row.error("from_month", t!("exchange-plan-clash")));
    }
    let author = &ctx.author;
    upsert(
        row,
        existing,
        void,
        || plans::insert_from(tx, &plan, &origin, author),
        |id| {
            let at = origin.updated_at.as_deref();
            Ok(plans::update_from(tx, id, &plan, Some(reason), at, author)?.is_some())
        },
        |id| {
            let current = plans::get(tx, id)?;
            Ok(current.voided_at.zip(current.void_reason))
        },
        |id, why, at| plans::void_from(tx, id, why, at, author).map(drop),
    )
}

fn import_task(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    reason: &str,
) -> Result<Outcome> {
    let unit = unit_by_code(tx, row)?;
    let today = ctx.clock.today();
    let date = |text: &str| input::parse_date(text, today);
    let task = tasks::NewTask {
        unit_id: unit.id,
        text: row.required_as("text", TextKind::Free)?,
        source: row.text("source")?,
        assigned_on: row.parse("assigned_on", date)?,
        due_on: row
            .parse("due_on", date)?
            .ok_or_else(|| row.error("due_on", t!("exchange-empty")))?,
        done_on: row.parse("done_on", date)?,
        note: row.free_text("note")?,
    };
    if task
        .assigned_on
        .is_some_and(|assigned| task.due_on < assigned)
    {
        return Err(row.error("due_on", t!("exchange-task-due-before-assigned")));
    }
    if let (Some(assigned), Some(done)) = (task.assigned_on, task.done_on) {
        if done < assigned {
            return Err(row.error("done_on", t!("exchange-task-done-before-assigned")));
        }
    }
    let void = row_void(row)?;
    let origin = origin(row, "created_by", "created_at")?;
    let existing = match &origin.uid {
        Some(uid) => id_by_uid(tx, Records::Tasks, uid)?,
        None => None,
    };
    if let Some(id) = existing {
        let current = tasks::get(tx, id)?;
        if current.voided_at.is_some()
            && let Some(column) = task_difference(&current.fields, &task)
        {
            // As `task edit` refuses: a void task stays as it was when voided.
            return Err(row.error(column, t!("exchange-void-task-not-editable", id = id)));
        }
    }
    let author = &ctx.author;
    upsert(
        row,
        existing,
        void,
        || tasks::insert_from(tx, &task, &origin, author),
        |id| {
            let at = origin.updated_at.as_deref();
            Ok(tasks::update_from(tx, id, &task, Some(reason), at, author)?.is_some())
        },
        |id| {
            let current = tasks::get(tx, id)?;
            Ok(current.voided_at.zip(current.void_reason))
        },
        |id, why, at| tasks::void_from(tx, id, why, at, author).map(drop),
    )
}

/// Add a record that an import row describes, or bring the one it names up
/// to date, then void it when the row says so and it is not yet: what the
/// imports of findings, plans and tasks have in common. `update` says
/// whether it changed anything.
fn upsert(
    row: &Row<'_>,
    existing: Option<i64>,
    void: Option<(String, String)>,
    insert: impl FnOnce() -> Result<i64>,
    update: impl FnOnce(i64) -> Result<bool>,
    void_of: impl Fn(i64) -> Result<Option<(String, String)>>,
    void_it: impl FnOnce(i64, &str, &str) -> Result<()>,
) -> Result<Outcome> {
    let current_void = existing.map(&void_of).transpose()?.flatten();
    if let (Some((at, why)), Some((current_at, current_why))) = (&void, &current_void) {
        // A void is part of the record: a row that gives another one would
        // otherwise be taken as unchanged and its values dropped unseen.
        let column = if !same_instant(at, current_at) {
            Some("voided_at")
        } else if why != current_why {
            Some("void_reason")
        } else {
            None
        };
        if let Some(column) = column {
            return Err(row.error(
                column,
                t!(
                    "exchange-void-changed",
                    at = current_at.as_str(),
                    reason = current_why.as_str()
                ),
            ));
        }
    }
    let (id, outcome) = match existing {
        None => (insert()?, Outcome::New),
        Some(id) => {
            let newly_void = void.is_some() && current_void.is_none();
            if !update(id)? && !newly_void {
                return Ok(Outcome::Unchanged);
            }
            (id, Outcome::Updated)
        }
    };
    if let Some((at, why)) = void
        && current_void.is_none()
    {
        void_it(id, &why, &at)?;
    }
    Ok(outcome)
}

/// Whether two stamps name the same moment, whatever offset each is written in.
fn same_instant(a: &str, b: &str) -> bool {
    match (
        DateTime::parse_from_rfc3339(a),
        DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// What earlier rows of an import looked up: an export lists a visit's
/// findings together, and a unit's staff again and again.
#[derive(Default)]
struct Lookups {
    /// Whether the logbook held findings when the import began.
    findings_before: bool,
    visit: Option<(String, visits::VisitRow)>,
    people: std::collections::HashMap<(i64, String), i64>,
}

/// The columns of a findings file that hold a field only some kinds have.
const FINDING_FIELD_COLUMNS: [(&str, FindingField); 16] = [
    ("person", FindingField::Person),
    ("position", FindingField::Person),
    ("arrived_at", FindingField::Arrived),
    ("expected_at", FindingField::Expected),
    ("minutes_late", FindingField::MinutesLate),
    ("meeting", FindingField::Meeting),
    ("file_ref", FindingField::FileRef),
    ("procedure", FindingField::Procedure),
    ("received_on", FindingField::Received),
    ("due_on", FindingField::Due),
    ("returned_on", FindingField::Returned),
    ("days_overdue", FindingField::DaysOverdue),
    ("working_days_overdue", FindingField::WorkingDaysOverdue),
    ("category", FindingField::Category),
    ("description", FindingField::Description),
    ("task_uid", FindingField::Task),
];

fn import_finding(
    tx: &rusqlite::Transaction<'_>,
    row: &Row<'_>,
    ctx: &ImportContext<'_>,
    reason: &str,
    lookups: &mut Lookups,
) -> Result<Outcome> {
    let visit_uid = row
        .uid("visit_uid")?
        .ok_or_else(|| row.error("visit_uid", t!("exchange-empty")))?;
    let visit = match lookups.visit.take() {
        Some((uid, visit)) if uid == visit_uid => visit,
        _ => {
            let visit_id = id_by_uid(tx, Records::Visits, &visit_uid)?.ok_or_else(|| {
                row.error(
                    "visit_uid",
                    t!("exchange-no-visit", uid = visit_uid.as_str()),
                )
            })?;
            visits::get(tx, visit_id)?
        }
    };
    let visit_id = visit.id;
    lookups.visit = Some((visit_uid.clone(), visit.clone()));
    if let Some(code) = row.text("unit_code")?
        && units::normalise_code(&code).ok().as_deref() != Some(visit.unit_code.as_str())
    {
        return Err(row.error(
            "unit_code",
            t!(
                "exchange-not-visit-unit",
                code = code.as_str(),
                visit = visit_uid.as_str(),
                visit_unit = visit.unit_code.as_str()
            ),
        ));
    }
    let kind: FindingKind = row
        .parse("kind", |k| k.parse())?
        .ok_or_else(|| row.error("kind", t!("exchange-empty")))?;
    let uid = row.uid("uid")?;
    let existing = match &uid {
        Some(uid) if lookups.findings_before => {
            id_by_uid(tx, Records::Findings, uid)?.map(|id| findings::get(tx, id))
        }
        _ => None,
    }
    .transpose()?;
    if let Some(current) = &existing
        && current.fields.kind != kind
    {
        // Another kind's figures would be dropped or mixed in with its own.
        return Err(row.error(
            "kind",
            t!(
                "exchange-kind-changed",
                number = current.id,
                kind = current.fields.kind.to_string(),
                new = kind.to_string()
            ),
        ));
    }
    // A field of another kind would be stored on this finding, or counted in
    // reports as if it applied.
    if let Some((column, field)) = FINDING_FIELD_COLUMNS
        .iter()
        .find(|(column, field)| kind.source_of(*field).is_none() && row.given(column))
    {
        let holders: Vec<String> = FindingKind::holding(*field)
            .map(|kind| format!("`{kind}`"))
            .collect();
        return Err(row.error(
            column,
            t!(
                "exchange-other-kind",
                applies_to = holders.join(", "),
                kind = kind.to_string()
            ),
        ));
    }
    let today = ctx.clock.today();
    let date = |text: &str| input::parse_date(text, today);
    let mut finding = NewFinding::new(visit_id, kind);
    finding.arrived_at = row.parse("arrived_at", input::parse_time)?;
    finding.expected_at = row.parse("expected_at", input::parse_time)?;
    finding.minutes_late = row.count("minutes_late", MINUTES_LATE)?;
    finding.meeting = row.text("meeting")?;
    finding.file_ref = row.text("file_ref")?;
    finding.procedure = row.text("procedure")?;
    finding.received_on = row.parse("received_on", date)?;
    finding.due_on = row.parse("due_on", date)?;
    finding.returned_on = row.parse("returned_on", date)?;
    finding.days_overdue = row.count("days_overdue", 1..=*DAYS_OVERDUE.end())?;
    finding.working_days_overdue = row.count("working_days_overdue", DAYS_OVERDUE)?;
    if let (Some(days), Some(working)) = (finding.days_overdue, finding.working_days_overdue)
        && working > days
    {
        return Err(row.error(
            "working_days_overdue",
            t!(
                "exchange-working-over-calendar",
                working = working,
                days = days
            ),
        ));
    }
    finding.category = row.text("category")?;
    finding.description = row.free_text("description")?;
    finding.action = row.parse("action", |a| a.parse::<Action>())?;
    finding.note = row.free_text("note")?;

    let person_name = row.name("person")?;
    match kind {
        FindingKind::Late => {
            if person_name.is_none() {
                return Err(row.error("person", t!("exchange-late-needs-person")));
            }
            if finding.minutes_late.is_none() {
                let arrived = finding
                    .arrived_at
                    .ok_or_else(|| row.error("minutes_late", t!("exchange-late-needs-minutes")))?;
                let expected = finding.expected_at.unwrap_or_else(|| {
                    let hours = ctx.settings.hours_on(visit.started_at.date());
                    model::half_day_start(arrived, hours.morning, hours.afternoon)
                });
                finding.expected_at = Some(expected);
                finding.minutes_late = Some(
                    model::minutes_late(arrived, expected)
                        .ok_or_else(|| row.error("arrived_at", t!("exchange-not-late")))?,
                );
            }
        }
        FindingKind::Absent => {
            if person_name.is_none() {
                return Err(row.error("person", t!("exchange-absent-needs-person")));
            }
        }
        FindingKind::Overdue => {
            if finding.file_ref.is_none() {
                return Err(row.error("file_ref", t!("exchange-overdue-needs-file")));
            }
            let due = finding
                .due_on
                .ok_or_else(|| row.error("due_on", t!("exchange-overdue-needs-due")))?;
            if finding.days_overdue.is_none() || finding.working_days_overdue.is_none() {
                let as_of = finding.returned_on.unwrap_or(visit.started_at.date());
                let (days, working) =
                    model::days_overdue(due, as_of, |d| ctx.settings.is_working_day(d))
                        .ok_or_else(|| row.error("due_on", t!("exchange-not-overdue")))?;
                finding.days_overdue = Some(days);
                finding.working_days_overdue = Some(working);
            }
        }
        FindingKind::Other => {
            if finding.description.is_none() {
                return Err(row.error("description", t!("exchange-other-needs-description")));
            }
        }
        FindingKind::Task => {
            let uid = row
                .uid("task_uid")?
                .ok_or_else(|| row.error("task_uid", t!("exchange-task-needs-task")))?;
            let task = id_by_uid(tx, Records::Tasks, &uid)?
                .ok_or_else(|| row.error("task_uid", t!("exchange-no-task", uid = uid.as_str())))?;
            let task = tasks::get(tx, task)?;
            if task.fields.unit_id != visit.unit_id {
                return Err(row.error(
                    "task_uid",
                    t!("exchange-task-other-unit", unit = task.unit_name.as_str()),
                ));
            }
            finding.task_id = Some(task.id);
            finding.due_on = Some(task.fields.due_on);
            if finding.description.is_none() {
                finding.description = Some(task.fields.text.clone());
            }
            if finding.days_overdue.is_none() || finding.working_days_overdue.is_none() {
                let (days, working) =
                    model::days_overdue(task.fields.due_on, visit.started_at.date(), |d| {
                        ctx.settings.is_working_day(d)
                    })
                    .ok_or_else(|| row.error("due_on", t!("exchange-task-not-late")))?;
                finding.days_overdue = Some(days);
                finding.working_days_overdue = Some(working);
            }
        }
    }
    if let Some(name) = &person_name {
        let key = (visit.unit_id, fold(name));
        let person_id = match lookups.people.get(&key) {
            Some(id) => *id,
            None => {
                let id = match people::find(tx, visit.unit_id, name)? {
                    Some(person) => person.id,
                    None => {
                        let position = row.text("position")?;
                        people::insert_from(
                            tx,
                            visit.unit_id,
                            name,
                            position.as_deref(),
                            &Origin::default(),
                            &ctx.author,
                        )?
                        .id
                    }
                };
                lookups.people.insert(key, id);
                id
            }
        };
        finding.person_id = Some(person_id);
    }
    let void = row_void(row)?;
    if let Some(current) = &existing
        && current.voided_at.is_some()
        && let Some(column) = first_difference(&current.fields, &finding)
    {
        // As `edit` refuses: a void finding stays as it was when voided.
        return Err(row.error(
            column,
            t!("exchange-void-not-editable", number = current.id),
        ));
    }
    let origin = Origin {
        uid,
        created_by: row.name("logged_by")?,
        created_at: row.stamp("logged_at")?,
        updated_at: None,
    };
    let author = &ctx.author;
    upsert(
        row,
        existing.map(|current| current.id),
        void,
        || findings::insert_from(tx, &finding, &origin, author),
        |id| Ok(findings::update_from(tx, id, &finding, Some(reason), None, author)?.is_some()),
        |id| {
            let current = findings::get(tx, id)?;
            Ok(current.voided_at.zip(current.void_reason))
        },
        |id, why, at| findings::void_from(tx, id, why, at, author).map(drop),
    )
}

/// The first column in which an import row would change a task.
fn task_difference(current: &tasks::NewTask, new: &tasks::NewTask) -> Option<&'static str> {
    [
        ("unit_code", current.unit_id != new.unit_id),
        ("text", current.text != new.text),
        ("source", current.source != new.source),
        ("assigned_on", current.assigned_on != new.assigned_on),
        ("due_on", current.due_on != new.due_on),
        ("done_on", current.done_on != new.done_on),
        ("note", current.note != new.note),
    ]
    .iter()
    .find(|(_, differs)| *differs)
    .map(|(column, _)| *column)
}

/// The first column in which an import row would change a finding.
fn first_difference(current: &NewFinding, new: &NewFinding) -> Option<&'static str> {
    let differs = [
        ("visit_uid", current.visit_id != new.visit_id),
        ("person", current.person_id != new.person_id),
        ("arrived_at", current.arrived_at != new.arrived_at),
        ("expected_at", current.expected_at != new.expected_at),
        ("minutes_late", current.minutes_late != new.minutes_late),
        ("meeting", current.meeting != new.meeting),
        ("file_ref", current.file_ref != new.file_ref),
        ("procedure", current.procedure != new.procedure),
        ("received_on", current.received_on != new.received_on),
        ("due_on", current.due_on != new.due_on),
        ("returned_on", current.returned_on != new.returned_on),
        ("days_overdue", current.days_overdue != new.days_overdue),
        (
            "working_days_overdue",
            current.working_days_overdue != new.working_days_overdue,
        ),
        ("category", current.category != new.category),
        ("description", current.description != new.description),
        ("action", current.action != new.action),
        ("note", current.note != new.note),
        ("task_uid", current.task_id != new.task_id),
    ];
    differs
        .iter()
        .find(|(_, differs)| *differs)
        .map(|(column, _)| *column)
        .or((current != new).then_some("kind"))
}

/// What a merge did, per kind of record; `conflicts` counts records edited
/// on both sides, settled by the later edit.
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
}

/// Whether a record was changed after it was made: two versions differing
/// is a conflict only when both sides did so.
fn edited(created_at: &str, updated_at: &str) -> bool {
    created_at != updated_at
}

/// Which side's version of a record differing on both sides stays.
fn later_wins(local_updated: &str, other_updated: &str) -> bool {
    // RFC 3339 UTC stamps with milliseconds compare as text.
    other_updated > local_updated
}

/// Settle a record whose versions here and in the other logbook differ: the
/// later edit wins (`update` writes the other version here); when this
/// logbook's wins, the other version goes into the history beside it.
/// Both sides having edited the record is a conflict. Returns whether the
/// record here changed.
#[allow(clippy::too_many_arguments)]
fn settle(
    tx: &rusqlite::Transaction<'_>,
    other_conn: &rusqlite::Connection,
    records: Records,
    (local_id, local_created, local_updated): (i64, &str, &str),
    (other_id, other_created, other_updated): (i64, &str, &str),
    (kept, author): (&str, &Author),
    tally: &mut MergeCounts,
    update: impl FnOnce() -> Result<()>,
) -> Result<bool> {
    if later_wins(local_updated, other_updated) {
        update()?;
        if edited(local_created, local_updated) {
            tally.conflicts += 1;
        }
        return Ok(true);
    }
    let theirs = crate::store::exchange::snapshot(other_conn, records, other_id)?;
    if crate::store::exchange::keep_local(tx, records, local_id, &theirs, kept, author)?
        && edited(other_created, other_updated)
    {
        tally.conflicts += 1;
    }
    Ok(false)
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
    created_at: String,
    updated_at: String,
    void: bool,
}

/// The calls on one kind of voidable record that a merge makes here.
struct VoidableCalls<'c, F> {
    insert: &'c dyn Fn(&F, &Origin) -> Result<i64>,
    ours: &'c dyn Fn(i64) -> Result<Ours<F>>,
    update: &'c dyn Fn(i64, &F) -> Result<()>,
    void: &'c dyn Fn(i64, &str, &str) -> Result<()>,
}

/// Merge one voidable record: add it when this logbook lacks it (`local`
/// is `None`), else settle the two versions; a void is never undone, and is
/// carried over when the other side has one. Returns its number here.
fn merge_voidable<F: PartialEq>(
    tx: &rusqlite::Transaction<'_>,
    other_conn: &rusqlite::Connection,
    theirs: Theirs<'_, F>,
    local: Option<i64>,
    (kept, author): (&str, &Author),
    tally: &mut MergeCounts,
    calls: VoidableCalls<'_, F>,
) -> Result<i64> {
    let Some(local_id) = local else {
        let origin = Origin {
            uid: Some(theirs.uid.to_string()),
            created_by: Some(theirs.created_by.to_string()),
            created_at: Some(theirs.created_at.to_string()),
            updated_at: Some(theirs.updated_at.to_string()),
        };
        let added = (calls.insert)(&theirs.fields, &origin)?;
        if let Some((at, reason)) = theirs.void {
            (calls.void)(added, reason, at)?;
        }
        tally.counts.new += 1;
        return Ok(added);
    };
    let ours = (calls.ours)(local_id)?;
    let mut changed = false;
    if ours.fields != theirs.fields {
        changed = settle(
            tx,
            other_conn,
            theirs.records,
            (local_id, &ours.created_at, &ours.updated_at),
            (theirs.id, theirs.created_at, theirs.updated_at),
            (kept, author),
            tally,
            || (calls.update)(local_id, &theirs.fields),
        )?;
    }
    if let (Some((at, reason)), false) = (theirs.void, ours.void) {
        (calls.void)(local_id, reason, at)?;
        changed = true;
    }
    if changed {
        tally.counts.updated += 1;
    } else {
        tally.counts.unchanged += 1;
    }
    Ok(local_id)
}

/// Bring `other` into `store` in one transaction: units by code, people by
/// unit and folded name, visits and findings by uid. The later edit wins a
/// conflict and the history keeps both versions; merging again changes nothing.
/// The number of records `merge` will go through in `other`.
pub fn records_in(other: &Store) -> Result<u64> {
    let conn = other.conn();
    let mut total = 0;
    for records in [
        Records::Units,
        Records::People,
        Records::Visits,
        Records::Findings,
        Records::Plans,
        Records::Tasks,
    ] {
        total += crate::store::exchange::count(conn, records)?;
    }
    Ok(total)
}

pub fn merge(
    store: &mut Store,
    other: &Store,
    source: &str,
    author: &Author,
    progress: &dyn Fn(u64),
) -> Result<MergeReport> {
    use std::collections::HashMap;
    let other_conn = other.conn();
    let other_units = units::all(other_conn)?;
    let other_people = people::list(other_conn, None)?;
    let other_visits = visits::list(other_conn, &visits::VisitFilter::default())?;
    let other_findings = findings::list(
        other_conn,
        &findings::FindingFilter {
            include_void: true,
            ..Default::default()
        },
    )?;
    let other_plans = plans::list(other_conn, true)?;
    let other_tasks = tasks::list(
        other_conn,
        &tasks::TaskFilter {
            include_void: true,
            ..Default::default()
        },
    )?;
    let won = format!("merged from {source}: edited there later");
    let kept = format!("kept: edited here later than in {source}");
    store.write(|tx| {
        let mut report = MergeReport::default();
        let mut unit_ids: HashMap<i64, i64> = HashMap::new();
        for unit in &other_units {
            stop_if_interrupted()?;
            let tally = &mut report.units;
            let origin = Origin {
                uid: Some(unit.uid.clone()),
                created_by: None,
                created_at: Some(unit.created_at.clone()),
                updated_at: Some(unit.updated_at.clone()),
            };
            let new = NewUnit {
                code: unit.code.clone(),
                name: unit.name.clone(),
                kind: unit.kind,
                morning_start: unit.morning_start,
                afternoon_start: unit.afternoon_start,
            };
            let local = match units::by_code(tx, &unit.code)? {
                Some(local) => local,
                None => {
                    let origin = Origin {
                        uid: id_by_uid(tx, Records::Units, &unit.uid)?
                            .is_none()
                            .then(|| unit.uid.clone()),
                        ..origin
                    };
                    let added = units::insert_from(tx, &new, &origin, author)?;
                    unit_ids.insert(unit.id, added.id);
                    tally.counts.new += 1;
                    continue;
                }
            };
            unit_ids.insert(unit.id, local.id);
            let same = local.name == unit.name
                && local.kind == unit.kind
                && local.morning_start == unit.morning_start
                && local.afternoon_start == unit.afternoon_start;
            if same {
                tally.counts.unchanged += 1;
            } else {
                let change = UnitChange {
                    name: Some(unit.name.clone()),
                    kind: Some(unit.kind),
                    morning_start: Some(unit.morning_start),
                    afternoon_start: Some(unit.afternoon_start),
                };
                let changed = settle(
                    tx,
                    other_conn,
                    Records::Units,
                    (local.id, &local.created_at, &local.updated_at),
                    (unit.id, &unit.created_at, &unit.updated_at),
                    (&kept, author),
                    tally,
                    || {
                        units::update_from(tx, local.id, &change, Some(&unit.updated_at), author)
                            .map(drop)
                    },
                )?;
                if changed {
                    tally.counts.updated += 1;
                } else {
                    tally.counts.unchanged += 1;
                }
            }
        }

        let mut person_ids: HashMap<i64, i64> = HashMap::new();
        for person in &other_people {
            stop_if_interrupted()?;
            let tally = &mut report.people;
            let unit_id = unit_ids[&person.unit_id];
            let local = match people::find(tx, unit_id, &person.name)? {
                Some(local) => local,
                None => {
                    let origin = Origin {
                        uid: id_by_uid(tx, Records::People, &person.uid)?
                            .is_none()
                            .then(|| person.uid.clone()),
                        created_by: None,
                        created_at: Some(person.created_at.clone()),
                        updated_at: Some(person.updated_at.clone()),
                    };
                    let added = people::insert_from(
                        tx,
                        unit_id,
                        &person.name,
                        person.position.as_deref(),
                        &origin,
                        author,
                    )?;
                    person_ids.insert(person.id, added.id);
                    tally.counts.new += 1;
                    continue;
                }
            };
            person_ids.insert(person.id, local.id);
            if local.position == person.position || person.position.is_none() {
                tally.counts.unchanged += 1;
            } else if local.position.is_none() || later_wins(&local.updated_at, &person.updated_at)
            {
                people::set_position(
                    tx,
                    local.id,
                    person.position.as_deref(),
                    Some(&person.updated_at),
                    author,
                )?;
                tally.counts.updated += 1;
            } else {
                tally.counts.unchanged += 1;
            }
        }

        for plan in &other_plans {
            stop_if_interrupted()?;
            let fields = plans::NewPlan {
                unit_id: plan.fields.unit_id.map(|id| unit_ids[&id]),
                ..plan.fields.clone()
            };
            // The same plan by uid, or the plan in force here for the same
            // unit from the same month, which the other logbook set apart.
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
            merge_voidable(
                tx,
                other_conn,
                theirs,
                local,
                (&kept, author),
                &mut report.plans,
                VoidableCalls {
                    insert: &|fields, origin| plans::insert_from(tx, fields, origin, author),
                    ours: &|id| {
                        let ours = plans::get(tx, id)?;
                        Ok(Ours {
                            fields: ours.fields,
                            created_at: ours.created_at,
                            updated_at: ours.updated_at,
                            void: ours.voided_at.is_some(),
                        })
                    },
                    update: &|id, fields| {
                        let at = Some(plan.updated_at.as_str());
                        plans::update_from(tx, id, fields, Some(&won), at, author).map(drop)
                    },
                    void: &|id, reason, at| plans::void_from(tx, id, reason, at, author).map(drop),
                },
            )?;
        }

        let mut task_ids: HashMap<i64, i64> = HashMap::new();
        for task in &other_tasks {
            stop_if_interrupted()?;
            let theirs = Theirs {
                records: Records::Tasks,
                id: task.id,
                uid: &task.uid,
                created_by: &task.created_by,
                created_at: &task.created_at,
                updated_at: &task.updated_at,
                void: task.voided_at.as_deref().zip(task.void_reason.as_deref()),
                fields: tasks::NewTask {
                    unit_id: unit_ids[&task.fields.unit_id],
                    ..task.fields.clone()
                },
            };
            let local = id_by_uid(tx, Records::Tasks, &task.uid)?;
            let id = merge_voidable(
                tx,
                other_conn,
                theirs,
                local,
                (&kept, author),
                &mut report.tasks,
                VoidableCalls {
                    insert: &|fields, origin| tasks::insert_from(tx, fields, origin, author),
                    ours: &|id| {
                        let ours = tasks::get(tx, id)?;
                        Ok(Ours {
                            fields: ours.fields,
                            created_at: ours.created_at,
                            updated_at: ours.updated_at,
                            void: ours.voided_at.is_some(),
                        })
                    },
                    update: &|id, fields| {
                        let at = Some(task.updated_at.as_str());
                        tasks::update_from(tx, id, fields, Some(&won), at, author).map(drop)
                    },
                    void: &|id, reason, at| tasks::void_from(tx, id, reason, at, author).map(drop),
                },
            )?;
            task_ids.insert(task.id, id);
        }

        let mut visit_ids: HashMap<i64, i64> = HashMap::new();
        let base =
            (other_units.len() + other_people.len() + other_plans.len() + other_tasks.len()) as u64;
        progress(base);
        for (done, visit) in other_visits.iter().enumerate() {
            stop_if_interrupted()?;
            if done % 1024 == 0 {
                progress(base + done as u64);
            }
            let tally = &mut report.visits;
            let new = NewVisit {
                unit_id: unit_ids[&visit.unit_id],
                started_at: visit.started_at,
                ended_at: visit.ended_at,
                announced: visit.announced,
                team: visit.team.clone(),
                on_roll: visit.on_roll,
                present: visit.present,
                note: visit.note.clone(),
            };
            let Some(local_id) = id_by_uid(tx, Records::Visits, &visit.uid)? else {
                let origin = Origin {
                    uid: Some(visit.uid.clone()),
                    created_by: Some(visit.created_by.clone()),
                    created_at: Some(visit.created_at.clone()),
                    updated_at: Some(visit.updated_at.clone()),
                };
                let added = visits::insert_from(tx, &new, &origin, author)?;
                visit_ids.insert(visit.id, added.id);
                tally.counts.new += 1;
                continue;
            };
            visit_ids.insert(visit.id, local_id);
            let local = visits::get(tx, local_id)?;
            let same = local.unit_id == new.unit_id
                && local.started_at == new.started_at
                && local.ended_at == new.ended_at
                && local.announced == new.announced
                && local.team == new.team
                && local.on_roll == new.on_roll
                && local.present == new.present
                && local.note == new.note;
            if same {
                tally.counts.unchanged += 1;
            } else {
                let changed = settle(
                    tx,
                    other_conn,
                    Records::Visits,
                    (local_id, &local.created_at, &local.updated_at),
                    (visit.id, &visit.created_at, &visit.updated_at),
                    (&kept, author),
                    tally,
                    || {
                        visits::update_from(
                            tx,
                            local_id,
                            &new,
                            Some(&visit.updated_at),
                            Some(&won),
                            author,
                        )
                        .map(drop)
                    },
                )?;
                if changed {
                    tally.counts.updated += 1;
                } else {
                    tally.counts.unchanged += 1;
                }
            }
        }

        let base = base + other_visits.len() as u64;
        for (done, finding) in other_findings.iter().enumerate() {
            stop_if_interrupted()?;
            if done % 1024 == 0 {
                progress(base + done as u64);
            }
            let mut fields = finding.fields.clone();
            fields.visit_id = visit_ids[&finding.fields.visit_id];
            fields.person_id = finding.fields.person_id.map(|id| person_ids[&id]);
            fields.task_id = finding.fields.task_id.map(|id| task_ids[&id]);
            let theirs = Theirs {
                records: Records::Findings,
                id: finding.id,
                uid: &finding.uid,
                created_by: &finding.logged_by,
                created_at: &finding.logged_at,
                updated_at: &finding.updated_at,
                void: finding
                    .voided_at
                    .as_deref()
                    .zip(finding.void_reason.as_deref()),
                fields,
            };
            let local = id_by_uid(tx, Records::Findings, &finding.uid)?;
            merge_voidable(
                tx,
                other_conn,
                theirs,
                local,
                (&kept, author),
                &mut report.findings,
                VoidableCalls {
                    insert: &|fields, origin| findings::insert_from(tx, fields, origin, author),
                    ours: &|id| {
                        let ours = findings::get(tx, id)?;
                        Ok(Ours {
                            fields: ours.fields,
                            created_at: ours.logged_at,
                            updated_at: ours.updated_at,
                            void: ours.voided_at.is_some(),
                        })
                    },
                    update: &|id, fields| {
                        let at = Some(finding.updated_at.as_str());
                        findings::update_from(tx, id, fields, Some(&won), at, author).map(drop)
                    },
                    void: &|id, reason, at| {
                        findings::void_from(tx, id, reason, at, author).map(drop)
                    },
                },
            )?;
        }
        Ok(report)
    })
}
