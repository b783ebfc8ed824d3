#!/usr/bin/env bash
# Benchmarks spotcheck against the sqlite3 shell doing the same work on the
# same logbook, in one run. Needs the Rust toolchain; installs hyperfine and
# sqlite3 from the system packages when they are missing.
#
#   bench/run.sh                 the full run: 10k, 100k and 1M findings
#   SIZES="10000 100000" bench/run.sh   a quicker run
#   ONLY="export sql" bench/run.sh      only the operations whose name holds one of these words
#   ONLY=merge SIZES="100000 1000000" bench/run.sh   only the merge of two logbooks that went apart
#   ONLY=sync bench/run.sh       the load test of sync with a PostgreSQL server (bench/sync.sh)
#   ONLY=encryption bench/run.sh encrypted against plain logbooks (bench/encryption.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-10}
RUNS_LARGE=${RUNS_LARGE:-3}   # runs of export, import and merge from a million findings up: an import takes a minute
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
# Logbooks kept from an earlier run are made again when this build writes
# another schema: a file it would upgrade first measures the old layout.
rm -f "$WORK/schema-probe.db"
"$SPOT" --db "$WORK/schema-probe.db" init >/dev/null
schema=$(sqlite3 "$WORK/schema-probe.db" "PRAGMA user_version")
if [ "$(cat "$WORK/schema" 2>/dev/null)" != "$schema" ]; then
    find "$WORK" -maxdepth 2 -name '*.db*' -delete
    echo "$schema" > "$WORK/schema"
fi
RESULTS=$WORK/results.tsv
: > "$RESULTS"

# median in milliseconds of one hyperfine run (JSON export)
median() { python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"; }

# bench NAME SIZE SPOTCHECK_CMD SQLITE_CMD [PREPARE [SQLITE_PREPARE]]
bench() {
    local name=$1 size=$2 ours=$3 theirs=$4 prepare=${5:-true}
    local prepare_theirs=${6:-$prepare}
    wanted "$name" || return 0
    local runs=$RUNS warmup=2
    case $name in
        export*|import*|sql*|merge*) if [ "$size" -ge 1000000 ]; then runs=$RUNS_LARGE; warmup=1; fi ;;
    esac
    hyperfine --warmup "$warmup" --runs "$runs" --prepare "$prepare" --export-json "$WORK/a.json" "$ours" >/dev/null 2>&1
    hyperfine --warmup "$warmup" --runs "$runs" --prepare "$prepare_theirs" --export-json "$WORK/b.json" "$theirs" >/dev/null 2>&1
    local a b
    a=$(median "$WORK/a.json"); b=$(median "$WORK/b.json")
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$size" "$a" "$b" \
        "$(python3 -c "print('%.2f' % ($a/$b))")" | tee -a "$RESULTS"
}

# peak resident memory in MB of one command
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {printf "%.1f", $2/1024}'; }

