//! What an inspector records since the two-tier reform: excused and
//! unexcused absences, leaving early, an overdue file's apology and delay,
//! the files checked for the overdue rate, and the outcome of a proposed
//! discipline. Every figure below is counted by hand.

use crate::support::{Logbook, csv_records};

/// A commune visited on Tuesday 10/03/2026 at 07:30 (default hours: the
/// morning ends at 11:30, the afternoon at 17:30), with 20 files checked at its one-stop desk.
/// The clock stands at Friday 20/03/2026.
fn visited() -> Logbook {
    let book = Logbook::new().now("2026-03-20T09:00");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&[
        "visit",
        "start",
        "tam-dai",
        "--at",
        "10/03/2026 07:30",
        "--files-checked",
        "20",
    ]);
    book
}

#[test]
fn an_excused_absence_is_recorded_but_not_counted_as_a_breach() {
    let book = visited();
    assert_eq!(
        book.ok(&["absent", "Lê Văn Tám", "--excused", "business-trip"]),
        "logged #1 absent: Lê Văn Tám, UBND xã Tam Đại, excused: on a business trip\n"
    );
    assert_eq!(
        book.ok(&["absent", "Hồ Thị Lan"]),
        "logged #2 absent: Hồ Thị Lan, UBND xã Tam Đại\n"
    );
    // Another reason must be stated; nothing is written without it.
    let before = book.snapshot();
    let err = book.fails(&["absent", "Võ Thị Thu", "--excused", "other"], 2);
    assert!(err.contains("add `--reason-given"), "{err}");
    book.assert_unchanged(&before);
    let err = book.fails(&["absent", "Võ Thị Thu", "--reason-given", "khám bệnh"], 2);
    assert!(err.contains("give `--excused` too"), "{err}");
    book.assert_unchanged(&before);
    assert_eq!(
        book.ok(&[
            "--lang",
            "vi",
            "absent",
            "Võ Thị Thu",
            "--excused",
            "other",
            "--reason-given",
            "đưa con đi khám bệnh",
        ]),
        "đã ghi #3 vắng: Võ Thị Thu, UBND xã Tam Đại, có lý do: lý do khác\n"
    );
    let report = csv_records(&book.ok(&["report", "month", "2026-03", "--format", "csv"]));
    let total = report.last().expect("a total row");
    assert_eq!(total["unit_code"], "TOTAL");
    assert_eq!(total["absent"], "1");
    assert_eq!(total["excused_absences"], "2");
    assert_eq!(total["findings"], "1");
    // An excused absence is no repeat: a second one a week later is not.
    let exported = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(exported[0]["excuse"], "business-trip");
    assert_eq!(exported[1]["excuse"], "");
    assert_eq!(exported[2]["excuse"], "other");
    assert_eq!(exported[2]["description"], "đưa con đi khám bệnh");
    // Corrected: the business trip was not approved.
    assert_eq!(
        book.ok(&[
            "edit",
            "1",
            "--unexcused",
            "--reason",
            "không có quyết định cử đi"
        ]),
        "edited #1 absent: excuse: on a business trip → –\n"
    );
    let report = csv_records(&book.ok(&["report", "month", "2026-03", "--format", "csv"]));
    let total = report.last().expect("a total row");
    assert_eq!(
        (total["absent"].as_str(), total["excused_absences"].as_str()),
        ("2", "1")
    );
}

#[test]
fn leaving_early_is_counted_in_minutes_to_the_end_of_the_session() {
    let book = visited();
    assert_eq!(
        book.ok(&["early", "Trần Văn Bảy", "--left", "16:20"]),
        "logged #1 early: Trần Văn Bảy, UBND xã Tam Đại, 70 min\n"
    );
    // 11:30 is the end of the morning: leaving at 10:45 is 45 minutes early.
    assert_eq!(
        book.ok(&["early", "Đỗ Thị Lữ", "--left", "10h45"]),
        "logged #2 early: Đỗ Thị Lữ, UBND xã Tam Đại, 45 min\n"
    );
    let before = book.snapshot();
    let err = book.fails(&["early", "Trần Văn Bảy", "--left", "17:40"], 1);
    assert!(
        err.contains("departure `17:40` is not before the end of the session `17:30`"),
        "{err}"
    );
    book.assert_unchanged(&before);
    let exported = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(
        (
            exported[0]["left_at"].as_str(),
            exported[0]["expected_at"].as_str(),
            exported[0]["minutes_early"].as_str()
        ),
        ("16:20", "17:30", "70")
    );
    // Corrected: the person left at 16:50.
    book.ok(&["edit", "1", "--left", "16:50"]);
    let report = csv_records(&book.ok(&["report", "month", "2026-03", "--format", "csv"]));
    let total = report.last().expect("a total row");
    assert_eq!(
        (total["early"].as_str(), total["findings"].as_str()),
        ("2", "2")
    );
    assert_eq!(
        csv_records(&book.ok(&["export", "findings"]))[0]["minutes_early"],
        "40"
    );
    // A flag of lateness does not apply to leaving early.
    let err = book.fails(&["edit", "1", "--arrived", "8:00"], 2);
    assert!(err.contains("--arrived"), "{err}");
}

