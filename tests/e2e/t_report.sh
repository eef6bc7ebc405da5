# t_report.sh - `tact report`, end to end: exact counts, suppression and
# refusal around K, consent, median, month-rounded date filters, quotes and
# their scrubbing, every format read back by a real parser (jq, Python's
# json and csv), no name in any output, CMS encryption opened by
# `openssl cms -decrypt`, and a tampered record stopping the report.
#
# Sourced by run.sh (with lib.sh) in a fresh folder.  One passphrase
# derivation for init and one for unlock; everything else runs on the session.

V=$PWD/vault.db
TV=("$TACT_BIN" --vault "$V")
PY=(/usr/bin/python3 -I)
printf 'report test passphrase\n' >pw

# Candidates: eight at Acme with consent, two at Acme without, three at Globex.
ACME=("Ophelia Brightwater" "Cassius Thornbury" "Imogen Featherstone" "Lysander Oakhurst"
	"Peregrine Ashdown" "Rosalind Kettleby" "Evander Whitlock" "Seraphina Holloway")
NONE=("Octavia Pemberton" "Barnaby Fairweather")
GLOBEX=("Cordelia Ravensworth" "Leopold Hargreave" "Winifred Stanhope")
MET=("Thaddeus Wimbleton" "Marigold Everhart")

# The turndowns, one JSON object a line.  Acme's declines take 3, 5, 7, 9,
# 12, 13, 15 and 17 days, plus Ophelia's second turndown (21 days, in March):
# median 12 over all nine, 10.5 over the eight of January and February.
# Reasons at Acme: compensation from all 8 candidates (Ophelia twice),
# process from 5 (= K), hr in confidence from 4 (= K-1), equity from 1;
# relocation only from the two who did not consent.
"${PY[@]}" - <<'EOF'
import json
acme = ["Ophelia Brightwater", "Cassius Thornbury", "Imogen Featherstone", "Lysander Oakhurst",
        "Peregrine Ashdown", "Rosalind Kettleby", "Evander Whitlock", "Seraphina Holloway"]
notes = [
    "Ophelia felt the base pay was low; reach her at ophelia.b@example.com.",
    "thaddeus wimbleton made the process slow. Call 555-123-4567.",
    "Marigold Everhart's team was lovely but the package lagged. Phone +44 20 7946 0958.",
    "Cassius said Thaddeus was hard work; (555) 123-4567 is his number.",
    "The commute was fine. imogen.f@mail.example.org for follow-up, or 07700 900123.",
    "Compensation was the main issue, per Peregrine Ashdown; 555.123.4567.",
    "Everhart and Wimbleton were both on the panel. Lysander liked the culture.",
    "Rosalind mentioned Evander from her old team; she is at +1 415 555 0199.",
]
offers = ["2026-01-02", "2026-01-05", "2026-01-18", "2026-01-19",
          "2026-01-22", "2026-02-01", "2026-02-05", "2026-02-08"]
days = [3, 5, 7, 9, 12, 13, 15, 17]
met = [{"name": "Thaddeus Wimbleton", "role": "hr", "impression": "negative"},
       {"name": "Marigold Everhart", "role": "hiring-manager", "impression": "positive"}]
import datetime
def plus(d, n):
    return (datetime.date.fromisoformat(d) + datetime.timedelta(days=n)).isoformat()
rows = []
for i, name in enumerate(acme):
    reasons = [{"category": "compensation", "visibility": "shareable"}]
    if i < 5:
        reasons.append({"category": "process", "visibility": "shareable"})
    if i < 4:
        reasons.append({"category": "hr", "visibility": "confidential"})
    if i == 7:
        reasons.append({"category": "equity", "visibility": "shareable"})
    rows.append({"candidate": name, "client": "Acme Health", "role": "CFO",
                 "offer_date": offers[i], "decline_date": plus(offers[i], days[i]),
                 "reasons": reasons, "confidential": "pelicanmarker: in the end the number "
                 "of rounds put me off, and Gideon Thrushcross in finance was rude to me.",
                 "shareable": notes[i], "met": met, "consent": "aggregate"})
rows.append({"candidate": acme[0], "client": "Acme Health", "role": "CFO",
             "offer_date": "2026-03-01", "decline_date": "2026-03-22",
             "reasons": [{"category": "compensation", "visibility": "shareable"}],
             "confidential": "pelicanmarker again", "shareable":
             "Second time: Ophelia Brightwater again found the offer below market.",
             "met": met, "consent": "aggregate"})
