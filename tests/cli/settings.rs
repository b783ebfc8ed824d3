//! `spotcheck config`: the effective settings and where each came from, from
//! flags, the environment, the config file and the defaults.

use crate::support::{INSPECTOR, Logbook, table_rows};

/// `spotcheck config` as (setting, value, source) rows.
fn settings(book: &Logbook) -> Vec<[String; 3]> {
    table_rows(&book.ok(&["config"]))
        .into_iter()
        .map(|row| {
            row.try_into()
                .unwrap_or_else(|row| panic!("not three cells: {row:?}"))
        })
        .collect()
}

fn row(setting: &str, value: &str, source: &str) -> [String; 3] {
    [setting.into(), value.into(), source.into()]
}

#[test]
fn config_shows_each_setting_with_its_source() {
    let book = Logbook::new().config(
        r#"inspector = "Phạm Minh Tuấn"
holidays = ["2022-05-02", "2022-09-02"]
period_start_day = 15
extra_working_days = ["07/03/2026"]
replace_builtin_years = [2025]

[hours]
morning = "07:15"
afternoon = "13:15"
afternoon_end = "17:15"

[summer]
from = "01/05"
to = "30/09"
morning = "07:00"
afternoon = "13:00"

[[season]]
from = "15/04/2026"
to = "2026-10-14"
morning = "07:00"
afternoon = "13:30"
morning_end = "11:00"

[team]
level = "province"
name = " Đoàn kiểm tra công vụ tỉnh "
governing_body = ""
recipients = ["Chủ tịch UBND tỉnh", "Giám đốc Sở Nội vụ", " "]
"#,
    );
    let config = book.home().join("config.toml");
    assert_eq!(
        settings(&book),
        [
            row("config_file", &config.display().to_string(), "found"),
            row("db", &book.db().display().to_string(), "flag --db"),
            row("inspector", INSPECTOR, "environment SPOTCHECK_BY"),
            row("hours.morning", "07:15", "config file"),
            row("hours.afternoon", "13:15", "config file"),
            row("hours.morning_end", "11:30", "default"),
            row("hours.afternoon_end", "17:15", "config file"),
            row(
                "summer",
                "01/05 – 30/09: 07:00–11:30 / 13:00–17:15",
                "config file"
            ),
            row(
                "season",
                "15/04/2026 – 14/10/2026: 07:00–11:00 / 13:30–17:15",
                "config file"
            ),
            row("holidays", "02/05/2022, 02/09/2022", "config file"),
            row("extra_working_days", "07/03/2026", "config file"),
            row("builtin_calendar", "2026", "config file"),
            row("period_start_day", "15", "config file"),
            row("repeat_months", "3", "default"),
            row("unexcused_days_month", "none", "default"),
            row("unexcused_days_year", "none", "default"),
            row("lang", "en", "locale"),
            row("team.level", "province", "config file"),
            row("team.name", "Đoàn kiểm tra công vụ tỉnh", "config file"),
            row("team.governing_body", "none", "default"),
            row(
                "team.recipients",
                "Chủ tịch UBND tỉnh; Giám đốc Sở Nội vụ",
                "config file"
            ),
            // A province's team is a đoàn unless it says otherwise.
            row("team.word", "đoàn", "default"),
            row("server.url", "none", "default"),
            row("plaintext_outputs", "false", "default"),
        ]
    );
}

