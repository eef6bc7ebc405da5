#!/usr/bin/python3
"""gen.py - synthetic turndowns for `make bench`, from a fixed seed.

Writes the same rows twice: as JSON Lines for `tact import`, and as SQL for
the plaintext sqlite3 baseline (same tables a plaintext tool would keep:
candidates, clients, turndowns, reasons, people met), one transaction.

usage: gen.py N JSONL_OUT SQL_OUT [SEED]
"""
import json
import random
import sys

CATEGORIES = ("compensation equity benefits title scope growth better-fit counteroffer "
              "relocation commute remote family partner-career schedule workload culture "
              "hiring-manager team leadership hr process stability reputation other").split()
ROLES = "hiring-manager hr executive interviewer peer other".split()
IMPRESSIONS = "positive neutral negative".split()
FIRST = ("Ava Ben Chloe Dev Elena Farid Grace Hugo Ines Jonas Kemi Liam Maya Nikhil Olga "
         "Pablo Quinn Rosa Sami Tara Uma Viktor Wen Ximena Yusuf Zara").split()
LAST = ("Adams Baker Chen Diaz Evans Fischer Garcia Haddad Ito Jensen Khan Lopez Moreau "
        "Nakamura Okafor Patel Quist Rossi Silva Tanaka Ueda Varga Weber Xu Yilmaz Zhou").split()
WORDS = ("the offer team role package process manager candidate felt strong weeks "
         "interview location family growth market salary remote culture leadership "
         "timeline schedule benefits equity future clear honest positive slow quick "
         "meeting colleagues office travel budget scope title move decision").split()
TITLES = ("Chief Medical Officer, VP Engineering, Head of Data, Staff Engineer, CFO, "
          "Nurse Director, General Counsel, Product Lead, Plant Manager, CTO").split(", ")


def note(rng):
    n = rng.randint(100, 400)
    out = []
    while len(" ".join(out)) < n:
        out.append(rng.choice(WORDS))
    return (" ".join(out))[:n].capitalize() + "."


def date(rng, start_day):
    import datetime
    d = datetime.date(2016, 1, 1) + datetime.timedelta(days=start_day)
    return d.isoformat()


def q(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20261122
    # "migration": a desk's history from another system, every candidate new
    # and one person met each
    migration = len(sys.argv) > 5 and sys.argv[5] == "migration"
    rng = random.Random(seed)
    clients = ["Client %03d %s" % (i, rng.choice(LAST)) for i in range(200)]
    ncand = max(1, int(n / 1.3))
    with open(sys.argv[2], "w") as js, open(sys.argv[3], "w") as sql:
        sql.write("PRAGMA journal_mode=WAL;\n"
                  "CREATE TABLE IF NOT EXISTS candidates(id INTEGER PRIMARY KEY, name TEXT UNIQUE);\n"
                  "CREATE TABLE IF NOT EXISTS clients(id INTEGER PRIMARY KEY, name TEXT UNIQUE);\n"
                  "CREATE TABLE IF NOT EXISTS turndowns(id INTEGER PRIMARY KEY, candidate_id INTEGER, "
                  "client_id INTEGER, offer_date TEXT, decline_date TEXT, role TEXT, consent TEXT, "
                  "shareable TEXT, confidential TEXT);\n"
                  "CREATE INDEX IF NOT EXISTS turndowns_client ON turndowns(client_id, decline_date);\n"
                  "CREATE TABLE IF NOT EXISTS reasons(turndown_id INTEGER, category TEXT, visibility TEXT);\n"
                  "CREATE TABLE IF NOT EXISTS met(turndown_id INTEGER, name TEXT, role TEXT, impression TEXT);\n"
                  "BEGIN;\n")
        for i in range(1, n + 1):
            c = i if migration else rng.randrange(ncand)
            cand = "%s %s %d" % (FIRST[c % 26], LAST[(c // 26) % 26], c)
            client = rng.choice(clients)
            day = rng.randrange(3650)
            offer = date(rng, day)
            decline = date(rng, day + rng.randint(1, 60))
            reasons = [{"category": cat, "visibility": rng.choice(("shareable", "confidential"))}
                       for cat in rng.sample(CATEGORIES, rng.randint(1, 3))]
            met = [{"name": "%s %s" % (rng.choice(FIRST), rng.choice(LAST)),
                    "role": rng.choice(ROLES), "impression": rng.choice(IMPRESSIONS)}
                   for _ in range(1 if migration else rng.randint(1, 4))]
            rec = {"candidate": cand, "client": client, "role": rng.choice(TITLES),
                   "offer_date": offer, "decline_date": decline, "reasons": reasons,
                   "confidential": note(rng), "shareable": note(rng), "met": met,
                   "consent": "aggregate" if rng.random() < 0.9 else "none"}
            js.write(json.dumps(rec, separators=(",", ":")) + "\n")
            sql.write("INSERT OR IGNORE INTO candidates(name) VALUES(%s);\n" % q(cand))
            sql.write("INSERT OR IGNORE INTO clients(name) VALUES(%s);\n" % q(client))
            sql.write("INSERT INTO turndowns VALUES(%d,(SELECT id FROM candidates WHERE name=%s),"
                      "(SELECT id FROM clients WHERE name=%s),%s,%s,%s,%s,%s,%s);\n" % (
                          i, q(cand), q(client), q(offer), q(decline), q(rec["role"]),
                          q(rec["consent"]), q(rec["shareable"]), q(rec["confidential"])))
            for r in reasons:
                sql.write("INSERT INTO reasons VALUES(%d,%s,%s);\n" % (i, q(r["category"]),
                                                                      q(r["visibility"])))
            for m in met:
                sql.write("INSERT INTO met VALUES(%d,%s,%s,%s);\n" % (i, q(m["name"]), q(m["role"]),
                                                                    q(m["impression"])))
        sql.write("COMMIT;\n")


if __name__ == "__main__":
    main()
