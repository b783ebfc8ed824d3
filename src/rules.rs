//! The rules that turn what an inspector saw into a finding's figures, each
//! defined once: minutes late against the unit's start for that half day,
//! days a file is overdue (calendar and working), how late an assigned task
//! is, and a file received no later than it was promised. Logging, `edit`,
//! import and guided entry all call these; they take a calendar, never a
//! command's context, and say what is wrong as a [`Broken`] rule that each
//! caller words for where the values came from (flags or columns).

use chrono::{NaiveDate, NaiveTime};

use crate::calendar::{self, Days, Week};
use crate::config::{Hours, Season, Summer};
use crate::model::{Excuse, FindingField, FindingKind};
use crate::store::findings::{Decision, NewFinding};

/// The calendar the rules count in: office hours (with the seasons'
/// timetables) and the working days, as the config sets them, for a unit
/// that works `week`.
#[derive(Debug, Clone, Copy)]
pub struct Calendar<'a> {
    pub hours: Hours,
    /// A timetable that comes back every year.
    pub summer: Option<Summer>,
    /// Timetables of given dates, as provinces announce them each year;
    /// they win over `summer`.
    pub seasons: &'a [Season],
    pub days: &'a Days,
    /// The working week of the unit counted for.
    pub week: Week,
}

/// A unit's own start times, where it keeps other hours than the config's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitHours {
    pub morning: Option<NaiveTime>,
    pub afternoon: Option<NaiveTime>,
    /// Its own starts move with the seasons: by as much as the configured
    /// start moves from the usual hours on the day.
    pub follows_seasons: bool,
}

impl Calendar<'_> {
    /// The configured office hours on `date`: a dated season's, else the
    /// summer ones in summer, else the usual ones.
    pub fn hours_on(&self, date: NaiveDate) -> Hours {
        if let Some(season) = self.seasons.iter().find(|s| s.covers(date)) {
            return season.hours;
        }
        match &self.summer {
            Some(summer) if summer.covers(date) => summer.hours,
            _ => self.hours,
        }
    }

    /// The same calendar, counted for a unit that works `week`.
    pub fn for_week(self, week: Week) -> Self {
        Calendar { week, ..self }
    }

    /// The same calendar, counted for a unit that keeps its own week, or
    /// none (`None`: Monday to Friday). Working days of findings at a unit
    /// are counted in the unit's week.
    pub fn for_unit(self, week: Option<Week>) -> Self {
        self.for_week(week.unwrap_or_default())
    }

    /// When the morning and the afternoon start at a unit on `date`: its
    /// own start times (moved with the season when it follows them), else
    /// those configured for that date.
    pub fn office_hours(&self, own: UnitHours, date: NaiveDate) -> (NaiveTime, NaiveTime) {
        let hours = self.hours_on(date);
        let start = |own_start: Option<NaiveTime>, usual: NaiveTime, configured: NaiveTime| {
            match own_start {
                None => configured,
                Some(start) if own.follows_seasons => {
                    // A shift past midnight is no office hour: the unit's
                    // own start stands.
                    let (moved, wrapped) = start.overflowing_add_signed(configured - usual);
                    if wrapped == 0 { moved } else { start }
                }
                Some(start) => start,
            }
        };
        (
            start(own.morning, self.hours.morning, hours.morning),
            start(own.afternoon, self.hours.afternoon, hours.afternoon),
        )
    }

    /// A day of the unit's week that is not a day off, or a weekend day
    /// worked in exchange for one.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        calendar::is_working_day(self.days, self.week, date)
    }
}

/// A rule the values given break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// The arrival was not after the start.
    NotLate {
        arrived: NaiveTime,
        expected: NaiveTime,
    },
    /// A file cannot be received after the date promised for it.
    ReceivedAfterDue { received: NaiveDate, due: NaiveDate },
    /// The file was returned, or checked, no later than promised.
    NotOverdue {
        due: NaiveDate,
        as_of: NaiveDate,
        returned: bool,
    },
    /// The departure was not before the end of the session.
    NotEarly { left: NaiveTime, end: NaiveTime },
    /// On the day, the task was not yet past its deadline.
    TaskNotDue { due: NaiveDate, day: NaiveDate },
}

/// A late arrival on `date`: the start it counts from (the one given, else
/// the unit's start for that half day) and the whole minutes after it.
pub fn lateness(
    calendar: Calendar<'_>,
    own: UnitHours,
    date: NaiveDate,
    arrived: NaiveTime,
    expected: Option<NaiveTime>,
) -> Result<(NaiveTime, i64), Broken> {
    let expected = expected.unwrap_or_else(|| {
        let (morning, afternoon) = calendar.office_hours(own, date);
        half_day_start(arrived, morning, afternoon)
    });
    minutes_late(arrived, expected)
        .map(|minutes| (expected, minutes))
        .ok_or(Broken::NotLate { arrived, expected })
}

