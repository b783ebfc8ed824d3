//! A provincial team's first quarter of 2026, counted by hand: a make-up
//! Saturday, an excused and an unexcused absence, leaving early, an overdue
//! file with an apology, the files checked for the overdue rate, a
//! discipline outcome and the quarter report. Default office hours: 07:30–
//! 11:30 and 13:30–17:30; the built-in 2026 calendar (Saturday 10/01/2026
//! was worked in exchange for Friday 02/01/2026).

use crate::support::{Logbook, csv_records};

const TEAM: &str = r#"
[team]
level = "province"
name = "Đoàn kiểm tra công vụ tỉnh Phú Ninh"
governing_body = "UBND tỉnh Phú Ninh"
"#;

fn quarter() -> Logbook {
    let book = Logbook::new().now("2026-04-02T09:00").config(TEAM);
    book.ok(&[
        "unit",
        "add",
        "phu-thinh",
        "UBND phường Phú Thịnh",
        "--kind",
        "ward",
    ]);
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&[
        "unit",
        "add",
        "tam-dai-hcc",
        "Trung tâm Phục vụ hành chính công xã Tam Đại",
        "--kind",
        "service-centre",
        "--parent",
        "tam-dai",
    ]);

    // Monday 12/01/2026 at the centre, 25 files checked.
    book.ok(&[
        "visit",
        "start",
        "tam-dai-hcc",
        "--at",
        "12/01/2026 07:30",
        "--files-checked",
        "25",
    ]);
    // Promised for Friday 09/01, returned Monday 12/01: 3 days late, and 2
    // working days, the make-up Saturday 10/01 and Monday 12/01.
    book.ok(&[
        "overdue",
        "HS-2026-0007",
        "--due",
        "09/01/2026",
        "--returned",
        "12/01/2026",
        "--apology-on",
        "08/01/2026",
        "--new-due",
        "12/01/2026",
    ]);
    // 07:50 against 07:30: 20 minutes late.
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7:50"]);
    book.ok(&["visit", "end", "--at", "09h00"]);

    // Tuesday 10/02/2026 afternoon at the ward, 15 files checked.
    book.ok(&[
        "visit",
        "start",
        "phu-thinh",
        "--at",
        "10/02/2026 14:00",
        "--files-checked",
        "15",
    ]);
    book.ok(&["absent", "Hồ Thị Lan", "--action", "discipline"]);
    book.ok(&["absent", "Lê Văn Tám", "--excused", "leave"]);
    // 16:45 against the end at 17:30: 45 minutes early.
    book.ok(&["early", "Trần Văn Bảy", "--left", "16:45"]);
    // Promised for Thursday 05/02, not returned by the visit on Tuesday
    // 10/02: 5 days late, 3 working days (Friday 06, Monday 09, Tuesday 10).
    book.ok(&["overdue", "HS-2026-0031", "--due", "05/02/2026"]);
    book.ok(&["visit", "end", "--at", "17h40"]);

    // Wednesday 11/03/2026 at the commune; no files counted.
    book.ok(&["visit", "start", "tam-dai", "--at", "11/03/2026 07:30"]);
    book.ok(&["late", "Đỗ Thị Lữ", "--minutes", "15"]);
    book.ok(&[
        "other",
        "Không đeo thẻ công chức",
        "--person",
        "Đỗ Thị Lữ",
        "--category",
        "badge",
    ]);
    book.ok(&["visit", "end", "--at", "08h30"]);

    // The ward's chairman reprimanded Hồ Thị Lan (#3) on 20/03/2026.
    book.ok(&[
        "edit",
        "3",
        "--discipline-form",
        "reprimand",
        "--decision",
        "12/QĐ-UBND",
        "--decided-on",
        "20/03/2026",
        "--decided-by",
        "Chủ tịch UBND phường Phú Thịnh",
    ]);
    book
}

