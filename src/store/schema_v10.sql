-- spotcheck logbook, schema version 10.
-- A unit with its own start times may follow the seasons: when the config
-- moves the office hours for summer or for a dated season, the unit's own
-- start moves by as much. 1 is following; NULL, the default, keeps the
-- unit's own start all year, as every unit did before this version, so
-- that a snapshot written before it still agrees with the record.

ALTER TABLE units ADD COLUMN follows_seasons INTEGER CHECK (follows_seasons = 1);

-- The contract view, with the new field at the end.
DROP VIEW units_v;
CREATE VIEW units_v AS
SELECT u.uid, u.id AS number, u.code, u.name, u.kind,
       u.morning_start, u.afternoon_start, u.created_at, u.updated_at,
       u.retired_on, m.uid AS merged_into_uid, p.uid AS parent_uid, u.week,
       u.follows_seasons
FROM units u
LEFT JOIN units m ON m.id = u.merged_into
LEFT JOIN units p ON p.id = u.parent_id;

-- The proposals of discipline by the day of their decision, NULL while
-- none is recorded: a warning of a late decision finds those still waiting
-- and those decided only after the day it counts to without reading every
-- finding. It serves the waiting ones too, so their own index goes.
CREATE INDEX findings_decided ON findings (decided_on)
WHERE action = 'discipline' AND voided_at IS NULL;
DROP INDEX findings_awaiting_decision;
