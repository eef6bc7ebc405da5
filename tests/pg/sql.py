#!/usr/bin/python3
"""sql.py - turns the SQLite SQL the end-to-end tests run on a vault with
the sqlite3 tool into PostgreSQL's, for lib.sh's sqlite3 stand-in on pg.

Only what the tests write: hex(X) (upper-case hex of a blob), X'..' blob
literals, char(N), zeroblob(N).  Reads the SQL on stdin, writes it on stdout; exits 2
for a PRAGMA or a dot command, which have no PostgreSQL counterpart.

usage: sql.py < SQLITE_SQL
"""
import re
import sys


def translate(sql):
    if re.match(r"\s*(PRAGMA|\.)", sql, re.I):
        raise ValueError("no PostgreSQL counterpart: " + sql.strip().split()[0])
    sql = re.sub(r"\bhex\(([^()]*)\)", r"upper(encode(\1, 'hex'))", sql, flags=re.I)
    sql = re.sub(r"\bX'([0-9A-Fa-f]*)'", r"'\\x\1'::bytea", sql, flags=re.I)
    sql = re.sub(r"\bzeroblob\(((?:[^()]|\([^()]*\))*)\)", r"decode(repeat('00', \1), 'hex')",
                 sql, flags=re.I)
    sql = re.sub(r"\bchar\((\d+)\)", r"chr(\1)", sql, flags=re.I)
    return sql


def main():
    try:
        sys.stdout.write(translate(sys.stdin.read()))
    except ValueError as e:
        sys.stderr.write("sql.py: %s\n" % e)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
