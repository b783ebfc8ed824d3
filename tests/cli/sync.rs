//! `sync` between laptops' logbooks and a province's PostgreSQL server:
//! each test starts a throwaway cluster of its own (see `postgres.rs`),
//! makes the province's schema and its teams with `spotcheck server`, and
//! syncs real logbooks through the binary's commands.

use std::path::PathBuf;

use crate::postgres::Cluster;
use crate::support::{Logbook, Output, csv_records, json};

/// The teams' passwords, as their password files hold them.
const DOAN1: &str = "mat-khau-doan-1";
const DOAN2: &str = "mat-khau-doan-2";
const HUE: &str = "mat-khau-hue";

/// A province's server with its schema and three teams: doan1 and doan2 of
/// qnam, and doan1 of hue.
struct Province {
    cluster: Cluster,
}

impl Province {
    fn start() -> Option<Province> {
        let cluster = Cluster::start()?;
        cluster.owner("noivu", "dung", "tinh");
        cluster.psql("postgres", "ALTER ROLE noivu CREATEROLE");
        let admin = Logbook::new();
        let owner = cluster.url("noivu", "tinh");
        admin.run_with(&["server", "init", &owner], &[("PGPASSWORD", "dung")]);
        for (province, team, password) in [
            ("qnam", "doan1", DOAN1),
            ("qnam", "doan2", DOAN2),
            ("hue", "doan1", HUE),
        ] {
            let file = admin.path("password");
            std::fs::write(&file, password).unwrap();
            let added = admin.run_with(
                &[
                    "server",
                    "add-team",
                    &owner,
                    "--province",
                    province,
                    "--team",
                    team,
                    "--password-file",
                    &file.to_string_lossy(),
                ],
                &[("PGPASSWORD", "dung")],
            );
            assert_eq!(added.code, 0, "{}", added.dump);
        }
        Some(Province { cluster })
    }

    fn url(&self, role: &str) -> String {
        self.cluster.url(role, "tinh")
    }

    /// SQL as the database's owner, who reads everything.
    fn owner_sql(&self, sql: &str) -> String {
        self.cluster
            .psql_as("noivu", "dung", "tinh", sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

/// A laptop of a team: its logbook, with the team's password in a file.
struct Laptop {
    book: Logbook,
    url: String,
    password: PathBuf,
}

impl Laptop {
    fn new(province: &Province, role: &str, password: &str) -> Laptop {
        let book = Logbook::new();
        let file = book.path("team-password");
        std::fs::write(&file, format!("{password}\n")).unwrap();
        Laptop {
            book,
            url: province.url(role),
            password: file,
        }
    }

    /// The words of a `sync` with this laptop's server and password, and `extra`.
    fn sync_args(&self, extra: &[&str]) -> Vec<String> {
        let mut args = vec![
            "sync".to_string(),
            "--server".to_string(),
            self.url.clone(),
            "--password-file".to_string(),
            self.password.to_string_lossy().into_owned(),
        ];
        args.extend(extra.iter().map(|word| word.to_string()));
        args
    }

    fn sync_with(&self, extra: &[&str]) -> Output {
        let args = self.sync_args(extra);
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        self.book.run(&words)
    }

    /// Sync, which must succeed; its standard output.
    fn sync(&self) -> String {
        let output = self.sync_with(&[]);
        assert_eq!(output.code, 0, "{}", output.dump);
        output.stdout
    }

    /// The month's report, but for its seal, which names this logbook's
    /// own history.
    fn report(&self, month: &str) -> String {
        let report = self.book.ok(&["report", "month", month]);
        report
            .lines()
            .filter(|line| !line.starts_with("Seal: "))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every finding as `findings_v` holds it, by uid, without the local
    /// numbers, which differ from laptop to laptop.
    fn findings(&self) -> Vec<serde_json::Value> {
        let text = self.book.ok(&[
            "sql",
            "SELECT * FROM findings_v ORDER BY uid",
            "--format",
            "json",
        ]);
        let mut rows = json(&text).as_array().cloned().unwrap_or_default();
        for row in &mut rows {
            if let Some(fields) = row.as_object_mut() {
                fields.remove("number");
                fields.remove("visit_number");
                fields.remove("person_number");
            }
        }
        rows
    }
}

/// A laptop of doan1 that logged Nguyễn Văn An late at Tam Đại, and synced.
fn first_laptop(province: &Province) -> Laptop {
    let a = Laptop::new(province, "sc_qnam_doan1", DOAN1);
    a.book.visit_tam_dai();
    late(&a.book, "2022-05-10T07:50", "Nguyễn Văn An", "07:45");
    a.sync();
    a
}

/// Log a late arrival at the visit under way, at `at`.
fn late(book: &Logbook, at: &str, name: &str, arrived: &str) {
    let output = book.run_at(at, &["late", name, "--arrived", arrived]);
    assert_eq!(output.code, 0, "{}", output.dump);
}

#[test]
fn two_laptops_offline_end_with_the_same_findings_reports_and_conflicts() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    let b = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    a.book.visit_tam_dai();
    late(&a.book, "2022-05-10T07:50", "Nguyễn Văn An", "07:45");
    late(&a.book, "2022-05-10T07:55", "Trần Thị Bình", "07:50");
    assert_eq!(
        a.sync(),
        format!(
            "pushed to {}: 6 new, 0 changed, 6 history entries\n\
             pulled: 0 new, 0 updated, 0 conflicts\n\
             nothing waits to be pushed\n",
            province.url("sc_qnam_doan1")
        )
    );
    // A laptop with no logbook yet gets one, with the province's records.
    assert!(!b.book.db().exists());
    let first = b.sync();
    assert!(
        first.contains("pulled: 6 new, 0 updated, 0 conflicts\n"),
        "{first}"
    );
    assert_eq!(a.findings(), b.findings());

    // Offline: both correct the same note, one voids a finding, and both
    // add the same commune under the same code.
    a.book.run_at(
        "2022-05-11T08:00",
        &["edit", "1", "--note", "nhắc nhở tại chỗ"],
    );
    b.book
        .run_at("2022-05-11T09:00", &["edit", "1", "--note", "lập biên bản"]);
    b.book
        .run_at("2022-05-11T09:05", &["void", "2", "--reason", "nhầm người"]);
    for laptop in [&a, &b] {
        laptop.book.run_at(
            "2022-05-11T10:00",
            &[
                "unit",
                "add",
                "phu-thinh",
                "UBND xã Phú Thịnh",
                "--kind",
                "commune",
            ],
        );
    }
    a.sync();
    let settled = b.sync();
    assert!(settled.contains("1 conflicts\n"), "{settled}");
    a.sync();

    assert_eq!(a.findings(), b.findings());
    let findings = a.findings();
    assert_eq!(findings.len(), 2);
    // The later edit is kept, and the void travelled.
    let kept: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| {
            (
                f["note"].as_str().unwrap_or(""),
                f["voided_at"].as_str().map_or("", |_| "void"),
            )
        })
        .collect();
    assert!(kept.contains(&("lập biên bản", "")), "{kept:?}");
    assert!(kept.contains(&("", "void")), "{kept:?}");
    // One Phú Thịnh on each laptop and on the server.
    for laptop in [&a, &b] {
        let units = laptop.book.ok(&["unit", "list", "--format", "csv"]);
        assert_eq!(
            csv_records(&units)
                .iter()
                .filter(|u| u["code"] == "phu-thinh")
                .count(),
            1,
            "{units}"
        );
    }
    assert_eq!(
        province.owner_sql(
            "SELECT count(*) FROM spotcheck.records WHERE kind = 'unit' AND row ->> 'code' = 'phu-thinh'"
        ),
        "1\n"
    );
    assert_eq!(a.report("2022-05"), b.report("2022-05"));
    for laptop in [&a, &b] {
        let checked = laptop.book.ok(&["check"]);
        assert!(checked.starts_with("ok: "), "{checked}");
        let conflicts = csv_records(&laptop.book.ok(&["conflicts", "--format", "csv"]));
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0]["field"], "note");
    }
    // Settled on one laptop, settled on both, with the value chosen.
    a.book.run_at(
        "2022-05-12T08:00",
        &[
            "conflicts",
            "resolve",
            "1",
            "--value",
            "nhắc nhở, lập biên bản",
        ],
    );
    a.sync();
    b.sync();
    for laptop in [&a, &b] {
        let open = csv_records(&laptop.book.ok(&["conflicts", "--format", "csv"]));
        assert!(open.is_empty(), "{open:?}");
    }
    assert_eq!(a.findings(), b.findings());
    assert!(
        a.findings()
            .iter()
            .any(|f| f["note"] == "nhắc nhở, lập biên bản"),
        "{:?}",
        a.findings()
    );
}

