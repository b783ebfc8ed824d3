#!/usr/bin/env bash
# Load test of `spotcheck sync` against a province's PostgreSQL server, run
# by bench/run.sh (ONLY=sync) or alone:
#
#   bench/sync.sh                                  50 logbooks of 20,000 findings, 8 at a time
#   LOGBOOKS=16 FINDINGS=2000 bench/sync.sh        a quicker run
#
# A throwaway cluster (initdb and pg_ctl in WORK, fsync and synchronous
# commit on, as `nobody` when run as root) gets spotcheck's schema and one
# team for every five laptops. Each laptop's logbook is made by synth with
# units of its own. Then, through the real binary, PARALLEL at a time:
#
# 1. every laptop pushes its findings (`sync --push-only`);
# 2. PULLERS of them (all unless set) sync, pulling the whole province;
# 3. those log DAILY more findings each and sync again (an everyday sync:
#    a small push, a pull of the others' day);
# 4. a leader's laptop pulls the whole province (`sync --pull-only`);
# 5. a laptop of another province pushes its first ALONE findings into the
#    loaded server, with nothing to pull (the push by itself, its time and
#    memory; ALONE=0 leaves it out).
#
# psql copying the same rows into a plain table is the floor a push is
# compared with.
set -euo pipefail
cd "$(dirname "$0")/.."

LOGBOOKS=${LOGBOOKS:-50}
FINDINGS=${FINDINGS:-20000}
PARALLEL=${PARALLEL:-8}
UNITS=${UNITS:-12}            # units of each laptop
DAILY=${DAILY:-20}            # findings each laptop logs before its everyday sync
PULLERS=${PULLERS:-$LOGBOOKS}  # laptops that pull the province after the pushes
ALONE=${ALONE:-$FINDINGS}     # findings of the laptop that pushes alone at the end
WORK=${WORK:-target/bench}/sync
RESULTS=${RESULTS:-$WORK/results.tsv}

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "sync bench: PostgreSQL is not installed (apt-get install postgresql); skipped" >&2
    exit 0
fi
[ -x /usr/bin/time ] || { echo "sync bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

cargo build --release --quiet --features test-clock --bin spotcheck --example synth
SPOT=$PWD/target/release/spotcheck
SYNTH=$PWD/target/release/examples/synth
export SPOTCHECK_NOW="2025-12-20T10:00" SPOTCHECK_BY=bench

rm -rf "$WORK"
mkdir -p "$WORK/laptops" "$WORK/times"
WORK=$(cd "$WORK" && pwd)
: > "$RESULTS"

# PostgreSQL will not run as root: the cluster is nobody's then.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    as_pg=(runuser -u nobody --)
    chown nobody "$WORK"
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_pg[@]}" "$PGBIN/initdb" -D "$WORK/data" -U postgres --auth=trust >/dev/null
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
    -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=40" \
    start >/dev/null
