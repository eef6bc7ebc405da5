# t_relations.sh - keeping the relationship after a turndown, end to end:
# `tact decline` (the call script), `tact notes` (thank-you note drafts) and
# `tact followup` (stay-in-touch tasks and their iCalendar export).
#
# Sourced by run.sh (with lib.sh) in a fresh folder.  Imports turndowns
# written for this test: people met of all three impressions, names that are
# common words (Will Grant, Hope, May Rose, Joy, Frank), non-ASCII names,
# people named only in the confidential note, confidential notes full of the
# phrases the wording uses ("thank you for", "the offer", "your team", "the
# process"), shareable notes that repeat confidential sentences, typography
# (em dashes, curly double quotes, no-break spaces), and one note made of
# wording sentences on purpose.  For every scenario and seeds 0..29 it writes
# the decline script and the notes as text and JSON; one Python process
# (relations_rule.py, an independent reading of SPEC section 5 and the notes
# policy) checks them all at once.  Scenario 9 is built to collide with most
# wordings: there a clean refusal (exit 65, one line, nothing on stdout) is as
# good as a clean script.  Scenarios 10.. are edge cases, run with fewer
# seeds, each reported on its own.
#
# Then the follow-up plan: due dates over month ends, leap years and year
# ends; --due, --until, overdue; done, skip, plan; and the .ics file read
# back by Debian's python3-icalendar.

PY=(/usr/bin/python3 -I "$E2E_DIR/relations_rule.py")
SEEDS=30
EDGE_SEEDS=5
MAIN=9                  # scenarios 1..MAIN get SEEDS seeds; the rest EDGE_SEEDS
ALLOW_65=" 9 "          # scenarios that may refuse with exit 65
TODAY=$(date +%F)

expect_rc 0 "the rule checker passes its own self-test" -- "${PY[@]}" selftest

printf 'pw\n' >pw
expect_rc 0 "init a vault" -- "$TACT_BIN" --vault "$PWD/v.db" --passphrase-file pw init --weak-passphrase
eval "$("$TACT_BIN" --vault "$PWD/v.db" --passphrase-file pw unlock)"
export TACT_VAULT=$PWD/v.db

