### The field work: visits, findings and the status overview.

field-name-needed = a person's name is needed, as in "Nguyễn Văn An"
field-minutes-zero = `--minutes 0` is not late: give the minutes after the start, as `--minutes 20`
field-arrival-needed = give the arrival time with `--arrived 8:05`, or the minutes with `--minutes 35`
field-not-late = arrival `{ $arrived }` is not after the start `{ $expected }`: not late; if the start was different, give it with `--expected`
field-received-after-due = received `{ $received }` is after the promised date `{ $due }`: check `--received` and `--due`
field-returned-on = returned { $day }
field-checked-on = checked { $day }
field-not-overdue = file `{ $file }` is not overdue: promised { $due }, { $when }; check the promised date (`--due`)
field-person-added = added { $name } to the staff of { $unit } (person #{ $id })
field-did-you-mean-person = note: did you mean { $name } (person #{ $id })? If so, `spotcheck edit { $finding } --person "{ $name }"`
# The one line after a finding is logged; $shape says which facts it has.
field-logged = logged #{ $id } { $kind }: { $shape ->
        [late] { $person }, { $unit }, { $minutes } min
        [early] { $person }, { $unit }, { $minutes } min
        [excused] { $person }, { $unit }{ $has_meeting ->
            [yes] , meeting: { $meeting }
           *[no] {""}
        }, excused: { $excuse }
        [absent] { $person }, { $unit }
        [absent-meeting] { $person }, { $unit }, meeting: { $meeting }
        [with-person] { $detail }, { $person }, { $unit }
       *[other] { $detail }, { $unit }
    }
field-file-ref-needed = a file reference is needed, as `HS-2022-0012`
field-description-needed = say what happened, as "không đeo thẻ công chức"
field-present-over-roll = `--present { $present }` is more than `--on-roll { $on_roll }`: check the two counts
field-visit-still-open = visit #{ $id } at { $unit } is still open; end it with `spotcheck visit end --visit { $id }`
field-visit-started = started visit #{ $id } at { $unit }, { $when } ({ $kind }); findings go to it until `spotcheck visit end`
field-no-visit-to-end = no current visit to end: name one with `--visit ID` (see `spotcheck visit list`)
field-end-before-start = the end `{ $end }` is before the visit started ({ $start }): give the end with `--at`
field-visit-ended = ended visit #{ $id } at { $unit }, { $when }, { $count } { $count ->
        [one] finding
       *[other] findings
    }
field-no-visits = no visits match
field-no-visit-to-show = no current visit: name one, as `spotcheck visit show 3` (see `spotcheck visit list`)
field-from-after-to = `--from { $from }` is after `--to { $to }`: the first day comes first

## What was found, in one line.

detail-late-at = { $minutes } min (arrived { $arrived }, due { $expected })
detail-late = { $minutes } min
detail-early-at = { $minutes } min (left { $left }, session ended { $end })
detail-early = { $minutes } min
detail-excused = { $what }, excused: { $excuse }{ $given ->
        [yes] {" "}({ $reason })
       *[no] {""}
    }
detail-meeting = meeting: { $meeting }
detail-work-day = work day
detail-overdue = { $file }: { $days } { $days ->
        [one] day
       *[other] days
    } ({ $working } working)
detail-overdue-procedure = { $file }: { $days } { $days ->
        [one] day
       *[other] days
    } ({ $working } working), { $procedure }
detail-other = { $description }
detail-other-category = { $description } [{ $category }]

## Looking after the logbook: init, config, backup, check, status.