for name in ["Octavia Pemberton", "Barnaby Fairweather"]:
    rows.append({"candidate": name, "client": "Acme Health", "role": "CFO",
                 "offer_date": "2026-01-01", "decline_date": "2026-02-20",
                 "reasons": [{"category": "relocation", "visibility": "shareable"}],
                 "shareable": "zebrafinch wanted to stay put", "consent": "none"})
for name in ["Cordelia Ravensworth", "Leopold Hargreave", "Winifred Stanhope"]:
    rows.append({"candidate": name, "client": "Globex", "decline_date": "2026-01-15",
                 "reasons": [{"category": "remote", "visibility": "shareable"}],
                 "shareable": "Wanted remote work.", "consent": "aggregate"})
with open("turndowns.jsonl", "w") as f:
    for r in rows:
        f.write(json.dumps(r) + "\n")
EOF

expect_rc 0 "report setup: init" -- "${TV[@]}" --passphrase-file pw init
expect_rc 0 "report setup: unlock" -- "${TV[@]}" --passphrase-file pw unlock
eval "$(cat "$OUT")"
export TACT_SESSION
expect_rc 0 "report setup: import" -- "${TV[@]}" import turndowns.jsonl

# no_names NAME FILE: FILE names no candidate and no person met, nor any
# confidential text, and holds no e-mail address or phone number.
no_names() {
	local n w bad=""
	for n in "${ACME[@]}" "${NONE[@]}" "${GLOBEX[@]}" "${MET[@]}"; do
		for w in $n; do
			grep -qiF -- "$w" "$2" && bad="$bad $w"
		done
	done
	grep -qF pelicanmarker "$2" && bad="$bad (confidential note)"
	grep -qiF thrushcross "$2" && bad="$bad (a name only in confidence)"
	grep -qF zebrafinch "$2" && bad="$bad (note without consent)"
	grep -qE '@|555|7946|900123|0199' "$2" && bad="$bad (contact details)"
	grep -qE '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "$2" && bad="$bad (a full date)"
	if [ -z "$bad" ]; then ok "$1"; else fail "$1" "found:$bad"; fi
}

# no_plaintext NAME FILE: an encrypted FILE holds no name and no marker of the
# plain report.  Whole names and long markers only: short words and digit
# runs turn up in base64 by chance.
no_plaintext() {
	local n bad=""
	for n in "${ACME[@]}" "${NONE[@]}" "${GLOBEX[@]}" "${MET[@]}" "Acme Health" \
	    pelicanmarker thrushcross zebrafinch compensation; do
		grep -qiF -- "$n" "$2" && bad="$bad $n"
	done
	if [ -z "$bad" ]; then ok "$1"; else fail "$1" "found:$bad"; fi
}

# The reports below are about counting, formats and dates, and try many
# scopes on one vault: each starts from an empty ledger, as on a fresh vault
# (the ledger's refusals are t_ledger.sh's).
fresh_report() {
	sqlite3 "$V" "DELETE FROM releases; DELETE FROM release_gone;" && "$@"
}

# --- counts, text format ---
expect_rc 0 "text report for Acme" -- fresh_report "${TV[@]}" report --client "Acme Health"
cp "$OUT" text.out
assert_match "text: 9 turndowns from 8 candidates" text.out \
    '^Turndowns: +9, from 8 consenting candidates$'
assert_match "text: compensation 8 with the longest bar" text.out \
    '^compensation +8  #{40}$'
assert_match "text: process 5 = K is shown, with a bar" text.out '^process +5  #{25}$'
assert_match "text: hr 4 = K-1 is <5, no bar" text.out '^hr +<5$'
assert_match "text: equity 1 is <5" text.out '^equity +<5$'
assert_match "text: relocation (only without consent) is listed as <5" text.out '^relocation +<5$'
assert_eq "text: every category, every time" "$(grep -cE '^[a-z-]+ +(<5|[0-9]+)( |$)' text.out)" 24
assert_match "text: median of nine is 12 days" text.out '^Median: +12 days, offer to decline$'
assert_contains "text: names the client" text.out "Acme Health"
check "text: count column is aligned" "${PY[@]}" -c '
import re, sys
rows = [l for l in open(sys.argv[1]) if re.match(r"^[a-z-]+ +(<?\d+)( |$)", l)]
ends = {re.match(r"^[a-z-]+ +<?\d+", l).end() for l in rows}
sys.exit(0 if len(rows) == 24 and len(ends) == 1 else 1)' text.out
no_names "text: no names, contact details or confidential text" text.out

