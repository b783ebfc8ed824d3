//! What import must refuse even in the logbook's own export: a row that would
//! change a finding's kind or a void finding, and figures or text beyond the
//! limits the command line has. And what it must keep: whatever can be typed
//! comes back through export and import unchanged.

use std::path::{Path, PathBuf};

use crate::support::{Logbook, csv_records};

/// The record kinds in the order an import into a fresh logbook needs them.
const RECORDS: [&str; 4] = ["units", "people", "visits", "findings"];

/// A logbook with one visit to UBND xã Tam Đại and one late finding, #1.
fn book_with_a_late_finding() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "35"]);
    book
}

/// The findings export with `change` applied to each row's cells.
fn edited_export(book: &Logbook, name: &str, change: impl Fn(&mut Vec<String>)) -> PathBuf {
    let text = book.ok(&["export", "findings"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let file = book.path(name);
    let mut writer = csv::Writer::from_path(&file).unwrap();
    writer.write_record(&header).unwrap();
    for record in reader.records() {
        let mut cells: Vec<String> = record.unwrap().iter().map(String::from).collect();
        change(&mut cells);
        writer.write_record(&cells).unwrap();
    }
    writer.flush().unwrap();
    file
}

/// The index of a column of the findings export.
fn column(name: &str) -> usize {
    crate::support::FINDINGS_HEADER
        .split(',')
        .position(|c| c == name)
        .unwrap()
}

/// Import `file` as findings: refused with exactly `message` after the
/// file's name, and the logbook unchanged.
fn refused(book: &Logbook, file: &Path, message: &str) {
    let before = book.snapshot();
    let stderr = book.fails(&["import", "findings", file.to_str().unwrap()], 1);
    assert_eq!(stderr, format!("error: {}:{message}\n", file.display()));
    book.assert_unchanged(&before);
}

/// Every export of `book`, imported in order into a fresh logbook; the fresh
/// logbook.
fn copied_into_a_fresh_logbook(book: &Logbook) -> Logbook {
    let fresh = Logbook::new();
    for records in RECORDS {
        let file = fresh.path(&format!("{records}.csv"));
        std::fs::write(&file, book.ok(&["export", records])).unwrap();
        fresh.ok(&["import", records, file.to_str().unwrap()]);
    }
    fresh
}

fn assert_same_exports(book: &Logbook, other: &Logbook) {
    for records in RECORDS {
        assert_eq!(
            other.ok(&["export", records]),
            book.ok(&["export", records]),
            "`export {records}` changed on the way through another logbook"
        );
    }
}

#[test]
fn an_import_cannot_change_the_kind_of_a_finding() {
    let book = book_with_a_late_finding();
    // The late finding's own row, said to be `other`: it used to keep `late`
    // but lose its person and minutes.
    let file = edited_export(&book, "other.csv", |cells| {
        cells[column("kind")] = "other".into();
        cells[column("description")] = "rời vị trí làm việc".into();
    });
    refused(
        &book,
        &file,
        "2: column kind: finding #1 with this uid is `late`, not `other`: the kind of a finding \
         never changes; log the `other` finding as a new one and void #1 if it was wrong",
    );
    // What was there is still whole, and its export still imports.
    let rows = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(rows[0]["kind"], "late");
    assert_eq!(rows[0]["person"], "Nguyễn Văn An");
    assert_eq!(rows[0]["minutes_late"], "35");
    let same = edited_export(&book, "same.csv", |_| {});
    book.ok(&["import", "findings", same.to_str().unwrap()]);
}

#[test]
fn an_import_cannot_change_a_void_finding() {
    let book = book_with_a_late_finding();
    book.ok(&["void", "1", "--reason", "ghi nhầm người"]);
    let file = edited_export(&book, "void.csv", |cells| {
        cells[column("note")] = "đã nhắc nhở".into();
    });
    refused(
        &book,
        &file,
        "2: column note: finding #1 is void and cannot be changed: give this column the value \
         it has in the logbook (`spotcheck show 1`)",
    );
    let file = edited_export(&book, "void-minutes.csv", |cells| {
        cells[column("minutes_late")] = "40".into();
    });
    refused(
        &book,
        &file,
        "2: column minutes_late: finding #1 is void and cannot be changed: give this column the \
         value it has in the logbook (`spotcheck show 1`)",
    );
}

#[test]
fn a_void_finding_still_round_trips() {
    let book = book_with_a_late_finding();
    book.ok(&["absent", "Trần Thị Bình"]);
    book.ok(&["void", "1", "--reason", "ghi nhầm người"]);

    // Into the same logbook: nothing to change.
    let file = book.path("findings.csv");
    std::fs::write(&file, book.ok(&["export", "findings"])).unwrap();
    let before = book.snapshot();
    assert_eq!(
        book.ok(&["import", "findings", file.to_str().unwrap()]),
        format!(
            "nothing to change: all 2 findings in {} are already in the logbook\n",
            file.display()
        )
    );
    book.assert_unchanged(&before);

    // Into a fresh logbook: the same records, the void one still void.
    let fresh = copied_into_a_fresh_logbook(&book);
    assert_same_exports(&book, &fresh);
    let rows = csv_records(&fresh.ok(&["export", "findings"]));
    assert_eq!(rows[0]["void_reason"], "ghi nhầm người");
}

#[test]
fn minutes_late_have_one_limit_typed_or_imported() {
    let book = book_with_a_late_finding();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["late", "Trần Thị Bình", "--minutes", "1441"], 1),
        "error: `--minutes 1441` is out of range: it goes from 1 to 1440\n"
    );
    assert_eq!(
        book.fails(&["edit", "1", "--minutes", "5000"], 1),
        "error: `--minutes 5000` is out of range: it goes from 1 to 1440\n"
    );
    book.assert_unchanged(&before);
    for minutes in ["1441", "9223372036854775807"] {
        let file = edited_export(&book, "minutes.csv", |cells| {
            cells[column("minutes_late")] = minutes.into();
        });
        refused(
            &book,
            &file,
            &format!("2: column minutes_late: `{minutes}` must be at most 1440"),
        );
    }
    // The most that can be typed is what an import takes.
    book.ok(&["late", "Trần Thị Bình", "--minutes", "1440"]);
    let fresh = copied_into_a_fresh_logbook(&book);
    assert_same_exports(&book, &fresh);
}

