# t_docs.sh - the options of every command's --help, its man page and the
# README's command table are the same options (docs_rule.py), so that the
# three cannot drift apart.
#
# Sourced by run.sh (with lib.sh) in a fresh folder.

repo=$(cd "$E2E_DIR/../.." && pwd)
/usr/bin/python3 -I "$E2E_DIR/docs_rule.py" "$TACT_BIN" "$repo" >docs.results 2>docs.log
[ -s docs.log ] && fail "docs_rule.py ran cleanly" "$(head -c 400 docs.log | tr '\n' '|')"
check "docs_rule.py found commands to check" [ "$(grep -c . docs.results)" -gt 20 ]
while read -r verdict rest; do
	case $verdict in
	PASS) ok "$rest" ;;
	FAIL) fail "${rest%%: *}" "${rest#*: }" ;;
	esac
done <docs.results

# The rule bites: an option missing from a copy of a man page, and one the
# README names that the command does not have, are both found.
mkdir -p copy/man
cp "$repo"/man/*.1 copy/man/
sed 's/^\.It Fl \\-due$/.It Fl \\-overdue/' "$repo/man/tact-followup.1" >copy/man/tact-followup.1
sed 's/`tact show ID \[--confidential\]`/`tact show ID [--confidential] [--bogus]`/' \
    "$repo/README.md" >copy/README.md
/usr/bin/python3 -I "$E2E_DIR/docs_rule.py" "$TACT_BIN" "$PWD/copy" >copy.results 2>&1
assert_contains "a man page missing an option is found" copy.results \
    "FAIL man/tact-followup.1 documents every option of --help: ['due']"
assert_contains "a man page naming an option the command lacks is found" copy.results \
    "FAIL man/tact-followup.1 documents only options tact followup has: ['overdue']"
assert_contains "a README row naming an option the command lacks is found" copy.results \
    "FAIL README's row of tact show names only its options: ['bogus']"
