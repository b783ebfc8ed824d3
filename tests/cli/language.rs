//! The interface language: how it is chosen, what changes with it (what
//! people read) and what does not (what scripts read).

use std::path::PathBuf;

use crate::reports::{fixture, redact_seal};
use crate::support::{Logbook, json, table_rows};

/// `spotcheck config`'s `lang` row: (value, source).
fn lang_setting(book: &Logbook, args: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let mut args = args.to_vec();
    args.push("config");
    let output = book.run_with(&args, env);
    assert_eq!(output.code, 0, "{}", output.dump);
    let stdout = output.stdout;
    let row = table_rows(&stdout)
        .into_iter()
        .find(|row| row[0] == "lang")
        .unwrap_or_else(|| panic!("no lang row in\n{stdout}"));
    (row[1].clone(), row[2].clone())
}

fn pair(value: &str, source: &str) -> (String, String) {
    (value.to_string(), source.to_string())
}

#[test]
fn the_language_comes_from_the_flag_then_the_environment_then_the_config_then_the_locale() {
    let book = Logbook::new();
    assert_eq!(lang_setting(&book, &[], &[]), pair("en", "locale"));
    assert_eq!(
        lang_setting(&book, &[], &[("LANG", "vi_VN.UTF-8")]),
        pair("vi", "ngôn ngữ hệ thống")
    );
    // LC_ALL outranks LANG, as POSIX says.
    assert_eq!(
        lang_setting(
            &book,
            &[],
            &[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "en_US.UTF-8")]
        ),
        pair("en", "locale")
    );
    let book = book.config("lang = \"vi\"\n");
    assert_eq!(lang_setting(&book, &[], &[]), pair("vi", "tệp cấu hình"));
    assert_eq!(
        lang_setting(&book, &[], &[("SPOTCHECK_LANG", "en")]),
        pair("en", "environment SPOTCHECK_LANG")
    );
    assert_eq!(
        lang_setting(&book, &["--lang", "en"], &[("SPOTCHECK_LANG", "vi")]),
        pair("en", "flag --lang")
    );
}

#[test]
fn an_unknown_language_is_refused_with_what_to_write() {
    let book = Logbook::new();
    let output = book.run_with(&["list"], &[("SPOTCHECK_LANG", "fr")]);
    assert_eq!(output.code, 2, "{}", output.dump);
    assert_eq!(
        output.stderr,
        "error: SPOTCHECK_LANG `fr` is not a language spotcheck speaks: set it to `vi` or `en`\n"
    );
    let book = Logbook::new().config("lang = \"vn\"\n");
    let error = book.fails(&["list"], 1);
    assert!(
        error.ends_with(
            "line 1, column 8: lang `vn` is not a language spotcheck speaks: write `lang = \"vi\"` or `lang = \"en\"`\n"
        ),
        "{error}"
    );
}

#[test]
fn errors_are_told_in_vietnamese() {
    let book = fixture();
    let error = book.fails(&["--lang", "vi", "report", "repeat", "--min", "0"], 1);
    assert_eq!(
        error,
        "lỗi: `--min 0` sẽ liệt kê mọi người: hãy cho ít nhất `--min 1`\n"
    );
}