# One turndown per line, in `tact import` JSON Lines.  Decline dates are
# years back, so that every task of these turndowns is overdue.
cat >scenarios.jsonl <<'EOF'
{"candidate": "Margit Hollós", "client": "Fenwick Biologics", "role": "Head of Regulatory Affairs", "offer_date": "2019-03-01", "decline_date": "2019-03-14", "reasons": [{"category": "compensation", "visibility": "shareable"}, {"category": "hr", "visibility": "confidential"}, {"category": "process", "visibility": "confidential"}], "confidential": "Will Grant in HR said thank you for your patience three times and still lost the paperwork. Honestly the process took eleven weeks and your team never explained the delay. Hope from payroll was kind but vague. Her old boss Ronan Phelps had warned her about the place.", "shareable": "She appreciated the time everyone gave. The process took eleven weeks, which she understood, and the package elsewhere was simply stronger.", "met": [{"name": "Will Grant", "role": "hr", "impression": "negative"}, {"name": "Hope Marchetti", "role": "interviewer", "impression": "neutral"}, {"name": "Joy Okonkwo", "role": "hiring-manager", "impression": "positive"}, {"name": "Mark Ellery", "role": "peer", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Siobhán Ní Bhriain", "client": "Kestrel Aerostructures", "role": "Chief Engineer", "offer_date": "2019-06-10", "decline_date": "2019-06-28", "reasons": [{"category": "better-fit", "visibility": "shareable"}, {"category": "leadership", "visibility": "confidential"}, {"category": "stability", "visibility": "confidential"}], "confidential": "The founder, Åke Lindqvist, shouted at a junior engineer during her site visit. She heard from Émilie Øverland, who left last spring, that payroll was late twice, and from Zuzana Dvořák that the board is split. Björn Ødegaard seemed fine but noncommittal. She worries the next funding round will not close.", "shareable": "She chose a role that is a closer match to her long-range plans. Łucja Wrześniewska was a highlight of the visit, and she hopes the next funding round goes well for them.", "met": [{"name": "Åke Lindqvist", "role": "executive", "impression": "negative"}, {"name": "Björn Ødegaard", "role": "peer", "impression": "neutral"}, {"name": "Łucja Wrześniewska", "role": "hiring-manager", "impression": "positive"}, {"name": "Nguyễn Thị Hoa", "role": "hr", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Daniel Okafor", "client": "Lumen Freight", "role": "VP Operations", "offer_date": "2020-01-06", "decline_date": "2020-01-17", "reasons": [{"category": "counteroffer", "visibility": "confidential"}, {"category": "team", "visibility": "confidential"}, {"category": "title", "visibility": "shareable"}], "confidential": "Thank you for the offer, he said, but your team felt cold and the whole team handled it badly. I know how much effort goes into an offer, yet the offer you made came two weeks late. Gideon Farrow, his current CEO, matched it within a day. He would be glad to stay in touch with Priscilla only. It was a real pleasure getting to know you, he told the panel, and he did not mean it.", "shareable": "He was pleased with the offer you made in principle, and the title elsewhere was a step up.", "met": [{"name": "Priya Raman", "role": "hiring-manager", "impression": "positive"}, {"name": "Tobias Wren", "role": "executive", "impression": "neutral"}, {"name": "Frank Castellano", "role": "interviewer", "impression": "negative"}], "consent": "aggregate"}
{"candidate": "Ines Carvalho", "client": "St Aldhelm's Hospital", "role": "Consultant Anaesthetist", "offer_date": "2020-04-20", "decline_date": "2020-05-05", "reasons": [{"category": "schedule", "visibility": "confidential"}, {"category": "workload", "visibility": "confidential"}], "confidential": "Dr Rowena Pike told her the rota is a one in three and laughed about it. The relocation agent, Dale Summers, was lovely. It was a pleasure to meet you all, she said sarcastically about the panel. Sister Agnes warned her off, and Bea Lund asked whether she planned to have children.", "shareable": "", "met": [{"name": "Rowena Pike", "role": "hiring-manager", "impression": "negative"}, {"name": "Dale Summers", "role": "other", "impression": "positive"}, {"name": "Agnes Mbeki", "role": "peer", "impression": "neutral"}, {"name": "Colm Farrell", "role": "executive", "impression": "neutral"}, {"name": "Yusuf Demir", "role": "hr", "impression": "positive"}, {"name": "Bea Lund", "role": "interviewer", "impression": "negative"}], "consent": "none"}
{"candidate": "Tomasz Wrona", "client": "Harrow & Vale", "role": "Finance Director", "offer_date": "2020-09-01", "decline_date": "2020-09-30", "reasons": [{"category": "compensation", "visibility": "confidential"}, {"category": "family", "visibility": "shareable"}, {"category": "reputation", "visibility": "confidential"}], "confidential": "May Rose in finance hinted the bonus pool was cut. The board has a bad name in the City after the audit. He also said the chairman, Sir Clement Oduya, asked about his wife's plans, which felt intrusive. Thank you for the time you gave me, he wrote to Grace, and meant it.", "shareable": "Family reasons mean the move does not work this year. He also said the chairman was welcoming.", "met": [{"name": "May Rose", "role": "hr", "impression": "neutral"}, {"name": "Clement Oduya", "role": "executive", "impression": "negative"}, {"name": "Grace Holloway", "role": "hiring-manager", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Aoife Brennan", "client": "Quarry Lane Studios", "role": "Creative Director", "offer_date": "2021-01-25", "decline_date": "2021-02-12", "reasons": [{"category": "culture", "visibility": "confidential"}, {"category": "hiring-manager", "visibility": "confidential"}, {"category": "growth", "visibility": "shareable"}], "confidential": "Honestly—thank you for the offer—but she found “your team” cold… The hiring manager, Ruth Vance, kept saying “the process is the process” and the whole\u00a0team handled it badly. Gil Armitage, a friend there, says people leave within a year.", "shareable": "She wants room to grow into a studio head role, and she enjoyed meeting the team.", "met": [{"name": "Ruth Vance", "role": "hiring-manager", "impression": "negative"}, {"name": "Felix Ortega", "role": "peer", "impression": "positive"}, {"name": "Nadia Haddad", "role": "hr", "impression": "neutral"}], "consent": "aggregate"}
{"candidate": "Kwabena Asante", "client": "Orchard Analytics", "role": "Principal Data Scientist", "offer_date": "2021-06-14", "decline_date": "2021-07-01", "reasons": [{"category": "remote", "visibility": "shareable"}, {"category": "process", "visibility": "shareable"}, {"category": "hiring-manager", "visibility": "confidential"}], "confidential": "He didn't enjoy the take-home test, and Victor Hale kept interrupting him in the final round. He thought Leona Park was brilliant and would love to work with her. The process was slow but fair. Victor's deputy, Oksana Petrenko, didn't say a word.", "shareable": "He thought Leona Park was brilliant and would love to work with her. The process was slow but fair, and the other role is fully remote.", "met": [{"name": "Victor Hale", "role": "hiring-manager", "impression": "negative"}, {"name": "Leona Park", "role": "interviewer", "impression": "positive"}, {"name": "Oksana Petrenko", "role": "peer", "impression": "neutral"}], "consent": "aggregate"}
{"candidate": "Hannah Leclerc", "client": "Brightwell Partners", "role": "Partner, Tax", "offer_date": "2021-11-01", "decline_date": "2021-11-30", "reasons": [{"category": "equity", "visibility": "confidential"}, {"category": "partner-career", "visibility": "confidential"}, {"category": "scope", "visibility": "shareable"}, {"category": "benefits", "visibility": "shareable"}], "confidential": "The equity split offered by Conor O'Brien-Walsh was insulting and Jean-Paul Moreau in HR would not discuss it. Her husband Idris just made partner in Leeds and won't move. She felt Conor talked down to her at the dinner. Thank you for the time and thought, she told them, and meant the opposite.", "shareable": "The scope elsewhere is broader, and the benefits package suited her family. She felt Marisol Vega was a superb host at the dinner.", "met": [{"name": "Conor O'Brien-Walsh", "role": "executive", "impression": "negative"}, {"name": "Jean-Paul Moreau", "role": "hr", "impression": "neutral"}, {"name": "Marisol Vega", "role": "hiring-manager", "impression": "positive"}, {"name": "Teodora", "role": "other", "impression": "neutral"}], "consent": "aggregate"}
{"candidate": "Olu Adeyemi", "client": "Pinecroft Mutual", "role": "HR Business Partner", "offer_date": "2021-12-01", "decline_date": "2021-12-31", "reasons": [{"category": "hr", "visibility": "confidential"}], "confidential": "Thank you for taking my call. I'm grateful for the time and care you put into coordinating everything. It was a pleasure to meet you, and I wish you all the best. Thank you for the time you gave me during the process. I'd like to keep helping you find the right people. I hope we can keep talking. Let me know how I can help keep the search moving. I'll be in touch shortly with next steps. I appreciated the chance to talk with you. With warm thanks, kind regards, with best wishes, thank you again.", "shareable": "", "met": [{"name": "Clive Barraclough", "role": "hr", "impression": "negative"}, {"name": "Emma Stone", "role": "other", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Léa Fontaine", "client": "Verdigris Labs", "role": "CTO", "offer_date": "2022-02-01", "decline_date": "2022-02-11", "reasons": [{"category": "equity", "visibility": "confidential"}, {"category": "workload", "visibility": "shareable"}], "confidential": "She didn\u2019t trust the cap table: Ciarán O\u2019Neil wouldn\u2019t show it and couldn\u2019t say how much runway is left.", "shareable": "The pace expected in the first year looked very demanding.", "met": [{"name": "Ciarán O\u2019Neil", "role": "executive", "impression": "negative"}, {"name": "Yuki Tanaka", "role": "peer", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Cara Dunne", "client": "Brightwater Capital", "role": "Portfolio Manager", "offer_date": "2022-03-01", "decline_date": "2022-03-09", "reasons": [{"category": "compensation", "visibility": "shareable"}, {"category": "stability", "visibility": "confidential"}], "confidential": "She thinks Brightwater is short of cash and that Cara would be blamed for the next bad quarter. Ivo Brandt was great.", "shareable": "The package elsewhere was stronger.", "met": [{"name": "Ivo Brandt", "role": "hiring-manager", "impression": "positive"}, {"name": "Petra Novak", "role": "peer", "impression": "neutral"}], "consent": "aggregate"}
{"candidate": "Sam Ortiz", "client": "Tidewater Freight", "role": "Dispatcher", "decline_date": "2022-04-04", "reasons": [{"category": "commute", "visibility": "shareable"}], "confidential": "", "shareable": "", "met": [], "consent": "aggregate"}
{"candidate": "Eva Holm", "client": "Nordvik Energi", "role": "Controller", "offer_date": "2022-05-02", "decline_date": "2022-05-20", "reasons": [{"category": "hr", "visibility": "confidential"}], "confidential": "It was fine overall.", "shareable": "The package elsewhere was stronger.", "met": [{"name": "JÖRG MÜLLER", "role": "hr", "impression": "negative"}, {"name": "Ivo Brandt", "role": "hiring-manager", "impression": "positive"}, {"name": "Rene\u0301e Cle\u0301ment", "role": "interviewer", "impression": "negative"}], "consent": "aggregate"}
EOF
nscen=$(grep -c . scenarios.jsonl)
# --plan all: these past turndowns keep their whole plan (the default, future,
# would give them none), which the follow-up tests below read.
expect_rc 0 "import the $nscen scenarios" -- "$TACT_BIN" import --plan all scenarios.jsonl

# ids.tsv: scenario number, turndown id, candidate (matched by name).
"$TACT_BIN" --json list >list.json 2>/dev/null
jq -r -s --slurpfile l list.json '. as $s | range(0; $s | length) as $i |
    "\($i + 1)\t\([$l[0][] | select(.candidate == $s[$i].candidate) | .id][0] // "none")\t\($s[$i].candidate)"' \
    scenarios.jsonl >ids.tsv 2>/dev/null
if [ "$(grep -c . ids.tsv)" = "$nscen" ] && ! grep -q $'\tnone\t' ids.tsv; then
	ok "every scenario has a turndown id"
else
	fail "every scenario has a turndown id" "$(tr '\n' '|' <ids.tsv)"
fi
id_of() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' ids.tsv; }

# jq_ok NAME FILE JQ-ARGS...: jq -e JQ-ARGS (options, then the filter) is
# true on the JSON in FILE.  Unlike a bare `jq -e`, an empty FILE fails
# (jq 1.6 exits 0 when there is no input at all).
jq_ok() {
	local name=$1 file=$2
	shift 2
	if [ -s "$file" ] && [ "$(jq -e "$@" "$file" 2>/dev/null)" = true ]; then
		ok "$name"
		return 0
	fi
	fail "$name" "jq $* is not true on: $(head -c 300 "$file" | tr '\n' ' ')"
}

# --- decline and notes: every scenario, every seed ----------------------------
# run_one N ID KIND SEED REFERRAL: runs one command into out/, appends its
# manifest line, and notes a bad exit in status.N.
run_one() {
	local n=$1 id=$2 kind=$3 s=$4 ref=$5 f rc args try=0
	f=out/$n-$kind-$s${ref:+-ref}
	case $kind in
	decline-text) args=(decline "$id" --seed "$s") ;;
	decline-json) args=(--json decline "$id" --seed "$s") ;;
	notes-text) args=(notes "$id" --seed "$s") ;;
	notes-json) args=(--json notes "$id" --seed "$s") ;;
	esac
	[ -n "$ref" ] && args+=(--referral "$ref")
	while :; do
		rc=0
		# (in a subshell, so that bash's "Segmentation fault" notice stays quiet)
		(timeout -k 5 "$E2E_TIMEOUT" "$TACT_BIN" "${args[@]}" >"$f" 2>"$f.err"; exit $?) \
		    2>/dev/null || rc=$?
		# a busy vault (75) is not this file's subject: try again, a few times
		[ "$rc" = 75 ] && [ $((try += 1)) -lt 5 ] || break
	done
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$id" "$kind" "$s" "${ref:--}" "$f" "$rc" \
	    >>"manifest.$n"
	if [ "$rc" = 0 ]; then
		:
	elif [ "$rc" = 65 ] && [[ $ALLOW_65 == *" $n "* ]] && [ ! -s "$f" ] &&
	    [ "$(wc -l <"$f.err")" = 1 ] && grep -q '^tact: .*would disclose' "$f.err"; then
		echo "refused" >>"status.$n.$kind"
	else
		echo "seed $s${ref:+ --referral $ref}: exit $rc; $(head -c 200 "$f.err" | tr '\n' '|')" \
		    >>"status.$n.$kind"
	fi
}

run_scenario() {
	local n=$1 id=$2 seeds=$SEEDS s kind
	[ "$n" -gt "$MAIN" ] && seeds=$EDGE_SEEDS
	: >"manifest.$n"
	for ((s = 0; s < seeds; s++)); do
		for kind in decline-text decline-json notes-text notes-json; do
			run_one "$n" "$id" "$kind" "$s" ""
		done
	done
	for ((s = 0; s < 4; s++)); do
		run_one "$n" "$id" decline-text "$s" "Dana Kraus"
		run_one "$n" "$id" decline-json "$s" "Dana Kraus"
	done
}

mkdir -p out
rm -f status.* manifest.*
while IFS=$'\t' read -r n id who; do
	[ "$id" = none ] && continue
	run_scenario "$n" "$id" &
	while [ "$(jobs -rp | wc -l)" -ge 3 ]; do wait -n; done
done <ids.tsv
wait

: >manifest
while IFS=$'\t' read -r n id who; do
	[ "$id" = none ] && continue
	cat "manifest.$n" >>manifest 2>/dev/null
	for kind in decline-text decline-json notes-text notes-json; do
		total=$(awk -F'\t' -v k="$kind" '$3 == k' "manifest.$n" | grep -c .)
		name="scenario $n ($who): $total x $kind exit 0"
		if [ ! -e "status.$n.$kind" ]; then
			ok "$name"
		elif ! grep -qv '^refused$' "status.$n.$kind"; then
			ok "$name or refuse cleanly ($(grep -c . "status.$n.$kind") refused with exit 65)"
		else
			fail "$name" "$(grep -vc '^refused$' "status.$n.$kind") bad; first: $(grep -v '^refused$' "status.$n.$kind" | head -n 1)"
		fi
	done
done <ids.tsv

run_checker t_relations "${PY[@]}" batch scenarios.jsonl

# --- the same seed gives the same output -------------------------------------
same=0 checked=0 msgs=
for ((n = 1; n <= MAIN; n++)); do
	id=$(id_of "$n")
	for kind in decline-text decline-json notes-text notes-json; do
		[ -s "out/$n-$kind-7" ] || continue
		checked=$((checked + 1))
		case $kind in
		decline-text) "$TACT_BIN" decline "$id" --seed 7 >again 2>/dev/null ;;
		decline-json) "$TACT_BIN" --json decline "$id" --seed 7 >again 2>/dev/null ;;
		notes-text) "$TACT_BIN" notes "$id" --seed 7 >again 2>/dev/null ;;
		notes-json) "$TACT_BIN" --json notes "$id" --seed 7 >again 2>/dev/null ;;
		esac
		if cmp -s again "out/$n-$kind-7"; then same=$((same + 1)); else msgs="$msgs $n/$kind"; fi
	done
