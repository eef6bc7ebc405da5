#!/usr/bin/python3
"""pgbase.py - the plaintext PostgreSQL baseline of `make bench`: the rows of
gen.py's JSON Lines as a psql script that makes plain tables (candidates,
clients, turndowns, reasons, met: those of gen.py's SQLite baseline) and
fills them with COPY, in one transaction.

usage: pgbase.py JSONL_IN PSQL_OUT
"""
import json
import sys


def esc(v):
    """A value in COPY's text format."""
    if v is None:
        return "\\N"
    return (str(v).replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def line(*vals):
    return "\t".join(esc(v) for v in vals) + "\n"


def main():
    cands, clients = {}, {}
    turndowns, reasons, met = [], [], []
    with open(sys.argv[1]) as f:
        for i, raw in enumerate(f, 1):
            r = json.loads(raw)
            c = cands.setdefault(r["candidate"], len(cands) + 1)
            cl = clients.setdefault(r["client"], len(clients) + 1)
            turndowns.append(line(i, c, cl, r.get("offer_date"), r.get("decline_date"),
                                  r.get("role"), r.get("consent"), r.get("shareable"),
                                  r.get("confidential")))
            for x in r.get("reasons", []):
                reasons.append(line(i, x["category"], x.get("visibility")))
            for m in r.get("met", []):
                met.append(line(i, m["name"], m.get("role"), m.get("impression")))
    with open(sys.argv[2], "w") as out:
        out.write("BEGIN;\n"
                  "CREATE TABLE candidates(id integer PRIMARY KEY, name text UNIQUE);\n"
                  "CREATE TABLE clients(id integer PRIMARY KEY, name text UNIQUE);\n"
                  "CREATE TABLE turndowns(id integer PRIMARY KEY, candidate_id integer, "
                  "client_id integer, offer_date text, decline_date text, role text, "
                  "consent text, shareable text, confidential text);\n"
                  "CREATE INDEX turndowns_client ON turndowns(client_id, decline_date);\n"
                  "CREATE TABLE reasons(turndown_id integer, category text, visibility text);\n"
                  "CREATE TABLE met(turndown_id integer, name text, role text, impression text);\n")
        out.write("COPY candidates FROM STDIN;\n")
        out.writelines(line(v, k) for k, v in cands.items())
        out.write("\\.\nCOPY clients FROM STDIN;\n")
        out.writelines(line(v, k) for k, v in clients.items())
        for name, rows in (("turndowns", turndowns), ("reasons", reasons), ("met", met)):
            out.write("\\.\nCOPY %s FROM STDIN;\n" % name)
            out.writelines(rows)
        out.write("\\.\nCOMMIT;\n")


if __name__ == "__main__":
    main()