#[test]
fn a_sync_with_many_conflicts_names_the_first_twenty_and_counts_the_rest() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    let b = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    a.book.visit_tam_dai();
    for i in 1..=22 {
        a.book
            .ok(&["other", "--category", "attitude", &format!("lần {i}")]);
    }
    a.sync();
    b.sync();
    for i in 1..=22 {
        let n = i.to_string();
        a.book.run_at(
            "2022-05-11T08:00",
            &["edit", &n, "--note", &format!("A sửa {i}")],
        );
        b.book.run_at(
            "2022-05-11T09:00",
            &["edit", &n, "--note", &format!("B sửa {i}")],
        );
    }
    a.sync();
    let many = b.sync();
    let named: Vec<String> = (1..=20).map(|n| format!("#{n}")).collect();
    assert!(
        many.contains(&format!(
            "pulled: 0 new, 22 updated, 22 conflicts\n\
             conflicts to settle: {} and 2 more (`spotcheck conflicts` shows them)\n",
            named.join(", ")
        )),
        "{many}"
    );
    let listed = b.book.ok(&["conflicts", "--format", "csv"]);
    assert_eq!(listed.lines().count(), 1 + 22, "{listed}");
}

#[test]
fn each_team_writes_only_its_own_records_and_reads_only_its_province() {
    let Some(province) = Province::start() else {
        return;
    };
    let doan1 = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    doan1.book.visit_tam_dai();
    late(&doan1.book, "2022-05-10T07:50", "Nguyễn Văn An", "07:45");
    doan1.sync();
    // Another team of the province reads it all, and may log at the
    // shared unit and add people to it.
    let doan2 = Laptop::new(&province, "sc_qnam_doan2", DOAN2);
    let pulled = doan2.sync();
    assert!(pulled.contains("pulled: 4 new"), "{pulled}");
    doan2.book.ok(&["visit", "start", "tam-dai"]);
    late(&doan2.book, "2022-05-10T08:10", "Phạm Thị Dung", "08:00");
    // Its edit of doan1's finding is refused by the server, named, and
    // kept here to be offered again; the rest of the push goes through.
    doan2.book.ok(&["edit", "1", "--note", "sửa của đoàn 2"]);
    let refused = doan2.sync();
    assert!(
        refused.contains("refused by the server: finding #1 (")
            && refused.contains(
                "is another team's; the change stays here and is offered again at each sync"
            ),
        "{refused}"
    );
    assert!(refused.contains("1 record waits to be pushed"), "{refused}");
    assert_eq!(
        province.owner_sql(
            "SELECT count(*) FILTER (WHERE team = 'doan2'), count(*) FILTER (WHERE row ->> 'note' = 'sửa của đoàn 2')
             FROM spotcheck.records WHERE kind = 'finding'"
        ),
        "1|0\n"
    );
    // The other province's team sees nothing of qnam.
    let hue = Laptop::new(&province, "sc_hue_doan1", HUE);
    let nothing = hue.sync();
    assert!(nothing.contains("pulled: 0 new"), "{nothing}");
    let cluster = &province.cluster;
    assert_eq!(
        cluster.psql_as(
            "sc_hue_doan1",
            HUE,
            "tinh",
            "SELECT count(*) FROM spotcheck.records"
        ),
        Ok("0\n".to_string())
    );
    assert_eq!(
        cluster.psql_as(
            "sc_hue_doan1",
            HUE,
            "tinh",
            "SELECT count(*) FROM spotcheck.history"
        ),
        Ok("0\n".to_string())
    );
    // No team deletes a finding, changes the history, or writes as another.
    let denied = |role: &str, password: &str, sql: &str| {
        let refused = cluster.psql_as(role, password, "tinh", sql);
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| e.contains("permission denied")
                    || e.contains("row-level security")
                    || e.contains("belongs to team")
                    || e.contains("violates check constraint")),
            "{role}: {sql}: {refused:?}"
        );
    };
    denied(
        "sc_qnam_doan1",
        DOAN1,
        "DELETE FROM spotcheck.records WHERE kind = 'finding'",
    );
    denied(
        "sc_qnam_doan1",
        DOAN1,
        "UPDATE spotcheck.history SET entry = '{}'",
    );
    denied("sc_qnam_doan1", DOAN1, "DELETE FROM spotcheck.history");
    denied(
        "sc_qnam_doan1",
        DOAN1,
        "UPDATE spotcheck.records SET team = 'doan2'",
    );
    denied(
        "sc_qnam_doan2",
        DOAN2,
        "INSERT INTO spotcheck.records (province, kind, uid, number, team, revision, device, row)
         VALUES ('qnam', 'finding', 'x', 99, 'doan1', 1, 'd', '{}')",
    );
    denied(
        "sc_hue_doan1",
        HUE,
        "INSERT INTO spotcheck.history
             (province, device, seq, team, kind, uid, entry, hash, prev, covered)
         SELECT 'qnam', 'd', 1, 'doan1', 'finding', 'x', '{}',
                encode(sha256(convert_to(c, 'UTF8')), 'hex'), 'p', c
         FROM (VALUES ('{\"prev_hash\":\"p\"}')) AS v (c)",
    );
    // Nor sets what the server decides, nor names a record by another uid,
    // nor pushes under another team's device.
    denied(
        "sc_qnam_doan2",
        DOAN2,
        "UPDATE spotcheck.records SET revision = 9223372036854775000 WHERE kind = 'unit'",
    );
    denied(
        "sc_qnam_doan2",
        DOAN2,
        "UPDATE spotcheck.records SET number = 1 WHERE kind = 'unit'",
    );
    denied(
        "sc_qnam_doan2",
        DOAN2,
        "INSERT INTO spotcheck.records (province, kind, uid, team, device, row)
         SELECT 'qnam', 'visit', 'forged', 'doan2', 'd', row FROM spotcheck.records
         WHERE kind = 'visit'",
    );
    let device =
        province.owner_sql("SELECT device FROM spotcheck.history WHERE team = 'doan1' LIMIT 1");
    // The entry hashes as it says, so that what refuses it is the device.
    denied(
        "sc_qnam_doan2",
        DOAN2,
        &format!(
            "INSERT INTO spotcheck.history
                 (province, device, seq, team, kind, uid, entry, hash, prev, covered)
             SELECT 'qnam', '{}', 999, 'doan2', 'unit', 'x', '{{}}',
                    encode(sha256(convert_to(c, 'UTF8')), 'hex'), 'p', c
             FROM (VALUES ('{{\"prev_hash\":\"p\"}}')) AS v (c)",
            device.trim()
        ),
    );
    // The server hashes each entry again: one whose hash is not that of
    // the text it covers, or whose text says something else, is refused.
    for (covered, hash, problem) in [
        (
            "'{\"prev_hash\":\"p\"}'",
            "'h'",
            "does not hash to the hash it carries",
        ),
        (
            "'{\"prev_hash\":\"p\",\"by\":\"Nguyễn Văn Tư\"}'",
            "encode(sha256(convert_to('{\"prev_hash\":\"p\",\"by\":\"Nguyễn Văn Tư\"}', 'UTF8')), 'hex')",
            "is not the entry its hash covers",
        ),
        ("NULL", "'h'", "comes without the text its hash covers"),
    ] {
        let refused = cluster.psql_as(
            "sc_qnam_doan2",
            DOAN2,
            "tinh",
            &format!(
                "INSERT INTO spotcheck.history
                     (province, device, seq, team, kind, uid, entry, hash, prev, covered)
                 VALUES ('qnam', 'may-moi', 1, 'doan2', 'unit', 'x', '{{\"by\":\"Lê Thị Hoa\"}}',
                         {hash}, 'p', {covered})"
            ),
        );
        assert!(
            refused.as_ref().is_err_and(|e| e.contains(problem)),
            "{covered}: {refused:?}"
        );
    }
    // A number or revision written by hand is the server's all the same.
    assert_eq!(
        cluster.psql_as(
            "sc_qnam_doan2",
            DOAN2,
            "tinh",
            "INSERT INTO spotcheck.records (province, kind, uid, number, revision, team, device, row)
             VALUES ('qnam', 'plan', 'p1', 9223372036854775807, 9223372036854775807, 'doan2', 'd',
                     '{\"uid\": \"p1\"}')
             RETURNING number, revision < 1000",
        ),
        Ok("1|t\n".to_string())
    );
    // An update of another team's finding touches nothing.
    assert_eq!(
        cluster.psql_as(
            "sc_qnam_doan2",
            DOAN2,
            "tinh",
            "UPDATE spotcheck.records SET row = '{}' WHERE team = 'doan1' AND kind = 'finding' RETURNING uid"
        ),
        Ok(String::new())
    );
    // A leader in the province's readers' group reads it, and writes nothing.
    cluster.psql(
        "postgres",
        "CREATE ROLE leader LOGIN PASSWORD 'lanh-dao'; GRANT spotcheck_readers_qnam TO leader",
    );
    assert_eq!(
        cluster.psql_as(
            "leader",
            "lanh-dao",
            "tinh",
            "SELECT DISTINCT province FROM spotcheck.records"
        ),
        Ok("qnam\n".to_string())
    );
    denied(
        "leader",
        "lanh-dao",
        "UPDATE spotcheck.records SET row = '{}'",
    );
}

