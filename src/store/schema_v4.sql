-- spotcheck logbook, schema version 4.
-- Inspection plans and the tasks the district assigns to units.
--
-- A plan says how many visits a unit should have each month, quarter or
-- year, from one reporting month to another; a plan with no unit stands for
-- every unit that has no plan of its own. Months are `YYYY-MM` reporting
-- months (see `period_start_day`); NULL `from_month` means "from the start",
-- NULL `to_month` "until further notice". Of two plans of one unit covering a
-- month, the one that starts later is in force.
--
-- A task is work a unit was told to finish by a date. A finding of the new
-- kind `task` records, at a visit, that the task was not done; it keeps the
-- task's deadline in `due_on` and the days past it in `days_overdue` and
-- `working_days_overdue`, as an overdue file does.
--
-- SQLite cannot change a CHECK, so findings (for the kind `task` and the
-- column `task_id`) and history (for the records `plan` and `task`) are
-- rebuilt. Everything that names findings is dropped first and made again
-- after: the views, and the search triggers. Finding numbers do not change,
-- so the search index, which knows findings by number, stays as it is.

CREATE TABLE plans (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    unit_id    INTEGER REFERENCES units (id),    -- NULL: every unit
    visits     INTEGER NOT NULL CHECK (visits >= 0),
    per        TEXT NOT NULL CHECK (per = 'month' OR per = 'quarter' OR per = 'year'),
    from_month TEXT,                             -- YYYY-MM
    to_month   TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    voided_at  TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK (from_month IS NULL OR to_month IS NULL OR from_month <= to_month)
) STRICT;

-- One plan in force per unit and starting month.
CREATE UNIQUE INDEX plans_by_unit ON plans (coalesce(unit_id, 0), coalesce(from_month, ''))
WHERE voided_at IS NULL;

CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    text        TEXT NOT NULL,
    source      TEXT,    -- the directive or instruction it comes from
    assigned_on TEXT,
    due_on      TEXT NOT NULL,
    done_on     TEXT,
    note        TEXT,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK (assigned_on IS NULL OR assigned_on <= due_on)
) STRICT;

CREATE INDEX tasks_by_unit ON tasks (unit_id, due_on);
CREATE INDEX tasks_by_due ON tasks (due_on);

DROP VIEW findings_v;
DROP VIEW history_v;
DROP VIEW finding_words;
DROP TRIGGER finding_search_logged;
DROP TRIGGER finding_search_edited;
DROP TRIGGER finding_search_deleted;
DROP TRIGGER finding_search_person_renamed;
DROP TRIGGER finding_search_unit_renamed;
DROP TRIGGER finding_search_visit_moved;

CREATE TABLE findings_v4 (
    id                   INTEGER PRIMARY KEY,
    uid                  TEXT NOT NULL UNIQUE,
    visit_id             INTEGER NOT NULL REFERENCES visits (id),
    kind                 TEXT NOT NULL
                         CHECK (kind = 'late' OR kind = 'absent' OR kind = 'overdue'
                                OR kind = 'other' OR kind = 'task'),
    person_id            INTEGER REFERENCES people (id),
    arrived_at           TEXT,    -- late: HH:MM
    expected_at          TEXT,    -- late: HH:MM
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
    description          TEXT,    -- other; task: the task's text when it was found unfinished
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
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK ((kind = 'task') = (task_id IS NOT NULL))
) STRICT;

INSERT INTO findings_v4 SELECT *, NULL FROM findings;
DROP TABLE findings;
ALTER TABLE findings_v4 RENAME TO findings;

-- Covers what the reports read of a visit's findings, so they never touch the rows.
CREATE INDEX findings_by_visit ON findings (visit_id, voided_at, kind, person_id, minutes_late, working_days_overdue, action);
CREATE INDEX findings_by_person ON findings (person_id);
CREATE INDEX findings_by_task ON findings (task_id) WHERE task_id IS NOT NULL;