#[test]
fn staff_counts_and_planned_visits_have_one_limit_typed_or_imported() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["visit", "start", "tam-dai", "--on-roll", "4000000000"], 1),
        "error: `--on-roll 4000000000` is out of range: it goes from 0 to 100000\n"
    );
    assert_eq!(
        book.fails(
            &[
                "plan", "set", "tam-dai", "--visits", "4000000", "--per", "month"
            ],
            1
        ),
        "error: `--visits 4000000` is out of range: it goes from 0 to 10000\n"
    );
    book.assert_unchanged(&before);
    book.ok(&["visit", "start", "tam-dai", "--on-roll", "100000"]);
    let visits = book.ok(&["export", "visits"]);
    let file = book.path("visits.csv");
    std::fs::write(&file, visits.replace(",100000,", ",100001,")).unwrap();
    let before = book.snapshot();
    let stderr = book.fails(&["import", "visits", file.to_str().unwrap()], 1);
    assert_eq!(
        stderr,
        format!(
            "error: {}:2: column on_roll: `100001` must be at most 100000\n",
            file.display()
        )
    );
    book.assert_unchanged(&before);
}

#[test]
fn the_longest_note_that_can_be_typed_comes_back_and_one_byte_more_is_refused_both_ways() {
    let book = Logbook::new();
    book.visit_tam_dai();
    // 65,536 bytes: Vietnamese letters of two and three bytes, and a start
    // that export guards with a `'`, so the cell is one byte longer still.
    let longest = format!("-{}{}", "ghi chú dài ".repeat(4680), "x".repeat(15));
    assert_eq!(longest.len(), 65_536);
    book.ok(&["absent", "Nguyễn Văn An", "--note", &longest]);
    let fresh = copied_into_a_fresh_logbook(&book);
    assert_same_exports(&book, &fresh);
    let rows = csv_records(&fresh.ok(&["export", "findings"]));
    assert_eq!(rows[0]["note"], format!("'{longest}"));

    let too_long = format!("{longest}z");
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["absent", "Trần Thị Bình", "--note", &too_long], 1),
        "error: `--note` holds 65537 bytes; text may hold up to 65536 bytes (64 KB): shorten it\n"
    );
    assert_eq!(
        book.fails(&["edit", "1", "--note", &too_long], 1),
        "error: `--note` holds 65537 bytes; text may hold up to 65536 bytes (64 KB): shorten it\n"
    );
    book.assert_unchanged(&before);
    // The same note one byte longer, without the guard: refused on import.
    let file = edited_export(&book, "long.csv", |cells| {
        cells[column("note")] = format!("x{longest}");
    });
    refused(
        &book,
        &file,
        "2: column note: holds 65537 bytes; text may hold up to 65536 bytes (64 KB): shorten it",
    );
}

