//! Domain types: what a unit, a visit and a finding are, and the reporting
//! period; and the value of a field as the logbook holds it.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::error::Error;

/// What sort of body a unit is. Since 1 July 2025 local government has two
/// tiers (provinces; communes, wards and special zones), and Decree
/// 150/2025/NĐ-CP gives a commune its offices, a public administrative
/// service centre and the centre's reception points. `town` (thị trấn) and
/// the offices of a district are kept for logbooks of the years before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    Commune,
    Ward,
    SpecialZone,
    Town,
    Office,
    Department,
    Agency,
    ServiceCentre,
    ReceptionPoint,
    School,
    Health,
    Other,
}

/// The kinds of finding. `Task` is an assigned task found unfinished;
/// `Early` is leaving before the end of the session (về sớm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Late,
    Absent,
    Overdue,
    Other,
    Task,
    Early,
}

/// Why an absence is excused. An excused absence is recorded for the
/// attendance figures and is not a breach; `Other` needs its reason stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Excuse {
    Leave,
    BusinessTrip,
    Sick,
    Other,
}

/// The stage of the one-stop procedure at which a file was held up
/// (Decree 118/2025/NĐ-CP: reception, processing, coordination with
/// another agency, approval, return of the result).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DelayStage {
    Reception,
    Processing,
    Coordination,
    Approval,
    Return,
}

/// How the citizen lodged the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Online,
    Direct,
}

/// The forms of discipline of a civil servant under Decree 172/2025/NĐ-CP:
/// khiển trách, cảnh cáo, cách chức, buộc thôi việc, from the lightest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DisciplineForm {
    Reprimand,
    Warning,
    Removal,
    Dismissal,
}

/// A person's employment status, which decides the law their discipline
/// falls under: công chức and viên chức have their own laws, a contract
/// the Labour Code, and the part-time staff of a commune their own rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum PersonStatus {
    CivilServant,
    PublicEmployee,
    Contract,
    PartTime,
}

/// The named categories of the breaches `other` records, as inspectors
/// name them: the key is what is typed, stored and exported, and each has
/// a name in both languages (`term-KEY` in the catalogues). Any other word
/// is still taken as a category of the team's own.
pub const CATEGORIES: [&str; 9] = [
    "badge",
    "uniform",
    "alcohol",
    "left-post",
    "private-business",
    "attitude",
    "hygiene",
    "procedures-not-posted",
    "roster-not-kept",
];

/// The named category `key` is, if it is one.
pub fn named_category(key: &str) -> Option<&'static str> {
    CATEGORIES.iter().copied().find(|c| *c == key)
}

/// A field that only some kinds of finding hold. Every finding also has its
/// visit, an action, a note and, once voided, a void time and reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingField {
    /// The person the finding is about (for an overdue file, the officer).
    Person,
    Arrived,
    Expected,
    MinutesLate,
    Meeting,
    FileRef,
    Procedure,
    Received,
    Due,
    Returned,
    DaysOverdue,
    WorkingDaysOverdue,
    Category,
    Description,
    /// The assigned task found unfinished.
    Task,
    /// Why an absence is excused; none for the breach.
    Excuse,
    /// The time a person left before the end of the session.
    Left,
    MinutesEarly,
    /// The apology for a late file, the new appointment, and the delay.
    Apology,
    NewDue,
    DelayCause,
    DelayStage,
    Responsible,
    Channel,
}

/// Where the value of a field a kind holds comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldSource {
    /// The inspector types it (and can correct it with `edit`).
    Typed,
    /// Worked out from the typed fields and the calendar; an import may
    /// carry it as the logbook it came from worked it out.
    Computed,
    /// Copied from the assigned task when the finding is logged.
    FromTask,
}

