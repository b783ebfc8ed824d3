### Column headings and the words of the domain, as people read them in
### tables. Keys of CSV and JSON never change with the language.

value-yes = yes
value-no = no

## Domain words: `term-WORD` for a word stored in English.

term-late = late
term-absent = absent
term-overdue = overdue
term-other = other
term-reminded = reminded
term-criticised = criticised
term-review = review
term-discipline = discipline
term-reported = reported
term-announced = announced
term-unannounced = unannounced
term-TOTAL = TOTAL
term-SUBTOTAL = subtotal

## The kinds of unit (`unit add --kind`).

unit-kind-commune = commune
unit-kind-ward = ward
unit-kind-special-zone = special zone
unit-kind-town = town (district era)
unit-kind-office = office
unit-kind-department = department
unit-kind-agency = agency
unit-kind-service-centre = public administrative service centre
unit-kind-reception-point = reception point
unit-kind-school = school
unit-kind-health = health
unit-kind-other = other

## Headings of columns whose key is shown as it is in English.

col-name = name
col-position = position
col-unit_code = unit_code
col-unit_name = unit_name
col-code = code
col-kind = kind
col-note = note
col-number = number
col-uid = uid
col-findings = findings
col-kinds = kinds
col-first_date = first_date
col-last_date = last_date
col-highest_action = highest_action
col-next_action = next_action
col-overdue = overdue
col-overdue_working_days = overdue_working_days
col-total = total
col-average = average
col-field = field
col-value = value
col-setting = setting
col-source = source
col-started_at = started_at
col-ended_at = ended_at
col-announced = announced
col-team = team
col-on_roll = on_roll
col-present = present
col-created_by = created_by
col-morning_start = morning_start
col-afternoon_start = afternoon_start
col-logbook = logbook
col-next = next
col-problem = problem
col-record = record
col-records = records
col-new = new
col-updated = updated
col-unchanged = unchanged
col-conflicts = conflicts
col-due = due

## Headings chosen for one table.

head-no = #
head-no-dot = no.
head-when = when
head-unit = unit
head-type = type
head-team = team
head-present = present
head-findings = findings
head-kind = kind
head-person = person
head-detail = detail
head-action = action
head-date = date
head-void = void
head-by = by
head-record = record
head-changes = changes
head-reason = reason
head-current-visit = current visit
head-findings-today = findings today
head-overdue-tasks = overdue tasks

## Plans and assigned tasks.

term-task = task
term-unfinished_tasks = tasks not done
term-month = month
term-quarter = quarter
term-year = year
term-task_open = open
term-task_done = done
term-task_done_late = done late
term-task_void = void
term-task_overdue = overdue
col-visits = visits
col-per = per
col-from_month = from_month
col-to_month = to_month
col-voided_at = voided_at
col-void_reason = void_reason
col-text = text
col-assigned_on = assigned_on
col-due_on = due_on
col-done_on = done_on
col-state = state
col-days_late = days_late
col-working_days_late = working_days_late
col-times_found_unfinished = times_found_unfinished
col-first_day = first_day
col-last_day = last_day
col-planned = planned
col-made = made
col-behind = behind
col-quarter_visits = quarter_visits
col-last_visit = last_visit
col-assigned = assigned
col-done_on_time = done_on_time
col-done_late = done_late
col-open = open
col-overdue_tasks = overdue_tasks
head-task = task
head-task-source = source
head-due = due
head-done = done
head-state = state
head-days-late = days late
head-found-unfinished = found undone

## A table cut short
render-rows-cut = showed the first { $shown } rows; use --format csv for all

## The columns of retired units in `unit list`.
col-retired_on = retired_on
col-merged_into = merged_into
col-parent = parent
col-week = week
col-follows_seasons = follows_seasons

## The columns of `recount`: a stored count before and after.
col-as_of = as_of
col-days_before = days_before
col-days_after = days_after
col-working_days_before = working_days_before
col-working_days_after = working_days_after

## The named categories of `other` findings.
term-badge = civil-servant badge not worn
term-uniform = uniform or dress not as required
term-alcohol = alcohol during working hours
term-left-post = left the post
term-private-business = private business or games during work
term-attitude = attitude towards citizens
term-hygiene = headquarters hygiene
term-procedures-not-posted = procedures not posted publicly
term-roster-not-kept = one-stop duty roster not kept

## Why an absence is excused, the stage and channel of a late file, and
## the forms of discipline (Decree 172/2025/NĐ-CP).

term-early = early
excuse-leave = on leave
excuse-business-trip = on a business trip
excuse-sick = sick
excuse-other = other reason
stage-reception = reception
stage-processing = processing
stage-coordination = coordination with another agency
stage-approval = approval
stage-return = return of the result
channel-online = online
channel-direct = in person
form-reprimand = reprimand
form-warning = warning
form-removal = removal from office
form-dismissal = dismissal
head-found-on = found
head-decision-due = decision due
head-category = category
head-month-days = days this month
head-year-days = days this year
head-over-threshold = over threshold
head-unit-name = name

## A person's employment status.

status-civil-servant = civil servant
status-public-employee = public employee
status-contract = labour contract
status-part-time = part-time commune staff
status-not-recorded = not recorded
term-absent-unexcused = absent
col-apologised = apologised
col-online = online
col-direct = direct
col-stage_reception = stage_reception
col-stage_processing = stage_processing
col-stage_coordination = stage_coordination
col-stage_approval = stage_approval
col-stage_return = stage_return
head-discipline-form = form
head-decision-ref = decision
head-decided-on = decided on
head-decided-by = decided by
term-closed-without-discipline = closed without discipline
col-visit_uid = visit_uid
col-visit_started_at = visit_started_at
col-person = person
col-arrived_at = arrived_at
col-expected_at = expected_at
col-minutes_late = minutes_late
col-meeting = meeting
col-file_ref = file_ref
col-procedure = procedure
col-received_on = received_on
col-returned_on = returned_on
col-days_overdue = days_overdue
col-working_days_overdue = working_days_overdue
col-category = category
col-description = description
col-action = action
col-logged_by = logged_by
col-logged_at = logged_at
col-task_uid = task_uid
col-person_uid = person_uid
col-excuse = excuse
col-left_at = left_at
col-minutes_early = minutes_early
col-apology_on = apology_on
col-new_due_on = new_due_on
col-delay_cause = delay_cause
col-delay_stage = delay_stage
col-responsible = responsible
col-channel = channel
col-discipline_form = discipline_form
col-decision_ref = decision_ref
col-decided_on = decided_on
col-decided_by = decided_by
col-complex_case = complex_case
col-files_checked = files_checked
col-created_at = created_at
col-updated_at = updated_at
col-alias_of_uid = alias_of_uid
col-merged_into_uid = merged_into_uid
col-parent_uid = parent_uid
head-at = at
history-action-insert = insert
history-action-edit = edit
history-action-void = void
history-action-merge = merge
history-record-finding = finding
history-record-visit = visit
history-record-unit = unit
history-record-person = person
history-record-plan = plan
history-record-task = task
col-start = start
col-end = end
