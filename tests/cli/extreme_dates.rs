//! The ends of the calendar: every command at the clock's and the
//! arguments' first and last years ends with a result or a message, never a
//! crash, and a range that ends on 31/12/9999 still holds that day.

use crate::support::{Logbook, csv_rows};

/// A logbook with a unit, a plan, a task and a finding on 31/12/9999, the
/// last day a date can be typed.
fn logbook_at_the_end_of_time() -> Logbook {
    let book = Logbook::new();
    let at = |now: &str, args: &[&str]| {
        let output = book.run_at(now, args);
        assert_eq!(output.code, 0, "{}", output.dump);
    };
    at(
        "9999-12-31T08:00",
        &[
            "unit",
            "add",
            "tam-dai",
            "UBND xã Tam Đại",
            "--kind",
            "commune",
        ],
    );
    at("9999-12-31T08:00", &["visit", "start", "tam-dai"]);
    at(
        "9999-12-31T08:30",
        &["late", "Nguyễn Văn An", "--minutes", "12"],
    );
    at(
        "9999-12-31T08:30",
        &[
            "plan", "set", "tam-dai", "--visits", "2", "--per", "quarter",
        ],
    );
    at(
        "9999-12-31T08:30",
        &[
            "task",
            "add",
            "tam-dai",
            "Nộp báo cáo",
            "--due",
            "9999-12-31",
        ],
    );
    book
}

/// Every command that reads a date or counts from today.
const COMMANDS: &[&[&str]] = &[
    &["status"],
    &["list"],
    &["list", "--month", "this"],
    &["list", "--month", "last"],
    &["list", "--to", "yesterday"],
    &["visit", "list"],
    &["visit", "list", "--month", "last"],
    &["plan", "list"],
    &["task", "list"],
    &["task", "list", "--overdue"],
    &["report", "month"],
    &["report", "month", "last"],
    &["report", "plan"],
    &["report", "tasks"],
    &["report", "repeat"],
    &["report", "repeat", "--months", "120"],
    &["report", "trend"],
    &["export", "findings", "--to", "today"],
    &["late", "Nguyễn Văn An", "--minutes", "1"],
    &["task", "add", "tam-dai", "Nộp hồ sơ", "--due", "yesterday"],
    &["visit", "end"],
    &["visit", "start", "tam-dai", "--at", "now"],
];

/// Date arguments at and past the ends, with the clock in 2022.
const ARGUMENTS: &[&[&str]] = &[
    &["list", "--from", "0001-01-01", "--to", "9999-12-31"],
    &["list", "--from", "0000-01-01"],
    &["list", "--to", "10000-01-01"],
    &["list", "--to=-0001-01-01"],
    &["list", "--month", "0001-01"],
    &["list", "--month", "9999-12"],
    &["list", "--month", "0000-12"],
    &[
        "visit",
        "list",
        "--from",
        "0001-01-01",
        "--to",
        "9999-12-31",
    ],
    &[
        "export",
        "findings",
        "--from",
        "0001-01-01",
        "--to",
        "9999-12-31",
    ],
    &["report", "month", "9999-12"],
    &["report", "month", "0001-01"],
    &["report", "plan", "9999-12"],
    &["report", "tasks", "0001-01"],
    &["report", "trend", "--from", "0001-01", "--to", "9999-12"],
    &["report", "trend", "--to", "9999-12"],
    &["report", "repeat", "--months", "1000000"],
    &[
        "report",
        "repeat",
        "--as-of",
        "0001-01-01",
        "--months",
        "120",
    ],
    &["report", "repeat", "--as-of", "9999-12-31"],
    &["task", "add", "tam-dai", "Nộp hồ sơ", "--due", "0001-01-01"],
    &["task", "add", "tam-dai", "Nộp hồ sơ", "--due", "0000-01-01"],
    &[
        "plan", "set", "tam-dai", "--visits", "1", "--per", "year", "--from", "0001-01", "--to",
        "9999-12",
    ],
    &["visit", "start", "tam-dai", "--at", "9999-12-31 23:59"],
    &["visit", "end", "--at", "0001-01-01 00:00"],
];

fn assert_no_crash(output: &crate::support::Output) {
    assert_ne!(output.code, 101, "{}", output.dump);
    assert!(!output.stderr.contains("panicked"), "{}", output.dump);
    assert!(
        output.code == 0 || output.code == 1 || output.code == 2,
        "{}",
        output.dump
    );
}

#[test]
fn no_command_crashes_at_the_ends_of_the_calendar() {
    let book = logbook_at_the_end_of_time();
    for now in ["0001-01-01T00:00", "9999-12-31T23:59", "0001-01-01T23:59"] {
        for args in COMMANDS {
            assert_no_crash(&book.run_at(now, args));
        }
    }
    for args in ARGUMENTS {
        assert_no_crash(&book.run(args));
    }
}

