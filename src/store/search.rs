//! Searching findings by their words: what a person types for `--search`
//! turned into a query of the full-text index `finding_search` (schema 3).

use rusqlite::Connection;

use crate::error::{Context, Error, Result};
use crate::fold::nfc;

/// The full-text query for what a person typed: each word must begin a word
/// of the finding, all of them (`nguyen van` becomes `"nguyen"* AND "van"*`).
///
/// The words take the same way as the indexed text: đ is written d here,
/// then SQLite's tokenizer drops case and accents on both sides, so `duc`,
/// `Đức` and `ĐỨC` find the same findings. Each word is quoted, so that what
/// the query language would read as syntax (`"`, `*`, `-`, `:`, `(`, `OR`,
/// `NEAR`) is only text; a word with inner punctuation (`HS-2022-0412`)
/// becomes a phrase of its parts.
pub fn match_expression(typed: &str) -> Result<String> {
    let text = nfc(typed).replace(['đ', 'Đ'], "d");
    let terms: Vec<String> = text
        .split_whitespace()
        // A word of punctuation alone would be an empty phrase, which
        // matches nothing and would make the whole search find nothing.
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        return Err(Error::input(t!("store-search-no-word", typed = typed)));
    }
    Ok(terms.join(" AND "))
}

/// Whether changes to findings wait in the queue for the index.
pub(super) fn any_pending(conn: &Connection) -> Result<bool> {
    super::query_one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM search_pending)",
        [],
        |row| row.get(0),
    )
    .with_context(|| t!("store-indexing-search"))
}

/// How many queued findings one statement indexes.
const INDEX_BATCH: i64 = 20_000;

/// Index the findings the triggers queued (schema_v3.sql says why they
/// queue them): a batch of them at a time, in one statement each for taking
/// old words out and putting new ones in, so that FTS5 writes to disk once
/// for many findings instead of once per finding. Run inside the
/// transaction that queued them.
///
/// Batches, because a statement inside a transaction keeps in memory the
/// pages it changes that the transaction had written before it; FTS5's
/// merges of its segments change many, and one statement for the million
/// findings of a bulk load held about 20 MB of them.
pub(super) fn index_pending(conn: &Connection) -> Result<()> {
    index_pending_by(conn, INDEX_BATCH)
}

fn index_pending_by(conn: &Connection, batch_size: i64) -> Result<()> {
    let context = || t!("store-indexing-search");
    loop {
        // The last finding of the next batch, by number.
        let last: Option<i64> = super::query_one(
            conn,
            "SELECT max(finding) FROM (
                 SELECT finding FROM search_pending ORDER BY finding LIMIT :batch
             )",
            &[(":batch", &batch_size)],
            |row| row.get(0),
        )
        .with_context(context)?;
        let Some(last) = last else {
            return Ok(());
        };
        let batch: &[(&str, &dyn rusqlite::ToSql)] = &[(":last", &last)];
        super::exec(
            conn,
            "INSERT INTO finding_search (finding_search, rowid, words)
             SELECT 'delete', finding, words FROM search_pending
             WHERE finding <= :last AND words IS NOT NULL",
            batch,
        )
        .with_context(context)?;
        super::exec(
            conn,
            "INSERT INTO finding_search (rowid, words)
             SELECT id, words FROM finding_words
             WHERE id IN (SELECT finding FROM search_pending WHERE finding <= :last)",
            batch,
        )
        .with_context(context)?;
        super::exec(
            conn,
            "DELETE FROM search_pending WHERE finding <= :last",
            batch,
        )
        .with_context(context)?;
    }
}

