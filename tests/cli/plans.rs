//! Inspection plans and assigned tasks: the plan report, the tasks report and
//! the columns they add to the monthly report, counted by hand.

use crate::support::{Logbook, csv_records, csv_rows};

/// Three units, plans over two quarters of 2022, visits and tasks.
///
/// Plans: every unit once a quarter from January 2022; Tam Đại twice a
/// month from April 2022.
/// Visits: Q1 — tam-dai 02/02, phu-thinh 15/03; Q2 — tam-dai 05/04, 20/04,
/// 10/05; tam-dan 12/06. phu-thinh has none in Q2, tam-dan none in Q1.
/// Tasks (clock at 15/07/2022):
/// - #1 tam-dai, given 01/04, due 30/04, done 28/04: on time;
/// - #2 tam-dai, due 15/04, done 25/04: 10 days late, 6 working days;
/// - #3 phu-thinh, due 31/05, still open;
/// - #4 tam-dai, due 06/05, still open, found undone at the visit of 10/05
///   (4 days, 2 working days past the deadline).
fn planned_logbook() -> Logbook {
    let book = Logbook::new().now("2022-07-15T09:00");
    for (code, name) in [
        ("tam-dai", "UBND xã Tam Đại"),
        ("phu-thinh", "UBND thị trấn Phú Thịnh"),
        ("tam-dan", "UBND xã Tam Đàn"),
    ] {
        book.ok(&["unit", "add", code, name, "--kind", "commune"]);
    }
    book.ok(&[
        "plan", "set", "all", "--visits", "1", "--per", "quarter", "--from", "1/2022",
    ]);
    book.ok(&[
        "plan", "set", "tam-dai", "--visits", "2", "--per", "month", "--from", "4/2022",
    ]);
    for (unit, at) in [
        ("tam-dai", "02/02/2022 07:40"),
        ("phu-thinh", "15/03/2022 08:00"),
        ("tam-dai", "05/04/2022 07:35"),
        ("tam-dai", "20/04/2022 13:40"),
        ("tam-dai", "10/05/2022 07:30"),
        ("tam-dan", "12/06/2022 07:45"),
    ] {
        book.ok(&["visit", "start", unit, "--at", at]);
        book.ok(&["visit", "end", "--at", at]);
    }
    book.ok(&[
        "task",
        "add",
        "tam-dai",
        "Niêm yết công khai thủ tục hành chính",
        "--assigned",
        "01/04/2022",
        "--due",
        "30/04/2022",
        "--source",
        "Công văn 125/UBND",
    ]);
    book.ok(&["task", "done", "1", "--on", "28/04/2022"]);
    book.ok(&[
        "task",
        "add",
        "tam-dai",
        "Báo cáo cải cách hành chính quý I",
        "--due",
        "15/04/2022",
    ]);
    book.ok(&["task", "done", "2", "--on", "25/04/2022"]);
    book.ok(&[
        "task",
        "add",
        "phu-thinh",
        "Rà soát hồ sơ trễ hẹn",
        "--due",
        "31/05/2022",
    ]);
    book.ok(&[
        "task",
        "add",
        "tam-dai",
        "Khắc phục tồn tại sau kiểm tra",
        "--due",
        "06/05/2022",
    ]);
    book.ok(&["unfinished", "4", "--visit", "5", "--action", "reminded"]);
    book
}

fn csv(book: &Logbook, args: &[&str]) -> String {
    let mut args = args.to_vec();
    args.extend(["--format", "csv"]);
    book.ok(&args)
}

fn lines(rows: &[&str]) -> String {
    rows.iter().map(|row| format!("{row}\n")).collect()
}

const PLAN_HEADER: &str =
    "unit_code,unit_name,per,first_day,last_day,planned,made,behind,quarter_visits,last_visit";

#[test]
fn the_plan_report_counts_each_unit_against_its_plan_period() {
    let book = planned_logbook();
    // March: Tam Đại's own plan starts in April, so the quarterly plan of
    // every unit holds; Tam Đàn had no visit in Q1.
    assert_eq!(
        csv(&book, &["report", "plan", "3/2022"]),
        lines(&[
            PLAN_HEADER,
            "phu-thinh,UBND thị trấn Phú Thịnh,quarter,2022-01-01,2022-03-31,1,1,0,1,2022-03-15 08:00",
            "tam-dai,UBND xã Tam Đại,quarter,2022-01-01,2022-03-31,1,1,0,1,2022-02-02 07:40",
            "tam-dan,UBND xã Tam Đàn,quarter,2022-01-01,2022-03-31,1,0,1,0,",
        ])
    );
    // May: Tam Đại twice a month, once in May; Phú Thịnh's quarter has no
    // visit yet; Tam Đàn's June visit is in its quarter.
    assert_eq!(
        csv(&book, &["report", "plan", "2022-05"]),
        lines(&[
            PLAN_HEADER,
            "phu-thinh,UBND thị trấn Phú Thịnh,quarter,2022-04-01,2022-06-30,1,0,1,0,2022-03-15 08:00",
            "tam-dai,UBND xã Tam Đại,month,2022-05-01,2022-05-31,2,1,1,3,2022-05-10 07:30",
            "tam-dan,UBND xã Tam Đàn,quarter,2022-04-01,2022-06-30,1,1,0,1,",
        ])
    );
}

