//! Who is who: every diacritic of a name tells people apart, a name typed
//! without them is taken only for the one person it can be, and the
//! corrections of people (edit, merge, retire) keep their history.

use std::collections::BTreeMap;

use crate::support::{Logbook, csv_records, table_rows};

/// UBND xã Đông Sơn, with a visit started there now.
fn visit_dong_son() -> Logbook {
    let book = Logbook::new();
    book.ok(&["unit", "add", "ds", "UBND xã Đông Sơn", "--kind", "commune"]);
    book.ok(&["visit", "start", "ds"]);
    book
}

/// What a command printed on each stream, for one comparison.
fn printed(book: &Logbook, args: &[&str]) -> (String, String) {
    let output = book.run(args);
    assert_eq!(output.code, 0, "{}", output.dump);
    (output.stdout, output.stderr)
}

/// `person list` but for its last column, the employment status, which
/// no test here records.
fn staff(book: &Logbook) -> Vec<Vec<String>> {
    table_rows(&book.ok(&["person", "list"]))
        .into_iter()
        .map(|row| row.into_iter().take(5).collect())
        .collect()
}

/// The history entries about people, as CSV records.
fn people_history(book: &Logbook) -> Vec<BTreeMap<String, String>> {
    csv_records(&book.ok(&["history", "--format", "csv"]))
        .into_iter()
        .filter(|entry| entry["entity"] == "person")
        .collect()
}

