//! The builder every test drives: spotcheck, in-process or as the real
//! binary, on a temporary logbook, with a temporary home, a fixed clock and a cleared environment, so
//! no test reads or writes the user's own config or logbook.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use spotcheck::environment::Environment;
use tempfile::TempDir;

/// The fixed clock: Tuesday 10/05/2022, 07:35 local time.
pub const NOW: &str = "2022-05-10T07:35";

/// Who writes, unless a test says otherwise.
pub const INSPECTOR: &str = "Lê Thị Hoa";

/// A POSIX TZ string for Vietnam (UTC+7, no daylight saving) that needs no
/// time zone database, so that UTC stamps are the same on every machine.
pub const VIETNAM_TZ: &str = "ICT-7";

/// The CSV header of findings, as `list --format csv` and the export write it.
/// The findings columns, in the order of the findings export and `findings_v`.
pub const FINDINGS_HEADER: &str = "uid,number,unit_code,unit_name,visit_uid,visit_started_at,kind,\
person,position,arrived_at,expected_at,minutes_late,meeting,file_ref,procedure,received_on,due_on,\
returned_on,days_overdue,working_days_overdue,category,description,action,note,logged_by,logged_at,\
voided_at,void_reason,task_uid,person_uid,excuse,left_at,minutes_early,apology_on,new_due_on,\
delay_cause,delay_stage,responsible,channel,discipline_form,decision_ref,decided_on,decided_by,\
complex_case";

/// The variables an in-process run takes through [`Environment`]; a test
/// that sets any other runs the binary. `TZ` is taken only as
/// [`VIETNAM_TZ`], which is a fixed offset.
const IN_PROCESS_VARIABLES: &[&str] = &[
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "SPOTCHECK_NOW",
    "SPOTCHECK_BY",
    "SPOTCHECK_DB",
    "SPOTCHECK_LANG",
    "NO_COLOR",
    "COLUMNS",
    "PGPASSWORD",
    "PGPASSFILE",
    "PGSSLMODE",
    "PGSSLROOTCERT",
    "USER",
    "USERNAME",
    "TMPDIR",
    "SPOTCHECK_PASSPHRASE_FILE",
    spotcheck::environment::ENCRYPT_NEW_ENV,
];

/// Set (as CI does, for a second run of the suite) to make every logbook a
/// command creates encrypted, its passphrase read from a file in the
/// temporary home: every test then runs on an encrypted logbook.
const ENCRYPTED_RUN_ENV: &str = "SPOTCHECK_TEST_ENCRYPTED";

/// The passphrase of every logbook of an encrypted run.
pub const SUITE_PASSPHRASE: &str = "Mật khẩu của tổ kiểm tra số 3";

/// Whether this run of the suite makes its logbooks encrypted.
pub fn encrypted_run() -> bool {
    std::env::var_os(ENCRYPTED_RUN_ENV).is_some_and(|value| !value.is_empty())
}

/// Move the test process, once, into a folder that no longer exists. The
/// binary runs in the logbook's temporary folder; an in-process run cannot,
/// since the working directory belongs to the whole process. A relative
/// path given in-process then fails loudly instead of reading or writing
/// the source tree, and the test says `.binary()`.
fn in_scratch_directory() {
    static MOVED: std::sync::Once = std::sync::Once::new();
    MOVED.call_once(|| {
        let scratch = tempfile::tempdir().expect("a scratch directory");
        std::env::set_current_dir(scratch.path()).expect("moving into the scratch directory");
        drop(scratch);
    });
}

/// A temporary logbook and home, and the settings every command runs with.
pub struct Logbook {
    dir: TempDir,
    /// Passed as `--db`; `None` lets spotcheck find its logbook itself.
    db: Option<PathBuf>,
    /// Passed as `--config`.
    config: Option<PathBuf>,
    /// The environment beyond HOME, XDG dirs and PATH.
    env: BTreeMap<String, String>,
    /// Run every command as the real binary, never in-process.
    binary: bool,
}

/// What one run of the binary did.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
    /// The command, its directory and its streams, for failure messages.
    pub dump: String,
}