impl FindingKind {
    /// The fields a finding of this kind holds, and where each comes from:
    /// the one list that logging, `edit` and import all follow, so a figure
    /// of one kind is never stored on, or counted for, another.
    pub fn fields(self) -> &'static [(FindingField, FieldSource)] {
        use FieldSource::{Computed, FromTask, Typed};
        use FindingField::*;
        match self {
            FindingKind::Late => &[
                (Person, Typed),
                (Arrived, Typed),
                (Expected, Typed),
                (MinutesLate, Typed),
            ],
            FindingKind::Absent => &[
                (Person, Typed),
                (Meeting, Typed),
                (Excuse, Typed),
                (Description, Typed),
            ],
            FindingKind::Early => &[
                (Person, Typed),
                (Left, Typed),
                (Expected, Typed),
                (MinutesEarly, Typed),
            ],
            FindingKind::Overdue => &[
                (Person, Typed),
                (FileRef, Typed),
                (Procedure, Typed),
                (Received, Typed),
                (Due, Typed),
                (Returned, Typed),
                (DaysOverdue, Computed),
                (WorkingDaysOverdue, Computed),
                (Apology, Typed),
                (NewDue, Typed),
                (DelayCause, Typed),
                (DelayStage, Typed),
                (Responsible, Typed),
                (Channel, Typed),
            ],
            FindingKind::Other => &[(Person, Typed), (Category, Typed), (Description, Typed)],
            FindingKind::Task => &[
                (Task, Typed),
                (Description, FromTask),
                (Due, FromTask),
                (DaysOverdue, Computed),
                (WorkingDaysOverdue, Computed),
            ],
        }
    }

    /// Where this kind's value of `field` comes from, or `None` when a
    /// finding of this kind does not hold that field.
    pub fn source_of(self, field: FindingField) -> Option<FieldSource> {
        self.fields()
            .iter()
            .find(|(held, _)| *held == field)
            .map(|(_, source)| *source)
    }

    /// The kinds that hold `field`.
    pub fn holding(field: FindingField) -> impl Iterator<Item = FindingKind> {
        FindingKind::ALL
            .iter()
            .copied()
            .filter(move |kind| kind.source_of(field).is_some())
    }
}

/// How long the period of a plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum PlanPer {
    Month,
    Quarter,
    Year,
}

/// What was done about a finding. The first four form the ladder that the
/// repeat report climbs; `reported` only carries the finding into the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Reminded,
    Criticised,
    Review,
    Discipline,
    Reported,
}

macro_rules! text_enum {
    ($ty:ident, $unknown:expr, $($variant:ident => $text:literal),+ $(,)?) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                let wanted = s.trim().to_lowercase();
                $ty::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| {
                        let names: Vec<_> = $ty::ALL.iter().map(|v| v.as_str()).collect();
                        let unknown: fn(&str, String) -> String = $unknown;
                        Error::input(unknown(s, names.join(", ")))
                    })
            }
        }
    };
}

// The refusal of an unknown name, given the name and the ones to choose from.
text_enum!(UnitKind, |value, names| t!("input-unknown-unit-kind", value = value, names = names),
    Commune => "commune", Ward => "ward", SpecialZone => "special-zone", Town => "town",
    Office => "office", Department => "department", Agency => "agency",
    ServiceCentre => "service-centre", ReceptionPoint => "reception-point",
    School => "school", Health => "health", Other => "other");
text_enum!(FindingKind, |value, names| t!("input-unknown-finding-kind", value = value, names = names),
    Late => "late", Absent => "absent", Overdue => "overdue", Other => "other", Task => "task",
    Early => "early");
text_enum!(Excuse, |value, names| t!("input-unknown-excuse", value = value, names = names),
    Leave => "leave", BusinessTrip => "business-trip", Sick => "sick", Other => "other");
text_enum!(DelayStage, |value, names| t!("input-unknown-delay-stage", value = value, names = names),
    Reception => "reception", Processing => "processing", Coordination => "coordination",
    Approval => "approval", Return => "return");
text_enum!(Channel, |value, names| t!("input-unknown-channel", value = value, names = names),
    Online => "online", Direct => "direct");
text_enum!(DisciplineForm, |value, names| t!("input-unknown-discipline-form", value = value, names = names),
    Reprimand => "reprimand", Warning => "warning", Removal => "removal", Dismissal => "dismissal");
text_enum!(PersonStatus, |value, names| t!("input-unknown-person-status", value = value, names = names),
    CivilServant => "civil-servant", PublicEmployee => "public-employee", Contract => "contract",
    PartTime => "part-time");
text_enum!(PlanPer, |value, names| t!("input-unknown-plan-period", value = value, names = names),
    Month => "month", Quarter => "quarter", Year => "year");
text_enum!(Action, |value, names| t!("input-unknown-action", value = value, names = names),
    Reminded => "reminded", Criticised => "criticised", Review => "review",
    Discipline => "discipline", Reported => "reported");

