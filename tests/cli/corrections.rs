//! Correcting the logbook: `edit` changes a finding and keeps the old version
//! in the history, `void` takes a finding out of lists with a reason, and
//! `history` shows what happened.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::{INSPECTOR, Logbook, csv_records, json, table_rows};

/// A visit at UBND xã Tam Đại with Nguyễn Văn An late at 08:05 (finding #1).
fn with_late_finding() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book
}

/// `history` (of one finding when `args` names it) as CSV records.
fn history(book: &Logbook, args: &[&str]) -> Vec<BTreeMap<String, String>> {
    let mut args = [&["history"], args].concat();
    args.extend(["--format", "csv"]);
    csv_records(&book.ok(&args))
}

#[test]
fn edit_changes_the_fields_and_the_history_shows_before_after_and_reason() {
    let book = with_late_finding();
    assert_eq!(
        book.ok(&[
            "edit",
            "1",
            "--arrived",
            "8h15",
            "--reason",
            "giờ đến ghi nhầm"
        ]),
        "edited #1 late: arrived_at: 08:05 → 08:15; minutes_late: 35 → 45\n"
    );
    let record = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(record["arrived_at"], "08:15");
    assert_eq!(record["minutes_late"], 45);

    let entries = history(&book, &["1"]);
    let summary: Vec<[&str; 5]> = entries
        .iter()
        .map(|e| {
            [
                e["action"].as_str(),
                e["entity"].as_str(),
                e["number"].as_str(),
                e["changes"].as_str(),
                e["reason"].as_str(),
            ]
        })
        .collect();
    assert_eq!(
        summary,
        [
            ["insert", "finding", "1", "created", ""],
            [
                "edit",
                "finding",
                "1",
                "arrived_at: 08:05 → 08:15; minutes_late: 35 → 45",
                "giờ đến ghi nhầm",
            ],
        ]
    );
    assert!(entries.iter().all(|e| e["by"] == INSPECTOR), "{entries:?}");

    // The terminal table shows the same.
    let table = book.ok(&["history", "1"]);
    let last = table_rows(&table).pop().expect("a history row");
    assert_eq!(
        last[3..],
        [
            "edit",
            "finding",
            "1",
            "arrived_at: 08:05 → 08:15; minutes_late: 35 → 45",
            "giờ đến ghi nhầm"
        ],
        "{table}"
    );
}

#[test]
fn edit_recomputes_the_days_of_an_overdue_file() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["overdue", "HS-1", "--due", "05/05/2022"]);
    assert_eq!(
        book.ok(&[
            "edit",
            "1",
            "--returned",
            "09/05/2022",
            "--reason",
            "trả ngày 9"
        ]),
        "edited #1 overdue: returned_on: – → 09/05/2022; days_overdue: 5 → 4; working_days_overdue: 3 → 2\n"
    );
    let list = book.ok(&["list"]);
    assert_eq!(
        table_rows(&list)[0][5],
        "HS-1: 4 days (2 working)",
        "{list}"
    );
}

#[test]
fn edit_replaces_an_arrival_time_with_minutes() {
    let book = with_late_finding();
    book.ok(&["edit", "1", "--minutes", "50"]);
    let record = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(record["minutes_late"], 50);
    assert_eq!(record["arrived_at"], Value::Null);
}

#[test]
fn edit_changes_the_action_the_note_and_the_person() {
    let book = with_late_finding();
    let output = book.run(&[
        "edit",
        "1",
        "--action",
        "criticised",
        "--note",
        "đã nhắc",
        "--person",
        "Trần Thị Bình",
    ]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        output.stdout,
        "edited #1 late: person: Nguyễn Văn An → Trần Thị Bình; action: – → criticised; note: – → đã nhắc\n"
    );
    assert_eq!(
        output.stderr,
        "added Trần Thị Bình to the staff of UBND xã Tam Đại (person #2)\n"
    );
    let record = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(record["person"], "Trần Thị Bình");
    assert_eq!(record["action"], "criticised");
    assert_eq!(record["note"], "đã nhắc");
}

#[test]
fn the_history_of_a_change_of_person_names_the_people() {
    let book = with_late_finding();
    book.ok(&[
        "edit",
        "1",
        "--person",
        "Trần Thị Bình",
        "--reason",
        "nhầm người",
    ]);
    let entries = history(&book, &["1"]);
    assert_eq!(
        entries.last().map(|e| e["changes"].as_str()),
        Some("person: Nguyễn Văn An → Trần Thị Bình")
    );
}