#[test]
fn logbooks_of_two_teams_that_merged_each_other_before_syncing_are_one_on_the_server() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    let b = Laptop::new(&province, "sc_qnam_doan2", DOAN2);
    a.book.visit_tam_dai();
    late(&a.book, "2022-05-10T07:50", "Nguyễn Văn An", "07:45");
    b.book.run_at(
        "2022-05-10T08:00",
        &[
            "unit",
            "add",
            "phu-thinh",
            "UBND xã Phú Thịnh",
            "--kind",
            "commune",
        ],
    );
    b.book
        .run_at("2022-05-10T08:00", &["visit", "start", "phu-thinh"]);
    late(&b.book, "2022-05-10T08:10", "Phạm Thị Dung", "08:00");
    // Their files meet first, both ways.
    let a_file = a.book.db().to_string_lossy().into_owned();
    let b_file = b.book.db().to_string_lossy().into_owned();
    b.book.ok(&["merge", &a_file]);
    a.book.ok(&["merge", &b_file]);
    for laptop in [&a, &b, &a] {
        let synced = laptop.sync();
        assert!(!synced.contains("refused"), "{synced}");
        assert!(synced.ends_with("nothing waits to be pushed\n"), "{synced}");
    }
    // One of each on the server, all of them the first pusher's: the server
    // knows a record's team by the laptop that first sent it.
    assert_eq!(
        province.owner_sql(
            "SELECT kind, team, count(*) FROM spotcheck.records GROUP BY kind, team ORDER BY kind, team"
        ),
        "finding|doan1|2\nperson|doan1|2\nunit|doan1|2\nvisit|doan1|2\n"
    );
    assert_eq!(a.findings(), b.findings());
}

