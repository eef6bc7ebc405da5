#!/usr/bin/python3
"""relations_rule.py - an independent checker for `tact decline`, `tact notes`
and the follow-up calendar of `tact followup --ics`.

Written from SPEC section 5 and the notes policy, not from core/guard.c, so
that the two can be compared.

The rule for a decline script (every string of its JSON, and its text as one
stream of words):
  * every run of 3 or more consecutive words of the output that is also a run
    of the confidential note must be a run of the shareable note too (each
    3-word run is checked, and the longest such run from each position);
  * no person met seen neutrally or negatively is named: neither the full
    name (consecutive words, any case) nor any part of it of 3 or more
    characters;
  * no name found only in the confidential note: words written capitalised
    there, not at the start of a sentence, that are not common words, not
    words of the shareable note and not part of the name of a person seen
    positively, of the candidate or of the client (both known to the reader).
A note follows the same rule, except that it may name its own recipient
(the "to" field and the greeting); it names no other person seen neutrally
or negatively.  And no note mentions reasons or impressions.

How words are read (both readings are checked, each against itself):
  * "split": NFC, lower case; every character that is not a letter or digit
    (dashes, curly quotes, no-break spaces, ellipses, apostrophes) separates;
  * "join": as "split", after removing an apostrophe (' U+2019 U+2018 U+02BC)
    between two letters or digits, so "didn't" is "didnt".
A name part, or a confidential-only word, that is an ordinary English word
("Will", "Hope", "Grant", "May", "Rose") counts only when written
capitalised: "what will you change" does not name Will Grant.

Usage:
  relations_rule.py batch SCENARIOS.jsonl MANIFEST RESULTS
      SCENARIOS is the JSON Lines file given to `tact import` (scenario N is
      its N-th non-blank line).  Each MANIFEST line is
        N <TAB> TURNDOWN_ID <TAB> KIND <TAB> SEED <TAB> REFERRAL|- <TAB> PATH <TAB> RC
      with KIND one of decline-text, decline-json, notes-text, notes-json.
      Writes to RESULTS one line per scenario and check,
      "PASS<TAB>NAME" or "FAIL<TAB>NAME<TAB>WHY"; prints every violation.
      Besides the rule: the JSON shapes; the notes' order, roles and
      recipients; --referral named in the offer (and "Dana Kraus" nowhere
      without it); and, over all outputs, that the text scripts have the
      sections THANKS, REASON, FUTURE, OFFER and
      NEXT STEPS, that the decline names the candidate and each note greets
      its recipient (no name in these scenarios needs a stand-in), and that
      the seeds vary the wording.
  relations_rule.py ics SCENARIOS.jsonl IDS TASKS.json CAL1 CAL2 CLOSED.json CAL3 RESULTS
      IDS: lines "N<TAB>TURNDOWN_ID" for the scenarios; TASKS.json: the
      output of `tact --json followup` (open tasks) when CAL1 and CAL2 were
      written; CLOSED.json: the task (from TASKS.json) closed before CAL3.
  relations_rule.py selftest
      checks the checker on planted leaks and on clean text.
"""
import json
import re
import sys
import unicodedata

APOS = "'\u2019\u2018\u02bc"
WORD = re.compile(r"[^\W_]+")
JOIN = re.compile(r"(?<=[^\W_])[" + APOS + r"](?=[^\W_])")

# Words capitalised for grammar, titles, acronyms: never a name by themselves.
FUNCTION = set("""
a about above after again against all also although am among an and another any are as at
be because been before being below between both but by can could did do does doing during
each either else even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just last least less let
like many may maybe me might mine more most much must my myself neither never next no nor not
now of off often on once one only or other our ours out over overall own perhaps please quite
rather same she should since so some such than that the their theirs them then there these
they this those though three through thus to too two under until up upon us very was we well
were what whatever when where whether which while who whom whose why will with within without
would yes yet you your yours yourself honestly still also ok okay
hr ceo cfo cto coo cmo vp md pdf ip uk us eu
mr mrs ms mx dr prof sir dame lady lord sister brother rev jr sr st
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
""".split())

# Ordinary English words that are also names: they name someone only when
# written capitalised.
ORDINARY = FUNCTION | set("""
will hope grant may rose mark frank bill joy grace dawn faith summer rich young long white green
brown black king page hall hill park wood stone baker cook ward price lane field bell guy pat
sue iris ivy amber ruby pearl jade victor max rob penny holly heather daisy chase hunter
miles drew gill reed wells north south west east fox crane wren
""".split())

