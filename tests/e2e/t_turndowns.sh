# t_turndowns.sh - end-to-end tests of recording and reading turndowns:
# log (options, prompts on a terminal, files and stdin), import (JSON Lines,
# all or nothing), list, show (with and without --confidential), categories
# and forget, driving "$TACT_BIN" as a user does.
#
# One vault for the whole file, unlocked once into a session so that each
# command costs no passphrase derivation.  Every rejected command is checked
# for its exit code, a one-line "tact: " error, and an untouched vault: the
# checksums of the vault file, its -wal and -shm are the same before and
# after, and so is the number of turndowns.  Counts are always compared
# before and after, never hard-coded, so one failure does not cascade.

V=$PWD/v.db
printf 'pass one\n' >pw
expect_rc 0 "setup: init" -- "$TACT_BIN" --vault "$V" --passphrase-file pw init --weak-passphrase
eval "$("$TACT_BIN" --vault "$V" --passphrase-file pw unlock)"
export TACT_VAULT=$V
if [ -n "${TACT_SESSION:-}" ]; then ok "setup: unlock"; else fail "setup: unlock" "no session"; fi

# Prints the checksums of the vault's files, on one line.
snap() {
	snapshot "$V" "$V-wal" "$V-shm" "$V-journal" | cut -d' ' -f1 | tr '\n' ' '
}

# Prints the number of turndowns, or "error".
count_all() {
	"$TACT_BIN" --json list 2>/dev/null | jq length 2>/dev/null || echo error
}

# Prints the first line of a jq FILTER on the JSON in $OUT.
outq() {
	jq -r "$1" "$OUT" 2>/dev/null | head -n 1
}

# rejected NAME WANT NEEDLE -- CMD...: CMD exits WANT (a regex such as
# 65 or 64|65) with one "tact: " line holding NEEDLE (if not empty), and
# leaves the vault exactly as it was.
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

# ---- log ---------------------------------------------------------------------

expect_rc 0 "log: every option" -- "$TACT_BIN" log --candidate 'Jane Roe' \
	--client 'Acme Health' --role 'Chief Nursing Officer' --offer-date 2026-01-05 \
	--decline-date 2026-01-20 --reason compensation --reason partner-career:confidential \
	--reason growth:shareable --confidential 'Said the HR partner Petra was hostile to her' \
	--share 'Chose a role closer to her family' --met 'Ann Lee:hiring-manager:positive' \
	--met 'Petra Quill:hr:negative' --met 'Dr. Who: The Doctor:peer:neutral' --consent none
assert_match "log: prints the id alone" "$OUT" '^[0-9]+$'
assert_eq "log: stdout is one line" "$(wc -l <"$OUT")" 1
id_jane=$(head -n 1 "$OUT")
assert_contains "log: names the new candidate" "$ERR" "tact: new candidate 'Jane Roe'"
assert_contains "log: names the new client" "$ERR" "tact: new client 'Acme Health'"

expect_rc 0 "log: show it back" -- "$TACT_BIN" --json show "$id_jane" --confidential
assert_jq "log: names, role and dates stored" "$OUT" '.candidate == "Jane Roe" and
	.client == "Acme Health" and .role == "Chief Nursing Officer" and
	.offer_date == "2026-01-05" and .decline_date == "2026-01-20" and .consent == "none"'
assert_jq "log: reasons with visibility" "$OUT" '[.reasons[] | "\(.category):\(.visibility)"]
	== ["compensation:shareable", "partner-career:confidential", "growth:shareable"]'
assert_jq "log: people met, a name with a colon" "$OUT" '.met == [
	{"name": "Ann Lee", "role": "hiring-manager", "impression": "positive"},
	{"name": "Petra Quill", "role": "hr", "impression": "negative"},
	{"name": "Dr. Who: The Doctor", "role": "peer", "impression": "neutral"}]'
assert_jq "log: both notes" "$OUT" '.shareable == "Chose a role closer to her family" and
	.confidential == "Said the HR partner Petra was hostile to her"'

expect_rc 0 "log: same candidate and client typed differently" -- "$TACT_BIN" --json log \
	--candidate 'jane  ROE' --client 'ACME health' --reason title --decline-date 2026-02-01
