-- spotcheck's schema on the province's server, version 3: the records the
-- teams share and the history entries their laptops pushed, with each
-- team's rights enforced by PostgreSQL itself (row-level security).
--
-- Every table carries the province first in its keys, so that a national
-- installation can distribute the tables by province (Citus) unchanged.

-- Who may read a province's records besides its teams: the members of
-- `spotcheck_national_readers` read every province, and the members of a
-- province's `spotcheck_readers_PROVINCE` read that one. `server add-team` makes
-- these group roles (init needs no right to create roles).

-- Every change pushed takes the next revision, under the province's feed
-- lock (see `spotcheck.take_feed`): a pull reads the revisions after its
-- cursor and never skips one whose transaction committed late.
CREATE SEQUENCE spotcheck.revisions AS bigint;

-- The current version of each record, as the last push left it: its row
-- as the laptops' logbooks hold it, other records named by uid.
CREATE TABLE spotcheck.records (
    province  text NOT NULL,
    kind      text NOT NULL
              CHECK (kind IN ('unit', 'person', 'visit', 'finding', 'plan', 'task')),
    uid       text NOT NULL CHECK (length(uid) BETWEEN 1 AND 64),
    -- The province-wide number, by kind, that every laptop shows.
    number    bigint NOT NULL CHECK (number > 0),
    -- The team that added it: only that team may change it, except for
    -- units and people, which the province's teams share.
    team      text NOT NULL,
    revision  bigint NOT NULL,
    -- The logbook (device) whose push set this version.
    device    text NOT NULL,
    -- The row names its record by the same uid, so that a laptop laying
    -- it out cannot be made to take it for another record.
    row       jsonb NOT NULL CHECK (jsonb_typeof(row) = 'object' AND row ->> 'uid' = uid),
    -- When each field got its value, as the merges on the laptops noted it.
    stamps    jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(stamps) = 'object'),
    pushed_at timestamptz NOT NULL DEFAULT now(),
    pushed_by name NOT NULL DEFAULT current_user,
    PRIMARY KEY (province, kind, uid),
    UNIQUE (province, kind, number)
);
-- One unit a code in a province, as in every logbook.
CREATE UNIQUE INDEX records_unit_code ON spotcheck.records (province, (row ->> 'code'))
    WHERE kind = 'unit';
CREATE INDEX records_feed ON spotcheck.records (province, revision);

-- Each laptop's history entries, as it pushed them: a device's entry is
-- stored once however often a push is retried.
CREATE TABLE spotcheck.history (
    province  text NOT NULL,
    device    text NOT NULL CHECK (length(device) BETWEEN 1 AND 64),
    seq       bigint NOT NULL CHECK (seq > 0),
    team      text NOT NULL,
    kind      text NOT NULL
              CHECK (kind IN ('unit', 'person', 'visit', 'finding', 'plan', 'task')),
    uid       text NOT NULL,
    entry     jsonb NOT NULL CHECK (jsonb_typeof(entry) = 'object'),
    -- The entry's hash in the device's own chain, and the previous one's:
    -- an entry pushed again must be the same, and must follow the one
    -- before it, or the device's history was changed since.
    hash      text NOT NULL,
    prev      text NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    pushed_by name NOT NULL DEFAULT current_user,
    PRIMARY KEY (province, device, seq)
);

