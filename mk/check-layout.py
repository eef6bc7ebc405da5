#!/usr/bin/env python3
"""check-layout.py - keeps the shape of tact that STYLE.md describes.

Usage: python3 mk/check-layout.py [--root DIR] [--build DIR] [-v]

Reads every .c and .h file under cmd/, core/ and crypto/ and fails, naming
the files, when:

  cycle            two modules include each other, directly or round a loop
                   (a module is a path without its extension: turndown.c and
                   turndown.h are one; X depends on Y when X.c or X.h
                   includes Y.h);
  layer            a core/ folder includes one listed after it in LAYERS, or
                   core/ includes cmd/, or a core/ folder is not in LAYERS;
  crypto-include   crypto/ includes anything under core/ or cmd/;
  confidential     core/scripts/ or core/report/ reaches (directly or through
                   the headers it includes) any header of core/confidential/
                   other than guard.h, or crypto/confidential.h;
  crypto-internal  a file outside crypto/ reaches crypto/internal.h;
  sql              a file outside core/store/ includes <sqlite3.h> or
                   <libpq-fe.h>, includes a core/store/ header that does, or
                   uses an identifier of either library (sqlite3*, SQLITE_*,
                   PQ*, PGconn, PGresult);
  subkey-name      the name of the confidential part's subkey id
                   (TC_PART_CONFIDENTIAL...) appears in code outside crypto/;
  nm               (with --build) an object outside NM_ALLOWED defines or uses
                   a confidential_* symbol, an object of NM_ALLOWED no longer
                   does (the permission goes), or a source has no object;
  include          a quoted include names no file of the tree;
  stale-exception  a temporary exception below no longer matches anything:
                   the fix landed, so delete the entry.

Everything is found from the tree itself, so new files need no edit here;
a new core/ folder needs its place in LAYERS.  Each complaint is one line,
"check-layout: [rule] file: what", which tests/layout/selftest.py relies on.
"""

import argparse
import os
import re
import subprocess
import sys
from collections import deque

# The folders that are checked.
SOURCE_DIRS = ("cmd", "core", "crypto")

# core/'s layers, lowest first.  A folder may include its own files and the
# folders before it, never one after it.  base and text are the ground floor
# (text may use base, base may not use text).
LAYERS = ("base", "text", "store", "records", "confidential", "scripts", "report")

# The layers that may reach core/confidential/ only through the guard.
GUARDED_LAYERS = ("scripts", "report")
GUARD_HEADER = "core/confidential/guard.h"
CRYPTO_CONFIDENTIAL_HEADER = "crypto/confidential.h"

# Headers of crypto/ that nobody else may see, even through another header.
CRYPTO_PRIVATE = ("crypto/internal.h",)

# SQL lives in core/store/ alone.
SQL_HOME = "core/store/"
SQL_HEADERS = ("sqlite3.h", "libpq-fe.h")
SQL_IDENT = re.compile(r"\b(?:sqlite3\w*|SQLITE_\w+|PQ\w+|PGconn|PGresult)\b")

# The confidential part's subkey id is a constant, not a symbol, so nm cannot
# see it: its name may appear in code only under crypto/.
SUBKEY_NAME = re.compile(r"\bTC_PART_CONFIDENTIAL\w*")
SUBKEY_HOME = "crypto/"

# ---------------------------------------------------------------------------
# THE NM ALLOW-LIST: the only objects that may define or use the confidential
# note's opener and sealer.  Every symbol starting with NM_PREFIX counts, so a
# new helper is covered without an edit here; an entry whose object no longer
# touches any of them fails, so the list stays the list of today's users;
# NM_SYMBOLS must each be defined by some object, so that a rename cannot
# leave this check watching nothing.  There is no symbol for the subkey id
# (see SUBKEY_NAME above).
NM_PREFIX = "confidential_"
NM_SYMBOLS = (
    "confidential_open",        # crypto/confidential.h
    "confidential_seal",        # crypto/confidential.h
    "confidential_load",        # core/confidential/confidential.h
    "confidential_feedback_open",       # crypto/confidential.h
    "confidential_feedback_seal",       # crypto/confidential.h
    "confidential_feedback_load",       # core/confidential/confidential.h
)
NM_ALLOWED = {
    "crypto/confidential.o": "defines the sealer and opener, on the confidential subkey",
    "core/confidential/confidential.o": "the one core reader (confidential_load) and writer",
    "core/confidential/guard.o": "the leak guard reads the note to answer yes or no",
    "core/records/write.o": "seals the note when a turndown is stored",
    "cmd/show.o": "tact show --confidential",
    "cmd/export.o": "tact export --confidential writes the note out, as show --confidential",
    "core/records/verify.o": "tact verify authenticates each note (confidential_check: yes/no)",
    "core/confidential/feedback_note.o": "the one core reader of a client's confidential note "
                                         "(confidential_feedback_load)",
    "core/records/feedback_write.o": "seals a client's confidential note when feedback is "
                                     "stored, re-seals it when an edit moves it",
    "cmd/feedback_show.o": "tact feedback show --confidential",
}
# ---------------------------------------------------------------------------

