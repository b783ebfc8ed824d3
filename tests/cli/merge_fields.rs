//! Merging field by field: edits of different fields on two laptops both
//! stay, one field edited on both is a conflict that is named, listed and
//! settled, and a void is never undone.

use crate::support::{Logbook, csv_records, json};

/// The team leader's laptop: one visit and one late finding, #1.
fn leader() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    book
}

/// A team member's laptop that took a copy of the leader's logbook.
fn member_of(leader: &Logbook) -> Logbook {
    let member = Logbook::new().env("SPOTCHECK_BY", "Phạm Minh Tuấn");
    leader.ok(&["backup", &member.db().display().to_string()]);
    member
}

fn merge_at(book: &Logbook, now: &str, other: &Logbook) -> String {
    let output = book.run_at(now, &["merge", &other.db().display().to_string()]);
    assert_eq!(output.code, 0, "{}", output.dump);
    output.stdout
}

/// The row of findings in `merge --format csv`: new, updated, unchanged, conflicts.
fn findings_tally(book: &Logbook, now: &str, other: &Logbook) -> [String; 4] {
    let output = book.run_at(
        now,
        &[
            "merge",
            &other.db().display().to_string(),
            "--format",
            "csv",
        ],
    );
    assert_eq!(output.code, 0, "{}", output.dump);
    let rows = csv_records(&output.stdout);
    let row = rows.iter().find(|r| r["records"] == "findings").unwrap();
    ["new", "updated", "unchanged", "conflicts"].map(|k| row[k].clone())
}

fn finding(book: &Logbook) -> serde_json::Value {
    json(&book.ok(&["show", "1", "--format", "json"]))
}

fn tally(values: [&str; 4]) -> [String; 4] {
    values.map(String::from)
}

#[test]
fn edits_of_different_fields_on_two_laptops_both_stay_after_merging_both_ways() {
    let leader = leader();
    let member = member_of(&leader);
    leader.run_at(
        "2022-05-10T09:00",
        &[
            "edit",
            "1",
            "--action",
            "criticised",
            "--reason",
            "tái phạm",
        ],
    );
    member.run_at(
        "2022-05-10T09:30",
        &["edit", "1", "--note", "đến muộn do họp thôn"],
    );

    assert_eq!(
        findings_tally(&leader, "2022-05-10T10:00", &member),
        tally(["0", "1", "0", "0"])
    );
    assert_eq!(
        findings_tally(&member, "2022-05-10T10:05", &leader),
        tally(["0", "1", "0", "0"])
    );
    for book in [&leader, &member] {
        let finding = finding(book);
        assert_eq!(finding["action"], "criticised", "{finding}");
        assert_eq!(finding["note"], "đến muộn do họp thôn", "{finding}");
        assert_eq!(book.ok(&["conflicts"]), "no conflicts to settle\n");
        assert!(book.ok(&["check"]).starts_with("ok: "));
    }

    // Both have everything now: merging again, either way, changes nothing.
    for (book, other) in [(&leader, &member), (&member, &leader)] {
        let before = book.snapshot();
        let again = merge_at(book, "2022-05-10T11:00", other);
        assert!(again.starts_with("nothing to change: "), "{again}");
        book.ok(&["list"]);
        book.assert_unchanged(&before);
    }
}

