//! The summaries by calendar month of the visits: each person's counted
//! findings (schema_v12.sql says how it is kept), read through the repeat
//! window, and each unit's figures of the month report (schema_v13.sql),
//! read by the reports of whole months.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Connection;

use super::{date_text, day_after_text};
use crate::error::{Context, Result};

/// A finding the repeat test counts, of findings `f`: not void, about a
/// person, with no excuse.
const COUNTED: &str = "f.voided_at IS NULL AND f.person_id IS NOT NULL AND f.excuse IS NULL";

/// The summary's figures of findings `f` with their visits `v`, grouped by
/// person: the visits that found something (several findings of one visit
/// are one occasion), the findings of each kind, the first and last visit,
/// and the highest action taken, as `Action::rung` numbers the ladder.
const FIGURES: &str = "count(DISTINCT f.visit_id), sum(f.kind = 'late'), sum(f.kind = 'absent'),
     sum(f.kind = 'overdue'), sum(f.kind = 'other'), sum(f.kind = 'task'), sum(f.kind = 'early'),
     min(v.started_at), max(v.started_at),
     max(CASE f.action WHEN 'reported' THEN 1 WHEN 'reminded' THEN 2 WHEN 'criticised' THEN 3
         WHEN 'review' THEN 4 WHEN 'discipline' THEN 5 END)";

/// The columns of `person_months`, in the order of [`FIGURES`] after the
/// person and the month.
const COLUMNS: &str =
    "person_id, month, visits, late, absent, overdue, other, task, early, first, last, rung";

/// Whether changes wait in either queue for the summaries.
pub(super) fn any_pending(conn: &Connection) -> Result<bool> {
    super::query_one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM person_months_pending)
             OR EXISTS (SELECT 1 FROM unit_months_pending)",
        [],
        |row| row.get(0),
    )
    .with_context(|| t!("store-summarising"))
}

/// Queued pairs from which the summary is worked out month by month
/// rather than person by person.
const MANY_PAIRS: i64 = 256;

/// Work both summaries out again for what their queues hold.
pub(super) fn settle(conn: &Connection) -> Result<()> {
    settle_people(conn)?;
    settle_units(conn)
}

/// Work the summary of the queued (person, month) pairs out again from
/// their findings, inside the transaction that queued them. A few pairs
/// (a finding logged or corrected) are worked out from their people's
/// findings, a handful of rows each; many (a bulk load) from the findings
/// of the queued months, each month read once, so that a load in batches
/// does not read each person's earlier findings again at every batch.
pub(super) fn settle_people(conn: &Connection) -> Result<()> {
    settle_queue(conn, "person_months", "person_id", |month| {
        // Both read the findings of the queued pairs and keep only those pairs.
        let (findings, month) = match month {
            None => (
                "findings f JOIN visits v ON v.id = f.visit_id
                 WHERE f.person_id IN (SELECT person_id FROM person_months_pending)",
                None,
            ),
            Some(month) => (
                "visits v CROSS JOIN findings f ON f.visit_id = v.id
                 WHERE v.started_at >= :month || '-01' AND v.started_at < :month || '-32'",
                Some(month),
            ),
        };
        let sql = format!(
            "INSERT INTO person_months ({COLUMNS})
             SELECT g.* FROM (
                 SELECT f.person_id, substr(v.started_at, 1, 7) AS visit_month, {FIGURES}
                 FROM {findings} AND {COUNTED}
                 GROUP BY f.person_id, substr(v.started_at, 1, 7)
             ) g
             JOIN person_months_pending p
               ON p.person_id = g.person_id AND p.month = g.visit_month"
        );
        match month {
            None => super::exec(conn, &sql, []),
            Some(month) => super::exec(conn, &sql, &[(":month", &month)]),
        }
    })
}

