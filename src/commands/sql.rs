//! `sql` and `schema`: questions nobody planned for, asked of the views.

use crate::Ctx;
use crate::error::{Error, Result};
use crate::render::{Column, Table};
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
                name.trim().trim_start_matches([':', '@', '$']).to_string(),
                value.to_string(),
            )),
            _ => Err(Error::usage(t!("exchange-sql-param", param = p.as_str()))),
        })
        .collect::<Result<Vec<_>>>()?;
    let mut store = Store::open_query_only(&ctx.settings.db.value, &crate::store::db_advice())?;
    let result = query::run(&mut store, sql, &params, time_limit)?;
    let mut table = Table::new(result.columns.iter().map(|c| Column::new(c)).collect());
    for row in result.rows {
        table.push(row);
    }
    ctx.table(&table)
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
        _ => "",
    }
}

pub fn schema(ctx: &mut Ctx<'_>) -> Result<()> {
    let store = Store::open_query_only(&ctx.settings.db.value, &crate::store::db_advice())?;
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
