//! Logbooks encrypted at rest: nothing readable in the logbook, its log,
//! its backups or its key file; every command works on it with the key;
//! a wrong passphrase changes nothing; `encrypt` and `decrypt` keep every
//! record and the history's seal.

use std::path::Path;

use spotcheck::store::cipher::hex;

use crate::support::{Logbook, table_rows};

const PASSPHRASE: &str = "Tổ kiểm tra số 1 đi xã Tam Đại";

/// What the tests write, none of which may appear in an encrypted file.
const SECRETS: &[&str] = &[
    "Tam Đại",
    "tam-dai",
    "Nguyễn Thị Hưng",
    "Hưng",
    "đi họp thôn không báo",
    "SQLite format 3",
];

/// A logbook that starts plain, even in the suite's encrypted run: these
/// tests make encrypted logbooks themselves. Run as the binary, so that
/// relative paths are taken in the logbook's folder.
fn plain_logbook() -> Logbook {
    Logbook::new().unencrypted().binary()
}

/// A logbook whose passphrase is in `passphrase.txt`, named by
/// `SPOTCHECK_PASSPHRASE_FILE` for every command.
fn with_passphrase() -> Logbook {
    let book = plain_logbook();
    let file = book.path("passphrase.txt");
    std::fs::write(&file, format!("{PASSPHRASE}\n")).unwrap();
    let file = file.display().to_string();
    book.env("SPOTCHECK_PASSPHRASE_FILE", &file)
}

/// An encrypted logbook with a unit, a visit and a finding about a person.
fn encrypted_with_a_finding() -> Logbook {
    let book = with_passphrase();
    book.ok(&["init", "--encrypt"]);
    log_a_finding(&book);
    book
}

fn log_a_finding(book: &Logbook) {
    book.visit_tam_dai();
    book.ok(&[
        "absent",
        "Nguyễn Thị Hưng",
        "--note",
        "đi họp thôn không báo",
    ]);
}

/// A connection to the encrypted logbook, with the key that `key_file`
/// seals under `passphrase`, that has read it and holds it open.
fn hold_open(book: &Logbook, key_file: &str, passphrase: &str) -> rusqlite::Connection {
    let key = spotcheck::keys::unseal(key_file, passphrase, Path::new("logbook.db.key")).unwrap();
    let held = rusqlite::Connection::open(book.db()).unwrap();
    crate::support::key_connection(&held, &key);
    held.query_row("SELECT count(*) FROM findings", [], |_| Ok(()))
        .unwrap();
    held
}

/// Every file under `dir` whose bytes hold one of [`SECRETS`].
fn files_with_plaintext(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if !path.is_file() || path.ends_with("passphrase.txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for secret in SECRETS {
            let needle = secret.as_bytes();
            if bytes.windows(needle.len()).any(|w| w == needle) {
                found.push(format!("{}: {secret}", path.display()));
            }
        }
    }
    found
}

/// What a plain SQLite reader makes of the file: its error, or the tables.
fn read_without_key(db: &Path) -> Result<Vec<String>, String> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema")
        .map_err(|e| e.to_string())?;
    stmt.query_map([], |row| row.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())
}

#[test]
fn an_encrypted_logbook_its_log_and_its_backup_hold_no_plaintext() {
    let book = encrypted_with_a_finding();
    // A reader holding the file open, with its key, keeps the log beside it.
    let text = std::fs::read_to_string(book.path("logbook.db.key")).unwrap();
    let held = hold_open(&book, &text, PASSPHRASE);
    book.ok(&["late", "Nguyễn Thị Hưng", "--minutes", "15"]);
    let log = book.path("logbook.db-wal");
    assert!(
        log.metadata().is_ok_and(|meta| meta.len() > 0),
        "a log is there"
    );
    let backup = book.run(&["backup", "copy.db"]);
    assert_eq!(backup.code, 0, "{}", backup.dump);
    assert!(
        backup.stdout.contains("its key file is copy.db.key"),
        "the backup names its key file\n{}",
        backup.dump
    );
    assert!(book.path("logbook.db.key").is_file());
    assert!(book.path("copy.db.key").is_file());
    assert_eq!(files_with_plaintext(book.dir()), Vec::<String>::new());
    drop(held);
    for db in [book.db().to_path_buf(), book.path("copy.db")] {
        let error = read_without_key(&db).unwrap_err();
        assert!(error.contains("file is not a database"), "{error}");
    }
    // The backup opens with the same passphrase and holds both findings.
    let copy = plain_logbook().with_db(book.path("copy.db")).env(
        "SPOTCHECK_PASSPHRASE_FILE",
        &book.path("passphrase.txt").display().to_string(),
    );
    let listed = copy.ok(&["list", "--format", "csv"]);
    assert_eq!(listed.lines().count(), 3, "{listed}");
}

