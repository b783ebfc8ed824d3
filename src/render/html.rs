//! HTML pages: any table or report as one self-contained page, and the
//! monthly report laid out as a Vietnamese administrative report that prints
//! on A4 from a browser.
//!
//! The page carries its own style and its chart inline, so it can be mailed
//! or kept as one file. It is written as XHTML-compatible HTML5 (every
//! element closed), so that any XML reader can check it.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Block, Column, Table, Value, shown};
use crate::i18n::{self, Lang};

/// The heading block of an administrative report and its signature.
#[derive(Debug, Clone, Default)]
pub struct Letterhead {
    /// The body above the team, as `SỞ NỘI VỤ` or `UBND XÃ AN PHÚ`.
    pub issuing_body: String,
    /// The team that issues the report, as `TỔ KIỂM TRA CÔNG VỤ`.
    pub team: String,
    /// `Phú Ninh, ngày 31 tháng 5 năm 2022`.
    pub place_and_date: String,
    /// The signer's title, as `TỔ TRƯỞNG`, and name.
    pub signer_title: String,
    pub signer: String,
    /// Who the report goes to (Nơi nhận), one per line under the report.
    pub recipients: Vec<String>,
}

/// The "Nơi nhận" block: its heading and one line per recipient, each
/// with the dash and semicolon of administrative documents, the last with a
/// full stop. Nothing when there is no recipient.
fn recipients_html(recipients: &[String]) -> String {
    if recipients.is_empty() {
        return String::new();
    }
    let last = recipients.len() - 1;
    let lines: Vec<String> = recipients
        .iter()
        .enumerate()
        .map(|(i, r)| {
            format!(
                "<div>- {}{}</div>",
                escape(r),
                if i == last { "." } else { ";" }
            )
        })
        .collect();
    format!(
        "<div class=\"recipients\"><div class=\"heading\">{}</div>{}</div>",
        escape(&t!("html-recipients")),
        lines.concat()
    )
}

const STYLE: &str = r#"
@page { size: A4; margin: 20mm 15mm 20mm 25mm; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.35; color: #000; max-width: 180mm; margin: 0 auto; }
.letterhead { display: table; width: 100%; margin-bottom: 6mm; font-size: 12pt; }
.letterhead > div { display: table-cell; text-align: center; vertical-align: top; white-space: nowrap; }
.letterhead > div:first-child { width: 42%; }
.letterhead .body { font-weight: normal; }
.letterhead .strong { font-weight: bold; }
.letterhead .rule { display: inline-block; border-top: 1px solid #000; width: 40%; margin-top: 1mm; }
.date { text-align: right; font-style: italic; margin: 2mm 0 6mm; }
h1 { text-align: center; font-size: 15pt; margin: 4mm 0 1mm; text-transform: uppercase; }
.subtitle { text-align: center; font-weight: bold; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
td:first-child { white-space: nowrap; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eee; font-weight: bold; }
td.number { text-align: right; }
tr.total td { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.chart { text-align: center; break-inside: avoid; page-break-inside: avoid; margin: 4mm 0; }
.chart svg { max-width: 100%; height: auto; }
.signature { display: table; width: 100%; margin-top: 10mm; break-inside: avoid; page-break-inside: avoid; }
.signature > div { display: table-cell; width: 50%; text-align: center; vertical-align: top; }
.signature .title { font-weight: bold; }
.signature .hint { font-style: italic; font-size: 11pt; }
.signature .name { font-weight: bold; margin-top: 22mm; }
.signature .recipients { text-align: left; font-size: 11pt; }
.signature .recipients .heading { font-weight: bold; font-style: italic; font-size: 12pt; }
@media screen { body { margin: 10mm auto; } }
"#;

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

fn heading(column: &Column) -> &str {
    &column.header
}

/// One table, with its headings repeated on every printed page it spans.
pub fn table_html(table: &Table) -> String {
    let mut html = String::from("<table>\n<thead><tr>");
    for column in &table.columns {
        let _ = write!(html, "<th>{}</th>", escape(heading(column)));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        let total = matches!(row.first(), Some(Value::Term("TOTAL")));
        html.push_str(if total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (index, _) in table.columns.iter().enumerate() {
            let value = row.get(index).unwrap_or(&Value::Null);
            let class = if matches!(value, Value::Int(_) | Value::Float(_)) {
                " class=\"number\""
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
    for block in blocks {
        match block {
            Block::Title(text) => {
                let _ = writeln!(html, "<h1>{}</h1>", escape(text));
            }
            Block::Section(text) | Block::Warning(text) => {
                let _ = writeln!(html, "<h2>{}</h2>", escape(text));
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

/// The monthly report as an administrative document: the issuing body and
/// the national motto side by side, place and date, the title, the report's
/// blocks (its own title left out: `title` and `subtitle` replace it), the
/// chart, and the signature.
pub fn write_report_page(
    letterhead: &Letterhead,
    title: &str,
    subtitle: &str,
    blocks: &[Block],
    chart_svg: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut body = String::new();
    let _ = write!(
        body,
        "<div class=\"letterhead\">\n<div><div class=\"body\">{}</div><div class=\"strong\">{}</div><div class=\"rule\"></div></div>\n<div><div class=\"strong\">{}</div><div class=\"strong\">{}</div><div class=\"rule\"></div></div>\n</div>\n",
        escape(&letterhead.issuing_body),
        escape(&letterhead.team),
        escape(&t!("html-nation")),
        escape(&t!("html-motto")),
    );
    let _ = writeln!(
        body,
        "<p class=\"date\">{}</p>",
        escape(&letterhead.place_and_date)
    );
    let _ = writeln!(body, "<h1>{}</h1>", escape(title));
    let _ = writeln!(body, "<p class=\"subtitle\">{}</p>", escape(subtitle));
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
    let _ = write!(
        body,
        "<div class=\"signature\">\n<div>{}</div>\n<div><div class=\"title\">{}</div><div class=\"hint\">{}</div><div class=\"name\">{}</div></div>\n</div>\n",
        recipients_html(&letterhead.recipients),
        escape(&letterhead.signer_title),
        escape(&t!("html-signature-hint")),
        escape(&letterhead.signer),
    );
    page(title, &body, out)
}