#[test]
fn a_person_is_matched_at_a_unit_the_server_sends_after_it() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = first_laptop(&province);
    // Tam Đại changes after Nguyễn Văn An was added there: on the server
    // the unit's revision comes after the person's, and a pull sends the
    // person first.
    a.book
        .ok(&["unit", "edit", "tam-dai", "--name", "UBND xã Tam Đại (mới)"]);
    a.sync();
    let b = Laptop::new(&province, "sc_qnam_doan2", DOAN2);
    b.book.visit_tam_dai();
    late(&b.book, "2022-05-10T08:15", "Nguyễn Văn An", "08:05");
    let first = b.sync();
    assert!(first.contains("pulled: "), "{first}");
    assert!(first.ends_with("nothing waits to be pushed\n"), "{first}");
    let again = b.sync();
    assert!(
        again.contains(": 0 new, 0 changed, 0 history entries\n"),
        "{again}"
    );
    assert_eq!(
        province
            .owner_sql("SELECT kind, count(*) FROM spotcheck.records GROUP BY kind ORDER BY kind"),
        "finding|2\nperson|1\nunit|1\nvisit|2\n"
    );
    a.sync();
    assert_eq!(a.findings().len(), 2);
}

#[test]
fn a_push_only_sync_sends_what_waits_and_leaves_the_pull_for_the_next() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = first_laptop(&province);
    let b = Laptop::new(&province, "sc_qnam_doan2", DOAN2);
    b.book.visit_tam_dai();
    late(&b.book, "2022-05-10T08:10", "Phạm Thị Dung", "08:00");
    let position = province.owner_sql("SELECT max(revision) FROM spotcheck.records");
    let sent = b.sync_with(&["--push-only"]);
    assert_eq!(sent.code, 0, "{}", sent.dump);
    // Tam Đại is a's on the server: b's waits until a pull has renamed it,
    // and with it the person, the visit and the finding that point to it.
    // Their history entries are on the server already.
    assert_eq!(
        sent.stdout,
        format!(
            "pushed to {}: 0 new, 0 changed, 4 history entries\n\
             pulled nothing (`--push-only`): this logbook has pulled up to server revision 0, \
             and the server is at {}; the next `spotcheck sync` pulls the rest\n\
             4 records wait to be pushed\n",
            province.cluster.shown("sc_qnam_doan2", "tinh"),
            position.trim(),
        ),
        "{}",
        sent.dump
    );
    assert_eq!(b.findings().len(), 1);
    // The next sync pulls, and sends what waited.
    let full = b.sync();
    assert!(full.contains("pulled: "), "{full}");
    assert!(full.ends_with("nothing waits to be pushed\n"), "{full}");
    // Now that Tam Đại is one on both, a push alone takes b's next finding.
    late(&b.book, "2022-05-10T08:40", "Nguyễn Văn An", "08:30");
    let next = b.sync_with(&["--push-only"]);
    assert_eq!(next.code, 0, "{}", next.dump);
    assert!(
        next.stdout
            .contains(": 1 new, 0 changed, 1 history entries\n")
            && next.stdout.ends_with("nothing waits to be pushed\n"),
        "{}",
        next.dump
    );
    assert_eq!(
        province.owner_sql("SELECT count(*) FROM spotcheck.records WHERE kind = 'finding'"),
        "3\n"
    );
    a.sync();
    assert_eq!(a.findings(), b.findings());
    assert_eq!(a.findings().len(), 3);
    // One way or the other, not both, and not with `--status`.
    for flags in [["--push-only", "--pull-only"], ["--push-only", "--status"]] {
        let before = b.book.snapshot();
        let both = b.sync_with(&flags);
        assert_eq!(both.code, 2, "{}", both.dump);
        assert!(both.stderr.contains("cannot be used with"), "{}", both.dump);
        b.book.assert_unchanged(&before);
    }
}