care-created = created logbook { $path } (schema version { $version })
care-ready = logbook { $path } is ready (schema version { $version } of { $newest })
care-config-found = found
care-config-not-found = not found (defaults apply)
care-none = none
care-backup-exists = `{ $file }` exists: name a new file, or add `--force` to replace it
care-no-directory = cannot write `{ $file }`: the directory `{ $dir }` does not exist
care-cannot-write = cannot write `{ $file }`
care-writing = writing `{ $file }`
care-backed-up = backed up { $db } to { $file }
care-backup-key-file = the copy is encrypted with the logbook's key; its key file is { $key_file }
care-backup-key-file-damaged = the copy is encrypted with the logbook's key, but no key file was put beside it: { $damage }
care-backup-no-key-file = the copy is encrypted with the logbook's key, which only this computer's keyring holds: the logbook has no key file to put beside it
care-key-changed = changed the key of logbook { $path }
care-logbook-hard-links = has { $links } names (hard links), and the others would keep the old file: remove the other names first (find them with `find / -samefile LOGBOOK`)
care-encrypt-exists = { $path } already exists: to encrypt a logbook that exists, run `spotcheck encrypt`
care-already-encrypted = { $path } is already encrypted; to give it a new key and passphrase, run `spotcheck key change`
care-not-encrypted = { $path } is not encrypted; nothing was changed
care-created-encrypted = created encrypted logbook { $path }
care-encrypted = encrypted logbook { $path }
care-decrypted = decrypted logbook { $path }: it is a plain SQLite file again, and its key file is gone
care-key-kept = its key is kept in this computer's keyring and, locked by your passphrase, in { $key_file }: keep a copy of that file with your backups, and the passphrase in your head
care-key-file-only = its key is kept, locked by your passphrase, in { $key_file } alone: keep a copy of that file with your backups, and the passphrase in your head; without both, the logbook cannot be opened
care-plain-copy-left = { $file }, a copy an upgrade made, is still plain: delete it if you do not need it
care-not-a-seal = `{ $seal }` is not a seal: a seal is the 64 hex digits that `spotcheck check` or a report printed; give all of them
care-seal = seal { $seal } (history entry #{ $seq })
care-no-seal = no history yet, so no seal
care-check-ok = ok: { $records } records agree with { $entries } history entries; { $head }
care-seal-confirmed = seal `{ $seal }` confirmed: the history it pins is unaltered
care-broken-head = the history's head is { $seal } (entry #{ $seq }), but a broken history gives no seal
care-check-failed = check found { $count } { $count ->
        [one] problem
       *[other] problems
    }; { $head }
care-not-made = not made yet
care-next-first-unit = spotcheck unit add CODE NAME --kind commune   (makes the logbook)
care-current-visit = #{ $id } { $unit } ({ $code }), since { $since }, { $count } { $count ->
        [one] finding
       *[other] findings
    }

## Guided entry: `spotcheck add`, one question at a time.

add-kind-late = arrived late (đi muộn)
add-kind-absent = absent from work or a meeting (vắng)
add-kind-overdue = a citizen's file past its promised date (hồ sơ trễ hẹn)
add-kind-other = another breach
add-kind-unfinished = an assigned task not done by its deadline
add-action-none = none yet
add-action-reported = reported
add-action-reminded = reminded (nhắc nhở)
add-action-criticised = criticised (phê bình)
add-action-review = self-review required (kiểm điểm)
add-action-discipline = discipline proposed (đề nghị kỷ luật)
add-no-units = there are no units yet: add one with `spotcheck unit add CODE NAME`, then run `spotcheck add` again
add-which-unit = No visit is under way. Which unit are you checking?
add-what-found = What did you find?
add-which-task = Which task?
add-who = Who?
add-who-optional = Who? (may be empty)
add-arrived-at = Arrived at (HH:MM)?
add-which-meeting = From which meeting? (empty: from work)
add-file-ref = File reference?
add-promised-on = Promised to the citizen on (dd/mm/yyyy)?
add-procedure = Procedure? (may be empty)
add-officer = Officer in charge? (may be empty)
add-what-was-it = What was it?
add-action-taken = Action taken?
add-answer-needed = an answer is needed
add-stopped = stopped: nothing was logged
add-cannot-ask = cannot ask on this terminal: { $problem }
add-no-terminal = `spotcheck add` asks its questions on a terminal; without one, give the finding as a command: `spotcheck late NAME --arrived 8h05`, `spotcheck absent NAME`, `spotcheck overdue REF --due DATE` or `spotcheck other TEXT`
add-not-a-command = the answers do not make a command: { $problem }
add-the-same-as-a-command = the same, as you can type it next time:

## An assigned task found unfinished at a visit.

detail-task = task #{ $task }: { $text }; { $days } { $days ->
        [one] day
       *[other] days
    } past the deadline ({ $working } working)
