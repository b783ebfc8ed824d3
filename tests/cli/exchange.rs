//! Records between logbooks, spreadsheets and other SQLite tools: export and
//! import (lossless, all or nothing, each bad value named by line and column),
//! merging another inspector's logbook, read-only `sql`, `schema`, `backup`,
//! and `check` with its seal.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::support::{FINDINGS_HEADER, Logbook, csv_records, csv_rows, json};

/// The four kinds of record, in the order they must be imported.
const RECORDS: [&str; 4] = ["units", "people", "visits", "findings"];

/// The first words of every refusal by `sql`.
const SQL_REFUSED: &str = "error: refused: `spotcheck sql` only reads";

/// "UBND xã Tam Đại" as a keyboard that sends combining characters types it.
const TAM_DAI_COMBINING: &str = "UBND xa\u{303} Tam \u{110}a\u{323}i";

/// "Nguyễn Văn An" typed with combining characters.
const AN_COMBINING: &str = "Nguye\u{302}\u{303}n Va\u{306}n An";

/// A file of the fixture folder of malformed imports.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// What `import KIND FILE` prints when it brings records in.
fn imported(records: &str, file: &Path, new: u64, updated: u64, unchanged: u64) -> String {
    format!(
        "imported {records} from {}: {new} new, {updated} updated, {unchanged} unchanged\n",
        file.display()
    )
}

/// What `import KIND FILE` prints when every record is already there.
fn nothing_to_change(records: &str, file: &Path, count: u64) -> String {
    format!(
        "nothing to change: all {count} {records} in {} are already in the logbook\n",
        file.display()
    )
}

/// The text a spreadsheet must not run as a formula, with export's guard:
/// one more `'` in front of text that begins (after any quotes) with `=`,
/// `+`, `-`, `@`, a tab or a carriage return.
fn guarded(text: &str) -> String {
    let formula = ['=', '+', '-', '@', '\t', '\r'];
    if text.trim_start_matches('\'').starts_with(formula) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Change the logbook file behind spotcheck's back, as the `sqlite3` shell would.
fn tamper(book: &Logbook, sql: &str) {
    let conn = crate::support::open_logbook(book.db());
    conn.execute_batch(sql).expect("changing the logbook");
    conn.close().expect("closing the logbook");
}

/// `sql`, `schema` and `merge` read a logbook on a read-only connection, and
/// SQLite leaves the `-wal` and `-shm` files of such a connection behind (see
/// the ignored `reading_a_logbook_leaves_no_files_beside_it`). A plain read
/// removes them again and folds anything written to the WAL into the file, so
/// that a snapshot taken afterwards compares what the command really changed.
fn tidy(book: &Logbook) {
    book.ok(&["list"]);
}

/// The 64 hex digits after `seal ` in the output of `check`.
fn seal_in(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| *w == "seal")
        .unwrap_or_else(|| panic!("no seal in\n{text}"));
    let seal = words[at + 1].to_string();
    assert!(
        seal.len() == 64 && seal.bytes().all(|b| b.is_ascii_hexdigit()),
        "`{seal}` is not 64 hex digits:\n{text}"
    );
    seal
}

/// The rows `check --format csv` found wrong, as (record, problem).
fn problems(book: &Logbook, args: &[&str]) -> (i32, Vec<(String, String)>, String) {
    let mut args = args.to_vec();
    args.extend(["--format", "csv"]);
    let output = book.run(&args);
    let rows = csv_records(&output.stdout)
        .into_iter()
        .map(|r| (r["record"].clone(), r["problem"].clone()))
        .collect();
    (output.code, rows, output.stderr)
}

// ---------------------------------------------------------------------------
// Round trip

/// Two units, three people, two visits and six findings typed as inspectors
/// type them: names with combining characters, notes with quotes, commas,
/// newlines and text a spreadsheet would run as a formula, and a void.
fn vietnamese_logbook() -> Logbook {
    // Late that morning, once both visits are over.
    let book = Logbook::new().now("2022-05-10T10:30");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        TAM_DAI_COMBINING,
        "--kind",
        "commune",
    ]);
    book.ok(&[
        "unit",
        "add",
        "noi-vu",
        "Phòng Nội vụ huyện Phú Ninh",
        "--kind",
        "office",
        "--start",
        "7:30",
    ]);
    book.ok(&[
        "person",
        "add",
        "tam-dai",
        AN_COMBINING,
        "--position",
        "Công chức tư pháp - hộ tịch",
    ]);
    book.ok(&[
        "person",
        "add",
        "noi-vu",
        "Hồ Thị Lan",
        "--position",
        "@một cửa",
    ]);
    book.ok(&[
        "visit",
        "start",
        "tam-dai",
        "--at",
        "10/05/2022 07:05",
        "--team",
        "Lê Thị Hoa, Phạm Minh Tuấn",
        "--on-roll",
        "22",
        "--present",
        "18",
        "--note",
        "=SUM(A1)",
    ]);
    // Typed precomposed this time: the same person as the one added above.
    book.ok(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "7h40",
        "--note",
        "+84 905 123 456",
    ]);
    book.ok(&[
        "absent",
        "Trần Thị Bình",
        "--meeting",
        "giao ban \"đầu tuần\", phòng họp 2",
        "--note",
        "-2 phút so với giờ họp",
    ]);
    book.ok(&[
        "overdue",
        "HS-2022-0412",
        "--received",
        "15/04/2022",
        "--due",
        "29/04/2022",
        "--procedure",
        "Đăng ký khai sinh, kết hôn",
        "--officer",
        "Trần Thị Bình",
        "--note",
        "@x hỏi lại",
    ]);
    book.ok(&["absent", "tran thi binh"]);
    book.ok(&["void", "4", "--reason", "ghi trùng, đã có #2"]);
    book.ok(&["visit", "end", "--at", "10/05/2022 08:30"]);
    book.ok(&[
        "visit",
        "start",
        "noi-vu",
        "--at",
        "10/05/2022 09:15",
        "--announced",
        "--note",
        "Kiểm tra theo kế hoạch;\nđoàn 2 người",
    ]);
    book.ok(&[
        "other",
        "Rời vị trí làm việc,\nđi uống cà phê \"Highlands\"",
        "--person",
        "Hồ Thị Lan",
        "--category",
        "tác phong",
        "--action",
        "reminded",
        "--note",
        "'=A1 là ô đầu tiên",
    ]);
    book.ok(&[
        "late",
        "ho thi lan",
        "--minutes",
        "12",
        "--action",
        "criticised",
    ]);
    book.ok(&["visit", "end", "--at", "10/05/2022 10:20"]);
    book
}

/// Export every kind of record to `<kind>.csv` in the logbook's directory.
fn export_files(book: &Logbook) -> Vec<(&'static str, PathBuf)> {
    RECORDS
        .iter()
        .map(|records| {
            let file = book.path(&format!("{records}.csv"));
            let out = book.ok(&["export", records, "-o", &shown(&file)]);
            assert_eq!(out, "", "`export {records} -o` printed on stdout");
            (*records, file)
        })
        .collect()
}

#[test]
fn every_export_survives_an_import_into_a_fresh_logbook_byte_for_byte() {
    assert_ne!(TAM_DAI_COMBINING, "UBND xã Tam Đại");
    assert_ne!(AN_COMBINING, "Nguyễn Văn An");
    let book = vietnamese_logbook();
    let files = export_files(&book);

    // A month later, on the leader's laptop: every stamp must come from the files.
    let fresh = Logbook::new().now("2022-06-20T10:00");
    let counts = [2, 3, 2, 6];
    for ((records, file), count) in files.iter().zip(counts) {
        let out = fresh.ok(&["import", records, &shown(file)]);
        assert_eq!(out, imported(records, file, count, 0, 0));
    }
    for (records, file) in &files {
        let original = std::fs::read_to_string(file).unwrap();
        assert_eq!(
            fresh.ok(&["export", records]),
            original,
            "`export {records}` after the import differs from the file imported"
        );
    }
    let check = fresh.ok(&["check"]);
    assert!(check.starts_with("ok: "), "{check}");

    // The same files again: nothing to do, and nothing done.
    let before = fresh.snapshot();
    for ((records, file), count) in files.iter().zip(counts) {
        let out = fresh.ok(&["import", records, &shown(file)]);
        assert_eq!(out, nothing_to_change(records, file, count));
    }
    fresh.assert_unchanged(&before);
}

#[test]
fn names_typed_with_combining_characters_are_exported_precomposed() {
    let book = vietnamese_logbook();
    let units = csv_records(&book.ok(&["export", "units"]));
    assert_eq!(units[0]["name"], "UBND xã Tam Đại");
    let people = csv_records(&book.ok(&["export", "people"]));
    let names: Vec<&str> = people.iter().map(|p| p["name"].as_str()).collect();
    // One Nguyễn Văn An, whichever way the name was typed.
    assert_eq!(names, ["Nguyễn Văn An", "Hồ Thị Lan", "Trần Thị Bình"]);
    let findings = csv_records(&book.ok(&["export", "findings"]));
    assert_eq!(findings[0]["person"], "Nguyễn Văn An");
    assert_eq!(findings[0]["unit_name"], "UBND xã Tam Đại");
}

