//! `server`: setting up the province's shared PostgreSQL server and the
//! logins of its teams.

use std::path::Path;

use super::connect_server as connect;
use crate::Ctx;
use crate::cli::ServerCommand;
use crate::error::Result;
use crate::render::{Column, Record, Table, Value};
use crate::store::server::Installed;
use crate::store::server::teams::{self, Removed};

pub fn run(ctx: &mut Ctx<'_>, command: ServerCommand) -> Result<()> {
    match command {
        ServerCommand::Init { url, password_file } => init(ctx, &url, password_file.as_deref()),
        ServerCommand::AddTeam {
            url,
            province,
            team,
            password_file,
        } => add_team(ctx, &url, &province, &team, password_file.as_deref()),
        ServerCommand::ListTeams { url } => list_teams(ctx, &url),
        ServerCommand::RemoveTeam {
            url,
            province,
            team,
        } => remove_team(ctx, &url, &province, &team),
        ServerCommand::Check { url, province } => check(ctx, &url, &province),
    }
}

fn init(ctx: &mut Ctx<'_>, url: &str, password_file: Option<&Path>) -> Result<()> {
    let (target, mut connection) = connect(ctx, url, password_file)?;
    let installed = connection.install()?;
    let (server, database) = (target.shown(), target.database());
    let (line, version) = match installed {
        Installed::Created(version) => (
            t!(
                "server-created",
                server = server,
                database = database,
                version = version
            ),
            version,
        ),
        Installed::Upgraded { from, to } => (
            t!(
                "server-upgraded",
                server = server,
                database = database,
                from = from,
                to = to
            ),
            to,
        ),
        Installed::Current(version) => (
            t!(
                "server-current",
                server = server,
                database = database,
                version = version
            ),
            version,
        ),
    };
    let mut record = Record::new();
    record
        .field(Column::new("server"), server.to_string())
        .field(Column::new("schema_version"), i64::from(version));
    ctx.logged(&line, &record)
}

fn add_team(
    ctx: &mut Ctx<'_>,
    url: &str,
    province: &str,
    team: &str,
    password_file: Option<&Path>,
) -> Result<()> {
    teams::check_code("--province", province)?;
    teams::check_code("--team", team)?;
    // The team's own password: from its file, or made here and shown once.
    let (password, made) = match password_file {
        Some(file) => (crate::store::server::read_password_file(file)?, false),
        None => (uuid::Uuid::new_v4().simple().to_string(), true),
    };
    let (target, mut connection) = connect(ctx, url, None)?;
    let role = connection.add_team(province, team, &password)?;
    let team_url = target.url_for(&role);
    let mut record = Record::new();
    record
        .field(Column::new("province"), province.to_string())
        .field(Column::new("team"), team.to_string())
        .field(Column::new("role"), role.clone())
        .field(Column::new("url"), team_url.clone());
    if made {
        record.field(Column::new("password"), password.clone());
    }
    let mut lines = t!(
        "server-team-added",
        province = province,
        team = team,
        role = role.as_str()
    );
    lines.push_str(&format!("\n[server]\nurl = \"{team_url}\"\n"));
    lines.push_str(&if made {
        t!("server-team-password-made", password = password.as_str())
    } else {
        t!(
            "server-team-password-given",
            path = password_file
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        )
    });
    ctx.logged(&lines, &record)
}

fn list_teams(ctx: &mut Ctx<'_>, url: &str) -> Result<()> {
    let (_, mut connection) = connect(ctx, url, None)?;
    let rows = connection.teams()?;
    let mut table = Table::new(
        [
            "province",
            "team",
            "role",
            "added_at",
            "added_by",
            "removed_at",
        ]
        .into_iter()
        .map(Column::new)
        .collect(),
    );
    for row in rows {
        table.push(vec![
            Value::Text(row.province),
            Value::Text(row.code),
            Value::Text(row.role),
            Value::moment(&row.added_at),
            Value::Text(row.added_by),
            row.removed_at.as_deref().map_or(Value::Null, Value::moment),
        ]);
    }
    ctx.table(&table)
}

fn remove_team(ctx: &mut Ctx<'_>, url: &str, province: &str, team: &str) -> Result<()> {
    teams::check_code("--province", province)?;
    teams::check_code("--team", team)?;
    let (_, mut connection) = connect(ctx, url, None)?;
    let removed = connection.remove_team(province, team)?;
    let (line, role, already) = match &removed {
        Removed::Now(role) => (
            t!(
                "server-team-removed",
                province = province,
                team = team,
                role = role.as_str()
            ),
            role.clone(),
            false,
        ),
        Removed::Already(at) => (
            t!(
                "server-team-removed-already",
                province = province,
                team = team,
                at = crate::render::moment_text(at)
            ),
            String::new(),
            true,
        ),
    };
    let mut record = Record::new();
    record
        .field(Column::new("province"), province.to_string())
        .field(Column::new("team"), team.to_string())
        .field(Column::new("role"), role)
        .field(Column::new("already_removed"), already);
    ctx.logged(&line, &record)
}

fn check(ctx: &mut Ctx<'_>, url: &str, province: &str) -> Result<()> {
    teams::check_code("--province", province)?;
    let (_, mut connection) = connect(ctx, url, None)?;
    let checked = connection.check_seals(province)?;
    if let Some(problem) = checked.problems.first() {
        return Err(crate::error::Error::input(t!(
            "server-chain-broken",
            province = province,
            problems = checked.problems.len(),
            first = problem.as_str()
        )));
    }
    let mut record = Record::new();
    record
        .field(Column::new("province"), province.to_string())
        .field(Column::new("versions"), checked.versions)
        .field(Column::new("records"), checked.records)
        .field(Column::new("revision"), checked.revision)
        .field(Column::new("seal"), checked.seal.clone());
    let line = t!(
        "server-chain-ok",
        province = province,
        versions = checked.versions,
        records = checked.records,
        seal = checked.seal.as_str(),
        revision = checked.revision
    );
    ctx.logged(&line, &record)
}
