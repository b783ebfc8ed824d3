//! What text may hold, typed or imported: free text keeps its line breaks
//! and tabs, nothing keeps another control character, a name must show
//! something; and what the outputs make of text they cannot show as it is.

use crate::support::{Logbook, csv_records};

/// A command that must be refused with exactly `message`, changing nothing.
fn refused(book: &Logbook, args: &[&str], message: &str) {
    let before = book.snapshot();
    assert_eq!(
        book.fails(args, 1),
        format!("error: {message}\n"),
        "{args:?}"
    );
    book.assert_unchanged(&before);
}

const FREE: &str = "text may hold line breaks and tabs but no other control character; \
                    type it again without it";
const LINE: &str = "a name, code or reference is one line without control characters; \
                    type it again without it";

#[test]
fn typed_text_refuses_control_characters_naming_the_flag_and_the_character() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "12"]);
    refused(
        &book,
        &["absent", "Trần Thị Bình", "--note", "vắng \u{1b}[31mhọp"],
        &format!("`--note` holds the control character U+001B at character 6: {FREE}"),
    );
    refused(
        &book,
        &["absent", "Trần\u{7f} Thị Bình"],
        &format!("`PERSON` holds the control character U+007F at character 5: {LINE}"),
    );
    refused(
        &book,
        &["absent", "Trần Thị\nBình"],
        &format!("`PERSON` holds the control character U+000A at character 9: {LINE}"),
    );
    refused(
        &book,
        &["other", "không đeo thẻ", "--category", "trang\u{85}phục"],
        &format!("`--category` holds the control character U+0085 at character 6: {LINE}"),
    );
    refused(
        &book,
        &["overdue", "HS-2022\u{9b}0012", "--due", "02/05/2022"],
        &format!("`FILE_REF` holds the control character U+009B at character 8: {LINE}"),
    );
    refused(
        &book,
        &["other", "rời vị trí\u{7}"],
        &format!("`DESCRIPTION` holds the control character U+0007 at character 11: {FREE}"),
    );
    refused(
        &book,
        &["edit", "1", "--note", "a\u{1b}]0;x\u{7}", "--reason", "sửa"],
        &format!("`--note` holds the control character U+001B at character 2: {FREE}"),
    );
    refused(
        &book,
        &[
            "edit",
            "1",
            "--minutes",
            "15",
            "--reason",
            "đồng hồ\u{8}sai",
        ],
        &format!("`--reason` holds the control character U+0008 at character 8: {FREE}"),
    );
    refused(
        &book,
        &["void", "1", "--reason", "ghi nhầm\u{1b}[2J"],
        &format!("`--reason` holds the control character U+001B at character 9: {FREE}"),
    );
    refused(
        &book,
        &[
            "unit",
            "add",
            "phu-thinh",
            "UBND thị trấn\u{1b}[0m Phú Thịnh",
        ],
        &format!("`NAME` holds the control character U+001B at character 14: {LINE}"),
    );
    refused(
        &book,
        &[
            "person",
            "add",
            "tam-dai",
            "Võ Thị Mai",
            "--position",
            "kế\ttoán",
        ],
        &format!("`--position` holds the control character U+0009 at character 3: {LINE}"),
    );
    refused(
        &book,
        &[
            "visit",
            "start",
            "tam-dai",
            "--team",
            "Lê Thị Hoa,\u{1b}[8m",
        ],
        &format!("`--team` holds the control character U+001B at character 12: {LINE}"),
    );
}