#[test]
fn exported_cells_guard_formula_like_text_and_leave_numbers_bare() {
    let book = vietnamese_logbook();
    let findings_csv = book.ok(&["export", "findings"]);
    let findings = csv_records(&findings_csv);
    let note = |n: usize| findings[n - 1]["note"].as_str();
    assert_eq!(note(1), "'+84 905 123 456");
    assert_eq!(note(2), "'-2 phút so với giờ họp");
    assert_eq!(note(3), "'@x hỏi lại");
    assert_eq!(note(5), "''=A1 là ô đầu tiên");
    assert_eq!(findings[1]["meeting"], "giao ban \"đầu tuần\", phòng họp 2");
    assert_eq!(
        findings[4]["description"],
        "Rời vị trí làm việc,\nđi uống cà phê \"Highlands\""
    );
    assert_eq!(findings[4]["position"], "'@một cửa");
    assert_eq!(findings[3]["void_reason"], "ghi trùng, đã có #2");
    assert_ne!(findings[3]["voided_at"], "");
    // Numbers as numbers: no guard, no quotes.
    assert!(
        findings_csv.contains(",07:40,07:30,10,"),
        "minutes late:\n{findings_csv}"
    );
    assert!(
        findings_csv.contains(",2022-04-15,2022-04-29,,11,7,"),
        "days overdue:\n{findings_csv}"
    );
    assert!(
        findings_csv.contains(",,,12,"),
        "minutes late:\n{findings_csv}"
    );

    let visits_csv = book.ok(&["export", "visits"]);
    let visits = csv_records(&visits_csv);
    assert_eq!(visits[0]["note"], "'=SUM(A1)");
    assert_eq!(visits[1]["note"], "Kiểm tra theo kế hoạch;\nđoàn 2 người");
    assert!(
        visits_csv.contains(",\"Lê Thị Hoa, Phạm Minh Tuấn\",22,18,'=SUM(A1),"),
        "{visits_csv}"
    );

    let people = csv_records(&book.ok(&["export", "people"]));
    assert_eq!(people[1]["position"], "'@một cửa");
}

#[test]
fn import_takes_off_exactly_the_guard_that_export_put_on() {
    let book = vietnamese_logbook();
    let files = export_files(&book);
    let fresh = Logbook::new();
    for (records, file) in &files {
        fresh.ok(&["import", records, &shown(file)]);
    }
    let notes = fresh.ok(&[
        "sql",
        "SELECT note FROM findings ORDER BY id",
        "--format",
        "json",
    ]);
    let notes: Vec<serde_json::Value> = json(&notes)
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["note"].clone())
        .collect();
    assert_eq!(
        notes,
        [
            serde_json::json!("+84 905 123 456"),
            serde_json::json!("-2 phút so với giờ họp"),
            serde_json::json!("@x hỏi lại"),
            serde_json::Value::Null,
            serde_json::json!("'=A1 là ô đầu tiên"),
            serde_json::Value::Null,
        ]
    );
}

// ---------------------------------------------------------------------------
// Spreadsheet options, files and filters

/// A copy of `book`'s units, people and visits in a fresh logbook, ready for
/// its findings.
fn fresh_copy_without_findings(book: &Logbook) -> Logbook {
    let fresh = Logbook::new();
    for records in ["units", "people", "visits"] {
        let file = fresh.path(&format!("{records}.csv"));
        std::fs::write(&file, book.ok(&["export", records])).unwrap();
        fresh.ok(&["import", records, &shown(&file)]);
    }
    fresh
}

#[test]
fn an_excel_export_starts_with_a_byte_order_mark_and_imports_back() {
    let book = vietnamese_logbook();
    let plain = book.ok(&["export", "findings"]);
    let excel = book.ok(&["export", "findings", "--excel"]);
    assert!(excel.starts_with("\u{feff}uid,number,"), "{excel:?}");
    assert_eq!(excel.trim_start_matches('\u{feff}'), plain);

    let fresh = fresh_copy_without_findings(&book);
    let file = fresh.path("excel.csv");
    std::fs::write(&file, &excel).unwrap();
    assert_eq!(
        fresh.ok(&["import", "findings", &shown(&file)]),
        imported("findings", &file, 6, 0, 0)
    );
    assert_eq!(fresh.ok(&["export", "findings"]), plain);
}

#[test]
fn a_semicolon_export_imports_back() {
    let book = vietnamese_logbook();
    let plain = book.ok(&["export", "findings"]);
    let semicolons = book.ok(&["export", "findings", "--sep", ";"]);
    let header = semicolons.lines().next().unwrap();
    assert_eq!(header, FINDINGS_HEADER.replace(',', ";"));
    let rows = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(semicolons.as_bytes())
        .records()
        .count();
    assert_eq!(rows, 6);

    let fresh = fresh_copy_without_findings(&book);
    let out = fresh.run_with_stdin(&["import", "findings", "-"], &semicolons);
    assert_eq!(out.code, 0, "{}", out.dump);
    assert_eq!(
        out.stdout,
        "imported findings from standard input: 6 new, 0 updated, 0 unchanged\n"
    );
    assert_eq!(fresh.ok(&["export", "findings"]), plain);
}

#[test]
fn an_excel_export_with_semicolons_imports_back() {
    let book = vietnamese_logbook();
    let plain = book.ok(&["export", "findings"]);
    let both = book.ok(&["export", "findings", "--excel", "--sep", ";"]);
    assert!(both.starts_with("\u{feff}uid;number;"), "{both:?}");
    let fresh = fresh_copy_without_findings(&book);
    let file = fresh.path("excel.csv");
    std::fs::write(&file, &both).unwrap();
    fresh.ok(&["import", "findings", &shown(&file)]);
    assert_eq!(fresh.ok(&["export", "findings"]), plain);
}