#[test]
#[allow(clippy::print_stderr)]
fn the_sqlite3_shell_cannot_read_an_encrypted_logbook() {
    let Some(shell) = which("sqlite3") else {
        eprintln!("skipped: no sqlite3 shell on this machine");
        return;
    };
    let book = encrypted_with_a_finding();
    let output = std::process::Command::new(shell)
        .arg(book.db())
        .arg("SELECT count(*) FROM findings")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("file is not a database"), "{stderr}");
}

#[test]
fn every_kind_of_command_works_on_an_encrypted_logbook() {
    let book = encrypted_with_a_finding();
    let listed = book.ok(&["list", "--search", "hung", "--format", "csv"]);
    assert!(listed.contains("Nguyễn Thị Hưng"), "{listed}");
    let report = book.ok(&["report", "month", "2022-05", "--format", "csv"]);
    assert!(report.contains("tam-dai"), "{report}");
    let sql = book.ok(&[
        "sql",
        "SELECT count(*) AS n FROM findings_v",
        "--format",
        "csv",
    ]);
    assert_eq!(sql, "n\n1\n");
    let out = book.path("out.csv").display().to_string();
    book.ok(&["--plaintext", "export", "findings", "-o", &out]);
    let check = book.ok(&["check"]);
    assert!(check.starts_with("ok: "), "{check}");
    let status = book.ok(&["status", "--format", "json"]);
    assert_eq!(
        crate::support::json(&status)["current_visit"],
        1,
        "{status}"
    );
}

#[test]
fn a_wrong_passphrase_says_so_in_one_line_and_changes_nothing() {
    let book = encrypted_with_a_finding();
    let before = book.snapshot();
    std::fs::write(book.path("wrong.txt"), "Tổ kiểm tra số 1 đi xã Tam Dai\n").unwrap();
    let wrong = book.path("wrong.txt").display().to_string();
    let before_files = std::fs::read(book.db()).unwrap();
    let output = book.run_with(
        &["late", "Nguyễn Thị Hưng", "--minutes", "5"],
        &[("SPOTCHECK_PASSPHRASE_FILE", &wrong)],
    );
    assert_eq!(output.code, 1, "{}", output.dump);
    assert_eq!(output.stdout, "");
    assert_eq!(output.stderr.lines().count(), 1, "{}", output.dump);
    assert!(
        output
            .stderr
            .starts_with("error: the passphrase does not open the key file "),
        "{}",
        output.dump
    );
    assert!(
        output
            .stderr
            .contains("logbook.db.key; nothing was changed")
    );
    assert_eq!(std::fs::read(book.db()).unwrap(), before_files);
    std::fs::remove_file(book.path("wrong.txt")).unwrap();
    book.assert_unchanged(&before);
}

#[test]
fn the_messages_about_keys_come_in_vietnamese_too() {
    let book = encrypted_with_a_finding();
    std::fs::write(book.path("wrong.txt"), "sai\n").unwrap();
    let wrong = book.path("wrong.txt").display().to_string();
    let output = book.run_with(
        &["list"],
        &[
            ("SPOTCHECK_PASSPHRASE_FILE", &wrong),
            ("SPOTCHECK_LANG", "vi"),
        ],
    );
    assert_eq!(output.code, 1, "{}", output.dump);
    assert!(
        output
            .stderr
            .contains("cụm mật khẩu không mở được tệp khóa"),
        "{}",
        output.dump
    );
}

#[test]
fn without_a_passphrase_or_a_terminal_the_logbook_is_refused_with_what_to_do() {
    let book = encrypted_with_a_finding();
    let before = book.snapshot();
    let bare = plain_logbook().with_db(book.db());
    let stderr = bare.fails(&["list"], 1);
    assert!(
        stderr.contains("needs a passphrase, and there is no terminal to type it at"),
        "{stderr}"
    );
    assert!(stderr.contains("SPOTCHECK_PASSPHRASE_FILE"), "{stderr}");
    // Without the key file, the passphrase alone opens nothing, and says why.
    std::fs::rename(book.path("logbook.db.key"), book.path("moved.key")).unwrap();
    let stderr = book.fails(&["list"], 1);
    assert!(stderr.contains("with no key file"), "{stderr}");
    std::fs::rename(book.path("moved.key"), book.path("logbook.db.key")).unwrap();
    book.assert_unchanged(&before);
}

