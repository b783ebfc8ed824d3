-- spotcheck logbook, schema version 14.
-- What this logbook knows of the province's shared server, record by
-- record, once it syncs with one: the province-wide number the server gave
-- the record, the server's revision this logbook last had of it (a push
-- of a record changed on the server since is held back until a pull has
-- merged that change), and why a change of it waits to be pushed again.
-- The progress of the syncs themselves (this logbook's name as a device,
-- the last history entry pushed, the last revision pulled) is kept in
-- `meta`.

CREATE TABLE shared_records (
    entity   TEXT NOT NULL
             CHECK (entity IN ('unit', 'person', 'visit', 'finding', 'plan', 'task')),
    uid      TEXT NOT NULL,
    number   INTEGER CHECK (number > 0),
    revision INTEGER,
    -- 'refused': the server refused the change (another team's record);
    -- 'behind': the server had another version: pushed again once a pull
    -- has merged the two, when this logbook's differs still.
    pending  TEXT CHECK (pending IN ('refused', 'behind')),
    -- The uid the server knows the record by, when it is another: a unit
    -- of the same code, or a person of the same name at the same unit,
    -- added on two laptops before either synced.
    server_uid TEXT,
    PRIMARY KEY (entity, uid)
) STRICT, WITHOUT ROWID;

CREATE INDEX shared_records_pending ON shared_records (pending) WHERE pending IS NOT NULL;
CREATE UNIQUE INDEX shared_records_server_uid ON shared_records (entity, server_uid)
    WHERE server_uid IS NOT NULL;
