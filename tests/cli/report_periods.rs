//! `report quarter|half|year|period`: the month report's sections over
//! several reporting months, and the totals of each month. Every figure
//! below was counted by hand from the fixture's comments.

use std::collections::BTreeMap;

use crate::support::{Logbook, csv_records, csv_rows, json};

/// The columns of `report month --format csv`, which the longer reports keep.
const SUMMARY_HEADER: &str = "unit_code,unit_name,visits,late,late_minutes,absent,overdue,\
overdue_working_days,other,findings,repeat_people,planned_visits,unfinished_tasks,\
excused_absences,early,files_checked,overdue_rate";

/// Two units and four visits around the third quarter of 2026. The clock
/// stands at Monday 05/10/2026 09:00. Office hours start at 07:30.
#[rustfmt::skip]
const FIXTURE: &[&[&str]] = &[
    &["init"],
    &["unit", "add", "tam-dai", "UBND xã Tam Đại", "--kind", "commune"],
    &["unit", "add", "phu-thinh", "UBND phường Phú Thịnh", "--kind", "commune"],
    // Visit 1, tam-dai, Saturday 20/06/2026: June (Q2) in calendar months,
    // the 2026-07 period (Q3) with `period_start_day = 15`.
    // #1 late 07:50: 20 min.
    &["visit", "start", "tam-dai", "--at", "20/06/2026 07:40"],
    &["late", "Nguyễn Văn An", "--arrived", "7:50"],
    &["visit", "end", "--at", "20/06/2026 08:30"],
    // Visit 2, phu-thinh, Friday 10/07/2026: July either way.
    // #2 absent; #3 overdue, promised Monday 06/07, checked Friday 10/07:
    // 4 calendar days, 4 working days (07 to 10).
    &["visit", "start", "phu-thinh", "--at", "10/07/2026 08:00"],
    &["absent", "Trần Thị Bình"],
    &["overdue", "HS-0701", "--due", "06/07/2026", "--procedure", "Chứng thực bản sao"],
    &["visit", "end", "--at", "10/07/2026 09:00"],
    // Visit 3, tam-dai, Monday 14/09/2026: September either way.
    // #4 late 08:05: 35 min. Nguyễn Văn An again.
    &["visit", "start", "tam-dai", "--at", "14/09/2026 07:40"],
    &["late", "Nguyễn Văn An", "--arrived", "8:05"],
    &["visit", "end", "--at", "14/09/2026 08:30"],
    // Visit 4, tam-dai, Tuesday 15/09/2026: September (Q3) in calendar
    // months, the 2026-10 period (Q4) with `period_start_day = 15`.
    // #5 other.
    &["visit", "start", "tam-dai", "--at", "15/09/2026 07:40"],
    &["other", "Không đeo thẻ công chức", "--person", "Lê Văn Cường"],
    &["visit", "end", "--at", "15/09/2026 08:30"],
];

fn build(book: Logbook) -> Logbook {
    let book = book.now("2026-10-05T09:00");
    for args in FIXTURE {
        book.ok(args);
    }
    book
}

fn logbook() -> Logbook {
    build(Logbook::new())
}

fn cut_on_15th() -> Logbook {
    build(Logbook::new().config("period_start_day = 15\n"))
}

/// The TOTAL row of a summary in CSV.
fn total_row(csv: &str) -> BTreeMap<String, String> {
    csv_records(csv)
        .into_iter()
        .find(|row| row.get("unit_code").map(String::as_str) == Some("TOTAL"))
        .expect("a TOTAL row")
}

/// The counted figures of a TOTAL row, in column order.
fn figures(row: &BTreeMap<String, String>) -> Vec<i64> {
    [
        "visits",
        "late",
        "late_minutes",
        "absent",
        "overdue",
        "overdue_working_days",
        "other",
        "findings",
        "unfinished_tasks",
    ]
    .iter()
    .map(|key| row[*key].parse().expect("a whole number"))
    .collect()
}

