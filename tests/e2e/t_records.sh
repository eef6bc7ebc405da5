# t_records.sh - end-to-end tests of correcting the record (SPEC 3a): dates
# as people type them, import run twice, list newest first with --limit and
# --search, candidates and clients, #ID, edit, delete, rename and merge,
# driving "$TACT_BIN" as a user does.
#
# One vault, unlocked once into a session.  A rejected command is checked
# for its exit code, a one-line "tact: " error and an untouched vault.

V=$PWD/v.db
printf 'pass one\n' >pw
expect_rc 0 "setup: init" -- "$TACT_BIN" --vault "$V" --passphrase-file pw init --weak-passphrase
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
printf '{"candidate":"Rel Ative","client":"Calendar Co","reasons":["relocation"],"decline_date":"yesterday","offer_date":"3 days ago"}\n' \
    >relative.jsonl
expect_rc 0 "import: relative dates" -- "$TACT_BIN" import relative.jsonl
assert_eq "import: 'yesterday' is yesterday" \
    "$("$TACT_BIN" --json list | jq -r "[.[] | select(.decline_date == \"$YESTERDAY\")] | length")" 2

# ---- import: dry run, every bad line, duplicates, --plan (3a) -----------------
# tasks_of NAME: how many follow-up tasks the candidate NAME's turndowns have.
tasks_of() {
	local ids
	ids=$("$TACT_BIN" --json list --candidate "$1" | jq -c '[.[].id]')
	"$TACT_BIN" --json followup --all | jq --argjson ids "$ids" \
	    '[.[] | select(.turndown as $t | $ids | index($t))] | length'
}
python3 - "$TODAY" <<'PY' >batch.jsonl
import datetime, json, sys
today = datetime.date.fromisoformat(sys.argv[1])
for i in range(12):
    d = today - datetime.timedelta(days=400 * (i % 3) + i)
    print(json.dumps({"candidate": "Batch Person %d" % (i % 6), "client": "Batch Co %d" % (i % 2),
                      "role": "Analyst", "decline_date": d.isoformat(),
                      "reasons": [{"category": "compensation", "visibility": "shareable"}],
                      "met": [{"name": "Mia Lund", "role": "hr", "impression": "neutral"}]}))
# two lines repeat earlier ones: same candidate, client and decline date
print(json.dumps({"candidate": "batch person 0", "client": "BATCH CO 0",
                  "decline_date": today.isoformat(), "reasons": ["workload"]}))
print(json.dumps({"candidate": "Batch Person 1", "client": "Batch Co 1",
                  "decline_date": (today - datetime.timedelta(days=401)).isoformat(),
                  "reasons": ["workload"]}))
PY
before=$(snap)
n0=$(count_all)
expect_rc 0 "import --dry-run" -- "$TACT_BIN" import --dry-run batch.jsonl
assert_contains "import --dry-run: says what it would do" "$OUT" "would import 12 turndowns"
assert_contains "import --dry-run: counts the duplicates in the file" "$OUT" "2 duplicates skipped"
assert_eq "import --dry-run: vault files unchanged" "$(snap)" "$before"
assert_eq "import --dry-run: nothing imported" "$(count_all)" "$n0"
expect_rc 0 "import --json (first time)" -- "$TACT_BIN" --json import batch.jsonl
assert_jq "import: 12 imported, 2 duplicates" "$OUT" \
    '.imported == 12 and .duplicates == 2 and .new_candidates == 6 and .new_clients == 2 and .dry_run == false'
n1=$(count_all)
assert_eq "import: the count grew by 12" "$n1" "$((n0 + 12))"
tasks1=$("$TACT_BIN" --json followup --all | jq length)
expect_rc 0 "import --json (second time)" -- "$TACT_BIN" --json import batch.jsonl
assert_jq "import twice: nothing imported, every line a duplicate" "$OUT" \
    '.imported == 0 and .duplicates == 14 and .new_candidates == 0 and .new_clients == 0'
assert_eq "import twice: the turndown count did not change" "$(count_all)" "$n1"
assert_eq "import twice: the follow-ups did not change" \
    "$("$TACT_BIN" --json followup --all | jq length)" "$tasks1"
expect_rc 0 "import twice: candidates list each person once" -- "$TACT_BIN" --json list --candidate "Batch Person 0"
assert_jq "import twice: Batch Person 0 still has 2 turndowns" "$OUT" 'length == 2'

# --plan: future (default) gives past turndowns no overdue task
expect_rc 0 "import --json followup (plan future)" -- "$TACT_BIN" --json followup --all
assert_jq "import --plan future: no task of the batch is overdue" "$OUT" \
    '[.[] | select(.task | test("Batch Person")) | select(.overdue)] | length == 0'
assert_jq "import --plan future: today's turndowns keep their whole plan" "$OUT" \
    '[.[] | select(.task | test("Batch Person 0"))] | length >= 5'
printf '{"candidate":"Plan All","client":"Plan Co","reasons":["hr"],"decline_date":"2020-01-10","met":[{"name":"Pat Lee","role":"hr","impression":"positive"}]}\n' >all.jsonl
printf '{"candidate":"Plan None","client":"Plan Co","reasons":["hr"],"decline_date":"2020-01-10"}\n' >none.jsonl
printf '{"candidate":"Plan Future","client":"Plan Co","reasons":["hr"],"decline_date":"20 days ago"}\n' >future2.jsonl
expect_rc 0 "import --plan all" -- "$TACT_BIN" import --plan all all.jsonl
expect_rc 0 "import --plan none" -- "$TACT_BIN" import --plan none none.jsonl
expect_rc 0 "import (plan future by default)" -- "$TACT_BIN" import future2.jsonl
assert_eq "import --plan all: 5 tasks" "$(tasks_of "Plan All")" 5
assert_eq "import --plan none: no task" "$(tasks_of "Plan None")" 0
assert_eq "import --plan future: 20 days ago keeps 3 of 5 (check-in, update, catch-up)" \
    "$(tasks_of "Plan Future")" 3
rejected "import --plan bad" 64 "--plan 'soon'" -- "$TACT_BIN" import --plan soon all.jsonl

# every bad line is reported: the first 20, then how many more
python3 - <<'PY' >bad.jsonl
import json
for i in range(30):
    if i % 6 == 5:
        print(json.dumps({"candidate": "Good %d" % i, "client": "Bad Co", "reasons": ["hr"],
                          "decline_date": "2024-01-01"}))
    else:
        print(json.dumps({"candidate": "Bad %d" % i, "client": "Bad Co", "reasons": ["nope"]}))
PY
before=$(snap)
RC=0
"$TACT_BIN" import bad.jsonl >"$OUT" 2>"$ERR" || RC=$?
assert_eq "import: 25 bad lines exit 65" "$RC" 65
assert_eq "import: 25 bad lines leave the vault as it was" "$(snap)" "$before"
assert_contains "import: 25 bad lines summed up" "$ERR" \
    "tact: 25 bad lines (the first 20 shown, 5 more); nothing imported"
assert_eq "import: 20 bad lines shown and the summary" "$(grep -c '^tact: ' "$ERR")" 21
assert_contains "import: the first bad line is named" "$ERR" "tact: line 1: unknown reason 'nope'"
assert_contains "import: a later bad line is named" "$ERR" "tact: line 23: unknown reason"
assert_not_contains "import: the 21st bad line is not shown" "$ERR" "line 25:"
assert_not_contains "import: a good line is not reported" "$ERR" "line 6:"
printf '{"candidate":"A","client":"B","reasons":["hr"]}\n{"candidate":"C"}\n{"candidate":"D","client":"B","reasons":["hr"],"decline_date":"2026-11-31"}\n' >two.jsonl
RC=0
"$TACT_BIN" import two.jsonl >"$OUT" 2>"$ERR" || RC=$?
assert_eq "import: two bad lines exit 65" "$RC" 65
assert_contains "import: line 2 named" "$ERR" "tact: line 2: missing 'client'"
assert_contains "import: line 3 says why the date is impossible" "$ERR" "tact: line 3: decline_date 2026-11-31: November has 30 days"
assert_contains "import: two bad lines summed up" "$ERR" "tact: 2 bad lines; nothing imported"

# ---- list: newest first, --limit, --search -------------------------------------
"$TACT_BIN" log --candidate "Nora Northwind" --client "Northwind Robotics" --role "Plant Manager" \
    --reason compensation --decline-date 2025-05-05 >/dev/null 2>&1
"$TACT_BIN" log --candidate "Olaf Other" --client "Southgate" --role "NORTHWIND liaison" \
    --reason compensation --decline-date 2025-06-06 >/dev/null 2>&1
"$TACT_BIN" log --candidate "Émile Northwind-Søren" --client "Westward" --role "Buyer" \
    --reason compensation --decline-date 2025-07-07 >/dev/null 2>&1
expect_rc 0 "list --json" -- "$TACT_BIN" --json list
assert_jq "list: newest decline first, ties by newest id" "$OUT" \
    '[.[] | [.decline_date, .id]] == ([.[] | [.decline_date, .id]] | sort | reverse)'
expect_rc 0 "list --limit 3" -- "$TACT_BIN" --json list --limit 3
cp "$OUT" limit3.json
"$TACT_BIN" --json list | jq '.[:3]' >first3.json
assert_eq "list --limit 3: the three newest" "$(jq -c . limit3.json)" "$(jq -c . first3.json)"
expect_rc 0 "list --search northwind" -- "$TACT_BIN" --json list --search northwind
assert_jq "list --search: candidate, client or role, any case" "$OUT" \
    '[.[].candidate] | sort == ["Nora Northwind", "Olaf Other", "Émile Northwind-Søren"]'
expect_rc 0 "list --search ÉMILE" -- "$TACT_BIN" --json list --search 'emile'
assert_jq "list --search: accents as people read them" "$OUT" 'length == 1'
expect_rc 0 "list --search with --limit" -- "$TACT_BIN" --json list --search NORTHWIND --limit 2
assert_jq "list --search --limit 2: the two newest matches" "$OUT" \
    '[.[].candidate] == ["Émile Northwind-Søren", "Olaf Other"]'
expect_rc 0 "list --search nothing" -- "$TACT_BIN" list --search 'no such text'
assert_eq "list --search nothing: only the header" "$(wc -l <"$OUT")" 1
rejected "list --limit 0" 64 "--limit" -- "$TACT_BIN" list --limit 0
rejected "list --limit x" 64 "--limit" -- "$TACT_BIN" list --limit x
expect_rc 0 "list --since '3 days ago'" -- "$TACT_BIN" --json list --since '3 days ago'
assert_jq "list --since '3 days ago'" "$OUT" "length > 0 and all(.[]; .decline_date >= \"$AGO3\")"

# ---- candidates, clients, #ID, same-name people, candidate_ref (3a) ---------------
expect_rc 0 "log: first Jane Roe" -- "$TACT_BIN" --json log --candidate "Jane Roe" \
    --client "Acme Health" --reason compensation --decline-date 2026-01-10
jane1=$(outq .candidate)
assert_contains "log: names a new candidate with its id" "$ERR" "new candidate 'Jane Roe', #$jane1"
expect_rc 0 "log: Jane Roe again" -- "$TACT_BIN" --json log --candidate "jane roe" \
    --client "Acme Health" --reason hr --decline-date 2026-02-10
assert_eq "log: the same Jane Roe" "$(outq .candidate)" "$jane1"
assert_contains "log: names the existing candidate it matched" "$ERR" \
    "tact: existing candidate #$jane1 'Jane Roe', 1 turndown"
expect_rc 0 "log --new-candidate: another Jane Roe" -- "$TACT_BIN" --json log \
    --candidate "Jane Roe" --new-candidate --client "Beta Corp" --reason relocation:confidential \
    --decline-date 2026-03-10
jane2=$(outq .candidate)
[ "$jane2" != "$jane1" ] && ok "log --new-candidate: a new record" || fail "log --new-candidate: a new record" "$jane2"
rejected "log: a name two candidates share is refused" 64 "#$jane1 and #$jane2" -- \
    "$TACT_BIN" log --candidate "Jane Roe" --client "Acme Health" --reason hr
rejected "list --candidate: an ambiguous name" 64 "#$jane1 and #$jane2" -- \
    "$TACT_BIN" list --candidate "JANE ROE"
expect_rc 0 "log --candidate '#ID'" -- "$TACT_BIN" --json log --candidate "#$jane2" \
    --client "Beta Corp" --reason workload --decline-date 2026-03-20
assert_eq "log --candidate '#ID': that record" "$(outq .candidate)" "$jane2"
expect_rc 0 "list --candidate '#ID'" -- "$TACT_BIN" --json list --candidate "#$jane2"
assert_jq "list --candidate '#ID': the second Jane's two turndowns" "$OUT" 'length == 2 and all(.[]; .client == "Beta Corp")'
rejected "log --candidate '#999': no such record" 66 "#999" -- \
    "$TACT_BIN" log --candidate "#999" --client "Beta Corp" --reason workload
for bad in '#' '#12a' '# 3'; do
	rejected "log --candidate '$bad': not a reference, not a name" 64 "is not a reference" -- \
	    "$TACT_BIN" log --candidate "$bad" --client "Beta Corp" --reason workload
	rejected "log --client '$bad': not a reference, not a name" 64 "is not a reference" -- \
	    "$TACT_BIN" log --candidate "Jane Doe" --client "$bad" --reason workload
done
rejected "list --candidate '#': not a reference" 64 "is not a reference" -- \
    "$TACT_BIN" list --candidate "#"
expect_rc 0 "candidates --json" -- "$TACT_BIN" --json candidates
assert_jq "candidates: id, name, turndowns, last decline" "$OUT" \
    "[.[] | select(.name == \"Jane Roe\")] == [{\"id\": $jane1, \"name\": \"Jane Roe\", \"turndowns\": 2, \"last_decline\": \"2026-02-10\"}, {\"id\": $jane2, \"name\": \"Jane Roe\", \"turndowns\": 2, \"last_decline\": \"2026-03-20\"}]"
expect_rc 0 "candidates (text)" -- "$TACT_BIN" candidates --search "jane"
assert_match "candidates: a header" "$OUT" '^ID +TURNDOWNS +LAST +NAME$'
assert_eq "candidates --search jane: two rows" "$(($(wc -l <"$OUT") - 1))" 2
assert_match "candidates: a row" "$OUT" "^$jane1 +2 +2026-02-10 +Jane Roe$"
expect_rc 0 "clients --search" -- "$TACT_BIN" --json clients --search "ACME"
assert_jq "clients --search ACME: Acme Health with its count" "$OUT" \
    'length == 1 and .[0].name == "Acme Health" and .[0].turndowns == 2 and .[0].last_decline == "2026-02-10"'
acme=$(outq '.[0].id')
expect_rc 0 "list --client '#ID'" -- "$TACT_BIN" --json list --client "#$acme"
assert_jq "list --client '#ID'" "$OUT" 'length == 2 and all(.[]; .client == "Acme Health")'
expect_rc 0 "forget takes '#ID' as candidates shows it" -- "$TACT_BIN" forget "#$jane2" --yes
expect_rc 0 "candidates after forget" -- "$TACT_BIN" --json candidates
assert_jq "forget '#ID': only that Jane Roe is gone" "$OUT" \
    "[.[] | select(.name == \"Jane Roe\") | .id] == [$jane1]"

# candidate_ref decides identity where given
cat >refs.jsonl <<'JL'
{"candidate": "Sam Lee", "candidate_ref": "crm-100", "client": "Ref Co", "reasons": ["hr"], "decline_date": "2025-01-01"}
{"candidate": "Sam Lee", "candidate_ref": "crm-200", "client": "Ref Co", "reasons": ["hr"], "decline_date": "2025-01-01"}
{"candidate": "Samuel Lee", "candidate_ref": "crm-100", "client": "Ref Co", "reasons": ["hr"], "decline_date": "2025-02-01"}
JL
expect_rc 0 "import candidate_ref" -- "$TACT_BIN" --json import refs.jsonl
assert_jq "import candidate_ref: two people named Sam Lee, three turndowns" "$OUT" \
    '.imported == 3 and .new_candidates == 2 and .duplicates == 0'
expect_rc 0 "candidates after candidate_ref" -- "$TACT_BIN" --json candidates --search "sam lee"
assert_jq "candidate_ref: crm-100 has both of its turndowns" "$OUT" \
    '[.[].turndowns] | sort == [1, 2]'
expect_rc 0 "import candidate_ref twice" -- "$TACT_BIN" --json import refs.jsonl
assert_jq "import candidate_ref twice: all duplicates" "$OUT" '.imported == 0 and .duplicates == 3'
assert_no_plaintext "candidate_ref: the ref is not in the vault" "crm-100" "$V" --may-be-absent "$V-wal"

# ---- delete (3a) ----------------------------------------------------------------
# pieces HEXFILE: how many 16-byte pieces of those blobs are in the vault's files.
cat >pieces.py <<'PY'
import sys
blobs = [bytes.fromhex(l.strip()) for l in open(sys.argv[1]) if l.strip()]
data = []
for path in sys.argv[2:]:
    try:
        data.append(open(path, "rb").read())
    except FileNotFoundError:
        pass
found = 0
for b in blobs:
    starts = range(0, len(b), 16) if len(b) > 16 else [0]
    for s in starts:
        piece = b[s:s + 16] if s + 16 <= len(b) else b[-16:]
        found += any(piece in d for d in data)
print(found)
PY
pieces() {
	python3 pieces.py "$1" "$V" "$V-wal" "$V-shm" "$V-journal"
}
# On PostgreSQL the pieces are looked for in every row of the database.
if on_pg; then
	pieces() {
		pg_vault_dump "$V" vault.dump && python3 pieces.py "$1" vault.dump
		rm -f vault.dump
	}
fi
expect_rc 0 "delete: log one to delete" -- "$TACT_BIN" --json log --candidate "Del Person" \
    --client "Del Co" --reason hr:confidential --confidential "Del private words" \
    --share "Del open words" --decline-date 2026-06-01
del=$(outq .turndown)
"$TACT_BIN" --json log --candidate "Del Person" --client "Del Co" --reason hr \
    --decline-date 2026-06-02 >"$OUT" 2>/dev/null
keep=$(outq .turndown)
if on_pg; then
	pg_vault_sql "$V" "SELECT encode(unnest(ARRAY[signals, people, shareable, confidential]), 'hex')
	    FROM turndowns WHERE id = $del" >del.hex
else
python3 - "$V" "$del" >del.hex <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT signals, people, shareable, confidential FROM turndowns WHERE id = ?", (int(sys.argv[2]),)):
    for b in row:
        print(bytes(b).hex())
PY
fi
assert_eq "delete: 4 sealed parts read" "$(grep -c . del.hex)" 4
[ "$(pieces del.hex)" -gt 0 ] && ok "delete: its ciphertexts are found before" ||
    fail "delete: its ciphertexts are found before" "$(pieces del.hex)"
rejected "delete without --yes off a terminal" 64 "--yes" -- "$TACT_BIN" delete "$del"
rejected "delete: no such turndown" 66 "no turndown" -- "$TACT_BIN" delete 99999 --yes
rejected "delete: not an id" 64 "not a turndown id" -- "$TACT_BIN" delete abc --yes
n0=$(count_all)
expect_rc 0 "delete ID --yes" -- "$TACT_BIN" delete "$del" --yes
assert_contains "delete: says so" "$OUT" "deleted turndown $del"
assert_eq "delete: one turndown fewer" "$(count_all)" "$((n0 - 1))"
expect_rc 66 "delete: show the deleted one" -- "$TACT_BIN" show "$del"
"$TACT_BIN" --json followup --all >fu.json
assert_jq "delete: its follow-ups went with it" fu.json "[.[] | select(.turndown == $del)] | length == 0"
assert_jq "delete: the other turndown's follow-ups stay" fu.json "[.[] | select(.turndown == $keep)] | length > 0"
expect_rc 0 "delete: the other turndown of the candidate stays" -- "$TACT_BIN" show "$keep"
assert_eq "delete: no piece of its ciphertexts is left in any file" "$(pieces del.hex)" 0
assert_no_plaintext "delete: no plaintext" "Del private words" "$V" --may-be-absent "$V-wal" "$V-shm"

# ---- edit (3a) ------------------------------------------------------------------
# showc ID: `show --confidential --json` of ID into $OUT.
showc() {
	"$TACT_BIN" --json show --confidential "$1" >"$OUT" 2>"$ERR"
}
expect_rc 0 "edit: log one to correct" -- "$TACT_BIN" --json log --candidate "Ed Itor" \
    --client "Northwind Robotic" --role "Engineer" --offer-date 2025-02-01 \
    --decline-date 2025-02-10 --reason compensation --reason hr:confidential \
    --confidential "Ed secret words" --share "Ed open words" --met "Ann Lee:hr:negative" \
    --consent aggregate
ed=$(outq .turndown)
ed_cand=$(outq .candidate)
"$TACT_BIN" --json followup --all | jq -c "[.[] | select(.turndown == $ed) | {kind, due}]" >fu-before.json
rejected "edit with no option off a terminal" 64 "nothing to change" -- "$TACT_BIN" edit "$ed"
rejected "edit: no such turndown" 66 "" -- "$TACT_BIN" edit 99999 --role X
rejected "edit: a future decline date" 65 "in the future" -- "$TACT_BIN" edit "$ed" --decline-date "$TOMORROW"
rejected "edit: offer after decline" 65 "after the decline date" -- "$TACT_BIN" edit "$ed" --offer-date 2025-03-01
rejected "edit: impossible date" 65 "February has 28 days in 2025" -- "$TACT_BIN" edit "$ed" --decline-date 2025-02-29
rejected "edit: unknown reason" 65 "unknown reason" -- "$TACT_BIN" edit "$ed" --reason nope
expect_rc 0 "edit --client (a typo)" -- "$TACT_BIN" edit "$ed" --client "Northwind Robotics"
assert_contains "edit: says so" "$OUT" "edited turndown $ed"
showc "$ed"
assert_eq "edit --client: changed" "$(outq .client)" "Northwind Robotics"
assert_eq "edit --client: the rest kept (role)" "$(outq .role)" "Engineer"
assert_eq "edit --client: the rest kept (confidential note)" "$(outq .confidential)" "Ed secret words"
assert_eq "edit --client: the rest kept (people met)" "$(outq '.met[0].name')" "Ann Lee"
expect_rc 0 "edit every field" -- "$TACT_BIN" edit "$ed" --role "Senior Engineer" \
    --offer-date "2025-02-20" --decline-date 2025-03-01 --reason workload:confidential \
    --reason relocation --confidential "Ed new secret" --share "Ed new open" \
    --met "Bo Chen:hiring-manager:positive" --met "Cy Dorn:peer:neutral" --consent none
showc "$ed"
assert_jq "edit every field: all replaced" "$OUT" \
    '.role == "Senior Engineer" and .offer_date == "2025-02-20" and .decline_date == "2025-03-01"
     and .consent == "none" and .shareable == "Ed new open" and .confidential == "Ed new secret"
     and ([.reasons[] | "\(.category):\(.visibility)"] | sort) == ["relocation:shareable", "workload:confidential"]
     and ([.met[] | "\(.name):\(.role):\(.impression)"]) == ["Bo Chen:hiring-manager:positive", "Cy Dorn:peer:neutral"]
     and .candidate == "Ed Itor" and .client == "Northwind Robotics"'
"$TACT_BIN" --json followup --all | jq -c "[.[] | select(.turndown == $ed) | {kind, due}]" >fu-after.json
assert_jq "edit --decline-date: the follow-ups moved with it" fu-after.json \
    '. == [{"kind":"thank-you","due":"2025-03-03"},{"kind":"connect","due":"2025-03-08"},{"kind":"check-in","due":"2025-06-01"},{"kind":"update","due":"2025-09-01"},{"kind":"catch-up","due":"2026-03-01"}] or (map(.due) | sort) == ["2025-03-03","2025-03-08","2025-06-01","2025-09-01","2026-03-01"]'
expect_rc 0 "edit --candidate: move to another person" -- "$TACT_BIN" --json edit "$ed" --candidate "Eddie Itor"
moved_to=$(outq .candidate)
[ "$moved_to" != "$ed_cand" ] && ok "edit --candidate: a new owner" || fail "edit --candidate: a new owner" "$moved_to"
showc "$ed"
assert_eq "edit --candidate: the confidential note opens under the new key" "$(outq .confidential)" "Ed new secret"
assert_eq "edit --candidate: the new owner's name" "$(outq .candidate)" "Eddie Itor"
assert_eq "edit --candidate: people met kept" "$(outq '.met[1].name')" "Cy Dorn"
expect_rc 0 "edit: debrief still runs" -- "$TACT_BIN" debrief "$ed" --seed 1
assert_not_contains "edit: the debrief leaks no confidential note" "$OUT" "Ed new secret"
assert_no_plaintext "edit: no plaintext of the old or new notes" "Ed secret words" "$V" --may-be-absent "$V-wal"
assert_no_plaintext "edit: no plaintext of the new note" "Ed new secret" "$V" --may-be-absent "$V-wal"

# ---- edit's form in $EDITOR (3a) ----------------------------------------------------
# form-editor.py: an $EDITOR that records what it was shown (form-seen.N) and
# applies the change of form-step.N (a python expression on the form's JSON).
cat >form-editor.py <<'PY'
#!/usr/bin/python3
import json, os, sys
path = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
n = 0
while os.path.exists(os.path.join(here, "form-seen.%d" % n)):
    n += 1
text = open(path).read()
open(os.path.join(here, "form-seen.%d" % n), "w").write(text)
step = os.path.join(here, "form-step.%d" % n)
action = open(step).read().strip() if os.path.exists(step) else "keep"
if action == "keep":
    sys.exit(0)
if action == "fail":
    sys.exit(3)
if action.startswith("raw:"):
    open(path, "w").write(action[4:])
    sys.exit(0)
def body_of(t):
    return "\n".join(l for l in t.split("\n") if not l.startswith("#"))
try:
    form = json.loads(body_of(text))
except ValueError:  # what was typed is broken: start again from the first form shown
    form = json.loads(body_of(open(os.path.join(here, "form-seen.0")).read()))
exec(action)
open(path, "w").write("# kept comment\n" + json.dumps(form, indent=2))
PY
chmod +x form-editor.py
form_edit() { # name steps...: runs `tact edit $ed` on a terminal with the steps
	rm -f form-seen.* form-step.*
	local i=0 name=$1
	shift
	for st in "$@"; do printf '%s' "$st" >"form-step.$i"; i=$((i + 1)); done
	expect_rc "${FORM_RC:-0}" "$name" -- pty_run -- env EDITOR="$PWD/form-editor.py" \
	    "$TACT_BIN" edit "$ed"
}
form_edit "edit's form: saved unchanged" keep
assert_contains "edit's form unchanged: says so" "$OUT" "turndown $ed unchanged"
check "edit's form: the form holds the turndown" grep -q '"candidate": "Eddie Itor"' form-seen.0
check "edit's form: import's keys" grep -q '"decline_date": "2025-03-01"' form-seen.0
assert_not_contains "edit's form: the confidential note is not in it" form-seen.0 "Ed new secret"
check "edit's form: confidential is null" grep -q '"confidential": null' form-seen.0
before=$(snap)
FORM_RC=0 form_edit "edit's form: emptied" 'raw:'
assert_eq "edit's form emptied: vault files unchanged" "$(snap)" "$before"
form_edit "edit's form: a bad form, then a good one" 'raw:{"candidate": "Eddie Itor",' \
    "form['role'] = 'Staff Engineer'; form['reasons'].append({'category': 'title', 'visibility': 'confidential'})"
check "edit's form: opened again with the error on top" grep -q '^# Not saved: line' form-seen.1
check "edit's form: opened again as it was typed" grep -q '^{"candidate": "Eddie Itor",' form-seen.1
showc "$ed"
assert_jq "edit's form: the change saved, the rest kept" "$OUT" \
    '.role == "Staff Engineer" and .confidential == "Ed new secret" and .candidate == "Eddie Itor"
     and ([.reasons[] | "\(.category):\(.visibility)"] | sort) == ["relocation:shareable", "title:confidential", "workload:confidential"]'
form_edit "edit's form: a new confidential note" "form['confidential'] = 'Ed form secret'; form['decline_date'] = '2025-03-02'"
showc "$ed"
assert_jq "edit's form: the confidential note replaced" "$OUT" \
    '.confidential == "Ed form secret" and .decline_date == "2025-03-02"'
before=$(snap)
FORM_RC=65 form_edit "edit's form: a future decline date is refused in the form, then left" \
    "form['decline_date'] = '2099-01-01'" keep keep
check "edit's form: the date error on top" grep -q '^# Not saved: .*future' form-seen.1
# A failing editor loses nothing: it is offered again; stopping changes nothing.
rm -f form-seen.* form-step.*
printf '%s' fail >form-step.0
expect_rc 0 "edit's form: a failing editor is offered again" -- pty_run \
    "run the editor again" "s" -- env EDITOR="$PWD/form-editor.py" "$TACT_BIN" edit "$ed"
assert_contains "edit's form: stopping after a failing editor changes nothing" "$OUT" \
    "turndown $ed unchanged"
assert_eq "edit's form: vault files unchanged after the refusals" "$(snap)" "$before"
assert_eq "edit's form: nothing of it left in the private folder" \
    "$(find "$XDG_RUNTIME_DIR" -name 'tact-edit-*' | wc -l)" 0

# ---- rename and merge (3a) ---------------------------------------------------------
expect_rc 0 "rename: log a misspelt client" -- "$TACT_BIN" --json log --candidate "Ren Ame" \
    --client "Southwnd Logistics" --reason compensation --decline-date 2025-04-04
ren_td=$(outq .turndown)
ren_client=$(outq .client)
ren_cand=$(outq .candidate)
expect_rc 0 "rename client" -- "$TACT_BIN" rename client "$ren_client" "Southwind Logistics"
assert_contains "rename client: says so" "$OUT" "renamed client #$ren_client"
td_json "$ren_td"
assert_eq "rename client: show has the new name" "$(outq .client)" "Southwind Logistics"
expect_rc 0 "rename: the new name finds the client" -- "$TACT_BIN" --json list --client "southwind logistics"
assert_jq "rename: list --client with the new name" "$OUT" "length == 1 and .[0].id == $ren_td"
rejected "rename: the old name is gone" 66 "no client" -- "$TACT_BIN" list --client "Southwnd Logistics"
rejected "rename client to a name another client has" 65 "merge" -- \
    "$TACT_BIN" rename client "$ren_client" "Acme Health"
expect_rc 0 "rename candidate" -- "$TACT_BIN" rename candidate "#$ren_cand" "Ren Amé-Smith"
td_json "$ren_td"
assert_eq "rename candidate: show has the new name" "$(outq .candidate)" "Ren Amé-Smith"
expect_rc 0 "rename candidate: the new name logs to the same record" -- "$TACT_BIN" --json log \
    --candidate "ren amé-smith" --client "Southwind Logistics" --reason hr --decline-date 2025-04-05
assert_eq "rename candidate: same id" "$(outq .candidate)" "$ren_cand"
rejected "rename: no such candidate" 66 "" -- "$TACT_BIN" rename candidate 99999 "X"
rejected "rename: a bad name" 65 "" -- "$TACT_BIN" rename candidate "$ren_cand" "   "
assert_no_plaintext "rename: the old client name is not left in clear" "Southwnd" "$V" --may-be-absent "$V-wal"

# merge two records of one person: Mo Rge (typo "Mo Rgee")
"$TACT_BIN" --json log --candidate "Mo Rge" --client "Merge Co" --reason hr:confidential \
    --confidential "Mo secret one" --share "Mo open one" --met "Pia Lund:hr:negative" \
    --decline-date 2025-05-01 >"$OUT" 2>/dev/null
into=$(outq .candidate)
into_td=$(outq .turndown)
"$TACT_BIN" --json log --candidate "Mo Rgee" --client "Merge Co" --reason compensation \
    --reason workload:confidential --confidential "Mo secret two" --share "Mo open two" \
    --met "Ola Berg:hiring-manager:positive" --decline-date 2025-06-01 >"$OUT" 2>/dev/null
from=$(outq .candidate)
moved=$(outq .turndown)
"$TACT_BIN" --json followup --all | jq -r "[.[] | select(.turndown == $moved)][0].id" >task.id
expect_rc 0 "merge: close a task of FROM with a note" -- "$TACT_BIN" followup done "$(cat task.id)" --note "Mo task note"
if on_pg; then
	pg_vault_sql "$V" "SELECT encode(wrapped_key, 'hex') FROM candidates WHERE id = $from" >from-key.hex
	pg_vault_sql "$V" "SELECT encode(name, 'hex') FROM candidates WHERE id = $from
	    UNION ALL SELECT encode(unnest(ARRAY[signals, people, shareable, confidential]), 'hex')
	    FROM turndowns WHERE candidate_id = $from
	    UNION ALL SELECT encode(f.note, 'hex') FROM followups f JOIN turndowns t
	    ON t.id = f.turndown_id WHERE t.candidate_id = $from AND f.note IS NOT NULL" >from-rows.hex
else
python3 - "$V" "$from" >from-key.hex <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (k,) in db.execute("SELECT wrapped_key FROM candidates WHERE id = ?", (int(sys.argv[2]),)):
    print(bytes(k).hex())
PY
python3 - "$V" "$from" >from-rows.hex <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT name FROM candidates WHERE id = ?", (int(sys.argv[2]),)):
    print(bytes(row[0]).hex())
for row in db.execute("SELECT signals, people, shareable, confidential FROM turndowns WHERE candidate_id = ?", (int(sys.argv[2]),)):
    for b in row:
        print(bytes(b).hex())
for (b,) in db.execute("SELECT f.note FROM followups f JOIN turndowns t ON t.id = f.turndown_id WHERE t.candidate_id = ? AND f.note IS NOT NULL", (int(sys.argv[2]),)):
    print(bytes(b).hex())
PY
fi
assert_eq "merge: FROM's name, 4 parts and a task note read" "$(grep -c . from-rows.hex)" 6
assert_eq "merge: FROM's key read" "$(grep -c . from-key.hex)" 1
[ "$(pieces from-key.hex)" -gt 0 ] && ok "merge: FROM's key is found before" || fail "merge: FROM's key is found before" 0
rejected "merge a candidate into itself" 64 "itself" -- "$TACT_BIN" merge candidate "$from" "$from"
rejected "merge: no such candidate" 66 "" -- "$TACT_BIN" merge candidate "$from" 99999
expect_rc 0 "merge candidate FROM INTO" -- "$TACT_BIN" merge candidate "$from" "$into"
assert_contains "merge: says so" "$OUT" "merged candidate #$from into #$into (1 turndown moved)"
showc "$moved"
assert_jq "merge: the moved turndown opens under INTO, every part" "$OUT" \
    ".candidate == \"Mo Rge\" and .confidential == \"Mo secret two\" and .shareable == \"Mo open two\"
     and .met[0].name == \"Ola Berg\" and ([.reasons[].category] | sort) == [\"compensation\", \"workload\"]"
expect_rc 0 "merge: the moved task is still done" -- "$TACT_BIN" --json followup --all
assert_jq "merge: the moved task is still done" "$OUT" ".[] | select(.id == $(cat task.id)) | .status == \"done\""
expect_rc 0 "merge: candidates" -- "$TACT_BIN" --json candidates --search "mo rge"
assert_jq "merge: one record left, with both turndowns" "$OUT" \
    "length == 1 and .[0].id == $into and .[0].turndowns == 2"
expect_rc 0 "merge: list --candidate INTO" -- "$TACT_BIN" --json list --candidate "#$into"
assert_jq "merge: list shows both" "$OUT" "[.[].id] | sort == ([$into_td, $moved] | sort)"
expect_rc 0 "merge: debrief of the moved turndown" -- "$TACT_BIN" debrief "$moved" --seed 3
assert_not_contains "merge: debrief keeps the confidence" "$OUT" "Mo secret two"
expect_rc 0 "merge: report still runs" -- "$TACT_BIN" report --min-group 3
assert_eq "merge: no piece of FROM's key is left in any file" "$(pieces from-key.hex)" 0
assert_eq "merge: no piece of FROM's old ciphertexts is left" "$(pieces from-rows.hex)" 0
assert_no_plaintext "merge: no plaintext of the moved note" "Mo secret two" "$V" --may-be-absent "$V-wal" "$V-shm"
# tamper detection holds after a merge: flip a byte of the moved row's confidential part
cp "$V" tampered.db
if on_pg; then
	pg_vault_sql tampered.db "UPDATE turndowns SET confidential =
	    set_byte(confidential, 30, get_byte(confidential, 30) # 16) WHERE id = $moved" >/dev/null
else
python3 - tampered.db "$moved" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(b,) = db.execute("SELECT confidential FROM turndowns WHERE id = ?", (int(sys.argv[2]),)).fetchone()
b = bytearray(b); b[30] ^= 0x10
db.execute("UPDATE turndowns SET confidential = ? WHERE id = ?", (bytes(b), int(sys.argv[2])))
db.commit()
PY
fi
RC=0
"$TACT_BIN" --vault tampered.db show --confidential "$moved" >"$OUT" 2>"$ERR" || RC=$?
assert_eq "merge then tamper: show --confidential exits 65" "$RC" 65
assert_contains "merge then tamper: names the record" "$ERR" "$moved"
# a moved row copied back under FROM's id no longer opens: the binding is INTO's
cp "$V" swapped.db
if on_pg; then
	pg_vault_sql swapped.db "UPDATE turndowns SET signals =
	    (SELECT signals FROM turndowns WHERE id = $moved) WHERE id = $ren_td" >/dev/null
else
python3 - swapped.db "$moved" "$ren_td" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(b,) = db.execute("SELECT signals FROM turndowns WHERE id = ?", (int(sys.argv[2]),)).fetchone()
db.execute("UPDATE turndowns SET signals = ? WHERE id = ?", (b, int(sys.argv[3])))
db.commit()
PY
fi
RC=0
"$TACT_BIN" --vault swapped.db show "$ren_td" >"$OUT" 2>"$ERR" || RC=$?
assert_eq "merge then swap: a moved part copied into another row is refused" "$RC" 65
RC=0
"$TACT_BIN" --vault swapped.db show "$moved" >"$OUT" 2>"$ERR" || RC=$?
assert_eq "merge then swap: the moved row still opens" "$RC" 0

# merge keeps an import's candidate_ref with the person
cat >mref.jsonl <<'J'
{"candidate": "Ria Ref", "candidate_ref": "ats-77", "client": "Ref Co", "reasons": ["hr"], "decline_date": "2025-03-01"}
J
cat >mref2.jsonl <<'J'
{"candidate": "Oda Ref", "candidate_ref": "ats-88", "client": "Ref Co", "reasons": ["hr"], "decline_date": "2025-03-02"}
J
"$TACT_BIN" import mref.jsonl >/dev/null 2>&1
"$TACT_BIN" import mref2.jsonl >/dev/null 2>&1
"$TACT_BIN" --json log --candidate "Ria Reff" --client "Ref Co" --reason title \
    --decline-date 2025-03-05 >"$OUT" 2>/dev/null
ria_typo=$(outq .candidate)
ria=$("$TACT_BIN" --json candidates --search "ria ref" | jq '[.[] | select(.name == "Ria Ref")][0].id')
oda=$("$TACT_BIN" --json candidates --search "oda ref" | jq '.[0].id')
rejected "merge: two candidates with import references of their own" 65 "candidate_ref" -- \
    "$TACT_BIN" merge candidate "#$oda" "#$ria"
expect_rc 0 "merge: a candidate with a candidate_ref into one without" -- \
    "$TACT_BIN" merge candidate "#$ria" "#$ria_typo"
expect_rc 0 "merge: the same import again" -- "$TACT_BIN" --json import mref.jsonl
assert_jq "merge: the import finds the merged record (a duplicate, no new candidate)" "$OUT" \
    '.imported == 0 and .duplicates == 1'
expect_rc 0 "merge: candidates after the re-import" -- "$TACT_BIN" --json candidates --search "ria ref"
assert_jq "merge: one Ria Ref record, with both turndowns" "$OUT" \
    "length == 1 and .[0].id == $ria_typo and .[0].turndowns == 2"

# merge two clients
"$TACT_BIN" --json log --candidate "Cli Ent" --client "Northwind Robotic" --reason hr \
    --decline-date 2025-07-01 >"$OUT" 2>/dev/null
typo_td=$(outq .turndown)
typo=$(outq .client)
good=$("$TACT_BIN" --json clients --search "northwind robotics" | jq '.[0].id')
expect_rc 0 "merge client" -- "$TACT_BIN" merge client "Northwind Robotic" "Northwind Robotics"
assert_contains "merge client: says so" "$OUT" "merged client #$typo into #$good"
td_json "$typo_td"
assert_eq "merge client: the turndown is at the right client" "$(outq .client)" "Northwind Robotics"
expect_rc 0 "merge client: clients" -- "$TACT_BIN" --json clients --search northwind
assert_jq "merge client: one client left" "$OUT" "length == 1 and .[0].id == $good"
