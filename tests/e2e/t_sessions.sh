# t_sessions.sh - end-to-end tests of SPEC 3b's sessions and typed work: a
# session that has ended asks for the passphrase on a terminal (77 without
# one); `tact lock` prints `unset TACT_SESSION` for eval; `tact unlock` on a
# terminal says to eval it; an interactive `log` whose session ends while
# the person types keeps everything typed; an editor that fails is offered
# again or replaced by typing inline; typed text never reaches the disk.

V=$PWD/v.db
printf 'pass one\n' >pw
export TACT_VAULT=$V
expect_rc 0 "setup: init" -- "$TACT_BIN" --passphrase-file pw init --weak-passphrase

# ---- lock and unlock ---------------------------------------------------------
expect_rc 0 "unlock: to a pipe" -- "$TACT_BIN" --passphrase-file pw unlock
assert_match "unlock: prints the export line" "$OUT" '^export TACT_SESSION=[A-Za-z0-9._-]+$'
assert_eq "unlock: no hint when eval reads it" "$(wc -c <"$ERR")" 0
eval "$(cat "$OUT")"
token=$TACT_SESSION
expect_rc 0 "session: a command without a passphrase" -- "$TACT_BIN" list
expect_rc 0 "lock: prints the unset line" -- "$TACT_BIN" lock
assert_eq "lock: exactly 'unset TACT_SESSION'" "$(cat "$OUT")" "unset TACT_SESSION"
eval "$(TACT_SESSION=$token "$TACT_BIN" lock)"
if [ -z "${TACT_SESSION+set}" ]; then ok "lock: eval \"\$(tact lock)\" unsets it"; else
	fail "lock: eval unsets it" "TACT_SESSION still set"; fi
expect_rc 0 "unlock: on a terminal" -- pty_run "passphrase" "pass one" -- "$TACT_BIN" unlock
assert_contains "unlock: on a terminal, says to eval it" "$OUT" 'eval "$(tact unlock)"'

# ---- a session that has ended ------------------------------------------------
expect_rc 77 "ended session: off a terminal, 77" -- env TACT_SESSION="$token" setsid -w \
	"$TACT_BIN" list
assert_contains "ended session: says so" "$ERR" "session has ended"
stderr_one_line "ended session: one-line error"
expect_rc 0 "ended session: on a terminal, asks for the passphrase" -- pty_run \
	"Vault passphrase" "pass one" -- env TACT_SESSION="$token" "$TACT_BIN" list
assert_contains "ended session: says it has ended" "$OUT" "session has ended"
assert_contains "ended session: and how to go on" "$OUT" "give the passphrase"
expect_rc 77 "ended session: three wrong passphrases" -- pty_run "Vault passphrase" "no" \
	"Vault passphrase" "nope" "Vault passphrase" "never" -- \
	env TACT_SESSION="$token" "$TACT_BIN" list

# ---- the session ends while a turndown is typed ------------------------------
eval "$("$TACT_BIN" --passphrase-file pw unlock)"
printf '%s\n' "$TACT_SESSION" >token
# The editor writes the note and, meanwhile, the session is ended.
cat >lock-editor.sh <<SH
#!/bin/sh
printf 'Shared from the editor: Wilhelmina loved the ward.\n' >"\$1"
TACT_SESSION=\$(cat "$PWD/token") "$TACT_BIN" lock >/dev/null
SH
chmod +x lock-editor.sh
expect_rc 0 "mid-entry: log keeps what was typed" -- pty_run \
	"Candidate:" "Mid Entry" "Client:" "Larch Clinic" "comma-separated" \
	"1,hr:confidential" "Shareable note" "e" "Confidential note" "Ignatius was curt" \
	"Someone the candidate met" "Ann Lee:hiring-manager:positive" \
	"Someone the candidate met" "" "Vault passphrase" "pass one" -- env EDITOR="$PWD/lock-editor.sh" "$TACT_BIN" log
assert_contains "mid-entry: the session's end is said" "$OUT" "session has ended"
expect_rc 77 "mid-entry: the session really ended" -- setsid -w "$TACT_BIN" list
unset TACT_SESSION
expect_rc 0 "mid-entry: show it" -- "$TACT_BIN" --passphrase-file pw --json show 1 --confidential
assert_jq "mid-entry: candidate kept" "$OUT" '.candidate == "Mid Entry"'
assert_jq "mid-entry: the editor's note kept" "$OUT" \
	'.shareable == "Shared from the editor: Wilhelmina loved the ward."'
