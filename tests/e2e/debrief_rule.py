#!/usr/bin/python3
"""debrief_rule.py - an independent checker for the debrief confidentiality rule.

Written from SPEC section 5, not from core/guard.c, so that the two can be
compared.  The rule: a debrief script contains

  * no run of 3 or more consecutive words of the confidential note
    (case-insensitive, punctuation ignored) unless that run also appears in
    the shareable note;
  * never the name of a person met whose impression is negative or neutral;
  * never a person named only in the confidential note.

How words are read (both readings are checked, each against itself):
  * "split": text is NFC-normalised and lower-cased; every character that is
    not a letter or a digit (Unicode-wise: dashes, curly quotes, no-break
    spaces, ellipses, apostrophes...) separates words;
  * "join": as "split", but an apostrophe (' or U+2019, U+2018, U+02BC)
    between two letters or digits is removed first, so "didn't" is "didnt".

Runs: every run of >= 3 words of the script that is also a run of the
confidential note must be a run of the shareable note too.  Checking every
3-word run covers most of it; the longest matching run from each position is
checked as well, so that a longer run whose 3-word pieces all happen to be in
the shareable note, but which is not itself there, is still caught.

Names:
  * a negative or neutral person: the full name (as consecutive words) in any
    case, and each part of the name of 3 or more characters.  A part that is
    a common English word ("Will", "Hope", "May") counts only when written
    capitalised, because "what will you change" does not name Will Grant;
    any other part counts in any case;
  * names found only in the confidential note: words written capitalised in
    it, not at the start of a sentence, that are not common English words,
    not words of the shareable note, and not part of the name of a person
    seen positively, of the candidate or of the client (the client knows
    those).  Such a word must not appear in the script in any case.

Script forms: text and Markdown are checked as one stream of words (runs
across line breaks count); for JSON, every string in the document is
checked on its own.

Usage:
  debrief_rule.py check --confidential TEXT --shareable TEXT
                  [--met NAME:ROLE:IMPRESSION ...] [--candidate NAME]
                  [--client NAME] [--json] FILE
      prints each violation; exit 1 if any, 0 if none.
  debrief_rule.py batch SCENARIOS.jsonl MANIFEST RESULTS
      SCENARIOS is the JSON Lines file given to `tact import` (scenario N is
      its N-th non-blank line).  Each MANIFEST line is
      GROUP<TAB>N<TAB>TURNDOWN_ID<TAB>text|markdown|json<TAB>PATH<TAB>SEED.  Writes to
      RESULTS one line per group and check, "PASS<TAB>NAME" or
      "FAIL<TAB>NAME<TAB>WHY", and prints every violation on stdout.
      For JSON outputs, the script's properties are checked too (SPEC 5,
      "Discretion by design": shape; exactly max(5, confidential areas)
      probes; every confidential area probed; questions ending in '?'; at
      least 2 follow-ups and the same number in every probe; no key that
      could mark a probe as real; guardrails that name no confidential
      area; nobody met named unless the shareable note names them; no
      e-mail address, phone number or link), and that seeds 1 and 2 give
      different scripts and that the seeds give at least 10 different ones.
  debrief_rule.py selftest
      checks the checker on planted leaks and on clean text; exit 1 on error.
"""

import json
import re
import sys
import unicodedata

TAXONOMY = [
    "compensation", "equity", "benefits", "title", "scope", "growth", "better-fit",
    "counteroffer", "relocation", "commute", "remote", "family", "partner-career",
    "schedule", "workload", "culture", "hiring-manager", "team", "leadership", "hr",
    "process", "stability", "reputation", "other",
]

