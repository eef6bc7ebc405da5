# t_feedback.sh - a client's feedback on a candidate it rejected (SPEC
# section 9), end to end: log, areas, list, show, edit, delete, import by
# "kind", forget; the feedback sealed (no plaintext in the vault's files,
# a row moved between candidates fails authentication); and the coaching and
# call scripts checked by an independent reading of the confidentiality
# rule (feedback_rule.py) over scenarios written for this test, every seed
# 0..SEEDS-1, as text, Markdown and JSON.
#
# The scenarios aim at the rule's edges: confidential notes made of the
# phrases the scripts themselves use ("how you came across", "the whole
# process", "keep in touch"), the person who gave the feedback sharing the
# candidate's first name, names only in the confidential note (with
# accents and apostrophes), shareable points that repeat confidential words
# or hold an e-mail address and a phone number, no shareable area, every
# area confidential (more than five: six questions or more), none.

PY=(/usr/bin/python3 -I "$E2E_DIR/feedback_rule.py")
SEEDS=${FEEDBACK_SEEDS:-6}
T=("$TACT_BIN" --vault "$PWD/v.db")

expect_rc 0 "the rule checker passes its own self-test" -- "${PY[@]}" selftest

printf 'pw\n' >pw
expect_rc 0 "init a vault" -- "${T[@]}" --passphrase-file pw init --weak-passphrase
eval "$("${T[@]}" --passphrase-file pw unlock)"

# ---- recording and reading -------------------------------------------------
printf 'Panel thought she came across arrogant with Bob Quellmann in the room.' >conf.txt
expect_rc 0 "feedback log" -- "${T[@]}" feedback log --candidate "Jane Roe" \
	--client "Acme Health" --role "Chief Nursing Officer" --stage final \
	--area accomplishments --area communication:confidential,preparation \
	--share "Wanted more numbers behind the turnaround story." \
	--confidential-file conf.txt --from "Ann Lee:hiring-manager"
assert_eq "feedback log prints the id" "$(cat "$OUT")" "1"
assert_no_plaintext "the confidential note is not in clear" "Quellmann" v.db \
	--may-be-absent v.db-wal
assert_no_plaintext "the shareable points are not in clear" "turnaround story" v.db \
	--may-be-absent v.db-wal
assert_no_plaintext "who gave it is not in clear" "Ann Lee" v.db --may-be-absent v.db-wal

expect_rc 0 "feedback show" -- "${T[@]}" feedback show 1
assert_contains "show: the shared areas" "$OUT" "accomplishments, preparation, 1 confidential"
assert_not_contains "show: not the confidential note" "$OUT" "Quellmann"
assert_not_contains "show: not who gave it" "$OUT" "Ann Lee"
expect_rc 0 "feedback show --confidential" -- "${T[@]}" feedback show 1 --confidential
assert_contains "show --confidential: the note" "$OUT" "Bob Quellmann"
assert_contains "show --confidential: who gave it" "$OUT" "Ann Lee (hiring manager"
expect_rc 0 "feedback show --json" -- "${T[@]}" --json feedback show 1
assert_jq "show --json says the confidential part is left out" "$OUT" '.confidential_omitted == true'
assert_jq "show --json has the shared areas only" "$OUT" '(.areas | length) == 2'

expect_rc 0 "feedback areas" -- "${T[@]}" feedback areas
assert_eq "eleven areas" "$(wc -l <"$OUT" | tr -d ' ')" 11
assert_contains "areas: compensation-expectations" "$OUT" "compensation-expectations"

expect_rc 65 "an unknown area is refused" -- "${T[@]}" feedback log --candidate X \
	--client Y --area comunication
stderr_one_line "unknown area: one line"
assert_contains "unknown area: did you mean" "$ERR" "did you mean 'communication'"
expect_rc 64 "a missing area is a usage error off a terminal" -- "${T[@]}" feedback log \
	--candidate X --client Y