assert_not_contains "log: no new candidate for 'jane  ROE'" "$ERR" "new candidate"
assert_not_contains "log: no new client for 'ACME health'" "$ERR" "new client"
assert_jq "log --json: {turndown, candidate, client}" "$OUT" \
	'(keys == ["candidate", "client", "turndown"]) and ([.[] | type] | unique == ["number"])'
assert_jq "log --json: a new turndown id" "$OUT" ".turndown > $id_jane"
cand_jane=$(outq .candidate)
client_acme=$(outq .client)
id_jane2=$(outq .turndown)

expect_rc 0 "log: a third time, new client" -- "$TACT_BIN" --json log --candidate 'JANE ROE' \
	--client 'Beta Corp' --reason scope --decline-date 2026-02-10
assert_eq "log --json: the same candidate id" "$(outq .candidate)" "$cand_jane"
assert_jq "log --json: another client id" "$OUT" ".client != $client_acme"
assert_not_contains "log: still no new candidate" "$ERR" "new candidate"
assert_contains "log: new client 'Beta Corp'" "$ERR" "tact: new client 'Beta Corp'"
expect_rc 0 "log: the name as first given" -- "$TACT_BIN" --json show "$id_jane2"
assert_jq "log: reused candidate keeps 'Jane Roe'" "$OUT" \
	'.candidate == "Jane Roe" and .client == "Acme Health"'

expect_rc 0 "log: no --decline-date" -- "$TACT_BIN" log --candidate 'Today Person' \
	--client 'Acme Health' --reason commute
id_today=$(head -n 1 "$OUT")
expect_rc 0 "log: show today's" -- "$TACT_BIN" --json show "$id_today"
assert_eq "log: decline date defaults to today" "$(outq .decline_date)" "$(date +%F)"
assert_jq "log: consent defaults to aggregate" "$OUT" '.consent == "aggregate"'

printf 'Confidential from stdin.\nSecond line, with\ta tab.\n' >conf.txt
printf 'Shareable from a file.\n' >share.txt
STDIN=conf.txt expect_rc 0 "log: --confidential-file - and --share-file" -- "$TACT_BIN" log \
	--candidate 'File Person' --client 'Acme Health' --reason culture:confidential \
	--confidential-file - --share-file share.txt --decline-date 2026-01-25
id_file=$(head -n 1 "$OUT")
expect_rc 0 "log: show the notes from files" -- "$TACT_BIN" --json show "$id_file" --confidential
assert_jq "log: confidential note from stdin" "$OUT" \
	'.confidential | startswith("Confidential from stdin.\nSecond line, with\ta tab.")'
assert_jq "log: shareable note from a file" "$OUT" \
	'.shareable | startswith("Shareable from a file.")'
STDIN=share.txt expect_rc 0 "log: --share-file - and --confidential-file" -- "$TACT_BIN" log \
	--candidate 'File Person' --client 'Acme Health' --reason culture --share-file - \
	--confidential-file conf.txt --decline-date 2026-01-26
expect_rc 0 "log: show the notes, the other way round" -- "$TACT_BIN" --json show \
	"$(head -n 1 "$OUT")" --confidential
assert_jq "log: shareable note from stdin" "$OUT" \
	'(.shareable | startswith("Shareable from a file.")) and
	 (.confidential | startswith("Confidential from stdin."))'

# Missing options, no terminal: a usage error naming what is missing.
rejected "log: no --reason off a terminal" 64 "reason" -- setsid -w "$TACT_BIN" log \
	--candidate 'No Reason' --client 'Acme Health'
rejected "log: no --candidate off a terminal" 64 "candidate" -- setsid -w "$TACT_BIN" log \
	--client 'Acme Health' --reason hr
rejected "log: no --client off a terminal" 64 "client" -- setsid -w "$TACT_BIN" log \
	--candidate 'No Client' --reason hr

# On a terminal, tact asks for each one.
expect_rc 0 "log: asks on a terminal" -- pty_run "Candidate:" "Pat Interactive" \
	"Client:" "Zeta Pty Ltd" "comma-separated" "1,hr:confidential" \
	"Shareable note" "Pat shared this openly" "Confidential note" "Pat whispered this secret" \
	"Someone the candidate met" "" -- "$TACT_BIN" log
id_pty=$(tr -d '\r' <"$OUT" | grep -E '^[0-9]+$' | tail -n 1)
if [ -n "$id_pty" ]; then ok "log: terminal run prints an id"; else
	fail "log: terminal run prints an id" "$(tr '\r\n' '||' <"$OUT" | tail -c 400)"; fi
