# t_vault.sh - the vault, passphrases, sessions and key slots, end to end.
#
# Sourced by run.sh (with lib.sh) in a fresh folder.  Every Argon2id
# derivation costs a noticeable fraction of a second, so each unlock here
# checks something of its own.

V=$PWD/v/vault.db
TV=("$TACT_BIN" --vault "$V")
printf 'correct horse battery staple\n' >pw
printf 'second slot passphrase\n' >pw2
printf 'third passphrase after passwd\n' >pw3
printf 'not the passphrase at all\n' >bad
SESDIR=$XDG_RUNTIME_DIR/tact

# session_files: the session files (names of 32 hex digits) in the session folder.
session_files() {
	ls -1 "$SESDIR" 2>/dev/null | grep -E '^[0-9a-f]{32}$'
}

# opens_with NAME WANT FILE: `tact unlock` with passphrase file FILE exits WANT.
opens_with() {
	expect_rc "$2" "$1" -- "${TV[@]}" --passphrase-file "$3" unlock --ttl 1
}

# session_smoke: commands that must run on $TACT_SESSION alone, with no
# passphrase source and no terminal.  Extend it as commands are added.
session_smoke() {
	expect_rc 0 "session: key list" -- setsid -w "${TV[@]}" --json key list
	assert_jq "session: key list shows one argon2id slot at the interactive level" "$OUT" \
	    'length == 1 and .[0].slot == 1 and .[0].kdf == "argon2id" and .[0].level == "interactive"'
	assert_jq "session: key list shows no key material" "$OUT" \
	    'all(.[]; (has("salt") or has("wrapped") or has("key") or has("master")) | not)'
	expect_rc 0 "session: list needs no passphrase" -- setsid -w "${TV[@]}" list
}

# --- init ---
expect_rc 0 "init creates the vault" -- "${TV[@]}" --passphrase-file pw init
assert_contains "init names the vault" "$OUT" "$(vault_name "$V")"
assert_mode "vault file is 0600" "$V" 600
assert_mode "vault folder is 0700" "$PWD/v" 700
assert_no_plaintext "no passphrase in the vault files" "correct horse battery staple" \
    "$V" --may-be-absent "$V-wal" "$V-shm" "$V-journal"

before=$(snapshot "$V" "$V-wal")
expect_rc 73 "second init refuses" -- "${TV[@]}" --passphrase-file pw2 init
stderr_one_line "second init: one-line error"
assert_eq "second init leaves the vault as it was" "$(snapshot "$V" "$V-wal")" "$before"

expect_rc 64 "init --kdf bogus is a usage error" -- \
    "$TACT_BIN" --vault "$PWD/k/vault.db" --passphrase-file pw init --kdf bogus
stderr_one_line "init --kdf bogus: one-line error"
assert_absent "init --kdf bogus creates nothing" "$PWD/k/vault.db"

# --- files that are not vaults: refused with 65, and left alone ---
if sqlite_only "files that are not vaults (random bytes, another SQLite database)"; then
head -c 8192 /dev/urandom >junk.db
before=$(snapshot junk.db)
expect_rc 65 "a file of random bytes is not a vault" -- "$TACT_BIN" --vault "$PWD/junk.db" key list
stderr_one_line "random bytes: one-line error"
assert_eq "a file of random bytes is left as it was" "$(snapshot junk.db)" "$before"
sqlite3 other.db "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('mine');"
before=$(snapshot other.db other.db-wal)
expect_rc 65 "another SQLite database is not a vault" -- "$TACT_BIN" --vault "$PWD/other.db" key list
stderr_one_line "another SQLite database: one-line error"
assert_eq "another SQLite database is left as it was" "$(snapshot other.db other.db-wal)" "$before"
fi # sqlite_only

# --- where the passphrase comes from ---
expect_rc 77 "init with no passphrase source and no terminal" -- \
    setsid -w "$TACT_BIN" --vault "$PWD/n/vault.db" init
stderr_one_line "init with no terminal: one-line error"
assert_contains "init with no terminal: says how to give a passphrase" "$ERR" "--passphrase-file"
assert_absent "init with no terminal creates nothing" "$PWD/n/vault.db"