#[test]
fn an_import_cannot_change_a_void_task_but_brings_it_back_unchanged() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&[
        "task",
        "add",
        "tam-dai",
        "Niêm yết công khai thủ tục hành chính",
        "--due",
        "30/06/2022",
    ]);
    book.ok(&["task", "void", "1", "--reason", "giao nhầm đơn vị"]);
    let tasks = book.ok(&["export", "tasks"]);
    let same = book.path("tasks.csv");
    std::fs::write(&same, &tasks).unwrap();
    let changed = book.path("changed.csv");
    std::fs::write(&changed, tasks.replace("2022-06-30", "2022-07-15")).unwrap();
    assert_ne!(
        std::fs::read(&same).unwrap(),
        std::fs::read(&changed).unwrap()
    );
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["import", "tasks", changed.to_str().unwrap()], 1),
        format!(
            "error: {}:2: column due_on: task #1 is void and cannot be changed: give this column \
             the value it has in the logbook (`spotcheck task show 1`)\n",
            changed.display()
        )
    );
    assert_eq!(
        book.ok(&["import", "tasks", same.to_str().unwrap()]),
        format!(
            "nothing to change: all 1 tasks in {} are already in the logbook\n",
            same.display()
        )
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_file_promised_long_ago_exports_and_imports_again() {
    let book = book_with_a_late_finding();
    book.ok(&["overdue", "HS-1900-0001", "--due", "01/01/1900"]);
    book.ok(&["overdue", "HS-0001-0001", "--due", "01/01/0001"]);
    let rows = csv_records(&book.ok(&["export", "findings"]));
    // The visit is on 10/05/2022.
    assert_eq!(rows[1]["days_overdue"], "44689");
    assert_eq!(rows[2]["days_overdue"], "738284");
    let fresh = copied_into_a_fresh_logbook(&book);
    assert_same_exports(&book, &fresh);
    // The limit is the span of the calendar, not a figure of its own.
    let file = edited_export(&book, "days.csv", |cells| {
        if cells[column("kind")] == "overdue" {
            cells[column("days_overdue")] = "3652059".into();
        }
    });
    refused(
        &book,
        &file,
        "3: column days_overdue: `3652059` must be at most 3652058",
    );
}

#[test]
fn working_days_overdue_are_never_more_than_calendar_days() {
    let book = book_with_a_late_finding();
    book.ok(&["overdue", "HS-2022-0012", "--due", "02/05/2022"]);
    let file = edited_export(&book, "working.csv", |cells| {
        if cells[column("kind")] == "overdue" {
            cells[column("working_days_overdue")] = "9".into();
        }
    });
    refused(
        &book,
        &file,
        "3: column working_days_overdue: 9 working days overdue is more than the 8 calendar \
         days overdue: working days are counted among the calendar days, so give at most 8",
    );
}

#[test]
fn an_import_takes_only_the_fields_of_the_rows_kind() {
    let book = book_with_a_late_finding();
    // The late finding's own row, given a file's reference.
    let file = edited_export(&book, "file-ref.csv", |cells| {
        cells[column("file_ref")] = "HS-2022-0012".into();
    });
    refused(
        &book,
        &file,
        "2: column file_ref: applies only to findings of kind `overdue`, and this one is \
         `late`: leave it empty",
    );
    // A new late row with a description, which only `other` and `task` hold.
    let file = edited_export(&book, "description.csv", |cells| {
        cells[column("uid")] = String::new();
        cells[column("description")] = "ra ngoài không xin phép".into();
    });
    refused(
        &book,
        &file,
        "2: column description: applies only to findings of kind `absent`, `other`, `task`, and \
         this one is `late`: leave it empty",
    );
    // `edit` follows the same list: a late finding has no file.
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["edit", "1", "--file-ref", "HS-2022-0012"], 2),
        "error: `--file-ref` does not apply to a late finding (#1)\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn an_import_cannot_move_a_visit_to_another_unit() {
    let book = book_with_a_late_finding();
    book.ok(&["unit", "add", "dong-son", "UBND xã Đông Sơn"]);
    let visits = book.ok(&["export", "visits"]);
    let file = book.path("visits.csv");
    std::fs::write(&file, visits.replace(",tam-dai,", ",dong-son,")).unwrap();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["import", "visits", file.to_str().unwrap()], 1),
        format!(
            "error: {}:2: column unit_code: visit #1 with this uid was made at UBND xã Tam Đại \
             (`tam-dai`), and a visit never moves to another unit: give `tam-dai` here, or log \
             the visit at the other unit as a new one\n",
            file.display()
        )
    );
    book.assert_unchanged(&before);
}

