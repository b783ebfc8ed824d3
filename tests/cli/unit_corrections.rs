//! Correcting units: one name rule for `unit add`, `unit merge` joining two
//! units that are one, `unit retire` for a commune merged away, and merging
//! logbooks that hold the same unit under two codes.

use crate::support::{Logbook, csv_records, csv_rows};

/// `history --format csv` as (action, entity, number, changes, reason),
/// from entry `from` on.
fn history_from(book: &Logbook, from: usize) -> Vec<[String; 5]> {
    csv_records(&book.ok(&["history", "--format", "csv"]))
        .into_iter()
        .skip(from - 1)
        .map(|e| {
            [
                e["action"].clone(),
                e["entity"].clone(),
                e["number"].clone(),
                e["changes"].clone(),
                e["reason"].clone(),
            ]
        })
        .collect()
}

fn entry(action: &str, entity: &str, number: &str, changes: &str, reason: &str) -> [String; 5] {
    [action, entity, number, changes, reason].map(str::to_string)
}

fn assert_checks(book: &Logbook) {
    let check = book.ok(&["check"]);
    assert!(check.starts_with("ok: "), "{check}");
}

fn add_dong_son(book: &Logbook) {
    book.ok(&[
        "unit",
        "add",
        "dong-son",
        "UBND xã Đông Sơn",
        "--kind",
        "commune",
    ]);
}

#[test]
fn unit_add_refuses_a_name_another_unit_has_under_the_identity_rule() {
    let book = Logbook::new();
    add_dong_son(&book);
    let before = book.snapshot();
    for (code, name) in [("dongson", "ubnd xã đông sơn"), ("ds", "UBND xã Đông  Sơn")] {
        assert_eq!(
            book.fails(&["unit", "add", code, name], 1),
            format!(
                "error: unit `dong-son` already has this name: UBND xã Đông Sơn; a second unit \
                 of the same name is most likely the same one typed again (see `spotcheck unit \
                 list`); to add `{code}` anyway, type the same command with `--force`\n"
            )
        );
    }
    book.assert_unchanged(&before);
    // A code already taken is refused as such, `--force` or not.
    assert_eq!(
        book.fails(
            &["unit", "add", "dong-son", "UBND xã Đông Sơn", "--force"],
            1
        ),
        book.fails(&["unit", "add", "dong-son", "Phường Hải Châu"], 1),
    );
    book.assert_unchanged(&before);
}

#[test]
fn unit_add_takes_names_that_differ_in_a_diacritic_and_a_namesake_with_force() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert_eq!(
        book.ok(&["unit", "add", "tam-dai-2", "UBND xã Tâm Đại"]),
        "added unit tam-dai-2: UBND xã Tâm Đại (other, hours default / default)\n"
    );
    assert_eq!(
        book.ok(&["unit", "add", "tamdai", "ubnd xã tam đại", "--force"]),
        "added unit tamdai: ubnd xã tam đại (other, hours default / default)\n"
    );
    let codes: Vec<String> = csv_records(&book.ok(&["unit", "list", "--format", "csv"]))
        .into_iter()
        .map(|u| u["code"].clone())
        .collect();
    assert_eq!(codes, ["tam-dai", "tam-dai-2", "tamdai"]);
}

#[test]
fn unit_add_names_the_namesake_in_vietnamese() {
    let book = Logbook::new();
    add_dong_son(&book);
    assert_eq!(
        book.fails(
            &["--lang", "vi", "unit", "add", "dongson", "ubnd xã đông sơn"],
            1
        ),
        "lỗi: đơn vị `dong-son` đã có tên này: UBND xã Đông Sơn; một đơn vị thứ hai cùng tên \
         nhiều khả năng chính là đơn vị đó được nhập lại (xem `spotcheck unit list`); nếu vẫn \
         muốn thêm `dongson`, hãy gõ lại lệnh đó kèm `--force`\n"
    );
}