stop() { "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1 || true; }
trap stop EXIT
psql() { "$PGBIN/psql" -X -q -A -t -h "$WORK" -p "$PORT" -U postgres "$@"; }
psql -d postgres -c "CREATE ROLE noivu LOGIN CREATEROLE" -c "CREATE DATABASE tinh OWNER noivu"
OWNER="host=$WORK port=$PORT user=noivu dbname=tinh"
"$SPOT" server init "$OWNER" >/dev/null

teams=$(( (LOGBOOKS + 4) / 5 ))
for t in $(seq 1 "$teams"); do
    "$SPOT" server add-team "$OWNER" --province qnam --team "doan$t" >/dev/null
done
# The teams log in over the socket, which trusts them: the password is
# not what is measured.

echo "sync bench: $LOGBOOKS logbooks of $FINDINGS findings, $PARALLEL at a time, PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}')" >&2
for n in $(seq 1 "$LOGBOOKS"); do
    "$SYNTH" --findings "$FINDINGS" --units "$UNITS" --first-unit $(( (n - 1) * UNITS )) \
        --months 24 --seed "$n" --db "$WORK/laptops/$n.db" >/dev/null
done

# sync_one N PHASE [FLAG]: one laptop's sync, its time and peak memory kept.
sync_one() {
    local n=$1 phase=$2
    local team=$(( (n - 1) / 5 + 1 ))
    /usr/bin/time -o "$WORK/times/$phase-$n" -f "%e %M" \
        "$SPOT" --db "$WORK/laptops/$n.db" sync ${3:-} \
        --server "host=$WORK port=$PORT user=sc_qnam_doan$team dbname=tinh" \
        > "$WORK/times/$phase-$n.out" 2>&1
}
export -f sync_one
export SPOT WORK PORT

# round PHASE FLAG N...: the laptops named sync, PARALLEL at a time; the
# round's wall time in seconds on standard output.
round() {
    local phase=$1 flag=$2 start
    shift 2
    start=$(date +%s.%N)
    printf '%s\n' "$@" | xargs -P "$PARALLEL" -I{} bash -c "sync_one {} $phase $flag" || true
    python3 -c "import time; print('%.1f' % (time.time() - $start))"
}

push_wall=$(round push --push-only $(seq 1 "$LOGBOOKS"))
echo "sync bench: pushes done in $push_wall s" >&2
pull_wall=$(round pull "" $(seq 1 "$PULLERS"))
echo "sync bench: pulls done in $pull_wall s" >&2

# The pullers log a few findings at their own units, and sync again.
for n in $(seq 1 "$PULLERS"); do
    db=$WORK/laptops/$n.db
    unit=$(sqlite3 "$db" "SELECT code FROM units ORDER BY id LIMIT 1")
    "$SPOT" --db "$db" visit start "$unit" >/dev/null 2>&1
    for i in $(seq 1 "$DAILY"); do
        "$SPOT" --db "$db" other --category attitude "thái độ chưa đúng mực, lần $i" >/dev/null 2>&1
    done
    "$SPOT" --db "$db" visit end >/dev/null 2>&1
done
daily_wall=$(round daily "" $(seq 1 "$PULLERS"))

# A leader's laptop pulls the whole province.
/usr/bin/time -o "$WORK/times/leader" -f "%e %M" \
    "$SPOT" --db "$WORK/laptops/leader.db" sync --pull-only \
    --server "host=$WORK port=$PORT user=sc_qnam_doan1 dbname=tinh" > "$WORK/times/leader.out" 2>&1 || true

# A laptop of another province pushes alone into the loaded server: its
# province is empty, so its first sync is the push by itself.
pushed_alone=""
if [ "$ALONE" -gt 0 ]; then
    "$SPOT" server add-team "$OWNER" --province qtri --team doan1 >/dev/null
    "$SYNTH" --findings "$ALONE" --units "$UNITS" --months 24 --seed 9999 \
        --db "$WORK/laptops/alone.db" >/dev/null
    /usr/bin/time -o "$WORK/times/alone" -f "%e %M" \
        "$SPOT" --db "$WORK/laptops/alone.db" sync \
        --server "host=$WORK port=$PORT user=sc_qtri_doan1 dbname=tinh" > "$WORK/times/alone.out" 2>&1 || true
    pushed_alone=$(grep -o '[0-9]* new, 0 changed, [0-9]* history entries' "$WORK/times/alone.out" | head -1)
fi

# The floor: psql copying the same finding rows into a plain table.
psql -d tinh -c "COPY (SELECT row FROM spotcheck.records WHERE kind = 'finding') TO '$WORK/rows.copy'" 2>/dev/null \
    || psql -d tinh -c "\\copy (SELECT row FROM spotcheck.records WHERE kind = 'finding') TO '$WORK/rows.copy'"
psql -d tinh -c "CREATE TABLE floor (row jsonb)"
copy_start=$(date +%s.%N)
psql -d tinh -c "\\copy floor FROM '$WORK/rows.copy'"
copy_all=$(python3 -c "import time; print('%.2f' % (time.time() - $copy_start))")

findings=$(psql -d tinh -c "SELECT count(*) FROM spotcheck.records WHERE kind = 'finding'")
bytes=$(psql -d tinh -c "SELECT sum(pg_total_relation_size(c)) FROM unnest(array['spotcheck.records', 'spotcheck.history', 'spotcheck.seals', 'spotcheck.conflicts', 'spotcheck.devices', 'spotcheck.numbers']::regclass[]) c")
floor_bytes=$(psql -d tinh -c "SELECT pg_total_relation_size('floor')")
# A sync that failed says why in its output, kept beside its time.
failed=$(grep -L "nothing waits to be pushed" "$WORK"/times/push-*.out "$WORK"/times/pull-*.out "$WORK"/times/daily-*.out | wc -l)

python3 - "$WORK" "$RESULTS" "$LOGBOOKS" "$FINDINGS" "$PARALLEL" "$push_wall" "$pull_wall" "$daily_wall" \
    "$copy_all" "$findings" "$bytes" "$floor_bytes" "$failed" "$ALONE" "$pushed_alone" "$PULLERS" <<'PY'
import glob, re, statistics, sys
work, results, logbooks, findings, parallel, push_wall, pull_wall, daily_wall, copy_all, total, size, floor, failed, alone, pushed_alone, pullers = sys.argv[1:]
def times(phase):
    rows = [open(f).read().split() for f in glob.glob(f"{work}/times/{phase}-*") if not f.endswith(".out")]
    return sorted(float(r[0]) for r in rows), sorted(int(r[1]) for r in rows)
def pct(values, p):
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
def pulled(name):
    found = re.search(r"pulled: (\d+) new", open(f"{work}/times/{name}.out").read())
    return int(found.group(1)) if found else 0
out = []
for phase, wall, label in (("push", push_wall, f"push ({logbooks} laptops)"),
                           ("pull", pull_wall, f"first pull of the province ({pullers} laptops)"),
                           ("daily", daily_wall, f"everyday sync ({pullers} laptops)")):
    secs, mem = times(phase)
    out.append((label, f"{pct(secs, 50):.2f}", f"{pct(secs, 95):.2f}", f"{max(secs):.2f}", wall, f"{max(mem) / 1024:.0f}"))
leader = open(f"{work}/times/leader").read().split()
records = pulled("leader")
out.append((f"leader pull ({records} records, {records / float(leader[0]):.0f} a second)", leader[0], leader[0], leader[0], leader[0], f"{int(leader[1]) / 1024:.0f}"))
if int(alone) > 0:
    lone = open(f"{work}/times/alone").read().split()
    out.append((f"push {alone} findings alone ({pushed_alone or 'failed'})", lone[0], lone[0], lone[0], lone[0], f"{int(lone[1]) / 1024:.0f}"))
with open(results, "a") as f:
    for row in out:
        f.write("\t".join(row) + "\n")
    f.write(f"psql copy of {total} finding rows\t{copy_all} s\n")
    f.write(f"server bytes per finding\t{int(size) / int(total):.0f}\t(rows alone in a plain table: {int(floor) / int(total):.0f})\n")
print(f"| {logbooks} logbooks × {findings} findings, {parallel} at a time | p50 s | p95 s | max s | wall s | peak MB |")
print("|---|---|---|---|---|---|")
for row in out:
    print("| " + " | ".join(row) + " |")
print(f"\npsql copying the same {total} finding rows into a plain table: {copy_all} s")
print(f"server bytes per finding: {int(size) / int(total):.0f} (the rows alone in a plain table: {int(floor) / int(total):.0f})")
print(f"syncs that did not end with nothing waiting: {failed}")
PY