expect_rc 77 "unlock with no passphrase source and no terminal" -- setsid -w "${TV[@]}" unlock
stderr_one_line "unlock with no terminal: one-line error"
assert_contains "unlock with no terminal: says how to give a passphrase" "$ERR" "--passphrase-file"

expect_rc 66 "missing passphrase file" -- "${TV[@]}" --passphrase-file no-such-file unlock
stderr_one_line "missing passphrase file: one-line error"

before=$(snapshot "$V" "$V-wal")
expect_rc 77 "wrong passphrase" -- "${TV[@]}" --passphrase-file bad unlock
stderr_one_line "wrong passphrase: one-line error"
assert_eq "wrong passphrase changes nothing" "$(snapshot "$V" "$V-wal")" "$before"
assert_eq "wrong passphrase starts no session" "$(session_files | wc -l)" 0

# --- sessions ---
expect_rc 0 "unlock" -- "${TV[@]}" --passphrase-file pw unlock
assert_match "unlock prints the export line" "$OUT" '^export TACT_SESSION=tact1\.[A-Za-z0-9_-]{43}$'
assert_eq "unlock prints one line" "$(wc -l <"$OUT")" 1
eval "$(cat "$OUT")"
first=${TACT_SESSION:-}
assert_mode "session folder is 0700" "$SESDIR" 700
assert_eq "one session file" "$(session_files | wc -l)" 1
assert_mode "session file is 0600" "$SESDIR/$(session_files | head -1)" 600
session_smoke

expect_rc 77 "unlock asks for the passphrase even in a session" -- setsid -w "${TV[@]}" unlock
assert_contains "unlock in a session: says how to give a passphrase" "$ERR" "--passphrase-file"

expect_rc 0 "unlock --json --ttl 5" -- "${TV[@]}" --passphrase-file pw --json unlock --ttl 5
assert_jq "unlock --json: token and ttl" "$OUT" \
    '(.session | startswith("tact1.")) and .ttl_minutes == 5'
second=$(jq -r .session "$OUT" 2>/dev/null)
assert_eq "two session files" "$(session_files | wc -l)" 2

expect_rc 0 "lock" -- "${TV[@]}" lock
assert_eq "lock prints unset" "$(cat "$OUT")" "unset TACT_SESSION"
eval "$(cat "$OUT")"
assert_eq "eval of lock's output unsets TACT_SESSION" "${TACT_SESSION:-unset}" unset
assert_eq "lock ends only its own session" "$(session_files | wc -l)" 1
expect_rc 77 "a locked session is refused" -- env TACT_SESSION="$first" setsid -w "${TV[@]}" list
stderr_one_line "locked session: one-line error"

expect_rc 0 "the other session still works" -- env TACT_SESSION="$second" setsid -w "${TV[@]}" list
expect_rc 64 "lock with a malformed TACT_SESSION" -- env TACT_SESSION=garbage "${TV[@]}" lock
stderr_one_line "lock with a malformed TACT_SESSION: one-line error"
expect_rc 77 "list with a malformed TACT_SESSION" -- env TACT_SESSION=garbage "${TV[@]}" list
stderr_one_line "list with a malformed TACT_SESSION: one-line error"
expect_rc 0 "lock --all" -- env TACT_SESSION="$first" "${TV[@]}" lock --all
assert_eq "lock --all: unset line" "$(cat "$OUT")" "unset TACT_SESSION"
assert_eq "lock --all ends every session" "$(session_files | wc -l)" 0
expect_rc 77 "after lock --all the other session is refused" -- \
    env TACT_SESSION="$second" setsid -w "${TV[@]}" list

for ttl in 0 1441 abc -5; do
	expect_rc 64 "unlock --ttl $ttl is a usage error" -- "${TV[@]}" --passphrase-file pw unlock --ttl "$ttl"
	stderr_one_line "unlock --ttl $ttl: one-line error"
done