# --- JSON, read back by jq and Python ---
expect_rc 0 "json report" -- fresh_report "${TV[@]}" report --client "Acme Health" --format json
cp "$OUT" report.json
assert_jq "json: scope" report.json \
    '.scope == {"client": "Acme Health", "since": null, "until": null}'
assert_jq "json: min_group and turndowns" report.json '.min_group == 5 and .turndowns == 9'
assert_jq "json: compensation counts 8 distinct candidates" report.json \
    '.reasons[] | select(.category == "compensation") | .count == 8 and .suppressed == false'
assert_jq "json: process at K is shown" report.json \
    '.reasons[] | select(.category == "process") | .count == 5 and .suppressed == false'
assert_jq "json: hr at K-1 is null and suppressed" report.json \
    '.reasons[] | select(.category == "hr") | .count == null and .suppressed == true'
assert_jq "json: relocation and remote (nobody counted) listed, suppressed" report.json \
    '(.reasons | length == 24) and ([.reasons[] | select(.category == "relocation" or
     .category == "remote") | .count == null and .suppressed] == [true, true])'
assert_jq "json: median 12, no quotes unasked" report.json \
    '.median_days_to_decline == 12 and .quotes == []'
check "json: Python's json reads it" "${PY[@]}" -c '
import json, sys
j = json.load(open(sys.argv[1]))
assert set(j) >= {"scope", "min_group", "turndowns", "reasons", "median_days_to_decline", "quotes"}
assert all(set(r) == {"category", "count", "suppressed"} for r in j["reasons"])' report.json
no_names "json: no names" report.json
expect_rc 0 "global --json gives the JSON report" -- fresh_report "${TV[@]}" --json report --client "Acme Health"
assert_jq "global --json: same counts" "$OUT" '.turndowns == 9'

# --- CSV, read back by Python's csv module ---
expect_rc 0 "csv report" -- fresh_report "${TV[@]}" report --client "Acme Health" --format csv
cp "$OUT" report.csv
check "csv: header category,count and exact rows" "${PY[@]}" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0] == ["category", "count"], rows[0]
got = dict(rows[1:])
assert len(rows) == 25 and len(got) == 24, rows
assert {k: v for k, v in got.items() if v != "<5"} == {"compensation": "8", "process": "5"}, got
assert got["hr"] == got["equity"] == got["relocation"] == "<5", got
assert rows[1][0] == "compensation"' report.csv
assert_eq "csv: RFC 4180 line ends" "$(head -n1 report.csv | od -An -c | tr -d ' \n')" \
    'category,count\r\n'
no_names "csv: no names" report.csv
expect_rc 64 "csv with --quotes is refused" -- fresh_report "${TV[@]}" report --format csv --quotes
stderr_one_line "csv with --quotes: one-line error"

# --- Markdown ---
expect_rc 0 "markdown report" -- fresh_report "${TV[@]}" report --client "Acme Health" --format markdown
cp "$OUT" report.md
assert_contains "markdown: table header" report.md "| Reason | Candidates |"
assert_contains "markdown: compensation row" report.md "| compensation | 8 |"
assert_contains "markdown: suppressed row" report.md "| hr | <5 |"
no_names "markdown: no names" report.md

# --- K: suppression, refusal, the floor ---
expect_rc 0 "K=4: hr at K is shown" -- fresh_report "${TV[@]}" report --client "Acme Health" --min-group 4 \
    --format json
assert_jq "K=4: hr 4 shown" "$OUT" \
    '.reasons[] | select(.category == "hr") | .count == 4 and .suppressed == false'
expect_rc 0 "K=8: exactly K candidates is a report" -- fresh_report "${TV[@]}" report --client "Acme Health" \
    --min-group 8
expect_rc 65 "K=9: fewer than K candidates is refused" -- fresh_report "${TV[@]}" report \
    --client "Acme Health" --min-group 9
