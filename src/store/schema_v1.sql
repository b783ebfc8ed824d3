-- spotcheck logbook, schema version 1.
-- Local date-times are `YYYY-MM-DD HH:MM` (the inspection's own clock, UTC+7
-- in Vietnam); stamps of creation and edits are UTC, RFC 3339.

CREATE TABLE units (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    name_folded     TEXT NOT NULL,
    kind            TEXT NOT NULL DEFAULT 'other'
                    CHECK (kind IN ('commune', 'office', 'agency', 'school', 'health', 'other')),
    morning_start   TEXT,    -- HH:MM; NULL means the configured hours
    afternoon_start TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    name        TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    position    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (unit_id, name_folded)
) STRICT;

CREATE TABLE visits (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    started_at TEXT NOT NULL,
    ended_at   TEXT,
    announced  INTEGER NOT NULL DEFAULT 0 CHECK (announced IN (0, 1)),
    team       TEXT,
    on_roll    INTEGER CHECK (on_roll >= 0),
    present    INTEGER CHECK (present >= 0),
    note       TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX visits_by_unit_time ON visits (unit_id, started_at);
CREATE INDEX visits_by_time ON visits (started_at);

CREATE TABLE findings (
    id                   INTEGER PRIMARY KEY,
    uid                  TEXT NOT NULL UNIQUE,
    visit_id             INTEGER NOT NULL REFERENCES visits (id),
    kind                 TEXT NOT NULL CHECK (kind IN ('late', 'absent', 'overdue', 'other')),
    person_id            INTEGER REFERENCES people (id),
    arrived_at           TEXT,    -- late: HH:MM
    expected_at          TEXT,    -- late: HH:MM
    minutes_late         INTEGER CHECK (minutes_late > 0),
    meeting              TEXT,    -- absent from a named meeting
    file_ref             TEXT,    -- overdue
    procedure            TEXT,
    received_on          TEXT,
    due_on               TEXT,
    returned_on          TEXT,
    days_overdue         INTEGER CHECK (days_overdue > 0),
    working_days_overdue INTEGER CHECK (working_days_overdue >= 0),
    category             TEXT,    -- other
    description          TEXT,
    action               TEXT CHECK (action IN ('reported', 'reminded', 'criticised', 'review', 'discipline')),
    note                 TEXT,
    logged_by            TEXT NOT NULL,
    logged_at            TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    voided_at            TEXT,
    void_reason          TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- Covers what the reports read of a visit's findings, so they never touch the rows.
CREATE INDEX findings_by_visit ON findings (visit_id, voided_at, kind, person_id, minutes_late, working_days_overdue, action);
CREATE INDEX findings_by_person ON findings (person_id);

-- Every insert, edit and void, chained: each hash covers the previous hash.
-- `merge` records another logbook's version of a record that lost to a later edit here.
CREATE TABLE history (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'edit', 'void', 'merge')),
    entity     TEXT NOT NULL CHECK (entity IN ('unit', 'person', 'visit', 'finding')),
    entity_uid TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,  -- the record's local number, for lookups
    before     TEXT,
    after      TEXT,
    reason     TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;

-- By local number, which grows as records are added, so appending stays
-- cheap; a uid index would take a random insert for every entry.
CREATE INDEX history_by_record ON history (entity, entity_id);

-- Small state of the logbook itself, such as the current visit.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
) STRICT;

-- The views are part of the contract: `sql`, `export` and other SQLite tools read them.

CREATE VIEW units_v AS
SELECT u.uid, u.id AS number, u.code, u.name, u.kind,
       u.morning_start, u.afternoon_start, u.created_at, u.updated_at
FROM units u;

CREATE VIEW people_v AS
SELECT p.uid, p.id AS number, u.code AS unit_code, u.name AS unit_name,
       p.name, p.position, p.created_at, p.updated_at
FROM people p JOIN units u ON u.id = p.unit_id;

CREATE VIEW visits_v AS
SELECT v.uid, v.id AS number, u.code AS unit_code, u.name AS unit_name,
       v.started_at, v.ended_at, v.announced, v.team, v.on_roll, v.present, v.note,
       v.created_by, v.created_at, v.updated_at
FROM visits v JOIN units u ON u.id = v.unit_id;

CREATE VIEW findings_v AS
SELECT f.uid, f.id AS number, u.code AS unit_code, u.name AS unit_name,
       v.uid AS visit_uid, v.started_at AS visit_started_at, f.kind,
       p.name AS person, p.position, f.arrived_at, f.expected_at, f.minutes_late,
       f.meeting, f.file_ref, f.procedure, f.received_on, f.due_on, f.returned_on,
       f.days_overdue, f.working_days_overdue, f.category, f.description,
       f.action, f.note, f.logged_by, f.logged_at, f.voided_at, f.void_reason
FROM findings f
JOIN visits v ON v.id = f.visit_id
JOIN units u ON u.id = v.unit_id
LEFT JOIN people p ON p.id = f.person_id;

CREATE VIEW history_v AS
SELECT h.seq, h.at, h.by, h.action, h.entity, h.entity_uid AS record_uid,
       h.before, h.after, h.reason, h.prev_hash, h.hash
FROM history h;
