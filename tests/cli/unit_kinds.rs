//! Units of the two-tier local government: the new kinds, a unit's parent
//! (refused when it would make a unit belong to itself), a unit's own
//! working week counted in its findings, `report month --by-parent`, their
//! way through export, import and merge, and the upgrade of a schema 6
//! logbook.

use crate::support::{Logbook, csv_records, json, table_rows};

/// A commune with its public administrative service centre, open on
/// Saturday mornings, its office, and a ward on its own, in March 2026.
fn commune_with_centre() -> Logbook {
    let book = Logbook::new().now("2026-03-10T08:00");
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
        "Trung tâm phục vụ hành chính công xã Tam Đại",
        "--kind",
        "service-centre",
        "--parent",
        "tam-dai",
        "--week",
        "mon-fri,sat:am",
    ]);
    book.ok(&[
        "unit",
        "add",
        "tam-dai-vp",
        "Văn phòng HĐND và UBND xã Tam Đại",
        "--kind",
        "office",
        "--parent",
        "tam-dai",
    ]);
    book.ok(&[
        "unit",
        "add",
        "an-phu",
        "UBND phường An Phú",
        "--kind",
        "ward",
    ]);
    book
}

/// Log an overdue file promised for Friday 06/03/2026 and returned on
/// Monday 09/03/2026 at a visit to `unit`; its (calendar, working) days.
fn friday_file_at(book: &Logbook, unit: &str, file: &str) -> (i64, i64) {
    book.ok(&["visit", "start", unit, "--at", "10/03/2026 08:00"]);
    let logged = json(&book.ok(&[
        "overdue",
        file,
        "--due",
        "06/03/2026",
        "--returned",
        "09/03/2026",
        "--format",
        "json",
    ]));
    (
        logged["days_overdue"].as_i64().expect("days"),
        logged["working_days_overdue"]
            .as_i64()
            .expect("working days"),
    )
}

#[test]
fn the_new_kinds_are_typed_in_english_and_shown_by_name_in_both_languages() {
    let book = Logbook::new();
    for (code, kind) in [
        ("a", "ward"),
        ("b", "special-zone"),
        ("c", "town"),
        ("d", "department"),
        ("e", "service-centre"),
        ("f", "reception-point"),
        ("g", "other"),
    ] {
        book.ok(&[
            "unit",
            "add",
            code,
            &format!("Đơn vị {code}"),
            "--kind",
            kind,
        ]);
    }
    let listed: Vec<String> = csv_records(&book.ok(&["unit", "list", "--format", "csv"]))
        .into_iter()
        .map(|unit| unit["kind"].clone())
        .collect();
    assert_eq!(
        listed,
        [
            "ward",
            "special-zone",
            "town",
            "department",
            "service-centre",
            "reception-point",
            "other"
        ]
    );
    let kinds = |lang: &str| -> Vec<String> {
        table_rows(
            &book
                .run_with(&["unit", "list"], &[("SPOTCHECK_LANG", lang)])
                .stdout,
        )
        .into_iter()
        .map(|row| row[2].clone())
        .collect()
    };
    assert_eq!(
        kinds("vi"),
        [
            "phường",
            "đặc khu",
            "thị trấn",
            "sở",
            "trung tâm phục vụ hành chính công",
            "điểm tiếp nhận",
            "khác"
        ]
    );
    assert_eq!(
        kinds("en"),
        [
            "ward",
            "special zone",
            "town (district era)",
            "department",
            "public administrative service centre",
            "reception point",
            "other"
        ]
    );
    assert_eq!(
        book.ok(&["unit", "add", "h", "Sở Nội vụ", "--kind", "department"]),
        "added unit h: Sở Nội vụ (department, hours default / default)\n"
    );
}