impl UnitKind {
    /// The catalogue key of the kind's name as people read it.
    pub fn name_key(self) -> &'static str {
        match self {
            UnitKind::Commune => "unit-kind-commune",
            UnitKind::Ward => "unit-kind-ward",
            UnitKind::SpecialZone => "unit-kind-special-zone",
            UnitKind::Town => "unit-kind-town",
            UnitKind::Office => "unit-kind-office",
            UnitKind::Department => "unit-kind-department",
            UnitKind::Agency => "unit-kind-agency",
            UnitKind::ServiceCentre => "unit-kind-service-centre",
            UnitKind::ReceptionPoint => "unit-kind-reception-point",
            UnitKind::School => "unit-kind-school",
            UnitKind::Health => "unit-kind-health",
            UnitKind::Other => "unit-kind-other",
        }
    }
}

// The catalogue key of the name people read for each word: the words
// themselves (`other`, `return`) mean other things elsewhere.

impl Excuse {
    pub fn name_key(self) -> &'static str {
        match self {
            Excuse::Leave => "excuse-leave",
            Excuse::BusinessTrip => "excuse-business-trip",
            Excuse::Sick => "excuse-sick",
            Excuse::Other => "excuse-other",
        }
    }
}

impl DelayStage {
    pub fn name_key(self) -> &'static str {
        match self {
            DelayStage::Reception => "stage-reception",
            DelayStage::Processing => "stage-processing",
            DelayStage::Coordination => "stage-coordination",
            DelayStage::Approval => "stage-approval",
            DelayStage::Return => "stage-return",
        }
    }
}

impl Channel {
    pub fn name_key(self) -> &'static str {
        match self {
            Channel::Online => "channel-online",
            Channel::Direct => "channel-direct",
        }
    }
}

impl DisciplineForm {
    pub fn name_key(self) -> &'static str {
        match self {
            DisciplineForm::Reprimand => "form-reprimand",
            DisciplineForm::Warning => "form-warning",
            DisciplineForm::Removal => "form-removal",
            DisciplineForm::Dismissal => "form-dismissal",
        }
    }
}

impl PersonStatus {
    pub fn name_key(self) -> &'static str {
        match self {
            PersonStatus::CivilServant => "status-civil-servant",
            PersonStatus::PublicEmployee => "status-public-employee",
            PersonStatus::Contract => "status-contract",
            PersonStatus::PartTime => "status-part-time",
        }
    }
}

impl Action {
    pub fn first_rung() -> Action {
        Action::Reminded
    }

    /// Height on the ladder: `reported` is below every rung.
    pub fn rung(self) -> i64 {
        match self {
            Action::Reported => 1,
            Action::Reminded => 2,
            Action::Criticised => 3,
            Action::Review => 4,
            Action::Discipline => 5,
        }
    }

    pub fn from_rung(rung: i64) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.rung() == rung)
    }

    /// The next rung of the ladder: what a repeat offence calls for after this
    /// action. With no action taken yet, that is [`Action::first_rung`].
    pub fn next_rung(self) -> Action {
        match self {
            // `reported` climbs no rung: the ladder starts at a reminder.
            Action::Reported => Action::Reminded,
            Action::Reminded => Action::Criticised,
            Action::Criticised => Action::Review,
            Action::Review | Action::Discipline => Action::Discipline,
        }
    }
}