#[test]
fn one_field_edited_on_both_sides_is_a_conflict_named_listed_and_settled() {
    let leader = leader();
    let member = member_of(&leader);
    leader.run_at("2022-05-10T09:00", &["edit", "1", "--action", "criticised"]);
    member.run_at("2022-05-10T09:30", &["edit", "1", "--action", "reminded"]);

    let merged = merge_at(&leader, "2022-05-10T10:00", &member);
    let named: Vec<&str> = merged.lines().skip(11).collect();
    assert_eq!(
        named,
        [
            "conflict #1: finding #1, action: here criticised (Lê Thị Hoa, \
             2022-05-10T02:00:00.000Z), there reminded (Phạm Minh Tuấn, \
             2022-05-10T02:30:00.000Z); kept the other logbook's value",
            "settle with `spotcheck conflicts resolve N --take mine|theirs`; \
             `spotcheck conflicts` lists them",
        ],
        "{merged}"
    );
    // The later edit is kept meanwhile.
    assert_eq!(finding(&leader)["action"], "reminded");

    let listed = csv_records(&leader.ok(&["conflicts", "--format", "csv"]));
    assert_eq!(listed.len(), 1);
    let conflict = &listed[0];
    assert_eq!(
        [
            &conflict["number"],
            &conflict["record"],
            &conflict["field"],
            &conflict["mine"],
            &conflict["mine_by"],
            &conflict["theirs"],
            &conflict["theirs_by"],
            &conflict["kept"],
        ],
        [
            "1",
            "finding #1",
            "action",
            "criticised",
            "Lê Thị Hoa",
            "reminded",
            "Phạm Minh Tuấn",
            "theirs"
        ]
    );
    let status = json(&leader.ok(&["status", "--format", "json"]));
    assert_eq!(status["conflicts"], 1);
    let check = leader.ok(&["check"]);
    assert!(
        check.ends_with(
            "1 conflict from a merge waits to be settled: `spotcheck conflicts` lists it\n"
        ),
        "{check}"
    );

    // Settled: the field takes this logbook's value, as an edit in the history.
    assert_eq!(
        leader
            .run_at(
                "2022-05-10T10:10",
                &["conflicts", "resolve", "1", "--take", "mine"]
            )
            .stdout,
        "settled conflict #1: finding #1, action is now criticised\n"
    );
    assert_eq!(finding(&leader)["action"], "criticised");
    let history = csv_records(&leader.ok(&["history", "1", "--format", "csv"]));
    let last = history.last().unwrap();
    assert_eq!(
        (last["changes"].as_str(), last["reason"].as_str()),
        ("action: reminded → criticised", "settles conflict #1")
    );
    assert_eq!(leader.ok(&["conflicts"]), "no conflicts to settle\n");
    let settled = csv_records(&leader.ok(&["conflicts", "--all", "--format", "csv"]));
    assert_eq!(settled[0]["settled"], "criticised");
    assert!(leader.ok(&["check"]).starts_with("ok: "));
    let status = json(&leader.ok(&["status", "--format", "json"]));
    assert_eq!(status["conflicts"], 0);

    // Settling twice, or a conflict that is not there, is refused untouched.
    let before = leader.snapshot();
    assert_eq!(
        leader.fails(&["conflicts", "resolve", "1", "--take", "theirs"], 1),
        "error: conflict #1 is settled already: `spotcheck conflicts --all` shows how\n"
    );
    assert_eq!(
        leader.fails(&["conflicts", "resolve", "7", "--take", "theirs"], 1),
        "error: there is no conflict #7: `spotcheck conflicts` lists them\n"
    );
    leader.assert_unchanged(&before);

    // The member's laptop takes the settled value without a conflict of its own.
    assert_eq!(
        findings_tally(&member, "2022-05-10T10:20", &leader),
        tally(["0", "1", "0", "0"])
    );
    assert_eq!(finding(&member)["action"], "criticised");
    assert_eq!(member.ok(&["conflicts"]), "no conflicts to settle\n");
}