#[test]
fn an_import_cannot_change_how_a_finding_was_voided() {
    let book = book_with_a_late_finding();
    book.ok(&["void", "1", "--reason", "ghi nhầm người"]);
    let voided_at = csv_records(&book.ok(&["export", "findings"]))[0]["voided_at"].clone();
    let file = edited_export(&book, "reason.csv", |cells| {
        cells[column("void_reason")] = "ghi trùng".into();
    });
    let message = format!(
        "this record was voided at {voided_at} because “ghi nhầm người”, and a void never \
         changes: give this column the value it has in the logbook, or leave `voided_at` and \
         `void_reason` both empty"
    );
    refused(&book, &file, &format!("2: column void_reason: {message}"));
    let file = edited_export(&book, "at.csv", |cells| {
        cells[column("voided_at")] = "2022-05-11T08:00:00+07:00".into();
    });
    refused(&book, &file, &format!("2: column voided_at: {message}"));
    // A row from before the void leaves it as it is.
    let file = edited_export(&book, "before.csv", |cells| {
        cells[column("voided_at")] = String::new();
        cells[column("void_reason")] = String::new();
    });
    book.ok(&["import", "findings", file.to_str().unwrap()]);
    let rows = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(rows[0]["void_reason"], "ghi nhầm người");
}

#[test]
fn line_numbers_count_windows_line_ends_as_editors_do() {
    let book = book_with_a_late_finding();
    book.ok(&["absent", "Trần Thị Bình", "--note", "họp\ngiao ban"]);
    book.ok(&["absent", "Lê Văn Cường"]);
    // Written on Windows: every line ends in CR LF, the note's too, so the
    // second finding takes lines 3 and 4 and the third is on line 5.
    let file = edited_export(&book, "crlf.csv", |cells| {
        if cells[column("person")] == "Lê Văn Cường" {
            cells[column("minutes_late")] = "12".into();
        }
    });
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("họp\ngiao ban"));
    std::fs::write(&file, text.replace('\n', "\r\n")).unwrap();
    refused(
        &book,
        &file,
        "5: column minutes_late: applies only to findings of kind `late`, and this one is \
         `absent`: leave it empty",
    );
}

