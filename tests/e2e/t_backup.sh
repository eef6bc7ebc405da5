# t_backup.sh - end-to-end tests of SPEC 3b's backup, restore and verify:
# a backup taken while an import runs holds a committed state, opens and
# verifies; backups are new 0600 files, never links; verify names a record
# whose ciphertext byte was flipped and still counts the rest, and writes
# nothing; restore keeps the old vault and leaves no stale -wal.

sqlite_only "backup and restore (copies of the SQLite file)" || return 0
V=$PWD/v.db
printf 'pass one\n' >pw
printf 'another pass\n' >pw2
export TACT_VAULT=$V TACT_PASSPHRASE_FILE=$PWD/pw
expect_rc 0 "setup: init" -- "$TACT_BIN" init --weak-passphrase
printf 'Moved to be near Quillfeather family.\n' >share.txt
printf 'Said the HR partner Zebulon Marsh was dismissive.\n' >conf.txt
for i in 1 2 3; do
	expect_rc 0 "setup: log $i" -- "$TACT_BIN" log --candidate "Orla Backup$i" \
		--client "Vantage Clinic" --role "Charge Nurse" --reason compensation \
		--reason hr:confidential --share-file share.txt --confidential-file conf.txt \
		--decline-date "$i days ago"
done

count_in() {
	"$TACT_BIN" --vault "$1" --json list 2>/dev/null | jq length 2>/dev/null || echo error
}

# ---- backup ------------------------------------------------------------------
expect_rc 0 "backup: made" -- "$TACT_BIN" backup b1.db
assert_mode "backup: mode 0600" b1.db 600
# Checked before anything opens it (a vault opened to write goes back to WAL).
assert_eq "backup: a self-contained file (rollback mode)" \
	"$(od -An -tu1 -j18 -N2 b1.db | tr -s ' ')" " 1 1"
assert_contains "backup: says where" "$OUT" "b1.db"
assert_eq "backup: holds every turndown" "$(count_in b1.db)" 3
expect_rc 0 "backup: verifies" -- "$TACT_BIN" --vault b1.db verify
assert_no_plaintext "backup: no name in clear" "Orla Backup1" b1.db --may-be-absent \
	b1.db-journal b1.db-wal
assert_no_plaintext "backup: no note in clear" "Zebulon" b1.db --may-be-absent b1.db-journal \
	b1.db-wal
assert_no_plaintext "backup: no shareable note in clear" "Quillfeather" b1.db
assert_absent "backup: no journal left beside it" b1.db-journal
before=$(sha256sum <b1.db)
expect_rc 73 "backup: an existing file is refused" -- "$TACT_BIN" backup b1.db
stderr_one_line "backup: existing file, one-line error"
assert_eq "backup: the existing file is untouched" "$(sha256sum <b1.db)" "$before"
ln -s "$PWD/elsewhere.db" link.db
expect_rc 73 "backup: a link is refused" -- "$TACT_BIN" backup link.db
assert_absent "backup: nothing made through the link" elsewhere.db
expect_rc 0 "backup: opens with a second key slot's passphrase too" -- \
	"$TACT_BIN" key add --new-passphrase-file pw2
expect_rc 0 "backup: made after key add" -- "$TACT_BIN" backup b2.db
expect_rc 0 "backup: the second passphrase opens it" -- \
	"$TACT_BIN" --vault b2.db --passphrase-file pw2 verify
expect_rc 0 "backup: needs no passphrase (cron)" -- \
	env -u TACT_PASSPHRASE_FILE setsid -w "$TACT_BIN" backup b3.db

# ---- a backup while an import runs -------------------------------------------
python3 - <<'PY' >big.jsonl
for i in range(40000):
    print('{"candidate": "Bulk Person %d", "client": "Bulk Client %d", "decline_date": '
          '"2024-%02d-%02d", "reasons": [{"category": "compensation", "visibility": '
          '"shareable"}], "shareable": "bulk note %d"}' % (i, i % 50, 1 + i % 12, 1 + i % 28, i))
