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
# $kind is the kind as stored: late, absent, overdue or other.
records-flag-not-for-kind = `{ $flag }` does not apply to { $kind ->
        [late] a late
       *[other] an { $kind }
    } finding (#{ $number })
records-void-not-editable = finding #{ $number } is void and cannot be edited
records-no-arrival-time = finding #{ $number } has no arrival time to compare: give `--arrived` too
records-person-added-to-staff = added { $name } to the staff of { $unit } (person #{ $number })
records-edited = edited #{ $number } { $kind }: { $changes }
records-unchanged = #{ $number } unchanged: the values given are the ones it has
records-void-needs-reason = say why the finding is void, as `--reason "logged twice"`
records-voided = voided #{ $number } { $kind }: { $detail } ({ $reason })
records-no-history = no history yet

# What `history` shows for a record as it was first written; scripts read
# `created` whatever the language.
term-created = created