#[test]
fn the_plan_report_names_the_units_behind_and_not_checked_this_quarter() {
    let book = planned_logbook();
    let report = book.ok(&["report", "plan", "5/2022"]);
    assert!(
        report.contains("Behind the plan\nphu-thinh (1), tam-dai (1)\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "Not checked this quarter (01/04/2022 – 30/06/2022)\nphu-thinh (UBND thị trấn Phú Thịnh)\n"
        ),
        "{report}"
    );
    let json = crate::support::json(&book.ok(&["report", "plan", "5/2022", "--format", "json"]));
    assert_eq!(
        json["not_checked_this_quarter"],
        serde_json::json!(["phu-thinh"])
    );
    assert_eq!(json["quarter"]["label"], "2022-Q2");
}

#[test]
fn the_monthly_report_gains_planned_visits_and_unfinished_tasks() {
    let book = planned_logbook();
    let columns = |month: &str| -> Vec<(String, String, String)> {
        csv_records(&csv(&book, &["report", "month", month]))
            .into_iter()
            .map(|r| {
                (
                    r["unit_code"].clone(),
                    r["planned_visits"].clone(),
                    r["unfinished_tasks"].clone(),
                )
            })
            .collect()
    };
    let row = |code: &str, planned: &str, tasks: &str| {
        (code.to_string(), planned.to_string(), tasks.to_string())
    };
    // A plan of one visit a quarter asks for it in the quarter's last month.
    assert_eq!(
        columns("2022-05"),
        [
            row("phu-thinh", "0", "0"),
            row("tam-dai", "2", "1"),
            row("tam-dan", "0", "0"),
            row("TOTAL", "2", "1"),
        ]
    );
    assert_eq!(
        columns("2022-06"),
        [
            row("phu-thinh", "1", "0"),
            row("tam-dai", "2", "0"),
            row("tam-dan", "1", "0"),
            row("TOTAL", "4", "0"),
        ]
    );
    // June's report compares with May's planned visits too.
    let june = crate::support::json(&book.ok(&["report", "month", "6/2022", "--format", "json"]));
    assert_eq!(june["totals"]["planned_visits"], 4);
    assert_eq!(june["previous_totals"]["planned_visits"], 2);
    // Before any plan, the column is empty.
    assert_eq!(
        columns("2021-12"),
        [
            row("phu-thinh", "", "0"),
            row("tam-dai", "", "0"),
            row("tam-dan", "", "0"),
            row("TOTAL", "", "0"),
        ]
    );
}

