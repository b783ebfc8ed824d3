//! The logbook file itself: created when first needed, never left half-made
//! by a failed command, owner-only, and `init` safe to repeat.

use crate::support::Logbook;

/// The logbook and the SQLite files that may lie beside it.
fn logbook_files(book: &Logbook) -> Vec<std::path::PathBuf> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = book.db().as_os_str().to_os_string();
            name.push(suffix);
            std::path::PathBuf::from(name)
        })
        .collect()
}

#[test]
fn a_failed_write_on_a_fresh_path_leaves_no_logbook_behind() {
    for args in [
        &["late", "Nguyễn Văn An", "--arrived", "8h"][..],
        &["visit", "start", "tam-dai"],
        &["person", "add", "tam-dai", "Nguyễn Văn An"],
        &["void", "1", "--reason", "ghi trùng"],
    ] {
        let book = Logbook::new();
        let before = book.snapshot();
        let stderr = book.fails(args, 1);
        assert!(
            !stderr.contains("created logbook"),
            "`{}` claims a logbook: {stderr}",
            args.join(" ")
        );
        for file in logbook_files(&book) {
            assert!(
                !file.exists(),
                "`{}` left {}",
                args.join(" "),
                file.display()
            );
        }
        book.assert_unchanged(&before);
    }
}