# --- key slots ---
expect_rc 0 "key add" -- "${TV[@]}" --passphrase-file pw key add --new-passphrase-file pw2
assert_contains "key add says slot 2" "$OUT" "added key slot 2"
opens_with "the new passphrase opens the vault" 0 pw2
opens_with "the first passphrase still opens it" 0 pw
assert_no_plaintext "no new passphrase in the vault files" "second slot passphrase" \
    "$V" --may-be-absent "$V-wal" "$V-shm" "$V-journal"

before=$(snapshot "$V" "$V-wal")
expect_rc 77 "key add with a wrong current passphrase" -- \
    "${TV[@]}" --passphrase-file bad key add --new-passphrase-file pw3
stderr_one_line "key add, wrong passphrase: one-line error"
assert_eq "key add with a wrong passphrase changes nothing" "$(snapshot "$V" "$V-wal")" "$before"

expect_rc 64 "key add with no new passphrase and no terminal" -- \
    setsid -w "${TV[@]}" --passphrase-file pw key add
stderr_one_line "key add, no new passphrase: one-line error"

expect_rc 0 "key passwd changes slot 2" -- \
    "${TV[@]}" --passphrase-file pw2 key passwd --new-passphrase-file pw3
assert_contains "key passwd names slot 2" "$OUT" "slot 2"
opens_with "the old passphrase of slot 2 no longer opens" 77 pw2
opens_with "the new passphrase of slot 2 opens" 0 pw3
opens_with "slot 1 is untouched by passwd" 0 pw

expect_rc 0 "key list" -- "${TV[@]}" --json key list
assert_jq "key list shows slots 1 and 2" "$OUT" '[.[].slot] == [1, 2]'

expect_rc 0 "key remove 2" -- "${TV[@]}" --passphrase-file pw key remove 2
assert_contains "key remove names the slot" "$OUT" "removed key slot 2"
opens_with "a removed slot's passphrase no longer opens" 77 pw3

before=$(snapshot "$V" "$V-wal")
expect_rc 64 "key remove of the last slot is refused" -- "${TV[@]}" --passphrase-file pw key remove 1
stderr_one_line "key remove of the last slot: one-line error"
assert_eq "refused key remove changes nothing" "$(snapshot "$V" "$V-wal")" "$before"
"$TACT_BIN" lock --all >/dev/null 2>&1

# --- the command line ---
expect_rc 0 "--version" -- "$TACT_BIN" --version
assert_match "--version prints the version" "$OUT" '^tact [0-9]+\.[0-9]+'
expect_rc 0 "--help" -- "$TACT_BIN" --help
for c in init unlock lock key; do
	assert_match "--help lists $c" "$OUT" "^  $c "
done
expect_rc 0 "init --help" -- "$TACT_BIN" init --help
assert_contains "init --help shows --kdf" "$OUT" "--kdf"
expect_rc 0 "key --help" -- "$TACT_BIN" key --help
expect_rc 64 "unknown command" -- "$TACT_BIN" frobnicate
stderr_one_line "unknown command: one-line error"
assert_contains "unknown command is named" "$ERR" "frobnicate"
expect_rc 64 "unknown global option" -- "$TACT_BIN" --frobnicate key list
stderr_one_line "unknown global option: one-line error"
expect_rc 64 "unknown command option" -- "${TV[@]}" init --frobnicate
stderr_one_line "unknown command option: one-line error"
expect_rc 64 "no command" -- "$TACT_BIN"
stderr_one_line "no command: one-line error"
expect_rc 64 "unknown key subcommand" -- "${TV[@]}" key frobnicate
stderr_one_line "unknown key subcommand: one-line error"

# --- prompts on a terminal ---
P=$PWD/p/vault.db
typed='typed on the tty 4711'
expect_rc 0 "init on a terminal" -- pty_run "New vault passphrase:" "$typed" \
    "Repeat passphrase:" "$typed" -- "$TACT_BIN" --vault "$P" init
assert_contains "init on a terminal asks for a new passphrase" "$OUT" "New vault passphrase:"
assert_contains "init on a terminal asks to repeat it" "$OUT" "Repeat passphrase:"
assert_not_contains "init on a terminal does not echo the passphrase" "$OUT" "$typed"
assert_exists "init on a terminal creates the vault" "$P"
assert_no_plaintext "no typed passphrase in the vault files" "$typed" \
    "$P" --may-be-absent "$P-wal" "$P-shm" "$P-journal"

