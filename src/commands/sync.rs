//! `sync`: this logbook and the province's server exchange records. A push
//! sends what changed here; a pull brings the other laptops' changes
//! through the merge engine, as `merge` brings another file's; then what the
//! pull settled is pushed back, so that the server holds it too.

use std::path::Path;

use super::connect_server;
use crate::Ctx;
use crate::error::{Error, Result};
use crate::exchange::{self, MergeReport};
use crate::render::{Column, Record};
use crate::store::server::ServerConnection;
use crate::store::server::sync::Identity;
use crate::store::shared::{self, Decided, Decision};
use crate::store::{Access, Store};

/// How many revisions one pull merges in one transaction: a province's
/// whole history is pulled in steps, each committed with its cursor.
const PULL_BATCH: i64 = 5000;

/// How far the laptop's clock may be from the server's before the sync
/// warns: a merge takes the later edit, and a clock ahead would win.
const CLOCK_SKEW_LIMIT: f64 = 300.0;

/// Which ways a sync goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Exchange {
    Both,
    /// A leader's laptop, which reads the province and sends nothing.
    PullOnly,
    /// A slow or paid connection: what waits here goes, the province's
    /// changes wait for the next sync.
    PushOnly,
}

/// What one sync did.
#[derive(Default)]
struct Tally {
    added: u64,
    changed: u64,
    entries: u64,
    refused: Vec<Decided>,
    received: MergeReport,
}

pub fn run(
    ctx: &mut Ctx<'_>,
    server: Option<&str>,
    password_file: Option<&Path>,
    status: bool,
    exchange: Exchange,
) -> Result<()> {
    let url = match server {
        Some(url) => url.to_string(),
        None => ctx
            .settings
            .server_url
            .clone()
            .ok_or_else(|| Error::usage(t!("sync-no-server")))?,
    };
    if status {
        return show_status(ctx, &url, password_file);
    }
    let (target, mut connection) = connect_server(ctx, &url, password_file)?;
    let who = connection.identity()?;
    let skew = ctx.clock.utc().timestamp_millis() as f64 / 1000.0 - who.now;
    if skew.abs() > CLOCK_SKEW_LIMIT {
        ctx.note(&t!(
            "sync-clock-skew",
            minutes = (skew.abs() / 60.0).round() as i64,
            ahead = if skew > 0.0 { "ahead" } else { "behind" }
        ))?;
    }
    let mut store = ctx.open(Access::Write)?;
    // Named once, at the first sync: after that no write waits on a
    // logbook that another program holds until there is something to write.
    let device = match shared::state(store.conn())?.device {
        Some(device) => device,
        None => store.write(|tx| shared::device(tx))?,
    };
    let name = target.shown().to_string();
    let mut tally = Tally::default();
    if exchange != Exchange::PullOnly {
        push(&mut connection, &who, &device, &mut store, &mut tally)?;
    }
    if exchange == Exchange::PushOnly {
        let position = connection.position(&who)?;
        let cursor = shared::state(store.conn())?.cursor;
        let stamp = ctx.clock.stamp();
        store.write(|tx| shared::synced(tx, &name, &stamp, position))?;
        let waiting = shared::waiting(store.conn())?;
        return report(ctx, &name, &tally, waiting, Some((cursor, position)));
    }
    let author = ctx.author();
    let position = loop {
        let cursor = shared::state(store.conn())?.cursor;
        let pulled = connection.pull(&who, &device, cursor, PULL_BATCH)?;
        if pulled.records.is_empty() {
            store.write(|tx| {
                let since = shared::last_entry(tx)?;
                shared::pulled(tx, &[], pulled.cursor, since)
            })?;
        } else {
            let source = exchange::Server::new(&name, &pulled)?;
            for problem in &source.set_aside {
                ctx.note(problem)?;
            }
            let report = exchange::merge_then(
                &mut store,
                &source,
                None,
                &author,
                &|_| {},
                &mut |tx, since| shared::pulled(tx, &pulled.records, pulled.cursor, since),
            )?;
            add(&mut tally.received, &report);
        }
        if !pulled.more {
            break pulled.position;
        }
    };
    let found_elsewhere = connection.conflicts(&who)?;
    let taken = store.write(|tx| shared::take_conflicts(tx, &found_elsewhere))?;
    tally.received.conflicts.extend(taken);
    // What the pull settled, and what was held back until it had: pushed
    // now, so that the server and the other laptops have it too.
    if exchange == Exchange::Both
        && (shared::waiting(store.conn())? > 0 || !tally.received.conflicts.is_empty())
    {
        push(&mut connection, &who, &device, &mut store, &mut tally)?;
    }
    let position = position.max(shared::state(store.conn())?.cursor);
    let stamp = ctx.clock.stamp();
    store.write(|tx| shared::synced(tx, &name, &stamp, position))?;
    let waiting = shared::waiting(store.conn())?;
    report(ctx, &name, &tally, waiting, None)
}

