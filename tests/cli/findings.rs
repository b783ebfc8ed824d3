//! Each kind of finding with the figure spotcheck computes for it: minutes
//! late from the office hours, days overdue in calendar and working days.

use serde_json::Value;

use crate::support::{Logbook, json, table_rows};

/// A summer schedule as a province sets it: 07:00 and 13:00 from May to September.
const SUMMER: &str = r#"
[summer]
from = "01/05"
to = "30/09"
morning = "07:00"
afternoon = "13:00"
"#;

/// Log a finding with `--format json` and return the record.
fn log(book: &Logbook, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    json(&book.ok(&args))
}

/// Minutes late and the start they count from, for an arrival at the current visit.
fn late(book: &Logbook, person: &str, arrived: &str) -> (i64, String) {
    let finding = log(book, &["late", person, "--arrived", arrived]);
    assert_eq!(
        finding["arrived_at"],
        arrived.replace('h', ":"),
        "{finding}"
    );
    (
        finding["minutes_late"].as_i64().expect("minutes_late"),
        finding["expected_at"]
            .as_str()
            .expect("expected_at")
            .to_string(),
    )
}

/// Calendar and working days overdue of a finding record.
fn days(finding: &Value) -> (i64, i64) {
    (
        finding["days_overdue"].as_i64().expect("days_overdue"),
        finding["working_days_overdue"]
            .as_i64()
            .expect("working_days_overdue"),
    )
}

#[test]
fn a_morning_arrival_counts_from_the_morning_start() {
    let book = Logbook::new();
    book.visit_tam_dai();
    assert_eq!(late(&book, "Nguyễn Văn An", "08:05"), (35, "07:30".into()));
    // Still the morning: a minute before noon counts from 07:30.
    assert_eq!(late(&book, "Trần Thị Bình", "11:59"), (269, "07:30".into()));
}

#[test]
fn an_afternoon_arrival_counts_from_the_afternoon_start() {
    let book = Logbook::new();
    book.visit_tam_dai();
    assert_eq!(late(&book, "Nguyễn Văn An", "13:45"), (15, "13:30".into()));
    let list = book.ok(&["list"]);
    assert_eq!(
        table_rows(&list)[0][5],
        "15 min (arrived 13:45, due 13:30)",
        "{list}"
    );
}

#[test]
fn arriving_at_noon_is_measured_against_the_afternoon_start() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let stderr = book.fails(&["late", "Nguyễn Văn An", "--arrived", "12:00"], 1);
    assert_eq!(
        stderr,
        "error: arrival `12:00` is not after the start `13:30`: not late; \
         if the start was different, give it with `--expected`\n"
    );
}

#[test]
fn the_summer_schedule_of_the_config_file_sets_the_start() {
    let book = Logbook::new().config(SUMMER);
    book.visit_tam_dai();
    assert_eq!(late(&book, "Nguyễn Văn An", "07:20"), (20, "07:00".into()));
    assert_eq!(late(&book, "Trần Thị Bình", "13:15"), (15, "13:00".into()));
}

#[test]
fn the_summer_schedule_ends_on_its_last_day() {
    let book = Logbook::new().config(SUMMER).now("2022-10-03T16:00");
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&["visit", "start", "tam-dai", "--at", "30/09/2022 07:05"]);
    assert_eq!(late(&book, "Nguyễn Văn An", "07:50"), (50, "07:00".into()));
    book.ok(&["visit", "start", "tam-dai", "--at", "03/10/2022 07:05"]);
    assert_eq!(late(&book, "Nguyễn Văn An", "07:50"), (20, "07:30".into()));
}

#[test]
fn the_configured_hours_replace_the_defaults() {
    let book = Logbook::new().config("[hours]\nmorning = \"7h15\"\nafternoon = \"13:45\"\n");
    book.visit_tam_dai();
    assert_eq!(late(&book, "Nguyễn Văn An", "07:20"), (5, "07:15".into()));
    assert_eq!(late(&book, "Trần Thị Bình", "13:50"), (5, "13:45".into()));
}

