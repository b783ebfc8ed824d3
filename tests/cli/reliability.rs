//! What a logbook survives: commands killed part way, many writers at once.
//! Each test states what must hold afterwards and checks it with SQLite's own
//! `integrity_check`, spotcheck's `check` and the counts of records.

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Logbook, Moments, stored_rows};

/// Rows of a table, read with a connection of our own.
fn count(db: &Path, table: &str) -> i64 {
    let conn = crate::support::open_logbook(db);
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
        row.get(0)
    })
    .expect("counting rows")
}

/// SQLite's own check of the file, then spotcheck's.
fn assert_sound(book: &Logbook, what: &str) {
    let conn = crate::support::open_logbook(book.db());
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("running integrity_check");
    assert_eq!(integrity, "ok", "{what}");
    drop(conn);
    let checked = book.run(&["check"]);
    assert_eq!(checked.code, 0, "{what}\n{}", checked.dump);
}

/// Start spotcheck with `args`, let it run for `after`, then SIGKILL it.
/// Whether the kill landed before the command finished by itself.
fn kill_after(book: &Logbook, args: &[&str], after: Duration) -> bool {
    let mut child: Child = book
        .command(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting spotcheck");
    std::thread::sleep(after);
    // Killing a process that already ended is harmless: wait() tells which.
    let _ = child.kill();
    let status = child.wait().expect("waiting for spotcheck");
    status.signal() == Some(SIGKILL)
}

/// What `Child::kill` sends on Unix.
const SIGKILL: i32 = 9;

/// A logbook with one unit, a visit there and `rows` findings of that visit
/// in a CSV file beside it, not yet imported. The file and the visit's uid.
fn logbook_with_findings_file(rows: usize) -> (Logbook, std::path::PathBuf) {
    let book = Logbook::new();
    book.visit_tam_dai();
    let file = book.path("findings.csv");
    std::fs::write(&file, findings_csv(&book, 0..rows)).unwrap();
    (book, file)
}

/// A findings file of the logbook's first visit, one row for each number,
/// each number giving the row its uid.
fn findings_csv(book: &Logbook, numbers: std::ops::Range<usize>) -> String {
    let visits = book.ok(&["export", "visits"]);
    let visit_uid = visits.lines().nth(1).unwrap().split(',').next().unwrap();
    let mut csv = String::from("uid,visit_uid,kind,description\n");
    for n in numbers {
        csv.push_str(&format!(
            "{n:032x},{visit_uid},other,\"Sổ theo dõi hồ sơ số {n} chưa ghi ngày trả\"\n"
        ));
    }
    csv
}

#[test]
fn an_import_killed_at_any_moment_is_all_there_or_not_at_all() {
    const ROWS: i64 = 1500;
    let (book, file) = logbook_with_findings_file(ROWS as usize);
    let pristine = book.path("pristine.db");
    crate::support::copy_logbook(book.db(), &pristine);
    let args = ["import", "findings", file.to_str().unwrap()];

    // How long a whole import takes here, so the kills spread over it.
    let started = Instant::now();
    book.ok(&args);
    let whole = started.elapsed().as_millis() as u64;

    let mut moments = Moments(5);
    let (mut killed, mut tries) = (0, 0);
    while killed < 20 && tries < 60 {
        tries += 1;
        crate::support::copy_logbook(&pristine, book.db());
        let after = Duration::from_millis(moments.below(whole));
        if kill_after(&book, &args, after) {
            killed += 1;
        }
        let what = format!("import killed after {after:?}");
        let findings = count(book.db(), "findings");
        assert!(
            findings == 0 || findings == ROWS,
            "{what}: {findings} findings"
        );
        let entries = count(book.db(), "history");
        let before = count(&pristine, "history");
        assert!(
            entries == before || entries == before + ROWS,
            "{what}: {entries} history entries"
        );
        assert_sound(&book, &what);
    }
    assert!(
        killed >= 20,
        "only {killed} of {tries} imports were killed part way"
    );
}

#[test]
fn a_merge_killed_at_any_moment_is_all_there_or_not_at_all() {
    const ROWS: i64 = 1000;
    let (other, file) = logbook_with_findings_file(ROWS as usize);
    other.ok(&["import", "findings", file.to_str().unwrap()]);
    let book = Logbook::new();
    book.ok(&["unit", "add", "noi-vu", "Phòng Nội vụ"]);
    let pristine = book.path("pristine.db");
    crate::support::copy_logbook(book.db(), &pristine);
    let args = ["merge", other.db().to_str().unwrap()];

    let started = Instant::now();
    book.ok(&args);
    let whole = started.elapsed().as_millis() as u64;

    let mut moments = Moments(7);
    let (mut killed, mut tries) = (0, 0);
    while killed < 15 && tries < 45 {
        tries += 1;
        crate::support::copy_logbook(&pristine, book.db());
        let after = Duration::from_millis(moments.below(whole));
        if kill_after(&book, &args, after) {
            killed += 1;
        }
        let what = format!("merge killed after {after:?}");
        let findings = count(book.db(), "findings");
        assert!(
            findings == 0 || findings == ROWS,
            "{what}: {findings} findings"
        );
        let units = count(book.db(), "units");
        assert_eq!(units, if findings == 0 { 1 } else { 2 }, "{what}");
        assert_sound(&book, &what);
    }
    assert!(
        killed >= 15,
        "only {killed} of {tries} merges were killed part way"
    );
}

#[test]
fn a_finding_is_kept_once_its_command_said_so_and_a_killed_one_is_whole_or_absent() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let mut moments = Moments(11);
    let mut committed = 0;
    let mut killed = 0;
    let mut attempts = 0;
    while killed < 15 && attempts < 400 {
        attempts += 1;
        let minutes = (5 + moments.below(60)).to_string();
        let args = ["late", "Nguyễn Văn An", "--minutes", minutes.as_str()];
        // Mostly whole commands, now and then one killed part way.
        if moments.below(4) == 0 {
            let after = Duration::from_micros(moments.below(20_000));
            if kill_after(&book, &args, after) {
                killed += 1;
                let findings = count(book.db(), "findings");
                assert!(
                    findings == committed || findings == committed + 1,
                    "{findings} findings after {committed} logged and one killed"
                );
                committed = findings;
                assert_sound(&book, &format!("late killed after {after:?}"));
            } else {
                committed += 1;
            }
        } else {
            book.ok(&args);
            committed += 1;
        }
        assert_eq!(count(book.db(), "findings"), committed);
    }
    assert!(
        killed >= 15,
        "only {killed} of {attempts} commands were killed part way"
    );
}

