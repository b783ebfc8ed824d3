//! Every mistake a user can make at the keyboard: the exact message, the exit
//! code (1 for a runtime error, 2 for a usage error) and a logbook left exactly
//! as it was.

use crate::support::Logbook;

/// A logbook with UBND xã Tam Đại and UBND xã Tam Đàn, a current visit at
/// Tam Đại on 10/05/2022, and one finding.
fn field_logbook() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&[
        "unit",
        "add",
        "tam-dan",
        "UBND xã Tam Đàn",
        "--kind",
        "commune",
    ]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book
}

/// Run `args`, expect `code` and exactly `message` on stderr, and prove the
/// logbook and its directory unchanged.
fn refused(book: &Logbook, args: &[&str], code: i32, message: &str) {
    let before = book.snapshot();
    let stderr = book.fails(args, code);
    assert_eq!(
        stderr,
        message,
        "the message of `spotcheck {}`",
        args.join(" ")
    );
    book.assert_unchanged(&before);
}

#[test]
fn an_impossible_date() {
    refused(
        &field_logbook(),
        &["overdue", "HS-1", "--due", "31/02/2022"],
        1,
        "error: invalid date `31/02/2022`: February 2022 has no day 31\n",
    );
}

#[test]
fn a_month_first_date() {
    refused(
        &field_logbook(),
        &["overdue", "HS-1", "--due", "05/13/2022"],
        1,
        "error: invalid date `05/13/2022`: there is no month 13; dates are day first, as in `10/05/2022`\n",
    );
}

#[test]
fn something_that_is_not_a_date() {
    refused(
        &field_logbook(),
        &["overdue", "HS-1", "--due", "tomorrow"],
        1,
        "error: invalid date `tomorrow`: type a date as `10/05/2022`, `2022-05-10`, `today` or `yesterday`\n",
    );
}

#[test]
fn a_time_out_of_range() {
    let book = field_logbook();
    for typed in ["25:61", "7h99"] {
        refused(
            &book,
            &["late", "Trần Thị Bình", "--arrived", typed],
            1,
            &format!(
                "error: invalid time `{typed}`: hours go from 0 to 23 and minutes from 0 to 59\n"
            ),
        );
    }
}

#[test]
fn something_that_is_not_a_time() {
    refused(
        &field_logbook(),
        &["late", "Trần Thị Bình", "--arrived", "8.05"],
        1,
        "error: invalid time `8.05`: type a time as `07:45`, `7:45`, `7h45` or `7h`\n",
    );
}

#[test]
fn a_visit_time_out_of_range() {
    refused(
        &field_logbook(),
        &["visit", "start", "tam-dan", "--at", "10/05/2022 25:61"],
        1,
        "error: invalid time `25:61`: hours go from 0 to 23 and minutes from 0 to 59\n",
    );
}

#[test]
fn a_month_that_does_not_exist() {
    refused(
        &field_logbook(),
        &["list", "--month", "13/2022"],
        1,
        "error: invalid month `13/2022`: there is no month 13\n",
    );
}

#[test]
fn a_period_that_ends_before_it_starts() {
    refused(
        &field_logbook(),
        &["list", "--from", "10/05/2022", "--to", "1/5/2022"],
        1,
        "error: `--from 10/05/2022` is after `--to 01/05/2022`: the first day comes first\n",
    );
}

#[test]
fn an_unknown_unit() {
    refused(
        &field_logbook(),
        &["visit", "start", "phu thinh"],
        1,
        "error: no unit matches `phu thinh`: see `spotcheck unit list`, \
         or add it with `spotcheck unit add CODE NAME`\n",
    );
}

#[test]
fn an_ambiguous_unit_lists_the_candidates() {
    refused(
        &field_logbook(),
        &["visit", "start", "tam da"],
        1,
        "error: `tam da` matches 2 units: tam-dai (UBND xã Tam Đại), tam-dan (UBND xã Tam Đàn); \
         type the code\n",
    );
}

