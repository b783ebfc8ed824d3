//! Output formatting: one [`Table`] or [`Record`] to a terminal table, CSV, JSON or Markdown.
//! Commands build values and hand over a writer; nothing else in the crate decides how output looks.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::{NaiveDate, NaiveDateTime};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, LineStyle};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::i18n::{self, Lang};

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
    /// A calendar day: ISO 8601 for scripts, dd/mm/yyyy in Vietnamese tables.
    Date(NaiveDate),
    /// A local date and time to the minute, shown like [`Value::Date`].
    Stamp(NaiveDateTime),
}

impl Value {
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
            Value::Term(word) => serializer.serialize_str(word),
            Value::Date(date) => serializer.collect_str(&date.format("%Y-%m-%d")),
            Value::Stamp(at) => serializer.collect_str(&at.format(STAMP)),
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
    /// How wide a chart may be drawn, even where tables are not wrapped.
    pub chart_width: u16,
}

/// Headings and totals stand out; repeat offenders, the report's warning,
/// stand out in yellow.
const HEADING: anstyle::Style = anstyle::Style::new().bold();
const BAR: anstyle::Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Cyan)));
const WARNING: anstyle::Style = anstyle::Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Yellow)));

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
        Format::Table => write_terminal(table, style, out),
        Format::Csv => write_csv(table, out),
        Format::Json => write_json(&JsonRows(table), out),
        Format::Md => write_md(table, out),
        Format::Html => crate::html::write_table_page(table, out),
    }
}

pub fn write_record(
    record: &Record,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => write_terminal(&pairs_table(record, |c| &c.header), style, out),
        Format::Csv => write_csv(&single_row_table(record), out),
        Format::Json => write_json(&JsonRecord(record), out),
        Format::Md => write_md(&pairs_table(record, |c| &c.key), out),
        Format::Html => crate::html::write_table_page(&pairs_table(record, |c| &c.header), out),
    }
}

/// The record as a JSON value for embedding in larger documents. Key order is whatever
/// serde_json's map keeps (sorted without `preserve_order`); `write_record` keeps field order.
pub fn record_json(record: &Record) -> serde_json::Value {
    serde_json::Value::Object(
        record
            .fields
            .iter()
            .map(|(column, value)| (column.key.clone(), json_value(value)))
            .collect(),
    )
}

/// Prefixes `'` to text a spreadsheet would otherwise run as a formula (CSV injection).
pub fn csv_text_cell(s: &str) -> Cow<'_, str> {
    // Quotes already in front are looked through, so that a text which itself
    // starts with `'=` also gets one more and import can take exactly one off.
    if s.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// What a spreadsheet would read as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The text a CSV cell written by [`csv_text_cell`] stands for: the one
/// guarding quote removed again.
pub fn csv_text_value(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// A CSV writer with the project's settings, so exports that stream rows match `--format csv`.
/// Call `flush` at the end: flushing on drop swallows write errors.
pub fn csv_writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv_writer_with(out, b',')
}

fn csv_writer_with(out: &mut dyn Write, separator: u8) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .delimiter(separator)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// One cell of a streamed row, borrowing its text from where it was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
}

/// How an export is written for a spreadsheet.
#[derive(Debug, Clone, Copy)]
pub struct CsvOptions {
    /// `,` or, for spreadsheets whose list separator is a semicolon, `;`.
    pub separator: u8,
    /// A UTF-8 byte-order mark first, so Excel reads the file as UTF-8.
    pub byte_order_mark: bool,
}

/// CSV written row by row, so an export of any size takes constant memory.
pub struct CsvStream<'a> {
    writer: csv::Writer<&'a mut dyn Write>,
    width: usize,
}

