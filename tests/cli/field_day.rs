//! A whole field day, as an inspector types it: units, two visits, each kind
//! of finding, then the lists the team leader reads.

use crate::support::{INSPECTOR, Logbook, csv_rows, field, json, table_rows};

#[test]
fn a_field_day_is_logged_listed_and_closed() {
    // Logged as the day goes, each visit once it has begun.
    let book = Logbook::new().now("2022-05-10T17:00");

    assert_eq!(
        book.ok(&[
            "unit",
            "add",
            "tam-dai",
            "UBND xã Tam Đại",
            "--kind",
            "commune"
        ]),
        "added unit tam-dai: UBND xã Tam Đại (commune, hours default / default)\n"
    );
    assert_eq!(
        book.ok(&[
            "unit",
            "add",
            "noi-vu",
            "Phòng Nội vụ huyện Phú Ninh",
            "--kind",
            "office",
            "--start",
            "7h",
        ]),
        "added unit noi-vu: Phòng Nội vụ huyện Phú Ninh (office, hours 07:00 / default)\n"
    );
    assert_eq!(
        book.ok(&[
            "person",
            "add",
            "tam-dai",
            "Nguyễn Văn An",
            "--position",
            "công chức tư pháp",
        ]),
        "added person #1: Nguyễn Văn An (công chức tư pháp), UBND xã Tam Đại\n"
    );

    // The first visit: unannounced, at 07:25, findings go to it.
    assert_eq!(
        book.ok(&[
            "visit",
            "start",
            "tam dai",
            "--at",
            "10/05/2022 07:25",
            "--team",
            "Lê Thị Hoa,  Phạm Minh Tuấn",
            "--on-roll",
            "22",
            "--present",
            "18",
        ]),
        "started visit #1 at UBND xã Tam Đại, 10/05/2022 07:25 (unannounced); \
         findings go to it until `spotcheck visit end`\n"
    );
    let late = book.run(&["late", "nguyen van an", "--arrived", "8h05"]);
    assert_eq!(
        (late.stdout.as_str(), late.stderr.as_str()),
        (
            "logged #1 late: Nguyễn Văn An, UBND xã Tam Đại, 35 min\n",
            "took Nguyễn Văn An (#1) for \"nguyen van an\"\n"
        ),
        "a known person is not added again\n{}",
        late.dump
    );
    let absent = book.run(&["absent", "Trần Thị Bình", "--meeting", "giao ban đầu tuần"]);
    assert_eq!(
        absent.stdout,
        "logged #2 absent: Trần Thị Bình, UBND xã Tam Đại, meeting: giao ban đầu tuần\n",
        "{}",
        absent.dump
    );
    assert_eq!(
        absent.stderr,
        "added Trần Thị Bình to the staff of UBND xã Tam Đại (person #2)\n"
    );
    let overdue = book.run(&[
        "overdue",
        "HS-2022-0012",
        "--due",
        "05/05/2022",
        "--procedure",
        "Chứng thực bản sao",
        "--officer",
        "Hồ Thị Lan",
    ]);
    assert_eq!(
        overdue.stdout,
        "logged #3 overdue: HS-2022-0012: 5 days (3 working), Chứng thực bản sao, UBND xã Tam Đại\n",
        "{}",
        overdue.dump
    );
    assert_eq!(
        overdue.stderr,
        "added Hồ Thị Lan to the staff of UBND xã Tam Đại (person #3)\n"
    );
    let other = book.run(&[
        "other",
        "Không đeo thẻ công chức",
        "--person",
        "Phan Văn Dũng",
        "--category",
        "dress",
        "--action",
        "reminded",
    ]);
    assert_eq!(
        other.stdout,
        "logged #4 other: Không đeo thẻ công chức [dress], Phan Văn Dũng, UBND xã Tam Đại\n",
        "{}",
        other.dump
    );
    assert_eq!(
        book.ok(&["visit", "end", "--at", "10/05/2022 09:10"]),
        "ended visit #1 at UBND xã Tam Đại, 10/05/2022 07:25–09:10, 4 findings\n"
    );

    // The second visit, announced, in the afternoon.
    book.ok(&[
        "visit",
        "start",
        "noi-vu",
        "--at",
        "10/05/2022 13:35",
        "--announced",
    ]);
    assert_eq!(
        book.ok(&["late", "Lương Thị Mai", "--arrived", "13h50"]),
        "logged #5 late: Lương Thị Mai, Phòng Nội vụ huyện Phú Ninh, 20 min\n"
    );
    assert_eq!(
        book.ok(&["visit", "end", "--at", "10/05/2022 15:00"]),
        "ended visit #2 at Phòng Nội vụ huyện Phú Ninh, 10/05/2022 13:35–15:00, 1 finding\n"
    );

    let list = book.ok(&["list", "--month", "5/2022"]);
    assert_eq!(
        table_rows(&list),
        [
            [
                "1",
                "10/05/2022",
                "tam-dai",
                "late",
                "Nguyễn Văn An",
                "35 min (arrived 08:05, due 07:30)",
                "",
            ],
            [
                "2",
                "10/05/2022",
                "tam-dai",
                "absent",
                "Trần Thị Bình",
                "meeting: giao ban đầu tuần",
                "",
            ],
            [
                "3",
                "10/05/2022",
                "tam-dai",
                "overdue",
                "Hồ Thị Lan",
                "HS-2022-0012: 5 days (3 working), Chứng thực bản sao",
                "",
            ],
            [
                "4",
                "10/05/2022",
                "tam-dai",
                "other",
                "Phan Văn Dũng",
                "Không đeo thẻ công chức [dress]",
                "reminded",
            ],
            [
                "5",
                "10/05/2022",
                "noi-vu",
                "late",
                "Lương Thị Mai",
                "20 min (arrived 13:50, due 13:30)",
                "",
            ],
        ],
        "{list}"
    );

    let visits = book.ok(&["visit", "list"]);
    assert_eq!(
        table_rows(&visits),
        [
            [
                "1",
                "10/05/2022 07:25–09:10",
                "UBND xã Tam Đại",
                "unannounced",
                "Lê Thị Hoa, Phạm Minh Tuấn",
                "18/22",
                "4",
            ],
            [
                "2",
                "10/05/2022 13:35–15:00",
                "Phòng Nội vụ huyện Phú Ninh",
                "announced",
                "",
                "",
                "1",
            ],
        ],
        "{visits}"
    );

    let people = book.ok(&["person", "list", "--unit", "tam-dai"]);
    let names: Vec<String> = table_rows(&people)
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(
        names,
        [
            "Hồ Thị Lan",
            "Nguyễn Văn An",
            "Phan Văn Dũng",
            "Trần Thị Bình"
        ],
        "staff in name order, ignoring accents\n{people}"
    );
}