#[test]
fn ctrl_c_stops_an_import_at_its_next_row_and_rolls_it_back() {
    let book = book_with_a_late_finding();
    let visit_uid = csv_records(&book.ok(&["export", "findings"]))[0]["visit_uid"].clone();
    let mut csv = String::from("visit_uid,kind,description\n");
    for n in 0..400_000 {
        csv.push_str(&format!(
            "{visit_uid},other,Sổ theo dõi hồ sơ số {n} chưa ghi ngày trả\n"
        ));
    }
    let file = book.path("many.csv");
    std::fs::write(&file, csv).unwrap();
    let before = book.snapshot();
    let child = book
        .command(&["import", "findings", file.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the import is writing: its rows go to the -wal.
    let mut db_wal = book.db().as_os_str().to_os_string();
    db_wal.push("-wal");
    let started = std::time::Instant::now();
    while !Path::new(&db_wal).exists() && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    // Rolled back and closed as usual, not cut off in the middle: no -wal
    // or -shm is left behind, and the logbook is as it was.
    book.assert_unchanged(&before);
}

#[test]
fn an_import_works_out_figures_by_the_rules_typing_follows() {
    let book = Logbook::new();
    // Phòng Nội vụ starts at 08:00, not at the configured 07:30.
    book.ok(&[
        "unit",
        "add",
        "noi-vu",
        "Phòng Nội vụ huyện Phú Ninh",
        "--start",
        "8:00",
    ]);
    book.ok(&["visit", "start", "noi-vu"]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8:10"]);
    book.ok(&["overdue", "HS-2022-0012", "--due", "02/05/2022"]);
    let typed = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(typed[0]["minutes_late"], "10");
    // The same late arrival imported without its minutes counts from the
    // unit's own start too.
    let file = edited_export(&book, "late.csv", |cells| {
        cells[column("uid")] = String::new();
        cells[column("expected_at")] = String::new();
        cells[column("minutes_late")] = String::new();
    });
    book.ok(&["import", "findings", file.to_str().unwrap()]);
    let rows = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(rows[2]["expected_at"], "08:00");
    assert_eq!(rows[2]["minutes_late"], "10");
    assert_eq!(rows[3]["days_overdue"], typed[1]["days_overdue"]);
    // A file cannot be received after the date promised for it, typed or
    // imported, even with its days given.
    let before = book.snapshot();
    assert_eq!(
        book.fails(
            &[
                "overdue",
                "HS-2022-0013",
                "--due",
                "02/05/2022",
                "--received",
                "03/05/2022"
            ],
            1
        ),
        "error: received `03/05/2022` is after the promised date `02/05/2022`: check \
         `--received` and `--due`\n"
    );
    book.assert_unchanged(&before);
    let file = edited_export(&book, "received.csv", |cells| {
        if cells[column("kind")] == "overdue" {
            cells[column("received_on")] = "2022-05-03".into();
        }
    });
    refused(
        &book,
        &file,
        "3: column received_on: received 03/05/2022 is after the promised date 02/05/2022: \
         check `received_on` and `due_on`",
    );
}

#[test]
fn a_merge_refuses_a_record_pointing_to_one_the_other_logbook_lacks() {
    let book = book_with_a_late_finding();
    let other = Logbook::new();
    other.visit_tam_dai();
    other.ok(&["absent", "Trần Thị Bình"]);
    // Changed with another program, foreign keys off: the finding's person
    // is gone.
    let conn = crate::support::open_logbook(other.db());
    conn.execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM people;")
        .unwrap();
    drop(conn);
    let uid = csv_records(&other.ok(&["export", "findings"]))[0]["uid"].clone();
    let before = book.snapshot();
    // Merged all the same, past what its checks find.
    let stderr = book.fails(
        &["merge", other.db().to_str().unwrap(), "--accept-unverified"],
        1,
    );
    assert_eq!(
        stderr,
        format!(
            "error: the other logbook's record `{uid}` points to people #1, which that logbook \
             does not hold: run `spotcheck check` on it, then merge again\n"
        )
    );
    book.assert_unchanged(&before);
}