impl<'a> CsvStream<'a> {
    pub fn start(
        out: &'a mut dyn Write,
        options: CsvOptions,
        header: &[String],
    ) -> io::Result<Self> {
        if options.byte_order_mark {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv_writer_with(out, options.separator);
        writer.write_record(header).map_err(csv_io)?;
        Ok(CsvStream {
            writer,
            width: header.len(),
        })
    }

    /// A row of borrowed cells, written field by field without copying the
    /// text: an export of a million rows should not allocate for each cell.
    pub fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        let mut number = String::with_capacity(20);
        for cell in cells.iter().take(self.width) {
            match cell {
                Cell::Null => self.writer.write_field(b""),
                Cell::Int(n) => {
                    number.clear();
                    use std::fmt::Write as _;
                    let _ = write!(number, "{n}");
                    self.writer.write_field(number.as_bytes())
                }
                Cell::Real(x) => self.writer.write_field(format!("{x:.1}").as_bytes()),
                Cell::Text(text) => self.writer.write_field(csv_text_cell(text).as_bytes()),
            }
            .map_err(csv_io)?;
        }
        for _ in cells.len()..self.width {
            self.writer.write_field(b"").map_err(csv_io)?;
        }
        self.writer.write_record(None::<&[u8]>).map_err(csv_io)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.writer.flush()
    }
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
        Value::Text(_) | Value::Bool(_) | Value::Term(_) | Value::Date(_) | Value::Stamp(_) => {
            false
        }
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

fn write_terminal(table: &Table, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let width = table.columns.len();
    if width == 0 {
        return Ok(());
    }
    let mut grid = comfy_table::Table::new();
    // The caller already decided the width; comfy-table must not probe our stdout (which may
    // not be where `out` goes) for a terminal size or colour support.
    grid.load_style(UTF8_FULL_CONDENSED).force_no_tty();
    if table.rows.is_empty() {
        // A separator with nothing under it reads like a rendering glitch.
        grid.style_mut().header_separator = LineStyle::none();
    }
    match style.width {
        Some(w) => grid
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(w),
        None => grid.set_content_arrangement(ContentArrangement::Disabled),
    };
    if style.color {
        grid.enforce_styling();
        grid.set_header(table.columns.iter().map(|c| {
            comfy_table::Cell::new(terminal_text(&c.header))
                .add_attribute(comfy_table::Attribute::Bold)
        }));
    } else {
        grid.set_header(table.columns.iter().map(|c| terminal_text(&c.header)));
    }
    for row in &table.rows {
        let total = matches!(row.first(), Some(Value::Term("TOTAL")));
        if style.color && total {
            grid.add_row(cells(row, width).map(|v| {
                comfy_table::Cell::new(terminal_cell(v)).add_attribute(comfy_table::Attribute::Bold)
            }));
        } else {
            grid.add_row(cells(row, width).map(terminal_cell));
        }
    }
    for index in 0..width {
        if is_numeric(table, index)
            && let Some(column) = grid.column_mut(index)
        {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in grid.lines() {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// A cell as people read it, in the current language.
pub(crate) fn terminal_cell(value: &Value) -> Cow<'_, str> {
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
        Value::Date(date) => Cow::Owned(show_date(*date)),
        Value::Stamp(at) => Cow::Owned(show_stamp(*at)),
    }
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
pub fn term(word: &str) -> String {
    let key = format!("term-{word}");
    if i18n::has(&key) {
        i18n::message(&key, None)
    } else {
        word.to_string()
    }
}

/// A reporting period's label (`2022-05`) as people read it: as it is in
/// English, `05/2022` in Vietnamese.
pub fn show_month(label: &str) -> String {
    match (i18n::current(), label.split_once('-')) {
        (Lang::Vi, Some((year, month))) => format!("{month}/{year}"),
        _ => label.to_string(),
    }
}

/// How a date-time is written for scripts, as the logbook's views give it.
const STAMP: &str = "%Y-%m-%d %H:%M";

/// A date-time as people read it, like [`show_date`].
pub fn show_stamp(at: NaiveDateTime) -> String {
    match i18n::current() {
        Lang::En => at.format(STAMP).to_string(),
        Lang::Vi => at.format("%d/%m/%Y %H:%M").to_string(),
    }
}

/// A day as people read it: ISO 8601 in English (as the logbook stores it),
/// dd/mm/yyyy in Vietnamese.
pub fn show_date(date: NaiveDate) -> String {
    match i18n::current() {
        Lang::En => date.format("%Y-%m-%d").to_string(),
        Lang::Vi => date.format("%d/%m/%Y").to_string(),
    }
}

/// The I/O error inside a CSV error keeps its kind, so a reader that went
/// away (`| head`) is still recognised as a closed pipe.
fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn write_csv(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let width = table.columns.len();
    if width == 0 {
        return Ok(());
    }
    let mut writer = csv_writer(out);
    writer
        .write_record(table.columns.iter().map(|c| c.key.as_bytes()))
        .map_err(csv_io)?;
    for row in &table.rows {
        let fields: Vec<Cow<'_, str>> = cells(row, width).map(csv_cell).collect();
        writer
            .write_record(fields.iter().map(|f| f.as_bytes()))
            .map_err(csv_io)?;
    }
    writer.flush()
}

fn csv_cell(value: &Value) -> Cow<'_, str> {
    match value {
        Value::Null => Cow::Borrowed(""),
        // Numbers go out bare so a spreadsheet reads -5 as minus five, not as text.
        Value::Int(n) => Cow::Owned(n.to_string()),
        Value::Float(x) => Cow::Owned(format!("{x:.1}")),
        Value::Text(s) => csv_text_cell(s),
        Value::Bool(true) => Cow::Borrowed("true"),
        Value::Bool(false) => Cow::Borrowed("false"),
        Value::Term(word) => Cow::Borrowed(word),
        Value::Date(date) => Cow::Owned(date.format("%Y-%m-%d").to_string()),
        Value::Stamp(at) => Cow::Owned(at.format(STAMP).to_string()),
    }
}

// serde_json without `preserve_order` sorts map keys; serializing through these wrappers keeps
// the column order the command chose.
struct JsonRow<'a> {
    columns: &'a [Column],
    values: &'a [Value],
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, value) in self
            .columns
            .iter()
            .zip(cells(self.values, self.columns.len()))
        {
            map.serialize_entry(&column.key, value)?;
        }
        map.end()
    }
}

