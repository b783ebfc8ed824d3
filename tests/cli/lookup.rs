//! Finding people, units and records the way people type them: without
//! accents, with combining characters, by part of a unit's name, by number or
//! uid prefix.

use crate::support::{Logbook, csv_records, json, table_rows};

/// The names of the people of the logbook, with their unit codes.
fn staff(book: &Logbook) -> Vec<(String, String)> {
    csv_records(&book.ok(&["person", "list", "--format", "csv"]))
        .into_iter()
        .map(|p| (p["name"].clone(), p["unit_code"].clone()))
        .collect()
}

#[test]
fn a_name_typed_without_accents_finds_the_person() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["person", "add", "tam-dai", "Nguyễn Văn An"]);
    for typed in ["nguyen van an", "NGUYEN VAN AN", "  Nguyen   Van An "] {
        let output = book.run(&["late", typed, "--arrived", "8h05"]);
        assert_eq!(output.code, 0, "{}", output.dump);
        assert!(
            output
                .stdout
                .contains(": Nguyễn Văn An, UBND xã Tam Đại, 35 min"),
            "{}",
            output.dump
        );
        assert!(
            !output.stderr.contains("added"),
            "nobody new is added\n{}",
            output.dump
        );
    }
    assert_eq!(staff(&book), [("Nguyễn Văn An".into(), "tam-dai".into())]);
}

#[test]
fn a_plain_d_matches_d_with_stroke() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    assert_eq!(
        book.ok(&["absent", "dang quoc huy"]),
        "logged #2 absent: Đặng Quốc Huy, UBND xã Tam Đại\n"
    );
    assert_eq!(staff(&book).len(), 1);
}

#[test]
fn combining_characters_find_the_same_person_stored_precomposed() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["person", "add", "tam-dai", "Nguyễn Văn An"]);
    let decomposed = "Nguye\u{302}\u{303}n Va\u{306}n An";
    assert_eq!(
        book.ok(&["late", decomposed, "--arrived", "8h05"]),
        "logged #1 late: Nguyễn Văn An, UBND xã Tam Đại, 35 min\n"
    );
    // A new name typed with combining characters is stored precomposed (NFC).
    book.ok(&["absent", "Tra\u{302}\u{300}n Thi\u{323} Bi\u{300}nh"]);
    let names: Vec<String> = staff(&book).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình"]);
    assert!(
        names
            .iter()
            .all(|n| !n.contains(['\u{300}', '\u{302}', '\u{303}', '\u{306}', '\u{323}'])),
        "{names:?}"
    );
    // And it is found again by its precomposed spelling.
    let output = book.run(&["absent", "Trần Thị Bình"]);
    assert!(!output.stderr.contains("added"), "{}", output.dump);
    assert_eq!(staff(&book).len(), 2);
}

#[test]
fn two_units_may_each_have_a_person_of_the_same_name() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book.ok(&["unit", "add", "noi-vu", "Phòng Nội vụ huyện Phú Ninh"]);
    book.ok(&["visit", "start", "noi-vu", "--at", "10/05/2022 07:35"]);
    let output = book.run(&["late", "Nguyễn Văn An", "--arrived", "9h10"]);
    assert_eq!(
        output.stderr,
        "added Nguyễn Văn An to the staff of Phòng Nội vụ huyện Phú Ninh (person #2)\n",
        "{}",
        output.dump
    );
    assert_eq!(
        staff(&book),
        [
            ("Nguyễn Văn An".into(), "noi-vu".into()),
            ("Nguyễn Văn An".into(), "tam-dai".into()),
        ]
    );
    let at_tam_dai = book.ok(&["list", "--unit", "tam-dai"]);
    assert_eq!(table_rows(&at_tam_dai).len(), 1, "{at_tam_dai}");
    let everywhere = book.ok(&["list", "--person", "nguyen van an"]);
    assert_eq!(table_rows(&everywhere).len(), 2, "{everywhere}");
}