id_pty=${id_pty:-0}
expect_rc 0 "log: the prompted turndown" -- "$TACT_BIN" show "$id_pty" --confidential
assert_contains "log: prompted candidate" "$OUT" "Pat Interactive"
assert_contains "log: prompted client" "$OUT" "Zeta Pty Ltd"
assert_match "log: prompted reasons by number and name" "$OUT" \
	'Reasons +compensation, hr \(confidential\)'
assert_contains "log: prompted shareable note" "$OUT" "Pat shared this openly"
assert_contains "log: prompted confidential note" "$OUT" "Pat whispered this secret"

# ---- import ------------------------------------------------------------------

# good_line N: one valid JSON Lines record, every key used on some lines.
good_line() {
	local n=$1 day
	day=$(printf '%02d' $((n % 28 + 1)))
	if [ $((n % 2)) = 0 ]; then
		printf '{"candidate": "Import Person %d", "client": "Importco %d", "role": "Analyst %d", "offer_date": "2025-12-%s", "decline_date": "2026-03-%s", "reasons": [{"category": "compensation", "visibility": "shareable"}, {"category": "team", "visibility": "confidential"}], "confidential": "import secret %d", "shareable": "import note %d", "met": [{"name": "Met Person %d", "role": "interviewer", "impression": "neutral"}], "consent": "aggregate"}\n' \
			"$n" $((n % 4)) "$n" "$day" "$day" "$n" "$n" "$n"
	else
		printf '{"candidate": "Import Person %d", "client": "Importco %d", "decline_date": "2026-03-%s", "reasons": [{"category": "equity"}], "consent": "none"}\n' \
			"$n" $((n % 4)) "$day"
	fi
}

: >good.jsonl
for i in $(seq 1 50); do
	good_line "$i" >>good.jsonl
	[ "$i" = 25 ] && printf '\n' >>good.jsonl
done
before=$(count_all)
expect_rc 0 "import: 50 lines and a blank one" -- "$TACT_BIN" import good.jsonl
assert_contains "import: says imported 50" "$OUT" "imported 50"
assert_eq "import: 50 more turndowns" "$(count_all)" $((before + 50))
expect_rc 0 "import: list one imported client" -- "$TACT_BIN" --json list --client 'importco 2'
assert_jq "import: the client's rows" "$OUT" \
	'length == 13 and all(.[]; .client == "Importco 2" and (.role | startswith("Analyst")))'
n_import=$(jq -r '[.[] | select(.candidate == "Import Person 2")][0].id' "$OUT" 2>/dev/null)
expect_rc 0 "import: show an imported turndown" -- "$TACT_BIN" --json show "${n_import:-0}" \
	--confidential
assert_jq "import: every field" "$OUT" '.candidate == "Import Person 2" and
	.client == "Importco 2" and .role == "Analyst 2" and .offer_date == "2025-12-03" and
	.decline_date == "2026-03-03" and .confidential == "import secret 2" and
	.shareable == "import note 2" and .met == [{"name": "Met Person 2",
	"role": "interviewer", "impression": "neutral"}] and
	([.reasons[] | "\(.category):\(.visibility)"] == ["compensation:shareable",
	"team:confidential"])'

# bad_import NAME LINE7 [NEEDLE]: a file whose line 7 is LINE7 imports nothing.
bad_import() {
	local name=$1 line=$2 needle=${3:-}
	: >bad.jsonl
	for i in 1 2 3 4 5 6; do good_line $((100 + i)) >>bad.jsonl; done
	printf '%s\n' "$line" >>bad.jsonl
	for i in 8 9 10; do good_line $((100 + i)) >>bad.jsonl; done
	rejected "import: line 7 $name" 65 "line 7" -- "$TACT_BIN" import bad.jsonl
	if [ -n "$needle" ]; then assert_contains "import: line 7 $name: says why" "$ERR" "$needle"; fi
}

base='"client": "Badco", "reasons": [{"category": "hr"}]'
bad_import "unknown category" \
	'{"candidate": "Line Seven", "client": "Badco", "reasons": [{"category": "compensashun", "visibility": "shareable"}]}' \
	"did you mean 'compensation'"