#[test]
fn export_to_a_file_writes_the_file_and_nothing_on_stdout() {
    let book = vietnamese_logbook().binary();
    let expected = book.ok(&["export", "findings", "--excel"]);
    let output = book.run(&["export", "findings", "--excel", "-o", "báo cáo tháng 5.csv"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(output.stdout, "", "{}", output.dump);
    let written = std::fs::read_to_string(book.path("báo cáo tháng 5.csv")).unwrap();
    assert_eq!(written, expected);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(book.path("báo cáo tháng 5.csv"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
}

/// Findings in May and June at two units, of several kinds.
fn two_month_logbook() -> Logbook {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&["unit", "add", "noi-vu", "Phòng Nội vụ huyện Phú Ninh"]);
    let may = "2022-05-10T09:00";
    let june = "2022-06-14T09:00";
    for (now, unit, at) in [
        (may, "tam-dai", "10/05/2022 07:05"),
        (may, "noi-vu", "10/05/2022 08:00"),
        (june, "tam-dai", "14/06/2022 07:10"),
        (june, "noi-vu", "14/06/2022 08:10"),
    ] {
        let run = |args: &[&str]| {
            let output = book.run_at(now, args);
            assert_eq!(output.code, 0, "{}", output.dump);
        };
        run(&["visit", "start", unit, "--at", at]);
        run(&["late", "Nguyễn Văn An", "--minutes", "10"]);
        run(&["absent", "Trần Thị Bình"]);
        run(&["visit", "end"]);
    }
    book
}

/// The `number` column of an export.
fn numbers(csv: &str) -> Vec<String> {
    csv_records(csv)
        .into_iter()
        .map(|r| r["number"].clone())
        .collect()
}

#[test]
fn export_period_and_filter_flags_select_the_rows_of_list() {
    let book = two_month_logbook();
    let export = |args: &[&str]| {
        let mut all = vec!["export", "findings"];
        all.extend(args);
        numbers(&book.ok(&all))
    };
    assert_eq!(export(&[]), ["1", "2", "3", "4", "5", "6", "7", "8"]);
    assert_eq!(export(&["--month", "2022-05"]), ["1", "2", "3", "4"]);
    assert_eq!(export(&["--month", "6/2022"]), ["5", "6", "7", "8"]);
    assert_eq!(export(&["--unit", "noi-vu"]), ["3", "4", "7", "8"]);
    assert_eq!(export(&["--kind", "late"]), ["1", "3", "5", "7"]);
    assert_eq!(
        export(&[
            "--month", "2022-06", "--unit", "tam dai", "--kind", "absent"
        ]),
        ["6"]
    );
    assert_eq!(
        export(&[
            "--from",
            "2022-05-10",
            "--to",
            "14/06/2022",
            "--unit",
            "tam-dai"
        ]),
        ["1", "2", "5", "6"]
    );
    // The header even when nothing matches.
    assert_eq!(
        book.ok(&["export", "findings", "--month", "2022-04"]),
        format!("{FINDINGS_HEADER}\n")
    );

    let visits = |args: &[&str]| {
        let mut all = vec!["export", "visits"];
        all.extend(args);
        numbers(&book.ok(&all))
    };
    assert_eq!(visits(&["--month", "2022-06"]), ["3", "4"]);
    assert_eq!(visits(&["--unit", "tam-dai"]), ["1", "3"]);
    let people = csv_records(&book.ok(&["export", "people", "--unit", "noi-vu"]));
    assert!(
        people.iter().all(|p| p["unit_code"] == "noi-vu"),
        "{people:?}"
    );
    assert_eq!(people.len(), 2);
}

// ---------------------------------------------------------------------------
// Property: whatever the records, export → import → export is the identity

/// Letters of Vietnamese names, with and without their marks.
const LETTERS: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐÝỲ0123456789";

/// What makes a CSV cell hard: separators, quotes, line breaks, tabs and the
/// first characters of a formula.
const AWKWARD: &str = ",;\"'=+-@\t\n\r ";

/// Combining marks, as some Vietnamese keyboards send them.
const MARKS: &str = "\u{300}\u{301}\u{303}\u{309}\u{323}\u{302}\u{306}\u{31b}";

fn chars_of(set: &str) -> Vec<char> {
    set.chars().collect()
}

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::sample::select(chars_of(LETTERS)),
        4 => prop::sample::select(chars_of(AWKWARD)),
        1 => prop::sample::select(chars_of(MARKS)),
        1 => any::<char>().prop_filter("not a control character", |c| !c.is_control()),
    ]
}

/// Text as spotcheck keeps it: trimmed, NFC, not empty (an empty cell means
/// "not given"), often starting with what a spreadsheet takes for a formula.
fn text() -> impl Strategy<Value = String> {
    let starts = prop::sample::select(vec!["", "", "", "=", "+", "-", "@", "'", "'=", "''+"]);
    (starts, prop::collection::vec(any_char(), 1..16))
        .prop_map(|(start, chars)| {
            let raw: String = start.chars().chain(chars).collect();
            raw.trim().nfc().collect::<String>()
        })
        .prop_filter("empty means not given", |t| !t.is_empty())
}

/// One line of text, as a name, a code or a reference is: no line breaks,
/// no tabs.
fn line_text() -> impl Strategy<Value = String> {
    text()
        .prop_map(|t| t.replace(['\t', '\n', '\r'], " ").trim().to_string())
        .prop_filter("empty means not given", |t| !t.is_empty())
}

/// A name: one line with a letter or a digit in it.
fn name_text() -> impl Strategy<Value = String> {
    line_text().prop_filter("a name shows something", |t| {
        t.chars().any(char::is_alphanumeric)
    })
}

/// A UTC stamp as spotcheck writes them.
fn stamp() -> impl Strategy<Value = String> {
    (1u32..=28, 0u32..24, 0u32..60, 0u32..1000).prop_map(|(day, hour, minute, ms)| {
        format!("2022-05-{day:02}T{hour:02}:{minute:02}:00.{ms:03}Z")
    })
}

fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[derive(Debug, Clone)]
struct GenUnit {
    with_uid: bool,
    name: String,
    kind: &'static str,
    morning: Option<&'static str>,
    afternoon: Option<&'static str>,
    stamps: Option<String>,
}

#[derive(Debug, Clone)]
struct GenVisit {
    unit: usize,
    day: u32,
    start: u32,
    length: Option<u32>,
    announced: bool,
    team: Option<String>,
    on_roll: Option<(u32, Option<u32>)>,
    note: Option<String>,
    created_by: Option<String>,
}

#[derive(Debug, Clone)]
struct GenPerson {
    name: String,
    position: Option<String>,
}

#[derive(Debug, Clone)]
enum GenKind {
    /// Expected start, minutes late, whether the file gives the minutes.
    Late(u32, u32, bool),
    Absent(Option<String>),
    /// File, procedure, days before the visit it was due, received that many
    /// days before, returned that many days after the due date.
    Overdue(String, Option<String>, i64, Option<i64>, Option<i64>),
    /// Description and category.
    Other(String, Option<String>),
}

#[derive(Debug, Clone)]
struct GenFinding {
    with_uid: bool,
    visit: usize,
    kind: GenKind,
    person: usize,
    action: Option<&'static str>,
    note: Option<String>,
    logged_by: Option<String>,
    logged_at: Option<String>,
    void: Option<(String, String)>,
}

#[derive(Debug, Clone)]
struct Generated {
    units: Vec<GenUnit>,
    visits: Vec<GenVisit>,
    people: Vec<GenPerson>,
    findings: Vec<GenFinding>,
}

const UNIT_CODES: [&str; 3] = ["tam-dai", "phu-thinh", "noi-vu"];
const UNIT_KINDS: [&str; 6] = ["commune", "office", "agency", "school", "health", "other"];
const ACTIONS: [&str; 5] = ["reported", "reminded", "criticised", "review", "discipline"];

fn gen_unit() -> impl Strategy<Value = GenUnit> {
    (
        any::<bool>(),
        name_text(),
        prop::sample::select(UNIT_KINDS.to_vec()),
        prop::option::of(prop::sample::select(vec!["07:00", "07:30"])),
        prop::option::of(prop::sample::select(vec!["13:00", "13:30"])),
        prop::option::of(stamp()),
    )
        .prop_map(
            |(with_uid, name, kind, morning, afternoon, stamps)| GenUnit {
                with_uid,
                name,
                kind,
                morning,
                afternoon,
                stamps,
            },
        )
}

fn gen_visit(units: usize) -> impl Strategy<Value = GenVisit> {
    (
        0..units,
        2u32..=28,
        (7 * 60u32)..(16 * 60),
        prop::option::of(0u32..240),
        any::<bool>(),
        prop::option::of(name_text()),
        prop::option::of((0u32..60).prop_flat_map(|n| (Just(n), prop::option::of(0..=n)))),
        prop::option::of(text()),
        prop::option::of(name_text()),
    )
        .prop_map(
            |(unit, day, start, length, announced, team, on_roll, note, created_by)| GenVisit {
                unit,
                day,
                start,
                length,
                announced,
                team,
                on_roll,
                note,
                created_by,
            },
        )
}

fn gen_person() -> impl Strategy<Value = GenPerson> {
    (name_text(), prop::option::of(line_text()))
        .prop_map(|(name, position)| GenPerson { name, position })
}

fn gen_kind() -> impl Strategy<Value = GenKind> {
    prop_oneof![
        (
            prop::sample::select(vec![7 * 60, 7 * 60 + 30, 13 * 60, 13 * 60 + 30]),
            1u32..=120,
            any::<bool>()
        )
            .prop_map(|(expected, minutes, given)| GenKind::Late(expected, minutes, given)),
        prop::option::of(line_text()).prop_map(GenKind::Absent),
        (
            line_text(),
            prop::option::of(line_text()),
            1i64..=40,
            prop::option::of(0i64..=30),
            prop::option::of(1i64..=40),
        )
            .prop_map(|(file, procedure, due, received, returned)| {
                GenKind::Overdue(file, procedure, due, received, returned.map(|r| r.min(due)))
            }),
        (text(), prop::option::of(line_text())).prop_map(|(d, c)| GenKind::Other(d, c)),
    ]
}

fn gen_finding(visits: usize, people: usize) -> impl Strategy<Value = GenFinding> {
    (
        any::<bool>(),
        0..visits,
        gen_kind(),
        0..people,
        prop::option::of(prop::sample::select(ACTIONS.to_vec())),
        prop::option::of(text()),
        prop::option::of(name_text()),
        prop::option::of(stamp()),
        prop::option::of((stamp(), text())),
    )
        .prop_map(
            |(with_uid, visit, kind, person, action, note, logged_by, logged_at, void)| {
                GenFinding {
                    with_uid,
                    visit,
                    kind,
                    person,
                    action,
                    note,
                    logged_by,
                    logged_at,
                    void,
                }
            },
        )
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        prop::collection::vec(gen_unit(), 1..=3),
        prop::collection::vec(gen_person(), 1..=4),
    )
        .prop_flat_map(|(units, people)| {
            let n_units = units.len();
            let n_people = people.len();
            (
                Just(units),
                Just(people),
                prop::collection::vec(gen_visit(n_units), 1..=3),
            )
                .prop_flat_map(move |(units, people, visits)| {
                    let n_visits = visits.len();
                    (
                        Just(units),
                        Just(people),
                        Just(visits),
                        prop::collection::vec(gen_finding(n_visits, n_people), 1..=8),
                    )
                })
        })
        .prop_map(|(units, mut people, visits, findings)| {
            // A unique last word, so that no two people fold to the same name.
            for (i, person) in people.iter_mut().enumerate() {
                person.name = format!("{} {i}", person.name);
            }
            Generated {
                units,
                visits,
                people,
                findings,
            }
        })
}

fn visit_uid(i: usize) -> String {
    format!("{:032x}", 0xa000_0000_u64 + i as u64)
}

fn visit_date(visit: &GenVisit) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2022, 5, visit.day).unwrap()
}

fn visit_start(visit: &GenVisit) -> String {
    format!("{} {}", visit_date(visit), hhmm(visit.start))
}

fn visit_end(visit: &GenVisit) -> Option<String> {
    visit
        .length
        .map(|length| format!("{} {}", visit_date(visit), hhmm(visit.start + length)))
}

fn opt(text: &Option<String>) -> String {
    text.as_deref().map(guarded).unwrap_or_default()
}

/// Write a CSV file with `header` and `rows`, as a spreadsheet saves it.
fn write_csv(path: &Path, header: &[&str], rows: &[Vec<String>]) {
    let mut writer = csv::Writer::from_path(path).expect("creating a CSV file");
    writer.write_record(header).unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
}