stderr_one_line "refused scope: one-line error"
assert_contains "refused scope: names K" "$ERR" "fewer than 9"
assert_eq "refused scope: nothing on stdout" "$(wc -c <"$OUT")" 0
expect_rc 65 "Globex has 3 candidates: refused at the default K" -- fresh_report "${TV[@]}" report \
    --client Globex
assert_contains "Globex: names K 5" "$ERR" "fewer than 5"
expect_rc 64 "--min-group 2 is refused" -- fresh_report "${TV[@]}" report --min-group 2
assert_contains "--min-group 2: names the floor 3" "$ERR" "at least 3"
stderr_one_line "--min-group 2: one-line error"
expect_rc 0 "--min-group 3 is allowed" -- fresh_report "${TV[@]}" report --client Globex --min-group 3
expect_rc 66 "unknown client" -- fresh_report "${TV[@]}" report --client "Initech"
stderr_one_line "unknown client: one-line error"

# --- all clients ---
expect_rc 0 "all clients" -- fresh_report "${TV[@]}" report --format json
assert_jq "all clients: 12 turndowns, remote from 3 is suppressed" "$OUT" \
    '.turndowns == 12 and .scope.client == null and
     (.reasons[] | select(.category == "remote") | .suppressed)'

# --- dates, widened to whole months ---
expect_rc 0 "--until 2026-02: eight turndowns" -- fresh_report "${TV[@]}" report --client "Acme Health" \
    --until 2026-02 --format json
assert_jq "--until 2026-02: even median 10.5" "$OUT" \
    '.turndowns == 8 and .median_days_to_decline == 10.5 and .scope.until == "2026-02"'
expect_rc 0 "--since mid-February widens to the 1st" -- fresh_report "${TV[@]}" report \
    --client "Acme Health" --since 2026-02-15 --format json
assert_jq "--since 2026-02-15 counts declines from 2026-02-01, scope in months" "$OUT" \
    '.turndowns == 5 and .scope.since == "2026-02" and .scope.until == null'
expect_rc 0 "--until mid-January widens to the 31st" -- fresh_report "${TV[@]}" report \
    --client "Acme Health" --until 2026-01-20 --min-group 3 --format json
assert_jq "--until 2026-01-20 counts declines to 2026-01-31" "$OUT" \
    '.turndowns == 4 and .scope.until == "2026-01"'
expect_rc 0 "month range in text" -- fresh_report "${TV[@]}" report --client "Acme Health" \
    --since 2026-01-10 --until 2026-02-03
assert_contains "text: period in months" "$OUT" "2026-01 to 2026-02"
assert_not_contains "text: no day in the period" "$OUT" "2026-01-10"
expect_rc 65 "--since 2026-03: one candidate, refused" -- fresh_report "${TV[@]}" report \
    --client "Acme Health" --since 2026-03
expect_rc 65 "a bad date" -- fresh_report "${TV[@]}" report --since 2026-02-30
stderr_one_line "bad date: one-line error"
expect_rc 64 "--since after --until" -- fresh_report "${TV[@]}" report --since 2026-03 --until 2026-01

# --- quotes ---
expect_rc 0 "quotes need notes from 2K candidates (8 < 10)" -- fresh_report "${TV[@]}" report \
    --client "Acme Health" --quotes --format json
assert_jq "quotes withheld at K=5" "$OUT" '.quotes == []'
expect_rc 0 "quotes withheld: said in text" -- fresh_report "${TV[@]}" report --client "Acme Health" --quotes
assert_contains "text: quotes withheld" "$OUT" "Quotes withheld: under 10 candidates"
expect_rc 0 "quotes at K=4 (8 >= 8)" -- fresh_report "${TV[@]}" report --client "Acme Health" --quotes \
    --min-group 4 --format json --seed 11
cp "$OUT" quotes.json
assert_jq "quotes: all nine consenting notes, none of the others" quotes.json \
    '(.quotes | length) == 9'
assert_jq "quotes: names replaced" quotes.json \
    '[.quotes[] | select(contains("[name]"))] | length >= 7'
assert_jq "quotes: e-mails replaced" quotes.json \
    '[.quotes[] | select(contains("[email]"))] | length == 2'
assert_jq "quotes: phones in six formats replaced" quotes.json \
    '[.quotes[] | select(contains("[phone]"))] | length == 6'