#[cfg(unix)]
#[test]
fn hostile_passphrase_and_key_files_are_refused_in_one_line_and_change_nothing() {
    let book = encrypted_with_a_finding();
    let before = book.snapshot();
    let mkfifo = |path: &Path| {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success());
    };
    let refused = |env: &[(&str, &str)], expected: &str| {
        let output = book.run_with(&["list"], env);
        assert_eq!(output.code, 1, "{}", output.dump);
        assert_eq!(output.stderr.lines().count(), 1, "{}", output.dump);
        assert!(output.stderr.contains(expected), "{}", output.dump);
    };
    // Passphrase files with no passphrase in them.
    let empty = book.path("empty.txt");
    std::fs::write(&empty, "\n").unwrap();
    refused(
        &[("SPOTCHECK_PASSPHRASE_FILE", empty.to_str().unwrap())],
        "is empty: write the passphrase on its first line",
    );
    let binary = book.path("binary.txt");
    std::fs::write(&binary, b"T\xf4\0 ki\xeam\n").unwrap();
    refused(
        &[("SPOTCHECK_PASSPHRASE_FILE", binary.to_str().unwrap())],
        "is not a file of text",
    );
    refused(
        &[("SPOTCHECK_PASSPHRASE_FILE", book.dir().to_str().unwrap())],
        "reading the passphrase file",
    );
    // A key file that is a pipe, which no one writes to, or a folder: refused
    // at once rather than waited on.
    std::fs::rename(book.path("logbook.db.key"), book.path("kept.key")).unwrap();
    mkfifo(&book.path("logbook.db.key"));
    refused(&[], "is damaged (not a regular file)");
    std::fs::remove_file(book.path("logbook.db.key")).unwrap();
    std::fs::create_dir(book.path("logbook.db.key")).unwrap();
    refused(&[], "is damaged (not a regular file)");
    std::fs::remove_dir(book.path("logbook.db.key")).unwrap();
    // A key file cut short, or grown past any key file's size.
    let text = std::fs::read_to_string(book.path("kept.key")).unwrap();
    std::fs::write(book.path("logbook.db.key"), &text[..text.len() / 2]).unwrap();
    refused(&[], "is damaged");
    std::fs::write(book.path("logbook.db.key"), "x".repeat(1 << 20)).unwrap();
    refused(&[], "is damaged");
    std::fs::rename(book.path("kept.key"), book.path("logbook.db.key")).unwrap();
    for name in ["empty.txt", "binary.txt"] {
        std::fs::remove_file(book.path(name)).unwrap();
    }
    book.assert_unchanged(&before);
    // A passphrase given through a pipe, as a password manager gives it
    // (`SPOTCHECK_PASSPHRASE_FILE=<(pass show tổ-1)`), is read from it.
    let pipe = book.path("passphrase.pipe");
    mkfifo(&pipe);
    let writer = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::write(pipe, format!("{PASSPHRASE}\n")).unwrap())
    };
    let listed = book.run_with(
        &["list"],
        &[("SPOTCHECK_PASSPHRASE_FILE", pipe.to_str().unwrap())],
    );
    writer.join().unwrap();
    assert_eq!(listed.code, 0, "{}", listed.dump);
    assert!(listed.stdout.contains("Nguyễn Thị Hưng"), "{}", listed.dump);
}

#[test]
fn a_key_file_of_another_logbook_is_named_as_such() {
    let one = encrypted_with_a_finding();
    let other = with_passphrase();
    other.ok(&["init", "--encrypt"]);
    std::fs::copy(other.path("logbook.db.key"), one.path("logbook.db.key")).unwrap();
    let stderr = one.fails(&["list"], 1);
    assert!(stderr.contains("is the key of another logbook"), "{stderr}");
}

#[test]
fn a_new_passphrase_must_be_long_enough_and_init_encrypt_makes_no_file_then() {
    let book = plain_logbook();
    std::fs::write(book.path("short.txt"), "ngắn\n").unwrap();
    let short = book.path("short.txt").display().to_string();
    let book = book.env("SPOTCHECK_PASSPHRASE_FILE", &short);
    let stderr = book.fails(&["init", "--encrypt"], 1);
    assert!(stderr.contains("at least 8 characters"), "{stderr}");
    assert!(!book.db().exists());
    assert!(!book.path("logbook.db.key").exists());
}

#[test]
fn init_encrypt_refuses_a_logbook_that_exists() {
    let book = with_passphrase();
    book.ok(&["init"]);
    let before = book.snapshot();
    let stderr = book.fails(&["init", "--encrypt"], 1);
    assert!(stderr.contains("run `spotcheck encrypt`"), "{stderr}");
    book.assert_unchanged(&before);
}