done
if [ "$checked" -ge 30 ] && [ "$same" = "$checked" ]; then
	ok "same seed twice, same decline script and notes ($checked outputs)"
else
	fail "same seed twice, same decline script and notes ($same of $checked)" "differs:$msgs"
fi

# Without --seed the script says which seed gives it again.
id1=$(id_of 1)
expect_rc 0 "decline without --seed" -- "$TACT_BIN" decline "$id1"
seed=$(grep -oE -- '--seed [0-9]+' "$OUT" | tail -n 1 | cut -d' ' -f2)
cp "$OUT" noseed.text
if [ -n "$seed" ] && "$TACT_BIN" decline "$id1" --seed "$seed" >again 2>/dev/null &&
    cmp -s again noseed.text; then
	ok "the seed a decline script names gives it again"
else
	fail "the seed a decline script names gives it again" "seed '$seed'"
fi
expect_rc 0 "notes without --seed" -- "$TACT_BIN" --json notes "$id1"
jq_ok "notes without --seed: one per person met plus the client" "$OUT" 'length == 5'

# --- what the edge cases show -------------------------------------------------
# 10: typographic apostrophes in the confidential note and a name (O’Neil).
# 11: the confidential note names the client and the candidate mid-sentence
#     ("She thinks Brightwater is short of cash and that Cara would be
#     blamed"); both are known to the client, so the script still works.
# 12: no people met, no notes at all: one note, to the client.
# 13: names in capitals and in decomposed Unicode (NFD), for --referral.
id12=$(id_of 12)
expect_rc 0 "notes for a turndown with nobody met" -- "$TACT_BIN" --json notes "$id12" --seed 1
jq_ok "nobody met: just the note to the client" "$OUT" \
    'length == 1 and .[0].role == "client" and (.[0].to | contains("Tidewater Freight"))'