#[test]
fn the_first_write_creates_the_logbook_and_says_so() {
    let book = Logbook::new();
    let output = book.run(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert_eq!(output.code, 0, "{}", output.dump);
    assert_eq!(
        output.stderr,
        format!("created logbook {}\n", book.db().display())
    );
    assert!(book.db().is_file());
    let again = book.run(&["unit", "add", "noi-vu", "Phòng Nội vụ"]);
    assert_eq!(again.stderr, "", "{}", again.dump);
}

#[test]
fn init_creates_the_logbook_and_is_safe_to_repeat() {
    let book = Logbook::new();
    let first = book.run(&["init"]);
    assert_eq!(
        (first.code, first.stdout, first.stderr),
        (
            0,
            format!(
                "created logbook {} (schema version 14)\n",
                book.db().display()
            ),
            String::new()
        ),
    );
    assert!(book.db().is_file());

    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    let before = book.snapshot();
    let second = book.run(&["init"]);
    let ready = format!(
        "logbook {} is ready (schema version 14 of 14)\n",
        book.db().display()
    );
    assert_eq!(
        (second.code, second.stdout.as_str(), second.stderr.as_str()),
        (0, ready.as_str(), ""),
        "{}",
        second.dump
    );
    book.assert_unchanged(&before);
}

// The XDG layout of the platform dirs is Linux-only.
#[cfg(target_os = "linux")]
#[test]
fn without_a_db_flag_the_logbook_lives_in_the_data_dir_of_home() {
    let book = Logbook::new().without_db_flag();
    let expected = book.home().join(".local/share/spotcheck/logbook.db");
    assert_eq!(
        book.ok(&["init"]),
        format!(
            "created logbook {} (schema version 14)\n",
            expected.display()
        )
    );
    assert!(expected.is_file());
    assert!(!book.path("logbook.db").exists());
}

#[test]
fn spotcheck_db_in_the_environment_names_the_logbook() {
    let book = Logbook::new().without_db_flag();
    let db = book.path("từ-môi-trường.db");
    let book = book.env("SPOTCHECK_DB", db.to_str().unwrap());
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert!(db.is_file());
    assert!(!book.home().join(".local/share/spotcheck").exists());
}

#[test]
fn the_db_of_the_config_file_names_the_logbook() {
    let book = Logbook::new().without_db_flag();
    let db = book.path("sổ kiểm tra.db");
    let book = book.config(&format!("db = {:?}\n", db.to_str().unwrap()));
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert!(db.is_file());
}

#[test]
fn a_relative_db_in_the_config_file_is_beside_the_config_file() {
    // The config file is `<home>/config.toml`; commands run in the temporary dir.
    let book = Logbook::new()
        .without_db_flag()
        .config("db = \"sổ kiểm tra.db\"\n");
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    assert!(book.home().join("sổ kiểm tra.db").is_file());
    assert!(!book.path("sổ kiểm tra.db").exists());
}

#[test]
fn reads_and_config_do_not_create_a_logbook() {
    let book = Logbook::new();
    book.ok(&["config"]);
    book.ok(&["completions", "bash"]);
    assert!(!book.db().exists());
}

#[cfg(unix)]
#[test]
fn a_new_logbook_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let book = Logbook::new();
    book.ok(&["init"]);
    let mode = std::fs::metadata(book.db()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
}

#[test]
fn a_finding_logged_is_in_the_file_when_the_command_ends() {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    // Nothing is left in a write-ahead log for another program to miss.
    for file in &logbook_files(&book)[1..] {
        assert!(!file.exists(), "{} is left behind", file.display());
    }
    let copy = book.path("copy.db");
    crate::support::copy_logbook(book.db(), &copy);
    let conn = crate::support::open_logbook(&copy);
    let person: String = conn
        .query_row(
            "SELECT person FROM findings_v WHERE number = 1",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(person, "Đặng Quốc Huy");
}

#[test]
fn the_unchanged_check_notices_a_write() {
    // The bad-input tests rely on `assert_unchanged`; it must not pass vacuously.
    let book = Logbook::new();
    book.visit_tam_dai();
    let before = book.snapshot();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    let noticed = std::panic::catch_unwind(|| book.assert_unchanged(&before));
    assert!(noticed.is_err(), "a new finding went unnoticed");

    let before = book.snapshot();
    std::fs::write(book.path("stray.csv"), "").unwrap();
    let noticed = std::panic::catch_unwind(|| book.assert_unchanged(&before));
    assert!(noticed.is_err(), "a new file went unnoticed");
}

/// A logbook written by the first released schema, as the tour leaves it:
/// units, people, visits, findings, an edit and a void.
fn version_one_logbook(book: &Logbook) -> std::path::PathBuf {
    let fixture = fixture_of_version(1);
    std::fs::copy(&fixture, book.db()).unwrap();
    fixture
}

/// Every row of a query, each cell as text, for comparing two files.
fn rows_of(path: &std::path::Path, sql: &str) -> Vec<Vec<String>> {
    let conn =
        crate::support::open_logbook_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY);
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |row| {
        (0..columns)
            .map(|i| {
                row.get::<_, rusqlite::types::Value>(i)
                    .map(|value| format!("{value:?}"))
            })
            .collect()
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The fixture logbook written by schema `version`.
fn fixture_of_version(version: i64) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/logbook-v{version}.db"))
}

#[test]
fn a_logbook_of_every_older_schema_is_upgraded_with_a_backup_and_keeps_every_record() {
    // Each schema that ever shipped has its fixture, so every upgrade path runs.
    for version in 1..spotcheck::store::SCHEMA_VERSION {
        let fixture = fixture_of_version(version);
        assert!(
            fixture.is_file(),
            "no fixture for schema {version}: keep a logbook it wrote as {}",
            fixture.display()
        );
        let book = Logbook::new();
        std::fs::copy(&fixture, book.db()).unwrap();
        // Read from a copy: opening the fixture itself could leave files beside it.
        let pristine = book.path("pristine.db");
        std::fs::copy(&fixture, &pristine).unwrap();
        let mut views = vec![
            "SELECT * FROM findings_v ORDER BY number",
            "SELECT * FROM visits_v ORDER BY number",
            "SELECT * FROM people_v ORDER BY number",
            "SELECT * FROM units_v ORDER BY number",
        ];
        // Plans and tasks came with schema 4.
        if version >= 4 {
            views.extend([
                "SELECT * FROM plans_v ORDER BY number",
                "SELECT * FROM tasks_v ORDER BY number",
            ]);
        }
        let records_in = views.len();
        views.push("SELECT * FROM history_v ORDER BY seq");
        let before: Vec<_> = views
            .iter()
            .map(|sql| (sql, rows_of(&pristine, sql)))
            .collect();
        assert!(
            !before[0].1.is_empty(),
            "the v{version} fixture holds findings"
        );
        let records: usize = before[..records_in]
            .iter()
            .map(|(_, rows)| rows.len())
            .sum();
        let entries = before[records_in].1.len();

        book.ok(&["init"]);
        // The entries written before stay, and from before schema 11 one
        // more starts the compact chain from their head.
        let started = usize::from(version < 11);
        let checked = book.ok(&["check"]);
        assert!(
            checked.starts_with(&format!(
                "ok: {records} records agree with {} history entries",
                entries + started
            )),
            "v{version}: {checked}"
        );

        let backup = book.path(&format!("logbook.db.v{version}.bak"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&backup).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "v{version}: the backup is owner-only");
        }
        let schema = |path: &std::path::Path| rows_of(path, "PRAGMA user_version")[0][0].clone();
        assert_eq!(
            schema(&backup),
            format!("Integer({version})"),
            "the backup keeps the old schema"
        );
        assert_eq!(
            schema(book.db()),
            format!("Integer({})", spotcheck::store::SCHEMA_VERSION)
        );
        for (sql, rows) in &before {
            assert_eq!(
                &rows_of(&backup, sql),
                rows,
                "v{version}: {sql} differs in the backup"
            );
            // Views only gain columns at their end: the old ones keep their values.
            let mut upgraded: Vec<Vec<String>> = rows_of(book.db(), sql)
                .into_iter()
                .map(|row| row.into_iter().take(rows[0].len()).collect())
                .collect();
            if sql.contains("history_v") && version < 11 {
                let start = upgraded.pop().unwrap();
                let head = &rows.last().unwrap()[10];
                assert_eq!(start[3], "Text(\"upgrade\")", "v{version}: {start:?}");
                assert_eq!(
                    &start[9], head,
                    "v{version}: the new chain follows the old head"
                );
                let record_hash = rows_of(
                    book.db(),
                    "SELECT record_hash FROM history_v WHERE action = 'upgrade'",
                );
                assert_eq!(
                    &record_hash[0][0], head,
                    "v{version}: it records the old head"
                );
            }
            assert_eq!(
                &upgraded, rows,
                "v{version}: {sql} differs after the upgrade"
            );
        }
        // The upgraded file goes on taking changes, each with its history entry.
        book.ok(&["void", "2", "--reason", "ghi nhầm người"]);
        assert!(
            book.ok(&["check"]).starts_with(&format!(
                "ok: {records} records agree with {} history entries",
                entries + started + 1
            )),
            "v{version}"
        );
    }
}

#[test]
fn the_upgraded_checks_still_refuse_what_they_refused() {
    let book = Logbook::new();
    version_one_logbook(&book);
    book.ok(&["init"]);
    let conn = crate::support::open_logbook(book.db());
    for (sql, constraint) in [
        ("UPDATE findings SET kind = 'tardy' WHERE id = 1", "kind"),
        (
            "UPDATE findings SET action = 'fined' WHERE id = 1",
            "action",
        ),
        (
            "UPDATE history SET action = 'delete' WHERE seq = 1",
            "action",
        ),
        ("UPDATE history SET entity = 'team' WHERE seq = 1", "entity"),
    ] {
        let error = conn.execute(sql, []).unwrap_err().to_string();
        assert!(
            error.contains("CHECK constraint failed") && error.contains(constraint),
            "{sql}: {error}"
        );
    }
    // NULL stays allowed where it was: a finding with no action yet.
    conn.execute("UPDATE findings SET action = NULL WHERE id = 1", [])
        .unwrap();
}

#[test]
fn logging_a_finding_builds_no_temporary_index_for_its_checks() {
    // An `IN (…)` list in a CHECK makes SQLite build and drop a temporary
    // index on every insert; the schema spells its lists out with OR.
    let book = Logbook::new();
    book.ok(&["init"]);
    let conn = crate::support::open_logbook(book.db());
    for sql in [
        "INSERT INTO findings (uid, visit_id, kind, action, logged_by, logged_at, updated_at)
         VALUES ('u', 1, 'late', 'reminded', 'a', 'b', 'c')",
        "INSERT INTO history (at, by, action, entity, entity_uid, entity_id, record, fields, hash)
         VALUES ('a', 'b', 'insert', 'finding', 'u', 1, x'00', x'00', x'00')",
    ] {
        let opcodes: Vec<String> = conn
            .prepare(&format!("EXPLAIN {sql}"))
            .unwrap()
            .query_map([], |row| row.get::<_, String>(1))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            !opcodes.iter().any(|op| op == "OpenEphemeral"),
            "{sql}\n{opcodes:?}"
        );
    }
}

