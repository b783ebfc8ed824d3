//! Output formatting: one [`Table`], [`Record`] or document of [`Block`]s to a
//! terminal table, CSV, JSON, Markdown, an HTML page or a workbook sheet.
//! Commands build values and hand over a writer; nothing else in the crate
//! decides how output looks.
//!
//! This module holds the values and what every format shares (how a cell
//! reads in the current language, the bars of a chart drawn in text) and
//! picks the format; each child writes one format from these values and
//! never calls another child, so no format can come round to itself.

pub mod chart;
mod csv;
pub mod html;
mod json;
mod md;
mod terminal;
pub mod workbook;

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::{NaiveDate, NaiveDateTime};
use serde::ser::{Serialize, Serializer};

use crate::i18n::{self, Lang};
use crate::model::Datum;

pub use self::csv::{CsvOptions, CsvStream, csv_text_cell, csv_text_value};
pub use self::json::{record_json, write_json};

/// Output format chosen with `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Boxed table sized for the terminal.
    #[default]
    Table,
    /// RFC 4180 CSV with a header row of column keys.
    Csv,
    /// Pretty-printed JSON keyed by column key.
    Json,
    /// GitHub-flavoured Markdown table.
    Md,
    /// One self-contained HTML page, to open in a browser and print.
    Html,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    /// A figure with one decimal place, such as an average.
    Float(f64),
    Text(String),
    Bool(bool),
    /// A word of the domain stored in English, such as the kind `late` or the
    /// action `reminded`: scripts get the word, people get it in their language.
    Term(&'static str),
    /// A word stored in English whose name people read has a catalogue key
    /// of its own, as a unit's kind `other` (not the finding kind `other`):
    /// scripts get the word, people the message of the key.
    Named(&'static str, &'static str),
    /// A calendar day: ISO 8601 for scripts, dd/mm/yyyy in Vietnamese tables.
    Date(NaiveDate),
    /// A local date and time to the minute, shown like [`Value::Date`].
    Stamp(NaiveDateTime),
    /// A moment the logbook stamps in UTC (when a record was logged or
    /// voided), kept as stored: so for scripts, in local time for people.
    Moment(String),
}

impl Value {
    /// A UTC stamp as the store keeps it (`2026-05-12T00:45:00.000Z`); text
    /// that is not one stays text.
    pub fn moment(stamp: &str) -> Value {
        match chrono::DateTime::parse_from_rfc3339(stamp) {
            Ok(_) => Value::Moment(stamp.to_string()),
            Err(_) => Value::Text(stamp.to_string()),
        }
    }

    /// A day given as ISO text by the store; text that is not a day stays text.
    pub fn day(iso: &str) -> Value {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .map_or_else(|_| Value::Text(iso.to_string()), Value::Date)
    }
}

impl From<i64> for Value {
    fn from(value: i64) -> Value {
        Value::Int(value)
    }
}

impl From<String> for Value {
    fn from(value: String) -> Value {
        Value::Text(value)
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Value {
        Value::Text(value.to_owned())
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Bool(value)
    }
}

/// A value read from the logbook, as `sql` shows it: a blob by its size,
/// since its bytes mean nothing in a table or a CSV file.
impl From<Datum<'_>> for Value {
    fn from(datum: Datum<'_>) -> Value {
        match datum {
            Datum::Null => Value::Null,
            Datum::Integer(n) => Value::Int(n),
            Datum::Real(x) => Value::Float(x),
            Datum::Text(text) => Value::Text(text.into_owned()),
            Datum::Blob(bytes) => Value::Text(format!("<{} bytes>", bytes.len())),
        }
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Int(n) => serializer.serialize_i64(*n),
            Value::Float(x) => serializer.serialize_f64(round1(*x)),
            Value::Text(s) => serializer.serialize_str(s),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Term(word) | Value::Named(word, _) => serializer.serialize_str(word),
            Value::Date(date) => serializer.collect_str(&date.format("%Y-%m-%d")),
            Value::Stamp(at) => serializer.collect_str(&at.format(STAMP)),
            Value::Moment(stamp) => serializer.serialize_str(stamp),
        }
    }
}