#[test]
fn names_that_show_nothing_are_refused() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let nothing = "holds nothing visible, only characters such as";
    for (args, flag, shown) in [
        (
            vec!["late", "\u{200b}\u{200b}", "--minutes", "5"],
            "PERSON",
            "U+200B",
        ),
        (
            vec!["absent", "\u{202e}\u{2066}\u{2069}"],
            "PERSON",
            "U+202E",
        ),
        (vec!["absent", "\u{feff}"], "PERSON", "U+FEFF"),
        (
            vec![
                "other",
                "quát nạt công dân",
                "--person",
                "\u{200d} \u{200c}",
            ],
            "--person",
            "U+200D",
        ),
        (
            vec!["unit", "add", "an-phu", "\u{200f}\u{200e}"],
            "NAME",
            "U+200F",
        ),
        (
            vec!["unit", "edit", "tam-dai", "--name", "\u{2060}"],
            "--name",
            "U+2060",
        ),
        (
            vec!["person", "add", "tam-dai", "\u{202a}\u{202c}"],
            "NAME",
            "U+202A",
        ),
        (
            vec![
                "visit",
                "start",
                "tam-dai",
                "--team",
                "Lê Thị Hoa, \u{200b}",
            ],
            "--team",
            "U+200B",
        ),
    ] {
        refused(
            &book,
            &args,
            &format!("`{flag}` {nothing} {shown} that show nothing: type the name in letters"),
        );
    }
    // Such characters inside a name that shows letters are the name's own.
    book.ok(&["absent", "Trần\u{200b}Thị Bình"]);
}

#[test]
fn imported_names_and_text_follow_the_same_rules() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    let units = book.path("units.csv");
    std::fs::write(&units, "code,name\nan-phu,\"\u{200b}\u{feff}\"\n").unwrap();
    let people = book.path("people.csv");
    std::fs::write(
        &people,
        "unit_code,name,position\ntam-dai,Võ Thị Mai,\"kế\ntoán\"\n",
    )
    .unwrap();
    let visits = book.path("visits.csv");
    std::fs::write(
        &visits,
        "unit_code,started_at,team\ntam-dai,2022-05-10 07:05,\"Lê Thị Hoa, \u{2066}\"\n",
    )
    .unwrap();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["import", "units", units.to_str().unwrap()], 1),
        format!(
            "error: {}:2: column name: holds nothing visible, only characters such as U+200B \
             that show nothing: type the name in letters\n",
            units.display()
        )
    );
    assert_eq!(
        book.fails(&["import", "people", people.to_str().unwrap()], 1),
        format!(
            "error: {}:2: column position: holds the control character U+000A at character 3: \
             {LINE}\n",
            people.display()
        )
    );
    assert_eq!(
        book.fails(&["import", "visits", visits.to_str().unwrap()], 1),
        format!(
            "error: {}:2: column team: holds nothing visible, only characters such as U+2066 \
             that show nothing: type the name in letters\n",
            visits.display()
        )
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_note_with_line_breaks_and_tabs_comes_back_byte_for_byte() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let note = "Dòng 1: đến muộn\n\tkhông báo trước\r\nDòng 3 | có dấu \"ngoặc\"";
    book.ok(&["absent", "Nguyễn Văn An", "--note", note]);
    book.ok(&["other", "quát nạt\ncông dân", "--note", "\t=1+1"]);
    let exports: Vec<(&str, String)> = ["units", "people", "visits", "findings"]
        .into_iter()
        .map(|records| (records, book.ok(&["export", records])))
        .collect();
    let rows = csv_records(&exports[3].1);
    assert_eq!(rows[0]["note"], note);
    assert_eq!(rows[1]["description"], "quát nạt\ncông dân");
    // Typed text is trimmed, so the tab in front of the formula went.
    assert_eq!(rows[1]["note"], "'=1+1");

    let fresh = Logbook::new();
    for (records, text) in &exports {
        let file = fresh.path(&format!("{records}.csv"));
        std::fs::write(&file, text).unwrap();
        fresh.ok(&["import", records, file.to_str().unwrap()]);
    }
    for (records, text) in &exports {
        assert_eq!(&fresh.ok(&["export", records]), text, "{records}");
    }
    // And into the logbook they came from: nothing to change.
    let file = book.path("findings.csv");
    std::fs::write(&file, &exports[3].1).unwrap();
    assert_eq!(
        book.ok(&["import", "findings", file.to_str().unwrap()]),
        format!(
            "nothing to change: all 2 findings in {} are already in the logbook\n",
            file.display()
        )
    );
}

