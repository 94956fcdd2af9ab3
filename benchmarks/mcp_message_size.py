#!/usr/bin/env python3
"""Times `procrun mcp` answering one JSON-RPC `ping` against the size of the message.

Usage: python3 benchmarks/mcp_message_size.py [SERVER] [RUNS] [LARGEST]
SERVER is a procrun (run as `procrun mcp`) or the procrun-mcp it runs, by default
.build-install-mcp/release/procrun-mcp (`make procrun-mcp`). RUNS (default 5) pings of each size,
from 1 KB up to LARGEST bytes (default 10 MB), are sent to one server, the sizes in turn after one
round to warm up, and each figure is the median. Prints the Markdown table of benchmarks/README.md:
a time that grows linearly with the size has a constant cost per MB.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

SIZES = [1_000, 10_000, 100_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000]


def main(program, runs, largest):
    library = tempfile.mkdtemp(prefix="procrun-mcp-bench-")
    with open(library + "/procrun.yaml", "w") as config:
        config.write("actions: {}\n")
    command = [program] if os.path.basename(program) == "procrun-mcp" else [program, "mcp"]
    server = subprocess.Popen(command + ["--library", library], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    sizes = [size for size in SIZES if size <= largest]

    def ask(message):
        line = json.dumps(message, separators=(",", ":")).encode() + b"\n"
        started = time.perf_counter()
        server.stdin.write(line)
        server.stdin.flush()
        answer = json.loads(server.stdout.readline())
        assert "result" in answer, answer
        return time.perf_counter() - started, len(line)

    ask({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
    server.stdin.write(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
    times = {size: [] for size in sizes}
    lengths = {}
    for run in range(runs + 1):
        for size in sizes:
            pad = "x" * (size - 80)  # the rest of the message is about 80 bytes
            seconds, lengths[size] = ask({"jsonrpc": "2.0", "id": run * 100 + size, "method": "ping", "params": {"_meta": {"pad": pad}}})
            if run > 0:  # the first round warms up
                times[size].append(seconds)
    server.stdin.close()
    server.wait()
    print("| message (bytes) | ping answered in (ms, median of %d) | ms per MB |" % runs)
    print("| --- | --- | --- |")
    for size in sizes:
        median = statistics.median(times[size]) * 1000
        print("| %s | %.2f | %.1f |" % (format(lengths[size], ","), median, median / (lengths[size] / 1e6)))


if __name__ == "__main__":
    arguments = sys.argv[1:] + [None] * 3
    main(arguments[0] or ".build-install-mcp/release/procrun-mcp", int(arguments[1] or 5), int(arguments[2] or 10_000_000))
