//! Hostile input, from the fixture folder `tests/fixtures/hostile`: CSV files
//! to import, config files, command lines and damaged logbooks. Each case has
//! a `NAME.expected` beside it: `exit N` on the first line, then exactly what
//! spotcheck must print on standard error, with `FILE` for the case's path.
//! Every case must also leave the logbook as it was.
//!
//! `SPOTCHECK_BLESS=1 cargo test hostile` writes the `.expected` files from
//! what spotcheck prints now, for a person to read before committing them.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::support::Logbook;

fn folder(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(kind)
}

/// The cases of one kind, by name, with their input file.
fn cases(kind: &str, extension: &str) -> Vec<(String, PathBuf)> {
    let mut cases: Vec<_> = std::fs::read_dir(folder(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    cases.sort();
    cases
}

/// Compare what a case printed with its `.expected` file, or write that
/// file when blessing. Returns a description of the difference, if any.
fn compare(kind: &str, name: &str, code: i32, stderr: &str, file: Option<&Path>) -> Option<String> {
    let expected_path = folder(kind).join(format!("{name}.expected"));
    let shown = match file {
        Some(file) => stderr.replace(&file.display().to_string(), "FILE"),
        None => stderr.to_string(),
    };
    let actual = format!("exit {code}\n{shown}");
    if std::env::var_os("SPOTCHECK_BLESS").is_some() {
        std::fs::write(&expected_path, &actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|_| panic!("{} is missing", expected_path.display()));
    (expected != actual)
        .then(|| format!("{kind}/{name}:\n  expected: {expected:?}\n  actual:   {actual:?}"))
}

/// The logbook the CSV cases import into: the unit and the visit that the
/// import fixtures name, and the person they log.
fn import_logbook() -> Logbook {
    let book = Logbook::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for records in ["units", "visits"] {
        let file = fixtures.join(format!("{records}.csv"));
        book.ok(&["import", records, file.to_str().unwrap()]);
    }
    book.ok(&["person", "add", "tam-dai", "Đặng Quốc Huy"]);
    book
}

fn assert_no_differences(differences: Vec<String>, total: usize) {
    assert!(
        differences.is_empty(),
        "{} of {total} cases differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn hostile_csv_files_are_refused_with_their_line_and_column() {
    let book = import_logbook();
    let before = book.snapshot();
    let cases = cases("csv", "csv");
    assert!(cases.len() >= 30, "{} CSV cases", cases.len());
    let mut differences = Vec::new();
    for (name, file) in &cases {
        let output = book.run(&["import", "findings", file.to_str().unwrap()]);
        differences.extend(compare(
            "csv",
            name,
            output.code,
            &output.stderr,
            Some(file),
        ));
        book.assert_unchanged(&before);
    }
    assert_no_differences(differences, cases.len());
}

#[test]
fn hostile_config_files_are_refused_with_what_to_write_instead() {
    let book = import_logbook();
    let before = book.snapshot();
    let cases = cases("config", "toml");
    assert!(cases.len() >= 10, "{} config cases", cases.len());
    let mut differences = Vec::new();
    for (name, file) in &cases {
        let output = book.run(&[
            "--config",
            file.to_str().unwrap(),
            "late",
            "Đặng Quốc Huy",
            "--minutes",
            "5",
        ]);
        differences.extend(compare(
            "config",
            name,
            output.code,
            &output.stderr,
            Some(file),
        ));
        book.assert_unchanged(&before);
    }
    assert_no_differences(differences, cases.len());
}

#[test]
fn hostile_command_lines_are_refused_and_change_nothing() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "12"]);
    let before = book.snapshot();
    let cases = cases("args", "args");
    assert!(cases.len() >= 15, "{} command-line cases", cases.len());
    let mut differences = Vec::new();
    for (name, file) in &cases {
        let text = std::fs::read_to_string(file).unwrap();
        let args: Vec<&str> = text.lines().collect();
        let output = book.run(&args);
        differences.extend(compare("args", name, output.code, &output.stderr, None));
        book.assert_unchanged(&before);
    }
    assert_no_differences(differences, cases.len());
}

/// Damaged or foreign logbook files, made on the spot from a good one.
/// Plain logbooks even in an encrypted run: the damage is made to
/// SQLite's own format, which an encrypted file hides.
#[test]
fn damaged_and_foreign_logbooks_are_refused_untouched() {
    let good = Logbook::new().unencrypted();
    good.visit_tam_dai();
    for n in 0..200 {
        good.ok(&["late", &format!("Người thứ {n}"), "--minutes", "5"]);
    }
    let bytes = std::fs::read(good.db()).unwrap();
    let page = 4096;
    let foreign = {
        let book = Logbook::new().unencrypted();
        let path = book.path("other.sqlite");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');")
            .unwrap();
        drop(conn);
        std::fs::read(path).unwrap()
    };
    let newer = {
        let book = Logbook::new().unencrypted();
        book.ok(&["init"]);
        let conn = crate::support::open_logbook(book.db());
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        drop(conn);
        std::fs::read(book.db()).unwrap()
    };
    // Changed behind spotcheck's back with the `sqlite3` shell: its version
    // number, a view that leaves a person out, a search trigger dropped.
    let tampered = |sql: &str| {
        let book = Logbook::new().unencrypted();
        std::fs::write(book.db(), &bytes).unwrap();
        let conn = crate::support::open_logbook(book.db());
        conn.execute_batch(sql).unwrap();
        drop(conn);
        std::fs::read(book.db()).unwrap()
    };
    let tampered_version = tampered("PRAGMA user_version = 2");
    let tampered_view = tampered(
        "DROP VIEW people_v;
         CREATE VIEW people_v AS SELECT id AS number FROM people WHERE name <> 'Người thứ 7';",
    );
    let dropped_trigger = tampered("DROP TRIGGER finding_search_deleted");
    let mut damaged = bytes.clone();
    // Garbage over the middle of a b-tree page deep in the file.
    let at = (bytes.len() / page - 2) * page + 100;
    damaged[at..at + 2000].fill(0xA5);
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        ("zero-bytes", Vec::new(), vec!["list"]),
        ("truncated", bytes[..bytes.len() / 2].to_vec(), vec!["list"]),
        ("truncated-header", bytes[..60].to_vec(), vec!["list"]),
        ("damaged-page", damaged, vec!["check"]),
        ("newer-version", newer, vec!["list"]),
        ("foreign-sqlite", foreign.clone(), vec!["list"]),
        ("text-file", b"uid,kind\n1,late\n".to_vec(), vec!["list"]),
        ("tampered-user-version", tampered_version, vec!["init"]),
        ("tampered-view", tampered_view, vec!["export", "people"]),
        (
            "dropped-trigger",
            dropped_trigger,
            vec!["late", "Lê Văn Cường", "--minutes", "5"],
        ),
    ];
    let mut differences = Vec::new();
    for (name, content, args) in &cases {
        let book = Logbook::new().unencrypted();
        std::fs::write(book.db(), content).unwrap();
        let output = book.run(args);
        differences.extend(compare(
            "logbook",
            name,
            output.code,
            &output.stderr,
            Some(book.db()),
        ));
        assert_eq!(
            &std::fs::read(book.db()).unwrap(),
            content,
            "{name} was changed"
        );
    }
    // A directory where the logbook should be, and a foreign file to merge.
    let book = Logbook::new().unencrypted();
    std::fs::create_dir(book.db()).unwrap();
    let output = book.run(&["list"]);
    differences.extend(compare(
        "logbook",
        "directory",
        output.code,
        &output.stderr,
        Some(book.db()),
    ));
    let other = good.path("other.sqlite");
    std::fs::write(&other, &foreign).unwrap();
    let before = good.snapshot();
    let output = good.run(&["merge", other.to_str().unwrap()]);
    differences.extend(compare(
        "logbook",
        "merge-foreign-sqlite",
        output.code,
        &output.stderr,
        Some(&other),
    ));
    good.assert_unchanged(&before);
    assert_eq!(std::fs::read(&other).unwrap(), foreign);
    assert_no_differences(differences, cases.len() + 2);
}

