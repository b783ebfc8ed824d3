#!/usr/bin/env bash
# Encrypted against plain logbooks of the same findings, in one run: opening
# a logbook, logging one finding, `report month`, export, import and the
# size of the file; the encrypted one with its key in the keyring (as at an
# inspector's desk) and, for opening, with the passphrase file instead.
# With OLD=path/to/spotcheck (a build from before SQLCipher), the plain
# logbook is also measured with that build, to show that plain logbooks
# keep their speed. The sqlite3 shell does the same reads on the plain file
# for scale.
#
#   bench/encryption.sh                     100,000 findings
#   N=10000 RUNS=5 bench/encryption.sh      quicker
#   OLD=../old/target/release/spotcheck bench/encryption.sh
#
# Runs inside a session keyring of its own (keyutils' `keyctl session`), so
# the keys it keeps go with it, and types the passphrase once at a terminal
# that `script` makes, as a person would. Installs hyperfine, sqlite3,
# keyutils and bsdutils from the system packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
RUNS=${RUNS:-10}
WORK=${WORK:-target/bench}/encryption
OLD=${OLD:-}
MONTH=2025-11
AS_OF=2025-12-20
PASSPHRASE='Tổ kiểm tra số 1 đi xã Tam Đại'

need() {
    command -v "$1" >/dev/null 2>&1 && return
    echo "installing $2 from the system packages" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
if [ -z "${SPOTCHECK_BENCH_KEYRING:-}" ]; then
    need hyperfine hyperfine
    need sqlite3 sqlite3
    need keyctl keyutils
    need script bsdutils
    exec env SPOTCHECK_BENCH_KEYRING=1 keyctl session - bash "$0" "$@"
fi

cargo build --release --quiet --features test-clock --bin spotcheck --example synth
SPOT=$PWD/target/release/spotcheck
SYNTH=$PWD/target/release/examples/synth
mkdir -p "$WORK"
export SPOTCHECK_NOW="${AS_OF}T10:00" SPOTCHECK_BY=bench
unset SPOTCHECK_PASSPHRASE_FILE
PASSFILE=$WORK/passphrase.txt
printf '%s\n' "$PASSPHRASE" > "$PASSFILE"

plain=$WORK/plain-$N.db
enc=$WORK/encrypted-$N.db
units=$(( N * 60 / 100000 )); [ "$units" -lt 12 ] && units=12
rm -f "$plain"* "$enc"* "$WORK"/*.key
"$SYNTH" --findings "$N" --units "$units" --months 24 --seed 1 --db "$plain" >/dev/null
cp "$plain" "$enc"
SPOTCHECK_PASSPHRASE_FILE=$PASSFILE "$SPOT" --db "$enc" encrypt >/dev/null

# The key into this session's keyring: the passphrase typed once.
remember() {
    (sleep 1; printf '%s\r' "$PASSPHRASE"; sleep 1) | script -qec "$SPOT --db $1 status" /dev/null >/dev/null
    "$SPOT" --db "$1" status </dev/null >/dev/null || { echo "the keyring did not keep the key of $1" >&2; exit 1; }
}
remember "$enc"

median() { python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"; }

# time NAME COMMAND [PREPARE]: the median of COMMAND in milliseconds
time_of() {
    hyperfine --warmup 2 --runs "$RUNS" --prepare "${3:-true}" --export-json "$WORK/t.json" "$2" >/dev/null 2>&1
    median "$WORK/t.json"
}

RESULTS=$WORK/results.tsv
: > "$RESULTS"
# row NAME PLAIN_MS ENCRYPTED_MS [OLD_MS]
row() {
    local ratio
    ratio=$(python3 -c "print('%.2f' % ($3/$2))")
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$ratio" "${4:--}" | tee -a "$RESULTS"
}
old_time() { if [ -n "$OLD" ]; then time_of "$1" "$2" "${3:-true}"; else echo -; fi; }

printf 'operation\tplain (ms)\tencrypted (ms)\tratio\tplain, build before SQLCipher (ms)\n' | tee -a "$RESULTS"

open_sql="sql 'SELECT count(*) FROM units' --format csv"
row "open and count the units" \
    "$(time_of open "$SPOT --db $plain $open_sql")" \
    "$(time_of open "$SPOT --db $enc $open_sql")" \
    "$(old_time open "$OLD --db $plain $open_sql")"
row "the same, the key from the passphrase file" \
    "$(time_of open "$SPOT --db $plain $open_sql")" \
    "$(time_of open "SPOTCHECK_PASSPHRASE_FILE=$PASSFILE $SPOT --db $enc $open_sql")"

# Logging writes, so each logbook gets a copy with an open visit. The
# copy's key is the logbook's: the keyring finds it by the same salt.
unit=$(sqlite3 "$plain" "SELECT code FROM units ORDER BY code LIMIT 1")
for side in plain encrypted old; do
    src=$plain; [ "$side" = encrypted ] && src=$enc
    cp "$src" "$WORK/log-$side.db"; rm -f "$WORK/log-$side.db-wal" "$WORK/log-$side.db-shm"
    [ "$side" = old ] && [ -z "$OLD" ] && continue
    bin=$SPOT; [ "$side" = old ] && bin=$OLD
    "$bin" --db "$WORK/log-$side.db" visit start "$unit" --at "$AS_OF 07:30" >/dev/null
done
log="late 'Nguyễn Văn Bench' --minutes 12"
row "log one finding" \
    "$(time_of log "$SPOT --db $WORK/log-plain.db $log")" \
    "$(time_of log "$SPOT --db $WORK/log-encrypted.db $log")" \
    "$(old_time log "$OLD --db $WORK/log-old.db $log")"

report="report month $MONTH --format csv"
row "report month" \
    "$(time_of report "$SPOT --db $plain $report")" \
    "$(time_of report "$SPOT --db $enc $report")" \
    "$(old_time report "$OLD --db $plain $report")"

row "export all findings" \
    "$(time_of export "$SPOT --db $plain export findings -o $WORK/plain.csv")" \
    "$(time_of export "$SPOT --db $enc --plaintext export findings -o $WORK/encrypted.csv")" \
    "$(old_time export "$OLD --db $plain export findings -o $WORK/old.csv")"

# Import into logbooks that hold the units, people and visits but no findings.
base=$WORK/base.db
rm -f "$base"*
for kind in units people visits; do "$SPOT" --db "$plain" export "$kind" -o "$WORK/$kind.csv"; done
for kind in units people visits; do "$SPOT" --db "$base" import "$kind" "$WORK/$kind.csv" >/dev/null 2>&1; done
cp "$base" "$WORK/base-encrypted.db"
SPOTCHECK_PASSPHRASE_FILE=$PASSFILE "$SPOT" --db "$WORK/base-encrypted.db" encrypt >/dev/null
remember "$WORK/base-encrypted.db"
"$SPOT" --db "$plain" export findings -o "$WORK/findings.csv"
import_runs=$RUNS; RUNS=3
row "import all findings" \
    "$(time_of import "$SPOT --db $WORK/import.db import findings $WORK/findings.csv" "rm -f $WORK/import.db*; cp $base $WORK/import.db")" \
    "$(time_of import "$SPOT --db $WORK/import-e.db import findings $WORK/findings.csv" "rm -f $WORK/import-e.db*; cp $WORK/base-encrypted.db $WORK/import-e.db")" \
    "$(old_time import "$OLD --db $WORK/import-o.db import findings $WORK/findings.csv" "rm -f $WORK/import-o.db*; cp $base $WORK/import-o.db")"
RUNS=$import_runs

# The files, every page written: the same size, or a few pages apart.
sqlite3 "$plain" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
"$SPOT" --db "$enc" status >/dev/null
printf 'file size\t%s\t%s\t%s\t-\n' "$(stat -c %s "$plain")" "$(stat -c %s "$enc")" \
    "$(python3 -c "print('%.3f' % ($(stat -c %s "$enc")/$(stat -c %s "$plain")))")" | tee -a "$RESULTS"

# For scale: the sqlite3 shell's count of the units on the plain file.
printf 'the sqlite3 shell, count the units (plain)\t%s\t-\t-\t-\n' \
    "$(time_of shell "sqlite3 $plain 'SELECT count(*) FROM units'")" | tee -a "$RESULTS"
