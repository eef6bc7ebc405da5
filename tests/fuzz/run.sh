#!/bin/sh
# run.sh - runs each libFuzzer harness named on the command line (jsonl,
# met, ...) for $FUZZ_SECONDS seconds (default 60), starting from a copy of
# its seed corpus (FUZZ_SECONDS=0: the corpus once, nothing new), and prints per harness the executions and coverage from
# libFuzzer's last lines.  Exits non-zero if any harness found a crash; the
# input is kept as tests/fuzz/bin/crash-NAME-* and the log beside it.
# Called by `make fuzz` (tests/fuzz/fuzz.mk).
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$here/bin
secs=${FUZZ_SECONDS:-60}
# FUZZ_SECONDS=0 replays the committed corpus only (every seed and every
# regression input once): deterministic, for CI.
if [ "$secs" = 0 ]; then budget=-runs=0; else budget=-max_total_time=$secs; fi
failed=""
work=$(mktemp -d "${TMPDIR:-/tmp}/tact-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
for name in "$@"; do
	prog=$bin/fuzz_$name
	log=$bin/fuzz_$name.log
	mkdir -p "$work/$name"
	cp "$here/corpus/$name"/* "$work/$name"/ 2>/dev/null
	# Only tact's own code runs here; halt on the first report.
	# TMPDIR: fuzz_vault's scratch vault goes in $work, removed even after a crash.
	TMPDIR=$work ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
		"$prog" "$budget" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="$bin/crash-$name-" "$work/$name" >"$log" 2>&1
	rc=$?
	runs=$(grep -ao 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -n 1)
	cov=$(grep -aE '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]*' | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		printf 'fuzz_%s: ok: %s; %s; corpus %s files\n' "$name" "${runs:-?}" "${cov:-cov: ?}" \
			"$(ls "$work/$name" | wc -l)"
	else
		printf 'fuzz_%s: FAILED (exit %s): %s; %s; see %s\n' "$name" "$rc" "${runs:-stopped}" \
			"${cov:-cov: ?}" "$log"
		grep -aE 'ERROR: |check failed|SUMMARY|Test unit written|runtime error' "$log" | head -n 8
		failed="$failed $name"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: crashes in:$failed"
	exit 1
fi
echo "fuzz: no crashes in $* (${secs} s each)"
