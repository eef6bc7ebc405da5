"""pty.py - run a command on a pseudo-terminal and answer its prompts.

Usage: /usr/bin/python3 pty.py [--timeout SECONDS] [PROMPT ANSWER]... -- COMMAND [ARG]...

The command runs in a new session whose controlling terminal is the pty, so
it can open /dev/tty.  For each PROMPT in turn (a substring of what the
command writes to the terminal), waits for it, then waits for the terminal's
echo to be turned off, as it is while a passphrase is read, and types ANSWER
and Enter.  If echo stays on for 2 seconds the answer is typed anyway, so a
command that echoes shows it in the output instead of hanging the test.

Writes everything the command wrote to the terminal on stdout and exits with
the command's exit status (128 + N if killed by signal N, 124 on timeout,
125 on a usage error).
"""
import os
import sys

# This file is named like the standard module it uses: keep its own folder
# off the module path so that "import pty" finds the standard one.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != _here]

import pty  # noqa: E402
import select  # noqa: E402
import signal  # noqa: E402
import termios  # noqa: E402
import time  # noqa: E402


def usage():
    sys.stderr.write(__doc__)
    sys.exit(125)


def echo_on(fd):
    try:
        return bool(termios.tcgetattr(fd)[3] & termios.ECHO)
    except termios.error:
        return False


def main(argv):
    timeout = 60.0
    pairs = []
    args = argv[1:]
    while args and args[0] != "--":
        if args[0] == "--timeout" and len(args) > 1:
            timeout = float(args[1])
            args = args[2:]
        elif len(args) > 1 and args[1] != "--":
            pairs.append((args[0].encode(), args[1].encode()))
            args = args[2:]
        else:
            usage()
    if len(args) < 2:
        usage()
    cmd = args[1:]

    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        except OSError as e:
            os.write(2, ("pty.py: cannot run %s: %s\n" % (cmd[0], e)).encode())
        os._exit(127)

    deadline = time.monotonic() + timeout
    out = bytearray()
    eof = False

    def pump(wait):
        """Reads what the command wrote within WAIT seconds; False at end of output."""
        nonlocal eof
        if eof:
            return False
        ready, _, _ = select.select([fd], [], [], max(wait, 0))
        if not ready:
            return True
        try:
            data = os.read(fd, 4096)
        except OSError:             # EIO: the command closed the terminal
            data = b""
        if not data:
            eof = True
            return False
        out.extend(data)
        return True

    pos = 0
    timed_out = False
    for prompt, answer in pairs:
        found = False
        while not found:
            i = out.find(prompt, pos)
            if i >= 0:
                pos = i + len(prompt)
                found = True
                break
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            if not pump(min(left, 0.2)):
                break
        if not found:
            break
        typed_at = min(deadline, time.monotonic() + 2.0)
        while echo_on(fd) and time.monotonic() < typed_at and not eof:
            pump(0.01)
        try:
            os.write(fd, answer + b"\r")
        except OSError:
            break

    while not timed_out:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        if not pump(min(left, 0.2)):
            break

    if timed_out:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    sys.stdout.buffer.write(bytes(out))
    sys.stdout.flush()
    if timed_out:
        sys.stderr.write("pty.py: timed out after %g s\n" % timeout)
        return 124
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
