//! The province's teams: each one a login role on the server, made, listed
//! and removed by `server add-team`, `list-teams` and `remove-team`.

use postgres::Transaction;
use postgres::error::SqlState;

use super::{SERVER_SCHEMA_VERSION, ServerConnection};
use crate::error::{Error, Result};

/// The longest province or team code: with `sc_` and a `_` between them
/// the role's name stays well under PostgreSQL's 63 bytes.
const CODE_LIMIT: usize = 24;

/// A team and its login role, as `list-teams` shows it.
#[derive(Debug, Clone)]
pub struct TeamRow {
    pub province: String,
    pub code: String,
    pub role: String,
    /// UTC stamps, as `2026-12-07T04:15:00.000Z`.
    pub added_at: String,
    pub added_by: String,
    pub removed_at: Option<String>,
}

/// What `remove-team` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// The team could log in, and now cannot.
    Now(String),
    /// The team had been removed already, at this UTC stamp.
    Already(String),
}

/// Refuse a province or team code that is not a short lowercase word:
/// `flag` names where it was typed.
pub fn check_code(flag: &str, value: &str) -> Result<()> {
    let mut chars = value.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if first_ok && rest_ok && value.len() <= CODE_LIMIT {
        Ok(())
    } else {
        Err(Error::input(t!(
            "server-code-bad",
            flag = flag,
            value = value.to_string(),
            limit = CODE_LIMIT
        )))
    }
}

/// The login role of a team: `sc_PROVINCE_TEAM`, dashes as underscores, so
/// that `psql` users need no quotes around it.
pub fn role_of(province: &str, code: &str) -> String {
    format!("sc_{province}_{code}").replace('-', "_")
}