#[test]
fn a_conflict_is_settled_with_a_value_typed_as_its_field_takes_it() {
    let leader = leader();
    let member = member_of(&leader);
    leader.run_at(
        "2022-05-10T09:00",
        &["edit", "1", "--note", "bản của tổ trưởng"],
    );
    member.run_at(
        "2022-05-10T09:30",
        &["edit", "1", "--note", "bản của tổ viên"],
    );
    leader.run_at("2022-05-10T09:40", &["edit", "1", "--arrived", "7h50"]);
    member.run_at("2022-05-10T09:45", &["edit", "1", "--arrived", "7h45"]);
    assert_eq!(
        findings_tally(&leader, "2022-05-10T10:00", &member),
        tally(["0", "1", "0", "3"]),
        "the note, the time of arrival and the minutes late"
    );
    let listed = csv_records(&leader.ok(&["conflicts", "--format", "csv"]));
    let fields: Vec<(&str, &str, &str)> = listed
        .iter()
        .map(|c| {
            (
                c["field"].as_str(),
                c["mine"].as_str(),
                c["theirs"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("arrived_at", "07:50", "07:45"),
            ("minutes_late", "20", "15"),
            ("note", "bản của tổ trưởng", "bản của tổ viên")
        ]
    );
    let late = finding(&leader);
    assert_eq!(
        (&late["arrived_at"], &late["minutes_late"]),
        (&json("\"07:45\""), &json("15")),
        "the later edit, the time and its minutes together"
    );

    assert_eq!(
        leader.ok(&["conflicts", "resolve", "3", "--value", "bản đã thống nhất"]),
        "settled conflict #3: finding #1, note is now bản đã thống nhất\n"
    );
    assert_eq!(finding(&leader)["note"], "bản đã thống nhất");

    // The minutes late are worked out from the time: they are settled
    // together, by taking a side.
    let before = leader.snapshot();
    assert_eq!(
        leader.fails(&["conflicts", "resolve", "2", "--value", "20"], 1),
        "error: `minutes_late` is worked out together with the other fields of arrived_at, \
         expected_at, minutes_late, left_at, minutes_early: settle conflict #2 with `--take mine` or `--take theirs`, \
         which settles them together, then correct the finding with `spotcheck edit` if neither \
         is right\n"
    );
    leader.assert_unchanged(&before);
    assert_eq!(
        leader.ok(&["conflicts", "resolve", "2", "--take", "mine"]),
        "settled conflict #2: finding #1, minutes_late is now 20\n"
    );
    let late = finding(&leader);
    assert_eq!(
        (&late["arrived_at"], &late["minutes_late"]),
        (&json("\"07:50\""), &json("20"))
    );
    assert_eq!(
        leader.ok(&["conflicts"]),
        "no conflicts to settle\n",
        "the time of arrival was settled with its minutes"
    );
    assert!(leader.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn a_field_naming_another_record_is_settled_by_taking_a_side() {
    let leader = leader();
    let member = member_of(&leader);
    leader.ok(&["person", "add", "tam-dai", "Trần Thị Bình"]);
    member.ok(&["person", "add", "tam-dai", "Trần Thị Bình"]);
    leader.run_at(
        "2022-05-10T09:00",
        &["edit", "1", "--person", "Trần Thị Bình"],
    );
    member.run_at("2022-05-10T09:30", &["edit", "1", "--note", "ghi chú"]);
    member.run_at(
        "2022-05-10T09:31",
        &["edit", "1", "--person", "Lê Văn Cường"],
    );
    merge_at(&leader, "2022-05-10T10:00", &member);
    let listed = csv_records(&leader.ok(&["conflicts", "--format", "csv"]));
    assert_eq!(
        (
            listed[0]["field"].as_str(),
            listed[0]["mine"].as_str(),
            listed[0]["theirs"].as_str()
        ),
        ("person", "Trần Thị Bình", "Lê Văn Cường")
    );
    let before = leader.snapshot();
    assert_eq!(
        leader.fails(
            &["conflicts", "resolve", "1", "--value", "Nguyễn Văn An"],
            1
        ),
        "error: `person` cannot be typed here: settle conflict #1 with `--take mine` or \
         `--take theirs`, then correct the record with its own command if neither is right\n"
    );
    leader.assert_unchanged(&before);
    assert_eq!(
        leader.ok(&["conflicts", "resolve", "1", "--take", "mine"]),
        "settled conflict #1: finding #1, person is now Trần Thị Bình\n"
    );
    let finding = finding(&leader);
    assert_eq!(finding["person"], "Trần Thị Bình");
    assert_eq!(finding["note"], "ghi chú", "the member's other edit stays");
    assert!(leader.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn a_void_on_either_side_is_never_undone_by_a_merge() {
    let leader = leader();
    let member = member_of(&leader);
    leader.run_at("2022-05-10T09:00", &["void", "1", "--reason", "ghi trùng"]);
    member.run_at("2022-05-10T09:30", &["edit", "1", "--note", "đã xác minh"]);
    merge_at(&leader, "2022-05-10T10:00", &member);
    let finding_here = finding(&leader);
    assert_eq!(finding_here["void_reason"], "ghi trùng", "{finding_here}");
    assert_eq!(finding_here["note"], "đã xác minh", "{finding_here}");

    // Edited again there, later than the void here: still void.
    member.run_at("2022-05-10T11:00", &["edit", "1", "--note", "sau khi hủy"]);
    merge_at(&leader, "2022-05-10T11:30", &member);
    merge_at(&member, "2022-05-10T11:35", &leader);
    for book in [&leader, &member] {
        let finding = finding(book);
        assert_eq!(finding["void_reason"], "ghi trùng", "{finding}");
        assert_eq!(finding["note"], "sau khi hủy", "{finding}");
        assert!(book.ok(&["check"]).starts_with("ok: "));
    }
}

#[test]
fn a_visit_voided_here_still_takes_the_edits_made_there() {
    let leader = leader();
    let member = member_of(&leader);
    leader.run_at(
        "2022-05-10T09:00",
        &["visit", "void", "1", "--reason", "bắt đầu nhầm"],
    );
    member.run_at(
        "2022-05-10T09:30",
        &["visit", "edit", "1", "--on-roll", "22", "--present", "18"],
    );
    merge_at(&leader, "2022-05-10T10:00", &member);
    merge_at(&member, "2022-05-10T10:05", &leader);
    for book in [&leader, &member] {
        let visits = csv_records(&book.ok(&["export", "visits"]));
        let visit = &visits[0];
        assert_eq!(
            (
                visit["void_reason"].as_str(),
                visit["on_roll"].as_str(),
                visit["present"].as_str()
            ),
            ("bắt đầu nhầm", "22", "18")
        );
        assert!(book.ok(&["check"]).starts_with("ok: "));
    }
}

/// The fields of schema 8 merge one by one too: the leader records the
/// outcome of a discipline while a member records the files checked and
/// marks the case complex; both stay, and nothing else changes.
#[test]
fn the_outcome_of_a_discipline_and_the_files_checked_merge_field_by_field() {
    let leader = leader();
    leader.run_at("2022-05-10T08:00", &["edit", "1", "--action", "discipline"]);
    let member = member_of(&leader);
    leader.run_at(
        "2022-05-10T09:00",
        &[
            "edit",
            "1",
            "--discipline-form",
            "warning",
            "--decision",
            "7/QĐ-UBND",
            "--decided-on",
            "10/05/2022",
        ],
    );
    member.run_at("2022-05-10T09:30", &["edit", "1", "--complex"]);
    member.run_at(
        "2022-05-10T09:31",
        &["visit", "edit", "1", "--files-checked", "18"],
    );
    merge_at(&leader, "2022-05-10T10:00", &member);
    let merged = finding(&leader);
    assert_eq!(merged["discipline_form"], "warning");
    assert_eq!(merged["decision_ref"], "7/QĐ-UBND");
    assert_eq!(merged["decided_on"], "2022-05-10");
    assert_eq!(merged["complex_case"], 1);
    assert_eq!(merged["action"], "discipline");
    let visit = json(&leader.ok(&["visit", "show", "1", "--format", "json"]));
    assert_eq!(visit["files_checked"], 18);
    // The other way, the member gets the same.
    merge_at(&member, "2022-05-10T10:05", &leader);
    assert_eq!(finding(&member), merged);
    assert!(leader.ok(&["check"]).starts_with("ok:"));
    assert!(member.ok(&["check"]).starts_with("ok:"));
}

/// A conflict on a field of schema 8 can be settled like any other: the
/// files checked typed as a number, the stage of a delay as its word.
#[test]
fn a_conflict_on_the_files_checked_or_a_delay_is_settled_by_a_typed_value() {
    let leader = leader();
    leader.ok(&["overdue", "HS-0100", "--due", "05/05/2022"]);
    let member = member_of(&leader);
    leader.run_at(
        "2022-05-10T09:00",
        &["visit", "edit", "1", "--files-checked", "20"],
    );
    member.run_at(
        "2022-05-10T09:10",
        &["visit", "edit", "1", "--files-checked", "22"],
    );
    leader.run_at(
        "2022-05-10T09:20",
        &["edit", "2", "--delay-stage", "approval"],
    );
    member.run_at(
        "2022-05-10T09:30",
        &["edit", "2", "--delay-stage", "processing"],
    );
    merge_at(&leader, "2022-05-10T10:00", &member);
    let listed = csv_records(&leader.ok(&["conflicts", "--format", "csv"]));
    let fields: Vec<(&str, &str, &str, &str)> = listed
        .iter()
        .map(|c| {
            (
                c["number"].as_str(),
                c["field"].as_str(),
                c["mine"].as_str(),
                c["theirs"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("1", "files_checked", "20", "22"),
            ("2", "delay_stage", "approval", "processing")
        ]
    );
    leader.ok(&["conflicts", "resolve", "1", "--value", "21"]);
    leader.ok(&["conflicts", "resolve", "2", "--value", "coordination"]);
    let visit = json(&leader.ok(&["visit", "show", "1", "--format", "json"]));
    assert_eq!(visit["files_checked"], 21);
    let file = json(&leader.ok(&["show", "2", "--format", "json"]));
    assert_eq!(file["delay_stage"], "coordination");
    let err = leader.fails(&["conflicts", "resolve", "2", "--value", "nowhere"], 1);
    assert!(err.contains("unknown stage `nowhere`"), "{err}");
    assert!(leader.ok(&["check"]).starts_with("ok:"));
}
