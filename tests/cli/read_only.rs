//! Reads never write: every read command leaves the logbook byte for byte as
//! it was, with no `-wal`, `-shm` or backup file beside it, reads an older
//! logbook only to say how to upgrade it, and serves a logbook that cannot
//! be written (a read-only file, a write-protected folder).

use std::path::{Path, PathBuf};

use crate::support::Logbook;

/// Every read command, as a user types it.
const READS: &[&[&str]] = &[
    &["list"],
    &["list", "--search", "Lan"],
    &["show", "1"],
    &["report", "month", "2022-05"],
    &["export", "findings"],
    &["sql", "SELECT count(*) FROM findings_v"],
    &["check"],
    &["schema"],
    &["history"],
    &["visit", "list"],
    &["unit", "list"],
];

/// The files SQLite or spotcheck may leave beside the logbook.
fn beside(db: &Path) -> Vec<PathBuf> {
    let dir = db.parent().unwrap();
    let name = db.file_name().unwrap().to_string_lossy().into_owned();
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            // An encrypted logbook's key file is its own, not a leftover.
            let other = p.file_name().unwrap().to_string_lossy();
            other != name && other.starts_with(&name) && !other.ends_with(".key")
        })
        .collect();
    found.sort();
    found
}

/// What the shell gets back when completing a unit code on `book`'s logbook.
fn complete_unit(book: &Logbook) -> std::process::Output {
    let mut command = book.wrapper(env!("CARGO_BIN_EXE_spotcheck"));
    command
        .env("COMPLETE", "fish")
        .args(["--", "spotcheck", "--db"])
        .arg(book.db())
        .args(["visit", "start", ""]);
    command.output().unwrap()
}

/// A logbook at rest with a finding a colleague changed with the `sqlite3`
/// shell, so that its search index has entries waiting.
fn logbook_with_pending_search_entries() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Thị Lan", "--minutes", "10"]);
    let conn = crate::support::open_logbook(book.db());
    conn.execute(
        "UPDATE findings SET note = 'đến muộn do mưa' WHERE id = 1",
        [],
    )
    .unwrap();
    let pending: i64 = conn
        .query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0))
        .unwrap_or(1);
    assert!(pending > 0, "the queue holds the change");
    drop(conn);
    book
}

#[test]
fn no_read_command_writes_to_the_logbook_or_its_search_index() {
    let book = logbook_with_pending_search_entries();
    let before = std::fs::read(book.db()).unwrap();
    let files = beside(book.db());
    for args in READS.iter().chain([&["status"][..]].iter()) {
        let output = book.run(args);
        // `check` names the finding changed behind spotcheck's back.
        let expected = if args[0] == "check" { 3 } else { 0 };
        assert_eq!(output.code, expected, "{}", output.dump);
        assert!(
            std::fs::read(book.db()).unwrap() == before,
            "`{}` changed the logbook",
            args.join(" ")
        );
        assert_eq!(beside(book.db()), files, "`{}` left files", args.join(" "));
    }
    let completed = complete_unit(&book);
    assert!(String::from_utf8_lossy(&completed.stdout).contains("tam-dai"));
    assert!(
        std::fs::read(book.db()).unwrap() == before,
        "completion changed the logbook"
    );
    assert_eq!(beside(book.db()), files);
}

