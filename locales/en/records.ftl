### units, people, lists and corrections

## Units.

records-hours-default = default
records-unit-needs-name = a unit needs a name, as "UBND xã Tam Đại"
records-unit-added = added unit { $code }: { $name } ({ $kind }, hours { $morning } / { $afternoon })
records-unit-changed = changed unit { $code }: { $name } ({ $kind }, hours { $morning } / { $afternoon })
records-no-units = no units yet: add one with `spotcheck unit add CODE NAME`

## People.

records-person-needs-name = a person's name is needed, as "Nguyễn Văn An"
records-person-added = added person #{ $number }: { $name }, { $unit }
records-person-added-with-position = added person #{ $number }: { $name } ({ $position }), { $unit }
records-no-people = no people yet: they are added when a finding names them, or with `spotcheck person add UNIT NAME`

## Lists and corrections of findings.

records-no-findings-match = no findings match
records-findings-count = { $count } { $count ->
        [one] finding
       *[other] findings
    }
# $kind is the kind as stored: late, early, absent, overdue, other or task.
records-flag-not-for-kind = `{ $flag }` does not apply to { $kind ->
        [late] a late
        [task] a task
       *[other] an { $kind }
    } finding (#{ $number })
records-void-not-editable = finding #{ $number } is void and cannot be edited
records-no-arrival-time = finding #{ $number } has no arrival time to compare: give `--arrived` too
records-no-due-date = finding #{ $number } has no promised date to count from: give `--due` too
records-edited = edited #{ $number } { $kind }: { $changes }
records-unchanged = #{ $number } unchanged: the values given are the ones it has
records-void-needs-reason = say why the finding is void, as `--reason "logged twice"`
records-voided = voided #{ $number } { $kind }: { $detail } ({ $reason })
records-no-history = no history yet

# What `history` shows for a record as it was first written; scripts read
# `created` whatever the language.
term-created = created

## Plans: `plan set|list|clear`.

plan-every-unit = every unit
plan-always = from the start, until further notice
plan-from = from { $from }
plan-until = until { $to }
plan-from-to = from { $from } to { $to }
# $outcome: whether the plan was added, changed or already so.
plan-set = { $outcome ->
        [changed] changed plan #{ $id }: { $unit }, now
        [unchanged] plan #{ $id } already says that: { $unit },
       *[added] plan #{ $id }: { $unit },
    } { $visits } { $visits ->
        [one] visit
       *[other] visits
    } a { $per }, { $months }
plan-none = no plans yet: set one with `spotcheck plan set all --visits 1 --per quarter`
plan-cleared-reason = cleared from { $from }
plan-nothing-to-clear = no plan of { $unit } covers { $from } or later: nothing to clear
plan-nothing-to-clear-own = { $unit } has no plan of its own covering { $from } or later: the plan of every unit applies to it; to spare it, type `spotcheck plan set { $code } --visits 0 --per month --from { $from }`
plan-ended = plan #{ $id } of { $unit } now runs { $months }
plan-voided = plan #{ $id } of { $unit } had not begun: it is void

## Assigned tasks: `task add|done|list|show|edit|void`.

task-added = task #{ $id }: { $unit }, due { $due }: { $text }
task-void-not-editable = task #{ $id } is void: it can no longer change (see `spotcheck task show { $id }`)
task-already-done = task #{ $id } was already done on { $done }; to change the day, type `spotcheck task edit { $id } --done DATE`
task-done-on-time = task #{ $id } done on { $done }, on time: { $unit }
task-done-late = task #{ $id } done on { $done }, { $days } { $days ->
        [one] day
       *[other] days
    } late ({ $working } working): { $unit }
task-none = no tasks match
task-days-late = { $days } ({ $working } wd)
task-edited = edited task #{ $id }: { $changes }
task-unchanged = task #{ $id } already says that: nothing changed
task-voided = voided task #{ $id } ({ $unit }: { $text }): { $reason }

## Correcting units: `unit add --force`, `unit merge`, `unit retire`.

records-unit-same-name = unit `{ $code }` already has this name: { $name }; a second unit of the same name is most likely the same one typed again (see `spotcheck unit list`); to add `{ $new }` anyway, type the same command with `--force`
records-unit-retired-no-visits = unit `{ $code }` ({ $name }) was retired on { $day }: it is kept for history and old reports but takes no new visits; if it is still checked, type `spotcheck unit retire { $code } --undo` first
records-unit-merged-no-visits = unit `{ $code }` ({ $name }) was merged into `{ $keep }` ({ $keep_name }): start the visit there, as `spotcheck visit start { $keep }`
records-unit-already-retired = unit `{ $code }` was already retired on { $day }
records-unit-not-retired = unit `{ $code }` is not retired: there is nothing to undo
records-unit-moving = moving { $records } to another unit
records-unit-merge-itself = `{ $code }` is named twice: name the unit to keep, then the unit to merge into it
records-unit-merge-into-merged = unit `{ $keep }` was itself merged into `{ $into }`: merge into that unit instead, as `spotcheck unit merge { $into } { $other }`
records-unit-merge-already = unit `{ $other }` was already merged into `{ $into }`
# Stored in the history as the reason of each change a unit merge makes.
records-unit-merge-reason = unit { $other } merged into { $keep }
records-unit-merge-plan-reason = unit { $other } merged into { $keep }, whose plan #{ $plan } starts in the same month
records-unit-merge-joined = { $alias } (#{ $alias_number }) is now an alias of { $name } (#{ $number }), who takes { $findings } { $findings ->
        [one] finding
       *[other] findings
    }
records-unit-merge-plan-voided = plan #{ $plan } of { $other } voided: plan #{ $kept } of { $keep } starts in the same month
records-unit-merged = merged unit { $other } into { $keep }: { $visits } { $visits ->
        [one] visit
       *[other] visits
    }, { $people } { $people ->
        [one] person
       *[other] people
    } ({ $joined } joined to namesakes), { $plans } { $plans ->
        [one] plan
       *[other] plans
    }, { $tasks } { $tasks ->
        [one] task
       *[other] tasks
    } moved
records-unit-retired = retired unit { $code } ({ $name }) on { $day }: kept for history and old reports, no longer offered for new visits
records-unit-unretired = unit { $code } ({ $name }) is in use again: it is offered for new visits
records-unit-unmerged = unit { $code } ({ $name }) is in use again and no longer merged into { $keep }; what the merge moved stays with { $keep }
records-unit-parent = , part of { $parent }
records-unit-week = , works { $week }
records-unit-follows-seasons = , own hours following the seasons
records-no-left-time = finding #{ $number } has no time left to compare: give `--left` too
records-form-needs-day = a form of discipline is decided on a day: give `--decided-on` too, as `--decided-on 15/09/2026`
