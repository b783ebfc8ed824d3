//! Parsing what people type: dates, times, date-times, reporting months,
//! recurring days of the year and record ids, with messages that say what to
//! type instead.

use std::ops::RangeInclusive;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::error::{Error, Result};
use crate::fold::fold;
use crate::model::{Month, Period, Span, SpanKind};

/// Fewer digits than this are a record number; this many or more may also be
/// the start of a uid.
const UID_PREFIX_MIN_LEN: usize = 8;

/// A date: `2022-05-10`, `10/05/2022`, `10/5/2022` or `10-05-2022` (day
/// first, always), `10/5` (this year), `today` or `yesterday`.
pub fn parse_date(s: &str, today: NaiveDate) -> Result<NaiveDate> {
    let s = s.trim();
    try_date(s, today).unwrap_or_else(|| Err(Error::input(t!("input-date-invalid", value = s))))
}

/// Whether a day is one spotcheck can store: years 0001 to 9999, whose
/// dates sort as text.
pub fn in_calendar(day: NaiveDate) -> bool {
    (1..=9999).contains(&chrono::Datelike::year(&day))
}

/// A time of day: `07:45`, `7:45`, `7h45`, `7H45` or `7h`.
pub fn parse_time(s: &str) -> Result<NaiveTime> {
    let s = s.trim();
    try_time(s).unwrap_or_else(|| Err(Error::input(t!("input-time-invalid", value = s))))
}

/// A unit's working week: days or ranges of days, each with `:am` or `:pm`
/// for half a day, as `mon-fri,sat:am` (see [`crate::calendar::Week::parse`]).
pub fn parse_week(s: &str) -> Result<crate::calendar::Week> {
    crate::calendar::Week::parse(s).map_err(|bad| {
        Error::input(t!(
            "input-week-invalid",
            value = s.trim(),
            part = bad.0.as_str()
        ))
    })
}

/// A local date and time: `now`, a time alone (meaning today), or a date then a
/// time separated by a space or `T` (`10/05/2022 7h45`, `2022-05-10T07:45`,
/// `6/10 7:05`, `yesterday 14h`, `hôm qua 7 giờ 30`).
pub fn parse_datetime(s: &str, now: NaiveDateTime) -> Result<NaiveDateTime> {
    let s = s.trim();
    let today = now.date();
    if matches!(fold(s).as_str(), "now" | "bay gio") {
        return Ok(now);
    }
    if let Some(time) = try_time(s) {
        return Ok(today.and_time(time?));
    }
    if let Some(date) = try_date(s, today) {
        // An impossible date is the bigger mistake, so it is the one reported.
        date?;
        return Err(Error::input(t!("input-datetime-no-time", value = s)));
    }
    // The date is what comes before a space (`hôm qua 7 giờ 30` has its
    // own), or before the `T` of `2022-05-10T07:45`.
    let at_spaces = s
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, _)| (&s[..i], &s[i..]));
    let (date, time) = at_spaces
        .chain(s.split_once(['T', 't']))
        .find_map(|(date, time)| Some((try_date(date.trim_end(), today)?, time.trim_start())))
        .ok_or_else(|| Error::input(t!("input-datetime-invalid", value = s)))?;
    Ok(date?.and_time(parse_time(time)?))
}

/// The longest a visit is taken to run past midnight: a time alone earlier
/// than the start is on the next day only when the visit then lasts less.
const OVERNIGHT_HOURS: i64 = 12;

/// When something that began at `start` ended: a time alone is on the day
/// it began, since an end is typed about the visit, not about today; on the
/// next day when that time is earlier and the visit then lasts under
/// [`OVERNIGHT_HOURS`] (a visit from 23:50 to 00:30). A time further back
/// stays on the day it began, where the caller refuses it as an end before
/// the start: `7h` for a visit begun at 07:25 is a slip, not a visit of a
/// day. Anything else is read as [`parse_datetime`] reads it.
pub fn parse_end(s: &str, start: NaiveDateTime, now: NaiveDateTime) -> Result<NaiveDateTime> {
    match try_time(s.trim()) {
        Some(time) => {
            let end = start.date().and_time(time?);
            if end >= start {
                return Ok(end);
            }
            let next_day = end
                .checked_add_signed(chrono::Duration::days(1))
                .filter(|end| in_calendar(end.date()));
            Ok(next_day
                .filter(|next| *next - start < chrono::Duration::hours(OVERNIGHT_HOURS))
                .unwrap_or(end))
        }
        None => parse_datetime(s, now),
    }
}

/// When a visit started, typed as [`parse_datetime`] reads it; refused
/// when later than now.
pub fn parse_start(s: &str, now: NaiveDateTime) -> Result<NaiveDateTime> {
    started(parse_datetime(s, now)?, now)
}

/// A visit's start, refused when later than now: a visit is entered once it
/// has begun, so a start in the future is a slip of the day, month or year.
pub fn started(at: NaiveDateTime, now: NaiveDateTime) -> Result<NaiveDateTime> {
    if at > now {
        return Err(Error::input(t!(
            "input-start-in-future",
            start = at.format("%d/%m/%Y %H:%M").to_string(),
            now = now.format("%d/%m/%Y %H:%M").to_string()
        )));
    }
    Ok(at)
}

/// A date typed for `flag` that cannot be later than today, as the day a
/// file was received or returned: what has not happened is not recorded.
pub fn parse_past_date(flag: &str, s: &str, today: NaiveDate) -> Result<NaiveDate> {
    let day = parse_date(s, today)?;
    if day > today {
        return Err(Error::input(t!(
            "input-date-in-future",
            flag = flag,
            value = day.format("%d/%m/%Y").to_string(),
            today = today.format("%d/%m/%Y").to_string()
        )));
    }
    Ok(day)
}