#[test]
fn a_unit_code_that_is_taken() {
    refused(
        &field_logbook(),
        &["unit", "add", "tam-dai", "UBND xã Tam Đại mới"],
        1,
        "error: unit `tam-dai` already exists: change it with `spotcheck unit edit tam-dai`\n",
    );
}

#[test]
fn a_finding_without_a_current_visit_shows_the_line_to_type() {
    let book = field_logbook();
    book.ok(&["visit", "end", "--at", "10/05/2022 09:00"]);
    for args in [
        &["late", "Trần Thị Bình", "--arrived", "8h05"][..],
        &["absent", "Trần Thị Bình"],
        &["overdue", "HS-1", "--due", "05/05/2022"],
        &["other", "Không đeo thẻ"],
    ] {
        refused(
            &book,
            args,
            1,
            "error: no current visit: start one with `spotcheck visit start UNIT`, \
             or name one with `--visit ID`\n",
        );
    }
}

#[test]
fn an_arrival_before_the_start_is_not_late() {
    let book = field_logbook();
    for (typed, shown) in [("7h20", "07:20"), ("7:30", "07:30")] {
        refused(
            &book,
            &["late", "Trần Thị Bình", "--arrived", typed],
            1,
            &format!(
                "error: arrival `{shown}` is not after the start `07:30`: not late; \
                 if the start was different, give it with `--expected`\n"
            ),
        );
    }
}

#[test]
fn zero_minutes_is_not_late() {
    refused(
        &field_logbook(),
        &["late", "Trần Thị Bình", "--minutes", "0"],
        1,
        "error: `--minutes 0` is not late: give the minutes after the start, as `--minutes 20`\n",
    );
}

