//! Where `-o FILE`, `--xlsx`, `--svg` and `backup` may write: never over the
//! logbook, in place over a device, a FIFO or a file that is already there,
//! and with errors about the file the user named.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Stdio;

use crate::support::Logbook;
use crate::support::logbook_with_findings;

/// A logbook with one finding.
fn logbook_with_a_finding() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book
}

fn refusal(target: &str, book: &Logbook) -> String {
    format!(
        "error: cannot write `{target}`: it is the logbook `{}` or one of its own files \
         (`-wal`, `-shm`, `.key`), and writing there would destroy it; name another file\n",
        book.db().display()
    )
}

/// The command lines that write a file, each with `TARGET` where the file goes.
const WRITERS: &[&[&str]] = &[
    &["export", "findings", "-o", "TARGET"],
    &["list", "-o", "TARGET"],
    &["sql", "SELECT 1", "-o", "TARGET"],
    &["check", "-o", "TARGET"],
    &["config", "-o", "TARGET"],
    &["history", "-o", "TARGET"],
    &["completions", "bash", "-o", "TARGET"],
    &[
        "report", "month", "2022-05", "--format", "html", "-o", "TARGET",
    ],
    &["report", "month", "2022-05", "--xlsx", "TARGET"],
    &["report", "month", "2022-05", "--svg", "TARGET"],
    &["backup", "TARGET"],
    &["backup", "TARGET", "--force"],
];

fn with_target<'a>(args: &[&'a str], target: &'a str) -> Vec<&'a str> {
    args.iter()
        .map(|a| if *a == "TARGET" { target } else { a })
        .collect()
}

#[test]
fn no_command_writes_over_the_logbook_its_wal_files_or_a_link_to_them() {
    let book = logbook_with_a_finding().binary();
    std::os::unix::fs::symlink(book.db(), book.path("shortcut.db")).unwrap();
    std::fs::hard_link(book.db(), book.path("same.db")).unwrap();
    let db = book.db().display().to_string();
    let before = book.snapshot();
    for args in WRITERS {
        for target in [db.as_str(), "./logbook.db", "shortcut.db", "same.db"] {
            let args = with_target(args, target);
            let output = book.run(&args);
            assert_eq!(
                (output.code, output.stderr.as_str()),
                (1, refusal(target, &book).as_str()),
                "{}",
                output.dump
            );
        }
    }
    for target in ["logbook.db-wal", "logbook.db-shm"] {
        let stderr = book.fails(&["export", "findings", "-o", target], 1);
        assert_eq!(stderr, refusal(target, &book));
    }
    book.assert_unchanged(&before);
}

#[test]
fn completions_refuse_the_logbook_even_when_the_config_cannot_be_read() {
    let book = logbook_with_a_finding()
        .binary()
        .config("inspector = [broken");
    let before = book.snapshot();
    let stderr = book.fails(&["completions", "bash", "-o", "logbook.db"], 1);
    assert_eq!(stderr, refusal("logbook.db", &book));
    book.assert_unchanged(&before);
    // The unreadable config does not stop the script itself.
    let script = book.ok(&["completions", "bash"]);
    assert!(script.contains("spotcheck"), "{script}");
    // Nor the logbook named only by the environment.
    let by_env = Logbook::new()
        .binary()
        .without_db_flag()
        .env("SPOTCHECK_DB", "kept.db")
        .config("inspector = [broken");
    std::fs::write(by_env.path("kept.db"), b"not to be replaced").unwrap();
    let stderr = by_env.fails(&["completions", "bash", "-o", "kept.db"], 1);
    assert_eq!(
        stderr,
        "error: cannot write `kept.db`: it is the logbook `kept.db` or one of its own files \
         (`-wal`, `-shm`, `.key`), and writing there would destroy it; name another file\n"
    );
    assert_eq!(
        std::fs::read(by_env.path("kept.db")).unwrap(),
        b"not to be replaced"
    );
}

/// A character device of the test's own, `name` in the logbook's folder, as
/// `/dev/null` (1, 3) or `/dev/full` (1, 7): a program that replaced it would
/// replace only this copy. `None` where devices cannot be made.
fn device(book: &Logbook, name: &str, minor: u32) -> Option<std::path::PathBuf> {
    let path = book.path(name);
    let made = std::process::Command::new("mknod")
        .args(["-m", "666"])
        .arg(&path)
        .args(["c", "1", &minor.to_string()])
        .stderr(Stdio::null())
        .status();
    if made.is_ok_and(|s| s.success()) {
        Some(path)
    } else {
        skip("cannot make a device node here (`mknod` needs root)");
        None
    }
}

