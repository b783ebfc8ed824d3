//! What a merge takes in: the other logbook checked as `check` checks it
//! before anything comes in, read as one snapshot while its owner goes on
//! writing, with what its `-wal` holds even on a write-protected stick, and
//! upgraded on a private copy when an older spotcheck wrote it. The other
//! logbook is never changed, and nothing is left beside it.

use std::path::{Path, PathBuf};

use crate::support::{Logbook, csv_records, csv_rows, logbook_with_findings};

/// A second inspector's logbook, in a directory of its own.
fn inspector() -> Logbook {
    Logbook::new().env("SPOTCHECK_BY", "Phạm Minh Tuấn")
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The file beside `path` whose name ends in `suffix` (`-wal`, `-shm`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Run `sql` on the logbook as the `sqlite3` shell would.
fn tamper(book: &Logbook, sql: &str) {
    let conn = crate::support::open_logbook(book.db());
    conn.execute_batch(sql).unwrap();
    conn.close().unwrap();
}

/// The rows of `merge --format csv`, without the header.
fn merge_rows(csv: &str) -> Vec<Vec<String>> {
    csv_rows(csv).into_iter().skip(1).collect()
}

/// The tally a merge prints as CSV: records, new, updated, unchanged, conflicts.
fn tally(rows: &[(&str, u64, u64, u64, u64)]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|(records, new, updated, unchanged, conflicts)| {
            vec![
                records.to_string(),
                new.to_string(),
                updated.to_string(),
                unchanged.to_string(),
                conflicts.to_string(),
            ]
        })
        .collect()
}

/// The one value of a one-row, one-column `sql` query.
fn value(book: &Logbook, sql: &str) -> String {
    let out = book.ok(&["--format", "csv", "sql", sql]);
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 2, "one row expected:\n{out}");
    rows[1][0].clone()
}

/// The files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------
// Changed behind spotcheck's back, damaged

