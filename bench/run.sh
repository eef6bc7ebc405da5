#!/usr/bin/env bash
# run.sh - `make bench`: tact against a plaintext sqlite3 baseline on the
# same synthetic rows, in the same run.  Prints one table: tact's time, the
# baseline's, their ratio, and peak memory (from /usr/bin/time -v).
# BENCH_N sets the small size (default 100000); the large one is 10 x BENCH_N.
# Every report is a release: the first of each size is recorded in the
# ledger, the repeats ("again") are also compared with what it holds.
# Then, where PostgreSQL is installed, a second table: import and report on
# a PostgreSQL vault against psql on the same server (bench/pg.sh).
set -u
TACT=${1:?usage: run.sh PATH-TO-TACT}
N=${BENCH_N:-100000}
BIG=$((N * 10))
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tact-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
mkdir -m 700 run
export XDG_RUNTIME_DIR="$work/run" HOME="$work"
unset TACT_SESSION TACT_PASSPHRASE_FILE TACT_VAULT
printf 'bench passphrase\n' > pw
rows=()


# The time -f output goes to stderr of time itself; keep the command's own apart.
measure() {
	/usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>"$work/err"
	local rc=$?
	[ $rc -eq 0 ] || echo "bench: '$*' exited $rc: $(head -c 300 "$work/err")" >&2
	secs=$(cut -d' ' -f1 "$work/time")
	kib=$(cut -d' ' -f2 "$work/time")
}

# measure_n K CMD...: like measure, over K runs of CMD; secs is per run.
measure_n() {
	local k=$1
	shift
	measure bash -c 'k=$1; shift; for ((i = 0; i < k; i++)); do "$@" >/dev/null || exit 1; done' \
		_ "$k" "$@"
	secs=$(awk -v s="$secs" -v k="$k" 'BEGIN { printf "%.4f", s / k }')
}

row() { # name tact_s tact_kib base_s base_kib
	local ratio
	ratio=$(awk -v a="$2" -v b="$4" 'BEGIN { if (b <= 0) b = 0.005; printf "%.2f", a / b }')
	rows+=("$(printf '%-34s %9s %9s %8s %10s %10s' "$1" "$2" "$4" "$ratio" "$3" "$5")")
}

sq() { sqlite3 "$@"; }

setup() { # size
	local n=$1
	echo "bench: generating $n turndowns" >&2
	/usr/bin/python3 "$here/gen.py" "$n" "rows$n.jsonl" "rows$n.sql"
	"$TACT" --vault "v$n.db" --passphrase-file pw init >/dev/null
}

report_cmp() { # size label sql tact-args...
	local n=$1 label=$2 sql=$3
	shift 3
	measure "$TACT" --vault "v$n.db" report "$@"
	local ts=$secs tk=$kib
	measure sqlite3 "base$n.db" "$sql"
	row "$label" "$ts" "$tk" "$secs" "$kib"
}

setup "$N"
eval "$("$TACT" --vault "v$N.db" --passphrase-file pw unlock --ttl 120)"
measure "$TACT" --vault "v$N.db" import "rows$N.jsonl"
ts=$secs tk=$kib
measure sqlite3 "base$N.db" ".read rows$N.sql"
row "import $N" "$ts" "$tk" "$secs" "$kib"
base_import="$secs $kib"

client=$(sqlite3 "base$N.db" "SELECT name FROM clients ORDER BY id LIMIT 1")
cid=$(sqlite3 "base$N.db" "SELECT id FROM clients ORDER BY id LIMIT 1")
counts_all="SELECT r.category, count(DISTINCT t.candidate_id) FROM reasons r JOIN turndowns t ON t.id = r.turndown_id WHERE t.consent = 'aggregate' GROUP BY r.category;"
counts_one="SELECT r.category, count(DISTINCT t.candidate_id) FROM reasons r JOIN turndowns t ON t.id = r.turndown_id WHERE t.consent = 'aggregate' AND t.client_id = $cid GROUP BY r.category;"
has_report=0
"$TACT" --help | grep -q '^  report ' && has_report=1
if [ $has_report = 1 ]; then
	report_cmp "$N" "report $N, all clients" "$counts_all" --min-group 3
	report_cmp "$N" "report $N, one client" "$counts_one" --min-group 3 --client "$client"
	# The same again: now checked against the two releases in the ledger.
	report_cmp "$N" "report $N, all clients, again" "$counts_all" --min-group 3
fi

measure_n 50 "$TACT" --vault "v$N.db" list --client "$client"
ts=$secs tk=$kib
measure_n 50 sqlite3 "base$N.db" "SELECT t.id, t.decline_date, c.name, cl.name, t.role FROM turndowns t JOIN candidates c ON c.id = t.candidate_id JOIN clients cl ON cl.id = t.client_id WHERE t.client_id = $cid ORDER BY t.decline_date;"
row "list --client, $N" "$ts" "$tk" "$secs" "$kib"