/// The generated records as the three files an office would prepare.
fn write_generated(book: &Logbook, g: &Generated) -> [(&'static str, PathBuf); 3] {
    let units = book.path("gen-units.csv");
    let rows: Vec<Vec<String>> = g
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            vec![
                if u.with_uid {
                    format!("{:032x}", 0xc000_0000_u64 + i as u64)
                } else {
                    String::new()
                },
                UNIT_CODES[i].to_string(),
                guarded(&u.name),
                u.kind.to_string(),
                u.morning.unwrap_or_default().to_string(),
                u.afternoon.unwrap_or_default().to_string(),
                u.stamps.clone().unwrap_or_default(),
                u.stamps.clone().unwrap_or_default(),
            ]
        })
        .collect();
    write_csv(
        &units,
        &[
            "uid",
            "code",
            "name",
            "kind",
            "morning_start",
            "afternoon_start",
            "created_at",
            "updated_at",
        ],
        &rows,
    );

    let visits = book.path("gen-visits.csv");
    let rows: Vec<Vec<String>> = g
        .visits
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (on_roll, present) = match v.on_roll {
                Some((n, p)) => (n.to_string(), p.map(|p| p.to_string()).unwrap_or_default()),
                None => (String::new(), String::new()),
            };
            vec![
                visit_uid(i),
                UNIT_CODES[v.unit].to_string(),
                visit_start(v),
                visit_end(v).unwrap_or_default(),
                u8::from(v.announced).to_string(),
                opt(&v.team),
                on_roll,
                present,
                opt(&v.note),
                opt(&v.created_by),
            ]
        })
        .collect();
    write_csv(
        &visits,
        &[
            "uid",
            "unit_code",
            "started_at",
            "ended_at",
            "announced",
            "team",
            "on_roll",
            "present",
            "note",
            "created_by",
        ],
        &rows,
    );

    let findings = book.path("gen-findings.csv");
    let rows: Vec<Vec<String>> = g
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| finding_row(g, i, f))
        .collect();
    write_csv(&findings, &GEN_FINDING_COLUMNS, &rows);
    [("units", units), ("visits", visits), ("findings", findings)]
}

const GEN_FINDING_COLUMNS: [&str; 22] = [
    "uid",
    "visit_uid",
    "kind",
    "person",
    "position",
    "arrived_at",
    "expected_at",
    "minutes_late",
    "meeting",
    "file_ref",
    "procedure",
    "received_on",
    "due_on",
    "returned_on",
    "category",
    "description",
    "action",
    "note",
    "logged_by",
    "logged_at",
    "voided_at",
    "void_reason",
];