/// Work the summary `table` (keyed by its `key` and `month`) out again for
/// the pairs its queue, `{table}_pending`, holds, and empty the queue.
/// `insert` writes the rows of the queued pairs: of them all when given no
/// month (a few pairs: a finding logged or a record corrected), else of
/// the queued pairs of that month, so that a bulk load over years groups
/// one month's findings at once rather than all of them.
fn settle_queue(
    conn: &Connection,
    table: &str,
    key: &str,
    insert: impl Fn(Option<&str>) -> rusqlite::Result<usize>,
) -> Result<()> {
    let context = || t!("store-summarising");
    let queue = format!("{table}_pending");
    let pairs: i64 = super::query_one(conn, &format!("SELECT count(*) FROM {queue}"), [], |row| {
        row.get(0)
    })
    .with_context(context)?;
    if pairs == 0 {
        return Ok(());
    }
    super::exec(
        conn,
        &format!("DELETE FROM {table} WHERE (month, {key}) IN (SELECT month, {key} FROM {queue})"),
        [],
    )
    .with_context(context)?;
    if pairs <= MANY_PAIRS {
        insert(None).with_context(context)?;
    } else {
        // Without ORDER BY, SQLite keeps only the distinct months as it
        // reads the queue; with it, it sorted every queued pair first, all
        // of them in memory, where temporary data stays (Store::configure).
        let mut months: Vec<String> = conn
            .prepare(&format!("SELECT DISTINCT month FROM {queue}"))
            .and_then(|mut stmt| {
                stmt.query_map([], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()
            })
            .with_context(context)?;
        months.sort_unstable();
        for month in &months {
            insert(Some(month)).with_context(context)?;
        }
    }
    super::exec(conn, &format!("DELETE FROM {queue}"), []).with_context(context)?;
    Ok(())
}

/// The (person, month) pairs whose summary is not what their findings
/// give. Pairs that wait in the queue are left out: the next write works
/// them out, and reports read their findings until then.
pub(super) fn differences(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let context = || t!("store-checking-summary");
    let mut stmt = conn
        .prepare(&format!(
            "WITH kept AS (SELECT {COLUMNS} FROM person_months),
                  given AS (
                      SELECT f.person_id, substr(v.started_at, 1, 7) AS month, {FIGURES}
                      FROM findings f JOIN visits v ON v.id = f.visit_id
                      WHERE {COUNTED}
                      GROUP BY f.person_id, month
                  )
             SELECT DISTINCT person_id, month FROM (
                 SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM given)
                 UNION ALL
                 SELECT * FROM (SELECT * FROM given EXCEPT SELECT * FROM kept)
             ) d
             WHERE NOT EXISTS (SELECT 1 FROM person_months_pending p
                               WHERE p.person_id = d.person_id AND p.month = d.month)
             ORDER BY person_id, month"
        ))
        .with_context(context)?;
    let rows = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// The columns of `unit_months` after the unit and the month, in the order
/// of [`unit_figures`].
const UNIT_FIGURES: &str = "visits, files_checked, late, late_minutes, absent, overdue,
     overdue_working_days, other, findings, unfinished_tasks, excused_absences, early,
     overdue_of_checked";

/// Common table expressions ending in `unit_figures (unit_id, month,
/// {UNIT_FIGURES})`: the month report's figures of the visits `v` that
/// `visits` gives (a FROM clause and its WHERE), grouped by unit, and by
/// month too when `by_month` (otherwise `month` is NULL). Visits and
/// findings that are void are not counted; an absence with an excuse is an
/// attendance figure, not a breach; and a visit that counted the citizens'
/// files it checked counts its overdue files at most up to those, so that
/// their rate stays a share. Both the summary and the days a report reads
/// from the visits themselves are counted here.
fn unit_figures(visits: &str, by_month: bool) -> String {
    let (month, group) = if by_month {
        ("cv.month", "cv.unit_id, cv.month")
    } else {
        ("NULL", "cv.unit_id")
    };
    format!(
        "counted_visits AS MATERIALIZED (
             SELECT v.id, v.unit_id, substr(v.started_at, 1, 7) AS month, v.files_checked
             FROM {visits} AND v.voided_at IS NULL
         ),
         visit_findings AS (
             SELECT cv.id,
                    sum(f.kind = 'late') AS late,
                    total(CASE WHEN f.kind = 'late' THEN f.minutes_late END) AS late_minutes,
                    sum(f.kind = 'absent' AND f.excuse IS NULL) AS absent,
                    sum(f.kind = 'overdue') AS overdue,
                    total(CASE WHEN f.kind = 'overdue' THEN f.working_days_overdue END)
                        AS overdue_working_days,
                    sum(f.kind = 'other') AS other,
                    sum(f.excuse IS NULL) AS findings,
                    sum(f.kind = 'task') AS unfinished_tasks,
                    sum(f.kind = 'absent' AND f.excuse IS NOT NULL) AS excused_absences,
                    sum(f.kind = 'early') AS early
             FROM counted_visits cv CROSS JOIN findings f ON f.visit_id = cv.id
             WHERE f.voided_at IS NULL
             GROUP BY cv.id
         ),
         unit_figures (unit_id, month, {UNIT_FIGURES}) AS (
             SELECT cv.unit_id, {month}, count(*), CAST(total(cv.files_checked) AS INTEGER),
                    CAST(total(vf.late) AS INTEGER), CAST(total(vf.late_minutes) AS INTEGER),
                    CAST(total(vf.absent) AS INTEGER), CAST(total(vf.overdue) AS INTEGER),
                    CAST(total(vf.overdue_working_days) AS INTEGER),
                    CAST(total(vf.other) AS INTEGER), CAST(total(vf.findings) AS INTEGER),
                    CAST(total(vf.unfinished_tasks) AS INTEGER),
                    CAST(total(vf.excused_absences) AS INTEGER), CAST(total(vf.early) AS INTEGER),
                    CAST(total(min(vf.overdue, cv.files_checked)) AS INTEGER)
             FROM counted_visits cv LEFT JOIN visit_findings vf ON vf.id = cv.id
             GROUP BY {group}
         )"
    )
}