#[test]
fn the_quarter_report_gives_every_figure_as_counted_by_hand() {
    let book = quarter();
    // phu-thinh: findings are the unexcused absence, the early departure
    // and the file (the excused absence is not a breach); 1 file overdue
    // of 15 checked is 6.7 %. tam-dai-hcc: 1 of 25 is 4.0 %. tam-dai
    // counted no files. In all: 2 of 40, 5.0 %.
    assert_eq!(
        book.ok(&["report", "quarter", "2026-Q1", "--format", "csv"]),
        "unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,\
         other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,\
         files_checked,overdue_rate\n\
         phu-thinh,UBND phường Phú Thịnh,1,0,0,1,1,3,0,3,0,,0,1,1,15,6.7\n\
         tam-dai,UBND xã Tam Đại,1,1,15,0,0,0,1,2,0,,0,0,0,0,\n\
         tam-dai-hcc,Trung tâm Phục vụ hành chính công xã Tam Đại,1,1,20,0,1,2,0,2,0,,0,0,0,25,4.0\n\
         TOTAL,,3,2,35,1,2,5,1,7,0,,0,1,1,40,5.0\n"
    );
    assert_eq!(
        book.ok(&[
            "report",
            "quarter",
            "2026-Q1",
            "--by-month",
            "--format",
            "csv"
        ]),
        "month,first_day,last_day,visits,late,late_minutes,absent,overdue,overdue_working_days,\
         other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,\
         files_checked,overdue_rate\n\
         2026-01,2026-01-01,2026-01-31,1,1,20,0,1,2,0,2,0,,0,0,0,25,4.0\n\
         2026-02,2026-02-01,2026-02-28,1,0,0,1,1,3,0,3,0,,0,1,1,15,6.7\n\
         2026-03,2026-03-01,2026-03-31,1,1,15,0,0,0,1,2,0,,0,0,0,0,\n"
    );
    let json =
        crate::support::json(&book.ok(&["report", "quarter", "2026-Q1", "--format", "json"]));
    // The discipline was decided in time: no warning.
    assert!(json["late_decisions"].is_null());
    assert_eq!(json["totals"]["overdue_of_checked"], 2);
}

#[test]
fn each_finding_keeps_what_was_recorded_about_it() {
    let book = quarter();
    let findings = csv_records(&book.ok(&["export", "findings"]));
    let by_number = |n: &str| {
        findings
            .iter()
            .find(|f| f["number"] == n)
            .unwrap_or_else(|| panic!("finding #{n}"))
    };
    let file = by_number("1");
    assert_eq!(
        (
            file["days_overdue"].as_str(),
            file["working_days_overdue"].as_str(),
            file["apology_on"].as_str(),
            file["new_due_on"].as_str()
        ),
        ("3", "2", "2026-01-08", "2026-01-12")
    );
    assert_eq!(by_number("2")["minutes_late"], "20");
    let lan = by_number("3");
    assert_eq!(
        (
            lan["excuse"].as_str(),
            lan["action"].as_str(),
            lan["discipline_form"].as_str(),
            lan["decision_ref"].as_str(),
            lan["decided_on"].as_str(),
            lan["decided_by"].as_str()
        ),
        (
            "",
            "discipline",
            "reprimand",
            "12/QĐ-UBND",
            "2026-03-20",
            "Chủ tịch UBND phường Phú Thịnh"
        )
    );
    assert_eq!(by_number("4")["excuse"], "leave");
    let early = by_number("5");
    assert_eq!(
        (
            early["kind"].as_str(),
            early["left_at"].as_str(),
            early["expected_at"].as_str(),
            early["minutes_early"].as_str()
        ),
        ("early", "16:45", "17:30", "45")
    );
    let late_file = by_number("6");
    assert_eq!(
        (
            late_file["days_overdue"].as_str(),
            late_file["working_days_overdue"].as_str()
        ),
        ("5", "3")
    );
    let visits = csv_records(&book.ok(&["export", "visits"]));
    let checked: Vec<&str> = visits.iter().map(|v| v["files_checked"].as_str()).collect();
    assert_eq!(checked, ["25", "15", ""]);
    // In Vietnamese, the kinds and the excuse are the reader's words.
    let list = book.ok(&["--lang", "vi", "list", "--month", "2/2026"]);
    assert!(list.contains("về sớm"), "{list}");
    assert!(list.contains("có lý do: nghỉ phép"), "{list}");
}