/// The cells of one generated finding, by the columns above.
fn finding_cells(g: &Generated, f: &GenFinding) -> Vec<(&'static str, String)> {
    let person = &g.people[f.person];
    let mut cells: Vec<(&'static str, String)> = Vec::new();
    let with_person = |cells: &mut Vec<(&'static str, String)>| {
        cells.push(("person", guarded(&person.name)));
        cells.push(("position", opt(&person.position)));
    };
    let date = visit_date(&g.visits[f.visit]);
    match &f.kind {
        GenKind::Late(expected, minutes, given) => {
            cells.push(("kind", "late".into()));
            with_person(&mut cells);
            cells.push(("arrived_at", hhmm(expected + minutes)));
            cells.push(("expected_at", hhmm(*expected)));
            if *given {
                cells.push(("minutes_late", minutes.to_string()));
            }
        }
        GenKind::Absent(meeting) => {
            cells.push(("kind", "absent".into()));
            with_person(&mut cells);
            cells.push(("meeting", opt(meeting)));
        }
        GenKind::Overdue(file, procedure, due, received, returned) => {
            let due_on = date - chrono::Duration::days(*due);
            cells.push(("kind", "overdue".into()));
            if f.person % 2 == 0 {
                with_person(&mut cells);
            }
            cells.push(("file_ref", guarded(file)));
            cells.push(("procedure", opt(procedure)));
            cells.push(("due_on", due_on.to_string()));
            if let Some(r) = received {
                cells.push((
                    "received_on",
                    (due_on - chrono::Duration::days(*r)).to_string(),
                ));
            }
            if let Some(r) = returned {
                cells.push((
                    "returned_on",
                    (due_on + chrono::Duration::days(*r)).to_string(),
                ));
            }
        }
        GenKind::Other(description, category) => {
            cells.push(("kind", "other".into()));
            if f.person % 2 == 1 {
                with_person(&mut cells);
            }
            cells.push(("description", guarded(description)));
            cells.push(("category", opt(category)));
        }
    }
    cells.push(("action", f.action.unwrap_or_default().to_string()));
    cells.push(("note", opt(&f.note)));
    cells.push(("logged_by", opt(&f.logged_by)));
    cells.push(("logged_at", f.logged_at.clone().unwrap_or_default()));
    if let Some((at, reason)) = &f.void {
        cells.push(("voided_at", at.clone()));
        cells.push(("void_reason", guarded(reason)));
    }
    cells
}

fn finding_row(g: &Generated, i: usize, f: &GenFinding) -> Vec<String> {
    let cells = finding_cells(g, f);
    GEN_FINDING_COLUMNS
        .iter()
        .map(|column| match *column {
            "uid" if f.with_uid => format!("{:032x}", 0xf000_0000_u64 + i as u64),
            "visit_uid" => visit_uid(f.visit),
            _ => cells
                .iter()
                .find(|(c, _)| c == column)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
        })
        .collect()
}

/// Every generated value is in the first export, exactly (guarded as export
/// guards it), so that the round trip is not the identity on a lossy copy.
fn assert_generated_arrived(g: &Generated, exports: &[(&str, String)]) {
    let export = |records: &str| {
        csv_records(
            &exports
                .iter()
                .find(|(r, _)| *r == records)
                .expect("an export")
                .1,
        )
    };
    let units = export("units");
    assert_eq!(units.len(), g.units.len());
    for (i, (unit, row)) in g.units.iter().zip(&units).enumerate() {
        assert_eq!(row["code"], UNIT_CODES[i]);
        assert_eq!(row["name"], guarded(&unit.name), "unit name");
        assert_eq!(row["kind"], unit.kind);
        assert_eq!(row["morning_start"], unit.morning.unwrap_or_default());
        assert_eq!(row["afternoon_start"], unit.afternoon.unwrap_or_default());
        if let Some(stamp) = &unit.stamps {
            assert_eq!(&row["created_at"], stamp);
        }
    }
    let visits = export("visits");
    assert_eq!(visits.len(), g.visits.len());
    for (i, (visit, row)) in g.visits.iter().zip(&visits).enumerate() {
        assert_eq!(row["uid"], visit_uid(i));
        assert_eq!(row["unit_code"], UNIT_CODES[visit.unit]);
        assert_eq!(row["started_at"], visit_start(visit));
        assert_eq!(row["ended_at"], visit_end(visit).unwrap_or_default());
        assert_eq!(row["announced"], u8::from(visit.announced).to_string());
        assert_eq!(row["team"], opt(&visit.team), "team");
        assert_eq!(row["note"], opt(&visit.note), "visit note");
        if visit.created_by.is_some() {
            assert_eq!(row["created_by"], opt(&visit.created_by), "created_by");
        }
    }
    let findings = export("findings");
    assert_eq!(findings.len(), g.findings.len());
    for (f, row) in g.findings.iter().zip(&findings) {
        for (column, value) in finding_cells(g, f) {
            let computed = column == "logged_by" || column == "logged_at";
            if computed && value.is_empty() {
                continue;
            }
            assert_eq!(row[column], value, "column {column} of {row:?}");
        }
        if let GenKind::Late(_, minutes, _) = f.kind {
            assert_eq!(row["minutes_late"], minutes.to_string());
        }
    }
}

/// Import the generated files, export everything, import that into a fresh
/// logbook and export again: the same bytes.
fn round_trip(g: &Generated) {
    let book = Logbook::new();
    for (records, file) in write_generated(&book, g) {
        book.ok(&["import", records, &shown(&file)]);
    }
    let first: Vec<(&str, String)> = RECORDS
        .iter()
        .map(|records| (*records, book.ok(&["export", records])))
        .collect();
    assert_generated_arrived(g, &first);

    let fresh = Logbook::new().now("2022-07-01T08:00");
    for (records, text) in &first {
        let file = fresh.path(&format!("{records}.csv"));
        std::fs::write(&file, text).unwrap();
        fresh.ok(&["import", records, &shown(&file)]);
    }
    for (records, text) in &first {
        assert_eq!(
            &fresh.ok(&["export", records]),
            text,
            "`export {records}` changed on the way through a fresh logbook"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_records_survive_export_import_export(g in generated()) {
        round_trip(&g);
    }
}

// ---------------------------------------------------------------------------
// Malformed import files: the line, the column, what is wrong; nothing imported

/// A logbook with the unit and the visit the fixture files refer to.
fn fixture_logbook() -> Logbook {
    let book = Logbook::new();
    for records in ["units", "visits"] {
        let file = fixture(&format!("{records}.csv"));
        assert_eq!(
            book.ok(&["import", records, &shown(&file)]),
            imported(records, &file, 1, 0, 0)
        );
    }
    book
}

/// Import the fixture `name` as findings: exit 1, exactly `message` (with
/// `FILE` standing for the fixture's path) and the logbook unchanged.
fn refused_import(name: &str, message: &str) {
    let book = fixture_logbook();
    let file = fixture(name);
    let before = book.snapshot();
    let stderr = book.fails(&["import", "findings", &shown(&file)], 1);
    assert_eq!(stderr, message.replace("FILE", &shown(&file)), "{name}");
    book.assert_unchanged(&before);
}

#[test]
fn import_refuses_an_unknown_column() {
    refused_import(
        "wrong-header.csv",
        "error: FILE:1: column ghi_chú: unknown column: a findings export has the columns \
         uid, number, unit_code, unit_name, visit_uid, visit_started_at, kind, person, position, \
         arrived_at, expected_at, minutes_late, meeting, file_ref, procedure, received_on, due_on, \
         returned_on, days_overdue, working_days_overdue, category, description, action, note, \
         logged_by, logged_at, voided_at, void_reason, task_uid, person_uid, excuse, left_at, minutes_early, apology_on, \
         new_due_on, delay_cause, delay_stage, responsible, channel, discipline_form, decision_ref, \
         decided_on, decided_by, complex_case\n",
    );
}

#[test]
fn import_refuses_a_file_without_a_required_column() {
    refused_import(
        "missing-column.csv",
        "error: FILE:1: column kind: is missing from the header: a findings file needs at least visit_uid, kind\n",
    );
}

#[test]
fn import_refuses_a_date_that_does_not_exist_and_keeps_none_of_the_rows() {
    refused_import(
        "bad-date.csv",
        "error: FILE:3: column due_on: invalid date `31/02/2022`: February 2022 has no day 31\n",
    );
}

#[test]
fn import_refuses_an_unknown_kind() {
    refused_import(
        "unknown-kind.csv",
        "error: FILE:3: column kind: unknown finding kind `đi muộn`: \
         type one of late, absent, overdue, other, task, early\n",
    );
}

#[test]
fn import_refuses_a_cell_that_is_not_utf8() {
    let bytes = std::fs::read(fixture("invalid-utf8.csv")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must hold invalid UTF-8"
    );
    refused_import(
        "invalid-utf8.csv",
        "error: FILE:3: column person: is not UTF-8 text: save the file as UTF-8\n",
    );
}

#[test]
fn import_refuses_a_row_with_too_many_fields() {
    refused_import(
        "too-many-fields.csv",
        "error: FILE:3: the row has 5 fields but the header names 4 columns: \
         check the quotes and separators on this line\n",
    );
}

#[test]
fn import_refuses_a_uid_twice_in_one_file() {
    refused_import(
        "duplicate-uid.csv",
        "error: FILE:4: column uid: `57688d20265c4b0c92a5ea8897fa48ef` appears twice in this file\n",
    );
}

#[test]
fn import_refuses_a_uid_twice_in_a_logbook_that_already_holds_findings() {
    // With findings in the logbook each row is looked up by uid, and the
    // repeat is caught that way rather than by the uid index.
    let book = fixture_logbook();
    let earlier = book.path("earlier.csv");
    std::fs::write(
        &earlier,
        "uid,visit_uid,kind,person\n\
         0123456789abcdef0123456789abcdef,a5c2bb34f5354c4eb756b4601c739eb9,absent,Trần Thị Bình\n",
    )
    .unwrap();
    book.ok(&["import", "findings", &shown(&earlier)]);
    let file = fixture("duplicate-uid.csv");
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["import", "findings", &shown(&file)], 1),
        format!(
            "error: {}:4: column uid: `57688d20265c4b0c92a5ea8897fa48ef` appears twice in this file\n",
            shown(&file)
        )
    );
    book.assert_unchanged(&before);
}

#[test]
fn import_refuses_a_file_that_names_one_record_of_the_logbook_twice() {
    let book = fixture_logbook();
    let findings = book.path("findings.csv");
    std::fs::write(
        &findings,
        "uid,visit_uid,kind,person\n\
         57688d20265c4b0c92a5ea8897fa48ef,a5c2bb34f5354c4eb756b4601c739eb9,absent,Đặng Quốc Huy\n\
         42d26313ba184c3db8818a2322223ee3,a5c2bb34f5354c4eb756b4601c739eb9,absent,Trần Thị Bình\n",
    )
    .unwrap();
    book.ok(&["import", "findings", &shown(&findings)]);
    for (records, count) in [("findings", 2), ("visits", 1), ("units", 1)] {
        let export = book.ok(&["export", records]);
        // Once each, the logbook's own export changes nothing...
        let once = book.path(&format!("{records}-once.csv"));
        std::fs::write(&once, &export).unwrap();
        assert_eq!(
            book.ok(&["import", records, &shown(&once)]),
            format!(
                "nothing to change: all {count} {records} in {} are already in the logbook\n",
                shown(&once)
            )
        );
        // ...and with a line given twice it is refused, at that line.
        let last = export.lines().last().unwrap();
        let uid = last.split(',').next().unwrap();
        let file = book.path(&format!("{records}-twice.csv"));
        std::fs::write(&file, format!("{export}{last}\n")).unwrap();
        let before = book.snapshot();
        assert_eq!(
            book.fails(&["import", records, &shown(&file)], 1),
            format!(
                "error: {}:{}: column uid: `{uid}` appears twice in this file\n",
                shown(&file),
                count + 2
            ),
            "{records}"
        );
        book.assert_unchanged(&before);
    }
}

#[test]
fn import_refuses_an_empty_file() {
    refused_import(
        "empty.csv",
        "error: FILE: the file is empty: the first line must name the columns, \
         as `spotcheck export findings` writes them\n",
    );
}

#[test]
fn import_refuses_a_utf16_file() {
    let bytes = std::fs::read(fixture("utf16.csv")).unwrap();
    assert!(bytes.starts_with(b"\xFF\xFE"), "the fixture must be UTF-16");
    refused_import(
        "utf16.csv",
        "error: FILE:1: the file is UTF-16: save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)\n",
    );
}

#[test]
fn import_refuses_a_visit_that_is_not_in_the_logbook() {
    refused_import(
        "unknown-visit.csv",
        "error: FILE:2: column visit_uid: no visit `13a81f79832f4670a6eb04b04aab7ed6` \
         in this logbook: import the visits first\n",
    );
}

/// A quote opened in line 2 and never closed swallows line 3 into the note
/// of line 2; the import must say so instead of logging one odd finding.
#[test]
fn import_refuses_a_stray_quote() {
    let book = fixture_logbook();
    let file = fixture("stray-quote.csv");
    let before = book.snapshot();
    let stderr = book.fails(&["import", "findings", &shown(&file)], 1);
    let start = format!("error: {}:2: ", file.display());
    assert!(stderr.starts_with(&start), "{stderr}");
    assert!(stderr.contains("quote"), "{stderr}");
    book.assert_unchanged(&before);
}

/// In Vietnamese the refusal names the same line and column, in the words a
/// district office uses, and still keeps none of the rows.
#[test]
fn import_refuses_in_vietnamese_with_the_line_and_column() {
    let book = fixture_logbook();
    for (name, message) in [
        (
            "missing-column.csv",
            "lỗi: FILE:1: cột kind: thiếu trong dòng tiêu đề: tệp `findings` cần có ít nhất \
             các cột visit_uid, kind\n",
        ),
        (
            "unknown-visit.csv",
            "lỗi: FILE:2: cột visit_uid: sổ kiểm tra không có lượt kiểm tra \
             `13a81f79832f4670a6eb04b04aab7ed6`: hãy nhập các lượt kiểm tra trước\n",
        ),
        (
            "too-many-fields.csv",
            "lỗi: FILE:3: hàng có 5 trường nhưng dòng tiêu đề có 4 cột: \
             hãy kiểm tra các dấu ngoặc kép và dấu phân cách trên dòng này\n",
        ),
    ] {
        let file = fixture(name);
        let before = book.snapshot();
        let stderr = book.fails(&["--lang", "vi", "import", "findings", &shown(&file)], 1);
        assert_eq!(stderr, message.replace("FILE", &shown(&file)), "{name}");
        book.assert_unchanged(&before);
    }
}

/// The counts line names the records in Vietnamese; the history still says
/// where they came from in the words it stores.
#[test]
fn import_counts_the_records_in_vietnamese() {
    let book = Logbook::new();
    let file = fixture("units.csv");
    assert_eq!(
        book.ok(&["--lang", "vi", "import", "units", &shown(&file)]),
        format!(
            "đã nhập đơn vị từ {}: 1 mới, 0 cập nhật, 0 không đổi\n",
            shown(&file)
        )
    );
    assert_eq!(
        book.ok(&["--lang", "vi", "import", "units", &shown(&file)]),
        format!(
            "không có gì thay đổi: cả 1 đơn vị trong {} đều đã có trong sổ kiểm tra\n",
            shown(&file)
        )
    );
}

// ---------------------------------------------------------------------------
// Merge

/// A second inspector's logbook, in a directory of its own.
fn inspector() -> Logbook {
    Logbook::new().env("SPOTCHECK_BY", "Phạm Minh Tuấn")
}

/// Run `args` at `now`, which must succeed; its stdout.
fn ok_at(book: &Logbook, now: &str, args: &[&str]) -> String {
    let output = book.run_at(now, args);
    assert_eq!(output.code, 0, "expected success\n{}", output.dump);
    output.stdout
}

/// The rows of `merge --format csv`, without the header.
fn merge_rows(csv: &str) -> Vec<Vec<String>> {
    csv_rows(csv).into_iter().skip(1).collect()
}

fn tally(rows: &[[&str; 5]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn merging_an_inspectors_logbook_brings_everything_in_once() {
    // The leader's logbook: a visit at Tam Đại with two findings.
    let leader = Logbook::new();
    leader.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    leader.ok(&["visit", "start", "tam-dai", "--at", "10/05/2022 07:05"]);
    leader.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    leader.ok(&["absent", "Trần Thị Bình"]);
    let findings = csv_records(&leader.ok(&["export", "findings"]));
    let (late_uid, absent_uid) = (findings[0]["uid"].clone(), findings[1]["uid"].clone());

    // The inspector made the same unit on her own, then took the leader's findings.
    let other = inspector();
    let evening = "2022-05-10T16:00";
    ok_at(
        &other,
        evening,
        &[
            "unit",
            "add",
            "tam-dai",
            "UBND xã Tam Đại",
            "--kind",
            "commune",
        ],
    );
    ok_at(
        &other,
        evening,
        &[
            "person",
            "add",
            "tam-dai",
            "Nguyễn Văn An",
            "--position",
            "Công chức tư pháp",
        ],
    );
    ok_at(
        &other,
        evening,
        &["unit", "add", "phu-thinh", "UBND thị trấn Phú Thịnh"],
    );
    ok_at(&other, "2022-05-11T08:00", &["merge", &shown(leader.db())]);
    let other_units = csv_records(&other.ok(&["export", "units"]));
    let leader_units = csv_records(&leader.ok(&["export", "units"]));
    assert_ne!(
        other_units[0]["uid"], leader_units[0]["uid"],
        "made independently"
    );

    // The leader edits the late finding first; the inspector edits it later,
    // voids the absence and logs a visit of her own.
    ok_at(
        &leader,
        "2022-05-11T10:00",
        &["edit", "1", "--action", "reminded", "--reason", "nhắc nhở"],
    );
    let next_day = "2022-05-12T09:00";
    ok_at(
        &other,
        next_day,
        &[
            "edit",
            &late_uid,
            "--arrived",
            "7h50",
            "--reason",
            "giờ đến ghi nhầm",
        ],
    );
    ok_at(
        &other,
        next_day,
        &["void", &absent_uid, "--reason", "ghi trùng"],
    );
    ok_at(
        &other,
        next_day,
        &["visit", "start", "phu-thinh", "--at", "12/05/2022 08:05"],
    );
    ok_at(&other, next_day, &["absent", "Phan Văn Dũng"]);

    let other_bytes = std::fs::read(other.db()).unwrap();
    let other_before = other.snapshot();
    let merged = ok_at(
        &leader,
        "2022-05-13T10:00",
        &["merge", &shown(other.db()), "--format", "csv"],
    );
    assert_eq!(
        merge_rows(&merged),
        tally(&[
            ["units", "1", "0", "1", "0"],
            ["people", "1", "1", "1", "0"],
            ["visits", "1", "0", "1", "0"],
            ["findings", "1", "2", "0", "0"],
            ["plans", "0", "0", "0", "0"],
            ["tasks", "0", "0", "0", "0"],
        ]),
        "{merged}"
    );

    // The inspector's file is exactly as it was.
    assert!(
        std::fs::read(other.db()).unwrap() == other_bytes,
        "merge changed the other logbook"
    );
    tidy(&other);
    other.assert_unchanged(&other_before);

    // Each side's edit stays, as they changed different fields; the void
    // came over, the new records arrived, once.
    let late = json(&leader.ok(&["show", "1", "--format", "json"]));
    assert_eq!(late["arrived_at"], "07:50", "{late}");
    assert_eq!(late["minutes_late"], 20, "{late}");
    assert_eq!(late["action"], "reminded", "{late}");
    let listed = csv_records(&leader.ok(&["list", "--include-void", "--format", "csv"]));
    let summary: Vec<(String, String, String)> = listed
        .iter()
        .map(|r| {
            (
                r["unit_code"].clone(),
                r["person"].clone(),
                r["void_reason"].clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("tam-dai".into(), "Nguyễn Văn An".into(), String::new()),
            ("tam-dai".into(), "Trần Thị Bình".into(), "ghi trùng".into()),
            ("phu-thinh".into(), "Phan Văn Dũng".into(), String::new()),
        ]
    );
    let units = csv_records(&leader.ok(&["export", "units"]));
    let codes: Vec<&str> = units.iter().map(|u| u["code"].as_str()).collect();
    assert_eq!(codes, ["tam-dai", "phu-thinh"]);
    assert_eq!(
        units[0]["uid"], leader_units[0]["uid"],
        "the leader's unit stays"
    );
    let people = csv_records(&leader.ok(&["export", "people"]));
    let staff: Vec<(&str, &str)> = people
        .iter()
        .map(|p| (p["name"].as_str(), p["position"].as_str()))
        .collect();
    assert_eq!(
        staff,
        [
            ("Nguyễn Văn An", "Công chức tư pháp"),
            ("Trần Thị Bình", ""),
            ("Phan Văn Dũng", ""),
        ]
    );
    assert_eq!(numbers(&leader.ok(&["export", "visits"])), ["1", "2"]);

    // Both versions of the late finding are in its history.
    let history = csv_records(&leader.ok(&["history", "1", "--format", "csv"]));
    let changes: Vec<(&str, &str)> = history
        .iter()
        .map(|h| (h["changes"].as_str(), h["reason"].as_str()))
        .collect();
    assert_eq!(changes.len(), 4, "{history:?}");
    assert_eq!(changes[1], ("action: – → reminded", "nhắc nhở"));
    assert_eq!(
        changes[2],
        (
            "arrived_at: 07:40 → 07:50; minutes_late: 10 → 20",
            format!("merged from {}", other.db().display()).as_str()
        )
    );
    // The inspector's version, without the action, kept beside this one:
    // the next merge finds it as the version both logbooks had.
    assert_eq!(
        changes[3],
        (
            "action: – → reminded",
            format!(
                "the version in {}, kept beside this one",
                other.db().display()
            )
            .as_str()
        )
    );
    let check = leader.ok(&["check"]);
    assert!(check.starts_with("ok: "), "{check}");

    // Merging again changes nothing and says so.
    let before = leader.snapshot();
    let again = ok_at(
        &leader,
        "2022-05-14T10:00",
        &["merge", &shown(other.db()), "--format", "csv"],
    );
    assert_eq!(
        merge_rows(&again),
        tally(&[
            ["units", "0", "0", "2", "0"],
            ["people", "0", "0", "3", "0"],
            ["visits", "0", "0", "2", "0"],
            ["findings", "0", "0", "3", "0"],
            ["plans", "0", "0", "0", "0"],
            ["tasks", "0", "0", "0", "0"],
        ]),
        "{again}"
    );
    tidy(&leader);
    leader.assert_unchanged(&before);
}

#[test]
fn a_later_local_edit_is_kept_and_the_other_version_goes_into_the_history_once() {
    let leader = Logbook::new();
    leader.visit_tam_dai();
    leader.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    let other = inspector();
    ok_at(&other, "2022-05-10T08:00", &["merge", &shown(leader.db())]);
    ok_at(
        &other,
        "2022-05-11T08:00",
        &["edit", "1", "--note", "bản của tổ viên"],
    );
    ok_at(
        &leader,
        "2022-05-12T08:00",
        &["edit", "1", "--note", "bản của tổ trưởng"],
    );

    let merged = ok_at(
        &leader,
        "2022-05-13T08:00",
        &["merge", &shown(other.db()), "--format", "csv"],
    );
    // Updated: its history now holds the other version beside this one.
    assert_eq!(
        merge_rows(&merged)[3],
        ["findings", "0", "1", "0", "1"],
        "{merged}"
    );
    let finding = json(&leader.ok(&["show", "1", "--format", "json"]));
    assert_eq!(finding["note"], "bản của tổ trưởng");
    let history = csv_records(&leader.ok(&["history", "1", "--format", "csv"]));
    let last = history.last().unwrap();
    assert_eq!(last["action"], "merge");
    assert_eq!(last["changes"], "note: bản của tổ viên → bản của tổ trưởng");
    assert_eq!(
        last["reason"],
        format!(
            "the version in {}, kept beside this one",
            other.db().display()
        )
    );

    let before = leader.snapshot();
    let again = ok_at(
        &leader,
        "2022-05-14T08:00",
        &["merge", &shown(other.db()), "--format", "csv"],
    );
    assert_eq!(
        merge_rows(&again)[3],
        ["findings", "0", "0", "1", "0"],
        "{again}"
    );
    tidy(&leader);
    leader.assert_unchanged(&before);
}

#[test]
fn merge_refuses_a_text_file() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let notes = book.path("biên bản.txt");
    std::fs::write(&notes, "Biên bản kiểm tra ngày 10/05/2022\n").unwrap();
    let before = book.snapshot();
    let stderr = book.fails(&["merge", &shown(&notes)], 1);
    let start = format!(
        "error: logbook `{}`: is not a spotcheck logbook",
        notes.display()
    );
    assert!(stderr.starts_with(&start), "{stderr}");
    tidy(&book);
    book.assert_unchanged(&before);
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "Biên bản kiểm tra ngày 10/05/2022\n"
    );
}

#[test]
fn merge_refuses_a_logbook_from_a_newer_spotcheck() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let other = inspector();
    other.visit_tam_dai();
    other.ok(&["absent", "Trần Thị Bình"]);
    tamper(&other, "PRAGMA user_version = 99");
    let other_bytes = std::fs::read(other.db()).unwrap();

    let before = book.snapshot();
    let stderr = book.fails(&["merge", &shown(other.db())], 1);
    // The refusal names the version of spotcheck that reads the file.
    assert_eq!(
        stderr,
        format!(
            "error: logbook `{}`: was written by a newer spotcheck (schema version 99; \
             spotcheck {release} reads schema versions 1 to 14): open it with the spotcheck that \
             wrote it, a version after {release} (CHANGELOG.md says which version brought each \
             schema)\n",
            other.db().display(),
            release = env!("CARGO_PKG_VERSION")
        )
    );
    tidy(&book);
    book.assert_unchanged(&before);
    assert!(
        std::fs::read(other.db()).unwrap() == other_bytes,
        "the newer logbook changed"
    );
}

#[test]
fn merge_refuses_the_logbook_itself() {
    let book = Logbook::new().binary();
    book.visit_tam_dai();
    book.ok(&["absent", "Trần Thị Bình"]);
    for name in [shown(book.db()), "./logbook.db".to_string()] {
        let before = book.snapshot();
        let stderr = book.fails(&["merge", &name], 1);
        assert_eq!(
            stderr,
            format!("error: `{name}` is this logbook itself: name another inspector's logbook\n")
        );
        tidy(&book);
        book.assert_unchanged(&before);
    }
}

#[test]
fn merge_refuses_the_logbook_itself_in_vietnamese() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["absent", "Trần Thị Bình"]);
    let before = book.snapshot();
    let name = shown(book.db());
    assert_eq!(
        book.fails(&["--lang", "vi", "merge", &name], 1),
        format!(
            "lỗi: `{name}` chính là sổ kiểm tra này: \
             hãy chỉ ra sổ kiểm tra của một cán bộ kiểm tra khác\n"
        )
    );
    tidy(&book);
    book.assert_unchanged(&before);
}