/// A reporting month, named by the month in which it ends ("2022-05").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=12).contains(&month) && (1..=9999).contains(&year)).then_some(Month { year, month })
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The months of the plan period of this length that holds this month:
    /// quarters are January–March and so on, years January–December.
    pub fn plan_period(self, per: PlanPer) -> (Month, Month) {
        let (first, length) = match per {
            PlanPer::Month => (self.month, 1),
            PlanPer::Quarter => ((self.month - 1) / 3 * 3 + 1, 3),
            PlanPer::Year => (1, 12),
        };
        (
            Month {
                year: self.year,
                month: first,
            },
            Month {
                year: self.year,
                month: first + length - 1,
            },
        )
    }

    fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("month is valid")
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The dates one report covers. With `period_start_day` 1 this is a calendar
/// month; with 15, "2022-05" runs from 15/04/2022 to 14/05/2022.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub month: Month,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Period {
    pub fn of_month(month: Month, start_day: u32) -> Period {
        let start_day = start_day.clamp(1, 28);
        let first_of_month = month.first_day();
        let (first, last) = if start_day == 1 {
            let next = first_of_month + Months::new(1);
            (first_of_month, next.pred_opt().expect("date in range"))
        } else {
            let first = (first_of_month - Months::new(1))
                .with_day(start_day)
                .expect("day 2..=28 exists in every month");
            let last = first_of_month.with_day(start_day - 1).expect("day exists");
            (first, last)
        };
        Period { month, first, last }
    }

    /// The period that a date falls in.
    pub fn containing(date: NaiveDate, start_day: u32) -> Period {
        let start_day = start_day.clamp(1, 28);
        let mut month = Month {
            year: date.year(),
            month: date.month(),
        };
        if start_day > 1 && date.day() >= start_day {
            // Late December 9999 ends in a period named 10000-01: past
            // what anyone types, but still a range of real dates.
            month = month.next();
        }
        Period::of_month(month, start_day)
    }

    pub fn previous(&self, start_day: u32) -> Period {
        Period::of_month(self.month.previous(), start_day)
    }

    /// A period given by its two end dates, as `--from`/`--to` make.
    pub fn between(first: NaiveDate, last: NaiveDate) -> Period {
        Period {
            month: Month {
                year: last.year(),
                month: last.month(),
            },
            first,
            last,
        }
    }
}

/// Which months a longer report names: a quarter (1–4), a half year (1–2),
/// a year, or the months given by `--from` and `--to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Quarter(u32),
    Half(u32),
    Year,
    Months,
}

/// The reporting months from `first_month` to `last_month`, end to end: it
/// runs from the first day of the first month's period to the last day of
/// the last month's, so with `period_start_day` 15 the third quarter of 2026
/// is 15/06/2026 to 14/09/2026, exactly the periods of July, August and
/// September one after the other. The one rule every longer report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub kind: SpanKind,
    pub first_month: Month,
    pub last_month: Month,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Span {
    /// The months from `first_month` to `last_month`; `None` when the
    /// first comes after the last.
    pub fn of_months(
        kind: SpanKind,
        first_month: Month,
        last_month: Month,
        start_day: u32,
    ) -> Option<Span> {
        (first_month <= last_month).then(|| Span {
            kind,
            first_month,
            last_month,
            first: Period::of_month(first_month, start_day).first,
            last: Period::of_month(last_month, start_day).last,
        })
    }

    /// Quarter 1–4 of a year that [`Month::new`] accepts.
    pub fn quarter(year: i32, quarter: u32, start_day: u32) -> Option<Span> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let first = Month::new(year, quarter * 3 - 2)?;
        let last = Month::new(year, quarter * 3)?;
        Span::of_months(SpanKind::Quarter(quarter), first, last, start_day)
    }

    /// Half 1 (January–June) or 2 (July–December) of a year.
    pub fn half(year: i32, half: u32, start_day: u32) -> Option<Span> {
        if !(1..=2).contains(&half) {
            return None;
        }
        let first = Month::new(year, half * 6 - 5)?;
        let last = Month::new(year, half * 6)?;
        Span::of_months(SpanKind::Half(half), first, last, start_day)
    }

    pub fn year(year: i32, start_day: u32) -> Option<Span> {
        Span::of_months(
            SpanKind::Year,
            Month::new(year, 1)?,
            Month::new(year, 12)?,
            start_day,
        )
    }

    /// The quarter, half or year that holds a reporting month.
    pub fn holding(kind: SpanKind, month: Month, start_day: u32) -> Option<Span> {
        match kind {
            SpanKind::Quarter(_) => Span::quarter(month.year, month.month.div_ceil(3), start_day),
            SpanKind::Half(_) => Span::half(month.year, month.month.div_ceil(6), start_day),
            SpanKind::Year => Span::year(month.year, start_day),
            SpanKind::Months => Span::of_months(kind, month, month, start_day),
        }
    }

    /// The reporting months of the span, in order.
    pub fn months(&self, start_day: u32) -> Vec<Period> {
        let mut months = Vec::new();
        let mut month = self.first_month;
        while month <= self.last_month {
            months.push(Period::of_month(month, start_day));
            month = month.next();
        }
        months
    }

    /// The span of as many months just before this one: the quarter, half or
    /// year before. Its months need not be ones [`Month::new`] accepts (the
    /// year before year 1), as [`Period::previous`] does not either.
    pub fn previous(&self, start_day: u32) -> Span {
        let last_month = self.first_month.previous();
        let mut first_month = last_month;
        let mut month = self.first_month;
        while month < self.last_month {
            first_month = first_month.previous();
            month = month.next();
        }
        let kind = match self.kind {
            SpanKind::Quarter(_) => SpanKind::Quarter(first_month.month.div_ceil(3)),
            SpanKind::Half(_) => SpanKind::Half(first_month.month.div_ceil(6)),
            other => other,
        };
        Span {
            kind,
            first_month,
            last_month,
            first: Period::of_month(first_month, start_day).first,
            last: Period::of_month(last_month, start_day).last,
        }
    }

    /// The dates as a [`Period`] for the queries that read a range of days;
    /// it is named by its last month.
    pub fn dates(&self) -> Period {
        Period {
            month: self.last_month,
            first: self.first,
            last: self.last,
        }
    }

    /// The name scripts read: `2026-Q3`, `2026-H2`, `2026`, `2026-02..2026-05`.
    pub fn label(&self) -> String {
        let year = self.last_month.year;
        match self.kind {
            SpanKind::Quarter(q) => format!("{year:04}-Q{q}"),
            SpanKind::Half(h) => format!("{year:04}-H{h}"),
            SpanKind::Year => format!("{year:04}"),
            SpanKind::Months => format!("{}..{}", self.first_month, self.last_month),
        }
    }
}