/// Work the summary of the queued (unit, month) pairs out again from their
/// visits, inside the transaction that queued them.
pub(super) fn settle_units(conn: &Connection) -> Result<()> {
    let sql = format!(
        "WITH {}
         INSERT INTO unit_months (unit_id, month, {UNIT_FIGURES})
         SELECT * FROM unit_figures",
        unit_figures(
            "unit_months_pending p CROSS JOIN visits v
                 ON v.unit_id = p.unit_id
                AND v.started_at >= p.month || '-01' AND v.started_at < p.month || '-32'
             WHERE (:month IS NULL OR p.month = :month)",
            true
        )
    );
    settle_queue(conn, "unit_months", "unit_id", |month| {
        super::exec(conn, &sql, &[(":month", &month as &dyn rusqlite::ToSql)])
    })
}

/// The (unit, month) pairs whose summary is not what their visits give,
/// leaving out those that wait in the queue.
pub(super) fn unit_differences(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let context = || t!("store-checking-summary");
    let mut stmt = conn
        .prepare(&format!(
            "WITH {},
                  kept AS (SELECT unit_id, month, {UNIT_FIGURES} FROM unit_months)
             SELECT DISTINCT unit_id, month FROM (
                 SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM unit_figures)
                 UNION ALL
                 SELECT * FROM (SELECT * FROM unit_figures EXCEPT SELECT * FROM kept)
             ) d
             WHERE NOT EXISTS (SELECT 1 FROM unit_months_pending p
                               WHERE p.unit_id = d.unit_id AND p.month = d.month)
             ORDER BY unit_id, month",
            unit_figures("visits v WHERE true", true)
        ))
        .with_context(context)?;
    let rows = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .with_context(context)?;
    rows.collect::<rusqlite::Result<_>>().with_context(context)
}