# Words that say why someone declined, or how they saw people: no note says them.
REASON_WORDS = set("""
compensation salary salaries pay paid package money bonus equity shares benefits pension
counteroffer counter relocation relocate relocating commute commuting remote family career
workload rota culture leadership stability funding reputation growth scope reason reasons
because impression impressions negative neutral positive decline declined declining declines
rejected reject concern concerns worried worry disliked unfortunately rude cold
""".split())

SECTIONS = ["THANKS", "REASON", "FUTURE", "OFFER", "NEXT STEPS"]
JSON_KEYS = ["thanks", "reason", "future", "offer", "next_steps"]

# Words a reason category is said with; the decline of a turndown with no
# shareable reason names none of its confidential ones.
CATEGORY_WORDS = {
    "compensation": "compensation salary pay package money bonus",
    "equity": "equity shares options stake",
    "benefits": "benefits pension healthcare",
    "title": "title seniority",
    "scope": "scope remit",
    "growth": "growth promotion",
    "better-fit": "fit",
    "counteroffer": "counteroffer counter employer",
    "relocation": "relocation relocate move moving",
    "commute": "commute commuting journey travel",
    "remote": "remote hybrid office",
    "family": "family",
    "partner-career": "partner spouse husband wife",
    "schedule": "schedule rota shifts hours",
    "workload": "workload hours pace",
    "culture": "culture",
    "hiring-manager": "manager",
    "team": "team colleagues",
    "leadership": "leadership leaders executives",
    "hr": "hr",
    "process": "process",
    "stability": "stability finances funding",
    "reputation": "reputation",
}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def tokens(text, join):
    """Words of TEXT as (lower, capitalised) pairs."""
    text = nfc(text)
    if join:
        text = JOIN.sub("", text)
    return [(m.group(0).lower(), m.group(0)[0].isupper()) for m in WORD.finditer(text)]


def words(text, join=False):
    return [w for w, _ in tokens(text, join)]


def ngrams(ws, lo=3):
    out = set()
    for n in range(lo, len(ws) + 1):
        for i in range(len(ws) - n + 1):
            out.add(tuple(ws[i:i + n]))
    return out


def capitalised_words(text):
    """Words written capitalised in TEXT, not at the start of a sentence."""
    text = nfc(text)
    out = []
    prev_end = 0
    for m in WORD.finditer(text):
        before = text[:m.start()].rstrip(" \t\"'()[]\u201c\u201d\u2018\u2019\u00ab\u00bb"
                                          "\u2014\u2013-\u00a0")
        gap = text[prev_end:m.start()]
        start = before == "" or before[-1] in ".!?" or "\n" in gap
        prev_end = m.end()
        w = m.group(0)
        if w[0].isupper() and not start:
            out.append(w.lower())
    return out


class Scenario:
    def __init__(self, obj):
        self.obj = obj
        self.candidate = obj.get("candidate", "")
        self.client = obj.get("client", "")
        self.conf = obj.get("confidential", "") or ""
        self.share = obj.get("shareable", "") or ""
        self.met = obj.get("met", []) or []
        self.reasons = obj.get("reasons", []) or []
        self.reading = {}
        for join in (False, True):
            self.reading[join] = (ngrams(words(self.conf, join)), ngrams(words(self.share, join)))
        self.share_words = set(words(self.share)) | set(words(self.share, True))
        self.known = set()          # words the reader may hear: candidate, client
        for n in (self.candidate, self.client):
            self.known |= set(words(n)) | set(words(n, True))
        self.positive = set()
        for p in self.met:
            if p.get("impression") == "positive":
                self.positive |= set(words(p["name"])) | set(words(p["name"], True))
        self.conf_only = set()
        for w in capitalised_words(self.conf):
            if (len(w) >= 2 and w not in FUNCTION and w not in self.share_words and
                    w not in self.positive and w not in self.known):
                self.conf_only.add(w)
        # conf_only in the join reading too (the word itself has no apostrophe
        # once split; joined forms are added for names like O'Brien)
        self.conf_only_join = set()
        for w in capitalised_words(JOIN.sub("", nfc(self.conf))):
            if (len(w) >= 2 and w not in FUNCTION and w not in self.share_words and
                    w not in self.positive and w not in self.known):
                self.conf_only_join.add(w)

    def on_the_line(self):
        """Whom the decline call and the client note speak to: the first
        hiring manager met, who may be named like a note's recipient."""
        for p in self.met:
            if p.get("role") == "hiring-manager":
                return p["name"]
        return None

    def forbidden_people(self, recipient=None):
        return [p["name"] for p in self.met
                if p.get("impression") in ("negative", "neutral") and p["name"] != recipient]

    def confidential_reasons(self):
        shared = {r["category"] for r in self.reasons if r.get("visibility") != "confidential"}
        return [r["category"] for r in self.reasons
                if r.get("visibility") == "confidential" and r["category"] not in shared]

    def shareable_reasons(self):
        return [r["category"] for r in self.reasons if r.get("visibility") != "confidential"]