expect_rc 0 "decline for a turndown with no confidential note" -- \
    "$TACT_BIN" --json decline "$id12" --seed 1
jq_ok "no confidential note: a full script" "$OUT" \
    '[.thanks, .reason, .future, .offer, .next_steps] | all(length > 0)'

# --referral names the person only if the guard lets them be said: never a
# person seen negatively, never a name only the confidential note holds,
# whatever the letters' case or script.
referral_hidden() {
	local n=$1 who=$2 part=$3 why=$4
	# (the JSON's strings decoded: it escapes every non-ASCII letter)
	expect_rc 0 "decline --referral '$who' ($why)" -- \
	    "$TACT_BIN" --json decline "$(id_of "$n")" --seed 3 --referral "$who"
	if jq -er '[.. | strings] | join("\n")' "$OUT" >referral.txt 2>/dev/null; then
		assert_not_contains "decline --referral '$who' does not name them ($why)" \
		    referral.txt "$part"
	else
		fail "decline --referral '$who' does not name them ($why)" "no JSON script"
	fi
	expect_rc 0 "decline --referral '$who', text ($why)" -- \
	    "$TACT_BIN" decline "$(id_of "$n")" --seed 4 --referral "$who" &&
	    assert_not_contains "decline --referral '$who', text, does not name them" "$OUT" "$part"
}
referral_hidden 1 "Will Grant" "Grant" "seen negatively"
referral_hidden 1 "Ronan Phelps" "Phelps" "named only in the confidential note"
referral_hidden 2 "Zuzana Dvořák" "Zuzana" "named only in the confidential note"
referral_hidden 2 "Émilie Øverland" "verland" "non-ASCII, named only in the confidential note"
referral_hidden 13 "Jörg Müller" "ller" "seen negatively, recorded as JÖRG MÜLLER"
referral_hidden 13 "Renée Clément" "Clément" "seen negatively, recorded decomposed (NFD)"
expect_rc 0 "decline --referral with a positive person" -- \
    "$TACT_BIN" decline "$(id_of 1)" --seed 3 --referral "Joy Okonkwo"
