#!/usr/bin/env python3
"""gen.py - ordinary turndowns with known labels, for tact's privacy test.

A realistic mix as a recruiter's vault holds it: one to four reasons, drawn
in themes (money, career, life, people, company) that go together; which of
them are said in confidence depends on the area (people are mostly
confidential, a family move mostly not); people met of every role and
impression, from a pool of common first names and surnames so that names
collide as they do in life; notes written from the reasons.

    gen.py N SEED > turndowns.jsonl      (labels: each line's "reasons")
    gen.py --c-table > core/scripts/cover_table.c   (cover weights, calibrated)
"""
import datetime
import collections
import json
import random
import sys

AREAS = ["compensation", "equity", "benefits", "title", "scope", "growth", "better-fit",
         "counteroffer", "relocation", "commute", "remote", "family", "partner-career",
         "schedule", "workload", "culture", "hiring-manager", "team", "leadership", "hr",
         "process", "stability", "reputation", "other"]

THEMES = {
    "money": ["compensation", "equity", "benefits", "counteroffer"],
    "career": ["title", "scope", "growth", "better-fit"],
    "life": ["relocation", "commute", "remote", "family", "partner-career", "schedule",
             "workload"],
    "people": ["culture", "hiring-manager", "team", "leadership", "hr"],
    "company": ["process", "stability", "reputation", "other"],
}
THEME_OF = {a: t for t, l in THEMES.items() for a in l}

# How often an area is a reason at all, and how often, when it is, it is
# said in confidence.
BASE = {"compensation": 16, "equity": 5, "benefits": 4, "title": 5, "scope": 6, "growth": 8,
        "better-fit": 9, "counteroffer": 6, "relocation": 6, "commute": 4, "remote": 5,
        "family": 5, "partner-career": 3, "schedule": 4, "workload": 4, "culture": 6,
        "hiring-manager": 5, "team": 4, "leadership": 5, "hr": 3, "process": 5,
        "stability": 4, "reputation": 3, "other": 3}
CONF = {"compensation": .30, "equity": .30, "benefits": .15, "title": .25, "scope": .25,
        "growth": .25, "better-fit": .20, "counteroffer": .55, "relocation": .10,
        "commute": .10, "remote": .15, "family": .25, "partner-career": .20, "schedule": .20,
        "workload": .40, "culture": .70, "hiring-manager": .90, "team": .75,
        "leadership": .85, "hr": .85, "process": .40, "stability": .70, "reputation": .65,
        "other": .45}
NREASONS = [(1, .35), (2, .35), (3, .20), (4, .10)]

FIRST = ["Anna", "David", "Maria", "James", "Sarah", "Michael", "Laura", "Daniel", "Emma",
         "John", "Priya", "Wei", "Fatima", "Tom", "Olivia", "Ahmed", "Sofia", "Chris",
         "Hannah", "Luca", "Grace", "Omar", "Ines", "Peter", "Ruth", "Kenji", "Amara",
         "Jonas", "Claire", "Mateo"]
LAST = ["Smith", "Jones", "Garcia", "Miller", "Brown", "Chen", "Patel", "Khan", "Meyer",
        "Rossi", "Nguyen", "Kowalski", "Okafor", "Silva", "Dubois", "Murphy", "Larsen",
        "Cohen", "Tanaka", "Novak", "Walsh", "Bauer", "Haddad", "Ortiz", "Price", "Lindqvist"]
CLIENTS = ["Northwind Health", "Bluegate Systems", "Harbor & Pike LLP", "Keystone Foods",
           "Altura Energy", "Meridian Clinics", "Copperleaf Bank", "Vantage Robotics",
           "Greyfield Logistics", "Solstice Media", "Pinecrest Hospital", "Ardent Insurance"]
ROLES = [("Staff Software Engineer", "technology"), ("Chief Financial Officer", "executive"),
         ("Consultant Cardiologist", "physician"), ("Charge Nurse, ICU", "nursing"),
         ("Regional Sales Director", "sales"), ("Physiotherapist", "allied-health"),
         ("Head of Operations", "operations"), ("Financial Controller", "finance"),
         ("Product Manager", "general"), ("VP Engineering", "executive")]
PEOPLE_ROLES = ["hiring-manager", "hr", "executive", "interviewer", "peer", "other"]

