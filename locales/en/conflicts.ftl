# Conflicts a merge found, and settling them.

store-recording-conflict = recording a conflict
store-listing-conflicts = reading the conflicts
store-conflict-not-found = there is no conflict #{ $number }: `spotcheck conflicts` lists them
store-conflict-settled = conflict #{ $number } is settled already: `spotcheck conflicts --all` shows how
store-conflict-record-gone = the record of conflict #{ $number } is not in this logbook
store-conflict-settled-reason = settles conflict #{ $number }
store-field-unknown = { $records } have no field `{ $field }` that a conflict can settle
store-field-reference-gone = no record of { $records } has the uid { $uid } here
store-setting-field = setting { $field }

conflicts-none = no conflicts to settle
conflicts-none-at-all = no conflicts were ever recorded
conflicts-open = { $count ->
    [one] 1 conflict to settle
   *[other] { $count } conflicts to settle
  }: settle each with `spotcheck conflicts resolve N --take mine` or `--take theirs`
conflicts-record = { $records ->
    [unit] unit
    [person] person
    [visit] visit
    [finding] finding
    [plan] plan
   *[task] task
  } #{ $number }
conflicts-record-gone = { $records ->
    [unit] unit
    [person] person
    [visit] visit
    [finding] finding
    [plan] plan
   *[task] task
  } (uid { $uid })
conflicts-settled = settled conflict #{ $number }: { $record }, { $field } is now { $value }
conflicts-settled-unchanged = settled conflict #{ $number }: { $record }, { $field } stays { $value }
conflicts-value-not-typed = `{ $field }` cannot be typed here: settle conflict #{ $number } with `--take mine` or `--take theirs`, then correct the record with its own command if neither is right
conflicts-value-number = `{ $value }` is not a whole number: type the { $field } as digits, as 15
conflicts-value-bool = `{ $value }` is not yes or no: type `yes` or `no`
conflicts-value-action = `{ $value }` is not an action: type one of { $actions }
conflicts-line = conflict #{ $number }: { $record }, { $field }: here { $mine } ({ $mine_by }), there { $theirs } ({ $theirs_by }); kept { $kept }
conflicts-unknown-author = author not recorded
conflicts-kept-mine = this logbook's value
conflicts-kept-theirs = the other logbook's value
conflicts-advice = settle with `spotcheck conflicts resolve N --take mine|theirs`; `spotcheck conflicts` lists them
check-open-conflicts = { $count ->
    [one] 1 conflict from a merge waits to be settled: `spotcheck conflicts` lists it
   *[other] { $count } conflicts from merges wait to be settled: `spotcheck conflicts` lists them
  }
status-conflicts = conflicts
head-field = field
head-mine = mine
head-mine-by = changed here by
head-mine-at = here at (UTC)
head-theirs = theirs
head-theirs-by = changed there by
head-theirs-at = there at (UTC)
head-kept = kept
head-source = from
head-settled = settled
conflicts-value-grouped = `{ $field }` is worked out together with the other fields of { $fields }: settle conflict #{ $number } with `--take mine` or `--take theirs`, which settles them together, then correct the finding with `spotcheck edit` if neither is right
store-conflict-settle-disagrees = settling conflict #{ $number } so would leave finding #{ $finding } contradicting itself: { $why }; take the other side, or mend the finding first with `spotcheck edit { $finding }`
