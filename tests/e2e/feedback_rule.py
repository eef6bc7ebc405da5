#!/usr/bin/python3
"""feedback_rule.py - the confidentiality rule of SPEC section 5 for the
scripts of `tact feedback` (coach and ask), checked from outside tact.

The rule is the debrief's with the client's confidential note in the
candidate's place, so the reading of words, runs and names is
debrief_rule.py's (imported, not copied): no run of 3 or more consecutive
words of the confidential note unless the run is also in the shareable
points; never a person named only in the confidential note; and never the
person who gave the feedback (treated as someone seen negatively: neither
the full name nor a part of it).  One allowance, for the coaching call: the
candidate is spoken to by name, so the parts of the candidate's own name may
be said even when someone at the client shares them.  The client is known
to the candidate and may be named.

For JSON coaching scripts the shape is checked too: exactly max(5, the
number of confidential areas) questions, every confidential area asked,
no area twice, each question ending in '?', exactly 2 follow-ups each, no
key that could mark a question as real, guardrails that name no area, and
no e-mail address, link or phone number anywhere.  For JSON call scripts:
4 questions ending in '?', and nothing from the shareable points.

Usage:
  feedback_rule.py run TACT SCENARIOS.jsonl SEEDS
      imports SCENARIOS ("kind": "feedback" lines) into a throw-away vault,
      writes every coach script (text, markdown, json) and call script for
      seeds 0..SEEDS-1, checks them all; prints each problem, then one
      summary line; exit 1 if any.
  feedback_rule.py selftest
      the checker on planted leaks and on clean text; exit 1 on error.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True     # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import debrief_rule as dr  # noqa: E402

AREAS = ["experience-gap", "accomplishments", "communication", "technical-depth",
         "leadership-presence", "culture-add", "motivation", "preparation",
         "compensation-expectations", "references", "other"]


class FeedbackCase(dr.Case):
    """A feedback record as the rule sees it."""

    def __init__(self, sc):
        giver = sc.get("from")
        met = [{"name": giver["name"], "role": giver["role"], "impression": "negative"}] \
            if giver else []
        super().__init__(sc.get("confidential"), sc.get("shareable"), met,
                         sc.get("candidate"), sc.get("client"))
        # The candidate's own name parts may be said to them.
        own = set()
        for join in (False, True):
            own.update(dr.lows(sc.get("candidate") or "", join))
        for w in own:
            f = self.forbidden_words.get(w)
            if f is not None and "named only in the confidential note" not in f[1]:
                del self.forbidden_words[w]


def areas_of(sc, visibility):
    """The areas of SC with VISIBILITY, written as objects or "AREA[:VIS]"."""
    out = []
    for a in sc.get("areas") or []:
        if isinstance(a, str):
            area, _, vis = a.partition(":")
            a = {"area": area, "visibility": vis or "shareable"}
        if a.get("visibility", "shareable") == visibility and a["area"] not in out:
            out.append(a["area"])
    return out


def coach_properties(sc, doc, fid):
    bad = []
    if not isinstance(doc, dict) or doc.get("feedback") != fid:
        return ["not a coaching script of feedback %r" % fid]
    conf = areas_of(sc, "confidential")
    qs = doc.get("questions") or []
    want = max(5, len(conf))
    if len(qs) != want:
        bad.append("%d questions with %d confidential areas, want %d" % (len(qs), len(conf), want))
    areas = [q.get("area") for q in qs]
    if len(set(areas)) != len(areas):
        bad.append("an area asked twice: %r" % areas)
    for a in conf:
        if a not in areas:
            bad.append("confidential area %r not asked" % a)
    for q in qs:
        if q.get("area") not in AREAS:
            bad.append("question of unknown area %r" % q.get("area"))
        if set(q) != {"area", "question", "follow_ups", "listening_cue"}:
            bad.append("question keys %r" % sorted(q))
        if not str(q.get("question", "")).strip().endswith("?"):
            bad.append("question does not end with '?': %r" % q.get("question"))
        if len(q.get("follow_ups") or []) != 2:
            bad.append("question without exactly 2 follow-ups: %r" % q)
    for g in doc.get("guardrails") or []:
        for a in AREAS:
            for form in {a, a.replace("-", " ")}:
                if re.search(r"(?<![a-z])%s(?![a-z])" % re.escape(form), g.lower()):
                    bad.append("guardrail names an area: %r" % g)
    for key in ("opening", "shared", "next_steps", "guardrails"):
        if not doc.get(key):
            bad.append("%s is empty" % key)
    return bad


def contact_problems(doc):
    bad = []
    for st in dr.json_strings(doc):
        if re.search(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]", st) or \
                re.search(r"https?://|www\.", st) or re.search(r"\d[\d ().-]{6,}\d", st):
            bad.append("an e-mail address, link or phone number: %r" % st)
    return bad


def ask_properties(sc, doc, fid):
    bad = []
    if not isinstance(doc, dict) or doc.get("feedback") != fid:
        return ["not a call script of feedback %r" % fid]
    qs = doc.get("questions") or []
    if len(qs) != 4 or not all(q.strip().endswith("?") for q in qs):
        bad.append("want 4 questions ending in '?': %r" % qs)
    share = (sc.get("shareable") or "").strip()
    if share and any(share[:30] in s for s in dr.json_strings(doc)):
        bad.append("the call script quotes the shareable points")
    return bad


def tact(binary, env, *args):
    p = subprocess.run([binary] + list(args), env=env, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def run(binary, scen_path, seeds):
    scenarios = dr.load_scenarios(scen_path)
    tmp = tempfile.mkdtemp(prefix="tact-fbrule.")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TACT_")}
    env.update({"TACT_VAULT": os.path.join(tmp, "v.db"), "HOME": tmp, "XDG_RUNTIME_DIR": tmp,
                "XDG_CONFIG_HOME": os.path.join(tmp, "config")})
    with open(os.path.join(tmp, "pw"), "w") as f:
        f.write("rule test\n")
    pw = ["--passphrase-file", os.path.join(tmp, "pw")]
    problems, outputs = [], 0
    for args in (["init", "--weak-passphrase"], ["import", scen_path]):
        rc, out, err = tact(binary, env, *(pw + args))
        if rc != 0:
            print("feedback_rule: tact %s failed: %s" % (args[0], err.strip()))
            return 1
    rc, out, err = tact(binary, env, *(pw + ["unlock"]))
    env["TACT_SESSION"] = out.strip().split("=", 1)[1].strip("'\"")
    rc, out, err = tact(binary, env, "--json", "feedback", "list")
    ids = sorted(x["id"] for x in json.loads(out))
    if len(ids) != len(scenarios):
        print("feedback_rule: %d records for %d scenarios" % (len(ids), len(scenarios)))
        return 1
    for n, (sc, fid) in enumerate(zip(scenarios, ids), 1):
        case = FeedbackCase(sc)
        texts = set()
        for seed in range(seeds):
            for cmd in ("coach", "ask"):
                for kind in ("text", "markdown", "json"):
                    args = ["feedback", cmd, str(fid), "--seed", str(seed)]
                    args = (["--json"] + args) if kind == "json" else args + ["--format", kind]
                    rc, out, err = tact(binary, env, *args)
                    outputs += 1
                    where = "scenario %d %s %s seed %d" % (n, cmd, kind, seed)
                    if rc != 0:
                        problems.append("%s: exit %d: %s" % (where, rc, err.strip()))
                        continue
                    for rule, leak, ctx in dr.check_output(case, kind, out):
                        problems.append("%s: %s: %r in %r" % (where, rule, leak, ctx))
                    if kind == "json":
                        doc = json.loads(out)
                        check = coach_properties if cmd == "coach" else ask_properties
                        for b in check(sc, doc, fid) + contact_problems(doc):
                            problems.append("%s: %s" % (where, b))
                        if cmd == "coach":
                            doc.pop("seed", None)
                            texts.add(json.dumps(doc, sort_keys=True))
        if seeds >= 4 and len(texts) < min(seeds, 4):
            problems.append("scenario %d: only %d different coaching scripts over %d seeds"
                            % (n, len(texts), seeds))
    tact(binary, env, "lock")
    subprocess.run(["rm", "-rf", tmp])
    for p in problems:
        print("FAIL " + p)
    print("feedback_rule: %d scenarios, %d outputs, %d problems" % (
        len(scenarios), outputs, len(problems)))
    return 1 if problems else 0


def selftest():
    sc = {"candidate": "John Garcia", "client": "Acme Health",
          "confidential": "Came across arrogant and talked over Priya Natarajan twice.",
          "shareable": "Bring numbers to each result.", "from": {"name": "John Smith",
                                                                 "role": "hiring-manager"},
          "areas": [{"area": "communication", "visibility": "confidential"}]}
    case = FeedbackCase(sc)
    errors = []
    for bad, why in (("You came across arrogant at times.", "a confidential run"),
                     ("Natarajan mentioned it.", "a name only in the note"),
                     ("John Smith said so.", "the giver's full name"),
                     ("Ask Smith about it.", "a part of the giver's name"),
                     ("Talked over Priya twice, they said.", "a run across a name")):
        if not case.violations(bad):
            errors.append("missed %s: %r" % (why, bad))
    for good in ("Thanks for your time, John.", "Bring numbers to each result, John.",
                 "How do you think the conversation went at Acme Health?"):
        v = case.violations(good)
        if v:
            errors.append("false alarm on %r: %r" % (good, v))
    doc = {"feedback": 1, "questions": [{"area": "motivation", "question": "Why?",
                                          "follow_ups": ["a?", "b?"], "listening_cue": "x"}],
           "opening": ["x"], "shared": ["x"], "next_steps": ["x"], "guardrails": ["x"]}
    if not coach_properties(sc, doc, 1):
        errors.append("missed a script of 1 question without the confidential area")
    for e in errors:
        print("selftest: " + e)
    print("selftest: %s" % ("FAIL" if errors else "ok"))
    return 1 if errors else 0


def main(argv):
    if len(argv) == 2 and argv[1] == "selftest":
        return selftest()
    if len(argv) == 5 and argv[1] == "run":
        return run(os.path.abspath(argv[2]), argv[3], int(argv[4]))
    sys.stderr.write(__doc__)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