field-task-other-unit = task #{ $task } was assigned to { $task_unit }, but the visit is at { $unit }: log it at a visit to { $task_unit }, with `--visit`
field-task-was-done = task #{ $task } was done on { $done }, by the visit on { $visit }: nothing unfinished to log
field-task-not-due = task #{ $task } is due on { $due }: on { $visit }, the day of the visit, it was not yet late
add-no-command = the line names no command
field-took-person = took { $name } (#{ $id }) for "{ $typed }"
field-person-added-unaccented = note: the name has no diacritics; if it has them, `spotcheck person edit '#{ $id }' --name "…"` puts them in
field-person-near = also on the staff: { $people }; if one of them was meant, `spotcheck edit { $finding } --person '#{ $first }'`

# A finding the same in every fact as an earlier one of its visit; $about
# says what the two are about.
field-logged-twice = note: #{ $twin } already records the same { $about ->
        [file] about file { $file }
        [task] about task #{ $task }
        [none] finding
       *[person] about { $person }
    } on this visit; if this one was logged twice, `spotcheck void { $finding } --reason "logged twice"`
## Times of visits as meant, and correcting or voiding a visit.

field-end-in-future = the visit cannot end at { $end }: that is after today ({ $today }); end it once it is over
field-end-needs-at = visit #{ $id } started on { $day }, not today: give the time it ended, as `spotcheck visit end --visit { $id } --at 11h30` (a time alone is on { $day })
field-edit-end-before-start = the end { $end } would be before the start { $start }: correct `--start` or `--end`
field-start-other-day = visit #{ $id } has { $count } { $count ->
        [one] finding
       *[other] findings
    } counted from its day, { $day }: its start can change within that day only; if the visit was on another day, void it with `spotcheck visit void { $id } --reason "…"` and enter it again with `spotcheck visit start UNIT --at "DATE TIME"`
field-visit-edited = edited visit #{ $id }: { $changes }
field-visit-unchanged = visit #{ $id } unchanged: the values given are the ones it has
# $field is the field as tables head it.
field-visit-change = { $field } { $before } → { $after }
field-visit-void-needs-reason = say why the visit is void, as `--reason "started at the wrong unit"`
field-visit-voided = voided visit #{ $id } at { $unit }, { $when }, and its { $count } { $count ->
        [one] finding
       *[other] findings
    } ({ $reason }); a void is final: to record the visit after all, enter it again with `spotcheck visit start --at`
field-visit-is-void = visit #{ $id } is void (since { $at }: { $reason }): it cannot be changed or logged to; a void is final, so enter the visit again with `spotcheck visit start UNIT --at "DATE TIME"`
store-voiding-visit = voiding the visit
add-visit-started = When did the visit start?

## recount
recount-period-needed = name the period to count again: `--month 1/2026`, or `--from 01/01/2026 --to 31/03/2026`
recount-nothing = every stored count of the period is as the calendar gives it: nothing to change
recount-would-change = { $count ->
    [one] 1 finding would change; run again without --dry-run to record it
   *[other] { $count } findings would change; run again without --dry-run to record them
}
recount-changed = { $count ->
    [one] recounted 1 finding; its history keeps the count before
   *[other] recounted { $count } findings; their history keeps the counts before
}
field-left-needed = give the time the person left with `--left 16:20`, or the minutes with `--minutes 30`
field-not-early = departure `{ $left }` is not before the end of the session `{ $end }`: not early; if the session ended at another time, give it with `--end`
field-reason-needs-excuse = `--reason-given` is the reason of an excused absence: give `--excused` too, as `--excused other --reason-given "đi khám bệnh"`
field-other-excuse-needs-reason = an absence excused for another reason needs the reason: add `--reason-given "…"`
field-decision-without-person = a finding about no person (a task found unfinished) holds no outcome of discipline
field-new-due-before-apology = the new appointment { $new_due } is before the apology of { $apology }: check the two dates
add-kind-early = left early (về sớm)
add-left-at = Left at (HH:MM)?
add-excused = Was the absence excused?
add-not-excused = not excused (the breach)
add-reason-given = What reason was given?
add-apology-on = Apology sent to the citizen on (dd/mm/yyyy)? (may be empty)
field-early-minutes-zero = `{ $flag } 0` is not early: give the minutes before the end of the session, or the time left with `--left`
add-canceled = <canceled>
add-help-choose = ↑↓ to move, enter to choose, type to filter, Esc to give up
add-help-names = ↑↓ to move among the staff, Tab to take a name, enter to answer
