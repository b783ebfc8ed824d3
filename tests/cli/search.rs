//! `list --search` and `export findings --search`: words found with or
//! without their accents, đ as d, through every change a finding can go
//! through, in logbooks of every schema, whatever characters are typed.

use std::path::Path;

use crate::support::{Logbook, csv_records, csv_rows};

/// Findings whose people, unit, notes and file carry đ, ư, ơ and stacked
/// marks: #1–#4 at UBND phường Đông Hưng, #5–#6 at UBND xã Tam Đại.
fn dong_hung_logbook() -> Logbook {
    // The evening of the day of the visit.
    let book = Logbook::new().now("2022-05-11T17:00");
    book.ok(&["unit", "add", "dong-hung", "UBND phường Đông Hưng"]);
    book.ok(&["visit", "start", "dong-hung", "--at", "11/05/2022 07:10"]);
    book.ok(&[
        "late",
        "Đỗ Thị Lữ",
        "--minutes",
        "20",
        "--note",
        "kẹt xe trên đường",
    ]);
    book.ok(&[
        "absent",
        "Nguyễn Văn Lộc",
        "--meeting",
        "họp giao ban phường",
    ]);
    book.ok(&[
        "other",
        "Không đeo thẻ công chức",
        "--person",
        "Phan Thị Ngọc Ước",
        "--note",
        "chuyện thường xuyên ở bộ phận một cửa",
    ]);
    book.ok(&[
        "overdue",
        "HS-2022-0501",
        "--due",
        "06/05/2022",
        "--procedure",
        "Chứng thực chữ ký",
        "--officer",
        "Đỗ Thị Lữ",
    ]);
    book.ok(&["visit", "end", "--at", "11/05/2022 08:00"]);
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&["visit", "start", "tam-dai", "--at", "11/05/2022 09:00"]);
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "10"]);
    book.ok(&["absent", "Trần Minh Đức"]);
    book
}

/// The numbers `list --search TEXT` shows, in its order.
fn listed(book: &Logbook, typed: &str, more: &[&str]) -> Vec<String> {
    // With `=`, so that text starting with `-` is not read as a flag.
    let search = format!("--search={typed}");
    let mut args = vec!["list", &search, "--format", "csv"];
    args.extend_from_slice(more);
    numbers(&book.ok(&args))
}

/// The numbers `export findings --search TEXT` writes.
fn exported(book: &Logbook, typed: &str) -> Vec<String> {
    numbers(&book.ok(&["export", "findings", &format!("--search={typed}")]))
}

fn numbers(csv: &str) -> Vec<String> {
    csv_records(csv)
        .into_iter()
        .map(|record| record["number"].clone())
        .collect()
}

/// Both `list` and `export` find exactly `expected` for `typed`.
fn assert_found(book: &Logbook, typed: &str, expected: &[&str]) {
    assert_eq!(
        listed(book, typed, &[]),
        expected,
        "list --search {typed:?}"
    );
    assert_eq!(exported(book, typed), expected, "export --search {typed:?}");
}

#[test]
fn words_are_found_with_or_without_their_accents() {
    let book = dong_hung_logbook();
    for (typed, expected) in [
        // People, with đ, ư, ơ and the stacked marks of ỗ, ữ, ộ, ọ.
        ("Đỗ Thị Lữ", &["1", "4"][..]),
        ("do thi lu", &["1", "4"]),
        ("DO LU", &["1", "4"]),
        ("đức", &["6"]),
        ("duc", &["6"]),
        ("ĐỨC", &["6"]),
        ("Lộc", &["2"]),
        ("loc", &["2"]),
        ("ngoc", &["3"]),
        ("ngọc ước", &["3"]),
        ("uoc", &["3"]),
        // Every word must match, each as the start of a word.
        ("nguyen van", &["2", "5"]),
        ("nguyen van loc", &["2"]),
        ("nguyen van loc an", &[]),
        ("ngu", &["2", "5"]),
        ("guyen", &[]),
        // The unit's name and code.
        ("phường đông hưng", &["1", "2", "3", "4"]),
        ("phuong dong hung", &["1", "2", "3", "4"]),
        ("dong-hung", &["1", "2", "3", "4"]),
        ("tam dai", &["5", "6"]),
        // Notes, meetings, file references and procedures.
        ("đường", &["1"]),
        ("duong", &["1"]),
        ("thuong xuyen", &["3"]),
        ("thường", &["3"]),
        ("giao ban", &["2"]),
        ("hs-2022-0501", &["4"]),
        ("0501", &["4"]),
        ("chung thuc chu ky", &["4"]),
        ("the cong chuc", &["3"]),
        // Words across the fields of one finding.
        ("lu chung thuc", &["4"]),
        ("an tam dai", &["5"]),
    ] {
        assert_found(&book, typed, expected);
    }
}

