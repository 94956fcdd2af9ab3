#!/usr/bin/env python3
"""Times what an agent waits for over MCP: one tool call's round trip, and find -> replay.

Usage: python3 benchmarks/mcp_agent_loop.py PROCRUN [PROCRUN...] [ROUNDS]
Each PROCRUN is a procrun to measure (`procrun mcp` runs the procrun-mcp installed beside it); with
several (a build before a change and after it), each round measures each in turn.
Everything is driven by the official Python MCP client (PyPI's `mcp`), one session per server,
on a copy of the example library (procedures/), so that runs do not touch the repository.

Measured in the same run, interleaved round by round (ROUNDS, default 30, after 3 warm-up rounds),
each figure the median, each ratio against the Python SDK's tool call of the same run:
- `ping` and one tool call on procrun's server against a server built on the official Python SDK
  (its own `MCPServer`/`FastMCP`, a tool that returns its argument): the round trip of the
  protocol itself;
- each procrun tool: find_procedures, show_procedure, procedure_stats, run_procedure (hello);
- find -> replay: find_procedures for a task, then run_procedure of the first result with new
  inputs, until its report is back; beside it the same two steps as command lines (`procrun find
  --json`, `procrun run --json`) and the bare command the procedure runs (`sh -c 'echo ...'`).
Prints a Markdown table for benchmarks/README.md.
"""
import asyncio
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = """
try:
    from mcp.server.mcpserver import MCPServer as Server  # mcp 2.x
except ImportError:
    from mcp.server.fastmcp import FastMCP as Server  # mcp 1.x
server = Server("peer")

@server.tool()
def echo(text: str) -> str:
    \"\"\"Returns its argument.\"\"\"
    return text

server.run()
"""
TASK = "greet someone by name"


def median_ms(samples):
    return statistics.median(samples) * 1000


async def timed(samples, call):
    started = time.perf_counter()
    result = await call()
    samples.append(time.perf_counter() - started)
    return result


async def measure(programs, rounds):
    library = tempfile.mkdtemp(prefix="procrun-mcp-loop-")
    shutil.copytree(os.path.join(HERE, "..", "procedures"), library, dirs_exist_ok=True)
    peer_file = library + "-peer.py"
    with open(peer_file, "w") as out:
        out.write(PEER)
    keys = ["ping", "call", "find", "show", "stats", "run", "find+run mcp", "find+run cli"]
    times = {program: {key: [] for key in keys} for program in programs}
    peer_times = {"ping": [], "call": [], "bare command": []}
    async with contextlib.AsyncExitStack() as stack:
        sessions = {}
        for program in programs + [None]:
            server = StdioServerParameters(command=program, args=["mcp", "--library", library]) if program else \
                StdioServerParameters(command=sys.executable, args=[peer_file])
            read, write = await stack.enter_async_context(stdio_client(server))
            sessions[program] = await stack.enter_async_context(ClientSession(read, write))
            await sessions[program].initialize()
        peer = sessions[None]
        for round in range(rounds + 3):
            warm = round < 3
            sink = {key: [] for key in peer_times} if warm else peer_times
            await timed(sink["ping"], lambda: peer.send_ping())
            await timed(sink["call"], lambda: peer.call_tool("echo", {"text": "hello"}))
            started = time.perf_counter()
            subprocess.run(["sh", "-c", f'echo "Hello, guest {round}!"'], check=True, capture_output=True)
            sink["bare command"].append(time.perf_counter() - started)
            for program in programs:
                session = sessions[program]
                sink = {key: [] for key in keys} if warm else times[program]
                await timed(sink["ping"], lambda: session.send_ping())
                await timed(sink["call"], lambda: session.call_tool("show_procedure", {"name": "hello"}))
                await timed(sink["find"], lambda: session.call_tool("find_procedures", {"task": TASK}))
                await timed(sink["show"], lambda: session.call_tool("show_procedure", {"name": "hello"}))
                await timed(sink["stats"], lambda: session.call_tool("procedure_stats", {"name": "hello"}))
                run = await timed(sink["run"], lambda: session.call_tool("run_procedure", {"name": "hello", "inputs": {"name": "Ada"}}))
                assert not run.is_error, run

                async def find_then_run():
                    found = await session.call_tool("find_procedures", {"task": TASK})
                    name = found.structured_content["procedures"][0]["name"]
                    return await session.call_tool("run_procedure", {"name": name, "inputs": {"name": f"guest {round}"}})
                await timed(sink["find+run mcp"], find_then_run)
                started = time.perf_counter()
                subprocess.run([program, "find", "--json", "--library", library, TASK], check=True, capture_output=True)
                subprocess.run([program, "run", "--json", "--library", library, "hello", "--set", f"name=guest {round}"],
                               check=True, capture_output=True)
                sink["find+run cli"].append(time.perf_counter() - started)
    shutil.rmtree(library, ignore_errors=True)
    os.remove(peer_file)
    peer = {key: median_ms(samples) for key, samples in peer_times.items()}
    return peer, {program: {key: median_ms(samples) for key, samples in measured.items()} for program, measured in times.items()}


def main(programs, rounds):
    peer, measured = asyncio.run(measure(programs, rounds))
    names = [f"`{program}`" for program in programs]
    print(f"| measured ({rounds} rounds, median ms) | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(programs))

    def row(label, values):
        print(f"| {label} | " + " | ".join(values) + " |")
    row("`ping` (the Python SDK's server: %.2f)" % peer["ping"], ["%.2f (%.2f×)" % (m["ping"], m["ping"] / peer["ping"]) for m in measured.values()])
    row("a tool call: `show_procedure` (the Python SDK's `echo`: %.2f)" % peer["call"],
        ["%.2f (%.2f×)" % (m["call"], m["call"] / peer["call"]) for m in measured.values()])
    for key, label in [("find", "`find_procedures`"), ("stats", "`procedure_stats`"), ("run", "`run_procedure` (hello)")]:
        row(label, ["%.2f (%.2f×)" % (m[key], m[key] / peer["call"]) for m in measured.values()])
    row("find → replay over MCP (× the command lines)", ["%.2f (%.2f×)" % (m["find+run mcp"], m["find+run mcp"] / m["find+run cli"]) for m in measured.values()])
    row("find → replay as command lines (`procrun find`, `procrun run`)", ["%.2f" % m["find+run cli"] for m in measured.values()])
    row("the bare command hello runs (`sh -c 'echo ...'`)", ["%.2f" % peer["bare command"]] * len(programs))


if __name__ == "__main__":
    rounds = int(sys.argv[-1]) if sys.argv[-1].isdigit() else 30
    main([arg for arg in sys.argv[1:] if not arg.isdigit()], rounds)
