//! Excel workbooks: tables as sheets with real types, for the people who
//! take the month's figures further in a spreadsheet.
//!
//! Like the other renderers this decides only how things look: numbers as
//! numbers, days as dates, bold frozen headings with a filter, columns wide
//! enough to read. What goes in comes from the report, as [`Table`]s.

use rust_xlsxwriter::{Chart, ChartType, Format, Worksheet, XlsxError};

use super::{Column, Table, Value, term};
use crate::i18n::{self, Lang};

/// Columns wider than this wrap in the reader's eye anyway; notes get it.
const WIDEST: u32 = 60;

/// A workbook being made, sheet by sheet.
pub struct Workbook {
    inner: rust_xlsxwriter::Workbook,
    heading: Format,
    total: Format,
    date: Format,
    stamp: Format,
    decimal: Format,
}

/// A column chart of some columns of a sheet's table, one series per
/// column, stacked, with the first column's text as the categories.
pub struct ColumnChart<'a> {
    pub title: String,
    /// Indexes of the table columns drawn, each a series named by its heading.
    pub series: &'a [usize],
    /// How many of the table's rows are drawn (a TOTAL row would dwarf the rest).
    pub rows: usize,
    /// The table column whose text names each bar.
    pub categories: usize,
}

impl Default for Workbook {
    fn default() -> Self {
        Workbook::new()
    }
}

impl Workbook {
    pub fn new() -> Workbook {
        Workbook {
            inner: rust_xlsxwriter::Workbook::new(),
            heading: Format::new().set_bold(),
            total: Format::new().set_bold(),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            stamp: Format::new().set_num_format("dd/mm/yyyy hh:mm"),
            decimal: Format::new().set_num_format("0.0"),
        }
    }

    /// `table` as a new sheet called `name`, headings in the first row.
    pub fn add_table(
        &mut self,
        name: &str,
        table: &Table,
        chart: Option<ColumnChart<'_>>,
    ) -> Result<(), XlsxError> {
        let formats = Formats {
            heading: &self.heading,
            total: &self.total,
            date: &self.date,
            stamp: &self.stamp,
            decimal: &self.decimal,
        };
        let sheet = self.inner.add_worksheet();
        sheet.set_name(sheet_name(name))?;
        write_table(sheet, table, &formats)?;
        if let Some(chart) = chart {
            insert_chart(sheet, name, table, &chart)?;
        }
        Ok(())
    }

    /// The finished file's bytes.
    pub fn into_bytes(mut self) -> Result<Vec<u8>, XlsxError> {
        self.inner.save_to_buffer()
    }
}

struct Formats<'a> {
    heading: &'a Format,
    total: &'a Format,
    date: &'a Format,
    stamp: &'a Format,
    decimal: &'a Format,
}

/// Excel allows 31 characters and no `[]:*?/\` in a sheet's name.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

/// What a column is called in a sheet: its key in English, so that a sheet
/// and a CSV export share their headings, and its heading in Vietnamese.
fn heading(column: &Column) -> &str {
    match i18n::current() {
        Lang::En => &column.key,
        Lang::Vi => &column.header,
    }
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    formats: &Formats<'_>,
) -> Result<(), XlsxError> {
    let width = table.columns.len();
    if width == 0 {
        return Ok(());
    }
    let mut widths: Vec<usize> = Vec::with_capacity(width);
    for (index, column) in table.columns.iter().enumerate() {
        let text = heading(column);
        sheet.write_string_with_format(0, index as u16, text, formats.heading)?;
        widths.push(text.chars().count());
    }
    for (number, row) in table.rows.iter().enumerate() {
        let at = number as u32 + 1;
        let total = matches!(row.first(), Some(Value::Term("TOTAL")));
        for (index, value) in row.iter().take(width).enumerate() {
            let col = index as u16;
            let shown = match value {
                // The TOTAL row's counts and label stand out in bold.
                Value::Int(n) if total => {
                    sheet.write_number_with_format(at, col, *n as f64, formats.total)?;
                    n.to_string().len()
                }
                Value::Term(word) if total => {
                    let text = term(word);
                    sheet.write_string_with_format(at, col, &text, formats.total)?;
                    text.chars().count()
                }
                _ => write_value(sheet, at, col, value, formats)?,
            };
            widths[index] = widths[index].max(shown);
        }
    }
    for (index, chars) in widths.iter().enumerate() {
        // Characters are a fair stand-in for Excel's width unit; a little
        // extra room keeps the filter button off the heading.
        let wide = (*chars as u32 + 3).min(WIDEST);
        sheet.set_column_width(index as u16, wide as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, table.rows.len() as u32, (width - 1) as u16)?;
    Ok(())
}

/// Write one cell with its real type; returns how many characters it shows.
fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &Value,
    formats: &Formats<'_>,
) -> Result<usize, XlsxError> {
    Ok(match value {
        Value::Null => 0,
        Value::Int(n) => {
            sheet.write_number(row, col, *n as f64)?;
            n.to_string().len()
        }
        Value::Float(x) => {
            sheet.write_number_with_format(row, col, *x, formats.decimal)?;
            format!("{x:.1}").len()
        }
        Value::Text(text) => {
            sheet.write_string(row, col, text)?;
            text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
        }
        Value::Bool(yes) => {
            sheet.write_boolean(row, col, *yes)?;
            5
        }
        Value::Term(word) => {
            let text = term(word);
            sheet.write_string(row, col, &text)?;
            text.chars().count()
        }
        Value::Named(_, key) => {
            let text = crate::i18n::message(key, None);
            sheet.write_string(row, col, &text)?;
            text.chars().count()
        }
        Value::Date(date) => {
            sheet.write_date_with_format(row, col, date, formats.date)?;
            10
        }
        Value::Stamp(at) => {
            sheet.write_datetime_with_format(row, col, at, formats.stamp)?;
            16
        }
        // A spreadsheet is read by people: the local time.
        Value::Moment(stamp) => match super::local(stamp) {
            Some(at) => {
                sheet.write_datetime_with_format(row, col, at, formats.stamp)?;
                16
            }
            None => {
                sheet.write_string(row, col, stamp)?;
                stamp.chars().count()
            }
        },
    })
}

fn insert_chart(
    sheet: &mut Worksheet,
    name: &str,
    table: &Table,
    chart: &ColumnChart<'_>,
) -> Result<(), XlsxError> {
    let name = sheet_name(name);
    let last = chart.rows.max(1) as u32;
    let mut drawn = Chart::new(ChartType::ColumnStacked);
    drawn.title().set_name(&chart.title);
    for &column in chart.series {
        let series = drawn.add_series();
        series
            .set_name((name.as_str(), 0, column as u16))
            .set_categories((
                name.as_str(),
                1,
                chart.categories as u16,
                last,
                chart.categories as u16,
            ))
            .set_values((name.as_str(), 1, column as u16, last, column as u16));
    }
    // Below the table, with a row to spare.
    sheet.insert_chart(table.rows.len() as u32 + 3, 0, &drawn)?;
    Ok(())
}