#[test]
fn a_unit_shows_its_parent_and_week_and_loses_them_again() {
    let book = commune_with_centre();
    let units = csv_records(&book.ok(&["unit", "list", "--format", "csv"]));
    let of = |code: &str| {
        let unit = units.iter().find(|u| u["code"] == code).expect("the unit");
        [
            unit["kind"].clone(),
            unit["parent"].clone(),
            unit["week"].clone(),
        ]
    };
    assert_eq!(
        of("tam-dai-hcc"),
        ["service-centre", "tam-dai", "mon-fri,sat:am"]
    );
    assert_eq!(of("tam-dai-vp"), ["office", "tam-dai", ""]);
    assert_eq!(of("tam-dai"), ["commune", "", ""]);
    assert_eq!(
        book.ok(&[
            "unit",
            "edit",
            "tam-dai-hcc",
            "--no-parent",
            "--week",
            "default"
        ]),
        "changed unit tam-dai-hcc: Trung tâm phục vụ hành chính công xã Tam Đại \
         (public administrative service centre, hours default / default)\n"
    );
    assert_eq!(
        book.ok(&[
            "unit",
            "edit",
            "an-phu",
            "--parent",
            "tam-dai",
            "--week",
            "t2-t6,t7:sáng"
        ]),
        "changed unit an-phu: UBND phường An Phú (ward, hours default / default), \
         part of tam-dai, works mon-fri,sat:am\n"
    );
    let history = csv_records(&book.ok(&["history", "--format", "csv"]));
    let last = history.last().expect("an entry");
    assert_eq!(last["action"], "edit");
    assert!(last["changes"].contains("tam-dai"), "{last:?}");
    assert!(book.ok(&["check"]).starts_with("ok: "));
}

#[test]
fn a_unit_belonging_to_itself_is_refused_and_the_logbook_left_as_it_was() {
    let book = commune_with_centre();
    book.ok(&[
        "unit",
        "add",
        "tam-dai-tn",
        "Điểm tiếp nhận thôn 1",
        "--kind",
        "reception-point",
        "--parent",
        "tam-dai-hcc",
    ]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["unit", "edit", "tam-dai", "--parent", "tam-dai"], 1),
        "error: unit `tam-dai` cannot belong to itself: name another unit with `--parent`, \
         or give `--no-parent`\n"
    );
    assert_eq!(
        book.fails(&["unit", "edit", "tam-dai", "--parent", "tam-dai-tn"], 1),
        "error: unit `tam-dai` cannot belong to `tam-dai-tn`, which already belongs to it \
         (tam-dai-tn → tam-dai-hcc → tam-dai): name a unit above it with `--parent`, \
         or give `--no-parent`\n"
    );
    assert_eq!(
        book.fails(
            &["unit", "add", "x", "Đơn vị X", "--week", "mon-fri,sat:xx"],
            1
        ),
        "error: `mon-fri,sat:xx` is not a working week (at `sat:xx`): type days `mon` to \
         `sun` or ranges of them, each with `:am` or `:pm` for half a day, separated by \
         commas, as `mon-fri,sat:am`\n"
    );
    book.fails(&["unit", "add", "x", "Đơn vị X", "--parent", "khong-co"], 1);
    book.assert_unchanged(&before);
}

#[test]
fn a_file_promised_for_friday_counts_the_saturday_where_the_unit_works_saturday_mornings() {
    let book = commune_with_centre();
    // Friday 06/03 to Monday 09/03: Saturday, Sunday, Monday.
    assert_eq!(friday_file_at(&book, "tam-dai-hcc", "HS-1"), (3, 2));
    assert_eq!(friday_file_at(&book, "tam-dai", "HS-2"), (3, 1));
    // The centre's week corrected, and counted again.
    book.ok(&["unit", "edit", "tam-dai-hcc", "--week", "default"]);
    let recounted = csv_records(&book.ok(&["recount", "--month", "2026-03", "--format", "csv"]));
    let changes: Vec<[String; 3]> = recounted
        .iter()
        .map(|r| {
            [
                r["number"].clone(),
                r["working_days_before"].clone(),
                r["working_days_after"].clone(),
            ]
        })
        .collect();
    assert_eq!(changes, [["1", "2", "1"].map(String::from)]);
    book.ok(&["unit", "edit", "tam-dai-hcc", "--week", "mon-fri,sat:am"]);
    book.ok(&["recount", "--month", "2026-03"]);
    let shown = json(&book.ok(&["show", "1", "--format", "json"]));
    assert_eq!(shown["working_days_overdue"], 2);
}