#[test]
fn a_unit_added_on_two_laptops_is_one_with_the_people_and_findings_of_both() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    let b = Laptop::new(&province, "sc_qnam_doan2", DOAN2);
    // Each team adds Tam Đại on its own and logs a finding there.
    a.book.visit_tam_dai();
    late(&a.book, "2022-05-10T07:50", "Nguyễn Văn An", "07:45");
    b.book.visit_tam_dai();
    late(&b.book, "2022-05-10T08:10", "Phạm Thị Dung", "08:00");
    late(&b.book, "2022-05-10T08:15", "Nguyễn Văn An", "08:05");
    a.sync();
    let second = b.sync();
    assert!(second.ends_with("nothing waits to be pushed\n"), "{second}");
    a.sync();
    // One unit, one Nguyễn Văn An, and every finding, on the server and on
    // a laptop that starts afresh.
    assert_eq!(
        province
            .owner_sql("SELECT kind, count(*) FROM spotcheck.records GROUP BY kind ORDER BY kind"),
        "finding|3\nperson|2\nunit|1\nvisit|2\n"
    );
    let fresh = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    let pulled = fresh.sync();
    assert!(pulled.contains("pulled: 8 new"), "{pulled}");
    assert_eq!(fresh.findings(), a.findings());
    // b keeps its own uid for the Nguyễn Văn An it added, which the server
    // knows by a's: all else is the same.
    let without_person_uid = |mut rows: Vec<serde_json::Value>| {
        for row in &mut rows {
            if let Some(fields) = row.as_object_mut() {
                fields.remove("person_uid");
            }
        }
        rows
    };
    assert_eq!(
        without_person_uid(b.findings()),
        without_person_uid(a.findings())
    );
    let people = csv_records(&b.book.ok(&["person", "list", "--format", "csv"]));
    assert_eq!(people.len(), 2, "{people:?}");
}

#[test]
fn a_retried_push_adds_nothing_a_copied_logbook_is_refused_and_clocks_are_compared() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = first_laptop(&province);
    let counts =
        "SELECT (SELECT count(*) FROM spotcheck.records), (SELECT count(*) FROM spotcheck.history)";
    assert_eq!(province.owner_sql(counts), "4|4\n");
    // The acknowledgement was lost: the logbook forgets that it pushed.
    let raw = crate::support::open_logbook(a.book.db());
    raw.execute("UPDATE meta SET value = '0' WHERE key = 'sync.pushed'", [])
        .unwrap();
    raw.execute("UPDATE shared_records SET revision = NULL", [])
        .unwrap();
    drop(raw);
    let again = a.sync();
    assert!(
        again.contains(": 0 new, 0 changed, 0 history entries\n"),
        "{again}"
    );
    assert_eq!(province.owner_sql(counts), "4|4\n");
    // Lost again, and the finding corrected before the next sync: the
    // server takes the correction on its own earlier version.
    let raw = crate::support::open_logbook(a.book.db());
    raw.execute("UPDATE shared_records SET revision = NULL", [])
        .unwrap();
    drop(raw);
    a.book.ok(&["edit", "1", "--note", "đã nhắc nhở"]);
    let corrected = a.sync();
    assert!(
        corrected.contains(": 0 new, 1 changed, 1 history entries\n"),
        "{corrected}"
    );
    assert!(
        corrected.ends_with("nothing waits to be pushed\n"),
        "{corrected}"
    );
    assert_eq!(
        province.owner_sql("SELECT row ->> 'note' FROM spotcheck.records WHERE kind = 'finding'"),
        "đã nhắc nhở\n"
    );

    // A copy of this logbook that goes its own way is refused by the
    // server, which has the original's history under the same name.
    let copy = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    crate::support::copy_logbook(a.book.db(), copy.book.db());
    a.book.ok(&["edit", "1", "--note", "bản gốc"]);
    copy.book.ok(&["edit", "1", "--note", "bản sao"]);
    a.sync();
    let before = copy.book.snapshot();
    let refused = copy.sync_with(&[]);
    assert_eq!(refused.code, 1, "{}", refused.dump);
    assert!(
        refused
            .stderr
            .contains("the server refused this logbook's history: entry 6 of device"),
        "{}",
        refused.dump
    );
    copy.book.assert_unchanged(&before);

    // Clocks: the laptop is told when its clock is far from the server's.
    let skewed = a.sync_with(&[]);
    assert!(
        skewed.stderr.contains("min ahead of the server's")
            || skewed.stderr.contains("min behind the server's"),
        "{}",
        skewed.dump
    );
    // The tests' clock is in Vietnam's time, seven hours ahead of UTC all year.
    let now = (chrono::Utc::now() + chrono::Duration::hours(7))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let right = a.book.run_with(
        &[
            "sync",
            "--server",
            &a.url,
            "--password-file",
            &a.password.to_string_lossy(),
        ],
        &[("SPOTCHECK_NOW", &now)],
    );
    assert_eq!(right.code, 0, "{}", right.dump);
    assert!(!right.stderr.contains("warning"), "{}", right.dump);
    // An entry changed behind spotcheck's back, its hash left as it was, is
    // refused by the server, which hashes it again; nothing of that push
    // is kept, and the logbook is as it was.
    a.book.ok(&["edit", "1", "--note", "nhắc lần hai"]);
    let raw = crate::support::open_logbook(a.book.db());
    raw.execute(
        "UPDATE history SET by = 'Trần Văn Giả' WHERE seq = (SELECT max(seq) FROM history)",
        [],
    )
    .unwrap();
    drop(raw);
    let held = province.owner_sql(counts);
    let before = a.book.snapshot();
    let refused = a.sync_with(&[]);
    assert_eq!(refused.code, 1, "{}", refused.dump);
    assert!(
        refused
            .stderr
            .contains("the server refused this logbook's history: entry 7 of device")
            && refused
                .stderr
                .contains("does not hash to the hash it carries"),
        "{}",
        refused.dump
    );
    a.book.assert_unchanged(&before);
    assert_eq!(province.owner_sql(counts), held);
    // `check` on the laptop names the same entry.
    let checked = a.book.run(&["check"]);
    assert_eq!(checked.code, 3, "{}", checked.dump);
    assert!(
        checked.stdout.contains("history #7")
            && checked.stdout.contains("was changed after it was written"),
        "{}",
        checked.dump
    );
}