#[test]
fn an_overdue_file_keeps_its_apology_and_delay_and_the_report_gives_the_rate() {
    let book = visited();
    // Promised for Thursday 05/03/2026, returned Monday 09/03/2026: four
    // days late, two working days (Friday 06/03 and Monday 09/03).
    book.ok(&[
        "overdue",
        "HS-2026-0101",
        "--due",
        "05/03/2026",
        "--returned",
        "09/03/2026",
        "--apology-on",
        "04/03/2026",
        "--new-due",
        "09/03/2026",
        "--delay-cause",
        "chờ xác minh của công an xã",
        "--delay-stage",
        "coordination",
        "--responsible",
        "Công an xã Tam Đại",
        "--channel",
        "online",
    ]);
    book.ok(&["overdue", "HS-2026-0102", "--due", "06/03/2026"]);
    let exported = csv_records(&book.ok(&["export", "findings"]));
    let file = &exported[0];
    assert_eq!(file["days_overdue"], "4");
    assert_eq!(file["working_days_overdue"], "2");
    assert_eq!(file["apology_on"], "2026-03-04");
    assert_eq!(file["new_due_on"], "2026-03-09");
    assert_eq!(file["delay_stage"], "coordination");
    assert_eq!(file["responsible"], "Công an xã Tam Đại");
    assert_eq!(file["channel"], "online");
    // Two overdue of the 20 files checked: 10.0 per cent.
    let report = csv_records(&book.ok(&["report", "month", "2026-03", "--format", "csv"]));
    let total = report.last().expect("a total row");
    assert_eq!(total["overdue"], "2");
    assert_eq!(total["files_checked"], "20");
    assert_eq!(total["overdue_rate"], "10.0");
    // A new appointment before the apology is refused, the file unchanged.
    let before = book.snapshot();
    let err = book.fails(&["edit", "1", "--new-due", "01/03/2026"], 1);
    assert!(err.contains("before the apology"), "{err}");
    book.assert_unchanged(&before);
    // An apology flag on a late arrival is refused.
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7:45"]);
    let err = book.fails(&["edit", "3", "--apology-on", "10/03/2026"], 2);
    assert!(err.contains("--apology-on"), "{err}");
}

#[test]
fn a_discipline_outcome_is_recorded_with_its_decision() {
    let book = visited();
    book.ok(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "8:30",
        "--action",
        "discipline",
    ]);
    let before = book.snapshot();
    let err = book.fails(&["edit", "1", "--discipline-form", "reprimand"], 2);
    assert!(err.contains("give `--decided-on` too"), "{err}");
    book.assert_unchanged(&before);
    book.ok(&[
        "edit",
        "1",
        "--discipline-form",
        "reprimand",
        "--decision",
        "45/QĐ-UBND",
        "--decided-on",
        "18/03/2026",
        "--decided-by",
        "Chủ tịch UBND xã Tam Đại",
    ]);
    let exported = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(exported[0]["discipline_form"], "reprimand");
    assert_eq!(exported[0]["decision_ref"], "45/QĐ-UBND");
    assert_eq!(exported[0]["decided_on"], "2026-03-18");
    assert_eq!(exported[0]["decided_by"], "Chủ tịch UBND xã Tam Đại");
    assert_eq!(exported[0]["complex_case"], "");
    // The record and its history agree; an export imports back unchanged.
    assert!(book.ok(&["check"]).starts_with("ok:"));
    let file = book.path("findings.csv");
    std::fs::write(&file, book.ok(&["export", "findings"])).unwrap();
    let again = book.run(&["import", "findings", file.to_str().unwrap()]);
    assert_eq!(again.code, 0, "{}", again.dump);
    assert!(
        again.dump.contains("already in the logbook"),
        "{}",
        again.dump
    );
}