#[test]
fn backups_and_exports_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let book = Logbook::new().binary();
    book.visit_tam_dai();
    book.ok(&["absent", "Đặng Quốc Huy"]);
    book.ok(&["backup", "copy.db"]);
    book.ok(&["export", "findings", "-o", "findings.csv"]);
    book.ok(&[
        "report",
        "month",
        "2022-05",
        "--format",
        "csv",
        "-o",
        "report.csv",
    ]);
    for name in ["copy.db", "findings.csv", "report.csv"] {
        let mode = std::fs::metadata(book.path(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}: {mode:o}");
    }
}

/// What `vi` prints for `args`, which must fail with `code`: its standard error.
fn fails_in_vietnamese(book: &Logbook, args: &[&str], code: i32) -> String {
    let mut vietnamese = vec!["--lang", "vi"];
    vietnamese.extend(args);
    book.fails(&vietnamese, code)
}

#[test]
fn what_is_wrong_with_the_logbook_file_is_told_in_vietnamese() {
    // Only the end is the store's: the `logbook PATH` before it is the error's.
    let book = Logbook::new();
    let error = fails_in_vietnamese(&book, &["list"], 1);
    assert!(
        error.starts_with("lỗi: ")
            && error.ends_with(
                ": không tồn tại: tạo sổ bằng `spotcheck init`, \
                 rồi thêm đơn vị bằng `spotcheck unit add CODE NAME`\n"
            ),
        "{error}"
    );

    std::fs::write(book.db(), "đây không phải sổ kiểm tra\n").unwrap();
    let error = fails_in_vietnamese(&book, &["list"], 1);
    assert!(
        error.ends_with(
            ": không phải sổ kiểm tra của spotcheck (không phải cơ sở dữ liệu SQLite); \
             hãy chỉ định sổ kiểm tra bằng `--db`\n"
        ),
        "{error}"
    );

    let book = Logbook::new();
    book.ok(&["init"]);
    let newer = spotcheck::store::SCHEMA_VERSION + 1;
    crate::support::open_logbook(book.db())
        .pragma_update(None, "user_version", newer)
        .unwrap();
    let error = fails_in_vietnamese(&book, &["list"], 1);
    assert!(
        error.ends_with(&format!(
            ": được ghi bởi phiên bản spotcheck mới hơn (lược đồ phiên bản {newer}; \
             spotcheck {release} đọc được lược đồ phiên bản 1 đến {}): hãy mở sổ bằng spotcheck \
             đã ghi nó, một phiên bản sau {release} (CHANGELOG.md ghi phiên bản nào mang lược \
             đồ nào)\n",
            spotcheck::store::SCHEMA_VERSION,
            release = env!("CARGO_PKG_VERSION")
        )),
        "{error}"
    );
}

