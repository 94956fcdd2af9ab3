#!/usr/bin/env python3
"""Starts a slow run through `procrun mcp`, then disconnects (closes the server's standard input
and output) while the run is going, and waits for the server to exit.

Usage: disconnect.py PROCRUN LIBRARY
Prints one JSON object: {"exit_code": int, "seconds": float, "big_output": str}
where big_output is the outcome of a run given a 1 MB input (asked before the slow one).
"""
import json
import subprocess
import sys
import time


def main(procrun, library):
    server = subprocess.Popen([procrun, "mcp", "--library", library], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(message):
        server.stdin.write(json.dumps(message).encode() + b"\n")
        server.stdin.flush()

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "disconnect", "version": "1"}}})
    server.stdout.readline()
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    send({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "run_procedure", "arguments": {
        "name": "measure", "inputs": {"text": "y" * 1_000_000}}}})
    answer = json.loads(server.stdout.readline())
    big = answer["result"]["content"][0]["text"]
    send({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "run_procedure", "arguments": {"name": "slow"}}})
    time.sleep(0.3)
    started = time.monotonic()
    server.stdin.close()
    server.stdout.close()
    code = server.wait(timeout=30)
    print(json.dumps({"exit_code": code, "seconds": time.monotonic() - started, "big_output": big}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
