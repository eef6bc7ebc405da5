#!/usr/bin/env python3
"""selftest.py - shows that mk/check-layout.py fails on each kind of mistake.

Usage: python3 tests/layout/selftest.py [--build DIR] [-v]

Copies cmd/, core/, crypto/ and the objects of the build folder to a
temporary folder, checks that the copy passes, then, one at a time on a fresh
copy, plants one violation of each rule and checks that the checker fails
with that rule and no other.  Violations are planted in new files (with an
object compiled for the nm case), so that the test does not depend on which
files the tree has today and no temporary exception can hide them.  The
exception cases give the checker exceptions of their own (--exception):
one that matches nothing, one that lets exactly its complaint through, and
one that must not hide a second complaint in the same file.
"""

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CHECKER = os.path.join(ROOT, "mk", "check-layout.py")
RULE = re.compile(r"^check-layout: \[([a-z-]+)\] ", re.M)


def load_checker():
    spec = importlib.util.spec_from_file_location("check_layout", CHECKER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def header(rel, body):
    guard = "PLANTED_" + re.sub(r"\W", "_", rel).upper()
    return "/* planted by the self-test */\n#ifndef %s\n#define %s\n%s\n#endif\n" % (
        guard, guard, body)


def first_header(tree, folder, but=()):
    """Returns the first .h file directly in FOLDER of TREE, other than BUT."""
    names = sorted(n for n in os.listdir(os.path.join(tree, folder))
                   if n.endswith(".h") and folder + n not in but)
    if not names:
        raise SystemExit("selftest: no header in %s to plant an include of" % folder)
    return folder + names[0]


class Case:
    """RULE is the one rule the checker must fail on, or None: it must pass.
    ARGS go to the checker (temporary exceptions of the case's own)."""

    def __init__(self, name, rule, plant, args=()):
        self.name, self.rule, self.plant, self.args = name, rule, plant, list(args)


def write(tree, rel, text):
    path = os.path.join(tree, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def plant_files(files):
    def plant(tree, build):
        for rel, body in files(tree):
            write(tree, rel, body if rel.endswith(".c") else header(rel, body))
    return plant


def inc(rel):
    return '#include "%s"' % rel


def plant_nm(tree, build):
    rel = "core/scripts/planted_nm.c"
    write(tree, rel, "/* planted by the self-test: a prototype by hand, no include */\n"
          "int confidential_open(void);\nint planted_nm(void);\n"
          "int planted_nm(void) { return confidential_open(); }\n")
    obj = os.path.join(build, rel[:-2] + ".o")
    os.makedirs(os.path.dirname(obj), exist_ok=True)
    cc = os.environ.get("CC", "cc")
    subprocess.run([cc, "-c", "-o", obj, os.path.join(tree, rel)], check=True)


def plant_empty_allowed(checker):
    """Replaces the first allow-listed object the build has by an empty one."""
    def plant(tree, build):
        for obj in sorted(checker.NM_ALLOWED):
            path = os.path.join(build, obj)
            if os.path.isfile(path):
                src = os.path.join(tree, obj[:-2] + "_empty.c")
                write(tree, obj[:-2] + "_empty.c", "int planted_empty;\n")
                cc = os.environ.get("CC", "cc")
                subprocess.run([cc, "-c", "-o", path, src], check=True)
                os.remove(src)
                return
        raise SystemExit("selftest: no object of NM_ALLOWED in the build")
    return plant


def cases(checker):
    out = [
        Case("a cycle between two modules", "cycle", plant_files(lambda t: [
            ("core/scripts/planted_a.h", inc("core/scripts/planted_b.h")),
            ("core/scripts/planted_b.h", inc("core/scripts/planted_a.h"))])),
        Case("core/store/ including core/scripts/ (downward)", "layer", plant_files(lambda t: [
            ("core/store/planted.h", inc(first_header(t, "core/scripts/")))])),
        Case("core/base/ including core/text/", "layer", plant_files(lambda t: [
            ("core/text/planted.h", ""),
            ("core/base/planted.h", inc("core/text/planted.h"))])),
        Case("core/ including cmd/", "layer", plant_files(lambda t: [
            ("core/report/planted.h", inc(first_header(t, "cmd/")))])),
        Case("a core/ folder missing from LAYERS", "layer", plant_files(lambda t: [
            ("core/widgets/planted.h", "")])),
        Case("core/scripts/ including core/confidential/ beside the guard", "confidential",
             plant_files(lambda t: [
                 ("core/scripts/planted.h", inc(first_header(
                     t, "core/confidential/", but=("core/confidential/guard.h",))))])),
        Case("core/report/ including crypto/confidential.h", "confidential",
             plant_files(lambda t: [
                 ("core/report/planted.h", inc("crypto/confidential.h"))])),
        Case("an sqlite3_ call in core/records/", "sql", plant_files(lambda t: [
            ("core/records/planted.h",
             "static inline int planted(void) { return sqlite3_libversion_number(); }")])),
        Case("cmd/ including <sqlite3.h>", "sql", plant_files(lambda t: [
            ("cmd/planted.h", "#include <sqlite3.h>")])),
        Case("cmd/ including a core/store/ header that includes <sqlite3.h>", "sql",
             plant_files(lambda t: [
                 ("core/store/planted.h", "#include <sqlite3.h>"),
                 ("cmd/planted.h", inc("core/store/planted.h"))])),
        Case("crypto/ including core/", "crypto-include", plant_files(lambda t: [
            ("crypto/planted.h", inc(first_header(t, "core/base/")))])),
        Case("cmd/ including crypto/internal.h", "crypto-internal", plant_files(lambda t: [
            ("cmd/planted.h", inc("crypto/internal.h"))])),
        Case("the confidential subkey id named in core/", "subkey-name", plant_files(lambda t: [
            ("core/records/planted.h",
             "static inline int planted(void) { return TC_PART_CONFIDENTIAL_ID; }")])),
        Case("an object outside the allow-list referencing confidential_open", "nm", plant_nm),
        Case("a source without an object", "nm", plant_files(lambda t: [
            ("core/scripts/planted_unbuilt.c", "/* planted by the self-test */\n")])),
        Case("an object of the allow-list that no longer touches the note", "nm",
             plant_empty_allowed(checker)),
        Case("a temporary exception that matches nothing", "stale-exception",
             plant_files(lambda t: []),
             ["--exception", "crypto-include,crypto/planted.h,core/base/planted_x.h"]),
        Case("a temporary exception letting its own complaint through", None,
             plant_files(lambda t: [
                 ("core/base/planted_x.h", ""),
                 ("crypto/planted.h", inc("core/base/planted_x.h"))]),
             ["--exception", "crypto-include,crypto/planted.h,core/base/planted_x.h"]),
        Case("a temporary exception letting nothing else through in its file",
             "crypto-include",
             plant_files(lambda t: [
                 ("core/base/planted_x.h", ""),
                 ("core/base/planted_y.h", ""),
                 ("crypto/planted.h", inc("core/base/planted_x.h") + "\n"
                  + inc("core/base/planted_y.h"))]),
             ["--exception", "crypto-include,crypto/planted.h,core/base/planted_x.h"]),
    ]
    return out


def run_checker(tree, build, args=()):
    res = subprocess.run([sys.executable, CHECKER, "--root", tree, "--build", build] + list(args),
                         capture_output=True, text=True)
    return res.returncode, res.stdout + res.stderr


def copy_sources(dst):
    for top in ("cmd", "core", "crypto"):
        shutil.copytree(os.path.join(ROOT, top), os.path.join(dst, top),
                        ignore=shutil.ignore_patterns("*.o"))


def copy_objects(build, dst):
    for top in ("cmd", "core", "crypto"):
        src = os.path.join(build, top)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dst, top),
                            ignore=lambda d, names: [n for n in names if not n.endswith(".o")
                                                     and not os.path.isdir(os.path.join(d, n))])