assert_jq "quotes: adjacent names merged" quotes.json \
    'any(.quotes[]; . == "[name]'"'"'s team was lovely but the package lagged. Phone [phone].")'
assert_jq "quotes: ordinary words kept" quotes.json \
    'any(.quotes[]; startswith("Compensation was the main issue, per [name]; [phone]."))'
no_names "quotes (json): no names, contact details, dates or confidential text" quotes.json
expect_rc 0 "quotes in text" -- fresh_report "${TV[@]}" report --client "Acme Health" --quotes --min-group 4
cp "$OUT" quotes.txt
assert_contains "text: quotes section" quotes.txt "Quotes (shareable notes"
no_names "quotes (text): no names" quotes.txt
expect_rc 0 "quotes in markdown" -- fresh_report "${TV[@]}" report --client "Acme Health" --quotes \
    --min-group 4 --format markdown
cp "$OUT" quotes.md
assert_contains "markdown: quotes as block quotes" quotes.md "> "
no_names "quotes (markdown): no names" quotes.md
expect_rc 0 "same seed, same report" -- fresh_report "${TV[@]}" report --client "Acme Health" --quotes \
    --min-group 4 --format json --seed 11
assert_eq "same seed: identical output" "$(cat "$OUT")" "$(cat quotes.json)"
shuffled=0
for s in 1 2 3 4 5; do
	"${TV[@]}" report --client "Acme Health" --quotes --min-group 4 --format json --seed $s \
	    | jq -c .quotes >>orders 2>/dev/null
done
[ "$(sort -u orders | wc -l)" -gt 1 ] && shuffled=1
assert_eq "different seeds shuffle the quotes" "$shuffled" 1

# --- the debrief's confidentiality rule (SPEC 5) holds for reports too ---
# Checked by the team's independent checker, for every Acme turndown against
# every output with quotes: no run of 3 words of a confidential note, no
# person met seen neutrally or negatively, no one named only in confidence.
if [ -f "$E2E_DIR/debrief_rule.py" ]; then
	"${PY[@]}" - >rule_args <<'EOF'
import json
for line in open("turndowns.jsonl"):
    t = json.loads(line)
    if t["client"] != "Acme Health" or t["consent"] != "aggregate":
        continue
    args = ["--confidential", t.get("confidential", ""), "--shareable", t.get("shareable", ""),
            "--candidate", t["candidate"], "--client", t["client"]]
    for m in t.get("met", []):
        args += ["--met", "%s:%s:%s" % (m["name"], m["role"], m["impression"])]
    print(json.dumps(args))
EOF
	bad=0
	while IFS= read -r args; do
		mapfile -t a < <(jq -r '.[]' <<<"$args")
		for f in quotes.txt quotes.md text.out report.md; do
			"${PY[@]}" "$E2E_DIR/debrief_rule.py" check "${a[@]}" "$f" >rule.out 2>&1 ||
			    { bad=$((bad + 1)); cat rule.out; }
		done
		for f in quotes.json report.json; do
			"${PY[@]}" "$E2E_DIR/debrief_rule.py" check --json "${a[@]}" "$f" >rule.out 2>&1 ||
			    { bad=$((bad + 1)); cat rule.out; }
		done
	done <rule_args
	assert_eq "confidentiality rule holds in every format (9 turndowns x 6 outputs)" "$bad" 0
	assert_eq "rule check ran for 9 turndowns" "$(wc -l <rule_args)" 9
fi

# --- encryption for a client's certificate ---
if openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=client -keyout k.pem -out c.pem \
    -days 2 >/dev/null 2>&1; then
	ok "openssl makes a test certificate"
else
	fail "openssl makes a test certificate" "openssl req failed"
fi
for fmt in text markdown csv json; do
	q=--quotes
	[ $fmt = csv ] && q=
	"${TV[@]}" report --client "Acme Health" --min-group 4 $q --seed 5 --format $fmt \
	    >plain.$fmt 2>/dev/null
	expect_rc 0 "encrypted $fmt report to a file" -- fresh_report "${TV[@]}" report --client "Acme Health" \
	    --min-group 4 $q --seed 5 --format $fmt --encrypt-to c.pem --output out.$fmt.p7m
	assert_mode "encrypted $fmt: file is 0600" out.$fmt.p7m 600
	assert_eq "encrypted $fmt: nothing on stdout" "$(wc -c <"$OUT")" 0
	no_plaintext "encrypted $fmt: no names in the envelope" out.$fmt.p7m
	if openssl cms -decrypt -in out.$fmt.p7m -inkey k.pem -recip c.pem -out dec.$fmt \
	    2>cms.err && cmp -s dec.$fmt plain.$fmt; then
		ok "encrypted $fmt: openssl cms -decrypt gives the plain report byte for byte"
	else
		fail "encrypted $fmt: openssl cms -decrypt gives the plain report byte for byte" \
		    "$(head -c 300 cms.err)"
	fi
