# t_security.sh - the guarantees of SPEC section 7, each proved by a test
# that fails if the guarantee breaks:
#   - no plaintext of names, notes, reasons or roles in any file of the
#     vault's folder, the WAL included, and nothing of a forgotten candidate
#     (not even their wrapped key or ciphertext bytes) after `forget`;
#   - a flipped byte in any sealed column, or a ciphertext copied into another
#     row or candidate, is caught (exit 65, the turndown named) while the
#     other turndowns stay readable;
#   - a wrong passphrase exits 77 and leaves the vault byte for byte;
#   - `import` killed with SIGKILL leaves the vault as it was, never partial;
#   - two processes logging at once both land, nothing lost.

VD=$PWD/vault
V=$VD/v.db
printf 'pass one\n' >pw
expect_rc 0 "setup: init" -- "$TACT_BIN" --vault "$V" --passphrase-file pw init --weak-passphrase
eval "$("$TACT_BIN" --vault "$V" --passphrase-file pw unlock)"
export TACT_VAULT=$V
if [ -n "${TACT_SESSION:-}" ]; then ok "setup: unlock"; else fail "setup: unlock" "no session"; fi

# Prints the checksums of the vault's files, on one line.
snap() {
	snapshot "$V" "$V-wal" "$V-shm" "$V-journal" | cut -d' ' -f1 | tr '\n' ' '
}

count_all() {
	"$TACT_BIN" --json list 2>/dev/null | jq length 2>/dev/null || echo error
}

# Prints how many 16-byte pieces of the hex blobs in file HEXES (one a line)
# occur in any of FILES.
cat >pieces.py <<'EOF'
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
EOF

# ---- no plaintext at rest -------------------------------------------------------

# Another connection keeps the database open, so the WAL is not folded back
# and removed when tact exits: what tact writes is checked in the WAL too.
holder=
if sqlite_only "a second connection keeps the WAL to check"; then
/usr/bin/python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("SELECT count(*) FROM meta").fetchall()
time.sleep(120)' "$V" &
holder=$!
sleep 0.3
fi # sqlite_only

secret_strings=("Quillon Vexmoor" "quillon vexmoor" "QUILLON" "Zyphrax Biolabs" "zyphrax"
	"Chief Obsidian Officer" "Ortolan shouted at me daily" "prefers the Brindleford office"
	"Wenceslas Thrumble" "Ysolde Parminter" "Marisol Quenby" "Halcyon Ferroworks"
	"Lead Tinsmith" "Halvard mocked my accent" "Kestrelbury" "Ignatius Fobble"
	"partner-career" "counteroffer" "relocation" "hiring-manager" "negative" "positive")
gone_strings=("Forgettable Brannagh" "forgettable brannagh" "Oblivion Widgets"
	"Memory Architect" "Brannagh lament in confidence" "Brannagh open remark"
	"Cornelius Dredge" "Brannagh second note")

expect_rc 0 "plaintext: log" -- "$TACT_BIN" log --candidate 'Quillon Vexmoor' \
	--client 'Zyphrax Biolabs' --role 'Chief Obsidian Officer' --offer-date 2026-01-02 \
	--decline-date 2026-01-09 --reason partner-career:confidential --reason counteroffer \
	--confidential 'The manager Ortolan shouted at me daily' \
	--share 'He prefers the Brindleford office' --met 'Wenceslas Thrumble:hr:negative' \
	--met 'Ysolde Parminter:executive:positive'
printf '%s\n' '{"candidate": "Marisol Quenby", "client": "Halcyon Ferroworks", "role": "Lead Tinsmith", "decline_date": "2026-01-12", "reasons": [{"category": "relocation", "visibility": "confidential"}, {"category": "hiring-manager", "visibility": "shareable"}], "confidential": "Halvard mocked my accent", "shareable": "She wants a Kestrelbury relocation", "met": [{"name": "Ignatius Fobble", "role": "hiring-manager", "impression": "negative"}]}' >plain.jsonl
expect_rc 0 "plaintext: import" -- "$TACT_BIN" import plain.jsonl
expect_rc 0 "plaintext: log the one to forget" -- "$TACT_BIN" --json log \
	--candidate 'Forgettable Brannagh' --client 'Oblivion Widgets' --role 'Memory Architect' \
	--reason relocation:confidential --confidential 'Brannagh lament in confidence' \
	--share 'Brannagh open remark' --met 'Cornelius Dredge:peer:neutral'