# diverge DB SIDE NOW SIZE: change one copy of the logbook as an inspector
# would between two merges, through spotcheck alone: ten new visits with
# 250 findings (two of them about people new to their unit), about 300
# findings corrected by importing them back (150 on this side only, 150 that
# the other side corrects in another field, 10 in the same field, so
# conflicts), a few `edit`s and a void, a person's position, a plan and a
# task. SIDE (a or b) picks which records; NOW stamps the changes.
diverge() {
    local db=$1 side=$2 size=$4 dir=$WORK/merge-$2
    local step=$(( size / 150 )); [ "$step" -lt 6 ] && step=6
    mkdir -p "$dir"
    ( export SPOTCHECK_NOW=$3 SPOTCHECK_BY=bench-$side
    "$SPOT" --db "$db" sql "SELECT code FROM units_v WHERE retired_on IS NULL AND merged_into_uid IS NULL ORDER BY code LIMIT 10" --format csv > "$dir/units.csv"
    "$SPOT" --db "$db" sql "SELECT p.number, p.unit_code, p.name FROM people_v p WHERE p.retired_on IS NULL AND p.alias_of_uid IS NULL AND p.unit_code IN (SELECT code FROM units_v WHERE retired_on IS NULL AND merged_into_uid IS NULL ORDER BY code LIMIT 10) ORDER BY p.number" --format csv > "$dir/staff.csv"
    "$SPOT" --db "$db" sql "SELECT * FROM findings_v WHERE voided_at IS NULL AND kind <> 'task' AND number % $step IN (1, 2, 3, 4, 5) ORDER BY number" --format csv > "$dir/found.csv"
    python3 - "$dir" "$side" "$size" "$step" <<'PY'
import csv, random, sys
dir, side, size, step = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(f"{side}-{size}")
units = [r["code"] for r in csv.DictReader(open(f"{dir}/units.csv", encoding="utf-8"))]
staff = {}
for r in csv.DictReader(open(f"{dir}/staff.csv", encoding="utf-8")):
    staff.setdefault(r["unit_code"], []).append(r)
found = list(csv.DictReader(open(f"{dir}/found.csv", encoding="utf-8")))
new_people = {"a": ["Trần Thị Mai Anh", "Ngô Văn Quang Khải"],
              "b": ["Phạm Thị Thu Hà", "Đặng Văn Minh Lực"]}[side]
day0 = 1 if side == "a" else 15
visits, findings = [], []
for i in range(10):
    unit = units[i % len(units)]
    uid = "%032x" % rng.getrandbits(128)
    day = f"2025-12-{day0 + i:02d}"
    visits.append({"uid": uid, "unit_code": unit, "started_at": f"{day} 08:00",
                   "ended_at": f"{day} 10:00", "team": f"Đoàn kiểm tra {side.upper()}",
                   "note": "kiểm tra đột xuất"})
    names = [p["name"] for p in staff.get(unit, [])]
    for j in range(25):
        row = {"visit_uid": uid, "kind": "other", "person": "", "minutes_late": "",
               "category": "", "description": "", "note": ""}
        if i < 2 and j == 0:
            row.update(kind="late", person=new_people[i], minutes_late=str(10 + i))
        elif names and j % 3 == 0:
            row.update(kind="late", person=names[(i * 25 + j) % len(names)],
                       minutes_late=str(5 + (i * 25 + j) % 55))
        elif names and j % 3 == 1:
            row.update(kind="absent", person=names[(i * 7 + j) % len(names)])
        else:
            row.update(category="trang phục", description="Không đeo thẻ công chức khi làm việc")
        findings.append(row)
def write(name, rows):
    with open(f"{dir}/{name}", "w", newline="", encoding="utf-8") as out:
        w = csv.DictWriter(out, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
write("visits-new.csv", visits)
write("findings-new.csv", findings)
# Corrections: class 1 on side a only, class 2 on side b only, class 3 on
# both in different fields, the first ten of class 4 on both in the note.
own = "1" if side == "a" else "2"
corrected, conflicting = [], 0
for r in found:
    cls = str(int(r["number"]) % step)
    if cls == own or (cls == "3" and side == "a"):
        r["note"] = f"đã nhắc nhở lại ({side})"
    elif cls == "3":
        r["action"] = "review"
    elif cls == "4" and conflicting < 10:
        conflicting += 1
        r["note"] = f"đã xác minh lại ({side})"
    else:
        continue
    corrected.append(r)
write("findings-corrected.csv", corrected)
# Class 5 for `edit` and `void`: the first three edited on side a, the next
# three on side b, the seventh voided on side a, the eighth on side b, the
# ninth's note edited on both.
five = [r["number"] for r in found if int(r["number"]) % step == 5]
mine = five[0:3] if side == "a" else five[3:6]
with open(f"{dir}/edits.txt", "w") as out:
    for n in mine:
        out.write(f"edit {n}\n")
    out.write(f"void {five[6] if side == 'a' else five[7]}\n")
    out.write(f"edit {five[8]}\n")
    person = [p for ps in staff.values() for p in ps][0 if side == "a" else 1]
    out.write(f"person {person['number']}\n")
    out.write(f"unit {units[0] if side == 'a' else units[1]}\n")
PY
    "$SPOT" --db "$db" import visits "$dir/visits-new.csv" >/dev/null
    "$SPOT" --db "$db" import findings "$dir/findings-new.csv" >/dev/null
    "$SPOT" --db "$db" import findings "$dir/findings-corrected.csv" >/dev/null
    local what target
    while read -r what target; do
        case $what in
            edit) "$SPOT" --db "$db" edit "$target" --note "ghi chú sửa ($side)" >/dev/null ;;
            void) "$SPOT" --db "$db" void "$target" --reason "ghi nhầm ($side)" >/dev/null ;;
            person) "$SPOT" --db "$db" person edit "#$target" --position "phó trưởng phòng ($side)" >/dev/null ;;
            unit)
                "$SPOT" --db "$db" plan set "$target" --visits 2 --per month >/dev/null
                "$SPOT" --db "$db" task add "$target" "Niêm yết công khai thủ tục hành chính ($side)" \
                    --due 31/12/2025 --assigned 01/12/2025 >/dev/null ;;
        esac
    done < "$dir/edits.txt" )
}