fn owned(rows: &[[&str; 5]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect()
}

#[test]
fn hung_hung_and_hung_are_three_people_and_none_is_a_repeat_offender() {
    let book = visit_dong_son();
    assert_eq!(
        printed(&book, &["late", "Trần Văn Hùng", "--arrived", "8:00"]),
        (
            "logged #1 late: Trần Văn Hùng, UBND xã Đông Sơn, 30 min\n".into(),
            "added Trần Văn Hùng to the staff of UBND xã Đông Sơn (person #1)\n".into()
        )
    );
    assert_eq!(
        printed(&book, &["late", "Trần Văn Hưng", "--arrived", "7:45"]),
        (
            "logged #2 late: Trần Văn Hưng, UBND xã Đông Sơn, 15 min\n".into(),
            "added Trần Văn Hưng to the staff of UBND xã Đông Sơn (person #2)\n\
             also on the staff: Trần Văn Hùng (#1); if one of them was meant, \
             `spotcheck edit 2 --person '#1'`\n"
                .into()
        ),
        "Hưng's lateness is Hưng's, and no `void` is suggested"
    );
    assert_eq!(
        printed(&book, &["late", "Trần Văn Húng", "--minutes", "5"]),
        (
            "logged #3 late: Trần Văn Húng, UBND xã Đông Sơn, 5 min\n".into(),
            "added Trần Văn Húng to the staff of UBND xã Đông Sơn (person #3)\n\
             also on the staff: Trần Văn Hùng (#1), Trần Văn Hưng (#2); if one of them \
             was meant, `spotcheck edit 3 --person '#1'`\n"
                .into()
        )
    );
    // The same names typed again, in other cases and spacing, are the same people.
    assert_eq!(
        printed(&book, &["absent", "TRẦN  VĂN HƯNG"]),
        (
            "logged #4 absent: Trần Văn Hưng, UBND xã Đông Sơn\n".into(),
            String::new()
        )
    );
    assert_eq!(
        staff(&book),
        owned(&[
            ["1", "Trần Văn Hùng", "", "ds", ""],
            ["3", "Trần Văn Húng", "", "ds", ""],
            ["2", "Trần Văn Hưng", "", "ds", ""],
        ])
    );
    let repeat = book.ok(&["report", "repeat", "--format", "csv"]);
    assert!(
        !repeat.contains("Hùng"),
        "Hùng was late once; Hưng's findings are not his:\n{repeat}"
    );
}

#[test]
fn an_and_an_are_two_people_and_the_tone_may_sit_on_either_vowel() {
    let book = visit_dong_son();
    book.ok(&["absent", "Lê Văn An"]);
    let (_, added) = printed(&book, &["absent", "Lê Văn Ân"]);
    assert_eq!(
        added,
        "added Lê Văn Ân to the staff of UBND xã Đông Sơn (person #2)\n\
         also on the staff: Lê Văn An (#1); if one of them was meant, \
         `spotcheck edit 2 --person '#1'`\n"
    );
    // Hoa and Hòa are two people; Hoà is Hòa with the tone in the old place.
    book.ok(&["absent", "Nguyễn Thị Hoa"]);
    book.ok(&["absent", "Nguyễn Thị Hòa"]);
    assert_eq!(
        printed(&book, &["late", "Nguyễn Thị Hoà", "--minutes", "10"]),
        (
            "logged #5 late: Nguyễn Thị Hòa, UBND xã Đông Sơn, 10 min\n".into(),
            String::new()
        )
    );
    assert_eq!(
        staff(&book),
        owned(&[
            ["1", "Lê Văn An", "", "ds", ""],
            ["2", "Lê Văn Ân", "", "ds", ""],
            ["3", "Nguyễn Thị Hoa", "", "ds", ""],
            ["4", "Nguyễn Thị Hòa", "", "ds", ""],
        ])
    );
    // `person add` keeps to the same rule.
    assert_eq!(
        book.fails(&["person", "add", "ds", "Nguyễn Thị Hoà"], 1),
        "error: Nguyễn Thị Hòa is already on the staff of UBND xã Đông Sơn (person #4)\n"
    );
    assert_eq!(
        book.ok(&["person", "add", "ds", "Nguyễn Thị Hỏa"]),
        "added person #5: Nguyễn Thị Hỏa, UBND xã Đông Sơn\n"
    );
}

#[test]
fn a_name_without_diacritics_is_taken_only_for_the_one_person_it_can_be() {
    let book = visit_dong_son();
    book.ok(&["late", "Trần Văn Hùng", "--minutes", "10"]);
    // One person reads so: taken, and the output says who.
    assert_eq!(
        printed(&book, &["absent", "tran van hung"]),
        (
            "logged #2 absent: Trần Văn Hùng, UBND xã Đông Sơn\n".into(),
            "took Trần Văn Hùng (#1) for \"tran van hung\"\n".into()
        )
    );
    // Two people read so: refused, both listed, and how to pick one said.
    book.ok(&["late", "Trần Văn Hưng", "--minutes", "10"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["late", "tran van hung", "--minutes", "5"], 1),
        "error: \"tran van hung\" could be any of 2 people: Trần Văn Hùng (#1), \
         Trần Văn Hưng (#2); type the name with its diacritics, or the person's \
         number, as `'#1'`\n"
    );
    book.assert_unchanged(&before);
    assert_eq!(
        printed(&book, &["absent", "#2"]),
        (
            "logged #4 absent: Trần Văn Hưng, UBND xã Đông Sơn\n".into(),
            String::new()
        )
    );
    // Nobody reads so: a new person, with a word about the missing diacritics.
    assert_eq!(
        printed(&book, &["absent", "Pham Van Duc"]),
        (
            "logged #5 absent: Pham Van Duc, UBND xã Đông Sơn\n".into(),
            "added Pham Van Duc to the staff of UBND xã Đông Sơn (person #3)\n\
             note: the name has no diacritics; if it has them, \
             `spotcheck person edit '#3' --name \"…\"` puts them in\n"
                .into()
        )
    );
    // A number must be someone of the visit's unit.
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&["person", "add", "tam-dai", "Võ Thị Thu"]);
    assert_eq!(
        book.fails(&["absent", "#4"], 1),
        "error: person #4 is Võ Thị Thu of UBND xã Tam Đại, not of UBND xã Đông Sơn; \
         move them with `spotcheck person edit '#4' --unit ds`, or name someone of \
         UBND xã Đông Sơn\n"
    );
    assert_eq!(
        book.fails(&["absent", "#40"], 1),
        "error: there is no person #40; `spotcheck person list` shows the staff and \
         their numbers\n"
    );
    assert_eq!(
        book.fails(&["absent", "#99999999999999999999"], 1),
        "error: there is no person #99999999999999999999; `spotcheck person list` shows \
         the staff and their numbers\n"
    );
    assert_eq!(
        book.fails(&["person", "add", "ds", "#12"], 1),
        "error: `#12` is how a person is named by number, not a name; type the person's \
         name, as in `Nguyễn Văn An`\n"
    );
}