assert_jq "mid-entry: the typed confidential note kept" "$OUT" '.confidential == "Ignatius was curt"'
assert_jq "mid-entry: the people met kept" "$OUT" '.met[0].name == "Ann Lee"'
assert_jq "mid-entry: the reasons kept" "$OUT" '.reasons | length == 2'

# ---- an editor that fails ----------------------------------------------------
cat >flaky-editor.sh <<SH
#!/bin/sh
if [ ! -e "$PWD/flaky.once" ]; then : >"$PWD/flaky.once"; exit 3; fi
printf 'Second try: Octavia was kind.\n' >"\$1"
SH
chmod +x flaky-editor.sh
expect_rc 0 "editor fails: run it again" -- pty_run \
	"Candidate:" "Flaky Editor" "Client:" "Larch Clinic" "comma-separated" "2" \
	"Shareable note" "Kept before the editor" "Confidential note" "e" \
	"run the editor again" "r" "Someone the candidate met" "" -- \
	env EDITOR="$PWD/flaky-editor.sh" "$TACT_BIN" --passphrase-file "$PWD/pw" log
assert_contains "editor fails: says so" "$OUT" "failed"
assert_contains "editor fails: keeps what was typed" "$OUT" "what you typed so far is kept"
expect_rc 0 "editor fails: show it" -- "$TACT_BIN" --passphrase-file pw --json show 2 --confidential
assert_jq "editor fails: the note from the second run" "$OUT" \
	'.confidential == "Second try: Octavia was kind."'
assert_jq "editor fails: the note typed before it" "$OUT" '.shareable == "Kept before the editor"'
printf '#!/bin/sh\nexit 1\n' >bad-editor.sh
chmod +x bad-editor.sh
expect_rc 0 "editor fails: type inline instead" -- pty_run \
	"Candidate:" "Inline Typist" "Client:" "Larch Clinic" "comma-separated" "3" \
	"Shareable note" "" "Confidential note" "e" "run the editor again" "t" \
	"only '.'" "Percival first line" "Percival first line" "second line" "second line" "." \
	"Someone the candidate met" "" -- env EDITOR="$PWD/bad-editor.sh" "$TACT_BIN" \
	--passphrase-file "$PWD/pw" log
expect_rc 0 "inline: show it" -- "$TACT_BIN" --passphrase-file pw --json show 3 --confidential
assert_jq "inline: both lines kept" "$OUT" '.confidential == "Percival first line\nsecond line"'

# ---- typed text never on disk ------------------------------------------------
leftover=$(find "$XDG_RUNTIME_DIR" -name 'tact-edit-*' | wc -l)
assert_eq "no editor folder left in the runtime folder" "$leftover" 0
for text in Wilhelmina Ignatius Octavia Percival; do
	hits=$(grep -rlaF "$text" "$HOME" "$PWD" "$XDG_RUNTIME_DIR" 2>/dev/null |
		grep -v -e '-editor\.sh$' | wc -l)
	assert_eq "typed '$text' is nowhere on disk in clear" "$hits" 0
done

# ---- the command-line warning -----------------------------------------------
expect_rc 0 "argv: --confidential TEXT warns" -- "$TACT_BIN" --passphrase-file pw log \
	--candidate "Argv Case" --client "Larch Clinic" --reason title --confidential "in argv"
assert_eq "argv: one warning line" "$(grep -c 'confidential-file -' "$ERR")" 1
expect_rc 0 "argv: --met warns too, once" -- "$TACT_BIN" --passphrase-file pw log \
	--candidate "Argv Case" --client "Larch Clinic" --reason title --decline-date yesterday \
	--met "A B:peer:neutral" --met "C D:peer:neutral" --confidential "x"
assert_eq "argv: once for all of them" "$(grep -c 'warning' "$ERR")" 1
printf 'from stdin\n' >note.txt
STDIN=note.txt expect_rc 0 "argv: --confidential-file - does not warn" -- \
	"$TACT_BIN" --passphrase-file pw log --candidate "Argv Case" --client "Other" \
	--reason title --confidential-file -
assert_not_contains "argv: no warning" "$ERR" "warning"
expect_rc 0 "argv: edit warns too" -- "$TACT_BIN" --passphrase-file pw edit 4 \
	--confidential "in argv again"