/// The expected output kept in `tests/fixtures/`; `SPOTCHECK_BLESS=1` writes
/// it anew from what the program printed (review the difference before
/// committing it).
fn compare_with_file(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    if std::env::var_os("SPOTCHECK_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(actual, expected, "\n{actual}");
}

#[test]
fn the_monthly_report_in_vietnamese_matches_the_expected_file() {
    let book = fixture();
    let table = book.ok(&["--lang", "vi", "report", "month", "2022-05"]);
    compare_with_file("report-month-2022-05.vi.txt", &redact_seal(&table));
    let md = book.ok(&[
        "--lang", "vi", "report", "month", "2022-05", "--format", "md",
    ]);
    compare_with_file("report-month-2022-05.vi.md", &redact_seal(&md));
}

#[test]
fn what_scripts_read_does_not_change_with_the_language() {
    let book = fixture();
    for args in [
        &["report", "month", "2022-05", "--format", "csv"][..],
        &["report", "month", "2022-05", "--format", "json"],
        &[
            "report",
            "repeat",
            "--as-of",
            "2022-05-31",
            "--format",
            "csv",
        ],
        &[
            "report", "trend", "--from", "2022-03", "--to", "2022-05", "--format", "json",
        ],
        &["list", "--month", "2022-05", "--format", "csv"],
        &["visit", "list", "--format", "json"],
        &["export", "findings"],
    ] {
        let english = redact_seal(&book.ok(args));
        let mut vietnamese = vec!["--lang", "vi"];
        vietnamese.extend(args);
        assert_eq!(redact_seal(&book.ok(&vietnamese)), english, "{args:?}");
    }
}

#[test]
fn a_visit_is_logged_in_vietnamese() {
    let book = Logbook::new()
        .env("SPOTCHECK_LANG", "vi")
        .now("2022-05-10T09:00");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    let started = book.run(&["visit", "start", "tam-dai", "--at", "10/05/2022 07:40"]);
    assert_eq!(
        started.stdout,
        "đã bắt đầu lượt kiểm tra #1 tại UBND xã Tam Đại, 10/05/2022 07:40 (đột xuất); \
         các phát hiện được ghi vào lượt này cho đến khi gõ `spotcheck visit end`\n"
    );
    let late = book.run(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    assert_eq!(
        late.stdout,
        "đã ghi #1 đi muộn: Nguyễn Văn An, UBND xã Tam Đại, 35 phút\n"
    );
    assert_eq!(
        late.stderr,
        "đã thêm Nguyễn Văn An vào danh sách cán bộ của UBND xã Tam Đại (cán bộ #1)\n"
    );
    let overdue = book.ok(&["overdue", "HS-0012", "--due", "05/05/2022"]);
    assert_eq!(
        overdue,
        "đã ghi #2 hồ sơ trễ hẹn: HS-0012: 5 ngày (3 ngày làm việc), UBND xã Tam Đại\n"
    );
    let ended = book.ok(&["visit", "end", "--at", "10/05/2022 09:15"]);
    assert_eq!(
        ended,
        "đã kết thúc lượt kiểm tra #1 tại UBND xã Tam Đại, 10/05/2022 07:40–09:15, 2 phát hiện\n"
    );
    // The findings of the visit are listed with the team's words, its start
    // and end as dd/mm/yyyy; CSV keeps ISO dates.
    let shown = book.ok(&["visit", "show", "1"]);
    assert!(
        shown.contains("┆ đi muộn ") && shown.contains("┆ hồ sơ trễ hẹn "),
        "{shown}"
    );
    assert!(
        shown.contains("35 phút (đến 08:05, giờ làm việc 07:30)"),
        "{shown}"
    );
    assert!(
        shown.contains("10/05/2022 07:40") && shown.contains("10/05/2022 09:15"),
        "{shown}"
    );
    let csv = book.ok(&["visit", "show", "1", "--format", "csv"]);
    assert!(csv.contains(",2022-05-10 07:40,2022-05-10 09:15,"), "{csv}");
    let error = book.fails(&["late", "Nguyễn Văn An", "--arrived", "8h05"], 1);
    assert!(error.starts_with("lỗi: "), "{error}");
}

#[test]
fn help_is_in_vietnamese_and_the_names_to_type_stay() {
    let book = Logbook::new();
    let help = book.ok(&["--lang", "vi", "visit", "start", "--help"]);
    for text in [
        "Cách dùng: spotcheck visit start [OPTIONS] <UNIT>",
        "Lượt kiểm tra có báo trước (mặc định: đột xuất)",
        "--announced",
        "Tùy chọn chung:",
        "Ví dụ:\n  spotcheck visit start tam-dai",
    ] {
        assert!(help.contains(text), "{text:?} not in\n{help}");
    }
    // The locale alone is enough, before any config file is read.
    let output = book.run_with(&["-h"], &[("LANG", "vi_VN.UTF-8")]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert!(
        output.stdout.contains("Lệnh:\n  status"),
        "{}",
        output.stdout
    );
    // English help is what it always was.
    let english = book.ok(&["visit", "start", "--help"]);
    assert!(
        english.contains("Usage: spotcheck visit start [OPTIONS] <UNIT>"),
        "{english}"
    );
}

#[test]
fn mistakes_on_the_command_line_are_told_in_vietnamese() {
    let book = Logbook::new();
    let output = book.run(&["--lang", "vi", "visit", "strat"]);
    assert_eq!(output.code, 2, "{}", output.dump);
    assert_eq!(
        output.stderr,
        "lỗi: không có lệnh 'strat'\n\n  gợi ý: có phải là 'start' không?\n\n\
         Cách dùng: spotcheck visit [OPTIONS] <COMMAND>\n\nGõ '--help' để xem thêm.\n"
    );
    let output = book.run_with(&["list", "--kind", "lat"], &[("SPOTCHECK_LANG", "vi")]);
    assert_eq!(output.code, 2, "{}", output.dump);
    assert!(
        output.stderr.starts_with(
            "lỗi: giá trị 'lat' không hợp lệ cho '--kind <KIND>'\n  [giá trị có thể dùng: late, absent, overdue, other, task, early]"
        ),
        "{}",
        output.stderr
    );
    // In English, clap's own words, as before.
    let english = book.fails(&["visit", "strat"], 2);
    assert!(
        english.starts_with("error: unrecognized subcommand 'strat'"),
        "{english}"
    );
    assert!(!book.db().exists(), "a mistake makes no logbook");
}

#[test]
fn dates_and_times_are_typed_in_vietnamese_words_too() {
    let book = Logbook::new().now("2026-05-13T09:00");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    let started = book.ok(&[
        "--lang",
        "vi",
        "visit",
        "start",
        "tam-dai",
        "--at",
        "hôm qua 7 giờ 30",
    ]);
    assert!(started.contains("12/05/2026 07:30"), "{started}");
    let late = json(&book.ok(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "7g45",
        "--format",
        "json",
    ]));
    assert_eq!(late["minutes_late"], 15);
    book.ok(&["visit", "end", "--at", "9 giờ 5 phút"]);
    let this = book.ok(&["report", "month", "tháng này", "--format", "csv"]);
    assert_eq!(
        this,
        book.ok(&["report", "month", "5/2026", "--format", "csv"])
    );
    let last = book.ok(&["report", "month", "tháng trước", "--format", "csv"]);
    assert_eq!(
        last,
        book.ok(&["report", "month", "4/2026", "--format", "csv"])
    );
    // A word it does not know is refused with the words it does.
    let refused = book.fails(&["--lang", "vi", "report", "month", "tháng sau"], 1);
    assert_eq!(
        refused,
        "lỗi: tháng không hợp lệ `tháng sau`: hãy nhập tháng theo dạng `05/2022`, `2022-05`, \
         `tháng này` hoặc `tháng trước`\n"
    );
}

#[test]
fn json_and_csv_are_the_same_in_either_language() {
    let book = Logbook::new().now("2026-05-20T10:00");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&["visit", "start", "tam-dai", "--at", "20/05/2026 07:30"]);
    book.ok(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "7:50",
        "--action",
        "reminded",
    ]);
    book.ok(&["absent", "Trần Thị Bình", "--excused", "sick"]);
    book.ok(&[
        "overdue",
        "HS-1",
        "--due",
        "15/05/2026",
        "--channel",
        "online",
    ]);
    book.ok(&[
        "other",
        "Không đeo thẻ",
        "--person",
        "Nguyễn Văn An",
        "--category",
        "badge",
    ]);
    book.ok(&[
        "task",
        "add",
        "tam-dai",
        "Rà soát hồ sơ",
        "--due",
        "10/05/2026",
    ]);
    book.ok(&["unfinished", "1"]);
    book.ok(&["edit", "1", "--note", "đã nhắc"]);
    book.ok(&["visit", "end", "--at", "09:00"]);
    let commands: &[&[&str]] = &[
        &["status"],
        &["list", "--month", "5/2026"],
        &["show", "1"],
        &["history"],
        &["visit", "list"],
        &["visit", "show", "1"],
        &["unit", "list"],
        &["person", "list"],
        &["task", "list"],
        &[
            "report",
            "month",
            "5/2026",
            "--categories",
            "--overdue-details",
            "--decisions",
        ],
        &["report", "quarter", "2026-Q2"],
        &["report", "repeat", "--min", "1"],
        &["report", "tasks", "5/2026"],
        &["report", "plan", "5/2026"],
        &["report", "trend", "--from", "3/2026", "--to", "5/2026"],
        &["conflicts"],
    ];
    for args in commands {
        let mut en = vec!["--lang", "en", "--format", "json"];
        en.extend_from_slice(args);
        let mut vi = vec!["--lang", "vi", "--format", "json"];
        vi.extend_from_slice(args);
        assert_eq!(
            json(&book.ok(&vi)),
            json(&book.ok(&en)),
            "`{}` differs in Vietnamese",
            args.join(" ")
        );
        // So is CSV, which scripts and spreadsheets read by its keys.
        let csv = |lang: &str| {
            let mut line = vec!["--lang", lang, "--format", "csv"];
            line.extend_from_slice(args);
            book.ok(&line)
        };
        assert_eq!(csv("vi"), csv("en"), "`{}` as CSV", args.join(" "));
    }
}

