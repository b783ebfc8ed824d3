-- spotcheck logbook, schema version 6.
-- A merge compares each field of a record edited on both laptops with the
-- last version both had. A field changed on both sides to different values
-- is a conflict: the later edit is kept, and the conflict is kept here with
-- both values, who changed each and when, until someone settles it. Values
-- are JSON, as the history's snapshots hold them: other records by uid.

CREATE TABLE conflicts (
    id          INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL CHECK (entity IN ('unit', 'person', 'visit', 'finding', 'plan', 'task')),
    entity_uid  TEXT NOT NULL,
    field       TEXT NOT NULL,
    mine        TEXT,              -- this logbook's value before the merge
    theirs      TEXT,              -- the value that came in
    mine_by     TEXT,
    mine_at     TEXT,
    theirs_by   TEXT,
    theirs_at   TEXT,
    kept        TEXT NOT NULL CHECK (kept IN ('mine', 'theirs')),
    source      TEXT NOT NULL,     -- the other logbook, as it was named
    merged_by   TEXT NOT NULL,
    merged_at   TEXT NOT NULL,
    settled_by  TEXT,
    settled_at  TEXT,
    settled     TEXT               -- the value chosen, once settled
);
CREATE INDEX conflicts_open ON conflicts (settled_at, id);

CREATE VIEW conflicts_v AS
SELECT c.id AS number, c.entity AS record, c.entity_uid AS record_uid, c.field,
       c.mine, c.theirs, c.kept, c.mine_by, c.mine_at, c.theirs_by, c.theirs_at,
       c.source, c.merged_by, c.merged_at, c.settled_by, c.settled_at, c.settled
FROM conflicts c;

-- When each field of a record got the value it holds, where that time is
-- not the time of an edit in this logbook's history: the value came in by
-- a merge, or the same value was given later on another laptop. A merge
-- keeps the value given last, so the time travels with the value.
CREATE TABLE field_stamps (
    entity      TEXT NOT NULL,
    entity_uid  TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT,              -- JSON, as the history's snapshots hold it
    stamp       TEXT NOT NULL,
    PRIMARY KEY (entity, entity_uid, field)
) WITHOUT ROWID;
