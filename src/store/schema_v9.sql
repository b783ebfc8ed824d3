-- spotcheck logbook, schema version 9.
-- A person's employment status, which decides the law that governs their
-- discipline: `civil-servant` (công chức, Law on Cadres and Civil
-- Servants), `public-employee` (viên chức, Law on Public Employees),
-- `contract` (hợp đồng lao động) and `part-time` (người hoạt động không
-- chuyên trách ở cấp xã). NULL, the default, is not recorded, so a
-- snapshot written before this version, which lacks it, still agrees with
-- the record.
--
-- The CHECK lists its words with OR, not IN: SQLite checks an IN list
-- through a temporary table it builds at every insert.

ALTER TABLE people ADD COLUMN status TEXT
    CHECK (status = 'civil-servant' OR status = 'public-employee'
           OR status = 'contract' OR status = 'part-time');

-- The contract view, with the new field at the end.
DROP VIEW people_v;
CREATE VIEW people_v AS
SELECT p.uid, p.id AS number, u.code AS unit_code, u.name AS unit_name,
       p.name, p.position, p.created_at, p.updated_at,
       p.retired_on, a.uid AS alias_of_uid, p.status
FROM people p JOIN units u ON u.id = p.unit_id
LEFT JOIN people a ON a.id = p.alias_of;
