-- spotcheck logbook, schema version 7.
-- Units of the two-tier local government (from 1 July 2025): wards, special
-- zones, departments, public administrative service centres and their
-- reception points, and `town` for the thị trấn of district-era logbooks.
-- A unit may belong to another (`parent_id`: a commune's offices and its
-- centre belong to the commune), and may keep its own working week (`week`,
-- as `mon-fri,sat:am`; NULL is Monday to Friday).
--
-- SQLite cannot change a CHECK, so units is rebuilt: the new table is
-- filled, the old one dropped and the new one renamed, with the same unit
-- numbers, so that every record naming a unit by number still does.
-- Foreign keys are off for this step (spotcheck turns them off around the
-- upgrade and checks every key before it commits); `legacy_alter_table`
-- keeps the rename from rewriting, or refusing, the views that name units.
-- The trigger and the index of units go with the old table and are made
-- again.

PRAGMA legacy_alter_table = ON;

CREATE TABLE units_v7 (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    name_folded     TEXT NOT NULL,
    kind            TEXT NOT NULL DEFAULT 'other'
                    CHECK (kind IN ('commune', 'ward', 'special-zone', 'town', 'office',
                                    'department', 'agency', 'service-centre',
                                    'reception-point', 'school', 'health', 'other')),
    morning_start   TEXT,    -- HH:MM; NULL means the configured hours
    afternoon_start TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    name_key        TEXT NOT NULL DEFAULT '',
    merged_into     INTEGER REFERENCES units (id),
    retired_on      TEXT,    -- YYYY-MM-DD: merged away or closed
    parent_id       INTEGER REFERENCES units (id),    -- the unit it belongs to
    week            TEXT,    -- its working week; NULL means Monday to Friday
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

INSERT INTO units_v7
    (id, uid, code, name, name_folded, kind, morning_start, afternoon_start,
     created_at, updated_at, name_key, merged_into, retired_on)
SELECT id, uid, code, name, name_folded, kind, morning_start, afternoon_start,
       created_at, updated_at, name_key, merged_into, retired_on
FROM units;
DROP TABLE units;
ALTER TABLE units_v7 RENAME TO units;

PRAGMA legacy_alter_table = OFF;

CREATE INDEX units_by_name_key ON units (name_key);
CREATE INDEX units_by_parent ON units (parent_id) WHERE parent_id IS NOT NULL;

CREATE TRIGGER finding_search_unit_renamed BEFORE UPDATE OF name, code ON units
WHEN old.name IS NOT new.name OR old.code IS NOT new.code BEGIN
    INSERT INTO search_pending (finding, words)
    SELECT id, words FROM finding_words
    WHERE id IN (SELECT f.id FROM visits v JOIN findings f ON f.visit_id = v.id
                 WHERE v.unit_id = old.id)
    ON CONFLICT (finding) DO NOTHING;
END;

-- The contract view, with the parent and the week at the end.
DROP VIEW units_v;
CREATE VIEW units_v AS
SELECT u.uid, u.id AS number, u.code, u.name, u.kind,
       u.morning_start, u.afternoon_start, u.created_at, u.updated_at,
       u.retired_on, m.uid AS merged_into_uid, p.uid AS parent_uid, u.week
FROM units u
LEFT JOIN units m ON m.id = u.merged_into
LEFT JOIN units p ON p.id = u.parent_id;
