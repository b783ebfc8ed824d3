//! spotcheck's schema on a province's PostgreSQL server, the store that the
//! teams' laptops share; each laptop keeps its own SQLite logbook.
//!
//! Connecting follows libpq, so that a URL and a password file that work
//! with `psql` work here: the password comes from `--password-file`, then
//! `PGPASSWORD`, then the password file (`PGPASSFILE` or `~/.pgpass`), and
//! never from the URL, which other users of the machine can read in the
//! list of processes.

pub mod seals;
pub mod sync;
pub mod teams;
mod tls;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use postgres::config::Host;
use postgres::{Client, Config};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::{Error, Result};

/// The version of the server schema this spotcheck makes and knows.
pub const SERVER_SCHEMA_VERSION: i32 = 5;

/// Each version's statements, in order; `server init` runs those after the
/// version it finds, in one transaction.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("schema_v1.sql")),
    (2, include_str!("schema_v2.sql")),
    (3, include_str!("schema_v3.sql")),
    (4, include_str!("schema_v4.sql")),
    (5, include_str!("schema_v5.sql")),
];

/// The key of the advisory lock that `server init` holds until it commits,
/// so that two run at once take turns instead of both creating the schema.
const INSTALL_LOCK: i64 = 0x7370_6f74_6368_6b01;

/// How long an init waits for another that holds the lock, or for a table
/// it needs: a stuck session elsewhere is reported rather than waited on.
const LOCK_TIMEOUT: &str = "SET LOCAL lock_timeout = '60s'";

/// How long to wait for a server that does not answer: a laptop is often
/// offline, and saying so soon is better than hanging.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The socket folders that a password file names `localhost`, as libpq's
/// builds on Linux place the socket.
const DEFAULT_SOCKET_DIRS: [&str; 3] = ["/var/run/postgresql", "/run/postgresql", "/tmp"];

/// The longest password file read: the password is its first line.
const PASSWORD_FILE_LIMIT: u64 = 4096;

/// Where the password may come from, besides the URL (which is refused).
#[derive(Debug, Default)]
pub struct Secrets<'a> {
    /// `--password-file`: its first line.
    pub password_file: Option<&'a Path>,
    /// `PGPASSWORD`.
    pub password: Option<&'a str>,
    /// `PGPASSFILE`, or else `~/.pgpass`.
    pub passfile: Option<PathBuf>,
    /// Who connects when the URL names no role: the system's user, as with libpq.
    pub user: Option<&'a str>,
    /// The home folder, where `.postgresql/root.crt` is the root
    /// certificate when the URL names none.
    pub home: Option<&'a Path>,
    /// `PGSSLMODE` and `PGSSLROOTCERT`: the TLS words when the URL has none.
    pub ssl_mode: Option<&'a str>,
    pub ssl_root_cert: Option<&'a str>,
}

/// A server and database to connect to, as a URL names them.
pub struct Target {
    config: Config,
    tls: MakeRustlsConnect,
    /// The URL without its parameters, for messages.
    shown: String,
    host: String,
    port: u16,
    database: String,
}

/// What `server init` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Installed {
    /// The database had no spotcheck schema; it now has this version.
    Created(i32),
    /// The schema was at `from` and is now at `to`.
    Upgraded { from: i32, to: i32 },
    /// The schema was at this version already: nothing changed.
    Current(i32),
}