#[test]
fn a_units_own_start_wins_over_the_configured_hours() {
    let book = Logbook::new().config(SUMMER);
    book.ok(&[
        "unit",
        "add",
        "noi-vu",
        "Phòng Nội vụ huyện Phú Ninh",
        "--kind",
        "office",
        "--start",
        "7:30",
        "--afternoon",
        "14h",
    ]);
    book.ok(&["visit", "start", "noi-vu"]);
    assert_eq!(late(&book, "Nguyễn Văn An", "07:40"), (10, "07:30".into()));
    assert_eq!(late(&book, "Trần Thị Bình", "14:05"), (5, "14:00".into()));
}

#[test]
fn a_unit_edited_back_to_default_uses_the_configured_hours() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "noi-vu", "Phòng Nội vụ", "--start", "8:00"]);
    assert_eq!(
        book.ok(&["unit", "edit", "noi-vu", "--start", "default"]),
        "changed unit noi-vu: Phòng Nội vụ (other, hours default / default)\n"
    );
    book.ok(&["visit", "start", "noi-vu"]);
    assert_eq!(late(&book, "Nguyễn Văn An", "07:40"), (10, "07:30".into()));
}

#[test]
fn expected_sets_the_start_for_one_finding() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let finding = log(
        &book,
        &[
            "late",
            "Nguyễn Văn An",
            "--arrived",
            "8h20",
            "--expected",
            "8:00",
        ],
    );
    assert_eq!(finding["minutes_late"], 20);
    assert_eq!(finding["expected_at"], "08:00");
}

#[test]
fn minutes_given_directly_are_recorded_without_an_arrival_time() {
    let book = Logbook::new();
    book.visit_tam_dai();
    assert_eq!(
        book.ok(&["late", "Nguyễn Văn An", "--minutes", "20"]),
        "logged #1 late: Nguyễn Văn An, UBND xã Tam Đại, 20 min\n"
    );
    let record = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(record["minutes_late"], 20);
    assert_eq!(record["arrived_at"], Value::Null);
    let list = book.ok(&["list"]);
    assert_eq!(table_rows(&list)[0][5], "20 min", "{list}");
}

#[test]
fn overdue_days_skip_the_weekend_in_working_days() {
    // Promised Thursday 05/05/2022, checked Tuesday 10/05/2022.
    let book = Logbook::new();
    book.visit_tam_dai();
    let finding = log(
        &book,
        &[
            "overdue",
            "HS-2022-0012",
            "--due",
            "05/05/2022",
            "--received",
            "20/04/2022",
        ],
    );
    assert_eq!(days(&finding), (5, 3));
    assert_eq!(finding["due_on"], "2022-05-05");
    assert_eq!(finding["received_on"], "2022-04-20");
    assert_eq!(finding["returned_on"], Value::Null);
    let list = book.ok(&["list"]);
    assert_eq!(
        table_rows(&list)[0][5],
        "HS-2022-0012: 5 days (3 working)",
        "{list}"
    );
}

#[test]
fn overdue_working_days_leave_out_a_configured_holiday() {
    // Promised Friday 29/04/2022, checked Tuesday 10/05/2022: 11 calendar days;
    // the working days after it are 2–6 and 9–10 May, 7 of them, or 6 when
    // Monday 02/05/2022 is a holiday.
    let book = Logbook::new();
    book.visit_tam_dai();
    let plain = log(&book, &["overdue", "HS-1", "--due", "29/04/2022"]);
    assert_eq!(days(&plain), (11, 7));

    let book = Logbook::new().config("holidays = [\"2022-05-02\"]\n");
    book.visit_tam_dai();
    let with_holiday = log(&book, &["overdue", "HS-1", "--due", "29/04/2022"]);
    assert_eq!(days(&with_holiday), (11, 6));

    // Written day first, as dates are typed everywhere else.
    let book = Logbook::new().config("holidays = [\"02/05/2022\"]\n");
    book.visit_tam_dai();
    let day_first = log(&book, &["overdue", "HS-1", "--due", "29/04/2022"]);
    assert_eq!(days(&day_first), (11, 6));
}

