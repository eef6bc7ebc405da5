# lib.sh - helpers for tact's end-to-end tests, sourced by run.sh before
# each t_*.sh.  Each assertion helper records one result (PASS or FAIL) in
# $E2E_RESULTS, which run.sh counts; a failure is also printed at once.
# Helpers return 0 on success and 1 on failure, and never exit, so one
# failing assertion does not stop the file.
#
# After expect_rc, $RC holds the exit code and the files $OUT and $ERR the
# command's stdout and stderr; the assert_* helpers take a file to look in.
# Commands run with stdin from $STDIN (default /dev/null) and under
# `timeout $E2E_TIMEOUT` (default 120 s) so that nothing can hang the suite.

RC=0
: "${E2E_TIMEOUT:=120}"

# ok NAME: records a passed assertion.
ok() {
	printf 'PASS %s: %s\n' "$E2E_FILE" "$1" >>"$E2E_RESULTS"
	return 0
}

# fail NAME MSG: records a failed assertion and prints why.
fail() {
	printf 'FAIL %s: %s: %s\n' "$E2E_FILE" "$1" "${2:-}" >>"$E2E_RESULTS"
	printf 'FAIL %s: %s: %s\n' "$E2E_FILE" "$1" "${2:-}"
	return 1
}

# check NAME CMD...: passes when CMD succeeds.
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else fail "$name" "failed: $*"; fi
}

# expect_rc WANT NAME -- CMD...: runs CMD, capturing stdout in $OUT and
# stderr in $ERR, and checks that it exits with WANT.
expect_rc() {
	local want=$1 name=$2
	shift 2
	[ "${1:-}" = -- ] && shift
	RC=0
	if [ "$(type -t "$1")" = function ]; then
		"$@" <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR" || RC=$?
	else
		timeout -k 5 "$E2E_TIMEOUT" "$@" <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR" || RC=$?
	fi
	if [ "$RC" = "$want" ]; then
		ok "$name"
		return 0
	fi
	fail "$name" "exit $RC, want $want; stderr: $(head -c 400 "$ERR" | tr '\n' '|')"
}

# stderr_one_line NAME: $ERR is exactly one line, starting "tact: ".
stderr_one_line() {
	local lines records
	lines=$(wc -l <"$ERR")
	records=$(awk 'END { print NR }' "$ERR")
	if [ "$lines" -eq 1 ] && [ "$records" -eq 1 ] && [ "$(head -c 6 "$ERR")" = "tact: " ]; then
		ok "$1"
		return 0
	fi
	fail "$1" "stderr is not one 'tact: ' line: $(head -c 400 "$ERR" | tr '\n' '|')"
}

# assert_eq NAME GOT WANT
assert_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; return 0; fi
	fail "$1" "got '$2', want '$3'"
}

# assert_contains NAME FILE TEXT: FILE contains TEXT (a fixed string).
assert_contains() {
	if grep -qaF -- "$3" "$2"; then ok "$1"; return 0; fi
	fail "$1" "'$3' not in $(basename "$2"): $(head -c 300 "$2" | tr '\n' '|')"
}

# assert_not_contains NAME FILE TEXT: FILE does not contain TEXT.
assert_not_contains() {
	if ! grep -qaF -- "$3" "$2"; then ok "$1"; return 0; fi
	fail "$1" "'$3' found in $(basename "$2")"
}

# assert_match NAME FILE REGEX: some line of FILE matches the extended REGEX.
assert_match() {
	if grep -qaE -- "$3" "$2"; then ok "$1"; return 0; fi
	fail "$1" "no line matches /$3/: $(head -c 300 "$2" | tr '\n' '|')"
}

# assert_mode NAME PATH MODE: PATH exists with permissions MODE (octal, as stat %a).
assert_mode() {
	local got
	got=$(stat -c %a -- "$2" 2>/dev/null) || got=missing
	assert_eq "$1" "$got" "$3"
}

# assert_exists NAME PATH / assert_absent NAME PATH
assert_exists() {
	if [ -e "$2" ]; then ok "$1"; return 0; fi
	fail "$1" "$2 does not exist"
}
assert_absent() {
	if [ ! -e "$2" ] && [ ! -L "$2" ]; then ok "$1"; return 0; fi
	fail "$1" "$2 exists"
}