impl Logbook {
    /// A fresh temporary directory; commands get `--db <dir>/logbook.db`.
    pub fn new() -> Logbook {
        let dir = tempfile::Builder::new()
            .prefix("spotcheck-test-")
            .tempdir()
            .expect("a temporary directory");
        let db = dir.path().join("logbook.db");
        let home = dir.path().join("home");
        std::fs::create_dir_all(home.join(".config")).expect("the temporary home");
        std::fs::create_dir_all(home.join(".local/share")).expect("the temporary home");
        let mut env: BTreeMap<String, String> = [
            ("LANG", "C.UTF-8"),
            ("SPOTCHECK_NOW", NOW),
            ("SPOTCHECK_BY", INSPECTOR),
            ("TZ", VIETNAM_TZ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        if encrypted_run() {
            let passphrase = home.join("passphrase.txt");
            std::fs::write(&passphrase, format!("{SUITE_PASSPHRASE}\n"))
                .expect("the passphrase file");
            env.insert(
                "SPOTCHECK_PASSPHRASE_FILE".to_string(),
                passphrase.display().to_string(),
            );
            env.insert(
                spotcheck::environment::ENCRYPT_NEW_ENV.to_string(),
                "1".to_string(),
            );
        }
        Logbook {
            dir,
            db: Some(db),
            config: None,
            env,
            binary: false,
        }
    }

    /// Make logbooks plain even in an encrypted run of the suite: for tests
    /// of plain logbooks as such, and of encrypting them.
    pub fn unencrypted(mut self) -> Logbook {
        self.env.remove(spotcheck::environment::ENCRYPT_NEW_ENV);
        self.env.remove("SPOTCHECK_PASSPHRASE_FILE");
        self
    }

    /// Run every command as the real binary: for tests where the process
    /// itself matters (its working directory, signals, what it leaves).
    pub fn binary(mut self) -> Logbook {
        self.binary = true;
        self
    }

    /// No `--db` flag: spotcheck falls back to the environment, the config or
    /// the data dir of the temporary home.
    pub fn without_db_flag(mut self) -> Logbook {
        self.db = None;
        self
    }

    /// Pass this file as `--db` instead of `<dir>/logbook.db`.
    pub fn with_db(mut self, path: impl Into<PathBuf>) -> Logbook {
        self.db = Some(path.into());
        self
    }

    /// Write `<home>/config.toml` and pass `--config` to it.
    pub fn config(mut self, toml: &str) -> Logbook {
        let path = self.home().join("config.toml");
        std::fs::write(&path, toml).expect("writing the config file");
        self.config = Some(path);
        self
    }

    /// Set an environment variable for every command.
    pub fn env(mut self, key: &str, value: &str) -> Logbook {
        self.env.insert(key.to_string(), value.to_string());
        self
    }

    /// Leave an environment variable of the defaults unset.
    pub fn without_env(mut self, key: &str) -> Logbook {
        self.env.remove(key);
        self
    }

    /// Fix the clock at another local date-time, as `2022-05-12T14:00`.
    pub fn now(self, at: &str) -> Logbook {
        self.env("SPOTCHECK_NOW", at)
    }

    /// The temporary directory, also the working directory of every command.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the temporary directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The temporary home.
    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// The logbook passed as `--db`.
    pub fn db(&self) -> &Path {
        self.db
            .as_deref()
            .expect("this logbook runs without a `--db` flag")
    }

    /// The command that runs spotcheck with `args`, ready to spawn.
    pub fn command(&self, args: &[&str]) -> Command {
        self.command_with(args, &[])
    }

    fn command_with(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_spotcheck"));
        command
            .env_clear()
            .current_dir(self.dir())
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home().join(".config"))
            .env("XDG_DATA_HOME", self.home().join(".local/share"))
            .envs(&self.env)
            .envs(env.iter().copied())
            .stdin(Stdio::null());
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        // In an encrypted run, results go to files as in a plain one: the
        // refusal without `--plaintext` has tests of its own.
        if self
            .env
            .contains_key(spotcheck::environment::ENCRYPT_NEW_ENV)
        {
            command.arg("--plaintext");
        }
        if let Some(db) = &self.db {
            command.arg("--db").arg(db);
        }
        if let Some(config) = &self.config {
            command.arg("--config").arg(config);
        }
        command.args(args);
        command
    }

    /// `program` set up as spotcheck would be (its environment, directory and
    /// empty standard input), to wrap a spotcheck command line: a shell
    /// with limits, a pipe, a pseudo-terminal.
    pub fn wrapper(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env_clear()
            .current_dir(self.dir())
            .stdin(Stdio::null());
        for (key, value) in self.command(&[]).get_envs() {
            if let Some(value) = value {
                command.env(key, value);
            }
        }
        command
    }

    /// The words of the spotcheck command line that `command(args)` runs.
    pub fn command_line(&self, args: &[&str]) -> Vec<std::ffi::OsString> {
        let spotcheck = self.command(args);
        std::iter::once(spotcheck.get_program())
            .chain(spotcheck.get_args())
            .map(|word| word.to_owned())
            .collect()
    }

    /// Run spotcheck with `args` and wait for it.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[])
    }

