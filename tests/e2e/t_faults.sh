# t_faults.sh - tact under failure: disk errors, kill -9, damaged vault
# files, oversized input, and what a failing or waiting process leaves for
# others to see.
#
# Sourced by run.sh (with lib.sh) in a fresh folder.  Disk errors come from
# an LD_PRELOAD shim, tests/fault/failio.c, built here with cc: it makes
# pwrite/fsync (and friends) fail with ENOSPC or EIO after N calls on files
# whose path matches.  Under an ASan build the shim is loaded before the
# ASan runtime, which ASan accepts with verify_asan_link_order=0; its own
# interceptors still run behind the shim.  Random choices (kill times,
# damaged bytes) come from a seed printed at the start, FAULTS_SEED to
# replay one.  Most commands unlock through a session, so that Argon2id
# does not dominate the running time.

F_SEED=${FAULTS_SEED:-$(( $(date +%s) % 32768 ))}
RANDOM=$F_SEED
echo "t_faults: seed $F_SEED (FAULTS_SEED=$F_SEED to replay)"

PASS='faults-Tr0ub4dor&3-horse'
printf '%s\n' "$PASS" >pw
V=$PWD/v.db
TV=("$TACT_BIN" --vault "$V")
mkdir -p tmp
export TMPDIR=$PWD/tmp

# f_asan: whether $TACT_BIN is built with AddressSanitizer.
f_asan() {
	ldd "$TACT_BIN" 2>/dev/null | grep -q libasan ||
	    nm "$TACT_BIN" 2>/dev/null | grep -q __asan_init
}
F_PRELOAD_ENV=()
if f_asan; then
	F_PRELOAD_ENV=(ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0")
fi

# f_count DB: the number of turndowns, read with sqlite3 (not tact).
f_count() {
	sqlite3 "$1" 'SELECT count(*) FROM turndowns' 2>&1
}

# f_integrity DB: "ok" if SQLite finds DB sound.
f_integrity() {
	sqlite3 "$1" 'PRAGMA integrity_check' 2>&1 | tr '\n' ' ' | sed 's/ $//'
}

# f_clean_exit NAME: the last command ($RC, $ERR) did not crash: no signal,
# no timeout, no sanitizer report, and every stderr line is a "tact: " one.
f_clean_exit() {
	if [ "$RC" -ge 124 ]; then
		fail "$1" "exit $RC (crash, signal or timeout): $(head -c 300 "$ERR" | tr '\n' '|')"
		return 1
	fi
	if grep -qaE 'Sanitizer|runtime error|Segmentation|Aborted|core dumped' "$ERR"; then
		fail "$1" "sanitizer or crash report: $(grep -aE 'Sanitizer|runtime error' "$ERR" |
		    head -n 2 | tr '\n' '|')"
		return 1
	fi
	if grep -qav '^tact: ' "$ERR"; then
		fail "$1" "stderr line not starting 'tact: ': $(grep -av '^tact: ' "$ERR" | head -n 1)"
		return 1
	fi
	ok "$1"
}

# f_no_control NAME: $ERR holds no control character but the newlines.
f_no_control() {
	if LC_ALL=C grep -qaP '[\x00-\x09\x0b-\x1f\x7f]' "$ERR"; then
		fail "$1" "control character in stderr: $(od -c "$ERR" | head -n 3 | tr '\n' '|')"
		return 1
	fi
	ok "$1"
}

# f_wait_pid PID SECS: waits for the background PID, at most SECS seconds
# (then kills it); sets F_RC to its exit status (137 if it had to be killed).
f_wait_pid() {
	local i
	for i in $(seq 1 $(($2 * 10))); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 "$1" 2>/dev/null
	F_RC=0
	{ wait "$1"; } 2>/dev/null || F_RC=$?
}

# f_sleep_ms MS: sleeps MS milliseconds.
f_sleep_ms() {
	sleep "$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))"
}

# --- a vault with a few turndowns, and a session ---------------------------
expect_rc 0 "setup: init" -- "${TV[@]}" --passphrase-file pw init
for i in 1 2 3; do
	expect_rc 0 "setup: log $i" -- "${TV[@]}" --passphrase-file pw log --candidate "Cand $i" \
	    --client "Client $i" --role "Head of Data" --reason growth --reason hr:confidential \
	    --confidential "private remark number $i" --share "shareable remark $i" \
	    --met "Ann Lee:hiring-manager:positive" --offer-date 2024-01-0$i --decline-date 2024-02-0$i