assert_eq "argv: edit, one warning" "$(grep -c 'warning' "$ERR")" 1

# ---- edit's $EDITOR form -----------------------------------------------------
# The editor changes the role; the form holds every field but the note, which is kept.
cat >role-editor.sh <<SH
#!/bin/sh
cp "\$1" "$PWD/form.seen"
sed -i 's/"role": "Ward Manager"/"role": "Head of Wards"/' "\$1"
SH
chmod +x role-editor.sh
printf 'Rosalind kept it quiet.\n' >conf.txt
expect_rc 0 "form: setup with a note" -- "$TACT_BIN" --passphrase-file pw log \
	--candidate "Form Case" --client "Larch Clinic" --role "Ward Manager" --reason title \
	--reason hr:confidential --confidential-file conf.txt --decline-date yesterday
fid=$("$TACT_BIN" --passphrase-file pw --json list --candidate "Form Case" | jq '.[0].id')
expect_rc 0 "form: edit in \$EDITOR" -- pty_run -- env EDITOR="$PWD/role-editor.sh" \
	"$TACT_BIN" --passphrase-file "$PWD/pw" edit "$fid"
assert_contains "form: the record as import reads it" form.seen '"decline_date":'
assert_not_contains "form: the confidential note not shown" form.seen "Rosalind"
expect_rc 0 "form: show it" -- "$TACT_BIN" --passphrase-file pw --json show "$fid" --confidential
assert_jq "form: the role changed" "$OUT" '.role == "Head of Wards"'
assert_jq "form: the rest kept" "$OUT" \
	'(.confidential | startswith("Rosalind kept it quiet.")) and (.reasons | length == 2)'
snap_form=$(snapshot "$V")
expect_rc 0 "form: saved unchanged" -- pty_run -- env EDITOR=true \
	"$TACT_BIN" --passphrase-file "$PWD/pw" edit "$fid"
assert_contains "form: says unchanged" "$OUT" "unchanged"
assert_eq "form: unchanged writes nothing" "$(snapshot "$V")" "$snap_form"
# A broken record first: the editor opens again with the error on top.
cat >broken-editor.sh <<SH
#!/bin/sh
if [ ! -e "$PWD/broken.once" ]; then
	: >"$PWD/broken.once"
	sed -i 's/"reasons": \[/"reasons": [{"category": "nonsense"},/' "\$1"
	exit 0
fi
cp "\$1" "$PWD/form.again"
sed -i 's/{"category": "nonsense"},//; s/"role": "Head of Wards"/"role": "Matron"/' "\$1"
SH
chmod +x broken-editor.sh
expect_rc 0 "form: an error, then corrected" -- pty_run -- env EDITOR="$PWD/broken-editor.sh" \
	"$TACT_BIN" --passphrase-file "$PWD/pw" edit "$fid"
assert_contains "form: the error on top" form.again "# Not saved: "
assert_contains "form: what was typed kept" form.again '{"category": "nonsense"}'
expect_rc 0 "form: show the correction" -- "$TACT_BIN" --passphrase-file pw --json show "$fid"
assert_jq "form: corrected" "$OUT" '.role == "Matron"'
# A failing editor is offered again.
rm -f flaky.once
cat >flaky-form.sh <<SH
#!/bin/sh
if [ ! -e "$PWD/flaky.once" ]; then : >"$PWD/flaky.once"; exit 3; fi
sed -i 's/"role": "Matron"/"role": "Senior Matron"/' "\$1"
SH
chmod +x flaky-form.sh
expect_rc 0 "form: a failing editor, run again" -- pty_run "run the editor again" "r" -- \
	env EDITOR="$PWD/flaky-form.sh" "$TACT_BIN" --passphrase-file "$PWD/pw" edit "$fid"
expect_rc 0 "form: show after the retry" -- "$TACT_BIN" --passphrase-file pw --json show "$fid"
assert_jq "form: changed on the second run" "$OUT" '.role == "Senior Matron"'
expect_rc 64 "form: off a terminal, edit with no option is a usage error" -- \
	setsid -w "$TACT_BIN" --passphrase-file pw edit "$fid"
leftover=$(find "$XDG_RUNTIME_DIR" -name 'tact-edit-*' | wc -l)
assert_eq "form: no editor folder left" "$leftover" 0
assert_no_plaintext "form: the note never in clear in the vault" "Rosalind" "$V" \
	--may-be-absent "$V-wal" "$V-journal"
