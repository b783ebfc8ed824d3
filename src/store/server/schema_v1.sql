-- spotcheck's schema on a province's PostgreSQL server, version 1: its own
-- namespace and the record of the versions installed, which `server init`
-- reads to know what to do. Later versions add the records, their history
-- and the teams' rights.
CREATE SCHEMA spotcheck;

-- Nobody but the owner sees into it until a version grants more.
REVOKE ALL ON SCHEMA spotcheck FROM PUBLIC;

CREATE TABLE spotcheck.schema_version (
    version      integer PRIMARY KEY CHECK (version > 0),
    installed_at timestamptz NOT NULL DEFAULT now(),
    installed_by name NOT NULL DEFAULT current_user
);