def word_hits(toks, w, allowed, whole=frozenset()):
    """Whether word W is said in TOKS (an ordinary word only capitalised),
    outside the token positions WHOLE (parts of a sayable whole name)."""
    if w in allowed:
        return False
    if w in ORDINARY:
        return any(t == w and cap for i, (t, cap) in enumerate(toks) if i not in whole)
    return any(t == w for i, (t, _) in enumerate(toks) if i not in whole)


def whole_names(toks, names, join):
    """Token positions of TOKS inside an occurrence of a whole name of NAMES:
    "Anna Smith" names Anna Smith, not an Anna Jones seen negatively."""
    ws = [t for t, _ in toks]
    out = set()
    for name in names:
        parts = words(name or "", join)
        if len(parts) < 2:
            continue
        for i in range(len(ws) - len(parts) + 1):
            if ws[i:i + len(parts)] == parts:
                out.update(range(i, i + len(parts)))
    return frozenset(out)


def violations(sc, text, recipient=None):
    """The rule's violations in TEXT, as strings."""
    found = []
    allowed = set()
    if recipient:
        allowed = set(words(recipient)) | set(words(recipient, True))
    for join in (False, True):
        toks = tokens(text, join)
        ws = [t for t, _ in toks]
        whole = whole_names(toks, [sc.candidate, sc.client, recipient], join)
        conf_runs, share_runs = sc.reading[join]
        # a note may name its recipient, even where the confidential note does
        own = ngrams(words(recipient, join), 1) if recipient else set()
        # runs of the confidential note
        for i in range(len(ws) - 2):
            k = 3
            while i + k <= len(ws) and tuple(ws[i:i + k]) in conf_runs:
                k += 1
            k -= 1
            if k < 3:
                continue
            for run in (tuple(ws[i:i + 3]), tuple(ws[i:i + k])):
                if run not in share_runs and run not in own:
                    found.append("run of the confidential note: '%s'" % " ".join(run))
                    break
        # people seen neutrally or negatively
        for name in sc.forbidden_people(recipient):
            parts = words(name, join)
            if not parts:
                continue
            n = len(parts)
            for i in range(len(ws) - n + 1):
                if ws[i:i + n] == parts:
                    if all(p in ORDINARY for p in parts) and not toks[i][1]:
                        continue
                    found.append("names %s (%s)" % (name, "full name"))
                    break
            for p in parts:
                if len(p) >= 3 and word_hits(toks, p, allowed, whole):
                    found.append("names %s ('%s')" % (name, p))
        # names found only in the confidential note
        for w in (sc.conf_only_join if join else sc.conf_only):
            if word_hits(toks, w, allowed):
                found.append("says '%s', named only in the confidential note" % w)
    return sorted(set(found))


def strings_of(doc):
    if isinstance(doc, str):
        yield doc
    elif isinstance(doc, list):
        for x in doc:
            yield from strings_of(x)
    elif isinstance(doc, dict):
        for k, x in doc.items():
            yield from strings_of(x)


# ---- checks per output -------------------------------------------------------

HEADING = re.compile(r"^[A-Z][A-Z ,()]+$")


def sections_of(out):
    """The text script's sections: {heading line: its text}."""
    secs, cur = {}, None
    for line in out.split("\n"):
        if HEADING.match(line.strip()) and line == line.lstrip():
            cur = line.strip()
            secs[cur] = ""
        elif cur is not None:
            secs[cur] += " " + line.strip()
    return secs


def missing_sections(out):
    """The required headings (SECTIONS) the text script lacks."""
    heads = list(sections_of(out))
    return [s for s in SECTIONS if not any(h.startswith(s) for h in heads)]


TITLES = {"dr", "doctor", "prof", "professor", "mr", "ms", "mrs", "mx", "miss"}
SUFFIXES = {"md", "do", "phd", "dds", "dmd", "pharmd", "dnp", "dpt", "psyd", "mbbs", "frcs",
            "mrcp", "frcp", "jr", "sr", "ii", "iii", "iv", "rn", "bsn", "msn", "np", "aprn",
            "crna", "pa", "pac", "mba", "cpa", "esq", "facs", "facc", "facp", "lpn", "pe"}