# list --search opens every row's names: compare with LIKE over plaintext.
measure_n 5 "$TACT" --vault "v$N.db" list --search "client 007"
ts=$secs tk=$kib
measure_n 5 sqlite3 "base$N.db" "SELECT t.id, t.decline_date, c.name, cl.name, t.role FROM turndowns t JOIN candidates c ON c.id = t.candidate_id JOIN clients cl ON cl.id = t.client_id WHERE c.name LIKE '%client 007%' OR cl.name LIKE '%client 007%' OR t.role LIKE '%client 007%' ORDER BY t.decline_date DESC, t.id DESC;"
row "list --search, $N" "$ts" "$tk" "$secs" "$kib"

measure_n 50 "$TACT" --vault "v$N.db" log --candidate "Bench Person" --client "$client" \
	--reason compensation --share "A short shareable note." --confidential "A short secret."
ts=$secs tk=$kib
measure_n 50 sqlite3 "base$N.db" "INSERT INTO turndowns(candidate_id, client_id, decline_date, shareable, confidential) VALUES (1, 1, '2026-11-22', 'A short shareable note.', 'A short secret.');"
row "log one (unlocked session)" "$ts" "$tk" "$secs" "$kib"
"$TACT" lock >/dev/null

# The same import with every past task planned (the plan of before --plan).
"$TACT" --vault "vall$N.db" --passphrase-file pw init >/dev/null
eval "$("$TACT" --vault "vall$N.db" --passphrase-file pw unlock --ttl 120)"
if "$TACT" import --help | grep -q -- --plan; then plan_all=(--plan all); else plan_all=(); fi
measure "$TACT" --vault "vall$N.db" import "${plan_all[@]}" "rows$N.jsonl"
row "import $N, --plan all" "$secs" "$kib" "$(cut -d' ' -f1 <<<"$base_import")" "$(cut -d' ' -f2 <<<"$base_import")"
"$TACT" lock >/dev/null
rm -f "vall$N.db"*

# A migration from another system: every candidate new, one person met each.
echo "bench: generating $N turndowns, migration shape" >&2
/usr/bin/python3 "$here/gen.py" "$N" "mig$N.jsonl" "mig$N.sql" 20261122 migration
"$TACT" --vault "vmig$N.db" --passphrase-file pw init >/dev/null
eval "$("$TACT" --vault "vmig$N.db" --passphrase-file pw unlock --ttl 120)"
measure "$TACT" --vault "vmig$N.db" import "mig$N.jsonl"
ts=$secs tk=$kib
measure sqlite3 "basemig$N.db" ".read mig$N.sql"
row "import $N, migration shape" "$ts" "$tk" "$secs" "$kib"
"$TACT" lock >/dev/null
rm -f "vmig$N.db"* "basemig$N.db"*

if [ $has_report = 1 ] && [ "${BENCH_BIG:-1}" = 1 ]; then
	setup "$BIG"
	eval "$("$TACT" --vault "v$BIG.db" --passphrase-file pw unlock --ttl 120)"
	"$TACT" --vault "v$BIG.db" import "rows$BIG.jsonl" >/dev/null
	sqlite3 "base$BIG.db" ".read rows$BIG.sql"
	client=$(sqlite3 "base$BIG.db" "SELECT name FROM clients ORDER BY id LIMIT 1")
	cid=$(sqlite3 "base$BIG.db" "SELECT id FROM clients ORDER BY id LIMIT 1")
	counts_one="${counts_one//client_id = [0-9]*/client_id = $cid}"
	report_cmp "$BIG" "report $BIG, all clients" "$counts_all" --min-group 3
	report_cmp "$BIG" "report $BIG, one client" "$counts_one" --min-group 3 --client "$client"
	report_cmp "$BIG" "report $BIG, all clients, again" "$counts_all" --min-group 3
	"$TACT" lock >/dev/null
fi

# PostgreSQL (bench/pg.sh), when its server programs are here.
. "$here/pg.sh"
if [ $has_report = 1 ] && [ "${BENCH_PG:-1}" = 1 ] && bash "$here/../tests/pg/cluster.sh" have; then
	bench_pg "${BENCH_PG_N:-$N}"
fi

echo
echo "tact $("$TACT" --version | cut -d' ' -f2) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
printf '%-34s %9s %9s %8s %10s %10s\n' "figure" "tact s" "sqlite3 s" "ratio" "tact KiB" "sqlite KiB"
printf '%s\n' "${rows[@]}"
pg_print
