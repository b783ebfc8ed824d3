//! HTML pages: any table or report as one self-contained page, and the
//! monthly report laid out as a Vietnamese administrative report that prints
//! on A4 from a browser.
//!
//! The page carries its own style and its chart inline, so it can be mailed
//! or kept as one file. It is written as XHTML-compatible HTML5 (every
//! element closed), so that any XML reader can check it.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::{Block, Column, Table, Value, shown};
use crate::i18n::{self, Lang};

/// The parts of an administrative report around its body, laid out as
/// Decree 30/2020/NĐ-CP sets them: the issuing body and its number on the
/// left and the national name and motto on the right, the title, to whom it
/// is sent, and at the end who else gets it and who signs.
#[derive(Debug, Clone, Default)]
pub struct Letterhead {
    /// The body above the team, as `SỞ NỘI VỤ` or `UBND XÃ AN PHÚ`.
    pub issuing_body: String,
    /// The team that issues the report, as `TỔ KIỂM TRA CÔNG VỤ`.
    pub team: String,
    /// `Số: 12/BC-ĐKTCV`, dotted where the clerk fills it in by hand.
    pub number: String,
    /// Where and when the report is signed, written out by [`place_and_date`].
    pub place: String,
    pub date: NaiveDate,
    /// Kính gửi: who the report is addressed to, one per line.
    pub addressees: Vec<String>,
    /// Nơi nhận: who gets a copy, ending with the one filed.
    pub copies: Vec<String>,
    /// The signer's title, as `TỔ TRƯỞNG`, and name.
    pub signer_title: String,
    pub signer: String,
    /// The small line at the foot that lets a reader confirm the report
    /// against the logbook; never part of the body.
    pub verification: Option<String>,
}

/// `Phú Ninh, ngày 05 tháng 01 năm 2026`: Decree 30/2020/NĐ-CP, appendix I,
/// puts a zero before a day below 10 and before months 1 and 2, so that
/// nothing can be written in front of them. English writes the date as the
/// rest of spotcheck does, dd/mm/yyyy.
pub fn place_and_date(place: &str, date: NaiveDate) -> String {
    let month = match i18n::current() {
        Lang::Vi if date.month() >= 3 => date.month().to_string(),
        _ => format!("{:02}", date.month()),
    };
    t!(
        "html-place-and-date",
        place = place,
        day = format!("{:02}", date.day()),
        month = month,
        year = date.year()
    )
}

/// Lines of a list in an administrative document: each after a dash and
/// ending with a semicolon, the last with a full stop.
fn listed(lines: &[String]) -> String {
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                "<div>- {}{}</div>",
                escape(line),
                if i == last { "." } else { ";" }
            )
        })
        .collect()
}

/// "Kính gửi:" and the addressees: one beside the words, several each on
/// a line of its own under them. Nothing when there is none.
fn addressees_html(addressees: &[String]) -> String {
    match addressees {
        [] => String::new(),
        [one] => format!(
            "<div class=\"to\"><span>{}</span> {}.</div>\n",
            escape(&t!("html-addressed-to")),
            escape(one)
        ),
        many => format!(
            "<div class=\"to\"><span>{}</span><div class=\"list\">{}</div></div>\n",
            escape(&t!("html-addressed-to")),
            listed(many)
        ),
    }
}

