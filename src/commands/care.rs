//! `init` and `config`: setting up and looking after the logbook.

use chrono::Datelike;

use crate::Ctx;
use crate::error::Result;
use crate::model::{Month, Period};
use crate::render::{Column, Format, Table};
use crate::store::exchange::{self, Records};
use crate::store::{Access, FindingFilter, SCHEMA_VERSION, findings, visits};

pub fn init(ctx: &mut Ctx<'_>) -> Result<()> {
    let store = ctx.open(Access::Write)?;
    let version = store.schema_version()?;
    let path = store.path().display().to_string();
    drop(store);
    let line = if ctx.take_created() {
        format!("created logbook {path} (schema version {version})")
    } else {
        format!("logbook {path} is ready (schema version {version} of {SCHEMA_VERSION})")
    };
    let mut record = crate::render::Record::new();
    record
        .field(Column::new("db"), path)
        .field(Column::new("schema_version"), version);
    ctx.logged(&line, &record)
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
        "found"
    } else {
        "not found (defaults apply)"
    };
    row(
        "config_file",
        s.config_file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        file_source.to_string(),
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
        s.hours_source.0.to_string(),
    );
    row(
        "hours.afternoon",
        time(s.hours.afternoon),
        s.hours_source.1.to_string(),
    );
    match &s.summer {
        Some(summer) => row(
            "summer",
            format!(
                "{:02}/{:02} – {:02}/{:02}: {} / {}",
                summer.from.1,
                summer.from.0,
                summer.to.1,
                summer.to.0,
                time(summer.hours.morning),
                time(summer.hours.afternoon)
            ),
            "config file".into(),
        ),
        None => row("summer", "none".into(), "default".into()),
    }
    let holidays: Vec<String> = s
        .holidays
        .iter()
        .map(|d| d.format("%d/%m/%Y").to_string())
        .collect();
    row(
        "holidays",
        if holidays.is_empty() {
            "none".into()
        } else {
            holidays.join(", ")
        },
        if holidays.is_empty() {
            "default"
        } else {
            "config file"
        }
        .into(),
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
    row(
        "lang",
        s.lang.value.code().to_string(),
        s.lang.source.to_string(),
    );
    ctx.table(&table)
}

pub fn backup(ctx: &mut Ctx<'_>, file: &std::path::Path, force: bool) -> Result<()> {
    use crate::error::{Context, Error};
    if file.exists() && !force {
        return Err(Error::input(format!(
            "`{}` exists: name a new file, or add `--force` to replace it",
            file.display()
        )));
    }
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => std::path::Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::input(format!(
            "cannot write `{}`: the directory `{}` does not exist",
            file.display(),
            dir.display()
        )));
    }
    let store = ctx.open(Access::Read)?;
    // Made owner-only and empty first, filled by SQLite, renamed into place
    // only when complete: a failed backup leaves no half copy.
    let temp = tempfile::Builder::new()
        .prefix(".spotcheck-backup-")
        .tempfile_in(dir)
        .map_err(|e| Error::Io {
            context: format!("cannot write `{}`", file.display()),
            source: std::io::Error::new(e.kind(), e.kind().to_string()),
        })?;
    store.backup_to(temp.path(), file)?;
    temp.as_file()
        .sync_all()
        .with_context(|| format!("writing `{}`", file.display()))?;
    temp.persist(file)
        .map_err(|e| e.error)
        .with_context(|| format!("writing `{}`", file.display()))?;
    let line = format!("backed up {} to {}", store.path().display(), file.display());
    let mut record = crate::render::Record::new();
    record
        .field(Column::new("db"), store.path().display().to_string())
        .field(Column::new("backup"), file.display().to_string());
    ctx.logged(&line, &record)
}

