//! `spotcheck sql` only reads: whatever statement it is given, the logbook's
//! content stays as it was and no file appears beside it; a runaway or
//! oversized query stops with a message.

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;

use crate::support::{Logbook, stored_rows};

/// A logbook with a little of everything, to try statements on.
fn logbook() -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    book.ok(&["late", "Nguyễn Văn An", "--minutes", "12"]);
    book.ok(&["absent", "Trần Thị Bình"]);
    book.ok(&["void", "2", "--reason", "ghi nhầm"]);
    book
}

/// Every row of every table and the schema itself, as text.
fn contents(db: &Path) -> Vec<String> {
    let conn =
        crate::support::open_logbook_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY);
    let mut all: Vec<String> = conn
        .prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for pragma in [
        "user_version",
        "application_id",
        "journal_mode",
        "page_size",
    ] {
        let value: rusqlite::types::Value = conn
            .query_row(&format!("PRAGMA {pragma}"), [], |row| row.get(0))
            .unwrap();
        all.push(format!("{pragma} = {value:?}"));
    }
    all.extend(stored_rows(db));
    all
}

/// The names in the logbook's folder, without SQLite's own `-wal`/`-shm`.
fn files(book: &Logbook) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(book.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_runaway_query_is_stopped_at_its_time_limit() {
    let book = logbook();
    let started = Instant::now();
    let stderr = book.fails(
        &[
            "sql",
            "--time-limit",
            "1",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
        ],
        1,
    );
    assert_eq!(
        stderr,
        "error: the query was stopped after 1 s: narrow it with WHERE or LIMIT, \
         or give it longer with `--time-limit SECONDS`\n"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    let refused = book.fails(&["sql", "--time-limit", "0", "SELECT 1"], 2);
    assert!(refused.contains("--time-limit"), "{refused}");
}

#[test]
fn oversized_queries_are_refused_with_the_limit_they_passed() {
    let book = logbook();
    let long = format!("SELECT 1 {}", " ".repeat(100_000));
    let deep = format!("SELECT {}", vec!["1"; 200].join(" + "));
    for (sql, expected) in [
        (
            long.as_str(),
            "error: the query failed: statement too long: a query may be up to 100000 bytes \
             long and make values of up to 10000000 bytes\n",
        ),
        (
            "SELECT length(printf('%.*c', 20000000, 'x'))",
            "error: the query failed: string or blob too big: a query may be up to 100000 bytes \
             long and make values of up to 10000000 bytes\n",
        ),
        (
            deep.as_str(),
            "error: the query failed: Expression tree is too large (maximum depth 100)\n",
        ),
    ] {
        assert_eq!(
            book.fails(&["sql", sql], 1),
            expected,
            "{}",
            &sql[..40.min(sql.len())]
        );
    }
}

/// Every pragma SQLite knows, whether it reads or writes.
const PRAGMAS: &[&str] = &[
    "analysis_limit",
    "application_id",
    "auto_vacuum",
    "automatic_index",
    "busy_timeout",
    "cache_size",
    "cache_spill",
    "case_sensitive_like",
    "cell_size_check",
    "checkpoint_fullfsync",
    "collation_list",
    "compile_options",
    "count_changes",
    "data_version",
    "database_list",
    "default_cache_size",
    "defer_foreign_keys",
    "empty_result_callbacks",
    "encoding",
    "foreign_key_check",
    "foreign_key_list",
    "foreign_keys",
    "freelist_count",
    "full_column_names",
    "fullfsync",
    "function_list",
    "hard_heap_limit",
    "ignore_check_constraints",
    "incremental_vacuum",
    "index_info",
    "index_list",
    "index_xinfo",
    "integrity_check",
    "journal_mode",
    "journal_size_limit",
    "legacy_alter_table",
    "locking_mode",
    "max_page_count",
    "mmap_size",
    "module_list",
    "optimize",
    "page_count",
    "page_size",
    "pragma_list",
    "query_only",
    "quick_check",
    "read_uncommitted",
    "recursive_triggers",
    "reverse_unordered_selects",
    "schema_version",
    "secure_delete",
    "short_column_names",
    "shrink_memory",
    "soft_heap_limit",
    "synchronous",
    "table_info",
    "table_list",
    "table_xinfo",
    "temp_store",
    "temp_store_directory",
    "threads",
    "trusted_schema",
    "user_version",
    "wal_autocheckpoint",
    "wal_checkpoint",
    "writable_schema",
];

const TABLES: &[&str] = &[
    "units",
    "people",
    "visits",
    "findings",
    "history",
    "meta",
    "findings_v",
    "history_v",
    "sqlite_schema",
    "main.findings",
    "temp.scratch",
];

/// One statement of any kind, aimed at the logbook.
fn statement() -> impl Strategy<Value = String> {
    let table = proptest::sample::select(TABLES);
    let pragma = proptest::sample::select(PRAGMAS);
    let value = proptest::sample::select(
        &[
            "0",
            "1",
            "-1",
            "100",
            "'x'",
            "'wal'",
            "'delete'",
            "'off'",
            "NULL",
            "'findings'",
            "'escape.db'",
        ][..],
    );
    prop_oneof![
        (pragma.clone(), value.clone()).prop_map(|(p, v)| format!("PRAGMA {p} = {v}")),
        (pragma.clone(), value.clone()).prop_map(|(p, v)| format!("PRAGMA {p}({v})")),
        pragma.prop_map(|p| format!("PRAGMA main.{p}")),
        (table.clone(), value.clone()).prop_map(|(t, v)| format!("INSERT INTO {t} VALUES ({v})")),
        (table.clone(), value.clone())
            .prop_map(|(t, v)| format!("REPLACE INTO {t} SELECT * FROM {t} WHERE {v}")),
        (table.clone(), value.clone()).prop_map(|(t, v)| format!("UPDATE {t} SET rowid = {v}")),
        table.clone().prop_map(|t| format!("DELETE FROM {t}")),
        table.clone().prop_map(|t| format!("DROP TABLE {t}")),
        table.clone().prop_map(|t| format!("DROP VIEW {t}")),
        table
            .clone()
            .prop_map(|t| format!("ALTER TABLE {t} RENAME TO gone")),
        table
            .clone()
            .prop_map(|t| format!("ALTER TABLE {t} ADD COLUMN extra TEXT")),
        table
            .clone()
            .prop_map(|t| format!("CREATE INDEX idx ON {t} (1)")),
        table
            .clone()
            .prop_map(|t| format!("CREATE TEMP TABLE scratch AS SELECT * FROM {t}")),
        table
            .clone()
            .prop_map(|t| format!("CREATE VIEW v AS SELECT * FROM {t}")),
        table.clone().prop_map(|t| format!(
            "CREATE TRIGGER t AFTER INSERT ON {t} BEGIN DELETE FROM findings; END"
        )),
        table.clone().prop_map(|t| format!("REINDEX {t}")),
        table.clone().prop_map(|t| format!("ANALYZE {t}")),
        table
            .clone()
            .prop_map(|t| format!("WITH x AS (SELECT 1) DELETE FROM {t}")),
        table
            .clone()
            .prop_map(|t| format!("SELECT * FROM {t}; DELETE FROM {t}")),
        value.clone().prop_map(|v| format!("ATTACH {v} AS other")),
        value.clone().prop_map(|v| format!("VACUUM INTO {v}")),
        value.prop_map(|v| format!("SELECT load_extension({v})")),
        proptest::sample::select(
            &[
                "VACUUM",
                "BEGIN",
                "BEGIN IMMEDIATE",
                "COMMIT",
                "ROLLBACK",
                "SAVEPOINT s",
                "RELEASE s",
                "DETACH other",
                "SELECT 1",
                "SELECT count(*) FROM findings_v",
            ][..]
        )
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_statement_changes_the_logbook_or_leaves_a_file(sql in statement()) {
        let book = logbook();
        let before = (contents(book.db()), files(&book));
        let output = book.run(&["sql", &sql]);
        prop_assert!(output.code == 0 || output.code == 1, "{}", output.dump);
        prop_assert_eq!(&(contents(book.db()), files(&book)), &before, "{}", sql);
    }
}
