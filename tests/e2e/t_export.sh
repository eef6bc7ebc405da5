# t_export.sh - end-to-end tests of `tact export` (SPEC 3b): export then
# import into a new vault gives an equal vault, compared field by field
# through show --json and list --json; a second import changes nothing;
# without --confidential the confidential parts are left out and import
# refuses the lines; --candidate NAME --confidential is everything about one
# person, follow-ups included; --output is a new 0600 file.  Also forget
# --older-than with dates either side of the limit, and [vault] retention.

V=$PWD/v.db
printf 'pass one\n' >pw
export TACT_VAULT=$V TACT_PASSPHRASE_FILE=$PWD/pw
expect_rc 0 "setup: init" -- "$TACT_BIN" init --weak-passphrase
printf 'Whispered that Thaddeus Crane ran the panel badly.\nTwo lines of it.\n' >conf.txt
printf 'Happy to be considered again in "spring".\n' >share.txt
expect_rc 0 "setup: log 1" -- "$TACT_BIN" log --candidate "Jane Roe" --client "Acme Health" \
	--role "Chief Nursing Officer" --offer-date 2026-01-05 --decline-date 2026-01-20 \
	--reason compensation --reason hr:confidential --reason leadership:confidential \
	--share-file share.txt --confidential-file conf.txt \
	--met "Ann Lee:hiring-manager:positive" --met "Thaddeus Crane:hr:negative"
expect_rc 0 "setup: log 2 (same name, another person)" -- "$TACT_BIN" log \
	--candidate "Jane Roe" --new-candidate --client "Acme Health" --reason title \
	--decline-date 2026-02-01 --consent none
expect_rc 0 "setup: log 3" -- "$TACT_BIN" log --candidate "#1" --client "Northwind" \
	--reason relocation:confidential --decline-date 2025-06-30 --role "Head of Care"
expect_rc 0 "setup: log 4" -- "$TACT_BIN" log --candidate "Ümit Çelik" --client "Northwind" \
	--reason equity --decline-date 2024-03-03 --share-file share.txt --pronouns they \
	--field technology
task=$("$TACT_BIN" --json followup list --all --candidate "#1" | jq -r '.[0].id')
expect_rc 0 "setup: a follow-up done with a note" -- "$TACT_BIN" followup done "$task" \
	--note "Sent flowers to Ann"

# ---- the round trip ----------------------------------------------------------
expect_rc 0 "export --confidential" -- "$TACT_BIN" export --confidential
cp "$OUT" all.jsonl
assert_eq "export: one line per turndown" "$(grep -c . all.jsonl)" 4
assert_eq "export: pronouns and a given field go with the turndown" \
	"$(jq -r 'select(.candidate == "Ümit Çelik") | "\(.pronouns) \(.field)"' all.jsonl)" \
	"they technology"

assert_jq "export: lines in import's format with candidate_ref" all.jsonl \
	'select(.candidate_ref | startswith("tact:")) | .candidate'
printf 'other pass\n' >pw2
expect_rc 0 "round trip: a new vault" -- "$TACT_BIN" --vault n.db --passphrase-file pw2 \
	init --weak-passphrase
STDIN=all.jsonl expect_rc 0 "round trip: import" -- "$TACT_BIN" --vault n.db \
	--passphrase-file pw2 import -
assert_contains "round trip: every line imported" "$OUT" "imported 4 turndowns (3 new candidates"
STDIN=all.jsonl expect_rc 0 "round trip: import again" -- "$TACT_BIN" --vault n.db \
	--passphrase-file pw2 import -
assert_contains "round trip: the second import changes nothing" "$OUT" \
	"imported 0 turndowns (0 new candidates, 0 new clients); 4 duplicates skipped"

# list --json without ids, then each turndown's show --json without its id.
strip='del(.id)'
"$TACT_BIN" --json list | jq -S "map($strip)" >list.a
"$TACT_BIN" --vault n.db --passphrase-file pw2 --json list | jq -S "map($strip)" >list.b
if cmp -s list.a list.b && [ -s list.a ]; then ok "round trip: list --json equal"; else
	fail "round trip: list --json equal" "$(diff list.a list.b | head -5 | tr '\n' '|')"; fi
ids_a=$("$TACT_BIN" --json list | jq -r '.[].id')
ids_b=$("$TACT_BIN" --vault n.db --passphrase-file pw2 --json list | jq -r '.[].id')
paste <(printf '%s\n' $ids_a) <(printf '%s\n' $ids_b) >pairs
same=0 diffs=0
while read -r a b; do
	"$TACT_BIN" --json show "$a" --confidential | jq -S "$strip" >show.a
	"$TACT_BIN" --vault n.db --passphrase-file pw2 --json show "$b" --confidential |
		jq -S "$strip" >show.b
	for field in candidate client role offer_date decline_date consent reasons shareable met \
	    confidential; do
		if [ "$(jq -c ".$field" show.a)" = "$(jq -c ".$field" show.b)" ]; then
			same=$((same + 1))
		else
			diffs=$((diffs + 1))
			fail "round trip: turndown $a field $field" \
				"$(jq -c ".$field" show.a) vs $(jq -c ".$field" show.b)"
		fi
	done
	if cmp -s show.a show.b; then ok "round trip: turndown $a whole"; else
		fail "round trip: turndown $a whole" "$(diff show.a show.b | head -4 | tr '\n' '|')"; fi
