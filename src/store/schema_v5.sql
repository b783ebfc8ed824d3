-- spotcheck logbook, schema version 5.
-- People are told apart by their names' identity key (`fold::identity`):
-- every diacritic counts, so Hùng and Hưng are two people of one unit. The
-- key of version 1 folded diacritics away; it is kept, recomputed, as
-- `name_folded`, for typing without a Vietnamese keyboard and for search.
-- Renaming the column keeps the one-name-per-unit rule, now on the new key.
--
-- Records can be corrected: a person merged into another stays as its
-- alias, and one who left the unit is retired; a unit merged into another
-- or merged away is retired too; a visit started by mistake is voided.
-- Nothing is deleted, so history and old reports keep their records.

ALTER TABLE people RENAME COLUMN name_folded TO name_key;
ALTER TABLE people ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN alias_of INTEGER REFERENCES people (id);
ALTER TABLE people ADD COLUMN retired_on TEXT;    -- YYYY-MM-DD: left the unit
UPDATE people SET name_key = spotcheck_name_key(name), name_folded = spotcheck_fold(name);
CREATE INDEX people_by_folded_name ON people (unit_id, name_folded);

ALTER TABLE units ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN merged_into INTEGER REFERENCES units (id);
ALTER TABLE units ADD COLUMN retired_on TEXT;     -- YYYY-MM-DD: merged away or closed
UPDATE units SET name_key = spotcheck_name_key(name);
CREATE INDEX units_by_name_key ON units (name_key);

ALTER TABLE visits ADD COLUMN voided_at TEXT;
ALTER TABLE visits ADD COLUMN void_reason TEXT;

-- The contract views, with the new columns at the end.
DROP VIEW units_v;
CREATE VIEW units_v AS
SELECT u.uid, u.id AS number, u.code, u.name, u.kind,
       u.morning_start, u.afternoon_start, u.created_at, u.updated_at,
       u.retired_on, m.uid AS merged_into_uid
FROM units u LEFT JOIN units m ON m.id = u.merged_into;

DROP VIEW people_v;
CREATE VIEW people_v AS
SELECT p.uid, p.id AS number, u.code AS unit_code, u.name AS unit_name,
       p.name, p.position, p.created_at, p.updated_at,
       p.retired_on, a.uid AS alias_of_uid
FROM people p JOIN units u ON u.id = p.unit_id
LEFT JOIN people a ON a.id = p.alias_of;

-- The person a finding is about, by uid, so that an import finds them
-- after a correction of their name or unit.
DROP VIEW findings_v;
CREATE VIEW findings_v AS
SELECT f.uid, f.id AS number, u.code AS unit_code, u.name AS unit_name,
       v.uid AS visit_uid, v.started_at AS visit_started_at, f.kind,
       p.name AS person, p.position, f.arrived_at, f.expected_at, f.minutes_late,
       f.meeting, f.file_ref, f.procedure, f.received_on, f.due_on, f.returned_on,
       f.days_overdue, f.working_days_overdue, f.category, f.description,
       f.action, f.note, f.logged_by, f.logged_at, f.voided_at, f.void_reason,
       t.uid AS task_uid, p.uid AS person_uid
FROM findings f
JOIN visits v ON v.id = f.visit_id
JOIN units u ON u.id = v.unit_id
LEFT JOIN people p ON p.id = f.person_id
LEFT JOIN tasks t ON t.id = f.task_id;

DROP VIEW visits_v;
CREATE VIEW visits_v AS
SELECT v.uid, v.id AS number, u.code AS unit_code, u.name AS unit_name,
       v.started_at, v.ended_at, v.announced, v.team, v.on_roll, v.present, v.note,
       v.created_by, v.created_at, v.updated_at, v.voided_at, v.void_reason
FROM visits v JOIN units u ON u.id = v.unit_id;