assert_contains "decline --referral names a person seen positively" "$OUT" "Joy Okonkwo"

# --- usage and lookup errors ---------------------------------------------------
for cmd in decline notes; do
	expect_rc 66 "$cmd 999: no such turndown" -- "$TACT_BIN" "$cmd" 999
	stderr_one_line "$cmd 999: one line on stderr"
	expect_rc 64 "$cmd abc: not an id" -- "$TACT_BIN" "$cmd" abc
	stderr_one_line "$cmd abc: one line on stderr"
	expect_rc 64 "$cmd with no id" -- "$TACT_BIN" "$cmd"
	stderr_one_line "$cmd with no id: one line on stderr"
	expect_rc 64 "$cmd --seed x" -- "$TACT_BIN" "$cmd" "$id1" --seed x
	expect_rc 64 "$cmd with two ids" -- "$TACT_BIN" "$cmd" "$id1" "$id1"
	assert_eq "$cmd with two ids prints nothing" "$(wc -c <"$OUT")" 0
done

# --- follow-ups: the plan's dates --------------------------------------------
# Past declines only: log refuses a future one (the planner's dates for future
# declines are in tests/check_followup.c).
# log_td CANDIDATE DECLINE: logs a turndown (with someone met, so that it
# has a connect task), prints its id.
log_td() {
	"$TACT_BIN" --json log --candidate "$1" --client "Calder Follow-up Ltd" \
	    --reason compensation --decline-date "$2" --met "Zora Quill:peer:neutral" \
	    2>/dev/null | jq -r .turndown
}
# plan_of ID: the due dates of turndown ID's tasks, by kind, on one line.
plan_of() {
	"$TACT_BIN" --json followup --all 2>/dev/null |
	    jq -r --argjson t "$1" '[.[] | select(.turndown == $t)] |
	        (map(select(.kind == "thank-you")) + map(select(.kind == "connect")) +
	         map(select(.kind == "check-in")) + map(select(.kind == "update")) +
	         map(select(.kind == "catch-up"))) | map(.due) | join(" ")'
}
while read -r decline want; do
	id=$(log_td "Dates $decline" "$decline")
	if [ -n "$id" ] && [ "$id" != null ]; then
		assert_eq "plan of a turndown declined on $decline" "$(plan_of "$id")" "$want"
	else
		fail "plan of a turndown declined on $decline" "tact log failed"
	fi
done <<'EOF'
2026-08-31 2026-09-02 2026-09-07 2026-11-30 2027-02-28 2027-08-31
2024-02-29 2024-03-02 2024-03-07 2024-05-29 2024-08-29 2025-02-28
2023-11-30 2023-12-02 2023-12-07 2024-02-29 2024-05-30 2024-11-30
1999-11-30 1999-12-02 1999-12-07 2000-02-29 2000-05-30 2000-11-30
2026-10-31 2026-11-02 2026-11-07 2027-01-31 2027-04-30 2027-10-31
2021-11-30 2021-12-02 2021-12-07 2022-02-28 2022-05-30 2022-11-30
EOF
assert_eq "an imported turndown has its plan too (scenario 8, 2021-11-30)" \
    "$(plan_of "$(id_of 8)")" "2021-12-02 2021-12-07 2022-02-28 2022-05-30 2022-11-30"