#[test]
fn a_period_without_findings_says_so_on_stderr() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    let output = book.run(&["list", "--month", "04/2022"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(output.stdout, "", "{}", output.dump);
    assert_eq!(output.stderr, "no findings match\n");
    let may = book.ok(&["list", "--month", "2022-05"]);
    assert_eq!(table_rows(&may).len(), 1, "{may}");
    let range = book.ok(&["list", "--from", "10/05/2022", "--to", "10/05/2022"]);
    assert_eq!(table_rows(&range).len(), 1, "{range}");
    let after = book.run(&["list", "--from", "11/05/2022"]);
    assert_eq!(after.stderr, "no findings match\n", "{}", after.dump);
}

#[test]
fn a_visit_started_without_a_time_starts_now_and_is_marked_current() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    let started = book.ok(&["visit", "start", "tam-dai", "--format", "json"]);
    let visit = json(&started);
    assert_eq!(visit["started_at"], "2022-05-10 07:35");
    assert_eq!(visit["announced"], false);
    assert_eq!(visit["created_by"], INSPECTOR);
    let visits = book.ok(&["visit", "list"]);
    assert_eq!(
        table_rows(&visits)[0][0],
        "1 *",
        "the current visit is starred\n{visits}"
    );
    book.ok(&["visit", "end"]);
    let visits = book.ok(&["visit", "list"]);
    assert_eq!(
        table_rows(&visits)[0][..2],
        ["1", "10/05/2022 07:35–07:35"],
        "{visits}"
    );
}