CREATE TABLE history_v4 (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    action     TEXT NOT NULL
               CHECK (action = 'insert' OR action = 'edit' OR action = 'void' OR action = 'merge'),
    entity     TEXT NOT NULL
               CHECK (entity = 'unit' OR entity = 'person' OR entity = 'visit' OR entity = 'finding'
                      OR entity = 'plan' OR entity = 'task'),
    entity_uid TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,  -- the record's local number, for lookups
    before     TEXT,
    after      TEXT,
    reason     TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;

INSERT INTO history_v4 SELECT * FROM history;
DROP TABLE history;
ALTER TABLE history_v4 RENAME TO history;

-- By local number, which grows as records are added, so appending stays
-- cheap; a uid index would take a random insert for every entry.
CREATE INDEX history_by_record ON history (entity, entity_id);

-- The views of version 3, with the task a finding is about at the end.
CREATE VIEW findings_v AS
SELECT f.uid, f.id AS number, u.code AS unit_code, u.name AS unit_name,
       v.uid AS visit_uid, v.started_at AS visit_started_at, f.kind,
       p.name AS person, p.position, f.arrived_at, f.expected_at, f.minutes_late,
       f.meeting, f.file_ref, f.procedure, f.received_on, f.due_on, f.returned_on,
       f.days_overdue, f.working_days_overdue, f.category, f.description,
       f.action, f.note, f.logged_by, f.logged_at, f.voided_at, f.void_reason,
       t.uid AS task_uid
FROM findings f
JOIN visits v ON v.id = f.visit_id
JOIN units u ON u.id = v.unit_id
LEFT JOIN people p ON p.id = f.person_id
LEFT JOIN tasks t ON t.id = f.task_id;

CREATE VIEW history_v AS
SELECT h.seq, h.at, h.by, h.action, h.entity, h.entity_uid AS record_uid,
       h.before, h.after, h.reason, h.prev_hash, h.hash
FROM history h;

-- A plan with no unit is written with an empty unit code and name.
CREATE VIEW plans_v AS
SELECT pl.uid, pl.id AS number, coalesce(u.code, '') AS unit_code,
       coalesce(u.name, '') AS unit_name, pl.visits, pl.per, pl.from_month, pl.to_month,
       pl.created_by, pl.created_at, pl.updated_at, pl.voided_at, pl.void_reason
FROM plans pl LEFT JOIN units u ON u.id = pl.unit_id;

CREATE VIEW tasks_v AS
SELECT t.uid, t.id AS number, u.code AS unit_code, u.name AS unit_name,
       t.text, t.source, t.assigned_on, t.due_on, t.done_on, t.note,
       t.created_by, t.created_at, t.updated_at, t.voided_at, t.void_reason
FROM tasks t JOIN units u ON u.id = t.unit_id;

-- The search words and triggers of version 3, unchanged.
CREATE VIEW finding_words AS
SELECT f.id,
       replace(replace(
           coalesce(p.name, '') || ' ' || u.name || ' ' || u.code
           || ' ' || coalesce(f.meeting, '') || ' ' || coalesce(f.file_ref, '')
           || ' ' || coalesce(f.procedure, '') || ' ' || coalesce(f.category, '')
           || ' ' || coalesce(f.description, '') || ' ' || coalesce(f.note, ''),
       'đ', 'd'), 'Đ', 'd') AS words
FROM findings f
JOIN visits v ON v.id = f.visit_id
JOIN units u ON u.id = v.unit_id
LEFT JOIN people p ON p.id = f.person_id;

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

CREATE TRIGGER finding_search_person_renamed BEFORE UPDATE OF name ON people
WHEN old.name IS NOT new.name BEGIN
    INSERT INTO search_pending (finding, words)
    SELECT id, words FROM finding_words
    WHERE id IN (SELECT id FROM findings WHERE person_id = old.id)
    ON CONFLICT (finding) DO NOTHING;
END;

CREATE TRIGGER finding_search_unit_renamed BEFORE UPDATE OF name, code ON units
WHEN old.name IS NOT new.name OR old.code IS NOT new.code BEGIN
    INSERT INTO search_pending (finding, words)
    SELECT id, words FROM finding_words
    WHERE id IN (SELECT f.id FROM visits v JOIN findings f ON f.visit_id = v.id
                 WHERE v.unit_id = old.id)
    ON CONFLICT (finding) DO NOTHING;
END;

CREATE TRIGGER finding_search_visit_moved BEFORE UPDATE OF unit_id ON visits
WHEN old.unit_id IS NOT new.unit_id BEGIN
    INSERT INTO search_pending (finding, words)
    SELECT id, words FROM finding_words
    WHERE id IN (SELECT id FROM findings WHERE visit_id = old.id)
    ON CONFLICT (finding) DO NOTHING;
END;