    /// Run spotcheck with the clock at another local date-time.
    pub fn run_at(&self, now: &str, args: &[&str]) -> Output {
        self.run_with(args, &[("SPOTCHECK_NOW", now)])
    }

    /// Run spotcheck with `input` on its standard input.
    pub fn run_with_stdin(&self, args: &[&str], input: &str) -> Output {
        self.finish(args, &[], Some(input))
    }

    /// Run spotcheck with more environment variables.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.finish(args, env, None)
    }

    fn finish(&self, args: &[&str], env: &[(&str, &str)], input: Option<&str>) -> Output {
        match (input, self.in_process_environment(args, env)) {
            (None, Some(environment)) => self.run_in_process(args, env, &environment),
            _ => self.run_binary(args, env, input),
        }
    }

    /// The environment an in-process run of `args` gets, or `None` when the
    /// run needs a process of its own: a variable the library does not take
    /// from [`Environment`], standard input (`-`), or a test that asked.
    fn in_process_environment(&self, args: &[&str], env: &[(&str, &str)]) -> Option<Environment> {
        if self.binary || args.contains(&"-") {
            return None;
        }
        let mut vars = self.env.clone();
        vars.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let understood = |key: &str| {
            IN_PROCESS_VARIABLES.contains(&key) || (key == "TZ" && vars[key] == VIETNAM_TZ)
        };
        if !vars.keys().all(|key| understood(key)) {
            return None;
        }
        let mut environment =
            Environment::from_variables(|name| vars.get(name).map(std::ffi::OsString::from));
        let home = self.home();
        environment.config_file = Some(home.join(".config/spotcheck/config.toml"));
        environment.data_db = Some(home.join(".local/share/spotcheck/logbook.db"));
        environment.temp_dir = vars
            .get("TMPDIR")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir);
        environment.home = Some(home);
        if vars.contains_key("TZ") {
            environment.zone = chrono::FixedOffset::east_opt(7 * 3600);
        }
        Some(environment)
    }

    /// `stderr` without the note that a result went to a file in plain text,
    /// when the harness itself gave the `--plaintext` of an encrypted run:
    /// the test expects what a plain logbook prints.
    fn without_plaintext_note(&self, stderr: String) -> String {
        if !self
            .env
            .contains_key(spotcheck::environment::ENCRYPT_NEW_ENV)
        {
            return stderr;
        }
        stderr
            .split_inclusive('\n')
            .filter(|line| {
                !(line.starts_with("note: the logbook is encrypted; ")
                    || line.starts_with("lưu ý: sổ kiểm tra đã được mã hóa; "))
            })
            .collect()
    }

    /// Run spotcheck inside the test process, as `main` would with this
    /// environment: the library, without a process to start.
    fn run_in_process(
        &self,
        args: &[&str],
        env: &[(&str, &str)],
        environment: &Environment,
    ) -> Output {
        in_scratch_directory();
        let words = self.command_line(args);
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let code = spotcheck::run_args(words, environment, &mut stdout, &mut stderr);
        let stdout = String::from_utf8(stdout).expect("stdout is UTF-8");
        let stderr =
            self.without_plaintext_note(String::from_utf8(stderr).expect("stderr is UTF-8"));
        let status = format!("exit code {code} (in-process)");
        let dump = self.dump(args, env, &status, &stdout, &stderr);
        Output {
            stdout,
            stderr,
            code: i32::from(code),
            dump,
        }
    }

    fn run_binary(&self, args: &[&str], env: &[(&str, &str)], input: Option<&str>) -> Output {
        let mut command = self.command_with(args, env);
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        if input.is_some() {
            command.stdin(Stdio::piped());
        }
        let mut child = command.spawn().expect("running the spotcheck binary");
        if let Some(input) = input {
            let mut stdin = child.stdin.take().expect("piped stdin");
            stdin
                .write_all(input.as_bytes())
                .expect("writing standard input");
        }
        let output = child
            .wait_with_output()
            .expect("waiting for the spotcheck binary");
        let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
        let stderr =
            self.without_plaintext_note(String::from_utf8(output.stderr).expect("stderr is UTF-8"));
        let code = output.status.code().unwrap_or(-1);
        let dump = self.dump(args, env, &output.status.to_string(), &stdout, &stderr);
        Output {
            stdout,
            stderr,
            code,
            dump,
        }
    }

    /// The command, its directory and its streams, for a failure message.
    fn dump(
        &self,
        args: &[&str],
        env: &[(&str, &str)],
        status: &str,
        stdout: &str,
        stderr: &str,
    ) -> String {
        let mut dump = String::new();
        let shown: Vec<String> = self
            .command(args)
            .get_args()
            .map(|a| format!("{:?}", a.to_string_lossy()))
            .collect();
        let _ = writeln!(dump, "command: spotcheck {}", shown.join(" "));
        for (key, value) in env {
            let _ = writeln!(dump, "env:     {key}={value}");
        }
        let _ = writeln!(dump, "cwd:     {}", self.dir().display());
        let _ = writeln!(dump, "status:  {status}");
        let _ = writeln!(dump, "--- stdout ---\n{stdout}--- stderr ---\n{stderr}---");
        dump
    }

    /// Run a command that must succeed; its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.code, 0, "expected success\n{}", output.dump);
        output.stdout
    }

    /// Run a command that must fail with `code` and print nothing on standard
    /// output; its standard error.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let output = self.run(args);
        assert_eq!(
            output.code, code,
            "expected exit code {code}\n{}",
            output.dump
        );
        assert_eq!(
            output.stdout, "",
            "a failed command printed a result\n{}",
            output.dump
        );
        output.stderr
    }

    /// Add UBND xã Tam Đại (code `tam-dai`) and start a visit there now.
    pub fn visit_tam_dai(&self) {
        self.ok(&[
            "unit",
            "add",
            "tam-dai",
            "UBND xã Tam Đại",
            "--kind",
            "commune",
        ]);
        self.ok(&["visit", "start", "tam-dai"]);
    }

    /// Everything a user could see of the logbook, and every file in the
    /// temporary directory with the bytes of the logbook files.
    pub fn snapshot(&self) -> Snapshot {
        let mut files = Vec::new();
        list_files(self.dir(), self.dir(), &mut files);
        files.sort();
        let logbook = self
            .db
            .as_ref()
            .map(|db| {
                ["", "-wal", "-shm"]
                    .iter()
                    .filter_map(|suffix| {
                        let mut name = db.as_os_str().to_os_string();
                        name.push(suffix);
                        let path = PathBuf::from(name);
                        std::fs::read(&path)
                            .ok()
                            .map(|bytes| (path.display().to_string(), bytes))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let exists = self.db.as_ref().is_some_and(|db| db.is_file());
        let views = if exists {
            [
                &["list", "--include-void", "--format", "csv"][..],
                &["visit", "list", "--format", "csv"],
                &["unit", "list", "--format", "csv"],
                &["person", "list", "--format", "csv"],
                &["history", "--format", "csv"],
            ]
            .iter()
            .map(|args| {
                let output = self.run(args);
                format!(
                    "$ spotcheck {}\n{}{}",
                    args.join(" "),
                    output.stdout,
                    output.stderr
                )
            })
            .collect()
        } else {
            String::from("(no logbook)")
        };
        Snapshot {
            files,
            logbook,
            views,
        }
    }

    /// Fail unless the logbook and the directory are exactly as in `before`.
    pub fn assert_unchanged(&self, before: &Snapshot) {
        let after = self.snapshot();
        assert_eq!(before.views, after.views, "what the logbook shows changed");
        assert_eq!(before.files, after.files, "files appeared or disappeared");
        let names = |s: &Snapshot| s.logbook.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(before), names(&after), "logbook files changed");
        for ((name, old), (_, new)) in before.logbook.iter().zip(&after.logbook) {
            assert!(old == new, "the bytes of `{name}` changed");
        }
    }
}

/// The state [`Logbook::assert_unchanged`] compares.
pub struct Snapshot {
    /// Every file and directory under the temporary directory, relative.
    files: Vec<String>,
    /// The logbook file and its WAL files, with their bytes.
    logbook: Vec<(String, Vec<u8>)>,
    /// The CSV of every list a user can print.
    views: String,
}

fn list_files(root: &Path, dir: &Path, into: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let relative = path.strip_prefix(root).unwrap_or(&path);
        into.push(relative.display().to_string());
        if path.is_dir() {
            list_files(root, &path, into);
        }
    }
}

/// Pseudo-random moments, the same on every run (SplitMix64): where kills
/// and signals land in the tests that interrupt commands.
pub struct Moments(pub u64);

impl Moments {
    /// The next moment, below `bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) % bound.max(1)
    }
}