/// Inputs too large to keep as files, made as the test runs.
#[test]
fn oversized_imports_are_refused_with_bounded_memory() {
    let book = import_logbook();
    let visit = "a5c2bb34f5354c4eb756b4601c739eb9";
    let cell = |size: usize| {
        format!(
            "visit_uid,kind,description\n{visit},other,{}\n",
            "x".repeat(size)
        )
    };
    let big_cell = book.path("big-cell.csv");
    std::fs::write(&big_cell, cell(100_000)).unwrap();
    let megabyte_cell = book.path("megabyte-cell.csv");
    std::fs::write(&megabyte_cell, cell(1 << 20)).unwrap();
    let wide = book.path("wide.csv");
    std::fs::write(
        &wide,
        format!(
            "visit_uid,kind,description\n{visit},other,{}\n",
            vec!["x"; 10_000].join(",")
        ),
    )
    .unwrap();
    let before = book.snapshot();
    for (file, expected) in [
        (
            &big_cell,
            "column description: the cell holds 100000 bytes; a cell may hold up to 64 KB\n",
        ),
        (
            &megabyte_cell,
            "the row is longer than 1 MB: an export's rows are far shorter; check that this is a spotcheck CSV file\n",
        ),
        (
            &wide,
            "the row has 10002 fields but the header names 3 columns: check the quotes and separators on this line\n",
        ),
    ] {
        let stderr = book.fails(&["import", "findings", file.to_str().unwrap()], 1);
        assert_eq!(stderr, format!("error: {}:2: {expected}", file.display()));
        book.assert_unchanged(&before);
    }

    // A header of 10,000 columns stops at the first it does not know.
    let columns: Vec<String> = (0..10_000).map(|n| format!("c{n}")).collect();
    let wide_header = book.path("wide-header.csv");
    std::fs::write(
        &wide_header,
        format!("visit_uid,kind,{}\n", columns.join(",")),
    )
    .unwrap();
    let before = book.snapshot();
    let stderr = book.fails(&["import", "findings", wide_header.to_str().unwrap()], 1);
    assert!(
        stderr.starts_with(&format!(
            "error: {}:1: column c0: unknown column: a findings export has the columns uid, number,",
            wide_header.display()
        )),
        "{stderr}"
    );
    book.assert_unchanged(&before);

    // 200 MB of separators on standard input, under a 256 MB address-space
    // limit: the row is refused after its first megabyte.
    let mut command = book.wrapper("sh");
    command
        .arg("-c")
        .arg("ulimit -v 262144; { echo uid,visit_uid,kind; head -c 200000000 /dev/zero | tr '\\0' ,; } | \"$@\"")
        .arg("sh")
        .args(book.command_line(&["import", "findings", "-"]))
        .stdout(Stdio::null());
    let output = command.output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: standard input:2: the row is longer than 1 MB: an export's rows are far shorter; \
         check that this is a spotcheck CSV file\n"
    );
    assert_eq!(output.status.code(), Some(1));
    book.assert_unchanged(&before);
}
