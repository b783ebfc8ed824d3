-- spotcheck's schema on the province's server, version 2: the teams, each
-- with the login role `server add-team` made for it. A team removed keeps
-- its row and its role, which can no longer log in, so that what it wrote
-- still names who wrote it.
CREATE TABLE spotcheck.teams (
    province   text NOT NULL CHECK (province ~ '^[a-z0-9][a-z0-9-]{0,23}$'),
    code       text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,23}$'),
    role       name NOT NULL UNIQUE,
    added_at   timestamptz NOT NULL DEFAULT now(),
    added_by   name NOT NULL DEFAULT current_user,
    removed_at timestamptz,
    PRIMARY KEY (province, code)
);
