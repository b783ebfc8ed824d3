//! `init` and `config`: setting up and looking after the logbook.

use chrono::Datelike;

use crate::Ctx;
use crate::error::Result;
use crate::model::Records;
use crate::model::{Month, Period};
use crate::render::{Column, Table, Value};
use crate::store::records;
use crate::store::tasks::{self, TaskFilter};
use crate::store::{Access, FindingFilter, SCHEMA_VERSION, findings, visits};

pub fn init(ctx: &mut Ctx<'_>) -> Result<()> {
    let store = ctx.open(Access::Write)?;
    let version = store.schema_version()?;
    let path = store.path().display().to_string();
    drop(store);
    let line = if ctx.take_created() {
        t!("care-created", path = path.as_str(), version = version)
    } else {
        t!(
            "care-ready",
            path = path.as_str(),
            version = version,
            newest = SCHEMA_VERSION
        )
    };
    let mut record = crate::render::Record::new();
    record
        .field(Column::new("db"), path)
        .field(Column::new("schema_version"), version);
    ctx.logged(&line, &record)
}

/// `init --encrypt`: a new logbook, encrypted from its first byte.
pub fn init_encrypted(ctx: &mut Ctx<'_>) -> Result<()> {
    use crate::error::Error;
    use crate::keys::{self, Keychain};
    let path = ctx.settings.db.value.clone();
    let shown = path.display().to_string();
    if std::fs::metadata(&path).is_ok_and(|meta| meta.len() > 0) {
        return Err(Error::input(t!("care-encrypt-exists", path = shown)));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if ctx.settings.db.source == crate::config::Source::PlatformDataDir {
            std::fs::create_dir_all(dir).map_err(|e| Error::Io {
                context: t!(
                    "main-creating-data-directory",
                    dir = dir.display().to_string()
                ),
                source: e,
            })?;
        }
    }
    let (key_file, kept) =
        keys::create_encrypted(&path, &Keychain::new(ctx.env), keys::Cost::STANDARD)?;
    let done = t!("care-created-encrypted", path = path.display().to_string());
    encrypted_lines(ctx, &done, &path, &key_file, kept)
}

/// `encrypt`: the logbook written anew, encrypted, in its own place.
pub fn encrypt(ctx: &mut Ctx<'_>) -> Result<()> {
    use crate::error::Error;
    use crate::keys::{self, Keychain};
    use crate::store::cipher::LogbookKey;
    let path = ctx.settings.db.value.clone();
    let store = open_existing(ctx)?;
    if store.encrypted() {
        return Err(Error::input(t!(
            "care-already-encrypted",
            path = path.display().to_string()
        )));
    }
    let keychain = Keychain::new(ctx.env);
    let passphrase = keychain.passphrase(&path, true)?;
    let key = LogbookKey::generate()?;
    let sealed = keys::seal(&key, &passphrase)?;
    // The key file first: a stop before the logbook is replaced leaves
    // the plain logbook with a key file that opens nothing, never an
    // encrypted logbook without its key file.
    let key_file = keys::write_key_file(&path, &sealed)?;
    if let Err(e) = replace_logbook(store, Some(&key)) {
        keys::remove_if_unchanged(&key_file, &sealed);
        return Err(e);
    }
    let kept = keychain.remember(&key);
    let done = t!("care-encrypted", path = path.display().to_string());
    encrypted_lines(ctx, &done, &path, &key_file, kept)?;
    // Copies an upgrade made beside it stay as they were: say so.
    for copy in plain_copies(&path) {
        ctx.note(&t!(
            "care-plain-copy-left",
            file = copy.display().to_string()
        ))?;
    }
    Ok(())
}

/// `decrypt`: the logbook written anew, plain, in its own place; its key
/// file and its key in the keyring go.
pub fn decrypt(ctx: &mut Ctx<'_>) -> Result<()> {
    use crate::error::Error;
    use crate::keys::{self, Keychain};
    let path = ctx.settings.db.value.clone();
    let store = open_existing(ctx)?;
    let Some(salt) = store.key().map(|key| *key.salt()) else {
        return Err(Error::input(t!(
            "care-not-encrypted",
            path = path.display().to_string()
        )));
    };
    replace_logbook(store, None)?;
    keys::remove_key_file(&path)?;
    Keychain::new(ctx.env).forget(&salt);
    let line = t!("care-decrypted", path = path.display().to_string());
    let mut record = crate::render::Record::new();
    record
        .field(Column::new("db"), path.display().to_string())
        .field(Column::new("encrypted"), false);
    ctx.logged(&line, &record)
}