/// Push what waits, and note what the server did with each record.
fn push(
    connection: &mut ServerConnection,
    who: &Identity,
    device: &str,
    store: &mut Store,
    tally: &mut Tally,
) -> Result<()> {
    let outgoing = shared::outgoing(store.conn())?;
    if outgoing.records.is_empty() && outgoing.entries.is_empty() && outgoing.conflicts.is_empty() {
        return Ok(());
    }
    let (decided, entries) = connection.push(who, device, &outgoing)?;
    store.write(|tx| shared::pushed(tx, &decided, outgoing.last_seq))?;
    tally.entries += entries;
    for record in decided {
        match record.decision {
            Decision::Added => tally.added += 1,
            Decision::Changed => tally.changed += 1,
            // Pushed again once the pull has merged it.
            Decision::Same | Decision::Behind => {}
            Decision::Refused => {
                if !tally
                    .refused
                    .iter()
                    .any(|r| r.uid == record.uid && r.records == record.records)
                {
                    tally.refused.push(record);
                }
            }
        }
    }
    Ok(())
}

/// Add a pull's merge to the tally: the records that point to others come
/// with them, and count as unchanged when they are.
fn add(total: &mut MergeReport, report: &MergeReport) {
    for (sum, part) in [
        (&mut total.units, &report.units),
        (&mut total.people, &report.people),
        (&mut total.visits, &report.visits),
        (&mut total.findings, &report.findings),
        (&mut total.plans, &report.plans),
        (&mut total.tasks, &report.tasks),
    ] {
        sum.counts.new += part.counts.new;
        sum.counts.updated += part.counts.updated;
        sum.counts.unchanged += part.counts.unchanged;
        sum.conflicts += part.conflicts;
    }
    total.conflicts.extend(report.conflicts.iter().copied());
    total
        .likely_duplicates
        .extend(report.likely_duplicates.iter().cloned());
}

/// How many refused records and conflicts a sync names one by one.
const NAMED: usize = 20;