PY
n0=$(count_in "$V")
"$TACT_BIN" import big.jsonl >import.out 2>import.err &
ipid=$!
during=0 k=0 bad=0
while kill -0 "$ipid" 2>/dev/null && [ "$k" -lt 30 ]; do
	k=$((k + 1))
	if "$TACT_BIN" backup "during$k.db" >/dev/null 2>>backup.err; then
		kill -0 "$ipid" 2>/dev/null && during=$((during + 1))
		c=$(count_in "during$k.db")
		if [ "$c" != "$n0" ] && [ "$c" != "$((n0 + 40000))" ]; then bad=$((bad + 1)); fi
		"$TACT_BIN" --vault "during$k.db" verify >/dev/null 2>&1 || bad=$((bad + 1))
	else
		bad=$((bad + 1))
	fi
	sleep 0.2
done
wait "$ipid"
assert_eq "concurrent: the import succeeded" "$?" 0
if [ "$during" -gt 0 ]; then ok "concurrent: $during backups taken while the import ran"; else
	fail "concurrent: a backup taken while the import ran" "the import ended first ($k tries)"; fi
assert_eq "concurrent: every backup holds a committed state and verifies" "$bad" 0
expect_rc 0 "concurrent: a backup after the import" -- "$TACT_BIN" backup after.db
assert_eq "concurrent: it holds the import" "$(count_in after.db)" "$((n0 + 40000))"