#[test]
fn the_monthly_report_by_parent_subtotals_each_commune_and_keeps_the_total() {
    let book = commune_with_centre();
    friday_file_at(&book, "tam-dai-hcc", "HS-1");
    book.ok(&["absent", "Trần Thị Bé"]);
    book.ok(&["visit", "start", "tam-dai", "--at", "09/03/2026 07:40"]);
    book.ok(&["late", "Nguyễn Văn Cường", "--arrived", "8h00"]);
    book.ok(&["visit", "start", "an-phu", "--at", "09/03/2026 07:35"]);
    book.ok(&["late", "Lê Văn Dũng", "--arrived", "7h50"]);
    let plain = book.ok(&["report", "month", "2026-03", "--format", "csv"]);
    let grouped = book.ok(&[
        "report",
        "month",
        "2026-03",
        "--by-parent",
        "--format",
        "csv",
    ]);
    assert_eq!(
        grouped,
        "unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,\
         other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,\
         files_checked,overdue_rate,group\n\
         an-phu,UBND phường An Phú,1,1,20,0,0,0,0,1,0,,0,0,0,0,,an-phu\n\
         tam-dai,UBND xã Tam Đại,1,1,30,0,0,0,0,1,0,,0,0,0,0,,tam-dai\n\
         tam-dai-hcc,Trung tâm phục vụ hành chính công xã Tam Đại,1,0,0,1,1,2,0,2,0,,0,0,0,0,,tam-dai\n\
         tam-dai-vp,Văn phòng HĐND và UBND xã Tam Đại,0,0,0,0,0,0,0,0,0,,0,0,0,0,,tam-dai\n\
         SUBTOTAL,UBND xã Tam Đại,2,1,30,1,1,2,0,3,0,,0,0,0,0,,tam-dai\n\
         TOTAL,,3,2,50,1,1,2,0,4,0,,0,0,0,0,,\n"
    );
    // Without the flag, the same rows and total, and no group column.
    let total = |csv: &str| {
        csv.lines()
            .last()
            .map(|line| line.split(',').take(13).collect::<Vec<_>>().join(","))
    };
    assert_eq!(total(&plain), total(&grouped));
    assert!(plain.starts_with("unit_code,unit_name,visits,"));
    assert!(!plain.lines().next().unwrap_or("").ends_with(",group"));
    let vi = book.run_with(
        &["report", "month", "2026-03", "--by-parent"],
        &[("SPOTCHECK_LANG", "vi")],
    );
    let rows = table_rows(&vi.stdout);
    assert!(
        rows.iter()
            .any(|row| row[0] == "Cộng" && row[1] == "UBND xã Tam Đại" && row[2] == "2"),
        "{}",
        vi.stdout
    );
}

#[test]
fn parent_and_week_go_through_export_and_import_and_an_older_file_keeps_them() {
    let book = commune_with_centre();
    let exported = book.ok(&["export", "units"]);
    let header = exported.lines().next().unwrap_or_default();
    assert!(
        header.ends_with(",retired_on,merged_into_uid,parent_uid,week,follows_seasons"),
        "{header}"
    );
    let units = csv_records(&exported);
    let commune_uid = units
        .iter()
        .find(|u| u["code"] == "tam-dai")
        .map(|u| u["uid"].clone())
        .expect("the commune");
    let centre = units
        .iter()
        .find(|u| u["code"] == "tam-dai-hcc")
        .expect("the centre");
    assert_eq!(centre["parent_uid"], commune_uid);
    assert_eq!(centre["week"], "mon-fri,sat:am");

    // Into a new logbook, the centre listed before its parent.
    let other = Logbook::new().now("2026-03-10T08:00");
    let mut lines: Vec<&str> = exported.lines().collect();
    lines[1..].sort_by_key(|line| !line.contains("tam-dai-hcc"));
    std::fs::write(other.path("units.csv"), lines.join("\n") + "\n").expect("the file");
    other.ok(&[
        "import",
        "units",
        &other.path("units.csv").display().to_string(),
    ]);
    // The same units, parents and weeks, by uid; numbers are each logbook's own.
    let by_uid = |csv: &str| {
        let mut units = csv_records(csv);
        for unit in &mut units {
            unit.remove("number");
        }
        units.sort_by(|a, b| a["uid"].cmp(&b["uid"]));
        units
    };
    assert_eq!(by_uid(&other.ok(&["export", "units"])), by_uid(&exported));

    // A file of an older spotcheck, without the two columns, leaves both.
    let columns: Vec<&str> = header.split(',').take(11).collect();
    let mut old = columns.join(",") + "\n";
    for unit in csv_records(&exported) {
        let cells: Vec<&str> = columns.iter().map(|c| unit[*c].as_str()).collect();
        old += &(cells.join(",") + "\n");
    }
    std::fs::write(other.path("old.csv"), old).expect("the file");
    other.ok(&[
        "import",
        "units",
        &other.path("old.csv").display().to_string(),
    ]);
    let after = csv_records(&other.ok(&["export", "units"]));
    let centre = after
        .iter()
        .find(|u| u["code"] == "tam-dai-hcc")
        .expect("the centre");
    assert_eq!(
        [centre["parent_uid"].as_str(), centre["week"].as_str()],
        [commune_uid.as_str(), "mon-fri,sat:am"]
    );

    // A parent the file names but the logbook lacks is refused, with its line.
    let dangling: String = exported
        .lines()
        .filter(|line| !line.contains(",tam-dai,"))
        .map(|line| format!("{line}\n"))
        .collect();
    let fresh = Logbook::new();
    std::fs::write(fresh.path("bad.csv"), dangling).expect("the file");
    let refused = fresh.fails(
        &[
            "import",
            "units",
            &fresh.path("bad.csv").display().to_string(),
        ],
        1,
    );
    assert!(
        refused.ends_with(&format!(
            "bad.csv:2: column parent_uid: no unit `{commune_uid}` in this logbook or this file: \
             import the unit it belongs to too, or leave `parent_uid` empty\n"
        )),
        "{refused}"
    );
    assert!(
        !fresh.db().exists()
            || fresh
                .ok(&["unit", "list", "--format", "csv"])
                .lines()
                .count()
                <= 1
    );
}