#[test]
fn encrypt_then_decrypt_keeps_every_record_and_the_seal() {
    let book = with_passphrase();
    log_a_finding(&book);
    // `ok: … seal HEX (history entry #N)`
    let seal = |book: &Logbook| {
        let check = book.ok(&["check"]);
        let seal = check.split("seal ").nth(1).unwrap_or_default();
        seal.split(' ').next().unwrap_or_default().to_string()
    };
    let plain_seal = seal(&book);
    assert_eq!(plain_seal.len(), 64, "{plain_seal}");
    let plain_list = book.ok(&["list", "--include-void", "--format", "csv"]);
    let plain_history = book.ok(&["history", "--format", "csv"]);

    let encrypted = book.run(&["encrypt"]);
    assert_eq!(encrypted.code, 0, "{}", encrypted.dump);
    let db = book.db().display().to_string();
    assert_eq!(
        encrypted.stdout,
        format!(
            "encrypted logbook {db}\nits key is kept, locked by your passphrase, in {db}.key \
             alone: keep a copy of that file with your backups, and the passphrase in your \
             head; without both, the logbook cannot be opened\n"
        )
    );
    assert!(read_without_key(book.db()).is_err());
    assert_eq!(files_with_plaintext(book.dir()), Vec::<String>::new());
    assert_eq!(seal(&book), plain_seal);
    assert_eq!(
        book.ok(&["list", "--include-void", "--format", "csv"]),
        plain_list
    );
    assert_eq!(book.ok(&["history", "--format", "csv"]), plain_history);
    // Encrypting twice is refused, and changes nothing.
    let stderr = book.fails(&["encrypt"], 1);
    assert!(stderr.contains("is already encrypted"), "{stderr}");

    book.ok(&["late", "Nguyễn Thị Hưng", "--minutes", "20"]);
    let decrypted = book.ok(&["decrypt"]);
    assert!(decrypted.starts_with("decrypted logbook "), "{decrypted}");
    assert!(!book.path("logbook.db.key").exists());
    let tables = read_without_key(book.db()).unwrap();
    assert!(tables.contains(&"findings".to_string()), "{tables:?}");
    let listed = book.ok(&["list", "--format", "csv"]);
    assert_eq!(listed.lines().count(), 3, "{listed}");
    let check = book.ok(&["check"]);
    assert!(check.starts_with("ok: "), "{check}");
    let stderr = book.fails(&["decrypt"], 1);
    assert!(stderr.contains("is not encrypted"), "{stderr}");
}

#[test]
fn encrypt_and_decrypt_refuse_a_logbook_that_does_not_exist_and_make_none() {
    let book = with_passphrase();
    for command in ["encrypt", "decrypt"] {
        let stderr = book.fails(&[command], 1);
        assert!(stderr.contains("logbook.db"), "{stderr}");
        assert!(!book.db().exists());
    }
}

#[test]
fn encrypt_refuses_while_another_program_holds_the_logbook_open() {
    let book = with_passphrase();
    log_a_finding(&book);
    let before = book.snapshot();
    let held = crate::support::open_logbook(book.db());
    held.query_row("SELECT count(*) FROM findings", [], |_| Ok(()))
        .unwrap();
    let stderr = book.fails(&["encrypt"], 1);
    assert!(stderr.contains("is open in another program"), "{stderr}");
    assert!(!book.path("logbook.db.key").exists(), "no key file is left");
    drop(held);
    book.assert_unchanged(&before);
}

#[test]
fn merge_reads_an_encrypted_logbook_with_its_own_passphrase() {
    let other = encrypted_with_a_finding();
    let book = plain_logbook();
    std::fs::write(book.path("other-pass.txt"), format!("{PASSPHRASE}\n")).unwrap();
    let other_db = other.db().display().to_string();
    let pass = book.path("other-pass.txt").display().to_string();
    let stderr = book.fails(&["merge", &other_db], 1);
    assert!(stderr.contains("needs a passphrase"), "{stderr}");
    let merged = book.run(&["merge", &other_db, "--other-passphrase-file", &pass]);
    assert_eq!(merged.code, 0, "{}", merged.dump);
    // Merged on purpose, but no longer encrypted: said.
    assert!(
        merged.stderr.contains(&format!(
            "note: `{other_db}` is encrypted and this logbook is not: \
             what was merged from it is kept here in plain text"
        )),
        "{}",
        merged.dump
    );
    assert!(
        merged.stderr.contains(&format!(
            "type `spotcheck --db {} encrypt`",
            book.db().display()
        )),
        "{}",
        merged.dump
    );
    let rows = table_rows(&book.ok(&["list"]));
    assert_eq!(rows.len(), 1, "{rows:?}");
    // Merged again, nothing came in: nothing to say.
    let again = book.run(&["merge", &other_db, "--other-passphrase-file", &pass]);
    assert_eq!(again.code, 0, "{}", again.dump);
    assert!(!again.stderr.contains("plain text"), "{}", again.dump);
    // Into an encrypted logbook, nothing to say.
    let encrypted = with_passphrase();
    encrypted.ok(&["init", "--encrypt"]);
    let merged = encrypted.run(&["merge", &other_db]);
    assert_eq!(merged.code, 0, "{}", merged.dump);
    assert!(!merged.stderr.contains("plain text"), "{}", merged.dump);
    assert_eq!(table_rows(&encrypted.ok(&["list"])).len(), 1);
}