#[test]
fn a_finding_on_the_wrong_namesake_is_moved_and_the_history_says_so() {
    let book = visit_dong_son();
    book.ok(&["late", "Trần Văn Hùng", "--minutes", "10"]);
    book.ok(&["late", "Trần Văn Hưng", "--minutes", "15"]);
    assert_eq!(
        book.ok(&["edit", "2", "--person", "#1", "--reason", "nhầm người"]),
        "edited #2 late: person: Trần Văn Hưng → Trần Văn Hùng\n"
    );
    assert_eq!(
        book.ok(&["edit", "2", "--person", "#2", "--reason", "trả lại"]),
        "edited #2 late: person: Trần Văn Hùng → Trần Văn Hưng\n"
    );
    assert!(book.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn a_person_is_renamed_moved_and_the_record_keeps_its_findings() {
    let book = visit_dong_son();
    book.ok(&["absent", "Pham Van Duc"]);
    assert_eq!(
        book.ok(&[
            "person",
            "edit",
            "#1",
            "--name",
            "Phạm Văn Đức",
            "--position",
            "công chức tư pháp",
            "--reason",
            "ghi đủ dấu"
        ]),
        "edited person #1: name Pham Van Duc → Phạm Văn Đức; position – → công chức tư pháp\n"
    );
    // Now the name with its diacritics, and the unaccented one, find the record.
    book.ok(&["late", "Phạm Văn Đức", "--minutes", "5"]);
    let (_, took) = printed(
        &book,
        &[
            "overdue",
            "HS-01",
            "--due",
            "05/05/2022",
            "--officer",
            "pham van duc",
        ],
    );
    assert_eq!(took, "took Phạm Văn Đức (#1) for \"pham van duc\"\n");
    book.ok(&["absent", "Trần Văn Hùng"]);
    assert_eq!(
        book.fails(&["person", "edit", "#2", "--name", "Phạm Văn Đức"], 1),
        "error: Phạm Văn Đức (#1) is already on the staff of UBND xã Đông Sơn; if both \
         records are one person, join them with `spotcheck person merge '#1' '#2'`\n"
    );
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert_eq!(
        book.ok(&["person", "edit", "Phạm Văn Đức", "--unit", "tam-dai"]),
        "edited person #1: unit UBND xã Đông Sơn (ds) → UBND xã Tam Đại (tam-dai)\n"
    );
    assert_eq!(
        book.ok(&["person", "edit", "#1", "--unit", "tam-dai"]),
        "person #1 unchanged: the values given are the ones the record has\n"
    );
    let entries = people_history(&book);
    let changes: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["action"].as_str(),
                e["changes"].as_str(),
                e["reason"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("insert", "created", ""),
            (
                "edit",
                "name: Pham Van Duc → Phạm Văn Đức; position: – → công chức tư pháp",
                "ghi đủ dấu"
            ),
            ("insert", "created", ""),
            ("edit", "unit: ds → tam-dai", ""),
        ]
    );
    assert!(book.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn two_records_of_one_person_are_merged_and_the_merge_is_undone() {
    let book = visit_dong_son();
    book.ok(&["late", "Nguyễn Thị Thủy", "--minutes", "10"]);
    book.ok(&["absent", "Nguyễn Thị Thúy"]);
    book.ok(&["absent", "Nguyễn Thị Thúy", "--meeting", "giao ban"]);
    let merged = book.run(&["person", "merge", "#1", "#2", "--reason", "một người"]);
    assert_eq!(merged.code, 0, "{}", merged.dump);
    assert_eq!(
        (merged.stdout.as_str(), merged.stderr.as_str()),
        (
            "merged person #2 (Nguyễn Thị Thúy) into #1 (Nguyễn Thị Thủy): 2 findings moved; \
             \"Nguyễn Thị Thúy\" now stands for #1\n",
            "to undo: `spotcheck person edit '#2' --not-alias`, then \
             `spotcheck edit N --person '#2'` for each finding moved back\n"
        )
    );
    // The alias's name now finds the person kept; the list shows only them.
    assert_eq!(
        book.ok(&["late", "Nguyễn Thị Thúy", "--minutes", "5"]),
        "logged #4 late: Nguyễn Thị Thủy, UBND xã Đông Sơn, 5 min\n"
    );
    assert_eq!(
        staff(&book),
        owned(&[["1", "Nguyễn Thị Thủy", "", "ds", ""]])
    );
    let moved: Vec<(String, String, String)> =
        csv_records(&book.ok(&["history", "--format", "csv"]))
            .into_iter()
            .filter(|e| e["action"] == "edit")
            .map(|e| {
                (
                    e["entity"].clone(),
                    e["number"].clone(),
                    e["changes"].clone(),
                )
            })
            .collect();
    assert_eq!(
        moved,
        [
            (
                "finding".into(),
                "2".into(),
                "person: Nguyễn Thị Thúy → Nguyễn Thị Thủy".into()
            ),
            (
                "finding".into(),
                "3".into(),
                "person: Nguyễn Thị Thúy → Nguyễn Thị Thủy".into()
            ),
            (
                "person".into(),
                "2".into(),
                "alias_of: – → Nguyễn Thị Thủy (#1)".into()
            ),
        ]
    );
    assert_eq!(
        book.fails(&["person", "merge", "#1", "#2"], 1),
        "error: Nguyễn Thị Thúy (#2) was already merged into person #1; name #1 instead\n"
    );
    // Undone as the note says; the alias is named by its own name.
    assert_eq!(
        book.ok(&["person", "edit", "Nguyễn Thị Thúy", "--not-alias"]),
        "edited person #2: alias of #1 → –\n"
    );
    book.ok(&["edit", "2", "--person", "#2"]);
    book.ok(&["edit", "3", "--person", "#2"]);
    assert_eq!(
        book.ok(&["absent", "Nguyễn Thị Thúy"]),
        "logged #5 absent: Nguyễn Thị Thúy, UBND xã Đông Sơn\n"
    );
    assert!(book.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn a_person_who_left_is_kept_but_not_taken_for_a_typed_name() {
    let book = visit_dong_son();
    book.ok(&["late", "Đặng Quốc Huy", "--minutes", "10"]);
    assert_eq!(
        book.ok(&["person", "retire", "Đặng Quốc Huy", "--on", "9/5/2022"]),
        "Đặng Quốc Huy (#1) left UBND xã Đông Sơn on 09/05/2022; kept for history and \
         reports, no longer taken for a name typed at a visit\n"
    );
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["absent", "Đặng Quốc Huy"], 1),
        "error: Đặng Quốc Huy (#1) left the unit on 09/05/2022; to log about them anyway \
         type `'#1'` as the person, or bring them back with \
         `spotcheck person retire '#1' --undo`\n"
    );
    book.assert_unchanged(&before);
    // Not a candidate for a name typed without diacritics either.
    let (_, added) = printed(&book, &["absent", "dang quoc huy"]);
    assert_eq!(
        added,
        "added dang quoc huy to the staff of UBND xã Đông Sơn (person #2)\n\
         note: the name has no diacritics; if it has them, \
         `spotcheck person edit '#2' --name \"…\"` puts them in\n"
    );
    // The record and its finding stay, and the list says when they left.
    assert_eq!(
        staff(&book),
        owned(&[
            ["2", "dang quoc huy", "", "ds", ""],
            ["1", "Đặng Quốc Huy", "", "ds", "09/05/2022"],
        ])
    );
    assert_eq!(
        book.ok(&["late", "#1", "--minutes", "5"]),
        "logged #3 late: Đặng Quốc Huy, UBND xã Đông Sơn, 5 min\n"
    );
    assert_eq!(
        book.ok(&["person", "retire", "#1", "--undo"]),
        "Đặng Quốc Huy (#1) is on the staff of UBND xã Đông Sơn again\n"
    );
    assert_eq!(
        book.fails(&["person", "retire", "#1", "--undo"], 1),
        "error: Đặng Quốc Huy (#1) has not left the unit; nothing to undo\n"
    );
    let changes: Vec<String> = people_history(&book)
        .into_iter()
        .filter(|e| e["action"] == "edit")
        .map(|e| e["changes"].clone())
        .collect();
    assert_eq!(
        changes,
        ["retired_on: – → 2022-05-09", "retired_on: 2022-05-09 → –"]
    );
    assert!(book.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn corrections_of_people_travel_by_export_and_import() {
    let book = visit_dong_son();
    book.ok(&["absent", "Nguyễn Thị Thủy"]);
    book.ok(&["absent", "Nguyễn Thị Thúy"]);
    book.ok(&["absent", "Đặng Quốc Huy"]);
    // The person kept has the higher number, so the alias comes first in the file.
    book.ok(&["person", "merge", "#2", "#1"]);
    book.ok(&["person", "retire", "#3", "--on", "09/05/2022"]);
    let units = book.ok(&["export", "units"]);
    let people = book.ok(&["export", "people"]);
    std::fs::write(book.path("units.csv"), &units).unwrap();
    std::fs::write(book.path("people.csv"), &people).unwrap();

    let other = Logbook::new();
    other.ok(&["import", "units", book.path("units.csv").to_str().unwrap()]);
    other.ok(&[
        "import",
        "people",
        book.path("people.csv").to_str().unwrap(),
    ]);
    assert_eq!(other.ok(&["export", "people"]), people);
    // Imported again, nothing changes.
    let again = other.run(&[
        "import",
        "people",
        book.path("people.csv").to_str().unwrap(),
    ]);
    assert_eq!(again.code, 0, "{}", again.dump);
    assert_eq!(other.ok(&["export", "people"]), people);
    assert!(other.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn a_logbook_of_the_folding_schema_is_upgraded_and_its_namesakes_are_reviewed() {
    // Written by the release before every diacritic counted: Trần Văn Hưng's
    // lateness (#17) went on Trần Văn Hùng's record (#10).
    let book = Logbook::new().now("2022-06-20T08:00");
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logbook-v4.db");
    std::fs::copy(&fixture, book.db()).unwrap();
    book.ok(&["init"]);
    assert_eq!(
        book.run(&["person", "list", "--similar"]).stderr,
        "no two people of a unit have names that differ only in diacritics\n"
    );
    // For a program, an empty list is an empty list.
    assert_eq!(
        book.ok(&["person", "list", "--similar", "--format", "json"]),
        "[]\n"
    );
    // The old spelling of a tone is still the same name, typed either way.
    book.ok(&["visit", "start", "dong-son"]);
    let (logged, took) = printed(&book, &["late", "le thi hoa", "--minutes", "5"]);
    assert_eq!(
        (logged.as_str(), took.as_str()),
        (
            "logged #19 late: Lê Thị Hoà, UBND xã Đông Sơn, 5 min\n",
            "took Lê Thị Hoà (#11) for \"le thi hoa\"\n"
        )
    );
    book.ok(&["absent", "Lê Thị Hòa", "--meeting", "giao ban"]);
    // Hưng, logged under his own name, is a person of his own; the review
    // lists both records with their findings.
    let (_, added) = printed(&book, &["absent", "Trần Văn Hưng"]);
    assert_eq!(
        added,
        "added Trần Văn Hưng to the staff of UBND xã Đông Sơn (person #12)\n\
         also on the staff: Trần Văn Hùng (#10); if one of them was meant, \
         `spotcheck edit 21 --person '#10'`\n"
    );
    let review = book.run(&["person", "list", "--similar", "--format", "csv"]);
    assert_eq!(
        review.stdout,
        "group,unit_code,number,name,retired_on,findings\n\
         1,dong-son,10,Trần Văn Hùng,,\"#16 late 15/06/2022, #17 late 15/06/2022\"\n\
         1,dong-son,12,Trần Văn Hưng,,#21 absent 20/06/2022\n"
    );
    assert_eq!(
        review.stderr,
        "if a finding is about the other person: `spotcheck edit N --person '#M'`; \
         if two records are one person: `spotcheck person merge '#KEEP' '#OTHER'`\n"
    );
    assert_eq!(
        book.ok(&[
            "edit",
            "17",
            "--person",
            "#12",
            "--reason",
            "Hưng, không phải Hùng"
        ]),
        "edited #17 late: person: Trần Văn Hùng → Trần Văn Hưng\n"
    );
    let after = book.ok(&["person", "list", "--similar", "--format", "csv"]);
    assert!(
        after.contains("12,Trần Văn Hưng,,\"#17 late 15/06/2022, #21 absent 20/06/2022\""),
        "{after}"
    );
    assert!(book.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn corrections_of_people_travel_by_merge_and_merging_again_changes_nothing() {
    let laptop = visit_dong_son();
    laptop.ok(&["absent", "Pham Van Duc"]);
    laptop.ok(&["late", "Nguyễn Thị Thủy", "--minutes", "10"]);
    laptop.ok(&["absent", "Nguyễn Thị Thúy"]);
    laptop.ok(&["absent", "Đặng Quốc Huy"]);
    // The leader's logbook starts as a copy; the corrections are made there, later.
    let leader = Logbook::new().now("2022-05-11T08:00");
    crate::support::copy_logbook(laptop.db(), leader.db());
    leader.ok(&["person", "edit", "#1", "--name", "Phạm Văn Đức"]);
    leader.ok(&["person", "merge", "#2", "#3"]);
    leader.ok(&["person", "retire", "#4", "--on", "10/05/2022"]);

    let merged = laptop.run_at(
        "2022-05-11T09:00",
        &["merge", leader.db().to_str().unwrap(), "--format", "csv"],
    );
    assert_eq!(merged.code, 0, "{}", merged.dump);
    assert_eq!(
        laptop.ok(&["export", "people"]),
        leader.ok(&["export", "people"]),
        "the corrected records, aliases and uids alike"
    );
    assert_eq!(
        laptop.ok(&["export", "findings"]),
        leader.ok(&["export", "findings"]),
        "the finding moved by the merge of people"
    );
    assert_eq!(
        laptop.ok(&["late", "pham van duc", "--minutes", "5"]),
        "logged #5 late: Phạm Văn Đức, UBND xã Đông Sơn, 5 min\n"
    );
    assert!(laptop.ok(&["check"]).starts_with("ok: "));
    let again = laptop.run_at(
        "2022-05-11T10:00",
        &["merge", leader.db().to_str().unwrap(), "--format", "csv"],
    );
    assert_eq!(again.code, 0, "{}", again.dump);
    let people_row = again
        .stdout
        .lines()
        .find(|line| line.starts_with("people,"))
        .unwrap_or_default()
        .to_string();
    assert_eq!(people_row, "people,0,0,4,0", "{}", again.stdout);
}

#[test]
fn an_import_keeps_namesakes_apart() {
    let book = visit_dong_son();
    book.ok(&["late", "Trần Văn Hùng", "--minutes", "10"]);
    book.ok(&["late", "Trần Văn Hưng", "--minutes", "15"]);
    book.ok(&["late", "Trần Văn Húng", "--minutes", "20"]);
    for records in ["units", "visits", "findings"] {
        std::fs::write(
            book.path(&format!("{records}.csv")),
            book.ok(&["export", records]),
        )
        .unwrap();
    }
    let other = Logbook::new();
    for records in ["units", "visits", "findings"] {
        let file = book.path(&format!("{records}.csv"));
        other.ok(&["import", records, file.to_str().unwrap()]);
    }
    assert_eq!(
        staff(&other),
        owned(&[
            ["1", "Trần Văn Hùng", "", "ds", ""],
            ["3", "Trần Văn Húng", "", "ds", ""],
            ["2", "Trần Văn Hưng", "", "ds", ""],
        ])
    );
    assert_eq!(
        other.ok(&["export", "findings"]),
        book.ok(&["export", "findings"])
    );
}

#[test]
fn a_unit_named_in_full_is_the_unit_of_that_very_name() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "xa-hoa", "UBND xã Hoa"]);
    book.ok(&["unit", "add", "xa-hoa-2", "UBND xã Hòa"]);
    assert_eq!(
        book.ok(&["visit", "start", "UBND xã Hòa"]),
        "started visit #1 at UBND xã Hòa, 10/05/2022 07:35 (unannounced); findings go \
         to it until `spotcheck visit end`\n"
    );
    assert_eq!(
        book.fails(
            &["unit", "edit", "ubnd xa hoa", "--name", "UBND xã Hoa Sơn"],
            1
        ),
        "error: `ubnd xa hoa` matches 2 units: xa-hoa (UBND xã Hoa), xa-hoa-2 (UBND xã Hòa); \
         type the code\n"
    );
}

/// The given columns of an export, row by row.
fn columns_of(book: &Logbook, records: &str, columns: &[&str]) -> Vec<Vec<String>> {
    csv_records(&book.ok(&["export", records]))
        .into_iter()
        .map(|row| columns.iter().map(|c| row[*c].clone()).collect())
        .collect()
}

#[test]
fn corrections_of_units_and_visits_travel_by_export_and_import() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "ds", "UBND xã Đông Sơn", "--kind", "commune"]);
    book.ok(&["unit", "add", "dong-son-cu", "UBND xã Đông Sơn (cũ)"]);
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&["visit", "start", "dong-son-cu", "--at", "7:00"]);
    book.ok(&["late", "Lý Thị Mai", "--minutes", "10"]);
    book.ok(&["visit", "end", "--at", "7:20"]);
    book.ok(&["visit", "start", "tam-dai", "--at", "7:25"]);
    book.ok(&["absent", "Võ Thị Thu"]);
    book.ok(&["visit", "void", "2", "--reason", "bắt đầu nhầm"]);
    book.ok(&["unit", "merge", "ds", "dong-son-cu"]);
    book.ok(&["unit", "retire", "tam-dai", "--on", "01/05/2022"]);
    let other = Logbook::new();
    for records in ["units", "people", "visits", "findings"] {
        let file = book.path(&format!("{records}.csv"));
        std::fs::write(&file, book.ok(&["export", records])).unwrap();
        other.ok(&["import", records, file.to_str().unwrap()]);
    }
    for (records, columns) in [
        (
            "units",
            &["uid", "code", "retired_on", "merged_into_uid"][..],
        ),
        (
            "people",
            &["uid", "name", "unit_code", "retired_on", "alias_of_uid"][..],
        ),
        (
            "visits",
            &["uid", "unit_code", "voided_at", "void_reason"][..],
        ),
        (
            "findings",
            &["uid", "unit_code", "person_uid", "voided_at", "void_reason"][..],
        ),
    ] {
        assert_eq!(
            columns_of(&other, records, columns),
            columns_of(&book, records, columns),
            "{records}"
        );
    }
    let units = columns_of(&other, "units", &["code", "retired_on"]);
    assert_eq!(
        units,
        [
            ["ds".to_string(), String::new()],
            ["dong-son-cu".into(), "2022-05-10".into()],
            ["tam-dai".into(), "2022-05-01".into()],
        ]
    );
    assert!(other.ok(&["check"]).starts_with("ok: "));
    // Imported again, nothing changes.
    for records in ["units", "people", "visits", "findings"] {
        let file = book.path(&format!("{records}.csv"));
        other.ok(&["import", records, file.to_str().unwrap()]);
    }
    assert_eq!(
        columns_of(&other, "visits", &["uid", "voided_at"]),
        columns_of(&book, "visits", &["uid", "voided_at"])
    );
}

/// Đông Sơn under two codes, each with Nguyễn Văn An (#1 at `dong-son`, #2
/// at `dongson`), merged into `dong-son`: #2 stays behind as a name of #1.
fn namesakes_joined_by_a_unit_merge() -> Logbook {
    let book = Logbook::new();
    book.ok(&[
        "unit",
        "add",
        "dong-son",
        "UBND xã Đông Sơn",
        "--kind",
        "commune",
    ]);
    book.ok(&["unit", "add", "dongson", "UBND xã Đông Sơn (cũ)"]);
    book.ok(&["visit", "start", "dong-son", "--at", "7:00"]);
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "10"]);
    book.ok(&["visit", "end", "--at", "7:20"]);
    book.ok(&["visit", "start", "dongson", "--at", "7:25"]);
    book.ok(&["absent", "Nguyễn Văn An"]);
    book.ok(&["visit", "end", "--at", "7:30"]);
    book.ok(&["unit", "merge", "dong-son", "dongson"]);
    book
}

