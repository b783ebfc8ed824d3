//! Values as SQLite holds them, shown by `sql` and `export` whatever wrote
//! them: a blob by its size, text that is not UTF-8 with its bad bytes
//! replaced in `sql` and left empty in an export.

use crate::support::{Logbook, csv_records, json};

const ODD_VALUES: &str =
    "SELECT x'010203' AS b, CAST(x'ff41' AS TEXT) AS t, 1.25 AS r, NULL AS n, 7 AS i";

#[test]
fn sql_shows_a_blob_by_its_size_and_replaces_bytes_that_are_not_utf8() {
    let book = Logbook::new();
    book.ok(&["init"]);
    let before = book.snapshot();
    assert_eq!(
        book.ok(&["sql", ODD_VALUES, "--format", "csv"]),
        "b,t,r,n,i\n<3 bytes>,\u{FFFD}A,1.2,,7\n"
    );
    assert_eq!(
        json(&book.ok(&["sql", ODD_VALUES, "--format", "json"])),
        serde_json::json!([{ "b": "<3 bytes>", "t": "\u{FFFD}A", "r": 1.3, "n": null, "i": 7 }])
    );
    book.assert_unchanged(&before);
}

#[test]
fn export_leaves_text_that_is_not_utf8_empty_and_keeps_the_rest_of_the_row() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&[
        "late",
        "Nguyễn Thị Lan",
        "--minutes",
        "10",
        "--note",
        "kept",
    ]);
    let conn = crate::support::open_logbook(book.db());
    conn.execute_batch("UPDATE findings SET note = CAST(x'ff41' AS TEXT)")
        .unwrap();
    drop(conn);
    let records = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["note"], "");
    assert_eq!(records[0]["person"], "Nguyễn Thị Lan");
    assert_eq!(records[0]["minutes_late"], "10");
    assert_eq!(records[0]["number"], "1");
}