expect_rc 65 "a future date is refused" -- "${T[@]}" feedback log --candidate X --client Y \
	--area other --date 2999-01-01
expect_rc 0 "nothing was written by the failures" -- "${T[@]}" --json feedback list
assert_jq "still one record" "$OUT" 'length == 1'

expect_rc 0 "feedback edit" -- "${T[@]}" feedback edit 1 --stage interview \
	--area motivation:confidential
expect_rc 0 "show after edit" -- "${T[@]}" feedback show 1 --confidential
assert_contains "edit replaced the areas" "$OUT" "motivation (confidential)"
assert_not_contains "edit replaced the whole list" "$OUT" "accomplishments"
assert_contains "edit kept the confidential note" "$OUT" "Bob Quellmann"
assert_contains "edit kept the shareable points" "$OUT" "turnaround story"
expect_rc 64 "edit without options is a usage error" -- "${T[@]}" feedback edit 1
expect_rc 66 "edit of a missing record" -- "${T[@]}" feedback edit 99 --stage final
expect_rc 0 "edit moves the record to another candidate" -- "${T[@]}" feedback edit 1 \
	--candidate "Jane Q. Roe"
expect_rc 0 "the note moved with it" -- "${T[@]}" feedback show 1 --confidential
assert_contains "moved: note re-sealed under the new candidate" "$OUT" "Bob Quellmann"
assert_contains "moved: the new candidate" "$OUT" "Jane Q. Roe"

# A sealed part copied into another candidate's row does not open.
expect_rc 0 "a second record" -- "${T[@]}" feedback log --candidate "Sam Poe" \
	--client "Acme Health" --area other:confidential --confidential "keep this"
sqlite3 v.db "UPDATE feedback SET confidential = (SELECT confidential FROM feedback WHERE id = 1) WHERE id = 2"
expect_rc 65 "a swapped confidential note fails authentication" -- "${T[@]}" feedback show 2 \
	--confidential
stderr_one_line "swapped note: one line"
expect_rc 65 "the coach refuses a record whose note does not open" -- "${T[@]}" feedback coach 2
sqlite3 v.db "UPDATE feedback SET signals = (SELECT signals FROM feedback WHERE id = 1) WHERE id = 2"
expect_rc 65 "a swapped signals part is named in list (and list fails)" -- "${T[@]}" feedback list
assert_contains "list names the damaged record" "$ERR" "feedback 2: signals failed"
assert_contains "list says one was left out" "$ERR" "1 feedback record failed authentication"
expect_rc 0 "delete the damaged record" -- "${T[@]}" feedback delete 2 --yes
expect_rc 64 "delete without --yes off a terminal" -- "${T[@]}" feedback delete 1
expect_rc 66 "delete of a missing record" -- "${T[@]}" feedback delete 2 --yes

