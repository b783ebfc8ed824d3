//! `spotcheck sql` on results of any size: rows go out as they are read, in
//! bounded memory and within the time limit, and every kind of parameter is
//! either bound or refused.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::Logbook;

/// `rows` rows of 9 MB each: cheap for SQLite, long to write out.
fn huge_rows(rows: u32, fill: char) -> String {
    format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) \
         SELECT i, printf('%.*c', 9000000, '{fill}') AS filler FROM n"
    )
}

/// A logbook with one unit, so that it exists.
fn logbook() -> Logbook {
    let book = Logbook::new();
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book
}

/// The names of SQLite's own files beside the logbook.
fn sqlite_leftovers(book: &Logbook) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(book.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm"))
        .collect();
    names.sort();
    names
}

/// Run `args` under a 128 MB address-space limit (room for the threads'
/// reserved stacks and the libcrypto SQLCipher links, which count against
/// it), standard output thrown away: the exit code and standard error.
/// glibc gives a thread that allocates while another does an arena of its
/// own, reserving 64 MB of address space for it, so the limit would count
/// one more arena or not by the luck of timing: one arena is asked for.
fn run_in_128_mb(book: &Logbook, args: &[&str]) -> (Option<i32>, String) {
    let mut command = book.wrapper("sh");
    command
        .env("MALLOC_ARENA_MAX", "1")
        .arg("-c")
        .arg("ulimit -v 128000; exec \"$@\"")
        .arg("sh")
        .args(book.command_line(args))
        .stdout(Stdio::null());
    let output = command.output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_result_larger_than_memory_streams_in_every_format() {
    let book = logbook();
    // 16 rows of 9 MB: 144 MB of result under a 128 MB limit, which the
    // program itself needs well under half of.
    let query = huge_rows(16, 'x');
    for format in ["csv", "json", "md"] {
        let (code, stderr) = run_in_128_mb(&book, &["--format", format, "sql", &query]);
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "--format {format}");
    }
    // The table sizes its columns on what it holds, and says where it stopped.
    let (code, stderr) = run_in_128_mb(&book, &["sql", &query]);
    assert_eq!(
        (code, stderr.as_str()),
        (
            Some(0),
            "showed the first 0 rows; use --format csv for all\n"
        )
    );
    assert_eq!(sqlite_leftovers(&book), Vec::<String>::new());
}

#[test]
fn a_long_table_shows_its_first_thousand_rows_and_says_so() {
    let book = logbook();
    let query = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) \
                 SELECT i FROM n";
    let output = book.run(&["sql", query]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        output.stderr,
        "showed the first 1000 rows; use --format csv for all\n"
    );
    assert!(output.stdout.contains("│ 1000 │"), "{}", output.dump);
    assert!(!output.stdout.contains("│ 1001 │"), "{}", output.dump);
    // The streaming formats give every row.
    let csv = book.ok(&["--format", "csv", "sql", query]);
    assert_eq!(csv.lines().count(), 1501);
    assert!(csv.ends_with("\n1500\n"));
    let md = book.ok(&["--format", "md", "sql", query]);
    assert!(md.starts_with("| i |\n|---:|\n| 1 |\n"), "{md}");
    assert!(md.ends_with("| 1499 |\n| 1500 |\n"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&book.ok(&["--format", "json", "sql", query])).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(1500));
    assert_eq!(json[1499]["i"], 1500);
}

#[test]
fn writing_the_rows_counts_against_the_time_limit() {
    let book = logbook();
    // A few hundred steps for SQLite, so its own check never comes; each
    // row is 18 MB of Markdown once its bars are escaped.
    let query = huge_rows(300, '|');
    let mut command = book.wrapper("sh");
    command
        .arg("-c")
        .arg("ulimit -v 1000000; exec \"$@\"")
        .arg("sh")
        .args(book.command_line(&["--format", "md", "sql", "--time-limit", "1", &query]))
        .stdout(Stdio::null());
    let started = Instant::now();
    let output = command.output().unwrap();
    let took = started.elapsed();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: the query was stopped after 1 s: narrow it with WHERE or LIMIT, \
         or give it longer with `--time-limit SECONDS`\n"
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert_eq!(sqlite_leftovers(&book), Vec::<String>::new());
}

#[test]
fn a_failed_or_stopped_query_leaves_no_sqlite_files() {
    let book = logbook();
    assert_eq!(sqlite_leftovers(&book), Vec::<String>::new());
    book.fails(&["sql", "SELECT * FROM no_such_view"], 1);
    book.fails(
        &[
            "sql",
            "--time-limit",
            "1",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
        ],
        1,
    );
    book.fails(&["sql", "SELECT :a"], 1);
    assert_eq!(sqlite_leftovers(&book), Vec::<String>::new());
}