-- Each device (a laptop's logbook) belongs to the team that first pushed
-- from it: no other team may push entries under its name.
CREATE TABLE spotcheck.devices (
    province   text NOT NULL,
    device     text NOT NULL,
    team       text NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (province, device)
);
CREATE INDEX history_by_record ON spotcheck.history (province, kind, uid);

-- The conflicts the laptops' merges found, so that every laptop of the
-- province lists them: one row a disagreement (the record's field and the
-- two values), whichever laptop found it first, settled once any settles it.
CREATE TABLE spotcheck.conflicts (
    province  text NOT NULL,
    kind      text NOT NULL
              CHECK (kind IN ('unit', 'person', 'visit', 'finding', 'plan', 'task')),
    uid       text NOT NULL,
    field     text NOT NULL,
    -- The two values as JSON texts, the smaller first.
    pair      text NOT NULL,
    team      text NOT NULL,
    conflict  jsonb NOT NULL CHECK (jsonb_typeof(conflict) = 'object'),
    -- {value, by, at} once a laptop settled it.
    settled   jsonb,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    pushed_by name NOT NULL DEFAULT current_user,
    PRIMARY KEY (province, kind, uid, field, pair)
);

-- The province and team of the role connected, for the policies: the
-- teams table itself stays out of the teams' sight.
CREATE FUNCTION spotcheck.my_province() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT province FROM spotcheck.teams
          WHERE role = session_user AND removed_at IS NULL $$;
CREATE FUNCTION spotcheck.my_team() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT code FROM spotcheck.teams
          WHERE role = session_user AND removed_at IS NULL $$;

-- The readers' groups of each province, made with its first team: their
-- members read the province's records and nothing else.
CREATE TABLE spotcheck.reader_groups (
    province text PRIMARY KEY,
    role     name NOT NULL UNIQUE
);

-- The provinces the role connected may read: its team's, and those whose
-- readers' group it belongs to; NULL for a national reader, who reads all.
-- The policies call it once a statement, not once a row.
CREATE FUNCTION spotcheck.readable() RETURNS text[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles r
                                     WHERE r.rolname = 'spotcheck_national_readers'
                                       AND pg_has_role(session_user, r.oid, 'MEMBER'))
                      THEN NULL
                      ELSE array(SELECT province FROM spotcheck.teams
                                 WHERE role = session_user AND removed_at IS NULL
                                 UNION
                                 SELECT g.province FROM spotcheck.reader_groups g
                                 JOIN pg_roles r ON r.rolname = g.role
                                 WHERE pg_has_role(session_user, r.oid, 'MEMBER'))
                 END $$;

-- Take the province's feed lock until the transaction ends: a push takes
-- it before it takes revisions, so that they commit in the order taken.
CREATE FUNCTION spotcheck.take_feed(p text) RETURNS void
    LANGUAGE sql VOLATILE
    AS $$ SELECT pg_advisory_xact_lock(1936683124, hashtext(p)) $$;

-- What the server decides of a record, whatever a client wrote: its
-- revision, taken under the feed lock; its number, the next of its kind in
-- the province; who pushed it and when. A record's number, team, kind and
-- uid never change.
CREATE FUNCTION spotcheck.stamp_record() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1936683124, hashtext(NEW.province));
    NEW.revision := nextval('spotcheck.revisions');
    NEW.pushed_at := now();
    NEW.pushed_by := session_user;
    IF TG_OP = 'INSERT' THEN
        NEW.number := coalesce((SELECT max(number) FROM spotcheck.records
                                WHERE province = NEW.province AND kind = NEW.kind), 0) + 1;
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
CREATE TRIGGER stamp_record BEFORE INSERT OR UPDATE ON spotcheck.records
    FOR EACH ROW EXECUTE FUNCTION spotcheck.stamp_record();

-- The province's chain: every version of a record the server took, in the
-- order of their revisions, each link a SHA-256 over the one before, the
-- revision, the record and the hash of its row. Its last link is the
-- province's seal: `spotcheck server check` recomputes the chain and
-- compares each record's row with the link of its revision, so that a
-- change made on the server behind spotcheck's back is found.
CREATE TABLE spotcheck.seals (
    province text NOT NULL,
    revision bigint NOT NULL,
    kind     text NOT NULL,
    uid      text NOT NULL,
    row_hash text NOT NULL,
    seal     text NOT NULL,
    PRIMARY KEY (province, revision)
);

CREATE FUNCTION spotcheck.seal_record() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    last text;
    row_hash text := encode(sha256(convert_to(NEW.row::text, 'UTF8')), 'hex');
BEGIN
    SELECT seal INTO last FROM spotcheck.seals
    WHERE province = NEW.province ORDER BY revision DESC LIMIT 1;
    INSERT INTO spotcheck.seals (province, revision, kind, uid, row_hash, seal)
    VALUES (NEW.province, NEW.revision, NEW.kind, NEW.uid, row_hash,
            encode(sha256(convert_to(
                coalesce(last, repeat('0', 64)) || ' ' || NEW.revision || ' ' || NEW.kind
                || ' ' || NEW.uid || ' ' || row_hash, 'UTF8')), 'hex'));
    RETURN NULL;
END
$$;
CREATE TRIGGER seal_record AFTER INSERT OR UPDATE ON spotcheck.records
    FOR EACH ROW EXECUTE FUNCTION spotcheck.seal_record();