/// A departure before the end of the session on `date`: the end it counts
/// to (the one given, else the configured end of the half day it falls in)
/// and the whole minutes before it. A departure before the afternoon starts
/// belongs to the morning session.
pub fn leaving_early(
    calendar: Calendar<'_>,
    own: UnitHours,
    date: NaiveDate,
    left: NaiveTime,
    end: Option<NaiveTime>,
) -> Result<(NaiveTime, i64), Broken> {
    let end = end.unwrap_or_else(|| {
        let hours = calendar.hours_on(date);
        let (_, afternoon) = calendar.office_hours(own, date);
        if left < afternoon {
            hours.morning_end
        } else {
            hours.afternoon_end
        }
    });
    let minutes = (end - left).num_minutes();
    if minutes > 0 {
        Ok((end, minutes))
    } else {
        Err(Broken::NotEarly { left, end })
    }
}

/// The days a proposed discipline may wait for its decision, counted from
/// the day the breach was found: 90, or 150 in a complex case (Law on
/// Cadres and Civil Servants No. 80/2025/QH15; Decree 172/2025/NĐ-CP, both
/// in force since 1 July 2025).
pub fn decision_days(complex: bool) -> i64 {
    if complex { 150 } else { 90 }
}

/// The last day a decision on a discipline proposed for a breach found on
/// `found` may be taken.
pub fn decision_due(found: NaiveDate, complex: bool) -> NaiveDate {
    found + chrono::TimeDelta::days(decision_days(complex))
}

/// Fields of one finding that contradict each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disagreement {
    /// A form of discipline decided on no day: a decision is taken on a
    /// day (the day alone is a case closed without discipline).
    FormWithoutDay,
    /// An apology's new appointment before the apology that gives it: a
    /// typing mistake.
    NewDueBeforeApology {
        apology: NaiveDate,
        new_due: NaiveDate,
    },
    /// An absence excused for another reason that does not say which.
    OtherExcuseWithoutReason,
    /// The outcome of a discipline on a finding about no person (a task
    /// found unfinished concerns a unit).
    DecisionWithoutPerson,
}

/// Whether a finding's fields agree among themselves. Every way a finding
/// is written (logged, edited, imported, merged, a conflict settled) keeps
/// to this, each saying it in its own words.
pub fn finding_agrees(finding: &NewFinding) -> Result<(), Disagreement> {
    let decision = &finding.decision;
    if *decision != Decision::default() && finding.kind.source_of(FindingField::Person).is_none() {
        return Err(Disagreement::DecisionWithoutPerson);
    }
    if decision.form.is_some() && decision.decided_on.is_none() {
        return Err(Disagreement::FormWithoutDay);
    }
    if let (Some(apology), Some(new_due)) = (finding.apology_on, finding.new_due_on)
        && new_due < apology
    {
        return Err(Disagreement::NewDueBeforeApology { apology, new_due });
    }
    if finding.kind == FindingKind::Absent
        && finding.excuse == Some(Excuse::Other)
        && finding.description.is_none()
    {
        return Err(Disagreement::OtherExcuseWithoutReason);
    }
    Ok(())
}

/// The share of the files checked that were found overdue, in per cent;
/// none when no file was counted.
pub fn overdue_rate(overdue: i64, checked: i64) -> Option<f64> {
    (checked > 0).then(|| overdue as f64 * 100.0 / checked as f64)
}

/// Calendar and working days a file is overdue: as of its return, or of the
/// visit when it was not yet returned.
pub fn file_overdue(
    calendar: Calendar<'_>,
    due: NaiveDate,
    received: Option<NaiveDate>,
    returned: Option<NaiveDate>,
    visit_date: NaiveDate,
) -> Result<(i64, i64), Broken> {
    if let Some(received) = received.filter(|received| *received > due) {
        return Err(Broken::ReceivedAfterDue { received, due });
    }
    let as_of = returned.unwrap_or(visit_date);
    days_overdue(due, as_of, |d| calendar.is_working_day(d)).ok_or(Broken::NotOverdue {
        due,
        as_of,
        returned: returned.is_some(),
    })
}

/// Calendar and working days an assigned task is past its deadline at the
/// end of `day`.
pub fn task_late(
    calendar: Calendar<'_>,
    due: NaiveDate,
    day: NaiveDate,
) -> Result<(i64, i64), Broken> {
    days_overdue(due, day, |d| calendar.is_working_day(d)).ok_or(Broken::TaskNotDue { due, day })
}

/// Arrivals before noon count against the morning start, later ones against
/// the afternoon start.
pub fn half_day_start(arrived: NaiveTime, morning: NaiveTime, afternoon: NaiveTime) -> NaiveTime {
    if arrived < NaiveTime::MIN + chrono::TimeDelta::hours(12) {
        morning
    } else {
        afternoon
    }
}

