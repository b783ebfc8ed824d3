-- spotcheck logbook, schema version 12.
-- A summary of each person's findings by calendar month of the visits,
-- so that the repeat test of a report reads a few thousand summary rows
-- instead of grouping every finding of its window. A finding counts as
-- the reports count it: not void, about a person, with no excuse.
--
-- Triggers queue the (person, month) pairs that a change touches, in
-- `person_months_pending`, whichever program made the change; spotcheck
-- works the summary of the queued pairs out again from their findings in
-- one statement just before each write commits (reports.rs), as it does
-- the search index. A report reads the findings themselves while the queue
-- holds anything, and `check` compares the summary with its findings.

CREATE TABLE person_months (
    person_id INTEGER NOT NULL,
    month     TEXT NOT NULL,       -- YYYY-MM of the visits' start
    visits    INTEGER NOT NULL,    -- visits that found something about the person
    late      INTEGER NOT NULL,
    absent    INTEGER NOT NULL,
    overdue   INTEGER NOT NULL,
    other     INTEGER NOT NULL,
    task      INTEGER NOT NULL,
    early     INTEGER NOT NULL,
    first     TEXT NOT NULL,       -- the first and the last of those visits' starts
    last      TEXT NOT NULL,
    rung      INTEGER,             -- the highest action taken, as Action::rung numbers it
    PRIMARY KEY (month, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE person_months_pending (
    person_id INTEGER NOT NULL,
    month     TEXT NOT NULL,
    PRIMARY KEY (person_id, month)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER person_months_logged AFTER INSERT ON findings
WHEN new.person_id IS NOT NULL BEGIN
    INSERT INTO person_months_pending (person_id, month)
    SELECT new.person_id, substr(started_at, 1, 7) FROM visits WHERE id = new.visit_id
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER person_months_edited
AFTER UPDATE OF visit_id, person_id, kind, action, excuse, voided_at ON findings
WHEN old.visit_id IS NOT new.visit_id OR old.person_id IS NOT new.person_id
  OR old.kind IS NOT new.kind OR old.action IS NOT new.action
  OR old.excuse IS NOT new.excuse OR old.voided_at IS NOT new.voided_at
BEGIN
    INSERT INTO person_months_pending (person_id, month)
    SELECT old.person_id, substr(started_at, 1, 7) FROM visits
    WHERE id = old.visit_id AND old.person_id IS NOT NULL
    UNION
    SELECT new.person_id, substr(started_at, 1, 7) FROM visits
    WHERE id = new.visit_id AND new.person_id IS NOT NULL
    ON CONFLICT DO NOTHING;
END;

-- spotcheck never deletes a finding; another program might.
CREATE TRIGGER person_months_deleted AFTER DELETE ON findings
WHEN old.person_id IS NOT NULL BEGIN
    INSERT INTO person_months_pending (person_id, month)
    SELECT old.person_id, substr(started_at, 1, 7) FROM visits WHERE id = old.visit_id
    ON CONFLICT DO NOTHING;
END;

-- A visit moved to another time or number: its findings' months before
-- and after.
CREATE TRIGGER person_months_visit_moved AFTER UPDATE OF id, started_at ON visits
WHEN old.started_at IS NOT new.started_at OR old.id IS NOT new.id BEGIN
    INSERT INTO person_months_pending (person_id, month)
    SELECT DISTINCT f.person_id, m.month
    FROM findings f, (SELECT substr(old.started_at, 1, 7) AS month
                      UNION SELECT substr(new.started_at, 1, 7)) m
    WHERE f.visit_id IN (old.id, new.id) AND f.person_id IS NOT NULL
    ON CONFLICT DO NOTHING;
END;

-- What only another program does: a visit deleted, or added again under
-- the number its findings still name.
CREATE TRIGGER person_months_visit_deleted AFTER DELETE ON visits BEGIN
    INSERT INTO person_months_pending (person_id, month)
    SELECT DISTINCT person_id, substr(old.started_at, 1, 7) FROM findings
    WHERE visit_id = old.id AND person_id IS NOT NULL
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER person_months_visit_added AFTER INSERT ON visits BEGIN
    INSERT INTO person_months_pending (person_id, month)
    SELECT DISTINCT person_id, substr(new.started_at, 1, 7) FROM findings
    WHERE visit_id = new.id AND person_id IS NOT NULL
    ON CONFLICT DO NOTHING;
END;

-- A finding or a visit written over one that was there (INSERT OR REPLACE)
-- takes its place without the delete triggers: the months of the one
-- replaced are queued before.
CREATE TRIGGER person_months_finding_replaced BEFORE INSERT ON findings BEGIN
    INSERT INTO person_months_pending (person_id, month)
    SELECT f.person_id, substr(v.started_at, 1, 7)
    FROM findings f JOIN visits v ON v.id = f.visit_id
    WHERE (f.id = new.id OR f.uid = new.uid) AND f.person_id IS NOT NULL
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER person_months_visit_replaced BEFORE INSERT ON visits BEGIN
    INSERT INTO person_months_pending (person_id, month)
    SELECT DISTINCT f.person_id, substr(v.started_at, 1, 7)
    FROM visits v JOIN findings f ON f.visit_id = v.id
    WHERE (v.id = new.id OR v.uid = new.uid) AND f.person_id IS NOT NULL
    ON CONFLICT DO NOTHING;
END;

-- The summary of the findings already there.
INSERT INTO person_months_pending (person_id, month)
SELECT DISTINCT f.person_id, substr(v.started_at, 1, 7)
FROM findings f JOIN visits v ON v.id = f.visit_id
WHERE f.person_id IS NOT NULL;