def forms(name):
    """The ways a script may call NAME: in full, by first name, by title and
    surname, by first name and surname (a signature)."""
    toks = [t for t in re.split(r"[ ,]+", nfc(name or "")) if t]
    key = [re.sub(r"[.,-]", "", t).lower() for t in toks]
    i, j = 0, len(toks)
    while i + 1 < j and key[i] in TITLES:
        i += 1
    while j > i + 1 and key[j - 1] in SUFFIXES:
        j -= 1
    out = {nfc(name or "")}
    if i < j:
        out.add(toks[i])
        out.add("%s %s" % (toks[i], toks[j - 1]))
        for t in ("Dr.", "Prof.", "Mr.", "Ms.", "Mrs.", "Mx."):
            out.add("%s %s" % (t, toks[j - 1]))
    return out


def check_decline_text(sc, out, tid, seed, referral):
    probs = ["%s" % v for v in violations(sc, out, sc.on_the_line())]
    if referral:
        offer = " ".join(v for h, v in sections_of(out).items() if "OFFER" in h)
        if " ".join(referral.split()) not in " ".join(offer.split()):
            probs.append("--referral %s: not named in the offer section" % referral)
    if not referral and "Dana Kraus" in out:
        probs.append("names a referral that was not given")
    return probs


def check_decline_json(sc, out, tid, seed, referral):
    probs = []
    try:
        doc = json.loads(out)
    except ValueError as e:
        return ["not JSON: %s" % e]
    if not isinstance(doc, dict):
        return ["not an object"]
    for k in JSON_KEYS:
        v = doc.get(k)
        if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v):
            probs.append("'%s' is not a non-empty array of strings" % k)
    if len(doc.get("thanks") or []) < 2:
        probs.append("'thanks' has fewer than 2 lines (thanks and the decision)")
    if doc.get("turndown") != tid:
        probs.append("turndown %r, want %d" % (doc.get("turndown"), tid))
    if doc.get("seed") != seed:
        probs.append("seed %r, want %d" % (doc.get("seed"), seed))
    for s in strings_of(doc):
        probs += violations(sc, s, sc.on_the_line())
    offer = " ".join(x for x in doc.get("offer") or [] if isinstance(x, str))
    if referral and referral not in offer:
        probs.append("--referral %s: not named in the offer" % referral)
    if not referral and "Dana Kraus" in json.dumps(doc, ensure_ascii=False):
        probs.append("names a referral that was not given")
    # With no shareable reason, the reason said is no confidential one.
    if not sc.shareable_reasons():
        said = set()
        for x in doc.get("reason") or []:
            said |= set(words(x))
        for cat in sc.confidential_reasons():
            for w in CATEGORY_WORDS.get(cat, "").split():
                if w in said:
                    probs.append("reason section says '%s' (confidential %s)" % (w, cat))
    return probs


def note_checks(sc, text, recipient):
    probs = violations(sc, text, recipient)
    allowed = set()
    for n in (sc.candidate, sc.client, recipient or ""):
        allowed |= set(words(n))
    said = set(words(text)) - allowed
    for w in sorted(said & REASON_WORDS):
        probs.append("note says '%s' (a reason or an impression)" % w)
    if "declin" in text.lower():
        probs.append("note speaks of the decline")
    return probs


def check_notes_json(sc, out, tid, seed, referral):
    try:
        doc = json.loads(out)
    except ValueError as e:
        return ["not JSON: %s" % e]
    if not isinstance(doc, list):
        return ["not an array"]
    probs = []
    if len(doc) != len(sc.met) + 1:
        probs.append("%d notes, want %d (one per person met and one to the client)" %
                     (len(doc), len(sc.met) + 1))
    for i, note in enumerate(doc):
        if not isinstance(note, dict) or not all(isinstance(note.get(k), str) and note.get(k)
                                                 for k in ("to", "role", "text")):
            probs.append("note %d lacks to/role/text strings" % i)
            continue
        if i < len(sc.met):
            p = sc.met[i]
            if nfc(note["to"]) != nfc(p["name"]):
                probs.append("note %d to %r, want %r" % (i, note["to"], p["name"]))
            if note["role"] != p["role"]:
                probs.append("note %d role %r, want %r" % (i, note["role"], p["role"]))
            last = note["text"].rstrip().rsplit("\n", 1)[-1]
            if last not in forms(sc.candidate) | {"[your name]"}:
                probs.append("note %d is signed %r, not by the candidate" % (i, last))
            recipient = p["name"]
        else:
            if note["role"] != "client":
                probs.append("last note role %r, want 'client'" % note["role"])
            recipient = sc.on_the_line()
        for s in strings_of(note):
            probs += ["note to %s: %s" % (note["to"], v) for v in note_checks(sc, s, recipient)]
    roles = [n.get("role") for n in doc if isinstance(n, dict)]
    if roles.count("client") != 1:
        probs.append("%d notes with role client, want 1" % roles.count("client"))
    return probs