#[test]
fn status_says_what_waits_and_a_server_down_loses_nothing() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    a.book.visit_tam_dai();
    late(&a.book, "2022-05-10T07:50", "Nguyễn Văn An", "07:45");
    let status = a.sync_with(&["--status"]);
    assert_eq!(status.code, 0, "{}", status.dump);
    assert_eq!(
        status.stdout,
        "this logbook has never synced\n4 records wait to be pushed\n\
         pulled up to server revision 0\nthe server is at revision 0\n"
    );
    // A wrong password: said, and nothing changes here.
    std::fs::write(&a.password, "sai\n").unwrap();
    let before = a.book.snapshot();
    let wrong = a.sync_with(&[]);
    assert_eq!(wrong.code, 1, "{}", wrong.dump);
    assert!(wrong.stderr.contains("password"), "{}", wrong.dump);
    a.book.assert_unchanged(&before);
    std::fs::write(&a.password, format!("{DOAN1}\n")).unwrap();
    a.sync();
    let status = a.sync_with(&["--status"]);
    assert!(
        status.stdout.contains("nothing waits to be pushed")
            || status.stdout.contains("0 records wait to be pushed"),
        "{}",
        status.dump
    );
    assert!(
        status.stdout.contains("the server is at revision 4\n"),
        "{}",
        status.dump
    );
    // A leader's laptop that only reads gets everything and sends nothing.
    let leader = Laptop::new(&province, "sc_qnam_doan2", DOAN2);
    let read = leader.sync_with(&["--pull-only"]);
    assert_eq!(read.code, 0, "{}", read.dump);
    assert!(read.stdout.contains("pulled: 4 new"), "{}", read.dump);
    assert_eq!(leader.findings(), a.findings());
    assert_eq!(leader.report("2022-05"), a.report("2022-05"));
}

/// Wait until `ready` holds, for at most 30 seconds.
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "waited too long for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The name of the session that holds the feed lock in a test.
const HOLDER: &str = "spotcheck-test-holder";

/// The key of the province's feed lock, as the server schema takes it.
const FEED_LOCK: &str = "1936683124, hashtext('qnam')";

impl Province {
    /// A session that holds qnam's feed lock, as a slow push would, until killed.
    fn hold_feed(&self) -> std::process::Child {
        let child = self
            .cluster
            .psql_session(
                "tinh",
                &format!("SELECT pg_advisory_lock({FEED_LOCK}); SELECT pg_sleep(120)"),
            )
            .env("PGAPPNAME", HOLDER)
            .spawn()
            .unwrap();
        wait_until("the feed lock", || {
            self.owner_sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
                != "0\n"
        });
        child
    }

    /// End the session that holds the feed lock, from the server's side (the
    /// process started may be a wrapper that a kill would not reach).
    fn release_feed(&self, mut holder: std::process::Child) {
        self.cluster.psql(
            "tinh",
            &format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{HOLDER}'"
            ),
        );
        holder.wait().unwrap();
    }

    /// Wait until a sync waits for the feed lock.
    fn wait_for_a_waiting_push(&self) {
        wait_until("a push waiting for the feed lock", || {
            self.owner_sql(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
            ) == "1\n"
        });
    }

    /// Wait until no spotcheck is connected any more.
    fn wait_for_no_sync(&self) {
        wait_until("the killed sync's session to end", || {
            self.owner_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'spotcheck'",
            ) == "0\n"
        });
    }

    /// How many records and history entries the server holds.
    fn counts(&self) -> String {
        self.owner_sql(
            "SELECT (SELECT count(*) FROM spotcheck.records), (SELECT count(*) FROM spotcheck.history)",
        )
    }
}

impl Laptop {
    /// `sync` started as a process of its own, to be killed.
    fn spawn_sync(&self, extra: &[&str]) -> std::process::Child {
        let args = self.sync_args(extra);
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        self.book
            .command(&words)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Hold the logbook's write lock, as another program writing would.
    fn hold_logbook(&self) -> rusqlite::Connection {
        let raw = crate::support::open_logbook(self.book.db());
        raw.execute_batch("BEGIN IMMEDIATE").unwrap();
        raw
    }

    fn status(&self) -> String {
        let output = self.sync_with(&["--status"]);
        assert_eq!(output.code, 0, "{}", output.dump);
        output.stdout
    }
}

#[test]
fn a_sync_killed_at_any_point_or_cut_off_by_the_server_loses_and_doubles_nothing() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = first_laptop(&province);
    let b = Laptop::new(&province, "sc_qnam_doan1", DOAN1);
    b.sync();
    // The laptop that only received pushes nothing back.
    assert_eq!(province.counts(), "4|4\n");

    // Killed before its push committed: the server has nothing of it.
    late(&a.book, "2022-05-10T07:55", "Trần Thị Bình", "07:50");
    let holder = province.hold_feed();
    let mut push = a.spawn_sync(&[]);
    province.wait_for_a_waiting_push();
    push.kill().unwrap();
    push.wait().unwrap();
    // The server notices that the laptop is gone while the push still
    // waits, rather than when it would next write to it: it stops holding
    // its place in the queue for the feed.
    province.wait_for_no_sync();
    province.release_feed(holder);
    assert_eq!(province.counts(), "4|4\n");
    assert!(a.status().contains("2 records wait to be pushed"));