/// A discipline proposed on 10/03/2026 is due for its decision by
/// 08/06/2026 (90 days; 07/08/2026, 150 days, in a complex case).
#[test]
fn a_proposed_discipline_without_a_decision_in_time_is_flagged() {
    let book = visited();
    book.ok(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "8:30",
        "--action",
        "discipline",
    ]);
    book.ok(&[
        "late",
        "Trần Thị Bình",
        "--arrived",
        "8:00",
        "--action",
        "discipline",
    ]);
    book.ok(&["edit", "2", "--complex"]);
    // In time: nothing said.
    let june = |book: &Logbook, day: &str| {
        crate::support::json(&book.run_at(day, &["status", "--format", "json"]).stdout)
    };
    assert_eq!(june(&book, "2026-06-08T09:00")["late_decisions"], 0);
    // The day after: #1 is late, #2 (complex) is not.
    assert_eq!(june(&book, "2026-06-09T09:00")["late_decisions"], 1);
    let status = book.run_at("2026-06-09T09:00", &["status"]);
    assert!(
        status
            .stdout
            .contains("One discipline proposed has no decision past the time the decree allows"),
        "{}",
        status.stdout
    );
    assert!(status.stdout.contains("08/06/2026"), "{}", status.stdout);
    // The month report as at the end of June says the same, in JSON too.
    let june_report = crate::support::json(
        &book
            .run_at(
                "2026-07-01T09:00",
                &["report", "month", "2026-06", "--format", "json"],
            )
            .stdout,
    );
    let late = &june_report["late_decisions"];
    assert_eq!(late[0]["finding"], 1);
    assert_eq!(late[0]["found_on"], "2026-03-10");
    assert_eq!(late[0]["due_on"], "2026-06-08");
    assert_eq!(late.as_array().map(Vec::len), Some(1));
    // A decision recorded in July: June's report still says it was late
    // then; July's report no longer lists it.
    book.run_at(
        "2026-07-02T09:00",
        &[
            "edit",
            "1",
            "--decided-on",
            "02/07/2026",
            "--decided-by",
            "Chủ tịch UBND xã",
        ],
    );
    let report = |month: &str| {
        crate::support::json(
            &book
                .run_at(
                    "2026-09-01T09:00",
                    &["report", "month", month, "--format", "json"],
                )
                .stdout,
        )
    };
    assert_eq!(report("2026-06")["late_decisions"][0]["finding"], 1);
    assert!(report("2026-07")["late_decisions"].is_null());
    // The complex case was due by 07/08/2026: August's report, made after
    // the month, lists it; made on 01/08, it did not yet.
    let early_august = crate::support::json(
        &book
            .run_at(
                "2026-08-01T09:00",
                &["report", "month", "2026-08", "--format", "json"],
            )
            .stdout,
    );
    assert!(early_august["late_decisions"].is_null());
    let august = report("2026-08");
    assert_eq!(august["late_decisions"][0]["finding"], 2);
    assert_eq!(august["late_decisions"][0]["due_on"], "2026-08-07");
    assert_eq!(august["late_decisions"][0]["complex"], true);
}