#[test]
fn a_logbook_changed_behind_spotchecks_back_is_refused_and_merged_only_when_accepted() {
    let book = Logbook::new();
    let other = inspector();
    other.visit_tam_dai();
    other.ok(&["late", "Nguyễn Thị Lan", "--minutes", "10"]);
    other.ok(&["absent", "Trần Văn Bình"]);
    let name = shown(other.db());
    book.ok(&["merge", &name]);
    // The next day Tuấn adds to the note of the lateness with spotcheck, and
    // someone changes the note of the absence with the `sqlite3` shell.
    let edit = other.run_at(
        "2022-05-11T09:00",
        &["edit", "1", "--note", "đến muộn do mưa"],
    );
    assert_eq!(edit.code, 0, "{}", edit.dump);
    tamper(
        &other,
        "UPDATE findings SET note = 'đã xin phép' WHERE id = 2",
    );
    let other_before = other.snapshot();

    let before = book.snapshot();
    assert_eq!(
        book.fails(&["merge", &name], 1),
        format!(
            "error: `{name}` fails the checks `spotcheck check` makes, with 1 problem, so \
             nothing was merged:\n  finding #2: differs from its last history entry: it was \
             changed behind spotcheck's back (note)\nto see them all, type `spotcheck --db \
             {name} check`; to merge it all the same, `spotcheck merge {name} \
             --accept-unverified`\n"
        )
    );
    book.assert_unchanged(&before);
    assert_eq!(
        book.fails(&["--lang", "vi", "merge", &name], 1),
        format!(
            "lỗi: `{name}` không vượt qua các bước kiểm tra của `spotcheck check`: có 1 vấn \
             đề, nên chưa gộp gì:\n  finding #2: khác với mục lịch sử cuối cùng: bản ghi đã bị \
             sửa không qua spotcheck (note)\nđể xem hết các vấn đề, gõ `spotcheck --db \
             {name} check`; để vẫn gộp, gõ `spotcheck merge {name} --accept-unverified`\n"
        )
    );
    book.assert_unchanged(&before);

    let merged = book.run(&[
        "--lang",
        "vi",
        "merge",
        &name,
        "--accept-unverified",
        "--format",
        "csv",
    ]);
    assert_eq!(merged.code, 0, "{}", merged.dump);
    assert_eq!(
        merged.stderr,
        format!(
            "cảnh báo: đã gộp `{name}` dù sổ này không vượt qua các bước kiểm tra của \
             `spotcheck check` (1 vấn đề, đầu tiên: finding #2: khác với mục lịch sử cuối cùng: \
             bản ghi đã bị sửa không qua spotcheck (note)); lịch sử ghi rõ điều đó bên cạnh mỗi \
             bản ghi được thêm vào hay thay đổi\nxung đột #1: phát hiện #2, note: ở đây – (Lê Thị \
             Hoa, 2022-05-10T00:35:00.000Z), bên kia đã xin phép (Phạm Minh Tuấn, \
             2022-05-10T00:35:00.000Z); giữ giá trị của sổ này\n"
        )
    );
    assert_eq!(
        merge_rows(&merged.stdout),
        tally(&[
            ("units", 0, 0, 1, 0),
            ("people", 0, 0, 2, 0),
            ("visits", 0, 0, 1, 0),
            ("findings", 0, 2, 0, 1),
            ("plans", 0, 0, 0, 0),
            ("tasks", 0, 0, 0, 0),
        ])
    );
    // The history there rebuilds the absence's first version from the
    // record as it is now, so that no version there is one this logbook
    // had: the note changed by hand is a conflict, settled for this
    // logbook's value and recorded.
    // Tuấn's edit came in, and its history says, in English as all the
    // logbook keeps, what the merge could not vouch for.
    assert_eq!(
        value(&book, "SELECT note FROM findings_v WHERE number = 1"),
        "đến muộn do mưa"
    );
    let summary = "1 problem, first: finding #2: differs from its last history entry: it was \
                   changed behind spotcheck's back (note)";
    let history = csv_records(&book.ok(&["history", "1", "--format", "csv"]));
    assert_eq!(
        history.last().unwrap()["reason"],
        format!("merged from {name} (not verified: {summary})")
    );
    // The absence changed behind spotcheck's back did not come in: no edit
    // there gave its note, and its stamps are older than this logbook's.
    // Its version there is kept in the history beside this one's, hence
    // the second record updated.
    assert_eq!(
        value(
            &book,
            "SELECT coalesce(note, '') FROM findings_v WHERE number = 2"
        ),
        ""
    );

    // Merged again, nothing changes, and the warning stays.
    let again = book.run(&["merge", &name, "--accept-unverified"]);
    assert_eq!(again.code, 0, "{}", again.dump);
    assert_eq!(
        again.stdout,
        format!(
            "nothing to change: everything in {name} is already in {}\n",
            book.db().display()
        )
    );
    assert_eq!(
        again.stderr,
        format!(
            "warning: merged `{name}` though it fails the checks `spotcheck check` makes \
             ({summary}); the history says so beside each record it added or changed\n"
        )
    );
    other.assert_unchanged(&other_before);
    book.ok(&["check"]);
}

#[test]
fn a_damaged_logbook_is_refused_with_the_damage_named() {
    let other = logbook_with_findings(400);
    let length = std::fs::metadata(other.db()).unwrap().len();
    assert!(length > 200_000, "a file of many pages: {length} bytes");
    // 3,000 bytes of the middle of the file overwritten, as a failing
    // memory stick may leave it.
    {
        use std::os::unix::fs::FileExt;
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(other.db())
            .unwrap();
        file.write_all_at(&[0xA5; 3000], length / 2).unwrap();
    }
    let damaged = std::fs::read(other.db()).unwrap();
    let book = Logbook::new();
    book.visit_tam_dai();
    let before = book.snapshot();
    let name = shown(other.db());
    let stderr = book.fails(&["merge", &name], 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines[0].starts_with(&format!(
            "error: `{name}` fails the checks `spotcheck check` makes, with "
        )),
        "{stderr}"
    );
    assert!(lines[0].ends_with(", so nothing was merged:"), "{stderr}");
    assert!(lines[1].starts_with("  file: "), "{stderr}");
    assert_eq!(
        lines.last().unwrap(),
        &format!(
            "to see them all, type `spotcheck --db {name} check`; to merge it all the same, \
             `spotcheck merge {name} --accept-unverified`"
        )
    );
    book.assert_unchanged(&before);
    assert!(
        std::fs::read(other.db()).unwrap() == damaged,
        "the damaged file changed"
    );
    let mut expected = vec!["home", "logbook.db"];
    if crate::support::encrypted_run() {
        expected.push("logbook.db.key");
    }
    assert_eq!(files_in(other.dir()), expected);
}

