//! A unit with its own start times that follows the seasons: its start
//! moves by as much as the configured start moves on the day, and the
//! choice goes through edit, export, import, merge and conflicts.

use crate::support::{Logbook, csv_records, json};

/// Usual hours from 07:30; from 15/04 to 14/10/2026 the province starts at
/// 07:00. The health centre starts at 07:15 and follows the seasons; the
/// department starts at 07:15 all year.
fn province_in_2026() -> Logbook {
    let book = Logbook::new().now("2026-03-02T08:00").config(
        "[[season]]\nfrom = \"2026-04-15\"\nto = \"2026-10-14\"\n\
         morning = \"07:00\"\nafternoon = \"13:30\"\n",
    );
    let added = book.ok(&[
        "unit",
        "add",
        "ttyt",
        "Trung tâm Y tế khu vực Phú Ninh",
        "--kind",
        "health",
        "--start",
        "7:15",
        "--follow-seasons",
    ]);
    assert_eq!(
        added,
        "added unit ttyt: Trung tâm Y tế khu vực Phú Ninh (health, hours 07:15 / default), \
         own hours following the seasons\n"
    );
    book.ok(&[
        "unit",
        "add",
        "tu-phap",
        "Sở Tư pháp tỉnh Phú Ninh",
        "--kind",
        "department",
        "--start",
        "7:15",
    ]);
    book
}

/// Log a late arrival at `unit` on `day` at `arrived`; the start it was
/// counted from and the minutes late.
fn late_at(book: &Logbook, unit: &str, day: &str, arrived: &str) -> (String, i64) {
    book.ok(&["visit", "start", unit, "--at", &format!("{day} 07:00")]);
    let logged = json(&book.ok(&[
        "late",
        "Võ Thị Thu",
        "--arrived",
        arrived,
        "--format",
        "json",
    ]));
    book.ok(&["visit", "end", "--at", "09:00"]);
    (
        logged["expected_at"]
            .as_str()
            .expect("the start")
            .to_string(),
        logged["minutes_late"].as_i64().expect("minutes"),
    )
}

