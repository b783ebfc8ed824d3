//! Repeat offences are counted in visits: several findings about one person
//! at one visit are one occasion. `report repeat` and the month's repeat
//! section are checked on the same logbook, in every format they come in.

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::json as object;

use crate::support::{Logbook, json};

/// The columns of `report repeat --format csv`.
const REPEAT_HEADER: &str =
    "name,position,unit_code,visits,kinds,first_date,last_date,highest_action,next_action";

/// Tam Đại visited on 05/04/2022 and 04/05/2022. Nguyễn Văn An is late three
/// times on the second visit only: one occasion. Trần Thị Bình is late on
/// both: two occasions, a repeat offence in `report repeat` (three months
/// up to 10/05) and in the May report (a finding in May and another in the
/// three months before).
fn two_visits() -> Logbook {
    let book = Logbook::new();
    for step in [
        &[
            "unit",
            "add",
            "tam-dai",
            "UBND xã Tam Đại",
            "--kind",
            "commune",
        ][..],
        &["person", "add", "tam-dai", "Nguyễn Văn An"],
        &["person", "add", "tam-dai", "Trần Thị Bình"],
        &["visit", "start", "tam-dai", "--at", "05/04/2022 07:20"],
        // #1
        &["late", "Trần Thị Bình", "--arrived", "08:00"],
        &["visit", "end", "--at", "05/04/2022 08:30"],
        &["visit", "start", "tam-dai", "--at", "04/05/2022 07:10"],
        // #2, #3, #4: the morning, back late from lunch, and late again.
        &["late", "Nguyễn Văn An", "--arrived", "07:50"],
        &["late", "Nguyễn Văn An", "--arrived", "13:45"],
        &[
            "late",
            "Nguyễn Văn An",
            "--arrived",
            "15:00",
            "--expected",
            "14:30",
        ],
        // #5
        &[
            "late",
            "Trần Thị Bình",
            "--arrived",
            "07:40",
            "--action",
            "reminded",
        ],
        &["visit", "end", "--at", "04/05/2022 16:00"],
    ] {
        book.ok(step);
    }
    book
}

fn with_format(book: &Logbook, args: &[&str], format: &str) -> String {
    let mut args = args.to_vec();
    args.extend(["--format", format]);
    book.ok(&args)
}

/// The one repeat offender of the fixture, as `report repeat --format csv`
/// writes her: two visits, three weeks apart.
const BINH: &str = "Trần Thị Bình,,tam-dai,2,late×2,2022-04-05,2022-05-04,reminded,criticised";

#[test]
fn report_repeat_counts_visits_in_every_format() {
    let book = two_visits();
    let report = ["report", "repeat"];
    assert_eq!(
        with_format(&book, &report, "csv"),
        format!("{REPEAT_HEADER}\n{BINH}\n")
    );
    assert_eq!(
        json(&with_format(&book, &report, "json")),
        object!([{
            "name": "Trần Thị Bình", "position": null, "unit_code": "tam-dai",
            "visits": 2, "kinds": "late×2",
            "first_date": "2022-04-05", "last_date": "2022-05-04",
            "highest_action": "reminded", "next_action": "criticised",
        }])
    );
    assert_eq!(
        book.ok(&report),
        "\
Repeat offenders: found at fault on 2 or more visits from 11/02/2022 to 10/05/2022
══════════════════════════════════════════════════════════════════════════════════
┌───────────────┬──────────┬───────────┬────────┬────────┬────────────┬────────────┬────────────────┬─────────────┐
│ name          ┆ position ┆ unit_code ┆ visits ┆ kinds  ┆ first_date ┆ last_date  ┆ highest_action ┆ next_action │
╞═══════════════╪══════════╪═══════════╪════════╪════════╪════════════╪════════════╪════════════════╪═════════════╡
│ Trần Thị Bình ┆          ┆ tam-dai   ┆      2 ┆ late×2 ┆ 05/04/2022 ┆ 04/05/2022 ┆ reminded       ┆ criticised  │
└───────────────┴──────────┴───────────┴────────┴────────┴────────────┴────────────┴────────────────┴─────────────┘
"
    );
}