#[test]
fn records_that_cannot_be_found_are_told_in_vietnamese() {
    let book = Logbook::new();
    book.ok(&["unit", "add", "tam-dai", "UBND xã Tam Đại"]);
    book.ok(&["unit", "add", "tam-dan", "UBND xã Tam Đàn"]);
    assert_eq!(
        fails_in_vietnamese(&book, &["visit", "start", "tam-d"], 1),
        "lỗi: không có đơn vị nào khớp với `tam-d`: có phải là `tam-dai` (UBND xã Tam Đại) \
         hoặc `tam-dan` (UBND xã Tam Đàn)? xem `spotcheck unit list`, \
         hoặc thêm đơn vị bằng `spotcheck unit add CODE NAME`\n"
    );
    assert_eq!(
        fails_in_vietnamese(&book, &["visit", "start", "tam da"], 1),
        "lỗi: `tam da` khớp với 2 đơn vị: tam-dai (UBND xã Tam Đại), tam-dan (UBND xã Tam Đàn); \
         hãy gõ mã đơn vị\n"
    );
    assert_eq!(
        fails_in_vietnamese(&book, &["unit", "add", "tam-dai", "UBND xã Tam Đại"], 1),
        "lỗi: đơn vị `tam-dai` đã có: sửa bằng `spotcheck unit edit tam-dai`\n"
    );
    assert_eq!(
        fails_in_vietnamese(&book, &["late", "Nguyễn Văn An", "--arrived", "8h"], 1),
        "lỗi: chưa có lượt kiểm tra nào đang diễn ra: bắt đầu một lượt bằng \
         `spotcheck visit start UNIT`, hoặc chỉ định lượt kiểm tra bằng `--visit ID`\n"
    );
    assert_eq!(
        fails_in_vietnamese(&book, &["show", "99"], 1),
        "lỗi: không có phát hiện `99`: xem `spotcheck list`\n"
    );
    assert_eq!(
        fails_in_vietnamese(&book, &["visit", "show", "7"], 1),
        "lỗi: không có lượt kiểm tra `7`: xem `spotcheck visit list`\n"
    );
    book.ok(&["visit", "start", "tam-dai"]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "8h"]);
    book.ok(&["void", "1", "--reason", "ghi trùng"]);
    assert_eq!(
        fails_in_vietnamese(&book, &["void", "1", "--reason", "ghi trùng"], 1),
        "lỗi: phát hiện #1 đã bị hủy từ trước (lúc 2022-05-10T00:35:00.000Z: ghi trùng)\n"
    );
}

