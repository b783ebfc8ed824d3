-- spotcheck logbook, schema version 13.
-- A summary of each unit's visits and findings by calendar month of the
-- visits, so that a report of whole months reads one row a unit and month
-- instead of grouping every finding of the month. The figures are the
-- month report's columns, counted as the reports count them (summary.rs
-- says how): visits and findings that are not void.
--
-- Kept as `person_months` is: triggers queue the (unit, month) pairs that
-- a change touches, whichever program made it; spotcheck works the queued
-- pairs out again from their visits just before each write commits; a
-- report reads the visits themselves while the queue holds anything; and
-- `check` compares the summary with what it summarises.

CREATE TABLE unit_months (
    unit_id              INTEGER NOT NULL,
    month                TEXT NOT NULL,     -- YYYY-MM of the visits' start
    visits               INTEGER NOT NULL,
    files_checked        INTEGER NOT NULL,
    late                 INTEGER NOT NULL,
    late_minutes         INTEGER NOT NULL,
    absent               INTEGER NOT NULL,  -- without an excuse
    overdue              INTEGER NOT NULL,
    overdue_working_days INTEGER NOT NULL,
    other                INTEGER NOT NULL,
    findings             INTEGER NOT NULL,  -- breaches: every finding without an excuse
    unfinished_tasks     INTEGER NOT NULL,
    excused_absences     INTEGER NOT NULL,
    early                INTEGER NOT NULL,
    overdue_of_checked   INTEGER NOT NULL,  -- each visit's overdue files, at most those it checked
    PRIMARY KEY (month, unit_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE unit_months_pending (
    unit_id INTEGER NOT NULL,
    month   TEXT NOT NULL,
    PRIMARY KEY (unit_id, month)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER unit_months_logged AFTER INSERT ON findings BEGIN
    INSERT INTO unit_months_pending (unit_id, month)
    SELECT unit_id, substr(started_at, 1, 7) FROM visits WHERE id = new.visit_id
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER unit_months_edited
AFTER UPDATE OF visit_id, kind, minutes_late, working_days_overdue, excuse, voided_at ON findings
WHEN old.visit_id IS NOT new.visit_id OR old.kind IS NOT new.kind
  OR old.minutes_late IS NOT new.minutes_late
  OR old.working_days_overdue IS NOT new.working_days_overdue
  OR old.excuse IS NOT new.excuse OR old.voided_at IS NOT new.voided_at
BEGIN
    INSERT INTO unit_months_pending (unit_id, month)
    SELECT unit_id, substr(started_at, 1, 7) FROM visits WHERE id IN (old.visit_id, new.visit_id)
    ON CONFLICT DO NOTHING;
END;

-- spotcheck never deletes a finding or a visit; another program might.
CREATE TRIGGER unit_months_deleted AFTER DELETE ON findings BEGIN
    INSERT INTO unit_months_pending (unit_id, month)
    SELECT unit_id, substr(started_at, 1, 7) FROM visits WHERE id = old.visit_id
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER unit_months_visit_added AFTER INSERT ON visits BEGIN
    INSERT INTO unit_months_pending (unit_id, month)
    VALUES (new.unit_id, substr(new.started_at, 1, 7))
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER unit_months_visit_changed
AFTER UPDATE OF id, unit_id, started_at, voided_at, files_checked ON visits
WHEN old.id IS NOT new.id OR old.unit_id IS NOT new.unit_id
  OR old.started_at IS NOT new.started_at OR old.voided_at IS NOT new.voided_at
  OR old.files_checked IS NOT new.files_checked
BEGIN
    INSERT INTO unit_months_pending (unit_id, month)
    VALUES (old.unit_id, substr(old.started_at, 1, 7)), (new.unit_id, substr(new.started_at, 1, 7))
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER unit_months_visit_deleted AFTER DELETE ON visits BEGIN
    INSERT INTO unit_months_pending (unit_id, month)
    VALUES (old.unit_id, substr(old.started_at, 1, 7))
    ON CONFLICT DO NOTHING;
END;

-- A finding or a visit written over one that was there (INSERT OR REPLACE)
-- takes its place without the delete triggers: the month of the one
-- replaced is queued before.
CREATE TRIGGER unit_months_finding_replaced BEFORE INSERT ON findings BEGIN
    INSERT INTO unit_months_pending (unit_id, month)
    SELECT v.unit_id, substr(v.started_at, 1, 7)
    FROM findings f JOIN visits v ON v.id = f.visit_id
    WHERE f.id = new.id OR f.uid = new.uid
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER unit_months_visit_replaced BEFORE INSERT ON visits BEGIN
    INSERT INTO unit_months_pending (unit_id, month)
    SELECT unit_id, substr(started_at, 1, 7) FROM visits
    WHERE id = new.id OR uid = new.uid
    ON CONFLICT DO NOTHING;
END;

-- The summary of the visits already there.
INSERT INTO unit_months_pending (unit_id, month)
SELECT DISTINCT unit_id, substr(started_at, 1, 7) FROM visits;
