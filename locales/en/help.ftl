### Help of every command and flag, from the doc comments of src/cli.rs.
### help-COMMAND-PATH is a command (the root is help-spotcheck), help-PATH--ARG one
### of its arguments, help-PATH--ARG--VALUE one value of that argument.

## What clap writes around the texts.

help-heading-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-global = Global options
help-heading-example = Example
help-heading-examples = Examples
help-heading-field-day = A field day
help-flag-help = Print help (see more with '--help')
help-flag-help-long = Print help (see a summary with '-h')
help-flag-version = Print version
help-command-help = Print this message or the help of the given subcommand(s)
help-values = Possible values
help-values-inline = possible values
help-default = default

help-spotcheck = spotcheck — the logbook of a public-service inspection team
help-spotcheck-long =
    spotcheck — the logbook of a public-service inspection team.

    Record spot checks at communes, offices and public service units: who came late, who was absent, which citizens' files are overdue. Then list, correct and report them.
help-spotcheck--db = The logbook file [env: SPOTCHECK_DB; else config `db`; else the platform data dir]
help-spotcheck--format = How read commands print their result
help-spotcheck--format--table = Boxed table sized for the terminal
help-spotcheck--format--csv = RFC 4180 CSV with a header row of column keys
help-spotcheck--format--json = Pretty-printed JSON keyed by column key
help-spotcheck--format--md = GitHub-flavoured Markdown table
help-spotcheck--format--html = One self-contained HTML page, to open in a browser and print
help-spotcheck--output = Write the result to FILE instead of the terminal
help-spotcheck--by = Who is writing [env: SPOTCHECK_BY; else config `inspector`; else the OS user]; for `report trend`, the rows: `unit` or `kind`
help-spotcheck--config = The config file [default: config.toml in the platform config dir]
help-spotcheck--color = Colour in tables and reports: on a terminal unless NO_COLOR is set (auto), or always, or never
help-spotcheck--lang = The language of messages, tables and reports: `vi` (tiếng Việt) or `en` [env: SPOTCHECK_LANG; else config `lang`; else LC_ALL / LC_MESSAGES / LANG; else en]
help-spotcheck--lang--en = English
help-spotcheck--lang--vi = Tiếng Việt

help-status = Where the logbook is, the current visit, today's findings and what to type next (also what `spotcheck` alone shows)

help-init = Create the logbook (safe to repeat)

help-config = Show the effective settings and where each came from

help-unit = Add, list, change or import the units that are checked
help-unit-add = Add a unit
help-unit-add--code = A short code to type, as `tam-dai`
help-unit-add--name = The full name, as "UBND xã Tam Đại"
help-unit-add--kind = What sort of unit it is
help-unit-add--start = Morning start, when it differs from the configured office hours (`7:30`, `7h30`)
help-unit-add--afternoon = Afternoon start, when it differs from the configured office hours
help-unit-list = List the units
help-unit-edit = Change a unit's name, kind or office hours
help-unit-edit--unit = The unit's code or an unambiguous part of its name
help-unit-edit--name = New full name
help-unit-edit--kind = New kind
help-unit-edit--start = New morning start (`default` to use the configured hours again)
help-unit-edit--afternoon = New afternoon start (`default` to use the configured hours again)
help-unit-import = Add units from a CSV file with the columns code,name[,kind,morning_start,afternoon_start]
help-unit-import--file = The CSV file (`-` for standard input)

help-person = Add or list the staff of a unit
help-person-add = Add a person to a unit's staff
help-person-add--unit = The unit's code or an unambiguous part of its name
help-person-add--name = Full name, as "Nguyễn Văn An"
help-person-add--position = Position, as "công chức tư pháp"
help-person-list = List people, of one unit or of all
help-person-list--unit = Only this unit

help-visit = Start, end, list or show visits
help-visit-start = Start a visit; findings go to it until it ends
help-visit-start--unit = The unit's code or an unambiguous part of its name
help-visit-start--at = When the visit started, as `10/05/2022 07:40` or `7h40` (default: now)
help-visit-start--announced = The visit was announced beforehand (default: unannounced, đột xuất)
help-visit-start--team = Team members, as "Lê Thị Hoa, Phạm Minh Tuấn"
help-visit-start--on_roll = Staff on the unit's roll
help-visit-start--present = Staff present when the team arrived
help-visit-start--note = A note about the visit
help-visit-end = End the current visit (or the one named)
help-visit-end--at = When the visit ended (default: now)
help-visit-end--visit = The visit to end, when it is not the current one
help-visit-list = List visits
help-visit-list--month = A reporting month: `5/2022`, `2022-05`, `this`, `last`
help-visit-list--from = First day
help-visit-list--to = Last day (included)
help-visit-list--unit = Only this unit
help-visit-show = Show a visit and its findings (default: the current visit)
help-visit-show--id = Visit number or uid prefix

