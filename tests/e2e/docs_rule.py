"""docs_rule.py - every option of every command's --help is in its man page
and in the README's command table, and every option those name is one the
command has: the three cannot drift apart.

Usage: python3 docs_rule.py TACT_BIN REPO
Prints one line per finding, "PASS name" or "FAIL name: why", and exits 0.

A command's options are those its --help lists above "Global options:"
(for a command with subcommands, those of every subcommand).  The global
options are those of `tact --help`, and belong in man/tact.1.  In a man page
an option is documented by an ".It Fl \\-name" entry; the README's row of a
command is the table line that starts with "| `tact COMMAND".
"""
import re
import subprocess
import sys

tact, repo = sys.argv[1], sys.argv[2]
ALWAYS = {"help", "usage", "version"}      # argp's own, everywhere


def run(*args):
    return subprocess.run([tact, *args], capture_output=True, text=True).stdout


def options(text):
    """Long options of a --help text, up to its "Global options:" part."""
    out = set()
    for line in text.split("\n"):
        if line.strip() == "Global options:":
            break
        m = re.match(r"^\s+(?:-\S, )?--([a-z][a-z0-9-]*)", line)
        if m:
            out.add(m.group(1))
    return out


def commands():
    """(name, [subcommands]) from the list of `tact --help`."""
    text = run("--help")
    body = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    names = [m.group(1) for m in re.finditer(r"^  ([a-z][a-z-]*) ", body, re.M)]
    out = []
    for n in names:
        h = run(n, "--help")
        subs = []
        if "Subcommands:" in h:
            sub = h.split("Subcommands:\n", 1)[1].split("\n\n", 1)[0]
            subs = [m.group(1) for m in re.finditer(r"^  ([a-z][a-z-]*) ", sub, re.M)]
        out.append((n, subs))
    return out


def man_names(path):
    """The commands a man page is the page of: its NAME section's .Nm lines."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return set()
    head = text.split(".Sh NAME", 1)[-1].split(".Sh ", 1)[0]
    return set(re.findall(r"^\.Nm tact-([a-z][a-z-]*)", head, re.M))


def man_options(path):
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return None
    # ".It Fl \-name" or ".It Fl k , Fl \-name"
    # a hyphen inside the name may be written "\-" too ("\-dry\-run")
    return set(n.replace("\\", "") for n in
               re.findall(r"^\.It Fl (?:\S+ , Fl )?\\-([a-z](?:[a-z0-9-]|\\-)*)", text, re.M))


readme = open(f"{repo}/README.md", encoding="utf-8").read()
rows = {}
for line in readme.split("\n"):
    m = re.match(r"^\| `tact ([a-z][a-z-]*)", line)
    if m:
        # A row may hold two commands ("tact unlock ... / tact lock ..."):
        # each has the part from its name to the next one's.
        cell = line.split(" | ")[0]
        for part in re.split(r"(?=`tact [a-z])", cell):
            m = re.match(r"`tact ([a-z][a-z-]*)", part)
            if m:
                rows[m.group(1)] = rows.get(m.group(1), "") + part

glob = options(run("--help").replace("Options (before or after the command name):", ""))
glob_all = set(re.findall(r"^\s+(?:-\S, )?--([a-z][a-z0-9-]*)", run("--help"), re.M)) - ALWAYS


def report(ok, name, why=""):
    print(f"PASS {name}" if ok else f"FAIL {name}: {why}")


# The global options, in man/tact.1.
mt = man_options(f"{repo}/man/tact.1") or set()
report(glob_all <= mt, "man/tact.1 documents every global option", sorted(glob_all - mt))

def options_of(name, subs):
    helps = [run(name, "--help")] + [run(name, s, "--help") for s in subs]
    return set().union(*(options(h) for h in helps)) - ALWAYS


table = commands()
subs_of = dict(table)
for name, subs in table:
    if name == "help":
        continue                        # documented in tact.1
    have = options_of(name, subs)
    man = man_options(f"{repo}/man/tact-{name}.1")
    if man is None:
        report(False, f"man/tact-{name}.1 exists", "no such file")
    else:
        report(have <= man, f"man/tact-{name}.1 documents every option of --help",
               sorted(have - man))
        # A page of two commands (tact-unlock.1 is also lock's) has both's.
        also = set()
        for other in man_names(f"{repo}/man/tact-{name}.1") - {name}:
            if other in subs_of:
                also |= options_of(other, subs_of[other])
        extra = man - have - also - glob_all - ALWAYS
        report(not extra, f"man/tact-{name}.1 documents only options tact {name} has",
               sorted(extra))
    row = rows.get(name)
    if row is None:
        report(False, f"README's table has a row for tact {name}", "no row")
        continue
    named = set(re.findall(r"--([a-z][a-z0-9-]*)", row))
    report(have <= named, f"README's row of tact {name} names every option",
           sorted(have - named))
    extra = named - have - glob_all
    report(not extra, f"README's row of tact {name} names only its options", sorted(extra))