#[test]
fn the_history_is_read_in_the_reader_s_words_and_local_time_and_kept_as_is_for_scripts() {
    let book = Logbook::new()
        .now("2026-05-20T10:00")
        .env("TZ", "Asia/Ho_Chi_Minh");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&["visit", "start", "tam-dai", "--at", "20/05/2026 07:30"]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7:50"]);
    book.ok(&["edit", "1", "--arrived", "7:55", "--reason", "ghi nhầm giờ"]);
    let vi = book.ok(&["--lang", "vi", "history", "1"]);
    let edit_row = vi
        .lines()
        .find(|line| line.contains("ghi nhầm giờ"))
        .expect("the edit");
    for words in [
        "20/05/2026 10:00",
        "sửa",
        "phát hiện",
        "giờ đến: 07:50 → 07:55",
    ] {
        assert!(edit_row.contains(words), "{words}: {vi}");
    }
    let csv = crate::support::csv_records(&book.ok(&["history", "1", "--format", "csv"]));
    let edit = csv
        .iter()
        .find(|row| row["action"] == "edit")
        .expect("the edit");
    assert_eq!(edit["entity"], "finding");
    assert!(edit["at"].ends_with('Z'), "{edit:?}");
}

/// What a person reads in a Vietnamese table that is still the program's
/// English: a field key (`arrived_at`) or an ISO date (`2026-05-20`).
/// Allowed, as they are not words: unit codes (`tam-dai`), uids, numbers,
/// file names and the commands a table suggests (`spotcheck …`).
fn english_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines().filter(|line| !line.contains("spotcheck ")) {
        for word in line.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')) {
            let key = word.contains('_')
                && word.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && !word.starts_with('_');
            // A stamp (`2026-05-12T00:45:00.000Z`) begins with a date too.
            let iso = word.len() >= 10
                && word.chars().take(10).enumerate().all(|(i, c)| match i {
                    4 | 7 => c == '-',
                    _ => c.is_ascii_digit(),
                });
            if key || iso {
                found.push(format!("{word} in: {line}"));
            }
        }
    }
    found
}

