//! `server init` against a real PostgreSQL: each test starts a throwaway
//! cluster of its own (`initdb` and `pg_ctl` in a temporary folder, on a
//! free port, as `nobody` when the tests run as root) and stops it at the
//! end. Without PostgreSQL on the machine the tests say they were skipped,
//! unless `SPOTCHECK_TEST_POSTGRES=required` (as CI sets) makes that a failure.

use std::path::PathBuf;
use std::process::Command;

use crate::postgres::{Cluster, free_port, unavailable};
use crate::support::Logbook;

/// The key of the advisory lock `server init` takes, as spotcheck spells it.
const INSTALL_LOCK: i64 = 8_318_271_057_427_983_105;

fn password_file(book: &Logbook, password: &str) -> PathBuf {
    let path = book.path("password");
    std::fs::write(&path, format!("{password}\n")).unwrap();
    path
}

/// Run `server init URL` with PGPASSWORD, which must fail with exit code 1
/// and print nothing on standard output; its standard error.
fn refused(book: &Logbook, url: &str, password: &str) -> String {
    let output = book.run_with(&["server", "init", url], &[("PGPASSWORD", password)]);
    assert_eq!(output.code, 1, "{}", output.dump);
    assert_eq!(output.stdout, "", "{}", output.dump);
    output.stderr
}

fn versions(cluster: &Cluster, database: &str) -> String {
    cluster.psql(
        database,
        "SELECT version, installed_by FROM spotcheck.schema_version ORDER BY version",
    )
}

#[test]
fn init_creates_the_schema_once_and_then_has_nothing_to_do() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    cluster.owner("noivu", "mat-khau-so-1", "tinh");
    let book = Logbook::new();
    let url = cluster.url("noivu", "tinh");
    let file = password_file(&book, "mat-khau-so-1");
    let file = file.to_str().unwrap();
    assert_eq!(
        book.ok(&["server", "init", &url, "--password-file", file]),
        format!(
            "created spotcheck's schema (version 5) in database tinh at {}\n",
            cluster.shown("noivu", "tinh")
        )
    );
    assert_eq!(
        versions(&cluster, "tinh"),
        "1|noivu\n2|noivu\n3|noivu\n4|noivu\n5|noivu\n"
    );
    // The schema is the owner's, and nobody else may look into it.
    assert_eq!(
        cluster.psql(
            "tinh",
            "SELECT pg_get_userbyid(nspowner), has_schema_privilege('public', oid, 'USAGE')
             FROM pg_namespace WHERE nspname = 'spotcheck'"
        ),
        "noivu|f\n"
    );
    // Again, with the password from the environment this time: nothing changes.
    let again = book.run_with(
        &["server", "init", &url, "--format", "json"],
        &[("PGPASSWORD", "mat-khau-so-1")],
    );
    assert_eq!(again.code, 0, "{}", again.dump);
    let record: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(record["schema_version"], 5, "{}", again.dump);
    assert_eq!(record["server"], cluster.shown("noivu", "tinh"));
    let line = book.run_with(
        &["--lang", "vi", "server", "init", &url],
        &[("PGPASSWORD", "mat-khau-so-1")],
    );
    assert_eq!(
        line.stdout,
        format!(
            "cấu trúc dữ liệu của spotcheck trong cơ sở dữ liệu tinh tại {} đã ở phiên bản 5: không cần làm gì\n",
            cluster.shown("noivu", "tinh")
        ),
        "{}",
        line.dump
    );
    assert_eq!(
        versions(&cluster, "tinh"),
        "1|noivu\n2|noivu\n3|noivu\n4|noivu\n5|noivu\n"
    );
}

