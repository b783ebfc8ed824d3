//! The working calendar of the civil service: the 40-hour week, the public
//! holidays and the days off and make-up working days announced each year,
//! and a unit's own week. The rules in [`crate::rules`] count working days
//! with it; the config file extends or replaces the announced days.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

/// One year's announced days: the days off that fall on working days
/// (holidays, Tết, days given in exchange) and the weekend days worked in
/// exchange, as (month, day).
struct Announced {
    year: i32,
    days_off: &'static [(u32, u32)],
    working: &'static [(u32, u32)],
}

/// The days announced for the civil service (Labour Code 2019, art. 112, and
/// the yearly notices of the Ministry of Home Affairs; see the
/// configuration guide for each source). Only days that change a working
/// day are listed: a holiday on a weekend is already a day off.
const ANNOUNCED: &[Announced] = &[
    Announced {
        year: 2025,
        days_off: &[
            // New Year's Day.
            (1, 1),
            // Tết, Saturday 25/01 to Sunday 02/02.
            (1, 27),
            (1, 28),
            (1, 29),
            (1, 30),
            (1, 31),
            // Hùng Kings' Commemoration Day (10th day of the 3rd lunar month).
            (4, 7),
            // Reunification Day and Labour Day, and Friday 02/05 in
            // exchange for Saturday 26/04.
            (4, 30),
            (5, 1),
            (5, 2),
            // National Day and the day before it.
            (9, 1),
            (9, 2),
        ],
        working: &[(4, 26)],
    },
    Announced {
        year: 2026,
        days_off: &[
            // New Year's Day, and Friday 02/01 in exchange for Saturday 10/01.
            (1, 1),
            (1, 2),
            // Tết, Saturday 14/02 to Sunday 22/02.
            (2, 16),
            (2, 17),
            (2, 18),
            (2, 19),
            (2, 20),
            // Hùng Kings' Commemoration Day falls on Sunday 26/04: Monday off.
            (4, 27),
            // Reunification Day and Labour Day.
            (4, 30),
            (5, 1),
            // National Day and the day before it, and Monday 31/08 in
            // exchange for Saturday 22/08 (off 29/08 to 02/09).
            (8, 31),
            (9, 1),
            (9, 2),
        ],
        working: &[(1, 10), (8, 22)],
    },
];

/// The years whose days are built in.
pub fn announced_years() -> impl Iterator<Item = i32> {
    ANNOUNCED.iter().map(|a| a.year)
}

/// The days that break the working week: days off on working days, and
/// weekend days worked in exchange for one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Days {
    pub off: BTreeSet<NaiveDate>,
    pub working: BTreeSet<NaiveDate>,
}

impl Days {
    /// The announced days of every built-in year but those in `replaced`.
    pub fn announced(replaced: &BTreeSet<i32>) -> Days {
        let mut days = Days::default();
        for year in ANNOUNCED.iter().filter(|a| !replaced.contains(&a.year)) {
            let date = |&(month, day): &(u32, u32)| NaiveDate::from_ymd_opt(year.year, month, day);
            days.off.extend(year.days_off.iter().filter_map(date));
            days.working.extend(year.working.iter().filter_map(date));
        }
        days
    }
}

/// When a unit is open on a day of its week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Session {
    Closed,
    Morning,
    Afternoon,
    Full,
}

/// The days a unit works: Monday to Friday unless it keeps another week,
/// such as a one-stop desk that also receives on Saturday mornings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week([Session; 7]);

/// Why a typed week was refused: the part that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadWeek(pub String);

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Default for Week {
    /// The 40-hour week of Decision 188/1999/QĐ-TTg: Monday to Friday.
    fn default() -> Self {
        use Session::{Closed, Full};
        Week([Full, Full, Full, Full, Full, Closed, Closed])
    }
}

impl Week {
    /// When the unit is open on that day of the week.
    pub fn session(&self, day: Weekday) -> Session {
        // `num_days_from_monday` is 0 to 6, the length of the array.
        self.0
            .get(day.num_days_from_monday() as usize)
            .copied()
            .unwrap_or(Session::Closed)
    }

    /// Whether the unit is open at all on that day of the week: a half day
    /// counts as a working day.
    pub fn works(&self, day: Weekday) -> bool {
        self.session(day) != Session::Closed
    }

    /// A week as typed: days or ranges of days, each with `:am` or `:pm`
    /// when only that half of the day is worked, separated by commas or
    /// spaces: `mon-fri,sat:am`. Days are `mon` to `sun`, or `t2` to `t7`
    /// and `cn`; halves may also be `sáng` and `chiều`.
    pub fn parse(text: &str) -> Result<Week, BadWeek> {
        let mut week = [Session::Closed; 7];
        let mut any = false;
        for part in text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|p| !p.is_empty())
        {
            let bad = || BadWeek(part.to_string());
            let lower = crate::fold::fold(part);
            let (days, session) = match lower.split_once(':') {
                Some((days, "am" | "sang")) => (days, Session::Morning),
                Some((days, "pm" | "chieu")) => (days, Session::Afternoon),
                Some(_) => return Err(bad()),
                None => (lower.as_str(), Session::Full),
            };
            let (first, last) = match days.split_once('-') {
                Some((first, last)) => (day_index(first), day_index(last)),
                None => (day_index(days), day_index(days)),
            };
            let (Some(first), Some(last)) = (first, last) else {
                return Err(bad());
            };
            if first > last {
                return Err(bad());
            }
            for slot in week.iter_mut().take(last + 1).skip(first) {
                *slot = session;
            }
            any = true;
        }
        if !any || week.iter().all(|s| *s == Session::Closed) {
            return Err(BadWeek(text.trim().to_string()));
        }
        Ok(Week(week))
    }
}