#[test]
fn the_other_filters_still_apply_to_a_search() {
    let book = dong_hung_logbook();
    assert_eq!(listed(&book, "lu", &["--kind", "late"]), ["1"]);
    assert_eq!(listed(&book, "nguyen", &["--unit", "tam-dai"]), ["5"]);
    assert_eq!(
        listed(&book, "nguyen", &["--month", "05/2022", "--person", "loc"]),
        ["2"]
    );
    assert_eq!(
        listed(&book, "nguyen", &["--month", "04/2022"]),
        Vec::<String>::new()
    );
}

#[test]
fn an_edit_moves_the_finding_to_its_new_words() {
    let book = dong_hung_logbook();
    book.ok(&["edit", "1", "--note", "trời mưa to", "--reason", "ghi nhầm"]);
    assert_found(&book, "duong", &[]);
    assert_found(&book, "mua to", &["1"]);
    book.ok(&["edit", "2", "--meeting", "họp chi bộ"]);
    assert_found(&book, "giao ban", &[]);
    assert_found(&book, "chi bo", &["2"]);
    // Another person named on the finding.
    book.ok(&["edit", "6", "--person", "Trần Minh Tú"]);
    assert_found(&book, "duc", &[]);
    assert_found(&book, "tran minh tu", &["6"]);
    book.ok(&["check"]);
}

#[test]
fn a_renamed_unit_is_found_by_its_new_name_only() {
    let book = dong_hung_logbook();
    assert_found(&book, "phuong", &["1", "2", "3", "4"]);
    book.ok(&["unit", "edit", "dong-hung", "--name", "UBND xã Đông Hưng"]);
    // Still in the meeting of #2, no longer in the unit's name.
    assert_found(&book, "phuong", &["2"]);
    assert_found(&book, "xa dong hung", &["1", "2", "3", "4"]);
    // The hours are not searched: changing them leaves the index alone.
    book.ok(&["unit", "edit", "dong-hung", "--start", "7:30"]);
    assert_found(&book, "xa dong hung", &["1", "2", "3", "4"]);
    book.ok(&["check"]);
}

#[test]
fn a_voided_finding_is_searched_as_it_is_listed() {
    let book = dong_hung_logbook();
    book.ok(&["void", "2", "--reason", "có đơn nghỉ phép"]);
    // `list` leaves voided findings out unless asked; `export` keeps them.
    assert_eq!(listed(&book, "nguyen", &[]), ["5"]);
    assert_eq!(listed(&book, "nguyen", &["--include-void"]), ["2", "5"]);
    assert_eq!(exported(&book, "nguyen"), ["2", "5"]);
}

#[test]
fn imported_and_merged_findings_are_found() {
    let book = dong_hung_logbook();
    // A fresh logbook with the units, people and visits, then the findings.
    let fresh = Logbook::new();
    for records in ["units", "people", "visits", "findings"] {
        let file = fresh.path(&format!("{records}.csv"));
        std::fs::write(&file, book.ok(&["export", records])).unwrap();
        fresh.ok(&["import", records, file.to_str().unwrap()]);
    }
    assert_found(&fresh, "do lu", &["1", "4"]);
    assert_found(&fresh, "duong", &["1"]);

    let other = Logbook::new().now("2022-05-12T17:00");
    other.ok(&["unit", "add", "noi-vu", "Phòng Nội vụ"]);
    other.ok(&["visit", "start", "noi-vu", "--at", "12/05/2022 07:30"]);
    other.ok(&["absent", "Lê Văn Hữu"]);
    other.ok(&["merge", book.db().to_str().unwrap()]);
    assert_found(&other, "huu", &["1"]);
    assert_eq!(listed(&other, "do lu", &[]).len(), 2);
    assert_eq!(listed(&other, "phong noi vu", &[]), ["1"]);
    other.ok(&["check"]);
}