/// `key change`: the logbook written anew with a new key. The new key file
/// is written first beside the old one and renamed once the logbook is
/// replaced: a stop at any moment leaves a logbook that the old passphrase
/// or the new one opens.
pub fn change_key(ctx: &mut Ctx<'_>, new_passphrase_file: Option<&std::path::Path>) -> Result<()> {
    use crate::error::Error;
    use crate::keys::{self, Keychain};
    use crate::store::cipher::LogbookKey;
    let path = ctx.settings.db.value.clone();
    let store = open_existing(ctx)?;
    let Some(old_salt) = store.key().map(|key| *key.salt()) else {
        return Err(Error::input(t!(
            "care-not-encrypted",
            path = path.display().to_string()
        )));
    };
    // A change stopped after its rename is finished first: its pending
    // key file is the only one that opens the logbook.
    keys::settle_stopped_change(&path, &old_salt)?;
    let keychain = Keychain::new(ctx.env);
    let passphrase = match (new_passphrase_file, Keychain::asking(ctx.env)) {
        (Some(file), _) => Keychain::with_passphrase_file(ctx.env, file).passphrase(&path, true)?,
        (None, Some(person)) => person.passphrase(&path, true)?,
        (None, None) => keychain.passphrase(&path, true)?,
    };
    let key = LogbookKey::generate()?;
    let sealed = keys::seal(&key, &passphrase)?;
    let pending = keys::write_pending_key_file(&path, &sealed)?;
    if let Err(e) = replace_logbook(store, Some(&key)) {
        keys::remove_if_unchanged(&pending, &sealed);
        return Err(e);
    }
    let key_file = keys::settle_pending_key_file(&path)?;
    keychain.forget(&old_salt);
    let kept = keychain.remember(&key);
    let done = t!("care-key-changed", path = path.display().to_string());
    encrypted_lines(ctx, &done, &path, &key_file, kept)
}

/// Put the logbook written anew, encrypted with `key` or plain, in its own
/// place by one rename in its folder (the folder of the file a symbolic
/// link leads to). A logbook with other names (hard links) is refused:
/// they would keep the old file.
fn replace_logbook(
    store: crate::store::Store,
    key: Option<&crate::store::cipher::LogbookKey>,
) -> Result<()> {
    use crate::error::Error;
    use crate::output;
    use std::os::unix::fs::MetadataExt;
    let path = store.path().to_path_buf();
    let shown = path.display().to_string();
    let io = |e: std::io::Error| Error::Io {
        context: t!("care-cannot-write", file = shown.clone()),
        source: e,
    };
    let real = std::fs::canonicalize(&path).map_err(io)?;
    let links = std::fs::metadata(&real).map_err(io)?.nlink();
    if links > 1 {
        return Err(Error::Logbook {
            path,
            problem: t!("care-logbook-hard-links", links = links),
        });
    }
    let dir = output::folder_of(&real);
    output::sweep(dir);
    let temp = output::named_temporary(dir, "logbook-").map_err(io)?;
    // Held until the new file is in place: no one reads or writes the old
    // one meanwhile.
    let holding = store.write_anew(key, temp.path())?;
    let placed = output::move_into_place(temp, &real, true).map_err(io);
    drop(holding);
    placed
}

/// The logbook opened to be written anew; one that does not exist is not
/// made for it.
fn open_existing(ctx: &mut Ctx<'_>) -> Result<crate::store::Store> {
    let path = ctx.settings.db.value.clone();
    if !path.exists() {
        return Err(crate::error::Error::Logbook {
            path,
            problem: t!("store-logbook-missing"),
        });
    }
    ctx.open(Access::Write)
}

/// What `init --encrypt` and `encrypt` say: where the key is kept, and
/// that the passphrase is the one way in when the keyring is not.
fn encrypted_lines(
    ctx: &mut Ctx<'_>,
    done: &str,
    path: &std::path::Path,
    key_file: &std::path::Path,
    kept: bool,
) -> Result<()> {
    let shown = path.display().to_string();
    let shown_key_file = key_file.display().to_string();
    let kept_where = if kept {
        t!("care-key-kept", key_file = shown_key_file.clone())
    } else {
        t!("care-key-file-only", key_file = shown_key_file.clone())
    };
    let mut record = crate::render::Record::new();
    record
        .field(Column::new("db"), shown)
        .field(Column::new("encrypted"), true)
        .field(Column::new("key_file"), shown_key_file)
        .field(Column::new("keyring"), kept);
    ctx.logged(&format!("{done}\n{kept_where}"), &record)
}