/// A column: `key` names it in CSV, JSON and Markdown (stable for scripts), `header` is what
/// a person reads in the terminal table.
#[derive(Debug, Clone)]
pub struct Column {
    pub key: String,
    pub header: String,
}

impl Column {
    /// A column headed, for people, by its catalogue heading `col-KEY` in the
    /// current language (the key itself where the catalogue has none).
    pub fn new(key: &str) -> Column {
        let heading = format!("col-{key}");
        if i18n::has(&heading) {
            Column::titled(key, &i18n::message(&heading, None))
        } else {
            Column::titled(key, key)
        }
    }

    pub fn titled(key: &str, header: &str) -> Column {
        Column {
            key: key.to_owned(),
            header: header.to_owned(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(
            row.len(),
            self.columns.len(),
            "row length must match the number of columns"
        );
        self.rows.push(row);
    }
}

/// A single record, e.g. the output of `show 12`.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub fields: Vec<(Column, Value)>,
}

impl Record {
    pub fn new() -> Record {
        Record::default()
    }

    pub fn field(&mut self, column: Column, value: impl Into<Value>) -> &mut Self {
        self.fields.push((column, value.into()));
        self
    }
}

/// How the terminal output looks: how wide the terminal is, if output goes
/// to one (None means do not wrap), and whether to colour it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub width: Option<u16>,
    pub color: bool,
    /// How CSV is written: the separator and the mark for Excel.
    pub csv: CsvOptions,
    /// How wide a chart may be drawn, even where tables are not wrapped.
    pub chart_width: u16,
}

/// A report made of several parts, for the terminal and Markdown: a title,
/// section headings, tables and lines of text.
#[derive(Debug, Clone)]
pub enum Block {
    Title(String),
    Section(String),
    /// A section heading that calls for attention, such as repeat offenders.
    Warning(String),
    Table(Table),
    Line(String),
    /// Horizontal bars, one per labelled figure.
    Bars(Vec<(String, i64)>),
}

/// Bars in a terminal chart are drawn in cyan.
const BAR: anstyle::Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Cyan)));

/// `text` in `look` when colour is on.
fn styled(text: &str, look: anstyle::Style, style: &Style) -> String {
    if style.color {
        format!("{}{text}{}", look.render(), look.render_reset())
    } else {
        text.to_string()
    }
}

pub fn write_table(
    table: &Table,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => terminal::write_table(table, style, out),
        Format::Csv => csv::write_table(table, out, style.csv),
        Format::Json => json::write_table(table, out),
        Format::Md => md::write_table(table, out),
        Format::Html => html::write_table_page(table, out),
    }
}

pub fn write_record(
    record: &Record,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => terminal::write_table(&pairs_table(record, |c| &c.header), style, out),
        Format::Csv => csv::write_table(&single_row_table(record), out, style.csv),
        Format::Json => json::write_record(record, out),
        Format::Md => md::write_table(&pairs_table(record, |c| &c.key), out),
        Format::Html => html::write_table_page(&pairs_table(record, |c| &c.header), out),
    }
}

/// Write a document in table, Markdown or HTML format; for the others a
/// report writes its main table (CSV) or its typed value (JSON) itself, and
/// what comes here is shown as in the terminal.
pub fn write_document(
    blocks: &[Block],
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Html => html::write_blocks_page(blocks, out),
        Format::Md => md::write_document(blocks, style, out),
        Format::Table | Format::Csv | Format::Json => terminal::write_document(blocks, style, out),
    }
}