#[test]
fn a_quarter_keeps_the_month_reports_columns_and_counts_its_three_months() {
    let book = logbook();
    let csv = book.ok(&["report", "quarter", "2026-Q3", "--format", "csv"]);
    assert_eq!(csv.lines().next(), Some(SUMMARY_HEADER));
    let rows = csv_rows(&csv);
    // The columns added since the month report began hold nothing here.
    assert!(rows[1..].iter().all(|r| r[13..] == ["0", "0", "0", ""]));
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r[..13].to_vec()).collect();
    assert_eq!(
        rows[1..],
        [
            [
                "phu-thinh",
                "UBND phường Phú Thịnh",
                "1",
                "0",
                "0",
                "1",
                "1",
                "4",
                "0",
                "2",
                "0",
                "",
                "0"
            ],
            [
                "tam-dai",
                "UBND xã Tam Đại",
                "2",
                "1",
                "35",
                "0",
                "0",
                "0",
                "1",
                "2",
                "1",
                "",
                "0"
            ],
            [
                "TOTAL", "", "3", "1", "35", "1", "1", "4", "1", "4", "1", "", "0"
            ],
        ]
        .map(|row| row.map(String::from).to_vec())
    );
    // The quarter's totals are the sums of its three month reports'.
    let mut sum = vec![0; 9];
    for month in ["7/2026", "8/2026", "9/2026"] {
        let total = total_row(&book.ok(&["report", "month", month, "--format", "csv"]));
        for (s, n) in sum.iter_mut().zip(figures(&total)) {
            *s += n;
        }
    }
    assert_eq!(sum, vec![3, 1, 35, 1, 1, 4, 1, 4, 0]);
    assert_eq!(figures(&total_row(&csv)), sum);
    // Q2 holds only the first visit.
    let q2 = total_row(&book.ok(&["report", "quarter", "Q2/2026", "--format", "csv"]));
    assert_eq!(figures(&q2), vec![1, 1, 20, 0, 0, 0, 0, 1, 0]);
}

