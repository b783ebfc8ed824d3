//! RFC 4180 CSV with a header row of column keys, guarded against
//! spreadsheet formulas; whole tables, or rows as they come for exports of
//! any size.

use std::borrow::Cow;
use std::io::{self, Write};

use super::{Column, STAMP, Table, Value, cells};
use crate::model::Datum;

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
fn csv_writer_with(out: &mut dyn Write, separator: u8) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .delimiter(separator)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// How CSV is written for a spreadsheet (`--sep`, `--excel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// `,` or, for spreadsheets whose list separator is a semicolon, `;`.
    pub separator: u8,
    /// A UTF-8 byte-order mark first, so Excel reads the file as UTF-8.
    pub byte_order_mark: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            separator: b',',
            byte_order_mark: false,
        }
    }
}

/// The mark that tells Excel a file is UTF-8, when asked for.
fn start(out: &mut dyn Write, options: CsvOptions) -> io::Result<csv::Writer<&mut dyn Write>> {
    if options.byte_order_mark {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(csv_writer_with(out, options.separator))
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
        let mut writer = start(out, options)?;
        writer.write_record(header).map_err(csv_io)?;
        Ok(CsvStream {
            writer,
            width: header.len(),
        })
    }

    /// A row of borrowed cells, written field by field without copying the
    /// text: an export of a million rows should not allocate for each cell.
    /// A blob has no text a spreadsheet could use, so its field is empty.
    pub fn row(&mut self, cells: &[Datum<'_>]) -> io::Result<()> {
        let mut number = String::with_capacity(20);
        for cell in cells.iter().take(self.width) {
            match cell {
                Datum::Null | Datum::Blob(_) => self.writer.write_field(b""),
                Datum::Integer(n) => {
                    number.clear();
                    use std::fmt::Write as _;
                    let _ = write!(number, "{n}");
                    self.writer.write_field(number.as_bytes())
                }
                Datum::Real(x) => self.writer.write_field(format!("{x:.1}").as_bytes()),
                Datum::Text(text) => self.writer.write_field(csv_text_cell(text).as_bytes()),
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

/// The I/O error inside a CSV error keeps its kind, so a reader that went
/// away (`| head`) is still recognised as a closed pipe.
fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

pub(super) fn write_table(
    table: &Table,
    out: &mut dyn Write,
    options: CsvOptions,
) -> io::Result<()> {
    let width = table.columns.len();
    if width == 0 {
        return Ok(());
    }
    let mut writer = start(out, options)?;
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
        Value::Term(word) | Value::Named(word, _) => Cow::Borrowed(word),
        Value::Date(date) => Cow::Owned(date.format("%Y-%m-%d").to_string()),
        Value::Stamp(at) => Cow::Owned(at.format(STAMP).to_string()),
        Value::Moment(stamp) => Cow::Borrowed(stamp.as_str()),
    }
}

/// A table's rows written as they come, under a header of column keys.
pub(super) struct Rows<'w> {
    writer: csv::Writer<&'w mut dyn Write>,
}

impl<'w> Rows<'w> {
    pub(super) fn start(
        columns: &[Column],
        out: &'w mut dyn Write,
        options: CsvOptions,
    ) -> io::Result<Rows<'w>> {
        let mut writer = start(out, options)?;
        if !columns.is_empty() {
            writer
                .write_record(columns.iter().map(|c| c.key.as_bytes()))
                .map_err(csv_io)?;
        }
        Ok(Rows { writer })
    }

    pub(super) fn row(&mut self, row: &[Value], width: usize) -> io::Result<()> {
        let fields: Vec<Cow<'_, str>> = cells(row, width).map(csv_cell).collect();
        self.writer
            .write_record(fields.iter().map(|f| f.as_bytes()))
            .map_err(csv_io)
    }

    pub(super) fn finish(mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Format, Record, render_record, render_table};

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
}