#[test]
fn sql_and_export_refusals_are_told_in_vietnamese() {
    let book = Logbook::new();
    book.visit_tam_dai();
    assert_eq!(
        fails_in_vietnamese(&book, &["sql", "DELETE FROM units"], 1),
        "lỗi: bị từ chối: `spotcheck sql` chỉ đọc (SELECT, WITH … SELECT, các pragma chỉ đọc); \
         hãy dùng các lệnh của spotcheck để thay đổi sổ kiểm tra\n"
    );
    assert_eq!(
        fails_in_vietnamese(
            &book,
            &["sql", "SELECT code FROM units WHERE code = :unit"],
            1
        ),
        "lỗi: tham số `:unit` của truy vấn chưa có giá trị: cho giá trị bằng `--param unit=VALUE`\n"
    );
    assert_eq!(
        fails_in_vietnamese(&book, &["export", "units", "--month", "2022-05"], 2),
        "lỗi: đơn vị không có ngày tháng: bỏ `--month`, `--from` và `--to`\n"
    );
}

#[test]
fn check_tells_its_problems_in_vietnamese_and_names_records_as_scripts_read_them() {
    let book = Logbook::new();
    book.visit_tam_dai();
    crate::support::open_logbook(book.db())
        .execute(
            "UPDATE units SET name = 'UBND xã Tam Đàn' WHERE code = 'tam-dai'",
            [],
        )
        .unwrap();
    let output = book.run(&["--lang", "vi", "check", "--format", "csv"]);
    assert_eq!(output.code, 3, "{}", output.dump);
    assert_eq!(
        output.stdout,
        "record,problem\n\
         unit #1,khác với mục lịch sử cuối cùng: bản ghi đã bị sửa không qua spotcheck (name)\n"
    );
}