#[test]
fn a_person_joined_to_a_namesake_by_a_unit_merge_is_still_corrected() {
    let book = namesakes_joined_by_a_unit_merge();
    let people = csv_records(&book.ok(&["export", "people"]));
    let alias: Vec<(&str, &str)> = people
        .iter()
        .map(|p| (p["unit_code"].as_str(), p["alias_of_uid"].as_str()))
        .collect();
    assert_eq!(
        alias,
        [("dong-son", ""), ("dongson", people[0]["uid"].as_str())]
    );
    assert_eq!(
        book.ok(&["person", "edit", "#1", "--position", "công chức tư pháp"]),
        "edited person #1: position – → công chức tư pháp\n"
    );
    assert_eq!(
        book.ok(&["person", "retire", "Nguyễn Văn An", "--on", "09/05/2022"]),
        "Nguyễn Văn An (#1) left UBND xã Đông Sơn on 09/05/2022; kept for history and \
         reports, no longer taken for a name typed at a visit\n"
    );
    assert!(book.ok(&["check"]).starts_with("ok: "));
    // The unit merged away is named by its code, not by the name both share.
    assert_eq!(
        book.ok(&["visit", "start", "UBND xã Đông Sơn", "--at", "7:32"]),
        "started visit #3 at UBND xã Đông Sơn, 10/05/2022 07:32 (unannounced); findings \
         go to it until `spotcheck visit end`\n"
    );
    // And it leaves the month report, where it was not visited.
    let units: Vec<String> =
        csv_records(&book.ok(&["report", "month", "6/2022", "--format", "csv"]))
            .into_iter()
            .map(|row| row["unit_code"].clone())
            .collect();
    assert!(!units.contains(&"dongson".to_string()), "{units:?}");

    // The logbook travels whole by export and import.
    let other = Logbook::new();
    for records in ["units", "people", "visits", "findings"] {
        let file = book.path(&format!("{records}.csv"));
        std::fs::write(&file, book.ok(&["export", records])).unwrap();
        other.ok(&["import", records, file.to_str().unwrap()]);
    }
    for records in ["people", "findings"] {
        let columns: &[&str] = if records == "people" {
            &["uid", "unit_code", "retired_on", "alias_of_uid"]
        } else {
            &["uid", "unit_code", "person_uid"]
        };
        assert_eq!(
            columns_of(&other, records, columns),
            columns_of(&book, records, columns),
            "{records}"
        );
    }
}