#[test]
fn devices_are_written_directly_and_never_replaced() {
    let book = logbook_with_a_finding().binary();
    let (Some(null), Some(full)) = (device(&book, "null", 3), device(&book, "full", 7)) else {
        return;
    };
    for args in [
        &["export", "findings", "-o", "null"][..],
        &["list", "-o", "null"],
        &["report", "month", "2022-05", "--xlsx", "null"],
        &["backup", "null"],
    ] {
        let output = book.run(args);
        assert_eq!(output.code, 0, "{}", output.dump);
        let meta = std::fs::metadata(&null).unwrap();
        assert!(meta.file_type().is_char_device(), "{args:?} replaced null");
        assert_eq!(meta.rdev(), std::fs::metadata("/dev/null").unwrap().rdev());
    }
    let before = book.snapshot();
    let stderr = book.fails(&["export", "findings", "-o", "full"], 1);
    assert_eq!(
        stderr,
        "error: writing output: cannot write `full`: the disk is full, or the file larger \
         than this system allows; free some space and run the command again (nothing was \
         written)\n"
    );
    assert!(
        std::fs::metadata(&full)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    book.assert_unchanged(&before);
}

#[test]
fn standard_output_named_as_a_file_gets_the_result() {
    let book = logbook_with_a_finding().binary();
    // A link of the test's own stands for `/dev/stdout`, which a program
    // that replaced it would replace.
    std::os::unix::fs::symlink("/proc/self/fd/1", book.path("stdout")).unwrap();
    let whole = book.ok(&["export", "findings"]);
    for name in ["stdout", "/proc/self/fd/1"] {
        let output = book.run(&["export", "findings", "-o", name]);
        assert_eq!(output.code, 0, "{}", output.dump);
        assert_eq!(output.stdout, whole, "{name}");
    }
    let link = std::fs::symlink_metadata(book.path("stdout")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
}

#[test]
fn a_fifo_is_written_directly_and_stays_a_fifo() {
    let book = logbook_with_a_finding().binary();
    let fifo = book.path("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        skip("`mkfifo` is not available here");
        return;
    }
    // The reader waits in its own thread: had the FIFO been replaced, it
    // would wait for ever, and the test gives up on it instead.
    let (sender, received) = std::sync::mpsc::channel();
    {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            let read = std::fs::File::open(&fifo).and_then(|mut f| f.read_to_string(&mut text));
            let _ = sender.send(read.map(|_| text));
        });
    }
    let output = book.run(&["export", "findings", "-o", "pipe"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    let text = received
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("nothing came through the FIFO")
        .unwrap();
    assert_eq!(text, book.ok(&["export", "findings"]));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_file_already_there_is_written_in_place_keeping_inode_mode_and_links() {
    let book = logbook_with_a_finding().binary();
    let file = book.path("findings.csv");
    std::fs::write(
        &file,
        "an older export that is longer than the new one will be, ".repeat(40),
    )
    .unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::hard_link(&file, book.path("shared.csv")).unwrap();
    let inode = std::fs::metadata(&file).unwrap().ino();
    book.ok(&["export", "findings", "-o", "findings.csv"]);
    let after = std::fs::metadata(&file).unwrap();
    assert_eq!(after.ino(), inode, "the file was replaced");
    assert_eq!(after.mode() & 0o777, 0o640);
    assert_eq!(after.nlink(), 2);
    let whole = book.ok(&["export", "findings"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), whole);
    assert_eq!(
        std::fs::read_to_string(book.path("shared.csv")).unwrap(),
        whole
    );
}

#[test]
fn a_new_file_is_owner_only_and_nothing_else_appears() {
    let book = logbook_with_a_finding().binary();
    book.ok(&["export", "findings", "-o", "new.csv"]);
    let meta = std::fs::metadata(book.path("new.csv")).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o600);
    let hidden: Vec<String> = std::fs::read_dir(book.dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".spotcheck"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn a_directory_given_as_the_output_is_refused_by_name() {
    let book = logbook_with_a_finding().binary();
    std::fs::create_dir(book.path("reports")).unwrap();
    let before = book.snapshot();
    for args in [
        &["export", "findings", "-o", "reports"][..],
        &["report", "month", "2022-05", "--xlsx", "reports"],
        &["backup", "reports", "--force"],
    ] {
        let stderr = book.fails(args, 1);
        assert_eq!(
            stderr,
            "error: cannot write `reports`: it is a directory; name a file inside it instead\n",
            "{args:?}"
        );
    }
    book.assert_unchanged(&before);
}

/// A test that cannot be meaningful here says why it passed without checking.
#[allow(clippy::print_stderr)]
fn skip(reason: &str) {
    eprintln!("skipped: {reason}");
}

/// Run spotcheck as the unprivileged user `nobody` (root, who runs these
/// tests, may write any file whatever its mode); `None` when that cannot be
/// done here, and the test is then skipped.
fn as_nobody(book: &Logbook, args: &[&str]) -> Option<crate::support::Output> {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .ok()
        .is_some_and(|o| o.stdout == b"0\n");
    if !root {
        // An ordinary user is already bound by the modes.
        return Some(book.run(args));
    }
    let probe = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        skip("cannot run as an unprivileged user here (no `setpriv`)");
        return None;
    }
    give_to_nobody(book.dir());
    let mut command = book.wrapper("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .args(book.command_line(args));
    let output = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    Some(crate::support::Output {
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        code: output.status.code().unwrap_or(-1),
        dump: format!("{args:?} as nobody: {}", output.status),
    })
}

/// Hand the whole temporary directory to `nobody`, so only the modes set
/// by the test stand in its way.
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

#[test]
fn a_file_the_user_may_not_write_is_refused_with_the_systems_reason() {
    let book = logbook_with_a_finding();
    let file = book.path("kept.csv");
    std::fs::write(&file, "kept as it is\n").unwrap();
    std::fs::write(book.path("kept.db"), "kept as it is\n").unwrap();
    for name in ["kept.csv", "kept.db"] {
        std::fs::set_permissions(book.path(name), std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    let inode = std::fs::metadata(&file).unwrap().ino();
    let Some(output) = as_nobody(&book, &["export", "findings", "-o", "kept.csv"]) else {
        return;
    };
    assert_eq!(
        (output.code, output.stderr.as_str()),
        (
            1,
            "error: cannot write `kept.csv`: Permission denied (os error 13)\n"
        ),
        "{}",
        output.dump
    );
    let backup = as_nobody(&book, &["backup", "kept.db", "--force"]).unwrap();
    assert_eq!(
        (backup.code, backup.stderr.as_str()),
        (
            1,
            "error: cannot write `kept.db`: Permission denied (os error 13)\n"
        ),
        "{}",
        backup.dump
    );
    for name in ["kept.csv", "kept.db"] {
        assert_eq!(
            std::fs::read_to_string(book.path(name)).unwrap(),
            "kept as it is\n"
        );
        let meta = std::fs::metadata(book.path(name)).unwrap();
        assert_eq!(meta.mode() & 0o777, 0o444);
    }
    assert_eq!(std::fs::metadata(&file).unwrap().ino(), inode);
}

#[test]
fn a_folder_the_user_may_not_write_is_named_by_the_target_not_a_hidden_file() {
    let book = logbook_with_a_finding();
    std::fs::create_dir(book.path("closed")).unwrap();
    std::fs::set_permissions(book.path("closed"), std::fs::Permissions::from_mode(0o555)).unwrap();
    let Some(output) = as_nobody(&book, &["export", "findings", "-o", "closed/out.csv"]) else {
        return;
    };
    assert_eq!(
        (output.code, output.stderr.as_str()),
        (
            1,
            "error: cannot write `closed/out.csv`: Permission denied (os error 13)\n"
        ),
        "{}",
        output.dump
    );
    let backup = as_nobody(&book, &["backup", "closed/copy.db"]).unwrap();
    assert_eq!(
        (backup.code, backup.stderr.as_str()),
        (
            1,
            "error: cannot write `closed/copy.db`: Permission denied (os error 13)\n"
        ),
        "{}",
        backup.dump
    );
    assert_eq!(std::fs::read_dir(book.path("closed")).unwrap().count(), 0);
}

/// SQLite's own verdict on a file.
fn integrity(db: &Path) -> String {
    let conn = crate::support::open_logbook(db);
    conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn a_backup_forced_over_a_file_with_a_stale_wal_beside_it_is_sound() {
    let book = logbook_with_a_finding().binary();
    // Another logbook, B, with a write-ahead log a crash left beside it:
    // copied while a connection holds it open with its log unapplied.
    let other = Logbook::new();
    other.visit_tam_dai();
    for n in 0..30 {
        other.ok(&["late", &format!("Lê Thị Hoa {n}"), "--arrived", "8h05"]);
    }
    let held = crate::support::open_logbook(other.db());
    held.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    held.execute_batch(
        "CREATE TABLE scratch (n INTEGER, text TEXT);
         WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 2000)
         INSERT INTO scratch SELECT n, hex(randomblob(64)) FROM k;
         UPDATE findings SET note = 'ghi chú' WHERE 1;",
    )
    .unwrap();
    let target = book.path("B.db");
    crate::support::copy_logbook(other.db(), &target);
    let mut wal = other.db().as_os_str().to_os_string();
    wal.push("-wal");
    assert!(std::fs::metadata(&wal).unwrap().len() > 0, "B has a log");
    std::fs::copy(&wal, book.path("B.db-wal")).unwrap();
    drop(held);

    let output = book.run(&["backup", "B.db", "--force"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert!(!book.path("B.db-wal").exists(), "the stale log was kept");
    assert_eq!(integrity(&target), "ok");
    let copy = Logbook::new().with_db(&target);
    let checked = copy.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.dump);
    assert_eq!(
        copy.ok(&["export", "findings"]),
        book.ok(&["export", "findings"])
    );
}

#[test]
fn a_backup_needs_no_wal_of_its_own() {
    let book = logbook_with_a_finding().binary();
    book.ok(&["backup", "copy.db"]);
    if crate::support::encrypted_run() {
        // An encrypted header is read through the key.
        let conn = crate::support::open_logbook(&book.path("copy.db"));
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
    } else {
        let bytes = std::fs::read(book.path("copy.db")).unwrap();
        // Bytes 18 and 19 of the header: 1 for a rollback journal, 2 for WAL.
        assert_eq!(bytes.get(18..20), Some(&[1u8, 1][..]));
    }
    assert!(!book.path("copy.db-wal").exists());
    assert_eq!(integrity(&book.path("copy.db")), "ok");
}

#[test]
fn manual_pages_are_not_written_through_a_link_to_the_logbook() {
    let book = logbook_with_a_finding().binary();
    std::fs::create_dir(book.path("man1")).unwrap();
    std::os::unix::fs::symlink(book.db(), book.path("man1/spotcheck.1")).unwrap();
    let logbook = std::fs::read(book.db()).unwrap();
    let stderr = book.fails(&["man", "man1"], 1);
    assert_eq!(stderr, refusal("man1/spotcheck.1", &book));
    assert!(
        std::fs::read(book.db()).unwrap() == logbook,
        "the logbook changed"
    );
}

#[test]
fn a_logbook_named_through_a_link_keeps_the_wal_and_shm_of_the_file_it_leads_to() {
    let book = logbook_with_a_finding();
    let link = book.path("link.db");
    std::os::unix::fs::symlink("logbook.db", &link).unwrap();
    let linked = Logbook::new().with_db(&link);
    for suffix in ["-wal", "-shm"] {
        // SQLite names the log after the file the link leads to.
        let target = format!("{}{suffix}", book.db().display());
        for args in [
            &["export", "findings", "-o", target.as_str()][..],
            &["backup", target.as_str(), "--force"],
        ] {
            let output = linked.run(args);
            assert_eq!(
                (output.code, output.stderr.as_str()),
                (1, refusal(&target, &linked).as_str()),
                "{}",
                output.dump
            );
            assert!(!Path::new(&target).exists(), "{args:?} wrote {target}");
        }
    }
}

/// A hot rollback journal of another database, as a crash mid-transaction
/// leaves it, put beside `name` (with the database itself when `with_db`).
fn leave_hot_journal(book: &Logbook, name: &str, with_db: bool) {
    let scratch = book.path(&format!("{name}.scratch"));
    let conn = rusqlite::Connection::open(&scratch).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE;
         PRAGMA cache_size = 5;
         CREATE TABLE t (n INTEGER, text TEXT);
         WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 3000)
         INSERT INTO t SELECT n, hex(randomblob(64)) FROM k;
         BEGIN;
         UPDATE t SET text = hex(randomblob(64));
         CREATE TABLE u (x);",
    )
    .unwrap();
    let journal = book.path(&format!("{name}.scratch-journal"));
    assert!(std::fs::metadata(&journal).unwrap().len() > 0, "no journal");
    if with_db {
        std::fs::copy(&scratch, book.path(name)).unwrap();
    }
    std::fs::copy(&journal, book.path(&format!("{name}-journal"))).unwrap();
    conn.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_stale_rollback_journal_beside_the_backup_is_not_applied_to_it() {
    let book = logbook_with_a_finding().binary();
    leave_hot_journal(&book, "B.db", true);
    leave_hot_journal(&book, "C.db", false);
    let findings = book.ok(&["export", "findings"]);
    for args in [&["backup", "B.db", "--force"][..], &["backup", "C.db"]] {
        let output = book.run(args);
        assert_eq!(output.code, 0, "{}", output.dump);
        let name = args[1];
        assert!(
            !book.path(&format!("{name}-journal")).exists(),
            "the stale journal beside {name} was kept"
        );
        assert_eq!(integrity(&book.path(name)), "ok", "{name}");
        let copy = Logbook::new().binary().with_db(book.path(name));
        let checked = copy.run(&["check"]);
        assert_eq!(checked.code, 0, "{}", checked.dump);
        assert_eq!(copy.ok(&["export", "findings"]), findings);
    }
}

#[test]
fn a_backup_forced_over_a_link_writes_through_it_in_place() {
    use std::os::unix::fs::MetadataExt;
    let book = logbook_with_a_finding().binary();
    std::fs::create_dir(book.path("real")).unwrap();
    std::fs::write(book.path("real/b.db"), "old").unwrap();
    std::os::unix::fs::symlink("real/b.db", book.path("bl.db")).unwrap();
    std::fs::write(book.path("hl.db"), "old").unwrap();
    std::fs::set_permissions(book.path("hl.db"), std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::hard_link(book.path("hl.db"), book.path("hl2.db")).unwrap();
    let inode = std::fs::metadata(book.path("hl.db")).unwrap().ino();

    book.ok(&["backup", "bl.db", "--force"]);
    let link = std::fs::symlink_metadata(book.path("bl.db")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert_eq!(integrity(&book.path("real/b.db")), "ok");

    book.ok(&["backup", "hl.db", "--force"]);
    let meta = std::fs::metadata(book.path("hl.db")).unwrap();
    assert_eq!(
        (meta.ino(), meta.nlink(), meta.mode() & 0o777),
        (inode, 2, 0o640)
    );
    // The same file as `hl2.db`, whose name an encrypted copy's key file takes.
    assert_eq!(integrity(&book.path("hl.db")), "ok");
}

#[test]
fn a_backup_to_standard_output_is_the_backup_alone() {
    let book = logbook_with_a_finding();
    std::os::unix::fs::symlink("/proc/self/fd/1", book.path("mystdout")).unwrap();
    // Standard output a pipe, then a file.
    let piped = book
        .command(&["backup", "mystdout", "--force"])
        .output()
        .unwrap();
    assert!(piped.status.success(), "{piped:?}");
    std::fs::write(book.path("piped.db"), &piped.stdout).unwrap();
    // A copy on standard output goes without a key file: the user brings it.
    let bring_key_file = |copy: &str| {
        if crate::support::encrypted_run() {
            std::fs::copy(
                book.path("logbook.db.key"),
                book.path(&format!("{copy}.key")),
            )
            .unwrap();
        }
    };
    bring_key_file("piped.db");
    assert_eq!(integrity(&book.path("piped.db")), "ok");
    let stderr = String::from_utf8(piped.stderr).unwrap();
    assert!(stderr.starts_with("backed up "), "{stderr}");

    let file = std::fs::File::create(book.path("copy.db")).unwrap();
    let status = book
        .command(&["backup", "mystdout", "--force"])
        .stdout(file)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let link = std::fs::symlink_metadata(book.path("mystdout")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    bring_key_file("copy.db");
    assert_eq!(integrity(&book.path("copy.db")), "ok");
    let copy = Logbook::new().with_db(book.path("copy.db"));
    assert_eq!(
        copy.ok(&["export", "findings"]),
        book.ok(&["export", "findings"])
    );
}

#[test]
fn a_backup_never_removes_a_logbook_named_as_its_journal() {
    let book = logbook_with_a_finding();
    for suffix in ["-wal", "-shm", "-journal"] {
        let target = book.path("B.db");
        let logbook = book.path(&format!("B.db{suffix}"));
        crate::support::copy_logbook(book.db(), &logbook);
        std::fs::write(&target, "x").unwrap();
        let other = Logbook::new().with_db(&logbook);
        let before = std::fs::read(&logbook).unwrap();
        let target_name = target.display().to_string();
        for args in [
            &["backup", target_name.as_str(), "--force"][..],
            &[
                "backup",
                target_name.as_str(),
                "--force",
                "--format",
                "json",
            ],
        ] {
            let stderr = other.fails(args, 1);
            assert_eq!(
                stderr,
                format!(
                    "error: cannot write `{target_name}`: `{}` beside it is the logbook `{}` \
                     or one of its files, which SQLite would take for a journal of the copy; \
                     name another file\n",
                    logbook.display(),
                    logbook.display()
                )
            );
        }
        assert_eq!(std::fs::read(&logbook).unwrap(), before, "{suffix}");
        assert_eq!(std::fs::read(&target).unwrap(), b"x");
        std::fs::remove_file(&target).unwrap();
        // Without a file there, the same.
        other.fails(&["backup", target_name.as_str()], 1);
        assert_eq!(std::fs::read(&logbook).unwrap(), before, "{suffix}");
        std::fs::remove_file(&logbook).unwrap();
    }
}

#[test]
fn the_sweep_of_leftovers_spares_the_logbook_and_names_of_other_shapes() {
    let book = logbook_with_a_finding().binary();
    let out = book.path("out.csv").display().to_string();
    for name in [".spotcheck-99999999-lb.db", ".spotcheck-99999999-0123abcd"] {
        let logbook = book.path(name);
        crate::support::copy_logbook(book.db(), &logbook);
        let other = Logbook::new().with_db(&logbook);
        other.ok(&["list", "-o", out.as_str()]);
        assert!(logbook.exists(), "the logbook {name} was swept");
        assert_eq!(
            other.ok(&["export", "findings"]),
            book.ok(&["export", "findings"])
        );
        std::fs::remove_file(book.path("out.csv")).unwrap();
    }
    let kept = [
        ".spotcheck-99999999-notes.txt",
        ".spotcheck-99999999-0123abcdef",
        ".spotcheck-x99-0123abcd",
    ];
    let leftovers = [
        ".spotcheck-99999999-0123abcd0",
        ".spotcheck-99999999-backup-89abcdef",
        ".spotcheck-99999999-backup-89abcdef-journal",
    ];
    for name in kept.iter().chain(&leftovers) {
        std::fs::write(book.path(name), "x").unwrap();
    }
    // The first of these is not of the shape either.
    book.ok(&["list", "-o", "out.csv"]);
    for name in kept.iter().chain(&leftovers[..1]) {
        assert!(book.path(name).exists(), "{name} was swept");
    }
    for name in &leftovers[1..] {
        assert!(!book.path(name).exists(), "{name} was left");
    }
}

#[test]
fn a_backup_to_a_device_sweeps_the_leftovers_of_killed_runs_in_the_temporary_folder() {
    let book = logbook_with_a_finding().binary();
    let Some(_null) = device(&book, "null", 3) else {
        return;
    };
    let tmp = book.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let leftover = tmp.join(".spotcheck-99999999-backup-0123abcd");
    std::fs::write(&leftover, "a copy of the logbook").unwrap();
    let output = book.run_with(&["backup", "null"], &[("TMPDIR", tmp.to_str().unwrap())]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert!(!leftover.exists(), "the leftover was kept");
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0);
}

fn config_refusal(target: &str, config: &Path) -> String {
    format!(
        "error: cannot write `{target}`: it is the config file `{}` that spotcheck read for \
         this command, and writing there would replace its settings; name another file\n",
        config.display()
    )
}

const SETTINGS: &str = "inspector = \"Lê Thị Hoa\"\n";

#[test]
fn the_config_file_in_use_is_refused_as_an_output_by_name_and_through_links() {
    let book = logbook_with_a_finding().binary().config(SETTINGS);
    let config = book.home().join("config.toml");
    std::os::unix::fs::symlink(&config, book.path("settings.toml")).unwrap();
    std::fs::hard_link(&config, book.path("same.toml")).unwrap();
    let whole = config.display().to_string();
    let before = book.snapshot();
    for args in WRITERS {
        for target in [
            whole.as_str(),
            "home/config.toml",
            "./home/../home/config.toml",
            "settings.toml",
            "same.toml",
        ] {
            let args = with_target(args, target);
            let output = book.run(&args);
            assert_eq!(
                (output.code, output.stderr.as_str()),
                (1, config_refusal(target, &config).as_str()),
                "{}",
                output.dump
            );
        }
    }
    std::fs::create_dir(book.path("man1")).unwrap();
    std::os::unix::fs::symlink(&config, book.path("man1/spotcheck.1")).unwrap();
    let stderr = book.fails(&["man", "man1"], 1);
    assert_eq!(stderr, config_refusal("man1/spotcheck.1", &config));
    std::fs::remove_dir_all(book.path("man1")).unwrap();
    book.assert_unchanged(&before);
    assert_eq!(std::fs::read_to_string(&config).unwrap(), SETTINGS);
}

#[test]
fn the_config_file_in_its_default_place_is_refused_even_when_it_cannot_be_read() {
    let book = logbook_with_a_finding().binary();
    let dir = book.home().join(".config/spotcheck");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, SETTINGS).unwrap();
    let target = config.display().to_string();
    for args in [
        &["list", "-o", "TARGET"][..],
        &["report", "month", "2022-05", "--svg", "TARGET"],
        &["completions", "bash", "-o", "TARGET"],
    ] {
        let stderr = book.fails(&with_target(args, &target), 1);
        assert_eq!(stderr, config_refusal(&target, &config), "{args:?}");
    }
    // A config file with a mistake in it is still the user's settings.
    std::fs::write(&config, "inspector = [broken").unwrap();
    let stderr = book.fails(&["completions", "bash", "-o", &target], 1);
    assert_eq!(stderr, config_refusal(&target, &config));
    let named = logbook_with_a_finding()
        .binary()
        .config("inspector = [broken");
    let config = named.home().join("config.toml");
    let stderr = named.fails(&["completions", "zsh", "-o", "home/config.toml"], 1);
    assert_eq!(stderr, config_refusal("home/config.toml", &config));
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "inspector = [broken"
    );
}

#[test]
fn a_backup_never_removes_the_config_file_named_as_its_journal() {
    let book = Logbook::new();
    book.visit_tam_dai();
    std::fs::write(book.path("copy.db-wal"), SETTINGS).unwrap();
    let configured = Logbook::new().with_db(book.db());
    let output = configured.run(&[
        "--config",
        book.path("copy.db-wal").to_str().unwrap(),
        "backup",
        book.path("copy.db").to_str().unwrap(),
    ]);
    assert_eq!(
        (output.code, output.stderr),
        (
            1,
            format!(
                "error: cannot write `{}`: `{}` beside it is the config file `{}`, which SQLite \
                 would take for a journal of the copy; name another file\n",
                book.path("copy.db").display(),
                book.path("copy.db-wal").display(),
                book.path("copy.db-wal").display()
            )
        ),
    );
    assert_eq!(
        std::fs::read_to_string(book.path("copy.db-wal")).unwrap(),
        SETTINGS
    );
    assert!(!book.path("copy.db").exists());
}

#[test]
fn a_link_to_a_file_not_there_yet_is_written_through_as_a_shell_does() {
    let book = logbook_with_a_finding().binary();
    std::fs::create_dir(book.path("real")).unwrap();
    let link = |target: &str, name: &str| {
        std::os::unix::fs::symlink(target, book.path(name)).unwrap();
    };
    link("real/findings.csv", "out.csv");
    link("real/report.xlsx", "report.xlsx");
    link("real/copy.db", "copy.db");
    link(book.path("real/far.csv").to_str().unwrap(), "hop2");
    link("hop2", "hop1");
    let whole = book.ok(&["export", "findings"]);
    for (args, file) in [
        (
            &["export", "findings", "-o", "out.csv"][..],
            "real/findings.csv",
        ),
        (&["export", "findings", "-o", "hop1"], "real/far.csv"),
        (
            &["report", "month", "2022-05", "--xlsx", "report.xlsx"],
            "real/report.xlsx",
        ),
        (&["backup", "copy.db"], "real/copy.db"),
    ] {
        let output = book.run(args);
        assert_eq!(output.code, 0, "{}", output.dump);
        let meta = std::fs::symlink_metadata(book.path(file)).unwrap();
        assert!(meta.is_file(), "{args:?} did not make {file}");
        assert_eq!(meta.mode() & 0o777, 0o600, "{file}");
    }
    for name in ["out.csv", "report.xlsx", "copy.db", "hop1", "hop2"] {
        let meta = std::fs::symlink_metadata(book.path(name)).unwrap();
        assert!(
            meta.file_type().is_symlink(),
            "the link {name} was replaced"
        );
    }
    assert_eq!(
        std::fs::read_to_string(book.path("real/findings.csv")).unwrap(),
        whole
    );
    assert_eq!(
        std::fs::read_to_string(book.path("real/far.csv")).unwrap(),
        whole
    );
    let xlsx = std::fs::read(book.path("real/report.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"), "not a workbook");
    assert_eq!(integrity(&book.path("real/copy.db")), "ok");
}

#[test]
fn a_link_into_a_missing_folder_is_refused_naming_the_link_and_where_it_leads() {
    let book = logbook_with_a_finding().binary();
    std::os::unix::fs::symlink("missing/findings.csv", book.path("gone.csv")).unwrap();
    let before = book.snapshot();
    for args in [
        &["export", "findings", "-o", "gone.csv"][..],
        &["report", "month", "2022-05", "--xlsx", "gone.csv"],
        &["backup", "gone.csv"],
    ] {
        let stderr = book.fails(args, 1);
        assert_eq!(
            stderr,
            "error: cannot write `gone.csv`: it is a symbolic link to `missing/findings.csv`, \
             and the directory `missing` does not exist; make the directory or name another \
             file\n",
            "{args:?}"
        );
    }
    book.assert_unchanged(&before);
    assert!(!book.path("missing").exists());
}

fn same_file(flag: &str, path: &str, other_flag: &str, other: &str) -> String {
    format!(
        "error: `{flag} {path}` and `{other_flag} {other}` are the same file, and one output \
         would overwrite the other; name a different file for each\n"
    )
}

#[test]
fn one_file_named_for_two_outputs_is_refused_before_any_work() {
    let book = logbook_with_a_finding().binary();
    std::fs::write(book.path("kept.xlsx"), "kept").unwrap();
    std::fs::hard_link(book.path("kept.xlsx"), book.path("also.xlsx")).unwrap();
    std::os::unix::fs::symlink("r.out", book.path("link.out")).unwrap();
    let month = ["report", "month", "2022-05"];
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            [&month[..], &["--xlsx", "r.out", "-o", "r.out"]].concat(),
            same_file("--xlsx", "r.out", "-o", "r.out"),
        ),
        (
            [&month[..], &["--xlsx", "link.out", "-o", "r.out"]].concat(),
            same_file("--xlsx", "link.out", "-o", "r.out"),
        ),
        (
            [&month[..], &["--svg", "./r.out", "-o", "r.out"]].concat(),
            same_file("--svg", "./r.out", "-o", "r.out"),
        ),
        (
            [&month[..], &["--xlsx", "kept.xlsx", "--svg", "also.xlsx"]].concat(),
            same_file("--xlsx", "kept.xlsx", "--svg", "also.xlsx"),
        ),
        (
            vec!["report", "trend", "--svg", "r.out", "-o", "link.out"],
            same_file("--svg", "r.out", "-o", "link.out"),
        ),
        (
            vec![
                "export",
                "findings",
                "--xlsx",
                "also.xlsx",
                "-o",
                "kept.xlsx",
            ],
            same_file("--xlsx", "also.xlsx", "-o", "kept.xlsx"),
        ),
        (
            vec!["backup", "r.out", "-o", "r.out"],
            same_file("backup", "r.out", "-o", "r.out"),
        ),
    ];
    let before = book.snapshot();
    for (args, expected) in &cases {
        let stderr = book.fails(args, 2);
        assert_eq!(&stderr, expected, "{args:?}");
    }
    book.assert_unchanged(&before);
    assert_eq!(std::fs::read(book.path("kept.xlsx")).unwrap(), b"kept");
    // The logbook named twice is refused as the logbook.
    let stderr = book.fails(
        &[
            "report",
            "month",
            "2022-05",
            "--xlsx",
            "logbook.db",
            "-o",
            "logbook.db",
        ],
        1,
    );
    assert_eq!(stderr, refusal("logbook.db", &book));
    // Standard output takes both, one after the other.
    std::os::unix::fs::symlink("/proc/self/fd/1", book.path("stdout")).unwrap();
    let both = book.ok(&[
        "report", "month", "2022-05", "--svg", "stdout", "-o", "stdout",
    ]);
    let report = book.ok(&["report", "month", "2022-05"]);
    assert!(both.starts_with("<svg"), "{both}");
    assert!(both.ends_with(&format!("</svg>\n{report}")), "{both}");
    // Refused before the logbook is even looked for.
    let empty = Logbook::new().binary();
    let stderr = empty.fails(&["report", "month", "--xlsx", "r.out", "-o", "r.out"], 2);
    assert_eq!(stderr, same_file("--xlsx", "r.out", "-o", "r.out"));
    assert!(!empty.db().exists());
}

#[test]
fn manual_pages_into_a_file_are_refused_as_not_a_directory() {
    let book = Logbook::new().binary();
    std::fs::write(book.path("notes.txt"), "kept\n").unwrap();
    std::os::unix::fs::symlink("notes.txt", book.path("notes-link")).unwrap();
    for name in ["notes.txt", "notes-link"] {
        let stderr = book.fails(&["man", name], 1);
        assert_eq!(
            stderr,
            format!(
                "error: cannot write manual pages to `{name}`: it is a file, not a directory; \
                 name a directory, as `~/.local/share/man/man1`\n"
            )
        );
    }
    assert_eq!(
        std::fs::read_to_string(book.path("notes.txt")).unwrap(),
        "kept\n"
    );
}

#[test]
fn an_overwrite_cut_short_by_a_full_disk_says_the_file_may_be_partly_written() {
    let book = logbook_with_findings(600);
    let whole = book.ok(&["export", "findings"]);
    assert!(whole.len() > 128 * 1024, "the export fits the small disk");
    std::fs::create_dir(book.path("small")).unwrap();
    // A disk of 64 KB with no inode left beside the file already there: the
    // result is written aside in the temporary folder, which has room, and
    // the copy into the file runs out of space part way. The disk is
    // mounted in a mount namespace of its own, gone when the command ends.
    let script = "mount -t tmpfs -o size=64k,nr_inodes=2 tmpfs small || exit 99
        printf 'an older export\\n' > small/findings.csv
        \"$@\"
        code=$?
        cat small/findings.csv > after.csv
        exit $code";
    let output = book
        .wrapper("unshare")
        .args(["--mount", "sh", "-c", script, "sh"])
        .args(book.command_line(&["export", "findings", "-o", "small/findings.csv"]))
        .env("TMPDIR", book.dir())
        .stdout(Stdio::null())
        .output();
    let output = match output {
        Ok(output) if output.status.code() != Some(99) => output,
        _ => {
            skip("cannot mount a small file system here (`unshare --mount` needs root)");
            return;
        }
    };
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        (output.status.code(), stderr.as_str()),
        (
            Some(1),
            "error: writing output: cannot write `small/findings.csv`: the disk is full, or the \
             file larger than this system allows; it was being written over in place, so it may \
             now hold part of the new result and nothing of what it held before, and the \
             complete result was not kept anywhere: put that right and run the command again\n"
        )
    );
    let after = std::fs::read_to_string(book.path("after.csv")).unwrap();
    assert!(
        after.len() < whole.len() && whole.starts_with(&after),
        "not part of the result: {} bytes",
        after.len()
    );
    let left: Vec<String> = std::fs::read_dir(book.dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.') || name.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}
