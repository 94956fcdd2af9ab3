#!/usr/bin/env python3
"""Times `procrun mcp` answering one JSON-RPC `ping` against the size of the message.

Usage: python3 benchmarks/mcp_message_size.py [PROCRUN] [RUNS]
PROCRUN defaults to .build-install/release/procrun (`make build`; `procrun mcp` runs the
procrun-mcp beside it), RUNS (default 5) pings of each size are sent to one server, the sizes in
turn, and each figure is the median. Prints the Markdown table of benchmarks/README.md: a time
that grows linearly with the size has a constant cost per MB.
"""
import json
import statistics
import subprocess
import sys
import tempfile
import time

SIZES = [1_000, 10_000, 100_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000]


def main(procrun, runs):
    library = tempfile.mkdtemp(prefix="procrun-mcp-bench-")
    with open(library + "/procrun.yaml", "w") as config:
        config.write("actions: {}\n")
    server = subprocess.Popen([procrun, "mcp", "--library", library], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

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
    times = {size: [] for size in SIZES}
    lengths = {}
    for run in range(runs + 1):
        for size in SIZES:
            pad = "x" * (size - 80)  # the rest of the message is about 80 bytes
            seconds, lengths[size] = ask({"jsonrpc": "2.0", "id": run * 100 + size, "method": "ping", "params": {"_meta": {"pad": pad}}})
            if run > 0:  # the first round warms up
                times[size].append(seconds)
    server.stdin.close()
    server.wait()
    print("| message (bytes) | ping answered in (ms, median of %d) | ms per MB |" % runs)
    print("| --- | --- | --- |")
    for size in SIZES:
        median = statistics.median(times[size]) * 1000
        print("| %s | %.2f | %.1f |" % (format(lengths[size], ","), median, median / (lengths[size] / 1e6)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build-install/release/procrun", int(sys.argv[2]) if len(sys.argv) > 2 else 5)