/// The month report of the schema 12 fixture, as the release that wrote it
/// printed it, for `args` of `report`.
const V12_REPORTS: [(&[&str], &str); 3] = [
    (
        &["month", "2022-05"],
        "\
         unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,files_checked,overdue_rate\n\
         dong-hung,UBND phường Đông Hưng,1,1,35,1,1,3,1,4,0,,0,0,0,0,\n\
         dong-son,UBND xã Đông Sơn,0,0,0,0,0,0,0,0,0,1,0,0,0,0,\n\
         noi-vu,Phòng Nội vụ huyện Phú Ninh,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         phu-thinh,UBND thị trấn Phú Thịnh,1,0,0,1,1,1,1,3,0,,0,0,0,0,\n\
         tam-dai,UBND xã Tam Đại,1,2,70,1,2,8,0,5,0,,0,0,0,0,\n\
         tam-dai-hcc,Bộ phận một cửa xã Tam Đại,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         TOTAL,,3,3,105,3,4,12,2,12,0,1,0,0,0,0,\n",
    ),
    (
        &["month", "2022-06"],
        "\
         unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,files_checked,overdue_rate\n\
         dong-hung,UBND phường Đông Hưng,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         dong-son,UBND xã Đông Sơn,2,2,45,1,1,3,0,5,0,1,0,1,1,12,8.3\n\
         noi-vu,Phòng Nội vụ huyện Phú Ninh,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         phu-thinh,UBND thị trấn Phú Thịnh,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         tam-dai,UBND xã Tam Đại,2,2,40,0,1,1,1,4,1,,0,0,0,8,12.5\n\
         tam-dai-hcc,Bộ phận một cửa xã Tam Đại,1,1,20,0,0,0,0,1,0,,0,0,0,0,\n\
         TOTAL,,5,5,105,1,2,4,1,10,1,1,0,1,1,20,10.0\n",
    ),
    (
        &["quarter", "2022-Q2"],
        "\
         unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,files_checked,overdue_rate\n\
         dong-hung,UBND phường Đông Hưng,1,1,35,1,1,3,1,4,0,,0,0,0,0,\n\
         dong-son,UBND xã Đông Sơn,2,2,45,1,1,3,0,5,2,3,0,1,1,12,8.3\n\
         noi-vu,Phòng Nội vụ huyện Phú Ninh,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         phu-thinh,UBND thị trấn Phú Thịnh,1,0,0,1,1,1,1,3,0,,0,0,0,0,\n\
         tam-dai,UBND xã Tam Đại,3,4,110,1,3,9,1,9,1,,0,0,0,8,12.5\n\
         tam-dai-hcc,Bộ phận một cửa xã Tam Đại,1,1,20,0,0,0,0,1,0,,0,0,0,0,\n\
         TOTAL,,8,8,210,4,6,16,3,22,3,3,0,1,1,20,10.0\n",
    ),
];

#[test]
fn an_upgraded_schema_12_logbook_reports_every_figure_as_before() {
    let book = Logbook::new().now("2022-07-03T08:00");
    std::fs::copy(fixture_of_version(12), book.db()).unwrap();
    book.ok(&["init"]);
    for (args, expected) in V12_REPORTS {
        let mut command = vec!["report"];
        command.extend(args.iter().copied());
        command.extend(["--format", "csv"]);
        assert_eq!(book.ok(&command), expected, "report {}", args.join(" "));
    }
    // With periods from the 15th, a report's days at either end of its
    // whole months are counted from the visits themselves.
    let book = Logbook::new()
        .now("2022-07-03T08:00")
        .config("period_start_day = 15\n");
    std::fs::copy(fixture_of_version(12), book.db()).unwrap();
    book.ok(&["init"]);
    assert_eq!(
        book.ok(&["report", "month", "2022-07", "--format", "csv"]),
        "\
         unit_code,unit_name,visits,late,late_minutes,absent,overdue,overdue_working_days,other,findings,repeat_people,planned_visits,unfinished_tasks,excused_absences,early,files_checked,overdue_rate\n\
         dong-hung,UBND phường Đông Hưng,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         dong-son,UBND xã Đông Sơn,2,2,45,1,1,3,0,5,0,1,0,1,1,12,8.3\n\
         noi-vu,Phòng Nội vụ huyện Phú Ninh,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         phu-thinh,UBND thị trấn Phú Thịnh,0,0,0,0,0,0,0,0,0,,0,0,0,0,\n\
         tam-dai,UBND xã Tam Đại,1,1,20,0,1,1,0,2,1,,0,0,0,8,12.5\n\
         tam-dai-hcc,Bộ phận một cửa xã Tam Đại,1,1,20,0,0,0,0,1,0,,0,0,0,0,\n\
         TOTAL,,4,4,85,1,2,4,0,8,1,1,0,1,1,20,10.0\n"
    );
    book.ok(&["check"]);
}