#[test]
fn query_syntax_typed_by_a_person_is_only_text() {
    let book = dong_hung_logbook();
    for (typed, expected) in [
        ("\"đỗ lữ", &["1", "4"][..]),
        ("lữ\"", &["1", "4"]),
        ("\"do lu\"", &["1", "4"]),
        ("lu*", &["1", "4"]),
        ("-lu", &["1", "4"]),
        ("do:lu", &[]),
        ("words:lu", &[]),
        ("(lu", &["1", "4"]),
        ("do OR an", &[]),
        ("do AND", &[]),
        ("NOT do", &[]),
        ("NEAR(do lu)", &[]),
        ("^lu", &["1", "4"]),
        ("do + lu", &["1", "4"]),
        ("{do} [lu]", &["1", "4"]),
        ("it's", &[]),
    ] {
        assert_found(&book, typed, expected);
    }
}

#[test]
fn text_with_no_word_to_look_for_is_refused() {
    let book = dong_hung_logbook();
    for typed in ["-", "\"\"", "* : ( )", "…"] {
        let message = format!(
            "error: `--search {typed}` has no word to look for: give some letters or digits, as in `--search \"nguyen van\"`\n"
        );
        assert_eq!(book.fails(&["list", "--search", typed], 1), message);
        let out = book.path("out.csv");
        assert_eq!(
            book.fails(
                &[
                    "export",
                    "findings",
                    "--search",
                    typed,
                    "-o",
                    out.to_str().unwrap()
                ],
                1
            ),
            message
        );
        assert!(!out.exists(), "a refused export wrote {}", out.display());
    }
    // Blank text is no filter, as for the other text filters.
    assert_eq!(listed(&book, " ", &[]), ["1", "2", "3", "4", "5", "6"]);
}

#[test]
fn a_change_made_by_another_program_is_indexed_too() {
    // The triggers use only SQLite's own functions, so an edit made in the
    // `sqlite3` shell is queued for the index, and the next spotcheck that
    // opens the file indexes it before it searches.
    let book = dong_hung_logbook();
    let conn = crate::support::open_logbook(book.db());
    conn.execute_batch(
        "UPDATE findings SET note = 'trời mưa' WHERE id = 1;
         INSERT INTO findings (uid, visit_id, kind, description, logged_by, logged_at, updated_at)
         VALUES ('0123456789abcdef0123456789abcdef', 2, 'other', 'Hút thuốc trong phòng', 'shell',
                 '2022-05-11T02:30:00.000Z', '2022-05-11T02:30:00.000Z');",
    )
    .unwrap();
    let queued: i64 = conn
        .query_row("SELECT count(*) FROM search_pending", [], |row| row.get(0))
        .unwrap();
    assert_eq!(queued, 2);
    conn.close().unwrap();
    assert_found(&book, "mua", &["1"]);
    assert_found(&book, "duong", &[]);
    assert_found(&book, "hut thuoc tam dai", &["7"]);
    let conn = crate::support::open_logbook(book.db());
    let queued: i64 = conn
        .query_row("SELECT count(*) FROM search_pending", [], |row| row.get(0))
        .unwrap();
    assert_eq!(queued, 2, "reads never write: the next write indexes them");
    conn.close().unwrap();
    // The shell's finding has no history entry; the index is whole.
    let out = book.run(&["check", "--format", "csv"]);
    assert!(!out.stdout.contains("search index"), "{}", out.dump);
}