# assert_jq NAME FILE FILTER: jq -e FILTER is true on the JSON in FILE.
# An empty file is a failure: jq -e exits 0 when it is given no input.
assert_jq() {
	if [ -s "$2" ] && [ "$(jq -e "$3" "$2" 2>/dev/null | tail -1)" != "" ] &&
	    jq -e "$3" "$2" >/dev/null 2>&1; then ok "$1"; return 0; fi
	fail "$1" "jq '$3' is not true on: $(head -c 300 "$2" | tr '\n' ' ')"
}

# assert_no_plaintext NAME TEXT FILE... [--may-be-absent FILE...]: every
# FILE exists and none contains TEXT.  The files after --may-be-absent are
# searched when they exist and skipped when not (a vault's -wal, -shm and
# -journal come and go); any other FILE that is missing or cannot be read is
# a failure, as is a call that finds no file at all to search.
assert_no_plaintext() {
	local name=$1 text=$2 f n optional=0 searched=0
	shift 2
	for f in "$@"; do
		if [ "$f" = --may-be-absent ]; then
			optional=1
			continue
		fi
		if [ ! -e "$f" ] && [ ! -L "$f" ]; then
			[ "$optional" = 1 ] && continue
			fail "$name" "$f does not exist (nothing there to search)"
			return 1
		fi
		if [ -d "$f" ] || { ! n=$(grep -caF -- "$text" "$f" 2>/dev/null) && [ "$n" != 0 ]; }
		then
			fail "$name" "cannot read $f as a file"
			return 1
		fi
		if [ "$n" != 0 ]; then
			fail "$name" "'$text' found in clear in $f"
			return 1
		fi
		searched=$((searched + 1))
	done
	if [ "$searched" = 0 ]; then
		fail "$name" "no file to search"
		return 1
	fi
	ok "$name"
}

# snapshot PATH...: prints a checksum of each PATH (or "absent"), to compare later.
snapshot() {
	local f
	for f in "$@"; do
		if [ -e "$f" ]; then
			printf '%s %s\n' "$(sha256sum <"$f" | cut -d' ' -f1)" "$f"
		else
			printf 'absent %s\n' "$f"
		fi
	done
}

# pty_run PROMPT ANSWER ... -- CMD...: runs CMD on a pseudo-terminal, typing
# each ANSWER after its PROMPT; what CMD wrote to the terminal is on stdout.
pty_run() {
	/usr/bin/python3 -I "$E2E_DIR/pty.py" --timeout "$E2E_TIMEOUT" "$@"
}

# run_checker LABEL CMD...: runs a rule checker's batch mode, CMD... followed by
# "manifest results" (the outputs saved in manifest, one verdict a line in
# results), and turns every verdict into an ok or a fail; shows what it found.
run_checker() {
	local label=$1 verdict name why pyrc
	shift
	"$@" manifest results >violations.log 2>&1
	pyrc=$?
	if [ "$pyrc" = 0 ] && [ -s results ]; then
		ok "the checker ran over $(grep -c . manifest) outputs"
	else
		fail "the checker ran over $(grep -c . manifest) outputs" \
			"exit $pyrc: $(tail -c 400 violations.log)"
	fi
	while IFS=$'\t' read -r verdict name why; do
		if [ "$verdict" = PASS ]; then ok "$name"; else fail "$name" "$why"; fi
	done <results
	if [ -s violations.log ]; then
		echo "--- $label: problems found, each once (of $(grep -c . violations.log)):"
		head -n 25 violations.log | cut -c 1-500
	fi
}

# --- Both engines (run.sh's E2E_ENGINE=pg runs the suite on PostgreSQL:
# TACT_BIN is then pgwrap.sh, which maps each vault path to a database).

# on_pg: true when the suite runs on PostgreSQL.
on_pg() {
	[ "${E2E_ENGINE:-sqlite}" = pg ]
}

# sqlite_only WHAT: guards a block that is about the SQLite file itself
# (`if sqlite_only "WHAT"; then ... fi`): true on SQLite; on PostgreSQL
# false, recording one "skipped on pg: WHAT" so the count shows it.
sqlite_only() {
	on_pg || return 0
	ok "skipped on pg: $1"
	return 1
}

# pg_vault_url PATH: the database URL pgwrap.sh maps vault PATH to.
pg_vault_url() {
	"$E2E_DIR/pgwrap.sh" --pgwrap-url "$1"
}