/// Merge opens the other logbook read-only, but SQLite still creates its
/// `-wal` and `-shm` files beside it and leaves them there (so do `sql` and
/// `schema` beside the logbook itself).
#[test]
fn reading_a_logbook_leaves_no_files_beside_it() {
    let other = inspector();
    other.visit_tam_dai();
    other.ok(&["absent", "Trần Thị Bình"]);
    let before = other.snapshot();
    let leader = Logbook::new();
    leader.ok(&["merge", &shown(other.db())]);
    other.assert_unchanged(&before);

    other.ok(&["sql", "SELECT count(*) FROM findings_v"]);
    other.ok(&["schema"]);
    other.assert_unchanged(&before);
}

/// A logbook copied from a USB stick or a shared folder may sit in a
/// directory the leader cannot write. Merge only reads it, so it must work;
/// it fails with "attempt to write a readonly database" because SQLite wants
/// to create the `-shm` file there. Root writes anywhere: run the test suite
/// as another user to see this one fail.
#[cfg(unix)]
#[test]
fn merge_reads_a_logbook_in_a_directory_it_may_not_write() {
    use std::os::unix::fs::PermissionsExt;
    let other = inspector();
    other.visit_tam_dai();
    other.ok(&["absent", "Trần Thị Bình"]);
    let shelf = other.path("usb");
    std::fs::create_dir(&shelf).unwrap();
    let copy = shelf.join("logbook.db");
    crate::support::copy_logbook(other.db(), &copy);
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o555)).unwrap();
    let leader = Logbook::new();
    let output = leader.run(&["merge", &shown(&copy), "--format", "csv"]);
    std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        merge_rows(&output.stdout)[3],
        ["findings", "1", "0", "0", "0"]
    );
}

