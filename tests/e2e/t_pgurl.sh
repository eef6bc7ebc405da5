# t_pgurl.sh - a vault named by a postgresql:// URL, as a user meets it:
# an empty database is "no vault" until `tact init`, init twice is refused,
# a database that is not there and a server that does not answer are one
# clear line each, a password in the URL never reaches a message, the
# config's [vault] url is used, and a report over more rows than one batch
# of the cursor counts them all.
#
# Runs when TACT_TEST_PG_ADMIN_URL names a cluster's superuser
# (tests/pg/cluster.sh env); else one skip line.  Sourced by run.sh.

if [ -z "${TACT_TEST_PG_ADMIN_URL:-}" ]; then
	ok "skipped: no PostgreSQL (TACT_TEST_PG_ADMIN_URL)"
	return 0
fi

admin() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$TACT_TEST_PG_ADMIN_URL" -c "$1"; }
base=${TACT_TEST_PG_ADMIN_URL%%\?*}
base=${base%/*}
# new_db NAME: makes an empty database; prints its URL.
new_db() {
	local name="t_pgurl_${1}_$$_$RANDOM"
	admin "CREATE DATABASE $name" >/dev/null || return 1
	echo "$name" >>dbs.list     # a subshell's array would not reach the caller
	printf '%s/%s\n' "$base" "$name"
}
printf 'pg url test passphrase\n' >pw

# --- An empty database is no vault, until init.
E=$(new_db empty)
expect_rc 66 "empty database: list is 'no vault'" -- "$TACT_BIN" --vault "$E" --passphrase-file pw list
stderr_one_line "empty database: one line"
assert_contains "empty database: says how to make one" "$ERR" "create one with 'tact init'"
expect_rc 0 "init on the empty database" -- "$TACT_BIN" --vault "$E" --passphrase-file pw init \
	--weak-passphrase
expect_rc 73 "init twice is refused" -- "$TACT_BIN" --vault "$E" --passphrase-file pw init \
	--weak-passphrase
assert_contains "init twice: already exists" "$ERR" "already exists"
assert_eq "init twice: one key slot still" \
	"$(psql -X -q -A -t "$E" -c 'SELECT count(*) FROM keyslots')" 1

# --- A database that is not there, a server that does not answer.
expect_rc 66 "no such database: list" -- "$TACT_BIN" --vault "$base/t_pgurl_nothere_$$" \
	--passphrase-file pw list
stderr_one_line "no such database: one line"
expect_rc 73 "no such database: init cannot create it" -- "$TACT_BIN" \
	--vault "$base/t_pgurl_nothere_$$" --passphrase-file pw init --weak-passphrase
expect_rc 69 "no server on the port: unavailable" -- "$TACT_BIN" \
	--vault "postgresql://nobody@127.0.0.1:1/x?connect_timeout=2" --passphrase-file pw list
stderr_one_line "no server: one line"
expect_rc 64 "a URL libpq cannot read" -- "$TACT_BIN" --vault "postgresql://[::1" \
	--passphrase-file pw list
stderr_one_line "bad URL: one line"

# --- A password in the URL is never shown.
secret_pw="Zq${RANDOM}hunter2pw"
noauth=${base#postgresql://}
noauth=${noauth#*@}
expect_rc 77 "a wrong password in the URL: no permission" -- "$TACT_BIN" \
	--vault "postgresql://tact_nobody:${secret_pw}@${noauth}/${E##*/}" --passphrase-file pw list
stderr_one_line "wrong password: one line"
assert_not_contains "wrong password: the password is not in the message" "$ERR" "$secret_pw"

# --- The config's [vault] url.
mkdir -p cfg/tact
printf '[vault]\nurl = %s\n' "$E" >cfg/tact/config
expect_rc 0 "config url: log" -- env XDG_CONFIG_HOME="$PWD/cfg" "$TACT_BIN" --passphrase-file pw \
	log --candidate "Config Person" --client "Url Client" --reason title --decline-date 2026-03-01
expect_rc 0 "config url: list" -- env XDG_CONFIG_HOME="$PWD/cfg" "$TACT_BIN" --passphrase-file pw \
	--json list
assert_eq "config url: the turndown is in the database" "$(jq length "$OUT")" 1
printf '[vault]\nurl = /tmp/not-a-url.db\n' >cfg/tact/config
expect_rc 64 "config url that is a path is refused" -- env XDG_CONFIG_HOME="$PWD/cfg" \
	"$TACT_BIN" --passphrase-file pw list
stderr_one_line "config url: one line"

# --- More rows than one batch of the cursor (512): every one is read.
B=$(new_db batch)
expect_rc 0 "batch: init" -- "$TACT_BIN" --vault "$B" --passphrase-file pw init --weak-passphrase
python3 - >batch.jsonl <<'EOF'
import json
for i in range(1300):
    print(json.dumps({"candidate": "Batch %d" % i, "client": "Client %d" % (i % 2),
                      "decline_date": "2026-02-%02d" % (1 + i % 28), "consent": "aggregate",
                      "reasons": [{"category": ["compensation", "title"][i % 2],
                                   "visibility": "shareable"}]}))
EOF
expect_rc 0 "batch: import 1,300" -- "$TACT_BIN" --vault "$B" --passphrase-file pw import \
	--plan none batch.jsonl
expect_rc 0 "batch: report" -- "$TACT_BIN" --vault "$B" --passphrase-file pw report --json
assert_eq "batch: the report counts all 1,300" "$(jq .turndowns "$OUT")" 1300
expect_rc 0 "batch: list" -- "$TACT_BIN" --vault "$B" --passphrase-file pw --json list
assert_eq "batch: list has all 1,300" "$(jq length "$OUT")" 1300
expect_rc 0 "batch: verify reads every row" -- "$TACT_BIN" --vault "$B" --passphrase-file pw verify
assert_contains "batch: 1,300 turndowns verified" "$OUT" "1300 records, 0 damaged"

while read -r d; do
	admin "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true
done <dbs.list