#[test]
fn overdue_days_run_to_the_return_date_when_the_file_was_returned() {
    let book = Logbook::new();
    book.visit_tam_dai();
    // Promised Thursday 05/05, returned Monday 09/05: Friday and Monday late.
    let finding = log(
        &book,
        &[
            "overdue",
            "HS-7",
            "--due",
            "2022-05-05",
            "--returned",
            "9/5/2022",
        ],
    );
    assert_eq!(days(&finding), (4, 2));
    assert_eq!(finding["returned_on"], "2022-05-09");
    // Promised Friday, returned Monday: three calendar days, one working day.
    let finding = log(
        &book,
        &[
            "overdue",
            "HS-8",
            "--due",
            "06/05/2022",
            "--returned",
            "09/05/2022",
        ],
    );
    assert_eq!(days(&finding), (3, 1));
}

#[test]
fn overdue_days_count_to_the_visit_not_to_the_day_of_logging() {
    // Logged on Thursday 12/05 for a visit made on Tuesday 10/05.
    let book = Logbook::new().now("2022-05-12T16:00");
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&["visit", "start", "tam-dai", "--at", "10/05/2022 07:30"]);
    let finding = log(&book, &["overdue", "HS-1", "--due", "05/05/2022"]);
    assert_eq!(days(&finding), (5, 3));
}

#[test]
fn an_absence_is_from_the_work_day_or_from_a_meeting() {
    let book = Logbook::new();
    book.visit_tam_dai();
    assert_eq!(
        book.ok(&["absent", "Đặng Quốc Huy"]),
        "logged #1 absent: Đặng Quốc Huy, UBND xã Tam Đại\n"
    );
    let meeting = log(
        &book,
        &["absent", "Trần Thị Bình", "--meeting", "giao ban đầu tuần"],
    );
    assert_eq!(meeting["kind"], "absent");
    assert_eq!(meeting["meeting"], "giao ban đầu tuần");
    let list = book.ok(&["list", "--kind", "absent"]);
    let details: Vec<String> = table_rows(&list)
        .into_iter()
        .map(|r| r[5].clone())
        .collect();
    assert_eq!(
        details,
        ["work day", "meeting: giao ban đầu tuần"],
        "{list}"
    );
}

#[test]
fn another_breach_keeps_its_description_category_and_action() {
    let book = Logbook::new();
    book.visit_tam_dai();
    assert_eq!(
        book.ok(&[
            "other",
            "Hút thuốc trong phòng làm việc",
            "--category",
            "Conduct",
            "--action",
            "criticised",
            "--note",
            "lần đầu",
        ]),
        "logged #1 other: Hút thuốc trong phòng làm việc [conduct], UBND xã Tam Đại\n"
    );
    let record = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(record["description"], "Hút thuốc trong phòng làm việc");
    assert_eq!(record["category"], "conduct");
    assert_eq!(record["action"], "criticised");
    assert_eq!(record["note"], "lần đầu");
    assert_eq!(record["person"], Value::Null);
    let list = book.ok(&["list", "--kind", "other"]);
    assert_eq!(table_rows(&list)[0][6], "criticised", "{list}");
}

#[test]
fn the_officer_of_an_overdue_file_joins_the_staff() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let output = book.run(&[
        "overdue",
        "HS-1",
        "--due",
        "05/05/2022",
        "--officer",
        "Hồ Thị Lan",
    ]);
    assert_eq!(
        output.stderr, "added Hồ Thị Lan to the staff of UBND xã Tam Đại (person #1)\n",
        "{}",
        output.dump
    );
    let people = book.ok(&["person", "list"]);
    assert_eq!(
        table_rows(&people),
        [["1", "Hồ Thị Lan", "", "tam-dai", "", ""]],
        "{people}"
    );
}