#[test]
fn a_unit_following_the_seasons_starts_earlier_in_summer_and_one_that_does_not_keeps_its_start() {
    let book = province_in_2026().now("2026-05-25T08:00");
    // Out of season both start at their own 07:15.
    assert_eq!(
        late_at(&book, "ttyt", "10/03/2026", "7:20"),
        ("07:15".to_string(), 5)
    );
    assert_eq!(
        late_at(&book, "tu-phap", "10/03/2026", "7:20"),
        ("07:15".to_string(), 5)
    );
    // In the season the province starts 30 minutes earlier, and so does the
    // health centre: 06:45, so 07:20 is 35 minutes late there.
    assert_eq!(
        late_at(&book, "ttyt", "20/05/2026", "7:20"),
        ("06:45".to_string(), 35)
    );
    assert_eq!(
        late_at(&book, "tu-phap", "20/05/2026", "7:20"),
        ("07:15".to_string(), 5)
    );

    // Back on its own start all year: the next finding counts from 07:15.
    let changed = book.ok(&["unit", "edit", "ttyt", "--no-follow-seasons"]);
    assert_eq!(
        changed,
        "changed unit ttyt: Trung tâm Y tế khu vực Phú Ninh (health, hours 07:15 / default)\n"
    );
    assert_eq!(
        late_at(&book, "ttyt", "21/05/2026", "7:20"),
        ("07:15".to_string(), 5)
    );
    // The findings already logged keep the minutes counted then.
    let findings = csv_records(&book.ok(&["list", "--month", "5/2026", "--format", "csv"]));
    let minutes: Vec<&str> = findings
        .iter()
        .map(|f| f["minutes_late"].as_str())
        .collect();
    assert_eq!(minutes, ["35", "5", "5"]);
    assert!(book.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn the_unit_list_and_its_line_say_so_in_both_languages() {
    let book = province_in_2026();
    let units = csv_records(&book.ok(&["unit", "list", "--format", "csv"]));
    let of = |code: &str| {
        units
            .iter()
            .find(|u| u["code"] == code)
            .map(|u| u["follows_seasons"].clone())
            .expect("the unit")
    };
    assert_eq!([of("ttyt"), of("tu-phap")], ["true", "false"]);
    let vi = book.ok(&[
        "--lang",
        "vi",
        "unit",
        "edit",
        "tu-phap",
        "--follow-seasons",
    ]);
    assert_eq!(
        vi,
        "đã sửa đơn vị tu-phap: Sở Tư pháp tỉnh Phú Ninh (sở; giờ vào làm sáng 07:15, chiều \
         mặc định), giờ riêng đổi theo mùa\n"
    );
    let listed = book.ok(&["--lang", "vi", "unit", "list"]);
    assert!(listed.contains("theo mùa"), "{listed}");
    // Both flags at once is a usage error, and changes nothing.
    let before = std::fs::read(book.db()).expect("the logbook");
    let refused = book.fails(
        &[
            "unit",
            "edit",
            "ttyt",
            "--follow-seasons",
            "--no-follow-seasons",
        ],
        2,
    );
    assert!(refused.contains("--no-follow-seasons"), "{refused}");
    assert!(std::fs::read(book.db()).expect("the logbook") == before);
}

#[test]
fn following_the_seasons_goes_through_export_and_import_and_an_older_file_keeps_it() {
    let book = province_in_2026();
    let exported = book.ok(&["export", "units"]);
    let header = exported.lines().next().unwrap_or_default();
    assert!(
        header.ends_with(",parent_uid,week,follows_seasons"),
        "{header}"
    );
    let of = |csv: &str, code: &str| {
        csv_records(csv)
            .into_iter()
            .find(|u| u["code"] == code)
            .map(|u| u["follows_seasons"].clone())
            .expect("the unit")
    };
    assert_eq!(of(&exported, "ttyt"), "1");
    assert_eq!(of(&exported, "tu-phap"), "");

    let other = Logbook::new().now("2026-03-02T08:00");
    std::fs::write(other.path("units.csv"), &exported).expect("the file");
    other.ok(&[
        "import",
        "units",
        &other.path("units.csv").display().to_string(),
    ]);
    assert_eq!(of(&other.ok(&["export", "units"]), "ttyt"), "1");

    // A file of an older spotcheck, without the column, leaves it as it is.
    let columns: Vec<&str> = header
        .split(',')
        .filter(|c| *c != "follows_seasons")
        .collect();
    let mut old = columns.join(",") + "\n";
    for unit in csv_records(&exported) {
        let cells: Vec<String> = columns.iter().map(|c| csv_cell(&unit[*c])).collect();
        old += &(cells.join(",") + "\n");
    }
    std::fs::write(other.path("old.csv"), old).expect("the file");
    let imported = other.ok(&[
        "import",
        "units",
        &other.path("old.csv").display().to_string(),
    ]);
    assert!(imported.starts_with("nothing to change"), "{imported}");
    assert_eq!(of(&other.ok(&["export", "units"]), "ttyt"), "1");

    // A value that is not a flag is refused with its line and column.
    let bad = exported.replacen(",1\n", ",maybe\n", 1);
    std::fs::write(other.path("bad.csv"), bad).expect("the file");
    let before = std::fs::read(other.db()).expect("the logbook");
    let refused = other.fails(
        &[
            "import",
            "units",
            &other.path("bad.csv").display().to_string(),
        ],
        1,
    );
    assert!(refused.contains("column follows_seasons"), "{refused}");
    assert!(std::fs::read(other.db()).expect("the logbook") == before);
}

/// A CSV cell as written: quoted when it holds a comma or a quote.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[test]
fn a_change_on_one_laptop_is_merged_and_on_both_is_a_conflict_settled_by_value() {
    let leader = province_in_2026();
    let member = Logbook::new()
        .now("2026-03-02T08:00")
        .env("SPOTCHECK_BY", "Phạm Minh Tuấn");
    leader.ok(&["backup", &member.db().display().to_string()]);
    member.run_at(
        "2026-03-03T09:00",
        &["unit", "edit", "tu-phap", "--follow-seasons"],
    );
    let merged = leader.run_at(
        "2026-03-03T10:00",
        &["merge", &member.db().display().to_string()],
    );
    assert_eq!(merged.code, 0, "{}", merged.dump);
    let follows = |book: &Logbook| {
        let units = csv_records(&book.ok(&["unit", "list", "--format", "csv"]));
        let mut pairs: Vec<(String, String)> = units
            .into_iter()
            .map(|u| (u["code"].clone(), u["follows_seasons"].clone()))
            .collect();
        pairs.sort();
        pairs
    };
    assert_eq!(
        follows(&leader),
        [
            ("ttyt".to_string(), "true".to_string()),
            ("tu-phap".to_string(), "true".to_string())
        ]
    );

    // Both change whether the health centre follows the seasons, to
    // different values: a conflict, whichever is kept.
    leader.run_at(
        "2026-03-04T09:00",
        &[
            "unit",
            "edit",
            "ttyt",
            "--no-follow-seasons",
            "--start",
            "7:00",
        ],
    );
    member.run_at(
        "2026-03-04T09:30",
        &["unit", "edit", "ttyt", "--no-follow-seasons"],
    );
    member.run_at(
        "2026-03-04T09:31",
        &["unit", "edit", "ttyt", "--follow-seasons"],
    );
    leader.run_at(
        "2026-03-04T09:40",
        &["unit", "edit", "ttyt", "--no-follow-seasons"],
    );
    let merged = leader.run_at(
        "2026-03-04T10:00",
        &["merge", &member.db().display().to_string()],
    );
    assert_eq!(merged.code, 0, "{}", merged.dump);
    let conflicts = csv_records(&leader.ok(&["conflicts", "--format", "csv"]));
    let seasons: Vec<_> = conflicts
        .iter()
        .filter(|c| c["field"] == "follows_seasons")
        .collect();
    assert_eq!(seasons.len(), 1, "{conflicts:?}");
    // Settled by typing the value: yes.
    leader.ok(&[
        "conflicts",
        "resolve",
        &seasons[0]["number"],
        "--value",
        "yes",
    ]);
    let units = csv_records(&leader.ok(&["unit", "list", "--format", "csv"]));
    let ttyt = units
        .iter()
        .find(|u| u["code"] == "ttyt")
        .expect("the unit");
    assert_eq!(ttyt["follows_seasons"], "true");
    assert_eq!(ttyt["morning_start"], "07:00");
    assert!(leader.ok(&["check"]).starts_with("ok: "));
}