/// Đông Sơn typed twice, under `dong-son` and `dongson`, each with a visit
/// and findings about Nguyễn Văn An, a plan from May and a task at `dongson`.
fn two_codes_for_one_commune() -> Logbook {
    let book = Logbook::new();
    add_dong_son(&book);
    book.ok(&["unit", "add", "dongson", "ubnd xã đông sơn", "--force"]);
    book.ok(&["visit", "start", "dong-son", "--at", "09/05/2022 07:30"]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7h45"]); // person 1, finding 1
    book.ok(&["visit", "start", "dongson", "--at", "10/05/2022 07:30"]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7h50"]); // person 2, finding 2
    book.ok(&["absent", "Trần Thị Bình"]); // person 3, finding 3
    book.ok(&[
        "plan", "set", "dong-son", "--visits", "1", "--per", "month", "--from", "5/2022",
    ]);
    book.ok(&[
        "plan", "set", "dongson", "--visits", "2", "--per", "month", "--from", "5/2022",
    ]);
    book.ok(&[
        "plan", "set", "dongson", "--visits", "1", "--per", "quarter", "--from", "7/2022",
    ]);
    book.ok(&[
        "task",
        "add",
        "dongson",
        "Niêm yết thủ tục hành chính",
        "--due",
        "01/06/2022",
    ]);
    book
}

#[test]
fn unit_merge_moves_visits_people_plans_and_tasks_and_joins_namesakes() {
    let book = two_codes_for_one_commune();
    let entries = csv_records(&book.ok(&["history", "--format", "csv"])).len();
    let output = book.run(&["unit", "merge", "dong-son", "dongson"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        output.stdout,
        "merged unit dongson into dong-son: 1 visit, 2 people (1 joined to namesakes), \
         1 plan, 1 task moved\n"
    );
    assert_eq!(
        output.stderr,
        "Nguyễn Văn An (#2) is now an alias of Nguyễn Văn An (#1), who takes 1 finding\n\
         plan #2 of dongson voided: plan #1 of dong-son starts in the same month\n"
    );
    let reason = "unit dongson merged into dong-son";
    assert_eq!(
        history_from(&book, entries + 1),
        [
            entry("edit", "visit", "2", "unit: dongson → dong-son", reason),
            entry(
                "edit",
                "person",
                "2",
                "alias_of: – → Nguyễn Văn An (#1)",
                reason
            ),
            entry(
                "edit",
                "finding",
                "2",
                "person: Nguyễn Văn An (#2) → Nguyễn Văn An (#1)",
                reason
            ),
            entry("edit", "person", "3", "unit: dongson → dong-son", reason),
            entry(
                "void",
                "plan",
                "2",
                "void_reason: – → unit dongson merged into dong-son, whose plan #1 starts in \
                 the same month; voided_at: – → 2022-05-10T00:35:00.000Z",
                "unit dongson merged into dong-son, whose plan #1 starts in the same month"
            ),
            entry("edit", "plan", "3", "unit: dongson → dong-son", reason),
            entry("edit", "task", "1", "unit: dongson → dong-son", reason),
            entry(
                "edit",
                "unit",
                "2",
                "merged_into: – → dong-son; retired_on: – → 2022-05-10",
                reason
            ),
        ]
    );
    assert_checks(&book);

    // Every finding is now at Đông Sơn, both lateness findings about one person.
    let findings = csv_records(&book.ok(&["list", "--format", "csv"]));
    let rows: Vec<[&str; 3]> = findings
        .iter()
        .map(|f| {
            [
                f["unit_code"].as_str(),
                f["kind"].as_str(),
                f["person"].as_str(),
            ]
        })
        .collect();
    assert_eq!(
        rows,
        [
            ["dong-son", "late", "Nguyễn Văn An"],
            ["dong-son", "late", "Nguyễn Văn An"],
            ["dong-son", "absent", "Trần Thị Bình"],
        ]
    );
    assert_eq!(
        csv_rows(&book.ok(&["person", "list", "--format", "csv"])),
        [
            [
                "number",
                "name",
                "position",
                "unit_code",
                "retired_on",
                "status"
            ],
            ["1", "Nguyễn Văn An", "", "dong-son", "", ""],
            ["3", "Trần Thị Bình", "", "dong-son", "", ""],
        ]
    );
    let tasks = csv_records(&book.ok(&["task", "list", "--format", "csv"]));
    assert_eq!(tasks[0]["unit_code"], "dong-son");
    // The person typed at the visit now under way is the one kept.
    book.ok(&["absent", "Nguyễn Văn An"]);
    let last = csv_records(&book.ok(&["list", "--format", "csv"]))
        .pop()
        .unwrap();
    assert_eq!(
        [last["unit_code"].as_str(), last["person"].as_str()],
        ["dong-son", "Nguyễn Văn An"]
    );
    assert_eq!(
        csv_rows(&book.ok(&["person", "list", "--format", "csv"])).len(),
        3,
        "no third Nguyễn Văn An"
    );
}

#[test]
fn unit_merge_prints_its_record_as_json() {
    let book = two_codes_for_one_commune();
    let record = crate::support::json(
        &book.ok(&["unit", "merge", "dong-son", "dongson", "--format", "json"]),
    );
    assert_eq!(
        record,
        serde_json::json!({
            "keep": "dong-son", "other": "dongson", "visits": 1, "people": 2, "joined": 1,
            "plans": 1, "plans_voided": 1, "tasks": 1, "retired_on": "2022-05-10",
        })
    );
}

#[test]
fn unit_merge_refuses_a_unit_named_twice_or_merged_already() {
    let book = two_codes_for_one_commune();
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["unit", "merge", "dong-son", "dong-son"], 1),
        "error: `dong-son` is named twice: name the unit to keep, then the unit to merge into it\n"
    );
    book.assert_unchanged(&before);
    book.ok(&["unit", "merge", "dong-son", "dongson"]);
    book.ok(&["unit", "add", "hai-chau", "Phường Hải Châu"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["unit", "merge", "dong-son", "dongson"], 1),
        "error: unit `dongson` was already merged into `dong-son`\n"
    );
    assert_eq!(
        book.fails(&["unit", "merge", "dongson", "hai-chau"], 1),
        "error: unit `dongson` was itself merged into `dong-son`: merge into that unit \
         instead, as `spotcheck unit merge dong-son hai-chau`\n"
    );
    book.assert_unchanged(&before);
}

#[test]
fn a_merged_unit_takes_no_new_visit_and_names_the_unit_to_visit() {
    let book = two_codes_for_one_commune();
    book.ok(&["unit", "merge", "dong-son", "dongson"]);
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["visit", "start", "dongson"], 1),
        "error: unit `dongson` (ubnd xã đông sơn) was merged into `dong-son` (UBND xã Đông Sơn): \
         start the visit there, as `spotcheck visit start dong-son`\n"
    );
    book.assert_unchanged(&before);
    // Reading by it is still fine.
    let listed = book.run(&["list", "--unit", "dongson"]);
    assert_eq!(
        (listed.code, listed.stderr.as_str()),
        (0, "no findings match\n")
    );
    let units = csv_rows(&book.ok(&["unit", "list", "--format", "csv"]));
    assert_eq!(
        units,
        [
            [
                "code",
                "name",
                "kind",
                "morning_start",
                "afternoon_start",
                "retired_on",
                "merged_into"
            ],
            ["dong-son", "UBND xã Đông Sơn", "commune", "", "", "", ""],
            [
                "dongson",
                "ubnd xã đông sơn",
                "other",
                "",
                "",
                "2022-05-10",
                "dong-son"
            ],
        ]
    );
}