help-add = Log a finding by answering questions, one at a time (shows the one-line command at the end)

help-late = Log a person arriving late
help-late--person = Who arrived late (created on the unit's staff if new)
help-late--arrived = Arrival time, as `8:05` or `8h05`
help-late--minutes = Minutes late, when the arrival time is not known
help-late--expected = The start the person was due at (default: the unit's morning or afternoon start)
help-late--visit = The visit to log to, when it is not the current one
help-late--action = What was done about it
help-late--note = A note

help-absent = Log an unexcused absence from work or from a meeting
help-absent--person = Who was absent without a reason
help-absent--meeting = The meeting missed, when it was a meeting rather than the work day
help-absent--visit = The visit to log to, when it is not the current one
help-absent--action = What was done about it
help-absent--note = A note

help-overdue = Log a citizen's file returned after the promised date, or not yet returned
help-overdue--file_ref = The file's reference, as `HS-2022-0012`
help-overdue--due = The date promised to the citizen (ngày hẹn trả)
help-overdue--received = The date the file was received
help-overdue--returned = The date the file was returned, if it was
help-overdue--procedure = The administrative procedure, as "Chứng thực bản sao"
help-overdue--officer = The officer responsible for the file
help-overdue--visit = The visit to log to, when it is not the current one
help-overdue--action = What was done about it
help-overdue--note = A note

help-other = Log any other breach: conduct, dress, leaving the post, a directive not carried out
help-other--description = What happened
help-other--person = Who it concerns, if one person
help-other--category = A word to group such findings, as `dress` or `conduct`
help-other--visit = The visit to log to, when it is not the current one
help-other--action = What was done about it
help-other--note = A note

help-list = List findings
help-list--month = A reporting month: `5/2022`, `2022-05`, `this`, `last`
help-list--from = First day
help-list--to = Last day (included)
help-list--unit = Only this unit
help-list--kind = Only this kind of finding
help-list--person = Only findings about people whose name contains TEXT (accents ignored)
help-list--search = Only findings whose text contains TEXT (accents ignored)
help-list--include_void = Include voided findings
help-list--sort = The order of the list
help-list--sort--date = When the visit started
help-list--sort--unit = Unit code, then date
help-list--sort--kind = Kind of finding, then date

help-show = Show one finding in full
help-show--id = Finding number (`12`, `#12`) or uid prefix

help-edit = Correct a finding; the old version stays in the history
help-edit--id = Finding number (`12`, `#12`) or uid prefix
help-edit--person = Who the finding is about (late, absent, other)
help-edit--arrived = Arrival time (late)
help-edit--minutes = Minutes late, replacing the arrival time (late)
help-edit--expected = Expected start (late)
help-edit--meeting = The meeting missed (absent)
help-edit--file_ref = File reference (overdue)
help-edit--due = Promised date (overdue)
help-edit--received = Received date (overdue)
help-edit--returned = Returned date (overdue)
help-edit--procedure = Procedure (overdue)
help-edit--officer = Responsible officer (overdue)
help-edit--description = Description (other)
help-edit--category = Category word (other)
help-edit--action = What was done about it
help-edit--note = Note
help-edit--reason = Why the finding is corrected, kept in the history

help-void = Void a finding: it stays in the logbook but leaves lists and reports
help-void--id = Finding number (`12`, `#12`) or uid prefix
help-void--reason = Why the finding is void, kept in the history

help-history = Show the edit history, of one finding or of the whole logbook
help-history--id = Only the history of this finding

help-report = Monthly summary, repeat offenders and trends
help-report-month = Per-unit summary of one reporting period (default: the current one)
help-report-month--month = The period: `5/2022`, `2022-05`, `this`, `last`
help-report-repeat = People with several findings in the last months, and the next action for each
help-report-repeat--months = How many months to look back [default: config `repeat_months`]
help-report-repeat--min = The fewest findings that make a repeat offender
help-report-repeat--as_of = The last day of the window [default: today]
help-report-trend = A measure over several periods, months as columns
help-report-trend-long =
    A measure over several periods, months as columns.

    Rows are units; give the global `--by kind` for one row per kind of finding instead (`--by unit` is the default).
help-report-trend--from = First period [default: five periods before `--to`]
help-report-trend--to = Last period [default: the current one]
help-report-trend--measure = What to count

help-export = Write findings, visits, units or people as CSV for a spreadsheet
help-export--records = What to export
help-export--month = A reporting month: `5/2022`, `2022-05`, `this`, `last`
help-export--from = First day
help-export--to = Last day (included)
help-export--unit = Only this unit
help-export--kind = Only this kind of finding
help-export--person = Only findings about people whose name contains TEXT (accents ignored)
help-export--search = Only findings whose text contains TEXT (accents ignored)
help-export--excel = Start with a byte-order mark, so Excel reads Vietnamese correctly
help-export--sep = The list separator: `,` or, for spreadsheets set to a semicolon, `;`

help-import = Read records back from a CSV file that export wrote (all rows or none)
help-import--records = What the file holds
help-import--file = The CSV file (`-` for standard input)

help-merge = Bring in another inspector's logbook: new records added, later edits win
help-merge--other = The other logbook (opened read-only, never changed)

help-sql = Run one read-only SQL query on the logbook's views and tables
help-sql--query = The query, as "SELECT unit_code, count(*) FROM findings_v GROUP BY 1"
help-sql--params = Bind `:NAME` in the query to VALUE (whole numbers bind as numbers)
help-sql--time_limit = Stop the query if it runs longer than this many seconds

help-schema = List the views to query, with their columns and an example each

help-backup = Copy the logbook to a new file, consistent even while others write
help-backup--file = The copy to make
help-backup--force = Replace FILE if it exists

help-check = Check the file, the edit history and every record against it; print the seal
help-check--seal = Confirm that the history still holds this seal (printed by an earlier `check` or a report) unaltered

help-completions = Print a shell completion script
help-completions--shell = The shell to complete for

help-man = Write a manual page for spotcheck and for each of its commands into DIR
help-man--dir = The directory for the pages (made if missing), as `~/.local/share/man/man1`
help-report-month--xlsx = Also write the report as an Excel workbook: the summary with the period before beside it and a chart, every finding, the repeat offenders
help-export--xlsx = Write an Excel workbook of one sheet to FILE instead of CSV: numbers as numbers, days as dates
help-report-trend--chart = Draw bars instead of the table: each row's total, then each period's
help-report-month--svg = Also draw the findings per unit, stacked by kind, as an SVG picture
help-report-trend--svg = Also draw the trend as lines, one per row, in an SVG picture

## Plans, assigned tasks and their reports.

help-plan = Plan how often each unit is to be checked
help-plan-set = Set how many visits a unit (or every unit) is to have each month, quarter or year
help-plan-set--unit = The unit's code or an unambiguous part of its name, or `all` for every unit without a plan of its own
help-plan-set--visits = Visits to make in each period
help-plan-set--per = How long each period is
help-plan-set--from = The first month the plan covers, as `1/2022` [default: from the start]
help-plan-set--to = The last month the plan covers [default: until further notice]
help-plan-list = List the plans
help-plan-list--include_void = Also list plans cleared before they began
help-plan-clear = End the plan of a unit (or of every unit) from a month on; earlier months keep it
help-plan-clear--unit = The unit's code or an unambiguous part of its name, or `all` for the plan of every unit
help-plan-clear--from = The first month without the plan [default: the current one]
help-task = Record, finish, correct or list the tasks the district assigned to units
help-task-add = Record a task assigned to a unit, with its deadline
help-task-add--unit = The unit's code or an unambiguous part of its name
help-task-add--text = What the unit is to do
help-task-add--due = The deadline
help-task-add--assigned = The day it was assigned
help-task-add--source = The directive or instruction it comes from, as `Công văn 125/UBND`
help-task-add--note = A note
help-task-done = Record that a unit finished a task
help-task-done--id = The task: its number or the start of its uid
help-task-done--on = The day it was done [default: today]
help-task-list = List tasks with where each stands today
help-task-list--unit = Only the tasks of this unit
help-task-list--open = Only the tasks not done yet
help-task-list--overdue = Only the tasks not done by their deadline, which has passed
help-task-list--include_void = Also list void tasks
help-task-show = Show one task in full, with its history
help-task-show--id = The task: its number or the start of its uid
help-task-edit = Correct a task; the old version stays in the history
help-task-edit--id = The task: its number or the start of its uid
help-task-edit--text = What the unit is to do
help-task-edit--due = The deadline
help-task-edit--assigned = The day it was assigned (`""` for none)
help-task-edit--source = The directive or instruction it comes from (`""` for none)
help-task-edit--done = The day it was done
help-task-edit--not_done = It is not done after all
help-task-edit--note = A note (`""` for none)
help-task-edit--reason = Why it is corrected, kept in the history
help-task-void = Void a task: it stays in the logbook but leaves lists and reports
help-task-void--id = The task: its number or the start of its uid
help-task-void--reason = Why it is void
help-unfinished = Log an assigned task found unfinished after its deadline, at the visit to its unit
help-unfinished--task = The task: its number or the start of its uid
help-unfinished--visit = The visit to log to, when it is not the current one
help-unfinished--action = What was done about it
help-unfinished--note = A note
help-report-plan = Visits planned and made per unit in the plan's period that holds a month, and the units not checked that quarter
help-report-plan--month = The month: `5/2022`, `2022-05`, `this`, `last` [default: the current one]
help-report-tasks = Open and overdue assigned tasks per unit at the end of a period
help-report-tasks--month = The period: `5/2022`, `2022-05`, `this`, `last` [default: the current one]