struct JsonRows<'a>(&'a Table);

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.rows.len()))?;
        for row in &self.0.rows {
            seq.serialize_element(&JsonRow {
                columns: &self.0.columns,
                values: row,
            })?;
        }
        seq.end()
    }
}

struct JsonRecord<'a>(&'a Record);

impl Serialize for JsonRecord<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.fields.len()))?;
        for (column, value) in &self.0.fields {
            map.serialize_entry(&column.key, value)?;
        }
        map.end()
    }
}

/// Figures are shown with one decimal; JSON carries the same rounded number.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
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

/// Write a document in table or Markdown format; other formats are the
/// caller's (a report's CSV is its main table, its JSON its typed value).
pub fn write_document(
    blocks: &[Block],
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format == Format::Html {
        return crate::html::write_blocks_page(blocks, out);
    }
    if format == Format::Md {
        // Markdown blocks are separated by exactly one blank line.
        let mut parts = Vec::with_capacity(blocks.len());
        for block in blocks {
            parts.push(match block {
                Block::Title(text) => format!("# {}", md_escape(text)),
                Block::Section(text) | Block::Warning(text) => format!("## {}", md_escape(text)),
                Block::Table(table) => {
                    let mut text = Vec::new();
                    write_md(table, &mut text)?;
                    String::from_utf8_lossy(&text).trim_end().to_string()
                }
                Block::Line(text) => md_escape(text).into_owned(),
                Block::Bars(bars) => {
                    let plain = Style {
                        color: false,
                        ..*style
                    };
                    format!("```\n{}```", bars_text(bars, &plain))
                }
            });
        }
        return writeln!(out, "{}", parts.join("\n\n"));
    }
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Title(text) => writeln!(
                out,
                "{}\n{}",
                styled(text, HEADING, style),
                "═".repeat(text.chars().count())
            )?,
            Block::Section(text) | Block::Warning(text) => {
                if index > 0 {
                    writeln!(out)?;
                }
                let look = if matches!(block, Block::Warning(_)) {
                    WARNING
                } else {
                    HEADING
                };
                writeln!(out, "{}", styled(text, look, style))?;
            }
            Block::Table(table) => write_terminal(table, style, out)?,
            Block::Line(text) => writeln!(out, "{text}")?,
            Block::Bars(bars) => out.write_all(bars_text(bars, style).as_bytes())?,
        }
    }
    Ok(())
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

