//! "Now" and "today", fixed by `SPOTCHECK_NOW` so tests and demonstrations are
//! reproducible.

use chrono::{
    DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Timelike, Utc,
};

use crate::error::{Error, Result};

/// The environment variable that fixes the clock, as `2022-05-10T08:00:00`.
pub const NOW_ENV: &str = "SPOTCHECK_NOW";

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<NaiveDateTime>,
    /// Local time's offset from UTC; `None`: the system's time zone.
    zone: Option<FixedOffset>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock {
            fixed: None,
            zone: None,
        }
    }

    /// A clock stopped at a local date-time.
    pub fn fixed(at: NaiveDateTime) -> Clock {
        Clock {
            fixed: Some(at),
            zone: None,
        }
    }

    /// The same clock, with local time at `zone` rather than the system's.
    pub fn in_zone(self, zone: Option<FixedOffset>) -> Clock {
        Clock { zone, ..self }
    }

    /// The system clock, unless `now` (what `SPOTCHECK_NOW` holds) gives a
    /// local date-time; local time is at `zone`, or the system's when `None`.
    pub fn from_setting(now: Option<&str>, zone: Option<FixedOffset>) -> Result<Clock> {
        match now {
            Some(text) if !text.trim().is_empty() => {
                let text = text.trim();
                let at = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
                    .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
                    .map_err(|_| {
                        Error::input(t!("input-clock-invalid", name = NOW_ENV, value = text))
                    })?;
                // Every command counts months and days from today, and
                // stamps records in UTC, which must be in the calendar too
                // (late on 31/12/9999 west of Greenwich is in the year 10000).
                let clock = Clock::fixed(at).in_zone(zone);
                if !crate::input::in_calendar(at.date())
                    || !crate::input::in_calendar(clock.utc().date_naive())
                {
                    return Err(Error::input(t!(
                        "main-clock-out-of-calendar",
                        name = NOW_ENV,
                        value = text
                    )));
                }
                Ok(clock)
            }
            _ => Ok(Clock::system().in_zone(zone)),
        }
    }

    /// Local wall-clock time, to the minute: inspections are logged in local time.
    pub fn now(&self) -> NaiveDateTime {
        let now = self.fixed.unwrap_or_else(|| match self.zone {
            Some(zone) => Utc::now().with_timezone(&zone).naive_local(),
            None => Local::now().naive_local(),
        });
        now.with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(now)
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// The current instant in UTC, for creation and edit stamps.
    pub fn utc(&self) -> DateTime<Utc> {
        match self.fixed {
            Some(local) => {
                let utc = match self.zone {
                    Some(zone) => to_utc(&zone, &local),
                    None => to_utc(&Local, &local),
                };
                utc.unwrap_or_else(|| Utc.from_utc_datetime(&local))
            }
            None => Utc::now(),
        }
    }

    /// The UTC stamp as stored: RFC 3339 with milliseconds and `Z`.
    /// A moment stamped in UTC as the local time it was here, in the zone
    /// the clock counts in.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self.zone {
            Some(zone) => at.with_timezone(&zone).naive_local(),
            None => at.with_timezone(&Local).naive_local(),
        }
    }

    pub fn stamp(&self) -> String {
        self.utc().to_rfc3339_opts(SecondsFormat::Millis, true)
    }
}

/// The instant a local date-time is at in `zone`: the earlier one when the
/// clocks went back, none when they skipped it.
fn to_utc<Zone: TimeZone>(zone: &Zone, local: &NaiveDateTime) -> Option<DateTime<Utc>> {
    zone.from_local_datetime(local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}
