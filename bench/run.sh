#!/usr/bin/env bash
# Benchmarks spotcheck against the sqlite3 shell doing the same work on the
# same logbook, in one run. Needs the Rust toolchain; installs hyperfine and
# sqlite3 from the system packages when they are missing.
#
#   bench/run.sh                 the full run: 10k, 100k and 1M findings
#   SIZES="10000 100000" bench/run.sh   a quicker run
#   ONLY="export sql" bench/run.sh      only the operations whose name holds one of these words
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-10}
RUNS_LARGE=${RUNS_LARGE:-3}   # runs of export and import from a million findings up: an import takes a minute
WORK=${WORK:-target/bench}
MONTH=2025-11          # the reporting month measured; synth's data ends in 12/2025
AS_OF=2025-12-20       # "today" for the commands, so every run sees the same data
UNITS_PER_100K=60
ONLY=${ONLY:-}

# Whether the operation named $1 is one of those asked for with ONLY (all when empty).
wanted() {
    [ -z "$ONLY" ] && return 0
    local word
    for word in $ONLY; do
        case $1 in *"$word"*) return 0 ;; esac
    done
    return 1
}

need() {
    command -v "$1" >/dev/null 2>&1 && return
    echo "installing $2 from the system packages" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
need hyperfine hyperfine
need sqlite3 sqlite3
[ -x /usr/bin/time ] || need /usr/bin/time time

# The benchmarks fix the clock with SPOTCHECK_NOW, which only builds with
# the test-clock feature read; nothing else of the build differs.
cargo build --release --quiet --features test-clock --bin spotcheck --example synth
SPOT=$PWD/target/release/spotcheck
SYNTH=$PWD/target/release/examples/synth
mkdir -p "$WORK"
export SPOTCHECK_NOW="${AS_OF}T10:00" SPOTCHECK_BY=bench
RESULTS=$WORK/results.tsv
: > "$RESULTS"

# median in milliseconds of one hyperfine run (JSON export)
median() { python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"; }

# bench NAME SIZE SPOTCHECK_CMD SQLITE_CMD [PREPARE]
bench() {
    local name=$1 size=$2 ours=$3 theirs=$4 prepare=${5:-true}
    wanted "$name" || return 0
    local runs=$RUNS warmup=2
    case $name in
        export*|import*|sql*) if [ "$size" -ge 1000000 ]; then runs=$RUNS_LARGE; warmup=1; fi ;;
    esac
    hyperfine --warmup "$warmup" --runs "$runs" --prepare "$prepare" --export-json "$WORK/a.json" "$ours" >/dev/null 2>&1
    hyperfine --warmup "$warmup" --runs "$runs" --prepare "$prepare" --export-json "$WORK/b.json" "$theirs" >/dev/null 2>&1
    local a b
    a=$(median "$WORK/a.json"); b=$(median "$WORK/b.json")
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$size" "$a" "$b" \
        "$(python3 -c "print('%.2f' % ($a/$b))")" | tee -a "$RESULTS"
}

# peak resident memory in MB of one command
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {printf "%.1f", $2/1024}'; }

for size in $SIZES; do
    db=$WORK/synth-$size.db
    units=$(( size * UNITS_PER_100K / 100000 )); [ "$units" -lt 12 ] && units=12
    months=$(( size >= 1000000 ? 120 : 24 ))
    if [ ! -f "$db" ]; then
        /usr/bin/time -o "$WORK/synth.time" -f "%e" "$SYNTH" --findings "$size" --units "$units" --months "$months" --seed 1 --db "$db"
        printf 'synth\t%s\t%s s\n' "$size" "$(cat "$WORK/synth.time")" | tee -a "$RESULTS"
    fi
    from="$MONTH-01"; to=$(date -d "$from +1 month" +%F)
    unit=$(sqlite3 "$db" "SELECT code FROM units ORDER BY code LIMIT 1")

    # Logging writes, so it runs on a copy with an open visit.
    visit=
    if wanted "log one finding"; then
    cp "$db" "$WORK/log.db"; rm -f "$WORK/log.db-wal" "$WORK/log.db-shm"
    "$SPOT" --db "$WORK/log.db" visit start "$unit" --at "$AS_OF 07:30" >/dev/null
    visit=$(sqlite3 "$WORK/log.db" "SELECT max(id) FROM visits")
    fi
    bench "log one finding" "$size" \
        "$SPOT --db $WORK/log.db late 'Nguyễn Văn Bench' --minutes 12" \
        "sqlite3 $WORK/log.db \"INSERT INTO findings (uid, visit_id, kind, minutes_late, logged_by, logged_at, updated_at) VALUES (lower(hex(randomblob(16))), $visit, 'late', 12, 'bench', '2025-12-20T03:00:00.000Z', '2025-12-20T03:00:00.000Z')\""

    bench "report month" "$size" \
        "$SPOT --db $db report month $MONTH --format csv" \
        "sqlite3 -csv $db \"SELECT u.code, u.name, count(DISTINCT v.id), total(f.kind='late'), total(CASE WHEN f.kind='late' THEN f.minutes_late END), total(f.kind='absent'), total(f.kind='overdue'), total(CASE WHEN f.kind='overdue' THEN f.working_days_overdue END), total(f.kind='other'), count(f.id) FROM units u LEFT JOIN visits v ON v.unit_id = u.id AND v.started_at >= '$from' AND v.started_at < '$to' LEFT JOIN findings f ON f.visit_id = v.id AND f.voided_at IS NULL GROUP BY u.id ORDER BY u.code\""

    bench "list one unit's month" "$size" \
        "$SPOT --db $db list --unit $unit --month $MONTH --format csv" \
        "sqlite3 -csv -header $db \"SELECT * FROM findings_v WHERE unit_code = '$unit' AND visit_started_at >= '$from' AND visit_started_at < '$to' AND voided_at IS NULL ORDER BY visit_started_at, number\""

    # A surname that about one finding in sixteen carries, and one full name
    # that few do. The shell cannot fold, so it is given the folded words,
    # as bare prefix words (the same query as spotcheck's quoted ones).
    bench "list --search a surname" "$size" \
        "$SPOT --db $db list --search 'Huỳnh' --format csv" \
        "sqlite3 -csv -header $db \"SELECT * FROM findings_v WHERE number IN (SELECT rowid FROM finding_search WHERE finding_search MATCH 'huynh*') AND voided_at IS NULL ORDER BY visit_started_at, number\""

    bench "list --search a rare name" "$size" \
        "$SPOT --db $db list --search 'Huỳnh Ngọc Yến' --format csv" \
        "sqlite3 -csv -header $db \"SELECT * FROM findings_v WHERE number IN (SELECT rowid FROM finding_search WHERE finding_search MATCH 'huynh* ngoc* yen*') AND voided_at IS NULL ORDER BY visit_started_at, number\""

    bench "export all findings" "$size" \
        "$SPOT --db $db export findings -o $WORK/ours.csv" \
        "sqlite3 -csv -header $db 'SELECT * FROM findings_v' > $WORK/theirs.csv"

    # The same rows through `sql`, which hands each value over owned rather than borrowed.
    bench "sql all findings" "$size" \
        "$SPOT --db $db sql 'SELECT * FROM findings_v' --format csv > $WORK/ours-sql.csv" \
        "sqlite3 -csv -header $db 'SELECT * FROM findings_v' > $WORK/theirs.csv"

    # Import into a logbook that has the units, people and visits but no findings.
    base=$WORK/base-$size.db
    if wanted "import all findings"; then
    if [ ! -f "$base" ]; then
        for kind in units people visits; do "$SPOT" --db "$db" export "$kind" -o "$WORK/$kind.csv"; done
        rm -f "$base"*
        for kind in units people visits; do "$SPOT" --db "$base" import "$kind" "$WORK/$kind.csv" >/dev/null 2>&1; done
    fi
    "$SPOT" --db "$db" export findings -o "$WORK/findings.csv"
    fi
    bench "import all findings" "$size" \
        "$SPOT --db $WORK/import.db import findings $WORK/findings.csv" \
        "sqlite3 $WORK/plain.db '.import --csv $WORK/findings.csv findings'" \
        "rm -f $WORK/import.db* $WORK/plain.db*; cp $base $WORK/import.db"

    since=$(date -d "$AS_OF -3 months +1 day" +%F)
    bench "repeat offenders" "$size" \
        "$SPOT --db $db report repeat --format csv" \
        "sqlite3 -csv $db \"SELECT p.name, p.position, u.code, count(*) AS n, min(v.started_at), max(v.started_at) FROM findings f JOIN visits v ON v.id = f.visit_id JOIN people p ON p.id = f.person_id JOIN units u ON u.id = p.unit_id WHERE f.voided_at IS NULL AND v.started_at >= '$since' AND v.started_at < '2025-12-21' GROUP BY p.id HAVING n >= 2 ORDER BY n DESC, p.name\""

    export_peak=- import_peak=-
    if wanted "export all findings"; then
        export_peak=$(peak "$SPOT" --db "$db" export findings -o "$WORK/ours.csv")
    fi
    if wanted "import all findings"; then
        rm -f "$WORK/import.db"*; cp "$base" "$WORK/import.db"
        import_peak=$(peak "$SPOT" --db "$WORK/import.db" import findings "$WORK/findings.csv")
    fi
    printf 'peak memory\t%s\texport %s MB\timport %s MB\n' "$size" "$export_peak" "$import_peak" | tee -a "$RESULTS"
done

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
python3 - "$RESULTS" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print("| operation | findings | spotcheck (ms) | sqlite3 (ms) | ratio |")
print("|---|---:|---:|---:|---:|")
for r in rows:
    if r[0] in ("peak memory", "synth"):
        continue
    print(f"| {r[0]} | {int(r[1]):,} | {r[2]} | {r[3]} | {r[4]} |")
sizes = sorted({int(r[1]) for r in rows})
curves = [op for op in ("log one finding", "report month") if any(r[0] == op for r in rows)]
if curves:
    print()
    print("| scale curve (ms) | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
for op in curves:
    cells = {int(r[1]): r[2] for r in rows if r[0] == op}
    print(f"| {op} | " + " | ".join(cells.get(n, "") for n in sizes) + " |")
print()
print("| peak memory | findings | export | import |")
print("|---|---:|---:|---:|")
for r in rows:
    if r[0] == "peak memory":
        print(f"| | {int(r[1]):,} | {r[2].split()[1]} MB | {r[3].split()[1]} MB |")
synths = [r for r in rows if r[0] == "synth"]
if synths:
    print()
    print("| synth | findings | time |")
    print("|---|---:|---:|")
    for r in synths:
        print(f"| | {int(r[1]):,} | {r[2]} |")
PY
