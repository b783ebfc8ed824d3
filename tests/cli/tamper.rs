//! Changes made to the logbook behind spotcheck's back, with the `sqlite3`
//! shell or any SQLite program: `check` names each one (the schema object, or
//! the record and its column), reads refuse what would silently change their
//! output, and a changed schema version is named for what it is.

use crate::support::{Logbook, csv_rows};

/// A logbook with two people's findings, at rest.
fn logbook() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Thị Lan", "--minutes", "10"]);
    book.ok(&["absent", "Trần Văn Bình"]);
    book
}

/// Run `sql` on the logbook as the `sqlite3` shell would.
fn tamper(book: &Logbook, sql: &str) {
    let conn = crate::support::open_logbook(book.db());
    conn.execute_batch(sql).unwrap();
}

/// The problems `check` names, as (record, problem) rows.
fn problems(book: &Logbook) -> Vec<(String, String)> {
    let output = book.run(&["check", "--format", "csv"]);
    assert_eq!(output.code, 3, "{}", output.dump);
    csv_rows(&output.stdout)
        .into_iter()
        .skip(1)
        .map(|row| (row[0].clone(), row[1].clone()))
        .collect()
}

#[test]
fn a_filtered_view_is_named_by_check_and_refused_by_export() {
    let book = logbook();
    let all = book.ok(&["export", "findings"]);
    assert!(all.contains("Trần Văn Bình"));
    let conn = crate::support::open_logbook(book.db());
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'findings_v'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let body = sql
        .split_once(" AS\n")
        .or_else(|| sql.split_once(" AS "))
        .unwrap()
        .1;
    conn.execute_batch(&format!(
        "DROP VIEW findings_v;
         CREATE VIEW findings_v AS SELECT * FROM ({body}) WHERE person IS NOT 'Trần Văn Bình';"
    ))
    .unwrap();
    drop(conn);
    let before = std::fs::read(book.db()).unwrap();
    let refused = book.fails(&["export", "findings"], 1);
    assert_eq!(
        refused,
        format!(
            "error: logbook `{}`: has a schema that differs from the one this spotcheck creates \
             (view findings_v): it was changed behind spotcheck's back, and what spotcheck reads \
             or writes there may leave records out; spotcheck left the file as it is: run \
             `spotcheck check` to see every change, and restore the logbook from your latest \
             backup (see `spotcheck backup`)\n",
            book.db().display()
        )
    );
    assert_eq!(
        problems(&book),
        [(
            "view findings_v".to_string(),
            "differs from the one this spotcheck creates: it was changed behind spotcheck's back"
                .to_string()
        )]
    );
    assert!(std::fs::read(book.db()).unwrap() == before);
}

#[test]
fn triggers_added_or_dropped_and_a_table_no_longer_strict_are_named() {
    let book = logbook();
    tamper(
        &book,
        "DROP TRIGGER finding_search_edited;
         CREATE TRIGGER quiet_edit AFTER UPDATE ON findings BEGIN SELECT 1; END;
         PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = replace(sql, ') STRICT', ')') WHERE name = 'people';
         PRAGMA writable_schema = OFF;",
    );
    let changed =
        "differs from the one this spotcheck creates: it was changed behind spotcheck's back";
    assert_eq!(
        problems(&book),
        [
            ("table people".to_string(), changed.to_string()),
            (
                "trigger finding_search_edited".to_string(),
                "is missing: it was dropped behind spotcheck's back".to_string()
            ),
            (
                "trigger quiet_edit".to_string(),
                "is not one spotcheck creates: it was added behind spotcheck's back".to_string()
            ),
        ]
    );
}

