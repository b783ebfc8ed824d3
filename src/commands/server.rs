//! `server`: setting up the province's shared PostgreSQL server.

use std::path::Path;

use crate::Ctx;
use crate::cli::ServerCommand;
use crate::error::Result;
use crate::render::{Column, Record};
use crate::store::server::{Installed, Secrets, Target};

pub fn run(ctx: &mut Ctx<'_>, command: ServerCommand) -> Result<()> {
    match command {
        ServerCommand::Init { url, password_file } => init(ctx, &url, password_file.as_deref()),
    }
}

fn init(ctx: &mut Ctx<'_>, url: &str, password_file: Option<&Path>) -> Result<()> {
    let env = ctx.env;
    let secrets = Secrets {
        password_file,
        password: env.pg_password.as_deref(),
        passfile: env
            .pg_passfile
            .clone()
            .or_else(|| env.home.as_ref().map(|home| home.join(".pgpass"))),
        user: env.user.as_deref(),
        home: env.home.as_deref(),
        ssl_mode: env.pg_ssl_mode.as_deref(),
        ssl_root_cert: env.pg_ssl_root_cert.as_deref(),
    };
    let (target, warnings) = Target::new(url, &secrets)?;
    for warning in &warnings {
        ctx.note(warning)?;
    }
    let installed = target.connect()?.install()?;
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
