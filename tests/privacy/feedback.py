#!/usr/bin/env python3
"""feedback.py - the privacy test of `tact feedback coach` (in `make check-privacy`).

Generates labelled feedback records (clients' feedback on candidates they
turned down), imports them into a throw-away vault as "kind": "feedback"
lines, writes `tact feedback coach --json` for each, and plays the
candidate who knows tact's code: the adversaries of run.py (logistic and
counting), trained on half of the scripts (the areas asked about, how many,
their order, the areas the client shared), try on the other half to name an
area the client raised in confidence.  Fails when the ratio of their success
to the uniform guess among the areas asked about has a lower 95% bound above
1.2, when the number of questions carries more than 0.05 bits about the
number of confidential areas, when a confidential area goes unasked, or when
coach or ask refuse more than 0.5% of ordinary records.

The clients' confidential areas are drawn with the weights the coach draws
its covers with (coach_cover_weights in core/scripts/coach.c, read from the
source), given the areas they shared; which areas a client shares follows
its own, different weights (experience and skills are shared readily, how
someone came across much less).

    feedback.py TACT [N] [SEED]
"""
import collections
import concurrent.futures
import datetime
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True     # no __pycache__ in the tree
sys.path.insert(0, HERE)
import gen  # noqa: E402
import run  # noqa: E402

AREAS = ["experience-gap", "accomplishments", "communication", "technical-depth",
         "leadership-presence", "culture-add", "motivation", "preparation",
         "compensation-expectations", "references", "other"]
SHARE_WEIGHTS = {"experience-gap": 18, "accomplishments": 15, "communication": 6,
                 "technical-depth": 16, "leadership-presence": 5, "culture-add": 4,
                 "motivation": 7, "preparation": 10, "compensation-expectations": 9,
                 "references": 5, "other": 5}
NSHARED = [(0, .15), (1, .45), (2, .30), (3, .10)]
NCONF = [(0, .20), (1, .45), (2, .25), (3, .10)]
STAGES = ["screen", "interview", "final", None]

# What a client says in confidence, and what it agrees to pass on, by area.
CONF_TEXT = {
    "experience-gap": "Honestly {p} thought she had never run anything of this size.",
    "accomplishments": "The panel suspected the turnaround numbers were padded.",
    "communication": "Came across arrogant and talked over {p} twice.",
    "technical-depth": "{p} said the answers on the core systems were shallow.",
    "leadership-presence": "Seemed to blame the old team for everything that went wrong.",
    "culture-add": "{p} felt the candidate would clash with the unit's way of working.",
    "motivation": "We suspect the candidate mainly wanted out of the current job.",
    "preparation": "Had not even looked at our annual report, which annoyed {p}.",
    "compensation-expectations": "The salary demand felt like a bluff to use elsewhere.",
    "references": "One reference from the last employer was lukewarm at best.",
    "other": "Something felt off about the gap year that nobody could pin down.",
}
SHARE_TEXT = {
    "experience-gap": "More hands-on time with budgets of this size would help.",
    "accomplishments": "Bring numbers and your own part into each result.",
    "communication": "Shorter answers with the main point first.",
    "technical-depth": "Be ready to go deeper into the detail of past projects.",
    "leadership-presence": "Give more examples of decisions you owned.",
    "culture-add": "Say more about how you work with a team day to day.",
    "motivation": "Make the reasons for this move clearer.",
    "preparation": "Read up on the organisation before each round.",
    "compensation-expectations": "The expected package was above the band for this role.",
    "references": "Choose referees who saw your most recent work.",
    "other": "Keep the whole story of your career easy to follow.",
}


def cover_weights():
    """The coach's cover weights, read from core/scripts/coach.c."""
    with open(os.path.join(ROOT, "core/scripts/coach.c")) as f:
        src = f.read()
    body = re.search(r"coach_cover_weights\[FB_AREA_COUNT\] = \{(.*?)\};", src, re.S).group(1)
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
    nums = [int(x) for x in re.findall(r"\d+", body)]
    assert len(nums) == len(AREAS), nums
    return dict(zip(AREAS, nums))


def draw(rng, weights, exclude, k):
    out = []
    for _ in range(k):
        pool = {a: w for a, w in weights.items() if a not in exclude and a not in out and w > 0}
        if not pool:
            break
        out.append(gen.pick(rng, pool))
    return out


def record(rng, i, conf_weights):
    shared = draw(rng, SHARE_WEIGHTS, set(), gen.pick(rng, dict(NSHARED)))
    conf = draw(rng, conf_weights, set(shared), gen.pick(rng, dict(NCONF)))
    if not shared and not conf:
        shared = draw(rng, SHARE_WEIGHTS, set(), 1)
    used = set()
    person = gen.name(rng, used)
    role, _field = rng.choice(gen.ROLES)
    first = person.split()[0]
    line = {"kind": "feedback", "candidate": gen.name(rng, used) + " %d" % i,
            "client": rng.choice(gen.CLIENTS), "role": role,
            "date": (datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 300)).isoformat(),
            "areas": [{"area": a, "visibility": "shareable"} for a in shared] +
                     [{"area": a, "visibility": "confidential"} for a in conf],
            "from": {"name": person, "role": rng.choice(["hiring-manager", "hr", "interviewer",
                                                         "executive"])}}
    stage = rng.choice(STAGES)
    if stage:
        line["stage"] = stage
    if conf:
        line["confidential"] = " ".join(CONF_TEXT[a].format(p=first) for a in conf)
    if shared and rng.random() < .7:
        line["shareable"] = " ".join(SHARE_TEXT[a] for a in shared)
    return line