#[test]
fn undoing_a_merge_brings_the_unit_back_and_leaves_the_moved_records() {
    let book = two_codes_for_one_commune();
    book.ok(&["unit", "merge", "dong-son", "dongson"]);
    assert_eq!(
        book.ok(&["unit", "retire", "dongson", "--undo"]),
        "unit dongson (ubnd xã đông sơn) is in use again and no longer merged into dong-son; \
         what the merge moved stays with dong-son\n"
    );
    book.ok(&["visit", "start", "dongson"]);
    let visits = csv_records(&book.ok(&["visit", "list", "--format", "csv"]));
    let units: Vec<&str> = visits.iter().map(|v| v["unit_code"].as_str()).collect();
    assert_eq!(units, ["dong-son", "dong-son", "dongson"]);
    // Merged the other way, the alias stands for nobody again.
    assert_eq!(
        book.ok(&["unit", "merge", "dongson", "dong-son"]),
        "merged unit dong-son into dongson: 2 visits, 2 people (1 joined to namesakes), \
         2 plans, 1 task moved\n"
    );
    assert_eq!(
        csv_rows(&book.ok(&["person", "list", "--format", "csv"])),
        [
            [
                "number",
                "name",
                "position",
                "unit_code",
                "retired_on",
                "status"
            ],
            ["2", "Nguyễn Văn An", "", "dongson", "", ""],
            ["3", "Trần Thị Bình", "", "dongson", "", ""],
        ]
    );
    assert_checks(&book);
}