-- A history entry is refused when its device belongs to another team, when
-- it is about another team's finding, visit, plan or task, when the same
-- entry was pushed before with another hash (a copy of another laptop's
-- logbook, or a history changed since), and when it does not follow the
-- entry before it that its device pushed.
CREATE FUNCTION spotcheck.check_entry() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    owner text;
    before text;
BEGIN
    SELECT team INTO owner FROM spotcheck.devices
    WHERE province = NEW.province AND device = NEW.device;
    IF owner IS NULL THEN
        INSERT INTO spotcheck.devices (province, device, team)
        VALUES (NEW.province, NEW.device, NEW.team)
        ON CONFLICT (province, device) DO NOTHING;
        SELECT team INTO owner FROM spotcheck.devices
        WHERE province = NEW.province AND device = NEW.device;
    END IF;
    IF owner <> NEW.team THEN
        RAISE EXCEPTION 'device % belongs to team %, not %', NEW.device, owner, NEW.team
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT team INTO owner FROM spotcheck.records
    WHERE province = NEW.province AND kind = NEW.kind AND uid = NEW.uid;
    IF owner IS NOT NULL AND owner <> NEW.team AND NEW.kind NOT IN ('unit', 'person') THEN
        RAISE EXCEPTION 'the % % is team %''s', NEW.kind, NEW.uid, owner
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT hash INTO before FROM spotcheck.history
    WHERE province = NEW.province AND device = NEW.device AND seq = NEW.seq;
    IF before IS NOT NULL AND before <> NEW.hash THEN
        RAISE EXCEPTION 'entry % of device % was pushed before with another hash', NEW.seq, NEW.device
            USING ERRCODE = 'data_exception', HINT = 'spotcheck-chain-changed';
    END IF;
    SELECT hash INTO before FROM spotcheck.history
    WHERE province = NEW.province AND device = NEW.device AND seq = NEW.seq - 1;
    IF before IS NOT NULL AND before <> NEW.prev THEN
        RAISE EXCEPTION 'entry % of device % does not follow entry %', NEW.seq, NEW.device, NEW.seq - 1
            USING ERRCODE = 'data_exception', HINT = 'spotcheck-chain-changed';
    END IF;
    NEW.pushed_at := now();
    NEW.pushed_by := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER check_entry BEFORE INSERT ON spotcheck.history
    FOR EACH ROW EXECUTE FUNCTION spotcheck.check_entry();

ALTER TABLE spotcheck.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE spotcheck.records FORCE ROW LEVEL SECURITY;
ALTER TABLE spotcheck.history ENABLE ROW LEVEL SECURITY;
ALTER TABLE spotcheck.history FORCE ROW LEVEL SECURITY;
ALTER TABLE spotcheck.conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE spotcheck.conflicts FORCE ROW LEVEL SECURITY;

CREATE POLICY read_province ON spotcheck.records FOR SELECT
    USING ((SELECT spotcheck.readable() IS NULL)
           OR province IN (SELECT unnest(spotcheck.readable())));
CREATE POLICY add_own ON spotcheck.records FOR INSERT
    WITH CHECK (province = (SELECT spotcheck.my_province())
                AND team = (SELECT spotcheck.my_team()));
-- A team changes its own records, and any unit or person of its province.
CREATE POLICY change_own ON spotcheck.records FOR UPDATE
    USING (province = (SELECT spotcheck.my_province())
           AND (team = (SELECT spotcheck.my_team()) OR kind IN ('unit', 'person')))
    WITH CHECK (province = (SELECT spotcheck.my_province()));

CREATE POLICY read_province ON spotcheck.history FOR SELECT
    USING ((SELECT spotcheck.readable() IS NULL)
           OR province IN (SELECT unnest(spotcheck.readable())));
CREATE POLICY add_own ON spotcheck.history FOR INSERT
    WITH CHECK (province = (SELECT spotcheck.my_province())
                AND team = (SELECT spotcheck.my_team()));

CREATE POLICY read_province ON spotcheck.conflicts FOR SELECT
    USING ((SELECT spotcheck.readable() IS NULL)
           OR province IN (SELECT unnest(spotcheck.readable())));
CREATE POLICY add_own ON spotcheck.conflicts FOR INSERT
    WITH CHECK (province = (SELECT spotcheck.my_province())
                AND team = (SELECT spotcheck.my_team()));
