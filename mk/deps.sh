#!/bin/sh
# deps.sh - installs tact's build and test dependencies from Debian's
# packages when one is missing (as root), so that `make demo` and
# `make check` work as the first command on a fresh machine.
# Usage: mk/deps.sh [build|test]
set -eu
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_hdr() { [ -e "/usr/include/$1" ]; }

have_cmd cc || need="$need gcc"
have_cmd make || need="$need make"
have_cmd pkg-config || need="$need pkg-config"
if have_cmd pkg-config; then
	have_pc sqlite3 || need="$need libsqlite3-dev"
	have_pc libsodium || need="$need libsodium-dev"
	have_pc openssl || need="$need libssl-dev"
	have_pc jansson || need="$need libjansson-dev"
	have_pc libical || need="$need libical-dev"
	have_pc inih || need="$need libinih-dev"
	have_pc libpq || need="$need libpq-dev"
else
	need="$need libsqlite3-dev libsodium-dev libssl-dev libjansson-dev libical-dev libinih-dev libpq-dev"
fi
have_hdr csv.h || need="$need libcsv-dev"
have_hdr unictype.h || need="$need libunistring-dev"
have_hdr zxcvbn.h || need="$need libzxcvbn-dev"
if [ "${1:-build}" = test ]; then
	{ have_cmd pkg-config && have_pc check; } || need="$need check"
	have_cmd sqlite3 || need="$need sqlite3"
	have_cmd openssl || need="$need openssl"
	have_cmd jq || need="$need jq"
	have_cmd mandoc || need="$need mandoc"
	have_cmd script || need="$need bsdutils"
	[ -x /usr/bin/python3 ] || need="$need python3"
	/usr/bin/python3 -c 'import icalendar' 2>/dev/null || need="$need python3-icalendar"
fi
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "tact: missing build dependencies:$need" >&2
	echo "tact: install them with: sudo apt-get install -y$need" >&2
	exit 1
fi
echo "installing:$need" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq $need >/dev/null
