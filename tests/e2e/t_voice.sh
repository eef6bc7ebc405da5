# t_voice.sh - scripts that speak to a person (issue 13), end to end: the
# person model through log, edit and import (--pronouns, --field); the
# debrief spoken to the person on the line (--to, titles, first names,
# pronouns), questions worded for the field, US or British English from the
# config file, decline and notes with their required parts, Markdown; and
# the variety figures over a generated vault (voice_measure.py prints them).

printf 'pw\n' >pw
expect_rc 0 "init a vault" -- "$TACT_BIN" --vault "$PWD/v.db" --passphrase-file pw init --weak-passphrase
eval "$("$TACT_BIN" --vault "$PWD/v.db" --passphrase-file pw unlock)"
export TACT_VAULT=$PWD/v.db
export XDG_CONFIG_HOME=$PWD/config
mkdir -p "$XDG_CONFIG_HOME/tact"

# --- the person model ----------------------------------------------------------
expect_rc 0 "log with --pronouns and --field" -- "$TACT_BIN" --json log --candidate "Dr. Amara Okafor" \
	--client "Lakeshore Heart" --role "Interventional Cardiologist" --reason schedule:confidential \
	--reason relocation --pronouns she --met "Dr. Helen Marsh:hiring-manager:negative" \
	--met "Janet Cole:hr:neutral" --confidential "The call rota is brutal and nobody covers."
doc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["turndown"])' "$OUT")
expect_rc 65 "log --pronouns it is refused" -- "$TACT_BIN" log --candidate X --client Y --reason other --pronouns it
stderr_one_line "--pronouns it: one-line error"
expect_rc 65 "log --field doctor is refused" -- "$TACT_BIN" log --candidate X --client Y --reason other --field doctor
assert_contains "the error lists the fields" "$ERR" "allied-health"

# The field comes from the role: a cardiologist's script speaks of call and partnership, never vesting.
for s in 1 2 3 4 5 6 7 8; do
	"$TACT_BIN" debrief "$doc" --seed "$s" >>phys.txt
done
assert_not_contains "no vesting to a cardiology group" phys.txt "vesting"
assert_not_contains "no stock options to a cardiology group" phys.txt "shares or options"
assert_match "physician wording (call, partners, group)" phys.txt "call|partner|group"
# Spoken to the hiring manager by title, of the candidate by title, with her pronouns.
assert_contains "greets the person on the line by title" phys.txt "Dr. Marsh"
assert_not_contains "the person on the line is not named in full" phys.txt "Helen Marsh"
assert_contains "the candidate by title and surname" phys.txt "Dr. Okafor"
assert_match "her pronouns" phys.txt "\\b(she|her)\\b"
assert_not_contains "no role in brackets" phys.txt "(hiring manager)"
assert_not_contains "Janet, seen neutrally, is not named" phys.txt "Janet"

# --to: someone else on the line; a name not met is greeted as given.
expect_rc 0 "debrief --to the HR partner" -- "$TACT_BIN" debrief "$doc" --to "Janet Cole" --seed 3
assert_contains "greets Janet" "$OUT" "Janet"
expect_rc 0 "debrief --to someone not met" -- "$TACT_BIN" --json debrief "$doc" --to "Dr. Nadia Farouk" --seed 3
assert_jq "the JSON says whom it is for" "$OUT" '.to == "Dr. Farouk"'
assert_jq "the question about people is there" "$OUT" '.people.question | length > 10'

# edit changes pronouns and field; the script follows.
expect_rc 0 "edit --pronouns he --field sales" -- "$TACT_BIN" edit "$doc" --pronouns he --field sales
: >sales.txt
for s in 1 2 3 4 5 6 7 8; do "$TACT_BIN" debrief "$doc" --seed "$s" >>sales.txt; done
assert_match "his pronouns after edit" sales.txt "\\b(he|his|him)\\b"
assert_not_contains "no physician vocabulary in sales" sales.txt "physician"
expect_rc 0 "edit --field auto" -- "$TACT_BIN" edit "$doc" --field auto

# import takes pronouns and field; old records without them read as before.
cat >people.jsonl <<'EOF2'
{"candidate": "Marcus Bell, RN", "client": "St. Brigid Medical", "role": "Charge Nurse", "pronouns": "he", "decline_date": "2026-01-12", "reasons": [{"category": "workload", "visibility": "confidential"}, {"category": "compensation", "visibility": "shareable"}], "met": [{"name": "Tom Reyes", "role": "hiring-manager", "impression": "positive"}]}
{"candidate": "Jordan Ellis", "client": "Brightpath", "role": "Office Lead", "field": "technology", "decline_date": "2026-01-14", "reasons": [{"category": "benefits", "visibility": "confidential"}], "met": []}
EOF2
expect_rc 0 "import with pronouns and field" -- "$TACT_BIN" import people.jsonl
ids=$("$TACT_BIN" --json list | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(str(x["id"]) for x in sorted(d, key=lambda x: x["id"])))')
nurse=$(echo "$ids" | cut -d' ' -f2)
tech=$(echo "$ids" | cut -d' ' -f3)
printf '{"candidate": "A", "client": "B", "reasons": [{"category": "other", "visibility": "shareable"}], "pronouns": "xe"}\n' >bad.jsonl
expect_rc 65 "import refuses unknown pronouns" -- "$TACT_BIN" import bad.jsonl
expect_rc 0 "debrief of the nurse" -- "$TACT_BIN" debrief "$nurse" --seed 2
assert_contains "greets Tom by first name" "$OUT" "Tom"
assert_contains "calls the candidate Marcus" "$OUT" "Marcus"
assert_not_contains "no RN suffix spoken" "$OUT" "Bell, RN"
# Nobody met: a greeting with no invented name.
expect_rc 0 "debrief with nobody met" -- "$TACT_BIN" --json debrief "$tech" --seed 2
assert_jq "no one to greet" "$OUT" '.to == null'
assert_jq "the candidate by first name" "$OUT" '[.opening[] | select(test("Jordan"))] | length >= 1'