// ---------------------------------------------------------------------------
// Older schemas

/// The fixture logbook written by schema `version`.
fn fixture_of_version(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/logbook-v{version}.db"))
}

#[test]
fn a_logbook_of_every_older_schema_is_merged_from_an_upgraded_copy_and_left_as_it_was() {
    // (schema, units, people, visits, findings, plans, tasks) as the
    // fixtures' README describes them.
    let expected = [
        (1, 3, 6, 2, 9, 0, 0),
        (2, 4, 9, 3, 13, 0, 0),
        (3, 4, 9, 4, 15, 0, 0),
        (4, 5, 11, 5, 18, 1, 1),
        (5, 5, 13, 6, 18, 1, 1),
        (6, 5, 13, 7, 20, 1, 1),
        (7, 6, 14, 8, 21, 1, 1),
        (8, 6, 14, 9, 24, 1, 1),
        (9, 6, 14, 9, 24, 1, 1),
        (10, 6, 14, 9, 24, 1, 1),
        (11, 6, 14, 9, 24, 1, 1),
        (12, 6, 14, 9, 24, 1, 1),
        (13, 6, 14, 9, 24, 1, 1),
    ];
    assert_eq!(expected.len() as i64, spotcheck::store::SCHEMA_VERSION - 1);
    for (version, units, people, visits, findings, plans, tasks) in expected {
        let shelf = Logbook::new();
        let other = shelf.path(&format!("logbook-v{version}.db"));
        std::fs::copy(fixture_of_version(version), &other).unwrap();
        let pristine = std::fs::read(&other).unwrap();
        let book = Logbook::new();
        let output = book.run(&["merge", &shown(&other), "--format", "csv"]);
        assert_eq!(output.code, 0, "v{version}: {}", output.dump);
        assert_eq!(
            output.stderr,
            format!("created logbook {}\n", book.db().display()),
            "v{version}"
        );
        assert_eq!(
            merge_rows(&output.stdout),
            tally(&[
                ("units", units, 0, 0, 0),
                ("people", people, 0, 0, 0),
                ("visits", visits, 0, 0, 0),
                ("findings", findings, 0, 0, 0),
                ("plans", plans, 0, 0, 0),
                ("tasks", tasks, 0, 0, 0),
            ]),
            "v{version}"
        );
        assert!(
            std::fs::read(&other).unwrap() == pristine,
            "v{version}: the fixture was changed"
        );
        assert_eq!(
            files_in(shelf.dir()),
            ["home".to_string(), format!("logbook-v{version}.db")],
            "v{version}: no backup, `-wal` or `-shm` beside it"
        );

        // What came in is what an upgrade of that logbook holds.
        let upgraded = Logbook::new();
        std::fs::copy(fixture_of_version(version), upgraded.db()).unwrap();
        upgraded.ok(&["init"]);
        for records in ["units", "people", "visits", "findings"] {
            assert_eq!(
                by_uid(&book.ok(&["export", records])),
                by_uid(&upgraded.ok(&["export", records])),
                "v{version}: {records}"
            );
        }
        book.ok(&["check"]);
    }
}