# pg_vault_sql PATH SQL...: runs SQL as the cluster's superuser in vault
# PATH's database; prints the rows unaligned, fields split by '|'.  Foreign
# keys are not enforced (session_replication_role replica), as SQLite's
# are not: a test's tampering is what someone with the tables could do.
pg_vault_sql() {
	local url
	url=$(pg_vault_url "$1") || return 1
	shift
	psql -X -q -A -t -v ON_ERROR_STOP=1 "$url" -c "SET session_replication_role = replica" -c "$*"
}

# pg_vault_dump PATH FILE: every row of vault PATH's database into FILE,
# each table (in name order) in COPY's binary format, which holds bytea and
# text as their raw bytes; one psql connection for them all.  Sequences are
# left out: they are not rolled back with a failed command's transaction.
pg_vault_dump() {
	local url t tables copies=()
	url=$(pg_vault_url "$1") || return 1
	: >"$2"
	tables=$(psql -X -A -t "$url" -c "SELECT format('%I.%I', schemaname, tablename)
	    FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
	    ORDER BY 1") || return 1
	# A database with no table is no vault: nothing there would prove anything.
	[ -n "$tables" ] || return 1
	for t in $tables; do
		copies+=(-c "\\copy $t TO STDOUT WITH (FORMAT binary)")
	done
	psql -X -q -v ON_ERROR_STOP=1 "$url" "${copies[@]}" >>"$2"
}

# On PostgreSQL, assert_no_plaintext searches a vault path's database (a
# dump of it, as pg_vault_dump) instead of the file, and passes over the
# path's -wal, -shm and -journal, which only SQLite has.
if on_pg; then
	eval "sqlite_$(declare -f assert_no_plaintext)"
	assert_no_plaintext() {
		local name=$1 text=$2 f args=() n=0
		shift 2
		for f in "$@"; do
			if [ "$f" != --may-be-absent ] && "$E2E_DIR/pgwrap.sh" --pgwrap-known "$f"; then
				n=$((n + 1))
				pg_vault_dump "$f" "$PWD/.pg-dump.$n" || { fail "$name" "cannot dump $f (no tables?)"; return 1; }
				args+=("$PWD/.pg-dump.$n")
				continue
			fi
			case $f in
			*-wal | *-shm | *-journal)
				"$E2E_DIR/pgwrap.sh" --pgwrap-known "${f%-*}" && continue ;;
			# "$VD"/* of a vault's folder, which no one made on pg.
			*/\*)
				[ ! -e "$f" ] && pg_is_vault_folder "${f%/\*}" && continue ;;
			esac
			args+=("$f")
		done
		sqlite_assert_no_plaintext "$name" "$text" "${args[@]}"
		local rc=$?
		rm -f "$PWD"/.pg-dump.*
		return $rc
	}
fi