/// Common table expressions ending in `window_units (unit_id, {UNIT_FIGURES})`:
/// each unit's figures over a window of days, its whole calendar months
/// read from the summary and the days at either end from the visits. Its
/// parameters come from [`Window::params`].
pub(super) fn window_units() -> String {
    format!(
        "{},
         window_units (unit_id, {UNIT_FIGURES}) AS (
             SELECT unit_id, sum(visits), sum(files_checked), sum(late), sum(late_minutes),
                    sum(absent), sum(overdue), sum(overdue_working_days), sum(other),
                    sum(findings), sum(unfinished_tasks), sum(excused_absences), sum(early),
                    sum(overdue_of_checked)
             FROM (
                 SELECT unit_id, {UNIT_FIGURES} FROM unit_months
                 WHERE month >= :whole_from AND month <= :whole_to
                 UNION ALL
                 SELECT unit_id, {UNIT_FIGURES} FROM unit_figures
             )
             GROUP BY unit_id
         )",
        unit_figures(
            "visits v
             WHERE ((v.started_at >= :head_from AND v.started_at < :head_to)
                    OR (v.started_at >= :tail_from AND v.started_at < :tail_to))",
            false
        )
    )
}

/// A common table expression `window_people` of the people with counted
/// findings in a window of days, one row or more a person with the
/// summary's figures: the window's whole calendar months read from the
/// summary, the days before the first of them and after the last read
/// from the findings. Its parameters come from [`Window::params`].
pub(super) fn window_people() -> String {
    format!(
        "window_people ({columns}) AS (
             SELECT {columns} FROM person_months
             WHERE month >= :whole_from AND month <= :whole_to
             UNION ALL
             SELECT f.person_id, NULL, {FIGURES}
             FROM visits v CROSS JOIN findings f ON f.visit_id = v.id
             WHERE ((v.started_at >= :head_from AND v.started_at < :head_to)
                    OR (v.started_at >= :tail_from AND v.started_at < :tail_to))
               AND {COUNTED}
             GROUP BY f.person_id
         )",
        columns = COLUMNS
    )
}

/// A window of days split into the whole calendar months inside it and
/// the days at either end; `None` marks a part that is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Window {
    /// The first and last whole month, as `YYYY-MM`.
    whole: Option<(String, String)>,
    /// The days before the first whole month, as a half-open range of
    /// stored text.
    head: Option<(String, String)>,
    /// The days after the last whole month.
    tail: Option<(String, String)>,
}

impl Window {
    /// The window from `first` to `last`, both days included; read from
    /// the findings alone while changes wait in the queue for the summary.
    pub(super) fn new(conn: &Connection, first: NaiveDate, last: NaiveDate) -> Result<Window> {
        let from = date_text(first);
        let after = day_after_text(last);
        let direct = Window {
            whole: None,
            head: Some((from.clone(), after.clone())),
            tail: None,
        };
        // Nothing is stored after the year 9999: a window that ends later
        // ends there, so that no range is written as `+10000-…`, which
        // sorts before every stored time.
        let last = match NaiveDate::from_ymd_opt(9999, 12, 31) {
            Some(end) if last > end => end,
            _ => last,
        };
        if any_pending(conn)? || first > last {
            return Ok(direct);
        }
        let month_start = |day: NaiveDate| day.with_day(1);
        let first_whole = if first.day() == 1 {
            Some(first)
        } else {
            month_start(first).and_then(|start| start.checked_add_months(Months::new(1)))
        };
        // The first day of the month after the last whole one.
        let end_whole = last.succ_opt().and_then(month_start);
        let (Some(first_whole), Some(end_whole)) = (first_whole, end_whole) else {
            return Ok(direct);
        };
        let Some(last_whole) = end_whole.pred_opt().filter(|_| first_whole < end_whole) else {
            return Ok(direct);
        };
        let month = |day: NaiveDate| day.format("%Y-%m").to_string();
        Ok(Window {
            whole: Some((month(first_whole), month(last_whole))),
            head: (first < first_whole).then(|| (from, date_text(first_whole))),
            tail: (end_whole <= last).then(|| (date_text(end_whole), after)),
        })
    }