#[test]
fn late_needs_an_arrival_or_minutes_but_not_both() {
    let book = field_logbook();
    let before = book.snapshot();
    let neither = book.fails(&["late", "Trần Thị Bình"], 2);
    assert!(
        neither.starts_with(
            "error: the following required arguments were not provided:\n  --arrived <TIME>\n"
        ),
        "{neither}"
    );
    let both = book.fails(
        &[
            "late",
            "Trần Thị Bình",
            "--arrived",
            "8h",
            "--minutes",
            "30",
        ],
        2,
    );
    assert!(
        both.starts_with(
            "error: the argument '--arrived <TIME>' cannot be used with '--minutes <N>'\n"
        ),
        "{both}"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_file_promised_after_the_visit_is_not_overdue() {
    let book = field_logbook();
    for (due, shown) in [("12/05/2022", "12/05/2022"), ("today", "10/05/2022")] {
        refused(
            &book,
            &["overdue", "HS-1", "--due", due],
            1,
            &format!(
                "error: file `HS-1` is not overdue: promised {shown}, checked 10/05/2022; check the promised date (`--due`)\n"
            ),
        );
    }
}

#[test]
fn a_file_returned_by_its_promised_date_is_not_overdue() {
    refused(
        &field_logbook(),
        &[
            "overdue",
            "HS-1",
            "--due",
            "05/05/2022",
            "--returned",
            "04/05/2022",
        ],
        1,
        "error: file `HS-1` is not overdue: promised 05/05/2022, returned 04/05/2022; check the promised date (`--due`)\n",
    );
}

#[test]
fn a_file_received_after_its_promised_date() {
    refused(
        &field_logbook(),
        &[
            "overdue",
            "HS-1",
            "--due",
            "05/05/2022",
            "--received",
            "06/05/2022",
        ],
        1,
        "error: received `06/05/2022` is after the promised date `05/05/2022`: \
         check `--received` and `--due`\n",
    );
}

#[test]
fn more_present_than_on_the_roll() {
    refused(
        &field_logbook(),
        &[
            "visit",
            "start",
            "tam-dan",
            "--on-roll",
            "20",
            "--present",
            "22",
        ],
        1,
        "error: `--present 22` is more than `--on-roll 20`: check the two counts\n",
    );
}

#[test]
fn a_visit_that_ends_before_it_started() {
    refused(
        &field_logbook(),
        &["visit", "end", "--at", "10/05/2022 07:00"],
        1,
        "error: the end `10/05/2022 07:00` is before the visit started (10/05/2022 07:35): \
         give the end with `--at`\n",
    );
}

#[test]
fn ending_a_visit_when_none_is_current() {
    let book = field_logbook();
    book.ok(&["visit", "end"]);
    refused(
        &book,
        &["visit", "end"],
        1,
        "error: no current visit to end: name one with `--visit ID` (see `spotcheck visit list`)\n",
    );
}

#[test]
fn void_without_a_reason_is_a_usage_error() {
    refused(
        &field_logbook(),
        &["void", "1"],
        2,
        "error: the following required arguments were not provided:\n  --reason <REASON>\n\n\
         Usage: spotcheck void --reason <REASON> <ID>\n\nFor more information, try '--help'.\n",
    );
}

#[test]
fn void_with_a_blank_reason_is_a_usage_error() {
    refused(
        &field_logbook(),
        &["void", "1", "--reason", "  "],
        2,
        "error: say why the finding is void, as `--reason \"logged twice\"`\n",
    );
}

#[test]
fn an_unknown_finding_number() {
    let book = field_logbook();
    refused(
        &book,
        &["show", "99"],
        1,
        "error: no finding `99`: see `spotcheck list`\n",
    );
    refused(
        &book,
        &["void", "#99", "--reason", "ghi trùng"],
        1,
        "error: no finding `#99`: see `spotcheck list`\n",
    );
    refused(
        &book,
        &["edit", "99", "--minutes", "5"],
        1,
        "error: no finding `99`: see `spotcheck list`\n",
    );
}

#[test]
fn an_unknown_visit_number() {
    refused(
        &field_logbook(),
        &["late", "Trần Thị Bình", "--minutes", "5", "--visit", "9"],
        1,
        "error: no visit `9`: see `spotcheck visit list`\n",
    );
}

#[test]
fn something_that_is_not_an_id() {
    refused(
        &field_logbook(),
        &["show", "abc"],
        1,
        "error: invalid id `abc`: type a number such as `12` or `#12`, or at least 8 hex digits of a uid\n",
    );
}

#[test]
fn a_flag_of_another_kind_of_finding_is_a_usage_error() {
    refused(
        &field_logbook(),
        &["edit", "1", "--due", "05/05/2022"],
        2,
        "error: `--due` does not apply to a late finding (#1)\n",
    );
}

#[test]
fn a_flag_of_another_kind_of_finding_names_the_kind_with_the_right_article() {
    let book = field_logbook();
    book.ok(&["overdue", "HS-1", "--due", "05/05/2022"]);
    refused(
        &book,
        &["edit", "2", "--person", "Trần Thị Bình"],
        2,
        "error: `--person` does not apply to an overdue finding (#2)\n",
    );
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let book = field_logbook();
    let before = book.snapshot();
    let stderr = book.fails(&["list", "--kind", "lateness"], 2);
    assert!(
        stderr.starts_with("error: invalid value 'lateness' for '--kind <KIND>'\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("[possible values: late, absent, overdue, other, task, early]"),
        "{stderr}"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_clock_that_is_not_a_date_time() {
    let book = field_logbook();
    let before = book.snapshot();
    let output = book.run_at("10/05/2022 07:35", &["absent", "Trần Thị Bình"]);
    assert_eq!(output.code, 1, "{}", output.dump);
    assert_eq!(
        output.stderr,
        "error: SPOTCHECK_NOW `10/05/2022 07:35` is not a local date-time: set it as `2022-05-10T08:00`\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_missing_logbook_directory_is_not_created() {
    let book = Logbook::new();
    let missing = book.path("no-such-dir");
    let db = missing.join("logbook.db");
    let book = book.with_db(&db);
    let before = book.snapshot();
    for args in [
        &["init"][..],
        &["unit", "add", "tam-dai", "UBND xã Tam Đại"],
    ] {
        assert_eq!(
            book.fails(args, 1),
            format!(
                "error: logbook `{}`: cannot be created: the directory `{}` does not exist; \
                 create it first or name another `--db` file\n",
                db.display(),
                missing.display()
            )
        );
    }
    assert!(!missing.exists());
    book.assert_unchanged(&before);
}

#[test]
fn a_read_of_a_missing_logbook_creates_nothing() {
    let book = Logbook::new();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["list"], 1),
        format!(
            "error: logbook `{}`: does not exist: create it with `spotcheck init`, \
             then add a unit with `spotcheck unit add CODE NAME`\n",
            book.db().display()
        )
    );
    assert!(!book.db().exists());
    book.assert_unchanged(&before);
}

#[test]
fn a_text_file_is_not_a_logbook() {
    let book = Logbook::new();
    let notes = book.path("notes.txt");
    std::fs::write(&notes, "Biên bản kiểm tra ngày 10/05/2022\n").unwrap();
    let book = book.with_db(&notes);
    let message = format!(
        "error: logbook `{}`: is not a spotcheck logbook (not an SQLite database); \
         name a logbook with `--db`\n",
        notes.display()
    );
    refused(&book, &["list"], 1, &message);
    refused(&book, &["init"], 1, &message);
    refused(
        &book,
        &["unit", "add", "tam-dai", "UBND xã Tam Đại"],
        1,
        &message,
    );
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "Biên bản kiểm tra ngày 10/05/2022\n"
    );
}

#[test]
fn an_empty_file_is_not_a_logbook() {
    let book = Logbook::new();
    let empty = book.path("empty.db");
    std::fs::write(&empty, "").unwrap();
    let book = book.with_db(&empty);
    refused(
        &book,
        &["list"],
        1,
        &format!(
            "error: logbook `{}`: is an empty file, not a spotcheck logbook; \
             name a logbook with `--db`\n",
            empty.display()
        ),
    );
}

#[test]
fn a_directory_is_not_a_logbook() {
    let book = Logbook::new();
    let dir = book.path("records");
    std::fs::create_dir(&dir).unwrap();
    let book = book.with_db(&dir);
    refused(
        &book,
        &["init"],
        1,
        &format!(
            "error: logbook `{}`: is a directory: name a file, as in `--db inspections.db`\n",
            dir.display()
        ),
    );
}

/// A logbook whose `--db` is an SQLite file made by another program with `sql`.
fn foreign_sqlite(sql: &str) -> Logbook {
    let book = Logbook::new();
    let path = book.path("other.sqlite");
    rusqlite::Connection::open(&path)
        .and_then(|conn| conn.execute_batch(sql))
        .expect("making an SQLite file");
    book.with_db(path)
}

#[test]
fn an_sqlite_file_without_an_application_id_is_not_a_logbook() {
    let book = foreign_sqlite("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');");
    refused(
        &book,
        &["init"],
        1,
        &format!(
            "error: logbook `{}`: is an SQLite database but not a spotcheck logbook; \
             name a logbook with `--db`\n",
            book.db().display()
        ),
    );
}

#[test]
fn another_programs_sqlite_file_is_not_a_logbook() {
    let book = foreign_sqlite("PRAGMA application_id = 42; CREATE TABLE notes (text TEXT);");
    refused(
        &book,
        &["list"],
        1,
        &format!(
            "error: logbook `{}`: is an SQLite database of another program (application_id 0x2a), \
             not a spotcheck logbook\n",
            book.db().display()
        ),
    );
}

#[test]
fn a_config_file_with_a_syntax_error_names_the_line() {
    let book = field_logbook().config("# spotcheck\ninspector = Lê Thị Hoa\n");
    let config = book.home().join("config.toml");
    refused(
        &book,
        &["absent", "Trần Thị Bình"],
        1,
        &format!(
            "error: config file `{}`: line 2, column 13: string values must be quoted, \
             expected literal string\n",
            config.display()
        ),
    );
}

#[test]
fn a_config_file_with_an_unknown_setting_names_the_line() {
    let book = field_logbook().config("inspector = \"Lê Thị Hoa\"\nholiday = [\"2022-05-02\"]\n");
    let config = book.home().join("config.toml");
    refused(
        &book,
        &["list"],
        1,
        &format!(
            "error: config file `{}`: line 2, column 1: unknown field `holiday`, expected one of \
             `db`, `inspector`, `period_start_day`, `repeat_months`, `unexcused_days_month`, \
             `unexcused_days_year`, `lang`, `holidays`, `extra_working_days`, \
             `replace_builtin_years`, `hours`, `summer`, `season`, `report`, `team`, `server`, `plaintext_outputs`\n",
            config.display()
        ),
    );
}

#[test]
fn a_config_file_with_a_bad_value_names_the_line_and_the_value() {
    let book = field_logbook().config("[hours]\nmorning = \"7h30\"\nafternoon = \"25:61\"\n");
    let config = book.home().join("config.toml");
    refused(
        &book,
        &["list"],
        1,
        &format!(
            "error: config file `{}`: line 3, column 13: invalid time `25:61`: \
             hours go from 0 to 23 and minutes from 0 to 59\n",
            config.display()
        ),
    );
}

#[test]
fn a_config_file_named_on_the_command_line_must_exist() {
    let book = field_logbook();
    let missing = book.path("missing.toml");
    let before = book.snapshot();
    let stderr = book.fails(&["--config", missing.to_str().unwrap(), "list"], 1);
    assert!(
        stderr.starts_with(&format!(
            "error: config file `{}`: cannot be read: ",
            missing.display()
        )),
        "{stderr}"
    );
    book.assert_unchanged(&before);
}

#[test]
fn an_impossible_holiday_in_the_config_file() {
    let book = field_logbook().config("holidays = [\"2022-05-02\", \"31/04/2022\"]\n");
    let config = book.home().join("config.toml");
    refused(
        &book,
        &["overdue", "HS-1", "--due", "05/05/2022"],
        1,
        &format!(
            "error: config file `{}`: line 1, column 27: invalid holiday `31/04/2022`: \
             write holidays as `2022-05-02` or `02/05/2022`\n",
            config.display()
        ),
    );
}

#[test]
fn a_unit_import_with_a_bad_line_imports_nothing() {
    let book = field_logbook().binary();
    std::fs::write(
        book.path("units.csv"),
        "code,name,kind\nphu-thinh,UBND thị trấn Phú Thịnh,commune\nnoi-vu,Phòng Nội vụ,ministry\n",
    )
    .unwrap();
    refused(
        &book,
        &["unit", "import", "units.csv"],
        1,
        "error: units.csv:3: column kind: unknown unit kind `ministry`: \
         type one of commune, ward, special-zone, town, office, department, agency, \
         service-centre, reception-point, school, health, other\n",
    );
}

#[test]
fn an_impossible_date_in_vietnamese() {
    refused(
        &field_logbook(),
        &["--lang", "vi", "overdue", "HS-1", "--due", "31/02/2022"],
        1,
        "lỗi: ngày không hợp lệ `31/02/2022`: tháng 2 năm 2022 không có ngày 31\n",
    );
}

#[test]
fn a_config_file_with_a_bad_value_in_vietnamese() {
    let book = field_logbook().config("[hours]\nmorning = \"7h30\"\nafternoon = \"25:61\"\n");
    let config = book.home().join("config.toml");
    refused(
        &book,
        &["list", "--lang", "vi"],
        1,
        &format!(
            "lỗi: tệp cấu hình `{}`: dòng 3, cột 13: giờ không hợp lệ `25:61`: \
             giờ từ 0 đến 23, phút từ 0 đến 59\n",
            config.display()
        ),
    );
}

#[test]
fn a_clock_that_is_not_a_date_time_in_vietnamese() {
    let book = field_logbook();
    let before = book.snapshot();
    let output = book.run_at(
        "10/05/2022 07:35",
        &["--lang", "vi", "absent", "Trần Thị Bình"],
    );
    assert_eq!(output.code, 1, "{}", output.dump);
    assert_eq!(
        output.stderr,
        "lỗi: SPOTCHECK_NOW `10/05/2022 07:35` không phải ngày giờ địa phương: \
         hãy đặt theo dạng `2022-05-10T08:00`\n"
    );
    book.assert_unchanged(&before);
}