# ---- import by kind, and forget ----------------------------------------------
cat >mixed.jsonl <<'EOF'
{"kind": "feedback", "candidate": "Bo Li", "client": "Acme Health", "date": "2026-01-05", "areas": ["references:confidential", {"area": "preparation", "visibility": "shareable"}], "confidential": "Zelinski called the reference lukewarm.", "from": {"name": "Ann Lee", "role": "hr"}}
{"candidate": "Bo Li", "client": "Acme Health", "decline_date": "2026-01-04", "reasons": ["compensation"]}
{"kind": "turndown", "candidate": "Cy Moe", "client": "Acme Health", "decline_date": "2026-01-03", "reasons": ["equity"]}
EOF
expect_rc 0 "import routes lines by kind" -- "${T[@]}" import mixed.jsonl
assert_contains "import counts the turndowns" "$OUT" "imported 2 turndowns"
assert_contains "import counts the feedback" "$OUT" "imported 1 feedback record"
expect_rc 0 "importing the file twice changes nothing" -- "${T[@]}" --json import mixed.jsonl
assert_jq "twice: three duplicates" "$OUT" '.duplicates == 3'
printf '{"kind": "opinion", "candidate": "X"}\n{"kind": "feedback", "candidate": "X", "client": "Y", "areas": ["other"], "reasons": []}\n' >bad.jsonl
expect_rc 65 "bad feedback lines import nothing" -- "${T[@]}" import bad.jsonl
assert_contains "an unknown kind is named" "$ERR" "line 1: unknown kind"
assert_contains "a turndown key in a feedback line is named" "$ERR" "line 2: unknown key 'reasons'"
expect_rc 0 "feedback list --candidate" -- "${T[@]}" --json feedback list --candidate "Bo Li"
assert_jq "Bo Li has one feedback record" "$OUT" 'length == 1'
expect_rc 0 "forget the candidate" -- "${T[@]}" forget "Bo Li" --yes
expect_rc 0 "feedback list after forget" -- "${T[@]}" --json feedback list
assert_jq "forget erased their feedback" "$OUT" '([.[] | select(.candidate == "Bo Li")] | length) == 0'
assert_eq "no feedback row of theirs is left" "$(sqlite3 v.db 'SELECT count(*) FROM feedback f LEFT JOIN candidates c ON c.id = f.candidate_id WHERE c.id IS NULL')" 0
assert_no_plaintext "the forgotten note left the WAL" "Zelinski" v.db --may-be-absent v.db-wal

# On a terminal, the missing fields are asked for, areas by number or name.
expect_rc 0 "feedback log asks on a terminal" -- pty_run "Candidate:" "Pat Prompted" \
	"Client:" "Zeta Pty Ltd" "comma-separated" "2,motivation:confidential" \
	"Shareable points" "Pat may hear this" "Confidential note" "Pat must not hear this" \
	-- "${T[@]}" feedback log
id_pty=$(tr -d '\r' <"$OUT" | grep -E '^[0-9]+$' | tail -n 1)
expect_rc 0 "the prompted record" -- "${T[@]}" feedback show "${id_pty:-0}" --confidential
assert_contains "prompted: candidate" "$OUT" "Pat Prompted"
assert_match "prompted: areas by number and name" "$OUT" \
	'Areas +accomplishments, motivation \(confidential\)'
assert_contains "prompted: the shareable points" "$OUT" "Pat may hear this"
assert_contains "prompted: the confidential note" "$OUT" "Pat must not hear this"

# With no option on a terminal, the record opens in $EDITOR: a bad save
# opens it again with the error on top; an unchanged file changes nothing.
cat >ed.sh <<'EOF'
#!/bin/sh
if [ ! -e "$PWD/ed.once" ]; then
	touch "$PWD/ed.once"
	sed -i 's/"stage": "[a-z]*"/"stage": "onsite"/; s/"stage": null/"stage": "onsite"/' "$1"
else
	cp "$1" "$PWD/ed.second"
	sed -i 's/"stage": "onsite"/"stage": "screen"/; s/"confidential": null/"confidential": "Pat corrected this"/' "$1"
fi
EOF
chmod +x ed.sh
expect_rc 0 "edit in \$EDITOR" -- env EDITOR="$PWD/ed.sh" \
	/usr/bin/python3 -I "$E2E_DIR/pty.py" --timeout "$E2E_TIMEOUT" -- "${T[@]}" feedback edit "${id_pty:-0}"
assert_contains "the editor opened again with the error on top" ed.second "# error: stage 'onsite'"
assert_not_contains "the form holds no confidential note" ed.second "Pat must not hear this"
assert_contains "the form says the note is kept unless replaced" ed.second '"confidential": null'
expect_rc 0 "the edited record" -- "${T[@]}" feedback show "${id_pty:-0}" --confidential
assert_contains "edited: the stage" "$OUT" "screen"
assert_contains "edited: the confidential note" "$OUT" "Pat corrected this"
check "the editor's private folder is wiped and gone" \
	[ -z "$(find "$XDG_RUNTIME_DIR" -maxdepth 1 -name 'tact-edit-*')" ]
