-- spotcheck logbook, schema version 8.
-- Findings that say what inspectors check since Decree 172/2025/NĐ-CP and
-- Decree 118/2025/NĐ-CP:
-- - an absence may be excused (`excuse`: leave, business trip, sick, or
--   another reason stated in `description`); only an unexcused one is a
--   breach;
-- - the new kind `early`: leaving before the end of the session, with the
--   time left (`left_at`), the session's end (`expected_at`) and the minutes
--   early;
-- - an overdue file's apology (`apology_on`, the day the letter of apology
--   was issued; NULL: none), the new appointment (`new_due_on`), the cause
--   and stage of the delay, who was responsible and the channel (online or
--   direct);
-- - the outcome of a proposed discipline: the form decided, the decision's
--   number, day and signer, and whether the case is complex (which gives
--   the longer time limit). NULL is the default of every new column, so a
--   snapshot written before this version, which lacks them, still agrees
--   with the record.
-- A visit records how many files the inspector checked (`files_checked`),
-- so reports give the rate of overdue files.
--
-- The CHECKs list their words with OR, not IN: SQLite checks an IN list
-- through a temporary table it builds at every insert.
--
-- SQLite cannot change a CHECK, so findings is rebuilt with the same
-- finding numbers: the search index, which knows findings by number,
-- stays as it is. `legacy_alter_table` keeps the rename from rewriting the
-- views and triggers that name findings; the ones on the old table go with
-- it and are made again.

PRAGMA legacy_alter_table = ON;

DROP VIEW findings_v;

CREATE TABLE findings_v8 (
    id                   INTEGER PRIMARY KEY,
    uid                  TEXT NOT NULL UNIQUE,
    visit_id             INTEGER NOT NULL REFERENCES visits (id),
    kind                 TEXT NOT NULL
                         CHECK (kind = 'late' OR kind = 'absent' OR kind = 'overdue'
                                OR kind = 'other' OR kind = 'task' OR kind = 'early'),
    person_id            INTEGER REFERENCES people (id),
    arrived_at           TEXT,    -- late: HH:MM
    expected_at          TEXT,    -- late: the start due; early: the session's end
    minutes_late         INTEGER CHECK (minutes_late > 0),
    meeting              TEXT,    -- absent from a named meeting
    file_ref             TEXT,    -- overdue
    procedure            TEXT,
    received_on          TEXT,
    due_on               TEXT,    -- overdue: the promised date; task: the deadline
    returned_on          TEXT,
    days_overdue         INTEGER CHECK (days_overdue > 0),
    working_days_overdue INTEGER CHECK (working_days_overdue >= 0),
    category             TEXT,    -- other
    description          TEXT,    -- other; task: its text; absent: the stated reason
    action               TEXT CHECK (action = 'reported' OR action = 'reminded'
                                     OR action = 'criticised' OR action = 'review'
                                     OR action = 'discipline'),
    note                 TEXT,
    logged_by            TEXT NOT NULL,
    logged_at            TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    voided_at            TEXT,
    void_reason          TEXT,
    task_id              INTEGER REFERENCES tasks (id),
    excuse               TEXT CHECK (excuse = 'leave' OR excuse = 'business-trip'
                                     OR excuse = 'sick' OR excuse = 'other'),
    left_at              TEXT,    -- early: HH:MM
    minutes_early        INTEGER CHECK (minutes_early > 0),
    apology_on           TEXT,    -- overdue: YYYY-MM-DD
    new_due_on           TEXT,
    delay_cause          TEXT,
    delay_stage          TEXT CHECK (delay_stage = 'reception' OR delay_stage = 'processing'
                                     OR delay_stage = 'coordination'
                                     OR delay_stage = 'approval' OR delay_stage = 'return'),
    responsible          TEXT,
    channel              TEXT CHECK (channel = 'online' OR channel = 'direct'),
    discipline_form      TEXT CHECK (discipline_form = 'reprimand' OR discipline_form = 'warning'
                                     OR discipline_form = 'removal'
                                     OR discipline_form = 'dismissal'),
    decision_ref         TEXT,
    decided_on           TEXT,    -- YYYY-MM-DD
    decided_by           TEXT,
    complex_case         INTEGER CHECK (complex_case = 1),
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK ((kind = 'task') = (task_id IS NOT NULL))
) STRICT;

