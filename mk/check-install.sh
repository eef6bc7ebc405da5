#!/bin/sh
# check-install.sh - `make install` then `make uninstall` into a throw-away
# DESTDIR: install puts the binary, every man page and the bash completion in
# place, the installed binary runs and its completion loads in bash, and
# uninstall removes every file install put there and nothing else.
set -eu
make=${MAKE:-make}
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
prefix=/usr/local
fail() { echo "check-install: $*" >&2; exit 1; }

mkdir -p "$dest$prefix/share/man/man1"
echo keep >"$dest$prefix/share/man/man1/other.1"
$make --no-print-directory install DESTDIR="$dest" PREFIX="$prefix" >/dev/null
bin=$dest$prefix/bin/tact
[ -x "$bin" ] || fail "no executable $bin"
"$bin" --version >/dev/null || fail "the installed tact does not run"
for m in man/*.1; do
	[ -f "$dest$prefix/share/man/man1/$(basename "$m")" ] || fail "man page $m not installed"
done
comp=$dest$prefix/share/bash-completion/completions/tact
[ -f "$comp" ] || fail "no bash completion at $comp"
bash -c ". '$comp' && complete -p tact" >/dev/null || fail "the completion does not load"
n=$(find "$dest" -type f | wc -l)
$make --no-print-directory uninstall DESTDIR="$dest" PREFIX="$prefix" >/dev/null
left=$(find "$dest" -type f)
[ "$left" = "$dest$prefix/share/man/man1/other.1" ] ||
	fail "uninstall left or took the wrong files: $left"
echo "install and uninstall: $((n - 1)) files put in place and removed, nothing else touched"