#[test]
fn a_parent_changed_on_one_laptop_is_merged_and_changed_on_both_is_a_conflict() {
    let leader = commune_with_centre();
    let member = Logbook::new()
        .now("2026-03-10T08:00")
        .env("SPOTCHECK_BY", "Phạm Minh Tuấn");
    leader.ok(&["backup", &member.db().display().to_string()]);
    member.run_at(
        "2026-03-10T09:00",
        &["unit", "edit", "an-phu", "--parent", "tam-dai"],
    );
    member.run_at(
        "2026-03-10T09:05",
        &["unit", "edit", "tam-dai-vp", "--week", "mon-sat"],
    );
    let merged = leader.run_at(
        "2026-03-10T10:00",
        &[
            "merge",
            &member.db().display().to_string(),
            "--format",
            "csv",
        ],
    );
    assert_eq!(merged.code, 0, "{}", merged.dump);
    let units = csv_records(&leader.ok(&["unit", "list", "--format", "csv"]));
    let of = |code: &str| {
        let unit = units.iter().find(|u| u["code"] == code).expect("the unit");
        [unit["parent"].clone(), unit["week"].clone()]
    };
    assert_eq!(of("an-phu"), ["tam-dai", ""]);
    assert_eq!(of("tam-dai-vp"), ["tam-dai", "mon-sat"]);

    // Now the centre's parent is changed on both sides.
    leader.run_at(
        "2026-03-11T09:00",
        &["unit", "edit", "tam-dai-hcc", "--no-parent"],
    );
    member.run_at(
        "2026-03-11T09:30",
        &["unit", "edit", "tam-dai-hcc", "--parent", "an-phu"],
    );
    let merged = leader.run_at(
        "2026-03-11T10:00",
        &[
            "merge",
            &member.db().display().to_string(),
            "--format",
            "csv",
        ],
    );
    assert_eq!(merged.code, 0, "{}", merged.dump);
    let units_row = csv_records(&merged.stdout)
        .into_iter()
        .find(|r| r["records"] == "units")
        .expect("the units row");
    assert_eq!(units_row["conflicts"], "1");
    let conflicts = csv_records(&leader.ok(&["conflicts", "--format", "csv"]));
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0]["field"], "parent");
    assert_eq!(conflicts[0]["kept"], "theirs");
    leader.ok(&[
        "conflicts",
        "resolve",
        &conflicts[0]["number"],
        "--take",
        "mine",
    ]);
    let units = csv_records(&leader.ok(&["unit", "list", "--format", "csv"]));
    let centre = units
        .iter()
        .find(|u| u["code"] == "tam-dai-hcc")
        .expect("the centre");
    assert_eq!(centre["parent"], "");
    assert!(leader.ok(&["check"]).starts_with("ok: "));
}

/// The fixture logbook written by schema 6.
/// A month report's CSV as the releases before schema 8 wrote it: its first
/// 13 columns. The columns added since must hold nothing for such a
/// logbook: no excused absence, no early departure, no file checked.
fn first_columns(csv: &str) -> String {
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_default();
    assert!(header.ends_with(",excused_absences,early,files_checked,overdue_rate"));
    let mut kept = vec![header.split(',').take(13).collect::<Vec<_>>().join(",")];
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[13..], ["0", "0", "0", ""], "{line}");
        kept.push(cells[..13].join(","));
    }
    kept.join("\n") + "\n"
}