/// The cells of a terminal table, row by row, the header row first.
pub fn table_cells(table: &str) -> Vec<Vec<String>> {
    table
        .lines()
        .filter(|line| line.starts_with('│'))
        .map(|line| {
            line.trim_start_matches('│')
                .trim_end_matches('│')
                .split('┆')
                .map(|cell| cell.trim().to_string())
                .collect()
        })
        .collect()
}

/// The cells of a terminal table without its header row.
pub fn table_rows(table: &str) -> Vec<Vec<String>> {
    table_cells(table).into_iter().skip(1).collect()
}

/// The value of `field` in a record printed as a two-column table (`show`).
pub fn field(record: &str, name: &str) -> String {
    table_rows(record)
        .into_iter()
        .find(|row| row.first().map(String::as_str) == Some(name))
        .and_then(|row| row.get(1).cloned())
        .unwrap_or_else(|| panic!("no field `{name}` in\n{record}"))
}

/// CSV text as rows of fields, the header row first.
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

/// CSV text as one map per row, keyed by the header.
pub fn csv_records(text: &str) -> Vec<BTreeMap<String, String>> {
    let rows = csv_rows(text);
    let Some((header, rows)) = rows.split_first() else {
        return Vec::new();
    };
    rows.iter()
        .map(|row| header.iter().cloned().zip(row.iter().cloned()).collect())
        .collect()
}