# Mismatched answers are asked again, three tries in all.
expect_rc 65 "init on a terminal with three mismatched answers" -- pty_run \
    "New vault passphrase:" "$typed" "Repeat passphrase:" "something else" \
    "New vault passphrase:" "$typed" "Repeat passphrase:" "something else 2" \
    "New vault passphrase:" "$typed" "Repeat passphrase:" "something else 3" \
    -- "$TACT_BIN" --vault "$PWD/q/vault.db" init
assert_contains "mismatched answers: says so" "$OUT" "do not match"
assert_contains "mismatched answers: asks again" "$OUT" "try again (2 of 3)"
assert_contains "mismatched answers: a third try" "$OUT" "try again (3 of 3)"
assert_not_contains "mismatched answers: no echo" "$OUT" "something else"
assert_absent "mismatched answers leave no vault" "$PWD/q/vault.db"
expect_rc 0 "init on a terminal: a mismatch, then a match" -- pty_run \
    "New vault passphrase:" "$typed" "Repeat passphrase:" "something else" \
    "New vault passphrase:" "$typed" "Repeat passphrase:" "$typed" \
    -- "$TACT_BIN" --vault "$PWD/r/vault.db" init
assert_contains "a mismatch, then a match: asked again" "$OUT" "try again (2 of 3)"
assert_exists "a mismatch, then a match: the vault is made" "$PWD/r/vault.db"
expect_rc 0 "init on a terminal: a trivially weak one, then a good one" -- pty_run \
    "New vault passphrase:" "short" "Repeat passphrase:" "short" \
    "New vault passphrase:" "$typed" "Repeat passphrase:" "$typed" \
    -- "$TACT_BIN" --vault "$PWD/s/vault.db" init
assert_contains "a weak one on a terminal: refused with the estimate" "$OUT" "too weak: about"
assert_exists "a weak one, then a good one: the vault is made" "$PWD/s/vault.db"

# Strength from a file: refused when trivially weak, unless --weak-passphrase;
# a warning with the estimate when merely weak.
printf 'short\n' >weakpw
expect_rc 65 "init refuses a trivially weak passphrase" -- "$TACT_BIN" --vault "$PWD/w/vault.db" \
    --passphrase-file weakpw init
stderr_one_line "a trivially weak passphrase: one-line error"
assert_match "the refusal gives the estimate" "$ERR" "too weak: about [0-9]+ bits"
assert_contains "the refusal names the way through" "$ERR" "--weak-passphrase"
assert_absent "a refused passphrase makes no vault" "$PWD/w/vault.db"
expect_rc 0 "init --weak-passphrase takes it" -- "$TACT_BIN" --vault "$PWD/w/vault.db" \
    --passphrase-file weakpw init --weak-passphrase
assert_contains "a weak passphrase taken: still warned" "$ERR" "weak passphrase: about"
printf 'bench passphrase\n' >midpw
expect_rc 0 "init takes a weak passphrase with a warning" -- "$TACT_BIN" \
    --vault "$PWD/m/vault.db" --passphrase-file midpw init
assert_match "the warning gives the estimate" "$ERR" "^tact: weak passphrase: about [0-9]+ bits"
expect_rc 0 "init of a strong passphrase" -- "$TACT_BIN" --vault "$PWD/g/vault.db" \
    --passphrase-file pw init
assert_eq "a strong passphrase: no warning" "$(wc -c <"$ERR")" 0

expect_rc 0 "unlock on a terminal" -- pty_run "Vault passphrase:" "$typed" -- \
    "$TACT_BIN" --vault "$P" unlock
assert_contains "unlock on a terminal prints the export line" "$OUT" "export TACT_SESSION=tact1."
assert_not_contains "unlock on a terminal does not echo the passphrase" "$OUT" "$typed"

expect_rc 77 "unlock on a terminal, wrong passphrase" -- pty_run "Vault passphrase:" "wrong one" -- \
    "$TACT_BIN" --vault "$P" unlock
assert_contains "unlock on a terminal, wrong passphrase: says so" "$OUT" "tact: wrong passphrase"