# A few words for each area, for notes; the notes are ordinary speech.
SAY = {
    "compensation": "the base salary was well under what they earn now",
    "equity": "the equity grant and its vesting looked thin",
    "benefits": "the pension and health cover were weaker",
    "title": "the title felt like a step sideways",
    "scope": "the scope of the job was narrower than described",
    "growth": "there was no clear path to the next level",
    "better-fit": "another role fitted their plans more closely",
    "counteroffer": "their current employer came back with a strong counter",
    "relocation": "moving the household was not practical this year",
    "commute": "the journey in would have been over an hour each way",
    "remote": "they need more days working from home",
    "family": "a family matter needs them close to home",
    "partner-career": "their partner has just started a new job",
    "schedule": "the on-call pattern would be hard on them",
    "workload": "the hours the team works looked unsustainable",
    "culture": "the place felt guarded and political",
    "hiring-manager": "{hm} came across as dismissive in the second interview",
    "team": "the team seemed worn out and divided",
    "leadership": "{ex} gave no sense of direction at the top",
    "hr": "{hr} was slow and evasive about the contract",
    "process": "the process dragged on for nine weeks",
    "stability": "they worry about the funding round falling through",
    "reputation": "friends in the sector warned them about the firm",
    "other": "there were personal reasons they would rather keep private",
}


FIRST_DAY = datetime.date(2016, 1, 1)

def pick(rng, weights):
    total = sum(weights.values())
    x = rng.random() * total
    for k, w in weights.items():
        x -= w
        if x <= 0:
            return k
    return k


def reasons(rng):
    n = pick(rng, dict(NREASONS))
    chosen = []
    while len(chosen) < n:
        if chosen and rng.random() < 0.6:
            pool = {a: BASE[a] for a in THEMES[THEME_OF[rng.choice(chosen)]]
                    if a not in chosen}
        else:
            pool = {a: w for a, w in BASE.items() if a not in chosen}
        if pool:
            chosen.append(pick(rng, pool))
    return [(a, "confidential" if rng.random() < CONF[a] else "shareable") for a in chosen]


def name(rng, used):
    while True:
        n = rng.choice(FIRST) + " " + rng.choice(LAST)
        if n not in used:
            used.add(n)
            return n


def turndown(rng, i):
    used = set()
    cand = name(rng, used)
    role, field = rng.choice(ROLES)
    rs = reasons(rng)
    conf = {a for a, v in rs if v == "confidential"}
    met, who = [], {}
    roles = ["hiring-manager"] + rng.sample(PEOPLE_ROLES[1:], rng.randint(1, 4))
    for r in roles:
        p = name(rng, used)
        bad = {"hiring-manager": "hiring-manager", "hr": "hr", "executive": "leadership",
               "peer": "team"}.get(r) in conf
        imp = "negative" if bad and rng.random() < 0.8 else rng.choice(
            ["positive", "positive", "positive", "neutral", "negative"] if not bad else
            ["neutral"])
        met.append({"name": p, "role": r, "impression": imp})
        who.setdefault({"hiring-manager": "hm", "hr": "hr", "executive": "ex"}.get(r, r), p)
    fill = {"hm": who.get("hm", "the manager"), "hr": who.get("hr", "the HR partner"),
            "ex": who.get("ex", "the chief executive")}
    csay = [SAY[a].format(**fill) for a, v in rs if v == "confidential"]
    ssay = [SAY[a].format(hm="the manager", hr="HR", ex="the leadership")
            for a, v in rs if v == "shareable"]
    line = {"candidate": cand, "client": rng.choice(CLIENTS), "role": role,
            # one decline a day, all in the past: no line repeats another's
            # candidate, client and date (import would skip it as a duplicate)
            "offer_date": (FIRST_DAY + datetime.timedelta(days=i - 5 - i % 20)).isoformat(),
            "decline_date": (FIRST_DAY + datetime.timedelta(days=i)).isoformat(),
            "reasons": [{"category": a, "visibility": v} for a, v in rs],
            "met": met, "consent": "aggregate"}
    if csay:
        line["confidential"] = "In confidence: " + "; ".join(csay) + "."
    if ssay and rng.random() < 0.7:
        note = "They asked me to say that " + " and ".join(ssay) + "."
        if rng.random() < 0.15:
            note += " They are happy to talk: %s@example.org or +44 20 7946 %04d." % (
                cand.split()[0].lower(), rng.randint(0, 9999))
        line["shareable"] = note
    return line


