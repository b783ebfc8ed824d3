### what people type: dates, times, names


input-date-invalid = invalid date `{ $value }`: type a date as `10/05/2022`, `2022-05-10`, `today` or `yesterday`
input-date-no-such-month = invalid date `{ $value }`: there is no month { $month }
input-date-no-such-month-day-first = invalid date `{ $value }`: there is no month { $month }; dates are day first, as in `10/05/2022`
input-date-no-such-day = invalid date `{ $value }`: { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has no day { $day }
input-time-invalid = invalid time `{ $value }`: type a time as `07:45`, `7:45`, `7h45` or `7h`
input-time-out-of-range = invalid time `{ $value }`: hours go from 0 to 23 and minutes from 0 to 59
input-datetime-no-time = `{ $value }` has no time: type a date and a time, as in `{ $value } 07:45`
input-datetime-invalid = invalid date and time `{ $value }`: type it as `10/05/2022 07:45`, `2022-05-10 07:45` or just `07:45` for today
input-month-invalid = invalid month `{ $value }`: type a month as `05/2022`, `2022-05`, `this` or `last`
input-month-no-such = invalid month `{ $value }`: there is no month { $month }
input-day-of-year-invalid = invalid day of the year `{ $value }`: type it as `15/04` (day/month) or `04-15` (month-day)
input-id-invalid = invalid id `{ $value }`: type a number such as `12` or `#12`, or at least 8 hex digits of a uid
input-clock-invalid = { $name } `{ $value }` is not a local date-time: set it as `2022-05-10T08:00`

## Names of a fixed list: kinds of unit and of finding, actions taken.

input-unknown-unit-kind = unknown unit kind `{ $value }`: type one of { $names }
input-week-invalid = `{ $value }` is not a working week (at `{ $part }`): type days `mon` to `sun` or ranges of them, each with `:am` or `:pm` for half a day, separated by commas, as `mon-fri,sat:am`
input-unknown-finding-kind = unknown finding kind `{ $value }`: type one of { $names }
input-unknown-action = unknown action `{ $value }`: type one of { $names }
input-unknown-plan-period = unknown plan period `{ $value }`: type one of { $names }

## Text and figures, typed or imported: the limits they share.

input-text-too-long = holds { $bytes } bytes; text may hold up to { $most } bytes ({ $kb } KB): shorten it
# $what is `separator` for the Unicode line and paragraph separators.
input-text-control = holds the { $what ->
        [separator] line separator
       *[control] control character
    } { $char } at character { $position }: { $rule ->
        [free] text may hold line breaks and tabs but no other control character
       *[line] a name, code or reference is one line without control characters
    }; type it again without it
input-text-invisible = holds nothing visible, only characters such as { $char } that show nothing: type the name in letters
input-typed-text = `{ $flag }` { $problem }
input-figure-out-of-range = `{ $flag } { $value }` is out of range: it goes from { $least } to { $most }

## Dates that cannot be later than today.

input-date-in-future = `{ $flag } { $value }` is after today ({ $today }): a date that has not come yet cannot be recorded
input-start-in-future = the visit cannot start at { $start }: that is after now ({ $now }); a visit is entered once it has begun, so check the day, month and year
input-quarter-invalid = invalid quarter `{ $value }`: type a quarter as `2026-Q3`, `Q3/2026`, `this` or `last`
input-quarter-no-such = invalid quarter `{ $value }`: there is no quarter { $number }; a year has quarters Q1 to Q4
input-half-invalid = invalid half year `{ $value }`: type a half year as `2026-H2`, `H2/2026`, `this` or `last`
input-half-no-such = invalid half year `{ $value }`: there is no half { $number }; a year has H1 (January–June) and H2 (July–December)
input-year-invalid = invalid year `{ $value }`: type a year as `2026`, `this` or `last`
input-year-range = invalid year `{ $value }`: there is no year { $year } in the logbook's calendar; type a year from 1 to 9999
input-months-backwards = `--from { $from }` comes after `--to { $to }`: give the earlier month to `--from`
input-unknown-excuse = unknown excuse `{ $value }`: type one of { $names }
input-unknown-delay-stage = unknown stage `{ $value }`: type one of { $names }
input-unknown-channel = unknown channel `{ $value }`: type one of { $names }
input-unknown-discipline-form = unknown form of discipline `{ $value }`: type one of { $names }
input-unknown-person-status = unknown employment status `{ $value }`: type one of { $names }