/// A reporting period named by its month: `2022-05`, `05/2022`, `5/2022`,
/// `this` (the period containing today) or `last` (the one before it).
pub fn parse_month(s: &str, today: NaiveDate, start_day: u32) -> Result<Period> {
    let s = s.trim();
    match fold(s).as_str() {
        "this" | "thang nay" | "ky nay" => return Ok(Period::containing(today, start_day)),
        "last" | "thang truoc" | "ky truoc" => {
            return Ok(Period::containing(today, start_day).previous(start_day));
        }
        _ => {}
    }
    let invalid = || Error::input(t!("input-month-invalid", value = s));
    let (year, month) = s
        .split_once('-')
        .and_then(|(year, month)| Some((digits(year, 4..=4)?, digits(month, 1..=2)?)))
        .or_else(|| {
            let (month, year) = s.split_once('/')?;
            Some((digits(year, 4..=4)?, digits(month, 1..=2)?))
        })
        .ok_or_else(invalid)?;
    if !(1..=12).contains(&month) {
        return Err(Error::input(t!(
            "input-month-no-such",
            value = s,
            month = month
        )));
    }
    let month = i32::try_from(year)
        .ok()
        .and_then(|year| Month::new(year, month))
        .ok_or_else(invalid)?;
    Ok(Period::of_month(month, start_day))
}

/// Whether `s` names the current span of `kind` (`Some(false)`) or the one
/// before (`Some(true)`): `this` and `last`, or the Vietnamese words for
/// the kind (`quý này`, `quý trước`, `năm nay`, `năm trước`, `năm ngoái`).
fn this_or_last(s: &str, kind: SpanKind) -> Option<bool> {
    let folded = fold(s);
    let (this, last): (&[&str], &[&str]) = match kind {
        SpanKind::Quarter(_) => (&["quy nay"], &["quy truoc"]),
        SpanKind::Half(_) => (&["nua nam nay"], &["nua nam truoc"]),
        SpanKind::Year | SpanKind::Months => (&["nam nay"], &["nam truoc", "nam ngoai"]),
    };
    if folded == "this" || this.contains(&folded.as_str()) {
        Some(false)
    } else if folded == "last" || last.contains(&folded.as_str()) {
        Some(true)
    } else {
        None
    }
}

/// A quarter, half year or year, as `kind` says: `2026-Q3` or `Q3/2026`,
/// `2026-H2` or `H2/2026`, `2026`; or `this` and `last`, the one that holds
/// the current reporting month and the one before it.
pub fn parse_span(s: &str, kind: SpanKind, today: NaiveDate, start_day: u32) -> Result<Span> {
    let s = s.trim();
    let out_of_range = |year: u32| Error::input(t!("input-year-range", value = s, year = year));
    if let Some(last) = this_or_last(s, kind) {
        let month = Period::containing(today, start_day).month;
        let span = Span::holding(kind, month, start_day)
            .ok_or_else(|| out_of_range(month.year.unsigned_abs()))?;
        return Ok(if last { span.previous(start_day) } else { span });
    }
    let quarter = matches!(kind, SpanKind::Quarter(_));
    let letter = match kind {
        SpanKind::Quarter(_) => 'Q',
        SpanKind::Half(_) => 'H',
        SpanKind::Year | SpanKind::Months => {
            let year = digits(s, 1..=5)
                .ok_or_else(|| Error::input(t!("input-year-invalid", value = s)))?;
            return i32::try_from(year)
                .ok()
                .and_then(|y| Span::year(y, start_day))
                .ok_or_else(|| out_of_range(year));
        }
    };
    let invalid = || {
        Error::input(if quarter {
            t!("input-quarter-invalid", value = s)
        } else {
            t!("input-half-invalid", value = s)
        })
    };
    // `2026-Q3` or `Q3/2026` (also `Q3-2026`, any case).
    let upper = s.to_uppercase();
    let (year, number) = upper
        .split_once('-')
        .and_then(|(year, part)| Some((digits(year, 1..=5)?, part.strip_prefix(letter)?)))
        .or_else(|| {
            let (part, year) = upper.split_once(['/', '-'])?;
            Some((digits(year, 1..=5)?, part.strip_prefix(letter)?))
        })
        .ok_or_else(invalid)?;
    let number = digits(number, 1..=2).ok_or_else(invalid)?;
    let span = i32::try_from(year).ok().and_then(|y| {
        if quarter {
            Span::quarter(y, number, start_day)
        } else {
            Span::half(y, number, start_day)
        }
    });
    span.ok_or_else(|| {
        if Month::new(i32::try_from(year).unwrap_or(0), 1).is_none() {
            out_of_range(year)
        } else {
            Error::input(if quarter {
                t!("input-quarter-no-such", value = s, number = number)
            } else {
                t!("input-half-no-such", value = s, number = number)
            })
        }
    })
}

/// The reporting months from `from` to `to` as one span; the first may not
/// come after the last.
pub fn parse_months(from: &str, to: &str, today: NaiveDate, start_day: u32) -> Result<Span> {
    let first = parse_month(from, today, start_day)?.month;
    let last = parse_month(to, today, start_day)?.month;
    Span::of_months(SpanKind::Months, first, last, start_day).ok_or_else(|| {
        Error::input(t!(
            "input-months-backwards",
            from = from.trim(),
            to = to.trim()
        ))
    })
}

/// A date that comes back every year, such as the start of the summer
/// schedule, as `(month, day)`: `04-15` (month-day, as in ISO dates) or
/// `15/04` (day/month, as Vietnamese dates are written).
pub fn parse_day_of_year(s: &str) -> Result<(u32, u32)> {
    let s = s.trim();
    let month_day = || {
        let (month, day) = match s.split_once('-') {
            Some((month, day)) => (month, day),
            None => {
                let (day, month) = s.split_once('/')?;
                (month, day)
            }
        };
        let (month, day) = (digits(month, 1..=2)?, digits(day, 1..=2)?);
        // Checked against a leap year so that 29 February is a valid yearly date.
        NaiveDate::from_ymd_opt(2000, month, day).map(|_| (month, day))
    };
    month_day().ok_or_else(|| Error::input(t!("input-day-of-year-invalid", value = s)))
}