// The XDG layout of the platform dirs is Linux-only.
#[cfg(target_os = "linux")]
#[test]
fn config_shows_the_defaults_when_nothing_is_set() {
    let book = Logbook::new()
        .without_db_flag()
        .without_env("SPOTCHECK_BY")
        .env("USER", "hoa");
    let home = book.home();
    assert_eq!(
        settings(&book),
        [
            row(
                "config_file",
                &home
                    .join(".config/spotcheck/config.toml")
                    .display()
                    .to_string(),
                "not found (defaults apply)",
            ),
            row(
                "db",
                &home
                    .join(".local/share/spotcheck/logbook.db")
                    .display()
                    .to_string(),
                "platform data dir",
            ),
            row("inspector", "hoa", "OS user"),
            row("hours.morning", "07:30", "default"),
            row("hours.afternoon", "13:30", "default"),
            row("hours.morning_end", "11:30", "default"),
            row("hours.afternoon_end", "17:30", "default"),
            row("summer", "none", "default"),
            row("season", "none", "default"),
            row("holidays", "none", "default"),
            row("extra_working_days", "none", "default"),
            row("builtin_calendar", "2025, 2026", "default"),
            row("period_start_day", "1", "default"),
            row("repeat_months", "3", "default"),
            row("unexcused_days_month", "none", "default"),
            row("unexcused_days_year", "none", "default"),
            row("lang", "en", "locale"),
            row("team.level", "none", "default"),
            row("team.name", "none", "default"),
            row("team.governing_body", "none", "default"),
            row("team.recipients", "none", "default"),
            row("team.word", "tổ", "default"),
            row("server.url", "none", "default"),
            row("plaintext_outputs", "false", "default"),
        ]
    );
}

// The XDG layout of the platform dirs is Linux-only.
#[cfg(target_os = "linux")]
#[test]
fn the_config_file_in_the_config_dir_of_home_is_read() {
    let book = Logbook::new().without_env("SPOTCHECK_BY");
    let dir = book.home().join(".config/spotcheck");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "inspector = \"Phạm Minh Tuấn\"\n").unwrap();
    let rows = settings(&book);
    assert_eq!(rows[0][2], "found", "{rows:?}");
    assert_eq!(rows[2], row("inspector", "Phạm Minh Tuấn", "config file"));
}

#[test]
fn the_writer_comes_from_the_flag_then_the_environment_then_the_config_file() {
    let book = Logbook::new().config("inspector = \"Phạm Minh Tuấn\"\n");
    let flag = table_rows(&book.ok(&["config", "--by", "Võ Thị Sáu"]));
    assert_eq!(flag[2], ["inspector", "Võ Thị Sáu", "flag --by"]);
    assert_eq!(
        settings(&book)[2],
        row("inspector", INSPECTOR, "environment SPOTCHECK_BY")
    );
    let book = book.without_env("SPOTCHECK_BY");
    assert_eq!(
        settings(&book)[2],
        row("inspector", "Phạm Minh Tuấn", "config file")
    );
}

#[test]
fn the_logbook_comes_from_the_flag_then_the_environment_then_the_config_file() {
    let book = Logbook::new()
        .without_db_flag()
        .config("db = \"from-config.db\"\n");
    let beside_config = book.home().join("from-config.db");
    assert_eq!(
        settings(&book)[1],
        row("db", &beside_config.display().to_string(), "config file")
    );
    let book = book.env("SPOTCHECK_DB", "from-env.db");
    assert_eq!(
        settings(&book)[1],
        row("db", "from-env.db", "environment SPOTCHECK_DB")
    );
    let flag = table_rows(&book.ok(&["config", "--db", "from-flag.db"]));
    assert_eq!(flag[1], ["db", "from-flag.db", "flag --db"]);
}

#[test]
fn a_logbook_under_home_in_the_config_file_is_found_there() {
    let book = Logbook::new().without_db_flag();
    // Away from home, so that `~/` and the config file's folder differ.
    let config = book.path("settings/spotcheck.toml");
    std::fs::create_dir_all(book.path("settings")).unwrap();
    std::fs::write(&config, "db = \"~/kiem-tra/logbook.db\"\n").unwrap();
    std::fs::create_dir_all(book.home().join("kiem-tra")).unwrap();
    let config = config.to_str().unwrap();
    let in_home = book.home().join("kiem-tra/logbook.db");
    let shown = table_rows(&book.ok(&["--config", config, "config"]));
    assert_eq!(
        shown[1],
        ["db", &in_home.display().to_string(), "config file"]
    );
    book.ok(&[
        "--config",
        config,
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    assert!(in_home.is_file());
    assert!(!book.path("settings/~").exists());
}

#[test]
fn config_says_the_afternoon_start_is_the_default_when_only_the_morning_is_set() {
    let book = Logbook::new().config("[hours]\nmorning = \"07:00\"\n");
    let rows = settings(&book);
    assert_eq!(rows[3], row("hours.morning", "07:00", "config file"));
    assert_eq!(rows[4], row("hours.afternoon", "13:30", "default"));
}
