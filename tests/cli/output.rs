//! What the result looks like to scripts and spreadsheets: JSON, CSV,
//! Markdown, `-o FILE`, and a reader that goes away (`spotcheck list | head -1`).

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::support::{FINDINGS_HEADER, INSPECTOR, Logbook, csv_records, csv_rows, json};

/// The keys of a pretty-printed JSON object, in the order they were written.
fn json_keys(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("  \""))
        .filter_map(|rest| rest.split_once("\":").map(|(key, _)| key.to_string()))
        .collect()
}

#[test]
fn json_of_a_write_is_the_record_written() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let output = book.run(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "8h05",
        "--format",
        "json",
    ]);
    assert_eq!(output.code, 0, "{}", output.dump);
    let record = json(&output.stdout);
    assert_eq!(record["number"], 1);
    assert_eq!(record["kind"], "late");
    assert_eq!(record["unit_code"], "tam-dai");
    assert_eq!(record["unit_name"], "UBND xã Tam Đại");
    assert_eq!(record["person"], "Nguyễn Văn An");
    assert_eq!(record["arrived_at"], "08:05");
    assert_eq!(record["expected_at"], "07:30");
    assert_eq!(record["minutes_late"], 35);
    assert_eq!(record["visit_started_at"], "2022-05-10 07:35");
    assert_eq!(record["logged_by"], INSPECTOR);
    assert_eq!(record["voided_at"], serde_json::Value::Null);
    let csv = book.ok(&["list", "--format", "csv"]);
    let header: Vec<&str> = csv.lines().next().unwrap_or("").split(',').collect();
    assert_eq!(
        json_keys(&output.stdout),
        header,
        "the same fields in the same order as the CSV"
    );
    // The person added is still reported, on stderr.
    assert_eq!(
        output.stderr,
        "added Nguyễn Văn An to the staff of UBND xã Tam Đại (person #1)\n"
    );
}

#[test]
fn json_of_unit_and_person_writes_is_the_record() {
    let book = Logbook::new();
    let unit = json(&book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
        "--start",
        "7h15",
        "--format",
        "json",
    ]));
    assert_eq!(unit["code"], "tam-dai");
    assert_eq!(unit["name"], "UBND xã Tam Đại");
    assert_eq!(unit["kind"], "commune");
    assert_eq!(unit["morning_start"], "07:15");
    assert_eq!(unit["afternoon_start"], serde_json::Value::Null);
    let person = json(&book.ok(&[
        "person",
        "add",
        "tam dai",
        "Nguyễn Văn An",
        "--position",
        "công chức tư pháp",
        "--format",
        "json",
    ]));
    assert_eq!(person["name"], "Nguyễn Văn An");
    assert_eq!(person["position"], "công chức tư pháp");
    assert_eq!(person["unit_code"], "tam-dai");
}

#[test]
fn json_of_a_list_is_an_array_of_findings() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book.ok(&["overdue", "HS-1", "--due", "05/05/2022"]);
    let list = json(&book.ok(&["list", "--format", "json"]));
    let findings = list.as_array().expect("an array");
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["minutes_late"], 35);
    assert_eq!(findings[1]["days_overdue"], 5);
    assert_eq!(findings[1]["working_days_overdue"], 3);
    assert_eq!(
        json(&book.ok(&["list", "--month", "4/2022", "--format", "json"])),
        serde_json::json!([])
    );
}

#[test]
fn csv_of_a_list_has_the_header_row_of_the_findings_export() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    let csv = book.ok(&["list", "--format", "csv"]);
    assert_eq!(csv.lines().next(), Some(FINDINGS_HEADER), "{csv}");
    assert_eq!(
        book.ok(&["list", "--month", "4/2022", "--format", "csv"]),
        format!("{FINDINGS_HEADER}\n")
    );
}