impl Target {
    /// The server `url` names (`postgresql://ROLE@HOST:PORT/DATABASE`, or
    /// libpq's `key=value` form), with its password, and the warnings met on
    /// the way (a password file others may read is passed over, as libpq does).
    pub fn new(url: &str, secrets: &Secrets<'_>) -> Result<(Target, Vec<String>)> {
        let bad = |problem: String| Error::input(t!("server-url-bad", problem = problem));
        let (rest, mut words) = tls::take_tls_words(url)?;
        words.mode = words.mode.or(secrets.ssl_mode.map(str::to_string));
        words.root_cert = words
            .root_cert
            .or(secrets.ssl_root_cert.map(str::to_string));
        let mut config = Config::from_str(&rest).map_err(|e| bad(e.to_string()))?;
        if config.get_password().is_some() {
            return Err(Error::input(t!("server-url-password")));
        }
        let address = config.get_hostaddrs().first().map(ToString::to_string);
        match (config.get_hosts().is_empty(), &address) {
            (true, None) => {
                config.host("localhost");
            }
            // A certificate names a host: checked against an address alone,
            // it would be checked against a name nobody gave.
            (true, Some(_)) if words.mode.as_deref() == Some("verify-full") => {
                return Err(Error::input(t!("server-verify-full-needs-host")));
            }
            _ => {}
        }
        if config.get_user().is_none() {
            match secrets.user {
                Some(user) => {
                    config.user(user);
                }
                None => return Err(bad(t!("server-url-no-role"))),
            }
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("spotcheck");
        let (mode, tls) = tls::connector(&words, secrets.home)?;
        config.ssl_mode(mode);
        let user = config.get_user().unwrap_or_default().to_string();
        let database = config.get_dbname().unwrap_or(&user).to_string();
        let host = match (config.get_hosts().first(), address) {
            (Some(Host::Tcp(host)), _) => host.clone(),
            (Some(Host::Unix(dir)), _) => dir.display().to_string(),
            (None, Some(address)) => address,
            (None, None) => "localhost".to_string(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let mut warnings = Vec::new();
        let password = match (secrets.password_file, secrets.password) {
            (Some(file), _) => Some(read_password_file(file)?),
            (None, Some(password)) => Some(password.to_string()),
            (None, None) => match &secrets.passfile {
                Some(passfile) => {
                    // libpq looks the usual socket folders up as `localhost`.
                    let lookup_host = if DEFAULT_SOCKET_DIRS.contains(&host.as_str()) {
                        "localhost"
                    } else {
                        &host
                    };
                    let key = PassKey {
                        host: lookup_host,
                        port: &port.to_string(),
                        database: &database,
                        user: &user,
                    };
                    from_passfile(passfile, &key, &mut warnings)
                }
                None => None,
            },
        };
        if let Some(password) = password {
            config.password(password);
        }
        let shown = format!("postgresql://{user}@{host}:{port}/{database}");
        Ok((
            Target {
                config,
                tls,
                shown,
                host,
                port,
                database,
            },
            warnings,
        ))
    }

    /// The URL of the same server and database for another role.
    pub fn url_for(&self, role: &str) -> String {
        format!(
            "postgresql://{role}@{}:{}/{}",
            self.host, self.port, self.database
        )
    }

    /// The URL without its parameters or any secret, for messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    pub fn database(&self) -> &str {
        &self.database
    }

    /// Connect, or say why not: nothing has been changed either way.
    pub fn connect(&self) -> Result<ServerConnection> {
        let client = self
            .config
            .connect(self.tls.clone())
            .map_err(|source| Error::Server {
                context: t!("server-connecting", server = self.shown.clone()),
                source,
            })?;
        Ok(ServerConnection {
            client,
            shown: self.shown.clone(),
        })
    }
}

/// An open connection to the server.
pub struct ServerConnection {
    client: Client,
    shown: String,
}

impl ServerConnection {
    /// A read-only transaction that sees one snapshot of the server
    /// throughout, whatever commits meanwhile.
    fn snapshot(&mut self) -> std::result::Result<postgres::Transaction<'_>, postgres::Error> {
        self.client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
    }

    /// Create spotcheck's schema in the database, or upgrade it, in one
    /// transaction; refuse a role that does not own the database, a schema
    /// newer than this spotcheck knows, and a schema named `spotcheck` that
    /// spotcheck did not make.
    pub fn install(&mut self) -> Result<Installed> {
        let shown = self.shown.clone();
        let failed = move |source: postgres::Error| Error::Server {
            context: t!("server-installing", server = shown.clone()),
            source,
        };
        // Read committed, whatever the database's default: after waiting
        // for the lock, each statement sees what the init before committed.
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::ReadCommitted)
            .start()
            .map_err(&failed)?;
        tx.batch_execute(LOCK_TIMEOUT).map_err(&failed)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INSTALL_LOCK])
            .map_err(&failed)?;
        let row = tx
            .query_one(
                "SELECT current_user::text, pg_get_userbyid(datdba)::text, current_database()::text
                 FROM pg_database WHERE datname = current_database()",
                &[],
            )
            .map_err(&failed)?;
        let (user, owner, database): (String, String, String) =
            (row.get(0), row.get(1), row.get(2));
        // The schema belongs to the database's owner, who alone may change
        // it later; a superuser's objects would be out of the owner's reach.
        if user != owner {
            return Err(Error::input(t!(
                "server-not-owner",
                user = user,
                database = database,
                owner = owner
            )));
        }
        let row = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'spotcheck'),
                        to_regclass('spotcheck.schema_version') IS NOT NULL",
                &[],
            )
            .map_err(&failed)?;
        let (has_schema, has_versions): (bool, bool) = (row.get(0), row.get(1));
        let found: i64 = if has_versions {
            let found = tx
                .query_one(
                    "SELECT coalesce(max(version)::bigint, 0) FROM spotcheck.schema_version",
                    &[],
                )
                .map_err(&failed)?
                .try_get(0)
                .map_err(&failed)?;
            // The table is there but says no version: something else wrote it.
            if found < 1 {
                return Err(Error::input(t!(
                    "server-versions-damaged",
                    database = database
                )));
            }
            found
        } else if has_schema {
            return Err(Error::input(t!(
                "server-foreign-schema",
                database = database
            )));
        } else {
            0
        };
        if found > i64::from(SERVER_SCHEMA_VERSION) {
            return Err(Error::input(t!(
                "server-schema-newer",
                database = database,
                found = found,
                known = SERVER_SCHEMA_VERSION
            )));
        }
        if found == i64::from(SERVER_SCHEMA_VERSION) {
            return Ok(Installed::Current(SERVER_SCHEMA_VERSION));
        }
        for (version, statements) in MIGRATIONS.iter().filter(|(v, _)| i64::from(*v) > found) {
            tx.batch_execute(statements).map_err(&failed)?;
            tx.execute(
                "INSERT INTO spotcheck.schema_version (version) VALUES ($1)",
                &[version],
            )
            .map_err(&failed)?;
        }
        tx.commit().map_err(&failed)?;
        Ok(if found == 0 {
            Installed::Created(SERVER_SCHEMA_VERSION)
        } else {
            Installed::Upgraded {
                from: i32::try_from(found).unwrap_or_default(),
                to: SERVER_SCHEMA_VERSION,
            }
        })
    }
}