#[test]
fn the_cut_off_day_moves_findings_across_the_quarters_edge() {
    let book = cut_on_15th();
    let q3 = book.ok(&["report", "quarter", "2026-Q3", "--format", "json"]);
    let q3 = json(&q3);
    assert_eq!(q3["period"]["label"], "2026-Q3");
    assert_eq!(q3["period"]["first_day"], "2026-06-15");
    assert_eq!(q3["period"]["last_day"], "2026-09-14");
    // Visit 1 (20/06) comes in; visit 4 (15/09) goes to the fourth quarter.
    assert_eq!(q3["totals"]["visits"], 3);
    assert_eq!(q3["totals"]["late"], 2);
    assert_eq!(q3["totals"]["late_minutes"], 55);
    assert_eq!(q3["totals"]["other"], 0);
    assert_eq!(q3["totals"]["findings"], 4);
    // Nguyễn Văn An, late on 20/06 and on 14/09, both in the quarter.
    assert_eq!(q3["totals"]["repeat_people"], 1);
    assert_eq!(q3["previous_period"]["label"], "2026-Q2");
    assert_eq!(q3["previous_period"]["first_day"], "2026-03-15");
    assert_eq!(q3["previous_period"]["last_day"], "2026-06-14");
    assert_eq!(q3["previous_totals"]["visits"], 0);
    let months: Vec<_> = q3["months"]
        .as_array()
        .expect("the months")
        .iter()
        .map(|m| {
            (
                m["period"]["first_day"].as_str().unwrap_or("").to_string(),
                m["period"]["last_day"].as_str().unwrap_or("").to_string(),
                m["visits"].as_i64().unwrap_or(-1),
                m["findings"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-06-15", "2026-07-14", 2, 3),
            ("2026-07-15", "2026-08-14", 0, 0),
            ("2026-08-15", "2026-09-14", 1, 1),
        ]
        .map(|(a, b, v, f)| (a.to_string(), b.to_string(), v, f))
    );
    let q4 = total_row(&book.ok(&["report", "quarter", "2026-Q4", "--format", "csv"]));
    assert_eq!(figures(&q4), vec![1, 0, 0, 0, 0, 0, 1, 1, 0]);
    // And the sum of the three 15th-to-14th month reports again.
    let mut sum = vec![0; 9];
    for month in ["2026-07", "2026-08", "2026-09"] {
        let total = total_row(&book.ok(&["report", "month", month, "--format", "csv"]));
        for (s, n) in sum.iter_mut().zip(figures(&total)) {
            *s += n;
        }
    }
    assert_eq!(sum, vec![3, 2, 55, 1, 1, 4, 0, 4, 0]);
}

#[test]
fn the_months_section_gives_each_months_total_row() {
    let book = logbook();
    let csv = book.ok(&["report", "half", "2026-H2", "--by-month", "--format", "csv"]);
    assert_eq!(
        csv,
        "month,first_day,last_day,visits,late,late_minutes,absent,overdue,overdue_working_days,\
other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,files_checked,overdue_rate
2026-07,2026-07-01,2026-07-31,1,0,0,1,1,4,0,2,0,,0,0,0,0,
2026-08,2026-08-01,2026-08-31,0,0,0,0,0,0,0,0,0,,0,0,0,0,
2026-09,2026-09-01,2026-09-30,2,1,35,0,0,0,1,2,1,,0,0,0,0,
2026-10,2026-10-01,2026-10-31,0,0,0,0,0,0,0,0,0,,0,0,0,0,
2026-11,2026-11-01,2026-11-30,0,0,0,0,0,0,0,0,0,,0,0,0,0,
2026-12,2026-12-01,2026-12-31,0,0,0,0,0,0,0,0,0,,0,0,0,0,
"
    );
    let year = book.ok(&["report", "year", "2026", "--format", "json"]);
    let year = json(&year);
    assert_eq!(year["months"].as_array().map(Vec::len), Some(12));
    assert_eq!(year["totals"]["visits"], 4);
    assert_eq!(year["totals"]["findings"], 5);
    assert_eq!(year["previous_period"]["label"], "2025");
    // A month report says nothing of months.
    let month = json(&book.ok(&["report", "month", "9/2026", "--format", "json"]));
    assert!(month.get("months").is_none());
    let range = book.ok(&[
        "report", "period", "--from", "6/2026", "--to", "2026-07", "--format", "json",
    ]);
    let range = json(&range);
    assert_eq!(range["period"]["label"], "2026-06..2026-07");
    assert_eq!(range["previous_period"]["label"], "2026-04..2026-05");
    assert_eq!(range["totals"]["visits"], 2);
}

#[test]
fn the_periods_are_named_in_the_readers_language() {
    let book = logbook();
    let first_line = |lang: &str, args: &[&str]| {
        let mut all = vec!["--lang", lang, "report"];
        all.extend_from_slice(args);
        book.ok(&all).lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(
        first_line("vi", &["quarter", "2026-Q3"]),
        "Báo cáo quý III/2026: từ 01/07/2026 đến 30/09/2026"
    );
    assert_eq!(
        first_line("vi", &["half", "H2/2026"]),
        "Báo cáo 6 tháng cuối năm 2026: từ 01/07/2026 đến 31/12/2026"
    );
    assert_eq!(
        first_line("vi", &["half", "2026-h1"]),
        "Báo cáo 6 tháng đầu năm 2026: từ 01/01/2026 đến 30/06/2026"
    );
    assert_eq!(
        first_line("vi", &["year", "last"]),
        "Báo cáo năm 2025: từ 01/01/2025 đến 31/12/2025"
    );
    assert_eq!(
        first_line("en", &["quarter"]),
        "Report for Q4 2026: 01/10/2026 – 31/12/2026"
    );
    let html = book.ok(&[
        "--lang", "vi", "report", "quarter", "2026-Q3", "--format", "html",
    ]);
    assert!(html.contains("Kết quả kiểm tra công vụ quý III/2026 (từ 01/07/2026 đến 30/09/2026)"));
    assert!(html.contains("Từng tháng"));
}

#[test]
fn the_workbook_and_the_charts_are_written_for_a_quarter() {
    let book = logbook();
    let xlsx = book.path("q3.xlsx");
    let svg = book.path("q3.svg");
    let months = book.path("months.svg");
    book.ok(&[
        "report",
        "quarter",
        "2026-Q3",
        "--xlsx",
        xlsx.to_str().unwrap_or_default(),
        "--svg",
        svg.to_str().unwrap_or_default(),
    ]);
    book.ok(&[
        "report",
        "quarter",
        "2026-Q3",
        "--by-month",
        "--svg",
        months.to_str().unwrap_or_default(),
    ]);
    let bytes = std::fs::read(&xlsx).expect("the workbook");
    assert!(bytes.starts_with(b"PK"));
    let units = std::fs::read_to_string(&svg).expect("the chart");
    assert!(units.contains("tam-dai") && units.contains("phu-thinh"));
    let drawn = std::fs::read_to_string(&months).expect("the months chart");
    assert!(drawn.contains("2026-08") && !drawn.contains("tam-dai"));
}

#[test]
fn periods_that_do_not_exist_are_refused_and_nothing_changes() {
    let book = logbook();
    let before = book.snapshot();
    for (args, message) in [
        (
            &["report", "quarter", "2026-Q5"][..],
            "error: invalid quarter `2026-Q5`: there is no quarter 5; a year has quarters Q1 to Q4\n",
        ),
        (
            &["report", "quarter", "3/2026"][..],
            "error: invalid quarter `3/2026`: type a quarter as `2026-Q3`, `Q3/2026`, `this` or `last`\n",
        ),
        (
            &["report", "half", "2026-H3"][..],
            "error: invalid half year `2026-H3`: there is no half 3; a year has H1 (January–June) and H2 (July–December)\n",
        ),
        (
            &["report", "year", "0"][..],
            "error: invalid year `0`: there is no year 0 in the logbook's calendar; type a year from 1 to 9999\n",
        ),
        (
            &["report", "year", "99999"][..],
            "error: invalid year `99999`: there is no year 99999 in the logbook's calendar; type a year from 1 to 9999\n",
        ),
        (
            &["report", "year", "năm 2026"][..],
            "error: invalid year `năm 2026`: type a year as `2026`, `this` or `last`\n",
        ),
        (
            &["report", "period", "--from", "9/2026", "--to", "7/2026"][..],
            "error: `--from 9/2026` comes after `--to 7/2026`: give the earlier month to `--from`\n",
        ),
    ] {
        assert_eq!(book.fails(args, 1), message, "{args:?}");
    }
    book.assert_unchanged(&before);
}