done
expect_rc 0 "setup: unlock" -- "${TV[@]}" --passphrase-file pw unlock --ttl 30
TACT_SESSION=$(sed -n 's/^export TACT_SESSION=//p' "$OUT")
TACT_SESSION=${TACT_SESSION//\'/}
TACT_SESSION=${TACT_SESSION//\"/}
export TACT_SESSION
expect_rc 0 "setup: the session works" -- "${TV[@]}" list

python3 - <<'EOF'
import json, random
r = random.Random(42)
cats = ["compensation", "equity", "growth", "hr", "team", "culture", "relocation", "remote"]
def line(i):
    return json.dumps({"candidate": "Imp %d" % (i % 5000), "client": "Client %d" % (i % 50),
        "role": "Engineer", "decline_date": "2024-%02d-%02d" % (1 + i % 12, 1 + i % 28),
        "reasons": [{"category": r.choice(cats),
                     "visibility": r.choice(["confidential", "shareable"])}],
        "shareable": "ok note %d" % i, "confidential": "private words %d" % i})
with open("big.jsonl", "w") as f:
    for i in range(100000):
        f.write(line(i) + "\n")
with open("small.jsonl", "w") as f:
    for i in range(200):
        f.write(line(i) + "\n")
EOF

# --- disk errors through the LD_PRELOAD shim ---------------------------------
if sqlite_only "disk errors on the vault's files (LD_PRELOAD shim)"; then
if ! cc -shared -fPIC -O1 -o "$PWD/failio.so" "$E2E_DIR/../fault/failio.c" -ldl 2>cc.err; then
	fail "faults: build the failio shim" "$(head -c 300 cc.err | tr '\n' '|')"
fi

# f_fault NAME CALLS ERRNO MATCH AFTER CMD...: runs tact CMD with the shim set
# to fail CALLS on files matching MATCH after AFTER calls, and checks exit 74
# with one "tact: " line, that the fault was really injected, and that the
# vault is then sound and holds the same turndowns.
f_fault() {
	local name=$1 calls=$2 errno=$3 match=$4 after=$5 n0 n1
	shift 5
	n0=$(f_count "$V")
	rm -f failio.log
	expect_rc 74 "$name: exit 74" -- env "${F_PRELOAD_ENV[@]}" LD_PRELOAD="$PWD/failio.so" \
	    FAILIO_CALLS="$calls" FAILIO_ERRNO="$errno" FAILIO_MATCH="$match" FAILIO_AFTER="$after" \
	    FAILIO_LOG="$PWD/failio.log" "${TV[@]}" "$@"
	stderr_one_line "$name: one-line error"
	if [ -s failio.log ]; then
		ok "$name: the fault was injected"
	else
		fail "$name: the fault was injected" "the shim never failed a call"
	fi
	assert_eq "$name: integrity_check" "$(f_integrity "$V")" "ok"
	n1=$(f_count "$V")
	assert_eq "$name: turndowns unchanged" "$n1" "$n0"
}

# The note from a file: --confidential TEXT would add its warning to stderr.
printf 'never half written\n' >f_conf.txt
F_LOG=(log --candidate "Fault Case" --client "Client 1" --reason compensation \
    --confidential-file "$PWD/f_conf.txt")
f_fault "log, WAL write ENOSPC at once" pwrite ENOSPC v.db-wal 0 "${F_LOG[@]}"
f_fault "log, WAL write ENOSPC after 2" pwrite ENOSPC v.db-wal 2 "${F_LOG[@]}"
f_fault "log, WAL write EIO after 1" pwrite EIO v.db-wal 1 "${F_LOG[@]}"
f_fault "log, shm write EIO" pwrite EIO v.db-shm 0 "${F_LOG[@]}"
f_fault "log, WAL fsync EIO" fsync EIO v.db-wal 0 "${F_LOG[@]}"
f_fault "log, WAL fsync ENOSPC after 1" fsync ENOSPC v.db-wal 1 "${F_LOG[@]}"
f_fault "import, WAL write ENOSPC at once" pwrite ENOSPC v.db-wal 0 import small.jsonl
f_fault "import, WAL write ENOSPC after 5" pwrite ENOSPC v.db-wal 5 import small.jsonl
f_fault "import, WAL write EIO after 20" pwrite EIO v.db-wal 20 import small.jsonl
f_fault "import, WAL fsync EIO" fsync EIO v.db-wal 0 import small.jsonl
f_fault "import, any vault file ENOSPC after 3" pwrite,fsync ENOSPC v.db 3 import small.jsonl
# 100,000 lines overflow the page cache, so the WAL is written mid-import.
f_fault "import of 100,000, disk full mid-import" pwrite ENOSPC v.db-wal 300 import big.jsonl
expect_rc 0 "after the disk errors, tact still reads the vault" -- "${TV[@]}" list
assert_eq "after the disk errors, the three turndowns are listed" \
    "$(grep -c 'Cand ' "$OUT")" "3"
fi # sqlite_only

# --- kill -9 during a large import, 20 times -----------------------------------
# f_kill_run NAME FILE LINES MS: starts `tact import FILE`, kills it with
# SIGKILL after MS milliseconds, and checks the vault is sound and holds
# either exactly what it held or all LINES more, never part of them.
f_kill_run() {
	local name=$1 file=$2 lines=$3 ms=$4 n0 n1 pid rc=0 ic
	n0=$(f_count "$V")
	"${TV[@]}" import "$file" >/dev/null 2>kill.err &
	pid=$!
	f_sleep_ms "$ms"
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null || rc=$?
	ic=$(f_integrity "$V")
	n1=$(f_count "$V")
	if [ "$ic" != ok ]; then
		fail "$name" "killed after ${ms} ms: integrity_check says '$ic'"
		return 1
	fi
	if [ "$n1" = "$n0" ] || [ "$n1" = "$((n0 + lines))" ]; then
		[ "$n1" != "$n0" ] && F_FINISHED=$((F_FINISHED + 1))
		ok "$name"
		return 0
	fi
	fail "$name" "killed after ${ms} ms (exit $rc): $n0 turndowns became $n1, a partial import"
}

F_FINISHED=0
for i in $(seq 1 20); do
	f_kill_run "kill -9 during a 100,000-line import, run $i" big.jsonl 100000 \
	    $((50 + RANDOM % 1451))
done
# A short import, killed around its commit: some runs finish, some do not.
start=$(date +%s%N)
"${TV[@]}" import small.jsonl >/dev/null 2>&1
F_SMALL_MS=$(( ($(date +%s%N) - start) / 1000000 ))
for i in $(seq 1 6); do
	f_kill_run "kill -9 around the commit of a 200-line import, run $i" small.jsonl 200 \
	    $((RANDOM % (F_SMALL_MS * 3 / 2 + 10)))
done
echo "t_faults: $F_FINISHED of 26 killed imports had finished (200-line import: $F_SMALL_MS ms)"
expect_rc 0 "after the kills, tact still reads the vault" -- "${TV[@]}" --json list
assert_jq "after the kills, every turndown still opens" "$OUT" 'length >= 3'

# --- damaged vault files --------------------------------------------------------
# expect_rc_any NAME -- CMD...: like expect_rc, for a command whose exit code
# is judged afterwards; records nothing itself.
expect_rc_any() {
	shift
	[ "${1:-}" = -- ] && shift
	RC=0
	timeout -k 5 30 "$@" </dev/null >"$OUT" 2>"$ERR" || RC=$?
}

if sqlite_only "damaged vault files (truncated, bytes flipped, schema text)"; then
# A copy of a small vault, truncated or damaged in known kinds of place; list
# (through the passphrase, so the key slots are read), show --confidential
# and log (through the session) are each run on it.  Each answer is exact:
# 0 where nothing the command reads is damaged, 65 where something is (bad
# data, SPEC section 3), with every stderr line a "tact: " one, never a
# crash, and a command that fails leaves the file byte for byte as it was.
D=$PWD/d
mkdir -p "$D"
TD=(env -u TACT_SESSION "$TACT_BIN" --vault "$D/orig.db" --passphrase-file pw)
expect_rc 0 "damaged: a small vault" -- "${TD[@]}" init
for i in 1 2 3 4 5; do
	"${TD[@]}" log --candidate "Dam $i" --client "Client $((i % 2))" \
	    --reason team:confidential --reason title --confidential "damaged note $i" \
	    --met "Bo Ray:peer:negative" >/dev/null 2>&1
done
assert_eq "damaged: the small vault holds 5 turndowns" "$(f_count "$D/orig.db")" 5
expect_rc 0 "damaged: a session for the small vault" -- "${TD[@]}" unlock --ttl 30
D_SESSION=$(sed -n 's/^export TACT_SESSION=//p' "$OUT" | tr -d "'\"")
D_SIZE=$(stat -c %s "$D/orig.db")
D_PAGE=$(sqlite3 "$D/orig.db" 'PRAGMA page_size')
F_CODES=""

# f_on COPY CMD [ID]: runs list, show ID --confidential or log on the vault COPY.
f_on() {
	case $2 in
	list)
		expect_rc_any "" -- env -u TACT_SESSION "$TACT_BIN" --vault "$1" \
		    --passphrase-file pw list ;;
	show)
		expect_rc_any "" -- env TACT_SESSION="$D_SESSION" "$TACT_BIN" --vault "$1" \
		    show "${3:-1}" --confidential ;;
	log)
		expect_rc_any "" -- env TACT_SESSION="$D_SESSION" "$TACT_BIN" --vault "$1" \
		    log --candidate "Dam 1" --client New --reason other ;;
	esac
}