#[test]
fn the_tasks_report_lists_what_is_open_and_overdue_per_unit() {
    let book = planned_logbook();
    assert_eq!(
        csv(&book, &["report", "tasks", "5/2022"]),
        lines(&[
            "number,unit_code,unit_name,text,source,assigned_on,due_on,state,days_late,working_days_late,times_found_unfinished",
            "3,phu-thinh,UBND thị trấn Phú Thịnh,Rà soát hồ sơ trễ hẹn,,,2022-05-31,open,,,0",
            "4,tam-dai,UBND xã Tam Đại,Khắc phục tồn tại sau kiểm tra,,,2022-05-06,overdue,25,17,1",
        ])
    );
    let json = crate::support::json(&book.ok(&["report", "tasks", "5/2022", "--format", "json"]));
    assert_eq!(json["as_of"], "2022-05-31");
    assert_eq!(
        json["units"],
        serde_json::json!([
            {"unit_code": "phu-thinh", "unit_name": "UBND thị trấn Phú Thịnh",
             "assigned": 1, "done_on_time": 0, "done_late": 0, "open": 1, "overdue": 0},
            {"unit_code": "tam-dai", "unit_name": "UBND xã Tam Đại",
             "assigned": 3, "done_on_time": 1, "done_late": 1, "open": 0, "overdue": 1},
        ])
    );
    // At the end of April, #2 was done late and #1 on time; a task with no
    // day given counts from the start, and #4 was not yet late.
    let april = crate::support::json(&book.ok(&["report", "tasks", "4/2022", "--format", "json"]));
    assert_eq!(april["units"][1]["done_late"], 1);
    assert_eq!(april["units"][1]["done_on_time"], 1);
    assert_eq!(april["units"][1]["open"], 1);
    let states: Vec<(i64, &str)> = april["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["number"].as_i64().unwrap(), t["state"].as_str().unwrap()))
        .collect();
    assert_eq!(states, [(3, "open"), (4, "open")]);
}

#[test]
fn task_list_shows_where_each_task_stands_today() {
    let book = planned_logbook();
    let overdue = csv_records(&csv(&book, &["task", "list", "--overdue"]));
    let numbers: Vec<&str> = overdue.iter().map(|t| t["number"].as_str()).collect();
    assert_eq!(numbers, ["3", "4"]);
    let all = csv_records(&csv(&book, &["task", "list"]));
    let states: Vec<(&str, &str, &str)> = all
        .iter()
        .map(|t| {
            (
                t["number"].as_str(),
                t["state"].as_str(),
                t["days_late"].as_str(),
            )
        })
        .collect();
    // By unit code, then deadline; on 15/07/2022.
    assert_eq!(
        states,
        [
            ("3", "overdue", "45"),
            ("2", "done_late", "10"),
            ("1", "done", ""),
            ("4", "overdue", "70"),
        ]
    );
    let working: Vec<&str> = all
        .iter()
        .map(|t| t["working_days_late"].as_str())
        .collect();
    assert_eq!(working[1], "6");
}

#[test]
fn an_unfinished_task_is_refused_where_it_cannot_be() {
    let book = planned_logbook();
    // Not yet late on the day of the visit.
    let before = book.snapshot();
    let err = book.fails(&["unfinished", "3", "--visit", "5"], 1);
    assert!(
        err.contains(
            "task #3 was assigned to UBND thị trấn Phú Thịnh, but the visit is at UBND xã Tam Đại"
        ),
        "{err}"
    );
    let err = book.fails(&["unfinished", "1", "--visit", "5"], 1);
    assert!(
        err.contains("task #1 was done on 28/04/2022, by the visit on 10/05/2022"),
        "{err}"
    );
    let err = book.fails(&["unfinished", "4", "--visit", "3"], 1);
    assert!(
        err.contains(
            "task #4 is due on 06/05/2022: on 05/04/2022, the day of the visit, it was not yet late"
        ),
        "{err}"
    );
    book.assert_unchanged(&before);
    let finding = crate::support::json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(finding["kind"], "task");
    assert_eq!(finding["days_overdue"], 4);
    assert_eq!(finding["working_days_overdue"], 2);
    assert_eq!(finding["description"], "Khắc phục tồn tại sau kiểm tra");
}

#[test]
fn task_edits_and_voids_keep_their_history_and_check_agrees() {
    let book = planned_logbook();
    book.ok(&[
        "task",
        "edit",
        "3",
        "--due",
        "15/06/2022",
        "--reason",
        "gia hạn theo Công văn 140/UBND",
    ]);
    book.ok(&["task", "void", "2", "--reason", "giao nhầm"]);
    let err = book.fails(&["task", "done", "2"], 1);
    assert!(err.contains("task #2 is void"), "{err}");
    let shown = book.ok(&["task", "show", "3"]);
    assert!(shown.contains("due_on: 31/05/2022 → 15/06/2022"), "{shown}");
    assert!(shown.contains("gia hạn theo Công văn 140/UBND"), "{shown}");
    let listed = csv_records(&csv(&book, &["task", "list"]));
    assert!(listed.iter().all(|t| t["number"] != "2"));
    let checked = book.ok(&["check"]);
    assert!(checked.starts_with("ok: "), "{checked}");
}

#[test]
fn plan_clear_ends_a_plan_and_keeps_the_months_before() {
    let book = planned_logbook();
    book.ok(&["plan", "clear", "tam-dai", "--from", "6/2022"]);
    let plans = csv_records(&csv(&book, &["plan", "list"]));
    let tam_dai = plans.iter().find(|p| p["unit_code"] == "tam-dai").unwrap();
    assert_eq!(tam_dai["to_month"], "2022-05");
    // June falls back to the plan of every unit: one visit in Q2, made in April.
    let june = csv_records(&csv(&book, &["report", "plan", "6/2022"]));
    let row = june.iter().find(|r| r["unit_code"] == "tam-dai").unwrap();
    assert_eq!(
        (
            row["per"].as_str(),
            row["planned"].as_str(),
            row["made"].as_str()
        ),
        ("quarter", "1", "3")
    );
    let may = csv_records(&csv(&book, &["report", "plan", "5/2022"]));
    let row = may.iter().find(|r| r["unit_code"] == "tam-dai").unwrap();
    assert_eq!(row["planned"], "2");
}

#[test]
fn plans_and_tasks_go_through_export_and_import_unchanged() {
    let book = planned_logbook();
    let copy = Logbook::new().now("2022-07-15T09:00");
    let mut files = Vec::new();
    for records in ["units", "visits", "plans", "tasks", "findings"] {
        let file = book.path(&format!("{records}.csv"));
        std::fs::write(&file, book.ok(&["export", records])).unwrap();
        files.push((records, file));
    }
    for (records, file) in &files {
        copy.ok(&["import", records, file.to_str().unwrap()]);
    }
    for records in ["plans", "tasks", "findings"] {
        let strip = |text: String| -> Vec<Vec<String>> {
            // Local numbers may differ; the rest may not.
            csv_rows(&text)
                .into_iter()
                .map(|mut row| {
                    row.remove(1);
                    row
                })
                .collect()
        };
        assert_eq!(
            strip(copy.ok(&["export", records])),
            strip(book.ok(&["export", records])),
            "{records}"
        );
    }
    for args in [
        ["report", "plan", "5/2022"],
        ["report", "tasks", "5/2022"],
        ["report", "month", "5/2022"],
    ] {
        assert_eq!(csv(&copy, &args), csv(&book, &args), "{args:?}");
    }
    // Importing the same files again changes nothing.
    let before = copy.snapshot();
    for (records, file) in &files {
        copy.ok(&["import", records, file.to_str().unwrap()]);
    }
    copy.assert_unchanged(&before);
}

#[test]
fn merging_brings_plans_and_tasks_once_and_the_later_edit_wins() {
    let leader = planned_logbook();
    let inspector = Logbook::new().now("2022-07-15T09:00");
    leader.ok(&["backup", inspector.db().to_str().unwrap()]);
    // The inspector marks a task done and plans a new unit; the leader
    // extends a deadline earlier.
    leader.run_at(
        "2022-07-15T10:00",
        &["task", "edit", "3", "--due", "30/06/2022"],
    );
    inspector.run_at(
        "2022-07-15T11:00",
        &["task", "done", "3", "--on", "14/07/2022"],
    );
    inspector.ok(&[
        "plan", "set", "tam-dan", "--visits", "1", "--per", "month", "--from", "7/2022",
    ]);
    let merged =
        csv_records(&leader.ok(&["merge", inspector.db().to_str().unwrap(), "--format", "csv"]));
    let tally = |name: &str| {
        let row = merged.iter().find(|r| r["records"] == name).unwrap();
        (
            row["new"].clone(),
            row["updated"].clone(),
            row["conflicts"].clone(),
        )
    };
    assert_eq!(tally("plans"), ("1".into(), "0".into(), "0".into()));
    // Different fields changed on each side: both edits stay, no conflict.
    assert_eq!(tally("tasks"), ("0".into(), "1".into(), "0".into()));
    let task = crate::support::json(&leader.ok(&["task", "show", "3", "--format", "json"]));
    assert_eq!(task["done_on"], "2022-07-14", "the inspector's edit");
    assert_eq!(task["due_on"], "2022-06-30", "the leader's edit");
    // Merging again changes nothing.
    let before = leader.snapshot();
    leader.ok(&["merge", inspector.db().to_str().unwrap()]);
    leader.assert_unchanged(&before);
    assert!(leader.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn status_counts_overdue_tasks_and_offers_the_one_at_the_unit_visited() {
    let book = planned_logbook();
    let status = crate::support::json(&book.ok(&["status", "--format", "json"]));
    assert_eq!(status["overdue_tasks"], 2);
    book.ok(&["visit", "start", "tam-dai"]);
    let status = crate::support::json(&book.ok(&["status", "--format", "json"]));
    let next = status["next"].as_str().unwrap();
    assert!(next.contains("spotcheck unfinished 4"), "{next}");
}

#[test]
fn in_vietnamese_an_overdue_task_is_qua_han_not_an_overdue_file() {
    let book = planned_logbook();
    let listed = book.ok(&["--lang", "vi", "task", "list", "--overdue"]);
    let states: Vec<String> = crate::support::table_rows(&listed)
        .into_iter()
        .map(|row| row[6].clone())
        .collect();
    assert_eq!(states, ["quá hạn", "quá hạn"], "{listed}");
    // Scripts read the same words in either language.
    assert_eq!(
        csv(&book, &["--lang", "vi", "task", "list"]),
        csv(&book, &["task", "list"])
    );
}

#[test]
fn clearing_a_unit_that_follows_the_plan_of_every_unit_says_how_to_spare_it() {
    let book = planned_logbook();
    let before = book.snapshot();
    let said = book.ok(&["plan", "clear", "phu-thinh", "--from", "7/2022"]);
    assert_eq!(
        said,
        "UBND thị trấn Phú Thịnh has no plan of its own covering 2022-07 or later: \
         the plan of every unit applies to it; to spare it, type \
         `spotcheck plan set phu-thinh --visits 0 --per month --from 2022-07`\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn impossible_plans_and_tasks_are_refused_and_change_nothing() {
    let book = planned_logbook();
    let before = book.snapshot();
    let err = book.fails(
        &[
            "plan", "set", "tam-dan", "--visits", "1", "--per", "month", "--from", "6/2022",
            "--to", "3/2022",
        ],
        1,
    );
    assert_eq!(
        err,
        "error: a plan from 2022-06 cannot end earlier, in 2022-03: type a `--to` on or after `--from`\n"
    );
    let err = book.fails(
        &["plan", "set", "tam-dan", "--visits", "1", "--per", "week"],
        2,
    );
    assert!(
        err.contains("[possible values: month, quarter, year]"),
        "{err}"
    );
    let err = book.fails(
        &[
            "task",
            "add",
            "tam-dan",
            "Báo cáo",
            "--assigned",
            "10/04/2022",
            "--due",
            "01/04/2022",
        ],
        1,
    );
    assert_eq!(
        err,
        "error: the deadline 01/04/2022 is before the day the task was assigned, 10/04/2022: \
         dates are day first, as `30/06/2022`\n"
    );
    let err = book.fails(&["task", "done", "1"], 1);
    assert_eq!(
        err,
        "error: task #1 was already done on 28/04/2022; to change the day, type \
         `spotcheck task edit 1 --done DATE`\n"
    );
    let err = book.fails(&["task", "show", "9"], 1);
    assert!(
        err.contains("no task `9`: see `spotcheck task list`"),
        "{err}"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_bad_row_in_a_tasks_file_is_named_by_line_and_column_and_nothing_is_imported() {
    let book = planned_logbook();
    let file = book.path("nhiem-vu.csv");
    std::fs::write(
        &file,
        "unit_code,text,due_on,done_on\n\
         tam-dan,Kiểm tra niêm yết,30/06/2022,\n\
         tam-dan,Báo cáo quý II,31/06/2022,\n",
    )
    .unwrap();
    let before = book.snapshot();
    let err = book.fails(&["import", "tasks", file.to_str().unwrap()], 1);
    assert!(err.contains("nhiem-vu.csv:3: column due_on:"), "{err}");
    book.assert_unchanged(&before);
    // A task finding names its task; without one it is refused.
    let findings = book.path("phat-hien.csv");
    let export = book.ok(&["export", "findings"]);
    let without_task: String = export
        .lines()
        .map(|line| {
            // Up to task_uid and person_uid, the 29th and 30th columns, as
            // the exports before those columns were added.
            let mut cells: Vec<&str> = line.split(',').collect();
            cells.truncate(28);
            cells.join(",") + "\n"
        })
        .collect();
    let copy = Logbook::new().now("2022-07-15T09:00");
    for records in ["units", "visits"] {
        let path = copy.path(&format!("{records}.csv"));
        std::fs::write(&path, book.ok(&["export", records])).unwrap();
        copy.ok(&["import", records, path.to_str().unwrap()]);
    }
    std::fs::write(&findings, without_task).unwrap();
    let err = copy.fails(&["import", "findings", findings.to_str().unwrap()], 1);
    assert!(
        err.contains(":2: column task_uid: a task finding needs the `task_uid` of its task"),
        "{err}"
    );
}

#[test]
fn a_task_found_unfinished_twice_on_one_visit_is_pointed_out() {
    let book = planned_logbook();
    let out = book.run(&["unfinished", "4", "--visit", "5"]);
    assert_eq!(out.code, 0, "{}", out.dump);
    assert!(
        out.stderr.contains(
            "note: #1 already records the same about task #4 on this visit; \
             if this one was logged twice, `spotcheck void 2 --reason \"logged twice\"`"
        ),
        "{}",
        out.stderr
    );
}