/// What changed between two versions of one record, field by field, as
/// people read them: `giờ về: – → 16:20`. Both come from the same function,
/// so their fields line up; `skip` leaves out stamps and the like.
pub fn record_changes(before: &Record, after: &Record, skip: &[&str]) -> Vec<String> {
    let or_dash = |text: Cow<'_, str>| {
        if text.is_empty() {
            "–".to_string()
        } else {
            text.into_owned()
        }
    };
    before
        .fields
        .iter()
        .zip(&after.fields)
        .filter(|((column, old), (_, new))| old != new && !skip.contains(&column.key.as_str()))
        .map(|((column, old), (_, new))| {
            format!(
                "{}: {} → {}",
                column.header,
                or_dash(shown(old)),
                or_dash(shown(new))
            )
        })
        .collect()
}

/// A UTC stamp as a line of text shows it to people: in local time, in the
/// current language's order.
pub fn moment_text(stamp: &str) -> String {
    shown(&Value::moment(stamp)).into_owned()
}

/// A cell as people read it, in the current language.
fn shown(value: &Value) -> Cow<'_, str> {
    match value {
        Value::Null => Cow::Borrowed(""),
        Value::Int(n) => Cow::Owned(n.to_string()),
        Value::Float(x) => Cow::Owned(format!("{x:.1}")),
        Value::Text(s) => terminal_text(s),
        Value::Bool(yes) => Cow::Owned(if *yes {
            t!("value-yes")
        } else {
            t!("value-no")
        }),
        Value::Term(word) => Cow::Owned(term(word)),
        Value::Named(_, key) => Cow::Owned(i18n::message(key, None)),
        Value::Date(date) => Cow::Owned(show_date(*date)),
        Value::Stamp(at) => Cow::Owned(show_stamp(*at)),
        Value::Moment(stamp) => match local(stamp) {
            Some(at) => Cow::Owned(show_stamp(at)),
            None => terminal_text(stamp),
        },
    }
}

thread_local! {
    // Per thread, as the language is, so that commands run side by side
    // in one process each show their own zone.
    static ZONE: std::cell::Cell<Option<chrono::FixedOffset>> = const { std::cell::Cell::new(None) };
}

/// Show UTC moments in `zone` from now on, on this thread (`None`: the
/// system's local time).
pub fn set_zone(zone: Option<chrono::FixedOffset>) {
    ZONE.with(|current| current.set(zone));
}

/// A stamped moment as the local time it was; `None` for text that is
/// not a stamp.
fn local(stamp: &str) -> Option<NaiveDateTime> {
    let at = chrono::DateTime::parse_from_rfc3339(stamp).ok()?;
    Some(match ZONE.with(std::cell::Cell::get) {
        Some(zone) => at.with_timezone(&zone).naive_local(),
        None => at.with_timezone(&chrono::Local).naive_local(),
    })
}

/// Control characters have no display width, so they would break the box alignment, and an
/// escape sequence stored in a note must not get to drive the user's terminal.
pub(crate) fn terminal_text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(s);
    }
    let cleaned = s
        .replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect();
    Cow::Owned(cleaned)
}

/// A domain word in the current language: `term-WORD` from the catalogue, or
/// the word itself where there is none.
/// A unit's kind as people read it, in the current language.
pub fn unit_kind(kind: crate::model::UnitKind) -> String {
    i18n::message(kind.name_key(), None)
}

pub fn term(word: &str) -> String {
    let key = format!("term-{word}");
    if i18n::has(&key) {
        i18n::message(&key, None)
    } else {
        word.to_string()
    }
}

/// A working week as a reader types it in their language: `mon-fri,sat:am`
/// in English, `t2-t6,t7:sáng` in Vietnamese (spotcheck reads both).
pub fn show_week(week: &crate::calendar::Week) -> String {
    let text = week.to_string();
    if i18n::current() != i18n::Lang::Vi {
        return text;
    }
    let word = |w: &str| -> String {
        match w {
            "mon" => "t2",
            "tue" => "t3",
            "wed" => "t4",
            "thu" => "t5",
            "fri" => "t6",
            "sat" => "t7",
            "sun" => "cn",
            "am" => "sáng",
            "pm" => "chiều",
            other => other,
        }
        .to_string()
    };
    let mut shown = String::new();
    let mut token = String::new();
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            token.push(c);
        } else {
            shown.push_str(&word(&token));
            token.clear();
            shown.push(c);
        }
    }
    shown.push_str(&word(&token));
    shown
}