# Common English words: capitalised for grammar or as ordinary nouns, not
# names.  Our own list; words of the taxonomy slugs are added below.
COMMON = set("""
a able about above across after again against ago all almost alone along already also
although always am among an and another any anyone anything anyway are around as ask asked
at away back bad be became because become been before began behind being below best
better between beyond big both bring brought but by call called came can cannot care
case certainly change clear clearly close come comes coming could day days did didn
different do does doesn doing don done down during each early easy either else end enough
entirely even ever every everyone everything exactly fact far feel felt few find fine
first for found frankly from full gave get gets getting give given go goes going gone good
got great had half hardly has have having he hear heard her here hers herself him himself
his honestly hope how however i if in indeed inside instead into is isn it its itself just
keep kept kind knew know known last later least less let like likely little long look
looked lot made make makes many may maybe me mean meant meanwhile met might mine more most
much must my myself near nearly need needed never new next nice no nobody none nor not
nothing now of off often oh ok okay old on once one only onto or other others otherwise
our ours out over overall own part people perhaps place please plus pretty quite rather
really right said same saw say says see seem seemed seems seen set several shall she
should show shown since so some somebody someone something sometimes soon sorry still such
sure take taken tell than thank thanks that the their theirs them themselves then there
these they thing things think this those though thought through thus till time to today
told too took toward towards truly two under unless until up upon us use used very via
want wanted was wasn way we week weeks well went were weren what whatever when where
whether which while who whole whom whose why will wish with within without won word
words work worked would wouldn yes yet you your yours yourself
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
morning afternoon evening night
ceo cfo cto coo cmo cio cno vp svp evp md hr it pr rn gp ops
dr mr mrs ms prof sir madam
chief head director manager partner officer nurse doctor physician surgeon engineer
lead senior junior principal associate assistant consultant board team company firm
office ward unit hospital clinic department practice group
""".split())
for _slug in TAXONOMY:
    COMMON.update(_slug.split("-"))

APOSTROPHES = "'\u2019\u2018\u02bc"
_WORD = re.compile(r"[^\W_]+")
_JOIN = re.compile(r"(?<=[^\W_])[" + APOSTROPHES + r"](?=[^\W_])")
ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "etc", "eg", "ie",
                 "e", "g", "i"}
SENTENCE_END = set(".!?\n\u2026")


def words(text, join):
    """Returns [(lower, original, start, end)] for TEXT read one way."""
    text = unicodedata.normalize("NFC", text or "")
    if join:
        text = _JOIN.sub("", text)
    return [(m.group(0).lower(), m.group(0), m.start(), m.end(), text)
            for m in _WORD.finditer(text)]


def lows(text, join):
    return [w[0] for w in words(text, join)]


def runs3(tokens):
    return {tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)}


def padded(tokens):
    return " " + " ".join(tokens) + " "


