"""Runs procrun on a pseudo-terminal, answers its prompts, and prints everything the terminal showed.

Usage: pty-drive.py PROCRUN PROMPT=ANSWER... -- ARGUMENTS...
Each PROMPT is awaited in the output after where the last one was seen (so a question asked again
is awaited again), then ANSWER and a carriage return are typed; the ANSWER ^D types Ctrl-D alone.
"""
import os
import pty
import select
import sys
import time

separator = sys.argv.index("--")
binary = sys.argv[1]
answers = [item.split("=", 1) for item in sys.argv[2:separator]]
arguments = sys.argv[separator + 1:]

pid, fd = pty.fork()
if pid == 0:
    os.environ["NO_COLOR"] = "1"
    os.execv(binary, [binary] + arguments)

shown = b""


def read_some(deadline):
    global shown
    ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.time()))
    if not ready:
        return False
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        return None
    if not chunk:
        return None
    shown += chunk
    return True


seen = 0
for prompt, answer in answers:
    deadline = time.time() + 30
    while shown.find(prompt.encode(), seen) < 0:
        if not read_some(deadline):
            sys.stdout.write(shown.decode(errors="replace").replace("\r\n", "\n"))
            sys.exit("no prompt %r" % prompt)
    seen = shown.find(prompt.encode(), seen) + len(prompt.encode())
    time.sleep(0.1)
    os.write(fd, b"\x04" if answer == "^D" else answer.encode() + b"\r")

deadline = time.time() + 30
while read_some(deadline):
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.write(shown.decode(errors="replace").replace("\r\n", "\n"))
sys.stdout.write("exit %d\n" % os.waitstatus_to_exitcode(status))
