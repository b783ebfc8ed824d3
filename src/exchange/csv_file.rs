//! Reading a CSV file as export writes it, a row at a time, guarded against
//! files, rows and cells too large to hold and quotes never closed.

use std::io::{BufRead, BufReader, Read};
use std::ops::RangeInclusive;
use std::path::Path;

use chrono::DateTime;

use crate::error::{Context, Error, Result};
use crate::fold::nfc;
use crate::input::{self, TextKind};
use crate::model;
use crate::model::Records;
use crate::render::csv_text_value;

/// A CSV file as export writes it, read a row at a time.
pub(super) struct CsvFile {
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
pub(super) fn open_csv(path: &Path, records: Records) -> Result<CsvFile> {
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
    let (bom, separator) = sniff(start, &label, records)?;
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
    let columns = header_columns(&header, &label, records)?;
    Ok(CsvFile {
        label,
        reader,
        columns,
        record: csv::ByteRecord::new(),
        scan,
        last_line: 1,
    })
}

/// What the first bytes of a file say: whether it starts with a byte-order
/// mark, and its separator. A file in UTF-16, empty or separated by tabs is
/// refused here, before the CSV reader makes less sense of it.
fn sniff(start: &[u8], label: &str, records: Records) -> Result<(bool, u8)> {
    let bom = start.starts_with(b"\xEF\xBB\xBF");
    let start = if bom {
        start.get(3..).unwrap_or_default()
    } else {
        start
    };
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
    Ok((bom, separator))
}

/// The header's column names, each one this kind of record has, none twice,
/// and the required ones all there.
fn header_columns(header: &csv::ByteRecord, label: &str, records: Records) -> Result<Vec<String>> {
    let mut columns = Vec::with_capacity(header.len());
    for field in header.iter() {
        let name = std::str::from_utf8(field)
            .map_err(|_| Error::input(format!("{label}:1: {}", t!("exchange-header-not-utf8"))))?;
        columns.push(name.trim().to_lowercase());
    }
    let known = crate::store::records::columns(records);
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
        if columns
            .get(..index)
            .is_some_and(|before| before.contains(name))
        {
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
    Ok(columns)
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
    pub(super) fn bytes_read(&self) -> u64 {
        self.scan.borrow().bytes
    }

    /// The next row, or `None` at the end of the file.
    pub(super) fn next(&mut self) -> Result<Option<Row<'_>>> {
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
            quote_open: quotes % 2 == 1,
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
pub(super) struct Row<'a> {
    /// The quotes read so far do not pair up.
    quote_open: bool,
    label: &'a str,
    line: u64,
    columns: &'a [String],
    record: &'a csv::ByteRecord,
}

impl Row<'_> {
    pub(super) fn error(&self, column: &str, problem: impl std::fmt::Display) -> Error {
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
    pub(super) fn text(&self, column: &str) -> Result<Option<String>> {
        self.checked(column, TextKind::Line)
    }

    /// A note, a description, a reason: may hold line breaks and tabs.
    pub(super) fn free_text(&self, column: &str) -> Result<Option<String>> {
        self.checked(column, TextKind::Free)
    }

    /// The name of a person or a unit: must show something.
    pub(super) fn name(&self, column: &str) -> Result<Option<String>> {
        self.checked(column, TextKind::Name)
    }

    /// Whether a quote opened in the cell at `index` may be the one never
    /// closed: it is the last cell of the row, and the file read so far
    /// holds an odd number of quotes.
    fn opens_a_quote(&self, index: usize) -> bool {
        self.quote_open && index + 1 == self.record.len()
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
        if kind != TextKind::Free && text.contains('\n') && self.opens_a_quote(index) {
            // The likeliest cause by far: a quote opened in this cell and
            // never closed took the following lines into it.
            return Err(self.error(column, t!("exchange-quote-swallowed-lines")));
        }
        if let Some(problem) = input::text_problem(&text, kind) {
            return Err(self.error(column, problem));
        }
        Ok((!text.is_empty()).then_some(text))
    }

    /// Whether the file has the column at all: a column added to exports
    /// later is missing from older files, and its absence changes nothing.
    pub(super) fn has(&self, column: &str) -> bool {
        self.columns.iter().any(|c| c == column)
    }

    /// Whether the cell holds anything, as the most lenient reading sees it.
    pub(super) fn given(&self, column: &str) -> bool {
        matches!(self.checked(column, TextKind::Free), Ok(Some(_)) | Err(_))
    }

    pub(super) fn required(&self, column: &str) -> Result<String> {
        self.required_as(column, TextKind::Line)
    }

    pub(super) fn required_as(&self, column: &str, kind: TextKind) -> Result<String> {
        self.checked(column, kind)?
            .ok_or_else(|| self.error(column, t!("exchange-empty")))
    }

    pub(super) fn parse<T>(
        &self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.text(column)? {
            Some(text) => parse(&text).map(Some).map_err(|e| self.error(column, e)),
            None => Ok(None),
        }
    }

    /// A whole number within the limits the same figure has when typed.
    pub(super) fn count(&self, column: &str, limits: RangeInclusive<i64>) -> Result<Option<i64>> {
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
    pub(super) fn team(&self, column: &str) -> Result<Option<String>> {
        let team = self.text(column)?;
        if let Some(problem) = team.as_deref().and_then(input::team_problem) {
            return Err(self.error(column, problem));
        }
        Ok(team)
    }

    pub(super) fn stamp(&self, column: &str) -> Result<Option<String>> {
        self.parse(column, |text| {
            DateTime::parse_from_rfc3339(text)
                .map(|_| text.to_string())
                .map_err(|_| Error::input(t!("exchange-not-stamp", text = text)))
        })
    }

    pub(super) fn uid(&self, column: &str) -> Result<Option<String>> {
        self.parse(column, |text| {
            let uid = text.to_ascii_lowercase();
            if uid.len() == 32 && uid.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(uid)
            } else {
                Err(Error::input(t!("exchange-not-uid", text = text)))
            }
        })
    }

    pub(super) fn flag(&self, column: &str) -> Result<bool> {
        Ok(self
            .parse(column, |text| match text.to_lowercase().as_str() {
                "1" | "true" | "yes" => Ok(true),
                "0" | "false" | "no" => Ok(false),
                _ => Err(Error::input(t!("exchange-not-flag", text = text))),
            })?
            .unwrap_or(false))
    }
}