#[test]
fn results_go_to_files_in_plain_text_only_on_purpose() {
    let book = encrypted_with_a_finding();
    let before = book.snapshot();
    for args in [
        &["export", "findings", "-o", "out.csv"][..],
        &["list", "-o", "out.csv"],
        &["report", "month", "2022-05", "--xlsx", "out.xlsx"],
        &["report", "month", "2022-05", "--svg", "out.svg"],
        &["report", "quarter", "this", "--xlsx", "out.xlsx"],
        &["report", "year", "this", "--svg", "out.svg"],
    ] {
        let stderr = book.fails(args, 2);
        assert!(
            stderr.contains("the logbook is encrypted, and `out."),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("add `--plaintext`"), "{stderr}");
    }
    book.assert_unchanged(&before);
    // Standard output is the user's own, redirected or not.
    let csv = book.ok(&["export", "findings"]);
    assert!(csv.contains("Nguyễn Thị Hưng"));
    // On purpose: said once, on the error stream.
    let written = book.run(&["--plaintext", "export", "findings", "-o", "out.csv"]);
    assert_eq!(written.code, 0, "{}", written.dump);
    assert_eq!(
        written.stderr,
        "note: the logbook is encrypted; out.csv was written in plain text\n"
    );
    assert!(
        std::fs::read_to_string(book.path("out.csv"))
            .unwrap()
            .contains("Nguyễn Thị Hưng")
    );
    let book = book.config("plaintext_outputs = true\n");
    let report = book.run(&["report", "month", "2022-05", "--xlsx", "out.xlsx"]);
    assert_eq!(report.code, 0, "{}", report.dump);
    assert!(report.stderr.contains("out.xlsx was written in plain text"));
}

#[test]
fn a_plain_logbook_writes_its_files_without_a_word_about_encryption() {
    let book = plain_logbook();
    log_a_finding(&book);
    let out = book.path("out.csv").display().to_string();
    let written = book.run(&["export", "findings", "-o", &out]);
    assert_eq!(written.code, 0, "{}", written.dump);
    assert_eq!(written.stderr, "");
}

/// The salt that begins the file: which key encrypts it.
fn salt_of(db: &Path) -> Vec<u8> {
    std::fs::read(db).unwrap()[..16].to_vec()
}

#[test]
fn key_change_encrypts_anew_under_a_new_key_and_passphrase() {
    let book = encrypted_with_a_finding();
    let seal_before = book.ok(&["check"]);
    let salt_before = salt_of(book.db());
    let list_before = book.ok(&["list", "--format", "csv"]);
    std::fs::write(book.path("new.txt"), "Một cụm mật khẩu mới cho năm 2027\n").unwrap();
    let new = book.path("new.txt").display().to_string();
    let changed = book.run(&["key", "change", "--new-passphrase-file", &new]);
    assert_eq!(changed.code, 0, "{}", changed.dump);
    assert!(
        changed.stdout.starts_with("changed the key of logbook "),
        "{}",
        changed.dump
    );
    assert_ne!(salt_of(book.db()), salt_before);
    assert!(!book.path("logbook.db.key.new").exists());
    // The old passphrase no longer opens it; the new one does, to the same records.
    let stderr = book.fails(&["list"], 1);
    assert!(stderr.contains("the passphrase does not open"), "{stderr}");
    let list = book.run_with(
        &["list", "--format", "csv"],
        &[("SPOTCHECK_PASSPHRASE_FILE", &new)],
    );
    assert_eq!(list.stdout, list_before, "{}", list.dump);
    let check = book.run_with(&["check"], &[("SPOTCHECK_PASSPHRASE_FILE", &new)]);
    assert_eq!(check.stdout, seal_before, "{}", check.dump);
    assert_eq!(files_with_plaintext(book.dir()), Vec::<String>::new());
}

