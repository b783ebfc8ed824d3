### import, export, merge and sql

## Reading an import file. The code puts `FILE:LINE: ` in front.

exchange-standard-input = standard input
exchange-cannot-read = cannot read `{ $path }`
exchange-file-empty = the file is empty
exchange-file-empty-header = the file is empty: the first line must name the columns, as `spotcheck export { $records }` writes them
exchange-utf16 = the file is UTF-16: save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)
exchange-tab-separated = the columns are separated by tabs: save the file as CSV (comma- or semicolon-separated), as `spotcheck export { $records }` writes it
exchange-header-nul = the header holds a NUL character, which no text has: check that this is a CSV file saved as UTF-8
exchange-header-not-utf8 = the header is not UTF-8 text: save the file as UTF-8
exchange-quote-not-closed-within = a quote `"` opened in this row is not closed within { $mb } MB: check the quotes on this line
exchange-row-too-long = the row is longer than { $mb } MB: an export's rows are far shorter; check that this is a spotcheck CSV file
exchange-file-too-large = the file is larger than { $gb } GB, the most one import reads: split it into smaller files
exchange-quote-never-closed = a quote `"` opened on this line is never closed: the rest of the file would be read as one cell; check the quotes on this line
exchange-field-count = the row has { $fields } fields but the header names { $columns } columns: check the quotes and separators on this line
exchange-csv-unreadable = cannot be read: { $error }
exchange-csv-invalid = not valid CSV: { $error }

## A problem with one cell or one column: `column NAME: PROBLEM`.

exchange-column = column { $column }: { $problem }
exchange-empty-column-name = (empty)
exchange-unknown-column = unknown column: a { $records } export has the columns { $columns }
exchange-column-twice = appears twice in the header
exchange-column-missing = is missing from the header: a { $records } file needs at least { $columns }
exchange-cell-too-large = the cell holds { $bytes } bytes; a cell may hold up to { $kb } KB
exchange-not-utf8 = is not UTF-8 text: save the file as UTF-8
exchange-cell-nul = holds a NUL character, which no text has: check that this is a CSV file saved as UTF-8
exchange-empty = is empty
exchange-not-whole-number = `{ $text }` is not a whole number
exchange-at-least = `{ $text }` must be at least { $least }
exchange-not-stamp = `{ $text }` is not a UTC time stamp such as `2022-05-10T01:15:00.000Z`
exchange-not-uid = `{ $text }` is not a uid (32 hex digits)
exchange-not-flag = `{ $text }` is not 1 or 0
exchange-uid-twice = `{ $uid }` appears twice in this file
exchange-unit-code-changed = this uid is unit `{ $code }` in the logbook: a unit's code cannot change
exchange-no-unit = no unit `{ $code }` in this logbook: import the units first, or add it with `spotcheck unit add`
exchange-uid-other-person = this uid is { $name } of { $unit } in the logbook
exchange-ended-before-started = is before started_at
exchange-present-over-roll = { $present } is more than on_roll { $on_roll }
exchange-no-visit = no visit `{ $uid }` in this logbook: import the visits first
exchange-not-visit-unit = `{ $code }` is not the unit of visit `{ $visit }` (`{ $visit_unit }`)
exchange-other-kind = applies only to findings of kind { $applies_to }, and this one is `{ $kind }`: leave it empty
exchange-late-needs-person = a late finding needs the person
exchange-late-needs-minutes = a late finding needs minutes_late or arrived_at
exchange-not-late = arrival `{ $arrived }` is not after the start `{ $expected }`: not late; if the start was different, give it in `expected_at`
exchange-absent-needs-person = an absent finding needs the person
exchange-overdue-needs-file = an overdue finding needs the file reference
exchange-overdue-needs-due = an overdue finding needs the promised date
exchange-not-overdue = the file was promised for { $due } and was not overdue on { $as_of }: check `due_on`, `returned_on`, or give `days_overdue` and `working_days_overdue`
exchange-other-needs-description = an other finding needs a description
exchange-void-needs-reason = a voided finding needs the reason
exchange-reason-without-void = is empty but void_reason is given

## export, import, merge

# $records is what `export` and `import` take: units, people, visits, findings.
exchange-records = { $records }
exchange-export-format = export writes CSV for spreadsheets: leave out `--format`; for JSON or Markdown use `spotcheck list --format json` or `--format md`
exchange-progress-exporting = exporting
exchange-progress-importing = importing { $records }
exchange-imported = imported { $records } from { $source }: { $new } new, { $updated } updated, { $unchanged } unchanged
exchange-nothing-to-import = nothing to change: all { $total } { $records } in { $source } are already in the logbook
# Ends the message that the file is not a logbook.
exchange-merge-advice = ; name another inspector's logbook to merge
exchange-merge-itself = `{ $path }` is this logbook itself: name another inspector's logbook
exchange-progress-merging = merging { $source }
exchange-merge-nothing = nothing to change: everything in { $source } is already in { $logbook }
exchange-merged = merged { $source } into { $logbook }:
exchange-merge-conflicts = conflicts: records edited in both logbooks; the later edit is kept and both versions are in the history

## sql and schema

exchange-sql-param = invalid `--param { $param }`: write it as `--param unit=tam-dai`
exchange-schema-view = view
exchange-schema-columns = columns
exchange-schema-example = example

## Exports as workbooks.