class Case:
    """One turndown as the rule sees it."""

    def __init__(self, confidential, shareable, met, candidate=None, client=None, recipient=None):
        self.confidential = confidential or ""
        self.shareable = shareable or ""
        # The person on the line is spoken to by name, whatever was said of
        # them (as a note may name its own recipient): greeting them tells
        # nothing, since every script greets whoever is called.
        self.recipient = recipient
        met = [dict(p, impression="positive") if recipient is not None and
               p.get("name") == recipient else p for p in met]
        self.met = met
        self.candidate = candidate or ""
        self.client = client or ""
        self.conf = {}
        self.conf_index = {}
        self.share = {}
        self.share_runs = {}
        for join in (False, True):
            c = lows(self.confidential, join)
            s = lows(self.shareable, join)
            self.conf[join] = c
            idx = {}
            for i in range(len(c) - 2):
                idx.setdefault(tuple(c[i:i + 3]), []).append(i)
            self.conf_index[join] = idx
            self.share[join] = padded(s)
            self.share_runs[join] = runs3(s)
        self.bad_people = [p for p in met if p.get("impression") in ("negative", "neutral")]
        self.good_people = [p for p in met if p.get("impression") == "positive"]
        self._names()

    def _names(self):
        # forbidden_words: lower -> (capital_only, why); forbidden_seqs: full names.
        self.forbidden_words = {}
        self.forbidden_seqs = []
        for p in self.bad_people:
            name = p.get("name") or ""
            for join in (False, True):
                parts = lows(name, join)
                if parts:
                    self.forbidden_seqs.append((tuple(parts), "full name of %s person %r"
                                                % (p.get("impression"), name)))
                for part in parts:
                    if len(part) < 3:
                        continue
                    cap_only = part in COMMON
                    prev = self.forbidden_words.get(part)
                    if prev is None or (prev[0] and not cap_only):
                        self.forbidden_words[part] = (
                            cap_only, "part %r of the name of %s person %r"
                            % (part, p.get("impression"), name))
        allowed = set()
        for text in [self.shareable, self.candidate, self.client] + \
                [p.get("name") or "" for p in self.good_people]:
            for join in (False, True):
                allowed.update(lows(text, join))
        self.conf_only_names = {}
        for w in conf_names(self.confidential):
            if w in COMMON or w in allowed or len(w) < 2:
                continue
            if w not in self.forbidden_words or self.forbidden_words[w][0]:
                self.forbidden_words[w] = (False, "%r, named only in the confidential note" % w)
            self.conf_only_names[w] = True

    def violations(self, text):
        """Returns a list of (rule, leaked text, context) for one string."""
        out = []
        seen = set()
        for join in (False, True):
            ws = words(text, join)
            low = [w[0] for w in ws]
            idx = self.conf_index[join]
            share = self.share[join]
            for i in range(len(low) - 2):
                starts = idx.get(tuple(low[i:i + 3]))
                if not starts:
                    continue
                conf = self.conf[join]
                longest = 3
                for p in starts:
                    k = 3
                    while i + k < len(low) and p + k < len(conf) and low[i + k] == conf[p + k]:
                        k += 1
                    longest = max(longest, k)
                for m in range(3, longest + 1):
                    if padded(low[i:i + m]) not in share:
                        leak = " ".join(low[i:i + m])
                        key = ("run", leak)
                        if key not in seen:
                            seen.add(key)
                            rule = ("run of %d words of the confidential note" % m)
                            out.append((rule, _span(ws, i, i + m), _context(ws, i, i + m)))
                        break
            for j, w in enumerate(ws):
                f = self.forbidden_words.get(w[0])
                if f is None:
                    continue
                cap_only, why = f
                if cap_only and not w[1][:1].isupper():
                    continue
                key = ("name", w[0], w[1])
                if key not in seen:
                    seen.add(key)
                    out.append(("name: " + why, w[1], _context(ws, j, j + 1)))
            for seq, why in self.forbidden_seqs:
                n = len(seq)
                for j in range(len(low) - n + 1):
                    if tuple(low[j:j + n]) == seq:
                        key = ("seq", seq)
                        if key not in seen:
                            seen.add(key)
                            out.append(("name: " + why, _span(ws, j, j + n),
                                        _context(ws, j, j + n)))
        return out

    def names_in(self, text):
        """Negative/neutral people's names found in TEXT (for the opening)."""
        return [v for v in self.violations(text) if v[0].startswith("name: ")
                and "named only in the confidential note" not in v[0]]


def _span(ws, i, j):
    text = ws[i][4]
    return " ".join(text[ws[i][2]:ws[j - 1][3]].split())


def _context(ws, i, j):
    text = ws[i][4]
    a = ws[max(0, i - 6)][2]
    b = ws[min(len(ws), j + 6) - 1][3]
    return " ".join(text[a:b].split())


def conf_names(text):
    """Lower-cased words written capitalised in TEXT, not at a sentence start
    (read both ways, so "O'Neill" gives "o", "neill" and "oneill")."""
    text = unicodedata.normalize("NFC", text or "")
    names = []
    for t in (text, _JOIN.sub("", text)):
        prev_end, prev_low = 0, None
        for m in _WORD.finditer(t):
            w = m.group(0)
            ends = [c for c in t[prev_end:m.start()] if c in SENTENCE_END]
            start = prev_low is None or bool(ends)
            if ends == ["."] and prev_low in ABBREVIATIONS:
                start = False          # "Dr. Okafor", "Ms. Lee"
            if w[:1].isupper() and not start and w.lower() not in names:
                names.append(w.lower())
            prev_end, prev_low = m.end(), w.lower()
    return names