impl ServerConnection {
    /// Make the team's login role with the password given, and record the
    /// team, in one transaction.
    pub fn add_team(&mut self, province: &str, code: &str, password: &str) -> Result<String> {
        let shown = self.shown.clone();
        let failed = move |source| Error::Server {
            context: t!("server-adding-team", server = shown.clone()),
            source,
        };
        let role = role_of(province, code);
        let mut tx = self.client.transaction().map_err(&failed)?;
        schema_is_current(&mut tx, &failed)?;
        let inserted = tx.execute(
            "INSERT INTO spotcheck.teams (province, code, role) VALUES ($1, $2, $3)
             ON CONFLICT (province, code) DO NOTHING",
            &[&province, &code, &role],
        );
        match inserted {
            Ok(0) => {
                return Err(Error::input(t!(
                    "server-team-exists",
                    province = province,
                    team = code
                )));
            }
            Ok(_) => {}
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                return Err(Error::input(t!("server-role-taken", role = role.as_str())));
            }
            Err(e) => return Err(failed(e)),
        }
        // The server is handed the password's SCRAM verifier, never the
        // password itself, so that no statement log can hold it.
        let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
        let statements: String = tx
            .query_one(
                "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L;
                                SELECT spotcheck.grant_team(%L);
                                SELECT spotcheck.reader_group(%L)',
                               $1::text, $2::text, $1::text, $3::text)",
                &[&role, &verifier, &province],
            )
            .map_err(&failed)?
            .get(0);
        if let Err(e) = tx.batch_execute(&statements) {
            return Err(match e.code() {
                Some(code) if *code == SqlState::DUPLICATE_OBJECT => {
                    Error::input(t!("server-role-taken", role = role.as_str()))
                }
                Some(code) if *code == SqlState::INSUFFICIENT_PRIVILEGE => {
                    Error::input(t!("server-needs-createrole"))
                }
                _ => failed(e),
            });
        }
        tx.commit().map_err(&failed)?;
        Ok(role)
    }

    /// Every team, by province and code.
    pub fn teams(&mut self) -> Result<Vec<TeamRow>> {
        let shown = self.shown.clone();
        let failed = move |source| Error::Server {
            context: t!("server-listing-teams", server = shown.clone()),
            source,
        };
        let mut tx = self.client.transaction().map_err(&failed)?;
        schema_is_current(&mut tx, &failed)?;
        let stamp = |column: &str| {
            format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
        };
        let rows = tx
            .query(
                &format!(
                    "SELECT province, code, role::text, {}, added_by::text, {}
                     FROM spotcheck.teams ORDER BY province, code",
                    stamp("added_at"),
                    stamp("removed_at")
                ),
                &[],
            )
            .map_err(&failed)?;
        rows.iter()
            .map(|row| {
                Ok(TeamRow {
                    province: row.try_get(0)?,
                    code: row.try_get(1)?,
                    role: row.try_get(2)?,
                    added_at: row.try_get(3)?,
                    added_by: row.try_get(4)?,
                    removed_at: row.try_get(5)?,
                })
            })
            .collect::<std::result::Result<_, postgres::Error>>()
            .map_err(&failed)
    }

    /// Stop the team's role from logging in and take its rights away; its
    /// row and its role stay, for what it wrote.
    pub fn remove_team(&mut self, province: &str, code: &str) -> Result<Removed> {
        let shown = self.shown.clone();
        let failed = move |source| Error::Server {
            context: t!("server-removing-team", server = shown.clone()),
            source,
        };
        let mut tx = self.client.transaction().map_err(&failed)?;
        schema_is_current(&mut tx, &failed)?;
        let row = tx
            .query_opt(
                "SELECT role::text, to_char(removed_at AT TIME ZONE 'UTC',
                        'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')
                 FROM spotcheck.teams WHERE province = $1 AND code = $2 FOR UPDATE",
                &[&province, &code],
            )
            .map_err(&failed)?;
        let Some(row) = row else {
            return Err(Error::lookup(t!(
                "server-team-unknown",
                province = province,
                team = code
            )));
        };
        let role: String = row.try_get(0).map_err(&failed)?;
        if let Some(at) = row.try_get::<_, Option<String>>(1).map_err(&failed)? {
            return Ok(Removed::Already(at));
        }
        let statements: String = tx
            .query_one(
                "SELECT format('ALTER ROLE %I NOLOGIN;
                                REVOKE ALL ON ALL TABLES IN SCHEMA spotcheck FROM %I;
                                REVOKE ALL ON SEQUENCE spotcheck.revisions FROM %I;
                                REVOKE USAGE ON SCHEMA spotcheck FROM %I',
                               $1::text, $1::text, $1::text, $1::text)",
                &[&role],
            )
            .map_err(&failed)?
            .get(0);
        tx.batch_execute(&statements).map_err(|e| match e.code() {
            Some(code) if *code == SqlState::INSUFFICIENT_PRIVILEGE => {
                Error::input(t!("server-needs-createrole"))
            }
            _ => failed(e),
        })?;
        tx.execute(
            "UPDATE spotcheck.teams SET removed_at = now() WHERE province = $1 AND code = $2",
            &[&province, &code],
        )
        .map_err(&failed)?;
        tx.commit().map_err(&failed)?;
        Ok(Removed::Now(role))
    }
}

/// Refuse to work on a schema other than the one this spotcheck makes:
/// `server init` sets it up or upgrades it first.
pub(super) fn schema_is_current(
    tx: &mut Transaction<'_>,
    failed: &impl Fn(postgres::Error) -> Error,
) -> Result<()> {
    let installed: bool = tx
        .query_one(
            "SELECT to_regclass('spotcheck.schema_version') IS NOT NULL",
            &[],
        )
        .map_err(failed)?
        .try_get(0)
        .map_err(failed)?;
    let found: i64 = if installed {
        tx.query_one(
            "SELECT coalesce(max(version)::bigint, 0) FROM spotcheck.schema_version",
            &[],
        )
        .map_err(failed)?
        .try_get(0)
        .map_err(failed)?
    } else {
        0
    };
    if found == i64::from(SERVER_SCHEMA_VERSION) {
        Ok(())
    } else {
        Err(Error::input(t!(
            "server-schema-not-current",
            found = found,
            known = SERVER_SCHEMA_VERSION
        )))
    }
}
