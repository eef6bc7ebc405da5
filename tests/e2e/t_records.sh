# t_records.sh - end-to-end tests of correcting the record (SPEC 3a): dates
# as people type them, import run twice, list newest first with --limit and
# --search, candidates and clients, #ID, edit, delete, rename and merge,
# driving "$TACT_BIN" as a user does.
#
# One vault, unlocked once into a session.  A rejected command is checked
# for its exit code, a one-line "tact: " error and an untouched vault.

V=$PWD/v.db
printf 'pass one\n' >pw
expect_rc 0 "setup: init" -- "$TACT_BIN" --vault "$V" --passphrase-file pw init
eval "$("$TACT_BIN" --vault "$V" --passphrase-file pw unlock)"
export TACT_VAULT=$V
if [ -n "${TACT_SESSION:-}" ]; then ok "setup: unlock"; else fail "setup: unlock" "no session"; fi

snap() {
	snapshot "$V" "$V-wal" "$V-shm" "$V-journal" | cut -d' ' -f1 | tr '\n' ' '
}
count_all() {
	"$TACT_BIN" --json list 2>/dev/null | jq length 2>/dev/null || echo error
}
outq() {
	jq -r "$1" "$OUT" 2>/dev/null | head -n 1
}
# rejected NAME WANT NEEDLE -- CMD...: CMD exits WANT with one "tact: " line
# holding NEEDLE, and leaves the vault exactly as it was.
rejected() {
	local name=$1 want=$2 needle=$3 before count
	shift 3
	[ "${1:-}" = -- ] && shift
	before=$(snap)
	count=$(count_all)
	RC=0
	timeout -k 5 "$E2E_TIMEOUT" "$@" <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR" || RC=$?
	if [[ $RC =~ ^($want)$ ]]; then
		ok "$name: exit $RC"
	else
		fail "$name: exit" "exit $RC, want $want; stderr: $(head -c 300 "$ERR" | tr '\n' '|')"
	fi
	stderr_one_line "$name: one-line error"
	if [ -n "$needle" ]; then
		assert_contains "$name: message" "$ERR" "$needle"
	fi
	assert_eq "$name: vault files unchanged" "$(snap)" "$before"
	assert_eq "$name: turndown count unchanged" "$(count_all)" "$count"
}
# td_json ID: turndown ID as `show --json` prints it, into $OUT.
td_json() {
	"$TACT_BIN" --json show "$1" >"$OUT" 2>"$ERR"
}

TODAY=$(date +%Y-%m-%d)
YESTERDAY=$(date -d yesterday +%Y-%m-%d)
AGO3=$(date -d '3 days ago' +%Y-%m-%d)
TOMORROW=$(date -d tomorrow +%Y-%m-%d)

# ---- dates (3a) --------------------------------------------------------------
rejected "log: a decline date in the future" 65 "in the future" -- \
    "$TACT_BIN" log --candidate "Dana Date" --client "Calendar Co" --reason compensation \
    --decline-date "$TOMORROW"
rejected "log: an offer after the decline" 65 "after the decline date" -- \
    "$TACT_BIN" log --candidate "Dana Date" --client "Calendar Co" --reason compensation \
    --offer-date 2026-03-05 --decline-date 2026-03-01
rejected "log: November has 30 days" 65 "2026-11-31: November has 30 days" -- \
    "$TACT_BIN" log --candidate "Dana Date" --client "Calendar Co" --reason compensation \
    --decline-date 2026-11-31
rejected "log: February in a common year" 65 "February has 28 days in 2025" -- \
    "$TACT_BIN" log --candidate "Dana Date" --client "Calendar Co" --reason compensation \
    --decline-date 2025-02-29
rejected "log: no month 13" 65 "no month 13" -- \
    "$TACT_BIN" log --candidate "Dana Date" --client "Calendar Co" --reason compensation \
    --decline-date 2026-13-01
rejected "log: not a date at all" 65 "today, yesterday or N days ago" -- \
    "$TACT_BIN" log --candidate "Dana Date" --client "Calendar Co" --reason compensation \
    --decline-date 'next week'
for spec in "today:$TODAY" "yesterday:$YESTERDAY" "3 days ago:$AGO3"; do
	word=${spec%%:*} want=${spec#*:}
	id=$("$TACT_BIN" --json log --candidate "Dana Date" --client "Calendar Co" \
	    --reason compensation --decline-date "$word" --offer-date "$word" 2>"$ERR" |
	    jq -r .turndown)
	td_json "$id"
	assert_eq "log: --decline-date '$word'" "$(outq .decline_date)" "$want"
	assert_eq "log: --offer-date '$word'" "$(outq .offer_date)" "$want"
done
printf '{"candidate":"Dana Date","client":"Calendar Co","reasons":["relocation"],"decline_date":"%s"}\n' \
    "$TOMORROW" >future.jsonl
rejected "import: a decline date in the future" 65 "line 1: the decline date" -- \
    "$TACT_BIN" import future.jsonl
printf '{"candidate":"Dana Date","client":"Calendar Co","reasons":["relocation"],"decline_date":"yesterday","offer_date":"3 days ago"}\n' \
    >relative.jsonl
expect_rc 0 "import: relative dates" -- "$TACT_BIN" import relative.jsonl
assert_eq "import: 'yesterday' is yesterday" \
    "$("$TACT_BIN" --json list | jq -r "[.[] | select(.decline_date == \"$YESTERDAY\")] | length")" 2