#[test]
fn stamps_no_history_entry_holds_are_checked_too() {
    let book = logbook();
    // Edited since it was logged, and imported from another logbook with its
    // own stamps: both are stamped otherwise than their history entries.
    let edit = book.run_at(
        "2022-05-11T09:00",
        &["edit", "1", "--note", "đến muộn lần hai"],
    );
    assert_eq!(edit.code, 0, "{}", edit.dump);
    let other = Logbook::new().now("2022-05-09T08:00");
    other.visit_tam_dai();
    other.ok(&[
        "other",
        "Không đeo thẻ công chức",
        "--person",
        "Lê Văn Cường",
    ]);
    let exported = other.path("findings.csv");
    for records in ["units", "people", "visits", "findings"] {
        let file = other.path(&format!("{records}.csv"));
        other.ok(&["export", records, "-o", file.to_str().unwrap()]);
        book.ok(&["import", records, file.to_str().unwrap()]);
    }
    assert!(exported.exists());
    assert!(book.ok(&["check"]).starts_with("ok: "));
    let stamp = |sql: &str| {
        let csv = book.ok(&["sql", sql, "--format", "csv"]);
        csv.lines().nth(1).unwrap().to_string()
    };
    let unit_logged = stamp("SELECT at FROM history WHERE seq = 1");
    let edited = stamp("SELECT updated_at FROM findings WHERE id = 1");
    let imported = stamp("SELECT logged_at FROM findings WHERE id = 3");
    // Three different times: the stamps compared are each record's own.
    assert_eq!(edited, "2022-05-11T02:00:00.000Z");
    assert_eq!(imported, "2022-05-09T01:00:00.000Z");
    tamper(
        &book,
        "UPDATE findings SET logged_at = 'garbage' WHERE id = 2;
         UPDATE findings SET updated_at = '2099-01-01' WHERE id = 1;
         UPDATE findings SET updated_at = '2031-01-01T00:00:00.000Z' WHERE id = 1;
         UPDATE findings SET logged_at = '2020-01-01T00:00:00.000Z' WHERE id = 3;
         UPDATE people SET name_folded = 'someone else' WHERE id = 1;
         UPDATE units SET updated_at = '2030-01-01T00:00:00.000Z' WHERE id = 1;",
    );
    let bad = |column: &str, value: &str| {
        format!(
            "its {column} `{value}` is not a time as spotcheck writes them (as \
             `2022-05-10T00:35:00.000Z`): it was changed behind spotcheck's back"
        )
    };
    let moved = |column: &str, value: &str, recorded: &str| {
        format!(
            "its {column} `{value}` is not `{recorded}`, as its last history entry has it: \
             it was changed behind spotcheck's back"
        )
    };
    assert_eq!(
        problems(&book),
        [
            (
                "unit #1".to_string(),
                moved("updated_at", "2030-01-01T00:00:00.000Z", &unit_logged)
            ),
            ("person #1".to_string(),
             "its name_folded is not its name folded: it was changed behind spotcheck's back, and lookups by name miss it".to_string()),
            (
                "finding #1".to_string(),
                moved("updated_at", "2031-01-01T00:00:00.000Z", &edited)
            ),
            ("finding #2".to_string(), bad("logged_at", "garbage")),
            (
                "finding #3".to_string(),
                moved("logged_at", "2020-01-01T00:00:00.000Z", &imported)
            ),
        ]
    );
}

#[test]
fn a_changed_schema_version_is_named_and_the_file_left_alone() {
    for (version, shown) in [(2, "2"), (-1, "-1")] {
        let book = logbook();
        tamper(&book, &format!("PRAGMA user_version = {version}"));
        let before = std::fs::read(book.db()).unwrap();
        let expected = format!(
            "error: logbook `{db}`: says it has schema version {shown}, but its tables are those of \
             version 14: the version number was changed behind spotcheck's back; spotcheck left the \
             file as it is: set it back with `sqlite3 {db} 'PRAGMA user_version = 14'`, then run \
             spotcheck again (this one writes version 14)\n",
            db = book.db().display()
        );
        for args in [
            &["list"][..],
            &["init"],
            &["check"],
            &["absent", "Lê Văn Cường"],
        ] {
            let refused = book.fails(args, 1);
            assert_eq!(refused, expected, "`{}`", args.join(" "));
            assert!(!refused.contains("--"), "no SQL comments");
            assert!(std::fs::read(book.db()).unwrap() == before);
            assert!(!book.path(&format!("logbook.db.v{version}.bak")).exists());
        }
    }
}

#[test]
fn a_stored_value_changed_by_hand_is_named_by_its_record_and_column() {
    let book = logbook();
    book.ok(&["late", "Lê Văn Cường", "--arrived", "8:10"]);
    tamper(
        &book,
        "UPDATE findings SET arrived_at = 'garbage' WHERE id = 3",
    );
    let problem = "finding #3: its stored arrived_at `garbage` is not a date or time as \
                   spotcheck stores them; it was changed behind spotcheck's back: run \
                   `spotcheck check`, and correct the record with `spotcheck edit` or restore \
                   the logbook from your latest backup";
    assert_eq!(
        book.fails(&["list"], 1),
        format!("error: listing findings: {problem}\n")
    );
    assert_eq!(
        book.fails(&["show", "3"], 1),
        format!("error: reading a finding: {problem}\n")
    );
    assert_eq!(
        problems(&book),
        [(
            "finding #3".to_string(),
            "differs from its last history entry: it was changed behind spotcheck's back (arrived_at)"
                .to_string()
        )]
    );
}

