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

/// Where `text` is among a page's texts; the test fails when it is not.
fn position_of(texts: &[String], text: &str) -> usize {
    texts
        .iter()
        .position(|t| t == text)
        .unwrap_or_else(|| panic!("{text:?} missing from {texts:?}"))
}

#[test]
fn the_printable_report_is_an_administrative_document_with_everything_in_it() {
    let book = crate::reports::fixture_with_config(LETTERHEAD);
    let html = book.ok(&[
        "--lang", "vi", "report", "month", "5/2022", "--format", "html",
    ]);
    let texts = page_texts(&html);
    // The page's title, its style, then the letterhead of Decree 30: the
    // issuing body, its number dotted for the clerk, the national name and
    // motto with hyphens, the place and date, the title and its subject.
    assert_eq!(
        texts.get(2..10),
        Some(
            &[
                "UBND HUYỆN PHÚ NINH",
                "TỔ KIỂM TRA CÔNG VỤ",
                "Số: ……/BC-……",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Phú Ninh, ngày 10 tháng 5 năm 2022",
                "BÁO CÁO",
                "Kết quả kiểm tra công vụ tháng 5/2022 (từ 01/05/2022 đến 31/05/2022)",
            ]
            .map(String::from)[..]
        ),
        "{texts:?}"
    );
    for text in [
        "Đơn vị chưa được kiểm tra",
        "UBND xã Tam Lộc, Trạm Y tế xã Tam Thành",
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
    // The summary on paper: a running number, the unit's name and the
    // figures in words, each unit's row as in the CSV report.
    let summary = texts.iter().position(|t| t == "STT").expect("a summary");
    assert_eq!(
        texts.get(summary..summary + 11),
        Some(
            &[
                "STT",
                "Đơn vị",
                "Lượt kiểm tra",
                "Đi muộn",
                "Vắng không lý do",
                "Về sớm",
                "Hồ sơ trễ hẹn",
                "Nhiệm vụ chưa hoàn thành",
                "Vi phạm khác",
                "Tổng số phát hiện",
                "Người tái phạm",
            ]
            .map(String::from)[..]
        )
    );
    let report = csv(&book, &["report", "month", "2022-05"]);
    let heading = &report[0];
    let column = |name: &str| heading.iter().position(|h| h == name).expect(name);
    for (number, row) in report
        .iter()
        .skip(1)
        .filter(|r| r[0] != "TOTAL")
        .enumerate()
    {
        let at = summary + 11 + number * 11;
        let figures: Vec<&str> = [
            "visits",
            "late",
            "absent",
            "early",
            "overdue",
            "unfinished_tasks",
            "other",
            "findings",
            "repeat_people",
        ]
        .iter()
        .map(|key| row[column(key)].as_str())
        .collect();
        let mut expected = vec![(number + 1).to_string(), row[1].clone()];
        expected.extend(figures.iter().map(|f| f.to_string()));
        assert_eq!(texts.get(at..at + 11), Some(&expected[..]), "{texts:?}");
        // Names, not codes, anywhere a reader looks.
        assert!(!texts.contains(&row[0]), "code {} in {texts:?}", row[0]);
    }
    // The seal leaves the body for the verification line at the foot,
    // which does not call it a stamp.
    let last = texts.last().expect("a page");
    assert!(last.starts_with("Mã kiểm chứng: "), "{last}");
    assert!(last.contains("spotcheck check --seal"), "{last}");
    assert_eq!(
        texts.iter().filter(|t| t.contains("spotcheck")).count(),
        1,
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.contains("dấu")), "{texts:?}");
    // The chart is inside, as SVG, with the units' names on its axis, and
    // the page needs nothing from outside.
    assert!(html.contains("<svg"), "no chart");
    let chart = &html[html.find("<svg").unwrap_or(0)..];
    assert!(chart.contains("UBND xã Tam Đại"), "no names on the chart");
    assert!(html.contains("size: A4 portrait; margin: 20mm 15mm 20mm 30mm"));
    assert!(html.contains(r#"font-family: "Times New Roman", "Liberation Serif", serif"#));
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
    let at = |text: &str| position_of(&texts, text);
    // The letterhead, in capitals, and the default title of a đoàn's head.
    assert!(at("SỞ NỘI VỤ") < at("ĐOÀN KIỂM TRA CÔNG VỤ TỈNH"));
    at("TRƯỞNG ĐOÀN");
    // Kính gửi: the recipients under the title, without the records office.
    let to = at("Kính gửi:");
    assert!(at("BÁO CÁO") < to);
    assert_eq!(
        texts.get(to + 1..to + 3),
        Some(&["- Chủ tịch UBND tỉnh;", "- Giám đốc Sở Nội vụ."].map(String::from)[..])
    );
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
    assert!(recipients < at("TRƯỞNG ĐOÀN"));
    // Without a team section, a tổ, addressed to no one, kept on file.
    let plain = crate::reports::fixture_with_config(LETTERHEAD);
    let html = plain.ok(&[
        "--lang", "vi", "report", "month", "5/2022", "--format", "html",
    ]);
    let texts = page_texts(&html);
    assert!(!html.contains("Kính gửi"));
    let copies = texts
        .iter()
        .position(|t| t == "Nơi nhận:")
        .expect("Nơi nhận");
    assert_eq!(
        texts.get(copies + 1).map(String::as_str),
        Some("- Lưu: VT.")
    );
    assert!(texts.iter().any(|t| t == "TỔ TRƯỞNG"));
}

/// A province's team that calls itself a tổ, with its number and symbol.
const NUMBERED: &str = r#"
[team]
level = "province"
word = "tổ"
governing_body = "Sở Nội vụ tỉnh Phú Ninh"
recipients = ["Giám đốc Sở Nội vụ"]

[report]
number = "12"
symbol = "BC-TKTCV"
place = "Phú Ninh"
signer = "Lê Thị Hoa"
"#;

#[test]
fn the_number_the_date_and_the_team_word_come_from_the_config_and_dated() {
    let book = crate::reports::fixture_with_config(NUMBERED);
    let html = book.ok(&[
        "--lang",
        "vi",
        "report",
        "month",
        "5/2022",
        "--format",
        "html",
        "--dated",
        "05/01/2023",
    ]);
    let texts = page_texts(&html);
    assert_eq!(
        texts.get(2..8),
        Some(
            &[
                "SỞ NỘI VỤ TỈNH PHÚ NINH",
                "TỔ KIỂM TRA CÔNG VỤ",
                "Số: 12/BC-TKTCV",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                // Leading zeros for a day below 10 and for January.
                "Phú Ninh, ngày 05 tháng 01 năm 2023",
            ]
            .map(String::from)[..]
        ),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "TỔ TRƯỞNG"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "- Lưu: VT, TKTCV."), "{texts:?}");
    // A month from March on has no zero; the team's column says tổ too.
    let html = book.ok(&[
        "--lang",
        "vi",
        "report",
        "month",
        "5/2022",
        "--format",
        "html",
        "--dated",
        "2022-06-01",
    ]);
    assert!(html.contains("Phú Ninh, ngày 01 tháng 6 năm 2022"));
    let visits = book.ok(&["--lang", "vi", "visit", "list", "--format", "csv"]);
    assert!(!visits.contains("đoàn"), "{visits}");
    let table = book.ok(&["--lang", "vi", "visit", "list"]);
    assert!(table.contains("tổ kiểm tra"), "{table}");
    assert!(!table.contains("đoàn"), "{table}");
    // The English paper has the same parts in the same places.
    let html = book.ok(&[
        "report",
        "month",
        "5/2022",
        "--format",
        "html",
        "--dated",
        "05/01/2023",
    ]);
    let texts = page_texts(&html);
    assert_eq!(
        texts.get(2..9),
        Some(
            &[
                "SỞ NỘI VỤ TỈNH PHÚ NINH",
                "PUBLIC SERVICE INSPECTION TEAM",
                "No. 12/BC-TKTCV",
                "SOCIALIST REPUBLIC OF VIET NAM",
                "Independence - Freedom - Happiness",
                "Phú Ninh, 05/01/2023",
                "REPORT",
            ]
            .map(String::from)[..]
        ),
        "{texts:?}"
    );
    // Headings that English gives as column keys read as words on paper.
    assert!(
        texts.iter().any(|t| t == "overdue working days"),
        "{texts:?}"
    );
    assert!(
        !html
            .split("<th>")
            .skip(1)
            .any(|cell| cell.split("</th>").next().is_some_and(|h| h.contains('_'))),
        "a heading with an underscore: {html}"
    );
    assert!(texts.iter().any(|t| t == "To:"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Copies:"), "{texts:?}");
    assert!(
        texts
            .last()
            .is_some_and(|t| t.starts_with("Verification code: ")),
        "{texts:?}"
    );
}

#[test]
fn the_paper_takes_a_bare_number_an_empty_symbol_and_recipients_with_their_own_dashes() {
    let book = crate::reports::fixture_with_config(
        r#"
[team]
recipients = ["- Chủ tịch UBND tỉnh;", "Lưu VT, TKTCV."]

[report]
number = 7
symbol = "BC-"
"#,
    );
    let html = book.ok(&[
        "--lang",
        "vi",
        "report",
        "month",
        "5/2022",
        "--format",
        "html",
        "--overdue-details",
    ]);
    let texts = page_texts(&html);
    assert!(texts.iter().any(|t| t == "Số: 7/BC-……"), "{texts:?}");
    let at = |text: &str| position_of(&texts, text);
    // One addressee beside the words; the copy kept on file only below.
    assert_eq!(
        texts.get(at("Kính gửi:") + 1).map(String::as_str),
        Some("Chủ tịch UBND tỉnh.")
    );
    let copies = at("Nơi nhận:");
    assert_eq!(
        texts.get(copies + 1..copies + 3),
        Some(&["- Chủ tịch UBND tỉnh;", "- Lưu VT, TKTCV."].map(String::from)[..])
    );
    // The overdue files' total keeps its label once codes give way to names.
    assert_eq!(
        texts.iter().filter(|t| *t == "TỔNG CỘNG").count(),
        2,
        "{texts:?}"
    );
}

#[test]
fn dated_is_refused_where_there_is_no_paper_and_when_it_is_no_date() {
    let book = crate::reports::fixture_with_config(NUMBERED);
    let before = book.snapshot();
    let error = book.fails(&["report", "month", "5/2022", "--dated", "05/01/2023"], 2);
    assert_eq!(
        error,
        "error: `--dated` dates the printed report: add `--format html`, or leave `--dated` out\n"
    );
    let error = book.fails(
        &[
            "report",
            "month",
            "5/2022",
            "--format",
            "html",
            "--dated",
            "31/02/2023",
        ],
        1,
    );
    assert!(error.starts_with("error: --dated: "), "{error}");
    assert!(error.contains("31/02/2023"), "{error}");
    let error = book.fails(
        &[
            "--lang", "vi", "report", "quarter", "2022-Q2", "--format", "md", "--dated", "hôm nay",
        ],
        2,
    );
    assert!(
        error.starts_with("lỗi: `--dated` là ngày ghi trên bản in"),
        "{error}"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_wrong_team_word_is_refused_where_it_is_written() {
    let book = Logbook::new().config("[team]\nlevel = \"commune\"\nword = \"tở\"\n");
    let error = book.fails(&["visit", "list"], 1);
    assert!(error.contains("line 3, column 8"), "{error}");
    assert!(error.contains("`tở`"), "{error}");
    assert!(
        error.contains(r#"write `word = "tổ"` or `word = "đoàn"`"#),
        "{error}"
    );
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