/// Any serialisable value as pretty JSON with a trailing newline.
pub fn write_json(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    value.serialize(&mut serializer)?;
    out.write_all(b"\n")
}

fn json_value(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Int(n) => serde_json::Value::from(*n),
        Value::Float(x) => serde_json::Value::from(round1(*x)),
        Value::Text(s) => serde_json::Value::String(s.clone()),
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Term(word) => serde_json::Value::String(word.to_string()),
        Value::Date(date) => serde_json::Value::String(date.format("%Y-%m-%d").to_string()),
        Value::Stamp(at) => serde_json::Value::String(at.format(STAMP).to_string()),
    }
}

fn write_md(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let width = table.columns.len();
    if width == 0 {
        return Ok(());
    }
    let mut text = String::new();
    // English Markdown keeps the column keys it always had; Vietnamese readers
    // get the headings of the terminal table.
    md_line(
        &mut text,
        table.columns.iter().map(|c| match i18n::current() {
            Lang::En => md_escape(&c.key),
            Lang::Vi => md_escape(&c.header),
        }),
    );
    text.push('|');
    for index in 0..width {
        text.push_str(if is_numeric(table, index) {
            "---:|"
        } else {
            "---|"
        });
    }
    text.push('\n');
    for row in &table.rows {
        md_line(&mut text, cells(row, width).map(md_cell));
    }
    out.write_all(text.as_bytes())
}

fn md_line<'a>(text: &mut String, cells: impl Iterator<Item = Cow<'a, str>>) {
    text.push('|');
    for cell in cells {
        text.push(' ');
        text.push_str(&cell);
        text.push_str(" |");
    }
    text.push('\n');
}

fn md_cell(value: &Value) -> Cow<'_, str> {
    match value {
        Value::Null => Cow::Borrowed(""),
        Value::Int(n) => Cow::Owned(n.to_string()),
        Value::Float(x) => Cow::Owned(format!("{x:.1}")),
        Value::Text(s) => md_escape(s),
        // Markdown is read by people, so it speaks their language like the
        // terminal; in English it keeps the words scripts have always seen.
        Value::Bool(yes) => match i18n::current() {
            Lang::En => Cow::Borrowed(if *yes { "true" } else { "false" }),
            Lang::Vi => Cow::Owned(if *yes {
                t!("value-yes")
            } else {
                t!("value-no")
            }),
        },
        Value::Term(word) => Cow::Owned(md_escape(&term(word)).into_owned()),
        Value::Date(date) => Cow::Owned(show_date(*date)),
        Value::Stamp(at) => Cow::Owned(show_stamp(*at)),
    }
}

