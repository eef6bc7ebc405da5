# t_ledger.sh - the release ledger through ./tact: the differencing attacks
# of a client comparing two reports (one more month, a forget between, one
# new turndown, an edit, a lower --min-group, an all-clients report beside a
# client's)
# are refused with exit 65 naming the earlier release; the same set again is
# allowed with the same numbers; --history lists releases without candidate
# data; --preview only on a terminal and never recorded.
#
# Sourced by run.sh (with lib.sh) in a fresh folder.

V=$PWD/vault.db
TV=("$TACT_BIN" --vault "$V")
printf 'ledger test passphrase\n' >pw
expect_rc 0 "ledger setup: init" -- "${TV[@]}" --passphrase-file pw init
expect_rc 0 "ledger setup: unlock" -- "${TV[@]}" --passphrase-file pw unlock
eval "$(cat "$OUT")"
export TACT_SESSION

lg() { # candidate client date reason...
	local c=$1 cl=$2 d=$3 args=()
	shift 3
	for r in "$@"; do args+=(--reason "$r"); done
	"${TV[@]}" log --candidate "$c" --client "$cl" --decline-date "$d" "${args[@]}" \
	    >/dev/null 2>&1 || fail "ledger setup: log $c" "log failed"
}
# Two candidates a month at Acme from January to June; one in July with
# every reason of hers confidential.
n=0
for m in 01 02 03 04 05 06; do
	n=$((n + 1)); lg "Person $n" "Acme Health" "2026-$m-10" compensation
	n=$((n + 1)); lg "Person $n" "Acme Health" "2026-$m-12" compensation process
done
lg "Juliet Marchbanks" "Acme Health" 2026-07-03 hr:confidential stability:confidential

R=("${TV[@]}" report --client "Acme Health")
RJ=("${TV[@]}" --json report --client "Acme Health")

# --- one more month ---
expect_rc 0 "January to June released" -- "${RJ[@]}" --since 2026-01 --until 2026-06
cp "$OUT" first.json
assert_jq "every category, every time: 24 rows" first.json '.reasons | length == 24'
assert_jq "hr (nobody) is suppressed, not missing" first.json \
    '[.reasons[] | select(.category == "hr")][0] | .count == null and .suppressed == true'
expect_rc 65 "January to July (one candidate more) refused" -- "${R[@]}" --since 2026-01 \
    --until 2026-07
stderr_one_line "refusal is one line"
assert_contains "refusal names the earlier release" "$ERR" "release #1"
assert_contains "refusal gives its scope" "$ERR" "2026-01 to 2026-06"
assert_contains "refusal says how to widen" "$ERR" "widen the period"
expect_rc 0 "the same scope again is allowed" -- "${RJ[@]}" --since 2026-01 --until 2026-06
check "the same set gives the same numbers" cmp -s first.json "$OUT"

# --- --min-group 3 after 5: the bar stays at the higher K ---
for i in 1 2 3; do lg "Later $i" "Acme Health" "2026-08-0$i" growth; done
expect_rc 65 "four more at --min-group 3 refused against a K=5 release" -- "${R[@]}" \
    --since 2026-01 --until 2026-08 --min-group 3

# --- a forget between two reports ---
expect_rc 0 "forget one candidate" -- "${TV[@]}" forget "Person 3" --yes
expect_rc 65 "after forget, the same scope is refused" -- "${R[@]}" --since 2026-01 \
    --until 2026-06
assert_contains "after forget: names release #1" "$ERR" "release #1"

# --- one new turndown with identical arguments ---
lg "Person 1" "Acme Health" 2026-01-10 compensation
expect_rc 65 "a new turndown of a counted candidate is refused" -- "${R[@]}" \
    --since 2026-01 --until 2026-06

# --- enough new candidates ---
for i in 4 5 6 7 8; do lg "Later $i" "Acme Health" "2026-09-1$i" growth; done
expect_rc 0 "enough new candidates: allowed" -- "${R[@]}" --since 2026-01 --until 2026-09

