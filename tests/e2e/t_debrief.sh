# t_debrief.sh - the client debrief script (SPEC section 5), end to end.
#
# Sourced by run.sh (with lib.sh) in a fresh folder.  Imports a set of
# turndowns written for this test (executives, physicians, nurses,
# engineers, a CFO, a law partner; names that are also common words,
# non-ASCII names and punctuation, people named only in the confidential
# note, shareable notes that repeat confidential words, an empty shareable
# note, no confidential reason, all 24 categories across the set), then for
# every turndown and every seed 0..39 writes the script as text, Markdown and
# JSON.  One Python process (debrief_rule.py, an independent reading of the
# confidentiality rule) checks all of them at once, and the JSON scripts'
# shape and properties too.  Then determinism, seeds, and usage errors.
#
# Scenario 17 is built to collide with most wordings (its confidential note
# is made of common question phrases), and scenario 18 holds the words of the
# script's own headings ("for you only, not to be read out"): there, exit 65
# with a one-line error and nothing on stdout is as good as a clean script;
# a leaking one is not.  Some scenarios aim at the edges of "punctuation
# ignored" and "compared case-insensitively": 12 and 16 hold curly
# apostrophes (U+2019), 13 puts em dashes, curly quotes, no-break spaces and
# an ellipsis between confidential words, 14 has a neutral person entered in
# capitals with non-ASCII letters ("ZO\u00cb M\u00dcLLER") and named in the
# shareable note.

PY=(/usr/bin/python3 -I "$E2E_DIR/debrief_rule.py")
SEEDS=40
ALLOW_65=" 17 18 "     # scenarios that may refuse with exit 65

expect_rc 0 "the rule checker passes its own self-test" -- "${PY[@]}" selftest

printf 'pw\n' >pw
expect_rc 0 "init a vault" -- "$TACT_BIN" --vault "$PWD/v.db" --passphrase-file pw init --weak-passphrase
eval "$("$TACT_BIN" --vault "$PWD/v.db" --passphrase-file pw unlock)"
export TACT_VAULT=$PWD/v.db