#[test]
fn every_table_in_vietnamese_reads_without_english_keys_or_iso_dates() {
    let book = Logbook::new().now("2026-05-20T10:00");
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
        "tam-dai-hcc",
        "Trung tâm Phục vụ hành chính công xã Tam Đại",
        "--kind",
        "service-centre",
        "--parent",
        "tam-dai",
        "--week",
        "mon-fri,sat:am",
    ]);
    book.ok(&[
        "person",
        "add",
        "tam-dai",
        "Võ Thị Thu",
        "--position",
        "công chức văn phòng",
        "--status",
        "civil-servant",
    ]);
    book.ok(&[
        "plan", "set", "tam-dai", "--visits", "1", "--per", "month", "--from", "5/2026",
    ]);
    book.ok(&[
        "task",
        "add",
        "tam-dai",
        "Rà soát hồ sơ",
        "--due",
        "10/05/2026",
        "--assigned",
        "02/05/2026",
    ]);
    book.ok(&[
        "visit",
        "start",
        "tam-dai",
        "--at",
        "20/05/2026 07:30",
        "--files-checked",
        "12",
    ]);
    book.ok(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "7:50",
        "--action",
        "reminded",
    ]);
    book.ok(&["early", "Võ Thị Thu", "--left", "9:10", "--end", "11:30"]);
    book.ok(&["absent", "Trần Thị Bình", "--excused", "sick"]);
    book.ok(&[
        "overdue",
        "HS-1",
        "--due",
        "15/05/2026",
        "--channel",
        "online",
        "--apology-on",
        "14/05/2026",
        "--new-due",
        "22/05/2026",
        "--delay-stage",
        "approval",
    ]);
    book.ok(&[
        "other",
        "Không đeo thẻ",
        "--person",
        "Nguyễn Văn An",
        "--category",
        "badge",
    ]);
    book.ok(&["unfinished", "1"]);
    book.ok(&[
        "edit",
        "1",
        "--action",
        "discipline",
        "--discipline-form",
        "reprimand",
        "--decided-on",
        "20/05/2026",
        "--decision",
        "12/QĐ-UBND",
    ]);
    book.ok(&["visit", "end", "--at", "09:30"]);
    let commands: &[&[&str]] = &[
        &["status"],
        &["list", "--month", "5/2026"],
        &["show", "1"],
        &["show", "4"],
        &["history", "1"],
        &["visit", "list"],
        &["visit", "show", "1"],
        &["unit", "list"],
        &["person", "list"],
        &["task", "list"],
        &["task", "show", "1"],
        &["plan", "list"],
        &[
            "report",
            "month",
            "5/2026",
            "--categories",
            "--overdue-details",
            "--decisions",
            "--by-status",
        ],
        &["report", "month", "5/2026", "--by-parent"],
        &["report", "quarter", "2026-Q2"],
        &["report", "repeat", "--min", "1"],
        &["report", "tasks", "5/2026"],
        &["report", "plan", "5/2026"],
        &["report", "trend", "--from", "3/2026", "--to", "5/2026"],
    ];
    let mut english = Vec::new();
    for args in commands {
        let mut line = vec!["--lang", "vi"];
        line.extend_from_slice(args);
        for found in english_in(&book.ok(&line)) {
            english.push(format!("`{}`: {found}", args.join(" ")));
        }
    }
    assert!(english.is_empty(), "{}", english.join("\n"));
}