// ---------------------------------------------------------------------------
// Seal

#[test]
fn a_seal_is_confirmed_until_the_history_it_pins_is_altered() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    let first = book.ok(&["check"]);
    assert!(first.starts_with("ok: "), "{first}");
    let seal = seal_in(&first);

    // More work after the seal was taken: it still pins the same history.
    book.ok(&["absent", "Trần Thị Bình"]);
    book.ok(&["overdue", "HS-2022-0412", "--due", "29/04/2022"]);
    let confirmed = book.ok(&["check", "--seal", &seal]);
    assert!(
        confirmed.contains(&format!("seal `{seal}` confirmed")),
        "{confirmed}"
    );
    assert_ne!(seal_in(&confirmed), seal, "the head moved on");

    // Someone rewrites the reason of entry #2 with the sqlite3 shell.
    tamper(&book, "UPDATE history SET reason = 'x' WHERE seq = 2");
    let (code, found, stderr) = problems(&book, &["check", "--seal", &seal]);
    assert_eq!(code, 3, "{stderr}");
    assert!(
        found.iter().any(|(record, problem)| record == "history #2"
            && problem.starts_with("was changed after it was written")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(record, problem)| record == "seal"
            && problem.starts_with(&format!("`{seal}` is not confirmed"))),
        "{found:?}"
    );
    assert!(
        stderr.starts_with("error: check found 2 problems"),
        "{stderr}"
    );
}

#[test]
fn a_seal_from_another_logbook_is_not_confirmed() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let other = Logbook::new();
    other.visit_tam_dai();
    let seal = seal_in(&other.ok(&["check"]));
    let (code, found, _) = problems(&book, &["check", "--seal", &seal]);
    assert_eq!(code, 3);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "seal");
    assert!(found[0].1.contains("is not in the history"), "{found:?}");
}

#[test]
fn the_monthly_report_carries_the_seal_in_json() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    let seal = seal_in(&book.ok(&["check"]));
    let report = json(&book.ok(&["report", "month", "2022-05", "--format", "json"]));
    assert_eq!(report["seal"], seal.as_str());
}

#[test]
fn the_monthly_report_carries_the_seal_in_its_footer() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    let seal = seal_in(&book.ok(&["check"]));
    let report = book.ok(&["report", "month", "2022-05"]);
    let footer = report.trim_end().lines().last().unwrap_or_default();
    assert!(
        footer.contains(&seal),
        "no seal {seal} in the footer:\n{report}"
    );
}

// ---------------------------------------------------------------------------
// sql and schema

#[test]
fn sql_refuses_every_statement_that_would_write() {
    let book = vietnamese_logbook();
    for query in [
        "INSERT INTO units (uid, code, name, name_folded, created_at, updated_at) \
         VALUES ('x', 'x', 'x', 'x', 'x', 'x')",
        "UPDATE findings SET note = 'x'",
        "DELETE FROM findings",
        "DROP VIEW findings_v",
        "DROP TABLE history",
        "CREATE TABLE notes (text TEXT)",
        "CREATE TEMP TABLE notes (text TEXT)",
        "ATTACH DATABASE 'other.db' AS other",
        "DETACH DATABASE main",
        "VACUUM",
        "VACUUM INTO 'copy.db'",
        "REINDEX",
        "ANALYZE",
        "PRAGMA user_version = 5",
        "PRAGMA writable_schema = 1",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA query_only = 0",
        "WITH x AS (SELECT 1) UPDATE findings SET note = 'x'",
        "WITH x AS (SELECT 1) DELETE FROM history",
        "BEGIN IMMEDIATE",
        // A function that could load code: refused by the guard, which
        // SQLite reports with the code of any other failure.
        "SELECT load_extension('libm.so')",
        "SELECT 1 WHERE load_extension('x') IS NULL",
    ] {
        let before = book.snapshot();
        let stderr = book.fails(&["sql", query], 1);
        assert!(stderr.starts_with(SQL_REFUSED), "`{query}`: {stderr}");
        assert!(!book.path("copy.db").exists() && !book.path("other.db").exists());
        tidy(&book);
        book.assert_unchanged(&before);
    }
}

#[test]
fn sql_runs_one_statement_at_a_time() {
    let book = vietnamese_logbook();
    let before = book.snapshot();
    let stderr = book.fails(&["sql", "SELECT 1; SELECT 2"], 1);
    assert_eq!(
        stderr,
        "error: `spotcheck sql` runs one statement at a time: remove what follows the first `;`\n"
    );
    // A write after the first statement is refused either way.
    let stderr = book.fails(&["sql", "SELECT 1; UPDATE findings SET note = 'x'"], 1);
    assert!(stderr.starts_with("error: "), "{stderr}");
    tidy(&book);
    book.assert_unchanged(&before);
}

#[test]
fn sql_reads_each_view_in_csv_and_json() {
    let book = vietnamese_logbook();
    for (view, rows) in [
        ("findings_v", 6),
        ("visits_v", 2),
        ("units_v", 2),
        ("people_v", 3),
        ("history_v", 16),
    ] {
        let query = format!("SELECT * FROM {view}");
        let csv = book.ok(&["sql", &query, "--format", "csv"]);
        assert_eq!(csv_records(&csv).len(), rows, "{view}:\n{csv}");
        let value = json(&book.ok(&["sql", &query, "--format", "json"]));
        assert_eq!(
            value.as_array().map(Vec::len),
            Some(rows),
            "{view}: {value}"
        );
    }
}

#[test]
fn sql_reads_pragmas_that_only_report() {
    let book = vietnamese_logbook();
    let info = csv_records(&book.ok(&["sql", "PRAGMA table_info(findings_v)", "--format", "csv"]));
    let columns: Vec<&str> = info.iter().map(|c| c["name"].as_str()).collect();
    assert_eq!(columns.join(","), FINDINGS_HEADER);
}

#[test]
fn sql_binds_parameters() {
    let book = vietnamese_logbook();
    let out = book.ok(&[
        "sql",
        "SELECT number, person FROM findings_v WHERE number = :n",
        "--param",
        "n=1",
        "--format",
        "csv",
    ]);
    assert_eq!(out, "number,person\n1,Nguyễn Văn An\n");
    let out = book.ok(&[
        "sql",
        "SELECT count(*) AS n FROM findings_v WHERE unit_code = :unit AND voided_at IS NULL",
        "--param",
        "unit=tam-dai",
        "--format",
        "csv",
    ]);
    assert_eq!(out, "n\n3\n");
}

#[test]
fn each_view_reads_exactly_like_its_export() {
    let book = vietnamese_logbook();
    for records in RECORDS {
        let view = format!("SELECT * FROM {records}_v");
        assert_eq!(
            book.ok(&["sql", &view, "--format", "csv"]),
            book.ok(&["export", records]),
            "`sql \"{view}\"` and `export {records}`"
        );
    }
}