/// A reporting period's label (`2022-05`) as people read it: as it is in
/// English, `05/2022` in Vietnamese.
pub fn show_month(label: &str) -> String {
    match (i18n::current(), label.split_once('-')) {
        (Lang::Vi, Some((year, month))) => format!("{month}/{year}"),
        _ => label.to_string(),
    }
}

/// A report's period label as people read it: a month as [`show_month`];
/// `2026-Q3`, `2026-H2`, `2026` and `2026-02..2026-05` in the reader's words
/// (quý III/2026, 6 tháng cuối năm 2026, năm 2026).
pub fn show_period(label: &str) -> String {
    if let Some((first, last)) = label.split_once("..") {
        return t!(
            "span-months",
            first = show_month(first),
            last = show_month(last)
        );
    }
    let Some((year, part)) = label.split_once('-') else {
        return t!("span-year", year = label);
    };
    let number = |prefix: char| {
        part.strip_prefix(prefix)
            .and_then(|n| n.parse::<u32>().ok())
    };
    if let Some(quarter) = number('Q') {
        return t!("span-quarter", year = year, quarter = quarter);
    }
    match number('H') {
        Some(1) => t!("span-half-first", year = year),
        Some(_) => t!("span-half-second", year = year),
        None => show_month(label),
    }
}

/// How a date-time is written for scripts, as the logbook's views give it.
const STAMP: &str = "%Y-%m-%d %H:%M";

/// A date-time as people read it, like [`show_date`].
pub fn show_stamp(at: NaiveDateTime) -> String {
    at.format("%d/%m/%Y %H:%M").to_string()
}

/// A day as people read it, in either language: dd/mm/yyyy, as dates are
/// written in Vietnam (scripts get ISO 8601 in CSV and JSON).
pub fn show_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

// Rows are public fields, so a release build can meet a row of the wrong length; padding or
// trimming it here keeps every format well-formed instead of failing or misaligning.
static NULL: Value = Value::Null;

fn cells(row: &[Value], width: usize) -> impl Iterator<Item = &Value> {
    row.iter().chain(std::iter::repeat(&NULL)).take(width)
}

/// Numeric columns are right-aligned; an all-null column has nothing to align.
fn is_numeric(table: &Table, index: usize) -> bool {
    let mut values = table.rows.iter().filter_map(|row| row.get(index));
    let mut any_int = false;
    let all_int_or_null = values.all(|value| match value {
        Value::Int(_) | Value::Float(_) => {
            any_int = true;
            true
        }
        Value::Null => true,
        Value::Text(_)
        | Value::Bool(_)
        | Value::Term(_)
        | Value::Named(..)
        | Value::Date(_)
        | Value::Stamp(_)
        | Value::Moment(_) => false,
    });
    all_int_or_null && any_int
}

fn pairs_table(record: &Record, label: fn(&Column) -> &String) -> Table {
    let mut table = Table::new(vec![Column::new("field"), Column::new("value")]);
    for (column, value) in &record.fields {
        table.push(vec![Value::Text(label(column).clone()), value.clone()]);
    }
    table
}

fn single_row_table(record: &Record) -> Table {
    let mut table = Table::new(record.fields.iter().map(|(c, _)| c.clone()).collect());
    table.push(record.fields.iter().map(|(_, v)| v.clone()).collect());
    table
}

