//! The server's side of `sync`: a push is one transaction that copies the
//! laptop's history entries and records into staging tables and then writes
//! what the team may write; a pull reads, in one snapshot, the records
//! changed after the laptop's cursor with everything they point to.

use std::collections::{HashMap, HashSet};

use postgres::Transaction;

use super::ServerConnection;
use crate::error::{Error, Result};
use crate::model::Records;
use crate::store::records::{entity_name, from_entity_name};
use crate::store::shared::{Decided, Decision, Outgoing, SharedConflict, SharedRecord, referents};

/// Who the laptop is on the server, and the server's clock.
#[derive(Debug, Clone)]
pub struct Identity {
    pub role: String,
    pub province: String,
    pub team: String,
    /// The server's `now()`, in seconds since 1970, to compare clocks.
    pub now: f64,
}

/// What a pull brought: the records changed after the cursor (other
/// laptops' changes) and those they point to, each record's history as
/// the server holds it, and how far the pull got.
#[derive(Debug, Default)]
pub struct Pulled {
    pub records: Vec<SharedRecord>,
    pub histories: HashMap<(Records, String), Vec<serde_json::Value>>,
    /// The revision the laptop has pulled up to, and the server's last.
    pub cursor: i64,
    pub position: i64,
    /// Whether revisions after `cursor` were left for the next batch.
    pub more: bool,
}

/// A failure on the server, said as what was being done.
fn failure(context: String) -> impl Fn(postgres::Error) -> Error {
    move |source| Error::Server {
        context: context.clone(),
        source,
    }
}

impl ServerConnection {
    /// The team the role connected belongs to, refused by name when it
    /// belongs to none (or was removed), and the server's clock.
    pub fn identity(&mut self) -> Result<Identity> {
        let failed = failure(t!("server-syncing", server = self.shown.clone()));
        let mut tx = self.client.transaction().map_err(&failed)?;
        super::teams::schema_is_current(&mut tx, &failed)?;
        let row = tx
            .query_one(
                "SELECT session_user::text, spotcheck.my_province(), spotcheck.my_team(),
                        extract(epoch FROM now())::float8",
                &[],
            )
            .map_err(&failed)?;
        let role: String = row.try_get(0).map_err(&failed)?;
        let province: Option<String> = row.try_get(1).map_err(&failed)?;
        let team: Option<String> = row.try_get(2).map_err(&failed)?;
        let now: f64 = row.try_get(3).map_err(&failed)?;
        tx.commit().map_err(&failed)?;
        match (province, team) {
            (Some(province), Some(team)) => Ok(Identity {
                role,
                province,
                team,
                now,
            }),
            _ => Err(Error::input(t!("server-not-a-team", role = role))),
        }
    }

