# t_pg.sh - what only a PostgreSQL vault can show: two writers at once lose
# nothing (2 x 200 concurrent `tact log`, 400 turndowns after, verify
# clean); an import killed with SIGKILL halfway leaves no row of it (verify
# clean, the same import then runs whole); and the server holds no
# plaintext: neither its tables (COPY of every row, pg_dump) nor, after a
# CHECKPOINT, any file of the cluster's folder (data, WAL, server log).
#
# Runs under E2E_ENGINE=pg, or on SQLite runs when TACT_TEST_PG_ADMIN_URL
# names a cluster's superuser (tests/pg/cluster.sh env); else one skip line.
# Each vault is a database of its own made here, named by URL (pgwrap.sh
# passes URLs on untouched), and dropped at the end.
#
# Sourced by run.sh (with lib.sh) in a fresh folder.

if [ -z "${TACT_TEST_PG_ADMIN_URL:-}" ]; then
	ok "skipped: no PostgreSQL (E2E_ENGINE=pg or TACT_TEST_PG_ADMIN_URL)"
	return 0
fi

admin() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$TACT_TEST_PG_ADMIN_URL" -c "$1"; }
pg_dbs=()
# new_db NAME: makes an empty database; prints its URL.
new_db() {
	local name="t_pg_${1}_$$_$RANDOM" base=${TACT_TEST_PG_ADMIN_URL%%\?*}
	admin "CREATE DATABASE $name" >/dev/null || return 1
	pg_dbs+=("$name")
	printf '%s/%s\n' "${base%/*}" "$name"
}
# turndowns URL: how many turndowns tact lists in vault URL.
turndowns() {
	"$TACT_BIN" --vault "$1" --json list 2>/dev/null | jq length
}
printf 'pg test passphrase\n' >pw

# --- Two writers at once.
W=$(new_db writers)
expect_rc 0 "writers: init" -- "$TACT_BIN" --vault "$W" --passphrase-file pw init --weak-passphrase
expect_rc 0 "writers: unlock" -- "$TACT_BIN" --vault "$W" --passphrase-file pw unlock --ttl 30
eval "$(cat "$OUT")"
export TACT_SESSION
# writer WHO: 200 turndowns, each of a candidate of its own; each failure
# (exit code and stderr) in WHO.fail.
writer() {
	local who=$1 i rc
	: >"$who.fail"
	for ((i = 1; i <= 200; i++)); do
		rc=0
		"$TACT_BIN" --vault "$W" log --candidate "Writer $who Number $i" \
			--client "Client $who" --reason compensation --decline-date 2026-11-01 \
			--share "note of $who $i" >/dev/null 2>"$who.err" || rc=$?
		[ "$rc" = 0 ] || echo "log $i exit $rc: $(head -c 200 "$who.err")" >>"$who.fail"
	done
}
writer Alder &
pa=$!
writer Birch &
pb=$!
wait "$pa" "$pb"
assert_eq "writers: no log failed" "$(cat Alder.fail Birch.fail | head -c 300)" ""
assert_eq "writers: 400 turndowns after" "$(turndowns "$W")" 400
for who in Alder Birch; do
	assert_eq "writers: 200 of $who's" \
		"$("$TACT_BIN" --vault "$W" --json list --client "Client $who" | jq length)" 200
done
expect_rc 0 "writers: verify is clean" -- "$TACT_BIN" --vault "$W" verify
expect_rc 0 "writers: the last of each reads back" -- "$TACT_BIN" --vault "$W" --json list \
	--candidate "Writer Birch Number 200"
"$TACT_BIN" lock >/dev/null 2>&1
unset TACT_SESSION

# --- A killed import leaves nothing.
K=$(new_db killed)
expect_rc 0 "killed import: init" -- "$TACT_BIN" --vault "$K" --passphrase-file pw init --weak-passphrase
expect_rc 0 "killed import: unlock" -- "$TACT_BIN" --vault "$K" --passphrase-file pw unlock --ttl 30
eval "$(cat "$OUT")"
export TACT_SESSION
expect_rc 0 "killed import: one turndown before" -- "$TACT_BIN" --vault "$K" log \
	--candidate "Before Import" --client "Prior Client" --reason title