/// The first line of the file `--password-file` names: a file, or a pipe
/// such as `<(pass show province)`, read only up to its first line break
/// so that a pipe left open does not keep spotcheck waiting.
pub fn read_password_file(path: &Path) -> Result<String> {
    use crate::input::{SecretLine, secret_line};
    let shown = path.display().to_string();
    match secret_line(path, PASSWORD_FILE_LIMIT) {
        Ok(SecretLine::Line(password)) => Ok(password.to_string()),
        Ok(SecretLine::Empty) => Err(Error::input(t!("server-password-file-empty", path = shown))),
        Ok(SecretLine::NotText) => Err(Error::input(t!(
            "server-password-file-not-text",
            path = shown
        ))),
        Err(source) => Err(Error::Io {
            context: t!("server-reading-password-file", path = shown),
            source,
        }),
    }
}

/// What a line of a password file is matched against.
struct PassKey<'a> {
    host: &'a str,
    port: &'a str,
    database: &'a str,
    user: &'a str,
}

/// The password of the first line of a libpq password file that matches
/// `key` (`host:port:database:user:password`, `*` matching anything, `\`
/// escaping `:` and `\`). A file that others may read is passed over with
/// a warning, and one that is missing or unreadable silently, as by libpq.
fn from_passfile(path: &Path, key: &PassKey<'_>, warnings: &mut Vec<String>) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            warnings.push(t!(
                "server-passfile-open",
                path = path.display().to_string()
            ));
            return None;
        }
    }
    let mut text = String::new();
    std::fs::File::open(path)
        .ok()?
        .take(1 << 20)
        .read_to_string(&mut text)
        .ok()?;
    passfile_password(&text, key)
}

fn passfile_password(text: &str, key: &PassKey<'_>) -> Option<String> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let fields = passfile_fields(line);
            let [host, port, database, user, password, ..] = fields.as_slice() else {
                return None;
            };
            let matches = |field: &Field, value: &str| field.any || field.text == value;
            (matches(host, key.host)
                && matches(port, key.port)
                && matches(database, key.database)
                && matches(user, key.user))
            .then(|| password.text.clone())
        })
}

/// A field of a password file's line: its text, and whether it was a bare
/// `*`, which matches anything (`\*` is a star).
struct Field {
    text: String,
    any: bool,
}

/// The fields of a password file's line, split at each `:` that is not
/// escaped; `\` makes the next character stand for itself.
fn passfile_fields(line: &str) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut text = String::new();
    let mut escaped = false;
    let mut chars = line.chars();
    let mut finish = |text: &mut String, escaped: &mut bool| {
        fields.push(Field {
            any: text == "*" && !*escaped,
            text: std::mem::take(text),
        });
        *escaped = false;
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    text.push(next);
                    escaped = true;
                }
            }
            ':' => finish(&mut text, &mut escaped),
            c => text.push(c),
        }
    }
    finish(&mut text, &mut escaped);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(host: &'a str, database: &'a str, user: &'a str) -> PassKey<'a> {
        PassKey {
            host,
            port: "5432",
            database,
            user,
        }
    }

    #[test]
    fn a_password_file_line_matches_field_by_field_with_wildcards_and_escapes() {
        let text = "# the province's server\n\
                    db.example:5432:other:team:wrong\n\
                    db.example:*:prov:team:p\\:ss\\\\word\n\
                    *:*:*:*:fallback:with:colons\n";
        assert_eq!(
            passfile_password(text, &key("db.example", "prov", "team")).as_deref(),
            Some("p:ss\\word")
        );
        assert_eq!(
            passfile_password(text, &key("db.example", "other", "team")).as_deref(),
            Some("wrong")
        );
        assert_eq!(
            passfile_password(text, &key("elsewhere", "x", "y")).as_deref(),
            Some("fallback")
        );
        // An escaped star is a star, not a wildcard.
        let star = "\\*:*:*:*:star\n*:*:*:*:any\n";
        assert_eq!(
            passfile_password(star, &key("*", "d", "u")).as_deref(),
            Some("star")
        );
        assert_eq!(
            passfile_password(star, &key("h", "d", "u")).as_deref(),
            Some("any")
        );
        assert_eq!(passfile_password("a:b:c\n", &key("a", "c", "d")), None);
    }

    #[test]
    fn a_url_with_a_password_is_refused_before_any_connection() {
        let refused = Target::new(
            "postgresql://team:secret@localhost/prov",
            &Secrets::default(),
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(refused.contains("PGPASSWORD"), "{refused}");
        assert!(!refused.contains("secret"), "{refused}");
    }
}
