### the logbook file

## What is wrong with the file named by `--db` (after "logbook `PATH`: ").

store-db-advice = ; name a logbook with `--db`
store-logbook-is-directory = is a directory: name a file, as in `--db inspections.db`
store-logbook-is-directory-db = is a directory: name a file with `--db`
store-logbook-missing = does not exist: create it with `spotcheck init`, then add a unit with `spotcheck unit add CODE NAME`
store-logbook-missing-directory = does not exist, nor does its directory `{ $dir }`: name the logbook with `--db`
store-logbook-absent = does not exist{ $advice }
store-logbook-unreadable = cannot be read: { $error }
store-logbook-unopenable = cannot be opened: { $error }
store-logbook-uncreatable = cannot be created: { $error }
store-logbook-uncreatable-directory = cannot be created: the directory `{ $dir }` does not exist; create it first or name another `--db` file
store-logbook-empty = is an empty file, not a spotcheck logbook{ $advice }
store-logbook-not-sqlite = is not a spotcheck logbook (not an SQLite database){ $advice }
store-logbook-not-readable-sqlite = cannot be read as an SQLite database: { $error }
store-logbook-not-ours = is an SQLite database but not a spotcheck logbook{ $advice }
store-logbook-other-program = is an SQLite database of another program (application_id { $id }), not a spotcheck logbook
store-logbook-too-new = was written by a newer spotcheck (schema version { $version }; spotcheck { $release } reads schema versions 1 to { $known }): open it with the spotcheck that wrote it, a version after { $release } (CHANGELOG.md says which version brought each schema)
store-logbook-no-wal = cannot use a write-ahead log (journal mode stays `{ $mode }`)

## Records that people name.