#[test]
fn a_retired_unit_is_refused_for_new_visits_until_the_retirement_is_undone() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["absent", "Trần Thị Bình"]);
    book.ok(&["visit", "end"]);
    assert_eq!(
        book.ok(&["unit", "retire", "tam-dai", "--on", "01/07/2025"]),
        "retired unit tam-dai (UBND xã Tam Đại) on 01/07/2025: kept for history and old \
         reports, no longer offered for new visits\n"
    );
    let before = book.snapshot();
    assert_eq!(
        book.fails(&["visit", "start", "tam-dai"], 1),
        "error: unit `tam-dai` (UBND xã Tam Đại) was retired on 01/07/2025: it is kept for \
         history and old reports but takes no new visits; if it is still checked, type \
         `spotcheck unit retire tam-dai --undo` first\n"
    );
    assert_eq!(
        book.fails(&["unit", "retire", "tam-dai", "--on", "1/7/2025"], 1),
        "error: unit `tam-dai` was already retired on 01/07/2025\n"
    );
    book.assert_unchanged(&before);
    // Old reports keep it.
    let month = book.ok(&["report", "month", "5/2022", "--format", "csv"]);
    assert!(month.contains("tam-dai"), "{month}");
    assert_eq!(
        book.ok(&["unit", "retire", "tam-dai", "--undo"]),
        "unit tam-dai (UBND xã Tam Đại) is in use again: it is offered for new visits\n"
    );
    assert_eq!(
        book.fails(&["unit", "retire", "tam-dai", "--undo"], 1),
        "error: unit `tam-dai` is not retired: there is nothing to undo\n"
    );
    book.ok(&["visit", "start", "tam-dai"]);
    assert_eq!(
        history_from(&book, 6)[..2],
        [
            entry("edit", "unit", "1", "retired_on: – → 2025-07-01", ""),
            entry("edit", "unit", "1", "retired_on: 2025-07-01 → –", ""),
        ]
    );
    assert_checks(&book);
}

#[test]
fn retire_is_today_by_default_and_refuses_on_with_undo() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "phu-thinh", "UBND thị trấn Phú Thịnh"]);
    assert_eq!(
        book.ok(&["unit", "retire", "phu thinh"]),
        "retired unit phu-thinh (UBND thị trấn Phú Thịnh) on 10/05/2022: kept for history and \
         old reports, no longer offered for new visits\n"
    );
    let error = book.fails(
        &["unit", "retire", "phu-thinh", "--on", "today", "--undo"],
        2,
    );
    assert!(
        error.starts_with("error: the argument '--on <DATE>' cannot be used with '--undo'"),
        "{error}"
    );
}

/// A second inspector's logbook, in a directory of its own.
fn inspector() -> Logbook {
    Logbook::new().env("SPOTCHECK_BY", "Phạm Minh Tuấn")
}