/// How a visit or finding was named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordRef {
    /// The local record number, as in `12` or `#12`.
    Number(i64),
    /// The start of a uid, lowercased.
    UidPrefix(String),
    /// Eight or more digits: a record number or the start of a uid, whichever
    /// exists.
    Either(i64, String),
}

/// A visit or finding: its number (`12`, `#12`) or at least 8 hex digits of
/// its uid.
pub fn parse_record_ref(s: &str) -> Result<RecordRef> {
    let s = s.trim();
    let invalid = || Error::input(t!("input-id-invalid", value = s));
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let number = |t: &str| {
        // Checked first because `parse` would also take a sign.
        if all_digits(t) {
            t.parse().map(RecordRef::Number).map_err(|_| invalid())
        } else {
            Err(invalid())
        }
    };
    if let Some(after_hash) = s.strip_prefix('#') {
        return number(after_hash);
    }
    if s.len() < UID_PREFIX_MIN_LEN {
        return number(s);
    }
    if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(invalid());
    }
    let prefix = s.to_ascii_lowercase();
    // Hex digits have no sign, so this parses exactly when all are decimal
    // digits; a number too large for an id can only be a uid prefix.
    Ok(match s.parse() {
        Ok(number) => RecordRef::Either(number, prefix),
        Err(_) => RecordRef::UidPrefix(prefix),
    })
}

/// What a piece of text is, which says what it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A note, a description, a reason: may run over several lines and hold tabs.
    Free,
    /// A code, a file reference, a meeting, a position: one line.
    Line,
    /// The name of a person or a unit: one line with something visible in it.
    Name,
}

/// What is wrong with `text` as a text of this kind, said without naming
/// where it came from: the caller names the flag or the column. The same
/// rule for what is typed and what is imported, so that whatever can be
/// typed can be exported and imported again.
pub fn text_problem(text: &str, kind: TextKind) -> Option<String> {
    let most = crate::model::limits::TEXT_BYTES;
    if text.len() > most {
        return Some(t!(
            "input-text-too-long",
            bytes = text.len(),
            most = most,
            kb = most / 1024
        ));
    }
    for (index, c) in text.chars().enumerate() {
        let position = index + 1;
        // The Unicode line and paragraph separators break a line as `\n`
        // does, though they are not control characters.
        let breaks_line = matches!(c, '\u{2028}' | '\u{2029}');
        let allowed =
            kind == TextKind::Free && matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}');
        if (c.is_control() || breaks_line) && !allowed {
            let rule = if kind == TextKind::Free {
                "free"
            } else {
                "line"
            };
            return Some(t!(
                "input-text-control",
                what = if breaks_line { "separator" } else { "control" },
                char = code_point(c),
                position = position,
                rule = rule
            ));
        }
    }
    if kind == TextKind::Name
        && let Some(first) = text.chars().next()
        && text.chars().all(|c| c.is_whitespace() || is_invisible(c))
    {
        return Some(t!("input-text-invisible", char = code_point(first)));
    }
    None
}

/// What is wrong with a visit's team, names separated by commas: each is
/// the name of a person.
pub fn team_problem(team: &str) -> Option<String> {
    text_problem(team, TextKind::Line).or_else(|| {
        team.split(',')
            .map(str::trim)
            .filter(|member| !member.is_empty())
            .find_map(|member| text_problem(member, TextKind::Name))
    })
}

/// Typed text, trimmed and checked as a text of `kind`; empty text counts as
/// not given. `flag` names where it was typed, as `--note` or `NAME`.
/// A category as stored: the key of a named category when the text is its
/// key or its name in either language (accents, case and hyphens aside),
/// else the text in lower case, a category of the team's own.
pub fn category(typed: &str) -> String {
    use crate::i18n::{Lang, message_in};
    let typed_folded = fold(&typed.replace('-', " "));
    let named = crate::model::CATEGORIES.iter().find(|key| {
        typed_folded == fold(&key.replace('-', " "))
            || [Lang::En, Lang::Vi]
                .iter()
                .any(|lang| fold(&message_in(*lang, &format!("term-{key}"), None)) == typed_folded)
    });
    match named {
        Some(key) => (*key).to_string(),
        None => typed.to_lowercase(),
    }
}

pub fn typed_text(flag: &str, kind: TextKind, value: Option<String>) -> Result<Option<String>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    match text_problem(value, kind) {
        Some(problem) => Err(Error::input(t!(
            "input-typed-text",
            flag = flag,
            problem = problem
        ))),
        None => Ok(Some(value.to_string())),
    }
}

/// A typed figure outside the values it may take, as `--minutes 5000`.
pub fn typed_figure(flag: &str, value: i64, limits: &RangeInclusive<i64>) -> Result<i64> {
    if limits.contains(&value) {
        return Ok(value);
    }
    Err(Error::input(t!(
        "input-figure-out-of-range",
        flag = flag,
        value = value,
        least = *limits.start(),
        most = *limits.end()
    )))
}

