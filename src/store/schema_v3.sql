-- spotcheck logbook, schema version 3.
-- A full-text index of the words people search findings by: the person's
-- name, the unit's name and code, the meeting, the file reference, the
-- procedure, the category, the description and the note. `list --search`
-- and `export --search` look words up in it instead of reading every row.
--
-- The tokenizer drops case and accents (`remove_diacritics 2` also takes the
-- stacked marks of ộ and ữ), but it keeps đ apart from d, so the text goes in
-- with đ already written as d.
--
-- The index stores no text of its own: it reads it from `finding_words`.
-- Triggers do not index a change themselves: FTS5 writes what it holds to
-- disk at every statement of a transaction, so indexing findings one
-- statement at a time made a bulk write two to three times slower. They put
-- the finding in the queue `search_pending` instead, and spotcheck indexes the
-- whole queue in one statement just before it commits (search.rs).
--
-- A finding is in the queue with `words` NULL when the index holds nothing
-- for it (logged since), and with the words the index holds for it when one
-- of them changed or the finding was deleted: FTS5's 'delete' must be given
-- exactly the words that went in, so they are taken BEFORE the change, and
-- only the first time, as later changes leave the index as it was. Only a
-- change to a searched word queues a finding, so that changing a unit's hours
-- or a finding's action costs nothing more. A void changes none of these
-- words: a voided finding stays in the index and `list` leaves it out.
--
-- Only SQLite's own functions are used, so whatever program writes to the
-- file, the `sqlite3` shell included, queues what it changes; spotcheck
-- indexes such leftovers when it next opens the file.

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

-- columnsize=0: no per-row sizes, which only ranking by relevance would read.
CREATE VIRTUAL TABLE finding_search USING fts5 (
    words,
    content = 'finding_words',
    content_rowid = 'id',
    columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- A finding already queued keeps the words it was queued with: ON CONFLICT
-- DO NOTHING, which, unlike OR IGNORE, the conflict clause of the statement
-- that fires the trigger (an UPDATE OR REPLACE) does not override. It also
-- spares each insert the temporary copy of the queue that a `NOT IN` the
-- queue would take.
CREATE TABLE search_pending (
    finding INTEGER PRIMARY KEY,
    words TEXT
);

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

-- spotcheck never deletes a finding; another program might.
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

-- The findings already in the file.
INSERT INTO finding_search (finding_search) VALUES ('rebuild');
