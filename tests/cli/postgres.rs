//! A throwaway PostgreSQL cluster for the tests that need a server: made
//! with `initdb` and started with `pg_ctl` in a temporary folder, on a free
//! port, as `nobody` when the tests run as root, and stopped at the end.
//! Without PostgreSQL on the machine a test says it was skipped, unless
//! `SPOTCHECK_TEST_POSTGRES=required` (as CI sets) makes that a failure.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

/// The password of the cluster's superuser, `postgres`, over TCP.
const SUPERUSER_PASSWORD: &str = "throwaway-superuser";

/// A PostgreSQL cluster that lives as long as the test.
pub(crate) struct Cluster {
    pub(crate) dir: tempfile::TempDir,
    bin: PathBuf,
    pub(crate) port: u16,
    /// `runuser -u nobody --` when the tests run as root: PostgreSQL will
    /// not run as root.
    as_user: Vec<String>,
}

/// The folder of `initdb` and `pg_ctl`: the newest under
/// `/usr/lib/postgresql` (Debian's layout), else the one on the PATH.
fn postgres_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
}

/// Say why a test checked nothing on this machine (`--nocapture` shows it).
#[allow(clippy::print_stdout)]
fn skipped(reason: &str) {
    println!("skipped: {reason}");
}

/// A test that cannot run here says so, or fails when a server's tests are
/// required (`SPOTCHECK_TEST_POSTGRES=required`, as CI sets).
pub(crate) fn unavailable(reason: &str) {
    if std::env::var("SPOTCHECK_TEST_POSTGRES").as_deref() == Ok("required") {
        panic!("{reason}, and SPOTCHECK_TEST_POSTGRES=required");
    }
    skipped(reason);
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port on 127.0.0.1")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.starts_with(b"0\n"))
}

impl Cluster {
    /// A running cluster, or `None` (with the reason printed) when this
    /// machine has no PostgreSQL and CI did not ask for it.
    pub(crate) fn start() -> Option<Cluster> {
        Cluster::start_with(false)
    }

    /// A running cluster that takes TCP connections over TLS only, with a
    /// certificate for `localhost` signed by `run/ca.crt`; `run/stranger.crt`
    /// is another authority, which signed nothing of it.
    pub(crate) fn start_with_tls() -> Option<Cluster> {
        Cluster::start_with(true)
    }

    fn start_with(tls: bool) -> Option<Cluster> {
        let Some(bin) = postgres_bin() else {
            unavailable("PostgreSQL (initdb, pg_ctl) is not installed here");
            return None;
        };
        let dir = tempfile::Builder::new()
            .prefix("spotcheck-pg-")
            .tempdir()
            .expect("a folder for the cluster");
        let as_user = if is_root() {
            use std::os::unix::fs::PermissionsExt;
            // `nobody` must reach the folder and own what the server writes.
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
                .expect("opening the cluster's folder");
            vec!["runuser".into(), "-u".into(), "nobody".into(), "--".into()]
        } else {
            Vec::new()
        };
        let cluster = Cluster {
            dir,
            bin,
            port: free_port(),
            as_user,
        };
        for sub in ["data", "run"] {
            std::fs::create_dir(cluster.dir.path().join(sub)).expect("the cluster's folders");
            if !cluster.as_user.is_empty() {
                std::os::unix::fs::chown(cluster.dir.path().join(sub), Some(65534), Some(65534))
                    .expect("giving the cluster's folders to nobody");
            }
        }
        let pwfile = cluster.dir.path().join("run/superuser");
        std::fs::write(&pwfile, SUPERUSER_PASSWORD).expect("the superuser's password file");
        if !cluster.as_user.is_empty() {
            std::os::unix::fs::chown(&pwfile, Some(65534), Some(65534)).expect("chown");
        }
        let data = cluster.data();
        cluster.tool(
            "initdb",
            &[
                "-D",
                data.to_str().expect("a UTF-8 temporary path"),
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--pwfile",
                pwfile.to_str().expect("a UTF-8 temporary path"),
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
        );
        let mut options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            cluster.port,
            cluster.dir.path().join("run").display()
        );
        if tls {
            cluster.certificates();
            std::fs::write(
                data.join("pg_hba.conf"),
                "local all all trust\nhostssl all all 127.0.0.1/32 scram-sha-256\n",
            )
            .expect("pg_hba.conf");
            let run = cluster.dir.path().join("run");
            options.push_str(&format!(
                " -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
                run.join("server.crt").display(),
                run.join("server.key").display()
            ));
        }
        let log = cluster.dir.path().join("run/log");
        cluster.tool(
            "pg_ctl",
            &[
                "-D",
                data.to_str().expect("a UTF-8 temporary path"),
                "-l",
                log.to_str().expect("a UTF-8 temporary path"),
                "-o",
                &options,
                "-w",
                "start",
            ],
        );
        Some(cluster)
    }