/// A character as Unicode names it: `U+001B`.
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Characters that take no space and show nothing: zero-width spaces and
/// joiners, direction marks and overrides, the byte-order mark, variation
/// selectors, the blank Braille pattern, tag characters, interlinear
/// annotation marks and invisible musical formatting. A name made of
/// nothing else looks empty, or like another name.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// `None` when `s` does not have the shape of a date at all; an error when it
/// does but names a day that does not exist.
fn try_date(s: &str, today: NaiveDate) -> Option<Result<NaiveDate>> {
    // Today and yesterday in either language, with or without the marks.
    match fold(s).as_str() {
        "today" | "hom nay" => return Some(Ok(today)),
        "yesterday" | "hom qua" => {
            return Some(
                today
                    .pred_opt()
                    .filter(|day| in_calendar(*day))
                    .ok_or_else(|| Error::input(t!("main-date-out-of-calendar", value = s))),
            );
        }
        _ => {}
    }
    // With dashes, a year of four digits comes first (`2022-05-10`) or last
    // (`10-05-2022`, as dates are written here); with slashes, last or not
    // at all (`10/5`, this year).
    let (year, month, day, day_first) = match split3(s, '-') {
        Some((year, month, day)) if year.len() == 4 => (Some(year), month, day, false),
        Some((day, month, year)) => (Some(year), month, day, true),
        None => match split3(s, '/') {
            Some((day, month, year)) => (Some(year), month, day, true),
            None => {
                let (day, month) = s.split_once('/')?;
                (None, month, day, true)
            }
        },
    };
    let year = match year {
        Some(year) => i32::try_from(digits(year, 4..=4)?).ok()?,
        None => chrono::Datelike::year(&today),
    };
    let (month, day) = (digits(month, 1..=2)?, digits(day, 1..=2)?);
    if year == 0 {
        // Months start at 0001 too; stored dates must sort as text.
        return Some(Err(Error::input(t!(
            "main-date-out-of-calendar",
            value = s
        ))));
    }
    if !(1..=12).contains(&month) {
        // `10/13/2022` is most likely a month-first date from another locale.
        let message = if day_first {
            t!(
                "input-date-no-such-month-day-first",
                value = s,
                month = month
            )
        } else {
            t!("input-date-no-such-month", value = s, month = month)
        };
        return Some(Err(Error::input(message)));
    }
    Some(NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        // The catalogue names the month, as each language writes it.
        Error::input(t!(
            "input-date-no-such-day",
            value = s,
            month = month,
            year = year,
            day = day
        ))
    }))
}

/// `None` when `s` does not have the shape of a time at all; an error when it
/// does but the hours or minutes are out of range.
fn try_time(s: &str) -> Option<Result<NaiveTime>> {
    // `7g30`, `7 giờ 30`, `7 giờ 5 phút`: as Vietnamese write `7h30`, where
    // minutes may be one digit, as they are said.
    let typed = s;
    let spoken = spoken_time(s);
    let (s, minute_digits) = match &spoken {
        Some(spoken) => (spoken.as_str(), 1..=2),
        None => (s, 2..=2),
    };
    let (hours, minutes) = match s.split_once(':') {
        Some((hours, minutes)) => (hours, digits(minutes, 2..=2)?),
        None => {
            let (hours, minutes) = s.split_once(['h', 'H'])?;
            let minutes = match minutes {
                "" => 0,
                minutes => digits(minutes, minute_digits)?,
            };
            (hours, minutes)
        }
    };
    let hours = digits(hours, 1..=2)?;
    Some(
        NaiveTime::from_hms_opt(hours, minutes, 0)
            .ok_or_else(|| Error::input(t!("input-time-out-of-range", value = typed))),
    )
}

/// A time written the Vietnamese way (`7g30`, `7 giờ 30`, `7 giờ 30 phút`,
/// with or without the marks) as `7h30`; `None` for any other text.
fn spoken_time(s: &str) -> Option<String> {
    let folded = fold(s);
    let folded = folded.strip_suffix("phut").unwrap_or(&folded);
    if !folded.contains('g') {
        return None;
    }
    // Spaces go only around the hour mark, so that `1 2g` stays refused.
    let time = folded.replace("gio", "h").replace('g', "h");
    Some(time.split('h').map(str::trim).collect::<Vec<_>>().join("h"))
}