#[test]
fn csv_of_a_list_has_a_header_row_and_one_row_per_finding() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book.ok(&[
        "absent",
        "Đặng Quốc Huy",
        "--meeting",
        "họp, giao ban \"tuần\"",
    ]);
    let csv = book.ok(&["list", "--format", "csv"]);
    let mut header: Vec<&str> = csv.lines().next().unwrap_or("").split(',').collect();
    header.sort_unstable();
    let mut fields: Vec<&str> = FINDINGS_HEADER.split(',').collect();
    fields.sort_unstable();
    assert_eq!(header, fields, "every field of a finding, once\n{csv}");
    let records = csv_records(&csv);
    assert_eq!(records.len(), 2, "{csv}");
    assert_eq!(records[0]["minutes_late"], "35");
    assert_eq!(records[0]["person"], "Nguyễn Văn An");
    assert_eq!(
        records[1]["meeting"], "họp, giao ban \"tuần\"",
        "quoted as RFC 4180"
    );
    assert_eq!(records[1]["minutes_late"], "");
    // An empty list is still a header row.
    let empty = book.ok(&["list", "--month", "4/2022", "--format", "csv"]);
    assert_eq!(empty, format!("{}\n", csv.lines().next().unwrap_or("")));
}

#[test]
fn csv_shows_formula_like_text_as_text() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["other", "=HYPERLINK(\"http://x\")", "--note=-2 phút"]);
    let records = csv_records(&book.ok(&["list", "--format", "csv"]));
    assert_eq!(records[0]["description"], "'=HYPERLINK(\"http://x\")");
    assert_eq!(records[0]["note"], "'-2 phút");
    let record = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(
        record["description"], "=HYPERLINK(\"http://x\")",
        "JSON keeps the text"
    );
}

#[test]
fn markdown_of_a_list_is_a_table_with_the_column_keys() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    let md = book.ok(&["list", "--format", "md"]);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(
        lines[0], "| number | date | unit | kind | person | detail | action |",
        "{md}"
    );
    assert!(lines[1].starts_with("|---:|"), "{md}");
    assert_eq!(
        lines[2],
        "| 1 | 10/05/2022 | tam-dai | late | Nguyễn Văn An | 35 min (arrived 08:05, due 07:30) |  |",
        "{md}"
    );
}

#[test]
fn output_file_gets_the_result_and_stdout_nothing() {
    let book = Logbook::new().binary();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    let expected = book.ok(&["list", "--format", "csv"]);
    let output = book.run(&["list", "--format", "csv", "-o", "tháng-5.csv"]);
    assert_eq!(
        (output.code, output.stdout.as_str(), output.stderr.as_str()),
        (0, "", ""),
        "{}",
        output.dump
    );
    assert_eq!(
        std::fs::read_to_string(book.path("tháng-5.csv")).unwrap(),
        expected
    );
    // Written again, the file is replaced.
    let header_only = book.ok(&["list", "--format", "csv", "--kind", "absent"]);
    assert_eq!(header_only.lines().count(), 1, "{header_only}");
    book.ok(&[
        "list",
        "--format",
        "csv",
        "--output",
        "tháng-5.csv",
        "--kind",
        "absent",
    ]);
    assert_eq!(
        std::fs::read_to_string(book.path("tháng-5.csv")).unwrap(),
        header_only
    );
}

#[test]
fn a_failed_command_leaves_no_output_file() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let before = book.snapshot();
    book.fails(&["list", "--month", "13/2022", "-o", "out.csv"], 1);
    assert!(!book.path("out.csv").exists());
    book.assert_unchanged(&before);
}

/// Log findings whose descriptions make `list` print far more than a pipe holds.
fn with_a_long_list() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    let long = "x".repeat(60_000);
    for _ in 0..4 {
        book.ok(&["other", &long]);
    }
    book
}

/// Run `args` with stdout to a pipe, read one line, close the pipe and wait:
/// `spotcheck … | head -1`. Returns the exit code and stderr.
fn read_one_line_then_close(book: &Logbook, args: &[&str]) -> (i32, String) {
    let mut child = book
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawning spotcheck");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("reading the first line");
    assert!(!first.is_empty(), "no output before the pipe closed");
    // The reader is dropped here, closing the pipe while spotcheck still writes.
    let output = child.wait_with_output().expect("waiting for spotcheck");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_a_table_quietly() {
    let book = with_a_long_list();
    assert_eq!(
        read_one_line_then_close(&book, &["list"]),
        (0, String::new())
    );
}

#[test]
fn a_closed_pipe_ends_json_quietly() {
    let book = with_a_long_list();
    assert_eq!(
        read_one_line_then_close(&book, &["list", "--format", "json"]),
        (0, String::new())
    );
}

#[test]
fn a_closed_pipe_ends_csv_quietly() {
    let book = with_a_long_list();
    assert_eq!(
        read_one_line_then_close(&book, &["list", "--format", "csv"]),
        (0, String::new())
    );
}

#[test]
fn csv_rows_of_units_and_people_use_plain_keys() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    let units = csv_rows(&book.ok(&["unit", "list", "--format", "csv"]));
    assert_eq!(
        units,
        [
            ["code", "name", "kind", "morning_start", "afternoon_start"],
            ["tam-dai", "UBND xã Tam Đại", "commune", "", ""],
        ]
    );
    let people = csv_rows(&book.ok(&["person", "list", "--format", "csv"]));
    assert_eq!(
        people,
        [
            [
                "number",
                "name",
                "position",
                "unit_code",
                "retired_on",
                "status"
            ],
            ["1", "Đặng Quốc Huy", "", "tam-dai", "", ""],
        ]
    );
}

