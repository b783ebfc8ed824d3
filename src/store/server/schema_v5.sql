-- spotcheck's schema on the province's server, version 5: the server hashes
-- each history entry again, as `check` does on the laptop.
--
-- Until now a push was checked for its links alone (each entry names the
-- hash of the one its device pushed before), and the hashes were taken on
-- the laptop's word. Each entry now comes with the text its hash covers
-- (the entry in the canonical JSON the laptop hashed); the server hashes
-- it, and checks that it says what the entry says and follows the entry
-- before it. The text is then dropped: the entry and the record hold what
-- it says, and keeping it would add about a third to the history's size.

ALTER TABLE spotcheck.history ADD COLUMN covered text;

CREATE OR REPLACE FUNCTION spotcheck.stamp_entry() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    covered jsonb;
BEGIN
    NEW.pushed_at := now();
    NEW.pushed_by := session_user;
    IF NEW.covered IS NULL THEN
        RAISE EXCEPTION 'entry % of device % comes without the text its hash covers', NEW.seq, NEW.device
            USING ERRCODE = 'data_exception', HINT = 'spotcheck-chain-changed';
    END IF;
    IF encode(sha256(convert_to(NEW.covered, 'UTF8')), 'hex') <> NEW.hash THEN
        RAISE EXCEPTION 'entry % of device % does not hash to the hash it carries', NEW.seq, NEW.device
            USING ERRCODE = 'data_exception', HINT = 'spotcheck-chain-changed';
    END IF;
    BEGIN
        covered := NEW.covered::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        covered := NULL;
    END;
    IF jsonb_typeof(covered) IS DISTINCT FROM 'object'
       OR covered ->> 'prev_hash' IS DISTINCT FROM NEW.prev
       OR covered ->> 'action' IS DISTINCT FROM NEW.entry ->> 'action'
       OR covered ->> 'at' IS DISTINCT FROM NEW.entry ->> 'at'
       OR covered ->> 'by' IS DISTINCT FROM NEW.entry ->> 'by'
       OR covered ->> 'reason' IS DISTINCT FROM NEW.entry ->> 'reason' THEN
        RAISE EXCEPTION 'entry % of device % is not the entry its hash covers', NEW.seq, NEW.device
            USING ERRCODE = 'data_exception', HINT = 'spotcheck-chain-changed';
    END IF;
    NEW.covered := NULL;
    RETURN NEW;
END
$$;