# What list and show print on the undamaged vault, to compare with.
cp "$D/orig.db" "$D/ref.db"
f_on "$D/ref.db" list
assert_eq "damaged: list on the undamaged vault" "$RC" 0
cp "$OUT" "$D/list.out"
for id in 1 2 3 4 5; do
	cp "$D/orig.db" "$D/ref.db"
	f_on "$D/ref.db" show "$id"
	assert_eq "damaged: show $id on the undamaged vault" "$RC" 0
	cp "$OUT" "$D/show.$id.out"
done
rm -f "$D/ref.db" "$D/ref.db-wal" "$D/ref.db-shm"

# f_damaged NAME DB LIST SHOW LOG [ID]: runs the three commands on copies of
# DB (show on turndown ID, default 1) and checks each exits with the code
# given for it; where 0 on a vault damaged only where nothing reads, list
# and show must print what they print on the undamaged vault (SAME=1).
f_damaged() {
	local name=$1 db=$2 id=${6:-1} c want ref
	local -A wants=([list]=$3 [show]=$4 [log]=$5)
	for c in list show log; do
		want=${wants[$c]}
		cp "$db" "$D/try.db"
		rm -f "$D/try.db-wal" "$D/try.db-shm"
		f_on "$D/try.db" "$c" "$id"
		F_CODES="$F_CODES $RC"
		assert_eq "$name: $c exits $want" "$RC" "$want"
		f_clean_exit "$name: $c exits cleanly"
		if [ "$RC" != 0 ]; then
			if cmp -s "$db" "$D/try.db"; then ok "$name: $c changes nothing"
			else fail "$name: $c changes nothing" "the vault file changed"; fi
		elif [ "${SAME:-0}" = 1 ] && [ "$c" != log ]; then
			ref=$D/show.$id.out
			[ "$c" = list ] && ref=$D/list.out
			if cmp -s "$OUT" "$ref"; then ok "$name: $c prints what it did before"
			else fail "$name: $c prints what it did before" "$(diff "$ref" "$OUT" |
			    head -n 4 | tr '\n' '|')"; fi
		fi
	done
}

# Cut short by one page or more: the header's page count exceeds the file,
# which SQLite refuses as corrupt, so the vault is refused at open (65).
for size in 0 1 100 1024 4096 8192 $((D_SIZE / 2)) $((D_SIZE - D_PAGE)) \
    $((D_SIZE - D_PAGE - 1)); do
	head -c "$size" "$D/orig.db" >"$D/cut.db"
	f_damaged "vault truncated to $size of $D_SIZE bytes" "$D/cut.db" 65 65 65
done
# Cut inside its last page: the file still has every page, and SQLite reads
# the missing byte as 0.  That byte is the last of the last page, which
# belongs to one of the newest schemas' tables or indexes (the release
# ledger's chunks, empty until a large report, or the feedback table's):
# list, show and log never read it, so all three succeed.
last_page=$(sqlite3 "$D/orig.db" "SELECT name FROM dbstat WHERE pageno = $((D_SIZE / D_PAGE))")
case $last_page in
release_gone | release_chunks | sqlite_autoindex_release_chunks_1 | feedback | \
    feedback_candidate | feedback_client)
	ok "vault truncated by 1 byte: its last page is one list, show and log never read" ;;