/// Every command's path, as `spotcheck-report-month`, from the definitions.
fn command_pages(command: &clap::Command, prefix: &str, pages: &mut Vec<String>) {
    let name = if prefix.is_empty() {
        command.get_name().to_string()
    } else {
        format!("{prefix}-{}", command.get_name())
    };
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        command_pages(sub, &name, pages);
    }
    pages.push(format!("{name}.1"));
}

#[test]
fn man_writes_a_page_for_every_command() {
    let book = Logbook::new();
    let dir = book.path("man/man1");
    let said = book.ok(&["man", dir.to_str().unwrap()]);
    let mut expected = Vec::new();
    command_pages(
        &<spotcheck::cli::Cli as clap::CommandFactory>::command(),
        "",
        &mut expected,
    );
    expected.sort();
    let mut written: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, expected);
    assert_eq!(
        said,
        format!(
            "wrote {} manual pages to {}; read one with `man -l {}`\n",
            expected.len(),
            dir.display(),
            dir.join("spotcheck.1").display()
        )
    );
    let late = std::fs::read_to_string(dir.join("spotcheck-late.1")).unwrap();
    assert!(
        late.starts_with(".ie") || late.contains(".TH spotcheck-late 1"),
        "{late}"
    );
    assert!(late.contains("Log a person arriving late"), "{late}");
    // No logbook was needed, and none was made.
    assert!(!book.db().exists());
}

#[test]
fn completions_are_generated_for_every_shell() {
    let book = Logbook::new().binary();
    let program = env!("CARGO_BIN_EXE_spotcheck");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = book.ok(&["completions", shell]);
        // Each script registers spotcheck and calls this binary back.
        for word in ["spotcheck", "COMPLETE", program] {
            assert!(script.contains(word), "{shell} lacks {word}:\n{script}");
        }
    }
    assert!(!book.db().exists());
}

/// What the shell gets back when it asks for the candidates of `words` (as
/// typed after `spotcheck`), in fish's format: `value<TAB>description`.
fn candidates(book: &Logbook, words: &[&str]) -> String {
    let mut command = book.wrapper(env!("CARGO_BIN_EXE_spotcheck"));
    command
        .env("COMPLETE", "fish")
        .args(["--", "spotcheck"])
        .args(words);
    let output = command.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn unit_codes_complete_from_the_logbook() {
    let book = Logbook::new();
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&[
        "unit",
        "add",
        "tam-dan",
        "UBND xã Tam Đàn",
        "--kind",
        "commune",
    ]);
    book.ok(&["unit", "add", "noi-vu", "Phòng Nội vụ", "--kind", "office"]);
    let db = book.db().to_str().unwrap();
    assert_eq!(
        candidates(&book, &["--db", db, "visit", "start", "tam"]),
        "tam-dai\tUBND xã Tam Đại\ntam-dan\tUBND xã Tam Đàn\n"
    );
    // A part of the name, typed without accents, finds the unit too.
    assert_eq!(
        candidates(&book, &["--db", db, "list", "--unit", "noi vu"]),
        "noi-vu\tPhòng Nội vụ\n"
    );
    // Another logbook, or none at all: nothing offered, nothing made.
    let elsewhere = book.path("elsewhere.db");
    assert_eq!(
        candidates(
            &book,
            &["--db", elsewhere.to_str().unwrap(), "visit", "start", "tam"]
        ),
        ""
    );
    assert!(!elsewhere.exists());
    // Commands complete as before.
    assert!(
        candidates(&book, &["--db", db, "rep"]).starts_with("report\t"),
        "{}",
        candidates(&book, &["--db", db, "rep"])
    );
}