/// The copies an upgrade left beside the logbook (`NAME.vN.bak`).
fn plain_copies(path: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut copies: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with(&format!("{name}.v")) && n.ends_with(".bak"))
        })
        .collect();
    copies.sort();
    copies
}

pub fn config(ctx: &mut Ctx<'_>) -> Result<()> {
    let s = &ctx.settings;
    let time = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let mut table = Table::new(vec![
        Column::new("setting"),
        Column::new("value"),
        Column::new("source"),
    ]);
    let mut row = |key: &str, value: String, source: String| {
        table.push(vec![key.into(), value.into(), source.into()]);
    };
    let file_source = if s.config_found {
        t!("care-config-found")
    } else {
        t!("care-config-not-found")
    };
    row(
        "config_file",
        s.config_file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        file_source,
    );
    row(
        "db",
        s.db.value.display().to_string(),
        s.db.source.to_string(),
    );
    row(
        "inspector",
        s.inspector.value.clone(),
        s.inspector.source.to_string(),
    );
    row(
        "hours.morning",
        time(s.hours.morning),
        s.hours_source[0].to_string(),
    );
    row(
        "hours.afternoon",
        time(s.hours.afternoon),
        s.hours_source[1].to_string(),
    );
    row(
        "hours.morning_end",
        time(s.hours.morning_end),
        s.hours_source[2].to_string(),
    );
    row(
        "hours.afternoon_end",
        time(s.hours.afternoon_end),
        s.hours_source[3].to_string(),
    );
    let sessions = |h: &crate::config::Hours| {
        format!(
            "{}–{} / {}–{}",
            time(h.morning),
            time(h.morning_end),
            time(h.afternoon),
            time(h.afternoon_end)
        )
    };
    match &s.summer {
        Some(summer) => row(
            "summer",
            format!(
                "{:02}/{:02} – {:02}/{:02}: {}",
                summer.from.1,
                summer.from.0,
                summer.to.1,
                summer.to.0,
                sessions(&summer.hours)
            ),
            t!("source-file"),
        ),
        None => row("summer", t!("care-none"), t!("source-default")),
    }
    let day = |d: &chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let seasons: Vec<String> = s
        .seasons
        .iter()
        .map(|season| {
            format!(
                "{} – {}: {}",
                day(&season.from),
                day(&season.to),
                sessions(&season.hours)
            )
        })
        .collect();
    let mut list = |key: &str, items: Vec<String>| {
        if items.is_empty() {
            row(key, t!("care-none"), t!("source-default"));
        } else {
            row(key, items.join(", "), t!("source-file"));
        }
    };
    list("season", seasons);
    list("holidays", s.holidays.iter().map(day).collect());
    list(
        "extra_working_days",
        s.extra_working_days.iter().map(day).collect(),
    );
    let built_in: Vec<String> = crate::calendar::announced_years()
        .filter(|year| !s.replaced_years.contains(year))
        .map(|year| year.to_string())
        .collect();
    row(
        "builtin_calendar",
        if built_in.is_empty() {
            t!("care-none")
        } else {
            built_in.join(", ")
        },
        if s.replaced_years.is_empty() {
            t!("source-default")
        } else {
            t!("source-file")
        },
    );
    row(
        "period_start_day",
        s.period_start_day.value.to_string(),
        s.period_start_day.source.to_string(),
    );
    row(
        "repeat_months",
        s.repeat_months.value.to_string(),
        s.repeat_months.source.to_string(),
    );
    for (key, days) in [
        ("unexcused_days_month", s.unexcused_days.month),
        ("unexcused_days_year", s.unexcused_days.year),
    ] {
        match days {
            Some(days) => row(key, days.to_string(), t!("source-file")),
            None => row(key, t!("care-none"), t!("source-default")),
        }
    }
    row(
        "lang",
        s.lang.value.code().to_string(),
        s.lang.source.to_string(),
    );
    let team = &s.team;
    let mut set = |key: &str, value: Option<String>| match value {
        Some(value) => row(key, value, t!("source-file")),
        None => row(key, t!("care-none"), t!("source-default")),
    };
    set("team.level", team.level.map(|l| l.as_str().to_string()));
    set("team.name", team.name.clone());
    set("team.governing_body", team.governing_body.clone());
    set(
        "team.recipients",
        (!team.recipients.is_empty()).then(|| team.recipients.join("; ")),
    );
    match team.word_set {
        Some(word) => row("team.word", word.as_str().to_string(), t!("source-file")),
        None => row(
            "team.word",
            team.word().as_str().to_string(),
            t!("source-default"),
        ),
    }
    match &s.server_url {
        Some(url) => row("server.url", url.clone(), t!("source-file")),
        None => row("server.url", t!("care-none"), t!("source-default")),
    }
    match s.plaintext_outputs {
        Some(set) => row("plaintext_outputs", set.to_string(), t!("source-file")),
        None => row("plaintext_outputs", "false".into(), t!("source-default")),
    }
    ctx.table(&table)
}