def cover_draw(rng, conf, share, weight, n=5):
    """The covers core/scripts/debrief.c draws: one at a time, in proportion
    to WEIGHT(area, shareable areas), never a shareable or taken area."""
    probed = list(conf)
    w = {a: weight(a, share) for a in AREAS if a not in share and a not in conf}
    while len(probed) < n and sum(w.values()) > 0:
        x = rng.random() * sum(w.values())
        for a, v in w.items():
            x -= v
            if x <= 0 and v > 0:
                break
        probed.append(a)
        w[a] = 0
    return probed


def c_table(n=60000, rounds=10):
    """Cover weights.  First how likely each area is to be a confidential
    reason, alone and given each shareable area; then calibrated: covers
    are drawn as the builder draws them, and each weight is nudged until,
    among the probed areas not stated as shareable, every area is as often
    the confidential one as the others (drawing without replacement
    favours the heavy areas otherwise)."""
    rng = random.Random(1)
    sample = [reasons(rng) for _ in range(n)]
    labelled = [({a for a, v in rs if v == "confidential"},
                 {a for a, v in rs if v == "shareable"}) for rs in sample]
    base = {a: 1.0 for a in AREAS}
    given = {(x, a): 1.0 for x in AREAS for a in AREAS}
    for conf, share in labelled:
        for a in conf:
            base[a] += 1
            for x in share:
                given[(x, a)] += 1

    def normalise():
        tot = sum(base.values())
        for a in AREAS:
            base[a] /= tot
        for x in AREAS:
            tot = sum(given[(x, a)] for a in AREAS if a != x)
            for a in AREAS:
                given[(x, a)] = given[(x, a)] / tot if a != x else 0.0

    adjust = {a: 1.0 for a in AREAS}

    def weight(a, share):
        if not share:
            return base[a]
        if len(share) == 1:
            return given[(next(iter(share)), a)]
        return adjust[a] * sum(given[(x, a)] for x in share) / len(share)

    normalise()
    for _ in range(rounds):
        probed = collections.Counter()
        real = collections.Counter()
        for conf, share in labelled:
            for a in cover_draw(rng, conf, share, weight):
                if len(share) > 1:
                    keys = [("many", a)]
                else:
                    keys = [(x, a) for x in share] or [(None, a)]
                for k in keys:
                    probed[k] += 1
                    real[k] += a in conf
        for row in [None, "many"] + AREAS:
            keys = [(row, a) for a in AREAS if probed[(row, a)] > 0]
            tot_p = sum(probed[k] for k in keys)
            tot_r = sum(real[k] for k in keys)
            if tot_r == 0:
                continue
            mean = tot_r / tot_p
            for k in keys:
                r = (real[k] + mean * 5) / (probed[k] + 5)
                f = (r / mean) ** 0.8
                if row is None:
                    base[k[1]] *= f
                elif row == "many":
                    adjust[k[1]] *= f
                else:
                    given[k] *= f
        normalise()
        top = max(adjust.values())
        for a in AREAS:
            adjust[a] /= top

    def scaled(vals):
        return [max(1, round(100000 * v)) for v in vals]

    out = ["/* Generated by tests/privacy/gen.py --c-table: do not edit. */",
           "#include \"core/scripts/cover.h\"", "",
           "/* The weight of each area as a cover when nothing is shareable (of 100000). */",
           "const unsigned int cover_base[COVER_AREAS] = {"]
    out.append("\t" + ", ".join(str(v) for v in scaled([base[a] for a in AREAS])) + ",")
    out.append("};")
    out.append("")
    out.append("/* The weight of area A as a cover when area S is shareable:")
    out.append(" * cover_given[S][A] (a row sums to about 100000). */")
    out.append("const unsigned int cover_given[COVER_AREAS][COVER_AREAS] = {")
    for x in AREAS:
        row = scaled([given[(x, a)] for a in AREAS])
        row = [0 if a == x else v for a, v in zip(AREAS, row)]
        out.append("\t{ " + ", ".join(str(v) for v in row) + " },")
    out.append("};")
    out.append("")
    out.append("/* With two shareable areas or more, the mean of their rows is weighed")
    out.append(" * by cover_adjust[A] (of 100000). */")
    out.append("const unsigned int cover_adjust[COVER_AREAS] = {")
    out.append("\t" + ", ".join(str(v) for v in scaled([adjust[a] for a in AREAS])) + ",")
    out.append("};")
    print("\n".join(out))


def main():
    if sys.argv[1:] == ["--c-table"]:
        c_table()
        return
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    for i in range(n):
        print(json.dumps(turndown(rng, i), ensure_ascii=False))


if __name__ == "__main__":
    main()
