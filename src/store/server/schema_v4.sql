-- spotcheck's schema on the province's server, version 4: the checks of a
-- push and the links of the province's chain run once a statement over the
-- rows it wrote, not once a row.
--
-- A row trigger's queries are planned once for the whole statement, when a
-- table may still be empty: a first push of tens of thousands of entries
-- then read the history from its start for every entry, and took minutes
-- while holding the province's feed lock. A statement trigger joins the
-- rows written with the tables once.

DROP TRIGGER check_entry ON spotcheck.history;
DROP FUNCTION spotcheck.check_entry();

-- Who pushed an entry and when, whatever a client wrote.
CREATE FUNCTION spotcheck.stamp_entry() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.pushed_at := now();
    NEW.pushed_by := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER stamp_entry BEFORE INSERT ON spotcheck.history
    FOR EACH ROW EXECUTE FUNCTION spotcheck.stamp_entry();

-- The entries a statement added are refused, and the statement with them,
-- when a device belongs to another team, when an entry is about another
-- team's finding, visit, plan or task, or when it does not follow the
-- entry before it that its device pushed (the device's history was changed
-- since). An entry pushed again is skipped by the push (ON CONFLICT), which
-- compares its hash with the one kept first.
CREATE FUNCTION spotcheck.check_entries() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    bad record;
BEGIN
    INSERT INTO spotcheck.devices (province, device, team)
    SELECT DISTINCT province, device, team FROM added
    ON CONFLICT (province, device) DO NOTHING;
    SELECT a.device, d.team AS owner, a.team INTO bad
    FROM added a JOIN spotcheck.devices d USING (province, device)
    WHERE d.team <> a.team LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'device % belongs to team %, not %', bad.device, bad.owner, bad.team
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT a.kind, a.uid, r.team AS owner INTO bad
    FROM added a JOIN spotcheck.records r USING (province, kind, uid)
    WHERE r.team <> a.team AND a.kind NOT IN ('unit', 'person') LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'the % % is team %''s', bad.kind, bad.uid, bad.owner
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT a.seq, a.device INTO bad
    FROM added a JOIN spotcheck.history h
      ON h.province = a.province AND h.device = a.device AND h.seq = a.seq - 1
    WHERE h.hash <> a.prev
    ORDER BY a.seq LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'entry % of device % does not follow entry %', bad.seq, bad.device, bad.seq - 1
            USING ERRCODE = 'data_exception', HINT = 'spotcheck-chain-changed';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER check_entries AFTER INSERT ON spotcheck.history
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION spotcheck.check_entries();

-- The numbers the server gave, by province and kind, out of the teams'
-- sight and of the row-level security that a look at the records goes
-- through even for the owner's trigger (FORCE): that look planned and ran
-- the policies' functions again for every record a push added. A number
-- is never given twice; one taken by an INSERT that ON CONFLICT then skips
-- stays unused (spotcheck's pushes write no such INSERT).
CREATE TABLE spotcheck.numbers (
    province text NOT NULL,
    kind     text NOT NULL,
    number   bigint NOT NULL,
    uid      text NOT NULL,
    PRIMARY KEY (province, kind, number)
);
ALTER TABLE spotcheck.numbers ENABLE ROW LEVEL SECURITY;
INSERT INTO spotcheck.numbers (province, kind, number, uid)
SELECT province, kind, number, uid FROM spotcheck.records;

-- What the server decides of a record, whatever a client wrote: its
-- revision, taken under the feed lock; its number, the next of its kind in
-- the province; who pushed it and when. A record's number, team, kind and
-- uid never change. Planned for each row, so that the index is used
-- however the table grew during the statement.
CREATE OR REPLACE FUNCTION spotcheck.stamp_record() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1936683124, hashtext(NEW.province));
    NEW.revision := nextval('spotcheck.revisions');
    NEW.pushed_at := now();
    NEW.pushed_by := session_user;
    IF TG_OP = 'INSERT' THEN
        NEW.number := coalesce((SELECT max(n.number) FROM spotcheck.numbers n
                                WHERE n.province = NEW.province AND n.kind = NEW.kind), 0) + 1;
        INSERT INTO spotcheck.numbers (province, kind, number, uid)
        VALUES (NEW.province, NEW.kind, NEW.number, NEW.uid);
    ELSE
        NEW.number := OLD.number;
        NEW.team := OLD.team;
        NEW.kind := OLD.kind;
        NEW.uid := OLD.uid;
        NEW.province := OLD.province;
    END IF;
    RETURN NEW;
END
$$;

-- The province's chain, linked over the versions a statement wrote in the
-- order of their revisions, from the last link before them: the same links
-- as one a row, with one look at the chain a statement. A statement that
-- both adds and changes records (INSERT ... ON CONFLICT DO UPDATE, or a
-- writable WITH) has its revisions split between the two triggers, which
-- would link them out of order: it is refused. spotcheck's pushes add and
-- change records in statements of their own.
DROP TRIGGER seal_record ON spotcheck.records;
DROP FUNCTION spotcheck.seal_record();
CREATE FUNCTION spotcheck.seal_records() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    version record;
    last text;
    chain_province text := NULL;
    last_revision bigint;
    row_hash text;
BEGIN
    FOR version IN SELECT w.province, w.revision, w.kind, w.uid, w.row
                   FROM written w ORDER BY w.province, w.revision LOOP
        IF chain_province IS DISTINCT FROM version.province THEN
            chain_province := version.province;
            last := NULL;
            last_revision := NULL;
            SELECT s.seal, s.revision INTO last, last_revision FROM spotcheck.seals s
            WHERE s.province = version.province ORDER BY s.revision DESC LIMIT 1;
        END IF;
        IF version.revision <= last_revision THEN
            RAISE EXCEPTION 'records of province % added and changed in one statement', version.province
                USING ERRCODE = 'feature_not_supported',
                      HINT = 'add records and change records in statements of their own';
        END IF;
        last_revision := version.revision;
        row_hash := encode(sha256(convert_to(version.row::text, 'UTF8')), 'hex');
        last := encode(sha256(convert_to(
                    coalesce(last, repeat('0', 64)) || ' ' || version.revision || ' '
                    || version.kind || ' ' || version.uid || ' ' || row_hash, 'UTF8')), 'hex');
        INSERT INTO spotcheck.seals (province, revision, kind, uid, row_hash, seal)
        VALUES (version.province, version.revision, version.kind, version.uid, row_hash, last);
    END LOOP;
    RETURN NULL;
END
$$;
-- A trigger with a transition table answers one event: one for the
-- records added, one for those changed.
CREATE TRIGGER seal_added AFTER INSERT ON spotcheck.records
    REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION spotcheck.seal_records();
CREATE TRIGGER seal_changed AFTER UPDATE ON spotcheck.records
    REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION spotcheck.seal_records();