exchange-sheet-findings = findings
exchange-sheet-visits = visits
exchange-sheet-units = units
exchange-sheet-people = people
exchange-xlsx-written = wrote { $file }: { $rows } { $records }
exchange-xlsx-failed = the workbook could not be made: { $problem }
exchange-xlsx-too-many = a sheet holds at most { $rows } rows: export a shorter period (`--month`, `--from`, `--to`) or write CSV

## Plans, tasks and the findings of unfinished tasks.

exchange-sheet-plans = Plans
exchange-sheet-tasks = Tasks
exchange-task-needs-task = a task finding needs the `task_uid` of its task: import the tasks first (`spotcheck export tasks` writes them)
exchange-no-task = no task with uid `{ $uid }`: import the tasks first
exchange-task-other-unit = the task was assigned to { $unit }, not to the unit of the visit
exchange-task-not-late = the task was due on { $due }: on { $visit }, the day of the visit, it was not yet late
exchange-plan-ends-before-it-starts = the plan ends before the month it starts
exchange-plan-clash = a plan of that unit starting that month is already in the logbook: give the plan's `uid` to change it
exchange-task-due-before-assigned = the deadline is before the day the task was assigned
exchange-task-done-before-assigned = the task was done before the day it was assigned

## Rows that would change what cannot change, and the limits of figures.

exchange-kind-changed = finding #{ $number } with this uid is `{ $kind }`, not `{ $new }`: the kind of a finding never changes; log the `{ $new }` finding as a new one and void #{ $number } if it was wrong
exchange-void-not-editable = finding #{ $number } is void and cannot be changed: give this column the value it has in the logbook (`spotcheck show { $number }`)
exchange-at-most = `{ $text }` must be at most { $most }
exchange-void-task-not-editable = task #{ $id } is void and cannot be changed: give this column the value it has in the logbook (`spotcheck task show { $id }`)
exchange-working-over-calendar = { $working } working days overdue is more than the { $days } calendar days overdue: working days are counted among the calendar days, so give at most { $days }
exchange-void-changed = this record was voided at { $at } because “{ $reason }”, and a void never changes: give this column the value it has in the logbook, or leave `voided_at` and `void_reason` both empty
exchange-visit-moved = visit #{ $number } with this uid was made at { $unit } (`{ $code }`), and a visit never moves to another unit: give `{ $code }` here, or log the visit at the other unit as a new one
exchange-received-after-due = received { $received } is after the promised date { $due }: check `received_on` and `due_on`
exchange-merge-dangling = the other logbook's record `{ $of }` points to { $records } #{ $id }, which that logbook does not hold: run `spotcheck check` on it, then merge again
exchange-quote-swallowed-lines = holds line breaks, which this column cannot: a quote `"` opened in it on this line is probably never closed, so the lines after it were read into it; check the quotes on this line
exchange-no-person-uid = no person `{ $uid }` in this logbook: import that person first (a file lists them in order, so put the person merged into before the alias)

## Units a merge adds that a unit here may be.

exchange-merge-likely-duplicate = likely duplicate: unit `{ $other }` ({ $other_name }) was added under its own code, and unit `{ $keep }` has the same name ({ $keep_name }); if they are one, type `spotcheck unit merge { $keep } { $other }`
exchange-visit-void = visit #{ $number } is void and cannot be changed: give this row the values it has in the logbook (`spotcheck visit show { $number }`)
exchange-merged-unit-needs-day = a unit merged into another needs the day it was retired, in `retired_on`
exchange-no-unit-uid = no unit `{ $uid }` in this logbook or this file: import the unit it was merged into too
exchange-no-parent-uid = no unit `{ $uid }` in this logbook or this file: import the unit it belongs to too, or leave `parent_uid` empty

## What a merge takes in: the other logbook checked as `check` checks it.

# The first line of a refused merge; the problems follow, one a line.
exchange-merge-unverified = `{ $path }` fails the checks `spotcheck check` makes, with { $count } { $count ->
        [one] problem
       *[other] problems
    }, so nothing was merged:
exchange-merge-problem = {"  "}{ $record }: { $problem }
exchange-merge-more-problems = {"  "}… and { $count } more
exchange-merge-unverified-advice = to see them all, type `spotcheck --db { $path } check`; to merge it all the same, `spotcheck merge { $path } --accept-unverified`
# Stored in the history beside each change of a merge made all the same.
exchange-unverified-summary = { $count } { $count ->
        [one] problem
       *[other] problems
    }, first: { $record }: { $problem }
exchange-merged-into-plain = note: `{ $path }` is encrypted and this logbook is not: what was merged from it is kept here in plain text; to encrypt this logbook too, type `spotcheck --db { $logbook } encrypt`
exchange-merged-unverified = warning: merged `{ $path }` though it fails the checks `spotcheck check` makes ({ $summary }); the history says so beside each record it added or changed
exchange-decision-without-person = a finding about no person holds no outcome of discipline: leave `discipline_form`, `decision_ref`, `decided_on`, `decided_by` and `complex_case` empty
exchange-form-needs-day = a form of discipline needs the day it was decided, in `decided_on`
exchange-other-excuse-needs-reason = an absence excused for another reason needs the reason, in `description`
exchange-early-needs-person = an early finding needs the person
exchange-early-needs-minutes = an early finding needs minutes_early or left_at
exchange-not-early = departure `{ $left }` is not before the end `{ $end }`: not early; if the session ended at another time, give it in `expected_at`
exchange-xlsx-not-csv = `--xlsx` writes a workbook, not CSV: leave out `--excel` and `--sep`
