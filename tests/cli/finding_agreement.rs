//! A finding's fields agree among themselves however it is written: a form
//! of discipline has its day, an apology's new appointment is not before
//! it, an absence excused for another reason says which, and a finding
//! about no person holds no outcome of discipline. The command line and
//! an import each refuse in their own words and leave the logbook as it
//! was; a conflict settles the fields decided together as one.

use crate::support::{Logbook, csv_records, json};

/// A late finding, #1, proposed for discipline and decided: a reprimand
/// of 09/05/2022.
fn decided() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    book.run_at(
        "2022-05-10T08:00",
        &[
            "edit",
            "1",
            "--action",
            "discipline",
            "--discipline-form",
            "reprimand",
            "--decided-on",
            "09/05/2022",
        ],
    );
    book
}

#[test]
fn a_conflict_on_the_form_is_settled_with_its_day_so_the_finding_still_agrees() {
    let leader = decided();
    let member = Logbook::new().env("SPOTCHECK_BY", "Phạm Minh Tuấn");
    leader.ok(&["backup", &member.db().display().to_string()]);
    // The member changes the form; the leader, later, clears the decision.
    member.run_at(
        "2022-05-10T09:00",
        &["edit", "1", "--discipline-form", "warning"],
    );
    leader.run_at("2022-05-10T09:30", &["edit", "1", "--no-decision"]);
    let merged = leader.run_at(
        "2022-05-10T10:00",
        &["merge", &member.db().display().to_string()],
    );
    assert_eq!(merged.code, 0, "{}", merged.dump);
    let conflicts = csv_records(&leader.ok(&["conflicts", "--format", "csv"]));
    let fields: Vec<&str> = conflicts.iter().map(|c| c["field"].as_str()).collect();
    assert_eq!(fields, ["discipline_form", "decided_on"]);
    let shown = json(&leader.ok(&["show", "1", "--format", "json"]));
    assert_eq!(shown["discipline_form"], serde_json::Value::Null);
    assert_eq!(shown["decided_on"], serde_json::Value::Null);

    // The form alone cannot be typed: it is decided with its day.
    let before = std::fs::read(leader.db()).expect("the logbook");
    let refused = leader.fails(
        &[
            "conflicts",
            "resolve",
            &conflicts[0]["number"],
            "--value",
            "warning",
        ],
        1,
    );
    assert!(refused.contains("--take mine"), "{refused}");
    assert!(std::fs::read(leader.db()).expect("the logbook") == before);

    // Taking the member's side takes the form and its day together.
    leader.ok(&[
        "conflicts",
        "resolve",
        &conflicts[0]["number"],
        "--take",
        "theirs",
    ]);
    let shown = json(&leader.ok(&["show", "1", "--format", "json"]));
    assert_eq!(shown["discipline_form"], "warning");
    assert_eq!(shown["decided_on"], "2022-05-09");
    assert_eq!(leader.ok(&["conflicts"]), "no conflicts to settle\n");
    assert!(leader.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn an_import_giving_a_task_finding_an_outcome_of_discipline_names_the_column() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&[
        "task",
        "add",
        "tam-dai",
        "Rà soát thủ tục hành chính",
        "--assigned",
        "01/04/2022",
        "--due",
        "30/04/2022",
    ]);
    book.ok(&["unfinished", "1"]);
    let exported = book.ok(&["export", "findings"]);
    let rows = csv_records(&exported);
    assert_eq!(rows[0]["kind"], "task");
    let header: Vec<&str> = exported
        .lines()
        .next()
        .expect("a header")
        .split(',')
        .collect();
    let form_at = header
        .iter()
        .position(|c| *c == "discipline_form")
        .expect("the column");
    let day_at = header
        .iter()
        .position(|c| *c == "decided_on")
        .expect("the column");
    // The task row with a reprimand decided on 09/05/2022.
    let mut cells: Vec<String> = header.iter().map(|c| rows[0][*c].clone()).collect();
    cells[form_at] = "reprimand".into();
    cells[day_at] = "2022-05-09".into();
    let quoted: Vec<String> = cells
        .iter()
        .map(|cell| {
            if cell.contains([',', '"']) {
                format!("\"{}\"", cell.replace('"', "\"\""))
            } else {
                cell.clone()
            }
        })
        .collect();
    let file = format!("{}\n{}\n", header.join(","), quoted.join(","));
    std::fs::write(book.path("task.csv"), file).expect("the file");
    let before = std::fs::read(book.db()).expect("the logbook");
    let refused = book.fails(
        &[
            "import",
            "findings",
            &book.path("task.csv").display().to_string(),
        ],
        1,
    );
    assert!(
        refused.ends_with(
            "task.csv:2: column discipline_form: applies only to findings of kind `late`, \
             `absent`, `overdue`, `other`, `early`, and this one is `task`: leave it empty\n"
        ),
        "{refused}"
    );
    assert!(std::fs::read(book.db()).expect("the logbook") == before);
}

#[test]
fn the_command_line_refuses_a_form_without_its_day_and_an_other_excuse_without_its_reason() {
    let book = decided();
    book.ok(&["late", "Trần Thị Bình", "--arrived", "7h45"]);
    let before = std::fs::read(book.db()).expect("the logbook");
    let refused = book.fails(&["edit", "2", "--discipline-form", "warning"], 2);
    assert_eq!(
        refused,
        "error: a form of discipline is decided on a day: give `--decided-on` too, as \
         `--decided-on 15/09/2026`\n"
    );
    let refused = book.fails(&["absent", "Trần Thị Bình", "--excused", "other"], 2);
    assert_eq!(
        refused,
        "error: an absence excused for another reason needs the reason: add `--reason-given \"…\"`\n"
    );
    let refused = book.fails(
        &[
            "overdue",
            "HS-0501",
            "--due",
            "05/05/2022",
            "--apology-on",
            "06/05/2022",
            "--new-due",
            "04/05/2022",
        ],
        1,
    );
    assert_eq!(
        refused,
        "error: the new appointment 04/05/2022 is before the apology of 06/05/2022: check the two \
         dates\n"
    );
    assert!(std::fs::read(book.db()).expect("the logbook") == before);
}

/// A merge applies the other laptop's edits one group of fields at a time:
/// a step on the way (the excuse come in before its reason) is not a
/// finding that contradicts itself, and the merge goes through.
#[test]
fn a_merge_bringing_an_excuse_and_later_its_reason_goes_through() {
    let leader = Logbook::new();
    leader.visit_tam_dai();
    leader.ok(&["absent", "Trần Thị Bình"]);
    let member = Logbook::new().env("SPOTCHECK_BY", "Phạm Minh Tuấn");
    leader.ok(&["backup", &member.db().display().to_string()]);
    member.run_at(
        "2022-05-10T09:00",
        &[
            "edit",
            "1",
            "--excused",
            "other",
            "--reason-given",
            "đi họp thôn",
        ],
    );
    member.run_at(
        "2022-05-10T09:10",
        &["edit", "1", "--reason-given", "đi họp tổ dân phố"],
    );
    let merged = leader.run_at(
        "2022-05-10T10:00",
        &["merge", &member.db().display().to_string()],
    );
    assert_eq!(merged.code, 0, "{}", merged.dump);
    let shown = json(&leader.ok(&["show", "1", "--format", "json"]));
    assert_eq!(shown["excuse"], "other");
    assert_eq!(shown["description"], "đi họp tổ dân phố");
    assert!(leader.ok(&["check"]).starts_with("ok: "));
}