assert_eq "a logged turndown has its 5 tasks" \
    "$("$TACT_BIN" --json followup --all | jq --argjson t "$(id_of 1)" '[.[] | select(.turndown == $t)] | length')" 5

# --- follow-ups: --due, --until, overdue ---------------------------------------
PAST=$(date -d '-5 years' +%F)
# Declined today: none of its tasks is due yet (log refuses a future decline).
FUTURE=$(date +%F)
TWO_AGO=$(date -d '-2 days' +%F)
past=$(log_td "Paula Past" "$PAST")
future=$(log_td "Felix Future" "$FUTURE")
recent=$(log_td "Rhea Recent" "$TWO_AGO")

expect_rc 0 "followup --json (open tasks)" -- "$TACT_BIN" --json followup
cp "$OUT" open.json
expect_rc 0 "followup --due --json" -- "$TACT_BIN" --json followup --due
cp "$OUT" due.json
jq_ok "--due: only tasks due today or earlier" due.json \
    --arg d "$TODAY" 'all(.[]; .due <= $d)'
jq_ok "--due: exactly the open tasks due today or earlier" due.json \
    --arg d "$TODAY" --slurpfile o open.json '. == [$o[0][] | select(.due <= $d)]'
jq_ok "--due: the long-past turndown's 5 tasks, all overdue" due.json \
    "[.[] | select(.turndown == $past and .overdue == true and .status == \"open\")] | length == 5"
jq_ok "--due: nothing of the far-future turndown" due.json \
    "[.[] | select(.turndown == $future)] | length == 0"
jq_ok "--due: a task due today is shown, not overdue" due.json \
    "[.[] | select(.turndown == $recent and .kind == \"thank-you\" and .due == \"$TODAY\" and .overdue == false)] | length == 1"
jq_ok "--due: the recent turndown's later tasks are not" due.json \
    "[.[] | select(.turndown == $recent)] | length == 1"
jq_ok "overdue is set exactly on open tasks due before today" open.json \
    --arg d "$TODAY" 'all(.[]; .overdue == (.due < $d))'
jq_ok "the far-future turndown's tasks are open, not overdue" open.json \
    "[.[] | select(.turndown == $future and .overdue == false)] | length == 5"

expect_rc 0 "followup --due (text)" -- "$TACT_BIN" followup --due
cp "$OUT" due.txt
assert_contains "--due text marks overdue tasks" due.txt "OVERDUE"
assert_match "--due text marks the task due today" due.txt "^[0-9]+ +$TODAY +today "
late=$(awk -v d="$TODAY" 'NR > 1 && $2 > d' due.txt | grep -c .)
assert_eq "--due text lists nothing due after today" "$late" 0
assert_eq "--due text: one line per task (and a header)" "$(($(grep -c . due.txt) - 1))" \
    "$(jq length due.json)"

UNTIL=$(jq -r --argjson t "$past" '.[] | select(.turndown == $t and .kind == "check-in") | .due' \
    open.json)
expect_rc 0 "followup --until $UNTIL" -- "$TACT_BIN" --json followup --until "$UNTIL"
jq_ok "--until: exactly the open tasks due on or before the date" "$OUT" \
    --arg d "$UNTIL" --slurpfile o open.json '. == [$o[0][] | select(.due <= $d)]'
jq_ok "--until is inclusive" "$OUT" \
    "[.[] | select(.turndown == $past)] | map(.kind) == [\"thank-you\", \"connect\", \"check-in\"]"
expect_rc 0 "followup --due --until (later than today)" -- \
    "$TACT_BIN" --json followup --due --until "$FUTURE"
if cmp -s "$OUT" due.json; then ok "--due --until a later date is still --due"
else fail "--due --until a later date is still --due" "differs from --due"; fi
expect_rc 0 "followup --due --until (earlier than today)" -- \
    "$TACT_BIN" --json followup --due --until "$UNTIL"
jq_ok "--due --until an earlier date keeps the earlier date" "$OUT" \
    --arg d "$UNTIL" 'all(.[]; .due <= $d) and length > 0'
for bad in 2026-02-30 2026-13-01 tomorrow 2026-1-5; do
	expect_rc 65 "followup --until $bad is refused" -- "$TACT_BIN" followup --until "$bad"
	stderr_one_line "followup --until $bad: one line on stderr"
done

# --- follow-ups: done, skip, plan ---------------------------------------------
task_of() {     # task_of TURNDOWN KIND
	jq -r --argjson t "$1" --arg k "$2" '.[] | select(.turndown == $t and .kind == $k) | .id' \
	    open.json
}
t_done=$(task_of "$future" thank-you)
t_skip=$(task_of "$future" connect)
expect_rc 0 "followup done TASK --note" -- \
    "$TACT_BIN" followup done "$t_done" --note "called Zebedee about the Lisbon office"
assert_contains "followup done says so" "$OUT" "done"
expect_rc 0 "followup (default list) after done" -- "$TACT_BIN" --json followup
jq_ok "a done task leaves the default list" "$OUT" "all(.[]; .id != $t_done)"
expect_rc 0 "followup --all after done" -- "$TACT_BIN" --json followup --all
jq_ok "--all shows the task as done" "$OUT" \
    "[.[] | select(.id == $t_done and .status == \"done\" and .overdue == false)] | length == 1"
expect_rc 0 "followup --all (text)" -- "$TACT_BIN" followup --all
assert_match "--all text shows the done task" "$OUT" "^$t_done +[0-9-]+ +done "
assert_no_plaintext "the follow-up note is not stored in clear" "Zebedee" v.db \
    --may-be-absent v.db-wal v.db-shm