#[test]
fn the_quarter_grouped_by_parent_subtotals_the_commune_with_its_centre() {
    let book = quarter();
    // Tam Đại and its centre: 2 visits, late 1 + 1 (35 min), 1 file overdue
    // (2 working days) of the 25 counted, 1 other breach, 4 findings.
    assert_eq!(
        book.ok(&[
            "report",
            "quarter",
            "2026-Q1",
            "--by-parent",
            "--format",
            "csv"
        ]),
        "unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,\
         other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,\
         files_checked,overdue_rate,group\n\
         phu-thinh,UBND phường Phú Thịnh,1,0,0,1,1,3,0,3,0,,0,1,1,15,6.7,phu-thinh\n\
         tam-dai,UBND xã Tam Đại,1,1,15,0,0,0,1,2,0,,0,0,0,0,,tam-dai\n\
         tam-dai-hcc,Trung tâm Phục vụ hành chính công xã Tam Đại,1,1,20,0,1,2,0,2,0,,0,0,0,25,4.0,tam-dai\n\
         SUBTOTAL,UBND xã Tam Đại,2,2,35,0,1,2,1,4,0,,0,0,0,25,4.0,tam-dai\n\
         TOTAL,,3,2,35,1,2,5,1,7,0,,0,1,1,40,5.0,\n"
    );
    // The workbook lists the units ungrouped, each beside the quarter before.
    let file = book.path("quy-1.xlsx");
    book.ok(&[
        "report",
        "quarter",
        "2026-Q1",
        "--by-parent",
        "--xlsx",
        file.to_str().unwrap(),
    ]);
    let summary = crate::spreadsheets::sheet(&file, "Summary");
    let codes: Vec<&str> = summary.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(
        codes,
        ["unit_code", "phu-thinh", "tam-dai", "tam-dai-hcc", "TOTAL"]
    );
}

/// A task of a centre open on Saturday mornings is late by that Saturday
/// too: due Friday 16/01/2026, still not done on Monday 19/01, it is 3
/// days late, 2 working days (Saturday 17 and Monday 19) where a
/// Monday-to-Friday unit counts 1.
#[test]
fn a_task_is_late_in_the_working_week_of_its_unit() {
    let book = Logbook::new().now("2026-01-19T16:00").config(TEAM);
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&[
        "unit",
        "add",
        "tam-dai-hcc",
        "Trung tâm Phục vụ hành chính công xã Tam Đại",
        "--kind",
        "service-centre",
        "--week",
        "mon-fri,sat:am",
    ]);
    for unit in ["tam-dai", "tam-dai-hcc"] {
        book.ok(&[
            "task",
            "add",
            unit,
            "Niêm yết thủ tục mới",
            "--due",
            "16/01/2026",
        ]);
    }
    let listed = csv_records(&book.ok(&["task", "list", "--format", "csv"]));
    let late: Vec<(&str, &str, &str)> = listed
        .iter()
        .map(|t| {
            (
                t["unit_code"].as_str(),
                t["days_late"].as_str(),
                t["working_days_late"].as_str(),
            )
        })
        .collect();
    assert_eq!(late, [("tam-dai", "3", "1"), ("tam-dai-hcc", "3", "2")]);
    let report = crate::support::json(&book.ok(&["report", "tasks", "--format", "json"]));
    assert_eq!(report["tasks"][1]["working_days_late"], 2);
    assert_eq!(report["tasks"][0]["working_days_late"], 1);
}
