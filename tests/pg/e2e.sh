#!/usr/bin/env bash
# e2e.sh - `make check-e2e-pg`: the end-to-end suite on PostgreSQL.  Starts a
# throw-away cluster (cluster.sh) in a temporary folder, runs
# tests/e2e/run.sh with E2E_ENGINE=pg against it (t_team.sh and t_pg.sh get
# its superuser's URL as TACT_TEST_PG_ADMIN_URL), then stops the cluster and
# removes the folder, whatever happens.  Prints how long the run took.
set -u
TACT=${1:?usage: e2e.sh PATH-TO-TACT}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tact-pg.XXXXXX") || exit 1
# The server's own user (under root) must get through to the cluster.
chmod 711 "$tmp"
trap 'bash "$here/cluster.sh" stop "$tmp/cluster"; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
bash "$here/cluster.sh" start "$tmp/cluster" || exit 1
eval "$(bash "$here/cluster.sh" env "$tmp/cluster")"
start=$(date +%s)
E2E_ENGINE=pg TACT_BIN=$TACT bash "$here/../e2e/run.sh"
rc=$?
echo "check-e2e-pg: $(($(date +%s) - start)) s on PostgreSQL $(psql -XAtc 'SHOW server_version' "$TACT_TEST_PG_ADMIN_URL" 2>/dev/null)"
exit $rc