fn logbook_v6() -> Logbook {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logbook-v6.db");
    let book = Logbook::new().now("2022-06-24T10:00");
    std::fs::copy(fixture, book.db()).expect("the fixture");
    book
}

#[test]
fn a_schema_6_logbook_is_upgraded_and_reports_exactly_as_before() {
    let book = logbook_v6();
    assert_eq!(
        book.ok(&["init"]),
        format!(
            "logbook {} is ready (schema version 14 of 14)\n",
            book.db().display()
        )
    );
    let header = "unit_code,unit_name,visits,late,late_minutes,absent,overdue,\
                  overdue_working_days,other,findings,repeat_people,planned_visits,\
                  unfinished_tasks\n";
    // As the release that wrote schema 6 reported them, with the columns
    // added since at the end.
    assert_eq!(
        first_columns(&book.ok(&["report", "month", "2022-05", "--format", "csv"])),
        format!(
            "{header}\
             dong-hung,UBND phường Đông Hưng,1,1,35,1,1,3,1,4,0,,0\n\
             dong-son,UBND xã Đông Sơn,0,0,0,0,0,0,0,0,0,1,0\n\
             noi-vu,Phòng Nội vụ huyện Phú Ninh,0,0,0,0,0,0,0,0,0,,0\n\
             phu-thinh,UBND thị trấn Phú Thịnh,1,0,0,1,1,1,1,3,0,,0\n\
             tam-dai,UBND xã Tam Đại,1,2,70,1,2,8,0,5,0,,0\n\
             TOTAL,,3,3,105,3,4,12,2,12,0,1,0\n"
        )
    );
    let june = format!(
        "{header}\
         dong-hung,UBND phường Đông Hưng,0,0,0,0,0,0,0,0,0,,0\n\
         dong-son,UBND xã Đông Sơn,1,2,45,1,0,0,0,3,0,1,0\n\
         noi-vu,Phòng Nội vụ huyện Phú Ninh,0,0,0,0,0,0,0,0,0,,0\n\
         phu-thinh,UBND thị trấn Phú Thịnh,0,0,0,0,0,0,0,0,0,,0\n\
         tam-dai,UBND xã Tam Đại,2,2,40,0,1,1,1,4,1,,0\n\
         TOTAL,,3,4,85,1,1,1,1,7,1,1,0\n"
    );
    assert_eq!(
        first_columns(&book.ok(&["report", "month", "2022-06", "--format", "csv"])),
        june
    );
    // Grouped, every unit of a district-era logbook stands alone.
    let grouped = book.ok(&[
        "report",
        "month",
        "2022-06",
        "--by-parent",
        "--format",
        "csv",
    ]);
    assert_eq!(grouped.lines().count(), 7);
    assert!(grouped.lines().all(|line| !line.starts_with("SUBTOTAL")));
    assert!(
        book.ok(&["check"])
            .starts_with("ok: 47 records agree with 62 history entries")
    );

    // Thị trấn Phú Thịnh becomes a town; Tam Đại's one-stop desk opens on
    // Saturday mornings, and the file of 17/06 counts that Saturday.
    book.ok(&["unit", "edit", "phu-thinh", "--kind", "town"]);
    book.ok(&["unit", "edit", "tam-dai", "--week", "mon-fri,sat:am"]);
    book.ok(&["recount", "--month", "2022-06"]);
    let file = json(&book.ok(&["show", "19", "--format", "json"]));
    assert_eq!(
        (
            file["days_overdue"].as_i64(),
            file["working_days_overdue"].as_i64()
        ),
        (Some(3), Some(2))
    );
}

#[test]
fn an_upgrade_that_would_leave_a_record_naming_no_unit_is_refused_and_rolled_back() {
    let book = logbook_v6();
    {
        let conn = crate::support::open_logbook(book.db());
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF; UPDATE people SET unit_id = 99 WHERE id = 1;",
        )
        .expect("a person of no unit");
    }
    let stderr = book.fails(&["init"], 1);
    assert!(
        stderr.contains("FOREIGN KEY constraint failed in `people`"),
        "{stderr}"
    );
    let conn = crate::support::open_logbook(book.db());
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("the version");
    assert_eq!(version, 6, "the upgrade was rolled back");
}
