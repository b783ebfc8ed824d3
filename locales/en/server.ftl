### The province's shared PostgreSQL server: `server init` and connecting.

server-url-bad = the server URL is not one PostgreSQL reads: { $problem }; write it as `postgresql://ROLE@HOST:PORT/DATABASE`
server-url-no-role = it names no role, and the system's user is not known: write the role before the host, as `postgresql://ROLE@HOST/DATABASE`
server-url-password = the server URL holds a password, which other users of this machine could read in its list of processes: take it out, and give the password with PGPASSWORD, ~/.pgpass or `--password-file FILE`
server-reading-password-file = cannot read the password file { $path }
server-password-file-empty = the password file { $path } is empty: its first line is the password
server-passfile-open = the password file { $path } can be read by other users, so it is not used: make it yours alone with `chmod 0600 { $path }`
server-connecting = cannot connect to { $server }
server-installing = cannot set up spotcheck's schema at { $server }
server-not-owner = { $user } does not own database { $database }; its owner, { $owner }, must run `spotcheck server init`, so that spotcheck's schema is the owner's to change later
server-foreign-schema = database { $database } already has a schema named `spotcheck` that spotcheck did not make (it has no `spotcheck.schema_version`): rename or drop it, or give spotcheck a database of its own
server-schema-newer = spotcheck's schema in database { $database } is version { $found }, newer than this spotcheck knows ({ $known }): nothing was changed; install a newer spotcheck
server-created = created spotcheck's schema (version { $version }) in database { $database } at { $server }
server-upgraded = upgraded spotcheck's schema in database { $database } at { $server } from version { $from } to { $to }
server-current = spotcheck's schema in database { $database } at { $server } is at version { $version } already: nothing to do
server-key-value-form = a `key=value` pair is cut short (write a value with spaces in single quotes)
server-sslmode-unknown = `sslmode={ $mode }` is not a mode PostgreSQL knows: write `disable`, `allow`, `prefer`, `require`, `verify-ca` or `verify-full`
server-root-cert-unknown = checking the server's certificate needs the certificate of the authority that signed it: name its file with `sslrootcert=FILE` in the URL
server-root-cert-bad = cannot use the root certificate { $path }: { $problem }; name the file of the authority that signed the server's certificate with `sslrootcert=FILE` in the URL
server-root-cert-empty = it holds no certificate
server-tls-setup = cannot set up TLS: { $problem }
server-root-cert-missing = checking the server's certificate needs the certificate of the authority that signed it, and { $path } is not there: name its file with `sslrootcert=FILE` in the URL, or put it there
server-verify-full-needs-host = `sslmode=verify-full` checks the certificate against the host connected to, and the URL gives only an address: add the host's name (`host=NAME` beside `hostaddr`, or `postgresql://ROLE@NAME/…`)
server-versions-damaged = database { $database } has a `spotcheck.schema_version` that names no version: spotcheck did not write it so; look at it with `psql`, or give spotcheck a database of its own
server-password-file-not-text = the first line of the password file { $path } is not text (it holds a zero byte or is not UTF-8): write the password alone on the first line
server-code-bad = `{ $flag } { $value }` is not a code: write at most { $limit } lowercase letters, digits and dashes, starting with a letter or a digit, as `qnam` or `doan-1`
server-adding-team = cannot add the team at { $server }
server-listing-teams = cannot list the teams at { $server }
server-removing-team = cannot remove the team at { $server }
server-team-exists = team { $team } of province { $province } has a login already: to stop it, `spotcheck server remove-team`
server-role-taken = the login role { $role } is taken already on this server (by another database or another team): choose other codes
server-needs-createrole = this role may not create or change roles: a superuser can allow it with `ALTER ROLE … CREATEROLE`, or run the command as one
server-team-unknown = province { $province } has no team { $team } on this server: `spotcheck server list-teams` lists them
server-schema-not-current = spotcheck's schema on this server is at version { $found }, and this spotcheck works with version { $known }: run `spotcheck server init` first
server-team-added = added team { $team } of province { $province }, who log in as { $role }; hand the team these lines for its config file:
server-team-password-made = and this password, shown this once (keep it in the team's password file, never in the config): { $password }
server-team-password-given = and the password in { $path }.
server-team-removed = removed team { $team } of province { $province }: { $role } can no longer log in, and what the team sent stays
server-team-removed-already = team { $team } of province { $province } was removed already, on { $at }: nothing to do
server-root-cert-not-pem-file = it is not a file of at most 4 MB of certificates
server-syncing = cannot sync with { $server }
server-pushing = cannot push to { $server }
server-pulling = cannot pull from { $server }
server-sending = cannot send the records to the server
server-not-a-team = the role { $role } is not the login of a team on this server (or its team was removed): log in as the role `spotcheck server add-team` made for the team
store-reading-sync-state = cannot read what the logbook knows of the province's server
store-writing-sync-state = cannot note how far the sync got
store-shared-row-bad = warning: the server sent a { $records } record ({ $uid }) this spotcheck cannot place, and it was left out: { $problem }; a newer spotcheck may have pushed it, so update spotcheck
sync-no-server = no server to sync with: give `--server postgresql://ROLE@HOST/DATABASE`, or put `[server] url = "…"` in the config file (the line `spotcheck server add-team` printed)
sync-clock-skew = warning: this laptop's clock is { $minutes } min { $ahead ->
        [ahead] ahead of
       *[behind] behind
    } the server's: a merge takes the later edit, so set the clock right; conflicts found meanwhile are kept for review as always
