### corrections of people: `person edit|merge|retire`, `person list --similar`

people-edited = edited person #{ $number }: { $changes }
people-unchanged = person #{ $number } unchanged: the values given are the ones the record has
people-nothing-to-change = say what to change: `--name`, `--position`, `--unit`, `--status`, `--no-status` or `--not-alias`
people-field-name = name
people-field-position = position
people-field-unit = unit
people-field-alias = alias of
people-field-left = left on
people-field-status = status
people-not-an-alias = person #{ $number } is not an alias of anyone; `--not-alias` undoes a `person merge`
people-merged = merged person #{ $other } ({ $other_name }) into #{ $keep } ({ $keep_name }): { $count } { $count ->
        [one] finding
       *[other] findings
    } moved; "{ $other_name }" now stands for #{ $keep }
people-merge-undo = to undo: `spotcheck person edit '#{ $other }' --not-alias`, then `spotcheck edit N --person '#{ $other }'` for each finding moved back
people-retired = { $name } (#{ $number }) left { $unit } on { $day }; kept for history and reports, no longer taken for a name typed at a visit
people-retired-already = { $name } (#{ $number }) already left on { $day }
people-back = { $name } (#{ $number }) is on the staff of { $unit } again
people-not-retired = { $name } (#{ $number }) has not left the unit; nothing to undo
people-no-similar = no two people of a unit have names that differ only in diacritics
people-similar-group = { $unit }: { $names }
people-similar-person = #{ $number } { $name }{ $left }: { $findings }
people-similar-left = , left { $day }
people-similar-no-findings = no findings
people-similar-finding = #{ $number } { $kind } { $day }
people-similar-void = void
people-similar-advice = if a finding is about the other person: `spotcheck edit N --person '#M'`; if two records are one person: `spotcheck person merge '#KEEP' '#OTHER'`
people-head-group = group