/// Figures are shown with one decimal; JSON carries the same rounded number.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Bars drawn with Unicode blocks, to eighths of a character, each line at
/// most `style.chart_width` columns: `label │██████▍ 42`.
fn bars_text(bars: &[(String, i64)], style: &Style) -> String {
    use unicode_width::UnicodeWidthStr;
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let width = usize::from(if style.chart_width == 0 {
        80
    } else {
        style.chart_width
    });
    // Labels may take a third of the line; longer ones are cut with `…`.
    let label_room = (width / 3).max(4);
    let labels: Vec<String> = bars
        .iter()
        .map(|(label, _)| fit(&terminal_text(label), label_room))
        .collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let number_width = bars
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    let room = width.saturating_sub(label_width + number_width + 3).max(1);
    let largest = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let mut text = String::new();
    for (label, (_, n)) in labels.iter().zip(bars) {
        let eighths = (n.max(&0) * room as i64 * 8 + largest / 2) / largest;
        let mut bar = "█".repeat((eighths / 8) as usize);
        bar.push_str(EIGHTHS[(eighths % 8) as usize]);
        let drawn = bar.chars().count();
        let bar = if style.color {
            styled(&bar, BAR, style)
        } else {
            bar
        };
        let pad = label_width - label.width();
        text.push_str(&format!(
            "{label}{} │{bar}{} {n:>number_width$}\n",
            " ".repeat(pad),
            " ".repeat(room - drawn.min(room)),
        ));
    }
    text
}

/// `text` cut to `room` columns, ending in `…` when it was longer.
fn fit(text: &str, room: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    use unicode_width::UnicodeWidthStr;
    if text.width() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// How many rows a terminal table (or an HTML page) holds to size its
/// columns; the formats that stream have no such bound.
pub const HELD_ROWS: usize = 1_000;

/// How many bytes of text a held table may keep, so that a few huge values
/// cannot fill the memory either.
pub const HELD_BYTES: usize = 4_000_000;

/// Rows written as they come, for a result of any length (`sql`): CSV, JSON
/// and Markdown go out row by row; the terminal table and the HTML page need
/// all their rows to size their columns, so they keep the first
/// [`HELD_ROWS`] rows (at most [`HELD_BYTES`] of text) and say where they
/// stopped. Markdown holds as many to align its numeric columns, then streams.
pub struct RowStream<'w> {
    columns: Vec<Column>,
    way: Streaming<'w>,
}

enum Streaming<'w> {
    Csv(Box<csv::Rows<'w>>),
    Json {
        out: &'w mut dyn Write,
        written: usize,
    },
    /// `held` is emptied once the alignment line is out.
    Md {
        out: &'w mut dyn Write,
        held: Option<Held>,
    },
    Kept {
        format: Format,
        style: Style,
        held: Held,
    },
}

/// The first rows of a result, within [`HELD_ROWS`] and [`HELD_BYTES`].
struct Held {
    rows: Vec<Vec<Value>>,
    bytes: usize,
    /// Rows that came after the held ones were full.
    more: bool,
}

impl Held {
    fn new() -> Held {
        Held {
            rows: Vec::new(),
            bytes: 0,
            more: false,
        }
    }

    /// Keep `row` if there is room; the row back once full.
    fn keep(&mut self, row: Vec<Value>) -> Option<Vec<Value>> {
        let size: usize = row
            .iter()
            .map(|value| match value {
                Value::Text(s) => s.len(),
                _ => 8,
            })
            .sum();
        if self.more || self.rows.len() >= HELD_ROWS || self.bytes.saturating_add(size) > HELD_BYTES
        {
            self.more = true;
            return Some(row);
        }
        self.bytes = self.bytes.saturating_add(size);
        self.rows.push(row);
        None
    }
}

/// What a [`RowStream`] leaves to write once every row is in: the held
/// table, rendered, and how many rows it shows when it does not show all.
pub struct Ending {
    pub text: Vec<u8>,
    pub cut_at: Option<usize>,
}

