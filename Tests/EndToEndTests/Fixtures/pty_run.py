"""Runs a command on a pseudo-terminal, as a person at a terminal would, and prints everything it
wrote to the terminal (bytes as they came, escape codes included); exits with the command's status.
Each --input TEXT (its bytes as given, escape codes included) is typed half a second after the
last, then the output is read until the command ends."""
import os
import pty
import sys
import time


def main():
    args = sys.argv[1:]
    typed = []
    while args and args[0] == "--input":
        typed.append(args[1])
        args = args[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(args[0], args)
    out = bytearray()
    for text in typed:
        deadline = time.time() + 0.5
        while time.time() < deadline:
            chunk = read(fd, 0.05)
            if chunk is None:
                break
            out += chunk
        os.write(fd, text.encode())
    while True:
        chunk = read(fd, 30)
        if chunk is None:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(bytes(out))
    sys.stdout.flush()
    sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)


def read(fd, timeout):
    import select
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return b""
    try:
        data = os.read(fd, 65536)
    except OSError:
        return None
    return data if data else None


if __name__ == "__main__":
    main()