#[test]
fn a_password_in_a_file_others_may_read_is_not_used() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    cluster.owner("noivu", "mat-khau", "tinh");
    let book = Logbook::new();
    let pgpass = book.path("pgpass");
    std::fs::write(
        &pgpass,
        format!("127.0.0.1:{}:tinh:noivu:mat-khau\n", cluster.port),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o644)).unwrap();
    let url = cluster.url("noivu", "tinh");
    let pgpass_text = pgpass.to_str().unwrap();
    let open = book.run_with(&["server", "init", &url], &[("PGPASSFILE", pgpass_text)]);
    assert_eq!(open.code, 1, "{}", open.dump);
    assert!(
        open.stderr.starts_with(&format!(
            "the password file {pgpass_text} can be read by other users, so it is not used: \
             make it yours alone with `chmod 0600 {pgpass_text}`\n"
        )),
        "{}",
        open.dump
    );
    assert!(
        open.stderr.contains(&format!(
            "cannot connect to {}",
            cluster.shown("noivu", "tinh")
        )),
        "{}",
        open.dump
    );
    assert_eq!(
        cluster.psql("tinh", "SELECT to_regnamespace('spotcheck') IS NULL"),
        "t\n"
    );
    // Made private, the same file lets the owner in.
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    let private = book.run_with(&["server", "init", &url], &[("PGPASSFILE", pgpass_text)]);
    assert_eq!(private.code, 0, "{}", private.dump);
    assert_eq!(private.stderr, "", "{}", private.dump);
    assert_eq!(
        versions(&cluster, "tinh"),
        "1|noivu\n2|noivu\n3|noivu\n4|noivu\n5|noivu\n"
    );
    // PGPASSWORD comes before the password file, and --password-file before both.
    let env = [("PGPASSFILE", pgpass_text), ("PGPASSWORD", "sai")];
    let wrong = book.run_with(&["server", "init", &url], &env);
    assert_eq!(wrong.code, 1, "{}", wrong.dump);
    assert!(
        wrong.stderr.contains("password authentication failed"),
        "{}",
        wrong.dump
    );
    let file = password_file(&book, "mat-khau");
    let flag = book.run_with(
        &[
            "server",
            "init",
            &url,
            "--password-file",
            file.to_str().unwrap(),
        ],
        &env,
    );
    assert_eq!(flag.code, 0, "{}", flag.dump);
}

#[test]
fn a_role_that_is_not_the_owner_a_wrong_password_and_a_newer_schema_change_nothing() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    cluster.owner("noivu", "dung", "tinh");
    cluster.psql("postgres", "CREATE ROLE doan1 LOGIN PASSWORD 'cua-doan'");
    cluster.psql("tinh", "GRANT CREATE ON DATABASE tinh TO doan1");
    let book = Logbook::new();
    let owner = cluster.url("noivu", "tinh");

    assert_eq!(
        refused(&book, &owner, "sai"),
        format!(
            "error: cannot connect to {}: password authentication failed for user \"noivu\": \
             check the password given by `--password-file`, PGPASSWORD or ~/.pgpass (nothing was changed)\n",
            cluster.shown("noivu", "tinh")
        )
    );
    assert_eq!(
        refused(&book, &cluster.url("doan1", "tinh"), "cua-doan"),
        "error: doan1 does not own database tinh; its owner, noivu, must run `spotcheck server init`, \
         so that spotcheck's schema is the owner's to change later\n"
    );
    assert_eq!(
        cluster.psql("tinh", "SELECT to_regnamespace('spotcheck') IS NULL"),
        "t\n"
    );

    // No password anywhere: the message says where one may come from.
    let none = book.fails(&["server", "init", &owner], 1);
    assert!(
        none.ends_with(
            ": no password was found for this role: give it with `--password-file FILE`, PGPASSWORD \
             or a line `HOST:PORT:DATABASE:ROLE:PASSWORD` in ~/.pgpass (nothing was changed)\n"
        ),
        "{none}"
    );

    // A versions table that names no version was not written by spotcheck.
    cluster.psql(
        "tinh",
        "CREATE SCHEMA spotcheck AUTHORIZATION noivu; \
         CREATE TABLE spotcheck.schema_version (version integer); \
         ALTER TABLE spotcheck.schema_version OWNER TO noivu",
    );
    assert_eq!(
        refused(&book, &owner, "dung"),
        "error: database tinh has a `spotcheck.schema_version` that names no version: spotcheck did \
         not write it so; look at it with `psql`, or give spotcheck a database of its own\n"
    );
    cluster.psql("tinh", "DROP SCHEMA spotcheck CASCADE");

    // A schema named spotcheck that spotcheck did not make is left alone.
    cluster.psql("tinh", "CREATE SCHEMA spotcheck AUTHORIZATION noivu");
    let foreign = refused(&book, &owner, "dung");
    assert!(
        foreign.starts_with(
            "error: database tinh already has a schema named `spotcheck` that spotcheck did not make"
        ),
        "{foreign}"
    );
    assert_eq!(
        cluster.psql(
            "tinh",
            "SELECT count(*) FROM pg_class WHERE relnamespace = 'spotcheck'::regnamespace"
        ),
        "0\n"
    );
    cluster.psql("tinh", "DROP SCHEMA spotcheck");

    // A version from a newer spotcheck is refused, the schema as it was.
    book.run_with(&["server", "init", &owner], &[("PGPASSWORD", "dung")]);
    cluster.psql(
        "tinh",
        "INSERT INTO spotcheck.schema_version (version) VALUES (7)",
    );
    assert_eq!(
        refused(&book, &owner, "dung"),
        "error: spotcheck's schema in database tinh is version 7, newer than this spotcheck knows (5): \
         nothing was changed; install a newer spotcheck\n"
    );
    assert_eq!(
        versions(&cluster, "tinh"),
        "1|noivu\n2|noivu\n3|noivu\n4|noivu\n5|noivu\n7|postgres\n"
    );
}

