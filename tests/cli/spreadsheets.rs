//! The month as an Excel workbook, read back with an independent reader
//! (calamine) and compared cell by cell with what the CSV report says.

use std::io::Read;
use std::path::Path;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};

use crate::reports::fixture;
use crate::support::{Logbook, csv_rows};

/// Every cell of a sheet, as the text CSV would hold.
pub(crate) fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::String(text) => text.clone(),
                    Data::Float(x) if x.fract() == 0.0 => format!("{}", *x as i64),
                    Data::Float(x) => format!("{x:.1}"),
                    Data::Int(n) => n.to_string(),
                    Data::Bool(b) => b.to_string(),
                    Data::DateTime(_) => {
                        let at = cell.as_datetime().unwrap();
                        if at.time() == chrono::NaiveTime::MIN {
                            at.format("%Y-%m-%d").to_string()
                        } else {
                            at.format("%Y-%m-%d %H:%M").to_string()
                        }
                    }
                    other => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}

/// The XML of one part of the workbook, for what calamine does not read:
/// frozen panes, filters, charts.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn csv(book: &Logbook, args: &[&str]) -> Vec<Vec<String>> {
    let mut args = args.to_vec();
    args.extend(["--format", "csv"]);
    csv_rows(&book.ok(&args))
}

#[test]
fn the_summary_sheet_holds_exactly_the_csv_report_and_the_period_before() {
    let book = fixture();
    let file = book.path("bao-cao-5-2022.xlsx");
    let output = book.run(&[
        "report",
        "month",
        "2022-05",
        "--xlsx",
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert!(
        output
            .stderr
            .contains("bao-cao-5-2022.xlsx: the summary, 11 findings"),
        "{}",
        output.stderr
    );
    let summary = sheet(&file, "Summary");
    let may = csv(&book, &["report", "month", "2022-05"]);
    let april = csv(&book, &["report", "month", "2022-04"]);
    assert_eq!(summary.len(), may.len(), "{summary:?}");
    // The first 13 columns with the period before's beside them, then the
    // columns added since with theirs: columns are only ever appended.
    for ((row, this), before) in summary.iter().zip(&may).zip(&april) {
        assert_eq!(row.len(), 32, "{row:?}");
        assert_eq!(row[..13], this[..13], "this period");
        assert_eq!(row[24..28], this[13..], "this period, added columns");
        if this[0] == "unit_code" {
            let previous: Vec<String> = before[2..]
                .iter()
                .map(|k| format!("previous_{k}"))
                .collect();
            assert_eq!(row[13..24], previous[..11]);
            assert_eq!(row[28..], previous[11..]);
        } else {
            // Same units in the same order, TOTAL last.
            assert_eq!(before[0], this[0]);
            assert_eq!(row[13..24], before[2..13], "the period before, {}", this[0]);
            assert_eq!(row[28..], before[13..], "the period before, {}", this[0]);
        }
    }
    // Bold frozen headings with a filter over the table, and the chart.
    let xml = part(&file, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"state="frozen""#), "{xml}");
    assert!(xml.contains(r#"<autoFilter ref="A1:AF8"/>"#), "{xml}");
    let chart = part(&file, "xl/charts/chart1.xml");
    for series in ["$D$1", "$F$1", "$G$1", "$I$1", "$M$1"] {
        assert!(chart.contains(series), "no series {series} in {chart}");
    }
}

#[test]
fn the_findings_and_repeat_sheets_have_real_dates_and_numbers() {
    let book = fixture();
    let file = book.path("may.xlsx");
    book.ok(&[
        "report",
        "month",
        "2022-05",
        "--xlsx",
        file.to_str().unwrap(),
    ]);
    let findings = sheet(&file, "Findings");
    let export = csv(&book, &["list", "--month", "2022-05"]);
    // The export's columns, one row per finding of the month.
    assert_eq!(findings[0], export[0]);
    assert_eq!(findings.len(), export.len());
    let due = findings[0].iter().position(|c| c == "due_on").unwrap();
    let mut book_xlsx: Xlsx<_> = open_workbook(&file).unwrap();
    let range = book_xlsx.worksheet_range("Findings").unwrap();
    let dates = range
        .rows()
        .skip(1)
        .filter(|row| !row[due].is_empty())
        .count();
    assert!(dates > 0);
    assert!(
        range
            .rows()
            .skip(1)
            .filter(|row| !row[due].is_empty())
            .all(|row| matches!(row[due], Data::DateTime(_))),
        "due dates are dates"
    );
    for (row, text) in findings.iter().zip(&export).skip(1) {
        assert_eq!(row[..4], text[..4], "uid, number, unit");
    }
    let repeat = sheet(&file, "Repeat offenders");
    assert_eq!(repeat.len(), 7, "{repeat:?}");
    assert_eq!(repeat[1][0], "Nguyễn Văn An");
}

#[test]
fn in_vietnamese_the_sheets_and_headings_are_vietnamese() {
    let book = fixture();
    let file = book.path("thang-5.xlsx");
    book.ok(&[
        "--lang",
        "vi",
        "report",
        "month",
        "5/2022",
        "--xlsx",
        file.to_str().unwrap(),
    ]);
    let summary = sheet(&file, "Tổng hợp");
    assert_eq!(summary[0][..4], ["mã", "đơn vị", "lượt KT", "đi muộn"]);
    assert_eq!(summary[0][13], "lượt KT (04/2022)");
    assert_eq!(summary.last().unwrap()[0], "TỔNG CỘNG");
    let repeat = sheet(&file, "Tái phạm");
    assert!(
        repeat[1].contains(&"đề nghị kỷ luật".to_string()),
        "{repeat:?}"
    );
}

#[test]
fn a_workbook_that_cannot_be_written_leaves_nothing() {
    let book = fixture();
    let file = book.path("no-such-dir/may.xlsx");
    let error = book.fails(
        &[
            "report",
            "month",
            "2022-05",
            "--xlsx",
            file.to_str().unwrap(),
        ],
        1,
    );
    assert!(error.contains("does not exist"), "{error}");
    assert!(!file.exists());
}

#[test]
fn any_export_as_a_sheet_holds_the_csv_export_cell_by_cell() {
    let book = fixture();
    for records in ["findings", "visits", "units", "people"] {
        let file = book.path(&format!("{records}.xlsx"));
        let output = book.run(&["export", records, "--xlsx", file.to_str().unwrap()]);
        assert_eq!(output.code, 0, "{}", output.dump);
        assert_eq!(output.stdout, "", "the workbook, not CSV");
        let export = csv_rows(&book.ok(&["export", records]));
        let rows = sheet(&file, records);
        assert!(
            output
                .stderr
                .contains(&format!("{} {records}", export.len() - 1)),
            "{}",
            output.stderr
        );
        assert_eq!(rows.len(), export.len(), "{records}");
        for (row, text) in rows.iter().zip(&export) {
            assert_eq!(row, text, "{records}");
        }
    }
    let error = book.fails(&["export", "findings", "--xlsx", "x.xlsx", "--excel"], 2);
    assert!(error.contains("--excel"), "{error}");
}

// ---- charts as SVG ----

/// The text of every `<text>` element of an SVG file, after checking that it
/// parses as XML.
fn svg_texts(path: &Path) -> Vec<String> {
    let svg = std::fs::read_to_string(path).unwrap();
    let document = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    assert_eq!(document.root_element().tag_name().name(), "svg");
    document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .filter_map(|node| node.text())
        .map(|text| text.trim().to_string())
        .collect()
}

#[test]
fn the_month_chart_is_an_svg_with_every_unit_and_kind() {
    let book = fixture();
    let file = book.path("may.svg");
    book.ok(&[
        "--lang",
        "vi",
        "report",
        "month",
        "2022-05",
        "--svg",
        file.to_str().unwrap(),
    ]);
    let texts = svg_texts(&file);
    for row in csv(&book, &["report", "month", "2022-05"]).iter().skip(1) {
        if row[0] != "TOTAL" {
            assert!(texts.contains(&row[0]), "{} missing from {texts:?}", row[0]);
        }
    }
    for kind in [
        "đi muộn",
        "vắng không lý do",
        "hồ sơ trễ hẹn",
        "vi phạm khác",
    ] {
        assert!(
            texts.iter().any(|t| t == kind),
            "{kind} missing from {texts:?}"
        );
    }
    assert!(
        texts.iter().any(|t| t.contains("05/2022")),
        "the period in the title: {texts:?}"
    );
}

#[test]
fn the_trend_chart_is_an_svg_with_a_line_per_unit() {
    let book = fixture();
    let file = book.path("trend.svg");
    book.ok(&[
        "report",
        "trend",
        "--from",
        "2022-03",
        "--to",
        "2022-05",
        "--svg",
        file.to_str().unwrap(),
    ]);
    let texts = svg_texts(&file);
    for row in csv(
        &book,
        &["report", "trend", "--from", "2022-03", "--to", "2022-05"],
    )
    .iter()
    .skip(1)
    {
        if row[0] != "TOTAL" {
            assert!(texts.contains(&row[1]), "{} missing from {texts:?}", row[1]);
        }
    }
    for month in ["2022-03", "2022-04", "2022-05"] {
        assert!(
            texts.iter().any(|t| t == month),
            "{month} missing from {texts:?}"
        );
    }
}

// ---- the printable report ----

const LETTERHEAD: &str = r#"
[report]
issuing_body = "UBND HUYỆN PHÚ NINH"
team = "TỔ KIỂM TRA CÔNG VỤ"
place = "Phú Ninh"
signer = "Lê Thị Hoa"
signer_title = "TỔ TRƯỞNG"
"#;

/// The text of a page, element by element, after checking it is well-formed.
fn page_texts(html: &str) -> Vec<String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("{e}\n{html}"));
    document
        .descendants()
        .filter(|node| node.is_text())
        .filter_map(|node| node.text())
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
        .collect()
}

#[test]
fn the_printable_report_is_an_administrative_document_with_everything_in_it() {
    let book = crate::reports::fixture_with_config(LETTERHEAD);
    let html = book.ok(&[
        "--lang", "vi", "report", "month", "5/2022", "--format", "html",
    ]);
    let texts = page_texts(&html);
    for text in [
        "UBND HUYỆN PHÚ NINH",
        "TỔ KIỂM TRA CÔNG VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        "Báo cáo",
        "Kết quả kiểm tra công vụ tháng 5/2022 (từ 01/05/2022 đến 31/05/2022)",
        "Đơn vị chưa được kiểm tra",
        "Đơn vị có nhiều hồ sơ trễ hẹn nhất",
        "Tái phạm (có vi phạm trong kỳ này và trong 3 tháng trước đó)",
        "TỔ TRƯỞNG",
        "Lê Thị Hoa",
        "TỔNG CỘNG",
    ] {
        assert!(
            texts.iter().any(|t| t == text),
            "{text:?} missing from {texts:?}"
        );
    }
    assert!(
        texts.iter().any(|t| t.starts_with("Phú Ninh, ngày ")),
        "{texts:?}"
    );
    // Every unit of the CSV report is in the page's summary table.
    for row in csv(&book, &["report", "month", "2022-05"]).iter().skip(1) {
        if row[0] != "TOTAL" {
            assert!(texts.contains(&row[0]), "{} missing", row[0]);
        }
    }
    // The chart is inside, as SVG, and the page needs nothing from outside.
    assert!(html.contains("<svg"), "no chart");
    assert!(html.contains("size: A4"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "no outside resources"
    );
}

#[test]
fn a_provincial_team_heads_its_report_from_the_team_section_with_its_recipients() {
    let book = crate::reports::fixture_with_config(
        r#"
[team]
level = "province"
name = "Đoàn kiểm tra công vụ tỉnh"
governing_body = "Sở Nội vụ"
recipients = ["Chủ tịch UBND tỉnh", "Giám đốc Sở Nội vụ", "Lưu: VT"]
"#,
    );
    let html = book.ok(&[
        "--lang", "vi", "report", "month", "5/2022", "--format", "html",
    ]);
    let texts = page_texts(&html);
    let at = |text: &str| {
        texts
            .iter()
            .position(|t| t == text)
            .unwrap_or_else(|| panic!("{text:?} missing from {texts:?}"))
    };
    // The letterhead, in capitals, and the default title of a đoàn's head.
    assert!(at("SỞ NỘI VỤ") < at("ĐOÀN KIỂM TRA CÔNG VỤ TỈNH"));
    at("TRƯỞNG ĐOÀN");
    // Nơi nhận, in the order given, with the punctuation of the genre.
    let recipients = at("Nơi nhận:");
    assert_eq!(
        texts.get(recipients + 1..recipients + 4),
        Some(
            &[
                "- Chủ tịch UBND tỉnh;".to_string(),
                "- Giám đốc Sở Nội vụ;".to_string(),
                "- Lưu: VT.".to_string()
            ][..]
        )
    );
    // Without a team section, a tổ and no recipients, as before.
    let plain = crate::reports::fixture_with_config(LETTERHEAD);
    let html = plain.ok(&[
        "--lang", "vi", "report", "month", "5/2022", "--format", "html",
    ]);
    assert!(!html.contains("Nơi nhận"));
    assert!(page_texts(&html).iter().any(|t| t == "TỔ TRƯỞNG"));
}

#[test]
fn any_table_can_be_a_page() {
    let book = fixture();
    let html = book.ok(&["list", "--month", "2022-05", "--format", "html"]);
    let texts = page_texts(&html);
    assert!(texts.iter().any(|t| t == "Nguyễn Văn An"), "{texts:?}");
    let error = book.fails(&["export", "findings", "--format", "html"], 2);
    assert!(error.contains("CSV"), "{error}");
}