# TEMPORARY EXCEPTIONS: known violations that are being removed.  An entry
# is (rule, file, subject); it matches only that complaint, so anything new in
# the same file still fails.  When the fix lands the entry no longer matches
# and the check fails with [stale-exception] until the entry is deleted.
#
# crypto/ including core/ or cmd/: none left.
TEMPORARY_CRYPTO_EXCEPTIONS = ()
# SQL outside core/store/: none left.
TEMPORARY_SQL_EXCEPTIONS = ()
# Include cycles: none left.
TEMPORARY_CYCLE_EXCEPTIONS = ()
TEMPORARY_EXCEPTIONS = (TEMPORARY_CRYPTO_EXCEPTIONS + TEMPORARY_SQL_EXCEPTIONS
                        + TEMPORARY_CYCLE_EXCEPTIONS)

INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]*)[>"]', re.M)


def strip_c(text, keep_strings):
    """Returns TEXT with comments blanked (newlines kept) and, unless
    KEEP_STRINGS, the insides of string and character literals dropped."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("".join("\n" if ch == "\n" else " " for ch in text[i:end]))
            i = end
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            lit = text[i:j + 1]
            out.append(lit if keep_strings else c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Tree:
    """The sources under ROOT: their includes, resolved, and their code."""

    def __init__(self, root):
        self.root = root
        self.files = []
        for top in SOURCE_DIRS:
            for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
                dirnames.sort()
                for name in sorted(filenames):
                    if name.endswith((".c", ".h")):
                        path = os.path.join(dirpath, name)
                        self.files.append(os.path.relpath(path, root).replace(os.sep, "/"))
        self._parsed = {}

    def exists(self, rel):
        return os.path.isfile(os.path.join(self.root, rel))

    def resolve(self, src, name):
        """Returns the tree path a quoted include of NAME in SRC means, or
        None: beside SRC first (crypto/'s bare names), then from the root."""
        for cand in (os.path.join(os.path.dirname(src), name), name):
            cand = os.path.normpath(cand).replace(os.sep, "/")
            if not cand.startswith("../") and self.exists(cand):
                return cand
        return None

    def parse(self, rel):
        """Returns (includes, code) of REL: includes as a list of
        (kind, target, line), kind "sys" with the name as written, "local"
        with the resolved path, or "missing"; code without comments, string
        contents or include lines."""
        if rel in self._parsed:
            return self._parsed[rel]
        with open(os.path.join(self.root, rel), encoding="utf-8", errors="replace") as f:
            text = f.read()
        nocomment = strip_c(text, keep_strings=True)
        includes = []
        for m in INCLUDE.finditer(nocomment):
            line = nocomment.count("\n", 0, m.start()) + 1
            if m.group(1) == "<":
                includes.append(("sys", m.group(2).strip(), line))
            else:
                target = self.resolve(rel, m.group(2).strip())
                if target is None:
                    includes.append(("missing", m.group(2).strip(), line))
                else:
                    includes.append(("local", target, line))
        code = INCLUDE.sub("", strip_c(text, keep_strings=False))
        self._parsed[rel] = (includes, code)
        return self._parsed[rel]

    def local_includes(self, rel):
        return [t for kind, t, _ in self.parse(rel)[0] if kind == "local"]

    def reach(self, rel):
        """Returns {file or <system header>: chain} for everything REL
        includes, directly or through the tree's headers, each with the
        shortest chain of files from REL to it."""
        seen = {rel: [rel]}
        queue = deque([rel])
        while queue:
            cur = queue.popleft()
            for kind, target, _ in self.parse(cur)[0]:
                key = "<%s>" % target if kind == "sys" else target
                if kind == "missing" or key in seen:
                    continue
                seen[key] = seen[cur] + [key]
                if kind == "local":
                    queue.append(target)
        del seen[rel]
        return seen


def layer_of(rel):
    parts = rel.split("/")
    if parts[0] != "core":
        return None
    return parts[1] if len(parts) > 2 else ""


def module_of(rel):
    return os.path.splitext(rel)[0]


class Report:
    def __init__(self):
        self.items = []         # (rule, file, subject, message)

    def add(self, rule, file, subject, message):
        self.items.append((rule, file, subject, message))


def check_cycles(tree, report):
    graph = {}
    for rel in tree.files:
        mod = module_of(rel)
        graph.setdefault(mod, set())
        for target in tree.local_includes(rel):
            dep = module_of(target)
            if dep != mod:
                graph[mod].add(dep)
                graph.setdefault(dep, set())
    # Tarjan's strongly connected components, iteratively.
    index, low, stack, on_stack, sccs = {}, {}, [], set(), []
    counter = [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                scc = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    scc.append(top)
                    if top == node:
                        break
                if len(scc) > 1:
                    sccs.append(sorted(scc))
    for scc in sccs:
        members = set(scc)
        first = scc[0]
        # The shortest way from FIRST back to itself inside the component.
        prev = {first: None}
        queue = deque([first])
        cycle = None
        while queue and cycle is None:
            cur = queue.popleft()
            for nxt in sorted(graph[cur]):
                if nxt == first:
                    path = [cur]
                    while prev[path[-1]] is not None:
                        path.append(prev[path[-1]])
                    cycle = list(reversed(path)) + [first]
                    break
                if nxt in members and nxt not in prev:
                    prev[nxt] = cur
                    queue.append(nxt)
        text = " -> ".join(cycle)
        if len(scc) > len(cycle) - 1:
            text += " (the loop also takes in %s)" % ", ".join(m for m in scc if m not in cycle)
        report.add("cycle", first, text, "include cycle: " + text)
    return len(graph)


def check_includes(tree, report):
    unknown_layers = set()
    for rel in tree.files:
        includes, code = tree.parse(rel)
        top = rel.split("/")[0]
        layer = layer_of(rel)
        if layer is not None and layer not in LAYERS:
            folder = "core/%s/" % layer if layer else "core/"
            if folder not in unknown_layers:
                unknown_layers.add(folder)
                report.add("layer", rel, folder,
                           "%s is not a layer: give it its place in LAYERS in mk/check-layout.py"
                           % folder)
        for kind, target, line in includes:
            where = "%s:%d" % (rel, line)
            if kind == "missing":
                report.add("include", rel, target,
                           '%s: "%s" names no file of the tree' % (where, target))
                continue
            if kind == "sys":
                if target in SQL_HEADERS and not rel.startswith(SQL_HOME):
                    report.add("sql", rel, "<%s>" % target,
                               "%s: includes <%s> outside %s" % (where, target, SQL_HOME))
                continue
            ttop = target.split("/")[0]
            if top == "core":
                tlayer = layer_of(target)
                if ttop == "cmd":
                    report.add("layer", rel, target,
                               "%s: core/ may not include cmd/ (%s)" % (where, target))
                elif (ttop == "core" and layer in LAYERS and tlayer in LAYERS
                      and LAYERS.index(tlayer) > LAYERS.index(layer)):
                    report.add("layer", rel, target,
                               "%s: core/%s/ may not include core/%s/ (%s); the layers, lowest "
                               "first: %s" % (where, layer, tlayer, target, ", ".join(LAYERS)))
            elif top == "crypto" and ttop in ("core", "cmd"):
                report.add("crypto-include", rel, target,
                           "%s: crypto/ may not include %s/ (%s)" % (where, ttop, target))
            if (not rel.startswith(SQL_HOME) and target.startswith(SQL_HOME)):
                leaks = [h for h in tree.reach(target) if h.strip("<>") in SQL_HEADERS
                         and h.startswith("<")]
                if leaks:
                    report.add("sql", rel, target,
                               "%s: includes %s, which brings in %s, outside %s"
                               % (where, target, ", ".join(sorted(leaks)), SQL_HOME))

        if layer in GUARDED_LAYERS or top != "crypto":
            for got, chain in sorted(tree.reach(rel).items()):
                via = "" if len(chain) == 2 else " (through %s)" % " -> ".join(chain[1:-1])
                if layer in GUARDED_LAYERS and (
                        got == CRYPTO_CONFIDENTIAL_HEADER
                        or (got.startswith("core/confidential/") and got != GUARD_HEADER)):
                    report.add("confidential", rel, got,
                               "%s: core/%s/ may reach core/confidential/ only through %s, "
                               "but includes %s%s" % (rel, layer, GUARD_HEADER, got, via))
                if top != "crypto" and got in CRYPTO_PRIVATE:
                    report.add("crypto-internal", rel, got,
                               "%s: includes %s%s, which is crypto/'s own"
                               % (rel, got, via))

        if not rel.startswith(SQL_HOME):
            found = []
            for m in SQL_IDENT.finditer(code):
                if m.group(0) not in found:
                    found.append(m.group(0))
            if found:
                first = SQL_IDENT.search(code)
                line = code.count("\n", 0, first.start()) + 1
                more = ", ..." if len(found) > 4 else ""
                report.add("sql", rel, "identifiers",
                           "%s:%d: SQL outside %s: %s%s"
                           % (rel, line, SQL_HOME, ", ".join(found[:4]), more))
        if not rel.startswith(SUBKEY_HOME):
            m = SUBKEY_NAME.search(code)
            if m:
                line = code.count("\n", 0, m.start()) + 1
                report.add("subkey-name", rel, m.group(0),
                           "%s:%d: %s, the confidential subkey's id, is for %s only"
                           % (rel, line, m.group(0), SUBKEY_HOME))


def check_objects(tree, build, report):
    objects = {}
    for rel in tree.files:
        if rel.endswith(".c"):
            obj = rel[:-2] + ".o"
            path = os.path.join(build, obj)
            if os.path.isfile(path):
                objects[path] = obj
            else:
                report.add("nm", obj, "missing",
                           "%s: no object %s (build first: make check-layout does)"
                           % (rel, path))
    nm = os.environ.get("NM", "nm")
    paths = sorted(objects)
    defined, used_by = set(), set()
    for i in range(0, len(paths), 100):
        chunk = paths[i:i + 100]
        res = subprocess.run([nm, "-P", "-A"] + chunk, capture_output=True, text=True)
        if res.returncode != 0:
            sys.stderr.write(res.stderr)
            report.add("nm", chunk[0], "nm", "%s failed on the objects" % nm)
            continue
        uses = {}
        for line in res.stdout.splitlines():
            path, sep, rest = line.partition(": ")
            fields = rest.split()
            if not sep or len(fields) < 2:
                continue
            name, kind = fields[0], fields[1]
            if not name.startswith(NM_PREFIX):
                continue
            if kind not in "Uvw":       # undefined, or weak and undefined
                defined.add(name)
            uses.setdefault(objects.get(path, path), []).append("%s (%s)" % (name, kind))
        used_by.update(uses)
        for obj, syms in sorted(uses.items()):
            if obj not in NM_ALLOWED:
                report.add("nm", obj, "confidential",
                           "%s: %s: only the objects of NM_ALLOWED in mk/check-layout.py may "
                           "touch the confidential note" % (obj, ", ".join(sorted(syms))))
    for obj in sorted(NM_ALLOWED):
        if obj not in used_by:
            report.add("nm", obj, "allowed",
                       "%s: in NM_ALLOWED but touches no %s* symbol (or is gone): delete it "
                       "from mk/check-layout.py" % (obj, NM_PREFIX))
    for name in NM_SYMBOLS:
        if name not in defined:
            report.add("nm", "-", name,
                       "no object defines %s: NM_SYMBOLS in mk/check-layout.py is out of date"
                       % name)
    return len(objects)


def main():
    ap = argparse.ArgumentParser(description="Checks tact's layering rules.")
    ap.add_argument("--root", default=".", help="the source tree (default: .)")
    ap.add_argument("--build", help="the build folder; enables the nm checks")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also show what the temporary exceptions let through")
    ap.add_argument("--exception", action="append", default=[], metavar="RULE,FILE,SUBJECT",
                    help="one more temporary exception (for tests/layout/selftest.py)")
    args = ap.parse_args()
    exceptions = TEMPORARY_EXCEPTIONS + tuple(tuple(e.split(",", 2)) for e in args.exception)

    tree = Tree(args.root)
    report = Report()
    nmodules = check_cycles(tree, report)
    check_includes(tree, report)
    nobjects = check_objects(tree, args.build, report) if args.build else None

    used = set()
    failures = []
    for rule, file, subject, message in report.items:
        key = (rule, file, subject)
        if key in exceptions:
            used.add(key)
            if args.verbose:
                print("check-layout: allowed for now: [%s] %s" % (rule, message))
        else:
            failures.append((rule, file, message))
    for key in exceptions:
        if key not in used:
            failures.append(("stale-exception", key[1],
                             "%s: the temporary exception %r matches nothing now: delete it "
                             "from mk/check-layout.py" % (key[1], key)))
    for rule, file, message in failures:
        print("check-layout: [%s] %s" % (rule, message))
    objs = "" if nobjects is None else ", %d objects" % nobjects
    status = "%d problem%s" % (len(failures), "" if len(failures) == 1 else "s") \
        if failures else "clean"
    print("check-layout: %d files, %d modules%s: %s (%d temporary exceptions in use)"
          % (len(tree.files), nmodules, objs, status, len(used)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