def main():
    ap = argparse.ArgumentParser(description="Plants violations, checks that each fails.")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"),
                    help="the build folder whose objects are copied (default: build)")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per case")
    args = ap.parse_args()
    checker = load_checker()
    failed = []

    with tempfile.TemporaryDirectory(prefix="tact-layout.") as tmp:
        pristine_src = os.path.join(tmp, "pristine", "src")
        pristine_build = os.path.join(tmp, "pristine", "build")
        copy_sources(pristine_src)
        copy_objects(args.build, pristine_build)

        rc, out = run_checker(pristine_src, pristine_build)
        if rc != 0:
            failed.append("the clean copy fails:\n" + out)
        elif args.verbose:
            print("selftest: ok: the clean copy passes")

        all_cases = cases(checker)
        for i, case in enumerate(all_cases):
            work = os.path.join(tmp, "case%02d" % i)
            src, build = os.path.join(work, "src"), os.path.join(work, "build")
            shutil.copytree(pristine_src, src)
            shutil.copytree(pristine_build, build)
            case.plant(src, build)
            rc, out = run_checker(src, build, case.args)
            rules = set(RULE.findall(out))
            if case.rule is None:
                if rc != 0 or rules:
                    failed.append("%s: expected a pass, got exit %d:\n%s" % (case.name, rc, out))
                elif args.verbose:
                    print("selftest: ok: %s passes" % case.name)
            elif rc == 0 or rules != {case.rule}:
                failed.append("%s: expected a failure on [%s] alone, got exit %d with %s:\n%s"
                              % (case.name, case.rule, rc, sorted(rules) or "none", out))
            elif args.verbose:
                line = [ln for ln in out.splitlines() if RULE.match(ln)][0]
                print("selftest: ok: %s fails:\n    %s" % (case.name, line))
            shutil.rmtree(work)

    for f in failed:
        print("check-layout self-test: FAILED: " + f)
    kinds = sorted(set(c.rule for c in all_cases if c.rule is not None))
    print("check-layout self-test: clean copy %s; %d/%d planted cases behave as they should "
          "(%s)" % ("fails" if any(f.startswith("the clean copy") for f in failed) else "passes",
                    len(all_cases) - sum(1 for f in failed if not f.startswith("the clean")),
                    len(all_cases), ", ".join(kinds)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