# merge_sql DB OTHER: the sqlite3 shell's nearest equivalent of `merge`, for
# the schema DB has: OTHER attached, and for each kind of record, after the
# kinds it points to, every row of OTHER inserted, or, when its uid is here,
# written over this one if it was edited later. Local numbers differ between
# the two files, so each reference is carried over by the uid of the record
# it points to. A row that breaks another UNIQUE (a unit's code, a person's
# name in a unit, one plan per unit and month) is left out.
merge_sql() {
    python3 - "$1" "$2" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(f"file:{os.path.abspath(sys.argv[1])}?mode=ro&immutable=1", uri=True)
print(".bail on")
print(f"ATTACH '{os.path.abspath(sys.argv[2])}' AS b;")
print("BEGIN;")
for table in ("units", "people", "visits", "plans", "tasks", "findings"):
    columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
    refs = {r[3]: r[2] for r in db.execute(f"PRAGMA foreign_key_list({table})")}
    def value(c):
        if c not in refs:
            return f"s.{c}"
        t = refs[c]
        return f"(SELECT m.id FROM main.{t} m WHERE m.uid = (SELECT o.uid FROM b.{t} o WHERE o.id = s.{c}))"
    others = [r for r in db.execute(f"PRAGMA index_list({table})") if r[2] and r[3] != "pk"]
    others = [r for r in others
              if [c[2] for c in db.execute(f"PRAGMA index_info({r[1]})")] != ["uid"]]
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "uid")
    print(f"INSERT INTO main.{table} ({', '.join(columns)})\n"
          f"SELECT {', '.join(value(c) for c in columns)} FROM b.{table} s WHERE true\n"
          f"ON CONFLICT (uid) DO UPDATE SET {sets}\n"
          f"WHERE excluded.updated_at > {table}.updated_at"
          + ("\nON CONFLICT DO NOTHING" if others else "") + ";")
print("COMMIT;")
PY
}

