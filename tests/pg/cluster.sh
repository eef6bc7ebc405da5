#!/usr/bin/env bash
# cluster.sh - a throw-away PostgreSQL cluster for tact's tests and benches.
#
#   cluster.sh start DIR   initdb in DIR/data and start the server
#   cluster.sh env DIR     print shell lines exporting TACT_TEST_PG_ADMIN_URL,
#                          PGPASSFILE and TACT_TEST_PG_DIR
#   cluster.sh stop DIR    stop the server (DIR is left for the caller to remove)
#   cluster.sh have        exit 0 if PostgreSQL's server programs are here
#
# The server listens only on a Unix socket in DIR and on 127.0.0.1 at a free
# port; every connection (local and host) authenticates with scram-sha-256 as
# a superuser whose random password is kept in DIR/pgpass (0600).  fsync is
# off: the cluster is thrown away.  initdb refuses root, so under root the
# server runs as $TACT_PG_USER (default: the postgres system user), which
# then owns DIR; DIR's parent folders must let that user through.
set -euo pipefail

die() { echo "cluster.sh: $*" >&2; exit 1; }

usage() { die "usage: cluster.sh start|stop|env DIR"; }

# pg_bin NAME: the path of a PostgreSQL server program (Debian keeps them
# under /usr/lib/postgresql/VERSION/bin; the newest version wins).
pg_bin() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) ""; do
		[ -n "$d" ] && [ -x "$d/$1" ] && { echo "$d/$1"; return 0; }
	done
	command -v "$1" 2>/dev/null || die "no $1 (install postgresql)"
}

if [ "${1:-}" = have ] && [ $# -eq 1 ]; then
	pg_bin initdb >/dev/null 2>&1 && pg_bin pg_ctl >/dev/null 2>&1 && command -v psql >/dev/null
	exit $?
fi
[ $# -eq 2 ] || usage
action=$1
case $2 in
/*) dir=$2 ;;
*) dir=$PWD/$2 ;;
esac
superuser=tact_admin

# as_owner CMD...: runs CMD as the user that owns the cluster.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$pg_user" -- "$@"
	else
		"$@"
	fi
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_user=$(id -un)
if [ "$(id -u)" = 0 ]; then
	pg_user=${TACT_PG_USER:-postgres}
	id -u "$pg_user" >/dev/null 2>&1 || die "no user $pg_user to run the server as (set TACT_PG_USER)"
fi

start() {
	local pg_ctl initdb port pw tries
	initdb=$(pg_bin initdb)
	pg_ctl=$(pg_bin pg_ctl)
	[ ! -e "$dir/data" ] || die "$dir/data exists already"
	mkdir -p "$dir"
	chmod 700 "$dir"
	[ "$(id -u)" = 0 ] && chown "$pg_user" "$dir"
	as_owner test -w "$dir" || die "$pg_user cannot reach $dir (a parent folder shuts it out)"
	umask 077
	pw=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
	# initdb reads the password from a file its user can read; it goes at once.
	printf '%s\n' "$pw" >"$dir/pwinit"
	[ "$(id -u)" = 0 ] && chown "$pg_user" "$dir/pwinit"
	as_owner "$initdb" -D "$dir/data" -U "$superuser" --pwfile="$dir/pwinit" \
		--auth-local=scram-sha-256 --auth-host=scram-sha-256 \
		-E UTF8 --locale=C.UTF-8 --no-instructions >"$dir/initdb.log" 2>&1 ||
		{ rm -f "$dir/pwinit"; cat "$dir/initdb.log" >&2; die "initdb failed"; }
	rm -f "$dir/pwinit"
	# include, not include_if_exists: a server that cannot read it must not
	# start on the default port and socket.
	echo "include = 'tact-test.conf'" >>"$dir/data/postgresql.conf"
	for tries in 1 2 3 4 5; do
		port=$(free_port)
		cat >"$dir/data/tact-test.conf" <<-CONF
		listen_addresses = '127.0.0.1'
		port = $port
		unix_socket_directories = '$dir'
		unix_socket_permissions = 0700
		password_encryption = 'scram-sha-256'
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		max_connections = 100
		CONF
		[ "$(id -u)" = 0 ] && chown "$pg_user" "$dir/data/tact-test.conf"
		if as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
			break
		fi
		[ "$tries" = 5 ] && { tail -n 20 "$dir/server.log" >&2; die "the server did not start"; }
	done
	# The password file libpq reads: host 127.0.0.1 and the socket folder.
	printf '127.0.0.1:%s:*:%s:%s\n%s:%s:*:%s:%s\n' "$port" "$superuser" "$pw" \
		"$dir" "$port" "$superuser" "$pw" >"$dir/pgpass"
	chmod 600 "$dir/pgpass"
	echo "$port" >"$dir/port"
}

stop() {
	local pg_ctl
	pg_ctl=$(pg_bin pg_ctl)
	[ -e "$dir/data/postmaster.pid" ] || return 0
	as_owner "$pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

print_env() {
	[ -r "$dir/port" ] || die "no cluster started in $dir"
	printf 'export TACT_TEST_PG_ADMIN_URL=%q\n' \
		"postgresql://$superuser@127.0.0.1:$(cat "$dir/port")/postgres"
	printf 'export PGPASSFILE=%q\n' "$dir/pgpass"
	printf 'export TACT_TEST_PG_DIR=%q\n' "$dir"
}

case $action in
start) start ;;
stop) stop ;;
env) print_env ;;
*) usage ;;
esac