    /// Push `out` as the device `device` of team `who`, in one transaction,
    /// waiting up to ten minutes for its turn at the province's feed (the
    /// pushes of a province take turns there, and a busy day queues them):
    /// a history entry already on the server (a retried push) adds nothing,
    /// another team's record is refused, and a record changed on the server
    /// since the laptop last pulled it is held back. Returns what became of
    /// each record and how many entries were new.
    pub fn push(
        &mut self,
        who: &Identity,
        device: &str,
        out: &Outgoing,
    ) -> Result<(Vec<Decided>, u64)> {
        let failed = failure(t!("server-pushing", server = self.shown.clone()));
        let mut tx = self.client.transaction().map_err(&failed)?;
        tx.batch_execute(
            "SET LOCAL lock_timeout = '600s';
             -- A push whose laptop is gone (killed, or off the network)
             -- is rolled back within seconds rather than when it next
             -- writes to it, so that it does not hold the province's feed.
             -- Servers before PostgreSQL 14, and those whose system cannot
             -- check, refuse the setting: they push without it.
             DO $$
             BEGIN
                 PERFORM set_config('client_connection_check_interval', '2000', true);
             EXCEPTION WHEN undefined_object OR invalid_parameter_value OR feature_not_supported THEN
                 NULL;
             END
             $$;
             CREATE TEMP TABLE push_entries (seq bigint, kind text, uid text, entry text,
                 hash text, prev text, covered text) ON COMMIT DROP;
             CREATE TEMP TABLE push_records (ord bigint, kind text, uid text, base bigint,
                 row text, stamps text, decision text, number bigint, revision bigint)
                 ON COMMIT DROP;
             CREATE TEMP TABLE push_conflicts (kind text, uid text, field text, pair text,
                 conflict text, settled text) ON COMMIT DROP;",
        )
        .map_err(&failed)?;
        let entries = out.entries.iter().map(|e| {
            vec![
                e.seq.to_string(),
                entity_name(e.records).to_string(),
                e.uid.clone(),
                e.entry.clone(),
                e.chain.hash.clone(),
                e.chain.prev.clone(),
                e.chain.covered.clone(),
            ]
        });
        copy_csv(
            &mut tx,
            "COPY push_entries (seq, kind, uid, entry, hash, prev, covered) FROM STDIN (FORMAT csv)",
            entries,
            &failed,
        )?;
        let records = out.records.iter().enumerate().map(|(ord, r)| {
            vec![
                ord.to_string(),
                entity_name(r.records).to_string(),
                r.uid.clone(),
                r.revision.map(|n| n.to_string()).unwrap_or_default(),
                r.row.clone(),
                r.stamps.clone(),
            ]
        });
        copy_csv(
            &mut tx,
            "COPY push_records (ord, kind, uid, base, row, stamps) FROM STDIN (FORMAT csv)",
            records,
            &failed,
        )?;
        let conflicts = out.conflicts.iter().map(|c| {
            vec![
                entity_name(c.records).to_string(),
                c.uid.clone(),
                c.field.clone(),
                c.pair.clone(),
                c.conflict.to_string(),
                c.settled
                    .as_ref()
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            ]
        });
        copy_csv(
            &mut tx,
            "COPY push_conflicts (kind, uid, field, pair, conflict, settled)
             FROM STDIN (FORMAT csv)",
            conflicts,
            &failed,
        )?;
        // Temporary tables have no statistics until asked: without them the
        // joins below are planned as if the push were one row.
        tx.batch_execute(
            "CREATE INDEX ON push_records (kind, uid);
             CREATE INDEX ON push_records (uid);
             ANALYZE push_entries, push_records, push_conflicts;",
        )
        .map_err(&failed)?;
        // A conflict another laptop recorded first is one conflict; the
        // first settling of it, wherever it was made, is kept.
        tx.execute(
            "INSERT INTO spotcheck.conflicts (province, kind, uid, field, pair, team, conflict)
             SELECT $1, kind, uid, field, pair, $2, conflict::jsonb FROM push_conflicts
             ON CONFLICT (province, kind, uid, field, pair) DO NOTHING",
            &[&who.province, &who.team],
        )
        .map_err(&failed)?;
        tx.execute(
            "UPDATE spotcheck.conflicts c SET settled = p.settled::jsonb
             FROM push_conflicts p
             WHERE c.province = $1 AND c.kind = p.kind AND c.uid = p.uid
               AND c.field = p.field AND c.pair = p.pair
               AND c.settled IS NULL AND p.settled IS NOT NULL",
            &[&who.province],
        )
        .map_err(&failed)?;
        // From here on the province's feed is this push's until it commits.
        tx.execute("SELECT spotcheck.take_feed($1)", &[&who.province])
            .map_err(&failed)?;
        // A version this device pushed last is one this logbook had: its
        // change goes on it even when the laptop never heard it was taken.
        tx.execute(
            "UPDATE push_records s SET number = x.number, revision = x.revision,
                 decision = CASE
                     WHEN x.found IS NULL THEN
                         CASE WHEN s.kind = 'unit' AND EXISTS (
                                  SELECT 1 FROM spotcheck.records c
                                  WHERE c.province = $1 AND c.kind = 'unit'
                                    AND c.row ->> 'code' = s.row::jsonb ->> 'code')
                              THEN 'behind'
                              WHEN s.kind = 'person' AND EXISTS (
                                  SELECT 1 FROM spotcheck.records c
                                  WHERE c.province = $1 AND c.kind = 'person'
                                    AND c.row ->> 'unit_id' = s.row::jsonb ->> 'unit_id'
                                    AND c.row ->> 'name_key' = s.row::jsonb ->> 'name_key')
                              THEN 'behind'
                              ELSE 'new' END
                     WHEN x.row = s.row::jsonb THEN 'same'
                     WHEN x.team <> $2 AND s.kind NOT IN ('unit', 'person') THEN 'refused'
                     WHEN x.revision IS DISTINCT FROM s.base AND x.device <> $3 THEN 'behind'
                     ELSE 'write' END
             FROM (SELECT p.kind, p.uid, r.uid AS found, r.number, r.revision, r.row, r.team,
                          r.device
                   FROM push_records p LEFT JOIN spotcheck.records r
                     ON r.province = $1 AND r.kind = p.kind AND r.uid = p.uid) x
             WHERE x.kind = s.kind AND x.uid = s.uid",
            &[&who.province, &who.team, &device],
        )
        .map_err(&failed)?;
        // A record that points to one the server will not have (a unit held
        // back above, say) waits with it, until a pull has renamed it.
        loop {
            let held = tx
                .execute(
                    "UPDATE push_records s SET decision = 'behind'
                     WHERE s.decision IN ('new', 'write') AND EXISTS (
                         SELECT 1 FROM jsonb_each_text(s.row::jsonb) r (key, value)
                         JOIN (VALUES ('unit_id', 'unit'), ('person_id', 'person'),
                                      ('visit_id', 'visit'), ('task_id', 'task'),
                                      ('parent_id', 'unit'), ('merged_into', 'unit'),
                                      ('alias_of', 'person')) AS points (key, kind)
                           ON points.key = r.key
                         WHERE r.value IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM spotcheck.records c
                                           WHERE c.province = $1 AND c.kind = points.kind
                                             AND c.uid = r.value)
                           AND NOT EXISTS (SELECT 1 FROM push_records p
                                           WHERE p.uid = r.value
                                             AND p.decision IN ('new', 'write', 'same')))",
                    &[&who.province],
                )
                .map_err(&failed)?;
            if held == 0 {
                break;
            }
        }
        // An entry pushed before is stored once (ON CONFLICT below), and
        // must be the same: another hash means this logbook's history is
        // not the one its device pushed (a copy of another laptop's file,
        // or a history changed since).
        let changed = tx
            .query_opt(
                "SELECT e.seq FROM push_entries e
                 JOIN spotcheck.history h ON h.province = $1 AND h.device = $2 AND h.seq = e.seq
                 WHERE h.hash <> e.hash ORDER BY e.seq LIMIT 1",
                &[&who.province, &device],
            )
            .map_err(&failed)?;
        if let Some(row) = changed {
            let seq: i64 = row.try_get(0).map_err(&failed)?;
            return Err(Error::input(t!(
                "sync-chain-changed",
                detail =
                    format!("entry {seq} of device {device} was pushed before with another hash")
            )));
        }
        // The history of another team's finding, visit, plan or task stays
        // on the laptop (one that merged another team's logbook file holds
        // some), and so does a change the server refused: nobody else's
        // merge is to take it as seen.
        let new_entries = tx
            .execute(
                "INSERT INTO spotcheck.history
                     (province, device, seq, team, kind, uid, entry, hash, prev, covered)
                 SELECT $1, $2, e.seq, $3, e.kind, e.uid, e.entry::jsonb, e.hash, e.prev,
                        e.covered
                 FROM push_entries e
                 WHERE NOT EXISTS (SELECT 1 FROM push_records p
                                   WHERE p.kind = e.kind AND p.uid = e.uid
                                     AND p.decision = 'refused')
                   AND NOT EXISTS (SELECT 1 FROM spotcheck.records r
                                   WHERE r.province = $1 AND r.kind = e.kind AND r.uid = e.uid
                                     AND r.team <> $3 AND r.kind NOT IN ('unit', 'person'))
                 ORDER BY e.seq
                 ON CONFLICT (province, device, seq) DO NOTHING",
                &[&who.province, &device, &who.team],
            )
            .map_err(|e| chain_refused(e, &failed))?;
        // The server numbers the records and takes their revisions, in the
        // order the laptop added them (see `spotcheck.stamp_record`).
        tx.execute(
            "WITH added AS (
                 INSERT INTO spotcheck.records (province, kind, uid, team, device, row, stamps)
                 SELECT $1, kind, uid, $3, $2, row::jsonb, stamps::jsonb
                 FROM push_records WHERE decision = 'new' ORDER BY ord
                 RETURNING kind, uid, number, revision)
             UPDATE push_records p SET number = a.number, revision = a.revision
             FROM added a WHERE p.kind = a.kind AND p.uid = a.uid",
            &[&who.province, &device, &who.team],
        )
        .map_err(&failed)?;
        tx.execute(
            "WITH changed AS (
                 UPDATE spotcheck.records r SET device = $2, row = s.row::jsonb,
                     stamps = s.stamps::jsonb
                 FROM push_records s
                 WHERE r.province = $1 AND r.kind = s.kind AND r.uid = s.uid
                   AND s.decision = 'write'
                 RETURNING r.kind, r.uid, r.number, r.revision)
             UPDATE push_records p SET number = c.number, revision = c.revision
             FROM changed c WHERE p.kind = c.kind AND p.uid = c.uid",
            &[&who.province, &device],
        )
        .map_err(&failed)?;
        let rows = tx
            .query(
                "SELECT kind, uid, decision, number, revision FROM push_records",
                &[],
            )
            .map_err(&failed)?;
        let mut decided = Vec::with_capacity(rows.len());
        for row in rows {
            let kind: String = row.try_get(0).map_err(&failed)?;
            let decision: String = row.try_get(2).map_err(&failed)?;
            let Some(records) = from_entity_name(&kind) else {
                continue;
            };
            decided.push(Decided {
                records,
                uid: row.try_get(1).map_err(&failed)?,
                decision: match decision.as_str() {
                    "new" => Decision::Added,
                    "write" => Decision::Changed,
                    "same" => Decision::Same,
                    "refused" => Decision::Refused,
                    _ => Decision::Behind,
                },
                number: row.try_get(3).map_err(&failed)?,
                revision: row.try_get(4).map_err(&failed)?,
            });
        }
        tx.commit().map_err(&failed)?;
        Ok((decided, new_entries))
    }

    /// Every conflict the province's laptops found.
    pub fn conflicts(&mut self, who: &Identity) -> Result<Vec<SharedConflict>> {
        let failed = failure(t!("server-pulling", server = self.shown.clone()));
        let rows = self
            .client
            .query(
                "SELECT kind, uid, field, pair, conflict::text, settled::text
                 FROM spotcheck.conflicts WHERE province = $1
                 ORDER BY pushed_at, kind, uid, field, pair",
                &[&who.province],
            )
            .map_err(&failed)?;
        let mut conflicts = Vec::with_capacity(rows.len());
        for row in rows {
            let kind: String = row.try_get(0).map_err(&failed)?;
            let Some(records) = from_entity_name(&kind) else {
                continue;
            };
            let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
            conflicts.push(SharedConflict {
                records,
                uid: row.try_get(1).map_err(&failed)?,
                field: row.try_get(2).map_err(&failed)?,
                pair: row.try_get(3).map_err(&failed)?,
                conflict: json(row.try_get(4).map_err(&failed)?).unwrap_or_default(),
                settled: json(row.try_get(5).map_err(&failed)?),
            });
        }
        Ok(conflicts)
    }

    /// The server's last revision in `who`'s province.
    pub fn position(&mut self, who: &Identity) -> Result<i64> {
        let failed = failure(t!("server-syncing", server = self.shown.clone()));
        self.client
            .query_one(
                "SELECT coalesce(max(revision), 0) FROM spotcheck.records WHERE province = $1",
                &[&who.province],
            )
            .and_then(|row| row.try_get(0))
            .map_err(failed)
    }

    /// The records of `who`'s province changed after `cursor` by other
    /// devices than `device`, at most `limit` revisions, with the records
    /// they point to and the histories of all of them, read in one
    /// snapshot: a push that commits meanwhile is left whole for the next.
    pub fn pull(
        &mut self,
        who: &Identity,
        device: &str,
        cursor: i64,
        limit: i64,
    ) -> Result<Pulled> {
        let failed = failure(t!("server-pulling", server = self.shown.clone()));
        let mut tx = self.snapshot().map_err(&failed)?;
        let position: i64 = tx
            .query_one(
                "SELECT coalesce(max(revision), 0) FROM spotcheck.records WHERE province = $1",
                &[&who.province],
            )
            .map_err(&failed)?
            .try_get(0)
            .map_err(&failed)?;
        let rows = tx
            .query(
                "SELECT kind, uid, number, revision, row::text, stamps::text, device
                 FROM spotcheck.records
                 WHERE province = $1 AND revision > $2
                 ORDER BY revision LIMIT $3",
                &[&who.province, &cursor, &limit],
            )
            .map_err(&failed)?;
        let mut pulled = Pulled {
            cursor,
            position,
            ..Pulled::default()
        };
        pulled.more = rows.len() as i64 == limit;
        let mut have: HashSet<(Records, String)> = HashSet::new();
        for row in &rows {
            let (record, from) = shared_record(row).map_err(&failed)?;
            pulled.cursor = pulled.cursor.max(record.1.revision.unwrap_or_default());
            let Some(record) = record_of(record) else {
                continue;
            };
            if from == device {
                continue;
            }
            have.insert((record.records, record.uid.clone()));
            pulled.records.push(record);
        }
        // What the changed records point to, and what that points to.
        let mut wanted: Vec<(Records, String)> = pulled
            .records
            .iter()
            .flat_map(referents)
            .filter(|key| !have.contains(key))
            .collect();
        while !wanted.is_empty() {
            let mut by_kind: HashMap<Records, Vec<String>> = HashMap::new();
            for (records, uid) in wanted.drain(..) {
                if have.insert((records, uid.clone())) {
                    by_kind.entry(records).or_default().push(uid);
                }
            }
            let mut found = Vec::new();
            for (records, uids) in by_kind {
                let rows = tx
                    .query(
                        "SELECT kind, uid, number, revision, row::text, stamps::text, device
                         FROM spotcheck.records
                         WHERE province = $1 AND kind = $2 AND uid = ANY($3)",
                        &[&who.province, &entity_name(records), &uids],
                    )
                    .map_err(&failed)?;
                for row in &rows {
                    if let Some(record) = record_of(shared_record(row).map_err(&failed)?.0) {
                        found.push(record);
                    }
                }
            }
            wanted = found
                .iter()
                .flat_map(referents)
                .filter(|key| !have.contains(key))
                .collect();
            pulled.records.extend(found);
        }
        let mut by_kind: HashMap<Records, Vec<String>> = HashMap::new();
        for record in &pulled.records {
            by_kind
                .entry(record.records)
                .or_default()
                .push(record.uid.clone());
        }
        // The history of the other laptops only, as another logbook's file
        // holds its own: this laptop's entries are its side of the merge,
        // and one the server held back never made the server's version.
        for (records, uids) in by_kind {
            let rows = tx
                .query(
                    "SELECT uid, entry::text FROM spotcheck.history
                     WHERE province = $1 AND kind = $2 AND uid = ANY($3) AND device <> $4
                     ORDER BY pushed_at, device, seq",
                    &[&who.province, &entity_name(records), &uids, &device],
                )
                .map_err(&failed)?;
            for row in rows {
                let uid: String = row.try_get(0).map_err(&failed)?;
                let entry: String = row.try_get(1).map_err(&failed)?;
                let entry = serde_json::from_str(&entry).unwrap_or(serde_json::Value::Null);
                pulled
                    .histories
                    .entry((records, uid))
                    .or_default()
                    .push(entry);
            }
        }
        tx.commit().map_err(&failed)?;
        if !pulled.more {
            pulled.cursor = pulled.cursor.max(position);
        }
        Ok(pulled)
    }
}

