#!/usr/bin/env bash
# demo.sh - a walk through tact on a throw-away vault, printing each command
# before running it.  Usage: mk/demo.sh PATH-TO-TACT
set -u
TACT=${1:?usage: demo.sh PATH-TO-TACT}
dir=$(mktemp -d "${TMPDIR:-/tmp}/tact-demo.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export HOME="$dir" XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset TACT_SESSION TACT_PASSPHRASE_FILE
export TACT_VAULT="$dir/vault.db"
cd "$dir" || exit 1
tact() { "$TACT" "$@"; }

# Prints a command as one would type it, then runs it.
step() {
	local shown="" a
	for a in "$@"; do
		case $a in
		*[!A-Za-z0-9_./:=-]*) shown+=" '${a//\'/\'\\\'\'}'" ;;
		*) shown+=" $a" ;;
		esac
	done
	printf '\n\033[1m$%s\033[0m\n' "$shown"
	"$@"
}

echo "A throw-away vault in $dir (deleted at the end)."
printf 'a long demo passphrase\n' > passphrase
step tact --passphrase-file passphrase init
echo
echo "# unlock once, so the next commands need no passphrase:"
printf '\033[1m$ eval "$(tact --passphrase-file passphrase unlock --ttl 5)"\033[0m\n'
eval "$(tact --passphrase-file passphrase unlock --ttl 5)"

step tact log --candidate "Dr. Amara Okafor" --client "St. Brigid's Hospital" \
	--role "Chief Medical Officer" --offer-date 2026-09-01 --decline-date 2026-09-12 \
	--reason relocation --reason hr:confidential --reason leadership:confidential \
	--share "The move would have meant uprooting the family mid school year." \
	--confidential "She found the HR director Paul Verhoeven evasive about on-call cover." \
	--met "Helen Marsh:hiring-manager:positive" --met "Paul Verhoeven:hr:negative" \
	--met "Dr. Ian Cole:executive:neutral"
step tact log --candidate "Tomas Lindqvist" --client "Northwind Robotics" \
	--role "VP Engineering" --offer-date 2026-10-02 --decline-date 2026-10-09 \
	--reason compensation --reason counteroffer:confidential \
	--share "He is staying where he is for now." \
	--confidential "His employer matched the base salary and added a retention bonus."
step tact log --candidate "Priya Raman" --client "Northwind Robotics" --role "Head of Data" \
	--offer-date 2026-10-20 --decline-date 2026-11-03 --reason process --reason growth \
	--share "The process took longer than the other company's." --consent none \
	--met "Sam Ortiz:hiring-manager:positive"
step tact list
step tact show 1
step tact show 1 --confidential
step tact categories
step tact debrief 1 --seed 3
step tact decline 1 --seed 3 --referral "Dr. Lena Brandt"
step tact notes 1 --seed 3
step tact followup
step tact followup done 1 --note "Notes sent to Helen Marsh and the HR team."
step tact followup --ics followups.ics
echo "(followups.ics holds $(grep -c 'BEGIN:VTODO' followups.ics) to-dos for a calendar)"
if "$TACT" --help | grep -q '^  report'; then
	cat > more.jsonl <<'JSONL'
{"candidate":"Ana Silva","client":"Northwind Robotics","role":"Staff Engineer","offer_date":"2026-06-01","decline_date":"2026-06-10","reasons":[{"category":"compensation","visibility":"shareable"},{"category":"process","visibility":"confidential"}],"shareable":"The other offer was simply higher.","consent":"aggregate"}
{"candidate":"Ben Osei","client":"Northwind Robotics","role":"Engineering Manager","offer_date":"2026-06-03","decline_date":"2026-06-20","reasons":[{"category":"compensation","visibility":"shareable"}],"shareable":"Pay was below market.","consent":"aggregate"}
{"candidate":"Chen Wei","client":"Northwind Robotics","role":"Data Engineer","offer_date":"2026-07-01","decline_date":"2026-07-05","reasons":[{"category":"remote","visibility":"shareable"},{"category":"team","visibility":"confidential"}],"shareable":"Wanted more remote days.","consent":"aggregate"}
{"candidate":"Dana Kraus","client":"Northwind Robotics","role":"SRE","offer_date":"2026-07-10","decline_date":"2026-07-30","reasons":[{"category":"process","visibility":"shareable"}],"shareable":"The process dragged on.","consent":"aggregate"}
{"candidate":"Eli Navarro","client":"Northwind Robotics","role":"Product Manager","offer_date":"2026-08-01","decline_date":"2026-08-09","reasons":[{"category":"compensation","visibility":"confidential"},{"category":"growth","visibility":"shareable"}],"shareable":"Saw a faster path elsewhere.","consent":"aggregate"}
JSONL
	step tact import more.jsonl
	step tact report --client "Northwind Robotics" --min-group 5
fi
echo
echo "# The other direction: a client's feedback on a candidate it turned down."
printf 'The panel felt he talked over the charge nurse twice.\n' > client-note.txt
step tact feedback log --candidate "Tomas Lindqvist" --client "Riverside Medical Center" \
	--role "Medical Director" --stage final --area accomplishments,communication:confidential \
	--share "They wanted more numbers behind the quality programme he led." \
	--from "Helen Marsh:hiring-manager" --confidential-file client-note.txt
step tact feedback show 1
step tact feedback coach 1 --seed 2
step tact feedback ask 1 --seed 2
echo
step tact forget "Tomas Lindqvist" --yes
step tact list
step tact lock
echo
echo "Done: the vault and its folder are removed now."