pub fn backup(ctx: &mut Ctx<'_>, file: &std::path::Path, force: bool) -> Result<()> {
    use crate::error::{Context, Error};
    use crate::output::{self, Existing};
    output::refuse_protected(file)?;
    let existing = output::existing(file)?;
    // A device or FIFO is not replaced, so `--force` is not needed for it.
    if existing == Existing::File && !force {
        return Err(Error::input(t!(
            "care-backup-exists",
            file = file.display().to_string()
        )));
    }
    // A symbolic link to nothing yet makes the file it leads to.
    let place = match existing {
        Existing::Nothing => output::through_link(file)?,
        Existing::File | Existing::Other => file.to_path_buf(),
    };
    let dir = output::folder_of(&place);
    if !dir.is_dir() {
        return Err(Error::input(t!(
            "care-no-directory",
            file = file.display().to_string(),
            dir = dir.display().to_string()
        )));
    }
    // A journal a crash left beside the target would be applied to the copy;
    // refused now when one of those names is the logbook or the config file.
    let stale = match existing {
        Existing::Other => Vec::new(),
        Existing::File | Existing::Nothing => output::stale_sidecars(file)?,
    };
    // What is already there is opened now: the operating system says whether
    // we may write it before any work is done.
    let mut target = match existing {
        Existing::Nothing => None,
        Existing::File | Existing::Other => Some(output::open_existing(file)?),
    };
    let store = ctx.open(Access::Read)?;
    output::sweep(dir);

    // Made owner-only and empty first, filled by SQLite, and only then put
    // in place: a failed backup leaves no half copy. For a device it is made
    // in the temporary folder and copied in, as `/dev` is no place for it.
    let temp_dir = match existing {
        Existing::Other => ctx.env.temp_dir.clone(),
        _ => dir.to_path_buf(),
    };
    if temp_dir != dir {
        output::sweep(&temp_dir);
    }
    let cannot = |e: std::io::Error| Error::Io {
        context: t!("care-cannot-write", file = file.display().to_string()),
        source: e,
    };
    let temp = output::named_temporary(&temp_dir, "backup-").map_err(cannot)?;
    store.backup_to(temp.path(), file)?;
    let writing = || t!("care-writing", file = file.display().to_string());
    leave_wal_mode(temp.as_file()).with_context(writing)?;
    temp.as_file().sync_all().with_context(writing)?;
    output::remove_stale(&stale).with_context(writing)?;
    // The copy of an encrypted logbook is encrypted with the same key: its
    // key file goes beside it, so that the passphrase opens it too. It goes
    // first, so that no copy is ever in place without it; a copy that then
    // fails takes a key file it brought away again.
    let key_file =
        if store.encrypted() && existing != Existing::Other && !output::is_standard_output(file) {
            let salt = store.key().map(|key| *key.salt()).unwrap_or_default();
            Some(crate::keys::copy_key_file(store.path(), &salt, &place)?)
        } else {
            None
        };
    let placed = match target.as_mut() {
        // A device or FIFO is written directly; a file already there is
        // written in place, keeping its inode, mode and links (and a
        // symbolic link stays a link).
        Some(target) => {
            let regular = existing == Existing::File;
            let (mut copy, _path) = temp.into_parts();
            output::copy_into(&mut copy, target, regular, file)
        }
        None => output::move_into_place(temp, &place, false).with_context(writing),
    };
    if let Err(e) = placed {
        if let Some(crate::keys::KeyFileCopy::Copied(undo)) = key_file {
            undo.undo();
        }
        return Err(e);
    }
    let mut line = t!(
        "care-backed-up",
        db = store.path().display().to_string(),
        file = file.display().to_string()
    );
    if let Some(key_file) = key_file {
        use crate::keys::KeyFileCopy;
        // Named once the copy is in place: through a symbolic link to a
        // file not there before, the key file goes beside that file.
        let shown = crate::keys::key_file_of(file).display().to_string();
        line.push('\n');
        line.push_str(&match key_file {
            KeyFileCopy::Copied(_) => t!("care-backup-key-file", key_file = shown),
            KeyFileCopy::NoKeyFile => t!("care-backup-no-key-file"),
            KeyFileCopy::Damaged(damage) => t!("care-backup-key-file-damaged", damage = damage),
        });
    }
    // A backup written to standard output (a pipe, or a file it is sent
    // to) is the whole stream: the confirmation goes beside it.
    if existing == Existing::Other || output::is_standard_output(file) {
        return ctx.note(&line);
    }
    let mut record = crate::render::Record::new();
    record
        .field(Column::new("db"), store.path().display().to_string())
        .field(Column::new("backup"), file.display().to_string());
    ctx.logged(&line, &record)
}

