# t_team.sh - end-to-end tests of a firm's shared vault (SPEC section 10):
# `tact team init/invite/join/list/remove/transfer` on a real PostgreSQL
# server.  Two members log turndowns and a firm-wide report counts both;
# member bo cannot open ana's people met or confidential notes, neither
# through tact nor with direct SQL and his own keys (team_keys.py, libsodium
# by hand), and cannot change ana's rows with psql; removing a member
# rotates the firm key so that a session captured before opens nothing;
# neither pg_dump nor the cluster's files hold a name, note or reason.
#
# Needs TACT_TEST_PG_ADMIN_URL (a superuser on a throw-away cluster, its
# password in $PGPASSFILE); without it, one skip line.  Each run makes a
# database of its own.

if [ -z "${TACT_TEST_PG_ADMIN_URL:-}" ]; then
	ok "skipped: no PostgreSQL"
	return 0
fi

ADMIN=$TACT_TEST_PG_ADMIN_URL
ADMIN_PASS=${PGPASSFILE:-}
unset PGPASSFILE
db=team_$(date +%s)_$((RANDOM % 1000))
base=${ADMIN%/*}
hostport=${base#*@}
opurl=$base/$db
firm=postgresql://$hostport/$db
admin_psql() { env PGPASSFILE="$ADMIN_PASS" psql "$ADMIN" -XAtq "$@"; }
admin_psql -c "CREATE DATABASE $db"

for who in ana bo cy; do
	mkdir -p "$who/run" && chmod 700 "$who/run"
	printf '%s passphrase, long enough\n' "$who" >"$who.pw"
done
# member WHO ARGS...: tact as WHO, with WHO's passfile, passphrase and URL.
member() {
	local who=$1
	shift
	env -u PGPASSFILE XDG_CONFIG_HOME="$PWD/$who" XDG_RUNTIME_DIR="$PWD/$who/run" \
		TACT_PASSPHRASE_FILE="$PWD/$who.pw" TACT_VAULT="$(cat "$who.url")" "$TACT_BIN" "$@"
}
# member_psql WHO SQL: psql as WHO's own database role.
member_psql() {
	env PGPASSFILE="$PWD/$1/tact/pgpass" psql "$(cat "$1.url")" -XAt -c "$2" 2>&1
}
url_of() { sed -n 's/^your vault from now on: //p' "$OUT"; }

# ---- init, invite, join ------------------------------------------------------
expect_rc 0 "init: as the operator" -- env PGPASSFILE="$ADMIN_PASS" XDG_CONFIG_HOME="$PWD/ana" \
	"$TACT_BIN" --vault "$opurl" --passphrase-file ana.pw team init --name ana
url_of >ana.url
assert_eq "init: prints ana's URL" "$(cat ana.url)" "postgresql://tact_${db}_ana@$hostport/$db"
assert_mode "init: the passfile is 0600" ana/tact/pgpass 600
expect_rc 64 "init: a SQLite path is no firm vault" -- "$TACT_BIN" --vault "$PWD/x.db" \
	--passphrase-file ana.pw team init --name ana

printf 'solo pass\n' >solo.pw
"$TACT_BIN" --vault "$PWD/solo.db" --passphrase-file solo.pw init --weak-passphrase 2>/dev/null
expect_rc 64 "list: a solo vault is no firm vault" -- "$TACT_BIN" --vault "$PWD/solo.db" team list
assert_contains "list: says so" "$ERR" "is not a firm vault"
expect_rc 0 "invite: bo" -- member ana team invite bo
bocode=$(tail -1 "$OUT")
assert_match "invite: a NAME-SECRET code" "$OUT" "^bo-[a-z2-7]{32}$"
expect_rc 0 "invite: cy" -- member ana team invite cy
cycode=$(tail -1 "$OUT")
expect_rc 77 "invite: bo is not an admin (not yet a member at all)" -- env -u PGPASSFILE \
	XDG_CONFIG_HOME="$PWD/bo" TACT_PASSPHRASE_FILE="$PWD/bo.pw" "$TACT_BIN" \
	--vault "$firm" team invite mallory

expect_rc 77 "join: an unknown code" -- env XDG_CONFIG_HOME="$PWD/bo" \
	TACT_PASSPHRASE_FILE="$PWD/bo.pw" "$TACT_BIN" team join "$firm" \
	"bo-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
expect_rc 0 "join: bo, code on the command line" -- env XDG_CONFIG_HOME="$PWD/bo" \
	"$TACT_BIN" --passphrase-file bo.pw team join "$firm" "$bocode"
url_of >bo.url
assert_contains "join: one warning about argv" "$ERR" "can be read by other users"
stderr_one_line "join: the warning is one line"
expect_rc 77 "join: a used code" -- env XDG_CONFIG_HOME="$PWD/bo2" \
	"$TACT_BIN" --passphrase-file bo.pw team join "$firm" "$bocode"
assert_contains "join: says wrong or used" "$ERR" "wrong or used"
expect_rc 0 "join: cy, code asked on the terminal" -- pty_run "Invitation code" "$cycode" -- \
	env XDG_CONFIG_HOME="$PWD/cy" "$TACT_BIN" --passphrase-file cy.pw team join "$firm"
sed -n 's/.*your vault from now on: \([^[:space:]]*\).*/\1/p' "$OUT" | head -1 >cy.url
assert_eq "join: cy's URL" "$(cat cy.url)" "postgresql://tact_${db}_cy@$hostport/$db"
expect_rc 0 "list: as bo" -- member bo --json team list
assert_jq "list: three active members, ana the admin" "$OUT" \
	'length == 3 and all(.[]; .state == "active") and ([.[] | select(.admin)] | map(.name)) == ["ana"]'

# ---- two members log; a firm-wide report counts both -------------------------
for i in 1 2 3; do
	expect_rc 0 "log: ana's candidate $i" -- member ana log --candidate "Annabel Quist$i" \
		--client "Northwind Traders" --reason compensation --decline-date 2026-11-0$i \
		--share "wants remote work" --confidential "counteroffer from Globexa$i" \
		--met "Priya Raman:hiring-manager:negative"
	expect_rc 0 "log: bo's candidate $i" -- member bo log --candidate "Bartholomew Zane$i" \
		--client "Northwind Traders" --reason title --decline-date 2026-11-1$i \
		--share "no growth path" --confidential "spouse relocating to Osloville$i" \
		--met "Quentin Marsh:interviewer:positive"
done
expect_rc 0 "report: bo, firm-wide" -- member bo --json report --client "Northwind Traders" \
	--min-group 3
assert_jq "report: counts all six turndowns of both members" "$OUT" '.turndowns == 6'
assert_jq "report: six candidates" "$OUT" '.candidates == 6'
expect_rc 0 "list: bo sees ana's candidates' names" -- member bo list
assert_contains "list: ana's candidate in bo's list" "$OUT" "Annabel Quist1"

# ---- bo cannot open or change ana's -------------------------------------------
atd=$(member_psql ana "SELECT min(t.id) FROM turndowns t JOIN candidates c ON c.id = \
t.candidate_id WHERE c.owner = 'tact_${db}_ana'")
acand=$(member_psql ana "SELECT candidate_id FROM turndowns WHERE id = $atd")
btd=$(member_psql bo "SELECT min(t.id) FROM turndowns t JOIN candidates c ON c.id = \
t.candidate_id WHERE c.owner = 'tact_${db}_bo'")
expect_rc 0 "show --confidential: ana, her own" -- member ana show --confidential "$atd"
assert_contains "show --confidential: ana reads her note" "$OUT" "counteroffer from Globexa"
expect_rc 77 "show --confidential: bo on ana's" -- member bo show --confidential "$atd"
assert_contains "show: says whose it is" "$ERR" "turndown $atd: candidate $acand belongs to ana; ask them"
assert_not_contains "show: no note" "$OUT" "Globexa"
expect_rc 77 "debrief: bo on ana's (names of people met)" -- member bo debrief "$atd"
assert_not_contains "debrief: no name of a person met" "$OUT" "Priya"
expect_rc 77 "log: bo on ana's candidate refused" -- member bo log --candidate "Annabel Quist1" \
	--client "Northwind Traders" --reason title --decline-date 2026-11-30
assert_contains "log: names the owner and the way out" "$ERR" \
	"belongs to ana; ask them or \`tact team transfer\`"
stderr_one_line "log: one line"
expect_rc 77 "delete: bo on ana's turndown refused" -- member bo delete "$atd" --yes
assert_contains "delete: names the owner" "$ERR" "belongs to ana"
expect_rc 0 "team_keys: ana's own keys open her people part (the check works)" -- \
	env PGPASSFILE="$PWD/ana/tact/pgpass" python3 "$E2E_DIR/team_keys.py" "$(cat ana.url)" ana \
	ana.pw "$atd"
assert_contains "team_keys: ana reads Priya" "$OUT" "Priya Raman"
expect_rc 3 "team_keys: bo's keys and SQL do not open ana's private half" -- \
	env PGPASSFILE="$PWD/bo/tact/pgpass" python3 "$E2E_DIR/team_keys.py" "$(cat bo.url)" bo \
	bo.pw "$atd"
expect_rc 0 "team_keys: bo's keys open bo's own" -- env PGPASSFILE="$PWD/bo/tact/pgpass" \
	python3 "$E2E_DIR/team_keys.py" "$(cat bo.url)" bo bo.pw "$btd"
assert_eq "psql as bo: UPDATE of ana's turndowns changes 0 rows" "$(member_psql bo \
	"UPDATE turndowns SET shareable = signals WHERE candidate_id = $acand")" "UPDATE 0"
assert_eq "psql as bo: DELETE of ana's turndown deletes 0 rows" "$(member_psql bo \
	"DELETE FROM turndowns WHERE id = $atd")" "DELETE 0"
assert_eq "psql as bo: taking ana's candidate changes 0 rows" "$(member_psql bo \
	"UPDATE candidates SET owner = current_user WHERE id = $acand")" "UPDATE 0"
assert_eq "psql as bo: DELETE of ana's candidate deletes 0 rows" "$(member_psql bo \
	"DELETE FROM candidates WHERE id = $acand")" "DELETE 0"
assert_eq "psql as bo: making himself admin changes 0 rows of ana's" "$(member_psql bo \
	"UPDATE members SET admin = 1 WHERE name = 'ana'")" "UPDATE 0"
out=$(member_psql bo "INSERT INTO turndowns SELECT id + 1000, candidate_id, client_id, \
offer_date, decline_date, created, signals, people, shareable, confidential FROM turndowns \
WHERE id = $atd")
assert_match "psql as bo: INSERT under ana's candidate refused" <(echo "$out") \
	"row-level security"
out=$(member_psql bo "SELECT tact_member_create('tact_${db}_eve', 'SCRAM-SHA-256\$x', true)")
assert_match "psql as bo: cannot make roles" <(echo "$out") "permission denied"
assert_eq "psql: ana's turndowns all still there" "$(member_psql ana \
	"SELECT count(*) FROM turndowns t JOIN candidates c ON c.id = t.candidate_id \
	WHERE c.owner = 'tact_${db}_ana'")" 3

# ---- transfer ------------------------------------------------------------------
expect_rc 77 "transfer: bo cannot hand over ana's" -- member bo team transfer "#$acand" ana
expect_rc 0 "transfer: ana hands candidate 1 to bo" -- member ana team transfer "#$acand" bo
expect_rc 0 "transfer: bo now reads its confidential note" -- member bo show --confidential \
	"$atd"
assert_contains "transfer: the note" "$OUT" "counteroffer from Globexa"
expect_rc 77 "transfer: ana no longer does" -- member ana show --confidential "$atd"

# ---- remove: the firm key rotates ----------------------------------------------
expect_rc 0 "session: cy unlocks (captures the firm key)" -- member cy unlock
eval "$(cat "$OUT")"
cytoken=$TACT_SESSION
unset TACT_SESSION
expect_rc 64 "remove: bo owns candidates" -- member ana team remove bo
assert_contains "remove: says to transfer first" "$ERR" "tact team transfer"
expect_rc 77 "remove: only an admin" -- member bo team remove cy
expect_rc 0 "remove: cy" -- member ana team remove cy
assert_contains "remove: says it rotated" "$OUT" "rotated"
expect_rc 0 "rotation: ana still lists every name" -- member ana list
assert_contains "rotation: a name re-sealed" "$OUT" "Bartholomew Zane2"
expect_rc 0 "rotation: bo still reads a private part (unchanged)" -- member bo show \
	--confidential "$btd"
assert_contains "rotation: bo's note" "$OUT" "Osloville"
expect_rc 0 "rotation: ana logs after" -- member ana log --candidate "Cornelius Postrot" \
	--client "Northwind Traders" --reason relocation --decline-date 2026-11-25
# The release ledger, re-sealed under the new key, still opens: a report
# one candidate away from release #1 is refused as a differencing risk.
expect_rc 65 "rotation: the re-sealed ledger still guards the next report" -- member bo \
	--json report --client "Northwind Traders" --min-group 3
assert_contains "rotation: release #1 read back" "$ERR" "differs from release #1"
expect_rc 77 "remove: cy can no longer connect" -- member cy list
# The old firm key, with the server's full access: nothing opens.
env PGPASSFILE="$ADMIN_PASS" TACT_SESSION="$cytoken" XDG_RUNTIME_DIR="$PWD/cy/run" \
	"$TACT_BIN" --vault "$opurl" list >old.out 2>old.err
RC=$?
if [ "$RC" != 0 ]; then ok "old firm key: list fails ($RC)"; else
	fail "old firm key: list fails" "exit 0"; fi
assert_not_contains "old firm key: not the name logged after" old.out "Postrot"
assert_not_contains "old firm key: not a name re-sealed" old.out "Zane"
assert_not_contains "old firm key: not a client re-sealed" old.out "Northwind"
env PGPASSFILE="$ADMIN_PASS" TACT_SESSION="$cytoken" XDG_RUNTIME_DIR="$PWD/cy/run" \
	"$TACT_BIN" --vault "$opurl" clients >old.out 2>&1
assert_not_contains "old firm key: no client name" old.out "Northwind"

# ---- no plaintext on the server -----------------------------------------------
env PGPASSFILE="$ADMIN_PASS" pg_dump "$opurl" >dump.sql 2>dump.err
check "pg_dump: made" test -s dump.sql
for s in "Annabel" "Bartholomew" "Postrot" "Northwind" "Globexa" "Osloville" "Priya" \
	"Quentin" "remote work" "growth path" "compensation"; do
	assert_no_plaintext "pg_dump: no '$s'" "$s" dump.sql
done
datadir=$(admin_psql -c "SHOW data_directory" 2>/dev/null)
admin_psql -c "CHECKPOINT" 2>/dev/null
if [ -n "$datadir" ] && [ -r "$datadir" ]; then
	for s in "Annabel" "Bartholomew" "Northwind" "Globexa" "Osloville" "Priya" "remote work"; do
		if grep -rqaF -- "$s" "$datadir" 2>/dev/null; then
			fail "cluster files: no '$s'" "found under $datadir"
		else ok "cluster files: no '$s'"; fi
	done
else
	ok "skipped: cluster files not readable here"
fi
admin_psql -c "DROP DATABASE $db" 2>/dev/null
for r in ana bo; do admin_psql -c "DROP ROLE IF EXISTS tact_${db}_$r" 2>/dev/null; done
admin_psql -c "DROP ROLE IF EXISTS \"tact_${db}-admins\"" -c \
	"DROP ROLE IF EXISTS \"tact_${db}-members\"" 2>/dev/null