/// Whether the index holds exactly the words of every finding; the message
/// says what is wrong when it does not.
pub(super) fn index_problem(
    conn: &Connection,
    key: Option<&super::cipher::LogbookKey>,
) -> Result<Option<String>> {
    // FTS5 takes its integrity check as an insert, which a read may not
    // send to the logbook: it is run on a private copy.
    if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
        || conn
            .pragma_query_value(None, "query_only", |row| row.get::<_, bool>(0))
            .unwrap_or(true)
    {
        let path = conn
            .path()
            .map(std::path::PathBuf::from)
            .unwrap_or_default();
        let copy = super::private_copy(conn, &path, key)?;
        return index_problem(copy.conn(), key);
    }
    let pending: i64 = conn
        .query_row("SELECT count(*) FROM search_pending", [], |row| row.get(0))
        .with_context(|| t!("store-checking-search-index"))?;
    // Queued findings are not in the index yet, so comparing it with the
    // findings' words would call it damaged; its own structure is checked.
    let rank = if pending > 0 { 0 } else { 1 };
    // With rank 1, FTS5 compares its index with the words the findings have
    // now, not only with itself.
    match conn.execute(
        "INSERT INTO finding_search (finding_search, rank) VALUES ('integrity-check', :rank)",
        rusqlite::named_params! { ":rank": rank },
    ) {
        Ok(_) if pending > 0 => Ok(Some(t!("store-search-index-pending", count = pending))),
        Ok(_) => Ok(None),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Ok(Some(t!("store-search-index-out-of-step")))
        }
        Err(e) => Err(e).with_context(|| t!("store-checking-search-index")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn each_word_is_a_quoted_prefix_and_all_must_match() {
        assert_eq!(
            match_expression("nguyen van").unwrap(),
            r#""nguyen"* AND "van"*"#
        );
        assert_eq!(match_expression("  Lộc \t").unwrap(), r#""Lộc"*"#);
    }

    #[test]
    fn d_with_stroke_is_written_d_in_either_case() {
        assert_eq!(match_expression("Đỗ đức").unwrap(), r#""dỗ"* AND "dức"*"#);
    }

    #[test]
    fn combining_marks_are_composed_first() {
        assert_eq!(
            match_expression("Lo\u{323}\u{302}c").unwrap(),
            match_expression("Lộc").unwrap()
        );
    }

    #[test]
    fn query_syntax_typed_by_a_person_stays_text() {
        assert_eq!(
            match_expression(r#"say "hi" OR NEAR(a b) -x y:z *"#).unwrap(),
            r#""say"* AND """hi"""* AND "OR"* AND "NEAR(a"* AND "b)"* AND "-x"* AND "y:z"*"#
        );
        assert_eq!(
            match_expression("HS-2022-0412").unwrap(),
            r#""HS-2022-0412"*"#
        );
    }

    /// Run `sql` as any writer would send it, so that the triggers alone
    /// say what the index must change, in one write of spotcheck's.
    fn write_sql(store: &mut Store, sql: &str) {
        store
            .write(|tx| tx.execute_batch(sql).context("test write"))
            .unwrap();
    }

    /// A logbook in memory with one unit and visit, and a finding whose
    /// note is each of `notes`, all logged in one write.
    fn logbook_with_notes(notes: &[String]) -> Store {
        logbook_with_notes_indexed_by(notes, INDEX_BATCH)
    }

    /// The same, its search index written `batch_size` findings at a time.
    fn logbook_with_notes_indexed_by(notes: &[String], batch_size: i64) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        write_sql(
            &mut store,
            "INSERT INTO units (uid, code, name, name_folded, created_at, updated_at)
             VALUES ('u1', 'dong-hung', 'UBND phường Đông Hưng', 'ubnd phuong dong hung', 'a', 'a');
             INSERT INTO visits (uid, unit_id, started_at, created_by, created_at, updated_at)
             VALUES ('v1', 1, '2022-05-11 07:10', 'a', 'a', 'a');",
        );
        store
            .write(|tx| {
                for (n, note) in notes.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO findings (uid, visit_id, kind, note, logged_by, logged_at, updated_at)
                         VALUES (:uid, 1, 'other', :note, 'a', 'a', 'a')",
                        rusqlite::named_params! { ":uid": format!("f{n}"), ":note": note },
                    )
                    .context("test write")?;
                }
                index_pending_by(tx, batch_size)?;
                assert!(!any_pending(tx)?);
                Ok(())
            })
            .unwrap();
        store
    }

    fn found(store: &Store, typed: &str) -> Vec<i64> {
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT rowid FROM finding_search WHERE finding_search MATCH :q ORDER BY rowid",
            )
            .unwrap();
        stmt.query_map(
            rusqlite::named_params! { ":q": match_expression(typed).unwrap() },
            |row| row.get(0),
        )
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    #[test]
    fn every_vietnamese_letter_is_found_by_its_fold_and_by_itself() {
        let vowels = "aăâeêioôơuưy";
        let letters: Vec<String> = vowels
            .chars()
            .flat_map(|v| {
                // No tone, then the five tone marks, combined and composed.
                ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
                    .into_iter()
                    .map(move |tone| nfc(&format!("{v}{tone}")))
            })
            .chain(["đ".to_string()])
            .flat_map(|l| [l.clone(), l.to_uppercase()])
            .collect();
        // Between two letters, so that each note is one word of its own.
        let notes: Vec<String> = letters.iter().map(|l| format!("x{l}x")).collect();
        let store = logbook_with_notes(&notes);
        for (n, letter) in letters.iter().enumerate() {
            let id = n as i64 + 1;
            for typed in [
                format!("x{letter}x"),
                crate::fold::fold(&format!("x{letter}x")),
            ] {
                assert!(found(&store, &typed).contains(&id), "{letter}: `{typed}`");
            }
        }
    }

    #[test]
    fn the_index_follows_every_write_and_stays_whole() {
        let mut store = logbook_with_notes(&["đường Trường Chinh".into(), "họp giao ban".into()]);
        write_sql(
            &mut store,
            "INSERT INTO people (uid, unit_id, name, name_key, name_folded, created_at, updated_at)
             VALUES ('p1', 1, 'Đỗ Thị Lữ', 'đỗ thị lữ', 'do thi lu', 'a', 'a');
             UPDATE findings SET person_id = 1 WHERE id = 2;",
        );
        assert_eq!(found(&store, "duong"), [1]);
        assert_eq!(found(&store, "do lu"), [2]);
        assert_eq!(found(&store, "dong hung"), [1, 2]);

        write_sql(
            &mut store,
            "UPDATE findings SET note = 'kẹt xe' WHERE id = 1",
        );
        assert_eq!(found(&store, "duong"), Vec::<i64>::new());
        assert_eq!(found(&store, "ket xe"), [1]);

        write_sql(
            &mut store,
            "UPDATE people SET name = 'Đỗ Thị Lựu' WHERE id = 1",
        );
        assert_eq!(found(&store, "luu"), [2]);
        assert_eq!(found(&store, "lu"), [2], "a prefix of Lựu");
        assert_eq!(found(&store, "do thi lu x"), Vec::<i64>::new());

        write_sql(
            &mut store,
            "UPDATE units SET name = 'UBND xã Tam Đại', code = 'tam-dai'",
        );
        assert_eq!(found(&store, "dong hung"), Vec::<i64>::new());
        assert_eq!(found(&store, "tam dai"), [1, 2]);
        assert_eq!(found(&store, "tam-dai"), [1, 2]);

        write_sql(
            &mut store,
            "INSERT INTO units (uid, code, name, name_folded, created_at, updated_at)
             VALUES ('u2', 'noi-vu', 'Phòng Nội vụ', 'phong noi vu', 'a', 'a');
             UPDATE visits SET unit_id = 2;
             DELETE FROM findings WHERE id = 1;",
        );
        assert_eq!(found(&store, "noi vu"), [2]);
        assert_eq!(found(&store, "tam"), Vec::<i64>::new());
        assert_eq!(found(&store, "ket"), Vec::<i64>::new());
        assert_eq!(index_problem(store.conn(), None).unwrap(), None);
    }

    #[test]
    fn a_finding_changed_again_in_its_write_is_indexed_once_with_its_last_words() {
        let mut store = logbook_with_notes(&["họp giao ban".into()]);
        // Logged, edited, its person and unit renamed, in one write; and an
        // indexed finding edited twice, then one logged and deleted.
        write_sql(
            &mut store,
            "INSERT INTO people (uid, unit_id, name, name_key, name_folded, created_at, updated_at)
             VALUES ('p1', 1, 'Đỗ Thị Lữ', 'đỗ thị lữ', 'do thi lu', 'a', 'a');
             INSERT INTO findings (uid, visit_id, kind, note, logged_by, logged_at, updated_at)
             VALUES ('f-new', 1, 'other', 'kẹt xe', 'a', 'a', 'a');
             UPDATE findings SET note = 'trời mưa', person_id = 1 WHERE uid = 'f-new';
             UPDATE people SET name = 'Đỗ Thị Lựu';
             UPDATE units SET name = 'UBND xã Tam Đại';
             UPDATE findings SET note = 'họp chi bộ' WHERE id = 1;
             UPDATE findings SET note = 'họp tổ' WHERE id = 1;
             INSERT INTO findings (uid, visit_id, kind, note, logged_by, logged_at, updated_at)
             VALUES ('f-gone', 1, 'other', 'xoá', 'a', 'a', 'a');
             DELETE FROM findings WHERE uid = 'f-gone';",
        );
        assert_eq!(found(&store, "mua luu tam dai"), [2]);
        assert_eq!(found(&store, "ket"), Vec::<i64>::new());
        assert_eq!(found(&store, "hop to"), [1]);
        assert_eq!(found(&store, "giao"), Vec::<i64>::new());
        assert_eq!(found(&store, "chi"), Vec::<i64>::new());
        assert_eq!(found(&store, "xoa"), Vec::<i64>::new());
        assert!(!any_pending(store.conn()).unwrap());
        assert_eq!(index_problem(store.conn(), None).unwrap(), None);
        // The same words as a full rebuild would put in.
        store
            .conn()
            .execute_batch("INSERT INTO finding_search (finding_search) VALUES ('rebuild')")
            .unwrap();
        assert_eq!(found(&store, "mua luu tam dai"), [2]);
        assert_eq!(found(&store, "hop to"), [1]);
    }

    #[test]
    fn a_change_made_outside_a_write_of_spotcheck_waits_in_the_queue() {
        let mut store = logbook_with_notes(&["họp giao ban".into()]);
        store
            .conn()
            .execute_batch(
                "INSERT INTO findings (uid, visit_id, kind, note, logged_by, logged_at, updated_at)
                 VALUES ('f-shell', 1, 'other', 'kẹt xe', 'a', 'a', 'a');
                 UPDATE findings SET note = 'họp tổ' WHERE id = 1;",
            )
            .unwrap();
        assert_eq!(found(&store, "ket"), Vec::<i64>::new());
        assert_eq!(found(&store, "giao"), [1], "the index as it was");
        let problem = index_problem(store.conn(), None).unwrap().unwrap();
        assert!(
            problem.starts_with("2 findings changed by another program"),
            "{problem}"
        );
        // The next write of spotcheck indexes them, whatever it writes.
        store.write(|_| Ok(())).unwrap();
        assert_eq!(found(&store, "ket"), [2]);
        assert_eq!(found(&store, "hop to"), [1]);
        assert_eq!(found(&store, "giao"), Vec::<i64>::new());
        assert_eq!(index_problem(store.conn(), None).unwrap(), None);
    }

    #[test]
    fn an_index_out_of_step_with_the_findings_is_a_problem() {
        let store = logbook_with_notes(&["họp giao ban".into()]);
        // Taken out of the index without the finding changing.
        store
            .conn()
            .execute_batch(
                "INSERT INTO finding_search (finding_search, rowid, words)
                 SELECT 'delete', id, words FROM finding_words",
            )
            .unwrap();
        assert!(index_problem(store.conn(), None).unwrap().is_some());
    }

    #[test]
    fn a_search_reads_the_index_not_every_finding() {
        let store = logbook_with_notes(&["họp giao ban".into()]);
        let filter = crate::store::FindingFilter {
            search: Some("giao".into()),
            ..Default::default()
        };
        let plan = crate::store::findings::list_plan(store.conn(), &filter).unwrap();
        assert!(
            plan.iter()
                .any(|step| step.contains("finding_search VIRTUAL TABLE INDEX 0:M")),
            "{plan:?}"
        );
        assert!(
            plan.iter()
                .any(|step| step == "SEARCH f USING INTEGER PRIMARY KEY (rowid=?)"),
            "{plan:?}"
        );
        assert!(
            !plan.iter().any(|step| step.starts_with("SCAN f ")),
            "{plan:?}"
        );
    }

    #[test]
    fn findings_queued_beyond_one_batch_are_all_indexed_with_their_new_words() {
        let notes: Vec<String> = (0..10).map(|n| format!("lô số {n:02}")).collect();
        // Ten findings indexed three at a time, the last batch short.
        let mut store = logbook_with_notes_indexed_by(&notes, 3);
        assert_eq!(found(&store, "lo so"), (1..=10).collect::<Vec<i64>>());
        assert_eq!(found(&store, "lô 07"), vec![8]);
        // Notes changed on both sides of a batch's edge: the old words go
        // out with the batch that puts the new ones in.
        store
            .write(|tx| {
                tx.execute_batch(
                    "UPDATE findings SET note = 'hồ sơ trễ ' || id WHERE id IN (3, 4, 9)",
                )
                .context("test write")?;
                index_pending_by(tx, 2)?;
                Ok(())
            })
            .unwrap();
        assert_eq!(found(&store, "lo so"), vec![1, 2, 5, 6, 7, 8, 10]);
        assert_eq!(found(&store, "ho so tre"), vec![3, 4, 9]);
        assert_eq!(found(&store, "lô 03"), Vec::<i64>::new());
        assert_eq!(index_problem(store.conn(), None).unwrap(), None);
    }

    #[test]
    fn text_with_no_letter_or_digit_is_refused() {
        for typed in ["", "   ", "-", "\" * : ( )", "—"] {
            let err = match_expression(typed).unwrap_err();
            assert!(
                err.to_string().contains("has no word to look for"),
                "{typed:?}: {err}"
            );
        }
    }
}
