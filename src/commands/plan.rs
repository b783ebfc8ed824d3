//! `plan set|list|clear`: how often each unit is to be checked.

use crate::Ctx;
use crate::cli::{PlanClearArgs, PlanCommand, PlanSetArgs};
use crate::error::Result;
use crate::input;
use crate::model::{Month, limits};
use crate::render::{Column, Record, Table, Value};
use crate::store::plans::{self, Cleared, NewPlan, PlanRow, Set};
use crate::store::{Access, units};

pub fn run(ctx: &mut Ctx<'_>, command: PlanCommand) -> Result<()> {
    match command {
        PlanCommand::Set(args) => set(ctx, args),
        PlanCommand::List { include_void } => list(ctx, include_void),
        PlanCommand::Clear(args) => clear(ctx, args),
    }
}

/// `all` names the plan of every unit.
fn is_every_unit(typed: &str) -> bool {
    typed.trim().eq_ignore_ascii_case("all")
}

fn month(ctx: &Ctx<'_>, typed: Option<&str>) -> Result<Option<Month>> {
    let start_day = ctx.settings.period_start_day.value;
    typed
        .map(|m| input::parse_month(m, ctx.clock.today(), start_day).map(|p| p.month))
        .transpose()
}

/// Who a plan is for, as people read it.
fn whom(plan: &PlanRow) -> String {
    match &plan.unit_name {
        Some(name) => name.clone(),
        None => t!("plan-every-unit"),
    }
}

/// The months a plan covers, as people read them.
fn months(plan: &PlanRow) -> String {
    let show = |m: Month| crate::render::show_month(&m.to_string());
    match (plan.fields.from, plan.fields.to) {
        (None, None) => t!("plan-always"),
        (Some(from), None) => t!("plan-from", from = show(from)),
        (None, Some(to)) => t!("plan-until", to = show(to)),
        (Some(from), Some(to)) => t!("plan-from-to", from = show(from), to = show(to)),
    }
}

/// The columns of `plan list`: those of `plans_v` and the export, less who
/// set the plan and when.
const PLAN_COLUMNS: [&str; 10] = [
    "uid",
    "number",
    "unit_code",
    "unit_name",
    "visits",
    "per",
    "from_month",
    "to_month",
    "voided_at",
    "void_reason",
];

fn plan_values(plan: &PlanRow) -> Vec<Value> {
    let month = |m: Option<Month>| Value::from(m.map(|m| m.to_string()));
    vec![
        plan.uid.as_str().into(),
        plan.id.into(),
        plan.unit_code.clone().into(),
        plan.unit_name.clone().into(),
        plan.fields.visits.into(),
        Value::Term(plan.fields.per.as_str()),
        month(plan.fields.from),
        month(plan.fields.to),
        plan.voided_at.clone().into(),
        plan.void_reason.clone().into(),
    ]
}

fn plan_record(plan: &PlanRow) -> Record {
    let mut record = Record::new();
    for (key, value) in PLAN_COLUMNS.iter().zip(plan_values(plan)) {
        record.field(Column::new(key), value);
    }
    record
}

fn set(ctx: &mut Ctx<'_>, args: PlanSetArgs) -> Result<()> {
    let from = month(ctx, args.from.as_deref())?;
    let to = month(ctx, args.to.as_deref())?;
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let (plan, outcome) = store.write(|tx| {
        let unit_id = if is_every_unit(&args.unit) {
            None
        } else {
            Some(units::resolve(tx, &args.unit)?.id)
        };
        let plan = NewPlan {
            unit_id,
            visits: input::typed_figure("--visits", args.visits.into(), &limits::PLANNED_VISITS)?,
            per: args.per,
            from,
            to,
        };
        plans::set(tx, &plan, &author)
    })?;
    let outcome = match outcome {
        Set::Added => "added",
        Set::Changed => "changed",
        Set::Unchanged => "unchanged",
    };
    let line = t!(
        "plan-set",
        outcome = outcome,
        id = plan.id,
        unit = whom(&plan),
        visits = plan.fields.visits,
        per = crate::render::term(plan.fields.per.as_str()),
        months = months(&plan)
    );
    ctx.logged(&line, &plan_record(&plan))
}

fn list(ctx: &mut Ctx<'_>, include_void: bool) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let rows = plans::list(store.conn(), include_void)?;
    if rows.is_empty() && ctx.format == crate::render::Format::Table {
        return ctx.note(&t!("plan-none"));
    }
    let mut table = Table::new(PLAN_COLUMNS.iter().map(|k| Column::new(k)).collect());
    for plan in &rows {
        table.push(plan_values(plan));
    }
    ctx.table(&table)
}

fn clear(ctx: &mut Ctx<'_>, args: PlanClearArgs) -> Result<()> {
    let from = match month(ctx, args.from.as_deref())? {
        Some(month) => month,
        None => {
            crate::model::Period::containing(ctx.clock.today(), ctx.settings.period_start_day.value)
                .month
        }
    };
    let mut store = ctx.open(Access::Write)?;
    let author = ctx.author();
    let reason = t!(
        "plan-cleared-reason",
        from = crate::render::show_month(&from.to_string())
    );
    let (unit, cleared) = store.write(|tx| {
        let unit = if is_every_unit(&args.unit) {
            None
        } else {
            Some(units::resolve(tx, &args.unit)?)
        };
        let unit_id = unit.as_ref().map(|u| u.id);
        Ok((unit, plans::clear(tx, unit_id, from, &reason, &author)?))
    })?;
    if cleared.is_empty() {
        let shown = crate::render::show_month(&from.to_string());
        return ctx.line(&match unit {
            None => t!(
                "plan-nothing-to-clear",
                unit = t!("plan-every-unit"),
                from = shown
            ),
            Some(unit) => t!(
                "plan-nothing-to-clear-own",
                unit = unit.name.as_str(),
                code = unit.code.as_str(),
                from = shown
            ),
        });
    }
    for (plan, what) in &cleared {
        let line = match what {
            Cleared::Ended => t!(
                "plan-ended",
                id = plan.id,
                unit = whom(plan),
                months = months(plan)
            ),
            Cleared::Voided => t!("plan-voided", id = plan.id, unit = whom(plan)),
        };
        ctx.logged(&line, &plan_record(plan))?;
    }
    Ok(())
}