    /// The named parameters of [`window_people`].
    pub(super) fn params(&self) -> [(&'static str, Option<&str>); 6] {
        let (whole_from, whole_to) = split(&self.whole);
        let (head_from, head_to) = split(&self.head);
        let (tail_from, tail_to) = split(&self.tail);
        [
            (":whole_from", whole_from),
            (":whole_to", whole_to),
            (":head_from", head_from),
            (":head_to", head_to),
            (":tail_from", tail_from),
            (":tail_to", tail_to),
        ]
    }
}

fn split(part: &Option<(String, String)>) -> (Option<&str>, Option<&str>) {
    match part {
        Some((from, to)) => (Some(from), Some(to)),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn window(first: (i32, u32, u32), last: (i32, u32, u32)) -> Window {
        let store = Store::open_in_memory().unwrap();
        let day = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Window::new(store.conn(), day(first), day(last)).unwrap()
    }

    fn range(from: &str, to: &str) -> Option<(String, String)> {
        Some((from.to_string(), to.to_string()))
    }

    #[test]
    fn a_window_of_whole_months_is_read_from_the_summary_alone() {
        assert_eq!(
            window((2025, 7, 1), (2025, 11, 30)),
            Window {
                whole: range("2025-07", "2025-11"),
                head: None,
                tail: None,
            }
        );
    }

    #[test]
    fn the_days_at_either_end_of_a_window_are_read_from_the_findings() {
        assert_eq!(
            window((2025, 7, 15), (2025, 11, 14)),
            Window {
                whole: range("2025-08", "2025-10"),
                head: range("2025-07-15", "2025-08-01"),
                tail: range("2025-11-01", "2025-11-15"),
            }
        );
        // Within one month: no whole month at all.
        assert_eq!(
            window((2025, 11, 3), (2025, 11, 20)),
            Window {
                whole: None,
                head: range("2025-11-03", "2025-11-21"),
                tail: None,
            }
        );
        // The last month of the calendar is whole too, and a period that
        // ends after it (a start day past the 1st makes one) ends there.
        for last in [(9999, 12, 31), (10000, 1, 14)] {
            assert_eq!(
                window((9999, 12, 1), last),
                Window {
                    whole: range("9999-12", "9999-12"),
                    head: None,
                    tail: None,
                }
            );
        }
        assert_eq!(
            window((9999, 12, 15), (10000, 1, 14)),
            Window {
                whole: None,
                head: range("9999-12-15", "9999-12-31 99"),
                tail: None,
            }
        );
    }

    #[test]
    fn a_bulk_load_is_summarised_month_by_month_as_a_finding_is_person_by_person() {
        let mut store = Store::open_in_memory().unwrap();
        let people = MANY_PAIRS + 44;
        store
            .write(|tx| {
                tx.execute_batch(&format!(
                    "INSERT INTO units (id, uid, code, name, name_folded, name_key, kind, created_at, updated_at)
                     VALUES (1, 'u', 'tam-dai', 'UBND xã Tam Đại', 'ubnd xa tam dai', 'ubnd xã tam đại', 'commune', 'a', 'a');
                     INSERT INTO visits (id, uid, unit_id, started_at, announced, created_by, created_at, updated_at)
                     VALUES (1, 'v1', 1, '2025-10-31 07:35', 0, 'a', 'a', 'a'),
                            (2, 'v2', 1, '2025-11-01 07:35', 0, 'a', 'a', 'a');
                     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {people})
                     INSERT INTO people (id, uid, unit_id, name, name_folded, name_key, created_at, updated_at)
                     SELECT i, 'p' || i, 1, 'Người ' || i, 'nguoi ' || i, 'người ' || i, 'a', 'a' FROM n;
                     INSERT INTO findings (uid, visit_id, kind, person_id, logged_by, logged_at, updated_at)
                     SELECT 'f' || id || '-' || v, v, 'late', id, 'a', 'a', 'a'
                     FROM people, (SELECT 1 AS v UNION ALL SELECT 2);"
                ))
                .map_err(|e| crate::error::Error::Sqlite {
                    context: String::new(),
                    source: e,
                })
            })
            .unwrap();
        let rows: (i64, i64) = store
            .conn()
            .query_row("SELECT count(*), sum(visits) FROM person_months", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(rows, (2 * people, 2 * people));
        assert_eq!(differences(store.conn()).unwrap(), []);
    }

    #[test]
    fn a_window_is_read_from_the_findings_while_changes_wait_for_the_summary() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn()
            .execute_batch("INSERT INTO person_months_pending VALUES (1, '2025-08')")
            .unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
        assert_eq!(
            Window::new(store.conn(), day(7, 1), day(11, 30)).unwrap(),
            Window {
                whole: None,
                head: range("2025-07-01", "2025-12-01"),
                tail: None,
            }
        );
    }

    #[test]
    fn the_summary_follows_every_change_to_the_findings() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                tx.execute_batch(
                    "INSERT INTO units (id, uid, code, name, name_folded, name_key, kind, created_at, updated_at)
                     VALUES (1, 'u', 'tam-dai', 'UBND xã Tam Đại', 'ubnd xa tam dai', 'ubnd xã tam đại', 'commune', 'a', 'a');
                     INSERT INTO people (id, uid, unit_id, name, name_folded, name_key, created_at, updated_at)
                     VALUES (1, 'p', 1, 'Lê Văn Cường', 'le van cuong', 'lê văn cường', 'a', 'a');
                     INSERT INTO visits (id, uid, unit_id, started_at, announced, created_by, created_at, updated_at)
                     VALUES (1, 'v1', 1, '2025-11-03 07:35', 0, 'a', 'a', 'a'),
                            (2, 'v2', 1, '2025-12-01 07:35', 0, 'a', 'a', 'a');
                     INSERT INTO findings (id, uid, visit_id, kind, person_id, action, logged_by, logged_at, updated_at)
                     VALUES (1, 'f1', 1, 'late', 1, 'reminded', 'a', 'a', 'a'),
                            (2, 'f2', 1, 'absent', 1, NULL, 'a', 'a', 'a');",
                )
                .map_err(|e| crate::error::Error::Sqlite {
                    context: String::new(),
                    source: e,
                })
            })
            .unwrap();
        let summary = |store: &Store| -> Vec<(String, i64, i64, i64, Option<i64>)> {
            store
                .conn()
                .prepare(
                    "SELECT month, visits, late, absent, rung FROM person_months ORDER BY month",
                )
                .unwrap()
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        assert_eq!(summary(&store), [("2025-11".into(), 1, 1, 1, Some(2))]);
        // Voided, moved to another visit, and the visit itself moved.
        store
            .write(|tx| {
                tx.execute_batch(
                    "UPDATE findings SET voided_at = 'x', void_reason = 'y' WHERE id = 2;
                     UPDATE findings SET visit_id = 2 WHERE id = 1;",
                )
                .map_err(|e| crate::error::Error::Sqlite {
                    context: String::new(),
                    source: e,
                })
            })
            .unwrap();
        assert_eq!(summary(&store), [("2025-12".into(), 1, 1, 0, Some(2))]);
        store
            .write(|tx| {
                tx.execute_batch("UPDATE visits SET started_at = '2026-01-05 07:35' WHERE id = 2")
                    .map_err(|e| crate::error::Error::Sqlite {
                        context: String::new(),
                        source: e,
                    })
            })
            .unwrap();
        assert_eq!(summary(&store), [("2026-01".into(), 1, 1, 0, Some(2))]);
        assert_eq!(differences(store.conn()).unwrap(), []);
        store
            .conn()
            .execute_batch("UPDATE person_months SET late = 7")
            .unwrap();
        assert_eq!(
            differences(store.conn()).unwrap(),
            [(1, "2026-01".to_string())]
        );
    }
}