expect_rc 65 "followup done on a done task" -- "$TACT_BIN" followup done "$t_done"
stderr_one_line "done twice: one line on stderr"
expect_rc 65 "followup skip on a done task" -- "$TACT_BIN" followup skip "$t_done"
expect_rc 0 "followup skip TASK" -- "$TACT_BIN" --json followup skip "$t_skip"
jq_ok "skip says so" "$OUT" ".task == $t_skip and .status == \"skipped\""
expect_rc 0 "followup --all after skip" -- "$TACT_BIN" --json followup --all
jq_ok "--all shows the task as skipped" "$OUT" \
    "[.[] | select(.id == $t_skip and .status == \"skipped\")] | length == 1"
expect_rc 0 "followup after skip" -- "$TACT_BIN" --json followup
jq_ok "a skipped task leaves the default list" "$OUT" "all(.[]; .id != $t_skip)"
expect_rc 65 "followup skip twice" -- "$TACT_BIN" followup skip "$t_skip"
expect_rc 65 "followup done on a skipped task" -- "$TACT_BIN" followup done "$t_skip"
for sub in done skip; do
	expect_rc 66 "followup $sub on an unknown task" -- "$TACT_BIN" followup "$sub" 987654
	stderr_one_line "followup $sub unknown: one line on stderr"
	expect_rc 64 "followup $sub with no task" -- "$TACT_BIN" followup "$sub"
	expect_rc 64 "followup $sub abc" -- "$TACT_BIN" followup "$sub" abc
done
expect_rc 0 "followup plan on a turndown that has its tasks" -- \
    "$TACT_BIN" --json followup plan "$past"
jq_ok "followup plan adds 0 tasks" "$OUT" ".added == 0 and .turndown == $past"
expect_rc 0 "followup plan (text)" -- "$TACT_BIN" followup plan "$(id_of 3)"
assert_contains "followup plan (text) says 0 added" "$OUT" "added 0 tasks"
expect_rc 66 "followup plan on an unknown turndown" -- "$TACT_BIN" followup plan 987654
expect_rc 64 "followup plan with no id" -- "$TACT_BIN" followup plan
expect_rc 64 "followup with a stray argument" -- "$TACT_BIN" followup 12
"$TACT_BIN" --json followup --all >all.json 2>/dev/null
jq_ok "done and skip leave the other tasks open" all.json "[.[] | select(.turndown == $future and .status == \"open\")] | length == 3"

# --- follow-ups: the calendar ---------------------------------------------------
"$TACT_BIN" --json followup >tasks.json 2>/dev/null
expect_rc 0 "followup --ics cal.ics" -- "$TACT_BIN" followup --ics cal.ics
assert_mode "cal.ics is mode 0600" cal.ics 600
expect_rc 0 "followup --ics cal2.ics (again)" -- "$TACT_BIN" followup --ics cal2.ics
jq -c --argjson t "$(id_of 1)" '[.[] | select(.turndown == $t)][0]' tasks.json >closed.json
closed=$(jq -r .id closed.json)
expect_rc 0 "followup done on a task in the calendar" -- "$TACT_BIN" followup done "$closed"
expect_rc 0 "followup --ics cal3.ics (after done)" -- "$TACT_BIN" followup --ics cal3.ics
awk -F'\t' '{ print $1 "\t" $2 }' ids.tsv >ids2.tsv
"${PY[@]}" ics scenarios.jsonl ids2.tsv tasks.json cal.ics cal2.ics closed.json cal3.ics \
    ics.results >ics.log 2>&1
pyrc=$?
if [ "$pyrc" = 0 ] && [ -s ics.results ]; then ok "the calendar checker ran"
else fail "the calendar checker ran" "exit $pyrc: $(tail -c 400 ics.log)"; fi
while IFS=$'\t' read -r verdict name why; do
	if [ "$verdict" = PASS ]; then ok "$name"; else fail "$name" "$why"; fi
done < <(cat ics.results 2>/dev/null)
[ -s ics.log ] && head -n 10 ics.log | cut -c 1-300
for n in 1 2 3 6; do
	assert_not_contains "cal.ics has no name of a person met (scenario $n)" cal.ics \
	    "$(sed -n "${n}p" scenarios.jsonl | jq -r '.met[0].name')"
done

# An existing file is kept unless --force (the rule of report --output);
# with it, the file is written 0600 even over a looser one, and never
# through a symbolic link.
printf 'old\n' >loose.ics
chmod 644 loose.ics
expect_rc 73 "followup --ics over an existing file is refused" -- "$TACT_BIN" followup --ics loose.ics
assert_contains "the refused file is kept" loose.ics "old"
expect_rc 0 "followup --ics --force over an existing 0644 file" -- "$TACT_BIN" followup \
    --ics loose.ics --force
assert_mode "an overwritten calendar is mode 0600" loose.ics 600
assert_contains "the overwritten file is a calendar" loose.ics "BEGIN:VCALENDAR"
printf 'keep me\n' >target.txt
ln -s target.txt link.ics
expect_rc 73 "followup --ics through a symbolic link is refused" -- \
    "$TACT_BIN" followup --ics link.ics
stderr_one_line "--ics through a link: one line on stderr"
assert_eq "the link's target is untouched" "$(cat target.txt)" "keep me"
expect_rc 73 "followup --ics into a missing folder" -- \
    "$TACT_BIN" followup --ics "$PWD/no/such/dir/cal.ics"
