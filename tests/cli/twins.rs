//! The "logged twice?" note: shown when a finding equals an earlier kept one
//! of its visit in every fact that tells findings apart, and only then.

use crate::support::Logbook;

/// A visit to Tam Đại with Nguyễn Văn An on its staff, late at 08:00 as
/// finding #1.
fn visit_with_an_late() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["person", "add", "tam-dai", "Nguyễn Văn An"]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "08:00"]);
    book
}

/// The standard error of a logging command that must succeed.
fn note_of(book: &Logbook, args: &[&str]) -> String {
    let out = book.run(args);
    assert_eq!(out.code, 0, "{}", out.dump);
    out.stderr
}

#[test]
fn the_same_lateness_logged_again_is_pointed_out() {
    let book = visit_with_an_late();
    assert_eq!(
        note_of(&book, &["late", "Nguyễn Văn An", "--arrived", "08:00"]),
        "note: #1 already records the same about Nguyễn Văn An on this visit; \
         if this one was logged twice, `spotcheck void 2 --reason \"logged twice\"`\n"
    );
}

#[test]
fn the_same_person_late_at_another_time_is_another_finding() {
    let book = visit_with_an_late();
    assert_eq!(
        note_of(&book, &["late", "Nguyễn Văn An", "--arrived", "13:45"]),
        ""
    );
    // Typed as minutes rather than an arrival, the facts differ too.
    assert_eq!(
        note_of(&book, &["late", "Nguyễn Văn An", "--minutes", "30"]),
        ""
    );
}

#[test]
fn two_people_whose_names_differ_by_a_tone_are_not_one_twice() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn Hùng", "--arrived", "08:00"]);
    let stderr = note_of(&book, &["late", "Nguyễn Văn Hưng", "--arrived", "07:45"]);
    assert!(!stderr.contains("logged twice"), "{stderr}");
    assert_eq!(
        stderr,
        "added Nguyễn Văn Hưng to the staff of UBND xã Tam Đại (person #2)\n\
         also on the staff: Nguyễn Văn Hùng (#1); if one of them was meant, \
         `spotcheck edit 2 --person '#1'`\n"
    );
    // Even at the same time: they are two people.
    let stderr = note_of(&book, &["late", "Nguyễn Văn Hưng", "--arrived", "08:00"]);
    assert!(!stderr.contains("logged twice"), "{stderr}");
}

#[test]
fn a_void_finding_is_no_twin() {
    let book = visit_with_an_late();
    book.ok(&["void", "1", "--reason", "wrong person"]);
    assert_eq!(
        note_of(&book, &["late", "Nguyễn Văn An", "--arrived", "08:00"]),
        ""
    );
}

#[test]
fn an_absence_is_the_same_when_the_meeting_is() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["person", "add", "tam-dai", "Trần Thị Bình"]);
    book.ok(&["absent", "Trần Thị Bình", "--meeting", "giao ban"]);
    assert_eq!(
        note_of(&book, &["absent", "Trần Thị Bình", "--meeting", "họp dân"]),
        ""
    );
    assert_eq!(
        note_of(&book, &["absent", "Trần Thị Bình", "--meeting", "giao ban"]),
        "note: #1 already records the same about Trần Thị Bình on this visit; \
         if this one was logged twice, `spotcheck void 3 --reason \"logged twice\"`\n"
    );
}

#[test]
fn an_overdue_file_is_known_by_its_reference_whoever_holds_it() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["person", "add", "tam-dai", "Hồ Thị Lan"]);
    book.ok(&["person", "add", "tam-dai", "Lương Thị Mai"]);
    book.ok(&[
        "overdue",
        "HS-1",
        "--due",
        "29/04/2022",
        "--officer",
        "Hồ Thị Lan",
    ]);
    // Another file with the same officer is another finding.
    assert_eq!(
        note_of(
            &book,
            &[
                "overdue",
                "HS-2",
                "--due",
                "29/04/2022",
                "--officer",
                "Hồ Thị Lan"
            ]
        ),
        ""
    );
    assert_eq!(
        note_of(
            &book,
            &[
                "overdue",
                "HS-1",
                "--due",
                "02/05/2022",
                "--officer",
                "Lương Thị Mai"
            ]
        ),
        "note: #1 already records the same about file HS-1 on this visit; \
         if this one was logged twice, `spotcheck void 3 --reason \"logged twice\"`\n"
    );
}

#[test]
fn another_finding_is_the_same_when_person_words_and_category_are() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["person", "add", "tam-dai", "Võ Minh Khoa"]);
    let other = |description: &str, category: &str| {
        note_of(
            &book,
            &[
                "other",
                description,
                "--person",
                "Võ Minh Khoa",
                "--category",
                category,
            ],
        )
    };
    assert_eq!(other("left the post at 10:00", "conduct"), "");
    assert_eq!(other("left the post at 10:30", "conduct"), "");
    assert_eq!(other("left the post at 10:00", "discipline"), "");
    assert_eq!(
        other("left the post at 10:00", "conduct"),
        "note: #1 already records the same about Võ Minh Khoa on this visit; \
         if this one was logged twice, `spotcheck void 4 --reason \"logged twice\"`\n"
    );
    // Without a person, the words alone tell them apart.
    book.ok(&["other", "no duty roster on the wall"]);
    assert_eq!(
        note_of(&book, &["other", "no duty roster on the wall"]),
        "note: #5 already records the same finding on this visit; \
         if this one was logged twice, `spotcheck void 6 --reason \"logged twice\"`\n"
    );
}

#[test]
fn the_note_speaks_vietnamese() {
    let book = visit_with_an_late();
    assert_eq!(
        note_of(
            &book,
            &[
                "--lang",
                "vi",
                "late",
                "Nguyễn Văn An",
                "--arrived",
                "08:00"
            ]
        ),
        "lưu ý: #1 đã ghi đúng điều này về Nguyễn Văn An trong lượt kiểm tra này; \
         nếu phát hiện này bị ghi hai lần, gõ `spotcheck void 2 --reason \"ghi trùng\"`\n"
    );
}