bad_import "malformed JSON" '{"candidate": "Line Seven", "client": "Badco", "reasons": ['
bad_import "wrong type" '{"candidate": 42, '"$base"'}' "candidate"
bad_import "reasons not an array" '{"candidate": "Line Seven", "client": "Badco", "reasons": "hr"}'
bad_import "unknown key" '{"candidate": "Line Seven", '"$base"', "salary": 100000}' "salary"
bad_import "missing candidate" '{'"$base"'}' "candidate"
bad_import "NUL escape" '{"candidate": "Line\u0000Seven", '"$base"'}'
bad_import "duplicate key" '{"candidate": "Line Seven", "candidate": "Other", '"$base"'}'
bad_import "bad date" '{"candidate": "Line Seven", "decline_date": "2026-02-30", '"$base"'}' \
	"2026-02-30"
bad_import "offer after decline" '{"candidate": "Line Seven", "offer_date": "2026-03-02", "decline_date": "2026-03-01", '"$base"'}'
bad_import "bad visibility" '{"candidate": "Line Seven", "client": "Badco", "reasons": [{"category": "hr", "visibility": "secret"}]}'
bad_import "bad role met" '{"candidate": "Line Seven", '"$base"', "met": [{"name": "A B", "role": "boss", "impression": "positive"}]}'
bad_import "not an object" '[1, 2, 3]'
bad_import "control character" '{"candidate": "Line\u001bSeven", '"$base"'}'
bad_import "invalid UTF-8" "$(printf '{"candidate": "Line \xff Seven", %s}' "$base")"
bad_import "over-long note" \
	"{\"candidate\": \"Line Seven\", $base, \"shareable\": \"$(head -c 9000 /dev/zero | tr '\0' a)\"}" \
	"too long"

python3 -c 'import sys; sys.stdout.write("{\"candidate\": \"" + "a" * (2 << 20) + "\"}\n")' >huge.jsonl
start=$(date +%s)
rejected "import: a 2 MiB line" 65 "line 1" -- "$TACT_BIN" import huge.jsonl
took=$(($(date +%s) - start))
if [ "$took" -le 10 ]; then ok "import: a 2 MiB line fails quickly"; else
	fail "import: a 2 MiB line fails quickly" "took $took s"; fi

head -c 100000 /dev/zero | tr '\0' '[' >deep.jsonl
printf '\n' >>deep.jsonl
rejected "import: 100000 nested arrays" 65 "line 1" -- "$TACT_BIN" import deep.jsonl

printf '\0\0\0{}\n' >nul.jsonl
rejected "import: NUL bytes in a line" 65 "line 1" -- "$TACT_BIN" import nul.jsonl
rejected "import: no such file" 66 "nope.jsonl" -- "$TACT_BIN" import nope.jsonl
rejected "import: no file given" 64 "" -- "$TACT_BIN" import

for i in 1 2 3; do good_line $((200 + i)); done >three.jsonl
before=$(count_all)
STDIN=three.jsonl expect_rc 0 "import: from stdin with -" -- "$TACT_BIN" --json import -
assert_jq "import --json: the counts" "$OUT" '.imported == 3 and .new_candidates == 3'
assert_eq "import: 3 more from stdin" "$(count_all)" $((before + 3))

# ---- list --------------------------------------------------------------------

expect_rc 0 "list: runs" -- "$TACT_BIN" list
assert_match "list: header" "$OUT" '^ID +DECLINED +CANDIDATE +CLIENT +ROLE$'
assert_eq "list: a row per turndown" $(($(wc -l <"$OUT") - 1)) "$(count_all)"
if tail -n +2 "$OUT" | awk '{ print $2 }' | sort -rc 2>/dev/null; then
	ok "list: rows in decline-date order, newest first"
else
	fail "list: rows in decline-date order, newest first" "$(tail -n +2 "$OUT" | awk '{ print $2 }' | tr '\n' ' ' | head -c 300)"
fi
assert_match "list: Jane's row" "$OUT" "^$id_jane +2026-01-20 +Jane Roe +Acme Health +Chief Nursing Officer$"

expect_rc 0 "list --json: runs" -- "$TACT_BIN" --json list
assert_jq "list --json: an array of turndowns" "$OUT" 'type == "array" and length > 50 and
	all(.[]; has("id") and has("candidate") and has("client") and has("role") and
	has("offer_date") and has("decline_date"))'