#[test]
fn a_server_that_cannot_be_reached_is_named_and_nothing_is_written() {
    let book = Logbook::new();
    // A port nothing listens on: no PostgreSQL needed for this one.
    let port = free_port();
    let down = refused(
        &book,
        &format!("postgresql://noivu@127.0.0.1:{port}/tinh"),
        "x",
    );
    assert!(
        down.starts_with(&format!(
            "error: cannot connect to postgresql://noivu@127.0.0.1:{port}/tinh: "
        )) && down.ends_with(
            ": is PostgreSQL running there, and is this machine online? Nothing was changed; \
             run the command again when the server can be reached\n"
        ),
        "{down}"
    );
    assert!(!book.db().exists(), "no logbook is made");
}

#[test]
fn a_password_in_the_url_an_unknown_mode_and_missing_files_are_refused_before_connecting() {
    let book = Logbook::new();
    let init = |url: &str| book.fails(&["server", "init", url], 1);
    let with_password = init("postgresql://noivu:bi-mat@127.0.0.1:1/tinh");
    assert!(
        with_password.starts_with("error: the server URL holds a password"),
        "{with_password}"
    );
    assert!(!with_password.contains("bi-mat"), "{with_password}");
    let unchecked = init("postgresql://noivu@127.0.0.1:1/tinh?sslmode=verify-full");
    assert_eq!(
        unchecked,
        format!(
            "error: checking the server's certificate needs the certificate of the authority \
             that signed it, and {} is not there: name its file with `sslrootcert=FILE` in the URL, \
             or put it there\n",
            book.home().join(".postgresql/root.crt").display()
        )
    );
    // An address alone gives verify-full no name to check the certificate against.
    let address_only = init("hostaddr=127.0.0.1 port=1 user=noivu dbname=tinh sslmode=verify-full");
    assert!(
        address_only
            .starts_with("error: `sslmode=verify-full` checks the certificate against the host"),
        "{address_only}"
    );
    // PGSSLMODE counts when the URL does not say, as for psql.
    let from_environment = book.run_with(
        &["server", "init", "postgresql://noivu@127.0.0.1:1/tinh"],
        &[("PGSSLMODE", "verify-full")],
    );
    assert_eq!(from_environment.code, 1, "{}", from_environment.dump);
    assert!(
        from_environment
            .stderr
            .starts_with("error: checking the server's certificate needs the certificate"),
        "{}",
        from_environment.dump
    );
    let unknown_mode = init("postgresql://noivu@127.0.0.1:1/tinh?sslmode=sometimes");
    assert!(
        unknown_mode.starts_with("error: `sslmode=sometimes` is not a mode PostgreSQL knows"),
        "{unknown_mode}"
    );
    let bad = init("postgresql://noivu@127.0.0.1:notaport/tinh");
    assert!(
        bad.starts_with("error: the server URL is not one PostgreSQL reads: ")
            && bad.ends_with("; write it as `postgresql://ROLE@HOST:PORT/DATABASE`\n"),
        "{bad}"
    );

    let with_file = |file: &std::path::Path| {
        book.fails(
            &[
                "server",
                "init",
                "postgresql://noivu@127.0.0.1:1/tinh",
                "--password-file",
                file.to_str().unwrap(),
            ],
            1,
        )
    };
    let empty = book.path("empty");
    std::fs::write(&empty, "").unwrap();
    assert_eq!(
        with_file(&empty),
        format!(
            "error: the password file {} is empty: its first line is the password\n",
            empty.display()
        )
    );
    let zeros = book.path("zeros");
    std::fs::write(&zeros, b"\0\0\0\n").unwrap();
    assert_eq!(
        with_file(&zeros),
        format!(
            "error: the first line of the password file {} is not text (it holds a zero byte or \
             is not UTF-8): write the password alone on the first line\n",
            zeros.display()
        )
    );
    let folder = with_file(book.dir());
    assert!(
        folder.starts_with(&format!(
            "error: cannot read the password file {}: ",
            book.dir().display()
        )),
        "{folder}"
    );
}

