# pg.sh - sourced by bench/run.sh: tact's import and report on a PostgreSQL
# vault, against a plaintext baseline on the same server in the same run:
# psql COPY of the same rows into plain tables (bench/pgbase.py), and the
# report's counts as a plain SELECT ... GROUP BY over them.  The cluster is a
# throw-away one (tests/pg/cluster.sh) in the bench's folder.  Times and
# peak memory are the client's (tact's, psql's), as /usr/bin/time sees
# them; the server's own work is in the wall time, not in the memory.
# BENCH_PG=0 skips it; BENCH_PG_N sets the size (default BENCH_N's).

pg_rows=()
pg_version=""

pg_row() { # name tact_s tact_kib base_s base_kib
	local ratio
	ratio=$(awk -v a="$2" -v b="$4" 'BEGIN { if (b <= 0) b = 0.005; printf "%.2f", a / b }')
	pg_rows+=("$(printf '%-34s %9s %9s %8s %10s %10s' "$1" "$2" "$4" "$ratio" "$3" "$5")")
}

# bench_pg N: the PostgreSQL figures for N turndowns (rowsN.jsonl).
bench_pg() {
	local n=$1 dir=$work/pg cluster=$here/../tests/pg/cluster.sh url base ts tk
	local all one pgclient pgcid
	chmod 711 "$work"
	if ! bash "$cluster" start "$dir" >/dev/null; then
		echo "bench: no PostgreSQL cluster could be started: its figures are skipped" >&2
		return 0
	fi
	trap 'bash "$cluster" stop "$dir"; rm -rf "$work"' EXIT
	eval "$(bash "$cluster" env "$dir")"
	psql -X -q -v ON_ERROR_STOP=1 "$TACT_TEST_PG_ADMIN_URL" -c 'CREATE DATABASE tact_bench' \
		-c 'CREATE DATABASE plain_bench' >/dev/null || return 0
	url=${TACT_TEST_PG_ADMIN_URL%/*}/tact_bench
	base=${TACT_TEST_PG_ADMIN_URL%/*}/plain_bench
	pg_version=$(psql -X -A -t "$base" -c 'SHOW server_version' | cut -d' ' -f1)
	echo "bench: PostgreSQL $pg_version, $n turndowns" >&2
	[ -e "rows$n.jsonl" ] || /usr/bin/python3 "$here/gen.py" "$n" "rows$n.jsonl" "rows$n.sql"
	/usr/bin/python3 "$here/pgbase.py" "rows$n.jsonl" "rows$n.psql"
	"$TACT" --vault "$url" --passphrase-file pw init >/dev/null || return 0
	eval "$("$TACT" --vault "$url" --passphrase-file pw unlock --ttl 120)"
	measure "$TACT" --vault "$url" import "rows$n.jsonl"
	ts=$secs tk=$kib
	measure psql -X -q -v ON_ERROR_STOP=1 "$base" -f "rows$n.psql"
	pg_row "import $n" "$ts" "$tk" "$secs" "$kib"
	pgclient=$(psql -X -A -t "$base" -c 'SELECT name FROM clients ORDER BY id LIMIT 1')
	pgcid=$(psql -X -A -t "$base" -c 'SELECT id FROM clients ORDER BY id LIMIT 1')
	all="SELECT r.category, count(DISTINCT t.candidate_id) FROM reasons r JOIN turndowns t ON t.id = r.turndown_id WHERE t.consent = 'aggregate' GROUP BY r.category;"
	one="SELECT r.category, count(DISTINCT t.candidate_id) FROM reasons r JOIN turndowns t ON t.id = r.turndown_id WHERE t.consent = 'aggregate' AND t.client_id = $pgcid GROUP BY r.category;"
	pg_report "$n" "report $n, all clients" "$url" "$base" "$all" --min-group 3
	pg_report "$n" "report $n, one client" "$url" "$base" "$one" --min-group 3 \
		--client "$pgclient"
	pg_report "$n" "report $n, all clients, again" "$url" "$base" "$all" --min-group 3
	"$TACT" lock >/dev/null
	bash "$cluster" stop "$dir"
	trap 'rm -rf "$work"' EXIT
}

pg_report() { # size label url base-url sql tact-args...
	local label=$2 url=$3 base=$4 sql=$5 ts tk
	shift 5
	measure "$TACT" --vault "$url" report "$@"
	ts=$secs tk=$kib
	measure psql -X -q "$base" -c "$sql"
	pg_row "$label" "$ts" "$tk" "$secs" "$kib"
}

# pg_print: the PostgreSQL table, after run.sh's.
pg_print() {
	[ ${#pg_rows[@]} -gt 0 ] || return 0
	echo
	echo "PostgreSQL $pg_version on the same machine: tact against psql on plain tables"
	printf '%-34s %9s %9s %8s %10s %10s\n' "figure" "tact s" "psql s" "ratio" "tact KiB" "psql KiB"
	printf '%s\n' "${pg_rows[@]}"
}