assert_jq "list --json: in decline-date order, newest first" "$OUT" \
    '[.[].decline_date] == ([.[].decline_date] | sort | reverse)'
cp "$OUT" all.json

expect_rc 0 "list: --client, any case" -- "$TACT_BIN" --json list --client 'aCME hEALTH'
want=$(jq '[.[] | select(.client == "Acme Health")] | length' all.json)
assert_jq "list: --client keeps that client's rows" "$OUT" \
	"length == $want and length >= 5 and all(.[]; .client == \"Acme Health\")"
expect_rc 0 "list: --candidate, any case" -- "$TACT_BIN" list --candidate '  JANE   roe '
assert_eq "list: --candidate rows" $(($(wc -l <"$OUT") - 1)) 3
assert_not_contains "list: --candidate leaves others out" "$OUT" "Import Person"
expect_rc 0 "list: --client and --candidate" -- "$TACT_BIN" --json list --client 'beta corp' \
	--candidate 'jane roe'
assert_jq "list: both filters" "$OUT" 'length == 1 and .[0].client == "Beta Corp"'
expect_rc 0 "list: --since and --until" -- "$TACT_BIN" --json list --since 2026-03-05 \
	--until 2026-03-10
want=$(jq '[.[] | select(.decline_date >= "2026-03-05" and .decline_date <= "2026-03-10")] | length' all.json)
assert_jq "list: the date range, ends included" "$OUT" "length == $want and length > 0 and
	all(.[]; .decline_date >= \"2026-03-05\" and .decline_date <= \"2026-03-10\")"
assert_jq "list: the range starts on its first day" "$OUT" 'any(.[]; .decline_date == "2026-03-05")'
expect_rc 0 "list: --since alone" -- "$TACT_BIN" --json list --since 2026-03-28
assert_jq "list: --since alone" "$OUT" 'all(.[]; .decline_date >= "2026-03-28")'
rejected "list: unknown client" 66 "Nobody Inc" -- "$TACT_BIN" list --client 'Nobody Inc'
rejected "list: unknown candidate" 66 "" -- "$TACT_BIN" list --candidate 'Nobody At All'
rejected "list: bad --since" 65 "2026-02-30" -- "$TACT_BIN" list --since 2026-02-30
rejected "list: stray argument" 64 "" -- "$TACT_BIN" list extra

# ---- show --------------------------------------------------------------------

secrets=("Said the HR partner Petra was hostile" "partner-career" "Ann Lee" "Petra Quill"
	"Dr. Who" "positive" "negative" "neutral")
expect_rc 0 "show: without --confidential" -- "$TACT_BIN" show "$id_jane"
for s in "${secrets[@]}"; do
	assert_not_contains "show: hides '$s'" "$OUT" "$s"
done
assert_contains "show: shareable reason" "$OUT" "compensation"
assert_contains "show: shareable note" "$OUT" "Chose a role closer to her family"
assert_contains "show: says something is held back" "$OUT" "1 confidential"
expect_rc 0 "show --json: without --confidential" -- "$TACT_BIN" --json show "$id_jane"
for s in "${secrets[@]}"; do
	assert_not_contains "show --json: hides '$s'" "$OUT" "$s"
done
assert_jq "show --json: no met, no confidential note" "$OUT" \
	'(has("met") | not) and (has("confidential") | not) and
	 ([.reasons[].category] == ["compensation", "growth"])'
expect_rc 0 "show --confidential" -- "$TACT_BIN" show "$id_jane" --confidential
for s in "${secrets[@]}"; do
	assert_contains "show --confidential: shows '$s'" "$OUT" "$s"
done
expect_rc 0 "show --json --confidential" -- "$TACT_BIN" --json show "$id_jane" --confidential
for s in "${secrets[@]}"; do
	assert_contains "show --json --confidential: shows '$s'" "$OUT" "$s"
done
rejected "show: unknown id" 66 "99999" -- "$TACT_BIN" show 99999
rejected "show: non-numeric id" 64 "abc" -- "$TACT_BIN" show abc
rejected "show: id 0" 64 "" -- "$TACT_BIN" show 0
rejected "show: negative id" 64 "" -- "$TACT_BIN" show -- -3
rejected "show: no id" 64 "" -- "$TACT_BIN" show

# ---- categories ----------------------------------------------------------------

expect_rc 0 "categories: runs" -- "$TACT_BIN" categories
assert_eq "categories: 24 lines" "$(wc -l <"$OUT")" 24
assert_eq "categories: in the contract's order" "$(awk '{ print $1 }' "$OUT" | tr '\n' ' ')" \
	"compensation equity benefits title scope growth better-fit counteroffer relocation commute remote family partner-career schedule workload culture hiring-manager team leadership hr process stability reputation other "
expect_rc 0 "categories --json: runs" -- "$TACT_BIN" --json categories
assert_eq "categories --json: 24" "$(jq length "$OUT")" 24
assert_jq "categories --json: slugs and descriptions" "$OUT" \
	'.[0].category == "compensation" and all(.[]; (.description | length) > 10)'

# ---- bad input to log: rejected, nothing written -----------------------------

L=("$TACT_BIN" log --candidate 'Bad Input' --client 'Bad Inputco' --reason hr)
rejected "log: unknown category" 65 "did you mean 'compensation'" -- "${L[@]}" \
	--reason compensashun
rejected "log: unknown category far from any" 65 "partner-career" -- "${L[@]}" --reason zzzz
rejected "log: bad visibility" 65 "secret" -- "${L[@]}" --reason title:secret
rejected "log: bad date 2026-02-30" 65 "2026-02-30" -- "${L[@]}" --decline-date 2026-02-30
rejected "log: bad date 2026-1-05" 65 "2026-1-05" -- "${L[@]}" --offer-date 2026-1-05
rejected "log: offer after decline" 65 "after" -- "${L[@]}" --offer-date 2026-03-02 \
	--decline-date 2026-03-01
rejected "log: bad --met syntax" "64|65" "Ann Lee" -- "${L[@]}" --met 'Ann Lee'
rejected "log: bad --met syntax, two fields" "64|65" "" -- "${L[@]}" --met 'Ann Lee:hr'
rejected "log: bad impression" 65 "great" -- "${L[@]}" --met 'Ann Lee:hr:great'
rejected "log: bad role" 65 "boss" -- "${L[@]}" --met 'Ann Lee:boss:positive'
rejected "log: bad consent" 65 "maybe" -- "${L[@]}" --consent maybe
rejected "log: over-long note" 65 "too long" -- "${L[@]}" \
	--share "$(head -c 9000 /dev/zero | tr '\0' a)"
head -c 9000 /dev/zero | tr '\0' b >long.txt
rejected "log: over-long note file" 65 "too long" -- "${L[@]}" --confidential-file long.txt
rejected "log: over-long name" 65 "too long" -- "$TACT_BIN" log \
	--candidate "$(head -c 300 /dev/zero | tr '\0' n)" --client 'Bad Inputco' --reason hr
rejected "log: over-long client" 65 "too long" -- "$TACT_BIN" log --candidate 'Bad Input' \
	--client "$(head -c 300 /dev/zero | tr '\0' c)" --reason hr
rejected "log: over-long role" 65 "too long" -- "${L[@]}" \
	--role "$(head -c 300 /dev/zero | tr '\0' r)"
rejected "log: invalid UTF-8 in a note" 65 "UTF-8" -- "${L[@]}" \
	--confidential "$(printf 'bad \xff byte')"
rejected "log: overlong UTF-8 in a name" 65 "UTF-8" -- "$TACT_BIN" log \
	--candidate "$(printf 'Bad \xc0\xaf Input')" --client 'Bad Inputco' --reason hr
printf 'before\0after\n' >nul.txt
rejected "log: NUL byte in --confidential-file" 65 "NUL" -- "${L[@]}" --confidential-file nul.txt
STDIN=nul.txt rejected "log: NUL byte in --share-file -" 65 "NUL" -- "${L[@]}" --share-file -
rejected "log: control character in a name" 65 "control" -- "$TACT_BIN" log \
	--candidate "$(printf 'Bad\033[2JInput')" --client 'Bad Inputco' --reason hr
rejected "log: C1 control (CSI) in a name" 65 "control" -- "$TACT_BIN" log \
	--candidate "$(printf 'Bad\xc2\x9b2JInput')" --client 'Bad Inputco' --reason hr
rejected "log: control character in a note" 65 "control" -- "${L[@]}" \
	--share "$(printf 'ring \a the bell')"
rejected "log: empty name" 65 "empty" -- "$TACT_BIN" log --candidate '   ' \
	--client 'Bad Inputco' --reason hr
rejected "log: missing --confidential-file" 66 "nope.txt" -- "${L[@]}" --confidential-file nope.txt
rejected "log: --confidential twice" 64 "twice" -- "${L[@]}" --confidential a --confidential b
rejected "log: unknown option" 64 "--salary" -- "${L[@]}" --salary 100
rejected "log: stray argument" 64 "stray" -- "${L[@]}" stray
cats=(compensation equity benefits title scope growth better-fit counteroffer relocation commute
	remote family partner-career schedule workload culture hiring-manager team leadership hr
	process stability reputation other)
flood=()
for ((i = 0; i < 10000; i++)); do flood+=(--reason "${cats[i % 24]}"); done
rejected "log: 10,000 --reason options" "64|65" "reason" -- "${L[@]}" "${flood[@]}"
people=()
for ((i = 1; i <= 33; i++)); do people+=(--met "Person $i:interviewer:neutral"); done
rejected "log: 33 --met" 65 "too many" -- "${L[@]}" "${people[@]}"
expect_rc 0 "log: 32 --met is fine" -- "${L[@]}" "${people[@]:0:64}"

# ---- forget ------------------------------------------------------------------

before=$(count_all)
jane_rows=$("$TACT_BIN" --json list --candidate 'Jane Roe' 2>/dev/null | jq length)
rejected "forget: no --yes off a terminal" 64 "--yes" -- "$TACT_BIN" forget 'Jane Roe'
expect_rc 0 "forget: still listed" -- "$TACT_BIN" show "$id_jane"

expect_rc 0 "forget: Jane Roe --yes" -- "$TACT_BIN" forget 'Jane Roe' --yes
assert_contains "forget: says what went" "$OUT" "3 turndowns"
expect_rc 66 "forget: her turndown is gone" -- "$TACT_BIN" show "$id_jane"
expect_rc 66 "forget: her other turndown is gone" -- "$TACT_BIN" show "$id_jane2"
expect_rc 66 "forget: no such candidate any more" -- "$TACT_BIN" list --candidate 'Jane Roe'
expect_rc 0 "forget: list still runs" -- "$TACT_BIN" list
assert_not_contains "forget: list lacks her" "$OUT" "Jane Roe"
assert_eq "forget: only her turndowns went" "$(count_all)" $((before - ${jane_rows:-0}))
expect_rc 0 "forget: others intact" -- "$TACT_BIN" show "$id_pty" --confidential
assert_contains "forget: others' notes intact" "$OUT" "Pat whispered this secret"
expect_rc 0 "forget: Acme's other turndowns intact" -- "$TACT_BIN" show "$id_today"

expect_rc 0 "forget: a candidate to forget by id" -- "$TACT_BIN" --json log \
	--candidate 'Numbered Person' --client 'Acme Health' --reason other
num_cand=$(outq .candidate)
num_td=$(outq .turndown)
expect_rc 0 "forget: by numeric id" -- "$TACT_BIN" forget "${num_cand:-0}" --yes
expect_rc 66 "forget: by id, turndown gone" -- "$TACT_BIN" show "${num_td:-0}"
rejected "forget: unknown name" 66 "Nobody Here" -- "$TACT_BIN" forget 'Nobody Here' --yes
rejected "forget: unknown id" 66 "" -- "$TACT_BIN" forget 99999 --yes
rejected "forget: forgotten twice" 66 "" -- "$TACT_BIN" forget 'Jane Roe' --yes

# A JSON syntax error names line and column, never the text near it: it may be a note.
printf '{"candidate":"Leak Test","client":"Acme Health","confidential":"kumquat whisper\n' >leak.jsonl
expect_rc 65 "import: broken JSON is refused" -- "$TACT_BIN" import leak.jsonl
stderr_one_line "import: broken JSON, one line"
assert_contains "import: broken JSON names the column" "$ERR" "column"
assert_not_contains "import: broken JSON does not echo the note" "$ERR" "kumquat"
printf '{"candidate":"Leak Test" "confidential":"kumquat whisper"}\n' >leak2.jsonl
expect_rc 65 "import: missing comma is refused" -- "$TACT_BIN" import leak2.jsonl
assert_not_contains "import: missing comma does not echo the note" "$ERR" "kumquat"