#[test]
fn schema_lists_each_view_with_the_columns_of_its_export() {
    let book = vietnamese_logbook();
    let listed = csv_records(&book.ok(&["schema", "--format", "csv"]));
    let views: Vec<&str> = listed.iter().map(|v| v["view"].as_str()).collect();
    assert_eq!(
        views,
        [
            "conflicts_v",
            "findings_v",
            "history_v",
            "people_v",
            "plans_v",
            "tasks_v",
            "units_v",
            "visits_v"
        ]
    );
    let columns = |view: &str| {
        listed
            .iter()
            .find(|v| v["view"] == view)
            .map(|v| v["columns"].clone())
            .unwrap()
    };
    assert_eq!(columns("findings_v"), FINDINGS_HEADER.replace(',', ", "));
    for records in ["units", "people", "visits", "plans", "tasks"] {
        let export = book.ok(&["export", records]);
        let header = export.lines().next().unwrap();
        assert_eq!(columns(&format!("{records}_v")), header.replace(',', ", "));
    }
    let history = book.ok(&["sql", "SELECT * FROM history_v LIMIT 0", "--format", "csv"]);
    assert_eq!(columns("history_v"), history.trim_end().replace(',', ", "));
    for view in &listed {
        let example = &view["example"];
        assert!(example.contains(&view["view"]), "{view:?}");
        book.ok(&["sql", example]);
    }
}

// ---------------------------------------------------------------------------
// check

/// A small logbook whose `check` is clean.
fn checked_logbook() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    book.ok(&["absent", "Trần Thị Bình"]);
    let out = book.ok(&["check"]);
    assert!(
        out.starts_with("ok: 6 records agree with 6 history entries; seal "),
        "{out}"
    );
    book
}

#[test]
fn check_names_a_finding_changed_behind_spotchecks_back() {
    let book = checked_logbook();
    tamper(&book, "UPDATE findings SET minutes_late = 5 WHERE id = 1");
    let (code, found, stderr) = problems(&book, &["check"]);
    assert_eq!(code, 3);
    assert_eq!(
        found,
        [(
            "finding #1".to_string(),
            "differs from its last history entry: it was changed behind spotcheck's back \
             (minutes_late)"
                .to_string()
        )]
    );
    assert!(
        stderr.starts_with("error: check found 1 problem; seal "),
        "{stderr}"
    );
}

#[test]
fn check_names_a_deleted_history_entry() {
    let book = checked_logbook();
    tamper(&book, "DELETE FROM history WHERE seq = 3");
    let (code, found, _) = problems(&book, &["check"]);
    assert_eq!(code, 3);
    assert!(
        found.contains(&(
            "history #4".to_string(),
            "entry #3 before it is missing".to_string()
        )),
        "{found:?}"
    );
}

#[test]
fn check_names_a_unit_added_behind_spotchecks_back() {
    let book = checked_logbook();
    tamper(
        &book,
        "INSERT INTO units (uid, code, name, name_folded, kind, created_at, updated_at)
         VALUES ('0123456789abcdef0123456789abcdef', 'tam-dan', 'UBND xã Tam Đàn',
                 'ubnd xa tam dan', 'commune', '2022-05-10T00:00:00.000Z', '2022-05-10T00:00:00.000Z')",
    );
    let (code, found, _) = problems(&book, &["check"]);
    assert_eq!(code, 3);
    assert_eq!(
        found,
        [(
            "unit #2".to_string(),
            "has no history entry: it was added, or its history removed, behind spotcheck's back"
                .to_string()
        )]
    );
}

#[test]
fn check_names_a_finding_deleted_behind_spotchecks_back() {
    let book = checked_logbook();
    let uid = csv_records(&book.ok(&["export", "findings"]))[1]["uid"].clone();
    tamper(&book, "DELETE FROM findings WHERE id = 2");
    let (code, found, _) = problems(&book, &["check"]);
    assert_eq!(code, 3);
    assert_eq!(
        found,
        [(
            format!("finding {uid}"),
            "is in the history but not in the logbook: it was deleted behind spotcheck's back"
                .to_string()
        )]
    );
}

#[test]
fn check_of_a_clean_logbook_is_ok() {
    let book = vietnamese_logbook();
    let before = book.snapshot();
    let output = book.run(&["check"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert!(
        output
            .stdout
            .starts_with("ok: 13 records agree with 16 history entries; seal "),
        "{}",
        output.dump
    );
    book.assert_unchanged(&before);
}

// ---------------------------------------------------------------------------
// backup

#[test]
fn a_backup_is_an_owner_only_logbook_with_the_same_records() {
    let book = vietnamese_logbook().binary();
    let out = book.ok(&["backup", "sao lưu.db"]);
    let mut expected = format!("backed up {} to sao lưu.db\n", book.db().display());
    if crate::support::encrypted_run() {
        expected.push_str(
            "the copy is encrypted with the logbook's key; its key file is sao lưu.db.key\n",
        );
    }
    assert_eq!(out, expected);
    let copy = book.path("sao lưu.db");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
    let restored = Logbook::new().with_db(&copy);
    let list = ["list", "--include-void", "--format", "csv"];
    assert_eq!(restored.ok(&list), book.ok(&list));
    assert_eq!(restored.ok(&["check"]), book.ok(&["check"]));
}

#[test]
fn backup_refuses_to_replace_a_file_without_force() {
    let book = vietnamese_logbook().binary();
    let existing = book.path("báo cáo.db");
    std::fs::write(&existing, "không phải sổ").unwrap();
    let before = book.snapshot();
    let stderr = book.fails(&["backup", "báo cáo.db"], 1);
    assert_eq!(
        stderr,
        "error: `báo cáo.db` exists: name a new file, or add `--force` to replace it\n"
    );
    book.assert_unchanged(&before);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "không phải sổ");

    book.ok(&["backup", "báo cáo.db", "--force"]);
    let restored = Logbook::new().binary().with_db(&existing);
    let list = ["list", "--include-void", "--format", "csv"];
    assert_eq!(restored.ok(&list), book.ok(&list));
}

#[test]
fn backup_with_force_replaces_an_older_backup() {
    let book = vietnamese_logbook().binary();
    book.ok(&["backup", "copy.db"]);
    book.ok(&["other", "Không đeo thẻ công chức", "--visit", "2"]);
    book.ok(&["backup", "copy.db", "--force"]);
    let restored = Logbook::new().with_db(book.path("copy.db"));
    let list = ["list", "--include-void", "--format", "csv"];
    assert_eq!(restored.ok(&list), book.ok(&list));
    assert_eq!(csv_records(&restored.ok(&list)).len(), 7);
}

#[test]
fn a_shortened_seal_is_refused_with_what_a_seal_is() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let seal = seal_in(&book.ok(&["check"]));
    let stderr = book.fails(&["check", "--seal", &seal[..16]], 1);
    assert_eq!(
        stderr,
        format!(
            "error: `{}` is not a seal: a seal is the 64 hex digits that `spotcheck check` or a report printed; give all of them\n",
            &seal[..16]
        )
    );
}

#[test]
fn sql_refuses_a_positional_parameter() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let stderr = book.fails(&["sql", "SELECT ?"], 1);
    assert_eq!(
        stderr,
        "error: the query has a `?` parameter, which `--param` cannot fill: name it, as `:unit`, and give `--param unit=VALUE`\n"
    );
}

#[test]
fn an_unclosed_quote_is_named_even_when_the_row_comes_out_short() {
    let book = Logbook::new();
    let file = book.path("don-vi.csv");
    std::fs::write(
        &file,
        "code,name,kind\ntam-lanh,\"UBND xã Tam Lãnh,commune\ntam-tra,UBND xã Tam Trà,commune\n",
    )
    .unwrap();
    let before = book.snapshot();
    let stderr = book.fails(&["import", "units", &shown(&file)], 1);
    assert_eq!(
        stderr,
        format!(
            "error: {}:2: a quote `\"` opened on this line is never closed: the rest of the file would be read as one cell; check the quotes on this line\n",
            shown(&file)
        )
    );
    book.assert_unchanged(&before);
}

#[test]
fn an_edit_made_on_one_side_only_is_an_update_not_a_conflict() {
    let hoa = Logbook::new();
    hoa.visit_tam_dai();
    hoa.ok(&["absent", "Trần Thị Bình"]);
    let tuan = Logbook::new().env("SPOTCHECK_BY", "Phạm Minh Tuấn");
    tuan.ok(&["merge", &shown(hoa.db())]);
    ok_at(
        &tuan,
        "2022-05-10T09:00",
        &["edit", "1", "--note", "có giấy mời"],
    );
    let merged = hoa.ok(&["merge", &shown(tuan.db()), "--format", "csv"]);
    assert_eq!(merge_rows(&merged)[3], ["findings", "0", "1", "0", "0"]);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 16,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn decomposed_text_imports_as_composed_and_round_trips(
        text in "[a-zA-Z àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ]{1,24}"
            .prop_filter("not only spaces", |t| !t.trim().is_empty())
    ) {
        // Keyboards and spreadsheets may send combining marks: the logbook
        // keeps the composed form, and its export imports back unchanged.
        let book = fixture_logbook();
        let decomposed: String = text.nfd().collect();
        let file = book.path("nfd.csv");
        std::fs::write(
            &file,
            format!("visit_uid,kind,description\na5c2bb34f5354c4eb756b4601c739eb9,other,\"{decomposed}\"\n"),
        )
        .unwrap();
        book.ok(&["import", "findings", &shown(&file)]);
        let export = book.ok(&["export", "findings"]);
        let records = csv_records(&export);
        let composed: String = text.trim().nfc().collect();
        prop_assert_eq!(&records[0]["description"], &composed);
        let again = book.path("again.csv");
        std::fs::write(&again, &export).unwrap();
        prop_assert_eq!(
            book.ok(&["import", "findings", &shown(&again)]),
            format!("nothing to change: all 1 findings in {} are already in the logbook\n", shown(&again))
        );
    }
}