def check_notes_text(sc, out, tid, seed, referral):
    probs = []
    # One header per person met, in order, then the client's: "To NAME (ROLE)".
    heads = ["To %s (" % nfc(p["name"]) for p in sc.met] + ["To "]
    text = nfc(out)
    lines = text.split("\n")
    starts = []
    j = 0
    for i, line in enumerate(lines):
        if j < len(heads) and line.startswith(heads[j]) and (i == 0 or lines[i - 1] == "") \
                and (j < len(sc.met) or line.rstrip().endswith("(client)")):
            starts.append(i)
            j += 1
    if j != len(heads):
        return ["%d of %d note headers found; missing %r" % (j, len(heads), heads[j])]
    if lines[0] != lines[starts[0]]:
        probs.append("text before the first note: %r" % lines[0])
    starts.append(len(lines))
    for k in range(len(heads)):
        chunk = "\n".join(lines[starts[k]:starts[k + 1]])
        recipient = sc.met[k]["name"] if k < len(sc.met) else sc.on_the_line()
        probs += ["note %d: %s" % (k, v) for v in note_checks(sc, chunk, recipient)]
    return probs


def named_check(sc, kind, out):
    """In these scenarios no name needs hiding from its reader: the decline
    names the candidate, each note greets its recipient and the people's
    notes are signed by the candidate.  Returns what is missing, or ''."""
    try:
        doc = json.loads(out)
    except ValueError:
        return "not JSON"
    if kind == "decline-json":
        said = nfc(" ".join(x for x in doc.get("thanks") or [] if isinstance(x, str)))
        return "" if any(f in said for f in forms(sc.candidate)) else \
            "thanks without %s" % sc.candidate
    miss = []
    for i, note in enumerate(doc if isinstance(doc, list) else []):
        if not isinstance(note, dict) or not isinstance(note.get("text"), str):
            continue
        lines = nfc(note["text"]).rstrip().split("\n")
        if i < len(sc.met):
            if not any(f in lines[0] for f in forms(sc.met[i]["name"])):
                miss.append("greeting %r" % lines[0])
            if lines[-1] not in forms(sc.candidate):
                miss.append("signed %r" % lines[-1])
        elif nfc(sc.client) not in nfc(note.get("to", "")):
            miss.append("client note to %r" % note.get("to"))
    return "; ".join(miss)


CHECKS = {
    "decline-text": check_decline_text,
    "decline-json": check_decline_json,
    "notes-text": check_notes_text,
    "notes-json": check_notes_json,
}


def load_scenarios(path):
    with open(path, encoding="utf-8") as f:
        return [Scenario(json.loads(line)) for line in f if line.strip()]