#[test]
fn merging_logbooks_keeps_a_unit_of_another_code_and_equal_name_and_names_it() {
    let leader = Logbook::new();
    add_dong_son(&leader);
    let other = inspector();
    other.ok(&["unit", "add", "dongson", "ubnd xã Đông Sơn"]);
    other.ok(&["visit", "start", "dongson"]);
    other.ok(&["absent", "Lý Thị Mai"]);
    let other_db = other.db().display().to_string();
    let merged = leader.ok(&["merge", &other_db]);
    assert!(
        merged.contains("│ units    ┆   1 ┆       0 ┆         0 ┆         0 │"),
        "{merged}"
    );
    assert!(
        merged.ends_with(
            "likely duplicate: unit `dongson` (ubnd xã Đông Sơn) was added under its own code, \
             and unit `dong-son` has the same name (UBND xã Đông Sơn); if they are one, type \
             `spotcheck unit merge dong-son dongson`\n"
        ),
        "{merged}"
    );
    // Merging again changes nothing and names nothing.
    assert_eq!(
        leader.ok(&["merge", &other_db]),
        format!(
            "nothing to change: everything in {other_db} is already in {}\n",
            leader.db().display()
        )
    );
    let codes: Vec<String> = csv_records(&leader.ok(&["unit", "list", "--format", "csv"]))
        .into_iter()
        .map(|u| u["code"].clone())
        .collect();
    assert_eq!(codes, ["dong-son", "dongson"]);
    leader.ok(&["unit", "merge", "dong-son", "dongson"]);
    assert_checks(&leader);
}

#[test]
fn merging_logbooks_carries_a_unit_merge_over() {
    let leader = Logbook::new();
    leader.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    leader.ok(&["unit", "add", "phu-thinh", "UBND thị trấn Phú Thịnh"]);
    leader.ok(&["visit", "start", "phu-thinh", "--at", "09/05/2022 07:30"]);
    leader.ok(&["late", "Võ Văn Tư", "--arrived", "7h40"]);
    let other = inspector();
    other.ok(&["merge", &leader.db().display().to_string()]);
    other.ok(&["unit", "merge", "tam-dai", "phu-thinh"]);
    // The leader meanwhile logs another finding at Phú Thịnh.
    leader.ok(&["absent", "Đặng Quốc Huy"]);
    let merged = leader.ok(&[
        "merge",
        &other.db().display().to_string(),
        "--format",
        "csv",
    ]);
    assert_eq!(
        csv_rows(&merged)[1],
        ["units", "0", "1", "1", "0"].map(str::to_string)
    );
    let units = csv_records(&leader.ok(&["unit", "list", "--format", "csv"]));
    assert_eq!(units[0]["merged_into"], "tam-dai");
    let findings = csv_records(&leader.ok(&["list", "--format", "csv"]));
    let at: Vec<&str> = findings.iter().map(|f| f["unit_code"].as_str()).collect();
    assert_eq!(at, ["tam-dai", "tam-dai"]);
    assert_checks(&leader);
}

#[test]
fn what_the_other_logbook_logs_later_at_a_unit_merged_here_goes_to_the_kept_unit() {
    let leader = Logbook::new();
    add_dong_son(&leader);
    let other = inspector();
    other.ok(&["unit", "add", "dongson", "UBND xã Đông Sơn"]);
    let other_db = other.db().display().to_string();
    leader.ok(&["merge", &other_db]);
    leader.ok(&["unit", "merge", "dong-son", "dongson"]);
    other.ok(&["visit", "start", "dongson", "--at", "7:30"]);
    other.ok(&["absent", "Lý Thị Mai"]);
    leader.ok(&["merge", &other_db]);
    let findings = csv_records(&leader.ok(&["list", "--format", "csv"]));
    let at: Vec<[&str; 2]> = findings
        .iter()
        .map(|f| [f["unit_code"].as_str(), f["person"].as_str()])
        .collect();
    assert_eq!(at, [["dong-son", "Lý Thị Mai"]]);
    assert_eq!(
        csv_rows(&leader.ok(&["person", "list", "--format", "csv"]))[1..],
        [["1", "Lý Thị Mai", "", "dong-son", "", ""]]
    );
    assert_checks(&leader);
}