#[test]
fn six_writers_and_a_reader_at_once_lose_nothing_and_wait_their_turn() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let mut writers: Vec<_> = (0..6)
        .map(|writer| {
            // One shell per writer, so its 50 commands run one after another.
            let mut script = String::new();
            for n in 1..=50 {
                script.push_str(&format!(
                    "\"$SPOTCHECK\" --db \"$DB\" late \"Người thứ {writer}\" --minutes {n} || exit 1\n"
                ));
            }
            book.wrapper("sh")
                .arg("-c")
                .arg(script)
                .env("SPOTCHECK", env!("CARGO_BIN_EXE_spotcheck"))
                .env("DB", book.db())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("starting a writer")
        })
        .collect();

    // Meanwhile, monthly reports: each must show a state some commit left.
    let mut reports = 0;
    let mut last = 0;
    loop {
        let output = book.run(&["report", "month", "2022-05", "--format", "json"]);
        assert_eq!(output.code, 0, "{}", output.dump);
        let report: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
        let totals = &report["totals"];
        let findings = totals["findings"].as_i64().unwrap();
        assert_eq!(
            totals["late"].as_i64().unwrap(),
            findings,
            "{}",
            output.stdout
        );
        assert!(
            findings >= last,
            "a report went back from {last} to {findings}"
        );
        assert!(findings <= 300);
        last = findings;
        reports += 1;
        let finished = writers
            .iter_mut()
            .all(|w| w.try_wait().expect("polling a writer").is_some());
        if finished {
            break;
        }
    }
    for writer in writers {
        let output = writer.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "a writer failed: {stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    assert_eq!(count(book.db(), "findings"), 300);
    assert!(reports > 1, "the reports ran only once");
    assert_sound(&book, "after the writers");
}

/// Run spotcheck with `args` where no file may grow past `limit` bytes, as
/// on a full disk: writes past it fail with EFBIG instead of killing the
/// process. Exit code and standard error.
fn with_file_size_limit(book: &Logbook, limit: u64, args: &[&str]) -> (i32, String) {
    // sh counts the limit in 512-byte blocks.
    let script = format!("trap '' XFSZ; ulimit -f {}; exec \"$@\"", limit / 512);
    let mut command = book.wrapper("sh");
    command
        .args(["-c", &script, "sh"])
        .args(book.command_line(args))
        .stdout(Stdio::null());
    let output = command
        .output()
        .expect("running spotcheck under a file-size limit");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn writes_that_hit_a_full_disk_fail_clearly_and_change_nothing() {
    // A logbook with a few hundred findings, and another one to merge.
    let (book, file) = logbook_with_findings_file(600);
    book.ok(&["import", "findings", file.to_str().unwrap()]);
    let (other, other_file) = logbook_with_findings_file(600);
    other.ok(&["import", "findings", other_file.to_str().unwrap()]);
    let import = book.path("more.csv");
    std::fs::write(&import, findings_csv(&book, 1000..4000)).unwrap();
    let long_note = "ghi chú dài ".repeat(4_500);

    let before = stored_rows(book.db());
    const FULL: &str = "disk I/O error: the disk may be full, or the file larger than this \
        system allows; free some space and run the command again (nothing was changed)\n";
    let cases: [(u64, Vec<&str>, String); 5] = [
        (
            64 * 1024,
            vec![
                "late",
                "Nguyễn Văn An",
                "--minutes",
                "5",
                "--note",
                &long_note,
            ],
            format!("error: committing the write: {FULL}"),
        ),
        (
            256 * 1024,
            vec!["import", "findings", import.to_str().unwrap()],
            format!("error: committing the write: {FULL}"),
        ),
        (
            // Room for the copy of the other logbook its checks read, not
            // for the write.
            std::fs::metadata(other.db()).unwrap().len() + 32 * 1024,
            vec!["merge", other.db().to_str().unwrap()],
            format!("error: committing the write: {FULL}"),
        ),
        (
            64 * 1024,
            vec!["backup", "copy.db"],
            format!("error: backing up to `copy.db`: {FULL}"),
        ),
        (
            64 * 1024,
            vec!["export", "findings", "-o", "out.csv"],
            "error: writing output: cannot write `out.csv`: the disk is full, or the file larger \
             than this system allows; free some space and run the command again (nothing was \
             written)\n"
                .to_string(),
        ),
    ];
    for (limit, args, expected) in &cases {
        let (code, stderr) = with_file_size_limit(&book, *limit, args);
        assert_eq!((code, &stderr), (1, expected), "{}", args[0]);
        assert_eq!(
            stored_rows(book.db()),
            before,
            "{} changed the logbook",
            args[0]
        );
    }
    for leftover in ["copy.db", "out.csv"] {
        assert!(
            !book.path(leftover).exists(),
            "{leftover} was left half written"
        );
    }
    let left: Vec<_> = std::fs::read_dir(book.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp") || n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert_sound(&book, "after the failed writes");
}