/// Mark a closed copy of the logbook as a plain rollback-journal database, as
/// `PRAGMA journal_mode=DELETE` would: it is complete in itself, and opening
/// it makes no `-wal` until spotcheck itself opens it as a logbook.
fn leave_wal_mode(copy: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    let mut header = [0u8; 20];
    copy.read_exact_at(&mut header, 0)?;
    // Bytes 18 and 19: the write and read format versions, 2 for WAL.
    if header.starts_with(b"SQLite format 3\0") && header[18..20] == [2, 2] {
        copy.write_all_at(&[1, 1], 18)?;
    }
    Ok(())
}

pub fn check(ctx: &mut Ctx<'_>, seal: Option<&str>) -> Result<()> {
    use crate::store::check;
    if let Some(seal) = seal.map(str::trim)
        && (seal.len() != 64 || !seal.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return Err(crate::error::Error::input(t!(
            "care-not-a-seal",
            seal = seal
        )));
    }
    let store = ctx.open(Access::Check)?;
    let outcome = check::run(&store, seal.map(str::trim))?;
    let head = outcome
        .seal
        .as_ref()
        .map(|s| t!("care-seal", seal = s.hash.as_str(), seq = s.seq))
        .unwrap_or_else(|| t!("care-no-seal"));
    // Conflicts are not damage: they wait for a person, and are counted so
    // that a team sees them where it looks for trouble.
    let conflicts = crate::store::conflicts::open_count(store.conn()).unwrap_or_default();
    if outcome.problems.is_empty() {
        let mut line = t!(
            "care-check-ok",
            records = outcome.records,
            entries = outcome.entries,
            head = head
        );
        if let Some(seal) = seal {
            line.push('\n');
            line.push_str(&t!("care-seal-confirmed", seal = seal.trim()));
        }
        ctx.line(&line)?;
        if conflicts > 0 {
            ctx.line(&t!("check-open-conflicts", count = conflicts))?;
        }
        return Ok(());
    }
    if conflicts > 0 {
        ctx.line(&t!("check-open-conflicts", count = conflicts))?;
    }
    let chain_broken = outcome
        .problems
        .iter()
        .any(|p| p.record.starts_with("history #"));
    let seal_refused = outcome.problems.iter().any(|p| p.record == "seal");
    if let Some(seal) = seal
        && !seal_refused
    {
        ctx.line(&t!("care-seal-confirmed", seal = seal.trim()))?;
    }
    let head = if chain_broken {
        outcome
            .seal
            .as_ref()
            .map(|s| t!("care-broken-head", seal = s.hash.as_str(), seq = s.seq))
            .unwrap_or_default()
    } else {
        head
    };
    let mut table = Table::new(vec![Column::new("record"), Column::new("problem")]);
    for problem in &outcome.problems {
        table.push(vec![
            problem.record.as_str().into(),
            problem.problem.as_str().into(),
        ]);
    }
    ctx.table(&table)?;
    Err(crate::error::Error::CheckFailed(t!(
        "care-check-failed",
        count = outcome.problems.len(),
        head = head
    )))
}

