# t_terminal.sh - at home in a terminal: global options anywhere, help,
# "did you mean", and examples in --help that paste into a shell.
#
# Sourced by run.sh (with lib.sh) in a fresh folder.

V=$PWD/v/vault.db
printf 'correct horse battery staple\n' >pw
T=("$TACT_BIN")

expect_rc 0 "init with global options after the command" -- "${T[@]}" init --vault "$V" \
    --passphrase-file pw
expect_rc 0 "log with global options before the command" -- "${T[@]}" --vault "$V" \
    --passphrase-file pw log --candidate 'Jane Roe' --client 'Acme Health' --reason equity

# -- Global options before or after the command name -------------------------
expect_rc 0 "list --json after the command" -- "${T[@]}" list --json --vault "$V" \
    --passphrase-file pw
assert_jq "list --json after the command is JSON" "$OUT" 'length == 1 and .[0].candidate == "Jane Roe"'
cp "$OUT" after.json
expect_rc 0 "--json list before the command" -- "${T[@]}" --json --vault "$V" \
    --passphrase-file pw list
check "before and after give the same document" cmp -s "$OUT" after.json
expect_rc 0 "--vault=PATH after the command" -- "${T[@]}" list --vault="$V" \
    --passphrase-file=pw --json
assert_jq "--vault=PATH after the command is JSON" "$OUT" 'length == 1'
expect_rc 0 "global options of a subcommand after it" -- "${T[@]}" followup list --json \
    --vault "$V" --passphrase-file pw
assert_jq "followup list --json is JSON" "$OUT" 'type == "array"'

# -- Help ---------------------------------------------------------------------
expect_rc 64 "a bare tact exits 64" -- "${T[@]}"
assert_contains "a bare tact lists the commands" "$OUT" "  followup "
assert_contains "a bare tact lists log" "$OUT" "  log "
stderr_one_line "a bare tact: one error line"
expect_rc 0 "tact -h" -- "${T[@]}" -h
assert_contains "tact -h lists the commands" "$OUT" "Commands:"
cp "$OUT" h.txt
expect_rc 0 "tact help" -- "${T[@]}" help
check "tact help is tact -h" cmp -s "$OUT" h.txt
expect_rc 0 "tact --help" -- "${T[@]}" --help
check "tact --help is tact -h" cmp -s "$OUT" h.txt
expect_rc 0 "tact help log" -- "${T[@]}" help log
cp "$OUT" helplog.txt
expect_rc 0 "tact log --help" -- "${T[@]}" log --help
check "tact help log is tact log --help" cmp -s "$OUT" helplog.txt
assert_contains "a command's help shows the global options" "$OUT" "--passphrase-file"
expect_rc 0 "tact log -h" -- "${T[@]}" log -h
check "tact log -h is tact log --help" cmp -s "$OUT" helplog.txt
expect_rc 0 "tact help followup done" -- "${T[@]}" help followup done
assert_contains "tact help followup done is done's help" "$OUT" "Usage: tact followup done"
expect_rc 64 "tact help of an unknown command" -- "${T[@]}" help lgo
assert_contains "tact help lgo: did you mean log" "$ERR" "did you mean 'log'?"

# Every line of every help fits in 80 columns, and a wrapped summary in the
# list of commands starts under the summaries, not at column 0.
wide=0
for c in "" init unlock lock key log import list show forget categories debrief report \
    decline notes followup help "key add" "followup done" "followup list"; do
	# shellcheck disable=SC2086
	"${T[@]}" $c --help >help.txt 2>/dev/null
	if awk 'length($0) > 80 { bad = 1 } END { exit !bad }' help.txt; then
		wide=1
		fail "help of '$c' fits in 80 columns" "$(awk 'length($0) > 80' help.txt | head -1)"
	fi
done
[ "$wide" = 0 ] && ok "every help fits in 80 columns"
awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on && !/^  [a-z]/ && !/^                / { bad = 1 }
    END { exit bad }' h.txt
check "wrapped summaries are indented under the summaries" [ $? = 0 ]

# The example of `tact log --help` pastes: joined at its backslashes, it is
# one command that runs.
"${T[@]}" log --help | awk '/^  tact log / { on = 1 } on { print } on && !/\\$/ { exit }' >example.sh
check "log --help has an example" [ -s example.sh ]
check "the example's lines but the last end with a backslash" \
    [ "$(grep -c '\\$' example.sh)" = "$(($(wc -l <example.sh) - 1))" ]