# ---- verify ------------------------------------------------------------------
expect_rc 0 "verify: a whole vault" -- "$TACT_BIN" verify
assert_match "verify: counts turndowns" "$OUT" "^turndowns +40003 records"
assert_match "verify: counts candidates" "$OUT" "^candidates +40003 records"
assert_match "verify: integrity" "$OUT" "integrity check ok"
cp b1.db flip.db
# Flip one ciphertext byte of turndown 2's confidential note, one of turndown
# 3's signals and one of client 1's name, each inside its own sealed value.
python3 - <<'PY'
import sqlite3
c = sqlite3.connect("flip.db")
for table, col, rid in (("turndowns", "confidential", 2), ("turndowns", "signals", 3),
                        ("clients", "name", 1)):
    b = bytearray(c.execute("SELECT %s FROM %s WHERE id = ?" % (col, table), (rid,)).fetchone()[0])
    b[len(b) // 2] ^= 0x01
    c.execute("UPDATE %s SET %s = ? WHERE id = ?" % (table, col), (bytes(b), rid))
c.commit()
c.close()
PY
snap_flip=$(snapshot flip.db flip.db-wal flip.db-journal)
expect_rc 65 "verify: a flipped byte is found" -- "$TACT_BIN" --vault flip.db verify
assert_contains "verify: names the note's turndown" "$OUT" \
	"turndown 2: confidential note failed authentication"
assert_contains "verify: names the signals' turndown" "$OUT" "turndown 3: signals failed"
assert_contains "verify: names the client" "$OUT" "client 1: the name failed authentication"
assert_match "verify: still counts every turndown" "$OUT" "^turndowns +3 records, 2 damaged"
assert_match "verify: the rest are whole" "$OUT" "^candidates +3 records, 0 damaged"
stderr_one_line "verify: one-line error"
assert_contains "verify: the error names the first" "$ERR" "client 1"
assert_eq "verify: wrote nothing" "$(snapshot flip.db flip.db-wal flip.db-journal)" "$snap_flip"
expect_rc 65 "verify --json: damaged" -- "$TACT_BIN" --vault flip.db --json verify
assert_jq "verify --json: three damaged records" "$OUT" '.damaged | length == 3'
assert_jq "verify --json: counts" "$OUT" '.tables.turndowns == {"records": 3, "damaged": 2}'
snap_v=$(snapshot "$V" "$V-wal")
expect_rc 0 "verify: on the live vault" -- "$TACT_BIN" verify
assert_eq "verify: the live vault is unchanged" "$(snapshot "$V" "$V-wal")" "$snap_v"
printf 'wrong\n' >pwbad
expect_rc 77 "verify: the wrong passphrase" -- "$TACT_BIN" --passphrase-file pwbad verify

# ---- restore -----------------------------------------------------------------
expect_rc 64 "restore: off a terminal without --yes" -- setsid -w "$TACT_BIN" restore b1.db
assert_eq "restore: refused, nothing changed" "$(count_in "$V")" "$((n0 + 40000))"
expect_rc 65 "restore: a damaged backup is refused" -- "$TACT_BIN" restore flip.db --yes
assert_contains "restore: says why" "$ERR" "damaged"
assert_absent "restore: refused, nothing kept" "$V.before-restore"
mkdir other && printf 'other pass\n' >other/pw
expect_rc 0 "restore: another vault" -- "$TACT_BIN" --vault other/o.db \
	--passphrase-file other/pw init --weak-passphrase
expect_rc 77 "restore: a vault this passphrase does not open" -- \
	"$TACT_BIN" restore other/o.db --yes
expect_rc 0 "restore: the backup" -- "$TACT_BIN" restore b1.db --yes
assert_eq "restore: the vault holds the backup" "$(count_in "$V")" 3
assert_eq "restore: the old vault is kept" "$(count_in "$V.before-restore")" "$((n0 + 40000))"
assert_mode "restore: the vault is 0600" "$V" 600
if [ ! -s "$V-wal" ]; then ok "restore: no stale WAL"; else fail "restore: no stale WAL" \
	"$(stat -c %s "$V-wal") bytes"; fi
expect_rc 0 "restore: verifies after" -- "$TACT_BIN" verify
expect_rc 0 "restore: the backup is unchanged" -- "$TACT_BIN" --vault b1.db verify
expect_rc 0 "restore: log after" -- "$TACT_BIN" log --candidate "After Restore" \
	--client "Vantage Clinic" --reason title
assert_eq "restore: log lands in the restored vault" "$(count_in "$V")" 4
expect_rc 73 "restore: an earlier before-restore is not overwritten" -- \
	"$TACT_BIN" restore b1.db --yes
stderr_one_line "restore: before-restore there, one-line error"
assert_eq "restore: refused, the vault as it was" "$(count_in "$V")" 4
mv "$V.before-restore" kept.db
# On a terminal it asks.
expect_rc 0 "restore: asks on a terminal" -- pty_run "[y/N]" "y" -- "$TACT_BIN" restore b1.db
assert_eq "restore: answered yes" "$(count_in "$V")" 3
assert_eq "restore: the old one kept" "$(count_in "$V.before-restore")" 4
# Into a vault that is gone: the folders are made.
expect_rc 0 "restore: where no vault is" -- "$TACT_BIN" --vault "$PWD/new/dir/v.db" \
	restore b1.db --yes
assert_eq "restore: a new vault from the backup" "$(count_in "$PWD/new/dir/v.db")" 3
assert_mode "restore: its folder is 0700" new/dir 700
# Over a vault too damaged to open: restored all the same, the wreck kept.
printf 'not a vault at all\n' >wreck.db
printf 'stale frames\n' >wreck.db-wal
expect_rc 0 "restore: over a damaged vault" -- "$TACT_BIN" --vault "$PWD/wreck.db" \
	restore b1.db --yes
assert_eq "restore: the damaged vault replaced" "$(count_in "$PWD/wreck.db")" 3
assert_contains "restore: the wreck kept" wreck.db.before-restore "not a vault at all"
assert_contains "restore: its WAL kept beside it" wreck.db.before-restore-wal "stale frames"
if [ ! -s wreck.db-wal ]; then ok "restore: the stale WAL not left beside the new vault"; else
	fail "restore: the stale WAL not left beside the new vault" "$(head -c 40 wreck.db-wal)"; fi