#[test]
fn edit_with_the_values_a_finding_has_changes_nothing() {
    let book = with_late_finding();
    let before = book.snapshot();
    assert_eq!(
        book.ok(&["edit", "1", "--arrived", "08:05"]),
        "#1 unchanged: the values given are the ones it has\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn edit_with_the_values_a_finding_has_leaves_the_file_alone_on_another_day() {
    let book = with_late_finding();
    let before = book.snapshot();
    let output = book.run_at("2022-05-11T09:00", &["edit", "1", "--arrived", "08:05"]);
    assert_eq!(
        output.stdout, "#1 unchanged: the values given are the ones it has\n",
        "{}",
        output.dump
    );
    book.assert_unchanged(&before);
}

#[test]
fn void_takes_a_finding_out_of_lists_unless_void_ones_are_asked_for() {
    let book = with_late_finding();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    assert_eq!(
        book.ok(&["void", "2", "--reason", "ghi trùng"]),
        "voided #2 absent: work day (ghi trùng)\n"
    );

    let list = book.ok(&["list"]);
    let numbers: Vec<String> = table_rows(&list)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(numbers, ["1"], "{list}");

    let with_void = book.ok(&["list", "--include-void"]);
    let rows = table_rows(&with_void);
    assert_eq!(rows.len(), 2, "{with_void}");
    assert_eq!(rows[1][0], "2");
    assert_eq!(
        rows[1].last().map(String::as_str),
        Some("ghi trùng"),
        "{with_void}"
    );

    let record = json(&book.ok(&["show", "2", "--format", "json"]));
    assert_eq!(record["void_reason"], "ghi trùng");
    assert_eq!(record["voided_at"], "2022-05-10T00:35:00.000Z");

    let visits = csv_records(&book.ok(&["visit", "list", "--format", "csv"]));
    assert_eq!(visits[0]["findings"], "1", "a void finding is not counted");

    let entries = history(&book, &["2"]);
    let last = entries.last().expect("a history entry");
    assert_eq!(
        (last["action"].as_str(), last["reason"].as_str()),
        ("void", "ghi trùng")
    );
}

#[test]
fn a_void_finding_is_neither_voided_again_nor_edited() {
    let book = with_late_finding();
    book.ok(&["void", "1", "--reason", "ghi trùng"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["void", "1", "--reason", "lại"], 1),
        "error: finding #1 is already void (since 2022-05-10T00:35:00.000Z: ghi trùng)\n"
    );
    assert_eq!(
        book.fails(&["edit", "1", "--arrived", "8h10"], 1),
        "error: finding #1 is void and cannot be edited\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn the_history_of_one_finding_leaves_out_every_other_record() {
    let book = with_late_finding();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    book.ok(&["edit", "2", "--meeting", "họp chi bộ"]);
    book.ok(&["edit", "1", "--minutes", "40"]);
    let entries = history(&book, &["#2"]);
    let summary: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["action"].as_str(),
                e["entity"].as_str(),
                e["number"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [("insert", "finding", "2"), ("edit", "finding", "2")]
    );
    assert_eq!(entries[1]["changes"], "meeting: – → họp chi bộ");
}

#[test]
fn the_whole_history_shows_every_record_in_the_order_written() {
    let book = with_late_finding();
    book.ok(&["void", "1", "--reason", "ghi trùng"]);
    let entries = history(&book, &[]);
    let summary: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["action"].as_str(),
                e["entity"].as_str(),
                e["number"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("insert", "unit", "1"),
            ("insert", "visit", "1"),
            ("insert", "person", "1"),
            ("insert", "finding", "1"),
            ("void", "finding", "1"),
        ]
    );
    let seqs: Vec<&str> = entries.iter().map(|e| e["seq"].as_str()).collect();
    assert_eq!(seqs, ["1", "2", "3", "4", "5"]);
}

#[test]
fn history_stamps_are_in_utc() {
    // The clock says 07:35 in Vietnam (UTC+7): 00:35 UTC.
    let book = with_late_finding();
    let entries = history(&book, &["1"]);
    assert_eq!(entries[0]["at"], "2022-05-10T00:35:00.000Z");
    let record = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(record["logged_at"], "2022-05-10T00:35:00.000Z");
}

#[test]
fn the_writer_named_with_by_is_recorded() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["--by", "Phạm Minh Tuấn", "absent", "Đặng Quốc Huy"]);
    let record = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(record["logged_by"], "Phạm Minh Tuấn");
    assert_eq!(history(&book, &["1"])[0]["by"], "Phạm Minh Tuấn");
}

#[test]
fn corrections_are_confirmed_in_vietnamese() {
    let book = with_late_finding();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    assert_eq!(
        book.ok(&["--lang", "vi", "edit", "1", "--arrived", "8h15"]),
        "đã sửa phát hiện #1 (đi muộn): giờ đến: 08:05 → 08:15; số phút đi muộn: 35 → 45\n"
    );
    assert_eq!(
        book.ok(&["--lang", "vi", "edit", "1", "--arrived", "8h15"]),
        "phát hiện #1 không thay đổi: các giá trị đưa ra trùng với giá trị đang có\n"
    );
    let history = book.ok(&["--lang", "vi", "history", "2"]);
    let first = table_rows(&history).remove(0);
    assert_eq!(first[6], "tạo mới", "{history}");
    assert_eq!(
        book.ok(&["--lang", "vi", "list"])
            .lines()
            .last()
            .unwrap_or_default(),
        "2 phát hiện"
    );
}

#[test]
fn a_flag_of_another_kind_is_refused_in_vietnamese() {
    let book = with_late_finding();
    let before = book.snapshot();
    assert_eq!(
        book.fails(
            &["--lang", "vi", "edit", "1", "--meeting", "họp giao ban"],
            2
        ),
        "lỗi: `--meeting` không áp dụng cho phát hiện loại đi muộn (#1)\n"
    );
    assert_eq!(
        book.fails(&["--lang", "vi", "void", "1", "--reason", "  "], 2),
        "lỗi: hãy nêu lý do hủy phát hiện, ví dụ `--reason \"ghi trùng\"`\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_void_finding_is_not_edited_and_the_refusal_is_in_vietnamese() {
    let book = with_late_finding();
    book.ok(&["void", "1", "--reason", "ghi trùng"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["--lang", "vi", "edit", "1", "--arrived", "8h10"], 1),
        "lỗi: phát hiện #1 đã hủy nên không thể sửa\n"
    );
    book.assert_unchanged(&before);
}