def main():
    binary = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 18
    jobs = int(os.environ.get("PRIVACY_JOBS", "2"))
    rng = random.Random(seed)
    weights = cover_weights()
    lines = [record(rng, i, weights) for i in range(n)]
    tmp = tempfile.mkdtemp(prefix="tact-privacy-fb.")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TACT_")}
    env.update({"TACT_VAULT": os.path.join(tmp, "v.db"), "HOME": tmp,
                "XDG_CONFIG_HOME": os.path.join(tmp, "config"), "XDG_RUNTIME_DIR": tmp})
    with open(os.path.join(tmp, "pw"), "w") as f:
        f.write("privacy test\n")
    with open(os.path.join(tmp, "in.jsonl"), "w") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
    pw = ["--passphrase-file", os.path.join(tmp, "pw")]
    for args in (pw + ["init", "--weak-passphrase"], pw + ["import", os.path.join(tmp, "in.jsonl")]):
        rc, out, err = run.tact(binary, env, *args)
        if rc != 0:
            sys.exit("privacy: tact %s failed: %s" % (args[2], err.strip()))
    rc, out, err = run.tact(binary, env, *(pw + ["unlock", "--ttl", "120"]))
    env["TACT_SESSION"] = out.strip().split("=", 1)[1].strip("'\"")
    rc, out, err = run.tact(binary, env, "--json", "feedback", "list")
    ids = sorted(int(x["id"]) for x in json.loads(out))
    if len(ids) != n:
        sys.exit("privacy: imported %d feedback records of %d" % (len(ids), n))

    def coach(k):
        return run.tact(binary, env, "--json", "feedback", "coach", str(ids[k]), "--seed", str(k))

    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        results = list(ex.map(coach, range(n)))
    refused = collections.Counter()
    scripts, unprobed = [], 0
    for k, (rc, out, err) in enumerate(results):
        if rc != 0:
            refused["coach"] += 1
            continue
        d = json.loads(out)
        probed = [q["area"] for q in d["questions"]]
        areas = lines[k]["areas"]
        conf = {a["area"] for a in areas if a["visibility"] == "confidential"}
        shareable = {a["area"] for a in areas if a["visibility"] == "shareable"}
        unprobed += len(conf - set(probed))
        scripts.append((probed, shareable, conf, len(conf)))
    half = len(scripts) // 2
    train = [s[:3] for s in scripts[:half]]
    test = [s[:3] for s in scripts[half:]]
    models = [run.Logistic(), run.Counts()]
    rows = []
    for probed, shareable, conf in train:
        for i, a in run.candidates(probed, shareable):
            rows.append((run.features(probed, shareable, a, i), 1 if a in conf else 0))
    for m in models:
        m.train(list(rows))
    pairs = run.evaluate(models, test)
    brng = random.Random(1)
    worst = None
    print("privacy (feedback coach): %d scripts (%d refused), trained on %d, tested on %d" % (
        len(scripts), refused["coach"], len(train), len(pairs)))
    for i, name in enumerate(["logistic", "counts"]):
        point, lo, hi, succ, base = run.ratio_bounds(pairs, i, brng)
        print("privacy (feedback coach): adversary %-8s names a confidential area %.1f%% of "
              "the time, uniform guess %.1f%%: ratio %.3f (95%% CI %.3f-%.3f)" % (
                  name, 100 * succ, 100 * base, point, lo, hi))
        if worst is None or lo > worst:
            worst = lo
    nprobes = [len(s[0]) for s in scripts]
    nconf = [s[3] for s in scripts]
    mi = run.mutual_information(nprobes, nconf)
    print("privacy (feedback coach): questions per script %s; information about the number "
          "of confidential areas %.4f bits" % (dict(sorted(collections.Counter(nprobes).items())),
                                               mi))
    print("privacy (feedback coach): confidential areas left unasked: %d" % unprobed)
    sample = ids[::2]

    def ask(k):
        return run.tact(binary, env, "feedback", "ask", str(k), "--seed", "3")[0]

    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for r in ex.map(ask, sample):
            refused["ask"] += r != 0
    rates = {"coach": refused["coach"] / n, "ask": refused["ask"] / len(sample)}
    print("privacy (feedback coach): refusals on ordinary feedback: " + ", ".join(
        "%s %.2f%% (%d)" % (c, 100 * r, refused[c]) for c, r in rates.items()))
    subprocess.run([binary, "lock"], env=env, capture_output=True)
    subprocess.run(["rm", "-rf", tmp])
    bad = []
    if worst > 1.2:
        bad.append("adversary beats the uniform guess: lower bound %.3f > 1.2" % worst)
    if mi > 0.05:
        bad.append("the number of questions tells the number of confidential areas "
                   "(%.4f bits)" % mi)
    if unprobed:
        bad.append("%d confidential areas unasked" % unprobed)
    for c, r in rates.items():
        if r >= 0.005:
            bad.append("%s refuses %.2f%% of ordinary feedback" % (c, 100 * r))
    for b in bad:
        print("privacy (feedback coach): FAIL: " + b)
    print("privacy (feedback coach): %s" % ("FAIL" if bad else "ok"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
