### The program as a whole: errors, settings, the language itself.

error-line = error: { $message }
config-lang-env-unknown = SPOTCHECK_LANG `{ $value }` is not a language spotcheck speaks: set it to `vi` or `en`
config-lang-unknown = lang `{ $value }` is not a language spotcheck speaks: write `lang = "vi"` or `lang = "en"`

## Where a setting came from, as `spotcheck config` shows it.

source-default = default
source-file = config file
source-env = environment { $name }
source-flag = flag { $name }
source-data-dir = platform data dir
source-os-user = OS user
source-locale = locale

## The words around an error's details.

error-config = config file `{ $path }`: { $problem }
error-logbook = logbook `{ $path }`: { $problem }
error-output = writing output: { $problem }
error-disk-full = the disk may be full, or the file larger than this system allows; free some space and run the command again (nothing was changed)
error-server-password = check the password given by `--password-file`, PGPASSWORD or ~/.pgpass (nothing was changed)
error-server-not-allowed = the server does not let this role in from here: ask whoever runs it (nothing was changed)
error-server-unreachable = is PostgreSQL running there, and is this machine online? Nothing was changed; run the command again when the server can be reached
error-server-certificate = the server's certificate was not accepted: check that `sslrootcert` names the authority that signed it and that the URL names the host it was made out to (nothing was changed)
error-server-no-password = no password was found for this role: give it with `--password-file FILE`, PGPASSWORD or a line `HOST:PORT:DATABASE:ROLE:PASSWORD` in ~/.pgpass (nothing was changed)
error-logbook-damaged = the logbook file is damaged; spotcheck left it as it is: restore it from your latest backup (see `spotcheck backup`)

## The config file.

config-cannot-read = cannot be read: { $problem }
config-position = line { $line }, column { $column }
config-no-home = no home directory to keep the logbook in: name one with `--db FILE`
config-holiday-invalid = invalid holiday `{ $value }`: write holidays as `2022-05-02` or `02/05/2022`
config-working-day-invalid = invalid extra working day `{ $value }`: write days as `2026-01-10` or `10/01/2026`
config-date-invalid = invalid date `{ $value }`: write dates as `2026-04-15` or `15/04/2026`
config-day-both-ways = { $date } is both in `holidays` and in `extra_working_days`: keep it in one of them
config-replaced-year-unknown = replace_builtin_years: spotcheck has no built-in days for { $value }; the built-in years are { $years } (for another year, list its days in `holidays` and `extra_working_days`)
config-season-backwards = the season ends on { $to }, before it starts on { $from }: swap `from` and `to`
config-season-overlap = the season { $from } – { $to } overlaps the season { $other_from } – { $other_to }: a day can be in one season only
config-hours-out-of-order = office hours { $morning }–{ $morning_end } and { $afternoon }–{ $afternoon_end } are out of order: each session ends after it starts, and the morning ends no later than the afternoon starts
config-team-level-unknown = team level `{ $value }` is not one spotcheck knows: write `level = "province"`, `"commune"`, or `"district"` for a team of before July 2025
config-period-start-day-range = period_start_day `{ $value }` must be from 1 to 28
config-repeat-months-range = repeat_months `{ $value }` must be from 1 to 120

## Files written with `-o`, manual pages, the logbook made on first use.

main-output-no-directory = cannot write `{ $path }`: the directory `{ $dir }` does not exist
main-cannot-write = cannot write `{ $path }`
main-cannot-write-because = cannot write `{ $path }`: { $problem }
main-output-disk-full = the disk is full, or the file larger than this system allows; free some space and run the command again (nothing was written)
main-writing = writing `{ $path }`
main-man-cannot-write = cannot write manual pages to `{ $dir }`
main-man-written = wrote { $count } manual pages to { $dir }; read one with `man -l { $page }`
main-created-logbook = created logbook { $path }
main-creating-data-directory = creating the data directory `{ $dir }`

## Progress bars; the values are the bar's own placeholders.

main-progress-bytes = [{ $bar }] { $done }/{ $total }, { $eta } left
main-progress-records = [{ $bar }] { $done }/{ $total } records, { $eta } left
main-progress-rows = { $done } rows ({ $elapsed })

## Mistakes on the command line, where clap's own words are not used.

cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-unknown-flag = unexpected argument '{ $flag }' found
cli-error-bad-value = invalid value '{ $value }' for '{ $flag }'
cli-error-missing = the following required arguments were not provided: { $flags }
cli-error-conflict = the argument '{ $flag }' cannot be used with '{ $other }'
cli-error-did-you-mean = tip: a similar one exists: '{ $suggestion }'
cli-error-try-help = For more information, try '--help'.
cli-error-separator = `{ $text }` is not a separator: use `,` or `;`
main-csv-options-without-csv = `--excel` and `--sep` shape CSV output: add `--format csv` (or leave them out)

## Dates outside the calendar
main-date-out-of-calendar = `{ $value }` is outside the calendar: spotcheck keeps dates from the year 0001 to 9999
main-clock-out-of-calendar = { $name } `{ $value }` is outside the calendar: set it to a date-time from the year 0001 to 9999, as `2022-05-10T08:00`

## Ctrl-C during sql
main-sql-interrupted = the query was interrupted; the logbook is as it was

## Output files: what is never written over, and a run stopped by Ctrl-C.

main-output-is-logbook = cannot write `{ $path }`: it is the logbook `{ $db }` or one of its own files (`-wal`, `-shm`, `.key`), and writing there would destroy it; name another file
main-output-is-directory = cannot write `{ $path }`: it is a directory; name a file inside it instead
main-interrupted = interrupted

## Backups: the journals beside the target.
main-sidecar-is-logbook = cannot write `{ $path }`: `{ $file }` beside it is the logbook `{ $db }` or one of its files, which SQLite would take for a journal of the copy; name another file

## Outputs: files that are not to be written over, links, two outputs in one file.
main-output-is-config = cannot write `{ $path }`: it is the config file `{ $config }` that spotcheck read for this command, and writing there would replace its settings; name another file
main-sidecar-is-config = cannot write `{ $path }`: `{ $file }` beside it is the config file `{ $config }`, which SQLite would take for a journal of the copy; name another file
main-output-link-nowhere = cannot write `{ $path }`: it is a symbolic link to `{ $target }`, and the directory `{ $dir }` does not exist; make the directory or name another file
main-outputs-same-file = `{ $flag } { $path }` and `{ $other_flag } { $other }` are the same file, and one output would overwrite the other; name a different file for each
main-man-not-directory = cannot write manual pages to `{ $dir }`: it is a file, not a directory; name a directory, as `~/.local/share/man/man1`
main-output-no-room = the disk is full, or the file larger than this system allows
main-output-partly-written = cannot write `{ $path }`: { $problem }; it was being written over in place, so it may now hold part of the new result and nothing of what it held before, and the complete result was not kept anywhere: put that right and run the command again
config-threshold-range = { $key } `{ $value }` must be a number of days from 1 to { $most }
config-server-password = the server URL holds a password: take it out, and keep the password in ~/.pgpass (`HOST:PORT:DATABASE:ROLE:PASSWORD`, `chmod 0600`) or PGPASSWORD, where other users of this machine cannot read it
config-team-word-unknown = the team's word `{ $value }` is not one spotcheck knows: write `word = "tổ"` or `word = "đoàn"`
