#!/usr/bin/env python3
"""Sends `procrun mcp` messages of several megabytes as raw JSON-RPC lines and times the answers.

Usage: large_messages.py PROCRUN LIBRARY
Prints one JSON object on standard output:
  {"ping_10mb": {"seconds": float, "answer": {...}},
   "ping_17mb": {"seconds": float, "answer": {...}},
   "ping_after": {...},
   "description_kept": bool}
The Swift test checks the results.
"""
import json
import subprocess
import sys
import time


def main(procrun, library):
    server = subprocess.Popen([procrun, "mcp", "--library", library], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask(message):
        started = time.monotonic()
        server.stdin.write(json.dumps(message).encode() + b"\n")
        server.stdin.flush()
        answer = json.loads(server.stdout.readline()) if "id" in message else None
        return {"seconds": time.monotonic() - started, "answer": answer}

    ask({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "large", "version": "1"}}})
    ask({"jsonrpc": "2.0", "method": "notifications/initialized"})
    out = {
        "ping_10mb": ask({"jsonrpc": "2.0", "id": 1, "method": "ping", "params": {"_meta": {"pad": "x" * 10_000_000}}}),
        "ping_17mb": ask({"jsonrpc": "2.0", "id": 2, "method": "ping", "params": {"_meta": {"pad": "x" * 17_000_000}}}),
        "ping_after": ask({"jsonrpc": "2.0", "id": 3, "method": "ping"})["answer"],
    }
    # A value of 1 MB goes in with one tool call and comes back unchanged from another.
    description = "all work and no play " * 50_000
    ask({"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "record_procedure", "arguments": {
        "name": "large", "description": description, "steps": [{"action": "log", "parameters": {"message": "hi"}}]}}})
    shown = ask({"jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": {"name": "show_procedure", "arguments": {"name": "large"}}})
    text = shown["answer"]["result"]["content"][0]["text"]
    out["description_kept"] = json.loads(text).get("description") == description
    server.stdin.close()
    server.wait(timeout=30)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