*) fail "vault truncated by 1 byte: its last page is one list, show and log never read" \
    "it is $last_page" ;;
esac
head -c $((D_SIZE - 1)) "$D/orig.db" >"$D/cut.db"
SAME=1 f_damaged "vault truncated to $((D_SIZE - 1)) of $D_SIZE bytes" "$D/cut.db" 0 0 0

# Damage of three kinds, at places drawn from the seed (damage.py says where):
#   free   bytes in the unused space of b-tree pages: nothing reads them, so
#          every command succeeds and list and show print what they did;
#   sealed one byte of a sealed value, and of every copy of it: a command
#          that opens that value fails (65), the others succeed.  list opens
#          every turndown's signals and every candidate's and client's name
#          and key; show ID every part of turndown ID, and its candidate's and
#          client's; log (for "Dam 1", candidate 1, and a new client) only
#          candidate 1's key;
#   page   the page-type byte of a b-tree page made invalid, so SQLite finds
#          it corrupt when a command reads that page: list reads turndowns
#          through turndowns_by_candidate (a covering index), never the
#          table; show reads the table by id, never that index; log writes
#          to both, and every command reads candidates and clients.
cat >damage.py <<'EOF'
import random, sqlite3, sys
path, kind, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rnd = random.Random(seed)
data = bytearray(open(path, "rb").read())
psize = int.from_bytes(data[16:18], "big")
db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
def header(p):
    return (p - 1) * psize + (100 if p == 1 else 0)
def gap(p):
    h = header(p)
    if data[h] not in (2, 5, 10, 13):
        return None
    ncell = int.from_bytes(data[h + 3:h + 5], "big")
    lo = h + (8 if data[h] in (10, 13) else 12) + 2 * ncell
    hi = (p - 1) * psize + (int.from_bytes(data[h + 5:h + 7], "big") or 65536)
    return (lo, hi) if hi > lo else None