/// 0 for Monday to 6 for Sunday, from `mon` … `sun` or `t2` … `t7`, `cn`.
fn day_index(name: &str) -> Option<usize> {
    DAY_NAMES.iter().position(|d| *d == name).or(match name {
        "t2" => Some(0),
        "t3" => Some(1),
        "t4" => Some(2),
        "t5" => Some(3),
        "t6" => Some(4),
        "t7" => Some(5),
        "cn" => Some(6),
        _ => None,
    })
}

impl fmt::Display for Week {
    /// The shortest form `parse` reads back: runs of days kept the same way
    /// become ranges, as in `mon-fri,sat:am`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        let mut day = 0;
        while let Some(&session) = self.0.get(day) {
            let mut last = day;
            while self.0.get(last + 1) == Some(&session) {
                last += 1;
            }
            if session != Session::Closed {
                let first_name = DAY_NAMES.get(day).copied().unwrap_or("?");
                let last_name = DAY_NAMES.get(last).copied().unwrap_or("?");
                let days = if last == day {
                    first_name.to_string()
                } else {
                    format!("{first_name}-{last_name}")
                };
                parts.push(match session {
                    Session::Morning => format!("{days}:am"),
                    Session::Afternoon => format!("{days}:pm"),
                    _ => days,
                });
            }
            day = last + 1;
        }
        f.write_str(&parts.join(","))
    }
}

/// Whether `date` is a working day in `week`, given the announced days: a
/// day off is off whatever the week, and a make-up day is worked.
pub fn is_working_day(days: &Days, week: Week, date: NaiveDate) -> bool {
    if days.off.contains(&date) {
        return false;
    }
    days.working.contains(&date) || week.works(date.weekday())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_announced_days_of_2026_swap_friday_2_january_for_saturday_10_january() {
        let days = Days::announced(&BTreeSet::new());
        let week = Week::default();
        assert!(!is_working_day(&days, week, date(2026, 1, 2)));
        assert!(is_working_day(&days, week, date(2026, 1, 10)));
        assert!(!is_working_day(&days, week, date(2026, 1, 11)));
        assert!(is_working_day(&days, week, date(2026, 1, 9)));
        let without_2026 = Days::announced(&BTreeSet::from([2026]));
        assert!(is_working_day(&without_2026, week, date(2026, 1, 2)));
        assert!(!is_working_day(&without_2026, week, date(2026, 1, 10)));
        assert!(!is_working_day(&without_2026, week, date(2025, 1, 1)));
    }

    #[test]
    fn national_day_2026_joins_a_weekend_by_swapping_monday_31_august_for_saturday_22_august() {
        let days = Days::announced(&BTreeSet::new());
        let week = Week::default();
        for day in [31, 29, 30] {
            assert!(!is_working_day(&days, week, date(2026, 8, day)));
        }
        assert!(!is_working_day(&days, week, date(2026, 9, 1)));
        assert!(!is_working_day(&days, week, date(2026, 9, 2)));
        assert!(is_working_day(&days, week, date(2026, 9, 3)));
        assert!(is_working_day(&days, week, date(2026, 8, 22)));
        assert!(is_working_day(&days, week, date(2026, 8, 28)));
    }

    #[test]
    fn every_announced_day_is_a_real_date_and_changes_the_week() {
        for year in ANNOUNCED {
            for &(month, day) in year.days_off {
                let d = NaiveDate::from_ymd_opt(year.year, month, day).unwrap();
                assert!(Week::default().works(d.weekday()), "{d} is a weekend");
            }
            for &(month, day) in year.working {
                let d = NaiveDate::from_ymd_opt(year.year, month, day).unwrap();
                assert!(!Week::default().works(d.weekday()), "{d} is a weekday");
            }
        }
    }

    #[test]
    fn a_week_reads_back_as_written() {
        for text in [
            "mon-fri",
            "mon-fri,sat:am",
            "mon-wed,fri:pm",
            "sun",
            "mon-sun",
        ] {
            assert_eq!(Week::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(
            Week::parse("T2-T6 T7:sáng").unwrap().to_string(),
            "mon-fri,sat:am"
        );
        assert_eq!(Week::parse("mon-fri").unwrap(), Week::default());
        for bad in [
            "",
            "  ",
            "fri-mon",
            "mon-fry",
            "sat:noon",
            "mon-",
            ":am",
            "sat:am:pm",
        ] {
            assert!(Week::parse(bad).is_err(), "{bad:?} was taken");
        }
    }

    #[test]
    fn a_half_day_is_a_working_day() {
        let days = Days::default();
        let week = Week::parse("mon-fri,sat:am").unwrap();
        assert!(is_working_day(&days, week, date(2026, 3, 7)));
        assert!(!is_working_day(&days, week, date(2026, 3, 8)));
        assert_eq!(week.session(Weekday::Sat), Session::Morning);
    }
}