def json_strings(doc):
    if isinstance(doc, str):
        yield doc
    elif isinstance(doc, list):
        for x in doc:
            yield from json_strings(x)
    elif isinstance(doc, dict):
        for v in doc.values():
            yield from json_strings(v)


def check_output(case, kind, data):
    """Returns violations of the rule in one output (text, markdown or json)."""
    if kind == "json":
        try:
            doc = json.loads(data)
        except ValueError as e:
            return [("not JSON", str(e), data[:200])]
        out = []
        for s in json_strings(doc):
            out.extend(case.violations(s))
        return out
    return case.violations(data)


def properties(case, doc, reasons, turndown_id):
    """Returns a list of problems with the JSON script DOC."""
    bad = []
    if not isinstance(doc, dict):
        return ["not a JSON object"]
    if doc.get("turndown") != turndown_id:
        bad.append("turndown is %r, want %r" % (doc.get("turndown"), turndown_id))
    for key in ("opening", "closing", "guardrails"):
        v = doc.get(key)
        if not isinstance(v, list) or not all(isinstance(s, str) and s for s in v):
            bad.append("%s is not a list of non-empty strings" % key)
    for key in ("opening", "closing"):
        if isinstance(doc.get(key), list) and not doc[key]:
            bad.append("%s is empty" % key)
    probes = doc.get("probes")
    if not isinstance(probes, list):
        return bad + ["probes is not a list"]
    areas = []
    for n, p in enumerate(probes, 1):
        if not isinstance(p, dict):
            bad.append("probe %d is not an object" % n)
            continue
        area, q, f = p.get("area"), p.get("question"), p.get("follow_ups")
        if area not in TAXONOMY:
            bad.append("probe %d has area %r, not a taxonomy slug" % (n, area))
        areas.append(area)
        if not isinstance(q, str) or not q.strip().endswith("?"):
            bad.append("probe %d question does not end with '?': %r" % (n, q))
        if not isinstance(f, list) or len(f) < 2 or \
                not all(isinstance(s, str) and s.strip() for s in f):
            bad.append("probe %d (%s) has fewer than 2 follow-ups: %r" % (n, area, f))
    nconf = len({r.get("category") for r in reasons if r.get("visibility") == "confidential"})
    if len(probes) != max(5, nconf):
        bad.append("%d probes with %d confidential areas, want %d" % (
            len(probes), nconf, max(5, nconf)))
    nfollow = {len(p.get("follow_ups") or []) for p in probes if isinstance(p, dict)}
    if len(nfollow) > 1:
        bad.append("probes have different numbers of follow-ups: %r" % sorted(nfollow))
    for n, p in enumerate(probes, 1):
        if isinstance(p, dict):
            extra = set(p) - {"area", "question", "follow_ups", "listening_cue"}
            if extra:
                bad.append("probe %d has keys %r beyond its wording" % (n, sorted(extra)))
    conf_slugs = {r.get("category") for r in reasons if r.get("visibility") == "confidential"}
    for g in doc.get("guardrails") or []:
        if not isinstance(g, str):
            continue
        low = g.lower()
        for slug in conf_slugs:
            for form in {slug, slug.replace("-", " ")}:
                if re.search(r"(?<![a-z])%s(?![a-z])" % re.escape(form), low):
                    bad.append("guardrail names the area %r: %r" % (slug, g))
    share = (case.shareable or "").lower()
    for p in case.met:
        name = (p.get("name") or "").strip()
        if not name or name.lower() in share or name == case.recipient:
            continue
        for st in json_strings(doc):
            if name.lower() in st.lower():
                bad.append("%s, met, is named (impressions are never spoken): %r" % (name, st))
    for st in json_strings(doc):
        if re.search(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]", st) or \
                re.search(r"https?://|www\.", st) or re.search(r"\d[\d ().-]{6,}\d", st):
            bad.append("an e-mail address, link or phone number: %r" % st)
    if len(set(areas)) != len(areas):
        bad.append("an area is probed twice: %r" % areas)
    for r in reasons:
        if r.get("visibility") == "confidential" and r.get("category") not in areas:
            bad.append("confidential area %r is not probed (areas %r)"
                       % (r.get("category"), areas))
    for s in doc.get("opening") or []:
        if isinstance(s, str):
            for v in case.names_in(s):
                bad.append("opening %s: %r in %r" % (v[0][len("name: "):], v[1], s))
    return bad


