//! Ctrl-C, SIGTERM and SIGKILL in the middle of a command that writes a
//! file or the logbook: the output is whole or absent, nothing hidden or
//! half-written is left in the folder, and the logbook stays sound.

use std::collections::BTreeSet;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use calamine::{Reader, Xlsx, open_workbook};

use crate::support::logbook_with_findings;
use crate::support::{Logbook, Moments};

const SIGINT: i32 = 2;
const SIGKILL: i32 = 9;
const SIGTERM: i32 = 15;

/// The names in the logbook's folder.
fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// SQLite's own check of the file.
fn assert_intact(book: &Logbook, what: &str) {
    let conn = crate::support::open_logbook(book.db());
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{what}");
}

/// Start spotcheck with `args`, send `signal` after `after`, and return how
/// it ended: its exit code, or 128 and the signal that ended it.
fn signal_after(book: &Logbook, args: &[&str], signal: i32, after: Duration) -> (i32, String) {
    let mut child = book
        .command(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    if signal == SIGKILL {
        let _ = child.kill();
    } else {
        let _ = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .stderr(Stdio::null())
            .status();
    }
    let output = child.wait_with_output().unwrap();
    let status = output.status;
    let code = status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(-1);
    (code, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// One of the commands the loop interrupts, and the file it writes.
struct Writer {
    args: &'static [&'static str],
    output: Option<&'static str>,
}

const WRITERS: &[Writer] = &[
    Writer {
        args: &["export", "findings", "-o", "out.csv"],
        output: Some("out.csv"),
    },
    Writer {
        args: &["backup", "copy.db", "--force"],
        output: Some("copy.db"),
    },
    Writer {
        args: &["report", "month", "2022-05", "--xlsx", "month.xlsx"],
        output: Some("month.xlsx"),
    },
    Writer {
        args: &["sql", "SELECT * FROM findings_v", "-o", "query.txt"],
        output: Some("query.txt"),
    },
    Writer {
        args: &[
            "report",
            "month",
            "2022-05",
            "--format",
            "html",
            "-o",
            "month.html",
        ],
        output: Some("month.html"),
    },
    Writer {
        args: &["list", "--format", "csv", "-o", "list.csv"],
        output: Some("list.csv"),
    },
    Writer {
        args: &["late", "Nguyễn Văn An", "--arrived", "8h05"],
        output: None,
    },
    Writer {
        args: &[
            "edit",
            "1",
            "--note",
            "sổ đã bổ sung ngày trả",
            "--reason",
            "ghi thêm",
        ],
        output: None,
    },
    Writer {
        args: &["import", "findings", "more.csv"],
        output: None,
    },
];

/// Whether the output `name` is whole: what the same command prints now.
fn assert_whole(book: &Logbook, writer: &Writer, name: &str, what: &str) {
    let path = book.path(name);
    match name {
        "out.csv" => {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(text, book.ok(&["export", "findings"]), "{what}");
        }
        "query.txt" | "month.html" | "list.csv" => {
            // The same command without its `-o FILE`, to standard output.
            let text = std::fs::read_to_string(&path).unwrap();
            let args = &writer.args[..writer.args.len() - 2];
            assert_eq!(text, book.ok(args), "{what}");
        }
        "copy.db" => {
            let conn = crate::support::open_logbook(&path);
            let integrity: String = conn
                .query_row("PRAGMA integrity_check", [], |row| row.get(0))
                .unwrap();
            assert_eq!(integrity, "ok", "{what}");
            let copied: i64 = conn
                .query_row("SELECT count(*) FROM findings", [], |row| row.get(0))
                .unwrap();
            let kept = crate::support::open_logbook(book.db());
            let findings: i64 = kept
                .query_row("SELECT count(*) FROM findings", [], |row| row.get(0))
                .unwrap();
            assert_eq!(copied, findings, "{what}");
        }
        "month.xlsx" => {
            let workbook: Result<Xlsx<_>, _> = open_workbook(&path);
            let sheets = workbook.map(|w| w.sheet_names().len());
            assert!(sheets.is_ok_and(|n| n > 0), "{what}: a broken workbook");
        }
        _ => unreachable!(),
    }
}

#[test]
fn commands_interrupted_or_killed_at_any_moment_leave_whole_files_or_none() {
    let book = logbook_with_findings(2000).binary();
    // New findings for the import among the writers: each whole import adds
    // them all, an interrupted one none.
    let visit_uid = crate::support::csv_records(&book.ok(&["export", "visits"]))[0]["uid"].clone();
    let mut more = String::from("visit_uid,kind,description\n");
    for n in 0..3000 {
        more.push_str(&format!("{visit_uid},other,Hồ sơ số {n} thiếu phiếu hẹn\n"));
    }
    std::fs::write(book.path("more.csv"), more).unwrap();
    let before = names(book.dir());
    // How long each command takes here, so the signals spread over it.
    let mut took = Vec::new();
    for writer in WRITERS {
        let started = Instant::now();
        book.ok(writer.args);
        took.push(started.elapsed().as_millis() as u64);
        if let Some(output) = writer.output {
            std::fs::remove_file(book.path(output)).unwrap();
            let _ = std::fs::remove_file(book.path(&format!("{output}.key")));
        }
    }
    let mut moments = Moments(15);
    let mut stopped = 0;
    for attempt in 0..36 {
        let index = attempt % WRITERS.len();
        let writer = &WRITERS[index];
        let signal = [SIGINT, SIGTERM, SIGKILL][(attempt / WRITERS.len() + index) % 3];
        // Now and then the output is there already and must stay whole too.
        let old = writer
            .output
            .filter(|_| signal != SIGKILL && attempt % 2 == 0);
        if let Some(name) = old {
            std::fs::write(book.path(name), "an older file\n").unwrap();
        }
        let after = Duration::from_millis(moments.below(took[index] + took[index] / 4));
        let what = format!("{:?} sent signal {signal} after {after:?}", writer.args);
        let (ended, stderr) = signal_after(&book, writer.args, signal, after);
        let expected = match signal {
            // Killed before the handler was in place, by the signal itself.
            SIGINT => [0, 130, 128 + SIGINT],
            SIGTERM => [0, 143, 128 + SIGTERM],
            _ => [0, 128 + SIGKILL, 128 + SIGKILL],
        };
        assert!(
            expected.contains(&ended),
            "{what}: ended with {ended}\n{stderr}"
        );
        if ended != 0 {
            stopped += 1;
        }
        if let Some(name) = writer.output
            && book.path(name).exists()
        {
            let untouched =
                old.is_some() && std::fs::read(book.path(name)).unwrap() == b"an older file\n";
            if !untouched {
                assert_whole(&book, writer, name, &what);
            }
        }
        if signal == SIGKILL {
            // The next run in the folder clears what the killed one left:
            // an output clears spotcheck's hidden files, and the next write
            // (reads open the logbook read-only) SQLite's `-wal` and `-shm`.
            book.ok(&["init"]);
            book.ok(&["export", "units", "-o", "units.csv"]);
            std::fs::remove_file(book.path("units.csv")).unwrap();
        }
        let mut left: BTreeSet<String> = names(book.dir()).difference(&before).cloned().collect();
        if let Some(name) = writer.output {
            left.remove(name);
            let _ = std::fs::remove_file(book.path(name));
            // The backup of an encrypted logbook brings its key file first:
            // a copy killed before it is in place may leave that alone.
            let key_file = format!("{name}.key");
            left.remove(&key_file);
            let _ = std::fs::remove_file(book.path(&key_file));
        }
        assert!(left.is_empty(), "{what}: left {left:?}");
        assert_intact(&book, &what);
        // An import is all of its rows or none of them.
        let conn = crate::support::open_logbook(book.db());
        let imported: i64 = conn
            .query_row(
                "SELECT count(*) FROM findings WHERE description LIKE '%thiếu phiếu hẹn'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(imported % 3000, 0, "{what}: {imported} imported findings");
    }
    assert!(
        stopped >= 12,
        "only {stopped} of 36 commands were stopped part way"
    );
    // And spotcheck's own check, of records and history, once at the end.
    let checked = book.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.dump);
}

#[test]
fn hidden_files_of_a_killed_run_are_cleared_by_the_next_one() {
    let book = Logbook::new().binary();
    book.visit_tam_dai();
    // The pid of a process that has ended, as a killed run's would be.
    let mut ended = std::process::Command::new("true").spawn().unwrap();
    let pid = ended.id();
    ended.wait().unwrap();
    let left = [
        format!(".spotcheck-{pid}-backup-1a2b3c4d"),
        format!(".spotcheck-{pid}-backup-1a2b3c4d-journal"),
        format!(".spotcheck-{pid}-5e6f7a8b"),
    ];
    for name in &left {
        std::fs::write(book.path(name), "half").unwrap();
    }
    // Not ours to remove: no pid, or a process still running.
    let kept = [
        ".spotcheck-notes".to_string(),
        format!(".spotcheck-{}-0a0b0c0d", std::process::id()),
    ];
    for name in &kept {
        std::fs::write(book.path(name), "kept").unwrap();
    }
    book.ok(&["export", "findings", "-o", "out.csv"]);
    for name in &left {
        assert!(!book.path(name).exists(), "{name} was left");
    }
    for name in &kept {
        assert!(book.path(name).exists(), "{name} was removed");
    }
}