INSERT INTO findings_v8
    (id, uid, visit_id, kind, person_id, arrived_at, expected_at, minutes_late, meeting,
     file_ref, procedure, received_on, due_on, returned_on, days_overdue,
     working_days_overdue, category, description, action, note, logged_by, logged_at,
     updated_at, voided_at, void_reason, task_id)
SELECT id, uid, visit_id, kind, person_id, arrived_at, expected_at, minutes_late, meeting,
       file_ref, procedure, received_on, due_on, returned_on, days_overdue,
       working_days_overdue, category, description, action, note, logged_by, logged_at,
       updated_at, voided_at, void_reason, task_id
FROM findings;
DROP TABLE findings;
ALTER TABLE findings_v8 RENAME TO findings;

PRAGMA legacy_alter_table = OFF;

-- Covers what the reports read of a visit's findings, so they never touch
-- the rows; the excuse tells an excused absence from the breach.
CREATE INDEX findings_by_visit ON findings (visit_id, voided_at, kind, person_id, minutes_late,
                                            working_days_overdue, action, excuse);
CREATE INDEX findings_by_person ON findings (person_id);
CREATE INDEX findings_by_task ON findings (task_id) WHERE task_id IS NOT NULL;
-- The proposals of discipline still waiting for an outcome.
CREATE INDEX findings_awaiting_decision ON findings (visit_id)
WHERE action = 'discipline' AND decided_on IS NULL AND voided_at IS NULL;

CREATE TRIGGER finding_search_logged AFTER INSERT ON findings BEGIN
    INSERT INTO search_pending (finding) VALUES (new.id)
    ON CONFLICT (finding) DO NOTHING;
END;

CREATE TRIGGER finding_search_edited
BEFORE UPDATE OF visit_id, person_id, meeting, file_ref, procedure, category, description, note
ON findings
WHEN old.visit_id IS NOT new.visit_id OR old.person_id IS NOT new.person_id
  OR old.meeting IS NOT new.meeting OR old.file_ref IS NOT new.file_ref
  OR old.procedure IS NOT new.procedure OR old.category IS NOT new.category
  OR old.description IS NOT new.description OR old.note IS NOT new.note
BEGIN
    INSERT INTO search_pending (finding, words)
    SELECT id, words FROM finding_words
    WHERE id = old.id
    ON CONFLICT (finding) DO NOTHING;
END;

CREATE TRIGGER finding_search_deleted BEFORE DELETE ON findings BEGIN
    INSERT INTO search_pending (finding, words)
    SELECT id, words FROM finding_words
    WHERE id = old.id
    ON CONFLICT (finding) DO NOTHING;
END;

ALTER TABLE visits ADD COLUMN files_checked INTEGER CHECK (files_checked >= 0);

-- The contract views, with the new fields at the end.
CREATE VIEW findings_v AS
SELECT f.uid, f.id AS number, u.code AS unit_code, u.name AS unit_name,
       v.uid AS visit_uid, v.started_at AS visit_started_at, f.kind,
       p.name AS person, p.position, f.arrived_at, f.expected_at, f.minutes_late,
       f.meeting, f.file_ref, f.procedure, f.received_on, f.due_on, f.returned_on,
       f.days_overdue, f.working_days_overdue, f.category, f.description,
       f.action, f.note, f.logged_by, f.logged_at, f.voided_at, f.void_reason,
       t.uid AS task_uid, p.uid AS person_uid,
       f.excuse, f.left_at, f.minutes_early, f.apology_on, f.new_due_on, f.delay_cause,
       f.delay_stage, f.responsible, f.channel, f.discipline_form, f.decision_ref,
       f.decided_on, f.decided_by, f.complex_case
FROM findings f
JOIN visits v ON v.id = f.visit_id
JOIN units u ON u.id = v.unit_id
LEFT JOIN people p ON p.id = f.person_id
LEFT JOIN tasks t ON t.id = f.task_id;

DROP VIEW visits_v;
CREATE VIEW visits_v AS
SELECT v.uid, v.id AS number, u.code AS unit_code, u.name AS unit_name,
       v.started_at, v.ended_at, v.announced, v.team, v.on_roll, v.present, v.note,
       v.created_by, v.created_at, v.updated_at, v.voided_at, v.void_reason,
       v.files_checked
FROM visits v JOIN units u ON u.id = v.unit_id;