impl<'w> RowStream<'w> {
    pub fn start(
        columns: Vec<Column>,
        format: Format,
        style: &Style,
        out: &'w mut dyn Write,
    ) -> io::Result<RowStream<'w>> {
        let way = match format {
            Format::Csv => Streaming::Csv(Box::new(csv::Rows::start(&columns, out, style.csv)?)),
            Format::Json => Streaming::Json { out, written: 0 },
            Format::Md => Streaming::Md {
                out,
                held: Some(Held::new()),
            },
            Format::Table | Format::Html => Streaming::Kept {
                format,
                style: *style,
                held: Held::new(),
            },
        };
        Ok(RowStream { columns, way })
    }

    pub fn row(&mut self, row: Vec<Value>) -> io::Result<()> {
        let width = self.columns.len();
        if width == 0 {
            return Ok(());
        }
        match &mut self.way {
            Streaming::Csv(rows) => rows.row(&row, width),
            Streaming::Json { out, written } => {
                let first = *written == 0;
                *written += 1;
                json::write_row(&self.columns, &row, first, &mut **out)
            }
            Streaming::Md { out, held } => {
                let Some(kept) = held else {
                    return md::write_row(&row, width, &mut **out);
                };
                let Some(row) = kept.keep(row) else {
                    return Ok(());
                };
                let table = Table {
                    columns: self.columns.clone(),
                    rows: std::mem::take(&mut kept.rows),
                };
                *held = None;
                md::write_table(&table, &mut **out)?;
                md::write_row(&row, width, &mut **out)
            }
            Streaming::Kept { held, .. } => {
                held.keep(row);
                Ok(())
            }
        }
    }

    /// Close the output; a held table is rendered and handed back unwritten,
    /// for the caller to check its time before writing it.
    pub fn finish(self) -> io::Result<Ending> {
        let nothing = Ending {
            text: Vec::new(),
            cut_at: None,
        };
        match self.way {
            Streaming::Csv(rows) => {
                rows.finish()?;
                Ok(nothing)
            }
            Streaming::Json { out, written } => {
                if self.columns.is_empty() {
                    return Ok(nothing);
                }
                json::end_rows(written, out)?;
                Ok(nothing)
            }
            Streaming::Md { out, held } => {
                if let Some(held) = held {
                    let table = Table {
                        columns: self.columns,
                        rows: held.rows,
                    };
                    md::write_table(&table, out)?;
                }
                Ok(nothing)
            }
            Streaming::Kept {
                format,
                style,
                held,
            } => {
                let cut_at = held.more.then_some(held.rows.len());
                let table = Table {
                    columns: self.columns,
                    rows: held.rows,
                };
                let mut text = Vec::new();
                write_table(&table, format, &style, &mut text)?;
                Ok(Ending { text, cut_at })
            }
        }
    }
}

/// A table as `format` writes it, not wrapped and without colour, for the
/// formats' own tests.
#[cfg(test)]
fn render_table(table: &Table, format: Format, width: Option<u16>) -> String {
    let mut out = Vec::new();
    write_table(
        table,
        format,
        &Style {
            width,
            color: false,
            ..Style::default()
        },
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[cfg(test)]
fn render_record(record: &Record, format: Format) -> String {
    let mut out = Vec::new();
    write_record(record, format, &Style::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[cfg(test)]
mod week_tests {
    use super::show_week;
    use crate::calendar::Week;
    use crate::i18n::{self, Lang};

    #[test]
    fn a_week_is_shown_in_the_words_the_reader_types_and_reads_back_the_same() {
        let week = Week::parse("mon-fri,sat:am").unwrap();
        i18n::set(Lang::Vi);
        let vietnamese = show_week(&week);
        i18n::set(Lang::En);
        assert_eq!(vietnamese, "t2-t6,t7:sáng");
        assert_eq!(Week::parse(&vietnamese), Ok(week));
        assert_eq!(show_week(&week), "mon-fri,sat:am");
    }
}