#[test]
fn three_findings_at_one_visit_are_one_occasion() {
    let book = two_visits();
    // With one visit enough, Nguyễn Văn An shows what he is: one occasion,
    // three late findings, first and last on the same day.
    assert_eq!(
        with_format(&book, &["report", "repeat", "--min", "1"], "csv"),
        format!(
            "{REPEAT_HEADER}\n{BINH}\n\
             Nguyễn Văn An,,tam-dai,1,late×3,2022-05-04,2022-05-04,,reminded\n"
        )
    );
    assert_eq!(
        with_format(&book, &["report", "repeat", "--min", "3"], "csv"),
        format!("{REPEAT_HEADER}\n")
    );
}

#[test]
fn the_month_report_names_the_same_offender_as_report_repeat() {
    let book = two_visits();
    let table = book.ok(&["report", "month"]);
    let section: Vec<&str> = table
        .lines()
        .skip_while(|line| !line.starts_with("Repeat offenders"))
        .take(6)
        .collect();
    assert_eq!(
        section,
        [
            "Repeat offenders (a finding in this period and another in the 3 months before)",
            "┌───────────────┬───────────┬────────┬────────┬────────────┬────────────┬────────────────┬─────────────┐",
            "│ name          ┆ unit_code ┆ visits ┆ kinds  ┆ first_date ┆ last_date  ┆ highest_action ┆ next_action │",
            "╞═══════════════╪═══════════╪════════╪════════╪════════════╪════════════╪════════════════╪═════════════╡",
            "│ Trần Thị Bình ┆ tam-dai   ┆      2 ┆ late×2 ┆ 05/04/2022 ┆ 04/05/2022 ┆ reminded       ┆ criticised  │",
            "└───────────────┴───────────┴────────┴────────┴────────────┴────────────┴────────────────┴─────────────┘",
        ]
    );
    let report = json(&with_format(&book, &["report", "month"], "json"));
    assert_eq!(
        report["repeat_offenders"],
        object!([{
            "name": "Trần Thị Bình", "position": null,
            "unit_code": "tam-dai", "unit_name": "UBND xã Tam Đại",
            "visits": 2, "kinds": "late×2",
            "first_date": "2022-04-05", "last_date": "2022-05-04",
            "highest_action": "reminded", "next_action": "criticised",
        }])
    );
    // One repeat person in the summary, the same one.
    assert_eq!(report["totals"]["repeat_people"], 1);
    assert_eq!(
        with_format(&book, &["report", "month"], "csv"),
        "unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,\
         other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,\
         files_checked,overdue_rate\n\
         tam-dai,UBND xã Tam Đại,1,4,75,0,0,0,0,4,1,,0,0,0,0,\n\
         TOTAL,,1,4,75,0,0,0,0,4,1,,0,0,0,0,\n"
    );
}

#[test]
fn the_workbook_repeat_sheet_counts_visits_too() {
    let book = two_visits();
    let file = book.path("may.xlsx");
    book.ok(&["report", "month", "--xlsx", file.to_str().unwrap()]);
    let mut workbook: Xlsx<_> = open_workbook(&file).unwrap();
    let range = workbook.worksheet_range("Repeat offenders").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::String(text) => text.clone(),
                    Data::Float(x) => format!("{x}"),
                    Data::Int(n) => n.to_string(),
                    Data::DateTime(at) => at
                        .as_datetime()
                        .map(|at| at.format("%Y-%m-%d").to_string())
                        .unwrap(),
                    other => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        [
            [
                "name",
                "position",
                "unit_code",
                "visits",
                "kinds",
                "first_date",
                "last_date",
                "highest_action",
                "next_action"
            ],
            [
                "Trần Thị Bình",
                "",
                "tam-dai",
                "2",
                "late×2",
                "2022-04-05",
                "2022-05-04",
                "reminded",
                "criticised"
            ],
        ]
    );
}

#[test]
fn the_vietnamese_report_says_visits() {
    let book = two_visits();
    let table = book.ok(&["--lang", "vi", "report", "repeat"]);
    let mut lines = table.lines();
    assert_eq!(
        lines.next(),
        Some("Tái phạm: có vi phạm trong từ 2 lượt kiểm tra trở lên, từ 11/02/2022 đến 10/05/2022")
    );
    let headings = lines.nth(2).unwrap_or_default();
    assert!(headings.contains("┆ số lượt ┆"), "{table}");
}