/// The rows of an export keyed by uid, without the numbers each logbook
/// gives its records.
fn by_uid(csv: &str) -> Vec<Vec<(String, String)>> {
    let mut rows: Vec<Vec<(String, String)>> = csv_records(csv)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .filter(|(column, _)| column != "number")
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn findings_of_an_older_logbook_come_in_with_their_words() {
    let shelf = Logbook::new();
    let other = shelf.path("hoa-2022.db");
    std::fs::copy(fixture_of_version(2), &other).unwrap();
    let book = Logbook::new();
    book.ok(&["merge", &shown(&other)]);
    // A name with the letters folding must get right, found by search too.
    assert_eq!(
        value(
            &book,
            "SELECT count(*) FROM findings_v WHERE person = 'Phan Thị Ngọc Ước'"
        ),
        "1"
    );
    let found = book.ok(&["list", "--search", "uoc", "--format", "csv"]);
    assert_eq!(csv_records(&found).len(), 1, "{found}");
    assert_eq!(value(&book, "SELECT count(*) FROM units_v"), "4");
    assert_eq!(
        value(
            &book,
            "SELECT name FROM units_v WHERE name LIKE '%Đông Hưng'"
        ),
        "UBND phường Đông Hưng"
    );
}

// ---------------------------------------------------------------------------
// A log in a write-protected folder

/// Run spotcheck on `book` as the unprivileged user `nobody`, for whom
/// permission bits count (the tests may run as root, who passes them all);
/// `None`, with the reason printed, when this machine cannot.
fn as_nobody(book: &Logbook, args: &[&str]) -> Option<crate::support::Output> {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    if !root {
        // An ordinary user is already bound by the modes.
        return Some(book.run(args));
    }
    let mut command = book.wrapper("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .args(book.command_line(args));
    let output = command.output().ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if stderr.contains("setpriv:") {
        return None;
    }
    Some(crate::support::Output {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
        code: output.status.code().unwrap_or(-1),
        dump: format!("{args:?} as nobody: {output:?}"),
    })
}

/// Say why a test checked nothing on this machine (`--nocapture` shows it).
#[allow(clippy::print_stdout)]
fn skipped(reason: &str) {
    println!("skipped: {reason}");
}

/// Hand `dir` and everything in it to `nobody`.
fn give_to_nobody(dir: &Path) {
    std::os::unix::fs::chown(dir, Some(65534), Some(65534)).unwrap();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if std::fs::symlink_metadata(&path).unwrap().is_dir() {
            give_to_nobody(&path);
        } else {
            std::os::unix::fs::lchown(&path, Some(65534), Some(65534)).unwrap();
        }
    }
}

#[cfg(unix)]
#[test]
fn a_logbook_on_a_write_protected_stick_is_merged_with_what_its_log_holds() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    let other = inspector();
    other.visit_tam_dai();
    other.ok(&["late", "Nguyễn Thị Lan", "--minutes", "10"]);
    // Tuấn's laptop went to sleep with spotcheck's last writes still in the
    // log: the last two findings are only in the `-wal` file.
    let holder = crate::support::open_logbook(other.db());
    holder
        .set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .unwrap();
    holder.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    holder
        .query_row("SELECT count(*) FROM findings", [], |_| Ok(()))
        .unwrap();
    other.ok(&["absent", "Trần Văn Bình"]);
    other.ok(&["late", "Lê Văn Cường", "--minutes", "20"]);
    // The stick holds the file and its log as the laptop left them.
    let book = Logbook::new();
    let stick = book.path("stick");
    std::fs::create_dir(&stick).unwrap();
    let copy = stick.join("tuan.db");
    crate::support::copy_logbook(other.db(), &copy);
    std::fs::copy(sibling(other.db(), "-wal"), sibling(&copy, "-wal")).unwrap();
    drop(holder);
    let log = std::fs::read(sibling(&copy, "-wal")).unwrap();
    assert!(!log.is_empty(), "the log holds the last findings");
    let in_file = rusqlite::Connection::open_with_flags(
        format!("file:{}?immutable=1", copy.display()),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .unwrap();
    crate::support::key_if_encrypted(&in_file, &copy);
    let in_file = in_file
        .query_row("SELECT count(*) FROM findings", [], |row| {
            row.get::<_, i64>(0)
        })
        .unwrap();
    assert!(in_file < 3, "the file alone holds {in_file} findings");
    let file = std::fs::read(&copy).unwrap();

    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    if root {
        give_to_nobody(book.dir());
    }
    mode(&copy, 0o444);
    mode(&sibling(&copy, "-wal"), 0o444);
    mode(&stick, 0o555);
    let Some(output) = as_nobody(&book, &["merge", &shown(&copy), "--format", "csv"]) else {
        mode(&stick, 0o755);
        skipped("cannot run spotcheck as another user here (setpriv as root)");
        return;
    };
    let left = files_in(&stick);
    mode(&stick, 0o755);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        merge_rows(&output.stdout)[3],
        ["findings", "3", "0", "0", "0"]
    );
    let mut expected = vec!["tuan.db", "tuan.db-wal"];
    if crate::support::encrypted_run() {
        expected.push("tuan.db.key");
    }
    assert_eq!(left, expected, "nothing left on the stick");
    assert!(std::fs::read(&copy).unwrap() == file);
    assert!(std::fs::read(sibling(&copy, "-wal")).unwrap() == log);
    let people = book.ok(&[
        "--format",
        "csv",
        "sql",
        "SELECT person FROM findings_v ORDER BY number",
    ]);
    assert_eq!(
        people,
        "person\nNguyễn Thị Lan\nTrần Văn Bình\nLê Văn Cường\n"
    );
}

