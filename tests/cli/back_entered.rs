//! Visits entered after the fact: a time alone means a time of the day the
//! visit started, a start or an end cannot be later than the clock allows,
//! and dates are read in the forms people write them.

use crate::support::Logbook;

/// UBND xã Tam Đại with a visit entered a week after it was made, on
/// Monday 02/05/2022 from 07:25; the clock says Tuesday 10/05/2022 07:35.
fn visit_of_last_week() -> Logbook {
    let book = Logbook::new();
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&["visit", "start", "tam-dai", "--at", "02/05/2022 07:25"]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book
}

#[test]
fn a_time_alone_ends_a_visit_entered_later_on_the_day_it_started() {
    let book = visit_of_last_week();
    assert_eq!(
        book.ok(&["visit", "end", "--at", "9h"]),
        "ended visit #1 at UBND xã Tam Đại, 02/05/2022 07:25–09:00, 1 finding\n"
    );
}

#[test]
fn a_visit_past_midnight_ends_on_the_next_day() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&["visit", "start", "tam-dai", "--at", "04/05/2022 23:50"]);
    assert_eq!(
        book.ok(&["visit", "end", "--at", "00:30"]),
        "ended visit #1 at UBND xã Tam Đại, 04/05/2022 23:50 – 05/05/2022 00:30, 0 findings\n"
    );
}

#[test]
fn an_end_before_the_start_is_refused_with_both_times() {
    let book = visit_of_last_week();
    let before = book.snapshot();
    // Too far back to be a visit past midnight: a slip for 9h or 17h.
    assert_eq!(
        book.fails(&["visit", "end", "--at", "7h"], 1),
        "error: the end `02/05/2022 07:00` is before the visit started (02/05/2022 07:25): \
         give the end with `--at`\n"
    );
    assert_eq!(
        book.fails(&["visit", "end", "--at", "01/05/2022 10:00"], 1),
        "error: the end `01/05/2022 10:00` is before the visit started (02/05/2022 07:25): \
         give the end with `--at`\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn ending_an_earlier_days_visit_needs_its_end() {
    let book = visit_of_last_week();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["visit", "end"], 1),
        "error: visit #1 started on 02/05/2022, not today: give the time it ended, \
         as `spotcheck visit end --visit 1 --at 11h30` (a time alone is on 02/05/2022)\n"
    );
    book.assert_unchanged(&before);
    // Today's visit still ends now without being told.
    book.ok(&["visit", "start", "tam-dai", "--at", "10/05/2022 07:30"]);
    assert_eq!(
        book.ok(&["visit", "end"]),
        "ended visit #2 at UBND xã Tam Đại, 10/05/2022 07:30–07:35, 0 findings\n"
    );
}

#[test]
fn an_end_on_a_day_after_today_is_refused() {
    let book = visit_of_last_week();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["visit", "end", "--at", "11/05/2022 09:00"], 1),
        "error: the visit cannot end at 11/05/2022 09:00: that is after today (10/05/2022); \
         end it once it is over\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_start_after_now_is_refused_with_its_date() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(
            &["visit", "start", "tam-dai", "--at", "12/05/2022 07:30"],
            1
        ),
        "error: the visit cannot start at 12/05/2022 07:30: that is after now (10/05/2022 07:35); \
         a visit is entered once it has begun, so check the day, month and year\n"
    );
    assert_eq!(
        book.fails(&["visit", "start", "tam-dai", "--at", "7h40"], 1),
        "error: the visit cannot start at 10/05/2022 07:40: that is after now (10/05/2022 07:35); \
         a visit is entered once it has begun, so check the day, month and year\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn dates_are_read_as_they_are_written_here() {
    let book = Logbook::new().now("2026-12-01T10:00");
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    for (typed, shown) in [
        ("6/10 7:05", "06/10/2026 07:05"),
        ("06/10/2026 7h05", "06/10/2026 07:05"),
        ("06-10-2026 7h05", "06/10/2026 07:05"),
        ("7-10-2026 13:30", "07/10/2026 13:30"),
    ] {
        let started = book.ok(&["visit", "start", "tam-dai", "--at", typed]);
        assert!(
            started.contains(&format!(", {shown} (unannounced)")),
            "{typed}: {started}"
        );
        book.ok(&["visit", "end", "--at", "14h"]);
    }
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["visit", "start", "tam-dai", "--at", "06-10-2026"], 1),
        "error: `06-10-2026` has no time: type a date and a time, as in `06-10-2026 07:45`\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_file_cannot_be_received_or_returned_after_today() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let before = book.snapshot();
    assert_eq!(
        book.fails(
            &[
                "overdue",
                "HS-0012",
                "--due",
                "05/05/2022",
                "--returned",
                "11/05/2022"
            ],
            1
        ),
        "error: `--returned 11/05/2022` is after today (10/05/2022): \
         a date that has not come yet cannot be recorded\n"
    );
    assert_eq!(
        book.fails(
            &[
                "overdue",
                "HS-0012",
                "--due",
                "20/05/2022",
                "--received",
                "12/5"
            ],
            1
        ),
        "error: `--received 12/05/2022` is after today (10/05/2022): \
         a date that has not come yet cannot be recorded\n"
    );
    book.assert_unchanged(&before);
    // Nor can a correction date the return ahead.
    book.ok(&[
        "overdue",
        "HS-0013",
        "--due",
        "03/05/2022",
        "--received",
        "2/5",
    ]);
    let stderr = book.fails(&["edit", "1", "--returned", "11/5"], 1);
    assert_eq!(
        stderr,
        "error: `--returned 11/05/2022` is after today (10/05/2022): \
         a date that has not come yet cannot be recorded\n"
    );
}