sync-pushed = pushed to { $server }: { $added } new, { $changed } changed, { $entries } history entries
sync-pulled = pulled: { $new } new, { $updated } updated, { $conflicts } conflicts
sync-not-pulled = pulled nothing (`--push-only`): this logbook has pulled up to server revision { $cursor }, and the server is at { $position }; the next `spotcheck sync` pulls the rest
sync-refused = refused by the server: { $record } #{ $number } ({ $uid }) is another team's; the change stays here and is offered again at each sync
sync-refused-more = and { $count } more records refused, for the same reason
sync-conflicts = conflicts to settle: { $numbers } (`spotcheck conflicts` shows them)
sync-conflicts-more = conflicts to settle: { $numbers } and { $more } more (`spotcheck conflicts` shows them)
sync-likely-duplicate = unit { $other } ({ $name }) looks like { $keep }: if they are one unit, `spotcheck unit merge { $keep } { $other }`
sync-nothing-waits = nothing waits to be pushed
sync-waiting = { $count ->
        [one] 1 record waits to be pushed
       *[other] { $count } records wait to be pushed
    }
sync-status-never = this logbook has never synced
sync-status-last = last sync: { $at }, with { $server }
sync-status-cursor = pulled up to server revision { $cursor }
sync-status-server = the server is at revision { $position }
sync-status-offline = the server cannot be reached now ({ $problem }); what is known here follows
sync-chain-changed = the server refused this logbook's history: { $detail }. Its history is not the one this logbook pushed before (it was changed, or this file is a copy of another laptop's logbook): run `spotcheck check`, and keep syncing from the laptop whose logbook it is
server-checking = cannot check the province's chain at { $server }
server-chain-link = the link of revision { $revision } ({ $kind } { $uid }) does not follow the one before
server-chain-record-changed = the { $kind } { $uid } is not the version its link at revision { $revision } names: it was changed behind spotcheck's back
server-chain-record-unlinked = the { $kind } { $uid } names revision { $revision }, which the chain does not hold
server-chain-broken = the chain of province { $province } does not hold ({ $problems } problems): { $first }. Restore the database from a dump taken before the change, or find who changed it in the server's logs
server-chain-ok = ok: the chain of province { $province } links its { $versions } record versions, and its { $records } records are the versions it names; seal { $seal } (revision { $revision })
sync-status-seal = the province's seal is { $seal } (revision { $revision })