#[test]
fn inits_run_at_once_take_turns_and_make_the_schema_once() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    cluster.owner("noivu", "dung", "tinh");
    let book = Logbook::new().binary();
    let url = cluster.url("noivu", "tinh");
    let started = std::time::Instant::now();
    let outputs: Vec<_> = std::thread::scope(|scope| {
        // Another session holds spotcheck's lock for a while: every init
        // waits for it, and then they all go at once.
        let holder = scope.spawn(|| {
            cluster.psql(
                "tinh",
                &format!(
                    "BEGIN; SELECT pg_advisory_xact_lock({INSTALL_LOCK}); SELECT pg_sleep(1.5); COMMIT;"
                ),
            )
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        let runs: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    let output =
                        book.run_with(&["server", "init", &url], &[("PGPASSWORD", "dung")]);
                    (output, started.elapsed())
                })
            })
            .collect();
        let outputs: Vec<_> = runs.into_iter().map(|run| run.join().unwrap()).collect();
        holder.join().unwrap();
        outputs
    });
    // None finished before the other session let the lock go.
    for (output, finished) in &outputs {
        assert!(
            *finished >= std::time::Duration::from_millis(1500),
            "an init did not wait for the lock: {}",
            output.dump
        );
    }
    let outputs: Vec<_> = outputs.into_iter().map(|(output, _)| output).collect();
    for output in &outputs {
        assert_eq!(output.code, 0, "{}", output.dump);
    }
    let created = outputs
        .iter()
        .filter(|o| {
            o.stdout
                .starts_with("created spotcheck's schema (version 5)")
        })
        .count();
    let current = outputs
        .iter()
        .filter(|o| {
            o.stdout
                .ends_with("is at version 5 already: nothing to do\n")
        })
        .count();
    assert_eq!((created, current), (1, 3));
    assert_eq!(
        versions(&cluster, "tinh"),
        "1|noivu\n2|noivu\n3|noivu\n4|noivu\n5|noivu\n"
    );
}