def load_scenarios(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
    return out


def recipient_of(sc):
    """The person on the line by default: the first hiring manager met."""
    for p in sc.get("met") or []:
        if p.get("role") == "hiring-manager":
            return p.get("name")
    return None


def case_of(sc):
    return Case(sc.get("confidential"), sc.get("shareable"), sc.get("met") or [],
                sc.get("candidate"), sc.get("client"), recipient_of(sc))


def batch(scen_path, manifest, results):
    scenarios = load_scenarios(scen_path)
    cases = {}
    groups = {}          # name -> [outputs, failing outputs, first failure]
    order = []
    distinct = {}        # (name, rule, leak) -> [count, example]
    scripts = {}         # group -> seed -> JSON script without its seed

    def record(name, problems, path):
        if name not in groups:
            groups[name] = [0, 0, None]
            order.append(name)
        g = groups[name]
        g[0] += 1
        if problems:
            g[1] += 1
            if g[2] is None:
                g[2] = "%s (%s)" % (problems[0][0], path)
        for what, key in problems:
            d = distinct.setdefault((name,) + key, [0, "%s (%s)" % (what, path)])
            d[0] += 1

    with open(manifest, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            group, n, tid, kind, path, seed = line.split("\t")
            n, tid = int(n), int(tid)
            sc = scenarios[n - 1]
            if n not in cases:
                cases[n] = case_of(sc)
            case = cases[n]
            with open(path, encoding="utf-8", errors="replace") as g:
                data = g.read()
            vs = check_output(case, kind, data)
            record("%s [%s]: confidentiality rule" % (group, kind),
                   [("%s: %r in %r" % v, (v[0], v[1])) for v in vs], path)
            if kind == "json":
                try:
                    doc = json.loads(data)
                    probs = properties(case, doc, sc.get("reasons") or [], tid)
                    if isinstance(doc, dict):
                        doc.pop("seed", None)
                    scripts.setdefault(group, {})[seed] = json.dumps(doc, sort_keys=True)
                except ValueError as e:
                    probs = ["not JSON: %s" % e]
                record("%s [json]: script properties" % group,
                       [(p, (p.split(":")[0], "")) for p in probs], path)
    # Different seeds, different wordings.
    for group, by_seed in scripts.items():
        name = "%s [json]: seeds 1 and 2 give different scripts" % group
        if "1" in by_seed and "2" in by_seed:
            record(name, [("the same script", ("same", ""))] if by_seed["1"] == by_seed["2"]
                   else [], "seeds 1, 2")
        kinds = len(set(by_seed.values()))
        want = min(10, len(by_seed))
        record("%s [json]: at least %d distinct scripts over %d seeds" % (group, want,
               len(by_seed)), [] if kinds >= want else
               [("only %d distinct" % kinds, ("few", ""))], "all seeds")
    with open(results, "w", encoding="utf-8") as out:
        for name in order:
            count, nbad, first = groups[name]
            if "seed" not in name:
                name = "%s (%d outputs)" % (name, count)
            if nbad == 0:
                out.write("PASS\t%s\n" % name)
            else:
                out.write("FAIL\t%s\t%d of %d outputs fail; first: %s\n"
                          % (name, nbad, count, first))
    # What was found, once per distinct leak, for the log.
    for key in sorted(distinct, key=lambda k: (order.index(k[0]), -distinct[k][0])):
        count, example = distinct[key]
        print("%s: in %d outputs: %s" % (key[0], count, example))
    return 0


def selftest():
    errors = []

    def expect(what, case, text, want, kind="text"):
        got = check_output(case, kind, text)
        if bool(got) != want:
            errors.append("%s: want %s, got %r" % (what, "a violation" if want else "none", got))

    met = [{"name": "Will Grant", "role": "hr", "impression": "negative"},
           {"name": "Hope Mills", "role": "peer", "impression": "neutral"},
           {"name": "Zoë Brandt", "role": "hiring-manager", "impression": "positive"},
           {"name": "José Álvarez", "role": "executive", "impression": "negative"}]
    c = Case("The HR partner, Bob, didn't like the answers. I think Marguerite ran "
             "the whole process badly\u2014the hiring manager was late.",
             "They liked the whole process overall.", met, "Dana Scott", "Acme")
    expect("plain 3-word run", c, "Ask about the hr partner bob now?", True)
    expect("run across punctuation and case", c, "HR.  Partner -- BOB", True)
    expect("run in shareable note", c, "How was the whole process?", False)
    expect("run split by an em dash in the note", c, "What did the hiring manager say?", True)
    expect("apostrophe joined", c, "they didnt like the", True)
    expect("apostrophe split", c, "they didn t like the", True)
    expect("curly apostrophe", c, "they didn\u2019t like the", True)
    expect("two words only", c, "an HR partner, then", False)
    expect("confidential-only name after a comma", c, "ask bob", True)
    expect("negative full name", c, "say hi to will grant", True)
    expect("negative surname", c, "and Grant said", True)
    expect("surname lower case", c, "a grant of shares", True)
    expect("common first name lower case", c, "what will you change?", False)
    expect("common first name capitalised", c, "Will you call me?", True)
    expect("neutral name", c, "Hope is here", True)
    expect("neutral surname", c, "the mills", True)
    expect("non-ASCII negative name", c, "thanks to JOSÉ", True)
    expect("non-ASCII negative surname", c, "álvarez", True)
    expect("positive name", c, "Zoë Brandt was great", False)
    expect("confidential-only name", c, "ask marguerite", True)
    expect("candidate name", c, "Thank you for seeing Dana Scott.", False)
    expect("clean line", c, "What would you change next time?", False)
    expect("json string", c, json.dumps({"a": ["fine", {"b": "ask Marguerite?"}]}), True, "json")
    expect("json clean", c, json.dumps({"a": ["fine", "fine too"]}), False, "json")
    expect("run across lines of text", c, "the hr\n   partner bob", True)
    c2 = Case("alpha beta gamma delta", "alpha beta gamma x beta gamma delta", [])
    expect("long run not in the shareable note", c2, "alpha beta gamma delta", True)
    expect("long run pieces in the shareable note", c2, "alpha beta gamma", False)
    c3 = Case("Ms. Okafor from Finance was dismissive", "", [])
    expect("name after a title", c3, "say hello to okafor", True)
    for e in errors:
        print("SELFTEST FAIL " + e)
    print("selftest: %d errors" % len(errors))
    return 1 if errors else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "selftest":
        return selftest()
    if len(argv) == 5 and argv[1] == "batch":
        return batch(argv[2], argv[3], argv[4])
    if len(argv) >= 2 and argv[1] == "check":
        import argparse
        ap = argparse.ArgumentParser(prog="debrief_rule.py check")
        ap.add_argument("--confidential", default="")
        ap.add_argument("--shareable", default="")
        ap.add_argument("--met", action="append", default=[])
        ap.add_argument("--candidate", default="")
        ap.add_argument("--client", default="")
        ap.add_argument("--json", action="store_true")
        ap.add_argument("file")
        a = ap.parse_args(argv[2:])
        met = []
        for m in a.met:
            name, role, imp = m.rsplit(":", 2)
            met.append({"name": name, "role": role, "impression": imp})
        case = Case(a.confidential, a.shareable, met, a.candidate, a.client)
        with open(a.file, encoding="utf-8") as f:
            data = f.read()
        vs = check_output(case, "json" if a.json else "text", data)
        for v in vs:
            print("VIOLATION %s: %r in: %s" % v)
        return 1 if vs else 0
    print(__doc__.split("Usage:")[1], file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