done <pairs
assert_eq "round trip: every field of every turndown equal" "$diffs/$same" "0/40"
# Two people named Jane Roe stay two.
assert_eq "round trip: same-name candidates stay apart" \
	"$("$TACT_BIN" --vault n.db --passphrase-file pw2 --json candidates | \
	jq '[.[] | select(.name == "Jane Roe")] | length')" 2

# ---- without --confidential --------------------------------------------------
expect_rc 0 "export: shareable only" -- "$TACT_BIN" export
cp "$OUT" share.jsonl
assert_eq "export: every line says confidential_omitted" \
	"$(jq -c 'select(.confidential_omitted == true)' share.jsonl | grep -c .)" 4
assert_eq "export: no confidential note or people met" \
	"$(jq -c 'select(has("confidential") or has("met"))' share.jsonl | grep -c .)" 0
assert_eq "export: no confidential reason" \
	"$(jq -c '.reasons[] | select(.visibility == "confidential")' share.jsonl | grep -c .)" 0
assert_no_plaintext "export: the note is not there" "Thaddeus" share.jsonl
expect_rc 0 "export: a new vault for the partial lines" -- "$TACT_BIN" --vault p.db \
	--passphrase-file pw2 init --weak-passphrase
STDIN=share.jsonl expect_rc 65 "export: import refuses lines without their confidential parts" \
	-- "$TACT_BIN" --vault p.db --passphrase-file pw2 import -
assert_contains "export: says how to export them" "$ERR" "--confidential"

# ---- subject access ----------------------------------------------------------
expect_rc 0 "subject access: one person" -- "$TACT_BIN" export --candidate "#1" --confidential
cp "$OUT" jane.jsonl
assert_eq "subject access: only their turndowns" "$(grep -c . jane.jsonl)" 2
assert_eq "subject access: all theirs" "$(jq -r .candidate_ref jane.jsonl | sort -u | wc -l)" 1
assert_contains "subject access: the confidential note" jane.jsonl "Thaddeus Crane ran"
assert_contains "subject access: the follow-up note" jane.jsonl "Sent flowers to Ann"
jq -s . jane.jsonl >jane.json
assert_jq "subject access: follow-ups with their state" jane.json \
	'map(.followups[] | select(.status == "done" and .done_on != null)) | length == 1'
expect_rc 64 "subject access: an ambiguous name is refused" -- \
	"$TACT_BIN" export --candidate "Jane Roe" --confidential
expect_rc 66 "subject access: an unknown name" -- "$TACT_BIN" export --candidate "Nobody"

# ---- --output ----------------------------------------------------------------
mkdir out
expect_rc 0 "output: to a file" -- "$TACT_BIN" export --confidential --output out/x.jsonl
assert_mode "output: mode 0600" out/x.jsonl 600
assert_eq "output: nothing on stdout" "$(wc -c <"$OUT")" 0
assert_eq "output: the same lines" "$(sha256sum <out/x.jsonl)" "$(sha256sum <all.jsonl)"
assert_eq "output: nothing else beside it" "$(ls -A out)" "x.jsonl"
expect_rc 73 "output: an existing file is refused" -- "$TACT_BIN" export --output out/x.jsonl
assert_eq "output: the file untouched" "$(sha256sum <out/x.jsonl)" "$(sha256sum <all.jsonl)"
ln -s "$PWD/out/y.jsonl" out/link.jsonl
expect_rc 73 "output: a link is refused" -- "$TACT_BIN" export --output out/link.jsonl
assert_absent "output: nothing through the link" out/y.jsonl
assert_no_plaintext "export: no plaintext in the vault's files" "Thaddeus" "$V" \
	--may-be-absent "$V-wal" "$V-shm" "$V-journal"