# --- an edit between two reports: same ids, other reasons ---
later4=$("${TV[@]}" --json list --candidate "Later 4" | jq '.[0].id')
expect_rc 0 "edit a counted turndown's reasons" -- "${TV[@]}" edit "$later4" --reason growth \
    --reason hr:confidential
expect_rc 65 "after an edit of reasons, the same scope is refused" -- "${R[@]}" \
    --since 2026-01 --until 2026-09
assert_contains "after an edit: names release #3" "$ERR" "release #3"
expect_rc 0 "edit an offer date in" -- "${TV[@]}" edit "$later4" --reason growth \
    --offer-date 2026-09-01
expect_rc 65 "after an edit of the days to decline, the same scope is refused" -- "${R[@]}" \
    --since 2026-01 --until 2026-09
# --- an all-clients report is seen by every client ---
lg "Globex Person" "Globex" 2026-09-20 hr:confidential
expect_rc 65 "all clients, one candidate beyond Acme's release, refused" -- \
    "${TV[@]}" report --since 2026-01 --until 2026-09 --to "board pack"
expect_rc 64 "--to with --client is a usage error" -- "${R[@]}" --to someone

# --- history ---
expect_rc 0 "history" -- "${TV[@]}" report --history
cp "$OUT" history.txt
assert_match "history lists release #1" history.txt '^#1 +[0-9]{4}-[0-9]{2}-[0-9]{2} +client +Acme Health +2026-01 to 2026-06'
assert_eq "history has the three releases" "$(grep -c '^#' history.txt)" 3
for w in Person Juliet Marchbanks Later Globex; do
	assert_not_contains "history names nobody ($w)" history.txt "$w"
done
expect_rc 0 "history as JSON" -- "${TV[@]}" --json report --history
assert_jq "history JSON: releases with scope, no candidates' data" "$OUT" \
    '(.releases | length == 3) and (.releases[0].since == "2026-01") and
     ([.releases[] | keys[]] | index("set") == null)'

# --- preview ---
expect_rc 64 "--preview into a pipe is refused" -- "${R[@]}" --preview
assert_contains "--preview refusal says terminal" "$ERR" "terminal"
printf 'dummy\n' >cert.pem
expect_rc 64 "--preview with --encrypt-to refused" -- "${R[@]}" --preview --encrypt-to cert.pem
expect_rc 64 "--preview with --output refused" -- "${R[@]}" --preview --encrypt-to cert.pem \
    --output x.p7m
expect_rc 0 "--preview on a terminal" -- pty_run -- "${R[@]}" --since 2026-01 --until 2026-07 \
    --preview
assert_contains "preview is marked not for sending" "$OUT" "PREVIEW: not recorded"
assert_contains "preview says it would be refused" "$OUT" "would be refused"
expect_rc 0 "history after preview" -- "${TV[@]}" report --history
assert_eq "preview recorded nothing" "$(grep -c '^#' "$OUT")" 3

# --- a merged client keeps its releases ---
for i in 1 2 3 4 5; do lg "Initek $i" "Initek" "2026-03-0$i" culture; done
lg "Initech One" "Initech" 2026-03-08 culture
expect_rc 0 "a release to the misspelt client" -- "${TV[@]}" report --client Initek
expect_rc 0 "merge the misspelt client into the right one" -- "${TV[@]}" merge client Initek Initech
expect_rc 65 "after the merge, one candidate more than the misspelt client's release: refused" -- \
    "${TV[@]}" report --client Initech
# --- the ledger is sealed ---
"${TV[@]}" lock >/dev/null 2>&1
assert_no_plaintext "no recipient label in clear" "board pack" "$V" --may-be-absent "$V-wal"
assert_no_plaintext "no client name in clear" "Acme Health" "$V" --may-be-absent "$V-wal"