expect_rc 0 "--json followup --ics" -- "$TACT_BIN" --json followup --ics json.ics
jq_ok "--json followup --ics prints one JSON document (SPEC section 3)" "$OUT" \
    -s 'length == 1 and (.[0] | type == "object")'

# Forgetting a candidate takes their tasks with them.
expect_rc 0 "forget a candidate with tasks" -- "$TACT_BIN" forget "Paula Past" --yes
"$TACT_BIN" --json followup --all >all.json 2>/dev/null
jq_ok "their tasks are gone" all.json \
    "[.[] | select(.turndown == $past)] | length == 0"

# --- names read whole, keyed seeds ---------------------------------------------
# Anna Smith (seen positively) and Anna Jones (seen negatively) share a
# first name; the candidate shares a surname with the latter.  Every note is
# written, the note to Anna Smith names her in full, and no note but Anna
# Jones's own says "Anna" outside a whole sayable name.
cat >collide.jsonl <<'EOF2'
{"candidate": "Lena Jones", "client": "Marlow Dynamics", "role": "Staff Engineer", "decline_date": "2024-06-03", "reasons": [{"category": "hiring-manager", "visibility": "confidential"}, {"category": "remote", "visibility": "shareable"}], "confidential": "Anna Jones talked over her in every interview.", "shareable": "She needs more days at home.", "met": [{"name": "Anna Smith", "role": "hr", "impression": "positive"}, {"name": "Anna Jones", "role": "hiring-manager", "impression": "negative"}, {"name": "Piotr Jones", "role": "peer", "impression": "neutral"}], "consent": "aggregate"}
EOF2
expect_rc 0 "import the name collision" -- "$TACT_BIN" import collide.jsonl
cid=$("$TACT_BIN" --json list | python3 -c 'import json,sys
print([t["id"] for t in json.load(sys.stdin) if t["candidate"] == "Lena Jones"][0])')
for s in 1 2 3 4 5; do
	expect_rc 0 "notes with two people named Anna (seed $s)" -- "$TACT_BIN" --json notes "$cid" --seed "$s"
	python3 - "$OUT" >collide.check <<'PY'
import json, re, sys
notes = json.load(open(sys.argv[1]))
bad = []
for n in notes:
    text = n["text"]
    if n["to"] == "Anna Smith" and "Anna Smith" not in text:
        bad.append("the note to Anna Smith does not name her in full")
    # Anna Jones's own note, and the client note addressed to her.
    if n["to"] in ("Anna Jones", "Anna Jones, Marlow Dynamics"):
        continue
    rest = re.sub(r"Anna Smith|Lena Jones|Piotr Jones" if n["to"] == "Piotr Jones" else
                  r"Anna Smith|Lena Jones", " ", text)
    if re.search(r"\bAnna\b", rest) or (n["to"] != "Piotr Jones" and re.search(r"\bPiotr\b", rest)):
        bad.append("note to %s names someone else: %r" % (n["to"], text))
if bad:
    print("\n".join(bad))
PY
	if [ -s collide.check ]; then fail "notes with two Annas name each whole (seed $s)" "$(head -c 300 collide.check)"
	else ok "notes with two Annas name each whole (seed $s)"; fi
	expect_rc 0 "decline with a candidate sharing a surname (seed $s)" -- "$TACT_BIN" decline "$cid" --seed "$s"
	# Said to Anna Jones: the candidate by first name, Piotr Jones nowhere.
	assert_contains "the decline names the candidate by first name (seed $s)" "$OUT" "Lena"
	assert_not_contains "the decline names nobody else met (seed $s)" "$OUT" "Piotr"
done

# The seed is keyed by the vault: the same seed in another vault gives other wording.
"$TACT_BIN" --json decline "$cid" --seed 9 | jq -c 'del(.turndown)' >keyed.a
"$TACT_BIN" --json decline "$cid" --seed 9 | jq -c 'del(.turndown)' >keyed.a2
"$TACT_BIN" --json notes "$cid" --seed 9 >keyed.na
"$TACT_BIN" --json notes "$cid" --seed 9 >keyed.na2
expect_rc 0 "init a second vault" -- "$TACT_BIN" --vault "$PWD/v2.db" --passphrase-file pw init --weak-passphrase
expect_rc 0 "import into the second vault" -- env -u TACT_SESSION "$TACT_BIN" --vault "$PWD/v2.db" --passphrase-file pw import collide.jsonl
env -u TACT_SESSION "$TACT_BIN" --vault "$PWD/v2.db" --passphrase-file pw --json decline 1 --seed 9 | jq -c 'del(.turndown)' >keyed.b
env -u TACT_SESSION "$TACT_BIN" --vault "$PWD/v2.db" --passphrase-file pw --json notes 1 --seed 9 >keyed.nb
if [ -s keyed.a ] && cmp -s keyed.a keyed.a2 && cmp -s keyed.na keyed.na2; then
	ok "decline and notes: one vault, one seed, the same output"
else fail "decline and notes: one vault, one seed, the same output" "differs"; fi
if [ -s keyed.b ] && ! cmp -s keyed.a keyed.b && ! cmp -s keyed.na keyed.nb; then
	ok "decline and notes: two vaults, one seed, different output"
else fail "decline and notes: two vaults, one seed, different output" "the same in both vaults"; fi
