-- spotcheck logbook, schema version 11.
-- A compact history. An entry keeps the SHA-256 of the record's version
-- after it (`record`), one byte a field to name what a change by hand
-- touched (`fields`), and only what the hash cannot give back: the fields
-- an edit or a void changed, before and after; the other logbook's version
-- of a merge; the stamps a new record brought of its own. The versions in
-- between are rebuilt backwards from the record as it is now. Hashes are
-- 32-byte blobs; the previous entry's hash is not written twice.
--
-- The entries written before this version are copied as they were, their
-- whole snapshots and all, so that `check` still recomputes their hashes;
-- only their hex hashes become blobs. The first entry of the compact chain
-- ('upgrade', no record) holds their head hash in `record`.

DROP VIEW history_v;

CREATE TABLE history_v11 (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    action     TEXT NOT NULL
               CHECK (action = 'insert' OR action = 'edit' OR action = 'void' OR action = 'merge'
                      OR action = 'upgrade'),
    entity     TEXT
               CHECK (entity = 'unit' OR entity = 'person' OR entity = 'visit' OR entity = 'finding'
                      OR entity = 'plan' OR entity = 'task'),
    entity_uid TEXT,
    entity_id  INTEGER,           -- the record's local number, for lookups
    before     TEXT,
    after      TEXT,
    reason     TEXT,
    record     BLOB,              -- NULL on the entries from before this version
    fields     BLOB,
    hash       BLOB NOT NULL,
    CHECK ((action = 'upgrade') = (entity IS NULL)),
    CHECK ((entity IS NULL) = (entity_uid IS NULL) AND (entity IS NULL) = (entity_id IS NULL))
) STRICT;

-- A hash that is not hex (changed by hand) is kept as its text, for
-- `check` to name.
INSERT INTO history_v11
      (seq, at, by, action, entity, entity_uid, entity_id, before, after, reason, record, fields, hash)
SELECT seq, at, by, action, entity, entity_uid, entity_id, before, after, reason, NULL, NULL,
       coalesce(unhex(hash), CAST(hash AS BLOB))
FROM history;
DROP TABLE history;
ALTER TABLE history_v11 RENAME TO history;

CREATE INDEX history_by_record ON history (entity, entity_id);

-- The contract view keeps its columns: `prev_hash` is the hash of the
-- entry before, and hashes read as hex. `before` and `after` now hold
-- what the entry keeps (see above); `record_hash` is new, at the end.
CREATE VIEW history_v AS
SELECT h.seq, h.at, h.by, h.action, h.entity, h.entity_uid AS record_uid,
       h.before, h.after, h.reason,
       lower(hex(coalesce(lag(h.hash) OVER (ORDER BY h.seq), zeroblob(32)))) AS prev_hash,
       lower(hex(h.hash)) AS hash, lower(hex(h.record)) AS record_hash
FROM history h;