#[test]
fn a_unit_is_found_by_an_unambiguous_part_of_its_name() {
    let book = Logbook::new();
    // Codes unlike the names, so that only the names can match.
    book.ok(&["unit", "add", "xtd", "UBND xã Tam Đại"]);
    book.ok(&["unit", "add", "ttpt", "UBND thị trấn Phú Thịnh"]);
    assert!(
        book.ok(&["visit", "start", "tam dai"])
            .starts_with("started visit #1 at UBND xã Tam Đại, ")
    );
    assert!(
        book.ok(&["visit", "start", "Phú Thịnh"])
            .starts_with("started visit #2 at UBND thị trấn Phú Thịnh, ")
    );
    assert!(
        book.ok(&["visit", "start", "Tam \u{110}a\u{323}i"])
            .starts_with("started visit #3 at UBND xã Tam Đại, "),
        "a unit typed with combining characters"
    );
    let visits = book.ok(&["visit", "list", "--unit", "TAM DAI", "--format", "csv"]);
    let numbers: Vec<String> = csv_records(&visits)
        .into_iter()
        .map(|v| v["number"].clone())
        .collect();
    assert_eq!(numbers, ["1", "3"], "{visits}");
}

#[test]
fn a_unit_code_is_typed_in_any_case() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert!(
        book.ok(&["visit", "start", "TAM-DAI"])
            .starts_with("started visit #1 at UBND xã Tam Đại, ")
    );
}

#[test]
fn a_full_name_wins_over_the_longer_names_that_contain_it() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "nv", "Phòng Nội vụ"]);
    book.ok(&["unit", "add", "nv-cu", "Phòng Nội vụ cũ"]);
    assert!(
        book.ok(&["visit", "start", "phong noi vu"])
            .starts_with("started visit #1 at Phòng Nội vụ, ")
    );
}

#[test]
fn list_matches_people_and_text_ignoring_accents() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book.ok(&["absent", "Đặng Quốc Huy"]);
    book.ok(&[
        "overdue",
        "HS-1",
        "--due",
        "05/05/2022",
        "--procedure",
        "Chứng thực bản sao",
    ]);
    let by_person = book.ok(&["list", "--person", "quoc huy"]);
    let people: Vec<String> = table_rows(&by_person)
        .into_iter()
        .map(|r| r[4].clone())
        .collect();
    assert_eq!(people, ["Đặng Quốc Huy"], "{by_person}");
    let by_text = book.ok(&["list", "--search", "CHUNG THUC"]);
    let numbers: Vec<String> = table_rows(&by_text)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(numbers, ["3"], "{by_text}");
}

#[test]
fn a_finding_is_named_by_number_hash_or_uid_prefix() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    let logged = json(&book.ok(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "8h05",
        "--format",
        "json",
    ]));
    let uid = logged["uid"].as_str().expect("uid").to_string();
    assert_eq!(uid.len(), 32, "{uid}");
    let by_number = book.ok(&["show", "2", "--format", "json"]);
    assert_eq!(json(&by_number)["uid"], uid.as_str());
    for typed in ["#2", &uid[..8], &uid.to_uppercase()[..10], &uid] {
        assert_eq!(
            book.ok(&["show", typed, "--format", "json"]),
            by_number,
            "{typed}"
        );
    }
}

#[test]
fn an_unknown_unit_gets_the_nearest_codes_offered() {
    let book = Logbook::new();
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&["unit", "add", "phu-thinh", "UBND thị trấn Phú Thịnh"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["visit", "start", "tam-da"], 1),
        "error: no unit matches `tam-da`: did you mean `tam-dai` (UBND xã Tam Đại)? \
         see `spotcheck unit list`, or add it with `spotcheck unit add CODE NAME`\n"
    );
    assert_eq!(
        book.fails(&["visit", "start", "ha-noi"], 1),
        "error: no unit matches `ha-noi`: see `spotcheck unit list`, \
         or add it with `spotcheck unit add CODE NAME`\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_new_name_close_to_one_on_the_staff_is_questioned() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "5"]);
    let output = book.run(&["absent", "Nguyen Van Anh"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        output.stderr,
        "added Nguyen Van Anh to the staff of UBND xã Tam Đại (person #2)\n\
         note: the name has no diacritics; if it has them, \
         `spotcheck person edit '#2' --name \"…\"` puts them in\n\
         note: did you mean Nguyễn Văn An (person #1)? If so, \
         `spotcheck edit 2 --person \"Nguyễn Văn An\"`\n"
    );
    // A name like no other is simply added.
    let other = book.run(&["absent", "Trần Thị Bình"]);
    assert_eq!(
        other.stderr,
        "added Trần Thị Bình to the staff of UBND xã Tam Đại (person #3)\n"
    );
}