def batch(scen_path, manifest, results):
    scens = load_scenarios(scen_path)
    groups = {}
    variety = {}
    heads = {"runs": 0, "bad": 0, "first": None}
    named = {k: {"runs": 0, "bad": 0, "first": None} for k in ("decline-json", "notes-json")}
    with open(manifest, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            n, tid, kind, seed, referral, path, rc = line.rstrip("\n").split("\t")
            n, tid, seed, rc = int(n), int(tid), int(seed), int(rc)
            referral = "" if referral == "-" else referral
            sc = scens[n - 1]
            key = (n, kind, bool(referral))
            g = groups.setdefault(key, {"runs": 0, "bad": 0, "first": None, "seen": set()})
            if rc != 0:
                continue        # exit codes are the shell's to judge
            g["runs"] += 1
            with open(path, encoding="utf-8") as o:
                out = o.read()
            if kind in ("decline-json", "notes-json"):
                miss = named_check(sc, kind, out)
                c = named[kind]
                c["runs"] += 1
                if miss:
                    c["bad"] += 1
                    c["first"] = c["first"] or "scenario %d seed %d: %s" % (n, seed, miss)
            if kind == "decline-text":
                heads["runs"] += 1
                miss = missing_sections(out)
                if miss:
                    heads["bad"] += 1
                    heads["first"] = heads["first"] or "scenario %d seed %d: no %s; headings: %s" % (
                        n, seed, ", ".join(miss), " | ".join(sections_of(out)))
            probs = CHECKS[kind](sc, out, tid, seed, referral)
            if probs:
                g["bad"] += 1
                for p in probs:
                    msg = "scenario %d %s seed %d%s: %s" % (
                        n, kind, seed, " --referral %s" % referral if referral else "", p)
                    if p not in g["seen"]:
                        print(msg)
                    g["seen"].add(p)
                    if g["first"] is None:
                        g["first"] = msg
            if kind.endswith("json") and not referral:
                try:
                    doc = json.loads(out)
                    if isinstance(doc, dict):
                        doc.pop("seed", None)
                    variety.setdefault((n, kind), set()).add(json.dumps(doc, sort_keys=True))
                except ValueError:
                    pass
    with open(results, "w", encoding="utf-8") as r:
        for (n, kind, ref), g in sorted(groups.items()):
            name = "scenario %d (%s): %s%s over %d outputs: rule and shape hold" % (
                n, scens[n - 1].candidate, kind, " --referral" if ref else "", g["runs"])
            if g["runs"] == 0:
                continue        # every run failed: the shell reports the exit codes
            elif g["bad"] == 0:
                r.write("PASS\t%s\n" % name)
            else:
                r.write("FAIL\t%s\t%d of %d outputs break it; first: %s\n" % (
                    name, g["bad"], g["runs"], g["first"][:400]))
        name = "decline text has the sections %s (%d scripts)" % (", ".join(SECTIONS),
                                                                    heads["runs"])
        if heads["runs"] and not heads["bad"]:
            r.write("PASS\t%s\n" % name)
        else:
            r.write("FAIL\t%s\t%d lack some; first: %s\n" % (name, heads["bad"], heads["first"]))
        for kind, what in (("decline-json", "decline scripts name the candidate"),
                           ("notes-json", "notes greet their recipient by name, the people's "
                            "notes are signed by the candidate, the client's go to its team")):
            c = named[kind]
            name = "%s (%d outputs; no name here needs a stand-in)" % (what, c["runs"])
            if c["runs"] and not c["bad"]:
                r.write("PASS\t%s\n" % name)
            else:
                r.write("FAIL\t%s\t%d do not; first: %s\n" % (name, c["bad"], c["first"]))
        for (n, kind), docs in sorted(variety.items()):
            name = "scenario %d: %s varies with the seed (%d different)" % (n, kind, len(docs))
            runs = groups[(n, kind, False)]["runs"]
            if runs < 10 or len(docs) >= 5:
                r.write("PASS\t%s\n" % name)
            else:
                r.write("FAIL\t%s\tonly %d different outputs over %d seeds\n" % (name, len(docs),
                                                                                  runs))
    return 0


# ---- the calendar ------------------------------------------------------------

def ics(scen_path, ids_path, tasks_path, cal1, cal2, closed_path, cal3, results):
    import datetime
    import icalendar

    scens = load_scenarios(scen_path)
    by_td = {}
    with open(ids_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                n, tid = line.split("\t")[:2]
                by_td[int(tid)] = scens[int(n) - 1]
    with open(tasks_path, encoding="utf-8") as f:
        tasks = json.load(f)
    with open(closed_path, encoding="utf-8") as f:
        closed = json.load(f)
    res = []

    def verdict(name, probs):
        if probs:
            res.append("FAIL\t%s\t%s" % (name, "; ".join(probs[:3])[:500]))
            for p in probs[:20]:
                print("ics: %s: %s" % (name, p))
        else:
            res.append("PASS\t%s" % name)

    def parse(path):
        with open(path, "rb") as f:
            data = f.read()
        cals = [c for c in icalendar.Calendar.from_ical(data, multiple=True)]
        return data, cals

    data1, cals = parse(cal1)
    verdict("ics: one VCALENDAR", [] if len(cals) == 1 else ["%d calendars" % len(cals)])
    todos = [c for c in cals[0].walk("VTODO")] if cals else []
    verdict("ics: %d VTODOs for %d open tasks" % (len(todos), len(tasks)),
            [] if len(todos) == len(tasks) else ["%d VTODOs, %d open tasks" % (len(todos),
                                                                               len(tasks))])
    # Each to-do matches one open task by its wording and due date.
    want = {}
    for t in tasks:
        want.setdefault((t["task"], t["due"]), []).append(t)
    probs = []
    uid_of = {}
    matched = {}
    for td in todos:
        due = td.get("DUE")
        summary = str(td.get("SUMMARY", ""))
        uid = str(td.get("UID", ""))
        if not summary:
            probs.append("a VTODO without SUMMARY")
        if due is None or not isinstance(due.dt, datetime.date) or \
                isinstance(due.dt, datetime.datetime):
            probs.append("%s: DUE is not a date: %r" % (summary, due and due.dt))
            continue
        key = (summary, due.dt.isoformat())
        if not want.get(key):
            probs.append("no open task %r due %s" % key)
            continue
        t = want[key].pop()
        matched[uid] = t
        uid_of[(t["id"])] = uid
        if not uid:
            probs.append("task %s: no UID" % t["id"])
    verdict("ics: every VTODO is an open task with its due date as a DATE and a SUMMARY", probs)
    verdict("ics: UIDs are unique", [] if len(set(uid_of.values())) == len(todos) else
            ["%d UIDs for %d VTODOs" % (len(set(uid_of.values())), len(todos))])

    # What the to-dos say: nothing of the confidential note, no confidential
    # reason, no person met.  Wording common to every turndown's task of the
    # same kind is the plan's own, so it is not held against any one.
    def norm(text, t):
        sc = by_td.get(t["turndown"])
        out = text
        if sc:
            out = out.replace(sc.candidate, "<C>").replace(sc.client, "<K>")
        return re.sub(r"[0-9]+", "#", out)

    templates = {}
    for td in todos:
        t = matched.get(str(td.get("UID", "")))
        if t and t["turndown"] in by_td:
            for field in ("SUMMARY", "DESCRIPTION"):
                templates.setdefault((t["kind"], field), set()).add(
                    norm(str(td.get(field, "")), t))
    probs = ["%s of %s tasks differ between turndowns beyond names: %s" % (f, k, sorted(v)[:2])
             for (k, f), v in templates.items() if len(v) != 1]
    verdict("ics: SUMMARY and DESCRIPTION are the plan's wording with names, nothing else",
            probs)
    probs = []
    for td in todos:
        t = matched.get(str(td.get("UID", "")))
        if not t or t["turndown"] not in by_td:
            continue
        sc = by_td[t["turndown"]]
        for field in ("SUMMARY", "DESCRIPTION"):
            text = str(td.get(field, ""))
            generic = set()
            for tmpl in templates.get((t["kind"], field), ()):
                generic |= ngrams(words(tmpl), 1)
            for v in violations(sc, text):
                m = re.search(r"'([^']*)'", v)
                if m and tuple(words(m.group(1))) in generic and "run" in v:
                    continue
                probs.append("task %d %s: %s" % (t["id"], field, v))
            toks = tokens(text, False)
            for p in sc.met:
                for part in words(p["name"]):
                    if len(part) >= 3 and part not in sc.known and word_hits(toks, part, set()):
                        probs.append("task %d %s names %s" % (t["id"], field, p["name"]))
            said = " %s " % " ".join(words(text))
            for cat in sc.confidential_reasons():
                slug = " %s " % " ".join(words(cat))
                if slug in said and not any(slug in " %s " % " ".join(words(x))
                                            for x in templates.get((t["kind"], field), ())):
                    probs.append("task %d %s says the confidential reason %s" % (
                        t["id"], field, cat))
    verdict("ics: no confidential text, confidential reason or person met in any VTODO", probs)

    # Stable UIDs: a second export has the same set; after a task is closed
    # the next one lacks exactly that task's UID.
    _, cals2 = parse(cal2)
    uids1 = {str(c.get("UID")) for c in todos}
    uids2 = {str(c.get("UID")) for c in cals2[0].walk("VTODO")} if cals2 else set()
    verdict("ics: a second export has the same %d UIDs" % len(uids1),
            [] if uids1 == uids2 else ["only in the first: %s; only in the second: %s" % (
                sorted(uids1 - uids2)[:3], sorted(uids2 - uids1)[:3])])
    gone = uid_of.get(closed["id"])
    _, cals3 = parse(cal3)
    uids3 = {str(c.get("UID")) for c in cals3[0].walk("VTODO")} if cals3 else set()
    probs = []
    if gone is None:
        probs.append("closed task %s was not in the first export" % closed["id"])
    elif uids3 != uids1 - {gone}:
        probs.append("after closing task %s (UID %s): missing %s, extra %s" % (
            closed["id"], gone, sorted((uids1 - {gone}) - uids3)[:3], sorted(uids3 - uids1)[:3]))
    verdict("ics: after 'followup done', the next export lacks that task's UID only", probs)

    with open(results, "w", encoding="utf-8") as r:
        r.write("\n".join(res) + "\n")
    return 0


# ---- self-test ---------------------------------------------------------------

def selftest():
    sc = Scenario({
        "candidate": "Ada Byrne", "client": "Acme Labs",
        "confidential": "Will Grant was rude. She met Zorbak Quill, who said the offer was "
                        "late, and Émile Ørsted agreed. Thank you for nothing, Acme.",
        "shareable": "She said the offer was fair.",
        "met": [{"name": "Will Grant", "role": "hr", "impression": "negative"},
                {"name": "Hope Lind", "role": "peer", "impression": "neutral"},
                {"name": "Ivo Kask", "role": "hiring-manager", "impression": "positive"}],
        "reasons": [{"category": "hr", "visibility": "confidential"}],
    })
    bad = {
        "We will talk to Grant soon.": "names Will Grant",
        "Ask Hope how it went.": "names Hope Lind",
        "lind was there": "names Hope Lind",
        "Zorbak may call.": "conf-only name",
        "I spoke with émile yesterday.": "conf-only non-ASCII name",
        "Thank you for your time.": "run",
        "Thank—you—for the time.": "run across dashes",
        "Thank\u00a0you\u00a0for all.": "run across no-break spaces",
        "She met Zorbak.": "conf-only name",
        "I'd say: thank you for nothing.": "run",
    }
    good = [
        "We will grant you a call, and we hope to hear more.",
        "She said the offer was fair, and Ivo Kask was great.",
        "Ada Byrne thanks everyone at Acme Labs.",
        "Thank you again, and the offer stands.",
    ]
    errors = 0
    for text, why in bad.items():
        if not violations(sc, text):
            print("selftest: missed (%s): %r" % (why, text))
            errors += 1
    for text in good:
        v = violations(sc, text)
        if v:
            print("selftest: false alarm on %r: %s" % (text, v))
            errors += 1
    # A note may name its recipient, and only them.
    if violations(sc, "Dear Will Grant, thank you again.", recipient="Will Grant"):
        print("selftest: a note may name its recipient")
        errors += 1
    sc3 = Scenario({"candidate": "X", "client": "Y", "met": [],
                    "confidential": "Offered by Jean-Paul Moreau in person."})
    if violations(sc3, "Dear Jean-Paul Moreau, thanks.", recipient="Jean-Paul Moreau"):
        print("selftest: a note may greet its recipient by a name the confidential note holds")
        errors += 1
    if not violations(sc3, "Dear Jean-Paul Moreau, thanks.", recipient="Ann Lee"):
        print("selftest: another person's 3-word name from the confidential note passed")
        errors += 1
    if not violations(sc, "Dear Will Grant, Hope says hi.", recipient="Will Grant"):
        print("selftest: a note names nobody else seen neutrally")
        errors += 1
    if not note_checks(sc, "Dear Ivo Kask, the package was too small.", "Ivo Kask"):
        print("selftest: a note that gives a reason passed")
        errors += 1
    # Longest runs: each 3-word piece is in the shareable note, the whole is not.
    sc2 = Scenario({"candidate": "X", "client": "Y", "confidential": "alpha beta gamma delta",
                    "shareable": "alpha beta gamma zeta beta gamma delta", "met": []})
    if not violations(sc2, "alpha beta gamma delta"):
        print("selftest: a 4-word run made of shared 3-word runs passed")
        errors += 1
    if violations(sc2, "alpha beta gamma zeta"):
        print("selftest: false alarm on a shared run")
        errors += 1
    if capitalised_words("Hello there. Bob met Alice and “Carol”.\nDave left—Eve stayed.") != \
            ["alice", "carol", "eve"]:
        print("selftest: capitalised_words: %r" % capitalised_words(
            "Hello there. Bob met Alice and “Carol”.\nDave left—Eve stayed."))
        errors += 1
    print("selftest: %s" % ("ok" if errors == 0 else "%d errors" % errors))
    return 1 if errors else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "selftest":
        return selftest()
    if len(argv) == 5 and argv[1] == "batch":
        return batch(argv[2], argv[3], argv[4])
    if len(argv) == 10 and argv[1] == "ics":
        return ics(*argv[2:])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