for f in "$XDG_RUNTIME_DIR"/* "$PWD"/*.db*; do
	[ -f "$f" ] && assert_no_plaintext "export: no plaintext in $(basename "$f")" "Thaddeus" "$f"
done

# ---- forget --older-than -----------------------------------------------------
R=$PWD/r.db
rt() { "$TACT_BIN" --vault "$R" "$@"; }
expect_rc 0 "retention: a vault" -- "$TACT_BIN" --vault "$R" init --weak-passphrase
expect_rc 0 "retention: 800 days ago" -- rt log --candidate "Old Olga" --client C \
	--reason title --decline-date "800 days ago"
expect_rc 0 "retention: 700 days ago" -- rt log --candidate "Recent Rita" --client C \
	--reason title --decline-date "700 days ago"
expect_rc 0 "retention: old and new" -- rt log --candidate "Mixed Max" --client C \
	--reason title --decline-date "900 days ago"
expect_rc 0 "retention: old and new, the new one" -- rt log --candidate "Mixed Max" \
	--client D --reason title --decline-date "10 days ago"
expect_rc 0 "retention: 401 days ago" -- rt log --candidate "Edge Eddie" --client C \
	--reason title --decline-date "401 days ago"
expect_rc 0 "retention: 399 days ago" -- rt log --candidate "Edge Edna" --client C \
	--reason title --decline-date "399 days ago"
expect_rc 64 "retention: a bad period" -- rt forget --older-than 24w --yes
expect_rc 64 "retention: off a terminal without --yes" -- setsid -w "$TACT_BIN" --vault "$R" \
	forget --older-than 2y
assert_contains "retention: lists before asking" "$OUT" "Old Olga"
assert_eq "retention: refused, nothing forgotten" "$(rt --json candidates | jq length)" 5
expect_rc 0 "retention: forget --older-than 2y" -- rt forget --older-than 2y --yes
assert_contains "retention: lists Olga" "$OUT" "Old Olga"
assert_not_contains "retention: not Rita" "$OUT" "Recent Rita"
assert_not_contains "retention: not Max (a recent decline)" "$OUT" "Mixed Max"
assert_contains "retention: says how many" "$OUT" "forgot 1 candidate"
assert_eq "retention: five left" "$(rt --json candidates | jq -r '.[].name' | sort | tr '\n' ,)" \
	"Edge Eddie,Edge Edna,Mixed Max,Recent Rita,"
expect_rc 0 "retention: 400d" -- rt forget --older-than 400d --yes
assert_contains "retention: 401 days is older than 400d" "$OUT" "Edge Eddie"
assert_contains "retention: 700 days too" "$OUT" "Recent Rita"
assert_not_contains "retention: 399 days is not" "$OUT" "Edge Edna"
assert_eq "retention: two left" "$(rt --json candidates | jq -r '.[].name' | sort | tr '\n' ,)" \
	"Edge Edna,Mixed Max,"
expect_rc 0 "retention: nobody past 24m" -- rt forget --older-than 24m --yes
assert_contains "retention: says so" "$OUT" "no candidate"
assert_no_plaintext "retention: the forgotten name is gone" "Old Olga" "$R" \
	--may-be-absent "$R-wal" "$R-journal"
expect_rc 64 "retention: asks on a terminal" -- pty_run "[y/N]" "n" -- \
	"$TACT_BIN" --vault "$R" --passphrase-file "$PWD/pw" forget --older-than 1d
assert_eq "retention: answered no, nothing forgotten" "$(rt --json candidates | jq length)" 2
# [vault] retention in the config: list and verify say how many are past it.
mkdir -p "$HOME/.config/tact"
printf '[vault]\nretention = 300d\n' >"$HOME/.config/tact/config"
expect_rc 0 "retention: list with a retention period" -- rt list
assert_contains "retention: list mentions it" "$ERR" "1 candidate is past the retention"
assert_eq "retention: one line" "$(grep -c . "$ERR")" 1
expect_rc 0 "retention: verify with a retention period" -- rt verify
assert_contains "retention: verify mentions it" "$ERR" "past the retention period (300d"
printf '[vault]\nretention = 10y\n' >"$HOME/.config/tact/config"
expect_rc 0 "retention: none past 10y" -- rt list
assert_not_contains "retention: nothing said" "$ERR" "retention"
rm "$HOME/.config/tact/config"

# ---- feedback records travel too ----------------------------------------------
area=$("$TACT_BIN" feedback areas | awk 'NR == 1 { print $1 }')
expect_rc 0 "feedback: log one" -- "$TACT_BIN" feedback log --candidate "#1" \
	--client "Acme Health" --area "$area:confidential" --share "Clear on the ward plans" \
	--confidential-file conf.txt --from "Ann Lee:hiring-manager"
expect_rc 0 "feedback: exported" -- "$TACT_BIN" export --candidate "#1" --confidential
assert_eq "feedback: one feedback line" "$(jq -c 'select(.kind == "feedback")' "$OUT" | grep -c .)" 1
assert_jq "feedback: with the candidate's ref" "$OUT" \
	'select(.kind == "feedback") | .candidate_ref | startswith("tact:")'
cp "$OUT" fb.jsonl
STDIN=fb.jsonl expect_rc 0 "feedback: imported" -- "$TACT_BIN" --vault n.db \
	--passphrase-file pw2 import -
assert_contains "feedback: the record imported" "$OUT" "1 feedback record"
expect_rc 0 "feedback: exported without the note" -- "$TACT_BIN" export
assert_jq "feedback: its note left out" "$OUT" \
	'select(.kind == "feedback") | .confidential_omitted == true and (has("confidential") | not)'
