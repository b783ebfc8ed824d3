//! `visit edit` and `visit void`: a visit corrected, or voided as started by
//! mistake with its findings, each change kept in the history.

use crate::support::{Logbook, csv_rows};

/// Two visits in May 2022 under a plan of one visit a month for every
/// unit: #1 at UBND xã Tam Đại on Monday 02/05 (findings #1 and #2), #2 at
/// Phòng Nội vụ on Monday 09/05 (finding #3).
fn two_visits() -> Logbook {
    let book = Logbook::new();
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&["unit", "add", "noi-vu", "Phòng Nội vụ"]);
    book.ok(&["plan", "set", "all", "--visits", "1", "--per", "month"]);
    book.ok(&[
        "visit",
        "start",
        "tam-dai",
        "--at",
        "02/05/2022 07:25",
        "--team",
        "Lê Thị Hoa",
    ]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book.ok(&["absent", "Trần Thị Bình"]);
    book.ok(&["visit", "end", "--at", "9h"]);
    book.ok(&["visit", "start", "noi-vu", "--at", "09/05/2022 14:00"]);
    book.ok(&["absent", "Hồ Thị Lan"]);
    book
}

/// The history as (action, record, reason), oldest first.
fn history(book: &Logbook) -> Vec<Vec<String>> {
    let csv = book.ok(&[
        "sql",
        "SELECT action, entity, reason FROM history_v ORDER BY seq",
        "--format",
        "csv",
    ]);
    csv_rows(&csv).into_iter().skip(1).collect()
}

fn entry(action: &str, record: &str, reason: &str) -> Vec<String> {
    vec![action.to_string(), record.to_string(), reason.to_string()]
}