/// Whole minutes after the expected start, or `None` when the person was on time.
pub fn minutes_late(arrived: NaiveTime, expected: NaiveTime) -> Option<i64> {
    let minutes = (arrived - expected).num_minutes();
    (minutes > 0).then_some(minutes)
}

/// Days a file is overdue: the days after the promised date up to and
/// including `as_of`, counted in calendar days and in working days.
/// `None` when `as_of` is not after the promised date.
pub fn days_overdue(
    due: NaiveDate,
    as_of: NaiveDate,
    is_working_day: impl Fn(NaiveDate) -> bool,
) -> Option<(i64, i64)> {
    let calendar = (as_of - due).num_days();
    if calendar <= 0 {
        return None;
    }
    let working = due
        .iter_days()
        .skip(1)
        .take_while(|day| *day <= as_of)
        .filter(|day| is_working_day(*day))
        .count() as i64;
    Some((calendar, working))
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    /// Office hours from 07:30, 07:00 from May to September; `days` off.
    fn calendar(days: &Days) -> Calendar<'_> {
        Calendar {
            hours: Hours::default(),
            summer: Some(Summer {
                from: (5, 1),
                to: (9, 30),
                hours: Hours {
                    morning: time(7, 0),
                    ..Hours::default()
                },
            }),
            seasons: &[],
            days,
            week: Week::default(),
        }
    }

    fn days_off(off: &[NaiveDate]) -> Days {
        Days {
            off: off.iter().copied().collect(),
            working: Default::default(),
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn overdue_counts_working_days_after_the_promise() {
        let weekday = |d: NaiveDate| d.weekday().num_days_from_monday() < 5;
        // Promised Thursday 05/05/2022, checked Tuesday 10/05/2022.
        assert_eq!(
            days_overdue(date(2022, 5, 5), date(2022, 5, 10), weekday),
            Some((5, 3))
        );
        assert_eq!(
            days_overdue(date(2022, 5, 5), date(2022, 5, 5), weekday),
            None
        );
    }

    #[test]
    fn afternoon_arrivals_count_from_the_afternoon_start() {
        assert_eq!(
            half_day_start(time(11, 59), time(7, 30), time(13, 30)),
            time(7, 30)
        );
        assert_eq!(
            half_day_start(time(13, 45), time(7, 30), time(13, 30)),
            time(13, 30)
        );
        assert_eq!(minutes_late(time(8, 5), time(7, 30)), Some(35));
        assert_eq!(minutes_late(time(7, 30), time(7, 30)), None);
    }

    #[test]
    fn a_unit_keeps_its_own_hours_and_the_summer_timetable_applies_to_the_rest() {
        let days = days_off(&[]);
        let calendar = calendar(&days);
        let may = date(2022, 5, 10);
        assert_eq!(
            lateness(calendar, UnitHours::default(), may, time(7, 35), None),
            Ok((time(7, 0), 35))
        );
        let own = UnitHours {
            morning: Some(time(7, 30)),
            ..UnitHours::default()
        };
        assert_eq!(
            lateness(calendar, own, may, time(7, 35), None),
            Ok((time(7, 30), 5))
        );
        assert_eq!(
            lateness(calendar, own, may, time(7, 20), None),
            Err(Broken::NotLate {
                arrived: time(7, 20),
                expected: time(7, 30)
            })
        );
    }

    #[test]
    fn a_file_is_received_no_later_than_promised() {
        let days = days_off(&[date(2022, 5, 2)]);
        let calendar = calendar(&days);
        let (due, visit) = (date(2022, 5, 2), date(2022, 5, 10));
        assert_eq!(
            file_overdue(calendar, due, Some(date(2022, 5, 3)), None, visit),
            Err(Broken::ReceivedAfterDue {
                received: date(2022, 5, 3),
                due
            })
        );
        assert_eq!(
            file_overdue(calendar, due, Some(date(2022, 4, 20)), None, visit),
            Ok((8, 6))
        );
        assert_eq!(
            file_overdue(calendar, due, None, Some(date(2022, 5, 2)), visit),
            Err(Broken::NotOverdue {
                due,
                as_of: date(2022, 5, 2),
                returned: true
            })
        );
    }

    #[test]
    fn a_saturday_worked_in_exchange_counts_as_a_working_day() {
        let announced = Days::announced(&Default::default());
        let in_2026 = calendar(&announced);
        // Promised Friday 09/01/2026, returned Monday 12/01/2026: Saturday
        // 10/01 was worked in exchange for Friday 02/01.
        let (due, returned) = (date(2026, 1, 9), date(2026, 1, 12));
        assert_eq!(
            file_overdue(in_2026, due, None, Some(returned), returned),
            Ok((3, 2))
        );
        // Promised Friday 06/03/2026, returned Monday 09/03/2026.
        let (due, returned) = (date(2026, 3, 6), date(2026, 3, 9));
        assert_eq!(
            file_overdue(in_2026, due, None, Some(returned), returned),
            Ok((3, 1))
        );
        let mut make_up = announced.clone();
        make_up.working.insert(date(2026, 3, 7));
        assert_eq!(
            file_overdue(calendar(&make_up), due, None, Some(returned), returned),
            Ok((3, 2))
        );
        // A one-stop desk open on Saturday mornings counts its Saturdays.
        let desk = in_2026.for_week(Week::parse("mon-fri,sat:am").unwrap());
        assert_eq!(
            file_overdue(desk, due, None, Some(returned), returned),
            Ok((3, 2))
        );
    }

    #[test]
    fn a_dated_season_wins_over_the_yearly_summer() {
        let days = days_off(&[]);
        let seasons = [Season {
            from: date(2026, 4, 15),
            to: date(2026, 10, 14),
            hours: Hours {
                morning: time(7, 15),
                ..Hours::default()
            },
        }];
        let calendar = Calendar {
            seasons: &seasons,
            ..calendar(&days)
        };
        assert_eq!(calendar.hours_on(date(2026, 4, 20)).morning, time(7, 15));
        // The yearly summer still holds on the days no season covers.
        assert_eq!(calendar.hours_on(date(2026, 10, 20)).morning, time(7, 30));
        assert_eq!(calendar.hours_on(date(2025, 5, 20)).morning, time(7, 0));
    }

    #[test]
    fn a_unit_following_the_seasons_moves_its_own_start_with_them() {
        let days = days_off(&[]);
        let calendar = calendar(&days);
        // Its own 07:15 is 15 minutes before the usual 07:30; the summer
        // starts at 07:00, so it starts at 06:45 then.
        let own = UnitHours {
            morning: Some(time(7, 15)),
            afternoon: None,
            follows_seasons: true,
        };
        let (may, march) = (date(2022, 5, 10), date(2022, 3, 10));
        assert_eq!(calendar.office_hours(own, may), (time(6, 45), time(13, 30)));
        assert_eq!(
            calendar.office_hours(own, march),
            (time(7, 15), time(13, 30))
        );
        assert_eq!(
            lateness(calendar, own, may, time(7, 0), None),
            Ok((time(6, 45), 15))
        );
        // Not following them, it keeps 07:15 in summer too.
        let fixed = UnitHours {
            follows_seasons: false,
            ..own
        };
        assert_eq!(
            calendar.office_hours(fixed, may),
            (time(7, 15), time(13, 30))
        );
        // A move that would cross midnight leaves its own start as it is.
        let early = UnitHours {
            morning: Some(time(0, 10)),
            ..own
        };
        assert_eq!(calendar.office_hours(early, may).0, time(0, 10));
    }

    #[test]
    fn a_finding_s_fields_agree_or_say_what_contradicts() {
        use crate::model::DisciplineForm;
        let mut late = NewFinding::new(1, FindingKind::Late);
        assert_eq!(finding_agrees(&late), Ok(()));
        late.decision.form = Some(DisciplineForm::Reprimand);
        assert_eq!(finding_agrees(&late), Err(Disagreement::FormWithoutDay));
        late.decision.decided_on = Some(date(2026, 5, 9));
        assert_eq!(finding_agrees(&late), Ok(()));
        // A day alone is a case closed without discipline.
        late.decision.form = None;
        assert_eq!(finding_agrees(&late), Ok(()));

        let mut task = NewFinding::new(1, FindingKind::Task);
        task.decision.complex = true;
        assert_eq!(
            finding_agrees(&task),
            Err(Disagreement::DecisionWithoutPerson)
        );

        let mut file = NewFinding::new(1, FindingKind::Overdue);
        file.apology_on = Some(date(2026, 5, 6));
        file.new_due_on = Some(date(2026, 5, 6));
        assert_eq!(finding_agrees(&file), Ok(()));
        file.new_due_on = Some(date(2026, 5, 5));
        assert_eq!(
            finding_agrees(&file),
            Err(Disagreement::NewDueBeforeApology {
                apology: date(2026, 5, 6),
                new_due: date(2026, 5, 5)
            })
        );

        let mut absence = NewFinding::new(1, FindingKind::Absent);
        absence.excuse = Some(Excuse::Other);
        assert_eq!(
            finding_agrees(&absence),
            Err(Disagreement::OtherExcuseWithoutReason)
        );
        absence.description = Some("họp thôn".into());
        assert_eq!(finding_agrees(&absence), Ok(()));
        absence.excuse = Some(Excuse::Sick);
        absence.description = None;
        assert_eq!(finding_agrees(&absence), Ok(()));
    }
}