// ---------------------------------------------------------------------------
// The logbook itself

#[cfg(unix)]
#[test]
fn merge_refuses_the_logbook_itself_under_another_name() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["absent", "Trần Thị Bình"]);
    let linked = book.path("lien-ket.db");
    std::os::unix::fs::symlink(book.db(), &linked).unwrap();
    let hard = book.path("ban-sao.db");
    std::fs::hard_link(book.db(), &hard).unwrap();
    for name in [shown(&linked), shown(&hard)] {
        let before = book.snapshot();
        assert_eq!(
            book.fails(&["merge", &name], 1),
            format!("error: `{name}` is this logbook itself: name another inspector's logbook\n")
        );
        book.assert_unchanged(&before);
    }
}

// ---------------------------------------------------------------------------
// While its owner writes

/// Names of people no logbook holds yet, a new one each time.
fn new_person(writer: usize, n: usize) -> String {
    const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
    const MIDDLE: [&str; 4] = ["Văn", "Thị", "Minh", "Quốc"];
    const GIVEN: [&str; 16] = [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Long", "Mai",
        "Nam", "Phương", "Quân", "Sơn",
    ];
    let n = n * 2 + writer;
    format!(
        "{} {} {}",
        FAMILY[n % 8],
        MIDDLE[(n / 8) % 4],
        GIVEN[(n / 32) % 16]
    )
}

#[test]
fn merges_while_two_spotchecks_log_into_the_other_logbook_read_it_whole() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    const MERGES: usize = 200;
    let other = inspector().binary();
    other.visit_tam_dai();
    let book = Logbook::new();
    book.visit_tam_dai();
    let (merges, stop) = (AtomicUsize::new(0), AtomicBool::new(false));
    let name = shown(other.db());
    std::thread::scope(|scope| {
        let writers: Vec<_> = (0..2)
            .map(|writer| {
                let (other, merges, stop) = (&other, &merges, &stop);
                scope.spawn(move || {
                    let mut logged = 0;
                    // A finding every other merge, each about a new person,
                    // so that a finding read without its person would show;
                    // few enough that every merge stays quick.
                    while !stop.load(Ordering::Relaxed) {
                        if logged > merges.load(Ordering::Relaxed) / 2 {
                            std::thread::sleep(std::time::Duration::from_millis(1));
                            continue;
                        }
                        let output = other.run(&["absent", &new_person(writer, logged)]);
                        assert_eq!(output.code, 0, "{}", output.dump);
                        logged += 1;
                    }
                    logged
                })
            })
            .collect();
        for _ in 0..MERGES {
            merges.fetch_add(1, Ordering::Relaxed);
            let output = book.run(&["merge", &name, "--format", "csv"]);
            if output.code != 0 || !output.stderr.is_empty() {
                stop.store(true, Ordering::Relaxed);
            }
            assert_eq!(output.code, 0, "{}", output.dump);
            assert_eq!(output.stderr, "", "{}", output.dump);
        }
        stop.store(true, Ordering::Relaxed);
        let logged: usize = writers.into_iter().map(|w| w.join().unwrap()).sum();
        assert!(
            logged >= MERGES / 2,
            "only {logged} findings logged meanwhile"
        );
    });
    // One more, at rest, brings the rest; both logbooks then hold the same.
    book.ok(&["merge", &name]);
    assert_eq!(
        value(&book, "SELECT count(*) FROM findings_v"),
        value(&other, "SELECT count(*) FROM findings_v")
    );
    let checked = book.ok(&["check"]);
    assert!(checked.starts_with("ok: "), "{checked}");
}