# --- locale ----------------------------------------------------------------------
: >us.txt
for s in $(seq 1 30); do "$TACT_BIN" debrief "$tech" --seed "$s" >>us.txt; done
assert_not_contains "US English: no pension" us.txt "pension"
assert_not_contains "US English: no annual leave" us.txt "annual leave"
assert_not_contains "US English: no -ise spelling" us.txt "organis"
printf '[scripts]\nlocale = en-GB\n[recruiter]\nname = Jamie Morgan\nfirm = Morgan Search\n' >"$XDG_CONFIG_HOME/tact/config"
: >gb.txt
for s in $(seq 1 30); do "$TACT_BIN" debrief "$tech" --seed "$s" >>gb.txt; done
assert_not_contains "British English: no 401(k)" gb.txt "401(k)"
assert_not_contains "British English: no PTO" gb.txt "PTO"
assert_not_contains "British English: no -ize spelling" gb.txt "organiz"
if grep -qE "401\\(k\\)|PTO|health insurance|organiz" us.txt && grep -qE "pension|annual leave|medical cover|organis" gb.txt; then
	ok "the locale changes the words said"
else fail "the locale changes the words said" "no benefit or -ize word in 30 seeds"; fi

# --- decline and notes -------------------------------------------------------------
expect_rc 0 "decline" -- "$TACT_BIN" decline "$nurse" --seed 4
tr '\n' ' ' <"$OUT" | tr -s ' ' >decline.joined
assert_contains "I wanted you to hear it from me" decline.joined "I wanted you to hear it from me"
assert_match "a dated next step" "$OUT" "(Monday|Tuesday|Wednesday|Thursday|Friday)"
assert_match "the candidate's thanks passed on" "$OUT" "[Tt]hank"
expect_rc 0 "decline --referral" -- "$TACT_BIN" decline "$nurse" --seed 4 --referral "Dana Kraus, a charge nurse I placed last year"
tr '\n' ' ' <"$OUT" | tr -s ' ' >decline.joined
assert_contains "the referral is offered" decline.joined "Dana Kraus, a charge nurse I placed last year"
expect_rc 0 "decline --format markdown" -- "$TACT_BIN" decline "$nurse" --seed 4 --format markdown
assert_contains "Markdown heading" "$OUT" "## Next steps"
expect_rc 0 "notes" -- "$TACT_BIN" notes "$nurse" --seed 4
assert_match "greets Tom by first name" "$OUT" "(Dear|Hi|Hello) Tom,"
assert_contains "a moment to fill in" "$OUT" "[a moment you remember]"
assert_contains "the client note is addressed to Tom" "$OUT" "To Tom Reyes, St. Brigid Medical (client)"
assert_not_contains "no team greeting" "$OUT" "team,"
assert_contains "signed from the config" "$OUT" "Jamie Morgan"
assert_contains "with the firm" "$OUT" "Morgan Search"
expect_rc 0 "notes --format markdown" -- "$TACT_BIN" notes "$nurse" --seed 4 --format markdown
assert_contains "Markdown note heading" "$OUT" "## To Tom Reyes (hiring manager)"
rm -f "$XDG_CONFIG_HOME/tact/config"
expect_rc 0 "notes with no config" -- "$TACT_BIN" notes "$nurse" --seed 4
assert_contains "a signature slot" "$OUT" "[your name]"

# --- variety over a generated vault ---------------------------------------------------
python3 "$E2E_DIR/voice_measure.py" gen 120 many.jsonl
expect_rc 0 "import 80 varied turndowns" -- "$TACT_BIN" import many.jsonl
mkdir -p scripts
for id in $("$TACT_BIN" --json list | python3 -c 'import json,sys; print(" ".join(str(x["id"]) for x in json.load(sys.stdin) if x["client"].startswith("Client ")))'); do
	for s in 101 202; do "$TACT_BIN" --json debrief "$id" --seed $((s * id)) >"scripts/$id-$s.json"; done
done
expect_rc 0 "variety: two seeds share under a third of their lines, no opening in more than a fifth" -- \
	python3 "$E2E_DIR/voice_measure.py" measure scripts
sed 's/^/  /' "$OUT"