#[test]
fn encrypt_through_a_symbolic_link_encrypts_the_logbook_it_leads_to() {
    let book = with_passphrase();
    log_a_finding(&book);
    std::os::unix::fs::symlink(book.db(), book.path("link.db")).unwrap();
    let linked = plain_logbook().with_db(book.path("link.db")).env(
        "SPOTCHECK_PASSPHRASE_FILE",
        &book.path("passphrase.txt").display().to_string(),
    );
    linked.ok(&["encrypt"]);
    assert!(book.path("link.db").is_symlink(), "the link stays a link");
    assert!(read_without_key(book.db()).is_err());
    assert!(book.path("logbook.db.key").is_file());
    let listed = book.ok(&["list", "--format", "csv"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
}

#[test]
fn encrypt_refuses_a_logbook_with_another_name_that_would_keep_it_plain() {
    let book = with_passphrase();
    log_a_finding(&book);
    std::fs::hard_link(book.db(), book.path("other-name.db")).unwrap();
    let before = book.snapshot();
    let stderr = book.fails(&["encrypt"], 1);
    assert!(stderr.contains("has 2 names (hard links)"), "{stderr}");
    assert!(!book.path("logbook.db.key").exists());
    book.assert_unchanged(&before);
}

/// Run `args` in the background and kill it after `after`; whether the
/// kill came before it finished.
fn killed_after(book: &Logbook, args: &[&str], env: &[(&str, &str)], after: Duration) -> bool {
    let mut child = book
        .command(args)
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = child.kill();
    let status = child.wait().unwrap();
    std::os::unix::process::ExitStatusExt::signal(&status) == Some(9)
}

/// The logbook opens, with one of `passphrases` or as a plain file, lists
/// `expected`, passes `check`, and nothing beside it holds plaintext unless
/// it opened plain.
fn assert_opens_whole(book: &Logbook, passphrases: &[&Path], expected: &str, what: &str) {
    for passphrase in passphrases {
        let file = passphrase.display().to_string();
        let env = [("SPOTCHECK_PASSPHRASE_FILE", file.as_str())];
        let listed = book.run_with(&["list", "--format", "csv"], &env);
        if listed.code != 0 {
            continue;
        }
        assert_eq!(listed.stdout, expected, "{what}\n{}", listed.dump);
        let check = book.run_with(&["check"], &env);
        assert_eq!(check.code, 0, "{what}\n{}", check.dump);
        if read_without_key(book.db()).is_err() {
            assert_eq!(
                files_with_plaintext(book.dir()),
                Vec::<String>::new(),
                "{what}: a killed run left plaintext beside an encrypted logbook"
            );
        }
        return;
    }
    panic!("{what}: the logbook opens with none of the passphrases");
}

use std::time::Duration;

#[test]
fn encrypt_decrypt_and_key_change_killed_at_any_moment_leave_a_logbook_that_opens() {
    let book = with_passphrase();
    log_a_finding(&book);
    for n in 0..40 {
        book.ok(&["late", "Nguyễn Thị Hưng", "--minutes", &(n + 1).to_string()]);
    }
    let expected = book.ok(&["list", "--format", "csv"]);
    let old = book.path("passphrase.txt");
    let new = book.path("new.txt");
    std::fs::write(&new, "Cụm mật khẩu sau khi đổi khóa\n").unwrap();
    let new_text = new.display().to_string();
    let passphrases = [old.as_path(), new.as_path()];
    let mut moments = crate::support::Moments(23);
    let mut landed = 0;
    for attempt in 0..24 {
        // Each command from whatever state the last kill left.
        let plain = read_without_key(book.db()).is_ok();
        let (args, env): (Vec<&str>, Vec<(&str, &str)>) = match (plain, attempt % 2) {
            (true, _) => (vec!["encrypt"], vec![]),
            (false, 0) => (vec!["decrypt"], vec![]),
            (false, _) => (
                vec!["key", "change", "--new-passphrase-file", &new_text],
                vec![],
            ),
        };
        // The passphrase that opens it now is the one the command is given.
        let current = if plain {
            old.clone()
        } else {
            passphrases
                .iter()
                .find(|p| {
                    book.run_with(
                        &["list"],
                        &[("SPOTCHECK_PASSPHRASE_FILE", &p.display().to_string())],
                    )
                    .code
                        == 0
                })
                .map(|p| p.to_path_buf())
                .unwrap()
        };
        let current_text = current.display().to_string();
        let mut env = env;
        env.push(("SPOTCHECK_PASSPHRASE_FILE", &current_text));
        let after = Duration::from_millis(moments.below(400));
        if killed_after(&book, &args, &env, after) {
            landed += 1;
        }
        assert_opens_whole(
            &book,
            &passphrases,
            &expected,
            &format!("{args:?} killed after {after:?}"),
        );
    }
    assert!(landed >= 6, "only {landed} kills landed before the end");
}

/// The keyring path, in a session keyring of its own (`keyctl session`):
/// the passphrase typed once at a terminal (`script` gives the command
/// one), then every command opens the logbook with the key the keyring
/// holds, with no passphrase and no key file; `decrypt` removes it.
#[test]
#[allow(clippy::print_stderr)]
fn at_a_terminal_the_key_is_kept_in_the_keyring_and_opens_the_logbook_alone() {
    let tools = ["keyctl", "script"];
    if let Some(missing) = tools.iter().find(|tool| which(tool).is_none()) {
        eprintln!("skipped: no `{missing}` on this machine (Debian's keyutils and bsdutils)");
        return;
    }
    let book = plain_logbook();
    let spotcheck = env!("CARGO_BIN_EXE_spotcheck");
    let db = book.db().display().to_string();
    // Typed a second after each question, as a person would.
    let script = format!(
        r#"set -e
P='Tổ kiểm tra số 1 đi xã Tam Đại'
(sleep 1; printf '%s\r' "$P"; sleep 1; printf '%s\r' "$P"; sleep 1) \
  | script -qec "'{spotcheck}' --db '{db}' init --encrypt" /dev/null > init.out
'{spotcheck}' --db '{db}' unit add tam-dai 'UBND xã Tam Đại' < /dev/null
mv '{db}.key' away.key
'{spotcheck}' --db '{db}' unit list --format csv < /dev/null
SALT=$(head -c 16 '{db}' | od -An -tx1 | tr -d ' \n')
keyctl search @s user "keyring-rs:logbook-$SALT@spotcheck" > /dev/null && echo key-kept
'{spotcheck}' --db '{db}' backup without-key-file.db < /dev/null
printf 'format = 1\n' > '{db}.key'
'{spotcheck}' --db '{db}' backup beside-a-damaged-one.db < /dev/null
mv away.key '{db}.key'
'{spotcheck}' --db '{db}' decrypt < /dev/null
keyctl search @s user "keyring-rs:logbook-$SALT@spotcheck" > /dev/null 2>&1 || echo key-gone
"#
    );
    std::fs::write(book.path("keyring.sh"), script).unwrap();
    let output = book
        .wrapper("keyctl")
        .args(["session", "-", "sh", "keyring.sh"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let init = std::fs::read_to_string(book.path("init.out")).unwrap_or_default();
    assert!(output.status.success(), "{stdout}\n{stderr}\n{init}");
    assert!(
        init.contains("its key is kept in this computer's keyring and, locked by your passphrase"),
        "{init}"
    );
    assert!(
        stdout.contains("tam-dai,UBND xã Tam Đại"),
        "{stdout}\n{stderr}"
    );
    // A backup goes on without the key file, and says why none is beside it.
    assert!(
        stdout.contains("key-kept\nbacked up "),
        "{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("which only this computer's keyring holds"),
        "{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("but no key file was put beside it: the key file "),
        "{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("is damaged (missing field"),
        "{stdout}\n{stderr}"
    );
    for copy in ["without-key-file.db", "beside-a-damaged-one.db"] {
        assert!(book.path(copy).is_file(), "{copy}");
        assert!(!book.path(&format!("{copy}.key")).exists(), "{copy}");
    }
    assert!(stdout.contains("\ndecrypted logbook"), "{stdout}\n{stderr}");
    assert!(stdout.ends_with("key-gone\n"), "{stdout}\n{stderr}");
    assert!(read_without_key(book.db()).is_ok());
}

fn which(tool: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .map(|dir| dir.join(tool))
        .find(|candidate| candidate.is_file())
}

#[test]
fn a_key_that_does_not_decrypt_the_file_is_one_line_and_changes_nothing() {
    let book = encrypted_with_a_finding();
    let before = book.snapshot();
    let before_bytes = std::fs::read(book.db()).unwrap();
    // A key file for the logbook's salt holding another key, sealed with
    // the right passphrase: only SQLCipher can tell it is wrong.
    let salt: [u8; 16] = salt_of(book.db()).try_into().unwrap();
    let other = spotcheck::store::cipher::LogbookKey::generate().unwrap();
    let forged = spotcheck::store::cipher::LogbookKey::from_parts(
        zeroize::Zeroizing::new(*other.key()),
        salt,
    );
    let original = std::fs::read(book.path("logbook.db.key")).unwrap();
    std::fs::write(
        book.path("logbook.db.key"),
        spotcheck::keys::seal(&forged, PASSPHRASE).unwrap(),
    )
    .unwrap();
    for args in [
        &["list"][..],
        &["late", "Nguyễn Thị Hưng", "--minutes", "5"],
        &["check"],
    ] {
        let output = book.run(args);
        assert_eq!(output.code, 1, "{}", output.dump);
        assert_eq!(
            output.stderr,
            format!(
                "error: logbook `{}`: does not open with the key given: it is another logbook's \
                 key, or the file is not a logbook; nothing was changed\n",
                book.db().display()
            ),
            "{}",
            output.dump
        );
    }
    assert_eq!(std::fs::read(book.db()).unwrap(), before_bytes);
    std::fs::write(book.path("logbook.db.key"), original).unwrap();
    book.assert_unchanged(&before);
}

#[test]
fn the_copy_made_before_an_upgrade_is_encrypted_with_the_logbook_s_key() {
    let book = with_passphrase();
    // A logbook of schema 13, encrypted as an earlier spotcheck would have.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logbook-v13.db");
    let plain = book.path("plain-v13.db");
    std::fs::copy(&fixture, &plain).unwrap();
    let key = spotcheck::store::cipher::LogbookKey::generate().unwrap();
    let conn = rusqlite::Connection::open(&plain).unwrap();
    conn.execute(
        "ATTACH DATABASE ?1 AS encrypted KEY ?2",
        [
            book.db().display().to_string(),
            format!("x'{}{}'", hex(key.key()), hex(key.salt())),
        ],
    )
    .unwrap();
    conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))
        .unwrap();
    for pragma in ["application_id", "user_version"] {
        let value: i64 = conn
            .pragma_query_value(None, pragma, |row| row.get(0))
            .unwrap();
        conn.pragma_update(Some("encrypted"), pragma, value)
            .unwrap();
    }
    conn.execute_batch("DETACH DATABASE encrypted").unwrap();
    drop(conn);
    std::fs::remove_file(&plain).unwrap();
    std::fs::write(
        book.path("logbook.db.key"),
        spotcheck::keys::seal(&key, PASSPHRASE).unwrap(),
    )
    .unwrap();
    book.ok(&["init"]);
    let upgraded = book.ok(&["list", "--format", "csv"]);
    assert!(upgraded.lines().count() > 1, "{upgraded}");
    let copy = book.path("logbook.db.v13.bak");
    assert!(copy.is_file(), "the upgrade made its copy");
    // With a key file of its own, which a later key change leaves alone.
    assert_eq!(
        std::fs::read(book.path("logbook.db.v13.bak.key")).unwrap(),
        std::fs::read(book.path("logbook.db.key")).unwrap()
    );
    assert!(read_without_key(&copy).is_err());
    assert_eq!(salt_of(&copy), key.salt().to_vec());
    assert_eq!(files_with_plaintext(book.dir()), Vec::<String>::new());
    std::fs::remove_file(book.path("logbook.db.v13.bak.key")).unwrap();
    // Put back in the logbook's place, the copy opens with its key file,
    // and upgrades again to the same records.
    std::fs::rename(&copy, book.db()).unwrap();
    book.ok(&["init"]);
    assert_eq!(book.ok(&["list", "--format", "csv"]), upgraded);
}

#[test]
fn the_key_file_is_never_an_output() {
    let book = encrypted_with_a_finding();
    let key_file = book.path("logbook.db.key").display().to_string();
    let before = std::fs::read(&key_file).unwrap();
    let stderr = book.fails(&["backup", &key_file, "--force"], 1);
    assert!(stderr.contains("or one of its own files"), "{stderr}");
    let stderr = book.fails(&["--plaintext", "export", "findings", "-o", &key_file], 1);
    assert!(stderr.contains("or one of its own files"), "{stderr}");
    assert_eq!(std::fs::read(&key_file).unwrap(), before);
}

#[test]
fn a_key_change_stopped_after_its_rename_is_finished_by_the_next_one_even_if_that_fails() {
    let book = encrypted_with_a_finding();
    let first_key_file = std::fs::read_to_string(book.path("logbook.db.key")).unwrap();
    std::fs::write(book.path("second.txt"), "Cụm mật khẩu thứ hai của tổ\n").unwrap();
    let second = book.path("second.txt").display().to_string();
    book.ok(&["key", "change", "--new-passphrase-file", &second]);
    // As a change killed between its rename and its key file's: the
    // logbook under the new key, its key file still pending, the old one
    // in the key file's place.
    let second_key_file = std::fs::read_to_string(book.path("logbook.db.key")).unwrap();
    std::fs::write(book.path("logbook.db.key.new"), &second_key_file).unwrap();
    std::fs::write(book.path("logbook.db.key"), &first_key_file).unwrap();
    // The next change fails (the logbook is held open), after settling.
    let held = hold_open(&book, &second_key_file, "Cụm mật khẩu thứ hai của tổ");
    std::fs::write(book.path("third.txt"), "Cụm mật khẩu thứ ba của tổ\n").unwrap();
    let third = book.path("third.txt").display().to_string();
    let failed = book.run_with(
        &["key", "change", "--new-passphrase-file", &third],
        &[("SPOTCHECK_PASSPHRASE_FILE", &second)],
    );
    assert_eq!(failed.code, 1, "{}", failed.dump);
    assert!(
        failed.stderr.contains("is open in another program"),
        "{}",
        failed.dump
    );
    drop(held);
    assert_eq!(
        std::fs::read_to_string(book.path("logbook.db.key")).unwrap(),
        second_key_file,
        "the stopped change was settled"
    );
    assert!(!book.path("logbook.db.key.new").exists());
    let listed = book.run_with(&["list"], &[("SPOTCHECK_PASSPHRASE_FILE", &second)]);
    assert_eq!(listed.code, 0, "{}", listed.dump);
}