if kind == "free":
    gaps = [g for g in (gap(p) for p in range(1, len(data) // psize + 1)) if g]
    offs = []
    for _ in range(6):
        lo, hi = rnd.choice(gaps)
        offs.append(rnd.randrange(lo, hi))
        data[offs[-1]] ^= rnd.randrange(1, 256)
    print("free 1 at", *offs)
elif kind == "sealed":
    table, column = rnd.choice([("turndowns", "signals"), ("turndowns", "people"),
        ("turndowns", "shareable"), ("turndowns", "confidential"),
        ("candidates", "wrapped_key"), ("candidates", "name"), ("clients", "name")])
    row = rnd.choice([r[0] for r in db.execute("SELECT id FROM %s" % table)])
    blob = db.execute("SELECT %s FROM %s WHERE id = ?" % (column, table), (row,)).fetchone()[0]
    key = {"turndowns": "id", "candidates": "candidate_id", "clients": "client_id"}[table]
    td = db.execute("SELECT min(id) FROM turndowns WHERE %s = ?" % key, (row,)).fetchone()[0]
    ats, at = [], data.find(blob)
    while at >= 0:
        ats.append(at)
        at = data.find(blob, at + 1)
    assert ats, "the value is not in the file"
    k, x = rnd.randrange(len(blob)), rnd.randrange(1, 256)
    for at in ats:
        data[at + k] ^= x
    print("sealed", td, table, column, row, "at", *[at + k for at in ats])
else:
    tree = rnd.choice(["turndowns", "turndowns_by_candidate", "candidates", "clients"])
    p = rnd.choice([r[0] for r in db.execute("SELECT pageno FROM dbstat WHERE name = ? "
        "AND pagetype = 'leaf'", (tree,))])
    data[header(p)] = 0
    print("page 1", tree, "at", p)
open(path, "wb").write(bytes(data))
EOF
F_KINDS=(free sealed page free sealed page free sealed sealed page free sealed)
for i in $(seq 0 11); do
	cp "$D/orig.db" "$D/bytes.db"
	if ! where=$(python3 damage.py "$D/bytes.db" "${F_KINDS[i]}" "$RANDOM" 2>&1); then
		fail "damage the vault (${F_KINDS[i]})" "$(echo "$where" | tail -n 1)"
		continue
	fi
	read -r kind td what column row _ <<<"$where"
	name="vault with $where"
	case $kind/$what/$column in
	free/*)
		SAME=1 f_damaged "$name" "$D/bytes.db" 0 0 0 ;;
	sealed/turndowns/signals)
		f_damaged "$name" "$D/bytes.db" 65 65 0 "$td" ;;
	sealed/turndowns/*)
		f_damaged "$name" "$D/bytes.db" 0 65 0 "$td" ;;
	sealed/candidates/wrapped_key)
		f_damaged "$name" "$D/bytes.db" 65 65 $([ "$row" = 1 ] && echo 65 || echo 0) "$td" ;;
	sealed/*)
		f_damaged "$name" "$D/bytes.db" 65 65 0 "$td" ;;
	page/turndowns/*)
		f_damaged "$name" "$D/bytes.db" 0 65 65 ;;
	page/turndowns_by_candidate/*)
		f_damaged "$name" "$D/bytes.db" 65 0 65 ;;
	page/*)
		f_damaged "$name" "$D/bytes.db" 65 65 65 ;;
	esac
done
echo "t_faults: exit codes on damaged vaults:$(echo $F_CODES | tr ' ' '\n' | sort -n |
    uniq -c | awk '{ printf " %s x %s", $2, $1 }')"
# Damage at known places of the SQLite header and schema.  A damaged vault is
# bad data: exit 65, one line.  Regression tests from fuzzing core/vault.c:
# a negative user_version indexed migrations[-1] in migrate() (UBSan; 70
# without it), user_version 0 re-ran the first migration (70), and a schema
# whose text was altered failed to prepare tact's own statements (70).
f_header() {
	local name=$1 off=$2 byte=$3
	cp "$D/orig.db" "$D/hdr.db"
	printf "\\x$byte" | dd of="$D/hdr.db" bs=1 seek="$off" conv=notrunc status=none
	rm -f "$D/hdr.db-wal" "$D/hdr.db-shm"
	expect_rc 65 "$name: exit 65" -- env -u TACT_SESSION "$TACT_BIN" --vault "$D/hdr.db" \
	    --passphrase-file pw list
	f_clean_exit "$name: no crash"
	stderr_one_line "$name: one-line error"
}
f_header "header magic damaged" 0 00
f_header "header read version 3 (byte 19)" 19 03
f_header "page size 0 (bytes 16-17)" 16 00
cp "$D/orig.db" "$D/neg.db"
sqlite3 "$D/neg.db" 'PRAGMA user_version = -1'
expect_rc 65 "user_version -1: exit 65" -- env -u TACT_SESSION "$TACT_BIN" --vault "$D/neg.db" \
    --passphrase-file pw list
f_clean_exit "user_version -1: no crash"
stderr_one_line "user_version -1: one-line error"
cp "$D/orig.db" "$D/zero.db"
sqlite3 "$D/zero.db" 'PRAGMA user_version = 0'
expect_rc 65 "user_version 0 on a full vault: exit 65" -- env -u TACT_SESSION "$TACT_BIN" \
    --vault "$D/zero.db" --passphrase-file pw list
stderr_one_line "user_version 0 on a full vault: one-line error"
cp "$D/orig.db" "$D/schema.db"
sqlite3 "$D/schema.db" "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET
    sql = replace(sql, 'wrapped_key', 'wrapped_kez') WHERE name = 'candidates';"
expect_rc 65 "damaged schema text: exit 65" -- env TACT_SESSION="$D_SESSION" "$TACT_BIN" \
    --vault "$D/schema.db" list
stderr_one_line "damaged schema text: one-line error"
# A key slot whose Argon2id cost was raised must be refused, not computed
# for years (regression test: keyslot_open accepts opslimit up to 2^32-1).
cp "$D/orig.db" "$D/slow.db"
sqlite3 "$D/slow.db" 'UPDATE keyslots SET opslimit = 4000000000'
start=$(date +%s)
E2E_TIMEOUT=15 expect_rc 65 "key slot with a huge opslimit: refused (65) quickly" -- \
    env -u TACT_SESSION "$TACT_BIN" --vault "$D/slow.db" --passphrase-file pw list
assert_eq "key slot with a huge opslimit: answered within 10 s" \
    "$(( $(date +%s) - start <= 10 ? 1 : 0 ))" 1

fi # sqlite_only
# On PostgreSQL the damage is done with psql: a sealed value with a flipped
# bit is bad data (65) for the command that opens it and nothing for one
# that does not; a table the schema lacks is 65 for every command; and a
# command that fails leaves the database as it was.
if on_pg; then
	PD=$PWD/pgdamage.db
	TP=(env -u TACT_SESSION "$TACT_BIN" --vault "$PD" --passphrase-file pw)
	expect_rc 0 "damaged on pg: a small vault" -- "${TP[@]}" init
	for i in 1 2 3; do
		"${TP[@]}" log --candidate "Dam $i" --client "Client $i" --reason title \
		    --confidential "damaged note $i" >/dev/null 2>&1
	done
	assert_eq "damaged on pg: 3 turndowns" "$(f_count "$PD")" 3
	pg_vault_sql "$PD" "UPDATE turndowns SET confidential =
	    set_byte(confidential, 30, get_byte(confidential, 30) # 1) WHERE id = 2" >/dev/null
	before=$(snapshot "$PD")
	expect_rc 65 "damaged on pg: show of the flipped note is bad data" -- "${TP[@]}" \
	    show 2 --confidential
	stderr_one_line "damaged on pg: one-line error"
	assert_eq "damaged on pg: the failed show changes nothing" "$(snapshot "$PD")" "$before"
	expect_rc 0 "damaged on pg: list does not open the note" -- "${TP[@]}" list
	expect_rc 0 "damaged on pg: show of another turndown" -- "${TP[@]}" show 1 --confidential
	expect_rc 65 "damaged on pg: verify finds the flipped note" -- "${TP[@]}" verify
	pg_vault_sql "$PD" "ALTER TABLE turndowns RENAME TO turndowns_gone" >/dev/null
	before=$(snapshot "$PD")
	expect_rc 65 "damaged on pg: a table missing: list is bad data" -- "${TP[@]}" list
	stderr_one_line "damaged on pg: a table missing: one-line error"
	expect_rc 65 "damaged on pg: a table missing: log is bad data" -- "${TP[@]}" log \
	    --candidate "Dam 4" --client "Client 4" --reason title
	assert_eq "damaged on pg: a table missing: nothing changed" "$(snapshot "$PD")" "$before"
fi

# --- resource limits -------------------------------------------------------------
# f_rss NAME MAXKB SECS CMD...: runs CMD under /usr/bin/time; checks its peak
# RSS and wall time.  $RC, $OUT and $ERR as after expect_rc.
f_rss() {
	local name=$1 max=$2 secs=$3 kb t
	shift 3
	RC=0
	/usr/bin/time -f '%M %e' -o time.out timeout -k 5 60 "$@" <"${STDIN:-/dev/null}" \
	    >"$OUT" 2>"$ERR" || RC=$?
	kb=$(tail -n 1 time.out | cut -d' ' -f1)
	t=$(tail -n 1 time.out | cut -d' ' -f2)
	if [ "${kb:-999999999}" -le "$max" ]; then
		ok "$name: peak RSS ${kb} KiB"
	else
		fail "$name: peak RSS" "${kb:-?} KiB, limit $max KiB"
	fi
	if awk -v t="${t:-999}" -v s="$secs" 'BEGIN { exit !(t <= s) }'; then
		ok "$name: done in ${t} s"
	else
		fail "$name: time" "${t:-?} s, limit $secs s"
	fi
}
F_RSS_MAX=65536

n0=$(f_count "$V")
# Linux caps one argument at 128 KiB (MAX_ARG_STRLEN), so 2 MiB cannot be an
# argument at all: the longest possible one, then 2 MiB through a file.
head -c $((128 * 1024 - 1)) /dev/zero | tr '\0' 'a' >arg.txt
expect_rc 65 "128 KiB --confidential: exit 65" -- "${TV[@]}" log --candidate A --client B \
    --reason growth --confidential "$(cat arg.txt)"
stderr_one_line "128 KiB --confidential: one-line error"
assert_contains "128 KiB --confidential: says it is too long" "$ERR" "too long"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >big.txt
f_rss "2 MiB --confidential-file" "$F_RSS_MAX" 5 "${TV[@]}" log --candidate A --client B \
    --reason growth --confidential-file big.txt
assert_eq "2 MiB --confidential-file: exit 65" "$RC" 65
stderr_one_line "2 MiB --confidential-file: one-line error"
STDIN=big.txt f_rss "2 MiB --share-file - on stdin" "$F_RSS_MAX" 5 "${TV[@]}" log \
    --candidate A --client B --reason growth --share-file -
assert_eq "2 MiB --share-file -: exit 65" "$RC" 65

python3 -c 'import sys; sys.stdout.write("{\"candidate\": \"" + "a" * (50 << 20) + "\"}\n")' \
    >line50m.jsonl
f_rss "JSON Lines line of 50 MiB" "$F_RSS_MAX" 10 "${TV[@]}" import line50m.jsonl
assert_eq "JSON Lines line of 50 MiB: exit 65" "$RC" 65
stderr_one_line "JSON Lines line of 50 MiB: one-line error"
assert_contains "JSON Lines line of 50 MiB: names line 1" "$ERR" "line 1"
rm -f line50m.jsonl

python3 -c 'import json; print(json.dumps({"candidate": "A", "client": "B",
    "reasons": [{"category": "growth"}] * 10000}))' >reasons.jsonl
f_rss "10,000 reasons on one JSON line" "$F_RSS_MAX" 10 "${TV[@]}" import reasons.jsonl
assert_eq "10,000 reasons on one JSON line: exit 65" "$RC" 65
stderr_one_line "10,000 reasons on one JSON line: one-line error"
F_ARGS=()
F_CATS=(compensation equity benefits title scope growth better-fit counteroffer relocation
    commute remote family partner-career schedule workload culture hiring-manager team
    leadership hr process stability reputation other)
for i in $(seq 0 9999); do
	F_ARGS+=(--reason "${F_CATS[i % 24]}$([ $((i % 3)) = 0 ] && echo :confidential)")
done
f_rss "10,000 --reason on one command" "$F_RSS_MAX" 10 "${TV[@]}" --json log \
    --candidate "Many Reasons" --client B "${F_ARGS[@]}"
f_clean_exit "10,000 --reason on one command: clean"
# One input takes at most TD_REASONS_IN_MAX (64) reason entries before they
# are merged, on the command line as in JSON Lines: bad input data (65).
assert_eq "10,000 --reason on one command: exit 65" "$RC" 65
stderr_one_line "10,000 --reason on one command: one-line error"
assert_contains "10,000 --reason on one command: names the limit" "$ERR" \
    "too many reasons (the limit is 64)"

python3 -c 'print("[" * 200000)' >deep.jsonl
f_rss "JSON nested 200,000 deep" "$F_RSS_MAX" 5 "${TV[@]}" import deep.jsonl
assert_eq "JSON nested 200,000 deep: exit 65" "$RC" 65
stderr_one_line "JSON nested 200,000 deep: one-line error"
python3 -c 'print("{\"a\":" * 200000)' >deepobj.jsonl
f_rss "JSON objects nested 200,000 deep" "$F_RSS_MAX" 5 "${TV[@]}" import deepobj.jsonl
assert_eq "JSON objects nested 200,000 deep: exit 65" "$RC" 65
stderr_one_line "JSON objects nested 200,000 deep: one-line error"
assert_eq "resource limits: nothing was imported or logged" "$(f_count "$V")" "$n0"

# A passphrase file of 1 GB (sparse), with no newline in its first 1024 bytes
# or with a first line longer than 1024 bytes: a clear error, small and quick.
# (No session here: the passphrase must be read.)
truncate -s 1G pw1g
f_rss "1 GB passphrase file" "$F_RSS_MAX" 5 env -u TACT_SESSION "${TV[@]}" \
    --passphrase-file pw1g list
assert_eq "1 GB passphrase file: exit 65" "$RC" 65
stderr_one_line "1 GB passphrase file: one-line error"
rm -f pw1g
{ head -c 2000 /dev/zero | tr '\0' 'p'; echo; } >pwlong
truncate -s 1G pwlong
f_rss "1 GB passphrase file, first line of 2000 bytes" "$F_RSS_MAX" 5 env -u TACT_SESSION \
    "${TV[@]}" --passphrase-file pwlong list
assert_eq "passphrase line of 2000 bytes: exit 65" "$RC" 65
stderr_one_line "passphrase line of 2000 bytes: one-line error"
rm -f pwlong
cp pw pwgood
truncate -s 1G pwgood
expect_rc 0 "1 GB passphrase file whose first line is right: unlocks" -- \
    env -u TACT_SESSION "${TV[@]}" --passphrase-file pwgood list
rm -f pwgood

# --- error messages are one line, with no control characters ---------------------
# (Regression tests: messages echoed what was typed, newlines and escape
# sequences included.)
expect_rc 65 "date with a newline: exit 65" -- "${TV[@]}" log --candidate A --client B \
    --reason growth --decline-date $'2024\n-01-01'
stderr_one_line "date with a newline: one-line error"
printf '%s\n' '{"candidate": "A", "client": "B", "reasons": ["growth"], "decline_date": "\u001b[2J\u001b[31mX"}' >esc1.jsonl
expect_rc 65 "date with an escape sequence: exit 65" -- "${TV[@]}" import esc1.jsonl
f_no_control "date with an escape sequence: no control character in the error"
printf '%s\n' '{"candidate": "A", "client": "B", "reasons": [{"category": "gro\rwth"}]}' >esc2.jsonl
expect_rc 65 "category with a carriage return: exit 65" -- "${TV[@]}" import esc2.jsonl
f_no_control "category with a carriage return: no control character in the error"
printf '%s\n' '{"candidate": "A", "client": "B", "reasons": ["growth"], "x\u001b[1m": 1}' >esc3.jsonl
expect_rc 65 "unknown key with an escape: exit 65" -- "${TV[@]}" import esc3.jsonl
f_no_control "unknown key with an escape: no control character in the error"
printf '{"candidate": "A", \x1b[2J}\n' >esc4.jsonl
expect_rc 65 "raw escape in a JSON line: exit 65" -- "${TV[@]}" import esc4.jsonl
f_no_control "raw escape in a JSON line: no control character in the error"

# --- secrets: what a failing or waiting tact leaves behind -------------------------
# f_listing: every entry under the places a temporary file could land.
f_listing() {
	{
		find "$PWD" "$TMPDIR" "$XDG_RUNTIME_DIR" -mindepth 1 \
		    -not -path "$XDG_RUNTIME_DIR/tact" -not -path "$XDG_RUNTIME_DIR/tact/*" \
		    -not -path "$PWD/cap*" 2>/dev/null
		# Other test runs may share /tmp, and others may compile there as the
		# same user: their folders and the compiler's cc?????? temporaries
		# are not tact's files (strace, below, sees exactly what tact made).
		find /tmp -mindepth 1 -maxdepth 1 -user "$(id -u)" -not -name 'tact-e2e.*' \
		    -not -name 'tact-check-*' -not -name 'tact-fuzz*' -not -name 'tact-faults-*' \
		    -not -name 'cc??????.*' 2>/dev/null
	} | grep -v -e "/cap/" -e "/listing\." | sort
}
# f_no_new_files NAME WANT CMD...: CMD fails with exit code WANT and leaves
# no new file.
f_no_new_files() {
	local name=$1 want=$2
	shift 2
	f_listing >listing.before
	expect_rc_any "$name" -- "$@"
	f_listing >listing.after
	assert_eq "$name: exit $want" "$RC" "$want"
	if cmp -s listing.before listing.after; then
		ok "$name: leaves no new file"
	else
		fail "$name: leaves no new file" "$(comm -13 listing.before listing.after | head -n 5 |
		    tr '\n' ' ')"
	fi
	if command -v strace >/dev/null 2>&1 &&
	    strace -f -qq -o strace.out -e trace=open,openat,creat,mkdir,mkdirat "$@" \
	    </dev/null >/dev/null 2>&1; then
		: # (it should not succeed; the listing check has said so)
	fi
	if [ -s strace.out ]; then
		local left
		left=$(grep -E 'O_CREAT|mkdir' strace.out | grep -v ' = -1 ' |
		    sed -n 's/^[0-9]* *[a-z]*(\(AT_FDCWD, \)\{0,1\}"\([^"]*\)".*/\2/p' |
		    while read -r p; do [ -e "$p" ] && [ "$p" != "$V" ] && echo "$p"; done)
		assert_eq "$name: every file it created is gone (strace)" "$left" ""
		rm -f strace.out
	fi
}
f_no_new_files "failing log (bad category)" 65 env -u TACT_SESSION "${TV[@]}" \
    --passphrase-file pw log --candidate "Leak Check" --client B --reason compensashun \
    --confidential "must leave no trace"
head -n 2 small.jsonl >bad.jsonl
echo '{"candidate": "Leak Check", "client": "B", "reasons": ["compensashun"]}' >>bad.jsonl
f_no_new_files "failing import (bad line 3)" 65 env -u TACT_SESSION "${TV[@]}" \
    --passphrase-file pw import bad.jsonl
assert_contains "failing import: names line 3" "$ERR" "line 3"
rm -f listing.before listing.after

# A tact waiting on stdin with the vault unlocked: what can others see?  Its
# soft core limit is raised first, so only tact itself can turn dumps off.
mkfifo in.fifo
exec 7<>in.fifo
(ulimit -S -c unlimited 2>/dev/null; exec env -u TACT_SESSION "${TV[@]}" \
    --passphrase-file pw import - <in.fifo >wait.out 2>wait.err 7>&-) &
F_PID=$!
# Wait until it blocks reading stdin (after the Argon2id unlock).
for i in $(seq 1 100); do
	st=$(awk '{ print $3 }' "/proc/$F_PID/stat" 2>/dev/null)
	sc=$(cut -d' ' -f1,2 "/proc/$F_PID/syscall" 2>/dev/null)
	if [ "$st" = S ] && { [ "$sc" = "0 0x0" ] || [ ! -r "/proc/$F_PID/syscall" ]; }; then
		sleep 0.2
		st=$(awk '{ print $3 }' "/proc/$F_PID/stat" 2>/dev/null)
		[ "$st" = S ] && break
	fi
	sleep 0.1
done
tr '\0' ' ' <"/proc/$F_PID/cmdline" >cmdline.txt
assert_contains "waiting import: cmdline names the passphrase file" cmdline.txt "--passphrase-file"
assert_not_contains "waiting import: passphrase not in cmdline" cmdline.txt "$PASS"
if tr '\0' '\n' 2>/dev/null <"/proc/$F_PID/environ" >environ.txt; then
	assert_not_contains "waiting import: passphrase not in its environment" environ.txt "$PASS"
else
	ok "waiting import: environment not readable (not dumpable)"
fi
assert_match "waiting import: core file size limit 0" "/proc/$F_PID/limits" \
    '^Max core file size +0 +0 '
if [ "$(id -u)" != 0 ]; then
	assert_eq "waiting import: not dumpable (/proc/PID owned by root)" \
	    "$(stat -c %u "/proc/$F_PID/status")" 0
fi
# A signal that would dump core must not leave one while keys are held.  A
# control process shows whether this system writes core files here at all.
mkdir -p coretest
(cd coretest && ulimit -S -c unlimited 2>/dev/null && exec sleep 30) &
F_CTL=$!
sleep 0.2
kill -SEGV "$F_CTL"
{ wait "$F_CTL"; } 2>/dev/null
F_CTL_CORE=$(ls coretest 2>/dev/null | grep -c '^core')
rm -rf coretest
kill -SEGV "$F_PID"
f_wait_pid "$F_PID" 10
if [ "$F_RC" = 139 ] || { f_asan && [ "$F_RC" != 0 ]; }; then
	ok "waiting import: SIGSEGV ends it (exit $F_RC)"
else
	fail "waiting import: SIGSEGV ends it" "exit $F_RC"
fi
exec 7>&-
F_CORES=$(ls 2>/dev/null | grep '^core' | tr '\n' ' ')
if [ "$F_CTL_CORE" -gt 0 ]; then
	assert_eq "waiting import: no core file after SIGSEGV" "$F_CORES" ""
else
	echo "t_faults: this system wrote no core for a control process" \
	    "(core_pattern '$(cat /proc/sys/kernel/core_pattern 2>/dev/null)'): core file check skipped"
fi
rm -f in.fifo

# Run as another user (root only): /proc/PID must then belong to root, the
# kernel's mark of a process that is not dumpable.  The binary may live where
# nobody cannot reach it (a 0700 home), so a copy runs from a private folder
# of nobody's own.  The copy is readable: the kernel also makes a process
# undumpable when its binary is not, which would hide whether tact made
# itself so.  A control process started the same way must stay dumpable.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1 &&
    sqlite_only "a copy of the binary run as nobody (the copy would be pgwrap.sh)"; then
	NB=$(mktemp -d /tmp/tact-faults-nobody.XXXXXX)
	mkdir -m 700 "$NB/run" "$NB/bin"
	cp "$TACT_BIN" "$NB/bin/tact"
	cp "$(command -v sleep)" "$NB/bin/control"
	chmod 755 "$NB/bin/tact" "$NB/bin/control"
	printf '%s\n' "$PASS" >"$NB/pw"
	chmod 700 "$NB"
	chown -R nobody "$NB"
	NB_TACT=$NB/bin/tact
	F_NOBODY=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
	F_AS=("${F_NOBODY[@]}" env -u TACT_SESSION HOME="$NB" XDG_RUNTIME_DIR="$NB/run"
	    TMPDIR="$NB" "$NB_TACT" --vault "$NB/v.db" --passphrase-file "$NB/pw")
	expect_rc 0 "as nobody: the copy of tact runs" -- "${F_NOBODY[@]}" "$NB_TACT" --version
	"${F_NOBODY[@]}" "$NB/bin/control" 30 &
	F_CTL=$!
	for i in $(seq 1 50); do
		tr '\0' ' ' <"/proc/$F_CTL/cmdline" 2>/dev/null | grep -q "^$NB/bin/control " && break
		sleep 0.1
	done
	assert_eq "as nobody: a control process is dumpable (/proc/PID belongs to nobody)" \
	    "$(stat -c %u "/proc/$F_CTL/status")" "$(id -u nobody)"
	kill "$F_CTL" 2>/dev/null
	{ wait "$F_CTL"; } 2>/dev/null
	expect_rc 0 "as nobody: init" -- "${F_AS[@]}" init
	mkfifo "$NB/in.fifo"
	chown nobody "$NB/in.fifo"
	exec 8<>"$NB/in.fifo"
	"${F_AS[@]}" import - <"$NB/in.fifo" >/dev/null 2>&1 8>&- &
	F_PID=$!
	for i in $(seq 1 50); do
		tr '\0' ' ' <"/proc/$F_PID/cmdline" 2>/dev/null | grep -q "^$NB_TACT " && break
		sleep 0.1
	done
	sleep 0.5
	assert_eq "as nobody: tact runs as nobody" \
	    "$(awk '/^Uid:/ { print $2 }' "/proc/$F_PID/status")" "$(id -u nobody)"
	assert_eq "as nobody: /proc/PID belongs to root (not dumpable)" \
	    "$(stat -c %u "/proc/$F_PID/status")" 0
	assert_eq "as nobody: /proc/PID/environ belongs to root" \
	    "$(stat -c %u "/proc/$F_PID/environ")" 0
	echo '{"candidate": "N", "client": "B", "reasons": ["growth"]}' >&8
	exec 8>&-
	f_wait_pid "$F_PID" 20
	assert_eq "as nobody: the import then finishes" "$F_RC" 0
	rm -rf "$NB"
else
	echo "t_faults: not root, or no setpriv or no user nobody: the other-user dumpable" \
	    "check is skipped"
fi