/// Parse JSON output, failing with the text.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Every row of every table of the logbook at `db`, as text, read with a
/// connection of the test's own: what must not change when a command fails.
pub fn stored_rows(db: &Path) -> Vec<String> {
    let conn = open_logbook_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY);
    let mut all = Vec::new();
    for table in ["units", "people", "visits", "findings", "history", "meta"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                (0..columns)
                    .map(|i| {
                        row.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap();
        for row in rows {
            all.push(format!("{table}: {}", row.unwrap().join(" | ")));
        }
    }
    all
}

/// Copy the logbook at `from` to `to`, with its key file when it has one,
/// as a user copies an encrypted logbook to another place or laptop.
pub fn copy_logbook(from: &Path, to: &Path) {
    std::fs::copy(from, to).expect("copying the logbook");
    let key_file = spotcheck::keys::key_file_of(from);
    if key_file.exists() {
        std::fs::copy(key_file, spotcheck::keys::key_file_of(to)).expect("copying its key file");
    }
}

/// A connection of the test's own to the logbook at `path`, keyed when it
/// is encrypted: by the key file beside it, under [`SUITE_PASSPHRASE`].
pub fn open_logbook(path: &Path) -> rusqlite::Connection {
    open_logbook_with_flags(path, rusqlite::OpenFlags::default())
}

/// [`open_logbook`], opened with `flags`.
pub fn open_logbook_with_flags(path: &Path, flags: rusqlite::OpenFlags) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_with_flags(path, flags).expect("opening the logbook");
    key_if_encrypted(&conn, path);
    conn
}

/// Give `conn`, opened on the logbook at `path` in some way of the test's
/// own, the key of that logbook when it is encrypted: by the key file
/// beside it, under [`SUITE_PASSPHRASE`].
pub fn key_if_encrypted(conn: &rusqlite::Connection, path: &Path) {
    if spotcheck::store::cipher::is_encrypted_file(path) {
        let key_file = spotcheck::keys::key_file_of(path);
        let text = std::fs::read_to_string(&key_file).expect("the key file of the logbook");
        let key = spotcheck::keys::unseal(&text, SUITE_PASSPHRASE, &key_file)
            .expect("the suite's passphrase opens the key file");
        key_connection(conn, &key);
    }
}

/// Give a connection of the test's own the key of an encrypted logbook.
pub fn key_connection(conn: &rusqlite::Connection, key: &spotcheck::store::cipher::LogbookKey) {
    conn.execute_batch(&format!(
        "PRAGMA key = \"x'{}{}'\"",
        spotcheck::store::cipher::hex(key.key()),
        spotcheck::store::cipher::hex(key.salt())
    ))
    .expect("keying the connection");
}

/// A logbook with a visit and `rows` findings, imported from a CSV file
/// that is then removed.
pub fn logbook_with_findings(rows: usize) -> Logbook {
    let book = Logbook::new();
    book.visit_tam_dai();
    let visits = book.ok(&["export", "visits"]);
    let visit_uid = visits
        .lines()
        .nth(1)
        .and_then(|line| line.split(',').next())
        .unwrap()
        .to_string();
    let mut csv = String::from("uid,visit_uid,kind,description\n");
    for n in 0..rows {
        csv.push_str(&format!(
            "{n:032x},{visit_uid},other,\"Sổ theo dõi hồ sơ số {n} chưa ghi ngày trả\"\n"
        ));
    }
    let file = book.path("findings.csv");
    std::fs::write(&file, csv).unwrap();
    book.ok(&["import", "findings", file.to_str().unwrap()]);
    std::fs::remove_file(file).unwrap();
    book
}
