//! The boxed table people read in a terminal, sized to its width, and
//! documents of headings, tables and text bars.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, LineStyle};

use super::{
    Block, Style, Table, Value, bars_text, cells, is_numeric, shown, styled, terminal_text,
};

/// Headings and totals stand out; repeat offenders, the report's warning,
/// stand out in yellow.
const HEADING: anstyle::Style = anstyle::Style::new().bold();
const WARNING: anstyle::Style = anstyle::Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Yellow)));

/// A boxed table, wrapped to the terminal's width when there is one.
pub(super) fn write_table(table: &Table, style: &Style, out: &mut dyn Write) -> io::Result<()> {
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
                comfy_table::Cell::new(shown(v)).add_attribute(comfy_table::Attribute::Bold)
            }));
        } else {
            grid.add_row(cells(row, width).map(shown));
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

/// A document for the terminal: headings underlined and, with colour, bold.
pub(super) fn write_document(
    blocks: &[Block],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
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
            Block::Table(table) => write_table(table, style, out)?,
            Block::Line(text) => writeln!(out, "{text}")?,
            Block::Bars(bars) => out.write_all(bars_text(bars, style).as_bytes())?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::render::{Column, Format, Record, Table, Value, render_record, render_table};

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
