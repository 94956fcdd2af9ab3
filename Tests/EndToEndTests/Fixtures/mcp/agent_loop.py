#!/usr/bin/env python3
"""A scripted agent using procrun over MCP, as the article's agent would (the official Python client).

Usage: agent_loop.py PROCRUN LIBRARY
LIBRARY is a fresh, empty library with a small Python project in it (src/, tests/). The agent:
  1. asks find_procedures for its task: nothing fits, and the answer says to record one;
  2. does the task itself (runs the command) and records what it did with record_procedure,
     declaring the folder it counted as an input;
  3. asks again: the new procedure comes first;
  4. replays it with run_procedure on another folder;
  5. reads procedure_stats: two runs, the recording's and the replay's;
  6. writes a variant whose first step keeps failing (a cache that is never there) and runs it three
     times;
  7. asks `procrun optimize` what to change: it proposes dropping that step; applied (`--write`),
     the variant's next run succeeds.
Prints one JSON object: {"replies": {label: {"is_error", "text", "structured"}}, "done_by_hand": str,
"optimize": str, "optimize_write": str, "files": {name: text}}; the Swift test checks each whole.
"""
import asyncio
import json
import os
import subprocess
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

TASK = "count the lines of Python code in a folder"
COMMAND = "find src -name '*.py' -exec cat {} + | wc -l"
VARIANT = """name: count_python_lines_cached
description: count the lines of Python code in a folder, from a cache when there is one
inputs:
  folder: {type: string, default: src}
steps:
  - id: cached
    action: shell
    parameters: {command: cat .line-count}
    on_failure: continue
  - id: count
    action: shell
    parameters:
      command: "find {{ inputs.folder }} -name '*.py' -exec cat {} + | wc -l"
"""


async def main(procrun, library):
    server = StdioServerParameters(command=procrun, args=["mcp", "--library", library])
    out = {"replies": {}, "files": {}}
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()

            async def call(label, name, arguments):
                result = await session.call_tool(name, arguments)
                text = "\n".join(item.text for item in result.content if getattr(item, "type", "") == "text")
                out["replies"][label] = {"is_error": bool(result.is_error), "text": text, "structured": result.structured_content}
                return result

            # 1. Is there a procedure for this? Not yet.
            await call("find_nothing", "find_procedures", {"task": TASK})
            # 2. Do the task by hand, then keep what worked.
            done = subprocess.run(["sh", "-c", COMMAND], cwd=library, capture_output=True, text=True, check=True)
            out["done_by_hand"] = done.stdout.strip()
            await call("record", "record_procedure", {
                "name": "count_python_lines",
                "description": TASK,
                "tags": ["python", "lines", "count"],
                "inputs": {"folder": {"type": "string", "default": "src", "description": "the folder to count"}},
                "steps": [{"action": "shell", "parameters": {"command": COMMAND}, "outcome": done.stdout.strip(),
                           "status": "success", "duration_ms": 12}],
            })
            # 3. The same task, asked again, finds it first.
            await call("find_again", "find_procedures", {"task": "how many lines of python are in the tests folder"})
            # 4. Replay it with new values.
            await call("replay", "run_procedure", {"name": "count_python_lines", "inputs": {"folder": "tests"}})
            # 5. The memory learned from both.
            await call("stats", "procedure_stats", {"name": "count_python_lines"})
            # 6. A variant with a step that keeps failing, run three times.
            with open(os.path.join(library, "count_python_lines_cached.yaml"), "w") as variant:
                variant.write(VARIANT)
            for run in range(3):
                await call(f"variant_{run + 1}", "run_procedure", {"name": "count_python_lines_cached"})
            # 7. What the runs taught: optimize proposes dropping the step; applied, the variant succeeds.
            optimize = [procrun, "optimize", "count_python_lines_cached", "--library", library]
            proposed = subprocess.run(optimize, capture_output=True, text=True)
            out["optimize"] = proposed.stdout + proposed.stderr + f"(exit {proposed.returncode})"
            applied = subprocess.run(optimize + ["--write"], capture_output=True, text=True)
            out["optimize_write"] = f"(exit {applied.returncode})"
            await call("variant_fixed", "run_procedure", {"name": "count_python_lines_cached"})
    for name in ["count_python_lines.yaml", "count_python_lines_cached.yaml"]:
        with open(os.path.join(library, name)) as file:
            out["files"][name] = file.read()
    print(json.dumps(out))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