/// The value of `s` if it is nothing but ASCII digits, as many as `len` allows.
fn digits(s: &str, len: RangeInclusive<usize>) -> Option<u32> {
    if !len.contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Exactly three parts around two separators; a third separator would leave
/// it inside the last part, where `digits` refuses it.
fn split3(s: &str, separator: char) -> Option<(&str, &str, &str)> {
    let (first, rest) = s.split_once(separator)?;
    let (second, third) = rest.split_once(separator)?;
    Some((first, second, third))
}

/// What the first line of a file holding a secret says.
pub enum SecretLine {
    /// The line, without its line break.
    Line(zeroize::Zeroizing<String>),
    /// Nothing before the first line break.
    Empty,
    /// Bytes that are not text (not UTF-8, or a NUL).
    NotText,
}

/// The first line of a file holding a secret (a password, a passphrase): a
/// file, or a pipe such as `<(pass show province)`, read only up to its
/// first line break, so that a pipe left open does not keep spotcheck
/// waiting, and at most `limit` bytes of it.
pub fn secret_line(path: &std::path::Path, limit: u64) -> std::io::Result<SecretLine> {
    use std::io::{BufRead, Read};
    let file = std::fs::File::open(path)?;
    let mut line = zeroize::Zeroizing::new(Vec::new());
    std::io::BufReader::new(file.take(limit)).read_until(b'\n', &mut line)?;
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Ok(match std::str::from_utf8(&line) {
        _ if line.is_empty() => SecretLine::Empty,
        Ok(text) if !text.contains('\0') => {
            SecretLine::Line(zeroize::Zeroizing::new(text.to_string()))
        }
        _ => SecretLine::NotText,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn time(hours: u32, minutes: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hours, minutes, 0).unwrap()
    }

    fn message<T: std::fmt::Debug>(result: Result<T>) -> String {
        match result.unwrap_err() {
            Error::Input(message) => message,
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2022, 5, 20).unwrap();

    fn now() -> NaiveDateTime {
        TODAY.and_time(NaiveTime::from_hms_opt(9, 12, 34).unwrap())
    }

    #[test]
    fn dates_in_every_accepted_form() {
        for typed in ["2022-05-10", "10/05/2022", "10/5/2022", " 10/05/2022 "] {
            assert_eq!(
                parse_date(typed, TODAY).unwrap(),
                date(2022, 5, 10),
                "{typed}"
            );
        }
        assert_eq!(parse_date("2022-5-9", TODAY).unwrap(), date(2022, 5, 9));
        assert_eq!(parse_date("9/5/2022", TODAY).unwrap(), date(2022, 5, 9));
        assert_eq!(parse_date("today", TODAY).unwrap(), TODAY);
        assert_eq!(parse_date("Today", TODAY).unwrap(), TODAY);
        assert_eq!(parse_date(" YESTERDAY ", TODAY).unwrap(), date(2022, 5, 19));
        assert_eq!(
            parse_date("yesterday", date(2022, 3, 1)).unwrap(),
            date(2022, 2, 28)
        );
    }

    #[test]
    fn slashed_dates_are_always_day_first() {
        assert_eq!(parse_date("05/10/2022", TODAY).unwrap(), date(2022, 10, 5));
        assert_eq!(parse_date("1/2/2022", TODAY).unwrap(), date(2022, 2, 1));
    }

    #[test]
    fn leap_days() {
        assert_eq!(parse_date("29/02/2024", TODAY).unwrap(), date(2024, 2, 29));
        assert_eq!(parse_date("2024-02-29", TODAY).unwrap(), date(2024, 2, 29));
        assert_eq!(
            message(parse_date("29/02/2023", TODAY)),
            "invalid date `29/02/2023`: February 2023 has no day 29"
        );
    }

    #[test]
    fn impossible_dates_name_the_month() {
        assert_eq!(
            message(parse_date("31/02/2022", TODAY)),
            "invalid date `31/02/2022`: February 2022 has no day 31"
        );
        assert_eq!(
            message(parse_date("2022-04-31", TODAY)),
            "invalid date `2022-04-31`: April 2022 has no day 31"
        );
        assert_eq!(
            message(parse_date("00/12/2022", TODAY)),
            "invalid date `00/12/2022`: December 2022 has no day 0"
        );
    }

    #[test]
    fn month_out_of_range_reminds_that_dates_are_day_first() {
        assert_eq!(
            message(parse_date("10/13/2022", TODAY)),
            "invalid date `10/13/2022`: there is no month 13; dates are day first, as in `10/05/2022`"
        );
        assert_eq!(
            message(parse_date("2022-13-10", TODAY)),
            "invalid date `2022-13-10`: there is no month 13"
        );
        assert_eq!(
            message(parse_date("1/0/2022", TODAY)),
            "invalid date `1/0/2022`: there is no month 0; dates are day first, as in `10/05/2022`"
        );
    }

    #[test]
    fn dates_as_people_write_them_here() {
        for typed in ["10-05-2022", "10-5-2022", "10/5", "10/05", " 10/5 "] {
            assert_eq!(
                parse_date(typed, TODAY).unwrap(),
                date(2022, 5, 10),
                "{typed}"
            );
        }
        assert_eq!(
            message(parse_date("31/02", TODAY)),
            "invalid date `31/02`: February 2022 has no day 31"
        );
        assert_eq!(
            message(parse_date("10-13-2022", TODAY)),
            "invalid date `10-13-2022`: there is no month 13; dates are day first, as in `10/05/2022`"
        );
    }

    #[test]
    fn a_visit_starts_no_later_than_now() {
        assert_eq!(
            parse_start("9h12", now()).unwrap(),
            TODAY.and_time(time(9, 12))
        );
        assert_eq!(
            parse_start("06-10-2021 7h05", now()).unwrap(),
            date(2021, 10, 6).and_time(time(7, 5))
        );
        assert_eq!(
            message(parse_start("9h13", now())),
            "the visit cannot start at 20/05/2022 09:13: that is after now (20/05/2022 09:12); \
             a visit is entered once it has begun, so check the day, month and year"
        );
        assert_eq!(
            message(parse_start("6/10 7:05", now())),
            "the visit cannot start at 06/10/2022 07:05: that is after now (20/05/2022 09:12); \
             a visit is entered once it has begun, so check the day, month and year"
        );
    }

    #[test]
    fn past_dates_stop_at_today() {
        assert_eq!(
            parse_past_date("--received", "20/05/2022", TODAY).unwrap(),
            TODAY
        );
        assert_eq!(
            message(parse_past_date("--received", "21/5", TODAY)),
            "`--received 21/05/2022` is after today (20/05/2022): a date that has not come yet cannot be recorded"
        );
    }

    #[test]
    fn an_end_typed_as_a_time_is_on_the_day_of_the_start() {
        let start = date(2022, 5, 2).and_time(time(7, 25));
        assert_eq!(
            parse_end("9h", start, now()).unwrap(),
            date(2022, 5, 2).and_time(time(9, 0))
        );
        assert_eq!(parse_end("7:25", start, now()).unwrap(), start);
        let late = date(2022, 5, 2).and_time(time(23, 50));
        assert_eq!(
            parse_end("00:30", late, now()).unwrap(),
            date(2022, 5, 3).and_time(time(0, 30))
        );
        assert_eq!(
            parse_end("19/05/2022 10h", start, now()).unwrap(),
            date(2022, 5, 19).and_time(time(10, 0))
        );
        assert_eq!(parse_end("now", start, now()).unwrap(), now());
        // Too far back for a visit overnight: the start's day, which the
        // caller refuses as an end before the start.
        assert_eq!(
            parse_end("7h", start, now()).unwrap(),
            date(2022, 5, 2).and_time(time(7, 0))
        );
        let evening = date(2022, 5, 2).and_time(time(20, 0));
        assert_eq!(
            parse_end("7h", evening, now()).unwrap(),
            date(2022, 5, 3).and_time(time(7, 0))
        );
        assert_eq!(
            message(parse_end("9h99", start, now())),
            "invalid time `9h99`: hours go from 0 to 23 and minutes from 0 to 59"
        );
        let last = date(9999, 12, 31).and_time(time(23, 50));
        assert_eq!(
            parse_end("0:10", last, now()).unwrap(),
            date(9999, 12, 31).and_time(time(0, 10))
        );
    }

    #[test]
    fn anything_else_is_not_a_date() {
        for typed in [
            "xyz",
            "",
            "10/05/22",
            "10-05-22",
            "10/5/",
            "/5",
            "10-05",
            "2022/05/10",
            "10/05/2022/1",
            "10.05.2022",
            "+1/05/2022",
            "100/05/2022",
            "tomorrow",
            "2022-05",
        ] {
            assert_eq!(
                message(parse_date(typed, TODAY)),
                format!(
                    "invalid date `{typed}`: type a date as `10/05/2022`, `2022-05-10`, \
                     `today` or `yesterday`"
                )
            );
        }
    }

    #[test]
    fn times_in_every_accepted_form() {
        for typed in ["07:45", "7:45", "7h45", "7H45", "07h45", " 7h45 "] {
            assert_eq!(parse_time(typed).unwrap(), time(7, 45), "{typed}");
        }
        assert_eq!(parse_time("7h").unwrap(), time(7, 0));
        assert_eq!(parse_time("14H").unwrap(), time(14, 0));
        assert_eq!(parse_time("0:00").unwrap(), time(0, 0));
        assert_eq!(parse_time("23:59").unwrap(), time(23, 59));
    }

    #[test]
    fn times_out_of_range() {
        for typed in ["25:61", "7h99", "24:00", "24h", "7:60"] {
            assert_eq!(
                message(parse_time(typed)),
                format!("invalid time `{typed}`: hours go from 0 to 23 and minutes from 0 to 59")
            );
        }
    }

    #[test]
    fn anything_else_is_not_a_time() {
        for typed in [
            "xyz", "", "745", "7", "7:5", "7h5", "7:", "7:450", "007:45", ":45", "h45", "7:45:00",
            "7.45", "-7:45", "7h45m",
        ] {
            assert_eq!(
                message(parse_time(typed)),
                format!("invalid time `{typed}`: type a time as `07:45`, `7:45`, `7h45` or `7h`")
            );
        }
    }

    #[test]
    fn datetimes_in_every_accepted_form() {
        let expected = date(2022, 5, 10).and_time(time(7, 45));
        for typed in [
            "2022-05-10 07:45",
            "10/05/2022 7h45",
            "10/5/2022   7:45",
            "2022-05-10T07:45",
            " 10/05/2022 07H45 ",
            "10-05-2022 7h45",
            "10/5 7:45",
        ] {
            assert_eq!(parse_datetime(typed, now()).unwrap(), expected, "{typed}");
        }
        assert_eq!(
            parse_datetime("today 8:00", now()).unwrap(),
            TODAY.and_time(time(8, 0))
        );
        assert_eq!(
            parse_datetime("yesterday 14h", now()).unwrap(),
            date(2022, 5, 19).and_time(time(14, 0))
        );
    }

    #[test]
    fn a_time_alone_is_today_and_now_is_now() {
        assert_eq!(
            parse_datetime("7h45", now()).unwrap(),
            TODAY.and_time(time(7, 45))
        );
        assert_eq!(
            parse_datetime("13:30", now()).unwrap(),
            TODAY.and_time(time(13, 30))
        );
        assert_eq!(parse_datetime("now", now()).unwrap(), now());
        assert_eq!(parse_datetime("NOW", now()).unwrap(), now());
    }

    #[test]
    fn a_date_alone_has_no_time() {
        assert_eq!(
            message(parse_datetime("10/05/2022", now())),
            "`10/05/2022` has no time: type a date and a time, as in `10/05/2022 07:45`"
        );
        assert_eq!(
            message(parse_datetime("today", now())),
            "`today` has no time: type a date and a time, as in `today 07:45`"
        );
    }

    #[test]
    fn datetime_parts_report_their_own_errors() {
        assert_eq!(
            message(parse_datetime("31/02/2022 07:45", now())),
            "invalid date `31/02/2022`: February 2022 has no day 31"
        );
        assert_eq!(
            message(parse_datetime("31/02/2022", now())),
            "invalid date `31/02/2022`: February 2022 has no day 31"
        );
        assert_eq!(
            message(parse_datetime("10/13/2022 07:45", now())),
            "invalid date `10/13/2022`: there is no month 13; dates are day first, as in `10/05/2022`"
        );
        assert_eq!(
            message(parse_datetime("10/05/2022 25:61", now())),
            "invalid time `25:61`: hours go from 0 to 23 and minutes from 0 to 59"
        );
        assert_eq!(
            message(parse_datetime("2022-05-10T7h99", now())),
            "invalid time `7h99`: hours go from 0 to 23 and minutes from 0 to 59"
        );
        assert_eq!(
            message(parse_datetime("7h99", now())),
            "invalid time `7h99`: hours go from 0 to 23 and minutes from 0 to 59"
        );
        assert_eq!(
            message(parse_datetime("today noon", now())),
            "invalid time `noon`: type a time as `07:45`, `7:45`, `7h45` or `7h`"
        );
    }

    #[test]
    fn anything_else_is_not_a_datetime() {
        for typed in [
            "xyz",
            "",
            "hello world",
            "07:45 10/05/2022",
            "10/05/22 07:45",
            "tomorrow 8h",
        ] {
            assert_eq!(
                message(parse_datetime(typed, now())),
                format!(
                    "invalid date and time `{typed}`: type it as `10/05/2022 07:45`, \
                     `2022-05-10 07:45` or just `07:45` for today"
                )
            );
        }
    }

    #[test]
    fn months_in_every_accepted_form() {
        for typed in ["2022-05", "05/2022", "5/2022", "2022-5", " 05/2022 "] {
            let period = parse_month(typed, TODAY, 1).unwrap();
            assert_eq!(period.month.to_string(), "2022-05", "{typed}");
            assert_eq!(
                (period.first, period.last),
                (date(2022, 5, 1), date(2022, 5, 31))
            );
        }
        let period = parse_month("05/2022", TODAY, 15).unwrap();
        assert_eq!(
            (period.first, period.last),
            (date(2022, 4, 15), date(2022, 5, 14))
        );
    }

    #[test]
    fn this_and_last_with_calendar_months() {
        let this = parse_month("this", TODAY, 1).unwrap();
        assert_eq!(this.month.to_string(), "2022-05");
        assert_eq!(
            (this.first, this.last),
            (date(2022, 5, 1), date(2022, 5, 31))
        );
        let last = parse_month("LAST", TODAY, 1).unwrap();
        assert_eq!(last.month.to_string(), "2022-04");
        assert_eq!(
            (last.first, last.last),
            (date(2022, 4, 1), date(2022, 4, 30))
        );
        let last = parse_month("last", date(2022, 1, 10), 1).unwrap();
        assert_eq!(last.month.to_string(), "2021-12");
    }

    #[test]
    fn this_and_last_with_periods_from_the_fifteenth() {
        let this = parse_month("this", TODAY, 15).unwrap();
        assert_eq!(this.month.to_string(), "2022-06");
        assert_eq!(
            (this.first, this.last),
            (date(2022, 5, 15), date(2022, 6, 14))
        );
        let last = parse_month("last", TODAY, 15).unwrap();
        assert_eq!(last.month.to_string(), "2022-05");
        assert_eq!(
            (last.first, last.last),
            (date(2022, 4, 15), date(2022, 5, 14))
        );
        let this = parse_month("This", date(2022, 5, 14), 15).unwrap();
        assert_eq!(this.month.to_string(), "2022-05");
    }

    #[test]
    fn month_errors() {
        assert_eq!(
            message(parse_month("13/2022", TODAY, 1)),
            "invalid month `13/2022`: there is no month 13"
        );
        assert_eq!(
            message(parse_month("2022-00", TODAY, 1)),
            "invalid month `2022-00`: there is no month 0"
        );
        for typed in [
            "xyz",
            "",
            "2022",
            "05-2022",
            "2022/05",
            "05/22",
            "2022-05-10",
            "0000-05",
            "next",
        ] {
            assert_eq!(
                message(parse_month(typed, TODAY, 1)),
                format!(
                    "invalid month `{typed}`: type a month as `05/2022`, `2022-05`, `this` or `last`"
                )
            );
        }
    }

    #[test]
    fn days_of_the_year() {
        assert_eq!(parse_day_of_year("04-15").unwrap(), (4, 15));
        assert_eq!(parse_day_of_year("15/04").unwrap(), (4, 15));
        assert_eq!(parse_day_of_year("4-5").unwrap(), (4, 5));
        assert_eq!(parse_day_of_year("5/4").unwrap(), (4, 5));
        assert_eq!(parse_day_of_year("29/02").unwrap(), (2, 29));
        assert_eq!(parse_day_of_year("02-29").unwrap(), (2, 29));
        assert_eq!(parse_day_of_year(" 31/12 ").unwrap(), (12, 31));
        for typed in [
            "xyz",
            "",
            "15-04",
            "04/15",
            "30/02",
            "31/04",
            "00-10",
            "15/04/2022",
            "0415",
        ] {
            assert_eq!(
                message(parse_day_of_year(typed)),
                format!(
                    "invalid day of the year `{typed}`: type it as `15/04` (day/month) \
                     or `04-15` (month-day)"
                )
            );
        }
    }

    #[test]
    fn record_numbers() {
        assert_eq!(parse_record_ref("#12").unwrap(), RecordRef::Number(12));
        assert_eq!(parse_record_ref("12").unwrap(), RecordRef::Number(12));
        assert_eq!(parse_record_ref(" 12 ").unwrap(), RecordRef::Number(12));
        assert_eq!(
            parse_record_ref("1234567").unwrap(),
            RecordRef::Number(1_234_567)
        );
        assert_eq!(
            parse_record_ref("#123456789").unwrap(),
            RecordRef::Number(123_456_789)
        );
    }

    #[test]
    fn uid_prefixes() {
        assert_eq!(
            parse_record_ref("3F2A9C1E").unwrap(),
            RecordRef::UidPrefix("3f2a9c1e".to_string())
        );
        assert_eq!(
            parse_record_ref("abcdef0123456789").unwrap(),
            RecordRef::UidPrefix("abcdef0123456789".to_string())
        );
        assert_eq!(
            parse_record_ref("12345678").unwrap(),
            RecordRef::Either(12_345_678, "12345678".to_string())
        );
        assert_eq!(
            parse_record_ref("99999999999999999999").unwrap(),
            RecordRef::UidPrefix("99999999999999999999".to_string())
        );
    }

    #[test]
    fn record_ref_errors() {
        for typed in [
            "xyz",
            "",
            "#",
            "#abc",
            "#-1",
            "#+1",
            "+12",
            "-12",
            "abc",
            "3f2a9c1",
            "3f2a9c1g",
            "3f2a-9c1e",
            "#99999999999999999999",
        ] {
            assert_eq!(
                message(parse_record_ref(typed)),
                format!(
                    "invalid id `{typed}`: type a number such as `12` or `#12`, \
                     or at least 8 hex digits of a uid"
                )
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn no_parser_panics_on_any_text(text in "\\PC{0,40}") {
            let today = date(2022, 5, 10);
            let now = today.and_hms_opt(7, 35, 0).unwrap();
            let _ = parse_date(&text, today);
            let _ = parse_time(&text);
            let _ = parse_datetime(&text, now);
            let _ = parse_month(&text, today, 1);
            let _ = parse_month(&text, today, 15);
            let _ = parse_day_of_year(&text);
            let _ = parse_record_ref(&text);
        }

        #[test]
        fn a_date_reads_back_in_every_form_it_is_written(days in 0i64..80_000) {
            let day = date(1900, 1, 1) + chrono::Duration::days(days);
            let today = date(2022, 5, 10);
            for shown in [day.format("%d/%m/%Y").to_string(), day.format("%Y-%m-%d").to_string(),
                          day.format("%-d/%-m/%Y").to_string()] {
                proptest::prop_assert_eq!(parse_date(&shown, today).unwrap(), day, "{}", shown);
            }
        }

        #[test]
        fn a_time_reads_back_in_every_form_it_is_written(hour in 0u32..24, minute in 0u32..60) {
            let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap();
            for shown in [format!("{hour:02}:{minute:02}"), format!("{hour}:{minute:02}"),
                          format!("{hour}h{minute:02}"), format!("{hour}H{minute:02}")] {
                proptest::prop_assert_eq!(parse_time(&shown).unwrap(), time, "{}", shown);
            }
            if minute == 0 {
                proptest::prop_assert_eq!(parse_time(&format!("{hour}h")).unwrap(), time);
            }
        }

        #[test]
        fn a_time_reads_back_as_vietnamese_write_it(hour in 0u32..24, minute in 0u32..60) {
            let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap();
            for shown in [format!("{hour}g{minute:02}"), format!("{hour}G{minute:02}"),
                          format!("{hour} giờ {minute:02}"), format!("{hour} giờ {minute}"),
                          format!("{hour} giờ {minute} phút"), format!("{hour}giờ{minute}"),
                          format!("{hour} gio {minute}"), format!("{hour} GIỜ {minute:02} PHÚT")] {
                proptest::prop_assert_eq!(parse_time(&shown).unwrap(), time, "{}", shown);
            }
            if minute == 0 {
                for shown in [format!("{hour}g"), format!("{hour} giờ"), format!("{hour}h")] {
                    proptest::prop_assert_eq!(parse_time(&shown).unwrap(), time, "{}", shown);
                }
            }
        }

        #[test]
        fn today_and_yesterday_read_in_either_language(days in 1i64..3_000_000, hour in 0u32..24, minute in 0u32..60) {
            let today = date(1, 1, 1) + chrono::Duration::days(days);
            let yesterday = today.pred_opt().unwrap();
            for (words, day) in [(["today", "hôm nay", "Hôm Nay", "hom nay", "HÔM  NAY"], today),
                                 (["yesterday", "hôm qua", "Hôm qua", "hom qua", "HOM QUA"], yesterday)] {
                for word in words {
                    proptest::prop_assert_eq!(parse_date(word, today).unwrap(), day, "{}", word);
                    let now = today.and_hms_opt(23, 59, 0).unwrap();
                    let at = day.and_hms_opt(hour, minute, 0).unwrap();
                    for shown in [format!("{word} {hour}h{minute:02}"), format!("{word} {hour} giờ {minute}"),
                                  format!("{word} {hour}g{minute:02}")] {
                        proptest::prop_assert_eq!(parse_datetime(&shown, now).unwrap(), at, "{}", shown);
                    }
                }
            }
        }

        #[test]
        fn this_and_last_month_read_in_either_language(days in 0i64..80_000, start_day in 1u32..=28) {
            let today = date(1900, 1, 1) + chrono::Duration::days(days);
            let this = Period::containing(today, start_day);
            let last = this.previous(start_day);
            for word in ["this", "tháng này", "Tháng Này", "thang nay", "kỳ này"] {
                proptest::prop_assert_eq!(parse_month(word, today, start_day).unwrap(), this, "{}", word);
            }
            for word in ["last", "tháng trước", "THÁNG TRƯỚC", "thang truoc", "kỳ trước"] {
                proptest::prop_assert_eq!(parse_month(word, today, start_day).unwrap(), last, "{}", word);
            }
            for (kind, this_word, last_word) in [(SpanKind::Quarter(0), "quý này", "quý trước"),
                                                 (SpanKind::Half(0), "nửa năm nay", "nửa năm trước"),
                                                 (SpanKind::Year, "năm nay", "năm ngoái")] {
                proptest::prop_assert_eq!(parse_span(this_word, kind, today, start_day).unwrap(),
                                          parse_span("this", kind, today, start_day).unwrap());
                proptest::prop_assert_eq!(parse_span(last_word, kind, today, start_day).unwrap(),
                                          parse_span("last", kind, today, start_day).unwrap());
            }
        }

        #[test]
        fn a_date_and_time_read_back(days in 0i64..80_000, hour in 0u32..24, minute in 0u32..60) {
            let at = (date(1900, 1, 1) + chrono::Duration::days(days)).and_hms_opt(hour, minute, 0).unwrap();
            let now = date(2022, 5, 10).and_hms_opt(7, 35, 0).unwrap();
            for shown in [at.format("%d/%m/%Y %H:%M").to_string(), at.format("%Y-%m-%dT%H:%M").to_string()] {
                proptest::prop_assert_eq!(parse_datetime(&shown, now).unwrap(), at, "{}", shown);
            }
        }

        #[test]
        fn a_month_reads_back(year in 1900i32..2200, month in 1u32..=12, start_day in 1u32..=28) {
            let today = date(2022, 5, 10);
            let expected = Period::of_month(Month::new(year, month).unwrap(), start_day);
            for shown in [format!("{year}-{month:02}"), format!("{month:02}/{year}"), format!("{month}/{year}")] {
                proptest::prop_assert_eq!(parse_month(&shown, today, start_day).unwrap(), expected, "{}", shown);
            }
        }

        #[test]
        fn a_record_number_reads_back(number in 0i64..i64::MAX) {
            proptest::prop_assert_eq!(parse_record_ref(&format!("#{number}")).unwrap(), RecordRef::Number(number));
            let shown = number.to_string();
            let expected = if shown.len() < UID_PREFIX_MIN_LEN {
                RecordRef::Number(number)
            } else {
                RecordRef::Either(number, shown.clone())
            };
            proptest::prop_assert_eq!(parse_record_ref(&shown).unwrap(), expected);
        }

        #[test]
        fn a_uid_prefix_reads_back_lowercased(prefix in "[0-9a-fA-F]{8,32}") {
            let parsed = parse_record_ref(&prefix).unwrap();
            let lower = prefix.to_ascii_lowercase();
            let ok = match parsed {
                RecordRef::UidPrefix(p) => p == lower,
                RecordRef::Either(_, p) => p == lower && prefix.bytes().all(|b| b.is_ascii_digit()),
                RecordRef::Number(_) => false,
            };
            proptest::prop_assert!(ok, "{}", prefix);
        }
    }
}