#[test]
fn an_edit_says_what_changed_and_keeps_one_history_entry() {
    let book = two_visits();
    let entries = history(&book).len();
    assert_eq!(
        book.ok(&[
            "visit",
            "edit",
            "1",
            "--start",
            "7h15",
            "--end",
            "9h30",
            "--team",
            "Lê Thị Hoa,Phạm Minh Tuấn",
            "--announced",
            "--on-roll",
            "12",
            "--present",
            "11",
            "--note",
            "biên bản số 12",
            "--reason",
            "theo biên bản",
        ]),
        "edited visit #1: start 02/05/2022 07:25 → 07:15; end 02/05/2022 09:00 → 09:30; \
         kind unannounced → announced; team Lê Thị Hoa → Lê Thị Hoa, Phạm Minh Tuấn; \
         on_roll – → 12; present – → 11; note – → biên bản số 12\n"
    );
    let after = history(&book);
    assert_eq!(after.len(), entries + 1);
    assert_eq!(after[entries], entry("edit", "visit", "theo biên bản"));

    // An empty text clears a field; the same values again change nothing.
    assert_eq!(
        book.ok(&["visit", "edit", "1", "--team", "", "--note", ""]),
        "edited visit #1: team Lê Thị Hoa, Phạm Minh Tuấn → –; note biên bản số 12 → –\n"
    );
    // Each field by the name its column has in the reader's language.
    assert_eq!(
        book.ok(&[
            "--lang",
            "vi",
            "visit",
            "edit",
            "1",
            "--present",
            "10",
            "--files-checked",
            "6"
        ]),
        "đã sửa lượt kiểm tra #1: có mặt 11 → 10; số hồ sơ được kiểm tra – → 6\n"
    );
    assert_eq!(
        book.ok(&["visit", "edit", "1", "--files-checked", "7"]),
        "edited visit #1: files_checked 6 → 7\n"
    );
    let before = book.snapshot();
    assert_eq!(
        book.ok(&["visit", "edit", "1", "--start", "7h15", "--announced"]),
        "visit #1 unchanged: the values given are the ones it has\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn an_edit_is_checked_as_a_start_and_an_end_are() {
    let book = two_visits();
    book.ok(&["visit", "edit", "1", "--on-roll", "12"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["visit", "edit", "1", "--present", "13"], 1),
        "error: `--present 13` is more than `--on-roll 12`: check the two counts\n"
    );
    assert_eq!(
        book.fails(&["visit", "edit", "1", "--end", "7h"], 1),
        "error: the end 02/05/2022 07:00 would be before the start 02/05/2022 07:25: \
         correct `--start` or `--end`\n"
    );
    assert_eq!(
        book.fails(&["visit", "edit", "1", "--start", "9h10"], 1),
        "error: the end 02/05/2022 09:00 would be before the start 02/05/2022 09:10: \
         correct `--start` or `--end`\n"
    );
    assert_eq!(
        book.fails(&["visit", "edit", "2", "--start", "10/05/2022 7h40"], 1),
        "error: the visit cannot start at 10/05/2022 07:40: that is after now (10/05/2022 07:35); \
         a visit is entered once it has begun, so check the day, month and year\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_visit_with_findings_keeps_its_day() {
    let book = two_visits();
    let before = book.snapshot();
    // Overdue days and a unit's hours count from the day of the visit.
    assert_eq!(
        book.fails(&["visit", "edit", "1", "--start", "03/05/2022 7h25"], 1),
        "error: visit #1 has 2 findings counted from its day, 02/05/2022: its start can change \
         within that day only; if the visit was on another day, void it with \
         `spotcheck visit void 1 --reason \"…\"` and enter it again with \
         `spotcheck visit start UNIT --at \"DATE TIME\"`\n"
    );
    book.assert_unchanged(&before);
    // Without findings, it moves.
    book.ok(&["visit", "start", "tam-dai", "--at", "10/05/2022 07:00"]);
    assert_eq!(
        book.ok(&["visit", "edit", "3", "--start", "06/05/2022 14:00"]),
        "edited visit #3: start 10/05/2022 07:00 → 06/05/2022 14:00\n"
    );
}

#[test]
fn a_void_takes_the_visit_and_its_findings_out_of_lists_and_reports() {
    let book = two_visits();
    let entries = history(&book).len();
    assert_eq!(
        book.ok(&["report", "month", "5/2022", "--format", "csv"]),
        "unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,\
         other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,\
         files_checked,overdue_rate\n\
         noi-vu,Phòng Nội vụ,1,0,0,1,0,0,0,1,0,1,0,0,0,0,\n\
         tam-dai,UBND xã Tam Đại,1,1,35,1,0,0,0,2,0,1,0,0,0,0,\n\
         TOTAL,,2,1,35,2,0,0,0,3,0,2,0,0,0,0,\n"
    );

    assert_eq!(
        book.ok(&["visit", "void", "2", "--reason", "nhầm đơn vị"]),
        "voided visit #2 at Phòng Nội vụ, 09/05/2022 14:00, and its 1 finding (nhầm đơn vị); \
         a void is final: to record the visit after all, enter it again with \
         `spotcheck visit start --at`\n"
    );
    assert_eq!(
        history(&book)[entries..],
        [
            entry("void", "visit", "nhầm đơn vị"),
            entry("void", "finding", "nhầm đơn vị"),
        ]
    );

    assert_eq!(
        book.ok(&["report", "month", "5/2022", "--format", "csv"]),
        "unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,\
         other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,\
         files_checked,overdue_rate\n\
         noi-vu,Phòng Nội vụ,0,0,0,0,0,0,0,0,0,1,0,0,0,0,\n\
         tam-dai,UBND xã Tam Đại,1,1,35,1,0,0,0,2,0,1,0,0,0,0,\n\
         TOTAL,,1,1,35,1,0,0,0,2,0,2,0,0,0,0,\n"
    );
    let plan = book.ok(&["report", "plan", "5/2022", "--format", "csv"]);
    assert!(
        plan.contains("noi-vu,Phòng Nội vụ,month,2022-05-01,2022-05-31,1,0,1,0,\n"),
        "{plan}"
    );
    assert!(
        plan.contains(
            "tam-dai,UBND xã Tam Đại,month,2022-05-01,2022-05-31,1,1,0,1,2022-05-02 07:25\n"
        ),
        "{plan}"
    );

    let listed = book.ok(&["visit", "list", "--format", "csv"]);
    let numbers: Vec<String> = csv_rows(&listed)
        .into_iter()
        .skip(1)
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(numbers, ["1"]);
    let all = book.ok(&["visit", "list", "--include-void", "--format", "csv"]);
    let rows = csv_rows(&all);
    assert_eq!(rows[0][13..], ["voided_at", "void_reason", "files_checked"]);
    assert_eq!(rows[2][1], "2");
    assert_eq!(
        rows[2][13..],
        ["2022-05-10T00:35:00.000Z", "nhầm đơn vị", ""]
    );
    assert_eq!(
        book.ok(&["list", "--format", "csv"]).lines().count(),
        3,
        "findings #1 and #2 are left"
    );
    let shown = book.ok(&["visit", "show", "2", "--format", "json"]);
    assert!(
        shown.contains("\"void_reason\": \"nhầm đơn vị\""),
        "{shown}"
    );
}

#[test]
fn a_voided_visit_is_not_current_and_takes_nothing_more() {
    let book = two_visits();
    book.ok(&["visit", "void", "2", "--reason", "nhầm đơn vị"]);
    let before = book.snapshot();
    let refusal = "error: visit #2 is void (since 2022-05-10T00:35:00.000Z: nhầm đơn vị): \
                   it cannot be changed or logged to; a void is final, so enter the visit \
                   again with `spotcheck visit start UNIT --at \"DATE TIME\"`\n";
    assert_eq!(
        book.fails(&["absent", "Lê Văn Hữu"], 1),
        "error: no current visit: start one with `spotcheck visit start UNIT`, \
         or name one with `--visit ID`\n"
    );
    assert_eq!(
        book.fails(&["absent", "Lê Văn Hữu", "--visit", "2"], 1),
        refusal
    );
    assert_eq!(
        book.fails(&["visit", "edit", "2", "--note", "x"], 1),
        refusal
    );
    assert_eq!(
        book.fails(&["visit", "end", "--visit", "2", "--at", "15h"], 1),
        refusal
    );
    assert_eq!(
        book.fails(&["visit", "void", "2", "--reason", "again"], 1),
        refusal
    );
    book.assert_unchanged(&before);
}