pub fn check(ctx: &mut Ctx<'_>, seal: Option<&str>) -> Result<()> {
    use crate::store::check;
    if let Some(seal) = seal.map(str::trim)
        && (seal.len() != 64 || !seal.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return Err(crate::error::Error::input(format!(
            "`{seal}` is not a seal: a seal is the 64 hex digits that `spotcheck check` or a report printed; give all of them"
        )));
    }
    let store = ctx.open(Access::Read)?;
    let outcome = check::run(store.conn(), seal.map(str::trim))?;
    let head = outcome
        .seal
        .as_ref()
        .map(|s| format!("seal {} (history entry #{})", s.hash, s.seq))
        .unwrap_or_else(|| "no history yet, so no seal".into());
    if outcome.problems.is_empty() {
        let mut line = format!(
            "ok: {} records agree with {} history entries; {head}",
            outcome.records, outcome.entries
        );
        if let Some(seal) = seal {
            line.push_str(&format!(
                "\nseal `{}` confirmed: the history it pins is unaltered",
                seal.trim()
            ));
        }
        return ctx.line(&line);
    }
    let chain_broken = outcome
        .problems
        .iter()
        .any(|p| p.record.starts_with("history #"));
    let seal_refused = outcome.problems.iter().any(|p| p.record == "seal");
    if let Some(seal) = seal
        && !seal_refused
    {
        ctx.line(&format!(
            "seal `{}` confirmed: the history it pins is unaltered",
            seal.trim()
        ))?;
    }
    let head = if chain_broken {
        outcome
            .seal
            .as_ref()
            .map(|s| {
                format!(
                    "the history's head is {} (entry #{}), but a broken history gives no seal",
                    s.hash, s.seq
                )
            })
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
    Err(crate::error::Error::CheckFailed(format!(
        "check found {} {}; {head}",
        outcome.problems.len(),
        if outcome.problems.len() == 1 {
            "problem"
        } else {
            "problems"
        }
    )))
}

/// What `spotcheck` alone shows: where the logbook is, the visit under way,
/// what was logged today, and the commands most likely to come next.
pub fn status(ctx: &mut Ctx<'_>) -> Result<()> {
    let path = ctx.settings.db.value.clone();
    let today = ctx.clock.today();
    let mut record = crate::render::Record::new();
    record.field(Column::new("db"), path.display().to_string());
    let (visit, rows, next): (Option<String>, Vec<_>, [&str; 3]) = if !path.exists() {
        record.field(Column::new("logbook"), "not made yet");
        (
            None,
            Vec::new(),
            [
                "spotcheck unit add CODE NAME --kind commune   (makes the logbook)",
                "spotcheck import units FILE",
                "spotcheck --help",
            ],
        )
    } else {
        let store = ctx.open(Access::Read)?;
        let conn = store.conn();
        let visit = match visits::current(conn)? {
            Some(id) => {
                let v = visits::get(conn, id)?;
                Some(format!(
                    "#{} {} ({}), since {}, {} {}",
                    v.id,
                    v.unit_name,
                    v.unit_code,
                    v.started_at.format("%d/%m/%Y %H:%M"),
                    v.findings,
                    super::plural(v.findings, "finding", "findings")
                ))
            }
            None => None,
        };
        let filter = FindingFilter {
            period: Some(Period {
                month: Month::new(today.year(), today.month()).expect("today is a real month"),
                first: today,
                last: today,
            }),
            ..FindingFilter::default()
        };
        let rows = findings::list(conn, &filter)?;
        let next = if visit.is_some() {
            [
                "spotcheck late NAME --arrived 7h45",
                "spotcheck absent NAME",
                "spotcheck visit end",
            ]
        } else if !exchange::any(conn, Records::Units)? {
            [
                "spotcheck unit add CODE NAME --kind commune",
                "spotcheck import units FILE",
                "spotcheck --help",
            ]
        } else {
            [
                "spotcheck visit start UNIT",
                "spotcheck list --month this",
                "spotcheck report month last",
            ]
        };
        (visit, rows, next)
    };
    record
        .field(
            Column::titled("current_visit", &t!("head-current-visit")),
            visit.unwrap_or_else(|| "none".to_string()),
        )
        .field(
            Column::titled("findings_today", &t!("head-findings-today")),
            rows.len() as i64,
        )
        .field(Column::new("next"), next.join("\n"));
    if matches!(ctx.format, Format::Csv | Format::Json) {
        return ctx.record(&record);
    }
    ctx.record(&record)?;
    if !rows.is_empty() {
        ctx.line("")?;
        ctx.table(&super::review::findings_brief(&rows, false))?;
    }
    Ok(())
}
