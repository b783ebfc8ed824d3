//! The province's chain on the server: each version of a record the server
//! took is a link over the one before (see `spotcheck.seals`); `server
//! check` works it out again here, link by link, and compares each record
//! with the link of its revision.

use sha2::{Digest as _, Sha256};

use super::ServerConnection;
use crate::error::{Error, Result};

/// The hash a chain starts from.
const START: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// How many links are read at a time.
const CHUNK: i32 = 10_000;

/// What `server check` found of a province's chain.
#[derive(Debug, Clone, Default)]
pub struct SealCheck {
    /// The links, one a version, and the records they end at.
    pub versions: i64,
    pub records: i64,
    /// The last link: the province's seal, and its revision.
    pub seal: String,
    pub revision: i64,
    /// What does not hold, first found first, at most a few.
    pub problems: Vec<String>,
}

/// The most problems named: the first tells where to look.
const PROBLEMS_NAMED: usize = 10;

/// One link as the chain's trigger makes it.
fn link(prev: &str, revision: i64, kind: &str, uid: &str, row_hash: &str) -> String {
    let text = format!("{prev} {revision} {kind} {uid} {row_hash}");
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl ServerConnection {
    /// Work the province's chain out again in one snapshot, and compare
    /// each record with the link of its revision.
    pub fn check_seals(&mut self, province: &str) -> Result<SealCheck> {
        let shown = self.shown.clone();
        let failed = move |source| Error::Server {
            context: t!("server-checking", server = shown.clone()),
            source,
        };
        let mut tx = self.snapshot().map_err(&failed)?;
        super::teams::schema_is_current(&mut tx, &failed)?;
        let mut checked = SealCheck {
            seal: START.to_string(),
            ..SealCheck::default()
        };
        let statement = tx
            .prepare(
                "SELECT revision, kind, uid, row_hash, seal FROM spotcheck.seals
                 WHERE province = $1 ORDER BY revision",
            )
            .map_err(&failed)?;
        let portal = tx.bind(&statement, &[&province]).map_err(&failed)?;
        loop {
            let rows = tx.query_portal(&portal, CHUNK).map_err(&failed)?;
            if rows.is_empty() {
                break;
            }
            for row in rows {
                let revision: i64 = row.try_get(0).map_err(&failed)?;
                let kind: String = row.try_get(1).map_err(&failed)?;
                let uid: String = row.try_get(2).map_err(&failed)?;
                let row_hash: String = row.try_get(3).map_err(&failed)?;
                let seal: String = row.try_get(4).map_err(&failed)?;
                let expected = link(&checked.seal, revision, &kind, &uid, &row_hash);
                if expected != seal && checked.problems.len() < PROBLEMS_NAMED {
                    checked.problems.push(t!(
                        "server-chain-link",
                        revision = revision,
                        kind = kind.as_str(),
                        uid = uid.as_str()
                    ));
                }
                checked.versions += 1;
                checked.revision = revision;
                checked.seal = seal;
            }
        }
        let rows = tx
            .query(
                "SELECT r.kind, r.uid, r.revision, s.revision IS NOT NULL
                 FROM spotcheck.records r
                 LEFT JOIN spotcheck.seals s ON s.province = r.province AND s.revision = r.revision
                 WHERE r.province = $1
                   AND (s.revision IS NULL OR s.kind <> r.kind OR s.uid <> r.uid
                        OR s.row_hash <> encode(sha256(convert_to(r.row::text, 'UTF8')), 'hex'))
                 ORDER BY r.revision LIMIT 10",
                &[&province],
            )
            .map_err(&failed)?;
        for row in rows {
            if checked.problems.len() >= PROBLEMS_NAMED {
                break;
            }
            let kind: String = row.try_get(0).map_err(&failed)?;
            let uid: String = row.try_get(1).map_err(&failed)?;
            let revision: i64 = row.try_get(2).map_err(&failed)?;
            let linked: bool = row.try_get(3).map_err(&failed)?;
            checked.problems.push(if linked {
                t!(
                    "server-chain-record-changed",
                    kind = kind.as_str(),
                    uid = uid.as_str(),
                    revision = revision
                )
            } else {
                t!(
                    "server-chain-record-unlinked",
                    kind = kind.as_str(),
                    uid = uid.as_str(),
                    revision = revision
                )
            });
        }
        checked.records = tx
            .query_one(
                "SELECT count(*) FROM spotcheck.records WHERE province = $1",
                &[&province],
            )
            .and_then(|row| row.try_get(0))
            .map_err(&failed)?;
        tx.commit().map_err(&failed)?;
        Ok(checked)
    }

    /// The province's seal and its revision, once anything was pushed.
    pub fn seal(&mut self, province: &str) -> Result<Option<(String, i64)>> {
        let shown = self.shown.clone();
        let failed = move |source| Error::Server {
            context: t!("server-checking", server = shown.clone()),
            source,
        };
        let row = self
            .client
            .query_opt(
                "SELECT seal, revision FROM spotcheck.seals WHERE province = $1
                 ORDER BY revision DESC LIMIT 1",
                &[&province],
            )
            .map_err(&failed)?;
        match row {
            Some(row) => Ok(Some((
                row.try_get(0).map_err(&failed)?,
                row.try_get(1).map_err(&failed)?,
            ))),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_is_the_hash_of_the_text_the_trigger_hashes() {
        // As PostgreSQL gives it: encode(sha256(convert_to('0 1 unit u h', 'UTF8')), 'hex').
        assert_eq!(
            super::link("0", 1, "unit", "u", "h"),
            "0b3ce19ea24c6c3c8e8b673edc3a5b00c2971c6956f5c6649c477bab24684fa8"
        );
    }
}