#[test]
fn tls_is_used_and_the_certificate_checked_as_sslmode_asks() {
    if Command::new("openssl").arg("version").output().is_err() {
        unavailable("openssl, which makes the test certificates, is not installed here");
        return;
    }
    let Some(cluster) = Cluster::start_with_tls() else {
        return;
    };
    cluster.owner("noivu", "dung", "tinh");
    let book = Logbook::new();
    let run = cluster.dir.path().join("run");
    let (ca, stranger) = (run.join("ca.crt"), run.join("stranger.crt"));
    let init = |query: &str| {
        book.run_with(
            &[
                "server",
                "init",
                &format!("{}?{query}", cluster.url("noivu", "tinh")),
            ],
            &[("PGPASSWORD", "dung")],
        )
    };
    // The server takes TCP over TLS only: without it, it turns spotcheck away.
    let plain = init("sslmode=disable");
    assert_eq!(plain.code, 1, "{}", plain.dump);
    assert!(plain.stderr.contains("no encryption"), "{}", plain.dump);
    // prefer, the default, encrypts when the server offers it; require always.
    for query in ["application_name=x", "sslmode=require"] {
        let done = init(query);
        assert_eq!(done.code, 0, "{query}: {}", done.dump);
    }
    assert_eq!(
        versions(&cluster, "tinh"),
        "1|noivu\n2|noivu\n3|noivu\n4|noivu\n5|noivu\n"
    );
    // verify-ca checks who signed the certificate, not whom it names.
    let signed = init(&format!("sslmode=verify-ca&sslrootcert={}", ca.display()));
    assert_eq!(signed.code, 0, "{}", signed.dump);
    let unknown = init(&format!(
        "sslmode=verify-ca&sslrootcert={}",
        stranger.display()
    ));
    assert_eq!(unknown.code, 1, "{}", unknown.dump);
    assert!(
        unknown
            .stderr
            .contains("invalid peer certificate: UnknownIssuer"),
        "{}",
        unknown.dump
    );
    // verify-full also wants the host connected to in the certificate,
    // which names localhost and not 127.0.0.1.
    let wrong_name = init(&format!("sslmode=verify-full&sslrootcert={}", ca.display()));
    assert_eq!(wrong_name.code, 1, "{}", wrong_name.dump);
    assert!(
        wrong_name.stderr.contains("invalid peer certificate")
            && wrong_name.stderr.contains("localhost"),
        "{}",
        wrong_name.dump
    );
    let by_name = book.run_with(
        &[
            "server",
            "init",
            &format!(
                "postgresql://noivu@localhost:{}/tinh?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert={}",
                cluster.port,
                ca.display()
            ),
        ],
        &[("PGPASSWORD", "dung")],
    );
    assert_eq!(by_name.code, 0, "{}", by_name.dump);
    // As with libpq, a root certificate in ~/.postgresql makes require check
    // the issuer, and verify-full without one is refused before connecting.
    let missing = init("sslmode=verify-full");
    assert_eq!(missing.code, 1, "{}", missing.dump);
    assert!(
        missing.stderr.contains("sslrootcert=FILE"),
        "{}",
        missing.dump
    );
    std::fs::create_dir_all(book.home().join(".postgresql")).unwrap();
    std::fs::copy(&stranger, book.home().join(".postgresql/root.crt")).unwrap();
    let required = init("sslmode=require");
    assert_eq!(required.code, 1, "{}", required.dump);
    assert!(
        required.stderr.contains("UnknownIssuer"),
        "{}",
        required.dump
    );
    assert_eq!(
        versions(&cluster, "tinh"),
        "1|noivu\n2|noivu\n3|noivu\n4|noivu\n5|noivu\n"
    );
}

/// Whether `role` can log in over TCP with `password`.
fn logs_in(cluster: &Cluster, role: &str, password: &str) -> bool {
    cluster
        .program("psql")
        .args([
            "-X",
            "-q",
            "-w",
            "-h",
            "127.0.0.1",
            "-p",
            &cluster.port.to_string(),
            "-U",
            role,
            "-d",
            "tinh",
            "-c",
            "SELECT 1",
        ])
        .env("PGPASSWORD", password)
        .output()
        .is_ok_and(|output| output.status.success())
}