#[test]
fn every_form_of_parameter_is_bound_or_refused() {
    let book = logbook();
    // `:a`, `@a` and `$a` are three parameters to SQLite and one to the user.
    assert_eq!(
        book.ok(&[
            "--format",
            "csv",
            "sql",
            "SELECT :a AS colon, @a AS at, $a AS dollar, :n + 1 AS next",
            "--param",
            "a=x",
            "--param",
            "n=41",
        ]),
        "colon,at,dollar,next\nx,x,x,42\n"
    );
    // `?NNN` is filled by its number.
    assert_eq!(
        book.ok(&[
            "--format",
            "csv",
            "sql",
            "SELECT ?1 AS first",
            "--param",
            "1=tam-dai"
        ]),
        "first\ntam-dai\n"
    );
    // A `?NNN` past the first leaves empty slots before it, which need no
    // value; a `?` inside quotes or a comment is not a parameter.
    assert_eq!(
        book.ok(&[
            "--format",
            "csv",
            "sql",
            "SELECT ?2 AS second, '?' AS mark /* ? */",
            "--param",
            "2=y"
        ]),
        "second,mark\ny,?\n"
    );
    // Only a number written as SQLite writes it is bound as one: a code
    // such as `007` stays the text typed.
    assert_eq!(
        book.ok(&[
            "--format",
            "csv",
            "sql",
            "SELECT :c AS c, typeof(:c) AS t, :n AS n, typeof(:n) AS u",
            "--param",
            "c=007",
            "--param",
            "n=-12"
        ]),
        "c,t,n,u\n007,text,-12,integer\n"
    );
    for (sql, params, expected) in [
        (
            "SELECT ?, ?3",
            &["--param", "3=x"][..],
            "error: the query has a `?` parameter, which `--param` cannot fill: name it, as \
             `:unit`, and give `--param unit=VALUE`\n",
        ),
        (
            "SELECT :a",
            &["--param", "a=x", "--param", "1=y"][..],
            "error: the query has no parameter `?1`: name it in the query as `?1`\n",
        ),
        (
            "SELECT $a, @b",
            &["--param", "a=x"][..],
            "error: the query's parameter `@b` has no value: give it with `--param b=VALUE`\n",
        ),
        (
            "SELECT $a",
            &[][..],
            "error: the query's parameter `$a` has no value: give it with `--param a=VALUE`\n",
        ),
        (
            "SELECT ?1",
            &[][..],
            "error: the query's parameter `?1` has no value: give it with `--param 1=VALUE`\n",
        ),
        (
            "SELECT ?",
            &["--param", "1=x"][..],
            "error: the query has a `?` parameter, which `--param` cannot fill: name it, as \
             `:unit`, and give `--param unit=VALUE`\n",
        ),
        (
            "SELECT @a",
            &["--param", "a=x", "--param", "b=y"][..],
            "error: the query has no parameter `:b`: name it in the query as `:b`\n",
        ),
    ] {
        let mut args = vec!["sql", sql];
        args.extend_from_slice(params);
        assert_eq!(book.fails(&args, 1), expected, "{sql} {params:?}");
    }
}

#[test]
fn ctrl_c_stops_the_query_and_leaves_no_sqlite_files() {
    let book = logbook();
    for format in ["table", "csv"] {
        let child = book
            .command(&[
                "--format",
                format,
                "sql",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The query is running once its connection has made its files.
        let started = Instant::now();
        while sqlite_leftovers(&book).is_empty() && started.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(200));
        let sent = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let output = child.wait_with_output().unwrap();
        // As shells report Ctrl-C: 128 + SIGINT, and nothing more to read.
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "",
            "--format {format}"
        );
        assert_eq!(output.status.code(), Some(130));
        assert_eq!(sqlite_leftovers(&book), Vec::<String>::new());
    }
}

#[test]
fn json_keys_stay_unique_when_columns_share_a_name() {
    let book = logbook();
    let json = book.ok(&[
        "--format",
        "json",
        "sql",
        "SELECT 1 AS a, 2 AS a, 3 AS a_2, 4 AS a",
    ]);
    let keys: Vec<&str> = json
        .lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.split('"').next())
        .collect();
    assert_eq!(keys, ["a", "a_3", "a_2", "a_4"], "{json}");
    // CSV keeps the names as the query gave them, as `sqlite3 -csv` does.
    let csv = book.ok(&["--format", "csv", "sql", "SELECT 1 AS a, 2 AS a"]);
    assert_eq!(csv, "a,a\n1,2\n");
}