#[test]
fn spotcheck_alone_says_where_things_stand_and_what_to_type_next() {
    let book = Logbook::new();
    // Before there is a logbook: how to start, and no file made.
    let fresh = json(&book.ok(&["--format", "json"]));
    assert_eq!(fresh["logbook"], "not-made");
    assert_eq!(fresh["current_visit"], serde_json::Value::Null);
    // People read it in sentences; scripts get the same JSON in any language.
    let table = book.ok(&[]);
    assert!(
        table.contains("not made yet") && table.contains("(makes the logbook)"),
        "{table}"
    );
    assert_eq!(json(&book.ok(&["--lang", "vi", "--format", "json"])), fresh);
    assert!(
        fresh["next"]
            .as_str()
            .unwrap()
            .starts_with("spotcheck unit add CODE NAME"),
        "{fresh}"
    );
    assert!(!book.db().exists());

    // Units but no visit under way: start one.
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    let idle = json(&book.ok(&["status", "--format", "json"]));
    assert_eq!(
        idle["next"],
        "spotcheck visit start UNIT\nspotcheck list --month this\nspotcheck report month last"
    );

    // During a visit: the visit, today's findings, and what to log.
    book.ok(&["visit", "start", "tam-dai"]);
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "12"]);
    let busy = json(&book.ok(&["status", "--format", "json"]));
    assert_eq!(busy["current_visit"], 1);
    assert_eq!(
        json(&book.ok(&["--lang", "vi", "status", "--format", "json"])),
        busy
    );
    assert!(
        book.ok(&["status"])
            .contains("#1 UBND xã Tam Đại (tam-dai), since 10/05/2022 07:35, 1 finding"),
        "the sentence for people"
    );
    assert_eq!(busy["findings_today"], 1);
    assert_eq!(
        busy["next"],
        "spotcheck late NAME --arrived 7h45\nspotcheck absent NAME\nspotcheck visit end"
    );
    let table = book.ok(&[]);
    assert!(
        table.contains("Nguyễn Văn An") && table.contains("12 min"),
        "{table}"
    );
    // Yesterday's findings are not today's.
    let tomorrow = book.run_at("2022-05-11T08:00", &["status", "--format", "json"]);
    assert_eq!(json(&tomorrow.stdout)["findings_today"], 0);
}

/// Split a line as a shell would for these examples: spaces, and double
/// quotes around words with spaces; a redirection ends the command.
fn shell_words(line: &str) -> Vec<String> {
    let line = line.split(" > ").next().unwrap();
    let (mut words, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

fn walk(command: &clap::Command, path: &str, found: &mut Vec<(String, String)>) {
    let help = command
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    found.push((path.to_string(), help));
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        walk(sub, &format!("{path} {}", sub.get_name()), found);
    }
}

#[test]
fn every_command_has_an_example_and_every_example_parses() {
    let mut found = Vec::new();
    walk(
        &<spotcheck::cli::Cli as clap::CommandFactory>::command(),
        "spotcheck",
        &mut found,
    );
    let mut examples = 0;
    for (path, help) in &found {
        let lines: Vec<&str> = help
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("spotcheck"))
            .collect();
        assert!(!lines.is_empty(), "`{path} --help` has no example");
        for line in lines {
            let words = shell_words(line);
            if let Err(e) = <spotcheck::cli::Cli as clap::Parser>::try_parse_from(&words) {
                panic!("the example `{line}` of `{path}` does not parse: {e}");
            }
            examples += 1;
        }
    }
    assert!(examples >= found.len());
    // And people see them.
    let book = Logbook::new();
    let help = book.ok(&["late", "--help"]);
    assert!(
        help.ends_with(
            "Examples:\n  spotcheck late \"Nguyễn Văn An\" --arrived 8h05\n  \
             spotcheck late \"Trần Thị Bình\" --minutes 20 --action reminded\n"
        ),
        "{help}"
    );
}