#[test]
fn an_older_logbook_is_read_without_upgrading_it_and_says_how_to() {
    let book = Logbook::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logbook-v1.db");
    std::fs::copy(&fixture, book.db()).unwrap();
    let before = std::fs::read(book.db()).unwrap();
    let expected = format!(
        "error: logbook `{}`: has schema version 1, written by an older spotcheck; this one \
         reads and writes version {}, and a read never changes the file: upgrade it with \
         `spotcheck init` (which keeps the old file as `logbook.db.v1.bak`; an older spotcheck \
         cannot open the upgraded one), or read it with the spotcheck that wrote it\n",
        book.db().display(),
        spotcheck::store::SCHEMA_VERSION
    );
    for args in READS {
        let output = book.run(args);
        // `sql` and `schema` read any logbook as it stands.
        if args[0] != "sql" && args[0] != "schema" {
            assert_eq!(output.code, 1, "{}", output.dump);
            assert_eq!(output.stderr, expected, "`{}`", args.join(" "));
        }
        assert!(
            std::fs::read(book.db()).unwrap() == before,
            "`{}` changed it",
            args.join(" ")
        );
        assert_eq!(
            beside(book.db()),
            Vec::<PathBuf>::new(),
            "`{}`",
            args.join(" ")
        );
    }
    // Completion offers nothing rather than upgrade the file.
    let completed = complete_unit(&book);
    assert!(completed.status.success());
    assert!(!String::from_utf8_lossy(&completed.stdout).contains("tam-dai"));
    assert!(
        std::fs::read(book.db()).unwrap() == before,
        "completion upgraded it"
    );
    assert_eq!(beside(book.db()), Vec::<PathBuf>::new());
    // `init` upgrades it, as the message says.
    book.ok(&["init"]);
    assert!(book.path("logbook.db.v1.bak").is_file());
    book.ok(&["list"]);
}

/// Say why a test checked nothing on this machine (`--nocapture` shows it).
#[allow(clippy::print_stdout)]
fn skipped(reason: &str) {
    println!("skipped: {reason}");
}

/// Run spotcheck as the unprivileged user `nobody`, for whom permission bits
/// count (the tests may run as root, who passes them all); `None`, with the
/// reason printed, when this machine cannot.
fn as_nobody(book: &Logbook, args: &[&str]) -> Option<crate::support::Output> {
    for tool in ["runuser", "setpriv"] {
        let mut command = book.wrapper(tool);
        if tool == "runuser" {
            command.args(["-u", "nobody", "--"]);
        } else {
            command.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        }
        command.args(book.command_line(args));
        let Ok(output) = command.output() else {
            continue;
        };
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if stderr.contains("runuser:") || stderr.contains("setpriv:") {
            continue; // not allowed here (not root), or no such user
        }
        return Some(crate::support::Output {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr,
            code: output.status.code().unwrap_or(-1),
            dump: format!("{output:?}"),
        });
    }
    skipped("cannot run spotcheck as another user here (runuser or setpriv as root)");
    None
}

/// A logbook with findings whose folder and file `nobody` may read but not
/// write; the binary must be reachable by `nobody` too.
fn read_only_logbook(folder_read_only: bool, with_log: bool) -> Option<(Logbook, Vec<u8>)> {
    use std::os::unix::fs::PermissionsExt;
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Thị Lan", "--minutes", "10"]);
    book.ok(&["absent", "Trần Văn Bình"]);
    if with_log {
        // A writer that stopped before copying its log into the file (a
        // stick pulled out): the last finding is only in the `-wal` file.
        let holder = crate::support::open_logbook(book.db());
        holder
            .set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                true,
            )
            .unwrap();
        holder
            .query_row("SELECT count(*) FROM findings", [], |_| Ok(()))
            .unwrap();
        book.ok(&["late", "Lê Văn Cường", "--minutes", "20"]);
        drop(holder);
        let mut shm = book.db().as_os_str().to_os_string();
        shm.push("-shm");
        let _ = std::fs::remove_file(PathBuf::from(shm));
    }
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    // A folder `nobody` may write to, or only read.
    mode(book.dir(), 0o777);
    mode(book.db(), 0o444);
    // An encrypted logbook's key file goes with it, read-only like it.
    let key_file = book.path("logbook.db.key");
    if key_file.exists() {
        mode(&key_file, 0o444);
    }
    let wal = {
        let mut name = book.db().as_os_str().to_os_string();
        name.push("-wal");
        PathBuf::from(name)
    };
    if wal.exists() {
        mode(&wal, 0o444);
    }
    if folder_read_only {
        mode(book.dir(), 0o555);
    }
    let before = std::fs::read(book.db()).unwrap();
    // `nobody` must be able to run the binary at all.
    as_nobody(&book, &["--version"]).filter(|o| o.code == 0)?;
    Some((book, before))
}