#[test]
fn starting_a_visit_while_another_is_open_says_how_to_end_it() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["unit", "add", "noi-vu", "Phòng Nội vụ huyện Phú Ninh"]);
    let output = book.run_at(
        "2022-05-10T09:00",
        &["visit", "start", "noi-vu", "--at", "10/05/2022 09:00"],
    );
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        output.stderr,
        "visit #1 at UBND xã Tam Đại is still open; end it with `spotcheck visit end --visit 1`\n"
    );
    // Findings now go to the new visit, or to the old one when named.
    assert_eq!(
        book.ok(&["absent", "Trần Thị Bình"]),
        "logged #1 absent: Trần Thị Bình, Phòng Nội vụ huyện Phú Ninh\n"
    );
    assert_eq!(
        book.ok(&["absent", "Trần Thị Bình", "--visit", "#1"]),
        "logged #2 absent: Trần Thị Bình, UBND xã Tam Đại\n"
    );
    assert_eq!(
        book.ok(&["visit", "end", "--visit", "1", "--at", "10/05/2022 08:40"]),
        "ended visit #1 at UBND xã Tam Đại, 10/05/2022 07:35–08:40, 1 finding\n"
    );
    let visits = book.ok(&["visit", "list"]);
    let numbers: Vec<String> = table_rows(&visits)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(numbers, ["1", "2 *"], "{visits}");
}

#[test]
fn visit_show_lists_the_visits_findings() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h05"]);
    book.ok(&["overdue", "HS-1", "--due", "05/05/2022"]);
    let shown = book.ok(&["visit", "show"]);
    assert_eq!(field(&shown, "unit_name"), "UBND xã Tam Đại");
    assert_eq!(field(&shown, "findings"), "2");
    let rows = table_rows(&shown);
    assert!(
        rows.contains(&vec![
            "1".to_string(),
            "late".into(),
            "Nguyễn Văn An".into(),
            "35 min (arrived 08:05, due 07:30)".into(),
            "".into(),
        ]),
        "{shown}"
    );
    assert!(
        rows.iter()
            .any(|r| r[..2] == ["2", "overdue"] && r[3] == "HS-1: 5 days (3 working)"),
        "{shown}"
    );
    assert_eq!(book.ok(&["visit", "show", "1"]), shown);
}

#[test]
fn units_are_imported_from_a_csv_file_once() {
    let book = Logbook::new().binary();
    std::fs::write(
        book.path("đơn vị.csv"),
        "\u{feff}code,name,kind,morning_start\n\
         tam-dai,UBND xã Tam Đại,commune,\n\
         noi-vu,Phòng Nội vụ huyện Phú Ninh,office,7h\n",
    )
    .unwrap();
    assert_eq!(
        book.ok(&["unit", "import", "đơn vị.csv"]),
        "imported units from đơn vị.csv: 2 new, 0 updated, 0 unchanged\n"
    );
    let before = book.snapshot();
    assert_eq!(
        book.ok(&["unit", "import", "đơn vị.csv"]),
        "nothing to change: all 2 units in đơn vị.csv are already in the logbook\n"
    );
    book.assert_unchanged(&before);
    let units = csv_rows(&book.ok(&["unit", "list", "--format", "csv"]));
    assert_eq!(
        units[1..],
        [
            [
                "noi-vu",
                "Phòng Nội vụ huyện Phú Ninh",
                "office",
                "07:00",
                ""
            ],
            ["tam-dai", "UBND xã Tam Đại", "commune", "", ""],
        ]
    );
}

#[test]
fn units_are_imported_from_standard_input() {
    let book = Logbook::new();
    let output = book.run_with_stdin(
        &["unit", "import", "-"],
        "code,name,kind\nphu-thinh,UBND thị trấn Phú Thịnh,commune\n",
    );
    assert_eq!(output.code, 0, "{}", output.dump);
    let units = csv_rows(&book.ok(&["unit", "list", "--format", "csv"]));
    assert_eq!(
        units[1..],
        [["phu-thinh", "UBND thị trấn Phú Thịnh", "commune", "", ""]]
    );
}