for size in $SIZES; do
    db=$WORK/synth-$size.db
    units=$(( size * UNITS_PER_100K / 100000 )); [ "$units" -lt 12 ] && units=12
    months=$(( size >= 1000000 ? 120 : 24 ))
    if [ ! -f "$db" ]; then
        /usr/bin/time -o "$WORK/synth.time" -f "%e" "$SYNTH" --findings "$size" --units "$units" --months "$months" --seed 1 --db "$db"
        printf 'synth\t%s\t%s s\n' "$size" "$(cat "$WORK/synth.time")" | tee -a "$RESULTS"
    fi
    # What a finding costs on disk, the whole file over its findings, and
    # where the bytes are: the history, the findings with their indexes, the
    # search index, the rest.
    if wanted "bytes per finding"; then
        sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
        sqlite3 -separator ' ' "$db" "
            WITH pages AS (
                SELECT CASE
                    WHEN m.tbl_name = 'history' THEN 'history'
                    WHEN m.tbl_name = 'findings' THEN 'findings'
                    WHEN m.tbl_name LIKE 'finding_search%' THEN 'search'
                    ELSE 'other' END AS part, d.pgsize
                FROM dbstat d LEFT JOIN sqlite_master m ON m.name = d.name)
            SELECT (SELECT count(*) FROM findings),
                (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()),
                total(CASE WHEN part = 'history' THEN pgsize END),
                total(CASE WHEN part = 'findings' THEN pgsize END),
                total(CASE WHEN part = 'search' THEN pgsize END),
                total(CASE WHEN part = 'other' THEN pgsize END)
            FROM pages" | while read -r n bytes history rows search other; do
            printf 'bytes per finding\t%s\t%s\thistory %s, findings %s, search %s, other %s; file %s MB\n' "$size" \
                "$(( bytes / n ))" "$(( ${history%.*} / n ))" "$(( ${rows%.*} / n ))" \
                "$(( ${search%.*} / n ))" "$(( ${other%.*} / n ))" "$(( bytes / 1048576 ))" | tee -a "$RESULTS"
        done
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

    # The same row with the history entry the command line writes beside
    # it, in one transaction: the hash of the new row as JSON, a byte a
    # field, chained by a SHA3 of the previous hash and the entry (the
    # shell has SHA3, not SHA-256).
    bench "log one finding with its history" "$size" \
        "$SPOT --db $WORK/log.db late 'Nguyễn Văn Bench' --minutes 12" \
        "sqlite3 $WORK/log.db \"BEGIN; INSERT INTO findings (uid, visit_id, kind, minutes_late, logged_by, logged_at, updated_at) VALUES (lower(hex(randomblob(16))), $visit, 'late', 12, 'bench', '2025-12-20T03:00:00.000Z', '2025-12-20T03:00:00.000Z'); INSERT INTO history (at, by, action, entity, entity_uid, entity_id, record, fields, hash) SELECT '2025-12-20T03:00:00.000Z', 'bench', 'insert', 'finding', f.uid, f.id, sha3(j.row, 256), substr(sha3(j.row, 512), 1, 39), sha3(h.hash || f.uid || j.row, 256) FROM (SELECT json_object('uid', f.uid, 'kind', f.kind, 'minutes_late', f.minutes_late, 'logged_by', f.logged_by, 'logged_at', f.logged_at, 'updated_at', f.updated_at) AS row FROM findings f WHERE f.id = last_insert_rowid()) j, findings f, (SELECT hash FROM history ORDER BY seq DESC LIMIT 1) h WHERE f.id = last_insert_rowid(); COMMIT;\""

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

    # Merging a logbook into another that shares most of its records: two
    # copies of the same logbook, each then changed through spotcheck alone
    # (so that `check` passes on both), as two inspectors' laptops drift apart
    # between two merges. Made anew at every run, by the build measured.
    orig=$WORK/merge-a-$size.orig.db other=$WORK/merge-b-$size.db
    if wanted "merge"; then
        rm -f "$orig"* "$other"*
        cp "$db" "$orig"; cp "$db" "$other"
        diverge "$orig" a "${AS_OF}T10:00" "$size"
        diverge "$other" b "${AS_OF}T11:00" "$size"
        for side in "$orig" "$other"; do
            "$SPOT" --db "$side" check >/dev/null
            # The copies below take the file alone.
            [ ! -e "$side-wal" ] || { echo "$side-wal left after check" >&2; exit 1; }
        done
        merge_sql "$orig" "$other" > "$WORK/merge.sql"
    fi
    bench "merge a logbook that went apart" "$size" \
        "$SPOT --db $WORK/merge-ours.db merge $other" \
        "sqlite3 $WORK/merge-shell.db < $WORK/merge.sql" \
        "rm -f $WORK/merge-ours.db*; cp $orig $WORK/merge-ours.db" \
        "rm -f $WORK/merge-shell.db*; cp $orig $WORK/merge-shell.db"
    if wanted "merge"; then
        rm -f "$WORK/merge-ours.db"*; cp "$orig" "$WORK/merge-ours.db"
        merge_peak=$(peak "$SPOT" --db "$WORK/merge-ours.db" merge "$other")
        printf 'merge peak\t%s\t%s MB\n' "$size" "$merge_peak" | tee -a "$RESULTS"
        # What the merge wrote is a logbook `check` accepts.
        "$SPOT" --db "$WORK/merge-ours.db" check >/dev/null
    fi

    log_peak=- report_peak=-
    if wanted "log one finding"; then
        log_peak=$(peak "$SPOT" --db "$WORK/log.db" late 'Nguyễn Văn Bench' --minutes 12)
    fi
    if wanted "report month"; then
        report_peak=$(peak "$SPOT" --db "$db" report month "$MONTH" --format csv)
    fi
    if wanted "log one finding" || wanted "report month"; then
        printf 'peak memory\t%s\tlog %s MB\treport %s MB\n' "$size" "$log_peak" "$report_peak" | tee -a "$RESULTS"
    fi

    export_peak=- import_peak=-
    if wanted "export all findings"; then
        export_peak=$(peak "$SPOT" --db "$db" export findings -o "$WORK/ours.csv")
    fi
    if wanted "import all findings"; then
        rm -f "$WORK/import.db"*; cp "$base" "$WORK/import.db"
        import_peak=$(peak "$SPOT" --db "$WORK/import.db" import findings "$WORK/findings.csv")
    fi
    if wanted "export all findings" || wanted "import all findings"; then
    printf 'peak memory\t%s\texport %s MB\timport %s MB\n' "$size" "$export_peak" "$import_peak" | tee -a "$RESULTS"
    fi