#[test]
fn a_team_gets_a_login_of_its_own_listed_and_removed_with_its_rows_kept() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    cluster.owner("noivu", "dung", "tinh");
    cluster.psql("postgres", "ALTER ROLE noivu CREATEROLE");
    let book = Logbook::new();
    let owner = cluster.url("noivu", "tinh");
    let admin = [("PGPASSWORD", "dung")];
    let team = |verb: &str, code: &str| {
        book.run_with(
            &["server", verb, &owner, "--province", "qnam", "--team", code],
            &admin,
        )
    };
    // Before the schema is there, the teams wait for `server init`.
    let early = team("add-team", "doan1");
    assert_eq!(early.code, 1, "{}", early.dump);
    assert!(
        early
            .stderr
            .ends_with("run `spotcheck server init` first\n"),
        "{}",
        early.dump
    );
    book.run_with(&["server", "init", &owner], &admin);

    // A random password, printed once with the lines to hand over.
    let added = team("add-team", "doan1");
    assert_eq!(added.code, 0, "{}", added.dump);
    let lines: Vec<&str> = added.stdout.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some(
            "added team doan1 of province qnam, who log in as sc_qnam_doan1; \
             hand the team these lines for its config file:"
        )
    );
    assert_eq!(lines.get(1).copied(), Some("[server]"));
    assert_eq!(
        lines.get(2).copied(),
        Some(
            format!(
                "url = \"postgresql://sc_qnam_doan1@127.0.0.1:{}/tinh\"",
                cluster.port
            )
            .as_str()
        )
    );
    let password = lines
        .get(3)
        .and_then(|line| line.rsplit_once(": "))
        .map(|(_, password)| password.to_string())
        .unwrap_or_default();
    assert_eq!(password.len(), 32, "{}", added.dump);
    assert!(logs_in(&cluster, "sc_qnam_doan1", &password));
    assert!(!logs_in(&cluster, "sc_qnam_doan1", "doan"));
    // The server keeps a SCRAM verifier, never the password.
    assert_eq!(
        cluster.psql(
            "postgres",
            "SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = 'sc_qnam_doan1'"
        ),
        "SCRAM-SHA-256$\n"
    );

    // A password of the team's own, from a file; JSON for a script.
    let file = password_file(&book, "mat-khau-doan-2");
    let json = book.run_with(
        &[
            "server",
            "add-team",
            &owner,
            "--province",
            "qnam",
            "--team",
            "doan-2",
            "--password-file",
            file.to_str().unwrap(),
            "--format",
            "json",
        ],
        &admin,
    );
    assert_eq!(json.code, 0, "{}", json.dump);
    let record: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(record["role"], "sc_qnam_doan_2");
    assert!(record.get("password").is_none(), "{}", json.dump);
    assert!(logs_in(&cluster, "sc_qnam_doan_2", "mat-khau-doan-2"));

    // The same team twice, and codes that are not codes, are refused.
    let twice = team("add-team", "doan1");
    assert_eq!(twice.code, 1, "{}", twice.dump);
    assert_eq!(
        twice.stderr,
        "error: team doan1 of province qnam has a login already: to stop it, \
         `spotcheck server remove-team`\n"
    );
    let bad = book.fails(
        &[
            "server",
            "add-team",
            &owner,
            "--province",
            "Quảng Nam",
            "--team",
            "doan1",
        ],
        1,
    );
    assert!(
        bad.starts_with("error: `--province Quảng Nam` is not a code"),
        "{bad}"
    );

    let listed = book.run_with(&["server", "list-teams", &owner, "--format", "csv"], &admin);
    assert_eq!(listed.code, 0, "{}", listed.dump);
    let listed: Vec<Vec<String>> = listed
        .stdout
        .lines()
        .map(|line| line.split(',').map(str::to_string).collect())
        .collect();
    assert_eq!(
        listed
            .iter()
            .map(|row| row[..3].join(","))
            .collect::<Vec<_>>(),
        [
            "province,team,role",
            "qnam,doan-2,sc_qnam_doan_2",
            "qnam,doan1,sc_qnam_doan1"
        ]
    );
    assert_eq!(listed[1][4], "noivu");
    assert_eq!(listed[1][5], "");

    // Removed: no login, the row and the role kept.
    let removed = team("remove-team", "doan1");
    assert_eq!(removed.code, 0, "{}", removed.dump);
    assert_eq!(
        removed.stdout,
        "removed team doan1 of province qnam: sc_qnam_doan1 can no longer log in, \
         and what the team sent stays\n"
    );
    assert!(!logs_in(&cluster, "sc_qnam_doan1", &password));
    assert_eq!(
        cluster.psql(
            "tinh",
            "SELECT role, removed_at IS NOT NULL FROM spotcheck.teams WHERE code = 'doan1'"
        ),
        "sc_qnam_doan1|t\n"
    );
    let again = team("remove-team", "doan1");
    assert_eq!(again.code, 0, "{}", again.dump);
    assert!(
        again.stdout.ends_with(": nothing to do\n"),
        "{}",
        again.dump
    );
    let unknown = team("remove-team", "doan9");
    assert_eq!(unknown.code, 1, "{}", unknown.dump);

    // An owner who may not create roles is told what to ask for, and
    // nothing is recorded.
    cluster.psql("postgres", "ALTER ROLE noivu NOCREATEROLE");
    let denied = team("add-team", "doan3");
    assert_eq!(denied.code, 1, "{}", denied.dump);
    assert!(
        denied
            .stderr
            .starts_with("error: this role may not create or change roles"),
        "{}",
        denied.dump
    );
    assert_eq!(
        cluster.psql("tinh", "SELECT count(*) FROM spotcheck.teams"),
        "2\n"
    );
}