/// A raw `|` would end the cell and a raw newline would end the table row;
/// other control characters (an escape sequence from an old logbook) must
/// not reach the terminal of whoever reads the file.
fn md_escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['|', '\n', '\r']) && !s.chars().any(|c| c.is_control() && c != '\t') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace('|', "\\|")
            .replace("\r\n", "<br>")
            .replace(['\n', '\r'], "<br>")
            .chars()
            .map(|c| match c {
                '\t' => c,
                c if c.is_control() => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
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
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
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
            Format::Csv => {
                let mut writer = csv_writer(out);
                if !columns.is_empty() {
                    writer
                        .write_record(columns.iter().map(|c| c.key.as_bytes()))
                        .map_err(csv_io)?;
                }
                Streaming::Csv(Box::new(writer))
            }
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
            Streaming::Csv(writer) => {
                let fields: Vec<Cow<'_, str>> = cells(&row, width).map(csv_cell).collect();
                writer
                    .write_record(fields.iter().map(|f| f.as_bytes()))
                    .map_err(csv_io)
            }
            Streaming::Json { out, written } => {
                let object = JsonRow {
                    columns: &self.columns,
                    values: &row,
                };
                out.write_all(if *written == 0 { b"[\n" } else { b",\n" })?;
                *written += 1;
                json_element(&object, &mut **out)
            }
            Streaming::Md { out, held } => {
                let Some(kept) = held else {
                    return write_md_row(&row, width, &mut **out);
                };
                let Some(row) = kept.keep(row) else {
                    return Ok(());
                };
                let table = Table {
                    columns: self.columns.clone(),
                    rows: std::mem::take(&mut kept.rows),
                };
                *held = None;
                write_md(&table, &mut **out)?;
                write_md_row(&row, width, &mut **out)
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
            Streaming::Csv(mut writer) => {
                writer.flush()?;
                Ok(nothing)
            }
            Streaming::Json { out, written } => {
                if self.columns.is_empty() {
                    return Ok(nothing);
                }
                out.write_all(if written == 0 { b"[]\n" } else { b"\n]\n" })?;
                Ok(nothing)
            }
            Streaming::Md { out, held } => {
                if let Some(held) = held {
                    let table = Table {
                        columns: self.columns,
                        rows: held.rows,
                    };
                    write_md(&table, out)?;
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

/// One element of a pretty JSON array, indented as `write_json` would.
fn json_element(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut text = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut text);
    value.serialize(&mut serializer)?;
    // Newlines inside strings are escaped, so every line break is the layout's.
    for (index, line) in text.split(|&b| b == b'\n').enumerate() {
        if index > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(b"  ")?;
        out.write_all(line)?;
    }
    Ok(())
}

fn write_md_row(row: &[Value], width: usize, out: &mut dyn Write) -> io::Result<()> {
    let mut text = String::new();
    md_line(&mut text, cells(row, width).map(md_cell));
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn render_record(record: &Record, format: Format) -> String {
        let mut out = Vec::new();
        write_record(record, format, &Style::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn people() -> Table {
        let mut table = Table::new(vec![
            Column::titled("id", "ID"),
            Column::titled("inspector", "Inspector"),
            Column::titled("unit", "Unit"),
            Column::titled("score", "Score"),
            Column::titled("closed", "Closed"),
        ]);
        table.push(vec![
            1.into(),
            "Nguyễn Văn An".into(),
            "UBND xã Tam Đại".into(),
            Value::Int(-5),
            true.into(),
        ]);
        table.push(vec![
            12.into(),
            "Trần Thị Bích Ngọc".into(),
            "Phòng Tư pháp".into(),
            Value::Null,
            false.into(),
        ]);
        table
    }

    #[test]
    fn csv_guards_formulas_and_keeps_numbers() {
        let mut table = Table::new(vec![Column::titled("n", "N"), Column::new("text")]);
        table.push(vec![Value::Int(-5), "=SUM(A1)".into()]);
        table.push(vec![Value::Null, "-x".into()]);
        table.push(vec![7.into(), "@x".into()]);
        table.push(vec![8.into(), "\tx".into()]);
        table.push(vec![9.into(), "+1".into()]);
        table.push(vec![10.into(), "a, \"b\"".into()]);
        table.push(vec![11.into(), "Nguyễn Văn An".into()]);
        assert_eq!(
            render_table(&table, Format::Csv, None),
            "n,text\n-5,'=SUM(A1)\n,'-x\n7,'@x\n8,'\tx\n9,'+1\n10,\"a, \"\"b\"\"\"\n11,Nguyễn Văn An\n"
        );
    }

    #[test]
    fn csv_text_cell_guard() {
        assert_eq!(csv_text_cell("=1+1"), "'=1+1");
        assert_eq!(csv_text_cell("\rx"), "'\rx");
        assert!(matches!(csv_text_cell("ok = fine"), Cow::Borrowed(_)));
        assert!(matches!(csv_text_cell(""), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_bool_null_and_record() {
        let mut record = Record::new();
        record
            .field(Column::titled("id", "ID"), 3)
            .field(Column::new("closed"), true)
            .field(Column::new("due"), None::<String>);
        assert_eq!(
            render_record(&record, Format::Csv),
            "id,closed,due\n3,true,\n"
        );
    }

    #[test]
    fn json_keeps_column_order() {
        let mut table = Table::new(vec![Column::new("zeta"), Column::new("alpha")]);
        table.push(vec![Value::Int(-5), Value::Null]);
        table.push(vec!["Đại".into(), true.into()]);
        assert_eq!(
            render_table(&table, Format::Json, None),
            "[\n  {\n    \"zeta\": -5,\n    \"alpha\": null\n  },\n  {\n    \"zeta\": \"Đại\",\n    \"alpha\": true\n  }\n]\n"
        );
        assert_eq!(
            render_table(&Table::new(vec![Column::new("a")]), Format::Json, None),
            "[]\n"
        );
    }

    #[test]
    fn json_record_is_one_object() {
        let mut record = Record::new();
        record
            .field(Column::new("title"), "Kiểm tra")
            .field(Column::new("id"), 12)
            .field(Column::new("note"), Value::Null);
        assert_eq!(
            render_record(&record, Format::Json),
            "{\n  \"title\": \"Kiểm tra\",\n  \"id\": 12,\n  \"note\": null\n}\n"
        );
        assert_eq!(
            record_json(&record),
            serde_json::json!({"title": "Kiểm tra", "id": 12, "note": null})
        );
    }

    #[test]
    fn md_escapes_and_aligns() {
        let mut table = Table::new(vec![
            Column::titled("id", "ID"),
            Column::new("note"),
            Column::new("empty"),
        ]);
        table.push(vec![1.into(), "a|b\nc".into(), Value::Null]);
        table.push(vec![Value::Null, "x\r\ny".into(), Value::Null]);
        assert_eq!(
            render_table(&table, Format::Md, None),
            "| id | note | empty |\n|---:|---|---|\n| 1 | a\\|b<br>c |  |\n|  | x<br>y |  |\n"
        );
    }

    #[test]
    fn md_record_uses_keys() {
        let mut record = Record::new();
        record
            .field(Column::titled("unit", "Unit"), "UBND xã Tam Đại")
            .field(Column::titled("open", "Open"), false);
        assert_eq!(
            render_record(&record, Format::Md),
            "| field | value |\n|---|---|\n| unit | UBND xã Tam Đại |\n| open | false |\n"
        );
    }

    #[test]
    fn table_lines_up_vietnamese_text() {
        // Counting chars equals display width only for precomposed (NFC) text.
        assert_eq!("Nguyễn Văn An".chars().count(), 13);
        assert_eq!("UBND xã Tam Đại".chars().count(), 15);
        let text = render_table(&people(), Format::Table, None);
        assert!(text.contains("Nguyễn Văn An"), "{text}");
        assert!(text.contains("UBND xã Tam Đại"), "{text}");
        assert!(text.contains(" yes ") && text.contains(" no "), "{text}");
        let widths: Vec<usize> = text.lines().map(|l| l.chars().count()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{text}");
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn table_right_aligns_numbers_and_wraps_to_width() {
        let text = render_table(&people(), Format::Table, None);
        assert!(text.contains("│  1 ┆"), "{text}");
        assert!(text.contains("│ 12 ┆"), "{text}");
        let narrow = render_table(&people(), Format::Table, Some(50));
        assert!(narrow.lines().all(|l| l.chars().count() <= 50), "{narrow}");
        let widths: Vec<usize> = narrow.lines().map(|l| l.chars().count()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{narrow}");
    }

    #[test]
    fn table_without_rows_shows_only_header() {
        let text = render_table(&Table::new(people().columns), Format::Table, None);
        assert_eq!(
            text,
            "┌────┬───────────┬──────┬───────┬────────┐\n\
             │ ID ┆ Inspector ┆ Unit ┆ Score ┆ Closed │\n\
             └────┴───────────┴──────┴───────┴────────┘\n"
        );
    }

    #[test]
    fn record_table_uses_headers() {
        let mut record = Record::new();
        record
            .field(Column::titled("unit", "Đơn vị"), "UBND xã Tam Đại")
            .field(Column::titled("id", "ID"), 12);
        let text = render_record(&record, Format::Table);
        assert!(
            text.contains("│ field ") && text.contains(" value "),
            "{text}"
        );
        assert!(text.contains("│ Đơn vị ┆ UBND xã Tam Đại │"), "{text}");
        assert!(!text.contains("unit"), "{text}");
    }

    #[test]
    fn table_neutralises_control_characters() {
        let mut table = Table::new(vec![Column::new("note")]);
        table.push(vec!["a\tb\u{1b}[31m".into()]);
        let text = render_table(&table, Format::Table, None);
        assert!(!text.contains('\u{1b}') && !text.contains('\t'), "{text}");
    }
}