expect_rc 0 "edit in \$EDITOR, saved unchanged" -- env EDITOR=true \
	/usr/bin/python3 -I "$E2E_DIR/pty.py" --timeout "$E2E_TIMEOUT" -- "${T[@]}" feedback edit "${id_pty:-0}"
assert_contains "unchanged: said so" "$OUT" "unchanged"

# ---- the scripts -------------------------------------------------------------
expect_rc 0 "coach" -- "${T[@]}" feedback coach 1 --seed 3
assert_contains "coach speaks to the candidate by first name" "$OUT" "Jane"
assert_not_contains "coach never names who gave the feedback" "$OUT" "Ann"
assert_contains "coach has next steps" "$OUT" "NEXT STEPS"
cp "$OUT" coach3.txt
expect_rc 0 "coach again with the same seed" -- "${T[@]}" feedback coach 1 --seed 3
check "the same seed gives the same script" cmp -s "$OUT" coach3.txt
expect_rc 0 "coach --probes 7 --json" -- "${T[@]}" --json feedback coach 1 --probes 7
assert_jq "seven questions" "$OUT" '(.questions | length) == 7'
expect_rc 64 "coach --probes 9 is a usage error" -- "${T[@]}" feedback coach 1 --probes 9
expect_rc 0 "ask" -- "${T[@]}" feedback ask 1 --format markdown
assert_contains "ask: the questions" "$OUT" "## Questions"
assert_not_contains "ask carries nothing of the shareable points" "$OUT" "turnaround"

cat >scenarios.jsonl <<'EOF'
{"kind": "feedback", "candidate": "Margaret Oyelaran", "client": "Harbourline Logistics", "role": "Chief Financial Officer", "stage": "final", "date": "2026-02-19", "areas": [{"area": "accomplishments", "visibility": "shareable"}, {"area": "leadership-presence", "visibility": "confidential"}, {"area": "communication", "visibility": "confidential"}], "confidential": "Declan Forsyth felt she blamed the previous team for everything and talked over him at dinner. Priya Natarajan from the board thought the savings figures were padded.", "shareable": "The board wanted more detail on the savings figures and her own part in them.", "from": {"name": "Declan Forsyth", "role": "executive"}}
{"kind": "feedback", "candidate": "John Garcia", "client": "Solstice Media", "role": "Physiotherapist", "stage": "interview", "date": "2026-03-12", "areas": [{"area": "culture-add", "visibility": "confidential"}, {"area": "communication", "visibility": "confidential"}], "confidential": "John felt the candidate would clash with the unit. Came across arrogant and talked over John twice.", "from": {"name": "John Smith", "role": "hiring-manager"}}
{"kind": "feedback", "candidate": "Dr. Adaeze Okafor", "client": "Valleycrest Health", "role": "Consultant Cardiologist", "stage": "final", "date": "2026-04-22", "areas": [{"area": "experience-gap", "visibility": "shareable"}, {"area": "motivation", "visibility": "confidential"}], "confidential": "Dr. Brennan suspects she only wanted out of her current trust, and Sister O'Néill agreed.", "shareable": "More experience running a cath lab list would help; call me on +44 20 7946 0958 or write to brennan@valleycrest.example.", "from": {"name": "Colm Brennan", "role": "hiring-manager"}}
{"kind": "feedback", "candidate": "Wei Chen", "client": "Bluegate Systems", "role": "Staff Software Engineer", "date": "2026-05-02", "areas": [{"area": "technical-depth", "visibility": "confidential"}], "confidential": "How do you think you came across in those conversations? Thank you for the work you put into this process. Let's walk through it from your side, one part at a time. I hope our paths cross again and keep in touch.", "from": {"name": "Grace Walsh", "role": "interviewer"}}
{"kind": "feedback", "candidate": "Sofia Dubois", "client": "Copperleaf Bank", "role": "Head of Risk", "stage": "screen", "date": "2026-05-09", "areas": [{"area": "preparation", "visibility": "shareable"}, {"area": "compensation-expectations", "visibility": "confidential"}], "confidential": "The salary demand felt like a bluff to use elsewhere, said Ines Ortiz.", "shareable": "Read up on the bank's recent results; the salary demand felt high for the band.", "from": {"name": "Ines Ortiz", "role": "hr"}}
{"kind": "feedback", "candidate": "Kenji Tanaka", "client": "Vantage Robotics", "role": "VP Engineering", "stage": "final", "date": "2026-06-01", "areas": ["experience-gap:confidential", "accomplishments:confidential", "communication:confidential", "technical-depth:confidential", "leadership-presence:confidential", "culture-add:confidential", "motivation:confidential"], "confidential": "Everyone on the panel, Lindqvist included, had doubts about every part of it.", "from": {"name": "Ruth Lindqvist", "role": "executive"}}
{"kind": "feedback", "candidate": "Amara Haddad", "client": "Pinecrest Hospital", "role": "Charge Nurse", "date": "2026-06-15", "areas": [{"area": "references", "visibility": "shareable"}, {"area": "other", "visibility": "shareable"}], "shareable": "Choose referees who saw your most recent work on the ward.", "from": {"name": "Peter Novak", "role": "hr"}}
{"kind": "feedback", "candidate": "Mateo Silva", "client": "Keystone Foods", "role": "Plant Manager", "stage": "interview", "date": "2026-07-01", "areas": [{"area": "leadership-presence", "visibility": "confidential"}, {"area": "motivation", "visibility": "shareable"}], "confidential": "Seemed to want the job for the title. Zoë Ångström from operations said he bullied a supervisor at his last plant.", "shareable": "Make the reasons for this move clearer; he seemed to want the job for the title as much as the work.", "from": {"name": "Hannah Meyer", "role": "peer"}}
EOF
expect_rc 0 "every coaching and call script keeps the rule, over $SEEDS seeds" -- \
	"${PY[@]}" run "$TACT_BIN" scenarios.jsonl "$SEEDS"
