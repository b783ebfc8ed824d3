//! GitHub-flavoured Markdown: tables with their numeric columns
//! right-aligned, and documents of headings, tables and text.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::i18n::{self, Lang};

use super::{
    Block, Style, Table, Value, bars_text, cells, is_numeric, show_date, show_stamp, term,
};

pub(super) fn write_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
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

/// One more row under a table already written.
pub(super) fn write_row(row: &[Value], width: usize, out: &mut dyn Write) -> io::Result<()> {
    let mut text = String::new();
    md_line(&mut text, cells(row, width).map(md_cell));
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
        Value::Named(_, key) => {
            Cow::Owned(md_escape(&crate::i18n::message(key, None)).into_owned())
        }
        Value::Date(date) => Cow::Owned(show_date(*date)),
        Value::Stamp(at) => Cow::Owned(show_stamp(*at)),
        Value::Moment(_) => super::shown(value),
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

/// A document in Markdown: blocks separated by exactly one blank line, bars
/// as a plain-text chart in a code block.
pub(super) fn write_document(
    blocks: &[Block],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut parts = Vec::with_capacity(blocks.len());
    for block in blocks {
        parts.push(match block {
            Block::Title(text) => format!("# {}", md_escape(text)),
            Block::Section(text) | Block::Warning(text) => format!("## {}", md_escape(text)),
            Block::Table(table) => {
                let mut text = Vec::new();
                write_table(table, &mut text)?;
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
    writeln!(out, "{}", parts.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use crate::render::{Column, Format, Record, Table, Value, render_record, render_table};

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
}
