#!/usr/bin/env python3
"""run.py - the privacy test of tact's debrief scripts (`make check-privacy`).

Generates labelled turndowns (gen.py), imports them into a throw-away vault,
writes `tact debrief --json` for each, and plays the hiring manager who
knows tact's code: a black-box adversary trained on half of the scripts
(the areas probed, how many, their order, the areas stated as shareable)
tries on the other half to name an area that was confidential.  Its
success is compared with guessing uniformly among the probed areas not
stated as shareable.  Fails when the ratio's lower 95% bound exceeds 1.2,
when the number of probes carries more than 0.05 bits about the number of
confidential reasons, when a confidential area goes unprobed, or when two
scripts of one turndown (another seed, another --to) probe different areas,
which an adversary holding both could intersect.

Then the refusal rate on the same ordinary turndowns: how often debrief,
decline and notes print nothing (exit 65); it must stay under 0.5%.

    run.py TACT [N] [SEED]
"""
import collections
import concurrent.futures
import json
import math
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402


def tact(binary, env, *args):
    p = subprocess.run([binary] + list(args), env=env, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def features(probed, shareable, a, pos):
    others = [b for b in probed if b != a]
    f = ["a=" + a, "pos=%d" % pos, "a=%s|pos=%d" % (a, pos), "n=%d" % len(probed),
         "a=%s|n=%d" % (a, len(probed))]
    f += ["a=%s|s=%s" % (a, s) for s in shareable]
    f += ["a=%s|o=%s" % (a, b) for b in others]
    f += ["a=%s|ns=%d" % (a, len(shareable))]
    return f


def candidates(probed, shareable):
    return [(i, a) for i, a in enumerate(probed) if a not in shareable]


class Logistic:
    """Which probed area was confidential, one area at a time."""

    def __init__(self):
        self.w = collections.defaultdict(float)

    def score(self, f):
        return sum(self.w[x] for x in f)

    def train(self, rows, epochs=8, rate=0.1, l2=1e-4):
        rng = random.Random(0)
        for _ in range(epochs):
            rng.shuffle(rows)
            for f, y in rows:
                z = max(-30.0, min(30.0, self.score(f)))
                g = 1 / (1 + math.exp(-z)) - y
                for x in f:
                    self.w[x] -= rate * (g + l2 * self.w[x])


class Counts:
    """Naive Bayes on counts: P(confidential | area, each shareable area)."""

    def __init__(self):
        self.n = collections.Counter()
        self.k = collections.Counter()

    def train(self, rows):
        for f, y in rows:
            for x in f:
                if x.startswith("a=") and "|pos" not in x and "|n=" not in x:
                    self.n[x] += 1
                    self.k[x] += y

    def score(self, f):
        s = 0.0
        for x in f:
            if x in self.n or x.startswith("a="):
                p = (self.k[x] + 1) / (self.n[x] + 2)
                s += math.log(p / (1 - p))
        return s


def evaluate(models, scripts):
    """Returns per-script (success of each model, uniform baseline)."""
    out = []
    for probed, shareable, conf in scripts:
        cands = candidates(probed, shareable)
        if not cands:
            continue
        base = sum(a in conf for _, a in cands) / len(cands)
        hits = []
        for m in models:
            best = max(cands, key=lambda c: (m.score(features(probed, shareable, c[1], c[0])),
                                             c[1]))
            hits.append(1.0 if best[1] in conf else 0.0)
        out.append((hits, base))
    return out


def ratio_bounds(pairs, model, rng, reps=1000):
    s = [h[model] for h, _ in pairs]
    b = [x for _, x in pairs]
    point = sum(s) / sum(b)
    boots = []
    n = len(pairs)
    for _ in range(reps):
        idx = [rng.randrange(n) for _ in range(n)]
        boots.append(sum(s[i] for i in idx) / max(1e-9, sum(b[i] for i in idx)))
    boots.sort()
    return point, boots[int(0.025 * reps)], boots[int(0.975 * reps) - 1], sum(s) / n, sum(b) / n


def mutual_information(xs, ys):
    n = len(xs)
    pxy = collections.Counter(zip(xs, ys))
    px = collections.Counter(xs)
    py = collections.Counter(ys)
    return sum(c / n * math.log2((c / n) / (px[x] / n * py[y] / n)) for (x, y), c in pxy.items())


def main():
    binary = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    jobs = int(os.environ.get("PRIVACY_JOBS", "2"))
    rng = random.Random(seed)
    lines = [gen.turndown(rng, i) for i in range(n)]
    tmp = tempfile.mkdtemp(prefix="tact-privacy.")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TACT_")}
    env.update({"TACT_VAULT": os.path.join(tmp, "v.db"), "HOME": tmp,
                "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
                "XDG_RUNTIME_DIR": tmp})
    with open(os.path.join(tmp, "pw"), "w") as f:
        f.write("privacy test\n")
    with open(os.path.join(tmp, "in.jsonl"), "w") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
    pw = ["--passphrase-file", os.path.join(tmp, "pw")]
    for args in (pw + ["init", "--weak-passphrase"], pw + ["import", os.path.join(tmp, "in.jsonl")]):
        rc, out, err = tact(binary, env, *args)
        if rc != 0:
            sys.exit("privacy: tact %s failed: %s" % (args[2], err.strip()))
    rc, out, err = tact(binary, env, *(pw + ["unlock", "--ttl", "120"]))
    env["TACT_SESSION"] = out.strip().split("=", 1)[1].strip("'\"")
    rc, out, err = tact(binary, env, "--json", "list")
    ids = sorted(int(x["id"]) for x in json.loads(out))
    if len(ids) != n:
        sys.exit("privacy: imported %d turndowns of %d" % (len(ids), n))

    def debrief(k):
        return tact(binary, env, "--json", "debrief", str(ids[k]), "--seed", str(k))

    refused = collections.Counter()
    scripts = []
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        results = list(ex.map(debrief, range(n)))
    unprobed = 0
    for k, (rc, out, err) in enumerate(results):
        if rc != 0:
            refused["debrief"] += 1
            continue
        d = json.loads(out)
        probed = [p["area"] for p in d["probes"]]
        reasons = lines[k]["reasons"]
        conf = {r["category"] for r in reasons if r["visibility"] == "confidential"}
        shareable = {r["category"] for r in reasons if r["visibility"] == "shareable"}
        unprobed += len(conf - set(probed))
        scripts.append((probed, shareable, conf, len(conf)))
    half = len(scripts) // 2
    train = [s[:3] for s in scripts[:half]]
    test = [s[:3] for s in scripts[half:]]
    models = [Logistic(), Counts()]
    rows = []
    for probed, shareable, conf in train:
        for i, a in candidates(probed, shareable):
            rows.append((features(probed, shareable, a, i), 1 if a in conf else 0))
    for m in models:
        m.train(list(rows))
    pairs = evaluate(models, test)
    brng = random.Random(1)
    worst = None
    print("privacy: %d scripts (%d refused), trained on %d, tested on %d" % (
        len(scripts), refused["debrief"], len(train), len(pairs)))
    for i, name in enumerate(["logistic", "counts"]):
        point, lo, hi, succ, base = ratio_bounds(pairs, i, brng)
        print("privacy: adversary %-8s names a confidential area %.1f%% of the time, "
              "uniform guess %.1f%%: ratio %.3f (95%% CI %.3f-%.3f)" % (
                  name, 100 * succ, 100 * base, point, lo, hi))
        if worst is None or lo > worst:
            worst = lo
    nprobes = [len(s[0]) for s in scripts]
    nconf = [s[3] for s in scripts]
    mi = mutual_information(nprobes, nconf)
    print("privacy: probes per script %s; information about the number of confidential "
          "reasons %.4f bits" % (dict(sorted(collections.Counter(nprobes).items())), mi))
    print("privacy: confidential areas left unprobed: %d" % unprobed)

    # Two scripts of one turndown (another seed, another person on the line):
    # their probed areas must be the same, so that intersecting them tells
    # the adversary nothing one script does not.
    pair_sample = list(range(0, n, max(1, n // 300)))

    def again(k):
        return (tact(binary, env, "--json", "debrief", str(ids[k]), "--seed", str(k + 7919)),
                tact(binary, env, "--json", "debrief", str(ids[k]), "--seed", str(k + 104729),
                     "--to", "Pat Other"))

    differ = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for k, res in zip(pair_sample, ex.map(again, pair_sample)):
            if results[k][0] != 0:
                continue
            first = [p["area"] for p in json.loads(results[k][1])["probes"]]
            for rc, out, err in res:
                if rc == 0 and [p["area"] for p in json.loads(out)["probes"]] != first:
                    differ += 1
    print("privacy: two more scripts (another seed, another --to) of %d turndowns: %d probe "
          "other areas or another order; intersecting them leaves the adversary where one "
          "script does" % (len(pair_sample), differ))

    # Refusals on ordinary turndowns: decline and notes on every other one.
    sample = ids[::2]

    def other(k):
        return (tact(binary, env, "decline", str(k), "--seed", "3")[0],
                tact(binary, env, "notes", str(k), "--seed", "3")[0])

    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for rd, rn in ex.map(other, sample):
            refused["decline"] += rd != 0
            refused["notes"] += rn != 0
    rates = {"debrief": refused["debrief"] / n, "decline": refused["decline"] / len(sample),
             "notes": refused["notes"] / len(sample)}
    print("privacy: refusals on ordinary turndowns: " + ", ".join(
        "%s %.2f%% (%d of %d)" % (c, 100 * r, refused[c], n if c == "debrief" else len(sample))
        for c, r in rates.items()))
    subprocess.run([binary, "lock"], env=env, capture_output=True)
    subprocess.run(["rm", "-rf", tmp])
    bad = []
    if worst > 1.2:
        bad.append("adversary beats the uniform guess: lower bound %.3f > 1.2" % worst)
    if mi > 0.05:
        bad.append("the number of probes tells the number of confidential reasons "
                   "(%.4f bits)" % mi)
    if unprobed:
        bad.append("%d confidential areas unprobed" % unprobed)
    if differ:
        bad.append("%d scripts of one turndown probe different areas: two seeds intersect "
                   "to the confidential ones" % differ)
    for c, r in rates.items():
        if r >= 0.005:
            bad.append("%s refuses %.2f%% of ordinary turndowns" % (c, 100 * r))
    for b in bad:
        print("privacy: FAIL: " + b)
    print("privacy: %s" % ("FAIL" if bad else "ok"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