/// The values a figure may take, the same whether it is typed or imported:
/// a record that can be typed can always be exported and imported again,
/// and a report's totals cannot be pushed to absurd sums.
pub mod limits {
    use std::ops::RangeInclusive;

    /// Minutes late: at most a whole day; later than that is an absence.
    pub const MINUTES_LATE: RangeInclusive<i64> = 1..=24 * 60;
    /// Days past a deadline, calendar or working: as many as lie between the
    /// first and the last date the calendar holds (01/01/0001 to
    /// 31/12/9999), so any promised date that can be typed gives a figure
    /// that exports and imports again.
    pub const DAYS_OVERDUE: RangeInclusive<i64> = 0..=3_652_058;
    /// Staff on a unit's roll, or present on a visit.
    pub const STAFF: RangeInclusive<i64> = 0..=100_000;
    /// Citizens' files checked at one visit.
    pub const FILES_CHECKED: RangeInclusive<i64> = 0..=1_000_000;
    /// Visits a plan asks for in one period.
    pub const PLANNED_VISITS: RangeInclusive<i64> = 0..=10_000;
    /// The bytes any text may hold (a name, a code, a note), after
    /// normalisation: what an import cell holds, less export's formula guard.
    pub const TEXT_BYTES: usize = 64 * 1024;
}

/// The kinds of record that travel between logbooks and spreadsheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Records {
    Findings,
    Visits,
    Units,
    People,
    Plans,
    Tasks,
}

impl Records {
    /// The name messages and file names use: `findings`, `visits`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Records::Findings => "findings",
            Records::Visits => "visits",
            Records::Units => "units",
            Records::People => "people",
            Records::Plans => "plans",
            Records::Tasks => "tasks",
        }
    }
}

/// The order of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FindingOrder {
    /// When the visit started
    #[default]
    Date,
    /// Unit code, then date
    Unit,
    /// Kind of finding, then date
    Kind,
}

/// What a trend counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Measure {
    Findings,
    Late,
    Absent,
    Overdue,
    Other,
    // Spelt like the report's columns; the hyphenated forms work too.
    #[value(name = "late_minutes", alias = "late-minutes")]
    LateMinutes,
    #[value(name = "overdue_working_days", alias = "overdue-working-days")]
    OverdueWorkingDays,
    Visits,
}