#[test]
fn the_month_report_can_show_each_units_most_frequent_categories() {
    let book = visited();
    for (text, category) in [
        ("Không đeo thẻ", "badge"),
        ("Không đeo thẻ", "badge"),
        ("Không mặc đồng phục", "uniform"),
        ("Bàn làm việc bừa bộn", "hygiene"),
        ("Chơi game", "private-business"),
    ] {
        book.ok(&["other", text, "--category", category]);
    }
    // Without the flag the report has no such section.
    let plain = book.ok(&["report", "month", "2026-03", "--format", "json"]);
    assert!(crate::support::json(&plain)["categories"].is_null());
    let json = crate::support::json(&book.ok(&[
        "report",
        "month",
        "2026-03",
        "--categories",
        "--format",
        "json",
    ]));
    let shown: Vec<(String, i64)> = json["categories"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    (
                        r["category"].as_str().unwrap_or_default().to_string(),
                        r["findings"].as_i64().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    // Badge twice first, then the ties by name; three at most.
    assert_eq!(
        shown,
        [
            ("badge".to_string(), 2),
            ("hygiene".to_string(), 1),
            ("private-business".to_string(), 1)
        ]
    );
    let table = book.ok(&["--lang", "vi", "report", "month", "2026-03", "--categories"]);
    assert!(
        table.contains("Các nhóm vi phạm thường gặp nhất"),
        "{table}"
    );
    assert!(table.contains("không đeo thẻ công chức"), "{table}");
}

#[test]
fn report_repeat_counts_unexcused_days_against_the_configured_thresholds() {
    let book = Logbook::new()
        .now("2026-03-20T09:00")
        .config("unexcused_days_month = 2\nunexcused_days_year = 3\n");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    // Lan away on 13/01, 10/03 and 17/03 (twice that day: one day); Tám away
    // on 10/03 on a business trip and absent from a meeting on 17/03.
    for (day, findings) in [
        ("13/01/2026 07:30", &[&["absent", "Hồ Thị Lan"][..]][..]),
        (
            "10/03/2026 07:30",
            &[
                &["absent", "Hồ Thị Lan"][..],
                &["absent", "Lê Văn Tám", "--excused", "business-trip"][..],
            ][..],
        ),
        (
            "17/03/2026 07:30",
            &[
                &["absent", "Hồ Thị Lan"][..],
                &["absent", "Hồ Thị Lan", "--note", "cả buổi chiều"][..],
                &["absent", "Lê Văn Tám", "--meeting", "giao ban"][..],
            ][..],
        ),
    ] {
        book.ok(&["visit", "start", "tam-dai", "--at", day]);
        for finding in findings {
            book.ok(finding);
        }
        book.ok(&["visit", "end", "--at", "11h00"]);
    }
    let csv = book.ok(&["report", "repeat", "--absences", "--format", "csv"]);
    assert_eq!(
        csv,
        "name,position,unit_code,month_days,year_days,over_threshold\n\
         Hồ Thị Lan,,tam-dai,2,3,true\n"
    );
    let table = book.ok(&["report", "repeat"]);
    assert!(
        table.contains("thresholds set in the config: 2 a month, 3 a year"),
        "{table}"
    );
    // A threshold of no days is refused, naming the line.
    let bad = Logbook::new().config("unexcused_days_month = 0\n");
    let err = bad.fails(&["report", "repeat"], 1);
    assert!(
        err.contains("unexcused_days_month `0` must be a number of days from 1 to 31"),
        "{err}"
    );
}

/// An export written before absences had excuses has an empty description
/// for them: importing it keeps the excuse and the reason recorded here.
#[test]
fn an_older_export_keeps_the_excuse_and_its_reason() {
    let book = visited();
    book.ok(&[
        "absent",
        "Võ Thị Thu",
        "--excused",
        "other",
        "--reason-given",
        "đi khám bệnh",
    ]);
    let export = book.ok(&["export", "findings"]);
    // The 30 columns of the exports before schema 8, the description empty
    // as those exports had it for an absence.
    let older: String = export
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
            cells.truncate(30);
            if i > 0 {
                cells[21] = String::new();
            }
            cells.join(",") + "\n"
        })
        .collect();
    let file = book.path("older.csv");
    std::fs::write(&file, older).unwrap();
    let output = book.run(&["import", "findings", file.to_str().unwrap()]);
    assert_eq!(output.code, 0, "{}", output.dump);
    let kept = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(kept[0]["excuse"], "other");
    assert_eq!(kept[0]["description"], "đi khám bệnh");
}

/// Overdue files beyond the files a visit counted do not push the rate
/// past the whole: 3 overdue of 2 checked count as 2 of 2.
#[test]
fn the_overdue_rate_never_exceeds_the_files_checked() {
    let book = Logbook::new().now("2026-03-20T09:00");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&[
        "visit",
        "start",
        "tam-dai",
        "--at",
        "10/03/2026 07:30",
        "--files-checked",
        "2",
    ]);
    for file in ["HS-1", "HS-2", "HS-3"] {
        book.ok(&["overdue", file, "--due", "05/03/2026"]);
    }
    let report = csv_records(&book.ok(&["report", "month", "2026-03", "--format", "csv"]));
    let total = report.last().expect("a total row");
    assert_eq!(
        (
            total["overdue"].as_str(),
            total["files_checked"].as_str(),
            total["overdue_rate"].as_str()
        ),
        ("3", "2", "100.0")
    );
}