/// What `spotcheck` alone shows: where the logbook is, the visit under way,
/// what was logged today, and the commands most likely to come next.
pub fn status(ctx: &mut Ctx<'_>) -> Result<()> {
    let path = ctx.settings.db.value.clone();
    let today = ctx.clock.today();
    // Scripts read CSV and JSON: they get words and numbers that do not
    // change with the language, people get sentences.
    let for_scripts = !ctx.for_people();
    let mut record = crate::render::Record::new();
    record.field(Column::new("db"), path.display().to_string());
    let mut overdue_tasks = 0;
    let mut open_conflicts = 0;
    let mut late_decisions = Vec::new();
    let (visit, rows, next): (Option<Value>, Vec<_>, [String; 3]) = if !path.exists() {
        let not_made = if for_scripts {
            "not-made".to_string()
        } else {
            t!("care-not-made")
        };
        record.field(Column::new("logbook"), not_made);
        (
            None,
            Vec::new(),
            [
                if for_scripts {
                    "spotcheck unit add CODE NAME --kind commune".to_string()
                } else {
                    t!("care-next-first-unit")
                },
                "spotcheck import units FILE".to_string(),
                "spotcheck --help".to_string(),
            ],
        )
    } else {
        let store = ctx.open(Access::Read)?;
        let conn = store.conn();
        let visit = match visits::current(conn)? {
            Some(id) if for_scripts => Some(Value::Int(id)),
            Some(id) => {
                let v = visits::get(conn, id)?;
                Some(Value::Text(t!(
                    "care-current-visit",
                    id = v.id,
                    unit = v.unit_name.as_str(),
                    code = v.unit_code.as_str(),
                    since = v.started_at.format("%d/%m/%Y %H:%M").to_string(),
                    count = v.findings
                )))
            }
            None => None,
        };
        let filter = FindingFilter {
            period: Some(Period {
                // Any year the clock gives, even one no month may be typed in.
                month: Month {
                    year: today.year(),
                    month: today.month(),
                },
                first: today,
                last: today,
            }),
            ..FindingFilter::default()
        };
        let rows = findings::list(conn, &filter)?;
        let overdue = tasks::list(
            conn,
            &TaskFilter {
                undone_on: Some(today),
                due_before: Some(today),
                ..TaskFilter::default()
            },
        )?;
        overdue_tasks = overdue.len() as i64;
        open_conflicts = crate::store::conflicts::open_count(conn)?;
        late_decisions = crate::report::late_decisions(&store, today)?;
        // At a unit with overdue tasks, the next thing may be to log one.
        let here = match visits::current(conn)? {
            Some(id) => {
                let unit_id = visits::get(conn, id)?.unit_id;
                overdue.iter().find(|t| t.fields.unit_id == unit_id)
            }
            None => None,
        };
        let next = if let Some(task) = here {
            [
                "spotcheck late NAME --arrived 7h45".to_string(),
                format!("spotcheck unfinished {}", task.id),
                "spotcheck visit end".to_string(),
            ]
        } else if visit.is_some() {
            [
                "spotcheck late NAME --arrived 7h45",
                "spotcheck absent NAME",
                "spotcheck visit end",
            ]
            .map(String::from)
        } else if !records::any(conn, Records::Units)? {
            [
                "spotcheck unit add CODE NAME --kind commune",
                "spotcheck import units FILE",
                "spotcheck --help",
            ]
            .map(String::from)
        } else {
            [
                "spotcheck visit start UNIT",
                "spotcheck list --month this",
                "spotcheck report month last",
            ]
            .map(String::from)
        };
        (visit, rows, next)
    };
    record
        .field(
            Column::titled("current_visit", &t!("head-current-visit")),
            visit.unwrap_or_else(|| {
                if for_scripts {
                    Value::Null
                } else {
                    Value::Text(t!("care-none"))
                }
            }),
        )
        .field(
            Column::titled("findings_today", &t!("head-findings-today")),
            rows.len() as i64,
        )
        .field(
            Column::titled("overdue_tasks", &t!("head-overdue-tasks")),
            overdue_tasks,
        )
        .field(
            Column::titled("conflicts", &t!("status-conflicts")),
            open_conflicts,
        )
        .field(Column::new("next"), next.join("\n"))
        .field(
            Column::titled("late_decisions", &t!("status-late-decisions")),
            late_decisions.len() as i64,
        );
    if for_scripts {
        return ctx.record(&record);
    }
    ctx.record(&record)?;
    if !late_decisions.is_empty() {
        ctx.line("")?;
        ctx.line(&t!("report-late-decisions", count = late_decisions.len()))?;
        ctx.table(&crate::view::late_decisions_table(&late_decisions))?;
    }
    if !rows.is_empty() {
        ctx.line("")?;
        ctx.table(&crate::view::findings_brief(&rows, false))?;
    }
    Ok(())
}
