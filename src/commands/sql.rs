//! `sql` and `schema`: questions nobody planned for, asked of the views.

use std::io::Write;
use std::time::Instant;

use crate::Ctx;
use crate::error::{Error, Result};
use crate::model::Datum;
use crate::render::{Column, Format, RowStream, Style, Table, Value};
use crate::store::{Store, query};

pub fn sql(
    ctx: &mut Ctx<'_>,
    sql: &str,
    params: &[String],
    time_limit: std::time::Duration,
) -> Result<()> {
    let params = params
        .iter()
        .map(|p| match p.split_once('=') {
            Some((name, value)) if !name.trim().is_empty() => Ok((
                name.trim()
                    .trim_start_matches([':', '@', '$', '?'])
                    .to_string(),
                value.to_string(),
            )),
            _ => Err(Error::usage(t!("exchange-sql-param", param = p.as_str()))),
        })
        .collect::<Result<Vec<_>>>()?;
    let mut store = Store::open_query_only(
        &ctx.settings.db.value,
        &crate::store::db_advice(),
        &crate::keys::Keychain::new(ctx.env),
    )?;
    let stop = query::Stop {
        deadline: Instant::now() + time_limit,
        time_limit,
        interrupted: crate::output::is_interrupted,
    };
    let ending = {
        let mut rows = Streamed {
            format: ctx.format,
            style: ctx.style,
            out: Some(&mut *ctx.out),
            stream: None,
        };
        query::run(&mut store, sql, &params, &stop, &mut rows)?;
        match rows.stream {
            Some(stream) => stream.finish().map_err(Error::Output)?,
            None => return Ok(()),
        }
    };
    // Drawing a held table takes time too, and it is part of the query's.
    stop.check()?;
    ctx.out.write_all(&ending.text).map_err(Error::Output)?;
    if let Some(shown) = ending.cut_at {
        ctx.out.flush().map_err(Error::Output)?;
        ctx.note(&t!("render-rows-cut", shown = shown))?;
    }
    Ok(())
}

/// The query's rows on their way to the output, in the chosen format.
struct Streamed<'w> {
    format: Format,
    style: Style,
    /// The output, until the columns are known and the stream starts.
    out: Option<&'w mut dyn Write>,
    stream: Option<RowStream<'w>>,
}

impl query::Rows for Streamed<'_> {
    fn columns(&mut self, columns: &[String]) -> Result<()> {
        if let Some(out) = self.out.take() {
            // A JSON object cannot hold one key twice (`SELECT 1 AS a, 2 AS a`):
            // a repeated name gets its place after it, as `a_2`.
            // a repeated name gets its place after it, as `a_2`, or the
            // next number no other column has.
            let mut taken: std::collections::HashSet<String> = columns.iter().cloned().collect();
            let mut seen = std::collections::HashSet::new();
            let mut names = Vec::with_capacity(columns.len());
            for (index, name) in columns.iter().enumerate() {
                if self.format != Format::Json || seen.insert(name.as_str()) {
                    names.push(name.clone());
                    continue;
                }
                let unique = (index + 1..)
                    .map(|n| format!("{name}_{n}"))
                    .find(|candidate| !taken.contains(candidate))
                    .unwrap_or_else(|| name.clone());
                taken.insert(unique.clone());
                names.push(unique);
            }
            let columns = names.iter().map(|name| Column::new(name)).collect();
            self.stream = Some(
                RowStream::start(columns, self.format, &self.style, out).map_err(Error::Output)?,
            );
        }
        Ok(())
    }

    fn row(&mut self, row: Vec<Datum<'_>>) -> Result<()> {
        match &mut self.stream {
            Some(stream) => stream
                .row(row.into_iter().map(Value::from).collect())
                .map_err(Error::Output),
            None => Ok(()),
        }
    }
}

/// One example per view, to start from.
fn example(view: &str) -> &'static str {
    match view {
        "findings_v" => {
            "SELECT unit_code, kind, count(*) FROM findings_v WHERE voided_at IS NULL GROUP BY 1, 2"
        }
        "visits_v" => {
            "SELECT unit_code, count(*) AS visits FROM visits_v GROUP BY 1 ORDER BY 2 DESC"
        }
        "units_v" => "SELECT code, name FROM units_v WHERE kind = 'commune'",
        "people_v" => "SELECT unit_code, count(*) AS staff FROM people_v GROUP BY 1",
        "plans_v" => {
            "SELECT unit_code, visits, per, from_month, to_month FROM plans_v WHERE voided_at IS NULL"
        }
        "tasks_v" => {
            "SELECT unit_code, text, due_on FROM tasks_v \
             WHERE done_on IS NULL AND voided_at IS NULL AND due_on < date('now') ORDER BY due_on"
        }
        "history_v" => {
            "SELECT at, by, action, entity, record_uid FROM history_v ORDER BY seq DESC LIMIT 10"
        }
        "conflicts_v" => {
            "SELECT number, record, field, mine, theirs, kept FROM conflicts_v WHERE settled_at IS NULL"
        }
        _ => "",
    }
}

pub fn schema(ctx: &mut Ctx<'_>) -> Result<()> {
    let store = Store::open_query_only(
        &ctx.settings.db.value,
        &crate::store::db_advice(),
        &crate::keys::Keychain::new(ctx.env),
    )?;
    let views = query::views(store.conn())?;
    let mut table = Table::new(vec![
        Column::titled("view", &t!("exchange-schema-view")),
        Column::titled("columns", &t!("exchange-schema-columns")),
        Column::titled("example", &t!("exchange-schema-example")),
    ]);
    for (view, columns) in &views {
        table.push(vec![
            view.as_str().into(),
            columns.join(", ").into(),
            example(view).into(),
        ]);
    }
    ctx.table(&table)
}