    /// An authority, `run/ca.crt`, and the server's key and certificate
    /// for `localhost` signed by it; and `run/stranger.crt`, an authority
    /// that signed nothing here.
    fn certificates(&self) {
        let run = self.dir.path().join("run");
        let openssl = |args: &[&str]| {
            let output = Command::new("openssl")
                .args(args)
                .current_dir(&run)
                .output()
                .expect("running openssl");
            assert!(
                output.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        };
        let key = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
        ];
        for name in ["ca", "stranger"] {
            let subject = format!("/CN=spotcheck test {name}");
            let (key_file, crt_file) = (format!("{name}.key"), format!("{name}.crt"));
            let mut args = vec!["req", "-x509", "-new"];
            args.extend(key);
            args.extend([
                "-keyout",
                &key_file,
                "-out",
                &crt_file,
                "-days",
                "2",
                "-subj",
                &subject,
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ]);
            openssl(&args);
        }
        let mut args = vec!["req", "-new"];
        args.extend(key);
        args.extend([
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=localhost",
        ]);
        openssl(&args);
        std::fs::write(
            run.join("server.ext"),
            "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n\
             keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n",
        )
        .expect("the certificate's extensions");
        openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "server.ext",
        ]);
        if !self.as_user.is_empty() {
            for name in ["server.key", "server.crt"] {
                std::os::unix::fs::chown(run.join(name), Some(65534), Some(65534)).expect("chown");
            }
        }
    }

    pub(crate) fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// One of PostgreSQL's programs, to run as the cluster's user.
    pub(crate) fn program(&self, name: &str) -> Command {
        let program = self.bin.join(name);
        match self.as_user.split_first() {
            Some((wrapper, rest)) => {
                let mut command = Command::new(wrapper);
                command.args(rest).arg(&program);
                command
            }
            None => Command::new(&program),
        }
    }

    /// Run one of PostgreSQL's programs as the cluster's user; panic with
    /// its output if it fails.
    pub(crate) fn tool(&self, name: &str, args: &[&str]) -> String {
        let output = self
            .program(name)
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap_or_else(|e| panic!("running {name}: {e}"));
        let log = std::fs::read_to_string(self.dir.path().join("run/log")).unwrap_or_default();
        assert!(
            output.status.success(),
            "{name} {args:?} failed: {}\n{}\nserver log:\n{log}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Run SQL as the superuser through the socket; the rows come back one
    /// a line, fields separated by `|`.
    pub(crate) fn psql(&self, database: &str, sql: &str) -> String {
        let socket = self.dir.path().join("run");
        self.tool(
            "psql",
            &[
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                socket.to_str().expect("a UTF-8 temporary path"),
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                "-d",
                database,
                "-c",
                sql,
            ],
        )
    }

    /// `psql` running SQL as the superuser through the socket, to start
    /// and stop by hand: a session that holds a lock while a test acts.
    pub(crate) fn psql_session(&self, database: &str, sql: &str) -> Command {
        let socket = self.dir.path().join("run");
        let mut command = self.program("psql");
        command
            .args(["-X", "-q", "-A", "-t", "-h"])
            .arg(&socket)
            .args([
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                "-d",
                database,
                "-c",
                sql,
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        command
    }

    /// Run SQL as `role` over TCP with its password: the rows as
    /// [`Cluster::psql`] gives them, or what the server said when it refused.
    pub(crate) fn psql_as(
        &self,
        role: &str,
        password: &str,
        database: &str,
        sql: &str,
    ) -> Result<String, String> {
        let output = self
            .program("psql")
            .args([
                "-X",
                "-q",
                "-A",
                "-t",
                "-w",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                role,
                "-d",
                database,
                "-c",
                sql,
            ])
            .env("PGPASSWORD", password)
            .output()
            .map_err(|e| e.to_string())?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).into_owned())
        }
    }

    /// A login role with a password, and a database it owns.
    pub(crate) fn owner(&self, role: &str, password: &str, database: &str) {
        self.psql(
            "postgres",
            &format!("CREATE ROLE {role} LOGIN PASSWORD '{password}'"),
        );
        self.psql(
            "postgres",
            &format!("CREATE DATABASE {database} OWNER {role}"),
        );
    }

    pub(crate) fn url(&self, role: &str, database: &str) -> String {
        format!("postgresql://{role}@127.0.0.1:{}/{database}", self.port)
    }

    /// `server` as spotcheck shows it in messages.
    pub(crate) fn shown(&self, role: &str, database: &str) -> String {
        self.url(role, database)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self
            .program("pg_ctl")
            .args([
                "-D",
                &data.to_string_lossy(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ])
            .output();
    }
}