done
expect_rc 0 "AES-256-CBC for older tools" -- fresh_report "${TV[@]}" report --client "Acme Health" \
    --min-group 4 --quotes --seed 5 --format json --encrypt-to c.pem --cipher aes-256-cbc \
    --output out.cbc.p7m
assert_contains "CBC: plain enveloped data" out.cbc.p7m "smime-type=enveloped-data"
if openssl cms -decrypt -in out.cbc.p7m -inkey k.pem -recip c.pem -out dec.cbc 2>cms.err &&
    cmp -s dec.cbc plain.json; then
	ok "CBC: openssl cms -decrypt gives the plain report byte for byte"
else
	fail "CBC: openssl cms -decrypt gives the plain report byte for byte" "$(head -c 300 cms.err)"
fi
expect_rc 64 "--cipher without --encrypt-to" -- fresh_report "${TV[@]}" report --cipher aes-256-cbc
expect_rc 64 "an unknown cipher" -- fresh_report "${TV[@]}" report --encrypt-to c.pem --cipher rot13
expect_rc 0 "encrypted report to stdout" -- fresh_report "${TV[@]}" report --client "Acme Health" \
    --encrypt-to c.pem
assert_contains "stdout envelope is S/MIME" "$OUT" "MIME-Version: 1.0"
assert_contains "stdout envelope is CMS, AES-256-GCM by default" "$OUT" \
    "application/pkcs7-mime; smime-type=authEnveloped-data"
assert_not_contains "stdout envelope hides the report" "$OUT" "compensation"
expect_rc 73 "--output never overwrites" -- fresh_report "${TV[@]}" report --client "Acme Health" \
    --encrypt-to c.pem --output out.text.p7m
stderr_one_line "--output exists: one-line error"
ln -s somewhere link.p7m
expect_rc 73 "--output never follows a link" -- fresh_report "${TV[@]}" report --client "Acme Health" \
    --encrypt-to c.pem --output link.p7m
assert_absent "--output link: nothing created" somewhere
expect_rc 64 "--output without --encrypt-to" -- fresh_report "${TV[@]}" report --output plain.out
assert_absent "--output without --encrypt-to: nothing written" plain.out
printf 'just some text\n' >notacert.pem
expect_rc 65 "a file that is not a certificate" -- fresh_report "${TV[@]}" report --encrypt-to notacert.pem
stderr_one_line "not a certificate: one-line error"
assert_contains "not a certificate: says so" "$ERR" "'notacert.pem' is not a PEM X.509 certificate"
expect_rc 65 "a private key is not a certificate" -- fresh_report "${TV[@]}" report --encrypt-to k.pem
expect_rc 66 "a missing certificate" -- fresh_report "${TV[@]}" report --encrypt-to missing.pem
stderr_one_line "missing certificate: one-line error"
expect_rc 65 "refused scope writes no envelope" -- fresh_report "${TV[@]}" report --client Globex \
    --encrypt-to c.pem --output refused.p7m
assert_absent "refused scope: no output file" refused.p7m

# --- a tampered record stops the report ---
if command -v sqlite3 >/dev/null 2>&1; then
	id=$(sqlite3 "$V" "SELECT min(id) FROM turndowns")
	sqlite3 "$V" "UPDATE turndowns SET signals = zeroblob(length(signals)) WHERE id = $id"
	expect_rc 65 "a tampered turndown stops the report" -- fresh_report "${TV[@]}" report
	stderr_one_line "tampered: one-line error"
	assert_contains "tampered: names the record" "$ERR" "turndown $id"
	assert_eq "tampered: nothing on stdout" "$(wc -c <"$OUT")" 0
else
	fail "sqlite3 for the tamper test" "sqlite3 is not installed"
fi