done

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
python3 - "$RESULTS" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
# The targets the benchmarks are held to: spotcheck's time over the shell's.
targets = {"report month": "≤ 2.0", "log one finding with its history": "≤ 1.05",
           "list --search a surname": "≤ 1.5", "export all findings": "≤ 0.8",
           "import all findings": "≤ 2.0"}
print("| operation | findings | spotcheck (ms) | sqlite3 (ms) | ratio | target |")
print("|---|---:|---:|---:|---:|---:|")
for r in rows:
    if r[0] in ("peak memory", "merge peak", "synth", "bytes per finding"):
        continue
    print(f"| {r[0]} | {int(r[1]):,} | {r[2]} | {r[3]} | {r[4]} | {targets.get(r[0], '')} |")
sizes_bytes = [r for r in rows if r[0] == "bytes per finding"]
if sizes_bytes:
    print()
    print("| bytes per finding (target ≤ 450) | findings | whole file | where |")
    print("|---|---:|---:|---|")
    for r in sizes_bytes:
        print(f"| | {int(r[1]):,} | {r[2]} | {r[3]} |")
sizes = sorted({int(r[1]) for r in rows})
curves = [op for op in ("log one finding", "report month") if any(r[0] == op for r in rows)]
if curves:
    print()
    print("| scale curve (ms) | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
for op in curves:
    cells = {int(r[1]): r[2] for r in rows if r[0] == op}
    print(f"| {op} | " + " | ".join(cells.get(n, "") for n in sizes) + " |")
peaks = {}
for r in rows:
    if r[0] == "peak memory":
        for cell in r[2:]:
            what, mb = cell.split()[0], cell.split()[1]
            peaks.setdefault(int(r[1]), {})[what] = mb
if peaks:
    print()
    print("| peak memory (MB, target < 64) | findings | log | report | export | import |")
    print("|---|---:|---:|---:|---:|---:|")
    for n, p in sorted(peaks.items()):
        print(f"| | {n:,} | " + " | ".join(p.get(w, "") for w in ("log", "report", "export", "import")) + " |")
merges = [r for r in rows if r[0].startswith("merge ") and r[0] != "merge peak"]
if merges:
    peaks = {r[1]: r[2].split()[0] for r in rows if r[0] == "merge peak"}
    print()
    print("| merge | findings | spotcheck (s) | sqlite3 shell (s) | ratio | spotcheck peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in merges:
        print(f"| | {int(r[1]):,} | {float(r[2]) / 1000:.2f} | {float(r[3]) / 1000:.2f} | {r[4]} | {peaks.get(r[1], '')} |")
synths = [r for r in rows if r[0] == "synth"]
if synths:
    print()
    print("| synth | findings | time |")
    print("|---|---:|---:|")
    for r in synths:
        print(f"| | {int(r[1]):,} | {r[2]} |")
PY

# The load test of sync against a throwaway PostgreSQL cluster (bench/sync.sh)
# runs only when asked by name, as `ONLY=sync bench/run.sh`: at full scale it
# is an hour's work of its own.
case " $ONLY " in
    *" sync "*) WORK=$WORK bash bench/sync.sh ;;
esac
# Encrypted against plain logbooks (bench/encryption.sh), also only by name.
case " $ONLY " in
    *" encryption "*) WORK=$WORK bash bench/encryption.sh ;;
esac
