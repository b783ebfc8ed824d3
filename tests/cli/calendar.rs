//! The working calendar: the days off and make-up days announced for 2025
//! and 2026, the config's own days and dated seasons, and `recount` after
//! the calendar changed.

use serde_json::Value;

use crate::support::{Logbook, csv_records, json, table_rows};

fn log(book: &Logbook, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    json(&book.ok(&args))
}

/// Calendar and working days of a logged overdue file.
fn days(finding: &Value) -> (i64, i64) {
    (
        finding["days_overdue"].as_i64().expect("days_overdue"),
        finding["working_days_overdue"]
            .as_i64()
            .expect("working_days_overdue"),
    )
}

/// A commune visited on Tuesday 10/03/2026, with `config` as its settings.
fn march_2026(config: &str) -> Logbook {
    let book = Logbook::new().now("2026-03-10T08:00").config(config);
    book.ok(&[
        "unit",
        "add",
        "an-phu",
        "UBND xã An Phú",
        "--kind",
        "commune",
    ]);
    book.ok(&["visit", "start", "an-phu"]);
    book
}

fn rewrite_config(book: &Logbook, config: &str) {
    std::fs::write(book.home().join("config.toml"), config).expect("the config file");
}

#[test]
fn the_saturday_worked_in_january_2026_counts_as_a_working_day() {
    // Promised Friday 09/01/2026, returned Monday 12/01/2026. Saturday 10/01
    // was worked in exchange for Friday 02/01: two working days late.
    let book = march_2026("");
    let file = [
        "overdue",
        "HS-1",
        "--due",
        "09/01/2026",
        "--returned",
        "12/01/2026",
    ];
    assert_eq!(days(&log(&book, &file)), (3, 2));
    // With the built-in days of 2026 replaced, Saturday is a weekend again.
    let book = march_2026("replace_builtin_years = [2026]\n");
    assert_eq!(days(&log(&book, &file)), (3, 1));
    // The day off in exchange: Friday 02/01 is not counted.
    let book = march_2026("");
    let new_year = [
        "overdue",
        "HS-2",
        "--due",
        "31/12/2025",
        "--returned",
        "05/01/2026",
    ];
    // 01/01 and 02/01 off, 03–04/01 the weekend: Monday 05/01 only.
    assert_eq!(days(&log(&book, &new_year)), (5, 1));
}

#[test]
fn an_extra_working_day_in_the_config_is_counted() {
    // Promised Friday 06/03/2026, returned Monday 09/03/2026.
    let file = [
        "overdue",
        "HS-3",
        "--due",
        "06/03/2026",
        "--returned",
        "09/03/2026",
    ];
    let book = march_2026("extra_working_days = [\"2026-03-07\"]\n");
    assert_eq!(days(&log(&book, &file)), (3, 2));
    let book = march_2026("");
    assert_eq!(days(&log(&book, &file)), (3, 1));
    // A day off of the config's own wins over the built-in make-up day.
    let book = march_2026("holidays = [\"10/01/2026\"]\n");
    let january = [
        "overdue",
        "HS-1",
        "--due",
        "09/01/2026",
        "--returned",
        "12/01/2026",
    ];
    assert_eq!(days(&log(&book, &january)), (3, 1));
}

