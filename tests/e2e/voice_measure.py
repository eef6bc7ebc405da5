#!/usr/bin/env python3
"""voice_measure.py - how differently tact's scripts read (issue 13's
variety figures), for t_voice.sh.

    voice_measure.py gen N OUT.jsonl        write N varied turndowns to import
    voice_measure.py measure DIR            read DIR/<id>-<seed>.json debriefs

`measure` prints two figures and exits 1 if either is out of bounds:
- for every turndown, the share of lines two of its scripts (two seeds)
  have in common: under a third on average, and for at least three
  turndowns in four (the scripts' choices are keyed by the vault's own key,
  so each run measures a new draw: over five vaults of 80 the share at a
  third or more was 14-20%, so four in five failed one run in five or so);
- across the vault, the share of scripts that use each opening sentence:
  none may be used by more than a fifth.
A line is a whole string of the script (an opening sentence, a question, a
follow-up, a listening cue, a closing line, a guardrail).
"""
import collections
import glob
import json
import os
import random
import sys

FIRST = ["Priya", "Tom", "Amara", "Jordan", "Helen", "Marcus", "Sofia", "Derek", "Aisha", "Chris",
         "Elena", "Robin", "Fatima", "Samuel", "Ingrid", "Henry", "Lena", "Omar", "Grace", "Kenji"]
LAST = ["Raman", "Okafor", "Ellis", "Marsh", "Bell", "Martins", "Holloway", "Noor", "Nakamura",
        "Petrova", "Kaye", "Zahra", "Adeyemi", "Hale", "Caldwell", "Jones", "Haddad", "Kim"]
TITLES = ["", "", "", "", "Dr. ", "Ms. ", "Mr. "]
ROLES = ["Interventional Cardiologist", "Hospitalist", "Charge Nurse", "Nurse Practitioner",
         "Physical Therapist", "VP Engineering", "Chief Operating Officer", "Senior Backend Engineer",
         "Account Executive", "Financial Controller", "Supply Chain Manager", "Office Administrator"]
CATS = ["compensation", "equity", "benefits", "title", "scope", "growth", "better-fit",
        "counteroffer", "relocation", "commute", "remote", "family", "partner-career", "schedule",
        "workload", "culture", "hiring-manager", "team", "leadership", "hr", "process",
        "stability", "reputation", "other"]
MET_ROLES = ["hiring-manager", "hr", "executive", "interviewer", "peer", "other"]
IMPRESSIONS = ["positive", "neutral", "negative"]


def name(rng, title=True):
    return (rng.choice(TITLES) if title else "") + rng.choice(FIRST) + " " + rng.choice(LAST)


def gen(n, path):
    rng = random.Random(13)
    with open(path, "w") as f:
        for i in range(n):
            cats = rng.sample(CATS, rng.randint(1, 3))
            reasons = [{"category": c, "visibility": rng.choice(["confidential", "shareable"])}
                       for c in cats]
            met = [{"name": name(rng), "role": rng.choice(MET_ROLES),
                    "impression": rng.choice(IMPRESSIONS)} for _ in range(rng.randint(0, 4))]
            if met and rng.random() < 0.7:
                met[0]["role"] = "hiring-manager"
            line = {"candidate": name(rng), "client": "Client %d" % (i % 17),
                    "role": rng.choice(ROLES), "decline_date": "2026-%02d-%02d" % (1 + i % 11, 1 + i % 27),
                    "reasons": reasons, "met": met,
                    "pronouns": rng.choice(["she", "he", "they"]),
                    "confidential": "Said in confidence, number %d." % i,
                    "shareable": rng.choice(["", "Happy for this part to be passed on."])}
            f.write(json.dumps(line) + "\n")


def lines_of(doc):
    out = list(doc["opening"])
    for p in doc["probes"] + ([doc["people"]] if "people" in doc else []):
        out += [p["question"]] + p["follow_ups"] + [p["listening_cue"]]
    return out + doc["closing"] + doc["guardrails"]


def measure(folder):
    scripts = collections.defaultdict(dict)
    for path in glob.glob(os.path.join(folder, "*.json")):
        tid, seed = os.path.basename(path)[:-5].split("-")
        with open(path) as f:
            scripts[tid][seed] = json.load(f)
    shares = []
    for tid, by_seed in scripts.items():
        a, b = [lines_of(by_seed[s]) for s in sorted(by_seed)[:2]]
        common = sum((collections.Counter(a) & collections.Counter(b)).values())
        shares.append(common / max(len(a), len(b)))
    used = collections.Counter()
    total = 0
    for by_seed in scripts.values():
        doc = by_seed[sorted(by_seed)[0]]
        total += 1
        for s in set(doc["opening"]):
            used[s] += 1
    top, count = used.most_common(1)[0]
    worst = max(shares)
    mean = sum(shares) / len(shares)
    over = sum(1 for x in shares if x >= 1 / 3) / len(shares)
    print("voice: %d turndowns, two seeds each: lines in common %.1f%% on average, %.1f%% at "
          "most; %.1f%% of turndowns at a third or more" % (len(shares), 100 * mean, 100 * worst,
                                                           100 * over))
    print("voice: the most used opening sentence is in %d of %d scripts (%.1f%%, 20%% at most "
          "wanted): %r" % (count, total, 100 * count / total, top))
    # Under a third on average, and for three turndowns in four at least
    # (two seeds draw the same question for an area about one time in
    # three or four, and its follow-ups with it).
    bad = mean >= 1 / 3 or over > 0.25 or count / total > 0.2
    print("voice: %s" % ("FAIL" if bad else "ok"))
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(measure(sys.argv[2]))