#[test]
fn a_write_locked_out_by_another_program_says_who_holds_it_and_what_to_do() {
    let book = logbook();
    let holder = crate::support::open_logbook(book.db());
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let before = book.ok(&["list", "--format", "csv"]);
    let started = std::time::Instant::now();
    let refused = book.fails(&["absent", "Lê Văn Cường"], 1);
    assert!(started.elapsed() >= std::time::Duration::from_secs(9));
    assert_eq!(
        refused,
        format!(
            "error: logbook `{}`: is locked by another program writing to it (another spotcheck, \
             or an `sqlite3` session with a write under way); this spotcheck waited 10 s to write \
             and gave up, changing nothing: let the other finish, or close it (in `sqlite3`, type \
             `COMMIT;` or `.quit`), then try again\n",
            book.db().display()
        )
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(book.ok(&["list", "--format", "csv"]), before);
}

#[test]
fn an_overdue_finding_whose_promised_date_was_removed_by_hand_is_edited_only_with_one() {
    let book = logbook();
    book.ok(&["overdue", "HS-7", "--due", "01/03/2022"]);
    tamper(&book, "UPDATE findings SET due_on = NULL WHERE id = 3");
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["edit", "3", "--note", "hồ sơ đã trả"], 1),
        "error: finding #3 has no promised date to count from: give `--due` too\n"
    );
    book.assert_unchanged(&before);
    book.ok(&["edit", "3", "--due", "02/03/2022"]);
}

/// The schema 10 fixture, upgraded: its 74 history entries kept as they
/// were written, whole snapshots and all, then the compact chain.
fn upgraded_v10() -> Logbook {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logbook-v10.db");
    let book = Logbook::new().now("2022-07-02T08:00");
    std::fs::copy(fixture, book.db()).unwrap();
    book.ok(&["init"]);
    book
}

#[test]
fn an_upgraded_history_is_proved_before_and_after_the_upgrade() {
    // The seal the schema 10 logbook printed still holds after the upgrade.
    let seal = "35489020d4eb2f1fc798387cb05b1be4812337e0f9f952d0fac9c3719de31657";
    let book = upgraded_v10();
    let checked = book.ok(&["check", "--seal", seal]);
    assert!(
        checked.starts_with("ok: 55 records agree with 75 history entries"),
        "{checked}"
    );
    let upgrade = csv_rows(&book.ok(&[
        "sql",
        "SELECT seq, action, record_uid, record_hash FROM history_v WHERE seq > 73",
        "--format",
        "csv",
    ]));
    assert_eq!(upgrade[2], ["75", "upgrade", "", seal]);

    // An entry from before the upgrade, the entry that starts the chain,
    // and an entry after it, each changed by hand.
    let changed = |sql: &str| {
        let book = upgraded_v10();
        book.ok(&["void", "2", "--reason", "ghi nhầm người"]);
        tamper(&book, sql);
        problems(&book)
    };
    let found = changed("UPDATE history SET reason = 'sửa tay' WHERE seq = 74");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "history #74");
    assert!(
        found[0]
            .1
            .starts_with("was changed after it was written (edit of unit "),
        "{found:?}"
    );
    assert_eq!(
        changed("UPDATE history SET record = zeroblob(32) WHERE action = 'upgrade'"),
        [(
            "history #75".to_string(),
            "does not chain to the entry before it: an earlier entry was removed or changed"
                .to_string()
        )]
    );
    let found = changed("UPDATE history SET fields = x'00' WHERE seq = 76");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "history #76");
    assert!(
        found[0]
            .1
            .starts_with("was changed after it was written (void of finding "),
        "{found:?}"
    );
    // A compact entry made to look like one from before the upgrade is out
    // of place there.
    let found = changed("UPDATE history SET record = NULL WHERE seq = 76");
    assert!(
        found.contains(&(
            "history #76".to_string(),
            "is out of place: entries written before schema 11 come first, then the one entry \
             that starts the compact chain, then the compact entries; it was added or moved \
             behind spotcheck's back"
                .to_string()
        )),
        "{found:?}"
    );
    // Removing the last entry from before the upgrade breaks the chain there.
    let found = changed("DELETE FROM history WHERE seq = 74");
    assert_eq!(
        found,
        [
            (
                "history #75".to_string(),
                "entry #74 before it is missing".to_string()
            ),
            (
                "history #75".to_string(),
                "does not chain to the entry before it: an earlier entry was removed or changed"
                    .to_string()
            ),
            (
                "unit #3".to_string(),
                "its updated_at `2022-07-01T08:00:00.000Z` is not 2026-11-27T13:14:36.916Z, the \
                 time of its one history entry, as its other stamp is: it was changed behind \
                 spotcheck's back"
                    .to_string()
            ),
            (
                "unit #3".to_string(),
                "differs from its last history entry: it was changed behind spotcheck's back \
                 (follows_seasons)"
                    .to_string()
            ),
        ]
    );
}