#[test]
fn recount_counts_again_after_the_calendar_changed_and_keeps_the_history() {
    let book = march_2026("");
    book.ok(&[
        "overdue",
        "HS-3",
        "--due",
        "06/03/2026",
        "--returned",
        "09/03/2026",
    ]);
    // A file still counting at the visit, and a task past its deadline.
    book.ok(&["overdue", "HS-4", "--due", "05/03/2026"]);
    book.ok(&[
        "task",
        "add",
        "an-phu",
        "Niêm yết thủ tục hành chính",
        "--due",
        "06/03/2026",
    ]);
    book.ok(&["unfinished", "1"]);
    book.ok(&[
        "overdue",
        "HS-5",
        "--due",
        "06/03/2026",
        "--returned",
        "09/03/2026",
    ]);
    book.ok(&["void", "4", "--reason", "ghi trùng"]);
    let before = book.ok(&["list", "--format", "csv"]);
    let counts = |book: &Logbook| -> Vec<(String, String, String)> {
        csv_records(&book.ok(&["list", "--include-void", "--format", "csv"]))
            .into_iter()
            .map(|r| {
                (
                    r["number"].clone(),
                    r["days_overdue"].clone(),
                    r["working_days_overdue"].clone(),
                )
            })
            .collect()
    };
    let row = |n: &str, d: &str, w: &str| (n.to_string(), d.to_string(), w.to_string());
    assert_eq!(
        counts(&book),
        [
            row("1", "3", "1"),
            row("2", "5", "3"),
            row("3", "4", "2"),
            row("4", "3", "1")
        ]
    );

    // Saturday 07/03 is announced as a working day after the visit.
    rewrite_config(&book, "extra_working_days = [\"2026-03-07\"]\n");
    let snapshot = book.snapshot();
    let dry = book.run(&[
        "recount",
        "--month",
        "3/2026",
        "--dry-run",
        "--format",
        "csv",
    ]);
    assert_eq!(dry.code, 0, "{}", dry.dump);
    assert_eq!(
        dry.stdout,
        "number,kind,unit_code,record,due_on,as_of,days_before,days_after,\
         working_days_before,working_days_after\n\
         1,overdue,an-phu,HS-3,2026-03-06,2026-03-09,3,3,1,2\n\
         2,overdue,an-phu,HS-4,2026-03-05,2026-03-10,5,5,3,4\n\
         3,task,an-phu,Niêm yết thủ tục hành chính,2026-03-06,2026-03-10,4,4,2,3\n"
    );
    assert_eq!(
        dry.stderr,
        "3 findings would change; run again without --dry-run to record them\n"
    );
    book.assert_unchanged(&snapshot);

    let done = book.run(&["recount", "--month", "3/2026"]);
    assert_eq!(done.code, 0, "{}", done.dump);
    assert_eq!(
        done.stderr,
        "recounted 3 findings; their history keeps the counts before\n"
    );
    // The void finding keeps its count: it is out of every report.
    assert_eq!(
        counts(&book),
        [
            row("1", "3", "2"),
            row("2", "5", "4"),
            row("3", "4", "3"),
            row("4", "3", "1")
        ]
    );
    let history = csv_records(&book.ok(&["history", "1", "--format", "csv"]));
    let last = history.last().expect("an entry");
    assert_eq!(last["action"], "edit");
    assert_eq!(last["reason"], "recounted with the calendar in force");
    assert_eq!(last["changes"], "working_days_overdue: 1 → 2");
    assert_ne!(before, book.ok(&["list", "--format", "csv"]));

    // Counted again with nothing changed since: nothing to do.
    let again = book.run(&["recount", "--from", "01/03/2026", "--to", "31/03/2026"]);
    assert_eq!(
        (again.code, again.stdout.as_str(), again.stderr.as_str()),
        (
            0,
            "",
            "every stored count of the period is as the calendar gives it: nothing to change\n"
        )
    );
}

#[test]
fn recount_needs_a_period_and_leaves_the_logbook_as_it_was() {
    let book = march_2026("");
    book.ok(&["overdue", "HS-3", "--due", "06/03/2026"]);
    let snapshot = book.snapshot();
    assert_eq!(
        book.fails(&["recount"], 2),
        "error: name the period to count again: `--month 1/2026`, or `--from 01/01/2026 --to 31/03/2026`\n"
    );
    assert_eq!(
        book.fails(
            &["recount", "--from", "31/03/2026", "--to", "01/03/2026"],
            1
        ),
        "error: `--from 31/03/2026` is after `--to 01/03/2026`: the first day comes first\n"
    );
    book.assert_unchanged(&snapshot);
}

#[test]
fn a_dated_season_sets_the_start_of_the_day() {
    let config = "[[season]]\nfrom = \"15/04/2026\"\nto = \"14/10/2026\"\n\
                  morning = \"07:00\"\nafternoon = \"13:30\"\n";
    let book = Logbook::new().now("2026-04-20T07:20").config(config);
    book.ok(&[
        "unit",
        "add",
        "an-phu",
        "UBND xã An Phú",
        "--kind",
        "commune",
    ]);
    book.ok(&["visit", "start", "an-phu"]);
    let late = log(&book, &["late", "Trần Văn Bình", "--arrived", "7h20"]);
    assert_eq!(late["minutes_late"], 20);
    assert_eq!(late["expected_at"], "07:00");
    book.ok(&["visit", "end"]);
    // After the season, the usual 07:30.
    let book = book.now("2026-10-20T07:40");
    book.ok(&["visit", "start", "an-phu"]);
    let late = log(&book, &["late", "Trần Văn Bình", "--arrived", "7h40"]);
    assert_eq!(late["minutes_late"], 10);
    assert_eq!(late["expected_at"], "07:30");
}

#[test]
fn config_shows_the_built_in_years_and_the_seasons() {
    let book = Logbook::new().config(
        "replace_builtin_years = [2025]\n\
         [[season]]\nfrom = \"2026-04-15\"\nto = \"2026-10-14\"\n\
         morning = \"07:00\"\nafternoon = \"13:30\"\nafternoon_end = \"17:00\"\n",
    );
    let rows = table_rows(&book.ok(&["config"]));
    let find = |key: &str| {
        rows.iter()
            .find(|r| r.first().map(String::as_str) == Some(key))
            .cloned()
            .unwrap_or_else(|| panic!("no row {key}"))
    };
    assert_eq!(
        find("builtin_calendar"),
        ["builtin_calendar", "2026", "config file"]
    );
    assert_eq!(
        find("season"),
        [
            "season",
            "15/04/2026 – 14/10/2026: 07:00–11:30 / 13:30–17:00",
            "config file"
        ]
    );
}