CREATE POLICY settle ON spotcheck.conflicts FOR UPDATE
    USING (province = (SELECT spotcheck.my_province()) AND settled IS NULL)
    WITH CHECK (province = (SELECT spotcheck.my_province()));

-- The owner, who is subject to the policies too, reads everything for
-- backups and upgrades.
CREATE POLICY owner_reads ON spotcheck.records FOR SELECT
    USING (pg_has_role(session_user, (SELECT nspowner FROM pg_namespace
                                      WHERE nspname = 'spotcheck'), 'USAGE'));
CREATE POLICY owner_reads ON spotcheck.history FOR SELECT
    USING (pg_has_role(session_user, (SELECT nspowner FROM pg_namespace
                                      WHERE nspname = 'spotcheck'), 'USAGE'));
CREATE POLICY owner_reads ON spotcheck.conflicts FOR SELECT
    USING (pg_has_role(session_user, (SELECT nspowner FROM pg_namespace
                                      WHERE nspname = 'spotcheck'), 'USAGE'));

-- The chain is written by its trigger alone, as the owner (not forced, so
-- that the owner's trigger writes it); everyone reads their provinces'.
ALTER TABLE spotcheck.seals ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_province ON spotcheck.seals FOR SELECT
    USING ((SELECT spotcheck.readable() IS NULL)
           OR province IN (SELECT unnest(spotcheck.readable())));

-- The rights of a team's login role: no DELETE anywhere, no UPDATE of the
-- history, and on a record only the columns a push sets.
CREATE FUNCTION spotcheck.grant_team(role name) RETURNS void
    LANGUAGE plpgsql VOLATILE
    AS $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA spotcheck TO %I', role);
    EXECUTE format('GRANT SELECT ON spotcheck.schema_version, spotcheck.seals TO %I', role);
    EXECUTE format('GRANT SELECT, INSERT ON spotcheck.records, spotcheck.history TO %I', role);
    EXECUTE format('GRANT UPDATE (device, row, stamps) ON spotcheck.records TO %I', role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE (settled) ON spotcheck.conflicts TO %I', role);
END
$$;
REVOKE ALL ON FUNCTION spotcheck.grant_team(name) FROM PUBLIC;

-- The readers' group of a province, `spotcheck_readers_PROVINCE` (apart
-- from the teams' `sc_PROVINCE_TEAM`, so no team code can name it), made when the
-- province gets its first team, and the national readers' group with the
-- first team of all; a leader is let in with `GRANT group TO leader`. Their
-- rights are reading, and nothing else.
CREATE FUNCTION spotcheck.reader_group(p text) RETURNS void
    LANGUAGE plpgsql VOLATILE
    AS $$
DECLARE
    role name := 'spotcheck_readers_' || replace(p, '-', '_');
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spotcheck_national_readers') THEN
        CREATE ROLE spotcheck_national_readers NOLOGIN;
    END IF;
    GRANT USAGE ON SCHEMA spotcheck TO spotcheck_national_readers;
    GRANT SELECT ON spotcheck.schema_version, spotcheck.records, spotcheck.history,
        spotcheck.conflicts, spotcheck.seals TO spotcheck_national_readers;
    IF EXISTS (SELECT 1 FROM spotcheck.reader_groups WHERE province = p) THEN
        RETURN;
    END IF;
    -- A role of that name that is not this database's group is someone
    -- else's: it is not given the province to read.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role) THEN
        RAISE EXCEPTION 'role % exists already', role
            USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I NOLOGIN', role);
    EXECUTE format('GRANT USAGE ON SCHEMA spotcheck TO %I', role);
    EXECUTE format('GRANT SELECT ON spotcheck.schema_version, spotcheck.records,
                    spotcheck.history, spotcheck.conflicts, spotcheck.seals TO %I', role);
    INSERT INTO spotcheck.reader_groups (province, role) VALUES (p, role);
END
$$;
REVOKE ALL ON FUNCTION spotcheck.reader_group(text) FROM PUBLIC;

-- The teams added before this version get their rights now, and their
-- provinces their readers' groups.
DO $$
DECLARE
    team record;
BEGIN
    FOR team IN SELECT province, role FROM spotcheck.teams WHERE removed_at IS NULL LOOP
        PERFORM spotcheck.grant_team(team.role);
        -- Without the right to make roles, the next add-team makes them.
        IF (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            PERFORM spotcheck.reader_group(team.province);
        END IF;
    END LOOP;
END
$$;