tail -n 5 "$OUT" | sed 's/^/  /'

# ---- merge takes the feedback along ------------------------------------------
expect_rc 0 "a record to merge" -- "${T[@]}" feedback log --candidate "Mo Ng" --client "Acme Health" \
	--area references:confidential --confidential "Quarrington was lukewarm."
MOID=$(cat "$OUT")
expect_rc 0 "a turndown of the merge target" -- "${T[@]}" log --candidate "Mo Ng Jr" \
	--client "Acme Health" --reason equity
expect_rc 0 "merge a candidate with feedback" -- "${T[@]}" merge candidate "Mo Ng" "Mo Ng Jr"
expect_rc 0 "the feedback moved, its note re-sealed" -- "${T[@]}" feedback show "$MOID" --confidential
assert_contains "merged: the target candidate" "$OUT" "Mo Ng Jr"
assert_contains "merged: the note opens" "$OUT" "Quarrington was lukewarm."

# ---- verify opens every feedback record --------------------------------------
expect_rc 0 "verify with feedback" -- "${T[@]}" --json verify
assert_jq "verify counts the feedback, none damaged" "$OUT" \
	'.tables.feedback.records >= 1 and .tables.feedback.damaged == 0'
sqlite3 v.db ".backup vf.db"
sqlite3 vf.db "UPDATE feedback SET confidential = substr(confidential, 1, 30) || x'ff' ||
	substr(confidential, 32) WHERE id = $MOID"
expect_rc 65 "verify names feedback whose confidential note was changed" -- \
	"$TACT_BIN" --vault "$PWD/vf.db" verify
assert_contains "verify: the damaged feedback named" "$OUT" \
	"feedback $MOID: the client's confidential note failed authentication"