/// One value of a row read from the logbook, as SQLite holds it and before
/// anyone decides how it looks: the store reads rows into it, the renderer
/// writes it out, and neither needs to know the other. Text borrows from the
/// row just read where it is valid UTF-8, so an export of a million rows
/// copies none of it; a blob carries its bytes, whose only use is their length.
#[derive(Debug, Clone, PartialEq)]
pub enum Datum<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(Cow<'a, str>),
    Blob(&'a [u8]),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_quarter_is_its_three_months_end_to_end() {
        let q3 = Span::quarter(2026, 3, 15).unwrap();
        assert_eq!((q3.first, q3.last), (date(2026, 6, 15), date(2026, 9, 14)));
        let months = q3.months(15);
        assert_eq!(months.len(), 3);
        assert_eq!(months[0].first, q3.first);
        assert_eq!(months[2].last, q3.last);
        assert_eq!(months[1].first, months[0].last.succ_opt().unwrap());
        let calendar = Span::quarter(2026, 3, 1).unwrap();
        assert_eq!(
            (calendar.first, calendar.last),
            (date(2026, 7, 1), date(2026, 9, 30))
        );
        assert_eq!(Span::quarter(2026, 5, 1), None);
        assert_eq!(Span::half(2026, 3, 1), None);
        assert_eq!(Span::year(0, 1), None);
        assert_eq!(Span::year(10000, 1), None);
    }

    #[test]
    fn the_span_before_has_as_many_months() {
        let q1 = Span::quarter(2026, 1, 21).unwrap().previous(21);
        assert_eq!(q1.label(), "2025-Q4");
        assert_eq!((q1.first, q1.last), (date(2025, 9, 21), date(2025, 12, 20)));
        let h1 = Span::half(2026, 1, 1).unwrap().previous(1);
        assert_eq!(h1.label(), "2025-H2");
        assert_eq!((h1.first, h1.last), (date(2025, 7, 1), date(2025, 12, 31)));
        let y = Span::year(2026, 1).unwrap().previous(1);
        assert_eq!(
            (y.label(), y.first, y.last),
            ("2025".to_string(), date(2025, 1, 1), date(2025, 12, 31))
        );
        let m = Span::of_months(
            SpanKind::Months,
            Month::new(2026, 2).unwrap(),
            Month::new(2026, 5).unwrap(),
            1,
        )
        .unwrap();
        assert_eq!(m.label(), "2026-02..2026-05");
        let before = m.previous(1);
        assert_eq!(before.label(), "2025-10..2026-01");
        assert_eq!(before.months(1).len(), 4);
    }

    #[test]
    fn calendar_month_period() {
        let p = Period::of_month(Month::new(2024, 2).unwrap(), 1);
        assert_eq!((p.first, p.last), (date(2024, 2, 1), date(2024, 2, 29)));
    }

    #[test]
    fn fifteenth_to_fourteenth() {
        let p = Period::of_month(Month::new(2022, 5).unwrap(), 15);
        assert_eq!((p.first, p.last), (date(2022, 4, 15), date(2022, 5, 14)));
        let jan = Period::of_month(Month::new(2023, 1).unwrap(), 21);
        assert_eq!(
            (jan.first, jan.last),
            (date(2022, 12, 21), date(2023, 1, 20))
        );
    }

    #[test]
    fn date_falls_in_the_period_that_ends_after_it() {
        assert_eq!(
            Period::containing(date(2022, 5, 14), 15).month.to_string(),
            "2022-05"
        );
        assert_eq!(
            Period::containing(date(2022, 5, 15), 15).month.to_string(),
            "2022-06"
        );
        assert_eq!(
            Period::containing(date(2022, 12, 20), 15).month.to_string(),
            "2023-01"
        );
        assert_eq!(
            Period::containing(date(2022, 12, 20), 1).month.to_string(),
            "2022-12"
        );
    }

    #[test]
    fn each_kind_holds_its_own_figures() {
        use FindingField::*;
        assert_eq!(
            FindingKind::holding(MinutesLate).collect::<Vec<_>>(),
            [FindingKind::Late]
        );
        assert_eq!(
            FindingKind::holding(DaysOverdue).collect::<Vec<_>>(),
            [FindingKind::Overdue, FindingKind::Task]
        );
        assert_eq!(FindingKind::Task.source_of(Person), None);
        assert_eq!(
            FindingKind::Task.source_of(Description),
            Some(FieldSource::FromTask)
        );
    }

    #[test]
    fn days_overdue_limit_is_the_calendar_span() {
        let span = (date(9999, 12, 31) - date(1, 1, 1)).num_days();
        assert_eq!(*limits::DAYS_OVERDUE.end(), span);
    }

    #[test]
    fn ladder_climbs_and_stops_at_discipline() {
        assert_eq!(Action::Reminded.next_rung(), Action::Criticised);
        assert_eq!(Action::Review.next_rung(), Action::Discipline);
        assert_eq!(Action::Discipline.next_rung(), Action::Discipline);
    }
}