#[test]
fn what_a_teammate_logged_at_a_unit_merged_here_or_at_a_visit_voided_here_follows() {
    let book = Logbook::new();
    book.ok(&[
        "unit",
        "add",
        "dong-son",
        "UBND xã Đông Sơn",
        "--kind",
        "commune",
    ]);
    book.ok(&["unit", "add", "dongson", "UBND xã Đông Sơn (cũ)"]);
    book.ok(&["visit", "start", "dongson", "--at", "7:00"]);
    book.ok(&["late", "Lý Thị Mai", "--minutes", "10"]);
    // The teammate's copy, before this logbook merged the units and voided the visit.
    let teammate = Logbook::new();
    crate::support::copy_logbook(book.db(), teammate.db());
    teammate.ok(&["absent", "Trần Văn Hùng"]);
    book.ok(&["unit", "merge", "dong-son", "dongson"]);
    book.ok(&["visit", "void", "1", "--reason", "bắt đầu nhầm"]);
    for records in ["units", "visits", "findings"] {
        let file = teammate.path(&format!("{records}.csv"));
        std::fs::write(&file, teammate.ok(&["export", records])).unwrap();
        book.ok(&["import", records, file.to_str().unwrap()]);
    }
    let findings: Vec<(String, String, String)> = csv_records(&book.ok(&["export", "findings"]))
        .into_iter()
        .map(|f| {
            (
                f["unit_code"].clone(),
                f["person"].clone(),
                f["void_reason"].clone(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            (
                "dong-son".into(),
                "Lý Thị Mai".into(),
                "bắt đầu nhầm".into()
            ),
            (
                "dong-son".into(),
                "Trần Văn Hùng".into(),
                "bắt đầu nhầm".into()
            ),
        ]
    );
    assert!(book.ok(&["check"]).starts_with("ok: "));
}
