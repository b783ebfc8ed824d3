-- spotcheck logbook, schema version 2.
-- The same tables as version 1, with the CHECKs that list allowed words
-- written as `=` … OR … instead of `IN (…)`: SQLite builds a temporary index
-- for an IN list every time the check runs, which made every insert into
-- findings and history several microseconds slower. What is allowed is
-- unchanged. SQLite cannot alter a CHECK, so both tables are rebuilt; the
-- views that read them are dropped first and made again after.

DROP VIEW findings_v;
DROP VIEW history_v;

CREATE TABLE findings_v2 (
    id                   INTEGER PRIMARY KEY,
    uid                  TEXT NOT NULL UNIQUE,
    visit_id             INTEGER NOT NULL REFERENCES visits (id),
    kind                 TEXT NOT NULL
                         CHECK (kind = 'late' OR kind = 'absent' OR kind = 'overdue' OR kind = 'other'),
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
    action               TEXT CHECK (action = 'reported' OR action = 'reminded'
                                     OR action = 'criticised' OR action = 'review'
                                     OR action = 'discipline'),
    note                 TEXT,
    logged_by            TEXT NOT NULL,
    logged_at            TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    voided_at            TEXT,
    void_reason          TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

INSERT INTO findings_v2 SELECT * FROM findings;
DROP TABLE findings;
ALTER TABLE findings_v2 RENAME TO findings;

-- Covers what the reports read of a visit's findings, so they never touch the rows.
CREATE INDEX findings_by_visit ON findings (visit_id, voided_at, kind, person_id, minutes_late, working_days_overdue, action);
CREATE INDEX findings_by_person ON findings (person_id);

CREATE TABLE history_v2 (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    action     TEXT NOT NULL
               CHECK (action = 'insert' OR action = 'edit' OR action = 'void' OR action = 'merge'),
    entity     TEXT NOT NULL
               CHECK (entity = 'unit' OR entity = 'person' OR entity = 'visit' OR entity = 'finding'),
    entity_uid TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,  -- the record's local number, for lookups
    before     TEXT,
    after      TEXT,
    reason     TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;

INSERT INTO history_v2 SELECT * FROM history;
DROP TABLE history;
ALTER TABLE history_v2 RENAME TO history;

-- By local number, which grows as records are added, so appending stays
-- cheap; a uid index would take a random insert for every entry.
CREATE INDEX history_by_record ON history (entity, entity_id);

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