/// A history entry the server refused because the device's chain changed,
/// said as such; any other failure as it came.
fn chain_refused(error: postgres::Error, failed: &impl Fn(postgres::Error) -> Error) -> Error {
    let changed = error
        .as_db_error()
        .and_then(|db| db.hint())
        .is_some_and(|hint| hint == "spotcheck-chain-changed");
    if changed {
        let detail = error
            .as_db_error()
            .map(|db| db.message().to_string())
            .unwrap_or_default();
        Error::input(t!("sync-chain-changed", detail = detail))
    } else {
        failed(error)
    }
}

/// A record as the server's row holds it, with the device that pushed it.
fn shared_record(
    row: &postgres::Row,
) -> std::result::Result<((String, SharedRecord), String), postgres::Error> {
    let kind: String = row.try_get(0)?;
    let text = |index: usize| -> std::result::Result<serde_json::Value, postgres::Error> {
        let text: String = row.try_get(index)?;
        Ok(serde_json::from_str(&text).unwrap_or(serde_json::Value::Null))
    };
    Ok((
        (
            kind,
            SharedRecord {
                records: Records::Units,
                uid: row.try_get(1)?,
                number: Some(row.try_get(2)?),
                revision: Some(row.try_get(3)?),
                row: text(4)?,
                stamps: text(5)?,
            },
        ),
        row.try_get(6)?,
    ))
}

/// The record with its kind read from the server's name for it.
fn record_of((kind, mut record): (String, SharedRecord)) -> Option<SharedRecord> {
    record.records = from_entity_name(&kind)?;
    Some(record)
}

/// Rows copied in as CSV, which COPY reads without any escaping of its own.
fn copy_csv(
    tx: &mut Transaction<'_>,
    statement: &str,
    rows: impl Iterator<Item = Vec<String>>,
    failed: &impl Fn(postgres::Error) -> Error,
) -> Result<()> {
    let sending = |source: std::io::Error| Error::Io {
        context: t!("server-sending"),
        source,
    };
    let mut writer = tx.copy_in(statement).map_err(failed)?;
    {
        let mut csv = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(&mut writer);
        for row in rows {
            // An empty field is NULL to COPY: the base of a record never pulled.
            csv.write_record(&row)
                .map_err(|e| sending(std::io::Error::other(e)))?;
        }
        csv.flush().map_err(sending)?;
    }
    writer.finish().map_err(failed)?;
    Ok(())
}
