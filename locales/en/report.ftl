### Reports: what the team leader sends upward.

## The monthly summary: short headings, one per figure.

sum-unit_code = code
sum-unit_name = unit
sum-visits = visits
sum-late = late
sum-late_minutes = late min
sum-absent = absent
sum-overdue = overdue
sum-overdue_working_days = overdue wd
sum-other = other
sum-findings = findings
sum-repeat_people = repeat

## The same figures in the line that compares two periods.

change-visits = visits
change-late = late
change-late_minutes = late_minutes
change-absent = absent
change-overdue = overdue
change-overdue_working_days = overdue_working_days
change-other = other
change-findings = findings
change-repeat_people = repeat_people

report-month-title = Monthly report { $period }: { $first } – { $last }
report-not-visited = Units not visited
report-every-unit-visited = none: every unit was visited
report-most-overdue = Most overdue files
report-no-overdue = none: no overdue files found
report-repeat-heading = Repeat offenders (a finding in this period and another in the { $months } months before)
report-none = none
report-change-heading = Change against { $period } ({ $first } – { $last })
report-status-heading = Breaches by employment status
report-status-column = status
report-status-people = people
report-seal = Seal: { $seal } (`spotcheck check --seal { $seal }` confirms the logbook still holds the records this report was made from)
report-repeat-title = Repeat offenders: found at fault on { $min } or more visits from { $first } to { $last }
report-trend-title = Trend of { $measure } by { $by ->
        [kind] kind
       *[unit] unit
    }: { $first } – { $last }

measure-findings = findings
measure-late = late arrivals
measure-absent = absences
measure-overdue = overdue files
measure-other = other findings
measure-late_minutes = minutes late
measure-overdue_working_days = working days overdue
measure-visits = visits

report-months-range = `--months { $months }` must be from 1 to 120
report-min-zero = `--min 0` would list everyone: give at least `--min 1`
report-trend-by = `--by { $by }`: a trend has one row per `unit` or per `kind`
report-trend-from-after-to = `--from { $from }` is after `--to { $to }`: the first period comes first

## The month as a workbook.

report-sheet-summary = Summary
report-sheet-findings = Findings
report-sheet-repeat = Repeat offenders
report-chart-title = Findings per unit by kind, { $period }
report-xlsx-written = wrote { $file }: the summary, { $findings } findings and the repeat offenders
report-xlsx-failed = the workbook could not be made: { $problem }
report-trend-per-period = Each period, all rows together
report-trend-svg-title = Trend of { $measure }, { $first } – { $last }
report-svg-written = wrote { $file }
report-svg-failed = the chart could not be drawn: { $problem }

## The printable monthly report (HTML).

html-nation = SOCIALIST REPUBLIC OF VIET NAM
html-motto = Independence - Freedom - Happiness
html-default-team = { $team_word ->
    [doan] PUBLIC SERVICE INSPECTION DELEGATION
   *[to] PUBLIC SERVICE INSPECTION TEAM
}
html-default-signer-title = { $team_word ->
    [doan] HEAD OF THE DELEGATION
   *[to] TEAM LEADER
}
html-addressed-to = To:
html-copies = Copies:
html-filed = Filed: records office
html-filed-with = Filed: records office, { $symbol }
html-number = No. { $number }/BC-{ $symbol }
html-verification = Verification code: { $seal } (confirm it with `spotcheck check --seal` and this code)
html-place-and-date = { $place }, { $day }/{ $month }/{ $year }
html-title = REPORT
html-subtitle = Results of the public service inspections, month { $month }/{ $year } (from { $first } to { $last })

## Plans and assigned tasks in the reports.

sum-planned_visits = planned
sum-unfinished_tasks = tasks
sum-group = group
change-unfinished_tasks = unfinished_tasks
report-plan-title = Inspection plan, { $period } ({ $first } – { $last })
report-plan-behind = Behind the plan
report-plan-none-behind = no unit is behind its plan
report-plan-not-checked = Not checked this quarter ({ $first } – { $last })
report-tasks-title = Assigned tasks, { $period }, as at { $as_of }
report-tasks-none = no tasks assigned by then
report-tasks-undone = Not done at { $as_of }
report-trend-visits-rows-kind = visits have no kind: use `--measure visits` with `--rows unit`
report-span-title = Report for { $period }: { $first } – { $last }
report-months-heading = Month by month (each month's total row)
report-months-chart-title = Findings per month by kind, { $period }
report-sheet-months = Months
sum-month = month
html-subtitle-span = Results of the public service inspections, { $period } (from { $first } to { $last })
span-quarter = Q{ $quarter } { $year }
span-half-first = the first half of { $year }
span-half-second = the second half of { $year }
span-year = { $year }
span-months = { $first } to { $last }
report-repeat-heading-span = Repeat offenders (found on two visits or more in this period and the { $months } months before it, at least once in this period)

## Absences, early departures and files checked in the reports.

sum-excused_absences = excused
sum-early = early
sum-files_checked = files checked
sum-overdue_rate = overdue %
change-excused_absences = excused_absences
change-early = early
change-files_checked = files_checked
report-late-decisions = { $count ->
        [one] One discipline proposed has
       *[other] { $count } disciplines proposed have
    } no decision past the time the decree allows (90 days from the day the breach was found, 150 in a complex case; Decree 172/2025/NĐ-CP): record it with `spotcheck edit N --decided-on DATE`
report-categories-heading = Most frequent categories of breach, at most { $top } a unit
status-late-decisions = late decisions
report-absences-heading = Days of unexcused absence from work, month { $month } (from { $first }) and year (from { $year_first }) to { $last }; thresholds set in the config: { $month_threshold } a month, { $year_threshold } a year
chart-absent = absent
report-overdue-details-heading = Overdue files: apologies, channel and the stage held up
report-decisions-heading = Disciplines decided in the period

# The printed report's summary: headings in full words.
paper-row = No.
paper-unit = Unit
paper-visits = Visits
paper-late = Late
paper-absent = Absent
paper-early = Left early
paper-overdue = Overdue files
paper-unfinished_tasks = Tasks not done
paper-other = Other
paper-findings = Total
paper-repeat_people = Repeat offenders
report-dated-without-html = `--dated` dates the printed report: add `--format html`, or leave `--dated` out
report-dated-bad = --dated: { $problem }
report-nothing-moved = every figure as in the period before