IMPORT_N=${E2E_PG_IMPORT_N:-20000}
/usr/bin/python3 "$E2E_DIR/../../bench/gen.py" "$IMPORT_N" big.jsonl big.sql >/dev/null
"$TACT_BIN" --vault "$K" import big.jsonl >import.out 2>import.err &
pid=$!
# Halfway: the import's transaction has been open on the server a while
# (the import of 20,000 takes some seconds; E2E_PG_IMPORT_N sets the size).
kdb=${K##*/}
for ((i = 0; i < 600; i++)); do
	[ "$(admin "SELECT count(*) FROM pg_stat_activity WHERE datname = '$kdb'
	    AND xact_start < now() - interval '1 second'")" -gt 0 ] 2>/dev/null && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if kill -9 "$pid" 2>/dev/null; then ok "killed import: killed while it ran"; else
	fail "killed import: killed while it ran" "it had ended: raise E2E_PG_IMPORT_N"; fi
wait "$pid" 2>/dev/null
# The server rolls the dead connection's transaction back.
for ((i = 0; i < 100; i++)); do
	[ "$(admin "SELECT count(*) FROM pg_stat_activity WHERE datname = '$kdb'")" = 0 ] && break
	sleep 0.1
done
assert_eq "killed import: no row of it" "$(turndowns "$K")" 1
expect_rc 0 "killed import: verify is clean" -- "$TACT_BIN" --vault "$K" verify
STDIN=/dev/null expect_rc 0 "killed import: the same import runs whole" -- \
	"$TACT_BIN" --vault "$K" import big.jsonl
assert_eq "killed import: all of it after" "$(turndowns "$K")" $((IMPORT_N + 1))
expect_rc 0 "killed import: verify is clean after" -- "$TACT_BIN" --vault "$K" verify
"$TACT_BIN" lock >/dev/null 2>&1
unset TACT_SESSION

# --- No plaintext on the server.
P=$(new_db plain)
secrets=("Ximenez Quillby" "Orrery Dynamics" "Vexholm Partners" "Nightjar Analytics"
	"furlough rumours at Vexholm" "wants a sabbatical first" "Hepzibah Corvin"
	"Staff Cartographer")
expect_rc 0 "plaintext: init" -- "$TACT_BIN" --vault "$P" --passphrase-file pw init --weak-passphrase
expect_rc 0 "plaintext: log" -- "$TACT_BIN" --vault "$P" --passphrase-file pw log \
	--candidate "Ximenez Quillby" --client "Orrery Dynamics" --role "Staff Cartographer" \
	--reason compensation --reason family:confidential \
	--share "wants a sabbatical first" --confidential "furlough rumours at Vexholm" \
	--met "Hepzibah Corvin:hiring-manager:positive"
expect_rc 0 "plaintext: rename the client" -- "$TACT_BIN" --vault "$P" --passphrase-file pw \
	rename client "Orrery Dynamics" "Vexholm Partners"
expect_rc 0 "plaintext: a second client" -- "$TACT_BIN" --vault "$P" --passphrase-file pw log \
	--candidate "Ximenez Quillby" --client "Nightjar Analytics" --reason title
expect_rc 0 "plaintext: it reads back" -- "$TACT_BIN" --vault "$P" --passphrase-file pw \
	show 1 --confidential
assert_contains "plaintext: the confidential note is there" "$OUT" "furlough rumours at Vexholm"
# Every table, row by row (COPY's binary format: bytea and text as raw
# bytes), and the database's dump.
: >tables.bin
for t in $(psql -X -A -t "$P" -c "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"); do
	psql -X -q "$P" -c "\\copy $t TO STDOUT WITH (FORMAT binary)" >>tables.bin
done
if [ -s tables.bin ]; then ok "plaintext: the tables were read"; else
	fail "plaintext: the tables were read" "no rows in any table of $P"; fi
pg_dump --no-owner "$P" >dump.sql 2>dump.err
assert_match "plaintext: pg_dump read the tables" dump.sql '^COPY '
for s in "${secrets[@]}"; do
	assert_no_plaintext "plaintext: no '$s' in the server's tables" "$s" tables.bin dump.sql
done
if [ -n "${TACT_TEST_PG_DIR:-}" ] && [ -d "$TACT_TEST_PG_DIR/data" ]; then
	admin "CHECKPOINT" >/dev/null
	for s in "${secrets[@]}"; do
		hits=$(grep -r -a -F -l -- "$s" "$TACT_TEST_PG_DIR" 2>/dev/null | head -3 | tr '\n' ' ')
		assert_eq "plaintext: no '$s' in any file of the cluster" "$hits" ""
	done
else
	ok "skipped: the cluster's files (no TACT_TEST_PG_DIR)"
fi

for d in "${pg_dbs[@]}"; do
	admin "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
done