/// Run spotcheck on a pseudo-terminal (through util-linux `script`), as a
/// person at a terminal would; what it printed there.
fn on_a_terminal(book: &Logbook, args: &[&str], env: &[(&str, &str)]) -> String {
    let quoted: Vec<String> = book
        .command_line(args)
        .iter()
        .map(|a| format!("'{}'", a.to_string_lossy().replace('\'', "'\\''")))
        .collect();
    let mut command = book.wrapper("script");
    command.args(["-qec", &quoted.join(" "), "/dev/null"]);
    command.envs(env.iter().copied());
    let output = command.output().expect("running util-linux `script`");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn colour_only_on_a_terminal_without_no_color_or_when_asked() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "12"]);
    let report = ["report", "month", "2022-05"];
    let escape = '\u{1b}';
    // Through a pipe, as every other test runs: plain text.
    for args in [&report[..], &["list"], &["status"]] {
        assert!(!book.ok(args).contains(escape), "{args:?}");
    }
    // On a terminal: headings and totals in bold...
    let coloured = on_a_terminal(&book, &report, &[]);
    assert!(
        coloured.contains("\u{1b}[1mMonthly report 2022-05"),
        "{coloured}"
    );
    assert!(coloured.contains("\u{1b}[1m TOTAL"), "{coloured}");
    // ...unless NO_COLOR is set or --color never is given.
    assert!(!on_a_terminal(&book, &report, &[("NO_COLOR", "1")]).contains(escape));
    let never = ["report", "month", "2022-05", "--color", "never"];
    assert!(!on_a_terminal(&book, &never, &[]).contains(escape));
    // An explicit --color always wins, even through a pipe or with NO_COLOR.
    let always = book.run_with(
        &["report", "month", "2022-05", "--color", "always"],
        &[("NO_COLOR", "1")],
    );
    assert!(always.stdout.contains("\u{1b}[1m"), "{}", always.dump);
    // CSV and JSON never carry colour.
    for format in ["csv", "json"] {
        let plain = book.ok(&[
            "report", "month", "2022-05", "--format", format, "--color", "always",
        ]);
        assert!(!plain.contains(escape), "{format}");
    }
}

#[test]
fn a_long_import_shows_progress_on_a_terminal_and_nothing_on_a_pipe() {
    let book = Logbook::new().binary();
    book.visit_tam_dai();
    let visit = book
        .ok(&["export", "visits"])
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    // Over 1 MB: long enough to be worth a bar.
    let mut csv = String::from("visit_uid,kind,description\n");
    for n in 0..4_000 {
        csv.push_str(&format!(
            "{visit},other,\"Sổ theo dõi hồ sơ số {n} chưa ghi ngày trả kết quả cho công dân; \
             bộ phận một cửa chưa cập nhật phần mềm một cửa điện tử, chưa lập phiếu xin lỗi và \
             hẹn lại ngày trả kết quả theo quy định\"\n"
        ));
    }
    assert!(csv.len() > 1 << 20);
    let file = book.path("many.csv");
    std::fs::write(&file, &csv).unwrap();
    let piped = book.run(&["import", "findings", file.to_str().unwrap()]);
    assert_eq!(piped.code, 0, "{}", piped.dump);
    assert_eq!(piped.stderr, "", "no progress through a pipe");
    let export = book.run(&["export", "findings", "-o", "out.csv"]);
    assert_eq!((export.code, export.stderr.as_str()), (0, ""));

    let again = book.path("again.csv");
    std::fs::write(&again, csv.replace("chưa ghi", "vẫn chưa ghi")).unwrap();
    // indicatif draws only for a terminal it knows (TERM set, not `dumb`).
    let seen = on_a_terminal(
        &book,
        &["import", "findings", again.to_str().unwrap()],
        &[("TERM", "xterm")],
    );
    assert!(seen.contains("importing findings ["), "{seen}");
    assert!(seen.contains("imported findings from"), "{seen}");
}

#[test]
fn add_without_a_terminal_says_which_command_to_type_instead() {
    let book = Logbook::new();
    book.visit_tam_dai();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["add"], 2),
        "error: `spotcheck add` asks its questions on a terminal; without one, give the finding \
         as a command: `spotcheck late NAME --arrived 8h05`, `spotcheck absent NAME`, \
         `spotcheck overdue REF --due DATE` or `spotcheck other TEXT`\n"
    );
    book.assert_unchanged(&before);
}