gone_cand=$(jq -r .candidate "$OUT" 2>/dev/null)
expect_rc 0 "plaintext: and a second turndown of theirs" -- "$TACT_BIN" log \
	--candidate 'forgettable  BRANNAGH' --client 'Zyphrax Biolabs' --reason culture \
	--confidential 'Brannagh second note'
expect_rc 0 "plaintext: everything reads back" -- "$TACT_BIN" show 1 --confidential
assert_contains "plaintext: it is all there" "$OUT" "Wenceslas Thrumble"

if on_pg; then
	# The database (every row, as lib.sh's assert_no_plaintext dumps it) and
	# the session folder hold no plaintext; forget leaves no byte of the
	# candidate's blobs or wrapped key in any row.
	for s in "${secret_strings[@]}" "${gone_strings[@]}"; do
		assert_no_plaintext "plaintext: no '$s' in the vault's database" "$s" "$V" \
			"$XDG_RUNTIME_DIR"/tact/*
	done
	gone_cand=${gone_cand:-0}
	pg_vault_sql "$V" "SELECT encode(b, 'hex') FROM (
		SELECT 1 AS o, wrapped_key AS b FROM candidates WHERE id = $gone_cand
		UNION ALL SELECT 2, name FROM candidates WHERE id = $gone_cand
		UNION ALL SELECT 3, blind FROM candidates WHERE id = $gone_cand
		UNION ALL SELECT 4, unnest(ARRAY[signals, people, shareable, confidential])
		FROM turndowns WHERE candidate_id = $gone_cand) AS theirs ORDER BY o" >gone.hex 2>psql.err
	assert_eq "forget: 3 + 2 x 4 blobs of theirs read" "$(grep -c . gone.hex)" 11
	pg_vault_sql "$V" "SELECT encode(wrapped_key, 'hex') FROM candidates WHERE id = $gone_cand" \
		>gone-key.hex
	pg_vault_dump "$V" vault.dump
	assert_eq "forget: the wrapped key is found before" \
		"$(/usr/bin/python3 pieces.py gone-key.hex vault.dump)" 5
	before_pieces=$(/usr/bin/python3 pieces.py gone.hex vault.dump)
	if [ "${before_pieces:-0}" -gt 20 ]; then ok "forget: their ciphertexts are found before"; else
		fail "forget: their ciphertexts are found before" "only ${before_pieces:-0} pieces"; fi
	others_before=$(count_all)
	expect_rc 0 "forget: the candidate" -- "$TACT_BIN" forget 'Forgettable Brannagh' --yes
	pg_vault_dump "$V" vault.dump
	assert_eq "forget: no piece of theirs left in any row" \
		"$(/usr/bin/python3 pieces.py gone.hex vault.dump)" 0
	assert_eq "forget: no piece of the wrapped key left" \
		"$(/usr/bin/python3 pieces.py gone-key.hex vault.dump)" 0
	for s in "${gone_strings[@]}"; do
		assert_no_plaintext "forget: no '$s' left" "$s" "$V"
	done
	assert_eq "forget: the others are kept" "$(count_all)" $((others_before - 2))
	expect_rc 0 "forget: the others still open" -- "$TACT_BIN" show 1 --confidential
	assert_contains "forget: the others' notes intact" "$OUT" "Ortolan shouted"
	sqlite_only "the vault's folder after the last connection closes"
else
vault_files=("$V" "$V-wal" "$V-shm" "$V-journal")
if [ -s "$V-wal" ]; then ok "plaintext: the WAL is there to check"; else
	fail "plaintext: the WAL is there to check" "no $V-wal while another connection is open"; fi
for s in "${secret_strings[@]}" "${gone_strings[@]}"; do
	assert_no_plaintext "plaintext: no '$s' in the vault's folder" "$s" "$V" "$V-wal" \
		"$V-shm" "$VD"/* "$XDG_RUNTIME_DIR"/tact/* --may-be-absent "$V-journal"
done

# Forget: first take the bytes of everything that is theirs.
gone_cand=${gone_cand:-0}
sqlite3 "$V" "SELECT hex(wrapped_key) FROM candidates WHERE id = $gone_cand;
	SELECT hex(name) FROM candidates WHERE id = $gone_cand;
	SELECT hex(blind) FROM candidates WHERE id = $gone_cand;
	SELECT hex(signals) || char(10) || hex(people) || char(10) || hex(shareable) || char(10) ||
	hex(confidential) FROM turndowns WHERE candidate_id = $gone_cand;" >gone.hex 2>sqlite.err
assert_eq "forget: 3 + 2 x 4 blobs of theirs read" "$(grep -c . gone.hex)" 11
key_pieces=$(sqlite3 "$V" "SELECT hex(wrapped_key) FROM candidates WHERE id = $gone_cand" |
	tee gone-key.hex | /usr/bin/python3 pieces.py /dev/stdin "${vault_files[@]}")
assert_eq "forget: the wrapped key is found before" "$key_pieces" 5
before_pieces=$(/usr/bin/python3 pieces.py gone.hex "${vault_files[@]}")
if [ "${before_pieces:-0}" -gt 20 ]; then ok "forget: their ciphertexts are found before"; else
	fail "forget: their ciphertexts are found before" "only ${before_pieces:-0} pieces"; fi
others_before=$(count_all)
expect_rc 0 "forget: the candidate" -- "$TACT_BIN" forget 'Forgettable Brannagh' --yes
assert_eq "forget: no piece of theirs left in any vault file" \
	"$(/usr/bin/python3 pieces.py gone.hex "${vault_files[@]}")" 0
assert_eq "forget: no piece of the wrapped key left" \
	"$(/usr/bin/python3 pieces.py gone-key.hex "${vault_files[@]}")" 0
for s in "${gone_strings[@]}"; do
	assert_no_plaintext "forget: no '$s' left" "$s" "$V" "$V-wal" "$V-shm" "$VD"/* \
		--may-be-absent "$V-journal"
done
assert_eq "forget: the others are kept" "$(count_all)" $((others_before - 2))
expect_rc 0 "forget: the others still open" -- "$TACT_BIN" show 1 --confidential
assert_contains "forget: the others' notes intact" "$OUT" "Ortolan shouted"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
# Once every connection is closed, the folded-back file is clean too.
expect_rc 0 "plaintext: list after the last close" -- "$TACT_BIN" list
for s in "${secret_strings[@]}" "${gone_strings[@]}"; do
	assert_no_plaintext "plaintext: no '$s' after the last close" "$s" "$V" "$VD"/* \
		--may-be-absent "$V-wal" "$V-shm" "$V-journal"
done
assert_eq "forget: nothing of theirs after the last close" \
	"$(/usr/bin/python3 pieces.py gone.hex "$VD"/*)" 0
fi # on_pg

# ---- wrong passphrase -----------------------------------------------------------

printf 'pass two\n' >badpw
before=$(snap)
for cmd in "list" "show 1" "log --candidate Wrong --client Wrong --reason hr" \
	"forget 1 --yes" "import plain.jsonl" "unlock"; do
	# shellcheck disable=SC2086
	expect_rc 77 "wrong passphrase: $cmd" -- env -u TACT_SESSION "$TACT_BIN" \
		--passphrase-file badpw $cmd
	stderr_one_line "wrong passphrase: $cmd: one-line error"
	assert_eq "wrong passphrase: $cmd: vault byte-identical" "$(snap)" "$before"
done
expect_rc 77 "no passphrase, no terminal" -- env -u TACT_SESSION "$TACT_BIN" list
assert_contains "no passphrase: says how to give one" "$ERR" "--passphrase-file"
expect_rc 77 "a forged session token" -- env TACT_SESSION=tact1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA "$TACT_BIN" list
tok2=$(eval "$("$TACT_BIN" --passphrase-file pw unlock)"; printf '%s' "$TACT_SESSION")
expect_rc 0 "a second session works" -- env TACT_SESSION="$tok2" "$TACT_BIN" list
expect_rc 0 "lock it" -- env TACT_SESSION="$tok2" "$TACT_BIN" lock
expect_rc 77 "a locked session" -- env TACT_SESSION="$tok2" "$TACT_BIN" list
assert_eq "wrong passphrases changed nothing" "$(snap)" "$before"

# ---- tampering and swapping -------------------------------------------------------

# A vault of its own: 1 Alice/Acme, 2 Bob/Beta, 3 Alice/Acme, 4 Carol/Acme.
TV=$PWD/tam.db
"$TACT_BIN" --vault "$TV" --passphrase-file pw init --weak-passphrase >/dev/null 2>&1
ttok=$(eval "$("$TACT_BIN" --vault "$TV" --passphrase-file pw unlock)"; printf '%s' "$TACT_SESSION")
n=0
for spec in "Alice Ames:Acme:01" "Bob Brown:Beta:02" "Alice Ames:Acme:03" "Carol Cole:Acme:04"; do
	IFS=: read -r who client day <<<"$spec"
	n=$((n + 1))
	TACT_SESSION=$ttok "$TACT_BIN" --vault "$TV" log --candidate "$who" --client "$client" \
		--role "Role $n" --decline-date "2026-01-$day" --reason "compensation" \
		--reason hr:confidential --confidential "conf $n" --share "share $n" \
		--met "Person $n:peer:positive" >/dev/null 2>&1
done
assert_eq "tamper: four turndowns" "$(sqlite3 "$TV" 'SELECT count(*) FROM turndowns')" 4
bob=$(sqlite3 "$TV" "SELECT candidate_id FROM turndowns WHERE id = 2")
alice=$(sqlite3 "$TV" "SELECT candidate_id FROM turndowns WHERE id = 1")
carol=$(sqlite3 "$TV" "SELECT candidate_id FROM turndowns WHERE id = 4")
beta=$(sqlite3 "$TV" "SELECT client_id FROM turndowns WHERE id = 2")
acme=$(sqlite3 "$TV" "SELECT client_id FROM turndowns WHERE id = 1")

C=$PWD/copy.db
fresh_copy() {
	rm -f "$C" "$C-wal" "$C-shm"
	cp "$TV" "$C"
	[ -e "$TV-wal" ] && cp "$TV-wal" "$C-wal"
	return 0
}
tt() {
	env TACT_SESSION="$ttok" "$TACT_BIN" --vault "$C" "$@"
}

# flip TABLE COLUMN ID: flips one bit of byte 30 of that blob in the copy.
flip() {
	local hex new
	hex=$(sqlite3 "$C" "SELECT hex($2) FROM $1 WHERE id = $3")
	new=$(/usr/bin/python3 -c 'import sys; b = bytearray.fromhex(sys.argv[1]); b[30] ^= 0x10; print(b.hex())' "$hex")
	sqlite3 "$C" "UPDATE $1 SET $2 = X'$new' WHERE id = $3"
	if [ "$(sqlite3 "$C" "SELECT hex($2) FROM $1 WHERE id = $3")" != "$hex" ] &&
		[ ${#new} = ${#hex} ]; then
		return 0
	fi
	fail "tamper: flip $1.$2 $3" "the blob did not change"
}

# set_blob TABLE COLUMN ID HEX
set_blob() {
	sqlite3 "$C" "UPDATE $1 SET $2 = X'$4' WHERE id = $3"
}
get_blob() {
	sqlite3 "$C" "SELECT hex($2) FROM $1 WHERE id = $3"
}

# bad_record NAME ID [--confidential]: show ID fails 65 naming it.
bad_record() {
	local name=$1 id=$2
	shift 2
	expect_rc 65 "$name: show $id fails" -- tt show "$id" "$@"
	stderr_one_line "$name: one-line error"
	assert_contains "$name: names turndown $id" "$ERR" "turndown $id"
}

# good_records NAME ID...: each shows fine, confidential part included.
good_records() {
	local name=$1 id
	shift
	for id in "$@"; do
		expect_rc 0 "$name: turndown $id still shows" -- tt show "$id" --confidential
		assert_contains "$name: turndown $id's note" "$OUT" "conf $id"
	done
}

# listed NAME RC IDS: list exits RC and lists exactly IDS (in order).
listed() {
	expect_rc "$2" "$1: list exits $2" -- tt list
	# list is newest first; the ids are compared in order
	assert_eq "$1: list shows the others" "$(awk 'NR > 1 { print $1 }' "$OUT" | sort -n | tr '\n' ' ')" "$3"
}

for target in "turndowns signals 2" "turndowns people 2" "turndowns shareable 2" \
	"turndowns confidential 2" "candidates name $bob" "candidates wrapped_key $bob" \
	"clients name $beta"; do
	read -r table column row <<<"$target"
	name="tamper $table.$column"
	fresh_copy
	flip "$table" "$column" "$row"
	if [ "$column" = confidential ]; then
		expect_rc 0 "$name: show 2 without --confidential still works" -- tt show 2
		bad_record "$name" 2 --confidential
		listed "$name" 0 "1 2 3 4 "
	elif [ "$column" = people ] || [ "$column" = shareable ]; then
		# list opens only names and signals, so it never reads this part.
		bad_record "$name" 2
		bad_record "$name --confidential" 2 --confidential
		listed "$name" 0 "1 2 3 4 "
	else
		bad_record "$name" 2
		bad_record "$name --confidential" 2 --confidential
		listed "$name" 65 "1 3 4 "
		assert_contains "$name: list names turndown 2" "$ERR" "turndown 2"
	fi
	good_records "$name" 1 3 4
	expect_rc 0 "$name: --json list of the others" -- tt --json list --client acme
	assert_jq "$name: the others listed in JSON" "$OUT" '[.[].id] | sort == [1, 3, 4]'
done

# Swaps: a ciphertext copied into another row of the same candidate, into
# another candidate's row, and wrapped keys exchanged between candidates.
for column in signals people shareable confidential; do
	flag=
	[ "$column" = confidential ] && flag=--confidential
	fresh_copy
	set_blob turndowns "$column" 3 "$(get_blob turndowns "$column" 1)"
	bad_record "swap $column 1 -> 3 (same candidate)" 3 $flag
	good_records "swap $column 1 -> 3" 1 2 4
	fresh_copy
	set_blob turndowns "$column" 2 "$(get_blob turndowns "$column" 1)"
	bad_record "swap $column Alice's 1 -> Bob's 2" 2 $flag
	good_records "swap $column 1 -> 2" 1 3 4
done
fresh_copy
ka=$(get_blob candidates wrapped_key "$alice")
kb=$(get_blob candidates wrapped_key "$bob")
set_blob candidates wrapped_key "$alice" "$kb"
set_blob candidates wrapped_key "$bob" "$ka"
bad_record "swap wrapped keys" 1
bad_record "swap wrapped keys" 2
bad_record "swap wrapped keys" 3
good_records "swap wrapped keys" 4
listed "swap wrapped keys" 65 "4 "
fresh_copy
set_blob candidates name "$carol" "$(get_blob candidates name "$alice")"
bad_record "swap candidate names" 4
good_records "swap candidate names" 1 2 3
fresh_copy
set_blob clients name "$beta" "$(get_blob clients name "$acme")"
bad_record "swap client names" 2
good_records "swap client names" 1 3 4
fresh_copy
sqlite3 "$C" "UPDATE turndowns SET candidate_id = $carol WHERE id = 1"
bad_record "turndown moved to another candidate" 1
good_records "turndown moved to another candidate" 2 3 4
fresh_copy
sqlite3 "$C" "UPDATE turndowns SET id = 9 WHERE id = 3"
bad_record "turndown renumbered" 9
good_records "turndown renumbered" 1 2 4

# ---- two writers at once --------------------------------------------------------

before=$(count_all)
writer() {
	local i
	for i in $(seq 1 20); do
		"$TACT_BIN" log --candidate "Writer $1 $i" --client 'Concurrent Co' --reason team \
			>/dev/null 2>>"writer-$1.err" || echo "log $i exit $?" >>"writer-$1.fail"
	done
}
writer a &
wa=$!
writer b &
wb=$!
wait "$wa"
wait "$wb"
if [ ! -e writer-a.fail ] && [ ! -e writer-b.fail ]; then ok "two writers: every log succeeds"; else
	fail "two writers: every log succeeds" "$(cat writer-*.fail writer-*.err 2>/dev/null | head -c 300)"; fi
assert_eq "two writers: all 40 landed" "$(count_all)" $((before + 40))
expect_rc 0 "two writers: list their client" -- "$TACT_BIN" --json list --client 'concurrent co'
assert_jq "two writers: 40 distinct turndowns, 40 candidates" "$OUT" \
	'length == 40 and ([.[].id] | unique | length) == 40 and ([.[].candidate] | unique | length) == 40'

# ---- kill -9 in the middle of an import ---------------------------------------------

K=$PWD/kill.db
cp "$V" "$K"
[ -e "$V-wal" ] && cp "$V-wal" "$K-wal"
/usr/bin/python3 - <<'EOF'
import json
import random
r = random.Random(20260101)
cats = ["compensation", "equity", "title", "scope", "growth", "culture", "team", "hr"]
with open("big.jsonl", "w") as f:
    for i in range(200000):
        f.write(json.dumps({
            "candidate": "Bulk Candidate %d" % (i % 7000),
            "client": "Bulk Client %d" % (i % 300),
            "role": "Engineer %d" % (i % 50),
            "decline_date": "2026-02-%02d" % (1 + i % 28),
            "reasons": [{"category": r.choice(cats),
                         "visibility": r.choice(["shareable", "confidential"])}],
            "confidential": "bulk confidential %d" % i,
            "shareable": "bulk note %d" % i}) + "\n")
EOF
assert_eq "kill: 200,000 lines generated" "$(wc -l <big.jsonl)" 200000
kbefore=$(sqlite3 "$K" 'SELECT count(*) FROM turndowns')
for delay in 0.5 0.8 1.2; do
	"$TACT_BIN" --vault "$K" import big.jsonl >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	krc=0
	wait "$pid" 2>/dev/null || krc=$?
	assert_eq "kill: import killed after $delay s, mid-way" "$krc" 137
	assert_eq "kill after $delay s: integrity check" \
		"$(sqlite3 "$K" 'PRAGMA integrity_check' 2>&1)" ok
	assert_eq "kill after $delay s: exactly the turndowns before" \
		"$(sqlite3 "$K" 'SELECT count(*) FROM turndowns' 2>&1)" "$kbefore"
	assert_eq "kill after $delay s: no candidate of the import" \
		"$(sqlite3 "$K" "SELECT count(*) FROM candidates" 2>&1)" \
		"$(sqlite3 "$V" "SELECT count(*) FROM candidates" 2>&1)"
done
expect_rc 0 "kill: the vault still works" -- "$TACT_BIN" --vault "$K" --json list
assert_eq "kill: tact lists the same turndowns" "$(jq length "$OUT")" "$kbefore"
head -n 5 big.jsonl >five.jsonl
expect_rc 0 "kill: a later import lands" -- "$TACT_BIN" --vault "$K" import five.jsonl
assert_eq "kill: and counts" "$(sqlite3 "$K" 'SELECT count(*) FROM turndowns')" $((kbefore + 5))
rm -f big.jsonl

# Moving a turndown to another client or period, in clear columns, is detected:
# the client id and dates are sealed with the signals too.
mkdir -p moved && (
	cd moved || exit 1
	printf 'moved pass\n' >pw
	"$TACT_BIN" --vault "$PWD/v.db" --passphrase-file pw init --weak-passphrase >/dev/null
	eval "$("$TACT_BIN" --vault "$PWD/v.db" --passphrase-file pw unlock)"
	export TACT_VAULT=$PWD/v.db
	"$TACT_BIN" log --candidate 'Mo Ved' --client 'First Client' --reason hr \
		--offer-date 2026-01-01 --decline-date 2026-01-10 >/dev/null 2>&1
	"$TACT_BIN" log --candidate 'Stay Put' --client 'Second Client' --reason team \
		--offer-date 2026-02-01 --decline-date 2026-02-10 >/dev/null 2>&1
	cp v.db pristine.db
	sqlite3 v.db "UPDATE turndowns SET client_id = 2 WHERE id = 1"
	expect_rc 65 "moved: another client is detected" -- "$TACT_BIN" show 1
	assert_contains "moved: the turndown is named" "$ERR" "turndown 1"
	expect_rc 0 "moved: the other turndown still reads" -- "$TACT_BIN" show 2
	cp pristine.db v.db
	sqlite3 v.db "UPDATE turndowns SET decline_date = '2020-01-10' WHERE id = 1"
	expect_rc 65 "moved: another decline date is detected" -- "$TACT_BIN" show 1
	cp pristine.db v.db
	sqlite3 v.db "UPDATE turndowns SET offer_date = NULL WHERE id = 1"
	expect_rc 65 "moved: a removed offer date is detected" -- "$TACT_BIN" show 1
	cp pristine.db v.db
	expect_rc 0 "moved: the pristine copy reads" -- "$TACT_BIN" show 1
)