    // Killed after the push committed, before the logbook noted it: the
    // push is repeated and adds nothing.
    let lock = a.hold_logbook();
    let mut push = a.spawn_sync(&[]);
    wait_until("the push to commit", || province.counts() == "6|6\n");
    push.kill().unwrap();
    push.wait().unwrap();
    drop(lock);
    assert!(a.status().contains("2 records wait to be pushed"));
    let again = a.sync();
    assert!(
        again.contains(": 0 new, 0 changed, 0 history entries\n"),
        "{again}"
    );
    assert!(again.ends_with("nothing waits to be pushed\n"), "{again}");
    assert_eq!(province.counts(), "6|6\n");

    // Killed during a pull, before its merge committed: the cursor stays,
    // and the next pull brings the records once.
    let before = b.status();
    let lock = b.hold_logbook();
    let mut pull = b.spawn_sync(&["--pull-only"]);
    wait_until("the pull to be read", || {
        // As the superuser, who sees every session's state.
        province.cluster.psql(
            "tinh",
            "SELECT count(*) FROM pg_stat_activity
             WHERE application_name = 'spotcheck' AND state = 'idle'",
        ) == "1\n"
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    pull.kill().unwrap();
    pull.wait().unwrap();
    drop(lock);
    assert_eq!(b.status(), before);
    let pulled = b.sync();
    assert!(pulled.contains("pulled: 2 new"), "{pulled}");
    assert_eq!(b.findings(), a.findings());
    assert!(
        b.status()
            .contains("pulled up to server revision 6\nthe server is at revision 6\n"),
        "{}",
        b.status()
    );

    // Cut off by the server while waiting: said, and the next sync goes on.
    late(&a.book, "2022-05-10T08:05", "Lê Văn Cường", "08:00");
    let holder = province.hold_feed();
    let push = a.spawn_sync(&[]);
    province.wait_for_a_waiting_push();
    province.cluster.psql(
        "tinh",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'spotcheck'",
    );
    let cut = push.wait_with_output().unwrap();
    assert_eq!(cut.status.code(), Some(1));
    let said = String::from_utf8_lossy(&cut.stderr);
    // The server's last word, or the connection closed before it was read.
    assert!(
        said.contains("error: cannot push to ")
            && (said.contains("terminating connection due to administrator command")
                || said.contains("connection closed")),
        "{said}"
    );
    province.release_feed(holder);
    province.wait_for_no_sync();
    assert_eq!(province.counts(), "6|6\n");
    a.sync();
    assert_eq!(province.counts(), "8|8\n");
    b.sync();
    assert_eq!(b.findings(), a.findings());
    for laptop in [&a, &b] {
        let checked = laptop.book.ok(&["check"]);
        assert!(checked.starts_with("ok: "), "{checked}");
    }
}

#[test]
fn a_puller_misses_nothing_that_a_slow_push_commits_late() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = first_laptop(&province);
    let reader = Laptop::new(&province, "sc_qnam_doan2", DOAN2);
    reader.sync();
    // A slow push of doan2's takes its revision first and commits last:
    // a unit of its own, written straight into the server.
    let slow = province
        .cluster
        .psql_session(
            "tinh",
            &format!(
                "BEGIN;
                 SELECT pg_advisory_xact_lock({FEED_LOCK});
                 INSERT INTO spotcheck.records (province, kind, uid, number, team, revision,
                                                device, row, stamps)
                 SELECT province, kind, 'slow-unit', number + 100, 'doan2',
                        nextval('spotcheck.revisions'), 'slow-device',
                        row || '{{\"uid\": \"slow-unit\", \"code\": \"phu-thinh\",
                                  \"name\": \"UBND xã Phú Thịnh\",
                                  \"name_folded\": \"ubnd xa phu thinh\",
                                  \"name_key\": \"ubnd xa phu thinh\"}}'::jsonb,
                        stamps
                 FROM spotcheck.records WHERE kind = 'unit';
                 SELECT pg_sleep(3);
                 COMMIT;"
            ),
        )
        .spawn()
        .unwrap();
    wait_until("the slow push's lock", || {
        province.owner_sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
            != "0\n"
    });
    // Meanwhile a's push waits its turn, and a pull finds nothing new.
    late(&a.book, "2022-05-10T07:55", "Trần Thị Bình", "07:50");
    let push = a.spawn_sync(&[]);
    province.wait_for_a_waiting_push();
    let early = reader.sync_with(&["--pull-only"]);
    assert!(early.stdout.contains("pulled: 0 new"), "{}", early.dump);
    let pushed = push.wait_with_output().unwrap();
    assert_eq!(pushed.status.code(), Some(0));
    let mut slow = slow;
    slow.wait().unwrap();
    // Both reach the puller, the one that committed late included.
    let late_pull = reader.sync_with(&["--pull-only"]);
    assert!(
        late_pull.stdout.contains("pulled: 3 new"),
        "{}",
        late_pull.dump
    );
    let units = csv_records(&reader.book.ok(&["unit", "list", "--format", "csv"]));
    assert!(units.iter().any(|u| u["code"] == "phu-thinh"), "{units:?}");
    assert_eq!(reader.findings(), a.findings());
}

#[test]
fn the_provinces_chain_links_every_version_and_names_a_change_made_behind_its_back() {
    let Some(province) = Province::start() else {
        return;
    };
    let a = first_laptop(&province);
    a.book.ok(&["edit", "1", "--note", "đã nhắc nhở"]);
    a.sync();
    let admin = Logbook::new();
    let check = |book: &Logbook| {
        book.run_with(
            &[
                "server",
                "check",
                &province.url("noivu"),
                "--province",
                "qnam",
            ],
            &[("PGPASSWORD", "dung")],
        )
    };
    let ok = check(&admin);
    assert_eq!(ok.code, 0, "{}", ok.dump);
    // Four records, the finding in two versions.
    let seal = province.owner_sql(
        "SELECT seal FROM spotcheck.seals WHERE province = 'qnam' ORDER BY revision DESC LIMIT 1",
    );
    assert_eq!(
        ok.stdout,
        format!(
            "ok: the chain of province qnam links its 5 record versions, and its 4 records are \
             the versions it names; seal {} (revision 5)\n",
            seal.trim()
        )
    );
    // Each laptop can see the seal it synced up to.
    assert!(
        a.status().ends_with(&format!(
            "the province's seal is {} (revision 5)\n",
            seal.trim()
        )),
        "{}",
        a.status()
    );
    // A client that skips spotcheck's own checks cannot push an entry that
    // does not follow its device's last one, nor date or sign an entry.
    let (device, last) = {
        let row = province
            .owner_sql("SELECT device || '|' || max(seq) FROM spotcheck.history GROUP BY device");
        let (device, last) = row.trim().split_once('|').unwrap();
        (device.to_string(), last.parse::<i64>().unwrap())
    };
    let forged = |prev: &str| {
        province.cluster.psql_as(
            "sc_qnam_doan1",
            DOAN1,
            "tinh",
            &format!(
                "INSERT INTO spotcheck.history
                     (province, device, seq, team, kind, uid, entry, hash, prev, covered,
                      pushed_at, pushed_by)
                 SELECT 'qnam', '{device}', {next}, 'doan1', kind, uid, entry,
                        encode(sha256(convert_to(c, 'UTF8')), 'hex'), {prev}, c,
                        '2001-01-01', 'someone'
                 FROM (SELECT kind, uid, entry,
                              jsonb_build_object('prev_hash', {prev},
                                  'action', entry -> 'action', 'at', entry -> 'at',
                                  'by', entry -> 'by', 'reason', entry -> 'reason')::text AS c
                       FROM spotcheck.history WHERE seq = {last}) AS e
                 RETURNING pushed_by, pushed_at > '2020-01-01', covered IS NULL",
                next = last + 1,
            ),
        )
    };
    let broken = forged("'not the hash before'");
    assert!(
        broken.as_ref().is_err_and(|e| e.contains(&format!(
            "entry {} of device {device} does not follow entry {last}",
            last + 1
        ))),
        "{broken:?}"
    );
    assert_eq!(
        forged(&format!(
            "(SELECT hash FROM spotcheck.history WHERE seq = {last})"
        )),
        Ok("sc_qnam_doan1|t|t\n".to_string())
    );
    // A statement that adds a record and changes another would link the
    // chain out of order: refused, and the chain holds.
    let mixed = province.cluster.psql_as(
        "sc_qnam_doan1",
        DOAN1,
        "tinh",
        "INSERT INTO spotcheck.records (province, kind, uid, team, device, row)
         SELECT 'qnam', 'plan', 'ke-hoach-moi', 'doan1', 'd', '{\"uid\": \"ke-hoach-moi\"}'
         UNION ALL
         SELECT 'qnam', kind, uid, 'doan1', device, row FROM spotcheck.records WHERE kind = 'finding'
         ON CONFLICT (province, kind, uid) DO UPDATE SET row = excluded.row",
    );
    assert!(
        mixed.as_ref().is_err_and(
            |e| e.contains("records of province qnam added and changed in one statement")
        ),
        "{mixed:?}"
    );
    let still = check(&admin);
    assert_eq!(still.code, 0, "{}", still.dump);
    // A finding changed on the server with the triggers turned off.
    province.cluster.psql(
        "tinh",
        "SET session_replication_role = replica;
         UPDATE spotcheck.records SET row = jsonb_set(row, '{note}', '\"sửa lén\"')
         WHERE kind = 'finding'",
    );
    let changed = check(&admin);
    assert_eq!(changed.code, 1, "{}", changed.dump);
    assert!(
        changed.stderr.starts_with(
            "error: the chain of province qnam does not hold (1 problems): the finding "
        ),
        "{}",
        changed.dump
    );
    assert!(
        changed
            .stderr
            .contains("is not the version its link at revision 5 names: it was changed behind spotcheck's back"),
        "{}",
        changed.dump
    );
    // A link rewritten.
    province.cluster.psql(
        "tinh",
        "UPDATE spotcheck.seals SET seal = repeat('1', 64) WHERE revision = 2",
    );
    let relinked = check(&admin);
    // Named at the link rewritten, the first that does not hold.
    assert!(
        relinked
            .stderr
            .contains("problems): the link of revision 2 ("),
        "{}",
        relinked.dump
    );
}

#[test]
fn without_a_server_or_with_a_password_file_that_is_no_file_nothing_is_made() {
    // No server named anywhere: what to type instead, and no logbook made.
    let book = Logbook::new();
    let none = book.run(&["sync"]);
    assert_eq!(none.code, 2, "{}", none.dump);
    assert_eq!(
        none.stderr,
        "error: no server to sync with: give `--server postgresql://ROLE@HOST/DATABASE`, or put \
         `[server] url = \"…\"` in the config file (the line `spotcheck server add-team` printed)\n"
    );
    assert!(!book.db().exists());
    // A folder given as the password file is named before anything is opened.
    let folder = book.path("secrets");
    std::fs::create_dir(&folder).unwrap();
    let refused = book.run(&[
        "sync",
        "--server",
        "postgresql://sc_qnam_doan1@127.0.0.1:1/tinh",
        "--password-file",
        &folder.to_string_lossy(),
    ]);
    assert_eq!(refused.code, 1, "{}", refused.dump);
    assert!(
        refused.stderr.starts_with(&format!(
            "error: cannot read the password file {}",
            folder.display()
        )),
        "{}",
        refused.dump
    );
    assert!(!book.db().exists());
}