sed -i "s|^  tact |  \"\$TACT_BIN\" --vault \"$V\" --passphrase-file pw |" example.sh
expect_rc 0 "the pasted example runs" -- bash example.sh
expect_rc 0 "the example logged a turndown" -- "${T[@]}" --vault "$V" --passphrase-file pw \
    --json list --candidate 'Jane Roe'
assert_jq "the pasted example's turndown is there" "$OUT" 'length == 2'

# -- Did you mean ---------------------------------------------------------------
expect_rc 64 "a misspelt command" -- "${T[@]}" lgo
assert_contains "a misspelt command: did you mean" "$ERR" "unknown command 'lgo' (did you mean 'log'?)"
stderr_one_line "a misspelt command: one line"
expect_rc 64 "an unknown command far from any" -- "${T[@]}" frobnicate
assert_not_contains "no suggestion far from any command" "$ERR" "did you mean"
expect_rc 64 "a misspelt option" -- "${T[@]}" log --candidte x
assert_contains "a misspelt option: did you mean" "$ERR" "did you mean '--candidate'?"
expect_rc 64 "a misspelt global option" -- "${T[@]}" --jsno list
assert_contains "a misspelt global option: did you mean" "$ERR" "did you mean '--json'?"
expect_rc 64 "a misspelt subcommand" -- "${T[@]}" followup dne 1
assert_contains "a misspelt subcommand: did you mean" "$ERR" "did you mean 'done'?"
for spec in 'compensation:confidentail|reason:confidential' \
    'compensation:sharable|reason:shareable'; do
	typed=${spec%%|*} want=${spec##*|}
	want=${want#reason:}
	expect_rc 65 "a misspelt visibility ($typed)" -- "${T[@]}" --vault "$V" --passphrase-file pw \
	    log --candidate 'Vis Typo' --client 'Acme Health' --reason "$typed"
	assert_contains "a misspelt visibility: did you mean '$want'" "$ERR" "(did you mean '$want'?)"
	stderr_one_line "a misspelt visibility: one line"
done
expect_rc 65 "a misspelt role of a person met" -- "${T[@]}" --vault "$V" --passphrase-file pw \
    log --candidate 'Role Typo' --client 'Acme Health' --reason compensation \
    --met 'Bo Lind:hiring-manger:positive'
assert_contains "a misspelt role: did you mean" "$ERR" "(did you mean 'hiring-manager'?)"
expect_rc 65 "a misspelt impression of a person met" -- "${T[@]}" --vault "$V" --passphrase-file pw \
    log --candidate 'Role Typo' --client 'Acme Health' --reason compensation \
    --met 'Bo Lind:hr:postive'
assert_contains "a misspelt impression: did you mean" "$ERR" "(did you mean 'positive'?)"
expect_rc 65 "an impression far from any" -- "${T[@]}" --vault "$V" --passphrase-file pw \
    log --candidate 'Role Typo' --client 'Acme Health' --reason compensation \
    --met 'Bo Lind:hr:wonderful'
assert_contains "an impression far from any lists them" "$ERR" "(positive, neutral or negative)"
expect_rc 64 "an option missing its value" -- "${T[@]}" log --role
assert_contains "an option missing its value says so" "$ERR" "--role wants a value"

# -- Comma lists for --reason -------------------------------------------------------
expect_rc 0 "--reason takes a comma list" -- "${T[@]}" --vault "$V" --passphrase-file pw \
    --json log --candidate 'Ann Comma' --client 'Acme Health' \
    --reason "compensation, equity:confidential" --reason growth
id=$(jq -r .turndown "$OUT")
expect_rc 0 "show the comma-list turndown" -- "${T[@]}" --vault "$V" --passphrase-file pw \
    --json show "$id" --confidential
assert_jq "every reason of the comma list is there, each with its visibility" "$OUT" \
    '[.reasons[] | "\(.category):\(.visibility)"] | sort ==
     ["compensation:shareable", "equity:confidential", "growth:shareable"]'
expect_rc 65 "a bad item in a comma list refuses the whole turndown" -- "${T[@]}" --vault "$V" \
    --passphrase-file pw log --candidate 'Ann Comma' --client 'Acme Health' \
    --reason "compensation, equiti"
assert_contains "the bad item is named" "$ERR" "'equiti'"
expect_rc 64 "an empty --reason is refused" -- "${T[@]}" --vault "$V" --passphrase-file pw \
    log --candidate 'Ann Comma' --client 'Acme Health' --reason " , "

# -- The config file ---------------------------------------------------------------
export XDG_CONFIG_HOME=$PWD/xdg
CONF=$XDG_CONFIG_HOME/tact/config
expect_rc 0 "tact config without a file" -- "${T[@]}" --json config
assert_jq "no file: found is false" "$OUT" '.found == false and .file == "'"$CONF"'"'
assert_jq "no file: defaults" "$OUT" '.settings["scripts.locale"] == {"value": "en-US", "source": "default"}
    and .settings["recruiter.name"].value == null'
mkdir -p "$XDG_CONFIG_HOME/tact"
printf '# who I am\n[recruiter]\nname = Sam Rivera\nfirm = Rivera Search\n\n[scripts]\nlocale = en-GB\n[vault]\npath = %s\nretention = 24m\n' "$V" >"$CONF"
expect_rc 0 "tact config with a file" -- env -u TACT_VAULT "${T[@]}" --json config
assert_jq "each setting names its file and line" "$OUT" \
    '.found and .settings["recruiter.name"] == {"value": "Sam Rivera", "source": "'"$CONF"':3"}
     and .settings["scripts.locale"].source == "'"$CONF"':7"
     and .settings["vault.retention"].value == "24m"'
assert_jq "the vault path comes from the file" "$OUT" '.settings["vault.path"].source == "'"$CONF"':9"'
expect_rc 0 "the config's vault path is used" -- "${T[@]}" --passphrase-file pw --json list
assert_jq "the config's vault is the one opened" "$OUT" 'length >= 2'
expect_rc 0 "tact config, --vault given" -- env TACT_VAULT=/nowhere "${T[@]}" config --vault "$V"
assert_match "--vault wins, and says so" "$OUT" "^vault.path +$V.*\(--vault\)"
expect_rc 0 "tact config, \$TACT_VAULT given" -- env TACT_VAULT=/elsewhere.db "${T[@]}" config
assert_match "\$TACT_VAULT wins over the file" "$OUT" '^vault.path +/elsewhere.db.*\(\$TACT_VAULT\)'
assert_match "text: the recruiter's name and its line" "$OUT" "^recruiter.name +Sam Rivera.*\\($CONF:3\\)"

cp "$CONF" good.conf
printf '[recruiter]\nname = Sam\nthis is not ini\n' >"$CONF"
expect_rc 64 "a line that is not INI" -- "${T[@]}" list
stderr_one_line "a bad config line: one error line"
assert_contains "a bad line names the file and the line" "$ERR" "$CONF:3:"
printf '[recruiter]\nnmae = Sam\n' >"$CONF"
expect_rc 64 "an unknown key" -- "${T[@]}" config
assert_contains "an unknown key: named, with did you mean" "$ERR" \
    "$CONF:2: unknown key 'nmae' in [recruiter] (did you mean 'name'?)"
printf '[reprot]\nmin_group = 5\n' >"$CONF"
expect_rc 64 "an unknown section" -- "${T[@]}" config
assert_contains "an unknown section: did you mean" "$ERR" "did you mean [report]?"
printf '[report]\nmin_group = 1\n' >"$CONF"
expect_rc 64 "a min_group below the floor" -- "${T[@]}" config
assert_contains "a bad value: named with its line" "$ERR" "$CONF:2: min_group '1'"
printf '[scripts]\nlocale = fr-FR\n' >"$CONF"
expect_rc 64 "an unknown locale" -- "${T[@]}" config
printf '[vault]\nretention = forever\n' >"$CONF"
expect_rc 64 "a retention that is no period" -- "${T[@]}" config
expect_rc 0 "help still works with a bad config" -- "${T[@]}" help
cp good.conf "$CONF"

# -- [report] min_group is the default K; --min-group still wins ------------------
K3=("${T[@]}" --vault "$PWD/k3.db" --passphrase-file pw)
expect_rc 0 "a vault for min_group" -- "${K3[@]}" init --weak-passphrase
for i in 1 2 3; do
	"${K3[@]}" log --candidate "Kay $i" --client 'Oak Labs' --reason growth \
	    --decline-date "2026-02-0$i" >/dev/null 2>&1 || fail "min_group setup" "log $i"
done
expect_rc 65 "three candidates, no config: refused at the default K of 5" -- \
    "${K3[@]}" report --client 'Oak Labs'
printf '[report]\nmin_group = 3\n' >>"$CONF"
expect_rc 0 "with [report] min_group = 3 the report is made" -- "${K3[@]}" --json report \
    --client 'Oak Labs'
assert_jq "the report's K is the config's" "$OUT" '.min_group == 3 and .turndowns == 3'
expect_rc 65 "--min-group 5 wins over the config" -- "${K3[@]}" report --client 'Oak Labs' \
    --min-group 5
assert_contains "--min-group 5: the message names K" "$ERR" "5"
cp good.conf "$CONF"

# -- Follow-ups that fit the work -------------------------------------------------
F=("${T[@]}" --vault "$V" --passphrase-file pw)
expect_rc 0 "log a turndown with nobody met" -- "${F[@]}" --json log --candidate 'Olga Solo' \
    --client 'Birch Care' --reason equity --decline-date 2026-03-02
solo=$(jq -r .turndown "$OUT")
expect_rc 0 "log a second turndown of the same candidate, same day" -- "${F[@]}" --json log \
    --candidate 'Olga Solo' --client 'Cedar Clinic' --reason growth --decline-date 2026-03-02 \
    --met 'Pia Park:hiring-manager:positive'
twin=$(jq -r .turndown "$OUT")
expect_rc 0 "followup --all --json" -- "${F[@]}" followup --all --json
cp "$OUT" all.json
assert_jq "no connect task without people met" all.json \
    "[.[] | select(.turndown == $solo and .kind == \"connect\")] | length == 0"
assert_jq "a connect task with someone met" all.json \
    "[.[] | select(.turndown == $twin and .kind == \"connect\")] | length == 1"
assert_jq "one check-in for the candidate that day, however many turndowns" all.json \
    "[.[] | select((.turndown == $solo or .turndown == $twin) and .kind == \"check-in\")] | length == 1"
assert_jq "the JSON names candidate and client" all.json \
    "[.[] | select(.turndown == $solo)][0] | .candidate == \"Olga Solo\" and .client == \"Birch Care\""

expect_rc 0 "followup --client" -- "${F[@]}" --json followup --all --client 'Cedar Clinic'
assert_jq "--client: only that client's tasks" "$OUT" "length > 0 and all(.[]; .turndown == $twin)"
expect_rc 0 "followup --candidate" -- "${F[@]}" --json followup --all --candidate 'olga solo'
assert_jq "--candidate: only that candidate's tasks, matched without case" "$OUT" \
    "length > 0 and all(.[]; .turndown == $solo or .turndown == $twin)"
expect_rc 66 "followup --client unknown" -- "${F[@]}" followup --client 'Nobody Inc'
stderr_one_line "followup --client unknown: one line"

expect_rc 0 "followup text has a turndown column" -- "${F[@]}" followup --all --candidate 'Olga Solo'
assert_match "the header names the turndown column" "$OUT" '^TASK +DUE +STATUS +TURNDOWN +WHAT'
assert_match "each line shows its turndown" "$OUT" "^[0-9]+ +2026-03-04 +[A-Za-z]+ +$solo +Thank-you"
expect_rc 0 "followup --format markdown" -- "${F[@]}" followup --all --candidate 'Olga Solo' \
    --format markdown
assert_contains "markdown: a table header" "$OUT" "| Task | Due | Status | Turndown | What |"
assert_match "markdown: a row per task" "$OUT" "^\| [0-9]+ \| 2026-03-04 \| .* \| $solo \| "
expect_rc 64 "followup --format html is refused" -- "${F[@]}" followup --format html

# done / skip / reopen with several tasks; show
ids=$(jq -r "[.[] | select(.turndown == $solo and .status == \"open\") | .id] | .[0:2] | join(\" \")" all.json)
read -r t1 t2 <<<"$ids"
expect_rc 0 "followup done with two tasks and a note" -- "${F[@]}" followup done "$t1" "$t2" \
    --note 'Called Olga; starts at Birch in May.'
assert_eq "done says so for each" "$(grep -c ' done$' "$OUT")" 2
expect_rc 0 "followup show TASK" -- "${F[@]}" followup show "$t2"
assert_contains "show: the note is shown again" "$OUT" "Called Olga; starts at Birch in May."
assert_contains "show: the state" "$OUT" "done on"
expect_rc 0 "followup show --json" -- "${F[@]}" --json followup show "$t1"
assert_jq "show --json: the note and status" "$OUT" \
    '.note == "Called Olga; starts at Birch in May." and .status == "done" and .done_on != null'
assert_no_plaintext "the done-note is sealed" "starts at Birch" "$V" --may-be-absent "$V-wal"
expect_rc 65 "done on a done task refuses them all" -- "${F[@]}" followup skip "$t1" 999999
expect_rc 0 "followup reopen two tasks" -- "${F[@]}" --json followup reopen "$t1" "$t2"
assert_jq "reopen --json lists each" "$OUT" 'length == 2 and all(.[]; .status == "open")'
expect_rc 0 "a reopened task is open again" -- "${F[@]}" --json followup show "$t1"
assert_jq "reopened: open, the note kept" "$OUT" '.status == "open" and .note != null'
expect_rc 65 "reopen an open task" -- "${F[@]}" followup reopen "$t1"
expect_rc 0 "skip two tasks" -- "${F[@]}" followup skip "$t1" "#$t2"
expect_rc 66 "reopen with an unknown task changes nothing" -- "${F[@]}" followup reopen "$t1" 999999
expect_rc 0 "after the refused reopen" -- "${F[@]}" --json followup show "$t1"
assert_jq "a refused batch changes nothing" "$OUT" '.status == "skipped"'
expect_rc 64 "--note with skip is refused" -- "${F[@]}" followup skip "$t1" --note x

# --ics refuses to overwrite without --force
expect_rc 0 "followup --ics to a new file" -- "${F[@]}" followup --ics cal.ics
assert_mode "the calendar is 0600" cal.ics 600
printf 'mine\n' >cal.ics
expect_rc 73 "followup --ics over a file is refused" -- "${F[@]}" followup --ics cal.ics
assert_contains "the existing file is kept" cal.ics "mine"
assert_contains "the refusal suggests --force" "$ERR" "--force"
expect_rc 0 "followup --ics --force replaces it" -- "${F[@]}" followup --ics cal.ics --force
assert_contains "replaced with a calendar" cal.ics "BEGIN:VCALENDAR"
expect_rc 64 "--force without --ics" -- "${F[@]}" followup --force

# -- Bash completion, generated from the command table -------------------------------
expect_rc 0 "tact completion bash" -- "${T[@]}" completion bash
cp "$OUT" tact.bash
check "the completion script is valid bash" bash -n tact.bash
expect_rc 64 "tact completion of another shell" -- "${T[@]}" completion fish
# complete LINE: what the script offers at the end of LINE, as bash splits it.
complete_line() {
	bash -c '
		source ./tact.bash
		COMP_LINE=$1; COMP_POINT=${#1}
		l=${1//:/ : }; read -ra COMP_WORDS <<<"$l"
		case $1 in *" "|*:) COMP_WORDS+=("") ;; esac
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _tact
		printf "%s\n" "${COMPREPLY[@]}"' _ "$1"
}
complete_line "tact fol" >c.out
assert_eq "completes a command" "$(cat c.out)" "followup"
complete_line "tact followup " >c.out
for w in list plan show done skip reopen --due --client --json; do
	assert_contains "followup completes $w" c.out "$w"
done
complete_line "tact log --reason compe" >c.out
assert_contains "--reason completes category slugs" c.out "compensation:confidential"
complete_line "tact log --met Ann Lee:hiring-m" >c.out
assert_eq "--met completes the role" "$(cat c.out)" "hiring-manager"
complete_line "tact log --met Ann:hr:neg" >c.out
assert_eq "--met completes the impression" "$(cat c.out)" "negative"
complete_line "tact followup --format " >c.out
assert_eq "--format completes its choices" "$(tr '\n' ' ' <c.out)" "text markdown "
complete_line "tact help " >c.out
assert_contains "help completes command names" c.out "config"
# Every option of every command's --help is offered after the command.
missing=""
for c in init unlock lock log import list show forget categories debrief report decline notes \
    config completion; do
	complete_line "tact $c --" >c.out
	for o in $("${T[@]}" "$c" --help | grep -oE '^ +(-[a-zA-Z?], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+'); do
		grep -qxF -- "$o" c.out || missing="$missing $c:$o"
	done
done
assert_eq "the completion offers every option of every command" "$missing" ""