#[test]
fn a_bulk_import_is_searched_right_after_it() {
    let book = dong_hung_logbook();
    let fresh = Logbook::new();
    for records in ["units", "people", "visits"] {
        let file = fresh.path(&format!("{records}.csv"));
        std::fs::write(&file, book.ok(&["export", records])).unwrap();
        fresh.ok(&["import", records, file.to_str().unwrap()]);
    }
    // Finding #3 of the export many times over, each with a note of its own
    // and no uid, so that each is a new finding.
    let rows = csv_rows(&book.ok(&["export", "findings"]));
    let header = &rows[0];
    let column = |name: &str| header.iter().position(|c| c == name).unwrap();
    let (uid, number, note) = (column("uid"), column("number"), column("note"));
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(header).unwrap();
    let count = 2_000;
    for n in 0..count {
        let mut row = rows[3].clone();
        row[uid].clear();
        row[number].clear();
        row[note] = format!("lô số {n:04}");
        out.write_record(&row).unwrap();
    }
    let file = fresh.path("findings.csv");
    std::fs::write(&file, out.into_inner().unwrap()).unwrap();
    fresh.ok(&["import", "findings", file.to_str().unwrap()]);
    assert_found(&fresh, "lo so 0000", &["1"]);
    assert_found(&fresh, "lô 1999", &["2000"]);
    assert_eq!(listed(&fresh, "ngoc uoc lo", &[]).len(), count);
    fresh.ok(&["check"]);
}

#[test]
fn check_names_a_search_index_out_of_step_with_the_findings() {
    let book = dong_hung_logbook();
    let conn = crate::support::open_logbook(book.db());
    conn.execute_batch(
        "INSERT INTO finding_search (finding_search, rowid, words)
         SELECT 'delete', id, words FROM finding_words WHERE id = 1",
    )
    .unwrap();
    conn.close().unwrap();
    let out = book.run(&["check", "--format", "csv"]);
    assert_eq!(out.code, 3, "{}", out.dump);
    assert!(
        out.stdout.contains(
            "search index,does not hold the words the findings have now: \
             `list --search` and `export --search` may miss or wrongly find findings"
        ),
        "{}",
        out.dump
    );
}

/// A copy of the fixture logbook of schema `version`.
fn logbook_of_version(version: i64) -> Logbook {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/logbook-v{version}.db"));
    let book = Logbook::new();
    std::fs::copy(fixture, book.db()).unwrap();
    // Reads never upgrade a logbook: `init` does.
    book.ok(&["init"]);
    book
}

#[test]
fn an_upgraded_logbook_is_searched_from_its_first_command() {
    let v1 = logbook_of_version(1);
    assert_found(&v1, "dang quoc huy", &["3"]);
    assert_found(&v1, "chung thuc", &["7"]);
    assert_eq!(listed(&v1, "phu thinh", &[]), ["5", "6", "7"]);
    assert_eq!(
        listed(&v1, "phu thinh", &["--include-void"]),
        ["5", "6", "7", "8"]
    );
    v1.ok(&["check"]);

    let v2 = logbook_of_version(2);
    assert_found(&v2, "do thi lu", &["10", "13"]);
    assert_found(&v2, "Đỗ Thị Lữ", &["10", "13"]);
    assert_found(&v2, "loc", &["11"]);
    assert_found(&v2, "ngoc uoc", &["12"]);
    assert_found(&v2, "thuong xuyen", &["12"]);
    assert_found(&v2, "bo phan mot cua", &["12"]);
    assert_found(&v2, "dong hung", &["10", "11", "12", "13"]);
    v2.ok(&["check"]);
    // And the upgraded file goes on indexing what is logged next.
    v2.ok(&["visit", "start", "dong-hung", "--at", "10/05/2022 07:00"]);
    v2.ok(&["absent", "Vũ Thị Hường"]);
    assert_found(&v2, "huong", &["14"]);
    v2.ok(&[
        "edit",
        "14",
        "--note",
        "đi họp huyện",
        "--reason",
        "ghi thêm",
    ]);
    assert_found(&v2, "huong hop huyen", &["14"]);
    v2.ok(&["check"]);
}

#[test]
fn the_index_can_be_queried_with_sql() {
    // FTS5 reads `PRAGMA data_version` on its own; the read-only guard of
    // `sql` lets that through.
    let book = dong_hung_logbook();
    let out = book.ok(&[
        "sql",
        "SELECT number FROM findings_v WHERE number IN \
         (SELECT rowid FROM finding_search WHERE finding_search MATCH 'do* lu*') ORDER BY number",
        "--format",
        "csv",
    ]);
    assert_eq!(out, "number\n1\n4\n");
    book.fails(&["sql", "PRAGMA data_version = 1"], 1);
}