#[test]
fn markdown_keeps_its_table_whole_and_shows_no_control_character() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["absent", "Nguyễn Văn An", "--note", "a | b\nc"]);
    // A logbook written before these rules may hold an escape sequence.
    let conn = crate::support::open_logbook(book.db());
    conn.execute(
        "UPDATE visits SET note = 'đỏ \u{1b}[31m\u{9b}chữ' WHERE id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    let md = book.ok(&["show", "1", "--format", "md"]);
    assert!(md.contains("| a \\| b<br>c |"), "{md}");
    let md = book.ok(&["visit", "show", "1", "--format", "md"]);
    assert!(!md.contains(['\u{1b}', '\u{9b}']), "{md}");
    assert!(md.contains("đỏ \u{fffd}[31m\u{fffd}chữ"), "{md}");
    let table = book.ok(&["visit", "show", "1"]);
    assert!(!table.contains(['\u{1b}', '\u{9b}']), "{table}");
}

#[test]
fn who_is_writing_is_a_name_wherever_it_is_set() {
    // Stamped on every record and history entry, as `logged_by` is: held to
    // the rule of names whether it comes from the environment or the config.
    let book = Logbook::new();
    book.visit_tam_dai();
    let output = book.run_with(
        &["late", "Nguyễn Văn An", "--minutes", "5"],
        &[("SPOTCHECK_BY", "Lê Thị\u{7} Hoa")],
    );
    assert_eq!(output.code, 1, "{}", output.dump);
    assert_eq!(
        output.stderr,
        format!(
            "error: `SPOTCHECK_BY` holds the control character U+0007 at character 7: {LINE}\n"
        )
    );
    let book = Logbook::new()
        .without_env("SPOTCHECK_BY")
        .config("inspector = \"\u{200b}\u{200b}\"\n");
    let output = book.run(&["init"]);
    assert_eq!(output.code, 1, "{}", output.dump);
    assert!(
        output.stderr.ends_with(
            "line 1, column 13: holds nothing visible, only characters such as U+200B that \
             show nothing: type the name in letters\n"
        ),
        "{}",
        output.dump
    );
    assert!(!book.db().exists(), "no logbook made");
}

#[test]
fn an_error_that_quotes_what_was_typed_cannot_drive_the_terminal() {
    let book = Logbook::new();
    let refused = book.fails(&["unit", "add", "X\u{1b}[2J", "UBND xã Tam Đại"], 1);
    assert!(!refused.contains('\u{1b}'), "{refused:?}");
    assert!(
        refused.starts_with("error: invalid unit code `X\u{fffd}[2J`"),
        "{refused:?}"
    );
}

#[test]
fn blank_braille_tags_and_other_invisible_marks_are_not_a_name() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let nothing = "holds nothing visible, only characters such as";
    for (name, shown) in [
        ("\u{2800}\u{2800}", "U+2800"),
        ("\u{e0001}\u{e0076}\u{e0069}\u{e007f}", "U+E0001"),
        ("\u{e0020}", "U+E0020"),
        ("\u{206a}\u{206f}", "U+206A"),
        ("\u{1d173}\u{1d17a}", "U+1D173"),
        ("\u{fff9}\u{fffb}", "U+FFF9"),
        ("\u{180b} \u{180d}", "U+180B"),
    ] {
        refused(
            &book,
            &["absent", name],
            &format!("`PERSON` {nothing} {shown} that show nothing: type the name in letters"),
        );
    }
}

#[test]
fn unicode_line_separators_break_a_line_and_only_free_text_takes_them() {
    let book = Logbook::new();
    book.visit_tam_dai();
    refused(
        &book,
        &["absent", "Trần Thị\u{2028}Bình"],
        &format!("`PERSON` holds the line separator U+2028 at character 9: {LINE}"),
    );
    refused(
        &book,
        &["overdue", "HS-2022\u{2029}0012", "--due", "02/05/2022"],
        &format!("`FILE_REF` holds the line separator U+2029 at character 8: {LINE}"),
    );
    book.ok(&[
        "absent",
        "Trần Thị Bình",
        "--note",
        "vắng họp\u{2028}giao ban",
    ]);
    let rows = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(rows[0]["note"], "vắng họp\u{2028}giao ban");
}