# One turndown per line, in `tact import` JSON Lines.
cat >scenarios.jsonl <<'EOF'
{"candidate": "Margaret Oyelaran", "client": "Harbourline Logistics", "role": "Chief Financial Officer", "offer_date": "2024-02-05", "decline_date": "2024-02-19", "reasons": [{"category": "compensation", "visibility": "shareable"}, {"category": "leadership", "visibility": "confidential"}, {"category": "stability", "visibility": "confidential"}], "confidential": "The chief executive, Declan Forsyth, talked over her in both board dinners and she came away doubting that he listens to anyone. She also thinks the refinancing will slip: Priya Natarajan from the audit firm told her off the record that the covenants are tight. She does not want to be the finance chief who signs the next going-concern note.", "shareable": "The package elsewhere was stronger on base pay and the bonus was guaranteed for the first year.", "met": [{"name": "Declan Forsyth", "role": "executive", "impression": "negative"}, {"name": "Ruth Abernethy", "role": "hr", "impression": "positive"}, {"name": "Tomasz Wiśniewski", "role": "peer", "impression": "neutral"}], "consent": "aggregate"}
{"candidate": "Rupert Kingsley-Hale", "client": "Ashdown & Merrow LLP", "role": "Equity Partner, Commercial Litigation", "offer_date": "2024-03-01", "decline_date": "2024-03-08", "reasons": [{"category": "equity", "visibility": "confidential"}, {"category": "culture", "visibility": "confidential"}, {"category": "reputation", "visibility": "shareable"}, {"category": "title", "visibility": "shareable"}], "confidential": "Will Grant, the managing partner, joked twice that associates are billable furniture. The points on the lockstep ladder were far below what he holds now and Grant would not move. Hope Mills in people ops read from a script. He heard from Imogen Strang at another chambers that two partners walked out last spring over credit for origination.", "shareable": "He was impressed by the depth of the litigation bench and the firm's standing in the market.", "met": [{"name": "Will Grant", "role": "executive", "impression": "negative"}, {"name": "Hope Mills", "role": "hr", "impression": "neutral"}, {"name": "Cecily Brandt", "role": "peer", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Anjali Mehta", "client": "Valleycrest Health", "role": "Consultant Cardiologist", "offer_date": "2024-04-10", "decline_date": "2024-04-22", "reasons": [{"category": "schedule", "visibility": "confidential"}, {"category": "workload", "visibility": "confidential"}, {"category": "relocation", "visibility": "shareable"}], "confidential": "A one in three on-call rota with no cover for leave is not safe, and Dr. Brennan called locum cover a luxury the trust cannot afford. The cath lab list ran until nine most evenings. Sister Okafor warned her quietly that two registrars went off sick last winter.", "shareable": "Moving the family north this year turned out not to be practical.", "met": [{"name": "Colm Brennan", "role": "hiring-manager", "impression": "negative"}, {"name": "Adaeze Okafor", "role": "other", "impression": "neutral"}, {"name": "Harriet Lowe", "role": "executive", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Zoë Achterberg", "client": "St Brigid's Hospital", "role": "Charge Nurse, Intensive Care", "offer_date": "2024-01-15", "decline_date": "2024-01-26", "reasons": [{"category": "schedule", "visibility": "shareable"}, {"category": "team", "visibility": "confidential"}, {"category": "hr", "visibility": "confidential"}], "confidential": "She didn't like the way José Álvarez spoke to the night staff and didnt feel she could raise it with anyone in HR. The unit felt split into two camps, and Grace Okonkwo shrugged when she asked about the vacancy rate. Her friend Siobhán, who left last year, said the same.", "shareable": "The shift pattern on offer did not fit with her childcare, and she was sorry about that.", "met": [{"name": "José Álvarez", "role": "hr", "impression": "negative"}, {"name": "Mei-Lin Tan", "role": "peer", "impression": "positive"}, {"name": "Grace Okonkwo", "role": "hiring-manager", "impression": "neutral"}], "consent": "aggregate"}
{"candidate": "Kwame Mensah", "client": "Brightlattice", "role": "Staff Software Engineer", "offer_date": "2024-05-02", "decline_date": "2024-05-09", "reasons": [{"category": "remote", "visibility": "confidential"}, {"category": "process", "visibility": "confidential"}, {"category": "growth", "visibility": "shareable"}], "confidential": "Kwame felt the hiring manager treated the whole process as a formality. He said your team came across as tired and nobody could explain the package beyond the base. The other offer lets him stay fully remote, and Lars refused to talk about remote days at all. The take-home test ate a whole weekend and nobody reviewed it in the debrief.", "shareable": "He wants a clearer path towards a principal role within two years.", "met": [{"name": "Lars Eriksen", "role": "hiring-manager", "impression": "negative"}, {"name": "Fatima Zahra Benali", "role": "interviewer", "impression": "neutral"}, {"name": "Ben Carter", "role": "peer", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Sofia Castellanos", "client": "Northwind Robotics", "role": "VP Engineering", "offer_date": "2024-06-03", "decline_date": "2024-06-07", "reasons": [{"category": "better-fit", "visibility": "shareable"}, {"category": "title", "visibility": "shareable"}], "confidential": "", "shareable": "She accepted a role leading robotics and perception together, which is the step she has been working towards.", "met": [{"name": "Amara Osei", "role": "executive", "impression": "positive"}, {"name": "Daniel Fisk", "role": "hiring-manager", "impression": "positive"}, {"name": "Noor Haddad", "role": "interviewer", "impression": "neutral"}], "consent": "none"}
{"candidate": "Henrik Aaltonen", "client": "Caldermoor Foods", "role": "Chief Operating Officer", "offer_date": "2024-02-20", "decline_date": "2024-03-12", "reasons": [{"category": "counteroffer", "visibility": "confidential"}, {"category": "family", "visibility": "shareable"}, {"category": "partner-career", "visibility": "confidential"}], "confidential": "His current board matched the salary and added a retention grant once they heard about Caldermoor. His wife Saskia has just made partner at her practice and will not move for at least two years. He found Frank Dunmore abrupt and thought the chair, Lady Pelham, was only half interested.", "shareable": "Family commitments mean that now is not the right time for him to move.", "met": [{"name": "Frank Dunmore", "role": "executive", "impression": "negative"}, {"name": "Beatrix Holm", "role": "hr", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Aoife Gallagher", "client": "Stonebridge Civil", "role": "Senior Structural Engineer", "offer_date": "2024-07-01", "decline_date": "2024-07-15", "reasons": [{"category": "commute", "visibility": "shareable"}, {"category": "relocation", "visibility": "confidential"}, {"category": "benefits", "visibility": "confidential"}], "confidential": "She priced up renting near the site and it would cost more than the raise. The pension match is half what she has now and May Rose in HR could not say when the health plan renews. She also felt Rose was reading from notes the whole time.", "shareable": "", "met": [{"name": "May Rose", "role": "hr", "impression": "neutral"}, {"name": "Tiago Moreira", "role": "hiring-manager", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Tunde Bakare", "client": "Riverside Community Clinic", "role": "Nurse Practitioner", "offer_date": "2024-03-18", "decline_date": "2024-04-02", "reasons": [{"category": "compensation", "visibility": "confidential"}, {"category": "hiring-manager", "visibility": "confidential"}, {"category": "other", "visibility": "shareable"}], "confidential": "The pay band felt low for a nurse practitioner with twelve years in urgent care. Dr Whitcombe interrupted him in the panel and then asked whether he could cope with a busy list. He said the clinic manager Marisol was lovely but could not change anything.", "shareable": "He values the clinic's mission, and the pay band felt low for a nurse practitioner with twelve years of experience compared with his other option.", "met": [{"name": "Edgar Whitcombe", "role": "hiring-manager", "impression": "negative"}, {"name": "Marisol Vega", "role": "other", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Priyanka Raghavan", "client": "Quillon Insurance", "role": "Head of Data Engineering", "offer_date": "2024-08-05", "decline_date": "2024-08-16", "reasons": [{"category": "stability", "visibility": "shareable"}, {"category": "reputation", "visibility": "confidential"}, {"category": "leadership", "visibility": "shareable"}, {"category": "culture", "visibility": "confidential"}], "confidential": "Friends at two other insurers told her Quillon is known for burning through data leads. Giles Pemberton from the board made a remark about women in engineering that she has not forgotten. Ottoline, who runs claims, seemed decent. The office felt silent and everyone ate lunch at their desks.", "shareable": "She was looking for a more settled period after two restructures, and she would like to keep in touch with Grant Lee.", "met": [{"name": "Grant Lee", "role": "hiring-manager", "impression": "positive"}, {"name": "Giles Pemberton", "role": "executive", "impression": "negative"}, {"name": "Ottoline Fry", "role": "other", "impression": "neutral"}], "consent": "aggregate"}
{"candidate": "Emeka Obi", "client": "Kingsmead University Hospitals", "role": "Consultant Vascular Surgeon", "offer_date": "2024-09-02", "decline_date": "2024-09-20", "reasons": [{"category": "title", "visibility": "confidential"}, {"category": "scope", "visibility": "confidential"}, {"category": "growth", "visibility": "confidential"}, {"category": "equity", "visibility": "shareable"}, {"category": "workload", "visibility": "confidential"}, {"category": "leadership", "visibility": "confidential"}, {"category": "process", "visibility": "confidential"}, {"category": "team", "visibility": "confidential"}, {"category": "culture", "visibility": "confidential"}, {"category": "hr", "visibility": "confidential"}, {"category": "stability", "visibility": "confidential"}, {"category": "reputation", "visibility": "confidential"}, {"category": "schedule", "visibility": "confidential"}], "confidential": "Clinical lead was promised then quietly dropped from the letter. Theatre time is two half-day lists a week, and the research post was only a line in the advert. Professor Lindqvist said the department is in special measures in all but name. The medical staffing office lost his references twice.", "shareable": "A stake in the new private unit elsewhere suited his longer-term plans.", "met": [{"name": "Sven Lindqvist", "role": "executive", "impression": "negative"}, {"name": "Rosalind Achebe", "role": "hr", "impression": "neutral"}, {"name": "Kofi Asante", "role": "peer", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Léa Dubois", "client": "Fernhollow Labs", "role": "Chief Technology Officer", "offer_date": "2024-10-07", "decline_date": "2024-10-11", "reasons": [{"category": "equity", "visibility": "confidential"}, {"category": "stability", "visibility": "confidential"}, {"category": "workload", "visibility": "shareable"}], "confidential": "She didn\u2019t trust the cap table: Ciarán O\u2019Sullivan wouldn\u2019t show the preference stack and couldn\u2019t say how much runway is left. Nine months, by her maths. O\u2019Sullivan\u2019s co-founder Bartholomew seemed to be leaving. She felt the option grant was a lottery ticket.", "shareable": "The pace expected in the first year looked very demanding alongside her other commitments.", "met": [{"name": "Ciarán O\u2019Sullivan", "role": "executive", "impression": "negative"}, {"name": "Yuki Tanaka", "role": "peer", "impression": "positive"}, {"name": "Bartholomew Quist", "role": "executive", "impression": "neutral"}], "consent": "aggregate"}
{"candidate": "Marcus Feld", "client": "Tessellate Energy", "role": "Director of Engineering", "offer_date": "2024-11-04", "decline_date": "2024-11-20", "reasons": [{"category": "benefits", "visibility": "shareable"}, {"category": "team", "visibility": "confidential"}, {"category": "process", "visibility": "confidential"}, {"category": "hiring-manager", "visibility": "confidential"}], "confidential": "Marcus said the panel day was a blur\u2014the hiring manager\u2014Anton\u2014never looked up from his laptop, and \u201cyour team\u201d felt cold: the team came\u00a0across as bored\u2026 Honestly\u2014the other offer\u2014won on warmth. Eleven weeks of the whole\u00a0process, and the package arrived as a bare PDF.", "shareable": "The benefits elsewhere made a real difference for his family.", "met": [{"name": "Anton Reyes", "role": "hiring-manager", "impression": "negative"}, {"name": "Ines Carvalho", "role": "hr", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Ravi Chandran", "client": "Meadowgate Medical Group", "role": "Hospitalist Physician", "offer_date": "2024-05-20", "decline_date": "2024-06-01", "reasons": [{"category": "family", "visibility": "shareable"}, {"category": "commute", "visibility": "shareable"}, {"category": "partner-career", "visibility": "confidential"}], "confidential": "His wife has been offered a research fellowship in Leeds and he will not ask her to give that up. He thought the practice manager was pleasant but vague about the rota.", "shareable": "Zoë Müller in payroll answered every question about the pension quickly, and the drive each day would have been long with two small children.", "met": [{"name": "ZOË MÜLLER", "role": "other", "impression": "neutral"}, {"name": "Bernadette Kearney", "role": "hiring-manager", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Dana Whitfield", "client": "Orrery Analytics", "role": "Principal Data Scientist", "offer_date": "2024-04-01", "decline_date": "2024-04-05", "reasons": [{"category": "counteroffer", "visibility": "shareable"}, {"category": "hiring-manager", "visibility": "confidential"}], "confidential": "When I pressed, Dana admitted that Hugo Sterling kept testing her with trick questions. She said, quote, I would not last six months under him. Dana also met Petra Novak, who she liked but who is leaving.", "shareable": "Her current employer made a strong offer to keep her and she decided to stay.", "met": [{"name": "Hugo Sterling", "role": "hiring-manager", "impression": "negative"}, {"name": "Petra Novak", "role": "peer", "impression": "neutral"}, {"name": "Ife Adebayo", "role": "hr", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Niamh Byrne", "client": "Larkfield Care Homes", "role": "Clinical Nurse Manager", "offer_date": "2024-08-12", "decline_date": "2024-08-30", "reasons": [{"category": "workload", "visibility": "confidential"}, {"category": "commute", "visibility": "shareable"}], "confidential": "Twenty-eight beds on one nurse at night is not a job she can do well, and Gerald Fane laughed it off as character building.", "shareable": "She\u2019s grateful for everyone\u2019s time, but the journey to Larkfield would\u2019ve been too long.", "met": [{"name": "Gerald Fane", "role": "hiring-manager", "impression": "negative"}, {"name": "Oonagh Reilly", "role": "peer", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Olu Adeyemi", "client": "Pinecrest Mutual", "role": "HR Business Partner", "offer_date": "2024-12-02", "decline_date": "2024-12-06", "reasons": [{"category": "hr", "visibility": "confidential"}, {"category": "process", "visibility": "confidential"}, {"category": "culture", "visibility": "confidential"}, {"category": "team", "visibility": "confidential"}], "confidential": "Olu kept coming back to one thing: nobody there ever asks what do you think, how do you think it went, or what would you change next time. If you were in the candidate's shoes, how would you feel? What would you do differently from your side of the process? How do you think the team came across to someone new? Who would need to be involved, and what would it take to fix it? What makes you say that? Where does that view come from? How did that feel from the other side? What would you want to know sooner? How do you think your leadership came across at their level? What would you change first? Thank you for the time you and your team gave, and I'd like to keep in touch with you all.", "shareable": "", "met": [{"name": "Clive Barraclough", "role": "hr", "impression": "negative"}], "consent": "aggregate"}
{"candidate": "Imani Clarke", "client": "Brackenridge Capital", "role": "General Counsel", "offer_date": "2024-10-21", "decline_date": "2024-11-01", "reasons": [{"category": "leadership", "visibility": "confidential"}, {"category": "culture", "visibility": "confidential"}, {"category": "reputation", "visibility": "shareable"}], "confidential": "The chief executive sent her draft contract marked for you only, not to be read out to the board, which told her a lot. Then listen to this: the chair, Rolf Dagher, asked whether she planned to start a family soon.", "shareable": "She has great respect for the firm's market standing.", "met": [{"name": "Rolf Dagher", "role": "executive", "impression": "negative"}, {"name": "Naledi Khumalo", "role": "hr", "impression": "positive"}], "consent": "aggregate"}
EOF
nscen=$(grep -c . scenarios.jsonl)
expect_rc 0 "import the $nscen scenarios" -- "$TACT_BIN" import scenarios.jsonl

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

# --- every scenario, every seed, every format ------------------------------
# run_scenario N ID WHO: writes every script of scenario N to out/, the
# manifest lines for the checker to manifest.N, and "BAD REFUSED WHY" to
# status.N.  Scenarios run a few at a time: this is most of the file's time.
run_scenario() {
	local n=$1 id=$2 who=$3 s kind f rc try bad=0 refused=0 why= args
	: >"manifest.$n"
	for ((s = 0; s < SEEDS; s++)); do
		for kind in text markdown json; do
			f=out/$n-$s.$kind
			case $kind in
			text) args=(debrief "$id" --seed "$s") ;;
			markdown) args=(debrief "$id" --seed "$s" --format markdown) ;;
			json) args=(--json debrief "$id" --seed "$s") ;;
			esac
			for try in 1 2 3; do
				rc=0
				# (in a subshell, so that bash's "Segmentation fault" notice stays quiet)
				(timeout -k 5 "$E2E_TIMEOUT" "$TACT_BIN" "${args[@]}" >"$f" 2>"$f.err"
				    exit $?) 2>/dev/null || rc=$?
				# A busy vault is not this file's subject: counted for the
				# concurrency check below, and tried again.
				[ "$rc" = 75 ] || break
				echo "scenario $n seed $s $kind: $(head -c 200 "$f.err")" >>"busylog.$n"
			done
			if [ "$rc" = 0 ]; then
				printf 'scenario %s (%s)\t%s\t%s\t%s\t%s\t%s\n' "$n" "$who" "$n" "$id" \
				    "$kind" "$f" "$s" >>"manifest.$n"
			elif [ "$rc" = 65 ] && [[ $ALLOW_65 == *" $n "* ]] && [ ! -s "$f" ] &&
			    [ "$(wc -l <"$f.err")" = 1 ] &&
			    grep -qE '^tact: debrief would disclose confidential content; ' "$f.err"; then
				refused=$((refused + 1))
			else
				bad=$((bad + 1))
				[ -n "$why" ] ||
				    why="seed $s $kind: exit $rc; stderr: $(head -c 300 "$f.err" | tr '\n' '|')"
			fi
		done
		# A scenario that keeps failing has made its point: save the time.
		if [ "$bad" -ge 6 ]; then
			why="stopped after seed $s; $why"
			break
		fi
	done
	printf '%s\t%s\t%s\n' "$bad" "$refused" "$why" >"status.$n"
}

mkdir -p out
while IFS=$'\t' read -r n id who; do
	[ "$id" = none ] && continue
	run_scenario "$n" "$id" "$who" &
	while [ "$(jobs -rp | wc -l)" -ge 4 ]; do wait -n; done
done <ids.tsv
wait

: >manifest
while IFS=$'\t' read -r n id who; do
	[ "$id" = none ] && continue
	cat "manifest.$n" >>manifest 2>/dev/null
	total=$((SEEDS * 3))
	name="scenario $n ($who): $total debriefs exit 0"
	if ! IFS=$'\t' read -r bad refused why <"status.$n"; then
		fail "$name" "no status"
	elif [ "$bad" = 0 ] && [ "$refused" = 0 ]; then
		ok "$name"
	elif [ "$bad" = 0 ]; then
		ok "$name or refuse cleanly ($refused refused with exit 65)"
	else
		fail "$name" "$bad fail; $why"
	fi
done <ids.tsv

# One Python process checks every saved output: the rule, the JSON scripts'
# properties, and that seeds vary the wording.
run_checker t_debrief "${PY[@]}" batch scenarios.jsonl

# --- debriefs at the same time ----------------------------------------------
# Reading commands run side by side must not fail on a busy vault (SPEC 7:
# concurrent processes wait on a busy timeout; 75 is not one of tact's codes).
busy_loop() {
	local i
	for ((i = 0; i < 40; i++)); do
		"$TACT_BIN" --json debrief "$1" --seed "$i" >/dev/null 2>"stress.err.$2" ||
		    echo "stress $2 seed $i: exit $?: $(head -c 200 "stress.err.$2")" >>"busylog.stress.$2"
	done
}
stress_id=$(awk -F'\t' '$1 == 1 { print $2 }' ids.tsv)
for w in 1 2 3 4; do busy_loop "$stress_id" "$w" & done
wait
cat busylog.* >busy.txt 2>/dev/null
if [ ! -s busy.txt ]; then
	ok "debriefs run side by side never fail on a busy vault"
else
	fail "debriefs run side by side never fail on a busy vault" \
	    "$(grep -c . busy.txt) failures, first: $(head -n 1 busy.txt)"
fi

# --- the same seed gives the same script -----------------------------------
same=0 checked=0 msgs=
while IFS=$'\t' read -r n id who; do
	[ -s "out/$n-7.json" ] && [ -s "out/$n-7.text" ] || continue
	checked=$((checked + 1))
	"$TACT_BIN" debrief "$id" --seed 7 >again.text 2>/dev/null
	"$TACT_BIN" --json debrief "$id" --seed 7 >again.json 2>/dev/null
	if cmp -s again.text "out/$n-7.text" && cmp -s again.json "out/$n-7.json"; then
		same=$((same + 1))
	else
		msgs="$msgs scenario $n;"
	fi
done <ids.tsv
if [ "$checked" -gt 0 ] && [ "$same" = "$checked" ]; then
	ok "same seed twice, same text and JSON script ($checked scenarios)"
else
	fail "same seed twice, same text and JSON script ($checked scenarios)" "differs in:$msgs"
fi

# Without --seed the script says which seed reproduces it.
first_id=$(awk -F'\t' '$1 == 6 { print $2 }' ids.tsv)
expect_rc 0 "debrief without --seed" -- "$TACT_BIN" debrief "$first_id"
seed=$(grep -oE -- '--seed [0-9]+' "$OUT" | tail -n 1 | cut -d' ' -f2)
cp "$OUT" noseed.text
if [ -n "$seed" ]; then
	expect_rc 0 "debrief with the seed it printed" -- "$TACT_BIN" debrief "$first_id" --seed "$seed"
	if cmp -s "$OUT" noseed.text; then ok "the printed seed gives the same script again"
	else fail "the printed seed gives the same script again" "seed $seed: output differs"; fi
else
	fail "debrief without --seed names its seed" "no '--seed N' in: $(head -c 300 noseed.text | tr '\n' '|')"
fi

# --- usage and lookup errors ------------------------------------------------
expect_rc 66 "debrief of an unknown id" -- "$TACT_BIN" debrief 999999
stderr_one_line "unknown id: one-line error"
expect_rc 66 "debrief --json of an unknown id" -- "$TACT_BIN" --json debrief 999999
stderr_one_line "unknown id (--json): one-line error"
expect_rc 64 "debrief of a non-numeric id" -- "$TACT_BIN" debrief abc
stderr_one_line "non-numeric id: one-line error"
expect_rc 64 "debrief with a bad --format" -- "$TACT_BIN" debrief "$first_id" --format pdf
stderr_one_line "bad --format: one-line error"
expect_rc 64 "debrief with a non-numeric --seed" -- "$TACT_BIN" debrief "$first_id" --seed x
stderr_one_line "bad --seed: one-line error"
expect_rc 64 "debrief with no id" -- "$TACT_BIN" debrief
stderr_one_line "no id: one-line error"
expect_rc 77 "debrief with no session and no passphrase" -- \
    env -u TACT_SESSION setsid -w "$TACT_BIN" debrief "$first_id"
stderr_one_line "locked: one-line error"

# --- discretion by design ---------------------------------------------------
# Two vaults, the same turndown and seed: the generator is keyed by each
# vault's master key, so a printed seed replays nowhere else.
cat >keyed.jsonl <<'EOF2'
{"candidate": "Ines Varga", "client": "Oakhurst Clinics", "role": "Practice Manager", "decline_date": "2024-05-02", "reasons": [{"category": "hr", "visibility": "confidential"}, {"category": "commute", "visibility": "shareable"}], "confidential": "Gregor Lind in HR rewrote the contract twice without telling her.", "shareable": "The daily journey would have been too long. Reach her at ines.varga@example.net or +1 415 555 0188, or https://example.net/ines.", "met": [{"name": "Gregor Lind", "role": "hr", "impression": "negative"}, {"name": "Maya Lind", "role": "hiring-manager", "impression": "positive"}], "consent": "aggregate"}
{"candidate": "Olek Sand", "client": "Oakhurst Clinics", "role": "Practice Manager", "decline_date": "2024-05-03", "reasons": [{"category": "team", "visibility": "confidential"}], "confidential": "The team lead shouted at a junior during the visit.", "shareable": "Please thank Gregor Lind for the tour.", "met": [{"name": "Gregor Lind", "role": "hr", "impression": "negative"}], "consent": "aggregate"}
EOF2
expect_rc 0 "import into the first vault" -- "$TACT_BIN" import keyed.jsonl
# id_of NAME: the id of the candidate NAME's turndown.
id_of() {
	"$TACT_BIN" --json list | python3 -c 'import json,sys
print([t["id"] for t in json.load(sys.stdin) if t["candidate"] == sys.argv[1]][0])' "$1"
}
kid=$(id_of "Ines Varga")
nid=$(id_of "Olek Sand")
"$TACT_BIN" --json debrief "$kid" --seed 7 | python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("turndown"); print(json.dumps(d))' >keyed.a
"$TACT_BIN" --json debrief "$kid" --seed 7 | python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("turndown"); print(json.dumps(d))' >keyed.a2
expect_rc 0 "init a second vault" -- "$TACT_BIN" --vault "$PWD/v2.db" --passphrase-file pw init --weak-passphrase
expect_rc 0 "import into the second vault" -- env -u TACT_SESSION "$TACT_BIN" --vault "$PWD/v2.db" --passphrase-file pw import keyed.jsonl
env -u TACT_SESSION "$TACT_BIN" --vault "$PWD/v2.db" --passphrase-file pw --json debrief 1 --seed 7 | python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("turndown"); print(json.dumps(d))' >keyed.b
if cmp -s keyed.a keyed.a2 && [ -s keyed.a ]; then ok "one vault, one seed: the same script"
else fail "one vault, one seed: the same script" "differs"; fi
if [ -s keyed.b ] && ! cmp -s keyed.a keyed.b; then ok "two vaults, one seed: different scripts"
else fail "two vaults, one seed: different scripts" "the same script in both vaults"; fi

# A fixed number of probes: 5, or what --probes says (4..8).
for n in 4 5 6 8; do
	if [ "$n" = 5 ]; then args=(); else args=(--probes "$n"); fi
	expect_rc 0 "debrief with ${args[*]:-no --probes}" -- "$TACT_BIN" --json debrief "$kid" "${args[@]}"
	got=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["probes"]))' "$OUT")
	assert_eq "debrief ${args[*]:-by default} has $n probes" "$got" "$n"
done
expect_rc 64 "debrief --probes 3" -- "$TACT_BIN" debrief "$kid" --probes 3
stderr_one_line "--probes 3: one-line error"
expect_rc 64 "debrief --probes 9" -- "$TACT_BIN" debrief "$kid" --probes 9
stderr_one_line "--probes 9: one-line error"

# The shareable note is read out without its contacts; the guardrails name
# no area, in text as in JSON.
expect_rc 0 "debrief of a shareable note with contacts" -- "$TACT_BIN" debrief "$kid" --seed 3
tr '\n' ' ' <"$OUT" | tr -s ' ' >joined.text
assert_contains "the note is read out" joined.text "journey would have been too long"
assert_not_contains "no e-mail address" "$OUT" "example.net"
assert_not_contains "no phone number" "$OUT" "555"
assert_contains "the address is replaced" "$OUT" "[email]"
if sed -n '/GUARDRAILS/,$p' "$OUT" | grep -qiwE 'hr|human resources'; then
	fail "guardrails name no area (hr)" "$(sed -n '/GUARDRAILS/,$p' "$OUT" | grep -iwE 'hr|human resources')"
else ok "guardrails name no area (hr)"; fi
# The hiring manager on the line is greeted by first name, and named
# nowhere else: no praise of anyone, even someone seen positively.
assert_contains "the person on the line is greeted" "$OUT" "The call with Maya."
if sed -n '/^PROBES/,$p' "$OUT" | grep -q 'Maya'; then
	fail "no praise of the person seen positively" "$(grep -n Maya "$OUT")"
else ok "no praise of the person seen positively"; fi
assert_not_contains "the person on the line is not named in full" "$OUT" "Maya Lind"
expect_rc 0 "debrief --json of a shareable note with contacts" -- "$TACT_BIN" --json debrief "$kid" --seed 3
assert_not_contains "no e-mail address (json)" "$OUT" "example.net"
assert_not_contains "no probe marked as real (json)" "$OUT" "confidential"

# A shareable note that names someone seen negatively is left out, and said
# on stderr, not in the script.
expect_rc 0 "debrief with a note that cannot be read out" -- "$TACT_BIN" debrief "$nid" --seed 3
assert_not_contains "the note is not in the script" "$OUT" "Gregor"
assert_contains "stderr says the note was left out" "$ERR" "left out"
assert_not_contains "stdout does not say it" "$OUT" "left out"
