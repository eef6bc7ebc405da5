#!/usr/bin/env bash
# run.sh - runs tact's end-to-end tests: every tests/e2e/t_*.sh, against the
# binary $TACT_BIN, as a user would run it.
#
# Each file runs in a fresh temporary folder as its working directory, with
# HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR (0700) inside it, no TACT_SESSION,
# TACT_VAULT or TACT_PASSPHRASE_FILE, stdin from /dev/null, and in a session
# of its own (setsid): no controlling terminal, so nothing can stop on a
# passphrase prompt; tests that want a terminal make one with pty.py.
# lib.sh is sourced first.  A file that stops early (an unset variable under
# set -u, a syntax error) counts as one more failure.
#
# E2E_ONLY, a glob, limits the run to the files whose names match.
# E2E_ENGINE=pg runs every file on PostgreSQL (TACT_TEST_PG_ADMIN_URL and
# PGPASSFILE name a cluster's superuser, as tests/pg/cluster.sh env prints):
# pgwrap.sh stands in for $TACT_BIN and gives each vault path a database.
# The last line printed is "N passed, N failed", counting assertions across
# all files; the exit status is non-zero if any failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${TACT_BIN:-}" ]; then
	echo "run.sh: set TACT_BIN to the tact binary" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
case $TACT_BIN in
/*) ;;
*) TACT_BIN=$PWD/$TACT_BIN ;;
esac
if [ ! -x "$TACT_BIN" ]; then
	echo "run.sh: no executable at $TACT_BIN" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/tact-e2e.XXXXXX") || exit 1
trap 'rm -rf "$root"' EXIT
export E2E_ENGINE=${E2E_ENGINE:-sqlite}
if [ "$E2E_ENGINE" = pg ]; then
	if [ -z "${TACT_TEST_PG_ADMIN_URL:-}" ]; then
		echo "run.sh: E2E_ENGINE=pg needs TACT_TEST_PG_ADMIN_URL (tests/pg/cluster.sh env)" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
	export PGWRAP_REAL_BIN=$TACT_BIN PGWRAP_STATE=$root/pgwrap TACT_TEST_PG_ADMIN_URL
	export PGWRAP_ADMIN_URL=$TACT_TEST_PG_ADMIN_URL
	[ -n "${PGPASSFILE:-}" ] && export PGPASSFILE
	TACT_BIN=$here/pgwrap.sh
fi
results=$root/results
: >"$results"

for t in "$here"/t_*.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	# E2E_ONLY=t_vault (a glob) runs only the files it matches.
	case $name in
	${E2E_ONLY:-*}) ;;
	*) continue ;;
	esac
	if ! bash -n "$t" 2>"$root/syntax"; then
		echo "FAIL $name: syntax error: $(tr '\n' '|' <"$root/syntax")" | tee -a "$results"
		continue
	fi
	dir=$root/$name
	started=$(date +%s)
	mkdir -p "$dir/work" "$dir/home/.local/share" "$dir/run" "$dir/cap"
	chmod 700 "$dir/run"
	(
		cd "$dir/work" || exit 1
		# Files that name their PostgreSQL vaults by URL themselves, and
		# mean their paths as SQLite files, run the real tact.
		case $E2E_ENGINE:$name in
		pg:t_team | pg:t_pgurl) TACT_BIN=$PGWRAP_REAL_BIN ;;
		esac
		exec env -u TACT_SESSION -u TACT_VAULT -u TACT_PASSPHRASE_FILE \
			HOME="$dir/home" XDG_DATA_HOME="$dir/home/.local/share" \
			XDG_RUNTIME_DIR="$dir/run" TACT_BIN="$TACT_BIN" \
			E2E_DIR="$here" E2E_FILE="$name" E2E_RESULTS="$results" \
			E2E_DONE="$dir/done" OUT="$dir/cap/stdout" ERR="$dir/cap/stderr" \
			setsid -w bash -u -c '. "$E2E_DIR/lib.sh"; . "$1"; : >"$E2E_DONE"' \
			bash "$t" </dev/null
	)
	rc=$?
	if [ ! -e "$dir/done" ]; then
		echo "FAIL $name: stopped early (exit $rc)" | tee -a "$results"
	fi
	echo "== $name: $(grep -c "^PASS $name:" "$results") ok, $(grep -c "^FAIL $name:" "$results") not ok"
	if [ "$E2E_ENGINE" = pg ]; then
		echo "   $name on pg: $(grep -c "^PASS $name: skipped on pg: " "$results") of the ok" \
			"skipped on pg; $(($(date +%s) - started)) s"
	fi
done

passed=$(grep -c '^PASS ' "$results")
failed=$(grep -c '^FAIL ' "$results")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