#[test]
fn a_read_only_logbook_file_serves_every_read() {
    let Some((book, before)) = read_only_logbook(false, false) else {
        return;
    };
    let files = beside(book.db());
    for args in READS {
        let output = as_nobody(&book, args).unwrap();
        assert_eq!(output.code, 0, "`{}`: {}", args.join(" "), output.dump);
        assert_eq!(
            beside(book.db()),
            files,
            "`{}` left files beside it",
            args.join(" ")
        );
    }
    let checked = as_nobody(&book, &["check"]).unwrap();
    assert!(checked.stdout.starts_with("ok: "), "{}", checked.dump);
    assert!(std::fs::read(book.db()).unwrap() == before);
}

#[test]
fn a_logbook_in_a_read_only_folder_serves_every_read() {
    let Some((book, before)) = read_only_logbook(true, false) else {
        return;
    };
    for args in READS {
        let output = as_nobody(&book, args).unwrap();
        assert_eq!(output.code, 0, "`{}`: {}", args.join(" "), output.dump);
    }
    let listed = as_nobody(&book, &["list"]).unwrap();
    assert!(listed.stdout.contains("Trần Văn Bình"), "{}", listed.dump);
    assert!(std::fs::read(book.db()).unwrap() == before);
    assert_eq!(beside(book.db()), Vec::<PathBuf>::new());
}

#[test]
fn a_logbook_in_a_read_only_folder_is_read_with_what_its_log_holds() {
    let Some((book, before)) = read_only_logbook(true, true) else {
        return;
    };
    let wal = {
        let mut name = book.db().as_os_str().to_os_string();
        name.push("-wal");
        PathBuf::from(name)
    };
    if std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) == 0 {
        skipped("the last finding was checkpointed, no log to read");
        return;
    }
    let log = std::fs::read(&wal).unwrap();
    let listed = as_nobody(&book, &["list"]).unwrap();
    assert_eq!(listed.code, 0, "{}", listed.dump);
    assert!(listed.stdout.contains("Lê Văn Cường"), "{}", listed.dump);
    let checked = as_nobody(&book, &["check"]).unwrap();
    assert!(
        checked
            .stdout
            .starts_with("ok: 8 records agree with 8 history entries"),
        "{}",
        checked.dump
    );
    assert!(std::fs::read(book.db()).unwrap() == before);
    assert!(std::fs::read(&wal).unwrap() == log);
}

#[test]
fn a_db_named_like_a_uri_is_a_plain_file_of_that_name() {
    let book = Logbook::new();
    let uri = Logbook::new().binary().with_db("file:c.db");
    let output = uri.run(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(output.stderr, "created logbook file:c.db\n");
    let made = uri.path("file:c.db");
    assert!(std::fs::metadata(&made).unwrap().len() > 0);
    assert!(!uri.path("c.db").exists(), "no `c.db` beside it");
    let listed = uri.ok(&["unit", "list"]);
    assert!(listed.contains("tam-dai"), "{listed}");
    // `sql` opens the file its own way, and reads the same file.
    let counted = uri.ok(&[
        "--format",
        "csv",
        "sql",
        "SELECT count(*) AS units FROM units_v",
    ]);
    assert_eq!(counted, "units\n1\n");
    assert!(!uri.path("c.db").exists(), "no `c.db` beside it");
    let _ = book;
}

#[test]
fn an_empty_file_left_by_an_interrupted_first_write_becomes_the_logbook() {
    let book = Logbook::new();
    std::fs::write(book.db(), b"").unwrap();
    // A read says what the file is, and leaves it.
    let refused = book.fails(&["list"], 1);
    assert_eq!(
        refused,
        format!(
            "error: logbook `{}`: is an empty file, not a spotcheck logbook; name a logbook with `--db`\n",
            book.db().display()
        )
    );
    assert_eq!(std::fs::read(book.db()).unwrap(), b"");
    // A write makes it the logbook, as if it were not there.
    let output = book.run(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        output.stderr,
        format!("created logbook {}\n", book.db().display())
    );
    assert!(book.ok(&["unit", "list"]).contains("tam-dai"));
    book.ok(&["check"]);
    assert_eq!(
        beside(book.db()),
        Vec::<PathBuf>::new(),
        "no temporary file left"
    );
}