# On PostgreSQL, a vault path is a database: snapshot sums its dump;
# assert_exists and assert_absent ask whether it holds tables (a vault), not
# whether a file is there; assert_mode of a vault path or its folder, which
# pgwrap.sh never makes, records a skip.
if on_pg; then
	# pg_is_vault_path PATH: PATH was given to tact as a vault.
	pg_is_vault_path() {
		"$E2E_DIR/pgwrap.sh" --pgwrap-known "$1"
	}
	# pg_is_vault_folder PATH: PATH is the folder of a vault path.
	pg_is_vault_folder() {
		local abs
		abs=$(realpath -m -- "$1")
		[ -d "${PGWRAP_STATE:-/nonexistent}" ] &&
		    grep -qxF -- "$abs" < <(cat "$PGWRAP_STATE"/* 2>/dev/null | xargs -r -d '\n' dirname --)
	}
	# pg_has_tables PATH: vault PATH's database holds tables.
	pg_has_tables() {
		[ "$(pg_vault_sql "$1" "SELECT count(*) FROM pg_tables
		    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')" 2>/dev/null)" -gt 0 ] 2>/dev/null
	}
	eval "sqlite_$(declare -f snapshot)"
	snapshot() {
		local f
		for f in "$@"; do
			case $f in
			*-wal | *-shm | *-journal) pg_is_vault_path "${f%-*}" && continue ;;
			esac
			if pg_is_vault_path "$f"; then
				if pg_vault_dump "$f" "$PWD/.pg-snap" 2>/dev/null; then
					printf '%s %s\n' "$(sha256sum <"$PWD/.pg-snap" | cut -d' ' -f1)" "$f"
				else
					printf 'absent %s\n' "$f"
				fi
				rm -f "$PWD/.pg-snap"
			else
				sqlite_snapshot "$f"
			fi
		done
	}
	eval "sqlite_$(declare -f assert_exists)"
	assert_exists() {
		if pg_is_vault_path "$2"; then
			if pg_has_tables "$2"; then ok "$1"; return 0; fi
			fail "$1" "the database of $2 holds no vault"
			return 1
		fi
		sqlite_assert_exists "$@"
	}
	eval "sqlite_$(declare -f assert_absent)"
	assert_absent() {
		if pg_is_vault_path "$2"; then
			if ! pg_has_tables "$2"; then ok "$1"; return 0; fi
			fail "$1" "the database of $2 holds a vault"
			return 1
		fi
		sqlite_assert_absent "$@"
	}
	eval "sqlite_$(declare -f assert_mode)"
	assert_mode() {
		if pg_is_vault_path "$2" || pg_is_vault_folder "$2"; then
			ok "skipped on pg: $1 (a vault file's mode)"
			return 0
		fi
		sqlite_assert_mode "$@"
	}
fi

# vault_name PATH: how tact names vault PATH in what it prints: the path on
# SQLite, the database's URL on PostgreSQL.
vault_name() {
	if on_pg; then pg_vault_url "$1"; else printf '%s\n' "$1"; fi
}

# pg_db_name PATH: the name of vault PATH's database.
pg_db_name() {
	local url
	url=$(pg_vault_url "$1") || return 1
	url=${url%%\?*}
	printf '%s\n' "${url##*/}"
}

# pg_vault_copy SRC DST: vault DST's database becomes a copy of SRC's (as
# cp SRC DST would make of two files).  The copy waits for SRC's last
# connection to go, as CREATE DATABASE ... TEMPLATE must.
pg_vault_copy() {
	local src dst i
	src=$(pg_db_name "$1") && dst=$(pg_db_name "$2") || return 1
	psql -X -q -v ON_ERROR_STOP=1 "$TACT_TEST_PG_ADMIN_URL" \
	    -c "DROP DATABASE IF EXISTS \"$dst\" WITH (FORCE)" >/dev/null || return 1
	for i in $(seq 1 50); do
		psql -X -q "$TACT_TEST_PG_ADMIN_URL" -c "CREATE DATABASE \"$dst\" TEMPLATE \"$src\"" \
		    >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	psql -X -q -v ON_ERROR_STOP=1 "$TACT_TEST_PG_ADMIN_URL" -c "CREATE DATABASE \"$dst\" TEMPLATE \"$src\""
}

# On PostgreSQL, the sqlite3 tool and cp stand in for what they do to a vault
# file when given a vault path: `sqlite3 PATH SQL` runs SQL (made
# PostgreSQL's by tests/pg/sql.py: hex(), X'..', char()) in PATH's database,
# `PRAGMA integrity_check` becomes tact verify's verdict ("ok") and
# `.backup DST` a copy of the database;
# `cp SRC DST` of a vault path with no file there copies the database.
# Anything else goes to the real programs.
if on_pg; then
	sqlite3() {
		local sql
		if [ $# -eq 2 ] && [ ! -f "$1" ] && pg_is_vault_path "$1"; then
			case $2 in
			'PRAGMA integrity_check')
				if "$TACT_BIN" --vault "$1" verify >/dev/null 2>"$PWD/.pg-verify"; then
					echo ok
				else
					tr '\n' ' ' <"$PWD/.pg-verify"; echo
				fi
				rm -f "$PWD/.pg-verify"
				return 0 ;;
			'.backup '*)
				pg_vault_copy "$1" "${2#.backup }"
				return ;;
			esac
			sql=$(printf '%s' "$2" | /usr/bin/python3 "$E2E_DIR/../pg/sql.py") || return 1
			pg_vault_sql "$1" "$sql"
			return
		fi
		command sqlite3 "$@"
	}
	cp() {
		if [ $# -eq 2 ] && [ ! -e "$1" ] && pg_is_vault_path "$1"; then
			pg_vault_copy "$1" "$2"
			return
		fi
		command cp "$@"
	}
fi