#[test]
fn a_period_starting_mid_month_runs_past_december_9999() {
    let book = logbook_at_the_end_of_time().config("period_start_day = 15\n");
    for args in COMMANDS {
        assert_no_crash(&book.run_at("9999-12-20T08:00", args));
    }
    let output = book.run_at("9999-12-20T08:00", &["report", "month", "this"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert!(
        output
            .stdout
            .starts_with("Monthly report 10000-01: 15/12/9999 – "),
        "{}",
        output.dump
    );
}

#[test]
fn a_clock_outside_the_calendar_is_refused_by_name() {
    let book = logbook_at_the_end_of_time();
    let before = book.snapshot();
    for now in ["0000-01-01T00:00", "-0001-06-15T08:00"] {
        let output = book.run_at(now, &["status"]);
        assert_eq!(
            (output.code, output.stderr.as_str(), output.stdout.as_str()),
            (
                1,
                format!(
                    "error: SPOTCHECK_NOW `{now}` is outside the calendar: set it to a \
                     date-time from the year 0001 to 9999, as `2022-05-10T08:00`\n"
                )
                .as_str(),
                ""
            ),
            "{}",
            output.dump
        );
        assert_no_crash(&book.run_at(now, &["late", "Nguyễn Văn An", "--minutes", "1"]));
    }
    // The last minute of 9999 here is in the year 10000 in UTC, where
    // records are stamped: no stamp could be stored, exported and read back.
    let output = book.run_with(
        &["late", "Nguyễn Văn An", "--minutes", "1"],
        &[("TZ", "UTC+12"), ("SPOTCHECK_NOW", "9999-12-31T23:59")],
    );
    assert_eq!(
        (output.code, output.stderr.as_str()),
        (
            1,
            "error: SPOTCHECK_NOW `9999-12-31T23:59` is outside the calendar: set it to a \
             date-time from the year 0001 to 9999, as `2022-05-10T08:00`\n"
        ),
        "{}",
        output.dump
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_date_before_the_year_1_is_refused_by_name() {
    let book = logbook_at_the_end_of_time();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["list", "--to", "0000-01-01"], 1),
        "error: `0000-01-01` is outside the calendar: spotcheck keeps dates from the year \
         0001 to 9999\n"
    );
    assert_eq!(
        book.fails(
            &["task", "add", "tam-dai", "Nộp hồ sơ", "--due", "31/12/0000"],
            1
        ),
        "error: `31/12/0000` is outside the calendar: spotcheck keeps dates from the year \
         0001 to 9999\n"
    );
    let output = book.run_at("0001-01-01T08:00", &["list", "--to", "yesterday"]);
    assert_eq!(
        (output.code, output.stderr.as_str()),
        (
            1,
            "error: `yesterday` is outside the calendar: spotcheck keeps dates from the year \
             0001 to 9999\n"
        )
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_range_ending_on_the_last_day_of_9999_holds_that_day() {
    let book = logbook_at_the_end_of_time();
    let findings = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["--format", "csv"];
        full.extend_from_slice(args);
        csv_rows(&book.ok(&full))
            .into_iter()
            .skip(1)
            .map(|row| row[1].clone())
            .collect()
    };
    let one = vec!["1".to_string()];
    assert_eq!(findings(&["list", "--to", "9999-12-31"]), one);
    assert_eq!(
        findings(&["list", "--from", "9999-12-31", "--to", "9999-12-31"]),
        one
    );
    assert_eq!(findings(&["list", "--month", "9999-12"]), one);
    assert_eq!(findings(&["export", "findings", "--to", "9999-12-31"]), one);
    assert_eq!(findings(&["visit", "list", "--to", "9999-12-31"]), one);
    assert_eq!(
        csv_rows(&book.ok(&[
            "--format", "csv", "report", "trend", "--from", "9999-11", "--to", "9999-12"
        ])),
        [
            [
                "unit_code",
                "unit_name",
                "9999-11",
                "9999-12",
                "total",
                "average"
            ],
            ["tam-dai", "UBND xã Tam Đại", "0", "1", "1", "0.5"],
            ["TOTAL", "", "0", "1", "1", "0.5"],
        ]
    );
    let month = csv_rows(&book.ok(&["--format", "csv", "report", "month", "9999-12"]));
    assert_eq!(month[1][..4], ["tam-dai", "UBND xã Tam Đại", "1", "1"]);
}

#[test]
fn a_plan_of_more_visits_than_a_count_holds_does_not_crash_the_reports() {
    let book = Logbook::new();
    for (code, name, per) in [
        ("tam-dai", "UBND xã Tam Đại", "quarter"),
        ("na-tam", "UBND xã Nà Tăm", "month"),
    ] {
        book.ok(&["unit", "add", code, name, "--kind", "commune"]);
        book.ok(&[
            "plan", "set", code, "--visits", "2", "--per", per, "--from", "1/2022",
        ]);
    }
    // As another program, or a logbook from elsewhere, could have written it.
    crate::support::open_logbook(book.db())
        .execute("UPDATE plans SET visits = 9223372036854775807", [])
        .unwrap();
    for args in [
        &["report", "month"][..],
        &["report", "month", "--format", "json"],
        &["report", "plan"],
        &["report", "plan", "6/2022"],
    ] {
        let output = book.run(args);
        assert_eq!(output.code, 0, "{}", output.dump);
    }
}