// Decree 30/2020/NĐ-CP, appendix I: A4, margins top and bottom 20–25 mm,
// left 30–35 mm (the bound edge), right 15–20 mm; Times New Roman, which
// Liberation Serif matches letter for letter where it is not installed; the
// national name in bold capitals of 12–13 pt, the motto bold in 13–14 pt
// and ruled underneath its full length, the body in 13–14 pt. A landscape
// page turns the bound edge to the top.
const STYLE: &str = r#"
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
@page landscape { size: A4 landscape; margin: 30mm 20mm 15mm 20mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 13pt; line-height: 1.15; color: #000; margin: 0; }
.letterhead { display: table; width: 100%; margin-bottom: 2mm; }
.letterhead > div { display: table-cell; text-align: center; vertical-align: top; }
.letterhead > .issuer { width: 40%; font-size: 12.5pt; }
.letterhead > .nation { font-size: 12.5pt; }
.issuer .team { font-weight: bold; }
.nation .name { font-weight: bold; white-space: nowrap; }
.issuer .rule { display: inline-block; border-top: 0.5pt solid #000; width: 35%; margin: 0.5mm 0 1mm; }
.issuer .number { font-size: 13pt; }
.nation .motto { display: inline-block; font-weight: bold; font-size: 13.5pt; white-space: nowrap; border-bottom: 0.5pt solid #000; padding-bottom: 0.3mm; }
.nation .date { font-style: italic; font-size: 13pt; margin-top: 3mm; }
h1 { text-align: center; font-size: 14pt; font-weight: bold; margin: 2mm 0 0; }
.subtitle { text-align: center; font-weight: bold; font-size: 13.5pt; margin: 0 0 2mm; }
.to { text-align: center; margin: 0 0 2mm; }
.to .list { display: inline-block; text-align: left; vertical-align: top; margin-left: 1mm; }
.to .list, .to > span { font-size: 13pt; }
h2 { font-size: 13pt; margin: 2mm 0 0.5mm; break-after: avoid; page-break-after: avoid; }
p { margin: 1mm 0; text-align: justify; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; line-height: 1.15; margin: 1mm 0 2mm; }
th, td { border: 0.75pt solid #000; padding: 0.4mm 0.8mm; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
td.number { text-align: right; white-space: nowrap; }
td.name { min-width: 42mm; }
tr.total td { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.landscape { page: landscape; }
.chart { text-align: center; break-inside: avoid; page-break-inside: avoid; margin: 1mm 0; }
.chart svg { width: 88%; height: auto; }
.closing { display: table; width: 100%; margin-top: 3mm; break-inside: avoid; page-break-inside: avoid; }
.closing > div { display: table-cell; vertical-align: top; }
.closing > .copies { width: 50%; font-size: 11pt; }
.closing .copies .heading { font-weight: bold; font-style: italic; font-size: 12pt; }
.closing > .signature { text-align: center; }
.signature .title { font-weight: bold; font-size: 13pt; }
.signature .name { font-weight: bold; font-size: 13pt; margin-top: 13mm; }
.verification { margin-top: 2mm; text-align: left; font-size: 7.5pt; color: #444; border-top: 0.5pt solid #888; padding-top: 1mm; overflow-wrap: anywhere; }
@media screen { body { max-width: 165mm; margin: 10mm auto; padding: 0 5mm; } }
"#;

/// The printable width of a portrait A4 page between the margins above, in
/// millimetres, and a rough measure of table text at 11 pt: how wide a
/// character of bold Times is on average, and a cell's padding and borders.
const PORTRAIT_WIDTH_MM: f64 = 165.0;
const CHAR_MM: f64 = 1.75;
const CELL_MM: f64 = 2.4;
/// The least width of a unit's name, as `td.name` sets it.
const NAME_MM: f64 = 42.0;

/// Whether a table cannot fit a portrait page's width, however its text
/// wraps: each column needs at least its longest word of heading or of
/// text, its widest figure, and a unit's name the room the style gives it.
fn too_wide_for_portrait(table: &Table) -> bool {
    let longest_word = |text: &str| {
        text.split_whitespace()
            .map(|word| word.chars().count())
            .max()
            .unwrap_or(0)
    };
    let width: f64 = table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let heading = longest_word(&heading(column)) as f64;
            let cells = table
                .rows
                .iter()
                .filter_map(|row| row.get(index))
                .map(|value| {
                    let text = shown(value);
                    match value {
                        Value::Int(_) | Value::Float(_) => text.chars().count(),
                        _ => longest_word(&text),
                    }
                })
                .max()
                .unwrap_or(0) as f64;
            let least = if column.key == "unit_name" {
                NAME_MM
            } else {
                0.0
            };
            (heading.max(cells) * CHAR_MM + CELL_MM).max(least)
        })
        .sum();
    width > PORTRAIT_WIDTH_MM
}

/// Text safe inside an element or an attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A column's heading on a page, which people read: where the catalogue
/// heads a column by its key (English does, for the terminal, so that what
/// one reads is what a script asks for), the key's words.
fn heading(column: &Column) -> String {
    column.header.replace('_', " ")
}

/// One table, with its headings repeated on every printed page it spans.
pub fn table_html(table: &Table) -> String {
    let mut html = String::from("<table>\n<thead><tr>");
    for column in &table.columns {
        let _ = write!(html, "<th>{}</th>", escape(&heading(column)));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        let total = row
            .iter()
            .any(|v| matches!(v, Value::Term("TOTAL" | "SUBTOTAL")));
        html.push_str(if total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (index, _) in table.columns.iter().enumerate() {
            let value = row.get(index).unwrap_or(&Value::Null);
            let class = if matches!(value, Value::Int(_) | Value::Float(_)) {
                " class=\"number\""
            } else if table
                .columns
                .get(index)
                .is_some_and(|c| c.key == "unit_name")
            {
                // A unit's name reads on one line where the page allows.
                " class=\"name\""
            } else {
                ""
            };
            let _ = write!(html, "<td{class}>{}</td>", escape(&shown(value)));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

fn blocks_html(blocks: &[Block]) -> String {
    let mut html = String::new();
    let mut pending_heading: Option<String> = None;
    for (index, block) in blocks.iter().enumerate() {
        // A heading goes with a table on a landscape page of its own, rather
        // than staying behind at the foot of the portrait one.
        let next_is_wide = matches!(
            blocks.get(index + 1),
            Some(Block::Table(table)) if too_wide_for_portrait(table)
        );
        match block {
            Block::Section(text) | Block::Warning(text) if next_is_wide => {
                pending_heading = Some(format!("<h2>{}</h2>\n", escape(text)));
            }
            Block::Title(text) => {
                let _ = writeln!(html, "<h1>{}</h1>", escape(text));
            }
            Block::Section(text) | Block::Warning(text) => {
                let _ = writeln!(html, "<h2>{}</h2>", escape(text));
            }
            Block::Table(table) if too_wide_for_portrait(table) => {
                let _ = write!(
                    html,
                    "<div class=\"landscape\">\n{}{}</div>\n",
                    pending_heading.take().unwrap_or_default(),
                    table_html(table)
                );
            }
            Block::Table(table) => html.push_str(&table_html(table)),
            Block::Line(text) => {
                let _ = writeln!(html, "<p>{}</p>", escape(text));
            }
            Block::Bars(bars) => {
                // Bars are the terminal's chart; on a page they are a table.
                let mut table = Table::new(vec![Column::new("name"), Column::new("total")]);
                for (label, n) in bars {
                    table.push(vec![Value::Text(label.clone()), Value::Int(*n)]);
                }
                html.push_str(&table_html(&table));
            }
        }
    }
    html
}

fn page(title: &str, body: &str, out: &mut dyn Write) -> io::Result<()> {
    let lang = match i18n::current() {
        Lang::En => "en",
        Lang::Vi => "vi",
    };
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

/// Any table as a page of its own.
pub fn write_table_page(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    page("spotcheck", &table_html(table), out)
}

/// A report made of blocks as a page, without the administrative heading.
pub fn write_blocks_page(blocks: &[Block], out: &mut dyn Write) -> io::Result<()> {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("spotcheck");
    page(title, &blocks_html(blocks), out)
}

/// The monthly report as an administrative document: the letterhead, the
/// title and whom it is sent to, the report's blocks (its own title left
/// out: `title` and `subtitle` replace it), the chart, who else gets it and
/// the signature, and the verification line at the foot.
pub fn write_report_page(
    letterhead: &Letterhead,
    title: &str,
    subtitle: &str,
    blocks: &[Block],
    chart_svg: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut body = String::new();
    let issuing_body = match letterhead.issuing_body.as_str() {
        "" => String::new(),
        text => format!("<div class=\"body\">{}</div>", escape(text)),
    };
    let _ = write!(
        body,
        "<div class=\"letterhead\">\n<div class=\"issuer\">{issuing_body}<div class=\"team\">{}</div><div class=\"rule\"></div><div class=\"number\">{}</div></div>\n<div class=\"nation\"><div class=\"name\">{}</div><div class=\"motto\">{}</div><div class=\"date\">{}</div></div>\n</div>\n",
        escape(&letterhead.team),
        escape(&letterhead.number),
        escape(&t!("html-nation")),
        escape(&t!("html-motto")),
        escape(&place_and_date(&letterhead.place, letterhead.date)),
    );
    let _ = writeln!(body, "<h1>{}</h1>", escape(title));
    let _ = writeln!(body, "<p class=\"subtitle\">{}</p>", escape(subtitle));
    body.push_str(&addressees_html(&letterhead.addressees));
    let rest: Vec<Block> = blocks
        .iter()
        .filter(|b| !matches!(b, Block::Title(_)))
        .cloned()
        .collect();
    body.push_str(&blocks_html(&rest));
    if let Some(svg) = chart_svg {
        // The SVG's own XML declaration is not allowed in the middle of a page.
        let svg = svg.trim_start_matches(|c| c != '<');
        let svg = match svg.strip_prefix("<?xml") {
            Some(rest) => rest.split_once("?>").map_or(rest, |(_, s)| s),
            None => svg,
        };
        let _ = writeln!(body, "<div class=\"chart\">{}</div>", svg.trim());
    }
    let copies = if letterhead.copies.is_empty() {
        String::new()
    } else {
        format!(
            "<div class=\"heading\">{}</div>{}",
            escape(&t!("html-copies")),
            listed(&letterhead.copies)
        )
    };
    let _ = write!(
        body,
        "<div class=\"closing\">\n<div class=\"copies\">{copies}</div>\n<div class=\"signature\"><div class=\"title\">{}</div><div class=\"name\">{}</div></div>\n</div>\n",
        escape(&letterhead.signer_title),
        escape(&letterhead.signer),
    );
    if let Some(line) = &letterhead.verification {
        let _ = writeln!(body, "<p class=\"verification\">{}</p>", escape(line));
    }
    page(title, &body, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of `figures` columns of figures headed by `heading`, after a
    /// unit's name.
    fn summary(figures: usize, heading: &str) -> Table {
        let mut columns = vec![Column::titled("unit_name", "Đơn vị")];
        columns.extend((0..figures).map(|i| Column::titled(&format!("f{i}"), heading)));
        let mut table = Table::new(columns);
        let mut row = vec![Value::Text("UBND xã Tam Đại".to_string())];
        row.extend((0..figures).map(|i| Value::Int(i as i64)));
        table.push(row);
        table
    }

    #[test]
    fn a_table_too_wide_for_portrait_takes_a_landscape_page_with_its_heading() {
        // Nine figures under short Vietnamese words fit between the margins.
        let narrow = summary(9, "Vắng không lý do");
        assert!(!too_wide_for_portrait(&narrow));
        // Twelve under words like these do not: 12 × (16 × 1.75 + 2.4) mm.
        let wide = summary(12, "responsibilities");
        assert!(too_wide_for_portrait(&wide));
        let html = blocks_html(&[
            Block::Section("Hẹp".to_string()),
            Block::Table(narrow),
            Block::Section("Rộng".to_string()),
            Block::Table(wide),
            Block::Line("Sau bảng".to_string()),
        ]);
        let landscape = html
            .find("<div class=\"landscape\">")
            .expect("a landscape page");
        // The narrow table and its heading stay on the portrait page; the
        // wide one's heading goes with it, and what follows comes back.
        assert!(html.find("<h2>Hẹp</h2>").is_some_and(|at| at < landscape));
        assert_eq!(html.matches("<h2>Rộng</h2>").count(), 1);
        assert!(html.find("<h2>Rộng</h2>").is_some_and(|at| at > landscape));
        let closed = html[landscape..].find("</div>").map(|at| at + landscape);
        assert!(
            html.find("<p>Sau bảng</p>")
                .is_some_and(|at| Some(at) > closed)
        );
        assert_eq!(html.matches("class=\"landscape\"").count(), 1);
    }

    #[test]
    fn the_date_on_paper_has_the_zeros_of_the_decree_in_vietnamese() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        i18n::set(Lang::Vi);
        assert_eq!(
            place_and_date("Đà Nẵng", day(2026, 1, 5)),
            "Đà Nẵng, ngày 05 tháng 01 năm 2026"
        );
        assert_eq!(
            place_and_date("Đà Nẵng", day(2026, 2, 28)),
            "Đà Nẵng, ngày 28 tháng 02 năm 2026"
        );
        assert_eq!(
            place_and_date("Đà Nẵng", day(2026, 3, 9)),
            "Đà Nẵng, ngày 09 tháng 3 năm 2026"
        );
        assert_eq!(
            place_and_date("Đà Nẵng", day(2026, 12, 10)),
            "Đà Nẵng, ngày 10 tháng 12 năm 2026"
        );
        i18n::set(Lang::En);
        assert_eq!(
            place_and_date("Đà Nẵng", day(2026, 3, 9)),
            "Đà Nẵng, 09/03/2026"
        );
    }
}