#[test]
fn a_record_changed_by_hand_is_named_whichever_history_it_has() {
    let book = upgraded_v10();
    // Finding #2's last entry is of the compact chain, finding #1's from
    // before it: each change is named by its field.
    book.ok(&["void", "2", "--reason", "ghi nhầm người"]);
    tamper(
        &book,
        "UPDATE findings SET note = 'sửa tay' WHERE id = 2;
         UPDATE findings SET description = 'sửa tay' WHERE id = 1;",
    );
    let differs = |field: &str| {
        format!(
            "differs from its last history entry: it was changed behind spotcheck's back ({field})"
        )
    };
    assert_eq!(
        problems(&book),
        [
            ("finding #1".to_string(), differs("description")),
            ("finding #2".to_string(), differs("note")),
        ]
    );
}

#[test]
fn a_summary_of_findings_changed_by_hand_is_named_by_person_and_month() {
    let book = logbook();
    assert!(book.ok(&["check"]).starts_with("ok: "));
    let month = csv_rows(&book.ok(&[
        "sql",
        "SELECT month FROM person_months WHERE person_id = 1",
        "--format",
        "csv",
    ]))[1][0]
        .clone();
    tamper(
        &book,
        "UPDATE person_months SET late = late + 1 WHERE person_id = 1",
    );
    assert_eq!(
        problems(&book),
        [(
            "person #1".to_string(),
            format!(
                "its summary for {month} is not what its findings give: it was changed behind \
                 spotcheck's back, and reports count repeat offenders from it"
            )
        )]
    );
    // The next write to that person's findings of the month works the
    // month out again from them.
    book.ok(&["late", "Nguyễn Thị Lan", "--minutes", "5"]);
    assert!(book.ok(&["check"]).starts_with("ok: "));
    // A finding changed by another program waits in the queue, and the
    // next write, whatever it is, summarises it.
    // `check` names the finding, and nothing of the summary.
    tamper(&book, "UPDATE findings SET excuse = 'sick' WHERE id = 1");
    let changed = [(
        "finding #1".to_string(),
        "differs from its last history entry: it was changed behind spotcheck's back (excuse)"
            .to_string(),
    )];
    assert_eq!(problems(&book), changed);
    book.ok(&["absent", "Trần Văn Bình"]);
    assert_eq!(problems(&book), changed);
    let late = book.ok(&[
        "sql",
        "SELECT late FROM person_months WHERE person_id = 1",
        "--format",
        "csv",
    ]);
    assert_eq!(late, "late\n1\n");
}

#[test]
fn a_unit_summary_changed_by_hand_is_named_by_unit_and_month() {
    let book = logbook();
    let month = csv_rows(&book.ok(&[
        "sql",
        "SELECT month FROM unit_months WHERE unit_id = 1",
        "--format",
        "csv",
    ]))[1][0]
        .clone();
    // The late minutes of tam-dai in the month report of the visit's month.
    let late_minutes = |book: &Logbook| -> String {
        let rows = csv_rows(&book.ok(&["report", "month", &month, "--format", "csv"]));
        let column = rows[0].iter().position(|c| c == "late_minutes").unwrap();
        rows.iter().find(|row| row[0] == "tam-dai").unwrap()[column].clone()
    };
    assert_eq!(late_minutes(&book), "10");
    tamper(
        &book,
        "UPDATE unit_months SET late_minutes = 99 WHERE unit_id = 1",
    );
    assert_eq!(
        problems(&book),
        [(
            "unit #1".to_string(),
            format!(
                "its summary for {month} is not what its visits and findings give: it was changed \
                 behind spotcheck's back, and reports of whole months count from it"
            )
        )]
    );
    // The next write to the unit's month works it out again.
    book.ok(&["late", "Nguyễn Thị Lan", "--minutes", "5"]);
    assert!(book.ok(&["check"]).starts_with("ok: "));
    assert_eq!(late_minutes(&book), "15");

    // A finding another program changed waits in the queue: a report
    // counts from the visits themselves until the next write settles it,
    // and `check` names the finding, not the summary.
    tamper(&book, "UPDATE findings SET minutes_late = 50 WHERE id = 1");
    assert_eq!(late_minutes(&book), "55");
    assert_eq!(
        problems(&book),
        [(
            "finding #1".to_string(),
            "differs from its last history entry: it was changed behind spotcheck's back \
             (minutes_late)"
                .to_string()
        )]
    );
    book.ok(&["absent", "Trần Văn Bình"]);
    let kept = book.ok(&[
        "sql",
        "SELECT late_minutes FROM unit_months WHERE unit_id = 1",
        "--format",
        "csv",
    ]);
    assert_eq!(kept, "late_minutes\n55\n");
    assert_eq!(late_minutes(&book), "55");
}