#[test]
fn a_schema_of_version_1_is_upgraded_to_the_current_one() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    cluster.owner("noivu", "dung", "tinh");
    let book = Logbook::new();
    let owner = cluster.url("noivu", "tinh");
    book.run_with(&["server", "init", &owner], &[("PGPASSWORD", "dung")]);
    // Back to what the first version made.
    cluster.psql(
        "tinh",
        "DROP TABLE spotcheck.teams, spotcheck.records, spotcheck.history, spotcheck.conflicts, spotcheck.numbers,
                    spotcheck.reader_groups, spotcheck.devices, spotcheck.seals;
         DROP SEQUENCE spotcheck.revisions;
         DROP FUNCTION spotcheck.my_province(), spotcheck.my_team(), spotcheck.readable(),
                       spotcheck.take_feed(text), spotcheck.grant_team(name),
                       spotcheck.reader_group(text), spotcheck.stamp_record(),
                       spotcheck.stamp_entry(), spotcheck.check_entries(),
                       spotcheck.seal_records();
         DELETE FROM spotcheck.schema_version WHERE version > 1",
    );
    let upgraded = book.run_with(&["server", "init", &owner], &[("PGPASSWORD", "dung")]);
    assert_eq!(
        upgraded.stdout,
        format!(
            "upgraded spotcheck's schema in database tinh at {} from version 1 to 5\n",
            cluster.shown("noivu", "tinh")
        ),
        "{}",
        upgraded.dump
    );
    assert_eq!(
        versions(&cluster, "tinh"),
        "1|noivu\n2|noivu\n3|noivu\n4|noivu\n5|noivu\n"
    );
    assert_eq!(
        cluster.psql("tinh", "SELECT to_regclass('spotcheck.teams') IS NOT NULL"),
        "t\n"
    );
}

#[test]
fn the_url_handed_to_a_team_goes_in_its_config_file_without_a_password() {
    let book = Logbook::new()
        .config("[server]\nurl = \"postgresql://sc_qnam_doan1@db.example.vn:5432/tinh\"\n");
    let shown = book.ok(&["config", "--format", "csv"]);
    assert!(
        shown.contains("server.url,postgresql://sc_qnam_doan1@db.example.vn:5432/tinh,"),
        "{shown}"
    );
    let book = Logbook::new()
        .config("[server]\nurl = \"postgresql://sc_qnam_doan1:bi-mat@db.example.vn/tinh\"\n");
    let refused = book.fails(&["config"], 1);
    assert!(
        refused.contains("line 2, column 7: the server URL holds a password"),
        "{refused}"
    );
    assert!(!refused.contains("bi-mat"), "{refused}");
}