/// Say what a sync did; `unpulled` is the cursor and the server's position
/// when it pulled nothing on purpose.
fn report(
    ctx: &mut Ctx<'_>,
    server: &str,
    tally: &Tally,
    waiting: u64,
    unpulled: Option<(i64, i64)>,
) -> Result<()> {
    let received = &tally.received;
    let kinds = [
        &received.units,
        &received.people,
        &received.visits,
        &received.findings,
        &received.plans,
        &received.tasks,
    ];
    let new: u64 = kinds.iter().map(|k| k.counts.new).sum();
    let updated: u64 = kinds.iter().map(|k| k.counts.updated).sum();
    let conflicts = received.conflicts.len() as u64;
    let mut lines = vec![
        t!(
            "sync-pushed",
            server = server,
            added = tally.added,
            changed = tally.changed,
            entries = tally.entries
        ),
        match unpulled {
            None => t!(
                "sync-pulled",
                new = new,
                updated = updated,
                conflicts = conflicts
            ),
            Some((cursor, position)) => t!("sync-not-pulled", cursor = cursor, position = position),
        },
    ];
    // A first sync of a big logbook can name thousands: the first are
    // named, the rest counted, and `spotcheck conflicts` lists them all.
    for refused in tally.refused.iter().take(NAMED) {
        lines.push(t!(
            "sync-refused",
            record = crate::store::records::entity_name(refused.records),
            number = refused.number.unwrap_or_default(),
            uid = refused.uid.chars().take(8).collect::<String>()
        ));
    }
    if tally.refused.len() > NAMED {
        lines.push(t!("sync-refused-more", count = tally.refused.len() - NAMED));
    }
    if !received.conflicts.is_empty() {
        let numbers: Vec<String> = received
            .conflicts
            .iter()
            .take(NAMED)
            .map(|n| format!("#{n}"))
            .collect();
        let more = received.conflicts.len().saturating_sub(NAMED);
        lines.push(if more == 0 {
            t!("sync-conflicts", numbers = numbers.join(", "))
        } else {
            t!(
                "sync-conflicts-more",
                numbers = numbers.join(", "),
                more = more
            )
        });
    }
    for duplicate in &received.likely_duplicates {
        lines.push(t!(
            "sync-likely-duplicate",
            keep = duplicate.keep.as_str(),
            other = duplicate.other.as_str(),
            name = duplicate.other_name.as_str()
        ));
    }
    lines.push(if waiting == 0 {
        t!("sync-nothing-waits")
    } else {
        t!("sync-waiting", count = waiting)
    });
    let mut record = Record::new();
    record
        .field(Column::new("server"), server.to_string())
        .field(Column::new("added"), tally.added as i64)
        .field(Column::new("changed"), tally.changed as i64)
        .field(Column::new("entries"), tally.entries as i64)
        .field(Column::new("received_new"), new as i64)
        .field(Column::new("received_updated"), updated as i64)
        .field(Column::new("conflicts"), conflicts as i64)
        .field(Column::new("refused"), tally.refused.len() as i64)
        .field(Column::new("waiting"), waiting as i64);
    ctx.logged(&lines.join("\n"), &record)
}

/// `sync --status`: the last sync, what waits here, and where the server
/// is when it can be reached (the status says so when it cannot).
fn show_status(ctx: &mut Ctx<'_>, url: &str, password_file: Option<&Path>) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let state = shared::state(store.conn())?;
    let waiting = shared::waiting(store.conn())?;
    drop(store);
    let server = match connect_server(ctx, url, password_file) {
        Ok((_, mut connection)) => {
            let who = connection.identity()?;
            let position = connection.position(&who)?;
            Some((position, connection.seal(&who.province)?))
        }
        Err(e) => {
            ctx.note(&t!("sync-status-offline", problem = e.to_string()))?;
            None
        }
    };
    let mut lines = vec![match &state.last {
        Some(last) => t!(
            "sync-status-last",
            at = crate::render::moment_text(last),
            server = state.server.clone().unwrap_or_default()
        ),
        None => t!("sync-status-never"),
    }];
    lines.push(t!("sync-waiting", count = waiting));
    lines.push(t!("sync-status-cursor", cursor = state.cursor));
    if let Some((position, seal)) = &server {
        lines.push(t!("sync-status-server", position = *position));
        if let Some((seal, revision)) = seal {
            lines.push(t!(
                "sync-status-seal",
                seal = seal.as_str(),
                revision = *revision
            ));
        }
    }
    let mut record = Record::new();
    record
        .field(
            Column::new("last_sync"),
            state.last.clone().unwrap_or_default(),
        )
        .field(Column::new("waiting"), waiting as i64)
        .field(Column::new("cursor"), state.cursor)
        .field(
            Column::new("server_position"),
            server
                .as_ref()
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        )
        .field(
            Column::new("seal"),
            server
                .and_then(|(_, seal)| seal)
                .map(|(seal, _)| seal)
                .unwrap_or_default(),
        );
    ctx.logged(&lines.join("\n"), &record)
}
