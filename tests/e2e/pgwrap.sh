#!/usr/bin/env bash
# pgwrap.sh - stands in for tact when the end-to-end suite runs on
# PostgreSQL (run.sh with E2E_ENGINE=pg).  Every vault *path* a test names
# (--vault PATH, --vault=PATH, $TACT_VAULT, the config's [vault] path, or the
# default $XDG_DATA_HOME/tact/vault.db) becomes a database of its own on the
# test cluster, created on first use, and the real tact ($PGWRAP_REAL_BIN) is
# run with that database's URL in its place.  A vault that is already a URL,
# or an empty one, is passed on untouched.
#
# Needs PGWRAP_REAL_BIN (the real tact), PGWRAP_ADMIN_URL (a superuser's
# URL, default $TACT_TEST_PG_ADMIN_URL) and PGPASSFILE: not TACT_ names,
# which the tests' own checkers clear from the environment they give tact.  PGWRAP_STATE, a folder, remembers the databases made (so each
# costs one psql call); lib.sh asks it which paths are vaults.
#
#   pgwrap.sh --pgwrap-url PATH     prints the URL PATH maps to (making it)
#   pgwrap.sh --pgwrap-known PATH   exit 0 if PATH was used as a vault
set -u

die() { echo "pgwrap.sh: $*" >&2; exit 70; }

PGWRAP_REAL_BIN=${PGWRAP_REAL_BIN:-${TACT_REAL_BIN:-}}
: "${PGWRAP_REAL_BIN:?pgwrap.sh: set PGWRAP_REAL_BIN}"
PGWRAP_ADMIN_URL=${PGWRAP_ADMIN_URL:-${TACT_TEST_PG_ADMIN_URL:-}}
: "${PGWRAP_ADMIN_URL:?pgwrap.sh: set PGWRAP_ADMIN_URL}"

# db_name PATH: the database for a vault path: its base name (for whoever
# reads the server's list) and a hash of the absolute, normalised path.
db_name() {
	local abs base hash
	abs=$(realpath -m -- "$1")
	base=$(basename -- "$abs" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '_' | cut -c 1-24)
	hash=$(printf '%s' "$abs" | sha256sum | cut -c 1-16)
	printf 'v_%s_%s\n' "$base" "$hash"
}

# db_url NAME: the URL of database NAME, on the admin URL's server and role.
db_url() {
	local base=${PGWRAP_ADMIN_URL%%\?*} query=""
	case $PGWRAP_ADMIN_URL in *\?*) query="?${PGWRAP_ADMIN_URL#*\?}" ;; esac
	printf '%s/%s%s\n' "${base%/*}" "$1" "$query"
}

# ensure_db NAME PATH: creates database NAME unless it exists.  Two first
# uses at once queue on an advisory lock, so neither fails.
ensure_db() {
	local name=$1 path=$2
	if [ -n "${PGWRAP_STATE:-}" ] && [ -e "$PGWRAP_STATE/$name" ]; then
		return 0
	fi
	local err
	err=$(psql -X -q -v ON_ERROR_STOP=1 "$PGWRAP_ADMIN_URL" 2>&1 >/dev/null <<-SQL
	SELECT pg_advisory_lock(hashtext('tact pgwrap'));
	SELECT format('CREATE DATABASE %I', '$name')
	 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$name') \gexec
	SELECT pg_advisory_unlock(hashtext('tact pgwrap'));
	SQL
	) || die "cannot make database $name for $path: $err"
	if [ -n "${PGWRAP_STATE:-}" ]; then
		mkdir -p "$PGWRAP_STATE"
		printf '%s\n' "$(realpath -m -- "$path")" >"$PGWRAP_STATE/$name"
	fi
}

# map PATH: prints the URL for vault PATH, making its database.
map() {
	local name
	name=$(db_name "$1")
	ensure_db "$name" "$1"
	db_url "$name"
}

# is_path VALUE: VALUE names a vault file (not a URL, not empty).
is_path() {
	case $1 in
	'' | postgresql://* | postgres://*) return 1 ;;
	esac
	return 0
}

# config_vault_path: the config file's [vault] path, if any.
config_vault_path() {
	local conf
	if [ -n "${XDG_CONFIG_HOME:-}" ]; then conf=$XDG_CONFIG_HOME/tact/config
	else conf=${HOME:-.}/.config/tact/config; fi
	[ -r "$conf" ] || return 0
	# A [vault] url names the database already: nothing to map.
	awk '/^[ \t]*\[/ { s = $0; gsub(/[][ \t]/, "", s); next }
	     s == "vault" && /^[ \t]*path[ \t]*=/ { sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t]+$/, ""); v = $0 }
	     s == "vault" && /^[ \t]*url[ \t]*=/ { url = 1 }
	     END { if (url) print "postgresql://"; else if (v != "") print v }' "$conf"
}

case ${1:-} in
--pgwrap-url)
	map "${2:?}"
	exit $?
	;;
--pgwrap-known)
	[ -n "${PGWRAP_STATE:-}" ] && [ -e "$PGWRAP_STATE/$(db_name "${2:?}")" ]
	exit $?
	;;
esac

# command_name ARGS...: the command, the first word that is not a global
# option or its value.
command_name() {
	while [ $# -gt 0 ]; do
		case $1 in
		--vault | --passphrase-file) shift 2 || return 0; continue ;;
		--) shift; break ;;
		-*) shift; continue ;;
		esac
		break
	done
	printf '%s\n' "${1:-}"
}

# tact config shows the vault path the user gave, and where it came from:
# nothing there is mapped.
case $(command_name "$@") in
config) exec "$PGWRAP_REAL_BIN" "$@" ;;
esac

args=()
named=0
while [ $# -gt 0 ]; do
	case $1 in
	--)
		args+=("$@")
		break
		;;
	--vault)
		if [ $# -ge 2 ]; then
			named=1
			if is_path "$2"; then url=$(map "$2") || exit; args+=("$1" "$url")
			else args+=("$1" "$2"); fi
			shift 2
			continue
		fi
		;;
	--vault=*)
		named=1
		if is_path "${1#--vault=}"; then url=$(map "${1#--vault=}") || exit; args+=("--vault=$url")
		else args+=("$1"); fi
		shift
		continue
		;;
	esac
	args+=("$1")
	shift
done

if [ "$named" = 0 ]; then
	if [ -n "${TACT_VAULT:-}" ]; then
		if is_path "$TACT_VAULT"; then TACT_VAULT=$(map "$TACT_VAULT") || exit; export TACT_VAULT; fi
	else
		v=$(config_vault_path)
		[ -n "$v" ] || v=${XDG_DATA_HOME:-${HOME:-.}/.local/share}/tact/vault.db
		if is_path "$v"; then TACT_VAULT=$(map "$v") || exit; export TACT_VAULT; fi
	fi
fi
exec "$PGWRAP_REAL_BIN" ${args[@]+"${args[@]}"}