store-unit-code-invalid = invalid unit code `{ $code }`: use letters, digits and dashes, as in `tam-dai`
store-unit-exists = unit `{ $code }` already exists: change it with `spotcheck unit edit { $code }`
store-unit-needed = a unit is needed: type its code or part of its name
store-unit-no-match = no unit matches `{ $reference }`: see `spotcheck unit list`, or add it with `spotcheck unit add CODE NAME`
store-unit-no-match-close = no unit matches `{ $reference }`: did you mean { $close }? see `spotcheck unit list`, or add it with `spotcheck unit add CODE NAME`
store-unit-ambiguous = `{ $reference }` matches { $count } units: { $units }; type the code
# Between the units of "did you mean A or B?".
store-or = or
store-person-name-needed = a person's name is needed, as in `Nguyễn Văn An`
store-person-exists = { $name } is already on the staff of { $unit } (person #{ $id })
store-no-current-visit = no current visit: start one with `spotcheck visit start UNIT`, or name one with `--visit ID`
store-finding-already-void = finding #{ $id } is already void (since { $at }: { $reason })
# $what is `visit` or `finding`; $list the command that lists them.
store-no-record = no { $what } `{ $typed }`: see `spotcheck { $list }`
store-record-ambiguous = `{ $typed }` names more than one { $what }: type more digits of the uid, or `#` and the number
# A visit named in the edit history.
store-visit-label = visit #{ $number }

## `spotcheck sql` and `spotcheck export`.

store-sql-refused = refused: `spotcheck sql` only reads (SELECT, WITH … SELECT, reading pragmas); use spotcheck's own commands to change the logbook
store-sql-stopped = the query was stopped after { $seconds } s: narrow it with WHERE or LIMIT, or give it longer with `--time-limit SECONDS`
store-sql-too-big = the query failed: { $error }: a query may be up to { $sql_bytes } bytes long and make values of up to { $value_bytes } bytes
store-sql-one-statement = `spotcheck sql` runs one statement at a time: remove what follows the first `;`
store-sql-failed = the query failed: { $error }
store-sql-unknown-param = the query has no parameter `{ $name }`: name it in the query as `{ $name }`
store-sql-positional-param = the query has a `?` parameter, which `--param` cannot fill: name it, as `:unit`, and give `--param unit=VALUE`
store-sql-param-missing = the query's parameter `{ $name }` has no value: give it with `--param { $bare }=VALUE`
# $records is `findings`, `visits`, `units` or `people`.
store-export-no-dates = { $records } have no dates: leave out `--month`, `--from` and `--to`
store-export-findings-only = `--kind`, `--person` and `--search` apply to findings only

## What `spotcheck check` finds wrong, one problem per record.

store-check-missing-parent = refers to a missing row of { $table }
store-check-entry-missing = entry #{ $seq } before it is missing
store-check-entries-missing = entries #{ $first } to #{ $last } before it are missing
store-check-broken-chain = does not chain to the entry before it: an earlier entry was removed or changed
# $action and $entity are the words the history stores: `edit` of `finding`.
store-check-entry-changed = was changed after it was written ({ $action } of { $entity } { $uid })
store-check-uid-changed = its uid `{ $uid }` is not the `{ $history_uid }` its history names: it was changed behind spotcheck's back
store-check-no-history = has no history entry: it was added, or its history removed, behind spotcheck's back
store-check-differs = differs from its last history entry: it was changed behind spotcheck's back ({ $fields })
store-check-unreadable-entry = unreadable history entry
store-check-unnamed-fields = fields its history cannot name
store-check-entry-out-of-place = is out of place: entries written before schema 11 come first, then the one entry that starts the compact chain, then the compact entries; it was added or moved behind spotcheck's back
store-check-deleted = is in the history but not in the logbook: it was deleted behind spotcheck's back
store-check-seal-altered = `{ $seal }` is not confirmed: history entries up to #{ $seq } were altered
store-check-seal-unknown = `{ $seal }` is not in the history: entries were altered or removed, or the seal is from another logbook

## What spotcheck was doing when SQLite failed (before ": " and SQLite's own words).

store-opening = opening the logbook
store-opening-in-memory = opening an in-memory logbook
store-setting-busy-timeout = setting the busy timeout
store-turning-on-foreign-keys = turning on foreign keys
store-turning-off-trusted-schema = turning off trusted_schema
store-turning-on-defensive = turning on defensive mode
store-fixing-query-plans = fixing query plans
store-registering-folding = registering the folding function
store-switching-to-wal = switching the journal to WAL
store-setting-synchronous = setting synchronous=FULL
store-starting-write = starting a write
store-committing-write = committing the write
store-reading-schema-version = reading the schema version
store-starting-upgrade = starting the schema upgrade
store-upgrading = upgrading the logbook to schema version { $version }
store-marking-logbook = marking the file as a spotcheck logbook
store-recording-schema-version = recording the schema version
store-committing-upgrade = committing the schema upgrade
store-backing-up-before-upgrade = backing up the logbook to `{ $path }` before upgrading it
store-backing-up = backing up to `{ $path }`
store-making-read-only = making the connection read-only
store-installing-guard = installing the read-only guard
store-limiting-query = limiting the query
store-setting-time-limit = setting the query's time limit
store-listing-views = listing the views
store-listing-view-columns = listing a view's columns
store-looking-up-record = looking up { $what } #{ $number }
store-looking-up-uid = looking up a uid
store-looking-up-by-uid = looking up { $records } by uid
store-reading-record-uid = reading a record's uid
store-counting = counting { $records }
store-exporting = exporting { $records }
store-looking-for-merged = looking for a merged version in the history
store-adding-unit = adding unit `{ $code }`
store-changing-unit = changing unit `{ $code }`
store-reading-unit = reading a unit
store-looking-up-unit-by-code = looking up a unit by code
store-looking-up-unit-by-name = looking up a unit by name
store-listing-units = listing units
store-reading-person = reading a person
store-looking-up-person = looking up a person
store-adding-person = adding a person
store-listing-people = listing people
store-reading-visit = reading a visit
store-recording-visit = recording the visit
store-ending-visit = ending the visit
store-changing-visit = changing the visit
store-reading-current-visit = reading the current visit
store-setting-current-visit = setting the current visit
store-listing-visits = listing visits
store-reading-finding = reading a finding
store-logging-finding = logging the finding
store-changing-finding = changing the finding
store-voiding-finding = voiding the finding
store-looking-for-same-finding = looking for the same finding on the visit
store-listing-findings = listing findings
store-reading-history-end = reading the end of the edit history
store-appending-history = appending to the edit history
store-naming-history-record = naming a record in the history
store-preparing-history = preparing the history query
store-reading-history = reading the edit history
store-taking-snapshot = taking a snapshot for the edit history
store-reading-seal = reading the seal
store-checking-integrity = checking the file's integrity
store-checking-references = checking references
# $records is `findings`, `visits`, `units` or `people`.
store-comparing-with-history = comparing the { $records } with their history
store-preparing-summary = preparing the monthly summary
store-computing-summary = computing the monthly summary
store-counting-repeats = counting repeat offenders
store-preparing-repeats = preparing the repeat offenders query
store-finding-repeats = finding repeat offenders
store-preparing-trend = preparing the trend
store-computing-trend = computing the trend

## Search.

store-search-no-word = `--search { $typed }` has no word to look for: give some letters or digits, as in `--search "nguyen van"`
store-search-index-out-of-step = does not hold the words the findings have now: `list --search` and `export --search` may miss or wrongly find findings
store-checking-search-index = checking the search index
store-search-index-pending = { $count } { $count ->
        [one] finding changed by another program is
       *[other] findings changed by another program are
    } not in it yet, and the file could not be written to add them: `list --search` and `export --search` may miss or wrongly find them until spotcheck can write to the file
store-indexing-search = updating the search index
store-planning-a-list = planning a list

## Plans and assigned tasks.

store-reading-plan = reading a plan
store-plan-ends-before-it-starts = a plan from { $from } cannot end earlier, in { $to }: type a `--to` on or after `--from`
store-plan-negative-visits = a plan needs zero visits or more
store-adding-plan = adding the plan
store-changing-plan = changing the plan
store-listing-plans = listing plans
store-reading-task = reading a task
store-task-due-before-assigned = the deadline { $due } is before the day the task was assigned, { $assigned }: dates are day first, as `30/06/2022`
store-task-done-before-assigned = a task cannot be done on { $done }, before it was assigned on { $assigned }
store-task-text-empty = a task needs a text saying what is to be done
store-adding-task = adding the task
store-changing-task = changing task #{ $id }
store-task-already-void = task #{ $id } is already void (since { $at }: { $reason })
store-listing-tasks = listing tasks
# A task named in the edit history.
store-task-label = task #{ $number }
store-counting-visits = counting visits per unit
store-counting-tasks = counting tasks per unit

## Opening a logbook for a read, which never writes to it.

store-logbook-older = has schema version { $version }, written by an older spotcheck; this one reads and writes version { $known }, and a read never changes the file: upgrade it with `spotcheck init` (which keeps the old file as `{ $backup }`; an older spotcheck cannot open the upgraded one), or read it with the spotcheck that wrote it
store-logbook-not-initialised = is an empty SQLite database, not yet a logbook: make it one with `spotcheck init`
store-logbook-uncopyable = cannot be copied aside to be read without writing to it: { $error }

## What `check` finds in the schema and in the columns no history entry holds.

store-reading-schema = reading the logbook's schema
store-check-schema-missing = is missing: it was dropped behind spotcheck's back
store-check-schema-changed = differs from the one this spotcheck creates: it was changed behind spotcheck's back
store-check-schema-added = is not one spotcheck creates: it was added behind spotcheck's back
store-check-bad-stamp = its { $column } `{ $value }` is not a time as spotcheck writes them (as `2022-05-10T00:35:00.000Z`): it was changed behind spotcheck's back
store-check-folded-name = its name_folded is not its name folded: it was changed behind spotcheck's back, and lookups by name miss it
store-logbook-schema-changed = has a schema that differs from the one this spotcheck creates ({ $objects }): it was changed behind spotcheck's back, and what spotcheck reads or writes there may leave records out; spotcheck left the file as it is: run `spotcheck check` to see every change, and restore the logbook from your latest backup (see `spotcheck backup`)
store-logbook-version-tampered = says it has schema version { $version }, but its tables are those of version { $actual }: the version number was changed behind spotcheck's back; spotcheck left the file as it is: set it back with `sqlite3 { $file } 'PRAGMA user_version = { $actual }'`, then run spotcheck again (this one writes version { $known })
store-logbook-version-unknown = says it has schema version { $version }, but its tables are not those of any version spotcheck wrote (this one writes version { $known }): they were changed behind spotcheck's back; spotcheck left the file as it is: restore it from your latest backup (see `spotcheck backup`)
store-upgrade-failed = could not be upgraded to schema version { $version } ({ $error }); the upgrade was undone and the file left as it was: restore it from your latest backup if it was changed by hand

## A stored value that cannot be read, changed by another program.

store-bad-stored-value = { $record }: its stored { $column } `{ $value }` is not a date or time as spotcheck stores them; it was changed behind spotcheck's back: run `spotcheck check`, and correct the record with `spotcheck edit` or restore the logbook from your latest backup

## Another program holds the write lock.

store-logbook-locked = is locked by another program writing to it (another spotcheck, or an `sqlite3` session with a write under way); this spotcheck waited { $seconds } s to write and gave up, changing nothing: let the other finish, or close it (in `sqlite3`, type `COMMIT;` or `.quit`), then try again
store-check-stamp-changed = its { $column } `{ $value }` is not { $at }, the time of its one history entry, as its other stamp is: it was changed behind spotcheck's back
store-check-stamp-differs = its { $column } `{ $value }` is not `{ $recorded }`, as its last history entry has it: it was changed behind spotcheck's back
store-person-name-is-number = `{ $name }` is how a person is named by number, not a name; type the person's name, as in `Nguyễn Văn An`
store-person-no-number = there is no person #{ $number }; `spotcheck person list` shows the staff and their numbers
store-person-other-unit = person #{ $number } is { $name } of { $other }, not of { $unit }; move them with `spotcheck person edit '#{ $number }' --unit { $code }`, or name someone of { $unit }
store-person-retired = { $name } (#{ $number }) left the unit on { $left }; to log about them anyway type `'#{ $number }'` as the person, or bring them back with `spotcheck person retire '#{ $number }' --undo`
store-person-ambiguous = "{ $typed }" could be any of { $count } people: { $people }; type the name with its diacritics, or the person's number, as `'#{ $first }'`
store-person-no-match = no person is named "{ $typed }"; `spotcheck person list` shows the staff and their numbers
store-person-ambiguous-anywhere = "{ $typed }" could be any of { $count } people: { $people }; name one by number, as `'#{ $first }'`
store-person-namesake = { $name } (#{ $number }) is already on the staff of { $unit }; if both records are one person, join them with `spotcheck person merge '#{ $keep }' '#{ $other }'`
store-changing-person = changing person #{ $number }
store-person-merge-self = person #{ $number } cannot be merged into itself
store-person-merge-alias = { $name } (#{ $number }) was already merged into person #{ $root }; name #{ $root } instead
store-person-alias-moves = { $name } (#{ $number }) is another name of person #{ $root }, not someone to move; move #{ $root } instead
store-person-merge-other-unit = { $name } (#{ $number }) is of { $unit } and { $other_name } (#{ $other }) of { $other_unit }: only records of one unit are joined; move one first with `spotcheck person edit '#{ $number }' --unit CODE`
store-person-reads-as = "{ $typed }", without diacritics, reads as { $name } (#{ $id }), already on the staff of { $unit }; to add someone else, type their name with its diacritics
store-unit-own-parent = unit `{ $code }` cannot belong to itself: name another unit with `--parent`, or give `--no-parent`
store-unit-parent-cycle = unit `{ $code }` cannot belong to `{ $parent }`, which already belongs to it ({ $path }): name a unit above it with `--parent`, or give `--no-parent`
store-finding-proposals = finding the disciplines proposed and not yet decided
store-counting-categories = counting the breaches of each category
store-counting-absences = counting the days of unexcused absence
store-finding-disagrees = finding #{ $number } cannot be written so: { $why }; nothing was changed
store-new-finding-disagrees = the finding cannot be written so: { $why }; nothing was changed
store-disagree-form-without-day = it would have a form of discipline but no day of decision, and a decision is taken on a day
store-disagree-new-due-before-apology = its new appointment { $new_due } would be before the apology of { $apology }
store-disagree-other-excuse = it would be an absence excused for another reason without the reason
store-disagree-decision-without-person = it would hold the outcome of a discipline but is about no person
store-counting-overdue-details = counting the overdue files by apology, channel and stage
store-reading-decisions = reading the disciplines decided

## The summary of each person's findings by month.

store-summarising = summarising each person's findings by month
store-checking-summary = checking the summary of each person's findings
store-check-summary-differs = its summary for { $month } is not what its findings give: it was changed behind spotcheck's back, and reports count repeat offenders from it
store-check-unit-summary-differs = its summary for { $month } is not what its visits and findings give: it was changed behind spotcheck's back, and reports of whole months count from it

# Encrypted logbooks.
store-logbook-encrypted-no-key = is encrypted (or is not an SQLite database), and no key was given to open it
store-logbook-wrong-key = does not open with the key given: it is another logbook's key, or the file is not a logbook; nothing was changed
store-logbook-unreplaceable = could not be replaced by its new copy ({ $error }); the logbook is as it was
store-rewriting = writing { $path } anew
store-logbook-in-use = is open in another program, or was written while it was copied; it was left as it was: close the other program (another spotcheck, an `sqlite3` session) and try again
store-logbook-replaced = was replaced by another file (encrypted or decrypted) while this command waited to write; nothing was written: run the command again
store-logbook-appeared = was made by another program meanwhile; it was left as it is
